//! The services step: the team finds services in the catalogue (by name in Latvian or
//! English, accents optional), adds them, sets each one's quantity for the plan period
//! and orders them by the experts' priority with keyboard-operable buttons. The array
//! order is the experts' order; the list logic lives in [`crate::plan_view`].

use crate::draft::{array_at, field_id, text_of};
use crate::engine::date::{Date, YearMonth};
use crate::engine::problem::Problem;
use crate::engine::reference::Service;
use crate::i18n::{format_money, t, tf, Lang};
use crate::plan_view;
use crate::ui::app::use_app;
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_text, move_buttons, problem_text, ErrorSummary, Field, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, Step};
use leptos::ev::MouseEvent;
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
fn error_message(lang: Lang, problem: &Problem) -> AnyView {
    view! { <p class="error-message">{error_text(lang, &problem_text(lang, problem))}</p> }
        .into_any()
}

/// One line of a search result's details.
fn result_meta(text: String) -> AnyView {
    view! { <span class="search-result-meta">{text}</span> }.into_any()
}

/// The services step's screen.
#[component]
pub fn ServicesStep() -> impl IntoView {
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
    // The team's goals (id, text) a service can be linked to.
    let team_goals = Memo::new(move |_| {
        ctx.case.with(|c| {
            c.get("goals")
                .and_then(Value::as_array)
                .map(|goals| {
                    goals
                        .iter()
                        .map(|g| (text_of(g.get("id")), text_of(g.get("text"))))
                        .filter(|(id, _)| !id.is_empty())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
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
            crate::exchange::note_before_list_change(c);
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
    let search_group = view! {
        <div
            class="form-group"
            class:form-group-error=move || !list_problems.with(Vec::is_empty)
        >
            <label class="label" for=search_id.clone()>
                {tr("services.search.label")}
            </label>
            <p class="hint" id="service-search-hint">
                {tr("services.search.hint")}
            </p>
            {move || {
                list_problems
                    .get()
                    .iter()
                    .map(|p| error_message(lang.get(), p))
                    .collect_view()
            }}
            <input
                id=search_id
                type="search"
                class="input"
                autocomplete="off"
                aria-describedby="service-search-hint"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
    }
    .into_any();
    let search_count = view! {
        <p class="search-count" role="status" aria-live="polite">
            {move || {
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
            }}
        </p>
    }
    .into_any();
    let results = view! {
        <ul
            class="search-results"
            aria-label=tr("services.search.results")
            hidden=move || matches.with(Vec::is_empty)
        >
            {move || {
                matches
                    .get()
                    .into_iter()
                    .filter_map(|code| {
                        let s = service(&code)?;
                        let on_list = codes.get().contains(&code);
                        let group = target_group.get();
                        let for_group = group.is_empty()
                            || s.target_groups.iter().any(|g| g.code() == group);
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
                            view! { <span class="svc-tag">{t(l, "services.on_list")}</span> }
                                .into_any()
                        } else if !for_group {
                            view! {
                                <span class="svc-tag">{t(l, "services.not_for_group")}</span>
                            }
                                .into_any()
                        } else {
                            view! {
                                <button
                                    type="button"
                                    class="button button-secondary button-small"
                                    aria-label=tf(l, "services.add_named", &[("name", &name)])
                                    on:click=move |_| add(code.clone())
                                >
                                    {t(l, "services.add")}
                                </button>
                            }
                                .into_any()
                        };
                        Some(view! {
                            <li class="search-result">
                                <div class="search-result-text">
                                    <span class="search-result-name">{name}</span>
                                    {result_meta(area)}
                                    {result_meta(price_per_unit(l, s))}
                                    {caps
                                        .map(|c| result_meta(tf(l, "services.caps", &[("caps", &c)])))}
                                </div>
                                {action}
                            </li>
                        })
                    })
                    .collect_view()
            }}
        </ul>
    }
    .into_any();
    let list = move || {
        let list = codes.get();
        let len = list.len();
        if len == 0 {
            return view! { <p class="empty">{tr("services.list.empty")}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .enumerate()
            .map(|(index, code)| {
                view! { <ServiceItem index len code announcement team_goals /> }
            })
            .collect_view();
        view! {
            <ol class="service-list">{items}</ol>
            <p class="services-total">
                <strong>
                    {move || {
                        tf(
                            lang.get(),
                            "services.total",
                            &[("amount", &format_money(lang.get(), total()))],
                        )
                    }}
                </strong>
            </p>
        }
        .into_any()
    };

    view! {
        <section aria-labelledby="step-title" class="services-step">
            <ErrorSummary scope=Step::Services.scope() />
            <h1 id="step-title">{tr("step.services")}</h1>
            <p class="lead">{tr("services.lead")}</p>
            <h2 id="services-search-title">{tr("services.search.title")}</h2>
            {search_group}
            {search_count}
            {results}
            <h2 id="services-list-title" tabindex="-1">
                {tr("services.list.title")}
            </h2>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </p>
            {list}
            <StepActions step=Step::Services />
        </section>
    }
}

/// One service on the list: rank, name, price, quantity, cost, limit, reorder, remove.
#[component]
fn ServiceItem(
    index: usize,
    len: usize,
    code: String,
    announcement: RwSignal<String>,
    team_goals: Memo<Vec<(String, String)>>,
) -> impl IntoView {
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
            crate::exchange::note_before_list_change(c);
            if let Some(items) = array_at(c, "/services") {
                plan_view::move_service(items, from, to);
            }
        });
    });
    let remove_id = format!("svc-remove-{index}");
    let yes_id = format!("svc-remove-yes-{index}");
    let remove = move |_: MouseEvent| {
        let removed_name = name.get_untracked();
        confirming.set(false);
        ctx.update(|c| {
            crate::exchange::note_before_list_change(c);
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
        view! {
            <p class="service-meta">
                {move || {
                    tf(
                        lang.get(),
                        "services.unit_price",
                        &[("price", &price_per_unit(lang.get(), s))],
                    )
                }}
                <br />
                {move || {
                    let age = ctx.case.with(child_age);
                    plan_view::caps_text(lang.get(), s.unit, &s.caps, age)
                        .map(|c| tf(lang.get(), "services.caps", &[("caps", &c)]))
                        .unwrap_or_default()
                }}
            </p>
        }
        .into_any()
    });
    let quantity = Field::new(format!("{item_path}/quantity"), "services.quantity")
        .hint("services.quantity.hint")
        .kind(crate::draft::FieldKind::Integer)
        .inputmode("numeric")
        .narrow()
        .view();
    let yes_for_open = yes_id.clone();
    let remove_for_no = remove_id.clone();
    let confirm = move || {
        if !confirming.get() {
            return None;
        }
        let l = lang.get();
        let remove_for_no = remove_for_no.clone();
        Some(view! {
            <div class="confirm alert alert-warning" role="group">
                <p>{tf(l, "services.remove.confirm", &[("name", &name.get())])}</p>
                <button
                    type="button"
                    class="button button-warning button-small"
                    id=yes_id.clone()
                    on:click=remove
                >
                    {t(l, "services.remove.yes")}
                </button>
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| {
                        confirming.set(false);
                        focus_id_later(&remove_for_no);
                    }
                >
                    {t(l, "services.remove.no")}
                </button>
            </div>
        })
    };
    view! {
        <li
            class="service-item"
            id=field_id(&format!("{item_path}/code"))
            tabindex="-1"
            class:form-group-error=move || !item_problems.with(Vec::is_empty)
        >
            <h3 class="service-name">
                <span class="service-rank">
                    {move || {
                        tf(lang.get(), "services.rank", &[("n", &(index + 1).to_string())])
                    }}
                    ": "
                </span>
                {move || name.get()}
            </h3>
            {move || {
                item_problems
                    .get()
                    .iter()
                    .map(|p| error_message(lang.get(), p))
                    .collect_view()
            }}
            {meta}
            {quantity}
            <p class="service-cost">{cost}</p>
            {service_goals(index, team_goals)}
            <div class="service-actions">
                <span class="visually-hidden">{tr("services.reorder")}</span>
                {move_buttons(index, len, name, "svc", on_move)}
                <button
                    type="button"
                    class="button button-secondary button-small"
                    id=remove_id
                    aria-label=move || {
                        tf(lang.get(), "services.remove_named", &[("name", &name.get())])
                    }
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| {
                        confirming.set(true);
                        focus_id_later(&yes_for_open);
                    }
                >
                    {tr("services.remove")}
                </button>
            </div>
            {confirm}
        </li>
    }
    .into_any()
}

/// Which of the team's goals a service serves: a checkbox per goal (links kept at
/// `/services/<index>/goals`), plus a ticked box for each link to a goal no longer in the
/// case, so it can be removed (its problem links to that box).
fn service_goals(index: usize, team_goals: Memo<Vec<(String, String)>>) -> AnyView {
    untrack(move || {
        let lang = use_app().lang;
        let ctx = use_case();
        let links = Memo::new(move |_| {
            ctx.case.with(|c| {
                c.pointer(&format!("/services/{index}/goals"))
                    .and_then(Value::as_array)
                    .map(|ids| ids.iter().map(|id| text_of(Some(id))).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        let toggle = move |goal: &str, linked: bool| {
            ctx.update(|c| {
                if let Some(items) = array_at(c, "/services") {
                    plan_view::set_service_goal(items, index, goal, linked);
                }
            });
        };
        let fieldset_id = format!("svc-{index}-goals");
        let hint_id = format!("{fieldset_id}-hint");
        let described_by = hint_id.clone();
        // Rebuilt only when the team's goals change, so a ticked box keeps its focus.
        let known = move || {
            let goals = team_goals.get();
            if goals.is_empty() {
                return view! { <p class="hint">{t(lang.get(), "services.goals.none")}</p> }
                    .into_any();
            }
            goals
                .into_iter()
                .enumerate()
                .map(|(k, (id, text))| {
                    let box_id = format!("svc-{index}-goal-{k}");
                    let label = if text.trim().is_empty() {
                        id.clone()
                    } else {
                        format!("{id}: {text}")
                    };
                    let id_for_check = id.clone();
                    view! {
                        <div class="team-choice">
                            <input
                                type="checkbox"
                                class="team-checkbox"
                                id=box_id.clone()
                                prop:checked=move || links.with(|l| l.contains(&id_for_check))
                                on:change=move |ev| toggle(&id, event_target_checked(&ev))
                            />
                            <label for=box_id>{label}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        };
        let fieldset_for_focus = fieldset_id.clone();
        let stale = move || {
            let known: Vec<String> =
                team_goals.with(|g| g.iter().map(|(id, _)| id.clone()).collect());
            links
                .get()
                .into_iter()
                .enumerate()
                .filter(|(_, id)| !known.contains(id))
                .map(|(k, id)| {
                    let box_id = field_id(&format!("/services/{index}/goals/{k}"));
                    let label = tf(lang.get(), "services.goals.unknown", &[("id", &id)]);
                    let fieldset_for_focus = fieldset_for_focus.clone();
                    view! {
                        <div class="team-choice">
                            <input
                                type="checkbox"
                                class="team-checkbox"
                                id=box_id.clone()
                                prop:checked=true
                                on:change=move |ev| {
                                    let linked = event_target_checked(&ev);
                                    toggle(&id, linked);
                                    if !linked {
                                        focus_id_later(&fieldset_for_focus);
                                    }
                                }
                            />
                            <label for=box_id>{label}</label>
                        </div>
                    }
                })
                .collect_view()
        };
        view! {
            <fieldset
                class="service-goals"
                id=fieldset_id
                tabindex="-1"
                aria-describedby=described_by
            >
                <legend>{tr("services.goals.legend")}</legend>
                <p class="hint" id=hint_id>{tr("services.goals.hint")}</p>
                {known}
                {stale}
            </fieldset>
        }
        .into_any()
    })
}
