//! Signing, exporting and verifying plans: the pure part behind the sign step and the
//! verify screen. Key files, the signatures kept with a case, the signed document that is
//! downloaded, file names, and readable summaries of a plan file and of its verification.
//!
//! Signatures are kept in the case at [`SIGNATURES_POINTER`] as entries
//! `{"participant": "team/SW", "planDigest": "<sha-256 hex>", "proof": {…}}`: the proof is
//! an `eddsa-jcs-2022` proof over the plan document computed from the case; the digest
//! (of the canonical plan) tells whether the case changed after signing, in which case the
//! signature is *outdated*. The engine validates only the case members it knows, so the
//! extra member does not disturb validation, and the plan document never contains it.
//!
//! No clock, no randomness, no storage: times and key seeds come in as arguments.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::engine::integrity::{
    self, is_date_time_stamp, IntegrityError, KeyPair, ProofOptions, ProofStatus,
};
use crate::engine::json::{parse_strict, StrictJsonError};
use crate::engine::plan::{recompute_check, upgrade_plan, RecomputeOutcome, PLAN_SCHEMA_PREFIX};
use crate::engine::problem::Problem;
use crate::i18n::{format_date, format_money, Lang};

/// Where a case keeps its signatures.
pub const SIGNATURES_POINTER: &str = "/signatures";
/// The id of the parent (legal representative) among the participants.
pub const PARENT: &str = "parent";
/// The largest plan file the verify screen reads.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The proof purpose of a plan signature.
pub const PURPOSE: &str = "assertionMethod";

// ---------------------------------------------------------------------------------------
// Participants and keys

/// Someone who can sign a case's plan: the parent or a member of the assessment team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Stable within the case: `parent`, or `team/<member id>`.
    pub id: String,
    /// `parent` or the member's role code (e.g. `social_worker`).
    pub role: String,
    /// The member's name, when the team step recorded one.
    pub name: Option<String>,
}

/// The participants of a case: the parent first, then every team member in team order.
/// Members without an id are named by their position (`team/#2`).
pub fn participants(case: &Value) -> Vec<Participant> {
    let mut out = vec![Participant {
        id: PARENT.to_string(),
        role: PARENT.to_string(),
        name: None,
    }];
    let members = case.pointer("/team").and_then(Value::as_array);
    for (index, member) in members.into_iter().flatten().enumerate() {
        let text = |field: &str| {
            member
                .get(field)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let id = match text("id") {
            Some(id) => format!("team/{id}"),
            None => format!("team/#{index}"),
        };
        if out.iter().any(|p| p.id == id) {
            continue;
        }
        out.push(Participant {
            id,
            role: text("role").unwrap_or_else(|| "member".to_string()),
            name: text("name"),
        });
    }
    out
}

/// The storage slot of a participant's key on this device. A parent's key belongs to one
/// case (each family is someone else); a team member's key follows the person (role and
/// name) across the cases on this device, so their fingerprint stays the same.
pub fn key_slot(case_id: &str, participant: &Participant) -> String {
    if participant.role == PARENT {
        format!("parent/{case_id}")
    } else {
        format!(
            "{}/{}",
            participant.role,
            participant.name.as_deref().unwrap_or("")
        )
    }
}

/// Whether a character may stay in a file name: ASCII letters and digits, `-`, `_`, and
/// any non-ASCII character that is not a space or a control character (letters such as
/// `ē` or `Ж`; every character that file systems reserve is ASCII).
pub fn is_file_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '_'
        || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
}

/// Keeps the characters [`is_file_name_char`] allows; anything else becomes `_`. Never
/// empty.
pub fn safe_file_stem(text: &str) -> String {
    let stem: String = text
        .trim()
        .chars()
        .take(80)
        .map(|c| if is_file_name_char(c) { c } else { '_' })
        .collect();
    if stem.is_empty() {
        "plan".to_string()
    } else {
        stem
    }
}

/// `<role>-key.json` for a participant's key export.
pub fn key_file_name(participant: &Participant) -> String {
    format!("{}-key.json", safe_file_stem(&participant.role))
}

