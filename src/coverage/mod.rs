//! Traceability: which Gherkin feature scenarios and YAML scenarios cite each clause of
//! each edition, which (edition, clause) pairs nothing cites, and which citations name a
//! clause id the catalogue they are read against does not have.
//!
//! Clause ids are counted per edition (`PCS.CLAUSE.IDS`): each edition's catalogue is
//! the union of the catalogues of its rulebooks, walked from
//! [`crate::rulebook::registry::all`], so a new rulebook is counted with no change here.
//! The import's clauses belong to no edition and form a catalogue of their own.
//!
//! A YAML scenario is scored by one rulebook (its `designation:` under its `edition:` or
//! the edition in force for its `as_of`), and its `clauses:` are read against that
//! rulebook's catalogue alone. A feature scenario names its edition with an
//! `@edition-YYYY-MM` tag (on the feature, a rule, the scenario or an examples block; the
//! nearest level that has one decides, and several tags name several editions); without
//! one, an id counts for the one edition whose catalogue has it, and an id several
//! editions have must be given an edition tag.
//!
//! Feature files are read with the `gherkin` crate, the parser cucumber runs them with,
//! so a tag in a comment or a doc string never counts as a citation and the scenarios
//! seen here are exactly the ones `cargo test` runs. YAML scenarios are read with
//! [`crate::load`], the loader `check` uses. Rendering lives in [`crate::report`].

mod features;
mod scenarios;

use crate::outcome::Outcome;
use crate::rulebook::{registry, Rulebook};
use std::collections::{BTreeSet, HashMap};
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

/// One (edition, clause) pair with everything that cites it.
#[derive(Debug, Clone)]
pub struct ClauseCoverage {
    /// The edition whose catalogue has the clause; `None` for the import's clauses,
    /// which belong to no edition.
    pub edition: Option<String>,
    /// The designations of the edition whose rulebooks catalogue the clause, in
    /// rulebook order (empty for the import's).
    pub designations: Vec<String>,
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
    /// Whether anything cites the clause for its edition.
    pub fn is_covered(&self) -> bool {
        !self.features.is_empty() || !self.scenarios.is_empty()
    }
}

/// Why a citation names no (edition, clause) pair.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Unknown {
    /// No catalogue of any edition has the id.
    Nowhere,
    /// The catalogue the citation is read against lacks the id, which other
    /// catalogues have: `elsewhere` lists them as (edition, designations).
    NotInEdition {
        /// The editions, with their designations, whose catalogues have the id.
        elsewhere: Vec<(String, Vec<String>)>,
    },
    /// An untagged feature scenario cites an id that several editions have, so which
    /// one it pins is not said.
    NeedsEdition {
        /// The editions whose catalogues have the id.
        editions: Vec<String>,
    },
    /// An `@edition-…` tag names an edition pcscore does not know.
    NoSuchEdition,
}

/// A citation that names no (edition, clause) pair.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnknownCitation {
    /// The file that cites it.
    pub file: PathBuf,
    /// The line of the tag or of the `clauses:` entry.
    pub line: usize,
    /// The id as written (for [`Unknown::NoSuchEdition`], the tag).
    pub id: String,
    /// The edition the citation was read against, when it has one (for a feature
    /// scenario naming several, their names joined by ` or `).
    pub edition: Option<String>,
    /// The designation the citation was read against: a YAML scenario's.
    pub designation: Option<String>,
    /// Why it names no pair.
    pub why: Unknown,
    /// The id it is closest to in the catalogue it was read against, when one is close.
    pub suggestion: Option<String>,
}

/// Everything `pcscore coverage` reports.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Every (edition, clause) pair: by edition, oldest first, each in the order of its
    /// rulebooks' catalogues; then the import's clauses.
    pub clauses: Vec<ClauseCoverage>,
    /// Citations that name no pair, by file and line.
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
    /// (Edition, clause) pairs.
    pub clauses: usize,
    /// Pairs cited at least once.
    pub covered: usize,
    /// Pairs cited nowhere.
    pub uncovered: usize,
    /// Citations that name no pair.
    pub unknown: usize,
}

/// The pairs of one catalogue: an edition's, or the import's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueSummary {
    /// The edition; `None` for the import's clauses.
    pub edition: Option<String>,
    /// The designations with rules in the edition, in rulebook order.
    pub designations: Vec<String>,
    /// Pairs, covered and uncovered.
    pub counts: CoverageSummary,
}

