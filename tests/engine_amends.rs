//! An amended plan (issue 14, item 5) carries `amends`: the digests of its earlier
//! versions, oldest first. The plan embeds it in its case and recomputes with it, a
//! malformed list is a problem at its pointer, a plan without it is as before, and
//! `carry_over` refuses an amended plan whose chain does not end with the plan amended.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_from_case_json, recompute_check, RecomputeOutcome};
use ib_planner::engine::provision::{carry_over, ProvisionError};
use ib_planner::engine::review::document_digest;
use serde_json::{json, Value};

const A: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const B: &str = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

#[test]
fn the_plan_of_an_amended_case_carries_the_chain_and_recomputes() {
    let mut case = example_case_json();
    case["amends"] = json!({"planDigests": [A, B]});
    let plan = plan_from_case_json(&case).expect("plans");
    assert_eq!(plan["case"]["amends"], json!({"planDigests": [A, B]}));
    assert_eq!(recompute_check(&plan), RecomputeOutcome::Matches);
}

#[test]
fn an_unamended_plan_has_no_chain() {
    let plan = plan_from_case_json(&example_case_json()).expect("plans");
    assert!(plan["case"].get("amends").is_none());
}

#[test]
fn malformed_chains_are_problems_at_their_pointers() {
    let many: Vec<&str> = vec![A; 51];
    for (amends, path, key) in [
        (
            json!({"planDigests": [A, "ABC"]}),
            "/amends/planDigests/1",
            "problem.amends.digest",
        ),
        (
            json!({"planDigests": []}),
            "/amends/planDigests",
            "problem.amends.count",
        ),
        (
            json!({"planDigests": many}),
            "/amends/planDigests",
            "problem.amends.count",
        ),
        (
            json!({"planDigests": [3]}),
            "/amends/planDigests/0",
            "problem.type.string",
        ),
        (json!({}), "/amends/planDigests", "problem.field.missing"),
        (json!("x"), "/amends", "problem.type.object"),
    ] {
        let mut case = example_case_json();
        case["amends"] = amends;
        let problems = plan_from_case_json(&case).expect_err("refused");
        assert!(
            problems.iter().any(|p| p.path == path && p.key == key),
            "{path} {key}: {problems:?}"
        );
    }
}

fn record_for(plan: &Value) -> Value {
    json!({
        "schema": "ib-provision/1",
        "planDigest": document_digest(plan).unwrap(),
        "caseId": plan["case"]["child"]["id"],
        "socialService": "Sociālais dienests",
        "statementsThrough": 0,
        "lines": [],
        "deliveries": []
    })
}

#[test]
fn carry_over_checks_the_amended_plans_chain() {
    let plan = plan_from_case_json(&example_case_json()).unwrap();
    let digest = document_digest(&plan).unwrap();
    let record = record_for(&plan);
    let amended_with = |amends: Value| {
        let mut case = example_case_json();
        case["amends"] = amends;
        plan_from_case_json(&case).unwrap()
    };
    // The right chain: accepted, and the record names the same versions.
    let carried = carry_over(
        &plan,
        &amended_with(json!({"planDigests": [digest]})),
        &record,
        None,
    )
    .expect("carried");
    assert_eq!(carried.previous_plan_digests, vec![digest.clone()]);
    // A chain that ends with another plan, or that names more than the record.
    for (amends, key) in [
        (
            json!({"planDigests": [A]}),
            "problem.provision.amends_other_plan",
        ),
        (
            json!({"planDigests": [A, digest]}),
            "problem.provision.amends_chain",
        ),
    ] {
        match carry_over(&plan, &amended_with(amends), &record, None) {
            Err(ProvisionError::AmendedPlan(problems)) => assert!(
                problems
                    .iter()
                    .any(|p| p.key == key && p.path == "/case/amends/planDigests"),
                "{key}: {problems:?}"
            ),
            other => panic!("{key}: {other:?}"),
        }
    }
}
