//! The parents' ranking: the experts' list of services shown in the parents' order, moved
//! up and down with buttons (keyboard-operable, no dragging). The order is kept as
//! `parentRank` on each service, always the numbers 1..n. The list can be exchanged with
//! parents who rank it on their own device (`ib-planner-ranking/1`).

use super::questionnaire::exchange_error_text;
use crate::draft::text_of;
use crate::engine::problem::Problem;
use crate::engine::reference::Unit;
use crate::exchange::{self, ExchangeError, RankingImport};
use crate::i18n::{t, tf, Lang};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser;
use crate::ui::form::{error_summary_box, move_buttons, problem_text, step_actions};
use crate::ui::prelude::*;
use crate::ui::workspace::{file_stem, reference, use_case, Step};
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
pub fn ranking_step() -> View {
    component(|| {
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
        let start_from_experts = move |_: web_sys::Event| {
            ctx.update(|c| {
                exchange::start_from_experts(c);
            });
            announcement.set(t(lang.get_untracked(), "ranking.started").to_string());
            browser::focus_id_later("ranking-list-title");
        };
        let go_services = move |ev: web_sys::Event| {
            ev.prevent_default();
            app.navigate(Screen::Case {
                id: ctx.id.get_value(),
                step: Step::Services,
            });
        };
        let error_summary = dyn_view(move || {
            let (mine, others) = problems.get();
            if mine.is_empty() && !others {
                return View::empty();
            }
            let l = lang.get();
            let links = mine.into_iter().map(|p| {
                el("li").child(
                    el("a")
                        .attr("href", "#ranking-list-title")
                        .on("click", move |ev| {
                            ev.prevent_default();
                            let target = if complete.get_untracked() {
                                "ranking-list-title"
                            } else {
                                "start-from-experts"
                            };
                            browser::focus_id(target);
                        })
                        .text(&problem_text(l, &p)),
                )
            });
            let services_link = others.then(|| {
                // The case's id never changes while the step is open.
                let href = Screen::Case {
                    id: ctx.id.get_value(),
                    step: Step::Services,
                }
                .hash();
                el("li").child(
                    el("a")
                        .attr("href", &href)
                        .on("click", go_services)
                        .text(t(l, "ranking.services_problems")),
                )
            });
            error_summary_box(l, el("ul").children(links).child_opt(services_link)).into()
        });
        let list = dyn_view(move || {
            if items.with(Vec::is_empty) {
                return el("p")
                    .class("empty")
                    .text(t(lang.get(), "ranking.empty"))
                    .into();
            }
            let l = lang.get();
            let ranked = complete.get();
            let mut view = View::empty();
            if !ranked {
                view.push(
                    el("div")
                        .class("notice parents-notice")
                        .child(el("p").text(t(l, "ranking.incomplete")))
                        .child(
                            button("button button-secondary")
                                .id("start-from-experts")
                                .on("click", start_from_experts)
                                .text(t(l, "ranking.start_from_experts")),
                        ),
                );
            }
            if ranked
                && !items.with(|list| {
                    list.iter()
                        .all(|s| s.get("parentRank") == s.get("expertRank"))
                })
            {
                view.push(
                    el("p")
                        .class("parents-reset")
                        .text(t(l, "ranking.reset_hint"))
                        .text(" ")
                        .child(
                            button("button button-secondary button-small")
                                .id("start-from-experts")
                                .on("click", start_from_experts)
                                .text(t(l, "ranking.start_from_experts")),
                        ),
                );
            }
            let list = items.get();
            let shown = order.get();
            let len = shown.len();
            let rows = shown.into_iter().enumerate().filter_map(|(pos, i)| {
                let s = list.get(i)?;
                let has_rank = ranked || {
                    let n = list.len();
                    s.get("parentRank")
                        .and_then(Value::as_u64)
                        .is_some_and(|k| k >= 1 && (k as usize) <= n)
                };
                Some(rank_item(pos, len, s, has_rank, on_move))
            });
            view.and(
                el("h2")
                    .id("ranking-list-title")
                    .attr("tabindex", "-1")
                    .text(t(l, "ranking.list_title")),
            )
            .and(el("p").class("hint").text(t(l, "ranking.list_hint")))
            .and(
                el("ol")
                    .class("parents-rank-list")
                    .attr("aria-labelledby", "ranking-list-title")
                    .children(rows),
            )
        });
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("parents-ranking")
            .view(error_summary)
            .child(
                el("h1")
                    .id("step-title")
                    .attr("tabindex", "-1")
                    .tr("step.ranking"),
            )
            .child(el("p").class("lead").tr("ranking.lead"))
            .child(el("p").text_dyn(weights))
            .view(list)
            .child(
                el("p")
                    .class("visually-hidden")
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .text_dyn(move || announcement.get()),
            )
            .child(ranking_exchange())
            .view(step_actions(Step::Ranking))
            .into()
    })
}

