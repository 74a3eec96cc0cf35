//! Applying the moves the rule kinds offer ([`crate::engine::moves`]): each action is
//! a modification of the planner's one copy of the situation, with what undoes it.
//!
//! The rule kinds propose the candidates and never decide what they are worth; this
//! module only applies and joins them. Every gain shown to a user comes from re-scoring
//! the changed situation with the engine ([`super`]).

pub use crate::engine::moves::{Action, Kind, Known, Purpose, Uncounted};

use crate::engine::moves::{certification_ladder, deployments};
use crate::model::{
    Attribution, Certification, Customer, Deployment, Money, Month, Person, Situation,
};
use crate::rulebook::Rulebook;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// How many existing customers are tried per kind of customer action: the cheapest ones
/// first. Bounds the cost of planning for files with very many customers.
pub const CUSTOMERS_PER_KIND: usize = 5;

impl Action {
    /// Applies the action to a situation. New people and customers get ids that are free
    /// in that situation, so the returned action (with those ids) is the one applied.
    pub fn apply(&self, s: &mut Situation, book: &Rulebook) -> Action {
        self.apply_undoable(s, book).0
    }

    /// [`Action::apply`], with what puts the situation back as it was. Applying the
    /// returned action again to the same situation gives the same ids: ids are picked
    /// from the situation, deterministically.
    pub(crate) fn apply_undoable(&self, s: &mut Situation, book: &Rulebook) -> (Action, Undo) {
        let mut done = self.clone();
        let lengths = Undo::Lengths {
            customers: s.customers.len(),
            people: s.people.len(),
            deployments: s.deployments.len(),
        };
        let undo = match &mut done {
            Action::Associate { person, .. } => {
                match s.people.iter().position(|p| p.id == *person) {
                    Some(i) => {
                        let was = s.people[i].associated;
                        s.people[i].associated = true;
                        Undo::Associated { person: i, was }
                    }
                    None => Undo::Nothing,
                }
            }
            Action::Renew {
                person,
                index,
                until,
                ..
            } => {
                let found = s.people.iter().position(|p| p.id == *person).and_then(|i| {
                    let c = s.people[i].certifications.get_mut(*index)?;
                    let was = c.expires.replace(*until);
                    Some(Undo::Expires {
                        person: i,
                        certification: *index,
                        was,
                    })
                });
                found.unwrap_or(Undo::Nothing)
            }
            Action::Retake {
                person,
                cert,
                earned,
                ..
            } => match s.people.iter().position(|p| p.id == *person) {
                Some(i) => {
                    s.people[i].certifications.push(Certification {
                        cert: cert.clone(),
                        earned: *earned,
                        expires: None,
                    });
                    Undo::PopCertification { person: i }
                }
                None => Undo::Nothing,
            },
            Action::RaiseAcr {
                customer,
                month,
                to,
                ..
            } => match s.customers.iter().position(|c| c.id == *customer) {
                Some(i) => {
                    let was = s.customers[i].acr.insert(*month, *to);
                    Undo::Acr {
                        customer: i,
                        month: *month,
                        was,
                    }
                }
                None => Undo::Nothing,
            },
            Action::NewCustomers {
                ids,
                segment,
                attribution,
                month,
                amount,
            } => {
                *ids = fresh_ids(
                    s.customers.iter().map(|c| c.id.as_str()),
                    "new-customer",
                    ids.len(),
                );
                for id in ids.iter() {
                    s.customers.push(Customer {
                        id: id.clone(),
                        segment: Some(*segment),
                        attribution: vec![Attribution::code(attribution.clone())],
                        acr: BTreeMap::from([(*month, *amount)]),
                        ..Customer::default()
                    });
                }
                lengths
            }
            Action::Deploy {
                customer,
                new_customer,
                services,
                month,
            } => {
                if let Some((segment, code)) = new_customer {
                    let id =
                        fresh_ids(s.customers.iter().map(|c| c.id.as_str()), "new-customer", 1)
                            .remove(0);
                    s.customers.push(Customer {
                        id: id.clone(),
                        segment: Some(*segment),
                        attribution: vec![Attribution::code(code.clone())],
                        acr: BTreeMap::new(),
                        ..Customer::default()
                    });
                    *customer = id;
                }
                let level = deployments::rule_of(book).map_or(0, |(_, r)| r.service_level);
                for (service, _) in services.iter() {
                    s.deployments.push(Deployment {
                        customer: customer.clone(),
                        service: service.clone(),
                        service_level: level,
                        month: *month,
                        attribution: None,
                    });
                }
                lengths
            }
            Action::Certify {
                sub,
                prerequisites,
                scoring,
                earned,
                ids,
            } => {
                let n = (prerequisites.iter().sum::<u32>() + *scoring) as usize;
                *ids = fresh_ids(s.people.iter().map(|p| p.id.as_str()), "new-person", n);
                let rule = certification_ladder::ladder(sub, book);
                let steps = rule
                    .map(certification_ladder::step_certs)
                    .unwrap_or_default();
                let scoring_cert =
                    rule.and_then(|r| certification_ladder::earnable(&r.scoring.certs, r));
                // The prerequisite people step by step, then the scoring people.
                let certs = prerequisites
                    .iter()
                    .enumerate()
                    .flat_map(|(i, p)| {
                        std::iter::repeat_n(steps.get(i).cloned().flatten(), *p as usize)
                    })
                    .chain(std::iter::repeat(scoring_cert));
                for (id, cert) in ids.iter().zip(certs) {
                    s.people.push(Person {
                        id: id.clone(),
                        associated: true,
                        certifications: cert
                            .into_iter()
                            .map(|cert| Certification {
                                cert,
                                earned: *earned,
                                expires: None,
                            })
                            .collect(),
                    });
                }
                lengths
            }
        };
        (done, undo)
    }

