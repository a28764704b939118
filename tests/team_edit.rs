//! The team screens' pure edits: member ids, choosing specialists, qualifiers, goals,
//! GAS levels, parent-goal links and T-scores — checked on raw JSON, including shapes a
//! damaged file could hold.

use ib_planner::draft::new_case;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::validate_case;
use ib_planner::team_edit::*;
use rust_decimal::Decimal;
use serde_json::json;
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn member_ids_are_stable_and_unique() {
    let mut case = new_case("2026-12-01");
    assert_eq!(new_member_id(&case, "physiotherapist"), "PT");
    assert_eq!(add_member(&mut case, "physiotherapist"), Some(2));
    assert_eq!(new_member_id(&case, "physiotherapist"), "PT2");
    assert_eq!(new_member_id(&case, "social_worker"), "SW2");
    assert_eq!(new_member_id(&case, "unknown_role"), "M");
    add_member(&mut case, "psychologist");
    assert_eq!(
        case["team"][3],
        json!({"id": "PSL", "role": "psychologist", "name": "", "assessments": []})
    );
    assert_eq!(members_with_role(&case, "physiotherapist"), vec![2]);
    // A damaged team (not a list) is not touched.
    let mut broken = json!({"team": "x"});
    assert_eq!(add_member(&mut broken, "physiotherapist"), None);
    assert_eq!(remove_role(&mut broken, "physiotherapist"), 0);
    assert_eq!(new_member_id(&json!({}), "psychologist"), "PSL");
}

#[test]
fn removing_a_role_removes_its_members_and_scores() {
    let mut case = new_case("2026-12-01");
    add_member(&mut case, "physiotherapist");
    assert!(set_qualifier(&mut case, 2, "mobility", Some(2)));
    assert!(set_qualifier(&mut case, 2, "self_care", Some(3)));
    assert_eq!(assessments_of_role(&case, "physiotherapist"), 2);
    assert_eq!(remove_role(&mut case, "physiotherapist"), 1);
    assert_eq!(case["team"].as_array().unwrap().len(), 2);
    assert_eq!(assessments_of_role(&case, "physiotherapist"), 0);
}

#[test]
fn qualifiers_are_set_changed_and_removed_keeping_notes() {
    let mut case = new_case("2026-12-01");
    assert!(set_qualifier(&mut case, 0, "mobility", Some(2)));
    assert!(ib_planner::draft::set_at(
        &mut case,
        "/team/0/assessments/0/note",
        json!("Walks")
    ));
    assert!(set_qualifier(&mut case, 0, "mobility", Some(3)));
    assert_eq!(
        case["team"][0]["assessments"],
        json!([{"domain": "mobility", "qualifier": 3, "note": "Walks"}])
    );
    assert!(set_qualifier(&mut case, 0, "communication", Some(9)));
    assert_eq!(assessment_index(&case, 0, "communication"), Some(1));
    assert_eq!(
        scored_count(&case, 0, &["mobility", "communication", "learning"]),
        2
    );
    assert!(set_qualifier(&mut case, 0, "mobility", None));
    assert_eq!(assessment_index(&case, 0, "communication"), Some(0));
    assert!(set_qualifier(&mut case, 0, "learning", None));
    // No such member: nothing happens.
    assert!(!set_qualifier(&mut case, 7, "mobility", Some(1)));
    assert_eq!(case["team"].as_array().unwrap().len(), 2);
}

#[test]
fn new_goals_have_five_levels_and_unique_ids() {
    let mut case = new_case("2026-12-01");
    assert_eq!(add_goal(&mut case, "long"), Some(0));
    assert_eq!(add_goal(&mut case, "short"), Some(1));
    assert_eq!(case["goals"][0]["id"], "G1");
    assert_eq!(case["goals"][1]["id"], "G2");
    assert_eq!(case["goals"][1]["baseline"], -1);
    assert_eq!(case["goals"][1]["levels"].as_array().unwrap().len(), 5);
    assert_eq!(goals_of_term(&case, "long"), vec![0]);
    assert_eq!(goals_of_term(&case, "short"), vec![1]);
    let odd = json!({"goals": [{"id": "G7"}, {"id": "X"}, {"term": "weird"}]});
    assert_eq!(new_goal_id(&odd), "G8");
    assert_eq!(goals_of_term(&odd, "long"), vec![0, 1, 2]);
}

#[test]
fn levels_are_normalised_without_losing_text() {
    let mut goal = json!({"levels": [
        {"level": 1, "text": "one"}, {"level": -2, "text": "minus two"},
        {"level": 1, "text": "again"}, {"level": 7, "text": "odd"}
    ]});
    assert!(normalise_levels(&mut goal));
    assert_eq!(
        goal["levels"],
        json!([
            {"level": -2, "text": "minus two"}, {"level": -1, "text": ""}, {"level": 0, "text": ""},
            {"level": 1, "text": "one"}, {"level": 2, "text": ""},
            {"level": 1, "text": "again"}, {"level": 7, "text": "odd"}
        ])
    );
    let mut bad = json!({"levels": "none"});
    assert!(!normalise_levels(&mut bad));
    let mut case = new_case("2026-12-01");
    add_goal(&mut case, "long");
    assert!(!normalise_all_levels(&mut case));
}

