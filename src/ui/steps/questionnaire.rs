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
use crate::ui::form::{error_summary_box, error_text, problem_text, step_actions};
use crate::ui::prelude::*;
use crate::ui::workspace::{file_stem, reference, use_case, CaseCtx, Step};
use serde_json::Value;

/// The questions asked for each goal, by the goal's key, in order.
const QUESTIONS: [&str; 5] = [
    "lifeDomain",
    "text",
    "importance",
    "performance",
    "satisfaction",
];

/// The name of each question on "Check your answers", in the order of [`QUESTIONS`].
const CHECK_LABELS: [&str; 5] = [
    "questionnaire.check.lifeDomain",
    "questionnaire.check.text",
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

/// The page's main heading, which takes focus when the page changes.
fn step_title() -> El {
    el("h1").id("step-title").attr("tabindex", "-1")
}

/// Appends a message with one parameter, following the language switch.
fn tr1(element: El, key: &'static str, name: &'static str, value: String) -> El {
    let lang = use_app().lang;
    element.text_dyn(move || tf(lang.get(), key, &[(name, &value)]))
}

/// Appends "Goal n" (for the goal at `index`), following the language switch.
fn goal_n(element: El, index: usize) -> El {
    tr1(
        element,
        "questionnaire.goal_n",
        "n",
        (index + 1).to_string(),
    )
}

/// The questionnaire step's screen.
pub fn questionnaire_step() -> View {
    component(|| {
        let ctx = use_case();
        let page = RwSignal::new(Page::Overview);
        let from_check = RwSignal::new(false);
        let goal_count = Memo::new(move |_| ctx.case.with(|c| exchange::goals(c).len()));
        let nav = Callback::new(move |(to, returning): (Page, bool)| {
            from_check.set(returning);
            page.set(to);
            browser::focus_id_later("step-title");
        });
        dyn_view(move || {
            let shown = match page.get() {
                Page::Question { goal, .. } if goal >= goal_count.get() => Page::Overview,
                Page::Check if goal_count.get() == 0 => Page::Overview,
                other => other,
            };
            match shown {
                Page::Overview => overview(nav),
                Page::Question { goal, q } => {
                    question_page(goal, q, from_check.get_untracked(), nav)
                }
                Page::Check => check_answers(nav),
            }
        })
    })
}

/// The list of goals with add, change and remove, the file exchange, and the step actions.
fn overview(nav: Callback<(Page, bool)>) -> View {
    component(move || {
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
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("parents-questionnaire")
            .dyn_view(move || {
                let list = summary.get();
                if list.is_empty() {
                    return View::empty();
                }
                let lang = lang.get();
                let items = list.iter().map(|p| summary_item(ctx, lang, nav, p));
                error_summary_box(lang, el("ul").children(items)).into()
            })
            .child(step_title().tr("step.questionnaire"))
            .child(el("p").class("lead").tr("questionnaire.lead"))
            .child(el("h2").tr("questionnaire.goals_title"))
            .dyn_view(move || {
                let list = goal_list.get();
                if list.is_empty() {
                    return el("p")
                        .class("empty")
                        .text(t(lang.get(), "questionnaire.no_goals"))
                        .into();
                }
                el("ol")
                    .class("parents-goal-list")
                    .children(
                        list.iter()
                            .enumerate()
                            .map(|(i, g)| goal_card(i, g, nav, confirm_remove)),
                    )
                    .into()
            })
            .child(
                el("div")
                    .class("parents-actions")
                    .child(
                        button("button button-secondary")
                            .id("add-goal")
                            .on("click", add_goal)
                            .text_dyn(move || {
                                let key = if goal_list.with(Vec::is_empty) {
                                    "questionnaire.add_goal"
                                } else {
                                    "questionnaire.add_another"
                                };
                                t(lang.get(), key).to_string()
                            }),
                    )
                    .dyn_view(move || {
                        (!goal_list.with(Vec::is_empty))
                            .then(|| {
                                button("button button-secondary")
                                    .id("check-answers")
                                    .on("click", move |_| nav.run((Page::Check, false)))
                                    .tr("questionnaire.check_answers")
                            })
                            .into()
                    }),
            )
            .view(answers_exchange())
            .view(step_actions(Step::Questionnaire))
            .into()
    })
}

/// One line of the overview's error summary: a link to the question the problem is on
/// (in the parents' words when an answer is missing), or to "Add a goal".
fn summary_item(ctx: CaseCtx, lang: Lang, nav: Callback<(Page, bool)>, p: &Problem) -> El {
    let target = problem_target(p);
    let text = match target {
        Some((goal, _, Some(key))) => {
            question_problem(ctx, lang, goal, key).unwrap_or_else(|| problem_text(lang, p))
        }
        _ => problem_text(lang, p),
    };
    let link = match target {
        Some((goal, q, _)) => el("a")
            .attr("href", "#step-title")
            .on("click", move |ev| {
                ev.prevent_default();
                nav.run((Page::Question { goal, q }, false));
            })
            .text(&tf(
                lang,
                "questionnaire.goal_problem",
                &[("n", &(goal + 1).to_string()), ("problem", &text)],
            )),
        None => el("a")
            .attr("href", "#add-goal")
            .on("click", |ev| {
                ev.prevent_default();
                browser::focus_id("add-goal");
            })
            .text(&text),
    };
    el("li").child(link)
}

/// One goal on the overview: its text, domain and scores, whether it is incomplete, and
/// change / remove (remove asks first, in place).
fn goal_card(
    i: usize,
    g: &Value,
    nav: Callback<(Page, bool)>,
    confirm_remove: RwSignal<Option<usize>>,
) -> El {
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
    el("li")
        .class("parents-goal-card")
        .child(goal_n(el("h3"), i))
        .child(el("p").class("parents-goal-text").text_dyn(move || {
            if text.trim().is_empty() {
                t(lang.get(), "questionnaire.no_text").to_string()
            } else {
                format!("“{text}”")
            }
        }))
        .child(el("p").class("parents-goal-meta").text_dyn(move || {
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
        }))
        .dyn_view(move || {
            let incomplete =
                ctx.show_errors.get() && !ctx.problems_within(&[scope.as_str()]).is_empty();
            incomplete
                .then(|| {
                    el("p")
                        .class("error-message")
                        .text(t(lang.get(), "questionnaire.incomplete"))
                })
                .into()
        })
        .dyn_view(move || {
            if confirm_remove.get() == Some(i) {
                remove_confirm(i, &id.get_value(), confirm_remove)
            } else {
                card_actions(i, nav, confirm_remove)
            }
            .into()
        })
}

/// "Really remove goal n?" with yes and no, and a warning when team goals name it.
fn remove_confirm(i: usize, id: &str, confirm_remove: RwSignal<Option<usize>>) -> El {
    let ctx = use_case();
    let linked = ctx
        .case
        .with_untracked(|c| exchange::linked_team_goals(c, id));
    let n = (i + 1).to_string();
    el("div")
        .class("confirm")
        .attr("role", "group")
        .attr_tr("aria-label", "questionnaire.remove.confirm_label")
        .child(tr1(el("p"), "questionnaire.remove.confirm", "n", n))
        .child_opt((linked > 0).then(|| {
            tr1(
                el("p").class("parents-warning"),
                "questionnaire.remove.linked",
                "count",
                linked.to_string(),
            )
        }))
        .child(
            button("button button-warning")
                .id(&format!("remove-yes-{i}"))
                .on("click", move |_| {
                    confirm_remove.set(None);
                    ctx.update(|c| {
                        exchange::remove_goal(c, i);
                    });
                    browser::focus_id_later("add-goal");
                })
                .tr("questionnaire.remove.yes"),
        )
        .child(
            button("button button-secondary")
                .on("click", move |_| {
                    confirm_remove.set(None);
                    browser::focus_id_later(&format!("remove-{i}"));
                })
                .tr("questionnaire.remove.no"),
        )
}

/// A goal card's "Change" and "Remove" buttons.
fn card_actions(
    i: usize,
    nav: Callback<(Page, bool)>,
    confirm_remove: RwSignal<Option<usize>>,
) -> El {
    el("div")
        .class("parents-card-actions")
        .child(
            button("button button-secondary button-small")
                .id(&format!("change-{i}"))
                .on("click", move |_| {
                    nav.run((Page::Question { goal: i, q: 0 }, false))
                })
                .tr("questionnaire.change_goal")
                .child(goal_n(el("span").class("visually-hidden").text(" "), i)),
        )
        .child(
            button("button button-secondary button-small")
                .id(&format!("remove-{i}"))
                .on("click", move |_| {
                    confirm_remove.set(Some(i));
                    browser::focus_id_later(&format!("remove-yes-{i}"));
                })
                .tr("questionnaire.remove")
                .child(goal_n(el("span").class("visually-hidden").text(" "), i)),
        )
}

/// Export and import of the answers file.
fn answers_exchange() -> View {
    component(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let pending = RwSignal::new(None::<Value>);
        let error = RwSignal::new(None::<ExchangeError>);
        let done = RwSignal::new(None::<usize>);
        let export = move |_| {
            let (text, stem) = ctx
                .case
                .with_untracked(|c| (exchange::answers_file(c), file_stem(c, &ctx.id.get_value())));
            let _ =
                browser::download_text(&format!("{stem}-answers.json"), "application/json", &text);
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
        el("section")
            .class("parents-exchange")
            .attr("aria-labelledby", "answers-exchange-title")
            .child(
                el("h2")
                    .id("answers-exchange-title")
                    .tr("questionnaire.exchange.title"),
            )
            .child(el("p").tr("questionnaire.exchange.lead"))
            .child(
                button("button button-secondary")
                    .id("export-answers")
                    .on("click", export)
                    .tr("questionnaire.export"),
            )
            .child(file_import(
                "import-answers",
                "questionnaire.import",
                "questionnaire.import.hint",
                on_text,
            ))
            .dyn_view(move || {
                error
                    .get()
                    .map(|e| {
                        let lang = lang.get();
                        el("div")
                            .class("alert alert-error")
                            .id("answers-import-error")
                            .attr("role", "alert")
                            .attr("tabindex", "-1")
                            .child(
                                el("p").child(el("strong").text(t(lang, "exchange.error.title"))),
                            )
                            .child(el("p").text(&exchange_error_text(lang, &e)))
                    })
                    .into()
            })
            .dyn_view(move || {
                done.get()
                    .map(|n| {
                        el("p")
                            .class("alert alert-success")
                            .id("answers-import-done")
                            .attr("role", "status")
                            .attr("tabindex", "-1")
                            .text(&tf(
                                lang.get(),
                                "questionnaire.import.done",
                                &[("count", &n.to_string())],
                            ))
                    })
                    .into()
            })
            .dyn_view(move || {
                pending
                    .get()
                    .map(|q| import_preview(lang.get(), &q, pending, done))
                    .into()
            })
            .into()
    })
}

/// What an answers file would bring in, with replace and cancel.
fn import_preview(
    lang: Lang,
    q: &Value,
    pending: RwSignal<Option<Value>>,
    done: RwSignal<Option<usize>>,
) -> El {
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
    el("div")
        .class("alert alert-warning parents-preview")
        .id("answers-import-preview")
        .attr("role", "group")
        .attr("tabindex", "-1")
        .attr("aria-labelledby", "answers-preview-title")
        .child(
            el("h3")
                .id("answers-preview-title")
                .text(t(lang, "questionnaire.import.preview_title")),
        )
        .child(el("p").text(&tf(
            lang,
            "questionnaire.import.preview",
            &[
                ("incoming", &incoming.len().to_string()),
                ("current", &current.to_string()),
            ],
        )))
        .child(el("ol").children(incoming.iter().map(|g| {
            let text = text_of(g.get("text"));
            if text.trim().is_empty() {
                el("li").text(t(lang, "questionnaire.no_text"))
            } else {
                el("li").text(&text)
            }
        })))
        .child(
            el("div")
                .class("confirm")
                .child(
                    button("button button-warning")
                        .id("answers-import-confirm")
                        .on("click", confirm)
                        .text(t(lang, "questionnaire.import.confirm")),
                )
                .child(
                    button("button button-secondary")
                        .on("click", move |_| {
                            pending.set(None);
                            browser::focus_id_later("import-answers");
                        })
                        .text(t(lang, "exchange.cancel")),
                ),
        )
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
) -> El {
    untrack(move || {
        let hint_id = format!("{id}-hint");
        el("div")
            .class("form-group parents-file")
            .child(el("label").class("label").attr("for", id).tr(label))
            .child(el("p").class("hint").id(&hint_id).tr(hint))
            .child(
                el("input")
                    .attr("type", "file")
                    .id(id)
                    .attr("name", id)
                    .class("parents-file-input")
                    .attr("accept", ".json,application/json")
                    .attr("aria-describedby", &hint_id)
                    .on("change", move |ev| read_chosen_file(&ev, on_text)),
            )
    })
}

/// Reads the file chosen in a file input's change event and hands its text (or why it
/// could not be read) to `on_text`.
fn read_chosen_file(ev: &web_sys::Event, on_text: Callback<Result<String, ExchangeError>>) {
    let Some(file) = browser::take_chosen_file(ev) else {
        return;
    };
    if file.size() > exchange::MAX_FILE_CHARS as f64 {
        on_text.run(Err(ExchangeError::TooLarge));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = browser::read_file_text(&file)
            .await
            .map_err(|_| ExchangeError::NotJson);
        on_text.run(text);
    });
}

