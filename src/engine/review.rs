//! The review after the plan period (`"schema": "ib-review/1"`): the record of what was
//! reached (each team goal's attained GAS level with a note and the team's conclusion,
//! the parents' new COPM ratings, the units delivered per funded service, the parents'
//! comments) and the outcome the engine computes from it (GAS T-scores at baseline and
//! at review, overall and per term; COPM average changes with the ≥ 2 flag; the share of
//! funded units delivered).
//!
//! A review names its plan by the plan's digest ([`document_digest`]: SHA-256 of the JCS
//! of the plan without its `proof`). [`review_from_plan`] builds the document from a plan
//! and the typed-in input (`ibplan review PLAN.json INPUT.json`); the record then carries
//! what it took from the plan (each goal's term, weight and baseline, each parent goal's
//! baseline ratings, each funded service's units), so [`review_recompute_check`] can
//! recompute the outcome from the document alone.
//!
//! Determinism: the record lists goals and services in the plan's order (the input's
//! order does not matter); the document is built from structs into a
//! [`serde_json::Value`] whose maps are ordered by key. No clock.

use std::collections::BTreeSet;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::engine::case::{Case, Term};
use crate::engine::date::Date;
use crate::engine::integrity::canonical_document;
use crate::engine::plan::PLAN_SCHEMA_PREFIX;
use crate::engine::plan::{first_difference, recomputed_plan, RecomputeOutcome, RecomputedPlan};
use crate::engine::problem::{join, Problem};
use crate::engine::reference::serialize_display;
use crate::engine::scales::{t_scores, TScores, COPM_IMPORTANT_CHANGE, RHO};
use crate::engine::validate::{gas_level, score, Reader, MAX_ID_LEN, MAX_QUANTITY, MAX_TEXT_LEN};
use crate::engine::ENGINE_VERSION;

/// The schema tag of the review documents this engine writes.
pub const REVIEW_SCHEMA: &str = "ib-review/1";
/// The prefix every review schema tag starts with.
pub const REVIEW_SCHEMA_PREFIX: &str = "ib-review/";

/// The team's conclusion about one goal at the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Conclusion {
    /// The goal was reached.
    Achieved,
    /// Keep working on the goal as it is.
    Continue,
    /// Keep the goal but change it (its levels, its support).
    Change,
    /// Drop the goal.
    Drop,
}

impl Conclusion {
    /// Every conclusion, in the order forms offer them.
    pub const ALL: [Conclusion; 4] = [
        Conclusion::Achieved,
        Conclusion::Continue,
        Conclusion::Change,
        Conclusion::Drop,
    ];

    /// The code written in documents.
    pub fn code(self) -> &'static str {
        match self {
            Conclusion::Achieved => "achieved",
            Conclusion::Continue => "continue",
            Conclusion::Change => "change",
            Conclusion::Drop => "drop",
        }
    }

    /// The conclusion with this code.
    pub fn parse(code: &str) -> Option<Conclusion> {
        Conclusion::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Conclusion::Achieved => "review.conclusion.achieved",
            Conclusion::Continue => "review.conclusion.continue",
            Conclusion::Change => "review.conclusion.change",
            Conclusion::Drop => "review.conclusion.drop",
        }
    }
}

/// One team goal at the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalReview {
    /// The goal's id in the plan.
    pub id: String,
    /// Long or short term (from the plan).
    pub term: Term,
    /// Weight for the weighted T-score (from the plan).
    pub weight: u32,
    /// The level at the start (from the plan).
    pub baseline: i8,
    /// The level reached, −2..=+2.
    pub attained: i8,
    /// The team's note (may be empty).
    pub note: String,
    /// The team's conclusion.
    pub conclusion: Conclusion,
}

/// A pair of COPM ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratings {
    /// Performance 1–10.
    pub performance: u8,
    /// Satisfaction 1–10.
    pub satisfaction: u8,
}

/// One parents' goal at the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParentGoalReview {
    /// The goal's id in the plan's questionnaire.
    pub id: String,
    /// The ratings at the assessment (from the plan).
    pub baseline: Ratings,
    /// Performance 1–10 now.
    pub performance: u8,
    /// Satisfaction 1–10 now.
    pub satisfaction: u8,
}

/// One funded service: the units the plan funded and the units delivered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryLine {
    /// Service code.
    pub code: String,
    /// Units funded by the plan (at least 1).
    pub funded: u64,
    /// Units delivered (at most `funded`).
    pub delivered: u64,
}

