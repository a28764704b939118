//! The trust list (`"schema": "ib-trust/1"`) and verification of a signed document under
//! it. A municipality's social service publishes the list and signs it with the same
//! Data Integrity proofs as plans (`eddsa-jcs-2022`). It names:
//!
//! - its **signers**: a did:key, the person's name, a role code (`social_worker`,
//!   `rehab_physician`, `legal_representative`, `social_service_head`, …), `validFrom`,
//!   optional `validUntil` and `revokedFrom` (RFC 3339 date-times with a zone);
//! - its **official price lists**: version, effective date and the SHA-256 (hex) of the
//!   JCS form of the price list, exactly as a plan embeds it in `priceList`;
//! - its **signing rule**: the roles whose signatures a plan needs.
//!
//! [`load_trust_list`] validates a list and checks its own signature: without a pinned
//! key it must carry a valid proof by a signer it lists with the role
//! [`LIST_SIGNER_ROLE`] (valid at the proof's `created`, not revoked); with a pinned key
//! (the CLI's `--trust-key`) it must carry a valid proof by that key. A list signed by a
//! key it lists itself proves only that it is unchanged since; that it is the
//! municipality's list rests on where it came from, or on the pinned key.
//!
//! [`verify_with_trust`] reports on a document: each proof's [`TrustVerdict`], the plan's
//! price list against the official ones, and the signing rule. A signer's validity is
//! judged at the proof's `created` (the signer's own claim: a `revokedFrom` should be the
//! first moment the key may have been in other hands). Pure and deterministic; never
//! panics on input.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::engine::date::Date;
use crate::engine::integrity::{
    canonicalize, fingerprint, instant_nanos, parse_public_key, verify_document, IntegrityError,
    ProofReport, ProofStatus, VerificationReport,
};
use crate::engine::plan::PLAN_SCHEMA_PREFIX;
use crate::engine::problem::{join, Problem};
use crate::engine::reference::catalogue_from_json;
use crate::engine::validate::{kind, Reader, MAX_TEXT_LEN};

/// The schema tag of trust lists.
pub const TRUST_SCHEMA: &str = "ib-trust/1";
/// The role a signer needs to sign the trust list itself (when no key is pinned).
pub const LIST_SIGNER_ROLE: &str = "social_service_head";
/// The members a trust list may have.
const MEMBERS: [&str; 6] = ["schema", "issuer", "signers", "priceLists", "rule", "proof"];
const SIGNER_MEMBERS: [&str; 6] = [
    "id",
    "name",
    "role",
    "validFrom",
    "validUntil",
    "revokedFrom",
];
const PRICE_LIST_MEMBERS: [&str; 3] = ["version", "effectiveDate", "digest"];
const RULE_MEMBERS: [&str; 1] = ["roles"];
const DID_KEY_PREFIX: &str = "did:key:";

/// One person whose key the list trusts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Signer {
    /// The did:key, e.g. `did:key:z6Mk…`.
    pub id: String,
    /// The key as `publicKeyMultibase` (the did:key without its prefix).
    pub key: String,
    /// The key's short code for people.
    pub fingerprint: String,
    /// The person's name.
    pub name: String,
    /// The role code.
    pub role: String,
    /// From when the key signs for this person (inclusive).
    pub valid_from: String,
    /// Until when (exclusive); none means open-ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// From when the key is revoked (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_from: Option<String>,
}

/// One official price list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficialPriceList {
    /// The price list's `version`.
    pub version: String,
    /// Its `effectiveDate`.
    pub effective_date: String,
    /// SHA-256 (lower-case hex) of its JCS form.
    pub digest: String,
}

/// A validated trust list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustList {
    /// Who publishes the list (the social service's name).
    pub issuer: String,
    /// The trusted signers.
    pub signers: Vec<Signer>,
    /// The official price lists.
    pub price_lists: Vec<OfficialPriceList>,
    /// The roles a plan's signatures must include.
    pub rule: Vec<String>,
}

impl TrustList {
    /// The signer with this key (`publicKeyMultibase`).
    pub fn signer(&self, key: &str) -> Option<&Signer> {
        self.signers.iter().find(|s| s.key == key)
    }
}

