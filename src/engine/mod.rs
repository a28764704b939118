//! The planning engine: pure Rust, no web dependencies, no storage, no clock, no
//! randomness. Time and key seeds come in as arguments. Every function that takes user
//! input returns problems or errors instead of panicking.
//!
//! This module tree compiles for x86_64 and wasm32; `tests/engine_boundary.rs` fails
//! when a file here names a web crate, storage or the clock.

/// The engine's version, written into every plan document it produces.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod allocate;
pub mod case;
pub mod date;
pub mod example;
pub mod explain;
pub mod integrity;
pub mod json;
pub mod money;
pub mod order;
pub mod plan;
pub mod problem;
pub mod providers;
pub mod provision;
pub mod reference;
pub mod report;
pub mod review;
pub mod scales;
pub mod trust;
pub mod validate;
mod value_eq;
// The strict parse in steps, for the verify screen (issue 12, item 4).
pub mod json_steps;
// The recompute check in steps, for the verify screen (issue 12, item 4).
pub mod plan_steps;
