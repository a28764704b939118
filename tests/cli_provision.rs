//! `ibplan providers` and `ibplan provision`, end to end: a provider list checked (the
//! example, a broken one, against another price list), a provision record checked
//! against its plan (the text summary, `--json`, `--csv`, `--letters`, `--amend`), the
//! refusals with their `FILE: /pointer: message` lines and the exit codes. Shared helpers
//! in `tests/common/`.

use std::path::{Path, PathBuf};

use ib_planner::engine::review::document_digest;
use serde_json::{json, Value};

mod common;
use common::*;

const PROVIDERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/public/data/providers.example.json"
);

/// Writes the example case's plan `plan.json` and a provision record `record.json` of it.
fn setup(test: &str) -> (PathBuf, Value) {
    let dir = scratch(test);
    let case = run_json(&dir, &["example-case"]);
    write(&dir, "case.json", &case);
    let plan = run_json(&dir, &["plan", "case.json"]);
    write(&dir, "plan.json", &plan);
    let record = json!({
        "schema": "ib-provision/1",
        "planDigest": document_digest(&plan).unwrap(),
        "caseId": "CESIS-2025-017",
        "socialService": "Cēsu novada Sociālais dienests",
        "lines": [
            {"code": "SVC-SPEECH", "provider": {"listed": "EX-0001"},
             "arrangement": {"kind": "guaranteeLetter", "number": "GV-1", "date": "2025-08-25"}},
            {"code": "SVC-PHYSIO", "provider": {"listed": "EX-0002"},
             "arrangement": {"kind": "contract", "number": "L-7", "date": "2025-08-20"}}
        ],
        "deliveries": [
            {"code": "SVC-SPEECH", "month": 1, "units": 4, "paid": "96.00"},
            {"code": "SVC-SPEECH", "month": 2, "units": 3, "paid": "72.00"},
            {"code": "SVC-PHYSIO", "month": 2, "units": 5, "paid": "130.00"}
        ]
    });
    write(&dir, "record.json", &record);
    (dir, record)
}

fn provision(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["provision", "--providers", PROVIDERS];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["plan.json", "record.json"]);
    run(dir, &args)
}

#[test]
fn the_example_provider_list_is_accepted_and_says_it_is_made_up() {
    let dir = scratch("providers_ok");
    let output = run(&dir, &["providers", PROVIDERS]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("4 provider(s)"), "{text}");
    assert!(text.contains("made up"), "{text}");
    assert!(
        text.contains("SVC-PHYSIO         own price €26.00 (price list €25.00)"),
        "{text}"
    );
}

