//! eddsa-jcs-2022 Data Integrity proofs: creating one, adding it to a proof set, and
//! verifying every proof of a document.
//!
//! Follows W3C "Data Integrity EdDSA Cryptosuites v1.0", section 3.3 (eddsa-jcs-2022):
//! - proof configuration = `{type: DataIntegrityProof, cryptosuite: eddsa-jcs-2022,
//!   created, verificationMethod, proofPurpose}` plus the document's `@context` if any;
//! - `hashData = SHA-256(JCS(proofConfig)) ‖ SHA-256(JCS(document without proof))`;
//! - `proofValue = "z" + base58btc(Ed25519(hashData))`.
//!
//! Several proofs form a proof set: each one signs the document without any `proof`
//! member, independently of the others (no chains: a proof carrying `previousProof` is
//! reported as unsupported).

use std::collections::BTreeMap;

use ed25519_dalek::{Signature, Signer};
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::datetime::is_date_time_stamp;
use super::error::IntegrityError;
use super::jcs;
use super::jcs_steps::CanonicalSteps;
use super::multikey::{self, fingerprint, KeyPair, MethodKey};

/// The proof `type` this module creates and verifies.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The cryptosuite this module creates and verifies.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The proof purpose used when the caller names none.
pub const DEFAULT_PURPOSE: &str = "assertionMethod";
/// The most proofs a document may carry. A plan has a handful of signers; checking a
/// signature costs about a millisecond in the browser, so a file with thousands of copies
/// of one proof would freeze the page. More is refused before any signature is checked.
pub const MAX_PROOFS: usize = 50;

/// The caller's choices for a new proof. `created` is passed in because the engine has no
/// clock; Data Integrity allows leaving it out, so it is optional.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofOptions {
    /// When the proof was made, as an RFC 3339 date-time with a time zone.
    pub created: Option<String>,
    /// The proof purpose, e.g. `assertionMethod` (the default) or `authentication`.
    pub proof_purpose: String,
}

impl ProofOptions {
    /// Options with the given `created` and the default purpose `assertionMethod`.
    ///
    /// ```
    /// use ib_planner::engine::integrity::ProofOptions;
    /// let options = ProofOptions::new("2025-03-01T10:00:00Z").with_purpose("authentication");
    /// assert_eq!(options.proof_purpose, "authentication");
    /// ```
    pub fn new(created: impl Into<String>) -> ProofOptions {
        ProofOptions {
            created: Some(created.into()),
            proof_purpose: DEFAULT_PURPOSE.to_string(),
        }
    }

    /// The same options with another proof purpose.
    pub fn with_purpose(mut self, purpose: impl Into<String>) -> ProofOptions {
        self.proof_purpose = purpose.into();
        self
    }
}

/// A JSON object seen through a filter: one member left out, `@context` optionally
/// replaced. It lets the canonicalizer read "the document without `proof`" or "the proof
/// without `proofValue`" without cloning a large document.
struct ObjectView<'a> {
    object: &'a Map<String, Value>,
    skip: &'a str,
    context: Option<&'a Value>,
}

impl ObjectView<'_> {
    fn canonical_bytes(&self) -> Result<Vec<u8>, IntegrityError> {
        let mut out = Vec::with_capacity(4096);
        jcs::write_object_view(self.object, self.skip, self.context, &mut out)?;
        Ok(out)
    }

    fn canonical_hash(&self) -> Result<[u8; 32], IntegrityError> {
        Ok(Sha256::digest(self.canonical_bytes()?).into())
    }
}

/// The RFC 8785 (JCS) canonical form of a JSON value.
///
/// ```
/// use ib_planner::engine::integrity::canonicalize;
/// let value = serde_json::json!({"b": 1.50, "a": "é"});
/// assert_eq!(canonicalize(&value).ok().as_deref(), Some(r#"{"a":"é","b":1.5}"#));
/// ```
pub fn canonicalize(value: &Value) -> Result<String, IntegrityError> {
    let mut out = Vec::with_capacity(1024);
    jcs::write_value(value, &mut out)?;
    String::from_utf8(out).map_err(|e| IntegrityError::Canonicalization {
        reason: e.to_string(),
    })
}

