//! `pcscore schema` and `pcscore new`: the command-line side of writing scenarios.
//!
//! The schema and the template come from the library; this file reads the clock for
//! `new`'s default month, finds the repository's schema for the editor comment, and
//! writes the new file without ever replacing one.

use clap::{Args, ValueEnum};
use pcscore::authoring::{schema, template};
use pcscore::model::{Month, PathKind};
use pcscore::rulebook::{registry, Rulebook};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// `pcscore new`'s options.
#[derive(Args)]
pub(crate) struct NewArgs {
    /// The scenario file to create (`.yaml` or `.yml`); missing folders are created.
    file: PathBuf,
    /// The designation's slug [default: digital-app-innovation]
    #[arg(long, value_name = "SLUG")]
    designation: Option<String>,
    /// The edition, YYYY-MM [default: the one in force for --as-of when it has rules for
    /// the designation, else the oldest that has]
    #[arg(long, value_name = "YYYY-MM")]
    edition: Option<String>,
    /// Write `path:` with this value; without it the path is derived from the data.
    #[arg(long, value_enum, value_name = "PATH")]
    path: Option<PathArg>,
    /// The measurement month, YYYY-MM [default: the month before the current one, UTC]
    #[arg(long, value_name = "YYYY-MM")]
    as_of: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum PathArg {
    Smb,
    Enterprise,
}

/// Prints the JSON Schema.
pub(crate) fn schema(book: &Rulebook) -> String {
    schema::render(book)
}

/// Writes a starting scenario; exit 2 on a bad option or a file that exists.
pub(crate) fn new(args: NewArgs) -> ExitCode {
    match create(&args) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("note: {note}");
            }
            let shown = args.file.display();
            let printed = super::print(&format!(
                "created {shown}\nnext: replace the sample data, write the points you expect \
                 under `expected:`, then run `pcscore check {shown}`\n"
            ));
            match printed {
                Ok(()) => ExitCode::SUCCESS,
                Err(failed) => failed,
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

struct Created {
    notes: Vec<String>,
}

fn create(args: &NewArgs) -> Result<Created, String> {
    let shown = args.file.display().to_string();
    let as_of = match &args.as_of {
        Some(text) => Month::parse(text).ok_or_else(|| {
            format!(
                "--as-of: found `{text}`, expected a month written YYYY-MM, such as `2024-12`, \
                 with the month 01 to 12"
            )
        })?,
        None => last_month().ok_or("the system clock is before 1970; give --as-of YYYY-MM")?,
    };
    // Only a designation and edition with rules can be written: a template for another
    // would fail `check` at once.
    let designation = args
        .designation
        .as_deref()
        .unwrap_or("digital-app-innovation");
    let in_force = registry::in_force(as_of).edition.as_str();
    let edition = args
        .edition
        .as_deref()
        .or_else(|| registry::find(designation, in_force).map(|_| in_force));
    let book = registry::choose_named(designation, edition)?;
    let name = scenario_name(&args.file).ok_or_else(|| {
        format!(
            "{shown}: found a file name without `.yaml` or `.yml`, expected a name such as \
             `scenarios/my-case.yaml` (`pcscore check` reads only those)"
        )
    })?;
    if args.file.is_dir() {
        return Err(format!(
            "{shown}: found a folder, expected a new file's name"
        ));
    }
    if args.file.exists() {
        return Err(format!(
            "{shown}: found an existing file, expected the name of a file that does not exist \
             yet (`pcscore new` never overwrites; choose another name or remove it first)"
        ));
    }
    let absolute = absolute(&args.file)?;
    let folder = absolute.parent().unwrap_or(Path::new("/"));
    let mut notes = Vec::new();
    let schema = schema_from(folder);
    if schema.is_none() {
        notes.push(format!(
            "no `{}` in the file's folder or above it, so the file has no \
             `# yaml-language-server` line; `pcscore schema > scenario.schema.json` writes \
             the schema for your editor",
            schema::SHIPPED_PATH
        ));
    }
    let t = template::Template {
        name,
        as_of,
        path: args.path.map(|p| match p {
            PathArg::Smb => PathKind::Smb,
            PathArg::Enterprise => PathKind::Enterprise,
        }),
        schema,
    };
    let text = template::render(&t, book).map_err(|e| match e {
        template::TemplateError::MonthOutOfRange(_) => format!("--as-of: {e}"),
        _ => e.to_string(),
    })?;
    std::fs::create_dir_all(folder).map_err(|e| {
        format!(
            "{}: found {}, expected a folder pcscore can create",
            folder.display(),
            io_found(&e)
        )
    })?;
    write_new(&absolute, text.as_bytes()).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "{shown}: found an existing file, expected the name of a file that does not exist \
             yet (`pcscore new` never overwrites; choose another name or remove it first)"
        ),
        _ => format!(
            "{shown}: found {}, expected a file pcscore can write",
            io_found(&e)
        ),
    })?;
    Ok(Created { notes })
}

/// The month before the current one (UTC): the last complete month, the guide's
/// "last month" for a score computed today. Only the command line reads the clock.
fn last_month() -> Option<Month> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let today = chrono::DateTime::from_timestamp(i64::try_from(seconds).ok()?, 0)?.date_naive();
    Month::of_date(today).map(|m| m.months_before(1))
}

/// `scenarios/two-admins.yaml` is named "Two admins": unique among the files of a
/// folder, as names must be in a run. `None` without a YAML extension.
fn scenario_name(file: &Path) -> Option<String> {
    let extension = file.extension().and_then(OsStr::to_str)?;
    if !matches!(extension, "yaml" | "yml") {
        return None;
    }
    let stem = file.file_stem()?.to_string_lossy();
    let words = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    Some(match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "New scenario".to_string(),
    })
}

/// The path from the current folder, with `.` and `..` resolved by name (the folders
/// may not exist yet, so they cannot be asked).
fn absolute(file: &Path) -> Result<PathBuf, String> {
    let base = std::env::current_dir()
        .map_err(|e| format!("found {}, expected a current folder", io_found(&e)))?;
    let mut out = PathBuf::new();
    for part in base.join(file).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// `schema/scenario.schema.json` in `folder` or the nearest folder above it that has
/// one, as a path relative to `folder` (`../../schema/scenario.schema.json`).
fn schema_from(folder: &Path) -> Option<String> {
    folder
        .ancestors()
        .enumerate()
        .find(|(_, dir)| dir.join(schema::SHIPPED_PATH).is_file())
        .map(|(up, _)| format!("{}{}", "../".repeat(up), schema::SHIPPED_PATH))
}

/// Writes `bytes` to `target` all at once and only if nothing is there: a sibling
/// temporary file is written, then hard-linked to the target (which fails if the
/// target exists, even one created a moment ago). Where hard links are not supported,
/// the target is created exclusively and written in place.
fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let temporary = folder.join(format!(".{name}.{}.pcscore-new", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if written.is_err() {
        return write_in_place(target, bytes);
    }
    let linked = std::fs::hard_link(&temporary, target);
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => write_in_place(target, bytes),
        done => done,
    }
}

/// Creates `target`, refusing one that exists, and writes it.
fn write_in_place(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn io_found(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "no permission".into(),
        _ => format!("an error ({e})"),
    }
}
