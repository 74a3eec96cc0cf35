//! Categories, total and attainment.

use crate::engine::evidence::AttainmentEvidence;
use crate::model::Points;

/// `net_customer_adds 20 (maximum 30)`, `usage_growth 20 + deployments 0 (maximum 30)`.
pub(super) fn category(parts: &[(String, Points)], max: Points) -> String {
    let sum = parts
        .iter()
        .map(|(key, points)| format!("{key} {points}"))
        .collect::<Vec<_>>()
        .join(" + ");
    format!("{sum} (maximum {max})")
}

/// Attained or not, and why: `attained: ...`, `not attained: ...`.
pub(super) fn attainment(a: &AttainmentEvidence) -> String {
    let verdict = if a.total >= a.min_total && a.short.is_empty() {
        "attained"
    } else {
        "not attained"
    };
    format!("{verdict}: {}", attainment_why(a))
}

/// Why the designation is attained or not, without saying which (a heading says it).
pub(crate) fn attainment_why(a: &AttainmentEvidence) -> String {
    // As the card shows it (PCS.POINTS.SHOWN): 69.99, never 70, nor an exact 209/3.
    let reached = a.total >= a.min_total;
    let total = a.total.shown_text(a.decimals);
    if reached && a.short.is_empty() {
        return format!(
            "{total} points reach {} and every subcategory has at least {}",
            a.min_total, a.min_per_subcategory
        );
    }
    if a.short.is_empty() {
        return format!("{total} points, {} needed", a.min_total);
    }
    format!(
        "{total} points{}, and {} {} fewer than {} point{}",
        if reached {
            String::new()
        } else {
            format!(" of the {} needed", a.min_total)
        },
        a.short.join(", "),
        if a.short.len() == 1 { "has" } else { "have" },
        a.min_per_subcategory,
        if a.min_per_subcategory == Points::from(1) {
            ""
        } else {
            "s"
        },
    )
}