/// The canonical form of a document without its top-level `proof` member: the text
/// whose SHA-256 is the second half of `hashData`.
pub fn canonical_document(document: &Value) -> Result<String, IntegrityError> {
    let object = document
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?;
    let bytes = ObjectView {
        object,
        skip: "proof",
        context: None,
    }
    .canonical_bytes()?;
    String::from_utf8(bytes).map_err(|e| IntegrityError::Canonicalization {
        reason: e.to_string(),
    })
}

/// `hashData` of the spec: SHA-256 of the canonical proof configuration followed by
/// SHA-256 of the canonical document without `proof`. `proof_config` is used as given
/// (any `proofValue` member is left out).
pub fn hash_data(document: &Value, proof_config: &Value) -> Result<[u8; 64], IntegrityError> {
    let object = document
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?;
    let config = proof_config
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?;
    let config_hash = ObjectView {
        object: config,
        skip: "proofValue",
        context: None,
    }
    .canonical_hash()?;
    let document_hash = ObjectView {
        object,
        skip: "proof",
        context: None,
    }
    .canonical_hash()?;
    Ok(concat_hashes(&config_hash, &document_hash))
}

fn concat_hashes(config_hash: &[u8; 32], document_hash: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(config_hash);
    out[32..].copy_from_slice(document_hash);
    out
}

fn check_options(options: &ProofOptions) -> Result<(), IntegrityError> {
    if let Some(created) = &options.created {
        if !is_date_time_stamp(created) {
            return Err(IntegrityError::BadCreated {
                value: created.clone(),
            });
        }
    }
    let purpose = &options.proof_purpose;
    if purpose.is_empty() || purpose.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(IntegrityError::BadPurpose {
            value: purpose.clone(),
        });
    }
    Ok(())
}

/// The proof configuration a new proof by `key` over `document` signs: type,
/// cryptosuite, created, verificationMethod, proofPurpose, and the document's
/// `@context` when it has one.
pub fn proof_configuration(
    document: &Value,
    key: &KeyPair,
    options: &ProofOptions,
) -> Result<Map<String, Value>, IntegrityError> {
    let object = document
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?;
    check_options(options)?;
    let mut config = Map::new();
    config.insert("type".into(), PROOF_TYPE.into());
    config.insert("cryptosuite".into(), CRYPTOSUITE.into());
    if let Some(created) = &options.created {
        config.insert("created".into(), created.as_str().into());
    }
    config.insert(
        "verificationMethod".into(),
        key.verification_method().into(),
    );
    config.insert("proofPurpose".into(), options.proof_purpose.as_str().into());
    if let Some(context) = object.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    Ok(config)
}

/// Creates one proof object (the proof configuration plus `proofValue`) over `document`
/// without its `proof` member. The document is not changed; see [`add_proof`].
pub fn create_proof(
    document: &Value,
    key: &KeyPair,
    options: &ProofOptions,
) -> Result<Value, IntegrityError> {
    let mut config = proof_configuration(document, key, options)?;
    let object = document
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?;
    let config_hash = ObjectView {
        object: &config,
        skip: "proofValue",
        context: None,
    }
    .canonical_hash()?;
    let document_hash = ObjectView {
        object,
        skip: "proof",
        context: None,
    }
    .canonical_hash()?;
    let signature = key
        .signing_key()
        .sign(&concat_hashes(&config_hash, &document_hash));
    let proof_value = format!("z{}", bs58::encode(signature.to_bytes()).into_string());
    config.insert("proofValue".into(), proof_value.into());
    Ok(Value::Object(config))
}

