//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/result.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn ResultStep() -> impl IntoView {
    view! { <section><h1>"ResultStep"</h1></section> }
}
