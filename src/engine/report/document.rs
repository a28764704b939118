//! The `ib-report/1` document (JSON Schema `public/schema/ib-report-1.schema.json`), read
//! back for a roll-up, and its tidy CSV: one row per measure and group.
//!
//! A figure is a number (counts and units) or a two-decimal string (euros) when shown,
//! `"<5"` for a count from 1 to 4, `"suppressed"` when hidden, and `{"atLeast": …}` for a
//! sum of reports with hidden parts.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::figures::{
    is_euros, share, Figures, Outcomes, Row, Val, AGE_BANDS, BUDGET_MEASURES, GAS_BANDS,
    ROW_MEASURES, TARGET_GROUPS,
};
use super::{Rejection, ReportPeriod, REPORT_SCHEMA};
use crate::engine::ENGINE_VERSION;

fn named(names: &[&str], values: &[Val]) -> Value {
    Value::Object(
        names
            .iter()
            .zip(values)
            .map(|(n, v)| (n.to_string(), v.to_json(false)))
            .collect(),
    )
}

fn share_json(part: Val, whole: Val) -> Value {
    share(part, whole).map_or(Value::Null, |v| v.to_json(true))
}

/// The figures as the members of a report document.
fn figures_json(f: &Figures) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert(
        "children".into(),
        json!({
            "total": f.children.to_json(false),
            "byTargetGroup": named(&TARGET_GROUPS, &f.by_target_group),
            "byAgeBand": named(&AGE_BANDS, &f.by_age_band),
        }),
    );
    let services: Vec<Value> = f
        .services
        .iter()
        .map(|(code, (area, row))| {
            let mut m = Map::new();
            m.insert("code".into(), Value::from(code.as_str()));
            m.insert("area".into(), Value::from(*area));
            m.extend(row.to_json());
            Value::Object(m)
        })
        .collect();
    out.insert("services".into(), Value::Array(services));
    let areas: Vec<Value> = f
        .areas
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut m = Map::new();
            m.insert("area".into(), Value::from(i + 1));
            m.extend(row.to_json());
            Value::Object(m)
        })
        .collect();
    out.insert("areas".into(), Value::Array(areas));
    out.insert("budget".into(), Value::Object(f.budget.to_json()));
    let o = &f.outcomes;
    let quartiles = |i: usize| o.gas_quartiles.map_or(Value::Null, |q| q[i].to_json(true));
    out.insert(
        "outcomes".into(),
        json!({
            "reviews": o.reviews.to_json(false),
            "gas": {
                "reviews": o.gas_reviews.to_json(false),
                "bands": named(&GAS_BANDS, &o.gas_bands),
                "q1": quartiles(0),
                "median": quartiles(1),
                "q3": quartiles(2),
            },
            "copm": {
                "goals": o.copm_goals.to_json(false),
                "performanceImportant": o.copm_performance.to_json(false),
                "satisfactionImportant": o.copm_satisfaction.to_json(false),
                "performanceShare": share_json(o.copm_performance, o.copm_goals),
                "satisfactionShare": share_json(o.copm_satisfaction, o.copm_goals),
            },
            "delivery": {
                "fundedUnits": o.funded_units.to_json(false),
                "deliveredUnits": o.delivered_units.to_json(false),
                "share": share_json(o.delivered_units, o.funded_units),
            },
        }),
    );
    out
}

/// A municipal report document (unsigned).
pub fn municipal_json(
    f: &Figures,
    municipality: &str,
    region: &str,
    period: Option<ReportPeriod>,
    rejected: &[Rejection],
) -> Value {
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::from(REPORT_SCHEMA));
    doc.insert("engineVersion".into(), Value::from(ENGINE_VERSION));
    doc.insert("level".into(), Value::from("municipality"));
    doc.insert("municipality".into(), Value::from(municipality));
    doc.insert("region".into(), Value::from(region));
    doc.insert(
        "period".into(),
        period.map_or(Value::Null, |p| Value::from(p.to_string())),
    );
    if let Some(d) = &f.documents {
        let rejections: Vec<Value> = rejected
            .iter()
            .map(|r| {
                let mut m = Map::new();
                m.insert("file".into(), Value::from(r.file.as_str()));
                m.insert("reason".into(), Value::from(r.reason));
                if let Some(detail) = &r.detail {
                    m.insert("detail".into(), Value::from(detail.as_str()));
                }
                Value::Object(m)
            })
            .collect();
        doc.insert(
            "documents".into(),
            json!({
                "read": d.read.to_json(false),
                "plans": d.plans.to_json(false),
                "reviews": d.reviews.to_json(false),
                "provisionRecords": d.provision.to_json(false),
                "rejected": d.rejected.to_json(false),
                "rejections": rejections,
            }),
        );
    }
    doc.extend(figures_json(f));
    Value::Object(doc)
}

