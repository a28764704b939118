//! Service provision, natively: property tests over arbitrary records of real plans
//! (delivered ≤ funded per line and in total for every accepted record; the monthly
//! allocations add up to the funded amount to the cent and what is available at the end
//! is the funded amount minus what was paid; over-delivery is never accepted), and the
//! amendment rule.

use ib_planner::engine::allocate::{spread_over_months, Period};
use ib_planner::engine::date::Date;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::providers::providers_from_json;
use ib_planner::engine::provision::{
    carry_over, plan_facts, read_record, record_json, report_for, PlanFacts, ProvisionError,
    ProvisionRecord, ProvisionReport,
};
use ib_planner::engine::review::document_digest;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn plan_with(budget: u32, months: u32) -> Value {
    let mut case = example_case_json();
    case["settings"]["budget"] = json!(budget.to_string());
    case["settings"]["periodMonths"] = json!(months);
    plan_from_case_json(&case).expect("the example plans")
}

/// A record choosing an unlisted provider at the plan's price for every funded line, with
/// the given statements `(line index, month, units, extra cents paid)`.
fn record_of(plan: &Value, facts: &PlanFacts, statements: &[(usize, u32, u64, i64)]) -> Value {
    let lines: Vec<Value> = facts
        .lines
        .iter()
        .map(|l| {
            json!({"code": l.code, "provider": {"other": {"name": "P", "registerNumber": "R-1",
                   "address": "A", "contact": "C"}},
                   "arrangement": {"kind": "contract", "number": "L-1", "date": "2025-08-01"}})
        })
        .collect();
    let mut used = std::collections::BTreeSet::new();
    let deliveries: Vec<Value> = statements
        .iter()
        .filter_map(|&(line, month, units, extra)| {
            let line = line % facts.lines.len().max(1);
            // Mostly a month of the plan; 13 is outside every plan.
            let month = if month > 39 {
                13
            } else {
                1 + (month - 1) % facts.period.months
            };
            if !used.insert((line, month)) {
                return None;
            }
            let l = facts.lines.get(line)?;
            // Around the line's monthly share, up to about twice it: some records
            // deliver more than funded, most do not.
            let share = l.funded_units * 3 / 2 / u64::from(facts.period.months) + 2;
            let units = units % share;
            let paid = l.unit_price * Decimal::from(units) + Decimal::new(extra, 2);
            let paid = paid.max(Decimal::ZERO);
            Some(json!({"code": l.code, "month": month, "units": units, "paid": paid.to_string()}))
        })
        .collect();
    json!({
        "schema": "ib-provision/1",
        "planDigest": document_digest(plan).unwrap(),
        "caseId": facts.case_id,
        "socialService": "S",
        "statementsThrough": facts.period.months,
        "lines": lines,
        "deliveries": deliveries,
    })
}

