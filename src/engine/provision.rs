//! Service provision (`"schema": "ib-provision/1"`): what happens to a signed plan during
//! its period. The record names the plan by its digest ([`document_digest`]) and holds, per
//! funded line, the parents' choice of provider (a provider of the municipality's list by
//! its register number, or another provider with its details typed in) and the
//! arrangement (a contract or a guarantee letter, with its number and date); and, per
//! service and plan month, the units delivered (from the provider's statement) and the
//! amount paid.
//!
//! [`provision_report`] checks a record against its plan and computes, per service, per
//! month and in total, what was allocated, delivered, paid and is available. The rules
//! (also in ARCHITECTURE.md):
//! - **Monthly allocation.** Each funded line's amount is spread over the plan's months
//!   with the plan's own rule ([`spread_over_months`]): the amount divided by the number
//!   of months, rounded down to the cent, in every month but the last; the last month
//!   takes the rest. So a line's months add up to its funded amount to the cent, and a
//!   month's total is the sum of its lines.
//! - **The 6-month envelope.** `available` in a month is everything allocated up to and
//!   including that month minus everything paid up to and including it: money unspent in
//!   a month carries to the later months of the same plan. Spending ahead of the even
//!   allocation is allowed (the envelope is the whole period; the month is flagged
//!   `ahead` and its `available` is negative), but never beyond the funded amount: the
//!   last month's `available` is the funded amount minus what was paid, and nothing
//!   carries past the plan's end.
//! - **Refusals.** Deliveries above a line's funded units, payments above its funded
//!   amount, a payment above the units delivered times the agreed unit price, a month
//!   outside the plan, a month after `statementsThrough`, a delivery for a line without a
//!   provider and arrangement, and the same service and month twice are problems at their
//!   JSON pointers.
//! - **Price difference.** A provider whose unit price differs from the plan's is flagged
//!   with the units the funded amount buys at the provider's price (rounded down to whole
//!   units); the plan's units and amount are never re-priced.
//! - **A provider change** is a second line for the service with the month it starts
//!   (`fromMonth`); each statement belongs to the provider of its month (the payments CSV
//!   and the letters follow it), and the new provider's price difference and letter count
//!   what is still funded when it starts.
//! - **Forecast.** With statements through month `k` of `n`, the forecast of what will be
//!   paid by the end is `paid × n / k`, exact, rounded to the cent half away from zero;
//!   the forecast unspent amount is the funded amount minus that, or 0.
//!
//! An amendment (a quantity or a provider changes inside the period) makes a new plan
//! version; [`carry_over`] moves a record to it, keeping the deliveries, naming the earlier
//! plan in `previousPlanDigests`, and refusing when the amended plan funds fewer units, or
//! less money, than were already delivered or paid. [`guarantee_letters`] gives the
//! contents of each guarantee letter and [`payments_csv`] the payments for bookkeeping;
//! neither carries anything about the child beyond the case pseudonym.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::engine::allocate::{spread_over_months, Period};
use crate::engine::date::Date;
use crate::engine::money::{money_from_json, money_string};
use crate::engine::plan::{recomputed_plan, RecomputedPlan};
use crate::engine::problem::{join, Problem};
use crate::engine::providers::{
    bounded_array, optional_price, register_number, serialize_opt_money, unknown_members,
    ProviderList, MAX_DETAIL_LEN,
};
use crate::engine::reference::{serialize_display, serialize_money, LocalName, Unit};
use crate::engine::review::document_digest;
use crate::engine::validate::{Reader, MAX_ID_LEN, MAX_QUANTITY};
use crate::engine::ENGINE_VERSION;

/// The schema tag of a provision record.
pub const PROVISION_SCHEMA: &str = "ib-provision/1";
/// The schema tag of the report [`provision_report`] computes.
pub const PROVISION_REPORT_SCHEMA: &str = "ib-provision-report/1";
/// Most earlier plan versions a record may name.
pub const MAX_PREVIOUS_PLANS: usize = 50;

// ---------------------------------------------------------------------------------------
// The record.

/// How the social service pays a provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ArrangementKind {
    /// A contract (līgums).
    Contract,
    /// A guarantee letter (garantijas vēstule).
    GuaranteeLetter,
}

impl ArrangementKind {
    /// The code written in records.
    pub fn code(self) -> &'static str {
        match self {
            ArrangementKind::Contract => "contract",
            ArrangementKind::GuaranteeLetter => "guaranteeLetter",
        }
    }

    /// The kind with this code.
    pub fn parse(code: &str) -> Option<ArrangementKind> {
        [ArrangementKind::Contract, ArrangementKind::GuaranteeLetter]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            ArrangementKind::Contract => "provision.arrangement.contract",
            ArrangementKind::GuaranteeLetter => "provision.arrangement.guarantee_letter",
        }
    }
}

/// A contract or a guarantee letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Arrangement {
    /// Contract or guarantee letter.
    pub kind: ArrangementKind,
    /// Its number.
    pub number: String,
    /// Its date.
    #[serde(serialize_with = "serialize_display")]
    pub date: Date,
}

/// A provider the parents chose that is not on the municipality's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherProvider {
    /// Name.
    pub name: String,
    /// Number in the Social Services Provider Register.
    pub register_number: String,
    /// Address.
    pub address: String,
    /// Contact.
    pub contact: String,
    /// Its unit price for this service, when it differs from the plan's.
    #[serde(
        serialize_with = "serialize_opt_money",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit_price: Option<Decimal>,
}

/// The parents' choice: `{"listed": "REGISTER-NUMBER"}` or `{"other": {…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProviderRef {
    /// A provider of the list, by its register number.
    Listed(String),
    /// Another provider, typed in.
    Other(OtherProvider),
}

/// One funded line's provider from a plan month on, and the arrangement (not yet made:
/// `None`). A line whose provider changes during the period has one entry per provider,
/// each with the month it starts (`fromMonth`, 1 for the first); every statement belongs
/// to the provider of its month, so a change never moves earlier payments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordLine {
    /// The plan's service code.
    pub code: String,
    /// The first plan month of this provider (1-based).
    pub from_month: u32,
    /// The provider chosen.
    pub provider: ProviderRef,
    /// The contract or guarantee letter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<Arrangement>,
}

/// One provider's statement for one service and plan month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    /// Service code.
    pub code: String,
    /// The plan month, 1-based.
    pub month: u32,
    /// Units delivered.
    pub units: u64,
    /// Amount paid.
    #[serde(serialize_with = "serialize_money")]
    pub paid: Decimal,
}

/// A provision record as read (normalised: amounts with two decimals).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionRecord {
    /// [`PROVISION_SCHEMA`].
    pub schema: &'static str,
    /// Digest of the plan this record belongs to.
    pub plan_digest: String,
    /// Digests of the earlier versions of the plan, oldest first (amendments).
    pub previous_plan_digests: Vec<String>,
    /// The case pseudonym (the plan's child id).
    pub case_id: String,
    /// The social service that pays (named on guarantee letters).
    pub social_service: String,
    /// The last plan month with statements recorded (0: none yet); `None`: the last
    /// month of the plan that has a statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statements_through: Option<u32>,
    /// Provider choices: per funded line, one per provider (by the month it starts).
    pub lines: Vec<RecordLine>,
    /// Statements.
    pub deliveries: Vec<Delivery>,
}

/// Why no report was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProvisionError {
    /// The plan is not a valid, recomputable plan (paths into the plan).
    Plan(Vec<Problem>),
    /// The amended plan (of [`carry_over`]) is not acceptable (paths into it).
    AmendedPlan(Vec<Problem>),
    /// The record has problems (paths into the record).
    Record(Vec<Problem>),
}

// ---------------------------------------------------------------------------------------
// The report.

/// A provider as the report shows it (resolved from the list, or as typed in).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderDetails {
    /// Whether the provider is on the municipality's list.
    pub listed: bool,
    /// Name.
    pub name: String,
    /// Register number.
    pub register_number: String,
    /// Address.
    pub address: String,
    /// Contact.
    pub contact: String,
}

/// What a provider's different unit price does to the funded units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceDifference {
    /// The plan's unit price.
    #[serde(serialize_with = "serialize_money")]
    pub plan_unit_price: Decimal,
    /// The provider's unit price.
    #[serde(serialize_with = "serialize_money")]
    pub provider_unit_price: Decimal,
    /// The units the plan funds.
    pub funded_units: u64,
    /// The whole units the funded amount buys at the provider's price.
    pub units_at_provider_price: u64,
    /// `higher` or `lower`.
    pub direction: &'static str,
    /// The catalogue key that says it in words.
    pub key: &'static str,
}

/// One provider of a service, for the months it provides it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceProvider {
    /// First plan month.
    pub from_month: u32,
    /// Last plan month (the month before the next provider starts, or the plan's last).
    pub to_month: u32,
    /// The provider.
    pub provider: ProviderDetails,
    /// The arrangement (`None`: not made yet).
    pub arrangement: Option<Arrangement>,
    /// The unit price agreed with the provider (its own, else the plan's).
    #[serde(serialize_with = "serialize_money")]
    pub agreed_unit_price: Decimal,
    /// Units funded and not delivered before this provider starts.
    pub units_at_start: u64,
    /// Funded amount not paid before this provider starts.
    #[serde(serialize_with = "serialize_money")]
    pub amount_at_start: Decimal,
    /// The price difference (against the units and amount at its start), if any.
    pub price_difference: Option<PriceDifference>,
}

