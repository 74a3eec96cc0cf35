//! Authoring support: `pcscore schema`, the schema the repository ships, and
//! `pcscore new`, all through the real binary.
//!
//! - [`schema`]: the shipped schema is current, every shipped scenario names it on its
//!   first line and is valid under it, and unknown fields are invalid.
//! - [`table`]: files built from the format table (`src/load/format.rs`), one change at
//!   a time, are accepted or refused alike by the loader and by the schema.
//! - [`new`]: the template loads and passes `check`, its options apply, and it never
//!   overwrites a file.
//! - [`json_schema`]: the small validator the others use.

#[path = "authoring/json_schema.rs"]
mod json_schema;
#[path = "authoring/new.rs"]
mod new;
#[path = "authoring/schema.rs"]
mod schema;
#[path = "authoring/table.rs"]
mod table;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository's root.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What a run printed and how it ended.
pub(crate) struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `pcscore ARGS` in `dir`.
pub(crate) fn pcscore(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pcscore runs");
    let run = Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "pcscore {args:?} panicked:\n{}",
        run.stderr
    );
    run
}

/// The schema as `pcscore schema` prints it, parsed.
pub(crate) fn printed_schema() -> serde_json::Value {
    let run = pcscore(root(), &["schema"]);
    assert_eq!(run.status, 0, "pcscore schema failed:\n{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("pcscore schema prints JSON")
}

/// A YAML file's data as JSON, read as an editor reads it (YAML 1.2: `2024-12` is
/// text, `800.50` a number).
pub(crate) fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("not YAML ({e}):\n{text}"))
}

/// A uniquely named folder under the system's temporary folder, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "pcscore-authoring-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create a temporary folder");
        TempDir(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
