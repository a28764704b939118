//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/services.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn ServicesStep() -> impl IntoView {
    view! { <section><h1>"ServicesStep"</h1></section> }
}
