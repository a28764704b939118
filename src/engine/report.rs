//! Monitoring reports without personal data (`"schema": "ib-report/1"`): a
//! municipality's report made from its signed plans, reviews and provision records, and
//! a region's or the nation's report made from the signed reports below it.
//!
//! A municipal report is built by a [`ReportBuilder`]: it is fed one document at a time
//! ([`ReportBuilder::add_document`], or [`ReportBuilder::add_unreadable`] for a file the
//! caller could not read), so a screen can run it in slices and the CLI can stream a
//! folder of 100 000 plans, and [`ReportBuilder::finish`] links, counts and suppresses.
//! Each document is verified under the municipality's trust list
//! ([`crate::engine::trust::verify_with_trust`]: every proof trusted, the official price
//! list, the signing rule) and recomputed (plans with
//! [`crate::engine::plan::recompute_check`], reviews with
//! [`crate::engine::review::review_recompute_check`], provision records against their
//! plan with [`crate::engine::provision::report_for`]). What the builder keeps of a
//! document is a few figures (and the child's pseudonym, to count a child once), never
//! the document; the report itself carries no pseudonym, birth date, free text or
//! document id. Rejected files are named by the file name the caller gives, with the
//! catalogue key of the reason.
//!
//! Which documents count (the rules, also in ARCHITECTURE.md):
//! - a plan counts when it verifies and recomputes, starts in the period (when one is
//!   given) and is of the municipality; the same plan twice (by its digest) counts once;
//!   a plan named in a counted provision record's `previousPlanDigests` is superseded by
//!   the amended plan; two plans of one child with the same start date count once (the
//!   first by file name). A child is counted once however many plans it has; its target
//!   group and age band are those of its latest plan;
//! - a review or a provision record counts when it verifies, recomputes (a provision
//!   record: checks against its plan) and names a counted plan by its digest, once per
//!   plan (the first by file name). A provision record may be unsigned (it is the social
//!   service's own bookkeeping); when it carries proofs, each must be trusted;
//! - the order in which documents are given does not change the report, except which of
//!   two copies of one document is named as the duplicate (the later by file name).
//!
//! Disclosure control is [`figures::Figures::suppress`]. Deterministic: no clock, the
//! same documents give byte-identical JSON, CSV and NDJSON.

pub mod document;
pub mod figures;
pub mod rollup;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use crate::engine::allocate::Period;
use crate::engine::date::{Date, YearMonth};
use crate::engine::money::money_from_json;
use crate::engine::plan::{recompute_check, RecomputeOutcome, PLAN_SCHEMA_PREFIX};
use crate::engine::providers::ProviderList;
use crate::engine::provision::{
    read_record, report_for, FundedLine, PlanFacts, ProvisionRecord, PROVISION_SCHEMA,
};
use crate::engine::reference::{LocalName, Regions, Unit};
use crate::engine::review::{
    document_digest, read_review_record, review_recompute_check, REVIEW_SCHEMA_PREFIX,
};
use crate::engine::trust::{verify_with_trust, TrustList, TrustVerdict};

use figures::{age_band, gas_band, Figures, Row, Val, AGE_BANDS, TARGET_GROUPS};

/// The schema tag of reports.
pub const REPORT_SCHEMA: &str = "ib-report/1";

/// A reporting period: a calendar year or one of its halves (`2025`, `2025H1`, `2025H2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReportPeriod {
    /// The year.
    pub year: i32,
    /// 1 (January–June) or 2 (July–December); `None`: the whole year.
    pub half: Option<u8>,
}

