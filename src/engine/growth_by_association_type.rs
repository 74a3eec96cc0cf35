//! Active users' growth per association type (`kind: growth_by_association_type`,
//! `MW.CS.UG.*`): for each type of the path, Now sums the active users of the path
//! tenants with the type at M, Before those at M-12 plus, for a tenant counted at M
//! whose type started after M-12, its users in the `since` month; the type's points
//! are (Now - Before) / threshold x the full points, exact, clamped; the best type
//! scores.

use super::evidence::{Evidence, TypeScore};
use super::units::{group_since, has_code_at, path_size, users};
use super::Subject;
use super::{Outcome, Scoring, Tracer};
use crate::model::{Points, Situation};
use crate::rulebook::GrowthByTypeRule;

/// The points of one growth-by-type subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &GrowthByTypeRule,
    s: &Situation,
    t: &mut Tracer,
) -> Points {
    let m = s.as_of;
    let m12 = m.months_before(12);
    let mut scores: Vec<TypeScore> = Vec::new();
    for ty in rule.thresholds.on(at.path) {
        let Some(group) = rule.tenants.group(at.path, &ty.name) else {
            continue;
        };
        let (mut now, mut before, mut since_part) = (0u64, 0u64, 0u64);
        for c in &s.customers {
            let with_type = |month| has_code_at(&c.attribution, &group.codes, month);
            if path_size(c, &rule.tenants, at.path, m, m).0 && with_type(m) {
                now = now.saturating_add(users(c, &rule.workloads, m));
                // MW.CS.UG.SINCE: growth counts only from the association.
                if let Some(Some(since)) = group_since(&c.attribution, group) {
                    if since > m12 {
                        since_part = since_part.saturating_add(users(c, &rule.workloads, since));
                    }
                }
            }
            if path_size(c, &rule.tenants, at.path, m12, m).0 && with_type(m12) {
                before = before.saturating_add(users(c, &rule.workloads, m12));
            }
        }
        let before = before.saturating_add(since_part);
        let threshold = ty.value.whole().map_or(0, u64::from);
        let points = proportional(now, before, threshold, rule.points);
        scores.push(TypeScore {
            association: ty.name.clone(),
            now,
            before,
            since_part,
            threshold,
            value: rule.points,
            points,
            best: false,
        });
    }
    let best = best_of(&mut scores);
    let points = best.min(at.sub.max);
    if t.on() {
        for score in scores {
            let clause = if score.best {
                &rule.clauses.best
            } else {
                &rule.clauses.formula
            };
            t.record(
                at.area,
                clause,
                Subject::AssociationType(score.association.clone()),
                Outcome::Points(score.points),
                Evidence::TypeScore(score),
            );
        }
    }
    points
}

/// (now - before) / threshold x full, exact, clamped to 0..full (`MW.CS.UG.POINTS`).
pub(crate) fn proportional(now: u64, before: u64, threshold: u64, full: Points) -> Points {
    let gained = now.saturating_sub(before);
    if gained == 0 || threshold == 0 {
        return Points::ZERO;
    }
    if gained >= threshold {
        return full;
    }
    // gained < threshold, which is a rulebook number: it fits.
    let gained = u32::try_from(gained).unwrap_or(u32::MAX);
    (full * gained)
        .divided_by(threshold)
        .unwrap_or(Points::ZERO)
}

/// Marks the best type (the first of equals) and gives its points; zero without types.
pub(crate) fn best_of(scores: &mut [TypeScore]) -> Points {
    let mut best: Option<usize> = None;
    for (i, s) in scores.iter().enumerate() {
        if best.is_none_or(|b| s.points > scores[b].points) {
            best = Some(i);
        }
    }
    match best {
        Some(i) => {
            scores[i].best = true;
            scores[i].points
        }
        None => Points::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// MW.CS.UG.POINTS: 250 users of growth against 1,000 is 7.5 of 30; 4,000 DPOR
    /// users of growth are the full 30; more is held at 30; a loss is 0.
    #[test]
    fn growth_points_are_proportional_and_clamped() {
        let full = Points::from(30);
        let p = |v: &str| Points::new(v.parse().expect("a decimal"));
        assert_eq!(proportional(1250, 1000, 1000, full), p("7.5"));
        assert_eq!(proportional(4000, 0, 4000, full), full);
        assert_eq!(proportional(9000, 0, 4000, full), full);
        assert_eq!(proportional(100, 200, 500, full), Points::ZERO);
        assert_eq!(proportional(1, 0, 2000, full), p("0.015"));
        assert_eq!(
            proportional(1, 0, 7, full),
            Points::fraction(30, 7).expect("30/7")
        );
    }
}
