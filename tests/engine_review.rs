//! Reviews (`ib-review/1`): the outcome rules (the DOMAIN.md §4 GAS checks at review, per
//! term; COPM changes and the ≥ 2 flag; the delivery share), validation of the typed-in
//! input with JSON pointers, the recompute check (tampering found), and properties: the
//! same inputs give a byte-identical document, and arbitrary input never panics.

use ib_planner::engine::case::Term;
use ib_planner::engine::date::Date;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_from_case_json, RecomputeOutcome};
use ib_planner::engine::problem::Problem;
use ib_planner::engine::review::{
    compute_outcome, compute_review, document_digest, review_from_plan, review_recompute_check,
    Conclusion, DeliveryLine, GoalReview, ParentGoalReview, Ratings, ReviewError, ReviewRecord,
    REVIEW_SCHEMA,
};
use ib_planner::i18n::{has, t, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

const INPUT: &str = include_str!("data/example-review-input.json");

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).unwrap()
}

fn input() -> Value {
    serde_json::from_str(INPUT).unwrap()
}

fn review() -> Value {
    review_from_plan(&plan(), &input()).unwrap()
}

fn goal(id: &str, term: Term, weight: u32, baseline: i8, attained: i8) -> GoalReview {
    GoalReview {
        id: id.into(),
        term,
        weight,
        baseline,
        attained,
        note: String::new(),
        conclusion: Conclusion::Continue,
    }
}

fn parent(id: &str, before: (u8, u8), now: (u8, u8)) -> ParentGoalReview {
    ParentGoalReview {
        id: id.into(),
        baseline: Ratings {
            performance: before.0,
            satisfaction: before.1,
        },
        performance: now.0,
        satisfaction: now.1,
    }
}

fn record(goals: Vec<GoalReview>) -> ReviewRecord {
    ReviewRecord {
        plan_digest: "0".repeat(64),
        child_id: "C1".into(),
        start_date: Date::parse("2026-01-01").unwrap(),
        period_months: 6,
        goals,
        parent_goals: vec![parent("P1", (3, 3), (5, 4))],
        delivery: vec![DeliveryLine {
            code: "S".into(),
            funded: 6,
            delivered: 5,
        }],
        comments: String::new(),
    }
}

fn input_problems(plan: &Value, input: &Value) -> Vec<Problem> {
    match review_from_plan(plan, input) {
        Err(ReviewError::Input(problems)) => problems,
        other => panic!("expected input problems, got {other:?}"),
    }
}

fn has_problem(problems: &[Problem], path: &str, key: &str) -> bool {
    problems.iter().any(|p| p.path == path && p.key == key)
}

#[test]
fn the_domain_gas_checks_hold_at_review() {
    // Each DOMAIN.md §4 check as the attained levels of a review (baseline −2 each).
    let checks: [(&[i8], &[u32], &str); 4] = [
        (&[0, 0, 0], &[1, 1, 1], "50.00"),
        (&[-1, -1, -1], &[1, 1, 1], "36.31"),
        (&[2, 2, 2], &[1, 1, 1], "77.39"),
        (&[1, 0, -1], &[3, 1, 2], "52.20"),
    ];
    for (levels, weights, want) in checks {
        let goals = levels
            .iter()
            .zip(weights)
            .enumerate()
            .map(|(i, (&x, &w))| goal(&format!("G{i}"), Term::Long, w, -2, x))
            .collect();
        let outcome = compute_outcome(&record(goals)).unwrap();
        let overall = outcome.gas.overall.unwrap();
        assert_eq!(
            overall.review.weighted.to_string(),
            want,
            "{levels:?} {weights:?}"
        );
        let long = outcome.gas.long_term.unwrap();
        assert_eq!(long.review, overall.review);
        assert!(outcome.gas.short_term.is_none());
        assert_eq!(outcome.gas.rho.to_string(), "0.3");
        let weights_used: Vec<u32> = outcome.gas.weights.iter().map(|w| w.weight).collect();
        assert_eq!(weights_used, weights.to_vec());
    }
    // [0,0,0] at review from [−1,−1,−1] at baseline: 36.31 → 50.00, change 13.69.
    let goals = (0..3)
        .map(|i| goal(&format!("G{i}"), Term::Short, 1, -1, 0))
        .collect();
    let gas = compute_outcome(&record(goals)).unwrap().gas;
    let short = gas.short_term.unwrap();
    assert_eq!(short.baseline.unweighted.to_string(), "36.31");
    assert_eq!(short.review.unweighted.to_string(), "50.00");
    assert_eq!(short.change.unweighted.to_string(), "13.69");
    assert!(gas.long_term.is_none());
}

