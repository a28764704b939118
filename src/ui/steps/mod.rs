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
        Step::Team => view! { <team::TeamStep/> }.into_any(),
        Step::Assessment => view! { <assessment::AssessmentStep/> }.into_any(),
        Step::Goals => view! { <goals::GoalsStep/> }.into_any(),
        Step::Services => view! { <services::ServicesStep/> }.into_any(),
        Step::Ranking => view! { <ranking::RankingStep/> }.into_any(),
        Step::Settings => view! { <settings::SettingsStep/> }.into_any(),
        Step::Result => view! { <result::ResultStep/> }.into_any(),
        Step::Sign => view! { <sign::SignStep/> }.into_any(),
    }
}

/// A step whose screen is still being built: says so, and still lets the user move on.
#[component]
pub fn NotYetBuilt(step: Step) -> impl IntoView {
    let lang = super::app::use_app().lang;
    view! {
        <section aria-labelledby="step-title">
            <h1 id="step-title">{move || crate::i18n::t(lang.get(), step.title_key())}</h1>
            <p class="notice">{move || crate::i18n::t(lang.get(), "placeholder.not_yet")}</p>
            <super::fields::StepActions step=step/>
        </section>
    }
}
