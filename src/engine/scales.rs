//! Outcome scales (DOMAIN.md §4): Goal Attainment Scaling T-scores (ρ = 0.3, weighted
//! and unweighted) and COPM-style averages of the parents' performance and satisfaction
//! ratings with their changes. All exact decimals; final values rounded to 2 decimals,
//! half away from zero.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::engine::case::{ParentGoal, TeamGoal};
use crate::engine::reference::serialize_display;

/// The assumed correlation between goal scores in the T-score formula.
pub const RHO: Decimal = Decimal::from_parts(3, 0, 0, false, 1);

/// Square root by Newton's iteration, to Decimal's precision. `None` for negatives.
pub fn sqrt(value: Decimal) -> Option<Decimal> {
    if value.is_sign_negative() && !value.is_zero() {
        return None;
    }
    if value.is_zero() {
        return Some(Decimal::ZERO);
    }
    let two = Decimal::TWO;
    // Start above the root: max(value, 1) is always ≥ √value.
    let mut x = if value > Decimal::ONE {
        value
    } else {
        Decimal::ONE
    };
    for _ in 0..200 {
        let next = (x + value.checked_div(x)?) / two;
        if next >= x {
            return Some(x);
        }
        x = next;
    }
    Some(x)
}

/// Rounds to 2 decimals, half away from zero, and always shows 2 decimals.
fn round2(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// The GAS T-score for levels `x` with weights `w` (equal length, non-empty),
/// rounded to 2 decimals: `50 + 10·Σwx / √((1−ρ)·Σw² + ρ·(Σw)²)`.
pub fn gas_t_score(levels: &[i8], weights: &[u32]) -> Option<Decimal> {
    if levels.is_empty() || levels.len() != weights.len() {
        return None;
    }
    let mut sum_wx = Decimal::ZERO;
    let mut sum_w = Decimal::ZERO;
    let mut sum_w2 = Decimal::ZERO;
    for (&x, &w) in levels.iter().zip(weights) {
        let w = Decimal::from(w);
        sum_wx = sum_wx.checked_add(w.checked_mul(Decimal::from(x))?)?;
        sum_w = sum_w.checked_add(w)?;
        sum_w2 = sum_w2.checked_add(w.checked_mul(w)?)?;
    }
    let denominator = sqrt((Decimal::ONE - RHO) * sum_w2 + RHO * sum_w.checked_mul(sum_w)?)?;
    if denominator.is_zero() {
        return None;
    }
    Some(round2(
        Decimal::from(50) + Decimal::TEN * sum_wx.checked_div(denominator)?,
    ))
}

/// T-scores of one set of levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TScores {
    /// With every weight 1.
    #[serde(serialize_with = "serialize_display")]
    pub unweighted: Decimal,
    /// With the goals' weights.
    #[serde(serialize_with = "serialize_display")]
    pub weighted: Decimal,
}

/// GAS summary of a case's team goals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GasSummary {
    /// Number of goals.
    pub goals: usize,
    /// T-scores of the baselines (`None` without goals).
    pub baseline: Option<TScores>,
    /// T-scores of the attained levels, once every goal has one.
    pub attained: Option<TScores>,
}

/// Unweighted and weighted T-scores of one set of levels (`None` when empty).
pub fn t_scores(levels: &[i8], weights: &[u32]) -> Option<TScores> {
    let ones = vec![1; levels.len()];
    Some(TScores {
        unweighted: gas_t_score(levels, &ones)?,
        weighted: gas_t_score(levels, weights)?,
    })
}

/// Summarises the team goals' GAS levels.
pub fn gas_summary(goals: &[TeamGoal]) -> GasSummary {
    let weights: Vec<u32> = goals.iter().map(|g| g.weight).collect();
    let baseline: Vec<i8> = goals.iter().map(|g| g.baseline).collect();
    let attained: Option<Vec<i8>> = goals.iter().map(|g| g.attained).collect();
    GasSummary {
        goals: goals.len(),
        baseline: t_scores(&baseline, &weights),
        attained: attained.and_then(|a| t_scores(&a, &weights)),
    }
}

/// The change a COPM average must reach to be clinically important.
pub const COPM_IMPORTANT_CHANGE: Decimal = Decimal::TWO;

