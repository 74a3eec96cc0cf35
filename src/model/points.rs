//! Points of the partner capability score, held exactly.
//!
//! Every point value (a subcategory, a category, the total, a cap, the attainment bar,
//! an expected value, a plan's gap) is a [`Points`]: an exact rational, never a float,
//! so a rule that gives a fraction of a point adds up the way the guide's arithmetic
//! does (`PCS.POINTS.EXACT`: 15/7 x 7 is 15, and a total of 70 less a seventh never
//! shows or attains as 70). This file is the one place a point value is written as text
//! ([`fmt::Display`]) or as a JSON number ([`serde::Serialize`]).
//!
//! The value is a decimal numerator over a denominator with no factor 2 or 5: every
//! value a decimal can write exactly (whole points, 2.5) has denominator 1 and behaves
//! as the plain decimal it always was; only thirds, sevenths and the like carry one.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Sub};

/// A number of points, exact.
#[derive(Clone, Copy, Debug)]
pub struct Points {
    /// The numerator; divided by `den` it is the value.
    num: Decimal,
    /// Coprime with 10 and with the numerator's digits, so each value has one form.
    den: u64,
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Points {
    /// No points.
    pub const ZERO: Points = Points {
        num: Decimal::ZERO,
        den: 1,
    };

    /// The points of an exact decimal.
    pub const fn new(value: Decimal) -> Points {
        Points { num: value, den: 1 }
    }

    /// `numerator / denominator` points, exactly (`15/7`); `None` for a zero
    /// denominator or a value beyond the decimal range.
    pub fn fraction(numerator: i64, denominator: u64) -> Option<Points> {
        if denominator == 0 {
            return None;
        }
        Points::reduced(Decimal::from(numerator), denominator)
    }

    /// The value divided by a whole number, exactly (`PCS.POINTS.EXACT`: a rule
    /// multiplies before it divides, so `units x 15 / 7` is what it says).
    pub fn divided_by(self, by: u64) -> Option<Points> {
        if by == 0 {
            return None;
        }
        Points::reduced(self.num, self.den.checked_mul(by)?)
    }

    /// `num / den` in the one form: the factors 2 and 5 of `den` moved into the decimal
    /// numerator, the common factors of the rest and the numerator's digits removed.
    fn reduced(mut num: Decimal, mut den: u64) -> Option<Points> {
        if num.is_zero() {
            return Some(Points::ZERO);
        }
        for (factor, inverse) in [(2, Decimal::new(5, 1)), (5, Decimal::new(2, 1))] {
            while den % factor == 0 {
                den /= factor;
                num = num.checked_mul(inverse)?;
            }
        }
        if den > 1 {
            let mantissa = num.mantissa();
            let rest = u64::try_from(mantissa.unsigned_abs() % u128::from(den)).ok()?;
            let g = gcd(den, rest);
            if g > 1 {
                num = Decimal::from_i128_with_scale(mantissa / i128::from(g), num.scale());
                den /= g;
            }
        }
        Some(Points { num, den })
    }

    /// The value as a decimal: exact when it has one, otherwise to 28 digits (for
    /// arithmetic on amounts; compare and show points as points).
    pub fn value(self) -> Decimal {
        if self.den == 1 {
            self.num
        } else {
            self.num / Decimal::from(self.den)
        }
    }

    /// The value as a decimal when a decimal writes it exactly (`2.5`, not `15/7`).
    pub fn as_decimal(self) -> Option<Decimal> {
        (self.den == 1).then_some(self.num)
    }

    /// Whether this is a whole number of points.
    pub fn is_whole(self) -> bool {
        self.den == 1 && self.num.fract().is_zero()
    }

    /// The smaller of two values.
    pub fn min(self, other: Points) -> Points {
        Ord::min(self, other)
    }

    /// The larger of two values.
    pub fn max(self, other: Points) -> Points {
        Ord::max(self, other)
    }

    /// `self - other`, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Points) -> Points {
        if other >= self {
            Points::ZERO
        } else {
            self - other
        }
    }

    /// The value a card shows with `decimals` places (`PCS.POINTS.SHOWN`): truncated
    /// toward zero, never rounded, so 69.999 shows 69.99 and never 70.
    pub fn shown(self, decimals: u32) -> Points {
        let strategy = rust_decimal::RoundingStrategy::ToZero;
        if self.den == 1 {
            return Points::new(self.num.round_dp_with_strategy(decimals, strategy));
        }
        // With a denominator other than 1 the value is never a whole number of
        // hundredths (the denominator shares nothing with 10 or the digits), so the
        // 28-digit quotient truncates to the exact value's digits.
        Points::new(self.value().round_dp_with_strategy(decimals, strategy))
    }

    /// The text a card writes with `decimals` places (`PCS.POINTS.SHOWN`): a shown value
    /// that is whole without decimals (`20`), any other with exactly `decimals` places
    /// (`6.42`, `6.40`).
    pub fn shown_text(self, decimals: u32) -> String {
        let shown = self.shown(decimals);
        if shown.is_whole() {
            return shown.to_string();
        }
        let mut d = shown.num;
        d.rescale(decimals);
        d.to_string()
    }

