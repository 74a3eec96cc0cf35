//! The moves the rule kinds offer: concrete changes a partner can make to its situation
//! at M, as data. Each kind proposes them (its file beside this one); the planner
//! (`crate::plan`) applies, undoes, re-scores and ranks them.

use crate::model::{Money, Month, Segment};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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

    /// An action of this kind only uses what the partner has, and may earn nothing
    /// alone yet enable the next one (a second prerequisite holder).
    pub fn enabling(self) -> bool {
        matches!(
            self,
            Kind::AssociatePerson | Kind::RenewCertification | Kind::RetakeCertification
        )
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
        /// The services: a name and, for one the file already mentions, where it is
        /// and why it does not count yet.
        services: Vec<(String, Option<Known>)>,
        /// The deployment month.
        month: Month,
    },
    /// Certify more associated people, each new to the file.
    Certify {
        /// The skilling subcategory's key.
        sub: String,
        /// Per prerequisite step of its ladder, in order: people earning the first
        /// certification of that step that can still be earned.
        prerequisites: Vec<u32>,
        /// People earning a scoring certification.
        scoring: u32,
        /// The day they earn it (the last day of M).
        earned: NaiveDate,
        /// Ids given to the new people: the prerequisite people step by step, then the
        /// scoring people.
        ids: Vec<String>,
    },
}

/// A service the file already names, suggested again: the entry that names it and why
/// it does not count yet.
#[derive(Clone, PartialEq, Debug)]
pub struct Known {
    /// The customer it was deployed for.
    pub customer: String,
    /// The month of that deployment.
    pub month: Month,
    /// Why it does not count.
    pub why: Uncounted,
}

/// Why a deployment the file names does not count.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Uncounted {
    /// Its month lies outside the window deployments are counted in.
    OutsideWindow,
    /// Inside the window, but without an eligible attribution.
    NoEligibleAttribution,
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

    /// How many single actions this is.
    pub fn count(&self) -> u32 {
        match self {
            Action::NewCustomers { ids, .. } => ids.len() as u32,
            Action::Deploy { services, .. } => services.len() as u32,
            Action::Certify {
                prerequisites,
                scoring,
                ..
            } => prerequisites.iter().sum::<u32>() + scoring,
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
                prerequisites,
                scoring,
                ..
            } => {
                let steps: Vec<String> = prerequisites.iter().map(u32::to_string).collect();
                format!("{sub} {} {scoring}", steps.join("+"))
            }
        }
    }
}
