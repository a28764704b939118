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
use crate::ui::fields::{problem_text, ErrorSummary, Field, Select, StepActions};
use crate::ui::workspace::{use_case, Step};
use leptos::prelude::*;
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
            <ErrorSummary scope=Step::Goals.scope()/>
            <h1 id="step-title">{crate::ui::app::tr("step.goals")}</h1>
            <p class="lead">{crate::ui::app::tr("goals.lead")}</p>
            {inline_problems(|p| p == "/goals")}
            <GasSummary/>
            <GoalGroup term="long" goals=long/>
            <GoalGroup term="short" goals=short/>
            <StepActions step=Step::Goals/>
        </section>
    }
}

/// The GAS T-scores of the baselines and of the goals with an attained level.
#[component]
fn GasSummary() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let gas = Memo::new(move |_| ctx.case.with(team_edit::gas_view));
    let fmt = move |v| team_edit::format_score(lang.get() == Lang::Lv, v);
    view! {
        {move || {
            let view = gas.get();
            view.baseline.map(|baseline| view! {
                <section class="gas-summary" aria-labelledby="gas-title">
                    <h2 id="gas-title">{t(lang.get(), "goals.gas.title")}</h2>
                    <p>{tf(lang.get(), "goals.gas.baseline", &[
                        ("count", &baseline.goals.to_string()),
                        ("unweighted", &fmt(baseline.unweighted)),
                        ("weighted", &fmt(baseline.weighted)),
                    ])}</p>
                    <p>{match view.attained {
                        Some(a) => tf(lang.get(), "goals.gas.attained", &[
                            ("count", &a.goals.to_string()),
                            ("total", &view.total.to_string()),
                            ("unweighted", &fmt(a.unweighted)),
                            ("weighted", &fmt(a.weighted)),
                        ]),
                        None => t(lang.get(), "goals.gas.no_attained").to_string(),
                    }}</p>
                    <p class="hint">{t(lang.get(), "goals.gas.explain")}</p>
                </section>
            })
        }}
    }
}

/// One group of goals (long- or short-term) with its "Add" button.
#[component]
fn GoalGroup(term: &'static str, goals: Memo<Vec<usize>>) -> impl IntoView {
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
        <section class="goal-group" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{move || t(lang.get(), title_key)}</h2>
            {move || {
                let list = goals.get();
                if list.is_empty() {
                    view! { <p class="empty">{t(lang.get(), "goals.none")}</p> }.into_any()
                } else {
                    list.into_iter().map(|i| view! { <GoalCard index=i add_id=add_id_for(term)/> }).collect_view().into_any()
                }
            }}
            <button type="button" class="button button-secondary" id=add_id on:click=add>
                {move || t(lang.get(), add_key)}
            </button>
        </section>
    }
}

fn add_id_for(term: &str) -> String {
    format!("add-goal-{term}")
}

/// One goal.
#[component]
fn GoalCard(index: usize, add_id: String) -> impl IntoView {
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
    let add_id = StoredValue::new(add_id);
    let remove = move |_| {
        confirming.set(false);
        ctx.update(|c| {
            remove_at(c, "/goals", i);
        });
        focus_id_later(&add_id.get_value());
    };
    let no_id = format!("goal-{i}-remove-no");
    let remove_id = format!("goal-{i}-remove");
    let remove_id_for_cancel = StoredValue::new(remove_id.clone());
    let no_id_for_open = StoredValue::new(no_id.clone());

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

    view! {
        <section class="goal-card" aria-labelledby=title_id.clone()>
            <h3 id=title_id.clone()>{move || tf(lang.get(), "goals.goal_heading", &[("id", &goal_id.get())])}</h3>
            {inline_problems(move |p| within_except(p, &base_for_card, &own))}
            <TermChoice index=i/>
            <Field path=format!("{base}/text") label="goals.text" hint="goals.text.hint" multiline=true/>
            <ParentLinks index=i/>
            <fieldset class="gas-levels" aria-describedby=format!("goal-{i}-levels-hint")>
                <legend>{crate::ui::app::tr("goals.levels.legend")}</legend>
                <p class="hint" id=format!("goal-{i}-levels-hint")>{crate::ui::app::tr("goals.levels.hint")}</p>
                {
                    let levels = format!("{base}/levels");
                    let skip: Vec<String> = (0..5).map(|k| format!("{levels}/{k}/text")).collect();
                    inline_problems(move |p| within_except(p, &levels, &skip))
                }
                {GAS_LEVELS.iter().enumerate().map(|(k, level)| view! {
                    <Field path=format!("{base}/levels/{k}/text") label=level_key(*level)/>
                }).collect_view()}
            </fieldset>
            <div class="goal-numbers">
                <Select path=format!("{base}/baseline") label="goals.baseline" hint="goals.baseline.hint" numeric=true
                    options=Signal::derive(move || {
                        let l = lang.get();
                        vec![("-2".to_string(), t(l, "goals.level.m2").to_string()), ("-1".to_string(), t(l, "goals.level.m1").to_string())]
                    })/>
                <Field path=format!("{base}/weight") label="goals.weight" hint="goals.weight.hint"
                    kind=FieldKind::Integer inputmode="numeric" narrow=true/>
                <AttainedSelect index=i/>
            </div>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="group" aria-label=crate::ui::app::tr("goals.remove.confirm_label")>
                        <p>{tf(lang.get(), "goals.remove.confirm", &[("id", &goal_id.get())])}</p>
                        <button type="button" class="button button-warning" on:click=remove>
                            {t(lang.get(), "goals.remove.yes")}
                        </button>
                        <button type="button" class="button button-secondary" id=no_id.clone()
                            on:click=move |_| {
                                confirming.set(false);
                                focus_id_later(&remove_id_for_cancel.get_value());
                            }>
                            {t(lang.get(), "goals.remove.no")}
                        </button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button button-secondary" id=remove_id.clone()
                        on:click=move |_| {
                            confirming.set(true);
                            focus_id_later(&no_id_for_open.get_value());
                        }>
                        {move || tf(lang.get(), "goals.remove", &[("id", &goal_id.get())])}
                    </button>
                }.into_any()
            }}
        </section>
    }
}