/// One statement as the report lists it: with the provider it was paid to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaidStatement {
    /// Service code.
    pub code: String,
    /// Plan month.
    pub month: u32,
    /// Units delivered.
    pub units: u64,
    /// Amount paid.
    #[serde(serialize_with = "serialize_money")]
    pub paid: Decimal,
    /// The provider's register number.
    pub register_number: String,
    /// The provider's name.
    pub provider_name: String,
    /// The agreed unit price.
    #[serde(serialize_with = "serialize_money")]
    pub unit_price: Decimal,
}

/// One service in one plan month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthFigures {
    /// Plan month, 1-based.
    pub month: u32,
    /// First day.
    #[serde(serialize_with = "serialize_display")]
    pub start: Date,
    /// Last day.
    #[serde(serialize_with = "serialize_display")]
    pub end: Date,
    /// This month's share of the funded amount.
    #[serde(serialize_with = "serialize_money")]
    pub allocated: Decimal,
    /// Available at the end of the month before (what carries in; may be negative).
    #[serde(serialize_with = "serialize_money")]
    pub carried_in: Decimal,
    /// Units delivered (`None` in the month totals, where units of different services
    /// do not add up).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_units: Option<u64>,
    /// Paid this month.
    #[serde(serialize_with = "serialize_money")]
    pub paid: Decimal,
    /// Allocated up to this month minus paid up to this month.
    #[serde(serialize_with = "serialize_money")]
    pub available: Decimal,
    /// Spending is ahead of the monthly allocation (`available` is negative).
    pub ahead: bool,
}

/// The forecast at the current pace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Forecast {
    /// Statements through this plan month.
    pub through_month: u32,
    /// Paid by the end at the pace so far: `paid × months / through`, to the cent.
    #[serde(serialize_with = "serialize_money")]
    pub paid_by_end: Decimal,
    /// Funded minus that, or 0.
    #[serde(serialize_with = "serialize_money")]
    pub unspent: Decimal,
    /// At this pace the funded amount would run out before the end.
    pub exceeds_funding: bool,
}

/// One funded service through the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceProvision {
    /// Service code.
    pub code: String,
    /// Name (from the plan's price list).
    pub name: LocalName,
    /// Unit.
    pub unit: Unit,
    /// The plan's unit price.
    #[serde(serialize_with = "serialize_money")]
    pub plan_unit_price: Decimal,
    /// Units funded.
    pub funded_units: u64,
    /// Amount funded.
    #[serde(serialize_with = "serialize_money")]
    pub funded_amount: Decimal,
    /// The providers, in the order they start (empty: not chosen yet).
    pub providers: Vec<ServiceProvider>,
    /// Units delivered.
    pub delivered_units: u64,
    /// Units funded and not delivered.
    pub available_units: u64,
    /// Paid.
    #[serde(serialize_with = "serialize_money")]
    pub paid: Decimal,
    /// Funded minus paid.
    #[serde(serialize_with = "serialize_money")]
    pub available: Decimal,
    /// Month by month.
    pub months: Vec<MonthFigures>,
    /// The forecast (`None` before the first statement).
    pub forecast: Option<Forecast>,
}

/// The totals over all services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionTotals {
    /// Funded.
    #[serde(serialize_with = "serialize_money")]
    pub funded: Decimal,
    /// Paid.
    #[serde(serialize_with = "serialize_money")]
    pub paid: Decimal,
    /// Funded minus paid.
    #[serde(serialize_with = "serialize_money")]
    pub available: Decimal,
    /// Units funded, all services.
    pub funded_units: u64,
    /// Units delivered, all services.
    pub delivered_units: u64,
    /// The forecast over all services.
    pub forecast: Option<Forecast>,
}

/// The version and date of the provider list the record was checked against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderListRef {
    /// Version.
    pub version: String,
    /// Date.
    #[serde(serialize_with = "serialize_display")]
    pub date: Date,
}

/// What [`provision_report`] computes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvisionReport {
    /// [`PROVISION_REPORT_SCHEMA`].
    pub schema: &'static str,
    /// The engine version.
    pub engine_version: &'static str,
    /// The plan's digest.
    pub plan_digest: String,
    /// The earlier versions of the plan, oldest first.
    pub previous_plan_digests: Vec<String>,
    /// The case pseudonym.
    pub case_id: String,
    /// The social service.
    pub social_service: String,
    /// The provider list used, when one was given.
    pub provider_list: Option<ProviderListRef>,
    /// The plan period.
    pub period: Period,
    /// Statements through this plan month.
    pub statements_through: u32,
    /// Per funded service, in the plan's order.
    pub services: Vec<ServiceProvision>,
    /// Per month, all services.
    pub months: Vec<MonthFigures>,
    /// In total.
    pub totals: ProvisionTotals,
    /// The statements, by month, then in the plan's order of services.
    pub deliveries: Vec<PaidStatement>,
}

// ---------------------------------------------------------------------------------------
// The plan.

/// One funded line of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundedLine {
    /// Service code.
    pub code: String,
    /// Name.
    pub name: LocalName,
    /// Unit.
    pub unit: Unit,
    /// Plan unit price.
    pub unit_price: Decimal,
    /// Units funded (at least 1).
    pub funded_units: u64,
    /// Amount funded.
    pub funded_amount: Decimal,
}

/// What provision takes from a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanFacts {
    /// [`document_digest`] of the plan.
    pub digest: String,
    /// The child's pseudonymous id.
    pub case_id: String,
    /// The period.
    pub period: Period,
    /// The funded lines, in priority order.
    pub lines: Vec<FundedLine>,
}

fn internal(detail: &str) -> Vec<Problem> {
    vec![Problem::new("", "problem.internal").with("detail", detail)]
}

/// Reads what provision needs from a plan, which must recompute (a proof is allowed).
pub fn plan_facts(plan: &Value) -> Result<PlanFacts, Vec<Problem>> {
    let RecomputedPlan {
        case,
        document: computed,
        ..
    } = recomputed_plan(plan, "problem.provision.plan_differs")?;
    let lines = computed
        .result
        .lines
        .iter()
        .filter(|l| l.funded_units > 0)
        .map(|l| FundedLine {
            code: l.code.clone(),
            name: l.name.clone(),
            unit: l.unit,
            unit_price: l.unit_price,
            funded_units: l.funded_units,
            funded_amount: l.funded_amount,
        })
        .collect();
    Ok(PlanFacts {
        digest: document_digest(plan).ok_or_else(|| internal("digest"))?,
        case_id: case.child.id.clone(),
        period: computed.result.period,
        lines,
    })
}

// ---------------------------------------------------------------------------------------
// Reading a record.

fn is_digest(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn digest(r: &mut Reader, value: &Value, path: &str) -> Option<String> {
    let text = r.text(value, path, 64, false)?;
    if !is_digest(&text) {
        r.push(Problem::new(path, "problem.provision.digest_malformed"));
        return None;
    }
    Some(text)
}

fn read_date(r: &mut Reader, map: &Map<String, Value>, key: &str, path: &str) -> Option<Date> {
    let text = r.required_text(map, key, path, 32)?;
    let date = Date::parse(&text);
    if date.is_none() {
        r.push(Problem::new(join(path, key), "problem.date.malformed").with("value", text));
    }
    date
}

fn read_arrangement(r: &mut Reader, value: &Value, path: &str) -> Option<Arrangement> {
    let a = r.object(value, path)?;
    unknown_members(r, a, &["kind", "number", "date"], path);
    let kind = r.required_text(a, "kind", path, 32).and_then(|k| {
        let kind = ArrangementKind::parse(&k);
        if kind.is_none() {
            r.push(
                Problem::new(join(path, "kind"), "problem.provision.arrangement_kind")
                    .with("value", k),
            );
        }
        kind
    });
    let number = r.required_text(a, "number", path, MAX_ID_LEN);
    let date = read_date(r, a, "date", path);
    Some(Arrangement {
        kind: kind?,
        number: number?,
        date: date?,
    })
}

fn read_provider_ref(r: &mut Reader, value: &Value, path: &str) -> Option<ProviderRef> {
    let p = r.object(value, path)?;
    let listed = p.get("listed").filter(|v| !v.is_null());
    let other = p.get("other").filter(|v| !v.is_null());
    let extra = p.keys().any(|k| k != "listed" && k != "other");
    match (listed, other) {
        (Some(v), None) if !extra => {
            let lp = join(path, "listed");
            let text = r.text(v, &lp, MAX_ID_LEN, false)?;
            if !crate::engine::providers::is_register_number(&text) {
                r.push(Problem::new(lp, "problem.provider.register_number").with("value", &text));
                return None;
            }
            Some(ProviderRef::Listed(text))
        }
        (None, Some(v)) if !extra => {
            let op = join(path, "other");
            let o = r.object(v, &op)?;
            unknown_members(
                r,
                o,
                &["name", "registerNumber", "address", "contact", "unitPrice"],
                &op,
            );
            let name = r.required_text(o, "name", &op, MAX_DETAIL_LEN);
            let number = register_number(r, o, "registerNumber", &op);
            let address = r.required_text(o, "address", &op, MAX_DETAIL_LEN);
            let contact = r.required_text(o, "contact", &op, MAX_DETAIL_LEN);
            let price = optional_price(r, o, "unitPrice", &op).ok()?;
            Some(ProviderRef::Other(OtherProvider {
                name: name?,
                register_number: number?,
                address: address?,
                contact: contact?,
                unit_price: price,
            }))
        }
        _ => {
            r.push(Problem::new(path, "problem.provision.provider_choice"));
            None
        }
    }
}

/// Most entries of a record's `lines` or `deliveries`: a statement per service and month
/// of a plan with the most services a case may list.
pub const MAX_RECORD_ENTRIES: usize = crate::engine::validate::MAX_LIST_LEN * 12;

fn long_array<'a>(r: &mut Reader, value: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
    bounded_array(r, value, path, MAX_RECORD_ENTRIES)
}

