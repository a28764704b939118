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
use crate::ui::form::{error_text, problem_text, step_actions};
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
pub fn result_step() -> View {
    component(|| {
        let ctx = use_case();
        let computed = Memo::new(move |_| ctx.case.with(compute));
        let lang = use_app().lang;
        el("section")
            .attr("aria-labelledby", "step-title")
            .class("result-step")
            .child(el("h1").id("step-title").tr("step.result"))
            // One region for both: the plan (rebuilt when the plan or the language
            // changes) or, while there is none, what is missing.
            .dyn_view(move || {
                // Whether there is a plan decides which view; the plan view follows the plan.
                if computed.with(Result::is_ok) {
                    plan_view(computed, lang.get())
                } else {
                    missing_summary(computed)
                }
            })
            .view(what_if(computed))
            .view(step_actions(Step::Result))
            .into()
    })
}

/// What is missing, step by step, with a link to each step.
fn missing_summary(computed: Computed) -> View {
    component(move || {
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
        el("div")
            .class("alert alert-warning result-missing")
            .child(el("h2").tr("result.problems.title"))
            .child(el("p").tr("result.problems.lead"))
            .dyn_view(move || {
                let mut view = View::empty();
                for (step, problems) in groups.get() {
                    let l = lang.get();
                    let heading = match step {
                        Some(step) => {
                            let name = t(l, step.title_key());
                            let href = Screen::Case {
                                id: ctx.id.get_value(),
                                step,
                            }
                            .hash();
                            el("h3").child(
                                el("a")
                                    .attr("href", &href)
                                    .on("click", move |ev| {
                                        ev.prevent_default();
                                        ctx.show_errors.set(true);
                                        app.navigate(Screen::Case {
                                            id: ctx.id.get_value(),
                                            step,
                                        });
                                    })
                                    .text(&tf(l, "result.problems.go", &[("step", name)])),
                            )
                        }
                        None => el("h3").text(t(l, "result.problems.general")),
                    };
                    view.push(heading);
                    view.push(
                        el("ul")
                            .children(problems.iter().map(|p| el("li").text(&problem_text(l, p)))),
                    );
                }
                view
            })
            .into()
    })
}

/// A `<th scope="col">`, right-aligned for numbers.
fn col(lang: Lang, key: &str, numeric: bool) -> El {
    let th = el("th").attr("scope", "col");
    let th = if numeric { th.class("num") } else { th };
    th.text(t(lang, key))
}

/// A `<th scope="row">`.
fn row_head(text: &str) -> El {
    el("th").attr("scope", "row").text(text)
}

/// A right-aligned number cell.
fn num(text: &str) -> El {
    el("td").class("num").text(text)
}

/// A table captioned `caption` (with id `caption_id`) in a keyboard-scrollable region
/// named by that caption.
fn table_in_wrap(caption_id: &str, caption: &str, table: El, head: El, body: El) -> El {
    el("div")
        .class("table-wrap")
        .attr("role", "region")
        .attr("tabindex", "0")
        .attr("aria-labelledby", caption_id)
        .child(
            table
                .child(el("caption").id(caption_id).text(caption))
                .child(el("thead").child(head))
                .child(body),
        )
}

/// A chart's data as a table, folded under "show the data".
fn chart_data(lang: Lang, caption_id: &str, caption: &str, head: El, body: El) -> El {
    el("details")
        .class("chart-data")
        .child(el("summary").text(t(lang, "result.chart.show_data")))
        .child(table_in_wrap(caption_id, caption, el("table"), head, body))
}

/// One total: a `<div>` with its term and amount.
fn total(lang: Lang, key: &str, amount: Decimal) -> El {
    el("div")
        .child(el("dt").text(t(lang, key)))
        .child(el("dd").text(&money(lang, amount)))
}

/// One colour of a chart's legend.
fn legend(lang: Lang, swatch: &str, key: &str) -> El {
    el("li")
        .child(el("span").class(swatch).attr("aria-hidden", "true"))
        .text(t(lang, key))
}

/// The computed plan: lead, totals, table, charts and outcome measures. Called inside
/// the step's region, so it is rebuilt when the plan changes.
fn plan_view(computed: Computed, l: Lang) -> View {
    computed.with(|c| match c {
        Ok(doc) => plan_document(l, doc),
        Err(_) => View::empty(),
    })
}

