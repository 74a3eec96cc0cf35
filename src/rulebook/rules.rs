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
    /// Units (pairs, tenants, customers) counted at M against M-12, per side.
    NetUnits(Box<NetUnitsRule>),
    /// Growth of counting monthly consumption value in M against M-12.
    ConsumptionGrowth(Box<ConsumptionGrowthRule>),
    /// Active users' growth per association type, the best type scoring.
    GrowthByAssociationType(Box<GrowthByTypeRule>),
    /// Deployed path tenants per association type, the best type scoring.
    DeployedShare(Box<DeployedShareRule>),
    /// Growth on two sides in whole steps.
    SideGrowth(Box<SideGrowthRule>),
}

impl Rule {
    /// The kind as the rulebook writes it, such as `net_customer_adds`.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::NetCustomerAdds(_) => "net_customer_adds",
            Rule::CertificationLadder(_) => "certification_ladder",
            Rule::UsageGrowth(_) => "usage_growth",
            Rule::Deployments(_) => "deployments",
            Rule::NetUnits(_) => "net_units",
            Rule::ConsumptionGrowth(_) => "consumption_growth",
            Rule::GrowthByAssociationType(_) => "growth_by_association_type",
            Rule::DeployedShare(_) => "deployed_share",
            Rule::SideGrowth(_) => "side_growth",
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
            Rule::NetUnits(r) => {
                let mut v = vec![
                    ("rule.clauses.clamp", r.clauses.clamp.as_str()),
                    ("rule.clauses.sides", r.clauses.sides.as_str()),
                ];
                v.extend(r.sides.iter().flat_map(UnitTest::cited));
                v
            }
            Rule::ConsumptionGrowth(r) => {
                let mut v = vec![
                    ("rule.clauses.formula", r.clauses.formula.as_str()),
                    ("rule.clauses.baseline", r.clauses.baseline.as_str()),
                ];
                v.extend(consumption_cited(&r.consumption));
                v
            }
            Rule::GrowthByAssociationType(r) => {
                let mut v = vec![
                    ("rule.clauses.formula", r.clauses.formula.as_str()),
                    ("rule.clauses.since", r.clauses.since.as_str()),
                    ("rule.clauses.best", r.clauses.best.as_str()),
                ];
                v.extend(tenant_cited(&r.tenants));
                v
            }
            Rule::DeployedShare(r) => {
                let mut v = vec![
                    ("rule.clauses.qualify", r.clauses.qualify.as_str()),
                    ("rule.clauses.exclude", r.clauses.exclude.as_str()),
                    ("rule.clauses.points", r.clauses.points.as_str()),
                ];
                v.extend(tenant_cited(&r.tenants));
                v
            }
            Rule::SideGrowth(r) => {
                let mut v = vec![
                    ("rule.clause", r.clause.as_str()),
                    ("rule.azure.clause", r.azure.clause.as_str()),
                    ("rule.m365.clause", r.m365.clause.as_str()),
                ];
                v.extend(security_cited(&r.azure.security));
                v.extend(tenant_cited(&r.m365.tenants));
                v
            }
        }
    }

    /// Whether `plan` has moves for the kind (the 2026-05 workload kinds have none yet).
    pub fn plannable(&self) -> bool {
        matches!(
            self,
            Rule::NetCustomerAdds(_)
                | Rule::CertificationLadder(_)
                | Rule::UsageGrowth(_)
                | Rule::Deployments(_)
        )
    }

    /// Every workload slug the rule lists, for the check that each is in the edition's
    /// workload table (`rules --check`).
    pub fn workloads(&self) -> Vec<&str> {
        match self {
            Rule::NetUnits(r) => r.sides.iter().flat_map(UnitTest::workloads).collect(),
            Rule::ConsumptionGrowth(r) => consumption_workloads(&r.consumption),
            Rule::GrowthByAssociationType(r) => tenant_workloads(&r.tenants, &r.workloads),
            Rule::DeployedShare(r) => tenant_workloads(&r.tenants, &r.workloads),
            Rule::SideGrowth(r) => tenant_workloads(&r.m365.tenants, &r.m365.workloads),
            _ => Vec::new(),
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

/// A retired certification that keeps scoring for a while, or one that scores only
/// through a month.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The certification's slug.
    pub cert: String,
    /// The day it retired (`YYYY-MM-DD`), for explanations; absent for a
    /// certification that is not retired but scores only through a month (the Modern
    /// Work lists' "scores while M is YYYY-MM or earlier").
    #[serde(default)]
    pub retired_on: Option<String>,
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

/// An amount of money or a rate as the rulebook writes it: a whole number or a plain
/// decimal (`0.2`), held exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Amount(pub rust_decimal::Decimal);

impl Amount {
    /// The amount as money.
    pub fn money(self) -> Money {
        Money::from_decimal(self.0).unwrap_or(Money::ZERO)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        // Read as points read (whole, decimal or text), then required to be a decimal.
        Points::deserialize(d)?
            .as_decimal()
            .map(Amount)
            .ok_or_else(|| serde::de::Error::custom("an amount must be a decimal number"))
    }
}

/// A comparison of an amount with bounds (`PCS.COMPARE`): `at_least` and `at_most`
/// include their bound, `over` excludes it; an absent bound does not apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// The amount must be greater than this.
    #[serde(default)]
    pub over: Option<Amount>,
    /// The amount must be this or more.
    #[serde(default)]
    pub at_least: Option<Amount>,
    /// The amount must be this or less.
    #[serde(default)]
    pub at_most: Option<Amount>,
}

impl std::fmt::Display for Bounds {
    /// `over 5000`, `at least 1500`, `750 to 12000`, `at most 12000`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plain = |a: Amount| crate::model::plain_decimal(a.0);
        let mut parts = Vec::new();
        match (self.at_least, self.at_most) {
            (Some(lo), Some(hi)) => parts.push(format!("{} to {}", plain(lo), plain(hi))),
            (Some(lo), None) => parts.push(format!("at least {}", plain(lo))),
            (None, Some(hi)) => parts.push(format!("at most {}", plain(hi))),
            (None, None) => {}
        }
        if let Some(over) = self.over {
            parts.insert(0, format!("over {}", plain(over)));
        }
        if parts.is_empty() {
            return f.write_str("any");
        }
        f.write_str(&parts.join(" and "))
    }
}

