//! One case being worked on: loads it from the device, saves it after every change, shows
//! the step navigation and the current step. Each step is a screen in `steps/`.

use super::app::{use_app, Screen};
use super::browser;
use crate::draft::StoredCase;
use crate::engine::problem::Problem;
use crate::engine::reference::ReferenceData;
use crate::entries::{self, Opening, ReadOnly};
use crate::i18n::{t, tf};
use crate::storage::{self, StorageError};
use crate::ui::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// The steps of the IB process, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Step {
    /// The child: pseudonymous id, birth month, municipality, target group.
    #[default]
    Child,
    /// The parents' goal questionnaire.
    Questionnaire,
    /// The assessment team: mandatory members and chosen specialists.
    Team,
    /// Each specialist's ICF qualifiers per domain.
    Assessment,
    /// The team's long- and short-term goals with GAS levels.
    Goals,
    /// The needed services in the experts' priority order, with quantities.
    Services,
    /// The parents' ranking of the experts' list.
    Ranking,
    /// Budget, period, weights and policy.
    Settings,
    /// The prioritised, budgeted plan.
    Result,
    /// Signatures, export and print.
    Sign,
    /// Service provision after signing: providers, arrangements, letters, delivery
    /// (issue 14, `steps/provision.rs`).
    Provision,
    /// The review after the plan period (issue 15, `steps/review.rs`).
    Review,
    /// The child's history: the plan periods of the case's chain (issue 15).
    History,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 13] = [
        Step::Child,
        Step::Questionnaire,
        Step::Team,
        Step::Assessment,
        Step::Goals,
        Step::Services,
        Step::Ranking,
        Step::Settings,
        Step::Result,
        Step::Sign,
        Step::Provision,
        Step::Review,
        Step::History,
    ];

    /// The step's part of the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Child => "child",
            Step::Questionnaire => "questionnaire",
            Step::Team => "team",
            Step::Assessment => "assessment",
            Step::Goals => "goals",
            Step::Services => "services",
            Step::Ranking => "ranking",
            Step::Settings => "settings",
            Step::Result => "result",
            Step::Sign => "sign",
            Step::Provision => "provision",
            Step::Review => "review",
            Step::History => "history",
        }
    }

    /// The step named by a URL part.
    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The message key of the step's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Step::Child => "step.child",
            Step::Questionnaire => "step.questionnaire",
            Step::Team => "step.team",
            Step::Assessment => "step.assessment",
            Step::Goals => "step.goals",
            Step::Services => "step.services",
            Step::Ranking => "step.ranking",
            Step::Settings => "step.settings",
            Step::Result => "step.result",
            Step::Sign => "step.sign",
            Step::Provision => "step.provision",
            Step::Review => "step.review",
            Step::History => "step.history",
        }
    }

    /// The parts of the case this step edits, as JSON pointers: its problems are those
    /// whose path lies within one of them.
    pub fn scope(self) -> &'static [&'static str] {
        match self {
            Step::Child => &["/child"],
            Step::Questionnaire => &["/questionnaire"],
            Step::Team => &["/team"],
            Step::Assessment => &["/team"],
            Step::Goals => &["/goals"],
            Step::Services => &["/services"],
            Step::Ranking => &["/services", "/parentsOrder"],
            Step::Settings => &["/settings"],
            Step::Result | Step::Sign => &[],
            // The provision record is checked by the step itself, not the case's validation.
            Step::Provision => &[],
            // The review's problems are its own (`review_edit`), not the case's.
            Step::Review | Step::History => &[],
        }
    }

    /// The next step, if any.
    pub fn next(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(i + 1).copied()
    }

    /// The previous step, if any.
    pub fn previous(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        i.checked_sub(1).and_then(|i| Step::ALL.get(i).copied())
    }
}

/// The built-in reference data (service catalogue, regions, roles, domains), parsed once.
pub fn reference() -> Result<&'static ReferenceData, &'static [Problem]> {
    static REFERENCE: OnceLock<Result<ReferenceData, Vec<Problem>>> = OnceLock::new();
    match REFERENCE.get_or_init(ReferenceData::builtin) {
        Ok(data) => Ok(data),
        Err(problems) => Err(problems.as_slice()),
    }
}

/// How the last save went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the case was opened.
    Unchanged,
    /// Saved on this device at this time (ISO 8601).
    Saved(String),
    /// The last save failed; the case is still in memory and can be downloaded.
    Failed(StorageError),
    /// The last edit was refused and nothing was stored (the message key says why: the
    /// case may only be viewed, or the edit could not be set in it).
    NotStored(&'static str),
}

