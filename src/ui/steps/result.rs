//! The result step: the plan computed from the case, as a prioritised table with each
//! line's score, units, cost, funded amount and reason in plain words; the totals; two
//! charts (by service, by month) with text alternatives; the GAS/COPM summaries; and a
//! "what if" panel that recomputes in memory and changes the case only when confirmed.
//! When the case is not complete, it says what is missing in which step instead.

use crate::draft::{set_at, value_from_text, FieldKind};
use crate::engine::date::Date;
use crate::engine::money::{money_string, parse_money};
use crate::engine::plan::{compute_plan, PlanDocument};
use crate::engine::problem::Problem;
use crate::engine::validate::validate_case;
use crate::i18n::{format_date, format_money, t, tf, Lang};
use crate::plan_view::{self, ChartRow, LineState, Status};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser::focus_id_later;
use crate::ui::fields::{problem_text, StepActions};
use crate::ui::workspace::{reference, use_case, Step};
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn compute(case: &Value) -> Result<PlanDocument, Vec<Problem>> {
    let reference = reference().map_err(<[Problem]>::to_vec)?;
    let valid = validate_case(case, reference)?;
    compute_plan(&valid, &reference.catalogue)
}

fn date_text(lang: Lang, d: Date) -> String {
    format_date(lang, d.year(), u32::from(d.month()), u32::from(d.day()))
}

fn money(lang: Lang, amount: Decimal) -> String {
    format_money(lang, amount)
}

/// The result step's screen.
#[component]
pub fn ResultStep() -> impl IntoView {
    let ctx = use_case();
    let computed = Memo::new(move |_| ctx.case.with(compute));
    let is_ok = Memo::new(move |_| computed.with(Result::is_ok));
    view! {
        <section aria-labelledby="step-title" class="result-step">
            <h1 id="step-title">{crate::ui::app::tr("step.result")}</h1>
            {move || if is_ok.get() {
                view! { <PlanView computed=computed/> }.into_any()
            } else {
                view! { <MissingSummary computed=computed/> }.into_any()
            }}
            <WhatIf computed=computed/>
            <StepActions step=Step::Result/>
        </section>
    }
}

