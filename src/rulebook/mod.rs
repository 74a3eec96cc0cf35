//! Rulebooks: a designation's rules under one edition, as data.
//!
//! A rulebook file (`src/rulebook/<edition>/<designation>.yaml`) declares its score
//! card (categories and subcategories, each with a maximum and a clause id) and, per
//! subcategory, the *kind* of rule that scores it with that rule's parameters
//! ([`rules::Rule`]). The engine ([`crate::engine`]) has one scoring function per rule
//! kind and never looks at a designation's name, so:
//!
//! - a threshold, a cap, a certification list or a clause id is changed in the file and
//!   nowhere else;
//! - a designation or an edition whose subcategories are scored by existing kinds is a
//!   new file here, listed in [`BUILTIN`], and nothing else;
//! - a new kind of rule is a variant of [`rules::Rule`] and a file in `src/engine/`.
//!
//! Every clause id the engine, the planner and the reports cite comes from the
//! rulebook, and [`Rulebook::from_yaml`] refuses one that is not in its catalogue.

pub mod check;
pub mod reads;
pub mod registry;
pub mod rules;

pub use rules::{
    Amount, AzureGrowthSide, Bounds, CertificationLadder, CodeGroup, ConsumptionGrowthRule,
    ConsumptionRule, DeployedShareRule, DeploymentsRule, GrowthByTypeRule, LadderSchedule,
    LadderStep, NetCustomerAddsRule, NetUnitsRule, PerPath, Retirement, Retiring, Rule,
    SecurityServices, SideGrowthRule, TenantClauses, TenantGrowthSide, TenantRule, TypeParameter,
    UnitTest, UsageGrowthRule, WorkloadGroup,
};

use crate::model::{Money, Month, Points};
use serde::Deserialize;
use std::sync::Arc;

/// A score card key read once and shared by every card scored with the rulebook, so a
/// card costs no allocation per key.
fn shared<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    String::deserialize(d).map(Arc::from)
}

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

/// One designation's rules under one edition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// The designation's slug, such as `digital-app-innovation`.
    pub designation: String,
    /// The edition of the rules, `YYYY-MM`, such as `2025-01`.
    pub edition: String,
    /// The designation's full name.
    pub title: String,
    /// Where the rules come from: the guide or pages they are read from.
    pub source: String,
    /// Whether the rules are a provisional reading (not from a program guide).
    pub provisional: bool,
    /// The decimals a point value may have where a card is shown or compared: 0 for
    /// the Azure designations (whole points), 2 for the designations whose points have
    /// fractions (`PCS.POINTS.SHOWN`, `PCS.EXPECTED.DECIMALS`).
    #[serde(default)]
    pub points_decimals: u32,
    /// The categories, in score card order.
    pub categories: Vec<CategoryRule>,
    /// The subcategories, in score card order: read them through
    /// [`Rulebook::subcategories`].
    pub subcategories: Vec<Subcategory>,
    /// The bar for attaining the designation.
    pub attainment: Attainment,
    /// The month windows.
    pub windows: Windows,
    /// How the path is chosen.
    pub path: PathRule,
    /// Eligible attributions.
    pub attribution: AttributionRule,
    /// Known certifications and their exam codes.
    pub certifications: Vec<CertificationInfo>,
    /// The clause catalogue.
    pub clauses: Vec<Clause>,
}

/// A category of the score card and its maximum.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRule {
    /// The score card key, such as `customer_success`.
    #[serde(deserialize_with = "shared")]
    pub key: Arc<str>,
    /// A heading for people, such as `Customer success`.
    pub title: String,
    /// Maximum points.
    pub max: Points,
    /// Clause id.
    pub clause: String,
}

/// A subcategory of the score card: its key under `points`, its category, its maximum,
/// and the rule that scores it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subcategory {
    /// The score card key, such as `net_customer_adds`.
    #[serde(deserialize_with = "shared")]
    pub key: Arc<str>,
    /// A heading for people, such as `Net customer adds`.
    pub title: String,
    /// The key of the category it belongs to.
    pub category: String,
    /// The most points it can have.
    pub max: Points,
    /// The clause of its points and its maximum: the one its total and its cap cite.
    pub clause: String,
    /// The rule that scores it.
    pub rule: Rule,
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

