//! The services step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The services step's screen.
#[component]
pub fn ServicesStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Services/> }
}
