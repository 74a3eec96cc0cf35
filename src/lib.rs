//! pcscore: the partner capability score of the Microsoft AI Cloud Partner Program,
//! computed from a partner's situation and proved by analysts' scenarios.
//!
//! Data flows one way: a YAML file is [`load`]ed into a [`model::Document`]; the
//! [`engine`] scores its situation with a [`rulebook::Rulebook`], producing a score card
//! and a trace of every rule application; [`scenario`] compares the card with the
//! file's expectation; [`report`] renders cards, explanations and check results.
#![deny(missing_docs)]
// A load error carries the file, position, field, found/expected and the source line;
// it is built once per run at most, so its size on the error path costs nothing.
#![allow(clippy::result_large_err)]

pub mod authoring;
pub mod coverage;
pub mod engine;
pub mod import;
pub mod load;
pub mod model;
pub mod outcome;
pub mod output;
pub mod plan;
pub mod report;
pub mod rulebook;
pub mod scenario;

pub use outcome::{exit_code, Outcome};