#[test]
fn long_and_short_term_goals_are_scored_apart() {
    let goals = vec![
        goal("L1", Term::Long, 3, -1, 1),
        goal("S1", Term::Short, 1, -1, 0),
        goal("L2", Term::Long, 2, -1, -1),
        goal("S2", Term::Short, 1, -1, 0),
        goal("S3", Term::Short, 1, -1, 0),
    ];
    let gas = compute_outcome(&record(goals)).unwrap().gas;
    let long = gas.long_term.unwrap();
    assert_eq!(long.goals, 2);
    let short = gas.short_term.unwrap();
    assert_eq!(short.goals, 3);
    assert_eq!(short.review.unweighted.to_string(), "50.00");
    assert_eq!(short.baseline.unweighted.to_string(), "36.31");
    assert_eq!(gas.overall.unwrap().goals, 5);
    // No goals at all: no T-scores, no panic.
    let gas = compute_outcome(&record(vec![])).unwrap().gas;
    assert!(gas.overall.is_none() && gas.long_term.is_none() && gas.short_term.is_none());
}

#[test]
fn copm_changes_and_the_flag() {
    let mut r = record(vec![]);
    r.parent_goals = vec![
        parent("P1", (3, 2), (6, 3)), // +3, +1
        parent("P2", (4, 5), (5, 7)), // +1, +2
        parent("P3", (2, 2), (2, 1)), // 0, −1
    ];
    let copm = compute_outcome(&r).unwrap().copm;
    let changes: Vec<(i8, i8, bool, bool)> = copm
        .goals
        .iter()
        .map(|g| {
            (
                g.performance_change,
                g.satisfaction_change,
                g.performance_important,
                g.satisfaction_important,
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            (3, 1, true, false),
            (1, 2, false, true),
            (0, -1, false, false)
        ]
    );
    assert_eq!(copm.baseline.performance.to_string(), "3.00");
    assert_eq!(copm.review.performance.to_string(), "4.33");
    // (6+5+2)/3 − 3 = 4/3: 1.33, not important.
    assert_eq!(copm.performance_change.to_string(), "1.33");
    assert!(!copm.performance_important);
    assert_eq!(copm.satisfaction_change.to_string(), "0.67");
    assert!(!copm.satisfaction_important);

    // An average change of exactly 2 is important; 5/3 is not.
    let mut r = record(vec![]);
    r.parent_goals = vec![parent("P1", (1, 1), (3, 3)), parent("P2", (1, 1), (3, 3))];
    let copm = compute_outcome(&r).unwrap().copm;
    assert_eq!(copm.performance_change.to_string(), "2.00");
    assert!(copm.performance_important && copm.satisfaction_important);
    let mut r = record(vec![]);
    r.parent_goals = (0..3)
        .map(|i| {
            parent(
                &format!("P{i}"),
                (1, 1),
                if i == 0 { (2, 2) } else { (3, 3) },
            )
        })
        .collect();
    let copm = compute_outcome(&r).unwrap().copm;
    assert_eq!(copm.performance_change.to_string(), "1.67");
    assert!(!copm.performance_important);
}

#[test]
fn the_delivery_share() {
    let mut r = record(vec![]);
    r.delivery = vec![
        DeliveryLine {
            code: "A".into(),
            funded: 24,
            delivered: 22,
        },
        DeliveryLine {
            code: "B".into(),
            funded: 3,
            delivered: 3,
        },
        DeliveryLine {
            code: "C".into(),
            funded: 6,
            delivered: 0,
        },
    ];
    let delivery = compute_outcome(&r).unwrap().delivery;
    let shares: Vec<String> = delivery
        .services
        .iter()
        .map(|s| s.percent.to_string())
        .collect();
    assert_eq!(shares, ["91.67", "100.00", "0.00"]);
    assert_eq!((delivery.funded, delivery.delivered), (33, 25));
    assert_eq!(delivery.percent.unwrap().to_string(), "75.76");
    r.delivery.clear();
    let delivery = compute_outcome(&r).unwrap().delivery;
    assert_eq!(delivery.percent, None);
    assert_eq!((delivery.funded, delivery.delivered), (0, 0));
}

#[test]
fn the_example_review_is_built_from_the_plan() {
    let plan = plan();
    let doc = review();
    assert_eq!(doc["schema"], json!(REVIEW_SCHEMA));
    assert_eq!(
        doc["review"]["planDigest"],
        json!(document_digest(&plan).unwrap())
    );
    assert_eq!(doc["review"]["childId"], json!("CESIS-2025-017"));
    assert_eq!(
        doc["review"]["startDate"],
        plan["case"]["settings"]["startDate"]
    );
    // From the plan: term, weight, baseline.
    assert_eq!(doc["review"]["goals"][0]["weight"], json!(3));
    assert_eq!(doc["review"]["goals"][2]["baseline"], json!(-2));
    assert_eq!(
        doc["review"]["parentGoals"][0]["baseline"],
        json!({"performance": 3, "satisfaction": 2})
    );
    // Only funded services, in priority order, with the plan's funded units.
    let codes: Vec<&str> = doc["review"]["delivery"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 8);
    assert_eq!(codes[0], "SVC-SPEECH");
    assert!(!codes.contains(&"SVC-TECHAID"));
    assert_eq!(doc["review"]["delivery"][2]["funded"], json!(258));
    // Baseline T-scores equal the plan's.
    assert_eq!(
        doc["outcome"]["gas"]["overall"]["baseline"],
        plan["result"]["gas"]["baseline"]
    );
    assert_eq!(doc["outcome"]["copm"]["performanceChange"], json!("1.67"));
    assert_eq!(doc["outcome"]["copm"]["performanceImportant"], json!(false));
    assert_eq!(
        doc["outcome"]["copm"]["goals"][0]["performanceImportant"],
        json!(true)
    );
    assert_eq!(doc["outcome"]["delivery"]["funded"], json!(354));
    assert_eq!(doc["outcome"]["delivery"]["delivered"], json!(330));
    assert_eq!(doc["outcome"]["delivery"]["percent"], json!("93.22"));
    assert_eq!(review_recompute_check(&doc), RecomputeOutcome::Matches);
}

#[test]
fn the_digest_is_the_one_the_apps_signatures_record() {
    let plan = plan();
    let digest = document_digest(&plan).unwrap();
    assert_eq!(digest, ib_planner::signing::plan_digest(&plan));
    let mut signed = plan.clone();
    signed["proof"] = json!({"type": "DataIntegrityProof", "proofValue": "z1"});
    assert_eq!(document_digest(&signed).unwrap(), digest);
    // Any change to the plan changes the digest.
    let mut other = plan;
    other["case"]["child"]["id"] = json!("X");
    assert_ne!(document_digest(&other).unwrap(), digest);
}

#[test]
fn the_input_order_does_not_matter() {
    let mut shuffled = input();
    for key in ["goals", "parentGoals", "delivery"] {
        shuffled[key].as_array_mut().unwrap().reverse();
    }
    assert_eq!(review_from_plan(&plan(), &shuffled).unwrap(), review());
}

#[test]
fn input_problems_carry_pointers_and_keys() {
    let plan = plan();
    let mut bad = input();
    bad["goals"][0]["attained"] = json!(3);
    bad["goals"][1]["conclusion"] = json!("finished");
    bad["goals"][2]["id"] = json!("G9");
    bad["parentGoals"][0]["performance"] = json!(11);
    bad["parentGoals"][1]["id"] = json!("PG1");
    bad["delivery"][0]["delivered"] = json!(25);
    bad["delivery"][1]["code"] = json!("SVC-TECHAID");
    bad["delivery"][2]["delivered"] = json!(-1);
    bad["comments"] = json!(5);
    let problems = input_problems(&plan, &bad);
    for (path, key) in [
        ("/goals/0/attained", "problem.number.range"),
        ("/goals/1/conclusion", "problem.review.conclusion"),
        ("/goals/2/id", "problem.review.goal_unknown"),
        ("/parentGoals/0/performance", "problem.number.range"),
        ("/parentGoals/1/id", "problem.id.duplicate"),
        (
            "/delivery/0/delivered",
            "problem.review.delivered_over_funded",
        ),
        ("/delivery/1/code", "problem.review.service_not_funded"),
        ("/delivery/2/delivered", "problem.number.range"),
        ("/comments", "problem.type.string"),
    ] {
        assert!(
            has_problem(&problems, path, key),
            "{path} {key}: {problems:#?}"
        );
    }
    for p in &problems {
        assert!(has(&p.key), "no message for {}", p.key);
    }

    // What the plan has and the input lacks is named, one problem each.
    let mut short = input();
    short["goals"].as_array_mut().unwrap().remove(3);
    short["parentGoals"].as_array_mut().unwrap().remove(0);
    short["delivery"].as_array_mut().unwrap().pop();
    let problems = input_problems(&plan, &short);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems.iter().any(|p| p.path == "/goals"
        && p.key == "problem.review.goal_missing"
        && p.params == vec![("id".to_string(), "G4".to_string())]));
    assert!(has_problem(
        &problems,
        "/parentGoals",
        "problem.review.parent_goal_missing"
    ));
    assert!(problems.iter().any(|p| p.path == "/delivery"
        && p.key == "problem.review.delivery_missing"
        && p.params == vec![("code".to_string(), "SVC-TRANSPORT".to_string())]));

    let problems = input_problems(&plan, &json!({}));
    assert_eq!(problems.len(), 4 + 3 + 8);
    let problems = input_problems(&plan, &json!([1]));
    assert!(has_problem(&problems, "", "problem.type.object"));
}