/// COPM averages at the assessment and, when every goal has one, at the review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopmSummary {
    /// Number of goals.
    pub goals: usize,
    /// Average performance at the assessment.
    #[serde(serialize_with = "serialize_opt")]
    pub performance: Option<Decimal>,
    /// Average satisfaction at the assessment.
    #[serde(serialize_with = "serialize_opt")]
    pub satisfaction: Option<Decimal>,
    /// The review's averages and changes, once every goal was re-rated.
    pub review: Option<CopmReview>,
}

/// COPM review averages and changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CopmReview {
    /// Average performance at the review.
    #[serde(serialize_with = "serialize_display")]
    pub performance: Decimal,
    /// Average satisfaction at the review.
    #[serde(serialize_with = "serialize_display")]
    pub satisfaction: Decimal,
    /// Review minus assessment performance average.
    #[serde(serialize_with = "serialize_display")]
    pub performance_change: Decimal,
    /// Review minus assessment satisfaction average.
    #[serde(serialize_with = "serialize_display")]
    pub satisfaction_change: Decimal,
    /// Performance change ≥ 2.
    pub performance_important: bool,
    /// Satisfaction change ≥ 2.
    pub satisfaction_important: bool,
}

fn serialize_opt<S: serde::Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

fn average(values: impl Iterator<Item = u8>) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut count = 0u32;
    for v in values {
        sum += Decimal::from(v);
        count += 1;
    }
    (count > 0).then(|| sum / Decimal::from(count))
}

/// Summarises the parents' COPM ratings. Averages and changes are computed exactly and
/// then rounded to 2 decimals; the "important" flags use the exact change.
pub fn copm_summary(goals: &[ParentGoal]) -> CopmSummary {
    let performance = average(goals.iter().map(|g| g.performance));
    let satisfaction = average(goals.iter().map(|g| g.satisfaction));
    let reviews: Option<Vec<_>> = goals.iter().map(|g| g.review).collect();
    let review = match (reviews, performance, satisfaction) {
        (Some(reviews), Some(p0), Some(s0)) if !reviews.is_empty() => {
            let p1 = average(reviews.iter().map(|r| r.performance)).unwrap_or(p0);
            let s1 = average(reviews.iter().map(|r| r.satisfaction)).unwrap_or(s0);
            Some(CopmReview {
                performance: round2(p1),
                satisfaction: round2(s1),
                performance_change: round2(p1 - p0),
                satisfaction_change: round2(s1 - s0),
                performance_important: p1 - p0 >= COPM_IMPORTANT_CHANGE,
                satisfaction_important: s1 - s0 >= COPM_IMPORTANT_CHANGE,
            })
        }
        _ => None,
    };
    CopmSummary {
        goals: goals.len(),
        performance: performance.map(round2),
        satisfaction: satisfaction.map(round2),
        review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_checks_pass() {
        let cases: [(&[i8], &[u32], &str); 4] = [
            (&[0, 0, 0], &[1, 1, 1], "50.00"),
            (&[-1, -1, -1], &[1, 1, 1], "36.31"),
            (&[2, 2, 2], &[1, 1, 1], "77.39"),
            (&[1, 0, -1], &[3, 1, 2], "52.20"),
        ];
        for (x, w, want) in cases {
            assert_eq!(gas_t_score(x, w).unwrap().to_string(), want, "{x:?} {w:?}");
        }
    }

    #[test]
    fn sqrt_is_accurate() {
        for n in [0u32, 1, 2, 4, 9, 10, 4800, 1_000_000] {
            let r = sqrt(Decimal::from(n)).unwrap();
            let err = (r * r - Decimal::from(n)).abs();
            assert!(err < Decimal::new(1, 20), "{n}: {r}");
        }
        assert_eq!(sqrt(Decimal::from(49)), Some(Decimal::from(7)));
        assert_eq!(sqrt(Decimal::NEGATIVE_ONE), None);
        let small = sqrt(Decimal::new(1, 10)).unwrap();
        assert!((small * small - Decimal::new(1, 10)).abs() < Decimal::new(1, 24));
    }

    #[test]
    fn empty_or_mismatched_inputs_give_none() {
        assert_eq!(gas_t_score(&[], &[]), None);
        assert_eq!(gas_t_score(&[1], &[1, 2]), None);
    }
}
