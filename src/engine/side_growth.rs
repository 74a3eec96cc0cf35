//! Growth on Security's two sides in whole steps (`kind: side_growth`, `SEC.CS.UG.*`):
//! the Azure side's security TTM of the customers in the path's class at M less that
//! of those in the class at M-12, and the Microsoft 365 side's active users of the
//! path tenants at M less at M-12; each side's whole steps floored at 0, added, times
//! the points per step, within the cap.

use super::evidence::{Evidence, SideSteps};
use super::units::{has_code_at, path_tenant, security_ttm, users};
use super::Subject;
use super::{EngineError, Outcome, Scoring, Tracer};
use crate::model::{Month, Points, Situation};
use crate::rulebook::SideGrowthRule;
use rust_decimal::Decimal;

/// The points of one side growth subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &SideGrowthRule,
    s: &Situation,
    t: &mut Tracer,
) -> Result<Points, EngineError> {
    let m = s.as_of;
    let m12 = m.months_before(12);
    let azure = &rule.azure;
    let class = *azure.class.on(at.path);
    let ttm_sum = |month: Month| -> Decimal {
        s.customers
            .iter()
            .filter(|c| has_code_at(&c.attribution, &azure.security.codes, month))
            .map(|c| security_ttm(c, &azure.security.services, month))
            .filter(|ttm| class.contains(*ttm))
            .sum()
    };
    let m365 = &rule.m365;
    let users_sum = |month: Month| -> u64 {
        s.customers
            .iter()
            .filter(|c| path_tenant(c, &m365.tenants, at.path, month, m))
            .map(|c| users(c, &m365.workloads, month))
            .fold(0u64, u64::saturating_add)
    };
    let sides = [
        (
            0,
            ttm_sum(m),
            ttm_sum(m12),
            azure.step.on(at.path).0,
            &azure.clause,
        ),
        (
            1,
            Decimal::from(users_sum(m)),
            Decimal::from(users_sum(m12)),
            Decimal::from(*m365.step.on(at.path)),
            &m365.clause,
        ),
    ];
    let mut total_steps = 0u64;
    for (side, now, before, step, clause) in sides {
        let steps = whole_steps(now, before, step).ok_or(EngineError::Overflow("count steps"))?;
        total_steps = total_steps.saturating_add(steps);
        if t.on() {
            let points = rule.points_per_step * u32::try_from(steps).unwrap_or(u32::MAX);
            t.record(
                at.area,
                clause,
                Subject::Side(side),
                Outcome::Points(points),
                Evidence::SideSteps(SideSteps {
                    side,
                    now,
                    before,
                    step,
                    steps,
                }),
            );
        }
    }
    let raw = rule.points_per_step * u32::try_from(total_steps).unwrap_or(u32::MAX);
    let points = raw.min(at.sub.max);
    if t.on() {
        t.record(
            at.area,
            &rule.clause,
            Subject::Subcategory(at.sub.title.clone()),
            Outcome::Points(points),
            Evidence::SideSteps(SideSteps {
                side: 2,
                now: Decimal::ZERO,
                before: Decimal::ZERO,
                step: Decimal::ZERO,
                steps: total_steps,
            }),
        );
    }
    Ok(points)
}

/// Whole steps in `now - before`, floored at 0 (`SEC.CS.UG.AZURE`, `SEC.CS.UG.M365`);
/// `None` beyond the decimal range.
pub(crate) fn whole_steps(now: Decimal, before: Decimal, step: Decimal) -> Option<u64> {
    let gained = now.checked_sub(before)?;
    if gained <= Decimal::ZERO || step <= Decimal::ZERO {
        return Some(0);
    }
    // Exact: the division of exact decimals is settled on the products.
    let mut whole = gained.checked_div(step)?.floor();
    if whole.checked_mul(step)? > gained {
        whole -= Decimal::ONE;
    } else if (whole + Decimal::ONE).checked_mul(step)? <= gained {
        whole += Decimal::ONE;
    }
    Some(u64::try_from(whole).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// USD 1,250 of growth is one Enterprise step, 1,249.99 none; 125 users one step.
    #[test]
    fn steps_are_whole_multiples_floored_at_zero() {
        let d = |v: &str| v.parse::<Decimal>().expect("a decimal");
        assert_eq!(whole_steps(d("11250"), d("10000"), d("1250")), Some(1));
        assert_eq!(whole_steps(d("11249.99"), d("10000"), d("1250")), Some(0));
        assert_eq!(whole_steps(d("100"), d("1000"), d("750")), Some(0));
        assert_eq!(whole_steps(d("250"), d("0"), d("125")), Some(2));
        assert_eq!(whole_steps(d("249"), d("0"), d("50")), Some(4));
    }
}
