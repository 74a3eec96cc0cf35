//! Fractional points, shown and compared (`PCS.POINTS.SHOWN`, `PCS.EXPECTED.DECIMALS`).
//!
//! The Azure rulebooks score whole points; until the rulebooks whose points have
//! fractions ship, a fixture does (tests/data/rulebooks/fractional-points.yaml: 2
//! decimals, a net customer add worth 45/7 points, a certified person 2.5). Every card
//! format shows the truncated value, `check` compares by that value, and `accept`
//! writes it.

use pcscore::engine::{self, Assessment};
use pcscore::load::{self, ErrorKind};
use pcscore::model::Document;
use pcscore::report;
use pcscore::rulebook::Rulebook;
use pcscore::scenario::{self, accept};

fn book() -> Rulebook {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/rulebooks/fractional-points.yaml"
    );
    let text = std::fs::read_to_string(path).expect("the fixture");
    Rulebook::from_yaml(&text, "fractional-points.yaml").expect("a valid rulebook")
}

/// One new enterprise customer (one add: 45/7 points) and one certified developer
/// behind the administrator who opens the ladder on the SMB path.
const PARTNER: &str = "\
name: Fractions
as_of: 2024-12
edition: 2025-01
path: smb
customers:
  - id: contoso
    segment: smb
    attribution: [PAL]
    acr: {2024-12: 600, 2024-11: 600}
people:
  - id: alice
    certifications:
      - {cert: AZ-104, earned: 2024-01-10}
  - id: bob
    certifications:
      - {cert: AZ-204, earned: 2024-01-10}
";

fn scored(text: &str, book: &Rulebook) -> (Document, Assessment) {
    let doc = load::load_str_for(text, "f.yaml", book).unwrap_or_else(|e| panic!("{e}"));
    let a = engine::score(&doc.situation, book).expect("scores");
    (doc, a)
}

#[test]
fn every_card_format_shows_values_truncated_to_the_rulebooks_decimals() {
    let book = book();
    let (_, a) = scored(PARTNER, &book);
    let yaml = report::card_yaml(&a.card, None);
    assert_eq!(
        yaml,
        "path: smb\npoints:\n  net_customer_adds: 6.42\n  intermediate_certifications: 6.50\n  \
         advanced_certifications: 0\n  usage_growth: 0\n  deployments: 0\ncategories:\n  \
         performance: 6.42\n  skilling: 6.50\n  customer_success: 0\ntotal: 12.92\n\
         attained: false\n"
    );
    let text = report::card_text(&a, &book);
    assert!(
        text.contains("  Net customer adds               6.42 / 30\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  Advanced certifications            0 / 20\n"),
        "{text}"
    );
    assert!(
        text.contains("\nTotal                            12.92 / 100\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report::card_json(&a, &book)).expect("JSON");
    assert_eq!(json["points"]["net_customer_adds"], serde_json::json!(6.42));
    assert_eq!(
        json["points"]["intermediate_certifications"],
        serde_json::json!(6.5)
    );
    assert_eq!(json["points"]["deployments"], serde_json::json!(0));
    assert_eq!(json["total"], serde_json::json!(12.92));
}

/// The partner with an `expected:` block of these lines.
fn scenario(expected: &str) -> String {
    format!("{PARTNER}expected:\n{expected}")
}

#[test]
fn an_expected_value_matches_the_shown_value_by_value() {
    let book = book();
    for matching in [
        "  points:\n    net_customer_adds: 6.42\n    intermediate_certifications: 6.5\n",
        "  points:\n    intermediate_certifications: 6.50\n  total: 12.92\n",
        "  categories:\n    skilling: 6.5\n    customer_success: 0.0\n",
    ] {
        let (doc, a) = scored(&scenario(matching), &book);
        let e = doc.expected.as_ref().expect("a scenario");
        assert_eq!(scenario::compare(e, &a.card), None, "{matching}");
        assert!(scenario::mismatches(e, &a.card).is_empty(), "{matching}");
    }
    let (doc, a) = scored(&scenario("  points:\n    net_customer_adds: 6.43\n"), &book);
    let e = doc.expected.as_ref().expect("a scenario");
    let diff = scenario::compare(e, &a.card).expect("a mismatch");
    assert!(
        diff.contains("-  net_customer_adds: 6.43\n+  net_customer_adds: 6.42\n"),
        "{diff}"
    );
    let m = scenario::mismatches(e, &a.card);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].actual, serde_json::json!(6.42));
}

#[test]
fn a_third_decimal_is_a_bad_value_not_a_mismatch() {
    let text = scenario("  total: 12.925\n");
    let e = load::load_str_for(&text, "f.yaml", &book()).expect_err("refused");
    assert_eq!(e.kind, ErrorKind::BadValue);
    assert_eq!(e.field, "expected.total");
    assert_eq!(e.position, Some((18, 10)));
    assert_eq!(e.found, "`12.925`");
    assert_eq!(
        e.expected,
        "a number of points with at most 2 decimals, such as `6.42` \
         (PCS.EXPECTED.DECIMALS: a card shows 2)"
    );
}

#[test]
fn a_whole_point_rulebook_refuses_a_decimal_point_as_before() {
    for (written, line, col) in [
        ("  total: 30.5\n", 18, 10),
        ("  total: 30.0\n", 18, 10),
        ("  points:\n    deployments: 2.0\n", 19, 18),
    ] {
        let text = scenario(written);
        let e = load::load_str_for(&text, "f.yaml", Rulebook::builtin()).expect_err(written);
        assert_eq!(e.kind, ErrorKind::BadValue, "{written}");
        assert_eq!(e.position, Some((line, col)), "{written}");
        assert_eq!(e.expected, "a whole number such as `2`", "{written}");
        assert_eq!(
            e.found,
            format!("`{}`", written.rsplit(' ').next().unwrap().trim())
        );
    }
}

#[test]
fn accept_writes_the_shown_value_and_leaves_an_equal_one_alone() {
    let book = book();
    let text = scenario(
        "  points:\n    net_customer_adds: 6   # was\n    intermediate_certifications: 6.5\n",
    );
    let (_, a) = scored(&text, &book);
    let rewrite = accept::rewrite_expected(&text, &a.card).expect("rewritable");
    assert_eq!(
        rewrite.text,
        scenario(
            "  points:\n    net_customer_adds: 6.42 # was\n    intermediate_certifications: 6.5\n"
        )
    );
    assert_eq!(rewrite.changes.len(), 1);
    // The rewritten file passes.
    let (doc, a) = scored(&rewrite.text, &book);
    assert_eq!(
        scenario::compare(doc.expected.as_ref().expect("a scenario"), &a.card),
        None
    );
}
