//! Signing and verifying: round trips, proof sets, tampering anywhere, malformed proofs,
//! `@context` handling, and arbitrary JSON never causing a panic.

use ib_planner::engine::integrity::{
    add_proof, add_proof_in_place, verify_document, IntegrityError, KeyPair, ProofOptions,
    ProofStatus, VerificationReport,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const CREATED: &str = "2025-03-01T10:00:00Z";

fn key(n: u8) -> KeyPair {
    KeyPair::from_seed(&[n; 32])
}

fn plan_like() -> Value {
    json!({
        "schema": "ib-plan/1",
        "child": {"id": "B-0042", "birth": "2017-05", "municipality": "Cēsu novads"},
        "settings": {"budget": "1500.00", "months": 6, "weights": {"expert": 0.6, "parent": 0.4}, "policy": "fill"},
        "services": [
            {"code": "S01", "name": "Fizioterapija", "quantity": 12, "price": "25.00", "rank": 1},
            {"code": "S07", "name": "Logopēds", "quantity": 10, "price": "30.00", "rank": 2, "capped": false},
            {"code": "S12", "name": "Aukle", "quantity": 40, "price": "8.50", "rank": 3, "note": null}
        ],
        "result": {"total": "1280.00", "unmet": [], "lines": [[1, "300.00"], [2, "300.00"]]}
    })
}

fn sign(doc: &Value, key: &KeyPair) -> Value {
    sign_with(doc, key, &ProofOptions::new(CREATED))
}

fn sign_with(doc: &Value, key: &KeyPair, options: &ProofOptions) -> Value {
    match add_proof(doc, key, options) {
        Ok(signed) => signed,
        Err(e) => panic!("signing failed: {e}"),
    }
}

fn verify(doc: &Value) -> VerificationReport {
    match verify_document(doc) {
        Ok(report) => report,
        Err(e) => panic!("verification refused the document: {e}"),
    }
}

fn statuses(doc: &Value) -> Vec<ProofStatus> {
    verify(doc).proofs.iter().map(|p| p.status).collect()
}

#[test]
fn sign_then_verify_round_trips_with_key_purpose_and_time() {
    let signer = key(1);
    let options = ProofOptions::new(CREATED).with_purpose("authentication");
    let signed = sign_with(&plan_like(), &signer, &options);
    assert!(
        signed["proof"].is_object(),
        "a first proof is a single object"
    );
    let report = verify(&signed);
    assert!(report.is_verified(), "{report:?}");
    let proof = &report.proofs[0];
    assert_eq!(proof.key, Some(signer.public_key_multibase()));
    assert_eq!(proof.fingerprint, Some(signer.fingerprint()));
    assert_eq!(proof.purpose.as_deref(), Some("authentication"));
    assert_eq!(proof.created.as_deref(), Some(CREATED));
    assert_eq!(proof.error, None);
}

#[test]
fn a_document_without_proofs_is_not_verified() {
    let report = verify(&plan_like());
    assert!(report.proofs.is_empty());
    assert!(!report.is_verified());
    assert!(verify(&json!({"proof": []})).proofs.is_empty());
}

#[test]
fn signing_is_deterministic() {
    let a = sign(&plan_like(), &key(1));
    let b = sign(&plan_like(), &key(1));
    assert_eq!(a, b);
}

#[test]
fn created_may_be_left_out() {
    let options = ProofOptions {
        created: None,
        proof_purpose: "assertionMethod".into(),
    };
    let signed = sign_with(&plan_like(), &key(1), &options);
    assert!(signed["proof"].get("created").is_none());
    assert!(verify(&signed).is_verified());
}

#[test]
fn three_signers_form_a_proof_set_and_each_verifies_on_its_own() {
    let (parent, social_worker, specialist) = (key(1), key(2), key(3));
    let once = sign(&plan_like(), &parent);
    let twice = sign(&once, &social_worker);
    let thrice = sign(&twice, &specialist);
    let proofs = thrice["proof"].as_array().cloned().unwrap_or_default();
    assert_eq!(proofs.len(), 3);
    let report = verify(&thrice);
    assert!(report.is_verified(), "{report:?}");
    let keys: Vec<_> = report.proofs.iter().filter_map(|p| p.key.clone()).collect();
    assert_eq!(
        keys,
        [&parent, &social_worker, &specialist].map(|k| k.public_key_multibase())
    );
    // Independent: each proof alone verifies on the bare document, in any order.
    for proof in &proofs {
        let mut alone = plan_like();
        alone["proof"] = proof.clone();
        assert_eq!(statuses(&alone), [ProofStatus::Valid]);
    }
    let mut reversed = plan_like();
    reversed["proof"] = Value::Array(proofs.iter().rev().cloned().collect());
    assert!(verify(&reversed).is_verified());
    // One broken proof does not hide the others' validity.
    let mut one_broken = thrice.clone();
    one_broken["proof"][1]["created"] = json!("2025-03-02T10:00:00Z");
    assert_eq!(
        statuses(&one_broken),
        [ProofStatus::Valid, ProofStatus::Invalid, ProofStatus::Valid]
    );
    assert!(!verify(&one_broken).is_verified());
}

/// Every JSON pointer to a value inside `value` (objects and arrays included).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (name, child) in map {
                let token = name.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn changed(value: &Value) -> Value {
    match value {
        Value::Null => json!(0),
        Value::Bool(b) => json!(!b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => json!(i + 1),
            None => json!(n.as_f64().unwrap_or_default() + 0.5),
        },
        Value::String(s) if s.is_empty() => json!("x"),
        // A change of one character in the middle, e.g. a price's cent.
        Value::String(s) => {
            let mut chars: Vec<char> = s.chars().collect();
            let middle = chars.len() / 2;
            chars[middle] = if chars[middle] == '1' { '2' } else { '1' };
            json!(chars.into_iter().collect::<String>())
        }
        Value::Array(items) => {
            let mut items = items.clone();
            items.push(Value::Null);
            Value::Array(items)
        }
        Value::Object(map) => {
            let mut map = map.clone();
            map.insert("added".into(), json!(true));
            Value::Object(map)
        }
    }
}

#[test]
fn changing_any_value_anywhere_invalidates_every_proof() {
    let signed = sign(&sign(&plan_like(), &key(1)), &key(2));
    let mut paths = Vec::new();
    pointers(&plan_like(), String::new(), &mut paths);
    paths.retain(|p| !p.is_empty());
    assert!(paths.len() > 30, "{}", paths.len());
    for path in paths {
        let mut tampered = signed.clone();
        let Some(target) = tampered.pointer_mut(&path) else {
            panic!("{path} not found");
        };
        *target = changed(target);
        assert_eq!(
            statuses(&tampered),
            [ProofStatus::Invalid, ProofStatus::Invalid],
            "changing {path} went unnoticed"
        );
        let report = verify(&tampered);
        assert_eq!(
            report.proofs[0].error,
            Some("integrity.proof.signature_mismatch")
        );
    }
}

#[test]
fn adding_removing_or_renaming_members_invalidates() {
    let signed = sign(&plan_like(), &key(1));
    let mut added = signed.clone();
    added["extra"] = json!("x");
    let mut removed = signed.clone();
    if let Some(map) = removed["result"].as_object_mut() {
        map.remove("unmet");
    }
    let mut renamed = signed.clone();
    if let Some(map) = renamed["child"].as_object_mut() {
        if let Some(v) = map.remove("birth") {
            map.insert("birthMonth".into(), v);
        }
    }
    let mut reordered = signed.clone();
    if let Some(items) = reordered["services"].as_array_mut() {
        items.swap(0, 1);
    }
    for doc in [added, removed, renamed, reordered] {
        assert_eq!(statuses(&doc), [ProofStatus::Invalid]);
    }
}

#[test]
fn reformatting_and_reordering_keys_keeps_proofs_valid() {
    // JCS makes the signature independent of whitespace and member order.
    let signed = sign(&plan_like(), &key(1));
    let pretty = serde_json::to_string_pretty(&signed).unwrap_or_default();
    let reparsed: Value = serde_json::from_str(&pretty).unwrap_or_default();
    assert!(verify(&reparsed).is_verified());
    let number_spelling: Value =
        serde_json::from_str(&pretty.replace("\"months\": 6", "\"months\": 6.0e0"))
            .unwrap_or_default();
    assert!(verify(&number_spelling).is_verified());
}

#[test]
fn changing_the_proof_itself_invalidates() {
    let signed = sign(&plan_like(), &key(1));
    let edits = [
        ("created", json!("2025-03-01T10:00:01Z")),
        ("proofPurpose", json!("authentication")),
        ("extra", json!("x")),
    ];
    for (field, value) in edits {
        let mut doc = signed.clone();
        doc["proof"][field] = value;
        let report = verify(&doc);
        assert_eq!(report.proofs[0].status, ProofStatus::Invalid, "{field}");
        assert_eq!(
            report.proofs[0].error,
            Some("integrity.proof.signature_mismatch")
        );
    }
    // Another signer's key with this signature.
    let mut doc = signed.clone();
    doc["proof"]["verificationMethod"] = json!(key(2).verification_method());
    assert_eq!(statuses(&doc), [ProofStatus::Invalid]);
    // A flipped signature character.
    let mut doc = signed.clone();
    let value = doc["proof"]["proofValue"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let flipped: String = value
        .char_indices()
        .map(|(i, c)| {
            if i == 10 {
                if c == 'A' {
                    'B'
                } else {
                    'A'
                }
            } else {
                c
            }
        })
        .collect();
    doc["proof"]["proofValue"] = json!(flipped);
    assert_eq!(statuses(&doc), [ProofStatus::Invalid]);
}

fn error_of(proof: Value) -> (ProofStatus, Option<&'static str>) {
    let mut doc = plan_like();
    doc["proof"] = proof;
    let report = verify(&doc);
    assert_eq!(report.proofs.len(), 1);
    (report.proofs[0].status, report.proofs[0].error)
}

#[test]
fn malformed_proofs_are_reported_not_panicked_on() {
    use ProofStatus::{Invalid, Unsupported};
    let good = sign(&plan_like(), &key(1))["proof"].clone();
    let with = |field: &str, value: Value| {
        let mut proof = good.clone();
        proof[field] = value;
        proof
    };
    let without = |field: &str| {
        let mut proof = good.clone();
        if let Some(map) = proof.as_object_mut() {
            map.remove(field);
        }
        proof
    };
    let cases: Vec<(Value, ProofStatus, &str)> = vec![
        (json!("a string"), Invalid, "integrity.proof.not_object"),
        (json!(42), Invalid, "integrity.proof.not_object"),
        (json!(null), Invalid, "integrity.proof.not_object"),
        (without("type"), Invalid, "integrity.proof.missing_field"),
        (
            without("cryptosuite"),
            Invalid,
            "integrity.proof.missing_field",
        ),
        (
            without("verificationMethod"),
            Invalid,
            "integrity.proof.missing_field",
        ),
        (
            without("proofPurpose"),
            Invalid,
            "integrity.proof.missing_field",
        ),
        (
            without("proofValue"),
            Invalid,
            "integrity.proof.missing_field",
        ),
        (
            with("type", json!(["DataIntegrityProof"])),
            Invalid,
            "integrity.proof.field_not_string",
        ),
        (
            with("proofValue", json!(12)),
            Invalid,
            "integrity.proof.field_not_string",
        ),
        (
            with("type", json!("Ed25519Signature2020")),
            Unsupported,
            "integrity.proof.unknown_type",
        ),
        (
            with("cryptosuite", json!("eddsa-rdfc-2022")),
            Unsupported,
            "integrity.proof.unknown_cryptosuite",
        ),
        (
            with("previousProof", json!("urn:uuid:1")),
            Unsupported,
            "integrity.proof.chain_unsupported",
        ),
        (
            with("verificationMethod", json!("https://example.org/keys#1")),
            Unsupported,
            "integrity.proof.method_not_did_key",
        ),
        (
            with(
                "verificationMethod",
                json!(format!(
                    "did:key:{}#{}",
                    key(1).public_key_multibase(),
                    key(2).public_key_multibase()
                )),
            ),
            Invalid,
            "integrity.proof.method_mismatch",
        ),
        (
            with(
                "verificationMethod",
                json!(format!(
                    "did:key:z{}",
                    bs58::encode([0xed, 0x01, 1, 2, 3]).into_string()
                )),
            ),
            Invalid,
            "integrity.key.wrong_length",
        ),
        (
            with(
                "verificationMethod",
                json!("did:key:6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"),
            ),
            Invalid,
            "integrity.key.not_base58btc",
        ),
        (
            with("verificationMethod", json!("did:key:z0OIl")),
            Invalid,
            "integrity.key.bad_base58",
        ),
        (
            with(
                "verificationMethod",
                json!(format!("did:key:{}", key(1).secret_key_multibase())),
            ),
            Invalid,
            "integrity.key.wrong_multicodec",
        ),
        (
            with("created", json!("2025-02-30T10:00:00Z")),
            Invalid,
            "integrity.proof.bad_created",
        ),
        (
            with("created", json!("today")),
            Invalid,
            "integrity.proof.bad_created",
        ),
        (
            with("proofValue", json!("")),
            Invalid,
            "integrity.proof.bad_proof_value",
        ),
        (
            with("proofValue", json!("uAAAA")),
            Invalid,
            "integrity.proof.bad_proof_value",
        ),
        (
            with("proofValue", json!("z0OIl")),
            Invalid,
            "integrity.proof.bad_proof_value",
        ),
        (
            with("proofValue", json!("z2Hn")),
            Invalid,
            "integrity.proof.bad_signature_length",
        ),
        (
            with("proofValue", json!(format!("z{}", "2".repeat(10_000)))),
            Invalid,
            "integrity.proof.bad_signature_length",
        ),
        (
            with("@context", json!("https://www.w3.org/ns/credentials/v2")),
            Invalid,
            "integrity.proof.context_mismatch",
        ),
    ];
    for (proof, status, error) in cases {
        let shown = proof.to_string();
        assert_eq!(error_of(proof), (status, Some(error)), "{:.120}", shown);
    }
    // A key that is 32 bytes but not a curve point.
    let not_a_point = ib_planner::engine::integrity::encode_public_key(&[0xff; 32]);
    let (status, error) = error_of(with(
        "verificationMethod",
        json!(format!("did:key:{not_a_point}")),
    ));
    assert_eq!(status, Invalid);
    assert!(
        matches!(
            error,
            Some("integrity.key.not_on_curve") | Some("integrity.proof.signature_mismatch")
        ),
        "{error:?}"
    );
}

#[test]
fn a_did_key_without_fragment_is_accepted() {
    use ed25519_dalek::Signer;
    // Sign by hand a configuration whose method is the bare `did:key:<pk>`.
    let seed = [4u8; 32];
    let public = KeyPair::from_seed(&seed).public_key_multibase();
    let mut proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": CREATED,
        "verificationMethod": format!("did:key:{public}"),
        "proofPurpose": "assertionMethod",
    });
    let hash = ib_planner::engine::integrity::hash_data(&plan_like(), &proof);
    let Ok(hash) = hash else {
        panic!("hashing failed");
    };
    let signature = ed25519_dalek::SigningKey::from_bytes(&seed).sign(&hash);
    proof["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
    let mut doc = plan_like();
    doc["proof"] = proof;
    let report = verify(&doc);
    assert!(report.is_verified(), "{report:?}");
    assert_eq!(report.proofs[0].key, Some(public));
}

#[test]
fn documents_that_are_not_objects_are_refused() {
    for doc in [json!([]), json!("x"), json!(null), json!(1)] {
        assert_eq!(
            verify_document(&doc).err(),
            Some(IntegrityError::DocumentNotObject)
        );
        assert_eq!(
            add_proof(&doc, &key(1), &ProofOptions::new(CREATED)).err(),
            Some(IntegrityError::DocumentNotObject)
        );
    }
}

#[test]
fn bad_options_and_bad_proof_members_are_refused_when_signing() {
    let doc = plan_like();
    let bad_created = ProofOptions::new("2025-03-01 10:00");
    assert!(matches!(
        add_proof(&doc, &key(1), &bad_created),
        Err(IntegrityError::BadCreated { .. })
    ));
    for purpose in ["", "assertion method", "a\nb"] {
        let options = ProofOptions::new(CREATED).with_purpose(purpose);
        assert!(matches!(
            add_proof(&doc, &key(1), &options),
            Err(IntegrityError::BadPurpose { .. })
        ));
    }
    for proof in [json!("x"), json!([{"a": 1}, 2])] {
        let mut doc = plan_like();
        doc["proof"] = proof;
        assert_eq!(
            add_proof(&doc, &key(1), &ProofOptions::new(CREATED)).err(),
            Some(IntegrityError::ExistingProofMalformed)
        );
        let before = doc.clone();
        assert_eq!(
            add_proof_in_place(&mut doc, &key(1), &ProofOptions::new(CREATED)),
            Err(IntegrityError::ExistingProofMalformed)
        );
        assert_eq!(
            doc, before,
            "a failed in-place signing changed the document"
        );
    }
}

#[test]
fn context_is_copied_into_the_proof_and_checked() {
    let contexts = [
        "https://www.w3.org/ns/credentials/v2",
        "https://example.org/ib/v1",
    ];
    let mut doc = plan_like();
    doc["@context"] = json!(contexts);
    let signed = sign(&doc, &key(1));
    assert_eq!(signed["proof"]["@context"], json!(contexts));
    assert!(verify(&signed).is_verified());

    // Changing a context entry breaks the proof.
    let mut changed = signed.clone();
    changed["@context"][1] = json!("https://example.org/ib/v2");
    assert_eq!(
        verify(&changed).proofs[0].error,
        Some("integrity.proof.context_mismatch")
    );
    // So does removing the document's context.
    let mut removed = signed.clone();
    if let Some(map) = removed.as_object_mut() {
        map.remove("@context");
    }
    assert_eq!(statuses(&removed), [ProofStatus::Invalid]);
    // The spec lets later contexts be appended after the proof's: the proof's own
    // context stands in for the document's when hashing.
    let mut appended = signed.clone();
    if let Some(items) = appended["@context"].as_array_mut() {
        items.push(json!("https://example.org/extra/v1"));
    }
    assert!(verify(&appended).is_verified());
    // A proof whose @context was removed still verifies: the document's context goes
    // into the proof configuration as it did when signing.
    let mut stripped = signed.clone();
    if let Some(map) = stripped["proof"].as_object_mut() {
        map.remove("@context");
    }
    assert!(verify(&stripped).is_verified());
    // A single-string context works too.
    let mut single = plan_like();
    single["@context"] = json!("https://www.w3.org/ns/credentials/v2");
    assert!(verify(&sign(&single, &key(2))).is_verified());
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("DataIntegrityProof"),
            Just("eddsa-jcs-2022"),
            Just("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"),
            Just("z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"),
            Just("2023-02-24T23:36:38Z"),
        ]
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("type".to_string()),
                    Just("cryptosuite".to_string()),
                    Just("verificationMethod".to_string()),
                    Just("proofValue".to_string()),
                    Just("proofPurpose".to_string()),
                    Just("created".to_string()),
                    Just("@context".to_string()),
                    Just("proof".to_string()),
                    "[a-z]{1,4}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_json_never_panics_and_never_verifies(doc in arbitrary_json(), proof in arbitrary_json()) {
        let _ = verify_document(&doc);
        let mut with_proof = serde_json::Map::new();
        with_proof.insert("body".into(), doc.clone());
        with_proof.insert("proof".into(), proof);
        let with_proof = Value::Object(with_proof);
        let report = verify_document(&with_proof);
        prop_assert!(report.is_ok());
        prop_assert!(!report.map(|r| r.is_verified()).unwrap_or(true));
        // Signing any object works and verifies.
        if doc.is_object() {
            let signed = add_proof(&doc, &key(7), &ProofOptions::new(CREATED));
            if let Ok(signed) = signed {
                prop_assert!(verify(&signed).proofs.last().map(|p| p.status) == Some(ProofStatus::Valid));
            }
        }
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-(1i64 << 54)..(1i64 << 54)).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        (-1e6f64..1e6).prop_map(|f| json!((f * 100.0).round() / 100.0)),
        any::<String>().prop_map(Value::String),
        "[\\u{0}-\\u{20}\"\\\\a\\u{7f}\\u{e000}\\u{ffff}\\u{10000}\\u{1f600}]{0,6}"
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    any::<String>(),
                    "[a\\u{e9}\\u{e000}\\u{fffd}\\u{10000}\\u{1f600}]{0,3}",
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The engine's own JCS writer (fast on big plans) agrees with the reference crate
    /// on arbitrary JSON: key order by UTF-16 units, escapes, ECMAScript numbers.
    #[test]
    fn canonical_form_matches_the_reference_crate(value in any_json()) {
        let ours = ib_planner::engine::integrity::canonicalize(&value);
        let reference = serde_json_canonicalizer::to_string(&value);
        prop_assert_eq!(ours.ok(), reference.ok());
    }
}

