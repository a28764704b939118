//! `ibplan` under a trust list, end to end: `verify --trust` (whole team, forged price
//! list, missing, expired and revoked signers, a tampered or wrongly signed trust list,
//! `--trust-key`), and the item-4 changes: `sign` refusing a plan that does not
//! recompute (`--force`), a byte-order mark, a bounded difference report and
//! `plan --catalogue`. Shared helpers in `tests/common/`.

use std::path::{Path, PathBuf};

use ib_planner::engine::integrity::KeyPair;
use ib_planner::engine::trust::value_digest;
use serde_json::{json, Value};

mod common;
use common::*;

const WHEN: &str = "2026-03-02T10:00:00Z";

const HEAD: u8 = 1;
const WORKER: u8 = 2;
const PHYSICIAN: u8 = 3;
const PARENT: u8 = 4;
const EXPIRED: u8 = 5;
const REVOKED: u8 = 6;

fn did(seed: u8) -> String {
    format!(
        "did:key:{}",
        KeyPair::from_seed(&[seed; 32]).public_key_multibase()
    )
}

/// Writes `key<seed>.json` for every signer, the example case, its plan and the trust
/// list `trust.json` signed by the head.
fn setup(test: &str) -> PathBuf {
    let dir = scratch(test);
    for seed in [HEAD, WORKER, PHYSICIAN, PARENT, EXPIRED, REVOKED, 9] {
        write(
            &dir,
            &format!("key{seed}.json"),
            &KeyPair::from_seed(&[seed; 32]).to_key_json(),
        );
    }
    let case = run_json(&dir, &["example-case"]);
    write(&dir, "case.json", &case);
    let plan = run_json(&dir, &["plan", "case.json"]);
    write(&dir, "plan.json", &plan);
    let signer = |seed: u8, name: &str, role: &str| json!({"id": did(seed), "name": name, "role": role, "validFrom": "2026-01-01T00:00:00Z"});
    let mut expired = signer(EXPIRED, "Ilze Vecā", "social_worker");
    expired["validUntil"] = json!("2026-02-01T00:00:00Z");
    let mut revoked = signer(REVOKED, "Jānis Atsauktais", "rehab_physician");
    revoked["revokedFrom"] = json!("2026-03-01T00:00:00Z");
    let list = json!({
        "schema": "ib-trust/1",
        "issuer": "Sociālais dienests",
        "signers": [
            signer(HEAD, "Inese Vadītāja", "social_service_head"),
            signer(WORKER, "Anna Bērziņa", "social_worker"),
            signer(PHYSICIAN, "Pēteris Kalniņš", "rehab_physician"),
            signer(PARENT, "Līga Ozola", "legal_representative"),
            expired,
            revoked,
        ],
        "priceLists": [{
            "version": plan["priceList"]["version"],
            "effectiveDate": plan["priceList"]["effectiveDate"],
            "digest": value_digest(&plan["priceList"]).unwrap(),
        }],
        "rule": {"roles": ["social_worker", "rehab_physician", "legal_representative"]},
    });
    write(&dir, "trust-unsigned.json", &list);
    let signed = sign(&dir, "trust-unsigned.json", HEAD, "2026-01-02T09:00:00Z");
    write(&dir, "trust.json", &signed);
    dir
}

fn sign(dir: &Path, file: &str, seed: u8, created: &str) -> Value {
    let key = format!("key{seed}.json");
    run_json(dir, &["sign", "--key", &key, "--created", created, file])
}

/// Signs `from` by each seed in turn and writes the result to `to`.
fn sign_all(dir: &Path, from: &str, seeds: &[u8], to: &str) {
    let mut current = from.to_string();
    for seed in seeds {
        let signed = sign(dir, &current, *seed, WHEN);
        write(dir, to, &signed);
        current = to.to_string();
    }
}