#[test]
fn parent_links_are_added_once_and_removed_with_the_parent_goal() {
    let mut case = new_case("2026-12-01");
    add_goal(&mut case, "long");
    add_goal(&mut case, "short");
    assert!(set_parent_link(&mut case, 0, "PG1", true));
    assert!(set_parent_link(&mut case, 0, "PG1", true));
    assert!(set_parent_link(&mut case, 0, "PG2", true));
    assert!(set_parent_link(&mut case, 1, "PG1", true));
    assert_eq!(case["goals"][0]["parentGoals"], json!(["PG1", "PG2"]));
    assert!(set_parent_link(&mut case, 0, "PG2", false));
    assert_eq!(unlink_parent_goal(&mut case, "PG1"), 2);
    assert_eq!(case["goals"][0]["parentGoals"], json!([]));
    assert!(!set_parent_link(&mut case, 9, "PG1", true));
}

#[test]
fn gas_scores_match_the_documented_checks() {
    let goals = |levels: &[(i64, i64)]| json!({"goals": levels.iter().map(|(a, w)| json!({"baseline": -1, "attained": a, "weight": w})).collect::<Vec<_>>()});
    let view = gas_view(&goals(&[(0, 1), (0, 1), (0, 1)]));
    assert_eq!(view.attained.unwrap().unweighted, dec("50.00"));
    let view = gas_view(&goals(&[(-1, 1), (-1, 1), (-1, 1)]));
    assert_eq!(view.attained.unwrap().unweighted, dec("36.31"));
    assert_eq!(view.baseline.unwrap().weighted, dec("36.31"));
    let view = gas_view(&goals(&[(1, 3), (0, 1), (-1, 2)]));
    let attained = view.attained.unwrap();
    assert_eq!(attained.weighted, dec("52.20"));
    assert_eq!(attained.goals, 3);
    assert_eq!(format_score(true, attained.weighted), "52,20");
    assert_eq!(format_score(false, dec("50")), "50.00");
    // Goals without an attained level, or with an unreadable weight, are left out.
    let view = gas_view(
        &json!({"goals": [{"baseline": -1}, {"baseline": -2, "attained": 1, "weight": "x"}]}),
    );
    assert_eq!(view.total, 2);
    assert_eq!(view.attained, None);
    assert_eq!(view.baseline.unwrap().goals, 1);
    assert_eq!(gas_view(&json!({"goals": 3})).total, 0);
}

#[test]
fn edited_cases_still_validate_on_the_team_parts() {
    let reference = ReferenceData::builtin().unwrap();
    let mut case = ib_planner::engine::example::example_case_json();
    add_member(&mut case, "psychologist");
    assert!(set_qualifier(&mut case, 5, "interpersonal", Some(1)));
    let g = add_goal(&mut case, "short").unwrap();
    for k in 0..5 {
        ib_planner::draft::set_at(
            &mut case,
            &format!("/goals/{g}/levels/{k}/text"),
            json!("level"),
        )
        .then_some(())
        .unwrap();
    }
    ib_planner::draft::set_at(&mut case, &format!("/goals/{g}/text"), json!("A goal"));
    assert!(set_parent_link(&mut case, g, "PG1", true));
    let problems = validate_case(&case, &reference).err().unwrap_or_default();
    let ours: Vec<_> = problems
        .iter()
        .filter(|p| p.path.starts_with("/team") || p.path.starts_with("/goals"))
        .collect();
    assert!(ours.is_empty(), "{ours:?}");
}

#[test]
fn a_domain_summary_gives_the_range_of_severities_and_counts_8_and_9_apart() {
    let mut case = new_case("2026-01-01");
    add_member(&mut case, "physiotherapist");
    let members = [0, 1, 2];
    assert_eq!(
        domain_summary(&case, &members, "mobility"),
        DomainSummary {
            total: 3,
            ..DomainSummary::default()
        }
    );
    set_qualifier(&mut case, 0, "mobility", Some(3));
    set_qualifier(&mut case, 1, "mobility", Some(1));
    set_qualifier(&mut case, 2, "mobility", Some(9));
    set_qualifier(&mut case, 2, "self_care", Some(8));
    let s = domain_summary(&case, &members, "mobility");
    assert_eq!((s.scored, s.total), (3, 3));
    assert_eq!((s.lowest, s.highest), (Some(1), Some(3)));
    assert_eq!((s.not_specified, s.not_applicable), (0, 1));
    let s = domain_summary(&case, &members, "self_care");
    assert_eq!((s.scored, s.lowest, s.not_specified), (1, None, 1));
    // A qualifier of an imported file that is no ICF qualifier is not counted.
    case["team"][0]["assessments"][0]["qualifier"] = serde_json::json!(6);
    assert_eq!(qualifier_of(&case, 0, "mobility"), None);
    assert_eq!(domain_summary(&case, &members, "mobility").lowest, Some(1));
}
