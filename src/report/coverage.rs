//! The output of `pcscore coverage`: text, JSON and a Markdown table of (edition,
//! clause) pairs, each ending with the same counts.

use super::{count, markdown, markdown_code, one_line, one_line_path, Place};
use crate::coverage::{CatalogueSummary, Coverage, CoverageSummary, Unknown, UnknownCitation};
use serde_json::json;

/// Per catalogue (an edition's, then the import's) a heading with its counts, then one
/// block per pair (edition, id, summary, then what cites it or `UNCOVERED`); the
/// citations that name no pair with file and line; and the summary line.
pub fn coverage_text(c: &Coverage) -> String {
    let mut out = String::new();
    let mut headings = c.catalogues().into_iter();
    let mut last: Option<Option<&str>> = None;
    for clause in &c.clauses {
        if last != Some(clause.edition.as_deref()) {
            if let Some(h) = headings.next() {
                out.push_str(&format!("{}\n\n", heading(&h)));
            }
            last = Some(clause.edition.as_deref());
        }
        out.push_str(&format!(
            "{} {}  {}\n",
            one_line(clause.edition.as_deref().unwrap_or("import")),
            one_line(&clause.id),
            one_line(&clause.summary)
        ));
        for f in &clause.features {
            out.push_str(&format!(
                "  feature   {}:{}  {}\n",
                one_line_path(&f.file),
                f.line,
                one_line(&f.scenario)
            ));
        }
        for s in &clause.scenarios {
            out.push_str(&format!(
                "  scenario  {}:{}  {}\n",
                one_line_path(&s.file),
                s.line,
                one_line(&s.name)
            ));
        }
        if !clause.is_covered() {
            out.push_str("  UNCOVERED  no feature scenario or YAML scenario cites this clause");
            out.push_str(match clause.edition {
                Some(_) => " for this edition\n",
                None => "\n",
            });
        }
        out.push('\n');
    }
    if !c.unknown.is_empty() {
        out.push_str("Unknown clause ids\n");
        for u in &c.unknown {
            out.push_str(&format!("  {}\n", unknown_sentence(u, Words::Text)));
        }
        out.push('\n');
    }
    for file in &c.uncounted {
        out.push_str(&format!(
            "not counted: {} cites clauses but has no `expected:` block, so nothing verifies it\n",
            one_line_path(file)
        ));
    }
    out.push_str(&unread_line(c));
    out.push_str(&summary_line(&c.summary()));
    out.push('\n');
    out
}

/// `edition 2026-05 (data-ai, digital-app-innovation): 29 clauses, 29 covered, 0 uncovered`
fn heading(h: &CatalogueSummary) -> String {
    let name = match &h.edition {
        Some(e) => format!(
            "edition {} ({})",
            one_line(e),
            one_line(&h.designations.join(", "))
        ),
        None => "import (the import's rules, in no edition)".to_string(),
    };
    format!(
        "{name}: {}, {} covered, {} uncovered",
        count(h.counts.clauses, "clause", "clauses"),
        h.counts.covered,
        h.counts.uncovered
    )
}

