//! The allocation rule of DOMAIN.md §5: combine expert and parent ranks into exact
//! decimal scores, order the services, and fund down the list within the budget in
//! whole units, respecting caps; then spread the funded total over the months.
//!
//! Rules this module defines (documented here and in ARCHITECTURE.md):
//! - Points: `E = n − e + 1`, `P = n − p + 1`; score `S = w_e·E + w_p·P`, exact.
//! - Order: `S` descending, then expert rank ascending, then service code ascending.
//! - A line may fund at most `min(quantity, cap)` units. `fill` goes on down the list
//!   after a line that did not fit; `strict` funds the whole units that fit of the first
//!   line that does not fit in full, then funds nothing further.
//! - Monthly spend: the funded total divided by the number of months, rounded down to the
//!   cent, for every month but the last; the last month takes the rest, so the months
//!   always add up to the funded total exactly.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::case::{Case, Child, Policy, Settings};
use crate::engine::date::Date;
use crate::engine::money::floor_cents;
use crate::engine::problem::Problem;
use crate::engine::reference::{
    serialize_display, serialize_money, Catalogue, LocalName, Service, Unit,
};

/// Why a line got what it got. Serialised as `{"code": "partlyFunded", …}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "camelCase")]
pub enum Reason {
    /// Every requested unit is funded.
    FundedInFull,
    /// The budget ran out: only some whole units are funded.
    PartlyFunded {
        /// Units funded.
        #[serde(rename = "fundedUnits")]
        funded_units: u64,
        /// Units requested.
        #[serde(rename = "requestedUnits")]
        requested_units: u64,
    },
    /// Nothing is funded.
    NotFunded {
        /// Why.
        cause: NotFundedCause,
    },
    /// Funded up to the service's cap; the units above the cap are unmet need.
    Capped {
        /// The cap in units for this plan.
        cap: u64,
    },
}

/// Why a line got nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NotFundedCause {
    /// Not even one unit fitted in what was left of the budget.
    BudgetExhausted,
    /// The strict policy stopped funding at an earlier line.
    StrictPolicy,
}

impl Reason {
    /// The message key the UI shows for this reason.
    pub fn key(self) -> &'static str {
        match self {
            Reason::FundedInFull => "reason.funded_in_full",
            Reason::PartlyFunded { .. } => "reason.partly_funded",
            Reason::NotFunded {
                cause: NotFundedCause::BudgetExhausted,
            } => "reason.not_funded.budget",
            Reason::NotFunded {
                cause: NotFundedCause::StrictPolicy,
            } => "reason.not_funded.strict",
            Reason::Capped { .. } => "reason.capped",
        }
    }

    /// Every reason key, for the catalogue-completeness test.
    pub const KEYS: [&'static str; 5] = [
        "reason.funded_in_full",
        "reason.partly_funded",
        "reason.not_funded.budget",
        "reason.not_funded.strict",
        "reason.capped",
    ];
}

/// One service line of the plan, in funding order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// 1-based place in the combined priority order.
    pub position: u32,
    /// Service code.
    pub code: String,
    /// Service name from the price list used.
    pub name: LocalName,
    /// Unit.
    pub unit: Unit,
    /// Price per unit.
    #[serde(serialize_with = "serialize_money")]
    pub unit_price: Decimal,
    /// Units requested by the experts.
    pub quantity: u64,
    /// Expert rank.
    pub expert_rank: u32,
    /// Parent rank.
    pub parent_rank: u32,
    /// Expert points `n − e + 1`.
    pub expert_points: u32,
    /// Parent points `n − p + 1`.
    pub parent_points: u32,
    /// Combined score `w_e·E + w_p·P`, exact.
    #[serde(serialize_with = "serialize_display")]
    pub score: Decimal,
    /// Cap in units for this plan, if the service has one.
    pub cap: Option<u64>,
    /// Cost of all requested units.
    #[serde(serialize_with = "serialize_money")]
    pub requested_amount: Decimal,
    /// Units funded.
    pub funded_units: u64,
    /// Amount funded.
    #[serde(serialize_with = "serialize_money")]
    pub funded_amount: Decimal,
    /// Units not funded (unmet need).
    pub unmet_units: u64,
    /// Cost of the unmet units.
    #[serde(serialize_with = "serialize_money")]
    pub unmet_amount: Decimal,
    /// Why.
    pub reason: Reason,
    /// Message key of the reason.
    pub reason_key: &'static str,
}

