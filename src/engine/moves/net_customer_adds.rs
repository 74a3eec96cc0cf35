//! Net customer adds' moves: raise a customer with nothing in the baseline to the
//! threshold (an add), hold a customer that would be lost at the threshold, or win a new
//! customer; and the partner's net adds before the clamp, which the planner climbs.

use super::{new_segment, Action, Ask, Climb, Purpose};
use crate::engine::evidence::AddVerdict;
use crate::model::{Customer, Money, Month, PathKind, Situation};
use crate::rulebook::{NetCustomerAddsRule, Rule, Rulebook, Subcategory};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The first subcategory scored by net customer adds, with its rule: the one the
/// planner plans adds for.
pub(crate) fn rule_of(book: &Rulebook) -> Option<(&Subcategory, &NetCustomerAddsRule)> {
    super::first_of(book, |r| match r {
        Rule::NetCustomerAdds(rule) => Some(rule),
        _ => None,
    })
}

/// What a customer is for net customer adds on a path (`AddVerdict`): an add had nothing
/// in both baseline months and reached the threshold in a recent month; a loss reached
/// it in a baseline month and stayed under it in every recent month. The reading of
/// the kind's scoring file, as a pure function of one customer.
pub(crate) fn verdict(
    c: &Customer,
    threshold: Money,
    baseline: &[Month],
    recent: &[Month],
) -> AddVerdict {
    let baseline_zero = baseline.iter().all(|m| c.acr_in(*m).is_zero());
    let baseline_above = baseline.iter().any(|m| c.acr_in(*m) >= threshold);
    let recent_above = recent.iter().any(|m| c.acr_in(*m) >= threshold);
    if baseline_zero && recent_above {
        AddVerdict::Add
    } else if baseline_above && !recent_above {
        AddVerdict::Loss
    } else {
        AddVerdict::Neutral
    }
}

/// Net adds before the clamp (adds, losses) of a situation's customers on a path: only
/// those with an eligible attribution at M count, as the engine scores them.
pub(crate) fn net_adds<'c>(
    customers: impl IntoIterator<Item = &'c Customer>,
    as_of: Month,
    path: PathKind,
    book: &Rulebook,
) -> (i64, i64) {
    let Some((_, rule)) = rule_of(book) else {
        return (0, 0);
    };
    let threshold = rule.threshold_on(path);
    let baseline = book.windows.baseline.months(as_of);
    let recent = book.windows.recent.months(as_of);
    customers
        .into_iter()
        .filter(|c| book.attribution.any_eligible(c.codes_at(as_of)))
        .fold((0, 0), |(a, l), c| {
            match verdict(c, threshold, &baseline, &recent) {
                AddVerdict::Add => (a + 1, l),
                AddVerdict::Loss => (a, l + 1),
                AddVerdict::Neutral => (a, l),
            }
        })
}

/// The net adds a plan needs before the subcategory's first point, and the most that
/// earn points.
pub(super) fn climb(ask: &Ask, rule: &NetCustomerAddsRule) -> Climb {
    let (adds, losses) = net_adds(&ask.s.customers, ask.s.as_of, ask.path, ask.book);
    Climb::NetAdds {
        goal: i64::from(rule.max_adds),
        missing: (1 - (adds - losses)).max(0),
    }
}

/// One rung of the ladder: the cheapest customer to hold, the cheapest to raise, and a
/// new customer. Each is one net add, so the ladder keeps the cheapest that re-scores as
/// one (the offers are sorted by US dollars needed).
pub(super) fn rung(ask: &Ask) -> Vec<Action> {
    let mut seen = BTreeSet::new();
    offers(ask)
        .into_iter()
        .filter(|a| seen.insert(a.kind()))
        .collect()
}

/// The recent month closest to the threshold; on a tie, M (it helps growth too).
fn closest(c: &Customer, recent: &[Month]) -> Option<(Month, Money)> {
    recent
        .iter()
        .map(|m| (*m, c.acr_in(*m)))
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
}