    /// Joins a later action of the same shape into this one (two single deployments
    /// become one action of two, two certified people one of two), so a plan reads
    /// "2 more deployments".
    pub fn absorb(&mut self, later: &Action) -> bool {
        match (self, later) {
            (
                Action::Deploy {
                    customer,
                    services,
                    month,
                    new_customer: None,
                },
                Action::Deploy {
                    customer: c2,
                    services: s2,
                    month: m2,
                    new_customer: None,
                },
            ) if customer == c2 && month == m2 => {
                services.extend(s2.iter().cloned());
                true
            }
            (
                Action::NewCustomers {
                    ids,
                    segment,
                    attribution,
                    month,
                    amount,
                },
                Action::NewCustomers {
                    ids: i2,
                    segment: s2,
                    attribution: a2,
                    month: m2,
                    amount: v2,
                },
            ) if segment == s2 && attribution == a2 && month == m2 && amount == v2 => {
                ids.extend(i2.iter().cloned());
                true
            }
            (
                Action::Certify {
                    sub,
                    prerequisites,
                    scoring,
                    earned,
                    ids,
                },
                Action::Certify {
                    sub: s2,
                    prerequisites: p2,
                    scoring: c2,
                    earned: e2,
                    ids: i2,
                },
            ) if sub == s2 && earned == e2 && prerequisites.len() == p2.len() => {
                // `ids` lists the people of each step in turn, then the scoring people:
                // joined step by step.
                let mut mine = ids.iter().cloned();
                let mut theirs = i2.iter().cloned();
                let mut joined: Vec<String> = Vec::with_capacity(ids.len() + i2.len());
                for (a, b) in prerequisites.iter_mut().zip(p2) {
                    joined.extend(mine.by_ref().take(*a as usize));
                    joined.extend(theirs.by_ref().take(*b as usize));
                    *a += b;
                }
                joined.extend(mine);
                joined.extend(theirs);
                *ids = joined;
                *scoring += c2;
                true
            }
            _ => false,
        }
    }
}

/// What puts a situation back as it was before one [`Action::apply_undoable`]. Undone in
/// the reverse order of application, each finds the situation exactly as its action left
/// it, so positions and lengths are enough.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Undo {
    /// The action found nothing to change.
    Nothing,
    /// People, customers and deployments were only added: cut back to these lengths.
    Lengths {
        customers: usize,
        people: usize,
        deployments: usize,
    },
    /// A person's association flag.
    Associated { person: usize, was: bool },
    /// A certification's expiry date.
    Expires {
        person: usize,
        certification: usize,
        was: Option<NaiveDate>,
    },
    /// A certification added to a person's list.
    PopCertification { person: usize },
    /// A customer's ACR in one month (`None`: the month was not in the file).
    Acr {
        customer: usize,
        month: Month,
        was: Option<Money>,
    },
}

