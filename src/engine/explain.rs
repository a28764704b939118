//! Why each plan line got what it got, and the smallest change that would fund one more
//! unit of it. Computed beside the plan document, never written into it: the serialised
//! [`Line`]s (and so the test vectors and signatures) are unchanged.
//!
//! For every line: what was left of the budget when its turn came (the budget minus what
//! the lines above it were funded), the price of one more unit, and, for a line funded
//! below what it may get (`min(quantity, cap)` units), the smallest budget increase that
//! funds one more unit and the line above which it would have to move to be funded more.
//!
//! Both suggestions are checked by re-running [`allocate`] itself, so they hold by
//! construction of the rule, not by a copy of it:
//! - **Budget, `fill`.** What is left at a line's turn never grows faster than the
//!   budget (the lines above can only spend more when the budget grows), so an increase
//!   below `(funded + 1) × price − left` cannot help. The search starts there and, while
//!   a line above absorbs the extra money, moves on by the same bound from the new state;
//!   the first increase that funds one more unit is the smallest.
//! - **Budget, `strict`.** A line is funded past its units only when every line above is
//!   funded in full, so the increase is `Σ above (units they may get × price) +
//!   (funded + 1) × price − budget`.
//! - **Move.** The line is put one place higher at a time (the other lines keep their
//!   order) and the allocator is re-run with that order; the first place that funds at
//!   least one more unit is named by the line now there.

use rust_decimal::Decimal;

use crate::engine::allocate::{allocate, Line};
use crate::engine::case::{Case, Policy, Weights};
use crate::engine::reference::Catalogue;

/// The most allocator runs the budget search makes for one line before it gives up (a
/// suggestion is then left out rather than guessed). Each run is a few microseconds; a
/// search takes more than a few steps only when lines above it are themselves short of
/// funding by many units (the property tests' worst cases, from a budget of 0, need
/// about 430).
pub const MAX_BUDGET_STEPS: usize = 2000;

/// What explains one line of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFacts {
    /// Index of the line in the plan's lines (0 = first in the order).
    pub index: usize,
    /// What was left of the budget when the line's turn came.
    pub left_at_turn: Decimal,
    /// The price of one more unit.
    pub unit_price: Decimal,
    /// The most units the line may get: `min(quantity, cap)`.
    pub fundable_units: u64,
    /// Whether a line below it was funded at all (under `fill`, from what was left).
    pub funded_below: bool,
    /// Under `strict`, the index of the line at which funding stopped, when this line
    /// comes after it (and so got nothing for that reason).
    pub stopped_at: Option<usize>,
    /// The smallest changes that would fund one more unit; `None` when the line has
    /// every unit it may get (funded in full, or up to its cap).
    pub one_more: Option<OneMore>,
}

/// The smallest changes that would fund one more unit of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneMore {
    /// The smallest budget increase that funds one more unit, if one was found.
    pub budget_increase: Option<Decimal>,
    /// Index (in the plan's lines) of the line above which it would have to move to get
    /// at least one more unit, if any place does.
    pub move_above: Option<usize>,
}

/// The most units a line may get: its quantity, or its cap when that is smaller.
pub fn fundable_units(line: &Line) -> u64 {
    line.cap.map_or(line.quantity, |c| c.min(line.quantity))
}

/// What was left of `budget` when line `index` came: the budget minus what the lines
/// above it were funded.
pub fn left_at_turn(budget: Decimal, lines: &[Line], index: usize) -> Decimal {
    lines
        .iter()
        .take(index)
        .fold(budget, |left, l| left - l.funded_amount)
}

/// Explains every line of `lines`, the result of [`allocate`] for `case` and
/// `catalogue`. Lines the inputs do not match are left out.
pub fn explain(case: &Case, catalogue: &Catalogue, lines: &[Line]) -> Vec<LineFacts> {
    (0..lines.len())
        .filter_map(|i| explain_line(case, catalogue, lines, i))
        .collect()
}

/// Explains line `index` of `lines`, the result of [`allocate`] for `case` and
/// `catalogue`. `None` when there is no such line or the inputs do not match it.
pub fn explain_line(
    case: &Case,
    catalogue: &Catalogue,
    lines: &[Line],
    index: usize,
) -> Option<LineFacts> {
    let line = lines.get(index)?;
    let fundable = fundable_units(line);
    let stopped_at = (case.settings.policy == Policy::Strict)
        .then(|| {
            lines
                .iter()
                .take(index)
                .position(|l| l.funded_units < fundable_units(l))
        })
        .flatten();
    let one_more = (line.funded_units < fundable).then(|| OneMore {
        budget_increase: budget_increase(case, catalogue, lines, index),
        move_above: move_above(case, catalogue, lines, index),
    });
    Some(LineFacts {
        index,
        left_at_turn: left_at_turn(case.settings.budget, lines, index),
        unit_price: line.unit_price,
        fundable_units: fundable,
        funded_below: lines.iter().skip(index + 1).any(|l| l.funded_units > 0),
        stopped_at,
        one_more,
    })
}

