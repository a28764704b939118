//! One screen per step of the IB process. Each is a thin form over the case in context
//! ([`super::workspace::use_case`]) built from [`super::form`].

pub(crate) mod assessment;
pub(crate) mod child;
pub(crate) mod goals;
pub(crate) mod history;
pub(crate) mod parents_notice;
pub(crate) mod provision;
pub(crate) mod questionnaire;
pub(crate) mod ranking;
pub(crate) mod result;
pub(crate) mod review;
pub(crate) mod services;
pub(crate) mod settings;
pub(crate) mod sign;
pub(crate) mod team;

use super::lazy::Lazy;
use super::parts;
use super::workspace::Step;
use crate::ui::prelude::*;

/// The screen of a step, each loaded on demand (see [`super::parts`] for the chunks).
pub fn render(step: Step) -> AnyView {
    match step {
        Step::Child => view! { <Lazy load=parts::child_step /> }.into_any(),
        Step::Questionnaire => view! { <Lazy load=parts::questionnaire_step /> }.into_any(),
        Step::Team => view! { <Lazy load=parts::team_step /> }.into_any(),
        Step::Assessment => view! { <Lazy load=parts::assessment_step /> }.into_any(),
        Step::Goals => view! { <Lazy load=parts::goals_step /> }.into_any(),
        Step::Services => view! { <Lazy load=parts::services_step /> }.into_any(),
        Step::Ranking => view! { <Lazy load=parts::ranking_step /> }.into_any(),
        Step::Settings => view! { <Lazy load=parts::settings_step /> }.into_any(),
        Step::Result => view! { <Lazy load=parts::result_step /> }.into_any(),
        Step::Sign => view! { <parts::SignPart /> }.into_any(),
        // Issue 14: chunk `provision`.
        Step::Provision => view! { <Lazy load=parts::provision_step /> }.into_any(),
        Step::Review => view! { <Lazy load=parts::review_step /> }.into_any(),
        Step::History => view! { <Lazy load=parts::history_step /> }.into_any(),
    }
}
