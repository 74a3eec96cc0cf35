//! `pcscore coverage`, run as a user runs it: on the fixtures in tests/data/coverage/
//! (tags at every Gherkin level, clause ids in comments and doc strings, misspelt ids,
//! a partner file, broken files) and on the shipped scenarios.

use std::path::{Path, PathBuf};
use std::process::Command;

// The CLI tests' builder, for its hang timeout and its check that nothing is written.
#[allow(dead_code)]
#[path = "cli/test.rs"]
mod test;

use test::Test;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pcscore_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pcscore runs");
    Run {
        code: out.status.code().expect("pcscore exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn pcscore(args: &[&str]) -> Run {
    pcscore_in(root(), args)
}

const FIXTURES: [&str; 5] = [
    "coverage",
    "--features",
    "tests/data/coverage/features",
    "--scenarios",
    "tests/data/coverage/scenarios",
];

const FEATURE: &str = "tests/data/coverage/features/net-customer-adds.feature";

/// The block of one clause in the text report, from its id line to the blank line.
fn block<'a>(stdout: &'a str, id: &str) -> &'a str {
    let start = stdout
        .find(&format!("\n{id}  "))
        .map(|i| i + 1)
        .or_else(|| stdout.starts_with(&format!("{id}  ")).then_some(0))
        .unwrap_or_else(|| panic!("no block for {id} in:\n{stdout}"));
    let rest = &stdout[start..];
    &rest[..rest.find("\n\n").map_or(rest.len(), |i| i + 1)]
}

/// A scratch folder of its own for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pcscore-coverage-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

#[test]
fn feature_tags_apply_to_the_scenarios_under_them_and_cite_at_the_scenario() {
    let run = pcscore(&FIXTURES);
    assert_eq!(
        block(&run.stdout, "2025-01 DAI.PERF.NCA.THRESHOLD"),
        format!(
            "2025-01 DAI.PERF.NCA.THRESHOLD  The monthly ACR threshold is USD 1,000 on the Enterprise \
             path and USD 500 on the SMB path; reaching it counts as above.\n\
             \x20 feature   {FEATURE}:9  A new customer above the threshold is an add\n\
             \x20 feature   {FEATURE}:16  A misspelt clause id is reported where it is written\n\
             \x20 feature   {FEATURE}:20  A clause id inside a doc string is not a citation\n\
             \x20 feature   {FEATURE}:31  Four adds count as three\n\
             \x20 feature   {FEATURE}:35  Losses are subtracted before the cap\n"
        )
    );
}

#[test]
fn rule_and_examples_tags_cite_and_yaml_scenarios_cite_with_their_line() {
    let run = pcscore(&FIXTURES);
    assert_eq!(
        block(&run.stdout, "2025-01 DAI.PERF.NCA.POINTS"),
        format!(
            "2025-01 DAI.PERF.NCA.POINTS  Ten points per net add, with net adds held between 0 and 3.\n\
             \x20 feature   {FEATURE}:31  Four adds count as three\n\
             \x20 feature   {FEATURE}:35  Losses are subtracted before the cap\n\
             \x20 scenario  tests/data/coverage/scenarios/cap.yaml:3  One new enterprise customer earns 10 points\n"
        )
    );
    // An examples block's tag is cited at the block, under its outline's name.
    assert_eq!(
        block(&run.stdout, "2025-01 DAI.PERF.NCA.LOSS"),
        format!(
            "2025-01 DAI.PERF.NCA.LOSS  A customer at or above the threshold in a baseline month and \
             below it in both recent months is one loss.\n\
             \x20 feature   {FEATURE}:40  Losses are subtracted before the cap\n"
        )
    );
}

#[test]
fn clause_ids_in_comments_doc_strings_and_partner_files_cite_nothing() {
    let run = pcscore(&FIXTURES);
    for id in [
        "2025-01 DAI.WINDOW.TTM",
        "2025-01 DAI.WINDOW.BASELINE",
        "2025-01 DAI.CS.UG.POINTS",
    ] {
        let b = block(&run.stdout, id);
        assert!(
            b.ends_with(
                "\n  UNCOVERED  no feature scenario or YAML scenario cites this clause for this \
                 edition\n"
            ),
            "{b}"
        );
    }
    assert!(run.stdout.contains(
        "not counted: tests/data/coverage/scenarios/partner-file.yaml cites clauses but has no \
         `expected:` block, so nothing verifies it\n"
    ));
}

