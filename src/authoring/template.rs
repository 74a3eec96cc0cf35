//! The starting scenario `pcscore new` writes: every part of the format once, each
//! field explained in a comment, and an `expected:` block that holds what the engine
//! gives for the sample data, so the file passes `pcscore check` as written.
//!
//! The sample data is placed relative to the measurement month (an add in the recent
//! months, a certification earned nine months before, a deployment three months
//! before), so the template means the same thing whatever month it is written for.

use crate::engine::{self, EngineError};
use crate::load::{self, LoadError};
use crate::model::{Month, PathKind};
use crate::report;
use crate::rulebook::reads::Reads;
use crate::rulebook::{Rule, Rulebook};
use crate::scenario::{self, Status};
use chrono::NaiveDate;

/// The earliest measurement month a template can be written for: its data reaches back
/// thirteen months.
pub const EARLIEST: &str = "0002-01";
/// The latest measurement month a template can be written for: its certification
/// expires three years after it was earned, and years have four digits.
pub const LATEST: &str = "9996-12";

/// What the starting scenario is about.
#[derive(Clone, Debug)]
pub struct Template {
    /// The scenario's name.
    pub name: String,
    /// The measurement month M.
    pub as_of: Month,
    /// The path to write, or `None` to let the engine derive it.
    pub path: Option<PathKind>,
    /// The schema's location for the `yaml-language-server` comment, relative to the
    /// file; `None` writes no such comment.
    pub schema: Option<String>,
}

/// Why a template could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// The month is outside [`EARLIEST`]..=[`LATEST`].
    #[error("found `{0}`, expected a month from {EARLIEST} to {LATEST}")]
    MonthOutOfRange(Month),
    /// The template did not load: a defect of pcscore, not of the user's input.
    #[error("the template does not load (a defect of pcscore): {0}")]
    Load(#[from] LoadError),
    /// The engine refused the template.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The written expectation does not match the engine: a defect of pcscore.
    #[error("the template's expectation does not match the engine (a defect of pcscore): {0}")]
    Mismatch(String),
}

