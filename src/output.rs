//! Writing files without damaging anything: the report of `check --output` and the
//! scenarios `accept` rewrites.
//!
//! The rules, in one place so both commands follow them:
//!
//! - A regular file is replaced whole: the new bytes go to a temporary file beside it,
//!   created exclusively (never opened through a link someone planted under its name),
//!   flushed to disk, given the file's mode and, where the system allows, its owner and
//!   group; then it is renamed over the file. A reader sees the old bytes or the new.
//! - A file with several hard links is written in place once the temporary file is
//!   complete, so every name keeps seeing the same file (a rename would split them).
//! - A file whose permission bits let nobody write it (`0444`) is refused, as `cp`
//!   refuses it; the rule is the bits, the same for root as for anyone.
//! - A symbolic link is followed to the file it names, and that file is replaced; the
//!   link stays a link. A device or a named pipe is written into, never replaced; so is
//!   a file reached through a descriptor's link (`/dev/stdout` after the shell's `>`),
//!   appended to as the shell opened it.
//! - The temporary file is named `.NAME.TAG.PID.tmp`, with the id of the process that
//!   writes it. A temporary file of a process that no longer runs (killed while
//!   writing) is removed by the next run; where processes cannot be looked up (no
//!   `/proc`), none is removed.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a file was not written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The file's permission bits let nobody write it.
    #[error("found a read-only file (mode {mode:04o}), expected a file its permissions let pcscore replace (make it writable, `chmod u+w`, or choose another name)")]
    ReadOnly {
        /// The file's permission bits.
        mode: u32,
    },
    /// A folder is where the file should be.
    #[error("found a folder, expected a file")]
    Folder,
    /// Another run, still going, is writing the same file.
    #[error("found the temporary file {temp} of process {pid}, which is still running, expected none: another run is writing this file (if none is, remove {temp})")]
    Busy {
        /// The other run's temporary file, by name.
        temp: String,
        /// Its process id.
        pid: u32,
    },
    /// A step failed. Nothing was changed, except where [`WriteError::InPlace`] says so.
    #[error("{step}: {}", describe_io(error))]
    Io {
        /// The step, such as `cannot create the temporary file .a.yaml.x.1.tmp beside it`.
        step: String,
        /// The system's error.
        error: io::Error,
    },
    /// Writing a hard-linked file in place failed part way and its old bytes could not
    /// be put back; the complete new text is kept in the temporary file.
    #[error("cannot write it in place: {}, and its old text could not be put back, so it may be damaged; the complete new text is kept in {kept}", describe_io(error))]
    InPlace {
        /// The system's error.
        error: io::Error,
        /// The temporary file holding the new text, by name.
        kept: String,
    },
}

/// The system's error in words a person can act on.
pub(crate) fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "no such file or folder".into(),
        _ => e.to_string(),
    }
}

impl WriteError {
    /// True when the file is exactly as it was before the attempt.
    pub fn file_unchanged(&self) -> bool {
        !matches!(self, WriteError::InPlace { .. })
    }
}

/// A check run just before the new bytes take the file's place, with the temporary
/// file complete: `accept` re-reads the file there, so an edit made meanwhile is kept.
pub(crate) type BeforeCommit<'a, E> = &'a mut dyn FnMut() -> Result<(), E>;

/// Whether a file may have several writers at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Writers {
    /// One at a time: a temporary file of another live run stops this one
    /// ([`WriteError::Busy`]). `accept` works so: two reviews must not race.
    One,
    /// Any number: each replaces the file whole, the last one wins. A report is so, and
    /// nobody can stop its write by planting a name.
    Many,
}

/// Why [`replace`] did not write: a refusal of the caller's [`BeforeCommit`] check, or a
/// [`WriteError`].
#[derive(Debug)]
pub(crate) enum ReplaceError<E> {
    /// The caller's check said no; nothing was written.
    Refused(E),
    /// Writing failed.
    Write(WriteError),
}

