//! Scenarios: a partner situation with an `expected:` score card, checked against the
//! engine. Only the keys a scenario writes are compared, and a mismatch is shown as a
//! unified diff of the expected keys against the engine's values for the same keys.

pub mod accept;
mod discover;
mod error;
mod mismatch;
mod parallel;
mod select;

pub use discover::discover;
pub use error::{locate_engine_error, CheckError};
pub use mismatch::{mismatches, Mismatch};
pub use select::{Selected, Selection};

use crate::engine::{self, Assessment, EngineError};
use crate::load::{self, LoadError};
use crate::model::{Document, Expected, Position, ScoreCard};
use crate::outcome::{exit_code, Outcome};
use crate::report::card_yaml;
use crate::rulebook::Rulebook;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Every expected key matched.
    Passed,
    /// Some expected key differs; the unified diff of expected against actual.
    Failed {
        /// `--- expected` / `+++ actual` diff over the written keys.
        diff: String,
    },
    /// The file could not be checked: bad input or an unscorable designation.
    Invalid {
        /// The error, with its kind, file, line, column, field, found and expected.
        error: CheckError,
    },
    /// A partner file without `expected:`: nothing to check.
    NotAScenario,
}

/// One checked file.
#[derive(Debug, Clone)]
pub struct Case {
    /// The file.
    pub file: PathBuf,
    /// The scenario's name; the file name when it has none or could not be read.
    pub name: String,
    /// Where the name is written, for the duplicate-name error.
    pub name_at: Option<Position>,
    /// Tags and clause ids, for selection and reports.
    pub tags: Vec<String>,
    /// The outcome.
    pub status: Status,
    /// The engine's score card, when it could score the file.
    pub actual: Option<ScoreCard>,
    /// The expectation, when the file has one.
    pub expected: Option<Expected>,
}

/// Compares an expectation with a score card; `None` when every written key matches.
///
/// Values are compared as the card shows them (`PCS.POINTS.SHOWN`): both sides are
/// written with the card's decimals, so `6.4` written matches a shown `6.40`, and a
/// mismatch is shown in the card's own form.
pub fn compare(expected: &Expected, actual: &ScoreCard) -> Option<String> {
    let want = expected_yaml_with(expected, Some(actual.decimals));
    let got = card_yaml(actual, Some(expected));
    (want != got).then(|| unified_diff(&want, &got))
}

/// The expectation as YAML, only the keys written, in score card order once
/// [`load::check_expected`] has put them in the rulebook's order.
pub fn expected_yaml(e: &Expected) -> String {
    expected_yaml_with(e, None)
}

/// [`expected_yaml`] with each value written as a card with `decimals` writes it (as
/// written when `None`); a value written with fewer decimals (`6.4` for `6.40`) reads
/// the same, and none has more, as [`load::check_expected`] refuses them.
fn expected_yaml_with(e: &Expected, decimals: Option<u32>) -> String {
    let shown = |p: crate::model::Points| match decimals {
        Some(d) => p.shown_text(d),
        None => p.to_string(),
    };
    let mut out = String::new();
    if let Some(p) = e.path {
        out.push_str(&format!("path: {p}\n"));
    }
    if !e.points.is_empty() {
        out.push_str("points:\n");
        for w in &e.points {
            out.push_str(&format!("  {}: {}\n", w.key, shown(w.value)));
        }
    }
    if !e.categories.is_empty() {
        out.push_str("categories:\n");
        for w in &e.categories {
            out.push_str(&format!("  {}: {}\n", w.key, shown(w.value)));
        }
    }
    if let Some(t) = e.total {
        out.push_str(&format!("total: {}\n", shown(t)));
    }
    if let Some(a) = e.attained {
        out.push_str(&format!("attained: {a}\n"));
    }
    out
}

/// A unified diff, `expected` first.
pub fn unified_diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

/// Scores a loaded document and compares it with its expectation; `file` names it in
/// an error.
pub fn check_document(
    file: &Path,
    doc: &Document,
    book: &Rulebook,
) -> (Status, Option<Assessment>) {
    judge(file, doc, engine::score(&doc.situation, book))
}

