//! The team's goals, in two groups (long-term, short-term): each with its term, text,
//! links to the parents' goals, the five GAS level descriptions, baseline, weight and
//! (at the review) the attained level; the GAS T-scores of the goals so far.

use super::team::{inline_problems, within_except};
use crate::draft::{field_id, remove_at, set_at, text_of, FieldKind};
use crate::i18n::Lang;
use crate::i18n::{t, tf};
use crate::team_edit::{self, GAS_LEVELS};
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_summary, error_text, problem_text, step_actions, Field, Select};
use crate::ui::prelude::*;
use crate::ui::workspace::{use_case, Step};
use serde_json::Value;

fn level_key(level: i64) -> &'static str {
    match level {
        -2 => "goals.level.m2",
        -1 => "goals.level.m1",
        0 => "goals.level.0",
        1 => "goals.level.p1",
        _ => "goals.level.p2",
    }
}

/// The goals step's screen.
pub fn goals_step() -> View {
    component(|| {
        let ctx = use_case();
        // Level descriptions in −2…+2 order (adds any missing), so each level has its field.
        let mut value = ctx.case.get_untracked();
        if team_edit::normalise_all_levels(&mut value) {
            ctx.case.set(value);
        }
        let long = Memo::new(move |_| ctx.case.with(|c| team_edit::goals_of_term(c, "long")));
        let short = Memo::new(move |_| ctx.case.with(|c| team_edit::goals_of_term(c, "short")));
        el("section")
            .attr("aria-labelledby", "step-title")
            .view(error_summary(Step::Goals.scope()))
            .child(el("h1").id("step-title").tr("step.goals"))
            .child(el("p").class("lead").tr("goals.lead"))
            .view(inline_problems(|p| p == "/goals"))
            .view(gas_summary())
            .child(goal_group("long", long))
            .child(goal_group("short", short))
            .view(step_actions(Step::Goals))
            .into()
    })
}

/// The GAS T-scores of the baselines and of the goals with an attained level.
fn gas_summary() -> View {
    component(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let gas = Memo::new(move |_| ctx.case.with(team_edit::gas_view));
        dyn_view(move || {
            let view = gas.get();
            let Some(baseline) = view.baseline else {
                return View::empty();
            };
            let lang = lang.get();
            let fmt = |v| team_edit::format_score(lang == Lang::Lv, v);
            let attained = match view.attained {
                Some(a) => tf(
                    lang,
                    "goals.gas.attained",
                    &[
                        ("count", &a.goals.to_string()),
                        ("total", &view.total.to_string()),
                        ("unweighted", &fmt(a.unweighted)),
                        ("weighted", &fmt(a.weighted)),
                    ],
                ),
                None => t(lang, "goals.gas.no_attained").to_string(),
            };
            el("section")
                .class("gas-summary")
                .attr("aria-labelledby", "gas-title")
                .child(el("h2").id("gas-title").text(t(lang, "goals.gas.title")))
                .child(el("p").text(&tf(
                    lang,
                    "goals.gas.baseline",
                    &[
                        ("count", &baseline.goals.to_string()),
                        ("unweighted", &fmt(baseline.unweighted)),
                        ("weighted", &fmt(baseline.weighted)),
                    ],
                )))
                .child(el("p").text(&attained))
                .child(el("p").class("hint").text(t(lang, "goals.gas.explain")))
                .into()
        })
    })
}

/// One group of goals (long- or short-term) with its "Add" button.
fn goal_group(term: &'static str, goals: Memo<Vec<usize>>) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let (title_key, add_key) = if term == "long" {
            ("goals.long.title", "goals.add_long")
        } else {
            ("goals.short.title", "goals.add_short")
        };
        let title_id = format!("goals-{term}-title");
        let add_id = format!("add-goal-{term}");
        let add = move |_| {
            let mut added = None;
            ctx.update(|c| added = team_edit::add_goal(c, term));
            if let Some(i) = added {
                focus_id_later(&field_id(&format!("/goals/{i}/text")));
            }
        };
        el("section")
            .class("goal-group")
            .attr("aria-labelledby", &title_id)
            .child(el("h2").id(&title_id).tr(title_key))
            .dyn_view(move || {
                let list = goals.get();
                if list.is_empty() {
                    el("p")
                        .class("empty")
                        .text(t(lang.get(), "goals.none"))
                        .into()
                } else {
                    list.into_iter().map(|i| goal_card(i, term)).collect()
                }
            })
            .child(
                button("button button-secondary")
                    .id(&add_id)
                    .on("click", add)
                    .tr(add_key),
            )
    })
}

