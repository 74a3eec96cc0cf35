//! The keys where a score card differs from an expectation, as data: what the JSON
//! report lists and the JUnit failure message summarises. The diff says the same for
//! people; this is for programs.

use crate::model::{Expected, ScoreCard};
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
    for p in &actual.points {
        check(
            format!("points.{}", p.key),
            expected.points_of(&p.key).map(|v| json!(v)),
            json!(actual.shown(p.points)),
        );
    }
    for c in &actual.categories {
        check(
            format!("categories.{}", c.key),
            expected.category_of(&c.key).map(|v| json!(v)),
            json!(actual.shown(c.points)),
        );
    }
    check(
        "total".into(),
        expected.total.map(|v| json!(v)),
        json!(actual.shown(actual.total)),
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
    use crate::model::{Keyed, PathKind, Points, Written};

    fn keyed(keys: &[&str], values: &[u32]) -> Vec<Keyed> {
        keys.iter()
            .zip(values)
            .map(|(k, v)| Keyed::new(*k, Points::from(*v)))
            .collect()
    }

    fn card() -> ScoreCard {
        let subs = [
            "net_customer_adds",
            "intermediate_certifications",
            "advanced_certifications",
            "usage_growth",
            "deployments",
        ];
        ScoreCard {
            path: PathKind::Smb,
            points: keyed(&subs, &[20, 16, 12, 20, 8]),
            categories: keyed(
                &["performance", "skilling", "customer_success"],
                &[20, 28, 28],
            ),
            total: Points::from(76),
            attained: true,
            decimals: 0,
        }
    }

    #[test]
    fn only_written_keys_that_differ_are_listed_in_card_order() {
        let expected = Expected {
            path: Some(PathKind::Enterprise),
            points: vec![
                Written::new("net_customer_adds", Points::from(20)),
                Written::new("deployments", Points::from(10)),
            ],
            categories: vec![Written::new("skilling", Points::from(28))],
            total: Some(Points::from(78)),
            attained: Some(true),
            misshapen: None,
            decimal_points: Vec::new(),
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
