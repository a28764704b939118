//! `ibplan`: the command line over the engine — make keys, print the example case, build
//! a plan, build the review of a plan, print a one-screen summary of a plan or a review,
//! sign any JSON document, verify a document's proofs (and, for a plan, that re-running
//! the engine gives the embedded result; with `--trust`, who signed, the price list and
//! the signing rule under a trust list), and print a price list's trust-list entry.
//!
//! The shape follows "raw arguments, then validated commands": [`parse`] turns the
//! argument list into a [`Command`]; each `run_*` function only orchestrates engine calls
//! and writes the output. This is the only place that reads the clock and the OS's
//! randomness; the engine gets both as arguments.
//!
//! Exit codes: 0 success (for `verify`: every proof valid and the plan recomputes), 1 the
//! input was read but is not acceptable (problems in a case, an invalid or missing proof,
//! a bad key), 2 the input cannot be read or parsed, or the command line is wrong.

use std::io::{Read, Write};
use std::process::ExitCode;

use ib_planner::engine::integrity::{
    add_proof_in_place, format_unix_utc, is_date_time_stamp, verify_document, IntegrityError,
    KeyPair, ProofOptions, ProofReport, ProofStatus, VerificationReport, DEFAULT_PURPOSE,
};
use ib_planner::engine::json::{parse_strict, StrictJsonError};
use ib_planner::engine::money::money_string;
use ib_planner::engine::plan::{
    plan_from_case_json, plan_with_catalogue, recompute_check, upgrade_plan, RecomputeOutcome,
    PLAN_SCHEMA,
};
use ib_planner::engine::problem::Problem;
use ib_planner::engine::providers::{providers_from_json, ProviderList};
use ib_planner::engine::provision::{
    amended_versions, carry_over, guarantee_letters, payments_csv, provision_report, record_json,
    report_json, MonthFigures, ProvisionError, ProvisionReport, ServiceProvider,
};
use ib_planner::engine::reference::{catalogue_from_json, Catalogue, ReferenceData};
use ib_planner::engine::review::{
    is_review, plan_link, review_from_plan, review_recompute_check, PlanLink, ReviewError,
    REVIEW_SCHEMA_PREFIX,
};
use ib_planner::engine::trust::{
    load_trust_list, price_list_entry, verify_with_trust, ListSignature, TrustList,
};
use ib_planner::i18n::{tf, Lang};
use rust_decimal::Decimal;
use serde_json::{json, Value};

// `ibplan report` (issue 16) lives in its own module, `src/bin/ibplan/report.rs`, with its
// own argument parser; `main` hands it the arguments before the shared parser sees them.
#[path = "ibplan/report.rs"]
mod report;

const USAGE: &str = "\
ibplan — individual-budget support plans: build, review, sign and verify plan documents

Usage:
  ibplan keygen                  print a new Ed25519 key (Multikey JSON)
  ibplan example-case            print a complete example case
  ibplan plan [--catalogue PRICES.json] CASE.json
                                 print the plan document for a case
  ibplan review PLAN.json INPUT.json
                                 print the review document of a plan
  ibplan show FILE.json          print a one-screen summary of a plan or a review
  ibplan upgrade PLAN.json       print an ib-plan/0 plan converted to ib-plan/1
  ibplan sign --key KEY.json [--created RFC3339] [--purpose PURPOSE] [--force] DOC.json
                                 print DOC with one more eddsa-jcs-2022 proof
  ibplan verify [--json] [--trust TRUST.json [--trust-key DIDKEY]] DOC.json
                                 check every proof (and recompute a plan); with a
                                 trust list also who signed, the price list and the
                                 signing rule
  ibplan price-list-entry FILE.json
                                 print the trust list's priceLists entry of a price
                                 list (or of the one a plan embeds)
  ibplan providers [--catalogue PRICES.json] FILE.json
                                 validate a provider list (ib-providers/1)
  ibplan provision [--providers PROVIDERS.json] [--json | --csv | --letters |
                   --amend AMENDED.json] PLAN.json RECORD.json
                                 check a provision record (ib-provision/1) against
                                 its plan; print allocated / delivered / paid /
                                 available per service and month
  ibplan report --trust TRUST.json [--period 2025H2] FILES…|DIR
                                 a monitoring report without personal data
                                 (ib-report/1); --level region|national adds up
                                 signed reports
  ibplan help [COMMAND]          show help; also `ibplan COMMAND --help`
  ibplan --version

A FILE argument of `-` reads standard input. A file larger than 5 MiB is not read, and
a JSON document in which an object repeats a member name is refused (exit 2). A UTF-8
byte-order mark at the start of a file is accepted.
Exit codes: 0 ok, 1 not acceptable (problems, invalid or missing proofs), 2 unreadable
input or wrong command line.
";

const KEYGEN_HELP: &str = "\
Usage: ibplan keygen

