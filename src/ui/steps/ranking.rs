//! The ranking step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The ranking step's screen.
#[component]
pub fn RankingStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Ranking/> }
}
