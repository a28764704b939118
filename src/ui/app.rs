//! The root component: language context, a tiny hash-based router and the page frame.

use super::header::Header;
use super::start::{Placeholder, StartScreen};
use crate::i18n::{t, Lang};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The screens the app can show. The URL hash mirrors the screen so that the browser's
/// Back button and reloads keep the user where they were, on any static host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start screen.
    Start,
    /// A new case (placeholder until the workflow lands).
    NewCase,
    /// The example case (placeholder until the workflow lands).
    ExampleCase,
}

impl Screen {
    fn from_hash(hash: &str) -> Screen {
        match hash.trim_start_matches('#').trim_start_matches('/') {
            "new" => Screen::NewCase,
            "example" => Screen::ExampleCase,
            _ => Screen::Start,
        }
    }

    fn hash(self) -> &'static str {
        match self {
            Screen::Start => "#/",
            Screen::NewCase => "#/new",
            Screen::ExampleCase => "#/example",
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
    /// Goes to `screen`, recording it in the URL so Back and reload work.
    pub fn navigate(&self, screen: Screen) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(screen.hash());
        }
        self.screen.set(screen);
    }
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
            screen.set(Screen::from_hash(&current_hash()));
        });
        let _ =
            window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        on_hash.forget();
    }

    view! {
        <a class="skip-link" href="#main">{move || t(lang.get(), "app.skip_to_content")}</a>
        <Header/>
        <main id="main" tabindex="-1">
            {move || match screen.get() {
                Screen::Start => view! { <StartScreen/> }.into_any(),
                Screen::NewCase => view! {
                    <Placeholder title_key="placeholder.new_case.title" body_key="placeholder.new_case.body"/>
                }.into_any(),
                Screen::ExampleCase => view! {
                    <Placeholder title_key="placeholder.example_case.title" body_key="placeholder.example_case.body"/>
                }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{move || t(lang.get(), "app.footer")}</p>
        </footer>
    }
}
