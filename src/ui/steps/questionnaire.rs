//! The parents' questionnaire, one thing per page (GOV.UK pattern): an overview of the
//! goals, then for each goal five short pages (life domain, the goal in the parents'
//! words, importance, performance, satisfaction), then "Check your answers". Every answer
//! is saved as it is given, so a reload only returns to the overview. Parents who fill it
//! in on their own device exchange it as an `ib-planner-answers/1` file.

use crate::draft::{field_id, set_at, text_of, value_from_text, FieldKind};
use crate::engine::problem::Problem;
use crate::exchange::{self, ExchangeError};
use crate::i18n::{t, tf, Lang};
use crate::ui::app::use_app;
use crate::ui::browser;
use crate::ui::fields::{problem_text, StepActions};
use crate::ui::workspace::{file_stem, reference, use_case, CaseCtx, Step};
use leptos::prelude::*;
use serde_json::Value;

/// The questions asked for each goal, by the goal's key, in order.
const QUESTIONS: [&str; 5] = [
    "lifeDomain",
    "text",
    "importance",
    "performance",
    "satisfaction",
];

/// The page of the questionnaire on show (kept in memory; a reload shows the overview).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Overview,
    Question { goal: usize, q: usize },
    Check,
}

fn goal_ptr(goal: usize, key: &str) -> String {
    format!("/questionnaire/goals/{goal}/{key}")
}

/// The life domain's name in `lang`, or its code when unknown.
fn domain_name(lang: Lang, code: &str) -> String {
    reference()
        .ok()
        .and_then(|r| r.domains.domains.iter().find(|d| d.code == code))
        .map(|d| match lang {
            Lang::Lv => d.name.lv.clone(),
            Lang::En => d.name.en.clone(),
        })
        .unwrap_or_else(|| code.to_string())
}

/// The problem to show on a question's page, if any: the parents' own wording when the
/// answer is missing, else the engine's words.
fn question_problem(ctx: CaseCtx, lang: Lang, goal: usize, key: &str) -> Option<String> {
    let ptr = goal_ptr(goal, key);
    let problem = ctx
        .problems
        .with(|all| all.iter().find(|p| p.path == ptr).cloned())?;
    let empty = ctx
        .case
        .with(|c| text_of(c.pointer(&ptr)).trim().is_empty());
    Some(if empty {
        t(lang, &format!("questionnaire.error.{key}")).to_string()
    } else {
        problem_text(lang, &problem)
    })
}

/// Where a problem of the questionnaire leads: the goal and question it belongs to, and
/// the question's key when the problem is exactly on an answer.
fn problem_target(problem: &Problem) -> Option<(usize, usize, Option<&'static str>)> {
    let rest = problem.path.strip_prefix("/questionnaire/goals/")?;
    let mut parts = rest.split('/');
    let goal = parts.next()?.parse::<usize>().ok()?;
    let key = parts.next();
    let exact = parts.next().is_none();
    match key.and_then(|key| QUESTIONS.iter().position(|k| *k == key)) {
        Some(q) => Some((goal, q, QUESTIONS.get(q).copied().filter(|_| exact))),
        None => Some((goal, 0, None)),
    }
}

/// The questionnaire step's screen.
#[component]
pub fn QuestionnaireStep() -> impl IntoView {
    let ctx = use_case();
    let page = RwSignal::new(Page::Overview);
    let from_check = RwSignal::new(false);
    let goal_count = Memo::new(move |_| ctx.case.with(|c| exchange::goals(c).len()));
    let nav = Callback::new(move |(to, returning): (Page, bool)| {
        from_check.set(returning);
        page.set(to);
        browser::focus_id_later("step-title");
    });
    view! {
        {move || {
            let shown = match page.get() {
                Page::Question { goal, .. } if goal >= goal_count.get() => Page::Overview,
                Page::Check if goal_count.get() == 0 => Page::Overview,
                other => other,
            };
            match shown {
                Page::Overview => view! { <Overview nav=nav/> }.into_any(),
                Page::Question { goal, q } => view! {
                    <QuestionPage goal=goal q=q returning=from_check.get_untracked() nav=nav/>
                }.into_any(),
                Page::Check => view! { <CheckAnswers nav=nav/> }.into_any(),
            }
        }}
    }
}

