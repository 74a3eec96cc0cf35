//! Candidate actions: concrete changes a partner can make to its situation at M, each one
//! a modification of a cloned [`Situation`].
//!
//! This module only proposes and applies changes; it never decides what they are worth.
//! Every gain shown to a user comes from re-scoring the changed situation with the engine
//! ([`super`]). Where it looks at the data to pick sensible candidates (which customers
//! are close to a threshold, which certifications have lapsed), a mistake here can only
//! make a candidate useless, never make the plan promise points the engine would not give.

use crate::engine::Assessment;
use crate::model::{
    Attribution, Certification, Customer, Deployment, Money, Month, PathKind, Person, Segment,
    Situation,
};
use crate::rulebook::{
    CertificationLadder, DeploymentsRule, NetCustomerAddsRule, Retirement, Rule, Rulebook,
    Subcategory, UsageGrowthRule,
};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// How many existing customers are tried per kind of customer action: the cheapest ones
/// first. Bounds the cost of planning for files with very many customers.
pub const CUSTOMERS_PER_KIND: usize = 5;

/// The kinds of action, in the order used to break ties between equal gains: first what
/// uses what the partner already has, then what it must add.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Kind {
    /// Associate a listed person to the Partner Center account.
    AssociatePerson,
    /// Renew a listed person's lapsed certification.
    RenewCertification,
    /// A listed person earns a long-expired certification again.
    RetakeCertification,
    /// Keep a customer that would be lost at the threshold.
    HoldCustomer,
    /// Raise a new customer's ACR to the threshold.
    RaiseToThreshold,
    /// Add ACR in M for usage growth.
    GrowUsage,
    /// Deploy more distinct Service Level 2 services.
    AddDeployments,
    /// Certify more people.
    CertifyPeople,
    /// Win brand-new customers.
    WinNewCustomers,
}

impl Kind {
    /// The name used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Kind::AssociatePerson => "associate_person",
            Kind::RenewCertification => "renew_certification",
            Kind::RetakeCertification => "retake_certification",
            Kind::HoldCustomer => "hold_customer_at_threshold",
            Kind::RaiseToThreshold => "raise_customer_to_threshold",
            Kind::GrowUsage => "grow_usage",
            Kind::AddDeployments => "add_deployments",
            Kind::CertifyPeople => "certify_people",
            Kind::WinNewCustomers => "win_new_customers",
        }
    }
}

/// Why a customer's ACR is raised.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Purpose {
    /// To make a customer with nothing in the baseline a net customer add.
    Add,
    /// To stop a customer that reached the threshold in the baseline from being a loss.
    Hold,
    /// To lift usage growth to this many points.
    Growth {
        /// The usage growth points aimed at.
        target: u32,
    },
}

/// One action, with the data it names. `count` says how many single actions it bundles
/// (people certified, services deployed, customers won).
#[derive(Clone, PartialEq, Debug)]
pub enum Action {
    /// Associate a listed, unassociated person.
    Associate {
        /// The person's id.
        person: String,
        /// Slugs of the active certifications that start to count.
        certifications: Vec<String>,
    },
    /// Renew a certification that expires during M, before its last day.
    Renew {
        /// The person's id.
        person: String,
        /// Index of the certification in the person's list.
        index: usize,
        /// The certification's slug.
        cert: String,
        /// Its expiry date.
        expired: NaiveDate,
        /// The new expiry date: a renewal extends a certification by one year.
        until: NaiveDate,
    },
    /// Earn a certification again that lapsed before M began, too late to renew.
    Retake {
        /// The person's id.
        person: String,
        /// The certification's slug.
        cert: String,
        /// When the lapsed copy expired.
        expired: NaiveDate,
        /// The day it is earned again (the last day of M).
        earned: NaiveDate,
    },
    /// Set a customer's ACR in one month.
    RaiseAcr {
        /// The customer's id.
        customer: String,
        /// The month changed.
        month: Month,
        /// ACR before.
        from: Money,
        /// ACR after.
        to: Money,
        /// Why.
        purpose: Purpose,
    },
    /// Win new customers, each with exactly the threshold in M.
    NewCustomers {
        /// Ids given to the new customers.
        ids: Vec<String>,
        /// Their segment.
        segment: Segment,
        /// Their attribution code.
        attribution: String,
        /// The month of their ACR.
        month: Month,
        /// Their ACR in that month.
        amount: Money,
    },
    /// Deploy new distinct Service Level 2 services.
    Deploy {
        /// The customer deployed for.
        customer: String,
        /// The customer has to be added (the partner has no eligible customer).
        new_customer: Option<(Segment, String)>,
        /// The services: a name and, for one the file already mentions, why it does not
        /// count yet.
        services: Vec<(String, Option<String>)>,
        /// The deployment month.
        month: Month,
    },
    /// Certify more associated people, each new to the file.
    Certify {
        /// The skilling subcategory's key.
        sub: String,
        /// People earning the prerequisite.
        prerequisite: u32,
        /// People earning a scoring certification.
        scoring: u32,
        /// The day they earn it (the last day of M).
        earned: NaiveDate,
        /// Ids given to the new people.
        ids: Vec<String>,
    },
}

