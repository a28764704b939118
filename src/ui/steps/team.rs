//! The team step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The team step's screen.
#[component]
pub fn TeamStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Team/> }
}
