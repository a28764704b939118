//! Engine benchmark: compute, sign and verify a 40-service plan, and verify + recompute
//! 10 000 plans. Prints figures against the targets of issue 3; never asserts on time.
//!
//! Run with `cargo bench --bench engine`. The 40-service case is the example case with
//! its service list replaced by 40 services from a price list made of the built-in
//! catalogue plus copies of some of its services under new codes (the built-in one has
//! 30 services), all open to the example child's target group.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ed25519_dalek::Signer;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{
    add_proof, canonical_document, verify_document, KeyPair, ProofOptions,
};
use ib_planner::engine::json::parse_strict;
use ib_planner::engine::plan::{
    compute_plan, first_difference, plan_with_reference, recompute_check, RecomputeOutcome,
};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::validate_case;
use serde_json::{json, Value};

const SERVICES: usize = 40;
const CATALOGUE_JSON: &str = include_str!("../public/data/catalogue.json");

/// The built-in catalogue, widened to at least `SERVICES` services that the example
/// child's target group may use.
fn wide_catalogue(target_group: &Value) -> Result<Value, String> {
    let mut catalogue: Value =
        serde_json::from_str(CATALOGUE_JSON).map_err(|e| format!("catalogue.json: {e}"))?;
    let services = catalogue
        .get_mut("services")
        .and_then(Value::as_array_mut)
        .ok_or("catalogue.json has no services")?;
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
    while services.len() < SERVICES {
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
    Ok(catalogue)
}

/// The example case with `SERVICES` services: expert ranks in catalogue order, parent
/// ranks a different permutation, small quantities, and a budget that funds roughly
/// two thirds so that partial funding and unmet need are exercised.
fn wide_case(catalogue: &Value, budget: &str) -> Value {
    let mut case = example_case_json();
    let codes: Vec<Value> = catalogue["services"]
        .as_array()
        .map(|s| s.iter().take(SERVICES).map(|s| s["code"].clone()).collect())
        .unwrap_or_default();
    let services: Vec<Value> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            json!({
                "code": code,
                "quantity": 1 + (i % 4),
                "expertRank": i + 1,
                "parentRank": (i * 7) % SERVICES + 1,
            })
        })
        .collect();
    case["services"] = Value::Array(services);
    case["settings"]["budget"] = json!(budget);
    case
}

struct Stats {
    median: Duration,
    p90: Duration,
    mean: Duration,
}

fn measure(iterations: usize, mut f: impl FnMut()) -> Stats {
    // Warm up caches and the allocator.
    for _ in 0..iterations.min(50) {
        f();
    }
    let mut times: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let total: Duration = times.iter().sum();
    Stats {
        median: times[times.len() / 2],
        p90: times[times.len() * 9 / 10],
        mean: total / u32::try_from(times.len()).unwrap_or(u32::MAX),
    }
}

/// This thread's CPU time so far (Linux `/proc/thread-self/schedstat`), to tell the
/// engine's cost from waiting for a core on a busy shared machine; `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// ", CPU x.xxx s" when the CPU time is known.
fn cpu_note(start: Option<Duration>) -> String {
    match (start, thread_cpu()) {
        (Some(start), Some(end)) => format!(", CPU {:.3} s", (end - start).as_secs_f64()),
        _ => String::new(),
    }
}

fn line(label: &str, stats: &Stats, target: &str) {
    println!(
        "{label:<46} median {:>9.1} µs  p90 {:>9.1} µs  mean {:>9.1} µs   {target}",
        stats.median.as_secs_f64() * 1e6,
        stats.p90.as_secs_f64() * 1e6,
        stats.mean.as_secs_f64() * 1e6,
    );
}

