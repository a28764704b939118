//! `ibplan report`: a municipality's monitoring report from its signed plans, reviews and
//! provision records, or a region's or the nation's from the signed reports below it
//! (`--level region`, `--level national`). The work is the engine's
//! (`engine::report`); this module only finds the files (a folder recursively, in path
//! order), reads each within the size limit, feeds it to the builder and drops it, so a
//! folder of any size is read with memory bounded by the builder's few figures per plan.
//!
//! Its own argument parser: options may repeat (`--signer`), which the shared parser
//! refuses.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ib_planner::engine::integrity::{
    add_proof_in_place, is_date_time_stamp, KeyPair, ProofOptions,
};
use ib_planner::engine::json::{parse_strict, StrictJsonError};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::report::document::{facts_ndjson, report_csv};
use ib_planner::engine::report::rollup::{Level, Rollup, RollupError};
use ib_planner::engine::report::{
    may_sign, Rejection, ReportBuilder, ReportError, ReportPeriod, Settings,
};
use ib_planner::i18n::{has, tf, Lang};
use serde_json::Value;

use super::{read_json, read_providers, read_trust, Failure, MAX_FILE_BYTES};

/// `ibplan report --help`.
pub const HELP: &str = "\
ibplan report — a monitoring report without personal data (ib-report/1)

Usage:
  ibplan report --trust TRUST.json [--trust-key DIDKEY] [--municipality CODE]
                [--period 2025H2] [--providers PROVIDERS.json]
                [--key KEY.json [--created RFC3339]] [--csv] [--ndjson FACTS.ndjson]
                [--lang lv|en] FILES…|DIR
      a municipality's report from its plans, reviews and provision records (a folder
      is read recursively): each is verified under the trust list and recomputed; the
      report is signed with --key, which must be the trust list's (the key that signed
      the list, or a social_service_head it lists)
  ibplan report --level region [--region CODE] [--signer CODE=DIDKEY]… [--period P]
                [--key KEY.json [--created RFC3339]] [--csv] [--lang lv|en] FILES…|DIR
      a planning region's report from its municipalities' signed reports
  ibplan report --level national [--signer CODE=DIDKEY]… [--period P] [--key KEY.json]
                [--csv] [--lang lv|en] FILES…|DIR
      the national report from the regions' signed reports

The report (JSON, or with --csv one tidy table: one row per measure and group) goes to
standard output; what was read and every rejected file with its reason go to standard
error. --ndjson writes one de-identified line per counted document (no pseudonym, date
or id; not suppressed: for the municipality's own analysis). Counts from 1 to 4 are
shown as \"<5\"; other figures that would give them away are \"suppressed\".
--period is 2025, 2025H1 or 2025H2 (a plan counts by its start date).
Exit codes: 0 report written, 1 not acceptable (the key is not the municipality's),
2 unreadable input or wrong command line.
";

struct Args {
    options: Vec<(String, String)>,
    flags: Vec<String>,
    paths: Vec<String>,
}

fn parse(args: &[String]) -> Result<Args, Failure> {
    let with_value = [
        "--trust",
        "--trust-key",
        "--municipality",
        "--period",
        "--providers",
        "--key",
        "--created",
        "--ndjson",
        "--level",
        "--region",
        "--signer",
        "--lang",
    ];
    let mut out = Args {
        options: Vec::new(),
        flags: Vec::new(),
        paths: Vec::new(),
    };
    let mut items = args.iter();
    while let Some(arg) = items.next() {
        if arg == "--" {
            out.paths.extend(items.by_ref().cloned());
            break;
        }
        if let Some(stripped) = arg.strip_prefix("--") {
            let (name, inline) = match stripped.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_string())),
                None => (arg.clone(), None),
            };
            if with_value.contains(&name.as_str()) {
                let value = match inline {
                    Some(v) => v,
                    None => items
                        .next()
                        .cloned()
                        .ok_or_else(|| Failure::usage(format!("{name} needs a value"), HELP))?,
                };
                if name != "--signer" && out.options.iter().any(|(n, _)| *n == name) {
                    return Err(Failure::usage(format!("{name} is given twice"), HELP));
                }
                out.options.push((name, value));
            } else if name == "--csv" && inline.is_none() {
                out.flags.push(name);
            } else {
                return Err(Failure::usage(
                    format!("`report` has no option `{name}`"),
                    HELP,
                ));
            }
        } else {
            out.paths.push(arg.clone());
        }
    }
    Ok(out)
}