    /// The whole points rounded down, for counting whole-point steps; `None` below zero
    /// or beyond `u32`.
    pub fn whole(self) -> Option<u32> {
        self.value().floor().to_u32()
    }

    fn checked_add(self, other: Points) -> Option<Points> {
        if self.den == other.den {
            return Points::reduced(self.num.checked_add(other.num)?, self.den);
        }
        let a = self.num.checked_mul(Decimal::from(other.den))?;
        let b = other.num.checked_mul(Decimal::from(self.den))?;
        Points::reduced(a.checked_add(b)?, self.den.checked_mul(other.den)?)
    }

    fn negated(self) -> Points {
        Points {
            num: -self.num,
            den: self.den,
        }
    }
}

impl Default for Points {
    fn default() -> Points {
        Points::ZERO
    }
}

impl PartialEq for Points {
    fn eq(&self, other: &Points) -> bool {
        // One form per value: the denominators and the numerators' values agree.
        self.den == other.den && self.num == other.num
    }
}

impl Eq for Points {}

impl Hash for Points {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.num.normalize().hash(state);
        self.den.hash(state);
    }
}

impl PartialOrd for Points {
    fn partial_cmp(&self, other: &Points) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Points {
    fn cmp(&self, other: &Points) -> Ordering {
        if self.den == other.den {
            return self.num.cmp(&other.num);
        }
        let a = self.num.checked_mul(Decimal::from(other.den));
        let b = other.num.checked_mul(Decimal::from(self.den));
        match (a, b) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Beyond the decimal range (only `Decimal::MAX`-sized caps get there): the
            // 28-digit values decide.
            _ => self.value().cmp(&other.value()),
        }
    }
}

impl From<u32> for Points {
    fn from(value: u32) -> Points {
        Points::new(Decimal::from(value))
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        // Points are at most a few hundred; the decimal range is never reached by a
        // rulebook's sums, and a sum beyond it saturates rather than panics.
        self.checked_add(other).unwrap_or(Points::new(Decimal::MAX))
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, other: Points) {
        *self = *self + other;
    }
}

impl Sub for Points {
    type Output = Points;
    #[allow(clippy::suspicious_arithmetic_impl)] // the difference is the sum with the negation
    fn sub(self, other: Points) -> Points {
        self + other.negated()
    }
}

/// Points per unit times a number of units.
impl Mul<u32> for Points {
    type Output = Points;
    fn mul(self, units: u32) -> Points {
        self.num
            .checked_mul(Decimal::from(units))
            .and_then(|num| Points::reduced(num, self.den))
            .unwrap_or(Points::new(Decimal::MAX))
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Points> for Points {
    fn sum<I: Iterator<Item = &'a Points>>(iter: I) -> Points {
        iter.copied().sum()
    }
}

impl fmt::Display for Points {
    /// Without trailing zeros: `30`, `2.5`; a value no decimal writes exactly as its
    /// fraction: `45/7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Cards are mostly whole points: written as the integer, without the decimal's
        // text (every scenario of a `check` run prints its card to compare it).
        if self.is_whole() {
            if let Some(n) = self.num.to_i64() {
                return fmt::Display::fmt(&n, f);
            }
        }
        if self.den != 1 {
            return f.pad(&format!("{}/{}", self.num.normalize(), self.den));
        }
        f.pad(&self.num.normalize().to_string())
    }
}

impl serde::Serialize for Points {
    /// A JSON integer for a whole number of points, as cards have always shown them;
    /// otherwise the nearest JSON number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            if let Some(n) = self.num.to_u64() {
                return s.serialize_u64(n);
            }
            if let Some(n) = self.num.to_i64() {
                return s.serialize_i64(n);
            }
        }
        s.serialize_f64(self.value().to_f64().unwrap_or(0.0))
    }
}

impl<'de> serde::Deserialize<'de> for Points {
    /// A number in a rulebook: a whole number, a decimal written plainly, or a fraction
    /// of whole numbers written as the page prints it (`15/7`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Points, D::Error> {
        d.deserialize_any(PointsVisitor)
    }
}

struct PointsVisitor;

