//! The figures of a report (`ib-report/1`) and their disclosure control: every count
//! from 1 to 4 is shown as `"<5"`, a row of figures resting on 1–4 children is hidden
//! whole, and complementary suppression makes sure no total, with the parts shown, gives
//! away a hidden part. The same types carry a region's or the nation's sum of reports,
//! whose hidden parts stay hidden: a sum with a hidden part is only "at least" the rest.
//!
//! Complementary suppression works on the report's additive relations (a total and its
//! parts: the children by target group and by age band, the services of an IB area and
//! the area, the areas and the budget totals, the documents read and what became of
//! them, the GAS bands and the reviews with goals): while a relation has exactly one
//! member that is not shown exactly, the smallest part still shown (by its children, then
//! its place) is hidden too, or the total when no part can be (for the documents read,
//! always the total: its parts repeat figures shown elsewhere). This is the usual
//! protection against subtraction; it does not hide the interval a hidden part lies in.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Map, Value};

/// The smallest count shown as it is.
pub const THRESHOLD: u64 = 5;

/// One figure as the report shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// Shown as it is.
    Exact(Decimal),
    /// A count from 1 to 4, shown as `"<5"`.
    Small,
    /// Hidden (`"suppressed"`): a figure of a few children, or hidden so that a total does
    /// not give another hidden figure away.
    Hidden,
    /// A sum of reports with hidden parts: at least this much (`{"atLeast": …}`).
    AtLeast(Decimal),
}

impl Val {
    /// A count.
    pub fn count(n: u64) -> Val {
        Val::Exact(Decimal::from(n))
    }

    /// The exact value, if shown.
    pub fn exact(self) -> Option<Decimal> {
        match self {
            Val::Exact(d) => Some(d),
            _ => None,
        }
    }

    /// Whether the figure is shown exactly.
    pub fn is_exact(self) -> bool {
        matches!(self, Val::Exact(_))
    }

    /// A lower bound: the value, 1 for a `"<5"` count, the bound of an "at least", 0 when
    /// hidden.
    fn lower(self) -> Decimal {
        match self {
            Val::Exact(d) | Val::AtLeast(d) => d,
            Val::Small => Decimal::ONE,
            Val::Hidden => Decimal::ZERO,
        }
    }

    /// The sum of two figures: exact when both are.
    pub fn plus(self, other: Val) -> Val {
        match (self, other) {
            (Val::Exact(a), Val::Exact(b)) => Val::Exact(a + b),
            (a, b) => Val::AtLeast(a.lower() + b.lower()),
        }
    }

    /// A count from 1 to 4 becomes `"<5"`.
    fn primary(self) -> Val {
        match self {
            Val::Exact(d) if d >= Decimal::ONE && d < Decimal::from(THRESHOLD) => Val::Small,
            v => v,
        }
    }

    fn is_small_count(self) -> bool {
        matches!(self.primary(), Val::Small)
    }

    /// Hides an exact figure (a count from 1 to 4 stays `"<5"`).
    fn hide(self) -> Val {
        match self {
            Val::Exact(_) if self.is_small_count() => Val::Small,
            Val::Exact(_) => Val::Hidden,
            v => v,
        }
    }

    /// The figure as JSON: a count or units as a number, euros as a two-decimal string.
    pub fn to_json(self, euros: bool) -> Value {
        let number = |d: Decimal| -> Value {
            if euros {
                Value::String(money(d))
            } else {
                d.to_string()
                    .parse::<u64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::String(d.to_string()))
            }
        };
        match self {
            Val::Exact(d) => number(d),
            Val::Small => Value::from("<5"),
            Val::Hidden => Value::from("suppressed"),
            Val::AtLeast(d) => json!({ "atLeast": number(d) }),
        }
    }

    /// Reads a figure written by [`Val::to_json`].
    pub fn from_json(value: &Value, euros: bool) -> Option<Val> {
        let number = |v: &Value| -> Option<Decimal> {
            if euros {
                crate::engine::money::money_from_json(v).ok()
            } else {
                v.as_u64().map(Decimal::from)
            }
        };
        match value {
            Value::String(s) if s == "<5" => Some(Val::Small),
            Value::String(s) if s == "suppressed" => Some(Val::Hidden),
            Value::Object(map) if map.len() == 1 => {
                map.get("atLeast").and_then(number).map(Val::AtLeast)
            }
            v => number(v).map(Val::Exact),
        }
    }

    /// The CSV status and value of the figure.
    pub fn csv(self, euros: bool) -> (&'static str, String) {
        let text = |d: Decimal| if euros { money(d) } else { d.to_string() };
        match self {
            Val::Exact(d) => ("exact", text(d)),
            Val::Small => ("lt5", String::new()),
            Val::Hidden => ("suppressed", String::new()),
            Val::AtLeast(d) => ("atLeast", text(d)),
        }
    }
}

