//! IB plānotājs: a support-planning tool for Latvia's Individual Budget (IB) model.
//!
//! The crate has a pure core and a thin browser shell:
//! - [`engine`] holds the domain (catalogue, case, validation, allocation, scales, plan
//!   documents and signatures). It compiles for every target and never touches the web,
//!   storage, the clock or randomness.
//! - [`i18n`] holds the one message catalogue (Latvian and English) and the locale-aware
//!   formatting of money and dates. It is pure too, so it is tested natively.
//! - `ui` and `storage` exist only on `wasm32`: the Leptos components and the only code
//!   that knows `localStorage`.

pub mod backup;
pub mod draft;
pub mod engine;
pub mod entries;
pub mod exchange;
pub mod field_names;
pub mod files;
pub mod i18n;
pub mod merge;
pub mod personal_key;
pub mod plan_view;
pub mod provision_edit;
pub mod provision_view;
pub mod review_edit;
pub mod review_history;
pub mod seal;
pub mod signing;
pub mod team_edit;
pub mod trust_view;
pub mod way_in;
// Reading a plan file in steps (issue 12, item 4).
pub mod verify_steps;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