/// A window as months before M, inclusive at both ends (`from` >= `to`), with its clause
/// and the words reports use for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowRule {
    /// What reports call it, such as `last two months`.
    pub title: String,
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

    /// The window relative to M, joining its first and last month with `joiner`:
    /// `M-11 to M`, `M-13 and M-12`, or `M-12` for a single month.
    pub fn span(&self, joiner: &str) -> String {
        let month = |n: u32| {
            if n == 0 {
                "M".to_string()
            } else {
                format!("M-{n}")
            }
        };
        if self.from == self.to {
            month(self.from)
        } else {
            format!("{} {joiner} {}", month(self.from), month(self.to))
        }
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
    /// The clause that a month without a figure counts as zero.
    pub missing_clause: String,
}

impl Windows {
    /// Every window, for the checks that apply to all of them.
    pub fn all(&self) -> [&WindowRule; 4] {
        [
            &self.recent,
            &self.baseline,
            &self.ttm,
            &self.growth_comparison,
        ]
    }
}

/// How the path is chosen when the file does not name one, by kind (`kind:` under
/// `path:`).
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PathRule {
    /// Enterprise at or above a driven-ACR limit; below it, SMB when enough of the
    /// customers are in SMB segments.
    DrivenAcrAndShare(DrivenAcrAndShare),
    /// SMB when enough of the eligible customers with ACR in M are in SMB segments; no
    /// ACR limit.
    ShareInMonth(ShareInMonth),
    /// Enterprise when enough revenue pairs are over a revenue in both M and M-12
    /// (`BA.PATH.DERIVED`).
    RevenuePairs(RevenuePairsPath),
    /// Both paths scored, the one that attains chosen, else the higher total, a tie
    /// going to Enterprise (`MW.PATH.BEST`, `SEC.PATH`).
    BestOfBoth(BestOfBoth),
}

impl PathRule {
    /// The clause of a path written in the file.
    pub fn explicit_clause(&self) -> &str {
        match self {
            PathRule::DrivenAcrAndShare(r) => &r.explicit_clause,
            PathRule::ShareInMonth(r) => &r.explicit_clause,
            PathRule::RevenuePairs(r) => &r.explicit_clause,
            PathRule::BestOfBoth(r) => &r.explicit_clause,
        }
    }

    /// The clause of a path derived from the data.
    pub fn derived_clause(&self) -> &str {
        match self {
            PathRule::DrivenAcrAndShare(r) => &r.derived_clause,
            PathRule::ShareInMonth(r) => &r.derived_clause,
            PathRule::RevenuePairs(r) => &r.derived_clause,
            PathRule::BestOfBoth(r) => &r.derived_clause,
        }
    }

    /// The segments that count toward the SMB share.
    pub fn smb_segments(&self) -> &[String] {
        match self {
            PathRule::DrivenAcrAndShare(r) => &r.smb_segments,
            PathRule::ShareInMonth(r) => &r.smb_segments,
            PathRule::RevenuePairs(_) | PathRule::BestOfBoth(_) => &[],
        }
    }

    /// The share of customers (percent) that must be in SMB segments for SMB.
    pub fn smb_share_percent(&self) -> u32 {
        match self {
            PathRule::DrivenAcrAndShare(r) => r.smb_share_percent,
            PathRule::ShareInMonth(r) => r.smb_share_percent,
            PathRule::RevenuePairs(_) | PathRule::BestOfBoth(_) => 0,
        }
    }

    /// Whether a derived path reads the customers' segments (so a file without
    /// `path:` needs one on every customer).
    pub fn uses_segments(&self) -> bool {
        !self.smb_segments().is_empty()
    }

