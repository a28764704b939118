//! Validation, data-driven: each row changes one value of the valid example case and
//! names the problem (path and key) it must produce. Also: the shipped reference data
//! is valid, and an edited price list is validated the same way.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::{plan_from_case_json, plan_with_catalogue};
use ib_planner::engine::reference::{catalogue_from_json, ReferenceData};
use ib_planner::engine::validate::validate_case;
use serde_json::{json, Value};

fn problems_after(pointer: &str, value: Option<Value>) -> Vec<(String, String)> {
    let mut case = example_case_json();
    match value {
        Some(v) => {
            *case
                .pointer_mut(pointer)
                .unwrap_or_else(|| panic!("no {pointer}")) = v
        }
        None => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            case.pointer_mut(parent)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
        }
    }
    let reference = ReferenceData::builtin().unwrap();
    match validate_case(&case, &reference) {
        Ok(_) => vec![],
        Err(problems) => problems.into_iter().map(|p| (p.path, p.key)).collect(),
    }
}

#[test]
fn a_case_version_other_than_1_is_refused_at_the_root() {
    for tag in [
        json!("ib-case/2"),
        json!("ib-case/0"),
        json!("other"),
        json!(2),
    ] {
        let problems = problems_after("/schema", Some(tag.clone()));
        assert_eq!(
            problems,
            vec![(String::new(), "problem.case.schema".to_string())],
            "{tag}"
        );
        let mut case = example_case_json();
        case["schema"] = tag;
        assert!(plan_from_case_json(&case).is_err());
    }
    // No tag (or null) is version 1.
    assert_eq!(problems_after("/schema", None), vec![]);
    assert_eq!(problems_after("/schema", Some(Value::Null)), vec![]);
}

#[test]
fn the_example_is_valid() {
    let reference = ReferenceData::builtin().unwrap();
    assert!(validate_case(&example_case_json(), &reference).is_ok());
}

