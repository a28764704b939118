//! The parents' data: goals, the parents' order, and the answers and ranking files.

use ib_planner::draft::new_case;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::exchange::*;
use serde_json::{json, Value};

fn example() -> Value {
    example_case_json()
}

fn parent_ranks(case: &Value) -> Vec<u64> {
    services(case)
        .iter()
        .map(|s| s["parentRank"].as_u64().unwrap_or(0))
        .collect()
}

#[test]
fn new_goals_get_fresh_ids_and_can_be_removed() {
    let mut case = new_case("2026-12-01");
    assert_eq!(next_goal_id(&case), "PG1");
    assert_eq!(add_goal(&mut case), Some(0));
    assert_eq!(add_goal(&mut case), Some(1));
    assert_eq!(goals(&case)[1]["id"], "PG2");
    assert!(remove_goal(&mut case, 0));
    assert!(!remove_goal(&mut case, 5));
    assert_eq!(next_goal_id(&case), "PG3");
    // A questionnaire that is not an object is left alone.
    let mut odd = json!({"questionnaire": 7});
    assert_eq!(add_goal(&mut odd), None);
    assert_eq!(odd, json!({"questionnaire": 7}));
    // A case without a questionnaire gets one.
    let mut bare = json!({});
    assert_eq!(add_goal(&mut bare), Some(0));
}

#[test]
fn linked_team_goals_are_counted() {
    let case = example();
    assert_eq!(linked_team_goals(&case, "PG1"), 2);
    assert_eq!(linked_team_goals(&case, "PG-none"), 0);
    assert_eq!(linked_team_goals(&json!({"goals": 3}), "PG1"), 0);
}

#[test]
fn answers_round_trip_and_carry_nothing_else() {
    let case = example();
    let text = answers_file(&case);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], ANSWERS_FORMAT);
    assert_eq!(file.as_object().unwrap().len(), 2);
    assert!(!text.contains("CESIS-2025-017"));
    let q = read_answers(&text).unwrap();
    assert_eq!(q, case["questionnaire"]);
    let mut other = new_case("2026-12-01");
    assert!(replace_questionnaire(&mut other, q));
    assert_eq!(goals(&other).len(), 3);
}

#[test]
fn answers_import_drops_unknown_keys() {
    let text = r#"{"format":"ib-planner-answers/1","questionnaire":{"goals":[
        {"id":"PG1","text":"x","lifeDomain":"mobility","importance":5,"performance":2,"satisfaction":3,"secret":"no"}
    ]},"child":{"id":"leak"}}"#;
    let q = read_answers(text).unwrap();
    assert_eq!(q["goals"][0].get("secret"), None);
    assert_eq!(q.get("child"), None);
    assert_eq!(q["goals"][0]["importance"], 5);
}

