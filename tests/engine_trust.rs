//! The trust list (`engine::trust`): validation, its own signature, and every verdict of
//! verification under it — a tamper table, duplicate and missing proofs, a forged price
//! list, expired and revoked signers, the signing rule complete and incomplete.

use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{add_proof, KeyPair, ProofOptions};
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::trust::{
    load_trust_list, read_trust_list, value_digest, verify_with_trust, PriceListStatus, TrustList,
    TrustVerdict, MESSAGES,
};
use ib_planner::i18n::{t, tf, Lang, MISSING};
use serde_json::{json, Value};

const WHEN: &str = "2026-03-02T10:00:00Z";

fn key(seed: u8) -> KeyPair {
    KeyPair::from_seed(&[seed; 32])
}

fn did(seed: u8) -> String {
    format!("did:key:{}", key(seed).public_key_multibase())
}

const HEAD: u8 = 1;
const WORKER: u8 = 2;
const PHYSICIAN: u8 = 3;
const PARENT: u8 = 4;
const EXPIRED: u8 = 5;
const REVOKED: u8 = 6;
const STRANGER: u8 = 9;

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).expect("the example plans")
}

fn signer(seed: u8, name: &str, role: &str) -> Value {
    json!({"id": did(seed), "name": name, "role": role, "validFrom": "2026-01-01T00:00:00Z"})
}

/// The unsigned trust list: every kind of signer, the example's price list official.
fn list_json() -> Value {
    let mut expired = signer(EXPIRED, "Ilze Vecā", "social_worker");
    expired["validUntil"] = json!("2026-02-01T00:00:00+02:00");
    let mut revoked = signer(REVOKED, "Jānis Atsauktais", "rehab_physician");
    revoked["revokedFrom"] = json!("2026-03-01T00:00:00Z");
    let price_list = &plan()["priceList"];
    json!({
        "schema": "ib-trust/1",
        "issuer": "Daugavpils valstspilsētas pašvaldības Sociālais dienests",
        "signers": [
            signer(HEAD, "Inese Vadītāja", "social_service_head"),
            signer(WORKER, "Anna Bērziņa", "social_worker"),
            signer(PHYSICIAN, "Dr. Pēteris Kalniņš", "rehab_physician"),
            signer(PARENT, "Līga Ozola", "legal_representative"),
            expired,
            revoked,
        ],
        "priceLists": [{
            "version": price_list["version"],
            "effectiveDate": price_list["effectiveDate"],
            "digest": value_digest(price_list).unwrap(),
        }],
        "rule": {"roles": ["social_worker", "rehab_physician", "legal_representative"]},
    })
}

fn sign(doc: &Value, seed: u8, created: &str) -> Value {
    add_proof(doc, &key(seed), &ProofOptions::new(created)).expect("signs")
}

fn signed_list() -> Value {
    sign(&list_json(), HEAD, "2026-01-02T09:00:00Z")
}

fn list() -> TrustList {
    load_trust_list(&signed_list(), None)
        .expect("the list loads")
        .0
}

/// The example plan signed by each seed in turn at `WHEN`.
fn signed_by(seeds: &[u8]) -> Value {
    seeds
        .iter()
        .fold(plan(), |doc, seed| sign(&doc, *seed, WHEN))
}

fn verdicts(doc: &Value) -> Vec<TrustVerdict> {
    verify_with_trust(doc, &list())
        .unwrap()
        .proofs
        .iter()
        .map(|p| p.verdict)
        .collect()
}

#[test]
fn the_whole_team_on_the_official_price_list_is_valid() {
    let report = verify_with_trust(&signed_by(&[WORKER, PHYSICIAN, PARENT]), &list()).unwrap();
    assert!(report.valid, "{report:#?}");
    assert!(report
        .proofs
        .iter()
        .all(|p| p.verdict == TrustVerdict::Trusted));
    assert_eq!(report.proofs[0].name.as_deref(), Some("Anna Bērziņa"));
    assert_eq!(report.proofs[1].role.as_deref(), Some("rehab_physician"));
    let price = report.price_list.unwrap();
    assert_eq!(price.status, PriceListStatus::Official);
    assert_eq!(price.version.as_deref(), Some("2025.1"));
    assert!(report.rule.complete);
    assert!(report.rule.missing.is_empty());
}