impl Action {
    /// The kind, for ranking and JSON.
    pub fn kind(&self) -> Kind {
        match self {
            Action::Associate { .. } => Kind::AssociatePerson,
            Action::Renew { .. } => Kind::RenewCertification,
            Action::Retake { .. } => Kind::RetakeCertification,
            Action::RaiseAcr { purpose, .. } => match purpose {
                Purpose::Add => Kind::RaiseToThreshold,
                Purpose::Hold => Kind::HoldCustomer,
                Purpose::Growth { .. } => Kind::GrowUsage,
            },
            Action::NewCustomers { .. } => Kind::WinNewCustomers,
            Action::Deploy { .. } => Kind::AddDeployments,
            Action::Certify { .. } => Kind::CertifyPeople,
        }
    }

    /// The subcategories the action is meant to raise, by their position in the
    /// rulebook: an action is only offered when it raises one of them. What it does
    /// elsewhere shows in the re-scored card, but is no reason to suggest it (a loss held
    /// at the threshold while net customer adds is full is a usage growth action in
    /// disguise, and a dearer one).
    pub fn targets(&self, book: &Rulebook) -> Vec<usize> {
        let of_kind = |wanted: fn(&Rule) -> bool| -> Vec<usize> {
            book.subcategories()
                .enumerate()
                .filter(|(_, s)| wanted(&s.rule))
                .map(|(i, _)| i)
                .collect()
        };
        match self {
            Action::Associate { .. } | Action::Renew { .. } | Action::Retake { .. } => {
                of_kind(|r| matches!(r, Rule::CertificationLadder(_)))
            }
            Action::Certify { sub, .. } => book
                .subcategories()
                .position(|s| *s.key == **sub)
                .into_iter()
                .collect(),
            Action::RaiseAcr { purpose, .. } => match purpose {
                Purpose::Growth { .. } => of_kind(|r| matches!(r, Rule::UsageGrowth(_))),
                _ => of_kind(|r| matches!(r, Rule::NetCustomerAdds(_))),
            },
            Action::NewCustomers { .. } => of_kind(|r| matches!(r, Rule::NetCustomerAdds(_))),
            Action::Deploy { .. } => of_kind(|r| matches!(r, Rule::Deployments(_))),
        }
    }

    /// How many single actions this is.
    pub fn count(&self) -> u32 {
        match self {
            Action::NewCustomers { ids, .. } => ids.len() as u32,
            Action::Deploy { services, .. } => services.len() as u32,
            Action::Certify {
                prerequisite,
                scoring,
                ..
            } => prerequisite + scoring,
            _ => 1,
        }
    }

    /// US dollars of ACR the action adds.
    pub fn usd(&self) -> Decimal {
        match self {
            Action::RaiseAcr { from, to, .. } => to.amount() - from.amount(),
            Action::NewCustomers { ids, amount, .. } => {
                amount.amount() * Decimal::from(ids.len() as u64)
            }
            _ => Decimal::ZERO,
        }
    }

