//! Integration tests of the `pcscore` binary, one test binary grouped by theme.
//!
//! Every test writes its YAML files into a fresh temporary folder, runs the real binary
//! there with [`Test`], and asserts the exit status, stdout and stderr. Every run also
//! checks that the binary did not panic, finished (a hang fails the test rather than
//! the CI job), and left the folder exactly as it found it: pcscore never writes to an
//! input file.
//!
//! - [`score`]: `score` in its three formats, `explain`, designations, the command line.
//! - [`check`]: `check` reports, diffs, recursion, order, skips and duplicate names.
//! - [`bad_input`]: the corpus of malformed files in `tests/data/bad/`, one defect each.
//! - [`paths`]: both paths of Modern Work and Security, and `edition_in_force`.
//! - [`messages`]: whole error messages, caret included, for the loader's harder cases.
//! - [`import`]: `import` of Partner Center downloads, and the bad downloads in
//!   `tests/data/bad-import/`.
//! - [`large`]: a valid partner file of 20,000 customers.
//! - [`plan`]: `plan` on a partner of 20,000 customers and 20,000 deployments.

// The crate root of an integration test resolves modules beside it, in `tests/`.
#[path = "cli/test.rs"]
mod test;

#[path = "cli/bad_input.rs"]
mod bad_input;
#[path = "cli/check.rs"]
mod check;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/large.rs"]
mod large;
#[path = "cli/messages.rs"]
mod messages;
#[path = "cli/paths.rs"]
mod paths;
#[path = "cli/plan.rs"]
mod plan;
#[path = "cli/score.rs"]
mod score;

pub(crate) use test::{data, unindent, Test};
