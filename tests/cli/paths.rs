//! Both paths of Modern Work and Security (`MW.PATH.BEST`, `SEC.PATH`) and the keys
//! `PCS.JSON` adds: every card format and every `explain` format state both totals and
//! why one counts; JSON carries both cards under `paths` and `edition_in_force`.

use crate::{data, Test};
use serde_json::Value;

/// One new Enterprise-size CPOR tenant (400 licences, 100 users at M) and one person
/// with MS-700. Enterprise: 4 + 2.5 + usage growth 100 / 1,000 x 30 = 3, total 9.5;
/// SMB: the tenant is not SMB-size, 5 for the person: neither attains, Enterprise's
/// exact total is higher.
const PARTNER: &str = "designation: modern-work
as_of: 2026-10
customers:
  - id: tenant
    attribution: [CPOR]
    workloads:
      - {workload: teams, paid_licences: {2026-10: 400}, active_users: {2026-10: 100}}
people:
  - {id: ann, certifications: [{cert: MS-700, earned: 2025-01-10}]}
";

fn json(text: &str) -> Value {
    let out = Test::new()
        .file("p.yaml", text)
        .args(&["score", "p.yaml", "--format", "json"])
        .run();
    serde_json::from_str(&out.stdout).expect("a JSON card")
}

fn number(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

#[test]
fn the_json_card_carries_both_paths_and_the_chosen_one_is_the_cards_path() {
    let card = json(PARTNER);
    assert_eq!(card["path"], "enterprise");
    assert_eq!(card["path_source"], "derived");
    assert_eq!(card["edition_in_force"], true);
    let paths = &card["paths"];
    assert_eq!(paths["enterprise"]["path"], "enterprise");
    assert_eq!(paths["smb"]["path"], "smb");
    assert!((number(&paths["enterprise"]["total"]) - 9.5).abs() < 1e-9);
    assert!((number(&paths["smb"]["total"]) - 5.0).abs() < 1e-9);
    assert_eq!(paths["smb"]["points"]["net_customer_adds"], 0);
    assert_eq!(paths["enterprise"]["total"], card["total"]);
    // A path in the file is scored as given; both cards are still there.
    let given = json(&PARTNER.replace("as_of: 2026-10\n", "as_of: 2026-10\npath: smb\n"));
    assert_eq!(given["path"], "smb");
    assert_eq!(given["path_source"], "explicit");
    assert_eq!(given["paths"]["enterprise"], card["paths"]["enterprise"]);
}

#[test]
fn the_text_card_and_every_explain_format_say_both_totals_and_why() {
    let why = "both paths scored: Enterprise 9.50 points, not attained, SMB 5 points, not \
               attained; Enterprise counts because its exact total is higher (MW.PATH.BEST)";
    Test::new()
        .file("p.yaml", PARTNER)
        .args(&["score", "p.yaml"])
        .stdout_contains(why)
        .run();
    for format in ["text", "markdown", "html", "json"] {
        let out = Test::new()
            .file("p.yaml", PARTNER)
            .args(&["explain", "p.yaml", "--format", format])
            .run();
        let text = out.stdout;
        assert!(
            text.contains("Enterprise 9.50 points, not attained, SMB 5 points"),
            "{format}: {text}"
        );
        assert!(text.contains("its exact total is higher"), "{format}");
    }
}

/// `PCS.JSON`: a file naming an edition that is not in force for its month says so in
/// JSON (`edition_in_force: false`), in the text card and in explain.
#[test]
fn a_named_edition_not_in_force_is_said_in_every_card() {
    let early = PARTNER
        .replace("as_of: 2026-10", "as_of: 2026-03\nedition: 2026-05")
        .replace("2026-10", "2026-03");
    assert_eq!(json(&early)["edition_in_force"], false);
    let line = "the file names edition 2026-05, which is not the one in force for 2026-03 \
                (edition 2025-01) (EDITION.CHOICE)";
    Test::new()
        .file("p.yaml", &early)
        .args(&["score", "p.yaml"])
        .stdout_contains(line)
        .run();
    for format in ["text", "markdown", "html"] {
        Test::new()
            .file("p.yaml", &early)
            .args(&["explain", "p.yaml", "--format", format])
            .stdout_contains("which is not the one in force for 2026-03")
            .run();
    }
    let in_force = Test::new()
        .file("p.yaml", PARTNER)
        .args(&["score", "p.yaml"])
        .run();
    assert!(!in_force.stdout.contains("not the one in force"));
}

/// The Azure designations' cards keep their keys: no `paths`, no `edition_in_force`.
#[test]
fn azure_cards_have_neither_paths_nor_edition_in_force() {
    let out = Test::new()
        .file("p.yaml", data("good/partner.yaml"))
        .args(&["score", "p.yaml", "--format", "json"])
        .run();
    let card: Value = serde_json::from_str(&out.stdout).expect("a JSON card");
    assert!(card.get("paths").is_none());
    assert!(card.get("edition_in_force").is_none());
}

/// `PCS.POINTS.SHOWN` in the reasons and headings around the card: Security's exact
/// 209/3 is 69.66 wherever a total or a subcategory's points are shown, never `209/3`.
#[test]
fn fractional_points_are_shown_truncated_in_the_attainment_reason_and_explain() {
    let file = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/security/a-total-of-69-66-is-not-attained.yaml"),
    )
    .expect("the scenario");
    Test::new()
        .file("p.yaml", &file)
        .args(&["score", "p.yaml"])
        .stdout_contains("not attained: 69.66 points, 70 needed (AZ.ATTAINED)")
        .run();
    Test::new()
        .file("p.yaml", &file)
        .args(&["explain", "p.yaml"])
        .stdout_contains("total 69.66 of 100: designation not attained")
        .stdout_contains("Deployments (customer success): 6.66 of 20 points")
        .stdout_contains("  = 6.66 deployments  [SEC.CS.DEP.POINTS]")
        .stdout_contains("customer_success 25.66; total 69.66")
        .run();
    for format in ["markdown", "html"] {
        let out = Test::new()
            .file("p.yaml", &file)
            .args(&["explain", "p.yaml", "--format", format])
            .run();
        assert!(out.stdout.contains("69.66 of 100 points"), "{format}");
        assert!(!out.stdout.contains("209/3"), "{format}");
        assert!(
            out.stdout.contains("Deployments: 6.66 of 20 points"),
            "{format}"
        );
        // The effect cell is the shown value; the reason keeps the exact sum.
        assert!(
            out.stdout.contains("= 6.66 |") || out.stdout.contains(">= 6.66<"),
            "{format}"
        );
    }
}