/// One question about one goal.
fn question_page(goal: usize, q: usize, returning: bool, nav: Callback<(Page, bool)>) -> View {
    component(move || {
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
            "lifeDomain" => domain_question(goal, problem),
            "text" => text_question(goal, problem),
            _ => scale_question(goal, key, problem),
        };
        let next_key = if returning || q + 1 >= QUESTIONS.len() {
            "questionnaire.save_and_check"
        } else {
            "questionnaire.next"
        };
        el("section")
            .class("parents-question")
            .attr("aria-labelledby", "step-title")
            .dyn_view(move || {
                problem
                    .get()
                    .map(|text| {
                        let target = input_id.clone();
                        let link = el("a")
                            .attr("href", &summary_target)
                            .on("click", move |ev| {
                                ev.prevent_default();
                                browser::focus_id(&target);
                            })
                            .text(&text);
                        error_summary_box(lang.get(), el("ul").child(el("li").child(link)))
                    })
                    .into()
            })
            .child(el("p").class("parents-progress").text_dyn(move || {
                tf(
                    lang.get(),
                    "questionnaire.progress",
                    &[
                        ("q", &(q + 1).to_string()),
                        ("total", &QUESTIONS.len().to_string()),
                        ("n", &n),
                    ],
                )
            }))
            .child_opt((q >= 2 && !goal_text.trim().is_empty()).then(|| {
                el("p")
                    .class("parents-goal-quote")
                    .child(
                        el("span")
                            .class("visually-hidden")
                            .tr("questionnaire.the_goal")
                            .text(" "),
                    )
                    .text("“")
                    .text(&goal_text)
                    .text("”")
            }))
            .view(body)
            .child(
                el("div")
                    .class("step-actions")
                    .child(
                        button("button button-secondary")
                            .id("question-back")
                            .on("click", back)
                            .tr("form.back"),
                    )
                    .child(
                        button("button button-primary")
                            .id("question-next")
                            .on("click", next)
                            .tr(next_key),
                    ),
            )
            .into()
    })
}

