//! The browser shell: screens built with the small DOM builder in [`dom`] over
//! `reactive_graph` signals. Screens hold no domain logic; they read signals and call
//! engine and i18n functions.

mod app;
pub mod browser;
pub mod dom;
pub mod form;
mod header;
pub mod parts;
pub mod prelude;
mod start;
mod steps;
mod update;
mod verify;
mod workspace;

pub use app::Screen;
pub use workspace::Step;

/// Mounts the app into `<body>`.
pub fn mount() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        mount_to(&body);
    }
}

/// Mounts the app into `parent`. The app lives as long as the page, so its root owner
/// is never cleaned up.
pub fn mount_to(parent: &web_sys::Element) {
    // Owners are handles: nothing is disposed until `cleanup` is called.
    let view = crate::reactive::Owner::new().with(app::app);
    dom::mount(parent, view);
}
