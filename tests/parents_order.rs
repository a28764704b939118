//! The parents' order is the parents' (issue 11, item 4): a case whose services carry no
//! parents' ranks is "not ranked yet" and makes no plan; a recorded decision to follow the
//! experts' order (with a reason) makes one in the experts' order and goes into the plan;
//! a change to the experts' list after the order was settled needs a look, naming the
//! service, until the parents confirm or re-rank. Services may link to the team's goals.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_with_reference, recompute_check, RecomputeOutcome};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::{provisional_case, validate_case};
use ib_planner::exchange::{
    self, apply_ranking_import, confirm_parents_order, move_in_parents_order, order_status,
    plan_ranking_import, ranking_file, read_ranking, set_follow_experts, ListChange, OrderStatus,
};
use ib_planner::plan_view::{add_service, move_service, remove_service};
use serde_json::{json, Value};

fn reference() -> ReferenceData {
    ReferenceData::builtin().unwrap()
}

fn problems(case: &Value) -> Vec<ib_planner::engine::problem::Problem> {
    validate_case(case, &reference()).err().unwrap_or_default()
}

fn keys(case: &Value) -> Vec<(String, String)> {
    problems(case)
        .into_iter()
        .map(|p| {
            let code = p
                .params
                .iter()
                .find(|(k, _)| k == "code" || k == "codes")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (p.key, code)
        })
        .collect()
}

fn status(case: &Value) -> OrderStatus {
    order_status(case, &problems(case))
}

/// The example case with the parents' ranks taken away.
fn unranked() -> Value {
    let mut case = example_case_json();
    for s in case["services"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("parentRank");
    }
    case
}

fn services(case: &mut Value) -> &mut Vec<Value> {
    case["services"].as_array_mut().unwrap()
}

#[test]
fn the_example_case_is_ranked_and_old_cases_with_ranks_stay_ranked() {
    let case = example_case_json();
    assert!(problems(&case).is_empty());
    assert_eq!(status(&case), OrderStatus::Ranked);
    assert!(status(&case).is_final());
    // No `parentsOrder` and no service goals: the plan is as before (the vectors check
    // the bytes).
    let plan = plan_with_reference(&case, &reference()).unwrap();
    assert!(plan["case"].get("parentsOrder").is_none());
    assert!(plan["case"]["services"][0].get("goals").is_none());
}

#[test]
fn a_case_without_parents_ranks_is_not_ranked_and_makes_no_plan() {
    let case = unranked();
    assert_eq!(
        keys(&case),
        vec![("problem.parents.not_ranked".to_string(), String::new())]
    );
    let p = &problems(&case)[0];
    assert_eq!(p.path, "/parentsOrder");
    assert_eq!(ib_planner::plan_view::problem_step(p), Some("ranking"));
    assert_eq!(status(&case), OrderStatus::NotRanked);
    assert!(plan_with_reference(&case, &reference()).is_err());
    // The provisional plan is the experts' order alone, whatever the weights.
    let provisional = provisional_case(&case, &reference()).unwrap();
    assert!(provisional.parents_order.is_none());
    for s in &provisional.services {
        assert_eq!(s.parent_rank, s.expert_rank);
    }
    let lines = ib_planner::engine::allocate::allocate(&provisional, &reference().catalogue)
        .unwrap()
        .lines;
    let experts: Vec<u32> = lines.iter().map(|l| l.expert_rank).collect();
    assert_eq!(experts, (1..=10).collect::<Vec<u32>>());
}

#[test]
fn adding_a_service_gives_no_parents_rank_and_a_new_case_is_not_ranked() {
    let mut case = unranked();
    services(&mut case).truncate(0);
    add_service(services(&mut case), "SVC-PHYSIO");
    services(&mut case)[0]["quantity"] = json!(4);
    assert!(services(&mut case)[0].get("parentRank").is_none());
    assert_eq!(status(&case), OrderStatus::NotRanked);
}

#[test]
fn following_the_experts_needs_a_reason_and_goes_into_the_plan() {
    let mut case = unranked();
    assert!(set_follow_experts(&mut case, true));
    assert_eq!(exchange::follow_experts(&case).as_deref(), Some(""));
    let p = problems(&case);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "/parentsOrder/followExperts/reason");
    assert_eq!(p[0].key, "problem.text.empty");
    assert_eq!(status(&case), OrderStatus::FollowExperts(false));
    case["parentsOrder"]["followExperts"]["reason"] = json!("Vecāki uzticas komandai.");
    assert!(problems(&case).is_empty());
    assert_eq!(status(&case), OrderStatus::FollowExperts(true));
    let plan = plan_with_reference(&case, &reference()).unwrap();
    assert_eq!(
        plan["case"]["parentsOrder"],
        json!({"followExperts": {"reason": "Vecāki uzticas komandai."}})
    );
    for s in plan["case"]["services"].as_array().unwrap() {
        assert_eq!(s["parentRank"], s["expertRank"]);
    }
    assert_eq!(recompute_check(&plan), RecomputeOutcome::Matches);
    // Withdrawn: not ranked again; the parents' own ranks, had they any, are kept.
    assert!(set_follow_experts(&mut case, false));
    assert_eq!(status(&case), OrderStatus::NotRanked);
    // With ranks kept from before, the decision still decides.
    let mut ranked = example_case_json();
    set_follow_experts(&mut ranked, true);
    ranked["parentsOrder"]["followExperts"]["reason"] = json!("x");
    let case = validate_case(&ranked, &reference()).unwrap();
    assert!(case.services.iter().all(|s| s.parent_rank == s.expert_rank));
    assert_eq!(
        ranked["services"][0]["parentRank"],
        example_case_json()["services"][0]["parentRank"]
    );
}

