//! The rulebooks compiled into the binary, by designation and edition, and the one
//! function every command picks a file's rulebook with (`EDITION.CHOICE`,
//! `EDITION.MISSING`).

use super::{Rulebook, BUILTIN};
use crate::load::{ErrorKind, LoadError};
use crate::model::{Document, Month, Position};
use serde::Deserialize;
use std::sync::OnceLock;

/// One edition of the rules (`src/rulebook/editions.yaml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// `YYYY-MM`, such as `2026-05`.
    pub edition: String,
    /// The first measurement month it is in force for; `None` for the first edition,
    /// which covers every month before the next.
    #[serde(default)]
    pub in_force_from: Option<String>,
    /// Where its rules come from.
    pub source: String,
    /// Whether it is a provisional reading (not from a program guide).
    pub provisional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionsFile {
    editions: Vec<Edition>,
}

/// The editions table, oldest first.
pub fn editions() -> &'static [Edition] {
    static EDITIONS: OnceLock<Vec<Edition>> = OnceLock::new();
    EDITIONS.get_or_init(|| {
        // Checked by this module's tests: failing here means the binary was built broken.
        let file: EditionsFile = serde_yaml::from_str(include_str!("editions.yaml"))
            .expect("src/rulebook/editions.yaml is valid");
        file.editions
    })
}

/// A workload an edition's rulebooks read (`src/rulebook/<edition>/workloads.yaml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadInfo {
    /// The slug written in files, such as `exchange-online`.
    pub slug: String,
    /// Other spellings of Partner Center's `WorkloadName` for it (`IMPORT.WORKLOADS`).
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkloadsFile {
    edition: String,
    read_by: Vec<String>,
    workloads: Vec<WorkloadInfo>,
}

/// The workload tables, one an edition that has workloads.
const WORKLOADS: &[(&str, &str)] = &[(
    "2026-05/workloads.yaml",
    include_str!("2026-05/workloads.yaml"),
)];

/// The workload tables, read once.
fn workload_files() -> &'static [WorkloadsFile] {
    static FILES: OnceLock<Vec<WorkloadsFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        WORKLOADS
            .iter()
            .map(|(origin, text)| {
                // Checked by this module's tests: failing here means the binary was built broken.
                let file: WorkloadsFile = serde_yaml::from_str(text)
                    .unwrap_or_else(|e| panic!("src/rulebook/{origin} is invalid: {e}"));
                debug_assert!(
                    edition(&file.edition).is_some(),
                    "{origin}: unknown edition"
                );
                file
            })
            .collect()
    })
}

/// Every workload of every edition, each slug once, in table order
/// (`PCS.DATA.UNUSED`: a slug is known when some rulebook of any edition reads it).
pub fn known_workloads() -> &'static [WorkloadInfo] {
    static KNOWN: OnceLock<Vec<WorkloadInfo>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut known: Vec<WorkloadInfo> = Vec::new();
        for file in workload_files() {
            for w in &file.workloads {
                if !known.iter().any(|k| k.slug == w.slug) {
                    known.push(w.clone());
                }
            }
        }
        known
    })
}

/// Each edition's workload table as written: the edition and its slugs in table order,
/// for the check that it lists exactly the workloads the edition's rulebooks read.
pub fn workload_tables() -> Vec<(String, Vec<String>)> {
    workload_files()
        .iter()
        .map(|f| {
            let slugs = f.workloads.iter().map(|w| w.slug.clone()).collect();
            (f.edition.clone(), slugs)
        })
        .collect()
}

/// Whether some edition's rulebook of the designation reads workloads.
pub fn reads_workloads(designation: &str) -> bool {
    workload_files()
        .iter()
        .any(|f| f.read_by.iter().any(|d| d == designation))
}

/// Whether a workload slug is known to some edition (`PCS.DATA.UNUSED`).
pub fn is_known_workload(slug: &str) -> bool {
    known_workloads().iter().any(|w| w.slug == slug)
}

