//! A valid partner file far larger than any real one: 20,000 customers with 24 months
//! of ACR each, generated into the test folder.

use crate::Test;
use std::fmt::Write as _;
use std::time::Duration;

#[test]
fn twenty_thousand_customers_with_two_years_of_acr_are_scored() {
    let mut text = String::from("as_of: 2024-12\ncustomers:\n");
    for c in 0..20_000u32 {
        let segment = ["smb", "smc", "enterprise"][(c % 3) as usize];
        let attribution = ["[PAL]", "[DPOR, CSP]", "[]"][(c % 3) as usize];
        let _ = write!(
            text,
            "  - id: customer-{c}\n    segment: {segment}\n    attribution: {attribution}\n    acr:\n"
        );
        for m in 0..24u32 {
            let (year, month) = (2023 + m / 12, m % 12 + 1);
            let _ = writeln!(
                text,
                "      {year}-{month:02}: {}.{:02}",
                (c * 7 + m * 13) % 5000,
                c % 100
            );
        }
    }
    let out = Test::new()
        .file("large.yaml", &text)
        .args(&["score", "large.yaml", "--format", "json"])
        .timeout(Duration::from_secs(600))
        .run();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(json["as_of"], "2024-12");
    for key in ["path", "points", "categories", "total", "attained"] {
        assert!(json.get(key).is_some(), "no `{key}` in {}", out.stdout);
    }
}
