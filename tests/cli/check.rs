//! `check`: one line per scenario, a diff of the written keys per mismatch, the closing
//! `N passed, N failed` line, recursion in sorted order (links followed, each file
//! once, pipes never opened), skips, and names unique per run.

use crate::{unindent, Test};

/// One customer and one deployment: 2 points for deployments, 2 in total, SMB path (the
/// customer has no ACR in the trailing twelve months, so it does not drive the path).
fn scenario(name: &str, expected: &str) -> String {
    format!(
        "name: {name}\n\
         as_of: 2024-12\n\
         customers:\n  \
           - {{id: contoso, segment: enterprise, attribution: [PAL]}}\n\
         deployments:\n  \
           - {{customer: contoso, service: Azure Kubernetes Service, service_level: 2, month: 2024-06}}\n\
         expected:\n{expected}"
    )
}

fn passing(name: &str) -> String {
    scenario(name, "  points:\n    deployments: 2\n  total: 2\n")
}

#[test]
fn a_passing_and_a_failing_scenario() {
    Test::new()
        .file(
            "scenarios/passing.yaml",
            passing("Deployments alone earn two points"),
        )
        .file(
            "scenarios/failing.yaml",
            scenario(
                "An analyst expects too much",
                "  path: smb\n  points:\n    deployments: 4\n  total: 4\n",
            ),
        )
        .args(&["check", "scenarios"])
        .stdout(unindent(
            "
            FAIL  An analyst expects too much  (scenarios/failing.yaml)
                  --- expected
                  +++ actual
                  @@ -1,4 +1,4 @@
                   path: smb
                   points:
                  -  deployments: 4
                  -total: 4
                  +  deployments: 2
                  +total: 2
            pass  Deployments alone earn two points  (scenarios/passing.yaml)
            1 passed, 1 failed
            ",
        ))
        .status(1)
        .run();
}

/// The diff shows the keys the scenario wrote and nothing else: no unwritten points, no
/// categories, no `attained`.
#[test]
fn the_diff_is_restricted_to_the_keys_written() {
    Test::new()
        .file(
            "one-key.yaml",
            scenario("Only the total is written", "  total: 3\n"),
        )
        .args(&["check", "one-key.yaml"])
        .stdout(unindent(
            "
            FAIL  Only the total is written  (one-key.yaml)
                  --- expected
                  +++ actual
                  @@ -1 +1 @@
                  -total: 3
                  +total: 2
            0 passed, 1 failed
            ",
        ))
        .status(1)
        .run();
    Test::new()
        .file(
            "some-keys.yaml",
            scenario(
                "A category and one subcategory",
                "  points:\n    usage_growth: 5\n  categories:\n    customer_success: 2\n",
            ),
        )
        .args(&["check", "some-keys.yaml"])
        .stdout(unindent(
            "
            FAIL  A category and one subcategory  (some-keys.yaml)
                  --- expected
                  +++ actual
                  @@ -1,4 +1,4 @@
                   points:
                  -  usage_growth: 5
                  +  usage_growth: 0
                   categories:
                     customer_success: 2
            0 passed, 1 failed
            ",
        ))
        .status(1)
        .run();
}

#[test]
fn every_scenario_passing_exits_0() {
    Test::new()
        .file("a.yaml", passing("First"))
        .file("b.yaml", passing("Second"))
        .args(&["check", "a.yaml", "b.yaml"])
        .stdout("pass  First  (a.yaml)\npass  Second  (b.yaml)\n2 passed, 0 failed\n")
        .run();
}

/// Folders are searched recursively, `.yaml` and `.yml` alike, and files are checked in
/// path order whatever their names; hidden folders and other extensions are left alone.
#[test]
fn check_recurses_in_sorted_path_order() {
    Test::new()
        .file("scenarios/b/z.yaml", passing("Alpha"))
        .file("scenarios/b/a/deep.yml", passing("Beta"))
        .file("scenarios/a.yaml", passing("Gamma"))
        .file("scenarios/c/d/e/f.yaml", passing("Delta"))
        .file("scenarios/.hidden/x.yaml", "this: is not checked\n")
        .file("scenarios/notes.txt", "not a scenario\n")
        .file("scenarios/README.md", "# not a scenario\n")
        .args(&["check"])
        .stdout(unindent(
            "
            pass  Gamma  (scenarios/a.yaml)
            pass  Beta  (scenarios/b/a/deep.yml)
            pass  Alpha  (scenarios/b/z.yaml)
            pass  Delta  (scenarios/c/d/e/f.yaml)
            4 passed, 0 failed
            ",
        ))
        .run();
}

#[test]
fn a_file_named_twice_is_checked_once() {
    Test::new()
        .file("scenarios/a.yaml", passing("Once"))
        .args(&["check", "scenarios", "scenarios/a.yaml"])
        .stdout("pass  Once  (scenarios/a.yaml)\n1 passed, 0 failed\n")
        .run();
}

#[test]
fn a_partner_file_without_expected_is_skipped() {
    Test::new()
        .file("scenarios/a.yaml", passing("A scenario"))
        .file("scenarios/partner.yaml", "as_of: 2024-12\ncustomers: []\n")
        .args(&["check"])
        .stdout(unindent(
            "
            pass  A scenario  (scenarios/a.yaml)
            skip  scenarios/partner.yaml  (no `expected:` block: a partner file, not a scenario)
            1 passed, 0 failed, 1 skipped
            ",
        ))
        .run();
}

