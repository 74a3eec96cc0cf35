//! `pcscore explain --format html`: the audit report as one self-contained HTML file.
//!
//! Inline CSS only, no script, no external asset or link: the file can be archived,
//! mailed and opened offline, and prints with one section per page, black on white.

use super::audit::{self, Audit, Cell, Table, Tone};
use crate::engine::Assessment;
use crate::model::Header;
use crate::rulebook::Rulebook;

/// The audit report of an assessment as a standalone HTML document.
pub fn explain_html(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    render(&audit::build(file, header, a, book))
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 2rem auto; max-width: 80rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 2.5rem 0 .5rem; }
p.lead { margin: .3rem 0 .8rem; color: #444; }
blockquote { margin: 1rem 0; padding: .4rem 1rem; border-left: 4px solid #999; color: #333; }
table { border-collapse: collapse; width: auto; min-width: 50%; max-width: 100%; margin: .4rem 0 1.2rem; font-size: 13px; }
caption { caption-side: top; text-align: left; font-style: italic; color: #444; padding: .3rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; font-weight: 600; }
th .note { font-weight: 400; color: #444; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, .short { white-space: nowrap; }
tr.counts > td:first-child { box-shadow: inset 4px 0 0 #2e7d32; }
tr.against > td:first-child { box-shadow: inset 4px 0 0 #c62828; }
tr.excluded > td { color: #555; }
tr.excluded > td:first-child { box-shadow: inset 4px 0 0 #9e9e9e; }
tr.result > td { font-weight: 600; background: #f7f7f7; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; }
a.clause { color: inherit; text-decoration: none; border-bottom: 1px dotted #666; white-space: nowrap; }
table.facts { width: auto; min-width: 40rem; }
table.facts th { width: 13rem; }
table.card { width: auto; min-width: 32rem; }
p.verdict { display: inline-block; margin: .2rem 0 1rem; padding: .5rem .8rem; border: 2px solid; }
p.verdict.attained { border-color: #2e7d32; }
p.verdict.missed { border-color: #c62828; }
p.legend { margin: -.8rem 0 1.2rem; font-size: 12px; color: #444; }
nav ol { columns: 2; margin: .3rem 0 1rem; }
td.clauses { white-space: nowrap; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section.page { break-before: page; }
  .keep { break-inside: avoid; }
  h2 { margin-top: 0; break-after: avoid; }
  table { font-size: 8pt; }
  caption { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #fff; border-bottom: 2px solid #333; }
  tr.result > td { background: #fff; }
  a.clause { border-bottom: none; }
}
"#;

fn render(r: &Audit) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let partner = r.facts.first().map(|(_, v)| v.as_str()).unwrap_or_default();
    out.push_str(&format!(
        "<title>{} ({})</title>\n",
        esc(&r.title),
        esc(partner)
    ));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));

    out.push_str("<header>\n");
    out.push_str(&format!("<h1>{}</h1>\n", esc(&r.title)));
    out.push_str("<table class=\"facts\">\n<tbody>\n");
    for (key, value) in &r.facts {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            esc(key),
            rich(value)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(d) = &r.description {
        out.push_str(&format!("<blockquote>{}</blockquote>\n", rich(d)));
    }
    out.push_str("<p class=\"lead\">Every row cites the clause id of the reading it applies; the clause glossary is at the end.</p>\n");

    out.push_str("<div class=\"keep\">\n<h2 id=\"score-card\">Score card</h2>\n");
    table(&mut out, &r.card, "card");
    let (attained, why, clause) = &r.verdict;
    out.push_str(&format!(
        "<p class=\"verdict {}\"><strong>{}</strong> {} ({})</p>\n",
        if *attained { "attained" } else { "missed" },
        if *attained {
            "Designation attained."
        } else {
            "Designation not attained."
        },
        rich(why),
        clause_link(clause)
    ));
    out.push_str("</div>\n");
    out.push_str("<nav>\n<ol>\n");
    for s in &r.sections {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            esc(&s.anchor),
            esc(&s.title)
        ));
    }
    out.push_str("<li><a href=\"#glossary\">Clause glossary</a></li>\n</ol>\n</nav>\n");
    out.push_str("</header>\n");

    for s in &r.sections {
        // The path follows the windows on the same page: both are the background
        // every subcategory builds on. Every other section starts a page in print.
        out.push_str(&format!(
            "<section id=\"{}\"{}>\n<h2>{}</h2>\n",
            esc(&s.anchor),
            if s.anchor == "path" {
                ""
            } else {
                " class=\"page\""
            },
            esc(&s.title)
        ));
        if let Some(lead) = &s.lead {
            out.push_str(&format!("<p class=\"lead\">Category: {}</p>\n", esc(lead)));
        }
        for t in &s.tables {
            table(&mut out, t, "");
        }
        out.push_str("</section>\n");
    }

    out.push_str("<section id=\"glossary\" class=\"page\">\n<h2>Clause glossary</h2>\n");
    table(&mut out, &r.glossary, "glossary");
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

fn table(out: &mut String, t: &Table, class: &str) {
    if class.is_empty() {
        out.push_str("<table>\n");
    } else {
        out.push_str(&format!("<table class=\"{class}\">\n"));
    }
    if let Some(caption) = &t.caption {
        out.push_str(&format!("<caption>{}</caption>\n", rich(caption)));
    }
    out.push_str("<thead><tr>");
    for c in &t.columns {
        out.push_str(&format!(
            "<th scope=\"col\"{}>{}</th>",
            match (c.numeric, c.short) {
                (true, _) => " class=\"num\"",
                (false, true) => " class=\"short\"",
                _ => "",
            },
            match &c.note {
                Some(note) => format!(
                    "{}<br><span class=\"note\">{}</span>",
                    esc(&c.title),
                    esc(note)
                ),
                None => esc(&c.title),
            }
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let glossary = class == "glossary";
    for row in &t.rows {
        let tone = match row.tone {
            Tone::Plain => "",
            Tone::Counts => " class=\"counts\"",
            Tone::Against => " class=\"against\"",
            Tone::Excluded => " class=\"excluded\"",
            Tone::Result => " class=\"result\"",
        };
        let anchor = match (glossary, row.cells.first()) {
            (true, Some(Cell::Code(id))) => format!(" id=\"clause-{}\"", esc(id)),
            _ => String::new(),
        };
        out.push_str(&format!("<tr{anchor}{tone}>"));
        for (i, c) in row.cells.iter().enumerate() {
            let column = t.columns.get(i);
            let class = match (column.map(|c| (c.numeric, c.short)), c) {
                (Some((true, _)), _) => " class=\"num\"",
                (_, Cell::Clauses(_)) => " class=\"clauses\"",
                (Some((false, true)), _) => " class=\"short\"",
                _ => "",
            };
            out.push_str(&format!("<td{class}>{}</td>", cell(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(legend) = &t.legend {
        out.push_str(&format!("<p class=\"legend\">{}</p>\n", rich(legend)));
    }
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => rich(s),
        Cell::Strong(s) if s.is_empty() => String::new(),
        Cell::Strong(s) => format!("<strong>{}</strong>", rich(s)),
        Cell::Code(s) => format!("<code>{}</code>", esc(s)),
        Cell::Clauses(ids) => ids
            .iter()
            .map(|id| clause_link(id))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A clause id linked to its glossary row.
fn clause_link(id: &str) -> String {
    format!(
        "<a class=\"clause\" href=\"#clause-{}\"><code>{}</code></a>",
        esc(id),
        esc(id)
    )
}

/// Escaped text whose paired backticks (the engine's way of quoting names) become code.
fn rich(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let unpaired = parts.len() % 2 == 0;
    let mut out = String::with_capacity(s.len());
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if unpaired && last && i > 0 {
            out.push('`');
            out.push_str(&esc(part));
        } else if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", esc(part)));
        } else {
            out.push_str(&esc(part));
        }
    }
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_engine_quotes_become_code() {
        assert_eq!(
            rich("<b>&\"x\"</b> `a<b`"),
            "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt; <code>a&lt;b</code>"
        );
        assert_eq!(rich("odd ` tick"), "odd ` tick");
        assert_eq!(rich("a `b` c `d"), "a <code>b</code> c `d");
    }
}
