//! The rulebook: every parameter of a designation as data, each with its clause id.
//!
//! The rule logic in [`crate::engine`] is small plain Rust that reads these values, so a
//! threshold, a points-per-unit figure, a cap or a certification list is changed here
//! and nowhere else. The built-in rulebook is `digital-app-innovation.yaml` beside this
//! file, compiled into the binary.

pub mod check;
pub mod clause;

use crate::model::{Money, Month, PathKind, Points};
use serde::Deserialize;
use std::sync::OnceLock;

/// A rulebook that does not make sense as data.
#[derive(Debug, thiserror::Error)]
pub enum RulebookError {
    /// The YAML does not have the rulebook's shape.
    #[error("rulebook {origin}: {message}")]
    Shape {
        /// Where the rulebook came from.
        origin: String,
        /// What is wrong, with the position serde_yaml reports.
        message: String,
    },
    /// A value is out of place (an unknown clause id, a bad month...).
    #[error("rulebook {origin}: {field}: {message}")]
    Value {
        /// Where the rulebook came from.
        origin: String,
        /// The field at fault.
        field: String,
        /// What is wrong.
        message: String,
    },
}

/// The parameters of one designation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// The designation's slug.
    pub designation: String,
    /// The designation's full name.
    pub title: String,
    /// The guide edition the parameters come from.
    pub guide: String,
    /// The categories, in score card order.
    pub categories: Vec<CategoryRule>,
    /// The subcategories, in score card order: read them through
    /// [`Rulebook::subcategories`].
    pub subcategories: Vec<Subcategory>,
    /// The bar for attaining the designation.
    pub attainment: Attainment,
    /// The month windows.
    pub windows: Windows,
    /// Path derivation.
    pub path: PathRule,
    /// Eligible attributions.
    pub attribution: AttributionRule,
    /// Performance: net customer adds.
    pub net_customer_adds: NetCustomerAddsRule,
    /// Skilling.
    pub skilling: SkillingRule,
    /// Known certifications and their exam codes.
    pub certifications: Vec<CertificationInfo>,
    /// Customer success: deployments.
    pub deployments: DeploymentsRule,
    /// Customer success: usage growth.
    pub usage_growth: UsageGrowthRule,
    /// The clause catalogue.
    pub clauses: Vec<Clause>,
}

/// A category of the score card and its maximum.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRule {
    /// The score card key, such as `customer_success`.
    pub key: String,
    /// A heading for people, such as `Customer success`.
    pub title: String,
    /// Maximum points.
    pub max: Points,
    /// Clause id.
    pub clause: String,
}

/// A subcategory of the score card: its key under `points`, its category, its maximum.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subcategory {
    /// The score card key, such as `net_customer_adds`.
    pub key: String,
    /// A heading for people, such as `Net customer adds`.
    pub title: String,
    /// The key of the category it belongs to.
    pub category: String,
    /// The most points it can have.
    pub max: Points,
    /// The clause of its points and maximum.
    pub clause: String,
}

/// The rule that scores a subcategory, with its parameters.
#[derive(Debug, Clone, Copy)]
pub enum RuleRef<'a> {
    /// Net customer adds.
    NetCustomerAdds(&'a NetCustomerAddsRule),
    /// A certification subcategory of skilling.
    Skilling(&'a SkillingSubcategory),
    /// Usage growth.
    UsageGrowth(&'a UsageGrowthRule),
    /// Deployments.
    Deployments(&'a DeploymentsRule),
}

/// The attainment bar.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attainment {
    /// Minimum total points.
    pub min_total: Points,
    /// Minimum points in every subcategory.
    pub min_points_per_subcategory: Points,
    /// Clause id.
    pub clause: String,
}

/// A window as months before M, inclusive at both ends (`from` >= `to`), with its clause.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowRule {
    /// Months before M of the window's first month.
    pub from: u32,
    /// Months before M of the window's last month.
    pub to: u32,
    /// Clause id.
    pub clause: String,
}

impl WindowRule {
    /// The months of the window at M, oldest first.
    pub fn months(&self, as_of: Month) -> Vec<Month> {
        (self.to..=self.from)
            .rev()
            .map(|n| as_of.months_before(n))
            .collect()
    }

    /// The first and last month of the window at M.
    pub fn bounds(&self, as_of: Month) -> (Month, Month) {
        (as_of.months_before(self.from), as_of.months_before(self.to))
    }
}

/// The month windows every rule counts from M.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Windows {
    /// The last two months.
    pub recent: WindowRule,
    /// The same two months last year.
    pub baseline: WindowRule,
    /// The trailing twelve months.
    pub ttm: WindowRule,
    /// The month usage growth compares M with.
    pub growth_comparison: WindowRule,
}

