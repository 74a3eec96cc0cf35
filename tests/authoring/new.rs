//! `pcscore new`: a starting scenario that loads, validates and passes `check` as
//! written, with its options applied, and never written over an existing file.

use crate::json_schema::validate;
use crate::{pcscore, printed_schema, root, yaml_to_json, TempDir};
use pcscore::authoring::schema::SHIPPED_PATH;
use std::path::Path;

/// A folder laid out like the repository: the shipped schema under `schema/`.
fn project() -> TempDir {
    let dir = TempDir::new();
    let schema = dir.path().join(SHIPPED_PATH);
    std::fs::create_dir_all(schema.parent().expect("a folder")).expect("create schema/");
    std::fs::copy(root().join(SHIPPED_PATH), &schema).expect("copy the schema");
    dir
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The files under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                let relative = path.strip_prefix(base).expect("under the base");
                out.push(relative.display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// `pcscore check FILE` passes the one scenario.
fn passes_check(dir: &Path, file: &str, name: &str) {
    let run = pcscore(dir, &["check", file]);
    assert_eq!(
        run.stdout,
        format!("pass  {name}  ({file})\n1 passed, 0 failed\n"),
        "pcscore check {file}:\n{}",
        run.stderr
    );
    assert_eq!(run.status, 0);
}

/// The value written after `key: ` at the start of a line (comments cut off).
fn value_of<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .map(|v| v.split(" #").next().unwrap_or(v).trim())
}

#[test]
fn new_writes_a_scenario_that_loads_validates_and_passes_check() {
    let dir = project();
    let file = "scenarios/area/two-admins.yaml";
    let run = pcscore(dir.path(), &["new", file, "--as-of", "2024-12"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "created scenarios/area/two-admins.yaml\n\
             next: replace the sample data, write the points you expect under `expected:`, \
             then run `pcscore check scenarios/area/two-admins.yaml`\n",
            ""
        )
    );
    let text = read(dir.path(), file);
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=../../schema/scenario.schema.json")
    );
    assert!(dir
        .path()
        .join("scenarios/area/../../schema/scenario.schema.json")
        .is_file());
    assert_eq!(value_of(&text, "name"), Some("Two admins"));
    assert_eq!(value_of(&text, "as_of"), Some("2024-12"));
    assert_eq!(
        value_of(&text, "designation"),
        Some("digital-app-innovation")
    );
    assert_eq!(
        value_of(&text, "path"),
        None,
        "no --path: the path is derived"
    );
    let problems = validate(&printed_schema(), &yaml_to_json(&text));
    assert!(problems.is_empty(), "{problems:?}");
    passes_check(dir.path(), file, "Two admins");
    // A customer, a person with certifications and a deployment, each field explained.
    let doc = pcscore::load::load_str(&text, file).expect("the template loads");
    assert_eq!(doc.situation.customers.len(), 1);
    assert_eq!(doc.situation.people[0].certifications.len(), 2);
    assert_eq!(doc.situation.deployments.len(), 1);
    let expected = doc.expected.expect("an expected: block");
    assert!(expected.total.is_some() && expected.attained.is_some());
    for key in [
        "segment:",
        "attribution:",
        "acr:",
        "associated:",
        "expires:",
        "service_level:",
    ] {
        let line = text.lines().find(|l| l.trim_start().starts_with(key));
        assert!(
            line.is_some_and(|l| l.contains(" # ")),
            "`{key}` is written with a comment: {line:?}"
        );
    }
    // Nothing but the new file (and the folder made for it) was written.
    assert_eq!(
        listing(dir.path()),
        [file.to_string(), SHIPPED_PATH.to_string()]
    );
}

#[test]
fn the_options_set_the_path_and_the_month() {
    let dir = project();
    for (path, as_of, file) in [
        ("enterprise", "2023-06", "enterprise.yaml"),
        ("smb", "2025-01", "smb.yaml"),
    ] {
        let run = pcscore(dir.path(), &["new", file, "--path", path, "--as-of", as_of]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let text = read(dir.path(), file);
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=schema/scenario.schema.json")
        );
        assert_eq!(value_of(&text, "path"), Some(path));
        assert_eq!(value_of(&text, "as_of"), Some(as_of));
        let doc = pcscore::load::load_str(&text, file).expect("loads");
        let expected = doc.expected.expect("an expected: block");
        assert_eq!(expected.path.map(|p| p.as_str()), Some(path));
        let name = if path == "smb" { "Smb" } else { "Enterprise" };
        passes_check(dir.path(), file, name);
    }
}

