//! The plan document (`"schema": "ib-plan/1"`): every input needed to recompute the plan
//! (the normalised case with its answers, scores, ranks, weights, budget and policies,
//! and the full price list used) plus the result, and the check that an embedded result
//! matches a recomputation. Older documents (`ib-plan/0`) are migrated; newer ones are
//! refused.
//!
//! Determinism: documents are built from structs into a [`serde_json::Value`] whose maps
//! are ordered by key, so the same input always gives byte-identical output. No clock:
//! the only dates are the ones in the input.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::engine::allocate::{allocate, Allocation, Line, MonthSpend, Period, Totals};
use crate::engine::case::Case;
use crate::engine::problem::Problem;
use crate::engine::reference::{Catalogue, ReferenceData};
use crate::engine::scales::{copm_summary, gas_summary, CopmSummary, GasSummary};
use crate::engine::validate::validate_case;
use crate::engine::value_eq::serializes_to;
use crate::engine::ENGINE_VERSION;

/// The schema tag of the documents this engine writes.
pub const PLAN_SCHEMA: &str = "ib-plan/1";
/// The prefix every plan schema tag starts with.
pub const PLAN_SCHEMA_PREFIX: &str = "ib-plan/";
/// The plan schema version this engine writes.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// What re-running the engine on a document's embedded inputs found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecomputeOutcome {
    /// The embedded result equals the recomputed one.
    Matches,
    /// The first difference, as a JSON pointer into the document, with both values.
    Differs {
        /// JSON pointer of the first differing value.
        path: String,
        /// The value embedded in the document (JSON text, or `(absent)`).
        embedded: String,
        /// The value the engine computes (JSON text, or `(absent)`).
        recomputed: String,
    },
    /// The value is not a plan document at all (no `schema` member naming a plan).
    NotAPlan,
    /// The document names a plan schema this engine does not know (e.g. a newer one).
    UnsupportedSchema(String),
    /// The embedded inputs are not valid (paths point into the document).
    Invalid(Vec<Problem>),
}

/// The computed part of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanResult {
    /// The plan period.
    pub period: Period,
    /// Service lines in priority order.
    pub lines: Vec<Line>,
    /// Totals.
    pub totals: Totals,
    /// Planned spend per month.
    pub months: Vec<MonthSpend>,
    /// GAS T-scores of the team goals.
    pub gas: GasSummary,
    /// COPM averages of the parents' goals.
    pub copm: CopmSummary,
}

/// A whole plan document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanDocument {
    /// [`PLAN_SCHEMA`].
    pub schema: &'static str,
    /// The engine version that computed the result.
    pub engine_version: &'static str,
    /// The normalised case.
    pub case: Case,
    /// The price list used.
    pub price_list: Catalogue,
    /// The result.
    pub result: PlanResult,
}

/// Computes the plan of a valid case against a price list.
pub fn compute_plan(case: &Case, catalogue: &Catalogue) -> Result<PlanDocument, Vec<Problem>> {
    compute_plan_owned(case.clone(), catalogue.clone())
}

/// [`compute_plan`] for a case and price list the caller no longer needs: they move into
/// the document instead of being copied.
pub(crate) fn compute_plan_owned(
    case: Case,
    catalogue: Catalogue,
) -> Result<PlanDocument, Vec<Problem>> {
    let Allocation {
        period,
        lines,
        totals,
        months,
    } = allocate(&case, &catalogue)?;
    let gas = gas_summary(&case.goals);
    let copm = copm_summary(&case.questionnaire.goals);
    Ok(PlanDocument {
        schema: PLAN_SCHEMA,
        engine_version: ENGINE_VERSION,
        case,
        price_list: catalogue,
        result: PlanResult {
            period,
            lines,
            totals,
            months,
            gas,
            copm,
        },
    })
}

fn to_value(doc: &PlanDocument) -> Result<Value, Vec<Problem>> {
    serde_json::to_value(doc)
        .map_err(|e| vec![Problem::new("", "problem.internal").with("detail", e)])
}

/// Builds the plan document for a raw case against the given reference data.
pub fn plan_with_reference(case: &Value, reference: &ReferenceData) -> Result<Value, Vec<Problem>> {
    let case = validate_case(case, reference)?;
    to_value(&compute_plan(&case, &reference.catalogue)?)
}