/// Where a signer stands at a given proof's `created`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Valid,
    Outside,
    Revoked,
}

fn standing(signer: &Signer, created: Option<&str>) -> Standing {
    let Some(at) = created.and_then(instant_nanos) else {
        return Standing::Outside;
    };
    let time = |text: &Option<String>| text.as_deref().and_then(instant_nanos);
    if time(&signer.revoked_from).is_some_and(|revoked| at >= revoked) {
        return Standing::Revoked;
    }
    let from = instant_nanos(&signer.valid_from);
    if from.is_some_and(|from| at < from) || time(&signer.valid_until).is_some_and(|u| at >= u) {
        return Standing::Outside;
    }
    Standing::Valid
}

/// SHA-256 (lower-case hex) of the JCS form of a value: the digest of a price list.
pub fn value_digest(value: &Value) -> Result<String, IntegrityError> {
    let text = canonicalize(value)?;
    Ok(hex(&Sha256::digest(text.as_bytes())))
}

/// The `priceLists` entry of a trust list for a price list (`ib-catalogue/1`) or for the
/// price list a plan embeds: the list is validated and normalised as a plan embeds it
/// (amounts with two decimals, empty members left out), so the digest is the one
/// [`verify_with_trust`] computes for plans made with it. Problems point into the value.
pub fn price_list_entry(value: &Value) -> Result<OfficialPriceList, Vec<Problem>> {
    let is_plan = value
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(PLAN_SCHEMA_PREFIX));
    let (catalogue, prefix) = match value.get("priceList") {
        Some(list) if is_plan => (list, "/priceList"),
        _ => (value, ""),
    };
    let prefixed = |problems: Vec<Problem>| -> Vec<Problem> {
        problems
            .into_iter()
            .map(|mut p| {
                p.path = format!("{prefix}{}", p.path);
                p
            })
            .collect()
    };
    let catalogue = catalogue_from_json(catalogue).map_err(prefixed)?;
    let internal =
        |detail: String| vec![Problem::new("", "problem.internal").with("detail", detail)];
    let normalised = serde_json::to_value(&catalogue).map_err(|e| internal(e.to_string()))?;
    let digest = value_digest(&normalised).map_err(|e| internal(e.key().to_string()))?;
    Ok(OfficialPriceList {
        version: catalogue.version,
        effective_date: catalogue.effective_date.to_string(),
        digest,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The key of a did:key (`did:key:z6Mk…`, no fragment) or of a bare
/// `publicKeyMultibase`, when it is a valid Ed25519 key.
pub fn key_of(text: &str) -> Option<String> {
    let key = text.strip_prefix(DID_KEY_PREFIX).unwrap_or(text);
    parse_public_key(key, "id").ok().map(|_| key.to_string())
}

fn unknown_members(r: &mut Reader, map: &Map<String, Value>, path: &str, known: &[&str]) {
    for name in map.keys().filter(|k| !known.contains(&k.as_str())) {
        r.push(Problem::new(join(path, name), "problem.trust.unknown_field").with("field", name));
    }
}

fn date_time(r: &mut Reader, map: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
    let value = match map.get(key) {
        None | Some(Value::Null) => return None,
        Some(value) => value,
    };
    let path = join(path, key);
    let text = r.text(value, &path, 64, false)?;
    if instant_nanos(&text).is_none() {
        r.push(Problem::new(path, "problem.trust.date_time").with("value", &text));
        return None;
    }
    Some(text)
}

fn code(r: &mut Reader, value: &Value, path: &str) -> Option<String> {
    let text = r.text(value, path, 64, false)?;
    if !is_code(&text) {
        r.push(Problem::new(path, "problem.code.malformed").with("code", &text));
        return None;
    }
    Some(text)
}

fn read_signer(r: &mut Reader, value: &Value, path: &str) -> Option<Signer> {
    let map = r.object(value, path)?;
    unknown_members(r, map, path, &SIGNER_MEMBERS);
    let id = r.required_text(map, "id", path, 200);
    let key = id.as_deref().and_then(|id| {
        let key = id.strip_prefix(DID_KEY_PREFIX).and_then(key_of);
        if key.is_none() {
            r.push(Problem::new(join(path, "id"), "problem.trust.not_did_key").with("value", id));
        }
        key
    });
    let name = r.required_text(map, "name", path, 200);
    let role = r
        .required(map, "role", path)
        .and_then(|v| code(r, v, &join(path, "role")));
    let from_present = r.required(map, "validFrom", path).is_some();
    let valid_from = date_time(r, map, "validFrom", path);
    let valid_until = date_time(r, map, "validUntil", path);
    let revoked_from = date_time(r, map, "revokedFrom", path);
    if let (Some(from), Some(until)) = (&valid_from, &valid_until) {
        if instant_nanos(until) <= instant_nanos(from) {
            r.push(
                Problem::new(join(path, "validUntil"), "problem.trust.validity_order")
                    .with("from", from)
                    .with("until", until),
            );
        }
    }
    let key = key?;
    let fingerprint = parse_public_key(&key, "id").ok().map(|k| fingerprint(&k))?;
    if !from_present {
        return None;
    }
    Some(Signer {
        id: id?,
        key,
        fingerprint,
        name: name?,
        role: role?,
        valid_from: valid_from?,
        valid_until,
        revoked_from,
    })
}

fn read_price_list(r: &mut Reader, value: &Value, path: &str) -> Option<OfficialPriceList> {
    let map = r.object(value, path)?;
    unknown_members(r, map, path, &PRICE_LIST_MEMBERS);
    let version = r.required_text(map, "version", path, 64);
    let effective_date = r
        .required_text(map, "effectiveDate", path, 64)
        .and_then(|text| {
            if Date::parse(&text).is_some() {
                Some(text)
            } else {
                r.push(
                    Problem::new(join(path, "effectiveDate"), "problem.date.malformed")
                        .with("value", &text),
                );
                None
            }
        });
    let digest = r.required_text(map, "digest", path, 64).and_then(|text| {
        if is_digest(&text) {
            Some(text)
        } else {
            r.push(Problem::new(
                join(path, "digest"),
                "problem.trust.digest_malformed",
            ));
            None
        }
    });
    Some(OfficialPriceList {
        version: version?,
        effective_date: effective_date?,
        digest: digest?,
    })
}

fn read_rule(r: &mut Reader, value: &Value, path: &str) -> Option<Vec<String>> {
    let map = r.object(value, path)?;
    unknown_members(r, map, path, &RULE_MEMBERS);
    let roles_path = join(path, "roles");
    let items = r.required(map, "roles", path)?;
    let items = r.array(items, &roles_path)?;
    if items.is_empty() {
        r.push(Problem::new(&roles_path, "problem.trust.rule_empty"));
        return None;
    }
    let mut roles = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let item_path = join(&roles_path, i);
        match code(r, item, &item_path) {
            Some(role) if roles.contains(&role) => {
                r.push(Problem::new(item_path, "problem.trust.rule_duplicate").with("role", &role));
                ok = false;
            }
            Some(role) => roles.push(role),
            None => ok = false,
        }
    }
    ok.then_some(roles)
}

/// Validates a trust list's shape and content (not its signature: see
/// [`load_trust_list`]). Problems point into the list.
pub fn read_trust_list(value: &Value) -> Result<TrustList, Vec<Problem>> {
    let mut r = Reader::new();
    let list = read_list(&mut r, value);
    match list {
        Some(list) if r.problems.is_empty() => Ok(list),
        _ => Err(r.problems),
    }
}

fn read_list(r: &mut Reader, value: &Value) -> Option<TrustList> {
    let map = r.object(value, "")?;
    match map.get("schema") {
        Some(Value::String(schema)) if schema == TRUST_SCHEMA => {}
        Some(Value::String(schema)) => {
            r.push(Problem::new("/schema", "problem.trust.schema").with("found", schema));
            return None;
        }
        Some(other) => {
            r.push(Problem::new("/schema", "problem.trust.schema").with("found", kind(other)));
            return None;
        }
        None => {
            r.push(Problem::new("/schema", "problem.field.missing").with("field", "schema"));
            return None;
        }
    }
    unknown_members(r, map, "", &MEMBERS);
    let issuer = r.required_text(map, "issuer", "", MAX_TEXT_LEN);

    let mut signers = Vec::new();
    if let Some(items) = r
        .required(map, "signers", "")
        .and_then(|v| r.array(v, "/signers"))
    {
        let mut seen = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let path = join("/signers", i);
            if let Some(signer) = read_signer(r, item, &path) {
                if !seen.insert(signer.key.clone()) {
                    r.push(
                        Problem::new(join(&path, "id"), "problem.trust.signer_duplicate")
                            .with("id", &signer.id),
                    );
                }
                signers.push(signer);
            }
        }
    }

    let mut price_lists = Vec::new();
    if let Some(items) = r
        .required(map, "priceLists", "")
        .and_then(|v| r.array(v, "/priceLists"))
    {
        for (i, item) in items.iter().enumerate() {
            let path = join("/priceLists", i);
            if let Some(list) = read_price_list(r, item, &path) {
                if price_lists
                    .iter()
                    .any(|p: &OfficialPriceList| p.version == list.version)
                {
                    r.push(
                        Problem::new(join(&path, "version"), "problem.trust.price_list_duplicate")
                            .with("version", &list.version),
                    );
                }
                price_lists.push(list);
            }
        }
    }
    let rule = r
        .required(map, "rule", "")
        .and_then(|v| read_rule(r, v, "/rule"));
    Some(TrustList {
        issuer: issuer?,
        signers,
        price_lists,
        rule: rule?,
    })
}

