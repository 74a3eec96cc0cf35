//! `pcscore plan` on a large partner: 20,000 customers and 20,000 deployments, most of
//! them refused or repeated, generated into the test folder.
//!
//! Before the planner was bounded (issue 9), it copied the whole partner for every
//! candidate it weighed and matched every customer against every deployment: this file
//! took minutes in a debug build and hundreds of megabytes. The timeout below is not a
//! speed target (those live in `cargo bench --bench scale`): it catches that explosion
//! again.

use crate::Test;
use std::fmt::Write as _;
use std::time::Duration;

/// 20,000 customers, all neutral but for two losses (customers 3 and 6) and one add
/// (customer 4); 20 people; 20,000 deployments over three years, of which those that
/// count name only two services.
fn large_partner() -> String {
    let mut text = String::from("as_of: 2024-12\ncustomers:\n");
    let customers = 20_000usize;
    for c in 0..customers {
        let segment = ["smb", "smc", "enterprise"][c % 3];
        let attribution = ["[PAL]", "[CSP, MCI]", "[MCI]"][c % 3];
        let acr = match c {
            3 | 6 => "{2023-11: 1500, 2024-11: 200, 2024-12: 300}".to_string(),
            4 => "{2024-11: 400, 2024-12: 1200}".to_string(),
            _ => format!(
                "{{2023-11: 1500, 2023-12: 1500, 2024-11: 1500, 2024-12: {}}}",
                1500 + c % 100
            ),
        };
        let _ = writeln!(
            text,
            "  - {{id: customer-{c}, segment: {segment}, attribution: {attribution}, acr: {acr}}}"
        );
    }
    text.push_str("people:\n");
    for p in 0..20 {
        let cert = [
            "azure-developer-associate",
            "azure-administrator-associate",
            "azure-solutions-architect-expert",
        ][p % 3];
        let _ = writeln!(
            text,
            "  - {{id: person-{p}, certifications: [{{cert: {cert}, earned: 2024-0{}-01}}]}}",
            1 + p % 9
        );
    }
    text.push_str("deployments:\n");
    for d in 0..20_000usize {
        let age = d % 36;
        let (year, month) = (2024 - age / 12, 12 - age % 12);
        let level = if d % 7 == 0 { 3 } else { [2, 2, 1][d % 3] };
        let service = if age < 12 && level == 2 {
            ["Azure Functions", "App Service"][d % 2].to_string()
        } else {
            format!("Service {}", d % 5000)
        };
        let _ = writeln!(
            text,
            "  - {{customer: customer-{}, service: {service}, service_level: {level}, month: \
             {year}-{month:02}}}",
            (d * 7919) % customers
        );
    }
    text
}

#[test]
fn twenty_thousand_customers_and_deployments_are_planned() {
    Test::new()
        .file("large.yaml", large_partner())
        .args(&["plan", "large.yaml"])
        .timeout(Duration::from_secs(60))
        .stdout_contains("Now: 27 of 100 points, not attained")
        .stdout_contains("net adds (adds - losses) -1 -> 0.")
        .stdout_contains("(the plan calls them new-customer-1, new-customer-2)")
        .stdout_contains("Plan: 6 actions reach the designation with USD 1,737,760.00 more ACR")
        .stdout_contains("  Total                             70 / 100")
        .run();
}

/// The file's name is data too: a line break or a terminal code in it must not reach the
/// plan's text as it is (issue 9, 6).
#[test]
fn a_file_name_cannot_forge_a_line_of_the_plan() {
    let name = "x\nNow: 100 of 100 points\u{1b}[2K.yaml";
    let run = Test::new()
        .file(name, "as_of: 2024-12\n")
        .args(&["plan", name])
        .stdout_contains("file: x\\nNow: 100 of 100 points\\e[2K.yaml\n")
        .run();
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("Now: 100")),
        "{}",
        run.stdout
    );
}

/// Data & AI 2026-05 on the SMB path: one Azure Administrator meets step 1, nobody holds
/// step 2's certification, and three people hold a scoring one.
const DATA_AI_SMB_STEP_2_MISSING: &str = "designation: data-ai\nas_of: 2026-05\n\
    edition: 2026-05\npath: smb\npeople:\n\
    \x20 - {id: adm, certifications: [{cert: AZ-104, earned: 2024-01-10}]}\n\
    \x20 - {id: s1, certifications: [{cert: DP-300, earned: 2025-01-01}]}\n\
    \x20 - {id: s2, certifications: [{cert: AI-102, earned: 2025-02-01}]}\n\
    \x20 - {id: s3, certifications: [{cert: DP-700, earned: 2025-03-01}]}\n";

/// A ladder of several steps: the plan certifies someone in the unmet step's own
/// certification and names that step (it used to certify another Azure Administrator,
/// for the step already met, and found no action for the subcategory).
#[test]
fn a_multi_step_ladder_is_planned_for_its_unmet_step() {
    Test::new()
        .file("p.yaml", DATA_AI_SMB_STEP_2_MISSING)
        .args(&["plan", "p.yaml", "--format", "json"])
        .stdout_contains(
            "\"text\": \"Certify 1 more associated person in Azure Solutions Architect Expert \
             (AZ-305) for step 2 by 2026-05-31: unlocks the intermediate certifications \
             prerequisites on the SMB path: step 2, Azure Solutions Architect Expert (AZ-305), \
             now has 1 of the 1 holder needed, worth 4 points itself, so the 3 people already \
             holding a scoring certification now count.\"",
        )
        .stdout_contains(
            "\"clauses\": [\n        \"DAT.SKILL.STEP2\",\n        \"AZ.SKILL.GATE.SMB\"\n      ]",
        )
        .run();
}

/// On the Enterprise path a met step earns nothing alone: the plan certifies the missing
/// holders of every unmet step at once, each in its own step's certification, and says
/// each step's holders in order.
#[test]
fn every_unmet_step_of_a_ladder_is_named_in_order() {
    let partner = "designation: data-ai\nas_of: 2026-05\nedition: 2026-05\npath: enterprise\n\
        people:\n\
        \x20 - {id: adm1, certifications: [{cert: AZ-104, earned: 2024-01-10}]}\n\
        \x20 - {id: s1, certifications: [{cert: DP-300, earned: 2025-01-01}]}\n\
        \x20 - {id: s2, certifications: [{cert: DP-420, earned: 2025-02-01}]}\n\
        \x20 - {id: s3, certifications: [{cert: PL-300, earned: 2025-03-01}]}\n";
    Test::new()
        .file("p.yaml", partner)
        .args(&["plan", "p.yaml", "--format", "json"])
        .stdout_contains(
            "\"text\": \"Certify 1 more associated person in Azure Administrator Associate \
             (AZ-104) for step 1 and 2 more associated people in Azure Solutions Architect \
             Expert (AZ-305) for step 2 by 2026-05-31: unlocks the intermediate certifications \
             prerequisites on the Enterprise path: step 1, Azure Administrator Associate \
             (AZ-104), now has 2 of the 2 holders needed; step 2, Azure Solutions Architect \
             Expert (AZ-305), now has 2 of the 2 holders needed, so the 3 people already \
             holding a scoring certification now count.\"",
        )
        .stdout_contains("\"prerequisite_people\": 3,")
        .stdout_contains(
            "\"prerequisite_people_per_step\": [\n          1,\n          2\n        ]\n",
        )
        .run();
}
