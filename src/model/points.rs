//! Points of the partner capability score, held exactly.
//!
//! Every point value (a subcategory, a category, the total, a cap, the attainment bar,
//! an expected value, a plan's gap) is a [`Points`]: an exact decimal, never a float,
//! so a rule that gives a fraction of a point adds up the way the guide's arithmetic
//! does. This file is the one place a point value is written as text ([`fmt::Display`])
//! or as a JSON number ([`serde::Serialize`]).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Sub};

/// A number of points, exact.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Points(Decimal);

impl Points {
    /// No points.
    pub const ZERO: Points = Points(Decimal::ZERO);

    /// The points of an exact decimal.
    pub const fn new(value: Decimal) -> Points {
        Points(value)
    }

    /// The exact value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// Whether this is a whole number of points.
    pub fn is_whole(self) -> bool {
        self.0.fract().is_zero()
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
            Points(self.0 - other.0)
        }
    }

    /// The value a card shows with `decimals` places (`PCS.POINTS.SHOWN`): truncated
    /// toward zero, never rounded, so 69.999 shows 69.99 and never 70.
    pub fn shown(self, decimals: u32) -> Points {
        Points(
            self.0
                .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::ToZero),
        )
    }

    /// The text a card writes with `decimals` places (`PCS.POINTS.SHOWN`): a shown value
    /// that is whole without decimals (`20`), any other with exactly `decimals` places
    /// (`6.42`, `6.40`).
    pub fn shown_text(self, decimals: u32) -> String {
        let shown = self.shown(decimals);
        if shown.is_whole() {
            return shown.to_string();
        }
        let mut d = shown.0;
        d.rescale(decimals);
        d.to_string()
    }

    /// The whole points rounded down, for counting whole-point steps; `None` below zero
    /// or beyond `u32`.
    pub fn whole(self) -> Option<u32> {
        self.0.floor().to_u32()
    }
}

impl From<u32> for Points {
    fn from(value: u32) -> Points {
        Points(Decimal::from(value))
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl AddAssign for Points {
    fn add_assign(&mut self, other: Points) {
        self.0 += other.0;
    }
}

impl Sub for Points {
    type Output = Points;
    fn sub(self, other: Points) -> Points {
        Points(self.0 - other.0)
    }
}

/// Points per unit times a number of units.
impl Mul<u32> for Points {
    type Output = Points;
    fn mul(self, units: u32) -> Points {
        Points(self.0 * Decimal::from(units))
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
    /// Without trailing zeros: `30`, `2.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Cards are mostly whole points: written as the integer, without the decimal's
        // text (every scenario of a `check` run prints its card to compare it).
        if self.is_whole() {
            if let Some(n) = self.0.to_i64() {
                return fmt::Display::fmt(&n, f);
            }
        }
        f.pad(&self.0.normalize().to_string())
    }
}

impl serde::Serialize for Points {
    /// A JSON integer for a whole number of points, as cards have always shown them;
    /// otherwise the nearest JSON number.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            if let Some(n) = self.0.to_u64() {
                return s.serialize_u64(n);
            }
            if let Some(n) = self.0.to_i64() {
                return s.serialize_i64(n);
            }
        }
        s.serialize_f64(self.0.to_f64().unwrap_or(0.0))
    }
}

impl<'de> serde::Deserialize<'de> for Points {
    /// A number in a rulebook: a whole number, or a decimal written plainly.
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
        Ok(Points(Decimal::from(v)))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Points, E> {
        Ok(Points(Decimal::from(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Points, E> {
        // The shortest text that reads back as `v` is the decimal the rulebook wrote.
        v.to_string()
            .parse::<Decimal>()
            .map(Points)
            .map_err(|_| E::custom(format!("`{v}` is not an exact decimal")))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Points, E> {
        v.parse::<Decimal>()
            .map(Points)
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
    }

    #[test]
    fn a_card_shows_values_truncated_to_its_decimals() {
        let p = |v: &str| Points::new(v.parse().expect("a decimal"));
        let seven = Points::new(Decimal::from(15) / Decimal::from(7));
        assert_eq!((seven * 3).shown_text(2), "6.42");
        assert_eq!(p("6.4").shown_text(2), "6.40");
        assert_eq!(p("20.004").shown_text(2), "20");
        assert_eq!(p("69.999").shown_text(2), "69.99");
        assert_eq!(p("69.999").shown(2), p("69.99"));
        assert_eq!(p("30").shown_text(0), "30");
        assert_eq!(p("0.5").shown_text(0), "0");
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
}