impl<E> From<WriteError> for ReplaceError<E> {
    fn from(e: WriteError) -> Self {
        ReplaceError::Write(e)
    }
}

/// Writes `bytes` as the whole content of `file`, following the module's rules: a
/// link is followed, a device or pipe is written into, a regular file is replaced
/// whole (created when missing, with its missing folders). `tag` names the writer in
/// the temporary file's name.
pub fn write_whole(file: &Path, bytes: &[u8], tag: &str) -> Result<(), WriteError> {
    // The kernel follows the links here, `/proc` ones included, which no path
    // arithmetic can (`/proc/self/fd/1` may read `pipe:[42]`).
    match std::fs::metadata(file) {
        Ok(meta) if meta.is_dir() => Err(WriteError::Folder),
        Ok(meta) if meta.is_file() && through_descriptor(file) => write_into(file, bytes, true),
        Ok(meta) if meta.is_file() => {
            let target = std::fs::canonicalize(file).map_err(|error| WriteError::Io {
                step: "cannot follow its symbolic links".into(),
                error,
            })?;
            replace::<std::convert::Infallible>(
                &target,
                &meta,
                bytes,
                (tag, Writers::Many),
                &mut || Ok(()),
            )
            .map_err(|e| match e {
                ReplaceError::Write(e) => e,
                ReplaceError::Refused(never) => match never {},
            })
        }
        Ok(_) => write_into(file, bytes, false),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Nothing there, or a link to a file still to be made.
            let target = resolve_links(file).map_err(|error| WriteError::Io {
                step: "cannot follow its symbolic links".into(),
                error,
            })?;
            create(&target, bytes, tag)
        }
        Err(error) => Err(WriteError::Io {
            step: "cannot look at it".into(),
            error,
        }),
    }
}

/// Whether `file` reaches its file through an open file descriptor's link
/// (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`): that file was opened by the shell
/// (`> out.txt`, `>> log`), and is written as the shell set it up, not replaced.
fn through_descriptor(file: &Path) -> bool {
    descriptor(file).is_some()
}

/// Which of this process's open file descriptors `file` names, through links
/// (`/dev/stdout` is `/proc/self/fd/1`, so 1), if any. `check --output /dev/stdout`
/// prints the report on stdout itself: reopening it would write at another offset than
/// the lines printed after it.
pub fn descriptor(file: &Path) -> Option<u32> {
    let mut path = file.to_path_buf();
    for _ in 0..MAX_LINKS {
        if let Some(fd) = descriptor_number(&path) {
            return Some(fd);
        }
        // Checked before reading the link: `/dev/fd/1` reads as `pipe:[42]`.
        let next = std::fs::read_link(&path).ok()?;
        path = match path.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
    }
    None
}

fn descriptor_number(path: &Path) -> Option<u32> {
    let text = path.to_str()?;
    let own = format!("/proc/{}/fd/", std::process::id());
    ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", &own]
        .iter()
        .find_map(|folder| text.strip_prefix(folder))
        .and_then(|n| n.parse().ok())
}

/// Writes `bytes` into what `target` already is, never truncating, creating or replacing
/// it. A regular file behind a descriptor's link (`/dev/stdout` redirected to a file) is
/// appended to, which is writing after what the shell kept (nothing after `>`, the log
/// after `>>`); a device or a named pipe is written into (a pipe waits for its reader, as
/// the shell's `>` does).
fn write_into(target: &Path, bytes: &[u8], append: bool) -> Result<(), WriteError> {
    let mut out = OpenOptions::new()
        .write(!append)
        .append(append)
        .open(target)
        .map_err(|error| WriteError::Io {
            step: "cannot open it for writing".into(),
            error,
        })?;
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|error| WriteError::Io {
            step: "cannot write into it".into(),
            error,
        })
}

/// The kernel's limit on links followed in a path, so a loop ends with an error.
const MAX_LINKS: usize = 40;

