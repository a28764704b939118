//! One screen per step of the IB process. Each is a thin form over the case in context
//! ([`super::workspace::use_case`]) built from [`super::form`].

mod assessment;
mod child;
mod goals;
mod questionnaire;
mod ranking;
mod result;
mod services;
mod settings;
mod sign;
mod team;

pub(crate) use sign::SignStep;

use super::lazy::{split_view, Lazy};
use super::workspace::Step;
use crate::ui::prelude::*;

split_view! {
    /// The child step, loaded on demand: in the release build it is the wasm chunk
    /// `child`, fetched the first time the step opens.
    fn child_step in child {
        view! { <child::ChildStep /> }.into_any()
    }
}

/// The screen of a step.
pub fn render(step: Step) -> AnyView {
    match step {
        Step::Child => view! { <Lazy load=child_step /> }.into_any(),
        Step::Questionnaire => view! { <questionnaire::QuestionnaireStep /> }.into_any(),
        Step::Team => view! { <team::TeamStep /> }.into_any(),
        Step::Assessment => view! { <assessment::AssessmentStep /> }.into_any(),
        Step::Goals => view! { <goals::GoalsStep /> }.into_any(),
        Step::Services => view! { <services::ServicesStep /> }.into_any(),
        Step::Ranking => view! { <ranking::RankingStep /> }.into_any(),
        Step::Settings => view! { <settings::SettingsStep /> }.into_any(),
        Step::Result => view! { <result::ResultStep /> }.into_any(),
        Step::Sign => view! { <crate::ui::parts::SignPart /> }.into_any(),
    }
}