/// The inline error of a question, linked by id.
fn inline_error(lang: RwSignal<Lang>, id: String, problem: Memo<Option<String>>) -> View {
    dyn_view(move || {
        problem
            .get()
            .map(|text| error_text(el("p").class("error-message").id(&id), lang.get(), &text))
            .into()
    })
}

/// A question's form group, marked while its answer has a problem.
fn question_group(problem: Memo<Option<String>>) -> El {
    el("div")
        .class("form-group")
        .class_when("form-group-error", move || problem.get().is_some())
}

/// `aria-describedby` of a question: its hint, and its error while shown.
fn described_by(control: El, base: &str, problem: Memo<Option<String>>) -> El {
    let hint_id = format!("{base}-hint");
    let both = format!("{hint_id} {base}-error");
    control.attr_dyn("aria-describedby", move || {
        Some(if problem.get().is_some() {
            both.clone()
        } else {
            hint_id.clone()
        })
    })
}

/// One radio button of a question at `ptr`: checked while the answer's text is `value`;
/// choosing it stores `stored`.
fn radio(id: &str, name: &str, value: &str, ptr: StoredValue<String>, stored: Value) -> El {
    let ctx = use_case();
    let checked_value = value.to_string();
    el("input")
        .attr("type", "radio")
        .id(id)
        .attr("name", name)
        .attr("value", value)
        .prop_bool("checked", move || {
            ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p)))) == checked_value
        })
        .on("change", move |_| {
            let v = stored.clone();
            ptr.with_value(|p| {
                ctx.update(|c| {
                    set_at(c, p, v);
                })
            });
        })
}

