//! The browser shell: Leptos components over engine types. Components hold no domain
//! logic; they read signals and call engine and i18n functions.

mod app;
mod header;
mod start;

pub use app::App;

/// Mounts the app into `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