/// Plan totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// The budget.
    #[serde(serialize_with = "serialize_money")]
    pub budget: Decimal,
    /// Cost of everything requested.
    #[serde(serialize_with = "serialize_money")]
    pub requested: Decimal,
    /// Funded in total (never above the budget).
    #[serde(serialize_with = "serialize_money")]
    pub allocated: Decimal,
    /// Budget minus allocated.
    #[serde(serialize_with = "serialize_money")]
    pub remaining: Decimal,
    /// Cost of the unmet need.
    #[serde(serialize_with = "serialize_money")]
    pub unmet: Decimal,
}

/// Planned spend in one month of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthSpend {
    /// 1-based month of the period.
    pub month: u32,
    /// First day.
    #[serde(serialize_with = "serialize_display")]
    pub start: Date,
    /// Last day.
    #[serde(serialize_with = "serialize_display")]
    pub end: Date,
    /// Planned spend.
    #[serde(serialize_with = "serialize_money")]
    pub amount: Decimal,
}

/// The plan period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// First day.
    #[serde(serialize_with = "serialize_display")]
    pub start: Date,
    /// Last day.
    #[serde(serialize_with = "serialize_display")]
    pub end: Date,
    /// Months.
    pub months: u32,
    /// Days.
    pub days: i64,
}

/// The result of allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// The period.
    pub period: Period,
    /// The lines in priority order.
    pub lines: Vec<Line>,
    /// The totals.
    pub totals: Totals,
    /// Spend per month.
    pub months: Vec<MonthSpend>,
}

fn overflow() -> Vec<Problem> {
    vec![Problem::new("", "problem.amount.overflow")]
}

/// The plan's first and last day and its length in days.
pub fn period_of(settings: &Settings) -> Option<Period> {
    let start = settings.start_date;
    let after = start.add_months(settings.period_months)?;
    Some(Period {
        start,
        end: after.previous_day()?,
        months: settings.period_months,
        days: start.days_until(after),
    })
}

/// The cap in units for this child and plan, if the service has one.
pub fn cap_for(service: &Service, child: &Child, settings: &Settings) -> Option<u64> {
    let days = period_of(settings).map_or(0, |p| p.days);
    let age = settings.start_date.age_in_years(child.birth);
    service
        .caps
        .units_for_plan(settings.period_months, days, age)
}

