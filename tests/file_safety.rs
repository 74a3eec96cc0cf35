//! File safety of the binary's output (issue 9): `check --output` writes through links,
//! pipes and devices without replacing them, never over a file it checks, through a
//! temporary file nobody can redirect, keeping the report's mode; and every command
//! exits 2 with a message when stdout cannot be written.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
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

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.0.join(rel)).expect("read")
    }

    /// Runs `pcscore ARGS` here, stdin closed, stdout and stderr captured, with a
    /// deadline so a hang fails the test instead of the job.
    fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, Stdio::piped())
    }

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PASSING: &str = "name: Nothing scores\nas_of: 2024-12\nexpected:\n  path: smb\n  total: 0\n";
const REPORT: &str = "pass  Nothing scores  (a.yaml)\n1 passed, 0 failed\n";

/// Whether this test runs as root: `/proc/self` belongs to the process's user.
fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

// ------------------------------------------------------------- through, not over

#[test]
fn output_through_a_symbolic_link_writes_its_target_and_keeps_the_link() {
    let d = Dir::new("link");
    d.write("a.yaml", PASSING);
    d.write("reports/real.txt", "old report\n");
    std::os::unix::fs::symlink("reports/real.txt", d.path("report.txt")).expect("symlink");
    let o = d.run(&["check", "a.yaml", "--output", "report.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let link = std::fs::symlink_metadata(d.path("report.txt")).expect("stat");
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(d.read("reports/real.txt"), REPORT);
    let left: Vec<_> = std::fs::read_dir(d.path("reports"))
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        ["real.txt"],
        "no temporary file is left beside the target"
    );
}

#[test]
fn output_through_a_dangling_link_creates_its_target() {
    let d = Dir::new("dangling");
    d.write("a.yaml", PASSING);
    std::os::unix::fs::symlink("made/new.txt", d.path("report.txt")).expect("symlink");
    let o = d.run(&["check", "a.yaml", "--output", "report.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(d.path("report.txt"))
        .expect("stat")
        .file_type()
        .is_symlink());
    assert_eq!(d.read("made/new.txt"), REPORT);
}

#[test]
fn output_to_a_named_pipe_writes_into_it_and_keeps_the_pipe() {
    let d = Dir::new("fifo");
    d.write("a.yaml", PASSING);
    let fifo = d.path("report.pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .and_then(|mut f| f.read_to_string(&mut text))
                .expect("read the pipe");
            text
        })
    };
    let o = d.run(&["check", "a.yaml", "--output", "report.pipe"]);
    let meta = std::fs::symlink_metadata(&fifo).expect("stat");
    assert!(meta.file_type().is_fifo(), "the pipe is still a pipe");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // A reader still waiting means nothing ever opened the pipe: fail, don't hang.
    let started = Instant::now();
    while !reader.is_finished() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "nothing was written into the pipe"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(reader.join().expect("reader"), REPORT);
}

