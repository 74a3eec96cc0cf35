//! Exact US-dollar amounts. Money never passes through a float, and sums never round.

use rust_decimal::Decimal;
use std::fmt;

/// A non-negative amount of US dollars, held exactly as a whole number of 10^-10 USD.
///
/// The loader takes amounts of at most 15 whole digits and 10 decimal places, each under
/// 10^25 of these units, so an `i128` (up to 1.7 x 10^38) holds the sum of more than
/// 10^13 of them exactly. A `Decimal` holds only 28 significant digits and rounds past
/// them without a word: 14,000 amounts of USD 5e14 plus one of USD 1e-9 lost the last
/// digit, and growth of exactly 20% scored 19.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i128);

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

/// Units of 10^-10 USD in one dollar.
const UNITS_PER_DOLLAR: i128 = 10_000_000_000;

impl Money {
    /// Amounts are refused from one quadrillion dollars up, so that sums over any file
    /// the loader accepts stay far inside the exact range.
    pub const MAX_WHOLE_DIGITS: usize = 15;
    /// Amounts may carry fractions of a cent, up to this many decimal places: the unit
    /// amounts are counted in.
    pub const MAX_DECIMAL_PLACES: usize = 10;

    /// Zero dollars.
    pub const ZERO: Money = Money(0);

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
        // At most 25 digits, so the digits are exact in an i128, and so is the same
        // number scaled to ten decimal places.
        10_i128
            .checked_pow((Self::MAX_DECIMAL_PLACES - digits.places) as u32)
            .and_then(|scale| digits.mantissa.checked_mul(scale))
            .map(Money)
            .ok_or(MoneyError::NotANumber)
    }

    /// Builds an amount from a decimal the caller knows to be non-negative; `None` when
    /// it is negative, has a nonzero digit beyond [`Money::MAX_DECIMAL_PLACES`] places,
    /// or is beyond 10^28 dollars.
    pub fn from_decimal(value: Decimal) -> Option<Money> {
        if value < Decimal::ZERO {
            return None;
        }
        let (mantissa, scale) = (value.mantissa(), value.scale());
        let places = Self::MAX_DECIMAL_PLACES as u32;
        let units = if scale <= places {
            mantissa.checked_mul(10_i128.checked_pow(places - scale)?)?
        } else {
            let divisor = 10_i128.checked_pow(scale - places)?;
            if mantissa % divisor != 0 {
                return None;
            }
            mantissa / divisor
        };
        Some(Money(units))
    }

    /// The amount in units of 10^-10 USD: exact integer arithmetic for sums and ratios.
    pub fn units(self) -> i128 {
        self.0
    }

    /// The value as a decimal, with no more decimal places than it needs. Exact for any
    /// amount of 28 significant digits or fewer, which is every amount the loader
    /// accepts and every sum below USD 7.9 x 10^18; a larger sum with many decimals is
    /// rounded to the 28 digits a decimal holds (its text, [`Money::plain`] and the
    /// display are always exact).
    pub fn amount(self) -> Decimal {
        let (mut mantissa, mut scale) = (self.0, Self::MAX_DECIMAL_PLACES as u32);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        while mantissa > MAX_MANTISSA && scale > 0 {
            let (quotient, rest) = (mantissa / 10, mantissa % 10);
            mantissa = quotient + i128::from(rest > 5 || (rest == 5 && quotient % 2 == 1));
            scale -= 1;
        }
        // Past the loop the mantissa fits: an i128 of units is under 1.7 x 10^28 dollars.
        Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or(Decimal::MAX)
    }

    /// Whether this is exactly zero dollars.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The exact sum, or `None` past 1.7 x 10^28 dollars (never for the sums of a file
    /// the loader accepts, which stay under 10^23).
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The value as machine-readable text, exactly: at least two decimal places and no
    /// trailing zeros beyond them (`150.00`, `0.005`, `1200.50`), as [`plain_decimal`]
    /// writes a decimal.
    pub fn plain(self) -> String {
        let (whole, fraction, len) = self.parts();
        let fraction = std::str::from_utf8(&fraction[..len]).unwrap_or_default();
        format!("{whole}.{fraction}")
    }

    /// The whole dollars, and the decimals as digits, of which the first `len` are
    /// shown: at least two, no trailing zeros beyond.
    fn parts(self) -> (u128, [u8; 10], usize) {
        let units = self.0.unsigned_abs();
        let per = UNITS_PER_DOLLAR.unsigned_abs();
        let (whole, mut rest) = (units / per, units % per);
        let mut digits = [b'0'; 10];
        for digit in digits.iter_mut().rev() {
            *digit = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let mut len = digits.len();
        while len > 2 && digits[len - 1] == b'0' {
            len -= 1;
        }
        (whole, digits, len)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.plain())
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
        // thousands of amounts.
        let (mut whole, fraction, len) = self.parts();
        let mut buffer = [0u8; 56];
        let mut start = buffer.len();
        let mut written = 0;
        loop {
            if written > 0 && written % 3 == 0 {
                start -= 1;
                buffer[start] = b',';
            }
            start -= 1;
            buffer[start] = b'0' + (whole % 10) as u8;
            whole /= 10;
            written += 1;
            if whole == 0 {
                break;
            }
        }
        let grouped = std::str::from_utf8(&buffer[start..]).map_err(|_| fmt::Error)?;
        let fraction = std::str::from_utf8(&fraction[..len]).map_err(|_| fmt::Error)?;
        write!(f, "USD {grouped}.{fraction}")
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
const MAX_MANTISSA: i128 = (1 << 96) - 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_cents_exactly() {
        let m = Money::parse("800.50").unwrap();
        assert_eq!(m.amount().to_string(), "800.5");
        assert_eq!(m.plain(), "800.50");
        assert_eq!(m.to_string(), "USD 800.50");
        assert_eq!(
            Money::parse("1000000").unwrap().to_string(),
            "USD 1,000,000.00"
        );
        assert_eq!(Money::parse("0.01").unwrap().to_string(), "USD 0.01");
        assert_eq!(Money::parse("007").unwrap().to_string(), "USD 7.00");
        assert_eq!(
            Money::parse("0.0000000001").unwrap().to_string(),
            "USD 0.0000000001"
        );
        assert_eq!(
            format!("{:?}", Money::parse("12.5").unwrap()),
            "Money(12.50)"
        );
    }

    /// The decimal parsing the text gives: the way amounts were read before.
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

    fn rng(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        }
    }

    #[test]
    fn amounts_are_the_value_parsing_the_text_gives() {
        let mut next = rng(0x853c_49e6_748f_ea9b);
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
                assert_eq!(m.amount(), expected, "{text}");
                assert_eq!(Money::from_decimal(expected), Some(m), "{text}");
                assert_eq!(m.plain(), plain_decimal(expected), "{text}");
            }
        }
    }

    /// The display as it was, through the decimal's text, for any value a decimal holds
    /// exactly.
    fn shown_by_text(value: Decimal) -> String {
        let text = plain_decimal(value);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        // At the edge of the decimal's range `plain_decimal` cannot rescale to two places.
        format!("USD {grouped}.{fraction:0<2}")
    }

    #[test]
    fn amounts_show_as_through_the_decimals_own_text() {
        let mut next = rng(0x2545_f491_4f6c_dd1d);
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(0, 5),
            Decimal::from_i128_with_scale((1 << 96) - 1, 10),
            Decimal::from_i128_with_scale((1 << 96) - 1, 1),
            Decimal::from_i128_with_scale(10_i128.pow(27), 0),
        ];
        for _ in 0..50_000 {
            let digits = 1 + next(28) as u32;
            let mantissa =
                ((next(u64::MAX) as u128 * next(u64::MAX) as u128) % 10_u128.pow(digits)) as i128;
            let trailing = 10_i128.pow(next(4) as u32);
            // Up to 28 digits: a decimal of more, at scale 0, is beyond an i128 of units.
            let mantissa = (mantissa * trailing).min(10_i128.pow(28) - 1);
            values.push(Decimal::from_i128_with_scale(mantissa, next(11) as u32));
        }
        for value in values {
            let m = Money::from_decimal(value).unwrap();
            assert_eq!(m.to_string(), shown_by_text(value), "{value:?}");
            assert_eq!(m.amount(), value, "{value:?}");
        }
    }

    #[test]
    fn sums_are_exact_past_the_digits_a_decimal_holds() {
        let big = Money::parse("600000000000000").unwrap();
        let tiny = Money::parse("0.0000000012").unwrap();
        let mut sum = Money::ZERO;
        for _ in 0..14_000 {
            sum = sum.checked_add(big).unwrap();
        }
        let sum = sum.checked_add(tiny).unwrap();
        assert_eq!(sum.plain(), "8400000000000000000.0000000012");
        assert_eq!(sum.to_string(), "USD 8,400,000,000,000,000,000.0000000012");
        assert_eq!(sum.units() - tiny.units(), big.units() * 14_000);
        // 29 significant digits: the decimal is the nearest it holds.
        assert_eq!(sum.amount().to_string(), "8400000000000000000.000000001");
        assert_eq!(Money(i128::MAX).checked_add(tiny), None);
        assert_eq!(Money(i128::MAX).amount().scale(), 0);
    }

    #[test]
    fn decimals_it_cannot_hold_exactly_are_not_money() {
        let d = |m: i128, s: u32| Decimal::from_i128_with_scale(m, s);
        assert_eq!(Money::from_decimal(d(-1, 0)), None);
        assert_eq!(Money::from_decimal(d(1, 11)), None);
        assert_eq!(
            Money::from_decimal(d(10, 11)),
            Some(Money::parse("0.0000000001").unwrap())
        );
        assert_eq!(Money::from_decimal(Decimal::MAX), None);
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
