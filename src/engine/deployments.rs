//! Deployments (`kind: deployments`; `DAI.CS.DEP.*` in 2025-01).
//!
//! Eligible entries (the rule's service level, not an excluded service, an eligible
//! attribution, inside the trailing twelve months window) count once per distinct
//! service name.

use super::evidence::{DeploymentEvidence, DeploymentStatus, Evidence, Refusal};
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
        let attribution = match &d.attribution {
            Some(own) => own.as_slice(),
            None => customers.get(d.customer.as_str()).copied().unwrap_or(&[]),
        };
        let key = normal(&d.service);
        let level_ok = d.service_level == rule.service_level;
        let excluded_service = excluded.contains(&key);
        let attribution_ok = book.attribution.any_eligible(attribution);
        let in_window = d.month.within(from, to);
        // The subject and evidence are built only for the trace.
        let subject = || Subject::Deployment {
            number: n,
            service: d.service.trim().to_string(),
            customer: d.customer.clone(),
            month: d.month,
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
        if !(level_ok && !excluded_service && attribution_ok && in_window) {
            if t.on() {
                let mut reasons: Vec<(String, Refusal)> = Vec::new();
                if !level_ok {
                    reasons.push((
                        rule.clauses.eligible.clone(),
                        Refusal::ServiceLevel {
                            found: d.service_level,
                            needed: rule.service_level,
                        },
                    ));
                }
                if excluded_service {
                    reasons.push((
                        rule.clauses.eligible.clone(),
                        Refusal::ExcludedService {
                            service: d.service.trim().to_string(),
                        },
                    ));
                }
                if !attribution_ok {
                    reasons.push((
                        book.attribution.clause.clone(),
                        Refusal::Attribution {
                            own: d.attribution.is_some(),
                            codes: attribution.to_vec(),
                            eligible: book.attribution.eligible.clone(),
                        },
                    ));
                }
                if !in_window {
                    reasons.push((
                        rule.clauses.window.clone(),
                        Refusal::OutsideWindow {
                            month: d.month,
                            window: book.windows.ttm.title.clone(),
                            from,
                            to,
                        },
                    ));
                }
                let first = reasons.first().map(|(id, _)| id.clone());
                t.record(
                    area,
                    first.as_deref().unwrap_or(&rule.clauses.eligible),
                    subject(),
                    Outcome::Excluded,
                    evidence(DeploymentStatus::Refused { reasons }),
                );
            }
            continue;
        }
        match index.get(&key) {
            Some(&k) => {
                let (_, merged) = &mut distinct[k];
                let first = merged[0];
                merged.push(n);
                if t.on() {
                    t.record(
                        area,
                        &rule.clauses.distinct,
                        subject(),
                        Outcome::Excluded,
                        evidence(DeploymentStatus::Merged {
                            service: key,
                            into: first,
                        }),
                    );
                }
            }
            None => {
                index.insert(key.clone(), distinct.len());
                distinct.push((key.clone(), vec![n]));
                if t.on() {
                    t.record(
                        area,
                        &rule.clauses.eligible,
                        subject(),
                        Outcome::Counts(1),
                        evidence(DeploymentStatus::Counted {
                            service: key,
                            window: book.windows.ttm.title.clone(),
                        }),
                    );
                }
            }
        }
    }
    let counted = (distinct.len() as u64).min(u64::from(rule.max_services)) as u32;
    let points = (rule.points_per_service * counted).min(at.sub.max);
    if !t.on() {
        return points;
    }
    t.record(
        area,
        &at.sub.clause,
        Subject::Subcategory(at.sub.title.clone()),
        Outcome::Points(points),
        Evidence::DistinctServices {
            services: distinct,
            counted,
            max_services: rule.max_services,
            points_per_service: rule.points_per_service,
        },
    );
    points
}