/// A character device made in the test folder (the null device's numbers), so the real
/// `/dev/null` is never at risk. Making one needs root; elsewhere there is nothing to
/// test, since only root could replace a device.
#[test]
fn output_to_a_device_writes_into_it_and_keeps_the_device() {
    if !is_root() {
        eprintln!("skipped: only root can make a device");
        return;
    }
    let d = Dir::new("device");
    d.write("a.yaml", PASSING);
    let device = d.path("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .expect("mknod");
    if !made.success() {
        eprintln!("skipped: mknod is not allowed here");
        return;
    }
    let o = d.run(&["check", "a.yaml", "--output", "null"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 passed, 0 failed\n");
    let meta = std::fs::symlink_metadata(&device).expect("stat");
    assert!(
        meta.file_type().is_char_device(),
        "the device is still a device"
    );
    assert_eq!(
        meta.rdev(),
        std::fs::metadata("/dev/null").expect("stat").rdev()
    );
}

/// `--output /dev/stdout`, the usual way to get the report and the summary both on
/// stdout. A link of the test's own to `/proc/self/fd/1` stands in for `/dev/stdout`, so
/// a failure can only ever replace that link.
#[test]
fn output_to_stdout_by_its_descriptor_link_writes_the_report_then_the_summary() {
    let d = Dir::new("dev-stdout");
    d.write("a.yaml", PASSING);
    std::os::unix::fs::symlink("/proc/self/fd/1", d.path("out")).expect("symlink");
    let want = format!("{REPORT}1 passed, 0 failed\n");
    // Into a pipe.
    let o = d.run(&["check", "a.yaml", "--output", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), want);
    // Into a file the test opened, as the shell's `>` would.
    let file = std::fs::File::create(d.path("captured.txt")).expect("create");
    let o = d.run_with(&["check", "a.yaml", "--output", "out"], Stdio::from(file));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(d.read("captured.txt"), want);
    let link = std::fs::symlink_metadata(d.path("out")).expect("stat");
    assert!(link.file_type().is_symlink(), "the link stays a link");
}

// ------------------------------------------------------------- never over an input

#[test]
fn output_onto_a_file_it_checks_is_refused() {
    let d = Dir::new("input");
    d.write("a.yaml", PASSING);
    let o = d.run(&["check", "a.yaml", "--output", "a.yaml"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: --output a.yaml: found the scenario file a.yaml, one of the files checked, \
         expected a report file that is not an input (the report would replace the scenario)\n"
    );
    assert_eq!(stdout(&o), "");
    assert_eq!(d.read("a.yaml"), PASSING);
}

/// Another spelling, a link or a hard link to a checked file is the same file.
#[test]
fn output_onto_a_checked_file_by_another_name_is_refused() {
    let d = Dir::new("input-alias");
    d.write("scenarios/a.yaml", PASSING);
    std::os::unix::fs::symlink("scenarios/a.yaml", d.path("link.yaml")).expect("symlink");
    std::fs::hard_link(d.path("scenarios/a.yaml"), d.path("hard.txt")).expect("link");
    for output in ["./scenarios/a.yaml", "link.yaml", "hard.txt"] {
        let o = d.run(&["check", "scenarios", "--output", output]);
        assert_eq!(code(&o), 2, "{output}");
        assert_eq!(
            stderr(&o),
            format!(
                "error: --output {output}: found the scenario file scenarios/a.yaml, one of the files checked, \
                 expected a report file that is not an input (the report would replace the scenario)\n"
            )
        );
        assert_eq!(d.read("scenarios/a.yaml"), PASSING);
    }
}

// ------------------------------------------------------------- the temporary file

/// The temporary file's name holds the process id. Links planted under every name the
/// next processes could use must not redirect the write: the temporary file is created
/// afresh, never opened through a link.
#[test]
fn a_link_planted_at_the_temporary_name_does_not_redirect_the_write() {
    let Ok(last) = std::fs::read_to_string("/proc/sys/kernel/ns_last_pid") else {
        eprintln!("skipped: the next process id cannot be known here");
        return;
    };
    let last: u32 = last.trim().parse().expect("a process id");
    let d = Dir::new("planted");
    d.write("a.yaml", PASSING);
    d.write("victim.txt", "not the report's to change\n");
    let victim = d.path("victim.txt");
    for pid in last + 1..last + 400 {
        for name in [
            format!(".report.txt.{pid}.tmp"),
            format!(".report.txt.pcscore-output.{pid}.tmp"),
        ] {
            std::os::unix::fs::symlink(&victim, d.path(&name)).expect("plant a link");
        }
    }
    let o = d.run(&["check", "a.yaml", "--output", "report.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(d.read("victim.txt"), "not the report's to change\n");
    let report = std::fs::symlink_metadata(d.path("report.txt")).expect("stat");
    assert!(report.file_type().is_file(), "the report is a plain file");
    assert_eq!(d.read("report.txt"), REPORT);
}

// ------------------------------------------------------------- an existing report's mode

#[test]
fn output_keeps_an_existing_reports_mode() {
    let d = Dir::new("mode");
    d.write("a.yaml", PASSING);
    let report = d.write("report.txt", "old\n");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = d.run(&["check", "a.yaml", "--output", "report.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(d.read("report.txt"), REPORT);
    let mode = std::fs::metadata(&report)
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o600);
}

/// A report nobody may write (mode 0444) is not replaced, by root neither: the rule is
/// the file's permission bits, the same for every user.
#[test]
fn output_refuses_a_read_only_report() {
    let d = Dir::new("read-only");
    d.write("a.yaml", PASSING);
    let report = d.write("report.txt", "kept\n");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let o = d.run(&["check", "a.yaml", "--output", "report.txt"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: report.txt: cannot write the report: found a read-only file (mode 0444), \
         expected a file its permissions let pcscore replace (make it writable, `chmod u+w`, or choose another name)\n"
    );
    assert_eq!(d.read("report.txt"), "kept\n");
    let mode = std::fs::metadata(&report)
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o444);
}

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
