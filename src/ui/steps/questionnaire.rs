//! The parents' questionnaire, one thing per page (GOV.UK pattern): an overview of the
//! goals, then for each goal five short pages (the goal in the parents' own words first,
//! then the life domain with plain examples, importance, performance, satisfaction), then
//! "Check your answers". Every answer is saved as it is given, so a reload only returns to
//! the overview. Parents who fill it in on their own device (the parents' own way in,
//! [`crate::ui::parent`]) send it as an `ib-planner-answers/1` file; there the overview
//! leads on to saving the file instead of to the team's steps.

use crate::draft::{field_id, text_of, value_from_text, FieldKind};
use crate::engine::problem::Problem;
use crate::exchange::{self, ExchangeError};
use crate::i18n::{t, tf, Lang};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{error_summary_box, error_text, problem_line, problem_text, StepActions};
use crate::ui::parent::ParentsOwn;
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use crate::way_in::ParentPage;
use leptos::ev::MouseEvent;
use serde_json::Value;

/// The questions asked for each goal, by the goal's key, in order.
const QUESTIONS: [&str; 5] = [
    "text",
    "lifeDomain",
    "importance",
    "performance",
    "satisfaction",
];

/// The name of each question on "Check your answers", in the order of [`QUESTIONS`].
const CHECK_LABELS: [&str; 5] = [
    "questionnaire.check.text",
    "questionnaire.check.lifeDomain",
    "questionnaire.check.importance",
    "questionnaire.check.performance",
    "questionnaire.check.satisfaction",
];

/// The page of the questionnaire on show (kept in memory; a reload shows the overview).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Page {
    Overview,
    Question { goal: usize, q: usize },
    Check,
}

/// Goes to a page; the flag says whether it was opened from "Check your answers".
type Nav = Callback<(Page, bool)>;

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

/// A message with one parameter, following the language switch (put it in a view as text).
fn tr1(
    key: &'static str,
    name: &'static str,
    value: String,
) -> impl Fn() -> String + Send + Sync + 'static {
    let lang = use_app().lang;
    move || tf(lang.get(), key, &[(name, &value)])
}

/// "Goal n" (for the goal at `index`), following the language switch.
fn goal_n(index: usize) -> impl Fn() -> String + Send + Sync + 'static {
    tr1("questionnaire.goal_n", "n", (index + 1).to_string())
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
    move || {
        let shown = match page.get() {
            Page::Question { goal, .. } if goal >= goal_count.get() => Page::Overview,
            Page::Check if goal_count.get() == 0 => Page::Overview,
            other => other,
        };
        match shown {
            Page::Overview => view! { <Overview nav /> }.into_any(),
            Page::Question { goal, q } => {
                let returning = from_check.get_untracked();
                view! { <QuestionPage goal q returning nav /> }.into_any()
            }
            Page::Check => view! { <CheckAnswers nav /> }.into_any(),
        }
    }
}

/// The list of goals with add, change and remove, the file exchange, and the step actions.
#[component]
fn Overview(nav: Nav) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let parents_own = use_context::<ParentsOwn>().is_some();
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
                // The problems first: `summary` is derived from them, and the items below
                // read them again (a derived memo read first could hide their change).
                ctx.problems.track();
                let list = summary.get();
                if list.is_empty() {
                    return ().into_any();
                }
                let lang = lang.get();
                let items = list
                    .iter()
                    .map(|p| summary_item(ctx, lang, nav, p))
                    .collect_view();
                error_summary_box(lang, view! { <ul>{items}</ul> }.into_any())
            }}
            <h1 id="step-title" tabindex="-1">{tr("step.questionnaire")}</h1>
            <p class="lead">{tr("questionnaire.lead")}</p>
            <h2>{tr("questionnaire.goals_title")}</h2>
            {move || {
                let list = goal_list.get();
                if list.is_empty() {
                    return view! {
                        <p class="empty">{t(lang.get(), "questionnaire.no_goals")}</p>
                    }
                    .into_any();
                }
                let cards = list
                    .iter()
                    .enumerate()
                    .map(|(i, g)| goal_card(i, g, nav, confirm_remove))
                    .collect_view();
                view! { <ol class="parents-goal-list">{cards}</ol> }.into_any()
            }}
            <div class="parents-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    id="add-goal"
                    on:click=add_goal
                >
                    {move || {
                        let key = if goal_list.with(Vec::is_empty) {
                            "questionnaire.add_goal"
                        } else {
                            "questionnaire.add_another"
                        };
                        t(lang.get(), key)
                    }}
                </button>
                {move || {
                    (!goal_list.with(Vec::is_empty))
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    id="check-answers"
                                    on:click=move |_| nav.run((Page::Check, false))
                                >
                                    {tr("questionnaire.check_answers")}
                                </button>
                            }
                        })
                }}
            </div>
            {if parents_own {
                view! { <ParentsContinue /> }.into_any()
            } else {
                view! {
                    <AnswersExchange />
                    <StepActions step=Step::Questionnaire />
                }
                    .into_any()
            }}
        </section>
    }
    .into_any()
}

