//! The example case plans cleanly, and its plan shows every kind of line.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_from_case_json, recompute_check, RecomputeOutcome};

#[test]
fn example_plans_and_recomputes() {
    let plan = match plan_from_case_json(&example_case_json()) {
        Ok(p) => p,
        Err(problems) => panic!("{problems:#?}"),
    };
    println!("{}", serde_json::to_string_pretty(&plan["result"]).unwrap());
    assert_eq!(recompute_check(&plan), RecomputeOutcome::Matches);
}
