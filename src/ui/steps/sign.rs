//! The sign step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The sign step's screen.
#[component]
pub fn SignStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Sign/> }
}
