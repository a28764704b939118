//! The review step (issue 15): once the plan is signed, the team records what was
//! reached — each team goal's attained GAS level with a note and the conclusion, the
//! parents' new COPM ratings, the units delivered per service (from the provision record
//! when the case has one), the parents' comments — sees the outcome the engine computes,
//! and the team and the parents sign the review; the signed review downloads as
//! `<pseudonym>-review.json`. The logic is in [`crate::review_edit`] and the engine's
//! `review` module; the outcome view is [`crate::ui::review_outcome`].

use crate::draft::{field_id, text_of, value_from_text, FieldKind};
use crate::engine::integrity::KeyPair;
use crate::engine::plan::plan_with_reference;
use crate::engine::problem::Problem;
use crate::engine::review::{Conclusion, ReviewDocument};
use crate::i18n::Lang;
use crate::review_edit::{
    field_of, next_case, plan_facts, provision_delivery, read_review_signatures, review_document,
    review_file_name, start_review, started, started_for, write_review_signatures, PlanFacts,
    ReviewProblems,
};
use crate::signing::{
    created_stamp, key_from_text, key_slot, key_to_text, participants, read_signatures, sign_plan,
    signature_views, signed_document, Participant, SignatureState, SignatureView,
};
use crate::storage;
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{error_summary_box, error_text, problem_text, StepActions};
use crate::ui::prelude::*;
use crate::ui::review_outcome::{outcome_view, service_name, t, tf, tr};
use crate::ui::verify::role_name;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use serde_json::Value;

/// The plan of the case when it is signed (at least one valid signature of the plan as
/// it is now): the review is of a signed plan only.
fn signed_plan(case: &Value) -> Option<Value> {
    let reference = reference().ok()?;
    let plan = plan_with_reference(case, reference).ok()?;
    let signed = signature_views(&plan, &read_signatures(case))
        .iter()
        .any(|v| v.state == SignatureState::Valid);
    signed.then_some(plan)
}

/// The review step's screen.
#[component]
pub fn ReviewStep() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let plan = Memo::new(move |_| ctx.case.with(signed_plan));
    view! {
        <section aria-labelledby="step-title" class="review-screen">
            <h1 id="step-title">{tr("step.review")}</h1>
            {move || {
                if plan.with(Option::is_some) {
                    return review_panel(plan);
                }
                let l = lang.get();
                let sign = move || Screen::Case {
                    id: ctx.id.get_value(),
                    step: Step::Sign,
                };
                view! {
                    <div class="alert alert-warning" id="review-blocked">
                        <h2>{t(l, "review.blocked.title")}</h2>
                        <p>{t(l, "review.blocked.body")}</p>
                        <p>
                            <a
                                href=sign().hash()
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    app.navigate(sign());
                                }
                            >
                                {t(l, "review.blocked.link")}
                            </a>
                        </p>
                    </div>
                }
                .into_any()
            }}
            <StepActions step=Step::Review />
        </section>
    }
}

/// The review of the signed plan: its start, its form, the outcome and the signatures.
fn review_panel(plan: Memo<Option<Value>>) -> AnyView {
    untrack(move || {
        let ctx = use_case();
        let is_started = Memo::new(move |_| ctx.case.with(started));
        let outdated = Memo::new(move |_| {
            let current =
                plan.with(|p| p.as_ref().and_then(crate::engine::review::document_digest));
            ctx.case.with(started_for) != current
        });
        let start = move |_| {
            let Some(plan) = plan.get_untracked() else {
                return;
            };
            let delivered = ctx.case.with_untracked(|c| provision_delivery(&plan, c));
            ctx.update(|case| start_review(case, &plan, delivered.as_deref()));
            browser::focus_id_later("review-form-title");
        };
        view! {
            <p class="lead">{tr("review.lead")}</p>
            {move || {
                if !is_started.get() {
                    return view! {
                        <p>{tr("review.start.body")}</p>
                        <div class="step-actions">
                            <button
                                type="button"
                                class="button button-primary"
                                id="start-review"
                                on:click=start
                            >
                                {tr("review.start")}
                            </button>
                        </div>
                    }
                    .into_any();
                }
                let notice = move || {
                    outdated
                        .get()
                        .then(|| {
                            view! {
                                <div class="alert alert-warning" id="review-plan-changed">
                                    <p>{tr("review.plan_changed")}</p>
                                    <button
                                        type="button"
                                        class="button button-secondary"
                                        on:click=start
                                    >
                                        {tr("review.plan_changed.update")}
                                    </button>
                                </div>
                            }
                        })
                };
                view! {
                    {notice}
                    {review_form(plan)}
                }
                .into_any()
            }}
        }
        .into_any()
    })
}