Prints a new key as JSON: {\"publicKeyMultibase\": \"z6Mk…\", \"secretKeyMultibase\": \"z…\"}.
The seed comes from the operating system's random source. Keep the secret key private;
share the public key (or its did:key form) with whoever verifies your signatures.
";

const EXAMPLE_HELP: &str = "\
Usage: ibplan example-case

Prints a realistic, complete example case (valid input for `ibplan plan`).
";

const PLAN_HELP: &str = "\
Usage: ibplan plan [--catalogue PRICES.json] CASE.json

Validates the case and prints the plan document (\"schema\": \"ib-plan/1\") with every
input needed to recompute it. When the case has problems, prints one line per problem
as `CASE.json: /json/pointer: message` on standard error and exits with 1.

  --catalogue PRICES.json   plan with this price list (\"schema\": \"ib-catalogue/1\",
                            e.g. a municipality's own) instead of the built-in one;
                            its problems are reported as `PRICES.json: /pointer: …`
";

const REVIEW_HELP: &str = "\
Usage: ibplan review PLAN.json INPUT.json

Prints the review document (\"schema\": \"ib-review/1\") of the plan PLAN.json (an
unchanged ib-plan/1 document; a proof is allowed) from what was found at the end of the
period, INPUT.json:

  {\"goals\": [{\"id\": \"G1\", \"attained\": 0, \"note\": \"…\", \"conclusion\": \"continue\"}],
   \"parentGoals\": [{\"id\": \"PG1\", \"performance\": 6, \"satisfaction\": 5}],
   \"delivery\": [{\"code\": \"SVC-SPEECH\", \"delivered\": 22}],
   \"comments\": \"…\"}

Every team goal of the plan needs its attained GAS level (-2..2) and the team's conclusion
(achieved, continue, change or drop; the note is optional); every parents' goal its new
performance and satisfaction (1..10); every service the plan funded the units delivered
(0 up to the units funded). The review names the plan by its digest (SHA-256 of the JCS
of the plan without its proof) and carries the outcome: GAS T-scores at baseline and at
review (all goals, long-term, short-term; rho and weights as in the plan), the COPM
average changes with each goal's change and the >= 2 flag, and the share of funded units
delivered. When the plan or the input has problems, prints one line per problem as
`FILE: /json/pointer: message` on standard error and exits with 1.
";

const UPGRADE_HELP: &str = "\
Usage: ibplan upgrade PLAN.json

Prints the plan converted to the current schema (ib-plan/1). An ib-plan/0 document is
migrated (its weights pair becomes {expert, parent}, a 6-month period is added) and
computed again with the price list it embeds (or the built-in one when it has none). The
old document's proofs do not cover the converted plan, so they are left out and the
converted plan must be signed again; standard error says how many were left out. A plan
already at ib-plan/1 is printed unchanged.
Exit 0 when the plan was converted (or needed nothing), 1 when it cannot be (problems
are listed as `PLAN.json: /pointer: message`, or a newer schema), 2 when PLAN.json
cannot be read.
";

const SHOW_HELP: &str = "\
Usage: ibplan show FILE.json

Prints a one-screen text summary of a plan (\"ib-plan/…\") or a review (\"ib-review/…\"):
for a plan the period, budget and the funded service lines with the GAS and COPM
baselines; for a review the GAS T-scores, the COPM changes, the delivery and the team's
conclusions. Also re-runs the engine on the document and says whether its result
matches, and how many proofs it carries (it does not check them: use `ibplan verify`).
Exit 0 when the document recomputes, 1 when it does not or is neither a plan nor a
review, 2 when FILE.json cannot be read.
";

const SIGN_HELP: &str = "\
Usage: ibplan sign --key KEY.json [--created RFC3339] [--purpose PURPOSE] [--force] DOC.json

Prints DOC.json (any JSON object) with one more Data Integrity proof (eddsa-jcs-2022,
did:key verification method). A document that already has proofs gets a proof set: each
proof signs the document without its proofs, so signers are independent.

A plan (\"schema\": \"ib-plan/…\") is re-run first: when its result does not recompute,
nothing is signed, the first difference is printed and the exit code is 1.

  --key KEY.json        key file with secretKeyMultibase (or privateKeyMultibase)
  --created TIME        RFC 3339 date-time with a zone; default: now, in UTC
  --purpose PURPOSE     proof purpose; default: assertionMethod
  --force               sign a plan that does not recompute anyway (with a warning)
";

const VERIFY_HELP: &str = "\
Usage: ibplan verify [--json] [--trust TRUST.json [--trust-key DIDKEY]]
                     [--plan PLAN.json] DOC.json

Checks every proof of DOC.json and, when the document is a plan (\"schema\": \"ib-plan/…\")
or a review (\"ib-review/…\"), re-runs the engine on the embedded inputs and compares the
result. For a review, --plan PLAN.json checks that PLAN.json is the plan the review names
by its digest (the plan without its proofs); without --plan the output says that the plan
was not given, and which digest the review names. Without --trust this
is integrity only, and the output says so: a valid proof shows that nobody changed the
file after the key's holder signed it, not who that was.

With --trust TRUST.json (an ib-trust/1 trust list, see public/schema/), also reports for
every proof: valid and by whom (name, role), valid but by an unknown key, outside the
signer's validity (judged by the proof's created), revoked, or invalid; a proof listed
twice counts once, and a second proof by one key is flagged. For a plan: its price-list
version and whether its digest is the official one for that version. And the signing
rule: complete, or which roles are missing. The verdict is VALID only when every proof
is trusted, the price list is official, the rule is complete and the plan recomputes.
A document that is not a plan (a review) has no price list to check; the rule applies.

An amended plan (one whose case has amends.planDigests) is listed with its earlier
versions, oldest first: `PLAN.json: amends plan version N: DIGEST` (and \"amends\" in
--json).

The trust list itself must be unchanged and signed: by a signer it lists with the role
social_service_head who was valid at the proof's created, or, with --trust-key, by that
key (a did:key or publicKeyMultibase obtained from the social service another way). A
list that is not accepted is reported as `TRUST.json: /pointer: message` (exit 1).
Without --trust-key, the list vouches only for itself: check the name and key printed.

Exit 0 when there is at least one proof, every proof is valid, the plan or review
recomputes to the same result, a plan given with --plan is the one named (and, with
--trust, the verdict is VALID); 1 otherwise (a
document with no proof is not verified); 2 when a file cannot be read or is not a JSON
object. A document with more than 50 proofs is refused (exit 1) before any signature is
checked.

  --json               also print a JSON report on standard output
  --trust TRUST.json   verify under this trust list
  --trust-key DIDKEY   the key the trust list must be signed by
  --plan PLAN.json     for a review: the plan it is about, to check the link
";

const PRICE_LIST_ENTRY_HELP: &str = "\
Usage: ibplan price-list-entry FILE.json

Prints the entry of an ib-trust/1 trust list's \"priceLists\" for a price list
(\"schema\": \"ib-catalogue/1\", e.g. public/data/catalogue.json) or for the price list a
plan embeds: {\"version\": …, \"effectiveDate\": …, \"digest\": …}, the digest being the
SHA-256 (hex) of the JCS form of the price list as a plan embeds it (validated and
normalised: amounts with two decimals). A price list with problems is reported as
`FILE.json: /pointer: message` (exit 1).
";

const PROVIDERS_HELP: &str = "\
Usage: ibplan providers [--catalogue PRICES.json] FILE.json

Validates a provider list (\"schema\": \"ib-providers/1\", e.g.
public/data/providers.example.json): a version and a date; each provider's name, number
in the Social Services Provider Register (unique in the list), address, contact and the
catalogue services it offers, each optionally at its own unit price (\"26.00\"). Every
service code must be in the price list: the built-in one, or PRICES.json with
--catalogue. Prints the providers and their services; problems are printed as
`FILE.json: /json/pointer: message` on standard error (exit 1).

  --catalogue PRICES.json   check the service codes against this price list
";

const PROVISION_HELP: &str = "\
Usage: ibplan provision [--providers PROVIDERS.json] [--json | --csv | --letters |
                        --amend AMENDED.json] PLAN.json RECORD.json

Checks the provision record RECORD.json (\"schema\": \"ib-provision/1\", see
public/schema/ib-provision-1.schema.json) against the plan PLAN.json (an unchanged
ib-plan/1 document; a proof is allowed) and prints, per funded service, per plan month
and in total, what was allocated, delivered, paid and is available, with the providers,
arrangements, price differences and the forecast at the current pace.

The record names the plan by its digest (SHA-256 of the JCS of the plan without its
proof) and the case by its pseudonym; per funded line the parents' choice of provider
({\"listed\": \"REGISTER-NUMBER\"} from the provider list, or {\"other\": {name,
registerNumber, address, contact, unitPrice?}}) and the arrangement (contract or
guaranteeLetter, number, date), with \"fromMonth\" when the provider changes during the
period (each statement stays with the provider of its month); per service and plan month
(1..months) the units delivered and the amount paid.

Each line's funded amount is spread over the months (rounded down to the cent, the last
month takes the rest); what is not spent in a month carries to the later months, never
past the plan's end, and spending ahead of the months is shown as \"ahead\". Delivering
more than the funded units, paying more than funded, paying more than the units
delivered at the agreed price and a month outside the plan are refused. The forecast
is what is paid so far times months / months with statements, to the cent.

Problems are printed as `FILE: /json/pointer: message` on standard error (exit 1).

  --providers PROVIDERS.json  the provider list (ib-providers/1) that listed choices
                              name; needed when the record has one
  --json                      print the computed report (ib-provision-report/1,
                              public/schema/ib-provision-report-1.schema.json)
  --csv                       print the payments by provider and month as CSV (RFC 4180,
                              CRLF, amounts with a decimal point; no identity beyond the
                              case pseudonym)
  --letters                   print the contents of each guarantee letter as JSON
  --amend AMENDED.json        carry the record over to AMENDED.json, an amended version
                              of the plan (same case and period), and print the new
                              record: the deliveries kept, the earlier plan's digest in
                              previousPlanDigests; refused when the amended plan funds
                              fewer units or less money than already delivered or paid,
                              or when its case's amends.planDigests (the earlier
                              versions) does not end with PLAN.json's digest
";

/// A validated command line.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help(&'static str),
    Version,
    Keygen,
    ExampleCase,
    Plan {
        case: String,
        catalogue: Option<String>,
    },
    Review {
        plan: String,
        input: String,
    },
    Show {
        file: String,
    },
    Upgrade {
        file: String,
    },
    PriceListEntry {
        file: String,
    },
    Providers {
        file: String,
        catalogue: Option<String>,
    },
    Provision {
        plan: String,
        record: String,
        providers: Option<String>,
        output: ProvisionOutput,
    },
    Sign {
        key: String,
        created: Option<String>,
        purpose: String,
        force: bool,
        document: String,
    },
    Verify {
        json: bool,
        trust: Option<String>,
        trust_key: Option<String>,
        plan: Option<String>,
        document: String,
    },
}

/// What `ibplan provision` prints.
#[derive(Debug, PartialEq, Eq)]
enum ProvisionOutput {
    Text,
    Json,
    Csv,
    Letters,
    Amend(String),
}

/// A failure with its exit code and the message for standard error.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>, help: &str) -> Failure {
        Failure {
            code: 2,
            message: format!("ibplan: {}\n\n{help}", message.into()),
        }
    }
    fn unreadable(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    fn rejected(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

fn help_for(command: &str) -> Option<&'static str> {
    match command {
        "keygen" => Some(KEYGEN_HELP),
        "example-case" => Some(EXAMPLE_HELP),
        "plan" => Some(PLAN_HELP),
        "review" => Some(REVIEW_HELP),
        "show" => Some(SHOW_HELP),
        "upgrade" => Some(UPGRADE_HELP),
        "sign" => Some(SIGN_HELP),
        "verify" => Some(VERIFY_HELP),
        "price-list-entry" => Some(PRICE_LIST_ENTRY_HELP),
        "providers" => Some(PROVIDERS_HELP),
        "provision" => Some(PROVISION_HELP),
        "report" => Some(report::HELP),
        _ => None,
    }
}

/// Turns the raw arguments (without the program name) into a command.
fn parse(args: &[String]) -> Result<Command, Failure> {
    let Some((name, rest)) = args.split_first() else {
        return Ok(Command::Help(USAGE));
    };
    match name.as_str() {
        "-h" | "--help" => return Ok(Command::Help(USAGE)),
        "-V" | "--version" => return Ok(Command::Version),
        "help" => {
            return match rest.first() {
                None => Ok(Command::Help(USAGE)),
                Some(topic) => help_for(topic)
                    .map(Command::Help)
                    .ok_or_else(|| Failure::usage(format!("no command `{topic}`"), USAGE)),
            }
        }
        _ => {}
    }
    let Some(help) = help_for(name) else {
        return Err(Failure::usage(format!("no command `{name}`"), USAGE));
    };
    if rest.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help(help));
    }

    // Options (`--name value` or `--name=value`) and positional arguments.
    let mut options: Vec<(String, Option<String>)> = Vec::new();
    let mut positional: Vec<String> = Vec::new();
    let takes_value = |option: &str| {
        matches!(
            option,
            "--key"
                | "--created"
                | "--purpose"
                | "--trust"
                | "--trust-key"
                | "--catalogue"
                | "--plan"
                | "--providers"
                | "--amend"
        )
    };
    let mut items = rest.iter();
    while let Some(arg) = items.next() {
        if arg == "--" {
            positional.extend(items.by_ref().cloned());
            break;
        }
        if arg.starts_with("--") {
            let (option, inline) = match arg.split_once('=') {
                Some((option, value)) => (option.to_string(), Some(value.to_string())),
                None => (arg.clone(), None),
            };
            let value = if takes_value(&option) {
                match inline {
                    Some(value) => Some(value),
                    None => match items.next() {
                        Some(value) => Some(value.clone()),
                        None => {
                            return Err(Failure::usage(format!("{option} needs a value"), help))
                        }
                    },
                }
            } else if inline.is_some() {
                return Err(Failure::usage(format!("{option} takes no value"), help));
            } else {
                None
            };
            options.push((option, value));
        } else if arg.starts_with('-') && arg != "-" {
            return Err(Failure::usage(format!("unknown option `{arg}`"), help));
        } else {
            positional.push(arg.clone());
        }
    }

    let allowed: &[&str] = match name.as_str() {
        "sign" => &["--key", "--created", "--purpose", "--force"],
        "verify" => &["--json", "--trust", "--trust-key", "--plan"],
        "plan" | "providers" => &["--catalogue"],
        "provision" => &["--providers", "--json", "--csv", "--letters", "--amend"],
        _ => &[],
    };
    for (option, _) in &options {
        if !allowed.contains(&option.as_str()) {
            return Err(Failure::usage(
                format!("`{name}` has no option `{option}`"),
                help,
            ));
        }
        if options.iter().filter(|(o, _)| o == option).count() > 1 {
            return Err(Failure::usage(format!("{option} is given twice"), help));
        }
    }
    let option = |wanted: &str| {
        options
            .iter()
            .find(|(o, _)| o == wanted)
            .and_then(|(_, v)| v.clone())
    };
    let expected_files = match name.as_str() {
        "review" | "provision" => 2,
        "plan" | "show" | "upgrade" | "sign" | "verify" | "price-list-entry" | "providers" => 1,
        _ => 0,
    };
    if positional.len() != expected_files {
        let message = match expected_files {
            0 => format!("`{name}` takes no file argument"),
            1 if positional.is_empty() => format!("`{name}` needs a file argument"),
            1 => format!("`{name}` takes exactly one file argument"),
            _ if name == "provision" => {
                format!("`{name}` takes two file arguments: PLAN.json RECORD.json")
            }
            _ => format!("`{name}` takes two file arguments: PLAN.json INPUT.json"),
        };
        return Err(Failure::usage(message, help));
    }
    let mut files = positional.into_iter();
    let file = files.next().unwrap_or_default();

    Ok(match name.as_str() {
        "keygen" => Command::Keygen,
        "example-case" => Command::ExampleCase,
        "plan" => Command::Plan {
            case: file,
            catalogue: option("--catalogue"),
        },
        "review" => Command::Review {
            plan: file,
            input: files.next().unwrap_or_default(),
        },
        "show" => Command::Show { file },
        "upgrade" => Command::Upgrade { file },
        "price-list-entry" => Command::PriceListEntry { file },
        "providers" => Command::Providers {
            file,
            catalogue: option("--catalogue"),
        },
        "provision" => {
            let flag = |wanted: &str| options.iter().any(|(o, _)| o == wanted);
            let mut outputs = Vec::new();
            if flag("--json") {
                outputs.push(ProvisionOutput::Json);
            }
            if flag("--csv") {
                outputs.push(ProvisionOutput::Csv);
            }
            if flag("--letters") {
                outputs.push(ProvisionOutput::Letters);
            }
            if let Some(amended) = option("--amend") {
                outputs.push(ProvisionOutput::Amend(amended));
            }
            if outputs.len() > 1 {
                return Err(Failure::usage(
                    "--json, --csv, --letters and --amend exclude each other",
                    help,
                ));
            }
            Command::Provision {
                plan: file,
                record: files.next().unwrap_or_default(),
                providers: option("--providers"),
                output: outputs.pop().unwrap_or(ProvisionOutput::Text),
            }
        }
        "sign" => {
            let Some(key) = option("--key") else {
                return Err(Failure::usage("`sign` needs --key KEY.json", help));
            };
            let created = option("--created");
            if let Some(created) = &created {
                if !is_date_time_stamp(created) {
                    return Err(Failure::usage(
                        format!(
                            "--created: {}",
                            tf(
                                Lang::En,
                                "integrity.proof.bad_created",
                                &[("value", created)]
                            )
                        ),
                        help,
                    ));
                }
            }
            Command::Sign {
                key,
                created,
                purpose: option("--purpose").unwrap_or_else(|| DEFAULT_PURPOSE.to_string()),
                force: options.iter().any(|(o, _)| o == "--force"),
                document: file,
            }
        }
        _ => {
            let trust = option("--trust");
            let trust_key = option("--trust-key");
            if trust_key.is_some() && trust.is_none() {
                return Err(Failure::usage("--trust-key needs --trust TRUST.json", help));
            }
            Command::Verify {
                json: options.iter().any(|(o, _)| o == "--json"),
                trust,
                trust_key,
                plan: option("--plan"),
                document: file,
            }
        }
    })
}

/// The largest file `ibplan` reads: the app's limit for a plan file
/// ([`ib_planner::signing::MAX_FILE_BYTES`], 5 MiB), for every file it reads.
const MAX_FILE_BYTES: usize = ib_planner::signing::MAX_FILE_BYTES;

fn too_large(path: &str) -> Failure {
    Failure::unreadable(format!(
        "{path}: the file is larger than {MAX_FILE_BYTES} bytes (5 MiB), so it is not read"
    ))
}

/// Reads a file (`-` is standard input) as text, refusing one larger than
/// [`MAX_FILE_BYTES`] before reading it (standard input: before reading past the limit).
fn read_text(path: &str) -> Result<String, Failure> {
    let limit = u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::unreadable(format!("{path}: cannot read standard input: {e}")))?;
    } else {
        let mut file = std::fs::File::open(path)
            .map_err(|e| Failure::unreadable(format!("{path}: cannot read the file: {e}")))?;
        let size = file
            .metadata()
            .map_err(|e| Failure::unreadable(format!("{path}: cannot read the file: {e}")))?
            .len();
        if size > limit {
            return Err(too_large(path));
        }
        // The file may grow after the check: never read past the limit.
        (&mut file)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::unreadable(format!("{path}: cannot read the file: {e}")))?;
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(path));
    }
    // A byte-order mark is left for `parse_strict`, which ignores one at the start.
    String::from_utf8(bytes).map_err(|e| {
        Failure::unreadable(format!(
            "{path}: cannot read the file: it is not UTF-8 text ({e})"
        ))
    })
}