/// One line of the overview's error summary: a link to the question the problem is on
/// (in the parents' words when an answer is missing), or to "Add a goal".
fn summary_item(ctx: CaseCtx, lang: Lang, nav: Nav, p: &Problem) -> AnyView {
    let target = problem_target(p);
    let text = match target {
        Some((goal, _, Some(key))) => {
            question_problem(ctx, lang, goal, key).unwrap_or_else(|| problem_text(lang, p))
        }
        // Within a goal: the goal's number is put in front below.
        Some(_) => problem_text(lang, p),
        // Not within a goal: named by step and field like every listed problem.
        None => ctx.case.with_untracked(|c| problem_line(lang, c, p)),
    };
    let link = match target {
        Some((goal, q, _)) => {
            let text = tf(
                lang,
                "questionnaire.goal_problem",
                &[("n", &(goal + 1).to_string()), ("problem", &text)],
            );
            view! {
                <a
                    href="#step-title"
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.run((Page::Question { goal, q }, false));
                    }
                >
                    {text}
                </a>
            }
            .into_any()
        }
        None => view! {
            <a
                href="#add-goal"
                on:click=|ev| {
                    ev.prevent_default();
                    browser::focus_id("add-goal");
                }
            >
                {text}
            </a>
        }
        .into_any(),
    };
    view! { <li>{link}</li> }.into_any()
}

/// One goal on the overview: its text, domain and scores, whether it is incomplete, and
/// change / remove (remove asks first, in place).
fn goal_card(i: usize, g: &Value, nav: Nav, confirm_remove: RwSignal<Option<usize>>) -> AnyView {
    let lang = use_app().lang;
    let ctx = use_case();
    let text = text_of(g.get("text"));
    let domain = text_of(g.get("lifeDomain"));
    let id = StoredValue::new(text_of(g.get("id")));
    let scores = ["importance", "performance", "satisfaction"].map(|k| {
        let v = text_of(g.get(k));
        if v.is_empty() {
            "—".to_string()
        } else {
            v
        }
    });
    let scope = format!("/questionnaire/goals/{i}");
    view! {
        <li class="parents-goal-card">
            <h3>{goal_n(i)}</h3>
            <p class="parents-goal-text">
                {move || {
                    if text.trim().is_empty() {
                        t(lang.get(), "questionnaire.no_text").to_string()
                    } else {
                        format!("“{text}”")
                    }
                }}
            </p>
            <p class="parents-goal-meta">
                {move || {
                    let l = lang.get();
                    let d = if domain.is_empty() {
                        "—".to_string()
                    } else {
                        domain_name(l, &domain)
                    };
                    tf(
                        l,
                        "questionnaire.card_meta",
                        &[
                            ("domain", &d),
                            ("importance", &scores[0]),
                            ("performance", &scores[1]),
                            ("satisfaction", &scores[2]),
                        ],
                    )
                }}
            </p>
            {move || {
                let incomplete = ctx.show_errors.get()
                    && !ctx.problems_within(&[scope.as_str()]).is_empty();
                incomplete
                    .then(|| {
                        view! {
                            <p class="error-message">{t(lang.get(), "questionnaire.incomplete")}</p>
                        }
                    })
            }}
            {move || {
                if confirm_remove.get() == Some(i) {
                    remove_confirm(i, &id.get_value(), confirm_remove)
                } else {
                    card_actions(i, nav, confirm_remove)
                }
            }}
        </li>
    }
    .into_any()
}