/// `<pseudonym>-plan.json` for a plan document (its child's pseudonymous id).
pub fn plan_file_name(plan: &Value) -> String {
    let pseudonym = plan
        .pointer("/case/child/id")
        .and_then(Value::as_str)
        .unwrap_or("plan");
    format!("{}-plan.json", safe_file_stem(pseudonym))
}

/// A key file's text: `{publicKeyMultibase, secretKeyMultibase}`, pretty-printed.
pub fn key_to_text(key: &KeyPair) -> String {
    serde_json::to_string_pretty(&key.to_key_json()).unwrap_or_default()
}

/// Reads a key file (also one with `privateKeyMultibase`, as in the W3C test vectors).
pub fn key_from_text(text: &str) -> Result<KeyPair, Problem> {
    let value = parse_strict(text.trim_start_matches('\u{feff}')).map_err(|e| match e {
        StrictJsonError::Syntax(_) => Problem::new("", "sign.key.not_json"),
        StrictJsonError::Duplicate(d) => d.problem(),
    })?;
    KeyPair::from_key_json(&value).map_err(integrity_problem)
}

/// An integrity error as a problem the UI can put into words.
pub fn integrity_problem(error: IntegrityError) -> Problem {
    let mut problem = Problem::new("", error.key());
    for (name, value) in error.params() {
        problem = problem.with(name, value);
    }
    problem
}

/// A browser timestamp (`2026-11-22T06:00:05.123Z`) as a proof's `created`
/// (`2026-11-22T06:00:05Z`): whole seconds, UTC. `None` when it is not one.
pub fn created_stamp(iso: &str) -> Option<String> {
    let head = iso.get(..19)?;
    let stamp = format!("{head}Z");
    is_date_time_stamp(&stamp).then_some(stamp)
}

// ---------------------------------------------------------------------------------------
// Signatures kept with a case

/// One signature kept with a case.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredSignature {
    /// The participant's id (see [`Participant::id`]).
    pub participant: String,
    /// [`plan_digest`] of the plan that was signed.
    pub plan_digest: String,
    /// The proof.
    pub proof: Value,
}

impl StoredSignature {
    fn to_value(&self) -> Value {
        let mut entry = Map::new();
        entry.insert("participant".into(), self.participant.clone().into());
        entry.insert("planDigest".into(), self.plan_digest.clone().into());
        entry.insert("proof".into(), self.proof.clone());
        Value::Object(entry)
    }
}

/// The signatures kept with a case; entries that are not objects are ignored.
pub fn read_signatures(case: &Value) -> Vec<StoredSignature> {
    let entries = case.pointer(SIGNATURES_POINTER).and_then(Value::as_array);
    entries
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|entry| {
            let text = |field: &str| {
                entry
                    .get(field)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            StoredSignature {
                participant: text("participant"),
                plan_digest: text("planDigest"),
                proof: entry.get("proof").cloned().unwrap_or(Value::Null),
            }
        })
        .collect()
}

/// Writes the signatures into the case (removing the member when there are none).
pub fn write_signatures(case: &mut Value, signatures: &[StoredSignature]) {
    let Some(object) = case.as_object_mut() else {
        return;
    };
    if signatures.is_empty() {
        object.remove("signatures");
    } else {
        let list = signatures.iter().map(StoredSignature::to_value).collect();
        object.insert("signatures".into(), Value::Array(list));
    }
}

/// SHA-256 (hex) of the canonical (JCS) plan without its `proof` member. Empty when the
/// plan cannot be canonicalised (then it matches no signature).
pub fn plan_digest(plan: &Value) -> String {
    let text = match plan {
        Value::Object(object) if object.contains_key("proof") => {
            let mut object = object.clone();
            object.remove("proof");
            integrity::canonicalize(&Value::Object(object))
        }
        other => integrity::canonicalize(other),
    };
    match text {
        Ok(text) => Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        Err(_) => String::new(),
    }
}