    /// Who or what the action is about, for ordering ties.
    pub fn subject(&self) -> String {
        match self {
            Action::Associate { person, .. }
            | Action::Renew { person, .. }
            | Action::Retake { person, .. } => person.clone(),
            Action::RaiseAcr {
                customer, month, ..
            } => format!("{customer} {month}"),
            Action::Deploy { customer, .. } => customer.clone(),
            Action::NewCustomers { .. } => String::new(),
            Action::Certify {
                sub,
                prerequisite,
                scoring,
                ..
            } => format!("{sub} {prerequisite} {scoring}"),
        }
    }

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
                let level = deployments_rule(book).map_or(0, |(_, r)| r.service_level);
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
                prerequisite,
                scoring,
                earned,
                ids,
            } => {
                let n = (*prerequisite + *scoring) as usize;
                *ids = fresh_ids(s.people.iter().map(|p| p.id.as_str()), "new-person", n);
                let rule = ladder(sub, book);
                let prereq = rule.and_then(|r| earnable(r.prerequisite_certs(), r));
                let scoring_cert = rule.and_then(|r| earnable(&r.scoring.certs, r));
                for (i, id) in ids.iter().enumerate() {
                    let cert = if i < *prerequisite as usize {
                        prereq.clone()
                    } else {
                        scoring_cert.clone()
                    };
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
                    prerequisite,
                    scoring,
                    earned,
                    ids,
                },
                Action::Certify {
                    sub: s2,
                    prerequisite: p2,
                    scoring: c2,
                    earned: e2,
                    ids: i2,
                },
            ) if sub == s2 && earned == e2 => {
                // People earning the prerequisite come first in `ids`.
                let split = *prerequisite as usize;
                let later_split = *p2 as usize;
                let mut joined: Vec<String> = ids[..split.min(ids.len())].to_vec();
                joined.extend(i2[..later_split.min(i2.len())].iter().cloned());
                joined.extend(ids[split.min(ids.len())..].iter().cloned());
                joined.extend(i2[later_split.min(i2.len())..].iter().cloned());
                *ids = joined;
                *prerequisite += p2;
                *scoring += c2;
                true
            }
            _ => false,
        }
    }

    /// The clause ids the action relies on.
    pub fn clauses(&self, book: &Rulebook, path: PathKind) -> Vec<String> {
        let schedules: Vec<String> = ladders(book)
            .map(|(_, l)| l.schedule.on(path).clause.clone())
            .collect();
        // The clauses that list a certification's role, per subcategory.
        let roles = |slug: &str| -> Vec<String> {
            ladders(book)
                .flat_map(|(_, rule)| {
                    let mut v: Vec<String> = rule
                        .prerequisites
                        .iter()
                        .filter(|step| step.certs.iter().any(|s| s == slug))
                        .map(|step| step.clause.clone())
                        .collect();
                    if rule.scores(slug) {
                        v.push(rule.scoring.clause.clone());
                    }
                    v
                })
                .collect()
        };
        // The counting rule of every ladder: `associated` or `active`.
        let counting = |pick: fn(&CertificationLadder) -> &String| -> Vec<String> {
            ladders(book).map(|(_, l)| pick(l).clone()).collect()
        };
        let nca = net_customer_adds_rule(book);
        let nca_clauses = |verdict: fn(&NetCustomerAddsRule) -> &String| -> Vec<String> {
            match nca {
                Some((sub, r)) => vec![
                    r.clauses.threshold.clone(),
                    verdict(r).clone(),
                    sub.clause.clone(),
                ],
                None => Vec::new(),
            }
        };
        let mut list: Vec<String> = match self {
            Action::Associate { certifications, .. } => {
                let mut v = counting(|l| &l.clauses.associated);
                v.extend(certifications.iter().flat_map(|c| roles(c)));
                v.extend(schedules);
                v
            }
            Action::Renew { cert, .. } | Action::Retake { cert, .. } => {
                let mut v = counting(|l| &l.clauses.active);
                v.extend(roles(cert));
                v.extend(schedules);
                v
            }
            Action::Certify {
                sub,
                prerequisite,
                scoring,
                ..
            } => {
                let mut v = Vec::new();
                if let Some(rule) = ladder(sub, book) {
                    if *prerequisite > 0 {
                        v.extend(rule.prerequisites.iter().map(|s| s.clause.clone()));
                    }
                    if *scoring > 0 {
                        v.push(rule.scoring.clause.clone());
                    }
                    v.push(rule.schedule.on(path).clause.clone());
                }
                v
            }
            Action::RaiseAcr { purpose, .. } => match purpose {
                Purpose::Add => nca_clauses(|r| &r.clauses.add),
                Purpose::Hold => nca_clauses(|r| &r.clauses.loss),
                Purpose::Growth { .. } => match usage_growth_rule(book) {
                    Some((sub, ug)) => vec![
                        ug.clauses.formula.clone(),
                        ug.clauses.min_acr.clone(),
                        sub.clause.clone(),
                    ],
                    None => Vec::new(),
                },
            },
            Action::NewCustomers { .. } => {
                let mut v = vec![book.attribution.clause.clone()];
                v.extend(nca_clauses(|r| &r.clauses.add));
                v
            }
            Action::Deploy { .. } => match deployments_rule(book) {
                Some((sub, d)) => vec![
                    d.clauses.eligible.clone(),
                    d.clauses.window.clone(),
                    d.clauses.distinct.clone(),
                    sub.clause.clone(),
                ],
                None => Vec::new(),
            },
        };
        let mut seen = BTreeSet::new();
        list.retain(|c| seen.insert(c.clone()));
        list
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

/// The certification ladder of a skilling subcategory, by its key.
pub(crate) fn ladder<'b>(key: &str, book: &'b Rulebook) -> Option<&'b CertificationLadder> {
    ladders(book)
        .find(|(s, _)| &*s.key == key)
        .map(|(_, rule)| rule)
}