/// Who signed a trust list, as [`load_trust_list`] accepted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListSignature {
    /// The signing key (`publicKeyMultibase`).
    pub key: String,
    /// Its fingerprint.
    pub fingerprint: String,
    /// The signer's name, when the list names the key.
    pub name: Option<String>,
    /// The signer's role, when the list names the key.
    pub role: Option<String>,
    /// Whether the key was the pinned one.
    pub pinned: bool,
    /// The proof's `created`.
    pub created: Option<String>,
}

fn proof_pointer(single: bool, index: usize) -> String {
    if single {
        "/proof".to_string()
    } else {
        join("/proof", index)
    }
}

fn proof_problem(single: bool, proof: &ProofReport) -> Problem {
    let mut problem = Problem::new(
        proof_pointer(single, proof.index),
        proof.error.unwrap_or("integrity.proof.signature_mismatch"),
    );
    for (name, value) in &proof.error_params {
        problem = problem.with(name, value);
    }
    problem
}

/// Validates a trust list and checks its own signature. Every proof on the list must be
/// valid; with `pinned` (a did:key or `publicKeyMultibase`) one of them must be by that
/// key, otherwise one must be by a listed [`LIST_SIGNER_ROLE`] signer valid and not
/// revoked at the proof's `created`.
pub fn load_trust_list(
    value: &Value,
    pinned: Option<&str>,
) -> Result<(TrustList, ListSignature), Vec<Problem>> {
    let list = read_trust_list(value)?;
    let report = verify_document(value).map_err(|e| {
        let mut problem = Problem::new("/proof", e.key());
        for (name, value) in e.params() {
            problem = problem.with(name, value);
        }
        vec![problem]
    })?;
    if report.proofs.is_empty() {
        return Err(vec![Problem::new("/proof", "problem.trust.unsigned")]);
    }
    let single = report.proofs.len() == 1;
    let bad: Vec<Problem> = report
        .proofs
        .iter()
        .filter(|p| p.status != ProofStatus::Valid)
        .map(|p| proof_problem(single, p))
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    let signature = |proof: &ProofReport, pinned: bool| {
        let key = proof.key.clone().unwrap_or_default();
        let signer = list.signer(&key);
        ListSignature {
            fingerprint: proof.fingerprint.clone().unwrap_or_default(),
            name: signer.map(|s| s.name.clone()),
            role: signer.map(|s| s.role.clone()),
            key,
            pinned,
            created: proof.created.clone(),
        }
    };
    let found = match pinned {
        Some(pinned) => {
            let Some(pinned_key) = key_of(pinned) else {
                return Err(vec![
                    Problem::new("", "problem.trust.not_did_key").with("value", pinned)
                ]);
            };
            report
                .proofs
                .iter()
                .find(|p| p.key.as_deref() == Some(pinned_key.as_str()))
                .map(|p| signature(p, true))
                .ok_or_else(|| {
                    let shown = parse_public_key(&pinned_key, "key")
                        .map(|k| fingerprint(&k))
                        .unwrap_or_default();
                    Problem::new("/proof", "problem.trust.not_signed_by_pinned")
                        .with("fingerprint", shown)
                })
        }
        None => report
            .proofs
            .iter()
            .find(|p| {
                p.key
                    .as_deref()
                    .and_then(|k| list.signer(k))
                    .is_some_and(|s| {
                        s.role == LIST_SIGNER_ROLE
                            && standing(s, p.created.as_deref()) == Standing::Valid
                    })
            })
            .map(|p| signature(p, false))
            .ok_or_else(|| {
                Problem::new("/proof", "problem.trust.not_signed_by_head")
                    .with("role", LIST_SIGNER_ROLE)
            }),
    };
    match found {
        Ok(signature) => Ok((list, signature)),
        Err(problem) => Err(vec![problem]),
    }
}

