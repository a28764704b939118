//! The parts of the app that load on demand, each a wasm chunk cut out of the one build
//! by `wasm-split-cli` (see [`super::lazy`] and `scripts/build.mjs`), so the first load
//! holds only the shell, the header and the start screen:
//!
//! | chunk | what |
//! |---|---|
//! | `case` | a team's case: the workspace (loading, validation, saving, step navigation) |
//! | `intake` | the child step and the parents' questionnaire |
//! | `team` | the team, the assessment and the team's goals |
//! | `plan` | the services, the parents' ranking, the settings and the plan |
//! | `sign` | the sign step (keys, signatures, the print view) |
//! | `verify` | the verify screen |
//! | `parent` | the parents' own pages (their save line, page links and the send page) |
//! | `start_file` | the start screen's file reading (a ranking file chosen or dropped) |
//! | `keys` | the person's own signing key (create, unlock, export, import) |
//! | `provision` | the provision step: providers, arrangements, guarantee letters, delivery, amendments |
//! | `review` | the review after the plan period, its outcome and signatures, the next plan, the child's history |
//!
//! Code that several chunks share (the signature and recomputation code of `sign` and
//! `verify`, the engine's validation that `case`, `parent` and the steps use, for
//! instance) goes into shared chunks that the loader fetches with them.
//! A chunk runs in the same wasm instance as the app: the same signals and context, so a
//! step reads and writes the case through [`super::workspace::use_case`] like any other.
//! A split point takes no arguments: the record on show reaches `case` and `parent`
//! through context ([`CasePart`], [`super::parent::ParentWay`]), a file reaches
//! `start_file` the same way (`super::start_file::StartFile`).
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
    /// The notice of a stored case that may only be viewed, or the repair screen of an
    /// entry whose inner id names another case (chunk `intake`, which the first step of
    /// a case loads too; these are rare, so they are not in the first load).
    pub(crate) fn entry_notice in intake {
        super::entries::entry_view()
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

/// The device id of the case on show, handed by [`CasePart`] (main module) to
/// [`case_workspace`] (chunk `case`) through context, as a split point takes no arguments.
#[derive(Clone, Debug)]
struct CaseId(String);

split_view! {
    /// A team's case: the workspace that loads it, validates and saves it, with its step
    /// navigation (chunk `case`; the steps are in their own chunks).
    fn case_workspace in case {
        let id = use_context::<CaseId>().map(|CaseId(id)| id).unwrap_or_default();
        view! { <super::workspace::Workspace id /> }.into_any()
    }
}

split_view! {
    /// The parents' own pages: questionnaire or ranking, then send (chunk `parent`; the
    /// record's id comes through context from [`super::parent::ParentWay`]).
    pub(crate) fn parent_pages in parent {
        view! { <super::parent::ParentPages /> }.into_any()
    }
}

split_view! {
    /// The start screen's file reading: a ranking file chosen or dropped there (chunk
    /// `start_file`; the file comes through context from the start screen).
    pub(crate) fn start_file_open in start_file {
        view! { <super::start_file::StartFileOpen /> }.into_any()
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

/// A team's case by its device id, its workspace loaded on demand (chunk `case`).
#[component]
pub fn CasePart(id: String) -> impl IntoView {
    provide_context(CaseId(id));
    view! { <Lazy load=case_workspace /> }
}

split_view! {
    /// The choice between two tabs' values of the same fields (chunk `intake`: it needs
    /// the field names the steps use, and is rarely shown).
    pub(crate) fn conflict_panel in intake {
        super::tabs::panel::conflict_panel()
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

// Issue 13: the person's own signing key (chunk `keys`).
split_view! {
    /// The personal signing key screen (chunk `keys`).
    fn keys_screen in keys {
        view! { <super::keys::KeysScreen /> }.into_any()
    }
}

/// The personal signing key screen, loaded on demand.
#[component]
pub fn KeysPart() -> impl IntoView {
    view! {
        <div class="part-host">
            <Lazy load=keys_screen />
        </div>
    }
}

split_view! {
    /// The review after the plan period (chunk `review`, issue 15).
    pub(crate) fn review_step in review {
        view! { <super::steps::review::ReviewStep /> }.into_any()
    }
}

split_view! {
    /// The provision step: providers, arrangements, guarantee letters, delivery and
    /// amendments (chunk `provision`, issue 14).
    pub(crate) fn provision_step in provision {
        view! { <super::steps::provision::ProvisionStep /> }.into_any()
    }
}

split_view! {
    /// The child's history over the plan periods (chunk `review`, issue 15).
    pub(crate) fn history_step in review {
        view! { <super::steps::history::HistoryStep /> }.into_any()
    }
}