#[test]
fn each_bad_value_gives_its_problem() {
    let big = "1234567890123456789012345678901234567890";
    let rows: Vec<(&str, Option<Value>, &str, &str)> = vec![
        (
            "/services/0/expertRank",
            Some(json!(2)),
            "/services/1/expertRank",
            "problem.rank.duplicate",
        ),
        (
            "/services/0/expertRank",
            Some(json!(2)),
            "/services",
            "problem.rank.not_permutation",
        ),
        (
            "/services/0/parentRank",
            Some(json!(11)),
            "/services/0/parentRank",
            "problem.number.range",
        ),
        (
            "/services/0/parentRank",
            Some(json!(11)),
            "/services",
            "problem.rank.not_permutation",
        ),
        (
            "/services/0/parentRank",
            Some(json!(0)),
            "/services/0/parentRank",
            "problem.number.range",
        ),
        (
            "/services/1/code",
            Some(json!("SVC-PHYSIO")),
            "/services/1/code",
            "problem.service.duplicate",
        ),
        (
            "/services/0/code",
            Some(json!("SVC-NOPE")),
            "/services/0/code",
            "problem.service.unknown",
        ),
        (
            "/services/4/code",
            Some(json!("SVC-WORKSHOP")),
            "/services/4/code",
            "problem.service.target_group",
        ),
        (
            "/services/0/quantity",
            Some(json!(0)),
            "/services/0/quantity",
            "problem.quantity.not_positive",
        ),
        (
            "/services/0/quantity",
            Some(json!(-3)),
            "/services/0/quantity",
            "problem.quantity.not_positive",
        ),
        (
            "/services/0/quantity",
            Some(json!(1.5)),
            "/services/0/quantity",
            "problem.quantity.not_integer",
        ),
        (
            "/services/0/quantity",
            Some(json!("3")),
            "/services/0/quantity",
            "problem.type.integer",
        ),
        (
            "/services/0/quantity",
            Some(serde_json::from_str::<Value>(big).unwrap()),
            "/services/0/quantity",
            "problem.quantity.too_large",
        ),
        (
            "/services",
            Some(json!([])),
            "/services",
            "problem.services.empty",
        ),
        (
            "/settings/caps",
            Some(json!("reject")),
            "/services/3/quantity",
            "problem.quantity.over_cap",
        ),
        (
            "/settings/caps",
            Some(json!("reject")),
            "/services/4/quantity",
            "problem.quantity.over_cap",
        ),
        (
            "/settings/caps",
            Some(json!("maybe")),
            "/settings/caps",
            "problem.cap_policy.unknown",
        ),
        (
            "/settings/budget",
            Some(json!("-5")),
            "/settings/budget",
            "problem.money.negative",
        ),
        (
            "/settings/budget",
            Some(json!("12.345")),
            "/settings/budget",
            "problem.money.too_many_decimals",
        ),
        (
            "/settings/budget",
            Some(json!("abc")),
            "/settings/budget",
            "problem.money.malformed",
        ),
        (
            "/settings/budget",
            Some(json!("1 000")),
            "/settings/budget",
            "problem.money.malformed",
        ),
        (
            "/settings/budget",
            Some(json!(big)),
            "/settings/budget",
            "problem.money.too_large",
        ),
        (
            "/settings/budget",
            Some(json!(true)),
            "/settings/budget",
            "problem.money.wrong_type",
        ),
        (
            "/settings/budget",
            None,
            "/settings/budget",
            "problem.field.missing",
        ),
        (
            "/settings/weights/expert",
            Some(json!("0.7")),
            "/settings/weights",
            "problem.weight.sum",
        ),
        (
            "/settings/weights/expert",
            Some(json!("1.5")),
            "/settings/weights/expert",
            "problem.weight.range",
        ),
        (
            "/settings/weights/expert",
            Some(json!("-0.6")),
            "/settings/weights/expert",
            "problem.weight.range",
        ),
        (
            "/settings/weights/expert",
            Some(json!("0.60001")),
            "/settings/weights/expert",
            "problem.weight.malformed",
        ),
        (
            "/settings/weights",
            Some(json!([0.6, 0.4])),
            "/settings/weights",
            "problem.type.object",
        ),
        (
            "/settings/startDate",
            Some(json!("2025-02-30")),
            "/settings/startDate",
            "problem.date.malformed",
        ),
        (
            "/settings/startDate",
            Some(json!("01.09.2025")),
            "/settings/startDate",
            "problem.date.malformed",
        ),
        (
            "/settings/periodMonths",
            Some(json!(13)),
            "/settings/periodMonths",
            "problem.period.range",
        ),
        (
            "/settings/periodMonths",
            Some(json!(0)),
            "/settings/periodMonths",
            "problem.period.range",
        ),
        (
            "/settings/policy",
            Some(json!("greedy")),
            "/settings/policy",
            "problem.policy.unknown",
        ),
        (
            "/child/birth",
            Some(json!("2026-01")),
            "/child/birth",
            "problem.date.birth_after_start",
        ),
        (
            "/child/birth",
            Some(json!("2000-01")),
            "/child/birth",
            "problem.child.age",
        ),
        (
            "/child/birth",
            Some(json!("2016-13")),
            "/child/birth",
            "problem.date.month_malformed",
        ),
        (
            "/child/municipality",
            Some(json!("ATLANTIS")),
            "/child/municipality",
            "problem.municipality.unknown",
        ),
        (
            "/child/municipality",
            Some(json!("VARAKLANU-NOV")),
            "/child/municipality",
            "problem.municipality.expired",
        ),
        (
            "/child/targetGroup",
            Some(json!("XYZ")),
            "/child/targetGroup",
            "problem.target_group.unknown",
        ),
        (
            "/child/id",
            Some(json!("has space")),
            "/child/id",
            "problem.id.malformed",
        ),
        ("/child", None, "/child", "problem.field.missing"),
        (
            "/team/0/role",
            Some(json!("wizard")),
            "/team/0/role",
            "problem.role.unknown",
        ),
        (
            "/team/1/role",
            Some(json!("psychologist")),
            "/team",
            "problem.team.missing_role",
        ),
        (
            "/team/1/id",
            Some(json!("SW")),
            "/team/1/id",
            "problem.id.duplicate",
        ),
        (
            "/team/0/assessments/0/domain",
            Some(json!("astrology")),
            "/team/0/assessments/0/domain",
            "problem.domain.unknown",
        ),
        (
            "/team/0/assessments/1/domain",
            Some(json!("domestic_life")),
            "/team/0/assessments/1/domain",
            "problem.assessment.duplicate_domain",
        ),
        (
            "/team/0/assessments/0/qualifier",
            Some(json!(5)),
            "/team/0/assessments/0/qualifier",
            "problem.qualifier.invalid",
        ),
        (
            "/team/0/assessments/0/qualifier",
            Some(json!(2.5)),
            "/team/0/assessments/0/qualifier",
            "problem.number.not_integer",
        ),
        (
            "/team/0/assessments/0/qualifier",
            Some(json!(-1)),
            "/team/0/assessments/0/qualifier",
            "problem.number.range",
        ),
        (
            "/questionnaire/goals/0/importance",
            Some(json!(11)),
            "/questionnaire/goals/0/importance",
            "problem.number.range",
        ),
        (
            "/questionnaire/goals/0/satisfaction",
            Some(json!(0)),
            "/questionnaire/goals/0/satisfaction",
            "problem.number.range",
        ),
        (
            "/questionnaire/goals/0/lifeDomain",
            Some(json!("x")),
            "/questionnaire/goals/0/lifeDomain",
            "problem.domain.unknown",
        ),
        (
            "/questionnaire/goals/0/text",
            Some(json!("  ")),
            "/questionnaire/goals/0/text",
            "problem.text.empty",
        ),
        (
            "/questionnaire/goals",
            Some(json!([])),
            "/questionnaire/goals",
            "problem.questionnaire.empty",
        ),
        (
            "/goals/0/parentGoals/0",
            Some(json!("PG9")),
            "/goals/0/parentGoals/0",
            "problem.goal.unknown_parent_goal",
        ),
        (
            "/goals/0/baseline",
            Some(json!(3)),
            "/goals/0/baseline",
            "problem.number.range",
        ),
        (
            "/goals/0/term",
            Some(json!("medium")),
            "/goals/0/term",
            "problem.goal.term",
        ),
        (
            "/goals/0/weight",
            Some(json!(0)),
            "/goals/0/weight",
            "problem.number.range",
        ),
        (
            "/goals/0/levels/4/level",
            Some(json!(1)),
            "/goals/0/levels/4/level",
            "problem.gas.level_duplicate",
        ),
        (
            "/goals/0/levels",
            Some(json!([{"level": 0, "text": "x"}])),
            "/goals/0/levels",
            "problem.gas.levels_incomplete",
        ),
        ("", Some(json!([])), "", "problem.type.object"),
    ];
    for (pointer, value, path, key) in rows {
        let problems = problems_after(pointer, value.clone());
        assert!(
            problems.iter().any(|(p, k)| p == path && k == key),
            "{pointer} = {value:?}: expected {key} at {path}, got {problems:?}"
        );
    }
}

