//! The sign step: each participant signs the plan computed from the case with a key kept
//! on this device; the signed plan downloads as `<pseudonym>-plan.json`; a print view
//! (hidden on screen) shows the plan, the signatures' fingerprints and how to verify it.
//! The logic (signatures kept with the case, outdated detection, key files, the signed
//! document) is in [`crate::signing`].

use crate::engine::allocate::Allocation;
use crate::engine::case::{Case, Term};
use crate::engine::integrity::KeyPair;
use crate::engine::plan::plan_with_reference;
use crate::engine::problem::Problem;
use crate::engine::reference::Catalogue;
use crate::files::FileKind;
use crate::i18n::{t, tf, Lang};
use crate::plan_view;
use crate::signing::{
    created_stamp, key_file_name, key_from_text, key_slot, key_to_text, participants,
    plan_file_name, read_signatures, sign_plan, signature_views, signed_document, write_signatures,
    Participant, PlanSummary, SignatureState, SignatureView,
};
use crate::storage;
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{problem_text, StepActions};
use crate::ui::prelude::*;
use crate::ui::verify::{local_date_time, role_name};
use crate::ui::workspace::{reference, use_case, Step};
use serde_json::Value;

/// "Social worker (I. Kalniņa)", "Parent (legal representative)".
fn who(lang: Lang, participant: &Participant) -> String {
    let role = role_name(lang, &participant.role);
    match &participant.name {
        Some(name) => format!("{role} ({name})"),
        None => role,
    }
}

/// A message about one participant: their id, whether it is an error, and the words.
#[derive(Clone, Debug, PartialEq)]
struct Note {
    participant: String,
    error: bool,
    problem: Problem,
}

/// The key stored on this device for a slot: none, a key, or a damaged entry.
fn device_key(slot: &str) -> Option<Result<KeyPair, Problem>> {
    match storage::load_signing_key(slot) {
        Ok(Some(text)) => Some(key_from_text(&text)),
        Ok(None) => None,
        Err(error) => Some(Err(Problem::new("", error.key()))),
    }
}

fn storage_problem(error: storage::StorageError) -> Problem {
    Problem::new("", error.key())
}

/// The sign step's screen.
#[component]
pub fn SignStep() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let problem_count = Memo::new(move |_| ctx.problems.with(Vec::len));
    view! {
        <section aria-labelledby="step-title" class="sign-screen">
            <h1 id="step-title">{tr("step.sign")}</h1>
            <super::parents_notice::ParentsNotice />
            {move || {
                let count = problem_count.get();
                if count == 0 {
                    return sign_panel();
                }
                let l = lang.get();
                let result = move || Screen::Case {
                    id: ctx.id.get_value(),
                    step: Step::Result,
                };
                view! {
                    <div class="alert alert-warning">
                        <h2>{t(l, "sign.blocked.title")}</h2>
                        <p>{tf(l, "sign.blocked.body", &[("count", &count.to_string())])}</p>
                        <p>
                            <a
                                href=result().hash()
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    app.navigate(result());
                                }
                            >
                                {t(l, "sign.blocked.link")}
                            </a>
                        </p>
                    </div>
                }
                .into_any()
            }}
            <StepActions step=Step::Sign />
        </section>
    }
}

