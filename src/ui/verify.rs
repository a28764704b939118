//! Opening a plan file and verifying it: a file picker and a drop zone; then each
//! signature (valid / invalid / unsupported, with the reason), whether recomputing the
//! plan gives the same result, and a readable summary of the plan. The logic is in
//! [`crate::signing`]; this screen only reads the file and shows what it found.
//!
//! Also home of [`plan_view`] (the readable plan, shared with the sign step's print view)
//! and the small formatting helpers both screens use.

use crate::engine::allocate::Allocation;
use crate::engine::case::Case;
use crate::engine::integrity::{ProofStatus, VerificationReport};
use crate::engine::problem::Problem;
use crate::engine::reference::Catalogue;
use crate::i18n::{t, tf, Lang};
use crate::plan_view;
use crate::signing::{
    date_text, integrity_problem, money_text, percent_text, proof_lines, LineSummary, PlanSummary,
    ProofLine, Recompute, Verified,
};
use crate::ui::app::use_app;
use crate::ui::browser;
use crate::ui::form::problem_text;
use crate::ui::prelude::*;
// The verification in slices, and its progress (issue 12, item 4).
use crate::ui::verify_steps::{self, next_turn, Progress};
use crate::ui::workspace::{reference, BackToCases};
use rust_decimal::Decimal;
use serde_json::Value;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A `created` time (`2025-09-01T10:00:00Z`) as local date and time in a language; text
/// that is not a time is shown as it is.
pub(crate) fn local_date_time(lang: Lang, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let day = crate::i18n::format_date(
        lang,
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    );
    let separator = match lang {
        Lang::Lv => " ",
        Lang::En => ", ",
    };
    format!(
        "{day}{separator}{:02}:{:02}",
        date.get_hours(),
        date.get_minutes()
    )
}

/// The name of a role code in a language (the reference data's names).
pub(crate) fn role_name(lang: Lang, code: &str) -> String {
    if code == crate::signing::PARENT {
        return t(lang, "sign.role.parent").to_string();
    }
    reference()
        .ok()
        .and_then(|r| r.roles.roles.iter().find(|role| role.code == code))
        .map(|role| match lang {
            Lang::Lv => role.name.lv.clone(),
            Lang::En => role.name.en.clone(),
        })
        .unwrap_or_else(|| t(lang, "sign.role.unknown").to_string())
}

fn municipality_name(code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.regions.municipality(code).map(|(_, m)| m.name.clone()))
        .unwrap_or_else(|| code.to_string())
}

fn unit_name(lang: Lang, unit: &str) -> String {
    let key = format!("plan_doc.unit.{unit}");
    if crate::i18n::has(&key) {
        t(lang, &key).to_string()
    } else {
        unit.to_string()
    }
}

/// The status of a proof as an icon (hidden from screen readers) and words.
pub(crate) fn status_icon(status: ProofStatus) -> &'static str {
    match status {
        ProofStatus::Valid => "✓",
        ProofStatus::Invalid => "✗",
        ProofStatus::Unsupported => "?",
    }
}

/// A plan document, readable: the child, period, budget, the lines with their reasons,
/// totals and (with `goal_list`) the team goals in a short list. Used on the verify
/// screen and in the sign step's print view (which shows the goals in full itself);
/// `id_prefix` makes its element ids unique on the page.
pub(crate) fn plan_view(document: &Value, id_prefix: &str, goal_list: bool) -> AnyView {
    // The inputs behind the lines, when they recompute to exactly these lines: then each
    // line gets the same explanation as on the plan screen.
    let explained = plan_view::explained_document(document);
    plan_view_explained(document, explained, id_prefix, goal_list)
}

