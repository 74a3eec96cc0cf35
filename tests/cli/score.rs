//! `score` in its three formats, `explain`, designations, and the command line itself.

use crate::{data, unindent, Test};
use std::fmt::Write as _;

/// `tests/data/good/partner.yaml`: one enterprise customer, a developer, one deployment.
fn partner() -> Vec<u8> {
    data("good/partner.yaml")
}

/// The score card of [`partner`] in the shape of an `expected:` block.
const PARTNER_CARD: &str = "
    path: enterprise
    points:
      net_customer_adds: 0
      intermediate_certifications: 0
      advanced_certifications: 0
      usage_growth: 0
      deployments: 2
    categories:
      performance: 0
      skilling: 0
      customer_success: 2
    total: 2
    attained: false
";

#[test]
fn score_yaml_is_exactly_the_shape_of_an_expected_block() {
    Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "partner.yaml", "--format", "yaml"])
        .stdout(unindent(PARTNER_CARD))
        .run();
}

#[test]
fn score_yaml_pasted_under_expected_makes_a_passing_scenario() {
    let card = Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "--format", "yaml", "partner.yaml"])
        .run()
        .stdout;
    let mut scenario = String::from_utf8(partner()).expect("UTF-8 fixture");
    scenario.push_str("name: The pasted score card matches\nexpected:\n");
    for line in card.lines() {
        let _ = writeln!(scenario, "  {line}");
    }
    Test::new()
        .file("pasted.yaml", scenario)
        .args(&["check", "pasted.yaml"])
        .stdout("pass  The pasted score card matches  (pasted.yaml)\n1 passed, 0 failed\n")
        .run();
}

#[test]
fn score_json_has_the_card_keys_and_more() {
    let out = Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "partner.yaml", "--format", "json"])
        .run();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(json["path"], "enterprise");
    let points = [
        ("net_customer_adds", 0),
        ("intermediate_certifications", 0),
        ("advanced_certifications", 0),
        ("usage_growth", 0),
        ("deployments", 2),
    ];
    for (key, value) in points {
        assert_eq!(json["points"][key], value, "points.{key}");
    }
    assert_eq!(
        json["points"].as_object().map(serde_json::Map::len),
        Some(5)
    );
    for (key, value) in [("performance", 0), ("skilling", 0), ("customer_success", 2)] {
        assert_eq!(json["categories"][key], value, "categories.{key}");
    }
    assert_eq!(
        json["categories"].as_object().map(serde_json::Map::len),
        Some(3)
    );
    assert_eq!(json["total"], 2);
    assert_eq!(json["attained"], false);
    // More keys beside the card's: designation, month, maxima.
    assert_eq!(json["designation"], "digital-app-innovation");
    assert_eq!(json["as_of"], "2024-12");
    assert!(json.as_object().map_or(0, serde_json::Map::len) > 5);
    // The rules it was scored under (EDITION.SHOWN).
    assert_eq!(json["edition"], "2025-01");
    assert_eq!(json["provisional"], false);
    assert_eq!(
        json["edition_source"],
        "Microsoft AI Cloud Partner Program guide, updated January 31, 2025"
    );
}

#[test]
fn score_names_a_provisional_edition_in_text_and_json() {
    let file = "designation: data-ai\nas_of: 2026-06\npath: smb\n";
    let text = Test::new()
        .file("partner.yaml", file)
        .args(&["score", "partner.yaml"])
        .run();
    assert!(
        text.stdout.contains(
            "\nrules: edition 2026-05, provisional (Microsoft Learn pages on the Solutions \
             Partner designations"
        ),
        "{}",
        text.stdout
    );
    let out = Test::new()
        .file("partner.yaml", file)
        .args(&["score", "partner.yaml", "--format", "json"])
        .run();
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    assert_eq!(json["edition"], "2026-05");
    assert_eq!(json["provisional"], true);
    assert!(json["points"].get("advanced_certifications").is_none());
}

