//! `PartnerAttributionType` values to attribution codes (`IMPORT.ATTRIBUTION`): a shipped
//! table, extended by `--attribution VALUE=CODE` or `VALUE=none`. A value mapped to no
//! code keeps its rows out of the customer's figures.

use super::error::ImportError;
use std::collections::HashMap;

/// The shipped table, compared case-insensitively with spaces trimmed; `None` is a
/// documented type that earns no attribution.
const TABLE: &[(&str, Option<&str>)] = &[
    ("partner admin link", Some("PAL")),
    ("pal", Some("PAL")),
    ("partner of record", Some("DPOR")),
    ("digital partner of record", Some("DPOR")),
    ("dpor", Some("DPOR")),
    ("csp tier 1", Some("CSP")),
    ("csp tier 2", Some("CSP")),
    ("cloud solution provider", Some("CSP")),
    ("claiming partner of record", Some("CPOR")),
    ("cpor", Some("CPOR")),
    ("transacting partner of record", None),
    ("partner as end-customer", None),
    ("deal registration", None),
];

/// The codes the format accepts, in the order the output lists them.
pub(crate) const CODES: [&str; 8] = [
    "PAL",
    "DPOR",
    "CSP",
    "CPOR",
    "CPOR-OSA",
    "CPOR-REVREC",
    "CPOR-REVREC-PERF",
    "CPOR-OSU",
];

/// The table in force.
#[derive(Debug, Clone)]
pub struct AttributionMap(HashMap<String, Option<&'static str>>);

impl AttributionMap {
    /// The shipped table extended by `VALUE=CODE` / `VALUE=none` pairs.
    pub fn new(extra: &[String]) -> Result<AttributionMap, ImportError> {
        let mut map: HashMap<String, Option<&'static str>> =
            TABLE.iter().map(|(k, v)| ((*k).to_string(), *v)).collect();
        for pair in extra {
            let (value, code) = pair.rsplit_once('=').unwrap_or((pair, ""));
            let code = code.trim();
            let mapped = if code.eq_ignore_ascii_case("none") {
                None
            } else {
                Some(
                    *CODES
                        .iter()
                        .find(|c| c.eq_ignore_ascii_case(code))
                        .ok_or_else(|| {
                            ImportError::Usage(format!(
                                "--attribution: found `{pair}`, expected VALUE=CODE with CODE one of {} or `none`",
                                CODES.join(", ")
                            ))
                        })?,
                )
            };
            map.insert(key(value), mapped);
        }
        Ok(AttributionMap(map))
    }

    /// `None` for an unknown value; `Some(None)` for a type that earns no code.
    pub(crate) fn get(&self, value: &str) -> Option<Option<&'static str>> {
        self.0.get(&key(value)).copied()
    }
}

/// The position of a code in [`CODES`], to list a customer's codes in one order.
pub(crate) fn rank(code: &str) -> usize {
    CODES.iter().position(|c| *c == code).unwrap_or(CODES.len())
}

fn key(value: &str) -> String {
    value.trim().to_lowercase()
}