/// Allocates the budget of a valid case against a price list.
pub fn allocate(case: &Case, catalogue: &Catalogue) -> Result<Allocation, Vec<Problem>> {
    let settings = &case.settings;
    let period = period_of(settings)
        .ok_or_else(|| vec![Problem::new("/settings/startDate", "problem.date.range")])?;
    let n = u32::try_from(case.services.len()).map_err(|_| overflow())?;
    struct Scored<'a> {
        service: &'a Service,
        quantity: u64,
        expert_rank: u32,
        parent_rank: u32,
        expert_points: u32,
        parent_points: u32,
        score: Decimal,
    }
    let mut scored = Vec::with_capacity(case.services.len());
    for (i, request) in case.services.iter().enumerate() {
        let service = catalogue.service(&request.code).ok_or_else(|| {
            vec![
                Problem::new(format!("/services/{i}/code"), "problem.service.unknown")
                    .with("code", &request.code),
            ]
        })?;
        let expert_points = (n + 1)
            .checked_sub(request.expert_rank)
            .ok_or_else(overflow)?;
        let parent_points = (n + 1)
            .checked_sub(request.parent_rank)
            .ok_or_else(overflow)?;
        let score = settings.weights.expert * Decimal::from(expert_points)
            + settings.weights.parent * Decimal::from(parent_points);
        scored.push(Scored {
            service,
            quantity: request.quantity,
            expert_rank: request.expert_rank,
            parent_rank: request.parent_rank,
            expert_points,
            parent_points,
            score: score.normalize(),
        });
    }
    super::order::sort_by(&mut scored, |a, b| {
        b.score
            .cmp(&a.score)
            .then(a.expert_rank.cmp(&b.expert_rank))
            .then_with(|| a.service.code.cmp(&b.service.code))
    });

    let mut remaining = settings.budget;
    let mut stopped = false;
    let mut lines = Vec::with_capacity(scored.len());
    let mut requested_total = Decimal::ZERO;
    let mut unmet_total = Decimal::ZERO;
    for (index, s) in scored.into_iter().enumerate() {
        let price = s.service.unit_price;
        let cap = cap_for(s.service, &case.child, settings);
        let max_units = cap.map_or(s.quantity, |c| c.min(s.quantity));
        let cost = |units: u64| price.checked_mul(Decimal::from(units)).ok_or_else(overflow);
        let funded_units = if stopped {
            0
        } else if price <= Decimal::ZERO || cost(max_units)? <= remaining {
            max_units
        } else {
            let mut k = remaining
                .checked_div(price)
                .ok_or_else(overflow)?
                .floor()
                .to_u64()
                .unwrap_or(0)
                .min(max_units);
            while k > 0 && cost(k)? > remaining {
                k -= 1;
            }
            k
        };
        let reason = if stopped {
            Reason::NotFunded {
                cause: NotFundedCause::StrictPolicy,
            }
        } else if funded_units == s.quantity {
            Reason::FundedInFull
        } else if funded_units == max_units {
            Reason::Capped { cap: max_units }
        } else if funded_units > 0 {
            Reason::PartlyFunded {
                funded_units,
                requested_units: s.quantity,
            }
        } else {
            Reason::NotFunded {
                cause: NotFundedCause::BudgetExhausted,
            }
        };
        if settings.policy == Policy::Strict && funded_units < max_units {
            stopped = true;
        }
        let funded_amount = cost(funded_units)?;
        let requested_amount = cost(s.quantity)?;
        remaining -= funded_amount;
        let unmet_units = s.quantity - funded_units;
        let unmet_amount = cost(unmet_units)?;
        requested_total = requested_total
            .checked_add(requested_amount)
            .ok_or_else(overflow)?;
        unmet_total = unmet_total.checked_add(unmet_amount).ok_or_else(overflow)?;
        lines.push(Line {
            position: u32::try_from(index + 1).map_err(|_| overflow())?,
            code: s.service.code.clone(),
            name: s.service.name.clone(),
            unit: s.service.unit,
            unit_price: price,
            quantity: s.quantity,
            expert_rank: s.expert_rank,
            parent_rank: s.parent_rank,
            expert_points: s.expert_points,
            parent_points: s.parent_points,
            score: s.score,
            cap,
            requested_amount,
            funded_units,
            funded_amount,
            unmet_units,
            unmet_amount,
            reason,
            reason_key: reason.key(),
        });
    }
    let allocated = settings.budget - remaining;
    let months = spread_over_months(allocated, &period)
        .ok_or_else(|| vec![Problem::new("/settings/startDate", "problem.date.range")])?;
    Ok(Allocation {
        period,
        lines,
        totals: Totals {
            budget: settings.budget,
            requested: requested_total,
            allocated,
            remaining,
            unmet: unmet_total,
        },
        months,
    })
}

/// Spreads a total over the period's months: each month but the last gets the total
/// divided by the months, rounded down to the cent; the last month gets the rest.
pub fn spread_over_months(total: Decimal, period: &Period) -> Option<Vec<MonthSpend>> {
    let months = period.months.max(1);
    let each = floor_cents(total / Decimal::from(months));
    let mut out = Vec::with_capacity(usize::try_from(months).ok()?);
    let mut given = Decimal::ZERO;
    for m in 1..=months {
        let start = period.start.add_months(m - 1)?;
        let end = period.start.add_months(m)?.previous_day()?;
        let amount = if m == months { total - given } else { each };
        given += amount;
        out.push(MonthSpend {
            month: m,
            start,
            end,
            amount,
        });
    }
    Some(out)
}
