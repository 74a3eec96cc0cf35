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

/// Issue 9: 14,000 customers of USD 5e14 (6e14 a year later) and one of USD 1e-9
/// (1.2e-9): growth of exactly 20% scored 19, and the sums lost their last digit,
/// because decimal sums round past 28 significant digits.
#[test]
fn sums_of_fourteen_thousand_huge_amounts_stay_exact() {
    let mut text = String::from("as_of: 2024-12\npath: enterprise\ncustomers:\n");
    for c in 0..14_000u32 {
        let _ = writeln!(
            text,
            "  - id: c{c}\n    segment: enterprise\n    attribution: [PAL]\n    \
             acr: {{2023-12: 500000000000000, 2024-12: 600000000000000}}"
        );
    }
    text.push_str(
        "  - id: tiny\n    segment: enterprise\n    attribution: [PAL]\n    \
         acr: {2023-12: 0.000000001, 2024-12: 0.0000000012}\n",
    );
    Test::new()
        .file("huge.yaml", &text)
        .args(&["score", "huge.yaml", "--format", "yaml"])
        .stdout_contains("  usage_growth: 20\n")
        .run();
    Test::new()
        .file("huge.yaml", &text)
        .args(&["explain", "huge.yaml"])
        .stdout_contains("P = eligible ACR in 2023-12 = USD 7,000,000,000,000,000,000.000000001")
        .stdout_contains("L = eligible ACR in 2024-12 = USD 8,400,000,000,000,000,000.0000000012")
        .stdout_contains("= 20%")
        .timeout(Duration::from_secs(120))
        .run();
}
