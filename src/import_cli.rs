//! `pcscore import`: the options, and where the partner file goes. The import itself is
//! the library's ([`pcscore::import`]).

use pcscore::import::{import, Request};
use pcscore::output;
use pcscore::rulebook::Rulebook;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn Partner Center downloads into a partner file (docs/import.md).
#[derive(clap::Args)]
pub(crate) struct ImportArgs {
    /// The Azure usage download (CSV or TSV).
    #[arg(long, value_name = "FILE")]
    azure_usage: Option<PathBuf>,
    /// The trainings, exams and certifications download (CSV or TSV).
    #[arg(long, value_name = "FILE")]
    trainings: Option<PathBuf>,
    /// The Microsoft 365 usage download: not yet (partner files cannot hold workloads).
    #[arg(long, value_name = "FILE")]
    m365_usage: Option<PathBuf>,
    /// The designation written into the file [default: digital-app-innovation]
    #[arg(long, value_name = "SLUG")]
    designation: Option<String>,
    /// The measurement month [default: the latest Month of the Azure usage download]
    #[arg(long, value_name = "YYYY-MM")]
    as_of: Option<String>,
    /// Maps a CustomerSegment value: VALUE=smb|smc|enterprise (repeatable).
    #[arg(long, value_name = "VALUE=SEGMENT")]
    segment: Vec<String>,
    /// Maps a PartnerAttributionType value: VALUE=CODE or VALUE=none (repeatable).
    #[arg(long, value_name = "VALUE=CODE")]
    attribution: Vec<String>,
    /// Maps a WorkloadName: NAME=SLUG or NAME=ignore (repeatable; with --m365-usage).
    #[arg(long, value_name = "NAME=SLUG")]
    workload: Vec<String>,
    /// Write the partner file here (atomically) instead of printing it.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the --output file when it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

pub(crate) fn run(args: ImportArgs, book: &Rulebook) -> ExitCode {
    let inputs: Vec<PathBuf> = [&args.azure_usage, &args.trainings, &args.m365_usage]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if let Some(out) = &args.output {
        if let Some(input) = output::same_as_input(out, &inputs) {
            return super::fail(&format!(
                "{}: found the download {}, expected an output file that is not one of the downloads",
                out.display(),
                input.display()
            ));
        }
        if !args.force && std::fs::symlink_metadata(out).is_ok() {
            return super::fail(&format!(
                "{}: found an existing file, expected a new one (use --force to replace it)",
                out.display()
            ));
        }
    }
    let request = Request {
        azure_usage: args.azure_usage,
        trainings: args.trainings,
        m365_usage: args.m365_usage,
        designation: args.designation,
        as_of: args.as_of,
        segments: args.segment,
        attributions: args.attribution,
        workloads: args.workload,
    };
    let text = match import(&request, book) {
        Ok(text) => text,
        Err(e) => return super::fail(&e.to_string()),
    };
    match &args.output {
        None => match super::print(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Some(out) => match output::write_whole(out, text.as_bytes(), "pcscore-import") {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => super::fail(&format!("{}: {e}", out.display())),
        },
    }
}
