//! Deployments.

use super::path::{code_list, near_misses};
use crate::engine::evidence::{DeploymentEvidence, DeploymentStatus, Refusal};
use crate::model::Points;

/// What became of a deployment entry.
pub(super) fn deployment(d: &DeploymentEvidence) -> String {
    match &d.status {
        DeploymentStatus::Counted { service, window } => format!(
            "eligible service level {} deployment in the {window}: distinct service `{service}`",
            d.service_level
        ),
        DeploymentStatus::Merged { service, into } => {
            format!("same service as deployment {into}: counted once as `{service}`")
        }
        DeploymentStatus::Refused { reasons } => format!(
            "not counted: {}",
            reasons
                .iter()
                .map(|(_, r)| refusal(r))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    }
}

/// One reason a deployment is not eligible.
pub(crate) fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::ServiceLevel { found, needed } => {
            format!("service level {found}, only level {needed} counts")
        }
        Refusal::ExcludedService { service } => {
            format!("`{service}` never counts toward deployments")
        }
        Refusal::Attribution {
            own,
            codes,
            eligible,
        } => format!(
            "{} {} has none of {}{}",
            if *own {
                "its own attribution"
            } else {
                "its customer's attribution"
            },
            code_list(codes),
            eligible.join(", "),
            near_misses(codes, eligible)
        ),
        Refusal::OutsideWindow {
            month,
            window,
            from,
            to,
        } => format!("{month} lies outside the {window} {from} to {to}"),
    }
}

/// The distinct services, each with the entries merged into it, and the points.
pub(super) fn distinct(
    services: &[(String, Vec<usize>)],
    counted: u32,
    max: u32,
    per_service: Points,
) -> String {
    let listing = services
        .iter()
        .map(|(name, entries)| {
            let numbers = entries
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            format!("`{name}` (deployment {numbers})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} distinct service{}{}; counted {counted} (at most {max}) x {per_service} points",
        services.len(),
        if services.len() == 1 { "" } else { "s" },
        if listing.is_empty() {
            String::new()
        } else {
            format!(": {listing}")
        },
    )
}
