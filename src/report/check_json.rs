//! `pcscore check --format json`: one record per checked file, for programs.
//!
//! The shape (documented in docs/scenario-format.md): `summary` with the counts and the
//! exit code, then `scenarios`, in path order, each with `name`, `file`, `status`
//! (`passed`, `failed`, `error`, `skipped`), `tags` (tags and clause ids), `expected`
//! (only the keys the scenario wrote), `actual` (the engine's full card), `diff`,
//! `mismatches`, `message` and `error`, the same error as data: `kind`, `line`,
//! `column`, `field`, `found`, `expected` and `source_line` (an object of its own,
//! since the record's `expected` is the scenario's expectation). A value that does not
//! apply is `null`.

use super::card_shape;
use crate::load::LoadError;
use crate::model::{Expected, Written};
use crate::scenario::{mismatches, Case, CheckError, Status, Summary};
use serde_json::{json, Map, Value};

/// The JSON report of a check run.
pub fn check_json(cases: &[Case], not_selected: usize) -> String {
    let s = Summary::of(cases);
    let records: Vec<Value> = cases.iter().map(record).collect();
    let value = json!({
        "summary": {
            "passed": s.passed,
            "failed": s.failed,
            "errors": s.invalid,
            "skipped": s.skipped,
            "not_selected": not_selected,
            "exit_code": s.exit_code(),
        },
        "scenarios": records,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

fn record(c: &Case) -> Value {
    let (status, diff, error) = match &c.status {
        Status::Passed => ("passed", None, None),
        Status::Failed { diff } => ("failed", Some(diff.as_str()), None),
        Status::Invalid { error } => ("error", None, Some(error)),
        Status::NotAScenario => ("skipped", None, None),
    };
    let differing: Vec<Value> = match (&c.status, &c.expected, &c.actual) {
        (Status::Failed { .. }, Some(e), Some(a)) => mismatches(e, a)
            .into_iter()
            .map(|m| json!({"key": m.key, "expected": m.expected, "actual": m.actual}))
            .collect(),
        _ => Vec::new(),
    };
    json!({
        "name": c.name,
        "file": c.file.display().to_string(),
        "status": status,
        "tags": c.tags,
        "expected": c.expected.as_ref().map(expected_value),
        "actual": c.actual.as_ref().map(|card| Value::Object(card_shape(card))),
        "diff": diff,
        "mismatches": differing,
        // The text as `check` prints it, caret drawing included, kept for the readers
        // of earlier reports; `error` is the same error as data.
        "message": error.map(ToString::to_string),
        "error": error.map(error_value),
    })
}

/// `{kind, line, column, field, found, expected, source_line}`; an engine error that has
/// no place in the file has only its kind.
fn error_value(error: &CheckError) -> Value {
    let located = error.located();
    json!({
        "kind": error.kind().as_str(),
        "line": located.and_then(LoadError::line),
        "column": located.and_then(LoadError::column),
        "field": located.map(|e| e.field.as_str()).filter(|f| !f.is_empty()),
        "found": located.map(|e| e.found.as_str()),
        "expected": located.map(|e| e.expected.as_str()),
        "source_line": located.and_then(|e| e.source_line.as_deref()),
    })
}

/// The expectation as an object of the `expected:` shape, only the written keys.
fn expected_value(e: &Expected) -> Value {
    let mut out = Map::new();
    if let Some(p) = e.path {
        out.insert("path".into(), json!(p.as_str()));
    }
    let keyed = |written: &[Written]| -> Map<String, Value> {
        written
            .iter()
            .map(|w| (w.key.to_string(), json!(w.value)))
            .collect()
    };
    if !e.points.is_empty() {
        out.insert("points".into(), Value::Object(keyed(&e.points)));
    }
    if !e.categories.is_empty() {
        out.insert("categories".into(), Value::Object(keyed(&e.categories)));
    }
    if let Some(t) = e.total {
        out.insert("total".into(), json!(t));
    }
    if let Some(a) = e.attained {
        out.insert("attained".into(), json!(a));
    }
    Value::Object(out)
}
