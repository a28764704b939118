//! The settings step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The settings step's screen.
#[component]
pub fn SettingsStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Settings/> }
}
