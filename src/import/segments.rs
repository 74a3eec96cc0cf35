//! `CustomerSegment` values to the format's segments (`IMPORT.SEGMENT`): a shipped table,
//! extended by `--segment VALUE=smb|smc|enterprise`; other values stop the import.

use super::error::ImportError;
use std::collections::HashMap;

/// The shipped table, compared case-insensitively.
const TABLE: &[(&str, &str)] = &[
    ("smb", "smb"),
    ("small/medium business", "smb"),
    ("smc", "smc"),
    ("smc corporate", "smc"),
    ("corporate", "smc"),
    ("enterprise", "enterprise"),
    ("major", "enterprise"),
    ("strategic", "enterprise"),
    ("public sector", "enterprise"),
];

/// The segments a value may map to.
pub(crate) const SEGMENTS: [&str; 3] = ["smb", "smc", "enterprise"];

/// The table in force: the shipped one with the command line's additions.
#[derive(Debug, Clone)]
pub struct SegmentMap(HashMap<String, &'static str>);

impl SegmentMap {
    /// The shipped table extended by `VALUE=SEGMENT` pairs (later ones win).
    pub fn new(extra: &[String]) -> Result<SegmentMap, ImportError> {
        let mut map: HashMap<String, &'static str> =
            TABLE.iter().map(|(k, v)| ((*k).to_string(), *v)).collect();
        for pair in extra {
            let (value, segment) = pair.rsplit_once('=').unwrap_or((pair, ""));
            let segment = SEGMENTS
                .iter()
                .find(|s| s.eq_ignore_ascii_case(segment.trim()))
                .ok_or_else(|| {
                    ImportError::Usage(format!(
                        "--segment: found `{pair}`, expected VALUE=SEGMENT with SEGMENT one of smb, smc, enterprise"
                    ))
                })?;
            map.insert(key(value), segment);
        }
        Ok(SegmentMap(map))
    }

    /// The segment of a download's value.
    pub(crate) fn get(&self, value: &str) -> Option<&'static str> {
        self.0.get(&key(value)).copied()
    }
}

fn key(value: &str) -> String {
    value.trim().to_lowercase()
}