/// Reads and parses a JSON file (`-` is standard input); failures name the file and,
/// for syntax errors, the line and column. A document in which an object repeats a member
/// name is refused with the pointer of the repeat (`FILE: /budget: …`).
fn read_json(path: &str) -> Result<Value, Failure> {
    let text = read_text(path)?;
    parse_strict(&text).map_err(|error| match error {
        StrictJsonError::Syntax(e) => Failure::unreadable(format!(
            "{path}: not valid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )),
        StrictJsonError::Duplicate(duplicate) => {
            Failure::unreadable(problem_line(path, &duplicate.problem()))
        }
    })
}

/// The English text of a catalogue key; a key the catalogue lacks is shown as the key
/// and its parameters, which says more on a terminal than a placeholder would.
fn message(key: &str, params: &[(String, String)]) -> String {
    if !ib_planner::i18n::has(key) {
        let shown: Vec<String> = params.iter().map(|(n, v)| format!("{n}={v}")).collect();
        return format!("{key} {}", shown.join(" ")).trim_end().to_string();
    }
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    tf(Lang::En, key, &params)
}

fn integrity_message(error: &IntegrityError) -> String {
    let params: Vec<(String, String)> = error
        .params()
        .into_iter()
        .map(|(n, v)| (n.to_string(), v))
        .collect();
    message(error.key(), &params)
}

/// `FILE: /pointer: message` for one problem.
fn problem_line(file: &str, problem: &Problem) -> String {
    let path = if problem.path.is_empty() {
        "/"
    } else {
        &problem.path
    };
    format!("{file}: {path}: {}", message(&problem.key, &problem.params))
}

fn print_json(value: &Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::rejected(format!("cannot write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not worth a panic or an error message.
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
    Ok(())
}

/// 32 bytes from the operating system's random source. The CLI is a native tool; on
/// wasm32 (built only because `cargo test --target wasm32` builds every binary) there is
/// no such source and keygen says so.
#[cfg(not(target_arch = "wasm32"))]
fn random_seed() -> Result<[u8; 32], Failure> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| Failure::rejected(format!("cannot read the system's random source: {e}")))?;
    Ok(seed)
}

#[cfg(target_arch = "wasm32")]
fn random_seed() -> Result<[u8; 32], Failure> {
    Err(Failure::rejected("keygen needs a native build".to_string()))
}

fn run_keygen() -> Result<(), Failure> {
    let mut seed = random_seed()?;
    let key = KeyPair::from_seed(&seed);
    seed.fill(0);
    print_json(&key.to_key_json())
}

fn run_plan(case_path: &str, catalogue_path: Option<&str>) -> Result<(), Failure> {
    let case = read_json(case_path)?;
    let planned = match catalogue_path {
        None => plan_from_case_json(&case),
        Some(catalogue_path) => {
            let catalogue = read_json(catalogue_path)?;
            if let Err(problems) = ib_planner::engine::reference::catalogue_from_json(&catalogue) {
                return Err(rejected_problems(catalogue_path, &problems, "plan"));
            }
            plan_with_catalogue(&case, &catalogue)
        }
    };
    match planned {
        Ok(plan) => print_json(&plan),
        Err(problems) => {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| problem_line(case_path, p))
                .collect();
            let summary = format!(
                "{case_path}: {} problem(s); no plan was made",
                problems.len()
            );
            Err(Failure::rejected(format!(
                "{}\n{summary}",
                lines.join("\n")
            )))
        }
    }
}

fn rejected_problems(file: &str, problems: &[Problem], what: &str) -> Failure {
    let mut lines: Vec<String> = problems.iter().map(|p| problem_line(file, p)).collect();
    lines.push(format!(
        "{file}: {} problem(s); no {what} was made",
        problems.len()
    ));
    Failure::rejected(lines.join("\n"))
}

fn run_review(plan_path: &str, input_path: &str) -> Result<(), Failure> {
    let plan = read_json(plan_path)?;
    let input = read_json(input_path)?;
    match review_from_plan(&plan, &input) {
        Ok(review) => print_json(&review),
        Err(ReviewError::Plan(problems)) => Err(rejected_problems(plan_path, &problems, "review")),
        Err(ReviewError::Input(problems)) => {
            Err(rejected_problems(input_path, &problems, "review"))
        }
    }
}

/// The text of the value at `pointer` (strings bare, other values as JSON, `—` when
/// absent or null).
fn at(value: &Value, pointer: &str) -> String {
    match value.pointer(pointer) {
        None | Some(Value::Null) => "—".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn items<'a>(value: &'a Value, pointer: &str) -> &'a [Value] {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn proof_count(document: &Value) -> usize {
    match document.get("proof") {
        None | Some(Value::Null) => 0,
        Some(Value::Array(proofs)) => proofs.len(),
        Some(_) => 1,
    }
}

fn yes_no(value: &Value, pointer: &str) -> &'static str {
    match value.pointer(pointer) {
        Some(Value::Bool(true)) => "yes",
        Some(Value::Bool(false)) => "no",
        _ => "—",
    }
}

