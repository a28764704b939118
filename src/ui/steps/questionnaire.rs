//! The questionnaire step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The questionnaire step's screen.
#[component]
pub fn QuestionnaireStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Questionnaire/> }
}