fn domain_question(goal: usize, problem: Memo<Option<String>>) -> View {
    component(move || {
        let lang = use_app().lang;
        let ptr = StoredValue::new(goal_ptr(goal, "lifeDomain"));
        let base = ptr.with_value(|p| field_id(p));
        let domains: Vec<String> = reference()
            .map(|r| r.domains.domains.iter().map(|d| d.code.clone()).collect())
            .unwrap_or_default();
        let radios = domains.into_iter().enumerate().map(|(i, code)| {
            let id = if i == 0 {
                base.clone()
            } else {
                format!("{base}-{i}")
            };
            let input = radio(&id, &base, &code, ptr, Value::String(code.clone()));
            el("div").class("parents-radio").child(input).child(
                el("label")
                    .attr("for", &id)
                    .text_dyn(move || domain_name(lang.get(), &code)),
            )
        });
        let radios = el("div").class("parents-radios").children(radios);
        let fieldset = described_by(el("fieldset"), &base, problem)
            .child(el("legend").class("parents-legend-heading").child(tr1(
                step_title(),
                "questionnaire.q.domain",
                "n",
                (goal + 1).to_string(),
            )))
            .child(
                el("p")
                    .class("hint")
                    .id(&format!("{base}-hint"))
                    .tr("questionnaire.q.domain.hint"),
            )
            .view(inline_error(lang, format!("{base}-error"), problem))
            .child(radios);
        question_group(problem).child(fieldset).into()
    })
}

