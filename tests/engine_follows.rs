//! A case started from a review (issue 15, item 4) carries `follows`: the digests of the
//! previous plan and of its review. The plan document embeds it in its case, the
//! recompute check keeps it, a malformed digest is a problem at its pointer, and a case
//! without it plans exactly as before.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_from_case_json, recompute_check, RecomputeOutcome};
use serde_json::json;

const PLAN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const REVIEW: &str = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

#[test]
fn the_plan_of_a_following_case_carries_the_link_and_recomputes() {
    let mut case = example_case_json();
    case["follows"] = json!({"planDigest": PLAN, "reviewDigest": REVIEW});
    let plan = plan_from_case_json(&case).expect("plans");
    assert_eq!(
        plan["case"]["follows"],
        json!({"planDigest": PLAN, "reviewDigest": REVIEW})
    );
    assert_eq!(recompute_check(&plan), RecomputeOutcome::Matches);
}

#[test]
fn a_first_plan_has_no_link() {
    let plan = plan_from_case_json(&example_case_json()).expect("plans");
    assert!(plan["case"].get("follows").is_none());
}

#[test]
fn malformed_links_are_problems_at_their_pointers() {
    for (follows, path) in [
        (
            json!({"planDigest": "ABC", "reviewDigest": REVIEW}),
            "/follows/planDigest",
        ),
        (json!({"planDigest": PLAN}), "/follows/reviewDigest"),
        (json!("x"), "/follows"),
    ] {
        let mut case = example_case_json();
        case["follows"] = follows;
        let problems = plan_from_case_json(&case).expect_err("refused");
        assert!(
            problems.iter().any(|p| p.path == path),
            "{path}: {problems:?}"
        );
    }
}