/// What the trust list says about one proof.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TrustVerdict {
    /// A valid signature by a listed signer, within their validity and not revoked.
    Trusted,
    /// A valid signature by a key the list does not name.
    UnknownKey,
    /// A valid signature by a listed signer, made (by its `created`) outside their
    /// validity, or without a `created` to judge it by.
    OutsideValidity,
    /// A valid signature by a listed signer, made at or after their `revokedFrom`.
    Revoked,
    /// The signature is invalid or of a kind this verifier does not check (its message is
    /// the integrity status's: invalid or unsupported).
    Invalid,
    /// The same proof as an earlier one of the set; counted once.
    Duplicate,
}

impl TrustVerdict {
    /// The catalogue key of the verdict.
    pub fn key(self) -> &'static str {
        match self {
            TrustVerdict::Trusted => "trust.proof.trusted",
            TrustVerdict::UnknownKey => "trust.proof.unknown_key",
            TrustVerdict::OutsideValidity => "trust.proof.outside_validity",
            TrustVerdict::Revoked => "trust.proof.revoked",
            TrustVerdict::Invalid => "integrity.status.invalid",
            TrustVerdict::Duplicate => "trust.proof.duplicate",
        }
    }
}

/// One proof under the trust list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustedProof {
    /// The proof's position in the proof set.
    pub index: usize,
    /// The verdict.
    pub verdict: TrustVerdict,
    /// The key's fingerprint, when the proof names a usable key.
    pub fingerprint: Option<String>,
    /// The signer's name, when the list names the key.
    pub name: Option<String>,
    /// The signer's role, when the list names the key.
    pub role: Option<String>,
    /// The proof's `created`.
    pub created: Option<String>,
    /// For a duplicate: the index of the first copy.
    pub duplicate_of: Option<usize>,
    /// For a second proof by one key: the index of the first proof by that key.
    pub same_key_as: Option<usize>,
    /// The catalogue key of the verdict's message.
    pub message_key: &'static str,
    /// Its parameters.
    pub params: Vec<(String, String)>,
}