/// The review's inputs: what was typed in and what was taken from the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewRecord {
    /// [`document_digest`] of the plan reviewed (64 lower-case hex digits).
    pub plan_digest: String,
    /// The child's pseudonymous id (from the plan).
    pub child_id: String,
    /// The plan's first day.
    #[serde(serialize_with = "serialize_display")]
    pub start_date: Date,
    /// The plan's length in months.
    pub period_months: u32,
    /// The team goals, in the plan's order.
    pub goals: Vec<GoalReview>,
    /// The parents' goals, in the plan's order.
    pub parent_goals: Vec<ParentGoalReview>,
    /// The funded services, in the plan's priority order.
    pub delivery: Vec<DeliveryLine>,
    /// The parents' own comments (may be empty).
    pub comments: String,
}

/// T-scores of a group of goals at baseline and at review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GasGroup {
    /// Number of goals in the group.
    pub goals: usize,
    /// T-scores of the baseline levels.
    pub baseline: TScores,
    /// T-scores of the attained levels.
    pub review: TScores,
    /// Review minus baseline (of the rounded T-scores).
    pub change: TScores,
}

/// One goal's weight, as used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalWeight {
    /// Goal id.
    pub goal: String,
    /// Its weight.
    pub weight: u32,
}

/// The GAS outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GasOutcome {
    /// The correlation ρ used in the T-score formula.
    #[serde(serialize_with = "serialize_display")]
    pub rho: Decimal,
    /// The weights used, one per goal.
    pub weights: Vec<GoalWeight>,
    /// All goals (`None` without goals).
    pub overall: Option<GasGroup>,
    /// Long-term goals (`None` without any).
    pub long_term: Option<GasGroup>,
    /// Short-term goals (`None` without any).
    pub short_term: Option<GasGroup>,
}

/// One parents' goal's COPM change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopmGoalChange {
    /// Goal id.
    pub id: String,
    /// Performance now minus at the assessment.
    pub performance_change: i8,
    /// Satisfaction now minus at the assessment.
    pub satisfaction_change: i8,
    /// Performance change ≥ 2.
    pub performance_important: bool,
    /// Satisfaction change ≥ 2.
    pub satisfaction_important: bool,
}

/// COPM averages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopmAverages {
    /// Average performance, 2 decimals.
    #[serde(serialize_with = "serialize_display")]
    pub performance: Decimal,
    /// Average satisfaction, 2 decimals.
    #[serde(serialize_with = "serialize_display")]
    pub satisfaction: Decimal,
}

/// The COPM outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopmOutcome {
    /// Each goal's change.
    pub goals: Vec<CopmGoalChange>,
    /// Averages at the assessment.
    pub baseline: CopmAverages,
    /// Averages at the review.
    pub review: CopmAverages,
    /// Average performance change (exact, then rounded to 2 decimals).
    #[serde(serialize_with = "serialize_display")]
    pub performance_change: Decimal,
    /// Average satisfaction change (exact, then rounded to 2 decimals).
    #[serde(serialize_with = "serialize_display")]
    pub satisfaction_change: Decimal,
    /// The exact average performance change is ≥ 2.
    pub performance_important: bool,
    /// The exact average satisfaction change is ≥ 2.
    pub satisfaction_important: bool,
}

/// One service's delivery share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryShare {
    /// Service code.
    pub code: String,
    /// Units funded.
    pub funded: u64,
    /// Units delivered.
    pub delivered: u64,
    /// Delivered as a percentage of funded, 2 decimals.
    #[serde(serialize_with = "serialize_display")]
    pub percent: Decimal,
}

/// The delivery outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryOutcome {
    /// Per funded service.
    pub services: Vec<DeliveryShare>,
    /// Units funded in total.
    pub funded: u64,
    /// Units delivered in total.
    pub delivered: u64,
    /// Delivered as a percentage of funded over all services, 2 decimals (`None` when
    /// the plan funded nothing).
    #[serde(serialize_with = "serialize_opt")]
    pub percent: Option<Decimal>,
}

/// What the engine computes from a [`ReviewRecord`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewOutcome {
    /// GAS T-scores.
    pub gas: GasOutcome,
    /// COPM changes.
    pub copm: CopmOutcome,
    /// Delivery shares.
    pub delivery: DeliveryOutcome,
}

/// A whole review document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDocument {
    /// [`REVIEW_SCHEMA`].
    pub schema: &'static str,
    /// The engine version that computed the outcome.
    pub engine_version: &'static str,
    /// The inputs.
    pub review: ReviewRecord,
    /// The outcome.
    pub outcome: ReviewOutcome,
}

/// Why no review was made: problems in the plan (paths into the plan document) or in the
/// input (paths into the input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewError {
    /// The plan is not a valid, recomputable `ib-plan/1` document.
    Plan(Vec<Problem>),
    /// The input has problems.
    Input(Vec<Problem>),
}