impl Coverage {
    /// The counts of the summary line.
    pub fn summary(&self) -> CoverageSummary {
        let mut s = counts(&self.clauses);
        s.unknown = self.unknown.len();
        s
    }

    /// The counts per catalogue, in the order of [`Coverage::clauses`] (unknown
    /// citations are counted in [`Coverage::summary`] only).
    pub fn catalogues(&self) -> Vec<CatalogueSummary> {
        let mut out: Vec<CatalogueSummary> = Vec::new();
        let mut start = 0;
        for (i, c) in self.clauses.iter().enumerate() {
            let next = self.clauses.get(i + 1);
            if next.is_some_and(|n| n.edition == c.edition) {
                continue;
            }
            let group = &self.clauses[start..=i];
            let mut designations: Vec<String> = Vec::new();
            for d in group.iter().flat_map(|c| &c.designations) {
                if !designations.contains(d) {
                    designations.push(d.clone());
                }
            }
            out.push(CatalogueSummary {
                edition: c.edition.clone(),
                designations,
                counts: counts(group),
            });
            start = i + 1;
        }
        out
    }

    /// Bad input when a file could not be read, else differs when a pair is uncovered
    /// or a citation names no pair, else success.
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

fn counts(clauses: &[ClauseCoverage]) -> CoverageSummary {
    let covered = clauses.iter().filter(|c| c.is_covered()).count();
    CoverageSummary {
        clauses: clauses.len(),
        covered,
        uncovered: clauses.len() - covered,
        unknown: 0,
    }
}

/// One (edition, clause) pair of [`Catalogues`].
struct Entry {
    edition: Option<&'static str>,
    id: &'static str,
    summary: &'static str,
    section: &'static str,
    designations: Vec<&'static str>,
}

/// Every catalogue coverage counts against, built once from the registry: what a
/// citation is read against, and where each pair's citations go.
pub(crate) struct Catalogues {
    entries: Vec<Entry>,
    /// The position in `entries` of each (edition, id).
    index: HashMap<(Option<&'static str>, &'static str), usize>,
    /// The editions whose catalogue has an id, oldest first.
    editions_of: HashMap<&'static str, Vec<&'static str>>,
    /// The edition names, oldest first.
    editions: Vec<&'static str>,
    /// The first part of every id (`DAI`, `AZ`, `IMPORT`...), upper case: a tag starting
    /// with one and a dot is meant as a clause id.
    prefixes: BTreeSet<String>,
}

impl Catalogues {
    /// The catalogues of every built-in rulebook, by edition, and the import's.
    fn builtin() -> Self {
        let mut c = Catalogues {
            entries: Vec::new(),
            index: HashMap::new(),
            editions_of: HashMap::new(),
            editions: Vec::new(),
            prefixes: BTreeSet::new(),
        };
        for edition in registry::editions() {
            let name = edition.edition.as_str();
            c.editions.push(name);
            for book in registry::all().iter().filter(|b| b.edition == name) {
                for clause in &book.clauses {
                    c.add(
                        Some(name),
                        (&clause.id, &clause.summary, &clause.section),
                        Some(&book.designation),
                    );
                }
            }
        }
        for &(id, section, summary) in crate::import::CLAUSES {
            c.add(None, (id, summary, section), None);
        }
        c
    }

    fn add(
        &mut self,
        edition: Option<&'static str>,
        (id, summary, section): (&'static str, &'static str, &'static str),
        designation: Option<&'static str>,
    ) {
        let at = match self.index.get(&(edition, id)) {
            Some(&at) => at,
            None => {
                self.index.insert((edition, id), self.entries.len());
                self.entries.push(Entry {
                    edition,
                    id,
                    summary,
                    section,
                    designations: Vec::new(),
                });
                if let Some(e) = edition {
                    self.editions_of.entry(id).or_default().push(e);
                }
                if let Some(head) = id.split('.').next() {
                    self.prefixes.insert(head.to_ascii_uppercase());
                }
                self.entries.len() - 1
            }
        };
        if let Some(d) = designation {
            self.entries[at].designations.push(d);
        }
    }

    /// Whether a tag is meant as a clause id: dotted, with a known first part in any
    /// case, so `@boundary` is not one and a misspelt `@dai.perf.nca.loss` is.
    fn is_clause(&self, tag: &str) -> bool {
        tag.split_once('.')
            .is_some_and(|(head, _)| self.prefixes.contains(&head.to_ascii_uppercase()))
    }

    /// The edition an `@edition-YYYY-MM` tag names, `Some(None)` when it names none
    /// pcscore knows, `None` when the tag is not an edition tag.
    fn edition_tag(&self, tag: &str) -> Option<Option<&'static str>> {
        let name = tag
            .get(..8)
            .filter(|head| head.eq_ignore_ascii_case("edition-"))
            .map(|_| &tag[8..])?;
        Some(self.editions.iter().copied().find(|e| *e == name))
    }

