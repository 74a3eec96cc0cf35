//! Deployments (`kind: deployments`; `DAI.CS.DEP.*` in 2025-01).
//!
//! Eligible entries (the rule's service level, not an excluded service, an eligible
//! attribution, inside the trailing twelve months window) count once per distinct
//! service name.

use super::evidence::{DeploymentEvidence, DeploymentStatus, Evidence};
use super::{Outcome, Scoring, Subject, Tracer};
use crate::model::{Points, Situation};
use crate::rulebook::{DeploymentsRule, Rulebook};
use std::collections::HashMap;

/// Service names match ignoring case and surrounding white space.
fn normal(service: &str) -> String {
    service.trim().to_lowercase()
}

pub(super) fn score(
    at: &Scoring,
    rule: &DeploymentsRule,
    situation: &Situation,
    book: &Rulebook,
    t: &mut Tracer,
) -> Points {
    let area = at.area;
    let excluded: Vec<String> = rule.excluded_services.iter().map(|s| normal(s)).collect();
    let (from, to) = book.windows.ttm.bounds(situation.as_of);
    // PCS.ATTR.SINCE: a deployment's customer attribution is judged at M.
    let in_force: Vec<Vec<String>> = situation
        .customers
        .iter()
        .map(|c| c.codes_at(situation.as_of).map(str::to_string).collect())
        .collect();
    let customers: HashMap<&str, &[String]> = situation
        .customers
        .iter()
        .zip(&in_force)
        .map(|(c, codes)| (c.id.as_str(), codes.as_slice()))
        .collect();
    // Distinct services in first-seen order, with the entries merged into each.
    let mut distinct: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, d) in situation.deployments.iter().enumerate() {
        let n = i + 1;
        let subject = if t.on() {
            Subject::Deployment {
                number: n,
                service: d.service.trim().to_string(),
                customer: d.customer.clone(),
                month: d.month,
            }
        } else {
            Subject::Partner
        };
        let (attribution, whose) = match &d.attribution {
            Some(own) => (own.as_slice(), "its own attribution"),
            None => (
                customers.get(d.customer.as_str()).copied().unwrap_or(&[]),
                "its customer's attribution",
            ),
        };
        let evidence = |status| {
            Evidence::Deployment(DeploymentEvidence {
                number: n,
                customer: d.customer.clone(),
                service: d.service.trim().to_string(),
                service_level: d.service_level,
                month: d.month,
                attribution: attribution.to_vec(),
                own_attribution: d.attribution.is_some(),
                status,
            })
        };
        let mut refusals: Vec<(&str, String)> = Vec::new();
        if d.service_level != rule.service_level {
            refusals.push((
                &rule.clauses.eligible,
                format!(
                    "service level {}, only level {} counts",
                    d.service_level, rule.service_level
                ),
            ));
        }
        let key = normal(&d.service);
        if excluded.contains(&key) {
            refusals.push((
                &rule.clauses.eligible,
                format!("`{}` never counts toward deployments", d.service.trim()),
            ));
        }
        if !book.attribution.any_eligible(attribution) {
            refusals.push((
                &book.attribution.clause,
                format!(
                    "{whose} {} has none of {}{}",
                    codes(attribution),
                    book.attribution.eligible.join(", "),
                    near_misses(attribution, &book.attribution.eligible)
                ),
            ));
        }
        if !d.month.within(from, to) {
            refusals.push((
                &rule.clauses.window,
                format!(
                    "{} lies outside the {} {from} to {to}",
                    d.month, book.windows.ttm.title
                ),
            ));
        }
        if let Some((id, _)) = refusals.first() {
            let why = refusals
                .iter()
                .map(|(_, w)| w.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let reasons = refusals
                .iter()
                .map(|(id, w)| ((*id).to_string(), w.clone()))
                .collect();
            t.push_with(
                area,
                id,
                subject,
                Outcome::Excluded,
                format!("not counted: {why}"),
                evidence(DeploymentStatus::Refused { reasons }),
            );
            continue;
        }
        match index.get(&key) {
            Some(&k) => {
                let (_, merged) = &mut distinct[k];
                let first = merged[0];
                merged.push(n);
                t.push_with(
                    area,
                    &rule.clauses.distinct,
                    subject,
                    Outcome::Excluded,
                    format!("same service as deployment {first}: counted once as `{key}`"),
                    evidence(DeploymentStatus::Merged {
                        service: key.clone(),
                        into: first,
                    }),
                );
            }
            None => {
                index.insert(key.clone(), distinct.len());
                distinct.push((key.clone(), vec![n]));
                t.push_with(
                    area,
                    &rule.clauses.eligible,
                    subject,
                    Outcome::Counts(1),
                    format!(
                        "eligible service level {} deployment in the {}: distinct service `{key}`",
                        rule.service_level, book.windows.ttm.title
                    ),
                    evidence(DeploymentStatus::Counted {
                        service: key.clone(),
                    }),
                );
            }
        }
    }
    let counted = (distinct.len() as u64).min(u64::from(rule.max_services)) as u32;
    let points = (rule.points_per_service * counted).min(at.sub.max);
    if !t.on() {
        return points;
    }
    let listing = distinct
        .iter()
        .map(|(name, entries)| {
            let nums = entries
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            format!("`{name}` (deployment {nums})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    t.push_with(
        area,
        &at.sub.clause,
        Subject::Subcategory(at.sub.title.clone()),
        Outcome::Points(points),
        format!(
            "{} distinct service{}{}; counted {counted} (at most {}) x {} points",
            distinct.len(),
            if distinct.len() == 1 { "" } else { "s" },
            if listing.is_empty() {
                String::new()
            } else {
                format!(": {listing}")
            },
            rule.max_services,
            rule.points_per_service
        ),
        Evidence::DistinctServices {
            services: distinct,
            counted,
        },
    );
    points
}

/// A note for codes that differ from an eligible one only in case or spacing
/// (`pal`): they are not eligible, but the analyst probably meant them to be.
fn near_misses(written: &[String], eligible: &[String]) -> String {
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
fn codes(list: &[String]) -> String {
    if list.is_empty() {
        "[] (none)".to_string()
    } else {
        format!("[{}]", list.join(", "))
    }
}
