//! In-browser tests: the real Leptos app mounted into a real DOM in headless Chromium
//! (wasm-bindgen-test), and the app-level reactive scenarios the screens rely on. Run with
//! `cargo test --target wasm32-unknown-unknown --test web`.
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
    // The app lives for the rest of this test page (like the real one, it is never
    // unmounted; each test removes its container).
    std::mem::forget(ib_planner::ui::mount_to(container.clone()));
    container
}

/// Lets the app's effects run: Leptos schedules effects on the wasm-bindgen-futures
/// executor, and a change can take a few rounds to reach the page (signal, memo, view).
async fn settle() {
    for _ in 0..10 {
        let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    // And one macrotask, for work queued behind the microtasks.
    let later = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
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

/// Types `text` into the input `selector` as a user would (value, then an `input` event).
fn type_into(container: &HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = container
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

fn has(container: &HtmlElement, selector: &str) -> bool {
    container
        .query_selector(selector)
        .expect("valid selector")
        .is_some()
}

fn go_to(hash: &str) {
    let _ = web_sys::window().expect("window").location().set_hash(hash);
}

fn current_hash() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .hash()
        .expect("hash")
}

#[wasm_bindgen_test]
async fn the_plan_follows_a_confirmed_what_if() {
    // The scenario the reactive_graph pitfall broke once: the plan region derives from
    // memos over the case; after "Use these settings" is confirmed it must show the new
    // plan, not the old one.
    let app = mount_fresh_app();
    settle().await;
    click(&app, "#example-case");
    settle().await;
    assert!(current_hash().ends_with("/result"), "{}", current_hash());
    let before = text_of(&app, "#result-totals");
    type_into(&app, "#whatif-budget", "3000");
    settle().await;
    click(&app, "#whatif-use");
    settle().await;
    click(&app, "#whatif-confirm-yes");
    settle().await;
    let after = text_of(&app, "#result-totals");
    assert_ne!(before, after, "the totals follow the changed case");
    // Money is written with a no-break space between thousands.
    let after = after.replace(['\u{a0}', '\u{202f}'], " ");
    assert!(after.contains("Budžets3 000,00"), "{after}");
    app.remove();
}

#[wasm_bindgen_test]
async fn a_field_writes_the_case_and_the_case_is_saved() {
    let app = mount_fresh_app();
    settle().await;
    click(&app, "#new-case");
    settle().await;
    type_into(&app, "#f-child-id", "CESIS-2026-001");
    settle().await;
    let stored = ib_planner::storage::list_cases().expect("storage works");
    let Some(ib_planner::storage::CaseEntry::Case(case)) = stored.first() else {
        panic!("one readable case");
    };
    assert_eq!(
        case.case.pointer("/child/id").and_then(|v| v.as_str()),
        Some("CESIS-2026-001")
    );
    assert!(
        has(&app, ".save-status .saved"),
        "the save status says saved"
    );
    app.remove();
}

#[wasm_bindgen_test]
async fn errors_show_after_an_attempt_and_a_new_step_starts_clean() {
    let app = mount_fresh_app();
    settle().await;
    click(&app, "#new-case");
    settle().await;
    assert!(!has(&app, "#error-summary"));
    click(&app, "#continue");
    settle().await;
    assert!(
        has(&app, "#error-summary"),
        "the first Continue shows the summary"
    );
    assert!(
        current_hash().ends_with("/child"),
        "and stays on the step: {}",
        current_hash()
    );
    // The summary follows the language like everything else.
    let title_lv = text_of(&app, "#error-summary-title");
    click(&app, "button[lang='en']");
    settle().await;
    assert_ne!(text_of(&app, "#error-summary-title"), title_lv);
    click(&app, "button[lang='lv']");
    settle().await;
    // Moving to another step and back keeps the case (same workspace) and starts clean.
    let child_hash = current_hash();
    go_to(&child_hash.replace("/child", "/team"));
    settle().await;
    go_to(&child_hash);
    settle().await;
    assert_eq!(text_of(&app, "h1"), "Bērns");
    assert!(
        !has(&app, "#error-summary"),
        "a new visit starts without errors"
    );
    app.remove();
}

mod reactive {
    //! The reactive behaviour the screens rely on, checked on Leptos's own primitives
    //! (what `src/reactive/tests.rs` once checked on the hand-written core).
    use super::settle;
    use leptos::prelude::*;
    use std::sync::{Arc, Mutex};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    /// Effects run on Leptos's executor, which mounting a view starts; these tests may
    /// run before any app is mounted.
    fn executor() {
        let host: web_sys::HtmlElement = super::document()
            .create_element("div")
            .expect("create div")
            .unchecked_into();
        std::mem::forget(leptos::mount::mount_to(host, || ()));
    }

    #[wasm_bindgen_test]
    async fn a_view_closure_that_reads_the_source_memo_first_sees_every_change() {
        // The pattern the result step uses against the pitfall: read the source memo, then
        // what is derived from it.
        executor();
        let owner = Owner::new();
        owner.set();
        let case = RwSignal::new(1);
        let plan = Memo::new(move |_| case.get() * 10);
        let funded = Memo::new(move |_| plan.get() > 0);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let out = seen.clone();
        Effect::new(move |_| {
            let plan = plan.get();
            let positive = funded.get();
            out.lock().expect("lock").push((positive, plan));
        });
        settle().await;
        case.set(2); // plan changes, funded does not
        settle().await;
        case.set(-1); // both change
        settle().await;
        assert_eq!(
            *seen.lock().expect("lock"),
            [(true, 10), (true, 20), (false, -10)]
        );
        drop(owner);
    }

    #[wasm_bindgen_test]
    async fn a_rebuilt_region_disposes_what_its_last_run_made() {
        executor();
        let owner = Owner::new();
        owner.set();
        let show = RwSignal::new(0);
        let other = RwSignal::new(0);
        let inner_runs = Arc::new(Mutex::new(0));
        let bump = inner_runs.clone();
        Effect::new(move |_| {
            show.get();
            let bump = bump.clone();
            Effect::new(move |_| {
                other.get();
                *bump.lock().expect("lock") += 1;
            });
        });
        settle().await;
        show.set(1);
        settle().await;
        assert_eq!(*inner_runs.lock().expect("lock"), 2);
        other.set(1);
        settle().await;
        assert_eq!(
            *inner_runs.lock().expect("lock"),
            3,
            "only the live run's effect follows"
        );
        drop(owner);
    }
}