/// Reads a record's shape (types, texts, dates, amounts) without the plan.
fn read_record_shape(r: &mut Reader, value: &Value) -> Option<ProvisionRecord> {
    let root = r.object(value, "")?;
    unknown_members(
        r,
        root,
        &[
            "schema",
            "planDigest",
            "previousPlanDigests",
            "caseId",
            "socialService",
            "statementsThrough",
            "lines",
            "deliveries",
            // A record may be signed (`ibplan sign`); its proofs are `ibplan verify`'s.
            "proof",
        ],
        "",
    );
    match r.required_text(root, "schema", "", 64) {
        Some(tag) if tag == PROVISION_SCHEMA => {}
        Some(tag) => r.push(Problem::new("/schema", "problem.provision.schema").with("found", tag)),
        None => {}
    }
    let plan_digest = r
        .required(root, "planDigest", "")
        .and_then(|v| digest(r, v, "/planDigest"));
    let previous = match root.get("previousPlanDigests") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => r.array(v, "/previousPlanDigests").and_then(|items| {
            if items.len() > MAX_PREVIOUS_PLANS {
                r.push(
                    Problem::new("/previousPlanDigests", "problem.list.too_long")
                        .with("max", MAX_PREVIOUS_PLANS)
                        .with("count", items.len()),
                );
                return None;
            }
            let read: Vec<Option<String>> = items
                .iter()
                .enumerate()
                .map(|(i, d)| digest(r, d, &join("/previousPlanDigests", i)))
                .collect();
            read.into_iter().collect()
        }),
    };
    let case_id = r.required_text(root, "caseId", "", MAX_ID_LEN);
    let social_service = r.required_text(root, "socialService", "", MAX_DETAIL_LEN);
    let through = match root.get("statementsThrough") {
        None | Some(Value::Null) => Some(None),
        Some(v) => r
            .integer(v, "/statementsThrough", 0, 12)
            .and_then(|n| u32::try_from(n).ok())
            .map(Some),
    };
    let lines = match root.get("lines") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => long_array(r, v, "/lines").and_then(|items| {
            let mut out = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let lp = join("/lines", i);
                let Some(l) = r.object(item, &lp) else {
                    ok = false;
                    continue;
                };
                unknown_members(r, l, &["code", "fromMonth", "provider", "arrangement"], &lp);
                let code = r.required_text(l, "code", &lp, MAX_ID_LEN);
                let from_month = match l.get("fromMonth") {
                    None | Some(Value::Null) => Some(1),
                    Some(v) => r
                        .integer(v, &join(&lp, "fromMonth"), 1, 1_000)
                        .and_then(|m| u32::try_from(m).ok()),
                };
                let provider = r
                    .required(l, "provider", &lp)
                    .and_then(|v| read_provider_ref(r, v, &join(&lp, "provider")));
                let arrangement = match l.get("arrangement") {
                    None | Some(Value::Null) => Some(None),
                    Some(v) => read_arrangement(r, v, &join(&lp, "arrangement")).map(Some),
                };
                match (code, from_month, provider, arrangement) {
                    (Some(code), Some(from_month), Some(provider), Some(arrangement)) => {
                        out.push(RecordLine {
                            code,
                            from_month,
                            provider,
                            arrangement,
                        })
                    }
                    _ => ok = false,
                }
            }
            ok.then_some(out)
        }),
    };
    let deliveries = match root.get("deliveries") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => long_array(r, v, "/deliveries").and_then(|items| {
            let mut out = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                let dp = join("/deliveries", i);
                let Some(d) = r.object(item, &dp) else {
                    ok = false;
                    continue;
                };
                unknown_members(r, d, &["code", "month", "units", "paid"], &dp);
                let code = r.required_text(d, "code", &dp, MAX_ID_LEN);
                let month = r
                    .required(d, "month", &dp)
                    .and_then(|v| r.integer(v, &join(&dp, "month"), 1, 1_000))
                    .and_then(|m| u32::try_from(m).ok());
                let units = r
                    .required(d, "units", &dp)
                    .and_then(|v| r.integer(v, &join(&dp, "units"), 0, MAX_QUANTITY))
                    .and_then(|u| u64::try_from(u).ok());
                let paid = r
                    .required(d, "paid", &dp)
                    .and_then(|v| match money_from_json(v) {
                        Ok(p) => Some(p),
                        Err(e) => {
                            r.push(Problem::new(join(&dp, "paid"), e.key()));
                            None
                        }
                    });
                match (code, month, units, paid) {
                    (Some(code), Some(month), Some(units), Some(paid)) => out.push(Delivery {
                        code,
                        month,
                        units,
                        paid,
                    }),
                    _ => ok = false,
                }
            }
            ok.then_some(out)
        }),
    };
    let deliveries = deliveries?;
    Some(ProvisionRecord {
        schema: PROVISION_SCHEMA,
        plan_digest: plan_digest?,
        previous_plan_digests: previous?,
        case_id: case_id?,
        social_service: social_service?,
        statements_through: through?,
        lines: lines?,
        deliveries,
    })
}

fn finish<T>(r: Reader, value: Option<T>) -> Result<T, Vec<Problem>> {
    match value {
        Some(value) if r.problems.is_empty() => Ok(value),
        _ if r.problems.is_empty() => Err(vec![Problem::new("", "problem.case.incomplete")]),
        _ => Err(r.problems),
    }
}

/// Reads a provision record's shape (without checking it against a plan).
pub fn read_record(value: &Value) -> Result<ProvisionRecord, Vec<Problem>> {
    let mut r = Reader::new();
    let record = read_record_shape(&mut r, value);
    finish(r, record)
}

/// The record as JSON (the form [`read_record`] reads).
pub fn record_json(record: &ProvisionRecord) -> Result<Value, Vec<Problem>> {
    serde_json::to_value(record).map_err(|e| internal(&e.to_string()))
}

// ---------------------------------------------------------------------------------------
// Computing the report.

fn overflow() -> Vec<Problem> {
    vec![Problem::new("", "problem.amount.overflow")]
}

fn resolve(
    r: &mut Reader,
    line: &RecordLine,
    path: &str,
    providers: Option<&ProviderList>,
) -> Option<(ProviderDetails, Option<Decimal>)> {
    match &line.provider {
        ProviderRef::Other(o) => Some((
            ProviderDetails {
                listed: false,
                name: o.name.clone(),
                register_number: o.register_number.clone(),
                address: o.address.clone(),
                contact: o.contact.clone(),
            },
            o.unit_price,
        )),
        ProviderRef::Listed(number) => {
            let at = join(&join(path, "provider"), "listed");
            let Some(list) = providers else {
                r.push(
                    Problem::new(at, "problem.provision.provider_list_needed")
                        .with("registerNumber", number),
                );
                return None;
            };
            let Some(provider) = list.provider(number) else {
                r.push(
                    Problem::new(at, "problem.provision.provider_unknown")
                        .with("registerNumber", number),
                );
                return None;
            };
            let Some(offer) = provider.offer(&line.code) else {
                r.push(
                    Problem::new(at, "problem.provision.provider_not_offering")
                        .with("registerNumber", number)
                        .with("code", &line.code),
                );
                return None;
            };
            Some((
                ProviderDetails {
                    listed: true,
                    name: provider.name.clone(),
                    register_number: provider.register_number.clone(),
                    address: provider.address.clone(),
                    contact: provider.contact.clone(),
                },
                offer.unit_price,
            ))
        }
    }
}

/// The price difference of a provider price against a funded line, if any.
pub fn price_difference(line: &FundedLine, provider_price: Decimal) -> Option<PriceDifference> {
    if provider_price == line.unit_price || provider_price <= Decimal::ZERO {
        return None;
    }
    let units = line
        .funded_amount
        .checked_div(provider_price)?
        .floor()
        .to_u64()?;
    let higher = provider_price > line.unit_price;
    Some(PriceDifference {
        plan_unit_price: line.unit_price,
        provider_unit_price: provider_price,
        funded_units: line.funded_units,
        units_at_provider_price: units,
        direction: if higher { "higher" } else { "lower" },
        key: if higher {
            "provision.price.higher"
        } else {
            "provision.price.lower"
        },
    })
}

