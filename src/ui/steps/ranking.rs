//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/ranking.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn RankingStep() -> impl IntoView {
    view! { <section><h1>"RankingStep"</h1></section> }
}