/// The participants with their signatures and keys, the download and the print view.
fn sign_panel() -> AnyView {
    untrack(|| {
        let app = use_app();
        let lang = app.lang;
        let ctx = use_case();
        let plan = Memo::new(move |_| {
            let reference = reference().map_err(<[Problem]>::to_vec)?;
            ctx.case.with(|case| plan_with_reference(case, reference))
        });
        let people = Memo::new(move |_| ctx.case.with(participants));
        let signatures = Memo::new(move |_| ctx.case.with(read_signatures));
        let views = Memo::new(move |_| match plan.get() {
            Ok(plan) => signatures.with(|s| signature_views(&plan, s)),
            Err(_) => Vec::new(),
        });
        let note = RwSignal::new(None::<Note>);
        let key_version = RwSignal::new(0u32);
        let download_failed = RwSignal::new(false);

        // Issue 13: `given` is the unlocked personal key; without it, the participant's key
        // on this device (made on first use).
        let sign_with = move |participant: Participant, given: Option<KeyPair>| {
            let Ok(plan) = plan.get_untracked() else {
                return;
            };
            let fail = |problem: Problem| {
                note.set(Some(Note {
                    participant: participant.id.clone(),
                    error: true,
                    problem,
                }))
            };
            let slot = key_slot(&ctx.id.get_value(), &participant);
            let key = match given.map(Ok).or_else(|| device_key(&slot)) {
                Some(Ok(key)) => key,
                _ => {
                    let mut seed = [0u8; 32];
                    if browser::random_bytes(&mut seed).is_err() {
                        return fail(Problem::new("", "sign.error.random"));
                    }
                    let key = KeyPair::from_seed(&seed);
                    if let Err(error) = storage::save_signing_key(&slot, &key_to_text(&key)) {
                        return fail(storage_problem(error));
                    }
                    key_version.update(|v| *v += 1);
                    key
                }
            };
            let Some(created) = created_stamp(&browser::now_iso()) else {
                return fail(Problem::new("", "sign.error.clock"));
            };
            let current = signatures.get_untracked();
            match sign_plan(&current, &plan, &participant.id, &key, &created) {
                Ok(list) => {
                    ctx.update(|case| write_signatures(case, &list));
                    note.set(Some(Note {
                        participant: participant.id.clone(),
                        error: false,
                        problem: Problem::new("", "sign.signed_now"),
                    }));
                }
                Err(error) => {
                    let reason = problem_text(
                        lang.get_untracked(),
                        &crate::signing::integrity_problem(error),
                    );
                    fail(Problem::new("", "sign.error.sign").with("reason", reason));
                }
            }
        };
        let sign_as = Callback::new(move |p| sign_with(p, None));
        let sign_personal = Callback::new(move |p| {
            if let Some(key) = crate::ui::personal::unlocked() {
                sign_with(p, Some(key.key.clone()));
            }
        });

        let download = move |_| {
            let Ok(plan) = plan.get_untracked() else {
                return;
            };
            let document = signatures.with_untracked(|s| signed_document(&plan, s));
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            let ok = browser::download_text(&plan_file_name(&document), "application/json", &text)
                .is_ok();
            download_failed.set(!ok);
        };
        let file_name = Memo::new(move |_| match plan.get() {
            Ok(plan) => plan_file_name(&plan),
            Err(_) => "plan-plan.json".to_string(),
        });
        let valid_count = Memo::new(move |_| {
            views.with(|v| {
                v.iter()
                    .filter(|v| v.state == SignatureState::Valid)
                    .count()
            })
        });
        let some_left_out =
            Memo::new(move |_| views.with(|v| v.iter().any(|v| v.state != SignatureState::Valid)));
        let print = move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        };

        view! {
            <p class="lead">{tr("sign.lead")}</p>
            // Issue 13: the personal key (unlocked, or where to unlock it).
            {crate::ui::personal::sign_step_note()}
            <h2 id="signatures-title">{tr("sign.signatures.title")}</h2>
            <p class="sign-progress" role="status">
                {move || {
                    tf(
                        lang.get(),
                        "sign.progress",
                        &[
                            ("signed", &valid_count.get().to_string()),
                            ("total", &people.with(Vec::len).to_string()),
                        ],
                    )
                }}
            </p>
            <ul class="participant-list" aria-labelledby="signatures-title">
                {move || {
                    people
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, participant)| {
                            participant_item(
                                index,
                                participant,
                                views,
                                note,
                                key_version,
                                [sign_as, sign_personal],
                            )
                        })
                        .collect_view()
                }}
            </ul>
            <h2>{tr("sign.export.title")}</h2>
            <p class="hint" id="download-hint">
                {move || tf(lang.get(), "sign.download.hint", &[("file", &file_name.get())])}
            </p>
            {move || {
                some_left_out
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice">{t(lang.get(), "sign.download.outdated_left_out")}</p>
                        }
                    })
            }}
            {move || {
                download_failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {t(lang.get(), "sign.download.failed")}
                            </p>
                        }
                    })
            }}
            <div class="sign-actions">
                <button
                    type="button"
                    class="button button-primary"
                    id="download-plan"
                    aria-describedby="download-hint"
                    on:click=download
                >
                    {tr("sign.download")}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    id="print-plan"
                    aria-describedby="print-hint"
                    on:click=print
                >
                    {tr("sign.print")}
                </button>
            </div>
            <p class="hint" id="print-hint">{tr("sign.print.hint")}</p>
            {move || plan.get().ok().map(|plan| print_view(plan, views, people, file_name))}
        }
        .into_any()
    })
}