/// Long- or short-term, as two radios.
#[component]
fn TermChoice(index: usize) -> impl IntoView {
    let lang = use_app().lang;
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
            let id = if n == 0 { first_id.clone() } else { format!("{first_id}-{value}") };
            let id_for_focus = StoredValue::new(id.clone());
            view! {
                <div class="team-choice">
                    <input type="radio" class="team-radio" id=id.clone() name=name.clone() value=value
                        prop:checked=move || current.get() == value
                        on:change=move |_| {
                            ctx.update(|c| {
                                set_at(c, &path.get_value(), Value::String(value.to_string()));
                            });
                            // The goal moves to the other group: keep focus on its radio.
                            focus_id_later(&id_for_focus.get_value());
                        }/>
                    <label for=id>{move || t(lang.get(), key)}</label>
                </div>
            }
        })
        .collect_view();
    let term_path = path.get_value();
    view! {
        <fieldset class="goal-term">
            <legend>{crate::ui::app::tr("goals.term")}</legend>
            {inline_problems(move |p| p == term_path)}
            <div class="inline-choices">{radios}</div>
        </fieldset>
    }
}

/// Checkboxes linking the goal to the parents' goals of the questionnaire (by their
/// text); a link to a goal that is not in the questionnaire is shown so it can be removed.
#[component]
fn ParentLinks(index: usize) -> impl IntoView {
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
    let toggle = move |parent: String, linked: bool| {
        ctx.update(|c| {
            team_edit::set_parent_link(c, index, &parent, linked);
        });
    };
    let known = move || {
        parents
            .get()
            .into_iter()
            .enumerate()
            .map(|(k, (id, text))| {
                let box_id = format!("goal-{index}-pg-{k}");
                let id_for_check = id.clone();
                let id_for_change = id.clone();
                let label = if text.is_empty() {
                    tf(lang.get(), "goals.parents.untitled", &[("id", &id)])
                } else {
                    text
                };
                view! {
                    <div class="team-choice">
                        <input type="checkbox" class="team-checkbox" id=box_id.clone()
                            prop:checked=move || links.with(|l| l.contains(&id_for_check))
                            on:change=move |ev| toggle(id_for_change.clone(), event_target_checked(&ev))/>
                        <label for=box_id>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let unknown = move || {
        let known_ids: Vec<String> = parents.get().into_iter().map(|(id, _)| id).collect();
        links
            .get()
            .into_iter()
            .enumerate()
            .filter(|(_, l)| !known_ids.contains(l))
            .map(|(k, id)| {
                let box_id = field_id(&format!("/goals/{index}/parentGoals/{k}"));
                let id_for_change = id.clone();
                view! {
                    <div class="team-choice">
                        <input type="checkbox" class="team-checkbox" id=box_id.clone() prop:checked=true
                            on:change=move |ev| toggle(id_for_change.clone(), event_target_checked(&ev))/>
                        <label for=box_id>{tf(lang.get(), "goals.parents.unknown", &[("id", &id)])}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let base = format!("/goals/{index}/parentGoals");
    view! {
        <fieldset class="goal-parents" aria-describedby=hint_id.clone()>
            <legend>{crate::ui::app::tr("goals.parents.legend")}</legend>
            <p class="hint" id=hint_id.clone()>{crate::ui::app::tr("goals.parents.hint")}</p>
            {inline_problems(move |p| crate::draft::path_is_within(p, &base))}
            {move || parents.with(Vec::is_empty).then(|| view! { <p class="empty">{t(lang.get(), "goals.parents.none")}</p> })}
            {known}
            {unknown}
        </fieldset>
    }
}

/// The attained level: optional, so "not reviewed yet" removes it (a `null`, which the
/// engine reads as absent) instead of storing an empty text.
#[component]
fn AttainedSelect(index: usize) -> impl IntoView {
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
    let path = StoredValue::new(path);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = text.parse::<i64>().map(Value::from).unwrap_or(Value::Null);
        ctx.update(|c| {
            set_at(c, &path.get_value(), value);
        });
    };
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || -> String {
            if problem.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="form-group" class:form-group-error=move || problem.get().is_some()>
            <label class="label" for=id.clone()>{crate::ui::app::tr("goals.attained")}</label>
            <p class="hint" id=hint_id.clone()>{crate::ui::app::tr("goals.attained.hint")}</p>
            {move || problem.get().map(|p| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{t(lang.get(), "form.error_prefix")}" "</span>
                    {problem_text(lang.get(), &p)}
                </p>
            })}
            <select id=id class="select" aria-describedby=described_by
                aria-invalid=move || problem.get().is_some().then_some("true")
                on:change=on_change>
                <option value="" prop:selected=move || current.get().is_empty()>{crate::ui::app::tr("goals.attained.none")}</option>
                {GAS_LEVELS.iter().map(|level| {
                    let value = level.to_string();
                    let for_selected = value.clone();
                    view! {
                        <option value=value prop:selected=move || current.get() == for_selected>
                            {move || t(lang.get(), level_key(*level))}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