/// The subcategories scored by a certification ladder, with their ladders, in score
/// card order.
pub(crate) fn ladders(
    book: &Rulebook,
) -> impl Iterator<Item = (&Subcategory, &CertificationLadder)> {
    book.subcategories().filter_map(|sub| match &sub.rule {
        Rule::CertificationLadder(rule) => Some((sub, &**rule)),
        _ => None,
    })
}

/// The first subcategory scored by net customer adds, with its rule: the one the
/// planner plans adds for.
pub(crate) fn net_customer_adds_rule(
    book: &Rulebook,
) -> Option<(&Subcategory, &NetCustomerAddsRule)> {
    book.subcategories().find_map(|sub| match &sub.rule {
        Rule::NetCustomerAdds(rule) => Some((sub, rule)),
        _ => None,
    })
}

/// The first subcategory scored by usage growth, with its rule.
pub(crate) fn usage_growth_rule(book: &Rulebook) -> Option<(&Subcategory, &UsageGrowthRule)> {
    book.subcategories().find_map(|sub| match &sub.rule {
        Rule::UsageGrowth(rule) => Some((sub, rule)),
        _ => None,
    })
}

/// The first subcategory scored by deployments, with its rule.
pub(crate) fn deployments_rule(book: &Rulebook) -> Option<(&Subcategory, &DeploymentsRule)> {
    book.subcategories().find_map(|sub| match &sub.rule {
        Rule::Deployments(rule) => Some((sub, rule)),
        _ => None,
    })
}

/// The first certification of a list that can still be earned: a retired one cannot.
pub(crate) fn earnable<'s>(
    slugs: impl IntoIterator<Item = &'s String>,
    ladder: &CertificationLadder,
) -> Option<String> {
    slugs
        .into_iter()
        .find(|s| ladder.retirement(s).is_none())
        .cloned()
}

