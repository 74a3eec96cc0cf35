//! Growth of counting monthly consumption value (`kind: consumption_growth`,
//! `BA.CS.UG.*`): L and P are the counting MCV of every pair at M and M-12; no points
//! unless P meets the path's baseline; then the whole percent of growth, rounded down,
//! times the points per percent, within the cap.

use super::evidence::{ConsumptionTally, Evidence, Measure, UnitEvidence, UnitStatus};
use super::units::{codes_at, mcv, pair_attribution};
use super::Subject;
use super::{EngineError, Outcome, Scoring, Tracer};
use crate::model::{Month, Points, Situation};
use crate::rulebook::ConsumptionGrowthRule;
use rust_decimal::Decimal;

/// The points of one consumption growth subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &ConsumptionGrowthRule,
    s: &Situation,
    t: &mut Tracer,
) -> Result<Points, EngineError> {
    let m = s.as_of;
    let m12 = m.months_before(12);
    let last = total(at, rule, s, m, t)?;
    let prior = total(at, rule, s, m12, t)?;
    let baseline = *rule.baseline.on(at.path);
    let baseline_met = baseline.contains(prior);
    let (percent, whole) = growth(last, prior).unwrap_or((None, 0));
    let earned = if baseline_met && !prior.is_zero() {
        let whole32 = u32::try_from(whole).unwrap_or(u32::MAX);
        rule.points_per_percent * whole32
    } else {
        Points::ZERO
    };
    let points = earned.min(at.sub.max);
    if t.on() {
        t.record(
            at.area,
            &rule.clauses.formula,
            Subject::Subcategory(at.sub.title.clone()),
            Outcome::Points(points),
            Evidence::ConsumptionGrowth(ConsumptionTally {
                month: m,
                last,
                prior_month: m12,
                prior,
                baseline,
                baseline_met,
                percent,
                whole_percent: whole,
            }),
        );
    }
    Ok(points)
}

/// Counting MCV summed over every pair in a month; each pair with MCV then traced.
fn total(
    at: &Scoring,
    rule: &ConsumptionGrowthRule,
    s: &Situation,
    month: Month,
    t: &mut Tracer,
) -> Result<Decimal, EngineError> {
    let mut sum = Decimal::ZERO;
    for c in &s.customers {
        for w in &c.workloads {
            let Some((value, counts)) = mcv(c, w, &rule.consumption, month) else {
                continue;
            };
            if counts {
                sum = sum
                    .checked_add(value)
                    .ok_or(EngineError::Overflow("sum the MCV"))?;
            }
            if t.on() && !value.is_zero() {
                let rate = rule.consumption.rate_of(&w.workload).map(|r| r.0);
                t.record(
                    at.area,
                    &rule.consumption.clauses.attribution,
                    Subject::Pair {
                        customer: c.id.clone(),
                        workload: w.workload.clone(),
                    },
                    if counts {
                        Outcome::Counts(1)
                    } else {
                        Outcome::Excluded
                    },
                    Evidence::Unit(UnitEvidence {
                        side: 0,
                        customer: c.id.clone(),
                        workload: Some(w.workload.clone()),
                        month,
                        measure: Measure::Mcv {
                            usage: w.usage_in(month).amount(),
                            rate: rate.unwrap_or_default(),
                            value,
                        },
                        bounds: None,
                        codes: codes_at(pair_attribution(c, w), month),
                        own_attribution: w.attribution.is_some(),
                        association: None,
                        status: if counts {
                            UnitStatus::Counts
                        } else {
                            UnitStatus::NoCode
                        },
                    }),
                );
            }
        }
    }
    Ok(sum)
}

/// The growth (L - P) / P x 100: truncated to 2 decimals for showing, and the whole
/// percent rounded down, at least 0, found exactly (`BA.CS.UG.FORMULA`,
/// `BA.CS.UG.POINTS`); `None` when P is 0 or the figures leave the decimal range.
pub(crate) fn growth(last: Decimal, prior: Decimal) -> Option<(Option<Decimal>, u64)> {
    if prior <= Decimal::ZERO {
        return None;
    }
    let gained = last.checked_sub(prior)?.checked_mul(Decimal::ONE_HUNDRED)?;
    let quotient = gained.checked_div(prior)?;
    let shown = quotient.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    if gained <= Decimal::ZERO {
        return Some((Some(shown), 0));
    }
    // The 28-digit quotient could sit a hair under a whole percent the exact one
    // reaches: settle the floor on the exact products.
    let mut whole = quotient.floor();
    if whole.checked_mul(prior)? > gained {
        whole -= Decimal::ONE;
    } else if (whole + Decimal::ONE).checked_mul(prior)? <= gained {
        whole += Decimal::ONE;
    }
    let whole = u64::try_from(whole).unwrap_or(u64::MAX);
    Some((Some(shown), whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> Decimal {
        v.parse().expect("a decimal")
    }

    /// BA.CS.UG.FORMULA / POINTS: exact percent, rounded down; no growth, no points;
    /// P = 0 has no percent.
    #[test]
    fn growth_is_the_whole_percent_rounded_down() {
        assert_eq!(growth(d("65000"), d("50000")), Some((Some(d("30")), 30)));
        assert_eq!(
            growth(d("64999.99"), d("50000")),
            Some((Some(d("29.99")), 29))
        );
        assert_eq!(growth(d("40000"), d("50000")), Some((Some(d("-20")), 0)));
        assert_eq!(growth(d("1"), d("0")), None);
        assert_eq!(growth(d("4"), d("3")).map(|g| g.1), Some(33));
    }
}