#[test]
fn a_plan_signed_by_the_whole_team_is_valid_under_the_trust_list() {
    let dir = setup("team");
    sign_all(
        &dir,
        "plan.json",
        &[WORKER, PHYSICIAN, PARENT],
        "signed.json",
    );
    let output = run(&dir, &["verify", "--trust", "trust.json", "signed.json"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("signed by Inese Vadītāja (social_service_head)"),
        "{text}"
    );
    assert!(
        text.contains("Proof 1/3: valid, signed by Anna Bērziņa (social_worker)"),
        "{text}"
    );
    assert!(
        text.contains("Price list 2025.1: the official one"),
        "{text}"
    );
    assert!(text.contains("Signing rule met"), "{text}");
    assert!(
        text.contains("VALID under the trust list of Sociālais dienests"),
        "{text}"
    );
    assert!(!text.contains("NOT VALID"), "{text}");

    let report = run_json(
        &dir,
        &["verify", "--json", "--trust", "trust.json", "signed.json"],
    );
    assert_eq!(report["valid"], json!(true));
    assert_eq!(report["checked"], json!("trust"));
    assert_eq!(report["trust"]["priceList"]["status"], json!("official"));
    assert_eq!(
        report["trust"]["proofs"][2]["role"],
        json!("legal_representative")
    );

    // Without a trust list the output says plainly what was checked.
    let output = run(&dir, &["verify", "signed.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("Checked integrity only"),
        "{}",
        stderr(&output)
    );
    let report = run_json(&dir, &["verify", "--json", "signed.json"]);
    assert_eq!(report["checked"], json!("integrity"));
}

#[test]
fn a_forged_price_list_is_not_valid() {
    let dir = setup("forged");
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap_or_default())
            .unwrap();
    let mut catalogue = plan["priceList"].clone();
    catalogue["services"][0]["unitPrice"] = json!("0.50");
    write(&dir, "forged-prices.json", &catalogue);
    let forged = run_json(
        &dir,
        &["plan", "--catalogue", "forged-prices.json", "case.json"],
    );
    assert_eq!(
        forged["priceList"]["services"][0]["unitPrice"],
        json!("0.50")
    );
    write(&dir, "forged.json", &forged);
    sign_all(
        &dir,
        "forged.json",
        &[WORKER, PHYSICIAN, PARENT],
        "forged-signed.json",
    );
    // Integrity alone passes: the forgery recomputes and every signature is good.
    assert_eq!(
        run(&dir, &["verify", "forged-signed.json"]).status.code(),
        Some(0)
    );
    let output = run(
        &dir,
        &["verify", "--trust", "trust.json", "forged-signed.json"],
    );
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("NOT the official one"), "{text}");
    assert!(text.contains("NOT VALID under the trust list"), "{text}");
}

