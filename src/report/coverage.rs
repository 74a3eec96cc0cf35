//! The output of `pcscore coverage`: text, JSON and a Markdown table, each ending with
//! the same counts.

use super::count;
use crate::coverage::{Coverage, CoverageSummary, UnknownCitation};
use serde_json::json;

/// One block per clause (id, summary, then what cites it or `UNCOVERED`), the unknown
/// ids with file and line, and the summary line.
pub fn coverage_text(c: &Coverage) -> String {
    let mut out = String::new();
    for clause in &c.clauses {
        out.push_str(&format!("{}  {}\n", clause.id, clause.summary));
        for f in &clause.features {
            out.push_str(&format!(
                "  feature   {}:{}  {}\n",
                f.file.display(),
                f.line,
                f.scenario
            ));
        }
        for s in &clause.scenarios {
            out.push_str(&format!(
                "  scenario  {}:{}  {}\n",
                s.file.display(),
                s.line,
                s.name
            ));
        }
        if !clause.is_covered() {
            out.push_str("  UNCOVERED  no feature scenario or YAML scenario cites this clause\n");
        }
        out.push('\n');
    }
    if !c.unknown.is_empty() {
        out.push_str("Unknown clause ids\n");
        for u in &c.unknown {
            out.push_str(&format!("  {}\n", unknown_sentence(u)));
        }
        out.push('\n');
    }
    for file in &c.uncounted {
        out.push_str(&format!(
            "not counted: {} cites clauses but has no `expected:` block, so nothing verifies it\n",
            file.display()
        ));
    }
    out.push_str(&unread_line(c));
    out.push_str(&summary_line(&c.summary()));
    out.push('\n');
    out
}

/// The report as one JSON object: `clauses` (with `covered`, `features`, `scenarios`),
/// `unknown`, `not_counted`, `errors` and `summary`.
pub fn coverage_json(c: &Coverage) -> String {
    let clauses: Vec<_> = c
        .clauses
        .iter()
        .map(|clause| {
            json!({
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
    let unknown: Vec<_> = c
        .unknown
        .iter()
        .map(|u| {
            json!({
                "file": u.file.display().to_string(),
                "line": u.line,
                "id": u.id,
                "did_you_mean": u.suggestion,
            })
        })
        .collect();
    let s = c.summary();
    let value = json!({
        "clauses": clauses,
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

/// A Markdown table (clause, covered, summary, feature scenarios, YAML scenarios), the unknown
/// ids as a list, and the summary line.
pub fn coverage_markdown(c: &Coverage) -> String {
    let mut out = String::from(
        "| clause | covered | summary | feature scenarios | YAML scenarios |\n|---|---|---|---|---|\n",
    );
    for clause in &c.clauses {
        let features: Vec<String> = clause
            .features
            .iter()
            .map(|f| format!("`{}:{}` {}", f.file.display(), f.line, cell(&f.scenario)))
            .collect();
        let scenarios: Vec<String> = clause
            .scenarios
            .iter()
            .map(|s| format!("`{}:{}` {}", s.file.display(), s.line, cell(&s.name)))
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            clause.id,
            if clause.is_covered() { "yes" } else { "**no**" },
            cell(&clause.summary),
            features.join("<br>"),
            scenarios.join("<br>")
        ));
    }
    if !c.unknown.is_empty() {
        out.push_str("\nUnknown clause ids:\n\n");
        for u in &c.unknown {
            out.push_str(&format!("- {}\n", unknown_sentence(u)));
        }
    }
    if !c.uncounted.is_empty() {
        out.push_str("\nNot counted (no `expected:` block):\n\n");
        for file in &c.uncounted {
            out.push_str(&format!("- `{}`\n", file.display()));
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

fn unknown_sentence(u: &UnknownCitation) -> String {
    let hint = u
        .suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    format!(
        "{}:{}: `{}` is not in the clause catalogue{hint}",
        u.file.display(),
        u.line,
        u.id
    )
}

/// `34 clauses, 34 covered, 0 uncovered, 0 unknown citations`
fn summary_line(s: &CoverageSummary) -> String {
    format!(
        "{}, {} covered, {} uncovered, {}",
        count(s.clauses, "clause", "clauses"),
        s.covered,
        s.uncovered,
        count(s.unknown, "unknown citation", "unknown citations")
    )
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
