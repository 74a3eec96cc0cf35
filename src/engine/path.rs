//! Path and attribution: which customers count, and whether the partner is measured on
//! the SMB or the Enterprise path, by the rulebook's kind of path rule
//! (`DAI.PATH.*`, `DAI.ATTR.ELIGIBLE` in 2025-01).

use super::evidence::{Evidence, PathEvidence};
use super::{Area, EngineError, Outcome, PathSource, Subject, Tracer};
use crate::model::{Customer, Money, PathKind, Situation};
use crate::rulebook::{
    DrivenAcrAndShare, PathRule, RevenuePairsPath, Rule, Rulebook, ShareInMonth,
};

/// The customers with an eligible attribution; the others are noted in the trace.
pub(super) fn eligible_customers<'s>(
    situation: &'s Situation,
    book: &Rulebook,
    t: &mut Tracer,
) -> Vec<&'s Customer> {
    let rule = &book.attribution;
    // What an excluded customer's ACR would have counted toward, said once per scoring.
    let counts_toward: Vec<String> = if t.on() {
        book.subcategories()
            .filter(|s| matches!(s.rule, Rule::NetCustomerAdds(_) | Rule::UsageGrowth(_)))
            .map(|s| s.title.clone())
            .collect()
    } else {
        Vec::new()
    };
    let mut eligible = Vec::with_capacity(situation.customers.len());
    for c in &situation.customers {
        // PCS.ATTR.SINCE: Azure designations judge a customer's attribution at M.
        if rule.any_eligible(c.codes_at(situation.as_of)) {
            eligible.push(c);
        } else if t.on() {
            t.record(
                Area::Path,
                &rule.clause,
                Subject::Customer(c.id.clone()),
                Outcome::Excluded,
                Evidence::Attribution {
                    customer: c.id.clone(),
                    segment: c.segment,
                    codes: c.attribution.iter().map(ToString::to_string).collect(),
                    eligible: rule.eligible.clone(),
                    counts_toward: counts_toward.clone(),
                },
            );
        }
    }
    eligible
}

/// The path: the file's when given, otherwise derived from the eligible customers by
/// the rulebook's kind of path rule.
pub(super) fn decide(
    situation: &Situation,
    eligible: &[&Customer],
    book: &Rulebook,
    t: &mut Tracer,
) -> Result<(PathKind, PathSource), EngineError> {
    match &book.path {
        PathRule::DrivenAcrAndShare(rule) => {
            driven_acr_and_share(situation, eligible, rule, book, t)
        }
        PathRule::ShareInMonth(rule) => share_in_month(situation, eligible, rule, t),
        PathRule::RevenuePairs(rule) => Ok(revenue_pairs(situation, rule, t)),
        // Scored on both paths by the engine before it gets here; Enterprise is the
        // path of the tie, should a caller ask.
        PathRule::BestOfBoth(_) => Ok(match situation.path {
            Some(given) => (given, PathSource::Explicit),
            None => (PathKind::Enterprise, PathSource::Derived),
        }),
    }
}

/// SMB when at least the rule's share of the eligible customers with ACR in M are in
/// SMB segments, or when there are none; no ACR limit (`AZ.PATH.SHARE`).
fn share_in_month(
    situation: &Situation,
    eligible: &[&Customer],
    rule: &ShareInMonth,
    t: &mut Tracer,
) -> Result<(PathKind, PathSource), EngineError> {
    let m = situation.as_of;
    let mut in_m = Money::ZERO;
    let (mut active, mut small) = (0u64, 0u64);
    for c in eligible {
        let amount = c.acr_in(m);
        if amount.is_zero() {
            continue;
        }
        active += 1;
        if is_small(c, &rule.smb_segments) {
            small += 1;
        }
        in_m = in_m
            .checked_add(amount)
            .ok_or(EngineError::Overflow("sum the ACR in M"))?;
    }
    let share_met = active == 0 || small * 100 >= u64::from(rule.smb_share_percent) * active;
    let derived = if share_met {
        PathKind::Smb
    } else {
        PathKind::Enterprise
    };
    let evidence = || PathEvidence {
        path: situation.path.unwrap_or(derived),
        given: situation.path,
        derived,
        from: m,
        to: m,
        driven_acr: in_m,
        driven_acr_limit: None,
        active_customers: active,
        smb_customers: small,
        smb_segments: rule.smb_segments.clone(),
        smb_share_needed: rule.smb_share_percent,
        smb_share_met: share_met,
    };
    Ok(explained(
        situation,
        derived,
        evidence,
        (&rule.explicit_clause, &rule.derived_clause),
        t,
    ))
}

