//! The parents' ranking: the experts' list of services shown in the parents' order, moved
//! up and down with buttons (keyboard-operable, no dragging). The order is kept as
//! `parentRank` on each service, always the numbers 1..n. The list can be exchanged with
//! parents who rank it on their own device (`ib-planner-ranking/1`).

use super::questionnaire::{exchange_error_text, file_import, import_confirm};
use crate::draft::text_of;
use crate::engine::problem::Problem;
use crate::engine::reference::Unit;
use crate::exchange::{self, ExchangeError, RankingImport};
use crate::i18n::{t, tf, Lang};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{error_summary_box, move_buttons, problem_text, StepActions};
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

/// Whether a problem is about the parents' ranks.
fn is_parent_rank_problem(p: &Problem) -> bool {
    p.path.ends_with("/parentRank")
        || (p.path == "/services"
            && p.key == "problem.rank.not_permutation"
            && p.params
                .iter()
                .any(|(k, v)| k == "ranking" && v == "parent"))
}

/// The ranking step's screen.
#[component]
pub fn RankingStep() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let items = Memo::new(move |_| ctx.case.with(|c| exchange::services(c).to_vec()));
    let order = Memo::new(move |_| items.with(|list| exchange::parents_order(list)));
    let complete = Memo::new(move |_| items.with(|list| exchange::parent_ranks_complete(list)));
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
                view! {
                    <li>
                        <a
                            href="#ranking-list-title"
                            on:click=move |ev| {
                                ev.prevent_default();
                                let target = if complete.get_untracked() {
                                    "ranking-list-title"
                                } else {
                                    "start-from-experts"
                                };
                                browser::focus_id(target);
                            }
                        >
                            {problem_text(l, &p)}
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
    let list = move || {
        if items.with(Vec::is_empty) {
            return view! { <p class="empty">{t(lang.get(), "ranking.empty")}</p> }.into_any();
        }
        let l = lang.get();
        let ranked = complete.get();
        let notice = (!ranked).then(|| {
            view! {
                <div class="notice parents-notice">
                    <p>{t(l, "ranking.incomplete")}</p>
                    <button
                        type="button"
                        class="button button-secondary"
                        id="start-from-experts"
                        on:click=start_from_experts
                    >
                        {t(l, "ranking.start_from_experts")}
                    </button>
                </div>
            }
        });
        let reset = (ranked
            && !items.with(|list| {
                list.iter()
                    .all(|s| s.get("parentRank") == s.get("expertRank"))
            }))
        .then(|| {
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
        let list = items.get();
        let shown = order.get();
        let len = shown.len();
        let rows = shown
            .into_iter()
            .enumerate()
            .filter_map(|(pos, i)| {
                let s = list.get(i)?;
                let has_rank = ranked || {
                    let n = list.len();
                    s.get("parentRank")
                        .and_then(Value::as_u64)
                        .is_some_and(|k| k >= 1 && (k as usize) <= n)
                };
                Some(rank_item(pos, len, s, has_rank, on_move))
            })
            .collect_view();
        view! {
            {notice}
            {reset}
            <h2 id="ranking-list-title" tabindex="-1">
                {t(l, "ranking.list_title")}
            </h2>
            <p class="hint">{t(l, "ranking.list_hint")}</p>
            <ol class="parents-rank-list" aria-labelledby="ranking-list-title">
                {rows}
            </ol>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="step-title" class="parents-ranking">
            {error_summary}
            <h1 id="step-title" tabindex="-1">{tr("step.ranking")}</h1>
            <p class="lead">{tr("ranking.lead")}</p>
            <p>{weights}</p>
            {list}
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </p>
            <RankingExchange />
            <StepActions step=Step::Ranking />
        </section>
    }
}

/// One service in the parents' order: its place, name, quantity and the experts' place,
/// a note when the parents have not placed it, and the move buttons.
fn rank_item(
    pos: usize,
    len: usize,
    service: &Value,
    has_rank: bool,
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
    view! {
        <li class="parents-rank-item">
            <span class="parents-rank-pos">{(pos + 1).to_string()} "."</span>
            <div class="parents-rank-body">
                <p class="parents-rank-name">{move || item_label.get()}</p>
                <p class="parents-rank-meta">{meta}</p>
                {(!has_rank)
                    .then(|| {
                        view! { <p class="parents-rank-unranked">{tr("ranking.unranked")}</p> }
                    })}
            </div>
            {move_buttons(pos, len, item_label, "rank", on_move)}
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