impl Args {
    fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn say(lang: Lang, key: &str, params: &[(&str, &str)]) -> String {
    if has(key) {
        tf(lang, key, params)
    } else {
        key.to_string()
    }
}

fn eprint(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Every `.json` file under the paths given, in path order (a file named directly is
/// taken whatever its name).
fn collect(paths: &[String], lang: Lang) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        let p = PathBuf::from(path);
        if p.is_dir() {
            let before = files.len();
            walk(&p, &mut files)
                .map_err(|e| Failure::unreadable(format!("{path}: cannot read the folder: {e}")))?;
            if files.len() == before {
                eprint(&say(lang, "report.cli.no_files", &[("path", path)]));
            }
        } else {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// A file's name without its folders: what a report may name.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and parses one file, or the rejection reason.
fn read_document(path: &Path) -> Result<Value, (&'static str, Option<String>)> {
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX);
    let mut file = std::fs::File::open(path).map_err(|_| ("report.reject.unreadable", None))?;
    let size = file
        .metadata()
        .map_err(|_| ("report.reject.unreadable", None))?
        .len();
    if size > limit {
        return Err(("report.reject.too_large", None));
    }
    let mut bytes = Vec::new();
    (&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| ("report.reject.unreadable", None))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(("report.reject.too_large", None));
    }
    let text = String::from_utf8(bytes).map_err(|_| ("report.reject.not_json", None))?;
    parse_strict(&text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => ("report.reject.not_json", None),
        StrictJsonError::Duplicate(_) => ("report.reject.duplicate_member", None),
    })
}

fn rejection_lines(lang: Lang, rejected: &[Value]) {
    for r in rejected {
        let file = r.get("file").and_then(Value::as_str).unwrap_or("");
        let reason = say(
            lang,
            r.get("reason").and_then(Value::as_str).unwrap_or(""),
            &[],
        );
        match r.get("detail").and_then(Value::as_str) {
            Some(detail) => {
                let detail = say(lang, detail, &[]);
                eprint(&say(
                    lang,
                    "report.cli.rejected_detail",
                    &[("file", file), ("reason", &reason), ("detail", &detail)],
                ));
            }
            None => eprint(&say(
                lang,
                "report.cli.rejected",
                &[("file", file), ("reason", &reason)],
            )),
        }
    }
}

fn shown(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => "—".into(),
    }
}

fn sign(
    document: &mut Value,
    key_path: Option<&str>,
    created: Option<&str>,
    allowed: &dyn Fn(&KeyPair) -> bool,
    lang: Lang,
) -> Result<(), Failure> {
    let Some(key_path) = key_path else {
        eprint(&say(lang, "report.cli.unsigned", &[]));
        return Ok(());
    };
    let key_json = read_json(key_path)?;
    let key = KeyPair::from_key_json(&key_json)
        .map_err(|e| Failure::rejected(format!("{key_path}: {}", say(lang, e.key(), &[]))))?;
    if !allowed(&key) {
        return Err(Failure::rejected(say(
            lang,
            "report.cli.key_not_municipality",
            &[("fingerprint", &key.fingerprint())],
        )));
    }
    let created = created.map_or_else(super::now_utc, str::to_string);
    add_proof_in_place(document, &key, &ProofOptions::new(created))
        .map_err(|e| Failure::rejected(say(lang, e.key(), &[])))?;
    eprint(&say(
        lang,
        "report.cli.signed",
        &[("fingerprint", &key.fingerprint())],
    ));
    Ok(())
}