fn judge(
    file: &Path,
    doc: &Document,
    scored: Result<Assessment, EngineError>,
) -> (Status, Option<Assessment>) {
    let assessment = match scored {
        Ok(a) => a,
        Err(e) => {
            return (
                Status::Invalid {
                    error: locate_engine_error(file, doc, &e),
                },
                None,
            )
        }
    };
    let status = match &doc.expected {
        None => Status::NotAScenario,
        Some(expected) => match compare(expected, &assessment.card) {
            None => Status::Passed,
            Some(diff) => Status::Failed { diff },
        },
    };
    (status, Some(assessment))
}

/// An engine error as a message that points into the file where it can: the text of
/// [`locate_engine_error`], for the commands that print it and stop.
pub fn engine_error(file: &Path, doc: &Document, e: &EngineError) -> String {
    locate_engine_error(file, doc, e).to_string()
}

/// Loads and checks one file.
pub fn check_file(file: &Path) -> Case {
    match load::load_file_chosen(file) {
        Err(e) => invalid(file, e),
        Ok((doc, book)) => {
            // Only the card is kept, so the trace is not built (BENCHMARKS.md).
            let scored = engine::score_untraced(&doc.situation, book);
            let (status, assessment) = judge(file, &doc, scored);
            let mut tags = doc.header.tags.clone();
            tags.extend(doc.header.clauses.iter().cloned());
            Case {
                file: file.to_path_buf(),
                name: doc
                    .header
                    .name
                    .clone()
                    .unwrap_or_else(|| file.display().to_string()),
                name_at: doc.name_at.clone(),
                tags,
                status,
                actual: assessment.map(|a| a.card),
                expected: doc.expected,
            }
        }
    }
}

fn invalid(file: &Path, e: LoadError) -> Case {
    Case {
        file: file.to_path_buf(),
        name: file.display().to_string(),
        name_at: None,
        tags: Vec::new(),
        status: Status::Invalid {
            error: CheckError::Input(e),
        },
        actual: None,
        expected: None,
    }
}

/// Checks every file on all cores and returns the results in the order of `files`
/// ([`discover`] sorts them by path). A scenario whose name an earlier file (in that
/// order, not in finishing order) already used is refused.
pub fn check_files(files: &[PathBuf]) -> Vec<Case> {
    let mut cases = parallel::map_in_order(files, |f| check_file(f));
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for case in &mut cases {
        if case.expected.is_none() {
            continue;
        }
        if let Some(first) = seen.get(&case.name) {
            let error = error::duplicate_name(&case.file, &case.name, case.name_at.as_ref(), first);
            case.status = Status::Invalid { error };
        } else {
            seen.insert(case.name.clone(), case.file.clone());
        }
    }
    cases
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Scenarios that matched.
    pub passed: usize,
    /// Scenarios that did not match.
    pub failed: usize,
    /// Files that could not be checked.
    pub invalid: usize,
    /// Partner files without `expected:`.
    pub skipped: usize,
}

impl Summary {
    /// Tallies a run.
    pub fn of(cases: &[Case]) -> Summary {
        let mut s = Summary::default();
        for c in cases {
            match c.status {
                Status::Passed => s.passed += 1,
                Status::Failed { .. } => s.failed += 1,
                Status::Invalid { .. } => s.invalid += 1,
                Status::NotAScenario => s.skipped += 1,
            }
        }
        s
    }

    /// How the run ended: bad input when any file was invalid, else differs when any
    /// failed, else success.
    pub fn outcome(&self) -> Outcome {
        if self.invalid > 0 {
            Outcome::BadInput
        } else if self.failed > 0 {
            Outcome::Differs
        } else {
            Outcome::Success
        }
    }

    /// The exit code of [`Summary::outcome`]: 2, 1 or 0.
    pub fn exit_code(&self) -> u8 {
        exit_code(self.outcome())
    }
}
