#!/usr/bin/env bash
# Fuzzes the loader and the engine with AFL++ through cargo-afl (stable toolchain).
#
#   fuzz/run.sh [SECONDS]    default 600; resumes from fuzz/out when it exists
#
# Needs `cargo install cargo-afl` once (it builds AFL++ on first use). Findings land in
# fuzz/out/default/crashes and .../hangs; replay one with
#   fuzz/target/release/load_and_score < fuzz/out/default/crashes/id:...
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
if ! command -v cargo-afl >/dev/null; then
    echo "error: cargo-afl is not installed: run \`cargo install cargo-afl\`" >&2
    exit 2
fi
cargo afl build --release
# The seeds: every shipped scenario, and the malformed and good files of the CLI tests.
rm -rf target/seeds
mkdir -p target/seeds
find ../scenarios ../tests/data -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 |
    while IFS= read -r -d '' f; do
        cp "$f" "target/seeds/$(echo "${f#../}" | tr '/' '_')"
    done
# AFL_NO_AFFINITY: the machine is shared, so do not insist on a free core of our own.
# AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: core dumps may go to a handler; crashes are
# still caught by the fork server. AFL_AUTORESUME: continue an earlier run in out/.
AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_AUTORESUME=1 AFL_NO_UI=${AFL_NO_UI:-1} \
    cargo afl fuzz -i target/seeds -o out -x yaml.dict -V "$seconds" \
    target/release/load_and_score
