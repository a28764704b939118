//! Signatures: W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite, Ed25519
//! keys as Multikey strings, did:key verification methods, and proof sets.
//!
//! Pure like the rest of the engine: the key seed and the `created` time come in as
//! arguments, so the same code runs natively (CLI, tests) and in the browser.
//!
//! - [`KeyPair`] builds a key from a 32-byte seed and reads/writes Multikey key files;
//! - [`add_proof`] signs any JSON object, adding to its proof set;
//! - [`verify_document`] reports on every proof ([`ProofReport`]): valid, invalid or
//!   unsupported, with the key, a short [`fingerprint`], the purpose and the time;
//! - [`messages`] lists every catalogue key this module can emit.
//!
//! Re-running the planner on a signed plan is separate (`crate::engine::plan`), since a
//! valid signature over a wrong plan is still a wrong plan.

mod datetime;
mod error;
mod jcs;
// The canonical form in steps, for ProofSetCheck (issue 12, item 4).
mod jcs_steps;
mod multikey;
mod proof;

pub use datetime::{format_unix_utc, instant_nanos, is_date_time_stamp};
pub use error::IntegrityError;
pub use multikey::{
    encode_public_key, encode_secret_key, fingerprint, method_key, parse_public_key,
    parse_secret_key, verification_method, KeyPair, MethodKey, ED25519_PRIV_PREFIX,
    ED25519_PUB_PREFIX,
};
pub use proof::{
    add_proof, add_proof_in_place, canonical_document, canonicalize, create_proof, hash_data,
    proof_configuration, verify_document, ProofOptions, ProofReport, ProofSetCheck, ProofStatus,
    VerificationReport, CRYPTOSUITE, DEFAULT_PURPOSE, HASH_SLICE_BYTES, MAX_PROOFS, PROOF_TYPE,
};

/// Every message key this module can put in an [`IntegrityError`] or a [`ProofReport`],
/// plus the recomputation and summary keys the verifier's callers show. A test checks
/// that each one is in the catalogue.
pub mod messages {
    /// Status and summary keys.
    pub const STATUS: &[&str] = &[
        "integrity.status.valid",
        "integrity.status.invalid",
        "integrity.status.unsupported",
        "integrity.report.no_proofs",
        "integrity.report.verified",
        "integrity.report.not_verified",
        "integrity.report.proof_line",
        "integrity.recompute.matches",
        "integrity.recompute.differs",
        "integrity.recompute.not_a_plan",
        "integrity.recompute.unsupported_schema",
        "integrity.recompute.invalid",
    ];

    /// Error keys of [`super::IntegrityError`] and of proof reports.
    pub const ERRORS: &[&str] = &[
        "integrity.document.not_object",
        "integrity.document.bad_proof_member",
        "integrity.document.canonicalization",
        "integrity.document.too_many_proofs",
        "integrity.document.proof_set_full",
        "integrity.key.not_base58btc",
        "integrity.key.bad_base58",
        "integrity.key.wrong_multicodec",
        "integrity.key.wrong_length",
        "integrity.key.not_on_curve",
        "integrity.keyfile.not_object",
        "integrity.keyfile.missing_secret",
        "integrity.keyfile.field_not_string",
        "integrity.keyfile.public_mismatch",
        "integrity.proof.bad_created",
        "integrity.proof.bad_purpose",
        "integrity.proof.not_object",
        "integrity.proof.field_not_string",
        "integrity.proof.missing_field",
        "integrity.proof.unknown_type",
        "integrity.proof.unknown_cryptosuite",
        "integrity.proof.chain_unsupported",
        "integrity.proof.method_not_did_key",
        "integrity.proof.method_mismatch",
        "integrity.proof.bad_proof_value",
        "integrity.proof.bad_signature_length",
        "integrity.proof.context_mismatch",
        "integrity.proof.signature_mismatch",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_key_is_in_the_catalogue() {
        for key in messages::STATUS.iter().chain(messages::ERRORS) {
            assert!(crate::i18n::has(key), "{key} is missing from the catalogue");
        }
    }

    #[test]
    fn every_error_variant_key_is_listed() {
        let samples = [
            IntegrityError::DocumentNotObject,
            IntegrityError::ExistingProofMalformed,
            IntegrityError::KeyNotBase58btc { field: "f".into() },
            IntegrityError::KeyBadBase58 { field: "f".into() },
            IntegrityError::KeyWrongMulticodec {
                field: "f".into(),
                expected: "ed25519-pub",
                found: "x".into(),
            },
            IntegrityError::KeyWrongLength {
                field: "f".into(),
                found: 1,
            },
            IntegrityError::KeyNotOnCurve { field: "f".into() },
            IntegrityError::KeyFileNotObject,
            IntegrityError::KeyFileMissingSecret,
            IntegrityError::KeyFileFieldNotString { field: "f".into() },
            IntegrityError::KeyFilePublicMismatch,
            IntegrityError::BadCreated { value: "v".into() },
            IntegrityError::BadPurpose { value: "v".into() },
            IntegrityError::Canonicalization { reason: "r".into() },
            IntegrityError::TooManyProofs { count: 51, max: 50 },
            IntegrityError::ProofSetFull { max: 50 },
        ];
        for error in samples {
            assert!(messages::ERRORS.contains(&error.key()), "{}", error.key());
            // Every parameter the error fills is a placeholder of its English message.
            let text = crate::i18n::t(crate::i18n::Lang::En, error.key());
            for (name, _) in error.params() {
                assert!(
                    text.contains(&format!("{{{name}}}")),
                    "{} lacks {{{name}}}",
                    error.key()
                );
            }
        }
    }

    #[test]
    fn report_keys_are_listed_for_malformed_proofs() {
        let key = KeyPair::from_seed(&[1; 32]);
        let signed = add_proof(
            &json!({"a": 1}),
            &key,
            &ProofOptions::new("2025-01-01T00:00:00Z"),
        );
        let Ok(Value::Object(signed)) = signed else {
            panic!("signing failed");
        };
        let Some(proof) = signed.get("proof").cloned() else {
            panic!("no proof");
        };
        let variants = [
            json!("text"),
            json!({"type": 1}),
            json!({"cryptosuite": "eddsa-jcs-2022"}),
            json!({"type": "Ed25519Signature2020"}),
            json!({"type": "DataIntegrityProof", "cryptosuite": "ecdsa-rdfc-2019"}),
            json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "previousProof": "x"}),
            json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "verificationMethod": "https://x"}),
            merged(&proof, "proofValue", json!("abc")),
            merged(&proof, "proofValue", json!("z1111")),
            merged(&proof, "created", json!("yesterday")),
            merged(&proof, "@context", json!(["https://other.example"])),
            merged(&proof, "proofPurpose", json!("authentication")),
        ];
        for variant in variants {
            let mut doc = signed.clone();
            doc.insert("proof".into(), variant);
            let report = verify_document(&Value::Object(doc));
            let Ok(report) = report else {
                panic!("document rejected");
            };
            for proof in &report.proofs {
                let error = proof.error.unwrap_or("none");
                assert!(messages::ERRORS.contains(&error), "{error}");
                let text = crate::i18n::t(crate::i18n::Lang::En, error);
                for name in proof.error_params.keys() {
                    assert!(
                        text.contains(&format!("{{{name}}}")),
                        "{error} lacks {{{name}}}"
                    );
                }
            }
        }
    }

    fn merged(proof: &Value, field: &str, value: Value) -> Value {
        let mut proof = proof.clone();
        if let Some(object) = proof.as_object_mut() {
            object.insert(field.into(), value);
        }
        proof
    }

    use serde_json::Value;
}