/// "Really remove goal n?" with yes and no, and a warning when team goals name it.
fn remove_confirm(i: usize, id: &str, confirm_remove: RwSignal<Option<usize>>) -> AnyView {
    let ctx = use_case();
    let linked = ctx
        .case
        .with_untracked(|c| exchange::linked_team_goals(c, id));
    let n = (i + 1).to_string();
    let warning = (linked > 0).then(|| {
        view! {
            <p class="parents-warning">
                {tr1("questionnaire.remove.linked", "count", linked.to_string())}
            </p>
        }
    });
    view! {
        <div class="confirm" role="group" aria-label=tr("questionnaire.remove.confirm_label")>
            <p>{tr1("questionnaire.remove.confirm", "n", n)}</p>
            {warning}
            <button
                type="button"
                class="button button-warning"
                id=format!("remove-yes-{i}")
                on:click=move |_| {
                    confirm_remove.set(None);
                    ctx.update(|c| {
                        exchange::remove_goal(c, i);
                    });
                    browser::focus_id_later("add-goal");
                }
            >
                {tr("questionnaire.remove.yes")}
            </button>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    confirm_remove.set(None);
                    browser::focus_id_later(&format!("remove-{i}"));
                }
            >
                {tr("questionnaire.remove.no")}
            </button>
        </div>
    }
    .into_any()
}

/// A goal card's "Change" and "Remove" buttons.
fn card_actions(i: usize, nav: Nav, confirm_remove: RwSignal<Option<usize>>) -> AnyView {
    view! {
        <div class="parents-card-actions">
            <button
                type="button"
                class="button button-secondary button-small"
                id=format!("change-{i}")
                on:click=move |_| nav.run((Page::Question { goal: i, q: 0 }, false))
            >
                {tr("questionnaire.change_goal")}
                <span class="visually-hidden">" " {goal_n(i)}</span>
            </button>
            <button
                type="button"
                class="button button-secondary button-small"
                id=format!("remove-{i}")
                on:click=move |_| {
                    confirm_remove.set(Some(i));
                    browser::focus_id_later(&format!("remove-yes-{i}"));
                }
            >
                {tr("questionnaire.remove")}
                <span class="visually-hidden">" " {goal_n(i)}</span>
            </button>
        </div>
    }
    .into_any()
}