/// The case being worked on, handed to every step through context.
#[derive(Clone, Copy)]
pub struct CaseCtx {
    /// The device-local id.
    pub id: StoredValue<String>,
    /// The raw case, exactly as edited (what is stored and validated).
    pub case: RwSignal<Value>,
    /// All validation problems of the case as it stands.
    pub problems: Memo<Vec<Problem>>,
    /// How the last save went.
    pub save_state: RwSignal<SaveState>,
    /// Whether the user has tried to leave the current step, which turns on the error
    /// summary and inline errors (GOV.UK pattern: errors after an attempt, not while typing).
    pub show_errors: RwSignal<bool>,
    /// The case may only be viewed ([`crate::entries::read_only`]): it is never saved and
    /// every edit is refused.
    pub read_only: bool,
}

impl CaseCtx {
    /// A case in memory, validated as it changes (under the current owner).
    pub fn standalone(id: String, case: Value) -> CaseCtx {
        let case = RwSignal::new(case);
        CaseCtx {
            id: StoredValue::new(id),
            case,
            problems: Memo::new(move |_| case.with(validate)),
            save_state: RwSignal::new(SaveState::Unchanged),
            show_errors: RwSignal::new(false),
            read_only: false,
        }
    }

    /// Saves the case to the device after every change, with the outcome in
    /// `save_state` (under the current owner), compare-and-set on `stored`, the record
    /// the case was loaded from, and in step with other tabs on the same case (see
    /// `ui::tabs`). While a save has failed, leaving asks first and saving is retried
    /// (`ui::saves`), through the same compare-and-set. Used by the case workspace and the
    /// parents' own pages.
    pub fn save_on_change(self, stored: StoredCase) {
        if self.read_only {
            // Never written, not even once: nothing to save.
            return;
        }
        let sync = super::tabs::keep_in_step(self, stored);
        let token = super::saves::register(self, sync);
        on_cleanup(move || super::saves::unregister(token));
    }

    /// Changes the case with `f`; the change is saved at once. Refused, and told, when
    /// the case may only be viewed.
    pub fn update(&self, f: impl FnOnce(&mut Value)) {
        if self.refused() {
            return;
        }
        self.case.update(f);
    }

    /// Sets the value at `pointer` (see [`crate::draft::set_at`]); the change is saved at
    /// once. When it cannot be set there (a part on the way has the wrong type), nothing
    /// changes, nothing is saved and the save status says so — never "Saved".
    pub fn set_at(&self, pointer: &str, value: Value) {
        if self.refused() {
            return;
        }
        let mut applied = false;
        self.case.maybe_update(|c| {
            applied = crate::draft::set_at(c, pointer, value);
            applied
        });
        if !applied {
            self.save_state
                .set(SaveState::NotStored("entries.edit.not_applied"));
        }
    }

    /// Whether an edit must be refused (the case may only be viewed); says so.
    fn refused(&self) -> bool {
        if self.read_only {
            self.save_state
                .set(SaveState::NotStored("entries.read_only.title"));
        }
        self.read_only
    }

    /// The problems of the case that lie within any of `scope`'s pointers.
    pub fn problems_within(&self, scope: &[&str]) -> Vec<Problem> {
        self.problems.with(|all| {
            all.iter()
                .filter(|p| {
                    scope
                        .iter()
                        .any(|s| crate::draft::path_is_within(&p.path, s))
                })
                .cloned()
                .collect()
        })
    }
}

/// Reads the current case from context. Only valid inside [`Workspace`].
pub fn use_case() -> CaseCtx {
    match use_context::<CaseCtx>() {
        Some(ctx) => ctx,
        None => {
            // Only reachable by a programming error; render an empty case rather than panic.
            let case = RwSignal::new(Value::Null);
            CaseCtx {
                id: StoredValue::new(String::new()),
                case,
                problems: Memo::new(|_| Vec::new()),
                save_state: RwSignal::new(SaveState::Unchanged),
                show_errors: RwSignal::new(false),
                read_only: true,
            }
        }
    }
}

/// Validates a raw case against the built-in reference data.
pub fn validate(case: &Value) -> Vec<Problem> {
    match reference() {
        Ok(reference) => crate::engine::validate::validate_case(case, reference)
            .err()
            .unwrap_or_default(),
        Err(problems) => problems.to_vec(),
    }
}

/// A screen about a case that cannot be shown: its title, what is wrong, the way back.
fn problem_screen(title: &'static str, body: AnyView) -> AnyView {
    view! {
        <section>
            <h1>{tr(title)}</h1>
            {body}
            <BackToCases />
        </section>
    }
    .into_any()
}

