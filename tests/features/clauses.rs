//! Steps checking the clause catalogue against the specifications: every clause id of
//! the rulebook tags at least one feature scenario, every tag (or YAML `clauses:` entry)
//! shaped like a clause id is in the catalogue, and the interpretation page, where it
//! exists, defines exactly the catalogued ids.

use crate::sources::{root, shown, Sources};
use crate::world::Spec;
use cucumber::gherkin::{self, GherkinEnv, Step};
use cucumber::{given, then, when};
use pcscore::rulebook::Rulebook;
use pcscore::{load, scenario};
use std::collections::BTreeSet;
use std::path::Path;

/// The interpretation page, relative to the crate root (present in CI, maybe not in a
/// clone elsewhere).
const INTERPRETATION: &str = "../shared/spec/interpretation.md";

/// The editions page, whose `EDITION.*` ids every edition's catalogue has.
const EDITIONS: &str = "../shared/spec/editions.md";

/// Whether a tag or id is shaped like a clause id.
fn looks_like_clause(tag: &str) -> bool {
    tag.starts_with("DAI.") || tag.starts_with("PCS.")
}

/// What the check found.
#[derive(Debug, Default)]
pub struct Findings {
    /// Catalogued ids no feature scenario is tagged with.
    pub untagged: Vec<String>,
    /// Tags and YAML `clauses:` entries shaped like clause ids but not catalogued,
    /// with where they are.
    pub unknown: Vec<String>,
}

impl Findings {
    fn all(&self) -> impl Iterator<Item = &String> {
        self.unknown.iter().chain(&self.untagged)
    }
}

fn catalogue() -> BTreeSet<&'static str> {
    Rulebook::builtin()
        .clauses
        .iter()
        .map(|c| c.id.as_str())
        .collect()
}

/// Every edition's catalogue, for the ids YAML scenarios cite: a file's ids are not
/// yet checked against its own edition's alone.
fn every_catalogue() -> BTreeSet<&'static str> {
    pcscore::rulebook::registry::all()
        .iter()
        .flat_map(|b| b.clauses.iter().map(|c| c.id.as_str()))
        .collect()
}

#[given("the feature files")]
fn feature_files(w: &mut Spec) -> Result<(), String> {
    let mut files = Vec::new();
    collect_features(&Sources::from_env().features, &mut files)?;
    files.sort();
    for file in files {
        let feature = gherkin::Feature::parse_path(&file, GherkinEnv::default())
            .map_err(|e| format!("{}: {e}", file.display()))?;
        w.features.push(feature);
    }
    Ok(())
}

fn collect_features(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_features(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "feature") {
            out.push(path);
        }
    }
    Ok(())
}

#[given("the scenario files")]
fn scenario_files(w: &mut Spec) -> Result<(), String> {
    let files = scenario::discover(&[Sources::from_env().scenarios]).map_err(|e| e.to_string())?;
    for file in files {
        // A file that does not load fails its own scenario; here it has nothing to say.
        if let Ok(doc) = load::load_file(&file) {
            let shown = shown(&file).display().to_string();
            for id in doc.header.clauses {
                w.yaml_clauses.push((id, shown.clone()));
            }
        }
    }
    Ok(())
}

#[given("this feature file:")]
fn this_feature_file(w: &mut Spec, step: &Step) -> Result<(), String> {
    let text = step
        .docstring
        .as_ref()
        .ok_or("this step needs the feature file in a doc string")?;
    let feature = gherkin::Feature::parse(text, GherkinEnv::default())
        .map_err(|e| format!("the doc string is not a feature file: {e}"))?;
    w.features.push(feature);
    Ok(())
}

#[when("their clause ids are checked against the rulebook's catalogue")]
fn check(w: &mut Spec) {
    let catalogue = catalogue();
    let every = every_catalogue();
    let mut used = BTreeSet::new();
    let mut findings = Findings::default();
    let mut visit = |tags: &[String], place: String| {
        for tag in tags {
            if catalogue.contains(tag.as_str()) {
                used.insert(tag.clone());
            } else if looks_like_clause(tag) && !every.contains(tag.as_str()) {
                // A tag of another edition's catalogue (the 2026-05 `PCS.POINTS.*` of the
                // Business Applications, Modern Work and Security features) is known too.
                findings.unknown.push(format!(
                    "@{tag} ({place}) looks like a clause id but is not in the catalogue"
                ));
            }
        }
    };
    for feature in &w.features {
        // `features/x.feature:12, scenario "Name"`; no file for a doc string feature.
        let at = |line: usize, what: &str, name: &str| match &feature.path {
            Some(p) => format!("{}:{line}, {what} \"{name}\"", shown(p).display()),
            None => format!("{what} \"{name}\""),
        };
        visit(
            &feature.tags,
            at(feature.position.line, "feature", &feature.name),
        );
        for rule in &feature.rules {
            visit(&rule.tags, at(rule.position.line, "rule", &rule.name));
        }
        let scenarios = feature
            .scenarios
            .iter()
            .chain(feature.rules.iter().flat_map(|r| &r.scenarios));
        for s in scenarios {
            visit(&s.tags, at(s.position.line, "scenario", &s.name));
            for ex in &s.examples {
                visit(
                    &ex.tags,
                    at(ex.position.line, "examples of scenario", &s.name),
                );
            }
        }
    }
    for (id, file) in &w.yaml_clauses {
        if !every.contains(id.as_str()) {
            findings
                .unknown
                .push(format!("{id} ({file}, clauses) is not in the catalogue"));
        }
    }
    for id in &catalogue {
        if !used.contains(*id) {
            findings
                .untagged
                .push(format!("{id} is catalogued but tags no feature scenario"));
        }
    }
    w.findings = Some(findings);
}

