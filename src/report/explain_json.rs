//! `pcscore explain --format json`: the score card with the same keys as
//! `pcscore score --format json`, then the file, and the full trace with its structured
//! evidence, for machines.
//!
//! Keys keep the order written here (serde_json's `preserve_order`), so the same input
//! gives the same bytes. Amounts are strings holding the exact decimal (`"1520.00"`),
//! never floats; months are `YYYY-MM`, dates `YYYY-MM-DD`.

use super::card::card_value;
use crate::engine::evidence::{AddVerdict, CertRole, CertStatus, DeploymentStatus, MonthAcr};
use crate::engine::{Area, Assessment, Evidence, Outcome, TraceEntry};
use crate::model::{Header, Money};
use crate::rulebook::Rulebook;
use serde_json::{json, Map, Value};

/// The explanation of an assessment as JSON.
pub fn explain_json(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    let mut value = match card_value(a, book) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    value.insert("file".into(), json!(file));
    value.insert("name".into(), json!(header.name));
    value.insert(
        "trace".into(),
        a.trace.iter().map(|e| entry(e, book)).collect(),
    );
    if !a.unused.is_empty() {
        // PCS.DATA.UNUSED: beside the trace, only when the file has such data, so the
        // explanations of files without it are unchanged.
        value.insert(
            "unused".into(),
            a.unused
                .iter()
                .map(|u| {
                    json!({
                        "customer": u.customer,
                        "field": u.field,
                        "reason": crate::report::reason::unused_words(u, book),
                    })
                })
                .collect(),
        );
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(value)).unwrap_or_default();
    text.push('\n');
    text
}

fn entry(e: &TraceEntry, book: &Rulebook) -> Value {
    let (outcome, value) = match e.outcome {
        Outcome::Note => ("note", Value::Null),
        Outcome::Counts(n) => ("counts", json!(n)),
        Outcome::Excluded => ("excluded", Value::Null),
        Outcome::Points(p) => ("points", json!(p)),
    };
    json!({
        "area": area(e.area, book),
        "clause": e.clause,
        "subject": e.subject,
        "outcome": outcome,
        "value": value,
        "reason": crate::report::reason(e),
        "evidence": e.evidence.as_ref().map_or(Value::Null, evidence),
    })
}

fn area(a: Area, book: &Rulebook) -> &str {
    match a {
        Area::Windows => "windows",
        Area::Path => "path",
        Area::Subcategory(i) => book.subcategories.get(i).map_or("subcategory", |s| &*s.key),
        Area::Designation => "designation",
    }
}

/// The exact amount as a plain decimal string with at least two decimals.
fn money(m: Money) -> Value {
    Value::String(m.plain())
}

fn month_acr(list: &[MonthAcr]) -> Value {
    list.iter()
        .map(|m| {
            json!({
                "month": m.month.to_string(),
                "acr": money(m.amount),
                "at_threshold": m.at_threshold,
            })
        })
        .collect()
}