/// Loads the case `id` and shows its current step. The entry is read by its key (the
/// route's id) and sorted before anything opens it ([`crate::entries`]).
#[component]
pub fn Workspace(id: String) -> impl IntoView {
    let lang = use_app().lang;
    let text = match storage::load_case_text(&id) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return problem_screen(
                "case.missing.title",
                view! { <p>{tr("case.missing.body")}</p> }.into_any(),
            )
        }
        Err(error) => {
            return problem_screen(
                "case.storage_unavailable.title",
                view! { <p>{move || t(lang.get(), error.key())}</p> }.into_any(),
            )
        }
    };
    let (stored, read_only) = match entries::classify(&id, &text) {
        Opening::Editable(stored) => (stored, None),
        Opening::ReadOnly(stored, reason) => (stored, Some((reason, text))),
        Opening::Mismatch(stored) => return mismatch_screen(id, stored, text),
        Opening::Unreadable(error) => {
            return problem_screen(
                "case.unreadable.title",
                view! {
                    <p>{move || error.text(lang.get())}</p>
                    {super::entries::raw_download(&id, text, false)}
                }
                .into_any(),
            )
        }
    };
    view! { <CaseView stored read_only /> }.into_any()
}

/// The screen of an entry under the key of `id` whose inner id names another case:
/// repair or download. Once repaired, the list is shown with focus on the entry's Open
/// button (the entry is an ordinary case now).
fn mismatch_screen(id: String, stored: StoredCase, text: String) -> AnyView {
    problem_screen(
        "entries.mismatch.title",
        super::entries::mismatch(&id, stored, text),
    )
}

/// The button back to the list of cases (also under the verify screen).
#[component]
pub(crate) fn BackToCases() -> impl IntoView {
    let app = use_app();
    view! {
        <button
            type="button"
            class="button button-secondary"
            on:click=move |_| app.navigate(Screen::Start)
        >
            {tr("case.back_to_cases")}
        </button>
    }
}

/// One case; `read_only` (the reason and the stored text) when it may only be viewed.
#[component]
fn CaseView(stored: StoredCase, read_only: Option<(ReadOnly, String)>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let mut ctx = CaseCtx::standalone(stored.id.clone(), stored.case.clone());
    ctx.read_only = read_only.is_some();
    let notice =
        read_only.map(|(reason, raw)| super::entries::notice(&ctx.id.get_value(), reason, raw));
    let show_errors = ctx.show_errors;
    provide_context(ctx);

    // Save after every change, in step with other tabs on this case.
    ctx.save_on_change(stored);

    let step = Memo::new(move |_| match app.screen.get() {
        Screen::Case { step, .. } => step,
        _ => Step::default(),
    });
    // Errors are shown per step after an attempt to continue; a new step starts clean.
    Effect::new(move |_| {
        step.track();
        show_errors.set(false);
    });

    view! {
        <div class="workspace">
            {case_save_status(ctx)}
            {notice}
            // A case that may only be viewed is never synced (nothing is written), so it
            // has no notices of other tabs.
            {(!ctx.read_only).then(|| view! { <super::tabs::TabNotices /> })}
            <StepNav step ctx />
            {super::entries::step_body(
                ctx.read_only,
                (move || super::steps::render(step.get())).into_any(),
            )}
            <p class="step-position">
                {move || {
                    tf(
                        lang.get(),
                        "case.step_of",
                        &[
                            ("n", &step_number(step.get()).to_string()),
                            ("total", &Step::ALL.len().to_string()),
                        ],
                    )
                }}
            </p>
        </div>
    }
}

/// The 1-based place of a step in the process.
fn step_number(step: Step) -> usize {
    Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1
}

/// The words after a step's name in the navigation: "to complete" while the step has
/// problems; for the parents' ranking, "not ranked yet" or "needs a look" first, so the
/// step never reads as done before the parents ranked (or chose to follow the experts).
fn step_flag(step: Step, ctx: CaseCtx) -> &'static str {
    if step == Step::Ranking {
        let status = ctx.case.with(|c| {
            ctx.problems
                .with(|problems| crate::exchange::order_status(c, problems))
        });
        match status {
            crate::exchange::OrderStatus::NotRanked => return "case.step_not_ranked",
            crate::exchange::OrderStatus::NeedsLook(_) => return "case.step_needs_look",
            _ => {}
        }
    }
    let incomplete = !step.scope().is_empty() && !ctx.problems_within(step.scope()).is_empty();
    if incomplete {
        "case.step_incomplete"
    } else {
        ""
    }
}

