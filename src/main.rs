//! The `pcscore` command line: argument parsing and printing only; the work is done by
//! the `pcscore` library.

mod accept_cli;
mod authoring_cli;
mod check_cli;
mod import_cli;

use clap::{Parser, Subcommand, ValueEnum};
use pcscore::rulebook::Rulebook;
use pcscore::{engine, exit_code, load, plan, report, Outcome};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Partner capability score for Microsoft Solutions Partner designations.
///
/// Exit codes: 0 success, 1 a scenario's expectation differs from the engine,
/// 2 bad input or command line.
#[derive(Parser)]
#[command(name = "pcscore", version)]
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
    /// What is the least to add to attain the designation: gaps, verified actions, a plan.
    Plan {
        /// The partner file or scenario (YAML).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
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
    /// Show which feature scenarios and YAML scenarios cite each clause of the rulebook.
    ///
    /// Exit 1 when a clause is cited nowhere or a citation names an unknown clause id.
    Coverage {
        /// Folder of Gherkin `.feature` files [default: features]
        #[arg(long, value_name = "DIR")]
        features: Option<PathBuf>,
        /// Folder of YAML scenarios [default: scenarios]
        #[arg(long, value_name = "DIR")]
        scenarios: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CoverageFormat::Text)]
        format: CoverageFormat,
    },
    /// Print the rulebook as tables; with `--check`, verify its arithmetic.
    ///
    /// `--check` exits 1 when the numbers disagree, naming each inconsistency.
    Rules {
        /// The designation's slug [default: digital-app-innovation]
        #[arg(long, value_name = "SLUG")]
        designation: Option<String>,
        /// The edition, YYYY-MM [default: the oldest with rules for the designation]
        #[arg(long, value_name = "YYYY-MM")]
        edition: Option<String>,
        /// Check that caps, schedules, category maxima and the attainment bar agree.
        #[arg(long)]
        check: bool,
        /// A rulebook YAML file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        rulebook: Option<PathBuf>,
    },
    /// Print the JSON Schema of the scenario format, for editors such as VS Code.
    ///
    /// The repository ships it as `schema/scenario.schema.json`; a scenario whose first
    /// line is `# yaml-language-server: $schema=PATH` gets completion and checking.
    Schema,
    /// Write a commented starting scenario that already passes `pcscore check`.
    ///
    /// Never overwrites a file (exit 2). Missing folders are created.
    New(authoring_cli::NewArgs),
    /// Turn Partner Center downloads (Azure usage, certifications) into a partner file.
    ///
    /// Values no table maps stop the import with their list and the option that maps
    /// them. Never overwrites a file without --force; nothing is written on an error.
    Import(import_cli::ImportArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum CoverageFormat {
    Text,
    Json,
    Markdown,
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

#[derive(Clone, Copy, ValueEnum)]
enum PlanFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let book = Rulebook::builtin();
    let (text, code) = match cli.command {
        Command::Score { file, format } => match score(&file, format) {
            Ok(text) => (text, Outcome::Success),
            Err(message) => return fail(&message),
        },
        Command::Explain { file, format } => match explain(&file, format) {
            Ok(text) => (text, Outcome::Success),
            Err(message) => return fail(&message),
        },
        Command::Plan { file, format } => match plan_file(&file, format) {
            Ok(text) => (text, Outcome::Success),
            Err(message) => return fail(&message),
        },
        Command::Check(args) => return check_cli::run(args),
        Command::Accept(args) => return accept_cli::run(args),
        Command::Coverage {
            features,
            scenarios,
            format,
        } => match coverage(features, scenarios, format) {
            Ok(done) => done,
            Err(message) => return fail(&message),
        },
        Command::Rules {
            designation,
            edition,
            check,
            rulebook,
        } => match rules(
            (designation.as_deref(), edition.as_deref()),
            check,
            rulebook.as_deref(),
        ) {
            Ok(done) => done,
            Err(message) => return fail(&message),
        },
        Command::Schema => (authoring_cli::schema(book), Outcome::Success),
        Command::New(args) => return authoring_cli::new(args),
        Command::Import(args) => return import_cli::run(args, book),
    };
    match print(&text) {
        Ok(()) => ExitCode::from(exit_code(code)),
        Err(failed) => failed,
    }
}

fn score(file: &std::path::Path, format: Format) -> Result<String, String> {
    let (doc, book) = load::load_file_chosen(file).map_err(shown_error)?;
    // A card needs no trace (the text card works its attainment reason out from the
    // card), and on a large partner the trace would cost more than the scoring.
    let a = engine::score_untraced(&doc.situation, book)
        .map_err(|e| pcscore::scenario::engine_error(file, &doc, &e))?;
    Ok(match format {
        Format::Text => report::card_text(&a, book),
        Format::Yaml => report::card_yaml(&a.card, None),
        Format::Json => report::card_json(&a, book),
    })
}

fn explain(file: &std::path::Path, format: ExplainFormat) -> Result<String, String> {
    let (doc, book) = load::load_file_chosen(file).map_err(shown_error)?;
    let a = engine::score(&doc.situation, book)
        .map_err(|e| pcscore::scenario::engine_error(file, &doc, &e))?;
    let render = match format {
        ExplainFormat::Text => report::explain_text,
        ExplainFormat::Markdown => report::explain_markdown,
        ExplainFormat::Json => report::explain_json,
        ExplainFormat::Html => report::explain_html,
    };
    Ok(render(&file.display().to_string(), &doc.header, &a, book))
}

/// The folders to read: a folder named on the command line must exist; a default one
/// that is missing is left out with a note, so a tree without `features/` yet still
/// gets its scenarios checked, but not both.
fn coverage(
    features: Option<PathBuf>,
    scenarios: Option<PathBuf>,
    format: CoverageFormat,
) -> Result<(String, Outcome), String> {
    let mut missing = Vec::new();
    let mut pick = |given: Option<PathBuf>, default: &str, what: &str| match given {
        Some(dir) if dir.exists() => Ok(Some(dir)),
        Some(dir) => Err(format!(
            "{}: found no such file or folder, expected a folder of {what}",
            dir.display()
        )),
        None if Path::new(default).is_dir() => Ok(Some(PathBuf::from(default))),
        None => {
            missing.push(default.to_string());
            Ok(None)
        }
    };
    let features = pick(features, "features", "Gherkin .feature files")?;
    let scenarios = pick(scenarios, "scenarios", "YAML scenarios")?;
    if features.is_none() && scenarios.is_none() {
        return Err(format!(
            "found neither `features/` nor `scenarios/` in {}, expected to run in the project's \
             folder or to be given `--features DIR` or `--scenarios DIR`",
            std::env::current_dir().map_or_else(|_| ".".into(), |d| d.display().to_string())
        ));
    }
    for dir in missing {
        eprintln!("note: no `{dir}/` folder in the current folder; nothing there is read");
    }
    let c = pcscore::coverage::collect(features.as_deref(), scenarios.as_deref());
    for e in &c.errors {
        eprintln!("error: {e}");
    }
    let text = match format {
        CoverageFormat::Text => report::coverage_text(&c),
        CoverageFormat::Json => report::coverage_json(&c),
        CoverageFormat::Markdown => report::coverage_markdown(&c),
    };
    Ok((text, c.outcome()))
}

fn rules(
    (designation, edition): (Option<&str>, Option<&str>),
    check: bool,
    file: Option<&Path>,
) -> Result<(String, Outcome), String> {
    if check && file.is_none() && designation.is_none() && edition.is_none() {
        return Ok(rules_check_all());
    }
    let loaded;
    let book = match file {
        None => pcscore::rulebook::registry::choose_named(
            designation.unwrap_or("digital-app-innovation"),
            edition,
        )?,
        Some(file) => {
            let text = std::fs::read_to_string(file).map_err(|e| {
                format!(
                    "{}: found {}, expected a readable rulebook YAML file",
                    file.display(),
                    if e.kind() == std::io::ErrorKind::NotFound {
                        "no such file".to_string()
                    } else {
                        format!("a read error ({e})")
                    }
                )
            })?;
            loaded = Rulebook::from_yaml(&text, &file.display().to_string())
                .map_err(|e| e.to_string())?;
            &loaded
        }
    };
    if check {
        let checks = pcscore::rulebook::check::check(book);
        let outcome = if checks.iter().all(|c| c.holds) {
            Outcome::Success
        } else {
            Outcome::Differs
        };
        Ok((report::rules_check_text(&checks), outcome))
    } else {
        Ok((report::rules_text(book), Outcome::Success))
    }
}

/// `rules --check` with no rulebook named: every built-in rulebook, each under a heading
/// naming its designation and edition, and one count at the end.
fn rules_check_all() -> (String, Outcome) {
    let mut text = String::new();
    let (mut books, mut failing) = (0, 0);
    for book in pcscore::rulebook::registry::all() {
        let checks = pcscore::rulebook::check::check(book);
        books += 1;
        if checks.iter().any(|c| !c.holds) {
            failing += 1;
        }
        text.push_str(&format!(
            "{} ({}, edition {})\n",
            book.title, book.designation, book.edition
        ));
        text.push_str(&report::rules_check_text(&checks));
        text.push('\n');
    }
    // The tables of workload slugs files may name, held to the rulebooks' lists.
    let tables = pcscore::rulebook::check::workload_tables();
    let tables_hold = tables.iter().all(|c| c.holds);
    if !tables.is_empty() {
        text.push_str("Workload tables\n");
        text.push_str(&report::rules_check_text(&tables));
        text.push('\n');
    }
    text.push_str(&format!(
        "{books} rulebooks checked: {} consistent, {failing} with inconsistencies\n",
        books - failing
    ));
    let outcome = if failing == 0 && tables_hold {
        Outcome::Success
    } else {
        Outcome::Differs
    };
    (text, outcome)
}

fn plan_file(file: &std::path::Path, format: PlanFormat) -> Result<String, String> {
    let (mut doc, book) = load::load_file_chosen(file).map_err(shown_error)?;
    // The planner takes the situation over rather than copy a large partner.
    let empty = pcscore::model::Situation::new(doc.situation.as_of);
    let situation = std::mem::replace(&mut doc.situation, empty);
    let p = plan::plan_owned(situation, book)
        .map_err(|e| pcscore::scenario::engine_error(file, &doc, &e))?;
    let shown = file.display().to_string();
    Ok(match format {
        PlanFormat::Text => plan::plan_text(&shown, &p, book),
        PlanFormat::Json => plan::plan_json(&shown, &p, book),
    })
}

/// Prints to stdout. A closed pipe (`pcscore explain f | head`) is not an error; any
/// other failure (a full disk, `> /dev/full`) is reported and gives exit 2, since output
/// that silently went nowhere would pass for success. `Err` holds that exit code.
fn print(text: &str) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(fail(&format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// A load error as printed: the message on one line whatever the file holds (its text
/// quotes the file), then the caret drawing.
fn shown_error(e: load::LoadError) -> String {
    report::check_error_lines(&pcscore::scenario::CheckError::from(e)).join("\n")
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(exit_code(Outcome::BadInput))
}