/// Whether a certification counts at M (the ladder's `active` rule, and the grace
/// period of a retired scoring certification).
fn active(c: &Certification, as_of: Month, retired: Option<&Retirement>) -> bool {
    let day = as_of.last_day();
    let dated = c.earned <= day && c.expires.is_none_or(|e| e >= day);
    let past_grace = retired
        .and_then(Retirement::last_month)
        .is_some_and(|last| as_of > last);
    dated && !past_grace
}

/// Per certification ladder: does the person hold an active prerequisite, an active
/// scoring certification (association aside)?
fn roles(p: &Person, as_of: Month, book: &Rulebook) -> Vec<(bool, bool)> {
    ladders(book)
        .map(|(_, rule)| {
            let mut r = (false, false);
            for c in &p.certifications {
                let Some(info) = book.certification(&c.cert) else {
                    continue;
                };
                if rule.step_of(&info.slug).is_some() && active(c, as_of, None) {
                    r.0 = true;
                }
                if rule.scores(&info.slug) && active(c, as_of, rule.retirement(&info.slug)) {
                    r.1 = true;
                }
            }
            r
        })
        .collect()
}

/// Actions for the skilling subcategories: associating people, renewing or retaking
/// lapsed certifications, certifying new people. With `only`, just those that concern
/// that subcategory.
pub fn skilling(s: &Situation, path: PathKind, book: &Rulebook, only: Option<&str>) -> Vec<Action> {
    let as_of = s.as_of;
    let last_day = as_of.last_day();
    let concerns = |sub: &Subcategory| only.is_none_or(|o| o == &*sub.key);
    let mut out = Vec::new();
    // One person per distinct set of roles: two people who would bring the same roles
    // earn the same points.
    let mut seen = BTreeSet::new();
    for p in s.people.iter().filter(|p| !p.associated) {
        let r = roles(p, as_of, book);
        let useful = ladders(book)
            .zip(&r)
            .any(|((sub, _), (a, b))| concerns(sub) && (*a || *b));
        if useful && seen.insert(r) {
            let certifications = p
                .certifications
                .iter()
                .filter_map(|c| book.certification(&c.cert).map(|i| (c, i)))
                .filter(|(c, i)| {
                    ladders(book).any(|(_, rule)| {
                        let retired = rule.retirement(&i.slug);
                        (rule.scores(&i.slug) && active(c, as_of, retired))
                            || (rule.step_of(&i.slug).is_some() && active(c, as_of, None))
                    })
                })
                .map(|(_, i)| i.slug.clone())
                .collect();
            out.push(Action::Associate {
                person: p.id.clone(),
                certifications,
            });
        }
    }
    let mut seen = BTreeSet::new();
    for p in s.people.iter().filter(|p| p.associated) {
        let r = roles(p, as_of, book);
        for (index, c) in p.certifications.iter().enumerate() {
            let Some(info) = book.certification(&c.cert) else {
                continue;
            };
            let retired = ladders(book).any(|(_, l)| l.retirement(&info.slug).is_some());
            let relevant = ladders(book).any(|(sub, rule)| {
                concerns(sub) && (rule.step_of(&info.slug).is_some() || rule.scores(&info.slug))
            });
            let Some(expired) = c.expires.filter(|e| *e < last_day) else {
                continue;
            };
            if retired || !relevant || c.earned > last_day {
                continue;
            }
            let holds_again = p.certifications.iter().any(|o| {
                book.certification(&o.cert)
                    .is_some_and(|i| i.slug == info.slug)
                    && active(o, as_of, None)
            });
            if holds_again || !seen.insert((info.slug.clone(), r.clone())) {
                continue;
            }
            // A certification can be renewed until the day it expires, and then adds a
            // year; once it has lapsed it must be earned again. The plan is about M, so
            // one that expires during M is still renewable, one that lapsed before M
            // began is not.
            let first_day = as_of.months_before(1).last_day().succ_opt();
            let renewable = first_day.is_some_and(|d| expired >= d);
            let renewed = expired.checked_add_months(chrono::Months::new(12));
            out.push(match renewed {
                Some(until) if renewable && until >= last_day => Action::Renew {
                    person: p.id.clone(),
                    index,
                    cert: info.slug.clone(),
                    expired,
                    until,
                },
                _ => Action::Retake {
                    person: p.id.clone(),
                    cert: info.slug.clone(),
                    expired,
                    earned: last_day,
                },
            });
        }
    }
    for (sub, rule) in ladders(book).filter(|(s, _)| concerns(s)) {
        let schedule = rule.schedule.on(path);
        let (has_prereq, has_scoring) = (
            earnable(rule.prerequisite_certs(), rule).is_some(),
            earnable(&rule.scoring.certs, rule).is_some(),
        );
        for prerequisite in 0..=schedule.gate_people {
            for scoring in 0..=1u32 {
                if (prerequisite == 0 && scoring == 0)
                    || (prerequisite > 0 && !has_prereq)
                    || (scoring > 0 && !has_scoring)
                {
                    continue;
                }
                out.push(Action::Certify {
                    sub: sub.key.to_string(),
                    prerequisite,
                    scoring,
                    earned: last_day,
                    ids: vec![String::new(); (prerequisite + scoring) as usize],
                });
            }
        }
    }
    out
}

