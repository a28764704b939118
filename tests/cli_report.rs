//! `ibplan report` end to end on the generated fixture set (`tests/report_fixture`):
//! a folder read recursively, rejections on standard error, the signed report identical
//! to the engine's, CSV and NDJSON, the municipality's key only, the region and national
//! roll-ups, and the README's DuckDB query (run when the `duckdb` Python package is
//! importable).

mod common;
mod report_fixture;

use std::path::Path;

use common::{run, scratch, stderr, stdout, write};
use ib_planner::engine::integrity::{add_proof, ProofOptions};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::report::{ReportBuilder, ReportPeriod, Settings};
use ib_planner::engine::trust::load_trust_list;
use report_fixture::*;
use serde_json::Value;

/// Writes a municipality's files (plans under `plans/`, the rest under `other/sub/`),
/// its trust list and its head's key into `dir`.
fn write_set(dir: &Path, code: &str, children: usize, head: u8) {
    let _ = std::fs::create_dir_all(dir.join("docs/plans"));
    let _ = std::fs::create_dir_all(dir.join("docs/other/sub"));
    for (name, doc) in files(code, children, head) {
        let folder = if name.starts_with("plan-") {
            "docs/plans"
        } else {
            "docs/other/sub"
        };
        write(&dir.join(folder), &name, &doc);
    }
    write(dir, "trust.json", &trust_list(code, head));
    write(dir, "head.json", &key(head).to_key_json());
    write(dir, "worker.json", &key(head + 1).to_key_json());
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn report_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["report", "--trust", "trust.json", "--period", "2025H2"];
    args.extend_from_slice(extra);
    args
}

#[test]
fn a_folder_gives_the_engines_signed_report_byte_for_byte() {
    let (code, n, head) = MUNICIPALITIES[0];
    let dir = scratch("folder");
    write_set(&dir, code, n, head);
    write(
        &dir.join("docs/other"),
        "forged.json",
        &forged_plan(code, head),
    );
    let _ = std::fs::write(dir.join("docs/other/broken.json"), "{\"schema\": ");
    let _ = std::fs::write(dir.join("docs/other/readme.txt"), "not read");
    let output = run(
        &dir,
        &report_args(&["--key", "head.json", "--created", WHEN, "docs"]),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains(
            "22 files read: 12 plans, 6 reviews and <5 provision records counted; 2 rejected."
        ),
        "{err}"
    );
    assert!(err.contains("forged.json: rejected — Recomputed, the result is not the one in the document. (the result differs from the recomputed one)"), "{err}");
    assert!(
        err.contains("broken.json: rejected — The file is not valid JSON."),
        "{err}"
    );
    assert!(err.contains("The report is signed with the key"), "{err}");
    let cli = stdout(&output);
    // The engine, fed the same files in path order, signed with the same key and time.
    let (list, _) = load_trust_list(&trust_list(code, head), None).unwrap();
    let mut builder = ReportBuilder::new(Settings {
        trust: &list,
        municipality: None,
        period: ReportPeriod::parse("2025H2"),
        providers: None,
        facts: false,
    });
    let mut paths = Vec::new();
    fn walk(p: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(p).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out)
            } else if p.extension().is_some_and(|e| e == "json") {
                out.push(p)
            }
        }
    }
    walk(&dir.join("docs"), &mut paths);
    paths.sort();
    for p in &paths {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        match ib_planner::engine::json::parse_strict(&std::fs::read_to_string(p).unwrap()) {
            Ok(doc) => {
                builder.add_document(&name, &doc);
            }
            Err(_) => builder.add_unreadable(&name, "report.reject.not_json", None),
        }
    }
    let regions = ReferenceData::builtin().unwrap().regions;
    let report = builder.finish(&regions).unwrap();
    let signed = add_proof(&report.document, &key(head), &ProofOptions::new(WHEN)).unwrap();
    assert_eq!(
        cli,
        format!("{}\n", serde_json::to_string_pretty(&signed).unwrap())
    );
    // It verifies, and says who signed.
    write(&dir, "report.json", &json_of(&cli));
    assert_eq!(run(&dir, &["verify", "report.json"]).status.code(), Some(0));
    // Run again: the same bytes.
    let again = run(
        &dir,
        &report_args(&["--key", "head.json", "--created", WHEN, "docs"]),
    );
    assert_eq!(stdout(&again), cli);
}