/// A region's or the nation's report document (unsigned): `level` is `region` or
/// `national`, `code` the region's code or `LV`, `parts` the codes of the reports added
/// up, `missing` the codes expected and not given.
#[allow(clippy::too_many_arguments)]
pub fn rollup_json(
    f: &Figures,
    level: &str,
    code: &str,
    parts: &[String],
    missing: &[String],
    period: Option<&str>,
    read: u64,
    rejected: &[Rejection],
) -> Value {
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::from(REPORT_SCHEMA));
    doc.insert("engineVersion".into(), Value::from(ENGINE_VERSION));
    doc.insert("level".into(), Value::from(level));
    let key = if level == "region" {
        "region"
    } else {
        "country"
    };
    doc.insert(key.into(), Value::from(code));
    doc.insert("parts".into(), json!(parts));
    doc.insert("missingParts".into(), json!(missing));
    doc.insert("period".into(), period.map_or(Value::Null, Value::from));
    let rejections: Vec<Value> = rejected
        .iter()
        .map(|r| {
            let mut m = Map::new();
            m.insert("file".into(), Value::from(r.file.as_str()));
            m.insert("reason".into(), Value::from(r.reason));
            if let Some(detail) = &r.detail {
                m.insert("detail".into(), Value::from(detail.as_str()));
            }
            Value::Object(m)
        })
        .collect();
    doc.insert(
        "documents".into(),
        json!({
            "read": read,
            "reports": parts.len(),
            "rejected": rejected.len(),
            "rejections": rejections,
        }),
    );
    doc.extend(figures_json(f));
    Value::Object(doc)
}

fn read_named(value: Option<&Value>, names: &[&str]) -> Option<Vec<Val>> {
    let map = value?.as_object()?;
    names
        .iter()
        .map(|n| Val::from_json(map.get(*n)?, false))
        .collect()
}

/// Reads the figures of a report document (any level); `None` when they are not in the
/// shape this engine writes.
pub fn figures_from_json(doc: &Value) -> Option<Figures> {
    let children = doc.get("children")?;
    let count = |v: Option<&Value>| Val::from_json(v?, false);
    let mut services = BTreeMap::new();
    for s in doc.get("services")?.as_array()? {
        let code = s.get("code")?.as_str()?.to_string();
        let area = u8::try_from(s.get("area")?.as_u64()?).ok()?;
        if !(1..=3).contains(&area) || services.contains_key(&code) {
            return None;
        }
        services.insert(code, (area, Row::from_json(s, &ROW_MEASURES)?));
    }
    let areas = doc
        .get("areas")?
        .as_array()?
        .iter()
        .map(|a| Row::from_json(a, &ROW_MEASURES))
        .collect::<Option<Vec<Row>>>()?;
    if areas.len() != 3 {
        return None;
    }
    let o = doc.get("outcomes")?;
    let gas = o.get("gas")?;
    let copm = o.get("copm")?;
    let delivery = o.get("delivery")?;
    let quartiles = match (gas.get("q1"), gas.get("median"), gas.get("q3")) {
        (Some(Value::Null), _, _) | (None, _, _) => None,
        (Some(a), Some(b), Some(c)) => Some([
            Val::from_json(a, true)?,
            Val::from_json(b, true)?,
            Val::from_json(c, true)?,
        ]),
        _ => return None,
    };
    Some(Figures {
        documents: None,
        children: count(children.get("total"))?,
        by_target_group: read_named(children.get("byTargetGroup"), &TARGET_GROUPS)?,
        by_age_band: read_named(children.get("byAgeBand"), &AGE_BANDS)?,
        services,
        areas,
        budget: Row::from_json(doc.get("budget")?, &BUDGET_MEASURES)?,
        outcomes: Outcomes {
            reviews: count(o.get("reviews"))?,
            gas_reviews: count(gas.get("reviews"))?,
            gas_bands: read_named(gas.get("bands"), &GAS_BANDS)?,
            gas_quartiles: quartiles,
            copm_goals: count(copm.get("goals"))?,
            copm_performance: count(copm.get("performanceImportant"))?,
            copm_satisfaction: count(copm.get("satisfactionImportant"))?,
            funded_units: count(delivery.get("fundedUnits"))?,
            delivered_units: count(delivery.get("deliveredUnits"))?,
        },
    })
}

/// The CSV header of [`report_csv`].
pub const CSV_HEADER: [&str; 9] = [
    "level", "area", "period", "section", "measure", "group", "status", "value", "unit",
];