/// What is missing, step by step, with a link to each step.
#[component]
fn MissingSummary(computed: Memo<Result<PlanDocument, Vec<Problem>>>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let ctx = use_case();
    let groups = Memo::new(move |_| {
        let problems = computed.with(|c| c.as_ref().err().cloned().unwrap_or_default());
        let mut groups: Vec<(Option<Step>, Vec<Problem>)> = Vec::new();
        for p in problems {
            let step = plan_view::problem_step(&p).and_then(Step::from_slug);
            match groups.iter_mut().find(|(s, _)| *s == step) {
                Some((_, list)) => list.push(p),
                None => groups.push((step, vec![p])),
            }
        }
        let order = |s: &Option<Step>| match s {
            Some(step) => Step::ALL.iter().position(|x| x == step).unwrap_or(0),
            None => Step::ALL.len(),
        };
        groups.sort_by_key(|(s, _)| order(s));
        groups
    });
    view! {
        <div class="alert alert-warning result-missing">
            <h2>{crate::ui::app::tr("result.problems.title")}</h2>
            <p>{crate::ui::app::tr("result.problems.lead")}</p>
            {move || groups.get().into_iter().map(|(step, problems)| {
                let l = lang.get();
                let heading = match step {
                    Some(step) => {
                        let name = t(l, step.title_key());
                        let href = Screen::Case { id: ctx.id.get_value(), step }.hash();
                        view! {
                            <h3>
                                <a href=href on:click=move |ev| {
                                    ev.prevent_default();
                                    ctx.show_errors.set(true);
                                    app.navigate(Screen::Case { id: ctx.id.get_value(), step });
                                }>{tf(l, "result.problems.go", &[("step", name)])}</a>
                            </h3>
                        }.into_any()
                    }
                    None => view! { <h3>{t(l, "result.problems.general")}</h3> }.into_any(),
                };
                view! {
                    {heading}
                    <ul>
                        {problems.iter().map(|p| view! { <li>{problem_text(l, p)}</li> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </div>
    }
}

/// The computed plan: lead, totals, table, charts and outcome measures.
#[component]
fn PlanView(computed: Memo<Result<PlanDocument, Vec<Problem>>>) -> impl IntoView {
    let lang = use_app().lang;
    move || {
        let Ok(doc) = computed.get() else {
            return ().into_any();
        };
        let l = lang.get();
        let settings = &doc.case.settings;
        let result = &doc.result;
        let age = Some(settings.start_date.age_in_years(doc.case.child.birth));
        let expert_percent = settings.weights.expert * Decimal::ONE_HUNDRED;
        let weights = plan_view::weights_in_words(l, expert_percent);
        let policy = match settings.policy {
            crate::engine::case::Policy::Fill => "result.policy.fill",
            crate::engine::case::Policy::Strict => "result.policy.strict",
        };
        let totals = &result.totals;
        let name_of = |code: &str, fallback: &crate::engine::reference::LocalName| match doc
            .price_list
            .service(code)
        {
            Some(s) => plan_view::service_name(l, s).to_string(),
            None => match l {
                Lang::Lv => fallback.lv.clone(),
                Lang::En => fallback.en.clone(),
            },
        };
        let rows = result
            .lines
            .iter()
            .map(|line| {
                let service = doc.price_list.service(&line.code);
                let reason = plan_view::reason_text(l, line, service, age);
                let status = Status::of(line.reason);
                let units = tf(
                    l,
                    "result.units_value",
                    &[
                        ("funded", &line.funded_units.to_string()),
                        (
                            "requested",
                            &plan_view::of_count_text(l, line.unit, line.quantity),
                        ),
                    ],
                );
                view! {
                    <tr class=status.class()>
                        <td class="num">{line.position}</td>
                        <th scope="row">{name_of(&line.code, &line.name)}</th>
                        <td class="num">{plan_view::format_decimal(l, line.score)}</td>
                        <td class="num">{line.expert_rank}</td>
                        <td class="num">{line.parent_rank}</td>
                        <td>{units}</td>
                        <td class="num">{tf(l, "services.price_per_unit", &[
                            ("price", &money(l, line.unit_price)),
                            ("unit", plan_view::unit_name(l, line.unit)),
                        ])}</td>
                        <td class="num">{money(l, line.requested_amount)}</td>
                        <td class="num">{money(l, line.funded_amount)}</td>
                        <td class="reason">{reason}</td>
                    </tr>
                }
            })
            .collect_view();

        let service_rows: Vec<ChartRow> = result
            .lines
            .iter()
            .map(|line| {
                let name = name_of(&line.code, &line.name);
                ChartRow {
                    label: format!("{}. {name}", line.position),
                    value: money(l, line.funded_amount),
                    funded: line.funded_amount,
                    unmet: line.unmet_amount,
                    title: tf(
                        l,
                        "result.chart.bar",
                        &[
                            ("name", &name),
                            ("funded", &money(l, line.funded_amount)),
                            ("unmet", &money(l, line.unmet_amount)),
                        ],
                    ),
                }
            })
            .collect();
        let services_svg = plan_view::svg_bar_chart(
            "chart-services",
            t(l, "result.chart.services.title"),
            t(l, "result.chart.services.desc"),
            &service_rows,
        );
        let month_rows: Vec<ChartRow> = result
            .months
            .iter()
            .map(|m| {
                let label = format!(
                    "{} ({}–{})",
                    tf(
                        l,
                        "result.chart.month_label",
                        &[("n", &m.month.to_string())]
                    ),
                    date_text(l, m.start),
                    date_text(l, m.end)
                );
                ChartRow {
                    label: tf(
                        l,
                        "result.chart.month_label",
                        &[("n", &m.month.to_string())],
                    ),
                    value: money(l, m.amount),
                    funded: m.amount,
                    unmet: Decimal::ZERO,
                    title: format!("{label}: {}", money(l, m.amount)),
                }
            })
            .collect();
        let months_svg = plan_view::svg_bar_chart(
            "chart-months",
            t(l, "result.chart.months.title"),
            t(l, "result.chart.months.desc"),
            &month_rows,
        );
        let chart_data = result
            .lines
            .iter()
            .map(|line| {
                view! {
                    <tr>
                        <th scope="row">{name_of(&line.code, &line.name)}</th>
                        <td class="num">{money(l, line.funded_amount)}</td>
                        <td class="num">{money(l, line.unmet_amount)}</td>
                    </tr>
                }
            })
            .collect_view();
        let month_data = result.months.iter().map(|m| view! {
            <tr>
                <th scope="row">{tf(l, "result.chart.month_label", &[("n", &m.month.to_string())])}</th>
                <td>{format!("{}–{}", date_text(l, m.start), date_text(l, m.end))}</td>
                <td class="num">{money(l, m.amount)}</td>
            </tr>
        }).collect_view();

        let gas = &result.gas;
        let gas_lines = match (&gas.baseline, &gas.attained) {
            (None, _) => vec![t(l, "result.gas.none").to_string()],
            (Some(b), attained) => {
                let mut v = vec![tf(
                    l,
                    "result.gas.baseline",
                    &[
                        ("unweighted", &plan_view::format_decimal(l, b.unweighted)),
                        ("weighted", &plan_view::format_decimal(l, b.weighted)),
                        ("goals", &gas.goals.to_string()),
                    ],
                )];
                if let Some(a) = attained {
                    v.push(tf(
                        l,
                        "result.gas.attained",
                        &[
                            ("unweighted", &plan_view::format_decimal(l, a.unweighted)),
                            ("weighted", &plan_view::format_decimal(l, a.weighted)),
                        ],
                    ));
                }
                v
            }
        };
        let copm = &result.copm;
        let copm_lines = match (copm.performance, copm.satisfaction) {
            (Some(p), Some(s)) => {
                let mut v = vec![tf(
                    l,
                    "result.copm",
                    &[
                        ("performance", &plan_view::format_decimal(l, p)),
                        ("satisfaction", &plan_view::format_decimal(l, s)),
                        ("goals", &copm.goals.to_string()),
                    ],
                )];
                if let Some(r) = &copm.review {
                    v.push(tf(
                        l,
                        "result.copm.review",
                        &[
                            ("performance", &plan_view::format_decimal(l, r.performance)),
                            (
                                "pchange",
                                &plan_view::format_decimal(l, r.performance_change),
                            ),
                            (
                                "satisfaction",
                                &plan_view::format_decimal(l, r.satisfaction),
                            ),
                            (
                                "schange",
                                &plan_view::format_decimal(l, r.satisfaction_change),
                            ),
                        ],
                    ));
                }
                v
            }
            _ => vec![t(l, "result.copm.none").to_string()],
        };

        view! {
            <p class="lead">{tf(l, "result.lead", &[("weights", &weights)])}</p>
            <p>
                {tf(l, "result.period", &[
                    ("start", &date_text(l, result.period.start)),
                    ("end", &date_text(l, result.period.end)),
                ])}
                " "{t(l, policy)}
            </p>

            <h2 id="result-totals-title">{t(l, "result.totals.title")}</h2>
            <dl class="summary-list" id="result-totals" aria-labelledby="result-totals-title">
                <div><dt>{t(l, "result.totals.budget")}</dt><dd>{money(l, totals.budget)}</dd></div>
                <div><dt>{t(l, "result.totals.requested")}</dt><dd>{money(l, totals.requested)}</dd></div>
                <div><dt>{t(l, "result.totals.allocated")}</dt><dd>{money(l, totals.allocated)}</dd></div>
                <div><dt>{t(l, "result.totals.remaining")}</dt><dd>{money(l, totals.remaining)}</dd></div>
                <div><dt>{t(l, "result.totals.unmet")}</dt><dd>{money(l, totals.unmet)}</dd></div>
            </dl>

            <h2>{t(l, "result.table.title")}</h2>
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="result-table-caption">
                <table class="plan-table" id="plan-table">
                    <caption id="result-table-caption">{t(l, "result.table.caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{t(l, "result.col.order")}</th>
                            <th scope="col">{t(l, "result.col.service")}</th>
                            <th scope="col" class="num">{t(l, "result.col.score")}</th>
                            <th scope="col" class="num">{t(l, "result.col.expert")}</th>
                            <th scope="col" class="num">{t(l, "result.col.parent")}</th>
                            <th scope="col">{t(l, "result.col.units")}</th>
                            <th scope="col" class="num">{t(l, "result.col.price")}</th>
                            <th scope="col" class="num">{t(l, "result.col.cost")}</th>
                            <th scope="col" class="num">{t(l, "result.col.funded")}</th>
                            <th scope="col">{t(l, "result.col.reason")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>

            <h2>{t(l, "result.chart.services.title")}</h2>
            <ul class="chart-legend">
                <li><span class="swatch swatch-funded" aria-hidden="true"></span>{t(l, "result.chart.legend.funded")}</li>
                <li><span class="swatch swatch-unmet" aria-hidden="true"></span>{t(l, "result.chart.legend.unmet")}</li>
            </ul>
            <div class="chart" inner_html=services_svg></div>
            <details class="chart-data">
                <summary>{t(l, "result.chart.show_data")}</summary>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="chart-services-caption">
                    <table>
                        <caption id="chart-services-caption">{t(l, "result.chart.services.title")}</caption>
                        <thead><tr>
                            <th scope="col">{t(l, "result.col.service")}</th>
                            <th scope="col" class="num">{t(l, "result.col.funded")}</th>
                            <th scope="col" class="num">{t(l, "result.col.unmet")}</th>
                        </tr></thead>
                        <tbody>{chart_data}</tbody>
                    </table>
                </div>
            </details>

            <h2>{t(l, "result.chart.months.title")}</h2>
            <div class="chart" inner_html=months_svg></div>
            <p class="hint">{t(l, "result.months.note")}</p>
            <details class="chart-data">
                <summary>{t(l, "result.chart.show_data")}</summary>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="chart-months-caption">
                    <table>
                        <caption id="chart-months-caption">{t(l, "result.chart.months.title")}</caption>
                        <thead><tr>
                            <th scope="col">{t(l, "result.col.month")}</th>
                            <th scope="col">{t(l, "result.col.dates")}</th>
                            <th scope="col" class="num">{t(l, "result.col.amount")}</th>
                        </tr></thead>
                        <tbody>{month_data}</tbody>
                    </table>
                </div>
            </details>

            <h2>{t(l, "result.outcomes.title")}</h2>
            <ul class="outcomes">
                {gas_lines.into_iter().chain(copm_lines).map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

fn state_text(
    lang: Lang,
    state: Option<&LineState>,
    unit: crate::engine::reference::Unit,
    quantity: u64,
) -> String {
    match state {
        None => t(lang, "whatif.absent").to_string(),
        Some(s) => tf(
            lang,
            "whatif.state",
            &[
                ("position", &s.position.to_string()),
                ("status", t(lang, s.status.key())),
                (
                    "units",
                    &tf(
                        lang,
                        "result.units_value",
                        &[
                            ("funded", &s.funded_units.to_string()),
                            ("requested", &plan_view::of_count_text(lang, unit, quantity)),
                        ],
                    ),
                ),
                ("amount", &format_money(lang, s.funded_amount)),
            ],
        ),
    }
}

/// The "what if" panel: its own controls, not bound to the case; the case changes only
/// after "Use these settings" is confirmed.
#[component]
fn WhatIf(computed: Memo<Result<PlanDocument, Vec<Problem>>>) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let saved = Memo::new(move |_| {
        computed.with(|c| {
            c.as_ref().ok().map(|doc| {
                (
                    (doc.case.settings.weights.expert * Decimal::ONE_HUNDRED).normalize(),
                    doc.case.settings.budget,
                )
            })
        })
    });
    // The trial values; `None` follows the saved settings.
    let percent = RwSignal::new(None::<Decimal>);
    let budget_text = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let applied = RwSignal::new(false);
    let trial_percent = move || percent.get().or_else(|| saved.get().map(|s| s.0));
    let budget_input = move || {
        budget_text
            .get()
            .or_else(|| saved.get().map(|s| money_string(s.1)))
            .unwrap_or_default()
    };
    let trial_budget = Memo::new(move |_| {
        let text = budget_input();
        let normal = crate::draft::text_of(Some(&value_from_text(FieldKind::Decimal, &text)));
        parse_money(normal.trim()).ok()
    });
    let differs = Memo::new(
        move |_| match (saved.get(), trial_percent(), trial_budget.get()) {
            (Some((sp, sb)), Some(p), Some(b)) => p != sp || b != sb,
            _ => false,
        },
    );
    let comparison = Memo::new(move |_| {
        let (Some(p), Some(b)) = (trial_percent(), trial_budget.get()) else {
            return None;
        };
        computed.with(|c| {
            let doc = c.as_ref().ok()?;
            Some(
                plan_view::what_if(&doc.case, &doc.price_list, p, b)
                    .map(|alloc| {
                        (
                            plan_view::compare(&doc.result.lines, &alloc.lines),
                            alloc.totals,
                        )
                    })
                    .map_err(|_| ()),
            )
        })
    });
    let reset = move |_| {
        percent.set(None);
        budget_text.set(None);
        confirming.set(false);
    };
    let apply = move |_| {
        let (Some(p), Some(b)) = (trial_percent(), trial_budget.get_untracked()) else {
            return;
        };
        let Some((expert, parent)) = plan_view::weights_for_percent(p) else {
            return;
        };
        ctx.update(|c| {
            set_at(c, "/settings/weights/expert", Value::String(expert));
            set_at(c, "/settings/weights/parent", Value::String(parent));
            set_at(c, "/settings/budget", Value::String(money_string(b)));
        });
        percent.set(None);
        budget_text.set(None);
        confirming.set(false);
        applied.set(true);
        focus_id_later("whatif-status");
    };
    let has_plan = Memo::new(move |_| saved.with(Option::is_some));
    view! {
        {move || has_plan.get().then(|| view! {
            <section class="what-if" aria-labelledby="whatif-title">
                <h2 id="whatif-title">{crate::ui::app::tr("whatif.title")}</h2>
                <p>{crate::ui::app::tr("whatif.lead")}</p>
                <div class="what-if-controls">
                    <div class="form-group">
                        <label class="label" for="whatif-weights">{crate::ui::app::tr("whatif.weights")}</label>
                        <select id="whatif-weights" class="select" on:change=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse::<Decimal>() {
                                percent.set(Some(p));
                                applied.set(false);
                            }
                        }>
                            {move || {
                                let l = lang.get();
                                let current = trial_percent();
                                plan_view::percent_options(current).into_iter().map(|p| view! {
                                    <option value=p.to_string() selected=Some(p) == current>{plan_view::weights_in_words(l, p)}</option>
                                }).collect_view()
                            }}
                        </select>
                    </div>
                    <div class="form-group" class:form-group-error=move || trial_budget.get().is_none()>
                        <label class="label" for="whatif-budget">{crate::ui::app::tr("whatif.budget")}</label>
                        <p class="hint" id="whatif-budget-hint">{crate::ui::app::tr("whatif.budget.hint")}</p>
                        {move || trial_budget.get().is_none().then(|| view! {
                            <p class="error-message" id="whatif-budget-error">
                                <span class="visually-hidden">{t(lang.get(), "form.error_prefix")}" "</span>
                                {t(lang.get(), "whatif.budget.invalid")}
                            </p>
                        })}
                        <input id="whatif-budget" class="input input-narrow" type="text" inputmode="decimal" autocomplete="off"
                            aria-describedby=move || if trial_budget.get().is_none() { "whatif-budget-hint whatif-budget-error" } else { "whatif-budget-hint" }
                            aria-invalid=move || trial_budget.get().is_none().then_some("true")
                            prop:value=budget_input
                            on:input=move |ev| {
                                budget_text.set(Some(event_target_value(&ev)));
                                applied.set(false);
                            }/>
                    </div>
                </div>
                <div id="whatif-status" class="what-if-result" role="status" aria-live="polite" tabindex="-1">
                    {move || {
                        let l = lang.get();
                        if applied.get() && !differs.get() {
                            return view! { <p class="alert alert-success">{t(l, "whatif.applied")}</p> }.into_any();
                        }
                        match comparison.get() {
                            None => ().into_any(),
                            Some(Err(())) => view! { <p>{t(l, "whatif.error")}</p> }.into_any(),
                            Some(Ok((changes, totals))) => {
                                if changes.is_empty() && !differs.get() {
                                    return view! { <p>{t(l, "whatif.same")}</p> }.into_any();
                                }
                                let totals_text = tf(l, "whatif.totals", &[
                                    ("allocated", &format_money(l, totals.allocated)),
                                    ("remaining", &format_money(l, totals.remaining)),
                                    ("unmet", &format_money(l, totals.unmet)),
                                ]);
                                if changes.is_empty() {
                                    return view! { <p>{t(l, "whatif.same")}" "{totals_text}</p> }.into_any();
                                }
                                let rows = computed.with(|c| {
                                    let Ok(doc) = c else { return Vec::new() };
                                    changes.iter().map(|change| {
                                        let line = doc.result.lines.iter().find(|x| x.code == change.code);
                                        let (unit, quantity, name) = match line {
                                            Some(line) => (
                                                line.unit,
                                                line.quantity,
                                                doc.price_list.service(&line.code)
                                                    .map(|s| plan_view::service_name(l, s).to_string())
                                                    .unwrap_or_else(|| line.code.clone()),
                                            ),
                                            None => (crate::engine::reference::Unit::Item, 0, change.code.clone()),
                                        };
                                        (name, state_text(l, change.before.as_ref(), unit, quantity), state_text(l, change.after.as_ref(), unit, quantity))
                                    }).collect::<Vec<_>>()
                                });
                                view! {
                                    <p><strong>{tf(l, "whatif.changes", &[("count", &changes.len().to_string())])}</strong></p>
                                    <p>{totals_text}</p>
                                    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="whatif-caption">
                                        <table class="what-if-table">
                                            <caption id="whatif-caption">{t(l, "whatif.table.caption")}</caption>
                                            <thead><tr>
                                                <th scope="col">{t(l, "result.col.service")}</th>
                                                <th scope="col">{t(l, "whatif.col.now")}</th>
                                                <th scope="col">{t(l, "whatif.col.then")}</th>
                                            </tr></thead>
                                            <tbody>
                                                {rows.into_iter().map(|(name, before, after)| view! {
                                                    <tr><th scope="row">{name}</th><td>{before}</td><td>{after}</td></tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }.into_any()
                            }
                        }
                    }}
                </div>
                <div class="step-actions what-if-actions">
                    <button type="button" class="button button-primary" id="whatif-use"
                        disabled=move || !differs.get() || trial_budget.get().is_none()
                        on:click=move |_| {
                            confirming.set(true);
                            focus_id_later("whatif-confirm-yes");
                        }>
                        {crate::ui::app::tr("whatif.use")}
                    </button>
                    <button type="button" class="button button-secondary" id="whatif-reset"
                        disabled=move || percent.get().is_none() && budget_text.get().is_none()
                        on:click=reset>
                        {crate::ui::app::tr("whatif.reset")}
                    </button>
                </div>
                {move || confirming.get().then(|| {
                    let l = lang.get();
                    let words = trial_percent().map(|p| plan_view::weights_in_words(l, p)).unwrap_or_default();
                    let budget = trial_budget.get().map(|b| format_money(l, b)).unwrap_or_default();
                    view! {
                        <div class="confirm alert alert-warning">
                            <p>{tf(l, "whatif.confirm", &[("budget", &budget), ("weights", &words)])}</p>
                            <button type="button" class="button button-primary button-small" id="whatif-confirm-yes" on:click=apply>
                                {t(l, "whatif.confirm.yes")}
                            </button>
                            <button type="button" class="button button-secondary button-small" on:click=move |_| {
                                confirming.set(false);
                                focus_id_later("whatif-use");
                            }>
                                {t(l, "whatif.confirm.no")}
                            </button>
                        </div>
                    }
                })}
            </section>
        })}
    }
}