#[test]
fn a_change_to_the_experts_list_after_ranking_needs_a_look_until_confirmed() {
    let mut case = unranked();
    // The parents rank: one move writes the whole order and settles it.
    assert!(move_in_parents_order(&mut case, 1, 0));
    assert!(problems(&case).is_empty(), "{:?}", problems(&case));
    assert_eq!(status(&case), OrderStatus::Ranked);
    let seen = case["parentsOrder"]["expertsOrderSeen"].clone();
    assert_eq!(seen.as_array().unwrap().len(), 10);

    // A quantity change does not matter.
    services(&mut case)[0]["quantity"] = json!(3);
    assert_eq!(status(&case), OrderStatus::Ranked);

    // The experts move the third service up: it is named as moved.
    let third = services(&mut case)[2]["code"].as_str().unwrap().to_string();
    assert!(move_service(services(&mut case), 2, 1));
    assert_eq!(
        status(&case),
        OrderStatus::NeedsLook(vec![(third.clone(), ListChange::Moved)])
    );
    // Moving it back: nothing changed after all.
    assert!(move_service(services(&mut case), 2, 1));
    assert_eq!(status(&case), OrderStatus::Ranked);

    // Added and removed services are named; the added one has no parents' place.
    add_service(services(&mut case), "SVC-ARTTHERAPY");
    services(&mut case)[10]["quantity"] = json!(2);
    let first = services(&mut case)[0]["code"].as_str().unwrap().to_string();
    assert!(remove_service(services(&mut case), 0));
    assert_eq!(
        status(&case),
        OrderStatus::NeedsLook(vec![
            ("SVC-ARTTHERAPY".to_string(), ListChange::Added),
            (first, ListChange::Removed),
        ])
    );
    assert!(plan_with_reference(&case, &reference()).is_err());
    let p = problems(&case);
    assert!(
        p.iter().all(|p| p.path.starts_with("/parentsOrder")),
        "{p:?}"
    );

    // Confirming writes the order as shown (the new service last) and clears it.
    assert!(confirm_parents_order(&mut case));
    assert!(problems(&case).is_empty(), "{:?}", problems(&case));
    let art = case["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "SVC-ARTTHERAPY")
        .unwrap()
        .clone();
    assert_eq!(art["parentRank"], 10);

    // Re-ranking clears it too.
    assert!(move_service(services(&mut case), 0, 1));
    assert!(matches!(status(&case), OrderStatus::NeedsLook(_)));
    assert!(move_in_parents_order(&mut case, 0, 1));
    assert_eq!(status(&case), OrderStatus::Ranked);
}

#[test]
fn following_the_experts_also_needs_a_look_after_a_change() {
    let mut case = unranked();
    set_follow_experts(&mut case, true);
    case["parentsOrder"]["followExperts"]["reason"] = json!("Uzticas.");
    assert_eq!(status(&case), OrderStatus::FollowExperts(true));
    let second = services(&mut case)[1]["code"].as_str().unwrap().to_string();
    move_service(services(&mut case), 1, 0);
    assert_eq!(
        status(&case),
        OrderStatus::NeedsLook(vec![(second, ListChange::Moved)])
    );
    confirm_parents_order(&mut case);
    assert_eq!(status(&case), OrderStatus::FollowExperts(true));
    // Confirming keeps the decision: still no parents' ranks of their own.
    assert!(case["services"][0].get("parentRank").is_none());
    // The parents ranking after all withdraws the decision.
    move_in_parents_order(&mut case, 0, 1);
    assert_eq!(status(&case), OrderStatus::Ranked);
    assert!(exchange::follow_experts(&case).is_none());
}

#[test]
fn a_partly_ranked_list_without_a_seen_list_names_the_unplaced_services() {
    let mut case = example_case_json();
    services(&mut case)[0]
        .as_object_mut()
        .unwrap()
        .remove("parentRank");
    let code = case["services"][0]["code"].as_str().unwrap().to_string();
    assert_eq!(
        keys(&case),
        vec![("problem.parents.incomplete".to_string(), code.clone())]
    );
    assert_eq!(
        status(&case),
        OrderStatus::NeedsLook(vec![(code, ListChange::Unplaced)])
    );
}

#[test]
fn the_ranking_file_round_trip_settles_the_order() {
    let mut case = unranked();
    let file = ranking_file(&case, &reference().catalogue);
    let parsed: Value = serde_json::from_str(&file).unwrap();
    assert!(parsed["services"][0]["parentRank"].is_null());
    // The parents rank on their own device (reversed), the file comes back.
    let mut back = parsed.clone();
    for (i, s) in back["services"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        s["parentRank"] = json!(10 - i);
    }
    let entries = read_ranking(&back.to_string()).unwrap();
    let import = plan_ranking_import(&case, &entries).unwrap();
    set_follow_experts(&mut case, true);
    assert!(apply_ranking_import(&mut case, &import));
    assert!(exchange::follow_experts(&case).is_none());
    assert_eq!(status(&case), OrderStatus::Ranked);
    assert!(exchange::parent_ranks_complete(exchange::services(&case)));
    // A file still unranked is refused and changes nothing.
    let entries = read_ranking(&file).unwrap();
    assert!(plan_ranking_import(&case, &entries).is_err());
}

#[test]
fn services_may_link_to_the_team_goals() {
    let mut case = example_case_json();
    let goal = case["goals"][0]["id"].as_str().unwrap().to_string();
    services(&mut case)[0]["goals"] = json!([goal.clone(), goal.clone()]);
    let valid = validate_case(&case, &reference()).unwrap();
    assert_eq!(valid.services[0].goals, vec![goal.clone()]);
    let plan = plan_with_reference(&case, &reference()).unwrap();
    assert_eq!(plan["case"]["services"][0]["goals"], json!([goal]));
    assert_eq!(recompute_check(&plan), RecomputeOutcome::Matches);
    services(&mut case)[0]["goals"] = json!(["G-NONE"]);
    let p = problems(&case);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "/services/0/goals/0");
    assert_eq!(p[0].key, "problem.service.unknown_goal");
}

