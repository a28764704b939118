//! The child's history on this device (issue 15, item 5): the plan periods of the case's
//! chain in order (the signed plans and reviews a case started from a review carries,
//! then its own plan and review), the GAS T-score and the COPM averages over time as SVG
//! charts with a data table, and each document shown or downloaded. The logic is in
//! [`crate::review_history`].

use rust_decimal::Decimal;
use serde_json::Value;

use crate::engine::date::Date;
use crate::engine::plan::plan_with_reference;
use crate::i18n::{format_date, Lang};
use crate::plan_view::format_decimal;
use crate::review_edit::{read_review_signatures, review_document, review_file_name};
use crate::review_history::{periods, points, svg_line_chart, Period, Point, Series};
use crate::signing::{plan_file_name, read_signatures, signed_document};
use crate::ui::app::use_app;
use crate::ui::browser;
use crate::ui::form::StepActions;
use crate::ui::prelude::*;
use crate::ui::review_outcome::{outcome_view, t, tf, tr};
use crate::ui::workspace::{reference, use_case, Step};

fn date_text(l: Lang, iso: &str) -> String {
    match Date::parse(iso) {
        Some(d) => format_date(l, d.year(), u32::from(d.month()), u32::from(d.day())),
        None => iso.to_string(),
    }
}

/// The case's own plan (with its valid signatures) and its review (with the review's
/// valid signatures), when they can be computed.
fn current(case: &Value) -> Option<(Value, Option<Value>)> {
    let plan = plan_with_reference(case, reference().ok()?).ok()?;
    let review = review_document(&plan, case)
        .ok()
        .map(|(_, doc)| signed_document(&doc, &read_review_signatures(case)));
    Some((signed_document(&plan, &read_signatures(case)), review))
}

/// The history step's screen.
#[component]
pub fn HistoryStep() -> impl IntoView {
    let lang = use_app().lang;
    let ctx = use_case();
    let list = Memo::new(move |_| ctx.case.with(|c| periods(c, current(c))));
    let follows = Memo::new(move |_| {
        ctx.case.with(|c| {
            let f = c.get("follows")?;
            Some((
                f.get("planDigest")?.as_str()?.to_string(),
                f.get("reviewDigest")?.as_str()?.to_string(),
            ))
        })
    });
    view! {
        <section aria-labelledby="step-title" class="history-screen">
            <h1 id="step-title">{tr("step.history")}</h1>
            <p class="lead">{tr("history.lead")}</p>
            {move || {
                follows
                    .get()
                    .map(|(plan, review)| {
                        view! {
                            <p class="notice digest-text" id="history-follows">
                                {tf(lang.get(), "history.follows", &[("plan", &plan), ("review", &review)])}
                            </p>
                        }
                    })
            }}
            {move || {
                let l = lang.get();
                let periods = list.get();
                if periods.is_empty() {
                    return view! { <p id="history-empty">{t(l, "history.empty")}</p> }.into_any();
                }
                history_view(l, periods)
            }}
            <StepActions step=Step::History />
        </section>
    }
}

fn chart_value(l: Lang, v: Option<Decimal>) -> String {
    v.map(|v| format_decimal(l, v))
        .unwrap_or_else(|| t(l, "history.none").to_string())
}