/// The list of goals with add, change and remove, the file exchange, and the step actions.
#[component]
fn Overview(nav: Callback<(Page, bool)>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let confirm_remove = RwSignal::new(None::<usize>);
    let goal_list = Memo::new(move |_| ctx.case.with(|c| exchange::goals(c).to_vec()));
    let summary = Memo::new(move |_| {
        if ctx.show_errors.get() {
            ctx.problems_within(Step::Questionnaire.scope())
        } else {
            Vec::new()
        }
    });
    let add_goal = move |_| {
        let mut index = None;
        ctx.update(|c| index = exchange::add_goal(c));
        if let Some(goal) = index {
            nav.run((Page::Question { goal, q: 0 }, false));
        }
    };
    view! {
        <section aria-labelledby="step-title" class="parents-questionnaire">
            {move || {
                let list = summary.get();
                (!list.is_empty()).then(|| view! {
                    <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                        <h2 id="error-summary-title">{t(lang.get(), "form.error_summary_title")}</h2>
                        <ul>
                            {list.into_iter().map(|p| {
                                let target = problem_target(&p);
                                let text = match target {
                                    Some((goal, _, Some(key))) => question_problem(ctx, lang.get(), goal, key)
                                        .unwrap_or_else(|| problem_text(lang.get(), &p)),
                                    _ => problem_text(lang.get(), &p),
                                };
                                match target {
                                    Some((goal, q, _)) => view! {
                                        <li><a href="#step-title" on:click=move |ev| {
                                            ev.prevent_default();
                                            nav.run((Page::Question { goal, q }, false));
                                        }>{tf(lang.get(), "questionnaire.goal_problem", &[("n", &(goal + 1).to_string()), ("problem", &text)])}</a></li>
                                    }.into_any(),
                                    None => view! {
                                        <li><a href="#add-goal" on:click=move |ev| {
                                            ev.prevent_default();
                                            browser::focus_id("add-goal");
                                        }>{text}</a></li>
                                    }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <h1 id="step-title" tabindex="-1">{crate::ui::app::tr("step.questionnaire")}</h1>
            <p class="lead">{crate::ui::app::tr("questionnaire.lead")}</p>
            <h2>{crate::ui::app::tr("questionnaire.goals_title")}</h2>
            {move || {
                let list = goal_list.get();
                if list.is_empty() {
                    return view! { <p class="empty">{t(lang.get(), "questionnaire.no_goals")}</p> }.into_any();
                }
                view! {
                    <ol class="parents-goal-list">
                        {list.into_iter().enumerate().map(|(i, g)| {
                            let n = (i + 1).to_string();
                            let n2 = n.clone();
                            let n3 = n.clone();
                            let text = text_of(g.get("text"));
                            let domain = text_of(g.get("lifeDomain"));
                            let id = text_of(g.get("id"));
                            let scores = ["importance", "performance", "satisfaction"].map(|k| {
                                let v = text_of(g.get(k));
                                if v.is_empty() { "—".to_string() } else { v }
                            });
                            let scope = format!("/questionnaire/goals/{i}");
                            let incomplete = move || ctx.show_errors.get() && !ctx.problems_within(&[scope.as_str()]).is_empty();
                            view! {
                                <li class="parents-goal-card">
                                    <h3>{move || tf(lang.get(), "questionnaire.goal_n", &[("n", &n)])}</h3>
                                    <p class="parents-goal-text">{
                                        let text = text.clone();
                                        move || if text.trim().is_empty() { t(lang.get(), "questionnaire.no_text").to_string() } else { format!("“{text}”") }
                                    }</p>
                                    <p class="parents-goal-meta">{
                                        let domain = domain.clone();
                                        move || {
                                            let l = lang.get();
                                            let d = if domain.is_empty() { "—".to_string() } else { domain_name(l, &domain) };
                                            tf(l, "questionnaire.card_meta", &[
                                                ("domain", &d),
                                                ("importance", &scores[0]),
                                                ("performance", &scores[1]),
                                                ("satisfaction", &scores[2]),
                                            ])
                                        }
                                    }</p>
                                    {move || incomplete().then(|| view! {
                                        <p class="error-message">{t(lang.get(), "questionnaire.incomplete")}</p>
                                    })}
                                    {move || if confirm_remove.get() == Some(i) {
                                        let linked = ctx.case.with_untracked(|c| exchange::linked_team_goals(c, &id));
                                        let n = n2.clone();
                                        view! {
                                            <div class="confirm" role="group" aria-label=crate::ui::app::tr("questionnaire.remove.confirm_label")>
                                                <p>{move || tf(lang.get(), "questionnaire.remove.confirm", &[("n", &n)])}</p>
                                                {(linked > 0).then(|| view! {
                                                    <p class="parents-warning">{move || tf(lang.get(), "questionnaire.remove.linked", &[("count", &linked.to_string())])}</p>
                                                })}
                                                <button type="button" class="button button-warning" id=format!("remove-yes-{i}")
                                                    on:click=move |_| {
                                                        confirm_remove.set(None);
                                                        ctx.update(|c| { exchange::remove_goal(c, i); });
                                                        browser::focus_id_later("add-goal");
                                                    }>
                                                    {crate::ui::app::tr("questionnaire.remove.yes")}
                                                </button>
                                                <button type="button" class="button button-secondary"
                                                    on:click=move |_| {
                                                        confirm_remove.set(None);
                                                        browser::focus_id_later(&format!("remove-{i}"));
                                                    }>
                                                    {crate::ui::app::tr("questionnaire.remove.no")}
                                                </button>
                                            </div>
                                        }.into_any()
                                    } else {
                                        let n = n3.clone();
                                        let n_b = n3.clone();
                                        view! {
                                            <div class="parents-card-actions">
                                                <button type="button" class="button button-secondary button-small" id=format!("change-{i}")
                                                    on:click=move |_| nav.run((Page::Question { goal: i, q: 0 }, false))>
                                                    {crate::ui::app::tr("questionnaire.change_goal")}
                                                    <span class="visually-hidden">" "{move || tf(lang.get(), "questionnaire.goal_n", &[("n", &n)])}</span>
                                                </button>
                                                <button type="button" class="button button-secondary button-small" id=format!("remove-{i}")
                                                    on:click=move |_| {
                                                        confirm_remove.set(Some(i));
                                                        browser::focus_id_later(&format!("remove-yes-{i}"));
                                                    }>
                                                    {crate::ui::app::tr("questionnaire.remove")}
                                                    <span class="visually-hidden">" "{move || tf(lang.get(), "questionnaire.goal_n", &[("n", &n_b)])}</span>
                                                </button>
                                            </div>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <div class="parents-actions">
                <button type="button" class="button button-secondary" id="add-goal" on:click=add_goal>
                    {move || if goal_list.with(Vec::is_empty) { t(lang.get(), "questionnaire.add_goal") } else { t(lang.get(), "questionnaire.add_another") }}
                </button>
                {move || (!goal_list.with(Vec::is_empty)).then(|| view! {
                    <button type="button" class="button button-secondary" id="check-answers"
                        on:click=move |_| nav.run((Page::Check, false))>
                        {crate::ui::app::tr("questionnaire.check_answers")}
                    </button>
                })}
            </div>
            <AnswersExchange/>
            <StepActions step=Step::Questionnaire/>
        </section>
    }
}

/// Export and import of the answers file.
#[component]
fn AnswersExchange() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let pending = RwSignal::new(None::<Value>);
    let error = RwSignal::new(None::<ExchangeError>);
    let done = RwSignal::new(None::<usize>);
    let export = move |_| {
        let (text, stem) = ctx
            .case
            .with_untracked(|c| (exchange::answers_file(c), file_stem(c, &ctx.id.get_value())));
        let _ = browser::download_text(&format!("{stem}-answers.json"), "application/json", &text);
    };
    let on_text = Callback::new(move |result: Result<String, ExchangeError>| {
        done.set(None);
        match result.and_then(|text| exchange::read_answers(&text)) {
            Ok(q) => {
                error.set(None);
                pending.set(Some(q));
                browser::focus_id_later("answers-import-preview");
            }
            Err(e) => {
                pending.set(None);
                error.set(Some(e));
                browser::focus_id_later("answers-import-error");
            }
        }
    });
    let confirm = move |_| {
        if let Some(q) = pending.get_untracked() {
            let n = q.get("goals").and_then(Value::as_array).map_or(0, Vec::len);
            ctx.update(|c| {
                exchange::replace_questionnaire(c, q);
            });
            pending.set(None);
            done.set(Some(n));
            browser::focus_id_later("answers-import-done");
        }
    };
    view! {
        <section class="parents-exchange" aria-labelledby="answers-exchange-title">
            <h2 id="answers-exchange-title">{crate::ui::app::tr("questionnaire.exchange.title")}</h2>
            <p>{crate::ui::app::tr("questionnaire.exchange.lead")}</p>
            <button type="button" class="button button-secondary" id="export-answers" on:click=export>
                {crate::ui::app::tr("questionnaire.export")}
            </button>
            <FileImport id="import-answers" label="questionnaire.import" hint="questionnaire.import.hint" on_text=on_text/>
            {move || error.get().map(|e| view! {
                <div class="alert alert-error" id="answers-import-error" role="alert" tabindex="-1">
                    <p><strong>{t(lang.get(), "exchange.error.title")}</strong></p>
                    <p>{exchange_error_text(lang.get(), &e)}</p>
                </div>
            })}
            {move || done.get().map(|n| view! {
                <p class="alert alert-success" id="answers-import-done" role="status" tabindex="-1">
                    {tf(lang.get(), "questionnaire.import.done", &[("count", &n.to_string())])}
                </p>
            })}
            {move || pending.get().map(|q| {
                let incoming = q.get("goals").and_then(Value::as_array).cloned().unwrap_or_default();
                let current = ctx.case.with_untracked(|c| exchange::goals(c).len());
                view! {
                    <div class="alert alert-warning parents-preview" id="answers-import-preview" role="group" tabindex="-1"
                        aria-labelledby="answers-preview-title">
                        <h3 id="answers-preview-title">{t(lang.get(), "questionnaire.import.preview_title")}</h3>
                        <p>{tf(lang.get(), "questionnaire.import.preview", &[
                            ("incoming", &incoming.len().to_string()),
                            ("current", &current.to_string()),
                        ])}</p>
                        <ol>
                            {incoming.iter().map(|g| {
                                let text = text_of(g.get("text"));
                                let text = if text.trim().is_empty() { t(lang.get(), "questionnaire.no_text").to_string() } else { text };
                                view! { <li>{text}</li> }
                            }).collect_view()}
                        </ol>
                        <div class="confirm">
                            <button type="button" class="button button-warning" id="answers-import-confirm" on:click=confirm>
                                {t(lang.get(), "questionnaire.import.confirm")}
                            </button>
                            <button type="button" class="button button-secondary" on:click=move |_| {
                                pending.set(None);
                                browser::focus_id_later("import-answers");
                            }>
                                {t(lang.get(), "exchange.cancel")}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}

/// An import error in words.
pub(super) fn exchange_error_text(lang: Lang, error: &ExchangeError) -> String {
    let params = error.params();
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, error.key(), &params)
}

/// A labelled file picker for a JSON file; hands the file's text (or why it could not be
/// read) to `on_text`. The picker is cleared so the same file can be chosen again.
#[component]
pub(super) fn FileImport(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    on_text: Callback<Result<String, ExchangeError>>,
) -> impl IntoView {
    let lang = use_app().lang;
    let hint_id = format!("{id}-hint");
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        if file.size() > exchange::MAX_FILE_CHARS as f64 {
            on_text.run(Err(ExchangeError::TooLarge));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = browser::read_file_text(&file)
                .await
                .map_err(|_| ExchangeError::NotJson);
            on_text.run(text);
        });
    };
    view! {
        <div class="form-group parents-file">
            <label class="label" for=id>{move || t(lang.get(), label)}</label>
            <p class="hint" id=hint_id.clone()>{move || t(lang.get(), hint)}</p>
            <input type="file" id=id name=id class="parents-file-input" accept=".json,application/json"
                aria-describedby=hint_id on:change=on_change/>
        </div>
    }
}

/// One question about one goal.
#[component]
fn QuestionPage(
    goal: usize,
    q: usize,
    returning: bool,
    nav: Callback<(Page, bool)>,
) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let key = QUESTIONS.get(q).copied().unwrap_or("text");
    let ptr = goal_ptr(goal, key);
    let input_id = field_id(&ptr);
    let attempted = RwSignal::new(false);
    let problem = Memo::new(move |_| {
        if attempted.get() {
            question_problem(ctx, lang.get(), goal, key)
        } else {
            None
        }
    });
    let n = (goal + 1).to_string();
    let progress = {
        let n = n.clone();
        move || {
            tf(
                lang.get(),
                "questionnaire.progress",
                &[
                    ("q", &(q + 1).to_string()),
                    ("total", &QUESTIONS.len().to_string()),
                    ("n", &n),
                ],
            )
        }
    };
    let next = move |_| {
        if question_problem(ctx, lang.get_untracked(), goal, key).is_some() {
            attempted.set(true);
            browser::focus_id_later("error-summary");
            return;
        }
        if returning || q + 1 >= QUESTIONS.len() {
            nav.run((Page::Check, false));
        } else {
            nav.run((Page::Question { goal, q: q + 1 }, false));
        }
    };
    let back = move |_| {
        if returning {
            nav.run((Page::Check, false));
        } else if q == 0 {
            nav.run((Page::Overview, false));
        } else {
            nav.run((Page::Question { goal, q: q - 1 }, false));
        }
    };
    let goal_text = ctx
        .case
        .with_untracked(|c| text_of(c.pointer(&goal_ptr(goal, "text"))));
    let summary_target = format!("#{input_id}");
    let summary_id = input_id.clone();
    let body = match key {
        "lifeDomain" => view! { <DomainQuestion goal=goal problem=problem/> }.into_any(),
        "text" => view! { <TextQuestion goal=goal problem=problem/> }.into_any(),
        _ => view! { <ScaleQuestion goal=goal key=key problem=problem/> }.into_any(),
    };
    view! {
        <section class="parents-question" aria-labelledby="step-title">
            {move || problem.get().map(|text| {
                let target = summary_id.clone();
                view! {
                    <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                        <h2 id="error-summary-title">{t(lang.get(), "form.error_summary_title")}</h2>
                        <ul><li><a href=summary_target.clone() on:click=move |ev| {
                            ev.prevent_default();
                            browser::focus_id(&target);
                        }>{text}</a></li></ul>
                    </div>
                }
            })}
            <p class="parents-progress">{progress}</p>
            {(q >= 2 && !goal_text.trim().is_empty()).then(|| view! {
                <p class="parents-goal-quote">
                    <span class="visually-hidden">{crate::ui::app::tr("questionnaire.the_goal")}" "</span>
                    "“"{goal_text.clone()}"”"
                </p>
            })}
            {body}
            <div class="step-actions">
                <button type="button" class="button button-secondary" id="question-back" on:click=back>
                    {crate::ui::app::tr("form.back")}
                </button>
                <button type="button" class="button button-primary" id="question-next" on:click=next>
                    {move || if returning || q + 1 >= QUESTIONS.len() {
                        t(lang.get(), "questionnaire.save_and_check")
                    } else {
                        t(lang.get(), "questionnaire.next")
                    }}
                </button>
            </div>
        </section>
    }
}

/// The inline error of a question, linked by id.
fn inline_error(lang: RwSignal<Lang>, id: String, problem: Memo<Option<String>>) -> impl IntoView {
    move || {
        problem.get().map(|text| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">{t(lang.get(), "form.error_prefix")}" "</span>
                    {text}
                </p>
            }
        })
    }
}

#[component]
fn DomainQuestion(goal: usize, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let ptr = StoredValue::new(goal_ptr(goal, "lifeDomain"));
    let base = ptr.with_value(|p| field_id(p));
    let error_id = format!("{base}-error");
    let hint_id = format!("{base}-hint");
    let current = move || ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p))));
    let domains: Vec<String> = reference()
        .map(|r| r.domains.domains.iter().map(|d| d.code.clone()).collect())
        .unwrap_or_default();
    let n = (goal + 1).to_string();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if problem.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <fieldset aria-describedby=described>
                <legend class="parents-legend-heading">
                    <h1 id="step-title" tabindex="-1">{move || tf(lang.get(), "questionnaire.q.domain", &[("n", &n)])}</h1>
                </legend>
                <p class="hint" id=hint_id.clone()>{crate::ui::app::tr("questionnaire.q.domain.hint")}</p>
                {inline_error(lang, error_id.clone(), problem)}
                <div class="parents-radios">
                    {domains.into_iter().enumerate().map(|(i, code)| {
                        let id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
                        let code_checked = code.clone();
                        let code_set = code.clone();
                        let code_label = code.clone();
                        view! {
                            <div class="parents-radio">
                                <input type="radio" id=id.clone() name=base.clone() value=code.clone()
                                    prop:checked=move || current() == code_checked
                                    on:change=move |_| {
                                        let v = Value::String(code_set.clone());
                                        ptr.with_value(|p| ctx.update(|c| { set_at(c, p, v); }));
                                    }/>
                                <label for=id>{move || domain_name(lang.get(), &code_label)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn TextQuestion(goal: usize, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let ptr = StoredValue::new(goal_ptr(goal, "text"));
    let id = ptr.with_value(|p| field_id(p));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let n = (goal + 1).to_string();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if problem.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <h1 class="parents-label-heading" id="step-title" tabindex="-1">
                <label for=id.clone()>{move || tf(lang.get(), "questionnaire.q.text", &[("n", &n)])}</label>
            </h1>
            <p class="hint" id=hint_id.clone()>{crate::ui::app::tr("questionnaire.q.text.hint")}</p>
            {inline_error(lang, error_id.clone(), problem)}
            <textarea id=id.clone() name=id class="input" rows="4"
                class:input-error=move || problem.get().is_some()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p))))
                on:input=move |ev| {
                    let v = value_from_text(FieldKind::Text, &event_target_value(&ev));
                    ptr.with_value(|p| ctx.update(|c| { set_at(c, p, v); }));
                }></textarea>
        </div>
    }
}

#[component]
fn ScaleQuestion(goal: usize, key: &'static str, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let ptr = StoredValue::new(goal_ptr(goal, key));
    let base = ptr.with_value(|p| field_id(p));
    let error_id = format!("{base}-error");
    let hint_id = format!("{base}-hint");
    let current = move || ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p))));
    let question = format!("questionnaire.q.{key}");
    let min_key = format!("questionnaire.q.{key}.min");
    let max_key = format!("questionnaire.q.{key}.max");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if problem.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let (min_a, max_a) = (min_key.clone(), max_key.clone());
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <fieldset aria-describedby=described>
                <legend class="parents-legend-heading">
                    <h1 id="step-title" tabindex="-1">{move || t(lang.get(), &question)}</h1>
                </legend>
                <p class="hint" id=hint_id.clone()>
                    {move || tf(lang.get(), "questionnaire.scale.hint", &[("min", t(lang.get(), &min_a)), ("max", t(lang.get(), &max_a))])}
                </p>
                {inline_error(lang, error_id.clone(), problem)}
                <div class="parents-scale">
                    {(1..=10u8).map(|k| {
                        let id = if k == 1 { base.clone() } else { format!("{base}-{k}") };
                        let end = match k {
                            1 => Some(min_key.clone()),
                            10 => Some(max_key.clone()),
                            _ => None,
                        };
                        view! {
                            <div class="parents-scale-item">
                                <input type="radio" id=id.clone() name=base.clone() value=k.to_string()
                                    prop:checked=move || current() == k.to_string()
                                    on:change=move |_| {
                                        ptr.with_value(|p| ctx.update(|c| { set_at(c, p, Value::from(k)); }));
                                    }/>
                                <label for=id>
                                    {k}
                                    {end.map(|e| view! {
                                        <span class="visually-hidden">" "{move || end_label_rest(t(lang.get(), &e))}</span>
                                    })}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <div class="parents-scale-ends" aria-hidden="true">
                    <span>{move || t(lang.get(), &min_key)}</span>
                    <span>{move || t(lang.get(), &max_key)}</span>
                </div>
            </fieldset>
        </div>
    }
}

/// "1 – not at all important" → "– not at all important" (the number is the label).
fn end_label_rest(text: &str) -> String {
    text.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string()
}

/// Every goal's answers with a "Change" link to each question's page.
#[component]
fn CheckAnswers(nav: Callback<(Page, bool)>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let goal_list = Memo::new(move |_| ctx.case.with(|c| exchange::goals(c).to_vec()));
    let add_another = move |_| {
        let mut index = None;
        ctx.update(|c| index = exchange::add_goal(c));
        if let Some(goal) = index {
            nav.run((Page::Question { goal, q: 0 }, false));
        }
    };
    view! {
        <section aria-labelledby="step-title" class="parents-check">
            <h1 id="step-title" tabindex="-1">{crate::ui::app::tr("questionnaire.check.title")}</h1>
            {move || goal_list.get().into_iter().enumerate().map(|(i, g)| {
                let n = (i + 1).to_string();
                view! {
                    <h2>{
                        let n = n.clone();
                        move || tf(lang.get(), "questionnaire.goal_n", &[("n", &n)])
                    }</h2>
                    <dl class="parents-summary">
                        {QUESTIONS.iter().enumerate().map(|(q, key)| {
                            let raw = text_of(g.get(*key));
                            let n = n.clone();
                            let value = move || {
                                let l = lang.get();
                                if raw.trim().is_empty() {
                                    t(l, "questionnaire.not_answered").to_string()
                                } else if *key == "lifeDomain" {
                                    domain_name(l, &raw)
                                } else {
                                    raw.clone()
                                }
                            };
                            let n2 = n.clone();
                            view! {
                                <div class="parents-summary-row">
                                    <dt>{move || t(lang.get(), &format!("questionnaire.check.{key}"))}</dt>
                                    <dd>{value}</dd>
                                    <dd class="parents-summary-action">
                                        <a href="#step-title" id=format!("change-{i}-{key}") on:click=move |ev| {
                                            ev.prevent_default();
                                            nav.run((Page::Question { goal: i, q }, true));
                                        }>
                                            {crate::ui::app::tr("questionnaire.change")}
                                            <span class="visually-hidden">" "{move || tf(lang.get(), "questionnaire.change_what", &[
                                                ("what", t(lang.get(), &format!("questionnaire.check.{key}"))),
                                                ("n", &n2),
                                            ])}</span>
                                        </a>
                                    </dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                }
            }).collect_view()}
            <div class="step-actions">
                <button type="button" class="button button-secondary" id="check-add-another" on:click=add_another>
                    {crate::ui::app::tr("questionnaire.add_another")}
                </button>
                <button type="button" class="button button-primary" id="check-done"
                    on:click=move |_| nav.run((Page::Overview, false))>
                    {crate::ui::app::tr("questionnaire.check.done")}
                </button>
            </div>
        </section>
    }
}