#[test]
fn score_text_is_the_default_format() {
    Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "partner.yaml"])
        .stdout_contains("measured at 2024-12, enterprise path (derived from the data)")
        .stdout_contains("Deployments                      2 / 10")
        .stdout_contains("Total                              2 / 100")
        .stdout_contains("Designation not attained.")
        .stdout_contains("(PCS.ATTAINED)")
        .run();
    let text = Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "partner.yaml", "--format", "text"])
        .run()
        .stdout;
    let default = Test::new()
        .file("partner.yaml", partner())
        .args(&["score", "partner.yaml"])
        .run()
        .stdout;
    assert_eq!(text, default);
}

#[test]
fn score_reads_a_scenario_and_ignores_its_expectation() {
    let mut scenario = String::from_utf8(partner()).expect("UTF-8 fixture");
    scenario.push_str("name: Wrong on purpose\nexpected:\n  total: 99\n");
    Test::new()
        .file("scenario.yaml", scenario)
        .args(&["score", "scenario.yaml", "--format", "yaml"])
        .stdout(unindent(PARTNER_CARD))
        .run();
}

#[test]
fn score_accepts_windows_line_endings_and_a_byte_order_mark() {
    let unix = String::from_utf8(partner()).expect("UTF-8 fixture");
    let windows = format!("\u{feff}{}", unix.replace('\n', "\r\n"));
    Test::new()
        .file("windows.yaml", windows)
        .args(&["score", "windows.yaml", "--format", "yaml"])
        .stdout(unindent(PARTNER_CARD))
        .run();
}

/// Every line of `explain` that cites a clause is followed by its reason; the data the
/// rules used (months, amounts, dates, names) appear in them.
#[test]
fn explain_cites_clause_ids_with_reasons_and_data() {
    let out = Test::new()
        .file("partner.yaml", partner())
        .args(&["explain", "partner.yaml"])
        .stdout_contains("file: partner.yaml\n")
        .stdout_contains("last two months  [DAI.WINDOW.RECENT]\n        2024-11 and 2024-12\n")
        .stdout_contains("[DAI.PATH.DERIVED]")
        .stdout_contains("customer contoso  [DAI.PERF.NCA.NEUTRAL]")
        .stdout_contains("2023-12 USD 1,000.00")
        .stdout_contains("2024-12 USD 800.50")
        .stdout_contains("person alice  [DAI.SKILL.INT.SCORING]")
        .stdout_contains("azure-developer-associate (earned 2024-02-10)")
        .stdout_contains("[DAI.CS.UG.MIN_ACR]")
        .stdout_contains(
            "deployment 1 (Azure Kubernetes Service for contoso, 2024-06)  [DAI.CS.DEP.ELIGIBLE]",
        )
        .stdout_contains("  = 2   deployments  [DAI.CS.DEP.POINTS]")
        .stdout_contains("  = 2   Enterprise path  [PCS.ATTAINED]")
        .stdout_contains("not attained")
        .run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let mut cited = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("  ") && line.trim_end().ends_with(']') && line.contains("  [") {
            cited += 1;
            let reason = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                reason.starts_with("        ") && !reason.trim().is_empty(),
                "no reason under `{line}`:\n{}",
                out.stdout
            );
        }
    }
    assert!(cited >= 10, "only {cited} cited lines:\n{}", out.stdout);
}

#[test]
fn explain_names_the_scenario() {
    let mut scenario = String::from_utf8(partner()).expect("UTF-8 fixture");
    scenario.push_str("name: One deployment\nexpected:\n  total: 2\n");
    Test::new()
        .file("scenario.yaml", scenario)
        .args(&["explain", "scenario.yaml"])
        .stdout_contains("scenario: One deployment\n")
        .run();
}

