//! Structured evidence attached to trace entries: the data a rule looked at and what it
//! decided, as values rather than words, so that reports can lay it out in tables, write
//! the sentence (`report::reason`) and give it to machines without parsing text.
//!
//! The engine fills these while it scores; reports only render them. Nothing here is
//! computed twice: each value is the one the rule used, and a sentence quotes its
//! thresholds, windows and counts from here.

use crate::model::{Money, Month, PathKind, Points, Segment};
use chrono::NaiveDate;

/// The data behind one trace entry: what its sentence and its table row are made of.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum Evidence {
    /// A month window and the months it covers (`DAI.WINDOW.*`).
    Window {
        /// The first month of the window.
        from: Month,
        /// The last month of the window.
        to: Month,
        /// Whether the rules read each of its months on its own (the recent and baseline
        /// months net customer adds compares), rather than the window as one span (the
        /// trailing twelve months).
        each_month: bool,
    },
    /// What a month with no ACR figure counts as (`DAI.WINDOW.MISSING`).
    MissingMonth {
        /// The amount it counts as: zero.
        counts_as: Money,
    },
    /// A category's points: its subcategories' points, summed and capped
    /// (`PCS.CATEGORY.MAX`).
    Category {
        /// Each subcategory of the category, by key, with its points, in card order.
        parts: Vec<(String, Points)>,
        /// The category's maximum.
        max: Points,
    },
    /// Whether the designation is attained, and what it lacks (`PCS.ATTAINED`).
    Attainment(AttainmentEvidence),
    /// A customer left out because none of its codes is eligible (`DAI.ATTR.ELIGIBLE`).
    Attribution {
        /// The customer's id.
        customer: String,
        /// Its segment.
        segment: Option<Segment>,
        /// Its codes as written.
        codes: Vec<String>,
        /// The eligible codes, none of which it has.
        eligible: Vec<String>,
        /// The subcategories its ACR would have counted toward besides the path, by
        /// title.
        counts_toward: Vec<String>,
    },
    /// The path, with the figures it was derived from (`DAI.PATH.*`).
    Path(PathEvidence),
    /// The monthly ACR a customer must reach on the partner's path
    /// (`DAI.PERF.NCA.THRESHOLD`).
    Threshold {
        /// The threshold.
        amount: Money,
        /// The path it is the threshold of.
        path: PathKind,
    },
    /// A customer's ACR in the months net customer adds compares, against the threshold.
    CustomerAcr(CustomerAcr),
    /// The count that gives the net customer adds points.
    NetAdds {
        /// Customers that are adds.
        adds: u32,
        /// Customers that are losses.
        losses: u32,
        /// Net adds held between 0 and the maximum.
        counted: u32,
        /// The most net adds counted.
        max_adds: u32,
        /// Points per net add counted.
        points_per_add: Points,
    },
    /// One certification of one person, in one skilling subcategory.
    Certification(CertificationEvidence),
    /// A certification announced as retiring, which scores like any other while active
    /// (`DAI.SKILL.*.RETIRING`).
    Retiring {
        /// Its title.
        title: String,
        /// The day it retires, as the rulebook writes it.
        retires_on: String,
    },
    /// A person with several active scoring certifications, counted once
    /// (`DAI.SKILL.UNIQUE`).
    CountedOnce {
        /// Their distinct active scoring certifications.
        certifications: usize,
    },
    /// A person who meets a prerequisite and also scores (`DAI.SKILL.SAME_PEOPLE`).
    PrerequisiteAndScoring,
    /// The counts that give a skilling subcategory its points.
    Skilling(SkillingTally),
    /// A subcategory's points from its schedule against its maximum (`DAI.SKILL.MAX`).
    Capped {
        /// The points the schedule gives.
        raw: Points,
        /// The subcategory's maximum.
        max: Points,
    },
    /// A customer's eligible ACR in the two months usage growth compares.
    GrowthCustomer {
        /// The customer's id.
        customer: String,
        /// M.
        last_month: Month,
        /// ACR in M.
        last: Money,
        /// M-12.
        prior_month: Month,
        /// ACR in M-12.
        prior: Money,
    },
    /// L and P, summed over the eligible customers (`DAI.CS.UG.FORMULA`).
    GrowthTotals {
        /// M.
        last_month: Month,
        /// L: eligible ACR in M.
        last: Money,
        /// M-12.
        prior_month: Month,
        /// P: eligible ACR in M-12.
        prior: Money,
    },
    /// Eligible ACR in M under the minimum usage growth needs (`DAI.CS.UG.MIN_ACR`).
    GrowthMinimum {
        /// M.
        month: Month,
        /// Eligible ACR in M.
        last: Money,
        /// The minimum.
        minimum: Money,
    },
    /// No eligible ACR in the comparison month: growth is undefined
    /// (`DAI.CS.UG.NO_BASELINE`).
    NoBaseline {
        /// The comparison month.
        month: Month,
        /// Eligible ACR in it: zero.
        prior: Money,
    },
    /// The growth rate, when it is defined.
    GrowthRate {
        /// L.
        last: Money,
        /// P.
        prior: Money,
        /// The exact percentage truncated to two decimals, as shown: `31.99`; `None`
        /// when it is beyond the decimal range (the whole percent still decides).
        percent: Option<String>,
        /// The whole percent, rounded down, the points are counted from.
        whole_percent: i64,
    },
    /// Usage growth's points from the whole percent.
    GrowthPoints {
        /// The whole percent, rounded down.
        whole_percent: i64,
        /// Points per whole percent.
        points_per_percent: Points,
        /// The subcategory's maximum.
        max: Points,
    },
    /// Usage growth earns nothing: under the minimum, or without a baseline.
    NoGrowthPoints,
    /// One deployment entry and what became of it (`DAI.CS.DEP.*`).
    Deployment(DeploymentEvidence),
    /// The distinct services that give the deployments points.
    DistinctServices {
        /// Each distinct service (matched form) with the deployment numbers merged into it.
        services: Vec<(String, Vec<usize>)>,
        /// Services counted, at most the maximum.
        counted: u32,
        /// The most services counted.
        max_services: u32,
        /// Points per service counted.
        points_per_service: Points,
    },
    /// One unit (a pair, a tenant, a customer) judged in one month by a 2026-05 rule.
    Unit(UnitEvidence),
    /// The net count of a `net_units` rule, per side, and its points.
    NetUnits(NetUnitsTally),
    /// L, P and the growth of counting MCV (`BA.CS.UG.*`).
    ConsumptionGrowth(ConsumptionTally),
    /// One association type's growth or deployed tenants and its points (`MW.CS.*`).
    TypeScore(TypeScore),
    /// One side's growth in whole steps (`SEC.CS.UG.*`).
    SideSteps(SideSteps),
    /// The Business Applications path: pairs over the revenue in both months
    /// (`BA.PATH.*`).
    PairPath {
        /// The path scored on.
        path: PathKind,
        /// The path written in the file, if any.
        given: Option<PathKind>,
        /// Counting revenue pairs over the revenue in both M and M-12.
        pairs: u32,
        /// Pairs needed for Enterprise.
        needed: u32,
    },
    /// Both paths scored, and which one counts (`MW.PATH.BEST`, `SEC.PATH`).
    PathChoice(PathChoice),
}

