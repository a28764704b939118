//! The start screen and the placeholder screens that later work replaces.

use super::app::{use_app, Screen};
use crate::i18n::t;
use leptos::prelude::*;

/// The first screen: what the tool does and the two ways to begin.
#[component]
pub fn StartScreen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    view! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{move || t(lang.get(), "start.title")}</h1>
            <p class="lead">{move || t(lang.get(), "start.lead")}</p>
            <div class="start-actions">
                <div class="action-card">
                    <button type="button" class="button button-primary" id="new-case"
                        on:click=move |_| app.navigate(Screen::NewCase)>
                        {move || t(lang.get(), "start.new_case")}
                    </button>
                    <p class="hint">{move || t(lang.get(), "start.new_case.hint")}</p>
                </div>
                <div class="action-card">
                    <button type="button" class="button button-secondary" id="example-case"
                        on:click=move |_| app.navigate(Screen::ExampleCase)>
                        {move || t(lang.get(), "start.example_case")}
                    </button>
                    <p class="hint">{move || t(lang.get(), "start.example_case.hint")}</p>
                </div>
            </div>
            <p class="privacy">{move || t(lang.get(), "start.privacy")}</p>
        </section>
    }
}

/// A screen that says what will be here, with a way back.
#[component]
pub fn Placeholder(title_key: &'static str, body_key: &'static str) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    view! {
        <section aria-labelledby="placeholder-title">
            <h1 id="placeholder-title">{move || t(lang.get(), title_key)}</h1>
            <p>{move || t(lang.get(), body_key)}</p>
            <p class="notice">{move || t(lang.get(), "placeholder.not_yet")}</p>
            <button type="button" class="button button-secondary"
                on:click=move |_| app.navigate(Screen::Start)>
                {move || t(lang.get(), "app.back_to_start")}
            </button>
        </section>
    }
}