/// Euros with exactly two decimals.
pub fn money(d: Decimal) -> String {
    let mut d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d.to_string()
}

/// The measures of a service or area row, in the order of the report.
pub const ROW_MEASURES: [&str; 12] = [
    "children",
    "childrenFunded",
    "childrenUnmet",
    "childrenDelivered",
    "plannedUnits",
    "plannedEuros",
    "fundedUnits",
    "fundedEuros",
    "unmetUnits",
    "unmetEuros",
    "deliveredUnits",
    "paidEuros",
];
/// The measures of the budget totals.
pub const BUDGET_MEASURES: [&str; 7] = [
    "children",
    "budget",
    "plannedEuros",
    "fundedEuros",
    "unmetEuros",
    "remainingEuros",
    "paidEuros",
];

/// Whether a measure is in euros.
pub fn is_euros(measure: &str) -> bool {
    measure.ends_with("Euros") || measure == "budget"
}

/// Whether a measure counts children or plans (its 1–4 hide the row).
fn is_contributors(measure: &str) -> bool {
    measure.starts_with("children")
}

/// A row of figures that are shown or hidden together (a service, an area, the budget).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The measures' names.
    pub measures: &'static [&'static str],
    /// The figures, one per measure.
    pub cells: Vec<Val>,
}

impl Row {
    /// A row of zeros.
    pub fn zero(measures: &'static [&'static str]) -> Row {
        Row {
            measures,
            cells: vec![Val::count(0); measures.len()],
        }
    }

    /// Adds `amount` to a measure.
    pub fn add(&mut self, measure: &str, amount: Decimal) {
        if let Some(i) = self.measures.iter().position(|m| *m == measure) {
            self.cells[i] = self.cells[i].plus(Val::Exact(amount));
        }
    }

    /// A measure's figure.
    pub fn get(&self, measure: &str) -> Val {
        self.measures
            .iter()
            .position(|m| *m == measure)
            .map_or(Val::Hidden, |i| self.cells[i])
    }

    /// Adds another row figure by figure.
    pub fn add_row(&mut self, other: &Row) {
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            *a = a.plus(*b);
        }
    }

    fn is_shown(&self) -> bool {
        self.cells.iter().all(|c| c.is_exact())
    }

    /// The children figure used to pick the smallest row.
    fn weight(&self) -> Decimal {
        self.cells.first().map_or(Decimal::ZERO, |c| c.lower())
    }

    fn is_empty(&self) -> bool {
        self.cells.first().copied() == Some(Val::count(0))
    }

    /// Hides a row whose figures rest on 1–4 children or plans.
    fn primary(&mut self) {
        let sensitive = self
            .measures
            .iter()
            .zip(&self.cells)
            .any(|(m, c)| is_contributors(m) && c.is_small_count());
        if sensitive {
            self.hide();
        }
    }

    fn hide(&mut self) {
        for (m, c) in self.measures.iter().zip(&mut self.cells) {
            *c = match *c {
                Val::Exact(_) if !is_contributors(m) => Val::Hidden,
                v => v.hide(),
            };
        }
    }

    /// The row as a JSON object of its measures.
    pub fn to_json(&self) -> Map<String, Value> {
        self.measures
            .iter()
            .zip(&self.cells)
            .map(|(m, c)| (m.to_string(), c.to_json(is_euros(m))))
            .collect()
    }

    /// Reads a row written by [`Row::to_json`].
    pub fn from_json(value: &Value, measures: &'static [&'static str]) -> Option<Row> {
        let map = value.as_object()?;
        let cells = measures
            .iter()
            .map(|m| Val::from_json(map.get(*m)?, is_euros(m)))
            .collect::<Option<Vec<Val>>>()?;
        Some(Row { measures, cells })
    }
}

