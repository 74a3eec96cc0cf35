//! The rule kinds a subcategory can be scored by, each with its parameters and the
//! clause ids it cites. The engine has one scoring function per kind
//! (`src/engine/<kind>.rs`); a rulebook picks a kind per subcategory with `kind:`.
//!
//! A new kind is a variant of [`Rule`] here, its parameters as a struct below, and a
//! file in `src/engine/` that scores it; a new designation or edition needs none of
//! that when its subcategories are scored by kinds that exist.

use crate::model::{Money, Month, PathKind, Points};
use serde::Deserialize;

/// The rule that scores a subcategory, by kind (`kind:` in the rulebook).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// Customers added minus customers lost, at a monthly ACR threshold per path.
    NetCustomerAdds(NetCustomerAddsRule),
    /// Prerequisite steps, then points per person holding a scoring certification.
    CertificationLadder(Box<CertificationLadder>),
    /// Growth of eligible ACR in M against the same month last year.
    UsageGrowth(UsageGrowthRule),
    /// Distinct services deployed in the trailing twelve months.
    Deployments(DeploymentsRule),
}

impl Rule {
    /// The kind as the rulebook writes it, such as `net_customer_adds`.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::NetCustomerAdds(_) => "net_customer_adds",
            Rule::CertificationLadder(_) => "certification_ladder",
            Rule::UsageGrowth(_) => "usage_growth",
            Rule::Deployments(_) => "deployments",
        }
    }

    /// Every clause id the rule cites, with the field that cites it, for the catalogue
    /// check.
    pub(crate) fn cited(&self) -> Vec<(&'static str, &str)> {
        match self {
            Rule::NetCustomerAdds(r) => vec![
                ("rule.clauses.threshold", &r.clauses.threshold),
                ("rule.clauses.add", &r.clauses.add),
                ("rule.clauses.loss", &r.clauses.loss),
                ("rule.clauses.neutral", &r.clauses.neutral),
            ],
            Rule::CertificationLadder(r) => {
                let mut v: Vec<(&'static str, &str)> = r
                    .prerequisites
                    .iter()
                    .map(|s| ("rule.prerequisites.clause", s.clause.as_str()))
                    .collect();
                v.push(("rule.scoring.clause", &r.scoring.clause));
                v.push((
                    "rule.schedule.enterprise.clause",
                    &r.schedule.enterprise.clause,
                ));
                v.push(("rule.schedule.smb.clause", &r.schedule.smb.clause));
                v.extend(
                    r.retired
                        .iter()
                        .map(|x| ("rule.retired.clause", x.clause.as_str())),
                );
                v.extend(
                    r.retiring
                        .iter()
                        .map(|x| ("rule.retiring.clause", x.clause.as_str())),
                );
                v.push(("rule.clauses.active", &r.clauses.active));
                v.push(("rule.clauses.associated", &r.clauses.associated));
                v.push(("rule.clauses.unique", &r.clauses.unique));
                v.push(("rule.clauses.same_people", &r.clauses.same_people));
                v
            }
            Rule::UsageGrowth(r) => vec![
                ("rule.clauses.formula", &r.clauses.formula),
                ("rule.clauses.min_acr", &r.clauses.min_acr),
                ("rule.clauses.no_baseline", &r.clauses.no_baseline),
            ],
            Rule::Deployments(r) => vec![
                ("rule.clauses.eligible", &r.clauses.eligible),
                ("rule.clauses.window", &r.clauses.window),
                ("rule.clauses.distinct", &r.clauses.distinct),
            ],
        }
    }

    /// Every certification slug the rule lists, for the check that each is known.
    pub(crate) fn certifications(&self) -> Vec<&str> {
        match self {
            Rule::CertificationLadder(r) => r
                .prerequisites
                .iter()
                .flat_map(|s| &s.certs)
                .chain(&r.scoring.certs)
                .chain(r.retired.iter().map(|x| &x.cert))
                .chain(r.retiring.iter().map(|x| &x.cert))
                .map(String::as_str)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A value per path.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerPath<T> {
    /// On the SMB path.
    pub smb: T,
    /// On the Enterprise path.
    pub enterprise: T,
}

impl<T> PerPath<T> {
    /// The value on a path.
    pub fn on(&self, path: PathKind) -> &T {
        match path {
            PathKind::Smb => &self.smb,
            PathKind::Enterprise => &self.enterprise,
        }
    }
}

/// Net customer adds (`kind: net_customer_adds`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetCustomerAddsRule {
    /// Monthly ACR threshold in whole USD per path.
    pub threshold: PerPath<u64>,
    /// Points per net add.
    pub points_per_add: Points,
    /// Net adds are clamped to this.
    pub max_adds: u32,
    /// The clauses it cites; its points cite the subcategory's clause.
    pub clauses: NetCustomerAddsClauses,
}

/// The clauses net customer adds cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetCustomerAddsClauses {
    /// The threshold per path.
    pub threshold: String,
    /// A customer that is an add.
    pub add: String,
    /// A customer that is a loss.
    pub loss: String,
    /// A customer that is neither.
    pub neutral: String,
}

impl NetCustomerAddsRule {
    /// The threshold on a path as money.
    pub fn threshold_on(&self, path: PathKind) -> Money {
        money(*self.threshold.on(path))
    }
}

/// A certification subcategory (`kind: certification_ladder`): prerequisite steps, each
/// met when enough associated people hold one of its certifications, then points per
/// person holding a scoring certification once every step is met.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationLadder {
    /// The prerequisite steps, in order; every one must be met before scoring people
    /// earn points.
    pub prerequisites: Vec<LadderStep>,
    /// The scoring certifications.
    pub scoring: LadderStep,
    /// The point schedule per path.
    pub schedule: PerPath<LadderSchedule>,
    /// Retired certifications that keep scoring for a while.
    #[serde(default)]
    pub retired: Vec<Retirement>,
    /// Certifications announced as retiring: shown, scoring like any other while active.
    #[serde(default)]
    pub retiring: Vec<Retiring>,
    /// The counting rules it cites.
    pub clauses: LadderClauses,
}

