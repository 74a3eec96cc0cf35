//! `pcscore explain`: every point and every zero, with its reason, clause and data,
//! as plain text an auditor reads top to bottom.

use super::card::{source_word, title_case};
use crate::engine::{Area, Assessment, Outcome, TraceEntry};
use crate::model::{Category, Header, Subcategory};
use crate::rulebook::Rulebook;

/// The explanation of an assessment.
pub fn explain_text(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> String {
    let card = &a.card;
    let mut out = String::new();
    out.push_str(&format!("{}\n", book.title));
    out.push_str(&format!("file: {file}\n"));
    if let Some(name) = &header.name {
        out.push_str(&format!("scenario: {name}\n"));
    }
    out.push_str(&format!(
        "measured at {}; {} path ({}); total {} of 100: {}\n",
        a.as_of,
        card.path,
        source_word(a.path_source),
        card.total,
        if card.attained {
            "designation attained"
        } else {
            "designation not attained"
        }
    ));
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
    for sub in Subcategory::ALL {
        let heading = format!(
            "{} ({}): {} of {} points",
            sub.title(),
            title_case(sub.category().key()).to_lowercase(),
            card.points.get(sub),
            book.subcategory_max(sub)
        );
        section(
            &mut out,
            &heading,
            a.trace.iter().filter(|e| e.area == Area::Subcategory(sub)),
        );
    }
    let cats = Category::ALL
        .iter()
        .map(|c| format!("{} {}", c.key(), card.category(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    section(
        &mut out,
        &format!("Designation: {cats}; total {}", card.total),
        a.trace.iter().filter(|e| e.area == Area::Designation),
    );
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
            Outcome::Points(p) => format!("= {p}"),
        };
        out.push_str(&format!(
            "  {effect:<5} {}  [{}]\n        {}\n",
            e.subject, e.clause, e.reason
        ));
    }
}
