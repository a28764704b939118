//! A child's history on this device (issue 15, item 5): the plan periods of one case
//! chain in order — the copies of earlier signed plans and reviews a case started from a
//! review carries ([`crate::review_edit::HISTORY_POINTER`]), then the case's own plan and
//! review — with the GAS T-score and the COPM averages at each period's start and at its
//! review, and a line chart of them as SVG text (exact decimals for every coordinate).
//!
//! The scores are recomputed from each review's record, never read from its outcome, so
//! a changed file cannot show other numbers than its inputs give.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::engine::review::{compute_outcome, read_review_record};
use crate::plan_view::xml_escape;
use crate::review_edit::HISTORY_POINTER;

/// One plan period of the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// The plan's first day (`YYYY-MM-DD`).
    pub start: String,
    /// The day the period ends (the next period's first day), when it can be computed.
    pub end: Option<String>,
    /// The plan document (with its proofs, as kept).
    pub plan: Value,
    /// The review document, when the period was reviewed.
    pub review: Option<Value>,
    /// The scores at the start and at the review (`None` without a readable review).
    pub scores: Option<Scores>,
}

/// The scores of a reviewed period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scores {
    /// GAS T-score (unweighted, all goals) at the start; `None` without goals.
    pub gas_start: Option<Decimal>,
    /// GAS T-score (unweighted, all goals) at the review.
    pub gas_review: Option<Decimal>,
    /// COPM average performance at the start.
    pub performance_start: Decimal,
    /// COPM average performance at the review.
    pub performance_review: Decimal,
    /// COPM average satisfaction at the start.
    pub satisfaction_start: Decimal,
    /// COPM average satisfaction at the review.
    pub satisfaction_review: Decimal,
}

/// The scores of a review document, recomputed from its record.
pub fn scores_of(review: &Value) -> Option<Scores> {
    let record = read_review_record(review).ok()?;
    let outcome = compute_outcome(&record).ok()?;
    let overall = outcome.gas.overall.as_ref();
    Some(Scores {
        gas_start: overall.map(|g| g.baseline.unweighted),
        gas_review: overall.map(|g| g.review.unweighted),
        performance_start: outcome.copm.baseline.performance,
        performance_review: outcome.copm.review.performance,
        satisfaction_start: outcome.copm.baseline.satisfaction,
        satisfaction_review: outcome.copm.review.satisfaction,
    })
}

fn period(plan: Value, review: Option<Value>) -> Period {
    let settings = plan.pointer("/case/settings");
    let start = settings
        .and_then(|s| s.get("startDate"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let months = settings
        .and_then(|s| s.get("periodMonths"))
        .and_then(Value::as_u64)
        .and_then(|m| u32::try_from(m).ok());
    let end = crate::engine::date::Date::parse(&start)
        .zip(months)
        .and_then(|(d, m)| d.add_months(m))
        .map(|d| d.to_string());
    let scores = review.as_ref().and_then(scores_of);
    Period {
        start,
        end,
        plan,
        review,
        scores,
    }
}

/// The periods of the case's chain, oldest first: every `{plan, review}` copy the case
/// carries, then `current` (the case's own plan and its review, when there is one).
pub fn periods(case: &Value, current: Option<(Value, Option<Value>)>) -> Vec<Period> {
    let mut out: Vec<Period> = case
        .pointer(HISTORY_POINTER)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let plan = entry.get("plan").filter(|p| p.is_object())?.clone();
            let review = entry.get("review").filter(|r| r.is_object()).cloned();
            Some(period(plan, review))
        })
        .collect();
    if let Some((plan, review)) = current {
        out.push(period(plan, review));
    }
    out
}

/// One point in time of the chart and the data table: a period's start or its review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// The date (`YYYY-MM-DD`).
    pub date: String,
    /// A period's start (`false`) or its review (`true`).
    pub review: bool,
    /// GAS T-score.
    pub gas: Option<Decimal>,
    /// COPM average performance.
    pub performance: Option<Decimal>,
    /// COPM average satisfaction.
    pub satisfaction: Option<Decimal>,
}

/// The points of the chain: each reviewed period's start and review.
pub fn points(periods: &[Period]) -> Vec<Point> {
    let mut out = Vec::new();
    for p in periods {
        let Some(s) = p.scores else {
            continue;
        };
        out.push(Point {
            date: p.start.clone(),
            review: false,
            gas: s.gas_start,
            performance: Some(s.performance_start),
            satisfaction: Some(s.satisfaction_start),
        });
        out.push(Point {
            date: p.end.clone().unwrap_or_default(),
            review: true,
            gas: s.gas_review,
            performance: Some(s.performance_review),
            satisfaction: Some(s.satisfaction_review),
        });
    }
    out
}

const WIDTH: i64 = 600;
const HEIGHT: i64 = 220;
const LEFT: i64 = 40;
const RIGHT: i64 = 20;
const TOP: i64 = 16;
const BOTTOM: i64 = 36;

/// One line of a chart: its name, the marker's shape (`circle` or `square`, so the lines
/// differ by shape as well as colour), its CSS class and a value per point.
pub struct Series<'a> {
    /// The name (for the title of each marker).
    pub name: &'a str,
    /// `circle` or `square`.
    pub marker: &'a str,
    /// The CSS class of the line.
    pub class: &'a str,
    /// One value per point.
    pub values: Vec<Option<Decimal>>,
}