fn status_text(lang: Lang, state: Option<&SignatureState>) -> (&'static str, &'static str, String) {
    match state {
        None => ("○", "status-none", t(lang, "sign.status.none").to_string()),
        Some(SignatureState::Valid) => (
            "✓",
            "status-valid",
            t(lang, "sign.status.valid").to_string(),
        ),
        Some(SignatureState::Outdated) => (
            "⚠",
            "status-outdated",
            t(lang, "sign.status.outdated").to_string(),
        ),
        Some(SignatureState::Invalid(problem)) => (
            "✗",
            "status-invalid",
            format!(
                "{}: {}",
                t(lang, "sign.status.invalid"),
                problem_text(lang, problem)
            ),
        ),
    }
}

/// One participant: their signature's status, a message, the sign button, and their key
/// (fingerprint, export, import).
fn participant_item(
    index: usize,
    participant: Participant,
    views: Memo<Vec<SignatureView>>,
    note: RwSignal<Option<Note>>,
    key_version: RwSignal<u32>,
    [sign_as, sign_personal]: [Callback<Participant>; 2],
) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let p = StoredValue::new(participant);
        let view_of = Memo::new(move |_| {
            p.with_value(|p| views.with(|v| v.iter().find(|v| v.participant == p.id).cloned()))
        });
        let label = move || p.with_value(|p| who(lang.get(), p));
        let slot = move || p.with_value(|p| key_slot(&ctx.id.get_value(), p));
        let stored_key = Memo::new(move |_| {
            key_version.track();
            ctx.id.get_value();
            device_key(&slot()).map(|r| r.map(|k| k.fingerprint()))
        });
        let my_note = move || {
            note.get()
                .filter(|n| p.with_value(|p| n.participant == p.id))
        };
        let import_id = format!("key-import-{index}");
        let import_hint_id = format!("key-import-{index}-hint");

        let export = move |_| {
            if let Some(Ok(key)) = device_key(&slot()) {
                let name = p.with_value(key_file_name);
                let _ = browser::download_text(&name, "application/json", &key_to_text(&key));
            }
        };
        let on_import = move |ev: leptos::ev::Event| {
            let Some(file) = browser::take_chosen_file(&ev) else {
                return;
            };
            let pid = p.with_value(|p| p.id.clone());
            let slot = slot();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_file_text(&file, FileKind::Key).await {
                    Err(error) => Err(error.problem("sign.key.read_failed")),
                    Ok(text) => key_from_text(&text),
                };
                let outcome = result.and_then(|key| {
                    storage::save_signing_key(&slot, &key_to_text(&key))
                        .map(|_| key.fingerprint())
                        .map_err(storage_problem)
                });
                let (error, problem) = match outcome {
                    Ok(fingerprint) => (
                        false,
                        Problem::new("", "sign.key.imported").with("fingerprint", fingerprint),
                    ),
                    Err(problem) => (true, problem),
                };
                key_version.update(|v| *v += 1);
                note.set(Some(Note {
                    participant: pid,
                    error,
                    problem,
                }));
            });
        };

        view! {
            <li class="participant">
                <h3>{label}</h3>
                {move || {
                    let l = lang.get();
                    let view = view_of.get();
                    let (icon, class, text) = status_text(l, view.as_ref().map(|v| &v.state));
                    let meta = view.map(|v| {
                        let fingerprint = v.fingerprint.map(|f| {
                            view! {
                                <span class="fingerprint">
                                    {tf(l, "sign.fingerprint", &[("fingerprint", &f)])}
                                </span>
                            }
                        });
                        let created = v.created.map(|c| {
                            let time = local_date_time(l, &c);
                            view! { <span>{tf(l, "sign.signed_at", &[("time", &time)])}</span> }
                        });
                        view! { <p class="signature-meta">{fingerprint}{created}</p> }
                    });
                    view! {
                        <p class=format!("status {class}")>
                            <span class="status-icon" aria-hidden="true">{icon}</span>
                            {text}
                        </p>
                        {meta}
                    }
                    .into_any()
                }}
                {move || {
                    my_note()
                        .map(|n| {
                            let l = lang.get();
                            let text = if n.problem.key == "sign.signed_now" {
                                tf(l, "sign.signed_now", &[("who", &label())])
                            } else {
                                problem_text(l, &n.problem)
                            };
                            let (class, role) = if n.error {
                                ("alert alert-error", "alert")
                            } else {
                                ("alert alert-success", "status")
                            };
                            view! { <p class=class role=role>{text}</p> }
                        })
                }}
                <button
                    type="button"
                    class="button button-primary sign-button"
                    on:click=move |_| sign_as.run(p.get_value())
                >
                    {move || {
                        let l = lang.get();
                        let key = if view_of.with(Option::is_some) {
                            "sign.sign_again_as"
                        } else {
                            "sign.sign_as"
                        };
                        tf(l, key, &[("who", &label())])
                    }}
                </button>
                // Issue 13: the same, with the person's own key.
                {crate::ui::personal::sign_button(label, sign_personal, p)}
                <details class="key-details">
                    <summary>
                        {move || tf(lang.get(), "sign.key.summary", &[("who", &label())])}
                    </summary>
                    {move || {
                        let l = lang.get();
                        match stored_key.get() {
                            None => view! { <p>{t(l, "sign.key.none")}</p> }.into_any(),
                            Some(Err(problem)) => {
                                view! {
                                    <p class="alert alert-warning">
                                        {tf(
                                            l,
                                            "sign.key.unreadable",
                                            &[("reason", &problem_text(l, &problem))],
                                        )}
                                    </p>
                                }
                                .into_any()
                            }
                            Some(Ok(fingerprint)) => {
                                view! {
                                    <p class="fingerprint">
                                        {tf(l, "sign.fingerprint", &[("fingerprint", &fingerprint)])}
                                    </p>
                                    <p class="notice">{t(l, "sign.key.warning")}</p>
                                    <button
                                        type="button"
                                        class="button button-secondary button-small"
                                        aria-label=tf(l, "sign.key.export.label", &[("who", &label())])
                                        on:click=export
                                    >
                                        {t(l, "sign.key.export")}
                                    </button>
                                }
                                .into_any()
                            }
                        }
                    }}
                    <div class="form-group key-import">
                        <label class="label" for=import_id.clone()>
                            {move || tf(lang.get(), "sign.key.import", &[("who", &label())])}
                        </label>
                        <p class="hint" id=import_hint_id.clone()>
                            {tr("sign.key.import.hint")}
                        </p>
                        <input
                            type="file"
                            id=import_id
                            class="file-input"
                            accept=".json,application/json"
                            aria-describedby=import_hint_id
                            on:change=on_import
                        />
                    </div>
                </details>
            </li>
        }
        .into_any()
    })
}

