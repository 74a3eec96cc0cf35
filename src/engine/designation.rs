//! The designation: categories, total and attainment (`PCS.*`).

use super::evidence::{AttainmentEvidence, Evidence};
use super::{Area, Outcome, Subject, Tracer};
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
        t.record(
            Area::Designation,
            &cat.clause,
            Subject::Category(cat.key.to_string()),
            Outcome::Points(value),
            Evidence::Category {
                parts: subs.iter().map(|p| (p.key.to_string(), p.points)).collect(),
                max: cat.max,
            },
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
    t.record(
        Area::Designation,
        &a.clause,
        Subject::Designation(path),
        Outcome::Points(total),
        Evidence::Attainment(attainment_evidence(&card, book)),
    );
    card
}

/// The total against the attainment bar, and the subcategories under their minimum
/// (`PCS.ATTAINED`). It depends on the card alone, so a card scored without the trace
/// can still say why (the text card of `pcscore score` does).
pub fn attainment_evidence(card: &ScoreCard, book: &Rulebook) -> AttainmentEvidence {
    let a = &book.attainment;
    AttainmentEvidence {
        total: card.total,
        decimals: card.decimals,
        min_total: a.min_total,
        min_per_subcategory: a.min_points_per_subcategory,
        short: card
            .points
            .iter()
            .filter(|p| p.points < a.min_points_per_subcategory)
            .map(|p| p.key.to_string())
            .collect(),
    }
}
