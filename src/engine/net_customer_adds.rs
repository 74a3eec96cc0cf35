//! Net customer adds (`kind: net_customer_adds`; `DAI.PERF.NCA.*` in 2025-01).
//!
//! A customer is an add when it had nothing in both baseline months and reached the
//! path's threshold in one of the recent months; a loss when it reached the threshold
//! in a baseline month and stayed under it in every recent month. The rule's points per
//! net add, with net adds held between 0 and its maximum.

use super::evidence::{AddFinding, AddVerdict, CustomerAcr, Evidence, MonthAcr};
use super::{Outcome, Scoring, Subject, Tracer};
use crate::model::{Customer, Money, Month, Points};
use crate::rulebook::{NetCustomerAddsRule, Rulebook};

pub(super) fn score(
    at: &Scoring,
    rule: &NetCustomerAddsRule,
    as_of: Month,
    customers: &[&Customer],
    book: &Rulebook,
    t: &mut Tracer,
) -> Points {
    let (area, path) = (at.area, at.path);
    let threshold = rule.threshold_on(path);
    if t.on() {
        t.record(
            area,
            &rule.clauses.threshold,
            Subject::Threshold,
            Outcome::Note,
            Evidence::Threshold {
                amount: threshold,
                path,
            },
        );
    }
    let baseline = book.windows.baseline.months(as_of);
    let recent = book.windows.recent.months(as_of);
    let (mut adds, mut losses) = (0i64, 0i64);
    for c in customers {
        let b: Vec<(Month, Money)> = baseline.iter().map(|&m| (m, c.acr_in(m))).collect();
        let r: Vec<(Month, Money)> = recent.iter().map(|&m| (m, c.acr_in(m))).collect();
        let baseline_zero = b.iter().all(|(_, a)| a.is_zero());
        let baseline_above = b.iter().any(|(_, a)| *a >= threshold);
        let recent_above = r.iter().any(|(_, a)| *a >= threshold);
        let add = baseline_zero && recent_above;
        let loss = !add && baseline_above && !recent_above;
        adds += i64::from(add);
        losses += i64::from(loss);
        if !t.on() {
            continue;
        }
        let (id, outcome, verdict, finding) = if add {
            (
                &rule.clauses.add,
                Outcome::Counts(1),
                AddVerdict::Add,
                AddFinding::Add,
            )
        } else if loss {
            (
                &rule.clauses.loss,
                Outcome::Counts(-1),
                AddVerdict::Loss,
                AddFinding::Loss,
            )
        } else {
            let finding = if baseline_above {
                AddFinding::HeldAbove
            } else if baseline_zero {
                AddFinding::NeverReached
            } else {
                let (month, amount) = b
                    .iter()
                    .find(|(_, a)| !a.is_zero())
                    .copied()
                    .unwrap_or((as_of, Money::ZERO));
                AddFinding::BaselineUnderThreshold { month, amount }
            };
            (
                &rule.clauses.neutral,
                Outcome::Excluded,
                AddVerdict::Neutral,
                finding,
            )
        };
        let marked = |list: &[(Month, Money)]| {
            list.iter()
                .map(|&(month, amount)| MonthAcr {
                    month,
                    amount,
                    at_threshold: amount >= threshold,
                })
                .collect()
        };
        t.record(
            area,
            id,
            Subject::Customer(c.id.clone()),
            outcome,
            Evidence::CustomerAcr(CustomerAcr {
                customer: c.id.clone(),
                threshold,
                baseline: marked(&b),
                recent: marked(&r),
                recent_title: book.windows.recent.title.clone(),
                verdict,
                finding,
            }),
        );
    }
    let net = adds - losses;
    let counted = net.clamp(0, i64::from(rule.max_adds)) as u32;
    let points = (rule.points_per_add * counted).min(at.sub.max);
    if !t.on() {
        return points;
    }
    t.record(
        area,
        &at.sub.clause,
        Subject::Subcategory(at.sub.title.clone()),
        Outcome::Points(points),
        Evidence::NetAdds {
            adds: u32::try_from(adds).unwrap_or(u32::MAX),
            losses: u32::try_from(losses).unwrap_or(u32::MAX),
            counted,
            max_adds: rule.max_adds,
            points_per_add: rule.points_per_add,
        },
    );
    points
}
