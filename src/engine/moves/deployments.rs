//! Deployments' moves: one more distinct service in M, for the eligible customer with
//! the most ACR in M; a service the file already names but that does not count is
//! suggested by name.

use super::{new_segment, top_eligible, Action, Ask, Climb, Known, Scope, Uncounted};
use crate::model::{Deployment, PathKind, Situation};
use crate::rulebook::{DeploymentsRule, Rule, Rulebook, Subcategory};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The first subcategory scored by deployments, with its rule.
pub(crate) fn rule_of(book: &Rulebook) -> Option<(&Subcategory, &DeploymentsRule)> {
    super::first_of(book, |r| match r {
        Rule::Deployments(rule) => Some(rule),
        _ => None,
    })
}

/// Normalised service names, as the engine matches them.
fn normal(service: &str) -> String {
    service.trim().to_lowercase()
}

/// [`normal`] without a copy when the name is already in lower case ASCII, as most are:
/// a partner may list a great many deployments.
fn normal_cow(service: &str) -> Cow<'_, str> {
    let t = service.trim();
    if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.to_lowercase())
    }
}

/// Where a deployment's attribution comes from: its own, or its customer's (the first
/// customer of that id).
fn attribution_of<'a>(d: &'a Deployment, customers: &HashMap<&str, &'a [String]>) -> &'a [String] {
    match &d.attribution {
        Some(own) => own.as_slice(),
        None => customers.get(d.customer.as_str()).copied().unwrap_or(&[]),
    }
}

/// The one move: see [`deployment`].
pub(super) fn offers(ask: &Ask) -> Vec<Action> {
    deployment(ask.s, ask.path, ask.book).into_iter().collect()
}

/// A rung of the ladder is one more deployment.
pub(super) fn rung(ask: &Ask) -> Vec<Action> {
    offers(ask)
}

/// Climbed on the deployments and the customers they name, and the customer the next
/// deployment is suggested for.
pub(super) fn climb(ask: &Ask) -> Climb {
    let customer = match deployment(ask.s, ask.path, ask.book) {
        Some(Action::Deploy { customer, .. }) => Some(customer),
        _ => None,
    };
    Climb::Points {
        scope: Some(Scope::Deployments { customer }),
    }
}

/// The clauses a new deployment relies on.
pub(super) fn clauses(book: &Rulebook) -> Vec<String> {
    match rule_of(book) {
        Some((sub, d)) => vec![
            d.clauses.eligible.clone(),
            d.clauses.window.clone(),
            d.clauses.distinct.clone(),
            sub.clause.clone(),
        ],
        None => Vec::new(),
    }
}

/// One more distinct deployment in M, for the eligible customer with the most ACR in M.
/// A service the file already mentions but that does not count is suggested by name.
pub(crate) fn deployment(s: &Situation, path: PathKind, book: &Rulebook) -> Option<Action> {
    let (_, rule) = rule_of(book)?;
    let (from, to) = book.windows.ttm.bounds(s.as_of);
    let excluded: BTreeSet<String> = rule.excluded_services.iter().map(|x| normal(x)).collect();
    // The first customer of each id, as a search from the start would find it: one
    // look-up per deployment rather than a pass over the customers.
    // PCS.ATTR.SINCE: judged at M, as the engine does.
    let in_force: Vec<Vec<String>> = s
        .customers
        .iter()
        .map(|c| c.codes_at(s.as_of).map(str::to_string).collect())
        .collect();
    let mut customers: HashMap<&str, &[String]> = HashMap::with_capacity(s.customers.len());
    for (c, codes) in s.customers.iter().zip(&in_force) {
        customers.entry(c.id.as_str()).or_insert(codes.as_slice());
    }
    let names: Vec<Cow<'_, str>> = s
        .deployments
        .iter()
        .map(|d| normal_cow(&d.service))
        .collect();
    let counts = |d: &Deployment, name: &str| {
        d.service_level == rule.service_level
            && !excluded.contains(name)
            && book.attribution.any_eligible(attribution_of(d, &customers))
            && d.month.within(from, to)
    };
    let counted: HashSet<&str> = s
        .deployments
        .iter()
        .zip(&names)
        .filter(|(d, n)| counts(d, n))
        .map(|(_, n)| n.as_ref())
        .collect();
    let mentioned: HashSet<&str> = names.iter().map(AsRef::as_ref).collect();
    let known = s
        .deployments
        .iter()
        .zip(&names)
        .find(|(d, n)| {
            d.service_level == rule.service_level
                && !excluded.contains(n.as_ref())
                && !counted.contains(n.as_ref())
        })
        .map(|(d, _)| d);
    let service = match known {
        Some(d) => {
            let why = if d.month.within(from, to) {
                Uncounted::NoEligibleAttribution
            } else {
                Uncounted::OutsideWindow
            };
            let known = Known {
                customer: d.customer.clone(),
                month: d.month,
                why,
            };
            (d.service.trim().to_string(), Some(known))
        }
        None => {
            let name = (1..)
                .map(|i| format!("new service level {} service {i}", rule.service_level))
                .find(|n| !mentioned.contains(normal(n).as_str()))
                .unwrap_or_default();
            (name, None)
        }
    };
    let best = top_eligible(s, book);
    let (customer, new_customer) = match best {
        Some(c) => (c.id.clone(), None),
        None => (
            String::new(),
            Some((
                new_segment(path, book),
                book.attribution.eligible.first()?.clone(),
            )),
        ),
    };
    Some(Action::Deploy {
        customer,
        new_customer,
        services: vec![service],
        month: s.as_of,
    })
}

/// The reduced copy deployments are explored on: the deployments and the attribution
/// of the customers deployed for, with the path fixed, so that the rule scores exactly
/// as on the full situation while nothing else costs time.
pub(crate) fn deployments_only(
    s: &Situation,
    path: PathKind,
    extra_customer: Option<&str>,
) -> Situation {
    let mut r = Situation::new(s.as_of);
    r.designation = s.designation;
    r.path = Some(path);
    r.deployments = s.deployments.clone();
    let deployed: HashSet<&str> = s.deployments.iter().map(|d| d.customer.as_str()).collect();
    r.customers = s
        .customers
        .iter()
        .filter(|c| Some(c.id.as_str()) == extra_customer || deployed.contains(c.id.as_str()))
        .map(|c| crate::model::Customer {
            // Only M is kept: it picks the customer a deployment is suggested for.
            acr: c
                .acr
                .range(s.as_of..=s.as_of)
                .map(|(m, v)| (*m, *v))
                .collect(),
            id: c.id.clone(),
            segment: c.segment,
            attribution: c.attribution.clone(),
            ..crate::model::Customer::default()
        })
        .collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_names_normalise_as_the_engine_matches_them() {
        for name in [
            "azure functions",
            " Azure Functions ",
            "AZURE",
            "Çelik Servİs",
            "ǅemal",
            "ΟΔΟΣ",
            "",
            "  ",
        ] {
            assert_eq!(normal_cow(name), normal(name), "{name:?}");
        }
        assert!(matches!(
            normal_cow(" app service "),
            Cow::Borrowed("app service")
        ));
    }
}
