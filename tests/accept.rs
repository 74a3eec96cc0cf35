//! `pcscore accept`: each promise of the review workflow, proved on real files. The
//! binary runs on files written to a fresh folder; the analyst's file is compared byte
//! for byte afterwards. What the binary cannot be made to do on cue (a file edited
//! between the check and the write) is driven through the library's public API on the
//! same real files.

use pcscore::load;
use pcscore::model::{Keyed, PathKind, Points, ScoreCard};
use pcscore::scenario::{self, accept};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

/// A throwaway folder of scenario files, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(test: &str) -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "pcscore-accept-{}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            test
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp folder");
        Dir(path)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
        std::fs::write(&path, text).expect("write");
        path
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.0.join(rel)).expect("read")
    }

    /// Every file and folder below, hidden ones included, sorted: a leftover temporary
    /// file shows up here.
    fn listing(&self) -> Vec<String> {
        fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("list").flatten() {
                let p = entry.path();
                out.push(p.strip_prefix(root).expect("below").display().to_string());
                if entry.file_type().expect("type").is_dir() {
                    walk(&p, root, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.0, &self.0, &mut out);
        out.sort();
        out
    }

    /// Runs `pcscore accept ARGS` here with stdin closed (not a terminal) and `CI` unset.
    fn accept(&self, args: &[&str]) -> Output {
        self.accept_env(args, &[])
    }

    fn accept_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pcscore"));
        cmd.arg("accept")
            .args(args)
            .current_dir(&self.0)
            .stdin(Stdio::null())
            .env_remove("CI");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("pcscore runs")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit code")
}

/// A scenario an analyst annotated by hand. The engine gives one add (10 points) where
/// it expects two; everything else it writes already matches.
const ANNOTATED: &str = "\
# yaml-language-server: $schema=https://example.com/pcscore.schema.json
# A scenario the analyst annotated by hand.
name: \"One add on the enterprise path\"   # double-quoted on purpose
description: 'Contoso is new above USD 1,000: one add, ten points.'

as_of: 2024-12
path: enterprise

expected:
  # Worked out by hand before the rule changed.
  path: enterprise            # explicit in the file
  points:
    net_customer_adds: 20     # two adds, we thought

    usage_growth: 0
  categories: {performance: 20, skilling: 0}   # flow style
  total: 20
  attained: false

customers:
  - id: contoso   # the only customer
    segment: enterprise
    attribution: ['PAL']
    acr:
      2024-12: 5000
tags: [example, hand-written]
";

/// [`ANNOTATED`] after accepting: three values, nothing else.
const ANNOTATED_ACCEPTED: &str = "\
# yaml-language-server: $schema=https://example.com/pcscore.schema.json
# A scenario the analyst annotated by hand.
name: \"One add on the enterprise path\"   # double-quoted on purpose
description: 'Contoso is new above USD 1,000: one add, ten points.'

as_of: 2024-12
path: enterprise

expected:
  # Worked out by hand before the rule changed.
  path: enterprise            # explicit in the file
  points:
    net_customer_adds: 10     # two adds, we thought

    usage_growth: 0
  categories: {performance: 10, skilling: 0}   # flow style
  total: 10
  attained: false

customers:
  - id: contoso   # the only customer
    segment: enterprise
    attribution: ['PAL']
    acr:
      2024-12: 5000
tags: [example, hand-written]
";

/// A scenario that passes: nothing scores on the SMB path.
const PASSING: &str = "name: Nothing scores\nas_of: 2024-12\nexpected:\n  path: smb\n  total: 0\n";

/// A failing scenario with its whole expectation in one flow mapping, between two other
/// top-level keys, with Windows line endings and a byte-order mark.
const FLOW_CRLF: &str = "\u{feff}name: Nothing scores, but we said 5\r\nexpected: {path: 'enterprise', total: 5}   # all in one line\r\nas_of: 2024-12\r\n";

#[test]
fn yes_rewrites_the_values_and_keeps_every_other_byte() {
    let d = Dir::new("yes");
    d.write("annotated.yaml", ANNOTATED);
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(stderr(&out), "");
    assert_eq!(
        stdout(&out),
        "\
FAIL  One add on the enterprise path  (./annotated.yaml)
      --- expected
      +++ actual
      @@ -10,11 +10,11 @@
         # Worked out by hand before the rule changed.
         path: enterprise            # explicit in the file
         points:
      -    net_customer_adds: 20     # two adds, we thought
      +    net_customer_adds: 10     # two adds, we thought
       
           usage_growth: 0
      -  categories: {performance: 20, skilling: 0}   # flow style
      -  total: 20
      +  categories: {performance: 10, skilling: 0}   # flow style
      +  total: 10
         attained: false
       
       customers:
accepted:
  ./annotated.yaml
0 passing, 1 accepted
"
    );
    assert_eq!(d.listing(), ["annotated.yaml"], "no temporary file is left");
    let again = d.accept(&["."]);
    assert_eq!(code(&again), 0);
    assert_eq!(stdout(&again), "1 passing (nothing to accept)\n");
}

#[test]
fn flow_style_crlf_and_a_byte_order_mark_survive() {
    let d = Dir::new("flow");
    d.write("flow.yaml", FLOW_CRLF);
    let out = d.accept(&["--yes", "flow.yaml"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        d.read("flow.yaml"),
        "\u{feff}name: Nothing scores, but we said 5\r\nexpected: {path: 'smb', total: 0}   # all in one line\r\nas_of: 2024-12\r\n"
    );
}

fn set_old_mtime(path: &Path) -> SystemTime {
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(old))
        .expect("set mtime");
    old
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

#[test]
fn passing_files_and_partner_files_are_never_touched() {
    let d = Dir::new("untouched");
    let passing = d.write("passing.yaml", PASSING);
    let partner = d.write("partner.yaml", "as_of: 2024-12   # no expectation\n");
    d.write("annotated.yaml", ANNOTATED);
    let when = [set_old_mtime(&passing), set_old_mtime(&partner)];
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).ends_with("1 passing, 1 accepted, 1 partner file\n"));
    assert_eq!(d.read("passing.yaml"), PASSING);
    assert_eq!(
        d.read("partner.yaml"),
        "as_of: 2024-12   # no expectation\n"
    );
    assert_eq!([mtime(&passing), mtime(&partner)], when);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
}