    /// The driven-ACR limit at or above which the path is Enterprise, if the rule has one.
    pub fn driven_acr_limit(&self) -> Option<Money> {
        match self {
            PathRule::DrivenAcrAndShare(r) => Some(r.limit()),
            PathRule::ShareInMonth(_) | PathRule::RevenuePairs(_) | PathRule::BestOfBoth(_) => None,
        }
    }

    /// Whether the path is derived from the customers' eligible ACR (the Azure kinds),
    /// so the rulebook's `attribution` picks the customers every rule reads.
    pub fn reads_eligible_acr(&self) -> bool {
        matches!(
            self,
            PathRule::DrivenAcrAndShare(_) | PathRule::ShareInMonth(_)
        )
    }
}

/// The Business Applications path (`kind: revenue_pairs`): Enterprise when at least
/// `min_pairs` counting revenue pairs have revenue within `revenue` in both M and M-12.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenuePairsPath {
    /// The clause of a path written in the file.
    pub explicit_clause: String,
    /// The clause of the path derived from the data.
    pub derived_clause: String,
    /// The revenue workloads.
    pub workloads: Vec<String>,
    /// The codes that make a pair's revenue count, judged in each month.
    pub codes: Vec<String>,
    /// The revenue a pair needs in both months.
    pub revenue: rules::Bounds,
    /// Pairs needed for Enterprise.
    pub min_pairs: u32,
}

/// The best of both paths (`kind: best_of_both`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BestOfBoth {
    /// The clause of a path written in the file.
    pub explicit_clause: String,
    /// The clause of the choice.
    pub derived_clause: String,
}

/// The path from the share of SMB customers among the eligible customers with ACR in
/// M (`kind: share_in_month`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareInMonth {
    /// The clause of a path written in the file.
    pub explicit_clause: String,
    /// The clause of the path derived from the data.
    pub derived_clause: String,
    /// The share of customers (percent) that must be in `smb_segments` for SMB.
    pub smb_share_percent: u32,
    /// The segments that count toward the SMB share.
    pub smb_segments: Vec<String>,
}

/// The path from driven ACR and the share of SMB customers (`kind: driven_acr_and_share`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrivenAcrAndShare {
    /// The clause of a path written in the file.
    pub explicit_clause: String,
    /// The clause of the path derived from the data.
    pub derived_clause: String,
    /// Driven ACR at or above this puts a partner on the Enterprise path.
    pub driven_acr_limit: u64,
    /// The share of customers (percent) that must be in `smb_segments` for SMB.
    pub smb_share_percent: u32,
    /// The segments that count toward the SMB share.
    pub smb_segments: Vec<String>,
}

impl DrivenAcrAndShare {
    /// The driven-ACR limit as money.
    pub fn limit(&self) -> Money {
        rules::money(self.driven_acr_limit)
    }
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
    pub fn any_eligible<'c, S: AsRef<str> + 'c>(&self, codes: impl IntoIterator<Item = S>) -> bool {
        codes
            .into_iter()
            .any(|c| self.eligible.iter().any(|e| e == c.as_ref()))
    }
}

/// A certification the rulebook knows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificationInfo {
    /// Canonical slug.
    pub slug: String,
    /// Exam code accepted as an alias, if the rules list one.
    #[serde(default)]
    pub exam: Option<String>,
    /// Other names accepted for it: a second exam code, an older title's slug.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Full title.
    pub title: String,
}

impl CertificationInfo {
    /// Whether a name as written is this certification: its slug, exam code or an alias.
    pub fn is_named(&self, name: &str) -> bool {
        self.slug == name
            || self.exam.as_deref() == Some(name)
            || self.aliases.iter().any(|a| a == name)
    }

