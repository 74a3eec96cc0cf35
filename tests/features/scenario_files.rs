//! The analysts' YAML scenarios as cucumber scenarios.
//!
//! [`SpecParser`] reads the `.feature` files with cucumber's own parser and adds one
//! `gherkin::Feature` per YAML scenario file (one feature per file: cucumber slows down
//! inside one big feature). Each holds one scenario named after the file's `name`,
//! tagged with its `tags` and `clauses` and `@yaml`, whose `path` is the YAML file, so a
//! failure points at it:
//!
//! ```gherkin
//! Feature: scenarios/net-customer-adds/a-loss-offsets-an-add.yaml
//!   @yaml @net-customer-adds @enterprise @DAI.PERF.NCA.LOSS
//!   Scenario: A lost customer offsets one of two adds
//!     Given the scenario file "scenarios/net-customer-adds/a-loss-offsets-an-add.yaml"
//!     Then the engine matches its expected score card
//! ```
//!
//! The Then step runs `scenario::check_file`, as `pcscore check` does, and fails with
//! the same diff or error message. A file without `expected:` is a partner file, not a
//! scenario, and is left out, as `pcscore check` skips it.

use crate::sources::{resolve, shown, Sources};
use crate::world::Spec;
use cucumber::gherkin::{self, LineCol, Span, StepType};
use cucumber::{given, parser, then, Parser};
use futures::stream::{self, StreamExt as _};
use pcscore::scenario::{self, Status};
use pcscore::{load, model::Document};
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// Feature files, then one feature per YAML scenario file.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpecParser;

type Features = std::vec::IntoIter<parser::Result<gherkin::Feature>>;

impl Parser<Sources> for SpecParser {
    type Cli = parser::basic::Cli;
    type Output = stream::Chain<<parser::Basic as Parser<PathBuf>>::Output, stream::Iter<Features>>;

    fn parse(self, input: Sources, cli: Self::Cli) -> Self::Output {
        let features = parser::Basic::new().parse(input.features, cli);
        features.chain(stream::iter(yaml_features(&input.scenarios)))
    }
}

/// One feature per YAML scenario file under `dir`.
fn yaml_features(dir: &Path) -> Features {
    let files = match scenario::discover(&[dir.to_path_buf()]) {
        Ok(files) => files,
        Err(e) => {
            let error = gherkin::ParseFileError::Reading {
                path: dir.to_path_buf(),
                source: io::Error::new(io::ErrorKind::NotFound, e.to_string()),
            };
            return vec![Err(error.into())].into_iter();
        }
    };
    let mut names: HashMap<String, PathBuf> = HashMap::new();
    let mut out = Vec::new();
    for file in files {
        let file = shown(&file);
        // The Then step points at `expected:`, or at the line the loader refuses.
        let (name, tags, then_line) = match load::load_file(&resolve(&file)) {
            Ok(Document { expected: None, .. }) => continue, // a partner file, not a scenario
            Ok(doc) => {
                let h = doc.header;
                let name = h.name.unwrap_or_else(|| file.display().to_string());
                let tags = ["yaml".to_string()]
                    .into_iter()
                    .chain(h.tags)
                    .chain(h.clauses);
                (name, tags.collect(), doc.expected_line.unwrap_or(1))
            }
            Err(e) => (
                file.display().to_string(),
                vec!["yaml".to_string()],
                e.line().unwrap_or(1),
            ),
        };
        let mut steps = vec![
            step(
                StepType::Given,
                "Given ",
                format!("the scenario file {}", quoted(&file)),
                1,
            ),
            step(
                StepType::Then,
                "Then ",
                "the engine matches its expected score card".into(),
                then_line,
            ),
        ];
        if let Some(first) = names.get(&name) {
            steps.push(step(
                StepType::Then,
                "But ",
                format!("its name is already the name of {}", quoted(first)),
                1,
            ));
        } else {
            names.insert(name.clone(), file.clone());
        }
        let scenario = gherkin::Scenario {
            keyword: "Scenario".into(),
            name,
            description: None,
            steps,
            examples: Vec::new(),
            tags,
            span: Span::default(),
            position: LineCol { line: 1, col: 1 },
        };
        out.push(Ok(gherkin::Feature {
            keyword: "Feature".into(),
            name: file.display().to_string(),
            description: None,
            background: None,
            scenarios: vec![scenario],
            rules: Vec::new(),
            tags: Vec::new(),
            span: Span::default(),
            position: LineCol { line: 1, col: 1 },
            path: Some(file),
        }));
    }
    out.into_iter()
}

fn step(ty: StepType, keyword: &str, value: String, line: usize) -> gherkin::Step {
    gherkin::Step {
        keyword: keyword.into(),
        ty,
        value,
        docstring: None,
        table: None,
        span: Span::default(),
        position: LineCol { line, col: 1 },
    }
}

/// A path in double quotes, as the `{string}` parameter reads it back.
fn quoted(path: &Path) -> String {
    format!("\"{}\"", path.display())
}

#[given(expr = "the scenario file {string}")]
fn scenario_file(w: &mut Spec, file: String) {
    w.scenario_file = Some(PathBuf::from(file));
}

#[then("the engine matches its expected score card")]
fn matches_expected(w: &mut Spec) -> Result<(), String> {
    let file = w
        .scenario_file
        .as_ref()
        .ok_or("no scenario file: add `Given the scenario file \"...\"` first")?;
    let case = scenario::check_file(&resolve(file));
    match case.status {
        Status::Passed => Ok(()),
        Status::Failed { diff } => Err(format!(
            "the engine's score card differs from `expected:` in {}\n{diff}",
            file.display()
        )),
        Status::Invalid { error } => Err(error.to_string()),
        Status::NotAScenario => Err(format!(
            "{} has no `expected:` block: it is a partner file, not a scenario",
            file.display()
        )),
    }
}

#[then(expr = "its name is already the name of {string}")]
fn duplicate_name(w: &mut Spec, first: String) -> Result<(), String> {
    let file = w
        .scenario_file
        .as_ref()
        .map_or(String::new(), |f| f.display().to_string());
    Err(format!(
        "{file}: name: already the name of {first}, expected a scenario name unique within the run"
    ))
}