/// The plan's nodes, in language `l`.
fn plan_document(l: Lang, doc: &PlanDocument) -> View {
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
    let rows = el("tbody").children(result.lines.iter().map(|line| {
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
        el("tr")
            .class(status.class())
            .child(num(&line.position.to_string()))
            .child(row_head(&name_of(&line.code, &line.name)))
            .child(num(&plan_view::format_decimal(l, line.score)))
            .child(num(&line.expert_rank.to_string()))
            .child(num(&line.parent_rank.to_string()))
            .child(el("td").text(&units))
            .child(num(&price))
            .child(num(&money(l, line.requested_amount)))
            .child(num(&money(l, line.funded_amount)))
            .child(el("td").class("reason").text(&reason))
    }));

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
    let chart_rows = el("tbody").children(result.lines.iter().map(|line| {
        el("tr")
            .child(row_head(&name_of(&line.code, &line.name)))
            .child(num(&money(l, line.funded_amount)))
            .child(num(&money(l, line.unmet_amount)))
    }));
    let month_data = el("tbody").children(result.months.iter().map(|m| {
        el("tr")
            .child(row_head(&tf(
                l,
                "result.chart.month_label",
                &[("n", &m.month.to_string())],
            )))
            .child(el("td").text(&format!(
                "{}–{}",
                date_text(l, m.start),
                date_text(l, m.end)
            )))
            .child(num(&money(l, m.amount)))
    }));

    let services_title = t(l, "result.chart.services.title");
    let months_title = t(l, "result.chart.months.title");
    View::empty()
        .and(
            el("p")
                .class("lead")
                .text(&tf(l, "result.lead", &[("weights", &weights)])),
        )
        .and(
            el("p")
                .text(&tf(
                    l,
                    "result.period",
                    &[
                        ("start", &date_text(l, result.period.start)),
                        ("end", &date_text(l, result.period.end)),
                    ],
                ))
                .text(" ")
                .text(t(l, policy)),
        )
        .and(
            el("h2")
                .id("result-totals-title")
                .text(t(l, "result.totals.title")),
        )
        .and(
            el("dl")
                .class("summary-list")
                .id("result-totals")
                .attr("aria-labelledby", "result-totals-title")
                .child(total(l, "result.totals.budget", totals.budget))
                .child(total(l, "result.totals.requested", totals.requested))
                .child(total(l, "result.totals.allocated", totals.allocated))
                .child(total(l, "result.totals.remaining", totals.remaining))
                .child(total(l, "result.totals.unmet", totals.unmet)),
        )
        .and(el("h2").text(t(l, "result.table.title")))
        .and(table_in_wrap(
            "result-table-caption",
            t(l, "result.table.caption"),
            el("table").class("plan-table").id("plan-table"),
            el("tr")
                .child(col(l, "result.col.order", true))
                .child(col(l, "result.col.service", false))
                .child(col(l, "result.col.score", true))
                .child(col(l, "result.col.expert", true))
                .child(col(l, "result.col.parent", true))
                .child(col(l, "result.col.units", false))
                .child(col(l, "result.col.price", true))
                .child(col(l, "result.col.cost", true))
                .child(col(l, "result.col.funded", true))
                .child(col(l, "result.col.reason", false)),
            rows,
        ))
        .and(el("h2").text(services_title))
        .and(
            el("ul")
                .class("chart-legend")
                .child(legend(
                    l,
                    "swatch swatch-funded",
                    "result.chart.legend.funded",
                ))
                .child(legend(
                    l,
                    "swatch swatch-unmet",
                    "result.chart.legend.unmet",
                )),
        )
        .and(el("div").class("chart").inner_html(&services_svg))
        .and(chart_data(
            l,
            "chart-services-caption",
            services_title,
            el("tr")
                .child(col(l, "result.col.service", false))
                .child(col(l, "result.col.funded", true))
                .child(col(l, "result.col.unmet", true)),
            chart_rows,
        ))
        .and(el("h2").text(months_title))
        .and(el("div").class("chart").inner_html(&months_svg))
        .and(el("p").class("hint").text(t(l, "result.months.note")))
        .and(chart_data(
            l,
            "chart-months-caption",
            months_title,
            el("tr")
                .child(col(l, "result.col.month", false))
                .child(col(l, "result.col.dates", false))
                .child(col(l, "result.col.amount", true)),
            month_data,
        ))
        .and(el("h2").text(t(l, "result.outcomes.title")))
        .and(
            el("ul")
                .class("outcomes")
                .children(outcome_lines(l, result).iter().map(|s| el("li").text(s))),
        )
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
        let (Some(p), Some(b)) = (self.trial_percent(), self.trial_budget.get_untracked()) else {
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
fn what_if(computed: Computed) -> View {
    component(move || {
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
        let differs =
            Memo::new(
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
        dyn_view(move || has_plan.get().then(|| what_if_panel(trial)).into())
    })
}

/// The panel itself: the trial weights and budget, the comparison, the actions and the
/// confirmation. Nothing here reads a signal while building; its bindings and regions do.
fn what_if_panel(s: Trial) -> El {
    let weights = el("div")
        .class("form-group")
        .child(
            el("label")
                .class("label")
                .attr("for", "whatif-weights")
                .tr("whatif.weights"),
        )
        .child(
            el("select")
                .id("whatif-weights")
                .class("select")
                .on("change", move |ev| {
                    if let Ok(p) = target_value(&ev).parse::<Decimal>() {
                        s.percent.set(Some(p));
                        s.applied.set(false);
                    }
                })
                .dyn_view(move || {
                    let l = s.lang.get();
                    let current = s.trial_percent();
                    plan_view::percent_options(current)
                        .into_iter()
                        .map(|p| {
                            el("option")
                                .attr("value", &p.to_string())
                                .attr_opt("selected", (Some(p) == current).then_some(""))
                                .text(&plan_view::weights_in_words(l, p))
                        })
                        .collect()
                }),
        );
    let invalid = move || s.trial_budget.get().is_none();
    let budget = el("div")
        .class("form-group")
        .class_when("form-group-error", invalid)
        .child(
            el("label")
                .class("label")
                .attr("for", "whatif-budget")
                .tr("whatif.budget"),
        )
        .child(
            el("p")
                .class("hint")
                .id("whatif-budget-hint")
                .tr("whatif.budget.hint"),
        )
        .dyn_view(move || {
            invalid()
                .then(|| {
                    let l = s.lang.get();
                    error_text(
                        el("p").class("error-message").id("whatif-budget-error"),
                        l,
                        t(l, "whatif.budget.invalid"),
                    )
                })
                .into()
        })
        .child(
            el("input")
                .id("whatif-budget")
                .class("input input-narrow")
                .attr("type", "text")
                .attr("inputmode", "decimal")
                .attr("autocomplete", "off")
                .attr_dyn("aria-describedby", move || {
                    Some(
                        if invalid() {
                            "whatif-budget-hint whatif-budget-error"
                        } else {
                            "whatif-budget-hint"
                        }
                        .to_string(),
                    )
                })
                .attr_dyn("aria-invalid", move || {
                    invalid().then(|| "true".to_string())
                })
                .prop_value(move || s.budget_input())
                .on("input", move |ev| {
                    s.budget_text.set(Some(target_value(&ev)));
                    s.applied.set(false);
                }),
        );
    el("section")
        .class("what-if")
        .attr("aria-labelledby", "whatif-title")
        .child(el("h2").id("whatif-title").tr("whatif.title"))
        .child(el("p").tr("whatif.lead"))
        .child(
            el("div")
                .class("what-if-controls")
                .child(weights)
                .child(budget),
        )
        .child(
            el("div")
                .id("whatif-status")
                .class("what-if-result")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .attr("tabindex", "-1")
                .dyn_view(move || what_if_status(s)),
        )
        .child(
            el("div")
                .class("step-actions what-if-actions")
                .child(
                    button("button button-primary")
                        .id("whatif-use")
                        .attr_dyn("disabled", move || {
                            (!s.differs.get() || invalid()).then(String::new)
                        })
                        .on("click", move |_| {
                            s.confirming.set(true);
                            focus_id_later("whatif-confirm-yes");
                        })
                        .tr("whatif.use"),
                )
                .child(
                    button("button button-secondary")
                        .id("whatif-reset")
                        .attr_dyn("disabled", move || {
                            (s.percent.get().is_none() && s.budget_text.get().is_none())
                                .then(String::new)
                        })
                        .on("click", move |_| s.reset())
                        .tr("whatif.reset"),
                ),
        )
        .dyn_view(move || what_if_confirm(s))
}

/// What the trial settings would change: a region inside the live status box.
fn what_if_status(s: Trial) -> View {
    let l = s.lang.get();
    if s.applied.get() && !s.differs.get() {
        return el("p")
            .class("alert alert-success")
            .text(t(l, "whatif.applied"))
            .into();
    }
    let (changes, totals) = match s.comparison.get() {
        None => return View::empty(),
        Some(Err(())) => return el("p").text(t(l, "whatif.error")).into(),
        Some(Ok(pair)) => pair,
    };
    if changes.is_empty() && !s.differs.get() {
        return el("p").text(t(l, "whatif.same")).into();
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
        return el("p")
            .text(t(l, "whatif.same"))
            .text(" ")
            .text(&totals_text)
            .into();
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
                el("tr")
                    .child(row_head(&name))
                    .child(el("td").text(&state_text(l, change.before.as_ref(), unit, quantity)))
                    .child(el("td").text(&state_text(l, change.after.as_ref(), unit, quantity)))
            })
            .collect::<Vec<_>>()
    });
    View::empty()
        .and(el("p").child(el("strong").text(&tf(
            l,
            "whatif.changes",
            &[("count", &changes.len().to_string())],
        ))))
        .and(el("p").text(&totals_text))
        .and(table_in_wrap(
            "whatif-caption",
            t(l, "whatif.table.caption"),
            el("table").class("what-if-table"),
            el("tr")
                .child(col(l, "result.col.service", false))
                .child(col(l, "whatif.col.now", false))
                .child(col(l, "whatif.col.then", false)),
            el("tbody").children(rows),
        ))
}

/// "Write these settings into the case?" with yes and no: a region shown while confirming.
fn what_if_confirm(s: Trial) -> View {
    if !s.confirming.get() {
        return View::empty();
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
    el("div")
        .class("confirm alert alert-warning")
        .child(el("p").text(&tf(
            l,
            "whatif.confirm",
            &[("budget", &budget), ("weights", &words)],
        )))
        .child(
            button("button button-primary button-small")
                .id("whatif-confirm-yes")
                .on("click", move |_| s.apply())
                .text(t(l, "whatif.confirm.yes")),
        )
        .child(
            button("button button-secondary button-small")
                .on("click", move |_| {
                    s.confirming.set(false);
                    focus_id_later("whatif-use");
                })
                .text(t(l, "whatif.confirm.no")),
        )
        .into()
}
