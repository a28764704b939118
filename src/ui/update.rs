//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/update.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    view! { <section><h1>"UpdateBanner"</h1></section> }
}