fn check_report(report: &ProvisionReport) {
    let mut funded_units = 0u64;
    let mut delivered_units = 0u64;
    for s in &report.services {
        assert!(s.delivered_units <= s.funded_units, "{}", s.code);
        assert!(s.paid <= s.funded_amount, "{}", s.code);
        let allocated: Decimal = s.months.iter().map(|m| m.allocated).sum();
        assert_eq!(allocated, s.funded_amount, "{}", s.code);
        let mut cumulative = Decimal::ZERO;
        for m in &s.months {
            assert_eq!(m.carried_in, cumulative);
            cumulative += m.allocated - m.paid;
            assert_eq!(m.available, cumulative);
            assert_eq!(m.ahead, cumulative < Decimal::ZERO);
            assert_eq!(
                m.allocated.scale().max(2),
                2,
                "whole cents: {}",
                m.allocated
            );
        }
        assert_eq!(s.months.last().unwrap().available, s.funded_amount - s.paid);
        assert_eq!(s.available, s.funded_amount - s.paid);
        assert_eq!(
            s.delivered_units,
            s.months
                .iter()
                .map(|m| m.delivered_units.unwrap())
                .sum::<u64>()
        );
        funded_units += s.funded_units;
        delivered_units += s.delivered_units;
    }
    assert!(delivered_units <= funded_units);
    assert_eq!(report.totals.delivered_units, delivered_units);
    assert!(report.totals.paid <= report.totals.funded);
    let allocated: Decimal = report.months.iter().map(|m| m.allocated).sum();
    assert_eq!(allocated, report.totals.funded);
    assert_eq!(
        report.months.last().unwrap().available,
        report.totals.funded - report.totals.paid
    );
    if let Some(f) = &report.totals.forecast {
        assert!(f.unspent <= report.totals.funded);
        assert_eq!(f.paid_by_end.scale(), 2);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn accepted_records_never_deliver_or_pay_more_than_funded(
        budget in 0u32..6000,
        months in 1u32..=12,
        statements in proptest::collection::vec((0usize..10, 1u32..=40, 0u64..30, prop_oneof![39 => -300i64..=0, 1 => 1i64..300]), 0..16),
    ) {
        let plan = plan_with(budget, months);
        let facts = plan_facts(&plan).unwrap();
        prop_assume!(!facts.lines.is_empty());
        let record = read_record(&record_of(&plan, &facts, &statements));
        let Ok(record) = record else { return Ok(()) };
        match report_for(&facts, &record, None) {
            Ok(report) => check_report(&report),
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
        // Every limit the record breaks is refused: sum the statements naively.
        let mut units = vec![0u64; facts.lines.len()];
        for d in &record.deliveries {
            let at = facts.lines.iter().position(|l| l.code == d.code).unwrap();
            units[at] += d.units;
        }
        let over = units.iter().zip(&facts.lines).any(|(u, l)| *u > l.funded_units);
        if over {
            prop_assert!(report_for(&facts, &record, None).is_err());
        }
    }

    #[test]
    fn the_months_add_up_to_the_cent(cents in 0i64..100_000_000, months in 1u32..=12) {
        let start = Date::parse("2025-01-31").unwrap();
        let after = start.add_months(months).unwrap();
        let period = Period { start, end: after.previous_day().unwrap(), months, days: start.days_until(after) };
        let total = Decimal::new(cents, 2);
        let spread = spread_over_months(total, &period).unwrap();
        prop_assert_eq!(spread.len(), months as usize);
        prop_assert_eq!(spread.iter().map(|m| m.amount).sum::<Decimal>(), total);
        for m in &spread {
            prop_assert!(m.amount >= Decimal::ZERO);
            prop_assert_eq!(m.amount.round_dp(2), m.amount);
        }
    }

    #[test]
    fn an_amendment_is_accepted_exactly_when_it_funds_what_was_delivered(
        delivered in 0u64..=24,
        quantity in 1u64..30,
    ) {
        let plan = plan_with(3800, 6);
        let facts = plan_facts(&plan).unwrap();
        let speech = facts.lines.iter().position(|l| l.code == "SVC-SPEECH").unwrap();
        let mut record = record_of(&plan, &facts, &[(speech, 1, 0, 0)]);
        // All of it in the first month (ahead of the monthly allocation, which is allowed).
        record["deliveries"][0]["units"] = json!(delivered);
        record["deliveries"][0]["paid"] = json!(format!("{}.00", delivered * 24));
        let mut case = example_case_json();
        for s in case["services"].as_array_mut().unwrap() {
            if s["code"] == "SVC-SPEECH" {
                s["quantity"] = json!(quantity);
            }
        }
        let amended = plan_from_case_json(&case).unwrap();
        let new_funded = plan_facts(&amended)
            .unwrap()
            .lines
            .iter()
            .find(|l| l.code == "SVC-SPEECH")
            .map_or(0, |l| l.funded_units);
        match carry_over(&plan, &amended, &record, None) {
            Ok(carried) => {
                prop_assert!(delivered <= new_funded);
                let carried: ProvisionRecord = carried;
                prop_assert_eq!(carried.previous_plan_digests, vec![document_digest(&plan).unwrap()]);
                prop_assert_eq!(carried.deliveries.len(), 1);
            }
            Err(ProvisionError::Record(problems)) => {
                prop_assert!(delivered > new_funded, "{:?}", problems);
                prop_assert!(problems.iter().any(|p| p.key.starts_with("problem.provision.amended_")));
            }
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }
}

#[test]
fn a_carried_record_checks_against_the_amended_plan_and_keeps_its_chain() {
    let plan = plan_with(3800, 6);
    let facts = plan_facts(&plan).unwrap();
    let record = record_of(&plan, &facts, &[(0, 1, 2, 0), (1, 2, 3, 0)]);
    let mut case = example_case_json();
    case["settings"]["budget"] = json!("3900");
    let amended = plan_from_case_json(&case).unwrap();
    let once = carry_over(&plan, &amended, &record, None).unwrap();
    let mut case = example_case_json();
    case["settings"]["budget"] = json!("4000");
    let twice_plan = plan_from_case_json(&case).unwrap();
    let twice = carry_over(&amended, &twice_plan, &record_json(&once).unwrap(), None).unwrap();
    assert_eq!(
        twice.previous_plan_digests,
        [
            document_digest(&plan).unwrap(),
            document_digest(&amended).unwrap()
        ]
    );
    let report = report_for(&plan_facts(&twice_plan).unwrap(), &twice, None).unwrap();
    check_report(&report);
    assert_eq!(report.totals.delivered_units, 5);
    // The earlier plan is not the one the carried record names any more.
    assert!(matches!(
        carry_over(&plan, &amended, &record_json(&once).unwrap(), None),
        Err(ProvisionError::Record(_))
    ));
}

fn arb_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-zA-Z0-9 .\\-=\"ĀāŠš]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("SVC-SPEECH"),
            Just("EX-0001"),
            Just("2025-09-01"),
            Just("999999999999.99"),
            Just("guaranteeLetter"),
            Just("ib-provision/1"),
        ]
        .prop_map(|s| Value::String(s.into())),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"listed": "EX-0001", "other": {}})),
    ]
}

fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn replaced(value: &Value, index: usize, with: &Value) -> Value {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let at = &all[index % all.len()];
    let mut out = value.clone();
    if at.is_empty() {
        return with.clone();
    }
    if let Some(slot) = out.pointer_mut(at) {
        *slot = with.clone();
    }
    out
}

fn example_providers() -> Value {
    let text = include_str!("../public/data/providers.example.json");
    ib_planner::engine::json::parse_strict(text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any value anywhere in a record or a provider list gives problems, never a panic;
    /// what is still accepted still keeps every limit.
    #[test]
    fn a_value_replaced_anywhere_never_panics(
        index in 0usize..400,
        with in arb_leaf(),
        list_index in 0usize..200,
        list_with in arb_leaf(),
    ) {
        let plan = plan_with(3800, 6);
        let facts = plan_facts(&plan).unwrap();
        let good = record_of(&plan, &facts, &[(0, 1, 2, 0), (1, 2, 3, -100), (4, 3, 1, 0)]);
        let providers = providers_from_json(&replaced(&example_providers(), list_index, &list_with), None);
        let record = replaced(&good, index, &with);
        if let Ok(record) = read_record(&record) {
            if let Ok(report) = report_for(&facts, &record, providers.as_ref().ok()) {
                check_report(&report);
                let _ = ib_planner::engine::provision::payments_csv(&report);
                let _ = ib_planner::engine::provision::guarantee_letters(&report);
            }
        }
    }
}