/// The target groups, in the report's order.
pub const TARGET_GROUPS: [&str; 3] = ["FT", "ARP", "GRT"];
/// The age bands (completed years at the plan's start), in the report's order.
pub const AGE_BANDS: [&str; 5] = ["0-4", "5-9", "10-14", "15-17", "18+"];
/// The bands of the GAS T-score at review (the lower bound is in the band).
pub const GAS_BANDS: [&str; 6] = ["<30", "30-40", "40-50", "50-60", "60-70", "70+"];

/// The age band of an age in completed years.
pub fn age_band(age: i32) -> usize {
    match age {
        i32::MIN..=4 => 0,
        5..=9 => 1,
        10..=14 => 2,
        15..=17 => 3,
        _ => 4,
    }
}

/// The band of a T-score.
pub fn gas_band(t: Decimal) -> usize {
    let bounds = [30, 40, 50, 60, 70];
    bounds
        .iter()
        .position(|b| t < Decimal::from(*b))
        .unwrap_or(bounds.len())
}

/// What the documents read came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Documents {
    /// Files read.
    pub read: Val,
    /// Plans counted.
    pub plans: Val,
    /// Reviews counted.
    pub reviews: Val,
    /// Provision records counted.
    pub provision: Val,
    /// Files rejected.
    pub rejected: Val,
}

/// The outcomes of the reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcomes {
    /// Reviews counted.
    pub reviews: Val,
    /// Reviews with team goals (with a GAS T-score).
    pub gas_reviews: Val,
    /// Reviews by band of the weighted GAS T-score at review.
    pub gas_bands: Vec<Val>,
    /// Median and quartiles of the weighted T-score at review (a municipality's own; a
    /// sum of reports has none, since quantiles do not add up).
    pub gas_quartiles: Option<[Val; 3]>,
    /// Parents' goals reviewed.
    pub copm_goals: Val,
    /// Of them, with a performance change of at least 2.
    pub copm_performance: Val,
    /// Of them, with a satisfaction change of at least 2.
    pub copm_satisfaction: Val,
    /// Units funded by the reviewed plans.
    pub funded_units: Val,
    /// Of them, delivered.
    pub delivered_units: Val,
}

/// Every figure of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// The documents (a municipality's plans, reviews and records; not summed upwards).
    pub documents: Option<Documents>,
    /// Children in total.
    pub children: Val,
    /// By target group ([`TARGET_GROUPS`]).
    pub by_target_group: Vec<Val>,
    /// By age band ([`AGE_BANDS`]).
    pub by_age_band: Vec<Val>,
    /// Per service code: its IB area and figures ([`ROW_MEASURES`]).
    pub services: BTreeMap<String, (u8, Row)>,
    /// Per IB area 1–3.
    pub areas: Vec<Row>,
    /// The budget totals ([`BUDGET_MEASURES`]).
    pub budget: Row,
    /// The outcomes.
    pub outcomes: Outcomes,
}

/// A share in per cent, two decimals, of two shown counts (`None`: nothing to share).
pub fn share(part: Val, whole: Val) -> Option<Val> {
    match (part, whole) {
        (Val::Exact(_), Val::Exact(w)) if w.is_zero() => None,
        (Val::Exact(p), Val::Exact(w)) => {
            let mut s = (p * Decimal::ONE_HUNDRED / w)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            s.rescale(2);
            Some(Val::Exact(s))
        }
        _ => Some(Val::Hidden),
    }
}

/// Which figure a relation member is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Read,
    Plans,
    Reviews,
    Provision,
    Rejected,
    Children,
    Group(usize),
    Band(usize),
    Service(usize),
    Area(usize),
    Budget,
    GasReviews,
    GasBand(usize),
}

impl Figures {
    fn service_row(&mut self, i: usize) -> Option<&mut Row> {
        self.services.values_mut().nth(i).map(|(_, r)| r)
    }

    fn is_shown(&self, slot: Slot) -> bool {
        match slot {
            Slot::Service(i) => self
                .services
                .values()
                .nth(i)
                .is_some_and(|(_, r)| r.is_shown()),
            Slot::Area(a) => self.areas[a].is_shown(),
            Slot::Budget => self.budget.is_shown(),
            _ => self.scalar(slot).is_some_and(|v| v.is_exact()),
        }
    }

    fn weight(&self, slot: Slot) -> Decimal {
        match slot {
            Slot::Service(i) => self
                .services
                .values()
                .nth(i)
                .map_or(Decimal::ZERO, |(_, r)| r.weight()),
            Slot::Area(a) => self.areas[a].weight(),
            Slot::Budget => self.budget.weight(),
            _ => self.scalar(slot).map_or(Decimal::ZERO, |v| v.lower()),
        }
    }