/// The scenario text: the sample situation, then its score as `expected:`.
///
/// The text is scored, the card written under `expected:`, and the whole file loaded
/// and checked again before it is returned, so what is returned always passes.
pub fn render(t: &Template, book: &Rulebook) -> Result<String, TemplateError> {
    let range = Month::parse(EARLIEST).zip(Month::parse(LATEST));
    if !range.is_some_and(|(first, last)| t.as_of.within(first, last)) {
        return Err(TemplateError::MonthOutOfRange(t.as_of));
    }
    let situation = situation(t, book);
    let draft = load::load_str(&situation, "the template")?;
    let card = engine::score(&draft.situation, book)?.card;
    let mut text = situation;
    text.push_str(EXPECTED_COMMENT);
    text.push_str("expected:\n");
    for line in report::card_yaml(&card, None).lines() {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    let (doc, chosen) = load::load_str_chosen(&text, "the template")?;
    if chosen.designation != book.designation || chosen.edition != book.edition {
        return Err(TemplateError::Mismatch(format!(
            "the template is scored by {} {} instead of {} {}",
            chosen.designation, chosen.edition, book.designation, book.edition
        )));
    }
    match scenario::check_document(std::path::Path::new("the template"), &doc, book).0 {
        Status::Passed => Ok(text),
        Status::Failed { diff } => Err(TemplateError::Mismatch(diff)),
        other => Err(TemplateError::Mismatch(format!("{other:?}"))),
    }
}

const EXPECTED_COMMENT: &str = "
# The score card the engine gives the sample data above, so that this file passes
# `pcscore check` as written. Once you change the data, work the points out by hand and
# write them here: an expectation copied from the engine proves nothing. Every key is
# optional; only the keys written are checked.
";

/// The file up to `expected:`.
fn situation(t: &Template, book: &Rulebook) -> String {
    let m = t.as_of;
    let month = |back: u32| m.months_before(back).to_string();
    let earned = day_of(m.months_before(9), 0);
    let expires = day_of(m.months_before(9), 3);
    let mut out = String::new();
    // Comments line up in a column per block, as an analyst would write them.
    let mut put = |width: usize, code: &str, comment: &str| {
        if comment.is_empty() {
            out.push_str(code);
        } else {
            out.push_str(&format!("{code:<width$} # {comment}"));
        }
        out.push('\n');
    };
    if let Some(schema) = &t.schema {
        put(0, &format!("# yaml-language-server: $schema={schema}"), "");
    }
    let help: &[&str] = if t.schema.is_some() {
        &["# down. The format, field by field: docs/scenario-format.md; in VS Code, hover a key."]
    } else {
        &[
            "# down. The format, field by field: docs/scenario-format.md. For completion and",
            "# checking as you type, save the output of `pcscore schema` as a file and name it",
            "# on a yaml-language-server line at the top (pcscore's README shows how).",
        ]
    };
    for line in [
        "# A pcscore scenario: one partner's situation at one month, and the score it must get.",
        "# Written by `pcscore new` with sample data: replace it with the case you want to pin",
    ]
    .iter()
    .chain(help)
    {
        put(0, line, "");
    }
    for line in [
        "",
        "# A sentence saying what this scenario proves; unique among the scenarios of a run.",
        &format!("name: {}", yaml_text(&t.name)),
        "# Why the numbers are what they are, for the next reader.",
        "description: >",
        "  Sample data: one new customer, one certified person and one deployment.",
        "  Replace it with the situation this scenario is about.",
        "# The guide clauses this scenario pins down (`pcscore rules`, docs/rules.md), such as",
        "# [DAI.PERF.NCA.ADD]; `pcscore coverage` counts them.",
        "clauses: []",
        "# Words for selecting scenarios: `pcscore check --tag draft`.",
        "tags: [draft]",
    ] {
        put(0, line, "");
    }
    const HEAD: usize = 35;
    put(
        HEAD,
        &format!("designation: {}", book.designation),
        "the designation to score (docs/rules.md lists those with rules)",
    );
    put(
        HEAD,
        &format!("as_of: {m}"),
        "the measurement month M: every window counts back from it",
    );
    // Written only when it is not the edition in force for M, which a file leaves out.
    if crate::rulebook::registry::in_force(m).edition != book.edition {
        put(
            HEAD,
            &format!("edition: {}", book.edition),
            "the rules to score with; left out, those in force for as_of",
        );
    }
    match t.path {
        Some(p) => put(
            HEAD,
            &format!("path: {p}"),
            "smb | enterprise: written here, it overrides the path the data gives",
        ),
        None => put(
            HEAD,
            "# path: smb",
            "smb | enterprise; left out, the path is derived from the data",
        ),
    }
    put(0, "", "");
    let reads = book.reads();
    if reads.reads_workloads() {
        workload_sample(&mut out, t, book, &reads);
        return out;
    }
    const TOP: usize = 30;
    put(0, "customers:", "");
    put(
        TOP,
        "  - id: contoso",
        "unique among the customers; deployments refer to it",
    );
    put(
        TOP,
        "    segment: smb",
        "smb | smc | enterprise (used to derive the path)",
    );
    let eligible = &book.attribution.eligible;
    let listed = match eligible.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => eligible.join(""),
    };
    put(
        TOP,
        &format!(
            "    attribution: [{}]",
            eligible.first().map_or("", String::as_str)
        ),
        &format!("{listed} are eligible; [] for none"),
    );
    put(
        TOP,
        "    acr:",
        "USD of Azure consumed revenue per month; a month not listed is 0",
    );
    let w = &book.windows;
    put(
        TOP,
        &format!("      {}: 0", month(w.baseline.from)),
        &format!(
            "{} {}: nothing, so the customer is new",
            w.baseline.title,
            w.baseline.span("and")
        ),
    );
    put(TOP, &format!("      {}: 0", month(w.baseline.to)), "");
    put(
        TOP,
        &format!("      {}: 1200", month(w.recent.from)),
        &format!(
            "recent months {}: at or above the threshold, an add",
            w.recent.span("and")
        ),
    );
    put(TOP, &format!("      {}: 1300", month(w.recent.to)), "");
    put(0, "", "");
    put(0, "people:", "");
    put(TOP, "  - id: alice", "unique among the people");
    put(
        TOP,
        "    associated: true",
        "associated to the Partner Center account (default true)",
    );
    put(TOP, "    certifications:", "");
    const CERT: usize = 43;
    put(
        CERT,
        "      - cert: azure-administrator-associate",
        "a slug, or its exam code AZ-104",
    );
    put(CERT, &format!("        earned: {earned}"), "YYYY-MM-DD");
    put(
        CERT,
        &format!("        expires: {expires}"),
        "optional; active unless expired before the last day of M",
    );
    put(
        CERT,
        "      - cert: AZ-204",
        "azure-developer-associate, by its exam code",
    );
    put(CERT, &format!("        earned: {earned}"), "");
    put(0, "", "");
    put(0, "deployments:", "");
    put(TOP, "  - customer: contoso", "the id of a customer above");
    put(
        TOP,
        "    service: Azure App Service",
        "names compare ignoring case and surrounding spaces",
    );
    let level = book
        .subcategories()
        .find_map(|s| match &s.rule {
            Rule::Deployments(d) => Some(d.service_level),
            _ => None,
        })
        .unwrap_or_default();
    put(
        TOP,
        &format!("    service_level: {level}"),
        &format!("only level {level} counts"),
    );
    put(
        TOP,
        &format!("    month: {}", month(3)),
        &format!("counts within the {}, {}", w.ttm.title, w.ttm.span("to")),
    );
    put(
        TOP,
        "    # attribution: [PAL]",
        "optional: replaces the customer's attribution",
    );
    out
}

