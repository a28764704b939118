//! The browser shell: Leptos components, one file per screen plus shared pieces. Screens
//! hold no domain logic; they read signals and call engine and i18n functions.

mod app;
pub mod browser;
pub mod form;
mod header;
pub mod lazy;
pub mod parts;
pub mod prelude;
mod start;
mod steps;
mod update;
mod verify;
mod workspace;

pub use app::{App, Screen};
pub use workspace::Step;

/// Mounts the app into `<body>`. The app lives as long as the page.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}

/// Mounts the app into `parent` (the in-browser tests). The returned handle unmounts it
/// when dropped; keep it for as long as the app should stay.
pub fn mount_to(
    parent: web_sys::HtmlElement,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    leptos::mount::mount_to(parent, app::App)
}