/// The review's problems with pointers into the case, once the user asked for the
/// outcome.
type Errors = Memo<Vec<Problem>>;

fn review_form(plan: Memo<Option<Value>>) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let facts =
            Memo::new(move |_| plan.with(|p| p.as_ref().map(plan_facts).unwrap_or_default()));
        let document = Memo::new(move |_| {
            plan.with(|p| p.as_ref().map(|p| ctx.case.with(|c| review_document(p, c))))
        });
        let attempted = RwSignal::new(false);
        let errors: Errors = Memo::new(move |_| {
            if !attempted.get() {
                return Vec::new();
            }
            match document.get() {
                Some(Err(ReviewProblems::Input(p) | ReviewProblems::Plan(p))) => p,
                _ => Vec::new(),
            }
        });
        let show = move |_| {
            attempted.set(true);
            let ok = document.with_untracked(|d| matches!(d, Some(Ok(_))));
            browser::focus_id_later(if ok {
                "review-outcome-title"
            } else {
                "error-summary"
            });
        };
        let goals = facts.with_untracked(|f| f.goals.len());
        let parents = facts.with_untracked(|f| f.parent_goals.len());
        let services = facts.with_untracked(|f| f.services.len());
        let from_record = Memo::new(move |_| {
            plan.with(|p| {
                p.as_ref()
                    .is_some_and(|p| ctx.case.with(|c| provision_delivery(p, c).is_some()))
            })
        });
        view! {
            <h2 id="review-form-title" tabindex="-1">{tr("review.form.title")}</h2>
            {move || {
                let list = errors.get();
                (!list.is_empty())
                    .then(|| {
                        let l = lang.get();
                        let items = facts
                            .with(|f| {
                                list.iter()
                                    .map(|p| {
                                        let href = format!("#{}", field_id(&p.path));
                                        let text = summary_line(l, f, p);
                                        view! {
                                            <li>
                                                <a href=href>{text}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            });
                        error_summary_box(
                            l,
                            view! { <ul class="error-summary-list">{items}</ul> }.into_any(),
                        )
                    })
            }}
            <h3>{tr("review.goals.title")}</h3>
            <p class="hint">{tr("review.goals.hint")}</p>
            {(0..goals).map(|i| goal_fields(i, facts, errors)).collect_view()}
            <h3>{tr("review.parents.title")}</h3>
            <p class="hint">{tr("review.parents.hint")}</p>
            {(0..parents).map(|i| parent_fields(i, facts, errors)).collect_view()}
            <h3>{tr("review.delivery.title")}</h3>
            <p class="hint">
                {move || {
                    t(
                        lang.get(),
                        if from_record.get() {
                            "review.delivery.from_record"
                        } else {
                            "review.delivery.typed"
                        },
                    )
                }}
            </p>
            {(0..services).map(|i| delivery_field(i, facts, errors)).collect_view()}
            {text_field(
                "/review/input/comments".to_string(),
                Signal::derive(move || t(lang.get(), "review.comments").to_string()),
                Some("review.comments.hint"),
                true,
                errors,
            )}
            <div class="step-actions">
                <button
                    type="button"
                    class="button button-primary"
                    id="show-outcome"
                    on:click=show
                >
                    {tr("review.show_outcome")}
                </button>
            </div>
            {move || {
                let l = lang.get();
                match document.get() {
                    Some(Ok((doc, value))) => {
                        let value = StoredValue::new(value);
                        let facts = facts.get();
                        view! {
                            {outcome_view(l, &doc, Some(&facts), "review")}
                            {signing_panel(value, doc.clone())}
                            {next_plan_panel(plan, value, doc)}
                        }
                        .into_any()
                    }
                    _ => {
                        view! {
                            <p class="notice" id="review-outcome-pending">
                                {t(l, "review.outcome.pending")}
                            </p>
                        }
                        .into_any()
                    }
                }
            }}
        }
        .into_any()
    })
}

