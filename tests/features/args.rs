//! The command line: `cargo test` hands a `harness = false` test the arguments libtest
//! understands (`FILTER`, `--nocapture`, `--quiet`, `--test-threads N`, `--exact`,
//! `--skip S`, `--list`...), which cucumber's own command line would refuse. This splits
//! them off: positional filters and `--skip` select scenarios by name, feature name or
//! file path (substring, like libtest); `--test-threads` becomes cucumber's
//! `--concurrency`; the rest of libtest's flags are dropped. Everything else (`--tags`,
//! `--name`, `-v`, `--fail-fast`...) goes to cucumber, which refuses what it does not know.
//! cucumber's `--name` and `--tags` replace the positional filters rather than narrow them.

use crate::sources::shown;
use cucumber::gherkin;

/// The arguments, sorted out.
#[derive(Debug, Default)]
pub struct Invocation {
    /// The program name and cucumber's arguments.
    pub cucumber: Vec<String>,
    /// What the run selects.
    pub selection: Selection,
    /// `--list`: print the selected scenarios' names instead of running them.
    pub list: bool,
    /// `--ignored`: run only ignored tests, of which there are none.
    pub ignored_only: bool,
}

/// Which scenarios run.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// Positional filters; a scenario runs when one matches (all run when none given).
    pub filters: Vec<String>,
    /// `--skip` filters; a scenario any of them matches does not run.
    pub skips: Vec<String>,
    /// `--exact`: filters must equal the scenario name.
    pub exact: bool,
}

/// libtest flags that take no value and mean nothing here.
const LIBTEST_FLAGS: &[&str] = &[
    "--nocapture",
    "--no-capture",
    "--show-output",
    "-q",
    "--quiet",
    "--include-ignored",
    "--bench",
    "--test",
    "--force-run-in-process",
    "--exclude-should-panic",
    "--report-time",
    "--ensure-time",
    "--shuffle",
];

/// libtest options that take a value and mean nothing here.
const LIBTEST_OPTIONS: &[&str] = &["--format", "--logfile", "--shuffle-seed", "-Z"];

/// cucumber options that take a value, so that value is not taken for a filter.
const CUCUMBER_OPTIONS: &[&str] = &[
    "-n",
    "--name",
    "--scenario-name",
    "-t",
    "--tags",
    "-i",
    "--input",
    "-c",
    "--concurrency",
    "--retry",
    "--retry-after",
    "--retry-tag-filter",
    "--color",
];

/// Sorts out `std::env::args()`.
pub fn split(args: impl IntoIterator<Item = String>) -> Invocation {
    let mut args = args.into_iter();
    let mut inv = Invocation::default();
    inv.cucumber.extend(args.next());
    let mut positional_only = false;
    while let Some(arg) = args.next() {
        if positional_only || !arg.starts_with('-') || arg == "-" {
            inv.selection.filters.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match name.as_str() {
            "--" => positional_only = true,
            "--exact" => inv.selection.exact = true,
            "--list" => inv.list = true,
            "--ignored" => inv.ignored_only = true,
            "--skip" => inv.selection.skips.extend(inline.or_else(|| args.next())),
            "--test-threads" => {
                if let Some(n) = inline.or_else(|| args.next()) {
                    inv.cucumber.extend(["--concurrency".to_string(), n]);
                }
            }
            n if LIBTEST_FLAGS.contains(&n) || (n.starts_with("-Z") && n != "-Z") => {}
            n if LIBTEST_OPTIONS.contains(&n) => {
                if inline.is_none() {
                    args.next();
                }
            }
            n if CUCUMBER_OPTIONS.contains(&n) => {
                inv.cucumber.push(arg.clone());
                if inline.is_none() {
                    inv.cucumber.extend(args.next());
                }
            }
            _ => inv.cucumber.push(arg),
        }
    }
    inv
}

impl Selection {
    /// Whether a scenario runs: a filter matches its name, its feature's name or its
    /// file, and no skip does. With `--exact`, a filter must equal the scenario name.
    pub fn selects(&self, feature: &gherkin::Feature, scenario: &gherkin::Scenario) -> bool {
        let path = feature
            .path
            .as_ref()
            .map(|p| shown(p).display().to_string())
            .unwrap_or_default();
        let hit = |f: &String| {
            if self.exact {
                scenario.name == *f
            } else {
                scenario.name.contains(f.as_str())
                    || feature.name.contains(f.as_str())
                    || path.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(hit)) && !self.skips.iter().any(hit)
    }
}
