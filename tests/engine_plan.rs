//! Plan documents: recomputation matches, tampering is found at the right JSON pointer,
//! money is written with two decimals, old documents migrate, newer ones are refused.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::money::is_document_money;
use ib_planner::engine::plan::{
    plan_from_case_json, recompute_check, upgrade_plan, RecomputeOutcome, PLAN_SCHEMA,
};
use serde_json::{json, Value};

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).unwrap()
}

fn differs_at(doc: &Value) -> String {
    match recompute_check(doc) {
        RecomputeOutcome::Differs { path, .. } => path,
        other => panic!("expected Differs, got {other:?}"),
    }
}

#[test]
fn a_fresh_plan_matches_and_ignores_a_proof() {
    let mut doc = plan();
    assert_eq!(doc["schema"], json!(PLAN_SCHEMA));
    assert_eq!(recompute_check(&doc), RecomputeOutcome::Matches);
    doc["proof"] = json!({"type": "DataIntegrityProof", "proofValue": "z123"});
    assert_eq!(recompute_check(&doc), RecomputeOutcome::Matches);
}

#[test]
fn tampering_with_a_total_is_found() {
    let mut doc = plan();
    doc["result"]["totals"]["allocated"] = json!("3799.00");
    match recompute_check(&doc) {
        RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        } => {
            assert_eq!(path, "/result/totals/allocated");
            assert_eq!(embedded, "\"3799.00\"");
            assert_eq!(recomputed, "\"3798.00\"");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tampering_with_an_embedded_price_is_found() {
    let mut doc = plan();
    let services = doc["priceList"]["services"].as_array_mut().unwrap();
    let physio = services
        .iter_mut()
        .find(|s| s["code"] == json!("SVC-PHYSIO"))
        .unwrap();
    physio["unitPrice"] = json!("20.00");
    // The recomputation uses the embedded (changed) price, so the result no longer matches.
    assert!(differs_at(&doc).starts_with("/result/"));
}

#[test]
fn tampering_with_a_rank_is_found() {
    let mut doc = plan();
    doc["case"]["services"][0]["parentRank"] = json!(2);
    doc["case"]["services"][3]["parentRank"] = json!(3);
    assert!(differs_at(&doc).starts_with("/result/"));
}

#[test]
fn tampering_with_a_name_or_budget_is_found() {
    let mut doc = plan();
    doc["result"]["lines"][0]["name"]["lv"] = json!("Cits");
    assert_eq!(differs_at(&doc), "/result/lines/0/name/lv");
    let mut doc = plan();
    doc["case"]["settings"]["budget"] = json!("5000.00");
    assert!(differs_at(&doc).starts_with("/result/"));
}

#[test]
fn invalid_embedded_inputs_are_reported_with_document_paths() {
    let mut doc = plan();
    doc["case"]["services"][0]["quantity"] = json!(-1);
    match recompute_check(&doc) {
        RecomputeOutcome::Invalid(problems) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.path == "/case/services/0/quantity"),
                "{problems:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    let mut doc = plan();
    doc["priceList"]["services"][0]["unitPrice"] = json!("abc");
    match recompute_check(&doc) {
        RecomputeOutcome::Invalid(problems) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.path == "/priceList/services/0/unitPrice"),
                "{problems:?}"
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn schema_versions_are_recognised() {
    let mut doc = plan();
    doc["schema"] = json!("ib-plan/2");
    assert_eq!(
        recompute_check(&doc),
        RecomputeOutcome::UnsupportedSchema("ib-plan/2".into())
    );
    let problems = upgrade_plan(&doc).unwrap_err();
    assert_eq!(problems[0].key, "problem.schema.unsupported");
    doc["schema"] = json!("ib-plan/x");
    assert_eq!(
        recompute_check(&doc),
        RecomputeOutcome::UnsupportedSchema("ib-plan/x".into())
    );
    doc["schema"] = json!("something-else/1");
    assert_eq!(recompute_check(&doc), RecomputeOutcome::NotAPlan);
    assert_eq!(recompute_check(&json!([1, 2])), RecomputeOutcome::NotAPlan);
    assert_eq!(
        recompute_check(&json!({"no": "schema"})),
        RecomputeOutcome::NotAPlan
    );
    assert_eq!(upgrade_plan(&plan()).unwrap(), plan());
}

#[test]
fn a_version_0_draft_is_migrated() {
    let mut case = example_case_json();
    let settings = case["settings"].as_object_mut().unwrap();
    settings.remove("periodMonths");
    settings.insert("weights".into(), json!([0.6, 0.4]));
    settings.insert("budget".into(), json!(3800));
    let draft = json!({"schema": "ib-plan/0", "case": case});
    match recompute_check(&draft) {
        RecomputeOutcome::Invalid(p) => assert_eq!(p[0].key, "problem.schema.old_version"),
        other => panic!("{other:?}"),
    }
    let upgraded = upgrade_plan(&draft).unwrap();
    assert_eq!(upgraded["schema"], json!("ib-plan/1"));
    assert_eq!(upgraded["case"]["settings"]["periodMonths"], json!(6));
    assert_eq!(
        upgraded["case"]["settings"]["weights"],
        json!({"expert": "0.6", "parent": "0.4"})
    );
    assert_eq!(upgraded["result"], plan()["result"]);
    assert_eq!(recompute_check(&upgraded), RecomputeOutcome::Matches);
}

#[test]
fn the_embedded_case_is_a_fixed_point() {
    let doc = plan();
    let again = plan_from_case_json(&doc["case"]).unwrap();
    assert_eq!(
        serde_json::to_string(&again).unwrap(),
        serde_json::to_string(&doc).unwrap()
    );
}

fn collect_money(value: &Value, key: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if let Value::String(s) = v {
                    if [
                        "budget",
                        "unitPrice",
                        "requested",
                        "allocated",
                        "remaining",
                        "unmet",
                        "amount",
                        "requestedAmount",
                        "fundedAmount",
                        "unmetAmount",
                    ]
                    .contains(&k.as_str())
                    {
                        out.push(format!("{key}/{k}={s}"));
                    }
                }
                collect_money(v, &format!("{key}/{k}"), out);
            }
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| collect_money(v, &format!("{key}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn every_amount_has_exactly_two_decimals() {
    let mut amounts = Vec::new();
    collect_money(&plan(), "", &mut amounts);
    assert!(amounts.len() > 60);
    for a in amounts {
        let value = a.rsplit_once('=').unwrap().1;
        assert!(is_document_money(value), "{a}");
    }
}

#[test]
fn gas_and_copm_summaries_are_exact() {
    let mut case = example_case_json();
    let attained = [0, 0, 0, 0];
    for (goal, level) in case["goals"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(attained)
    {
        goal["attained"] = json!(level);
    }
    let reviews = [(6, 5), (5, 5), (4, 4)];
    for (goal, (p, s)) in case["questionnaire"]["goals"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(reviews)
    {
        goal["review"] = json!({"performance": p, "satisfaction": s});
    }
    let doc = plan_from_case_json(&case).unwrap();
    let gas = &doc["result"]["gas"];
    assert_eq!(
        gas["attained"],
        json!({"unweighted": "50.00", "weighted": "50.00"})
    );
    let copm = &doc["result"]["copm"];
    assert_eq!(copm["performance"], json!("3.00"));
    assert_eq!(copm["satisfaction"], json!("2.33"));
    assert_eq!(copm["review"]["performance"], json!("5.00"));
    assert_eq!(copm["review"]["performanceChange"], json!("2.00"));
    assert_eq!(copm["review"]["performanceImportant"], json!(true));
    // From the exact averages (14/3 − 7/3), not from the rounded ones (4.67 − 2.33).
    assert_eq!(copm["review"]["satisfactionChange"], json!("2.33"));
    assert_eq!(copm["review"]["satisfactionImportant"], json!(true));
}
