//! Customer success: usage growth (`DAI.CS.UG.*`).
//!
//! Eligible ACR in M against the same month last year, as an exact decimal percentage;
//! one point per whole percent, rounded down, 0 to 20, and nothing without USD 1,000 in
//! M or without a baseline.

use super::{EngineError, Evidence, Outcome, Scoring, Tracer};
use crate::model::{Customer, Money, Month, Points};
use crate::rulebook::{clause, Rulebook, UsageGrowthRule};
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
            t.push_with(
                area,
                clause::UG_FORMULA,
                format!("customer {}", c.id),
                Outcome::Note,
                format!("{as_of} {l}; {then} {p}"),
                Evidence::GrowthCustomer {
                    customer: c.id.clone(),
                    last: l,
                    prior: p,
                },
            );
        }
        last = last.checked_add(l).ok_or(OVERFLOW)?;
        prior = prior.checked_add(p).ok_or(OVERFLOW)?;
    }
    t.push_with(
        area,
        clause::UG_FORMULA,
        "partner",
        Outcome::Note,
        format!("L = eligible ACR in {as_of} = {last}; P = eligible ACR in {then} = {prior}"),
        Evidence::GrowthTotals {
            last_month: as_of,
            last,
            prior_month: then,
            prior,
        },
    );
    let minimum = book.min_last_month_acr();
    let mut points = None;
    if last < minimum {
        t.push(
            area,
            &rule.min_acr_clause,
            "partner",
            Outcome::Excluded,
            format!("{last} in {as_of} is under the {minimum} needed to qualify"),
        );
        points = Some(Points::ZERO);
    }
    if prior.is_zero() {
        t.push(
            area,
            clause::UG_NO_BASELINE,
            "partner",
            Outcome::Excluded,
            format!("no baseline: eligible ACR in {then} is {prior}, so growth is undefined"),
        );
        points = Some(Points::ZERO);
    }
    let points = match points {
        Some(p) => p,
        None => {
            let whole = whole_percent(last.amount(), prior.amount())?;
            // Beyond the decimal range the points are capped anyway.
            let earned = Decimal::from(whole.max(0))
                .checked_mul(rule.points_per_percent.value())
                .unwrap_or(Decimal::MAX);
            let points = Points::new(earned).min(max);
            let shown = shown_percent(last.amount(), prior.amount());
            t.push_with(
                area,
                clause::UG_FORMULA,
                "partner",
                Outcome::Note,
                format!(
                    "growth = ({last} - {prior}) / {prior} x 100 = {}",
                    shown
                        .as_ref()
                        .map_or("an out-of-range percentage".to_string(), |p| format!(
                            "{p}%"
                        ))
                ),
                Evidence::GrowthRate {
                    percent: shown,
                    whole_percent: whole,
                },
            );
            t.push(
                area,
                &rule.clause,
                "usage growth",
                Outcome::Points(points),
                format!(
                    "{whole} whole percent x {} point, held between 0 and {}",
                    rule.points_per_percent, max
                ),
            );
            return Ok(points);
        }
    };
    t.push(
        area,
        &rule.clause,
        "usage growth",
        Outcome::Points(points),
        "no growth points",
    );
    Ok(points)
}

/// The growth percentage rounded down to a whole number, exactly: the largest k with
/// k x P <= 100 x (L - P). Decimal division alone could round up across an integer.
fn whole_percent(last: Decimal, prior: Decimal) -> Result<i64, EngineError> {
    let diff = last.checked_sub(prior).ok_or(OVERFLOW)?;
    let scaled = diff.checked_mul(Decimal::ONE_HUNDRED).ok_or(OVERFLOW)?;
    let mut k = scaled.checked_div(prior).ok_or(OVERFLOW)?.floor();
    let fits = |k: Decimal| k.checked_mul(prior).map(|kp| kp <= scaled);
    while fits(k) == Some(false) {
        k -= Decimal::ONE;
    }
    while fits(k + Decimal::ONE) == Some(true) {
        k += Decimal::ONE;
    }
    // Beyond i64 the points are capped anyway.
    Ok(i64::try_from(k).unwrap_or(if k.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// The percentage truncated to two decimals, for explanations; `None` out of range.
fn shown_percent(last: Decimal, prior: Decimal) -> Option<String> {
    (last - prior)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|s| s.checked_div(prior))
        .map(|q| q.trunc_with_scale(2).normalize().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn pct(l: &str, p: &str) -> i64 {
        whole_percent(Decimal::from_str(l).unwrap(), Decimal::from_str(p).unwrap()).unwrap()
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
}