    fn is_zero(&self, slot: Slot) -> bool {
        match slot {
            Slot::Service(i) => self
                .services
                .values()
                .nth(i)
                .is_some_and(|(_, r)| r.is_empty()),
            Slot::Area(a) => self.areas[a].is_empty(),
            Slot::Budget => self.budget.is_empty(),
            _ => self.scalar(slot) == Some(Val::count(0)),
        }
    }

    fn scalar(&self, slot: Slot) -> Option<Val> {
        let d = self.documents.as_ref();
        Some(match slot {
            Slot::Read => d?.read,
            Slot::Plans => d?.plans,
            Slot::Reviews => d?.reviews,
            Slot::Provision => d?.provision,
            Slot::Rejected => d?.rejected,
            Slot::Children => self.children,
            Slot::Group(g) => self.by_target_group[g],
            Slot::Band(b) => self.by_age_band[b],
            Slot::GasReviews => self.outcomes.gas_reviews,
            Slot::GasBand(b) => self.outcomes.gas_bands[b],
            _ => return None,
        })
    }

    fn hide(&mut self, slot: Slot) {
        let hide = |v: &mut Val| *v = v.hide();
        match slot {
            Slot::Service(i) => {
                if let Some(r) = self.service_row(i) {
                    r.hide();
                }
            }
            Slot::Area(a) => self.areas[a].hide(),
            Slot::Budget => self.budget.hide(),
            Slot::Children => hide(&mut self.children),
            Slot::Group(g) => hide(&mut self.by_target_group[g]),
            Slot::Band(b) => hide(&mut self.by_age_band[b]),
            Slot::GasReviews => hide(&mut self.outcomes.gas_reviews),
            Slot::GasBand(b) => hide(&mut self.outcomes.gas_bands[b]),
            _ => {
                if let Some(d) = self.documents.as_mut() {
                    match slot {
                        Slot::Read => hide(&mut d.read),
                        Slot::Plans => hide(&mut d.plans),
                        // The same figure as the outcomes' reviews.
                        Slot::Reviews => {
                            hide(&mut d.reviews);
                            hide(&mut self.outcomes.reviews);
                        }
                        Slot::Provision => hide(&mut d.provision),
                        Slot::Rejected => hide(&mut d.rejected),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The additive relations: a total and its parts.
    fn relations(&self) -> Vec<(Slot, Vec<Slot>)> {
        let mut out = Vec::new();
        if self.documents.is_some() {
            out.push((
                Slot::Read,
                vec![Slot::Plans, Slot::Reviews, Slot::Provision, Slot::Rejected],
            ));
        }
        out.push((
            Slot::Children,
            (0..TARGET_GROUPS.len()).map(Slot::Group).collect(),
        ));
        out.push((
            Slot::Children,
            (0..AGE_BANDS.len()).map(Slot::Band).collect(),
        ));
        for area in 0..self.areas.len() {
            let parts: Vec<Slot> = self
                .services
                .values()
                .enumerate()
                .filter(|(_, (a, _))| usize::from(*a) == area + 1)
                .map(|(i, _)| Slot::Service(i))
                .collect();
            out.push((Slot::Area(area), parts));
        }
        out.push((
            Slot::Budget,
            (0..self.areas.len()).map(Slot::Area).collect(),
        ));
        out.push((
            Slot::GasReviews,
            (0..GAS_BANDS.len()).map(Slot::GasBand).collect(),
        ));
        out
    }

    /// Applies disclosure control: counts from 1 to 4 become `"<5"`, rows resting on 1–4
    /// children are hidden, the outcomes of 1–4 reviews are hidden, and then
    /// complementary suppression until no relation has exactly one figure not shown.
    /// A figure already hidden (a sum with hidden parts) stays so.
    pub fn suppress(&mut self) {
        if let Some(d) = self.documents.as_mut() {
            // The rejected files are listed by name, so their count is never hidden.
            for v in [&mut d.read, &mut d.plans, &mut d.reviews, &mut d.provision] {
                *v = v.primary();
            }
        }
        self.children = self.children.primary();
        for v in self
            .by_target_group
            .iter_mut()
            .chain(self.by_age_band.iter_mut())
        {
            *v = v.primary();
        }
        for (_, row) in self.services.values_mut() {
            row.primary();
        }
        for row in &mut self.areas {
            row.primary();
        }
        self.budget.primary();
        let o = &mut self.outcomes;
        let few_reviews = o.reviews.is_small_count();
        let few_goals = o.gas_reviews.is_small_count();
        for v in [
            &mut o.reviews,
            &mut o.gas_reviews,
            &mut o.copm_goals,
            &mut o.copm_performance,
            &mut o.copm_satisfaction,
            &mut o.funded_units,
            &mut o.delivered_units,
        ]
        .into_iter()
        .chain(o.gas_bands.iter_mut())
        {
            *v = if few_reviews { v.hide() } else { v.primary() };
        }
        if let Some(q) = o.gas_quartiles.as_mut() {
            if few_reviews || few_goals {
                *q = [Val::Hidden; 3];
            }
        }
        // Complementary suppression.
        loop {
            let mut changed = false;
            for (total, parts) in self.relations() {
                let members: Vec<Slot> = std::iter::once(total)
                    .chain(parts.iter().copied())
                    .collect();
                let hidden = members.iter().filter(|s| !self.is_shown(**s)).count();
                if hidden != 1 {
                    continue;
                }
                let pick = parts
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        self.is_shown(**s) && !self.is_zero(**s) && **s != Slot::Rejected
                    })
                    .min_by(|(i, a), (j, b)| self.weight(**a).cmp(&self.weight(**b)).then(i.cmp(j)))
                    .map(|(_, s)| *s);
                // The documents read are a count of files whose parts repeat figures
                // shown elsewhere (the plans, about the children): hide the total.
                let prefer_total = total == Slot::Read;
                let pick = match pick {
                    _ if prefer_total && self.is_shown(total) => total,
                    Some(s) => s,
                    None if self.is_shown(total) => total,
                    // Only zeros are left beside the hidden part: they tell nothing.
                    None => continue,
                };
                self.hide(pick);
                changed = true;
            }
            if !changed {
                break;
            }
        }
    }

    /// Adds another report's figures (a region's municipalities, the nation's regions).
    /// Hidden parts make the sum "at least"; quantiles do not add up and are dropped.
    pub fn add(&mut self, other: &Figures) {
        self.documents = None;
        self.children = self.children.plus(other.children);
        for (a, b) in self.by_target_group.iter_mut().zip(&other.by_target_group) {
            *a = a.plus(*b);
        }
        for (a, b) in self.by_age_band.iter_mut().zip(&other.by_age_band) {
            *a = a.plus(*b);
        }
        for (code, (area, row)) in &other.services {
            match self.services.get_mut(code) {
                Some((_, mine)) => mine.add_row(row),
                None => {
                    self.services.insert(code.clone(), (*area, row.clone()));
                }
            }
        }
        for (a, b) in self.areas.iter_mut().zip(&other.areas) {
            a.add_row(b);
        }
        self.budget.add_row(&other.budget);
        let (o, p) = (&mut self.outcomes, &other.outcomes);
        o.reviews = o.reviews.plus(p.reviews);
        o.gas_reviews = o.gas_reviews.plus(p.gas_reviews);
        for (a, b) in o.gas_bands.iter_mut().zip(&p.gas_bands) {
            *a = a.plus(*b);
        }
        o.gas_quartiles = None;
        o.copm_goals = o.copm_goals.plus(p.copm_goals);
        o.copm_performance = o.copm_performance.plus(p.copm_performance);
        o.copm_satisfaction = o.copm_satisfaction.plus(p.copm_satisfaction);
        o.funded_units = o.funded_units.plus(p.funded_units);
        o.delivered_units = o.delivered_units.plus(p.delivered_units);
    }

    /// Empty figures: nothing counted.
    pub fn empty() -> Figures {
        Figures {
            documents: None,
            children: Val::count(0),
            by_target_group: vec![Val::count(0); TARGET_GROUPS.len()],
            by_age_band: vec![Val::count(0); AGE_BANDS.len()],
            services: BTreeMap::new(),
            areas: vec![Row::zero(&ROW_MEASURES); 3],
            budget: Row::zero(&BUDGET_MEASURES),
            outcomes: Outcomes {
                reviews: Val::count(0),
                gas_reviews: Val::count(0),
                gas_bands: vec![Val::count(0); GAS_BANDS.len()],
                gas_quartiles: None,
                copm_goals: Val::count(0),
                copm_performance: Val::count(0),
                copm_satisfaction: Val::count(0),
                funded_units: Val::count(0),
                delivered_units: Val::count(0),
            },
        }
    }
}
