//! The report tests' fixture set (`tests/engine_report.rs`, `tests/cli_report.rs`),
//! generated with the engine from the example case, never hand-edited: three
//! municipalities in two planning regions (Cēsis 12 children and Valmiera 7 in Vidzeme,
//! Jelgava 3 in Zemgale: the suppression case), each with its own trust list and keys;
//! plans starting in 2025H2 with budgets from 1 200 € up (so funding differs), children
//! of several ages; reviews of Cēsis's first 6 plans and provision records of its first
//! 2. Known totals are taken from the plans' own figures, not from the report code.
#![allow(dead_code)]

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{add_proof, KeyPair, ProofOptions};
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::review::{document_digest, review_from_plan};
use ib_planner::engine::trust::price_list_entry;
use serde_json::{json, Value};

/// A municipality of the set: code, children, seed of its head's key (its worker's is
/// the next one).
pub const MUNICIPALITIES: [(&str, usize, u8); 3] = [
    ("CESU-NOV", 12, 10),
    ("VALMIERAS-NOV", 7, 20),
    ("JELGAVA", 3, 30),
];
/// When everything is signed.
pub const WHEN: &str = "2026-01-15T10:00:00Z";
/// The region of each municipality.
pub fn region_of(code: &str) -> &'static str {
    if code == "JELGAVA" {
        "ZEMGALE"
    } else {
        "VIDZEME"
    }
}

/// A test key.
pub fn key(seed: u8) -> KeyPair {
    KeyPair::from_seed(&[seed; 32])
}

/// Its did:key.
pub fn did(seed: u8) -> String {
    format!("did:key:{}", key(seed).public_key_multibase())
}

fn sign(doc: &Value, seed: u8) -> Value {
    add_proof(doc, &key(seed), &ProofOptions::new(WHEN)).expect("signs")
}

/// The unsigned plan of a municipality's child `i`.
pub fn unsigned_plan(code: &str, i: usize) -> Value {
    let mut case = example_case_json();
    case["child"]["id"] = json!(format!("{code}-{i:03}"));
    case["child"]["municipality"] = json!(code);
    case["child"]["birth"] = json!(format!("{}-04", 2008 + (i % 15)));
    case["settings"]["startDate"] = json!(if i.is_multiple_of(2) {
        "2025-07-01"
    } else {
        "2025-09-01"
    });
    case["settings"]["budget"] = json!(format!("{}.00", 1200 + 150 * i));
    plan_from_case_json(&case).expect("the fixture case plans")
}

/// The municipality's trust list, signed by its head: a plan needs its social worker.
pub fn trust_list(code: &str, head: u8) -> Value {
    let entry = price_list_entry(&unsigned_plan(code, 0)).expect("the price list");
    let signer = |seed: u8, name: &str, role: &str| json!({"id": did(seed), "name": name, "role": role, "validFrom": "2025-01-01T00:00:00Z"});
    let list = json!({
        "schema": "ib-trust/1",
        "issuer": format!("{code} sociālais dienests"),
        "signers": [
            signer(head, "Vadītāja", "social_service_head"),
            signer(head + 1, "Sociālā darbiniece", "social_worker"),
        ],
        "priceLists": [entry],
        "rule": {"roles": ["social_worker"]},
    });
    sign(&list, head)
}

/// The signed plan of child `i`.
pub fn plan(code: &str, head: u8, i: usize) -> Value {
    sign(&unsigned_plan(code, i), head + 1)
}