/// How the document's price list compares with the official ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PriceListStatus {
    /// Its digest is the official one for its version.
    Official,
    /// The list has this version with another digest: the prices were changed.
    NotOfficial,
    /// The list has no official price list of this version.
    UnknownVersion,
    /// The plan has no usable price list.
    Missing,
}

/// The price-list part of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceListCheck {
    /// The status.
    pub status: PriceListStatus,
    /// The plan's price-list version.
    pub version: Option<String>,
    /// The digest of the plan's price list.
    pub digest: Option<String>,
    /// The official digest for that version, when there is one.
    pub official_digest: Option<String>,
    /// The catalogue key of the message.
    pub message_key: &'static str,
    /// Its parameters.
    pub params: Vec<(String, String)>,
}

/// The signing-rule part of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleCheck {
    /// The roles the rule requires, in the list's order.
    pub required: Vec<String>,
    /// The required roles no trusted proof carries.
    pub missing: Vec<String>,
    /// Whether every required role signed.
    pub complete: bool,
    /// The catalogue key of the message.
    pub message_key: &'static str,
    /// Its parameters.
    pub params: Vec<(String, String)>,
}

/// A document verified under a trust list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustReport {
    /// One entry per proof, in document order.
    pub proofs: Vec<TrustedProof>,
    /// The price list (plans only; `None` for other documents).
    pub price_list: Option<PriceListCheck>,
    /// The signing rule.
    pub rule: RuleCheck,
    /// True when there is at least one proof, every proof but duplicates is trusted, the
    /// price list is official (for a plan) and the rule is complete.
    pub valid: bool,
}

