//! The partner situation as the engine sees it: customers with their monthly Azure
//! consumed revenue, certified people and deployments, measured at one month.
//!
//! Everything here is already validated by [`crate::load`]; the engine can trust it.

mod money;
mod month;
mod month_map;
mod points;

pub use money::{plain_decimal, Money, MoneyError};
pub use month::Month;
pub use month_map::MonthMap;
pub use points::Points;

use std::collections::BTreeMap;
use std::fmt;

/// A Solutions Partner designation, by its slug.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Designation {
    /// `digital-app-innovation`: Solutions Partner for Digital & App Innovation (Azure).
    DigitalAppInnovation,
    /// `business-applications`
    BusinessApplications,
    /// `data-ai`
    DataAi,
    /// `infrastructure`
    Infrastructure,
    /// `modern-work`
    ModernWork,
    /// `security`
    Security,
}

impl Designation {
    /// Every designation with its slug, in the order the guide lists them.
    pub const ALL: [(Designation, &'static str); 6] = [
        (Designation::BusinessApplications, "business-applications"),
        (Designation::DataAi, "data-ai"),
        (Designation::DigitalAppInnovation, "digital-app-innovation"),
        (Designation::Infrastructure, "infrastructure"),
        (Designation::ModernWork, "modern-work"),
        (Designation::Security, "security"),
    ];

    /// The slug used in files, such as `digital-app-innovation`.
    pub fn slug(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(d, _)| *d == self)
            .map_or("", |(_, s)| s)
    }

    /// Looks a designation up by its slug.
    pub fn from_slug(slug: &str) -> Option<Designation> {
        Self::ALL.iter().find(|(_, s)| *s == slug).map(|(d, _)| *d)
    }
}

impl fmt::Display for Designation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// The path a partner qualifies on: it sets thresholds and the skilling schedule.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum PathKind {
    /// Small and medium business path.
    Smb,
    /// Enterprise path.
    Enterprise,
}

impl PathKind {
    /// The word used in files and score cards: `smb` or `enterprise`.
    pub fn as_str(self) -> &'static str {
        match self {
            PathKind::Smb => "smb",
            PathKind::Enterprise => "enterprise",
        }
    }

    /// Parses `smb` or `enterprise`.
    pub fn parse(text: &str) -> Option<PathKind> {
        match text {
            "smb" => Some(PathKind::Smb),
            "enterprise" => Some(PathKind::Enterprise),
            _ => None,
        }
    }
}

impl fmt::Display for PathKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A customer's market segment, used to derive the path (`DAI.PATH.DERIVED`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Segment {
    /// Small and medium business.
    Smb,
    /// Small, medium and corporate.
    Smc,
    /// Enterprise.
    Enterprise,
}

impl Segment {
    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Segment::Smb => "smb",
            Segment::Smc => "smc",
            Segment::Enterprise => "enterprise",
        }
    }

    /// Parses `smb`, `smc` or `enterprise`.
    pub fn parse(text: &str) -> Option<Segment> {
        match text {
            "smb" => Some(Segment::Smb),
            "smc" => Some(Segment::Smc),
            "enterprise" => Some(Segment::Enterprise),
            _ => None,
        }
    }
}

/// One customer and its monthly Azure consumed revenue.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Customer {
    /// Unique id within the file.
    pub id: String,
    /// Market segment; `None` when the file leaves it out, which it may when the path
    /// is not derived from segments (a located error otherwise).
    pub segment: Option<Segment>,
    /// Association types as written, each with the month it is in force from
    /// (`PCS.ATTR.SINCE`); which codes count is the rulebook's rule.
    pub attribution: Vec<Attribution>,
    /// ACR per month; a month that is absent counts as zero (`DAI.WINDOW.MISSING`).
    pub acr: BTreeMap<Month, Money>,
    /// ACR per Azure service per month, as written (Security's Azure side reads it;
    /// `PCS.DATA.UNUSED`: it is independent of `acr`). Service names are kept as
    /// written, in file order; the rule that reads them matches names.
    pub acr_by_service: Vec<(String, BTreeMap<Month, Money>)>,
    /// Workloads of the customer's tenant (Business Applications, Modern Work,
    /// Security), in file order, each slug once.
    pub workloads: Vec<Workload>,
}

impl Customer {
    /// ACR in a month, zero when the month is not listed.
    pub fn acr_in(&self, month: Month) -> Money {
        self.acr.get(&month).copied().unwrap_or(Money::ZERO)
    }

    /// The codes of the customer's attribution, as written, whatever their `since`.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.attribution.iter().map(|a| a.code.as_str())
    }

    /// The codes in force in a month (`PCS.ATTR.SINCE`).
    pub fn codes_at(&self, month: Month) -> impl Iterator<Item = &str> {
        in_force(&self.attribution, month)
    }
}

/// The codes of an attribution list in force in a month (`PCS.ATTR.SINCE`).
pub fn in_force(list: &[Attribution], month: Month) -> impl Iterator<Item = &str> {
    list.iter()
        .filter(move |a| a.in_force(month))
        .map(|a| a.code.as_str())
}

/// One attribution entry: an association type, and the month it is in force from when
/// the file says (`{type: CPOR, since: 2026-03}`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Attribution {
    /// The code as written (`PAL`, `DPOR`, `CSP`, `CPOR`, `CPOR-OSA`, ...).
    pub code: String,
    /// The first month it is in force; `None`: every month.
    pub since: Option<Month>,
}

impl Attribution {
    /// An entry in force in every month.
    pub fn code(code: impl Into<String>) -> Attribution {
        Attribution {
            code: code.into(),
            since: None,
        }
    }