    /// Every name it is accepted under besides its slug.
    pub fn other_names(&self) -> impl Iterator<Item = &str> {
        self.exam
            .as_deref()
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// Its title with its exam code, `Azure Administrator Associate (AZ-104)`, or the
    /// title alone when it has none.
    pub fn label(&self) -> String {
        match &self.exam {
            Some(exam) => format!("{} ({exam})", self.title),
            None => self.title.clone(),
        }
    }
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

/// The rulebook files compiled into the binary, by their path under `src/rulebook/`,
/// by edition then designation: [`registry`] finds them by (designation, edition).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "2025-01/digital-app-innovation.yaml",
        include_str!("2025-01/digital-app-innovation.yaml"),
    ),
    (
        "2026-05/business-applications.yaml",
        include_str!("2026-05/business-applications.yaml"),
    ),
    ("2026-05/data-ai.yaml", include_str!("2026-05/data-ai.yaml")),
    (
        "2026-05/digital-app-innovation.yaml",
        include_str!("2026-05/digital-app-innovation.yaml"),
    ),
    (
        "2026-05/infrastructure.yaml",
        include_str!("2026-05/infrastructure.yaml"),
    ),
    (
        "2026-05/modern-work.yaml",
        include_str!("2026-05/modern-work.yaml"),
    ),
    (
        "2026-05/security.yaml",
        include_str!("2026-05/security.yaml"),
    ),
];