/// One goal. `term` names the group it is shown in, whose "Add" button takes the focus
/// when the goal is deleted.
fn goal_card(index: usize, term: &'static str) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let i = index;
        let base = format!("/goals/{i}");
        let goal_id = Memo::new(move |_| {
            ctx.case
                .with(|c| text_of(c.pointer(&format!("/goals/{i}/id"))))
        });
        let title_id = format!("goal-{i}-title");
        let confirming = RwSignal::new(false);
        let remove = move |_| {
            confirming.set(false);
            ctx.update(|c| {
                remove_at(c, "/goals", i);
            });
            focus_id_later(&format!("add-goal-{term}"));
        };
        let no_id = format!("goal-{i}-remove-no");
        let remove_id = format!("goal-{i}-remove");

        // Own fields show their problems; the rest is listed at the top of the card.
        let own: Vec<String> = [
            "term",
            "text",
            "parentGoals",
            "levels",
            "baseline",
            "weight",
            "attained",
        ]
        .iter()
        .map(|f| format!("{base}/{f}"))
        .collect();
        let base_for_card = base.clone();
        let levels_hint_id = format!("goal-{i}-levels-hint");
        let level_problems = {
            let levels = format!("{base}/levels");
            let skip: Vec<String> = (0..5).map(|k| format!("{levels}/{k}/text")).collect();
            inline_problems(move |p| within_except(p, &levels, &skip))
        };
        let baseline_options = Signal::derive(move || {
            let l = lang.get();
            vec![
                ("-2".to_string(), t(l, "goals.level.m2").to_string()),
                ("-1".to_string(), t(l, "goals.level.m1").to_string()),
            ]
        });

        el("section")
            .class("goal-card")
            .attr("aria-labelledby", &title_id)
            .child(
                el("h3").id(&title_id).text_dyn(move || {
                    tf(lang.get(), "goals.goal_heading", &[("id", &goal_id.get())])
                }),
            )
            .view(inline_problems(move |p| {
                within_except(p, &base_for_card, &own)
            }))
            .child(term_choice(i))
            .child(
                Field::new(format!("{base}/text"), "goals.text")
                    .hint("goals.text.hint")
                    .multiline()
                    .view(),
            )
            .child(parent_links(i))
            .child(
                el("fieldset")
                    .class("gas-levels")
                    .attr("aria-describedby", &levels_hint_id)
                    .child(el("legend").tr("goals.levels.legend"))
                    .child(
                        el("p")
                            .class("hint")
                            .id(&levels_hint_id)
                            .tr("goals.levels.hint"),
                    )
                    .view(level_problems)
                    .children(GAS_LEVELS.iter().enumerate().map(|(k, level)| {
                        Field::new(format!("{base}/levels/{k}/text"), level_key(*level)).view()
                    })),
            )
            .child(
                el("div")
                    .class("goal-numbers")
                    .child(
                        Select::new(
                            format!("{base}/baseline"),
                            "goals.baseline",
                            baseline_options,
                        )
                        .hint("goals.baseline.hint")
                        .numeric()
                        .view(),
                    )
                    .child(
                        Field::new(format!("{base}/weight"), "goals.weight")
                            .hint("goals.weight.hint")
                            .kind(FieldKind::Integer)
                            .inputmode("numeric")
                            .narrow()
                            .view(),
                    )
                    .child(attained_select(i)),
            )
            .dyn_view(move || {
                if confirming.get() {
                    let lang = lang.get();
                    el("div")
                        .class("confirm")
                        .attr("role", "group")
                        .attr_tr("aria-label", "goals.remove.confirm_label")
                        .child(el("p").text(&tf(
                            lang,
                            "goals.remove.confirm",
                            &[("id", &goal_id.get())],
                        )))
                        .child(
                            button("button button-warning")
                                .on("click", remove)
                                .text(t(lang, "goals.remove.yes")),
                        )
                        .child(
                            button("button button-secondary")
                                .id(&no_id)
                                .on("click", move |_| {
                                    confirming.set(false);
                                    focus_id_later(&format!("goal-{i}-remove"));
                                })
                                .text(t(lang, "goals.remove.no")),
                        )
                        .into()
                } else {
                    button("button button-secondary")
                        .id(&remove_id)
                        .on("click", move |_| {
                            confirming.set(true);
                            focus_id_later(&format!("goal-{i}-remove-no"));
                        })
                        .text_dyn(move || tf(lang.get(), "goals.remove", &[("id", &goal_id.get())]))
                        .into()
                }
            })
    })
}