/// Every built-in rulebook, in the order of [`BUILTIN`] (by edition, then designation).
pub fn all() -> &'static [Rulebook] {
    static BOOKS: OnceLock<Vec<Rulebook>> = OnceLock::new();
    BOOKS.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(origin, text)| {
                // Checked by the module's tests, as above.
                Rulebook::from_yaml(text, origin).expect("the built-in rulebooks are valid")
            })
            .collect()
    })
}

/// The rulebook of a designation in an edition, if pcscore has one.
pub fn find(designation: &str, edition: &str) -> Option<&'static Rulebook> {
    all()
        .iter()
        .find(|b| b.designation == designation && b.edition == edition)
}

/// The editions that have rules for a designation, oldest first.
pub fn editions_of(designation: &str) -> Vec<&'static str> {
    editions()
        .iter()
        .filter(|e| find(designation, &e.edition).is_some())
        .map(|e| e.edition.as_str())
        .collect()
}

/// An edition of the table by name.
pub fn edition(name: &str) -> Option<&'static Edition> {
    editions().iter().find(|e| e.edition == name)
}

/// Whether a rulebook's edition is the one in force for a month (`PCS.JSON`'s
/// `edition_in_force`): false only for a file that names another edition
/// (`EDITION.CHOICE`), as a file without one is scored by the edition in force.
pub fn edition_in_force(book: &Rulebook, as_of: Month) -> bool {
    in_force(as_of).edition == book.edition
}

/// The edition in force for a measurement month.
pub fn in_force(as_of: Month) -> &'static Edition {
    let all = editions();
    all.iter()
        .rev()
        .find(|e| {
            e.in_force_from
                .as_deref()
                .and_then(Month::parse)
                .is_none_or(|from| from <= as_of)
        })
        .unwrap_or(&all[0])
}

/// The edition names, as a message lists them: `` `2025-01`, `2026-05` ``.
pub fn edition_names() -> String {
    editions()
        .iter()
        .map(|e| format!("`{}`", e.edition))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The rulebook a command line names: `--designation` and `--edition`, the edition
/// defaulting to the oldest with rules for the designation; `Err` is the message.
pub fn choose_named(designation: &str, edition: Option<&str>) -> Result<&'static Rulebook, String> {
    if crate::model::Designation::from_slug(designation).is_none() {
        let slugs: Vec<String> = crate::model::Designation::ALL
            .iter()
            .map(|(_, s)| format!("`{s}`"))
            .collect();
        return Err(format!(
            "--designation: found `{designation}`, expected one of {}",
            slugs.join(", ")
        ));
    }
    let has = editions_of(designation);
    let name = match edition {
        Some(e) => {
            if self::edition(e).is_none() {
                return Err(format!(
                    "--edition: found `{e}`, expected one of {}",
                    edition_names()
                ));
            }
            e
        }
        // The oldest edition with rules for it: what `rules` printed before there were
        // editions stays what it prints; `--edition` shows the others.
        None => match has.first() {
            Some(e) => e,
            None => {
                return Err(format!(
                    "designation `{designation}` has no rules in any edition pcscore knows \
                     ({}) (EDITION.MISSING)",
                    edition_names()
                ))
            }
        },
    };
    find(designation, name).ok_or_else(|| {
        format!(
            "designation `{designation}` has no rules in edition {name} (EDITION.MISSING); \
             it has rules in {}: name one with `--edition {}`",
            quoted(&has),
            has.last().copied().unwrap_or("?"),
        )
    })
}

