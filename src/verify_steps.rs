//! Reading a plan file in steps, for the verify screen: [`PlanRead`] is
//! [`signing::read_plan_document`](crate::signing::read_plan_document) — the size, an
//! empty file, strict JSON with the repeated-name refusal and its pointer, "not a plan",
//! a schema this build does not read — with the parse done by
//! [`StrictParse`](crate::engine::json_steps::StrictParse) a bounded piece per step, and
//! without `read_plan_document`'s copy of the whole document (its schema check upgrades a
//! current plan by cloning it). A native test keeps both equal on every kind of file.
//! The steps after it are the engine's: `integrity::ProofSetCheck` and
//! `plan_steps::RecomputeSteps`. Pure; `ui::verify_steps` drives them between turns of
//! the page.

use serde_json::Value;

use crate::engine::json::StrictJsonError;
use crate::engine::json_steps::StrictParse;
use crate::engine::plan::{upgrade_plan, PLAN_SCHEMA, PLAN_SCHEMA_PREFIX};
use crate::engine::problem::Problem;
use crate::signing::{too_large, MAX_FILE_BYTES};

/// A plan file's text being read in steps.
pub struct PlanRead<'t> {
    parse: StrictParse<'t>,
}

impl<'t> PlanRead<'t> {
    /// Starts reading `text`; the checks that need no parse come first (too large, empty).
    pub fn new(text: &'t str) -> Result<PlanRead<'t>, Problem> {
        if text.len() > MAX_FILE_BYTES {
            return Err(too_large());
        }
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            return Err(Problem::new("", "verify.error.empty"));
        }
        Ok(PlanRead {
            parse: StrictParse::new(text),
        })
    }

    /// Reads on for about `budget` bytes; `Some` with the plan document (or why it is not
    /// one) once the text is read.
    pub fn step(&mut self, budget: usize) -> Option<Result<Value, Problem>> {
        let parsed = self.parse.step(budget)?;
        Some(
            parsed
                .map_err(|e| match e {
                    StrictJsonError::Syntax(_) => Problem::new("", "verify.error.not_json"),
                    StrictJsonError::Duplicate(d) => d.problem(),
                })
                .and_then(plan_document),
        )
    }

    /// How much of the text is read, in percent.
    pub fn percent(&self) -> usize {
        self.parse.percent()
    }

    /// The text's length without whitespace between tokens: the expected length of the
    /// document's canonical form (`ProofSetCheck::with_size_hint`).
    pub fn compact_len(&self) -> usize {
        self.parse.compact_len()
    }
}

/// A parsed document as a plan: refused when it is not one or has a schema this build
/// does not read. A current plan is taken as it is; an older one is checked by upgrading
/// it, as `read_plan_document` does (its upgrade is not kept: the file is shown as it is).
fn plan_document(document: Value) -> Result<Value, Problem> {
    let is_plan = document
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with(PLAN_SCHEMA_PREFIX));
    if !is_plan {
        return Err(Problem::new("", "verify.error.not_plan"));
    }
    let current = document.get("schema").and_then(Value::as_str) == Some(PLAN_SCHEMA);
    if !current {
        if let Err(problems) = upgrade_plan(&document) {
            if let Some(p) = problems
                .into_iter()
                .find(|p| p.key.starts_with("problem.schema."))
            {
                return Err(p);
            }
        }
    }
    Ok(document)
}

/// [`PlanRead`] run to the end in steps of `budget` bytes: exactly `read_plan_document`.
pub fn read_plan_in_steps(text: &str, budget: usize) -> Result<Value, Problem> {
    let mut read = PlanRead::new(text)?;
    loop {
        if let Some(done) = read.step(budget) {
            return done;
        }
    }
}
