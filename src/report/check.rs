//! The text output of `pcscore check`: one line per scenario, diffs for mismatches,
//! and the closing `N passed, N failed` line. Colour is an option of the caller, which
//! alone knows whether the output reaches a terminal.

use super::{count, one_line, one_line_path, visible_lines};
use crate::load::LoadError;
use crate::scenario::{Case, CheckError, Status, Summary};

/// How [`check_text_with`] renders a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckText {
    /// ANSI colours on the status words and the diff lines.
    pub color: bool,
    /// Files checked but left out by a selection, counted in the summary line.
    pub not_selected: usize,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const BOLD_RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

/// The report of a check run, plain.
pub fn check_text(cases: &[Case]) -> String {
    check_text_with(cases, CheckText::default())
}

/// The report of a check run; with colour, the same text with ANSI colours added.
pub fn check_text_with(cases: &[Case], options: CheckText) -> String {
    let paint = |colour: &str, text: &str| {
        if options.color {
            format!("{colour}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    for c in cases {
        match &c.status {
            Status::Passed => out.push_str(&format!(
                "{}  {}  ({})\n",
                paint(GREEN, "pass"),
                one_line(&c.name),
                one_line_path(&c.file)
            )),
            Status::Failed { diff } => {
                out.push_str(&format!(
                    "{}  {}  ({})\n",
                    paint(BOLD_RED, "FAIL"),
                    one_line(&c.name),
                    one_line_path(&c.file)
                ));
                for line in visible_lines(diff.trim_end_matches('\n')) {
                    let colour = if line.starts_with("---") || line.starts_with("+++") {
                        BOLD
                    } else if line.starts_with('-') {
                        RED
                    } else if line.starts_with('+') {
                        GREEN
                    } else if line.starts_with("@@") {
                        CYAN
                    } else {
                        ""
                    };
                    if colour.is_empty() {
                        out.push_str(&format!("      {line}\n"));
                    } else {
                        out.push_str(&format!("      {}\n", paint(colour, &line)));
                    }
                }
            }
            Status::Invalid { error } => {
                out.push_str(&format!(
                    "{} {}\n",
                    paint(BOLD_RED, "ERROR"),
                    one_line_path(&c.file)
                ));
                for line in check_error_lines(error) {
                    out.push_str(&format!("      {line}\n"));
                }
            }
            Status::NotAScenario => out.push_str(&format!(
                "{}  {}  (no `expected:` block: a partner file, not a scenario)\n",
                paint(YELLOW, "skip"),
                one_line_path(&c.file)
            )),
        }
    }
    out.push_str(&check_summary(cases, options.not_selected));
    out
}

/// The lines of an error as the text reports show them: its message, then the source
/// line and caret when it has a place. Whatever the file put in the field path, found
/// or expected text is kept on the message's one line, with control characters shown
/// visibly ([`one_line`]), so no file can add or rewrite a line of the report.
pub fn check_error_lines(error: &CheckError) -> Vec<String> {
    let Some(located) = error.located() else {
        return vec![one_line(&error.to_string()).into_owned()];
    };
    let head = LoadError {
        source_line: None,
        ..located.clone()
    }
    .to_string();
    let whole = located.to_string();
    let mut lines = vec![one_line(&head).into_owned()];
    // The caret drawing follows the message's own lines in `Display`.
    let drawing = whole.split('\n').skip(head.split('\n').count());
    lines.extend(drawing.map(|l| one_line(l).into_owned()));
    lines
}

/// The closing lines of the text report, never coloured: `N passed, N failed`, with
/// `, N skipped` and `, N not selected` when there are any, after a line counting the
/// files that could not be checked, when there are any. `check --output` prints them.
pub fn check_summary(cases: &[Case], not_selected: usize) -> String {
    let s = Summary::of(cases);
    let mut out = String::new();
    if s.invalid > 0 {
        out.push_str(&format!(
            "{} could not be checked (exit code 2)\n",
            count(s.invalid, "file", "files")
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
    if not_selected > 0 {
        out.push_str(&format!(", {not_selected} not selected"));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn case(name: &str, file: &str, status: Status) -> Case {
        Case {
            file: PathBuf::from(file),
            name: name.to_string(),
            name_at: None,
            tags: Vec::new(),
            status,
            actual: None,
            expected: None,
        }
    }

    /// Issue 9 (6): `\e[2K\r` erased the `FAIL` line on a terminal and wrote `pass`
    /// over it; a newline added a line of its own.
    #[test]
    fn names_and_paths_cannot_rewrite_or_add_lines() {
        let cases = [
            case(
                "evil\u{1b}[2K\rpass  a forged scenario",
                "a\nb.yaml",
                Status::Failed {
                    diff: "--- expected\n+++ actual\n@@ -1 +1 @@\n-total: 1\n+total: 0\n".into(),
                },
            ),
            case("two\nlines", "c.yaml", Status::Passed),
            case("x", "d\r.yaml", Status::NotAScenario),
            case(
                "e.yaml",
                "e.yaml",
                Status::Invalid {
                    error: crate::load::LoadError {
                        field: "name".into(),
                        ..crate::load::LoadError::whole_file(
                            "e.yaml",
                            "`x\u{1b}[2K\rpass`",
                            "text\nwithout control characters",
                        )
                    }
                    .into(),
                },
            ),
        ];
        for color in [false, true] {
            let text = check_text_with(
                &cases,
                CheckText {
                    color,
                    not_selected: 0,
                },
            );
            let plain = [RESET, BOLD, BOLD_RED, RED, GREEN, YELLOW, CYAN]
                .iter()
                .fold(text.clone(), |t, code| t.replace(code, ""));
            assert!(!plain.contains(['\u{1b}', '\r']), "{plain:?}");
            assert_eq!(
                plain,
                "FAIL  evil\\e[2K\\rpass  a forged scenario  (a\\nb.yaml)\n      \
                 --- expected\n      +++ actual\n      @@ -1 +1 @@\n      -total: 1\n      \
                 +total: 0\npass  two\\nlines  (c.yaml)\n\
                 skip  d\\r.yaml  (no `expected:` block: a partner file, not a scenario)\n\
                 ERROR e.yaml\n      \
                 e.yaml: name: found `x\\e[2K\\rpass`, expected text\\nwithout control \
                 characters\n\
                 1 file could not be checked (exit code 2)\n\
                 1 passed, 2 failed, 1 skipped\n"
            );
        }
    }
}