#[test]
fn bad_answers_files_are_explained() {
    let good = answers_file(&example());
    let truncated = &good[..good.len() / 2];
    assert_eq!(read_answers(truncated), Err(ExchangeError::NotJson));
    assert_eq!(read_answers(""), Err(ExchangeError::NotJson));
    assert_eq!(read_answers("[1,2]"), Err(ExchangeError::Foreign));
    assert_eq!(
        read_answers(r#"{"hello":"world"}"#),
        Err(ExchangeError::Foreign)
    );
    assert_eq!(
        read_answers(r#"{"format":"ib-planner-ranking/1","services":[]}"#),
        Err(ExchangeError::OtherKind)
    );
    assert_eq!(
        read_answers(&example().to_string()),
        Err(ExchangeError::OtherKind)
    );
    assert_eq!(
        read_answers(r#"{"format":"ib-planner-answers/2"}"#),
        Err(ExchangeError::Newer("ib-planner-answers/2".into()))
    );
    assert_eq!(
        read_answers(r#"{"format":"ib-planner-answers/1","questionnaire":{"goals":[1]}}"#),
        Err(ExchangeError::Malformed)
    );
    assert_eq!(
        read_answers(r#"{"format":"ib-planner-answers/1"}"#),
        Err(ExchangeError::Malformed)
    );
    let huge = format!(
        r#"{{"format":"ib-planner-answers/1","x":"{}"}}"#,
        "a".repeat(MAX_FILE_CHARS)
    );
    assert_eq!(read_answers(&huge), Err(ExchangeError::TooLarge));
    let deep = "[".repeat(10_000);
    assert_eq!(read_answers(&deep), Err(ExchangeError::NotJson));
    let many: Vec<Value> = (0..=MAX_GOALS).map(|_| json!({})).collect();
    let text = json!({"format": ANSWERS_FORMAT, "questionnaire": {"goals": many}}).to_string();
    assert_eq!(read_answers(&text), Err(ExchangeError::Malformed));
}

#[test]
fn error_keys_and_params() {
    let e = ExchangeError::CodesDiffer {
        unknown: vec!["A".into()],
        missing: vec![],
    };
    assert_eq!(e.key(), "exchange.error.codes_differ");
    assert_eq!(
        e.params(),
        vec![("unknown", "A".to_string()), ("missing", "—".to_string())]
    );
    for e in [
        ExchangeError::TooLarge,
        ExchangeError::NotJson,
        ExchangeError::Foreign,
        ExchangeError::OtherKind,
        ExchangeError::Newer("x".into()),
        ExchangeError::Malformed,
        ExchangeError::DuplicateCodes(vec!["A".into()]),
        ExchangeError::RanksInvalid,
        e.clone(),
    ] {
        assert!(ib_planner::i18n::has(e.key()), "no message for {}", e.key());
    }
}

#[test]
fn parents_order_follows_parent_ranks_then_experts() {
    let case = example();
    let items = services(&case);
    let order = parents_order(items);
    let codes: Vec<&str> = order
        .iter()
        .map(|&i| items[i]["code"].as_str().unwrap())
        .collect();
    assert_eq!(&codes[..3], ["SVC-SPEECH", "SVC-CHILDCARE", "SVC-PHYSIO"]);
    assert!(parent_ranks_complete(items));

    let partial = vec![
        json!({"code": "A", "expertRank": 2, "parentRank": "x"}),
        json!({"code": "B", "expertRank": 1}),
        json!({"code": "C", "expertRank": 3, "parentRank": 1}),
    ];
    assert_eq!(parents_order(&partial), vec![2, 1, 0]);
    assert!(!parent_ranks_complete(&partial));
    // Duplicate or out-of-range ranks: the first holder keeps the place.
    let dup = vec![
        json!({"code": "A", "expertRank": 1, "parentRank": 1}),
        json!({"code": "B", "expertRank": 2, "parentRank": 1}),
        json!({"code": "C", "expertRank": 3, "parentRank": 9}),
    ];
    assert_eq!(parents_order(&dup), vec![0, 1, 2]);
    assert!(!parent_ranks_complete(&dup));
    assert!(parents_order(&[]).is_empty());
}

#[test]
fn moving_keeps_a_permutation() {
    let mut case = example();
    // Move the third in the parents' order (SVC-PHYSIO, rank 3) up one.
    assert!(move_in_parents_order(&mut case, 2, 1));
    let items = services(&case);
    assert_eq!(items[0]["code"], "SVC-PHYSIO");
    assert_eq!(items[0]["parentRank"], 2);
    assert_eq!(items[3]["parentRank"], 3); // SVC-CHILDCARE moved down
    let mut ranks = parent_ranks(&case);
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=10).collect::<Vec<u64>>());
    assert!(!move_in_parents_order(&mut case, 0, 10));
    assert!(!move_in_parents_order(&mut json!({}), 0, 1));

    let mut partial = json!({"services": [
        {"code": "A", "expertRank": 2},
        {"code": "B", "expertRank": 1},
        {"code": "C", "expertRank": 3, "parentRank": "3a"}
    ]});
    assert!(move_in_parents_order(&mut partial, 2, 1));
    assert_eq!(parent_ranks(&partial), vec![3, 1, 2]);
}

#[test]
fn start_from_experts_copies_the_experts_order() {
    let mut case = json!({"services": [
        {"code": "A", "expertRank": 2},
        {"code": "B", "expertRank": 1, "parentRank": 7},
        {"code": "C", "expertRank": "bad"}
    ]});
    assert!(start_from_experts(&mut case));
    assert_eq!(parent_ranks(&case), vec![2, 1, 3]);
    assert!(!start_from_experts(&mut json!({"services": 1})));
}

fn reference() -> ReferenceData {
    ReferenceData::builtin().unwrap()
}

#[test]
fn ranking_file_has_the_list_and_nothing_personal() {
    let case = example();
    let text = ranking_file(&case, &reference().catalogue);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], RANKING_FORMAT);
    assert!(!text.contains("CESIS-2025-017"));
    let list = file["services"].as_array().unwrap();
    assert_eq!(list.len(), 10);
    assert_eq!(list[0]["code"], "SVC-PHYSIO");
    assert_eq!(list[0]["expertRank"], 1);
    assert_eq!(list[0]["parentRank"], 3);
    assert!(list[0]["name"]["lv"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    assert!(list[0]["name"]["en"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    assert!(list[0]["unit"].is_string());
}

#[test]
fn ranking_import_sets_only_parent_ranks() {
    let case = example();
    let mut file: Value =
        serde_json::from_str(&ranking_file(&case, &reference().catalogue)).unwrap();
    // The parents reverse the experts' order and touch a quantity (which is ignored).
    let list = file["services"].as_array_mut().unwrap();
    for (i, s) in list.iter_mut().enumerate() {
        s["parentRank"] = json!(10 - i);
        s["quantity"] = json!(999);
    }
    let entries = read_ranking(&file.to_string()).unwrap();
    let import = plan_ranking_import(&case, &entries).unwrap();
    assert_eq!(import.len(), 10);
    let mut changed = case.clone();
    assert!(apply_ranking_import(&mut changed, &import));
    for (before, after) in services(&case).iter().zip(services(&changed)) {
        assert_eq!(before["quantity"], after["quantity"]);
        assert_eq!(before["expertRank"], after["expertRank"]);
        assert_eq!(
            after["parentRank"].as_u64(),
            Some(11 - before["expertRank"].as_u64().unwrap())
        );
    }
}

#[test]
fn ranking_import_refuses_a_different_list() {
    let case = example();
    let text = ranking_file(&case, &reference().catalogue);
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["services"][0]["code"] = json!("SVC-OTHER");
    let entries = read_ranking(&file.to_string()).unwrap();
    assert_eq!(
        plan_ranking_import(&case, &entries),
        Err(ExchangeError::CodesDiffer {
            unknown: vec!["SVC-OTHER".into()],
            missing: vec!["SVC-PHYSIO".into()],
        })
    );
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["services"].as_array_mut().unwrap().pop();
    let entries = read_ranking(&file.to_string()).unwrap();
    assert!(matches!(
        plan_ranking_import(&case, &entries),
        Err(ExchangeError::CodesDiffer { unknown, missing }) if unknown.is_empty() && missing == vec!["SVC-MUSICTHERAPY".to_string()]
    ));
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["services"][1]["code"] = json!("SVC-PHYSIO");
    let entries = read_ranking(&file.to_string()).unwrap();
    assert_eq!(
        plan_ranking_import(&case, &entries),
        Err(ExchangeError::DuplicateCodes(vec!["SVC-PHYSIO".into()]))
    );
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["services"][1]["parentRank"] = file["services"][0]["parentRank"].clone();
    let entries = read_ranking(&file.to_string()).unwrap();
    assert_eq!(
        plan_ranking_import(&case, &entries),
        Err(ExchangeError::RanksInvalid)
    );
    file["services"][1]["parentRank"] = json!("2");
    let entries = read_ranking(&file.to_string()).unwrap();
    assert_eq!(
        plan_ranking_import(&case, &entries),
        Err(ExchangeError::RanksInvalid)
    );
}

#[test]
fn bad_ranking_files_are_explained() {
    assert_eq!(read_ranking("{\"format\":"), Err(ExchangeError::NotJson));
    assert_eq!(
        read_ranking(&answers_file(&example())),
        Err(ExchangeError::OtherKind)
    );
    assert_eq!(
        read_ranking(r#"{"format":"ib-planner-ranking/1","services":[{"quantity":1}]}"#),
        Err(ExchangeError::Malformed)
    );
    assert_eq!(
        read_ranking(r#"{"format":"ib-planner-ranking/7","services":[]}"#),
        Err(ExchangeError::Newer("ib-planner-ranking/7".into()))
    );
}

#[test]
fn a_case_without_a_list_takes_the_files_list() {
    let case = example();
    let text = ranking_file(&case, &reference().catalogue);
    let entries = read_ranking(&text).unwrap();
    let mut fresh = new_case("2026-12-01");
    let import = plan_ranking_import(&fresh, &entries).unwrap();
    assert!(matches!(import, RankingImport::CreateList(ref l) if l.len() == 10));
    assert!(apply_ranking_import(&mut fresh, &import));
    assert_eq!(services(&fresh)[0]["code"], "SVC-PHYSIO");
    assert_eq!(services(&fresh)[0]["quantity"], 24);
    assert_eq!(services(&fresh)[0].get("name"), None);
    assert_eq!(
        plan_ranking_import(&new_case("2026-12-01"), &[]),
        Err(ExchangeError::Malformed)
    );
}