/// One service in the parents' order: its place, name, quantity and the experts' place,
/// a note when the parents have not placed it, and the move buttons.
fn rank_item(
    pos: usize,
    len: usize,
    service: &Value,
    has_rank: bool,
    on_move: Callback<(usize, usize)>,
) -> El {
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
    el("li")
        .class("parents-rank-item")
        .child(
            el("span")
                .class("parents-rank-pos")
                .text(&(pos + 1).to_string())
                .text("."),
        )
        .child(
            el("div")
                .class("parents-rank-body")
                .child(
                    el("p")
                        .class("parents-rank-name")
                        .text_dyn(move || item_label.get()),
                )
                .child(el("p").class("parents-rank-meta").text_dyn(meta))
                .child_opt((!has_rank).then(|| {
                    el("p")
                        .class("parents-rank-unranked")
                        .tr("ranking.unranked")
                })),
        )
        .child(move_buttons(pos, len, item_label, "rank", on_move))
}

/// Export of the list for the parents and import of their ranking.
fn ranking_exchange() -> El {
    untrack(|| {
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
            let _ =
                browser::download_text(&format!("{stem}-ranking.json"), "application/json", &text);
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
        let confirm = move |_: web_sys::Event| {
            if let Some(import) = pending.get_untracked() {
                ctx.update(|c| {
                    exchange::apply_ranking_import(c, &import);
                });
                pending.set(None);
                done.set(true);
                browser::focus_id_later("ranking-import-done");
            }
        };
        el("section")
            .class("parents-exchange")
            .attr("aria-labelledby", "ranking-exchange-title")
            .child(
                el("h2")
                    .id("ranking-exchange-title")
                    .tr("ranking.exchange.title"),
            )
            .child(el("p").tr("ranking.exchange.lead"))
            .child(
                button("button button-secondary")
                    .id("export-ranking")
                    .on("click", export)
                    .tr("ranking.export"),
            )
            .child(super::questionnaire::file_import(
                "import-ranking",
                "ranking.import",
                "ranking.import.hint",
                on_text,
            ))
            .dyn_view(move || {
                error
                    .get()
                    .map(|e| {
                        let l = lang.get();
                        el("div")
                            .class("alert alert-error")
                            .id("ranking-import-error")
                            .attr("role", "alert")
                            .attr("tabindex", "-1")
                            .child(el("p").child(el("strong").text(t(l, "exchange.error.title"))))
                            .child(el("p").text(&exchange_error_text(l, &e)))
                    })
                    .into()
            })
            .dyn_view(move || {
                done.get()
                    .then(|| {
                        el("p")
                            .class("alert alert-success")
                            .id("ranking-import-done")
                            .attr("role", "status")
                            .attr("tabindex", "-1")
                            .text(t(lang.get(), "ranking.import.done"))
                    })
                    .into()
            })
            .dyn_view(move || {
                pending
                    .get()
                    .map(|import| {
                        let l = lang.get();
                        let key = match import {
                            RankingImport::SetParentRanks(_) => "ranking.import.preview_set",
                            RankingImport::CreateList(_) => "ranking.import.preview_create",
                        };
                        el("div")
                            .class("alert alert-warning parents-preview")
                            .id("ranking-import-preview")
                            .attr("role", "group")
                            .attr("tabindex", "-1")
                            .attr("aria-labelledby", "ranking-preview-title")
                            .child(
                                el("h3")
                                    .id("ranking-preview-title")
                                    .text(t(l, "ranking.import.preview_title")),
                            )
                            .child(el("p").text(&tf(
                                l,
                                key,
                                &[("count", &import.len().to_string())],
                            )))
                            .child(
                                el("div")
                                    .class("confirm")
                                    .child(
                                        button("button button-warning")
                                            .id("ranking-import-confirm")
                                            .on("click", confirm)
                                            .text(t(l, "ranking.import.confirm")),
                                    )
                                    .child(
                                        button("button button-secondary")
                                            .on("click", move |_| {
                                                pending.set(None);
                                                browser::focus_id_later("import-ranking");
                                            })
                                            .text(t(l, "exchange.cancel")),
                                    ),
                            )
                    })
                    .into()
            })
    })
}