/// The progress navigation: every step as a link, the current one marked with
/// `aria-current="step"` and a visible marker (not colour alone).
#[component]
fn StepNav(step: Memo<Step>, ctx: CaseCtx) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // On a phone the full list of steps is folded behind a button that names the current
    // step; on wider screens it is always shown (CSS hides the button there).
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        step.track();
        open.set(false);
    });
    let items = Step::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let current = move || step.get() == s;
            let target = move || Screen::Case {
                id: ctx.id.get_value(),
                step: s,
            };
            view! {
                <li class:current=current>
                    <a
                        href=target().hash()
                        aria-current=move || current().then_some("step")
                        on:click=move |ev| {
                            ev.prevent_default();
                            app.navigate(target());
                        }
                    >
                        <span class="step-number">{format!("{}. ", i + 1)}</span>
                        {tr(s.title_key())}
                        <span class="step-flag">
                            {move || match step_flag(s, ctx) {
                                "" => "",
                                key => t(lang.get(), key),
                            }}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="step-nav" class:open=move || open.get() aria-label=tr("case.steps")>
            <button
                type="button"
                class="step-nav-toggle"
                aria-controls="step-list"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || {
                    let lang = lang.get();
                    let step = step.get();
                    tf(
                        lang,
                        "case.steps_toggle",
                        &[
                            ("n", &step_number(step).to_string()),
                            ("total", &Step::ALL.len().to_string()),
                            ("step", t(lang, step.title_key())),
                        ],
                    )
                }}
            </button>
            <ol id="step-list">{items}</ol>
        </nav>
    }
}

/// "Saved" with the time, or a clear error with a download of `file()` (its name and
/// text) so nothing is lost. Shared by the case workspace and the parents' own pages;
/// `download_key` words the download button.
pub(crate) fn save_status(
    ctx: CaseCtx,
    file: impl Fn() -> (String, String) + Copy + Send + Sync + 'static,
    download_key: &'static str,
) -> AnyView {
    let lang = use_app().lang;
    let download = move |_| {
        let (name, text) = file();
        let _ = browser::download_text(&name, "application/json", &text);
    };
    let leave = super::saves::leave_panel(use_app());
    view! {
        {leave}
        <div class="save-status" role="status" aria-live="polite">
            {move || {
                let lang = lang.get();
                match ctx.save_state.get() {
                    SaveState::Unchanged => {
                        // A case that may only be viewed never says it saves.
                        let key = if ctx.read_only {
                            "entries.read_only.status"
                        } else {
                            "case.save.unchanged"
                        };
                        view! { <span>{t(lang, key)}</span> }.into_any()
                    }
                    SaveState::Saved(at) => {
                        view! {
                            <span class="saved">
                                {tf(lang, "case.save.saved", &[("time", &short_time(&at))])}
                            </span>
                        }
                            .into_any()
                    }
                    // A refused edit is told like a failed save (one view for both).
                    state @ (SaveState::Failed(_) | SaveState::NotStored(_)) => {
                        let (title, detail) = match state {
                            SaveState::Failed(error) => ("case.save.failed", error.key()),
                            SaveState::NotStored(key) => ("entries.edit.not_stored", key),
                            _ => ("", ""),
                        };
                        view! {
                            <div class="alert alert-error" role="alert">
                                <p>
                                    <strong>{t(lang, title)}</strong>
                                    " "
                                    {t(lang, detail)}
                                </p>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    id="download-case-after-failure"
                                    on:click=download
                                >
                                    {t(lang, download_key)}
                                </button>
                            </div>
                        }
                            .into_any()
                    }
                }
            }}
        </div>
    }
    .into_any()
}

/// The case's own save status: a failed save offers the whole case as a file.
fn case_save_status(ctx: CaseCtx) -> AnyView {
    // The stored envelope (id, time, case), which "Import a case file" reads back.
    let file = move || {
        let text = crate::backup::case_file_text(&StoredCase {
            id: ctx.id.get_value(),
            updated: browser::now_iso(),
            case: ctx.case.get_untracked(),
            rev: 0,
        });
        let name = format!(
            "{}-case.json",
            file_stem(&ctx.case.get_untracked(), &ctx.id.get_value())
        );
        (name, text)
    };
    save_status(ctx, file, "case.save.download")
}

/// `HH:MM` in the user's time zone from an ISO timestamp.
fn short_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A file-name stem for a case: its pseudonymous id when set, else the device id, with
/// anything unsafe in a file name replaced.
pub fn file_stem(case: &Value, id: &str) -> String {
    let label = case
        .pointer("/child/id")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(id);
    label
        .chars()
        .map(|c| {
            if crate::signing::is_file_name_char(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}
