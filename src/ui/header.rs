//! The page header: the product name and the language switch.

use super::app::{use_app, Screen};
use crate::i18n::{t, Lang};
use crate::ui::prelude::*;

/// The site header with the product name (a link home) and the LV/EN switch.
#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    view! {
        <header class="site-header">
            <a
                class="brand"
                href="#/"
                on:click=move |ev| {
                    ev.prevent_default();
                    app.navigate(Screen::Start);
                }
            >
                {tr("app.name")}
            </a>
            <LanguageSwitch />
        </header>
    }
}

/// Two buttons, LV and EN, each named in its own language with the visible text first
/// ("LV — latviešu valoda", WCAG 2.5.3); the current one is marked with `aria-pressed` and a visible
/// underline, never by colour alone. The choice is stored on this device.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_app().lang;
    let options = Lang::ALL
        .into_iter()
        .map(|option| {
            let name_key = match option {
                Lang::Lv => "app.language.lv",
                Lang::En => "app.language.en",
            };
            view! {
                <button
                    type="button"
                    class="lang-option"
                    lang=option.tag()
                    aria-label=t(option, name_key)
                    aria-pressed=move || (lang.get() == option).to_string()
                    on:click=move |_| {
                        lang.set(option);
                        crate::storage::save_lang(option);
                    }
                >
                    {option.tag().to_ascii_uppercase()}
                </button>
            }
        })
        .collect_view();
    view! { <nav class="lang-switch" aria-label=tr("app.language")>{options}</nav> }
}
