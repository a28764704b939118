//! The pure part of signing, exporting and verifying plans (src/signing.rs).

use ib_planner::engine::example::example_case_json as example_case;
use ib_planner::engine::integrity::{verify_document, KeyPair, ProofStatus};
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::i18n::{has, Lang};
use ib_planner::signing::*;
use serde_json::{json, Value};

const CREATED: &str = "2025-09-01T10:00:00Z";

fn case() -> Value {
    example_case()
}

fn plan(case: &Value) -> Value {
    match plan_from_case_json(case) {
        Ok(plan) => plan,
        Err(problems) => panic!("example does not compute: {problems:?}"),
    }
}

fn sign(case: &mut Value, participant: &str, seed: u8) {
    let plan = plan(case);
    let signatures = read_signatures(case);
    let key = KeyPair::from_seed(&[seed; 32]);
    match sign_plan(&signatures, &plan, participant, &key, CREATED) {
        Ok(list) => write_signatures(case, &list),
        Err(error) => panic!("signing failed: {error:?}"),
    }
}

#[test]
fn participants_are_the_parent_then_the_team() {
    let list = participants(&case());
    let ids: Vec<&str> = list.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["parent", "team/SW", "team/RP", "team/PT", "team/ST", "team/OT"]
    );
    assert_eq!(list[1].role, "social_worker");
    assert_eq!(list[1].name.as_deref(), Some("I. Kalniņa"));
    assert_eq!(list[3].name, None);
    // Odd input: no team, members without ids, duplicates, wrong types.
    assert_eq!(participants(&json!(null)).len(), 1);
    let odd = json!({"team": [{"role": "psychologist"}, {"id": "A"}, {"id": "A"}, 7]});
    let ids: Vec<String> = participants(&odd).into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["parent", "team/#0", "team/A", "team/#3"]);
}

#[test]
fn key_slots_and_file_names() {
    let list = participants(&case());
    assert_eq!(key_slot("abc", &list[0]), "parent/abc");
    assert_eq!(key_slot("abc", &list[1]), "social_worker/I. Kalniņa");
    assert_eq!(key_slot("xyz", &list[1]), "social_worker/I. Kalniņa");
    assert_eq!(key_slot("abc", &list[3]), "physiotherapist/");
    assert_eq!(key_file_name(&list[0]), "parent-key.json");
    assert_eq!(key_file_name(&list[1]), "social_worker-key.json");
    assert_eq!(plan_file_name(&plan(&case())), "CESIS-2025-017-plan.json");
    assert_eq!(plan_file_name(&json!({})), "plan-plan.json");
    assert_eq!(
        plan_file_name(&json!({"case": {"child": {"id": "../a b"}}})),
        "___a_b-plan.json"
    );
    assert_eq!(safe_file_stem("  "), "plan");
    assert_eq!(safe_file_stem("Bērns-1"), "Bērns-1");
}

#[test]
fn key_files_round_trip_and_bad_files_are_explained() {
    let key = KeyPair::from_seed(&[9; 32]);
    let text = key_to_text(&key);
    let value: Value = serde_json::from_str(&text).unwrap_or_default();
    assert!(value["publicKeyMultibase"]
        .as_str()
        .is_some_and(|s| s.starts_with("z6Mk")));
    assert!(value["secretKeyMultibase"].is_string());
    let back = key_from_text(&text).map(|k| k.public_key_multibase());
    assert_eq!(back.ok(), Some(key.public_key_multibase()));
    // privateKeyMultibase (W3C test vectors) is accepted too.
    let private = json!({"privateKeyMultibase": key.secret_key_multibase()}).to_string();
    assert!(key_from_text(&private).is_ok());
    for (text, expected) in [
        ("{", "sign.key.not_json"),
        ("", "sign.key.not_json"),
        ("[1]", "integrity.keyfile.not_object"),
        ("{}", "integrity.keyfile.missing_secret"),
        (
            r#"{"secretKeyMultibase": "abc"}"#,
            "integrity.key.not_base58btc",
        ),
    ] {
        match key_from_text(text) {
            Ok(_) => panic!("{text} was accepted"),
            Err(problem) => {
                assert_eq!(problem.key, expected, "{text}");
                assert!(has(&problem.key), "{} not in the catalogue", problem.key);
            }
        }
    }
    let other = KeyPair::from_seed(&[8; 32]);
    let mismatch = json!({
        "publicKeyMultibase": other.public_key_multibase(),
        "secretKeyMultibase": key.secret_key_multibase(),
    });
    assert_eq!(
        key_from_text(&mismatch.to_string()).err().map(|p| p.key),
        Some("integrity.keyfile.public_mismatch".to_string())
    );
}