#[test]
fn tamper_table_gives_each_verdict() {
    let team = [WORKER, PHYSICIAN, PARENT];
    let cases: Vec<(&str, Value, Vec<TrustVerdict>)> = vec![
        (
            "whole team",
            signed_by(&team),
            vec![TrustVerdict::Trusted; 3],
        ),
        (
            "a stranger's key",
            signed_by(&[WORKER, PHYSICIAN, PARENT, STRANGER]),
            vec![
                TrustVerdict::Trusted,
                TrustVerdict::Trusted,
                TrustVerdict::Trusted,
                TrustVerdict::UnknownKey,
            ],
        ),
        (
            "an expired signer",
            signed_by(&[EXPIRED, PHYSICIAN, PARENT]),
            vec![
                TrustVerdict::OutsideValidity,
                TrustVerdict::Trusted,
                TrustVerdict::Trusted,
            ],
        ),
        (
            "a revoked signer",
            signed_by(&[WORKER, REVOKED, PARENT]),
            vec![
                TrustVerdict::Trusted,
                TrustVerdict::Revoked,
                TrustVerdict::Trusted,
            ],
        ),
        (
            "a result changed after signing",
            {
                let mut doc = signed_by(&team);
                doc["result"]["totals"]["allocated"] = json!("1.00");
                doc
            },
            vec![TrustVerdict::Invalid; 3],
        ),
        (
            "one proof value changed",
            {
                let mut doc = signed_by(&team);
                let value = doc["proof"][1]["proofValue"].as_str().unwrap().to_string();
                let flipped = if value.ends_with('a') { "b" } else { "a" };
                doc["proof"][1]["proofValue"] =
                    json!(format!("{}{flipped}", &value[..value.len() - 1]));
                doc
            },
            vec![
                TrustVerdict::Trusted,
                TrustVerdict::Invalid,
                TrustVerdict::Trusted,
            ],
        ),
        (
            "a signature dated before the signer's validity",
            {
                let doc = sign(&plan(), WORKER, "2025-12-31T23:59:59Z");
                sign(&sign(&doc, PHYSICIAN, WHEN), PARENT, WHEN)
            },
            vec![
                TrustVerdict::OutsideValidity,
                TrustVerdict::Trusted,
                TrustVerdict::Trusted,
            ],
        ),
    ];
    for (name, doc, expected) in cases {
        let report = verify_with_trust(&doc, &list()).unwrap();
        let got: Vec<TrustVerdict> = report.proofs.iter().map(|p| p.verdict).collect();
        assert_eq!(got, expected, "{name}");
        let all_trusted = expected.iter().all(|v| *v == TrustVerdict::Trusted);
        assert_eq!(report.valid, all_trusted, "{name}");
        for proof in &report.proofs {
            let text = tf(
                Lang::En,
                proof.message_key,
                &proof
                    .params
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect::<Vec<_>>(),
            );
            assert!(!text.contains('{'), "{name}: {text}");
        }
    }
}

#[test]
fn a_revoked_key_still_counts_for_what_it_signed_before() {
    let doc = sign(
        &sign(
            &sign(&plan(), WORKER, WHEN),
            REVOKED,
            "2026-02-28T23:59:59Z",
        ),
        PARENT,
        WHEN,
    );
    assert_eq!(verdicts(&doc), vec![TrustVerdict::Trusted; 3]);
    assert!(verify_with_trust(&doc, &list()).unwrap().valid);
}

#[test]
fn a_proof_without_created_is_outside_validity() {
    let options = ProofOptions {
        created: None,
        proof_purpose: "assertionMethod".into(),
    };
    let doc = add_proof(&plan(), &key(WORKER), &options).unwrap();
    assert_eq!(verdicts(&doc), vec![TrustVerdict::OutsideValidity]);
}