#[test]
fn many_problems_are_reported_at_once() {
    let mut case = example_case_json();
    case["settings"]["budget"] = json!("-1");
    case["services"][0]["quantity"] = json!(0);
    case["child"]["municipality"] = json!("NOWHERE");
    let problems = plan_from_case_json(&case).unwrap_err();
    assert!(problems.len() >= 3, "{problems:?}");
}

#[test]
fn shipped_reference_data_is_valid_and_complete() {
    let reference = ReferenceData::builtin().unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(reference.catalogue.services.len() >= 20);
    assert_eq!(reference.regions.regions.len(), 5);
    let municipalities: Vec<_> = reference
        .regions
        .regions
        .iter()
        .flat_map(|r| &r.municipalities)
        .collect();
    assert_eq!(municipalities.len(), 43);
    assert_eq!(
        municipalities
            .iter()
            .filter(|m| m.valid_until.is_none())
            .count(),
        42
    );
    let varaklani = reference.regions.municipality("VARAKLANU-NOV").unwrap().1;
    assert_eq!(varaklani.valid_until.as_deref(), Some("2025-06-30"));
    let mandatory: Vec<_> = reference
        .roles
        .roles
        .iter()
        .filter(|r| r.mandatory)
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(mandatory, ["social_worker", "rehab_physician"]);
    assert!(reference.domains.domains.len() >= 8);
    // The caps DOMAIN.md names.
    let respite = reference.catalogue.service("SVC-RESPITE").unwrap();
    assert_eq!(respite.caps.per_year, Some(30));
    let care = reference.catalogue.service("SVC-CHILDCARE").unwrap();
    assert_eq!(care.caps.units_for_plan(6, 182, 4), Some(1300));
    assert_eq!(care.caps.units_for_plan(6, 182, 9), Some(260));
    assert_eq!(care.caps.units_for_plan(6, 182, 18), Some(0));
    assert_eq!(
        reference
            .catalogue
            .service("SVC-HOMECARE")
            .unwrap()
            .unit_price
            .to_string(),
        "3.14"
    );
}