/// Another designation is refused with a plain message, never scored as if it were
/// Digital & App Innovation.
#[test]
fn a_designation_without_rules_in_the_edition_in_force_is_refused_and_never_scored() {
    // EDITION.MISSING: data-ai has rules in 2026-05 only, and 2025-01 is in force for
    // 2024-12; the refusal sits at `designation:` and says how to name the edition.
    let file = "designation: data-ai\nas_of: 2024-12\n";
    let message = "error: data.yaml:1:14: designation: found `data-ai` at as_of 2024-12, whose \
                   edition in force, `2025-01`, has no rules for it, expected a designation and \
                   edition with rules (EDITION.MISSING): `data-ai` has rules in `2026-05` only; \
                   to score it by them, name the edition in the file (`edition: 2026-05`)\n  |\n\
                   1 | designation: data-ai\n  |              ^\n";
    for command in [
        &["score", "data.yaml"][..],
        &["explain", "data.yaml"],
        &["plan", "data.yaml"],
    ] {
        Test::new()
            .file("data.yaml", file)
            .args(command)
            .stderr(message)
            .status(2)
            .run();
    }
    Test::new()
        .file("data.yaml", file)
        .args(&["score", "data.yaml", "--format", "json"])
        .stderr_contains("designation: found `data-ai` at as_of 2024-12")
        .status(2)
        .run();
    Test::new()
        .file(
            "data.yaml",
            format!("name: Data and AI\n{file}expected:\n  total: 0\n"),
        )
        .args(&["check", "data.yaml"])
        .stdout_contains("ERROR data.yaml\n      data.yaml:2:14: designation: found `data-ai`")
        .stdout_contains("0 passed, 1 failed\n")
        .status(2)
        .run();
}

#[test]
fn an_edition_named_without_rules_for_the_designation_is_refused_at_the_edition_line() {
    Test::new()
        .file(
            "data.yaml",
            "designation: data-ai\nas_of: 2026-06\nedition: 2025-01\n",
        )
        .args(&["score", "data.yaml"])
        .stderr(
            "error: data.yaml:3:10: edition: found edition `2025-01`, which has no rules for \
             `data-ai` (the edition in force for as_of 2026-06 is `2026-05`), expected a \
             designation and edition with rules (EDITION.MISSING): `data-ai` has rules in \
             `2026-05` only; to score it by them, name the edition in the file \
             (`edition: 2026-05`)\n  |\n3 | edition: 2025-01\n  |          ^\n",
        )
        .status(2)
        .run();
}

/// Every designation has rules in 2026-05 now; one before that edition is in force is
/// refused with the edition that has its rules.
#[test]
fn a_designation_without_rules_in_the_edition_in_force_is_refused() {
    Test::new()
        .file("sec.yaml", "designation: security\nas_of: 2026-04\n")
        .args(&["score", "sec.yaml"])
        .stderr_contains(
            "designation: found `security` at as_of 2026-04, whose edition in force, \
             `2025-01`, has no rules for it, expected a designation and edition with rules \
             (EDITION.MISSING): `security` has rules in `2026-05` only",
        )
        .status(2)
        .run();
    Test::new()
        .file("sec.yaml", "designation: security\nas_of: 2026-06\n")
        .args(&["score", "sec.yaml"])
        .stdout_contains("Solutions Partner for Security\n")
        .run();
}

#[test]
fn an_unknown_edition_is_refused_with_the_known_ones() {
    Test::new()
        .file("p.yaml", "as_of: 2024-12\nedition: 2025-06\n")
        .args(&["score", "p.yaml"])
        .stderr_contains(
            "p.yaml:2:10: edition: found `2025-06`, an edition pcscore does not know, \
             expected one of `2025-01`, `2026-05`",
        )
        .status(2)
        .run();
}

#[test]
fn the_default_designation_may_be_written_out() {
    let mut file = String::from("designation: digital-app-innovation\n");
    file.push_str(&String::from_utf8(partner()).expect("UTF-8 fixture"));
    Test::new()
        .file("partner.yaml", file)
        .args(&["score", "partner.yaml", "--format", "yaml"])
        .stdout(unindent(PARTNER_CARD))
        .run();
}

#[test]
fn a_missing_file_is_bad_input() {
    for command in [&["score", "missing.yaml"][..], &["explain", "missing.yaml"]] {
        Test::new()
            .args(command)
            .stderr("error: missing.yaml: found no such file, expected a readable file\n")
            .status(2)
            .run();
    }
    Test::new()
        .args(&["check", "missing.yaml"])
        .stderr("error: missing.yaml: found no such file or folder, expected a scenario file or a folder of them\n")
        .status(2)
        .run();
}

#[test]
fn a_folder_is_not_a_partner_file() {
    Test::new()
        .folder("partners")
        .args(&["score", "partners"])
        .stderr("error: partners: found a directory, expected a YAML file\n")
        .status(2)
        .run();
}

