//! Clause citations in Gherkin feature files: tags shaped like a clause id, each read
//! under the editions the scenario's `@edition-YYYY-MM` tags name.
//!
//! A tag on a feature or a rule applies to every scenario under it; a tag on an
//! examples block applies to that block's rows, and is located at the block. Only tags
//! shaped like a clause id (dotted, with the first part of a catalogued id, such as
//! `DAI.` or `AZ.`, in any case) are citations, so `@boundary` or `@wip` are left
//! alone while a misspelt `@dai.perf.nca.loss` is reported. Edition tags follow the
//! nearest level that has one: an examples block's, else its scenario's, else its
//! rule's, else its feature's.

use super::{
    files_under, Catalogues, FeatureCitation, Found, Scope, Unknown, UnknownCitation, Unmatched,
};
use crate::report::{one_line, one_line_path};
use gherkin::{Feature, GherkinEnv, Scenario};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub(super) fn read(dir: &Path, catalogues: &Catalogues, found: &mut Found) {
    for file in files_under(dir, &["feature"], &mut found.errors) {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                found
                    .errors
                    .push(format!("{}: cannot read the file ({e})", file.display()));
                continue;
            }
        };
        match Feature::parse(&text, GherkinEnv::default()) {
            Ok(feature) => cite(&file, &text, &feature, catalogues, found),
            Err(e) => found.errors.push(parse_error(&file, &e.to_string())),
        }
    }
}

/// The gherkin crate reports `Error at LINE:COL: {"token", ...}`; the position is not
/// public, so it is read back from that text to give the usual `file:line:col`.
fn parse_error(file: &Path, message: &str) -> String {
    let located = message
        .strip_prefix("Error at ")
        .and_then(|rest| rest.split_once(": "));
    match located {
        Some((position, tokens)) => format!(
            "{}:{position}: found text that is not Gherkin, expected a feature file cucumber can parse (parser: {})",
            file.display(),
            tokens.trim_start_matches('{').trim_end_matches('}')
        ),
        None => format!("{}: not a Gherkin feature ({message})", file.display()),
    }
}

/// The tags of one element (feature, rule, scenario or examples block) that matter
/// here: its clause tags, each at its own line, and the editions it names.
#[derive(Clone, Default)]
struct Tags {
    clauses: Vec<(String, usize)>,
    editions: Vec<&'static str>,
}

impl Tags {
    /// Reads an element's tags, reporting an edition tag that names no edition.
    fn of(
        tags: &[String],
        element_line: usize,
        (file, lines): (&Path, &[&str]),
        catalogues: &Catalogues,
        found: &mut Found,
    ) -> Tags {
        let mut out = Tags::default();
        // The tag lines above an element are read once for all its tags.
        let mut at: Option<HashMap<&str, usize>> = None;
        let mut line_of = |tag: &str| {
            at.get_or_insert_with(|| tag_lines(lines, element_line))
                .get(tag)
                .copied()
                .unwrap_or(element_line)
        };
        for tag in tags {
            if let Some(edition) = catalogues.edition_tag(tag) {
                match edition {
                    Some(e) => {
                        if !out.editions.contains(&e) {
                            out.editions.push(e);
                        }
                    }
                    None => found.unknown.push(Unmatched {
                        citation: UnknownCitation {
                            file: file.to_path_buf(),
                            line: line_of(tag),
                            id: tag.clone(),
                            edition: None,
                            designation: None,
                            why: Unknown::NoSuchEdition,
                            suggestion: None,
                        },
                        scope: Scope::All,
                    }),
                }
            } else if catalogues.is_clause(tag) {
                out.clauses.push((tag.clone(), line_of(tag)));
            }
        }
        out
    }
}

fn cite(file: &Path, text: &str, feature: &Feature, catalogues: &Catalogues, found: &mut Found) {
    let lines: Vec<&str> = text.lines().collect();
    let source = (file, lines.as_slice());
    let top = Tags::of(
        &feature.tags,
        feature.position.line,
        source,
        catalogues,
        found,
    );
    let mut groups: Vec<(Vec<&Tags>, Tags, &[Scenario])> = Vec::new();
    let mut rules = Vec::new();
    for rule in &feature.rules {
        rules.push((
            Tags::of(&rule.tags, rule.position.line, source, catalogues, found),
            &rule.scenarios,
        ));
    }
    groups.push((vec![], top.clone(), &feature.scenarios));
    for (tags, scenarios) in &rules {
        groups.push((vec![&top], tags.clone(), scenarios));
    }
    for (outer, group, scenarios) in groups {
        for scenario in scenarios.iter() {
            check_description(file, scenario, found);
            let own = Tags::of(
                &scenario.tags,
                scenario.position.line,
                source,
                catalogues,
                found,
            );
            // The nearest level with an edition tag names the scenario's editions.
            let levels: Vec<&Tags> = outer.iter().copied().chain([&group, &own]).collect();
            let editions: Vec<&'static str> = levels
                .iter()
                .rev()
                .map(|t| t.editions.clone())
                .find(|e| !e.is_empty())
                .unwrap_or_default();
            let mut cited: BTreeSet<&str> = BTreeSet::new();
            for (tag, line) in levels.iter().flat_map(|t| &t.clauses) {
                cited.insert(tag);
                let at = FeatureCitation {
                    file: file.to_path_buf(),
                    line: scenario.position.line,
                    scenario: scenario.name.clone(),
                };
                credit(catalogues, (tag, *line), &editions, at, found);
            }
            for examples in &scenario.examples {
                let block = Tags::of(
                    &examples.tags,
                    examples.position.line,
                    source,
                    catalogues,
                    found,
                );
                let editions = if block.editions.is_empty() {
                    editions.clone()
                } else {
                    block.editions.clone()
                };
                for (tag, line) in &block.clauses {
                    if cited.contains(tag.as_str()) && block.editions.is_empty() {
                        continue;
                    }
                    let at = FeatureCitation {
                        file: file.to_path_buf(),
                        line: examples.position.line,
                        scenario: scenario.name.clone(),
                    };
                    credit(catalogues, (tag, *line), &editions, at, found);
                }
            }
        }
    }
}