fn serialize_opt<S: serde::Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// Rounds to 2 decimals, half away from zero, and always shows 2 decimals.
fn round2(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// SHA-256 (lower-case hex) of the JCS form of a document without its top-level `proof`
/// member; `None` for a value that is not an object (or cannot be canonicalised).
pub fn document_digest(document: &Value) -> Option<String> {
    let text = canonical_document(document).ok()?;
    Some(
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

fn is_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

// ---------------------------------------------------------------------------------------
// The outcome.

fn gas_group(goals: &[&GoalReview]) -> Option<GasGroup> {
    if goals.is_empty() {
        return None;
    }
    let weights: Vec<u32> = goals.iter().map(|g| g.weight).collect();
    let before: Vec<i8> = goals.iter().map(|g| g.baseline).collect();
    let after: Vec<i8> = goals.iter().map(|g| g.attained).collect();
    let baseline = t_scores(&before, &weights)?;
    let review = t_scores(&after, &weights)?;
    Some(GasGroup {
        goals: goals.len(),
        baseline,
        review,
        change: TScores {
            unweighted: review.unweighted - baseline.unweighted,
            weighted: review.weighted - baseline.weighted,
        },
    })
}

fn average(values: impl Iterator<Item = u8>) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut count = 0u32;
    for v in values {
        sum += Decimal::from(v);
        count += 1;
    }
    (count > 0).then(|| sum / Decimal::from(count))
}

fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let share = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole))?;
    Some(round2(share))
}

fn internal(detail: &str) -> Vec<Problem> {
    vec![Problem::new("", "problem.internal").with("detail", detail)]
}

/// Computes the outcome of a review record. Fails only on a record the readers would
/// not produce (no parents' goals, a funded count of 0, totals that overflow).
pub fn compute_outcome(record: &ReviewRecord) -> Result<ReviewOutcome, Vec<Problem>> {
    let all: Vec<&GoalReview> = record.goals.iter().collect();
    let of_term = |term: Term| -> Vec<&GoalReview> {
        record.goals.iter().filter(|g| g.term == term).collect()
    };
    let gas = GasOutcome {
        rho: RHO,
        weights: record
            .goals
            .iter()
            .map(|g| GoalWeight {
                goal: g.id.clone(),
                weight: g.weight,
            })
            .collect(),
        overall: gas_group(&all),
        long_term: gas_group(&of_term(Term::Long)),
        short_term: gas_group(&of_term(Term::Short)),
    };
    if !record.goals.is_empty() && gas.overall.is_none() {
        return Err(internal("gas"));
    }

    let goals = &record.parent_goals;
    let (Some(p0), Some(s0), Some(p1), Some(s1)) = (
        average(goals.iter().map(|g| g.baseline.performance)),
        average(goals.iter().map(|g| g.baseline.satisfaction)),
        average(goals.iter().map(|g| g.performance)),
        average(goals.iter().map(|g| g.satisfaction)),
    ) else {
        return Err(internal("copm"));
    };
    let copm = CopmOutcome {
        goals: goals
            .iter()
            .map(|g| {
                // Ratings are 1–10, so the changes fit an i8.
                let dp = g.performance as i8 - g.baseline.performance as i8;
                let ds = g.satisfaction as i8 - g.baseline.satisfaction as i8;
                CopmGoalChange {
                    id: g.id.clone(),
                    performance_change: dp,
                    satisfaction_change: ds,
                    performance_important: Decimal::from(dp) >= COPM_IMPORTANT_CHANGE,
                    satisfaction_important: Decimal::from(ds) >= COPM_IMPORTANT_CHANGE,
                }
            })
            .collect(),
        baseline: CopmAverages {
            performance: round2(p0),
            satisfaction: round2(s0),
        },
        review: CopmAverages {
            performance: round2(p1),
            satisfaction: round2(s1),
        },
        performance_change: round2(p1 - p0),
        satisfaction_change: round2(s1 - s0),
        performance_important: p1 - p0 >= COPM_IMPORTANT_CHANGE,
        satisfaction_important: s1 - s0 >= COPM_IMPORTANT_CHANGE,
    };

    let mut services = Vec::with_capacity(record.delivery.len());
    let mut funded = 0u64;
    let mut delivered = 0u64;
    for line in &record.delivery {
        let share = percent(line.delivered, line.funded).ok_or_else(|| internal("delivery"))?;
        funded = funded
            .checked_add(line.funded)
            .ok_or_else(|| internal("delivery"))?;
        delivered = delivered
            .checked_add(line.delivered)
            .ok_or_else(|| internal("delivery"))?;
        services.push(DeliveryShare {
            code: line.code.clone(),
            funded: line.funded,
            delivered: line.delivered,
            percent: share,
        });
    }
    let delivery = DeliveryOutcome {
        services,
        funded,
        delivered,
        percent: percent(delivered, funded),
    };
    Ok(ReviewOutcome {
        gas,
        copm,
        delivery,
    })
}

/// The review document of a record.
pub fn compute_review(record: ReviewRecord) -> Result<ReviewDocument, Vec<Problem>> {
    let outcome = compute_outcome(&record)?;
    Ok(ReviewDocument {
        schema: REVIEW_SCHEMA,
        engine_version: ENGINE_VERSION,
        review: record,
        outcome,
    })
}