/// On the parents' own device, the overview's way on: to saving the answers as a file
/// (after a first press shows what is missing, as the team's steps do).
#[component]
fn ParentsContinue() -> impl IntoView {
    let app = use_app();
    let ctx = use_case();
    let go = move |_| {
        let missing = !ctx.problems_within(Step::Questionnaire.scope()).is_empty();
        if missing && !ctx.show_errors.get_untracked() {
            ctx.show_errors.set(true);
            browser::focus_id_later("error-summary");
            return;
        }
        app.navigate(Screen::Parent {
            id: ctx.id.get_value(),
            page: Some(ParentPage::Send),
        });
    };
    view! {
        <div class="step-actions">
            <button type="button" class="button button-primary" id="parent-continue" on:click=go>
                {tr("parent.continue.answers")}
            </button>
        </div>
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
        let date = browser::today_iso();
        let (text, name) = ctx.case.with_untracked(|c| {
            let pseudonym = c.pointer("/child/id").and_then(Value::as_str);
            (
                exchange::answers_file(c),
                exchange::answers_file_name(lang.get_untracked(), &date, pseudonym),
            )
        });
        let _ = browser::download_text(&name, "application/json", &text);
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
    view! {
        <section class="parents-exchange" aria-labelledby="answers-exchange-title">
            <h2 id="answers-exchange-title">{tr("questionnaire.exchange.title")}</h2>
            <p>{tr("questionnaire.exchange.lead")}</p>
            <button
                type="button"
                class="button button-secondary"
                id="export-answers"
                on:click=export
            >
                {tr("questionnaire.export")}
            </button>
            {file_import(
                "import-answers",
                "questionnaire.import",
                "questionnaire.import.hint",
                on_text,
            )}
            {move || {
                error
                    .get()
                    .map(|e| {
                        let lang = lang.get();
                        view! {
                            <div
                                class="alert alert-error"
                                id="answers-import-error"
                                role="alert"
                                tabindex="-1"
                            >
                                <p>
                                    <strong>{t(lang, "exchange.error.title")}</strong>
                                </p>
                                <p>{exchange_error_text(lang, &e)}</p>
                            </div>
                        }
                    })
            }}
            {move || {
                done.get()
                    .map(|n| {
                        view! {
                            <p
                                class="alert alert-success"
                                id="answers-import-done"
                                role="status"
                                tabindex="-1"
                            >
                                {tf(
                                    lang.get(),
                                    "questionnaire.import.done",
                                    &[("count", &n.to_string())],
                                )}
                            </p>
                        }
                    })
            }}
            {move || pending.get().map(|q| import_preview(lang.get(), &q, pending, done))}
        </section>
    }
    .into_any()
}

/// What an answers file would bring in, with replace and cancel.
fn import_preview(
    lang: Lang,
    q: &Value,
    pending: RwSignal<Option<Value>>,
    done: RwSignal<Option<usize>>,
) -> AnyView {
    let ctx = use_case();
    let incoming: &[Value] = q
        .get("goals")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let current = ctx.case.with_untracked(|c| exchange::goals(c).len());
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
    let preview = tf(
        lang,
        "questionnaire.import.preview",
        &[
            ("incoming", &incoming.len().to_string()),
            ("current", &current.to_string()),
        ],
    );
    let items = incoming
        .iter()
        .map(|g| {
            let text = text_of(g.get("text"));
            let text = if text.trim().is_empty() {
                t(lang, "questionnaire.no_text").to_string()
            } else {
                text
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <div
            class="alert alert-warning parents-preview"
            id="answers-import-preview"
            role="group"
            tabindex="-1"
            aria-labelledby="answers-preview-title"
        >
            <h3 id="answers-preview-title">{t(lang, "questionnaire.import.preview_title")}</h3>
            <p>{preview}</p>
            <ol>{items}</ol>
            {import_confirm(
                lang,
                "answers-import-confirm",
                "questionnaire.import.confirm",
                confirm,
                pending,
                "import-answers",
            )}
        </div>
    }
    .into_any()
}

/// The buttons under an import preview: the warning Confirm button (`confirm_id`, its words
/// `confirm_key`) and Cancel, which drops the pending import and puts the focus back on
/// the file picker `picker_id`. Shared with the ranking's import.
pub(super) fn import_confirm<T: Send + Sync + 'static>(
    lang: Lang,
    confirm_id: &'static str,
    confirm_key: &'static str,
    on_confirm: impl Fn(MouseEvent) + 'static,
    pending: RwSignal<Option<T>>,
    picker_id: &'static str,
) -> AnyView {
    view! {
        <div class="confirm">
            <button
                type="button"
                class="button button-warning"
                id=confirm_id
                on:click=on_confirm
            >
                {t(lang, confirm_key)}
            </button>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    pending.set(None);
                    browser::focus_id_later(picker_id);
                }
            >
                {t(lang, "exchange.cancel")}
            </button>
        </div>
    }
    .into_any()
}

/// An import error in words.
pub(super) fn exchange_error_text(lang: Lang, error: &ExchangeError) -> String {
    let params = error.params();
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    tf(lang, error.key(), &params)
}

/// A labelled file picker for a JSON file; hands the file's text (or why it could not be
/// read) to `on_text`. The picker is cleared so the same file can be chosen again.
pub(super) fn file_import(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    on_text: Callback<Result<String, ExchangeError>>,
) -> AnyView {
    untrack(move || {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="form-group parents-file">
                <label class="label" for=id>{tr(label)}</label>
                <p class="hint" id=hint_id.clone()>{tr(hint)}</p>
                <input
                    type="file"
                    id=id
                    name=id
                    class="parents-file-input"
                    accept=".json,application/json"
                    aria-describedby=hint_id
                    on:change=move |ev| read_chosen_file(&ev, on_text)
                />
            </div>
        }
        .into_any()
    })
}