#[test]
fn an_edited_price_list_is_validated_and_used() {
    let mut list = ReferenceData::builtin_catalogue_json().unwrap();
    list["version"] = json!("CESIS-2025.2");
    list["services"][13]["unitPrice"] = json!("30.00");
    let plan = plan_with_catalogue(&example_case_json(), &list).unwrap();
    assert_eq!(plan["priceList"]["version"], json!("CESIS-2025.2"));

    let mut bad = ReferenceData::builtin_catalogue_json().unwrap();
    bad["services"][0]["unitPrice"] = json!("-3.14");
    bad["services"][1]["code"] = bad["services"][0]["code"].clone();
    bad["services"][2]["area"] = json!(4);
    bad["services"][3]["targetGroups"] = json!(["XX"]);
    bad["currency"] = json!("USD");
    let keys: Vec<String> = catalogue_from_json(&bad)
        .unwrap_err()
        .into_iter()
        .map(|p| p.key)
        .collect();
    for key in [
        "problem.money.negative",
        "problem.catalogue.duplicate_code",
        "problem.catalogue.area",
        "problem.target_group.unknown",
        "problem.catalogue.currency",
    ] {
        assert!(keys.iter().any(|k| k == key), "{key} missing from {keys:?}");
    }
    assert!(catalogue_from_json(&json!({"services": 3})).is_err());
}

#[test]
fn an_unknown_settings_member_is_a_problem_not_ignored() {
    let reference = ReferenceData::builtin().unwrap();
    let mut case = example_case_json();
    case["settings"]["polcy"] = json!("strict");
    case["settings"]["a/b"] = json!(1);
    let problems = validate_case(&case, &reference).unwrap_err();
    let found: Vec<(String, String)> = problems
        .iter()
        .map(|p| (p.path.clone(), p.key.clone()))
        .collect();
    assert!(
        found.contains(&("/settings/polcy".into(), "problem.field.unknown".into())),
        "{found:?}"
    );
    // The member name is escaped in the pointer (RFC 6901) and named in the message.
    assert!(
        found.contains(&("/settings/a~1b".into(), "problem.field.unknown".into())),
        "{found:?}"
    );
    let polcy = problems.iter().find(|p| p.path == "/settings/polcy");
    assert!(polcy.is_some_and(|p| p.params.iter().any(|(n, v)| n == "field" && v == "polcy")));
    // Without them the case is valid again.
    case["settings"].as_object_mut().unwrap().remove("polcy");
    case["settings"].as_object_mut().unwrap().remove("a/b");
    assert!(validate_case(&case, &reference).is_ok());
}
