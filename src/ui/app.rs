//! The root component: language context, a small hash-based router and the page frame.

use super::workspace::Step;
use crate::i18n::{t, Lang};
use crate::ui::prelude::*;
use crate::way_in::ParentPage;
use wasm_bindgen::prelude::*;

/// The screens the app can show. The URL hash mirrors the screen so that the browser's
/// Back button and reloads keep the user where they were, on any static host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start screen: the cases on this device and the ways to begin.
    Start,
    /// One step of one case.
    Case {
        /// The case's device-local id.
        id: String,
        /// The step on show.
        step: Step,
    },
    /// A parents' own record (questionnaire or ranking, no team steps), at `page`, or at
    /// its first page when none is named.
    Parent {
        /// The record's device-local id.
        id: String,
        /// The page on show.
        page: Option<ParentPage>,
    },
    /// Opening and verifying a plan file.
    Verify,
    /// The person's own signing key on this device (issue 13).
    Keys,
}

impl Screen {
    /// Reads a screen from a URL hash such as `#/case/1a2b/services` or
    /// `#/parent/1a2b/questionnaire`.
    pub fn from_hash(hash: &str) -> Screen {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match parts.next() {
            Some("case") => match parts.next().filter(|id| !id.is_empty()) {
                Some(id) => Screen::Case {
                    id: id.to_string(),
                    step: parts.next().and_then(Step::from_slug).unwrap_or_default(),
                },
                None => Screen::Start,
            },
            Some("parent") => match parts.next().filter(|id| !id.is_empty()) {
                Some(id) => Screen::Parent {
                    id: id.to_string(),
                    page: parts.next().and_then(ParentPage::from_slug),
                },
                None => Screen::Start,
            },
            Some("verify") => Screen::Verify,
            Some("keys") => Screen::Keys,
            _ => Screen::Start,
        }
    }

    /// The URL hash for this screen.
    pub fn hash(&self) -> String {
        match self {
            Screen::Start => "#/".to_string(),
            Screen::Case { id, step } => format!("#/case/{id}/{}", step.slug()),
            Screen::Parent {
                id,
                page: Some(page),
            } => format!("#/parent/{id}/{}", page.slug()),
            Screen::Parent { id, page: None } => format!("#/parent/{id}"),
            Screen::Verify => "#/verify".to_string(),
            Screen::Keys => "#/keys".to_string(),
        }
    }
}

/// Shared UI state handed to components through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The language of all visible text.
    pub lang: RwSignal<Lang>,
    /// The screen on show.
    pub screen: RwSignal<Screen>,
}

impl AppState {
    /// Goes to `screen`, recording it in the URL so Back and reload work, and moves focus
    /// to the new page's main heading for screen-reader and keyboard users.
    pub fn navigate(&self, screen: Screen) {
        // An unsaved edit asks first (issue 12): the question goes on from there.
        if super::saves::blocks_leaving(&screen) {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&screen.hash());
        }
        self.screen.set(screen);
        focus_main_heading();
    }
}

pub(crate) fn focus_main_heading() {
    // After the next render, so the new heading exists.
    let _ = request_animation_frame_safe(|| {
        if let Some(h1) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h1.set_attribute("tabindex", "-1");
            let _ = h1.focus();
        }
    });
}

fn request_animation_frame_safe(f: impl FnOnce() + 'static) -> Option<()> {
    let closure = Closure::once_into_js(f);
    web_sys::window()?
        .request_animation_frame(closure.unchecked_ref())
        .ok()
        .map(|_| ())
}

/// Reads the app state from context. Every component below [`App`] has it.
pub fn use_app() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| AppState {
        lang: RwSignal::new(Lang::default()),
        screen: RwSignal::new(Screen::Start),
    })
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(crate::storage::load_lang().unwrap_or_default());
    let screen = RwSignal::new(Screen::from_hash(&current_hash()));
    let state = AppState { lang, screen };
    provide_context(state);

    // Keep <html lang> and the document title in step with the chosen language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            doc.set_title(t(lang, "app.name"));
        }
    });

    // Follow Back/Forward and hand-edited hashes.
    if let Some(window) = web_sys::window() {
        let on_hash = Closure::<dyn Fn()>::new(move || {
            let next = Screen::from_hash(&current_hash());
            if screen.get_untracked() != next {
                // The browser's Back while an edit is unsaved: stay (the URL too) and ask.
                if super::saves::blocks_leaving(&next) {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().replace(&screen.get_untracked().hash());
                    }
                    return;
                }
                screen.set(next);
            }
        });
        let _ =
            window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        on_hash.forget();
    }

    // The workspace is keyed by case id only, so moving between steps keeps its state.
    // A parents' own record is shown by the parents' pages whichever route names it
    // (a team link to it never shows team steps), a team's case by the workspace.
    let case_id = Memo::new(move |_| match screen.get() {
        Screen::Case { id, .. } | Screen::Parent { id, .. } => {
            let parents_own = super::parent::is_parents_own_record(&id);
            Some((id, parents_own))
        }
        _ => None,
    });
    let is_verify = Memo::new(move |_| screen.get() == Screen::Verify);
    // Issue 13: the personal key screen (chunk `keys`).
    let is_keys = Memo::new(move |_| screen.get() == Screen::Keys);

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                super::browser::focus_id("main");
            }
        >
            {tr("app.skip_to_content")}
        </a>
        <super::header::Header />
        <super::update::UpdateBanner />
        <main id="main" tabindex="-1">
            {move || match case_id.get() {
                Some((id, true)) => view! { <super::parent::ParentWay id /> }.into_any(),
                Some((id, false)) => view! { <super::parts::CasePart id /> }.into_any(),
                None if is_verify.get() => view! { <super::parts::VerifyPart /> }.into_any(),
                None if is_keys.get() => view! { <super::parts::KeysPart /> }.into_any(),
                None => view! { <super::start::StartScreen /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{tr("app.footer")}</p>
        </footer>
    }
}