fn findings(w: &Spec) -> Result<&Findings, String> {
    w.findings
        .as_ref()
        .ok_or_else(|| "the clause ids have not been checked yet".to_string())
}

#[then("every catalogued clause id tags at least one scenario")]
fn all_covered(w: &mut Spec) -> Result<(), String> {
    let missing: Vec<&String> = findings(w)?.untagged.iter().collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(format!(
        "catalogued clause ids without a feature scenario (tag at least one scenario with each):\n{}",
        lines(&missing)
    ))
}

#[then("every clause id they use is catalogued")]
fn all_known(w: &mut Spec) -> Result<(), String> {
    let unknown: Vec<&String> = findings(w)?.unknown.iter().collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(format!(
        "clause ids that the rulebook does not catalogue (a typo, or a clause to add to the rulebook):\n{}",
        lines(&unknown)
    ))
}

#[then(expr = "the check reports {string}")]
fn reports(w: &mut Spec, finding: String) -> Result<(), String> {
    let all: Vec<&String> = findings(w)?.all().collect();
    if all.iter().any(|f| f.contains(&finding)) {
        return Ok(());
    }
    Err(format!(
        "the check does not report \"{finding}\"; it reports:\n{}",
        lines(&all)
    ))
}

#[given("the interpretation page, where it exists")]
fn interpretation_page(w: &mut Spec) -> Result<(), String> {
    let Some(text) = spec_page(INTERPRETATION)? else {
        return Ok(());
    };
    let mut ids = ids_on(&text, looks_like_clause);
    // The ids that choose an edition belong to the 2025-01 catalogue too (editions.md).
    if let Some(editions) = spec_page(EDITIONS)? {
        ids.extend(ids_on(&editions, |t| t.starts_with("EDITION.")));
    }
    w.interpretation_ids = Some(ids);
    Ok(())
}

/// A page of ../shared/spec; `None` when it is missing outside CI.
fn spec_page(relative: &str) -> Result<Option<String>, String> {
    let page = root().join(relative);
    match std::fs::read_to_string(&page) {
        Ok(text) => Ok(Some(text)),
        // A clone outside the project workspace has nothing to compare with; CI always
        // has the spec beside the clone, so there a missing page is a broken set-up that
        // must not pass as "nothing to compare".
        Err(_) => match std::env::var("CI") {
            Ok(v) if v == "true" => Err(format!(
                "{} is missing, and CI=true: the clause catalogue cannot be checked against \
                 the spec (CI lays shared/ beside the clone)",
                page.display()
            )),
            _ => Ok(None),
        },
    }
}

/// The ids in backticks on a page that `wanted` accepts.
fn ids_on(text: &str, wanted: impl Fn(&str) -> bool) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|t| {
            wanted(t)
                && t.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '_')
        })
        .map(str::to_string)
        .collect()
}

#[then("it defines exactly the catalogued clause ids")]
fn defines_catalogue(w: &mut Spec) -> Result<(), String> {
    let Some(page) = &w.interpretation_ids else {
        return Ok(());
    };
    let page: BTreeSet<&str> = page.iter().map(String::as_str).collect();
    let catalogue = catalogue();
    let only_page: Vec<&&str> = page.difference(&catalogue).collect();
    let only_book: Vec<&&str> = catalogue.difference(&page).collect();
    if only_page.is_empty() && only_book.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{INTERPRETATION} and the rulebook's catalogue differ\n  only on the page: {}\n  only in the rulebook: {}",
        join(&only_page),
        join(&only_book)
    ))
}

fn lines(items: &[&String]) -> String {
    items.iter().map(|i| format!("  {i}\n")).collect()
}

fn join(items: &[&&str]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.iter().map(|i| **i).collect::<Vec<_>>().join(", ")
    }
}
