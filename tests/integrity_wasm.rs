//! The engine benchmark in headless Chromium (wasm): compute a 40-service plan, sign +
//! verify it, verify + recompute many plans. Prints figures with `console_log!`, never
//! asserts on time. Run with
//! `cargo test --release --target wasm32-unknown-unknown --test integrity_wasm -- --nocapture`
//! (the release profile is the size-tuned one the app ships with).
#![cfg(target_arch = "wasm32")]

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{add_proof, verify_document, KeyPair, ProofOptions};
use ib_planner::engine::plan::{
    compute_plan, plan_with_reference, recompute_check, RecomputeOutcome,
};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::validate_case;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVICES: usize = 40;
const CATALOGUE_JSON: &str = include_str!("../public/data/catalogue.json");

/// The built-in catalogue widened to 40 services open to the example child (as in
/// `benches/engine.rs`).
fn wide_catalogue(target_group: &Value) -> Value {
    let mut catalogue: Value = serde_json::from_str(CATALOGUE_JSON).unwrap_or_default();
    let Some(services) = catalogue.get_mut("services").and_then(Value::as_array_mut) else {
        return catalogue;
    };
    for service in services.iter_mut() {
        if let Some(groups) = service
            .get_mut("targetGroups")
            .and_then(Value::as_array_mut)
        {
            if !groups.contains(target_group) {
                groups.push(target_group.clone());
            }
        }
    }
    let originals = services.clone();
    let mut copy = 0;
    while services.len() < SERVICES && !originals.is_empty() {
        let mut service = originals[copy % originals.len()].clone();
        let code = service["code"].as_str().unwrap_or("SVC").to_string();
        service["code"] = json!(format!("{code}-B{copy}"));
        for lang in ["lv", "en"] {
            if let Some(name) = service["name"][lang].as_str().map(str::to_string) {
                service["name"][lang] = json!(format!("{name} (B{copy})"));
            }
        }
        services.push(service);
        copy += 1;
    }
    catalogue
}

fn wide_case(catalogue: &Value, budget: &str) -> Value {
    let mut case = example_case_json();
    let services: Vec<Value> = catalogue["services"]
        .as_array()
        .map(|s| {
            s.iter()
                .take(SERVICES)
                .map(|s| s["code"].clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            json!({"code": code, "quantity": 1 + (i % 4), "expertRank": i + 1,
                   "parentRank": (i * 7) % SERVICES + 1})
        })
        .collect();
    case["services"] = Value::Array(services);
    case["settings"]["budget"] = json!(budget);
    case
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Mean time per run in microseconds over `runs` runs (the browser clock is coarse, so
/// runs are timed together).
fn per_run_us(runs: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..runs.min(20) {
        f();
    }
    let start = now_ms();
    for _ in 0..runs {
        f();
    }
    (now_ms() - start) * 1000.0 / f64::from(runs)
}

#[wasm_bindgen_test]
fn engine_benchmark_in_the_browser() {
    let example = example_case_json();
    let catalogue = wide_catalogue(&example["child"]["targetGroup"]);
    let Ok(reference) = ReferenceData::with_catalogue(&catalogue) else {
        panic!("the widened catalogue is invalid");
    };
    let case_json = wide_case(&catalogue, "1500.00");
    let Ok(case) = validate_case(&case_json, &reference) else {
        panic!("the 40-service case is invalid");
    };
    let Ok(plan) = plan_with_reference(&case_json, &reference) else {
        panic!("no plan");
    };
    let key = KeyPair::from_seed(&[42; 32]);
    let options = ProofOptions::new("2025-03-01T10:00:00Z");
    let Ok(signed) = add_proof(&plan, &key, &options) else {
        panic!("signing failed");
    };

    let compute = per_run_us(500, || {
        let _ = std::hint::black_box(compute_plan(&case, &reference.catalogue).is_ok());
    });
    let sign_verify = per_run_us(100, || {
        let signed = add_proof(&plan, &key, &options);
        let _ = std::hint::black_box(signed.map(|s| verify_document(&s).map(|r| r.is_verified())));
    });
    let verify = per_run_us(100, || {
        let _ = std::hint::black_box(verify_document(&signed).map(|r| r.is_verified()));
    });
    let recompute = per_run_us(100, || {
        let _ = std::hint::black_box(recompute_check(&signed) == RecomputeOutcome::Matches);
    });
    let plans = 1000;
    let start = now_ms();
    let mut passed = 0;
    for _ in 0..plans {
        let verified = verify_document(&signed).is_ok_and(|r| r.is_verified());
        passed += usize::from(verified && recompute_check(&signed) == RecomputeOutcome::Matches);
    }
    let total_ms = now_ms() - start;
    console_log!("wasm (headless Chromium), 40-service plan:");
    console_log!("  compute                   {compute:>9.1} µs per plan   (target < 100 µs)");
    console_log!("  sign + verify             {sign_verify:>9.1} µs          (target < 1 ms)");
    console_log!("  verify (one proof)        {verify:>9.1} µs");
    console_log!("  recompute check           {recompute:>9.1} µs");
    console_log!(
        "  verify + recompute {plans} plans: {:.3} s, {:.1} µs per plan → 10 000 plans ≈ {:.1} s (target < 5 s); {passed} passed",
        total_ms / 1000.0,
        total_ms * 1000.0 / f64::from(plans),
        total_ms * 10.0 / f64::from(plans)
    );
    assert_eq!(passed, plans as usize);
}