/// The printed plan: hidden on screen, shown by the print stylesheet. The plan itself
/// (facts, every line with its reason in the plan screen's words, totals), the parents'
/// goals with their ratings, the assessment summary, the team goals with their five GAS
/// levels and baseline, the charts, and a signature block with every participant the
/// plan needs, signed or not.
fn print_view(
    plan: Value,
    views: Memo<Vec<SignatureView>>,
    people: Memo<Vec<Participant>>,
    file_name: Memo<String>,
) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let pseudonym = PlanSummary::of(&plan).pseudonym;
        let explained = StoredValue::new(plan_view::explained_document(&plan));
        let address = web_sys::window()
            .and_then(|w| {
                let location = w.location();
                Some(format!(
                    "{}{}#/verify",
                    location.origin().ok()?,
                    location.pathname().ok()?
                ))
            })
            .unwrap_or_default();
        view! {
            <div class="print-only" id="print-view">
                <h2 class="print-title">{tr("print.title")}" — "{pseudonym}</h2>
                {crate::ui::verify::plan_view(&plan, "print-plan", false)}
                {move || {
                    let l = lang.get();
                    explained
                        .with_value(|e| {
                            e.as_ref()
                                .map(|(case, catalogue, allocation)| {
                                    view! {
                                        {print_charts(l, catalogue, allocation)}
                                        {print_parent_goals(l, case)}
                                        {print_assessment(l, case)}
                                        {print_team_goals(l, case)}
                                    }
                                    .into_any()
                                })
                        })
                }}
                <h3 id="print-signatures-title">{tr("print.signatures")}</h3>
                {move || {
                    let l = lang.get();
                    print_signatures(l, &people.get(), &views.get())
                }}
                <p class="verify-notice">
                    {move || {
                        tf(
                            lang.get(),
                            "print.verify_notice",
                            &[("address", &address), ("file", &file_name.get())],
                        )
                    }}
                </p>
            </div>
        }
        .into_any()
    })
}