fn signed(text: String) -> String {
    if text.starts_with('-') || text == "—" || text.chars().all(|c| c == '0' || c == '.') {
        text
    } else {
        format!("+{text}")
    }
}

fn plan_summary(doc: &Value) -> Vec<String> {
    let mut out = vec![
        format!(
            "Plan {} · child {} · {} to {} ({} months)",
            at(doc, "/schema"),
            at(doc, "/case/child/id"),
            at(doc, "/result/period/start"),
            at(doc, "/result/period/end"),
            at(doc, "/result/period/months"),
        ),
        format!(
            "Budget €{} · funded €{} · remaining €{} · unmet need €{}",
            at(doc, "/result/totals/budget"),
            at(doc, "/result/totals/allocated"),
            at(doc, "/result/totals/remaining"),
            at(doc, "/result/totals/unmet"),
        ),
        String::new(),
        format!(
            "{:>3}  {:<18} {:<30} {:>9} {:>10}  why",
            "#", "service", "name", "units", "funded €"
        ),
    ];
    // The reasons in the app's words (`plan_view::line_explanation`), when the embedded
    // inputs recompute to these lines; otherwise the status and why it is not explained.
    let explained = ib_planner::plan_view::explained_document(doc);
    for (index, line) in items(doc, "/result/lines").iter().enumerate() {
        let words = explained
            .as_ref()
            .and_then(|(case, catalogue, allocation)| {
                ib_planner::plan_view::line_explanation(
                    Lang::En,
                    case,
                    catalogue,
                    &allocation.lines,
                    index,
                )
            });
        let why = match words {
            Some(words) => words.text(),
            None => {
                let cap = line.pointer("/reason/cap").and_then(Value::as_u64);
                let status = ib_planner::plan_view::status_of_key(&at(line, "/reasonKey"), cap)
                    .map(|s| tf(Lang::En, s.key(), &[]))
                    .unwrap_or_else(|| at(line, "/reasonKey"));
                format!("{status}. {}", tf(Lang::En, "explain.not_explained", &[]))
            }
        };
        let name: String = at(line, "/name/en").chars().take(30).collect();
        let units = format!("{}/{}", at(line, "/fundedUnits"), at(line, "/quantity"));
        out.push(format!(
            "{:>3}  {:<18} {:<30} {:>9} {:>10}  {}",
            at(line, "/position"),
            at(line, "/code"),
            name,
            units,
            at(line, "/fundedAmount"),
            why,
        ));
    }
    out.push(String::new());
    out.push(format!(
        "GAS baseline T-score: {} (weighted {}), {} goal(s)",
        at(doc, "/result/gas/baseline/unweighted"),
        at(doc, "/result/gas/baseline/weighted"),
        at(doc, "/result/gas/goals"),
    ));
    out.push(format!(
        "COPM at the assessment: performance {}, satisfaction {}, {} goal(s)",
        at(doc, "/result/copm/performance"),
        at(doc, "/result/copm/satisfaction"),
        at(doc, "/result/copm/goals"),
    ));
    out
}

fn review_summary(doc: &Value) -> Vec<String> {
    let mut out = vec![
        format!(
            "Review {} · child {} · plan from {}, {} months",
            at(doc, "/schema"),
            at(doc, "/review/childId"),
            at(doc, "/review/startDate"),
            at(doc, "/review/periodMonths"),
        ),
        format!("Plan digest: {}", at(doc, "/review/planDigest")),
        String::new(),
        format!(
            "GAS T-score (rho {}), unweighted / weighted:   baseline        review          change",
            at(doc, "/outcome/gas/rho")
        ),
    ];
    for (label, member) in [
        ("all goals", "overall"),
        ("long-term", "longTerm"),
        ("short-term", "shortTerm"),
    ] {
        let g = format!("/outcome/gas/{member}");
        if doc.pointer(&g).is_none_or(Value::is_null) {
            out.push(format!("  {label:<12} none"));
            continue;
        }
        let pair = |part: &str| {
            format!(
                "{} / {}",
                at(doc, &format!("{g}/{part}/unweighted")),
                at(doc, &format!("{g}/{part}/weighted"))
            )
        };
        let change = format!(
            "{} / {}",
            signed(at(doc, &format!("{g}/change/unweighted"))),
            signed(at(doc, &format!("{g}/change/weighted")))
        );
        out.push(format!(
            "  {:<12} {:>3} goal(s)                  {:<15} {:<15} {change}",
            label,
            at(doc, &format!("{g}/goals")),
            pair("baseline"),
            pair("review"),
        ));
    }
    for goal in items(doc, "/review/goals") {
        let conclusion = format!("review.conclusion.{}", at(goal, "/conclusion"));
        let note = at(goal, "/note");
        out.push(format!(
            "  {:<8} {:<5} weight {:<3} {:>2} -> {:>2}  {}{}",
            at(goal, "/id"),
            at(goal, "/term"),
            at(goal, "/weight"),
            at(goal, "/baseline"),
            at(goal, "/attained"),
            message(&conclusion, &[]),
            if note.is_empty() || note == "—" {
                String::new()
            } else {
                format!(" · {note}")
            },
        ));
    }
    out.push(String::new());
    out.push("COPM            assessment  review  change  important (>= 2)".to_string());
    for (label, member) in [
        ("performance", "performance"),
        ("satisfaction", "satisfaction"),
    ] {
        out.push(format!(
            "  {:<13} {:>10} {:>7} {:>7}  {}",
            label,
            at(doc, &format!("/outcome/copm/baseline/{member}")),
            at(doc, &format!("/outcome/copm/review/{member}")),
            signed(at(doc, &format!("/outcome/copm/{member}Change"))),
            yes_no(doc, &format!("/outcome/copm/{member}Important")),
        ));
    }
    for goal in items(doc, "/outcome/copm/goals") {
        let flag = |member: &str| {
            if goal.pointer(member) == Some(&Value::Bool(true)) {
                " (>= 2)"
            } else {
                ""
            }
        };
        out.push(format!(
            "  {:<8} performance {}{}, satisfaction {}{}",
            at(goal, "/id"),
            signed(at(goal, "/performanceChange")),
            flag("/performanceImportant"),
            signed(at(goal, "/satisfactionChange")),
            flag("/satisfactionImportant"),
        ));
    }
    out.push(String::new());
    out.push(format!(
        "Delivery: {} of {} funded units ({} %)",
        at(doc, "/outcome/delivery/delivered"),
        at(doc, "/outcome/delivery/funded"),
        at(doc, "/outcome/delivery/percent"),
    ));
    for line in items(doc, "/outcome/delivery/services") {
        let units = format!("{}/{}", at(line, "/delivered"), at(line, "/funded"));
        out.push(format!(
            "  {:<18} {:>9} {:>8} %",
            at(line, "/code"),
            units,
            at(line, "/percent"),
        ));
    }
    let comments = at(doc, "/review/comments");
    if !comments.is_empty() && comments != "—" {
        out.push(String::new());
        out.push(format!("Parents' comments: {comments}"));
    }
    out
}

