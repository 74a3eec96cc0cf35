//! The `pcscore` command line: argument parsing and printing only; the work is done by
//! the `pcscore` library.

mod check_cli;

use clap::{Parser, Subcommand, ValueEnum};
use pcscore::rulebook::Rulebook;
use pcscore::{engine, load, report};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Partner capability score for Microsoft Solutions Partner designations.
///
/// Exit codes: 0 success, 1 a scenario's expectation differs from the engine,
/// 2 bad input or command line.
#[derive(Parser)]
#[command(name = "pcscore", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a partner file's score card.
    Score {
        /// The partner file or scenario (YAML).
        file: PathBuf,
        /// Output format: `yaml` has exactly the shape of a scenario's `expected:` block.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Explain every point and every zero, with its reason, clause id and data.
    Explain {
        /// The partner file or scenario (YAML).
        file: PathBuf,
        /// Output format: `markdown` and `html` are audit reports with evidence tables
        /// and a clause glossary (the HTML is one self-contained file); `json` carries
        /// the score card and the full trace with structured evidence.
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
    },
    /// Check scenarios against the engine: one line each, a diff per mismatch.
    Check(check_cli::CheckArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ExplainFormat {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Yaml,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let book = Rulebook::builtin();
    let (text, code) = match cli.command {
        Command::Score { file, format } => match score(&file, format, book) {
            Ok(text) => (text, 0),
            Err(message) => return fail(&message),
        },
        Command::Explain { file, format } => match explain(&file, format, book) {
            Ok(text) => (text, 0),
            Err(message) => return fail(&message),
        },
        Command::Check(args) => return check_cli::run(args, book),
    };
    print(&text);
    ExitCode::from(code)
}

fn score(file: &std::path::Path, format: Format, book: &Rulebook) -> Result<String, String> {
    let doc = load::load_file(file).map_err(|e| e.to_string())?;
    let a = engine::score(&doc.situation, book).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(match format {
        Format::Text => report::card_text(&a, book),
        Format::Yaml => report::card_yaml(&a.card, None),
        Format::Json => report::card_json(&a, book),
    })
}

fn explain(
    file: &std::path::Path,
    format: ExplainFormat,
    book: &Rulebook,
) -> Result<String, String> {
    let doc = load::load_file(file).map_err(|e| e.to_string())?;
    let a = engine::score(&doc.situation, book).map_err(|e| format!("{}: {e}", file.display()))?;
    let render = match format {
        ExplainFormat::Text => report::explain_text,
        ExplainFormat::Markdown => report::explain_markdown,
        ExplainFormat::Json => report::explain_json,
        ExplainFormat::Html => report::explain_html,
    };
    Ok(render(&file.display().to_string(), &doc.header, &a, book))
}

/// Prints to stdout; a closed pipe (`pcscore explain f | head`) is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