fn text_question(goal: usize, problem: Memo<Option<String>>) -> View {
    component(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let ptr = StoredValue::new(goal_ptr(goal, "text"));
        let id = ptr.with_value(|p| field_id(p));
        let textarea = el("textarea")
            .id(&id)
            .attr("name", &id)
            .class("input")
            .attr("rows", "4")
            .class_when("input-error", move || problem.get().is_some())
            .attr_dyn("aria-invalid", move || {
                problem.get().is_some().then(|| "true".to_string())
            });
        let textarea = described_by(textarea, &id, problem)
            .prop_value(move || ptr.with_value(|p| ctx.case.with(|c| text_of(c.pointer(p)))))
            .on("input", move |ev| {
                let v = value_from_text(FieldKind::Text, &target_value(&ev));
                ptr.with_value(|p| {
                    ctx.update(|c| {
                        set_at(c, p, v);
                    })
                });
            });
        question_group(problem)
            .child(
                el("h1")
                    .class("parents-label-heading")
                    .id("step-title")
                    .attr("tabindex", "-1")
                    .child(tr1(
                        el("label").attr("for", &id),
                        "questionnaire.q.text",
                        "n",
                        (goal + 1).to_string(),
                    )),
            )
            .child(
                el("p")
                    .class("hint")
                    .id(&format!("{id}-hint"))
                    .tr("questionnaire.q.text.hint"),
            )
            .view(inline_error(lang, format!("{id}-error"), problem))
            .child(textarea)
            .into()
    })
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

