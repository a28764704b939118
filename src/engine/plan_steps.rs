//! The recompute check of a plan in steps: [`RecomputeSteps`] gives exactly what
//! [`recompute_check`] gives, but works out a plan that recomputes (the common case) a
//! piece per step: the price list, the case's validation, the computation, then the
//! comparison one embedded member at a time (the case, of megabytes in a large plan, is a
//! step of its own). Anything else — not a plan, a schema it does not compute, invalid
//! inputs, a difference — is what `recompute_check` reports, so it is asked for it (run
//! once more in one go: those are rare, and their report must be its own).

use serde_json::{Map, Value};

use super::plan::{
    compute_plan_owned, recompute_check, schema_version, PlanDocument, RecomputeOutcome,
};
use super::reference::ReferenceData;
use super::validate::validate_case;
use super::value_eq::serializes_to;

/// Where the check stands.
enum Stage {
    Start,
    Validate(ReferenceData),
    Compute(ReferenceData, Box<super::case::Case>),
    Compare {
        plan: Box<PlanDocument>,
        /// Embedded members compared so far (in the document's order).
        next: usize,
        matched: usize,
    },
    Done,
}

/// The recompute check of one plan document, in steps.
pub struct RecomputeSteps<'a> {
    doc: &'a Value,
    stage: Stage,
}

impl<'a> RecomputeSteps<'a> {
    /// Starts the check of `doc`.
    pub fn new(doc: &'a Value) -> RecomputeSteps<'a> {
        RecomputeSteps {
            doc,
            stage: Stage::Start,
        }
    }

    /// Does the next piece of work; the outcome once known (exactly `recompute_check`'s),
    /// then `None` for good.
    pub fn step(&mut self) -> Option<RecomputeOutcome> {
        let full = |doc: &Value| Some(recompute_check(doc));
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Start => {
                let Some(object) = self.plan_object() else {
                    return full(self.doc);
                };
                let price_list = object.get("priceList").unwrap_or(&Value::Null);
                match ReferenceData::with_catalogue(price_list) {
                    Ok(reference) => self.stage = Stage::Validate(reference),
                    Err(_) => return full(self.doc),
                }
                None
            }
            Stage::Validate(reference) => {
                let case = self.doc.get("case").unwrap_or(&Value::Null);
                match validate_case(case, &reference) {
                    Ok(case) => self.stage = Stage::Compute(reference, Box::new(case)),
                    Err(_) => return full(self.doc),
                }
                None
            }
            Stage::Compute(reference, case) => {
                match compute_plan_owned(*case, reference.catalogue) {
                    Ok(plan) => {
                        self.stage = Stage::Compare {
                            plan: Box::new(plan),
                            next: 0,
                            matched: 0,
                        }
                    }
                    Err(_) => return full(self.doc),
                }
                None
            }
            Stage::Compare {
                plan,
                next,
                matched,
            } => {
                // As `embedded_equals`: every member but `proof` and `engineVersion` is one
                // of the four the plan serialises to, equal to it.
                let Some(object) = self.doc.as_object() else {
                    return full(self.doc);
                };
                let Some((key, value)) = object.iter().nth(next) else {
                    return if matched == 4 {
                        Some(RecomputeOutcome::Matches)
                    } else {
                        full(self.doc)
                    };
                };
                let equal = match key.as_str() {
                    "proof" | "engineVersion" => None,
                    "schema" => Some(value.as_str() == Some(plan.schema)),
                    "case" => Some(serializes_to(&plan.case, value)),
                    "priceList" => Some(serializes_to(&plan.price_list, value)),
                    "result" => Some(serializes_to(&plan.result, value)),
                    _ => Some(false),
                };
                if equal == Some(false) {
                    return full(self.doc);
                }
                self.stage = Stage::Compare {
                    plan,
                    next: next + 1,
                    matched: matched + usize::from(equal.is_some()),
                };
                None
            }
            Stage::Done => None,
        }
    }

    /// The document as an object of a schema this engine computes, with every member the
    /// check needs; otherwise `None` (and `recompute_check` says why).
    fn plan_object(&self) -> Option<&'a Map<String, Value>> {
        let object = self.doc.as_object()?;
        let computes = matches!(schema_version(self.doc), Ok(Some(1)));
        let complete = ["case", "priceList", "result"]
            .iter()
            .all(|key| object.contains_key(*key));
        (computes && complete).then_some(object)
    }
}

/// [`RecomputeSteps`] run to the end: exactly [`recompute_check`].
pub fn recompute_in_steps(doc: &Value) -> RecomputeOutcome {
    let mut steps = RecomputeSteps::new(doc);
    loop {
        if let Some(outcome) = steps.step() {
            return outcome;
        }
    }
}
