//! The team's goals, in two groups (long-term, short-term): each with its term, text,
//! links to the parents' goals, the five GAS level descriptions, baseline, weight and
//! (at the review) the attained level; the GAS T-scores of the goals so far.

use super::team::{inline_problems, within_except};
use crate::draft::{field_id, remove_at, text_of, FieldKind};
use crate::i18n::Lang;
use crate::i18n::{t, tf};
use crate::team_edit::{self, GAS_LEVELS};
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{problem_at, problem_error, ErrorSummary, Field, Select, StepActions};
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
#[component]
pub fn GoalsStep() -> impl IntoView {
    let ctx = use_case();
    // Level descriptions in −2…+2 order (adds any missing), so each level has its field.
    let mut value = ctx.case.get_untracked();
    if team_edit::normalise_all_levels(&mut value) {
        ctx.case.set(value);
    }
    let long = Memo::new(move |_| ctx.case.with(|c| team_edit::goals_of_term(c, "long")));
    let short = Memo::new(move |_| ctx.case.with(|c| team_edit::goals_of_term(c, "short")));
    view! {
        <section aria-labelledby="step-title">
            <ErrorSummary scope=Step::Goals.scope() />
            <h1 id="step-title">{tr("step.goals")}</h1>
            <p class="lead">{tr("goals.lead")}</p>
            {inline_problems(|p| p == "/goals")}
            {gas_summary()}
            {goal_group("long", long)}
            {goal_group("short", short)}
            <StepActions step=Step::Goals />
        </section>
    }
}

/// The GAS T-scores of the baselines and of the goals with an attained level.
fn gas_summary() -> AnyView {
    untrack(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let gas = Memo::new(move |_| ctx.case.with(team_edit::gas_view));
        (move || {
            let view = gas.get();
            let baseline = view.baseline?;
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
            let baseline = tf(
                lang,
                "goals.gas.baseline",
                &[
                    ("count", &baseline.goals.to_string()),
                    ("unweighted", &fmt(baseline.unweighted)),
                    ("weighted", &fmt(baseline.weighted)),
                ],
            );
            Some(view! {
                <section class="gas-summary" aria-labelledby="gas-title">
                    <h2 id="gas-title">{t(lang, "goals.gas.title")}</h2>
                    <p>{baseline}</p>
                    <p>{attained}</p>
                    <p class="hint">{t(lang, "goals.gas.explain")}</p>
                </section>
            })
        })
        .into_any()
    })
}

/// One group of goals (long- or short-term) with its "Add" button.
fn goal_group(term: &'static str, goals: Memo<Vec<usize>>) -> AnyView {
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
        view! {
            <section class="goal-group" aria-labelledby=title_id>
                <h2 id=title_id.clone()>{tr(title_key)}</h2>
                {move || {
                    let list = goals.get();
                    if list.is_empty() {
                        view! { <p class="empty">{t(lang.get(), "goals.none")}</p> }.into_any()
                    } else {
                        list.into_iter().map(|i| goal_card(i, term)).collect_view().into_any()
                    }
                }}
                <button type="button" class="button button-secondary" id=add_id on:click=add>
                    {tr(add_key)}
                </button>
            </section>
        }
        .into_any()
    })
}