/// Signs `plan` as `participant` with `key` at `created` (purpose `assertionMethod`) and
/// returns the case's new signature list: the participant's earlier signature, if any,
/// is replaced; the others are kept (outdated ones stay visible as outdated).
pub fn sign_plan(
    signatures: &[StoredSignature],
    plan: &Value,
    participant: &str,
    key: &KeyPair,
    created: &str,
) -> Result<Vec<StoredSignature>, IntegrityError> {
    let options = ProofOptions::new(created).with_purpose(PURPOSE);
    let unsigned = without_proof(plan);
    let proof = integrity::create_proof(&unsigned, key, &options)?;
    let mut out: Vec<StoredSignature> = signatures
        .iter()
        .filter(|s| s.participant != participant)
        .cloned()
        .collect();
    out.push(StoredSignature {
        participant: participant.to_string(),
        plan_digest: plan_digest(&unsigned),
        proof,
    });
    Ok(out)
}

fn without_proof(plan: &Value) -> Value {
    let mut plan = plan.clone();
    if let Some(object) = plan.as_object_mut() {
        object.remove("proof");
    }
    plan
}

/// The state of a signature kept with a case, against the plan as it is now.
#[derive(Clone, Debug, PartialEq)]
pub enum SignatureState {
    /// Signed this very plan; the signature checks out.
    Valid,
    /// The case changed after signing: the signature is for an earlier plan.
    Outdated,
    /// The signature does not check out (with the reason).
    Invalid(Problem),
}

impl SignatureState {
    /// The catalogue key naming the state.
    pub fn key(&self) -> &'static str {
        match self {
            SignatureState::Valid => "sign.status.valid",
            SignatureState::Outdated => "sign.status.outdated",
            SignatureState::Invalid(_) => "sign.status.invalid",
        }
    }
}

/// A signature kept with a case, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureView {
    /// The participant's id.
    pub participant: String,
    /// The key's short fingerprint, when the proof names a usable key.
    pub fingerprint: Option<String>,
    /// The proof's `created`, as written.
    pub created: Option<String>,
    /// Valid, outdated or invalid.
    pub state: SignatureState,
}

/// Checks every signature kept with a case against the current plan.
pub fn signature_views(plan: &Value, signatures: &[StoredSignature]) -> Vec<SignatureView> {
    let current = plan_digest(plan);
    let mut document = without_proof(plan);
    if let Some(object) = document.as_object_mut() {
        let proofs = signatures.iter().map(|s| s.proof.clone()).collect();
        object.insert("proof".into(), Value::Array(proofs));
    }
    // A refused proof set (more than MAX_PROOFS) makes every signature invalid, for that
    // reason.
    let (reports, refusal) = match integrity::verify_document(&document) {
        Ok(report) => (report.proofs, None),
        Err(error) => (Vec::new(), Some(integrity_problem(error))),
    };
    signatures
        .iter()
        .enumerate()
        .map(|(index, signature)| {
            let report = reports.get(index);
            let fingerprint = report.and_then(|r| r.fingerprint.clone());
            let created = report.and_then(|r| r.created.clone());
            let state = if signature.plan_digest != current {
                SignatureState::Outdated
            } else {
                match report {
                    Some(r) if r.status == ProofStatus::Valid => SignatureState::Valid,
                    Some(r) => {
                        let mut problem =
                            Problem::new("", r.error.unwrap_or("integrity.status.invalid"));
                        for (name, value) in &r.error_params {
                            problem = problem.with(name, value);
                        }
                        SignatureState::Invalid(problem)
                    }
                    None => SignatureState::Invalid(
                        refusal
                            .clone()
                            .unwrap_or_else(|| Problem::new("", "integrity.document.not_object")),
                    ),
                }
            };
            SignatureView {
                participant: signature.participant.clone(),
                fingerprint,
                created,
                state,
            }
        })
        .collect()
}

/// The document to download: the plan with the proofs of the signatures that are valid
/// for it (one proof as an object, several as a proof set). Outdated and invalid
/// signatures are left out, so the file always verifies.
pub fn signed_document(plan: &Value, signatures: &[StoredSignature]) -> Value {
    let views = signature_views(plan, signatures);
    let mut proofs: Vec<Value> = signatures
        .iter()
        .zip(&views)
        .filter(|(_, view)| view.state == SignatureState::Valid)
        .map(|(signature, _)| signature.proof.clone())
        .collect();
    let mut document = without_proof(plan);
    if let Some(object) = document.as_object_mut() {
        match proofs.len() {
            0 => {}
            1 => {
                object.insert("proof".into(), proofs.remove(0));
            }
            _ => {
                object.insert("proof".into(), Value::Array(proofs));
            }
        }
    }
    document
}

