//! Path and attribution: which customers count, and whether the partner is measured on
//! the SMB or the Enterprise path, by the rulebook's kind of path rule
//! (`DAI.PATH.*`, `DAI.ATTR.ELIGIBLE` in 2025-01).

use super::evidence::{Evidence, PathEvidence};
use super::{Area, EngineError, Outcome, PathSource, Subject, Tracer};
use crate::model::{Customer, Money, PathKind, Situation};
use crate::rulebook::{DrivenAcrAndShare, PathRule, Rulebook, ShareInMonth};

/// The customers with an eligible attribution; the others are noted in the trace.
pub(super) fn eligible_customers<'s>(
    situation: &'s Situation,
    book: &Rulebook,
    t: &mut Tracer,
) -> Vec<&'s Customer> {
    let rule = &book.attribution;
    let mut eligible = Vec::with_capacity(situation.customers.len());
    for c in &situation.customers {
        // PCS.ATTR.SINCE: Azure designations judge a customer's attribution at M.
        if rule.any_eligible(c.codes_at(situation.as_of)) {
            eligible.push(c);
        } else if t.on() {
            let written: Vec<String> = c.attribution.iter().map(ToString::to_string).collect();
            t.push_with(
                Area::Path,
                &rule.clause,
                Subject::Customer(c.id.clone()),
                Outcome::Excluded,
                format!(
                    "attribution {} has none of {}, so its ACR counts toward neither the path, \
                     net customer adds nor usage growth{}",
                    codes(&written),
                    rule.eligible.join(", "),
                    near_misses(&written, &rule.eligible)
                ),
                Evidence::Attribution {
                    customer: c.id.clone(),
                    segment: c.segment,
                    codes: written,
                },
            );
        }
    }
    eligible
}

/// A note for codes that differ from an eligible one only in case or spacing
/// (`pal`): they are not eligible, but the analyst probably meant them to be.
pub(super) fn near_misses(written: &[String], eligible: &[String]) -> String {
    let misses: Vec<String> = written
        .iter()
        .filter_map(|w| {
            eligible
                .iter()
                .find(|e| *e != w && e.eq_ignore_ascii_case(w.trim()))
                .map(|e| format!("`{w}` is not `{e}`"))
        })
        .collect();
    if misses.is_empty() {
        String::new()
    } else {
        format!(" ({}: codes are matched exactly)", misses.join(", "))
    }
}

/// `[PAL, CSP]`, or `[] (none)`.
pub(super) fn codes(list: &[String]) -> String {
    if list.is_empty() {
        "[] (none)".to_string()
    } else {
        format!("[{}]", list.join(", "))
    }
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
    let why = if active == 0 {
        format!("no eligible customer had ACR in {m}, which means SMB")
    } else {
        format!(
            "{small} of {active} eligible customers with ACR in {m} are {} ({}), {} the {}% \
             needed for SMB; there is no ACR limit",
            rule.smb_segments.join("/").to_uppercase(),
            percent(small, active),
            if share_met { "meeting" } else { "short of" },
            rule.smb_share_percent,
        )
    };
    let evidence = PathEvidence {
        path: situation.path.unwrap_or(derived),
        given: situation.path,
        derived,
        driven_acr: in_m,
        driven_acr_limit: None,
        active_customers: active,
        smb_customers: small,
        smb_share_needed: rule.smb_share_percent,
    };
    Ok(explained(
        situation,
        derived,
        why,
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

/// The path given or derived, with its trace entry.
fn explained(
    situation: &Situation,
    derived: PathKind,
    why: String,
    evidence: PathEvidence,
    (explicit, derived_clause): (&str, &str),
    t: &mut Tracer,
) -> (PathKind, PathSource) {
    match situation.path {
        Some(given) => {
            t.push_with(
                Area::Path,
                explicit,
                Subject::Partner,
                Outcome::Note,
                format!("the file sets the path to {given}; the data alone would give {derived} ({why})"),
                Evidence::Path(evidence),
            );
            (given, PathSource::Explicit)
        }
        None => {
            t.push_with(
                Area::Path,
                derived_clause,
                Subject::Partner,
                Outcome::Note,
                format!("{derived} path: {why}"),
                Evidence::Path(evidence),
            );
            (derived, PathSource::Derived)
        }
    }
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
    if !t.on() {
        return Ok(match situation.path {
            Some(given) => (given, PathSource::Explicit),
            None => (derived, PathSource::Derived),
        });
    }
    let segments = rule.smb_segments.join("/").to_uppercase();
    let share = if active == 0 {
        "no eligible customer had ACR in the TTM".to_string()
    } else {
        format!(
            "{small} of {active} eligible customers with ACR in the TTM are {segments} ({})",
            percent(small, active)
        )
    };
    let why =
        format!(
        "driven ACR (eligible ACR summed over {from} to {to}) is {driven}, {} {limit}; {share}, \
         {} the {}% needed for SMB",
        if driven < limit { "under" } else { "at or above" },
        if share_met { "meeting" } else { "short of" },
        rule.smb_share_percent,
    );
    let evidence = |path| {
        Evidence::Path(PathEvidence {
            path,
            given: situation.path,
            derived,
            driven_acr: driven,
            driven_acr_limit: Some(limit),
            active_customers: active,
            smb_customers: small,
            smb_share_needed: rule.smb_share_percent,
        })
    };
    match situation.path {
        Some(given) => {
            t.push_with(
                Area::Path,
                &rule.explicit_clause,
                Subject::Partner,
                Outcome::Note,
                format!(
                    "the file sets the path to {given}; the data alone would give {derived} ({why})"
                ),
                evidence(given),
            );
            Ok((given, PathSource::Explicit))
        }
        None => {
            t.push_with(
                Area::Path,
                &rule.derived_clause,
                Subject::Partner,
                Outcome::Note,
                format!("{derived} path: {why}"),
                evidence(derived),
            );
            Ok((derived, PathSource::Derived))
        }
    }
}

/// `75%`, or `66.67%`, for messages only.
fn percent(part: u64, whole: u64) -> String {
    let value = rust_decimal::Decimal::from(part * 100) / rust_decimal::Decimal::from(whole);
    format!("{}%", value.round_dp(2).normalize())
}
