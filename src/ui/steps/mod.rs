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

pub(crate) use sign::sign_step;

use super::workspace::Step;
use crate::ui::prelude::*;

/// The screen of a step.
pub fn render(step: Step) -> View {
    match step {
        Step::Child => child::child_step(),
        Step::Services => services::services_step(),
        Step::Ranking => ranking::ranking_step(),
        Step::Settings => settings::settings_step(),
        Step::Result => result::result_step(),
        Step::Sign => crate::ui::parts::sign_part(),
        Step::Team => team::team_step(),
        Step::Assessment => assessment::assessment_step(),
        Step::Goals => goals::goals_step(),
        Step::Questionnaire => questionnaire::questionnaire_step(),
    }
}