/// Long- or short-term, as two radios.
fn term_choice(index: usize) -> El {
    untrack(move || {
        let ctx = use_case();
        let path = format!("/goals/{index}/term");
        let first_id = field_id(&path);
        let current = {
            let path = path.clone();
            Memo::new(move |_| ctx.case.with(|c| text_of(c.pointer(&path))))
        };
        let name = format!("goal-{index}-term");
        let path = StoredValue::new(path);
        let radios = [("long", "goals.term.long"), ("short", "goals.term.short")]
            .into_iter()
            .enumerate()
            .map(|(n, (value, key))| {
                let id = if n == 0 {
                    first_id.clone()
                } else {
                    format!("{first_id}-{value}")
                };
                let id_for_focus = id.clone();
                el("div")
                    .class("team-choice")
                    .child(
                        el("input")
                            .attr("type", "radio")
                            .class("team-radio")
                            .id(&id)
                            .attr("name", &name)
                            .attr("value", value)
                            .prop_bool("checked", move || current.get() == value)
                            .on("change", move |_| {
                                ctx.update(|c| {
                                    set_at(c, &path.get_value(), Value::String(value.to_string()));
                                });
                                // The goal moves to the other group: keep focus on its radio.
                                focus_id_later(&id_for_focus);
                            }),
                    )
                    .child(el("label").attr("for", &id).tr(key))
            });
        let term_path = path.get_value();
        el("fieldset")
            .class("goal-term")
            .child(el("legend").tr("goals.term"))
            .view(inline_problems(move |p| p == term_path))
            .child(el("div").class("inline-choices").children(radios))
    })
}

