//! The goals step (being built).

use super::NotYetBuilt;
use crate::ui::workspace::Step;
use leptos::prelude::*;

/// The goals step's screen.
#[component]
pub fn GoalsStep() -> impl IntoView {
    view! { <NotYetBuilt step=Step::Goals/> }
}
