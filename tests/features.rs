//! The executable specification: the Gherkin features under `features/` and the
//! analysts' YAML scenarios under `scenarios/`, run by cucumber as one suite.
//!
//! `cargo test --test features` runs everything; `cargo test --test features -- WORDS`
//! runs the scenarios whose name, feature name or file contains WORDS; cucumber's own
//! options follow `--` too (`--tags @DAI.PERF.NCA.LOSS`, `--tags @yaml`, `-vv`).
//! `PCSCORE_FEATURES` and `PCSCORE_SCENARIOS` point the run at other folders. The run
//! ends with a plain `N passed, N failed` line and fails when any scenario fails.
//!
//! Steps are grouped by domain concept: [`situation`] (Given: the partner), [`scoring`]
//! (When), [`expectations`] (Then: score card and explanation), [`paths_steps`] (Then:
//! both paths of Modern Work and Security and the choice), [`scenario_files`] (the
//! YAML scenarios and their parser) and [`clauses`] (the clause catalogue checks).

#[path = "features/args.rs"]
mod args;
#[path = "features/clauses.rs"]
mod clauses;
#[path = "features/editions_steps.rs"]
mod editions_steps;
#[path = "features/expectations.rs"]
mod expectations;
#[path = "features/import.rs"]
mod import;
#[path = "features/params.rs"]
mod params;
#[path = "features/paths_steps.rs"]
mod paths_steps;
#[path = "features/scenario_files.rs"]
mod scenario_files;
#[path = "features/scoring.rs"]
mod scoring;
#[path = "features/situation.rs"]
mod situation;
#[path = "features/sources.rs"]
mod sources;
#[path = "features/world.rs"]
mod world;

use cucumber::cli::{self, Parser as _};
use cucumber::writer::Stats as _;
use cucumber::{Parser as _, World as _};
use futures::executor::block_on;
use futures::StreamExt as _;
use scenario_files::SpecParser;
use sources::Sources;
use std::process::ExitCode;
use world::Spec;

fn main() -> ExitCode {
    let invocation = args::split(std::env::args());
    let sources = Sources::from_env();
    if invocation.ignored_only {
        // No scenario is ignored.
        println!("0 passed, 0 failed");
        return ExitCode::SUCCESS;
    }
    let opts = cli::Opts::<_, _, _, cli::Empty>::try_parse_from(&invocation.cucumber)
        .unwrap_or_else(|e| e.exit());
    let selection = invocation.selection;
    if invocation.list {
        list(sources, opts.parser, &selection);
        return ExitCode::SUCCESS;
    }
    let writer = block_on(
        Spec::cucumber::<&str>()
            .with_parser(SpecParser)
            .fail_on_skipped()
            .with_cli(opts)
            .filter_run(sources, move |feature, _, scenario| {
                selection.selects(feature, scenario)
            }),
    );
    let scenarios = writer.scenarios_stats();
    // A feature file that does not parse, or a failed hook, fails the run like a scenario.
    let failed =
        scenarios.failed + scenarios.skipped + writer.parsing_errors() + writer.hook_errors();
    println!("{} passed, {failed} failed", scenarios.passed);
    if failed > 0 || writer.execution_has_failed() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `--list`: one `NAME: test` line per selected scenario, as libtest lists tests.
fn list(sources: Sources, cli: cucumber::parser::basic::Cli, selection: &args::Selection) {
    let features: Vec<_> = block_on(SpecParser.parse(sources, cli).collect());
    for feature in features.into_iter().flatten() {
        let scenarios = feature
            .scenarios
            .iter()
            .chain(feature.rules.iter().flat_map(|r| &r.scenarios));
        for scenario in scenarios.filter(|s| selection.selects(&feature, s)) {
            println!("{}: test", scenario.name);
        }
    }
}
