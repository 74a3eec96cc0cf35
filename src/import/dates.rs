//! Dates and months as the downloads write them (`IMPORT.DATES`): ISO `YYYY-MM-DD`, with
//! a `THH:MM:SS` part dropped; a `Month` is `YYYY-MM` or the first day of a month. Any
//! other form stops the import naming the format, since `10/1/2026` could be either
//! order.

use crate::model::Month;
use chrono::NaiveDate;

/// What a date column must hold, for messages.
pub(crate) const DATE: &str = "an ISO date `YYYY-MM-DD` (a `THH:MM:SS` part is dropped)";
/// What a `Month` column must hold, for messages.
pub(crate) const MONTH: &str = "a month as `YYYY-MM` or the first day of a month `YYYY-MM-01`";

/// The date part of `text`, without a time part.
fn date_part(text: &str) -> &str {
    match text.find(['T', ' ']) {
        Some(i) if i == 10 => &text[..i],
        _ => text,
    }
}

/// A date, or `None` when it is not ISO.
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    let d = date_part(text);
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}

/// A month, from `YYYY-MM` or a first-of-month date.
pub(crate) fn month(text: &str) -> Option<Month> {
    if let Some(m) = Month::parse(text) {
        return Some(m);
    }
    let d = date(text)?;
    if chrono::Datelike::day(&d) != 1 {
        return None;
    }
    Month::parse(&date_part(text)[..7])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_dates() {
        assert_eq!(
            month("2026-10").map(|m| m.to_string()),
            Some("2026-10".into())
        );
        assert_eq!(
            month("2026-10-01").map(|m| m.to_string()),
            Some("2026-10".into())
        );
        assert_eq!(
            month("2026-10-01T00:00:00").map(|m| m.to_string()),
            Some("2026-10".into())
        );
        for bad in [
            "2026-10-15",
            "10/1/2026",
            "2026-13",
            "2026-10-01X",
            "",
            "2026-1-01",
        ] {
            assert_eq!(month(bad), None, "{bad}");
        }
        assert!(date("2025-02-28T13:45:00").is_some());
        for bad in ["2025-02-30", "28/02/2025", "2025-2-28", "2025-02-28Z"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }
}
