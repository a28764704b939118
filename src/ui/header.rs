//! The page header: the product name and the language switch.

use super::app::{use_app, Screen};
use crate::i18n::{t, Lang};
use crate::ui::prelude::*;

/// The site header with the product name (a link home) and the LV/EN switch.
pub fn header() -> View {
    component(|| {
        let app = use_app();
        el("header")
            .class("site-header")
            .child(
                el("a")
                    .class("brand")
                    .attr("href", "#/")
                    .on("click", move |ev| {
                        ev.prevent_default();
                        app.navigate(Screen::Start);
                    })
                    .tr("app.name"),
            )
            .child(language_switch())
            .into()
    })
}

/// Two buttons, LV and EN; the current one is marked with `aria-pressed` and a visible
/// underline, never by colour alone. The choice is stored on this device.
fn language_switch() -> El {
    let lang = use_app().lang;
    el("nav")
        .class("lang-switch")
        .attr_tr("aria-label", "app.language")
        .children(Lang::ALL.into_iter().map(|option| {
            let name_key = match option {
                Lang::Lv => "app.language.lv",
                Lang::En => "app.language.en",
            };
            el("button")
                .attr("type", "button")
                .class("lang-option")
                .attr("lang", option.tag())
                .attr("aria-label", t(option, name_key))
                .attr_dyn("aria-pressed", move || {
                    Some((lang.get() == option).to_string())
                })
                .on("click", move |_| {
                    lang.set(option);
                    crate::storage::save_lang(option);
                })
                .text(&option.tag().to_ascii_uppercase())
        }))
}
