//! Exact US-dollar amounts. Money never passes through a float.

use rust_decimal::Decimal;
use std::fmt;

/// A non-negative amount of US dollars, held exactly as a decimal.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Money(Decimal);

/// Why a piece of text is not an amount of money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a plain decimal number such as `1200` or `800.50`.
    NotANumber,
    /// A minus sign: amounts of consumed revenue cannot be negative.
    Negative,
    /// More whole digits than [`Money::MAX_WHOLE_DIGITS`].
    TooLarge,
    /// More decimal places than [`Money::MAX_DECIMAL_PLACES`].
    TooPrecise,
}

impl Money {
    /// Amounts are refused from one quadrillion dollars up, so that sums over any file
    /// the loader accepts stay far inside the exact decimal range.
    pub const MAX_WHOLE_DIGITS: usize = 15;
    /// Amounts may carry fractions of a cent, up to this many decimal places.
    pub const MAX_DECIMAL_PLACES: usize = 10;

    /// Zero dollars.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses the plain decimal form (`1200`, `800.50`, `0.01`) exactly.
    pub fn parse(text: &str) -> Result<Money, MoneyError> {
        let unsigned = match text.strip_prefix('-') {
            Some(rest) if is_plain_decimal(rest) => return Err(MoneyError::Negative),
            Some(_) => return Err(MoneyError::NotANumber),
            None => text,
        };
        if !is_plain_decimal(unsigned) {
            return Err(MoneyError::NotANumber);
        }
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if whole.trim_start_matches('0').len() > Self::MAX_WHOLE_DIGITS {
            return Err(MoneyError::TooLarge);
        }
        if fraction.len() > Self::MAX_DECIMAL_PLACES {
            return Err(MoneyError::TooPrecise);
        }
        let whole = whole.trim_start_matches('0');
        let normal = match (whole.is_empty(), fraction.is_empty()) {
            (true, true) => "0".to_string(),
            (true, false) => format!("0.{fraction}"),
            (false, true) => whole.to_string(),
            (false, false) => format!("{whole}.{fraction}"),
        };
        normal
            .parse::<Decimal>()
            .map(Money)
            .map_err(|_| MoneyError::NotANumber)
    }

    /// Builds an amount from a decimal the caller knows to be non-negative.
    pub fn from_decimal(value: Decimal) -> Option<Money> {
        (value >= Decimal::ZERO).then_some(Money(value))
    }

    /// The exact decimal value.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// Whether this is exactly zero dollars.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Exact sum, or `None` when it would leave the decimal range.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }
}

fn is_plain_decimal(text: &str) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

impl fmt::Display for Money {
    /// Whole dollars with thousands separators and at least two decimals:
    /// `USD 1,000,000.00`, `USD 0.01`, `USD 12.345`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut value = self.0.normalize();
        if value.scale() < 2 {
            value.rescale(2);
        }
        let text = value.to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "USD {grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_cents_exactly() {
        let m = Money::parse("800.50").unwrap();
        assert_eq!(m.amount().to_string(), "800.50");
        assert_eq!(m.to_string(), "USD 800.50");
        assert_eq!(
            Money::parse("1000000").unwrap().to_string(),
            "USD 1,000,000.00"
        );
        assert_eq!(Money::parse("0.01").unwrap().to_string(), "USD 0.01");
        assert_eq!(Money::parse("007").unwrap().to_string(), "USD 7.00");
    }

    #[test]
    fn refuses_what_is_not_plain_money() {
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        for bad in [
            "", "abc", "1e3", ".5", "5.", "1_000", "+5", "NaN", ".nan", "1,000", "--5",
        ] {
            assert_eq!(Money::parse(bad), Err(MoneyError::NotANumber), "{bad}");
        }
        assert_eq!(Money::parse("1000000000000000"), Err(MoneyError::TooLarge));
        assert!(Money::parse("999999999999999.9999999999").is_ok());
        assert_eq!(Money::parse("0.00000000001"), Err(MoneyError::TooPrecise));
    }
}