    /// Whether the entry is in force in a month (`PCS.ATTR.SINCE`).
    pub fn in_force(&self, month: Month) -> bool {
        self.since.is_none_or(|since| since <= month)
    }
}

impl From<&str> for Attribution {
    fn from(code: &str) -> Attribution {
        Attribution::code(code)
    }
}

impl From<String> for Attribution {
    fn from(code: String) -> Attribution {
        Attribution::code(code)
    }
}

impl fmt::Display for Attribution {
    /// `CPOR`, or `CPOR since 2026-03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.since {
            None => f.write_str(&self.code),
            Some(since) => write!(f, "{} since {since}", self.code),
        }
    }
}

/// One workload of a customer's tenant and its monthly figures; a month that is absent
/// counts as zero.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workload {
    /// The workload's slug, known to some rulebook's lists (`PCS.DATA.UNUSED`).
    pub workload: String,
    /// The pair's own attribution (Business Applications); `None`: the customer's.
    pub attribution: Option<Vec<Attribution>>,
    /// Revenue in USD per month, exact.
    pub revenue: MonthMap<Money>,
    /// Usage in the rate card's unit per month, exact.
    pub usage: MonthMap<Money>,
    /// Paid licences per month, whole.
    pub paid_licences: MonthMap<u64>,
    /// Active users per month, whole.
    pub active_users: MonthMap<u64>,
}

impl Workload {
    /// Revenue in a month, zero when not listed.
    pub fn revenue_in(&self, month: Month) -> Money {
        self.revenue.get(&month).copied().unwrap_or(Money::ZERO)
    }

    /// Usage in a month, zero when not listed.
    pub fn usage_in(&self, month: Month) -> Money {
        self.usage.get(&month).copied().unwrap_or(Money::ZERO)
    }

    /// Paid licences in a month, zero when not listed.
    pub fn paid_licences_in(&self, month: Month) -> u64 {
        self.paid_licences.get(&month).copied().unwrap_or(0)
    }

    /// Active users in a month, zero when not listed.
    pub fn active_users_in(&self, month: Month) -> u64 {
        self.active_users.get(&month).copied().unwrap_or(0)
    }
}

/// A certification held by a person, as written in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Certification {
    /// The name as written: a slug, an exam code, or any other certification. The
    /// rulebook resolves exam codes to slugs.
    pub cert: String,
    /// The day it was earned.
    pub earned: chrono::NaiveDate,
    /// The day it expires, if it does.
    pub expires: Option<chrono::NaiveDate>,
}

/// A certified professional.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Unique id within the file.
    pub id: String,
    /// Associated to the partner's Partner Center account (`DAI.SKILL.ASSOC`).
    pub associated: bool,
    /// Certifications in file order.
    pub certifications: Vec<Certification>,
}

/// One deployed service for a customer.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    /// The customer's id; the loader guarantees it is listed.
    pub customer: String,
    /// The Azure service's name as written.
    pub service: String,
    /// The service level (only level 2 is eligible).
    pub service_level: u32,
    /// The month of the deployment.
    pub month: Month,
    /// Its own attribution; `None` means "use the customer's".
    pub attribution: Option<Vec<String>>,
}

/// Everything one partner file says about a partner, at one measurement month.
#[derive(Clone, Debug, PartialEq)]
pub struct Situation {
    /// The designation to score.
    pub designation: Designation,
    /// The measurement month M.
    pub as_of: Month,
    /// The path given in the file, if any (`DAI.PATH.EXPLICIT`).
    pub path: Option<PathKind>,
    /// Customers in file order.
    pub customers: Vec<Customer>,
    /// People in file order.
    pub people: Vec<Person>,
    /// Deployments in file order.
    pub deployments: Vec<Deployment>,
}

impl Situation {
    /// An empty situation at a month, for building situations in code.
    pub fn new(as_of: Month) -> Situation {
        Situation {
            designation: Designation::DigitalAppInnovation,
            as_of,
            path: None,
            customers: Vec::new(),
            people: Vec::new(),
            deployments: Vec::new(),
        }
    }
}

mod score_card;
pub use score_card::{DecimalPoint, Expected, Keyed, Misshapen, ScoreCard, Written};

/// What a file says besides the situation: its name and labels, and, for a scenario,
/// the expected score card.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Header {
    /// `name`: required for scenarios, shown in every report.
    pub name: Option<String>,
    /// `description`: free text.
    pub description: Option<String>,
    /// `tags`: labels for selecting scenarios.
    pub tags: Vec<String>,
    /// `clauses`: the clause ids of interpretation rules the file pins down.
    pub clauses: Vec<String>,
}

/// One loaded file: a partner situation, its header and, for a scenario, the expectation.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Name, description, tags, clauses.
    pub header: Header,
    /// The partner situation.
    pub situation: Situation,
    /// The `expected:` block; `None` for a plain partner file.
    pub expected: Option<Expected>,
    /// The line the `expected:` key is on, for reports and accept.
    pub expected_line: Option<usize>,
    /// Where the `name` value is, for errors found after loading (a duplicate name).
    pub name_at: Option<Position>,
    /// Where the `designation` value is, for a designation that cannot be scored.
    pub designation_at: Option<Position>,
    /// The `edition:` the file names, if any (`EDITION.CHOICE`), as written.
    pub edition: Option<String>,
    /// Where the `edition` value is.
    pub edition_at: Option<Position>,
    /// Where the `as_of` value is.
    pub as_of_at: Option<Position>,
    /// The first customer written without a `segment`, with where it is: refused once
    /// the rulebook says the path is derived from segments.
    pub segment_missing: Option<(String, Position)>,
}

/// A place in a file: 1-based line and column, and the text of that line.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The line's text, for the caret display.
    pub source_line: String,
}