#[test]
fn the_month_defaults_to_the_one_before_the_current_month() {
    let dir = project();
    let month = || {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs();
        let today = chrono::DateTime::from_timestamp(secs as i64, 0)
            .expect("a date")
            .date_naive();
        pcscore::model::Month::of_date(today)
            .expect("a month")
            .months_before(1)
            .to_string()
    };
    let before = month();
    let run = pcscore(dir.path(), &["new", "default.yaml"]);
    let after = month();
    assert_eq!(run.status, 0, "{}", run.stderr);
    let text = read(dir.path(), "default.yaml");
    let as_of = value_of(&text, "as_of").expect("as_of");
    assert!(
        as_of == before || as_of == after,
        "as_of {as_of}, expected {before}"
    );
    passes_check(dir.path(), "default.yaml", "Default");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = project();
    let file = "mine.yaml";
    std::fs::write(dir.path().join(file), "keep me\n").expect("write");
    let run = pcscore(dir.path(), &["new", file, "--as-of", "2024-12"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: mine.yaml: found an existing file, expected the name of a file that does not \
         exist yet (`pcscore new` never overwrites; choose another name or remove it first)\n"
    );
    assert_eq!(read(dir.path(), file), "keep me\n");
    let run = pcscore(dir.path(), &["new", "schema", "--as-of", "2024-12"]);
    assert_eq!(run.status, 2, "a folder is refused too");
    assert_eq!(
        listing(dir.path()),
        [file.to_string(), SHIPPED_PATH.to_string()]
    );
}

#[test]
fn a_designation_without_rules_is_refused_and_nothing_is_written() {
    let dir = project();
    let run = pcscore(
        dir.path(),
        &[
            "new",
            "x.yaml",
            "--designation",
            "security",
            "--edition",
            "2025-01",
        ],
    );
    assert_eq!((run.status, run.stdout.as_str()), (2, ""));
    assert_eq!(
        run.stderr,
        "error: designation `security` has no rules in edition 2025-01 (EDITION.MISSING); it \
         has rules in `2026-05`: name one with `--edition 2026-05`\n"
    );
    let run = pcscore(
        dir.path(),
        &[
            "new",
            "x.yaml",
            "--designation",
            "data-ai",
            "--edition",
            "2025-01",
        ],
    );
    assert_eq!((run.status, run.stdout.as_str()), (2, ""));
    assert_eq!(
        run.stderr,
        "error: designation `data-ai` has no rules in edition 2025-01 (EDITION.MISSING); it \
         has rules in `2026-05`: name one with `--edition 2026-05`\n"
    );
    let run = pcscore(dir.path(), &["new", "x.yaml", "--designation", "azure"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.starts_with(
            "error: --designation: found `azure`, expected one of `business-applications`"
        ),
        "{}",
        run.stderr
    );
    let run = pcscore(
        dir.path(),
        &[
            "new",
            "x.yaml",
            "--designation",
            "digital-app-innovation",
            "--as-of",
            "2024-12",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        listing(dir.path()),
        [SHIPPED_PATH.to_string(), "x.yaml".to_string()]
    );
}

#[test]
fn bad_options_are_refused_with_exit_code_2() {
    let dir = project();
    let cases: [(&[&str], &str); 4] = [
        (
            &["new", "x.yaml", "--as-of", "2024-13"],
            "error: --as-of: found `2024-13`, expected a month written YYYY-MM, such as \
             `2024-12`, with the month 01 to 12\n",
        ),
        (
            &["new", "x.yaml", "--as-of", "0001-12"],
            "error: --as-of: found `0001-12`, expected a month from 0002-01 to 9996-12\n",
        ),
        (
            &["new", "notes.txt", "--as-of", "2024-12"],
            "error: notes.txt: found a file name without `.yaml` or `.yml`, expected a name \
             such as `scenarios/my-case.yaml` (`pcscore check` reads only those)\n",
        ),
        (
            &["new", "x.yaml", "--path", "middle"],
            "error: invalid value 'middle' for '--path <PATH>'",
        ),
    ];
    for (args, stderr) in cases {
        let run = pcscore(dir.path(), args);
        assert_eq!(run.status, 2, "{args:?}");
        assert!(run.stderr.starts_with(stderr), "{args:?}:\n{}", run.stderr);
    }
    assert_eq!(listing(dir.path()), [SHIPPED_PATH.to_string()]);
}

#[test]
fn without_a_schema_above_the_file_the_editor_line_is_left_out_with_a_note() {
    let dir = TempDir::new();
    let run = pcscore(dir.path(), &["new", "deep/er/x.yml", "--as-of", "2024-12"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "note: no `schema/scenario.schema.json` in the file's folder or above it, so the file \
         has no `# yaml-language-server` line; `pcscore schema > scenario.schema.json` \
         writes the schema for your editor\n"
    );
    let text = read(dir.path(), "deep/er/x.yml");
    assert!(!text.contains("$schema"), "{text}");
    assert!(
        text.contains("`pcscore schema`"),
        "the file says how to get one"
    );
    passes_check(dir.path(), "deep/er/x.yml", "X");
}

/// Every rulebook pcscore ships gets a starting scenario that passes `check` as written:
/// the workload designations get tenants with the workloads their rules read.
#[test]
fn every_rulebook_gets_a_template_that_passes_check() {
    for book in pcscore::rulebook::registry::all() {
        let dir = project();
        let file = format!("{}-{}/sample.yaml", book.designation, book.edition);
        let run = pcscore(
            dir.path(),
            &[
                "new",
                &file,
                "--designation",
                &book.designation,
                "--edition",
                &book.edition,
            ],
        );
        assert_eq!(run.status, 0, "{file}: {}", run.stderr);
        passes_check(dir.path(), &file, "Sample");
        let text = read(dir.path(), &file);
        if book.reads().reads_workloads() {
            assert!(text.contains("    workloads:"), "{text}");
        }
    }
}