#[test]
fn a_plan_that_does_not_recompute_is_refused() {
    let mut plan = plan();
    plan["result"]["totals"]["allocated"] = json!("1.00");
    match review_from_plan(&plan, &input()) {
        Err(ReviewError::Plan(problems)) => {
            assert_eq!(problems[0].path, "/result/totals/allocated");
            assert_eq!(problems[0].key, "problem.review.plan_differs");
        }
        other => panic!("{other:?}"),
    }
    match review_from_plan(&json!({"schema": "ib-review/1"}), &input()) {
        Err(ReviewError::Plan(problems)) => {
            assert_eq!(problems[0].key, "problem.schema.not_a_plan")
        }
        other => panic!("{other:?}"),
    }
    match review_from_plan(&json!({"schema": "ib-plan/7"}), &input()) {
        Err(ReviewError::Plan(problems)) => {
            assert_eq!(problems[0].key, "problem.schema.unsupported")
        }
        other => panic!("{other:?}"),
    }
}

fn differs_at(doc: &Value) -> String {
    match review_recompute_check(doc) {
        RecomputeOutcome::Differs { path, .. } => path,
        other => panic!("expected Differs, got {other:?}"),
    }
}

#[test]
fn tampering_with_the_outcome_is_found() {
    let doc = review();
    let mut signed = doc.clone();
    signed["proof"] = json!({"type": "DataIntegrityProof"});
    signed["engineVersion"] = json!("9.9.9");
    assert_eq!(review_recompute_check(&signed), RecomputeOutcome::Matches);

    let mut t = doc.clone();
    t["outcome"]["gas"]["overall"]["review"]["weighted"] = json!("60.00");
    assert_eq!(differs_at(&t), "/outcome/gas/overall/review/weighted");
    let mut t = doc.clone();
    t["outcome"]["copm"]["performanceImportant"] = json!(true);
    assert_eq!(differs_at(&t), "/outcome/copm/performanceImportant");
    let mut t = doc.clone();
    t["outcome"]["delivery"]["percent"] = json!("100.00");
    assert_eq!(differs_at(&t), "/outcome/delivery/percent");
    let mut t = doc.clone();
    t["outcome"]["gas"]["rho"] = json!("0.5");
    assert_eq!(differs_at(&t), "/outcome/gas/rho");
    // Changing an input changes the outcome, which no longer matches.
    let mut t = doc.clone();
    t["review"]["goals"][0]["attained"] = json!(2);
    assert!(differs_at(&t).starts_with("/outcome/gas/"));
    let mut t = doc.clone();
    t["surprise"] = json!(1);
    assert_eq!(differs_at(&t), "/surprise");
}

