//! STUB while the screens move to Leptos: the real screen is in `git show main:src/ui/steps/questionnaire.rs`.
#![allow(dead_code, unused_variables, unused_imports)]

use crate::ui::prelude::*;

#[component]
pub fn QuestionnaireStep() -> impl IntoView {
    view! { <section><h1>"QuestionnaireStep"</h1></section> }
}

use crate::exchange::ExchangeError;
use crate::i18n::Lang;

/// An import error in words.
pub(super) fn exchange_error_text(lang: Lang, error: &ExchangeError) -> String {
    String::new()
}

/// A labelled file picker for a JSON file; hands the file's text (or why it could not be
/// read) to `on_text`.
pub(super) fn file_import(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    on_text: Callback<Result<String, ExchangeError>>,
) -> AnyView {
    ().into_any()
}