/// The path a chain of symbolic links leads to, which may not exist yet (a link to a
/// file still to be made). A path that is no link is returned as it is.
fn resolve_links(file: &Path) -> io::Result<PathBuf> {
    let mut path = file.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(folder) if next.is_relative() => folder.join(next),
                    _ => next,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("a loop of symbolic links"))
}

/// A file that does not exist yet: its folders are made, then it is written whole.
fn create(target: &Path, bytes: &[u8], tag: &str) -> Result<(), WriteError> {
    let folder = folder_of(target);
    std::fs::create_dir_all(&folder).map_err(|error| WriteError::Io {
        step: format!("cannot create the folder {}", folder.display()),
        error,
    })?;
    let mut temp = start(target, bytes, tag, Writers::Many)?;
    temp.rename_over(target)
}

/// Replaces the regular file `target` (whose metadata is `meta`) with `bytes`: refuses
/// a read-only file, writes a complete temporary file with the file's mode and owner,
/// runs `before_commit`, then renames it over the file, or writes the file in place
/// when it has other hard links. On any failure the temporary file is removed and the
/// file is left as it was. The tag names the temporary file; [`Writers`] says whether
/// other runs may write the file at the same time.
pub(crate) fn replace<E>(
    target: &Path,
    meta: &Metadata,
    bytes: &[u8],
    (tag, writers): (&str, Writers),
    before_commit: BeforeCommit<'_, E>,
) -> Result<(), ReplaceError<E>> {
    if let Some(mode) = read_only(meta) {
        return Err(WriteError::ReadOnly { mode }.into());
    }
    let mut temp = start(target, bytes, tag, writers)?;
    temp.take_on(meta)?;
    before_commit().map_err(ReplaceError::Refused)?;
    if links(meta) > 1 {
        temp.copy_into(target, bytes)?;
    } else {
        temp.rename_over(target)?;
    }
    Ok(())
}

/// Clears the way (a dead run's leftovers are removed; with [`Writers::One`], a live
/// run writing the same file stops this one), then writes `bytes` to a new temporary
/// file and flushes it.
fn start(target: &Path, bytes: &[u8], tag: &str, writers: Writers) -> Result<Temp, WriteError> {
    let live = sweep(target, tag);
    if let (Some((temp, pid)), Writers::One) = (live, writers) {
        return Err(WriteError::Busy { temp, pid });
    }
    let mut temp = Temp::create(target, tag)?;
    temp.write(bytes)?;
    Ok(temp)
}

/// The folder holding `file`, `.` for a bare name.
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The name of the temporary file for `target`: `.NAME.TAG.PID.tmp`, and
/// `.NAME.TAG.PID-N.tmp` for the Nth retry when that name is taken.
pub(crate) fn temp_path(target: &Path, tag: &str, pid: u32, attempt: u32) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    match attempt {
        0 => name.push(format!(".{tag}.{pid}.tmp")),
        n => name.push(format!(".{tag}.{pid}-{n}.tmp")),
    }
    folder_of(target).join(name)
}

/// The process id a temporary file name of `target` and `tag` holds, if `name` is one.
fn temp_owner(target: &Path, tag: &str, name: &std::ffi::OsStr) -> Option<u32> {
    let name = name.to_str()?;
    let file = target.file_name()?.to_str()?;
    let rest = name
        .strip_prefix('.')?
        .strip_prefix(file)?
        .strip_prefix('.')?
        .strip_prefix(tag)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?;
    let pid = rest.split_once('-').map_or(rest, |(pid, _)| pid);
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Removes the temporary files of `target` left by runs that are no longer running, and
/// returns one of a run still going, if any. This process has no temporary file for
/// `target` yet, so one under its own id is a leftover of an earlier process that had
/// the same id.
fn sweep(target: &Path, tag: &str) -> Option<(String, u32)> {
    let entries = std::fs::read_dir(folder_of(target)).ok()?;
    let mut live = None;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temp_owner(target, tag, &name) else {
            continue;
        };
        // A folder under that name is nobody's temporary file.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if pid == std::process::id() || running(pid) == Some(false) {
            let _ = std::fs::remove_file(entry.path());
        } else if live.is_none() {
            live = Some((name.to_string_lossy().into_owned(), pid));
        }
    }
    live
}