fn run_upgrade(path: &str) -> Result<(), Failure> {
    let document = read_json(path)?;
    let from = document
        .get("schema")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let upgraded = upgrade_plan(&document).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| problem_line(path, p)).collect();
        Failure::rejected(format!(
            "{}\n{path}: {} problem(s); the plan was not converted",
            lines.join("\n"),
            problems.len()
        ))
    })?;
    let mut err = std::io::stderr().lock();
    if from == PLAN_SCHEMA {
        let _ = writeln!(err, "{path}: already {PLAN_SCHEMA}; printed unchanged");
    } else {
        let left_out = proof_count(&document);
        let _ = writeln!(err, "{path}: converted {from} to {PLAN_SCHEMA}");
        if left_out > 0 {
            let _ = writeln!(
                err,
                "{path}: {left_out} proof(s) of the old document do not cover the converted \
                 plan and were left out: sign the converted plan again"
            );
        }
    }
    drop(err);
    print_json(&upgraded)
}

fn run_show(path: &str) -> Result<(), Failure> {
    let document = read_json(path)?;
    let schema = document.get("schema").and_then(Value::as_str).unwrap_or("");
    let (mut lines, outcome, review) = if schema.starts_with("ib-plan/") {
        (plan_summary(&document), recompute_check(&document), false)
    } else if schema.starts_with(REVIEW_SCHEMA_PREFIX) {
        (
            review_summary(&document),
            review_recompute_check(&document),
            true,
        )
    } else {
        return Err(Failure::rejected(format!(
            "{path}: /schema: neither a plan (ib-plan/…) nor a review (ib-review/…)"
        )));
    };
    let (ok, _, recompute_line) = recompute_summary_of(Some(&outcome), path, review);
    lines.push(String::new());
    lines.push(recompute_line);
    lines.push(format!(
        "{path}: {} proof(s), not checked here (use `ibplan verify`)",
        proof_count(&document)
    ));
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", lines.join("\n"));
    let _ = out.flush();
    if ok {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    }
}

/// The pointer of a key file member named in a key error, for `FILE: /field: message`.
fn key_error_line(file: &str, error: &IntegrityError) -> String {
    let field = error
        .params()
        .into_iter()
        .find(|(name, _)| *name == "field")
        .map(|(_, value)| value);
    let path = match (error, field) {
        (IntegrityError::KeyFilePublicMismatch, _) => "/publicKeyMultibase".to_string(),
        (_, Some(field)) => format!("/{field}"),
        (_, None) => "/".to_string(),
    };
    format!("{file}: {path}: {}", integrity_message(error))
}

fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    format_unix_utc(seconds)
}

fn run_sign(
    key_path: &str,
    created: Option<String>,
    purpose: String,
    force: bool,
    document_path: &str,
) -> Result<(), Failure> {
    let key_json = read_json(key_path)?;
    let key = KeyPair::from_key_json(&key_json)
        .map_err(|e| Failure::rejected(key_error_line(key_path, &e)))?;
    let mut document = read_json(document_path)?;
    let review = is_review(&document);
    if is_plan(&document) || review {
        let outcome = if review {
            review_recompute_check(&document)
        } else {
            recompute_check(&document)
        };
        let (ok, _, line) = recompute_summary_of(Some(&outcome), document_path, review);
        let what = if review {
            "the review's outcome"
        } else {
            "the plan's result"
        };
        if !ok && !force {
            return Err(Failure::rejected(format!(
                "{line}\n{document_path}: not signed: {what} does not recompute \
                 (use --force to sign it anyway)"
            )));
        }
        if !ok {
            let _ = writeln!(
                std::io::stderr().lock(),
                "{line}\n{document_path}: warning: signing with --force although {what} \
                 does not recompute"
            );
        }
    }
    let options = ProofOptions {
        created: Some(created.unwrap_or_else(now_utc)),
        proof_purpose: purpose,
    };
    add_proof_in_place(&mut document, &key, &options).map_err(|e| {
        let line = match &e {
            IntegrityError::BadPurpose { .. } => format!("--purpose: {}", integrity_message(&e)),
            IntegrityError::BadCreated { .. } => format!("--created: {}", integrity_message(&e)),
            IntegrityError::ExistingProofMalformed | IntegrityError::ProofSetFull { .. } => {
                format!("{document_path}: /proof: {}", integrity_message(&e))
            }
            _ => format!("{document_path}: /: {}", integrity_message(&e)),
        };
        Failure::rejected(line)
    })?;
    print_json(&document)
}

/// The JSON pointer of the proof a report speaks about, down to the field when the
/// error names one.
fn proof_pointer(single: bool, proof: &ProofReport) -> String {
    let base = if single {
        "/proof".to_string()
    } else {
        format!("/proof/{}", proof.index)
    };
    let field = match proof.error {
        Some("integrity.proof.missing_field" | "integrity.proof.field_not_string") => {
            proof.error_params.get("field").cloned()
        }
        Some("integrity.proof.bad_created") => Some("created".to_string()),
        Some("integrity.proof.bad_proof_value" | "integrity.proof.bad_signature_length") => {
            Some("proofValue".to_string())
        }
        Some("integrity.proof.unknown_type") => Some("type".to_string()),
        Some("integrity.proof.unknown_cryptosuite") => Some("cryptosuite".to_string()),
        Some("integrity.proof.context_mismatch") => Some("@context".to_string()),
        Some("integrity.proof.chain_unsupported") => Some("previousProof".to_string()),
        Some(key)
            if key.starts_with("integrity.key.") || key.starts_with("integrity.proof.method_") =>
        {
            Some("verificationMethod".to_string())
        }
        _ => None,
    };
    match field {
        Some(field) => format!("{base}/{field}"),
        None => base,
    }
}

fn proof_error_text(proof: &ProofReport) -> Option<String> {
    proof.error.map(|key| {
        let params: Vec<(String, String)> = proof
            .error_params
            .iter()
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect();
        message(key, &params)
    })
}

/// The message key of a recomputation outcome, for a plan or (`review`) a review.
fn recompute_key(review: bool, what: &str) -> String {
    let family = if review { "review" } else { "integrity" };
    format!("{family}.recompute.{what}")
}

/// Whether the recomputation of a plan or (`review`) a review lets the document pass, its
/// JSON form and its line of text.
fn recompute_summary_of(
    outcome: Option<&RecomputeOutcome>,
    file: &str,
    review: bool,
) -> (bool, Value, String) {
    let Some(outcome) = outcome else {
        return (
            true,
            json!({"status": "skipped", "message": tf(Lang::En, "integrity.recompute.not_a_plan", &[])}),
            format!(
                "{file}: {}",
                tf(Lang::En, "integrity.recompute.not_a_plan", &[])
            ),
        );
    };
    match outcome {
        RecomputeOutcome::Matches => {
            let text = tf(Lang::En, &recompute_key(review, "matches"), &[]);
            (
                true,
                json!({"status": "matches", "message": text}),
                format!("{file}: {text}"),
            )
        }
        RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        } => {
            // The engine bounds the values; a pointer is bounded only for display.
            let path = &bounded(path);
            let text = tf(
                Lang::En,
                &recompute_key(review, "differs"),
                &[
                    ("path", path),
                    ("embedded", embedded),
                    ("recomputed", recomputed),
                ],
            );
            (
                false,
                json!({"status": "differs", "path": path, "embedded": embedded,
                       "recomputed": recomputed, "message": text}),
                format!("{file}: {path}: {text}"),
            )
        }
        RecomputeOutcome::NotAPlan => {
            // Only asked for documents that name a plan schema, so this is a failure.
            let text = if review {
                tf(Lang::En, "problem.schema.not_a_review", &[])
            } else {
                tf(Lang::En, "integrity.recompute.not_a_plan", &[])
            };
            (
                false,
                json!({"status": "notAPlan", "message": text}),
                format!("{file}: /schema: {text}"),
            )
        }
        RecomputeOutcome::UnsupportedSchema(schema) => {
            let text = tf(
                Lang::En,
                &recompute_key(review, "unsupported_schema"),
                &[("schema", schema)],
            );
            (
                false,
                json!({"status": "unsupportedSchema", "schema": schema, "message": text}),
                format!("{file}: /schema: {text}"),
            )
        }
        RecomputeOutcome::Invalid(problems) => {
            let text = tf(Lang::En, &recompute_key(review, "invalid"), &[]);
            let mut lines = vec![format!("{file}: {text}")];
            lines.extend(
                problems
                    .iter()
                    .take(MAX_SHOWN_PROBLEMS)
                    .map(|p| problem_line(file, p)),
            );
            if problems.len() > MAX_SHOWN_PROBLEMS {
                lines.push(format!(
                    "{file}: … and {} more problem(s)",
                    problems.len() - MAX_SHOWN_PROBLEMS
                ));
            }
            let problems: Vec<Value> = problems
                .iter()
                .map(|p| {
                    json!({"path": p.path, "key": p.key,
                           "message": message(&p.key, &p.params)})
                })
                .collect();
            (
                false,
                json!({"status": "invalid", "problems": problems, "message": text}),
                lines.join("\n"),
            )
        }
    }
}

