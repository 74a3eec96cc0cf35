//! `pcscore check`: selecting scenarios (`--tag`, `--name`), the report formats (text,
//! JSON, JUnit), `--output`, colours, and a stable order when files are checked in
//! parallel. Every test runs the real binary on files written to a fresh folder.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A throwaway folder of scenario files, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(test: &str) -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "pcscore-check-reports-{}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            test
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp folder");
        Dir(path)
    }

    fn write(&self, rel: &str, text: &str) -> &Dir {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
        std::fs::write(path, text).expect("write");
        self
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    /// Runs `pcscore check` in this folder, with `NO_COLOR` removed unless given.
    fn check(&self, args: &[&str]) -> Output {
        self.check_env(args, &[])
    }

    fn check_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pcscore"));
        cmd.arg("check").args(args).current_dir(&self.0);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("pcscore runs")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A scenario with no data: the engine scores 0 on the SMB path, so `total` decides
/// whether it passes (0) or fails (anything else).
fn scenario(name: &str, tags: &[&str], clauses: &[&str], total: u32) -> String {
    format!(
        "name: {name}\ntags: [{}]\nclauses: [{}]\nas_of: 2024-12\nexpected:\n  path: smb\n  total: {total}\n",
        tags.join(", "),
        clauses.join(", ")
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

/// Three scenarios and a partner file, one of them failing.
fn corpus(test: &str) -> Dir {
    let d = Dir::new(test);
    d.write(
        "nca/one-cent.yaml",
        &scenario(
            "One cent blocks an add",
            &["boundary", "net-customer-adds"],
            &["DAI.PERF.NCA.NEUTRAL"],
            0,
        ),
    )
    .write(
        "nca/loss.yaml",
        &scenario(
            "A loss offsets an add",
            &["net-customer-adds"],
            &["DAI.PERF.NCA.LOSS"],
            10,
        ),
    )
    .write(
        "growth/twenty.yaml",
        &scenario(
            "Growth of exactly 20 percent",
            &["usage-growth", "boundary"],
            &["DAI.CS.UG.POINTS"],
            0,
        ),
    )
    .write(
        "partners/contoso.yaml",
        "name: Contoso\ntags: [boundary]\nas_of: 2024-12\n",
    );
    d
}

// ---------------------------------------------------------------- hostile names

/// Issue 9 (6): a name with `\e[2K\r` erased the `FAIL` line on a terminal and wrote
/// `pass` over it; a line break forged a line of its own. Whether the loader takes such a
/// name or refuses it with an error quoting it, the report shows it on one line.
#[test]
fn a_name_with_terminal_codes_or_line_breaks_cannot_forge_the_report() {
    let d = Dir::new("hostile-name");
    d.write(
        "evil.yaml",
        "name: \"evil\\e[2K\\rpass  forged\\npass  another\"\nas_of: 2024-12\nexpected:\n  total: 5\n",
    );
    for color in ["never", "always"] {
        let o = d.check(&["--color", color, "."]);
        let out = stdout(&o);
        assert!(!out.contains('\r'), "{out:?}");
        let shown = out
            .replace("\u{1b}[0m", "")
            .replace("\u{1b}[1m", "")
            .replace("\u{1b}[1;31m", "")
            .replace("\u{1b}[31m", "")
            .replace("\u{1b}[32m", "")
            .replace("\u{1b}[33m", "")
            .replace("\u{1b}[36m", "");
        assert!(!shown.contains('\u{1b}'), "{out:?}");
        assert!(!shown.lines().any(|l| l.starts_with("pass")), "{shown}");
        assert!(
            shown.contains("\\e[2K\\rpass  forged\\npass  another"),
            "{shown}"
        );
    }
}

// ---------------------------------------------------------------- selection

#[test]
fn a_tag_selects_by_tags_and_counts_the_rest_as_not_selected() {
    let d = corpus("tag");
    let o = d.check(&["--tag", "boundary", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "pass  Growth of exactly 20 percent  (./growth/twenty.yaml)\n\
         pass  One cent blocks an add  (./nca/one-cent.yaml)\n\
         skip  ./partners/contoso.yaml  (no `expected:` block: a partner file, not a scenario)\n\
         2 passed, 0 failed, 1 skipped, 1 not selected\n"
    );
}

#[test]
fn a_tag_selects_by_clause_id_exactly() {
    let d = corpus("clause");
    let o = d.check(&["--tag", "DAI.PERF.NCA.LOSS", "."]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.starts_with("FAIL  A loss offsets an add  (./nca/loss.yaml)\n"),
        "{out}"
    );
    assert!(
        out.ends_with("0 passed, 1 failed, 3 not selected\n"),
        "{out}"
    );
    // A prefix of a clause id, or another case, is not the clause id.
    for near in ["DAI.PERF.NCA", "dai.perf.nca.loss"] {
        let o = d.check(&["--tag", near, "."]);
        assert_eq!(code(&o), 2, "--tag {near}: {}", stdout(&o));
    }
}

#[test]
fn repeated_tags_select_files_with_any_of_them_and_at_is_ignored() {
    let d = corpus("any");
    let o = d.check(&["--tag", "@usage-growth", "--tag", "DAI.PERF.NCA.LOSS", "."]);
    let out = stdout(&o);
    let names: Vec<&str> = out.lines().collect();
    assert_eq!(
        names[0],
        "pass  Growth of exactly 20 percent  (./growth/twenty.yaml)"
    );
    assert_eq!(names[1], "FAIL  A loss offsets an add  (./nca/loss.yaml)");
    assert!(
        out.ends_with("1 passed, 1 failed, 2 not selected\n"),
        "{out}"
    );
}

#[test]
fn a_name_selects_by_substring_ignoring_case() {
    let d = corpus("name");
    let o = d.check(&["--name", "AN ADD", "."]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("FAIL  A loss offsets an add"), "{out}");
    assert!(out.contains("pass  One cent blocks an add"), "{out}");
    assert!(
        out.ends_with("1 passed, 1 failed, 2 not selected\n"),
        "{out}"
    );
}

#[test]
fn tag_and_name_together_must_both_match() {
    let d = corpus("both");
    let o = d.check(&["--tag", "net-customer-adds", "--name", "cent", "."]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        "pass  One cent blocks an add  (./nca/one-cent.yaml)\n1 passed, 0 failed, 3 not selected\n"
    );
}

#[test]
fn an_empty_selection_is_a_usage_error() {
    let d = corpus("empty");
    let o = d.check(&["--tag", "smoke", "--name", "Growth", "."]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "error: no scenario selected: none of the 4 files under . has the tag or clause id `smoke` and a name containing `Growth`\n"
    );
}

#[test]
fn a_tag_with_a_space_or_nothing_in_it_is_refused() {
    let d = corpus("badtag");
    for bad in ["two words", "", "@"] {
        let o = d.check(&["--tag", bad, "."]);
        assert_eq!(code(&o), 2, "--tag {bad:?}");
        assert!(stderr(&o).contains("--tag"), "{}", stderr(&o));
    }
}

#[test]
fn a_broken_file_is_reported_whatever_the_selection() {
    let d = corpus("broken");
    d.write("nca/broken.yaml", "name: Broken\nas_of: 2024-13\n");
    let o = d.check(&["--tag", "usage-growth", "."]);
    assert_eq!(code(&o), 2);
    let out = stdout(&o);
    assert!(out.contains("ERROR ./nca/broken.yaml\n"), "{out}");
    assert!(out.contains("pass  Growth of exactly 20 percent"), "{out}");
    assert!(
        out.ends_with(
            "1 file could not be checked (exit code 2)\n1 passed, 1 failed, 3 not selected\n"
        ),
        "{out}"
    );
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_has_one_record_per_file_and_a_summary() {
    let d = corpus("json");
    d.write("nca/broken.yaml", "name: Broken\nas_of: 2024-13\n");
    let o = d.check(&["--format", "json", "."]);
    assert_eq!(code(&o), 2);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(
        v["summary"],
        serde_json::json!({"passed": 2, "failed": 1, "errors": 1, "skipped": 1,
                           "not_selected": 0, "exit_code": 2})
    );
    let records = v["scenarios"].as_array().expect("an array");
    let files: Vec<&str> = records
        .iter()
        .map(|r| r["file"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        files,
        [
            "./growth/twenty.yaml",
            "./nca/broken.yaml",
            "./nca/loss.yaml",
            "./nca/one-cent.yaml",
            "./partners/contoso.yaml"
        ]
    );

    let loss = &records[2];
    assert_eq!(loss["name"], "A loss offsets an add");
    assert_eq!(loss["status"], "failed");
    assert_eq!(
        loss["tags"],
        serde_json::json!(["net-customer-adds", "DAI.PERF.NCA.LOSS"])
    );
    // Only the written keys are expected; the whole card is actual.
    assert_eq!(
        loss["expected"],
        serde_json::json!({"path": "smb", "total": 10})
    );
    assert_eq!(
        loss["actual"],
        serde_json::json!({
            "path": "smb",
            "points": {"net_customer_adds": 0, "intermediate_certifications": 0,
                       "advanced_certifications": 0, "usage_growth": 0, "deployments": 0},
            "categories": {"performance": 0, "skilling": 0, "customer_success": 0},
            "total": 0,
            "attained": false
        })
    );
    assert_eq!(
        loss["diff"],
        "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n path: smb\n-total: 10\n+total: 0\n"
    );
    assert_eq!(
        loss["mismatches"],
        serde_json::json!([{"key": "total", "expected": 10, "actual": 0}])
    );
    assert_eq!(loss["message"], Value::Null);

    let passed = &records[0];
    assert_eq!(passed["status"], "passed");
    assert_eq!(passed["diff"], Value::Null);
    assert_eq!(passed["mismatches"], serde_json::json!([]));

    let broken = &records[1];
    assert_eq!(broken["status"], "error");
    assert_eq!(broken["actual"], Value::Null);
    let message = broken["message"].as_str().expect("a message");
    assert!(message.starts_with("./nca/broken.yaml:2:"), "{message}");
    assert!(message.contains("2024-13"), "{message}");

    let partner = &records[4];
    assert_eq!(partner["status"], "skipped");
    assert_eq!(partner["expected"], Value::Null);
    assert_eq!(partner["actual"]["total"], 0);
}

/// Issue 9: the error was only text, the caret drawing inside `message`; a program had
/// to parse it for the line. Now `error` carries each part, and `message` is unchanged.
#[test]
fn json_carries_the_error_as_data_beside_its_message() {
    let d = Dir::new("json-error");
    d.write("a/month.yaml", "name: Bad month\nas_of: 2024-13\n")
        .write("b/typo.yaml", "name: Typo\nas_of: 2024-12\npartner: x\n")
        .write("c/empty.yaml", "")
        .write("d/first.yaml", &scenario("Same", &[], &[], 0))
        .write("e/second.yaml", &scenario("Same", &[], &[], 0))
        .write(
            "f/infra.yaml",
            "name: Infra\ndesignation: infrastructure\nas_of: 2024-12\nexpected:\n  total: 0\n",
        );
    let o = d.check(&["--format", "json", "."]);
    assert_eq!(code(&o), 2);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let records = v["scenarios"].as_array().expect("an array");
    let error = |i: usize| &records[i]["error"];

    assert_eq!(
        records[0]["message"],
        "./a/month.yaml:2:8: as_of: found `2024-13`, expected a month written YYYY-MM, \
         such as `2024-12`, with the month 01 to 12\n  |\n2 | as_of: 2024-13\n  |        ^"
    );
    assert_eq!(
        *error(0),
        serde_json::json!({
            "kind": "bad_value",
            "line": 2,
            "column": 8,
            "field": "as_of",
            "found": "`2024-13`",
            "expected": "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12",
            "source_line": "as_of: 2024-13",
        })
    );
    assert_eq!(error(1)["kind"], "unknown_field");
    assert_eq!(error(1)["field"], "partner");
    assert_eq!(
        (error(1)["line"].clone(), error(1)["column"].clone()),
        (3.into(), 1.into())
    );
    // A whole-file error has no place: no line, column, field or source line.
    assert_eq!(error(2)["kind"], "empty");
    for key in ["line", "column", "field", "source_line"] {
        assert_eq!(error(2)[key], Value::Null, "{key}");
    }
    assert_eq!(error(2)["found"], "an empty file");
    // A name already used is located at the second file's `name:` line.
    assert_eq!(records[3]["status"], "passed");
    assert_eq!(error(4)["kind"], "duplicate_name");
    assert_eq!(error(4)["field"], "name");
    assert_eq!(error(4)["line"], 1);
    assert_eq!(
        error(4)["found"],
        "`Same`, already the name of ./d/first.yaml"
    );
    // A designation without rules in the edition in force is located at its line.
    assert_eq!(error(5)["kind"], "edition_missing");
    assert_eq!(
        (error(5)["line"].clone(), error(5)["column"].clone()),
        (2.into(), 14.into())
    );
    assert_eq!(error(5)["source_line"], "designation: infrastructure");
    // Records that are not errors say so with `null`.
    assert_eq!(records[3]["error"], Value::Null);
    assert_eq!(records[3]["message"], Value::Null);
    // The record's own `expected` is still the scenario's expectation.
    assert_eq!(
        records[4]["expected"],
        serde_json::json!({"path": "smb", "total": 0})
    );
}

#[test]
fn json_is_never_coloured_and_counts_files_not_selected() {
    let d = corpus("jsonsel");
    let o = d.check(&[
        "--format", "json", "--color", "always", "--tag", "boundary", ".",
    ]);
    let text = stdout(&o);
    assert!(!text.contains('\x1b'));
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(v["summary"]["not_selected"], 1);
    assert_eq!(v["scenarios"].as_array().map(Vec::len), Some(3));
}

// ---------------------------------------------------------------- JUnit

#[test]
fn junit_is_well_formed_and_carries_each_outcome() {
    let d = corpus("junit");
    d.write("nca/broken.yaml", "name: Broken\nas_of: 2024-13\n");
    d.write(
        "odd/markup.yaml",
        &scenario("Growth <20% & \"more\" for Müller's", &["odd"], &[], 3),
    );
    let o = d.check(&["--format", "junit", "."]);
    assert_eq!(code(&o), 2);
    let xml = stdout(&o);
    let root = xml::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    python_parses(&xml);

    assert_eq!(root.name, "testsuites");
    let suite = &root.children[0];
    assert_eq!(suite.name, "testsuite");
    assert_eq!(suite.attr("name"), "pcscore");
    for el in [&root, suite] {
        assert_eq!(el.attr("tests"), "6");
        assert_eq!(el.attr("failures"), "2");
        assert_eq!(el.attr("errors"), "1");
        assert_eq!(el.attr("skipped"), "1");
    }
    let cases = &suite.children;
    assert_eq!(cases.len(), 6);
    assert!(cases.iter().all(|c| c.name == "testcase"));

    let loss = cases
        .iter()
        .find(|c| c.attr("file") == "./nca/loss.yaml")
        .expect("the loss testcase");
    assert_eq!(loss.attr("name"), "A loss offsets an add");
    assert_eq!(loss.attr("classname"), "./nca");
    let failure = &loss.children[0];
    assert_eq!(failure.name, "failure");
    assert_eq!(failure.attr("message"), "total: expected 10, actual 0");
    assert_eq!(
        failure.text,
        "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n path: smb\n-total: 10\n+total: 0\n"
    );

    let odd = cases
        .iter()
        .find(|c| c.attr("file") == "./odd/markup.yaml")
        .expect("the odd testcase");
    assert_eq!(odd.attr("name"), "Growth <20% & \"more\" for Müller's");

    let broken = cases
        .iter()
        .find(|c| c.attr("file") == "./nca/broken.yaml")
        .expect("the broken testcase");
    assert_eq!(broken.children[0].name, "error");
    assert!(broken.children[0]
        .attr("message")
        .starts_with("./nca/broken.yaml:2:"));
    assert!(broken.children[0].text.contains("2024-13"));

    let partner = cases
        .iter()
        .find(|c| c.attr("file") == "./partners/contoso.yaml")
        .expect("the partner testcase");
    assert_eq!(partner.children[0].name, "skipped");

    let passed = cases
        .iter()
        .find(|c| c.attr("file") == "./growth/twenty.yaml")
        .expect("a passing testcase");
    assert!(passed.children.is_empty());
}

/// Issue 9: JUnit's `<error>` carries the error's parts as attributes, escaped, beside
/// the `type` and `message` readers already use.
#[test]
fn junit_errors_carry_kind_line_column_field_found_and_expected() {
    let d = Dir::new("junit-error");
    d.write(
        "bad.yaml",
        "name: Bad\nas_of: 2024-12\ncustomers:\n  - id: \"<a&b>\"\n    segment: smb\n    \
         attribution: [PAL]\n    acr: {2024-12: -5}\n",
    )
    .write("gone.yaml", "name: Gone\nas_of: 2024-12\ndeployments: [{customer: x, service: s, service_level: 2, month: 2024-01}]\n");
    let o = d.check(&["--format", "junit", "."]);
    assert_eq!(code(&o), 2);
    let xml = stdout(&o);
    let root = xml::parse(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    python_parses(&xml);
    let error = |file: &str| {
        root.children[0]
            .children
            .iter()
            .find(|c| c.attr("file") == file)
            .map(|c| &c.children[0])
            .unwrap_or_else(|| panic!("no testcase for {file}"))
    };
    let bad = error("./bad.yaml");
    assert_eq!(bad.name, "error");
    assert_eq!(bad.attr("type"), "invalid");
    assert_eq!(bad.attr("kind"), "bad_value");
    assert_eq!(bad.attr("line"), "7");
    assert_eq!(bad.attr("column"), "20");
    assert_eq!(bad.attr("field"), "customers[0].acr.2024-12");
    assert_eq!(bad.attr("found"), "`-5`");
    assert!(bad
        .attr("expected")
        .starts_with("an amount of zero or more"));
    let gone = error("./gone.yaml");
    assert_eq!(gone.attr("kind"), "unknown_reference");
    assert_eq!(gone.attr("field"), "deployments[0].customer");
    assert_eq!(gone.attr("found"), "`x`, which is not in `customers`");
}

/// A second, independent reader where one is installed: python3's own XML parser.
fn python_parses(xml: &str) {
    let d = Dir::new("python");
    let file = d.path("report.xml");
    std::fs::write(&file, xml).expect("write");
    let run = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])",
        ])
        .arg(&file)
        .output();
    match run {
        Ok(o) => assert!(
            o.status.success(),
            "python3 refuses the XML: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => eprintln!("python3 not found: checked with the built-in reader only"),
    }
}

// ---------------------------------------------------------------- --output

#[test]
fn output_writes_the_report_and_prints_only_the_summary() {
    let d = corpus("output");
    let report = d.path("reports/ci/junit.xml");
    let o = d.check(&[
        "--format",
        "junit",
        "--output",
        report.to_str().expect("utf-8 path"),
        "--color",
        "always",
        ".",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "2 passed, 1 failed, 1 skipped\n");
    let xml = std::fs::read_to_string(&report).expect("the report was written");
    assert!(xml::parse(&xml).is_ok());
    assert!(!xml.contains('\x1b'));
    let left: Vec<_> = std::fs::read_dir(d.path("reports/ci"))
        .expect("folder")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, ["junit.xml"], "no temporary file is left behind");
}

#[test]
fn output_replaces_an_old_report_and_text_goes_uncoloured() {
    let d = corpus("outtext");
    d.write(
        "report.txt",
        "an old report that is much longer than the new one\n"
            .repeat(500)
            .as_str(),
    );
    let o = d.check(&[
        "--output",
        "report.txt",
        "--color",
        "always",
        "--tag",
        "net-customer-adds",
        ".",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "1 passed, 1 failed, 2 not selected\n");
    let text = std::fs::read_to_string(d.path("report.txt")).expect("read");
    assert!(
        text.starts_with("FAIL  A loss offsets an add  (./nca/loss.yaml)\n"),
        "{text}"
    );
    assert!(text.ends_with("1 passed, 1 failed, 2 not selected\n"));
    assert!(!text.contains("old report"));
    assert!(!text.contains('\x1b'));
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    let d = corpus("outerr");
    d.write("taken", "a file where a folder is needed\n");
    let o = d.check(&["--output", "taken/report.json", "--format", "json", "."]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).starts_with("error: taken/report.json: cannot write the report: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_summary_after_output_explains_an_exit_code_of_2() {
    let d = corpus("outbroken");
    d.write("nca/broken.yaml", "as_of: 2024-13\n");
    let o = d.check(&["--format", "json", "-o", "r.json", "."]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stdout(&o),
        "1 file could not be checked (exit code 2)\n2 passed, 2 failed, 1 skipped\n"
    );
}

// ---------------------------------------------------------------- colour

const FAILING_TEXT: &str = "FAIL  A loss offsets an add  (./nca/loss.yaml)\n      --- expected\n      +++ actual\n      @@ -1,2 +1,2 @@\n       path: smb\n      -total: 10\n      +total: 0\n";

#[test]
fn never_and_a_pipe_give_plain_text() {
    let d = corpus("plain");
    let never = stdout(&d.check(&["--color", "never", "--tag", "net-customer-adds", "."]));
    let auto = stdout(&d.check(&["--tag", "net-customer-adds", "."]));
    assert_eq!(never, auto);
    assert!(never.starts_with(FAILING_TEXT), "{never}");
    assert!(!never.contains('\x1b'));
}

#[test]
fn always_colours_the_words_and_the_diff_even_with_no_color() {
    let d = corpus("always");
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let o = d.check_env(
            &["--color", "always", "--tag", "net-customer-adds", "."],
            env,
        );
        assert_eq!(
            stdout(&o),
            "\x1b[1;31mFAIL\x1b[0m  A loss offsets an add  (./nca/loss.yaml)\n\
             \x20     \x1b[1m--- expected\x1b[0m\n\
             \x20     \x1b[1m+++ actual\x1b[0m\n\
             \x20     \x1b[36m@@ -1,2 +1,2 @@\x1b[0m\n\
             \x20      path: smb\n\
             \x20     \x1b[31m-total: 10\x1b[0m\n\
             \x20     \x1b[32m+total: 0\x1b[0m\n\
             \x1b[32mpass\x1b[0m  One cent blocks an add  (./nca/one-cent.yaml)\n\
             1 passed, 1 failed, 2 not selected\n",
            "env {env:?}"
        );
    }
    let o = d.check(&["--color", "always", "."]);
    assert!(stdout(&o).contains("\x1b[33mskip\x1b[0m  ./partners/contoso.yaml"));
    d.write("nca/broken.yaml", "as_of: 2024-13\n");
    let o = d.check(&["--color", "always", "."]);
    assert!(stdout(&o).contains("\x1b[1;31mERROR\x1b[0m ./nca/broken.yaml\n"));
}

#[test]
fn colour_words_are_refused_unless_known() {
    let d = corpus("badcolor");
    let o = d.check(&["--color", "sometimes", "."]);
    assert_eq!(code(&o), 2);
}

/// `auto` on a real terminal: colour, unless `NO_COLOR` is set to something. Runs
/// where util-linux `script` can provide a terminal.
#[cfg(target_os = "linux")]
#[test]
fn auto_colours_a_terminal_unless_no_color_is_set() {
    let d = corpus("tty");
    let on_terminal = |no_color: Option<&str>| -> Option<String> {
        let cmd = format!(
            "'{}' check --tag net-customer-adds .",
            env!("CARGO_BIN_EXE_pcscore")
        );
        let mut script = Command::new("script");
        script
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(&d.0)
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            script.env("NO_COLOR", v);
        }
        let out = script.output().ok()?;
        out.status.code()?;
        Some(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let Some(coloured) = on_terminal(None) else {
        eprintln!("`script` is not available: the terminal case is covered by unit tests only");
        return;
    };
    assert!(coloured.contains("\x1b[1;31mFAIL\x1b[0m"), "{coloured:?}");
    let plain = on_terminal(Some("1")).expect("script ran before");
    assert!(plain.contains("FAIL  A loss"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let empty = on_terminal(Some("")).expect("script ran before");
    assert!(
        empty.contains("\x1b[1;31mFAIL\x1b[0m"),
        "an empty NO_COLOR is unset: {empty:?}"
    );
}

// ---------------------------------------------------------------- order

#[test]
fn many_files_come_out_in_path_order_every_time() {
    let d = Dir::new("order");
    // Written in a scrambled order across folders, one in seven failing, and two files
    // sharing a name: the later path is the duplicate, however the threads finish.
    let mut written = Vec::new();
    for i in 0..200u32 {
        let k = (i * 73) % 200;
        let rel = format!("area-{}/s-{:03}.yaml", k % 5, k);
        let total = if k % 7 == 0 { 1 } else { 0 };
        d.write(
            &rel,
            &scenario(&format!("Scenario {k}"), &["gen"], &[], total),
        );
        written.push(rel);
    }
    d.write("area-9/dup.yaml", &scenario("Scenario 3", &["gen"], &[], 0));

    let first = d.check(&["."]);
    assert_eq!(code(&first), 2);
    let out = stdout(&first);
    let files: Vec<String> = out
        .lines()
        .filter_map(|l| {
            l.strip_prefix("pass  ")
                .or_else(|| l.strip_prefix("FAIL  "))
                .and_then(|rest| rest.rsplit_once("  ("))
                .map(|(_, f)| f.trim_end_matches(')').to_string())
                .or_else(|| l.strip_prefix("ERROR ").map(str::to_string))
        })
        .collect();
    let mut sorted: Vec<String> = written.iter().map(|r| format!("./{r}")).collect();
    sorted.push("./area-9/dup.yaml".into());
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(out.contains("ERROR ./area-9/dup.yaml\n      ./area-9/dup.yaml:"));
    assert!(out.contains(": name: found `Scenario 3`, already the name of ./area-3/s-003.yaml"));
    let failing = (0..200).filter(|k| k % 7 == 0).count();
    assert!(out.ends_with(&format!(
        "1 file could not be checked (exit code 2)\n{} passed, {} failed\n",
        200 - failing,
        failing + 1
    )));

    for _ in 0..3 {
        assert_eq!(stdout(&d.check(&["."])), out);
    }
    let json = stdout(&d.check(&["--format", "json", "."]));
    for _ in 0..2 {
        assert_eq!(stdout(&d.check(&["--format", "json", "."])), json);
    }
}

// ---------------------------------------------------------------- a small XML reader

/// Just enough XML to prove the JUnit report well-formed and to read it back: elements,
/// attributes, character data and the five entities plus numeric references. Anything
/// else (comments, CDATA, DTDs) is refused, since the report never writes them.
mod xml {
    #[derive(Debug)]
    pub struct Element {
        pub name: String,
        pub attrs: Vec<(String, String)>,
        pub children: Vec<Element>,
        pub text: String,
    }

    impl Element {
        pub fn attr(&self, name: &str) -> &str {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("<{}> has no attribute {name}", self.name))
        }
    }

    pub fn parse(input: &str) -> Result<Element, String> {
        let rest = input
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .ok_or("no XML declaration")?;
        let mut p = Parser { s: rest, pos: 0 };
        let root = p.element()?;
        if !p.s[p.pos..].trim().is_empty() {
            return Err(format!("content after the root element at {}", p.pos));
        }
        Ok(root)
    }

    struct Parser<'a> {
        s: &'a str,
        pos: usize,
    }

    impl Parser<'_> {
        fn rest(&self) -> &str {
            &self.s[self.pos..]
        }

        fn eat(&mut self, token: &str) -> Result<(), String> {
            if self.rest().starts_with(token) {
                self.pos += token.len();
                Ok(())
            } else {
                Err(format!(
                    "expected `{token}` at {}: {:.40}",
                    self.pos,
                    self.rest()
                ))
            }
        }

        fn spaces(&mut self) {
            let n = self.rest().len() - self.rest().trim_start().len();
            self.pos += n;
        }

        fn name(&mut self) -> Result<String, String> {
            let n = self
                .rest()
                .find(|c: char| !(c.is_alphanumeric() || "_-.:".contains(c)))
                .unwrap_or(self.rest().len());
            if n == 0 {
                return Err(format!("expected a name at {}", self.pos));
            }
            let name = self.rest()[..n].to_string();
            self.pos += n;
            Ok(name)
        }

        fn element(&mut self) -> Result<Element, String> {
            self.spaces();
            self.eat("<")?;
            let name = self.name()?;
            let mut attrs: Vec<(String, String)> = Vec::new();
            loop {
                self.spaces();
                if self.rest().starts_with("/>") {
                    self.pos += 2;
                    return Ok(Element {
                        name,
                        attrs,
                        children: Vec::new(),
                        text: String::new(),
                    });
                }
                if self.rest().starts_with('>') {
                    self.pos += 1;
                    break;
                }
                let key = self.name()?;
                self.eat("=\"")?;
                let end = self.rest().find('"').ok_or("unterminated attribute")?;
                let raw = &self.rest()[..end];
                if raw.contains('<') {
                    return Err(format!("`<` in attribute {key}"));
                }
                let value = unescape(raw)?;
                self.pos += end + 1;
                if attrs.iter().any(|(k, _)| *k == key) {
                    return Err(format!("attribute {key} twice"));
                }
                attrs.push((key, value));
            }
            let mut children = Vec::new();
            let mut text = String::new();
            loop {
                let end = self.rest().find('<').ok_or("unterminated element")?;
                text.push_str(&unescape(&self.rest()[..end])?);
                self.pos += end;
                if self.rest().starts_with("</") {
                    self.pos += 2;
                    let close = self.name()?;
                    if close != name {
                        return Err(format!("<{name}> closed by </{close}>"));
                    }
                    self.spaces();
                    self.eat(">")?;
                    let text = if children.is_empty() {
                        text
                    } else if text.trim().is_empty() {
                        String::new()
                    } else {
                        return Err(format!("mixed content in <{name}>"));
                    };
                    return Ok(Element {
                        name,
                        attrs,
                        children,
                        text,
                    });
                }
                if self.rest().starts_with("<!") || self.rest().starts_with("<?") {
                    return Err(format!("unexpected markup at {}", self.pos));
                }
                children.push(self.element()?);
            }
        }
    }

    fn unescape(raw: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').ok_or("unterminated reference")? + i;
            let entity = &rest[i + 1..end];
            let ch = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let code = if let Some(hex) = entity.strip_prefix("#x") {
                        u32::from_str_radix(hex, 16)
                    } else if let Some(dec) = entity.strip_prefix('#') {
                        dec.parse()
                    } else {
                        return Err(format!("unknown entity &{entity};"));
                    }
                    .map_err(|e| format!("bad reference &{entity};: {e}"))?;
                    let ok = matches!(code, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF);
                    char::from_u32(code)
                        .filter(|_| ok)
                        .ok_or(format!("&{entity}; is not an XML character"))?
                }
            };
            out.push(ch);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        if let Some(c) = out
            .chars()
            .find(|c| (*c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        {
            return Err(format!("control character {:?} is not allowed in XML", c));
        }
        Ok(out)
    }

    #[test]
    fn the_reader_refuses_what_is_not_well_formed() {
        let ok = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &amp; 2\"><b>t &lt; u</b><c/></a>\n";
        let root = parse(ok).expect("well-formed");
        assert_eq!(root.attr("x"), "1 & 2");
        assert_eq!(root.children[0].text, "t < u");
        for bad in [
            "<a><b></a></b>",
            "<a x=\"1\" x=\"2\"/>",
            "<a>&nbsp;</a>",
            "<a>a & b</a>",
            "<a x=\"<\"/>",
            "<a>\u{1b}</a>",
            "<a/><b/>",
            "<a>",
        ] {
            let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{bad}");
            assert!(parse(&doc).is_err(), "accepted {bad}");
        }
    }
}
