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