#[test]
fn a_duplicated_proof_counts_once_and_a_missing_one_leaves_the_rule_incomplete() {
    let doc = signed_by(&[WORKER, PHYSICIAN]);
    let mut duplicated = doc.clone();
    let first = duplicated["proof"][0].clone();
    duplicated["proof"].as_array_mut().unwrap().push(first);
    let report = verify_with_trust(&duplicated, &list()).unwrap();
    assert_eq!(report.proofs[2].verdict, TrustVerdict::Duplicate);
    assert_eq!(report.proofs[2].duplicate_of, Some(0));
    assert_eq!(
        report.rule.missing,
        vec!["legal_representative".to_string()]
    );
    assert!(!report.rule.complete);
    assert!(!report.valid);

    // A full team with one proof duplicated is still valid: the copy counts once.
    let mut full = signed_by(&[WORKER, PHYSICIAN, PARENT]);
    let copy = full["proof"][2].clone();
    full["proof"].as_array_mut().unwrap().push(copy);
    let report = verify_with_trust(&full, &list()).unwrap();
    assert!(report.valid);
    assert_eq!(report.proofs.len(), 4);

    // Removing the physician's proof: the rule names what is missing.
    let mut removed = signed_by(&[WORKER, PHYSICIAN, PARENT]);
    removed["proof"].as_array_mut().unwrap().remove(1);
    let report = verify_with_trust(&removed, &list()).unwrap();
    assert_eq!(report.rule.missing, vec!["rehab_physician".to_string()]);
    assert!(!report.valid);
    let text = tf(
        Lang::En,
        report.rule.message_key,
        &[("missing", "rehab_physician")],
    );
    assert!(text.contains("missing rehab_physician"), "{text}");

    // No proof at all is not valid.
    let report = verify_with_trust(&plan(), &list()).unwrap();
    assert!(!report.valid);
    assert_eq!(report.rule.missing.len(), 3);
}

#[test]
fn two_proofs_by_one_key_are_flagged_and_count_once() {
    let doc = sign(
        &signed_by(&[WORKER, PHYSICIAN]),
        WORKER,
        "2026-03-03T08:00:00Z",
    );
    let report = verify_with_trust(&doc, &list()).unwrap();
    assert_eq!(report.proofs[2].verdict, TrustVerdict::Trusted);
    assert_eq!(report.proofs[2].same_key_as, Some(0));
    assert_eq!(report.proofs[0].same_key_as, None);
    assert!(!report.rule.complete);
}

#[test]
fn a_forged_price_list_is_rejected() {
    // The Why section of issue 13: a price lowered, a cap removed, the version kept,
    // recomputed and signed by the whole team.
    let mut case = example_case_json();
    let mut catalogue = plan()["priceList"].clone();
    catalogue["services"][0]["unitPrice"] = json!("1.00");
    if let Some(service) = catalogue["services"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s.get("caps").is_some())
    {
        service.as_object_mut().unwrap().remove("caps");
    }
    case["settings"]["budget"] = case["settings"]["budget"].clone();
    let forged =
        ib_planner::engine::plan::plan_with_catalogue(&case, &catalogue).expect("forged plan");
    assert_eq!(forged["priceList"]["version"], json!("2025.1"));
    assert_eq!(
        ib_planner::engine::plan::recompute_check(&forged),
        ib_planner::engine::plan::RecomputeOutcome::Matches
    );
    let doc = [WORKER, PHYSICIAN, PARENT]
        .iter()
        .fold(forged, |doc, seed| sign(&doc, *seed, WHEN));
    let report = verify_with_trust(&doc, &list()).unwrap();
    assert!(report
        .proofs
        .iter()
        .all(|p| p.verdict == TrustVerdict::Trusted));
    let price = report.price_list.clone().unwrap();
    assert_eq!(price.status, PriceListStatus::NotOfficial);
    assert_ne!(price.digest, price.official_digest);
    assert!(!report.valid);

    let mut renamed = doc.clone();
    renamed["priceList"]["version"] = json!("2099.9");
    let report = verify_with_trust(&renamed, &list()).unwrap();
    assert_eq!(
        report.price_list.unwrap().status,
        PriceListStatus::UnknownVersion
    );
    let mut missing = doc;
    missing.as_object_mut().unwrap().remove("priceList");
    let report = verify_with_trust(&missing, &list()).unwrap();
    assert_eq!(report.price_list.unwrap().status, PriceListStatus::Missing);
    assert!(!report.valid);
}

