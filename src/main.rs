//! The `pcscore` command line: argument parsing and printing only; the work is done by
//! the `pcscore` library.

mod accept_cli;
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
    },
    /// Check scenarios against the engine: one line each, a diff per mismatch.
    Check(check_cli::CheckArgs),
    /// Review failing scenarios and write the engine's values into their `expected:`.
    ///
    /// Each change is shown as a diff of the file, then answered: `a` accept, `r` reject,
    /// `s` skip, or `A`, `R`, `S` for this one and all the rest. Only the differing
    /// values under `expected:` are rewritten; every other byte of the file stays.
    /// Without a terminal, or on CI (`CI` set), use --yes or --dry-run.
    ///
    /// Exit codes: 0 every scenario passes now, 1 differences remain, 2 a file that
    /// cannot be read or written, or a refusal to ask.
    Accept(accept_cli::AcceptArgs),
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
        Command::Explain { file } => match explain(&file, book) {
            Ok(text) => (text, 0),
            Err(message) => return fail(&message),
        },
        Command::Check(args) => return check_cli::run(args, book),
        Command::Accept(args) => return accept_cli::run(args, book),
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

fn explain(file: &std::path::Path, book: &Rulebook) -> Result<String, String> {
    let doc = load::load_file(file).map_err(|e| e.to_string())?;
    let a = engine::score(&doc.situation, book).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(report::explain_text(
        &file.display().to_string(),
        &doc.header,
        &a,
        book,
    ))
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