/// Whether a customer's segment is one of `segments`; a customer without one is not.
fn is_small(c: &Customer, segments: &[String]) -> bool {
    c.segment
        .is_some_and(|s| segments.iter().any(|w| w == s.as_str()))
}

/// The path given or derived, with its trace entry (the evidence is built only when
/// the trace is kept).
fn explained(
    situation: &Situation,
    derived: PathKind,
    evidence: impl FnOnce() -> PathEvidence,
    (explicit, derived_clause): (&str, &str),
    t: &mut Tracer,
) -> (PathKind, PathSource) {
    let (path, source, clause) = match situation.path {
        Some(given) => (given, PathSource::Explicit, explicit),
        None => (derived, PathSource::Derived, derived_clause),
    };
    if t.on() {
        t.record(
            Area::Path,
            clause,
            Subject::Partner,
            Outcome::Note,
            Evidence::Path(evidence()),
        );
    }
    (path, source)
}

/// Enterprise at or above the driven-ACR limit; below it, SMB when enough eligible
/// customers with ACR in the TTM are in SMB segments.
fn driven_acr_and_share(
    situation: &Situation,
    eligible: &[&Customer],
    rule: &DrivenAcrAndShare,
    book: &Rulebook,
    t: &mut Tracer,
) -> Result<(PathKind, PathSource), EngineError> {
    let (from, to) = book.windows.ttm.bounds(situation.as_of);
    let mut driven = Money::ZERO;
    let (mut active, mut small) = (0u64, 0u64);
    for c in eligible {
        let mut sum = Money::ZERO;
        for (_, amount) in c.acr.range(from..=to) {
            sum = sum
                .checked_add(*amount)
                .ok_or(EngineError::Overflow("sum the driven ACR"))?;
        }
        if !sum.is_zero() {
            active += 1;
            if is_small(c, &rule.smb_segments) {
                small += 1;
            }
        }
        driven = driven
            .checked_add(sum)
            .ok_or(EngineError::Overflow("sum the driven ACR"))?;
    }
    let limit = rule.limit();
    let share_met = active == 0 || small * 100 >= u64::from(rule.smb_share_percent) * active;
    let derived = if driven < limit && share_met {
        PathKind::Smb
    } else {
        PathKind::Enterprise
    };
    let evidence = || PathEvidence {
        path: situation.path.unwrap_or(derived),
        given: situation.path,
        derived,
        from,
        to,
        driven_acr: driven,
        driven_acr_limit: Some(limit),
        active_customers: active,
        smb_customers: small,
        smb_segments: rule.smb_segments.clone(),
        smb_share_needed: rule.smb_share_percent,
        smb_share_met: share_met,
    };
    Ok(explained(
        situation,
        derived,
        evidence,
        (&rule.explicit_clause, &rule.derived_clause),
        t,
    ))
}

/// Enterprise when at least the rule's number of pairs have revenue within its bounds
/// in both M and M-12, with a counting code in force in each (`BA.PATH.DERIVED`,
/// `PCS.ATTR.SINCE`); SMB otherwise. A path in the file is used as is.
fn revenue_pairs(
    situation: &Situation,
    rule: &RevenuePairsPath,
    t: &mut Tracer,
) -> (PathKind, PathSource) {
    let m = situation.as_of;
    let m12 = m.months_before(12);
    let mut pairs = 0u32;
    for c in &situation.customers {
        for w in super::units::listed(c, &rule.workloads) {
            let list = super::units::pair_attribution(c, w);
            let holds = |month| {
                super::units::has_code_at(list, &rule.codes, month)
                    && rule.revenue.contains(w.revenue_in(month).amount())
            };
            if holds(m) && holds(m12) {
                pairs = pairs.saturating_add(1);
            }
        }
    }
    let derived = if pairs >= rule.min_pairs {
        PathKind::Enterprise
    } else {
        PathKind::Smb
    };
    let (path, source, clause) = match situation.path {
        Some(given) => (given, PathSource::Explicit, &rule.explicit_clause),
        None => (derived, PathSource::Derived, &rule.derived_clause),
    };
    t.record(
        Area::Path,
        clause,
        Subject::Partner,
        Outcome::Note,
        Evidence::PairPath {
            path,
            given: situation.path,
            pairs,
            needed: rule.min_pairs,
        },
    );
    (path, source)
}