/// One step of a ladder: the certifications that meet it, and the clause that lists them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    /// Certification slugs, any of which meets the step.
    pub certs: Vec<String>,
    /// Clause id of the list.
    pub clause: String,
}

/// A ladder's point schedule on one path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderSchedule {
    /// People holding one of a step's certifications needed for the step to be met.
    pub gate_people: u32,
    /// Points a met step earns on its own.
    pub gate_points: Points,
    /// Points per scoring person, once every step is met.
    pub points_per_person: Points,
    /// Scoring people counted at most.
    pub max_people: u32,
    /// Clause id.
    pub clause: String,
}

/// The counting rules of a ladder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderClauses {
    /// When a certification is active.
    pub active: String,
    /// Only associated people count.
    pub associated: String,
    /// A person counts once per subcategory.
    pub unique: String,
    /// Prerequisite and scoring people may be the same.
    pub same_people: String,
}

impl CertificationLadder {
    /// The step a certification meets, when it meets one.
    pub fn step_of(&self, slug: &str) -> Option<usize> {
        self.prerequisites
            .iter()
            .position(|s| s.certs.iter().any(|c| c == slug))
    }

    /// Whether a certification scores.
    pub fn scores(&self, slug: &str) -> bool {
        self.scoring.certs.iter().any(|c| c == slug)
    }

    /// Every prerequisite certification, in step order.
    pub fn prerequisite_certs(&self) -> impl Iterator<Item = &String> {
        self.prerequisites.iter().flat_map(|s| &s.certs)
    }

    /// The announced retirement of a certification, if it is retiring.
    pub fn retiring_of(&self, slug: &str) -> Option<&Retiring> {
        self.retiring.iter().find(|r| r.cert == slug)
    }

    /// The retirement of a certification, if it is retired.
    pub fn retirement(&self, slug: &str) -> Option<&Retirement> {
        self.retired.iter().find(|r| r.cert == slug)
    }
}

/// A retired certification that keeps scoring for a while.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The certification's slug.
    pub cert: String,
    /// The day it retired (`YYYY-MM-DD`), for explanations.
    pub retired_on: String,
    /// The last measurement month in which it still scores (`YYYY-MM`).
    pub scores_through: String,
    /// Clause id.
    pub clause: String,
}

impl Retirement {
    /// The last month it scores in (checked to parse when the rulebook loads).
    pub fn last_month(&self) -> Option<Month> {
        Month::parse(&self.scores_through)
    }
}

/// A certification announced as retiring: it scores like any other while the person's
/// certification is active, and its date is shown, never used.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retiring {
    /// The certification's slug.
    pub cert: String,
    /// The day it retires (`YYYY-MM-DD`).
    pub retires_on: String,
    /// Clause id.
    pub clause: String,
}

/// Usage growth (`kind: usage_growth`); the months compared are the rulebook's
/// `windows.growth_comparison`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageGrowthRule {
    /// Minimum ACR in M, whole USD.
    pub min_last_month_acr: u64,
    /// Points per whole percent of growth.
    pub points_per_percent: Points,
    /// The clauses it cites; its points cite the subcategory's clause.
    pub clauses: UsageGrowthClauses,
}

/// The clauses usage growth cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageGrowthClauses {
    /// The growth formula.
    pub formula: String,
    /// The minimum ACR in M.
    pub min_acr: String,
    /// No baseline, no growth.
    pub no_baseline: String,
}

impl UsageGrowthRule {
    /// The minimum ACR in M as money.
    pub fn min_last_month_acr(&self) -> Money {
        money(self.min_last_month_acr)
    }
}

/// Deployments (`kind: deployments`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeploymentsRule {
    /// The eligible service level.
    pub service_level: u32,
    /// Services that never count, matched like every service name.
    pub excluded_services: Vec<String>,
    /// Points per distinct service.
    pub points_per_service: Points,
    /// Distinct services counted at most.
    pub max_services: u32,
    /// The clauses it cites; its points cite the subcategory's clause.
    pub clauses: DeploymentsClauses,
}

/// The clauses deployments cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeploymentsClauses {
    /// An eligible deployment.
    pub eligible: String,
    /// A deployment inside the trailing twelve months.
    pub window: String,
    /// Deployments count as distinct services.
    pub distinct: String,
}

/// Whole dollars as money.
pub(crate) fn money(whole_dollars: u64) -> Money {
    Money::from_decimal(rust_decimal::Decimal::from(whole_dollars)).unwrap_or(Money::ZERO)
}