#[test]
fn created_stamps_are_whole_seconds_utc() {
    assert_eq!(
        created_stamp("2026-11-22T06:00:05.123Z").as_deref(),
        Some("2026-11-22T06:00:05Z")
    );
    assert_eq!(
        created_stamp("2026-11-22T06:00:05Z").as_deref(),
        Some("2026-11-22T06:00:05Z")
    );
    assert_eq!(created_stamp(""), None);
    assert_eq!(created_stamp("Invalid Date"), None);
    assert_eq!(created_stamp("2026-13-22T06:00:05.000Z"), None);
}

#[test]
fn two_signatures_verify_and_the_download_carries_both() {
    let mut case = case();
    sign(&mut case, "parent", 1);
    sign(&mut case, "team/SW", 2);
    let signatures = read_signatures(&case);
    assert_eq!(signatures.len(), 2);
    // The case still validates and computes the same plan: signatures are not in it.
    let plan = plan(&case);
    assert!(plan.pointer("/case/signatures").is_none());
    let views = signature_views(&plan, &signatures);
    assert!(
        views.iter().all(|v| v.state == SignatureState::Valid),
        "{views:?}"
    );
    assert_eq!(
        views[0].fingerprint,
        Some(KeyPair::from_seed(&[1; 32]).fingerprint())
    );
    assert_eq!(views[1].created.as_deref(), Some(CREATED));
    let document = signed_document(&plan, &signatures);
    let proofs = document["proof"].as_array().map(Vec::len);
    assert_eq!(proofs, Some(2));
    let report = verify_document(&document);
    assert!(report.is_ok_and(|r| r.is_verified()));
    // It opens on the verify screen: both valid, recomputation matches.
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    let verified = open_plan_text(&text);
    let Ok(verified) = verified else {
        panic!("not opened: {verified:?}");
    };
    assert_eq!(verified.proofs.len(), 2);
    assert!(verified
        .proofs
        .iter()
        .all(|p| p.status == ProofStatus::Valid && p.reason.is_none()));
    assert_eq!(
        verified.proofs[0].purpose.as_deref(),
        Some("assertionMethod")
    );
    assert_eq!(verified.recompute, Recompute::Matches);
    assert_eq!(verified.summary.pseudonym, "CESIS-2025-017");
    assert_eq!(verified.summary.budget, "3800.00");
    assert_eq!(verified.summary.lines.len(), 10);
}

#[test]
fn re_signing_replaces_and_a_single_proof_is_an_object() {
    let mut case = case();
    sign(&mut case, "parent", 1);
    sign(&mut case, "parent", 3);
    let signatures = read_signatures(&case);
    assert_eq!(signatures.len(), 1);
    let document = signed_document(&plan(&case), &signatures);
    assert!(document["proof"].is_object());
    // No signatures: no proof member, and the case member is removed.
    write_signatures(&mut case, &[]);
    assert!(case.get("signatures").is_none());
    assert!(signed_document(&plan(&case), &[]).get("proof").is_none());
}

