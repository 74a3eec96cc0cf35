//! File safety of the binary's output (issue 9): every command exits 2 with a message
//! when stdout cannot be written.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A throwaway folder, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(test: &str) -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "pcscore-file-safety-{}-{}-{test}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
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

    /// Runs `pcscore ARGS` here, stdin closed, stdout to `stdout`, stderr captured, with
    /// a deadline so a hang fails the test instead of the job.
    fn run_with(&self, args: &[&str], stdout: Stdio) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pcscore"))
            .args(args)
            .current_dir(&self.0)
            .env_remove("CI")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(Stdio::piped())
            .spawn()
            .expect("pcscore starts");
        let started = Instant::now();
        loop {
            if child.try_wait().expect("poll").is_some() {
                return child.wait_with_output().expect("output");
            }
            if started.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("`pcscore {}` did not finish: a hang", args.join(" "));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PASSING: &str = "name: Nothing scores\nas_of: 2024-12\nexpected:\n  path: smb\n  total: 0\n";

// ------------------------------------------------------------- stdout errors

/// Every command's printing: with stdout on `/dev/full` (every write fails with "no
/// space left"), the run ends with exit 2 and says why on stderr, instead of exiting 0
/// with nothing written.
#[test]
fn a_full_stdout_is_an_error_for_every_command() {
    let d = Dir::new("full");
    d.write("a.yaml", PASSING);
    d.write(
        "failing.yaml",
        "name: We said five\nas_of: 2024-12\nexpected:\n  total: 5\n",
    );
    let runs: &[&[&str]] = &[
        &["score", "a.yaml"],
        &["explain", "a.yaml"],
        &["plan", "a.yaml"],
        &["check", "a.yaml"],
        &["check", "a.yaml", "--output", "report.txt"],
        &["accept", "--dry-run", "failing.yaml"],
        &["rules"],
        &["schema"],
        &["coverage", "--scenarios", "."],
        &["new", "made.yaml", "--as-of", "2024-12"],
    ];
    for args in runs {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("open /dev/full");
        let o = d.run_with(args, Stdio::from(full));
        let command = args.join(" ");
        assert_eq!(code(&o), 2, "pcscore {command}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("error: cannot write to stdout: "),
            "pcscore {command}: {}",
            stderr(&o)
        );
        assert!(
            !stderr(&o).contains("panicked"),
            "pcscore {command}: {}",
            stderr(&o)
        );
    }
    assert_eq!(
        d.read("failing.yaml"),
        "name: We said five\nas_of: 2024-12\nexpected:\n  total: 5\n"
    );
}

/// `accept --yes` with stdout failing writes no file: the changes could not be shown.
#[test]
fn accept_with_a_full_stdout_writes_nothing() {
    let d = Dir::new("full-accept");
    let text = "name: We said five\nas_of: 2024-12\nexpected:\n  total: 5\n";
    d.write("failing.yaml", text);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    let o = d.run_with(&["accept", "--yes", "failing.yaml"], Stdio::from(full));
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("error: cannot write to stdout: "),
        "{}",
        stderr(&o)
    );
    assert_eq!(d.read("failing.yaml"), text);
}

/// A closed pipe is not an error: `pcscore explain f | head -1` is normal use.
#[test]
fn a_closed_pipe_stays_silent() {
    let d = Dir::new("pipe");
    d.write("a.yaml", PASSING);
    let mut child = Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(["explain", "a.yaml"])
        .current_dir(&d.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}