/// Builds the plan document for a raw case, using the built-in reference data.
pub fn plan_from_case_json(case: &Value) -> Result<Value, Vec<Problem>> {
    plan_with_reference(case, &ReferenceData::builtin()?)
}

/// Builds the plan document for a raw case with a municipality's own price list (JSON).
pub fn plan_with_catalogue(case: &Value, catalogue: &Value) -> Result<Value, Vec<Problem>> {
    plan_with_reference(case, &ReferenceData::with_catalogue(catalogue)?)
}

/// The version number of a plan schema tag: `Ok(Some(n))` for `ib-plan/n`, `Ok(None)` for
/// something that is not a plan, `Err(tag)` for a plan tag that is not a number.
pub(crate) fn schema_version(doc: &Value) -> Result<Option<u32>, String> {
    let Some(tag) = doc.get("schema").and_then(Value::as_str) else {
        return Ok(None);
    };
    let Some(version) = tag.strip_prefix(PLAN_SCHEMA_PREFIX) else {
        return Ok(None);
    };
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(tag.to_string());
    }
    version.parse().map(Some).map_err(|_| tag.to_string())
}

fn prefixed(prefix: &str, problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            p.path = format!("{prefix}{}", p.path);
            p
        })
        .collect()
}

/// Turns an `ib-plan/0` draft's case into the current case shape: `weights` was an array
/// `[expert, parent]` of numbers, and there was no `periodMonths` (plans were 6 months).
pub fn migrate_case_v0(case: &Value) -> Value {
    let mut case = case.clone();
    if let Some(settings) = case.get_mut("settings").and_then(Value::as_object_mut) {
        if let Some(Value::Array(pair)) = settings.get("weights") {
            let text = |v: Option<&Value>| match v {
                Some(Value::Number(n)) => Value::String(n.to_string()),
                Some(other) => other.clone(),
                None => Value::Null,
            };
            let mut weights = Map::new();
            weights.insert("expert".into(), text(pair.first()));
            weights.insert("parent".into(), text(pair.get(1)));
            settings.insert("weights".into(), Value::Object(weights));
        }
        if !settings.contains_key("periodMonths") {
            settings.insert("periodMonths".into(), Value::from(6));
        }
    }
    case
}

/// Brings any supported plan document to the current schema. `ib-plan/1` is returned as
/// is; an `ib-plan/0` draft is migrated and computed with its embedded price list (or the
/// built-in one when it has none); newer or unknown versions are refused.
pub fn upgrade_plan(doc: &Value) -> Result<Value, Vec<Problem>> {
    match schema_version(doc) {
        Ok(Some(1)) => Ok(doc.clone()),
        Ok(Some(0)) => {
            let case = doc.get("case").ok_or_else(|| {
                vec![Problem::new("/case", "problem.field.missing").with("field", "case")]
            })?;
            let case = migrate_case_v0(case);
            let reference = match doc.get("priceList") {
                Some(list) => {
                    ReferenceData::with_catalogue(list).map_err(|p| prefixed("/priceList", p))?
                }
                None => ReferenceData::builtin()?,
            };
            plan_with_reference(&case, &reference).map_err(|p| prefixed("/case", p))
        }
        Ok(Some(n)) => Err(vec![Problem::new("/schema", "problem.schema.unsupported")
            .with("found", format!("{PLAN_SCHEMA_PREFIX}{n}"))
            .with("supported", PLAN_SCHEMA)]),
        Err(tag) => Err(vec![Problem::new("/schema", "problem.schema.unsupported")
            .with("found", tag)
            .with("supported", PLAN_SCHEMA)]),
        Ok(None) => Err(vec![Problem::new("/schema", "problem.schema.not_a_plan")]),
    }
}

/// A plan document that recomputes, read back: its price list, its validated case and
/// the recomputed document. What a review and a provision record are made against.
pub struct RecomputedPlan {
    /// The plan's embedded price list.
    pub reference: ReferenceData,
    /// The plan's case, validated.
    pub case: Case,
    /// The document the engine computes from them (equal to the plan, proofs aside).
    pub document: PlanDocument,
}

