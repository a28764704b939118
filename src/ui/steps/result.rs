//! The result step: the plan computed from the case, as a prioritised table with each
//! line's score, units, cost, funded amount and reason in plain words; the totals; two
//! charts (by service, by month) with text alternatives; the GAS/COPM summaries; and a
//! "what if" panel that recomputes in memory and changes the case only when confirmed.
//! When the case is not complete, it says what is missing in which step instead.

use crate::engine::allocate::Totals;
use crate::engine::date::Date;
use crate::engine::plan::{compute_plan, PlanDocument, PlanResult};
use crate::engine::problem::Problem;
use crate::engine::validate::validate_case;
use crate::i18n::{format_date, format_money, t, tf, Lang};
use crate::plan_view::{self, ChartRow, LineChange, LineState, Status, TrialService, WhatIf};
use crate::ui::app::{use_app, Screen};
use crate::ui::browser::focus_id_later;
use crate::ui::form::{error_text, move_buttons, problem_line, problem_text, StepActions};
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
            <WhatIfPanel computed />
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
                            .map(|p| {
                                let line = ctx
                                    .case
                                    .with_untracked(|c| problem_line(l, c, p));
                                view! { <li>{line}</li> }
                            })
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

/// A column header of the plan table (`class` names its column for the layout).
fn plan_col(lang: Lang, key: &str, class: &'static str) -> AnyView {
    view! {
        <th role="columnheader" scope="col" class=class>
            {t(lang, key)}
        </th>
    }
    .into_any()
}

/// A cell of the plan table that, laid out as a card on a narrow screen, shows its
/// column's name beside the value. The name is hidden from assistive technology, which
/// already has it from the column header, so nothing is read twice.
fn card_cell(lang: Lang, class: &'static str, key: &str, value: String) -> AnyView {
    view! {
        <td role="cell" class=class>
            <span class="cell-label" aria-hidden="true">{t(lang, key)}</span>
            <span class="cell-value">{value}</span>
        </td>
    }
    .into_any()
}

