//! The parents' ranking: the experts' list of services shown in the parents' order, moved
//! up and down with buttons (keyboard-operable, no dragging). The order is kept as
//! `parentRank` on each service, the numbers 1..n once the parents ranked; until then it
//! is empty ("not ranked yet") and the list shows the experts' order. The team may record,
//! with a reason, that the parents chose to follow the experts' order instead. After the
//! experts change their list the order needs a look, naming the services, until the
//! parents confirm or re-rank. Each service shows the parents' goals it serves. The list
//! can be exchanged with parents who rank it on their own device (`ib-planner-ranking/1`).

use super::questionnaire::{exchange_error_text, file_import, import_confirm};
use crate::draft::field_id;
use crate::draft::text_of;
use crate::engine::problem::Problem;
use crate::engine::reference::Unit;
use crate::exchange::{self, ExchangeError, OrderStatus, RankingImport, ServedGoals};
use crate::i18n::{t, tf, Lang};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{error_summary_box, move_buttons, problem_line, Field, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{file_stem, reference, use_case, Step};
use leptos::ev::MouseEvent;
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Hour => "ranking.unit.hour",
        Unit::Session => "ranking.unit.session",
        Unit::Day => "ranking.unit.day",
        Unit::Day24 => "ranking.unit.day24",
        Unit::Month => "ranking.unit.month",
        Unit::Item => "ranking.unit.item",
    }
}

/// The service's name in `lang` and its unit's message key; the code when unknown.
fn service_label(lang: Lang, code: &str) -> (String, Option<&'static str>) {
    match reference().ok().and_then(|r| r.catalogue.service(code)) {
        Some(s) => (
            match lang {
                Lang::Lv => s.name.lv.clone(),
                Lang::En => s.name.en.clone(),
            },
            Some(unit_key(s.unit)),
        ),
        None => (code.to_string(), None),
    }
}

/// A weight such as "0.6" as a whole percentage ("60"), if it reads as a number.
fn percent(text: &str) -> Option<String> {
    let d = Decimal::from_str(text.trim()).ok()?;
    let p = d.checked_mul(Decimal::from(100))?;
    Some(p.normalize().to_string())
}

/// Whether a problem is about the parents' order (their ranks or `/parentsOrder`).
fn is_parent_rank_problem(p: &Problem) -> bool {
    p.path.ends_with("/parentRank")
        || crate::draft::path_is_within(&p.path, "/parentsOrder")
        || (p.path == "/services"
            && p.key == "problem.rank.not_permutation"
            && p.params
                .iter()
                .any(|(k, v)| k == "ranking" && v == "parent"))
}

/// Where the parents' order stands, from the case and its problems.
fn order_status_memo(ctx: crate::ui::workspace::CaseCtx) -> Memo<OrderStatus> {
    Memo::new(move |_| {
        ctx.case
            .with(|c| ctx.problems.with(|p| exchange::order_status(c, p)))
    })
}

