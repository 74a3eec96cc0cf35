//! The score card in the three formats of `pcscore score`.

use super::attainment_reason;
use crate::engine::{Assessment, PathSource};
use crate::model::{Expected, ScoreCard};
use crate::rulebook::Rulebook;
use serde_json::{json, Map, Value};

/// The score card as YAML in exactly the shape of a scenario's `expected:` block, each
/// value as the card shows it (`PCS.POINTS.SHOWN`).
///
/// With `only`, just the keys that expectation writes, so the two can be diffed.
pub fn card_yaml(card: &ScoreCard, only: Option<&Expected>) -> String {
    let all = Expected::default();
    let want = |written: bool| only.is_none() || written;
    let e = only.unwrap_or(&all);
    let mut out = String::new();
    if want(e.path.is_some()) {
        out.push_str(&format!("path: {}\n", card.path));
    }
    if want(!e.points.is_empty()) {
        out.push_str("points:\n");
        for p in &card.points {
            if want(e.points_of(&p.key).is_some()) {
                out.push_str(&format!("  {}: {}\n", p.key, card.shown_text(p.points)));
            }
        }
    }
    if want(!e.categories.is_empty()) {
        out.push_str("categories:\n");
        for c in &card.categories {
            if want(e.category_of(&c.key).is_some()) {
                out.push_str(&format!("  {}: {}\n", c.key, card.shown_text(c.points)));
            }
        }
    }
    if want(e.total.is_some()) {
        out.push_str(&format!("total: {}\n", card.shown_text(card.total)));
    }
    if want(e.attained.is_some()) {
        out.push_str(&format!("attained: {}\n", card.attained));
    }
    out
}

/// The score card as JSON: the `expected:` keys, then the designation, month, path
/// source and the maxima beside them.
pub fn card_json(a: &Assessment, book: &Rulebook) -> String {
    let mut text = serde_json::to_string_pretty(&card_value(a, book)).unwrap_or_default();
    text.push('\n');
    text
}

/// The score card as a JSON object in exactly the shape of `expected:`: the one
/// definition every JSON output (score, check, explain, plan) builds on. Each value is
/// the shown one (`PCS.POINTS.SHOWN`) as a JSON number: `6.42`, and `6.4` for a shown
/// `6.40`, the same number.
pub(crate) fn card_shape(card: &ScoreCard) -> Map<String, Value> {
    let mut points = Map::new();
    for p in &card.points {
        points.insert(p.key.to_string(), json!(card.shown(p.points)));
    }
    let mut categories = Map::new();
    for c in &card.categories {
        categories.insert(c.key.to_string(), json!(card.shown(c.points)));
    }
    let mut shape = Map::new();
    shape.insert("path".into(), json!(card.path.as_str()));
    shape.insert("points".into(), Value::Object(points));
    shape.insert("categories".into(), Value::Object(categories));
    shape.insert("total".into(), json!(card.shown(card.total)));
    shape.insert("attained".into(), json!(card.attained));
    shape
}

/// The object `card_json` prints, for reports that carry the card beside more: the
/// `expected:` shape first, then the designation, month, path source and maxima.
pub(crate) fn card_value(a: &Assessment, book: &Rulebook) -> Value {
    let mut max_points = Map::new();
    for sub in book.subcategories() {
        max_points.insert(sub.key.to_string(), json!(sub.max));
    }
    let mut max_categories = Map::new();
    for cat in &book.categories {
        max_categories.insert(cat.key.to_string(), json!(cat.max));
    }
    let max_total = book.max_total();
    let mut value = card_shape(&a.card);
    value.insert("designation".into(), json!(a.designation.slug()));
    value.insert("as_of".into(), json!(a.as_of.to_string()));
    value.insert("path_source".into(), json!(source_word(a.path_source)));
    value.insert("edition".into(), json!(book.edition));
    value.insert("provisional".into(), json!(book.provisional));
    value.insert("edition_source".into(), json!(book.source));
    value.insert(
        "maxima".into(),
        json!({
            "points": Value::Object(max_points),
            "categories": Value::Object(max_categories),
            "total": max_total,
        }),
    );
    value.insert("min_total".into(), json!(book.attainment.min_total));
    if cites_card_keys(book) {
        value.insert(
            "edition_in_force".into(),
            json!(crate::rulebook::registry::edition_in_force(book, a.as_of)),
        );
    }
    if let Some(paths) = &a.paths {
        let mut both = Map::new();
        both.insert(
            "enterprise".into(),
            Value::Object(card_shape(&paths.enterprise)),
        );
        both.insert("smb".into(), Value::Object(card_shape(&paths.smb)));
        value.insert("paths".into(), Value::Object(both));
    }
    Value::Object(value)
}

