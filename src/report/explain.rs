//! `pcscore explain`: every point and every zero, with its reason, clause and data,
//! as plain text an auditor reads top to bottom.

use super::card::{edition_words, source_word};
use super::one_line;
use crate::engine::{Area, Assessment, Outcome, TraceEntry};
use crate::model::Header;
use crate::rulebook::Rulebook;

/// The explanation of an assessment.
pub fn explain_text(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    let card = &a.card;
    let mut out = String::new();
    out.push_str(&format!("{}\n", one_line(&book.title)));
    out.push_str(&format!("file: {}\n", one_line(file)));
    if let Some(name) = &header.name {
        out.push_str(&format!("scenario: {}\n", one_line(name)));
    }
    out.push_str(&format!(
        "measured at {}; {} path ({}); total {} of {}: {}\n",
        a.as_of,
        card.path,
        source_word(a.path_source),
        card.shown_text(card.total),
        book.max_total(),
        if card.attained {
            "designation attained"
        } else {
            "designation not attained"
        }
    ));
    out.push_str(&format!("rules: {}\n", one_line(&edition_words(book))));
    if let Some(note) = super::card::edition_note(a, book) {
        out.push_str(&format!("note: {note}\n"));
    }
    if let Some(paths) = super::card::paths_words(a, book) {
        out.push_str(&format!("paths: {paths}\n"));
    }
    out.push_str("\nEach line: the effect, what it is about, the clause id of the rule, then the reason and the data.\n");

    section(
        &mut out,
        "Windows",
        a.trace.iter().filter(|e| e.area == Area::Windows),
    );
    section(
        &mut out,
        "Path and attribution",
        a.trace.iter().filter(|e| e.area == Area::Path),
    );
    for (i, sub) in book.subcategories().enumerate() {
        let heading = format!(
            "{} ({}): {} of {} points",
            sub.title,
            book.category_title(&sub.category).to_lowercase(),
            card.shown_text(card.points_of(&sub.key)),
            sub.max
        );
        section(
            &mut out,
            &heading,
            a.trace.iter().filter(|e| e.area == Area::Subcategory(i)),
        );
    }
    let cats = card
        .categories
        .iter()
        .map(|c| format!("{} {}", c.key, card.shown_text(c.points)))
        .collect::<Vec<_>>()
        .join(", ");
    section(
        &mut out,
        &format!("Designation: {cats}; total {}", card.shown_text(card.total)),
        a.trace.iter().filter(|e| e.area == Area::Designation),
    );
    if !a.unused.is_empty() {
        let heading = "Data not read (PCS.DATA.UNUSED)";
        out.push_str(&format!(
            "\n{heading}\n{}\n",
            "-".repeat(heading.chars().count())
        ));
        for u in &a.unused {
            out.push_str(&format!(
                "  {}\n        {}\n",
                one_line(&u.field),
                one_line(&crate::report::reason::unused_words(u, book))
            ));
        }
    }
    out
}

fn section<'a>(out: &mut String, heading: &str, entries: impl Iterator<Item = &'a TraceEntry>) {
    out.push_str(&format!(
        "\n{heading}\n{}\n",
        "-".repeat(heading.chars().count())
    ));
    for e in entries {
        let effect = match e.outcome {
            Outcome::Note => "note".to_string(),
            Outcome::Counts(n) if n > 0 => format!("+{n}"),
            Outcome::Counts(n) => format!("{n}"),
            Outcome::Excluded => "0".to_string(),
            Outcome::Points(p) => format!("= {}", p.shown_text(2)),
        };
        // Subjects and reasons quote the file's ids and names.
        out.push_str(&format!(
            "  {effect:<5} {}  [{}]\n        {}\n",
            one_line(&e.subject.to_string()),
            one_line(&e.clause),
            one_line(&crate::report::reason(e))
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;

    /// The text explanation of a small partner whose customer id and service are `id`.
    fn explained(name: &str, id: &str) -> String {
        let yaml = "as_of: 2024-12\ncustomers:\n  - id: c1\n    segment: smb\n    \
                    attribution: [PAL]\n    acr: {2024-12: 900}\ndeployments:\n  - customer: c1\n    \
                    service: svc\n    service_level: 2\n    month: 2024-06\n";
        let mut doc = crate::load::load_str(yaml, "p.yaml").expect("the partner loads");
        doc.situation.customers[0].id = id.to_string();
        doc.situation.deployments[0].customer = id.to_string();
        doc.situation.deployments[0].service = id.to_string();
        let header = Header {
            name: Some(name.to_string()),
            ..doc.header.clone()
        };
        let book = Rulebook::builtin();
        let a = engine::score(&doc.situation, book).expect("it scores");
        explain_text("p\n.yaml", &header, &a, book)
    }

    /// Issue 9 (6): a name or id with a line break forged lines of the explanation, and
    /// terminal codes in it could rewrite what was shown.
    #[test]
    fn names_and_ids_cannot_add_lines_or_terminal_codes() {
        let plain = explained("plain", "c1");
        let hostile = explained("evil\n  +10   forged", "c1\u{1b}[2K\r\n  +10 x");
        assert_eq!(hostile.lines().count(), plain.lines().count(), "{hostile}");
        assert!(
            !hostile.contains(|c: char| c.is_control() && c != '\n'),
            "{hostile:?}"
        );
        assert!(hostile.contains("file: p\\n.yaml\nscenario: evil\\n  +10   forged\n"));
        assert!(hostile.contains("c1\\e[2K\\r\\n  +10 x"), "{hostile}");
    }

    /// The total is out of the rulebook's maximum, and the windows are named in the
    /// rulebook's words.
    #[test]
    fn the_maximum_and_the_window_names_come_from_the_rulebook() {
        let text = crate::rulebook::BUILTIN[0]
            .1
            .replace(
                "key: performance, title: Performance, max: 30",
                "key: performance, title: Performance, max: 35",
            )
            .replace("title: last two months", "title: recent pair");
        let book = Rulebook::from_yaml(&text, "variant").expect("a valid rulebook");
        let doc = crate::load::load_str(
            "as_of: 2024-12\ncustomers:\n  - {id: c1, segment: smb, attribution: [PAL], acr: {2024-12: 900}}\n",
            "p.yaml",
        )
        .expect("loads");
        let a = engine::score(&doc.situation, &book).expect("it scores");
        let shown = explain_text("p.yaml", &doc.header, &a, &book);
        assert!(
            shown.contains("; total 10 of 105: designation not attained\n"),
            "{shown}"
        );
        assert!(
            shown.contains("recent pair 2024-11 USD 0.00, 2024-12 USD 900.00"),
            "{shown}"
        );
        assert!(
            shown.contains("  note  recent pair  [DAI.WINDOW.RECENT]"),
            "{shown}"
        );
    }
}