fn to_value(doc: &ReviewDocument) -> Result<Value, Vec<Problem>> {
    serde_json::to_value(doc).map_err(|e| internal(&e.to_string()))
}

// ---------------------------------------------------------------------------------------
// Reading the typed parts (shared by the input and the document's record).

fn read_conclusion(r: &mut Reader, g: &Map<String, Value>, path: &str) -> Option<Conclusion> {
    let text = r.required_text(g, "conclusion", path, 16)?;
    let conclusion = Conclusion::parse(&text);
    if conclusion.is_none() {
        r.push(
            Problem::new(join(path, "conclusion"), "problem.review.conclusion").with("value", text),
        );
    }
    conclusion
}

/// The typed part of a goal: attained level, note, conclusion.
fn read_goal_typed(
    r: &mut Reader,
    g: &Map<String, Value>,
    path: &str,
) -> (Option<i8>, String, Option<Conclusion>) {
    let attained = r
        .required(g, "attained", path)
        .and_then(|v| gas_level(r, v, &join(path, "attained")));
    let note = r.optional_text(g, "note", path);
    let conclusion = read_conclusion(r, g, path);
    (attained, note, conclusion)
}

fn read_ratings(r: &mut Reader, g: &Map<String, Value>, path: &str) -> Option<Ratings> {
    let performance = score(r, g, "performance", path);
    let satisfaction = score(r, g, "satisfaction", path);
    Some(Ratings {
        performance: performance?,
        satisfaction: satisfaction?,
    })
}

fn read_units(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    path: &str,
    min: i64,
) -> Option<u64> {
    let v = r.required(map, key, path)?;
    let n = r.integer(v, &join(path, key), min, MAX_QUANTITY)?;
    u64::try_from(n).ok()
}

fn check_delivered(r: &mut Reader, path: &str, delivered: u64, funded: u64) -> bool {
    if delivered > funded {
        r.push(
            Problem::new(
                join(path, "delivered"),
                "problem.review.delivered_over_funded",
            )
            .with("delivered", delivered)
            .with("funded", funded),
        );
        return false;
    }
    true
}

/// The list under `key`; a missing one is an empty list (its entries are then reported
/// as missing one by one).
fn list<'a>(r: &mut Reader, root: &'a Map<String, Value>, key: &str) -> Option<&'a [Value]> {
    match root.get(key) {
        None | Some(Value::Null) => Some(&[]),
        Some(v) => r.array(v, &join("", key)).map(Vec::as_slice),
    }
}

// ---------------------------------------------------------------------------------------
// From a plan and the typed-in input.

/// What the review takes from a plan.
struct PlanFacts {
    digest: String,
    case: Case,
    /// `(code, funded units)` of every line with at least one funded unit, in order.
    funded: Vec<(String, u64)>,
}

fn plan_facts(plan: &Value) -> Result<PlanFacts, Vec<Problem>> {
    let RecomputedPlan {
        case,
        document: computed,
        ..
    } = recomputed_plan(plan, "problem.review.plan_differs")?;
    let funded = computed
        .result
        .lines
        .iter()
        .filter(|l| l.funded_units > 0)
        .map(|l| (l.code.clone(), l.funded_units))
        .collect();
    let digest = document_digest(plan).ok_or_else(|| internal("digest"))?;
    Ok(PlanFacts {
        digest,
        case,
        funded,
    })
}

