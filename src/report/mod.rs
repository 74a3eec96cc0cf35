//! Reports: score cards (text, YAML, JSON), explanations for auditors, and the output
//! of `check`. Rendering only: everything here is computed by the engine and scenarios.

mod card;
mod check;
mod check_json;
mod check_junit;
mod coverage;
mod explain;
mod rules;

pub use card::{card_json, card_text, card_yaml};
pub use check::{check_summary, check_text, check_text_with, CheckText};
pub use check_json::check_json;
pub use check_junit::check_junit;
pub use coverage::{coverage_json, coverage_markdown, coverage_text};
pub use explain::explain_text;
pub use rules::{rules_check_text, rules_text};