/// Counts a clause tag for the pairs it names under `editions`, or reports it at its
/// line.
fn credit(
    catalogues: &Catalogues,
    (tag, line): (&str, usize),
    editions: &[&'static str],
    at: FeatureCitation,
    found: &mut Found,
) {
    for answer in catalogues.read_feature(tag, editions) {
        match answer {
            Ok(pair) => found.features.push((pair, at.clone())),
            Err((edition, why)) => {
                let scope = match &edition {
                    Some(_) => Scope::Editions(editions.iter().map(|e| e.to_string()).collect()),
                    None => Scope::All,
                };
                found.unknown.push(Unmatched {
                    citation: UnknownCitation {
                        file: at.file.clone(),
                        line,
                        id: tag.to_string(),
                        edition,
                        designation: None,
                        why,
                        suggestion: None,
                    },
                    scope,
                });
            }
        }
    }
}

/// Gherkin reads a misspelt first step (`Givn a partner`) as the scenario's
/// description, so the scenario would run without it and could pass. The project's
/// scenarios carry no descriptions: text there is a mistake.
fn check_description(file: &Path, scenario: &Scenario, found: &mut Found) {
    if let Some(text) = scenario.description.as_deref().map(str::trim) {
        if !text.is_empty() {
            let first = text.lines().next().unwrap_or_default().trim();
            found.errors.push(format!(
                "{}:{}: scenario `{}`: found the text `{first}` before its first step, \
                 expected a step starting with Given, When, Then, And or But (a misspelt \
                 keyword makes gherkin skip the step silently)",
                one_line_path(file),
                scenario.position.line + 1,
                one_line(&scenario.name),
                first = one_line(first),
            ));
        }
    }
}

/// The line of each tag in the block of tag lines (with blank and comment lines
/// between) just above the element on `element_line`: the nearest, as reading upwards
/// from the element finds it. A tag not in the map is at the element's own line.
fn tag_lines<'t>(lines: &[&'t str], element_line: usize) -> HashMap<&'t str, usize> {
    let mut at = HashMap::new();
    let mut n = element_line.saturating_sub(1);
    while n >= 1 {
        let line = lines.get(n - 1).map_or("", |l| l.trim());
        if line.starts_with('@') {
            for tag in line.split(|c: char| c.is_whitespace() || c == '@') {
                if !tag.is_empty() {
                    at.entry(tag).or_insert(n);
                }
            }
        } else if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        n -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
@DAI.PERF.NCA.ADD @performance
Feature: Net customer adds

  # the loss rule
  @DAI.PERF.NCA.LOSS
  @boundary
  Scenario: A lost customer
    Given nothing
";

    #[test]
    fn a_misspelt_first_step_is_an_error() {
        let text = "Feature: F\n\n  Scenario: S\n    Givn a partner\n    Then b\n";
        let feature = Feature::parse(text, GherkinEnv::default()).unwrap();
        let mut found = Found::default();
        cite(
            Path::new("f.feature"),
            text,
            &feature,
            &Catalogues::builtin(),
            &mut found,
        );
        assert_eq!(found.errors.len(), 1, "{:?}", found.errors);
        assert!(found.errors[0].contains("found the text `Givn a partner` before its first step"));
    }

    #[test]
    fn a_tag_is_found_on_its_own_line_above_the_element() {
        let lines: Vec<&str> = TEXT.lines().collect();
        let scenario = tag_lines(&lines, 7);
        assert_eq!(scenario.get("DAI.PERF.NCA.LOSS"), Some(&5));
        assert_eq!(scenario.get("boundary"), Some(&6));
        assert_eq!(tag_lines(&lines, 2).get("DAI.PERF.NCA.ADD"), Some(&1));
        // Not in the block right above: not found (the element's line), never a line
        // further up.
        assert_eq!(scenario.get("DAI.PERF.NCA.ADD"), None);
    }

    #[test]
    fn a_tag_written_twice_above_an_element_is_at_the_nearer_line() {
        let lines = ["@x.a", "@x.a @x.b", "Scenario: S"];
        let at = tag_lines(&lines, 3);
        assert_eq!(at.get("x.a"), Some(&2));
        assert_eq!(at.get("x.b"), Some(&2));
    }

    #[test]
    fn the_gherkin_parser_gives_the_keyword_lines_tag_lookup_relies_on() {
        let feature = Feature::parse(TEXT, GherkinEnv::default()).unwrap();
        assert_eq!(feature.position.line, 2);
        assert_eq!(feature.scenarios[0].position.line, 7);
        assert_eq!(feature.scenarios[0].tags, ["DAI.PERF.NCA.LOSS", "boundary"]);
    }

    #[test]
    fn parse_errors_are_located() {
        let e = Feature::parse("Scenario: no feature\n", GherkinEnv::default()).unwrap_err();
        let message = parse_error(Path::new("f.feature"), &e.to_string());
        assert_eq!(
            message,
            "f.feature:1:14: found text that is not Gherkin, expected a feature file cucumber \
             can parse (parser: \"unknown keyword\")"
        );
    }
}