impl Undo {
    /// Puts the situation back.
    pub(crate) fn undo(self, s: &mut Situation) {
        match self {
            Undo::Nothing => {}
            Undo::Lengths {
                customers,
                people,
                deployments,
            } => {
                s.customers.truncate(customers);
                s.people.truncate(people);
                s.deployments.truncate(deployments);
            }
            Undo::Associated { person, was } => {
                if let Some(p) = s.people.get_mut(person) {
                    p.associated = was;
                }
            }
            Undo::Expires {
                person,
                certification,
                was,
            } => {
                if let Some(c) = s
                    .people
                    .get_mut(person)
                    .and_then(|p| p.certifications.get_mut(certification))
                {
                    c.expires = was;
                }
            }
            Undo::PopCertification { person } => {
                if let Some(p) = s.people.get_mut(person) {
                    p.certifications.pop();
                }
            }
            Undo::Acr {
                customer,
                month,
                was,
            } => {
                if let Some(c) = s.customers.get_mut(customer) {
                    match was {
                        Some(v) => c.acr.insert(month, v),
                        None => c.acr.remove(&month),
                    };
                }
            }
        }
    }

    /// The existing customer whose ACR the action changed, if any.
    pub(crate) fn customer(self) -> Option<usize> {
        match self {
            Undo::Acr { customer, .. } => Some(customer),
            _ => None,
        }
    }
}

/// `prefix-1`, `prefix-2`, ... skipping ids already taken.
fn fresh_ids<'a>(taken: impl Iterator<Item = &'a str>, prefix: &str, n: usize) -> Vec<String> {
    // Only ids with the prefix can collide: a partner of 100,000 customers is not copied
    // into a set each time a new customer is added.
    let taken: BTreeSet<&str> = taken.filter(|id| id.starts_with(prefix)).collect();
    (1..)
        .map(|i| format!("{prefix}-{i}"))
        .filter(|id| !taken.contains(id.as_str()))
        .take(n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::moves::{net_customer_adds, Ask};
    use crate::model::{PathKind, Segment};
    use rust_decimal::Decimal;

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let taken = ["new-person-1", "new-person-3"];
        assert_eq!(
            fresh_ids(taken.into_iter(), "new-person", 3),
            vec!["new-person-2", "new-person-4", "new-person-5"]
        );
    }

    /// Many customers at equal distances from the threshold: the few offered are the
    /// cheapest, ties by id and then by position in the file, as a full sort gives.
    #[test]
    fn the_cheapest_customers_are_offered_as_a_full_sort_would() {
        let m = Month::parse("2024-12").unwrap();
        let mut s = Situation::new(m);
        for i in 0..400u32 {
            // Losses (a baseline month at the threshold) and adds (nothing in it), with
            // last months 0 to 9 dollars short of USD 1,000; some ids repeat.
            let id = format!("c{:03}", (i * 37) % 300);
            let mut acr =
                BTreeMap::from([(m, Money::parse(&format!("{}", 990 + i % 10)).unwrap())]);
            if i % 2 == 0 {
                acr.insert(m.months_before(13), Money::parse("2000").unwrap());
            }
            s.customers.push(Customer {
                id,
                segment: Some(Segment::Enterprise),
                attribution: vec!["PAL".into()],
                acr,
                ..Default::default()
            });
        }
        let book = Rulebook::builtin();
        let ask = Ask {
            s: &s,
            book,
            path: PathKind::Enterprise,
            per_kind: CUSTOMERS_PER_KIND,
        };
        let got = net_customer_adds::offers(&ask);
        let t = net_customer_adds::rule_of(book)
            .unwrap()
            .1
            .threshold_on(PathKind::Enterprise);
        let mut expected = Vec::new();
        for hold in [true, false] {
            let mut list: Vec<(Decimal, &str, usize)> = s
                .customers
                .iter()
                .enumerate()
                .filter(|(_, c)| c.acr.len() == 2 && hold || c.acr.len() == 1 && !hold)
                .map(|(i, c)| (t.amount() - c.acr_in(m).amount(), c.id.as_str(), i))
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
            expected.extend(
                list.into_iter()
                    .take(CUSTOMERS_PER_KIND)
                    .map(|(_, id, i)| (id.to_string(), s.customers[i].acr_in(m), hold)),
            );
        }
        let offered: Vec<(String, Money, bool)> = got
            .iter()
            .filter_map(|a| match a {
                Action::RaiseAcr {
                    customer,
                    from,
                    purpose,
                    ..
                } => Some((customer.clone(), *from, *purpose == Purpose::Hold)),
                _ => None,
            })
            .collect();
        assert_eq!(offered, expected);
        assert_eq!(offered.len(), 2 * CUSTOMERS_PER_KIND);
    }

    #[test]
    fn retired_certifications_are_never_suggested() {
        let book = Rulebook::builtin();
        let adv = certification_ladder::ladder("advanced_certifications", book).unwrap();
        assert!(!adv.retired.is_empty());
        let first = certification_ladder::earnable(&adv.scoring.certs, adv).unwrap();
        assert!(adv.retired.iter().all(|r| r.cert != first));
    }
}