fn scale_question(goal: usize, key: &'static str, problem: Memo<Option<String>>) -> View {
    component(move || {
        let lang = use_app().lang;
        let ptr = StoredValue::new(goal_ptr(goal, key));
        let base = ptr.with_value(|p| field_id(p));
        let [question, min_key, max_key] = scale_keys(key);
        let items = (1..=10u8).map(|k| {
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
            el("div")
                .class("parents-scale-item")
                .child(radio(&id, &base, &value, ptr, Value::from(k)))
                .child(
                    el("label")
                        .attr("for", &id)
                        .text(&value)
                        .child_opt(end.map(|e| {
                            el("span")
                                .class("visually-hidden")
                                .text(" ")
                                .text_dyn(move || end_label_rest(t(lang.get(), e)))
                        })),
                )
        });
        let fieldset = described_by(el("fieldset"), &base, problem)
            .child(
                el("legend")
                    .class("parents-legend-heading")
                    .child(step_title().tr(question)),
            )
            .child(
                el("p")
                    .class("hint")
                    .id(&format!("{base}-hint"))
                    .text_dyn(move || {
                        let l = lang.get();
                        tf(
                            l,
                            "questionnaire.scale.hint",
                            &[("min", t(l, min_key)), ("max", t(l, max_key))],
                        )
                    }),
            )
            .view(inline_error(lang, format!("{base}-error"), problem))
            .child(el("div").class("parents-scale").children(items))
            .child(
                el("div")
                    .class("parents-scale-ends")
                    .attr("aria-hidden", "true")
                    .child(el("span").tr(min_key))
                    .child(el("span").tr(max_key)),
            );
        question_group(problem).child(fieldset).into()
    })
}

/// "1 – not at all important" → "– not at all important" (the number is the label).
fn end_label_rest(text: &str) -> String {
    text.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim()
        .to_string()
}

/// Every goal's answers with a "Change" link to each question's page.
fn check_answers(nav: Callback<(Page, bool)>) -> View {
    component(move || {
        let ctx = use_case();
        let goal_list = Memo::new(move |_| ctx.case.with(|c| exchange::goals(c).to_vec()));
        let add_another = move |_| {
            let mut index = None;
            ctx.update(|c| index = exchange::add_goal(c));
            if let Some(goal) = index {
                nav.run((Page::Question { goal, q: 0 }, false));
            }
        };
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("parents-check")
            .child(step_title().tr("questionnaire.check.title"))
            .dyn_view(move || {
                let mut view = View::empty();
                for (i, g) in goal_list.get().iter().enumerate() {
                    view.push(goal_n(el("h2"), i));
                    view.push(
                        el("dl")
                            .class("parents-summary")
                            .children((0..QUESTIONS.len()).map(|q| summary_row(i, q, g, nav))),
                    );
                }
                view
            })
            .child(
                el("div")
                    .class("step-actions")
                    .child(
                        button("button button-secondary")
                            .id("check-add-another")
                            .on("click", add_another)
                            .tr("questionnaire.add_another"),
                    )
                    .child(
                        button("button button-primary")
                            .id("check-done")
                            .on("click", move |_| nav.run((Page::Overview, false)))
                            .tr("questionnaire.check.done"),
                    ),
            )
            .into()
    })
}

/// One answer on "Check your answers": the question, the answer and its "Change" link.
fn summary_row(i: usize, q: usize, g: &Value, nav: Callback<(Page, bool)>) -> El {
    let lang = use_app().lang;
    let key = QUESTIONS[q];
    let label = CHECK_LABELS[q];
    let raw = text_of(g.get(key));
    let n = (i + 1).to_string();
    el("div")
        .class("parents-summary-row")
        .child(el("dt").tr(label))
        .child(el("dd").text_dyn(move || {
            let l = lang.get();
            if raw.trim().is_empty() {
                t(l, "questionnaire.not_answered").to_string()
            } else if key == "lifeDomain" {
                domain_name(l, &raw)
            } else {
                raw.clone()
            }
        }))
        .child(
            el("dd").class("parents-summary-action").child(
                el("a")
                    .attr("href", "#step-title")
                    .id(&format!("change-{i}-{key}"))
                    .on("click", move |ev| {
                        ev.prevent_default();
                        nav.run((Page::Question { goal: i, q }, true));
                    })
                    .tr("questionnaire.change")
                    .child(
                        el("span")
                            .class("visually-hidden")
                            .text(" ")
                            .text_dyn(move || {
                                let l = lang.get();
                                tf(
                                    l,
                                    "questionnaire.change_what",
                                    &[("what", t(l, label)), ("n", &n)],
                                )
                            }),
                    ),
            ),
        )
}