/// Whether process `pid` is running, from `/proc`: `None` where there is no `/proc` to
/// ask. A zombie (ended, not yet waited for) has stopped writing, so it counts as ended.
fn running(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    match std::fs::read_to_string(proc.join(pid.to_string()).join("stat")) {
        Ok(stat) => Some(stat_says_running(&stat)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(false),
        // Unreadable (another user's, on a hardened system): it exists.
        Err(_) => Some(true),
    }
}

/// Whether a `/proc/PID/stat` line describes a process that can still write: any state
/// but zombie (`Z`) or dead (`X`). The state letter follows the command name, which is
/// in parentheses and may hold anything, `)` included, so it is read after the last `)`.
fn stat_says_running(stat: &str) -> bool {
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next());
    !matches!(state, Some('Z' | 'X'))
}

/// A temporary file beside its target, removed when dropped unless it took the
/// target's place or holds text that must be kept.
struct Temp {
    path: PathBuf,
    file: Option<File>,
    keep: bool,
}

impl Temp {
    /// Creates the temporary file exclusively: a name already taken (by a file or a
    /// link planted there) is never opened; the next name is tried instead.
    fn create(target: &Path, tag: &str) -> Result<Temp, WriteError> {
        const ATTEMPTS: u32 = 100;
        let pid = std::process::id();
        let mut last = None;
        for attempt in 0..ATTEMPTS {
            let path = temp_path(target, tag, pid, attempt);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    return Ok(Temp {
                        path,
                        file: Some(file),
                        keep: false,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(error) => {
                    return Err(WriteError::Io {
                        step: format!(
                            "cannot create the temporary file {} beside it",
                            display_name(&path)
                        ),
                        error,
                    })
                }
            }
        }
        Err(WriteError::Io {
            step: format!(
                "cannot create a temporary file beside it: {ATTEMPTS} names such as {} are taken",
                display_name(&temp_path(target, tag, pid, 0))
            ),
            error: last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)),
        })
    }

    fn name(&self) -> String {
        display_name(&self.path)
    }

    /// Turns an error into a failed step; `{}` in `step` is the temporary file's name.
    fn fail(&self, step: &str) -> impl FnOnce(io::Error) -> WriteError {
        let step = step.replace("{}", &self.name());
        move |error| WriteError::Io { step, error }
    }

    /// Writes the whole text and flushes it to disk.
    fn write(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        let fail = self.fail("cannot write the temporary file {}");
        let Some(file) = self.file.as_mut() else {
            return Err(fail(io::Error::other("it is closed")));
        };
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(fail)
    }

    /// Gives the temporary file the original's owner and group (when they differ; only
    /// root can give a file away, and failing to is an error rather than a silent
    /// change of owner) and then its mode (after, since a change of owner clears the
    /// set-id bits).
    fn take_on(&mut self, original: &Metadata) -> Result<(), WriteError> {
        self.file = None;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let now = std::fs::metadata(&self.path)
                .map_err(self.fail("cannot look at the temporary file {}"))?;
            if (now.uid(), now.gid()) != (original.uid(), original.gid()) {
                std::os::unix::fs::chown(&self.path, Some(original.uid()), Some(original.gid()))
                    .map_err(self.fail(&format!(
                        "cannot give the temporary file {{}} the file's owner and group ({}:{})",
                        original.uid(),
                        original.gid()
                    )))?;
            }
        }
        std::fs::set_permissions(&self.path, original.permissions())
            .map_err(self.fail("cannot give the temporary file {} the file's permissions"))
    }

    /// Renames the temporary file over `target`: the atomic step.
    fn rename_over(&mut self, target: &Path) -> Result<(), WriteError> {
        self.file = None;
        std::fs::rename(&self.path, target)
            .map_err(self.fail("cannot rename the temporary file {} over it"))?;
        self.keep = true;
        Ok(())
    }

    /// Writes the temporary file's text into `target` in place, keeping its inode and
    /// so its other hard links. On failure the old text is put back; if even that
    /// fails, the temporary file is kept, since it then holds the only complete text.
    fn copy_into(&mut self, target: &Path, new: &[u8]) -> Result<(), WriteError> {
        self.file = None;
        let old = std::fs::read(target).map_err(|error| WriteError::Io {
            step: "cannot read it before writing it in place".into(),
            error,
        })?;
        let put = |bytes: &[u8]| -> io::Result<()> {
            let mut out = OpenOptions::new().write(true).open(target)?;
            out.write_all(bytes)?;
            out.set_len(bytes.len() as u64)?;
            out.sync_all()
        };
        match put(new) {
            Ok(()) => Ok(()),
            Err(error) if put(&old).is_ok() => Err(WriteError::Io {
                step:
                    "cannot write it in place (it has other hard links, which a rename would split)"
                        .into(),
                error,
            }),
            Err(error) => {
                self.keep = true;
                Err(WriteError::InPlace {
                    error,
                    kept: self.name(),
                })
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.keep {
            self.file = None;
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The permission bits of a file nobody may write, as `cp` sees it: `None` when some
/// write bit is set.
fn read_only(meta: &Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        (mode & 0o222 == 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        meta.permissions().readonly().then_some(0o444)
    }
}

/// How many names the file has.
fn links(meta: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// The first of `inputs` that is the same file as `output` (the same device and inode,
/// so another spelling, a link or a hard link counts), if `output` exists.
pub fn same_as_input<'a>(output: &Path, inputs: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let out = std::fs::metadata(output).ok()?;
    if !out.is_file() {
        return None;
    }
    inputs
        .iter()
        .find(|input| std::fs::metadata(input).is_ok_and(|m| same_file(&out, &m)))
}

fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Dir(PathBuf);

    impl Dir {
        fn new() -> Dir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "pcscore-output-unit-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).expect("temp folder");
            Dir(path)
        }

        fn names(&self) -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(&self.0)
                .expect("list")
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn temporary_names_hold_the_process_id_and_are_read_back() {
        let t = Path::new("reports/r.xml");
        assert_eq!(
            temp_path(t, "pcscore-output", 42, 0),
            PathBuf::from("reports/.r.xml.pcscore-output.42.tmp")
        );
        assert_eq!(
            temp_path(Path::new("r.xml"), "x", 42, 3),
            PathBuf::from("./.r.xml.x.42-3.tmp")
        );
        let owner = |name: &str| temp_owner(t, "pcscore-output", std::ffi::OsStr::new(name));
        assert_eq!(owner(".r.xml.pcscore-output.42.tmp"), Some(42));
        assert_eq!(owner(".r.xml.pcscore-output.42-3.tmp"), Some(42));
        for other in [
            ".r.xml.pcscore-output.tmp",
            ".r.xml.pcscore-output.x.tmp",
            ".r.xml.pcscore-accept.42.tmp",
            ".s.xml.pcscore-output.42.tmp",
            "r.xml",
        ] {
            assert_eq!(owner(other), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_temporary_name_is_never_opened() {
        let d = Dir::new();
        let victim = d.0.join("victim");
        std::fs::write(&victim, "kept\n").expect("write");
        let target = d.0.join("r.txt");
        // A live process's id, so the sweep leaves the planted link alone.
        let planted = temp_path(&target, "t", std::process::id(), 0);
        std::os::unix::fs::symlink(&victim, &planted).expect("plant");
        let temp = Temp::create(&target, "t").expect("another name");
        assert_eq!(temp.path, temp_path(&target, "t", std::process::id(), 1));
        drop(temp);
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "kept\n");
        assert!(std::fs::symlink_metadata(&planted).is_ok());
    }

    #[test]
    fn a_dead_process_leftover_is_swept_and_a_live_one_is_reported() {
        let d = Dir::new();
        let target = d.0.join("a.yaml");
        let mut child = std::process::Command::new("true").spawn().expect("true");
        let dead = child.id();
        child.wait().expect("wait");
        std::fs::write(temp_path(&target, "t", dead, 0), "old").expect("write");
        std::fs::write(temp_path(&target, "t", dead, 2), "old").expect("write");
        std::fs::write(temp_path(&target, "other", dead, 0), "not ours").expect("write");
        assert_eq!(sweep(&target, "t"), None);
        assert_eq!(d.names(), [format!(".a.yaml.other.{dead}.tmp")]);
        // Process 1 always runs.
        std::fs::write(temp_path(&target, "t", 1, 0), "busy").expect("write");
        assert_eq!(
            sweep(&target, "t"),
            Some((".a.yaml.t.1.tmp".to_string(), 1))
        );
    }

    #[test]
    fn process_one_runs_and_an_ended_one_does_not() {
        if running(1).is_none() {
            return;
        }
        assert_eq!(running(1), Some(true));
        let mut child = std::process::Command::new("true").spawn().expect("true");
        let pid = child.id();
        child.wait().expect("wait");
        assert_eq!(running(pid), Some(false));
    }

    #[test]
    fn a_zombie_has_stopped_writing() {
        assert!(stat_says_running("42 (pcscore) S 1 42 42 0"));
        assert!(stat_says_running("42 (pcscore) R 1"));
        assert!(stat_says_running("42 (a) b) D 1"));
        assert!(!stat_says_running("42 (pcscore) Z 1 42"));
        assert!(!stat_says_running("42 (a) Z) X 1"));
        assert!(!stat_says_running("42 (odd name) Z 1"));
    }

    #[test]
    fn links_are_followed_to_a_file_that_may_not_exist_yet() {
        let d = Dir::new();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("b", d.0.join("a")).expect("link");
            std::os::unix::fs::symlink("sub/c", d.0.join("b")).expect("link");
            assert_eq!(
                resolve_links(&d.0.join("a")).expect("resolved"),
                d.0.join("sub/c")
            );
            std::os::unix::fs::symlink("loop", d.0.join("loop")).expect("link");
            assert!(resolve_links(&d.0.join("loop")).is_err());
        }
        assert_eq!(
            resolve_links(&d.0.join("plain")).expect("as is"),
            d.0.join("plain")
        );
    }

    #[test]
    fn descriptor_links_are_recognised_before_they_are_read() {
        assert_eq!(descriptor(Path::new("/dev/fd/1")), Some(1));
        assert_eq!(descriptor(Path::new("/proc/self/fd/2")), Some(2));
        let own = format!("/proc/{}/fd/7", std::process::id());
        assert_eq!(descriptor(Path::new(&own)), Some(7));
        assert_eq!(descriptor(Path::new("/proc/self/fd/x")), None);
        assert_eq!(descriptor(Path::new("reports/out.txt")), None);
        #[cfg(unix)]
        {
            let d = Dir::new();
            std::os::unix::fs::symlink("/proc/self/fd/1", d.0.join("out")).expect("link");
            std::os::unix::fs::symlink("out", d.0.join("again")).expect("link");
            assert_eq!(descriptor(&d.0.join("again")), Some(1));
        }
    }

    #[test]
    fn a_folder_is_refused() {
        let d = Dir::new();
        assert!(matches!(
            write_whole(&d.0, b"x", "t"),
            Err(WriteError::Folder)
        ));
    }
}
