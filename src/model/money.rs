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
            Some(rest) if Digits::of(rest).is_some() => return Err(MoneyError::Negative),
            Some(_) => return Err(MoneyError::NotANumber),
            None => text,
        };
        let digits = Digits::of(unsigned).ok_or(MoneyError::NotANumber)?;
        if digits.whole > Self::MAX_WHOLE_DIGITS {
            return Err(MoneyError::TooLarge);
        }
        if digits.places > Self::MAX_DECIMAL_PLACES {
            return Err(MoneyError::TooPrecise);
        }
        // At most 25 digits, so the digits are the decimal's mantissa exactly and the
        // places its scale: what parsing the text as a `Decimal` gives (`800.50` keeps
        // its scale of 2), without the text round trip that cost a fifth of loading.
        Decimal::try_from_i128_with_scale(digits.mantissa, digits.places as u32)
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

/// The digits of `123` or `0123.450`, read in one pass.
struct Digits {
    /// Whole digits after leading zeros.
    whole: usize,
    /// Digits after the point.
    places: usize,
    /// All digits as one number; meaningful only within the limits `parse` checks.
    mantissa: i128,
}

impl Digits {
    /// `None` unless `text` is digits, or digits, a point and digits.
    fn of(text: &str) -> Option<Digits> {
        let (mut whole, mut places, mut mantissa) = (0usize, 0usize, 0i128);
        let (mut point, mut before_point) = (false, 0usize);
        for b in text.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.wrapping_mul(10).wrapping_add(i128::from(b - b'0'));
                    if point {
                        places += 1;
                    } else {
                        before_point += 1;
                        if whole > 0 || b != b'0' {
                            whole += 1;
                        }
                    }
                }
                b'.' if !point => point = true,
                _ => return None,
            }
        }
        (before_point > 0 && (!point || places > 0)).then_some(Digits {
            whole,
            places,
            mantissa,
        })
    }
}

impl fmt::Display for Money {
    /// Whole dollars with thousands separators and at least two decimals:
    /// `USD 1,000,000.00`, `USD 0.01`, `USD 12.345`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written from the digits: an explanation of a large partner shows hundreds of
        // thousands of amounts, and going through `Decimal`'s own text cost half of it.
        let (mut digits, mut places) = (self.0.mantissa().unsigned_abs(), self.0.scale());
        while places > 2 && digits % 10 == 0 {
            digits /= 10;
            places -= 1;
        }
        if places < 2 {
            match 10u128
                .checked_pow(2 - places)
                .and_then(|p| digits.checked_mul(p))
                .filter(|d| *d <= MAX_MANTISSA)
            {
                Some(d) => (digits, places) = (d, 2),
                None => return shown_by_text(self.0, f),
            }
        }
        let mut buffer = [0u8; 40];
        let mut start = buffer.len();
        loop {
            start -= 1;
            buffer[start] = b'0' + (digits % 10) as u8;
            digits /= 10;
            if digits == 0 {
                break;
            }
        }
        // At least one whole digit: `0.005`.
        let places = places as usize;
        while buffer.len() - start <= places {
            start -= 1;
            buffer[start] = b'0';
        }
        let text = std::str::from_utf8(&buffer[start..]).map_err(|_| fmt::Error)?;
        let (whole, fraction) = text.split_at(text.len() - places);
        f.write_str("USD ")?;
        for (i, c) in whole.char_indices() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                f.write_str(",")?;
            }
            f.write_str(&whole[i..i + c.len_utf8()])?;
        }
        write!(f, ".{fraction}")
    }
}

/// A decimal as machine-readable text with at least two places and no trailing zeros
/// beyond them: `150.00`, `0.005`, `1200.50`. The form JSON reports use for amounts.
pub fn plain_decimal(value: Decimal) -> String {
    let mut value = value.normalize();
    if value.scale() < 2 {
        value.rescale(2);
    }
    value.to_string()
}

/// The largest mantissa a decimal holds (96 bits).
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// The display through `Decimal`'s text, for amounts at the edge of its range.
fn shown_by_text(value: Decimal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let text = plain_decimal(value);
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

    /// The decimal as parsing the text gives it: the way amounts were read before.
    fn by_text(text: &str) -> Decimal {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let whole = whole.trim_start_matches('0');
        let normal = match (whole.is_empty(), fraction.is_empty()) {
            (true, true) => "0".to_string(),
            (true, false) => format!("0.{fraction}"),
            (false, true) => whole.to_string(),
            (false, false) => format!("{whole}.{fraction}"),
        };
        normal.parse().unwrap()
    }

    #[test]
    fn amounts_keep_the_digits_and_scale_parsing_the_text_gives() {
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut cases: Vec<String> = ["0", "0.0", "0.00", "007", "007.100", "1200", "800.50"]
            .map(String::from)
            .to_vec();
        for _ in 0..20_000 {
            let digits = |n: u64, next: &mut dyn FnMut(u64) -> u64| -> String {
                (0..n).map(|_| char::from(b'0' + next(10) as u8)).collect()
            };
            let whole = digits(1 + next(17), &mut next);
            let text = match next(3) {
                0 => whole,
                _ => format!("{whole}.{}", digits(1 + next(10), &mut next)),
            };
            cases.push(text);
        }
        for text in cases {
            if let Ok(m) = Money::parse(&text) {
                let expected = by_text(&text);
                assert_eq!(
                    (m.amount().mantissa(), m.amount().scale()),
                    (expected.mantissa(), expected.scale()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn amounts_show_as_through_the_decimals_own_text() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(0, 5),
            Decimal::MAX,
            Decimal::from_i128_with_scale((1 << 96) - 1, 1),
            Decimal::from_i128_with_scale((1 << 96) - 1, 0),
            Decimal::from_i128_with_scale(10_i128.pow(27), 0),
        ];
        for _ in 0..50_000 {
            let digits = 1 + next(28) as u32;
            let mantissa =
                ((next(u64::MAX) as u128 * next(u64::MAX) as u128) % 10_u128.pow(digits)) as i128;
            let trailing = 10_i128.pow(next(4) as u32);
            let mantissa = (mantissa * trailing).min((1 << 96) - 1);
            values.push(Decimal::from_i128_with_scale(mantissa, next(15) as u32));
        }
        for value in values {
            let m = Money::from_decimal(value).unwrap();
            let mut expected = String::new();
            fmt::write(&mut expected, format_args!("{}", Shown(value))).unwrap();
            assert_eq!(m.to_string(), expected, "{value:?}");
        }
    }

    /// The display as it was: through the decimal's text.
    struct Shown(Decimal);

    impl fmt::Display for Shown {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            shown_by_text(self.0, f)
        }
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
