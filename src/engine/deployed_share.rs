//! Deployed path tenants per association type (`kind: deployed_share`,
//! `MW.CS.DEP.*`): a path tenant is deployed in a month when its active users reach
//! the share of its paid licences; per type, the deployed tenants with the type at M
//! (less those already deployed in their association's `since` month) minus those at
//! M-12, floored at 0, times the type's value, within the cap; the best type scores.

use super::evidence::{Evidence, Measure, TypeScore, UnitEvidence, UnitStatus};
use super::growth_by_association_type::best_of;
use super::units::{
    codes_at, group_since, has_code_at, licences, net, path_size, share_reached, users,
};
use super::Subject;
use super::{Area, Outcome, Scoring, Tracer};
use crate::model::{Customer, Month, PathKind, Points, Situation};
use crate::rulebook::{CodeGroup, DeployedShareRule};

/// The points of one deployed-share subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &DeployedShareRule,
    s: &Situation,
    t: &mut Tracer,
) -> Points {
    let m = s.as_of;
    let m12 = m.months_before(12);
    let mut scores: Vec<TypeScore> = Vec::new();
    let mut units: Vec<(String, UnitEvidence)> = Vec::new();
    for ty in rule.values.on(at.path) {
        let Some(group) = rule.tenants.group(at.path, &ty.name) else {
            continue;
        };
        let (mut at_m, mut at_m12, mut excluded) = (0u64, 0u64, 0u64);
        for c in &s.customers {
            let judge = Tenant {
                c,
                rule,
                group,
                path: at.path,
                as_of: m,
            };
            if let Some(mut unit) = judge.at(m) {
                if unit.status == UnitStatus::Counts {
                    match judge.deployed_at_since(m12) {
                        Some(since) => {
                            unit.status = UnitStatus::DeployedAtSince(since);
                            excluded += 1;
                        }
                        None => at_m += 1,
                    }
                }
                if t.on() {
                    units.push((rule.clauses.qualify.clone(), unit));
                }
            }
            if let Some(unit) = judge.at(m12) {
                if unit.status == UnitStatus::Counts {
                    at_m12 += 1;
                }
                if t.on() {
                    units.push((rule.clauses.qualify.clone(), unit));
                }
            }
        }
        let counted = net(
            u32::try_from(at_m).unwrap_or(u32::MAX),
            u32::try_from(at_m12).unwrap_or(u32::MAX),
        );
        let points = (ty.value * counted).min(at.sub.max);
        scores.push(TypeScore {
            association: ty.name.clone(),
            now: at_m,
            before: at_m12,
            since_part: excluded,
            threshold: 0,
            value: ty.value,
            points,
            best: false,
        });
    }
    let best = best_of(&mut scores);
    if t.on() {
        trace(at.area, rule, units, scores, m, t);
    }
    best.min(at.sub.max)
}

fn trace(
    area: Area,
    rule: &DeployedShareRule,
    units: Vec<(String, UnitEvidence)>,
    scores: Vec<TypeScore>,
    m: Month,
    t: &mut Tracer,
) {
    for (clause, unit) in units {
        let clause = match unit.status {
            UnitStatus::DeployedAtSince(_) => rule.clauses.exclude.clone(),
            _ => clause,
        };
        let outcome = match unit.status {
            UnitStatus::Counts if unit.month == m => Outcome::Counts(1),
            UnitStatus::Counts => Outcome::Counts(-1),
            _ => Outcome::Excluded,
        };
        t.record(
            area,
            &clause,
            Subject::Customer(unit.customer.clone()),
            outcome,
            Evidence::Unit(unit),
        );
    }
    for score in scores {
        t.record(
            area,
            &rule.clauses.points,
            Subject::AssociationType(score.association.clone()),
            Outcome::Points(score.points),
            Evidence::TypeScore(score),
        );
    }
}

/// One tenant judged for one type.
struct Tenant<'a> {
    c: &'a Customer,
    rule: &'a DeployedShareRule,
    group: &'a CodeGroup,
    path: PathKind,
    as_of: Month,
}

impl Tenant<'_> {
    /// Deployed in a month as `MW.CS.DEP.QUALIFY` says: of the path's size then (the
    /// carry-over at M only) and the share reached, whatever the attribution.
    fn deployed(&self, month: Month) -> bool {
        let w = &self.rule.workloads;
        path_size(self.c, &self.rule.tenants, self.path, month, self.as_of).0
            && share_reached(
                users(self.c, w, month),
                licences(self.c, w, month),
                self.rule.share_percent,
            )
    }

    /// The tenant in a month when it is a path tenant with the type then, or has
    /// licences of the listed workloads then.
    fn at(&self, month: Month) -> Option<UnitEvidence> {
        let w = &self.rule.workloads;
        let (u, l) = (users(self.c, w, month), licences(self.c, w, month));
        let of_size = path_size(self.c, &self.rule.tenants, self.path, month, self.as_of).0;
        let with_type = has_code_at(&self.c.attribution, &self.group.codes, month);
        if l == 0 && !(of_size && with_type) {
            return None;
        }
        let status = if !of_size {
            UnitStatus::NotPathSize
        } else if !with_type {
            UnitStatus::NoCode
        } else if !share_reached(u, l, self.rule.share_percent) {
            UnitStatus::Short
        } else {
            UnitStatus::Counts
        };
        Some(UnitEvidence {
            side: 0,
            customer: self.c.id.clone(),
            workload: None,
            month,
            measure: Measure::Share {
                users: u,
                licences: l,
                percent: self.rule.share_percent,
            },
            bounds: None,
            codes: codes_at(&self.c.attribution, month),
            own_attribution: false,
            association: Some(self.group.name.clone()),
            status,
        })
    }

    /// The type's `since` month when it is after M-12 and the tenant was deployed
    /// then (`MW.CS.DEP.EXCLUDE`, `MW.CS.DEP.SINCE_MONTH`).
    fn deployed_at_since(&self, m12: Month) -> Option<Month> {
        match group_since(&self.c.attribution, self.group) {
            Some(Some(since)) if since > m12 && self.deployed(since) => Some(since),
            _ => None,
        }
    }
}
