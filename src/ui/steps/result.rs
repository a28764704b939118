//! The result step: the plan computed from the case, as a prioritised table with each
//! line's score, units, cost, funded amount and reason in plain words; the totals; two
//! charts (by service, by month) with text alternatives; the GAS/COPM summaries; and a
//! "what if" panel that recomputes in memory and changes the case only when confirmed.
//! When the case is not complete, it says what is missing in which step instead.

use crate::draft::{set_at, value_from_text, FieldKind};
use crate::engine::allocate::Totals;
use crate::engine::date::Date;
use crate::engine::money::{money_string, parse_money};
use crate::engine::plan::{compute_plan, PlanDocument, PlanResult};
use crate::engine::problem::Problem;
use crate::engine::validate::validate_case;
use crate::i18n::{format_date, format_money, t, tf, Lang};
use crate::plan_view::{self, ChartRow, LineChange, LineState, Status};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_text, problem_text, StepActions};
use crate::ui::prelude::*;
use crate::ui::workspace::{reference, use_case, CaseCtx, Step};
use rust_decimal::Decimal;
use serde_json::Value;

/// The plan computed from the case, or what stops it.
type Computed = Memo<Result<PlanDocument, Vec<Problem>>>;

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
    let computed: Computed = Memo::new(move |_| ctx.case.with(compute));
    let lang = use_app().lang;
    view! {
        <section aria-labelledby="step-title" class="result-step">
            <h1 id="step-title">{tr("step.result")}</h1>
            <super::parents_notice::ParentsNotice preview=true />
            // One region for both: the plan (rebuilt when the plan or the language
            // changes) or, while there is none, what is missing.
            {move || {
                // reactive_graph pitfall: a view closure that reads a memo derived from
                // `computed` (e.g. an `is_ok` memo) *before* `computed` itself misses the
                // plan's changes (checking the derived memo refreshes `computed` without
                // marking this closure dirty), so after "Use these settings" the old plan
                // stayed. Pattern: read the source memo first, here `computed` itself.
                if computed.with(Result::is_ok) {
                    plan_view(computed, lang.get())
                } else {
                    view! { <MissingSummary computed /> }.into_any()
                }
            }}
            <WhatIf computed />
            <StepActions step=Step::Result />
        </section>
    }
}