fn history_view(l: Lang, periods: Vec<Period>) -> AnyView {
    let pts: Vec<Point> = points(&periods);
    let labels: Vec<String> = pts.iter().map(|p| date_text(l, &p.date)).collect();
    let fmt = move |d: Decimal| format_decimal(l, d);
    let charts = (!pts.is_empty()).then(|| {
        let gas_series = [Series {
            name: t(l, "history.gas"),
            marker: "circle",
            class: "series-gas",
            values: pts.iter().map(|p| p.gas).collect(),
        }];
        let gas = svg_line_chart(
            "history-gas-chart",
            t(l, "history.chart.gas"),
            t(l, "history.chart.desc"),
            &labels,
            &gas_series,
            (Decimal::from(20), Decimal::from(80), Decimal::from(10)),
            &fmt,
        );
        let copm_series = [
            Series {
                name: t(l, "history.performance"),
                marker: "circle",
                class: "series-performance",
                values: pts.iter().map(|p| p.performance).collect(),
            },
            Series {
                name: t(l, "history.satisfaction"),
                marker: "square",
                class: "series-satisfaction",
                values: pts.iter().map(|p| p.satisfaction).collect(),
            },
        ];
        let copm = svg_line_chart(
            "history-copm-chart",
            t(l, "history.chart.copm"),
            t(l, "history.chart.desc"),
            &labels,
            &copm_series,
            (Decimal::ZERO, Decimal::from(10), Decimal::TWO),
            &fmt,
        );
        let rows = pts
            .iter()
            .zip(&labels)
            .map(|(p, label)| {
                let point = if p.review {
                    t(l, "history.point.review")
                } else {
                    t(l, "history.point.start")
                };
                view! {
                    <tr>
                        <th scope="row">{label.clone()}</th>
                        <td>{point}</td>
                        <td>{chart_value(l, p.gas)}</td>
                        <td>{chart_value(l, p.performance)}</td>
                        <td>{chart_value(l, p.satisfaction)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2>{t(l, "history.chart.title")}</h2>
            <ul class="chart-legend">
                <li>
                    <span class="history-key key-circle" aria-hidden="true"></span>
                    {t(l, "history.legend.circle")}
                </li>
                <li>
                    <span class="history-key key-square" aria-hidden="true"></span>
                    {t(l, "history.legend.square")}
                </li>
            </ul>
            <div class="chart history-chart" inner_html=gas></div>
            <div class="chart history-chart" inner_html=copm></div>
            <table class="review-table" id="history-table">
                <caption>{t(l, "history.table.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(l, "history.table.date")}</th>
                        <th scope="col">{t(l, "history.table.point")}</th>
                        <th scope="col">{t(l, "history.gas")}</th>
                        <th scope="col">{t(l, "history.performance")}</th>
                        <th scope="col">{t(l, "history.satisfaction")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let items = periods
        .into_iter()
        .enumerate()
        .map(|(i, p)| period_item(l, i, p))
        .collect_view();
    view! {
        {charts}
        <h2>{t(l, "history.periods.title")}</h2>
        <ol class="history-list">{items}</ol>
    }
    .into_any()
}

fn download(name: String, doc: &Value) {
    let text = serde_json::to_string_pretty(doc).unwrap_or_default();
    let _ = browser::download_text(&name, "application/json", &text);
}

fn period_item(l: Lang, index: usize, period: Period) -> AnyView {
    let span = match &period.end {
        Some(end) => format!("{} – {}", date_text(l, &period.start), date_text(l, end)),
        None => date_text(l, &period.start),
    };
    let heading = tf(
        l,
        "history.period",
        &[("n", &(index + 1).to_string()), ("span", &span)],
    );
    let plan = StoredValue::new(period.plan);
    let review = StoredValue::new(period.review);
    let plan_name = plan.with_value(plan_file_name);
    let review_name = review.with_value(|r| r.as_ref().map(review_file_name));
    let plan_label = tf(
        l,
        "history.download.plan",
        &[("n", &(index + 1).to_string())],
    );
    let review_button = review_name.map(|name| {
        let label = tf(
            l,
            "history.download.review",
            &[("n", &(index + 1).to_string())],
        );
        view! {
            <button
                type="button"
                class="button button-secondary button-small"
                on:click=move |_| review.with_value(|r| {
                    if let Some(r) = r {
                        download(name.clone(), r)
                    }
                })
            >
                {label}
            </button>
        }
    });
    let outcome_prefix = format!("history-{index}-review");
    let review_view = review.with_value(|r| {
        r.as_ref()
            .and_then(|r| crate::engine::review::read_review_record(r).ok())
            .and_then(|record| crate::engine::review::compute_review(record).ok())
            .map(|doc| {
                view! {
                    <details class="history-document">
                        <summary>{t(l, "history.show.review")}</summary>
                        {outcome_view(l, &doc, None, &outcome_prefix)}
                    </details>
                }
            })
    });
    let no_review = review
        .with_value(Option::is_none)
        .then(|| view! { <p class="hint">{t(l, "history.not_reviewed")}</p> });
    let prefix = format!("history-{index}");
    view! {
        <li class="history-period">
            <h3>{heading}</h3>
            {no_review}
            <div class="sign-actions">
                <button
                    type="button"
                    class="button button-secondary button-small"
                    on:click=move |_| plan.with_value(|p| download(plan_name.clone(), p))
                >
                    {plan_label}
                </button>
                {review_button}
            </div>
            <details class="history-document">
                <summary>{t(l, "history.show.plan")}</summary>
                {plan.with_value(|p| crate::ui::verify::plan_view(p, &prefix, false))}
            </details>
            {review_view}
        </li>
    }
    .into_any()
}
