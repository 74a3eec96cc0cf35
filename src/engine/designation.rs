//! The designation: categories, total and attainment (`PCS.*`).

use super::{path_word, Area, Outcome, Tracer};
use crate::model::{CardPoints, Category, PathKind, Points, ScoreCard, Subcategory};
use crate::rulebook::Rulebook;

pub(super) fn card(
    path: PathKind,
    points: CardPoints,
    book: &Rulebook,
    t: &mut Tracer,
) -> ScoreCard {
    let mut categories = [Points::ZERO; 3];
    for cat in Category::ALL {
        let subs: Vec<Subcategory> = Subcategory::ALL
            .into_iter()
            .filter(|s| s.category() == cat)
            .collect();
        let sum: Points = subs.iter().map(|s| points.get(*s)).sum();
        let max = book.category_max(cat);
        let value = sum.min(max);
        categories[cat as usize] = value;
        if !t.on() {
            continue;
        }
        let clause = book
            .categories
            .iter()
            .find(|c| c.key == cat.key())
            .map_or("", |c| c.clause.as_str());
        let parts = subs
            .iter()
            .map(|s| format!("{} {}", s.key(), points.get(*s)))
            .collect::<Vec<_>>()
            .join(" + ");
        t.push(
            Area::Designation,
            clause,
            cat.key(),
            Outcome::Points(value),
            format!("{parts} (maximum {max})"),
        );
    }
    let total: Points = categories.iter().sum();
    let a = &book.attainment;
    let empty: Vec<&str> = Subcategory::ALL
        .into_iter()
        .filter(|s| points.get(*s) < a.min_points_per_subcategory)
        .map(Subcategory::key)
        .collect();
    let attained = total >= a.min_total && empty.is_empty();
    let card = ScoreCard {
        path,
        points,
        categories,
        total,
        attained,
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
    let total = card.total;
    let empty: Vec<&str> = Subcategory::ALL
        .into_iter()
        .filter(|s| card.points.get(*s) < a.min_points_per_subcategory)
        .map(Subcategory::key)
        .collect();
    match (total >= a.min_total, empty.is_empty()) {
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
