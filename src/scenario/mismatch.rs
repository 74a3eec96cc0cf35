//! The keys where a score card differs from an expectation, as data: what the JSON
//! report lists and the JUnit failure message summarises. The diff says the same for
//! people; this is for programs.

use crate::model::{Category, Expected, ScoreCard, Subcategory};
use serde_json::{json, Value};

/// One written key whose value differs from the engine's.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The key as written in `expected:`, dotted: `points.net_customer_adds`.
    pub key: String,
    /// The value the scenario wrote.
    pub expected: Value,
    /// The engine's value.
    pub actual: Value,
}

/// Every written key that differs, in score card order.
pub fn mismatches(expected: &Expected, actual: &ScoreCard) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let mut check = |key: String, want: Option<Value>, got: Value| {
        if let Some(want) = want {
            if want != got {
                out.push(Mismatch {
                    key,
                    expected: want,
                    actual: got,
                });
            }
        }
    };
    check(
        "path".into(),
        expected.path.map(|p| json!(p.as_str())),
        json!(actual.path.as_str()),
    );
    for sub in Subcategory::ALL {
        check(
            format!("points.{}", sub.key()),
            expected.points[sub as usize].map(|v| json!(v)),
            json!(actual.points.get(sub)),
        );
    }
    for cat in Category::ALL {
        check(
            format!("categories.{}", cat.key()),
            expected.categories[cat as usize].map(|v| json!(v)),
            json!(actual.category(cat)),
        );
    }
    check(
        "total".into(),
        expected.total.map(|v| json!(v)),
        json!(actual.total),
    );
    check(
        "attained".into(),
        expected.attained.map(|v| json!(v)),
        json!(actual.attained),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardPoints, PathKind, Points};

    fn card() -> ScoreCard {
        ScoreCard {
            path: PathKind::Smb,
            points: CardPoints([20, 16, 12, 20, 8].map(Points::from)),
            categories: [20, 28, 28].map(Points::from),
            total: Points::from(76),
            attained: true,
        }
    }

    #[test]
    fn only_written_keys_that_differ_are_listed_in_card_order() {
        let expected = Expected {
            path: Some(PathKind::Enterprise),
            points: [Some(20), None, None, None, Some(10)].map(|p| p.map(Points::from)),
            categories: [None, Some(Points::from(28)), None],
            total: Some(Points::from(78)),
            attained: Some(true),
        };
        let keys: Vec<(String, Value, Value)> = mismatches(&expected, &card())
            .into_iter()
            .map(|m| (m.key, m.expected, m.actual))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("path".into(), json!("enterprise"), json!("smb")),
                ("points.deployments".into(), json!(10), json!(8)),
                ("total".into(), json!(78), json!(76)),
            ]
        );
    }

    #[test]
    fn a_matching_expectation_has_none() {
        let expected = Expected {
            total: Some(Points::from(76)),
            ..Expected::default()
        };
        assert!(mismatches(&expected, &card()).is_empty());
    }
}
