//! The verify screen's side for a review document (`ib-review/…`, issue 15): its
//! signatures, the recomputation of its outcome, the outcome itself, and whether the plan
//! it names is the plan file given beside it — or that no plan was given
//! ([`crate::engine::review::plan_link`]). `super::verify` hands a file here when its text
//! is a review ([`open_review_text`]); everything else about plans stays there.

use serde_json::Value;

use crate::engine::integrity::{self, ProofStatus};
use crate::engine::json::parse_strict;
use crate::engine::plan::RecomputeOutcome;
use crate::engine::problem::Problem;
use crate::engine::review::{
    compute_review, is_review, plan_link, read_review_record, review_recompute_check, PlanLink,
};
use crate::files::FileKind;
use crate::i18n::Lang;
use crate::review_edit::plan_facts;
use crate::signing::{integrity_problem, proof_lines, read_plan_document, ProofLine};
use crate::ui::app::use_app;
use crate::ui::browser;
use crate::ui::form::problem_text;
use crate::ui::prelude::*;
use crate::ui::review_outcome::{outcome_view, t, tf, tr};
use crate::ui::verify::{local_date_time, status_icon};

/// What was found in a review file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ReviewVerified {
    /// The review document.
    pub document: Value,
    /// One line per proof.
    pub proofs: Vec<ProofLine>,
    /// What recomputing the outcome found.
    pub recompute: RecomputeOutcome,
}

/// The review in a file's text, verified; `None` when the text is not a review document
/// (then the plan verification reads it and says what it is).
pub(crate) fn open_review_text(text: &str) -> Option<Result<ReviewVerified, Problem>> {
    // A cheap look first: a plan of megabytes is not parsed twice.
    if !text.contains("ib-review/") {
        return None;
    }
    let document = parse_strict(text.trim_start_matches('\u{feff}')).ok()?;
    if !is_review(&document) {
        return None;
    }
    let report = match integrity::verify_document(&document) {
        Ok(report) => report,
        Err(error) => return Some(Err(integrity_problem(error))),
    };
    Some(Ok(ReviewVerified {
        proofs: proof_lines(report),
        recompute: review_recompute_check(&document),
        document,
    }))
}

fn icon(icon: &'static str) -> AnyView {
    view! { <span class="status-icon" aria-hidden="true">{icon}</span> }.into_any()
}

fn recompute_text(l: Lang, recompute: &RecomputeOutcome) -> (bool, String) {
    match recompute {
        RecomputeOutcome::Matches => (true, t(l, "review.recompute.matches").to_string()),
        RecomputeOutcome::Differs {
            path,
            embedded,
            recomputed,
        } => (
            false,
            tf(
                l,
                "review.recompute.differs",
                &[
                    ("path", path),
                    ("embedded", embedded),
                    ("recomputed", recomputed),
                ],
            ),
        ),
        RecomputeOutcome::UnsupportedSchema(schema) => (
            false,
            tf(
                l,
                "review.recompute.unsupported_schema",
                &[("schema", schema)],
            ),
        ),
        RecomputeOutcome::Invalid(problems) => {
            let mut text = t(l, "review.recompute.invalid").to_string();
            for p in problems.iter().take(5) {
                text.push_str(&format!(" {}: {}", p.path, problem_text(l, p)));
            }
            (false, text)
        }
        RecomputeOutcome::NotAPlan => (false, t(l, "problem.schema.not_a_review").to_string()),
    }
}

fn link_text(l: Lang, link: &PlanLink) -> String {
    let params = link.params();
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(l, link.key(), &params)
}

/// The plan file given beside the review: none yet, a plan, or why the file is not one.
#[derive(Clone, Debug, PartialEq)]
enum GivenPlan {
    None,
    Plan { name: String, plan: Value },
    Failed { name: String, problem: Problem },
}

