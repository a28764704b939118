//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/team.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn TeamStep() -> impl IntoView {
    view! { <section><h1>"TeamStep"</h1></section> }
}

use crate::i18n::Lang;
use crate::ui::workspace::CaseCtx;

pub(super) fn role_name(lang: Lang, code: &str) -> String {
    String::new()
}

pub(super) fn member_roles(ctx: CaseCtx) -> Memo<Vec<(usize, String)>> {
    Memo::new(|_| Vec::new())
}

pub(super) fn inline_problems(shows: impl Fn(&str) -> bool + Send + Sync + 'static) -> AnyView {
    ().into_any()
}

pub(super) fn within_except(path: &str, base: &str, skip: &[String]) -> bool {
    false
}
