//! Usage growth's moves: the least whole-cent amount of ACR to add in M, to the eligible
//! customer with the most ACR in M, for growth to earn a number of points. The amounts
//! are exact, so usage growth is planned by price rather than climbed.

use super::{top_eligible, whole, Action, Ask, Climb, Purpose};
use crate::model::{Money, Month, Points, ScoreCard, Situation};
use crate::rulebook::{Rule, Rulebook, Subcategory, UsageGrowthRule};
use rust_decimal::{Decimal, RoundingStrategy};

/// The first subcategory scored by usage growth, with its rule.
pub(crate) fn rule_of(book: &Rulebook) -> Option<(&Subcategory, &UsageGrowthRule)> {
    super::first_of(book, |r| match r {
        Rule::UsageGrowth(rule) => Some(rule),
        _ => None,
    })
}

/// Eligible ACR in M and in the growth comparison month (L and P of the formula).
pub(crate) fn sums(s: &Situation, book: &Rulebook) -> (Decimal, Decimal) {
    let (then, _) = book.windows.growth_comparison.bounds(s.as_of);
    let (last, prior) = s
        .customers
        .iter()
        .filter(|c| book.attribution.any_eligible(c.codes_at(s.as_of)))
        // Summed as exact money (a decimal's `+` rounds past 28 digits and panics past its
        // range); only the totals become decimals, for the arithmetic of the top-up.
        .fold((Money::ZERO, Money::ZERO), |(l, p), c| {
            (
                l.checked_add(c.acr_in(s.as_of)).unwrap_or(l),
                p.checked_add(c.acr_in(then)).unwrap_or(p),
            )
        });
    (last.amount(), prior.amount())
}

/// The least whole-cent amount of ACR to add in M, to the eligible customer with the
/// most ACR in M, for usage growth to earn `target` points; `None` when no amount can
/// (no baseline) or none is needed.
///
/// Growth earns `points_per_percent` per whole percent, so `target` points need
/// k = ceil(target / points_per_percent) percent: L >= P x (100 + k) / 100, and L at
/// least the minimum. Computed exactly in decimal, then rounded up to the cent.
pub(crate) fn growth(s: &Situation, book: &Rulebook, target: u32) -> Option<Action> {
    GrowthBase::of(s, book).top_up(book, target)
}

/// What every usage growth top-up on one situation starts from, read in one pass over
/// the customers however many targets are priced.
pub(crate) struct GrowthBase {
    /// Eligible ACR in M and in the growth comparison month.
    sums: (Decimal, Decimal),
    /// M, and the eligible customer with the most ACR in M (the first of equal ones,
    /// by id) with that ACR.
    month: Month,
    top: Option<(String, Money)>,
}

impl GrowthBase {
    pub(crate) fn of(s: &Situation, book: &Rulebook) -> GrowthBase {
        let top = top_eligible(s, book).map(|c| (c.id.clone(), c.acr_in(s.as_of)));
        GrowthBase {
            sums: sums(s, book),
            month: s.as_of,
            top,
        }
    }

    /// [`growth`] for one target.
    pub(crate) fn top_up(&self, book: &Rulebook, target: u32) -> Option<Action> {
        let (_, rule) = rule_of(book)?;
        let (last, prior) = self.sums;
        let per_percent = rule.points_per_percent.value();
        if prior <= Decimal::ZERO || per_percent <= Decimal::ZERO {
            return None;
        }
        let k = (Decimal::from(target) / per_percent).ceil();
        let needed = (prior * (Decimal::ONE_HUNDRED + k) / Decimal::ONE_HUNDRED)
            .max(rule.min_last_month_acr().amount());
        let add = (needed - last).round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
        if add <= Decimal::ZERO {
            return None;
        }
        let (customer, from) = self.top.as_ref()?;
        let to = Money::from_decimal(from.amount().checked_add(add)?)?;
        Some(Action::RaiseAcr {
            customer: customer.clone(),
            month: self.month,
            from: *from,
            to,
            purpose: Purpose::Growth { target },
        })
    }
}

