//! The W3C eddsa-jcs-2022 test vectors, reproduced byte for byte: canonical document,
//! canonical proof configuration, their hashes, the combined hash, the signature (hex and
//! base58btc) and the signed document.
//!
//! The vectors are read from `tests/data/vectors/eddsa-jcs-2022/` (a copy kept in the
//! repository) and, when it exists beside the repository, from the shared original
//! `../shared/vectors/eddsa-jcs-2022/`; both copies must agree.

use std::path::{Path, PathBuf};

use ib_planner::engine::integrity::{
    add_proof, canonical_document, canonicalize, create_proof, hash_data, proof_configuration,
    verify_document, KeyPair, ProofOptions, ProofStatus,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

const FILES: &[&str] = &[
    "canonDocJCS.txt",
    "combinedHashJCS.txt",
    "docHashJCS.txt",
    "keyPair.json",
    "proofCanonJCS.txt",
    "proofConfigJCS.json",
    "proofHashJCS.txt",
    "sigBTC58JCS.txt",
    "sigHexJCS.txt",
    "signedJCS.json",
    "unsigned.json",
];

fn local_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/vectors/eddsa-jcs-2022")
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/eddsa-jcs-2022")
}

fn text(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => text.trim_end().to_string(),
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

fn json(dir: &Path, name: &str) -> Value {
    match serde_json::from_str(&text(dir, name)) {
        Ok(value) => value,
        Err(e) => panic!("{name} is not JSON: {e}"),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn vector_key(dir: &Path) -> KeyPair {
    match KeyPair::from_key_json(&json(dir, "keyPair.json")) {
        Ok(key) => key,
        Err(e) => panic!("the vector key does not parse: {e}"),
    }
}

fn vector_options(dir: &Path) -> ProofOptions {
    let config = json(dir, "proofConfigJCS.json");
    let created = config["created"].as_str().unwrap_or_default();
    let purpose = config["proofPurpose"].as_str().unwrap_or_default();
    ProofOptions::new(created).with_purpose(purpose)
}

fn check_vectors(dir: &Path) {
    let unsigned = json(dir, "unsigned.json");
    let key = vector_key(dir);
    let keys = json(dir, "keyPair.json");
    assert_eq!(
        Some(key.public_key_multibase().as_str()),
        keys["publicKeyMultibase"].as_str(),
        "public key derived from the vector's secret"
    );

    // Transformation: JCS of the unsigned document and its hash.
    let canonical = canonical_document(&unsigned).unwrap_or_default();
    assert_eq!(canonical, text(dir, "canonDocJCS.txt"));
    assert_eq!(sha256_hex(&canonical), text(dir, "docHashJCS.txt"));

    // Proof configuration: built from our key and options, equal to the vector's, and
    // canonicalized byte for byte.
    let options = vector_options(dir);
    let config = proof_configuration(&unsigned, &key, &options).unwrap_or_default();
    assert_eq!(
        Value::Object(config.clone()),
        json(dir, "proofConfigJCS.json")
    );
    let canonical_config = canonicalize(&Value::Object(config)).unwrap_or_default();
    assert_eq!(canonical_config, text(dir, "proofCanonJCS.txt"));
    assert_eq!(sha256_hex(&canonical_config), text(dir, "proofHashJCS.txt"));

    // hashData.
    let combined = hash_data(&unsigned, &json(dir, "proofConfigJCS.json"));
    assert_eq!(
        combined.map(|h| hex(&h)).ok(),
        Some(text(dir, "combinedHashJCS.txt"))
    );

    // The signature, in hex and in base58btc.
    let proof = create_proof(&unsigned, &key, &options).unwrap_or_default();
    let proof_value = proof["proofValue"].as_str().unwrap_or_default().to_string();
    assert_eq!(proof_value, text(dir, "sigBTC58JCS.txt"));
    let signature = bs58::decode(&proof_value[1..])
        .into_vec()
        .unwrap_or_default();
    assert_eq!(hex(&signature), text(dir, "sigHexJCS.txt"));

    // The signed document: equal as JSON and in canonical form.
    let signed = add_proof(&unsigned, &key, &options).unwrap_or_default();
    let expected = json(dir, "signedJCS.json");
    assert_eq!(signed, expected);
    assert_eq!(canonicalize(&signed).ok(), canonicalize(&expected).ok());

    // And the expected signed document verifies.
    let report = verify_document(&expected).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.proofs.len(), 1);
    assert_eq!(report.proofs[0].status, ProofStatus::Valid, "{report:?}");
    assert_eq!(
        report.proofs[0].key.as_deref(),
        keys["publicKeyMultibase"].as_str()
    );
    assert_eq!(report.proofs[0].purpose.as_deref(), Some("assertionMethod"));
    assert_eq!(
        report.proofs[0].created.as_deref(),
        Some("2023-02-24T23:36:38Z")
    );
    assert!(report.is_verified());
}

#[test]
fn the_repository_copy_of_the_vectors_is_reproduced_byte_for_byte() {
    check_vectors(&local_dir());
}

#[test]
fn the_shared_vectors_are_reproduced_and_match_the_copy() {
    let shared = shared_dir();
    if !shared.is_dir() {
        eprintln!(
            "{} is absent; the repository copy is checked alone",
            shared.display()
        );
        return;
    }
    for name in FILES {
        assert_eq!(
            text(&shared, name),
            text(&local_dir(), name),
            "{name} differs between the shared vectors and tests/data"
        );
    }
    check_vectors(&shared);
}