/// Reads a plan that must recompute (a proof is allowed). A plan whose result differs
/// from its recomputation is refused with `differs_key` at the first difference; other
/// failures with the schema's and the inputs' own problems.
pub fn recomputed_plan(plan: &Value, differs_key: &str) -> Result<RecomputedPlan, Vec<Problem>> {
    match recompute_check(plan) {
        RecomputeOutcome::Matches => {}
        RecomputeOutcome::NotAPlan => {
            return Err(vec![Problem::new("/schema", "problem.schema.not_a_plan")])
        }
        RecomputeOutcome::UnsupportedSchema(found) => {
            return Err(vec![Problem::new("/schema", "problem.schema.unsupported")
                .with("found", found)
                .with("supported", PLAN_SCHEMA)])
        }
        RecomputeOutcome::Invalid(problems) => return Err(problems),
        RecomputeOutcome::Differs { path, .. } => {
            return Err(vec![Problem::new(path, differs_key)])
        }
    }
    let object = plan
        .as_object()
        .ok_or_else(|| vec![Problem::new("", "problem.internal").with("detail", "plan")])?;
    let reference = ReferenceData::with_catalogue(object.get("priceList").unwrap_or(&Value::Null))?;
    let case = validate_case(object.get("case").unwrap_or(&Value::Null), &reference)?;
    let document = compute_plan(&case, &reference.catalogue)?;
    Ok(RecomputedPlan {
        reference,
        case,
        document,
    })
}

/// Re-runs the engine on a plan document's embedded inputs (with the embedded price list)
/// and compares the result with the embedded one. A top-level `proof` member is ignored,
/// and so is `engineVersion` (it is informative; signatures cover it).
///
/// The embedded values are read in place, never copied. The recomputed document is
/// compared with them structurally, as it serialises (see `value_eq`); only when that
/// finds a difference is it turned into JSON to name the first differing value.
pub fn recompute_check(doc: &Value) -> RecomputeOutcome {
    let Some(object) = doc.as_object() else {
        return RecomputeOutcome::NotAPlan;
    };
    match schema_version(doc) {
        Ok(Some(1)) => {}
        Ok(Some(0)) => {
            return RecomputeOutcome::Invalid(vec![Problem::new(
                "/schema",
                "problem.schema.old_version",
            )
            .with("found", "ib-plan/0")
            .with("supported", PLAN_SCHEMA)])
        }
        Ok(Some(n)) => {
            return RecomputeOutcome::UnsupportedSchema(format!("{PLAN_SCHEMA_PREFIX}{n}"))
        }
        Err(tag) => return RecomputeOutcome::UnsupportedSchema(tag),
        Ok(None) => return RecomputeOutcome::NotAPlan,
    }
    let missing: Vec<Problem> = ["case", "priceList", "result"]
        .into_iter()
        .filter(|key| !object.contains_key(*key))
        .map(|key| Problem::new(format!("/{key}"), "problem.field.missing").with("field", key))
        .collect();
    if !missing.is_empty() {
        return RecomputeOutcome::Invalid(missing);
    }
    let price_list = object.get("priceList").unwrap_or(&Value::Null);
    let reference = match ReferenceData::with_catalogue(price_list) {
        Ok(r) => r,
        Err(p) => return RecomputeOutcome::Invalid(prefixed("/priceList", p)),
    };
    let case_value = object.get("case").unwrap_or(&Value::Null);
    let case = match validate_case(case_value, &reference) {
        Ok(c) => c,
        Err(p) => return RecomputeOutcome::Invalid(prefixed("/case", p)),
    };
    let plan = match compute_plan_owned(case, reference.catalogue) {
        Ok(plan) => plan,
        Err(p) => return RecomputeOutcome::Invalid(p),
    };
    if embedded_equals(object, &plan) {
        return RecomputeOutcome::Matches;
    }
    let recomputed = match to_value(&plan) {
        Ok(v) => v,
        Err(p) => return RecomputeOutcome::Invalid(p),
    };
    let mut recomputed = match recomputed {
        Value::Object(map) => map,
        _ => return RecomputeOutcome::Invalid(vec![Problem::new("", "problem.internal")]),
    };
    let mut embedded = object.clone();
    embedded.remove("proof");
    embedded.remove("engineVersion");
    recomputed.remove("engineVersion");
    match first_difference(&Value::Object(embedded), &Value::Object(recomputed), "") {
        None => RecomputeOutcome::Matches,
        Some((path, embedded, recomputed)) => RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        },
    }
}