fn write_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn output(document: &Value, csv: bool) -> Result<(), Failure> {
    if csv {
        write_out(&report_csv(document));
        return Ok(());
    }
    let text = serde_json::to_string_pretty(document)
        .map_err(|e| Failure::rejected(format!("cannot write JSON: {e}")))?;
    write_out(&text);
    write_out("\n");
    Ok(())
}

fn run(args: &Args) -> Result<(), Failure> {
    let lang = match args.get("--lang") {
        None | Some("en") => Lang::En,
        Some("lv") => Lang::Lv,
        Some(other) => {
            return Err(Failure::usage(
                format!("--lang: no language `{other}`"),
                HELP,
            ))
        }
    };
    if args.paths.is_empty() {
        return Err(Failure::usage("`report` needs files or a folder", HELP));
    }
    if let Some(created) = args.get("--created") {
        if !is_date_time_stamp(created) {
            return Err(Failure::usage(
                format!(
                    "--created: {}",
                    tf(lang, "integrity.proof.bad_created", &[("value", created)])
                ),
                HELP,
            ));
        }
    }
    let period = match args.get("--period") {
        None => None,
        Some(text) => Some(ReportPeriod::parse(text).ok_or_else(|| {
            Failure::usage(say(lang, "report.cli.bad_period", &[("value", text)]), HELP)
        })?),
    };
    let reference = ReferenceData::builtin()
        .map_err(|_| Failure::rejected("the built-in regions.json does not load".to_string()))?;
    let csv = args.flags.iter().any(|f| f == "--csv");
    let files = collect(&args.paths, lang)?;
    let level = match args.get("--level") {
        None | Some("municipality") => None,
        Some("region") => Some(Level::Region),
        Some("national") => Some(Level::National),
        Some(other) => return Err(Failure::usage(format!("--level: no level `{other}`"), HELP)),
    };
    let Some(level) = level else {
        return run_municipal(args, lang, period, &reference, &files, csv);
    };
    for only in [
        "--trust",
        "--trust-key",
        "--municipality",
        "--providers",
        "--ndjson",
    ] {
        if args.get(only).is_some() {
            return Err(Failure::usage(
                format!("{only} is for a municipality's report"),
                HELP,
            ));
        }
    }
    if level == Level::National && args.get("--region").is_some() {
        return Err(Failure::usage("--region is for --level region", HELP));
    }
    let mut pinned = BTreeMap::new();
    for (name, value) in &args.options {
        if name == "--signer" {
            let Some((code, key)) = value.split_once('=') else {
                return Err(Failure::usage("--signer takes CODE=DIDKEY", HELP));
            };
            pinned.insert(code.to_string(), key.to_string());
        }
    }
    let mut rollup = Rollup::new(
        level,
        &reference.regions,
        args.get("--region").map(str::to_string),
        period.map(|p| p.to_string()),
        pinned,
    );
    for path in &files {
        let name = file_name(path);
        match read_document(path) {
            Ok(doc) => {
                rollup.add_report(&name, &doc);
            }
            Err((reason, detail)) => rollup.add_unreadable(&name, reason, detail),
        }
    }
    let mut document = rollup.finish().map_err(|e| {
        Failure::rejected(match e {
            RollupError::SeveralRegions(codes) => say(
                lang,
                "report.cli.several_regions",
                &[("codes", &codes.join(", "))],
            ),
            RollupError::UnknownRegion(code) => {
                say(lang, "report.cli.unknown_region", &[("code", &code)])
            }
            RollupError::SeveralPeriods(p) => say(
                lang,
                "report.cli.several_periods",
                &[("periods", &p.join(", "))],
            ),
        })
    })?;
    let d = &document["documents"];
    let parts: Vec<String> = document["parts"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let missing: Vec<String> = document["missingParts"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    eprint(&say(
        lang,
        "report.cli.rollup_summary",
        &[
            ("read", &shown(d.get("read"))),
            ("counted", &shown(d.get("reports"))),
            ("parts", &parts.join(", ")),
            ("rejected", &shown(d.get("rejected"))),
            (
                "missing",
                &if missing.is_empty() {
                    "—".into()
                } else {
                    missing.join(", ")
                },
            ),
        ],
    ));
    rejection_lines(lang, d["rejections"].as_array().map_or(&[], Vec::as_slice));
    eprint(&say(lang, "report.cli.figures_note", &[]));
    // A region's or the nation's key is its own: nothing here to match it against.
    sign(
        &mut document,
        args.get("--key"),
        args.get("--created"),
        &|_| true,
        lang,
    )?;
    output(&document, csv)
}

fn run_municipal(
    args: &Args,
    lang: Lang,
    period: Option<ReportPeriod>,
    reference: &ReferenceData,
    files: &[PathBuf],
    csv: bool,
) -> Result<(), Failure> {
    if args.get("--region").is_some() || args.get("--signer").is_some() {
        return Err(Failure::usage(
            "--region and --signer are for --level region or national",
            HELP,
        ));
    }
    let Some(trust_path) = args.get("--trust") else {
        return Err(Failure::usage("`report` needs --trust TRUST.json", HELP));
    };
    let (list, signature) = read_trust(trust_path, args.get("--trust-key"))?;
    let providers = match args.get("--providers") {
        Some(path) => Some(read_providers(path, None)?),
        None => None,
    };
    let municipality = args.get("--municipality").map(str::to_string);
    if let Some(code) = &municipality {
        if reference.regions.municipality(code).is_none() {
            return Err(Failure::usage(
                say(lang, "report.cli.unknown_municipality", &[("code", code)]),
                HELP,
            ));
        }
    }
    let mut builder = ReportBuilder::new(Settings {
        trust: &list,
        municipality,
        period,
        providers: providers.as_ref(),
        facts: args.get("--ndjson").is_some(),
    });
    for path in files {
        let name = file_name(path);
        match read_document(path) {
            Ok(doc) => {
                builder.add_document(&name, &doc);
            }
            Err((reason, detail)) => builder.add_unreadable(&name, reason, detail),
        }
    }
    // The operator's own count of the files read (the report may hide it).
    let read = builder.read().to_string();
    let report = builder.finish(&reference.regions).map_err(|e| {
        Failure::rejected(match e {
            ReportError::SeveralMunicipalities(codes) => say(
                lang,
                "report.cli.several_municipalities",
                &[("codes", &codes.join(", "))],
            ),
            ReportError::UnknownMunicipality(code) => {
                say(lang, "report.cli.unknown_municipality", &[("code", &code)])
            }
        })
    })?;
    let mut document = report.document;
    let d = &document["documents"];
    eprint(&say(
        lang,
        "report.cli.summary",
        &[
            ("read", &read),
            ("plans", &shown(d.get("plans"))),
            ("reviews", &shown(d.get("reviews"))),
            ("records", &shown(d.get("provisionRecords"))),
            ("rejected", &shown(d.get("rejected"))),
        ],
    ));
    rejection_lines(lang, d["rejections"].as_array().map_or(&[], Vec::as_slice));
    eprint(&say(lang, "report.cli.figures_note", &[]));
    if let Some(path) = args.get("--ndjson") {
        std::fs::write(path, facts_ndjson(&report.facts))
            .map_err(|e| Failure::unreadable(format!("{path}: cannot write the file: {e}")))?;
    }
    sign(
        &mut document,
        args.get("--key"),
        args.get("--created"),
        &|key: &KeyPair| may_sign(&list, &signature, &key.public_key_multibase()),
        lang,
    )?;
    output(&document, csv)
}

/// Runs `ibplan report ARGS…` (the arguments after `report`).
pub fn main(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        write_out(HELP);
        return ExitCode::SUCCESS;
    }
    match parse(args).and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprint(&failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Kept for symmetry with the rejections the engine makes: a file's rejection as the CLI
/// prints it (used by tests through the binary's output).
#[allow(dead_code)]
fn rejection_text(lang: Lang, r: &Rejection) -> String {
    say(lang, r.reason, &[])
}