fn quoted(list: &[&str]) -> String {
    if list.is_empty() {
        "no edition".to_string()
    } else {
        list.iter()
            .map(|e| format!("`{e}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The rulebook that scores a loaded file: the edition it names, or the one in force
/// for its `as_of` (`EDITION.CHOICE`); refused when that edition has no rules for its
/// designation (`EDITION.MISSING`), or when a customer lacks the `segment` the
/// rulebook's path rule needs. `file` names the file in errors.
pub fn choose(doc: &Document, file: &str) -> Result<&'static Rulebook, LoadError> {
    let designation = doc.situation.designation.slug();
    let as_of = doc.situation.as_of;
    let at = |p: &Position, field: &str, found: String, expected: String| LoadError {
        kind: ErrorKind::EditionMissing,
        file: file.to_string(),
        position: Some((p.line, p.column)),
        field: field.to_string(),
        found,
        expected,
        source_line: Some(p.source_line.clone()),
    };
    let chosen = match &doc.edition {
        Some(name) => match edition(name) {
            Some(e) => e,
            None => {
                let p = doc.edition_at.clone().unwrap_or_default();
                let mut e = at(
                    &p,
                    "edition",
                    format!("`{name}`, an edition pcscore does not know"),
                    format!("one of {}", edition_names()),
                );
                e.kind = ErrorKind::BadValue;
                return Err(e);
            }
        },
        None => in_force(as_of),
    };
    let Some(book) = find(designation, &chosen.edition) else {
        let has = editions_of(designation);
        let in_force = in_force(as_of);
        let found = match &doc.edition {
            Some(name) => format!(
                "edition `{name}`, which has no rules for `{designation}` (the edition in \
                 force for as_of {as_of} is `{}`)",
                in_force.edition
            ),
            None => format!(
                "`{designation}` at as_of {as_of}, whose edition in force, `{}`, has no \
                 rules for it",
                in_force.edition
            ),
        };
        let expected = match has.last() {
            Some(last) => format!(
                "a designation and edition with rules (EDITION.MISSING): `{designation}` has \
                 rules in {} only; to score it by them, name the edition in the file \
                 (`edition: {last}`)",
                quoted(&has)
            ),
            None => format!(
                "a designation with rules (EDITION.MISSING): `{designation}` has no rules in \
                 any edition pcscore knows ({})",
                edition_names()
            ),
        };
        let (place, field) = if doc.edition.is_some() {
            (doc.edition_at.as_ref(), "edition")
        } else if doc.designation_at.is_some() {
            (doc.designation_at.as_ref(), "designation")
        } else {
            (doc.as_of_at.as_ref(), "as_of")
        };
        return Err(match place {
            Some(p) => at(p, field, found, expected),
            None => {
                LoadError::whole_file(file, found, expected).with_kind(ErrorKind::EditionMissing)
            }
        });
    };
    if doc.situation.path.is_none() && book.path.uses_segments() {
        if let Some((id, p)) = &doc.segment_missing {
            let mut e = at(
                p,
                "segment",
                format!("customer `{id}` without a `segment`"),
                format!(
                    "a `segment` (`smb`, `smc` or `enterprise`) on every customer, since the \
                     {designation} path is derived from the customers' segments ({}), or a \
                     `path:` for the file",
                    book.path.derived_clause()
                ),
            );
            e.kind = ErrorKind::MissingField;
            e.field = format!("customers[{}].segment", customer_index(doc, id));
            return Err(e);
        }
    }
    Ok(book)
}

fn customer_index(doc: &Document, id: &str) -> usize {
    doc.situation
        .customers
        .iter()
        .position(|c| c.id == id)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workload_tables_load_with_each_slug_once() {
        let known = known_workloads();
        assert!(is_known_workload("teams-premium"));
        assert!(is_known_workload("business-central"));
        assert!(!is_known_workload("Teams"));
        assert!(reads_workloads("modern-work"));
        assert!(!reads_workloads("infrastructure"));
        let mut slugs: Vec<&str> = known.iter().map(|w| w.slug.as_str()).collect();
        let n = slugs.len();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), n);
    }

    #[test]
    fn every_edition_and_rulebook_loads_and_each_rulebook_has_its_edition() {
        assert!(editions()[0].in_force_from.is_none());
        for book in all() {
            let e = edition(&book.edition).expect("a listed edition");
            assert_eq!(e.source, book.source, "{}", book.designation);
            assert_eq!(e.provisional, book.provisional, "{}", book.designation);
        }
    }

    #[test]
    fn the_edition_in_force_changes_in_2026_05() {
        let at = |m: &str| in_force(Month::parse(m).expect("month")).edition.as_str();
        assert_eq!(at("2020-01"), "2025-01");
        assert_eq!(at("2026-04"), "2025-01");
        assert_eq!(at("2026-05"), "2026-05");
        assert_eq!(at("2030-12"), "2026-05");
    }
}