/// The most problems a failed recomputation lists on standard error.
const MAX_SHOWN_PROBLEMS: usize = 20;

/// The longest pointer a difference report shows, in characters.
const MAX_SHOWN_CHARS: usize = 200;

/// `text` cut to [`MAX_SHOWN_CHARS`] characters, saying how long it was (the values of a
/// difference are bounded by the engine, `MAX_DIFFERENCE_CHARS`).
fn bounded(text: &str) -> String {
    let count = text.chars().count();
    if count <= MAX_SHOWN_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX_SHOWN_CHARS).collect();
    format!("{head}… ({count} characters)")
}

fn is_plan(document: &Value) -> bool {
    document
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|schema| schema.starts_with("ib-plan/"))
}

fn proof_lines(file: &str, report: &VerificationReport) -> Vec<String> {
    let single = report.proofs.len() == 1;
    let count = report.proofs.len().to_string();
    report
        .proofs
        .iter()
        .map(|proof| {
            let dash = "—".to_string();
            let index = (proof.index + 1).to_string();
            let line = tf(
                Lang::En,
                "integrity.report.proof_line",
                &[
                    ("index", &format!("{index}/{count}")),
                    ("status", tf(Lang::En, proof.status.key(), &[]).as_str()),
                    ("fingerprint", proof.fingerprint.as_ref().unwrap_or(&dash)),
                    ("purpose", proof.purpose.as_ref().unwrap_or(&dash)),
                    ("created", proof.created.as_ref().unwrap_or(&dash)),
                ],
            );
            let key = proof
                .key
                .as_ref()
                .map(|k| format!(" [{k}]"))
                .unwrap_or_default();
            let mut text = format!("{file}: {line}{key}");
            if let Some(error) = proof_error_text(proof) {
                text.push_str(&format!(
                    "\n{file}: {}: {error}",
                    proof_pointer(single, proof)
                ));
            }
            text
        })
        .collect()
}

/// Reads a trust list and checks it (shape and its own signature); problems are
/// `TRUST.json: /pointer: message` lines (exit 1).
fn read_trust(path: &str, pinned: Option<&str>) -> Result<(TrustList, ListSignature), Failure> {
    let value = read_json(path)?;
    load_trust_list(&value, pinned).map_err(|problems| {
        let mut lines: Vec<String> = problems.iter().map(|p| problem_line(path, p)).collect();
        lines.push(format!(
            "{path}: the trust list is not accepted; nothing was verified"
        ));
        Failure::rejected(lines.join("\n"))
    })
}

fn pairs(params: &[(String, String)]) -> Vec<(&str, &str)> {
    params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect()
}

/// The trust part of `verify`: its lines for standard error, its JSON and whether the
/// document is valid under the list.
fn trust_summary(
    path: &str,
    trust_path: &str,
    document: &Value,
    list: &TrustList,
    by: &ListSignature,
) -> Result<(bool, Vec<String>, Value), Failure> {
    let report = verify_with_trust(document, list)
        .map_err(|e| Failure::rejected(format!("{path}: /proof: {}", integrity_message(&e))))?;
    let dash = "—".to_string();
    let signed_by = if by.pinned {
        tf(
            Lang::En,
            "trust.list.signed_by_pinned",
            &[("issuer", &list.issuer), ("fingerprint", &by.fingerprint)],
        )
    } else {
        tf(
            Lang::En,
            "trust.list.signed_by",
            &[
                ("issuer", &list.issuer),
                ("name", by.name.as_ref().unwrap_or(&dash)),
                ("role", by.role.as_ref().unwrap_or(&dash)),
                ("fingerprint", &by.fingerprint),
            ],
        )
    };
    let mut lines = vec![format!("{trust_path}: {signed_by}")];
    let count = report.proofs.len();
    let mut proofs_json = Vec::new();
    for proof in &report.proofs {
        let mut text = tf(Lang::En, proof.message_key, &pairs(&proof.params));
        if let Some(first) = proof.same_key_as {
            text.push_str("; ");
            text.push_str(&tf(
                Lang::En,
                "trust.proof.same_key",
                &[("index", &(first + 1).to_string())],
            ));
        }
        lines.push(format!("{path}: Proof {}/{count}: {text}", proof.index + 1));
        let mut value = serde_json::to_value(proof).unwrap_or(Value::Null);
        if let Some(object) = value.as_object_mut() {
            object.remove("params");
            object.insert("message".into(), text.into());
        }
        proofs_json.push(value);
    }
    let mut price_json = Value::Null;
    if let Some(price) = &report.price_list {
        let text = tf(Lang::En, price.message_key, &pairs(&price.params));
        lines.push(format!("{path}: /priceList: {text}"));
        price_json = serde_json::to_value(price).unwrap_or(Value::Null);
        if let Some(object) = price_json.as_object_mut() {
            object.remove("params");
            object.insert("message".into(), text.into());
        }
    }
    let rule_text = tf(
        Lang::En,
        report.rule.message_key,
        &pairs(&report.rule.params),
    );
    lines.push(format!("{path}: {rule_text}"));
    let json = json!({
        "file": trust_path,
        "issuer": list.issuer,
        "signedBy": by,
        "valid": report.valid,
        "proofs": proofs_json,
        "priceList": price_json,
        "rule": {
            "required": report.rule.required,
            "missing": report.rule.missing,
            "complete": report.rule.complete,
            "message": rule_text,
        },
    });
    Ok((report.valid, lines, json))
}

