//! `pcscore accept`, the command-line side: its options, whether it may ask (a
//! terminal, not CI), the questions, and the closing lists. The library reads, rewrites,
//! proves and writes (`pcscore::scenario::accept`); this file only talks to people.
//!
//! Decisions are collected first and the files written after the last answer, so
//! interrupting a review (Ctrl-C) writes nothing.

use clap::Args;
use pcscore::report;
use pcscore::scenario::accept::{self, CommitError, Pending, Proposal};
use pcscore::scenario::{self, Status};
use std::ffi::OsStr;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The options of `pcscore accept`.
#[derive(Args)]
pub struct AcceptArgs {
    /// Scenario files or folders, searched recursively for .yaml/.yml files.
    #[arg(default_value = "scenarios")]
    paths: Vec<PathBuf>,
    /// Accept every change without asking (for scripts; also allowed on CI).
    #[arg(long, short = 'y', conflicts_with = "dry_run")]
    yes: bool,
    /// Show every change and write nothing.
    #[arg(long, short = 'n')]
    dry_run: bool,
}

/// How this run treats a scenario it could accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Show it and ask.
    Ask,
    /// Show it and accept it (`--yes`).
    All,
    /// Show it only (`--dry-run`).
    Show,
    /// Show it, but asking is not possible here: end with an error and the commands
    /// that would work.
    Refuse(Refusal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Ci,
    NoTerminal,
}

/// The mode from the options and the surroundings; CI wins over a terminal, because a
/// CI job with a pseudo-terminal still has nobody to answer.
fn mode(yes: bool, dry_run: bool, ci: bool, terminal: bool) -> Mode {
    if dry_run {
        Mode::Show
    } else if yes {
        Mode::All
    } else if ci {
        Mode::Refuse(Refusal::Ci)
    } else if !terminal {
        Mode::Refuse(Refusal::NoTerminal)
    } else {
        Mode::Ask
    }
}

/// Whether `CI` says this is a CI run: set to anything but empty, `0` or `false`
/// (GitHub, GitLab, Azure Pipelines and most others set `CI=true`).
fn is_ci(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// One answer about one scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Accept,
    Reject,
    Skip,
}

const PROMPT: &str =
    "accept the engine's values? [a]ccept [r]eject [s]kip (A, R, S: this one and all the rest) ";

/// Asks until the answer is one of the six letters. The end of input skips this
/// scenario and the rest, so a closed stdin never accepts anything. The second value
/// is true when the answer holds for the rest too.
fn ask(input: &mut dyn BufRead, out: &mut dyn Write) -> (Decision, bool) {
    loop {
        let _ = write!(out, "{PROMPT}").and_then(|()| out.flush());
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => {
                let _ = writeln!(
                    out,
                    "\nno answer (end of input): skipping this one and the rest"
                );
                return (Decision::Skip, true);
            }
            Ok(_) => {}
        }
        match line.trim() {
            "a" => return (Decision::Accept, false),
            "r" => return (Decision::Reject, false),
            "s" => return (Decision::Skip, false),
            "A" => return (Decision::Accept, true),
            "R" => return (Decision::Reject, true),
            "S" => return (Decision::Skip, true),
            other => {
                let _ = writeln!(
                    out,
                    "found `{other}`, expected `a`, `r` or `s` (or `A`, `R`, `S` for this one and all the rest)"
                );
            }
        }
    }
}

/// What became of the scenarios of one run, for the closing lists and the exit code.
#[derive(Default)]
struct Tally {
    passing: usize,
    partner_files: usize,
    accepted: Vec<PathBuf>,
    rejected: Vec<PathBuf>,
    /// Skipped, with why when it was not the analyst's choice.
    skipped: Vec<(PathBuf, Option<String>)>,
    /// Shown by `--dry-run` or a refusal: would be accepted.
    would_accept: Vec<PathBuf>,
    /// Files that could not be checked, read again or written.
    errors: usize,
}

impl Tally {
    fn exit_code(&self, refused: bool) -> u8 {
        if self.errors > 0 || refused {
            2
        } else if !self.rejected.is_empty()
            || !self.skipped.is_empty()
            || !self.would_accept.is_empty()
        {
            1
        } else {
            0
        }
    }
}