/// Normalised service names, as the engine matches them (`DAI.CS.DEP.DISTINCT`).
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

/// One more distinct deployment in M, for the eligible customer with the most ACR in M.
/// A service the file already mentions but that does not count is suggested by name.
pub fn deployment(s: &Situation, path: PathKind, book: &Rulebook) -> Option<Action> {
    let (_, rule) = deployments_rule(book)?;
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
            let why = if !d.month.within(from, to) {
                format!(
                    "deployed for {} in {}, outside the {}",
                    d.customer, d.month, book.windows.ttm.title
                )
            } else {
                format!(
                    "deployed for {} in {}, without an eligible attribution",
                    d.customer, d.month
                )
            };
            (d.service.trim().to_string(), Some(why))
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

/// The segment given to a new customer: one that keeps the partner on its path.
fn new_segment(path: PathKind, book: &Rulebook) -> Segment {
    let small = |seg: &Segment| book.path.smb_segments().iter().any(|s| s == seg.as_str());
    let all = [Segment::Smb, Segment::Smc, Segment::Enterprise];
    let pick = match path {
        PathKind::Smb => all.into_iter().find(|s| small(s)),
        PathKind::Enterprise => all.into_iter().find(|s| !small(s)),
    };
    pick.unwrap_or(Segment::Enterprise)
}

/// The recent month closest to the threshold; on a tie, M (it helps growth too).
fn closest(c: &Customer, recent: &[Month]) -> Option<(Month, Money)> {
    recent
        .iter()
        .map(|m| (*m, c.acr_in(*m)))
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
}

/// Net customer adds: raise a customer with nothing in the baseline to the threshold,
/// hold a customer that would be lost at the threshold, or win a new customer. The
/// cheapest [`CUSTOMERS_PER_KIND`] customers of each kind, by USD needed.
pub fn net_customer_adds(s: &Situation, path: PathKind, book: &Rulebook) -> Vec<Action> {
    let Some((_, rule)) = net_customer_adds_rule(book) else {
        return Vec::new();
    };
    let t = rule.threshold_on(path);
    let baseline = book.windows.baseline.months(s.as_of);
    let recent = book.windows.recent.months(s.as_of);
    // (US dollars needed, id, position): the position keeps ties in file order.
    let mut adds: Vec<(Decimal, &str, usize)> = Vec::new();
    let mut holds: Vec<(Decimal, &str, usize)> = Vec::new();
    for (i, c) in s.customers.iter().enumerate() {
        if !book.attribution.any_eligible(c.codes_at(s.as_of)) {
            continue;
        }
        let base_zero = baseline.iter().all(|m| c.acr_in(*m).is_zero());
        let base_above = baseline.iter().any(|m| c.acr_in(*m) >= t);
        if recent.iter().any(|m| c.acr_in(*m) >= t) || !(base_zero || base_above) {
            continue;
        }
        let Some(from) = closest(c, &recent) else {
            continue;
        };
        let need = t.amount() - from.1.amount();
        if base_zero {
            adds.push((need, c.id.as_str(), i));
        } else {
            holds.push((need, c.id.as_str(), i));
        }
    }
    let mut out = Vec::new();
    for (mut list, purpose) in [(holds, Purpose::Hold), (adds, Purpose::Add)] {
        // Only the cheapest few become actions: picked in linear time, then sorted.
        let order = |a: &(Decimal, &str, usize), b: &(Decimal, &str, usize)| {
            a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2))
        };
        if list.len() > CUSTOMERS_PER_KIND {
            list.select_nth_unstable_by(CUSTOMERS_PER_KIND - 1, order);
            list.truncate(CUSTOMERS_PER_KIND);
        }
        list.sort_by(order);
        for (_, _, i) in list {
            let c = &s.customers[i];
            let Some((month, from)) = closest(c, &recent) else {
                continue;
            };
            out.push(Action::RaiseAcr {
                customer: c.id.clone(),
                month,
                from,
                to: t,
                purpose,
            });
        }
    }
    if let Some(code) = book.attribution.eligible.first() {
        out.push(Action::NewCustomers {
            ids: vec![String::new()],
            segment: new_segment(path, book),
            attribution: code.clone(),
            month: s.as_of,
            amount: t,
        });
    }
    out
}

