//! Traceability: which Gherkin feature scenarios and YAML scenarios cite each clause of
//! the rulebook's catalogue, which clauses nothing cites, and which citations name a
//! clause id the catalogue does not know.
//!
//! Feature files are read with the `gherkin` crate, the parser cucumber runs them with,
//! so a tag in a comment or a doc string never counts as a citation and the scenarios
//! seen here are exactly the ones `cargo test` runs. YAML scenarios are read with
//! [`crate::load`], the loader `check` uses. Rendering lives in [`crate::report`].

mod features;
mod scenarios;

use crate::outcome::Outcome;
use crate::rulebook::Rulebook;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A feature scenario that cites a clause, through its own tags or those of its
/// feature, rule or examples.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FeatureCitation {
    /// The `.feature` file.
    pub file: PathBuf,
    /// The line of the scenario, or of the examples block whose tags cite the clause.
    pub line: usize,
    /// The scenario's name.
    pub scenario: String,
}

/// A YAML scenario whose `clauses:` list names a clause.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScenarioCitation {
    /// The scenario file.
    pub file: PathBuf,
    /// The line of the id in the `clauses:` list.
    pub line: usize,
    /// The scenario's `name`.
    pub name: String,
}

/// One clause of the catalogue with everything that cites it.
#[derive(Debug, Clone)]
pub struct ClauseCoverage {
    /// The clause id.
    pub id: String,
    /// The catalogue's one-sentence summary.
    pub summary: String,
    /// The guide section it comes from.
    pub section: String,
    /// Feature scenarios citing it, in file and line order.
    pub features: Vec<FeatureCitation>,
    /// YAML scenarios citing it, in file order.
    pub scenarios: Vec<ScenarioCitation>,
}

impl ClauseCoverage {
    /// Whether anything cites the clause.
    pub fn is_covered(&self) -> bool {
        !self.features.is_empty() || !self.scenarios.is_empty()
    }
}

/// A citation of an id that is not in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnknownCitation {
    /// The file that cites it.
    pub file: PathBuf,
    /// The line of the tag or of the `clauses:` entry.
    pub line: usize,
    /// The id as written.
    pub id: String,
    /// The catalogued id it is closest to, when one is close.
    pub suggestion: Option<String>,
}

/// Everything `pcscore coverage` reports.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Every catalogued clause, in catalogue order.
    pub clauses: Vec<ClauseCoverage>,
    /// Citations of ids the catalogue does not know, by file and line.
    pub unknown: Vec<UnknownCitation>,
    /// YAML files without `expected:` that cite clauses: partner files check never
    /// verifies, so their citations prove nothing and are not counted.
    pub uncounted: Vec<PathBuf>,
    /// Files that could not be read, with the reason; their citations are missing.
    pub errors: Vec<String>,
}

/// The counts of the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageSummary {
    /// Clauses in the catalogue.
    pub clauses: usize,
    /// Clauses cited at least once.
    pub covered: usize,
    /// Clauses cited nowhere.
    pub uncovered: usize,
    /// Citations of unknown ids.
    pub unknown: usize,
}

impl Coverage {
    /// The counts of the summary line.
    pub fn summary(&self) -> CoverageSummary {
        let covered = self.clauses.iter().filter(|c| c.is_covered()).count();
        CoverageSummary {
            clauses: self.clauses.len(),
            covered,
            uncovered: self.clauses.len() - covered,
            unknown: self.unknown.len(),
        }
    }

    /// Bad input when a file could not be read, else differs when a clause is uncovered
    /// or an unknown id is cited, else success.
    pub fn outcome(&self) -> Outcome {
        let s = self.summary();
        if !self.errors.is_empty() {
            Outcome::BadInput
        } else if s.uncovered > 0 || s.unknown > 0 {
            Outcome::Differs
        } else {
            Outcome::Success
        }
    }

    /// The exit code of [`Coverage::outcome`]: 2, 1 or 0.
    pub fn exit_code(&self) -> u8 {
        self.outcome().exit_code()
    }
}

/// Citations found in one kind of source, before they are matched with the catalogue.
#[derive(Default)]
struct Found {
    features: Vec<(String, FeatureCitation)>,
    scenarios: Vec<(String, ScenarioCitation)>,
    /// Every id written (known or not), with where it was written.
    written: Vec<(String, PathBuf, usize)>,
    uncounted: Vec<PathBuf>,
    errors: Vec<String>,
}

