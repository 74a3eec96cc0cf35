//! Finding scenario files: every `.yaml` / `.yml` file under the given paths, sorted.

use crate::load::{ErrorKind, LoadError};
use std::path::{Path, PathBuf};

/// Every YAML file named or found (recursively) under `paths`, sorted by path, hidden
/// files and folders skipped. A path that does not exist is an error.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|_| {
            LoadError::whole_file(
                &p.display().to_string(),
                "no such file or folder",
                "a scenario file or a folder of them",
            )
            .with_kind(ErrorKind::NotFound)
        })?;
        if meta.is_dir() {
            walk(p, &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        LoadError::whole_file(
            &dir.display().to_string(),
            format!("a folder it cannot list ({e})"),
            "a readable folder",
        )
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out)?,
            Ok(_)
                if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "yml")
                ) =>
            {
                out.push(path)
            }
            _ => {}
        }
    }
    Ok(())
}