/// Returns `document` with one more proof by `key`. A document without proofs gets
/// `"proof": {…}`; one with proofs gets an array (a proof set) with the new proof last.
/// Every proof signs the document without any `proof` member, so signers can add proofs
/// in any order and each verifies on its own.
///
/// ```
/// use ib_planner::engine::integrity::{add_proof, verify_document, KeyPair, ProofOptions};
/// let doc = serde_json::json!({"total": "120.00"});
/// let options = ProofOptions::new("2025-03-01T10:00:00Z");
/// let once = add_proof(&doc, &KeyPair::from_seed(&[1; 32]), &options)?;
/// let twice = add_proof(&once, &KeyPair::from_seed(&[2; 32]), &options)?;
/// assert!(verify_document(&twice)?.is_verified());
/// # Ok::<(), ib_planner::engine::integrity::IntegrityError>(())
/// ```
pub fn add_proof(
    document: &Value,
    key: &KeyPair,
    options: &ProofOptions,
) -> Result<Value, IntegrityError> {
    if !document.is_object() {
        return Err(IntegrityError::DocumentNotObject);
    }
    let mut signed = document.clone();
    add_proof_in_place(&mut signed, key, options)?;
    Ok(signed)
}

/// [`add_proof`] without the copy: adds the proof to `document` itself. On error the
/// document is left unchanged.
pub fn add_proof_in_place(
    document: &mut Value,
    key: &KeyPair,
    options: &ProofOptions,
) -> Result<(), IntegrityError> {
    let existing_ok = match document
        .as_object()
        .ok_or(IntegrityError::DocumentNotObject)?
        .get("proof")
    {
        None | Some(Value::Object(_)) => true,
        Some(Value::Array(items)) => items.iter().all(Value::is_object),
        Some(_) => false,
    };
    if !existing_ok {
        return Err(IntegrityError::ExistingProofMalformed);
    }
    let existing = match document.get("proof") {
        None => 0,
        Some(Value::Array(items)) => items.len(),
        Some(_) => 1,
    };
    if existing >= MAX_PROOFS {
        return Err(IntegrityError::ProofSetFull { max: MAX_PROOFS });
    }
    let proof = create_proof(document, key, options)?;
    let object = document
        .as_object_mut()
        .ok_or(IntegrityError::DocumentNotObject)?;
    let proofs = match object.remove("proof") {
        None => proof,
        Some(existing @ Value::Object(_)) => Value::Array(vec![existing, proof]),
        Some(Value::Array(mut items)) => {
            items.push(proof);
            Value::Array(items)
        }
        // Ruled out above; kept so the document stays as it was.
        Some(other) => {
            object.insert("proof".into(), other);
            return Err(IntegrityError::ExistingProofMalformed);
        }
    };
    object.insert("proof".into(), proofs);
    Ok(())
}

/// The outcome of checking one proof.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProofStatus {
    /// The signature is correct for this document and proof configuration.
    Valid,
    /// The proof is malformed, or the signature does not match (the document or the
    /// proof was changed after signing).
    Invalid,
    /// The proof is of a kind this verifier does not check (another type or cryptosuite,
    /// a verification method that is not did:key, a proof chain).
    Unsupported,
}

impl ProofStatus {
    /// The catalogue key naming this status.
    pub fn key(self) -> &'static str {
        match self {
            ProofStatus::Valid => "integrity.status.valid",
            ProofStatus::Invalid => "integrity.status.invalid",
            ProofStatus::Unsupported => "integrity.status.unsupported",
        }
    }
}

/// What verification found about one proof of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProofReport {
    /// The proof's position in the proof set (0 for a single proof object).
    pub index: usize,
    /// Valid, invalid or unsupported.
    pub status: ProofStatus,
    /// The signer's `publicKeyMultibase`, when the verification method names a usable key.
    pub key: Option<String>,
    /// A short code of the key for people (see [`multikey::fingerprint`]).
    pub fingerprint: Option<String>,
    /// The verification method as written in the proof.
    pub verification_method: Option<String>,
    /// The proof purpose as written in the proof.
    pub purpose: Option<String>,
    /// The `created` value as written in the proof.
    pub created: Option<String>,
    /// The catalogue key saying why the proof is invalid or unsupported.
    pub error: Option<&'static str>,
    /// Values for the error message's placeholders.
    pub error_params: BTreeMap<&'static str, String>,
}