/// The ranking step's screen.
#[component]
pub fn RankingStep() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let items = Memo::new(move |_| ctx.case.with(|c| exchange::services(c).to_vec()));
    let follow = Memo::new(move |_| ctx.case.with(|c| exchange::follow_experts(c).is_some()));
    let order = Memo::new(move |_| {
        let following = follow.get();
        items.with(|list| {
            if following {
                exchange::experts_order(list)
            } else {
                exchange::parents_order(list)
            }
        })
    });
    let complete = Memo::new(move |_| items.with(|list| exchange::parent_ranks_complete(list)));
    // The goals each service serves, by list index (typing elsewhere does not rebuild).
    let served = Memo::new(move |_| {
        ctx.case.with(|c| {
            exchange::services(c)
                .iter()
                .map(|s| exchange::served_goals(c, s))
                .collect::<Vec<_>>()
        })
    });
    let status = order_status_memo(ctx);
    let announcement = RwSignal::new(String::new());
    let problems = Memo::new(move |_| {
        if !ctx.show_errors.get() {
            return (Vec::new(), false);
        }
        let all = ctx.problems_within(Step::Ranking.scope());
        let others = all.iter().any(|p| !is_parent_rank_problem(p));
        let mine = all
            .into_iter()
            .filter(is_parent_rank_problem)
            .collect::<Vec<_>>();
        (mine, others)
    });
    let weights = move || {
        let l = lang.get();
        let (e, p) = ctx.case.with(|c| {
            (
                text_of(c.pointer("/settings/weights/expert")),
                text_of(c.pointer("/settings/weights/parent")),
            )
        });
        match (percent(&e), percent(&p)) {
            (Some(e), Some(p)) => tf(l, "ranking.weights", &[("expert", &e), ("parent", &p)]),
            _ => t(l, "ranking.weights_unset").to_string(),
        }
    };
    let on_move = Callback::new(move |(from, to): (usize, usize)| {
        let l = lang.get_untracked();
        let name = order.with_untracked(|o| {
            o.get(from)
                .and_then(|&i| {
                    items.with_untracked(|list| list.get(i).map(|s| text_of(s.get("code"))))
                })
                .map(|code| service_label(l, &code).0)
                .unwrap_or_default()
        });
        ctx.update(|c| {
            exchange::move_in_parents_order(c, from, to);
        });
        announcement.set(tf(
            l,
            "ranking.moved",
            &[("item", &name), ("n", &(to + 1).to_string())],
        ));
    });
    let start_from_experts = move |_: MouseEvent| {
        ctx.update(|c| {
            exchange::start_from_experts(c);
        });
        announcement.set(t(lang.get_untracked(), "ranking.started").to_string());
        browser::focus_id_later("ranking-list-title");
    };
    let confirm = move |_: MouseEvent| {
        ctx.update(|c| {
            exchange::confirm_parents_order(c);
        });
        announcement.set(t(lang.get_untracked(), "parents_order.confirmed").to_string());
        // The button goes with the notice: focus its region, which stays.
        browser::focus_id_later("parents-order-status");
    };
    let go_services = move |ev: MouseEvent| {
        ev.prevent_default();
        app.navigate(Screen::Case {
            id: ctx.id.get_value(),
            step: Step::Services,
        });
    };
    let error_summary = move || {
        let (mine, others) = problems.get();
        if mine.is_empty() && !others {
            return None;
        }
        let l = lang.get();
        let links = mine
            .into_iter()
            .map(|p| {
                // The reason field's problem links to the field; the order's to the list.
                // Each names its step and field, like every error summary.
                let target = if p.path.starts_with("/parentsOrder/followExperts") {
                    field_id(&p.path)
                } else {
                    "ranking-list-title".to_string()
                };
                let text = ctx.case.with_untracked(|c| problem_line(l, c, &p));
                view! {
                    <li>
                        <a
                            href=format!("#{target}")
                            on:click=move |ev| {
                                ev.prevent_default();
                                browser::focus_id(&target);
                            }
                        >
                            {text}
                        </a>
                    </li>
                }
            })
            .collect_view();
        let services_link = others.then(|| {
            // The case's id never changes while the step is open.
            let href = Screen::Case {
                id: ctx.id.get_value(),
                step: Step::Services,
            }
            .hash();
            view! {
                <li>
                    <a href=href on:click=go_services>
                        {t(l, "ranking.services_problems")}
                    </a>
                </li>
            }
        });
        Some(error_summary_box(
            l,
            view! { <ul>{links}{services_link}</ul> }.into_any(),
        ))
    };
    let state_notice = move || {
        let l = lang.get();
        match status.get() {
            OrderStatus::NoServices => ().into_any(),
            OrderStatus::NotRanked => view! {
                <div class="notice parents-notice parents-not-ranked">
                    <h2>{t(l, "parents_order.not_ranked.title")}</h2>
                    <p>{t(l, "parents_order.not_ranked.body")}</p>
                </div>
            }
            .into_any(),
            OrderStatus::NeedsLook(changes) => {
                let items = changes
                    .into_iter()
                    .map(|(code, change)| {
                        let name = service_label(l, &code).0;
                        view! { <li>{tf(l, change.key(), &[("name", &name)])}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="alert alert-warning parents-needs-look">
                        <h2>{t(l, "parents_order.needs_look.title")}</h2>
                        <p>{t(l, "parents_order.needs_look.body")}</p>
                        <ul class="parents-changes">{items}</ul>
                        <p>{t(l, "parents_order.needs_look.hint")}</p>
                        <button
                            type="button"
                            class="button button-secondary"
                            id="confirm-parents-order"
                            on:click=confirm
                        >
                            {t(l, "parents_order.confirm")}
                        </button>
                    </div>
                }
                .into_any()
            }
            OrderStatus::FollowExperts(_) => view! {
                <p class="notice parents-notice">{t(l, "parents_order.follow.recorded")}</p>
            }
            .into_any(),
            OrderStatus::Ranked => {
                let differs = complete.get()
                    && !items.with(|list| {
                        list.iter()
                            .all(|s| s.get("parentRank") == s.get("expertRank"))
                    });
                let reset = differs.then(|| {
                    view! {
                        <p class="parents-reset">
                            {t(l, "ranking.reset_hint")}
                            " "
                            <button
                                type="button"
                                class="button button-secondary button-small"
                                id="start-from-experts"
                                on:click=start_from_experts
                            >
                                {t(l, "ranking.start_from_experts")}
                            </button>
                        </p>
                    }
                });
                view! {
                    <p class="parents-ranked">{t(l, "parents_order.ranked")}</p>
                    {reset}
                }
                .into_any()
            }
        }
    };
    let list = move || {
        if items.with(Vec::is_empty) {
            return view! { <p class="empty">{t(lang.get(), "ranking.empty")}</p> }.into_any();
        }
        let l = lang.get();
        let following = follow.get();
        let list = items.get();
        let shown = order.get();
        let len = shown.len();
        let served = served.get();
        let rows = shown
            .into_iter()
            .enumerate()
            .filter_map(|(pos, i)| {
                let s = list.get(i)?;
                let n = list.len();
                let has_rank = following
                    || s.get("parentRank")
                        .and_then(Value::as_u64)
                        .is_some_and(|k| k >= 1 && (k as usize) <= n);
                let goals = served.get(i).cloned().unwrap_or_default();
                Some(rank_item(pos, len, s, has_rank, !following, goals, on_move))
            })
            .collect_view();
        view! {
            <h2 id="ranking-list-title" tabindex="-1">
                {t(l, "ranking.list_title")}
            </h2>
            {(!following).then(|| view! { <p class="hint">{t(l, "ranking.list_hint")}</p> })}
            <ol class="parents-rank-list" aria-labelledby="ranking-list-title">
                {rows}
            </ol>
        }
        .into_any()
    };
    let has_services = Memo::new(move |_| !items.with(Vec::is_empty));
    view! {
        <section aria-labelledby="step-title" class="parents-ranking">
            {error_summary}
            <h1 id="step-title" tabindex="-1">{tr("step.ranking")}</h1>
            <p class="lead">{tr("ranking.lead")}</p>
            <p>{weights}</p>
            <div id="parents-order-status" class="parents-order-status" tabindex="-1">
                {state_notice}
            </div>
            {move || has_services.get().then(|| view! { <HowSet follow /> })}
            {list}
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </p>
            <RankingExchange />
            <StepActions step=Step::Ranking />
        </section>
    }
}

/// How the parents' order is set: the parents rank, or the team records (with a reason)
/// that the parents chose to follow the experts' order.
#[component]
fn HowSet(follow: Memo<bool>) -> impl IntoView {
    let ctx = use_case();
    let choose = move |following: bool| {
        ctx.update(|c| {
            exchange::set_follow_experts(c, following);
        });
    };
    let reason = move || {
        follow.get().then(|| {
            Field::new(
                "/parentsOrder/followExperts/reason",
                "parents_order.follow.reason",
            )
            .hint("parents_order.follow.reason.hint")
            .multiline()
            .view()
        })
    };
    view! {
        <fieldset class="parents-how">
            <legend>{tr("parents_order.how.legend")}</legend>
            <div class="team-choice">
                <input
                    type="radio"
                    class="team-radio"
                    id="parents-how-rank"
                    name="parents-how"
                    prop:checked=move || !follow.get()
                    on:change=move |_| choose(false)
                />
                <label for="parents-how-rank">{tr("parents_order.how.rank")}</label>
            </div>
            <div class="team-choice">
                <input
                    type="radio"
                    class="team-radio"
                    id="parents-how-follow"
                    name="parents-how"
                    prop:checked=move || follow.get()
                    on:change=move |_| choose(true)
                />
                <label for="parents-how-follow">{tr("parents_order.how.follow")}</label>
            </div>
            {reason}
        </fieldset>
    }
}

/// One service in the parents' order: its place, name, quantity and the experts' place,
/// the parents' goals it serves, a note when the parents have not placed it, and the
/// move buttons (not while the parents follow the experts' order).
fn rank_item(
    pos: usize,
    len: usize,
    service: &Value,
    has_rank: bool,
    movable: bool,
    served: ServedGoals,
    on_move: Callback<(usize, usize)>,
) -> AnyView {
    let lang = use_app().lang;
    let code = text_of(service.get("code"));
    let quantity = text_of(service.get("quantity"));
    let expert = text_of(service.get("expertRank"));
    let code_for_label = code.clone();
    let item_label = Signal::derive(move || service_label(lang.get(), &code_for_label).0);
    let meta = move || {
        let l = lang.get();
        let unit = service_label(l, &code).1.map(|k| t(l, k)).unwrap_or("—");
        let expert = if expert.is_empty() { "—" } else { &expert };
        tf(
            l,
            "ranking.meta",
            &[("quantity", &quantity), ("unit", unit), ("expert", expert)],
        )
    };
    let goals = move || {
        let l = lang.get();
        if !served.parents.is_empty() {
            tf(
                l,
                "parents_order.goals",
                &[("goals", &served.parents.join("; "))],
            )
        } else if !served.team.is_empty() {
            tf(
                l,
                "parents_order.goals.team_only",
                &[("goals", &served.team.join(", "))],
            )
        } else {
            t(l, "parents_order.goals.none").to_string()
        }
    };
    view! {
        <li class="parents-rank-item">
            <span class="parents-rank-pos">{(pos + 1).to_string()} "."</span>
            <div class="parents-rank-body">
                <p class="parents-rank-name">{move || item_label.get()}</p>
                <p class="parents-rank-meta">{meta}</p>
                <p class="parents-rank-goals">{goals}</p>
                {(!has_rank)
                    .then(|| {
                        view! { <p class="parents-rank-unranked">{tr("ranking.unranked")}</p> }
                    })}
            </div>
            {movable.then(|| move_buttons(pos, len, item_label, "rank", on_move))}
        </li>
    }
    .into_any()
}

/// Export of the list for the parents and import of their ranking.
#[component]
fn RankingExchange() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let pending = RwSignal::new(None::<RankingImport>);
    let error = RwSignal::new(None::<ExchangeError>);
    let done = RwSignal::new(false);
    let export = move |_| {
        let Ok(reference) = reference() else {
            return;
        };
        let (text, stem) = ctx.case.with_untracked(|c| {
            (
                exchange::ranking_file(c, &reference.catalogue),
                file_stem(c, &ctx.id.get_value()),
            )
        });
        let _ = browser::download_text(&format!("{stem}-ranking.json"), "application/json", &text);
    };
    let on_text = Callback::new(move |result: Result<String, ExchangeError>| {
        done.set(false);
        let planned = result.and_then(|text| {
            let entries = exchange::read_ranking(&text)?;
            ctx.case
                .with_untracked(|c| exchange::plan_ranking_import(c, &entries))
        });
        match planned {
            Ok(import) => {
                error.set(None);
                pending.set(Some(import));
                browser::focus_id_later("ranking-import-preview");
            }
            Err(e) => {
                pending.set(None);
                error.set(Some(e));
                browser::focus_id_later("ranking-import-error");
            }
        }
    });
    let confirm = move |_: MouseEvent| {
        if let Some(import) = pending.get_untracked() {
            ctx.update(|c| {
                exchange::apply_ranking_import(c, &import);
            });
            pending.set(None);
            done.set(true);
            browser::focus_id_later("ranking-import-done");
        }
    };
    let error_box = move || {
        error.get().map(|e| {
            let l = lang.get();
            view! {
                <div class="alert alert-error" id="ranking-import-error" role="alert" tabindex="-1">
                    <p>
                        <strong>{t(l, "exchange.error.title")}</strong>
                    </p>
                    <p>{exchange_error_text(l, &e)}</p>
                </div>
            }
        })
    };
    let done_note = move || {
        done.get().then(|| {
            view! {
                <p class="alert alert-success" id="ranking-import-done" role="status" tabindex="-1">
                    {t(lang.get(), "ranking.import.done")}
                </p>
            }
        })
    };
    let preview = move || {
        pending.get().map(|import| {
            let l = lang.get();
            let key = match import {
                RankingImport::SetParentRanks(_) => "ranking.import.preview_set",
                RankingImport::CreateList(_) => "ranking.import.preview_create",
            };
            view! {
                <div
                    class="alert alert-warning parents-preview"
                    id="ranking-import-preview"
                    role="group"
                    tabindex="-1"
                    aria-labelledby="ranking-preview-title"
                >
                    <h3 id="ranking-preview-title">{t(l, "ranking.import.preview_title")}</h3>
                    <p>{tf(l, key, &[("count", &import.len().to_string())])}</p>
                    {import_confirm(
                        l,
                        "ranking-import-confirm",
                        "ranking.import.confirm",
                        confirm,
                        pending,
                        "import-ranking",
                    )}
                </div>
            }
        })
    };
    view! {
        <section class="parents-exchange" aria-labelledby="ranking-exchange-title">
            <h2 id="ranking-exchange-title">{tr("ranking.exchange.title")}</h2>
            <p>{tr("ranking.exchange.lead")}</p>
            <button
                type="button"
                class="button button-secondary"
                id="export-ranking"
                on:click=export
            >
                {tr("ranking.export")}
            </button>
            {file_import("import-ranking", "ranking.import", "ranking.import.hint", on_text)}
            {error_box}
            {done_note}
            {preview}
        </section>
    }
}