fn pair(name: &str, value: impl Into<String>) -> (String, String) {
    (name.to_string(), value.into())
}

/// Verifies a document's proofs and, for a plan, its price list under `list`. Re-running
/// the engine on a plan is separate ([`crate::engine::plan::recompute_check`]). Errors are
/// those of [`verify_document`] (not an object, too many proofs).
pub fn verify_with_trust(
    document: &Value,
    list: &TrustList,
) -> Result<TrustReport, IntegrityError> {
    Ok(trust_report(document, &verify_document(document)?, list))
}

/// The verdicts of [`verify_with_trust`] from a verification already made (the verify
/// screen checks the signatures in slices first, and must not check them again in one
/// long task): `report` is [`verify_document`]'s report of this `document`.
pub fn trust_report(
    document: &Value,
    report: &VerificationReport,
    list: &TrustList,
) -> TrustReport {
    let raw: Vec<&Value> = match document.get("proof") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
    };
    let canonical: Vec<Option<String>> = raw.iter().map(|p| canonicalize(p).ok()).collect();
    let mut proofs: Vec<TrustedProof> = Vec::with_capacity(report.proofs.len());
    let mut first_by_key: Vec<(String, usize)> = Vec::new();
    for proof in &report.proofs {
        let index = proof.index;
        let duplicate_of = canonical.get(index).and_then(|text| {
            let text = text.as_ref()?;
            (0..index).find(|&i| canonical.get(i).and_then(Option::as_ref) == Some(text))
        });
        let signer = proof.key.as_deref().and_then(|k| list.signer(k));
        let mut entry = TrustedProof {
            index,
            verdict: TrustVerdict::Invalid,
            fingerprint: proof.fingerprint.clone(),
            name: signer.map(|s| s.name.clone()),
            role: signer.map(|s| s.role.clone()),
            created: proof.created.clone(),
            duplicate_of,
            same_key_as: None,
            message_key: TrustVerdict::Invalid.key(),
            params: Vec::new(),
        };
        let dash = || "—".to_string();
        let (verdict, params) = if let Some(first) = duplicate_of {
            (
                TrustVerdict::Duplicate,
                vec![pair("index", (first + 1).to_string())],
            )
        } else if proof.status != ProofStatus::Valid {
            (TrustVerdict::Invalid, Vec::new())
        } else {
            match signer {
                None => (
                    TrustVerdict::UnknownKey,
                    vec![pair(
                        "fingerprint",
                        proof.fingerprint.clone().unwrap_or_else(dash),
                    )],
                ),
                Some(s) => {
                    let who = vec![pair("name", s.name.clone()), pair("role", s.role.clone())];
                    match standing(s, proof.created.as_deref()) {
                        Standing::Valid => (TrustVerdict::Trusted, who),
                        Standing::Revoked => {
                            let mut p = who;
                            p.push(pair("revoked", s.revoked_from.clone().unwrap_or_else(dash)));
                            (TrustVerdict::Revoked, p)
                        }
                        Standing::Outside => {
                            let mut p = who;
                            p.push(pair("created", proof.created.clone().unwrap_or_else(dash)));
                            p.push(pair("from", s.valid_from.clone()));
                            p.push(pair("until", s.valid_until.clone().unwrap_or_else(dash)));
                            (TrustVerdict::OutsideValidity, p)
                        }
                    }
                }
            }
        };
        entry.verdict = verdict;
        entry.message_key = match (verdict, proof.status) {
            (TrustVerdict::Invalid, ProofStatus::Unsupported) => ProofStatus::Unsupported.key(),
            _ => verdict.key(),
        };
        entry.params = params;
        if verdict != TrustVerdict::Duplicate && proof.status == ProofStatus::Valid {
            if let Some(key) = &proof.key {
                match first_by_key.iter().find(|(k, _)| k == key) {
                    Some((_, first)) => entry.same_key_as = Some(*first),
                    None => first_by_key.push((key.clone(), index)),
                }
            }
        }
        proofs.push(entry);
    }

    let is_plan = document
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(PLAN_SCHEMA_PREFIX));
    let price_list = is_plan.then(|| price_list_check(document.get("priceList"), list));

    let signed: BTreeSet<&str> = proofs
        .iter()
        .filter(|p| p.verdict == TrustVerdict::Trusted)
        .filter_map(|p| p.role.as_deref())
        .collect();
    let missing: Vec<String> = list
        .rule
        .iter()
        .filter(|role| !signed.contains(role.as_str()))
        .cloned()
        .collect();
    let complete = missing.is_empty();
    let rule = RuleCheck {
        required: list.rule.clone(),
        complete,
        message_key: if complete {
            "trust.rule.complete"
        } else {
            "trust.rule.incomplete"
        },
        params: vec![
            pair("roles", list.rule.join(", ")),
            pair("missing", missing.join(", ")),
        ],
        missing,
    };
    let valid = !proofs.is_empty()
        && proofs
            .iter()
            .all(|p| matches!(p.verdict, TrustVerdict::Trusted | TrustVerdict::Duplicate))
        && price_list
            .as_ref()
            .is_none_or(|p| p.status == PriceListStatus::Official)
        && rule.complete;
    TrustReport {
        proofs,
        price_list,
        rule,
        valid,
    }
}

