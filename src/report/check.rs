//! The text output of `pcscore check`: one line per scenario, diffs for mismatches,
//! and the closing `N passed, N failed` line.

use crate::scenario::{Case, Status, Summary};

/// The report of a check run.
pub fn check_text(cases: &[Case]) -> String {
    let mut out = String::new();
    for c in cases {
        match &c.status {
            Status::Passed => out.push_str(&format!("pass  {}  ({})\n", c.name, c.file.display())),
            Status::Failed { diff } => {
                out.push_str(&format!("FAIL  {}  ({})\n", c.name, c.file.display()));
                for line in diff.lines() {
                    out.push_str(&format!("      {line}\n"));
                }
            }
            Status::Invalid { message } => {
                out.push_str(&format!("ERROR {}\n", c.file.display()));
                for line in message.lines() {
                    out.push_str(&format!("      {line}\n"));
                }
            }
            Status::NotAScenario => out.push_str(&format!(
                "skip  {}  (no `expected:` block: a partner file, not a scenario)\n",
                c.file.display()
            )),
        }
    }
    let s = Summary::of(cases);
    if s.invalid > 0 {
        out.push_str(&format!(
            "{} could not be checked (exit code 2)\n",
            plural(s.invalid, "file")
        ));
    }
    out.push_str(&format!(
        "{} passed, {} failed",
        s.passed,
        s.failed + s.invalid
    ));
    if s.skipped > 0 {
        out.push_str(&format!(", {} skipped", s.skipped));
    }
    out.push('\n');
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
