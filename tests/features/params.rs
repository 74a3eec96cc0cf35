//! Typed step parameters: what `{month}`, `{path}`, `{subcategory}`, `{category}`,
//! `{points}` and `{clause}` match in step text, each parsed into the library's own type.

use cucumber::Parameter;
use pcscore::model::{Month, PathKind, Points};
use pcscore::rulebook::Rulebook;
use std::str::FromStr;

/// A measurement month such as `2024-12`.
#[derive(Debug, Parameter)]
#[param(name = "month", regex = r"\d{4}-\d{2}")]
pub struct MonthArg(pub Month);

impl FromStr for MonthArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Month::parse(s)
            .map(MonthArg)
            .ok_or_else(|| format!("`{s}` is not a month such as 2024-12"))
    }
}

impl MonthArg {
    /// Whether a table heading names a month (`YYYY-MM`); the loader judges its value.
    pub fn is_month(heading: &str) -> bool {
        let b = heading.as_bytes();
        b.len() == 7
            && b[4] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
    }
}

/// `SMB` or `Enterprise`, in either case.
#[derive(Debug, Parameter)]
#[param(name = "path", regex = "SMB|smb|Enterprise|enterprise")]
pub struct PathArg(pub PathKind);

impl FromStr for PathArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        PathKind::parse(&s.to_lowercase())
            .map(PathArg)
            .ok_or_else(|| format!("`{s}` is not a path"))
    }
}

/// A subcategory as its title reads in lower case: `net customer adds`, `usage growth`.
#[derive(Debug, Parameter)]
#[param(
    name = "subcategory",
    regex = "net customer adds|intermediate certifications|advanced certifications|usage growth|deployments"
)]
pub struct SubcategoryArg {
    /// Its position in the rulebook, as the trace's areas count.
    pub index: usize,
    /// Its score card key.
    pub key: String,
    /// Its title.
    pub title: String,
}

impl FromStr for SubcategoryArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Rulebook::builtin()
            .subcategories()
            .enumerate()
            .find(|(_, sub)| sub.title.eq_ignore_ascii_case(s))
            .map(|(index, sub)| SubcategoryArg {
                index,
                key: sub.key.to_string(),
                title: sub.title.clone(),
            })
            .ok_or_else(|| format!("`{s}` is not a subcategory"))
    }
}

/// A category: `performance`, `skilling` or `customer success`.
#[derive(Debug, Parameter)]
#[param(name = "category", regex = "performance|skilling|customer success")]
pub struct CategoryArg(pub String);

impl FromStr for CategoryArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let key = s.replace(' ', "_");
        Rulebook::builtin()
            .category(&key)
            .map(|c| CategoryArg(c.key.to_string()))
            .ok_or_else(|| format!("`{s}` is not a category"))
    }
}

/// A clause id of the rulebook's catalogue, such as `DAI.PERF.NCA.LOSS`.
#[derive(Debug, Parameter)]
#[param(
    name = "clause",
    regex = r"(?:DAI|PCS|AZ|INF|DAT|EDITION)(?:\.[A-Z0-9_]+)+"
)]
pub struct ClauseArg(pub String);

impl FromStr for ClauseArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        // Any edition's: the step checks the explanation of whichever rulebook scored.
        pcscore::rulebook::registry::all()
            .iter()
            .find_map(|b| b.clause(s))
            .map(|c| ClauseArg(c.id.clone()))
            .ok_or_else(|| format!("`{s}` is not in any rulebook's clause catalogue"))
    }
}

/// A number of points as a card shows it: a whole number or up to 2 decimals (`15`,
/// `6.42`, `7.50`). It is compared with the shown value (`PCS.EXPECTED.DECIMALS`).
#[derive(Debug, Parameter)]
#[param(name = "points", regex = r"\d+(?:\.\d{1,2})?")]
pub struct PointsArg(pub Points);

impl FromStr for PointsArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        rust_decimal::Decimal::from_str(s)
            .map(|d| PointsArg(Points::new(d)))
            .map_err(|e| format!("`{s}` is not a number of points: {e}"))
    }
}

impl PointsArg {
    /// Whether a card's exact value shows as this one (`PCS.POINTS.SHOWN`: 2 decimals,
    /// truncated; whole-point cards show the same value).
    pub fn matches(&self, exact: Points) -> bool {
        exact.shown(2) == self.0
    }
}
