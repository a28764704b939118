//! The services step: the team finds services in the catalogue (by name in Latvian or
//! English, accents optional), adds them, sets each one's quantity for the plan period
//! and orders them by the experts' priority with keyboard-operable buttons. The array
//! order is the experts' order; the list logic lives in [`crate::plan_view`].

use crate::draft::{array_at, field_id, text_of};
use crate::engine::date::{Date, YearMonth};
use crate::engine::reference::Service;
use crate::i18n::{format_money, t, tf, Lang};
use crate::plan_view;
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_summary, error_text, move_buttons, problem_text, step_actions, Field};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, Step};
use rust_decimal::Decimal;
use serde_json::Value;

fn service(code: &str) -> Option<&'static Service> {
    reference().ok().and_then(|r| r.catalogue.service(code))
}

/// The child's age at the plan's start, when both dates are readable.
fn child_age(case: &Value) -> Option<i32> {
    let birth = YearMonth::parse(case.pointer("/child/birth")?.as_str()?)?;
    let start = Date::parse(case.pointer("/settings/startDate")?.as_str()?)?;
    Some(start.age_in_years(birth))
}

fn price_per_unit(lang: Lang, service: &Service) -> String {
    tf(
        lang,
        "services.price_per_unit",
        &[
            ("price", &format_money(lang, service.unit_price)),
            ("unit", plan_view::unit_name(lang, service.unit)),
        ],
    )
}

fn quantity_of(case: &Value, index: usize) -> Option<u64> {
    case.pointer(&format!("/services/{index}/quantity"))
        .and_then(Value::as_u64)
        .filter(|q| *q > 0)
}

/// An inline error message: the problem's words after a hidden "Error:".
fn error_message(lang: Lang, problem: &crate::engine::problem::Problem) -> El {
    error_text(
        el("p").class("error-message"),
        lang,
        &problem_text(lang, problem),
    )
}

/// One line of a search result's details.
fn result_meta(text: &str) -> El {
    el("span").class("search-result-meta").text(text)
}

