//! One screen per step of the IB process. Each is a thin form over the case in context
//! ([`super::workspace::use_case`]) built from [`super::fields`].

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

use super::workspace::Step;
use leptos::prelude::*;

/// The screen of a step.
pub fn render(step: Step) -> AnyView {
    match step {
        Step::Child => view! { <child::ChildStep/> }.into_any(),
        Step::Questionnaire => view! { <questionnaire::QuestionnaireStep/> }.into_any(),
        Step::Team => super::bridge::host(team::team_step()).into_any(),
        Step::Assessment => super::bridge::host(assessment::assessment_step()).into_any(),
        Step::Goals => super::bridge::host(goals::goals_step()).into_any(),
        Step::Services => view! { <services::ServicesStep/> }.into_any(),
        Step::Ranking => view! { <ranking::RankingStep/> }.into_any(),
        Step::Settings => view! { <settings::SettingsStep/> }.into_any(),
        Step::Result => view! { <result::ResultStep/> }.into_any(),
        Step::Sign => view! { <sign::SignStep/> }.into_any(),
    }
}