/// What a unit was measured by in a month.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Measure {
    /// A pair's revenue, USD.
    Revenue(rust_decimal::Decimal),
    /// A pair's monthly consumption value: usage x rate.
    Mcv {
        /// Usage in the rate card's unit.
        usage: rust_decimal::Decimal,
        /// USD per unit.
        rate: rust_decimal::Decimal,
        /// The product, USD.
        value: rust_decimal::Decimal,
    },
    /// A tenant's size: the most paid licences of one size workload, and the sizes.
    Size {
        /// The most paid licences of one listed workload.
        largest: u64,
        /// Enterprise-size then.
        enterprise: bool,
        /// SMB-size then (the carry-over included).
        smb: bool,
        /// SMB-size at M only by the carry-over (`MW.TENANT.CARRY`).
        carried: bool,
    },
    /// Active users against paid licences, summed over the listed workloads.
    Share {
        /// Active users.
        users: u64,
        /// Paid licences.
        licences: u64,
        /// The share needed, percent.
        percent: u32,
    },
    /// Security TTM ending in the month, USD.
    SecurityTtm(rust_decimal::Decimal),
    /// Active users summed over the listed workloads.
    Users(u64),
}

/// Whether a unit counts in a month, and if not, why.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnitStatus {
    /// It counts.
    Counts,
    /// None of the codes the rule needs is in force then.
    NoCode,
    /// Its figure is outside the rule's bounds then.
    Short,
    /// It is not of the path's size then.
    NotPathSize,
    /// Counted at M, it was already deployed in its association's `since` month
    /// (`MW.CS.DEP.EXCLUDE`).
    DeployedAtSince(Month),
}

