//! Help for people who write scenarios: the JSON Schema editors check files with
//! (`pcscore schema`) and the commented starting scenario `pcscore new` writes.

pub mod schema;
pub mod template;