/// What the verify screen shows of a review file.
pub(crate) fn review_result(name: String, verified: ReviewVerified) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ReviewVerified {
            document,
            proofs,
            recompute,
        } = verified;
        let document = StoredValue::new(document);
        let given = RwSignal::new(GivenPlan::None);
        let count = proofs.len();
        let valid = proofs
            .iter()
            .filter(|p| p.status == ProofStatus::Valid)
            .count();
        let signatures_ok = count > 0 && valid == count;
        let recompute_ok = recompute == RecomputeOutcome::Matches;
        let recompute = StoredValue::new(recompute);
        let link = Memo::new(move |_| {
            let plan = given.with(|g| match g {
                GivenPlan::Plan { plan, .. } => Some(plan.clone()),
                _ => None,
            });
            document.with_value(|d| plan_link(d, plan.as_ref()))
        });
        let proofs = StoredValue::new(proofs);
        let on_plan = move |ev: leptos::ev::Event| {
            let Some(file) = browser::take_chosen_file(&ev) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let next = match browser::read_file_text(&file, FileKind::Plan).await {
                    Err(error) => GivenPlan::Failed {
                        name,
                        problem: error.problem("verify.error.read"),
                    },
                    Ok(text) => match read_plan_document(&text) {
                        Ok(plan) => GivenPlan::Plan { name, plan },
                        Err(problem) => GivenPlan::Failed { name, problem },
                    },
                };
                if given.try_set(next).is_none() {
                    browser::focus_id_later("review-plan-link");
                }
            });
        };
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
                <p class="verify-kind">{tr("verify_review.kind")}</p>
                {move || {
                    let l = lang.get();
                    let passes = link.with(PlanLink::passes);
                    let ok = signatures_ok && recompute_ok && passes;
                    let (class, mark, key) = if ok {
                        ("verify-verdict verdict-ok", "✓", "verify_review.verdict.ok")
                    } else {
                        ("verify-verdict verdict-bad", "✗", "verify_review.verdict.bad")
                    };
                    view! {
                        <p class=class id="review-verdict">
                            {icon(mark)}
                            {t(l, key)}
                        </p>
                    }
                }}
                <h2>{tr("verify.signatures.title")}</h2>
                <p class=if signatures_ok {
                    "verify-verdict verdict-ok"
                } else {
                    "verify-verdict verdict-bad"
                }>
                    {icon(if signatures_ok { "✓" } else { "✗" })}
                    {move || {
                        let l = lang.get();
                        if count == 0 {
                            t(l, "verify.signatures.none").to_string()
                        } else if signatures_ok {
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
                <ol class="signature-list">
                    {move || {
                        let l = lang.get();
                        proofs.with_value(|list| {
                            list.iter().enumerate().map(|(i, p)| proof_line(l, i, p)).collect_view()
                        })
                    }}
                </ol>
                <h2>{tr("verify_review.recompute.title")}</h2>
                {move || {
                    let l = lang.get();
                    let (ok, text) = recompute.with_value(|r| recompute_text(l, r));
                    let class = if ok { "status status-valid" } else { "status status-invalid" };
                    view! {
                        <p class=class id="review-recompute">
                            {icon(if ok { "✓" } else { "✗" })}
                            {text}
                        </p>
                    }
                }}
                <h2>{tr("verify_review.plan.title")}</h2>
                <p
                    class=move || {
                        if link.with(PlanLink::passes) {
                            "status digest-text"
                        } else {
                            "status status-invalid digest-text"
                        }
                    }
                    id="review-plan-link"
                    tabindex="-1"
                >
                    {move || {
                        let l = lang.get();
                        let mut text = link.with(|k| link_text(l, k));
                        match given.get() {
                            GivenPlan::Plan { name, .. } => {
                                text = format!(
                                    "{} {text}",
                                    tf(l, "verify.file_name", &[("name", &name)]),
                                );
                            }
                            GivenPlan::Failed { name, problem } => {
                                text = format!(
                                    "{} {} {text}",
                                    tf(l, "verify.file_name", &[("name", &name)]),
                                    problem_text(l, &problem),
                                );
                            }
                            GivenPlan::None => {}
                        }
                        text
                    }}
                </p>
                <div class="form-group">
                    <label class="label" for="review-plan-file">
                        {tr("verify_review.plan.label")}
                    </label>
                    <p class="hint" id="review-plan-file-hint">{tr("verify_review.plan.hint")}</p>
                    <input
                        type="file"
                        id="review-plan-file"
                        class="file-input"
                        accept=".json,application/json"
                        aria-describedby="review-plan-file-hint"
                        on:change=on_plan
                    />
                </div>
                {move || {
                    let l = lang.get();
                    let doc = document
                        .with_value(|d| read_review_record(d).ok())
                        .and_then(|record| compute_review(record).ok());
                    let facts = given.with(|g| match g {
                        GivenPlan::Plan { plan, .. } if link.with(|k| matches!(k, PlanLink::Matches { .. })) => {
                            Some(plan_facts(plan))
                        }
                        _ => None,
                    });
                    doc.map(|doc| outcome_view(l, &doc, facts.as_ref(), "review"))
                }}
            </div>
        }
        .into_any()
    })
}

fn proof_line(l: Lang, index: usize, proof: &ProofLine) -> AnyView {
    let class = match proof.status {
        ProofStatus::Valid => "signature status-valid",
        ProofStatus::Invalid => "signature status-invalid",
        ProofStatus::Unsupported => "signature status-unsupported",
    };
    let not_given = t(l, "verify.signature.not_given").to_string();
    let reason = proof.reason.as_ref().map(|r| {
        view! {
            <div>
                <dt>{t(l, "verify.signature.reason")}</dt>
                <dd>{problem_text(l, r)}</dd>
            </div>
        }
    });
    view! {
        <li class=class>
            <h3>{tf(l, "verify.signature.heading", &[("n", &(index + 1).to_string())])}</h3>
            <dl class="plan-facts">
                <div>
                    <dt>{t(l, "verify.signature.status")}</dt>
                    <dd class="status">{icon(status_icon(proof.status))}{t(l, proof.status.key())}</dd>
                </div>
                {reason}
                <div>
                    <dt>{t(l, "verify.signature.fingerprint")}</dt>
                    <dd class="fingerprint">{proof.fingerprint.clone().unwrap_or(not_given.clone())}</dd>
                </div>
                <div>
                    <dt>{t(l, "verify.signature.created")}</dt>
                    <dd>
                        {proof
                            .created
                            .as_ref()
                            .map(|c| local_date_time(l, c))
                            .unwrap_or(not_given)}
                    </dd>
                </div>
            </dl>
        </li>
    }
    .into_any()
}

/// "Follows plan … and review …" for a plan document whose case names the plan period
/// it continues (`/case/follows`, issue 15); nothing for a first plan.
pub(crate) fn follows_line(document: &Value) -> Option<AnyView> {
    let follows = document.pointer("/case/follows")?;
    let plan = follows.get("planDigest")?.as_str()?.to_string();
    let review = follows.get("reviewDigest")?.as_str()?.to_string();
    let lang = use_app().lang;
    Some(
        view! {
            <p class="verify-follows digest-text" id="verify-follows">
                {move || {
                    tf(lang.get(), "verify_review.follows", &[("plan", &plan), ("review", &review)])
                }}
            </p>
        }
        .into_any(),
    )
}