// ---------------------------------------------------------------------------------------
// Opening and verifying a plan file

/// What the verify screen shows about a plan file.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// The file's plan document.
    pub document: Value,
    /// One line per proof.
    pub proofs: Vec<ProofLine>,
    /// What recomputing the plan found.
    pub recompute: Recompute,
    /// A readable summary of the plan.
    pub summary: PlanSummary,
}

/// One proof of a plan file.
#[derive(Clone, Debug, PartialEq)]
pub struct ProofLine {
    /// Valid, invalid or unsupported.
    pub status: ProofStatus,
    /// The key's short fingerprint.
    pub fingerprint: Option<String>,
    /// The proof purpose, as written.
    pub purpose: Option<String>,
    /// `created`, as written.
    pub created: Option<String>,
    /// Why the proof is invalid or unsupported.
    pub reason: Option<Problem>,
}

/// What recomputing a plan file found.
#[derive(Clone, Debug, PartialEq)]
pub enum Recompute {
    /// The embedded result is what the engine computes.
    Matches,
    /// The first difference.
    Differs {
        /// JSON pointer into the document.
        path: String,
        /// The value in the file (JSON text).
        embedded: String,
        /// The value the engine computes (JSON text).
        recomputed: String,
    },
    /// The plan could not be recomputed: a summary message and the engine's problems.
    NotPossible(Problem, Vec<Problem>),
}

/// Reads a plan file's text and verifies it. The error is a problem the UI puts into
/// words: a file too large, incomplete or not JSON, not an IB plan, or a plan version
/// this program does not support.
///
/// The verify screen runs the same steps one by one ([`read_plan_document`], then
/// [`integrity::ProofSetCheck`] step by step, [`proof_lines`], [`recompute_of`],
/// [`Verified::new`]), giving the browser a turn between them.
pub fn open_plan_text(text: &str) -> Result<Verified, Problem> {
    let document = read_plan_document(text)?;
    let check = integrity::ProofSetCheck::new(&document).map_err(integrity_problem)?;
    let proofs = proof_lines(check.finish());
    let recompute = recompute_of(&document);
    Ok(Verified::new(document, proofs, recompute))
}

/// The first step of [`open_plan_text`]: the text as a plan document, or why it is not
/// one (too large, empty, not JSON, a repeated member name, not a plan, an unsupported
/// plan version).
pub fn read_plan_document(text: &str) -> Result<Value, Problem> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(Problem::new("", "verify.error.empty"));
    }
    let document = parse_strict(text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => Problem::new("", "verify.error.not_json"),
        StrictJsonError::Duplicate(d) => d.problem(),
    })?;
    let is_plan = document
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(PLAN_SCHEMA_PREFIX));
    if !is_plan {
        return Err(Problem::new("", "verify.error.not_plan"));
    }
    if let Err(problems) = upgrade_plan(&document) {
        if let Some(p) = problems
            .into_iter()
            .find(|p| p.key.starts_with("problem.schema."))
        {
            return Err(p);
        }
    }
    Ok(document)
}

/// A verification report as the lines the verify screen shows.
pub fn proof_lines(report: integrity::VerificationReport) -> Vec<ProofLine> {
    report
        .proofs
        .into_iter()
        .map(|r| ProofLine {
            status: r.status,
            fingerprint: r.fingerprint,
            purpose: r.purpose,
            created: r.created,
            reason: r.error.map(|key| {
                let mut problem = Problem::new("", key);
                for (name, value) in &r.error_params {
                    problem = problem.with(name, value);
                }
                problem
            }),
        })
        .collect()
}

/// Whether re-running the engine on a plan document gives the result written in it.
pub fn recompute_of(document: &Value) -> Recompute {
    recompute_from(recompute_check(document))
}

