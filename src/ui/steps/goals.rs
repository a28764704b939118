//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/goals.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn GoalsStep() -> impl IntoView {
    view! { <section><h1>"GoalsStep"</h1></section> }
}