fn forecast(paid: Decimal, funded: Decimal, through: u32, months: u32) -> Option<Forecast> {
    if through == 0 {
        return None;
    }
    let exact = paid.checked_mul(Decimal::from(months))? / Decimal::from(through);
    let mut by_end = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    by_end.rescale(2);
    let unspent = if by_end < funded {
        funded - by_end
    } else {
        Decimal::ZERO
    };
    Some(Forecast {
        through_month: through,
        paid_by_end: by_end,
        unspent,
        exceeds_funding: by_end > funded,
    })
}

fn month_rows(
    period: &Period,
    allocated: &[Decimal],
    delivered: Option<&[u64]>,
    paid: &[Decimal],
) -> Option<Vec<MonthFigures>> {
    let mut rows = Vec::with_capacity(allocated.len());
    let mut available = Decimal::ZERO;
    for (i, (a, p)) in allocated.iter().zip(paid).enumerate() {
        let month = u32::try_from(i + 1).ok()?;
        let start = period.start.add_months(month - 1)?;
        let end = period.start.add_months(month)?.previous_day()?;
        let carried_in = available;
        available = available + *a - *p;
        rows.push(MonthFigures {
            month,
            start,
            end,
            allocated: *a,
            carried_in,
            delivered_units: delivered.and_then(|d| d.get(i).copied()),
            paid: *p,
            available,
            ahead: available < Decimal::ZERO,
        });
    }
    Some(rows)
}

/// A line's resolved provider from a month on.
#[derive(Clone)]
struct Choice {
    from_month: u32,
    details: ProviderDetails,
    /// The provider's own unit price, if it has one.
    price: Option<Decimal>,
    arrangement: Option<Arrangement>,
}

/// Checks a record against the facts of its plan and computes the report. Problems have
/// JSON pointers into the record.
pub fn report_for(
    facts: &PlanFacts,
    record: &ProvisionRecord,
    providers: Option<&ProviderList>,
) -> Result<ProvisionReport, Vec<Problem>> {
    let mut r = Reader::new();
    let months = facts.period.months;
    if record.plan_digest != facts.digest {
        r.push(
            Problem::new("/planDigest", "problem.provision.plan_mismatch")
                .with("named", &record.plan_digest)
                .with("given", &facts.digest),
        );
    }
    if record.case_id != facts.case_id {
        r.push(
            Problem::new("/caseId", "problem.provision.case_mismatch")
                .with("found", &record.case_id)
                .with("expected", &facts.case_id),
        );
    }
    let through = match record.statements_through {
        Some(through) => {
            if through > months {
                r.push(
                    Problem::new("/statementsThrough", "problem.provision.month_outside")
                        .with("month", through)
                        .with("months", months),
                );
            }
            through
        }
        None => record
            .deliveries
            .iter()
            .map(|d| d.month)
            .filter(|m| *m <= months)
            .max()
            .unwrap_or(0),
    };

    // Provider choices: per funded line, one per provider, by the month it starts.
    let mut chosen: Vec<Vec<Choice>> = vec![Vec::new(); facts.lines.len()];
    let mut seen = BTreeSet::new();
    // Services with a provider that was not found: their deliveries are not reported again.
    let mut unresolved = BTreeSet::new();
    let mut letters: BTreeMap<String, (Date, String)> = BTreeMap::new();
    for (i, line) in record.lines.iter().enumerate() {
        let lp = join("/lines", i);
        let Some(at) = facts.lines.iter().position(|l| l.code == line.code) else {
            r.push(
                Problem::new(join(&lp, "code"), "problem.provision.service_not_funded")
                    .with("code", &line.code),
            );
            continue;
        };
        if line.from_month > months {
            r.push(
                Problem::new(join(&lp, "fromMonth"), "problem.provision.month_outside")
                    .with("month", line.from_month)
                    .with("months", months),
            );
            continue;
        }
        if !seen.insert((line.code.clone(), line.from_month)) {
            r.push(
                Problem::new(join(&lp, "fromMonth"), "problem.provision.line_duplicate")
                    .with("code", &line.code)
                    .with("month", line.from_month),
            );
            continue;
        }
        let Some((details, price)) = resolve(&mut r, line, &lp, providers) else {
            unresolved.insert(line.code.clone());
            continue;
        };
        if let Some(a) = &line.arrangement {
            if a.kind == ArrangementKind::GuaranteeLetter {
                match letters.get(&a.number) {
                    Some((date, number))
                        if *date != a.date || *number != details.register_number =>
                    {
                        r.push(
                            Problem::new(
                                join(&join(&lp, "arrangement"), "number"),
                                "problem.provision.letter_conflict",
                            )
                            .with("number", &a.number),
                        );
                    }
                    Some(_) => {}
                    None => {
                        letters.insert(a.number.clone(), (a.date, details.register_number.clone()));
                    }
                }
            }
        }
        chosen[at].push(Choice {
            from_month: line.from_month,
            details,
            price,
            arrangement: line.arrangement.clone(),
        });
    }
    for choices in &mut chosen {
        crate::engine::order::sort_by_key(choices, |c| c.from_month);
    }

    // Deliveries, checked in month order so a limit is reported where it is first passed.
    let n = usize::try_from(months).map_err(|_| overflow())?;
    let mut delivered = vec![vec![0u64; n]; facts.lines.len()];
    let mut paid = vec![vec![Decimal::ZERO; n]; facts.lines.len()];
    let mut pairs = BTreeSet::new();
    let mut order: Vec<usize> = (0..record.deliveries.len()).collect();
    crate::engine::order::sort_by_key(&mut order, |&i| record.deliveries[i].month);
    let mut over_units = vec![false; facts.lines.len()];
    let mut over_paid = vec![false; facts.lines.len()];
    let mut kept: Vec<(usize, PaidStatement)> = Vec::new();
    for i in order {
        let d = &record.deliveries[i];
        let dp = join("/deliveries", i);
        let Some(at) = facts.lines.iter().position(|l| l.code == d.code) else {
            r.push(
                Problem::new(join(&dp, "code"), "problem.provision.service_not_funded")
                    .with("code", &d.code),
            );
            continue;
        };
        let line = &facts.lines[at];
        if unresolved.contains(&d.code) {
            continue;
        }
        if d.month > months {
            r.push(
                Problem::new(join(&dp, "month"), "problem.provision.month_outside")
                    .with("month", d.month)
                    .with("months", months),
            );
            continue;
        }
        if d.month > through {
            r.push(
                Problem::new(
                    join(&dp, "month"),
                    "problem.provision.month_after_statements",
                )
                .with("month", d.month)
                .with("through", through),
            );
            continue;
        }
        if !pairs.insert((d.code.clone(), d.month)) {
            r.push(
                Problem::new(&dp, "problem.provision.delivery_duplicate")
                    .with("code", &d.code)
                    .with("month", d.month),
            );
            continue;
        }
        let Some(choice) = chosen[at].iter().rev().find(|c| c.from_month <= d.month) else {
            r.push(
                Problem::new(join(&dp, "code"), "problem.provision.no_provider")
                    .with("code", &d.code)
                    .with("month", d.month),
            );
            continue;
        };
        if choice.arrangement.is_none() {
            r.push(
                Problem::new(join(&dp, "code"), "problem.provision.no_arrangement")
                    .with("code", &d.code),
            );
            continue;
        }
        let agreed = choice.price.unwrap_or(line.unit_price);
        let most = agreed
            .checked_mul(Decimal::from(d.units))
            .ok_or_else(overflow)?;
        if d.paid > most {
            r.push(
                Problem::new(join(&dp, "paid"), "problem.provision.paid_over_delivered")
                    .with("paid", money_string(d.paid))
                    .with("units", d.units)
                    .with("price", money_string(agreed))
                    .with("most", money_string(most)),
            );
        }
        let m = usize::try_from(d.month - 1).map_err(|_| overflow())?;
        delivered[at][m] = d.units;
        paid[at][m] = d.paid;
        let units_so_far: u64 = delivered[at].iter().sum();
        let paid_so_far: Decimal = paid[at].iter().sum();
        if units_so_far > line.funded_units && !over_units[at] {
            over_units[at] = true;
            r.push(
                Problem::new(
                    join(&dp, "units"),
                    "problem.provision.delivered_over_funded",
                )
                .with("code", &d.code)
                .with("delivered", units_so_far)
                .with("funded", line.funded_units),
            );
        }
        if paid_so_far > line.funded_amount && !over_paid[at] {
            over_paid[at] = true;
            r.push(
                Problem::new(join(&dp, "paid"), "problem.provision.paid_over_funded")
                    .with("code", &d.code)
                    .with("paid", money_string(paid_so_far))
                    .with("funded", money_string(line.funded_amount)),
            );
        }
        kept.push((
            at,
            PaidStatement {
                code: d.code.clone(),
                month: d.month,
                units: d.units,
                paid: d.paid,
                register_number: choice.details.register_number.clone(),
                provider_name: choice.details.name.clone(),
                unit_price: agreed,
            },
        ));
    }
    if !r.problems.is_empty() {
        return Err(r.problems);
    }

    // The figures.
    let period = &facts.period;
    let mut services = Vec::with_capacity(facts.lines.len());
    let mut month_allocated = vec![Decimal::ZERO; n];
    let mut month_paid = vec![Decimal::ZERO; n];
    let mut funded_units = 0u64;
    let mut delivered_units = 0u64;
    let mut funded_total = Decimal::ZERO;
    let mut paid_total = Decimal::ZERO;
    for (at, line) in facts.lines.iter().enumerate() {
        let allocated: Vec<Decimal> = spread_over_months(line.funded_amount, period)
            .ok_or_else(|| vec![Problem::new("", "problem.date.range")])?
            .into_iter()
            .map(|m| m.amount)
            .collect();
        let rows = month_rows(period, &allocated, Some(&delivered[at]), &paid[at])
            .ok_or_else(|| vec![Problem::new("", "problem.date.range")])?;
        for (i, (a, p)) in allocated.iter().zip(&paid[at]).enumerate() {
            month_allocated[i] += *a;
            month_paid[i] += *p;
        }
        let units: u64 = delivered[at].iter().sum();
        let spent: Decimal = paid[at].iter().sum();
        let choices = &chosen[at];
        let mut service_providers = Vec::with_capacity(choices.len());
        for (k, c) in choices.iter().enumerate() {
            let before = usize::try_from(c.from_month - 1).map_err(|_| overflow())?;
            let units_before: u64 = delivered[at][..before].iter().sum();
            let paid_before: Decimal = paid[at][..before].iter().sum();
            let remaining = FundedLine {
                funded_units: line.funded_units - units_before,
                funded_amount: line.funded_amount - paid_before,
                ..line.clone()
            };
            service_providers.push(ServiceProvider {
                from_month: c.from_month,
                to_month: choices
                    .get(k + 1)
                    .map_or(months, |next| next.from_month - 1),
                provider: c.details.clone(),
                arrangement: c.arrangement.clone(),
                agreed_unit_price: c.price.unwrap_or(line.unit_price),
                units_at_start: remaining.funded_units,
                amount_at_start: remaining.funded_amount,
                price_difference: c.price.and_then(|p| price_difference(&remaining, p)),
            });
        }
        funded_units = funded_units
            .checked_add(line.funded_units)
            .ok_or_else(overflow)?;
        delivered_units = delivered_units.checked_add(units).ok_or_else(overflow)?;
        funded_total += line.funded_amount;
        paid_total += spent;
        services.push(ServiceProvision {
            code: line.code.clone(),
            name: line.name.clone(),
            unit: line.unit,
            plan_unit_price: line.unit_price,
            funded_units: line.funded_units,
            funded_amount: line.funded_amount,
            providers: service_providers,
            delivered_units: units,
            available_units: line.funded_units - units,
            paid: spent,
            available: line.funded_amount - spent,
            months: rows,
            forecast: forecast(spent, line.funded_amount, through, months),
        });
    }
    let month_totals = month_rows(period, &month_allocated, None, &month_paid)
        .ok_or_else(|| vec![Problem::new("", "problem.date.range")])?;
    crate::engine::order::sort_by(&mut kept, |a, b| {
        a.1.month.cmp(&b.1.month).then(a.0.cmp(&b.0))
    });
    Ok(ProvisionReport {
        schema: PROVISION_REPORT_SCHEMA,
        engine_version: ENGINE_VERSION,
        plan_digest: facts.digest.clone(),
        previous_plan_digests: record.previous_plan_digests.clone(),
        case_id: facts.case_id.clone(),
        social_service: record.social_service.clone(),
        provider_list: providers.map(|l| ProviderListRef {
            version: l.version.clone(),
            date: l.date,
        }),
        period: period.clone(),
        statements_through: through,
        services,
        months: month_totals,
        totals: ProvisionTotals {
            funded: funded_total,
            paid: paid_total,
            available: funded_total - paid_total,
            funded_units,
            delivered_units,
            forecast: forecast(paid_total, funded_total, through, months),
        },
        deliveries: kept.into_iter().map(|(_, d)| d).collect(),
    })
}