/// "Goal 1, attained level — The field is empty." for the error summary.
fn summary_line(l: Lang, facts: &PlanFacts, problem: &Problem) -> String {
    let message = problem_text(l, problem);
    let Some((part, index, member)) = field_of(&problem.path) else {
        return message;
    };
    let n = (index + 1).to_string();
    let field = match (part, member.as_str()) {
        ("goal", "attained") => tf(l, "review.summary.goal_attained", &[("n", &n)]),
        ("goal", "conclusion") => tf(l, "review.summary.goal_conclusion", &[("n", &n)]),
        ("goal", _) => tf(l, "review.summary.goal_note", &[("n", &n)]),
        ("parentGoal", "satisfaction") => tf(l, "review.summary.parent_satisfaction", &[("n", &n)]),
        ("parentGoal", _) => tf(l, "review.summary.parent_performance", &[("n", &n)]),
        ("delivery", _) => {
            let name = facts
                .services
                .get(index)
                .map(|s| service_name(l, s))
                .unwrap_or(n);
            tf(l, "review.summary.delivered", &[("service", &name)])
        }
        _ => t(l, "review.comments").to_string(),
    };
    format!("{field} — {message}")
}

/// The first problem at `path` among `errors`.
fn error_at(errors: Errors, path: &str) -> Memo<Option<Problem>> {
    let path = path.to_string();
    Memo::new(move |_| errors.with(|e| e.iter().find(|p| p.path == path).cloned()))
}

/// A form group bound to the case at `path`: label, hint, inline error, then `control`
/// (built with the field's id, its `aria-describedby` and `aria-invalid`).
fn group(
    path: &str,
    label: Signal<String>,
    hint: Option<&'static str>,
    errors: Errors,
    control: impl FnOnce(String, Signal<Option<String>>, Signal<Option<&'static str>>) -> AnyView,
) -> AnyView {
    let lang = use_app().lang;
    let id = field_id(path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = error_at(errors, path);
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        Signal::derive(move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if problem.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let invalid = Signal::derive(move || problem.with(Option::is_some).then_some("true"));
    let control = control(id.clone(), described, invalid);
    view! {
        <div class="form-group" class:form-group-error=move || problem.with(Option::is_some)>
            <label class="label" for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{tr(h)}</p> })}
            {move || {
                problem
                    .get()
                    .map(|p| {
                        let l = lang.get();
                        let text = format!("{} — {}", label.get(), problem_text(l, &p));
                        view! {
                            <p class="error-message" id=error_id.clone()>
                                {error_text(l, &text)}
                            </p>
                        }
                    })
            }}
            {control}
        </div>
    }
    .into_any()
}

fn write(ctx: CaseCtx, path: &str, kind: FieldKind, text: &str) {
    ctx.set_at(path, value_from_text(kind, text));
}

/// A text or number input (or a text area) at `path`.
fn text_field(
    path: String,
    label: Signal<String>,
    hint: Option<&'static str>,
    multiline: bool,
    errors: Errors,
) -> AnyView {
    let ctx = use_case();
    let kind = if multiline {
        FieldKind::Text
    } else {
        FieldKind::Integer
    };
    let at = path.clone();
    let value = move || ctx.case.with(|c| text_of(c.pointer(&at)));
    group(
        &path.clone(),
        label,
        hint,
        errors,
        move |id, described, invalid| {
            let on_input = move |ev: leptos::ev::Event| {
                write(ctx, &path, kind, &event_target_value(&ev));
            };
            if multiline {
                view! {
                    <textarea
                        rows="2"
                        class="input"
                        id=id.clone()
                        name=id
                        aria-describedby=described
                        aria-invalid=invalid
                        prop:value=value
                        on:input=on_input
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        class="input input-narrow"
                        id=id.clone()
                        name=id
                        aria-describedby=described
                        aria-invalid=invalid
                        prop:value=value
                        on:input=on_input
                    />
                }
                .into_any()
            }
        },
    )
}

