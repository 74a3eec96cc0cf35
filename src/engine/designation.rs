//! The designation: categories, total and attainment (`PCS.*`).

use super::{path_word, Area, Outcome, Tracer};
use crate::model::{Keyed, PathKind, Points, ScoreCard};
use crate::rulebook::Rulebook;

/// Categories, total and attainment from the subcategories' points (in the rulebook's
/// order).
pub(super) fn card(
    path: PathKind,
    points: Vec<Keyed>,
    book: &Rulebook,
    t: &mut Tracer,
) -> ScoreCard {
    let mut categories = Vec::with_capacity(book.categories.len());
    for cat in &book.categories {
        let subs: Vec<&Keyed> = book
            .subcategories()
            .zip(&points)
            .filter(|(s, _)| *s.category == *cat.key)
            .map(|(_, p)| p)
            .collect();
        let sum: Points = subs.iter().map(|p| p.points).sum();
        let value = sum.min(cat.max);
        categories.push(Keyed {
            key: cat.key.clone(),
            points: value,
        });
        if !t.on() {
            continue;
        }
        let parts = subs
            .iter()
            .map(|p| format!("{} {}", p.key, p.points))
            .collect::<Vec<_>>()
            .join(" + ");
        t.push(
            Area::Designation,
            &cat.clause,
            &*cat.key,
            Outcome::Points(value),
            format!("{parts} (maximum {})", cat.max),
        );
    }
    let total: Points = categories.iter().map(|c| c.points).sum();
    let a = &book.attainment;
    let attained = total >= a.min_total
        && points
            .iter()
            .all(|p| p.points >= a.min_points_per_subcategory);
    let card = ScoreCard {
        path,
        points,
        categories,
        total,
        attained,
        decimals: book.points_decimals,
    };
    if !t.on() {
        return card;
    }
    let why = attainment_reason(&card, book);
    t.push(
        Area::Designation,
        &a.clause,
        format!("{} path", path_word(path)),
        Outcome::Points(total),
        why,
    );
    card
}

/// Why the designation is attained or not, in the words of the trace's last entry
/// (`PCS.ATTAINED`). It depends on the card alone, so a card scored without the trace
/// can still say it (the text card of `pcscore score` does).
pub fn attainment_reason(card: &ScoreCard, book: &Rulebook) -> String {
    let a = &book.attainment;
    // As the card shows it (PCS.POINTS.SHOWN): 69.99, never 70, nor an exact 209/3.
    let total = card.shown_text(card.total);
    let empty: Vec<&str> = card
        .points
        .iter()
        .filter(|p| p.points < a.min_points_per_subcategory)
        .map(|p| &*p.key)
        .collect();
    match (card.total >= a.min_total, empty.is_empty()) {
        (true, true) => format!(
            "attained: {total} points reach {} and every subcategory has at least {}",
            a.min_total, a.min_points_per_subcategory
        ),
        (false, _) if empty.is_empty() => {
            format!("not attained: {total} points, {} needed", a.min_total)
        }
        (reached, _) => format!(
            "not attained: {total} points{}, and {} {} fewer than {} point{}",
            if reached {
                String::new()
            } else {
                format!(" of the {} needed", a.min_total)
            },
            empty.join(", "),
            if empty.len() == 1 { "has" } else { "have" },
            a.min_points_per_subcategory,
            if a.min_points_per_subcategory == Points::from(1) {
                ""
            } else {
                "s"
            },
        ),
    }
}
