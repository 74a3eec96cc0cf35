//! `pcscore explain --format markdown`: the audit report as GitHub-flavoured Markdown,
//! one table per kind of evidence, every row citing its clause id.

use super::audit::{self, Audit, Cell, Table};
use crate::engine::Assessment;
use crate::model::Header;
use crate::rulebook::Rulebook;

/// The audit report of an assessment as Markdown.
pub fn explain_markdown(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    render(&audit::build(file, header, a, book))
}

fn render(r: &Audit) -> String {
    let mut out = format!("# {}\n\n", inline(&r.title));
    out.push_str("| | |\n|---|---|\n");
    for (key, value) in &r.facts {
        out.push_str(&format!("| **{key}** | {} |\n", inline(value)));
    }
    if let Some(d) = &r.description {
        out.push_str(&format!("\n> {}\n", inline(d)));
    }
    out.push_str("\nEvery row cites the clause id of the reading it applies; the clause glossary is at the end.\n");

    out.push_str("\n## Score card\n\n");
    table(&mut out, &r.card);
    let (attained, why, clause) = &r.verdict;
    out.push_str(&format!(
        "\n**{}** {} (`{}`)\n",
        if *attained {
            "Designation attained."
        } else {
            "Designation not attained."
        },
        inline(why),
        clause
    ));

    for s in &r.sections {
        out.push_str(&format!("\n## {}\n", inline(&s.title)));
        if let Some(lead) = &s.lead {
            out.push_str(&format!("\nCategory: {}.\n", inline(lead)));
        }
        for t in &s.tables {
            out.push('\n');
            table(&mut out, t);
        }
    }

    out.push_str("\n## Clause glossary\n\n");
    table(&mut out, &r.glossary);
    out
}

fn table(out: &mut String, t: &Table) {
    if let Some(caption) = &t.caption {
        out.push_str(&format!("*{}*\n\n", inline(caption)));
    }
    let head: Vec<String> = t
        .columns
        .iter()
        .map(|c| match &c.note {
            Some(note) => format!("{} ({})", inline(&c.title), inline(note)),
            None => inline(&c.title),
        })
        .collect();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let rule: Vec<&str> = t
        .columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in &t.rows {
        let cells: Vec<String> = row.cells.iter().map(cell).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if let Some(legend) = &t.legend {
        out.push_str(&format!("\n{}\n", inline(legend)));
    }
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => inline(s),
        Cell::Strong(s) if s.is_empty() => String::new(),
        Cell::Strong(s) => format!("**{}**", inline(s)),
        Cell::Code(s) => code(s),
        Cell::Clauses(ids) => ids.iter().map(|id| code(id)).collect::<Vec<_>>().join(", "),
    }
}

/// A code span that survives any content: a fence longer than any backtick run inside.
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", s.replace('|', "\\|"))
}

/// Text for a table cell or a line: the engine's `code` spans are kept, everything else
/// that Markdown would read as markup is escaped, and a line break cannot end the row.
fn inline(s: &str) -> String {
    let flat = s.replace(['\n', '\r'], " ");
    let parts: Vec<&str> = flat.split('`').collect();
    // With an odd number of backticks the last one opens nothing: it and what follows
    // are plain text.
    let unpaired = parts.len() % 2 == 0;
    let mut out = String::with_capacity(flat.len());
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let in_code = i % 2 == 1 && !(unpaired && last);
        if i > 0 {
            out.push_str(if unpaired && last { "\\`" } else { "`" });
        }
        if in_code {
            out.push_str(&part.replace('|', "\\|"));
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        for (k, &ch) in chars.iter().enumerate() {
            let word = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric())
            };
            match ch {
                // An underscore inside a word (`net_customer_adds`) is never emphasis.
                '_' if word(k.checked_sub(1)) && word(Some(k + 1)) => out.push(ch),
                '\\' | '*' | '_' | '[' | '|' | '~' => {
                    out.push('\\');
                    out.push(ch);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                // Only an ampersand that would start an entity needs escaping.
                '&' if entity_like(&chars[k + 1..]) => out.push_str("&amp;"),
                _ => out.push(ch),
            }
        }
    }
    out
}

fn entity_like(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && rest.get(name.len()) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_data_is_escaped_but_engine_code_spans_are_kept() {
        assert_eq!(inline("a|b *c* `x|y`"), "a\\|b \\*c\\* `x\\|y`");
        assert_eq!(inline("one\ntwo"), "one two");
        assert_eq!(inline("<script>"), "&lt;script&gt;");
        assert_eq!(inline("odd ` tick"), "odd \\` tick");
        assert_eq!(inline("net_customer_adds _x_"), "net_customer_adds \\_x\\_");
        assert_eq!(inline("Digital & App &amp;"), "Digital & App &amp;amp;");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("plain"), "`plain`");
    }
}