/// One unit judged in one month.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnitEvidence {
    /// The side of the rule (from 0), for rules with sides.
    pub side: usize,
    /// The customer's id.
    pub customer: String,
    /// The workload, for a pair.
    pub workload: Option<String>,
    /// The month judged.
    pub month: Month,
    /// The figure it was judged by.
    pub measure: Measure,
    /// The bounds the figure needed, when the rule has bounds.
    pub bounds: Option<crate::rulebook::Bounds>,
    /// The codes in force then (the pair's own when `own_attribution`).
    pub codes: Vec<String>,
    /// Whether the codes are the workload entry's own.
    pub own_attribution: bool,
    /// The association type it is judged for, for rules per type.
    pub association: Option<String>,
    /// Counts or why not.
    pub status: UnitStatus,
}

/// One side's count at M and M-12.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SideCount {
    /// Units at M.
    pub at_m: u32,
    /// Units at M-12.
    pub at_m12: u32,
    /// At M less at M-12, floored at 0.
    pub net: u32,
}

/// The count behind a `net_units` rule's points.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NetUnitsTally {
    /// M.
    pub month: Month,
    /// M-12.
    pub prior_month: Month,
    /// Each side's count, in the rule's order.
    pub sides: Vec<SideCount>,
    /// The sides' nets added, held to the maximum.
    pub counted: u32,
    /// The maximum, when the rule has one.
    pub max_units: Option<u32>,
    /// Points per net unit.
    pub per_unit: Points,
    /// The points before the subcategory's cap.
    pub raw: Points,
}

/// L and P and what they give (`BA.CS.UG.*`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ConsumptionTally {
    /// M.
    pub month: Month,
    /// L: counting MCV at M.
    pub last: rust_decimal::Decimal,
    /// M-12.
    pub prior_month: Month,
    /// P: counting MCV at M-12.
    pub prior: rust_decimal::Decimal,
    /// The baseline P needs.
    pub baseline: crate::rulebook::Bounds,
    /// Whether P meets it.
    pub baseline_met: bool,
    /// The growth percent truncated to 2 decimals, when P is not 0.
    pub percent: Option<rust_decimal::Decimal>,
    /// The whole percent counted (rounded down, at least 0).
    pub whole_percent: u64,
}

/// One association type's score (`MW.CS.UG.*`, `MW.CS.DEP.*`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TypeScore {
    /// The type's name.
    pub association: String,
    /// Growth: Now (users); deployments: deployed tenants at M.
    pub now: u64,
    /// Growth: Before (users, the `since` months' included); deployments: deployed
    /// tenants at M-12.
    pub before: u64,
    /// Growth: the `since` months' users within Before; deployments: tenants left out
    /// at M by `MW.CS.DEP.EXCLUDE`.
    pub since_part: u64,
    /// Growth: the users of growth worth the full points; deployments: 0.
    pub threshold: u64,
    /// Deployments: points per net tenant; growth: the full points.
    pub value: Points,
    /// Its points, clamped.
    pub points: Points,
    /// Whether it is the type that scores.
    pub best: bool,
}

/// One side's growth in steps (`SEC.CS.UG.*`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SideSteps {
    /// The side, from 0 (Azure, then Microsoft 365).
    pub side: usize,
    /// The sum at M.
    pub now: rust_decimal::Decimal,
    /// The sum at M-12.
    pub before: rust_decimal::Decimal,
    /// One step.
    pub step: rust_decimal::Decimal,
    /// Whole steps in the growth, floored at 0.
    pub steps: u64,
}

/// Both paths' cards and the choice (`MW.PATH.BEST`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PathChoice {
    /// The Enterprise total and whether it attains.
    pub enterprise: (Points, bool),
    /// The SMB total and whether it attains.
    pub smb: (Points, bool),
    /// The path chosen or given.
    pub chosen: PathKind,
    /// Why.
    pub reason: ChoiceReason,
}

/// Why a path was chosen (`MW.PATH.BEST`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChoiceReason {
    /// The file names it.
    Given,
    /// It attains and the other does not.
    OnlyOneAttains,
    /// Both attain, or neither, and its exact total is higher.
    HigherTotal,
    /// Both attain, or neither, with equal totals: Enterprise (decided).
    TieGoesToEnterprise,
}