/// How the path is derived from the data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    /// Driven ACR at or above this puts a partner on the Enterprise path.
    pub driven_acr_limit: u64,
    /// The share of customers (percent) that must be in `smb_segments` for SMB.
    pub smb_share_percent: u32,
    /// The segments that count toward the SMB share.
    pub smb_segments: Vec<String>,
    /// Clause id.
    pub clause: String,
}

/// Which attributions are eligible.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionRule {
    /// The eligible codes, matched exactly.
    pub eligible: Vec<String>,
    /// Clause id.
    pub clause: String,
}

impl AttributionRule {
    /// Whether any of the codes is eligible.
    pub fn any_eligible(&self, codes: &[String]) -> bool {
        codes.iter().any(|c| self.eligible.contains(c))
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

impl<T: Copy> PerPath<T> {
    /// The value on a path.
    pub fn on(&self, path: PathKind) -> T {
        match path {
            PathKind::Smb => self.smb,
            PathKind::Enterprise => self.enterprise,
        }
    }
}

/// Net customer adds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetCustomerAddsRule {
    /// Monthly ACR threshold in whole USD per path.
    pub threshold: PerPath<u64>,
    /// Clause of the threshold.
    pub threshold_clause: String,
    /// Points per net add.
    pub points_per_add: Points,
    /// Net adds are clamped to this.
    pub max_adds: u32,
    /// Clause of the points.
    pub clause: String,
}

impl NetCustomerAddsRule {
    /// The threshold on a path as money.
    pub fn threshold_on(&self, path: PathKind) -> Money {
        money(self.threshold.on(path))
    }
}

/// One skilling subcategory.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillingSubcategory {
    /// Prerequisite certification slugs.
    pub prerequisites: Vec<String>,
    /// Clause of the prerequisites.
    pub prerequisite_clause: String,
    /// Scoring certification slugs.
    pub scoring: Vec<String>,
    /// Clause of the scoring list.
    pub scoring_clause: String,
}

/// The skilling point schedule on one path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillingSchedule {
    /// People holding a prerequisite needed before scoring people earn points.
    pub prerequisite_people: u32,
    /// Points for meeting the prerequisite itself.
    pub prerequisite_points: Points,
    /// Points per scoring person.
    pub points_per_person: Points,
    /// Scoring people counted at most.
    pub max_people: u32,
    /// Clause id.
    pub clause: String,
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

/// Skilling.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillingRule {
    /// Intermediate certifications.
    pub intermediate_certifications: SkillingSubcategory,
    /// Advanced certifications.
    pub advanced_certifications: SkillingSubcategory,
    /// Point schedules per path.
    pub schedule: PerPathSchedule,
    /// Retired certifications with a grace period.
    pub retired: Vec<Retirement>,
}

/// Point schedules per path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerPathSchedule {
    /// SMB path.
    pub smb: SkillingSchedule,
    /// Enterprise path.
    pub enterprise: SkillingSchedule,
}

impl PerPathSchedule {
    /// The schedule on a path.
    pub fn on(&self, path: PathKind) -> &SkillingSchedule {
        match path {
            PathKind::Smb => &self.smb,
            PathKind::Enterprise => &self.enterprise,
        }
    }
}

/// A certification the rulebook knows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationInfo {
    /// Canonical slug.
    pub slug: String,
    /// Exam code accepted as an alias.
    pub exam: String,
    /// Full title.
    pub title: String,
}

/// Deployments.
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
    /// Clause id.
    pub clause: String,
}

/// Usage growth.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageGrowthRule {
    /// Minimum ACR in M, whole USD.
    pub min_last_month_acr: u64,
    /// Clause of the minimum.
    pub min_acr_clause: String,
    /// Points per whole percent of growth.
    pub points_per_percent: Points,
    /// Clause of the points.
    pub clause: String,
}

/// One reading of the guide, as catalogued in `docs/rules.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The clause id, such as `DAI.PERF.NCA.LOSS`.
    pub id: String,
    /// The guide section it comes from.
    pub section: String,
    /// The reading in a sentence.
    pub summary: String,
}

fn money(whole_dollars: u64) -> Money {
    Money::from_decimal(rust_decimal::Decimal::from(whole_dollars)).unwrap_or(Money::ZERO)
}