fn run_verify(
    json_output: bool,
    trust_path: Option<&str>,
    trust_key: Option<&str>,
    plan_path: Option<&str>,
    path: &str,
) -> Result<(), Failure> {
    let trust = match trust_path {
        Some(trust_path) => Some((trust_path, read_trust(trust_path, trust_key)?)),
        None => None,
    };
    let document = read_json(path)?;
    let review = is_review(&document);
    if plan_path.is_some() && !review {
        return Err(Failure::usage(
            format!(
                "{path}: --plan is for a review (\"schema\": \"ib-review/…\"); this is not one"
            ),
            VERIFY_HELP,
        ));
    }
    let plan = match plan_path {
        Some(plan_path) => Some(read_json(plan_path)?),
        None => None,
    };
    let report = verify_document(&document).map_err(|e| match e {
        IntegrityError::TooManyProofs { .. } => {
            Failure::rejected(format!("{path}: /proof: {}", integrity_message(&e)))
        }
        _ => Failure::unreadable(format!("{path}: /: {}", integrity_message(&e))),
    })?;
    let outcome = if review {
        Some(review_recompute_check(&document))
    } else {
        is_plan(&document).then(|| recompute_check(&document))
    };
    let (recompute_ok, recompute_json, recompute_line) =
        recompute_summary_of(outcome.as_ref(), path, review);
    let link = review.then(|| plan_link(&document, plan.as_ref()));
    let link_ok = link.as_ref().is_none_or(PlanLink::passes);
    let verified = report.is_verified() && recompute_ok && link_ok;

    let mut lines = proof_lines(path, &report);
    let count = report.proofs.len().to_string();
    let valid = report.count(ProofStatus::Valid).to_string();
    let proofs_text = if report.proofs.is_empty() {
        tf(Lang::En, "integrity.report.no_proofs", &[])
    } else if report.is_verified() {
        tf(Lang::En, "integrity.report.verified", &[("count", &count)])
    } else {
        tf(
            Lang::En,
            "integrity.report.not_verified",
            &[("valid", &valid), ("count", &count)],
        )
    };
    lines.push(format!("{path}: {proofs_text}"));
    lines.push(recompute_line);
    // An amended plan's earlier versions (issue 14, item 5), oldest first.
    let amends = if review {
        Vec::new()
    } else {
        amended_versions(&document)
    };
    for (i, digest) in amends.iter().enumerate() {
        lines.push(format!("{path}: amends plan version {}: {digest}", i + 1));
    }
    let link_json = link.as_ref().map(|link| {
        let text = message(
            link.key(),
            &link
                .params()
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect::<Vec<_>>(),
        );
        let file = plan_path.unwrap_or(path);
        lines.push(format!("{file}: {text}"));
        json!({
            "checked": plan_path.is_some(),
            "matches": matches!(link, PlanLink::Matches { .. }),
            "message": text,
        })
    });
    let (accepted, trust_json) = match &trust {
        Some((trust_path, (list, by))) => {
            let (trusted, trust_lines, trust_json) =
                trust_summary(path, trust_path, &document, list, by)?;
            lines.extend(trust_lines);
            let accepted = verified && trusted;
            let verdict = if accepted {
                "trust.verdict.valid"
            } else {
                "trust.verdict.not_valid"
            };
            lines.push(format!(
                "{path}: {}",
                tf(Lang::En, verdict, &[("issuer", &list.issuer)])
            ));
            (accepted, Some(trust_json))
        }
        None => {
            lines.push(format!(
                "{path}: {}",
                tf(Lang::En, "trust.integrity_only", &[])
            ));
            lines.push(format!(
                "{path}: {}",
                if verified { "VERIFIED" } else { "NOT VERIFIED" }
            ));
            (verified, None)
        }
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", lines.join("\n"));

    if json_output {
        let proofs: Vec<Value> = report
            .proofs
            .iter()
            .map(|proof| {
                let mut value = serde_json::to_value(proof).unwrap_or(Value::Null);
                if let Some(object) = value.as_object_mut() {
                    object.insert(
                        "pointer".into(),
                        proof_pointer(report.proofs.len() == 1, proof).into(),
                    );
                    if let Some(text) = proof_error_text(proof) {
                        object.insert("message".into(), text.into());
                    }
                }
                value
            })
            .collect();
        let mut out = json!({
            "file": path,
            "verified": verified,
            "checked": if trust_json.is_some() { "trust" } else { "integrity" },
            "proofCount": report.proofs.len(),
            "validProofs": report.count(ProofStatus::Valid),
            "proofs": proofs,
            "proofsMessage": proofs_text,
            "recompute": recompute_json,
        });
        if let (false, Some(object)) = (amends.is_empty(), out.as_object_mut()) {
            object.insert("amends".into(), json!(amends));
        }
        if let (Some(link_json), Some(object)) = (link_json, out.as_object_mut()) {
            object.insert("plan".into(), link_json);
        }
        if let (Some(trust_json), Some(object)) = (trust_json, out.as_object_mut()) {
            object.insert("valid".into(), accepted.into());
            object.insert("trust".into(), trust_json);
        }
        print_json(&out)?;
    }
    if accepted {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    }
}

/// Reads a price list given with `--catalogue`, or the built-in one.
fn read_catalogue(path: Option<&str>) -> Result<Catalogue, Failure> {
    match path {
        Some(path) => {
            let value = read_json(path)?;
            catalogue_from_json(&value).map_err(|p| rejected_problems(path, &p, "check"))
        }
        None => ReferenceData::builtin()
            .map(|r| r.catalogue)
            .map_err(|p| rejected_problems("(built-in price list)", &p, "check")),
    }
}

fn read_providers(path: &str, catalogue: Option<&Catalogue>) -> Result<ProviderList, Failure> {
    let value = read_json(path)?;
    providers_from_json(&value, catalogue).map_err(|p| {
        let mut lines: Vec<String> = p.iter().map(|p| problem_line(path, p)).collect();
        lines.push(format!(
            "{path}: {} problem(s); the provider list is not accepted",
            p.len()
        ));
        Failure::rejected(lines.join("\n"))
    })
}

fn print_text(lines: &[String]) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", lines.join("\n"));
    let _ = out.flush();
}

fn run_providers(path: &str, catalogue_path: Option<&str>) -> Result<(), Failure> {
    let catalogue = read_catalogue(catalogue_path)?;
    let list = read_providers(path, Some(&catalogue))?;
    let mut lines = vec![format!(
        "{path}: provider list {} of {} · {} provider(s) · codes checked against price list {}",
        list.version,
        list.date,
        list.providers.len(),
        catalogue.version
    )];
    if let Some(note) = &list.note {
        lines.push(format!("Note: {}", note.en));
    }
    for p in &list.providers {
        lines.push(String::new());
        lines.push(format!("{} · register no. {}", p.name, p.register_number));
        lines.push(format!("  {} · {}", p.address, p.contact));
        for s in &p.services {
            let plan_price = catalogue
                .service(&s.code)
                .map(|c| money_string(c.unit_price))
                .unwrap_or_default();
            let price = match s.unit_price {
                Some(own) if money_string(own) != plan_price => {
                    format!(
                        "own price €{} (price list €{plan_price})",
                        money_string(own)
                    )
                }
                _ => format!("at the price list's €{plan_price}"),
            };
            lines.push(format!("  {:<18} {price}", s.code));
        }
    }
    print_text(&lines);
    Ok(())
}

fn provision_failure(
    plan_path: &str,
    record_path: &str,
    amended_path: &str,
    error: ProvisionError,
) -> Failure {
    match error {
        ProvisionError::Plan(p) => rejected_problems(plan_path, &p, "report"),
        ProvisionError::AmendedPlan(p) => rejected_problems(amended_path, &p, "record"),
        ProvisionError::Record(p) => rejected_problems(record_path, &p, "report"),
    }
}

/// A provider of a service with its arrangement, on one line.
fn provider_text(p: &ServiceProvider) -> String {
    let who = format!(
        "{} ({}{})",
        p.provider.name,
        p.provider.register_number,
        if p.provider.listed {
            ""
        } else {
            ", not listed"
        }
    );
    match &p.arrangement {
        Some(a) => format!(
            "{who} · {} {} of {}",
            message(a.kind.key(), &[]),
            a.number,
            a.date
        ),
        None => format!("{who} · no arrangement yet"),
    }
}

fn provision_lines(report: &ProvisionReport) -> Vec<String> {
    let period = &report.period;
    let mut out = vec![
        format!(
            "Provision · case {} · {} to {} ({} months) · statements through month {}",
            report.case_id, period.start, period.end, period.months, report.statements_through
        ),
        format!("Plan digest: {}", report.plan_digest),
    ];
    for (i, d) in report.previous_plan_digests.iter().enumerate() {
        out.push(format!("  amends version {}: {d}", i + 1));
    }
    out.push(format!("Social service: {}", report.social_service));
    if let Some(list) = &report.provider_list {
        out.push(format!("Provider list {} of {}", list.version, list.date));
    }
    out.push(String::new());
    out.push(format!(
        "{:<18} {:>9} {:>10} {:>9} {:>10} {:>11}  provider · arrangement",
        "service", "funded u", "funded €", "delivered", "paid €", "available €"
    ));
    for s in &report.services {
        let single = match s.providers.as_slice() {
            [] => Some("provider not chosen yet".to_string()),
            [only] if only.from_month == 1 => Some(provider_text(only)),
            _ => None,
        };
        out.push(format!(
            "{:<18} {:>9} {:>10} {:>9} {:>10} {:>11}  {}",
            s.code,
            s.funded_units,
            money_string(s.funded_amount),
            s.delivered_units,
            money_string(s.paid),
            money_string(s.available),
            single
                .clone()
                .unwrap_or_else(|| format!("{} providers:", s.providers.len())),
        ));
        for p in &s.providers {
            if single.is_none() {
                out.push(format!(
                    "  months {}–{}: {}",
                    p.from_month,
                    p.to_month,
                    provider_text(p)
                ));
            }
            if let Some(d) = &p.price_difference {
                let params = [
                    (
                        "providerUnitPrice".to_string(),
                        format!("€{}", money_string(d.provider_unit_price)),
                    ),
                    (
                        "planUnitPrice".to_string(),
                        format!("€{}", money_string(d.plan_unit_price)),
                    ),
                    (
                        "unitsAtProviderPrice".to_string(),
                        d.units_at_provider_price.to_string(),
                    ),
                    ("fundedUnits".to_string(), d.funded_units.to_string()),
                ];
                out.push(format!("  ! {}", message(d.key, &params)));
            }
        }
    }
    out.push(String::new());
    out.push("Per month, all services (unspent money carries forward; negative = ahead):".into());
    out.push(format!(
        "  {:>5}  {:<23} {:>11} {:>11} {:>10} {:>11}",
        "month", "dates", "allocated €", "carried €", "paid €", "available €"
    ));
    let month_line = |m: &MonthFigures, units: String| {
        format!(
            "  {:>5}  {:<23} {:>11} {:>11} {:>10} {:>11}{units}{}",
            m.month,
            format!("{} – {}", m.start, m.end),
            money_string(m.allocated),
            money_string(m.carried_in),
            money_string(m.paid),
            money_string(m.available),
            if m.ahead { "  ahead" } else { "" }
        )
    };
    for m in &report.months {
        out.push(month_line(m, String::new()));
    }
    for s in report
        .services
        .iter()
        .filter(|s| s.delivered_units > 0 || s.paid > Decimal::ZERO)
    {
        out.push(String::new());
        out.push(format!(
            "{} per month (units delivered at the end of each row):",
            s.code
        ));
        for m in &s.months {
            out.push(month_line(
                m,
                format!("  {} unit(s)", m.delivered_units.unwrap_or(0)),
            ));
        }
    }
    out.push(String::new());
    let t = &report.totals;
    out.push(format!(
        "Total: funded €{} · paid €{} · available €{} · units {} of {} delivered",
        money_string(t.funded),
        money_string(t.paid),
        money_string(t.available),
        t.delivered_units,
        t.funded_units
    ));
    match &t.forecast {
        Some(f) => out.push(format!(
            "Forecast at the current pace (months 1–{}): €{} paid by the end, €{} unspent{}",
            f.through_month,
            money_string(f.paid_by_end),
            money_string(f.unspent),
            if f.exceeds_funding {
                " (the pace would use up the funding before the end)"
            } else {
                ""
            }
        )),
        None => out.push("Forecast: no statements recorded yet".to_string()),
    }
    out
}