/// What is missing, step by step, with a link to each step.
#[component]
fn MissingSummary(computed: Computed) -> impl IntoView {
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
        crate::engine::order::sort_by_key(&mut groups, |(s, _)| order(s));
        groups
    });
    view! {
        <div class="alert alert-warning result-missing">
            <h2>{tr("result.problems.title")}</h2>
            <p>{tr("result.problems.lead")}</p>
            {move || {
                groups
                    .get()
                    .into_iter()
                    .map(|(step, problems)| {
                        let l = lang.get();
                        let heading = match step {
                            Some(step) => {
                                let name = t(l, step.title_key());
                                let href = Screen::Case {
                                    id: ctx.id.get_value(),
                                    step,
                                }
                                .hash();
                                view! {
                                    <h3>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                ctx.show_errors.set(true);
                                                app.navigate(Screen::Case {
                                                    id: ctx.id.get_value(),
                                                    step,
                                                });
                                            }
                                        >
                                            {tf(l, "result.problems.go", &[("step", name)])}
                                        </a>
                                    </h3>
                                }
                                .into_any()
                            }
                            None => {
                                view! { <h3>{t(l, "result.problems.general")}</h3> }.into_any()
                            }
                        };
                        let items = problems
                            .iter()
                            .map(|p| view! { <li>{problem_text(l, p)}</li> })
                            .collect_view();
                        view! {
                            {heading}
                            <ul>{items}</ul>
                        }
                        .into_any()
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A `<th scope="col">`, right-aligned for numbers.
fn col(lang: Lang, key: &str, numeric: bool) -> AnyView {
    view! { <th scope="col" class=numeric.then_some("num")>{t(lang, key)}</th> }.into_any()
}

/// A `<th scope="row">`.
fn row_head(text: String) -> AnyView {
    view! { <th scope="row">{text}</th> }.into_any()
}

/// A right-aligned number cell.
fn num(text: String) -> AnyView {
    view! { <td class="num">{text}</td> }.into_any()
}

/// A table (with class `class` and id `id`, if any) captioned `caption` (with id
/// `caption_id`) in a keyboard-scrollable region named by that caption; `head` is the
/// header row's cells, `rows` the body's rows.
fn table_in_wrap(
    caption_id: &'static str,
    caption: String,
    class: Option<&'static str>,
    id: Option<&'static str>,
    head: AnyView,
    rows: AnyView,
) -> AnyView {
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=caption_id>
            <table class=class id=id>
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A chart's data as a table, folded under "show the data".
fn chart_data(
    lang: Lang,
    caption_id: &'static str,
    caption: String,
    head: AnyView,
    rows: AnyView,
) -> AnyView {
    view! {
        <details class="chart-data">
            <summary>{t(lang, "result.chart.show_data")}</summary>
            {table_in_wrap(caption_id, caption, None, None, head, rows)}
        </details>
    }
    .into_any()
}

/// One total: a `<div>` with its term and amount.
fn total(lang: Lang, key: &str, amount: Decimal) -> AnyView {
    view! {
        <div>
            <dt>{t(lang, key)}</dt>
            <dd>{money(lang, amount)}</dd>
        </div>
    }
    .into_any()
}

/// One colour of a chart's legend.
fn legend(lang: Lang, swatch: &'static str, key: &str) -> AnyView {
    view! {
        <li>
            <span class=swatch aria-hidden="true"></span>
            {t(lang, key)}
        </li>
    }
    .into_any()
}

/// The computed plan: lead, totals, table, charts and outcome measures. Called inside
/// the step's region, so it is rebuilt when the plan changes.
fn plan_view(computed: Computed, l: Lang) -> AnyView {
    computed.with(|c| match c {
        Ok(doc) => plan_document(l, doc),
        Err(_) => ().into_any(),
    })
}

/// The plan's nodes, in language `l`.
fn plan_document(l: Lang, doc: &PlanDocument) -> AnyView {
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
            let price = tf(
                l,
                "services.price_per_unit",
                &[
                    ("price", &money(l, line.unit_price)),
                    ("unit", plan_view::unit_name(l, line.unit)),
                ],
            );
            view! {
                <tr class=status.class()>
                    {num(line.position.to_string())}
                    {row_head(name_of(&line.code, &line.name))}
                    {num(plan_view::format_decimal(l, line.score))}
                    {num(line.expert_rank.to_string())}
                    {num(line.parent_rank.to_string())}
                    <td>{units}</td>
                    {num(price)}
                    {num(money(l, line.requested_amount))}
                    {num(money(l, line.funded_amount))}
                    <td class="reason">{reason}</td>
                </tr>
            }
            .into_any()
        })
        .collect_view()
        .into_any();

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
    let chart_rows = result
        .lines
        .iter()
        .map(|line| {
            view! {
                <tr>
                    {row_head(name_of(&line.code, &line.name))}
                    {num(money(l, line.funded_amount))}
                    {num(money(l, line.unmet_amount))}
                </tr>
            }
            .into_any()
        })
        .collect_view()
        .into_any();
    let month_data = result
        .months
        .iter()
        .map(|m| {
            view! {
                <tr>
                    {row_head(tf(l, "result.chart.month_label", &[("n", &m.month.to_string())]))}
                    <td>{format!("{}–{}", date_text(l, m.start), date_text(l, m.end))}</td>
                    {num(money(l, m.amount))}
                </tr>
            }
            .into_any()
        })
        .collect_view()
        .into_any();
    let outcomes = outcome_lines(l, result)
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();

    let services_title = t(l, "result.chart.services.title");
    let months_title = t(l, "result.chart.months.title");
    let period = tf(
        l,
        "result.period",
        &[
            ("start", &date_text(l, result.period.start)),
            ("end", &date_text(l, result.period.end)),
        ],
    );
    let table_head = view! {
        {col(l, "result.col.order", true)}
        {col(l, "result.col.service", false)}
        {col(l, "result.col.score", true)}
        {col(l, "result.col.expert", true)}
        {col(l, "result.col.parent", true)}
        {col(l, "result.col.units", false)}
        {col(l, "result.col.price", true)}
        {col(l, "result.col.cost", true)}
        {col(l, "result.col.funded", true)}
        {col(l, "result.col.reason", false)}
    }
    .into_any();
    let services_head = view! {
        {col(l, "result.col.service", false)}
        {col(l, "result.col.funded", true)}
        {col(l, "result.col.unmet", true)}
    }
    .into_any();
    let months_head = view! {
        {col(l, "result.col.month", false)}
        {col(l, "result.col.dates", false)}
        {col(l, "result.col.amount", true)}
    }
    .into_any();
    view! {
        <p class="lead">{tf(l, "result.lead", &[("weights", &weights)])}</p>
        <p>{period}" "{t(l, policy)}</p>
        <h2 id="result-totals-title">{t(l, "result.totals.title")}</h2>
        <dl class="summary-list" id="result-totals" aria-labelledby="result-totals-title">
            {total(l, "result.totals.budget", totals.budget)}
            {total(l, "result.totals.requested", totals.requested)}
            {total(l, "result.totals.allocated", totals.allocated)}
            {total(l, "result.totals.remaining", totals.remaining)}
            {total(l, "result.totals.unmet", totals.unmet)}
        </dl>
        <h2>{t(l, "result.table.title")}</h2>
        {table_in_wrap(
            "result-table-caption",
            t(l, "result.table.caption").to_string(),
            Some("plan-table"),
            Some("plan-table"),
            table_head,
            rows,
        )}
        <h2>{services_title}</h2>
        <ul class="chart-legend">
            {legend(l, "swatch swatch-funded", "result.chart.legend.funded")}
            {legend(l, "swatch swatch-unmet", "result.chart.legend.unmet")}
        </ul>
        <div class="chart" inner_html=services_svg></div>
        {chart_data(
            l,
            "chart-services-caption",
            services_title.to_string(),
            services_head,
            chart_rows,
        )}
        <h2>{months_title}</h2>
        <div class="chart" inner_html=months_svg></div>
        <p class="hint">{t(l, "result.months.note")}</p>
        {chart_data(l, "chart-months-caption", months_title.to_string(), months_head, month_data)}
        <h2>{t(l, "result.outcomes.title")}</h2>
        <ul class="outcomes">{outcomes}</ul>
    }
    .into_any()
}

/// The GAS and COPM summaries, one line each.
fn outcome_lines(l: Lang, result: &PlanResult) -> Vec<String> {
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
    let mut lines = gas_lines;
    lines.extend(copm_lines);
    lines
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

/// The saved settings: (expert percent, budget), when there is a plan.
type Saved = Memo<Option<(Decimal, Decimal)>>;

/// The trial's changes against the saved plan and its totals; `Err` when it cannot be
/// computed, `None` when the trial values are not usable.
type Comparison = Option<Result<(Vec<LineChange>, Totals), ()>>;

/// The "what if" panel's state: its own trial values, not bound to the case, and what
/// follows from them. All of it is signals, so it is `Copy` into every handler.
#[derive(Clone, Copy)]
struct Trial {
    lang: RwSignal<Lang>,
    ctx: CaseCtx,
    computed: Computed,
    saved: Saved,
    /// The trial values; `None` follows the saved settings.
    percent: RwSignal<Option<Decimal>>,
    budget_text: RwSignal<Option<String>>,
    confirming: RwSignal<bool>,
    applied: RwSignal<bool>,
    trial_budget: Memo<Option<Decimal>>,
    differs: Memo<bool>,
    comparison: Memo<Comparison>,
}

/// The trial expert percent: the one chosen, else the saved one.
fn trial_percent(percent: RwSignal<Option<Decimal>>, saved: Saved) -> Option<Decimal> {
    percent.get().or_else(|| saved.get().map(|s| s.0))
}

/// The trial budget as typed, else the saved one.
fn budget_input(budget_text: RwSignal<Option<String>>, saved: Saved) -> String {
    budget_text
        .get()
        .or_else(|| saved.get().map(|s| money_string(s.1)))
        .unwrap_or_default()
}

impl Trial {
    /// The trial expert percent.
    fn trial_percent(self) -> Option<Decimal> {
        trial_percent(self.percent, self.saved)
    }

    /// The text in the trial budget input.
    fn budget_input(self) -> String {
        budget_input(self.budget_text, self.saved)
    }

    /// Back to the saved settings.
    fn reset(self) {
        self.percent.set(None);
        self.budget_text.set(None);
        self.confirming.set(false);
    }

    /// Writes the trial settings into the case (after confirmation).
    fn apply(self) {
        let (Some(p), Some(b)) = (
            untrack(|| self.trial_percent()),
            self.trial_budget.get_untracked(),
        ) else {
            return;
        };
        let Some((expert, parent)) = plan_view::weights_for_percent(p) else {
            return;
        };
        self.ctx.update(|c| {
            set_at(c, "/settings/weights/expert", Value::String(expert));
            set_at(c, "/settings/weights/parent", Value::String(parent));
            set_at(c, "/settings/budget", Value::String(money_string(b)));
        });
        self.percent.set(None);
        self.budget_text.set(None);
        self.confirming.set(false);
        self.applied.set(true);
        focus_id_later("whatif-status");
    }
}

/// The "what if" panel: its own controls, not bound to the case; the case changes only
/// after "Use these settings" is confirmed.
#[component]
fn WhatIf(computed: Computed) -> impl IntoView {
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
    let percent = RwSignal::new(None::<Decimal>);
    let budget_text = RwSignal::new(None::<String>);
    let current_percent = move || trial_percent(percent, saved);
    let trial_budget = Memo::new(move |_| {
        let text = budget_input(budget_text, saved);
        let normal = crate::draft::text_of(Some(&value_from_text(FieldKind::Decimal, &text)));
        parse_money(normal.trim()).ok()
    });
    let differs = Memo::new(
        move |_| match (saved.get(), current_percent(), trial_budget.get()) {
            (Some((sp, sb)), Some(p), Some(b)) => p != sp || b != sb,
            _ => false,
        },
    );
    let comparison = Memo::new(move |_| {
        let (Some(p), Some(b)) = (current_percent(), trial_budget.get()) else {
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
    let trial = Trial {
        lang,
        ctx,
        computed,
        saved,
        percent,
        budget_text,
        confirming: RwSignal::new(false),
        applied: RwSignal::new(false),
        trial_budget,
        differs,
        comparison,
    };
    let has_plan = Memo::new(move |_| saved.with(Option::is_some));
    move || has_plan.get().then(|| untrack(|| what_if_panel(trial)))
}

/// The panel itself: the trial weights and budget, the comparison, the actions and the
/// confirmation. Nothing here reads a signal while building; its bindings and regions do.
fn what_if_panel(s: Trial) -> AnyView {
    let invalid = move || s.trial_budget.get().is_none();
    view! {
        <section class="what-if" aria-labelledby="whatif-title">
            <h2 id="whatif-title">{tr("whatif.title")}</h2>
            <p>{tr("whatif.lead")}</p>
            <div class="what-if-controls">
                <div class="form-group">
                    <label class="label" for="whatif-weights">
                        {tr("whatif.weights")}
                    </label>
                    <select
                        id="whatif-weights"
                        class="select"
                        on:change=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse::<Decimal>() {
                                s.percent.set(Some(p));
                                s.applied.set(false);
                            }
                        }
                    >
                        {move || {
                            let l = s.lang.get();
                            let current = s.trial_percent();
                            plan_view::percent_options(current)
                                .into_iter()
                                .map(|p| {
                                    let chosen = Some(p) == current;
                                    // The options are updated in place, so the property
                                    // keeps the choice shown in step with the attribute.
                                    view! {
                                        <option
                                            value=p.to_string()
                                            selected=chosen.then_some("")
                                            prop:selected=chosen
                                        >
                                            {plan_view::weights_in_words(l, p)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="form-group" class:form-group-error=invalid>
                    <label class="label" for="whatif-budget">
                        {tr("whatif.budget")}
                    </label>
                    <p class="hint" id="whatif-budget-hint">
                        {tr("whatif.budget.hint")}
                    </p>
                    {move || {
                        invalid()
                            .then(|| {
                                let l = s.lang.get();
                                view! {
                                    <p class="error-message" id="whatif-budget-error">
                                        {error_text(l, t(l, "whatif.budget.invalid"))}
                                    </p>
                                }
                            })
                    }}
                    <input
                        id="whatif-budget"
                        class="input input-narrow"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=move || {
                            if invalid() {
                                "whatif-budget-hint whatif-budget-error"
                            } else {
                                "whatif-budget-hint"
                            }
                        }
                        aria-invalid=move || invalid().then_some("true")
                        prop:value=move || s.budget_input()
                        on:input=move |ev| {
                            s.budget_text.set(Some(event_target_value(&ev)));
                            s.applied.set(false);
                        }
                    />
                </div>
            </div>
            <div
                id="whatif-status"
                class="what-if-result"
                role="status"
                aria-live="polite"
                tabindex="-1"
            >
                {move || what_if_status(s)}
            </div>
            <div class="step-actions what-if-actions">
                <button
                    type="button"
                    class="button button-primary"
                    id="whatif-use"
                    // The budget (a source of `differs`) is read first: see `ResultStep`.
                    disabled=move || (invalid() || !s.differs.get()).then_some("")
                    on:click=move |_| {
                        s.confirming.set(true);
                        focus_id_later("whatif-confirm-yes");
                    }
                >
                    {tr("whatif.use")}
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    id="whatif-reset"
                    disabled=move || {
                        (s.percent.get().is_none() && s.budget_text.get().is_none()).then_some("")
                    }
                    on:click=move |_| s.reset()
                >
                    {tr("whatif.reset")}
                </button>
            </div>
            {move || what_if_confirm(s)}
        </section>
    }
    .into_any()
}

/// What the trial settings would change: a region inside the live status box.
fn what_if_status(s: Trial) -> AnyView {
    // The plan first (the source of `differs` and `comparison`, read below), so a change
    // of the plan alone is not missed: see `ResultStep`.
    s.computed.track();
    let l = s.lang.get();
    if s.applied.get() && !s.differs.get() {
        return view! { <p class="alert alert-success">{t(l, "whatif.applied")}</p> }.into_any();
    }
    let (changes, totals) = match s.comparison.get() {
        None => return ().into_any(),
        Some(Err(())) => return view! { <p>{t(l, "whatif.error")}</p> }.into_any(),
        Some(Ok(pair)) => pair,
    };
    if changes.is_empty() && !s.differs.get() {
        return view! { <p>{t(l, "whatif.same")}</p> }.into_any();
    }
    let totals_text = tf(
        l,
        "whatif.totals",
        &[
            ("allocated", &format_money(l, totals.allocated)),
            ("remaining", &format_money(l, totals.remaining)),
            ("unmet", &format_money(l, totals.unmet)),
        ],
    );
    if changes.is_empty() {
        return view! { <p>{t(l, "whatif.same")}" "{totals_text}</p> }.into_any();
    }
    let rows = s.computed.with(|c| {
        let Ok(doc) = c else { return Vec::new() };
        changes
            .iter()
            .map(|change| {
                let line = doc.result.lines.iter().find(|x| x.code == change.code);
                let (unit, quantity, name) = match line {
                    Some(line) => (
                        line.unit,
                        line.quantity,
                        doc.price_list
                            .service(&line.code)
                            .map(|s| plan_view::service_name(l, s).to_string())
                            .unwrap_or_else(|| line.code.clone()),
                    ),
                    None => (crate::engine::reference::Unit::Item, 0, change.code.clone()),
                };
                view! {
                    <tr>
                        {row_head(name)}
                        <td>{state_text(l, change.before.as_ref(), unit, quantity)}</td>
                        <td>{state_text(l, change.after.as_ref(), unit, quantity)}</td>
                    </tr>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    });
    let head = view! {
        {col(l, "result.col.service", false)}
        {col(l, "whatif.col.now", false)}
        {col(l, "whatif.col.then", false)}
    }
    .into_any();
    let count = changes.len().to_string();
    view! {
        <p>
            <strong>{tf(l, "whatif.changes", &[("count", &count)])}</strong>
        </p>
        <p>{totals_text}</p>
        {table_in_wrap(
            "whatif-caption",
            t(l, "whatif.table.caption").to_string(),
            Some("what-if-table"),
            None,
            head,
            rows.collect_view().into_any(),
        )}
    }
    .into_any()
}

/// "Write these settings into the case?" with yes and no: a region shown while confirming.
fn what_if_confirm(s: Trial) -> AnyView {
    if !s.confirming.get() {
        return ().into_any();
    }
    let l = s.lang.get();
    let words = s
        .trial_percent()
        .map(|p| plan_view::weights_in_words(l, p))
        .unwrap_or_default();
    let budget = s
        .trial_budget
        .get()
        .map(|b| format_money(l, b))
        .unwrap_or_default();
    view! {
        <div class="confirm alert alert-warning">
            <p>{tf(l, "whatif.confirm", &[("budget", &budget), ("weights", &words)])}</p>
            <button
                type="button"
                class="button button-primary button-small"
                id="whatif-confirm-yes"
                on:click=move |_| s.apply()
            >
                {t(l, "whatif.confirm.yes")}
            </button>
            <button
                type="button"
                class="button button-secondary button-small"
                on:click=move |_| {
                    s.confirming.set(false);
                    focus_id_later("whatif-use");
                }
            >
                {t(l, "whatif.confirm.no")}
            </button>
        </div>
    }
    .into_any()
}