/// The top-ups to the next point and to the maximum (usage growth earns whole points).
pub(super) fn offers(ask: &Ask, card: &ScoreCard) -> Vec<Action> {
    let Some((sub, _)) = rule_of(ask.book) else {
        return Vec::new();
    };
    let (g, max) = (whole(card.points_of(&sub.key)), whole(sub.max));
    if g >= max {
        return Vec::new();
    }
    let mut targets = vec![g + 1, max];
    targets.dedup();
    let base = GrowthBase::of(ask.s, ask.book);
    let mut out: Vec<Action> = Vec::new();
    for target in targets {
        if let Some(action) = base.top_up(ask.book, target) {
            if !out.contains(&action) {
                out.push(action);
            }
        }
    }
    out
}

/// One priced top-up per whole point above the card's.
pub(super) fn climb(ask: &Ask, sub: &Subcategory, card: &ScoreCard) -> Climb {
    let now = whole(card.points_of(&sub.key));
    let max = whole(sub.max);
    let base = GrowthBase::of(ask.s, ask.book);
    Climb::Priced(
        (now + 1..=max)
            .filter_map(|target| {
                let gain = Points::from(target - now);
                Some((gain, base.top_up(ask.book, target)?))
            })
            .collect(),
    )
}

/// The clauses of a top-up on the situation it is applied to: the minimum only when
/// the top-up is what reaches it. A rulebook may give the formula, the minimum and the
/// subcategory one clause id (the 2026-05 editions cite `AZ.CS.UG` for all three): the
/// minimum is then left out, not the formula with it.
pub(super) fn clauses(s: &Situation, book: &Rulebook) -> Vec<String> {
    let Some((sub, ug)) = rule_of(book) else {
        return Vec::new();
    };
    let mut v = vec![ug.clauses.formula.clone()];
    if sums(s, book).0 < ug.min_last_month_acr().amount() {
        v.push(ug.clauses.min_acr.clone());
    }
    v.push(sub.clause.clone());
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, Segment};
    use std::collections::BTreeMap;

    fn partner(l: &str, p: &str) -> Situation {
        let m = Month::parse("2025-01").unwrap();
        let mut s = Situation::new(m);
        s.customers.push(Customer {
            id: "a".into(),
            segment: Some(Segment::Enterprise),
            attribution: vec!["PAL".into()],
            acr: BTreeMap::from([
                (m, Money::parse(l).unwrap()),
                (m.months_before(12), Money::parse(p).unwrap()),
            ]),
            ..Default::default()
        });
        s
    }

    fn top_up(s: &Situation, target: u32) -> Option<String> {
        growth(s, Rulebook::builtin(), target).map(|a| a.usd().normalize().to_string())
    }

    #[test]
    fn growth_top_ups_are_exact_and_rounded_up_to_the_cent() {
        // 120% of USD 110,500.01 is USD 132,600.012: USD 4,700.012 more, so 4,700.02.
        let s = partner("127900", "110500.01");
        assert_eq!(top_up(&s, 20).as_deref(), Some("4700.02"));
        assert_eq!(top_up(&s, 16).as_deref(), Some("280.02"));
        // Already there: nothing to add.
        assert_eq!(top_up(&s, 15), None);
        // Under the USD 1,000 minimum, the minimum decides.
        let small = partner("100", "500");
        assert_eq!(top_up(&small, 1).as_deref(), Some("900"));
        // No baseline: no amount helps.
        assert_eq!(top_up(&partner("5000", "0"), 1), None);
    }

    /// A top-up cites the growth formula even where the minimum shares its clause id.
    #[test]
    fn a_top_up_past_the_minimum_still_cites_the_formula() {
        for (designation, edition) in [
            ("digital-app-innovation", "2025-01"),
            ("infrastructure", "2026-05"),
        ] {
            let book = crate::rulebook::registry::find(designation, edition).expect("rules");
            let (_, ug) = rule_of(book).expect("usage growth");
            let past = clauses(&partner("5000", "4000"), book);
            assert!(past.contains(&ug.clauses.formula), "{edition}: {past:?}");
            let under = clauses(&partner("100", "500"), book);
            assert!(under.contains(&ug.clauses.min_acr), "{edition}: {under:?}");
        }
    }
}