#[test]
fn a_change_after_signing_makes_signatures_outdated() {
    let mut case = case();
    sign(&mut case, "parent", 1);
    sign(&mut case, "team/SW", 2);
    case["settings"]["budget"] = json!("3700.00");
    let plan = plan(&case);
    let signatures = read_signatures(&case);
    let views = signature_views(&plan, &signatures);
    assert!(
        views.iter().all(|v| v.state == SignatureState::Outdated),
        "{views:?}"
    );
    assert!(views[0].fingerprint.is_some());
    // The download leaves them out.
    assert!(signed_document(&plan, &signatures).get("proof").is_none());
    // Changing it back makes them valid again.
    case["settings"]["budget"] = json!("3800.00");
    let views = signature_views(&self::plan(&case), &signatures);
    assert!(views.iter().all(|v| v.state == SignatureState::Valid));
    // One re-signs: that one is valid, the other still outdated.
    case["settings"]["budget"] = json!("3700.00");
    sign(&mut case, "team/SW", 2);
    let views = signature_views(&self::plan(&case), &read_signatures(&case));
    let states: Vec<&str> = views.iter().map(|v| v.state.key()).collect();
    assert_eq!(states, ["sign.status.outdated", "sign.status.valid"]);
}

#[test]
fn a_damaged_stored_signature_is_invalid_not_a_panic() {
    let mut case = case();
    sign(&mut case, "parent", 1);
    case["signatures"][0]["proof"]["proofValue"] = json!("z111");
    let plan = plan(&case);
    let views = signature_views(&plan, &read_signatures(&case));
    match &views[0].state {
        SignatureState::Invalid(problem) => assert!(has(&problem.key), "{}", problem.key),
        other => panic!("{other:?}"),
    }
    for odd in [
        json!({"signatures": 5}),
        json!({"signatures": [1, {"proof": 2}]}),
    ] {
        let views = signature_views(&plan, &read_signatures(&odd));
        assert!(views
            .iter()
            .all(|v| matches!(v.state, SignatureState::Outdated)));
    }
}