/// The sample of a designation whose rules read workloads (Business Applications,
/// Modern Work, Security): one tenant with the workloads and figures its rules read,
/// and one certified person of its first certification list.
fn workload_sample(out: &mut String, t: &Template, book: &Rulebook, reads: &Reads) {
    let m = t.as_of;
    let year_ago = m.months_before(12);
    let earned = day_of(m.months_before(9), 0);
    let mut put = |width: usize, code: &str, comment: &str| {
        if comment.is_empty() {
            out.push_str(code);
        } else {
            out.push_str(&format!("{code:<width$} # {comment}"));
        }
        out.push('\n');
    };
    const TOP: usize = 44;
    put(0, "customers:", "");
    put(TOP, "  - id: contoso", "one customer is one tenant");
    put(
        TOP,
        &format!(
            "    attribution: [CSP, DPOR, {{type: PAL, since: {}}}]",
            m.months_before(6)
        ),
        "a code, or {type: CODE, since: YYYY-MM}",
    );
    if reads.acr_by_service {
        put(
            TOP,
            "    acr_by_service:",
            "USD per Azure service per month",
        );
        put(
            TOP,
            &format!("      Sentinel: {{{year_ago}: 500, {m}: 900}}"),
            "a month not listed is 0",
        );
    }
    put(TOP, "    workloads:", "each slug once per customer");
    let pick = |set: &std::collections::BTreeSet<String>, liked: &[&str]| {
        liked
            .iter()
            .find(|w| set.contains(**w))
            .map(|w| (*w).to_string())
            .or_else(|| set.iter().next().cloned())
    };
    if let Some(slug) = pick(&reads.revenue, &["business-central", "sales"]) {
        put(
            TOP,
            &format!("      - workload: {slug}"),
            "a slug of docs/rules.md",
        );
        put(
            TOP,
            &format!("        revenue: {{{year_ago}: 0, {m}: 1600}}"),
            "USD per month, exact",
        );
        if reads.usage.contains(&slug) {
            put(
                TOP,
                &format!("        usage: {{{year_ago}: 0, {m}: 12}}"),
                "the rate card's unit per month",
            );
        }
    }
    if let Some(slug) = pick(&reads.tenants, &["teams", "intune"]) {
        put(
            TOP,
            &format!("      - workload: {slug}"),
            "a slug of docs/rules.md",
        );
        put(
            TOP,
            &format!("        paid_licences: {{{year_ago}: 250, {m}: 400}}"),
            "whole numbers per month",
        );
        put(
            TOP,
            &format!("        active_users: {{{year_ago}: 100, {m}: 300}}"),
            "whole numbers per month",
        );
    }
    let cert = book.subcategories().find_map(|s| match &s.rule {
        Rule::CertificationLadder(l) => l
            .prerequisites
            .first()
            .unwrap_or(&l.scoring)
            .certs
            .first()
            .cloned(),
        _ => None,
    });
    if let Some(cert) = cert {
        put(0, "", "");
        put(0, "people:", "");
        put(TOP, "  - id: alice", "unique among the people");
        put(TOP, "    certifications:", "");
        put(
            TOP,
            &format!("      - cert: {cert}"),
            "a slug, or its exam code",
        );
        put(TOP, &format!("        earned: {earned}"), "YYYY-MM-DD");
    }
}

/// The 15th of `month`, `years_later` years on.
fn day_of(month: Month, years_later: i32) -> String {
    NaiveDate::from_ymd_opt(month.year() + years_later, month.month(), 15)
        .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// Text as a YAML scalar: plain when it reads back as the same text, else in double
/// quotes (a JSON string is a valid YAML double-quoted scalar).
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && text.trim() == text
        && text.starts_with(|c: char| c.is_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -_.,()'".contains(c))
        && !matches!(
            text.to_lowercase().as_str(),
            "null" | "true" | "false" | "yes" | "no" | "on" | "off"
        );
    if plain {
        text.to_string()
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(as_of: &str, path: Option<PathKind>) -> Template {
        Template {
            name: "Sample".into(),
            as_of: Month::parse(as_of).expect("a month"),
            path,
            schema: Some("../schema/scenario.schema.json".into()),
        }
    }

    #[test]
    fn the_template_passes_at_any_month_on_either_path() {
        let book = Rulebook::builtin();
        for as_of in ["0002-01", "1999-01", "2024-12", "2025-03", "9996-12"] {
            for path in [None, Some(PathKind::Smb), Some(PathKind::Enterprise)] {
                let text = render(&template(as_of, path), book)
                    .unwrap_or_else(|e| panic!("{as_of} {path:?}: {e}"));
                assert!(text.starts_with("# yaml-language-server: $schema=../schema/"));
            }
        }
    }

    #[test]
    fn months_outside_the_range_are_refused() {
        let book = Rulebook::builtin();
        for as_of in ["0001-12", "9997-01", "9999-12"] {
            assert!(
                matches!(
                    render(&template(as_of, None), book),
                    Err(TemplateError::MonthOutOfRange(_))
                ),
                "{as_of}"
            );
        }
    }

    #[test]
    fn names_are_quoted_when_yaml_would_read_them_otherwise() {
        assert_eq!(yaml_text("Two admins"), "Two admins");
        assert_eq!(yaml_text("true"), "\"true\"");
        assert_eq!(yaml_text("a: b"), "\"a: b\"");
        assert_eq!(yaml_text("#1 \"x\""), "\"#1 \\\"x\\\"\"");
        assert_eq!(yaml_text(""), "\"\"");
    }
}
