//! `pcscore explain --format markdown`: the audit report as GitHub-flavoured Markdown,
//! one table per kind of evidence, every row citing its clause id.

use super::audit::{self, Audit, Cell, Table};
use super::{markdown, markdown_code, Place};
use crate::engine::Assessment;
use crate::model::Header;
use crate::rulebook::Rulebook;

/// The audit report of an assessment as Markdown.
pub fn explain_markdown(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    render(&audit::build(file, header, a, book))
}

fn render(r: &Audit) -> String {
    let mut out = format!("# {}\n\n", line(&r.title));
    out.push_str("| | |\n|---|---|\n");
    for (key, value) in &r.facts {
        out.push_str(&format!("| **{key}** | {} |\n", inline(value)));
    }
    if let Some(d) = &r.description {
        // A description may have several lines: each is its own quoted line, so that
        // none can leave the quote.
        out.push('\n');
        for l in d.lines() {
            match l.trim_end() {
                "" => out.push_str(">\n"),
                l => out.push_str(&format!("> {}\n", line(l))),
            }
        }
    }
    out.push_str("\nEvery row cites the clause id of the reading it applies; the clause glossary is at the end.\n");

    out.push_str("\n## Score card\n\n");
    table(&mut out, &r.card);
    let (attained, why, clause) = &r.verdict;
    out.push_str(&format!(
        "\n**{}** {} ({})\n",
        if *attained {
            "Designation attained."
        } else {
            "Designation not attained."
        },
        inline(why),
        code(clause)
    ));

    for s in &r.sections {
        out.push_str(&format!("\n## {}\n", line(&s.title)));
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
        out.push_str(&format!("\n{}\n", line(legend)));
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

/// An identifier as a code span, whatever it holds.
fn code(s: &str) -> String {
    markdown_code(s)
}

/// Text inside a line or a table cell: see [`markdown`].
fn inline(s: &str) -> String {
    markdown(s, Place::Inline)
}

/// Text that starts a line (a heading, the quoted description, a legend).
fn line(s: &str) -> String {
    markdown(s, Place::LineStart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;
    use crate::model::Header;

    /// The report of a small partner whose name, customer id, service and description
    /// are `name`, `id`, `id` and `description`: text a file could hold.
    fn hostile_report(name: &str, id: &str, description: &str) -> String {
        let yaml = "as_of: 2024-12\ncustomers:\n  - id: c1\n    segment: smb\n    \
                    attribution: [PAL]\n    acr: {2024-12: 900}\ndeployments:\n  - customer: c1\n    \
                    service: svc\n    service_level: 2\n    month: 2024-06\n";
        let mut doc = crate::load::load_str(yaml, "hostile.yaml").expect("the partner loads");
        doc.situation.customers[0].id = id.to_string();
        doc.situation.deployments[0].customer = id.to_string();
        doc.situation.deployments[0].service = id.to_string();
        let header = Header {
            name: Some(name.to_string()),
            description: Some(description.to_string()),
            ..doc.header.clone()
        };
        let book = Rulebook::builtin();
        let a = engine::score(&doc.situation, book).expect("it scores");
        explain_markdown(name, &header, &a, book)
    }

    /// Lines holding the payload that do not start as the renderer starts its lines.
    fn forged(md: &str) -> Vec<&str> {
        md.lines()
            .filter(|l| l.contains("onerror") || l.starts_with('<'))
            .filter(|l| !(l.starts_with("| ") || l.starts_with("> ") || l.starts_with("# ")))
            .collect()
    }

    /// A line without its code spans, read as CommonMark reads them: a backslash
    /// escapes the next character outside a span, and a run of backticks opens a span
    /// only when a later run of the same length closes it. What is left is what a
    /// reader would parse for HTML.
    fn outside_code(line: &str) -> String {
        let chars: Vec<char> = line.chars().collect();
        let run = |i: usize| chars[i..].iter().take_while(|c| **c == '`').count();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\\' => {
                    out.extend(chars.get(i..i + 2).unwrap_or(&chars[i..]));
                    i += 2;
                }
                '`' => {
                    let n = run(i);
                    let mut j = i + n;
                    let close = loop {
                        match chars[j..].iter().position(|c| *c == '`') {
                            None => break None,
                            Some(k) if run(j + k) == n => break Some(j + k),
                            Some(k) => j += k + run(j + k),
                        }
                    };
                    match close {
                        Some(c) => i = c + n,
                        None => {
                            out.extend(&chars[i..i + n]);
                            i += n;
                        }
                    }
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        out
    }

    fn assert_no_raw_html(md: &str) {
        for l in md.lines() {
            assert!(!outside_code(l).contains('<'), "raw HTML on the line:\n{l}");
        }
    }

    /// Every table keeps its columns: a row has as many cells as its header.
    fn assert_tables_keep_their_columns(md: &str) {
        for table in md.split("\n\n").filter(|b| b.starts_with("| ")) {
            let widths: Vec<usize> = table
                .lines()
                .map(|l| {
                    l.replace("\\\\", "")
                        .replace("\\|", "")
                        .matches('|')
                        .count()
                })
                .collect();
            assert!(
                widths.windows(2).all(|w| w[0] == w[1]),
                "ragged table:\n{table}"
            );
        }
    }

    #[test]
    fn hostile_names_ids_and_descriptions_cannot_forge_lines_or_html() {
        let img = "<img src=x onerror=alert(1)>";
        let md = hostile_report(
            &format!("evil\n{img}\n# Heading | a |"),
            &format!("con`to|so\n{img}\r\n| x | y |"),
            &format!("line one\n{img}\n- item\n\n# not a heading"),
        );
        assert!(forged(&md).is_empty(), "{:?}\n{md}", forged(&md));
        assert_no_raw_html(&md);
        assert!(
            md.contains(
                "> &lt;img src=x onerror=alert(1)&gt;\n> \\- item\n>\n> \\# not a heading\n"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "| **Partner** | evil\\\\n&lt;img src=x onerror=alert(1)&gt;\\\\n# Heading \\| a \\| |"
            ),
            "{md}"
        );
        assert_tables_keep_their_columns(&md);
    }

    #[test]
    fn data_inside_an_engine_code_span_stays_on_its_line() {
        for id in [
            "a`\n<img src=x onerror=alert(2)>",
            "a\\|b`\n<img onerror=x>`",
        ] {
            let md = hostile_report("n", id, "d");
            assert_no_raw_html(&md);
            assert!(forged(&md).is_empty(), "{:?}", forged(&md));
            assert_tables_keep_their_columns(&md);
        }
    }
}