/// Reads the feature files under `features` and the YAML scenarios under `scenarios`
/// (either may be `None`: not read) and matches their citations with `book`'s catalogue.
///
/// A folder that does not exist is an error for the caller to report before calling;
/// a file that cannot be read lands in [`Coverage::errors`] and the others are read.
pub fn collect(features: Option<&Path>, scenarios: Option<&Path>, book: &Rulebook) -> Coverage {
    // The import's rules are clauses too, cited by the import's features.
    let entries: Vec<(&str, &str, &str)> = book
        .clauses
        .iter()
        .map(|c| (c.id.as_str(), c.summary.as_str(), c.section.as_str()))
        .chain(crate::import::CLAUSES.iter().copied())
        .collect();
    let known: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let prefixes: BTreeSet<String> = known
        .iter()
        .filter_map(|id| id.split('.').next())
        .map(str::to_ascii_uppercase)
        .collect();
    let mut found_features = Found::default();
    if let Some(dir) = features {
        features::read(dir, &prefixes, &mut found_features);
    }
    let mut found_scenarios = Found::default();
    if let Some(dir) = scenarios {
        scenarios::read(dir, book, &mut found_scenarios);
    }

    // Citations by id, so that each is looked at once however many clauses and
    // unknown ids there are.
    let mut features_of = by_id(found_features.features);
    let mut scenarios_of = by_id(found_scenarios.scenarios);
    let mut coverage = Coverage::default();
    for &(id, summary, section) in &entries {
        let mut features = features_of.remove(id).unwrap_or_default();
        features.sort();
        features.dedup();
        let mut scenarios = scenarios_of.remove(id).unwrap_or_default();
        scenarios.sort();
        scenarios.dedup();
        coverage.clauses.push(ClauseCoverage {
            id: id.to_string(),
            summary: summary.to_string(),
            section: section.to_string(),
            features,
            scenarios,
        });
    }
    let catalogued: HashSet<&str> = known.iter().copied().collect();
    let catalogue = Catalogue::new(known);
    let mut suggestions: HashMap<String, Option<String>> = HashMap::new();
    for (id, file, line) in found_features
        .written
        .into_iter()
        .chain(found_scenarios.written)
    {
        if catalogued.contains(id.as_str()) {
            continue;
        }
        let suggestion = suggestions
            .entry(id.clone())
            .or_insert_with(|| catalogue.suggest(&id))
            .clone();
        coverage.unknown.push(UnknownCitation {
            file,
            line,
            id,
            suggestion,
        });
    }
    coverage.unknown.sort();
    coverage.unknown.dedup();
    coverage.uncounted = found_scenarios.uncounted;
    coverage.errors = found_features.errors;
    coverage.errors.extend(found_scenarios.errors);
    coverage
}

fn by_id<C>(citations: Vec<(String, C)>) -> HashMap<String, Vec<C>> {
    let mut out: HashMap<String, Vec<C>> = HashMap::new();
    for (id, c) in citations {
        out.entry(id).or_default().push(c);
    }
    out
}

/// The catalogued ids, with what [`Catalogue::suggest`] needs to rule most of them out
/// for an unknown id without an edit distance.
struct Catalogue<'b> {
    ids: Vec<&'b str>,
    /// Per id: how far the loader's suggestion reaches, and its letters, lower case
    /// and sorted.
    shapes: Vec<(usize, Vec<char>)>,
}

impl<'b> Catalogue<'b> {
    fn new(ids: Vec<&'b str>) -> Self {
        let shapes = ids
            .iter()
            .map(|k| (2.max(k.len() / 4), letters(k)))
            .collect();
        Catalogue { ids, shapes }
    }

    /// The catalogued id closest to `id`, as the loader suggests one. Ids that cannot be
    /// within the loader's distance are left out first, by a lower bound of the edit
    /// distance (the letters one word has beyond the other, counted without order): with
    /// thousands of unknown ids, the edit distances would be most of the work.
    fn suggest(&self, id: &str) -> Option<String> {
        let mine = letters(id);
        let near: Vec<&str> = self
            .ids
            .iter()
            .zip(&self.shapes)
            .filter(|(_, (reach, theirs))| bag_distance(&mine, theirs) <= *reach)
            .map(|(k, _)| *k)
            .collect();
        crate::load::suggest(id, &near).map(str::to_string)
    }
}

fn letters(s: &str) -> Vec<char> {
    let mut letters: Vec<char> = s.to_lowercase().chars().collect();
    letters.sort_unstable();
    letters
}

/// The larger of the counts of letters one word has beyond the other, either way (both
/// sorted): one edit changes each count by at most one, so no edit distance is smaller.
fn bag_distance(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut only_a, mut only_b) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                only_a += 1;
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b += 1;
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    (only_a + a.len() - i).max(only_b + b.len() - j)
}

/// Every file under `dir` (recursively, hidden entries skipped) whose extension is one
/// of `extensions`, sorted; `dir` itself when it is a file.
fn files_under(dir: &Path, extensions: &[&str], errors: &mut Vec<String>) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(format!("{}: cannot list the folder ({e})", dir.display()));
                return;
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => walk(&path, extensions, out, errors),
                Ok(_) => {
                    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                    if extensions.contains(&ext) {
                        out.push(path);
                    }
                }
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    if dir.is_file() {
        out.push(dir.to_path_buf());
    } else {
        walk(dir, extensions, &mut out, errors);
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_bound_counts_letters_beyond_the_other_word() {
        assert_eq!(bag_distance(&letters("ab"), &letters("ba")), 0);
        assert_eq!(bag_distance(&letters("abc"), &letters("abd")), 1);
        assert_eq!(bag_distance(&letters("aab"), &letters("b")), 2);
        assert_eq!(bag_distance(&letters("Dai.X"), &letters("DAI.X")), 0);
    }

    #[test]
    fn suggestions_are_the_loaders() {
        let book = Rulebook::builtin();
        let known: Vec<&str> = book.clauses.iter().map(|c| c.id.as_str()).collect();
        let catalogue = Catalogue::new(known.clone());
        for id in [
            "DAI.PERF.NCA.POINT",
            "dai.perf.nca.loss",
            "DAI.UNKNOWN.T123",
            "PCS.ATAINED",
            "DAI.CS.DEP.WINDOWS",
            "X",
        ] {
            assert_eq!(
                catalogue.suggest(id),
                crate::load::suggest(id, &known).map(str::to_string),
                "{id}"
            );
        }
    }
}
