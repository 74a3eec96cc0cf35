//! Reports: score cards (text, YAML, JSON), explanations for auditors, and the output
//! of `check`. Rendering only: everything here is computed by the engine and scenarios.

mod card;
mod check;
mod explain;

pub use card::{card_json, card_text, card_yaml};
pub use check::check_text;
pub use explain::explain_text;