impl ProofReport {
    fn new(index: usize) -> ProofReport {
        ProofReport {
            index,
            status: ProofStatus::Invalid,
            key: None,
            fingerprint: None,
            verification_method: None,
            purpose: None,
            created: None,
            error: None,
            error_params: BTreeMap::new(),
        }
    }

    fn fail(mut self, status: ProofStatus, key: &'static str) -> ProofReport {
        self.status = status;
        self.error = Some(key);
        self
    }

    fn fail_with(
        self,
        status: ProofStatus,
        key: &'static str,
        params: impl IntoIterator<Item = (&'static str, String)>,
    ) -> ProofReport {
        let mut report = self.fail(status, key);
        report.error_params.extend(params);
        report
    }
}

/// The result of verifying every proof of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerificationReport {
    /// One report per proof, in document order.
    pub proofs: Vec<ProofReport>,
}

impl VerificationReport {
    /// True when the document has at least one proof and every proof is valid. A
    /// document without proofs is not verified: nothing vouches for it.
    pub fn is_verified(&self) -> bool {
        !self.proofs.is_empty() && self.proofs.iter().all(|p| p.status == ProofStatus::Valid)
    }

    /// How many proofs have the given status.
    pub fn count(&self, status: ProofStatus) -> usize {
        self.proofs.iter().filter(|p| p.status == status).count()
    }
}

/// Verifies every proof of `document` (a single `proof` object or a proof set). Each
/// proof is checked on its own against the document without its `proof` member. Never
/// panics: malformed proofs become `Invalid` reports with an error key. The errors are a
/// document that is not a JSON object and one with more than [`MAX_PROOFS`] proofs (refused
/// before any signature is checked).
pub fn verify_document(document: &Value) -> Result<VerificationReport, IntegrityError> {
    Ok(ProofSetCheck::new(document)?.finish())
}

/// How many bytes of the canonical document one [`ProofSetCheck::step`] hashes.
pub const HASH_SLICE_BYTES: usize = 128 * 1024;

/// Where the hash of the document without its proofs stands.
enum DocumentHashing<'a> {
    /// Not begun.
    NotStarted,
    /// Its canonical form is being written and hashed.
    Hashing(Box<SteppedHash<'a>>),
    /// Done (or not needed: no proofs).
    Done,
}

/// The SHA-256 of a canonical form worked out in steps: each step hashes at most
/// [`HASH_SLICE_BYTES`], writing more of the canonical form first when what was written
/// is hashed (a long string is written whole, then hashed over several steps). The form
/// is never held whole.
struct SteppedHash<'a> {
    steps: CanonicalSteps<'a>,
    hasher: Sha256,
    pending: Vec<u8>,
    at: usize,
    written: bool,
    hashed: usize,
}

