//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/settings.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn SettingsStep() -> impl IntoView {
    view! { <section><h1>"SettingsStep"</h1></section> }
}
