//! Allocation: worked examples of DOMAIN.md §5 and property tests of its invariants over
//! generated cases (Σ funded ≤ budget; no line above its quantity or cap; under "fill"
//! every line is fully funded or could not take one more unit; under "strict" nothing is
//! funded after the first line that did not fit; exact scores and order; byte-identical
//! output for the same input).

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::plan::plan_from_case_json;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(
        v.as_str()
            .unwrap_or_else(|| panic!("not a decimal string: {v}")),
    )
    .unwrap()
}

fn int(v: &Value) -> u64 {
    v.as_u64().unwrap()
}

/// Codes of catalogue services offered to FT, with their unit prices.
const FT_SERVICES: [&str; 20] = [
    "SVC-HOMECARE",
    "SVC-CHILDCARE",
    "SVC-RESPITE",
    "SVC-DAYCARE",
    "SVC-FAMILYASSIST",
    "SVC-PERSONALASSIST",
    "SVC-ESCORT",
    "SVC-TRANSPORT",
    "SVC-TECHAID",
    "SVC-OT",
    "SVC-PHYSIO",
    "SVC-SPEECH",
    "SVC-AUDIOSPEECH",
    "SVC-PSYCHOLOGIST",
    "SVC-SPECIALEDU",
    "SVC-MONTESSORI",
    "SVC-MUSICTHERAPY",
    "SVC-ARTTHERAPY",
    "SVC-SUPPORTGROUP",
    "SVC-PORTAGE",
];

fn case_with(
    services: Value,
    budget: &str,
    weights: (&str, &str),
    policy: &str,
    birth: &str,
) -> Value {
    let mut case = example_case_json();
    case["services"] = services;
    case["settings"]["budget"] = json!(budget);
    case["settings"]["weights"] = json!({"expert": weights.0, "parent": weights.1});
    case["settings"]["policy"] = json!(policy);
    case["child"]["birth"] = json!(birth);
    case
}

