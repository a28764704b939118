//! In-browser tests: the real app mounted into a real DOM in headless Chromium
//! (wasm-bindgen-test). Run with `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Mounts a fresh app into its own container, with no stored language preference.
fn mount_fresh_app() -> HtmlElement {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("clear storage");
    }
    let _ = web_sys::window().expect("window").location().set_hash("");
    let doc = document();
    let container: HtmlElement = doc
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    // The app lives for the rest of this test page.
    ib_planner::ui::mount_to(&container);
    container
}

/// Lets the app's effects run: re-renders after a change are batched on the executor,
/// and a change can take a few rounds to reach the page (signal, memo, region).
async fn settle() {
    for _ in 0..5 {
        let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
        ib_planner::reactive::flush();
    }
}

fn text_of(container: &HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn click(container: &HtmlElement, selector: &str) {
    container
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn start_screen_is_latvian_by_default_and_offers_both_actions() {
    let app = mount_fresh_app();
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Sāciet atbalsta plānu");
    assert_eq!(text_of(&app, "#new-case"), "Jauna lieta");
    assert_eq!(text_of(&app, "#example-case"), "Atvērt parauga lietu");
    assert_eq!(
        app.query_selector("button[lang='lv']")
            .expect("selector")
            .expect("LV button")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_text_the_html_lang_and_the_stored_choice() {
    let app = mount_fresh_app();
    settle().await;
    click(&app, "button[lang='en']");
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Start a support plan");
    assert_eq!(text_of(&app, "#new-case"), "New case");
    let html_lang = document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(html_lang.as_deref(), Some("en"));
    assert_eq!(
        ib_planner::storage::load_lang(),
        Some(ib_planner::i18n::Lang::En)
    );
    click(&app, "button[lang='lv']");
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Sāciet atbalsta plānu");
    app.remove();
}

#[wasm_bindgen_test]
async fn new_case_is_stored_and_opens_at_the_child_step() {
    let app = mount_fresh_app();
    settle().await;
    click(&app, "#new-case");
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Bērns");
    let hash = web_sys::window()
        .expect("window")
        .location()
        .hash()
        .expect("hash");
    assert!(hash.starts_with("#/case/"), "{hash}");
    let stored = ib_planner::storage::list_cases().expect("storage works");
    assert_eq!(stored.len(), 1);
    app.remove();
}