impl Bounds {
    /// Whether an amount is within the bounds (`PCS.COMPARE`).
    pub fn contains(&self, amount: rust_decimal::Decimal) -> bool {
        self.over.is_none_or(|b| amount > b.0)
            && self.at_least.is_none_or(|b| amount >= b.0)
            && self.at_most.is_none_or(|b| amount <= b.0)
    }
}

/// A group of attribution codes that counts as one association type (`PCS.ATTR.SINCE`:
/// "any CPOR" is one group), with its name for reports.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeGroup {
    /// The type's name, such as `CPOR`.
    pub name: String,
    /// The codes of the group, matched exactly.
    pub codes: Vec<String>,
}

/// What makes a customer a tenant of a path in a month (`MW.TENANT.*`, `MW.ATTR`,
/// `SEC.M365.TENANT`): its size from its paid licences per workload, and an
/// association type of the path in force.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantRule {
    /// The workloads whose paid licences size a tenant, each on its own.
    pub size_workloads: Vec<String>,
    /// Enterprise-size when some listed workload has more paid licences than this.
    pub enterprise_over: u64,
    /// SMB-size when some listed workload has at least this many paid licences...
    pub smb_at_least: u64,
    /// ... and at most this many.
    pub smb_at_most: u64,
    /// Whether, at M, an Enterprise-size tenant that was SMB-size at M-12 is also
    /// SMB-size (`MW.TENANT.CARRY`).
    pub carry: bool,
    /// The association types of each path, any of which makes a tenant a path tenant.
    pub types: PerPath<Vec<CodeGroup>>,
    /// The clauses it cites.
    pub clauses: TenantClauses,
}

impl TenantRule {
    /// The association type group of a path by its name (`CPOR`, `DPOR`, `CSP`), for
    /// the rules that score each type apart.
    pub fn group(&self, path: crate::model::PathKind, name: &str) -> Option<&CodeGroup> {
        self.types.on(path).iter().find(|g| g.name == name)
    }
}