/// A select at `path` of `(stored value, words)` options; `numeric` stores a number.
fn select_field(
    path: String,
    label: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    numeric: bool,
    errors: Errors,
) -> AnyView {
    let ctx = use_case();
    let lang = use_app().lang;
    let kind = if numeric {
        FieldKind::Integer
    } else {
        FieldKind::Text
    };
    let at = path.clone();
    group(
        &path.clone(),
        label,
        None,
        errors,
        move |id, described, invalid| {
            view! {
                <select
                    class="select"
                    id=id.clone()
                    name=id
                    aria-describedby=described
                    aria-invalid=invalid
                    on:change=move |ev| write(ctx, &path, kind, &event_target_value(&ev))
                >
                    {move || {
                        let selected = ctx.case.with(|c| text_of(c.pointer(&at)));
                        let choices = options
                            .get()
                            .into_iter()
                            .map(|(value, text)| {
                                let is_selected = value == selected;
                                view! {
                                    <option value=value prop:selected=is_selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view();
                        view! {
                            <option value="" prop:selected=selected.is_empty()>
                                {t(lang.get(), "form.choose")}
                            </option>
                            {choices}
                        }
                    }}
                </select>
            }
            .into_any()
        },
    )
}

fn level_text(level: i64) -> String {
    if level > 0 {
        format!("+{level}")
    } else if level < 0 {
        format!("−{}", -level)
    } else {
        "0".to_string()
    }
}

/// One team goal: its text and baseline, the attained level, the note, the conclusion.
fn goal_fields(index: usize, facts: Memo<PlanFacts>, errors: Errors) -> AnyView {
    let lang = use_app().lang;
    let goal = facts.with_untracked(|f| f.goals.get(index).cloned());
    let Some(goal) = goal else {
        return ().into_any();
    };
    let base = format!("/review/input/goals/{index}");
    let n = (index + 1).to_string();
    let term_key = if goal.term == "short" {
        "review.term.short"
    } else {
        "review.term.long"
    };
    let legend = {
        let n = n.clone();
        let text = goal.text.clone();
        move || {
            tf(
                lang.get(),
                "review.goal.legend",
                &[
                    ("n", &n),
                    ("term", t(lang.get(), term_key)),
                    ("text", &text),
                ],
            )
        }
    };
    let baseline = goal.baseline;
    let weight = goal.weight;
    let levels = goal.levels.clone();
    let options = Signal::derive(move || {
        (-2..=2i64)
            .rev()
            .map(|level| {
                let words = &levels[usize::try_from(level + 2).unwrap_or(0)];
                let shown = if words.is_empty() {
                    level_text(level)
                } else {
                    format!("{}: {words}", level_text(level))
                };
                (level.to_string(), shown)
            })
            .collect()
    });
    let conclusions = Signal::derive(move || {
        let l = lang.get();
        Conclusion::ALL
            .iter()
            .map(|c| (c.code().to_string(), t(l, c.key()).to_string()))
            .collect()
    });
    let label =
        |key: &'static str, n: String| Signal::derive(move || tf(lang.get(), key, &[("n", &n)]));
    view! {
        <fieldset class="review-item">
            <legend>{legend}</legend>
            <p class="review-baseline">
                {move || {
                    tf(
                        lang.get(),
                        "review.goal.baseline",
                        &[("level", &level_text(baseline)), ("weight", &weight.to_string())],
                    )
                }}
            </p>
            {select_field(
                format!("{base}/attained"),
                label("review.summary.goal_attained", n.clone()),
                options,
                true,
                errors,
            )}
            {text_field(
                format!("{base}/note"),
                label("review.summary.goal_note", n.clone()),
                None,
                true,
                errors,
            )}
            {select_field(
                format!("{base}/conclusion"),
                label("review.summary.goal_conclusion", n),
                conclusions,
                false,
                errors,
            )}
        </fieldset>
    }
    .into_any()
}

/// One parents' goal: its words and ratings at the assessment, the new ratings.
fn parent_fields(index: usize, facts: Memo<PlanFacts>, errors: Errors) -> AnyView {
    let lang = use_app().lang;
    let goal = facts.with_untracked(|f| f.parent_goals.get(index).cloned());
    let Some(goal) = goal else {
        return ().into_any();
    };
    let base = format!("/review/input/parentGoals/{index}");
    let n = (index + 1).to_string();
    let legend = {
        let n = n.clone();
        let text = goal.text.clone();
        move || {
            tf(
                lang.get(),
                "review.parent.legend",
                &[("n", &n), ("text", &text)],
            )
        }
    };
    let (p, s) = (goal.performance.to_string(), goal.satisfaction.to_string());
    let label =
        |key: &'static str, n: String| Signal::derive(move || tf(lang.get(), key, &[("n", &n)]));
    view! {
        <fieldset class="review-item">
            <legend>{legend}</legend>
            <p class="review-baseline">
                {move || {
                    tf(
                        lang.get(),
                        "review.parent.baseline",
                        &[("performance", &p), ("satisfaction", &s)],
                    )
                }}
            </p>
            <div class="review-pair">
                {text_field(
                    format!("{base}/performance"),
                    label("review.summary.parent_performance", n.clone()),
                    Some("review.rating.hint"),
                    false,
                    errors,
                )}
                {text_field(
                    format!("{base}/satisfaction"),
                    label("review.summary.parent_satisfaction", n),
                    Some("review.rating.hint"),
                    false,
                    errors,
                )}
            </div>
        </fieldset>
    }
    .into_any()
}

/// One funded service: the units delivered of the units funded.
fn delivery_field(index: usize, facts: Memo<PlanFacts>, errors: Errors) -> AnyView {
    let lang = use_app().lang;
    let service = facts.with_untracked(|f| f.services.get(index).cloned());
    let Some(service) = service else {
        return ().into_any();
    };
    let label = Signal::derive(move || {
        let l = lang.get();
        tf(
            l,
            "review.delivery.label",
            &[
                ("service", &service_name(l, &service)),
                ("funded", &service.funded.to_string()),
            ],
        )
    });
    text_field(
        format!("/review/input/delivery/{index}/delivered"),
        label,
        None,
        false,
        errors,
    )
}

/// "Social worker (I. Kalniņa)", "Parent (legal representative)".
fn who(lang: Lang, participant: &Participant) -> String {
    let role = role_name(lang, &participant.role);
    match &participant.name {
        Some(name) => format!("{role} ({name})"),
        None => role,
    }
}

/// The key stored on this device for a participant of the case, made and stored when
/// there is none yet (the sign step does the same: one key per person on this device).
fn key_for(case_id: &str, participant: &Participant) -> Result<KeyPair, Problem> {
    let slot = key_slot(case_id, participant);
    if let Ok(Some(text)) = storage::load_signing_key(&slot) {
        if let Ok(key) = key_from_text(&text) {
            return Ok(key);
        }
    }
    let mut seed = [0u8; 32];
    if browser::random_bytes(&mut seed).is_err() {
        return Err(Problem::new("", "sign.error.random"));
    }
    let key = KeyPair::from_seed(&seed);
    storage::save_signing_key(&slot, &key_to_text(&key)).map_err(|e| Problem::new("", e.key()))?;
    Ok(key)
}

/// The review's signatures (team members and the parents) and its download.
fn signing_panel(document: StoredValue<Value>, _doc: ReviewDocument) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let people = ctx.case.with_untracked(participants);
        let signatures = Memo::new(move |_| ctx.case.with(read_review_signatures));
        let views =
            Memo::new(move |_| document.with_value(|d| signatures.with(|s| signature_views(d, s))));
        let note = RwSignal::new(None::<(String, bool, String)>);
        let sign_as = move |participant: Participant| {
            let l = lang.get_untracked();
            let outcome = key_for(&ctx.id.get_value(), &participant).and_then(|key| {
                let created = created_stamp(&browser::now_iso())
                    .ok_or_else(|| Problem::new("", "sign.error.clock"))?;
                let current = signatures.get_untracked();
                document
                    .with_value(|d| sign_plan(&current, d, &participant.id, &key, &created))
                    .map_err(crate::signing::integrity_problem)
            });
            match outcome {
                Ok(list) => {
                    ctx.update(|case| write_review_signatures(case, &list));
                    let text = tf(l, "sign.signed_now", &[("who", &who(l, &participant))]);
                    note.set(Some((participant.id.clone(), false, text)));
                }
                Err(problem) => {
                    note.set(Some((
                        participant.id.clone(),
                        true,
                        problem_text(l, &problem),
                    )));
                }
            }
        };
        let sign_as = Callback::new(sign_as);
        let download_failed = RwSignal::new(false);
        let download = move |_| {
            let signed =
                document.with_value(|d| signatures.with_untracked(|s| signed_document(d, s)));
            let text = serde_json::to_string_pretty(&signed).unwrap_or_default();
            let ok = browser::download_text(&review_file_name(&signed), "application/json", &text)
                .is_ok();
            download_failed.set(!ok);
        };
        let file_name = document.with_value(review_file_name);
        let valid = Memo::new(move |_| {
            views.with(|v| {
                v.iter()
                    .filter(|v| v.state == SignatureState::Valid)
                    .count()
            })
        });
        let total = people.len();
        let items = people
            .into_iter()
            .map(|p| participant_item(p, views, note, sign_as))
            .collect_view();
        view! {
            <h2 id="review-signatures-title">{tr("review.sign.title")}</h2>
            <p class="hint">{tr("review.sign.hint")}</p>
            <p class="sign-progress" role="status">
                {move || {
                    tf(
                        lang.get(),
                        "sign.progress",
                        &[("signed", &valid.get().to_string()), ("total", &total.to_string())],
                    )
                }}
            </p>
            <ul class="participant-list" aria-labelledby="review-signatures-title">
                {items}
            </ul>
            <p class="hint" id="download-review-hint">
                {move || tf(lang.get(), "review.download.hint", &[("file", &file_name)])}
            </p>
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
                    id="download-review"
                    aria-describedby="download-review-hint"
                    on:click=download
                >
                    {tr("review.download")}
                </button>
            </div>
        }
        .into_any()
    })
}

