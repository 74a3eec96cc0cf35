//! Usage growth.

use crate::model::{Money, Month, Points};

/// A customer's eligible ACR in the two months compared.
pub(super) fn customer(last_month: Month, last: Money, prior_month: Month, prior: Money) -> String {
    format!("{last_month} {last}; {prior_month} {prior}")
}

/// L and P, the sums growth is computed from.
pub(super) fn totals(last_month: Month, last: Money, prior_month: Month, prior: Money) -> String {
    format!(
        "L = eligible ACR in {last_month} = {last}; P = eligible ACR in {prior_month} = {prior}"
    )
}

/// Eligible ACR in M under the minimum.
pub(super) fn minimum(month: Month, last: Money, minimum: Money) -> String {
    format!("{last} in {month} is under the {minimum} needed to qualify")
}

/// Nothing in the comparison month.
pub(super) fn no_baseline(month: Month, prior: Money) -> String {
    format!("no baseline: eligible ACR in {month} is {prior}, so growth is undefined")
}

/// The formula with its figures, and the percentage truncated to two decimals.
pub(super) fn rate(last: Money, prior: Money, percent: Option<&str>) -> String {
    format!(
        "growth = ({last} - {prior}) / {prior} x 100 = {}",
        percent.map_or("an out-of-range percentage".to_string(), |p| format!(
            "{p}%"
        ))
    )
}

/// The points from the whole percent.
pub(super) fn points(whole_percent: i64, per_percent: Points, max: Points) -> String {
    format!("{whole_percent} whole percent x {per_percent} point, held between 0 and {max}")
}

/// No points: the entries before say why.
pub(super) fn no_points() -> String {
    "no growth points".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A percentage beyond the decimal range is said to be one, not shown as a number.
    #[test]
    fn a_rate_out_of_range_is_said_in_words() {
        let (l, p) = (
            Money::parse("999999999999999").expect("an amount"),
            Money::parse("0.000000001").expect("an amount"),
        );
        assert_eq!(
            rate(l, p, None),
            "growth = (USD 999,999,999,999,999.00 - USD 0.000000001) / USD 0.000000001 x 100 \
             = an out-of-range percentage"
        );
        assert!(rate(l, p, Some("12.5")).ends_with(" x 100 = 12.5%"));
    }
}