/// The clauses a tenant rule cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantClauses {
    /// The size test.
    pub size: String,
    /// The carry-over.
    pub carry: String,
    /// The path's association types.
    pub attribution: String,
}

/// Security's Azure side (`SEC.AZ.*`): the services whose ACR is security ACR and the
/// codes that put a customer on the side.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityServices {
    /// Azure services, matched as deployments' are (trimmed, case aside).
    pub services: Vec<String>,
    /// Codes in force that put a customer on the Azure side.
    pub codes: Vec<String>,
    /// The clauses it cites.
    pub clauses: SecurityClauses,
}

/// The clauses of security ACR.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityClauses {
    /// The service list and the TTM.
    pub services: String,
    /// The Azure side's codes.
    pub attribution: String,
    /// The TTM reads every month (`SEC.AZ.TTM_ALL`).
    pub ttm: String,
}

/// Business Applications' monthly consumption value (`BA.MCV.RATES`, `BA.ATTR.CS`):
/// usage times a workload's rate, counting when the pair's attribution has a code of
/// the workload's group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumptionRule {
    /// Each workload's rate per unit of usage; other workloads have no MCV.
    pub rates: Vec<WorkloadRate>,
    /// The groups of workloads and the codes that make their MCV count; a workload
    /// is in one group.
    pub groups: Vec<WorkloadGroup>,
    /// The clauses it cites.
    pub clauses: ConsumptionClauses,
}

/// One line of the rate card.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadRate {
    /// The workload's slug.
    pub workload: String,
    /// USD per unit of usage.
    pub rate: Amount,
}

/// Workloads whose MCV counts with the same codes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadGroup {
    /// The group's name for reports, such as `Dynamics 365`.
    pub name: String,
    /// Its workloads.
    pub workloads: Vec<String>,
    /// The codes that make their MCV count.
    pub codes: Vec<String>,
}

/// The clauses of MCV.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumptionClauses {
    /// The rate card.
    pub rates: String,
    /// The groups' codes.
    pub attribution: String,
}

impl ConsumptionRule {
    /// A workload's rate, if it has one.
    pub fn rate_of(&self, workload: &str) -> Option<Amount> {
        self.rates
            .iter()
            .find(|r| r.workload == workload)
            .map(|r| r.rate)
    }

    /// A workload's group, if it has one.
    pub fn group_of(&self, workload: &str) -> Option<&WorkloadGroup> {
        self.groups
            .iter()
            .find(|g| g.workloads.iter().any(|w| w == workload))
    }
}

/// What a unit of a `net_units` side is and when it counts in a month.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum UnitTest {
    /// A (customer, workload) pair whose revenue in the month reaches the path's
    /// minimum, with one of `codes` in the pair's attribution then (`BA.PERF.NCA.*`).
    RevenuePairs {
        /// The revenue workloads.
        workloads: Vec<String>,
        /// The codes that make a pair's revenue count.
        codes: Vec<String>,
        /// The revenue a pair needs in the month, per path.
        revenue: PerPath<Bounds>,
        /// The clause of the qualifying test.
        clause: String,
    },
    /// A pair whose counting MCV in the month is within the path's bounds
    /// (`BA.CS.DEP.QUALIFY`).
    McvPairs {
        /// The rate card and its attribution groups.
        consumption: ConsumptionRule,
        /// The MCV a pair needs, per path.
        mcv: PerPath<Bounds>,
        /// The clause of the qualifying test.
        clause: String,
    },
    /// A tenant of the path in the month (`MW.PERF.NCA`, `SEC.PERF.NCA.M365`).
    PathTenants {
        /// What makes a tenant a path tenant.
        tenants: TenantRule,
        /// The clause of the count.
        clause: String,
    },
    /// A path tenant whose active users reach a share of its paid licences, both
    /// summed over `workloads` (`SEC.CS.DEP.M365`).
    DeployedTenants {
        /// What makes a tenant a path tenant.
        tenants: TenantRule,
        /// The workloads summed.
        workloads: Vec<String>,
        /// The share of paid licences active users must reach, percent.
        share_percent: u32,
        /// The clause of the test.
        clause: String,
    },
    /// A customer on Security's Azure side whose security TTM ending in the month is
    /// within the path's bounds (`SEC.PERF.NCA.AZURE`, `SEC.CS.DEP.AZURE`).
    SecurityCustomers {
        /// The services and codes of the Azure side.
        security: SecurityServices,
        /// The TTM a customer needs, per path.
        ttm: PerPath<Bounds>,
        /// The clause of the test.
        clause: String,
    },
}