#[test]
fn a_broken_provider_list_is_refused_with_pointers() {
    let dir = scratch("providers_bad");
    let list = json!({
        "schema": "ib-providers/1",
        "version": "1",
        "date": "2026-01-01",
        "providers": [
            {"name": "A", "registerNumber": "R-1", "address": "x", "contact": "y",
             "services": [{"code": "SVC-SPEECH"}, {"code": "SVC-NOPE"}]},
            {"name": "B", "registerNumber": "R-1", "address": "x", "contact": "y",
             "services": [{"code": "SVC-OT", "unitPrice": "1.005"}]}
        ]
    });
    write(&dir, "list.json", &list);
    let output = run(&dir, &["providers", "list.json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for want in [
        "list.json: /providers/0/services/1/code: The service “SVC-NOPE”",
        "list.json: /providers/1/registerNumber: The register number “R-1” is in the list twice.",
        "list.json: /providers/1/services/0/unitPrice: ",
        "list.json: 3 problem(s)",
    ] {
        assert!(err.contains(want), "{want} not in {err}");
    }
    // Against another price list, its codes are the ones that count.
    let mut catalogue =
        ib_planner::engine::reference::ReferenceData::builtin_catalogue_json().unwrap();
    catalogue["services"]
        .as_array_mut()
        .unwrap()
        .retain(|s| s["code"] != "SVC-RESPITE");
    write(&dir, "prices.json", &catalogue);
    let output = run(
        &dir,
        &["providers", "--catalogue", "prices.json", PROVIDERS],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("/providers/2/services/1/code: "),
        "{}",
        stderr(&output)
    );
    std::fs::write(dir.join("broken.json"), "{\"schema\": ").unwrap();
    assert_eq!(
        run(&dir, &["providers", "broken.json"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&dir, &["providers", "missing.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn the_summary_shows_allocated_delivered_paid_and_available() {
    let (dir, _) = setup("summary");
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for want in [
        "Provision · case CESIS-2025-017 · 2025-09-01 to 2026-02-28 (6 months) · statements through month 2",
        "SVC-SPEECH                24     576.00         7     168.00      408.00  Piemēra runas centrs",
        "guarantee letter GV-1 of 2025-08-25",
        "the funded amount pays for only 23 of the 24 units",
        "      1  2025-09-01 – 2025-09-30      633.00        0.00      96.00      537.00",
        "      2  2025-10-01 – 2025-10-31      633.00      537.00     202.00      968.00",
        "SVC-CHILDCARE",
        "provider not chosen yet",
        "Total: funded €3798.00 · paid €298.00 · available €3500.00 · units 12 of 354 delivered",
        "Forecast at the current pace (months 1–2): €894.00 paid by the end, €2904.00 unspent",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
}

#[test]
fn json_csv_and_letters() {
    let (dir, _) = setup("outputs");
    let output = provision(&dir, &["--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["schema"], "ib-provision-report/1");
    assert_eq!(report["totals"]["paid"], "298.00");
    assert_eq!(report["services"][0]["months"][1]["available"], "24.00");
    assert_eq!(report["providerList"]["version"], "example-2026.1");

    let output = provision(&dir, &["--csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = stdout(&output);
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "case_id,provider_register_number,provider_name,month,month_start,month_end,service_code,units,unit_price,paid,plan_digest"
    );
    assert_eq!(rows.len(), 5, "{csv}");
    assert!(rows[1].starts_with("CESIS-2025-017,EX-0001,Piemēra runas centrs “Vārdiņš” (izdomāts),1,2025-09-01,2025-09-30,SVC-SPEECH,4,24.00,96.00,"));
    assert!(rows[3].starts_with("CESIS-2025-017,EX-0002,"));
    assert!(rows[3].contains(",SVC-PHYSIO,5,26.00,130.00,"));
    assert!(!csv.contains("2016-04"), "no birth month in the CSV");

    let output = provision(&dir, &["--letters"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let letters: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(letters.as_array().unwrap().len(), 1);
    assert_eq!(letters[0]["number"], "GV-1");
    assert_eq!(letters[0]["provider"]["registerNumber"], "EX-0001");
    assert_eq!(letters[0]["total"], "576.00");
}

#[test]
fn refusals_name_the_file_and_pointer() {
    let (dir, record) = setup("refusals");
    let mut over = record.clone();
    over["deliveries"][1]["units"] = json!(21);
    over["deliveries"][1]["paid"] = json!("504.00");
    write(&dir, "record.json", &over);
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("record.json: /deliveries/1/units: 25 units of the service “SVC-SPEECH” are delivered in total, but the plan funds 24."),
        "{err}"
    );
    assert!(
        err.contains("record.json: /deliveries/1/paid: €600.00 is paid"),
        "{err}"
    );

    let mut outside = record.clone();
    outside["deliveries"][0]["month"] = json!(7);
    write(&dir, "record.json", &outside);
    let err = stderr(&provision(&dir, &[]));
    assert!(
        err.contains(
            "record.json: /deliveries/0/month: Month 7 is outside the plan's period (6 months)."
        ),
        "{err}"
    );

    write(&dir, "record.json", &record);
    let output = run(&dir, &["provision", "plan.json", "record.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/lines/0/provider/listed: The provider “EX-0001” is chosen from the list, but no provider list was given."));

    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
    plan["case"]["settings"]["budget"] = json!("4000.00");
    write(&dir, "other.json", &plan);
    let output = run(
        &dir,
        &[
            "provision",
            "--providers",
            PROVIDERS,
            "other.json",
            "record.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("other.json: "),
        "{}",
        stderr(&output)
    );

    std::fs::write(
        dir.join("record.json"),
        r#"{"schema": "ib-provision/1", "schema": "x"}"#,
    )
    .unwrap();
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("record.json: /schema: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        run(&dir, &["provision", "plan.json", "nothing.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(
            &dir,
            &["provision", "--json", "--csv", "plan.json", "record.json"]
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn an_amendment_carries_the_record_over_or_is_refused() {
    let (dir, record) = setup("amend");
    let mut case: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
    for s in case["services"].as_array_mut().unwrap() {
        if s["code"] == "SVC-SPEECH" {
            s["quantity"] = json!(10);
        }
    }
    write(&dir, "case2.json", &case);
    let amended = run_json(&dir, &["plan", "case2.json"]);
    write(&dir, "amended.json", &amended);
    let carried = {
        let output = provision(&dir, &["--amend", "amended.json"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        serde_json::from_str::<Value>(&stdout(&output)).unwrap()
    };
    assert_eq!(
        carried["planDigest"],
        json!(document_digest(&amended).unwrap())
    );
    assert_eq!(
        carried["previousPlanDigests"],
        json!([record["planDigest"]])
    );
    assert_eq!(carried["deliveries"].as_array().unwrap().len(), 3);
    write(&dir, "carried.json", &carried);
    let output = run(
        &dir,
        &[
            "provision",
            "--providers",
            PROVIDERS,
            "amended.json",
            "carried.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("  amends version 1: "),
        "{}",
        stdout(&output)
    );

    for s in case["services"].as_array_mut().unwrap() {
        if s["code"] == "SVC-SPEECH" {
            s["quantity"] = json!(5);
        }
    }
    write(&dir, "case3.json", &case);
    let fewer = run_json(&dir, &["plan", "case3.json"]);
    write(&dir, "fewer.json", &fewer);
    let output = provision(&dir, &["--amend", "fewer.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("record.json: /deliveries/0: The amended plan funds 5 units of the service “SVC-SPEECH”, but 7 are already delivered."),
        "{}",
        stderr(&output)
    );
}

/// Issue 14, item 5: an amended plan names its earlier versions (`amends`); `verify`
/// prints them, and `provision --amend` refuses one that amends another plan.
#[test]
fn an_amended_plan_shows_its_chain_and_must_amend_the_plan_given() {
    let (dir, record) = setup("amend_chain");
    let mut case: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).unwrap()).unwrap();
    for s in case["services"].as_array_mut().unwrap() {
        if s["code"] == "SVC-SPEECH" {
            s["quantity"] = json!(10);
        }
    }
    let first = record["planDigest"].as_str().unwrap().to_string();
    case["amends"] = json!({"planDigests": [first]});
    write(&dir, "case2.json", &case);
    let amended = run_json(&dir, &["plan", "case2.json"]);
    write(&dir, "amended.json", &amended);
    // verify prints the chain (text on stderr, and in --json).
    let output = run(&dir, &["verify", "amended.json"]);
    assert!(
        stderr(&output).contains(&format!("amended.json: amends plan version 1: {first}")),
        "{}",
        stderr(&output)
    );
    let output = run(&dir, &["verify", "--json", "amended.json"]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["amends"], json!([first]));
    // An unamended plan prints no chain.
    let output = run(&dir, &["verify", "plan.json"]);
    assert!(!stderr(&output).contains("amends plan version"));
    // The right chain is carried over; the record names the same versions.
    let output = provision(&dir, &["--amend", "amended.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let carried: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(carried["previousPlanDigests"], json!([first]));
    // A chain that ends with another plan is refused, at its pointer.
    let other = "ab".repeat(32);
    case["amends"] = json!({"planDigests": [other]});
    write(&dir, "case3.json", &case);
    let wrong = run_json(&dir, &["plan", "case3.json"]);
    write(&dir, "wrong.json", &wrong);
    let output = provision(&dir, &["--amend", "wrong.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("wrong.json: /case/amends/planDigests: The amended plan amends another plan: its list of earlier versions must end with this plan's digest {first}.")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_texts_describe_both_commands() {
    let dir = scratch("help");
    for (args, want) in [
        (&["provision", "--help"][..], "Usage: ibplan provision"),
        (&["help", "providers"][..], "Usage: ibplan providers"),
        (
            &["--help"][..],
            "ibplan provision [--providers PROVIDERS.json]",
        ),
    ] {
        let output = run(&dir, args);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains(want), "{args:?}");
    }
    let output = run(&dir, &["provision", "plan.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`provision` takes two file arguments: PLAN.json RECORD.json"));
}

#[test]
fn a_provider_change_is_shown_with_its_months_and_the_csv_keeps_each_payment_with_its_provider() {
    let (dir, mut record) = setup("change");
    record["lines"].as_array_mut().unwrap().push(json!({
        "code": "SVC-SPEECH", "fromMonth": 2, "provider": {"listed": "EX-0004"},
        "arrangement": {"kind": "contract", "number": "L-9", "date": "2025-09-28"}
    }));
    write(&dir, "record.json", &record);
    // EX-0004 does not offer speech therapy.
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("record.json: /lines/2/provider/listed: The provider “EX-0004” does not offer the service “SVC-SPEECH”."), "{}", stderr(&output));
    record["lines"][2]["provider"] = json!({"other": {"name": "Jauns logopēds", "registerNumber": "N-1", "address": "Iela 5", "contact": "+371 3"}});
    write(&dir, "record.json", &record);
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("  months 1–1: Piemēra runas centrs “Vārdiņš” (izdomāts) (EX-0001) · guarantee letter GV-1 of 2025-08-25"), "{text}");
    assert!(
        text.contains(
            "  months 2–6: Jauns logopēds (N-1, not listed) · contract L-9 of 2025-09-28"
        ),
        "{text}"
    );
    let csv = stdout(&provision(&dir, &["--csv"]));
    assert!(csv.contains("EX-0001,Piemēra runas centrs “Vārdiņš” (izdomāts),1,2025-09-01,2025-09-30,SVC-SPEECH,4,24.00,96.00,"), "{csv}");
    assert!(
        csv.contains(",N-1,Jauns logopēds,2,2025-10-01,2025-10-31,SVC-SPEECH,3,24.00,72.00,"),
        "{csv}"
    );
}

/// `tests/data/example-provision-record.json` (the README's example) is a record of the
/// example case's plan; when the plan changes (a new engine version is in its digest),
/// its `planDigest` must be updated to the digest this test prints.
#[test]
fn the_example_record_is_accepted_for_the_example_plan() {
    let (dir, _) = setup("example_record");
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/example-provision-record.json"
    );
    let output = run(
        &dir,
        &["provision", "--providers", PROVIDERS, "plan.json", example],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Total: funded €3798.00 · paid €1055.00 · available €2743.00"),
        "{text}"
    );
    let output = run(
        &dir,
        &[
            "provision",
            "--letters",
            "--providers",
            PROVIDERS,
            "plan.json",
            example,
        ],
    );
    let letters: Value = serde_json::from_str(&stdout(&output)).unwrap();
    // One letter to EX-0001, one to EX-0003 covering two services.
    assert_eq!(letters.as_array().unwrap().len(), 2);
    assert_eq!(letters[1]["services"].as_array().unwrap().len(), 2);
    assert_eq!(letters[1]["total"], "1914.00");
}

#[test]
fn a_signed_record_is_still_a_record() {
    let (dir, _) = setup("signed");
    write(
        &dir,
        "key.json",
        &ib_planner::engine::integrity::KeyPair::from_seed(&[7; 32]).to_key_json(),
    );
    let signed = run_json(
        &dir,
        &[
            "sign",
            "--key",
            "key.json",
            "--created",
            "2025-11-03T09:00:00Z",
            "record.json",
        ],
    );
    assert!(signed["proof"].is_object() || signed["proof"].is_array());
    write(&dir, "record.json", &signed);
    let output = provision(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = run(&dir, &["verify", "record.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