/// Holds, then adds, each the cheapest `ask.per_kind` customers by USD needed, then a
/// new customer.
pub(crate) fn offers(ask: &Ask) -> Vec<Action> {
    let (s, book, path) = (ask.s, ask.book, ask.path);
    let Some((_, rule)) = rule_of(book) else {
        return Vec::new();
    };
    let t = rule.threshold_on(path);
    let baseline = book.windows.baseline.months(s.as_of);
    let recent = book.windows.recent.months(s.as_of);
    // (US dollars needed, id, position): the position keeps ties in file order.
    let mut adds: Vec<(Decimal, &str, usize)> = Vec::new();
    let mut holds: Vec<(Decimal, &str, usize)> = Vec::new();
    for (i, c) in s.customers.iter().enumerate() {
        if !book.attribution.any_eligible(c.codes_at(s.as_of)) {
            continue;
        }
        // A customer under the threshold in every recent month becomes an add at the
        // threshold when it had nothing in the baseline, and stops being a loss when
        // it reached the threshold there.
        let base_zero = baseline.iter().all(|m| c.acr_in(*m).is_zero());
        let base_above = baseline.iter().any(|m| c.acr_in(*m) >= t);
        if recent.iter().any(|m| c.acr_in(*m) >= t) || !(base_zero || base_above) {
            continue;
        }
        let Some(from) = closest(c, &recent) else {
            continue;
        };
        let need = t.amount() - from.1.amount();
        if base_zero {
            adds.push((need, c.id.as_str(), i));
        } else {
            holds.push((need, c.id.as_str(), i));
        }
    }
    let mut out = Vec::new();
    for (mut list, purpose) in [(holds, Purpose::Hold), (adds, Purpose::Add)] {
        // Only the cheapest few become actions: picked in linear time, then sorted.
        let order = |a: &(Decimal, &str, usize), b: &(Decimal, &str, usize)| {
            a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2))
        };
        if ask.per_kind > 0 && list.len() > ask.per_kind {
            list.select_nth_unstable_by(ask.per_kind - 1, order);
        }
        list.truncate(ask.per_kind);
        list.sort_by(order);
        for (_, _, i) in list {
            let c = &s.customers[i];
            let Some((month, from)) = closest(c, &recent) else {
                continue;
            };
            out.push(Action::RaiseAcr {
                customer: c.id.clone(),
                month,
                from,
                to: t,
                purpose,
            });
        }
    }
    if let Some(code) = book.attribution.eligible.first() {
        out.push(Action::NewCustomers {
            ids: vec![String::new()],
            segment: new_segment(path, book),
            attribution: code.clone(),
            month: s.as_of,
            amount: t,
        });
    }
    out
}

/// The clauses of a hold, an add or new customers.
pub(super) fn clauses(action: &Action, book: &Rulebook) -> Vec<String> {
    let Some((sub, r)) = rule_of(book) else {
        return Vec::new();
    };
    let verdict = |id: &String| vec![r.clauses.threshold.clone(), id.clone(), sub.clause.clone()];
    match action {
        Action::RaiseAcr {
            purpose: Purpose::Hold,
            ..
        } => verdict(&r.clauses.loss),
        Action::NewCustomers { .. } => {
            let mut v = vec![book.attribution.clause.clone()];
            v.extend(verdict(&r.clauses.add));
            v
        }
        _ => verdict(&r.clauses.add),
    }
}

/// A customer's highest month of the baseline (the later of equal ones): what a held
/// customer reached.
pub(crate) fn hold_peak(s: &Situation, customer: &str, book: &Rulebook) -> Option<(Month, Money)> {
    let base = book.windows.baseline.months(s.as_of);
    s.customers
        .iter()
        .find(|c| c.id == customer)
        .and_then(|c| base.iter().map(|m| (*m, c.acr_in(*m))).max_by_key(|x| x.1))
}