/// Reads the file chosen in a file input's change event and hands its text (or why it
/// could not be read) to `on_text` (nothing when the screen was left in the meantime).
fn read_chosen_file(ev: &web_sys::Event, on_text: Callback<Result<String, ExchangeError>>) {
    let Some(file) = browser::take_chosen_file(ev) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = browser::read_file_text(&file, crate::files::FileKind::Exchange)
            .await
            .map_err(browser::ReadError::exchange_error);
        let _ = on_text.try_run(text);
    });
}

/// One question about one goal.
#[component]
fn QuestionPage(goal: usize, q: usize, returning: bool, nav: Nav) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let key = QUESTIONS.get(q).copied().unwrap_or("text");
    let input_id = field_id(&goal_ptr(goal, key));
    let attempted = RwSignal::new(false);
    let problem = Memo::new(move |_| {
        if attempted.get() {
            question_problem(ctx, lang.get(), goal, key)
        } else {
            None
        }
    });
    let n = (goal + 1).to_string();
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
    let body = match key {
        "lifeDomain" => view! { <DomainQuestion goal problem /> }.into_any(),
        "text" => view! { <TextQuestion goal problem /> }.into_any(),
        _ => view! { <ScaleQuestion goal key problem /> }.into_any(),
    };
    let next_key = if returning || q + 1 >= QUESTIONS.len() {
        "questionnaire.save_and_check"
    } else {
        "questionnaire.next"
    };
    let quote = (q >= 1 && !goal_text.trim().is_empty()).then(|| {
        view! {
            <p class="parents-goal-quote">
                <span class="visually-hidden">{tr("questionnaire.the_goal")} " "</span>
                "“"
                {goal_text}
                "”"
            </p>
        }
    });
    view! {
        <section class="parents-question" aria-labelledby="step-title">
            {move || {
                problem
                    .get()
                    .map(|text| {
                        let target = input_id.clone();
                        let link = view! {
                            <ul>
                                <li>
                                    <a
                                        href=summary_target.clone()
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            browser::focus_id(&target);
                                        }
                                    >
                                        {text}
                                    </a>
                                </li>
                            </ul>
                        };
                        error_summary_box(lang.get(), link.into_any())
                    })
            }}
            <p class="parents-progress">
                {move || {
                    tf(
                        lang.get(),
                        "questionnaire.progress",
                        &[
                            ("q", &(q + 1).to_string()),
                            ("total", &QUESTIONS.len().to_string()),
                            ("n", &n),
                        ],
                    )
                }}
            </p>
            {quote}
            {body}
            <div class="step-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    id="question-back"
                    on:click=back
                >
                    {tr("form.back")}
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    id="question-next"
                    on:click=next
                >
                    {tr(next_key)}
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// The inline error of a question, linked by id.
fn inline_error(lang: RwSignal<Lang>, id: String, problem: Memo<Option<String>>) -> AnyView {
    (move || {
        problem.get().map(|text| {
            view! { <p class="error-message" id=id.clone()>{error_text(lang.get(), &text)}</p> }
        })
    })
    .into_any()
}

/// `aria-describedby` of a question: its hint, and its error while shown.
fn described_by(
    base: &str,
    problem: Memo<Option<String>>,
) -> impl Fn() -> String + Send + Sync + 'static {
    let hint_id = format!("{base}-hint");
    let both = format!("{hint_id} {base}-error");
    move || {
        if problem.get().is_some() {
            both.clone()
        } else {
            hint_id.clone()
        }
    }
}

/// One radio button of a question at `ptr`: checked while the answer's text is `value`;
/// choosing it stores `stored`. `described_by` names the radio's own hint, if it has one.
fn radio(
    id: String,
    name: String,
    value: String,
    ptr: StoredValue<String>,
    stored: Value,
    described_by: Option<String>,
) -> AnyView {
    let ctx = use_case();
    let checked_value = value.clone();
    view! {
        <input
            type="radio"
            id=id
            name=name
            value=value
            aria-describedby=described_by
            prop:checked=move || {
                ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p)))) == checked_value
            }
            on:change=move |_| {
                let v = stored.clone();
                ptr.with_value(|p| ctx.set_at(p, v));
            }
        />
    }
    .into_any()
}