/// The units line `code` gets and what was left at its turn when `case` is allocated.
fn funded_in(case: &Case, catalogue: &Catalogue, code: &str) -> Option<(u64, Decimal)> {
    let allocation = allocate(case, catalogue).ok()?;
    let index = allocation.lines.iter().position(|l| l.code == code)?;
    let units = allocation.lines[index].funded_units;
    Some((
        units,
        left_at_turn(case.settings.budget, &allocation.lines, index),
    ))
}

/// `case` with another budget.
fn with_budget(case: &Case, budget: Decimal) -> Case {
    let mut changed = case.clone();
    changed.settings.budget = budget;
    changed
}

/// The smallest budget increase that funds one more unit of line `index`; `None` when
/// the line has every unit it may get, or when no increase was found (see the module
/// documentation for why the one returned is the smallest).
pub fn budget_increase(
    case: &Case,
    catalogue: &Catalogue,
    lines: &[Line],
    index: usize,
) -> Option<Decimal> {
    let line = lines.get(index)?;
    let wanted = line.funded_units.checked_add(1)?;
    if wanted > fundable_units(line) {
        return None;
    }
    let target = line.unit_price.checked_mul(Decimal::from(wanted))?;
    let budget = case.settings.budget;
    let found = |delta: Decimal| -> Option<bool> {
        let changed = with_budget(case, budget.checked_add(delta)?);
        let (units, _) = funded_in(&changed, catalogue, &line.code)?;
        Some(units >= wanted)
    };
    match case.settings.policy {
        Policy::Strict => {
            let mut needed = target;
            for above in lines.iter().take(index) {
                let cost = above
                    .unit_price
                    .checked_mul(Decimal::from(fundable_units(above)))?;
                needed = needed.checked_add(cost)?;
            }
            let delta = needed.checked_sub(budget)?;
            (delta > Decimal::ZERO && found(delta)?).then_some(delta)
        }
        Policy::Fill => {
            let mut delta = target.checked_sub(left_at_turn(budget, lines, index))?;
            for _ in 0..MAX_BUDGET_STEPS {
                if delta <= Decimal::ZERO {
                    return None;
                }
                let changed = with_budget(case, budget.checked_add(delta)?);
                let (units, left) = funded_in(&changed, catalogue, &line.code)?;
                if units >= wanted {
                    return Some(delta);
                }
                // A line above took the extra money: what is left at this line's turn
                // grows at most as fast as the budget, so at least this much more.
                delta = delta.checked_add(target.checked_sub(left)?)?;
            }
            None
        }
    }
}

/// `case` with its services in the combined order `codes` (first = highest): both
/// rankings follow that order and the experts' weight is 1, so every score differs and
/// [`allocate`] funds the lines in exactly this order. `None` when a code is not on the
/// case's list or the lists differ in length.
pub fn in_order(case: &Case, codes: &[&str]) -> Option<Case> {
    if codes.len() != case.services.len() {
        return None;
    }
    let mut changed = case.clone();
    for service in &mut changed.services {
        let place = codes.iter().position(|c| *c == service.code)?;
        let rank = u32::try_from(place + 1).ok()?;
        service.expert_rank = rank;
        service.parent_rank = rank;
    }
    changed.settings.weights = Weights {
        expert: Decimal::ONE,
        parent: Decimal::ZERO,
    };
    Some(changed)
}

/// The codes of `lines` with line `from` moved to place `to` (both indexes).
pub fn moved_order(lines: &[Line], from: usize, to: usize) -> Vec<&str> {
    let mut codes: Vec<&str> = lines.iter().map(|l| l.code.as_str()).collect();
    if from < codes.len() && to < codes.len() {
        let code = codes.remove(from);
        codes.insert(to, code);
    }
    codes
}

/// The index of the line above which line `index` would have to move to get at least
/// one more unit: the line is moved up one place at a time and the allocator re-run;
/// the first place that funds more wins. `None` when no place does.
pub fn move_above(
    case: &Case,
    catalogue: &Catalogue,
    lines: &[Line],
    index: usize,
) -> Option<usize> {
    let line = lines.get(index)?;
    if line.funded_units >= fundable_units(line) {
        return None;
    }
    (0..index).rev().find(|&to| {
        in_order(case, &moved_order(lines, index, to))
            .and_then(|moved| funded_in(&moved, catalogue, &line.code))
            .is_some_and(|(units, _)| units > line.funded_units)
    })
}