impl UnitTest {
    /// The clause of the unit's test.
    pub fn clause(&self) -> &str {
        match self {
            UnitTest::RevenuePairs { clause, .. }
            | UnitTest::McvPairs { clause, .. }
            | UnitTest::PathTenants { clause, .. }
            | UnitTest::DeployedTenants { clause, .. }
            | UnitTest::SecurityCustomers { clause, .. } => clause,
        }
    }

    /// The workload slugs the test reads.
    pub fn workloads(&self) -> Vec<&str> {
        match self {
            UnitTest::RevenuePairs { workloads, .. } => {
                workloads.iter().map(String::as_str).collect()
            }
            UnitTest::McvPairs { consumption, .. } => consumption_workloads(consumption),
            UnitTest::PathTenants { tenants, .. } => tenant_workloads(tenants, &[]),
            UnitTest::DeployedTenants {
                tenants, workloads, ..
            } => tenant_workloads(tenants, workloads),
            UnitTest::SecurityCustomers { .. } => Vec::new(),
        }
    }

    fn cited(&self) -> Vec<(&'static str, &str)> {
        let mut v = vec![("rule.sides.clause", self.clause())];
        match self {
            UnitTest::McvPairs { consumption, .. } => v.extend(consumption_cited(consumption)),
            UnitTest::PathTenants { tenants, .. } | UnitTest::DeployedTenants { tenants, .. } => {
                v.extend(tenant_cited(tenants));
            }
            UnitTest::SecurityCustomers { security, .. } => v.extend(security_cited(security)),
            UnitTest::RevenuePairs { .. } => {}
        }
        v
    }
}

fn tenant_workloads<'a>(t: &'a TenantRule, summed: &'a [String]) -> Vec<&'a str> {
    t.size_workloads
        .iter()
        .chain(summed)
        .map(String::as_str)
        .collect()
}

fn consumption_workloads(c: &ConsumptionRule) -> Vec<&str> {
    c.rates
        .iter()
        .map(|r| r.workload.as_str())
        .chain(
            c.groups
                .iter()
                .flat_map(|g| g.workloads.iter().map(String::as_str)),
        )
        .collect()
}

fn consumption_cited(c: &ConsumptionRule) -> Vec<(&'static str, &str)> {
    vec![
        ("rule.consumption.clauses.rates", c.clauses.rates.as_str()),
        (
            "rule.consumption.clauses.attribution",
            c.clauses.attribution.as_str(),
        ),
    ]
}

fn tenant_cited(t: &TenantRule) -> Vec<(&'static str, &str)> {
    vec![
        ("rule.tenants.clauses.size", t.clauses.size.as_str()),
        ("rule.tenants.clauses.carry", t.clauses.carry.as_str()),
        (
            "rule.tenants.clauses.attribution",
            t.clauses.attribution.as_str(),
        ),
    ]
}

fn security_cited(s: &SecurityServices) -> Vec<(&'static str, &str)> {
    vec![
        (
            "rule.security.clauses.services",
            s.clauses.services.as_str(),
        ),
        (
            "rule.security.clauses.attribution",
            s.clauses.attribution.as_str(),
        ),
        ("rule.security.clauses.ttm", s.clauses.ttm.as_str()),
    ]
}

/// Units counted at M against M-12 (`kind: net_units`): per side, the units that
/// qualify at M minus those at M-12, floored at 0; the sides' nets added, held to the
/// path's maximum, times the path's points per unit (`PCS.NET.CLAMP`, `SEC.SIDES`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetUnitsRule {
    /// The sides, each counted on its own.
    pub sides: Vec<UnitTest>,
    /// Points per net unit, per path.
    pub points_per_unit: PerPath<Points>,
    /// Net units counted at most, per path; absent: the subcategory's cap alone.
    #[serde(default)]
    pub max_units: Option<PerPath<u32>>,
    /// The clauses it cites; its points cite the subcategory's clause.
    pub clauses: NetUnitsClauses,
}

