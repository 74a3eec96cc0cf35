//! Clause citations in YAML scenarios: the entries of their `clauses:` list, each read
//! against the catalogue of the rulebook that scores the file (its designation under
//! its edition, `PCS.CLAUSE.IDS`).
//!
//! Files are read with the same loader as `check`, so a file `check` refuses is
//! refused here too. Only scenarios (files with `expected:`) count as coverage; a
//! partner file is never verified, so its citations are listed as not counted.

use super::{files_under, Catalogues, Found, ScenarioCitation, Scope, UnknownCitation, Unmatched};
use crate::load::tree::{self, Value};
use std::path::Path;

pub(super) fn read(dir: &Path, catalogues: &Catalogues, found: &mut Found) {
    for file in files_under(dir, &["yaml", "yml"], &mut found.errors) {
        let (doc, book) = match crate::load::load_file_chosen(&file) {
            Ok(loaded) => loaded,
            Err(e) => {
                // Printed as it is on stderr: each line made safe for a terminal.
                let lines: Vec<_> = crate::report::visible_lines(&e.to_string())
                    .map(|l| l.into_owned())
                    .collect();
                found.errors.push(lines.join("\n"));
                continue;
            }
        };
        if doc.header.clauses.is_empty() {
            continue;
        }
        let lines = clause_lines(&file);
        let name = doc
            .header
            .name
            .clone()
            .unwrap_or_else(|| file.display().to_string());
        for (i, id) in doc.header.clauses.iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(1);
            match catalogues.read_scenario(id, book) {
                Ok(at) if doc.expected.is_some() => found.scenarios.push((
                    at,
                    ScenarioCitation {
                        file: file.clone(),
                        line,
                        name: name.clone(),
                    },
                )),
                Ok(_) => {}
                Err((_, why)) => found.unknown.push(Unmatched {
                    citation: UnknownCitation {
                        file: file.clone(),
                        line,
                        id: id.clone(),
                        edition: Some(book.edition.clone()),
                        designation: Some(book.designation.clone()),
                        why,
                        suggestion: None,
                    },
                    scope: Scope::Book(book.edition.clone(), book.designation.clone()),
                }),
            }
        }
        if doc.expected.is_none() {
            found.uncounted.push(file.clone());
        }
    }
}

/// The line of each entry of the top-level `clauses:` list. The loader has already
/// accepted the file, so reading it again cannot fail in a way that matters; any
/// surprise just leaves the lines unknown.
fn clause_lines(file: &Path) -> Vec<usize> {
    let Ok(text) = std::fs::read_to_string(file) else {
        return Vec::new();
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let Ok(root) = tree::parse(&file.display().to_string(), text) else {
        return Vec::new();
    };
    let Value::Map(entries) = &root.value else {
        return Vec::new();
    };
    entries
        .iter()
        .find(|(key, _)| matches!(&key.value, Value::Scalar { text, .. } if text == "clauses"))
        .map(|(_, list)| match &list.value {
            Value::Seq(items) => items.iter().map(|item| item.line).collect(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
}
