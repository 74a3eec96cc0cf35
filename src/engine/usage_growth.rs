//! Usage growth (`kind: usage_growth`; `DAI.CS.UG.*` in 2025-01).
//!
//! Eligible ACR in M against the rulebook's comparison month, as an exact decimal
//! percentage; the rule's points per whole percent, rounded down, up to the
//! subcategory's maximum, and nothing under the rule's minimum ACR in M or without a
//! baseline.

use super::{EngineError, Evidence, Outcome, Scoring, Subject, Tracer};
use crate::model::{Customer, Money, Month, Points};
use crate::rulebook::{Rulebook, UsageGrowthRule};
use rust_decimal::Decimal;

const OVERFLOW: EngineError = EngineError::Overflow("compute usage growth");

pub(super) fn score(
    at: &Scoring,
    rule: &UsageGrowthRule,
    as_of: Month,
    customers: &[&Customer],
    book: &Rulebook,
    t: &mut Tracer,
) -> Result<Points, EngineError> {
    let (area, max) = (at.area, at.sub.max);
    let (then, _) = book.windows.growth_comparison.bounds(as_of);
    let (mut last, mut prior) = (Money::ZERO, Money::ZERO);
    for c in customers {
        let (l, p) = (c.acr_in(as_of), c.acr_in(then));
        if t.on() && (!l.is_zero() || !p.is_zero()) {
            t.record(
                area,
                &rule.clauses.formula,
                Subject::Customer(c.id.clone()),
                Outcome::Note,
                Evidence::GrowthCustomer {
                    customer: c.id.clone(),
                    last_month: as_of,
                    last: l,
                    prior_month: then,
                    prior: p,
                },
            );
        }
        last = last.checked_add(l).ok_or(OVERFLOW)?;
        prior = prior.checked_add(p).ok_or(OVERFLOW)?;
    }
    t.record(
        area,
        &rule.clauses.formula,
        Subject::Partner,
        Outcome::Note,
        Evidence::GrowthTotals {
            last_month: as_of,
            last,
            prior_month: then,
            prior,
        },
    );
    let minimum = rule.min_last_month_acr();
    let mut points = None;
    if last < minimum {
        t.record(
            area,
            &rule.clauses.min_acr,
            Subject::Partner,
            Outcome::Excluded,
            Evidence::GrowthMinimum {
                month: as_of,
                last,
                minimum,
            },
        );
        points = Some(Points::ZERO);
    }
    if prior.is_zero() {
        t.record(
            area,
            &rule.clauses.no_baseline,
            Subject::Partner,
            Outcome::Excluded,
            Evidence::NoBaseline { month: then, prior },
        );
        points = Some(Points::ZERO);
    }
    let subject = || Subject::Subcategory(at.sub.title.clone());
    let points = match points {
        Some(p) => p,
        None => {
            let whole = whole_percent(last, prior)?;
            // Beyond the decimal range the points are capped anyway.
            let earned = Decimal::from(whole.max(0))
                .checked_mul(rule.points_per_percent.value())
                .unwrap_or(Decimal::MAX);
            let points = Points::new(earned).min(max);
            if t.on() {
                t.record(
                    area,
                    &rule.clauses.formula,
                    Subject::Partner,
                    Outcome::Note,
                    Evidence::GrowthRate {
                        last,
                        prior,
                        percent: shown_percent(last, prior),
                        whole_percent: whole,
                    },
                );
                t.record(
                    area,
                    &at.sub.clause,
                    subject(),
                    Outcome::Points(points),
                    Evidence::GrowthPoints {
                        whole_percent: whole,
                        points_per_percent: rule.points_per_percent,
                        max,
                    },
                );
            }
            return Ok(points);
        }
    };
    if t.on() {
        t.record(
            area,
            &at.sub.clause,
            subject(),
            Outcome::Points(points),
            Evidence::NoGrowthPoints,
        );
    }
    Ok(points)
}