fn run_provision(
    plan_path: &str,
    record_path: &str,
    providers_path: Option<&str>,
    output: ProvisionOutput,
) -> Result<(), Failure> {
    let plan = read_json(plan_path)?;
    let record = read_json(record_path)?;
    let providers = match providers_path {
        Some(path) => Some(read_providers(path, None)?),
        None => None,
    };
    if let ProvisionOutput::Amend(amended_path) = &output {
        let amended = read_json(amended_path)?;
        let carried = carry_over(&plan, &amended, &record, providers.as_ref())
            .map_err(|e| provision_failure(plan_path, record_path, amended_path, e))?;
        let value =
            record_json(&carried).map_err(|p| rejected_problems(record_path, &p, "record"))?;
        return print_json(&value);
    }
    let report = provision_report(&plan, &record, providers.as_ref())
        .map_err(|e| provision_failure(plan_path, record_path, "", e))?;
    match output {
        ProvisionOutput::Json => {
            let value =
                report_json(&report).map_err(|p| rejected_problems(record_path, &p, "report"))?;
            print_json(&value)
        }
        ProvisionOutput::Csv => {
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "{}", payments_csv(&report));
            let _ = out.flush();
            Ok(())
        }
        ProvisionOutput::Letters => print_json(&json!(guarantee_letters(&report))),
        _ => {
            print_text(&provision_lines(&report));
            Ok(())
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Help(text) => {
            let _ = write!(std::io::stdout().lock(), "{text}");
            Ok(())
        }
        Command::Version => {
            let _ = writeln!(
                std::io::stdout().lock(),
                "ibplan {}",
                ib_planner::engine::ENGINE_VERSION
            );
            Ok(())
        }
        Command::Keygen => run_keygen(),
        Command::ExampleCase => print_json(&ib_planner::engine::example::example_case_json()),
        Command::Plan { case, catalogue } => run_plan(&case, catalogue.as_deref()),
        Command::Review { plan, input } => run_review(&plan, &input),
        Command::Show { file } => run_show(&file),
        Command::Upgrade { file } => run_upgrade(&file),
        Command::PriceListEntry { file } => {
            let value = read_json(&file)?;
            match price_list_entry(&value) {
                Ok(entry) => print_json(&json!(entry)),
                Err(problems) => Err(rejected_problems(&file, &problems, "entry")),
            }
        }
        Command::Providers { file, catalogue } => run_providers(&file, catalogue.as_deref()),
        Command::Provision {
            plan,
            record,
            providers,
            output,
        } => run_provision(&plan, &record, providers.as_deref(), output),
        Command::Sign {
            key,
            created,
            purpose,
            force,
            document,
        } => run_sign(&key, created, purpose, force, &document),
        Command::Verify {
            json,
            trust,
            trust_key,
            plan,
            document,
        } => run_verify(
            json,
            trust.as_deref(),
            trust_key.as_deref(),
            plan.as_deref(),
            &document,
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "report") {
        return report::main(&args[1..]);
    }
    match parse(&args).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                let _ = writeln!(std::io::stderr().lock(), "{}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    fn code(text: &str) -> Option<u8> {
        parse(&args(text)).err().map(|f| f.code)
    }

    #[test]
    fn parses_every_command() {
        assert_eq!(parse(&args("keygen")).ok(), Some(Command::Keygen));
        assert_eq!(
            parse(&args("example-case")).ok(),
            Some(Command::ExampleCase)
        );
        assert_eq!(
            parse(&args("plan c.json")).ok(),
            Some(Command::Plan {
                case: "c.json".into(),
                catalogue: None
            })
        );
        assert_eq!(
            parse(&args("sign --key k.json --purpose=authentication d.json")).ok(),
            Some(Command::Sign {
                key: "k.json".into(),
                created: None,
                purpose: "authentication".into(),
                force: false,
                document: "d.json".into()
            })
        );
        assert_eq!(
            parse(&args("verify --json -")).ok(),
            Some(Command::Verify {
                json: true,
                trust: None,
                trust_key: None,
                plan: None,
                document: "-".into()
            })
        );
        assert_eq!(
            parse(&args(
                "verify --trust t.json --trust-key did:key:z6Mk d.json"
            ))
            .ok(),
            Some(Command::Verify {
                json: false,
                trust: Some("t.json".into()),
                trust_key: Some("did:key:z6Mk".into()),
                plan: None,
                document: "d.json".into()
            })
        );
        assert_eq!(
            parse(&args("verify --plan p.json r.json")).ok(),
            Some(Command::Verify {
                json: false,
                trust: None,
                trust_key: None,
                plan: Some("p.json".into()),
                document: "r.json".into()
            })
        );
        assert_eq!(
            parse(&args("plan --catalogue p.json c.json")).ok(),
            Some(Command::Plan {
                case: "c.json".into(),
                catalogue: Some("p.json".into())
            })
        );
        assert_eq!(
            parse(&args("verify --help")).ok(),
            Some(Command::Help(VERIFY_HELP))
        );
        assert_eq!(
            parse(&args("help sign")).ok(),
            Some(Command::Help(SIGN_HELP))
        );
        assert_eq!(
            parse(&args("review p.json i.json")).ok(),
            Some(Command::Review {
                plan: "p.json".into(),
                input: "i.json".into()
            })
        );
        assert_eq!(
            parse(&args("show -")).ok(),
            Some(Command::Show { file: "-".into() })
        );
        assert_eq!(
            parse(&args("review --help")).ok(),
            Some(Command::Help(REVIEW_HELP))
        );
        assert_eq!(
            parse(&args("help show")).ok(),
            Some(Command::Help(SHOW_HELP))
        );
        assert_eq!(
            parse(&args("price-list-entry p.json")).ok(),
            Some(Command::PriceListEntry {
                file: "p.json".into()
            })
        );
        assert_eq!(
            parse(&args("providers --catalogue c.json p.json")).ok(),
            Some(Command::Providers {
                file: "p.json".into(),
                catalogue: Some("c.json".into())
            })
        );
        assert_eq!(
            parse(&args("provision p.json r.json")).ok(),
            Some(Command::Provision {
                plan: "p.json".into(),
                record: "r.json".into(),
                providers: None,
                output: ProvisionOutput::Text
            })
        );
        assert_eq!(
            parse(&args("provision --providers l.json --csv p.json r.json")).ok(),
            Some(Command::Provision {
                plan: "p.json".into(),
                record: "r.json".into(),
                providers: Some("l.json".into()),
                output: ProvisionOutput::Csv
            })
        );
        assert_eq!(
            parse(&args("provision --amend n.json p.json r.json")).ok(),
            Some(Command::Provision {
                plan: "p.json".into(),
                record: "r.json".into(),
                providers: None,
                output: ProvisionOutput::Amend("n.json".into())
            })
        );
        assert_eq!(
            parse(&args("help provision")).ok(),
            Some(Command::Help(PROVISION_HELP))
        );
        assert_eq!(
            parse(&args("providers --help")).ok(),
            Some(Command::Help(PROVIDERS_HELP))
        );
        assert_eq!(parse(&[]).ok(), Some(Command::Help(USAGE)));
    }

    #[test]
    fn wrong_command_lines_exit_with_2() {
        for bad in [
            "frobnicate",
            "plan",
            "plan a b",
            "keygen extra",
            "sign d.json",
            "sign --key",
            "sign --key k --created yesterday d.json",
            "sign --key k --key k d.json",
            "verify --jsn d.json",
            "verify -x d.json",
            "verify --json=yes d.json",
            "help nothing",
            "review p.json",
            "review p.json i.json x.json",
            "review --json p.json i.json",
            "show",
            "show a b",
            "verify --trust-key did:key:z6Mk d.json",
            "verify --trust d.json",
            "plan --catalogue c.json",
            "sign --key k --force=yes d.json",
            "plan --force c.json",
            "price-list-entry",
            "price-list-entry a b",
            "providers",
            "providers a b",
            "providers --json p.json",
            "provision p.json",
            "provision a b c",
            "provision --json --csv p.json r.json",
            "provision --csv --letters p.json r.json",
            "provision --amend p.json r.json",
            "provision --catalogue c.json p.json r.json",
            "provision --providers",
        ] {
            assert_eq!(code(bad), Some(2), "{bad}");
        }
    }
}