fn price_list_check(price_list: Option<&Value>, list: &TrustList) -> PriceListCheck {
    let version = price_list
        .and_then(|p| p.get("version"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let digest = price_list
        .filter(|p| p.is_object())
        .and_then(|p| value_digest(p).ok());
    let (Some(version), Some(digest)) = (version, digest) else {
        return PriceListCheck {
            status: PriceListStatus::Missing,
            version: None,
            digest: None,
            official_digest: None,
            message_key: "trust.price_list.missing",
            params: Vec::new(),
        };
    };
    let official = list.price_lists.iter().find(|p| p.version == version);
    let (status, key) = match official {
        None => (
            PriceListStatus::UnknownVersion,
            "trust.price_list.unknown_version",
        ),
        Some(o) if o.digest == digest => (PriceListStatus::Official, "trust.price_list.official"),
        Some(_) => (
            PriceListStatus::NotOfficial,
            "trust.price_list.not_official",
        ),
    };
    let official_digest = official.map(|o| o.digest.clone());
    PriceListCheck {
        status,
        params: vec![
            pair("version", version.clone()),
            pair("digest", digest.clone()),
            pair(
                "official",
                official_digest.clone().unwrap_or_else(|| "—".into()),
            ),
        ],
        version: Some(version),
        digest: Some(digest),
        official_digest,
        message_key: key,
    }
}

/// Every `trust.*` catalogue key this module and its callers show (the `problem.trust.*`
/// keys are found by `tests/engine_messages.rs`).
pub const MESSAGES: &[&str] = &[
    "trust.proof.trusted",
    "trust.proof.unknown_key",
    "trust.proof.outside_validity",
    "trust.proof.revoked",
    "trust.proof.duplicate",
    "trust.proof.same_key",
    "trust.price_list.official",
    "trust.price_list.not_official",
    "trust.price_list.unknown_version",
    "trust.price_list.missing",
    "trust.rule.complete",
    "trust.rule.incomplete",
    "trust.list.signed_by",
    "trust.list.signed_by_pinned",
    "trust.verdict.valid",
    "trust.verdict.not_valid",
    "trust.integrity_only",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_the_catalogue() {
        for key in MESSAGES {
            assert!(crate::i18n::has(key), "{key} is missing from the catalogue");
        }
    }
}
