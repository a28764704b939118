//! The explanation of plan lines (`engine::explain`): the worked example (134,00 € left,
//! one unit 150,00 €, so 16,00 € more or a move above line 6), and property tests over
//! generated cases: a suggested budget increase funds one more unit and 1 cent less does
//! not; a suggested move funds one more unit and no lower place does; what was left at a
//! line's turn is the budget minus the lines above.

use ib_planner::engine::allocate::{allocate, Line};
use ib_planner::engine::case::{Case, Policy};
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::explain::{
    budget_increase, explain, explain_line, in_order, move_above, moved_order,
};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::validate_case;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn reference() -> ReferenceData {
    ReferenceData::builtin().unwrap()
}

fn example() -> (Case, ReferenceData, Vec<Line>) {
    let r = reference();
    let case = validate_case(&example_case_json(), &r).unwrap();
    let lines = allocate(&case, &r.catalogue).unwrap().lines;
    (case, r, lines)
}

fn index_of(lines: &[Line], code: &str) -> usize {
    lines.iter().position(|l| l.code == code).unwrap()
}

fn units_of(case: &Case, r: &ReferenceData, code: &str) -> u64 {
    let lines = allocate(case, &r.catalogue).unwrap().lines;
    lines[index_of(&lines, code)].funded_units
}

#[test]
fn the_example_technical_aid_needs_16_euros_more_or_a_place_above_the_psychologist() {
    let (case, r, lines) = example();
    let i = index_of(&lines, "SVC-TECHAID");
    let facts = explain_line(&case, &r.catalogue, &lines, i).unwrap();
    assert_eq!(facts.left_at_turn, dec("134.00"));
    assert_eq!(facts.unit_price, dec("150.00"));
    assert!(facts.funded_below, "cheaper lines below it are funded");
    let more = facts.one_more.unwrap();
    assert_eq!(more.budget_increase, Some(dec("16.00")));
    assert_eq!(
        more.move_above.map(|j| lines[j].code.as_str()),
        Some("SVC-PSYCHOLOGIST")
    );
}

#[test]
fn the_example_transport_needs_10_euros_more_for_a_fourth_trip() {
    let (case, r, lines) = example();
    let i = index_of(&lines, "SVC-TRANSPORT");
    let facts = explain_line(&case, &r.catalogue, &lines, i).unwrap();
    // 134 € left before the technical aid (not funded), 96 € to the support group.
    assert_eq!(facts.left_at_turn, dec("38.00"));
    assert_eq!(lines[i].funded_units, 3);
    // 3 × 12 € = 36 €, 2 € stay: a fourth trip needs 10 € more.
    assert_eq!(facts.one_more.unwrap().budget_increase, Some(dec("10.00")));
}

#[test]
fn lines_with_every_unit_they_may_get_have_no_change_to_suggest() {
    let (case, r, lines) = example();
    for code in ["SVC-SPEECH", "SVC-CHILDCARE", "SVC-RESPITE"] {
        let facts = explain_line(&case, &r.catalogue, &lines, index_of(&lines, code)).unwrap();
        assert_eq!(facts.one_more, None, "{code}");
    }
    assert_eq!(explain(&case, &r.catalogue, &lines).len(), lines.len());
    assert_eq!(explain_line(&case, &r.catalogue, &lines, lines.len()), None);
}

#[test]
fn under_the_strict_policy_the_lines_after_the_stop_name_it() {
    let (mut case, r, _) = example();
    case.settings.policy = Policy::Strict;
    let lines = allocate(&case, &r.catalogue).unwrap().lines;
    let tech = index_of(&lines, "SVC-TECHAID");
    let music = index_of(&lines, "SVC-MUSICTHERAPY");
    let facts = explain_line(&case, &r.catalogue, &lines, music).unwrap();
    assert_eq!(facts.stopped_at, Some(tech));
    // Every line above has to be funded in full first.
    let increase = facts.one_more.unwrap().budget_increase.unwrap();
    let mut richer = case.clone();
    richer.settings.budget += increase;
    assert_eq!(units_of(&richer, &r, "SVC-MUSICTHERAPY"), 1);
    richer.settings.budget -= dec("0.01");
    assert_eq!(units_of(&richer, &r, "SVC-MUSICTHERAPY"), 0);
}