fn evidence(ev: &Evidence) -> Value {
    match ev {
        // The 2026-05 kinds' evidence, as its fields; a table of its own can come later.
        Evidence::Unit(_)
        | Evidence::NetUnits(_)
        | Evidence::ConsumptionGrowth(_)
        | Evidence::TypeScore(_)
        | Evidence::SideSteps(_)
        | Evidence::PairPath { .. }
        | Evidence::PathChoice(_) => json!({
            "kind": "workload_rule",
            "data": format!("{ev:?}"),
        }),
        Evidence::Window { from, to } => json!({
            "kind": "window",
            "from": from.to_string(),
            "to": to.to_string(),
        }),
        Evidence::Attribution {
            customer,
            segment,
            codes,
        } => json!({
            "kind": "attribution",
            "customer": customer,
            "segment": segment.map(|s| s.as_str()),
            "attribution": codes,
        }),
        Evidence::Path(p) => json!({
            "kind": "path",
            "path": p.path.as_str(),
            "given": p.given.map(|g| g.as_str()),
            "derived": p.derived.as_str(),
            "driven_acr": money(p.driven_acr),
            "driven_acr_limit": p.driven_acr_limit.map(money),
            "active_customers": p.active_customers,
            "smb_customers": p.smb_customers,
            "smb_share_needed_percent": p.smb_share_needed,
        }),
        Evidence::CustomerAcr(c) => json!({
            "kind": "customer_acr",
            "customer": c.customer,
            "threshold": money(c.threshold),
            "baseline": month_acr(&c.baseline),
            "recent": month_acr(&c.recent),
            "verdict": match c.verdict {
                AddVerdict::Add => "add",
                AddVerdict::Loss => "loss",
                AddVerdict::Neutral => "neutral",
            },
            "finding": c.finding,
        }),
        Evidence::NetAdds {
            adds,
            losses,
            counted,
        } => json!({
            "kind": "net_adds",
            "adds": adds,
            "losses": losses,
            "counted": counted,
        }),
        Evidence::Certification(c) => json!({
            "kind": "certification",
            "person": c.person,
            "associated": c.associated,
            "cert": c.cert,
            "title": c.title,
            "role": c.role.map(|r| match r {
                CertRole::Prerequisite => "prerequisite",
                CertRole::Scoring => "scoring",
            }),
            "earned": c.earned.to_string(),
            "expires": c.expires.map(|d| d.to_string()),
            "judged_on": c.judged_on.to_string(),
            "status": match c.status {
                CertStatus::Active => "active",
                CertStatus::NotYetEarned => "not_yet_earned",
                CertStatus::Expired => "expired",
                CertStatus::NotAssociated => "not_associated",
                CertStatus::Retired => "retired",
                CertStatus::NotScored => "not_scored",
            },
            "why_not": c.why_not,
        }),
        Evidence::Skilling(s) => json!({
            "kind": "skilling",
            "prerequisite_people": s.prerequisite_people,
            "prerequisite_needed": s.prerequisite_needed,
            "scoring_people": s.scoring_people,
            "counted_people": s.counted_people,
        }),
        Evidence::GrowthCustomer {
            customer,
            last,
            prior,
        } => json!({
            "kind": "growth_customer",
            "customer": customer,
            "last": money(*last),
            "prior": money(*prior),
        }),
        Evidence::GrowthTotals {
            last_month,
            last,
            prior_month,
            prior,
        } => json!({
            "kind": "growth_totals",
            "last_month": last_month.to_string(),
            "last": money(*last),
            "prior_month": prior_month.to_string(),
            "prior": money(*prior),
        }),
        Evidence::GrowthRate {
            percent,
            whole_percent,
        } => json!({
            "kind": "growth_rate",
            "percent": percent,
            "whole_percent": whole_percent,
        }),
        Evidence::Deployment(d) => {
            let (status, service, into, reasons) = match &d.status {
                DeploymentStatus::Counted { service } => {
                    ("counted", Some(service), None, Vec::new())
                }
                DeploymentStatus::Merged { service, into } => {
                    ("merged", Some(service), Some(*into), Vec::new())
                }
                DeploymentStatus::Refused { reasons } => (
                    "refused",
                    None,
                    None,
                    reasons
                        .iter()
                        .map(|(clause, reason)| json!({"clause": clause, "reason": reason}))
                        .collect(),
                ),
            };
            json!({
                "kind": "deployment",
                "number": d.number,
                "customer": d.customer,
                "service": d.service,
                "service_level": d.service_level,
                "month": d.month.to_string(),
                "attribution": d.attribution,
                "own_attribution": d.own_attribution,
                "status": status,
                "distinct_service": service,
                "merged_into": into,
                "refusals": reasons,
            })
        }
        Evidence::DistinctServices { services, counted } => json!({
            "kind": "distinct_services",
            "services": services
                .iter()
                .map(|(name, entries)| json!({"service": name, "deployments": entries}))
                .collect::<Vec<_>>(),
            "counted": counted,
        }),
    }
}