/// Reads the typed-in input against the plan's facts.
fn read_input(r: &mut Reader, input: &Value, facts: &PlanFacts) -> Option<ReviewRecord> {
    let root = r.object(input, "")?;
    let case = &facts.case;

    // Team goals.
    let mut goals: Vec<Option<(i8, String, Conclusion)>> = vec![None; case.goals.len()];
    let mut ok = true;
    if let Some(items) = list(r, root, "goals") {
        let mut ids = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let gp = join("/goals", i);
            let Some(g) = r.object(item, &gp) else {
                ok = false;
                continue;
            };
            let id = r.unique_id(g, &gp, &mut ids);
            let (attained, note, conclusion) = read_goal_typed(r, g, &gp);
            let Some(id) = id else {
                ok = false;
                continue;
            };
            let Some(at) = case.goals.iter().position(|goal| goal.id == id) else {
                r.push(
                    Problem::new(join(&gp, "id"), "problem.review.goal_unknown").with("id", &id),
                );
                ok = false;
                continue;
            };
            match (attained, conclusion) {
                (Some(a), Some(c)) if goals[at].is_none() => goals[at] = Some((a, note, c)),
                _ => ok = false,
            }
        }
    } else {
        ok = false;
    }
    let seen_goals = ok;

    // Parents' goals.
    let parent = &case.questionnaire.goals;
    let mut ratings: Vec<Option<Ratings>> = vec![None; parent.len()];
    let mut ok = true;
    if let Some(items) = list(r, root, "parentGoals") {
        let mut ids = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let gp = join("/parentGoals", i);
            let Some(g) = r.object(item, &gp) else {
                ok = false;
                continue;
            };
            let id = r.unique_id(g, &gp, &mut ids);
            let now = read_ratings(r, g, &gp);
            let Some(id) = id else {
                ok = false;
                continue;
            };
            let Some(at) = parent.iter().position(|goal| goal.id == id) else {
                r.push(
                    Problem::new(join(&gp, "id"), "problem.review.parent_goal_unknown")
                        .with("id", &id),
                );
                ok = false;
                continue;
            };
            match now {
                Some(now) if ratings[at].is_none() => ratings[at] = Some(now),
                _ => ok = false,
            }
        }
    } else {
        ok = false;
    }
    let seen_parent = ok;

    // Delivery.
    let mut delivered: Vec<Option<u64>> = vec![None; facts.funded.len()];
    let mut ok = true;
    if let Some(items) = list(r, root, "delivery") {
        let mut codes = BTreeSet::new();
        for (i, item) in items.iter().enumerate() {
            let lp = join("/delivery", i);
            let Some(l) = r.object(item, &lp) else {
                ok = false;
                continue;
            };
            let code = r.required_text(l, "code", &lp, MAX_ID_LEN);
            let units = read_units(r, l, "delivered", &lp, 0);
            let Some(code) = code else {
                ok = false;
                continue;
            };
            if !codes.insert(code.clone()) {
                r.push(
                    Problem::new(join(&lp, "code"), "problem.service.duplicate")
                        .with("code", &code),
                );
                ok = false;
                continue;
            }
            let Some(at) = facts.funded.iter().position(|(c, _)| *c == code) else {
                r.push(
                    Problem::new(join(&lp, "code"), "problem.review.service_not_funded")
                        .with("code", &code),
                );
                ok = false;
                continue;
            };
            match units {
                Some(units) if check_delivered(r, &lp, units, facts.funded[at].1) => {
                    delivered[at] = Some(units)
                }
                _ => ok = false,
            }
        }
    } else {
        ok = false;
    }
    let seen_delivery = ok;

    let comments = r.optional_text(root, "comments", "");

    // What the plan has and the input does not (only reported when the list itself was
    // read without problems, so one mistake is not reported twice).
    if seen_goals {
        for (goal, entry) in case.goals.iter().zip(&goals) {
            if entry.is_none() {
                r.push(Problem::new("/goals", "problem.review.goal_missing").with("id", &goal.id));
            }
        }
    }
    if seen_parent {
        for (goal, entry) in parent.iter().zip(&ratings) {
            if entry.is_none() {
                r.push(
                    Problem::new("/parentGoals", "problem.review.parent_goal_missing")
                        .with("id", &goal.id),
                );
            }
        }
    }
    if seen_delivery {
        for ((code, _), entry) in facts.funded.iter().zip(&delivered) {
            if entry.is_none() {
                r.push(
                    Problem::new("/delivery", "problem.review.delivery_missing").with("code", code),
                );
            }
        }
    }

    let goals: Option<Vec<GoalReview>> = case
        .goals
        .iter()
        .zip(goals)
        .map(|(goal, entry)| {
            entry.map(|(attained, note, conclusion)| GoalReview {
                id: goal.id.clone(),
                term: goal.term,
                weight: goal.weight,
                baseline: goal.baseline,
                attained,
                note,
                conclusion,
            })
        })
        .collect();
    let parent_goals: Option<Vec<ParentGoalReview>> = parent
        .iter()
        .zip(ratings)
        .map(|(goal, now)| {
            now.map(|now| ParentGoalReview {
                id: goal.id.clone(),
                baseline: Ratings {
                    performance: goal.performance,
                    satisfaction: goal.satisfaction,
                },
                performance: now.performance,
                satisfaction: now.satisfaction,
            })
        })
        .collect();
    let delivery: Option<Vec<DeliveryLine>> = facts
        .funded
        .iter()
        .zip(delivered)
        .map(|((code, funded), delivered)| {
            delivered.map(|delivered| DeliveryLine {
                code: code.clone(),
                funded: *funded,
                delivered,
            })
        })
        .collect();
    Some(ReviewRecord {
        plan_digest: facts.digest.clone(),
        child_id: case.child.id.clone(),
        start_date: case.settings.start_date,
        period_months: case.settings.period_months,
        goals: goals?,
        parent_goals: parent_goals?,
        delivery: delivery?,
        comments,
    })
}