impl ReportPeriod {
    /// Reads `2025`, `2025H1` or `2025H2`.
    pub fn parse(text: &str) -> Option<ReportPeriod> {
        let (year, half) = match text.split_once('H') {
            Some((y, "1")) => (y, Some(1)),
            Some((y, "2")) => (y, Some(2)),
            Some(_) => return None,
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(ReportPeriod {
            year: year.parse().ok()?,
            half,
        })
    }

    /// The half-year a date is in.
    pub fn half_of(date: Date) -> ReportPeriod {
        ReportPeriod {
            year: date.year(),
            half: Some(if date.month() <= 6 { 1 } else { 2 }),
        }
    }

    /// Whether a date is in the period.
    pub fn contains(self, date: Date) -> bool {
        date.year() == self.year && self.half.is_none_or(|h| (date.month() <= 6) == (h == 1))
    }
}

impl std::fmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.half {
            Some(h) => write!(f, "{}H{h}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

/// A file that does not count, with the catalogue key of the reason and, where it helps,
/// the key of the first problem found (no free text).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rejection {
    /// The file name as the caller gave it.
    pub file: String,
    /// `report.reject.*`.
    pub reason: &'static str,
    /// A catalogue key saying more (a problem, a verdict), when there is one.
    pub detail: Option<String>,
}

/// What a municipal report is made under.
pub struct Settings<'a> {
    /// The municipality's trust list.
    pub trust: &'a TrustList,
    /// The municipality's code (`regions.json`); `None`: the one the plans name.
    pub municipality: Option<String>,
    /// The period; `None`: every plan.
    pub period: Option<ReportPeriod>,
    /// The provider list, for provision records that name listed providers.
    pub providers: Option<&'a ProviderList>,
    /// Whether to make the de-identified facts ([`MunicipalReport::facts`]); they take
    /// a few kB per plan, so a caller that does not write them says so.
    pub facts: bool,
}

/// What a plan line contributes.
#[derive(Clone, Debug)]
struct LineFact {
    code: Arc<str>,
    area: u8,
    unit: Unit,
    unit_price: Decimal,
    planned_units: u64,
    funded_units: u64,
    unmet_units: u64,
    planned: Decimal,
    funded: Decimal,
    unmet: Decimal,
}

/// What a plan contributes (kept until [`ReportBuilder::finish`]).
#[derive(Clone, Debug)]
struct PlanFact {
    file: String,
    child: String,
    municipality: Arc<str>,
    target_group: Arc<str>,
    band: usize,
    period: Period,
    budget: Decimal,
    requested: Decimal,
    allocated: Decimal,
    remaining: Decimal,
    unmet: Decimal,
    lines: Vec<LineFact>,
}

/// What a review contributes.
#[derive(Clone, Debug)]
struct ReviewFact {
    file: String,
    plan: String,
    t_score: Option<Decimal>,
    copm_goals: u64,
    copm_performance: u64,
    copm_satisfaction: u64,
    delivery: Vec<(String, u64, u64)>,
}

/// What a provision record contributes before it is checked against its plan.
struct ProvisionFact {
    file: String,
    record: ProvisionRecord,
}

/// The de-identified facts, made only when wanted.
struct Facts {
    wanted: bool,
    lines: Vec<Value>,
}

impl Facts {
    fn push(&mut self, line: impl FnOnce() -> Value) {
        if self.wanted {
            self.lines.push(line());
        }
    }
}

/// How [`ReportBuilder::add_document`] took a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Verified; whether it counts is settled by [`ReportBuilder::finish`].
    Kept,
    /// Rejected now.
    Rejected(Rejection),
}

/// Why no report was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// No municipality was given and the plans name several (their codes).
    SeveralMunicipalities(Vec<String>),
    /// The municipality is not in `regions.json`.
    UnknownMunicipality(String),
}

/// Builds a municipal report one document at a time.
pub struct ReportBuilder<'a> {
    settings: Settings<'a>,
    read: u64,
    rejected: Vec<Rejection>,
    plans: BTreeMap<String, PlanFact>,
    /// Service codes, municipalities and target groups, one copy each.
    names: BTreeSet<Arc<str>>,
    reviews: Vec<ReviewFact>,
    records: Vec<ProvisionFact>,
}

/// A finished municipal report, unsigned.
#[derive(Clone, Debug)]
pub struct MunicipalReport {
    /// The `ib-report/1` document.
    pub document: Value,
    /// One de-identified line per counted document (the NDJSON beside the CSV); empty
    /// unless [`Settings::facts`].
    pub facts: Vec<Value>,
}

fn reject(file: &str, reason: &'static str, detail: Option<String>) -> Taken {
    Taken::Rejected(Rejection {
        file: file.to_string(),
        reason,
        detail,
    })
}

/// The first reason a trust report is not valid, as a catalogue key.
fn trust_detail(report: &crate::engine::trust::TrustReport) -> String {
    if let Some(p) = report
        .proofs
        .iter()
        .find(|p| !matches!(p.verdict, TrustVerdict::Trusted | TrustVerdict::Duplicate))
    {
        return p.message_key.to_string();
    }
    if let Some(p) = report
        .price_list
        .as_ref()
        .filter(|p| p.status != crate::engine::trust::PriceListStatus::Official)
    {
        return p.message_key.to_string();
    }
    report.rule.message_key.to_string()
}

fn recompute_detail(outcome: &RecomputeOutcome) -> String {
    match outcome {
        RecomputeOutcome::Matches => String::new(),
        RecomputeOutcome::Differs { .. } => "report.detail.result_differs".into(),
        RecomputeOutcome::NotAPlan | RecomputeOutcome::UnsupportedSchema(_) => {
            "problem.schema.unsupported".into()
        }
        RecomputeOutcome::Invalid(problems) => problems
            .first()
            .map_or_else(|| "problem.internal".into(), |p| p.key.clone()),
    }
}

fn text<'v>(doc: &'v Value, pointer: &str) -> Option<&'v str> {
    doc.pointer(pointer).and_then(Value::as_str)
}