/// The two charts of the plan, by service and by month.
fn print_charts(l: Lang, catalogue: &Catalogue, allocation: &Allocation) -> AnyView {
    let services = plan_view::svg_bar_chart(
        "print-chart-services",
        t(l, "result.chart.services.title"),
        t(l, "result.chart.services.desc"),
        &plan_view::service_chart_rows(l, &allocation.lines, catalogue),
    );
    let months = plan_view::svg_bar_chart(
        "print-chart-months",
        t(l, "result.chart.months.title"),
        t(l, "result.chart.months.desc"),
        &plan_view::month_chart_rows(l, &allocation.months),
    );
    view! {
        <div class="print-charts">
            <div class="print-chart">
                <h3>{t(l, "result.chart.services.title")}</h3>
                <div class="chart" inner_html=services></div>
            </div>
            <div class="print-chart">
                <h3>{t(l, "result.chart.months.title")}</h3>
                <div class="chart" inner_html=months></div>
            </div>
        </div>
    }
    .into_any()
}

/// The name of an assessment domain (with its ICF chapter), or its code.
fn domain_name(l: Lang, code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.domains.domains.iter().find(|d| d.code == code))
        .map(|d| {
            let name = match l {
                Lang::Lv => &d.name.lv,
                Lang::En => &d.name.en,
            };
            match &d.icf {
                Some(icf) => format!("{name} ({icf})"),
                None => name.clone(),
            }
        })
        .unwrap_or_else(|| code.to_string())
}

