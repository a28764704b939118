//! Opening a plan file and verifying it (being built).

use crate::i18n::t;
use crate::ui::app::use_app;
use leptos::prelude::*;

/// The verify screen.
#[component]
pub fn VerifyScreen() -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <section aria-labelledby="verify-title">
            <h1 id="verify-title">{move || t(lang.get(), "verify.title")}</h1>
            <p class="notice">{move || t(lang.get(), "placeholder.not_yet")}</p>
        </section>
    }
}
