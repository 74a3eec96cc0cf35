//! The AFL++ entry point. Under `cargo afl fuzz` it runs in persistent mode; run
//! directly, it reads one input from standard input, which is how a finding replays:
//! `target/release/load_and_score < out/default/crashes/id:...`.

fn main() {
    // Parse the built-in rulebook once before the loop, so that the first input does
    // not take a different path from every later one.
    let _ = pcscore::rulebook::Rulebook::builtin();
    afl::fuzz!(|data: &[u8]| {
        pcscore_fuzz::exercise(data);
    });
}
