//! Why a file could not be checked, kept as data until a report renders it: the load
//! error with its kind, position, field, found and expected, or the engine's error.

use crate::engine::EngineError;
use crate::load::{ErrorKind, LoadError};
use crate::model::{Document, Position};
use std::path::{Path, PathBuf};

/// What [`super::Status::Invalid`] holds. Its `Display` is the message `check` has
/// always printed, caret drawing included; reports for programs read the fields.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// Bad input, located in the file where it can be: the loader's errors, and the
    /// checks made after loading (a designation without rules, at its `designation:`
    /// line; a scenario name already used in the run, at its `name:` line).
    #[error("{0}")]
    Input(LoadError),
    /// The engine could not score the file, at no one place in it.
    #[error("{}: {error}", file.display())]
    Engine {
        /// The file.
        file: PathBuf,
        /// What the engine said.
        error: EngineError,
    },
}

impl CheckError {
    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            CheckError::Input(e) => e.kind,
            CheckError::Engine { .. } => ErrorKind::Unscorable,
        }
    }

    /// The located error, when the problem has a place (or is about the whole file).
    pub fn located(&self) -> Option<&LoadError> {
        match self {
            CheckError::Input(e) => Some(e),
            CheckError::Engine { .. } => None,
        }
    }
}

impl From<LoadError> for CheckError {
    fn from(e: LoadError) -> Self {
        CheckError::Input(e)
    }
}

/// An engine error, as the file it came from. A designation without rules is refused
/// before scoring, by [`crate::rulebook::registry::choose`], at its place in the file.
pub fn locate_engine_error(file: &Path, _doc: &Document, e: &EngineError) -> CheckError {
    CheckError::Engine {
        file: file.to_path_buf(),
        error: e.clone(),
    }
}

/// A scenario name an earlier file of the run (`first`) already uses, at the `name:`
/// line when it is known.
pub(super) fn duplicate_name(
    file: &Path,
    name: &str,
    at: Option<&Position>,
    first: &Path,
) -> CheckError {
    let found = format!("`{name}`, already the name of {}", first.display());
    let expected = "a scenario name unique within the run";
    match at {
        Some(at) => located(ErrorKind::DuplicateName, file, at, "name", found, expected),
        None => CheckError::Input(LoadError {
            field: "name".to_string(),
            ..LoadError::whole_file(&file.display().to_string(), found, expected)
                .with_kind(ErrorKind::DuplicateName)
        }),
    }
}

fn located(
    kind: ErrorKind,
    file: &Path,
    at: &Position,
    field: &str,
    found: String,
    expected: &str,
) -> CheckError {
    CheckError::Input(LoadError {
        kind,
        file: file.display().to_string(),
        position: Some((at.line, at.column)),
        field: field.to_string(),
        found,
        expected: expected.to_string(),
        source_line: Some(at.source_line.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_name_without_a_position_reads_as_before() {
        let e = duplicate_name(Path::new("b.yaml"), "N", None, Path::new("a.yaml"));
        assert_eq!(
            e.to_string(),
            "b.yaml: name: found `N`, already the name of a.yaml, expected a scenario name \
             unique within the run"
        );
        assert_eq!(e.kind(), ErrorKind::DuplicateName);
        assert_eq!(e.located().map(|l| l.field.as_str()), Some("name"));
    }

    #[test]
    fn an_engine_error_without_a_place_keeps_its_message() {
        let e = CheckError::Engine {
            file: PathBuf::from("p.yaml"),
            error: EngineError::Overflow("add"),
        };
        assert_eq!(
            e.to_string(),
            "p.yaml: the amounts are too large to add exactly"
        );
        assert_eq!(e.kind(), ErrorKind::Unscorable);
        assert!(e.located().is_none());
    }
}