impl serde::de::Visitor<'_> for PointsVisitor {
    type Value = Points;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of points")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Points, E> {
        Ok(Points::new(Decimal::from(v)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Points, E> {
        Ok(Points::new(Decimal::from(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Points, E> {
        // The shortest text that reads back as `v` is the decimal the rulebook wrote.
        v.to_string()
            .parse::<Decimal>()
            .map(Points::new)
            .map_err(|_| E::custom(format!("`{v}` is not an exact decimal")))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Points, E> {
        if let Some((n, d)) = v.split_once('/') {
            return match (n.trim().parse::<i64>(), d.trim().parse::<u64>()) {
                (Ok(n), Ok(d)) => Points::fraction(n, d),
                _ => None,
            }
            .ok_or_else(|| E::custom(format!("`{v}` is not a fraction of whole numbers")));
        }
        v.parse::<Decimal>()
            .map(Points::new)
            .map_err(|_| E::custom(format!("`{v}` is not a decimal number")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_points_show_and_serialize_as_integers() {
        let p = Points::from(30);
        assert_eq!(p.to_string(), "30");
        assert_eq!(format!("{p:>4}"), "  30");
        assert_eq!(serde_json::to_string(&p).unwrap(), "30");
        let scaled = Points::new(Decimal::new(3000, 2));
        assert_eq!(scaled.to_string(), "30");
        assert_eq!(serde_json::to_string(&scaled).unwrap(), "30");
        assert_eq!(scaled, p);
    }

    #[test]
    fn a_card_shows_values_truncated_to_its_decimals() {
        let p = |v: &str| Points::new(v.parse().expect("a decimal"));
        let seventh = Points::fraction(15, 7).expect("15/7");
        assert_eq!((seventh * 3).shown_text(2), "6.42");
        assert_eq!(p("6.4").shown_text(2), "6.40");
        assert_eq!(p("20.004").shown_text(2), "20");
        assert_eq!(p("69.999").shown_text(2), "69.99");
        assert_eq!(p("69.999").shown(2), p("69.99"));
        assert_eq!(p("30").shown_text(0), "30");
        assert_eq!(p("0.5").shown_text(0), "0");
    }

    /// PCS.POINTS.EXACT: 15/7 x 7 is 15, not 14.999...; a total a seventh short of
    /// 70 is below 70 and shows 69.85; thirds add up to whole points.
    #[test]
    fn fractions_are_exact_in_sums_products_and_comparisons() {
        let seventh = Points::fraction(15, 7).expect("15/7");
        assert_eq!(seventh * 7, Points::from(15));
        assert!((seventh * 7).is_whole());
        let sum: Points = std::iter::repeat_n(seventh, 7).sum();
        assert_eq!(sum, Points::from(15));
        let short = Points::from(55) + seventh * 6;
        assert!(short < Points::from(70));
        assert_eq!(short.shown_text(2), "67.85");
        let just = Points::from(70) - Points::fraction(1, 7).expect("1/7");
        assert!(just < Points::from(70));
        assert_eq!(just.shown_text(2), "69.85");
        assert_eq!(
            just + Points::fraction(1, 7).expect("1/7"),
            Points::from(70)
        );
        let third = |n: i64| Points::fraction(n * 40, 6).expect("n x 40/6");
        let dep = |n: i64| Points::fraction(n * 20, 6).expect("n x 20/6");
        assert_eq!(third(2) + dep(2), Points::from(20));
        assert_eq!(third(1) + dep(1), Points::from(10));
        assert_eq!(third(6), Points::from(40));
        assert_eq!(third(1).to_string(), "20/3");
        assert_eq!(third(1).shown_text(2), "6.66");
        assert_eq!(
            Points::from(40).divided_by(6).expect("40/6"),
            Points::fraction(20, 3).expect("20/3")
        );
        assert_eq!(
            Points::new(Decimal::new(75, 1)).divided_by(3),
            Points::fraction(5, 2)
        );
        assert!(Points::fraction(1, 3) < Some(Points::new(Decimal::new(34, 2))));
        assert!(Points::fraction(1, 3) > Some(Points::new(Decimal::new(33, 2))));
    }

    #[test]
    fn a_shown_value_is_never_above_the_exact_one() {
        let p = |v: &str| Points::new(v.parse().expect("a decimal"));
        let seventh = Points::new(Decimal::from(15) / Decimal::from(7));
        // Seven sevenths of 15, as exact as a decimal holds them, show 15.
        assert_eq!((seventh * 7).shown_text(2), "15");
        assert_eq!(p("0.009").shown_text(2), "0");
        assert_eq!(p("0.01").shown_text(2), "0.01");
        assert_eq!(p("100").shown_text(2), "100");
        assert_eq!(p("69.9999999").shown(2), p("69.99"));
        for v in ["0", "6.428571", "20.004", "69.999", "70", "0.5"] {
            assert!(p(v).shown(2) <= p(v) && p(v).shown(0) <= p(v), "{v}");
        }
    }

    #[test]
    fn fractions_stay_exact() {
        let half = Points::new(Decimal::new(5, 1));
        assert_eq!((half + half).to_string(), "1");
        assert_eq!(half.to_string(), "0.5");
        assert_eq!(serde_json::to_string(&half).unwrap(), "0.5");
        assert_eq!(
            Points::from(3).saturating_sub(Points::from(5)),
            Points::ZERO
        );
        assert_eq!(Points::new(Decimal::new(25, 1)).whole(), Some(2));
    }

    #[test]
    fn a_rulebook_writes_a_fraction_as_the_page_prints_it() {
        let read = |text: &str| serde_yaml::from_str::<Points>(text);
        assert_eq!(
            read("15/7").expect("reads"),
            Points::fraction(15, 7).expect("15/7")
        );
        assert_eq!(
            read("7.5").expect("reads"),
            Points::new(Decimal::new(75, 1))
        );
        assert!(read("15/0").is_err());
        assert!(read("1.5/7").is_err());
    }
}
