//! The World of one scenario, built fresh (by `Default`) for every scenario: the
//! partner file the Given steps describe, what scoring it gave, and the files a
//! scenario inspects.

use crate::clauses::Findings;
use crate::situation::PartnerFile;
use cucumber::gherkin;
use pcscore::engine::{Area, Assessment};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Everything one scenario knows.
#[derive(Debug, Default, cucumber::World)]
pub struct Spec {
    /// The partner file the tables describe.
    pub partner: PartnerFile,
    /// A partner file written out whole in a doc string; used instead of `partner`.
    pub partner_text: Option<String>,
    /// The outcome of `When the partner is scored`.
    pub scored: Option<Scored>,
    /// The first line of the refusal of `When the partner file is read`, when refused.
    pub refusal: Option<String>,
    /// The YAML scenario file a generated scenario checks.
    pub scenario_file: Option<PathBuf>,
    /// Features read for the clause catalogue checks.
    pub features: Vec<gherkin::Feature>,
    /// Clause ids cited by YAML scenario files, with the file citing them.
    pub yaml_clauses: Vec<(String, String)>,
    /// The findings of the clause catalogue check, once it has run.
    pub findings: Option<Findings>,
    /// Clause ids read from the interpretation page; `None` where it does not exist.
    pub interpretation_ids: Option<BTreeSet<String>>,
    /// The same partner scored under each of two editions, in the order named.
    pub compared: Vec<(String, Scored)>,
    /// The downloads of an import scenario and what importing them gave.
    pub import: crate::import::Imported,
}

/// A scored partner file.
#[derive(Debug)]
pub struct Scored {
    /// The engine's card and trace.
    pub assessment: Assessment,
    /// What `pcscore explain` prints for it.
    pub explanation: String,
}

/// The label partner files built by the steps carry in messages.
pub const STEP_FILE: &str = "the partner file built by the steps";

impl Spec {
    /// The scoring outcome, or an error naming the missing step.
    pub fn scored(&self) -> Result<&Scored, String> {
        self.scored
            .as_ref()
            .ok_or_else(|| "the partner has not been scored yet: add `When the partner is scored` before this step".to_string())
    }
}

impl Scored {
    /// The trace entries of one area, one per line, for failure messages.
    pub fn why(&self, area: Area) -> String {
        let mut out = String::new();
        for e in self.assessment.trace.iter().filter(|e| e.area == area) {
            out.push_str(&format!(
                "  {}  [{}]\n      {}\n",
                e.subject, e.clause, e.reason
            ));
        }
        if out.is_empty() {
            out.push_str("  (nothing traced)\n");
        }
        out
    }
}
