//! The outcome of a review as the review step and the verify screen show it (issue 15):
//! the GAS T-scores at baseline and at review (overall, long- and short-term, with ρ and
//! the weights), the COPM changes per parents' goal with the ≥ 2 flag in words, and the
//! share of funded units delivered. Numbers in the language's format; every flag is
//! words, not colour.

use rust_decimal::Decimal;

use crate::engine::review::{GasGroup, ReviewDocument};
use crate::i18n::{t_in, Lang, REVIEW_PART};
use crate::plan_view::{format_decimal, format_percent};
use crate::review_edit::{PlanFacts, PlanService};
use crate::ui::prelude::*;

/// A message of the review screens ([`REVIEW_PART`], then the catalogue): their texts
/// load with their chunks, not with the first screen.
pub(crate) fn t(lang: Lang, key: &str) -> &'static str {
    t_in(REVIEW_PART, lang, key)
}

/// A message of the review screens with its `{name}` placeholders filled.
pub(crate) fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A fixed message of the review screens in the language on show (like the prelude's
/// `tr`, looked up with [`t`]).
pub(crate) fn tr(key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::ui::app::use_app().lang;
    move || t(lang.get(), key)
}

/// A service's name in a language ("Speech therapy session").
pub(crate) fn service_name(l: Lang, service: &PlanService) -> String {
    let name = match l {
        Lang::Lv => &service.name_lv,
        Lang::En => &service.name_en,
    };
    if name.is_empty() {
        service.code.clone()
    } else {
        name.clone()
    }
}

fn signed(l: Lang, value: Decimal) -> String {
    let text = format_decimal(l, value);
    if value > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn signed_int(value: i8) -> String {
    if value > 0 {
        format!("+{value}")
    } else if value < 0 {
        format!("−{}", -i16::from(value))
    } else {
        "0".to_string()
    }
}

fn scores(l: Lang, unweighted: Decimal, weighted: Decimal, change: bool) -> String {
    let f = |v| {
        if change {
            signed(l, v)
        } else {
            format_decimal(l, v)
        }
    };
    tf(
        l,
        "review.outcome.scores",
        &[("unweighted", &f(unweighted)), ("weighted", &f(weighted))],
    )
}

fn gas_row(l: Lang, key: &'static str, group: Option<&GasGroup>) -> AnyView {
    let cells = match group {
        None => {
            let none = t(l, "review.outcome.no_goals");
            view! {
                <td>{none}</td>
                <td>{none}</td>
                <td>{none}</td>
            }
            .into_any()
        }
        Some(g) => view! {
            <td>{scores(l, g.baseline.unweighted, g.baseline.weighted, false)}</td>
            <td>{scores(l, g.review.unweighted, g.review.weighted, false)}</td>
            <td>{scores(l, g.change.unweighted, g.change.weighted, true)}</td>
        }
        .into_any(),
    };
    let count = group.map(|g| g.goals).unwrap_or(0).to_string();
    view! {
        <tr>
            <th scope="row">{tf(l, key, &[("count", &count)])}</th>
            {cells}
        </tr>
    }
    .into_any()
}

fn important(l: Lang, flag: bool) -> &'static str {
    if flag {
        t(l, "review.outcome.important")
    } else {
        t(l, "review.outcome.not_important")
    }
}

/// The outcome of `doc`; `facts` (the plan's goals and services) names the goals and
/// services, else their ids and codes are shown. `prefix` starts every id (`review` on
/// the review step and the verify screen: `review-outcome-title`, …).
pub(crate) fn outcome_view(
    l: Lang,
    doc: &ReviewDocument,
    facts: Option<&PlanFacts>,
    prefix: &str,
) -> AnyView {
    let id = |name: &str| format!("{prefix}-{name}");
    let outcome = &doc.outcome;
    let gas = &outcome.gas;
    let weights = gas
        .weights
        .iter()
        .map(|w| format!("{} × {}", w.goal, w.weight))
        .collect::<Vec<_>>()
        .join(", ");
    let parent_text = |id: &str| -> String {
        facts
            .and_then(|f| f.parent_goals.iter().find(|g| g.id == id))
            .map(|g| format!("{id}: {}", g.text))
            .unwrap_or_else(|| id.to_string())
    };
    let copm_rows = outcome
        .copm
        .goals
        .iter()
        .zip(&doc.review.parent_goals)
        .map(|(change, goal)| {
            let performance = format!(
                "{} → {} ({}; {})",
                goal.baseline.performance,
                goal.performance,
                signed_int(change.performance_change),
                important(l, change.performance_important)
            );
            let satisfaction = format!(
                "{} → {} ({}; {})",
                goal.baseline.satisfaction,
                goal.satisfaction,
                signed_int(change.satisfaction_change),
                important(l, change.satisfaction_important)
            );
            view! {
                <tr>
                    <th scope="row">{parent_text(&change.id)}</th>
                    <td>{performance}</td>
                    <td>{satisfaction}</td>
                </tr>
            }
        })
        .collect_view();
    let copm = &outcome.copm;
    let average = |before: Decimal, now: Decimal, change: Decimal, flag: bool| {
        format!(
            "{} → {} ({}; {})",
            format_decimal(l, before),
            format_decimal(l, now),
            signed(l, change),
            important(l, flag)
        )
    };
    let copm_average = view! {
        <tr class="total-row">
            <th scope="row">{t(l, "review.outcome.copm.average")}</th>
            <td>
                {average(
                    copm.baseline.performance,
                    copm.review.performance,
                    copm.performance_change,
                    copm.performance_important,
                )}
            </td>
            <td>
                {average(
                    copm.baseline.satisfaction,
                    copm.review.satisfaction,
                    copm.satisfaction_change,
                    copm.satisfaction_important,
                )}
            </td>
        </tr>
    };
    let service_text = |code: &str| -> String {
        facts
            .and_then(|f| f.services.iter().find(|s| s.code == code))
            .map(|s| service_name(l, s))
            .unwrap_or_else(|| code.to_string())
    };
    let delivery = &outcome.delivery;
    let delivery_rows = delivery
        .services
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <th scope="row">{service_text(&s.code)}</th>
                    <td>{s.funded.to_string()}</td>
                    <td>{s.delivered.to_string()}</td>
                    <td>{format_percent(l, s.percent)}</td>
                </tr>
            }
        })
        .collect_view();
    let total_percent = delivery
        .percent
        .map(|p| format_percent(l, p))
        .unwrap_or_else(|| t(l, "review.outcome.nothing_funded").to_string());
    view! {
        <section class="review-outcome" aria-labelledby=id("outcome-title")>
            <h2 id=id("outcome-title") tabindex="-1">{t(l, "review.outcome.title")}</h2>
            <h3>{t(l, "review.outcome.gas.title")}</h3>
            <p class="hint">
                {tf(
                    l,
                    "review.outcome.gas.method",
                    &[("rho", &format_decimal(l, gas.rho)), ("weights", &weights)],
                )}
            </p>
            <table class="review-table" id=id("gas-table")>
                <caption class="visually-hidden">{t(l, "review.outcome.gas.title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(l, "review.outcome.group")}</th>
                        <th scope="col">{t(l, "review.outcome.baseline")}</th>
                        <th scope="col">{t(l, "review.outcome.review")}</th>
                        <th scope="col">{t(l, "review.outcome.change")}</th>
                    </tr>
                </thead>
                <tbody>
                    {gas_row(l, "review.outcome.overall", gas.overall.as_ref())}
                    {gas_row(l, "review.outcome.long", gas.long_term.as_ref())}
                    {gas_row(l, "review.outcome.short", gas.short_term.as_ref())}
                </tbody>
            </table>
            <h3>{t(l, "review.outcome.copm.title")}</h3>
            <p class="hint">{t(l, "review.outcome.copm.hint")}</p>
            <table class="review-table" id=id("copm-table")>
                <caption class="visually-hidden">{t(l, "review.outcome.copm.title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(l, "review.outcome.copm.goal")}</th>
                        <th scope="col">{t(l, "review.outcome.copm.performance")}</th>
                        <th scope="col">{t(l, "review.outcome.copm.satisfaction")}</th>
                    </tr>
                </thead>
                <tbody>{copm_rows}{copm_average}</tbody>
            </table>
            <h3>{t(l, "review.outcome.delivery.title")}</h3>
            <p id=id("delivery-total")>
                {tf(
                    l,
                    "review.outcome.delivery.total",
                    &[
                        ("delivered", &delivery.delivered.to_string()),
                        ("funded", &delivery.funded.to_string()),
                        ("percent", &total_percent),
                    ],
                )}
            </p>
            <table class="review-table" id=id("delivery-table")>
                <caption class="visually-hidden">{t(l, "review.outcome.delivery.title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(l, "review.outcome.delivery.service")}</th>
                        <th scope="col">{t(l, "review.outcome.delivery.funded")}</th>
                        <th scope="col">{t(l, "review.outcome.delivery.delivered")}</th>
                        <th scope="col">{t(l, "review.outcome.delivery.share")}</th>
                    </tr>
                </thead>
                <tbody>{delivery_rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