fn finish<T>(r: Reader, value: Option<T>) -> Result<T, Vec<Problem>> {
    match value {
        Some(value) if r.problems.is_empty() => Ok(value),
        _ if r.problems.is_empty() => Err(vec![Problem::new("", "problem.case.incomplete")]),
        _ => Err(r.problems),
    }
}

/// Builds the review record of a plan from the typed-in input:
/// `{"goals": [{"id", "attained", "note"?, "conclusion"}], "parentGoals": [{"id",
/// "performance", "satisfaction"}], "delivery": [{"code", "delivered"}], "comments"?}`.
/// Every team goal, every parents' goal and every service the plan funded must be there
/// once; nothing else may.
pub fn review_record(plan: &Value, input: &Value) -> Result<ReviewRecord, ReviewError> {
    let facts = plan_facts(plan).map_err(ReviewError::Plan)?;
    let mut r = Reader::new();
    let record = read_input(&mut r, input, &facts);
    finish(r, record).map_err(ReviewError::Input)
}

/// The review document (JSON) of a plan and the typed-in input ([`review_record`]).
pub fn review_from_plan(plan: &Value, input: &Value) -> Result<Value, ReviewError> {
    let record = review_record(plan, input)?;
    let doc = compute_review(record).map_err(ReviewError::Input)?;
    to_value(&doc).map_err(ReviewError::Input)
}

// ---------------------------------------------------------------------------------------
// The document's record, for the recompute check.

