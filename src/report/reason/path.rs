//! Path and attribution.

use crate::engine::evidence::PathEvidence;

/// A customer left out for its attribution.
pub(super) fn attribution(
    codes: &[String],
    eligible: &[String],
    counts_toward: &[String],
) -> String {
    let mut parts = vec!["the path".to_string()];
    parts.extend(counts_toward.iter().map(|t| t.to_lowercase()));
    let toward = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("counts toward neither {} nor {last}", rest.join(", "))
        }
        _ => "does not count toward the path".to_string(),
    };
    format!(
        "attribution {} has none of {}, so its ACR {toward}{}",
        code_list(codes),
        eligible.join(", "),
        near_misses(codes, eligible)
    )
}

/// The path, given or derived, and the figures the data gives it from.
pub(super) fn path(p: &PathEvidence) -> String {
    let why = match p.driven_acr_limit {
        Some(limit) => {
            let share = if p.active_customers == 0 {
                "no eligible customer had ACR in the TTM".to_string()
            } else {
                format!(
                    "{} of {} eligible customers with ACR in the TTM are {} ({})",
                    p.smb_customers,
                    p.active_customers,
                    segments(&p.smb_segments),
                    percent(p.smb_customers, p.active_customers)
                )
            };
            format!(
                "driven ACR (eligible ACR summed over {} to {}) is {}, {} {limit}; {share}, {} \
                 the {}% needed for SMB",
                p.from,
                p.to,
                p.driven_acr,
                if p.driven_acr < limit {
                    "under"
                } else {
                    "at or above"
                },
                meeting(p.smb_share_met),
                p.smb_share_needed,
            )
        }
        // Without a limit, the share in M alone decides.
        None if p.active_customers == 0 => {
            format!("no eligible customer had ACR in {}, which means SMB", p.to)
        }
        None => format!(
            "{} of {} eligible customers with ACR in {} are {} ({}), {} the {}% needed for \
             SMB; there is no ACR limit",
            p.smb_customers,
            p.active_customers,
            p.to,
            segments(&p.smb_segments),
            percent(p.smb_customers, p.active_customers),
            meeting(p.smb_share_met),
            p.smb_share_needed,
        ),
    };
    match p.given {
        Some(given) => format!(
            "the file sets the path to {given}; the data alone would give {} ({why})",
            p.derived
        ),
        None => format!("{} path: {why}", p.derived),
    }
}

fn meeting(met: bool) -> &'static str {
    if met {
        "meeting"
    } else {
        "short of"
    }
}

/// `SMB/SMC`.
fn segments(list: &[String]) -> String {
    list.join("/").to_uppercase()
}

/// `75%`, or `66.67%`.
fn percent(part: u64, whole: u64) -> String {
    let value = rust_decimal::Decimal::from(part * 100) / rust_decimal::Decimal::from(whole);
    format!("{}%", value.round_dp(2).normalize())
}

/// A note for codes that differ from an eligible one only in case or spacing
/// (`pal`): they are not eligible, but the analyst probably meant them to be.
pub(super) fn near_misses(written: &[String], eligible: &[String]) -> String {
    let misses: Vec<String> = written
        .iter()
        .filter_map(|w| {
            eligible
                .iter()
                .find(|e| *e != w && e.eq_ignore_ascii_case(w.trim()))
                .map(|e| format!("`{w}` is not `{e}`"))
        })
        .collect();
    if misses.is_empty() {
        String::new()
    } else {
        format!(" ({}: codes are matched exactly)", misses.join(", "))
    }
}

/// `[PAL, CSP]`, or `[] (none)`.
pub(super) fn code_list(list: &[String]) -> String {
    if list.is_empty() {
        "[] (none)".to_string()
    } else {
        format!("[{}]", list.join(", "))
    }
}
