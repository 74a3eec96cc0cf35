//! Clause citations in YAML scenarios: the entries of their `clauses:` list.
//!
//! Files are read with the same loader as `check`, so a file `check` refuses is
//! refused here too. Only scenarios (files with `expected:`) count as coverage; a
//! partner file is never verified, so its citations are listed as not counted.

use super::{files_under, Found, ScenarioCitation};
use crate::load::tree::{self, Value};
use std::path::Path;

pub(super) fn read(dir: &Path, found: &mut Found) {
    for file in files_under(dir, &["yaml", "yml"], &mut found.errors) {
        let doc = match crate::load::load_file_chosen(&file) {
            Ok((doc, book)) => {
                found.editions.insert(book.edition.clone());
                doc
            }
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
            found.written.push((id.clone(), file.clone(), line));
            if doc.expected.is_some() {
                found.scenarios.push((
                    id.clone(),
                    ScenarioCitation {
                        file: file.clone(),
                        line,
                        name: name.clone(),
                    },
                ));
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
