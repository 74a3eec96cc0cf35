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

/// `head`, then `unit` repeated to about 8 MiB, then `tail`.
fn hostile(head: &str, unit: &str, tail: &str) -> String {
    const SIZE: usize = 8 << 20;
    let mut text = String::with_capacity(SIZE + head.len() + tail.len());
    text.push_str(head);
    while text.len() < SIZE {
        text.push_str(unit);
    }
    text.push_str(tail);
    text
}

/// Issue 9: hostile shapes under the size limit took gigabytes and a minute (a 126 MiB
/// `attribution: [a, a, ...]` took 10 GB and 64 s; the value of an unknown key was
/// built in full before it was refused). Each is refused at its first offending item,
/// without building the rest: here at 8 MiB, within the builder's timeout. The memory
/// they take at full size is in BENCHMARKS.md ("Hostile inputs").
#[test]
fn hostile_shapes_are_refused_without_building_them() {
    let customer = "as_of: 2024-12\ncustomers:\n  - id: c\n    segment: smb\n";
    // Read line by line at this size: the NUL ends the reading, and the whole text is
    // refused at it.
    let nul = hostile(
        "as_of: 2024-12\ncustomers:\n",
        "  - id: c\n    segment: smb\n    attribution: [PAL]\n",
        "\0",
    );
    let nul_at = format!(
        "hostile.yaml:{}:1: found a NUL byte",
        nul.matches('\n').count() + 1
    );
    let cases = [
        (
            hostile(&format!("{customer}    attribution: ["), "a, ", "a]\n"),
            "hostile.yaml:5:115: customers[0].attribution[32]: found a list of more than 32 entries",
        ),
        (
            hostile(&format!("{customer}    attribution:\n"), "      - a\n", ""),
            "hostile.yaml:38:9: customers[0].attribution[32]: found a list of more than 32 entries",
        ),
        (
            hostile("as_of: 2024-12\nextra: [", "a, ", "a]\n"),
            "hostile.yaml:2:1: extra: found the unknown field `extra`",
        ),
        (
            hostile("as_of: 2024-12\nextra:\n", "  k: {a: [b, c]}\n", ""),
            "hostile.yaml:2:1: extra: found the unknown field `extra`",
        ),
        (
            hostile(
                &format!("{customer}    attribution: []\n    extra: ["),
                "a, ",
                "a]\n",
            ),
            "hostile.yaml:6:5: customers[0].extra: found the unknown field `extra`",
        ),
        (
            hostile("as_of: 2024-12\nname: [", "a, ", "a]\n"),
            "hostile.yaml:2:7: name: found a list, expected a scenario name",
        ),
        (
            hostile("as_of: 2024-12\ntags: [", "a, ", "a]\n"),
            "hostile.yaml:2:308: tags[100]: found a list of more than 100 items",
        ),
        (
            hostile(
                &format!("{customer}    attribution: []\n    acr:\n"),
                "      k: 1\n",
                "",
            ),
            "hostile.yaml:7:7: customers[0].acr.k: found `k`",
        ),
        (nul, nul_at.as_str()),
    ];
    for (text, message) in cases {
        // The guard is against a hang, not a speed target: an 8 MiB file read by the
        // debug binary takes seconds, and many on a loaded machine.
        Test::new()
            .timeout(std::time::Duration::from_secs(90))
            .file("hostile.yaml", &text)
            .args(&["score", "hostile.yaml"])
            .stderr_contains(format!("error: {message}"))
            .status(2)
            .run();
    }
}