/// [`plan_view`] with the document's explanation already worked out (the verify screen
/// does that in a turn of its own, so a 5 MB plan never blocks the page for long).
fn plan_view_explained(
    document: &Value,
    explained: Option<Explained>,
    id_prefix: &str,
    goal_list: bool,
) -> AnyView {
    let id_prefix = id_prefix.to_string();
    let summary = PlanSummary::of(document);
    untrack(move || {
        let lang = use_app().lang;
        let s = StoredValue::new(summary);
        let explained = StoredValue::new(explained);
        let lines_id = format!("{id_prefix}-lines");
        let totals_id = format!("{id_prefix}-totals");
        let goals_id = format!("{id_prefix}-goals");
        let get = move |f: fn(&PlanSummary) -> String| s.with_value(f);
        let lines_region_id = lines_id.clone();
        view! {
            <div class="plan-view">
                <dl class="plan-facts">
                    <div>
                        <dt>{tr("plan_doc.pseudonym")}</dt>
                        <dd>{get(|s| s.pseudonym.clone())}</dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.municipality")}</dt>
                        <dd>{get(|s| municipality_name(&s.municipality))}</dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.target_group")}</dt>
                        <dd>
                            {move || {
                                let code = get(|s| s.target_group.clone());
                                let key = format!("child.group.{code}");
                                if crate::i18n::has(&key) {
                                    t(lang.get(), &key).to_string()
                                } else {
                                    code
                                }
                            }}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.period")}</dt>
                        <dd>
                            {move || {
                                let l = lang.get();
                                s.with_value(|s| {
                                    tf(
                                        l,
                                        "plan_doc.period_value",
                                        &[
                                            ("start", &date_text(l, &s.start)),
                                            ("end", &date_text(l, &s.end)),
                                            ("months", &s.months),
                                        ],
                                    )
                                })
                            }}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.budget")}</dt>
                        <dd>{move || money_text(lang.get(), &get(|s| s.budget.clone()))}</dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.weights")}</dt>
                        <dd>
                            {move || {
                                s.with_value(|s| {
                                    tf(
                                        lang.get(),
                                        "plan_doc.weights_value",
                                        &[
                                            ("expert", &percent_text(&s.expert_weight)),
                                            ("parent", &percent_text(&s.parent_weight)),
                                        ],
                                    )
                                })
                            }}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr("plan_doc.policy")}</dt>
                        <dd>
                            {move || {
                                let policy = get(|s| s.policy.clone());
                                let key = format!("plan_doc.policy.{policy}");
                                if crate::i18n::has(&key) {
                                    t(lang.get(), &key).to_string()
                                } else {
                                    policy
                                }
                            }}
                        </dd>
                    </div>
                </dl>
                <h3 id=lines_id>{tr("plan_doc.lines.title")}</h3>
                {move || {
                    let l = lang.get();
                    if s.with_value(|s| s.lines.is_empty()) {
                        return view! { <p>{t(l, "plan_doc.no_lines")}</p> }.into_any();
                    }
                    let body = s.with_value(|s| {
                        explained.with_value(|explained| {
                            s.lines
                                .iter()
                                .enumerate()
                                .map(|(i, line)| plan_line(l, line, i, explained.as_ref()))
                                .collect_view()
                        })
                    });
                    view! {
                        <div
                            class="table-wrap"
                            role="region"
                            tabindex="0"
                            aria-labelledby=lines_region_id.clone()
                        >
                            <table class="plan-lines" aria-labelledby=lines_region_id.clone()>
                                <thead>
                                    <tr>
                                        <th scope="col">{t(l, "plan_doc.col.position")}</th>
                                        <th scope="col">{t(l, "plan_doc.col.service")}</th>
                                        <th scope="col" class="num">{t(l, "plan_doc.col.score")}</th>
                                        <th scope="col" class="num">{t(l, "plan_doc.col.units")}</th>
                                        <th scope="col" class="num">{t(l, "plan_doc.col.price")}</th>
                                        <th scope="col" class="num">{t(l, "plan_doc.col.funded")}</th>
                                        <th scope="col">{t(l, "plan_doc.col.reason")}</th>
                                    </tr>
                                </thead>
                                <tbody>{body}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
                <h3 id=totals_id.clone()>{tr("plan_doc.totals")}</h3>
                <dl class="plan-facts plan-totals" aria-labelledby=totals_id>
                    {move || {
                        let l = lang.get();
                        s.with_value(|s| {
                            [
                                ("plan_doc.budget", &s.budget),
                                ("plan_doc.allocated", &s.allocated),
                                ("plan_doc.remaining", &s.remaining),
                                ("plan_doc.requested", &s.requested),
                                ("plan_doc.unmet", &s.unmet),
                            ]
                            .into_iter()
                            .map(|(key, amount)| {
                                view! {
                                    <div>
                                        <dt>{t(l, key)}</dt>
                                        <dd>{money_text(l, amount)}</dd>
                                    </div>
                                }
                            })
                            .collect_view()
                        })
                    }}
                </dl>
                {move || {
                    if !goal_list || s.with_value(|s| s.goals.is_empty()) {
                        return ().into_any();
                    }
                    let l = lang.get();
                    // A batch of goals per turn (`verify_steps::in_batches`): a plan of
                    // megabytes lays out its goals without one long task (issue 12, item 4).
                    let total = s.with_value(|s| s.goals.len());
                    let items = verify_steps::in_batches(total, move |range| {
                        s.with_value(|s| {
                            s.goals[range]
                                .iter()
                                .map(|goal| {
                                    let key = format!("plan_doc.goal.{}", goal.term);
                                    let term = if crate::i18n::has(&key) {
                                        t(l, &key).to_string()
                                    } else {
                                        goal.term.clone()
                                    };
                                    view! {
                                        <li>
                                            <strong>{term}": "</strong>
                                            {goal.text.clone()}
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        })
                    });
                    view! {
                        <h3 id=goals_id.clone()>{t(l, "plan_doc.goals")}</h3>
                        <ul class="plan-goals">{items}</ul>
                    }
                    .into_any()
                }}
                {move || {
                    let version = get(|s| s.engine_version.clone());
                    (!version.is_empty())
                        .then(|| {
                            view! {
                                <p class="plan-engine">
                                    {tf(lang.get(), "plan_doc.engine", &[("version", &version)])}
                                </p>
                            }
                        })
                }}
            </div>
        }
        .into_any()
    })
}

/// The inputs and lines of a plan that recomputes (see [`plan_view::explained_document`]).
type Explained = (Case, Catalogue, Allocation);

/// A document's score text in the language's number format; other text as it is.
fn score_text(l: Lang, raw: &str) -> String {
    match raw.trim().parse::<Decimal>() {
        Ok(score) => plan_view::format_decimal(l, score),
        Err(_) => raw.to_string(),
    }
}

/// One line of the plan table. Its reason is the plan screen's wording
/// ([`plan_view::line_explanation`]); for a document whose lines do not recompute, only
/// the status is shown, with a note that the reason cannot be explained.
fn plan_line(l: Lang, line: &LineSummary, index: usize, explained: Option<&Explained>) -> AnyView {
    let words = explained.and_then(|(case, catalogue, allocation)| {
        plan_view::line_explanation(l, case, catalogue, &allocation.lines, index)
    });
    let reason = match words {
        Some(words) => words.text(),
        None => {
            let status = plan_view::status_of_key(
                &line.reason_key,
                line.reason_params
                    .iter()
                    .find(|(k, _)| k == "cap")
                    .and_then(|(_, v)| v.parse().ok()),
            );
            let label = status.map(|s| t(l, s.key())).unwrap_or_default();
            format!("{label}. {}", t(l, "explain.not_explained"))
        }
    };
    let units = tf(
        l,
        "plan_doc.units_value",
        &[
            ("funded", &line.funded_units),
            ("quantity", &line.quantity),
            ("unit", &unit_name(l, &line.unit)),
        ],
    );
    view! {
        <tr>
            <td>{line.position.clone()}</td>
            <th scope="row">{line.name(l).to_string()}</th>
            <td class="num">{score_text(l, &line.score)}</td>
            <td class="num">{units}</td>
            <td class="num">{money_text(l, &line.unit_price)}</td>
            <td class="num">{money_text(l, &line.funded_amount)}</td>
            <td class="reason">{reason}</td>
        </tr>
    }
    .into_any()
}

/// What the verify screen is showing.
#[derive(Clone, Debug, PartialEq)]
enum VerifyState {
    /// Waiting for a file.
    Empty,
    /// Reading and verifying a file (how far it got is a signal of its own, so the
    /// progress region stays one element while its text changes).
    Working,
    /// The file could not be verified.
    Failed { name: String, problem: Problem },
    /// The file was verified.
    Done {
        name: String,
        // Shared, never copied: the screen's view reads the state on every change, and a
        // copy of a plan of megabytes is a long task of its own (issue 12, item 4).
        verified: Arc<Verified>,
        /// The signatures' report, for the verdicts under a trust list (issue 13), which
        /// reuse it instead of checking every signature again in one long task.
        report: Arc<VerificationReport>,
    },
    /// A review document was verified (issue 15, `verify_review.rs`).
    Review {
        name: String,
        review: Box<super::verify_review::ReviewVerified>,
    },
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|files| files.get(0))
}

/// The verify screen's signals: what it shows, and how far a verification got.
#[derive(Clone, Copy)]
struct Screen {
    state: RwSignal<VerifyState>,
    progress: RwSignal<Progress>,
}

/// Shows `progress` and gives the browser a turn. False when the screen is gone (the
/// user left it): then the verification stops.
async fn show_progress(screen: Screen, progress: Progress) -> bool {
    if screen.progress.try_set(progress).is_some() {
        return false;
    }
    next_turn().await;
    screen.state.try_get_untracked().is_some()
}

/// Reads and verifies a plan file in slices (`ui::verify_steps`): reading, parsing,
/// hashing, one signature after another and the recomputation, never working more than
/// [`verify_steps::SLICE_MS`] without giving the browser a turn, with the progress shown.
/// `None` when the screen was left meanwhile.
async fn verify_file(screen: Screen, file: &web_sys::File) -> Option<VerifyState> {
    let name = file.name();
    let failed = |problem: Problem| {
        Some(VerifyState::Failed {
            name: name.clone(),
            problem,
        })
    };
    let show = |progress| show_progress(screen, progress);
    let text = match verify_steps::read_file(file, show).await? {
        Ok(text) => text,
        Err(problem) => return failed(problem),
    };
    // A review document (issue 15) has its own check and view.
    if let Some(review) = super::verify_review::open_review_text(&text) {
        let name = name.clone();
        return Some(match review {
            Ok(review) => VerifyState::Review {
                name,
                review: Box::new(review),
            },
            Err(problem) => VerifyState::Failed { name, problem },
        });
    }
    let (document, canonical_size) = match verify_steps::parse_plan(&text, show).await? {
        Ok(read) => read,
        Err(problem) => return failed(problem),
    };
    drop(text);
    let report = match verify_steps::check_proofs(&document, canonical_size, show).await? {
        Ok(report) => report,
        Err(error) => return failed(integrity_problem(error)),
    };
    let proofs = proof_lines(report.clone());
    let recompute = verify_steps::recompute(&document, show).await?;
    Some(VerifyState::Done {
        name,
        verified: Arc::new(Verified::new(document, proofs, recompute)),
        report: Arc::new(report),
    })
}

fn open_file(screen: Screen, file: web_sys::File) {
    screen.progress.set(Progress::Reading(0));
    screen.state.set(VerifyState::Working);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(next) = verify_file(screen, &file).await {
            if screen.state.try_set(next).is_none() {
                browser::focus_id_later("verify-result");
            }
        }
    });
}

/// The file picker inside a drop zone.
fn picker(screen: Screen, dragging: RwSignal<bool>) -> AnyView {
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                dragging.set(false);
                let files = js_sys::Reflect::get(&ev, &"dataTransfer".into())
                    .ok()
                    .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()).ok())
                    .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
                if let Some(file) = first_file(files) {
                    open_file(screen, file);
                }
            }
        >
            <div class="form-group">
                <label class="label" for="plan-file">{tr("verify.file.label")}</label>
                <p class="hint" id="plan-file-hint">{tr("verify.file.hint")}</p>
                <input
                    type="file"
                    id="plan-file"
                    name="plan-file"
                    class="file-input"
                    accept=".json,application/json"
                    aria-describedby="plan-file-hint"
                    on:change=move |ev| {
                        if let Some(file) = browser::take_chosen_file(&ev) {
                            open_file(screen, file);
                        }
                    }
                />
            </div>
            <p class="drop-hint">{tr("verify.drop")}</p>
        </div>
    }
    .into_any()
}

