//! Sums of USD in units of 10^-10, as the format writes amounts.

/// Units of 10^-10 USD in one dollar.
const PER_DOLLAR: u128 = 10_000_000_000;

/// A non-negative sum as [`crate::model::Money::plain`] writes an amount: at least two decimals, no
/// trailing zeros beyond them. A sum may pass what one `Money` amount holds, so it is
/// written from the units directly, the same way.
pub(crate) fn plain(units: i128) -> String {
    let u = units.unsigned_abs();
    let (whole, fraction) = (u / PER_DOLLAR, u % PER_DOLLAR);
    let mut digits = format!("{fraction:010}");
    while digits.len() > 2 && digits.ends_with('0') {
        digits.pop();
    }
    let sign = if units < 0 { "-" } else { "" };
    format!("{sign}{whole}.{digits}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    #[test]
    fn written_as_money_writes_them() {
        for text in [
            "0.01",
            "1200.5",
            "800.50",
            "7",
            "0.0000000001",
            "999999999999999.99",
        ] {
            let m = Money::parse(text).expect("money");
            assert_eq!(plain(m.units()), m.plain(), "{text}");
        }
        assert_eq!(plain(i128::from(u64::MAX) * 1000), "1844674407370.9551615");
    }
}
