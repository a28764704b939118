//! The browser shell: Leptos components, one file per screen plus shared pieces. Screens
//! hold no domain logic; they read signals and call engine and i18n functions.

mod app;
pub mod browser;
mod entries;
pub mod form;
mod header;
pub mod lazy;
mod lock;
mod lock_settings;
mod parent;
pub mod parts;
pub mod prelude;
mod review_outcome;
mod saves;
mod saves_part;
mod start;
mod start_file;
mod steps;
mod tabs;
mod update;
mod verify;
// Issue 13: personal keys (chunk `keys`), the unlocked key, verification under a trust list.
mod keys;
pub(crate) mod personal;
mod verify_review;
mod verify_trust;
mod workspace;
// The verify screen's work in slices (issue 12, item 4).
mod verify_steps;
// An amended plan's earlier versions on the verify screen (issue 14, item 5).
mod verify_amends;

pub use app::{App, Screen};
pub use workspace::Step;

/// Mounts the app into `<body>`. The app lives as long as the page.
///
/// Framed by another page (`window.top !== window.self`), it mounts nothing, reads no
/// storage and registers no service worker: it shows a short bilingual notice with a
/// link that opens the app in a tab of its own. A host that sends the headers of the
/// README (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) never lets the page load
/// in a frame at all; this covers hosts that do not.
pub fn mount() {
    if is_framed() {
        show_framed_notice();
        return;
    }
    leptos::mount::mount_to_body(app::App);
}

/// Whether this page runs inside a frame. When the top window cannot be read at all,
/// it is treated as framed.
fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    match window.top() {
        Ok(Some(top)) => top != window,
        _ => true,
    }
}

/// Replaces the loading splash with the notice, built with DOM calls (no markup parsed,
/// no style attributes), in Latvian and English.
fn show_framed_notice() {
    use crate::i18n::{t, Lang};
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let build = || -> Result<(), wasm_bindgen::JsValue> {
        if let Some(boot) = document.get_element_by_id("boot") {
            boot.remove();
        }
        let main = document.create_element("main")?;
        main.set_id("framed");
        for lang in [Lang::Lv, Lang::En] {
            let section = document.create_element("section")?;
            section.set_attribute("lang", lang.tag())?;
            let h1 = document.create_element(if lang == Lang::Lv { "h1" } else { "h2" })?;
            h1.set_text_content(Some(t(lang, "framed.title")));
            let p = document.create_element("p")?;
            p.set_text_content(Some(t(lang, "framed.body")));
            p.append_with_str_1(" ")?;
            let a = document.create_element("a")?;
            a.set_attribute("href", &document.url()?)?;
            a.set_attribute("target", "_blank")?;
            a.set_attribute("rel", "noopener noreferrer")?;
            a.set_text_content(Some(t(lang, "framed.open")));
            p.append_with_node_1(&a)?;
            section.append_with_node_1(&h1)?;
            section.append_with_node_1(&p)?;
            main.append_with_node_1(&section)?;
        }
        body.append_with_node_1(&main)?;
        Ok(())
    };
    let _ = build();
}

/// Mounts the app into `parent` (the in-browser tests). The returned handle unmounts it
/// when dropped; keep it for as long as the app should stay.
pub fn mount_to(
    parent: web_sys::HtmlElement,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    leptos::mount::mount_to(parent, app::App)
}
