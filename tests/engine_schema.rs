//! Keeps `public/schema/ib-plan-1.schema.json` and `public/schema/ib-review-1.schema.json`
//! (and the trust list's, the provider list's, the provision record's and report's)
//! in sync with the documents the engine writes. A small checker for the subset of JSON Schema the file uses validates real
//! documents against it; every object in the schema forbids unknown members and lists
//! its required ones, so a field added to or dropped from the engine's output fails
//! here, and so does a schema keyword the checker does not understand.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::review::review_from_plan;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../public/schema/ib-plan-1.schema.json");
const REVIEW_SCHEMA: &str = include_str!("../public/schema/ib-review-1.schema.json");
const TRUST_SCHEMA: &str = include_str!("../public/schema/ib-trust-1.schema.json");
const PROVIDERS_SCHEMA: &str = include_str!("../public/schema/ib-providers-1.schema.json");
const PROVISION_SCHEMA: &str = include_str!("../public/schema/ib-provision-1.schema.json");
const REPORT_SCHEMA: &str = include_str!("../public/schema/ib-provision-report-1.schema.json");
const PROVIDERS_EXAMPLE: &str = include_str!("../public/data/providers.example.json");

struct Checker<'a> {
    root: &'a Value,
}

fn pattern_matches(pattern: &str, text: &str) -> Result<bool, String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let shape = |s: &str, lens: &[usize]| {
        let parts: Vec<&str> = s.split('-').collect();
        parts.len() == lens.len()
            && parts
                .iter()
                .zip(lens)
                .all(|(p, l)| p.len() == *l && digits(p))
    };
    Ok(match pattern {
        "^[0-9]+\\.[0-9]{2}$" => text
            .split_once('.')
            .is_some_and(|(i, f)| digits(i) && f.len() == 2 && digits(f)),
        "^-?[0-9]+(\\.[0-9]+)?$" => {
            let t = text.strip_prefix('-').unwrap_or(text);
            match t.split_once('.') {
                Some((i, f)) => digits(i) && digits(f),
                None => digits(t),
            }
        }
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => shape(text, &[4, 2, 2]),
        "^[0-9]{4}-[0-9]{2}$" => shape(text, &[4, 2]),
        "^[0-9a-f]{64}$" => {
            text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        }
        other => return Err(format!("checker does not know the pattern {other}")),
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl Checker<'_> {
    fn check(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        let Some(s) = schema.as_object() else {
            errors.push(format!("{path}: schema is not an object"));
            return;
        };
        for (keyword, arg) in s {
            match keyword.as_str() {
                "$schema" | "$id" | "title" | "description" | "$comment" | "$defs" => {}
                "$ref" => {
                    let name = arg
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/$defs/"))
                        .unwrap_or("?");
                    match self.root.get("$defs").and_then(|d| d.get(name)) {
                        Some(target) => self.check(target, value, path, errors),
                        None => errors.push(format!("{path}: unresolvable $ref {arg}")),
                    }
                }
                "type" => {
                    let actual = type_name(value);
                    let allowed: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => vec![],
                    };
                    let ok = allowed
                        .iter()
                        .any(|t| *t == actual || (*t == "number" && actual == "integer"));
                    if !ok {
                        errors.push(format!("{path}: type {actual}, expected {arg}"));
                    }
                }
                "const" => {
                    if value != arg {
                        errors.push(format!("{path}: {value} is not {arg}"));
                    }
                }
                "enum" => {
                    if !arg.as_array().is_some_and(|a| a.contains(value)) {
                        errors.push(format!("{path}: {value} not in {arg}"));
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(v), Some(bound)) = (value.as_f64(), arg.as_f64()) {
                        if (keyword == "minimum" && v < bound)
                            || (keyword == "maximum" && v > bound)
                        {
                            errors.push(format!("{path}: {v} breaks {keyword} {bound}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(text) = value.as_str() {
                        match pattern_matches(arg.as_str().unwrap_or(""), text) {
                            Ok(true) => {}
                            Ok(false) => {
                                errors.push(format!("{path}: {text:?} does not match {arg}"))
                            }
                            Err(e) => errors.push(e),
                        }
                    }
                }
                "required" => {
                    if let (Some(obj), Some(req)) = (value.as_object(), arg.as_array()) {
                        for key in req.iter().filter_map(Value::as_str) {
                            if !obj.contains_key(key) {
                                errors.push(format!("{path}: missing required {key}"));
                            }
                        }
                    }
                }
                "properties" => {
                    if let (Some(obj), Some(props)) = (value.as_object(), arg.as_object()) {
                        for (key, v) in obj {
                            match props.get(key) {
                                Some(p) => self.check(p, v, &format!("{path}/{key}"), errors),
                                None if s.get("additionalProperties")
                                    == Some(&Value::Bool(false)) =>
                                {
                                    errors
                                        .push(format!("{path}: member {key} is not in the schema"))
                                }
                                None => {}
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if arg != &Value::Bool(false) {
                        errors.push(format!(
                            "{path}: checker supports only additionalProperties: false"
                        ));
                    }
                    if !s.contains_key("properties") {
                        errors.push(format!("{path}: additionalProperties without properties"));
                    }
                }
                "items" => {
                    if let Some(items) = value.as_array() {
                        for (i, item) in items.iter().enumerate() {
                            self.check(arg, item, &format!("{path}/{i}"), errors);
                        }
                    }
                }
                "oneOf" => {
                    let options = arg.as_array().cloned().unwrap_or_default();
                    let matching = options
                        .iter()
                        .filter(|o| {
                            let mut e = Vec::new();
                            self.check(o, value, path, &mut e);
                            e.is_empty()
                        })
                        .count();
                    if matching != 1 {
                        errors.push(format!("{path}: {matching} oneOf options match {value}"));
                    }
                }
                other => errors.push(format!("{path}: checker does not know the keyword {other}")),
            }
        }
    }
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema file is JSON")
}

fn review_schema() -> Value {
    serde_json::from_str(REVIEW_SCHEMA).expect("the review schema file is JSON")
}

fn errors_against(root: &Value, doc: &Value) -> Vec<String> {
    let checker = Checker { root };
    let mut errors = Vec::new();
    checker.check(root, doc, "", &mut errors);
    errors
}

fn errors_for(doc: &Value) -> Vec<String> {
    errors_against(&schema(), doc)
}

fn review_errors_for(doc: &Value) -> Vec<String> {
    errors_against(&review_schema(), doc)
}

/// A review of `plan` where every goal reached `attained`, the parents rate every goal
/// `rating` and `delivered(funded)` units of each funded service were delivered.
fn review_of(plan: &Value, attained: i64, rating: i64, delivered: fn(u64) -> u64) -> Value {
    let goals: Vec<Value> = plan["case"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| json!({"id": g["id"], "attained": attained, "conclusion": "change", "note": "n"}))
        .collect();
    let parent_goals: Vec<Value> = plan["case"]["questionnaire"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| json!({"id": g["id"], "performance": rating, "satisfaction": rating}))
        .collect();
    let delivery: Vec<Value> = plan["result"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["fundedUnits"].as_u64().unwrap() > 0)
        .map(|l| json!({"code": l["code"], "delivered": delivered(l["fundedUnits"].as_u64().unwrap())}))
        .collect();
    let input = json!({"goals": goals, "parentGoals": parent_goals, "delivery": delivery});
    review_from_plan(plan, &input).expect("the variant reviews")
}

fn review_variants() -> Vec<Value> {
    let mut out = Vec::new();
    for case in variants() {
        let plan = plan_from_case_json(&case).expect("variant plans");
        out.push(review_of(&plan, 1, 7, |f| f));
        out.push(review_of(&plan, -2, 1, |_| 0));
        out.push(review_of(&plan, 2, 10, |f| f / 2));
    }
    out
}

fn example_plan() -> Value {
    plan_from_case_json(&example_case_json()).expect("example plans")
}

fn variants() -> Vec<Value> {
    let mut out = vec![example_case_json()];
    let mut strict = example_case_json();
    strict["settings"]["policy"] = json!("strict");
    out.push(strict);
    let mut rich = example_case_json();
    rich["settings"]["budget"] = json!("0");
    for (i, goal) in rich["goals"].as_array_mut().unwrap().iter_mut().enumerate() {
        goal["attained"] = json!(i as i64 % 3 - 1);
    }
    for goal in rich["questionnaire"]["goals"].as_array_mut().unwrap() {
        goal["review"] = json!({"performance": 6, "satisfaction": 7});
    }
    out.push(rich);
    let mut no_goals = example_case_json();
    no_goals["goals"] = json!([]);
    no_goals["settings"]["budget"] = json!("100000");
    out.push(no_goals);
    // A plan that follows on from a reviewed period (issue 15, `follows`).
    let mut follows = example_case_json();
    follows["follows"] = json!({"planDigest": "0".repeat(64), "reviewDigest": "f".repeat(64)});
    out.push(follows);
    out
}

#[test]
fn produced_documents_match_the_schema_file() {
    for case in variants() {
        let doc = plan_from_case_json(&case).expect("variant plans");
        let errors = errors_for(&doc);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn produced_reviews_match_the_review_schema_file() {
    let reviews = review_variants();
    // The variants reach every nullable member both ways.
    assert!(reviews
        .iter()
        .any(|r| r["outcome"]["gas"]["overall"].is_null()));
    assert!(reviews
        .iter()
        .any(|r| r["outcome"]["delivery"]["percent"].is_null()));
    assert!(reviews
        .iter()
        .any(|r| r["outcome"]["delivery"]["percent"].is_string()));
    for review in reviews {
        let errors = review_errors_for(&review);
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_review_checker_catches_drift_both_ways() {
    let plan = example_plan();
    let review = review_of(&plan, 0, 5, |f| f);
    assert!(review_errors_for(&review).is_empty());
    let mut added = review.clone();
    added["outcome"]["copm"]["surprise"] = json!(1);
    assert!(review_errors_for(&added)
        .iter()
        .any(|e| e.contains("surprise")));
    let mut dropped = review.clone();
    dropped["review"]["goals"][0]
        .as_object_mut()
        .unwrap()
        .remove("conclusion");
    assert!(review_errors_for(&dropped)
        .iter()
        .any(|e| e.contains("conclusion")));
    let mut bad = review.clone();
    bad["review"]["planDigest"] = json!("ABC");
    assert!(!review_errors_for(&bad).is_empty());
    let mut bad = review;
    bad["review"]["goals"][0]["conclusion"] = json!("finished");
    assert!(!review_errors_for(&bad).is_empty());
}

#[test]
fn the_checker_catches_drift_both_ways() {
    let mut added = example_plan();
    added["result"]["totals"]["surprise"] = json!("1.00");
    assert!(errors_for(&added).iter().any(|e| e.contains("surprise")));

    let mut dropped = example_plan();
    dropped["result"]["lines"][0]
        .as_object_mut()
        .unwrap()
        .remove("reasonKey");
    assert!(errors_for(&dropped).iter().any(|e| e.contains("reasonKey")));

    let mut bad_money = example_plan();
    bad_money["result"]["totals"]["allocated"] = json!("12.5");
    assert!(!errors_for(&bad_money).is_empty());

    let mut bad_reason = example_plan();
    bad_reason["result"]["lines"][0]["reason"] = json!({"code": "partlyFunded"});
    assert!(!errors_for(&bad_reason).is_empty());
}

#[test]
fn the_schema_covers_every_definition_it_declares() {
    let trust: Value = serde_json::from_str(TRUST_SCHEMA).expect("the trust schema file is JSON");
    for (root, text) in [
        (schema(), SCHEMA),
        (review_schema(), REVIEW_SCHEMA),
        (trust, TRUST_SCHEMA),
    ] {
        for name in root["$defs"].as_object().unwrap().keys() {
            assert!(
                text.contains(&format!("\"#/$defs/{name}\"")),
                "unused definition {name}"
            );
        }
    }
}

/// A trust list the engine accepts, with every optional member, signed.
fn trust_list() -> Value {
    use ib_planner::engine::integrity::{add_proof, KeyPair, ProofOptions};
    let did = |seed: u8| {
        format!(
            "did:key:{}",
            KeyPair::from_seed(&[seed; 32]).public_key_multibase()
        )
    };
    let price_list = &example_plan()["priceList"];
    let list = json!({
        "schema": "ib-trust/1",
        "issuer": "Sociālais dienests",
        "signers": [
            {"id": did(1), "name": "Head", "role": "social_service_head",
             "validFrom": "2026-01-01T00:00:00Z"},
            {"id": did(2), "name": "Worker", "role": "social_worker",
             "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2027-01-01T00:00:00+02:00",
             "revokedFrom": "2026-06-01T00:00:00Z"}
        ],
        "priceLists": [{
            "version": price_list["version"],
            "effectiveDate": price_list["effectiveDate"],
            "digest": ib_planner::engine::trust::value_digest(price_list).unwrap()
        }],
        "rule": {"roles": ["social_worker"]}
    });
    let options = ProofOptions::new("2026-01-02T00:00:00Z");
    add_proof(&list, &KeyPair::from_seed(&[1; 32]), &options).unwrap()
}

#[test]
fn trust_lists_the_engine_accepts_match_the_trust_schema_file() {
    let root: Value = serde_json::from_str(TRUST_SCHEMA).expect("the trust schema file is JSON");
    let list = trust_list();
    assert!(ib_planner::engine::trust::load_trust_list(&list, None).is_ok());
    let errors = errors_against(&root, &list);
    assert!(errors.is_empty(), "{errors:#?}");

    let mut added = list.clone();
    added["signers"][0]["email"] = json!("x@example.org");
    assert!(errors_against(&root, &added)
        .iter()
        .any(|e| e.contains("email")));
    assert!(ib_planner::engine::trust::read_trust_list(&added).is_err());
    let mut dropped = list.clone();
    dropped["priceLists"][0]
        .as_object_mut()
        .unwrap()
        .remove("digest");
    assert!(errors_against(&root, &dropped)
        .iter()
        .any(|e| e.contains("digest")));
    assert!(ib_planner::engine::trust::read_trust_list(&dropped).is_err());
    let mut bad = list;
    bad["priceLists"][0]["digest"] = json!("ABC");
    assert!(!errors_against(&root, &bad).is_empty());
}

/// A provision record of the example plan with every kind of member: listed and other
/// providers, both arrangements, deliveries, an earlier plan version.
fn provision_record(plan: &Value) -> Value {
    json!({
        "schema": "ib-provision/1",
        "planDigest": ib_planner::engine::review::document_digest(plan).unwrap(),
        "previousPlanDigests": ["ab".repeat(32)],
        "caseId": plan["case"]["child"]["id"],
        "socialService": "Cēsu novada Sociālais dienests",
        "statementsThrough": 2,
        "lines": [
            {"code": "SVC-SPEECH", "provider": {"listed": "EX-0001"},
             "arrangement": {"kind": "guaranteeLetter", "number": "GV-1", "date": "2025-08-25"}},
            {"code": "SVC-RESPITE", "provider": {"other": {"name": "Cits", "registerNumber": "X-9",
             "address": "Iela 9", "contact": "+371 2", "unitPrice": "36.00"}},
             "arrangement": {"kind": "contract", "number": "L-1", "date": "2025-08-20"}},
            {"code": "SVC-OT", "provider": {"listed": "EX-0002"}},
            {"code": "SVC-SPEECH", "fromMonth": 3, "provider": {"listed": "EX-0001"},
             "arrangement": {"kind": "contract", "number": "L-2", "date": "2025-10-20"}}
        ],
        "deliveries": [
            {"code": "SVC-SPEECH", "month": 1, "units": 4, "paid": "96.00"},
            {"code": "SVC-RESPITE", "month": 2, "units": 2, "paid": "72.00"}
        ]
    })
}

#[test]
fn the_example_provider_list_matches_the_providers_schema_file() {
    let root: Value = serde_json::from_str(PROVIDERS_SCHEMA).expect("the schema file is JSON");
    let example: Value = serde_json::from_str(PROVIDERS_EXAMPLE).expect("the example is JSON");
    let list = ib_planner::engine::providers::providers_from_json(&example, None)
        .expect("the example loads");
    assert!(list.note.is_some());
    let errors = errors_against(&root, &example);
    assert!(errors.is_empty(), "{errors:#?}");
    let mut drifted = example.clone();
    drifted["providers"][0]["fax"] = json!("1");
    assert!(!errors_against(&root, &drifted).is_empty());
    drifted = example;
    drifted["providers"][0]
        .as_object_mut()
        .unwrap()
        .remove("contact");
    assert!(!errors_against(&root, &drifted).is_empty());
}

#[test]
fn provision_records_the_engine_writes_match_the_provision_schema_file() {
    use ib_planner::engine::provision::{read_record, record_json};
    let root: Value = serde_json::from_str(PROVISION_SCHEMA).expect("the schema file is JSON");
    let plan = example_plan();
    let raw = provision_record(&plan);
    let errors = errors_against(&root, &raw);
    assert!(errors.is_empty(), "{errors:#?}");
    let written = record_json(&read_record(&raw).expect("the record reads")).unwrap();
    let errors = errors_against(&root, &written);
    assert!(errors.is_empty(), "{errors:#?}");
    // Written back, the record is the same record.
    assert_eq!(read_record(&written), read_record(&raw));
    let mut drifted = written.clone();
    drifted["lines"][0]["provider"]["other"] = json!({});
    assert!(!errors_against(&root, &drifted).is_empty());
    drifted = written;
    drifted["deliveries"][0]["paid"] = json!("1.5");
    assert!(!errors_against(&root, &drifted).is_empty());
}

#[test]
fn provision_reports_match_the_report_schema_file() {
    use ib_planner::engine::providers::providers_from_json;
    use ib_planner::engine::provision::{provision_report, report_json};
    let root: Value = serde_json::from_str(REPORT_SCHEMA).expect("the schema file is JSON");
    let list: Value = serde_json::from_str(PROVIDERS_EXAMPLE).expect("the example is JSON");
    let list = providers_from_json(&list, None).expect("the example loads");
    let plan = example_plan();
    let full = provision_record(&plan);
    let mut ahead = full.clone();
    ahead["deliveries"][1] =
        json!({"code": "SVC-RESPITE", "month": 1, "units": 14, "paid": "504.00"});
    let mut nothing = full.clone();
    nothing["deliveries"] = json!([]);
    nothing["statementsThrough"] = json!(0);
    nothing["lines"] = json!([]);
    let mut reports = Vec::new();
    for (record, providers) in [
        (&full, Some(&list)),
        (&ahead, Some(&list)),
        (&nothing, None),
    ] {
        let report = provision_report(&plan, record, providers).expect("the record is accepted");
        reports.push(report_json(&report).unwrap());
    }
    // Every nullable member both ways, and a negative amount.
    assert!(reports.iter().any(|r| r["providerList"].is_null()));
    assert!(reports.iter().any(|r| r["totals"]["forecast"].is_null()));
    assert!(reports.iter().any(|r| r["services"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["providers"][0]["priceDifference"].is_object())));
    let respite = reports[1]["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "SVC-RESPITE")
        .unwrap();
    assert_eq!(respite["months"][0]["available"], "-416.50");
    for report in &reports {
        let errors = errors_against(&root, report);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let mut drifted = reports[0].clone();
    drifted["services"][0]["months"][0]["extra"] = json!(1);
    assert!(!errors_against(&root, &drifted).is_empty());
    drifted = reports[0].clone();
    drifted["totals"].as_object_mut().unwrap().remove("paid");
    assert!(!errors_against(&root, &drifted).is_empty());
}

// The monitoring report (issue 16; `engine::report`): a municipality's, a region's and
// the nation's, with every kind of figure (shown, "<5", "suppressed", "at least").
const MONITORING_SCHEMA: &str = include_str!("../public/schema/ib-report-1.schema.json");

#[test]
fn monitoring_reports_match_the_monitoring_schema_file() {
    use ib_planner::engine::report::document::{municipal_json, rollup_json};
    use ib_planner::engine::report::figures::{Documents, Figures, Row, Val, ROW_MEASURES};
    use ib_planner::engine::report::{Rejection, ReportPeriod};
    use rust_decimal::Decimal;
    let root: Value = serde_json::from_str(MONITORING_SCHEMA).expect("the report schema is JSON");
    let mut f = Figures::empty();
    f.children = Val::count(12);
    f.by_target_group = vec![Val::count(12), Val::count(0), Val::count(0)];
    let mut row = Row::zero(&ROW_MEASURES);
    row.add("children", Decimal::from(12));
    row.add("fundedEuros", Decimal::new(12345, 2));
    f.services.insert("SVC-A".into(), (1, row.clone()));
    f.services.insert("SVC-B".into(), (2, row));
    f.documents = Some(Documents {
        read: Val::count(13),
        plans: Val::count(12),
        reviews: Val::Small,
        provision: Val::Hidden,
        rejected: Val::count(1),
    });
    f.outcomes.reviews = Val::count(6);
    f.outcomes.gas_reviews = Val::count(6);
    f.outcomes.gas_quartiles = Some([
        Val::Exact(Decimal::new(4500, 2)),
        Val::Exact(Decimal::new(5000, 2)),
        Val::Hidden,
    ]);
    f.outcomes.copm_goals = Val::count(18);
    f.outcomes.copm_performance = Val::count(9);
    let rejected = [Rejection {
        file: "x.json".into(),
        reason: "report.reject.recompute",
        detail: Some("report.detail.result_differs".into()),
    }];
    let municipal = municipal_json(
        &f,
        "CESU-NOV",
        "VIDZEME",
        ReportPeriod::parse("2025H2"),
        &rejected,
    );
    let mut sum = Figures::empty();
    sum.add(&f);
    sum.children = Val::AtLeast(Decimal::from(20));
    sum.budget.add("budget", Decimal::new(100, 2));
    sum.budget.cells[1] = Val::AtLeast(Decimal::new(100, 2));
    let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let region = rollup_json(
        &sum,
        "region",
        "VIDZEME",
        &codes(&["CESU-NOV"]),
        &codes(&["OGRES-NOV"]),
        Some("2025H2"),
        2,
        &rejected,
    );
    let national = rollup_json(
        &sum,
        "national",
        "LV",
        &codes(&["VIDZEME"]),
        &codes(&["RIGA"]),
        None,
        1,
        &[],
    );
    assert_eq!(municipal["documents"]["reviews"], "<5");
    assert_eq!(region["budget"]["budget"], json!({"atLeast": "1.00"}));
    for doc in [&municipal, &region, &national] {
        let errors = errors_against(&root, doc);
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let mut drifted = municipal.clone();
    drifted["services"][0]["extra"] = json!(1);
    assert!(!errors_against(&root, &drifted).is_empty());
    drifted = region.clone();
    drifted["budget"]
        .as_object_mut()
        .unwrap()
        .remove("paidEuros");
    assert!(!errors_against(&root, &drifted).is_empty());
    drifted = municipal.clone();
    drifted["children"]["total"] = json!("12");
    assert!(!errors_against(&root, &drifted).is_empty());
}

#[path = "report_fixture/mod.rs"]
mod report_fixture;

#[test]
fn monitoring_reports_of_the_fixture_set_match_the_monitoring_schema_file() {
    use ib_planner::engine::integrity::{add_proof, ProofOptions};
    use ib_planner::engine::reference::ReferenceData;
    use ib_planner::engine::report::rollup::{Level, Rollup};
    use ib_planner::engine::report::{ReportBuilder, Settings};
    use ib_planner::engine::trust::load_trust_list;
    use report_fixture::*;
    let root: Value = serde_json::from_str(MONITORING_SCHEMA).expect("the report schema is JSON");
    let regions = ReferenceData::builtin().unwrap().regions;
    let mut reports = Vec::new();
    for (code, n, head) in MUNICIPALITIES {
        let (list, _) = load_trust_list(&trust_list(code, head), None).unwrap();
        let mut builder = ReportBuilder::new(Settings {
            trust: &list,
            municipality: None,
            period: None,
            providers: None,
            facts: false,
        });
        for (name, doc) in files(code, n, head) {
            builder.add_document(&name, &doc);
        }
        builder.add_document("forged.json", &forged_plan(code, head));
        let doc = builder.finish(&regions).unwrap().document;
        let errors = errors_against(&root, &doc);
        assert!(errors.is_empty(), "{code}: {errors:#?}");
        reports.push(add_proof(&doc, &key(head), &ProofOptions::new(WHEN)).unwrap());
    }
    let mut region = Rollup::new(
        Level::Region,
        &regions,
        Some("VIDZEME".into()),
        None,
        Default::default(),
    );
    for (i, r) in reports.iter().enumerate() {
        region.add_report(&format!("{i}.json"), r);
    }
    let region = region.finish().unwrap();
    let errors = errors_against(&root, &region);
    assert!(errors.is_empty(), "{errors:#?}");
}