#[test]
fn a_broken_record_is_reported_not_recomputed() {
    let doc = review();
    let mut t = doc.clone();
    t["review"]["delivery"][0]["delivered"] = json!(1000);
    t["review"]["planDigest"] = json!("ABC");
    t["review"]["goals"][0]["term"] = json!("mid");
    t["review"]["parentGoals"] = json!([]);
    match review_recompute_check(&t) {
        RecomputeOutcome::Invalid(problems) => {
            for (path, key) in [
                (
                    "/review/delivery/0/delivered",
                    "problem.review.delivered_over_funded",
                ),
                ("/review/planDigest", "problem.review.digest_malformed"),
                ("/review/goals/0/term", "problem.goal.term"),
                ("/review/parentGoals", "problem.questionnaire.empty"),
            ] {
                assert!(has_problem(&problems, path, key), "{path}: {problems:#?}");
            }
        }
        other => panic!("{other:?}"),
    }
    let mut t = doc.clone();
    t.as_object_mut().unwrap().remove("outcome");
    assert!(matches!(
        review_recompute_check(&t),
        RecomputeOutcome::Invalid(_)
    ));
    let mut t = doc;
    t["schema"] = json!("ib-review/2");
    assert_eq!(
        review_recompute_check(&t),
        RecomputeOutcome::UnsupportedSchema("ib-review/2".into())
    );
    assert_eq!(review_recompute_check(&plan()), RecomputeOutcome::NotAPlan);
    assert_eq!(
        review_recompute_check(&json!(3)),
        RecomputeOutcome::NotAPlan
    );
}