fn number(doc: &Value, key: &str) -> Option<u64> {
    doc.get(key).and_then(Value::as_u64)
}

fn euros(doc: &Value, key: &str) -> Option<Decimal> {
    doc.get(key).and_then(|v| money_from_json(v).ok())
}

/// Reads what a plan contributes from a document that recomputes (so its shape is the
/// engine's own).
fn plan_fact(file: &str, doc: &Value, names: &mut BTreeSet<Arc<str>>) -> Option<PlanFact> {
    let mut intern = |text: &str| -> Arc<str> {
        match names.get(text) {
            Some(name) => name.clone(),
            None => {
                let name: Arc<str> = Arc::from(text);
                names.insert(name.clone());
                name
            }
        }
    };
    let child = text(doc, "/case/child/id")?.to_string();
    let birth = YearMonth::parse(text(doc, "/case/child/birth")?)?;
    let municipality = intern(text(doc, "/case/child/municipality")?);
    let target_group = intern(text(doc, "/case/child/targetGroup")?);
    let p = doc.pointer("/result/period")?;
    let period = Period {
        start: Date::parse(p.get("start")?.as_str()?)?,
        end: Date::parse(p.get("end")?.as_str()?)?,
        months: u32::try_from(number(p, "months")?).ok()?,
        days: p.get("days")?.as_i64()?,
    };
    let areas: BTreeMap<&str, u8> = doc
        .pointer("/priceList/services")?
        .as_array()?
        .iter()
        .filter_map(|s| {
            Some((
                s.get("code")?.as_str()?,
                u8::try_from(s.get("area")?.as_u64()?).ok()?,
            ))
        })
        .collect();
    let items = doc.pointer("/result/lines")?.as_array()?;
    let mut lines = Vec::with_capacity(items.len());
    for l in items {
        let code = l.get("code")?.as_str()?;
        lines.push(LineFact {
            code: intern(code),
            area: *areas.get(code)?,
            unit: serde_json::from_value(l.get("unit")?.clone()).ok()?,
            unit_price: euros(l, "unitPrice")?,
            planned_units: number(l, "quantity")?,
            funded_units: number(l, "fundedUnits")?,
            unmet_units: number(l, "unmetUnits")?,
            planned: euros(l, "requestedAmount")?,
            funded: euros(l, "fundedAmount")?,
            unmet: euros(l, "unmetAmount")?,
        });
    }
    let totals = doc.pointer("/result/totals")?;
    Some(PlanFact {
        file: file.to_string(),
        child,
        municipality,
        target_group,
        band: age_band(period.start.age_in_years(birth)),
        period,
        budget: euros(totals, "budget")?,
        requested: euros(totals, "requested")?,
        allocated: euros(totals, "allocated")?,
        remaining: euros(totals, "remaining")?,
        unmet: euros(totals, "unmet")?,
        lines,
    })
}