#[test]
fn the_list_must_be_signed_by_its_head_or_the_pinned_key() {
    let (list, by) = load_trust_list(&signed_list(), None).unwrap();
    assert_eq!(by.name.as_deref(), Some("Inese Vadītāja"));
    assert_eq!(by.role.as_deref(), Some("social_service_head"));
    assert!(!by.pinned);
    assert_eq!(list.signers.len(), 6);

    let unsigned = load_trust_list(&list_json(), None).unwrap_err();
    assert_eq!(unsigned[0].key, "problem.trust.unsigned");

    let by_worker = sign(&list_json(), WORKER, "2026-01-02T09:00:00Z");
    let problems = load_trust_list(&by_worker, None).unwrap_err();
    assert_eq!(problems[0].key, "problem.trust.not_signed_by_head");
    // … unless the worker's key is the one the verifier pins.
    let (_, by) = load_trust_list(&by_worker, Some(&did(WORKER))).unwrap();
    assert!(by.pinned);
    let problems = load_trust_list(&signed_list(), Some(&did(STRANGER))).unwrap_err();
    assert_eq!(problems[0].key, "problem.trust.not_signed_by_pinned");
    let problems = load_trust_list(&signed_list(), Some("nonsense")).unwrap_err();
    assert_eq!(problems[0].key, "problem.trust.not_did_key");

    // The head signing before their own validity does not count.
    let early = sign(&list_json(), HEAD, "2025-06-01T00:00:00Z");
    assert!(load_trust_list(&early, None).is_err());

    // A list changed after signing: a signer added.
    let mut changed = signed_list();
    changed["signers"]
        .as_array_mut()
        .unwrap()
        .push(signer(STRANGER, "Mallory", "social_worker"));
    let problems = load_trust_list(&changed, None).unwrap_err();
    assert_eq!(problems[0].key, "integrity.proof.signature_mismatch");
    assert_eq!(problems[0].path, "/proof");
}