/// Runs `pcscore accept`.
pub fn run(args: AcceptArgs) -> ExitCode {
    let files = match scenario::discover(&args.paths) {
        Err(e) => return super::fail(&e.to_string()),
        Ok(files) => files,
    };
    if files.is_empty() {
        return super::fail(&format!(
            "no scenario files (.yaml, .yml) found under {}",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mode = mode(
        args.yes,
        args.dry_run,
        is_ci(std::env::var_os("CI").as_deref()),
        std::io::stdin().is_terminal(),
    );
    let cases = scenario::check_files(&files);
    // Until the last answer a stdout that fails ends the run: no file is written
    // whose change could not be shown.
    let mut out = Stdout::default();
    let mut tally = Tally::default();
    let mut decided: Vec<(Pending, Decision)> = Vec::new();
    let mut for_the_rest: Option<Decision> = None;
    for case in &cases {
        match &case.status {
            Status::Passed => tally.passing += 1,
            Status::NotAScenario => tally.partner_files += 1,
            Status::Invalid { error } => {
                let lines = report::check_error_lines(error);
                if let Err(failed) = out.say(&error_block(&case.file, &lines.join("\n"))) {
                    return failed;
                }
                tally.errors += 1;
            }
            Status::Failed { .. } => match accept::propose(case) {
                // Fixed by someone since the check: a passing file is never touched.
                None => tally.passing += 1,
                Some(Proposal::Error { file, message }) => {
                    if let Err(failed) = out.say(&error_block(&file, &message)) {
                        return failed;
                    }
                    tally.errors += 1;
                }
                Some(Proposal::ByHand {
                    file,
                    name,
                    diff,
                    reason,
                }) => {
                    let block = format!(
                        "{}      not rewritten: {}:{}\n",
                        fail_block(&name, &file, &diff),
                        report::one_line_path(&file),
                        report::one_line(&reason.to_string())
                    );
                    if let Err(failed) = out.say(&block) {
                        return failed;
                    }
                    tally.skipped.push((
                        file,
                        Some("its expected: block must be edited by hand".into()),
                    ));
                }
                Some(Proposal::Ready(p)) => {
                    if let Err(failed) = out.say(&fail_block(&p.name, &p.file, &p.file_diff())) {
                        return failed;
                    }
                    let decision = match mode {
                        Mode::Show | Mode::Refuse(_) => {
                            tally.would_accept.push(p.file.clone());
                            continue;
                        }
                        Mode::All => Decision::Accept,
                        Mode::Ask => match for_the_rest {
                            Some(d) => d,
                            None => {
                                let (d, rest) =
                                    ask(&mut std::io::stdin().lock(), &mut std::io::stderr());
                                if rest {
                                    for_the_rest = Some(d);
                                }
                                d
                            }
                        },
                    };
                    decided.push((p, decision));
                }
            },
        }
    }
    for (p, decision) in decided {
        match decision {
            Decision::Reject => tally.rejected.push(p.file),
            Decision::Skip => tally.skipped.push((p.file, None)),
            Decision::Accept => match accept::commit(&p) {
                Ok(()) => tally.accepted.push(p.file),
                Err(CommitError::Changed { .. }) => tally.skipped.push((
                    p.file,
                    Some("changed since it was checked, so not written".into()),
                )),
                Err(e) => {
                    // The answers are given: the other files are still written, and
                    // the failure, if any, decides the exit code at the end.
                    let _ = out.say(&format!(
                        "ERROR {}\n      {}\n",
                        report::one_line_path(&p.file),
                        report::one_line(&e.to_string())
                    ));
                    tally.errors += 1;
                }
            },
        }
    }
    let _ = out.say(&closing(&tally, mode));
    if let Some(failed) = out.failed {
        return failed;
    }
    let refusal = match mode {
        Mode::Refuse(why) if !tally.would_accept.is_empty() => Some(why),
        _ => None,
    };
    if let Some(why) = refusal {
        eprint!("{}", refusal_text(why, &tally.would_accept, &args.paths));
    }
    ExitCode::from(tally.exit_code(refusal.is_some()))
}

/// Stdout, printed through `main`'s `print` (a closed pipe is fine), remembering the
/// first failure so it is reported once and decides the exit code.
#[derive(Default)]
struct Stdout {
    failed: Option<ExitCode>,
}

impl Stdout {
    /// Prints `text` unless an earlier write failed; `Err` with the exit code once one has.
    fn say(&mut self, text: &str) -> Result<(), ExitCode> {
        if let Some(failed) = self.failed {
            return Err(failed);
        }
        super::print(text).inspect_err(|&failed| self.failed = Some(failed))
    }
}

// Names, paths and messages come from the files: shown through `report::one_line` and
// its kin, a name with a line break or terminal codes cannot forge a line of the report.
fn fail_block(name: &str, file: &Path, diff: &str) -> String {
    let mut text = format!(
        "FAIL  {}  ({})\n",
        report::one_line(name),
        report::one_line_path(file)
    );
    for line in report::visible_lines(diff.trim_end_matches('\n')) {
        text.push_str(&format!("      {line}\n"));
    }
    text
}

fn error_block(file: &Path, message: &str) -> String {
    let mut text = format!("ERROR {}\n", report::one_line_path(file));
    for line in report::visible_lines(message.trim_end_matches('\n')) {
        text.push_str(&format!("      {line}\n"));
    }
    text
}

fn plain(files: &[PathBuf]) -> Vec<(&Path, Option<&str>)> {
    files.iter().map(|f| (f.as_path(), None)).collect()
}

/// The lists of what happened, the count line, and the next command when one helps.
fn closing(t: &Tally, mode: Mode) -> String {
    let mut text = String::new();
    let mut list = |title: &str, files: &[(&Path, Option<&str>)]| {
        if files.is_empty() {
            return;
        }
        text.push_str(&format!("{title}:\n"));
        for (file, why) in files {
            match why {
                Some(why) => text.push_str(&format!(
                    "  {}  ({})\n",
                    report::one_line_path(file),
                    report::one_line(why)
                )),
                None => text.push_str(&format!("  {}\n", report::one_line_path(file))),
            }
        }
    };
    list("accepted", &plain(&t.accepted));
    list("rejected", &plain(&t.rejected));
    list(
        "skipped",
        &t.skipped
            .iter()
            .map(|(f, why)| (f.as_path(), why.as_deref()))
            .collect::<Vec<_>>(),
    );
    list("would accept", &plain(&t.would_accept));
    let mut counts = vec![format!("{} passing", t.passing)];
    let mut count = |n: usize, what: &str| {
        if n > 0 {
            counts.push(format!("{n} {what}"));
        }
    };
    count(t.accepted.len(), "accepted");
    count(t.rejected.len(), "rejected");
    count(t.skipped.len(), "skipped");
    count(t.would_accept.len(), "to accept");
    count(t.errors, "with errors");
    match t.partner_files {
        0 => {}
        1 => counts.push("1 partner file".into()),
        n => counts.push(format!("{n} partner files")),
    }
    let nothing = t.accepted.is_empty()
        && t.rejected.is_empty()
        && t.skipped.is_empty()
        && t.would_accept.is_empty();
    text.push_str(&counts.join(", "));
    if nothing {
        text.push_str(" (nothing to accept)");
    } else if mode == Mode::Show {
        text.push_str(" (dry run: nothing written)");
    }
    text.push('\n');
    if mode == Mode::Show && !t.would_accept.is_empty() {
        text.push_str(&format!(
            "to accept them: {}\n",
            command("--yes ", &t.would_accept)
        ));
    }
    let again: Vec<PathBuf> = t.skipped.iter().map(|(f, _)| f.clone()).collect();
    if !again.is_empty() && matches!(mode, Mode::Ask | Mode::All) {
        text.push_str(&format!(
            "to see the skipped ones again: {}\n",
            command("", &again)
        ));
    }
    text
}

fn refusal_text(why: Refusal, files: &[PathBuf], paths: &[PathBuf]) -> String {
    let reason = match why {
        Refusal::Ci => "error: not asking on CI (`CI` is set): `pcscore accept` writes files only when told to",
        Refusal::NoTerminal => "error: not asking without a terminal: `pcscore accept` asks about each change on stdin, which is not a terminal",
    };
    // A handful of files are named one by one; more, by the paths the run was given.
    let targets: Vec<PathBuf> = if files.len() <= 5 {
        files.to_vec()
    } else {
        paths.to_vec()
    };
    format!(
        "{reason}\nto accept every change shown: {}\nto only show them:            {}\n",
        command("--yes ", &targets),
        command("--dry-run ", &targets),
    )
}

/// A command line a person can paste into a POSIX shell.
fn command(flag: &str, files: &[PathBuf]) -> String {
    let words: Vec<String> = files
        .iter()
        .map(|f| shell_word(&f.display().to_string()))
        .collect();
    format!("pcscore accept {flag}{}", words.join(" "))
}

fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@%".contains(c));
    if safe {
        word.to_string()
    } else if word.chars().any(char::is_control) {
        // Inside '...' a line break or an escape code would reach the terminal as it is;
        // bash's $'...' spells every character out, so the command stays one safe line.
        let mut quoted = String::from("$'");
        for c in word.chars() {
            match c {
                '\'' => quoted.push_str("\\'"),
                '\\' => quoted.push_str("\\\\"),
                '\n' => quoted.push_str("\\n"),
                '\t' => quoted.push_str("\\t"),
                '\r' => quoted.push_str("\\r"),
                c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => quoted.push(c),
            }
        }
        quoted.push('\'');
        quoted
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn options_and_surroundings_pick_the_mode() {
        // (yes, dry_run, ci, terminal) -> mode
        let table = [
            ((false, false, false, true), Mode::Ask),
            (
                (false, false, false, false),
                Mode::Refuse(Refusal::NoTerminal),
            ),
            ((false, false, true, true), Mode::Refuse(Refusal::Ci)),
            ((false, false, true, false), Mode::Refuse(Refusal::Ci)),
            ((true, false, true, false), Mode::All),
            ((true, false, false, true), Mode::All),
            ((false, true, true, false), Mode::Show),
            ((false, true, false, true), Mode::Show),
        ];
        for ((yes, dry, ci, term), want) in table {
            assert_eq!(mode(yes, dry, ci, term), want, "{yes} {dry} {ci} {term}");
        }
    }

    #[test]
    fn ci_is_any_value_but_empty_zero_or_false() {
        assert!(!is_ci(None));
        for off in ["", "0", "false", "FALSE"] {
            assert!(!is_ci(Some(OsStr::new(off))), "{off}");
        }
        for on in ["true", "1", "yes", "woodpecker"] {
            assert!(is_ci(Some(OsStr::new(on))), "{on}");
        }
    }

    fn answer(input: &str) -> ((Decision, bool), String) {
        let mut out = Vec::new();
        let got = ask(&mut Cursor::new(input.as_bytes()), &mut out);
        (got, String::from_utf8(out).unwrap_or_default())
    }

    #[test]
    fn each_letter_is_one_decision() {
        let table = [
            ("a\n", (Decision::Accept, false)),
            ("r\n", (Decision::Reject, false)),
            ("s\n", (Decision::Skip, false)),
            ("A\n", (Decision::Accept, true)),
            ("R\n", (Decision::Reject, true)),
            ("S\n", (Decision::Skip, true)),
            ("  a  \r\n", (Decision::Accept, false)),
        ];
        for (input, want) in table {
            let (got, shown) = answer(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!(shown, PROMPT);
        }
    }

    #[test]
    fn anything_else_is_asked_again() {
        let (got, shown) = answer("yes\n\nr\n");
        assert_eq!(got, (Decision::Reject, false));
        assert_eq!(
            shown,
            format!(
                "{PROMPT}found `yes`, expected `a`, `r` or `s` (or `A`, `R`, `S` for this one and all the rest)\n\
                 {PROMPT}found ``, expected `a`, `r` or `s` (or `A`, `R`, `S` for this one and all the rest)\n\
                 {PROMPT}"
            )
        );
    }

    #[test]
    fn the_end_of_input_skips_the_rest_and_never_accepts() {
        let (got, shown) = answer("maybe\n");
        assert_eq!(got, (Decision::Skip, true));
        assert!(shown.ends_with("\nno answer (end of input): skipping this one and the rest\n"));
    }

    #[test]
    fn commands_quote_what_a_shell_would_split() {
        assert_eq!(
            command(
                "--yes ",
                &[
                    PathBuf::from("scenarios/a-b.yaml"),
                    PathBuf::from("my files/it's.yaml")
                ]
            ),
            r"pcscore accept --yes scenarios/a-b.yaml 'my files/it'\''s.yaml'"
        );
    }

    #[test]
    fn exit_code_is_2_over_1_over_0() {
        let mut t = Tally::default();
        assert_eq!(t.exit_code(false), 0);
        t.accepted.push("a".into());
        assert_eq!(t.exit_code(false), 0);
        t.rejected.push("r".into());
        assert_eq!(t.exit_code(false), 1);
        assert_eq!(t.exit_code(true), 2);
        t.errors = 1;
        assert_eq!(t.exit_code(false), 2);
    }
}