#[test]
fn missing_expired_revoked_and_unknown_signers_are_named() {
    let dir = setup("signers");
    for (name, seeds, expected) in [
        (
            "missing",
            vec![WORKER, PHYSICIAN],
            "Signing rule not met: missing legal_representative",
        ),
        (
            "expired",
            vec![EXPIRED, PHYSICIAN, PARENT],
            "outside their validity",
        ),
        (
            "revoked",
            vec![WORKER, REVOKED, PARENT],
            "is revoked from 2026-03-01T00:00:00Z",
        ),
        (
            "unknown",
            vec![WORKER, PHYSICIAN, PARENT, 9],
            "is not on the trust list",
        ),
    ] {
        let file = format!("{name}.json");
        sign_all(&dir, "plan.json", &seeds, &file);
        let output = run(&dir, &["verify", "--trust", "trust.json", &file]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: {text}");
        assert!(text.contains(expected), "{name}: {text}");
        assert!(text.contains("NOT VALID"), "{name}: {text}");
    }

    // The same proof twice counts once; a second proof by one key is flagged.
    sign_all(&dir, "plan.json", &[WORKER, PHYSICIAN, PARENT], "team.json");
    let mut doubled: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("team.json")).unwrap()).unwrap();
    let copy = doubled["proof"][0].clone();
    doubled["proof"].as_array_mut().unwrap().push(copy);
    write(&dir, "doubled.json", &doubled);
    let output = run(&dir, &["verify", "--trust", "trust.json", "doubled.json"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Proof 4/4: the same proof as number 1; counted once"),
        "{text}"
    );
    let again = sign(&dir, "team.json", WORKER, "2026-03-03T10:00:00Z");
    write(&dir, "again.json", &again);
    let output = run(&dir, &["verify", "--trust", "trust.json", "again.json"]);
    assert!(
        stderr(&output).contains("signed with the same key as number 1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_trust_list_must_be_unchanged_and_properly_signed() {
    let dir = setup("list");
    sign_all(
        &dir,
        "plan.json",
        &[WORKER, PHYSICIAN, PARENT],
        "signed.json",
    );
    let cases = [
        (
            "trust-unsigned.json",
            "/proof: The trust list is not signed.",
        ),
        ("by-worker.json", "is not signed by any signer it names"),
        ("changed.json", "/proof: "),
    ];
    let by_worker = sign(&dir, "trust-unsigned.json", WORKER, "2026-01-02T09:00:00Z");
    write(&dir, "by-worker.json", &by_worker);
    let mut changed: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("trust.json")).unwrap()).unwrap();
    changed["signers"][1]["id"] = json!(did(9));
    write(&dir, "changed.json", &changed);
    for (list, expected) in cases {
        let output = run(&dir, &["verify", "--trust", list, "signed.json"]);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{list}: {text}");
        assert!(text.contains(&format!("{list}: ")), "{list}: {text}");
        assert!(text.contains(expected), "{list}: {text}");
        assert!(
            text.contains("the trust list is not accepted"),
            "{list}: {text}"
        );
    }
    // A pinned key decides instead of the head role.
    let worker = did(WORKER);
    let output = run(
        &dir,
        &[
            "verify",
            "--trust",
            "by-worker.json",
            "--trust-key",
            &worker,
            "signed.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("signed by the given key"));
    let stranger = did(9);
    let output = run(
        &dir,
        &[
            "verify",
            "--trust",
            "trust.json",
            "--trust-key",
            &stranger,
            "signed.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("is not signed by the given key"));
    // A list that is not a trust list, and one that is not JSON.
    let output = run(&dir, &["verify", "--trust", "plan.json", "signed.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("plan.json: /schema: This is not a trust list"));
    let _ = std::fs::write(dir.join("broken.json"), "{");
    let output = run(&dir, &["verify", "--trust", "broken.json", "signed.json"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn sign_refuses_a_plan_that_does_not_recompute_unless_forced() {
    let dir = setup("sign");
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
    plan["result"]["totals"]["allocated"] = json!("1.00");
    write(&dir, "edited.json", &plan);
    let output = run(&dir, &["sign", "--key", "key2.json", "edited.json"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(stdout(&output).is_empty());
    assert!(text.contains("edited.json: /result"), "{text}");
    assert!(text.contains("not signed"), "{text}");
    let output = run(
        &dir,
        &["sign", "--force", "--key", "key2.json", "edited.json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning"), "{}", stderr(&output));
    let signed: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(signed["proof"].is_object());
    // A document that is not a plan is signed as before.
    write(&dir, "note.json", &json!({"note": "x"}));
    assert_eq!(
        run(&dir, &["sign", "--key", "key2.json", "note.json"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = setup("bom");
    let text = std::fs::read_to_string(dir.join("case.json")).unwrap();
    let _ = std::fs::write(dir.join("bom.json"), format!("\u{feff}{text}"));
    let plan = run_json(&dir, &["plan", "bom.json"]);
    assert_eq!(plan["schema"], json!("ib-plan/1"));
}

#[test]
fn a_huge_difference_prints_a_short_report() {
    let dir = setup("huge");
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
    plan["result"]["totals"]["allocated"] = json!("9".repeat(3_000_000));
    write(&dir, "huge.json", &plan);
    let output = run(&dir, &["verify", "huge.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.len() < 4_000, "{} bytes", text.len());
    assert!(text.contains("(3000002 characters)"), "{text}");
    let output = run(&dir, &["sign", "--key", "key2.json", "huge.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).len() < 4_000);
}

#[test]
fn price_list_entry_prints_what_the_trust_list_needs() {
    let dir = setup("entry");
    let trust: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("trust.json")).unwrap()).unwrap();
    let catalogue = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/catalogue.json");
    let entry = run_json(&dir, &["price-list-entry", catalogue]);
    assert_eq!(entry, trust["priceLists"][0]);
    assert_eq!(run_json(&dir, &["price-list-entry", "plan.json"]), entry);
    let output = run(&dir, &["price-list-entry", "case.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("case.json: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn plan_with_a_catalogue_reports_its_problems_with_its_name() {
    let dir = setup("catalogue");
    write(&dir, "prices.json", &json!({"schema": "ib-catalogue/1"}));
    let output = run(&dir, &["plan", "--catalogue", "prices.json", "case.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("prices.json: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        run(&dir, &["plan", "--catalogue", "absent.json", "case.json"])
            .status
            .code(),
        Some(2)
    );
}