/// The verify screen.
#[component]
pub fn VerifyScreen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let state = RwSignal::new(VerifyState::Empty);
    let screen = Screen {
        state,
        progress: RwSignal::new(Progress::Reading(0)),
    };
    let dragging = RwSignal::new(false);
    // Issue 13: the trust list on this device (src/ui/verify_trust.rs).
    let trust = super::verify_trust::TrustState::load();
    let another = move |_| {
        state.set(VerifyState::Empty);
        browser::focus_id_later("plan-file");
    };
    view! {
        <section aria-labelledby="verify-title" class="verify-screen">
            <h1 id="verify-title">{tr("verify.title")}</h1>
            <p class="lead">{tr("verify.lead")}</p>
            {move || match state.get() {
                VerifyState::Empty => picker(screen, dragging),
                VerifyState::Working => {
                    let progress = screen.progress;
                    view! {
                        <div class="verify-progress">
                            <p role="status" id="verify-progress-text">
                                {move || progress.get().text(lang.get())}
                            </p>
                            <progress
                                max="100"
                                value=move || progress.get().percent().to_string()
                                aria-label=move || t(lang.get(), "verify.progress.label")
                            >
                                {move || format!("{} %", progress.get().percent())}
                            </progress>
                        </div>
                    }
                    .into_any()
                }
                VerifyState::Failed { name, problem } => {
                    let l = lang.get();
                    view! {
                        <div class="alert alert-error" role="alert" id="verify-result" tabindex="-1">
                            <h2>{t(l, "verify.error.title")}</h2>
                            <p>{tf(l, "verify.file_name", &[("name", &name)])}</p>
                            <p class="verify-error">{problem_text(l, &problem)}</p>
                        </div>
                        {picker(screen, dragging)}
                    }
                    .into_any()
                }
                VerifyState::Done {
                    name,
                    verified,
                    report,
                } => {
                    view! {
                        {verify_result(name, verified, report, trust)}
                        <div class="step-actions">
                            <button type="button" class="button button-primary" on:click=another>
                                {tr("verify.another")}
                            </button>
                        </div>
                    }
                    .into_any()
                }
                // A review document (issue 15).
                VerifyState::Review { name, review } => {
                    view! {
                        {super::verify_review::review_result(name, *review)}
                        <div class="step-actions">
                            <button type="button" class="button button-primary" on:click=another>
                                {tr("verify.another")}
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }}
            // Issue 13: load, show, replace or remove the trust list.
            {super::verify_trust::trust_panel(trust)}
            <div class="step-actions">
                <BackToCases />
            </div>
        </section>
    }
}

/// An icon hidden from screen readers (the words next to it say the same).
fn status_icon_span(icon: &'static str) -> AnyView {
    view! { <span class="status-icon" aria-hidden="true">{icon}</span> }.into_any()
}

/// What was found in a plan file: its signatures, the recomputation and the plan.
fn verify_result(
    name: String,
    verified: Arc<Verified>,
    report: Arc<VerificationReport>,
    trust: super::verify_trust::TrustState,
) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let proofs = verified.proofs.clone();
        // Issue 13: the verdict under the trust list needs the plan to recompute.
        let recomputes = matches!(verified.recompute, Recompute::Matches);
        let recompute = StoredValue::new(verified.recompute.clone());
        // The readable plan comes a turn or two after the signatures: working out its
        // explanation and laying out a plan of megabytes are tasks of their own.
        let document = StoredValue::new(verified);
        let explained = StoredValue::new(None::<Explained>);
        let plan_shown = RwSignal::new(false);
        wasm_bindgen_futures::spawn_local(async move {
            next_turn().await;
            let Some(found) =
                document.try_with_value(|v| plan_view::explained_document(&v.document))
            else {
                return;
            };
            explained.set_value(found);
            next_turn().await;
            let _ = plan_shown.try_set(true);
        });
        let count = proofs.len();
        let valid = proofs
            .iter()
            .filter(|p| p.status == ProofStatus::Valid)
            .count();
        let all_valid = count > 0 && valid == count;
        let items = proofs
            .into_iter()
            .enumerate()
            .map(|(i, p)| proof_item(i, p))
            .collect_view();
        view! {
            <div
                class="verify-result"
                id="verify-result"
                tabindex="-1"
                aria-labelledby="verify-file-name"
            >
                <p class="verify-file" id="verify-file-name">
                    {move || tf(lang.get(), "verify.file_name", &[("name", &name)])}
                </p>
                // The plan period this plan continues, if any (issue 15).
                {document.with_value(|v| super::verify_review::follows_line(&v.document))}
                // The earlier versions of an amended plan, if any (issue 14, item 5).
                {document.with_value(|v| super::verify_amends::amends_lines(&v.document))}
                <h2>{tr("verify.signatures.title")}</h2>
                <p class=if all_valid {
                    "verify-verdict verdict-ok"
                } else {
                    "verify-verdict verdict-bad"
                }>
                    {status_icon_span(if all_valid { "✓" } else { "✗" })}
                    {move || {
                        let l = lang.get();
                        if count == 0 {
                            t(l, "verify.signatures.none").to_string()
                        } else if all_valid {
                            tf(l, "verify.summary.verified", &[("count", &count.to_string())])
                        } else {
                            tf(
                                l,
                                "verify.summary.not_verified",
                                &[("count", &count.to_string()), ("valid", &valid.to_string())],
                            )
                        }
                    }}
                </p>
                <ol class="signature-list">{items}</ol>
                // Issue 13: who signed, the price list and the signing rule.
                {super::verify_trust::trust_result(trust, document, report, recomputes)}
                <h2>{tr("verify.recompute.title")}</h2>
                {move || recompute_view(lang.get(), recompute.get_value())}
                <h2>{tr("verify.plan.title")}</h2>
                {move || match plan_shown.get() {
                    true => {
                        document.with_value(|verified| {
                            plan_view_explained(
                                &verified.document,
                                explained.get_value(),
                                "verify-plan",
                                true,
                            )
                        })
                    }
                    false => {
                        view! {
                            <p role="status" class="verify-plan-pending">
                                {t(lang.get(), "verify.progress.plan")}
                            </p>
                        }
                            .into_any()
                    }
                }}
            </div>
        }
        .into_any()
    })
}

