//! Reports: score cards (text, YAML, JSON), explanations for auditors, and the output
//! of `check`. Rendering only: everything here is computed by the engine and scenarios.

mod audit;
mod card;
mod check;
mod check_json;
mod check_junit;
mod coverage;
mod escape;
mod explain;
mod explain_html;
mod explain_json;
mod explain_markdown;
pub(crate) mod reason;
mod rules;

pub(crate) use card::card_shape;
pub use card::{card_json, card_text, card_yaml};
pub use check::{check_error_lines, check_summary, check_text, check_text_with, CheckText};
pub use check_json::check_json;
pub use check_junit::check_junit;
pub use coverage::{coverage_json, coverage_markdown, coverage_text};
pub(crate) use escape::{markdown, markdown_code, Place};
pub use escape::{one_line, one_line_path, visible_lines};
pub use explain::explain_text;
pub use explain_html::explain_html;
pub use explain_json::explain_json;
pub use explain_markdown::explain_markdown;
pub use reason::{attainment_reason, reason};
pub use rules::{rules_check_text, rules_text};

/// `1 point`, `20 points`: a number of points with its noun.
pub(crate) fn points_count(p: crate::model::Points) -> String {
    if p == crate::model::Points::from(1) {
        format!("{p} point")
    } else {
        format!("{p} points")
    }
}

/// `1 file`, `3 files`: a count with its noun, for every report's summary lines.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