/// The signed review of a plan: every goal at level 0, parents' ratings 6 (the baseline
/// ratings are the example's), half the funded units (rounded down) delivered.
pub fn review(plan: &Value, head: u8) -> Value {
    let goals: Vec<Value> = plan["case"]["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| json!({"id": g["id"], "attained": 0, "conclusion": "continue", "note": ""}))
        .collect();
    let parent_goals: Vec<Value> = plan["case"]["questionnaire"]["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| json!({"id": g["id"], "performance": 6, "satisfaction": 6}))
        .collect();
    let delivery: Vec<Value> = funded(plan)
        .into_iter()
        .map(|(code, units, _)| json!({"code": code, "delivered": units / 2}))
        .collect();
    let input =
        json!({"goals": goals, "parentGoals": parent_goals, "delivery": delivery, "comments": ""});
    sign(
        &review_from_plan(plan, &input).expect("the fixture review"),
        head + 1,
    )
}

/// A plan's funded lines: code, units, unit price.
pub fn funded(plan: &Value) -> Vec<(String, u64, String)> {
    plan["result"]["lines"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| l["fundedUnits"].as_u64().unwrap_or(0) > 0)
        .map(|l| {
            (
                l["code"].as_str().unwrap_or("").to_string(),
                l["fundedUnits"].as_u64().unwrap_or(0),
                l["unitPrice"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// An unsigned provision record of a plan: every funded line with a provider of its own
/// and a contract, one unit delivered and paid in month 1.
pub fn provision(plan: &Value) -> Value {
    let lines: Vec<Value> = funded(plan)
        .iter()
        .enumerate()
        .map(|(n, (code, _, _))| json!({
            "code": code,
            "provider": {"other": {"name": "Pakalpojumu sniedzējs", "registerNumber": format!("SP-{:04}", n + 1), "address": "Rīgas iela 1", "contact": "+371 20000000"}},
            "arrangement": {"kind": "contract", "number": format!("L-{n}"), "date": "2025-06-20"},
        }))
        .collect();
    let deliveries: Vec<Value> = funded(plan)
        .iter()
        .map(|(code, _, price)| json!({"code": code, "month": 1, "units": 1, "paid": price}))
        .collect();
    json!({
        "schema": "ib-provision/1",
        "planDigest": document_digest(plan).expect("digest"),
        "caseId": plan["case"]["child"]["id"],
        "socialService": "Sociālais dienests",
        "statementsThrough": 1,
        "lines": lines,
        "deliveries": deliveries,
    })
}

/// Every file of a municipality: `(file name, document)`.
pub fn files(code: &str, children: usize, head: u8) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for i in 0..children {
        let p = plan(code, head, i);
        if code == "CESU-NOV" && i < 6 {
            out.push((format!("review-{i:03}.json"), review(&p, head)));
        }
        if code == "CESU-NOV" && i < 2 {
            out.push((format!("provision-{i:03}.json"), provision(&p)));
        }
        out.push((format!("plan-{i:03}.json"), p));
    }
    out
}

/// A plan whose result was edited after it was computed (a budget line's funded amount
/// raised) and that was then signed by the municipality's worker: trusted, but it does
/// not recompute.
pub fn forged_plan(code: &str, head: u8) -> Value {
    let mut p = unsigned_plan(code, 90);
    p["result"]["lines"][0]["fundedAmount"] = json!("9999.00");
    sign(&p, head + 1)
}

/// Known totals of a municipality straight from its plans: children, budget, funded
/// euros (`result.totals.allocated`), and per service the funded units.
pub struct Known {
    pub children: usize,
    pub budget: rust_decimal::Decimal,
    pub funded: rust_decimal::Decimal,
    pub unmet: rust_decimal::Decimal,
}

pub fn known(code: &str, children: usize, head: u8) -> Known {
    let mut k = Known {
        children,
        budget: Default::default(),
        funded: Default::default(),
        unmet: Default::default(),
    };
    for i in 0..children {
        let p = plan(code, head, i);
        let d = |v: &Value| {
            v.as_str()
                .unwrap_or("0")
                .parse::<rust_decimal::Decimal>()
                .unwrap_or_default()
        };
        k.budget += d(&p["result"]["totals"]["budget"]);
        k.funded += d(&p["result"]["totals"]["allocated"]);
        k.unmet += d(&p["result"]["totals"]["unmet"]);
    }
    k
}
