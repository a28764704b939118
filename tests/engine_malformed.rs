//! Malformed input never panics: arbitrary JSON values, truncated documents, wrong
//! types everywhere, 40-digit numbers, 10 MB strings and deep nesting all come back as
//! problems (or a recompute outcome), never as a panic.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{
    plan_from_case_json, recompute_check, upgrade_plan, RecomputeOutcome,
};
use ib_planner::engine::reference::catalogue_from_json;
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-zA-Z0-9 .\\-ĀāŠš]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("SVC-PHYSIO"),
            Just("2025-09-01"),
            Just("0.6"),
            Just("12.50"),
            Just("ib-plan/1")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("child".to_string()),
                    Just("services".to_string()),
                    Just("settings".to_string()),
                    Just("schema".to_string()),
                    Just("case".to_string()),
                    Just("priceList".to_string()),
                    Just("quantity".to_string()),
                    Just("budget".to_string()),
                    "[a-z]{1,6}".prop_map(String::from)
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value at one of the case's pointers.
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
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        let _ = plan_from_case_json(&value);
        let _ = recompute_check(&value);
        let _ = upgrade_plan(&value);
        let _ = catalogue_from_json(&value);
    }

    #[test]
    fn replacing_any_part_of_the_example_never_panics(index in any::<prop::sample::Index>(), replacement in arb_json()) {
        let case = example_case_json();
        let mut pointers = Vec::new();
        every_pointer(&case, String::new(), &mut pointers);
        let pointer = index.get(&pointers).clone();
        let mut changed = case.clone();
        if let Some(slot) = changed.pointer_mut(&pointer) {
            *slot = replacement;
        }
        let _ = plan_from_case_json(&changed);
        // The same inside a plan document.
        let mut doc = plan_from_case_json(&case).unwrap();
        if let Some(slot) = doc.pointer_mut(&format!("/case{pointer}")) {
            *slot = changed.pointer(&pointer).cloned().unwrap_or(Value::Null);
        }
        let _ = recompute_check(&doc);
    }
}

#[test]
fn truncated_documents_fail_to_parse_or_are_rejected() {
    let text = serde_json::to_string(&plan_from_case_json(&example_case_json()).unwrap()).unwrap();
    for cut in (0..text.len()).step_by(97) {
        if !text.is_char_boundary(cut) {
            continue;
        }
        if let Ok(value) = serde_json::from_str::<Value>(&text[..cut]) {
            let _ = recompute_check(&value);
            let _ = plan_from_case_json(&value);
        }
    }
}

#[test]
fn wrong_types_everywhere_are_problems() {
    let case = example_case_json();
    let mut pointers = Vec::new();
    every_pointer(&case, String::new(), &mut pointers);
    for pointer in pointers.iter().filter(|p| !p.is_empty()) {
        for wrong in [
            json!(null),
            json!(true),
            json!({}),
            json!([]),
            json!("x"),
            json!(-7),
            json!(1.5),
        ] {
            let mut changed = case.clone();
            *changed.pointer_mut(pointer).unwrap() = wrong;
            let _ = plan_from_case_json(&changed);
        }
    }
}

#[test]
fn forty_digit_numbers_are_problems() {
    let big: Value = serde_json::from_str("1234567890123456789012345678901234567890").unwrap();
    for pointer in [
        "/settings/budget",
        "/services/0/quantity",
        "/services/0/expertRank",
        "/settings/periodMonths",
        "/questionnaire/goals/0/importance",
        "/goals/0/weight",
        "/team/0/assessments/0/qualifier",
        "/settings/weights/expert",
    ] {
        let mut case = example_case_json();
        *case.pointer_mut(pointer).unwrap() = big.clone();
        let problems = plan_from_case_json(&case).unwrap_err();
        assert!(
            problems.iter().any(|p| p.path == pointer),
            "{pointer}: {problems:?}"
        );
        *case.pointer_mut(pointer).unwrap() = json!("1234567890123456789012345678901234567890.5");
        assert!(plan_from_case_json(&case).is_err());
    }
}

#[test]
fn ten_megabyte_strings_are_problems() {
    let huge = "ā".repeat(5 * 1024 * 1024);
    for pointer in [
        "/child/id",
        "/questionnaire/goals/0/text",
        "/services/0/code",
        "/settings/budget",
        "/settings/startDate",
        "/team/0/name",
        "/goals/0/levels/0/text",
    ] {
        let mut case = example_case_json();
        *case.pointer_mut(pointer).unwrap() = json!(huge);
        let problems = plan_from_case_json(&case).unwrap_err();
        assert!(problems.iter().any(|p| p.path == pointer), "{pointer}");
        // Problems carry no copy of the huge value.
        assert!(
            problems
                .iter()
                .all(|p| p.params.iter().all(|(_, v)| v.len() < 10_000)),
            "{pointer}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_or_rejected() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(
        serde_json::from_str::<Value>(&deep).is_err(),
        "serde_json's recursion limit"
    );
    // A value deeper than the parser allows can only be built in code; the engine rejects
    // it without walking it (serde_json's own Clone and Drop recurse, hence 1 000 levels).
    let mut value = json!(1);
    for _ in 0..1_000 {
        value = json!({"settings": value});
    }
    let mut case = example_case_json();
    case["settings"]["weights"] = value.clone();
    assert!(plan_from_case_json(&case).is_err());
    let mut doc = plan_from_case_json(&example_case_json()).unwrap();
    doc["result"]["lines"][0]["name"] = value;
    assert!(matches!(
        recompute_check(&doc),
        RecomputeOutcome::Differs { .. }
    ));
}
