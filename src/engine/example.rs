//! A realistic, complete example case: valid input for the planner, used by the CLI's
//! `example-case`, the UI's "Open example case" and the tests. A 9-year-old in Cēsu
//! novads with functional impairments; ten services whose cost exceeds the budget, so
//! some lines are capped, partly funded or not funded.
//!
//! The case is data (`example-case.json` beside this file), embedded at compile time:
//! as text it is a fraction of the size of code that builds the same value.

use serde_json::Value;

const EXAMPLE_CASE: &str = include_str!("example-case.json");

/// The example case as raw input JSON. The embedded text is a constant that the tests
/// parse and plan; should it ever fail to parse, an empty object is returned (which
/// validation then reports field by field), never a panic.
pub fn example_case_json() -> Value {
    serde_json::from_str(EXAMPLE_CASE).unwrap_or_else(|_| Value::Object(Default::default()))
}