#[component]
fn DomainQuestion(goal: usize, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ptr = StoredValue::new(goal_ptr(goal, "lifeDomain"));
    let base = ptr.with_value(|p| field_id(p));
    let domains: Vec<String> = reference()
        .map(|r| r.domains.domains.iter().map(|d| d.code.clone()).collect())
        .unwrap_or_default();
    let radios = domains
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let id = if i == 0 {
                base.clone()
            } else {
                format!("{base}-{i}")
            };
            let example_id = format!("{id}-example");
            let input = radio(
                id.clone(),
                base.clone(),
                code.clone(),
                ptr,
                Value::String(code.clone()),
                Some(example_id.clone()),
            );
            // The plain examples are catalogue text per domain code; a code without
            // examples (an edited reference file) shows its name only.
            let example_key = format!("wayin.domain.example.{code}");
            let example = crate::i18n::has(&example_key).then(|| {
                view! {
                    <p class="hint parents-radio-hint" id=example_id>
                        {move || t(lang.get(), &example_key)}
                    </p>
                }
            });
            view! {
                <div class="parents-radio">
                    {input}
                    <label for=id>{move || domain_name(lang.get(), &code)}</label>
                    {example}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <fieldset aria-describedby=described_by(&base, problem)>
                <legend class="parents-legend-heading">
                    <h1 id="step-title" tabindex="-1">
                        {tr1("questionnaire.q.domain", "n", (goal + 1).to_string())}
                    </h1>
                </legend>
                <p class="hint" id=format!("{base}-hint")>{tr("questionnaire.q.domain.hint")}</p>
                {inline_error(lang, format!("{base}-error"), problem)}
                <div class="parents-radios">{radios}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

#[component]
fn TextQuestion(goal: usize, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let ptr = StoredValue::new(goal_ptr(goal, "text"));
    let id = ptr.with_value(|p| field_id(p));
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <h1 class="parents-label-heading" id="step-title" tabindex="-1">
                <label for=id.clone()>
                    {tr1("questionnaire.q.text", "n", (goal + 1).to_string())}
                </label>
            </h1>
            <p class="hint" id=format!("{id}-hint")>{tr("questionnaire.q.text.hint")}</p>
            {inline_error(lang, format!("{id}-error"), problem)}
            <textarea
                id=id.clone()
                name=id.clone()
                class="input"
                rows="4"
                class:input-error=move || problem.get().is_some()
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described_by(&id, problem)
                prop:value=move || ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p))))
                on:input=move |ev| {
                    let v = value_from_text(FieldKind::Text, &event_target_value(&ev));
                    ptr.with_value(|p| ctx.set_at(p, v));
                }
            ></textarea>
        </div>
    }
    .into_any()
}

/// The message keys of a scale question: the question, and the words for its ends.
fn scale_keys(key: &str) -> [&'static str; 3] {
    match key {
        "importance" => [
            "questionnaire.q.importance",
            "questionnaire.q.importance.min",
            "questionnaire.q.importance.max",
        ],
        "performance" => [
            "questionnaire.q.performance",
            "questionnaire.q.performance.min",
            "questionnaire.q.performance.max",
        ],
        _ => [
            "questionnaire.q.satisfaction",
            "questionnaire.q.satisfaction.min",
            "questionnaire.q.satisfaction.max",
        ],
    }
}

