//! Reports: score cards (text, YAML, JSON), explanations for auditors, and the output
//! of `check`. Rendering only: everything here is computed by the engine and scenarios.

mod card;
mod check;
mod coverage;
mod explain;
mod rules;

pub use card::{card_json, card_text, card_yaml};
pub use check::check_text;
pub use coverage::{coverage_json, coverage_markdown, coverage_text};
pub use explain::explain_text;
pub use rules::{rules_check_text, rules_text};