#[test]
fn duplicate_scenario_names_across_files_are_bad_input() {
    Test::new()
        .file("scenarios/one.yaml", passing("The same name"))
        .file("scenarios/sub/two.yaml", passing("The same name"))
        .args(&["check"])
        .stdout(unindent(
            "
            pass  The same name  (scenarios/one.yaml)
            ERROR scenarios/sub/two.yaml
                  scenarios/sub/two.yaml:1:7: name: found `The same name`, already the name of scenarios/one.yaml, expected a scenario name unique within the run
                    |
                  1 | name: The same name
                    |       ^
            1 file could not be checked (exit code 2)
            1 passed, 1 failed
            ",
        ))
        .status(2)
        .run();
}

/// A bad file is reported and the others are still checked; bad input outranks a
/// mismatch in the exit code.
#[test]
fn a_bad_file_does_not_stop_the_run() {
    Test::new()
        .file("scenarios/a.yaml", passing("Checked before"))
        .file("scenarios/b.yaml", "as_of: 2024-13\n")
        .file(
            "scenarios/c.yaml",
            scenario("Checked after, and failing", "  total: 1\n"),
        )
        .args(&["check"])
        .stdout_contains("pass  Checked before  (scenarios/a.yaml)\n")
        .stdout_contains(
            "ERROR scenarios/b.yaml\n      \
             scenarios/b.yaml:1:8: as_of: found `2024-13`, expected a month written YYYY-MM",
        )
        .stdout_contains("FAIL  Checked after, and failing  (scenarios/c.yaml)\n")
        .stdout_contains("1 file could not be checked (exit code 2)\n1 passed, 2 failed\n")
        .status(2)
        .run();
}

#[test]
fn a_folder_without_scenarios_is_bad_input() {
    Test::new()
        .file("scenarios/notes.txt", "nothing to check\n")
        .args(&["check"])
        .stderr("error: no scenario files (.yaml, .yml) found under scenarios\n")
        .status(2)
        .run();
}

#[test]
fn check_without_a_scenarios_folder_is_bad_input() {
    Test::new()
        .args(&["check"])
        .stderr("error: scenarios: found no such file or folder, expected a scenario file or a folder of them\n")
        .status(2)
        .run();
}

/// A symbolic link to a folder is followed like the folder itself, and a link to a file
/// like the file; the report shows the path as found.
#[test]
fn linked_folders_and_files_are_checked() {
    Test::new()
        .file(
            "elsewhere/deep.yaml",
            passing("Reached through a folder link"),
        )
        .file("kept/one.yaml", passing("Reached through a file link"))
        .file("scenarios/own.yaml", passing("In the folder itself"))
        .symlink("scenarios/linked", "../elsewhere")
        .symlink("scenarios/single.yaml", "../kept/one.yaml")
        .args(&["check"])
        .stdout(unindent(
            "
            pass  Reached through a folder link  (scenarios/linked/deep.yaml)
            pass  In the folder itself  (scenarios/own.yaml)
            pass  Reached through a file link  (scenarios/single.yaml)
            3 passed, 0 failed
            ",
        ))
        .run();
}

/// A link back up the tree is a loop: each folder is read once, so the run ends and
/// every file is checked once.
#[test]
fn a_loop_of_folder_links_is_read_once() {
    Test::new()
        .file("scenarios/a.yaml", passing("Only once"))
        .symlink("scenarios/sub/up", "..")
        .symlink("scenarios/self", ".")
        .args(&["check"])
        .stdout("pass  Only once  (scenarios/a.yaml)\n1 passed, 0 failed\n")
        .run();
}

/// The same folder spelt two ways is one folder: its files are checked once, under the
/// first spelling in sorted order, not refused as names used twice.
#[test]
fn a_folder_named_twice_in_two_spellings_is_checked_once() {
    Test::new()
        .file("dir/a.yaml", passing("First"))
        .file("dir/b.yaml", passing("Second"))
        .args(&["check", "dir", "./dir"])
        .stdout("pass  First  (./dir/a.yaml)\npass  Second  (./dir/b.yaml)\n2 passed, 0 failed\n")
        .run();
    Test::new()
        .file("dir/a.yaml", passing("Once"))
        .symlink("alias.yaml", "dir/a.yaml")
        .args(&["check", "dir/a.yaml", "alias.yaml"])
        .stdout("pass  Once  (alias.yaml)\n1 passed, 0 failed\n")
        .run();
}

/// A named pipe called `x.yaml` in a folder is never opened (opening it would wait for
/// a writer forever): the run stops on it, naming it. The Test's timeout turns a hang
/// into a failure.
#[test]
fn a_named_pipe_in_a_folder_is_refused_not_opened() {
    Test::new()
        .file("scenarios/a.yaml", passing("A scenario"))
        .fifo("scenarios/x.yaml")
        .args(&["check"])
        .stderr("error: scenarios/x.yaml: found a named pipe (FIFO), expected a regular file\n")
        .status(2)
        .run();
}