const SUMMARY: &str = "141 (edition, clause) pairs, 13 covered, 128 uncovered, 8 unknown citations";

#[test]
fn unknown_ids_are_reported_with_file_line_and_a_suggestion_and_exit_1() {
    let run = pcscore(&FIXTURES);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let cd = "tests/data/coverage";
    assert!(run.stdout.contains(&format!(
        "Unknown clause ids\n\
         \x20 {cd}/features/editions.feature:14: `DAI.CS.DEP.DISTINCT` is not in the clause catalogue of edition 2026-05: it is a clause of edition 2025-01 (digital-app-innovation)\n\
         \x20 {cd}/features/editions.feature:18: `@edition-2024-03` names no edition pcscore knows (`2025-01`, `2026-05`)\n\
         \x20 {FEATURE}:15: `DAI.PERF.NCA.LOOS` is not in the clause catalogue of any edition (did you mean `DAI.PERF.NCA.LOSS`?)\n\
         \x20 {cd}/features/untagged.feature:9: `EDITION.SHOWN` is a clause of editions 2025-01 and 2026-05: tag the scenario `@edition-2025-01` or `@edition-2026-05` to say which it pins\n\
         \x20 {cd}/scenarios/cap.yaml:4: `DAI.PERF.NCA.POINT` is not in the clause catalogue of digital-app-innovation, edition 2025-01 (did you mean `DAI.PERF.NCA.POINTS`?)\n\
         \x20 {cd}/scenarios/dai-2026-05.yaml:6: `DAI.PERF.NCA.ADD` is not in the clause catalogue of digital-app-innovation, edition 2026-05: it is a clause of edition 2025-01 (digital-app-innovation)\n\
         \x20 {cd}/scenarios/dai-2026-05.yaml:7: `DAT.SKILL.STEP1` is not in the clause catalogue of digital-app-innovation, edition 2026-05: it is a clause of edition 2026-05 (data-ai)\n\
         \x20 {cd}/scenarios/dai-2026-05.yaml:8: `AZ.PERF.NCAA` is not in the clause catalogue of digital-app-innovation, edition 2026-05 (did you mean `AZ.PERF.NCA`?)\n\n"
    )), "{}", run.stdout);
    assert!(
        run.stdout.ends_with(&format!("\n{SUMMARY}\n")),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "");
}

/// PCS.CLAUSE.IDS: a pair is (edition, clause). A 2026-05 scenario's ids count for
/// 2026-05 only; a feature's edition tag, the nearest level's, decides its pairs; an
/// untagged id that one edition has counts for that edition.
#[test]
fn each_citation_counts_for_its_own_editions_pair() {
    let run = pcscore(&FIXTURES);
    let cd = "tests/data/coverage";
    assert_eq!(
        block(&run.stdout, "2026-05 AZ.PERF.NCA"),
        format!(
            "2026-05 AZ.PERF.NCA  A customer is an add or a loss against USD 1,000 (Enterprise) \
             or 500 (SMB) a month as in 2025-01; ten points per net add, net held between 0 and 3.\n\
             \x20 scenario  {cd}/scenarios/dai-2026-05.yaml:5  Under 2026-05 one new enterprise customer earns 10 points\n"
        )
    );
    // The 2026-05 file's DAI.PERF.NCA.ADD counts for no pair: 2025-01's is cited by the
    // feature alone.
    assert_eq!(
        block(&run.stdout, "2025-01 DAI.PERF.NCA.ADD"),
        format!(
            "2025-01 DAI.PERF.NCA.ADD  A customer with zero ACR in both baseline months and at \
             or above the threshold in a recent month is one add.\n\
             \x20 feature   {FEATURE}:9  A new customer above the threshold is an add\n"
        )
    );
    let editions = format!("{cd}/features/editions.feature");
    assert_eq!(
        block(&run.stdout, "2026-05 AZ.CS.DEP"),
        format!(
            "2026-05 AZ.CS.DEP  Eligible deployments in the trailing twelve months count as \
             distinct services, two points each, five services at most.\n\
             \x20 feature   {editions}:7  Under 2026-05 a distinct service is worth 2 points\n"
        )
    );
    // The scenario's own tag replaces the feature's.
    assert!(
        block(&run.stdout, "2025-01 DAI.CS.DEP.POINTS").ends_with(&format!(
            "\n  feature   {editions}:11  Under 2025-01 a distinct service is worth 2 points\n"
        ))
    );
    // An examples block's edition tag is its own; one without takes its scenario's.
    assert!(
        block(&run.stdout, "2025-01 DAI.CS.DEP.ELIGIBLE").ends_with(&format!(
            "\n  feature   {editions}:26  Both editions' rules for the same services\n"
        ))
    );
    assert!(
        block(&run.stdout, "2026-05 AZ.CS.DEP.ELIGIBLE").contains(&format!(
            "\n  feature   {editions}:31  Both editions' rules for the same services\n"
        ))
    );
    assert!(block(&run.stdout, "2026-05 AZ.SKILL.RETIRING").ends_with(&format!(
        "\n  feature   {cd}/features/untagged.feature:6  An id only 2026-05 has counts for 2026-05\n"
    )));
    // A scenario naming both editions counts each id for the edition that has it.
    assert!(
        block(&run.stdout, "2025-01 DAI.PATH.DERIVED").ends_with(&format!(
            "\n  feature   {editions}:37  The same partner's path under both editions\n"
        ))
    );
    assert!(
        block(&run.stdout, "2026-05 AZ.PATH.SHARE").ends_with(&format!(
            "\n  feature   {editions}:37  The same partner's path under both editions\n"
        ))
    );
    // EDITION.SHOWN is cited only without an edition: neither edition's pair counts it.
    for edition in ["2025-01", "2026-05"] {
        assert!(block(&run.stdout, &format!("{edition} EDITION.SHOWN")).contains("UNCOVERED"));
    }
}

