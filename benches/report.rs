//! Monitoring-report benchmark (issue 16): prints figures, never asserts on time.
//!
//! 1. The engine natively: 10 000 distinct signed plans, each parsed from its text
//!    (`parse_strict`), verified under the trust list, recomputed and fed to the report
//!    builder, then the report finished; the time per 10 000 plans.
//! 2. The CLI: `REPORT_BENCH_PLANS` (default 100 000) plan files written to a scratch
//!    folder, then `ibplan report --trust …` over the folder: wall time and the process's
//!    peak memory (VmHWM, polled from /proc), which stays bounded because the CLI reads
//!    one file at a time and the builder keeps a few figures per plan.
//!
//! Run with `cargo bench --bench report` (`REPORT_BENCH_PLANS=20000` for a shorter run;
//! the folder is removed afterwards). The plans are the example case with the child's
//! id, birth and budget varied, signed by the municipality's social worker.

use std::io::Write;
use std::time::{Duration, Instant};

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{add_proof, KeyPair, ProofOptions};
use ib_planner::engine::json::parse_strict;
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::report::{ReportBuilder, Settings};
use ib_planner::engine::trust::{load_trust_list, price_list_entry};
use serde_json::{json, Value};

const WHEN: &str = "2026-01-15T10:00:00Z";

fn key(seed: u8) -> KeyPair {
    KeyPair::from_seed(&[seed; 32])
}

fn trust_list(plan: &Value) -> Result<Value, String> {
    let entry = price_list_entry(plan).map_err(|p| format!("{p:?}"))?;
    let signer = |seed: u8, role: &str| json!({"id": format!("did:key:{}", key(seed).public_key_multibase()), "name": role, "role": role, "validFrom": "2025-01-01T00:00:00Z"});
    let list = json!({
        "schema": "ib-trust/1",
        "issuer": "CESU-NOV",
        "signers": [signer(1, "social_service_head"), signer(2, "social_worker")],
        "priceLists": [entry],
        "rule": {"roles": ["social_worker"]},
    });
    add_proof(&list, &key(1), &ProofOptions::new(WHEN)).map_err(|e| e.key().to_string())
}

/// The compact JSON text of signed plan `i`.
fn plan_text(i: usize) -> Result<String, String> {
    let mut case = example_case_json();
    case["child"]["id"] = json!(format!("CESU-{i:07}"));
    case["child"]["birth"] = json!(format!("{}-{:02}", 2008 + (i % 15), 1 + i % 12));
    case["settings"]["budget"] = json!(format!("{}.00", 1200 + (i % 40) * 75));
    let plan = plan_from_case_json(&case).map_err(|p| format!("{p:?}"))?;
    let signed =
        add_proof(&plan, &key(2), &ProofOptions::new(WHEN)).map_err(|e| e.key().to_string())?;
    serde_json::to_string(&signed).map_err(|e| e.to_string())
}

fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), String> {
    let first = parse_strict(&plan_text(0)?).map_err(|e| format!("{e:?}"))?;
    let list_json = trust_list(&first)?;
    let (list, _) = load_trust_list(&list_json, None).map_err(|p| format!("{p:?}"))?;
    let regions = ReferenceData::builtin()
        .map_err(|p| format!("{p:?}"))?
        .regions;

    // 1. The engine natively.
    let n = 10_000;
    let mut builder = ReportBuilder::new(Settings {
        trust: &list,
        municipality: None,
        period: None,
        providers: None,
        facts: false,
    });
    let mut engine = Duration::ZERO;
    let mut made = Duration::ZERO;
    for i in 0..n {
        let t = Instant::now();
        let text = plan_text(i)?;
        made += t.elapsed();
        let t = Instant::now();
        let doc = parse_strict(&text).map_err(|e| format!("{e:?}"))?;
        builder.add_document(&format!("plan-{i:07}.json"), &doc);
        engine += t.elapsed();
    }
    let t = Instant::now();
    let report = builder.finish(&regions).map_err(|e| format!("{e:?}"))?;
    engine += t.elapsed();
    println!(
        "engine (native, bench profile): {n} plans parsed, verified under the trust list, recomputed and reported in {:.2} s ({:.3} ms per plan; {:.2} s per 10 000); children counted: {}; making and signing them took {:.2} s",
        engine.as_secs_f64(),
        engine.as_secs_f64() * 1000.0 / n as f64,
        engine.as_secs_f64() * 10_000.0 / n as f64,
        report.document["children"]["total"],
        made.as_secs_f64(),
    );

    // 2. The CLI over a folder.
    let count: usize = std::env::var("REPORT_BENCH_PLANS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("ib-report-bench-{}", std::process::id()));
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("trust.json"), list_json.to_string()).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let mut bytes = 0u64;
    for i in 0..count {
        let sub = plans.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
        }
        let text = plan_text(i)?;
        bytes += text.len() as u64;
        std::fs::write(sub.join(format!("plan-{i:07}.json")), text).map_err(|e| e.to_string())?;
    }
    println!(
        "wrote {count} signed plan files ({:.0} MB) in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let out = std::fs::File::create(dir.join("report.json")).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ibplan"))
        .args(["report", "--trust"])
        .arg(dir.join("trust.json"))
        .arg(&plans)
        .stdout(out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let pid = child.id();
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = peak_kib(pid) {
            peak = peak.max(kib);
        }
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let wall = t.elapsed();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut err);
    }
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap_or_default();
    let children = parse_strict(&report)
        .ok()
        .map(|r| r["children"]["total"].to_string())
        .unwrap_or_default();
    println!(
        "ibplan report (bench profile): {count} plans in {:.1} s ({:.2} s per 10 000), {status}, peak memory {:.1} MB, children counted {children}",
        wall.as_secs_f64(),
        wall.as_secs_f64() * 10_000.0 / count as f64,
        peak as f64 / 1024.0,
    );
    let _ = writeln!(std::io::stdout(), "{}", err.lines().next().unwrap_or(""));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