/// The clauses net units cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetUnitsClauses {
    /// The net count and its clamp.
    pub clamp: String,
    /// Each side floored, then added (the side rule; the clamp again with one side).
    pub sides: String,
}

/// Growth of counting MCV in M against M-12 (`kind: consumption_growth`,
/// `BA.CS.UG.*`): points per whole percent, nothing under the path's baseline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumptionGrowthRule {
    /// The rate card and its attribution groups.
    pub consumption: ConsumptionRule,
    /// P (MCV at M-12) needed before any point, per path.
    pub baseline: PerPath<Bounds>,
    /// Points per whole percent of growth.
    pub points_per_percent: Points,
    /// The clauses it cites.
    pub clauses: ConsumptionGrowthClauses,
}

/// The clauses of consumption growth.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumptionGrowthClauses {
    /// L, P and the percentage.
    pub formula: String,
    /// The baseline floor.
    pub baseline: String,
}

/// An association type of a path with its parameter (a threshold or a value).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeParameter {
    /// The type's name, one of the path's tenant types.
    pub name: String,
    /// Active users of growth for the full points (growth) or points per net tenant
    /// (deployments).
    pub value: Points,
}

/// Active users' growth per association type, the best type scoring
/// (`kind: growth_by_association_type`, `MW.CS.UG.*`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthByTypeRule {
    /// What makes a tenant a path tenant, with the path's types.
    pub tenants: TenantRule,
    /// The workloads whose active users are summed.
    pub workloads: Vec<String>,
    /// Per path, each type's growth (in active users) worth `points`.
    pub thresholds: PerPath<Vec<TypeParameter>>,
    /// The points a type's threshold of growth is worth (exact, proportional).
    pub points: Points,
    /// The clauses it cites.
    pub clauses: GrowthByTypeClauses,
}

/// The clauses of growth by association type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthByTypeClauses {
    /// Now and Before.
    pub formula: String,
    /// The `since` month's users added to Before.
    pub since: String,
    /// The best type.
    pub best: String,
}

/// Deployed path tenants per association type, the best type scoring
/// (`kind: deployed_share`, `MW.CS.DEP.*`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployedShareRule {
    /// What makes a tenant a path tenant, with the path's types.
    pub tenants: TenantRule,
    /// The workloads whose users and licences are summed.
    pub workloads: Vec<String>,
    /// The share of paid licences active users must reach, percent.
    pub share_percent: u32,
    /// Per path, each type's points per net deployed tenant.
    pub values: PerPath<Vec<TypeParameter>>,
    /// The clauses it cites.
    pub clauses: DeployedShareClauses,
}

/// The clauses of deployed share.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeployedShareClauses {
    /// The share test.
    pub qualify: String,
    /// A tenant deployed in its `since` month does not count at M.
    pub exclude: String,
    /// The net and the best type.
    pub points: String,
}

/// Growth on two sides, each in whole steps floored at 0 (`kind: side_growth`,
/// `SEC.CS.UG.*`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideGrowthRule {
    /// Security ACR of the Azure side's customers in the path's class.
    pub azure: AzureGrowthSide,
    /// Active users of the path's tenants.
    pub m365: TenantGrowthSide,
    /// Points per whole step of either side.
    pub points_per_step: Points,
    /// The clause of the sum.
    pub clause: String,
}

/// The Azure side of side growth.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureGrowthSide {
    /// The services and codes of the Azure side.
    pub security: SecurityServices,
    /// The TTM class per path.
    pub class: PerPath<Bounds>,
    /// USD of growth per step, per path.
    pub step: PerPath<Amount>,
    /// Clause id.
    pub clause: String,
}

/// The Microsoft 365 side of side growth.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantGrowthSide {
    /// What makes a tenant a path tenant.
    pub tenants: TenantRule,
    /// The workloads whose active users are summed.
    pub workloads: Vec<String>,
    /// Active users of growth per step, per path.
    pub step: PerPath<u64>,
    /// Clause id.
    pub clause: String,
}