/// Every edition of every built-in rulebook is counted, each under a heading with its
/// designations and counts, then the import's clauses.
#[test]
fn the_text_report_has_a_heading_per_edition() {
    let run = pcscore(&FIXTURES);
    let headings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("edition ") || l.starts_with("import ("))
        .collect();
    let expected: Vec<String> = pcscore::rulebook::registry::editions()
        .iter()
        .map(|e| {
            let designations: Vec<&str> = pcscore::rulebook::registry::all()
                .iter()
                .filter(|b| b.edition == e.edition)
                .map(|b| b.designation.as_str())
                .collect();
            format!("edition {} ({}): ", e.edition, designations.join(", "))
        })
        .chain(["import (the import's rules, in no edition): ".to_string()])
        .collect();
    assert_eq!(headings.len(), expected.len(), "{headings:?}");
    for (h, e) in headings.iter().zip(&expected) {
        assert!(h.starts_with(e.as_str()), "{h} / {e}");
    }
    assert!(
        run.stdout.starts_with(
            "edition 2025-01 (digital-app-innovation): 37 clauses, 8 covered, 29 uncovered\n\n\
         2025-01 DAI.WINDOW.RECENT  "
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn json_has_every_clause_with_its_citations_and_the_counts() {
    let run = pcscore(&[&FIXTURES[..], &["--format", "json"]].concat());
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let clauses = v["clauses"].as_array().expect("clauses");
    assert_eq!(clauses.len(), catalogue_len());
    let loss = clauses
        .iter()
        .find(|c| c["id"] == "DAI.PERF.NCA.LOSS")
        .expect("DAI.PERF.NCA.LOSS");
    assert_eq!(loss["edition"], "2025-01");
    assert_eq!(
        loss["designations"],
        serde_json::json!(["digital-app-innovation"])
    );
    assert_eq!(loss["covered"], true);
    assert_eq!(
        loss["features"],
        serde_json::json!([{"file": FEATURE, "line": 40, "scenario": "Losses are subtracted before the cap"}])
    );
    assert_eq!(loss["scenarios"], serde_json::json!([]));
    let ttm = clauses
        .iter()
        .find(|c| c["id"] == "DAI.WINDOW.TTM")
        .expect("TTM");
    assert_eq!(ttm["covered"], false);
    assert_eq!(
        v["unknown"][2],
        serde_json::json!({
            "file": FEATURE, "line": 15, "id": "DAI.PERF.NCA.LOOS", "edition": null,
            "designation": null, "reason": "not_in_any_catalogue", "catalogued_in": [],
            "did_you_mean": "DAI.PERF.NCA.LOSS",
            "message": format!("{FEATURE}:15: `DAI.PERF.NCA.LOOS` is not in the clause catalogue of any edition (did you mean `DAI.PERF.NCA.LOSS`?)"),
        })
    );
    assert_eq!(
        v["unknown"][5],
        serde_json::json!({
            "file": "tests/data/coverage/scenarios/dai-2026-05.yaml", "line": 6,
            "id": "DAI.PERF.NCA.ADD", "edition": "2026-05",
            "designation": "digital-app-innovation", "reason": "not_in_its_catalogue",
            "catalogued_in": [{"edition": "2025-01", "designations": ["digital-app-innovation"]}],
            "did_you_mean": null,
            "message": "tests/data/coverage/scenarios/dai-2026-05.yaml:6: `DAI.PERF.NCA.ADD` is not in the clause catalogue of digital-app-innovation, edition 2026-05: it is a clause of edition 2025-01 (digital-app-innovation)",
        })
    );
    assert_eq!(v["unknown"][3]["reason"], "needs_an_edition_tag");
    assert_eq!(v["unknown"][1]["reason"], "no_such_edition");
    assert_eq!(
        v["catalogues"][0],
        serde_json::json!({"edition": "2025-01", "designations": ["digital-app-innovation"],
            "clauses": 37, "covered": 8, "uncovered": 29})
    );
    assert_eq!(v["catalogues"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["catalogues"][2]["edition"], serde_json::Value::Null);
    assert_eq!(
        v["summary"],
        serde_json::json!({"clauses": 141, "covered": 13, "uncovered": 128, "unknown_citations": 8})
    );
    assert_eq!(
        v["not_counted"],
        serde_json::json!(["tests/data/coverage/scenarios/partner-file.yaml"])
    );
}

#[test]
fn markdown_is_a_table_with_one_row_per_clause() {
    let run = pcscore(&[&FIXTURES[..], &["--format", "markdown"]].concat());
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "| edition | clause | covered | summary | feature scenarios | YAML scenarios |"
    );
    assert_eq!(lines[1], "|---|---|---|---|---|---|");
    let rows: Vec<&&str> = lines[2..]
        .iter()
        .take_while(|l| l.starts_with("| "))
        .collect();
    assert_eq!(rows.len(), 141);
    assert!(lines.contains(&format!(
        "| 2025-01 | `DAI.PERF.NCA.POINTS` | yes | Ten points per net add, with net adds held between 0 and 3. \
         | `{FEATURE}:31` Four adds count as three<br>`{FEATURE}:35` Losses are subtracted before the cap \
         | `tests/data/coverage/scenarios/cap.yaml:3` One new enterprise customer earns 10 points |"
    ).as_str()), "{}", run.stdout);
    assert!(lines.contains(
        &"| 2025-01 | `DAI.WINDOW.TTM` | **no** | The trailing twelve months run from M-11 to M inclusive. |  |  |"
    ));
    assert!(lines.contains(
        &"- edition 2026-05 (business-applications, data-ai, digital-app-innovation, infrastructure, modern-work, security): 90 clauses, 5 covered, 85 uncovered"
    ), "{}", run.stdout);
    assert_eq!(lines.last(), Some(&SUMMARY));
}

#[test]
fn the_shipped_scenarios_cite_every_clause_of_the_catalogue() {
    let run = pcscore(&["coverage", "--scenarios", "scenarios"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let n = catalogue_len();
    assert!(
        run.stdout.ends_with(&format!(
            "\n{n} (edition, clause) pairs, {n} covered, 0 uncovered, 0 unknown citations\n"
        )),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("UNCOVERED"));
    // The refusal of a designation without rules is pinned by a feature, not a card.
    assert!(run
        .stdout
        .contains("  feature   features/editions.feature:"));
    assert!(run
        .stdout
        .contains("  scenario  scenarios/net-customer-adds/a-loss-offsets-an-add.yaml:"));
}

#[test]
fn a_missing_default_folder_is_noted_and_the_other_is_read() {
    let dir = scratch("no-features");
    let scenarios = dir.join("scenarios");
    std::fs::create_dir_all(&scenarios).expect("scenarios folder");
    std::fs::copy(
        root().join("tests/data/coverage/scenarios/cap.yaml"),
        scenarios.join("cap.yaml"),
    )
    .expect("copy");
    let run = pcscore_in(&dir, &["coverage"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "note: no `features/` folder in the current folder; nothing there is read\n"
    );
    assert!(run.stdout.contains(
        "  scenario  scenarios/cap.yaml:3  One new enterprise customer earns 10 points\n"
    ));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn no_folder_at_all_or_a_named_folder_that_is_missing_is_bad_input() {
    let dir = scratch("empty");
    let run = pcscore_in(&dir, &["coverage"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with("error: found neither `features/` nor `scenarios/` in "),
        "{}",
        run.stderr
    );
    std::fs::remove_dir_all(&dir).ok();

    let run = pcscore(&["coverage", "--features", "no/such/folder"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no/such/folder: found no such file or folder, expected a folder of Gherkin .feature files\n"
    );
}

#[test]
fn broken_files_are_reported_and_the_exit_code_is_2() {
    let run = pcscore(&[
        "coverage",
        "--features",
        "tests/data/coverage/broken-feature",
        "--scenarios",
        "tests/data/coverage/broken-scenario",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: tests/data/coverage/broken-feature/broken.feature:6:1: found text that is not \
         Gherkin, expected a feature file cucumber can parse"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(
        "error: tests/data/coverage/broken-scenario/broken.yaml:3:8: as_of: found `2024-13`"
    ));
    assert!(
        run.stdout.ends_with(
            "2 files could not be read, so the counts below miss their citations (exit code 2)\n\
         141 (edition, clause) pairs, 0 covered, 141 uncovered, 0 unknown citations\n"
        ),
        "{}",
        run.stdout
    );
}

/// The catalogues are the project's reading of the guide and the pages: docs/rules.md
/// must name every clause id of every edition's rulebooks, and no clause-shaped id that
/// no catalogue has, or coverage would count against the wrong list (issue 7, 6).
#[test]
fn docs_rules_md_and_the_catalogues_name_the_same_clause_ids() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
    let mut catalogued: Vec<&str> = pcscore::rulebook::registry::all()
        .iter()
        .flat_map(|b| b.clauses.iter().map(|c| c.id.as_str()))
        .collect();
    catalogued.sort_unstable();
    catalogued.dedup();
    let prefixes: std::collections::BTreeSet<&str> = catalogued
        .iter()
        .filter_map(|id| id.split('.').next())
        .collect();
    let mut documented: Vec<&str> = docs
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.split('.').next().is_some_and(|p| prefixes.contains(p))
                && s.contains('.')
                && s.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '_')
        })
        .collect();
    documented.sort_unstable();
    documented.dedup();
    assert_eq!(documented, catalogued);
}

/// The README's `pcscore coverage` example is shortened with `...`; every run of lines
/// between the elisions must appear, in order, in what the command really prints.
#[test]
fn readme_coverage_example_shows_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let mut lines = body.lines();
        let Some(command) = lines
            .next()
            .and_then(|l| l.strip_prefix("$ pcscore coverage"))
        else {
            continue;
        };
        let mut args = vec!["coverage"];
        args.extend(command.split_whitespace());
        let run = pcscore(&args);
        let shown: Vec<&str> = lines.collect();
        let mut from = 0;
        for chunk in shown.split(|l| l.trim() == "...").filter(|c| !c.is_empty()) {
            let text = format!("{}\n", chunk.join("\n"));
            let at = run.stdout[from..].find(&text).unwrap_or_else(|| {
                panic!("README shows lines `pcscore coverage{command}` does not print in order:\n{text}\nit prints:\n{}", run.stdout)
            });
            from += at + text.len();
        }
        checked += 1;
    }
    assert_eq!(
        checked, 1,
        "expected one README example of `pcscore coverage`"
    );
}

/// Issue 9 (7): a scenario name is data; in the Markdown table `<img ...>` or an
/// outline's `<driven>` was written as raw HTML.
#[test]
fn markdown_escapes_html_in_scenario_names() {
    let dir = scratch("html-names");
    std::fs::create_dir_all(dir.join("features")).expect("folder");
    std::fs::create_dir_all(dir.join("scenarios")).expect("folder");
    std::fs::write(
        dir.join("scenarios/a.yaml"),
        "name: \"<img src=x onerror=alert(1)> | *x*\"\nclauses: [DAI.PERF.NCA.ADD]\n\
         as_of: 2024-12\nexpected:\n  total: 0\n",
    )
    .expect("scenario");
    std::fs::write(
        dir.join("features/a.feature"),
        "Feature: F\n\n  @DAI.PERF.NCA.LOSS\n  Scenario Outline: On the <path> path\n    \
         Given a partner\n\n    Examples:\n      | path |\n      | smb  |\n",
    )
    .expect("feature");
    let run = pcscore_in(&dir, &["coverage", "--format", "markdown"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stdout.contains("<img"), "{}", run.stdout);
    assert!(!run.stdout.contains("<path>"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("`scenarios/a.yaml:2` &lt;img src=x onerror=alert(1)&gt; \\| \\*x\\* |"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("`features/a.feature:4` On the &lt;path&gt; path |"),
        "{}",
        run.stdout
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9: unknown ids were matched against every citation and every tag line again,
/// so 50,000 unknown tags took minutes. This checks the answer with many of them; the
/// Test builder's hang timeout (20 s), not a timing assert, catches a return of the
/// quadratic walk.
#[test]
fn many_unknown_tags_are_all_reported_once_at_their_lines() {
    const N: usize = 20_000;
    let mut feature = String::from("Feature: F\n\n");
    for i in 0..N {
        feature.push_str(&format!("  @DAI.UNKNOWN.T{i}\n"));
    }
    feature.push_str("  @DAI.PERF.NCA.ADD\n  Scenario: S\n    Given a partner\n");
    let run = Test::new()
        .file("many.feature", feature)
        .args(&["coverage", "--features", "many.feature", "--format", "json"])
        .stderr("note: no `scenarios/` folder in the current folder; nothing there is read\n")
        .status(1)
        .run();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let unknown = json["unknown"].as_array().expect("a list of unknown ids");
    assert_eq!(unknown.len(), N);
    assert_eq!(json["summary"]["unknown_citations"], N);
    // Each tag at its own line: T0 on line 3.
    let lines: std::collections::BTreeMap<String, u64> = unknown
        .iter()
        .map(|u| {
            (
                u["id"].as_str().expect("an id").to_string(),
                u["line"].as_u64().expect("a line"),
            )
        })
        .collect();
    assert_eq!(lines.len(), N);
    for i in [0, 1, N / 2, N - 1] {
        assert_eq!(lines[&format!("DAI.UNKNOWN.T{i}")], i as u64 + 3);
    }
    let add = json["clauses"]
        .as_array()
        .expect("clauses")
        .iter()
        .find(|c| c["id"] == "DAI.PERF.NCA.ADD")
        .expect("DAI.PERF.NCA.ADD");
    assert_eq!(add["features"][0]["line"], N + 4);
}

/// The same many tags on one line, each found on it.
#[test]
fn many_unknown_tags_on_one_line() {
    const N: usize = 20_000;
    let tags: Vec<String> = (0..N).map(|i| format!("@DAI.UNKNOWN.T{i}")).collect();
    let feature = format!(
        "Feature: F\n\n  {}\n  Scenario: S\n    Given a partner\n",
        tags.join(" ")
    );
    let run = Test::new()
        .file("one.feature", feature)
        .args(&["coverage", "--features", "one.feature"])
        .stderr("note: no `scenarios/` folder in the current folder; nothing there is read\n")
        .stdout_contains(format!(
            "  one.feature:3: `DAI.UNKNOWN.T{}` is not in the clause catalogue of any edition\n",
            N - 1
        ))
        .stdout_contains(format!(
            "141 (edition, clause) pairs, 0 covered, 141 uncovered, {N} unknown citations\n"
        ))
        .status(1)
        .run();
    assert_eq!(
        run.stdout
            .matches(" is not in the clause catalogue of any edition")
            .count(),
        N
    );
}

/// Every (edition, clause) pair of the built-in rulebooks, and the import's clauses.
fn catalogue_len() -> usize {
    let mut pairs: Vec<(&str, &str)> = pcscore::rulebook::registry::all()
        .iter()
        .flat_map(|b| {
            b.clauses
                .iter()
                .map(|c| (b.edition.as_str(), c.id.as_str()))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs.len() + pcscore::import::CLAUSES.len()
}