/// The total against the attainment bar.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AttainmentEvidence {
    /// The total points.
    pub total: Points,
    /// The decimals a card shows points with (`PCS.POINTS.SHOWN`).
    pub decimals: u32,
    /// The total the bar needs.
    pub min_total: Points,
    /// The points every subcategory needs.
    pub min_per_subcategory: Points,
    /// The subcategories under that, by key, in card order.
    pub short: Vec<String>,
}

/// The path and the data behind it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PathEvidence {
    /// The path scored on.
    pub path: PathKind,
    /// The path written in the file, if any.
    pub given: Option<PathKind>,
    /// The path the data alone gives.
    pub derived: PathKind,
    /// The first month the figures below cover: the first of the trailing twelve
    /// months, or M for a rule that reads M alone (one without a driven-ACR limit).
    pub from: Month,
    /// The last month they cover: M.
    pub to: Month,
    /// Eligible ACR summed over `from` to `to`.
    pub driven_acr: Money,
    /// Driven ACR at or above this means Enterprise, when the path rule has a limit.
    pub driven_acr_limit: Option<Money>,
    /// Eligible customers with ACR in the trailing twelve months (in M alone, for a
    /// rule that reads the share in M).
    pub active_customers: u64,
    /// Those of them in an SMB segment.
    pub smb_customers: u64,
    /// The segments that count as SMB.
    pub smb_segments: Vec<String>,
    /// The share of SMB customers (percent) the SMB path needs.
    pub smb_share_needed: u32,
    /// Whether the SMB customers reach that share (as they do when there are none
    /// with ACR at all).
    pub smb_share_met: bool,
}

/// One month's ACR of a customer and whether it reaches the threshold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MonthAcr {
    /// The month.
    pub month: Month,
    /// ACR in it (zero when the file has no figure).
    pub amount: Money,
    /// Whether the amount is at or above the threshold.
    pub at_threshold: bool,
}

/// A customer's ACR in the baseline and last two months, and the verdict.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CustomerAcr {
    /// The customer's id.
    pub customer: String,
    /// The threshold on the partner's path.
    pub threshold: Money,
    /// The baseline months, oldest first.
    pub baseline: Vec<MonthAcr>,
    /// The last two months, oldest first.
    pub recent: Vec<MonthAcr>,
    /// The rulebook's name for the recent months (`last two months`).
    pub recent_title: String,
    /// Add, loss or neither.
    pub verdict: AddVerdict,
    /// What made it so.
    pub finding: AddFinding,
}

/// Why a customer is an add, a loss or neither: the verdict with the fact that decided it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AddFinding {
    /// Nothing in every baseline month, at or above the threshold in a recent month.
    Add,
    /// At or above the threshold in a baseline month, under it in every recent month.
    Loss,
    /// At or above the threshold in a baseline month and in a recent month.
    HeldAbove,
    /// Nothing in the baseline, under the threshold in every recent month.
    NeverReached,
    /// Some ACR in a baseline month, under the threshold throughout the baseline: the
    /// first such month and its amount.
    BaselineUnderThreshold {
        /// The first baseline month with ACR.
        month: Month,
        /// Its ACR.
        amount: Money,
    },
}

/// What a customer is for net customer adds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AddVerdict {
    /// `DAI.PERF.NCA.ADD`
    Add,
    /// `DAI.PERF.NCA.LOSS`
    Loss,
    /// `DAI.PERF.NCA.NEUTRAL`
    Neutral,
}

/// What a certification is for in a subcategory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CertRole {
    /// It meets the subcategory's prerequisite.
    Prerequisite,
    /// It scores in the subcategory.
    Scoring,
}

/// Whether a certification counted at M, and if not, why.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CertStatus {
    /// Active at the last day of M, held by an associated person: it counts.
    Active,
    /// Earned after the last day of M (`DAI.SKILL.ACTIVE`).
    NotYetEarned,
    /// Expired before the last day of M (`DAI.SKILL.ACTIVE`).
    Expired,
    /// Held by a person not associated to the partner (`DAI.SKILL.ASSOC`).
    NotAssociated,
    /// Retired, and M is past its grace period (`DAI.SKILL.ADV.IOT_GRACE`).
    Retired {
        /// The day it retired, as the rulebook writes it; `None` for a list that says
        /// only until when it scores (`MW.SKILL.*`).
        retired_on: Option<String>,
        /// The last measurement month it scored in.
        scores_through: Month,
    },
    /// Not a certification this designation scores.
    NotScored,
}