/// Whether the rulebook's cards carry the keys of `PCS.JSON` (`edition_in_force`, and
/// the line that says so in text): the books whose page has the clause. The Azure
/// designations' cards keep the keys they have always had.
fn cites_card_keys(book: &Rulebook) -> bool {
    book.clause("PCS.JSON").is_some()
}

/// Both paths' totals and why one counts (`MW.PATH.BEST`), with the clause, for a
/// rulebook that scores both paths; `None` for the others.
pub(crate) fn paths_words(a: &Assessment, book: &Rulebook) -> Option<String> {
    let paths = a.paths.as_ref()?;
    let clause = match paths.choice.reason {
        crate::engine::evidence::ChoiceReason::Given => book.path.explicit_clause(),
        _ => book.path.derived_clause(),
    };
    let evidence = crate::engine::Evidence::PathChoice(paths.choice);
    Some(format!("{} ({clause})", super::reason::words(&evidence)))
}

/// A line for a file scored under an edition that is not the one in force for its
/// month (`PCS.JSON`: "text and explain then say so in a line"); `None` otherwise.
pub(crate) fn edition_note(a: &Assessment, book: &Rulebook) -> Option<String> {
    if !cites_card_keys(book) || crate::rulebook::registry::edition_in_force(book, a.as_of) {
        return None;
    }
    let in_force = crate::rulebook::registry::in_force(a.as_of);
    Some(format!(
        "the file names edition {}, which is not the one in force for {} (edition {}) \
         (EDITION.CHOICE)",
        book.edition, a.as_of, in_force.edition
    ))
}

/// The rules a card was scored under, in words (`EDITION.SHOWN`): the edition, whether it
/// is provisional, and its source. Every report that names the edition says it this way.
pub(crate) fn edition_words(book: &Rulebook) -> String {
    format!(
        "edition {}{} ({})",
        book.edition,
        if book.provisional {
            ", provisional"
        } else {
            ""
        },
        book.source
    )
}

pub(crate) fn source_word(source: PathSource) -> &'static str {
    match source {
        PathSource::Explicit => "explicit",
        PathSource::Derived => "derived",
    }
}

/// The score card as a small table for people.
pub fn card_text(a: &Assessment, book: &Rulebook) -> String {
    let card = &a.card;
    let mut out = format!(
        "{}\nmeasured at {}, {} path ({})\nrules: {}\n\n",
        book.title,
        a.as_of,
        card.path,
        match a.path_source {
            PathSource::Explicit => "set in the file",
            PathSource::Derived => "derived from the data",
        },
        edition_words(book)
    );
    let notes = [edition_note(a, book), paths_words(a, book)];
    if notes.iter().any(Option::is_some) {
        // Placed before the table's blank line, beside the rules they qualify.
        out.pop();
        for note in notes.into_iter().flatten() {
            out.push_str(&note);
            out.push('\n');
        }
        out.push('\n');
    }
    // Room for `100` or, with decimals, `69.99`.
    let width = match card.decimals {
        0 => 4,
        d => 4 + d as usize,
    };
    for cat in &book.categories {
        out.push_str(&format!(
            "{:<32}{:>width$} / {}\n",
            cat.title,
            card.shown_text(card.category_of(&cat.key)),
            cat.max
        ));
        for sub in book.subcategories_in(&cat.key) {
            out.push_str(&format!(
                "  {:<30}{:>width$} / {}\n",
                sub.title,
                card.shown_text(card.points_of(&sub.key)),
                sub.max
            ));
        }
    }
    let max_total = book.max_total();
    out.push_str(&format!(
        "{:<32}{:>width$} / {max_total}\n",
        "Total",
        card.shown_text(card.total)
    ));
    out.push_str(&format!(
        "\n{}\n",
        if card.attained {
            "Designation attained."
        } else {
            "Designation not attained."
        }
    ));
    // The reason the trace ends with, worked out from the card: a card scored without
    // the trace (a large partner's, in `pcscore score`) says it too.
    out.push_str(&format!(
        "{} ({})\n",
        attainment_reason(card, book),
        book.attainment.clause
    ));
    out
}