/// The report as one JSON object: `clauses` (one per pair, with `edition`,
/// `designations`, `covered`, `features`, `scenarios`), `catalogues` (the counts per
/// edition), `unknown`, `not_counted`, `errors` and `summary`.
pub fn coverage_json(c: &Coverage) -> String {
    let clauses: Vec<_> = c
        .clauses
        .iter()
        .map(|clause| {
            json!({
                "edition": clause.edition,
                "designations": clause.designations,
                "id": clause.id,
                "summary": clause.summary,
                "section": clause.section,
                "covered": clause.is_covered(),
                "features": clause.features.iter().map(|f| json!({
                    "file": f.file.display().to_string(),
                    "line": f.line,
                    "scenario": f.scenario,
                })).collect::<Vec<_>>(),
                "scenarios": clause.scenarios.iter().map(|s| json!({
                    "file": s.file.display().to_string(),
                    "line": s.line,
                    "name": s.name,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let catalogues: Vec<_> = c
        .catalogues()
        .iter()
        .map(|h| {
            json!({
                "edition": h.edition,
                "designations": h.designations,
                "clauses": h.counts.clauses,
                "covered": h.counts.covered,
                "uncovered": h.counts.uncovered,
            })
        })
        .collect();
    let unknown: Vec<_> = c
        .unknown
        .iter()
        .map(|u| {
            let (reason, editions) = match &u.why {
                Unknown::Nowhere => ("not_in_any_catalogue", json!([])),
                Unknown::NotInEdition { elsewhere } => (
                    "not_in_its_catalogue",
                    json!(elsewhere
                        .iter()
                        .map(|(e, ds)| json!({"edition": e, "designations": ds}))
                        .collect::<Vec<_>>()),
                ),
                Unknown::NeedsEdition { editions } => (
                    "needs_an_edition_tag",
                    json!(editions
                        .iter()
                        .map(|e| json!({"edition": e}))
                        .collect::<Vec<_>>()),
                ),
                Unknown::NoSuchEdition => ("no_such_edition", json!([])),
            };
            json!({
                "file": u.file.display().to_string(),
                "line": u.line,
                "id": u.id,
                "edition": u.edition,
                "designation": u.designation,
                "reason": reason,
                "catalogued_in": editions,
                "did_you_mean": u.suggestion,
                "message": unknown_sentence(u, Words::Plain),
            })
        })
        .collect();
    let s = c.summary();
    let value = json!({
        "clauses": clauses,
        "catalogues": catalogues,
        "unknown": unknown,
        "not_counted": c.uncounted.iter().map(|f| f.display().to_string()).collect::<Vec<_>>(),
        "errors": c.errors,
        "summary": {
            "clauses": s.clauses,
            "covered": s.covered,
            "uncovered": s.uncovered,
            "unknown_citations": s.unknown,
        },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// A Markdown table (edition, clause, covered, summary, feature scenarios, YAML
/// scenarios), the counts per catalogue, the unknown ids as a list, and the summary
/// line. Every name, id and path goes through the one Markdown escaping of the reports,
/// so a scenario called `<driven>` stays text.
pub fn coverage_markdown(c: &Coverage) -> String {
    let mut out = String::from(
        "| edition | clause | covered | summary | feature scenarios | YAML scenarios |\n\
         |---|---|---|---|---|---|\n",
    );
    let cited = |file: &std::path::Path, line: usize, name: &str| {
        format!(
            "{} {}",
            markdown_code(&format!("{}:{line}", file.display())),
            markdown(name, Place::Inline)
        )
    };
    for clause in &c.clauses {
        let features: Vec<String> = clause
            .features
            .iter()
            .map(|f| cited(&f.file, f.line, &f.scenario))
            .collect();
        let scenarios: Vec<String> = clause
            .scenarios
            .iter()
            .map(|s| cited(&s.file, s.line, &s.name))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            markdown(clause.edition.as_deref().unwrap_or("import"), Place::Inline),
            markdown_code(&clause.id),
            if clause.is_covered() { "yes" } else { "**no**" },
            markdown(&clause.summary, Place::Inline),
            features.join("<br>"),
            scenarios.join("<br>")
        ));
    }
    out.push('\n');
    for h in c.catalogues() {
        out.push_str(&format!("- {}\n", markdown(&heading(&h), Place::LineStart)));
    }
    if !c.unknown.is_empty() {
        out.push_str("\nUnknown clause ids:\n\n");
        for u in &c.unknown {
            out.push_str(&format!("- {}\n", unknown_sentence(u, Words::Markdown)));
        }
    }
    if !c.uncounted.is_empty() {
        out.push_str("\nNot counted (no `expected:` block):\n\n");
        for file in &c.uncounted {
            out.push_str(&format!(
                "- {}\n",
                markdown_code(&file.display().to_string())
            ));
        }
    }
    out.push('\n');
    out.push_str(&unread_line(c));
    out.push_str(&summary_line(&c.summary()));
    out.push('\n');
    out
}

/// The files whose errors went to stderr, counted where the summary is read.
fn unread_line(c: &Coverage) -> String {
    match c.errors.len() {
        0 => String::new(),
        n => format!(
            "{} could not be read, so the counts below miss their citations (exit code 2)\n",
            count(n, "file", "files")
        ),
    }
}

/// How the words of a sentence from the files are made safe.
#[derive(Clone, Copy)]
enum Words {
    Text,
    Markdown,
    /// As they are, for JSON, whose strings carry anything.
    Plain,
}

fn unknown_sentence(u: &UnknownCitation, words: Words) -> String {
    let code = |s: &str| match words {
        Words::Text => format!("`{}`", one_line(s)),
        Words::Markdown => markdown_code(s),
        Words::Plain => format!("`{s}`"),
    };
    let file = match words {
        Words::Text => one_line_path(&u.file),
        Words::Markdown => markdown(&u.file.display().to_string(), Place::LineStart),
        Words::Plain => u.file.display().to_string(),
    };
    let plain = |s: &str| match words {
        Words::Text => one_line(s).into_owned(),
        Words::Markdown => markdown(s, Place::Inline),
        Words::Plain => s.to_string(),
    };
    let read_against = match (&u.edition, &u.designation) {
        (Some(e), Some(d)) => format!("the clause catalogue of {}, edition {}", plain(d), plain(e)),
        (Some(e), None) => format!("the clause catalogue of edition {}", plain(e)),
        _ => "the clause catalogue of any edition".to_string(),
    };
    let hint = u
        .suggestion
        .as_deref()
        .map(|s| format!(" (did you mean {}?)", code(s)))
        .unwrap_or_default();
    let id = code(&u.id);
    let what = match &u.why {
        Unknown::Nowhere => format!("{id} is not in {read_against}{hint}"),
        Unknown::NotInEdition { elsewhere } => {
            let places: Vec<String> = elsewhere
                .iter()
                .map(|(e, ds)| format!("edition {} ({})", plain(e), plain(&ds.join(", "))))
                .collect();
            format!(
                "{id} is not in {read_against}: it is a clause of {}",
                places.join(" and ")
            )
        }
        Unknown::NeedsEdition { editions } => {
            let tags: Vec<String> = editions
                .iter()
                .map(|e| code(&format!("@edition-{e}")))
                .collect();
            format!(
                "{id} is a clause of editions {}: tag the scenario {} to say which it pins",
                plain(&editions.join(" and ")),
                tags.join(" or ")
            )
        }
        Unknown::NoSuchEdition => {
            let known: Vec<String> = crate::rulebook::registry::editions()
                .iter()
                .map(|e| code(&e.edition))
                .collect();
            format!(
                "{} names no edition pcscore knows ({})",
                code(&format!("@{}", u.id)),
                known.join(", ")
            )
        }
    };
    format!("{file}:{}: {what}", u.line)
}

/// `78 (edition, clause) pairs, 78 covered, 0 uncovered, 0 unknown citations`
fn summary_line(s: &CoverageSummary) -> String {
    format!(
        "{}, {} covered, {} uncovered, {}",
        count(
            s.clauses,
            "(edition, clause) pair",
            "(edition, clause) pairs"
        ),
        s.covered,
        s.uncovered,
        count(s.unknown, "unknown citation", "unknown citations")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::{ClauseCoverage, FeatureCitation, ScenarioCitation};
    use std::path::PathBuf;

    fn hostile() -> Coverage {
        Coverage {
            clauses: vec![ClauseCoverage {
                edition: Some("2025-01".into()),
                designations: vec!["digital-app-innovation".into()],
                id: "DAI.X".into(),
                summary: "A summary.".into(),
                section: "s".into(),
                features: vec![FeatureCitation {
                    file: PathBuf::from("f.feature"),
                    line: 3,
                    scenario: "On the <path> path\n\u{1b}[2K| x |".into(),
                }],
                scenarios: vec![ScenarioCitation {
                    file: PathBuf::from("a\n.yaml"),
                    line: 4,
                    name: "<img src=x onerror=alert(1)>".into(),
                }],
            }],
            unknown: vec![UnknownCitation {
                file: PathBuf::from("u.feature"),
                line: 1,
                id: "DAI.`<b>`\r".into(),
                edition: None,
                designation: None,
                why: Unknown::Nowhere,
                suggestion: None,
            }],
            uncounted: vec![PathBuf::from("p<i>.yaml")],
            errors: Vec::new(),
        }
    }

    /// Issue 9 (7): scenario names reached the Markdown table as raw HTML.
    #[test]
    fn markdown_escapes_names_ids_and_paths() {
        let md = coverage_markdown(&hostile());
        assert!(!md.contains("<img") && !md.contains("<path>"), "{md}");
        assert!(!md.contains(['\u{1b}', '\r']), "{md:?}");
        assert!(md.contains(
            "| 2025-01 | `DAI.X` | yes | A summary. | `f.feature:3` On the &lt;path&gt; path\\\\n\\\\e\\[2K\\| x \\| \
             | `a\\n.yaml:4` &lt;img src=x onerror=alert(1)&gt; |\n"
        ), "{md}");
        assert!(
            md.contains(
                "- u.feature:1: ``DAI.`<b>`\\r`` is not in the clause catalogue of any edition\n"
            ),
            "{md}"
        );
        assert!(md.contains("- `p<i>.yaml`\n"), "{md}");
    }

    /// Issue 9 (6): and the text report showed terminal codes and line breaks as they were.
    #[test]
    fn text_shows_control_characters_visibly() {
        let text = coverage_text(&hostile());
        assert!(!text.contains(['\u{1b}', '\r']), "{text:?}");
        assert!(text.contains("  feature   f.feature:3  On the <path> path\\n\\e[2K| x |\n"));
        assert!(text.contains("  scenario  a\\n.yaml:4  <img src=x onerror=alert(1)>\n"));
        assert!(text.contains(
            "  u.feature:1: `DAI.`<b>`\\r` is not in the clause catalogue of any edition\n"
        ));
    }
}
