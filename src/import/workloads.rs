//! `WorkloadName` values to workload slugs (`IMPORT.WORKLOADS`): a name maps to a slug
//! when, compared case-insensitively and ignoring spaces, punctuation and a leading
//! "Microsoft ", it equals the slug without its hyphens or one of the names the workload
//! table lists (src/rulebook/<edition>/workloads.yaml). `--workload NAME=SLUG` or
//! `NAME=ignore` extends the table; no other name is guessed.

use super::error::ImportError;
use crate::rulebook::registry;
use std::collections::HashMap;

/// The table in force: a compared form to a slug, or to `None` for an ignored name.
#[derive(Debug, Clone)]
pub struct WorkloadMap(HashMap<String, Option<&'static str>>);

impl WorkloadMap {
    /// The shipped table extended by `NAME=SLUG` / `NAME=ignore` pairs.
    pub fn new(extra: &[String]) -> Result<WorkloadMap, ImportError> {
        let mut map: HashMap<String, Option<&'static str>> = HashMap::new();
        for w in registry::known_workloads() {
            map.insert(key(&w.slug), Some(w.slug.as_str()));
            for name in &w.names {
                map.insert(key(name), Some(w.slug.as_str()));
            }
        }
        for pair in extra {
            let (name, slug) = pair.rsplit_once('=').unwrap_or((pair, ""));
            let slug = slug.trim();
            let mapped = if slug.eq_ignore_ascii_case("ignore") {
                None
            } else {
                Some(
                    registry::known_workloads()
                        .iter()
                        .find(|w| w.slug == slug)
                        .map(|w| w.slug.as_str())
                        .ok_or_else(|| {
                            ImportError::Usage(format!(
                                "--workload: found `{pair}`, expected NAME=SLUG with SLUG a workload slug (such as `exchange-online`, `teams`; docs/rules.md lists them) or NAME=ignore"
                            ))
                        })?,
                )
            };
            if key(name).is_empty() {
                return Err(ImportError::Usage(format!(
                    "--workload: found `{pair}`, expected NAME=SLUG with a NAME before the `=`"
                )));
            }
            map.insert(key(name), mapped);
        }
        Ok(WorkloadMap(map))
    }

    /// `None` for a name the table does not map; `Some(None)` for an ignored one.
    pub(crate) fn get(&self, name: &str) -> Option<Option<&'static str>> {
        self.0.get(&key(name)).copied()
    }
}

/// The compared form: lower case, a leading "Microsoft " dropped, letters and digits only.
fn key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let rest = lower.strip_prefix("microsoft ").unwrap_or(&lower);
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_center_names_map_to_slugs() {
        let map = WorkloadMap::new(&[]).expect("the shipped table");
        for (name, slug) in [
            ("Exchange Online", "exchange-online"),
            ("Microsoft Teams", "teams"),
            ("Microsoft Intune", "intune"),
            ("microsoft 365 apps for enterprise", "microsoft-365-apps"),
            ("Office 365 ProPlus", "microsoft-365-apps"),
            ("Yammer", "viva-engage"),
            ("Azure Active Directory Premium", "entra-id-p1"),
            ("Entra ID P1", "entra-id-p1"),
            ("Microsoft 365 Copilot", "m365-copilot"),
            ("Teams Rooms", "teams-rooms-devices"),
            ("SharePoint Online", "sharepoint-online"),
            ("Teams-Phone", "teams-phone"),
        ] {
            assert_eq!(map.get(name), Some(Some(slug)), "{name}");
        }
        assert_eq!(map.get("Skype for Business"), None);
        assert_eq!(map.get("Microsoft"), None);
    }

    #[test]
    fn options_extend_the_table_and_refuse_unknown_slugs() {
        let map = WorkloadMap::new(&["Skype for Business=ignore".into(), "Lync = teams".into()])
            .expect("valid options");
        assert_eq!(map.get("skype for business"), Some(None));
        assert_eq!(map.get("LYNC"), Some(Some("teams")));
        let err = WorkloadMap::new(&["Lync=skype".into()]).expect_err("an unknown slug");
        assert!(err.to_string().contains("found `Lync=skype`"), "{err}");
    }
}
