//! The sentence that says why a trace entry came out as it did.
//!
//! The engine records what a rule decided and the data it used ([`Evidence`]); the
//! words are written here, one file a rule kind under `reason/`, so that a report, not
//! the engine, speaks. A sentence quotes its thresholds, windows and counts from the
//! evidence, never a number of its own.

mod certification_ladder;
mod deployments;
mod designation;
mod net_customer_adds;
mod path;
mod subject;
mod usage_growth;
mod windows;

mod units;

use crate::engine::{Evidence, TraceEntry};
use crate::model::ScoreCard;
use crate::rulebook::Rulebook;

/// Why the entry came out as it did, in one sentence (without a final full stop).
pub fn reason(e: &TraceEntry) -> String {
    words(&e.evidence)
}

pub(crate) use certification_ladder::why_not;
pub(crate) use deployments::refusal;
pub(crate) use designation::attainment_why;
pub(crate) use net_customer_adds::finding;

/// Why a card is attained or not, as the trace's last entry says it (`PCS.ATTAINED`),
/// worked out from the card alone: a card scored without the trace says it too.
pub fn attainment_reason(card: &ScoreCard, book: &Rulebook) -> String {
    designation::attainment(&crate::engine::attainment_evidence(card, book))
}

/// The sentence for a piece of evidence.
pub(crate) fn words(evidence: &Evidence) -> String {
    match evidence {
        Evidence::Window {
            from,
            to,
            each_month,
        } => windows::window(*from, *to, *each_month),
        Evidence::MissingMonth { counts_as } => windows::missing_month(*counts_as),
        Evidence::Attribution {
            codes,
            eligible,
            counts_toward,
            ..
        } => path::attribution(codes, eligible, counts_toward),
        Evidence::Path(p) => path::path(p),
        Evidence::Threshold { amount, path } => net_customer_adds::threshold(*amount, *path),
        Evidence::CustomerAcr(c) => net_customer_adds::customer(c),
        Evidence::NetAdds {
            adds,
            losses,
            counted,
            max_adds,
            points_per_add,
        } => net_customer_adds::points(*adds, *losses, *counted, *max_adds, *points_per_add),
        Evidence::GrowthCustomer {
            last_month,
            last,
            prior_month,
            prior,
            ..
        } => usage_growth::customer(*last_month, *last, *prior_month, *prior),
        Evidence::GrowthTotals {
            last_month,
            last,
            prior_month,
            prior,
        } => usage_growth::totals(*last_month, *last, *prior_month, *prior),
        Evidence::GrowthMinimum {
            month,
            last,
            minimum,
        } => usage_growth::minimum(*month, *last, *minimum),
        Evidence::NoBaseline { month, prior } => usage_growth::no_baseline(*month, *prior),
        Evidence::GrowthRate {
            last,
            prior,
            percent,
            ..
        } => usage_growth::rate(*last, *prior, percent.as_deref()),
        Evidence::GrowthPoints {
            whole_percent,
            points_per_percent,
            max,
        } => usage_growth::points(*whole_percent, *points_per_percent, *max),
        Evidence::NoGrowthPoints => usage_growth::no_points(),
        Evidence::Certification(c) => certification_ladder::certification(c),
        Evidence::Retiring { title, retires_on } => {
            certification_ladder::retiring(title, retires_on)
        }
        Evidence::CountedOnce { certifications } => {
            certification_ladder::counted_once(*certifications)
        }
        Evidence::PrerequisiteAndScoring => certification_ladder::prerequisite_and_scoring(),
        Evidence::Skilling(s) => certification_ladder::points(s),
        Evidence::Capped { raw, max } => certification_ladder::capped(*raw, *max),
        Evidence::Deployment(d) => deployments::deployment(d),
        Evidence::DistinctServices {
            services,
            counted,
            max_services,
            points_per_service,
        } => deployments::distinct(services, *counted, *max_services, *points_per_service),
        Evidence::Category { parts, max } => designation::category(parts, *max),
        Evidence::Attainment(a) => designation::attainment(a),
        // The 2026-05 workload kinds' evidence (`reason/units.rs`).
        other => units::words(other).unwrap_or_default(),
    }
}

/// What a piece of unused data is, in words (`PCS.DATA.UNUSED`).
pub(crate) fn unused_words(
    u: &crate::rulebook::reads::Unused,
    book: &crate::rulebook::Rulebook,
) -> String {
    use crate::rulebook::reads::UnusedKind;
    let what = match &u.what {
        UnusedKind::Acr => "monthly `acr`".to_string(),
        UnusedKind::AcrByService => "`acr_by_service`".to_string(),
        UnusedKind::Workload(slug) => format!("workload `{slug}`"),
    };
    format!(
        "customer {}: {what} is accepted and counts nothing: no rule of {} reads it",
        u.customer, book.designation
    )
}