/// A table laid out as cards on a narrow screen (style/services.css, `.card-table`) and
/// as a table that fits on a wide screen and in print. It is one semantic table at every
/// width, so nothing is duplicated for assistive technology; the explicit roles keep
/// those semantics where a browser would drop them once the rows are no longer displayed
/// as table rows. It fits at every width, so it needs no scrolling wrapper (and no tab
/// stop for one). `head` is the header row's cells (see [`plan_col`]), `rows` the body's
/// rows (cells from [`card_cell`]).
fn card_table(
    caption_id: &'static str,
    caption: &str,
    class: &'static str,
    id: Option<&'static str>,
    head: AnyView,
    rows: AnyView,
) -> AnyView {
    view! {
        <table class=class id=id role="table" aria-labelledby=caption_id>
            <caption id=caption_id>{caption.to_string()}</caption>
            <thead role="rowgroup">
                <tr role="row">{head}</tr>
            </thead>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
    .into_any()
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
    // The one place a line's reason is worded: the wording shared with verify and print.
    let reason_of = |index: usize| {
        plan_view::line_explanation(l, &doc.case, &doc.price_list, &result.lines, index)
            .map(|words| words.text())
            .unwrap_or_default()
    };
    let rows = result
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let reason = reason_of(index);
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
                <tr role="row" class=format!("plan-line {}", status.class())>
                    <td role="cell" class="num col-order">{line.position.to_string()}</td>
                    <th role="rowheader" scope="row" class="col-service">
                        {name_of(&line.code, &line.name)}
                    </th>
                    <td role="cell" class="col-status">
                        <span class=format!("status-tag {}", status.class())>
                            {t(l, status.key())}
                        </span>
                    </td>
                    <td role="cell" class="col-reason">{reason}</td>
                    {card_cell(l, "col-units", "result.col.units", units)}
                    {card_cell(l, "num col-funded", "result.col.funded", money(l, line.funded_amount))}
                    {card_cell(l, "num col-cost", "result.col.cost", money(l, line.requested_amount))}
                    {card_cell(l, "num col-score", "result.col.score", plan_view::format_decimal(l, line.score))}
                    {card_cell(l, "num col-expert", "result.col.expert", line.expert_rank.to_string())}
                    {card_cell(l, "num col-parent", "result.col.parent", line.parent_rank.to_string())}
                    {card_cell(l, "num col-price", "result.col.price", price)}
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
        {plan_col(l, "result.col.order", "num col-order")}
        {plan_col(l, "result.col.service", "col-service")}
        {plan_col(l, "result.col.status", "col-status")}
        {plan_col(l, "result.col.reason", "col-reason")}
        {plan_col(l, "result.col.units", "col-units")}
        {plan_col(l, "result.col.funded", "num col-funded")}
        {plan_col(l, "result.col.cost", "num col-cost")}
        {plan_col(l, "result.col.score", "num col-score")}
        {plan_col(l, "result.col.expert", "num col-expert")}
        {plan_col(l, "result.col.parent", "num col-parent")}
        {plan_col(l, "result.col.price", "num col-price")}
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
        <p class="hint plan-table-note">{t(l, "plan.table.note")}</p>
        {card_table(
            "result-table-caption",
            t(l, "result.table.caption"),
            "card-table plan-table",
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

/// The trial's changes against the saved plan and its totals, or the problems that stop
/// the trial plan; `None` when the trial values are not usable (the budget is not an
/// amount).
type Comparison = Option<Result<(Vec<LineChange>, Totals), Vec<Problem>>>;

/// The "what if" panel's state: its own trial values, not bound to the case, and what
/// follows from them. All of it is signals, so it is `Copy` into every handler.
#[derive(Clone, Copy)]
struct Trial {
    lang: RwSignal<Lang>,
    ctx: CaseCtx,
    computed: Computed,
    /// The trial that changes nothing, from the saved plan's case.
    saved: Memo<Option<WhatIf>>,
    /// The trial values; `None` follows the saved settings.
    percent: RwSignal<Option<Decimal>>,
    budget_text: RwSignal<Option<String>>,
    services: RwSignal<Option<Vec<TrialService>>>,
    confirming: RwSignal<bool>,
    applied: RwSignal<bool>,
    /// The codes in the trial experts' order (changes only when the order does).
    codes: Memo<Vec<String>>,
    trial: Memo<Option<WhatIf>>,
    differs: Memo<bool>,
    comparison: Memo<Comparison>,
}

impl Trial {
    /// The trial services: the ones being tried, else the saved ones.
    fn services_now(self) -> Vec<TrialService> {
        self.services
            .get()
            .or_else(|| self.saved.get().map(|w| w.services))
            .unwrap_or_default()
    }

    /// The trial expert percent: the one chosen, else the saved one.
    fn trial_percent(self) -> Option<Decimal> {
        self.percent
            .get()
            .or_else(|| self.saved.get().map(|w| w.expert_percent))
    }

    /// The text in the trial budget input: as typed, else the saved budget in the
    /// language's style (the style its hint shows).
    fn budget_input(self) -> String {
        self.budget_text
            .get()
            .or_else(|| {
                self.saved
                    .get()
                    .map(|w| plan_view::money_input_text(self.lang.get(), w.budget))
            })
            .unwrap_or_default()
    }

    /// Whether anything is being tried.
    fn edited(self) -> bool {
        self.percent.get().is_some()
            || self.budget_text.get().is_some()
            || self.services.get().is_some()
    }

    /// Changes the trial services with `f` (a move or a quantity), starting from the
    /// saved ones.
    fn edit_services<T>(self, f: impl FnOnce(&mut WhatIf) -> T) -> Option<T> {
        let mut w = self.saved.get_untracked()?;
        w.services = untrack(|| self.services_now());
        let out = f(&mut w);
        self.services.set(Some(w.services));
        self.applied.set(false);
        Some(out)
    }

    /// Back to the saved settings; focus stays on the panel's first control.
    fn reset(self) {
        self.percent.set(None);
        self.budget_text.set(None);
        self.services.set(None);
        self.confirming.set(false);
        focus_id_later("whatif-weights");
    }

    /// Writes the trial into the case (after confirmation).
    fn apply(self) {
        let Some(trial) = self.trial.get_untracked() else {
            return;
        };
        let mut written = false;
        self.ctx.update(|c| {
            // A changed experts' order must make the parents' order need a look, also in
            // a case that has no record yet of the order the parents saw.
            crate::exchange::note_before_list_change(c);
            written = plan_view::apply_what_if(c, &trial);
        });
        if !written {
            return;
        }
        self.percent.set(None);
        self.budget_text.set(None);
        self.services.set(None);
        self.confirming.set(false);
        self.applied.set(true);
        // A new experts' order makes the parents' order need a look: the plan is then
        // provisional and this panel gives way to the notice, which takes the focus.
        let needs_look = self.ctx.problems.with_untracked(|problems| {
            problems.iter().any(|p| p.path.starts_with("/parentsOrder"))
        });
        focus_id_later(if needs_look {
            "parents-plan-notice"
        } else {
            "whatif-status"
        });
    }
}

/// The "what if" panel: its own controls, not bound to the case; the case changes only
/// after "Use these settings" is confirmed.
#[component]
fn WhatIfPanel(computed: Computed) -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let saved =
        Memo::new(move |_| computed.with(|c| c.as_ref().ok().map(|doc| WhatIf::saved(&doc.case))));
    let percent = RwSignal::new(None::<Decimal>);
    let budget_text = RwSignal::new(None::<String>);
    let services = RwSignal::new(None::<Vec<TrialService>>);
    let codes = Memo::new(move |_| {
        services
            .get()
            .or_else(|| saved.get().map(|w| w.services))
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.code)
            .collect::<Vec<_>>()
    });
    let trial = Memo::new(move |_| {
        // The saved trial (the source of everything below) first: see `ResultStep`.
        let mut t = saved.get()?;
        if let Some(text) = budget_text.get() {
            t.budget = plan_view::parse_money_input(&text)?;
        }
        if let Some(p) = percent.get() {
            t.expert_percent = p;
        }
        if let Some(list) = services.get() {
            t.services = list;
        }
        Some(t)
    });
    let differs = Memo::new(move |_| {
        computed.track();
        match (saved.get(), trial.get()) {
            (Some(saved), Some(trial)) => trial.differs(&saved),
            _ => false,
        }
    });
    let comparison = Memo::new(move |_| {
        // The plan first, then the trial derived from it: see `ResultStep`.
        computed.track();
        let t = trial.get()?;
        computed.with(|c| {
            let doc = c.as_ref().ok()?;
            let result = match reference() {
                Ok(reference) => plan_view::what_if(&doc.case, reference, &t).map(|alloc| {
                    (
                        plan_view::compare(&doc.result.lines, &alloc.lines),
                        alloc.totals,
                    )
                }),
                Err(problems) => Err(problems.to_vec()),
            };
            Some(result)
        })
    });
    let trial = Trial {
        lang,
        ctx,
        computed,
        saved,
        percent,
        budget_text,
        services,
        confirming: RwSignal::new(false),
        applied: RwSignal::new(false),
        codes,
        trial,
        differs,
        comparison,
    };
    let has_plan = Memo::new(move |_| saved.with(Option::is_some));
    move || has_plan.get().then(|| untrack(|| what_if_panel(trial)))
}

/// The panel itself: the trial weights and budget, the trial services, the comparison,
/// the actions and the confirmation. Nothing here reads a signal while building; its
/// bindings and regions do.
fn what_if_panel(s: Trial) -> AnyView {
    let invalid = move || s.budget_text.get().is_some() && s.trial.get().is_none();
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
            {what_if_services(s)}
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
                    // The trial (a source of `differs`) is read first: see `ResultStep`.
                    disabled=move || {
                        let usable = s.trial.get().is_some()
                            && s.comparison.with(|c| matches!(c, Some(Ok(_))));
                        (!usable || !s.differs.get()).then_some("")
                    }
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
                    disabled=move || (!s.edited()).then_some("")
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

/// The services to try in another experts' order and with other quantities: one item
/// per service with its quantity field and move buttons. The list is rebuilt only when
/// the order changes (the move buttons then put focus back on the moved item's button);
/// typing a quantity updates its own field and error in place.
fn what_if_services(s: Trial) -> AnyView {
    view! {
        <fieldset class="what-if-services">
            <legend class="label">{tr("whatif.services")}</legend>
            <p class="hint">{tr("whatif.services.hint")}</p>
            <ol class="what-if-service-list">
                {move || {
                    let codes = s.codes.get();
                    let len = codes.len();
                    codes
                        .into_iter()
                        .enumerate()
                        .map(|(index, code)| what_if_service(s, index, len, code))
                        .collect_view()
                }}
            </ol>
        </fieldset>
    }
    .into_any()
}

/// One service of the trial list.
fn what_if_service(s: Trial, index: usize, len: usize, code: String) -> AnyView {
    let name_code = code.clone();
    let name = Signal::derive(move || {
        let l = s.lang.get();
        s.computed.with(|c| match c {
            Ok(doc) => doc
                .price_list
                .service(&name_code)
                .map(|svc| plan_view::service_name(l, svc).to_string())
                .unwrap_or_else(|| name_code.clone()),
            Err(_) => name_code.clone(),
        })
    });
    let was_code = code.clone();
    let was = move || {
        let saved_index = s.saved.with(|w| {
            w.as_ref()
                .and_then(|w| w.services.iter().position(|x| x.code == was_code))
        })?;
        (saved_index != index).then(|| {
            let l = s.lang.get();
            view! {
                <span class="what-if-was">
                    {tf(l, "whatif.was", &[("place", &(saved_index + 1).to_string())])}
                </span>
            }
        })
    };
    let qty_code = code.clone();
    let quantity = move || {
        s.services_now()
            .into_iter()
            .find(|x| x.code == qty_code)
            .map(|x| x.quantity)
            .unwrap_or_default()
    };
    let error = Memo::new(move |_| {
        s.comparison.with(|c| match c {
            Some(Err(problems)) => problems
                .iter()
                .find(|p| plan_view::trial_line_of(p) == Some(index))
                .map(|p| problem_text(s.lang.get(), p)),
            _ => None,
        })
    });
    let input_id = format!("whatif-qty-{index}");
    let error_id = format!("whatif-qty-{index}-error");
    let described = error_id.clone();
    let input_code = code;
    let on_move = Callback::new(move |(from, to): (usize, usize)| {
        s.edit_services(|w| w.move_service(from, to < from));
    });
    view! {
        <li class="what-if-service" class:form-group-error=move || error.with(Option::is_some)>
            <div class="what-if-service-name">
                <span class="what-if-place">{format!("{}.", index + 1)}</span>
                " "
                {move || name.get()}
                {was}
            </div>
            <div class="what-if-service-controls">
                <label class="label-inline" for=input_id.clone()>
                    {tr("whatif.quantity")}
                    <span class="visually-hidden">": " {move || name.get()}</span>
                </label>
                {move || {
                    error
                        .get()
                        .map(|text| {
                            let l = s.lang.get();
                            view! {
                                <p class="error-message" id=error_id.clone()>
                                    {error_text(l, &text)}
                                </p>
                            }
                        })
                }}
                <input
                    id=input_id
                    class="input input-quantity"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                    prop:value=quantity
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        s.edit_services(|w| w.set_quantity(&input_code, &text));
                    }
                />
                {move_buttons(index, len, name, "whatif-svc", on_move)}
            </div>
        </li>
    }
    .into_any()
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

/// How a line moves and how its funding changes, in words: "Moves up from place 7 to
/// place 6; funding +€150.00".
fn change_text(lang: Lang, change: &LineChange) -> String {
    let mut parts = Vec::new();
    if let (Some(b), Some(a)) = (&change.before, &change.after) {
        let places = [
            ("from", b.position.to_string()),
            ("to", a.position.to_string()),
        ];
        let places: Vec<(&str, &str)> = places.iter().map(|(k, v)| (*k, v.as_str())).collect();
        match change.places_up() {
            Some(n) if n > 0 => parts.push(tf(lang, "whatif.move.up", &places)),
            Some(n) if n < 0 => parts.push(tf(lang, "whatif.move.down", &places)),
            _ => parts.push(t(lang, "whatif.move.none").to_string()),
        }
    }
    let delta = change.funding_delta();
    let key = if delta > Decimal::ZERO {
        "whatif.funding.more"
    } else if delta < Decimal::ZERO {
        "whatif.funding.less"
    } else {
        "whatif.funding.same"
    };
    parts.push(tf(
        lang,
        key,
        &[("amount", &format_money(lang, delta.abs()))],
    ));
    parts.join("; ")
}

/// What the trial would change: a region inside the live status box.
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
        Some(Err(problems)) => {
            // Problems on a trial line are shown at its field; the rest are listed here.
            let items = problems
                .iter()
                .filter(|p| plan_view::trial_line_of(p).is_none())
                .map(|p| view! { <li>{problem_text(l, p)}</li> })
                .collect_view();
            return view! {
                <p>{t(l, "whatif.error")}</p>
                <ul>{items}</ul>
            }
            .into_any();
        }
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
                let (unit, name) = match line {
                    Some(line) => (
                        line.unit,
                        doc.price_list
                            .service(&line.code)
                            .map(|s| plan_view::service_name(l, s).to_string())
                            .unwrap_or_else(|| line.code.clone()),
                    ),
                    None => (crate::engine::reference::Unit::Item, change.code.clone()),
                };
                // The trial's quantity, which may differ from the saved one.
                let quantity_of = |state: Option<&LineState>, saved: bool| match (state, line) {
                    (Some(_), Some(line)) if saved => line.quantity,
                    (Some(_), _) => s
                        .trial
                        .with_untracked(|t| {
                            t.as_ref().and_then(|t| {
                                t.services
                                    .iter()
                                    .find(|x| x.code == change.code)
                                    .and_then(|x| x.quantity.trim().parse().ok())
                            })
                        })
                        .unwrap_or_default(),
                    (None, _) => 0,
                };
                let before = state_text(
                    l,
                    change.before.as_ref(),
                    unit,
                    quantity_of(change.before.as_ref(), true),
                );
                let after = state_text(
                    l,
                    change.after.as_ref(),
                    unit,
                    quantity_of(change.after.as_ref(), false),
                );
                view! {
                    <tr role="row">
                        <th role="rowheader" scope="row" class="col-service">{name}</th>
                        {card_cell(l, "col-now", "whatif.col.now", before)}
                        {card_cell(l, "col-then", "whatif.col.then", after)}
                        {card_cell(l, "col-change", "whatif.col.change", change_text(l, change))}
                    </tr>
                }
                .into_any()
            })
            .collect::<Vec<_>>()
    });
    let head = view! {
        {plan_col(l, "result.col.service", "col-service")}
        {plan_col(l, "whatif.col.now", "col-now")}
        {plan_col(l, "whatif.col.then", "col-then")}
        {plan_col(l, "whatif.col.change", "col-change")}
    }
    .into_any();
    let count = changes.len().to_string();
    view! {
        <p>
            <strong>{tf(l, "whatif.changes", &[("count", &count)])}</strong>
        </p>
        <p>{totals_text}</p>
        {card_table(
            "whatif-caption",
            t(l, "whatif.table.caption"),
            "card-table what-if-table",
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
    let trial = s.trial.get();
    let budget = trial
        .as_ref()
        .map(|t| format_money(l, t.budget))
        .unwrap_or_default();
    let (services_change, order_change) = match (trial.as_ref(), s.saved.get()) {
        (Some(t), Some(saved)) => (t.services_differ(&saved), t.order_differs(&saved)),
        _ => (false, false),
    };
    view! {
        <div class="confirm alert alert-warning">
            <p>{tf(l, "whatif.confirm", &[("budget", &budget), ("weights", &words)])}</p>
            {services_change.then(|| view! { <p>{t(l, "whatif.confirm.services")}</p> })}
            {order_change.then(|| view! { <p>{t(l, "whatif.confirm.parents_look")}</p> })}
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