#[test]
fn dry_run_shows_and_writes_nothing() {
    let d = Dir::new("dry");
    let file = d.write("annotated.yaml", ANNOTATED);
    let when = set_old_mtime(&file);
    d.write("passing.yaml", PASSING);
    let out = d.accept(&["--dry-run", "."]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
    assert_eq!(mtime(&file), when);
    assert_eq!(d.listing(), ["annotated.yaml", "passing.yaml"]);
    let text = stdout(&out);
    assert!(text.starts_with("FAIL  One add on the enterprise path  (./annotated.yaml)\n"));
    assert!(text.contains("      -    net_customer_adds: 20     # two adds, we thought\n      +    net_customer_adds: 10     # two adds, we thought\n"));
    assert!(
        text.ends_with(
            "would accept:\n  ./annotated.yaml\n1 passing, 1 to accept (dry run: nothing written)\nto accept them: pcscore accept --yes ./annotated.yaml\n"
        ),
        "{text}"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn without_a_terminal_it_refuses_to_ask_and_names_the_commands() {
    let d = Dir::new("no-terminal");
    d.write("annotated.yaml", ANNOTATED);
    d.write("it's here/flow.yaml", FLOW_CRLF);
    let out = d.accept(&["."]);
    assert_eq!(code(&out), 2);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
    assert_eq!(d.read("it's here/flow.yaml"), FLOW_CRLF);
    assert_eq!(
        stderr(&out),
        "\
error: not asking without a terminal: `pcscore accept` asks about each change on stdin, which is not a terminal
to accept every change shown: pcscore accept --yes ./annotated.yaml './it'\\''s here/flow.yaml'
to only show them:            pcscore accept --dry-run ./annotated.yaml './it'\\''s here/flow.yaml'
"
    );
    assert!(stdout(&out).ends_with(
        "would accept:\n  ./annotated.yaml\n  ./it's here/flow.yaml\n0 passing, 2 to accept\n"
    ));
}

#[test]
fn without_a_terminal_and_nothing_to_accept_there_is_nothing_to_refuse() {
    let d = Dir::new("nothing");
    d.write("passing.yaml", PASSING);
    let out = d.accept(&["."]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "1 passing (nothing to accept)\n");
    assert_eq!(stderr(&out), "");
}

#[test]
fn many_files_are_named_by_the_paths_given() {
    let d = Dir::new("many");
    for i in 0..6 {
        d.write(
            &format!("s/{i}.yaml"),
            &format!("name: n{i}\nas_of: 2024-12\nexpected:\n  total: 1\n"),
        );
    }
    let out = d.accept(&["s"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).ends_with(
            "to accept every change shown: pcscore accept --yes s\nto only show them:            pcscore accept --dry-run s\n"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn on_ci_it_refuses_unless_told_yes_or_dry_run() {
    let d = Dir::new("ci");
    d.write("annotated.yaml", ANNOTATED);
    let out = d.accept_env(&["annotated.yaml"], &[("CI", "true")]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).starts_with(
        "error: not asking on CI (`CI` is set): `pcscore accept` writes files only when told to\nto accept every change shown: pcscore accept --yes annotated.yaml\n"
    ));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);

    let dry = d.accept_env(&["--dry-run", "annotated.yaml"], &[("CI", "true")]);
    assert_eq!(code(&dry), 1);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);

    let yes = d.accept_env(&["--yes", "annotated.yaml"], &[("CI", "true")]);
    assert_eq!(code(&yes), 0);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
}

#[test]
fn yes_and_dry_run_together_are_a_usage_error() {
    let d = Dir::new("both");
    d.write("annotated.yaml", ANNOTATED);
    let out = d.accept(&["--yes", "--dry-run", "."]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
}

#[test]
fn a_broken_file_is_reported_and_the_others_are_still_accepted() {
    let d = Dir::new("broken");
    d.write("annotated.yaml", ANNOTATED);
    let broken = "name: Broken\nas_of: 2024-13\nexpected:\n  total: 3\n";
    d.write("broken.yaml", broken);
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 2);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(d.read("broken.yaml"), broken);
    assert!(stdout(&out).contains(
        "ERROR ./broken.yaml\n      ./broken.yaml:2:8: as_of: found `2024-13`, expected a month written YYYY-MM"
    ));
    assert!(stdout(&out).ends_with("0 passing, 1 accepted, 1 with errors\n"));
}

#[test]
fn a_value_accept_cannot_rewrite_safely_is_left_for_a_person() {
    let d = Dir::new("by-hand");
    let text =
        "name: Block scalar\nas_of: 2024-12\nexpected:\n  path: |-\n    enterprise\n  total: 0\n";
    d.write("block.yaml", text);
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 1);
    assert_eq!(d.read("block.yaml"), text);
    assert_eq!(
        stdout(&out),
        "\
FAIL  Block scalar  (./block.yaml)
      --- expected
      +++ actual
      @@ -1,2 +1,2 @@
      -path: enterprise
      +path: smb
       total: 0
      not rewritten: ./block.yaml:4:3: expected.path: found a literal block scalar (`|`), expected a value on one line, plain or in simple quotes, that accept can replace in place (edit this value by hand)
skipped:
  ./block.yaml  (its expected: block must be edited by hand)
0 passing, 1 skipped
to see the skipped ones again: pcscore accept ./block.yaml
"
    );
}

/// A temporary file of an accept that is still running (this test's own process stands
/// in for it) stops the write of that file, and is not ours to remove.
#[test]
fn a_running_accepts_temporary_file_stops_the_write_and_the_original_stays() {
    let d = Dir::new("busy-temp");
    d.write("annotated.yaml", ANNOTATED);
    let theirs = format!(".annotated.yaml.pcscore-accept.{}.tmp", std::process::id());
    d.write(&theirs, "being written by another accept\n");
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 2);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
    assert_eq!(
        d.read(&theirs),
        "being written by another accept\n",
        "a running accept's temporary file is not ours to remove"
    );
    assert!(
        stdout(&out).contains(&format!(
            "ERROR ./annotated.yaml\n      ./annotated.yaml: found the temporary file {theirs} of process {pid}, which is still running, expected none: another accept is writing it (if none is, remove {theirs}); the file is unchanged\n",
            pid = std::process::id()
        )),
        "{}",
        stdout(&out)
    );
}

/// The fixed name earlier versions used is nobody's lock any more: it neither stops the
/// write nor is removed.
#[test]
fn an_old_fixed_temporary_name_is_left_alone() {
    let d = Dir::new("old-temp");
    d.write("annotated.yaml", ANNOTATED);
    d.write(".annotated.yaml.pcscore-accept.tmp", "left by a crash\n");
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(
        d.read(".annotated.yaml.pcscore-accept.tmp"),
        "left by a crash\n"
    );
}

#[test]
fn a_temporary_file_that_cannot_be_created_leaves_the_original_intact() {
    // The temporary name is longer than the file's; at 240 characters the file name
    // fits the usual 255-byte limit and the temporary one does not, which fails for
    // every user, root included.
    let d = Dir::new("long-name");
    let name = format!("{}.yaml", "n".repeat(235));
    d.write(&name, ANNOTATED);
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 2);
    assert_eq!(d.read(&name), ANNOTATED);
    assert_eq!(d.listing(), std::slice::from_ref(&name));
    assert!(
        stdout(&out).contains(&format!(
            "      ./{name}: cannot create the temporary file .{name}.pcscore-accept."
        )),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("; the file is unchanged\n"));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_the_original_intact() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("read-only");
    d.write("annotated.yaml", ANNOTATED);
    std::fs::set_permissions(&d.0, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // A superuser writes into read-only folders anyway; there the case cannot arise, and
    // the long-name test above covers a failed temporary file.
    let probe = d.0.join(".probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&d.0, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let out = d.accept(&["--yes", "."]);
    std::fs::set_permissions(&d.0, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(code(&out), 2);
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
    assert!(
        stdout(&out).contains(
            "./annotated.yaml: cannot create the temporary file .annotated.yaml.pcscore-accept."
        ),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(".tmp beside it: permission denied; the file is unchanged\n"));
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_a_link_stays_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("link");
    let real = d.write("real/annotated.yaml", ANNOTATED);
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::fs::create_dir_all(d.0.join("links")).expect("folder");
    std::os::unix::fs::symlink(&real, d.0.join("links/annotated.yaml")).expect("symlink");
    let out = d.accept(&["--yes", "links"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let link = std::fs::symlink_metadata(d.0.join("links/annotated.yaml")).expect("stat");
    assert!(link.file_type().is_symlink());
    assert_eq!(d.read("real/annotated.yaml"), ANNOTATED_ACCEPTED);
    let mode = std::fs::metadata(&real).expect("stat").permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn a_file_changed_between_the_check_and_the_write_is_not_overwritten() {
    let d = Dir::new("changed");
    let file = d.write("annotated.yaml", ANNOTATED);
    let cases = scenario::check_files(std::slice::from_ref(&file));
    let Some(accept::Proposal::Ready(pending)) = accept::propose(&cases[0]) else {
        panic!("expected a proposal for {}", file.display());
    };
    assert_eq!(pending.accepted, ANNOTATED_ACCEPTED);
    // The analyst edits the file while the review waits for an answer.
    let edited = ANNOTATED.replace("# two adds, we thought", "# fixing it by hand");
    std::fs::write(&file, &edited).expect("edit");
    let err = accept::commit(&pending).expect_err("a changed file is not written");
    assert!(matches!(err, accept::CommitError::Changed { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: changed since it was checked, so it was not written (run accept again to see the new differences)",
            file.display()
        )
    );
    assert_eq!(d.read("annotated.yaml"), edited);
    assert_eq!(
        d.listing(),
        ["annotated.yaml"],
        "the temporary file is removed"
    );
}

#[test]
fn commit_writes_exactly_the_proposal() {
    let d = Dir::new("commit");
    let file = d.write("annotated.yaml", ANNOTATED);
    let cases = scenario::check_files(std::slice::from_ref(&file));
    let Some(accept::Proposal::Ready(pending)) = accept::propose(&cases[0]) else {
        panic!("expected a proposal");
    };
    accept::commit(&pending).expect("written");
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(d.listing(), ["annotated.yaml"]);
}

/// A card differing from `card` in every value, so every written key must change.
fn every_value_changed(card: &ScoreCard) -> ScoreCard {
    let one = Points::from(1);
    let plus_one = |list: &[Keyed]| -> Vec<Keyed> {
        list.iter()
            .map(|k| Keyed::new(k.key.clone(), k.points + one))
            .collect()
    };
    let points = plus_one(&card.points);
    ScoreCard {
        path: match card.path {
            PathKind::Smb => PathKind::Enterprise,
            PathKind::Enterprise => PathKind::Smb,
        },
        points,
        categories: plus_one(&card.categories),
        total: card.total + one,
        attained: !card.attained,
        decimals: card.decimals,
    }
}

/// The keys an expectation writes, as `expected_yaml` lists them.
fn keys(e: &pcscore::model::Expected) -> Vec<String> {
    scenario::expected_yaml(e)
        .lines()
        .map(|l| l.split(':').next().unwrap_or_default().to_string())
        .collect()
}

/// Every shipped scenario, rewritten with every value changed: the same lines, the lines
/// of the changes alone differ, and the file still describes the same partner and now
/// expects the new values for exactly the keys it wrote.
#[test]
fn every_shipped_scenario_rewrites_in_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let files = scenario::discover(&[root]).expect("scenarios");
    assert!(files.len() > 20, "found {} scenario files", files.len());
    let mut rewritten = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let shown = file.display().to_string();
        // Each scored by the rulebook its edition and designation pick.
        let (doc, book) = load::load_str_chosen(&text, &shown).expect("a shipped scenario loads");
        let Some(expected) = &doc.expected else {
            continue;
        };
        let card = pcscore::engine::score(&doc.situation, book)
            .expect("scores")
            .card;
        let wanted = every_value_changed(&card);
        let r = accept::rewrite_expected(&text, &wanted).unwrap_or_else(|e| panic!("{shown}: {e}"));
        assert!(!r.changes.is_empty(), "{shown}: nothing changed");
        let (old, new): (Vec<&str>, Vec<&str>) = (text.lines().collect(), r.text.lines().collect());
        assert_eq!(old.len(), new.len(), "{shown}: line count");
        for (i, (a, b)) in old.iter().zip(&new).enumerate() {
            if !r.changes.iter().any(|c| c.line == i + 1) {
                assert_eq!(a, b, "{shown}:{}: a line without a change changed", i + 1);
            }
        }
        assert_eq!(text.ends_with('\n'), r.text.ends_with('\n'));
        let again = load::load_str(&r.text, &shown).expect("still loads");
        assert_eq!(again.header, doc.header, "{shown}");
        assert_eq!(again.situation, doc.situation, "{shown}");
        let now = again.expected.expect("still a scenario");
        assert_eq!(
            scenario::compare(&now, &wanted),
            None,
            "{shown}: does not expect the new values"
        );
        assert_eq!(keys(&now), keys(expected), "{shown}: other keys");
        rewritten += 1;
    }
    assert!(rewritten > 20, "rewrote {rewritten} scenarios");
}

/// The id of a process that has ended: started, waited for, gone.
fn a_dead_process_id() -> u32 {
    let mut child = Command::new("true").spawn().expect("run `true`");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn a_temporary_file_left_by_a_killed_accept_is_removed_and_the_file_written() {
    let d = Dir::new("killed-temp");
    d.write("annotated.yaml", ANNOTATED);
    let stale = format!(".annotated.yaml.pcscore-accept.{}.tmp", a_dead_process_id());
    d.write(
        &stale,
        "half of a text, left by a run killed while writing\n",
    );
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(
        d.listing(),
        ["annotated.yaml"],
        "the dead run's temporary file is removed"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_as_cp_would() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("read-only-file");
    let file = d.write("annotated.yaml", ANNOTATED);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 2, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED);
    let mode = std::fs::metadata(&file).expect("stat").permissions().mode();
    assert_eq!(mode & 0o7777, 0o444);
    assert!(
        stdout(&out).contains(
            "ERROR ./annotated.yaml\n      ./annotated.yaml: is read-only (mode 0444), so it was not written, as `cp` would not write it (make it writable, `chmod u+w`, to accept); the file is unchanged\n"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(d.listing(), ["annotated.yaml"]);
}

/// A file owned by another user keeps its owner and group (only root can give a file
/// away, so only root can be asked to keep them).
#[cfg(unix)]
#[test]
fn the_owner_and_group_are_kept() {
    use std::os::unix::fs::MetadataExt;
    let d = Dir::new("owner");
    let file = d.write("annotated.yaml", ANNOTATED);
    if std::os::unix::fs::chown(&file, Some(4321), Some(4322)).is_err() {
        eprintln!("skipped: this user cannot give a file away");
        return;
    }
    let out = d.accept(&["--yes", "."]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    let meta = std::fs::metadata(&file).expect("stat");
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
}

/// A rename would give the file a new inode and leave the other names with the old
/// text; a hard-linked file is written in place instead, so every name sees the new text.
#[cfg(unix)]
#[test]
fn a_hard_linked_file_stays_linked() {
    use std::os::unix::fs::MetadataExt;
    let d = Dir::new("hard-link");
    let file = d.write("annotated.yaml", ANNOTATED);
    std::fs::create_dir_all(d.0.join("other")).expect("folder");
    std::fs::hard_link(&file, d.0.join("other/same.txt")).expect("hard link");
    let inode = std::fs::metadata(&file).expect("stat").ino();
    let out = d.accept(&["--yes", "annotated.yaml"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(d.read("annotated.yaml"), ANNOTATED_ACCEPTED);
    assert_eq!(d.read("other/same.txt"), ANNOTATED_ACCEPTED);
    let meta = std::fs::metadata(&file).expect("stat");
    assert_eq!((meta.ino(), meta.nlink()), (inode, 2));
    assert_eq!(d.listing(), ["annotated.yaml", "other", "other/same.txt"]);
}

#[test]
fn a_file_name_with_a_line_break_or_terminal_codes_cannot_forge_a_line() {
    let d = Dir::new("forge");
    d.write("x\nPASS  forged\u{1b}[2K.yaml", ANNOTATED);
    let out = d.accept(&["--dry-run", "."]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("FAIL  One add on the enterprise path  (./x\\nPASS  forged\\e[2K.yaml)\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("PASS")), "{text}");
    assert!(
        text.ends_with(
            "to accept them: pcscore accept --yes $'./x\\nPASS  forged\\u001b[2K.yaml'\n"
        ),
        "{text}"
    );
}
