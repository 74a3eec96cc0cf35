//! Calendar months (`YYYY-MM`), the unit every window of the guide is counted in.

use std::fmt;

/// A calendar month such as `2024-12`.
///
/// Months order chronologically and support "n months earlier", which is all the
/// windows of the guide need (`DAI.WINDOW.*`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Month {
    /// Months since year 0, so that ordering and subtraction are plain integer work.
    index: i32,
}

impl Month {
    /// Builds a month from a year and a month number (1 to 12).
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if !(1..=12).contains(&month) || !(0..=9999).contains(&year) {
            return None;
        }
        Some(Month {
            index: year * 12 + (month as i32 - 1),
        })
    }

    /// Parses the strict `YYYY-MM` form (four digits, a dash, two digits).
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let (year, month) = (&text[0..4], &text[5..7]);
        if !digits(year) || !digits(month) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// The month number, 1 to 12.
    pub fn month(self) -> u32 {
        (self.index.rem_euclid(12) + 1) as u32
    }

    /// The month `n` months before this one (`n` may be 0).
    pub fn months_before(self, n: u32) -> Month {
        Month {
            index: self.index - n as i32,
        }
    }

    /// The month `n` months after this one (`n` may be 0).
    pub fn months_after(self, n: u32) -> Month {
        Month {
            index: self.index + n as i32,
        }
    }

    /// The last calendar day of this month, the day certifications are judged on
    /// (`DAI.SKILL.ACTIVE`).
    pub fn last_day(self) -> chrono::NaiveDate {
        let (y, m) = if self.month() == 12 {
            (self.year() + 1, 1)
        } else {
            (self.year(), self.month() + 1)
        };
        chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(chrono::NaiveDate::MAX)
    }

    /// The month a date falls in.
    pub fn of_date(date: chrono::NaiveDate) -> Option<Month> {
        use chrono::Datelike;
        Month::new(date.year(), date.month())
    }

    /// Whether this month lies in the inclusive range `from..=to`.
    pub fn within(self, from: Month, to: Month) -> bool {
        from <= self && self <= to
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_the_strict_form() {
        assert_eq!(
            Month::parse("2024-12").map(|m| m.to_string()),
            Some("2024-12".into())
        );
        for bad in [
            "2024-13",
            "2024-00",
            "2024-1",
            "24-12",
            "2024/12",
            "2024-12-01",
            " 2024-12",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_back_across_years() {
        let m = Month::parse("2024-01").unwrap();
        assert_eq!(m.months_before(1).to_string(), "2023-12");
        assert_eq!(m.months_before(13).to_string(), "2022-12");
        assert_eq!(m.months_before(0), m);
        assert_eq!(m.months_after(13).to_string(), "2025-02");
        assert_eq!(m.months_before(13).months_after(13), m);
    }

    #[test]
    fn knows_the_last_day() {
        assert_eq!(
            Month::parse("2024-02").unwrap().last_day().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Month::parse("2023-12").unwrap().last_day().to_string(),
            "2023-12-31"
        );
    }
}