/// A recompute check's outcome as the verify screen shows it (the check may have been
/// run in steps: `engine::plan_steps`).
pub fn recompute_from(outcome: RecomputeOutcome) -> Recompute {
    match outcome {
        RecomputeOutcome::Matches => Recompute::Matches,
        RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        } => Recompute::Differs {
            path,
            embedded,
            recomputed,
        },
        RecomputeOutcome::NotAPlan => {
            Recompute::NotPossible(Problem::new("", "integrity.recompute.not_a_plan"), vec![])
        }
        RecomputeOutcome::UnsupportedSchema(schema) => Recompute::NotPossible(
            Problem::new("", "integrity.recompute.unsupported_schema").with("schema", schema),
            vec![],
        ),
        RecomputeOutcome::Invalid(problems) => {
            Recompute::NotPossible(Problem::new("", "integrity.recompute.invalid"), problems)
        }
    }
}

impl Verified {
    /// What was found in a plan document: its proofs, the recomputation and a summary.
    pub fn new(document: Value, proofs: Vec<ProofLine>, recompute: Recompute) -> Verified {
        let summary = PlanSummary::of(&document);
        Verified {
            document,
            proofs,
            recompute,
            summary,
        }
    }
}

/// The message for a file larger than [`MAX_FILE_BYTES`].
pub fn too_large() -> Problem {
    Problem::new("", "verify.error.too_large").with("limit", "5")
}

// ---------------------------------------------------------------------------------------
// A readable summary of a plan document

/// One service line of a plan, as text taken defensively from the document.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LineSummary {
    /// Priority position (1 = first).
    pub position: String,
    /// Service code.
    pub code: String,
    /// Latvian name.
    pub name_lv: String,
    /// English name.
    pub name_en: String,
    /// Unit code (`hour`, `session`, …).
    pub unit: String,
    /// Units requested.
    pub quantity: String,
    /// Price per unit (document text).
    pub unit_price: String,
    /// Combined score.
    pub score: String,
    /// Units funded.
    pub funded_units: String,
    /// Amount funded (document text).
    pub funded_amount: String,
    /// Amount not funded (document text).
    pub unmet_amount: String,
    /// Message key of the reason.
    pub reason_key: String,
    /// The reason's placeholders.
    pub reason_params: Vec<(String, String)>,
}

impl LineSummary {
    /// The service name in a language.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Lv if !self.name_lv.is_empty() => &self.name_lv,
            Lang::En if !self.name_en.is_empty() => &self.name_en,
            _ => &self.code,
        }
    }
}

/// One team goal of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct GoalSummary {
    /// `long` or `short`.
    pub term: String,
    /// The goal.
    pub text: String,
}

/// A plan document in a form ready to show or print. Every field is taken defensively:
/// a missing or odd value is an empty string, never a panic.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PlanSummary {
    /// The child's pseudonymous id.
    pub pseudonym: String,
    /// The municipality code.
    pub municipality: String,
    /// The target group code.
    pub target_group: String,
    /// Period start (`YYYY-MM-DD`).
    pub start: String,
    /// Period end (`YYYY-MM-DD`).
    pub end: String,
    /// Period length in months.
    pub months: String,
    /// Experts' weight (e.g. `0.6`).
    pub expert_weight: String,
    /// Parents' weight.
    pub parent_weight: String,
    /// Funding policy code (`fill` or `strict`).
    pub policy: String,
    /// Budget.
    pub budget: String,
    /// Amount allocated.
    pub allocated: String,
    /// Budget left.
    pub remaining: String,
    /// Sum of all requested services.
    pub requested: String,
    /// Unmet need.
    pub unmet: String,
    /// Service lines in priority order.
    pub lines: Vec<LineSummary>,
    /// Team goals.
    pub goals: Vec<GoalSummary>,
    /// The engine version that computed the plan.
    pub engine_version: String,
}

