//! The `Test` builder: files in a temporary folder, the real binary, and assertions on
//! status, stdout and stderr, in the spirit of casey/just's `tests/test.rs`.
//!
//! ```ignore
//! Test::new()
//!     .file("partner.yaml", "as_of: 2024-13\n")
//!     .args(&["score", "partner.yaml"])
//!     .stderr_contains("partner.yaml:1:8: as_of: found `2024-13`")
//!     .status(2)
//!     .run();
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a run may take before it counts as a hang. Generous on purpose: this catches
/// a loop or an explosion, it does not measure speed.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// A run of `pcscore` to set up, perform and check. Nothing happens until [`Test::run`].
#[must_use = "a Test does nothing until `.run()`"]
pub(crate) struct Test {
    dir: TempDir,
    args: Vec<String>,
    status: i32,
    stdout: Want,
    stderr: Want,
    timeout: Duration,
}

/// What a stream must be.
enum Want {
    /// Exactly this text.
    Exact(String),
    /// Each of these pieces somewhere.
    Contains(Vec<String>),
}

impl Test {
    /// A test in a new, empty temporary folder that expects success and empty output.
    pub(crate) fn new() -> Test {
        Test {
            dir: TempDir::new(),
            args: Vec::new(),
            status: 0,
            stdout: Want::Contains(Vec::new()),
            stderr: Want::Exact(String::new()),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// Writes a file (text or bytes) at `path`, relative to the test folder.
    pub(crate) fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Test {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create a test subfolder");
        }
        std::fs::write(&full, contents).expect("write a test file");
        self
    }

    /// Creates a sparse file of `len` bytes at `path`: large on paper, nothing on disk.
    pub(crate) fn sparse_file(self, path: &str, len: u64) -> Test {
        let file = std::fs::File::create(self.dir.path().join(path)).expect("create a file");
        file.set_len(len).expect("size a sparse file");
        self
    }

    /// Creates a symbolic link at `path` pointing to `target` (written as given, so a
    /// relative target is relative to the link's folder).
    pub(crate) fn symlink(self, path: &str, target: &str) -> Test {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create a test subfolder");
        }
        std::os::unix::fs::symlink(target, &full).expect("create a symbolic link");
        self
    }

    /// Creates a named pipe (FIFO) at `path`, with `mkfifo`.
    pub(crate) fn fifo(self, path: &str) -> Test {
        let full = self.dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create a test subfolder");
        }
        let status = Command::new("mkfifo")
            .arg(&full)
            .status()
            .expect("run mkfifo");
        assert!(status.success(), "mkfifo {} failed", full.display());
        self
    }

    /// Creates an empty folder at `path`.
    pub(crate) fn folder(self, path: &str) -> Test {
        std::fs::create_dir_all(self.dir.path().join(path)).expect("create a test folder");
        self
    }

    /// The command line after `pcscore`.
    pub(crate) fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| (*a).to_string()));
        self
    }

    /// The exit status expected (0 unless set).
    pub(crate) fn status(mut self, status: i32) -> Test {
        self.status = status;
        self
    }

    /// Stdout must be exactly `text` (see [`unindent`] for multi-line literals).
    pub(crate) fn stdout(mut self, text: impl Into<String>) -> Test {
        self.stdout = Want::Exact(text.into());
        self
    }

    /// Stdout must contain `piece` (and any other pieces asked for).
    pub(crate) fn stdout_contains(mut self, piece: impl Into<String>) -> Test {
        self.stdout = self.stdout.and_contains(piece.into());
        self
    }

    /// Stderr must be exactly `text`; by default it must be empty.
    pub(crate) fn stderr(mut self, text: impl Into<String>) -> Test {
        self.stderr = Want::Exact(text.into());
        self
    }

    /// Stderr must contain `piece` (and any other pieces asked for).
    pub(crate) fn stderr_contains(mut self, piece: impl Into<String>) -> Test {
        self.stderr = self.stderr.and_contains(piece.into());
        self
    }

    /// Allows a longer run than the default 20 seconds (for very large inputs).
    pub(crate) fn timeout(mut self, timeout: Duration) -> Test {
        self.timeout = timeout;
        self
    }

    /// Runs the binary in the test folder and checks everything; returns the output for
    /// further checks.
    pub(crate) fn run(self) -> Output {
        let before = snapshot(self.dir.path());
        let command_line = format!("pcscore {}", self.args.join(" "));
        let mut child = Command::new(env!("CARGO_BIN_EXE_pcscore"))
            .args(&self.args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start pcscore");
        let stdout = drain(child.stdout.take().expect("stdout is piped"));
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("poll pcscore") {
                break status;
            }
            if started.elapsed() > self.timeout {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "`{command_line}` did not finish within {:?}: a hang",
                    self.timeout
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let stdout = stdout.join().expect("read stdout");
        let stderr = stderr.join().expect("read stderr");
        let output = Output {
            status: status.code().unwrap_or(-1),
            stdout,
            stderr,
            dir: self.dir,
        };
        let report = |problem: &str| {
            panic!(
                "`{command_line}`: {problem}\n\
                 --- status: {}\n--- stdout:\n{}--- stderr:\n{}---",
                output.status, output.stdout, output.stderr
            )
        };
        if output.stderr.contains("panicked") || output.stderr.contains("RUST_BACKTRACE") {
            report("pcscore panicked");
        }
        if let Some(problem) = self.stdout.mismatch("stdout", &output.stdout) {
            report(&problem);
        }
        if let Some(problem) = self.stderr.mismatch("stderr", &output.stderr) {
            report(&problem);
        }
        if output.status != self.status {
            report(&format!(
                "exit status {} instead of {}",
                output.status, self.status
            ));
        }
        let after = snapshot(output.dir.path());
        if before != after {
            report(&format!(
                "the test folder changed: pcscore must never write\n--- before: {:?}\n--- after: {:?}",
                before.keys().collect::<Vec<_>>(),
                after.keys().collect::<Vec<_>>()
            ));
        }
        output
    }
}

impl Want {
    fn and_contains(self, piece: String) -> Want {
        match self {
            Want::Contains(mut pieces) => {
                pieces.push(piece);
                Want::Contains(pieces)
            }
            Want::Exact(_) => Want::Contains(vec![piece]),
        }
    }

    /// What is wrong with `got`, if anything.
    fn mismatch(&self, stream: &str, got: &str) -> Option<String> {
        match self {
            Want::Exact(want) if want != got => Some(format!(
                "{stream} differs\n--- expected {stream}:\n{want}\n--- got {stream}:\n{got}\n--- diff (expected -, got +):\n{}",
                line_diff(want, got)
            )),
            Want::Exact(_) => None,
            Want::Contains(pieces) => pieces
                .iter()
                .find(|p| !got.contains(p.as_str()))
                .map(|p| format!("{stream} does not contain:\n{p}")),
        }
    }
}

/// The result of a run, with the folder it ran in (kept until this is dropped).
pub(crate) struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    dir: TempDir,
}