/// Times the steps of [`recompute_check`] one by one, through the public functions it
/// is built from, so a regression shows where it is.
fn recompute_breakdown(signed: &Value) -> Result<(), String> {
    let price_list = &signed["priceList"];
    let case_value = &signed["case"];
    let stats = measure(1_000, || {
        black_box(ReferenceData::with_catalogue(black_box(price_list)).is_ok());
    });
    line(
        "  of which: reference data + embedded price list",
        &stats,
        "",
    );
    let reference = ReferenceData::with_catalogue(price_list)
        .map_err(|p| format!("embedded price list: {p:?}"))?;
    let stats = measure(1_000, || {
        black_box(validate_case(black_box(case_value), &reference).is_ok());
    });
    line("  of which: validate the embedded case", &stats, "");
    let case =
        validate_case(case_value, &reference).map_err(|p| format!("embedded case: {p:?}"))?;
    let stats = measure(1_000, || {
        black_box(compute_plan(black_box(&case), &reference.catalogue).is_ok());
    });
    line("  of which: compute", &stats, "");
    let doc = compute_plan(&case, &reference.catalogue).map_err(|p| format!("{p:?}"))?;
    let stats = measure(1_000, || {
        black_box(serde_json::to_value(black_box(&doc)).is_ok());
    });
    line("  (on a difference only) PlanDocument → Value", &stats, "");
    let recomputed = serde_json::to_value(&doc).map_err(|e| e.to_string())?;
    let stats = measure(1_000, || {
        black_box(first_difference(black_box(signed), &recomputed, "").is_none());
    });
    line("  (on a difference only) first_difference", &stats, "");
    Ok(())
}