/// Checks a provision record (JSON) against its plan (JSON; it must recompute) and
/// computes the report. A record naming listed providers needs the provider list.
pub fn provision_report(
    plan: &Value,
    record: &Value,
    providers: Option<&ProviderList>,
) -> Result<ProvisionReport, ProvisionError> {
    let facts = plan_facts(plan).map_err(ProvisionError::Plan)?;
    let record = read_record(record).map_err(ProvisionError::Record)?;
    report_for(&facts, &record, providers).map_err(ProvisionError::Record)
}

/// The report as JSON.
pub fn report_json(report: &ProvisionReport) -> Result<Value, Vec<Problem>> {
    serde_json::to_value(report).map_err(|e| internal(&e.to_string()))
}

// ---------------------------------------------------------------------------------------
// Amendments.

/// Carries a provision record over to an amended plan (a new version of the same plan:
/// the same case, start date and length). The record's deliveries and provider choices
/// are kept for every service the amended plan still funds; the record then names the
/// amended plan, with the earlier plan's digest appended to `previousPlanDigests`.
/// Refused when the amended plan funds fewer units of a service than were delivered, or
/// less money than was paid (problems at the record's `/lines` or `/deliveries` entry of
/// that service), or when it is another case or another period.
pub fn carry_over(
    plan: &Value,
    amended: &Value,
    record: &Value,
    providers: Option<&ProviderList>,
) -> Result<ProvisionRecord, ProvisionError> {
    let report = provision_report(plan, record, providers)?;
    let old = read_record(record).map_err(ProvisionError::Record)?;
    let new = plan_facts(amended).map_err(ProvisionError::AmendedPlan)?;
    let mut problems = Vec::new();
    if new.case_id != report.case_id {
        problems.push(
            Problem::new("/case/child/id", "problem.provision.case_mismatch")
                .with("found", &new.case_id)
                .with("expected", &report.case_id),
        );
    }
    if new.period != report.period {
        problems.push(
            Problem::new("/case/settings", "problem.provision.amendment_period")
                .with("start", report.period.start)
                .with("months", report.period.months),
        );
    }
    let mut previous = old.previous_plan_digests.clone();
    previous.push(report.plan_digest.clone());
    if let Some(problem) = amends_problem(amended, &previous) {
        problems.push(problem);
    }
    if !problems.is_empty() {
        return Err(ProvisionError::AmendedPlan(problems));
    }
    for service in &report.services {
        if service.delivered_units == 0 && service.paid == Decimal::ZERO {
            continue;
        }
        let at = old
            .deliveries
            .iter()
            .position(|d| d.code == service.code)
            .map_or_else(|| "/deliveries".to_string(), |i| join("/deliveries", i));
        match new.lines.iter().find(|l| l.code == service.code) {
            None => problems.push(
                Problem::new(at, "problem.provision.amended_not_funded")
                    .with("code", &service.code)
                    .with("delivered", service.delivered_units),
            ),
            Some(line) => {
                if line.funded_units < service.delivered_units {
                    problems.push(
                        Problem::new(&at, "problem.provision.amended_below_delivered")
                            .with("code", &service.code)
                            .with("delivered", service.delivered_units)
                            .with("funded", line.funded_units),
                    );
                }
                if line.funded_amount < service.paid {
                    problems.push(
                        Problem::new(&at, "problem.provision.amended_below_paid")
                            .with("code", &service.code)
                            .with("paid", money_string(service.paid))
                            .with("funded", money_string(line.funded_amount)),
                    );
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(ProvisionError::Record(problems));
    }
    if previous.len() > MAX_PREVIOUS_PLANS {
        return Err(ProvisionError::Record(vec![Problem::new(
            "/previousPlanDigests",
            "problem.list.too_long",
        )
        .with("max", MAX_PREVIOUS_PLANS)
        .with("count", previous.len())]));
    }
    let carried = ProvisionRecord {
        schema: PROVISION_SCHEMA,
        plan_digest: new.digest.clone(),
        previous_plan_digests: previous,
        case_id: old.case_id.clone(),
        social_service: old.social_service.clone(),
        statements_through: old.statements_through,
        lines: old
            .lines
            .iter()
            .filter(|l| new.lines.iter().any(|f| f.code == l.code))
            .cloned()
            .collect(),
        deliveries: old.deliveries.clone(),
    };
    // The amended plan may differ in ways the checks above do not see (a price): the
    // carried record must pass every check against it.
    report_for(&new, &carried, providers).map_err(ProvisionError::Record)?;
    Ok(carried)
}

/// The earlier versions an amended plan document names (`/case/amends/planDigests`,
/// oldest first; issue 14, item 5); empty for an unamended plan or a malformed member.
pub fn amended_versions(plan: &Value) -> Vec<&str> {
    plan.pointer("/case/amends/planDigests")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The amended plan's own link to its earlier versions (`/case/amends/planDigests`,
/// issue 14, item 5) must be the chain the carried record names: the record's earlier
/// versions and then the plan being amended. A plan without the member (made before the
/// link existed) is not checked; one whose chain ends elsewhere amends another plan.
fn amends_problem(amended: &Value, chain: &[String]) -> Option<Problem> {
    const AT: &str = "/case/amends/planDigests";
    let listed = amended.pointer(AT)?;
    let listed: Vec<&str> = listed
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let expected = chain.last().map_or("", String::as_str);
    if listed.last() != Some(&expected) {
        return Some(
            Problem::new(AT, "problem.provision.amends_other_plan").with("digest", expected),
        );
    }
    (listed.len() != chain.len() || listed.iter().zip(chain).any(|(a, b)| *a != b))
        .then(|| Problem::new(AT, "problem.provision.amends_chain").with("count", chain.len()))
}

// ---------------------------------------------------------------------------------------
// Guarantee letters.

/// One service on a guarantee letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LetterService {
    /// Service code.
    pub code: String,
    /// Name.
    pub name: LocalName,
    /// Unit.
    pub unit: Unit,
    /// Units the social service pays for: the funded units, or fewer when the agreed
    /// price is higher than the plan's (the units the funded amount buys).
    pub units: u64,
    /// The agreed unit price.
    #[serde(serialize_with = "serialize_money")]
    pub unit_price: Decimal,
    /// Units times unit price: never above the funded amount.
    #[serde(serialize_with = "serialize_money")]
    pub amount: Decimal,
    /// The first day the letter covers for this service.
    #[serde(serialize_with = "serialize_display")]
    pub start: Date,
    /// The last day.
    #[serde(serialize_with = "serialize_display")]
    pub end: Date,
}

/// The contents of one guarantee letter (garantijas vēstule). No child's name or
/// personal code: the case pseudonym and the plan's digest identify the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeLetter {
    /// Letter number.
    pub number: String,
    /// Letter date.
    #[serde(serialize_with = "serialize_display")]
    pub date: Date,
    /// The social service that pays.
    pub social_service: String,
    /// The provider.
    pub provider: ProviderDetails,
    /// The case pseudonym.
    pub case_id: String,
    /// The plan's digest.
    pub plan_digest: String,
    /// The first day the letter covers (the plan's first, or the provider's first month).
    #[serde(serialize_with = "serialize_display")]
    pub period_start: Date,
    /// The last day it covers.
    #[serde(serialize_with = "serialize_display")]
    pub period_end: Date,
    /// The services.
    pub services: Vec<LetterService>,
    /// The total the social service guarantees.
    #[serde(serialize_with = "serialize_money")]
    pub total: Decimal,
}

/// The guarantee letters of a report: one per letter number (a letter may cover several
/// services of one provider), ordered by provider register number, then letter number.
/// Each service on a letter covers its provider's months: the units still funded when the
/// provider starts, or fewer when the agreed price is higher than the plan's (the whole
/// units the amount still funded buys), so a letter never promises more units than
/// funded, nor more money.
pub fn guarantee_letters(report: &ProvisionReport) -> Vec<GuaranteeLetter> {
    let mut letters: Vec<GuaranteeLetter> = Vec::new();
    for s in &report.services {
        for p in &s.providers {
            let Some(arrangement) = &p.arrangement else {
                continue;
            };
            if arrangement.kind != ArrangementKind::GuaranteeLetter {
                continue;
            }
            let affordable = p
                .price_difference
                .as_ref()
                .map_or(p.units_at_start, |d| d.units_at_provider_price);
            let units = p.units_at_start.min(affordable);
            let amount = p.agreed_unit_price * Decimal::from(units);
            let start = report
                .period
                .start
                .add_months(p.from_month - 1)
                .unwrap_or(report.period.start);
            let end = report
                .period
                .start
                .add_months(p.to_month)
                .and_then(Date::previous_day)
                .unwrap_or(report.period.end);
            let service = LetterService {
                code: s.code.clone(),
                name: s.name.clone(),
                unit: s.unit,
                units,
                unit_price: p.agreed_unit_price,
                amount,
                start,
                end,
            };
            match letters.iter_mut().find(|l| l.number == arrangement.number) {
                Some(letter) => {
                    letter.total += amount;
                    letter.period_start = letter.period_start.min(start);
                    letter.period_end = letter.period_end.max(end);
                    letter.services.push(service);
                }
                None => letters.push(GuaranteeLetter {
                    number: arrangement.number.clone(),
                    date: arrangement.date,
                    social_service: report.social_service.clone(),
                    provider: p.provider.clone(),
                    case_id: report.case_id.clone(),
                    plan_digest: report.plan_digest.clone(),
                    period_start: start,
                    period_end: end,
                    services: vec![service],
                    total: amount,
                }),
            }
        }
    }
    crate::engine::order::sort_by(&mut letters, |a, b| {
        a.provider
            .register_number
            .cmp(&b.provider.register_number)
            .then_with(|| a.number.cmp(&b.number))
    });
    letters
}

// ---------------------------------------------------------------------------------------
// The payments CSV.

/// The header of [`payments_csv`].
pub const CSV_HEADER: [&str; 11] = [
    "case_id",
    "provider_register_number",
    "provider_name",
    "month",
    "month_start",
    "month_end",
    "service_code",
    "units",
    "unit_price",
    "paid",
    "plan_digest",
];

/// One CSV field by RFC 4180: quoted when it has a comma, a quote, CR or LF (quotes
/// doubled). A text that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or CR) gets a leading `'`, so a provider's name cannot become one;
/// numbers and amounts never start with those.
pub fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The payments of a report by provider and month, for bookkeeping: a header row, then
/// one row per statement (paid to the provider of its month), ordered by provider
/// register number, month and service code; CRLF line ends (RFC 4180), amounts with a
/// decimal point and two decimals. The only identity is the case pseudonym.
pub fn payments_csv(report: &ProvisionReport) -> String {
    let mut rows: Vec<&PaidStatement> = report.deliveries.iter().collect();
    crate::engine::order::sort_by(&mut rows, |a, b| {
        a.register_number
            .cmp(&b.register_number)
            .then(a.month.cmp(&b.month))
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for row in rows {
        let month = report.months.iter().find(|m| m.month == row.month);
        let fields = [
            csv_field(&report.case_id),
            csv_field(&row.register_number),
            csv_field(&row.provider_name),
            row.month.to_string(),
            month.map(|m| m.start.to_string()).unwrap_or_default(),
            month.map(|m| m.end.to_string()).unwrap_or_default(),
            csv_field(&row.code),
            row.units.to_string(),
            money_string(row.unit_price),
            money_string(row.paid),
            report.plan_digest.clone(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::example::example_case_json;
    use crate::engine::plan::plan_from_case_json;
    use crate::engine::providers::providers_from_json;
    use serde_json::json;

    fn plan() -> Value {
        plan_from_case_json(&example_case_json()).unwrap()
    }

    fn providers() -> ProviderList {
        let text = include_str!("../../public/data/providers.example.json");
        let value = crate::engine::json::parse_strict(text).unwrap();
        providers_from_json(&value, None).unwrap()
    }

    fn letter(number: &str) -> Value {
        json!({"kind": "guaranteeLetter", "number": number, "date": "2025-08-25"})
    }

    /// The example plan funds SVC-SPEECH 24 × 24.00, SVC-PHYSIO 24 × 25.00,
    /// SVC-CHILDCARE 258 × 5.50, SVC-OT 12 × 28.00, SVC-RESPITE 15 × 35.00, … over six
    /// months from 2025-09-01.
    fn record(plan: &Value) -> Value {
        json!({
            "schema": "ib-provision/1",
            "planDigest": document_digest(plan).unwrap(),
            "caseId": "CESIS-2025-017",
            "socialService": "Cēsu novada Sociālais dienests",
            "lines": [
                {"code": "SVC-SPEECH", "provider": {"listed": "EX-0001"}, "arrangement": letter("GV-1")},
                {"code": "SVC-OT", "provider": {"listed": "EX-0001"}, "arrangement": letter("GV-1")},
                {"code": "SVC-PHYSIO", "provider": {"listed": "EX-0002"}, "arrangement": {"kind": "contract", "number": "L-7", "date": "2025-08-20"}},
                {"code": "SVC-RESPITE", "provider": {"other": {"name": "Cits, SIA", "registerNumber": "X-9", "address": "Iela 9", "contact": "+371 2", "unitPrice": "35.00"}}, "arrangement": letter("GV-2")}
            ],
            "deliveries": [
                {"code": "SVC-SPEECH", "month": 1, "units": 4, "paid": "96.00"},
                {"code": "SVC-SPEECH", "month": 2, "units": 3, "paid": "72.00"},
                {"code": "SVC-PHYSIO", "month": 2, "units": 5, "paid": "130.00"},
                {"code": "SVC-RESPITE", "month": 1, "units": 10, "paid": "350.00"}
            ]
        })
    }

    fn report(record: &Value) -> Result<ProvisionReport, ProvisionError> {
        provision_report(&plan(), record, Some(&providers()))
    }

    fn record_problems(record: &Value) -> Vec<(String, String)> {
        match report(record) {
            Err(ProvisionError::Record(problems)) => {
                problems.into_iter().map(|p| (p.path, p.key)).collect()
            }
            other => panic!("expected record problems, got {other:?}"),
        }
    }

    fn service<'a>(report: &'a ProvisionReport, code: &str) -> &'a ServiceProvision {
        report.services.iter().find(|s| s.code == code).unwrap()
    }

    fn d(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn a_good_record_gives_allocated_delivered_paid_and_available() {
        let plan = plan();
        let report = report(&record(&plan)).unwrap();
        assert_eq!(report.statements_through, 2);
        let speech = service(&report, "SVC-SPEECH");
        assert_eq!(speech.funded_amount, d("576"));
        assert_eq!(speech.delivered_units, 7);
        assert_eq!(speech.available_units, 17);
        assert_eq!(speech.paid, d("168"));
        assert_eq!(speech.available, d("408"));
        assert_eq!(speech.months[0].allocated, d("96"));
        assert_eq!(speech.months[1].carried_in, d("0"));
        assert_eq!(speech.months[1].available, d("24"));
        assert_eq!(speech.months[5].available, d("408"));
        // At 168 € in 2 of 6 months the pace gives 504 € by the end: 72 € unspent.
        let forecast = speech.forecast.as_ref().unwrap();
        assert_eq!(forecast.paid_by_end, d("504.00"));
        assert_eq!(forecast.unspent, d("72"));
        assert!(!forecast.exceeds_funding);
        // Respite spent ahead of its monthly allocation: allowed, flagged.
        let respite = service(&report, "SVC-RESPITE");
        assert!(respite.months[0].ahead);
        assert_eq!(respite.months[0].available, d("-262.50"));
        assert!(respite.forecast.as_ref().unwrap().exceeds_funding);
        // Not chosen yet: no provider, nothing delivered.
        let childcare = service(&report, "SVC-CHILDCARE");
        assert!(childcare.providers.is_empty());
        assert_eq!(report.totals.funded, d("3798.00"));
        assert_eq!(report.totals.paid, d("648.00"));
        assert_eq!(report.totals.available, d("3150.00"));
        assert_eq!(report.months.last().unwrap().available, d("3150.00"));
        assert_eq!(
            report.provider_list.as_ref().unwrap().version,
            "example-2026.1"
        );
    }

    #[test]
    fn a_different_provider_price_is_flagged_never_repriced() {
        let report = report(&record(&plan())).unwrap();
        let physio = service(&report, "SVC-PHYSIO");
        assert_eq!(physio.plan_unit_price, d("25.00"));
        assert_eq!(physio.providers[0].agreed_unit_price, d("26.00"));
        assert_eq!(physio.funded_amount, d("600.00"));
        assert_eq!(physio.funded_units, 24);
        let diff = physio.providers[0].price_difference.as_ref().unwrap();
        // 600 / 26 = 23.07…: 23 whole units at the provider's price.
        assert_eq!(diff.units_at_provider_price, 23);
        assert_eq!(diff.direction, "higher");
        let ot = service(&report, "SVC-OT");
        let diff = ot.providers[0].price_difference.as_ref().unwrap();
        assert_eq!(
            (diff.direction, diff.units_at_provider_price),
            ("higher", 11)
        );
        assert!(service(&report, "SVC-SPEECH").providers[0]
            .price_difference
            .is_none());
        assert!(service(&report, "SVC-RESPITE").providers[0]
            .price_difference
            .is_none());
        let lower = FundedLine {
            code: "X".into(),
            name: LocalName {
                lv: "x".into(),
                en: "x".into(),
            },
            unit: Unit::Hour,
            unit_price: d("5.50"),
            funded_units: 10,
            funded_amount: d("55.00"),
        };
        let diff = price_difference(&lower, d("5.00")).unwrap();
        assert_eq!(
            (diff.direction, diff.units_at_provider_price),
            ("lower", 11)
        );
    }

    #[test]
    fn over_delivery_over_payment_and_months_outside_are_refused_at_their_pointers() {
        let plan = plan();
        let mut bad = record(&plan);
        bad["deliveries"] = json!([
            {"code": "SVC-SPEECH", "month": 1, "units": 20, "paid": "480.00"},
            {"code": "SVC-SPEECH", "month": 2, "units": 5, "paid": "120.00"},
            {"code": "SVC-SPEECH", "month": 7, "units": 1, "paid": "24.00"},
            {"code": "SVC-PHYSIO", "month": 1, "units": 1, "paid": "30.00"},
            {"code": "SVC-PHYSIO", "month": 1, "units": 1, "paid": "26.00"},
            {"code": "SVC-CHILDCARE", "month": 1, "units": 1, "paid": "5.50"},
            {"code": "SVC-TECHAID", "month": 1, "units": 1, "paid": "1.00"}
        ]);
        bad["statementsThrough"] = json!(6);
        let found = record_problems(&bad);
        for want in [
            (
                "/deliveries/1/units",
                "problem.provision.delivered_over_funded",
            ),
            ("/deliveries/1/paid", "problem.provision.paid_over_funded"),
            ("/deliveries/2/month", "problem.provision.month_outside"),
            (
                "/deliveries/3/paid",
                "problem.provision.paid_over_delivered",
            ),
            ("/deliveries/4", "problem.provision.delivery_duplicate"),
            ("/deliveries/5/code", "problem.provision.no_provider"),
            ("/deliveries/6/code", "problem.provision.service_not_funded"),
        ] {
            assert!(
                found.contains(&(want.0.to_string(), want.1.to_string())),
                "{want:?} not in {found:?}"
            );
        }
        let mut early = record(&plan);
        early["statementsThrough"] = json!(1);
        assert_eq!(
            record_problems(&early),
            [
                (
                    "/deliveries/1/month".to_string(),
                    "problem.provision.month_after_statements".to_string()
                ),
                (
                    "/deliveries/2/month".to_string(),
                    "problem.provision.month_after_statements".to_string()
                )
            ]
        );
    }

    #[test]
    fn the_record_must_name_this_plan_and_resolve_its_providers() {
        let plan = plan();
        let mut bad = record(&plan);
        bad["planDigest"] = json!("0".repeat(64));
        bad["caseId"] = json!("OTHER");
        bad["lines"][0]["provider"] = json!({"listed": "EX-0404"});
        bad["lines"][1]["provider"] = json!({"listed": "EX-0003"});
        bad["lines"][2]["arrangement"]["number"] = json!("GV-2");
        bad["lines"][2]["arrangement"]["kind"] = json!("guaranteeLetter");
        let found = record_problems(&bad);
        for want in [
            ("/planDigest", "problem.provision.plan_mismatch"),
            ("/caseId", "problem.provision.case_mismatch"),
            (
                "/lines/0/provider/listed",
                "problem.provision.provider_unknown",
            ),
            (
                "/lines/1/provider/listed",
                "problem.provision.provider_not_offering",
            ),
            (
                "/lines/3/arrangement/number",
                "problem.provision.letter_conflict",
            ),
        ] {
            assert!(
                found.contains(&(want.0.to_string(), want.1.to_string())),
                "{want:?} not in {found:?}"
            );
        }
        match provision_report(&plan, &record(&plan), None) {
            Err(ProvisionError::Record(problems)) => assert!(problems
                .iter()
                .all(|p| p.key == "problem.provision.provider_list_needed")),
            other => panic!("{other:?}"),
        }
        let mut both = record(&plan);
        both["lines"][0]["provider"]["other"] = json!({});
        assert_eq!(
            record_problems(&both),
            [(
                "/lines/0/provider".to_string(),
                "problem.provision.provider_choice".to_string()
            )]
        );
        let mut changed = plan.clone();
        changed["result"]["totals"]["allocated"] = json!("1.00");
        assert!(matches!(
            provision_report(&changed, &record(&plan), Some(&providers())),
            Err(ProvisionError::Plan(_))
        ));
    }

    #[test]
    fn a_misspelt_member_is_refused_not_ignored() {
        let mut typo = record(&plan());
        typo["delivery"] = typo["deliveries"].take();
        typo["lines"][0]["arrangment"] = json!({});
        typo["deliveries"] =
            json!([{"code": "SVC-SPEECH", "month": 1, "units": 1, "paid": "24", "note": "x"}]);
        let problems = read_record(&typo).unwrap_err();
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.path.as_str(), p.key.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/delivery", "problem.field.unknown"),
                ("/lines/0/arrangment", "problem.field.unknown"),
                ("/deliveries/0/note", "problem.field.unknown")
            ]
        );
    }

    #[test]
    fn long_records_are_read_up_to_a_bound() {
        let statement = json!({"code": "SVC-SPEECH", "month": 1, "units": 0, "paid": "0"});
        let mut long = record(&plan());
        long["deliveries"] = Value::Array(vec![statement.clone(); 300]);
        assert!(read_record(&long).is_ok());
        long["deliveries"] = Value::Array(vec![statement; MAX_RECORD_ENTRIES + 1]);
        let problems = read_record(&long).unwrap_err();
        assert_eq!(problems[0].path, "/deliveries");
        assert_eq!(problems[0].key, "problem.list.too_long");
    }

    #[test]
    fn malformed_records_never_panic() {
        for value in [
            json!(null),
            json!([]),
            json!({"schema": "ib-provision/2"}),
            json!({"lines": [1, {"provider": []}], "deliveries": {"x": 1}}),
            json!({"deliveries": [{"code": "A", "month": -1, "units": 1.5, "paid": "x"}]}),
            json!({"previousPlanDigests": ["ABC", 3]}),
        ] {
            assert!(read_record(&value).is_err(), "{value}");
            assert!(report(&value).is_err(), "{value}");
        }
    }

    #[test]
    fn monthly_allocations_add_up_to_the_funded_amount() {
        let report = report(&record(&plan())).unwrap();
        for s in &report.services {
            let sum: Decimal = s.months.iter().map(|m| m.allocated).sum();
            assert_eq!(sum, s.funded_amount, "{}", s.code);
            assert_eq!(s.months.last().unwrap().available, s.funded_amount - s.paid);
        }
        let sum: Decimal = report.months.iter().map(|m| m.allocated).sum();
        assert_eq!(sum, report.totals.funded);
    }

    #[test]
    fn the_record_round_trips_through_its_json() {
        let plan = plan();
        let raw = record(&plan);
        let read = read_record(&raw).unwrap();
        let again = read_record(&record_json(&read).unwrap()).unwrap();
        assert_eq!(read, again);
    }

    #[test]
    fn guarantee_letters_group_by_letter_and_carry_no_child_identity() {
        let plan = plan();
        let report = report(&record(&plan)).unwrap();
        let letters = guarantee_letters(&report);
        let numbers: Vec<&str> = letters.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(numbers, ["GV-1", "GV-2"]);
        let first = &letters[0];
        assert_eq!(first.provider.register_number, "EX-0001");
        assert_eq!(first.services.len(), 2);
        // Speech 24 × 24.00 = 576.00; OT at the provider's 30.00: 336 / 30 = 11 units.
        assert_eq!(first.services[1].units, 11);
        assert_eq!(first.services[1].amount, d("330.00"));
        assert_eq!(first.total, d("906.00"));
        assert_eq!(first.plan_digest, document_digest(&plan).unwrap());
        assert_eq!(first.case_id, "CESIS-2025-017");
        let text = serde_json::to_string(&letters).unwrap();
        assert!(!text.contains("birth") && !text.contains("2016-04"));
    }

    #[test]
    fn the_csv_is_rfc_4180_and_ordered_by_provider_and_month() {
        let plan = plan();
        let mut raw = record(&plan);
        raw["lines"][3]["provider"]["other"]["name"] = json!("=Cits, \"SIA\"");
        let report = report(&raw).unwrap();
        let csv = payments_csv(&report);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(lines.len(), 6, "{csv}");
        assert!(
            lines[1].starts_with("CESIS-2025-017,EX-0001,"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",1,2025-09-01,2025-09-30,SVC-SPEECH,4,24.00,96.00,"));
        assert!(lines[2].contains(",2,2025-10-01,2025-10-31,SVC-SPEECH,3,24.00,72.00,"));
        assert!(lines[3].starts_with("CESIS-2025-017,EX-0002,"));
        assert!(
            lines[4].contains(",X-9,\"'=Cits, \"\"SIA\"\"\",1,"),
            "{}",
            lines[4]
        );
        assert_eq!(lines[5], "");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(payments_csv(&report), csv);
    }

    #[test]
    fn every_key_the_report_names_has_both_languages_and_its_placeholders() {
        use crate::i18n::{has, t, Lang};
        for kind in [ArrangementKind::Contract, ArrangementKind::GuaranteeLetter] {
            assert!(has(kind.key()), "{}", kind.key());
            assert_eq!(ArrangementKind::parse(kind.code()), Some(kind));
        }
        let report = report(&record(&plan())).unwrap();
        let diff = service(&report, "SVC-PHYSIO").providers[0]
            .price_difference
            .clone()
            .unwrap();
        let lower = FundedLine {
            code: "X".into(),
            name: LocalName {
                lv: "x".into(),
                en: "x".into(),
            },
            unit: Unit::Hour,
            unit_price: d("2"),
            funded_units: 1,
            funded_amount: d("2"),
        };
        for diff in [diff, price_difference(&lower, d("1")).unwrap()] {
            let fields = serde_json::to_value(&diff).unwrap();
            for lang in [Lang::Lv, Lang::En] {
                let text = t(lang, diff.key);
                for field in [
                    "planUnitPrice",
                    "providerUnitPrice",
                    "fundedUnits",
                    "unitsAtProviderPrice",
                ] {
                    assert!(fields.get(field).is_some(), "{field}");
                    assert!(text.contains(&format!("{{{field}}}")), "{text}");
                }
            }
        }
    }

    #[test]
    fn a_provider_change_keeps_earlier_payments_with_the_earlier_provider() {
        let plan = plan();
        let mut raw = record(&plan);
        raw["lines"].as_array_mut().unwrap().push(json!({
            "code": "SVC-SPEECH", "fromMonth": 2,
            "provider": {"other": {"name": "Jauns", "registerNumber": "N-1", "address": "A", "contact": "C", "unitPrice": "25.00"}},
            "arrangement": letter("GV-3")
        }));
        raw["deliveries"][1]["paid"] = json!("75.00");
        let report = report(&raw).unwrap();
        let speech = service(&report, "SVC-SPEECH");
        let froms: Vec<(u32, u32, &str)> = speech
            .providers
            .iter()
            .map(|p| {
                (
                    p.from_month,
                    p.to_month,
                    p.provider.register_number.as_str(),
                )
            })
            .collect();
        assert_eq!(froms, [(1, 1, "EX-0001"), (2, 6, "N-1")]);
        // The new provider starts with 20 units and 480 € still funded; at 25.00 € that
        // buys 19 units.
        let new = &speech.providers[1];
        assert_eq!((new.units_at_start, new.amount_at_start), (20, d("480")));
        assert_eq!(
            new.price_difference
                .as_ref()
                .unwrap()
                .units_at_provider_price,
            19
        );
        let csv = payments_csv(&report);
        assert!(
            csv.contains(",EX-0001,")
                && csv.contains(",N-1,Jauns,2,2025-10-01,2025-10-31,SVC-SPEECH,3,25.00,75.00,"),
            "{csv}"
        );
        assert!(csv.contains("EX-0001,Piemēra runas centrs “Vārdiņš” (izdomāts),1,2025-09-01,2025-09-30,SVC-SPEECH,4,24.00,96.00,"), "{csv}");
        let letters = guarantee_letters(&report);
        let gv3 = letters.iter().find(|l| l.number == "GV-3").unwrap();
        assert_eq!(gv3.services[0].units, 19);
        assert_eq!(gv3.services[0].amount, d("475.00"));
        assert_eq!(gv3.period_start.to_string(), "2025-10-01");
        assert_eq!(gv3.period_end.to_string(), "2026-02-28");
        let gv1 = letters.iter().find(|l| l.number == "GV-1").unwrap();
        assert_eq!(gv1.services[0].end.to_string(), "2025-09-30");
        // The record, written back, still has both.
        let again = read_record(&record_json(&read_record(&raw).unwrap()).unwrap()).unwrap();
        assert_eq!(
            again
                .lines
                .iter()
                .filter(|l| l.code == "SVC-SPEECH")
                .count(),
            2
        );

        let mut bad = raw.clone();
        bad["lines"][4]["fromMonth"] = json!(1);
        assert!(record_problems(&bad).contains(&(
            "/lines/4/fromMonth".to_string(),
            "problem.provision.line_duplicate".to_string()
        )));
        bad["lines"][4]["fromMonth"] = json!(7);
        assert!(record_problems(&bad).contains(&(
            "/lines/4/fromMonth".to_string(),
            "problem.provision.month_outside".to_string()
        )));
        let mut late = record(&plan);
        late["lines"][0]["fromMonth"] = json!(2);
        assert_eq!(
            record_problems(&late),
            [(
                "/deliveries/0/code".to_string(),
                "problem.provision.no_provider".to_string()
            )]
        );
    }

    fn amended(quantity_speech: u64) -> Value {
        let mut case = example_case_json();
        for s in case["services"].as_array_mut().unwrap() {
            if s["code"] == "SVC-SPEECH" {
                s["quantity"] = json!(quantity_speech);
            }
        }
        plan_from_case_json(&case).unwrap()
    }

    #[test]
    fn an_amendment_keeps_the_deliveries_and_names_the_earlier_plan() {
        let plan = plan();
        let new_plan = amended(10);
        let carried = carry_over(&plan, &new_plan, &record(&plan), Some(&providers())).unwrap();
        assert_eq!(carried.plan_digest, document_digest(&new_plan).unwrap());
        assert_eq!(
            carried.previous_plan_digests,
            [document_digest(&plan).unwrap()]
        );
        assert_eq!(carried.deliveries.len(), 4);
        let report = provision_report(
            &new_plan,
            &record_json(&carried).unwrap(),
            Some(&providers()),
        )
        .unwrap();
        assert_eq!(service(&report, "SVC-SPEECH").funded_units, 10);
        assert_eq!(service(&report, "SVC-SPEECH").delivered_units, 7);
        // Below what was delivered: refused, at the first delivery of the service.
        match carry_over(&plan, &amended(6), &record(&plan), Some(&providers())) {
            Err(ProvisionError::Record(problems)) => {
                let keys: Vec<(&str, &str)> = problems
                    .iter()
                    .map(|p| (p.path.as_str(), p.key.as_str()))
                    .collect();
                assert_eq!(
                    keys,
                    [
                        ("/deliveries/0", "problem.provision.amended_below_delivered"),
                        ("/deliveries/0", "problem.provision.amended_below_paid")
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        let mut other_period = example_case_json();
        other_period["settings"]["startDate"] = json!("2025-10-01");
        let other_plan = plan_from_case_json(&other_period).unwrap();
        assert!(matches!(
            carry_over(&plan, &other_plan, &record(&plan), Some(&providers())),
            Err(ProvisionError::AmendedPlan(_))
        ));
    }
}
