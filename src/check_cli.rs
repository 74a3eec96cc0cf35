//! `pcscore check`, the command-line side: its options, where the report goes and
//! whether it is coloured. This is the binary's only contact with the terminal and the
//! environment (`NO_COLOR`); the library does the checking and writes the report file
//! (`pcscore::output`).

use clap::{Args, ValueEnum};
use pcscore::{output, report, scenario};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The options of `pcscore check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Scenario files or folders, searched recursively for .yaml/.yml files.
    #[arg(default_value = "scenarios")]
    paths: Vec<PathBuf>,
    /// Only files with this tag or clause id, exactly (a leading `@` is ignored).
    /// Repeat for files with any of several.
    #[arg(long = "tag", value_name = "TAG", value_parser = parse_tag)]
    tags: Vec<String>,
    /// Only files whose name contains this text, ignoring case. Repeat for any of several.
    /// With --tag, a file must match both.
    #[arg(long = "name", value_name = "TEXT", value_parser = parse_name)]
    names: Vec<String>,
    /// Report format: `text` for people, `json` with one record per file, `junit` XML
    /// for CI test reports.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Write the report to FILE (replaced whole, never left half-written, its mode kept;
    /// a link is followed, a device or pipe written into) and print only the summary line.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour the text report: `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = When::Auto)]
    color: When,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
    Junit,
}

/// When to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum When {
    Auto,
    Always,
    Never,
}

fn parse_tag(value: &str) -> Result<String, String> {
    let tag = value.strip_prefix('@').unwrap_or(value);
    if tag.is_empty() {
        Err("found an empty tag, expected a tag or clause id such as `boundary` or `DAI.PERF.NCA.ADD`".into())
    } else if tag.chars().any(char::is_whitespace) {
        Err(format!(
            "found `{value}`, expected one tag or clause id without spaces (repeat --tag for several)"
        ))
    } else {
        Ok(value.to_string())
    }
}

fn parse_name(value: &str) -> Result<String, String> {
    if value.is_empty() {
        Err("found empty text, expected part of a scenario name".into())
    } else {
        Ok(value.to_string())
    }
}

/// Whether to colour, from the option, whether stdout is a terminal and `NO_COLOR`.
/// `NO_COLOR` set to anything but the empty string turns `auto` off; an explicit
/// `--color always` still wins, as <https://no-color.org> asks.
fn use_color(when: When, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// Runs `pcscore check`.
pub fn run(args: CheckArgs) -> ExitCode {
    let files = match scenario::discover(&args.paths) {
        Err(e) => return super::fail(&e.to_string()),
        Ok(files) => files,
    };
    // Refused before any work: the report would replace a scenario it reports on.
    if let Some(report_file) = &args.output {
        if let Some(input) = output::same_as_input(report_file, &files) {
            return super::fail(&format!(
                "--output {}: found the scenario file {}, one of the files checked, expected a \
                 report file that is not an input (the report would replace the scenario)",
                report_file.display(),
                input.display()
            ));
        }
    }
    let under = args
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if files.is_empty() {
        return super::fail(&format!(
            "no scenario files (.yaml, .yml) found under {under}"
        ));
    }
    let selection = scenario::Selection::new(&args.tags, &args.names);
    let checked = scenario::check_files(&files);
    let total = checked.len();
    let selected = selection.apply(checked);
    if selected.cases.is_empty() {
        return super::fail(&format!(
            "no scenario selected: none of the {} under {under} has {}",
            if total == 1 {
                "1 file".to_string()
            } else {
                format!("{total} files")
            },
            selection.describe()
        ));
    }
    let cases = &selected.cases;
    let code = scenario::Summary::of(cases).exit_code();
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = args.output.is_none()
        && use_color(
            args.color,
            to_terminal,
            std::env::var_os("NO_COLOR").as_deref(),
        );
    let text = match args.format {
        ReportFormat::Text => report::check_text_with(
            cases,
            report::CheckText {
                color,
                not_selected: selected.not_selected,
            },
        ),
        ReportFormat::Json => report::check_json(cases, selected.not_selected),
        ReportFormat::Junit => report::check_junit(cases),
    };
    let printed = match &args.output {
        None => super::print(&text),
        Some(file) => {
            if output::descriptor(file) == Some(1) {
                // `--output /dev/stdout`: through stdout itself, so the summary follows
                // the report instead of overwriting it.
                if let Err(failed) = super::print(&text) {
                    return failed;
                }
            } else if let Err(e) = output::write_whole(file, text.as_bytes(), "pcscore-output") {
                return super::fail(&format!("{}: cannot write the report: {e}", file.display()));
            }
            super::print(&report::check_summary(cases, selected.not_selected))
        }
    };
    match printed {
        Ok(()) => ExitCode::from(code),
        Err(failed) => failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(use_color(When::Auto, true, None));
        assert!(!use_color(When::Auto, false, None));
    }

    #[test]
    fn no_color_turns_auto_off_unless_empty() {
        assert!(!use_color(When::Auto, true, Some(OsStr::new("1"))));
        assert!(use_color(When::Auto, true, Some(OsStr::new(""))));
    }

    #[test]
    fn always_and_never_ignore_the_terminal_and_no_color() {
        for terminal in [true, false] {
            for no_color in [None, Some(OsStr::new("1"))] {
                assert!(use_color(When::Always, terminal, no_color));
                assert!(!use_color(When::Never, terminal, no_color));
            }
        }
    }

    #[test]
    fn tags_are_one_word() {
        assert_eq!(parse_tag("@boundary"), Ok("@boundary".to_string()));
        assert!(parse_tag("").is_err());
        assert!(parse_tag("@").is_err());
        assert!(parse_tag("a b").is_err());
        assert!(parse_name("").is_err());
    }
}
