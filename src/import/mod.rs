//! `pcscore import`: Partner Center downloads in, a partner file out.
//!
//! The Azure usage download gives customers, their attribution and monthly ACR, and
//! deployments; the trainings download gives people and their certifications. Each
//! `IMPORT.*` rule of the import spec is implemented in the module named after its
//! concern, and listed with its clause id in [`CLAUSES`] for `pcscore coverage`.
//! Nothing is guessed: a value no table maps stops the import with the list of such
//! values and the option that maps them.

mod attribution;
mod azure;
mod clauses;
mod columns;
mod dates;
mod error;
mod m365;
mod people;
mod segments;
mod tenants;
mod units;
mod workloads;
mod writer;

pub use attribution::AttributionMap;
pub use clauses::CLAUSES;
pub use error::ImportError;
pub use segments::SegmentMap;
pub use workloads::WorkloadMap;

use crate::model::{Designation, Month};
use crate::rulebook::Rulebook;
use std::path::PathBuf;

/// What to import, as the command line gives it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The Azure usage download.
    pub azure_usage: Option<PathBuf>,
    /// The trainings and certifications download.
    pub trainings: Option<PathBuf>,
    /// The Microsoft 365 usage download (or the CPOR-M365 usage report).
    pub m365_usage: Option<PathBuf>,
    /// The designation slug; `digital-app-innovation` when absent.
    pub designation: Option<String>,
    /// The as-of month as given (`YYYY-MM`).
    pub as_of: Option<String>,
    /// `VALUE=SEGMENT` pairs.
    pub segments: Vec<String>,
    /// `VALUE=CODE` or `VALUE=none` pairs.
    pub attributions: Vec<String>,
    /// `NAME=SLUG` or `NAME=ignore` pairs (for the Microsoft 365 download).
    pub workloads: Vec<String>,
}

/// Imports the downloads and returns the partner file's text. Reads the downloads only;
/// writing the text is the caller's.
pub fn import(req: &Request, book: &Rulebook) -> Result<String, ImportError> {
    if req.azure_usage.is_none() && req.trainings.is_none() && req.m365_usage.is_none() {
        return Err(ImportError::Usage(
            "found no download, expected --azure-usage FILE, --trainings FILE or --m365-usage FILE (any of them together)".into(),
        ));
    }
    let designation = req
        .designation
        .as_deref()
        .unwrap_or("digital-app-innovation");
    if Designation::from_slug(designation).is_none() {
        return Err(ImportError::Usage(format!(
            "--designation: found `{designation}`, expected one of {}",
            Designation::ALL.map(|(_, s)| s).join(", ")
        )));
    }
    let given_as_of = match &req.as_of {
        Some(text) => Some(Month::parse(text).ok_or_else(|| {
            ImportError::Usage(format!("--as-of: found `{text}`, expected a month YYYY-MM"))
        })?),
        None => None,
    };
    let segment_map = SegmentMap::new(&req.segments)?;
    let attribution_map = AttributionMap::new(&req.attributions)?;
    let workload_map = WorkloadMap::new(&req.workloads)?;
    let usage = req.azure_usage.as_deref().map(azure::read).transpose()?;
    let m365 = req.m365_usage.as_deref().map(m365::read).transpose()?;
    let trainings = req
        .trainings
        .as_deref()
        .map(|p| people::read(p, book))
        .transpose()?;
    let as_of = given_as_of
        .or_else(|| usage.as_ref().and_then(|u| u.latest))
        .or_else(|| m365.as_ref().and_then(|u| u.latest))
        .ok_or_else(|| {
            ImportError::Usage(
                "found no --as-of and no Azure or Microsoft 365 usage download to take it from, expected --as-of YYYY-MM"
                    .into(),
            )
        })?;
    let resolved = usage
        .as_ref()
        .map(|u| u.resolve(as_of, &segment_map, &attribution_map))
        .transpose()?;
    let workloads = m365
        .as_ref()
        .map(|u| u.resolve(as_of, &workload_map, &attribution_map))
        .transpose()?;
    Ok(writer::write(&writer::Parts {
        designation,
        as_of,
        usage: usage.as_ref().zip(resolved.as_ref()),
        trainings: trainings.as_ref(),
        m365: m365.as_ref().zip(workloads.as_ref()),
        tenants_without_azure: crate::rulebook::registry::reads_workloads(designation),
    }))
}

/// A name as an id: lower-case ASCII letters and digits, every other run as one `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("Contoso Ltd."), "contoso-ltd");
        assert_eq!(super::slug("  A&B -- C  "), "a-b-c");
        assert_eq!(super::slug("東京"), "");
    }
}