fn main() -> Result<(), String> {
    let example = example_case_json();
    let target_group = example["child"]["targetGroup"].clone();
    let catalogue = wide_catalogue(&target_group)?;
    let reference = ReferenceData::with_catalogue(&catalogue)
        .map_err(|p| format!("the widened catalogue is invalid: {p:?}"))?;
    let case_json = wide_case(&catalogue, "1500.00");
    let case = validate_case(&case_json, &reference)
        .map_err(|p| format!("the 40-service case is invalid: {p:?}"))?;
    let plan =
        plan_with_reference(&case_json, &reference).map_err(|p| format!("no plan: {p:?}"))?;
    let lines = plan["result"]["lines"].as_array().map_or(0, Vec::len);
    let plan_text = serde_json::to_string(&plan).map_err(|e| e.to_string())?;
    println!(
        "ibplan engine benchmark — {lines}-line plan, {} services in the price list, \
         plan document {} bytes (compact JSON)",
        catalogue["services"].as_array().map_or(0, Vec::len),
        plan_text.len()
    );
    println!(
        "allocated {} of budget {}",
        plan["result"]["totals"]["allocated"], plan["result"]["totals"]["budget"]
    );
    println!();

    // 1. Computing a plan.
    let stats = measure(2_000, || {
        black_box(compute_plan(black_box(&case), &reference.catalogue).is_ok());
    });
    line(
        "compute (validated case → PlanDocument)",
        &stats,
        "target < 100 µs",
    );
    let stats = measure(1_000, || {
        black_box(plan_with_reference(black_box(&case_json), &reference).is_ok());
    });
    line(
        "validate + compute + to JSON (raw case → Value)",
        &stats,
        "(whole `plan` path)",
    );

    // 2. Signing and verifying.
    let key = KeyPair::from_seed(&[42; 32]);
    let options = ProofOptions::new("2025-03-01T10:00:00Z");
    let signed = add_proof(&plan, &key, &options).map_err(|e| e.to_string())?;
    let stats = measure(1_000, || {
        black_box(canonical_document(black_box(&plan)).map(|t| t.len()).ok());
    });
    line("  of which: JCS of the plan document", &stats, "");
    let signing_key = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let stats = measure(1_000, || {
        black_box(signing_key.sign(black_box(&[7u8; 64])));
    });
    line("  of which: Ed25519 sign of hashData", &stats, "");
    let verifying_key = signing_key.verifying_key();
    let signature = signing_key.sign(&[7u8; 64]);
    let stats = measure(1_000, || {
        black_box(
            verifying_key
                .verify_strict(black_box(&[7u8; 64]), &signature)
                .is_ok(),
        );
    });
    line("  of which: Ed25519 verify_strict", &stats, "");
    let stats = measure(1_000, || {
        black_box(add_proof(black_box(&plan), &key, &options).is_ok());
    });
    line("sign (add_proof)", &stats, "");
    let stats = measure(1_000, || {
        let _ = black_box(verify_document(black_box(&signed)).map(|r| r.is_verified()));
    });
    line("verify (one proof)", &stats, "");
    let stats = measure(1_000, || {
        let signed = add_proof(black_box(&plan), &key, &options);
        black_box(
            signed
                .map(|s| verify_document(&s).map(|r| r.is_verified()))
                .is_ok(),
        );
    });
    line("sign + verify", &stats, "target < 1 ms");
    let stats = measure(1_000, || {
        black_box(recompute_check(black_box(&signed)) == RecomputeOutcome::Matches);
    });
    line("recompute check", &stats, "");
    recompute_breakdown(&signed)?;
    println!();

    // 3. Verifying and recomputing 10 000 plans: 200 distinct signed plans (budgets
    // differ, so results differ), each checked 50 times. Keeping 10 000 distinct plans
    // in memory would cost several hundred MB without changing the per-plan work.
    if std::env::args().any(|a| a == "--quick") {
        return Ok(());
    }
    let distinct = 200;
    let rounds = 50;
    let mut texts = Vec::with_capacity(distinct);
    for i in 0..distinct {
        let budget = format!("{}.00", 900 + 13 * i);
        let plan = plan_with_reference(&wide_case(&catalogue, &budget), &reference)
            .map_err(|p| format!("no plan for budget {budget}: {p:?}"))?;
        let signed = add_proof(&plan, &key, &options).map_err(|e| e.to_string())?;
        texts.push(serde_json::to_string(&signed).map_err(|e| e.to_string())?);
    }
    let docs: Vec<Value> = texts
        .iter()
        .map(|t| serde_json::from_str(t).unwrap_or(Value::Null))
        .collect();

    let cpu = thread_cpu();
    let start = Instant::now();
    let mut passed = 0usize;
    for _ in 0..rounds {
        for doc in &docs {
            let verified = verify_document(doc).is_ok_and(|r| r.is_verified());
            let matches = recompute_check(doc) == RecomputeOutcome::Matches;
            passed += usize::from(black_box(verified && matches));
        }
    }
    let elapsed = start.elapsed();
    println!(
        "verify + recompute {:>6} plans (parsed)         total {:>8.3} s   ({:.1} µs per plan{})   target < 5 s; {passed} passed",
        distinct * rounds,
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / (distinct * rounds) as f64,
        cpu_note(cpu)
    );

    let cpu = thread_cpu();
    let start = Instant::now();
    let mut passed = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            let Ok(doc) = parse_strict(text) else {
                continue;
            };
            let verified = verify_document(&doc).is_ok_and(|r| r.is_verified());
            let matches = recompute_check(&doc) == RecomputeOutcome::Matches;
            passed += usize::from(black_box(verified && matches));
        }
    }
    let elapsed = start.elapsed();
    println!(
        "strict parse + verify + recompute {:>6} (text) total {:>8.3} s   ({:.1} µs per plan{})   {passed} passed",
        distinct * rounds,
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / (distinct * rounds) as f64,
        cpu_note(cpu)
    );

    // The strict parser makes a second pass over the text; what that costs on a file of
    // the app's and ibplan's size limit (5 MiB).
    let big = json!({
        "plan": plan,
        "notes": (0..40_000)
            .map(|i| json!({"id": format!("N{i}"), "text": "piezīme ".repeat(10), "n": i}))
            .collect::<Vec<_>>(),
    })
    .to_string();
    let stats = measure(20, || {
        black_box(serde_json::from_str::<Value>(black_box(&big)).is_ok());
    });
    line(
        &format!(
            "serde_json::from_str, {:.1} MB of JSON",
            big.len() as f64 / 1e6
        ),
        &stats,
        "",
    );
    let stats = measure(20, || {
        black_box(parse_strict(black_box(&big)).is_ok());
    });
    line(
        &format!("parse_strict, {:.1} MB of JSON", big.len() as f64 / 1e6),
        &stats,
        "",
    );
    Ok(())
}
