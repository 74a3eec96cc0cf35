//! Units counted at M against M-12 (`kind: net_units`): Business Applications' revenue
//! pairs and MCV deployments, Modern Work's path tenants, Security's Azure customers
//! and Microsoft 365 tenants, each side on its own.
//!
//! Per side, the units that qualify at M less those at M-12, floored at 0; the sides'
//! nets added (`SEC.SIDES`), held to the path's maximum (`PCS.NET.CLAMP`), times the
//! path's points per unit, then the subcategory's cap.

use super::evidence::{Evidence, Measure, NetUnitsTally, SideCount, UnitEvidence, UnitStatus};
use super::units::{
    codes_at, has_code_at, licences, listed, mcv, net, pair_attribution, path_size, security_ttm,
    share_reached, sizes, users,
};
use super::Subject;
use super::{Area, Outcome, Scoring, Tracer};
use crate::model::{Customer, Month, PathKind, Points, Situation};
use crate::rulebook::{NetUnitsRule, TenantRule, UnitTest};

/// The points of one `net_units` subcategory.
pub(super) fn score(at: &Scoring, rule: &NetUnitsRule, s: &Situation, t: &mut Tracer) -> Points {
    let m = s.as_of;
    let m12 = m.months_before(12);
    let mut sides = Vec::with_capacity(rule.sides.len());
    for (i, side) in rule.sides.iter().enumerate() {
        let judge = Judge {
            side: i,
            test: side,
            path: at.path,
            as_of: m,
            area: at.area,
        };
        let at_m = judge.count(s, m, t);
        let at_m12 = judge.count(s, m12, t);
        sides.push(SideCount {
            at_m,
            at_m12,
            net: net(at_m, at_m12),
        });
    }
    let total = sides.iter().fold(0u32, |a, s| a.saturating_add(s.net));
    let max_units = rule.max_units.map(|m| *m.on(at.path));
    let counted = max_units.map_or(total, |max| total.min(max));
    let per_unit = *rule.points_per_unit.on(at.path);
    let raw = per_unit * counted;
    let points = raw.min(at.sub.max);
    if t.on() {
        t.record(
            at.area,
            &at.sub.clause,
            Subject::Subcategory(at.sub.title.clone()),
            Outcome::Points(points),
            Evidence::NetUnits(NetUnitsTally {
                month: m,
                prior_month: m12,
                sides,
                counted,
                max_units,
                per_unit,
                raw,
            }),
        );
    }
    points
}

/// One side's test on one path.
struct Judge<'r> {
    side: usize,
    test: &'r UnitTest,
    path: PathKind,
    as_of: Month,
    area: Area,
}

