//! The score card: the numbers `score` prints and a scenario's `expected:` block checks.
//!
//! Subcategories and categories are the rulebook's: a card holds one value per key,
//! in the rulebook's order, and knows nothing of what the keys mean. The three
//! categories happen to be the same for every designation today; they are data all the
//! same, so that a card never needs an enum changed to hold another designation's.

use super::{PathKind, Points, Position};
use std::sync::Arc;

/// One key of a score card with its points.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Keyed {
    /// The rulebook's key, such as `net_customer_adds` or `skilling`, shared with it.
    pub key: Arc<str>,
    /// Its points.
    pub points: Points,
}

impl Keyed {
    /// A key with its points.
    pub fn new(key: impl Into<Arc<str>>, points: Points) -> Keyed {
        Keyed {
            key: key.into(),
            points,
        }
    }
}

/// A partner's score for one designation: what `score` prints.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ScoreCard {
    /// The path scored on.
    pub path: PathKind,
    /// Points per subcategory, in the rulebook's order.
    pub points: Vec<Keyed>,
    /// Points per category, in the rulebook's order.
    pub categories: Vec<Keyed>,
    /// The sum of all points.
    pub total: Points,
    /// Whether the designation is attained (`PCS.ATTAINED`).
    pub attained: bool,
    /// The decimals its values are shown and compared with: the rulebook's
    /// `points_decimals` (`PCS.POINTS.SHOWN`). The values above stay exact.
    pub decimals: u32,
}

impl ScoreCard {
    /// A value of this card as it is shown and compared (`PCS.POINTS.SHOWN`):
    /// truncated to the card's decimals.
    pub fn shown(&self, points: Points) -> Points {
        points.shown(self.decimals)
    }

    /// A value of this card as a card writes it: `20`, `6.42`, `6.40`.
    pub fn shown_text(&self, points: Points) -> String {
        points.shown_text(self.decimals)
    }

    /// The points of a subcategory; zero for a key the card does not have.
    pub fn points_of(&self, key: &str) -> Points {
        value_of(&self.points, key)
    }

    /// The points of a category; zero for a key the card does not have.
    pub fn category_of(&self, key: &str) -> Points {
        value_of(&self.categories, key)
    }
}

fn value_of(list: &[Keyed], key: &str) -> Points {
    list.iter()
        .find(|k| &*k.key == key)
        .map_or(Points::ZERO, |k| k.points)
}

/// One value written under `expected.points` or `expected.categories`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Written {
    /// The key as written; once checked, the rulebook's own (shared) key.
    pub key: Arc<str>,
    /// The points written.
    pub value: Points,
    /// Where the key is, for the error when the rulebook has no such key; `None` once
    /// the keys are checked ([`crate::load::check_expected`]): a run of 10,000 scenarios
    /// keeps every expectation, and has no use for their source lines.
    pub at: Option<Box<Position>>,
}

impl Written {
    /// A value written for a key, at no particular place (for expectations built in
    /// code).
    pub fn new(key: impl Into<Arc<str>>, value: Points) -> Written {
        Written {
            key: key.into(),
            value,
            at: None,
        }
    }
}

/// `expected.points` or `expected.categories` written as something other than a
/// mapping. Its message lists the rulebook's keys, so it is given once the rulebook is
/// known, by the same check that refuses an unknown key.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Misshapen {
    /// `points` or `categories`.
    pub key: &'static str,
    /// Where the value is.
    pub at: Position,
    /// What it is, in the words of every "found" message.
    pub found: String,
    /// A plain word such as `deployments:2`, which YAML reads as one word: the text
    /// before and after its first `:`.
    pub spaced: Option<(String, String)>,
}

/// A scenario's `expected:` block: any part of a score card; what is absent is not checked.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Expected {
    /// `path`
    pub path: Option<PathKind>,
    /// `points.<subcategory>` as written; once checked against the rulebook, in its
    /// order.
    pub points: Vec<Written>,
    /// `categories.<category>` as written; once checked against the rulebook, in its
    /// order.
    pub categories: Vec<Written>,
    /// `total`
    pub total: Option<Points>,
    /// `attained`
    pub attained: Option<bool>,
    /// `points` or `categories` that is not a mapping, refused by the key check.
    pub misshapen: Option<Misshapen>,
    /// The values written with a decimal point (`6.4`, `30.0`): how many decimals a
    /// value may have is the rulebook's (`PCS.EXPECTED.DECIMALS`), so they are judged
    /// by the same check as the keys, then forgotten.
    pub decimal_points: Vec<DecimalPoint>,
}

/// An expected value written with a decimal point, where and as written.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DecimalPoint {
    /// The field path, such as `expected.total`.
    pub field: String,
    /// The value as written, such as `6.4`.
    pub text: String,
    /// Where the value is.
    pub at: Position,
}

impl DecimalPoint {
    /// How many digits follow the point.
    pub fn decimals(&self) -> usize {
        self.text.split_once('.').map_or(0, |(_, d)| d.len())
    }
}

impl Expected {
    /// The value written for a subcategory, if any.
    pub fn points_of(&self, key: &str) -> Option<Points> {
        written(&self.points, key)
    }

    /// The value written for a category, if any.
    pub fn category_of(&self, key: &str) -> Option<Points> {
        written(&self.categories, key)
    }
}

fn written(list: &[Written], key: &str) -> Option<Points> {
    list.iter().find(|w| &*w.key == key).map(|w| w.value)
}