/// Eligible ACR in M and in the growth comparison month.
pub(crate) fn growth_sums(s: &Situation, book: &Rulebook) -> (Decimal, Decimal) {
    let (then, _) = book.windows.growth_comparison.bounds(s.as_of);
    let (last, prior) = s
        .customers
        .iter()
        .filter(|c| book.attribution.any_eligible(c.codes_at(s.as_of)))
        // Summed as exact money (a decimal's `+` rounds past 28 digits and panics past its
        // range); only the totals become decimals, for the arithmetic of the top-up.
        .fold((Money::ZERO, Money::ZERO), |(l, p), c| {
            (
                l.checked_add(c.acr_in(s.as_of)).unwrap_or(l),
                p.checked_add(c.acr_in(then)).unwrap_or(p),
            )
        });
    (last.amount(), prior.amount())
}

/// The least whole-cent amount of ACR to add in M, to the eligible customer with the
/// most ACR in M, for usage growth to earn `target` points; `None` when no amount can
/// (no baseline) or none is needed.
///
/// Growth earns `points_per_percent` per whole percent, so `target` points need
/// k = ceil(target / points_per_percent) percent: L >= P x (100 + k) / 100, and L at
/// least the minimum. Computed exactly in decimal, then rounded up to the cent.
pub fn growth(s: &Situation, book: &Rulebook, target: u32) -> Option<Action> {
    GrowthBase::of(s, book).top_up(book, target)
}

/// What every usage growth top-up on one situation starts from, read in one pass over
/// the customers however many targets are priced.
pub(crate) struct GrowthBase {
    /// Eligible ACR in M and in the growth comparison month.
    sums: (Decimal, Decimal),
    /// M, and the eligible customer with the most ACR in M (the first of equal ones,
    /// by id) with that ACR.
    month: Month,
    top: Option<(String, Money)>,
}

impl GrowthBase {
    pub(crate) fn of(s: &Situation, book: &Rulebook) -> GrowthBase {
        let top = top_eligible(s, book).map(|c| (c.id.clone(), c.acr_in(s.as_of)));
        GrowthBase {
            sums: growth_sums(s, book),
            month: s.as_of,
            top,
        }
    }