#[test]
fn tampered_truncated_foreign_and_future_files_are_explained() {
    let mut case = case();
    sign(&mut case, "parent", 1);
    sign(&mut case, "team/SW", 2);
    let document = signed_document(&plan(&case), &read_signatures(&case));
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();

    // Tampered total: signatures invalid, recomputation names the difference.
    let mut tampered = document.clone();
    tampered["result"]["totals"]["allocated"] = json!("3000.00");
    let opened = open_plan_text(&tampered.to_string());
    let Ok(opened) = opened else {
        panic!("{opened:?}")
    };
    assert!(opened
        .proofs
        .iter()
        .all(|p| p.status == ProofStatus::Invalid));
    assert_eq!(
        opened.proofs[0].reason.as_ref().map(|p| p.key.as_str()),
        Some("integrity.proof.signature_mismatch")
    );
    match opened.recompute {
        Recompute::Differs {
            path,
            embedded,
            recomputed,
        } => {
            assert_eq!(path, "/result/totals/allocated");
            assert_eq!(embedded, "\"3000.00\"");
            assert_eq!(recomputed, "\"3798.00\"");
        }
        other => panic!("{other:?}"),
    }

    let cut = &text[..text.len() / 2];
    let errors = [
        (cut.to_string(), "verify.error.not_json"),
        (String::new(), "verify.error.empty"),
        ("not json at all".to_string(), "verify.error.not_json"),
        (
            r#"{"name": "shopping list"}"#.to_string(),
            "verify.error.not_plan",
        ),
        ("[1, 2]".to_string(), "verify.error.not_plan"),
        (
            r#"{"schema": "ib-case/1"}"#.to_string(),
            "verify.error.not_plan",
        ),
        (
            r#"{"schema": "ib-plan/7"}"#.to_string(),
            "problem.schema.unsupported",
        ),
        ("x".repeat(MAX_FILE_BYTES + 1), "verify.error.too_large"),
    ];
    for (text, key) in errors {
        match open_plan_text(&text) {
            Ok(_) => panic!("{key}: accepted"),
            Err(problem) => {
                assert_eq!(problem.key, key);
                assert!(has(&problem.key), "{key} not in the catalogue");
            }
        }
    }
    // The future-schema message names both versions.
    if let Err(p) = open_plan_text(r#"{"schema": "ib-plan/7"}"#) {
        assert!(p
            .params
            .iter()
            .any(|(k, v)| k == "found" && v == "ib-plan/7"));
    }

    // An unsigned plan with broken inputs opens and says why it cannot be recomputed.
    let opened = open_plan_text(r#"{"schema": "ib-plan/1", "case": {}}"#);
    let Ok(opened) = opened else {
        panic!("{opened:?}")
    };
    assert!(opened.proofs.is_empty());
    assert!(matches!(opened.recompute, Recompute::NotPossible(..)));
    assert_eq!(opened.summary, PlanSummary::default());
}

#[test]
fn every_key_this_module_emits_is_in_the_catalogue() {
    for key in [
        "sign.status.valid",
        "sign.status.outdated",
        "sign.status.invalid",
        "sign.key.not_json",
        "verify.error.empty",
        "verify.error.not_json",
        "verify.error.not_plan",
        "verify.error.too_large",
    ] {
        assert!(has(key), "{key}");
    }
    assert!(too_large().params.iter().any(|(k, _)| k == "limit"));
}

#[test]
fn summary_formatting() {
    assert_eq!(money_text(Lang::Lv, "1234.5"), "1\u{a0}234,50\u{a0}€");
    assert_eq!(money_text(Lang::En, "1234.5"), "€1,234.50");
    assert_eq!(money_text(Lang::En, "abc"), "abc");
    assert_eq!(date_text(Lang::Lv, "2025-09-01"), "01.09.2025.");
    assert_eq!(date_text(Lang::En, "2025-13-01"), "2025-13-01");
    assert_eq!(date_text(Lang::En, ""), "");
    assert_eq!(percent_text("0.6"), "60");
    assert_eq!(percent_text("0.35"), "35");
    assert_eq!(percent_text("x"), "x");
    let summary = PlanSummary::of(&plan(&case()));
    let first = &summary.lines[0];
    assert_eq!(first.position, "1");
    assert_eq!(first.name(Lang::En), "Speech therapy session");
    assert_eq!(first.reason_key, "reason.funded_in_full");
    assert!(summary.goals.iter().any(|g| g.term == "long"));
    let partly = summary
        .lines
        .iter()
        .find(|l| l.reason_key == "reason.partly_funded");
    if let Some(line) = partly {
        let names: Vec<&str> = line.reason_params.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"fundedUnits") && names.contains(&"requestedUnits"));
    }
}

#[test]
fn differences_are_placed_in_words() {
    let total = difference_place("/result/totals/allocated");
    assert_eq!(
        total,
        Some((
            "verify.recompute.place_total",
            vec![("what", "plan_doc.allocated".to_string())]
        ))
    );
    let line = difference_place("/result/lines/2/fundedAmount");
    assert_eq!(
        line.map(|(k, p)| (k, p[0].1.clone())),
        Some(("verify.recompute.place_line", "3".to_string()))
    );
    assert_eq!(
        difference_place("/case/settings/budget").map(|(k, _)| k),
        Some("verify.recompute.place_input")
    );
    assert_eq!(difference_place("/result/lines/x"), None);
    assert_eq!(difference_place("/result/months/0"), None);
    for key in [
        "verify.recompute.place_total",
        "verify.recompute.place_line",
        "verify.recompute.place_input",
        "plan_doc.allocated",
    ] {
        assert!(has(key), "{key}");
    }
}

#[test]
fn file_stems_keep_non_ascii_letters_and_replace_reserved_characters() {
    assert_eq!(safe_file_stem("Ģimene/Žanis: «1»"), "Ģimene_Žanis__«1»");
    assert_eq!(safe_file_stem("a\tb c"), "a_b_c");
}