impl Judge<'_> {
    /// The units that qualify in a month; each judged unit with data then is traced.
    fn count(&self, s: &Situation, month: Month, t: &mut Tracer) -> u32 {
        let mut n = 0u32;
        for c in &s.customers {
            for unit in self.units(c, month) {
                if unit.status == UnitStatus::Counts {
                    n = n.saturating_add(1);
                }
                if t.on() {
                    let subject = match &unit.workload {
                        Some(w) => Subject::Pair {
                            customer: c.id.clone(),
                            workload: w.to_string(),
                        },
                        None => Subject::Customer(c.id.clone()),
                    };
                    let sign = if month == self.as_of { 1 } else { -1 };
                    let outcome = if unit.status == UnitStatus::Counts {
                        Outcome::Counts(sign)
                    } else {
                        Outcome::Excluded
                    };
                    t.record(
                        self.area,
                        self.test.clause(),
                        subject,
                        outcome,
                        Evidence::Unit(unit),
                    );
                }
            }
        }
        n
    }

    /// The customer's units judged in a month: those with a figure then, or that count.
    fn units(&self, c: &Customer, month: Month) -> Vec<UnitEvidence> {
        let unit = |workload: Option<&str>, measure, bounds, codes, own, status| UnitEvidence {
            side: self.side,
            customer: c.id.clone(),
            workload: workload.map(str::to_string),
            month,
            measure,
            bounds,
            codes,
            own_attribution: own,
            association: None,
            status,
        };
        let mut out = Vec::new();
        match self.test {
            UnitTest::RevenuePairs {
                workloads,
                codes,
                revenue,
                ..
            } => {
                for w in listed(c, workloads) {
                    let list = pair_attribution(c, w);
                    let amount = w.revenue_in(month).amount();
                    let bounds = *revenue.on(self.path);
                    let status = judged(has_code_at(list, codes, month), bounds, amount);
                    if status == UnitStatus::Counts || !amount.is_zero() {
                        out.push(unit(
                            Some(&w.workload),
                            Measure::Revenue(amount),
                            Some(bounds),
                            codes_at(list, month),
                            w.attribution.is_some(),
                            status,
                        ));
                    }
                }
            }
            UnitTest::McvPairs {
                consumption,
                mcv: b,
                ..
            } => {
                for w in &c.workloads {
                    let Some((value, counts)) = mcv(c, w, consumption, month) else {
                        continue;
                    };
                    let bounds = *b.on(self.path);
                    let status = judged(counts, bounds, value);
                    if status == UnitStatus::Counts || !value.is_zero() {
                        let rate = consumption.rate_of(&w.workload).map(|r| r.0);
                        out.push(unit(
                            Some(&w.workload),
                            Measure::Mcv {
                                usage: w.usage_in(month).amount(),
                                rate: rate.unwrap_or_default(),
                                value,
                            },
                            Some(bounds),
                            codes_at(pair_attribution(c, w), month),
                            w.attribution.is_some(),
                            status,
                        ));
                    }
                }
            }
            UnitTest::PathTenants { tenants, .. } => {
                if let Some((measure, status)) = self.tenant(c, tenants, month) {
                    out.push(unit(
                        None,
                        measure,
                        None,
                        codes_at(&c.attribution, month),
                        false,
                        status,
                    ));
                }
            }
            UnitTest::DeployedTenants {
                tenants,
                workloads,
                share_percent,
                ..
            } => {
                if let Some((_, status)) = self.tenant(c, tenants, month) {
                    let (u, l) = (users(c, workloads, month), licences(c, workloads, month));
                    let status = match status {
                        UnitStatus::Counts if !share_reached(u, l, *share_percent) => {
                            UnitStatus::Short
                        }
                        other => other,
                    };
                    out.push(unit(
                        None,
                        Measure::Share {
                            users: u,
                            licences: l,
                            percent: *share_percent,
                        },
                        None,
                        codes_at(&c.attribution, month),
                        false,
                        status,
                    ));
                }
            }
            UnitTest::SecurityCustomers { security, ttm, .. } => {
                let amount = security_ttm(c, &security.services, month);
                let bounds = *ttm.on(self.path);
                let status = judged(
                    has_code_at(&c.attribution, &security.codes, month),
                    bounds,
                    amount,
                );
                if status == UnitStatus::Counts || !amount.is_zero() {
                    out.push(unit(
                        None,
                        Measure::SecurityTtm(amount),
                        Some(bounds),
                        codes_at(&c.attribution, month),
                        false,
                        status,
                    ));
                }
            }
        }
        out
    }

    /// A tenant's size and path in a month, when it has a listed workload with paid
    /// licences then.
    fn tenant(
        &self,
        c: &Customer,
        rule: &TenantRule,
        month: Month,
    ) -> Option<(Measure, UnitStatus)> {
        let largest = listed(c, &rule.size_workloads)
            .map(|w| w.paid_licences_in(month))
            .max()
            .unwrap_or(0);
        if largest == 0 {
            return None;
        }
        let (of_size, carried) = path_size(c, rule, self.path, month, self.as_of);
        let now = sizes(c, rule, month);
        let has_type = rule
            .types
            .on(self.path)
            .iter()
            .any(|g| has_code_at(&c.attribution, &g.codes, month));
        let status = if !of_size {
            UnitStatus::NotPathSize
        } else if !has_type {
            UnitStatus::NoCode
        } else {
            UnitStatus::Counts
        };
        Some((
            Measure::Size {
                largest,
                enterprise: now.enterprise,
                smb: now.smb || carried,
                carried,
            },
            status,
        ))
    }
}

/// A unit with a figure against bounds: no counting code, short of the bounds, or
/// counting (`PCS.COMPARE` is the bounds' own test).
fn judged(
    has_code: bool,
    bounds: crate::rulebook::Bounds,
    value: rust_decimal::Decimal,
) -> UnitStatus {
    if !has_code {
        UnitStatus::NoCode
    } else if !bounds.contains(value) {
        UnitStatus::Short
    } else {
        UnitStatus::Counts
    }
}