/// Whether the embedded document, without `proof` and `engineVersion`, is exactly what
/// `plan` serialises to without `engineVersion`. `false` may also mean "not sure": the
/// caller then compares the JSON forms, which is exact.
fn embedded_equals(embedded: &Map<String, Value>, plan: &PlanDocument) -> bool {
    let PlanDocument {
        schema,
        engine_version: _,
        case,
        price_list,
        result,
    } = plan;
    let mut members = 0;
    for (key, value) in embedded {
        let equal = match key.as_str() {
            "proof" | "engineVersion" => continue,
            "schema" => value.as_str() == Some(*schema),
            "case" => serializes_to(case, value),
            "priceList" => serializes_to(price_list, value),
            "result" => serializes_to(result, value),
            _ => false,
        };
        if !equal {
            return false;
        }
        members += 1;
    }
    members == 4
}

const ABSENT: &str = "(absent)";

/// The most characters of a value a difference report carries: a difference in a huge
/// member is described in a short line, not by the member.
pub const MAX_DIFFERENCE_CHARS: usize = 200;

/// The JSON text of a value, cut to [`MAX_DIFFERENCE_CHARS`] characters with its full
/// length, e.g. `"999…… (3000002 characters)`.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    let count = text.chars().count();
    if count <= MAX_DIFFERENCE_CHARS {
        return text;
    }
    let head: String = text.chars().take(MAX_DIFFERENCE_CHARS).collect();
    format!("{head}… ({count} characters)")
}

fn text_of(value: Option<&Value>) -> String {
    value.map_or_else(|| ABSENT.to_string(), shown)
}

/// The first place where two JSON values differ, depth first with object members in key
/// order, with both values as JSON text of at most [`MAX_DIFFERENCE_CHARS`] characters.
/// Recursion follows `b` (the engine's own output, of bounded depth).
///
/// Equal subtrees are skipped with `==` (no allocation); pointers are only built along the
/// path to the difference.
pub fn first_difference(a: &Value, b: &Value, path: &str) -> Option<(String, String, String)> {
    if a == b {
        return None;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            super::order::sort(&mut keys);
            keys.dedup();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(va), Some(vb)) if va == vb => None,
                (Some(va), Some(vb)) => {
                    first_difference(va, vb, &crate::engine::problem::join(path, k))
                }
                (va, vb) => Some((
                    crate::engine::problem::join(path, k),
                    text_of(va),
                    text_of(vb),
                )),
            })
        }
        (Value::Array(x), Value::Array(y)) => {
            let common = x.iter().zip(y).enumerate().find_map(|(i, (va, vb))| {
                (va != vb)
                    .then(|| first_difference(va, vb, &crate::engine::problem::join(path, i)))
                    .flatten()
            });
            common.or_else(|| {
                (x.len() != y.len()).then(|| {
                    let i = x.len().min(y.len());
                    (
                        crate::engine::problem::join(path, i),
                        text_of(x.get(i)),
                        text_of(y.get(i)),
                    )
                })
            })
        }
        _ if a == b => None,
        _ => Some((path.to_string(), shown(a), shown(b))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_in_a_huge_value_is_described_briefly() {
        let huge = Value::String("9".repeat(100_000));
        let a = serde_json::json!({"x": {"y": huge}});
        let b = serde_json::json!({"x": {"y": "1.00"}});
        let Some((path, embedded, recomputed)) = first_difference(&a, &b, "") else {
            panic!("no difference found");
        };
        assert_eq!(path, "/x/y");
        assert!(embedded.ends_with("… (100002 characters)"), "{embedded}");
        assert_eq!(embedded.chars().count(), MAX_DIFFERENCE_CHARS + 21);
        assert_eq!(recomputed, "\"1.00\"");
        let missing = serde_json::json!({"x": {}});
        let Some((_, shown_a, shown_b)) = first_difference(&a, &missing, "") else {
            panic!("no difference found");
        };
        assert!(shown_a.len() < 300);
        assert_eq!(shown_b, ABSENT);
    }
}
