//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/start.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn StartScreen() -> impl IntoView {
    view! { <section><h1>"StartScreen"</h1></section> }
}