/// The parents' goals with their domain and COPM ratings (and the review's, if any).
fn print_parent_goals(l: Lang, case: &Case) -> AnyView {
    if case.questionnaire.goals.is_empty() {
        return ().into_any();
    }
    let rows = case
        .questionnaire
        .goals
        .iter()
        .enumerate()
        .map(|(i, goal)| {
            let review = goal.review.map(|r| {
                tf(
                    l,
                    "print.parents.review",
                    &[
                        ("performance", &r.performance.to_string()),
                        ("satisfaction", &r.satisfaction.to_string()),
                    ],
                )
            });
            view! {
                <tr>
                    <td>{(i + 1).to_string()}</td>
                    <th scope="row">{goal.text.clone()}</th>
                    <td>{domain_name(l, &goal.life_domain)}</td>
                    <td class="num">{goal.importance.to_string()}</td>
                    <td class="num">{goal.performance.to_string()}</td>
                    <td class="num">{goal.satisfaction.to_string()}</td>
                    <td>{review.unwrap_or_else(|| "—".to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="print-parents-title">{t(l, "print.parents.title")}</h3>
        <table class="print-table" aria-labelledby="print-parents-title">
            <thead>
                <tr>
                    <th scope="col">{t(l, "plan_doc.col.position")}</th>
                    <th scope="col">{t(l, "print.parents.goal")}</th>
                    <th scope="col">{t(l, "print.parents.domain")}</th>
                    <th scope="col" class="num">{t(l, "print.parents.importance")}</th>
                    <th scope="col" class="num">{t(l, "print.parents.performance")}</th>
                    <th scope="col" class="num">{t(l, "print.parents.satisfaction")}</th>
                    <th scope="col">{t(l, "print.parents.review.col")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="print-note">{t(l, "print.parents.scale")}</p>
    }
    .into_any()
}

/// The assessment summary: each scored domain with every team member's ICF qualifier.
fn print_assessment(l: Lang, case: &Case) -> AnyView {
    let mut domains: Vec<&str> = Vec::new();
    let known: Vec<&str> = reference()
        .map(|r| r.domains.domains.iter().map(|d| d.code.as_str()).collect())
        .unwrap_or_default();
    for code in known.iter().copied().chain(
        case.team
            .iter()
            .flat_map(|m| m.assessments.iter().map(|a| a.domain.as_str())),
    ) {
        let scored = case
            .team
            .iter()
            .any(|m| m.assessments.iter().any(|a| a.domain == code));
        if scored && !domains.contains(&code) {
            domains.push(code);
        }
    }
    if domains.is_empty() {
        return ().into_any();
    }
    let member_name = |m: &crate::engine::case::TeamMember| {
        let role = role_name(l, &m.role);
        if m.name.is_empty() {
            role
        } else {
            format!("{role} ({})", m.name)
        }
    };
    let head = case
        .team
        .iter()
        .map(|m| view! { <th scope="col">{member_name(m)}</th> })
        .collect_view();
    let rows = domains
        .iter()
        .map(|code| {
            let cells = case
                .team
                .iter()
                .map(|m| {
                    let text = m
                        .assessments
                        .iter()
                        .find(|a| a.domain == *code)
                        .map(|a| {
                            let words = t(l, &format!("assessment.q.{}", a.qualifier));
                            if a.note.is_empty() {
                                words.to_string()
                            } else {
                                format!("{words}. {}", a.note)
                            }
                        })
                        .unwrap_or_else(|| "—".to_string());
                    view! { <td>{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{domain_name(l, code)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3 id="print-assessment-title">{t(l, "print.assessment.title")}</h3>
        <table class="print-table print-assessment" aria-labelledby="print-assessment-title">
            <thead>
                <tr>
                    <th scope="col">{t(l, "print.assessment.domain")}</th>
                    {head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The GAS level's label key ("−2: much less than expected", …).
fn level_key(level: i8) -> &'static str {
    match level {
        -2 => "goals.level.m2",
        -1 => "goals.level.m1",
        0 => "goals.level.0",
        1 => "goals.level.p1",
        _ => "goals.level.p2",
    }
}

/// The team's goals, each with its five GAS levels and its baseline.
fn print_team_goals(l: Lang, case: &Case) -> AnyView {
    if case.goals.is_empty() {
        return ().into_any();
    }
    let items = case
        .goals
        .iter()
        .map(|goal| {
            let term = match goal.term {
                Term::Long => t(l, "plan_doc.goal.long"),
                Term::Short => t(l, "plan_doc.goal.short"),
            };
            let serves: Vec<String> = goal
                .parent_goals
                .iter()
                .filter_map(|id| {
                    case.questionnaire
                        .goals
                        .iter()
                        .find(|g| &g.id == id)
                        .map(|g| g.text.clone())
                })
                .collect();
            let serves = (!serves.is_empty()).then(|| {
                view! {
                    <p>{tf(l, "print.goals.serves", &[("goals", &serves.join("; "))])}</p>
                }
            });
            let levels = goal
                .levels
                .iter()
                .map(|level| {
                    let baseline = (level.level == goal.baseline)
                        .then(|| view! { <strong>{format!(" ({})", t(l, "print.goals.baseline_mark"))}</strong> });
                    view! {
                        <li>
                            <span class="print-level">{t(l, level_key(level.level))}</span>
                            {baseline}
                            " — "
                            {level.text.clone()}
                        </li>
                    }
                })
                .collect_view();
            let baseline = tf(
                l,
                "print.goals.baseline",
                &[("level", t(l, level_key(goal.baseline)))],
            );
            view! {
                <li class="print-goal">
                    <p>
                        <strong>{term}": "</strong>
                        {goal.text.clone()}
                    </p>
                    {serves}
                    <p>{baseline}</p>
                    <ul class="print-levels">{levels}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t(l, "plan_doc.goals")}</h3>
        <ul class="plan-goals print-goals">{items}</ul>
    }
    .into_any()
}

/// Every participant the plan needs, signed or not, then any other signature kept.
fn print_signatures(l: Lang, people: &[Participant], views: &[SignatureView]) -> AnyView {
    let row = |name: String, view: Option<&SignatureView>| {
        let (icon, _, status) = status_text(l, view.map(|v| &v.state));
        let fingerprint = view
            .and_then(|v| v.fingerprint.clone())
            .unwrap_or_else(|| "—".to_string());
        let time = view
            .and_then(|v| v.created.as_deref())
            .map(|c| local_date_time(l, c))
            .unwrap_or_else(|| "—".to_string());
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>
                    <span aria-hidden="true">{icon}" "</span>
                    {status}
                </td>
                <td class="fingerprint">{fingerprint}</td>
                <td>{time}</td>
            </tr>
        }
    };
    let mut rows: Vec<AnyView> = people
        .iter()
        .map(|p| {
            let view = views.iter().find(|v| v.participant == p.id);
            row(who(l, p), view).into_any()
        })
        .collect();
    rows.extend(
        views
            .iter()
            .filter(|v| !people.iter().any(|p| p.id == v.participant))
            .map(|v| row(v.participant.clone(), Some(v)).into_any()),
    );
    view! {
        <table class="print-table print-signatures" aria-labelledby="print-signatures-title">
            <thead>
                <tr>
                    <th scope="col">{t(l, "print.signatures.who")}</th>
                    <th scope="col">{t(l, "print.signatures.status")}</th>
                    <th scope="col">{t(l, "print.signatures.fingerprint")}</th>
                    <th scope="col">{t(l, "print.signatures.time")}</th>
                </tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
    }
    .into_any()
}