    /// [`growth`] for one target.
    pub(crate) fn top_up(&self, book: &Rulebook, target: u32) -> Option<Action> {
        let (_, rule) = usage_growth_rule(book)?;
        let (last, prior) = self.sums;
        let per_percent = rule.points_per_percent.value();
        if prior <= Decimal::ZERO || per_percent <= Decimal::ZERO {
            return None;
        }
        let k = (Decimal::from(target) / per_percent).ceil();
        let needed = (prior * (Decimal::ONE_HUNDRED + k) / Decimal::ONE_HUNDRED)
            .max(rule.min_last_month_acr().amount());
        let add = (needed - last).round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
        if add <= Decimal::ZERO {
            return None;
        }
        let (customer, from) = self.top.as_ref()?;
        let to = Money::from_decimal(from.amount().checked_add(add)?)?;
        Some(Action::RaiseAcr {
            customer: customer.clone(),
            month: self.month,
            from: *from,
            to,
            purpose: Purpose::Growth { target },
        })
    }
}

/// Every candidate action on a situation, as scored in `a`.
pub fn all(s: &Situation, a: &Assessment, book: &Rulebook) -> Vec<Action> {
    let path = a.card.path;
    let mut out = skilling(s, path, book, None);
    out.extend(deployment(s, path, book));
    out.extend(net_customer_adds(s, path, book));
    // Usage growth earns whole points.
    let (g, max) = usage_growth_rule(book).map_or((0, 0), |(sub, _)| {
        (
            a.card.points_of(&sub.key).whole().unwrap_or(0),
            sub.max.whole().unwrap_or(0),
        )
    });
    if g < max {
        let mut targets = vec![g + 1, max];
        targets.dedup();
        let base = GrowthBase::of(s, book);
        for target in targets {
            if let Some(action) = base.top_up(book, target) {
                if !out.contains(&action) {
                    out.push(action);
                }
            }
        }
    }
    out
}

/// The eligible customer with the most ACR in M (the first id on a tie), which a growth
/// top-up goes to.
fn top_eligible<'s>(s: &'s Situation, book: &Rulebook) -> Option<&'s Customer> {
    s.customers
        .iter()
        .filter(|c| book.attribution.any_eligible(c.codes_at(s.as_of)))
        .max_by(|a, b| {
            a.acr_in(s.as_of)
                .cmp(&b.acr_in(s.as_of))
                .then_with(|| b.id.cmp(&a.id))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let taken = ["new-person-1", "new-person-3"];
        assert_eq!(
            fresh_ids(taken.into_iter(), "new-person", 3),
            vec!["new-person-2", "new-person-4", "new-person-5"]
        );
    }

    fn partner(l: &str, p: &str) -> Situation {
        let m = Month::parse("2025-01").unwrap();
        let mut s = Situation::new(m);
        s.customers.push(Customer {
            id: "a".into(),
            segment: Some(Segment::Enterprise),
            attribution: vec!["PAL".into()],
            acr: BTreeMap::from([
                (m, Money::parse(l).unwrap()),
                (m.months_before(12), Money::parse(p).unwrap()),
            ]),
            ..Default::default()
        });
        s
    }

    fn top_up(s: &Situation, target: u32) -> Option<String> {
        growth(s, Rulebook::builtin(), target).map(|a| a.usd().normalize().to_string())
    }

    #[test]
    fn growth_top_ups_are_exact_and_rounded_up_to_the_cent() {
        // 120% of USD 110,500.01 is USD 132,600.012: USD 4,700.012 more, so 4,700.02.
        let s = partner("127900", "110500.01");
        assert_eq!(top_up(&s, 20).as_deref(), Some("4700.02"));
        assert_eq!(top_up(&s, 16).as_deref(), Some("280.02"));
        // Already there: nothing to add.
        assert_eq!(top_up(&s, 15), None);
        // Under the USD 1,000 minimum, the minimum decides.
        let small = partner("100", "500");
        assert_eq!(top_up(&small, 1).as_deref(), Some("900"));
        // No baseline: no amount helps.
        assert_eq!(top_up(&partner("5000", "0"), 1), None);
    }

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
        let got = net_customer_adds(&s, PathKind::Enterprise, book);
        let t = net_customer_adds_rule(book)
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
        let adv = ladder("advanced_certifications", book).unwrap();
        assert!(!adv.retired.is_empty());
        let first = earnable(&adv.scoring.certs, adv).unwrap();
        assert!(adv.retired.iter().all(|r| r.cert != first));
    }
}