#[test]
fn csv_ndjson_and_latvian() {
    let (code, n, head) = MUNICIPALITIES[1];
    let dir = scratch("csv");
    write_set(&dir, code, n, head);
    let output = run(
        &dir,
        &report_args(&["--csv", "--ndjson", "facts.ndjson", "--lang", "lv", "docs"]),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = stdout(&output);
    assert!(csv.starts_with("level,area,period,section,measure,group,status,value,unit\r\n"));
    assert!(
        csv.contains(
            "\r\nmunicipality,VALMIERAS-NOV,2025H2,children,children,total,exact,7,count\r\n"
        ),
        "{csv}"
    );
    let err = stderr(&output);
    assert!(err.contains("Nolasīti 7 faili"), "{err}");
    assert!(err.contains("Pārskats nav parakstīts"), "{err}");
    let facts = std::fs::read_to_string(dir.join("facts.ndjson")).unwrap();
    let lines: Vec<Value> = facts.lines().map(json_of).collect();
    assert_eq!(lines.iter().filter(|l| l["kind"] == "plan").count(), 7);
    assert!(
        !facts.contains("VALMIERAS-NOV-0"),
        "a pseudonym in the facts"
    );
}

#[test]
fn only_the_municipalitys_key_signs_and_bad_arguments_are_refused() {
    let (code, n, head) = MUNICIPALITIES[2];
    let dir = scratch("keys");
    write_set(&dir, code, n, head);
    let output = run(&dir, &report_args(&["--key", "worker.json", "docs"]));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not the municipality's"),
        "{}",
        stderr(&output)
    );
    let output = run(
        &dir,
        &[
            "report",
            "--trust",
            "trust.json",
            "--period",
            "2025H3",
            "docs",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not a period"));
    let output = run(&dir, &["report", "docs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("needs --trust"));
    let output = run(
        &dir,
        &[
            "report",
            "--trust",
            "trust.json",
            "--municipality",
            "NOWHERE",
            "docs",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let output = run(&dir, &["help", "report"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("--level region"));
    // Three children: nothing below five.
    let output = run(&dir, &report_args(&["--key", "head.json", "docs"]));
    assert_eq!(output.status.code(), Some(0));
    let doc = json_of(&stdout(&output));
    assert_eq!(doc["children"]["total"], "<5");
}

#[test]
fn region_and_national_reports_from_signed_reports() {
    let dir = scratch("rollup");
    let _ = std::fs::create_dir_all(dir.join("municipal"));
    for (code, n, head) in MUNICIPALITIES {
        let sub = dir.join(code);
        write_set(&sub, code, n, head);
        let output = run(
            &sub,
            &report_args(&["--key", "head.json", "--created", WHEN, "docs"]),
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let _ = std::fs::write(
            dir.join("municipal").join(format!("{code}.json")),
            stdout(&output),
        );
    }
    write(&dir, "region-key.json", &key(70).to_key_json());
    let pin = format!("CESU-NOV={}", did(10));
    let output = run(
        &dir,
        &[
            "report",
            "--level",
            "region",
            "--region",
            "VIDZEME",
            "--signer",
            &pin,
            "--key",
            "region-key.json",
            "--created",
            WHEN,
            "municipal",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("3 reports read: 2 added up (CESU-NOV, VALMIERAS-NOV); 1 rejected"),
        "{err}"
    );
    assert!(err.contains("JELGAVA.json: rejected — The report's municipality or region is not part of this whole."), "{err}");
    let vidzeme = json_of(&stdout(&output));
    assert_eq!(vidzeme["children"]["total"], 19);
    let _ = std::fs::create_dir_all(dir.join("regional"));
    write(&dir.join("regional"), "vidzeme.json", &vidzeme);
    let output = run(
        &dir,
        &[
            "report",
            "--level",
            "region",
            "--key",
            "region-key.json",
            "municipal/JELGAVA.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    write(
        &dir.join("regional"),
        "zemgale.json",
        &json_of(&stdout(&output)),
    );
    let output = run(
        &dir,
        &["report", "--level", "national", "--csv", "regional"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = stdout(&output);
    assert!(
        csv.contains("\r\nnational,LV,2025H2,children,children,total,atLeast,20,count\r\n"),
        "{csv}"
    );
    assert!(
        stderr(&output).contains("missing: KURZEME, LATGALE, RIGA"),
        "{}",
        stderr(&output)
    );
    // A region's report is refused where municipalities' are added up.
    let output = run(
        &dir,
        &[
            "report", "--level", "region", "--region", "VIDZEME", "regional",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("The report is not of the level being added up here."));
}

/// The DuckDB query of the README, over the CSV and the NDJSON.
pub const DUCKDB_QUERY: &str = "\
SELECT f.service, count(*) AS plans, sum(CAST(f.fundedEuros AS DECIMAL(14,2))) AS funded, \
r.value AS reported_funded \
FROM read_json_auto('facts.ndjson', format = 'newline_delimited') AS f \
JOIN read_csv('report.csv', header = true, all_varchar = true) AS r \
  ON r.section = 'service' AND r.measure = 'fundedEuros' AND r.\"group\" = 'service:' || f.service \
WHERE f.kind = 'service' GROUP BY f.service, r.value ORDER BY f.service";

#[test]
fn the_readme_duckdb_query_runs_when_duckdb_is_there() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(_) => {
            println!("skipped: the duckdb Python package is not importable (pip install duckdb)");
            return;
        }
        Err(e) => {
            println!("skipped: python3 cannot be run ({e})");
            return;
        }
    }
    let (code, n, head) = MUNICIPALITIES[0];
    let dir = scratch("duckdb");
    write_set(&dir, code, n, head);
    let output = run(
        &dir,
        &report_args(&["--csv", "--ndjson", "facts.ndjson", "docs"]),
    );
    assert_eq!(output.status.code(), Some(0));
    let _ = std::fs::write(dir.join("report.csv"), stdout(&output));
    let script = format!(
        "import duckdb\nfor row in duckdb.sql({DUCKDB_QUERY:?}).fetchall():\n    print(row[0], row[1], row[2], row[3])\n"
    );
    let out = std::process::Command::new("python3")
        .current_dir(&dir)
        .args(["-c", &script])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    // Where the report shows a service's funded euros, the facts add up to it.
    let mut rows = 0;
    for line in text.lines() {
        let cols: Vec<&str> = line.split(' ').collect();
        if cols.len() == 4 && cols[3] != "None" {
            assert_eq!(cols[2], cols[3], "{line}");
        }
        rows += 1;
    }
    assert!(rows > 0, "{text}");
}