impl<'a> SteppedHash<'a> {
    fn new(steps: CanonicalSteps<'a>) -> SteppedHash<'a> {
        SteppedHash {
            steps,
            hasher: Sha256::new(),
            pending: Vec::new(),
            at: 0,
            written: false,
            hashed: 0,
        }
    }

    /// One step; the hash once it is done.
    fn step(&mut self) -> Option<Result<[u8; 32], IntegrityError>> {
        if self.at >= self.pending.len() && !self.written {
            self.pending.clear();
            self.at = 0;
            match self.steps.write(HASH_SLICE_BYTES, &mut self.pending) {
                Ok(done) => self.written = done,
                Err(error) => return Some(Err(error)),
            }
        }
        let end = self.pending.len().min(self.at + HASH_SLICE_BYTES);
        self.hasher.update(&self.pending[self.at..end]);
        self.hashed += end - self.at;
        self.at = end;
        (self.written && self.at >= self.pending.len())
            .then(|| Ok(std::mem::take(&mut self.hasher).finalize().into()))
    }
}

/// The verification of a document's proofs in small steps, for a caller that must give
/// the event loop a turn now and then (the verify screen, on a file of megabytes). The
/// steps: the document without its proofs is canonicalised and hashed (once for every
/// proof) [`HASH_SLICE_BYTES`] of canonical form at a time, then one proof is checked per
/// step; a proof with a `@context` of its own, which signs another view of the document,
/// first has that view hashed in the same slices. The result is exactly
/// [`verify_document`]'s, which is this run to the end.
pub struct ProofSetCheck<'a> {
    document: &'a Map<String, Value>,
    proofs: Vec<&'a Value>,
    hashing: DocumentHashing<'a>,
    document_hash: Option<Result<[u8; 32], IntegrityError>>,
    /// The next proof's own view of the document, being hashed, and its hash once done.
    context_hashing: Option<SteppedHash<'a>>,
    context_hash: Option<Result<[u8; 32], IntegrityError>>,
    /// The expected length of the canonical form, for [`Self::hashed_percent`].
    size_hint: usize,
    reports: Vec<ProofReport>,
}

impl<'a> ProofSetCheck<'a> {
    /// Starts checking `document`'s proofs. The errors are those of [`verify_document`]:
    /// not a JSON object, or more than [`MAX_PROOFS`] proofs (before any work is done).
    pub fn new(document: &'a Value) -> Result<ProofSetCheck<'a>, IntegrityError> {
        let document = document
            .as_object()
            .ok_or(IntegrityError::DocumentNotObject)?;
        let proofs: Vec<&Value> = match document.get("proof") {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(other) => vec![other],
        };
        if proofs.len() > MAX_PROOFS {
            return Err(IntegrityError::TooManyProofs {
                count: proofs.len(),
                max: MAX_PROOFS,
            });
        }
        let hashing = if proofs.is_empty() {
            DocumentHashing::Done
        } else {
            DocumentHashing::NotStarted
        };
        Ok(ProofSetCheck {
            document,
            proofs,
            hashing,
            document_hash: None,
            context_hashing: None,
            context_hash: None,
            size_hint: 0,
            reports: Vec::new(),
        })
    }

    /// Tells the check how long the canonical form of the document is expected to be
    /// (e.g. the length of its text without whitespace), so that
    /// [`Self::hashed_percent`] can say how far hashing got. Without it, 0 % until done.
    pub fn with_size_hint(mut self, bytes: usize) -> ProofSetCheck<'a> {
        self.size_hint = bytes;
        self
    }

    /// Does the next piece of work; false once everything is done.
    pub fn step(&mut self) -> bool {
        match std::mem::replace(&mut self.hashing, DocumentHashing::Done) {
            DocumentHashing::NotStarted => {
                // The document hash is the same for every proof unless a proof's own
                // `@context` replaces the document's (then that view is hashed below).
                self.hashing = DocumentHashing::Hashing(Box::new(SteppedHash::new(
                    CanonicalSteps::object_view(self.document, "proof", None),
                )));
                return true;
            }
            DocumentHashing::Hashing(mut hashing) => {
                match hashing.step() {
                    Some(hash) => self.document_hash = Some(hash),
                    None => self.hashing = DocumentHashing::Hashing(hashing),
                }
                return true;
            }
            DocumentHashing::Done => {}
        }
        let index = self.reports.len();
        let Some(proof) = self.proofs.get(index).copied() else {
            return false;
        };
        let own_context = proof.as_object().and_then(|p| p.get("@context"));
        if let (Some(context), None) = (own_context, &self.context_hash) {
            let mut hashing = self.context_hashing.take().unwrap_or_else(|| {
                SteppedHash::new(CanonicalSteps::object_view(
                    self.document,
                    "proof",
                    Some(context),
                ))
            });
            match hashing.step() {
                Some(hash) => self.context_hash = Some(hash),
                None => self.context_hashing = Some(hashing),
            }
            return true;
        }
        let report = verify_one(
            self.document,
            index,
            proof,
            &mut self.document_hash,
            self.context_hash.take(),
        );
        self.reports.push(report);
        self.reports.len() < self.proofs.len()
    }