fn text_at(doc: &Value, pointer: &str) -> String {
    match doc.pointer(pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

impl PlanSummary {
    /// Reads the summary of a plan document.
    pub fn of(doc: &Value) -> PlanSummary {
        let lines = doc
            .pointer("/result/lines")
            .and_then(Value::as_array)
            .map(|lines| lines.iter().map(line_summary).collect())
            .unwrap_or_default();
        let goals = doc
            .pointer("/case/goals")
            .and_then(Value::as_array)
            .map(|goals| {
                goals
                    .iter()
                    .map(|g| GoalSummary {
                        term: text_at(g, "/term"),
                        text: text_at(g, "/text"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        PlanSummary {
            pseudonym: text_at(doc, "/case/child/id"),
            municipality: text_at(doc, "/case/child/municipality"),
            target_group: text_at(doc, "/case/child/targetGroup"),
            start: text_at(doc, "/result/period/start"),
            end: text_at(doc, "/result/period/end"),
            months: text_at(doc, "/result/period/months"),
            expert_weight: text_at(doc, "/case/settings/weights/expert"),
            parent_weight: text_at(doc, "/case/settings/weights/parent"),
            policy: text_at(doc, "/case/settings/policy"),
            budget: text_at(doc, "/result/totals/budget"),
            allocated: text_at(doc, "/result/totals/allocated"),
            remaining: text_at(doc, "/result/totals/remaining"),
            requested: text_at(doc, "/result/totals/requested"),
            unmet: text_at(doc, "/result/totals/unmet"),
            lines,
            goals,
            engine_version: text_at(doc, "/engineVersion"),
        }
    }
}

fn line_summary(line: &Value) -> LineSummary {
    let reason_params = line
        .get("reason")
        .and_then(Value::as_object)
        .map(|reason| {
            reason
                .iter()
                .filter(|(name, _)| name.as_str() != "code" && name.as_str() != "cause")
                .map(|(name, value)| {
                    let text = match value {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (name.clone(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    LineSummary {
        position: text_at(line, "/position"),
        code: text_at(line, "/code"),
        name_lv: text_at(line, "/name/lv"),
        name_en: text_at(line, "/name/en"),
        unit: text_at(line, "/unit"),
        quantity: text_at(line, "/quantity"),
        unit_price: text_at(line, "/unitPrice"),
        score: text_at(line, "/score"),
        funded_units: text_at(line, "/fundedUnits"),
        funded_amount: text_at(line, "/fundedAmount"),
        unmet_amount: text_at(line, "/unmetAmount"),
        reason_key: text_at(line, "/reasonKey"),
        reason_params,
    }
}

/// A document's money text in a language (`1 234,56 €` / `€1,234.56`); text that is not
/// an amount is shown as it is.
pub fn money_text(lang: Lang, raw: &str) -> String {
    match raw.trim().parse::<Decimal>() {
        Ok(amount) => format_money(lang, amount),
        Err(_) => raw.to_string(),
    }
}

/// A document's `YYYY-MM-DD` date in a language; anything else is shown as it is.
pub fn date_text(lang: Lang, raw: &str) -> String {
    let parts: Vec<&str> = raw.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
                (Ok(y), Ok(m), Ok(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
                    format_date(lang, y, m, d)
                }
                _ => raw.to_string(),
            }
        }
        _ => raw.to_string(),
    }
}

/// A weight such as `0.6` as a whole percentage (`60`); other text as it is.
pub fn percent_text(raw: &str) -> String {
    match raw.trim().parse::<Decimal>() {
        Ok(weight) => (weight * Decimal::from(100)).normalize().to_string(),
        Err(_) => raw.to_string(),
    }
}

/// Words for where a recomputed plan differs, when the pointer names a total or a field
/// of a service line: `(message key, placeholders)`. `None` for other places (the
/// pointer itself is shown then).
pub fn difference_place(path: &str) -> Option<(&'static str, Vec<(&'static str, String)>)> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let total = |name: &str| match name {
        "budget" => Some("plan_doc.budget"),
        "allocated" => Some("plan_doc.allocated"),
        "remaining" => Some("plan_doc.remaining"),
        "requested" => Some("plan_doc.requested"),
        "unmet" => Some("plan_doc.unmet"),
        _ => None,
    };
    match parts.as_slice() {
        ["result", "totals", name] => total(name).map(|key| {
            (
                "verify.recompute.place_total",
                vec![("what", key.to_string())],
            )
        }),
        ["result", "lines", index, ..] => {
            let n = index.parse::<usize>().ok()?.checked_add(1)?;
            Some(("verify.recompute.place_line", vec![("n", n.to_string())]))
        }
        ["case", ..] | ["priceList", ..] => Some(("verify.recompute.place_input", vec![])),
        _ => None,
    }
}