/// The services step's screen.
pub fn services_step() -> View {
    component(|| {
        let lang = use_app().lang;
        let ctx = use_case();
        let query = RwSignal::new(String::new());
        let announcement = RwSignal::new(String::new());
        // The list's structure (codes in order) only: typing a quantity does not rebuild it.
        let codes = Memo::new(move |_| {
            ctx.case.with(|c| {
                c.pointer("/services")
                    .and_then(Value::as_array)
                    .map(|items| {
                        items
                            .iter()
                            .map(|i| text_of(i.get("code")))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        });
        let target_group =
            Memo::new(move |_| ctx.case.with(|c| text_of(c.pointer("/child/targetGroup"))));
        let matches = Memo::new(move |_| {
            let q = query.get();
            reference()
                .map(|r| {
                    plan_view::search(&r.catalogue, &q)
                        .into_iter()
                        .map(|s| s.code.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        let list_problems = Memo::new(move |_| {
            if !ctx.show_errors.get() {
                return Vec::new();
            }
            ctx.problems.with(|all| {
                all.iter()
                    .filter(|p| p.path == "/services")
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });

        let add = move |code: String| {
            let mut added = None;
            ctx.update(|c| {
                if let Some(items) = array_at(c, "/services") {
                    added = plan_view::add_service(items, &code);
                }
            });
            if let Some(index) = added {
                let name = service(&code)
                    .map(|s| plan_view::service_name(lang.get_untracked(), s).to_string())
                    .unwrap_or(code);
                announcement.set(tf(
                    lang.get_untracked(),
                    "services.added",
                    &[("name", &name)],
                ));
                focus_id_later(&field_id(&format!("/services/{index}/quantity")));
            }
        };

        let total = move || {
            ctx.case.with(|c| {
                let mut sum = Decimal::ZERO;
                for (i, code) in codes.get().iter().enumerate() {
                    if let (Some(q), Some(s)) = (quantity_of(c, i), service(code)) {
                        sum += s.unit_price * Decimal::from(q);
                    }
                }
                sum
            })
        };

        let search_id = field_id("/services");
        let search_group = el("div")
            .class("form-group")
            .class_when("form-group-error", move || !list_problems.get().is_empty())
            .child(
                el("label")
                    .class("label")
                    .attr("for", &search_id)
                    .tr("services.search.label"),
            )
            .child(
                el("p")
                    .class("hint")
                    .id("service-search-hint")
                    .tr("services.search.hint"),
            )
            .dyn_view(move || {
                list_problems
                    .get()
                    .iter()
                    .map(|p| error_message(lang.get(), p))
                    .collect()
            })
            .child(
                el("input")
                    .id(&search_id)
                    .attr("type", "search")
                    .class("input")
                    .attr("autocomplete", "off")
                    .attr("aria-describedby", "service-search-hint")
                    .prop_value(move || query.get())
                    .on("input", move |ev| query.set(target_value(&ev))),
            );
        let search_count = el("p")
            .class("search-count")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .text_dyn(move || {
                let q = query.get();
                if q.trim().is_empty() {
                    String::new()
                } else if matches.get().is_empty() {
                    tf(lang.get(), "services.search.none", &[("query", q.trim())])
                } else {
                    tf(
                        lang.get(),
                        "services.search.count",
                        &[("count", &matches.get().len().to_string())],
                    )
                }
            });
        let results = el("ul")
            .class("search-results")
            .attr_tr("aria-label", "services.search.results")
            .attr_dyn("hidden", move || matches.get().is_empty().then(String::new))
            .dyn_view(move || {
                matches
                    .get()
                    .into_iter()
                    .filter_map(|code| {
                        let s = service(&code)?;
                        let on_list = codes.get().contains(&code);
                        let group = target_group.get();
                        let for_group =
                            group.is_empty() || s.target_groups.iter().any(|g| g.code() == group);
                        let l = lang.get();
                        let name = plan_view::service_name(l, s).to_string();
                        let age = ctx.case.with(child_age);
                        let caps = plan_view::caps_text(l, s.unit, &s.caps, age);
                        let area = tf(
                            l,
                            "services.area",
                            &[
                                ("n", &s.area.to_string()),
                                ("name", t(l, &format!("area.{}", s.area))),
                            ],
                        );
                        let action = if on_list {
                            el("span").class("svc-tag").text(t(l, "services.on_list"))
                        } else if !for_group {
                            el("span")
                                .class("svc-tag")
                                .text(t(l, "services.not_for_group"))
                        } else {
                            button("button button-secondary button-small")
                                .attr(
                                    "aria-label",
                                    &tf(l, "services.add_named", &[("name", &name)]),
                                )
                                .on("click", move |_| add(code.clone()))
                                .text(t(l, "services.add"))
                        };
                        Some(
                            el("li")
                                .class("search-result")
                                .child(
                                    el("div")
                                        .class("search-result-text")
                                        .child(el("span").class("search-result-name").text(&name))
                                        .child(result_meta(&area))
                                        .child(result_meta(&price_per_unit(l, s)))
                                        .child_opt(caps.map(|c| {
                                            result_meta(&tf(l, "services.caps", &[("caps", &c)]))
                                        })),
                                )
                                .child(action),
                        )
                    })
                    .collect()
            });

        el("section")
            .attr("aria-labelledby", "step-title")
            .class("services-step")
            .view(error_summary(Step::Services.scope()))
            .child(el("h1").id("step-title").tr("step.services"))
            .child(el("p").class("lead").tr("services.lead"))
            .child(
                el("h2")
                    .id("services-search-title")
                    .tr("services.search.title"),
            )
            .child(search_group)
            .child(search_count)
            .child(results)
            .child(
                el("h2")
                    .id("services-list-title")
                    .attr("tabindex", "-1")
                    .tr("services.list.title"),
            )
            .child(
                el("p")
                    .class("visually-hidden")
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .text_dyn(move || announcement.get()),
            )
            .dyn_view(move || {
                let list = codes.get();
                let len = list.len();
                if len == 0 {
                    return el("p").class("empty").tr("services.list.empty").into();
                }
                View::empty()
                    .and(
                        el("ol").class("service-list").children(
                            list.into_iter()
                                .enumerate()
                                .map(|(index, code)| service_item(index, len, code, announcement)),
                        ),
                    )
                    .and(
                        el("p")
                            .class("services-total")
                            .child(el("strong").text_dyn(move || {
                                tf(
                                    lang.get(),
                                    "services.total",
                                    &[("amount", &format_money(lang.get(), total()))],
                                )
                            })),
                    )
            })
            .view(step_actions(Step::Services))
            .into()
    })
}

/// One service on the list: rank, name, price, quantity, cost, limit, reorder, remove.
fn service_item(index: usize, len: usize, code: String, announcement: RwSignal<String>) -> El {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let found = service(&code);
        let name = Signal::derive(move || match found {
            Some(s) => plan_view::service_name(lang.get(), s).to_string(),
            None => tf(lang.get(), "services.unknown", &[("code", &code)]),
        });
        let confirming = RwSignal::new(false);
        let item_path = format!("/services/{index}");
        let item_problems = Memo::new(move |_| {
            if !ctx.show_errors.get() {
                return Vec::new();
            }
            let code_path = format!("/services/{index}/code");
            let whole = format!("/services/{index}");
            ctx.problems.with(|all| {
                all.iter()
                    .filter(|p| p.path == code_path || p.path == whole)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let on_move = Callback::new(move |(from, to): (usize, usize)| {
            ctx.update(|c| {
                if let Some(items) = array_at(c, "/services") {
                    plan_view::move_service(items, from, to);
                }
            });
        });
        let remove_id = format!("svc-remove-{index}");
        let yes_id = format!("svc-remove-yes-{index}");
        let remove = move |_: web_sys::Event| {
            let removed_name = name.get_untracked();
            confirming.set(false);
            ctx.update(|c| {
                if let Some(items) = array_at(c, "/services") {
                    plan_view::remove_service(items, index);
                }
            });
            announcement.set(tf(
                lang.get_untracked(),
                "services.removed",
                &[("name", &removed_name)],
            ));
            focus_id_later("services-list-title");
        };
        let cost = move || {
            let cost = || {
                let s = found?;
                let q = ctx.case.with(|c| quantity_of(c, index))?;
                let l = lang.get();
                Some(tf(
                    l,
                    "services.cost",
                    &[
                        ("quantity", &q.to_string()),
                        ("price", &format_money(l, s.unit_price)),
                        ("amount", &format_money(l, s.unit_price * Decimal::from(q))),
                    ],
                ))
            };
            cost().unwrap_or_default()
        };
        let meta = found.map(|s| {
            el("p")
                .class("service-meta")
                .text_dyn(move || {
                    tf(
                        lang.get(),
                        "services.unit_price",
                        &[("price", &price_per_unit(lang.get(), s))],
                    )
                })
                .child(el("br"))
                .text_dyn(move || {
                    let age = ctx.case.with(child_age);
                    plan_view::caps_text(lang.get(), s.unit, &s.caps, age)
                        .map(|c| tf(lang.get(), "services.caps", &[("caps", &c)]))
                        .unwrap_or_default()
                })
        });
        let yes_for_open = yes_id.clone();
        let remove_for_no = remove_id.clone();
        el("li")
            .class("service-item")
            .id(&field_id(&format!("{item_path}/code")))
            .attr("tabindex", "-1")
            .class_when("form-group-error", move || !item_problems.get().is_empty())
            .child(
                el("h3")
                    .class("service-name")
                    .child(
                        el("span")
                            .class("service-rank")
                            .text_dyn(move || {
                                tf(
                                    lang.get(),
                                    "services.rank",
                                    &[("n", &(index + 1).to_string())],
                                )
                            })
                            .text(": "),
                    )
                    .text_dyn(move || name.get()),
            )
            .dyn_view(move || {
                item_problems
                    .get()
                    .iter()
                    .map(|p| error_message(lang.get(), p))
                    .collect()
            })
            .child_opt(meta)
            .child(
                Field::new(format!("{item_path}/quantity"), "services.quantity")
                    .hint("services.quantity.hint")
                    .kind(crate::draft::FieldKind::Integer)
                    .inputmode("numeric")
                    .narrow()
                    .view(),
            )
            .child(el("p").class("service-cost").text_dyn(cost))
            .child(
                el("div")
                    .class("service-actions")
                    .child(el("span").class("visually-hidden").tr("services.reorder"))
                    .child(move_buttons(index, len, name, "svc", on_move))
                    .child(
                        button("button button-secondary button-small")
                            .id(&remove_id)
                            .attr_dyn("aria-label", move || {
                                Some(tf(
                                    lang.get(),
                                    "services.remove_named",
                                    &[("name", &name.get())],
                                ))
                            })
                            .attr_dyn("aria-expanded", move || Some(confirming.get().to_string()))
                            .on("click", move |_| {
                                confirming.set(true);
                                focus_id_later(&yes_for_open);
                            })
                            .tr("services.remove"),
                    ),
            )
            .dyn_view(move || {
                if !confirming.get() {
                    return View::empty();
                }
                let l = lang.get();
                let remove_for_no = remove_for_no.clone();
                el("div")
                    .class("confirm alert alert-warning")
                    .attr("role", "group")
                    .child(el("p").text(&tf(
                        l,
                        "services.remove.confirm",
                        &[("name", &name.get())],
                    )))
                    .child(
                        button("button button-warning button-small")
                            .id(&yes_id)
                            .on("click", remove)
                            .text(t(l, "services.remove.yes")),
                    )
                    .child(
                        button("button button-secondary button-small")
                            .on("click", move |_| {
                                confirming.set(false);
                                focus_id_later(&remove_for_no);
                            })
                            .text(t(l, "services.remove.no")),
                    )
                    .into()
            })
    })
}