/// A line chart as SVG text: `role="img"` named by its `<title>` and `<desc>`, the
/// x axis one tick per point (`labels`), the y axis from `min` to `max` with a tick at
/// each `step`, each series a polyline with markers whose `<title>` gives the value as
/// `format` writes it. Coordinates are exact decimals.
pub fn svg_line_chart(
    id: &str,
    title: &str,
    desc: &str,
    labels: &[String],
    series: &[Series],
    (min, max, step): (Decimal, Decimal, Decimal),
    format: &dyn Fn(Decimal) -> String,
) -> String {
    let id = xml_escape(id);
    let plot_w = Decimal::from(WIDTH - LEFT - RIGHT);
    let plot_h = Decimal::from(HEIGHT - TOP - BOTTOM);
    let n = labels.len().max(1);
    let x = |i: usize| -> Decimal {
        if n == 1 {
            Decimal::from(LEFT) + plot_w / Decimal::TWO
        } else {
            Decimal::from(LEFT) + plot_w * Decimal::from(i) / Decimal::from(n - 1)
        }
    };
    let span = if max > min { max - min } else { Decimal::ONE };
    let y = |v: Decimal| -> Decimal {
        let v = v.clamp(min, max);
        (Decimal::from(TOP) + plot_h - plot_h * (v - min) / span).round_dp(2)
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"line-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml_escape(title),
        xml_escape(desc),
    );
    // Grid lines and y labels.
    let mut tick = min;
    let mut guard = 0;
    while tick <= max && guard < 50 && step > Decimal::ZERO {
        let ty = y(tick);
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\" class=\"chart-grid\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6,
            ty + Decimal::from(4),
            xml_escape(&format(tick)),
        ));
        tick += step;
        guard += 1;
    }
    for (i, label) in labels.iter().enumerate() {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-label\">{}</text>",
            x(i).round_dp(2),
            HEIGHT - 12,
            xml_escape(label),
        ));
    }
    for s in series {
        let points: Vec<(Decimal, Decimal, Decimal)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (x(i).round_dp(2), y(v), v)))
            .collect();
        let path: Vec<String> = points
            .iter()
            .map(|(px, py, _)| format!("{px},{py}"))
            .collect();
        svg.push_str(&format!(
            "<g class=\"{}\"><polyline points=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>",
            xml_escape(s.class),
            path.join(" "),
        ));
        for (px, py, v) in &points {
            let tip = format!("{}: {}", s.name, format(*v));
            if s.marker == "square" {
                svg.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"currentColor\"><title>{}</title></rect>",
                    *px - Decimal::from(4),
                    *py - Decimal::from(4),
                    xml_escape(&tip),
                ));
            } else {
                svg.push_str(&format!(
                    "<circle cx=\"{px}\" cy=\"{py}\" r=\"4.5\" fill=\"#ffffff\" stroke=\"currentColor\" stroke-width=\"2\"><title>{}</title></circle>",
                    xml_escape(&tip),
                ));
            }
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reviewed() -> (Value, Value) {
        let case = crate::engine::example::example_case_json();
        let plan = crate::engine::plan::plan_from_case_json(&case).expect("plans");
        let input: Value = crate::engine::json::parse_strict(include_str!(
            "../tests/data/example-review-input.json"
        ))
        .expect("input");
        let review = crate::engine::review::review_from_plan(&plan, &input).expect("review");
        (plan, review)
    }

    #[test]
    fn the_chain_is_in_order_and_scores_are_recomputed() {
        let (plan, review) = reviewed();
        let case = json!({"history": [{"plan": plan, "review": review}, {"plan": 3}]});
        let list = periods(&case, Some((plan.clone(), None)));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].start, "2025-09-01");
        assert_eq!(list[0].end.as_deref(), Some("2026-03-01"));
        let scores = list[0].scores.expect("reviewed");
        assert_eq!(
            scores.performance_review.to_string(),
            review["outcome"]["copm"]["review"]["performance"]
        );
        assert!(list[1].scores.is_none());
        let pts = points(&list);
        assert_eq!(pts.len(), 2);
        assert!(!pts[0].review && pts[1].review);
        assert_eq!(pts[1].date, "2026-03-01");
        // An outcome edited in the file does not change what is shown.
        let mut edited = review.clone();
        edited["outcome"]["copm"]["review"]["performance"] = json!("9.99");
        assert_eq!(scores_of(&edited), Some(scores));
    }

    #[test]
    fn the_chart_has_a_marker_per_value_and_no_style_attribute() {
        let labels = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let series = [
            Series {
                name: "GAS",
                marker: "circle",
                class: "series-a",
                values: vec![Some(Decimal::from(30)), None, Some(Decimal::from(55))],
            },
            Series {
                name: "COPM",
                marker: "square",
                class: "series-b",
                values: vec![Some(Decimal::from(40)); 3],
            },
        ];
        let svg = svg_line_chart(
            "c",
            "T <title>",
            "d",
            &labels,
            &series,
            (Decimal::from(20), Decimal::from(80), Decimal::from(10)),
            &|d| d.to_string(),
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("T &lt;title&gt;"));
        assert!(!svg.contains("style="));
        assert!(svg.contains("points=\"40,156 580,86\""));
    }
}