/// One goal. `term` names the group it is shown in, whose "Add" button takes the focus
/// when the goal is deleted.
fn goal_card(index: usize, term: &'static str) -> AnyView {
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
        let remove = move |_: leptos::ev::MouseEvent| {
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
        let level_fields = GAS_LEVELS
            .iter()
            .enumerate()
            .map(|(k, level)| {
                Field::new(format!("{base}/levels/{k}/text"), level_key(*level)).view()
            })
            .collect_view();

        view! {
            <section class="goal-card" aria-labelledby=title_id>
                <h3 id=title_id.clone()>
                    {move || tf(lang.get(), "goals.goal_heading", &[("id", &goal_id.get())])}
                </h3>
                {inline_problems(move |p| within_except(p, &base_for_card, &own))}
                {term_choice(i)}
                {Field::new(format!("{base}/text"), "goals.text")
                    .hint("goals.text.hint")
                    .multiline()
                    .view()}
                {parent_links(i)}
                <fieldset class="gas-levels" aria-describedby=levels_hint_id>
                    <legend>{tr("goals.levels.legend")}</legend>
                    <p class="hint" id=levels_hint_id.clone()>{tr("goals.levels.hint")}</p>
                    {level_problems}
                    {level_fields}
                </fieldset>
                <div class="goal-numbers">
                    {Select::new(format!("{base}/baseline"), "goals.baseline", baseline_options)
                        .hint("goals.baseline.hint")
                        .numeric()
                        .view()}
                    {Field::new(format!("{base}/weight"), "goals.weight")
                        .hint("goals.weight.hint")
                        .kind(FieldKind::Integer)
                        .inputmode("numeric")
                        .narrow()
                        .view()}
                    {attained_select(i)}
                </div>
                {move || {
                    if confirming.get() {
                        let lang = lang.get();
                        view! {
                            <div
                                class="confirm"
                                role="group"
                                aria-label=tr("goals.remove.confirm_label")
                            >
                                <p>{tf(lang, "goals.remove.confirm", &[("id", &goal_id.get())])}</p>
                                <button
                                    type="button"
                                    class="button button-warning"
                                    on:click=remove
                                >
                                    {t(lang, "goals.remove.yes")}
                                </button>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    id=no_id.clone()
                                    on:click=move |_| {
                                        confirming.set(false);
                                        focus_id_later(&format!("goal-{i}-remove"));
                                    }
                                >
                                    {t(lang, "goals.remove.no")}
                                </button>
                            </div>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                id=remove_id.clone()
                                on:click=move |_| {
                                    confirming.set(true);
                                    focus_id_later(&format!("goal-{i}-remove-no"));
                                }
                            >
                                {move || tf(lang.get(), "goals.remove", &[("id", &goal_id.get())])}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </section>
        }
        .into_any()
    })
}

/// Long- or short-term, as two radios.
fn term_choice(index: usize) -> AnyView {
    untrack(move || {
        let ctx = use_case();
        let path = format!("/goals/{index}/term");
        let first_id = field_id(&path);
        let current = {
            let path = path.clone();
            Memo::new(move |_| ctx.case.with(|c| text_of(c.pointer(&path))))
        };
        let name = format!("goal-{index}-term");
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
                let path = path.clone();
                view! {
                    <div class="team-choice">
                        <input
                            type="radio"
                            class="team-radio"
                            id=id.clone()
                            name=name.clone()
                            value=value
                            prop:checked=move || current.get() == value
                            on:change=move |_| {
                                ctx.set_at(&path, Value::String(value.to_string()));
                                // The goal moves to the other group: keep focus on its radio.
                                focus_id_later(&id_for_focus);
                            }
                        />
                        <label for=id>{tr(key)}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="goal-term">
                <legend>{tr("goals.term")}</legend>
                {inline_problems(move |p| p == path)}
                <div class="inline-choices">{radios}</div>
            </fieldset>
        }
        .into_any()
    })
}

/// Checkboxes linking the goal to the parents' goals of the questionnaire (by their
/// text); a link to a goal that is not in the questionnaire is shown so it can be removed.
fn parent_links(index: usize) -> AnyView {
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
                    let input = view! {
                        <input
                            type="checkbox"
                            class="team-checkbox"
                            id=box_id.clone()
                            prop:checked=move || links.with(|l| l.contains(&id))
                            on:change=move |ev| toggle(&id_for_change, event_target_checked(&ev))
                        />
                    }
                    .into_any();
                    choice(input, box_id, label)
                })
                .collect_view()
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
                    let input = view! {
                        <input
                            type="checkbox"
                            class="team-checkbox"
                            id=box_id.clone()
                            prop:checked=true
                            on:change=move |ev| {
                                let linked = event_target_checked(&ev);
                                toggle(&id, linked);
                                if !linked {
                                    focus_after_unlink(ordinal);
                                }
                            }
                        />
                    }
                    .into_any();
                    choice(input, box_id, label)
                })
                .collect_view()
        };
        let base = format!("/goals/{index}/parentGoals");
        view! {
            <fieldset
                class="goal-parents"
                id=fieldset_id
                tabindex="-1"
                aria-describedby=hint_id
            >
                <legend>{tr("goals.parents.legend")}</legend>
                <p class="hint" id=hint_id.clone()>{tr("goals.parents.hint")}</p>
                {inline_problems(move |p| crate::draft::path_is_within(p, &base))}
                {move || {
                    parents
                        .with(Vec::is_empty)
                        .then(|| {
                            view! { <p class="empty">{t(lang.get(), "goals.parents.none")}</p> }
                        })
                }}
                {known}
                {unknown}
            </fieldset>
        }
        .into_any()
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

/// A choice: its control, then the control's label.
fn choice(control: AnyView, control_id: String, label: String) -> AnyView {
    view! {
        <div class="team-choice">
            {control}
            <label for=control_id>{label}</label>
        </div>
    }
    .into_any()
}

/// The attained level: optional, so "not reviewed yet" removes it (a `null`, which the
/// engine reads as absent) instead of storing an empty text.
fn attained_select(index: usize) -> AnyView {
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
            Memo::new(move |_| problem_at(ctx, &path))
        };
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let value = text.parse::<i64>().map(Value::from).unwrap_or(Value::Null);
            ctx.set_at(&path, value);
        };
        let described_by = {
            let hint_id = hint_id.clone();
            let error_id = error_id.clone();
            move || {
                Some(if problem.with(Option::is_some) {
                    format!("{hint_id} {error_id}")
                } else {
                    hint_id.clone()
                })
            }
        };
        let options = GAS_LEVELS
            .iter()
            .map(|level| {
                let value = level.to_string();
                let for_selected = value.clone();
                view! {
                    <option value=value prop:selected=move || current.get() == for_selected>
                        {tr(level_key(*level))}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="form-group" class:form-group-error=move || problem.with(Option::is_some)>
                <label class="label" for=id.clone()>{tr("goals.attained")}</label>
                <p class="hint" id=hint_id>{tr("goals.attained.hint")}</p>
                {problem_error(lang, error_id, problem)}
                <select
                    id=id
                    class="select"
                    aria-describedby=described_by
                    aria-invalid=move || problem.with(Option::is_some).then_some("true")
                    on:change=on_change
                >
                    <option value="" prop:selected=move || current.get().is_empty()>
                        {tr("goals.attained.none")}
                    </option>
                    {options}
                </select>
            </div>
        }
        .into_any()
    })
}
