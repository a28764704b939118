//! The plan document (`"schema": "ib-plan/1"`): every input needed to recompute the plan
//! plus the result, and the check that an embedded result matches a recomputation.

use crate::engine::problem::Problem;

/// What re-running the engine on a document's embedded inputs found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecomputeOutcome {
    /// The embedded result equals the recomputed one.
    Matches,
    /// The first difference, as a JSON pointer into the document, with both values.
    Differs {
        /// JSON pointer of the first differing value.
        path: String,
        /// The value embedded in the document (JSON text).
        embedded: String,
        /// The value the engine computes (JSON text).
        recomputed: String,
    },
    /// The value is not a plan document at all (no `schema` member naming a plan).
    NotAPlan,
    /// The document names a plan schema this engine does not know.
    UnsupportedSchema(String),
    /// The embedded inputs are not valid.
    Invalid(Vec<Problem>),
}

/// Builds the plan document for a raw case, using the built-in reference data.
pub fn plan_from_case_json(_case: &serde_json::Value) -> Result<serde_json::Value, Vec<Problem>> {
    Err(vec![Problem::new("", "problem.not_implemented")])
}

/// Re-runs the engine on a plan document's embedded inputs (with the embedded price list)
/// and compares the result with the embedded one. A top-level `proof` member is ignored.
pub fn recompute_check(_doc: &serde_json::Value) -> RecomputeOutcome {
    RecomputeOutcome::Invalid(vec![Problem::new("", "problem.not_implemented")])
}