fn read_record(r: &mut Reader, value: &Value, path: &str) -> Option<ReviewRecord> {
    let root = r.object(value, path)?;
    let plan_digest = r.required_text(root, "planDigest", path, 64).and_then(|d| {
        if is_digest(&d) {
            Some(d)
        } else {
            r.push(Problem::new(
                join(path, "planDigest"),
                "problem.review.digest_malformed",
            ));
            None
        }
    });
    let child_id = r.required_text(root, "childId", path, MAX_ID_LEN);
    let start_date = r
        .required_text(root, "startDate", path, 32)
        .and_then(|text| {
            let date = Date::parse(&text);
            if date.is_none() {
                r.push(
                    Problem::new(join(path, "startDate"), "problem.date.malformed")
                        .with("value", text),
                );
            }
            date
        });
    let period_months = r
        .required(root, "periodMonths", path)
        .and_then(|v| r.integer(v, &join(path, "periodMonths"), 1, 12))
        .and_then(|m| u32::try_from(m).ok());

    let goals = r.required(root, "goals", path).and_then(|v| {
        let gp = join(path, "goals");
        let items = r.array(v, &gp)?;
        let mut ids = BTreeSet::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let ip = join(&gp, i);
            let Some(g) = r.object(item, &ip) else {
                ok = false;
                continue;
            };
            let id = r.unique_id(g, &ip, &mut ids);
            let term = r
                .required_text(g, "term", &ip, 16)
                .and_then(|t| match t.as_str() {
                    "long" => Some(Term::Long),
                    "short" => Some(Term::Short),
                    _ => {
                        r.push(
                            Problem::new(join(&ip, "term"), "problem.goal.term").with("value", t),
                        );
                        None
                    }
                });
            let weight = r
                .required(g, "weight", &ip)
                .and_then(|v| r.integer(v, &join(&ip, "weight"), 1, 100))
                .and_then(|w| u32::try_from(w).ok());
            let baseline = r
                .required(g, "baseline", &ip)
                .and_then(|v| gas_level(r, v, &join(&ip, "baseline")));
            let (attained, note, conclusion) = read_goal_typed(r, g, &ip);
            match (id, term, weight, baseline, attained, conclusion) {
                (Some(id), Some(term), Some(weight), Some(baseline), Some(attained), Some(c)) => {
                    out.push(GoalReview {
                        id,
                        term,
                        weight,
                        baseline,
                        attained,
                        note,
                        conclusion: c,
                    })
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    });

    let parent_goals = r.required(root, "parentGoals", path).and_then(|v| {
        let gp = join(path, "parentGoals");
        let items = r.array(v, &gp)?;
        if items.is_empty() {
            r.push(Problem::new(&gp, "problem.questionnaire.empty"));
            return None;
        }
        let mut ids = BTreeSet::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let ip = join(&gp, i);
            let Some(g) = r.object(item, &ip) else {
                ok = false;
                continue;
            };
            let id = r.unique_id(g, &ip, &mut ids);
            let baseline = r.required(g, "baseline", &ip).and_then(|b| {
                let bp = join(&ip, "baseline");
                let b = r.object(b, &bp)?;
                read_ratings(r, b, &bp)
            });
            let now = read_ratings(r, g, &ip);
            match (id, baseline, now) {
                (Some(id), Some(baseline), Some(now)) => out.push(ParentGoalReview {
                    id,
                    baseline,
                    performance: now.performance,
                    satisfaction: now.satisfaction,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    });

    let delivery = r.required(root, "delivery", path).and_then(|v| {
        let dp = join(path, "delivery");
        let items = r.array(v, &dp)?;
        let mut codes = BTreeSet::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let lp = join(&dp, i);
            let Some(l) = r.object(item, &lp) else {
                ok = false;
                continue;
            };
            let code = r.required_text(l, "code", &lp, MAX_ID_LEN);
            if let Some(code) = &code {
                if !codes.insert(code.clone()) {
                    r.push(
                        Problem::new(join(&lp, "code"), "problem.service.duplicate")
                            .with("code", code),
                    );
                    ok = false;
                }
            }
            let funded = read_units(r, l, "funded", &lp, 1);
            let delivered = read_units(r, l, "delivered", &lp, 0);
            match (code, funded, delivered) {
                (Some(code), Some(funded), Some(delivered))
                    if check_delivered(r, &lp, delivered, funded) =>
                {
                    out.push(DeliveryLine {
                        code,
                        funded,
                        delivered,
                    })
                }
                _ => ok = false,
            }
        }
        ok.then_some(out)
    });

    let comments = match r.required(root, "comments", path) {
        Some(v) => r.text(v, &join(path, "comments"), MAX_TEXT_LEN, true),
        None => None,
    };
    Some(ReviewRecord {
        plan_digest: plan_digest?,
        child_id: child_id?,
        start_date: start_date?,
        period_months: period_months?,
        goals: goals?,
        parent_goals: parent_goals?,
        delivery: delivery?,
        comments: comments?,
    })
}

/// Reads a review document's record (paths point into the document).
pub fn read_review_record(doc: &Value) -> Result<ReviewRecord, Vec<Problem>> {
    let mut r = Reader::new();
    if !is_review(doc) {
        return Err(vec![Problem::new("/schema", "problem.schema.not_a_review")]);
    }
    let record = match doc.get("review") {
        Some(v) if !v.is_null() => read_record(&mut r, v, "/review"),
        _ => {
            r.push(Problem::new("/review", "problem.field.missing").with("field", "review"));
            None
        }
    };
    finish(r, record)
}

/// Whether a value names a review schema (any version).
pub fn is_review(doc: &Value) -> bool {
    doc.get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(REVIEW_SCHEMA_PREFIX))
}

/// Recomputes a review document's outcome from its record and compares the document
/// with the recomputation, ignoring the top-level `proof` member and `engineVersion`,
/// like [`crate::engine::plan::recompute_check`]. `NotAPlan` here means "not a review
/// document". Whether the digest names a given plan is a separate check.
pub fn review_recompute_check(doc: &Value) -> RecomputeOutcome {
    let Some(object) = doc.as_object() else {
        return RecomputeOutcome::NotAPlan;
    };
    let Some(tag) = object.get("schema").and_then(Value::as_str) else {
        return RecomputeOutcome::NotAPlan;
    };
    if !tag.starts_with(REVIEW_SCHEMA_PREFIX) {
        return RecomputeOutcome::NotAPlan;
    }
    if tag != REVIEW_SCHEMA {
        return RecomputeOutcome::UnsupportedSchema(tag.to_string());
    }
    if !object.contains_key("outcome") {
        return RecomputeOutcome::Invalid(vec![
            Problem::new("/outcome", "problem.field.missing").with("field", "outcome")
        ]);
    }
    let record = match read_review_record(doc) {
        Ok(record) => record,
        Err(problems) => return RecomputeOutcome::Invalid(problems),
    };
    let recomputed = match compute_review(record).and_then(|d| to_value(&d)) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return RecomputeOutcome::Invalid(internal("review")),
        Err(problems) => return RecomputeOutcome::Invalid(problems),
    };
    let mut recomputed = recomputed;
    recomputed.remove("engineVersion");
    let mut embedded = object.clone();
    embedded.remove("proof");
    embedded.remove("engineVersion");
    match first_difference(&Value::Object(embedded), &Value::Object(recomputed), "") {
        None => RecomputeOutcome::Matches,
        Some((path, embedded, recomputed)) => RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        },
    }
}

/// Whether a review names the plan given beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanLink {
    /// No plan was given; the review names the plan with this digest.
    NotGiven {
        /// The digest the review names.
        named: String,
    },
    /// The plan given is the one the review names.
    Matches {
        /// The common digest.
        digest: String,
    },
    /// The plan given is another plan (or the same plan changed after the review).
    Differs {
        /// The digest the review names.
        named: String,
        /// The digest of the plan given.
        given: String,
    },
    /// The file given as the plan is not a plan document (`ib-plan/…`).
    NotAPlan,
    /// The review names no well-formed plan digest (its record has problems).
    NoDigest,
}