#[test]
fn conclusions_have_names_in_both_languages() {
    for c in Conclusion::ALL {
        assert!(has(c.key()));
        assert_ne!(t(Lang::Lv, c.key()), t(Lang::En, c.key()));
    }
    // The CLI's texts for a review's recomputation.
    for what in ["matches", "differs", "unsupported_schema", "invalid"] {
        assert!(has(&format!("review.recompute.{what}")), "{what}");
    }
}

fn arb_record() -> impl Strategy<Value = ReviewRecord> {
    let goal = (
        any::<bool>(),
        1u32..=100,
        -2i8..=2,
        -2i8..=2,
        0usize..4,
        "[a-zšā ]{0,8}",
    )
        .prop_map(|(long, weight, baseline, attained, c, note)| GoalReview {
            id: String::new(),
            term: if long { Term::Long } else { Term::Short },
            weight,
            baseline,
            attained,
            note,
            conclusion: Conclusion::ALL[c],
        });
    let parent_goal = (1u8..=10, 1u8..=10, 1u8..=10, 1u8..=10)
        .prop_map(|(a, b, c, d)| parent("", (a, b), (c, d)));
    let line =
        (1u64..=100_000, any::<prop::sample::Index>()).prop_map(|(funded, i)| DeliveryLine {
            code: String::new(),
            funded,
            delivered: i.index(usize::try_from(funded).unwrap() + 1) as u64,
        });
    (
        proptest::collection::vec(goal, 0..8),
        proptest::collection::vec(parent_goal, 1..6),
        proptest::collection::vec(line, 0..10),
    )
        .prop_map(|(mut goals, mut parent_goals, mut delivery)| {
            for (i, g) in goals.iter_mut().enumerate() {
                g.id = format!("G{i}");
            }
            for (i, g) in parent_goals.iter_mut().enumerate() {
                g.id = format!("P{i}");
            }
            for (i, l) in delivery.iter_mut().enumerate() {
                l.code = format!("SVC-{i}");
            }
            ReviewRecord {
                goals,
                parent_goals,
                delivery,
                ..record(vec![])
            }
        })
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-3i64..12).prop_map(Value::from),
        "[a-zA-Z0-9 .\\-]{0,8}".prop_map(Value::String),
        prop_oneof![
            Just("G1"),
            Just("PG1"),
            Just("SVC-SPEECH"),
            Just("achieved")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("goals".to_string()),
                    Just("parentGoals".to_string()),
                    Just("delivery".to_string()),
                    Just("id".to_string()),
                    Just("code".to_string()),
                    Just("attained".to_string()),
                    Just("delivered".to_string()),
                    Just("review".to_string()),
                    Just("schema".to_string()),
                    "[a-z]{1,6}".prop_map(String::from)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn every_pointer(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| every_pointer(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| every_pointer(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_recomputed_review_is_byte_identical(record in arb_record()) {
        let doc = serde_json::to_value(compute_review(record.clone()).unwrap()).unwrap();
        let again = serde_json::to_value(compute_review(record).unwrap()).unwrap();
        let text = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(&text, &serde_json::to_string(&again).unwrap());
        prop_assert_eq!(review_recompute_check(&doc), RecomputeOutcome::Matches);
        // Through JSON text and back: still matches, still the same bytes.
        let parsed: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(review_recompute_check(&parsed), RecomputeOutcome::Matches);
    }

    #[test]
    fn replacing_any_part_of_the_input_never_panics(
        index in any::<prop::sample::Index>(),
        replacement in arb_json(),
    ) {
        let plan = plan();
        let mut pointers = Vec::new();
        every_pointer(&input(), String::new(), &mut pointers);
        let pointer = index.get(&pointers).clone();
        let mut changed = input();
        if let Some(slot) = changed.pointer_mut(&pointer) {
            *slot = replacement;
        }
        match review_from_plan(&plan, &changed) {
            Ok(doc) => prop_assert_eq!(review_recompute_check(&doc), RecomputeOutcome::Matches),
            Err(ReviewError::Input(problems)) => prop_assert!(!problems.is_empty()),
            Err(ReviewError::Plan(problems)) => prop_assert!(false, "plan problems {problems:?}"),
        }
    }

    #[test]
    fn arbitrary_input_never_panics(value in arb_json()) {
        let plan = plan();
        let _ = review_from_plan(&plan, &value);
        let _ = review_from_plan(&value, &value);
        let _ = review_recompute_check(&value);
        let mut doc = review();
        doc["review"] = value;
        let _ = review_recompute_check(&doc);
    }
}