#[test]
fn a_forced_order_is_the_order_the_allocator_funds() {
    let (case, r, lines) = example();
    let order = moved_order(&lines, 6, 2);
    let moved = in_order(&case, &order).unwrap();
    let got: Vec<String> = allocate(&moved, &r.catalogue)
        .unwrap()
        .lines
        .into_iter()
        .map(|l| l.code)
        .collect();
    assert_eq!(got, order);
    assert_eq!(in_order(&case, &order[1..]), None);
}

fn arb_case() -> impl Strategy<Value = Value> {
    const CODES: [&str; 12] = [
        "SVC-CHILDCARE",
        "SVC-RESPITE",
        "SVC-DAYCARE",
        "SVC-TRANSPORT",
        "SVC-TECHAID",
        "SVC-OT",
        "SVC-PHYSIO",
        "SVC-SPEECH",
        "SVC-PSYCHOLOGIST",
        "SVC-MUSICTHERAPY",
        "SVC-SUPPORTGROUP",
        "SVC-PORTAGE",
    ];
    (1usize..=8)
        .prop_flat_map(|n| {
            (
                proptest::sample::subsequence(CODES.to_vec(), n).prop_shuffle(),
                proptest::collection::vec(1u64..60, n),
                Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                0u64..400_000,
                prop_oneof![Just("fill"), Just("strict")],
            )
        })
        .prop_map(|(codes, quantities, expert, parent, cents, policy)| {
            let services: Vec<Value> = codes
                .iter()
                .enumerate()
                .map(|(i, code)| {
                    json!({"code": code, "quantity": quantities[i], "expertRank": expert[i], "parentRank": parent[i]})
                })
                .collect();
            let mut case = example_case_json();
            case["services"] = Value::Array(services);
            case["settings"]["budget"] = json!(format!("{}.{:02}", cents / 100, cents % 100));
            case["settings"]["policy"] = json!(policy);
            case
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn suggestions_fund_one_more_unit_and_are_the_smallest(raw in arb_case()) {
        let r = reference();
        let case = validate_case(&raw, &r).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let lines = allocate(&case, &r.catalogue).unwrap().lines;
        let mut left = case.settings.budget;
        for (i, line) in lines.iter().enumerate() {
            let facts = explain_line(&case, &r.catalogue, &lines, i).unwrap();
            prop_assert_eq!(facts.left_at_turn, left);
            left -= line.funded_amount;
            let fundable = line.cap.map_or(line.quantity, |c| c.min(line.quantity));
            prop_assert_eq!(facts.one_more.is_some(), line.funded_units < fundable);
            if let Some(increase) = budget_increase(&case, &r.catalogue, &lines, i) {
                let mut richer = case.clone();
                richer.settings.budget += increase;
                prop_assert!(units_of(&richer, &r, &line.code) > line.funded_units, "{} +{}", line.code, increase);
                richer.settings.budget -= dec("0.01");
                prop_assert!(units_of(&richer, &r, &line.code) <= line.funded_units, "{} +{} less a cent", line.code, increase);
            } else {
                // There is always an increase for a line that may get more.
                prop_assert!(line.funded_units >= fundable, "no increase found for {}", line.code);
            }
            let place = move_above(&case, &r.catalogue, &lines, i);
            if line.funded_units < fundable {
                let funds_at = |to: usize| {
                    let moved = in_order(&case, &moved_order(&lines, i, to)).unwrap();
                    units_of(&moved, &r, &line.code) > line.funded_units
                };
                match place {
                    Some(to) => {
                        prop_assert!(to < i);
                        prop_assert!(funds_at(to));
                        for lower in to + 1..i {
                            prop_assert!(!funds_at(lower), "{} funds higher than {}", line.code, lower);
                        }
                    }
                    None => {
                        for to in 0..i {
                            prop_assert!(!funds_at(to));
                        }
                    }
                }
            } else {
                prop_assert_eq!(place, None);
            }
        }
    }
}