fn review_fact(file: &str, doc: &Value, plan: String) -> Option<ReviewFact> {
    let outcome = doc.get("outcome")?;
    let t_score = match outcome.pointer("/gas/overall") {
        Some(Value::Null) | None => None,
        Some(g) => Some(
            g.pointer("/review/weighted")?
                .as_str()?
                .parse::<Decimal>()
                .ok()?,
        ),
    };
    let goals = outcome.pointer("/copm/goals")?.as_array()?;
    let flag = |key: &str| {
        u64::try_from(
            goals
                .iter()
                .filter(|g| g.get(key).and_then(Value::as_bool) == Some(true))
                .count(),
        )
        .ok()
    };
    let delivery = outcome
        .pointer("/delivery/services")?
        .as_array()?
        .iter()
        .map(|s| {
            Some((
                s.get("code")?.as_str()?.to_string(),
                number(s, "funded")?,
                number(s, "delivered")?,
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ReviewFact {
        file: file.to_string(),
        plan,
        t_score,
        copm_goals: u64::try_from(goals.len()).ok()?,
        copm_performance: flag("performanceImportant")?,
        copm_satisfaction: flag("satisfactionImportant")?,
        delivery,
    })
}

/// Quantile `p` (0–1) of sorted values, linearly interpolated between order statistics
/// (`h = (n − 1)·p`), exact, then rounded to 2 decimals half away from zero.
pub fn quantile(sorted: &[Decimal], p: Decimal) -> Option<Decimal> {
    let last = sorted.len().checked_sub(1)?;
    let h = Decimal::from(last) * p;
    let low = h.floor();
    let i = low.to_usize()?;
    let lower = *sorted.get(i)?;
    let upper = *sorted.get(i + 1).unwrap_or(&lower);
    let mut q = (lower + (h - low) * (upper - lower))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    q.rescale(2);
    Some(q)
}

impl<'a> ReportBuilder<'a> {
    /// A builder under these settings.
    pub fn new(settings: Settings<'a>) -> ReportBuilder<'a> {
        ReportBuilder {
            settings,
            read: 0,
            rejected: Vec::new(),
            plans: BTreeMap::new(),
            names: BTreeSet::new(),
            reviews: Vec::new(),
            records: Vec::new(),
        }
    }

    /// Files read so far.
    pub fn read(&self) -> u64 {
        self.read
    }

    /// Files rejected so far (more may be at [`ReportBuilder::finish`]).
    pub fn rejected(&self) -> usize {
        self.rejected.len()
    }

    /// Counts a file the caller could not read or parse (`reason`: a `report.reject.*`
    /// key; `detail`: a key saying more).
    pub fn add_unreadable(&mut self, file: &str, reason: &'static str, detail: Option<String>) {
        self.read += 1;
        self.rejected.push(Rejection {
            file: file.to_string(),
            reason,
            detail,
        });
    }

    /// Verifies one document and keeps what it contributes.
    pub fn add_document(&mut self, file: &str, doc: &Value) -> Taken {
        self.read += 1;
        let taken = self.take(file, doc);
        if let Taken::Rejected(r) = &taken {
            self.rejected.push(r.clone());
        }
        taken
    }

    fn take(&mut self, file: &str, doc: &Value) -> Taken {
        let schema = doc.get("schema").and_then(Value::as_str).unwrap_or("");
        if schema.starts_with(PLAN_SCHEMA_PREFIX) {
            self.take_plan(file, doc)
        } else if schema.starts_with(REVIEW_SCHEMA_PREFIX) {
            self.take_review(file, doc)
        } else if schema == PROVISION_SCHEMA {
            self.take_record(file, doc)
        } else {
            reject(file, "report.reject.not_a_document", None)
        }
    }

    /// Checks the proofs under the trust list; `whole`: also the price list and rule.
    fn trusted(&self, file: &str, doc: &Value, whole: bool) -> Option<Taken> {
        let report = match verify_with_trust(doc, self.settings.trust) {
            Ok(r) => r,
            Err(e) => {
                return Some(reject(
                    file,
                    "report.reject.integrity",
                    Some(e.key().into()),
                ))
            }
        };
        if report.proofs.is_empty() {
            return whole.then(|| reject(file, "report.reject.unsigned", None));
        }
        let proofs_ok = report
            .proofs
            .iter()
            .all(|p| matches!(p.verdict, TrustVerdict::Trusted | TrustVerdict::Duplicate));
        let ok = if whole { report.valid } else { proofs_ok };
        (!ok).then(|| reject(file, "report.reject.untrusted", Some(trust_detail(&report))))
    }

    fn take_plan(&mut self, file: &str, doc: &Value) -> Taken {
        if let Some(rejected) = self.trusted(file, doc, true) {
            return rejected;
        }
        let outcome = recompute_check(doc);
        if outcome != RecomputeOutcome::Matches {
            return reject(
                file,
                "report.reject.recompute",
                Some(recompute_detail(&outcome)),
            );
        }
        let (Some(fact), Some(digest)) =
            (plan_fact(file, doc, &mut self.names), document_digest(doc))
        else {
            return reject(
                file,
                "report.reject.recompute",
                Some("problem.internal".into()),
            );
        };
        if let Some(period) = self.settings.period {
            if !period.contains(fact.period.start) {
                return reject(file, "report.reject.outside_period", None);
            }
        }
        if let Some(m) = &self.settings.municipality {
            if m.as_str() != &*fact.municipality {
                return reject(file, "report.reject.other_municipality", None);
            }
        }
        match self.plans.get(&digest) {
            Some(kept) if kept.file.as_str() <= file => {
                reject(file, "report.reject.duplicate", None)
            }
            Some(kept) => {
                let other = kept.file.clone();
                self.rejected.push(Rejection {
                    file: other,
                    reason: "report.reject.duplicate",
                    detail: None,
                });
                self.plans.insert(digest, fact);
                Taken::Kept
            }
            None => {
                self.plans.insert(digest, fact);
                Taken::Kept
            }
        }
    }

    fn take_review(&mut self, file: &str, doc: &Value) -> Taken {
        if let Some(rejected) = self.trusted(file, doc, true) {
            return rejected;
        }
        let outcome = review_recompute_check(doc);
        if outcome != RecomputeOutcome::Matches {
            return reject(
                file,
                "report.reject.recompute",
                Some(recompute_detail(&outcome)),
            );
        }
        let fact = read_review_record(doc)
            .ok()
            .and_then(|r| review_fact(file, doc, r.plan_digest));
        match fact {
            Some(fact) => {
                self.reviews.push(fact);
                Taken::Kept
            }
            None => reject(
                file,
                "report.reject.recompute",
                Some("problem.internal".into()),
            ),
        }
    }

    fn take_record(&mut self, file: &str, doc: &Value) -> Taken {
        if let Some(rejected) = self.trusted(file, doc, false) {
            return rejected;
        }
        match read_record(doc) {
            Ok(record) => {
                self.records.push(ProvisionFact {
                    file: file.to_string(),
                    record,
                });
                Taken::Kept
            }
            Err(problems) => reject(
                file,
                "report.reject.provision",
                problems.first().map(|p| p.key.clone()),
            ),
        }
    }

    /// Links reviews and provision records to their plans, counts, suppresses and builds
    /// the report.
    pub fn finish(mut self, regions: &Regions) -> Result<MunicipalReport, ReportError> {
        // Plans superseded by an amended plan that a counted record names.
        let superseded: BTreeSet<String> = self
            .records
            .iter()
            .filter(|r| self.plans.contains_key(&r.record.plan_digest))
            .flat_map(|r| r.record.previous_plan_digests.iter().cloned())
            .collect();
        for digest in &superseded {
            if let Some(plan) = self.plans.remove(digest) {
                self.rejected.push(Rejection {
                    file: plan.file,
                    reason: "report.reject.superseded",
                    detail: None,
                });
            }
        }
        // The municipality.
        let municipality = match &self.settings.municipality {
            Some(m) => m.clone(),
            None => {
                let named: BTreeSet<&str> = self.plans.values().map(|p| &*p.municipality).collect();
                match named.len() {
                    0 | 1 => named.into_iter().next().unwrap_or_default().to_string(),
                    _ => {
                        return Err(ReportError::SeveralMunicipalities(
                            named.into_iter().map(str::to_string).collect(),
                        ))
                    }
                }
            }
        };
        let region = match regions.municipality(&municipality) {
            Some((region, _)) => region.code.clone(),
            None if municipality.is_empty() => String::new(),
            None => return Err(ReportError::UnknownMunicipality(municipality)),
        };
        // One plan per child and start date: the first by file name.
        let mut twice = Vec::new();
        {
            let mut by_start: BTreeMap<(&str, Date), (&str, &str)> = BTreeMap::new();
            for (digest, plan) in &self.plans {
                let key = (plan.child.as_str(), plan.period.start);
                match by_start.get(&key) {
                    Some((file, _)) if *file <= plan.file.as_str() => twice.push(digest.clone()),
                    Some((_, other)) => {
                        twice.push(other.to_string());
                        by_start.insert(key, (&plan.file, digest));
                    }
                    None => {
                        by_start.insert(key, (&plan.file, digest));
                    }
                }
            }
        }
        for digest in twice {
            if let Some(plan) = self.plans.remove(&digest) {
                self.rejected.push(Rejection {
                    file: plan.file,
                    reason: "report.reject.same_child",
                    detail: None,
                });
            }
        }
        // Reviews and records: one per counted plan, the first by file name.
        self.reviews.sort_by(|a, b| a.file.cmp(&b.file));
        let mut reviews: BTreeMap<String, ReviewFact> = BTreeMap::new();
        for review in std::mem::take(&mut self.reviews) {
            let reason = if !self.plans.contains_key(&review.plan) {
                "report.reject.plan_not_counted"
            } else if reviews.contains_key(&review.plan) {
                "report.reject.duplicate"
            } else {
                reviews.insert(review.plan.clone(), review);
                continue;
            };
            self.rejected.push(Rejection {
                file: review.file,
                reason,
                detail: None,
            });
        }
        self.records.sort_by(|a, b| a.file.cmp(&b.file));
        // Per plan: per service, units delivered and euros paid.
        let mut provided: BTreeMap<String, BTreeMap<String, (u64, Decimal)>> = BTreeMap::new();
        for fact in std::mem::take(&mut self.records) {
            let digest = fact.record.plan_digest.clone();
            let Some(plan) = self.plans.get(&digest) else {
                self.rejected.push(Rejection {
                    file: fact.file,
                    reason: "report.reject.plan_not_counted",
                    detail: None,
                });
                continue;
            };
            if provided.contains_key(&digest) {
                self.rejected.push(Rejection {
                    file: fact.file,
                    reason: "report.reject.duplicate",
                    detail: None,
                });
                continue;
            }
            let facts = PlanFacts {
                digest: digest.clone(),
                case_id: plan.child.clone(),
                period: plan.period.clone(),
                lines: plan
                    .lines
                    .iter()
                    .filter(|l| l.funded_units > 0)
                    .map(|l| FundedLine {
                        code: l.code.to_string(),
                        name: LocalName {
                            lv: String::new(),
                            en: String::new(),
                        },
                        unit: l.unit,
                        unit_price: l.unit_price,
                        funded_units: l.funded_units,
                        funded_amount: l.funded,
                    })
                    .collect(),
            };
            match report_for(&facts, &fact.record, self.settings.providers) {
                Ok(report) => {
                    let per_service = report
                        .services
                        .iter()
                        .map(|s| (s.code.clone(), (s.delivered_units, s.paid)))
                        .collect();
                    provided.insert(digest, per_service);
                }
                Err(problems) => self.rejected.push(Rejection {
                    file: fact.file,
                    reason: "report.reject.provision",
                    detail: problems.first().map(|p| p.key.clone()),
                }),
            }
        }
        let period = self.settings.period;
        let (figures, facts) = self.count(&reviews, &provided, &municipality);
        let mut rejected = self.rejected;
        rejected.sort();
        let document =
            document::municipal_json(&figures, &municipality, &region, period, &rejected);
        Ok(MunicipalReport { document, facts })
    }

    fn count(
        &self,
        reviews: &BTreeMap<String, ReviewFact>,
        provided: &BTreeMap<String, BTreeMap<String, (u64, Decimal)>>,
        municipality: &str,
    ) -> (Figures, Vec<Value>) {
        let mut f = Figures::empty();
        // Plans in file-name order (facts and ties follow it).
        let mut plans: Vec<(&String, &PlanFact)> = self.plans.iter().collect();
        plans.sort_by(|a, b| a.1.file.cmp(&b.1.file));
        // Children: once each, by their latest plan.
        let mut latest: BTreeMap<&str, &PlanFact> = BTreeMap::new();
        for (_, p) in &plans {
            match latest.get(p.child.as_str()) {
                Some(q) if q.period.start >= p.period.start => {}
                _ => {
                    latest.insert(p.child.as_str(), p);
                }
            }
        }
        let count = |n: usize| Val::count(u64::try_from(n).unwrap_or(u64::MAX));
        f.children = count(latest.len());
        for p in latest.values() {
            if let Some(g) = TARGET_GROUPS.iter().position(|g| *g == &*p.target_group) {
                f.by_target_group[g] = f.by_target_group[g].plus(Val::count(1));
            }
            f.by_age_band[p.band] = f.by_age_band[p.band].plus(Val::count(1));
        }
        // Services, areas and the budget.
        let mut facts = Facts {
            wanted: self.settings.facts,
            lines: Vec::new(),
        };
        for (digest, p) in &plans {
            let review = reviews.get(*digest);
            let provision = provided.get(*digest);
            let half = ReportPeriod::half_of(p.period.start).to_string();
            let mut paid_total = Decimal::ZERO;
            for l in &p.lines {
                let delivered_by_review = review
                    .and_then(|r| r.delivery.iter().find(|(c, _, _)| c.as_str() == &*l.code))
                    .map(|(_, _, d)| *d);
                let by_record = provision.and_then(|s| s.get(&*l.code)).copied();
                let delivered = delivered_by_review.or(by_record.map(|(u, _)| u));
                let paid = by_record.map(|(_, p)| p);
                let (_, row) = f
                    .services
                    .entry(l.code.to_string())
                    .or_insert_with(|| (l.area, Row::zero(&figures::ROW_MEASURES)));
                let add = |row: &mut Row| {
                    row.add("plannedUnits", Decimal::from(l.planned_units));
                    row.add("plannedEuros", l.planned);
                    row.add("fundedUnits", Decimal::from(l.funded_units));
                    row.add("fundedEuros", l.funded);
                    row.add("unmetUnits", Decimal::from(l.unmet_units));
                    row.add("unmetEuros", l.unmet);
                    row.add("deliveredUnits", Decimal::from(delivered.unwrap_or(0)));
                    row.add("paidEuros", paid.unwrap_or(Decimal::ZERO));
                };
                add(row);
                if let Some(area) = f.areas.get_mut(usize::from(l.area).saturating_sub(1)) {
                    add(area);
                }
                paid_total += paid.unwrap_or(Decimal::ZERO);
                facts.push(|| {
                    json!({
                        "kind": "service",
                        "municipality": municipality,
                        "period": half,
                        "targetGroup": &*p.target_group,
                        "ageBand": AGE_BANDS[p.band],
                        "service": &*l.code,
                        "area": l.area,
                        "plannedUnits": l.planned_units,
                        "fundedUnits": l.funded_units,
                        "unmetUnits": l.unmet_units,
                        "plannedEuros": figures::money(l.planned),
                        "fundedEuros": figures::money(l.funded),
                        "unmetEuros": figures::money(l.unmet),
                        "deliveredUnits": delivered,
                        "paidEuros": paid.map(figures::money),
                    })
                });
            }
            let b = &mut f.budget;
            b.add("budget", p.budget);
            b.add("plannedEuros", p.requested);
            b.add("fundedEuros", p.allocated);
            b.add("unmetEuros", p.unmet);
            b.add("remainingEuros", p.remaining);
            b.add("paidEuros", paid_total);
            facts.push(|| {
                json!({
                    "kind": "plan",
                    "municipality": municipality,
                    "period": half,
                    "targetGroup": &*p.target_group,
                    "ageBand": AGE_BANDS[p.band],
                    "budget": figures::money(p.budget),
                    "plannedEuros": figures::money(p.requested),
                    "fundedEuros": figures::money(p.allocated),
                    "unmetEuros": figures::money(p.unmet),
                    "reviewed": review.is_some(),
                    "provisionRecorded": provision.is_some(),
                })
            });
        }
        f.budget.add("children", Decimal::from(latest.len()));
        // Children per service and area, each child once: plans grouped by child.
        let delivered_known = |digest: &str, code: &str| {
            reviews
                .get(digest)
                .is_some_and(|r| r.delivery.iter().any(|(c, _, _)| c == code))
                || provided.get(digest).is_some_and(|s| s.contains_key(code))
        };
        let mut by_child: Vec<&(&String, &PlanFact)> = plans.iter().collect();
        by_child.sort_by(|a, b| a.1.child.cmp(&b.1.child));
        let names = [
            "children",
            "childrenFunded",
            "childrenUnmet",
            "childrenDelivered",
        ];
        let mut start = 0;
        while start < by_child.len() {
            let child = &by_child[start].1.child;
            let end = by_child[start..]
                .iter()
                .position(|(_, p)| p.child != *child)
                .map_or(by_child.len(), |n| start + n);
            let mut services: BTreeMap<&str, [bool; 4]> = BTreeMap::new();
            let mut areas = [[false; 4]; 3];
            for (digest, p) in &by_child[start..end] {
                for l in &p.lines {
                    let marks = [
                        l.planned_units > 0,
                        l.funded_units > 0,
                        l.unmet_units > 0,
                        l.funded_units > 0 && delivered_known(digest, &l.code),
                    ];
                    let a = usize::from(l.area).saturating_sub(1).min(2);
                    let mine = services.entry(&*l.code).or_default();
                    for ((m, area), mark) in mine.iter_mut().zip(&mut areas[a]).zip(marks) {
                        *m |= mark;
                        *area |= mark;
                    }
                }
            }
            for (code, marks) in services {
                if let Some((_, row)) = f.services.get_mut(code) {
                    for (name, mark) in names.iter().zip(marks) {
                        row.add(name, Decimal::from(u8::from(mark)));
                    }
                }
            }
            for (row, marks) in f.areas.iter_mut().zip(areas) {
                for (name, mark) in names.iter().zip(marks) {
                    row.add(name, Decimal::from(u8::from(mark)));
                }
            }
            start = end;
        }
        // Outcomes.
        let o = &mut f.outcomes;
        o.reviews = count(reviews.len());
        let mut scores: Vec<Decimal> = reviews.values().filter_map(|r| r.t_score).collect();
        scores.sort();
        o.gas_reviews = count(scores.len());
        for t in &scores {
            let b = gas_band(*t);
            o.gas_bands[b] = o.gas_bands[b].plus(Val::count(1));
        }
        let q = |p: Decimal| quantile(&scores, p).map_or(Val::Hidden, Val::Exact);
        o.gas_quartiles = Some([
            q(Decimal::new(25, 2)),
            q(Decimal::new(5, 1)),
            q(Decimal::new(75, 2)),
        ]);
        for r in reviews.values() {
            o.copm_goals = o.copm_goals.plus(Val::count(r.copm_goals));
            o.copm_performance = o.copm_performance.plus(Val::count(r.copm_performance));
            o.copm_satisfaction = o.copm_satisfaction.plus(Val::count(r.copm_satisfaction));
            for (_, funded, delivered) in &r.delivery {
                o.funded_units = o.funded_units.plus(Val::count(*funded));
                o.delivered_units = o.delivered_units.plus(Val::count(*delivered));
            }
        }
        let mut reviewed: Vec<&ReviewFact> = reviews.values().collect();
        reviewed.sort_by(|a, b| a.file.cmp(&b.file));
        for r in reviewed {
            let funded: u64 = r.delivery.iter().map(|(_, f, _)| *f).sum();
            let delivered: u64 = r.delivery.iter().map(|(_, _, d)| *d).sum();
            let half = self
                .plans
                .get(&r.plan)
                .map(|p| ReportPeriod::half_of(p.period.start).to_string());
            facts.push(|| {
                json!({
                    "kind": "review",
                    "municipality": municipality,
                    "period": half,
                    "gasReview": r.t_score.map(|t| t.to_string()),
                    "copmGoals": r.copm_goals,
                    "copmPerformanceImportant": r.copm_performance,
                    "copmSatisfactionImportant": r.copm_satisfaction,
                    "fundedUnits": funded,
                    "deliveredUnits": delivered,
                })
            });
        }
        let rejected = self.rejected.len();
        f.documents = Some(figures::Documents {
            read: Val::count(self.read),
            plans: count(self.plans.len()),
            reviews: count(reviews.len()),
            provision: count(provided.len()),
            rejected: count(rejected),
        });
        f.suppress();
        (f, facts.lines)
    }
}

/// Whether a key (`publicKeyMultibase`) may sign the municipality's report: it is the key
/// the trust list was accepted by (its own signature, or the pinned key), or a signer the
/// list names with the role [`crate::engine::trust::LIST_SIGNER_ROLE`].
pub fn may_sign(
    list: &TrustList,
    signature: &crate::engine::trust::ListSignature,
    key: &str,
) -> bool {
    signature.key == key
        || list
            .signer(key)
            .is_some_and(|s| s.role == crate::engine::trust::LIST_SIGNER_ROLE)
}

/// Every `report.*` catalogue key the engine and `ibplan report` use.
pub const MESSAGES: &[&str] = &[
    "report.reject.unreadable",
    "report.reject.too_large",
    "report.reject.not_json",
    "report.reject.duplicate_member",
    "report.reject.not_a_document",
    "report.reject.integrity",
    "report.reject.unsigned",
    "report.reject.untrusted",
    "report.reject.recompute",
    "report.reject.outside_period",
    "report.reject.other_municipality",
    "report.reject.duplicate",
    "report.reject.superseded",
    "report.reject.same_child",
    "report.reject.plan_not_counted",
    "report.reject.provision",
    "report.reject.not_a_report",
    "report.reject.wrong_level",
    "report.reject.not_in_region",
    "report.reject.wrong_signer",
    "report.reject.malformed",
    "report.reject.duplicate_part",
    "report.detail.result_differs",
    "report.cli.summary",
    "report.cli.rollup_summary",
    "report.cli.rejected",
    "report.cli.rejected_detail",
    "report.cli.figures_note",
    "report.cli.unsigned",
    "report.cli.signed",
    "report.cli.key_not_municipality",
    "report.cli.several_municipalities",
    "report.cli.unknown_municipality",
    "report.cli.several_regions",
    "report.cli.unknown_region",
    "report.cli.several_periods",
    "report.cli.bad_period",
    "report.cli.no_files",
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_is_in_the_catalogue_in_both_languages() {
        use crate::i18n::{t, Lang, MISSING};
        for key in MESSAGES {
            assert!(crate::i18n::has(key), "{key} is missing from the catalogue");
            assert_ne!(t(Lang::Lv, key), MISSING);
            assert_ne!(t(Lang::En, key), MISSING);
        }
        // Every reason the sources name is listed.
        for source in [
            include_str!("report.rs"),
            include_str!("report/rollup.rs"),
            include_str!("../bin/ibplan/report.rs"),
        ] {
            for (at, _) in source.match_indices("\"report.") {
                let rest = &source[at + 1..];
                let key = &rest[..rest.find('"').unwrap_or(0)];
                if key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                    && !key.ends_with('.')
                    && key.matches('.').count() == 2
                {
                    assert!(MESSAGES.contains(&key), "{key} is not in MESSAGES");
                }
            }
        }
    }

    use super::*;

    #[test]
    fn periods_read_and_contain_dates() {
        let h2 = ReportPeriod::parse("2025H2").unwrap();
        assert_eq!(h2.to_string(), "2025H2");
        assert!(h2.contains(Date::parse("2025-07-01").unwrap()));
        assert!(!h2.contains(Date::parse("2025-06-30").unwrap()));
        assert!(ReportPeriod::parse("2025")
            .unwrap()
            .contains(Date::parse("2025-01-01").unwrap()));
        for bad in ["2025H3", "25H1", "2025h1", "", "2025H"] {
            assert_eq!(ReportPeriod::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn quantiles_interpolate_exactly() {
        let v: Vec<Decimal> = ["36.31", "50.00", "52.20", "77.39"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(
            quantile(&v, Decimal::new(5, 1)).unwrap().to_string(),
            "51.10"
        );
        assert_eq!(
            quantile(&v, Decimal::new(25, 2)).unwrap().to_string(),
            "46.58"
        );
        assert_eq!(
            quantile(&v, Decimal::new(75, 2)).unwrap().to_string(),
            "58.50"
        );
        assert_eq!(
            quantile(&v[..1], Decimal::new(5, 1)).unwrap().to_string(),
            "36.31"
        );
        assert_eq!(quantile(&[], Decimal::new(5, 1)), None);
    }
}