    /// The catalogues other than `(edition, designation)` that have `id`, as
    /// (edition, designations).
    fn elsewhere(&self, id: &str, not: (&str, Option<&str>)) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for e in self.editions_of.get(id).into_iter().flatten() {
            let entry = &self.entries[self.index[&(Some(*e), id)]];
            let designations: Vec<String> = entry
                .designations
                .iter()
                .filter(|d| !(*e == not.0 && not.1.is_none_or(|n| n == **d)))
                .map(|d| d.to_string())
                .collect();
            if !designations.is_empty() {
                out.push((e.to_string(), designations));
            }
        }
        out
    }

    /// Reads a YAML scenario's citation of `id` against the catalogue of the rulebook
    /// that scores it.
    fn read_scenario(&self, id: &str, book: &Rulebook) -> Result<usize, (Option<String>, Unknown)> {
        if book.clauses.iter().any(|c| c.id == id) {
            if let Some(&at) = self.index.get(&(Some(book.edition.as_str()), id)) {
                return Ok(at);
            }
        }
        if let Some(&at) = self.index.get(&(None, id)) {
            return Ok(at);
        }
        let elsewhere = self.elsewhere(id, (&book.edition, Some(&book.designation)));
        Err(if elsewhere.is_empty() {
            (None, Unknown::Nowhere)
        } else {
            (None, Unknown::NotInEdition { elsewhere })
        })
    }

    /// Reads a feature scenario's citation of `id` under the editions its tags name
    /// (none: the edition whose catalogue has the id). Each answer is a pair the
    /// citation counts for, or the editions it was read against and why it counts for
    /// none.
    fn read_feature(
        &self,
        id: &str,
        editions: &[&'static str],
    ) -> Vec<Result<usize, (Option<String>, Unknown)>> {
        if let Some(&at) = self.index.get(&(None, id)) {
            return vec![Ok(at)];
        }
        if editions.is_empty() {
            return vec![match self.editions_of.get(id).map(Vec::as_slice) {
                None | Some([]) => Err((None, Unknown::Nowhere)),
                Some([one]) => Ok(self.index[&(Some(*one), id)]),
                Some(several) => Err((
                    None,
                    Unknown::NeedsEdition {
                        editions: several.iter().map(|e| e.to_string()).collect(),
                    },
                )),
            }];
        }
        // A scenario that names several editions pins rules of each: an id counts for
        // every named edition whose catalogue has it, and is unknown only when none has.
        let pairs: Vec<_> = editions
            .iter()
            .filter_map(|e| self.index.get(&(Some(*e), id)).map(|&at| Ok(at)))
            .collect();
        if !pairs.is_empty() {
            return pairs;
        }
        let read = editions.join(" or ");
        let elsewhere = self.elsewhere(id, ("", None));
        let why = if elsewhere.is_empty() {
            Unknown::Nowhere
        } else {
            Unknown::NotInEdition { elsewhere }
        };
        vec![Err((Some(read), why))]
    }

    /// The ids a suggestion for a citation read against `scope` is chosen from: the
    /// rulebook's catalogue for a YAML scenario, the edition's for a tagged feature,
    /// every id otherwise; the import's ids in each.
    fn scope_ids(&self, scope: &Scope) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = match scope {
            Scope::Book(edition, designation) => self
                .entries
                .iter()
                .filter(|e| {
                    e.edition == Some(edition.as_str())
                        && e.designations.iter().any(|d| d == designation)
                })
                .map(|e| e.id)
                .collect(),
            Scope::Editions(editions) => self
                .entries
                .iter()
                .filter(|e| e.edition.is_some_and(|n| editions.iter().any(|x| x == n)))
                .map(|e| e.id)
                .collect(),
            Scope::All => self
                .entries
                .iter()
                .filter(|e| e.edition.is_some())
                .map(|e| e.id)
                .collect(),
        };
        ids.extend(
            self.entries
                .iter()
                .filter(|e| e.edition.is_none())
                .map(|e| e.id),
        );
        let mut seen = BTreeSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
    }
}