impl PlanLink {
    /// The message key (in `review_messages`) that says this in words.
    pub fn key(&self) -> &'static str {
        match self {
            PlanLink::NotGiven { .. } => "review.plan.not_given",
            PlanLink::Matches { .. } => "review.plan.matches",
            PlanLink::Differs { .. } => "review.plan.differs",
            PlanLink::NotAPlan => "review.plan.not_a_plan",
            PlanLink::NoDigest => "review.plan.no_digest",
        }
    }

    /// The message's parameters.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            PlanLink::NotGiven { named } => vec![("named", named.clone())],
            PlanLink::Matches { digest } => vec![("digest", digest.clone())],
            PlanLink::Differs { named, given } => {
                vec![("named", named.clone()), ("given", given.clone())]
            }
            PlanLink::NotAPlan | PlanLink::NoDigest => Vec::new(),
        }
    }

    /// Whether the link lets a review pass verification: a plan given must be the one
    /// named; no plan given passes (and is said).
    pub fn passes(&self) -> bool {
        matches!(self, PlanLink::NotGiven { .. } | PlanLink::Matches { .. })
    }
}

/// Checks that `plan` (when given) is the plan the review document names by its digest
/// ([`document_digest`]: the plan without its proofs, so signatures added to the plan
/// after the review was made do not break the link).
pub fn plan_link(review: &Value, plan: Option<&Value>) -> PlanLink {
    let named = review
        .pointer("/review/planDigest")
        .and_then(Value::as_str)
        .filter(|d| is_digest(d));
    let Some(named) = named else {
        return PlanLink::NoDigest;
    };
    let named = named.to_string();
    let Some(plan) = plan else {
        return PlanLink::NotGiven { named };
    };
    let is_plan = plan
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(PLAN_SCHEMA_PREFIX));
    if !is_plan {
        return PlanLink::NotAPlan;
    }
    match document_digest(plan) {
        Some(given) if given == named => PlanLink::Matches { digest: given },
        Some(given) => PlanLink::Differs { named, given },
        None => PlanLink::NotAPlan,
    }
}

/// What kind of document a value is, by its `schema` member.
pub fn document_kind(doc: &Value) -> Option<&'static str> {
    let tag = doc.get("schema").and_then(Value::as_str)?;
    if tag.starts_with(PLAN_SCHEMA_PREFIX) {
        Some("plan")
    } else if tag.starts_with(REVIEW_SCHEMA_PREFIX) {
        Some("review")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conclusions_round_trip() {
        for c in Conclusion::ALL {
            assert_eq!(Conclusion::parse(c.code()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), Value::from(c.code()));
        }
        assert_eq!(Conclusion::parse("Achieved"), None);
    }

    #[test]
    fn percent_is_exact_and_rounded() {
        assert_eq!(percent(5, 6).unwrap().to_string(), "83.33");
        assert_eq!(percent(1, 8).unwrap().to_string(), "12.50");
        assert_eq!(percent(0, 3).unwrap().to_string(), "0.00");
        assert_eq!(percent(3, 3).unwrap().to_string(), "100.00");
        assert_eq!(percent(1, 0), None);
    }

    #[test]
    fn a_review_names_its_plan_by_digest_and_proofs_do_not_matter() {
        let plan = serde_json::json!({"schema": "ib-plan/1", "case": {"x": 1}});
        let digest = document_digest(&plan).unwrap();
        let review = serde_json::json!({"schema": REVIEW_SCHEMA, "review": {"planDigest": digest}});
        assert_eq!(
            plan_link(&review, None),
            PlanLink::NotGiven {
                named: digest.clone()
            }
        );
        assert!(plan_link(&review, None).passes());
        let mut signed = plan.clone();
        signed["proof"] = serde_json::json!([{"type": "DataIntegrityProof"}]);
        assert_eq!(
            plan_link(&review, Some(&signed)),
            PlanLink::Matches {
                digest: digest.clone()
            }
        );
        let other = serde_json::json!({"schema": "ib-plan/1", "case": {"x": 2}});
        let link = plan_link(&review, Some(&other));
        assert!(matches!(&link, PlanLink::Differs { named, .. } if *named == digest));
        assert!(!link.passes());
        let not_plan = serde_json::json!({"schema": REVIEW_SCHEMA});
        assert_eq!(plan_link(&review, Some(&not_plan)), PlanLink::NotAPlan);
        let broken = serde_json::json!({"schema": REVIEW_SCHEMA, "review": {"planDigest": "ABC"}});
        assert_eq!(plan_link(&broken, Some(&plan)), PlanLink::NoDigest);
        assert!(!PlanLink::NoDigest.passes() && !PlanLink::NotAPlan.passes());
    }

    #[test]
    fn digests_are_hex() {
        let d = document_digest(&serde_json::json!({"a": 1, "proof": {"x": 1}})).unwrap();
        assert!(is_digest(&d));
        assert_eq!(d, document_digest(&serde_json::json!({"a": 1})).unwrap());
        assert_eq!(document_digest(&Value::from(3)), None);
    }
}
