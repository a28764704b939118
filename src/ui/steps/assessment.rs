//! The assessment step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The assessment step's screen.
#[component]
pub fn AssessmentStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Assessment/> }
}