#[component]
fn ScaleQuestion(goal: usize, key: &'static str, problem: Memo<Option<String>>) -> impl IntoView {
    let lang = use_app().lang;
    let ptr = StoredValue::new(goal_ptr(goal, key));
    let base = ptr.with_value(|p| field_id(p));
    let [question, min_key, max_key] = scale_keys(key);
    let items = (1..=10u8)
        .map(|k| {
            let id = if k == 1 {
                base.clone()
            } else {
                format!("{base}-{k}")
            };
            let end = match k {
                1 => Some(min_key),
                10 => Some(max_key),
                _ => None,
            };
            let value = k.to_string();
            let input = radio(
                id.clone(),
                base.clone(),
                value.clone(),
                ptr,
                Value::from(k),
                None,
            );
            // The end's words are part of its number's label: beside the number on a
            // phone (the scale is a column there), read but not shown on wide screens,
            // where the row of ten has the words under its ends.
            let is_end = end.is_some();
            let end = end.map(|e| {
                view! {
                    <span class="parents-scale-end">
                        " "
                        {move || end_label_rest(t(lang.get(), e))}
                    </span>
                }
            });
            view! {
                <div class="parents-scale-item" class:parents-scale-item-end=is_end>
                    {input}
                    <label for=id>
                        <span class="parents-scale-number">{value}</span>
                        {end}
                    </label>
                </div>
            }
        })
        .collect_view();
    let hint = move || {
        let l = lang.get();
        tf(
            l,
            "questionnaire.scale.hint",
            &[("min", t(l, min_key)), ("max", t(l, max_key))],
        )
    };
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <fieldset aria-describedby=described_by(&base, problem)>
                <legend class="parents-legend-heading">
                    <h1 id="step-title" tabindex="-1">{tr(question)}</h1>
                </legend>
                <p class="hint" id=format!("{base}-hint")>{hint}</p>
                {inline_error(lang, format!("{base}-error"), problem)}
                <div class="parents-scale">{items}</div>
                <div class="parents-scale-ends" aria-hidden="true">
                    <span>{tr(min_key)}</span>
                    <span>{tr(max_key)}</span>
                </div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// "1 – not at all important" → "– not at all important" (the number is the label).
fn end_label_rest(text: &str) -> String {
    text.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string()
}

/// Every goal's answers with a "Change" link to each question's page.
#[component]
fn CheckAnswers(nav: Nav) -> impl IntoView {
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
            <h1 id="step-title" tabindex="-1">{tr("questionnaire.check.title")}</h1>
            {move || {
                goal_list
                    .get()
                    .iter()
                    .enumerate()
                    .map(|(i, g)| {
                        let rows = (0..QUESTIONS.len())
                            .map(|q| summary_row(i, q, g, nav))
                            .collect_view();
                        view! {
                            <h2>{goal_n(i)}</h2>
                            <dl class="parents-summary">{rows}</dl>
                        }
                    })
                    .collect_view()
            }}
            <div class="step-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    id="check-add-another"
                    on:click=add_another
                >
                    {tr("questionnaire.add_another")}
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    id="check-done"
                    on:click=move |_| nav.run((Page::Overview, false))
                >
                    {tr("questionnaire.check.done")}
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// One answer on "Check your answers": the question, the answer and its "Change" link.
fn summary_row(i: usize, q: usize, g: &Value, nav: Nav) -> AnyView {
    let lang = use_app().lang;
    let key = QUESTIONS[q];
    let label = CHECK_LABELS[q];
    let raw = text_of(g.get(key));
    let n = (i + 1).to_string();
    view! {
        <div class="parents-summary-row">
            <dt>{tr(label)}</dt>
            <dd>
                {move || {
                    let l = lang.get();
                    if raw.trim().is_empty() {
                        t(l, "questionnaire.not_answered").to_string()
                    } else if key == "lifeDomain" {
                        domain_name(l, &raw)
                    } else {
                        raw.clone()
                    }
                }}
            </dd>
            <dd class="parents-summary-action">
                <a
                    href="#step-title"
                    id=format!("change-{i}-{key}")
                    on:click=move |ev| {
                        ev.prevent_default();
                        nav.run((Page::Question { goal: i, q }, true));
                    }
                >
                    {tr("questionnaire.change")}
                    <span class="visually-hidden">
                        " "
                        {move || {
                            let l = lang.get();
                            tf(l, "questionnaire.change_what", &[("what", t(l, label)), ("n", &n)])
                        }}
                    </span>
                </a>
            </dd>
        </div>
    }
    .into_any()
}
