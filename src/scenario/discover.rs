//! Finding scenario files: every `.yaml` / `.yml` file under the given paths, sorted.
//!
//! Symbolic links are followed, to folders and to files alike, as the shell's `**`
//! would; a folder reached twice (a link back up the tree, or the same folder named in
//! two spellings) is read once. A file reached under several names is checked once,
//! under the first of them in path order. A named pipe, socket or device with a YAML
//! name is never opened (opening a pipe waits for a writer): the run stops on it.

use crate::load::{ErrorKind, LoadError};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every YAML file named or found (recursively) under `paths`, sorted by path, hidden
/// files and folders skipped, each file once. A path that does not exist is an error,
/// and so is a YAML-named entry that is not a regular file.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut roots = Vec::with_capacity(paths.len());
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|_| {
            LoadError::whole_file(
                &p.display().to_string(),
                "no such file or folder",
                "a scenario file or a folder of them",
            )
            .with_kind(ErrorKind::NotFound)
        })?;
        roots.push((p, meta));
    }
    // Roots and entries are walked in path order, so the first visit of a folder, the
    // one that counts, is under its first spelling in that order (`./dir` before `dir`).
    roots.sort_by(|a, b| a.0.cmp(b.0));
    let mut files = Vec::new();
    let mut folders = HashSet::new();
    for (p, meta) in roots {
        if meta.is_dir() {
            walk(p, &mut files, &mut folders)?;
        } else {
            refuse_special(p, meta.file_type())?;
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(once_each(files))
}

/// Keeps the first of the names of each file (the list is sorted, so the first in
/// path order). A name that cannot be looked at (a dangling link) is kept as it is, for
/// the loader to report.
fn once_each(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = HashSet::with_capacity(files.len());
    files
        .into_iter()
        .filter(|f| match identity(f) {
            Some(id) => seen.insert(id),
            None => true,
        })
        .collect()
}

/// What makes two names the same file: its device and inode (one `stat`, cheaper than
/// resolving every link of the path).
#[cfg(unix)]
fn identity(file: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(file).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(file: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(file).ok()
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    folders: &mut HashSet<PathBuf>,
) -> Result<(), LoadError> {
    // The canonical path marks a folder as read, so a loop of links ends here.
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !folders.insert(canonical) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| {
        LoadError::whole_file(
            &dir.display().to_string(),
            format!("a folder it cannot list ({e})"),
            "a readable folder",
        )
    })?;
    let mut entries: Vec<_> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path(), e))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, entry) in entries {
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        let Ok(mut kind) = entry.file_type() else {
            continue;
        };
        // A link is judged by what it leads to. A dangling one named as YAML is kept,
        // for the loader to report as missing.
        if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) => kind = m.file_type(),
                Err(_) => {
                    if yaml {
                        out.push(path);
                    }
                    continue;
                }
            }
        }
        if kind.is_dir() {
            walk(&path, out, folders)?;
        } else if yaml {
            refuse_special(&path, kind)?;
            out.push(path);
        }
    }
    Ok(())
}

/// Refuses a path that is neither a folder nor a regular file: reading a named pipe
/// waits for a writer, a device may never end, a socket cannot be read at all.
fn refuse_special(path: &Path, kind: std::fs::FileType) -> Result<(), LoadError> {
    if kind.is_file() || kind.is_dir() {
        return Ok(());
    }
    Err(LoadError::whole_file(
        &path.display().to_string(),
        special_kind(kind),
        "a regular file",
    )
    .with_kind(ErrorKind::NotAFile))
}

fn special_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    let _ = kind;
    "something other than a file or folder"
}