/// The growth percentage rounded down to a whole number, exactly: floor(100 x (L - P) / P)
/// on the sums' integer units. Decimal division rounds to 28 digits and could cross an
/// integer either way.
fn whole_percent(last: Money, prior: Money) -> Result<i64, EngineError> {
    let (quotient, _) = ratio(last, prior, 100)?;
    // Beyond i64 the points are capped anyway.
    Ok(i64::try_from(quotient).unwrap_or(if quotient < 0 { i64::MIN } else { i64::MAX }))
}

/// floor(scale x (L - P) / P) for a positive P, and whether the division was exact.
fn ratio(last: Money, prior: Money, scale: i128) -> Result<(i128, bool), EngineError> {
    let (l, p) = (last.units(), prior.units());
    if p <= 0 {
        return Err(OVERFLOW);
    }
    let scaled = l
        .checked_sub(p)
        .and_then(|d| d.checked_mul(scale))
        .ok_or(OVERFLOW)?;
    Ok((scaled.div_euclid(p), scaled.rem_euclid(p) == 0))
}

/// The percentage truncated to two decimals, for explanations; `None` out of range.
fn shown_percent(last: Money, prior: Money) -> Option<String> {
    let (floor, exact) = ratio(last, prior, 10_000).ok()?;
    // Truncated toward zero, as a decimal's `trunc_with_scale` is: a negative growth
    // between two hundredths goes up to the one nearer zero.
    let hundredths = if floor < 0 && !exact {
        floor + 1
    } else {
        floor
    };
    Decimal::try_from_i128_with_scale(hundredths, 2)
        .ok()
        .map(|q| q.normalize().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Money {
        Money::parse(text).unwrap()
    }

    fn pct(l: &str, p: &str) -> i64 {
        whole_percent(money(l), money(p)).unwrap()
    }

    fn shown(l: &str, p: &str) -> Option<String> {
        shown_percent(money(l), money(p))
    }

    #[test]
    fn rounds_down_exactly() {
        assert_eq!(pct("1199.99", "1000"), 19);
        assert_eq!(pct("1200", "1000"), 20);
        assert_eq!(pct("1000", "1000"), 0);
        assert_eq!(pct("999.99", "1000"), -1);
        assert_eq!(pct("4", "3"), 33);
        // 1/3 growth in a way decimal division rounds: 100 * (4 - 3) / 3 = 33.333...
        assert_eq!(pct("2", "3"), -34);
    }

    #[test]
    fn shows_two_decimals_truncated_toward_zero() {
        assert_eq!(shown("1200", "1000").as_deref(), Some("20"));
        assert_eq!(shown("1199.99", "1000").as_deref(), Some("19.99"));
        assert_eq!(shown("4", "3").as_deref(), Some("33.33"));
        assert_eq!(shown("2", "3").as_deref(), Some("-33.33"));
        assert_eq!(shown("500", "1000").as_deref(), Some("-50"));
        assert_eq!(shown("0", "1000").as_deref(), Some("-100"));
    }

    /// The sums the issue gave: 14,000 customers of USD 5e14 and 6e14, plus one of
    /// USD 1e-9 and 1.2e-9, grew by exactly 20%, which decimal sums made 19.
    #[test]
    fn growth_of_exactly_twenty_percent_over_huge_sums_is_twenty() {
        let (mut l, mut p) = (Money::ZERO, Money::ZERO);
        for _ in 0..14_000 {
            l = l.checked_add(money("600000000000000")).unwrap();
            p = p.checked_add(money("500000000000000")).unwrap();
        }
        l = l.checked_add(money("0.0000000012")).unwrap();
        p = p.checked_add(money("0.000000001")).unwrap();
        assert_eq!(whole_percent(l, p), Ok(20));
        assert_eq!(shown_percent(l, p).as_deref(), Some("20"));
        let less = Money::from_decimal(l.amount()).unwrap();
        assert_eq!(whole_percent(less, p), Ok(19), "the rounded sum");
    }
}
