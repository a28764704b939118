//! The browser shell: Leptos components over engine types. Components hold no domain
//! logic; they read signals and call engine and i18n functions.

mod app;
pub mod browser;
pub mod fields;
mod header;
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
