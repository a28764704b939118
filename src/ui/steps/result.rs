//! The result step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The result step's screen.
#[component]
pub fn ResultStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Result/> }
}