#[test]
fn example_lines_have_the_documented_reasons() {
    let plan = plan_from_case_json(&example_case_json()).unwrap();
    let lines = plan["result"]["lines"].as_array().unwrap();
    let summary: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap().to_string(),
                l["reason"]["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("SVC-SPEECH", "fundedInFull"),
        ("SVC-PHYSIO", "fundedInFull"),
        ("SVC-CHILDCARE", "capped"),
        ("SVC-OT", "fundedInFull"),
        ("SVC-RESPITE", "capped"),
        ("SVC-PSYCHOLOGIST", "fundedInFull"),
        ("SVC-TECHAID", "notFunded"),
        ("SVC-SUPPORTGROUP", "fundedInFull"),
        ("SVC-TRANSPORT", "partlyFunded"),
        ("SVC-MUSICTHERAPY", "notFunded"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(summary, expected);
    // 3800 − 3762 = 38 left before transport at 12.00: 3 trips.
    assert_eq!(
        lines[8]["reason"],
        json!({"code": "partlyFunded", "fundedUnits": 3, "requestedUnits": 48})
    );
    assert_eq!(lines[2]["reason"], json!({"code": "capped", "cap": 258}));
    let totals = &plan["result"]["totals"];
    assert_eq!(totals["allocated"], json!("3798.00"));
    assert_eq!(totals["remaining"], json!("2.00"));
    assert_eq!(totals["budget"], json!("3800.00"));
    let months: Vec<&str> = plan["result"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["amount"].as_str().unwrap())
        .collect();
    assert_eq!(
        months,
        ["633.00", "633.00", "633.00", "633.00", "633.00", "633.00"]
    );
}

#[test]
fn strict_stops_after_the_first_line_that_does_not_fit() {
    let mut case = example_case_json();
    case["settings"]["policy"] = json!("strict");
    let plan = plan_from_case_json(&case).unwrap();
    let lines = plan["result"]["lines"].as_array().unwrap();
    assert_eq!(lines[6]["code"], json!("SVC-TECHAID"));
    assert_eq!(
        lines[6]["reason"],
        json!({"code": "notFunded", "cause": "budgetExhausted"})
    );
    for line in &lines[7..] {
        assert_eq!(
            line["reason"],
            json!({"code": "notFunded", "cause": "strictPolicy"})
        );
        assert_eq!(line["reasonKey"], json!("reason.not_funded.strict"));
    }
    assert_eq!(plan["result"]["totals"]["allocated"], json!("3666.00"));
}

#[test]
fn ties_break_by_expert_rank_then_code() {
    // Weights 0.5/0.5 with mirrored ranks give every line the same score.
    let services = json!([
        {"code": "SVC-SPEECH", "quantity": 1, "expertRank": 2, "parentRank": 2},
        {"code": "SVC-OT", "quantity": 1, "expertRank": 1, "parentRank": 3},
        {"code": "SVC-PHYSIO", "quantity": 1, "expertRank": 3, "parentRank": 1}
    ]);
    let plan = plan_from_case_json(&case_with(
        services,
        "1000",
        ("0.5", "0.5"),
        "fill",
        "2016-04",
    ))
    .unwrap();
    let codes: Vec<&str> = plan["result"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["SVC-OT", "SVC-SPEECH", "SVC-PHYSIO"]);
    let scores: Vec<&str> = plan["result"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["score"].as_str().unwrap())
        .collect();
    assert_eq!(scores, ["2", "2", "2"]);
}

#[test]
fn months_take_the_cent_remainder_last() {
    let services =
        json!([{"code": "SVC-HOMECARE", "quantity": 1, "expertRank": 1, "parentRank": 1}]);
    let mut case = case_with(services, "100", ("0.6", "0.4"), "fill", "2016-04");
    case["settings"]["periodMonths"] = json!(3);
    let plan = plan_from_case_json(&case).unwrap();
    let months = plan["result"]["months"].as_array().unwrap();
    let amounts: Vec<&str> = months
        .iter()
        .map(|m| m["amount"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, ["1.04", "1.04", "1.06"]);
    assert_eq!(months[0]["start"], json!("2025-09-01"));
    assert_eq!(months[0]["end"], json!("2025-09-30"));
    assert_eq!(months[2]["end"], json!("2025-11-30"));
}

#[test]
fn a_young_child_gets_the_higher_care_cap() {
    let services =
        json!([{"code": "SVC-CHILDCARE", "quantity": 2000, "expertRank": 1, "parentRank": 1}]);
    let plan = plan_from_case_json(&case_with(
        services,
        "100000",
        ("0.6", "0.4"),
        "fill",
        "2022-01",
    ))
    .unwrap();
    // 50 h a week over 181 days: 50 × 181 / 7 = 1292 whole hours.
    assert_eq!(plan["result"]["lines"][0]["cap"], json!(1292));
    assert_eq!(plan["result"]["lines"][0]["fundedUnits"], json!(1292));
}

fn arb_case() -> impl Strategy<Value = Value> {
    (1usize..=FT_SERVICES.len())
        .prop_flat_map(|n| {
            (
                proptest::sample::subsequence(FT_SERVICES.to_vec(), n).prop_shuffle(),
                proptest::collection::vec(1u64..400, n),
                Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                Just((1..=n as u32).collect::<Vec<_>>()).prop_shuffle(),
                0u64..600_000,
                prop_oneof![Just(("0.6", "0.4")), Just(("0.5", "0.5")), Just(("1", "0")), Just(("0", "1")), Just(("0.75", "0.25"))],
                prop_oneof![Just("fill"), Just("strict")],
                prop_oneof![Just("2022-03"), Just("2016-04"), Just("2009-12")],
            )
        })
        .prop_map(|(codes, quantities, expert, parent, cents, weights, policy, birth)| {
            let services: Vec<Value> = codes
                .iter()
                .enumerate()
                .map(|(i, code)| json!({"code": code, "quantity": quantities[i], "expertRank": expert[i], "parentRank": parent[i]}))
                .collect();
            let budget = format!("{}.{:02}", cents / 100, cents % 100);
            case_with(Value::Array(services), &budget, weights, policy, birth)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn allocation_invariants_hold(case in arb_case()) {
        let plan = plan_from_case_json(&case).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let result = &plan["result"];
        let totals = &result["totals"];
        let budget = dec(&totals["budget"]);
        let lines = result["lines"].as_array().unwrap();
        let n = lines.len() as u64;
        let we = dec(&plan["case"]["settings"]["weights"]["expert"]);
        let wp = dec(&plan["case"]["settings"]["weights"]["parent"]);
        let strict = case["settings"]["policy"] == json!("strict");

        let mut funded_sum = Decimal::ZERO;
        let mut previous: Option<(Decimal, u64, String)> = None;
        let mut stopped = false;
        for line in lines {
            let price = dec(&line["unitPrice"]);
            let quantity = int(&line["quantity"]);
            let funded = int(&line["fundedUnits"]);
            let max_units = line["cap"].as_u64().map_or(quantity, |c| c.min(quantity));
            prop_assert!(funded <= quantity);
            prop_assert!(funded <= max_units);
            prop_assert_eq!(dec(&line["fundedAmount"]), price * Decimal::from(funded));
            prop_assert_eq!(int(&line["unmetUnits"]), quantity - funded);
            funded_sum += dec(&line["fundedAmount"]);

            // Exact score and order.
            let e = int(&line["expertRank"]);
            let p = int(&line["parentRank"]);
            let score = we * Decimal::from(n - e + 1) + wp * Decimal::from(n - p + 1);
            prop_assert_eq!(dec(&line["score"]), score);
            let code = line["code"].as_str().unwrap().to_string();
            if let Some((s0, e0, c0)) = &previous {
                prop_assert!(*s0 > score || (*s0 == score && (*e0 < e || (*e0 == e && *c0 < code))));
            }
            previous = Some((score, e, code));

            if strict {
                if stopped { prop_assert_eq!(funded, 0); }
                if funded < max_units { stopped = true; }
            } else {
                // Fill: fully funded up to the cap, or not even one more unit fits.
                prop_assert!(funded == max_units || dec(&totals["remaining"]) < price);
            }
        }
        prop_assert!(funded_sum <= budget);
        prop_assert_eq!(dec(&totals["allocated"]), funded_sum);
        prop_assert_eq!(dec(&totals["remaining"]), budget - funded_sum);
        let month_sum: Decimal = result["months"].as_array().unwrap().iter().map(|m| dec(&m["amount"])).sum();
        prop_assert_eq!(month_sum, funded_sum);

        // Same input, byte-identical output.
        let again = plan_from_case_json(&case).unwrap();
        prop_assert_eq!(serde_json::to_string(&plan).unwrap(), serde_json::to_string(&again).unwrap());
    }
}