/// The report as one tidy table (RFC 4180, CRLF): one row per measure and group, with
/// the figure's status (`exact`, `lt5`, `suppressed`, `atLeast`) and value (empty unless
/// `exact` or `atLeast`), and its unit (`count`, `units`, `EUR`, `percent`, `tscore`).
pub fn report_csv(doc: &Value) -> String {
    let level = doc.get("level").and_then(Value::as_str).unwrap_or("");
    let area = ["municipality", "region", "country"]
        .iter()
        .find_map(|k| {
            doc.get(*k).and_then(Value::as_str).filter(|_| {
                (level == "municipality" && *k == "municipality")
                    || (level == "region" && *k == "region")
                    || (level == "national" && *k == "country")
            })
        })
        .unwrap_or("");
    let period = doc.get("period").and_then(Value::as_str).unwrap_or("");
    let mut out = String::new();
    out.push_str(&CSV_HEADER.join(","));
    out.push_str("\r\n");
    let mut row = |section: &str, measure: &str, group: &str, value: &Value, unit: &str| {
        let euros = unit == "EUR" || unit == "percent" || unit == "tscore";
        let (status, text) = match Val::from_json(value, euros) {
            Some(v) => v.csv(euros),
            None => ("none", String::new()),
        };
        let fields = [
            level, area, period, section, measure, group, status, &text, unit,
        ];
        let line: Vec<String> = fields
            .iter()
            .map(|f| crate::engine::provision::csv_field(f))
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    if let Some(d) = doc.get("documents") {
        for m in [
            "read",
            "plans",
            "reviews",
            "provisionRecords",
            "reports",
            "rejected",
        ] {
            if let Some(v) = d.get(m) {
                row("documents", m, "", v, "count");
            }
        }
    }
    let children = doc.get("children").cloned().unwrap_or(Value::Null);
    row("children", "children", "total", &children["total"], "count");
    for g in TARGET_GROUPS {
        row(
            "children",
            "children",
            &format!("targetGroup:{g}"),
            &children["byTargetGroup"][g],
            "count",
        );
    }
    for b in AGE_BANDS {
        row(
            "children",
            "children",
            &format!("ageBand:{b}"),
            &children["byAgeBand"][b],
            "count",
        );
    }
    let unit_of = |m: &str| {
        if is_euros(m) {
            "EUR"
        } else if m.ends_with("Units") {
            "units"
        } else {
            "count"
        }
    };
    for s in doc
        .get("services")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let code = s.get("code").and_then(Value::as_str).unwrap_or("");
        for m in ROW_MEASURES {
            row("service", m, &format!("service:{code}"), &s[m], unit_of(m));
        }
    }
    for a in doc
        .get("areas")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let n = a.get("area").and_then(Value::as_u64).unwrap_or(0);
        for m in ROW_MEASURES {
            row("area", m, &format!("area:{n}"), &a[m], unit_of(m));
        }
    }
    let budget = doc.get("budget").cloned().unwrap_or(Value::Null);
    for m in BUDGET_MEASURES {
        row("budget", m, "total", &budget[m], unit_of(m));
    }
    let o = doc.get("outcomes").cloned().unwrap_or(Value::Null);
    row("outcomes", "reviews", "total", &o["reviews"], "count");
    row(
        "outcomes",
        "gasReviews",
        "total",
        &o["gas"]["reviews"],
        "count",
    );
    for b in GAS_BANDS {
        row(
            "outcomes",
            "gasReviews",
            &format!("gasBand:{b}"),
            &o["gas"]["bands"][b],
            "count",
        );
    }
    for q in ["q1", "median", "q3"] {
        row(
            "outcomes",
            &format!("gasReview.{q}"),
            "total",
            &o["gas"][q],
            "tscore",
        );
    }
    for (m, unit) in [
        ("goals", "count"),
        ("performanceImportant", "count"),
        ("satisfactionImportant", "count"),
        ("performanceShare", "percent"),
        ("satisfactionShare", "percent"),
    ] {
        row(
            "outcomes",
            &format!("copm.{m}"),
            "total",
            &o["copm"][m],
            unit,
        );
    }
    for (m, unit) in [
        ("fundedUnits", "units"),
        ("deliveredUnits", "units"),
        ("share", "percent"),
    ] {
        row(
            "outcomes",
            &format!("delivery.{m}"),
            "total",
            &o["delivery"][m],
            unit,
        );
    }
    out
}

/// The de-identified facts as NDJSON: one JSON object per line, LF-terminated.
pub fn facts_ndjson(facts: &[Value]) -> String {
    let mut out = String::new();
    for f in facts {
        out.push_str(&f.to_string());
        out.push('\n');
    }
    out
}