    /// How many proofs the document has.
    pub fn proof_count(&self) -> usize {
        self.proofs.len()
    }

    /// How many proofs have been checked so far.
    pub fn proofs_checked(&self) -> usize {
        self.reports.len()
    }

    /// While the document is being hashed, how much of it is done, in percent.
    pub fn hashed_percent(&self) -> Option<usize> {
        match &self.hashing {
            DocumentHashing::NotStarted => Some(0),
            DocumentHashing::Hashing(hashing) => Some(
                hashing
                    .hashed
                    .saturating_mul(100)
                    .checked_div(self.size_hint)
                    .unwrap_or(0)
                    .min(99),
            ),
            DocumentHashing::Done => None,
        }
    }

    /// Runs the remaining steps and returns the report.
    pub fn finish(mut self) -> VerificationReport {
        while self.step() {}
        VerificationReport {
            proofs: self.reports,
        }
    }
}

fn string_field<'a>(
    proof: &'a Map<String, Value>,
    field: &'static str,
) -> Result<Option<&'a str>, (&'static str, &'static str)> {
    match proof.get(field) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(("integrity.proof.field_not_string", field)),
    }
}

/// A `@context` as a list of entries (a single value counts as a one-entry list).
fn context_entries(context: &Value) -> &[Value] {
    match context {
        Value::Array(items) => items,
        single => std::slice::from_ref(single),
    }
}

