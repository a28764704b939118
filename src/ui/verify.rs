//! Opening a plan file and verifying it: a file picker and a drop zone; then each
//! signature (valid / invalid / unsupported, with the reason), whether recomputing the
//! plan gives the same result, and a readable summary of the plan. The logic is in
//! [`crate::signing`]; this screen only reads the file and shows what it found.
//!
//! Also home of [`PlanView`] (the readable plan, shared with the sign step's print view)
//! and the small formatting helpers both screens use.

use crate::engine::integrity::ProofStatus;
use crate::engine::problem::Problem;
use crate::i18n::{t, tf, Lang};
use crate::signing::{
    date_text, money_text, open_plan_text, percent_text, too_large, PlanSummary, ProofLine,
    Recompute, Verified, MAX_FILE_BYTES,
};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::fields::problem_text;
use crate::ui::workspace::reference;
use leptos::prelude::*;
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
/// totals and goals. Used on the verify screen and in the sign step's print view.
#[component]
pub(crate) fn PlanView(
    /// What to show.
    summary: PlanSummary,
    /// A prefix for element ids, unique on the page.
    id_prefix: &'static str,
) -> impl IntoView {
    let lang = use_app().lang;
    let s = StoredValue::new(summary);
    let lines_id = format!("{id_prefix}-lines");
    let totals_id = format!("{id_prefix}-totals");
    let goals_id = format!("{id_prefix}-goals");
    let get = move |f: fn(&PlanSummary) -> String| s.with_value(f);
    view! {
        <div class="plan-view">
            <dl class="plan-facts">
                <div><dt>{crate::ui::app::tr("plan_doc.pseudonym")}</dt>
                    <dd>{get(|s| s.pseudonym.clone())}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.municipality")}</dt>
                    <dd>{get(|s| municipality_name(&s.municipality))}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.target_group")}</dt>
                    <dd>{move || {
                        let code = get(|s| s.target_group.clone());
                        let key = format!("child.group.{code}");
                        if crate::i18n::has(&key) { t(lang.get(), &key).to_string() } else { code }
                    }}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.period")}</dt>
                    <dd>{move || {
                        let l = lang.get();
                        s.with_value(|s| tf(l, "plan_doc.period_value", &[
                            ("start", &date_text(l, &s.start)),
                            ("end", &date_text(l, &s.end)),
                            ("months", &s.months),
                        ]))
                    }}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.budget")}</dt>
                    <dd>{move || money_text(lang.get(), &get(|s| s.budget.clone()))}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.weights")}</dt>
                    <dd>{move || s.with_value(|s| tf(lang.get(), "plan_doc.weights_value", &[
                        ("expert", &percent_text(&s.expert_weight)),
                        ("parent", &percent_text(&s.parent_weight)),
                    ]))}</dd></div>
                <div><dt>{crate::ui::app::tr("plan_doc.policy")}</dt>
                    <dd>{move || {
                        let key = format!("plan_doc.policy.{}", get(|s| s.policy.clone()));
                        if crate::i18n::has(&key) { t(lang.get(), &key).to_string() } else { get(|s| s.policy.clone()) }
                    }}</dd></div>
            </dl>

            <h3 id=lines_id.clone()>{crate::ui::app::tr("plan_doc.lines.title")}</h3>
            {move || if s.with_value(|s| s.lines.is_empty()) {
                view! { <p>{t(lang.get(), "plan_doc.no_lines")}</p> }.into_any()
            } else {
                let l = lang.get();
                view! {
                    <div class="table-wrap" role="region" tabindex="0" aria-labelledby=lines_id.clone()>
                        <table class="plan-lines" aria-labelledby=lines_id.clone()>
                            <thead><tr>
                                <th scope="col">{t(l, "plan_doc.col.position")}</th>
                                <th scope="col">{t(l, "plan_doc.col.service")}</th>
                                <th scope="col" class="num">{t(l, "plan_doc.col.score")}</th>
                                <th scope="col" class="num">{t(l, "plan_doc.col.units")}</th>
                                <th scope="col" class="num">{t(l, "plan_doc.col.price")}</th>
                                <th scope="col" class="num">{t(l, "plan_doc.col.funded")}</th>
                                <th scope="col">{t(l, "plan_doc.col.reason")}</th>
                            </tr></thead>
                            <tbody>
                                {s.with_value(|s| s.lines.clone()).into_iter().map(|line| {
                                    let params: Vec<(&str, &str)> = line.reason_params.iter()
                                        .map(|(k, v)| (k.as_str(), v.as_str())).collect();
                                    let reason = if crate::i18n::has(&line.reason_key) {
                                        tf(l, &line.reason_key, &params)
                                    } else {
                                        line.reason_key.clone()
                                    };
                                    view! {
                                        <tr>
                                            <td>{line.position.clone()}</td>
                                            <th scope="row">{line.name(l).to_string()}</th>
                                            <td class="num">{line.score.clone()}</td>
                                            <td class="num">{tf(l, "plan_doc.units_value", &[
                                                ("funded", &line.funded_units),
                                                ("quantity", &line.quantity),
                                                ("unit", &unit_name(l, &line.unit)),
                                            ])}</td>
                                            <td class="num">{money_text(l, &line.unit_price)}</td>
                                            <td class="num">{money_text(l, &line.funded_amount)}</td>
                                            <td>{reason}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}

            <h3 id=totals_id.clone()>{crate::ui::app::tr("plan_doc.totals")}</h3>
            <dl class="plan-facts plan-totals" aria-labelledby=totals_id>
                {move || {
                    let l = lang.get();
                    s.with_value(|s| [
                        ("plan_doc.budget", s.budget.clone()),
                        ("plan_doc.allocated", s.allocated.clone()),
                        ("plan_doc.remaining", s.remaining.clone()),
                        ("plan_doc.requested", s.requested.clone()),
                        ("plan_doc.unmet", s.unmet.clone()),
                    ]).into_iter().map(|(key, amount)| view! {
                        <div><dt>{t(l, key)}</dt><dd>{money_text(l, &amount)}</dd></div>
                    }).collect_view()
                }}
            </dl>

            {move || (!s.with_value(|s| s.goals.is_empty())).then(|| {
                let l = lang.get();
                view! {
                    <h3 id=goals_id.clone()>{t(l, "plan_doc.goals")}</h3>
                    <ul class="plan-goals">
                        {s.with_value(|s| s.goals.clone()).into_iter().map(|goal| {
                            let key = format!("plan_doc.goal.{}", goal.term);
                            let term = if crate::i18n::has(&key) { t(l, &key).to_string() } else { goal.term.clone() };
                            view! { <li><strong>{term}": "</strong>{goal.text}</li> }
                        }).collect_view()}
                    </ul>
                }
            })}
            {move || {
                let version = get(|s| s.engine_version.clone());
                (!version.is_empty()).then(|| view! {
                    <p class="plan-engine">{tf(lang.get(), "plan_doc.engine", &[("version", &version)])}</p>
                })
            }}
        </div>
    }
}

/// What the verify screen is showing.
#[derive(Clone, Debug, PartialEq)]
enum VerifyState {
    /// Waiting for a file.
    Empty,
    /// Reading a file.
    Reading,
    /// The file could not be verified.
    Failed { name: String, problem: Problem },
    /// The file was verified.
    Done {
        name: String,
        verified: Box<Verified>,
    },
}

fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|files| files.get(0))
}

fn open_file(state: RwSignal<VerifyState>, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        state.set(VerifyState::Failed {
            name,
            problem: too_large(),
        });
        browser::focus_id_later("verify-result");
        return;
    }
    state.set(VerifyState::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        let next = match browser::read_file_text(&file).await {
            Ok(text) => match open_plan_text(&text) {
                Ok(verified) => VerifyState::Done {
                    name,
                    verified: Box::new(verified),
                },
                Err(problem) => VerifyState::Failed { name, problem },
            },
            Err(_) => VerifyState::Failed {
                name,
                problem: Problem::new("", "verify.error.read"),
            },
        };
        state.set(next);
        browser::focus_id_later("verify-result");
    });
}

/// The verify screen.
#[component]
pub fn VerifyScreen() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let state = RwSignal::new(VerifyState::Empty);
    let dragging = RwSignal::new(false);

    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = browser::take_chosen_file(&ev) {
            open_file(state, file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = js_sys::Reflect::get(ev.as_ref(), &"dataTransfer".into())
            .ok()
            .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()).ok())
            .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
        if let Some(file) = first_file(files) {
            open_file(state, file);
        }
    };
    let another = move |_| {
        state.set(VerifyState::Empty);
        browser::focus_id_later("plan-file");
    };

    let picker = move || {
        view! {
            <div class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <div class="form-group">
                    <label class="label" for="plan-file">{crate::ui::app::tr("verify.file.label")}</label>
                    <p class="hint" id="plan-file-hint">{crate::ui::app::tr("verify.file.hint")}</p>
                    <input type="file" id="plan-file" name="plan-file" class="file-input"
                        accept=".json,application/json"
                        aria-describedby="plan-file-hint"
                        on:change=on_change/>
                </div>
                <p class="drop-hint">{crate::ui::app::tr("verify.drop")}</p>
            </div>
        }
    };

    view! {
        <section aria-labelledby="verify-title" class="verify-screen">
            <h1 id="verify-title">{crate::ui::app::tr("verify.title")}</h1>
            <p class="lead">{crate::ui::app::tr("verify.lead")}</p>
            {move || match state.get() {
                VerifyState::Empty => picker().into_any(),
                VerifyState::Reading => view! {
                    <p role="status">{t(lang.get(), "verify.reading")}</p>
                }.into_any(),
                VerifyState::Failed { name, problem } => view! {
                    <div class="alert alert-error" role="alert" id="verify-result" tabindex="-1">
                        <h2>{t(lang.get(), "verify.error.title")}</h2>
                        <p>{tf(lang.get(), "verify.file_name", &[("name", &name)])}</p>
                        <p class="verify-error">{problem_text(lang.get(), &problem)}</p>
                    </div>
                    {picker()}
                }.into_any(),
                VerifyState::Done { name, verified } => view! {
                    <VerifyResult name=name verified=*verified/>
                    <div class="step-actions">
                        <button type="button" class="button button-primary" on:click=another>
                            {crate::ui::app::tr("verify.another")}
                        </button>
                    </div>
                }.into_any(),
            }}
            <div class="step-actions">
                <button type="button" class="button button-secondary"
                    on:click=move |_| app.navigate(Screen::Start)>
                    {crate::ui::app::tr("case.back_to_cases")}
                </button>
            </div>
        </section>
    }
}

