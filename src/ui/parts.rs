//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/parts.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn SignPart() -> impl IntoView {
    view! { <section><h1>"SignPart"</h1></section> }
}

#[component]
pub fn VerifyPart() -> impl IntoView {
    view! { <section><h1>"VerifyPart"</h1></section> }
}