impl Rulebook {
    /// The first built-in rulebook, `digital-app-innovation` in edition `2025-01`: the
    /// default where no file or option picks one (the schema's examples, tests).
    pub fn builtin() -> &'static Rulebook {
        &registry::all()[0]
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
        if Month::parse(&self.edition).is_none() {
            return Err(bad(
                "edition",
                format!("`{}` is not a YYYY-MM month", self.edition),
            ));
        }
        let w = &self.windows;
        let mut cited: Vec<(String, &str)> = vec![
            ("attainment.clause".into(), &self.attainment.clause),
            ("windows.missing_clause".into(), &w.missing_clause),
            ("path.explicit_clause".into(), self.path.explicit_clause()),
            ("path.derived_clause".into(), self.path.derived_clause()),
            ("attribution.clause".into(), &self.attribution.clause),
        ];
        for window in w.all() {
            cited.push(("windows.*.clause".into(), &window.clause));
            if window.from < window.to {
                return Err(bad(
                    "windows",
                    "each window needs `from` >= `to` (months before M)".into(),
                ));
            }
        }
        for (i, c) in self.categories.iter().enumerate() {
            cited.push(("categories.clause".into(), &c.clause));
            if self.categories[..i].iter().any(|o| o.key == c.key) {
                return Err(bad("categories", format!("`{}` is listed twice", c.key)));
            }
        }
        for (i, sub) in self.subcategories.iter().enumerate() {
            let field = |f: &str| format!("subcategories.{}.{f}", sub.key);
            cited.push((field("clause"), &sub.clause));
            if self.subcategories[..i].iter().any(|o| o.key == sub.key) {
                return Err(bad(
                    "subcategories",
                    format!("`{}` is listed twice", sub.key),
                ));
            }
            if self.category(&sub.category).is_none() {
                return Err(bad(
                    &field("category"),
                    format!("`{}` is not listed under categories", sub.category),
                ));
            }
            cited.extend(sub.rule.cited().into_iter().map(|(f, id)| (field(f), id)));
            for slug in sub.rule.certifications() {
                if self.certification(slug).is_none() {
                    return Err(bad(
                        &field("rule"),
                        format!("`{slug}` is not listed under certifications"),
                    ));
                }
            }
            if let Rule::CertificationLadder(ladder) = &sub.rule {
                for r in &ladder.retiring {
                    if chrono::NaiveDate::parse_from_str(&r.retires_on, "%Y-%m-%d").is_err() {
                        return Err(bad(
                            &field("rule.retiring.retires_on"),
                            format!("`{}` is not a YYYY-MM-DD date", r.retires_on),
                        ));
                    }
                }
                for r in &ladder.retired {
                    if r.last_month().is_none() {
                        return Err(bad(
                            &field("rule.retired.scores_through"),
                            format!("`{}` is not a YYYY-MM month", r.scores_through),
                        ));
                    }
                }
            }
        }
        for (field, id) in cited {
            if self.clause(id).is_none() {
                return Err(bad(
                    &field,
                    format!("cites `{id}`, which is not in the clause catalogue"),
                ));
            }
        }
        Ok(())
    }

    /// A clause of the catalogue by id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// A known certification by slug or exam code.
    pub fn certification(&self, name: &str) -> Option<&CertificationInfo> {
        self.certifications.iter().find(|c| c.is_named(name))
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
        self.subcategories().find(|s| &*s.key == key)
    }

    /// A category by its key.
    pub fn category(&self, key: &str) -> Option<&CategoryRule> {
        self.categories.iter().find(|c| &*c.key == key)
    }

    /// The title of a category, such as `Customer success`; empty for an unknown key.
    pub fn category_title(&self, key: &str) -> &str {
        self.category(key).map_or("", |c| c.title.as_str())
    }

    /// The most points a partner can have: the sum of the category maxima.
    pub fn max_total(&self) -> Points {
        self.categories.iter().map(|c| c.max).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = BUILTIN[0].1;

    #[test]
    fn the_builtin_rulebooks_load_and_cite_only_catalogued_clauses() {
        for (origin, text) in BUILTIN {
            let book = Rulebook::from_yaml(text, origin).unwrap();
            assert!(
                origin.ends_with(&format!("{}.yaml", book.designation)),
                "{origin}"
            );
            assert!(
                origin.starts_with(&format!("{}/", book.edition)),
                "{origin}"
            );
        }
        let book = Rulebook::builtin();
        assert_eq!(book.designation, "digital-app-innovation");
        // The 34 readings of the guide and the three `EDITION.*` ids every edition has.
        assert_eq!(book.clauses.len(), 37);
        let kinds: Vec<&str> = book.subcategories().map(|s| s.rule.kind()).collect();
        assert_eq!(
            kinds,
            [
                "net_customer_adds",
                "certification_ladder",
                "certification_ladder",
                "usage_growth",
                "deployments"
            ]
        );
    }

    #[test]
    fn unknown_fields_and_clauses_are_refused() {
        let typo = TEXT.replace("min_total: 70", "min_totl: 70");
        assert!(Rulebook::from_yaml(&typo, "t")
            .unwrap_err()
            .to_string()
            .contains("min_totl"));
        let dangling = TEXT.replace("clause: PCS.ATTAINED", "clause: PCS.NOPE");
        assert!(Rulebook::from_yaml(&dangling, "t")
            .unwrap_err()
            .to_string()
            .contains("PCS.NOPE"));
        let dangling = TEXT.replace("add: DAI.PERF.NCA.ADD", "add: DAI.PERF.NCA.ADDS");
        assert_eq!(
            Rulebook::from_yaml(&dangling, "t").unwrap_err().to_string(),
            "rulebook t: subcategories.net_customer_adds.rule.clauses.add: cites \
             `DAI.PERF.NCA.ADDS`, which is not in the clause catalogue"
        );
    }

    #[test]
    fn a_rulebook_is_refused_for_an_unknown_kind_category_or_certification_or_a_twice_listed_key() {
        let refused = |from: &str, to: &str, says: &str| {
            assert!(TEXT.contains(from), "{from}");
            let err = Rulebook::from_yaml(&TEXT.replacen(from, to, 1), "t")
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{err}");
        };
        refused("kind: usage_growth", "kind: usage_decline", "usage_decline");
        refused(
            "category: performance",
            "category: perfomance",
            "subcategories.net_customer_adds.category: `perfomance` is not listed under \
             categories",
        );
        refused(
            "[azure-administrator-associate]",
            "[azure-administrator-associat]",
            "`azure-administrator-associat` is not listed under certifications",
        );
        refused(
            "key: deployments",
            "key: usage_growth",
            "subcategories: `usage_growth` is listed twice",
        );
        refused(
            "edition: 2025-01",
            "edition: 2025-13",
            "`2025-13` is not a YYYY-MM month",
        );
    }
}
