//! The browser shell: Leptos components over engine types. Components hold no domain
//! logic; they read signals and call engine and i18n functions.

mod app;
mod bridge;
pub mod browser;
pub mod dom;
pub mod fields;
pub mod form;
mod header;
pub mod prelude;
mod start;
mod steps;
mod update;
mod verify;
mod workspace;

pub use app::{App, Screen};
pub use workspace::Step;

/// Mounts the app into `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