/// One certification of one person, as a skilling rule judged it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CertificationEvidence {
    /// The person's id.
    pub person: String,
    /// Whether the person is associated to the partner.
    pub associated: bool,
    /// The certification as written in the file.
    pub cert: String,
    /// Its full title, when the rulebook knows it.
    pub title: Option<String>,
    /// What it is for in this subcategory, when it is for anything.
    pub role: Option<CertRole>,
    /// The day it was earned.
    pub earned: NaiveDate,
    /// The day it expires, if it does.
    pub expires: Option<NaiveDate>,
    /// M, the month it is judged in.
    pub as_of: Month,
    /// The day it is judged on: the last day of M.
    pub judged_on: NaiveDate,
    /// Whether it counted.
    pub status: CertStatus,
    /// An active scoring certification that earns nothing, as a prerequisite step is
    /// unmet.
    pub prerequisite_unmet: bool,
    /// For a name the rulebook does not know: the certification it names but for case
    /// or spacing, if any.
    pub similar: Option<SimilarCertification>,
}

/// A certification the rulebook knows, under every name it is accepted by.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SimilarCertification {
    /// Its title.
    pub title: String,
    /// Its slug, then its exam code and aliases.
    pub names: Vec<String>,
}

/// The counts behind a skilling subcategory's points, with the schedule they meet.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SkillingTally {
    /// Associated people with an active prerequisite.
    pub prerequisite_people: u32,
    /// How many the path needs.
    pub prerequisite_needed: u32,
    /// Associated people with at least one active scoring certification.
    pub scoring_people: u32,
    /// Scoring people counted, at most the path's maximum.
    pub counted_people: u32,
    /// Each prerequisite step, in order.
    pub steps: Vec<StepTally>,
    /// The path whose schedule applies.
    pub path: PathKind,
    /// Points a met step earns on its own.
    pub gate_points: Points,
    /// Points per scoring person, once every step is met.
    pub points_per_person: Points,
    /// Scoring people counted at most.
    pub max_people: u32,
}

/// One prerequisite step of a ladder, at M.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StepTally {
    /// The titles of the certifications that meet it.
    pub titles: Vec<String>,
    /// Associated people holding one, active.
    pub holders: u32,
    /// Whether they are enough.
    pub met: bool,
}

/// One deployment entry and what became of it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DeploymentEvidence {
    /// Its number in the file, from 1.
    pub number: usize,
    /// The customer's id.
    pub customer: String,
    /// The service as written, without surrounding white space.
    pub service: String,
    /// Its service level.
    pub service_level: u32,
    /// Its month.
    pub month: Month,
    /// The attribution that decided eligibility.
    pub attribution: Vec<String>,
    /// Whether that attribution is the deployment's own (else its customer's).
    pub own_attribution: bool,
    /// What became of it.
    pub status: DeploymentStatus,
}

/// Counted, merged into an earlier entry of the same service, or refused.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DeploymentStatus {
    /// A new distinct service (its matched form).
    Counted {
        /// The service name as matched: lower case, trimmed.
        service: String,
        /// The rulebook's name for the window it lies in (`trailing twelve months`).
        window: String,
    },
    /// The same service as an earlier counted entry.
    Merged {
        /// The service name as matched.
        service: String,
        /// The number of the entry it was merged into.
        into: usize,
    },
    /// Not eligible: every reason, each with its clause id.
    Refused {
        /// `(clause id, reason)` in the order the rules were applied.
        reasons: Vec<(String, Refusal)>,
    },
}

/// Why a deployment entry is not eligible.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Refusal {
    /// Its service level is not the one that counts.
    ServiceLevel {
        /// Its level.
        found: u32,
        /// The level that counts.
        needed: u32,
    },
    /// Its service is one that never counts.
    ExcludedService {
        /// The service as written, without surrounding white space.
        service: String,
    },
    /// The attribution that decides has no eligible code.
    Attribution {
        /// Whether it is the deployment's own attribution (else its customer's).
        own: bool,
        /// The codes as written.
        codes: Vec<String>,
        /// The eligible codes.
        eligible: Vec<String>,
    },
    /// Its month lies outside the window.
    OutsideWindow {
        /// Its month.
        month: Month,
        /// The rulebook's name for the window (`trailing twelve months`).
        window: String,
        /// The window's first month.
        from: Month,
        /// The window's last month.
        to: Month,
    },
}