/// Checkboxes linking the goal to the parents' goals of the questionnaire (by their
/// text); a link to a goal that is not in the questionnaire is shown so it can be removed.
fn parent_links(index: usize) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let parents = Memo::new(move |_| ctx.case.with(team_edit::parent_goals));
        let links = Memo::new(move |_| {
            ctx.case.with(|c| {
                c.pointer(&format!("/goals/{index}/parentGoals"))
                    .and_then(Value::as_array)
                    .map(|l| l.iter().map(|v| text_of(Some(v))).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        let hint_id = format!("goal-{index}-parents-hint");
        let toggle = move |parent: &str, linked: bool| {
            ctx.update(|c| {
                team_edit::set_parent_link(c, index, parent, linked);
            });
        };
        let known = move || {
            parents
                .get()
                .into_iter()
                .enumerate()
                .map(|(k, (id, text))| {
                    let box_id = format!("goal-{index}-pg-{k}");
                    let label = if text.is_empty() {
                        tf(lang.get(), "goals.parents.untitled", &[("id", &id)])
                    } else {
                        text
                    };
                    let id_for_change = id.clone();
                    let input = checkbox(&box_id)
                        .prop_bool("checked", move || links.with(|l| l.contains(&id)))
                        .on("change", move |ev| {
                            toggle(&id_for_change, target_checked(&ev))
                        });
                    choice(input, &box_id, &label)
                })
                .collect()
        };
        let fieldset_id = format!("goal-{index}-parents");
        // A stale link's checkbox goes away when it is unticked: focus moves to the next
        // stale one (or the one before, the last link to a known goal, or the group).
        let focus_after_unlink = {
            let fieldset_id = fieldset_id.clone();
            move |ordinal: usize| {
                // The memos read the case as it is after the change.
                let stale = parents.with_untracked(|p| links.with_untracked(|l| stale_links(p, l)));
                let known = parents.with_untracked(Vec::len);
                let target = match stale
                    .get(ordinal)
                    .or(ordinal.checked_sub(1).and_then(|o| stale.get(o)))
                {
                    Some((k, _)) => field_id(&format!("/goals/{index}/parentGoals/{k}")),
                    None if known > 0 => format!("goal-{index}-pg-{}", known - 1),
                    None => fieldset_id.clone(),
                };
                focus_id_later(&target);
            }
        };
        let unknown = move || {
            parents
                .with(|p| links.with(|l| stale_links(p, l)))
                .into_iter()
                .enumerate()
                .map(|(ordinal, (k, id))| {
                    let box_id = field_id(&format!("/goals/{index}/parentGoals/{k}"));
                    let label = tf(lang.get(), "goals.parents.unknown", &[("id", &id)]);
                    let focus_after_unlink = focus_after_unlink.clone();
                    let input =
                        checkbox(&box_id)
                            .prop_bool("checked", || true)
                            .on("change", move |ev| {
                                let linked = target_checked(&ev);
                                toggle(&id, linked);
                                if !linked {
                                    focus_after_unlink(ordinal);
                                }
                            });
                    choice(input, &box_id, &label)
                })
                .collect()
        };
        let base = format!("/goals/{index}/parentGoals");
        el("fieldset")
            .class("goal-parents")
            .id(&fieldset_id)
            .attr("tabindex", "-1")
            .attr("aria-describedby", &hint_id)
            .child(el("legend").tr("goals.parents.legend"))
            .child(el("p").class("hint").id(&hint_id).tr("goals.parents.hint"))
            .view(inline_problems(move |p| {
                crate::draft::path_is_within(p, &base)
            }))
            .dyn_view(move || {
                parents
                    .with(Vec::is_empty)
                    .then(|| {
                        el("p")
                            .class("empty")
                            .text(t(lang.get(), "goals.parents.none"))
                    })
                    .into()
            })
            .dyn_view(known)
            .dyn_view(unknown)
    })
}

/// A goal's links to parents' goals the questionnaire no longer has: (position, id).
fn stale_links(parents: &[(String, String)], links: &[String]) -> Vec<(usize, String)> {
    links
        .iter()
        .enumerate()
        .filter(|(_, l)| !parents.iter().any(|(id, _)| id == *l))
        .map(|(k, l)| (k, l.clone()))
        .collect()
}

/// A checkbox for a link to a parents' goal (its `checked` and change handler bound by
/// the caller).
fn checkbox(box_id: &str) -> El {
    el("input")
        .attr("type", "checkbox")
        .class("team-checkbox")
        .id(box_id)
}

/// A choice: its control, then the control's label.
fn choice(control: El, control_id: &str, label: &str) -> El {
    el("div")
        .class("team-choice")
        .child(control)
        .child(el("label").attr("for", control_id).text(label))
}

/// The attained level: optional, so "not reviewed yet" removes it (a `null`, which the
/// engine reads as absent) instead of storing an empty text.
fn attained_select(index: usize) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let path = format!("/goals/{index}/attained");
        let id = field_id(&path);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let current = {
            let path = path.clone();
            Memo::new(move |_| ctx.case.with(|c| text_of(c.pointer(&path))))
        };
        let problem = {
            let path = path.clone();
            Memo::new(move |_| {
                if !ctx.show_errors.get() {
                    return None;
                }
                ctx.problems
                    .with(|all| all.iter().find(|p| p.path == path).cloned())
            })
        };
        let on_change = move |ev: web_sys::Event| {
            let text = target_value(&ev);
            let value = text.parse::<i64>().map(Value::from).unwrap_or(Value::Null);
            ctx.update(|c| {
                set_at(c, &path, value);
            });
        };
        let described_by = {
            let hint_id = hint_id.clone();
            let error_id = error_id.clone();
            move || {
                Some(if problem.get().is_some() {
                    format!("{hint_id} {error_id}")
                } else {
                    hint_id.clone()
                })
            }
        };
        let options = GAS_LEVELS.iter().map(|level| {
            let value = level.to_string();
            let for_selected = value.clone();
            el("option")
                .attr("value", &value)
                .prop_bool("selected", move || current.get() == for_selected)
                .tr(level_key(*level))
        });
        el("div")
            .class("form-group")
            .class_when("form-group-error", move || problem.get().is_some())
            .child(
                el("label")
                    .class("label")
                    .attr("for", &id)
                    .tr("goals.attained"),
            )
            .child(el("p").class("hint").id(&hint_id).tr("goals.attained.hint"))
            .dyn_view(move || {
                problem
                    .get()
                    .map(|p| {
                        let lang = lang.get();
                        error_text(
                            el("p").class("error-message").id(&error_id),
                            lang,
                            &problem_text(lang, &p),
                        )
                    })
                    .into()
            })
            .child(
                el("select")
                    .id(&id)
                    .class("select")
                    .attr_dyn("aria-describedby", described_by)
                    .attr_dyn("aria-invalid", move || {
                        problem.get().is_some().then(|| "true".to_string())
                    })
                    .on("change", on_change)
                    .child(
                        el("option")
                            .attr("value", "")
                            .prop_bool("selected", move || current.get().is_empty())
                            .tr("goals.attained.none"),
                    )
                    .children(options),
            )
    })
}