#[test]
fn bad_command_lines_exit_with_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["score"],
        &["explain"],
        &["score", "partner.yaml", "--format", "xml"],
        &["score", "partner.yaml", "--format"],
        &["score", "partner.yaml", "--colour"],
        &["score", "partner.yaml", "other.yaml"],
        &["check", "--format", "xml"],
        &["check", "--frobnicate"],
    ];
    for args in cases {
        Test::new()
            .file("partner.yaml", partner())
            .args(args)
            .stderr_contains("--help")
            .status(2)
            .run();
    }
}

#[test]
fn help_and_version_succeed() {
    Test::new()
        .args(&["--help"])
        .stdout_contains("Usage: pcscore <COMMAND>")
        .stdout_contains("score")
        .stdout_contains("explain")
        .stdout_contains("check")
        .run();
    Test::new()
        .args(&["score", "--help"])
        .stdout_contains("--format <FORMAT>")
        .run();
    Test::new()
        .args(&["--version"])
        .stdout(format!("pcscore {}\n", env!("CARGO_PKG_VERSION")))
        .run();
}

/// `PCS.DATA.UNUSED`: workloads, Azure consumption by service and attribution entries
/// with a `since` before M are data Digital & App Innovation does not read (or reads as
/// in force): the file loads, and every format prints what the file without them prints.
#[test]
fn data_a_designation_does_not_read_is_accepted_and_changes_nothing() {
    let plain = String::from_utf8(partner()).expect("UTF-8 fixture");
    let with_data = plain.replace(
        "    attribution: [PAL]\n",
        "    attribution: [{type: PAL, since: 2020-01}, CPOR]\n    acr_by_service:\n      \
         Sentinel: {2024-12: 900}\n    workloads:\n      - workload: teams\n        \
         paid_licences: {2024-12: 400}\n        active_users: {2024-12: 300}\n      \
         - workload: business-central\n        attribution: [DPOR]\n        \
         revenue: {2024-12: 6200.50}\n        usage: {2024-12: 12}\n",
    );
    assert_ne!(plain, with_data, "the fixture changed");
    for args in [
        &["score"][..],
        &["score", "--format", "yaml"],
        &["score", "--format", "json"],
    ] {
        let run = |text: &str| {
            Test::new()
                .file("partner.yaml", text)
                .args(&[args, &["partner.yaml"]].concat())
                .run()
                .stdout
        };
        assert_eq!(run(&with_data), run(&plain), "{args:?}");
    }
}

/// PCS.DATA.UNUSED: explain lists the data the designation does not read, in every
/// format, each with its field path; a file without such data has no such list.
#[test]
fn explain_lists_the_data_a_designation_does_not_read() {
    let plain = String::from_utf8(partner()).expect("UTF-8 fixture");
    let with_data = plain.replace(
        "    attribution: [PAL]\n",
        "    attribution: [PAL]\n    acr_by_service:\n      Sentinel: {2024-12: 900}\n    \
         workloads:\n      - workload: teams\n        paid_licences: {2024-12: 400}\n",
    );
    assert_ne!(plain, with_data, "the fixture changed");
    let explain = |text: &str, format: &str| {
        Test::new()
            .file("partner.yaml", text)
            .args(&["explain", "partner.yaml", "--format", format])
            .run()
            .stdout
    };
    let words = "workload `teams` is accepted and counts nothing: no rule of digital-app-innovation reads it";
    let text = explain(&with_data, "text");
    assert!(text.contains("Data not read (PCS.DATA.UNUSED)"), "{text}");
    assert!(text.contains("].workloads[0]\n"), "{text}");
    assert!(text.contains(words), "{text}");
    assert!(text.contains("`acr_by_service` is accepted"), "{text}");
    assert!(explain(&with_data, "json").contains(words));
    assert!(explain(&with_data, "markdown").contains("| workload teams |"));
    assert!(explain(&with_data, "html").contains("Data not read"));
    for format in ["text", "json", "markdown", "html"] {
        assert!(!explain(&plain, format).contains("not read"), "{format}");
    }
}