const BUILTIN: &str = include_str!("digital-app-innovation.yaml");

impl Rulebook {
    /// The rulebook compiled into the binary.
    pub fn builtin() -> &'static Rulebook {
        static BOOK: OnceLock<Rulebook> = OnceLock::new();
        BOOK.get_or_init(|| {
            // The built-in rulebook is checked by this module's tests; failing here
            // means the binary itself was built broken.
            Rulebook::from_yaml(BUILTIN, "built-in").expect("the built-in rulebook is valid")
        })
    }

    /// Reads a rulebook from YAML text and checks its references.
    pub fn from_yaml(text: &str, origin: &str) -> Result<Rulebook, RulebookError> {
        let book: Rulebook = serde_yaml::from_str(text).map_err(|e| RulebookError::Shape {
            origin: origin.to_string(),
            message: e.to_string(),
        })?;
        book.validate(origin)?;
        Ok(book)
    }

    fn validate(&self, origin: &str) -> Result<(), RulebookError> {
        let bad = |field: &str, message: String| RulebookError::Value {
            origin: origin.to_string(),
            field: field.to_string(),
            message,
        };
        let mut cited: Vec<(&str, &str)> = vec![
            ("attainment.clause", &self.attainment.clause),
            ("windows.recent.clause", &self.windows.recent.clause),
            ("windows.baseline.clause", &self.windows.baseline.clause),
            ("windows.ttm.clause", &self.windows.ttm.clause),
            (
                "windows.growth_comparison.clause",
                &self.windows.growth_comparison.clause,
            ),
            ("path.clause", &self.path.clause),
            ("attribution.clause", &self.attribution.clause),
            ("net_customer_adds.clause", &self.net_customer_adds.clause),
            (
                "net_customer_adds.threshold_clause",
                &self.net_customer_adds.threshold_clause,
            ),
            (
                "skilling.schedule.smb.clause",
                &self.skilling.schedule.smb.clause,
            ),
            (
                "skilling.schedule.enterprise.clause",
                &self.skilling.schedule.enterprise.clause,
            ),
            ("deployments.clause", &self.deployments.clause),
            ("usage_growth.clause", &self.usage_growth.clause),
            (
                "usage_growth.min_acr_clause",
                &self.usage_growth.min_acr_clause,
            ),
        ];
        for sub in [
            &self.skilling.intermediate_certifications,
            &self.skilling.advanced_certifications,
        ] {
            cited.push(("skilling.*.prerequisite_clause", &sub.prerequisite_clause));
            cited.push(("skilling.*.scoring_clause", &sub.scoring_clause));
            for slug in sub.prerequisites.iter().chain(&sub.scoring) {
                if self.certification(slug).is_none() {
                    return Err(bad(
                        "skilling",
                        format!("`{slug}` is not listed under certifications"),
                    ));
                }
            }
        }
        for (i, c) in self.categories.iter().enumerate() {
            cited.push(("categories.clause", &c.clause));
            if self.categories[..i].iter().any(|o| o.key == c.key) {
                return Err(bad("categories", format!("`{}` is listed twice", c.key)));
            }
        }
        for (i, sub) in self.subcategories.iter().enumerate() {
            cited.push(("subcategories.clause", &sub.clause));
            if self.subcategories[..i].iter().any(|o| o.key == sub.key) {
                return Err(bad(
                    "subcategories",
                    format!("`{}` is listed twice", sub.key),
                ));
            }
            if self.category(&sub.category).is_none() {
                return Err(bad(
                    "subcategories",
                    format!(
                        "`{}` belongs to `{}`, which is not listed under categories",
                        sub.key, sub.category
                    ),
                ));
            }
            if self.rule(sub).is_none() {
                return Err(bad(
                    "subcategories",
                    format!("`{}` has no rule to score it", sub.key),
                ));
            }
        }
        if self.windows.recent.from < self.windows.recent.to
            || self.windows.baseline.from < self.windows.baseline.to
            || self.windows.ttm.from < self.windows.ttm.to
        {
            return Err(bad(
                "windows",
                "each window needs `from` >= `to` (months before M)".into(),
            ));
        }
        for r in &self.skilling.retired {
            cited.push(("skilling.retired.clause", &r.clause));
            if Month::parse(&r.scores_through).is_none() {
                return Err(bad(
                    "skilling.retired.scores_through",
                    format!("`{}` is not a YYYY-MM month", r.scores_through),
                ));
            }
        }
        for (field, id) in cited {
            if self.clause(id).is_none() {
                return Err(bad(
                    field,
                    format!("cites `{id}`, which is not in the clause catalogue"),
                ));
            }
        }
        Ok(())
    }

    /// Checks a `--designation` given on the command line: `Ok` for this rulebook's
    /// designation, otherwise the message to print (a known designation without rules
    /// yet, or an unknown slug with the valid ones).
    pub fn require_designation(&self, slug: &str) -> Result<(), String> {
        if slug == self.designation {
            return Ok(());
        }
        Err(if crate::model::Designation::from_slug(slug).is_some() {
            format!(
                "designation `{slug}` has no rules yet: the guide gives only its maximum points \
                 per subcategory, not its metric definitions, thresholds or certification lists; \
                 pcscore has rules for `{}` only",
                self.designation
            )
        } else {
            let slugs: Vec<String> = crate::model::Designation::ALL
                .iter()
                .map(|(_, s)| format!("`{s}`"))
                .collect();
            format!(
                "--designation: found `{slug}`, expected one of {}",
                slugs.join(", ")
            )
        })
    }

    /// A clause of the catalogue by id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// A known certification by slug or exam code.
    pub fn certification(&self, name: &str) -> Option<&CertificationInfo> {
        self.certifications
            .iter()
            .find(|c| c.slug == name || c.exam == name)
    }

    /// The subcategories in score card order: the one list every score card, report,
    /// key check and plan walks.
    pub fn subcategories(&self) -> std::slice::Iter<'_, Subcategory> {
        self.subcategories.iter()
    }

    /// The subcategories of one category, in score card order.
    pub fn subcategories_in<'a>(
        &'a self,
        category: &'a str,
    ) -> impl Iterator<Item = &'a Subcategory> + 'a {
        self.subcategories().filter(move |s| s.category == category)
    }

    /// A subcategory by its key.
    pub fn subcategory(&self, key: &str) -> Option<&Subcategory> {
        self.subcategories().find(|s| s.key == key)
    }

    /// A category by its key.
    pub fn category(&self, key: &str) -> Option<&CategoryRule> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// The title of a category, such as `Customer success`; empty for an unknown key.
    pub fn category_title(&self, key: &str) -> &str {
        self.category(key).map_or("", |c| c.title.as_str())
    }

    /// The rule that scores a subcategory.
    pub fn rule(&self, sub: &Subcategory) -> Option<RuleRef<'_>> {
        Some(match sub.key.as_str() {
            "net_customer_adds" => RuleRef::NetCustomerAdds(&self.net_customer_adds),
            "intermediate_certifications" => {
                RuleRef::Skilling(&self.skilling.intermediate_certifications)
            }
            "advanced_certifications" => RuleRef::Skilling(&self.skilling.advanced_certifications),
            "usage_growth" => RuleRef::UsageGrowth(&self.usage_growth),
            "deployments" => RuleRef::Deployments(&self.deployments),
            _ => return None,
        })
    }

    /// The most points a partner can have: the sum of the category maxima.
    pub fn max_total(&self) -> Points {
        self.categories.iter().map(|c| c.max).sum()
    }

    /// The driven-ACR limit of the path rule as money.
    pub fn driven_acr_limit(&self) -> Money {
        money(self.path.driven_acr_limit)
    }

    /// The usage growth minimum as money.
    pub fn min_last_month_acr(&self) -> Money {
        money(self.usage_growth.min_last_month_acr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rulebook_loads_and_cites_only_catalogued_clauses() {
        let book = Rulebook::from_yaml(BUILTIN, "built-in").unwrap();
        assert_eq!(book.designation, "digital-app-innovation");
        assert_eq!(book.clauses.len(), 34);
        for id in clause::ALL {
            assert!(book.clause(id).is_some(), "{id} is not catalogued");
        }
    }

    #[test]
    fn unknown_fields_and_clauses_are_refused() {
        let typo = BUILTIN.replace("min_total: 70", "min_totl: 70");
        assert!(Rulebook::from_yaml(&typo, "t")
            .unwrap_err()
            .to_string()
            .contains("min_totl"));
        let dangling = BUILTIN.replace("clause: PCS.ATTAINED", "clause: PCS.NOPE");
        assert!(Rulebook::from_yaml(&dangling, "t")
            .unwrap_err()
            .to_string()
            .contains("PCS.NOPE"));
    }
}
