//! The sentence that says why a trace entry came out as it did.
//!
//! The engine records what a rule decided and the data it used ([`Evidence`]); the
//! words are written here, so that a report, not the engine, speaks. Entries of the
//! older rule kinds still carry a sentence the engine wrote, which is used as it is.

mod units;

use crate::engine::{Evidence, TraceEntry};
use std::borrow::Cow;

/// Why the entry came out as it did, in one sentence (without a final full stop).
pub(crate) fn reason(e: &TraceEntry) -> Cow<'_, str> {
    if !e.reason.is_empty() {
        return Cow::Borrowed(e.reason.as_str());
    }
    Cow::Owned(e.evidence.as_ref().map(words).unwrap_or_default())
}

/// The sentence for evidence the engine recorded without one.
pub(crate) fn words(evidence: &Evidence) -> String {
    // Every variant recorded without a sentence gets its words here, one arm a variant;
    // the older variants always come with the engine's sentence and never reach this.
    units::words(evidence).unwrap_or_default()
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
