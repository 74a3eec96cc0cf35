//! `pcscore rules` and `pcscore rules --check`, run as a user runs them: the built-in
//! rulebook, the guide's misprint (tests/data/rulebooks/guide-misprint.yaml), broken
//! rulebooks and designations without rules. The README's `pcscore rules` examples are
//! compared with the real output byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pcscore(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("pcscore runs");
    Run {
        code: out.status.code().expect("pcscore exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

const MISPRINT: &str = "tests/data/rulebooks/guide-misprint.yaml";

const MISPRINT_SENTENCE: &str = "FAIL  intermediate_certifications is capped at 40 but its \
    point schedule reaches at most 20 on either path (enterprise: 0 + 4 x 5 = 20; smb: 4 + 4 x \
    4 = 20), and skilling's subcategories add up to 60 (40 + 20), not its maximum of 40: a cap \
    of 20 agrees with both (DAI.SKILL.MAX)\n";

fn scratch_file(name: &str, text: &str) -> PathBuf {
    let file = std::env::temp_dir().join(format!("pcscore-rules-{}-{name}", std::process::id()));
    std::fs::write(&file, text).expect("temp file");
    file
}

#[test]
fn the_builtin_rulebook_passes_its_check() {
    let run = pcscore(&["rules", "--check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("FAIL"));
    assert!(run.stdout.contains(
        "ok    intermediate_certifications reaches its cap of 20 on both paths (enterprise: 0 + \
         4 x 5 = 20; smb: 4 + 4 x 4 = 20) (DAI.SKILL.MAX)\n"
    ));
    // Every built-in rulebook is checked, each under its title.
    assert!(run
        .stdout
        .contains("Solutions Partner for Data & AI (Azure) (data-ai, edition 2026-05)\n"));
    assert!(run
        .stdout
        .contains("\n10 checks: 10 hold, 0 inconsistencies\n"));
    let n = pcscore::rulebook::registry::all().len();
    assert!(run.stdout.ends_with(&format!(
        "\n{n} rulebooks checked: {n} consistent, 0 with inconsistencies\n"
    )));
    // The edition's workload table is held to the union of its rulebooks' lists.
    assert!(run.stdout.contains(
        "Workload tables\nok    the workload table of edition 2026-05 lists the 61 workloads \
         its 6 rulebooks read, each once (PCS.DATA.UNUSED)\n"
    ));
    assert_eq!(run.stderr, "");
}

#[test]
fn the_guides_misprint_fails_the_check_in_one_sentence() {
    let run = pcscore(&["rules", "--check", "--rulebook", MISPRINT]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let failures: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("FAIL"))
        .collect();
    assert_eq!(failures, [MISPRINT_SENTENCE.trim_end()]);
    assert!(run
        .stdout
        .ends_with("\n9 checks: 8 hold, 1 inconsistency\n"));
}

#[test]
fn the_misprint_variant_differs_from_the_builtin_rulebook_only_in_that_cap() {
    let builtin =
        std::fs::read_to_string(root().join("src/rulebook/2025-01/digital-app-innovation.yaml"))
            .expect("built-in rulebook");
    let variant = std::fs::read_to_string(root().join(MISPRINT)).expect("misprint variant");
    let strip = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split(" #").next().unwrap_or(l).trim_end().to_string())
            .collect()
    };
    let (b, v) = (strip(&builtin), strip(&variant));
    assert_eq!(b.len(), v.len());
    let changed: Vec<(&String, &String)> = b.iter().zip(&v).filter(|(x, y)| x != y).collect();
    let line = |max: u32| format!("    max: {max}");
    assert_eq!(changed, [(&line(20), &line(40))]);
}

#[test]
fn the_table_shows_maxima_schedules_certifications_and_thresholds() {
    let run = pcscore(&["rules"]);
    assert_eq!(run.code, 0);
    for line in [
        "Skilling                           40  PCS.CATEGORY.MAX",
        "  Intermediate certifications      20  DAI.SKILL.MAX",
        "Total                             100",
        "Attained with at least 70 points and at least 1 point in every subcategory (PCS.ATTAINED).",
        "Intermediate certifications  0 + 4 x 5 people = 20     4 + 4 x 4 people = 20    DAI.SKILL.ENT.POINTS",
        "  threshold (at or above)    USD 1,000.00 ACR a month  USD 500.00 ACR a month   DAI.PERF.NCA.THRESHOLD",
        "                              Azure IoT Developer Specialty (AZ-220)",
        "                                retired 2023-07-31, scores through 2024-07       DAI.SKILL.ADV.IOT_GRACE",
        "Eligible attributions         PAL, DPOR, CSP                                                              DAI.ATTR.ELIGIBLE",
    ] {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "missing line:\n{line}\nin:\n{}",
            run.stdout
        );
    }
}

#[test]
fn the_table_follows_the_rulebook_it_is_given() {
    let run = pcscore(&["rules", "--rulebook", MISPRINT]);
    assert_eq!(run.code, 0);
    assert!(run
        .stdout
        .lines()
        .any(|l| l == "  Intermediate certifications      40  DAI.SKILL.MAX"));
}

#[test]
fn other_designations_have_no_rules_yet() {
    for args in [
        &["rules", "--designation", "security", "--edition", "2025-01"][..],
        &[
            "rules",
            "--check",
            "--designation",
            "security",
            "--edition",
            "2025-01",
        ][..],
    ] {
        let run = pcscore(args);
        assert_eq!(run.code, 2);
        assert_eq!(run.stdout, "");
        assert_eq!(
            run.stderr,
            "error: designation `security` has no rules in edition 2025-01 (EDITION.MISSING); \
             it has rules in `2026-05`: name one with `--edition 2026-05`\n"
        );
    }
    let run = pcscore(&["rules", "--designation", "data-ai", "--edition", "2025-01"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: designation `data-ai` has no rules in edition 2025-01 (EDITION.MISSING); it \
         has rules in `2026-05`: name one with `--edition 2026-05`\n"
    );
    let run = pcscore(&["rules", "--designation", "data-ai"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("DAT.SKILL.POINTS"), "{}", run.stdout);
    // Each met step of a two-step ladder earns its 4 points, as the check counts them.
    assert!(
        run.stdout.contains("8 + 4 x 8 people = 40"),
        "{}",
        run.stdout
    );
    let run = pcscore(&["rules", "--designation", "digital-app-innovation"]);
    assert_eq!(run.code, 0);
    let run = pcscore(&["rules", "--designation", "azure"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --designation: found `azure`, expected one of `business-applications`, \
         `data-ai`, `digital-app-innovation`, `infrastructure`, `modern-work`, `security`\n"
    );
}

#[test]
fn a_rulebook_that_cannot_be_read_is_bad_input() {
    let run = pcscore(&["rules", "--check", "--rulebook", "no/such/rulebook.yaml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no/such/rulebook.yaml: found no such file, expected a readable rulebook YAML file\n"
    );

    let builtin =
        std::fs::read_to_string(root().join("src/rulebook/2025-01/digital-app-innovation.yaml"))
            .expect("built-in rulebook");
    let file = scratch_file(
        "typo.yaml",
        &builtin.replace("min_total: 70", "min_totl: 70"),
    );
    let run = pcscore(&[
        "rules",
        "--check",
        "--rulebook",
        file.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("min_totl"),
        "the error names the unknown field: {}",
        run.stderr
    );
    std::fs::remove_file(file).ok();
}

/// Every README example of `pcscore rules` shows exactly what the command prints.
#[test]
fn readme_rules_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let mut lines = body.lines();
        let Some(command) = lines.next().and_then(|l| l.strip_prefix("$ pcscore rules")) else {
            continue;
        };
        let shown: Vec<&str> = lines.collect();
        let mut args = vec!["rules"];
        args.extend(command.split_whitespace());
        let run = pcscore(&args);
        assert_eq!(
            run.stdout.trim_end(),
            shown.join("\n").trim_end(),
            "README example `pcscore rules{command}` no longer prints what the README shows"
        );
        checked += 1;
    }
    assert!(
        checked >= 2,
        "expected README examples of `pcscore rules`, found {checked}"
    );
}

/// Modern Work and Security show their books: the schedules with exact fractions, the
/// last scoring months, both sides of Security.
#[test]
fn modern_work_and_security_show_their_rulebooks() {
    let run = pcscore(&["rules", "--designation", "modern-work"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for piece in [
        "Solutions Partner for Modern Work\n",
        "0 + 2.5 x 4 people = 10",
        "0 + 15 x 1 person = 15",
        "Microsoft 365 Fundamentals (MS-900)",
        "scores through 2027-03",
        "MW.PATH.BEST",
    ] {
        assert!(run.stdout.contains(piece), "{piece}: {}", run.stdout);
    }
    let run = pcscore(&["rules", "--designation", "security"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for piece in [
        "Solutions Partner for Security\n",
        "0 + 20/3 x 6 people = 40",
        "8 + 8 x 4 people = 40",
        "SEC.PERF.NCA.AZURE",
        "SEC.CS.DEP.M365",
        "Security Operations Analyst Associate (SC-200)",
    ] {
        assert!(run.stdout.contains(piece), "{piece}: {}", run.stdout);
    }
    let run = pcscore(&["rules", "--check", "--designation", "security"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}