fn verify_one(
    document: &Map<String, Value>,
    index: usize,
    proof: &Value,
    document_hash: &mut Option<Result<[u8; 32], IntegrityError>>,
    context_hash: Option<Result<[u8; 32], IntegrityError>>,
) -> ProofReport {
    use ProofStatus::{Invalid, Unsupported};
    let report = ProofReport::new(index);
    let Some(proof) = proof.as_object() else {
        return report.fail(Invalid, "integrity.proof.not_object");
    };

    // Read the descriptive fields first so even a failed report says who and when.
    let mut fields = BTreeMap::new();
    for field in [
        "type",
        "cryptosuite",
        "verificationMethod",
        "proofPurpose",
        "created",
        "proofValue",
    ] {
        match string_field(proof, field) {
            Ok(value) => {
                fields.insert(field, value);
            }
            Err((key, field)) => {
                return report.fail_with(Invalid, key, [("field", field.to_string())]);
            }
        }
    }
    let get = |field: &str| fields.get(field).copied().flatten();
    let mut report = report;
    report.verification_method = get("verificationMethod").map(str::to_string);
    report.purpose = get("proofPurpose").map(str::to_string);
    report.created = get("created").map(str::to_string);

    let missing = |report: ProofReport, field: &str| {
        report.fail_with(
            Invalid,
            "integrity.proof.missing_field",
            [("field", field.to_string())],
        )
    };
    match get("type") {
        None => return missing(report, "type"),
        Some(PROOF_TYPE) => {}
        Some(other) => {
            return report.fail_with(
                Unsupported,
                "integrity.proof.unknown_type",
                [("type", other.to_string())],
            )
        }
    }
    match get("cryptosuite") {
        None => return missing(report, "cryptosuite"),
        Some(CRYPTOSUITE) => {}
        Some(other) => {
            return report.fail_with(
                Unsupported,
                "integrity.proof.unknown_cryptosuite",
                [("cryptosuite", other.to_string())],
            )
        }
    }
    if proof.contains_key("previousProof") {
        return report.fail(Unsupported, "integrity.proof.chain_unsupported");
    }
    let Some(method) = get("verificationMethod") else {
        return missing(report, "verificationMethod");
    };
    let public_text = match multikey::method_key(method) {
        MethodKey::DidKey(public) => public,
        MethodKey::NotDidKey => {
            return report.fail_with(
                Unsupported,
                "integrity.proof.method_not_did_key",
                [("method", method.to_string())],
            )
        }
        MethodKey::Mismatch => return report.fail(Invalid, "integrity.proof.method_mismatch"),
    };
    let public_key = match multikey::parse_public_key(&public_text, "verificationMethod") {
        Ok(key) => key,
        Err(error) => return report.fail_with(Invalid, error.key(), error.params()),
    };
    report.key = Some(public_text);
    report.fingerprint = Some(fingerprint(&public_key));
    if get("proofPurpose").is_none() {
        return missing(report, "proofPurpose");
    }
    if let Some(created) = get("created") {
        if !is_date_time_stamp(created) {
            return report.fail_with(
                Invalid,
                "integrity.proof.bad_created",
                [("value", created.to_string())],
            );
        }
    }
    let Some(proof_value) = get("proofValue") else {
        return missing(report, "proofValue");
    };
    let signature = match decode_signature(proof_value) {
        Ok(signature) => signature,
        Err((key, params)) => return report.fail_with(Invalid, key, params),
    };

    // @context: the proof's, if any, must be a prefix of the document's and then stands
    // in for it (spec 3.3.2, verify proof, step 4).
    let proof_context = proof.get("@context");
    if let Some(proof_context) = proof_context {
        let document_context = document.get("@context").map(context_entries);
        let expected = context_entries(proof_context);
        let starts_with = document_context.is_some_and(|entries| entries.starts_with(expected));
        if !starts_with {
            return report.fail(Invalid, "integrity.proof.context_mismatch");
        }
    }
    let effective_context = proof_context.or_else(|| document.get("@context"));
    let config_hash = ObjectView {
        object: proof,
        skip: "proofValue",
        context: effective_context,
    }
    .canonical_hash();
    let document_hash = match proof_context {
        // The document as it stands.
        None => document_hash
            .get_or_insert_with(|| {
                ObjectView {
                    object: document,
                    skip: "proof",
                    context: None,
                }
                .canonical_hash()
            })
            .clone(),
        // The document under the proof's own context (hashed in steps by the caller).
        Some(context) => context_hash.unwrap_or_else(|| {
            ObjectView {
                object: document,
                skip: "proof",
                context: Some(context),
            }
            .canonical_hash()
        }),
    };
    let (config_hash, document_hash) = match (config_hash, document_hash) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(error), _) | (_, Err(error)) => {
            return report.fail_with(Invalid, error.key(), error.params())
        }
    };
    let hash = concat_hashes(&config_hash, &document_hash);
    match public_key.verify_strict(&hash, &signature) {
        Ok(()) => {
            report.status = ProofStatus::Valid;
            report
        }
        Err(_) => report.fail(Invalid, "integrity.proof.signature_mismatch"),
    }
}

/// Why a `proofValue` cannot be a signature: a catalogue key and its parameters.
type SignatureProblem = (&'static str, Vec<(&'static str, String)>);

fn decode_signature(proof_value: &str) -> Result<Signature, SignatureProblem> {
    let bad_value = || ("integrity.proof.bad_proof_value", Vec::new());
    let Some(body) = proof_value.strip_prefix('z') else {
        return Err(bad_value());
    };
    // 64 bytes are at most 88 base58 characters; longer text cannot be a signature, and
    // refusing it early keeps hostile input cheap.
    if body.len() > 200 {
        return Err((
            "integrity.proof.bad_signature_length",
            vec![("found", format!(">{}", body.len() / 2))],
        ));
    }
    let Ok(bytes) = bs58::decode(body).into_vec() else {
        return Err(bad_value());
    };
    match <[u8; 64]>::try_from(bytes.as_slice()) {
        Ok(array) => Ok(Signature::from_bytes(&array)),
        Err(_) => Err((
            "integrity.proof.bad_signature_length",
            vec![("found", bytes.len().to_string())],
        )),
    }
}