#[test]
fn validation_names_each_problem_at_its_pointer() {
    let mut bad = list_json();
    bad["signers"][1]["id"] = json!("did:web:example.org");
    bad["signers"][2]["validFrom"] = json!("2026-01-01");
    bad["signers"][3]["role"] = json!("legal representative");
    bad["signers"][4]["validUntil"] = json!("2025-01-01T00:00:00Z");
    bad["signers"][5]["id"] = json!(did(HEAD));
    bad["priceLists"][0]["digest"] = json!("ABC");
    bad["rule"]["roles"] = json!(["social_worker", "social_worker"]);
    bad["extra"] = json!(1);
    let problems = read_trust_list(&bad).unwrap_err();
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.key.as_str()))
        .collect();
    for expected in [
        ("/extra", "problem.trust.unknown_field"),
        ("/signers/1/id", "problem.trust.not_did_key"),
        ("/signers/2/validFrom", "problem.trust.date_time"),
        ("/signers/3/role", "problem.code.malformed"),
        ("/signers/4/validUntil", "problem.trust.validity_order"),
        ("/signers/5/id", "problem.trust.signer_duplicate"),
        ("/priceLists/0/digest", "problem.trust.digest_malformed"),
        ("/rule/roles/1", "problem.trust.rule_duplicate"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
    for problem in &problems {
        assert_ne!(t(Lang::Lv, &problem.key), MISSING, "{}", problem.key);
    }

    let problems = read_trust_list(&json!({"schema": "ib-plan/1"})).unwrap_err();
    assert_eq!(problems[0].key, "problem.trust.schema");
    let mut empty_rule = list_json();
    empty_rule["rule"]["roles"] = json!([]);
    let problems = read_trust_list(&empty_rule).unwrap_err();
    assert_eq!(problems[0].key, "problem.trust.rule_empty");
}

#[test]
fn hostile_input_never_panics() {
    let base = signed_list();
    let replacements = [
        json!(null),
        json!(1),
        json!("x"),
        json!([]),
        json!({}),
        json!([null, 1, {}]),
        json!({"roles": null}),
        json!("2026-13-40T00:00:00Z"),
    ];
    let pointers = [
        "",
        "/schema",
        "/issuer",
        "/signers",
        "/signers/0",
        "/signers/0/id",
        "/signers/0/validFrom",
        "/signers/4/validUntil",
        "/priceLists",
        "/priceLists/0",
        "/priceLists/0/digest",
        "/rule",
        "/rule/roles",
        "/proof",
        "/proof/proofValue",
    ];
    for pointer in pointers {
        for replacement in &replacements {
            let mut doc = base.clone();
            match doc.pointer_mut(pointer) {
                Some(slot) => *slot = replacement.clone(),
                None => continue,
            }
            let _ = read_trust_list(&doc);
            let _ = load_trust_list(&doc, None);
            let _ = verify_with_trust(&doc, &list());
        }
    }
    // Plans with odd proofs and price lists.
    for replacement in &replacements {
        for member in ["proof", "priceList", "schema"] {
            let mut doc = signed_by(&[WORKER]);
            doc[member] = replacement.clone();
            let _ = verify_with_trust(&doc, &list());
        }
    }
}

#[test]
fn every_trust_message_has_both_languages() {
    for key in MESSAGES {
        assert_ne!(t(Lang::Lv, key), MISSING, "{key}");
        assert_ne!(t(Lang::En, key), MISSING, "{key}");
    }
}

#[test]
fn any_change_to_a_signed_plan_or_its_proofs_is_not_valid() {
    let doc = signed_by(&[WORKER, PHYSICIAN, PARENT]);
    assert!(verify_with_trust(&doc, &list()).unwrap().valid);
    for (pointer, value) in [
        ("/result/totals/allocated", json!("0.01")),
        ("/priceList/services/0/unitPrice", json!("0.01")),
        ("/priceList/version", json!("2025.2")),
        ("/case/child/id", json!("someone-else")),
        ("/proof/0/created", json!("2026-03-02T10:00:01Z")),
        (
            "/proof/1/verificationMethod",
            json!(format!("{}#x", did(PHYSICIAN))),
        ),
        ("/proof/2/proofPurpose", json!("authentication")),
    ] {
        let mut changed = doc.clone();
        *changed.pointer_mut(pointer).expect(pointer) = value;
        let report = verify_with_trust(&changed, &list()).unwrap();
        assert!(!report.valid, "{pointer}");
    }
}

#[test]
fn the_price_list_entry_is_the_digest_plans_are_checked_against() {
    use ib_planner::engine::reference::ReferenceData;
    use ib_planner::engine::trust::price_list_entry;
    let builtin = ReferenceData::builtin_catalogue_json().unwrap();
    let entry = price_list_entry(&builtin).unwrap();
    assert_eq!(entry.digest, value_digest(&plan()["priceList"]).unwrap());
    assert_eq!(entry.version, "2025.1");
    assert_eq!(entry.effective_date, "2025-07-01");
    assert_eq!(price_list_entry(&plan()).unwrap(), entry);
    // Written differently, the same prices: the same digest (amounts are normalised).
    let mut respelled = builtin.clone();
    let price = respelled["services"][0]["unitPrice"]
        .as_str()
        .unwrap()
        .to_string();
    respelled["services"][0]["unitPrice"] = json!(price.parse::<f64>().unwrap());
    assert_eq!(price_list_entry(&respelled).unwrap().digest, entry.digest);
    let mut changed = builtin;
    changed["services"][0]["unitPrice"] = json!("0.50");
    assert_ne!(price_list_entry(&changed).unwrap().digest, entry.digest);
    changed["currency"] = json!("USD");
    assert_eq!(price_list_entry(&changed).unwrap_err()[0].path, "/currency");
    let mut broken_plan = plan();
    broken_plan["priceList"]["currency"] = json!("USD");
    assert_eq!(
        price_list_entry(&broken_plan).unwrap_err()[0].path,
        "/priceList/currency"
    );
}