#[test]
fn hostile_documents_and_proofs_are_handled() {
    // Numbers with 40 digits (parsed as doubles), a 10 MB string, deep nesting.
    let big_number: Value =
        serde_json::from_str(r#"{"n": 1234567890123456789012345678901234567890, "m": -0.0}"#)
            .unwrap_or_default();
    let huge_text = json!({ "note": "ž\"\n".repeat(3_500_000) });
    let depth = 120;
    let nested_text = format!("{{\"deep\": {}0{}}}", "[".repeat(depth), "]".repeat(depth));
    let nested: Value = serde_json::from_str(&nested_text).unwrap_or_default();
    assert!(nested.is_object(), "the nested document did not parse");
    for doc in [big_number, huge_text, nested] {
        let signed = sign(&doc, &key(5));
        assert!(verify(&signed).is_verified());
    }

    // Huge values inside a proof are refused early, by their length.
    let good = sign(&plan_like(), &key(1))["proof"].clone();
    let mut proof = good.clone();
    proof["proofValue"] = json!(format!("z{}", "5".repeat(10_000_000)));
    assert_eq!(
        error_of(proof),
        (
            ProofStatus::Invalid,
            Some("integrity.proof.bad_signature_length")
        )
    );
    let mut proof = good.clone();
    proof["verificationMethod"] = json!(format!("did:key:z{}", "5".repeat(10_000_000)));
    assert_eq!(
        error_of(proof),
        (ProofStatus::Invalid, Some("integrity.key.wrong_length"))
    );
    // A proof set of junk entries is reported entry by entry, up to the limit of 50;
    // a larger one is refused whole, with its size, before any entry is looked at.
    let mut doc = plan_like();
    doc["proof"] = Value::Array(vec![json!(1); 50]);
    assert_eq!(verify(&doc).count(ProofStatus::Invalid), 50);
    doc["proof"] = Value::Array(vec![json!(1); 1000]);
    assert_eq!(
        verify_document(&doc).err(),
        Some(IntegrityError::TooManyProofs {
            count: 1000,
            max: 50
        })
    );
}
