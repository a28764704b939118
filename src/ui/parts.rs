//! The parts of the app that load on demand, each a wasm chunk cut out of the one build
//! by `wasm-split-cli` (see [`super::lazy`] and `scripts/build.mjs`), so the first load
//! holds only the shell, the start screen, the workspace and the form pieces:
//!
//! | chunk | what |
//! |---|---|
//! | `intake` | the child step and the parents' questionnaire |
//! | `team` | the team, the assessment and the team's goals |
//! | `plan` | the services, the parents' ranking, the settings and the plan |
//! | `sign` | the sign step (keys, signatures, the print view) |
//! | `verify` | the verify screen |
//!
//! Code that several chunks share (the signature and recomputation code of `sign` and
//! `verify`, for instance) goes into shared chunks that the loader fetches with them.
//! A chunk runs in the same wasm instance as the app: the same signals and context, so a
//! step reads and writes the case through [`super::workspace::use_case`] like any other.
//! Rule: nothing outside these split points may name the screens they hold, or their
//! code returns to the first load (the size budget and `tests/e2e/parts.spec.mjs` catch
//! it).

use super::lazy::{split_view, Lazy};
use crate::ui::prelude::*;

split_view! {
    /// The child step (chunk `intake`).
    pub(crate) fn child_step in intake {
        view! { <super::steps::child::ChildStep /> }.into_any()
    }
}

split_view! {
    /// The parents' questionnaire (chunk `intake`).
    pub(crate) fn questionnaire_step in intake {
        view! { <super::steps::questionnaire::QuestionnaireStep /> }.into_any()
    }
}

split_view! {
    /// The team (chunk `team`).
    pub(crate) fn team_step in team {
        view! { <super::steps::team::TeamStep /> }.into_any()
    }
}

split_view! {
    /// The specialists' assessment (chunk `team`).
    pub(crate) fn assessment_step in team {
        view! { <super::steps::assessment::AssessmentStep /> }.into_any()
    }
}

split_view! {
    /// The team's goals (chunk `team`).
    pub(crate) fn goals_step in team {
        view! { <super::steps::goals::GoalsStep /> }.into_any()
    }
}

split_view! {
    /// The services in the experts' order (chunk `plan`).
    pub(crate) fn services_step in plan {
        view! { <super::steps::services::ServicesStep /> }.into_any()
    }
}

split_view! {
    /// The parents' ranking (chunk `plan`).
    pub(crate) fn ranking_step in plan {
        view! { <super::steps::ranking::RankingStep /> }.into_any()
    }
}

split_view! {
    /// Budget, period, weights and policy (chunk `plan`).
    pub(crate) fn settings_step in plan {
        view! { <super::steps::settings::SettingsStep /> }.into_any()
    }
}

split_view! {
    /// The prioritised, budgeted plan (chunk `plan`).
    pub(crate) fn result_step in plan {
        view! { <super::steps::result::ResultStep /> }.into_any()
    }
}

split_view! {
    /// The sign step (chunk `sign`).
    fn sign_step in sign {
        view! { <super::steps::sign::SignStep /> }.into_any()
    }
}

split_view! {
    /// The verify screen (chunk `verify`).
    fn verify_screen in verify {
        view! { <super::verify::VerifyScreen /> }.into_any()
    }
}

/// The sign step, loaded on demand.
#[component]
pub fn SignPart() -> impl IntoView {
    view! {
        <div class="part-host">
            <Lazy load=sign_step />
        </div>
    }
}

/// The verify screen, loaded on demand.
#[component]
pub fn VerifyPart() -> impl IntoView {
    view! {
        <div class="part-host">
            <Lazy load=verify_screen />
        </div>
    }
}

split_view! {
    /// The start screen's case files, backups and storage use (chunk `saves`).
    pub(crate) fn saves_part in saves {
        view! { <super::saves_part::SavesPart /> }.into_any()
    }
}
