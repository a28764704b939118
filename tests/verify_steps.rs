//! The verify screen's steps (issue 12, item 4) give what the one-call functions give:
//! reading a plan file in steps is `read_plan_document`, the recompute check in steps is
//! `recompute_check`, and the proof set checked in steps with a size hint reports its
//! hashing progress and the same report, also for proofs with a `@context` of their own.
//! Run with `--nocapture` to see each step's time on a 5 MB plan.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{
    add_proof, verify_document, KeyPair, ProofOptions, ProofSetCheck, HASH_SLICE_BYTES,
};
use ib_planner::engine::plan::{plan_from_case_json, recompute_check};
use ib_planner::engine::plan_steps::{recompute_in_steps, RecomputeSteps};
use ib_planner::signing::read_plan_document;
use ib_planner::verify_steps::{read_plan_in_steps, PlanRead};
use serde_json::{json, Value};

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn signed(document: &Value, seed: u8) -> Value {
    add_proof(
        document,
        &KeyPair::from_seed(&[seed; 32]),
        &ProofOptions::new("2026-01-05T10:00:00Z"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// The example case with `goals` goals whose texts are `chars` long, as a signed plan
/// with its proof copied `proofs` times (the e2e's 5 MB file is 200 × 4 000 and 50).
fn large_plan(goals: usize, chars: usize, proofs: usize) -> Value {
    let mut case = example_case_json();
    let base = case["goals"][0].clone();
    let text = |i: usize, k: &str| {
        let padded = format!("Mērķis {i}.{k} {}", "abcdefghij ".repeat(chars / 11 + 1));
        padded.chars().take(chars).collect::<String>()
    };
    let Some(list) = case["goals"].as_array_mut() else {
        panic!("the example has no goals");
    };
    let mut i = list.len() + 1;
    while list.len() < goals {
        let mut goal = base.clone();
        goal["id"] = json!(format!("G{i}"));
        goal["text"] = json!(text(i, "t"));
        if let Some(levels) = goal["levels"].as_array_mut() {
            for (k, level) in levels.iter_mut().enumerate() {
                level["text"] = json!(text(i, &k.to_string()));
            }
        }
        list.push(goal);
        i += 1;
    }
    let document = plan_from_case_json(&case).unwrap_or_else(|p| panic!("{p:?}"));
    let mut document = signed(&document, 3);
    let proof = document["proof"].clone();
    document["proof"] = Value::Array(vec![proof; proofs]);
    document
}

fn same_read(text: &str) {
    let expected = read_plan_document(text);
    for budget in [1, 17, 4096, usize::MAX] {
        assert_eq!(
            read_plan_in_steps(text, budget),
            expected,
            "{text:.80} / {budget}"
        );
    }
}

#[test]
fn reading_in_steps_is_read_plan_document() {
    let plan = plan();
    let text = plan.to_string();
    let mut old = plan.clone();
    old["schema"] = json!("ib-plan/0");
    let mut future = plan.clone();
    future["schema"] = json!("ib-plan/9");
    let mut odd = plan.clone();
    odd["schema"] = json!("ib-plan/x");
    let mut other = plan.clone();
    other["schema"] = json!("ib-review/1");
    for text in [
        text.clone(),
        serde_json::to_string_pretty(&signed(&plan, 1)).unwrap_or_default(),
        format!("\u{feff}\u{feff}{text}"),
        text.replacen("\"budget\":", "\"budget\":\"99999.00\",\"budget\":", 1),
        text.replacen("\"proof\"", "\"x\"", 1),
        text[..text.len() - 1].to_string(),
        format!("{text} x"),
        old.to_string(),
        future.to_string(),
        odd.to_string(),
        other.to_string(),
        "[1, 2]".into(),
        "".into(),
        " \n ".into(),
        "\u{feff}".into(),
        "null".into(),
        "{\"schema\": \"ib-plan/1\"}".into(),
        " ".repeat(5 * 1024 * 1024 + 1),
    ] {
        same_read(&text);
    }
}

#[test]
fn the_recompute_check_in_steps_is_recompute_check() {
    let plan = signed(&plan(), 1);
    let mut changed_budget = plan.clone();
    changed_budget["result"]["totals"]["budget"] = json!("1.00");
    let mut changed_case = plan.clone();
    changed_case["case"]["child"]["id"] = json!("someone else");
    let mut invalid = plan.clone();
    invalid["case"]["child"] = json!(7);
    let mut bad_prices = plan.clone();
    bad_prices["priceList"] = json!("none");
    let mut extra = plan.clone();
    extra["annex"] = json!(1);
    let mut missing = plan.clone();
    if let Some(map) = missing.as_object_mut() {
        map.remove("result");
    }
    let mut old = plan.clone();
    old["schema"] = json!("ib-plan/0");
    let mut future = plan.clone();
    future["schema"] = json!("ib-plan/9");
    let mut engine = plan.clone();
    engine["engineVersion"] = json!("0.0.0");
    for document in [
        plan.clone(),
        changed_budget,
        changed_case,
        invalid,
        bad_prices,
        extra,
        missing,
        old,
        future,
        engine,
        json!([1]),
        json!({"schema": "something"}),
    ] {
        assert_eq!(
            recompute_in_steps(&document),
            recompute_check(&document),
            "{document:.100}"
        );
    }
    // A plan that recomputes takes several steps, and then nothing more.
    let mut steps = RecomputeSteps::new(&plan);
    let mut count = 1;
    while steps.step().is_none() {
        count += 1;
    }
    assert!(count >= 6, "{count}");
    assert!(steps.step().is_none());
}

#[test]
fn proofs_with_their_own_context_are_hashed_in_slices_too() {
    let mut doc = plan();
    doc["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
    doc["annex"] = json!("x".repeat(2 * 1024 * 1024));
    let one = signed(&doc, 4);
    let proof = one["proof"].clone();
    assert!(proof.get("@context").is_some());
    // A later context appended to the document: each proof's own view differs from it.
    let mut document = doc.clone();
    document["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://example.org/extra/v1"
    ]);
    document["proof"] = Value::Array(vec![proof; 3]);
    let Ok(mut check) = ProofSetCheck::new(&document) else {
        panic!("refused");
    };
    let mut steps = 0;
    while check.step() {
        steps += 1;
    }
    // The document's own hash and each proof's view, about four slices each.
    let slices = 2 * 1024 * 1024 / HASH_SLICE_BYTES;
    assert!(steps >= 4 * slices, "{steps}");
    let report = check.finish();
    assert!(report.is_verified(), "{report:?}");
    assert_eq!(Some(report), verify_document(&document).ok());
}

#[test]
fn a_5_mb_plan_in_steps_none_long() {
    let document = large_plan(200, 4000, 50);
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    assert!(
        text.len() > 4_500_000 && text.len() <= 5 * 1024 * 1024,
        "{}",
        text.len()
    );
    let time = std::time::Instant::now;

    let started = time();
    let read = read_plan_document(&text);
    let whole_read = started.elapsed();
    let mut longest = std::time::Duration::ZERO;
    let Ok(mut reading) = PlanRead::new(&text) else {
        panic!("refused");
    };
    let parsed = loop {
        let started = time();
        let done = reading.step(32 * 1024);
        longest = longest.max(started.elapsed());
        if let Some(done) = done {
            break done;
        }
    };
    assert_eq!(parsed, read);
    let Ok(parsed) = parsed else {
        panic!("not read");
    };
    let compact = reading.compact_len();
    assert!(compact < text.len());
    println!("read_plan_document {whole_read:?}; in steps of 32 kB, longest {longest:?}");

    let started = time();
    let report = verify_document(&parsed).ok();
    let whole_check = started.elapsed();
    let Ok(check) = ProofSetCheck::new(&parsed) else {
        panic!("refused");
    };
    let mut check = check.with_size_hint(compact);
    let mut longest = std::time::Duration::ZERO;
    let mut percents = Vec::new();
    loop {
        let started = time();
        let more = check.step();
        longest = longest.max(started.elapsed());
        if let Some(percent) = check.hashed_percent() {
            percents.push(percent);
        }
        if !more {
            break;
        }
    }
    assert!(percents.windows(2).all(|w| w[0] <= w[1]));
    assert!(percents.iter().any(|p| *p >= 50), "{percents:?}");
    let stepped = check.finish();
    assert!(stepped.is_verified());
    assert_eq!(Some(stepped), report);
    println!("verify_document {whole_check:?}; in steps, longest {longest:?}");

    let started = time();
    let outcome = recompute_check(&parsed);
    let whole_recompute = started.elapsed();
    let mut steps = RecomputeSteps::new(&parsed);
    let mut longest = std::time::Duration::ZERO;
    let stepped = loop {
        let started = time();
        let done = steps.step();
        longest = longest.max(started.elapsed());
        if let Some(done) = done {
            break done;
        }
    };
    assert_eq!(stepped, outcome);
    println!("recompute_check {whole_recompute:?}; in steps, longest {longest:?}");
}