#[component]
fn VerifyResult(name: String, verified: Verified) -> impl IntoView {
    let lang = use_app().lang;
    let proofs = StoredValue::new(verified.proofs);
    let recompute = StoredValue::new(verified.recompute);
    let count = proofs.with_value(Vec::len);
    let valid = proofs.with_value(|p| p.iter().filter(|p| p.status == ProofStatus::Valid).count());
    let all_valid = count > 0 && valid == count;
    view! {
        <div class="verify-result" id="verify-result" tabindex="-1" aria-labelledby="verify-file-name">
            <p class="verify-file" id="verify-file-name">{move || tf(lang.get(), "verify.file_name", &[("name", &name)])}</p>

            <h2>{crate::ui::app::tr("verify.signatures.title")}</h2>
            <p class="verify-verdict" class:verdict-ok=all_valid class:verdict-bad=!all_valid>
                <span class="status-icon" aria-hidden="true">{if all_valid { "✓" } else { "✗" }}</span>
                {move || if count == 0 {
                    t(lang.get(), "verify.signatures.none").to_string()
                } else if all_valid {
                    tf(lang.get(), "verify.summary.verified", &[("count", &count.to_string())])
                } else {
                    tf(lang.get(), "verify.summary.not_verified", &[("count", &count.to_string()), ("valid", &valid.to_string())])
                }}
            </p>
            <ol class="signature-list">
                {proofs.with_value(|p| p.clone()).into_iter().enumerate().map(|(i, proof)| view! {
                    <ProofItem index=i proof=proof/>
                }).collect_view()}
            </ol>

            <h2>{crate::ui::app::tr("verify.recompute.title")}</h2>
            {move || {
                let l = lang.get();
                match recompute.get_value() {
                    Recompute::Matches => view! {
                        <p class="status status-valid">
                            <span class="status-icon" aria-hidden="true">"✓"</span>
                            {t(l, "integrity.recompute.matches")}
                        </p>
                    }.into_any(),
                    Recompute::Differs { path, embedded, recomputed } => view! {
                        <p class="status status-invalid">
                            <span class="status-icon" aria-hidden="true">"✗"</span>
                            {crate::signing::difference_place(&path).map(|(key, params)| {
                                let params: Vec<(&str, String)> = params.into_iter()
                                    .map(|(k, v)| if k == "what" { (k, t(l, &v).to_string()) } else { (k, v) })
                                    .collect();
                                let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
                                format!("{} ", tf(l, key, &params))
                            })}
                            {tf(l, "integrity.recompute.differs", &[
                                ("path", &path), ("embedded", &embedded), ("recomputed", &recomputed),
                            ])}
                        </p>
                    }.into_any(),
                    Recompute::NotPossible(summary, problems) => view! {
                        <div class="status status-invalid">
                            <p><span class="status-icon" aria-hidden="true">"✗"</span>{problem_text(l, &summary)}</p>
                            {(!problems.is_empty()).then(|| view! {
                                <ul>
                                    {problems.iter().take(10).map(|p| view! {
                                        <li>{tf(l, "verify.recompute.problem_line", &[
                                            ("path", &p.path), ("message", &problem_text(l, p)),
                                        ])}</li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </div>
                    }.into_any(),
                }
            }}

            <h2>{crate::ui::app::tr("verify.plan.title")}</h2>
            <PlanView summary=verified.summary id_prefix="verify-plan"/>
        </div>
    }
}

#[component]
fn ProofItem(index: usize, proof: ProofLine) -> impl IntoView {
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
            <h3>{move || tf(lang.get(), "verify.signature.heading", &[("n", &(index + 1).to_string())])}</h3>
            <dl class="plan-facts">
                <div><dt>{crate::ui::app::tr("verify.signature.status")}</dt>
                    <dd class="status"><span class="status-icon" aria-hidden="true">{status_icon(status)}</span>
                        {move || t(lang.get(), status.key())}</dd></div>
                {move || proof.with_value(|p| p.reason.clone()).map(|reason| view! {
                    <div><dt>{t(lang.get(), "verify.signature.reason")}</dt>
                        <dd>{problem_text(lang.get(), &reason)}</dd></div>
                })}
                <div><dt>{crate::ui::app::tr("verify.signature.fingerprint")}</dt>
                    <dd class="fingerprint">{move || or_not_given(proof.with_value(|p| p.fingerprint.clone()))}</dd></div>
                <div><dt>{crate::ui::app::tr("verify.signature.purpose")}</dt>
                    <dd>{move || {
                        let purpose = proof.with_value(|p| p.purpose.clone());
                        match purpose {
                            Some(p) if crate::i18n::has(&format!("verify.purpose.{p}")) =>
                                t(lang.get(), &format!("verify.purpose.{p}")).to_string(),
                            other => or_not_given(other),
                        }
                    }}</dd></div>
                <div><dt>{crate::ui::app::tr("verify.signature.created")}</dt>
                    <dd>{move || match proof.with_value(|p| p.created.clone()) {
                        Some(created) => local_date_time(lang.get(), &created),
                        None => or_not_given(None),
                    }}</dd></div>
            </dl>
        </li>
    }
}