impl Output {
    /// A path inside the test folder.
    #[allow(dead_code)]
    pub(crate) fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }
}

/// Reads a pipe to the end on its own thread, so a full pipe never blocks the child.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// What a run must leave as it was: a regular file's length and a hash of its bytes, a
/// link's target, or only the kind of anything else.
#[derive(Debug, PartialEq, Eq)]
enum Fingerprint {
    Folder,
    File(Option<(u64, u64)>),
    Link(PathBuf),
    /// A FIFO, socket or device: never opened (opening a FIFO blocks).
    Special,
}

/// Every entry under `dir`, links not followed, with a fingerprint, to prove that a run
/// changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Fingerprint> {
    fn fingerprint(path: &Path) -> Option<(u64, u64)> {
        let mut file = std::fs::File::open(path).ok()?;
        let mut hasher = std::hash::DefaultHasher::new();
        let mut buffer = vec![0u8; 1 << 16];
        let mut len = 0u64;
        loop {
            let n = file.read(&mut buffer).ok()?;
            if n == 0 {
                break;
            }
            len += n as u64;
            buffer[..n].hash(&mut hasher);
        }
        Some((len, hasher.finish()))
    }
    fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<PathBuf, Fingerprint>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let relative = path.strip_prefix(base).unwrap_or(&path).to_path_buf();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                out.insert(relative, Fingerprint::Folder);
                walk(&path, base, out);
            } else if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap_or_default();
                out.insert(relative, Fingerprint::Link(target));
            } else if kind.is_file() {
                out.insert(relative, Fingerprint::File(fingerprint(&path)));
            } else {
                out.insert(relative, Fingerprint::Special);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Lines of `want` and `got` marked `-` and `+` where they differ, position by position.
fn line_diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => {
                let _ = writeln!(out, " {a}");
            }
            (a, b) => {
                if let Some(a) = a {
                    let _ = writeln!(out, "-{a}");
                }
                if let Some(b) = b {
                    let _ = writeln!(out, "+{b}");
                }
            }
        }
    }
    out
}

/// A multi-line literal without its common indentation and its first line break, so
/// expected output can be written indented in the test:
///
/// ```ignore
/// unindent("
///     path: smb
///     total: 2
/// ") == "path: smb\ntotal: 2\n"
/// ```
pub(crate) fn unindent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line.get(indent..).unwrap_or("").trim_end_matches(' '));
        out.push('\n');
    }
    // Without a final line break, the last line is the indentation before the closing
    // quote (or the text's own last line): either way no line break follows it.
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// The bytes of a fixture under `tests/data/`.
pub(crate) fn data(relative: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A uniquely named folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "pcscore-cli-{}-{}-{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create a temporary folder");
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn unindent_strips_common_indentation_and_the_closing_line() {
    assert_eq!(unindent("\n    a\n      b\n    "), "a\n  b\n");
    assert_eq!(unindent("\n    a\n\n    b\n"), "a\n\nb\n");
    assert_eq!(unindent("a"), "a");
}