#[test]
fn malformed_parents_order_members_are_problems_not_panics() {
    for bad in [
        json!(5),
        json!({"followExperts": "yes"}),
        json!({"followExperts": {}}),
        json!({"followExperts": {"reason": 3}}),
        json!({"expertsOrderSeen": "A"}),
        json!({"expertsOrderSeen": [1]}),
    ] {
        let mut case = example_case_json();
        case["parentsOrder"] = bad.clone();
        let p = problems(&case);
        assert!(!p.is_empty(), "{bad}");
        assert!(
            p.iter().all(|p| p.path.starts_with("/parentsOrder")),
            "{bad}: {p:?}"
        );
    }
}

#[test]
fn each_service_shows_the_parents_goals_it_serves_through_the_team_goals() {
    let mut case = example_case_json();
    let team: Vec<(String, Vec<String>)> = case["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap().to_string(),
                g["parentGoals"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    let (goal, parents) = team.iter().find(|(_, p)| !p.is_empty()).unwrap().clone();
    assert!(exchange::served_goals(&case, &case["services"][0])
        .parents
        .is_empty());
    assert!(ib_planner::plan_view::set_service_goal(
        services(&mut case),
        0,
        &goal,
        true
    ));
    assert!(ib_planner::plan_view::set_service_goal(
        services(&mut case),
        0,
        &goal,
        true
    ));
    assert_eq!(case["services"][0]["goals"], json!([goal.clone()]));
    let served = exchange::served_goals(&case, &case["services"][0]);
    assert_eq!(served.team, vec![goal.clone()]);
    let texts: Vec<String> = case["questionnaire"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| parents.contains(&g["id"].as_str().unwrap().to_string()))
        .map(|g| g["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(served.parents, texts);
    assert!(ib_planner::plan_view::set_service_goal(
        services(&mut case),
        0,
        &goal,
        false
    ));
    assert!(case["services"][0].get("goals").is_none());
    assert!(!ib_planner::plan_view::set_service_goal(
        services(&mut case),
        99,
        &goal,
        true
    ));
}

#[test]
fn a_case_ranked_before_the_seen_list_notices_the_next_change() {
    // The example case (like a case stored before the seen list) has ranks and no list.
    let mut case = example_case_json();
    assert!(case.get("parentsOrder").is_none());
    assert!(exchange::note_before_list_change(&mut case));
    assert!(!exchange::note_before_list_change(&mut case), "once");
    let second = case["services"][1]["code"].as_str().unwrap().to_string();
    move_service(services(&mut case), 1, 0);
    assert_eq!(
        status(&case),
        OrderStatus::NeedsLook(vec![(second, ListChange::Moved)])
    );
    // Nothing to notice while nobody ranked.
    let mut fresh = unranked();
    assert!(!exchange::note_before_list_change(&mut fresh));
    assert!(fresh.get("parentsOrder").is_none());
}