fn participant_item(
    participant: Participant,
    views: Memo<Vec<SignatureView>>,
    note: RwSignal<Option<(String, bool, String)>>,
    sign_as: Callback<Participant>,
) -> AnyView {
    let lang = use_app().lang;
    let p = StoredValue::new(participant);
    let state = Memo::new(move |_| {
        p.with_value(|p| {
            views.with(|v| {
                v.iter()
                    .find(|v| v.participant == p.id)
                    .map(|v| v.state.clone())
            })
        })
    });
    let label = move || p.with_value(|p| who(lang.get(), p));
    view! {
        <li class="participant">
            <h3>{label}</h3>
            {move || {
                let l = lang.get();
                let (icon, class, key) = match state.get() {
                    None => ("○", "status-none", "sign.status.none"),
                    Some(SignatureState::Valid) => ("✓", "status-valid", "sign.status.valid"),
                    Some(SignatureState::Outdated) => {
                        ("⚠", "status-outdated", "review.sign.outdated")
                    }
                    Some(SignatureState::Invalid(_)) => ("✗", "status-invalid", "sign.status.invalid"),
                };
                view! {
                    <p class=format!("status {class}")>
                        <span class="status-icon" aria-hidden="true">{icon}</span>
                        {t(l, key)}
                    </p>
                }
            }}
            {move || {
                note.get()
                    .filter(|(id, _, _)| p.with_value(|p| *id == p.id))
                    .map(|(_, error, text)| {
                        let (class, role) = if error {
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
                {move || tf(lang.get(), "review.sign_as", &[("who", &label())])}
            </button>
        </li>
    }
    .into_any()
}

/// "Start the next plan from this review": a new case on this device, prefilled from this
/// one and linked to the plan and the review by their digests
/// ([`crate::review_edit::next_case`]), opened at its goals.
fn next_plan_panel(
    plan: Memo<Option<Value>>,
    document: StoredValue<Value>,
    doc: ReviewDocument,
) -> AnyView {
    untrack(move || {
        let app = use_app();
        let lang = app.lang;
        let ctx = use_case();
        let doc = StoredValue::new(doc);
        let failed = RwSignal::new(None::<&'static str>);
        let start = move |_| {
            let Some(plan) = plan.get_untracked() else {
                return;
            };
            let next = ctx.case.with_untracked(|case| {
                let signed_plan = signed_document(&plan, &read_signatures(case));
                let signed_review =
                    document.with_value(|d| signed_document(d, &read_review_signatures(case)));
                doc.with_value(|doc| next_case(case, &plan, doc, &signed_plan, &signed_review))
            });
            let record = crate::draft::StoredCase {
                id: browser::new_id(),
                updated: browser::now_iso(),
                case: next,
                rev: 0,
            };
            match storage::save_case(&record) {
                Ok(()) => app.navigate(Screen::Case {
                    id: record.id,
                    step: Step::Goals,
                }),
                Err(error) => failed.set(Some(error.key())),
            }
        };
        view! {
            <h2>{tr("review.next.title")}</h2>
            <p class="hint" id="next-plan-hint">{tr("review.next.hint")}</p>
            {move || {
                failed
                    .get()
                    .map(|key| {
                        view! {
                            <p class="alert alert-error" role="alert">{t(lang.get(), key)}</p>
                        }
                    })
            }}
            <div class="sign-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    id="start-next-plan"
                    aria-describedby="next-plan-hint"
                    on:click=start
                >
                    {tr("review.next.start")}
                </button>
            </div>
        }
        .into_any()
    })
}