/// Whether recomputing the plan gives the result written in it, in a language.
fn recompute_view(l: Lang, recompute: Recompute) -> AnyView {
    match recompute {
        Recompute::Matches => view! {
            <p class="status status-valid">
                {status_icon_span("✓")}
                {t(l, "integrity.recompute.matches")}
            </p>
        }
        .into_any(),
        Recompute::Differs {
            path,
            embedded,
            recomputed,
        } => {
            let place = crate::signing::difference_place(&path).map(|(key, params)| {
                let params: Vec<(&str, String)> = params
                    .into_iter()
                    .map(|(k, v)| {
                        if k == "what" {
                            (k, t(l, &v).to_string())
                        } else {
                            (k, v)
                        }
                    })
                    .collect();
                let params: Vec<(&str, &str)> =
                    params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                format!("{} ", tf(l, key, &params))
            });
            let differs = tf(
                l,
                "integrity.recompute.differs",
                &[
                    ("path", &path),
                    ("embedded", &embedded),
                    ("recomputed", &recomputed),
                ],
            );
            view! {
                <p class="status status-invalid">{status_icon_span("✗")}{place}{differs}</p>
            }
            .into_any()
        }
        Recompute::NotPossible(summary, problems) => {
            let list = (!problems.is_empty()).then(|| {
                let items = problems
                    .iter()
                    .take(10)
                    .map(|p| {
                        view! {
                            <li>
                                {tf(
                                    l,
                                    "verify.recompute.problem_line",
                                    &[("path", &p.path), ("message", &problem_text(l, p))],
                                )}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul>{items}</ul> }
            });
            view! {
                <div class="status status-invalid">
                    <p>{status_icon_span("✗")}{problem_text(l, &summary)}</p>
                    {list}
                </div>
            }
            .into_any()
        }
    }
}

/// One signature of a plan file: its status, the reason when it fails, the key's
/// fingerprint, the purpose and the time.
fn proof_item(index: usize, proof: ProofLine) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let status = proof.status;
        let class = match status {
            ProofStatus::Valid => "signature status-valid",
            ProofStatus::Invalid => "signature status-invalid",
            ProofStatus::Unsupported => "signature status-unsupported",
        };
        let proof = StoredValue::new(proof);
        let or_not_given = move |value: Option<String>| {
            value.unwrap_or_else(|| t(lang.get(), "verify.signature.not_given").to_string())
        };
        view! {
            <li class=class>
                <h3>
                    {move || {
                        tf(
                            lang.get(),
                            "verify.signature.heading",
                            &[("n", &(index + 1).to_string())],
                        )
                    }}
                </h3>
                <dl class="plan-facts">
                    <div>
                        <dt>{tr("verify.signature.status")}</dt>
                        <dd class="status">
                            {status_icon_span(status_icon(status))}
                            {move || t(lang.get(), status.key())}
                        </dd>
                    </div>
                    {move || {
                        proof
                            .with_value(|p| p.reason.clone())
                            .map(|reason| {
                                let l = lang.get();
                                view! {
                                    <div>
                                        <dt>{t(l, "verify.signature.reason")}</dt>
                                        <dd>{problem_text(l, &reason)}</dd>
                                    </div>
                                }
                            })
                    }}
                    <div>
                        <dt>{tr("verify.signature.fingerprint")}</dt>
                        <dd class="fingerprint">
                            {move || or_not_given(proof.with_value(|p| p.fingerprint.clone()))}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr("verify.signature.purpose")}</dt>
                        <dd>
                            {move || {
                                let purpose = proof.with_value(|p| p.purpose.clone());
                                match purpose {
                                    Some(p) if crate::i18n::has(&format!("verify.purpose.{p}")) => {
                                        t(lang.get(), &format!("verify.purpose.{p}")).to_string()
                                    }
                                    other => or_not_given(other),
                                }
                            }}
                        </dd>
                    </div>
                    <div>
                        <dt>{tr("verify.signature.created")}</dt>
                        <dd>
                            {move || match proof.with_value(|p| p.created.clone()) {
                                Some(created) => local_date_time(lang.get(), &created),
                                None => or_not_given(None),
                            }}
                        </dd>
                    </div>
                </dl>
            </li>
        }
        .into_any()
    })
}