/// What an unknown citation was read against, for its suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Scope {
    Book(String, String),
    Editions(Vec<String>),
    All,
}

/// A citation that names no pair, before its suggestion is found.
struct Unmatched {
    citation: UnknownCitation,
    scope: Scope,
}

/// Citations found in the files, matched with the catalogues' pairs.
#[derive(Default)]
struct Found {
    features: Vec<(usize, FeatureCitation)>,
    scenarios: Vec<(usize, ScenarioCitation)>,
    unknown: Vec<Unmatched>,
    uncounted: Vec<PathBuf>,
    errors: Vec<String>,
}

/// Reads the feature files under `features` and the YAML scenarios under `scenarios`
/// (either may be `None`: not read) and matches their citations with the catalogue of
/// every edition of every built-in rulebook, and the import's.
///
/// A folder that does not exist is an error for the caller to report before calling;
/// a file that cannot be read lands in [`Coverage::errors`] and the others are read.
pub fn collect(features: Option<&Path>, scenarios: Option<&Path>) -> Coverage {
    let catalogues = Catalogues::builtin();
    let mut found = Found::default();
    if let Some(dir) = features {
        features::read(dir, &catalogues, &mut found);
    }
    if let Some(dir) = scenarios {
        scenarios::read(dir, &catalogues, &mut found);
    }

    let mut features_of: Vec<Vec<FeatureCitation>> = vec![Vec::new(); catalogues.entries.len()];
    for (at, c) in found.features {
        features_of[at].push(c);
    }
    let mut scenarios_of: Vec<Vec<ScenarioCitation>> = vec![Vec::new(); catalogues.entries.len()];
    for (at, c) in found.scenarios {
        scenarios_of[at].push(c);
    }
    let mut coverage = Coverage::default();
    for ((entry, mut features), mut scenarios) in
        catalogues.entries.iter().zip(features_of).zip(scenarios_of)
    {
        features.sort();
        features.dedup();
        scenarios.sort();
        scenarios.dedup();
        coverage.clauses.push(ClauseCoverage {
            edition: entry.edition.map(str::to_string),
            designations: entry.designations.iter().map(|d| d.to_string()).collect(),
            id: entry.id.to_string(),
            summary: entry.summary.to_string(),
            section: entry.section.to_string(),
            features,
            scenarios,
        });
    }
    // A suggestion per (scope, id), each scope's ids shaped once: with thousands of
    // unknown ids, the edit distances would otherwise be most of the work.
    let mut shaped: HashMap<Scope, Catalogue> = HashMap::new();
    let mut suggestions: HashMap<(Scope, String), Option<String>> = HashMap::new();
    for Unmatched {
        mut citation,
        scope,
    } in found.unknown
    {
        if citation.why == Unknown::Nowhere {
            let key = (scope.clone(), citation.id.clone());
            citation.suggestion = suggestions
                .entry(key)
                .or_insert_with(|| {
                    shaped
                        .entry(scope.clone())
                        .or_insert_with(|| Catalogue::new(catalogues.scope_ids(&scope)))
                        .suggest(&citation.id)
                })
                .clone();
        }
        coverage.unknown.push(citation);
    }
    coverage.unknown.sort();
    coverage.unknown.dedup();
    coverage.uncounted = found.uncounted;
    coverage.errors = found.errors;
    coverage
}

/// The ids of one catalogue, with what [`Catalogue::suggest`] needs to rule most of them
/// out for an unknown id without an edit distance.
struct Catalogue {
    ids: Vec<&'static str>,
    /// Per id: how far the loader's suggestion reaches, and its letters, lower case
    /// and sorted.
    shapes: Vec<(usize, Vec<char>)>,
}

impl Catalogue {
    fn new(ids: Vec<&'static str>) -> Self {
        let shapes = ids
            .iter()
            .map(|k| (2.max(k.len() / 4), letters(k)))
            .collect();
        Catalogue { ids, shapes }
    }

    /// The catalogued id closest to `id`, as the loader suggests one. Ids that cannot be
    /// within the loader's distance are left out first, by a lower bound of the edit
    /// distance (the letters one word has beyond the other, counted without order).
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
