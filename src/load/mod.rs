//! Reading partner files and scenarios: YAML text to [`Document`], with located errors.
//!
//! The format is the contract in `docs/scenario-format.md`. Unknown fields, duplicate
//! keys and ids, impossible months and dates, non-numeric or negative money and
//! dangling references are all refused with the file, line, column and field path.

mod customer;
mod error;
mod events;
mod fast;
pub mod format;
mod ids;
mod lists;
mod scalar;
mod small_map;
mod source;
mod streamed;
mod syntax;
mod text;
pub(crate) mod tree;

pub use error::{ErrorKind, LoadError};

use crate::model::{
    Customer, DecimalPoint, Deployment, Designation, Document, Expected, Header, Misshapen, Month,
    PathKind, Person, Points, Position, Situation, Written,
};
use crate::rulebook::Rulebook;
use format::{Need, Object};
use ids::Ids;
use small_map::SmallMap;
use source::SourceLines;
use std::cell::RefCell;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use tree::{join, Node, Value};

/// What an `expected:` block must hold at least.
const EXPECTED_KEYS: &str =
    "at least one of `path`, `points`, `categories`, `total` or `attained` \
     (an empty block would check nothing)";

/// How many months before `as_of` the furthest window starts (the net customer adds
/// baseline, M-13, `DAI.WINDOW.BASELINE`).
const WINDOWS_REACH_BACK: u32 = 13;

/// The earliest measurement month, 0002-01: its furthest window month is 0000-12.
fn earliest_as_of() -> Option<Month> {
    Month::new(2, 1)
}

/// Files larger than this are refused before parsing, so memory stays bounded. Room for
/// a Modern Work partner of 50,000 tenants x 5 workloads x 24 months of licences and
/// users (about 190 MB; issue 8), which 128 MiB was not.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and parses a file. `file` is shown in errors as given.
pub fn load_file(file: &Path) -> Result<Document, LoadError> {
    let shown = file.display().to_string();
    // `metadata` follows a symbolic link, so a link to a file is read as the file.
    let meta = std::fs::metadata(file).map_err(|e| {
        LoadError::whole_file(&shown, io_found(&e), "a readable file").with_kind(io_kind(&e))
    })?;
    if meta.is_dir() {
        return Err(LoadError::whole_file(&shown, "a directory", "a YAML file")
            .with_kind(ErrorKind::NotAFile));
    }
    // Before opening: opening a named pipe for reading waits for a writer, forever if
    // none comes, and a device may never end.
    if !meta.is_file() {
        return Err(not_regular(&shown, &meta));
    }
    let too_large = |found: String| {
        LoadError::whole_file(
            &shown,
            found,
            format!("at most {MAX_FILE_BYTES} bytes (split the partner into several files)"),
        )
        .with_kind(ErrorKind::TooLarge)
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(format!("a file of {} bytes", meta.len())));
    }
    // A large file is first read line by line without keeping its text, so that a big
    // partner takes little more memory than its customers; whatever that cannot do,
    // every error included, is done again below from the whole text. A scenario of a
    // few kilobytes is simply read whole.
    if meta.is_file() && meta.len() > streamed::LINE_BY_LINE_FROM {
        if let Some(doc) = streamed::read_file(file, &shown) {
            return Ok(doc);
        }
    }
    // The size on disk says nothing for a device or a pipe (`/dev/zero` reports 0), so
    // the read itself stops one byte past the limit.
    // Sized from the start: grown by doubling, the buffer could reach twice the file.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    open_regular(file, &shown)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            LoadError::whole_file(&shown, io_found(&e), "a readable file").with_kind(io_kind(&e))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(format!("more than {MAX_FILE_BYTES} bytes")));
    }
    let text = String::from_utf8(bytes).map_err(|e| not_utf8(&shown, e.as_bytes(), &e))?;
    load_str(&text, &shown)
}

/// Opens a file for reading only if it is a regular file. The path was checked before,
/// but it may have been replaced by a named pipe since: opened without waiting
/// (`O_NONBLOCK`, which changes nothing for a regular file), the opened file is checked
/// again.
pub(crate) fn open_regular(file: &Path, shown: &str) -> Result<std::fs::File, LoadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    let unreadable = |e: std::io::Error| {
        LoadError::whole_file(shown, io_found(&e), "a readable file").with_kind(io_kind(&e))
    };
    let opened = options.open(file).map_err(unreadable)?;
    let meta = opened.metadata().map_err(unreadable)?;
    if meta.is_file() {
        Ok(opened)
    } else {
        Err(not_regular(shown, &meta))
    }
}

/// `O_NONBLOCK`, without a dependency on `libc` for one constant.
#[cfg(any(target_os = "linux", target_os = "android"))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
const O_NONBLOCK: i32 = 0x0004;

/// A path that is neither a folder nor a regular file, named for what it is.
fn not_regular(shown: &str, meta: &std::fs::Metadata) -> LoadError {
    let kind = meta.file_type();
    let found = if kind.is_dir() {
        "a directory"
    } else {
        special_kind(&kind)
    };
    LoadError::whole_file(shown, found, "a regular file").with_kind(ErrorKind::NotAFile)
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else {
        "something that is not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "something that is not a regular file"
}

/// Where the first byte that is not UTF-8 is, with its line shown as far as it can be.
fn not_utf8(shown: &str, bytes: &[u8], e: &std::string::FromUtf8Error) -> LoadError {
    let at = e.utf8_error().valid_up_to();
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i);
    // The text before the bad byte is valid UTF-8, so columns count characters.
    let before = std::str::from_utf8(&bytes[start..at]).unwrap_or_default();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let shown_line = String::from_utf8_lossy(&bytes[start..end]);
    LoadError {
        kind: ErrorKind::NotUtf8,
        file: shown.to_string(),
        position: Some((line, before.chars().count() + 1)),
        field: String::new(),
        found: format!("the byte `0x{:02X}`, which is not UTF-8", bytes[at]),
        expected: "a UTF-8 text file (save it with the UTF-8 encoding)".into(),
        source_line: Some(shown_line.trim_end_matches('\r').to_string()),
    }
}

fn io_kind(e: &std::io::Error) -> ErrorKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => ErrorKind::NotFound,
        _ => ErrorKind::Unreadable,
    }
}

fn io_found(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "a file it may not read".into(),
        _ => format!("a read error ({e})"),
    }
}

/// Reads and parses a file, then checks it against the rulebook it is scored with
/// ([`check_expected`]): what every command that scores a file reads it with.
pub fn load_file_for(file: &Path, book: &Rulebook) -> Result<Document, LoadError> {
    let mut doc = load_file(file)?;
    check_expected(&mut doc, book, &file.display().to_string())?;
    Ok(doc)
}

/// Reads and parses a file, picks the rulebook that scores it
/// ([`crate::rulebook::registry::choose`]: its edition and designation) and checks it
/// against that rulebook: what every command that scores a file reads it with.
pub fn load_file_chosen(file: &Path) -> Result<(Document, &'static Rulebook), LoadError> {
    let mut doc = load_file(file)?;
    let shown = file.display().to_string();
    let book = crate::rulebook::registry::choose(&doc, &shown)?;
    check_expected(&mut doc, book, &shown)?;
    Ok((doc, book))
}

/// [`load_str`], then the rulebook as [`load_file_chosen`] picks it.
pub fn load_str_chosen(text: &str, file: &str) -> Result<(Document, &'static Rulebook), LoadError> {
    let mut doc = load_str(text, file)?;
    let book = crate::rulebook::registry::choose(&doc, file)?;
    check_expected(&mut doc, book, file)?;
    Ok((doc, book))
}

/// [`load_str`], then [`check_expected`].
pub fn load_str_for(text: &str, file: &str, book: &Rulebook) -> Result<Document, LoadError> {
    let mut doc = load_str(text, file)?;
    check_expected(&mut doc, book, file)?;
    Ok(doc)
}

/// Checks the keys of a scenario's `expected.points` and `expected.categories`
/// against the rulebook's subcategories and categories, and puts them in the
/// rulebook's order. The loader cannot: which rulebook scores a file depends on what
/// the file says. An unknown key is refused as the loader refuses any unknown field,
/// at its line, with the rulebook's keys and the nearest one; `file` names the file.
pub fn check_expected(doc: &mut Document, book: &Rulebook, file: &str) -> Result<(), LoadError> {
    let Some(e) = &mut doc.expected else {
        return Ok(());
    };
    let subcategories: Vec<&Arc<str>> = book.subcategories().map(|s| &s.key).collect();
    let categories: Vec<&Arc<str>> = book.categories.iter().map(|c| &c.key).collect();
    let at = |p: Option<&Position>, field: String, found: String, expected: String| LoadError {
        kind: ErrorKind::BadValue,
        file: file.to_string(),
        position: p.map(|p| (p.line, p.column)),
        field,
        found,
        expected,
        source_line: p.map(|p| p.source_line.clone()),
    };
    // First, as the loader refused them before the rulebook could be asked.
    let allowed = book.points_decimals as usize;
    for d in std::mem::take(&mut e.decimal_points) {
        let expected = match allowed {
            0 => "a whole number such as `2`".to_string(),
            n if d.decimals() > n => format!(
                "a number of points with at most {n} decimals, such as `6.42` \
                 (PCS.EXPECTED.DECIMALS: a card shows {n})"
            ),
            _ => continue,
        };
        return Err(at(Some(&d.at), d.field, format!("`{}`", d.text), expected));
    }
    for (key, written, shared) in [
        ("points", &mut e.points, &subcategories),
        ("categories", &mut e.categories, &categories),
    ] {
        let allowed: Vec<&str> = shared.iter().map(|k| &***k).collect();
        let allowed = &allowed;
        if let Some(m) = e.misshapen.as_ref().filter(|m| m.key == key) {
            let expected = match &m.spaced {
                Some((key, value)) if allowed.contains(&key.as_str()) => {
                    format!("`{key}: {value}`, with a space after the `:`")
                }
                _ => format!(
                    "this field to be a mapping of `key: value` lines with the keys {}",
                    list(allowed)
                ),
            };
            return Err(at(
                Some(&m.at),
                join("expected", key),
                m.found.clone(),
                expected,
            ));
        }
        if let Some(w) = written.iter().find(|w| !allowed.contains(&&*w.key)) {
            let hint = suggest(&w.key, allowed)
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            return Err(at(
                w.at.as_deref(),
                join(&join("expected", key), &w.key),
                format!("the unknown field `{}`", w.key),
                format!("one of {}{hint}", list(allowed)),
            )
            .with_kind(ErrorKind::UnknownField));
        }
        written.sort_by_key(|w| allowed.iter().position(|k| *k == &*w.key));
        // The positions served this check alone, and the key is the rulebook's now.
        for w in written.iter_mut() {
            w.at = None;
            if let Some(k) = shared.iter().find(|k| ***k == w.key) {
                w.key = Arc::clone(k);
            }
        }
    }
    Ok(())
}

/// Parses the text of a partner file or scenario; `file` names it in errors.
pub fn load_str(text: &str, file: &str) -> Result<Document, LoadError> {
    load_str_with(text, file, Some(&format::DOCUMENT))
}

/// [`load_str`] with a tree that keeps everything, as before the format guided it: for
/// checking that the guide changes no outcome.
#[cfg(test)]
pub(crate) fn load_str_unguided(text: &str, file: &str) -> Result<Document, LoadError> {
    load_str_with(text, file, None)
}

fn load_str_with(
    text: &str,
    file: &str,
    guide: Option<&'static format::Object>,
) -> Result<Document, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let reader = Reader {
        file,
        text: SourceLines::whole(text),
        lists: RefCell::default(),
        segment_missing: RefCell::default(),
    };
    let mut lists = streamed::Lists::new(&reader);
    let root = tree::parse_streaming(file, text, &streamed::LISTS, &mut lists, guide)?;
    *reader.lists.borrow_mut() = lists.finish();
    reader.document(&root)
}

/// Converts the tree to the model, knowing where each node came from.
struct Reader<'a> {
    file: &'a str,
    text: SourceLines<'a>,
    /// The customers, people and deployments, converted while the file was read.
    lists: RefCell<streamed::Converted>,
    /// The first customer without a `segment`, found while converting customers.
    segment_missing: RefCell<Option<(String, Position)>>,
}

type Result<T, E = LoadError> = std::result::Result<T, E>;

/// The ids of a list before an item: found by [`Ids`], checked against the items'
/// own ids.
pub(crate) struct Seen<'s> {
    ids: &'s mut Ids,
    earlier: &'s dyn Fn(usize) -> Option<&'s str>,
}

/// A mapping's entries by key, checked against the keys the format allows there.
struct Fields<'n> {
    node: &'n Node,
    path: String,
    object: &'static Object,
    entries: SmallMap<'n, (&'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// The format's description of `key`. Reading a key the format does not declare is
    /// a loader bug: the file could never contain it, since `fields` refuses it.
    fn declared(&self, key: &str) -> Option<&'static format::Field> {
        let field = self.object.field(key);
        debug_assert!(
            field.is_some(),
            "the loader reads `{key}` in `{}`, which src/load/format.rs does not declare",
            self.object.path
        );
        field
    }

    /// The value of `key`, absent when not written and, for lists and month mappings,
    /// when written empty (`customers:` alone means no customers): the format decides.
    fn get(&self, key: &str) -> Option<&'n Node> {
        let none_if_empty = self
            .declared(key)
            .is_some_and(|f| f.kind.empty_means_none());
        self.entries
            .get(key)
            .map(|(_, v)| *v)
            .filter(|v| !(none_if_empty && v.is_null()))
    }

    /// The value as written, even empty: `total:` or `associated:` alone is refused
    /// rather than silently read as absent.
    fn value(&self, key: &str) -> Option<&'n Node> {
        self.declared(key);
        self.entries.get(key).map(|(_, v)| *v)
    }

    fn key_line(&self, key: &str) -> Option<usize> {
        self.entries.get(key).map(|(k, _)| k.line)
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

impl<'a> Reader<'a> {
    fn position(&self, node: &Node) -> Position {
        Position {
            line: node.line,
            column: node.col,
            source_line: self
                .text
                .nth(node.line.saturating_sub(1))
                .unwrap_or_default()
                .to_string(),
        }
    }

    fn error(
        &self,
        node: &Node,
        field: &str,
        found: String,
        expected: impl Into<String>,
    ) -> LoadError {
        LoadError {
            kind: ErrorKind::BadValue,
            file: self.file.to_string(),
            position: Some((node.line, node.col)),
            field: field.to_string(),
            found,
            expected: expected.into(),
            source_line: self
                .text
                .nth(node.line.saturating_sub(1))
                .map(str::to_string),
        }
    }

    fn wrong(&self, node: &Node, field: &str, expected: impl Into<String>) -> LoadError {
        self.error(node, field, node.describe(), expected)
    }

    /// The entries of a mapping of the shape `object` describes; unknown keys are refused.
    fn fields<'n>(
        &self,
        node: &'n Node,
        path: &str,
        object: &'static Object,
    ) -> Result<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            let allowed = object.keys();
            let what = if path.is_empty() {
                "the file"
            } else if path.ends_with(']') {
                "this list item"
            } else {
                "this field"
            };
            if let Some(hint) = missing_space(node, &allowed) {
                return Err(self.wrong(node, path, hint));
            }
            return Err(self.wrong(
                node,
                path,
                format!(
                    "{what} to be a mapping of `key: value` lines with the keys {}",
                    list(&allowed)
                ),
            ));
        };
        let mut map = SmallMap::new();
        for (key, value) in entries {
            let Value::Scalar { text, .. } = &key.value else {
                continue; // tree::parse refuses non-scalar keys
            };
            if object.field(text).is_none() {
                let (found, expected) = unknown_field(object, text);
                return Err(self
                    .error(key, &join(path, text), found, expected)
                    .with_kind(ErrorKind::UnknownField));
            }
            map.insert(text.as_str(), (key, value));
        }
        Ok(Fields {
            node,
            path: path.to_string(),
            object,
            entries: map,
        })
    }

    /// A field the format marks required, refused when missing or empty with the
    /// format's words for what it holds.
    fn required<'n>(&self, fields: &Fields<'n>, key: &str) -> Result<&'n Node> {
        let what = match fields.declared(key).map(|f| f.need) {
            Some(Need::Required(what) | Need::Scenario(what)) => what,
            _ => {
                debug_assert!(false, "`{key}` is not required in src/load/format.rs");
                "a value"
            }
        };
        let given = fields.entries.get(key).map(|(_, v)| *v);
        given.filter(|v| !v.is_null()).ok_or_else(|| {
            let (at, found) = match fields.entries.get(key) {
                Some((_, v)) => (*v, "an empty value".to_string()),
                None => (fields.node, format!("no `{key}`")),
            };
            self.error(at, &fields.path(key), found, format!("`{key}`: {what}"))
                .with_kind(ErrorKind::MissingField)
        })
    }

    /// One line of text: a name, an id, a code, a service, a tag.
    fn text(&self, node: &Node, field: &str, what: &str) -> Result<String> {
        self.checked_text(node, field, what, false)
    }

    /// Text that may run over several lines (`description`).
    fn free_text(&self, node: &Node, field: &str, what: &str) -> Result<String> {
        self.checked_text(node, field, what, true)
    }

    fn checked_text(
        &self,
        node: &Node,
        field: &str,
        what: &str,
        multi_line: bool,
    ) -> Result<String> {
        match &node.value {
            Value::Scalar { text, .. } if !node.is_null() && !text.trim().is_empty() => {
                match text::first_refused(text, multi_line) {
                    Some((index, c)) => {
                        Err(self.refused_character(node, field, what, (index, c), multi_line))
                    }
                    None => Ok(text.to_string()),
                }
            }
            _ => Err(self.wrong(node, field, what)),
        }
    }

    /// A control character in a text field, placed where it was written.
    fn refused_character(
        &self,
        node: &Node,
        field: &str,
        what: &str,
        (index, c): (usize, char),
        multi_line: bool,
    ) -> LoadError {
        let line = self.text.nth(node.line.saturating_sub(1));
        let from_node: Option<String> =
            line.map(|l| l.chars().skip(node.col.saturating_sub(1)).collect());
        let (text, plain) = match &node.value {
            Value::Scalar { text, plain } => (text.as_str(), *plain),
            _ => ("", true),
        };
        // A block scalar (`>`, `|`) is placed at its first line of text, which starts
        // with neither quote.
        let block = !plain
            && !from_node
                .as_deref()
                .is_some_and(|w| w.starts_with('"') || w.starts_with('\''));
        let col = from_node
            .as_deref()
            .filter(|_| !block)
            .and_then(|written| text::written_at(written, text, index))
            .map_or(node.col, |offset| node.col + offset);
        let expected = if multi_line {
            format!("{what} without control characters (line breaks and tabs are fine)")
        } else if block && c == '\n' {
            format!(
                "{what}, on one line (a `>` or `|` block ends with a line break: write `>-`, \
                 or the text on the key's line)"
            )
        } else {
            format!("{what}, on one line without control characters")
        };
        LoadError::at(
            self.file,
            (node.line, col),
            field,
            text::describe(c),
            expected,
            line.map(str::to_string),
        )
    }

    /// A plain (unquoted) scalar, for numbers, booleans, months and dates.
    fn plain<'n>(&self, node: &'n Node, field: &str, what: &str) -> Result<&'n str> {
        match &node.value {
            Value::Scalar { text, plain: true } if !node.is_null() => Ok(text),
            _ => Err(self.wrong(node, field, what)),
        }
    }

    fn seq<'n>(&self, node: &'n Node, field: &str, what: &str) -> Result<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Ok(items),
            _ => Err(self.wrong(node, field, format!("a list of {what}"))),
        }
    }

    fn month(&self, node: &Node, field: &str) -> Result<Month> {
        const WHAT: &str = "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12";
        let text = self.plain(node, field, WHAT)?;
        Month::parse(text).ok_or_else(|| self.wrong(node, field, WHAT))
    }

    /// The measurement month, from 0002-01 as `pcscore new --as-of` takes it, so that
    /// every window month is one pcscore can write (years 0000 to 9999): before,
    /// `0000-01` showed its baseline as `-001-12`.
    fn as_of(&self, node: &Node) -> Result<Month> {
        let month = self.month(node, "as_of")?;
        if earliest_as_of().is_some_and(|earliest| month < earliest) {
            return Err(self.wrong(
                node,
                "as_of",
                format!(
                    "a month from 0002-01 to 9999-12 (the windows reach {WINDOWS_REACH_BACK} \
                     months back)"
                ),
            ));
        }
        Ok(month)
    }

    fn date(&self, node: &Node, field: &str) -> Result<chrono::NaiveDate> {
        const WHAT: &str =
            "a date written YYYY-MM-DD, such as `2024-02-10`, that exists in the calendar";
        let text = self.plain(node, field, WHAT)?;
        let shape = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        shape
            .then(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .flatten()
            .ok_or_else(|| self.wrong(node, field, WHAT))
    }

    fn whole_number(&self, node: &Node, field: &str) -> Result<u32> {
        const WHAT: &str = "a whole number such as `2`";
        let text = self.plain(node, field, WHAT)?;
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.wrong(node, field, WHAT));
        }
        text.parse()
            .map_err(|_| self.wrong(node, field, "a whole number below 4,294,967,296"))
    }

    /// An expected number of points: written, for now, as a whole number.
    /// An expected number of points: a whole number, or a plain decimal (`6.4`) whose
    /// decimals [`check_expected`] judges against the rulebook's, so it is noted in
    /// `decimal_points` with where it is (`PCS.EXPECTED.DECIMALS`).
    fn points(
        &self,
        node: &Node,
        field: &str,
        decimal_points: &mut Vec<DecimalPoint>,
    ) -> Result<Points> {
        if let Value::Scalar { text, plain: true } = &node.value {
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if let Some((whole, fraction)) = text.split_once('.') {
                let parsed = (digits(whole) && digits(fraction))
                    .then(|| text.parse::<rust_decimal::Decimal>().ok())
                    .flatten();
                if let Some(value) = parsed {
                    decimal_points.push(DecimalPoint {
                        field: field.to_string(),
                        text: text.to_string(),
                        at: self.position(node),
                    });
                    return Ok(Points::new(value));
                }
            }
        }
        self.whole_number(node, field).map(Points::from)
    }

    fn boolean(&self, node: &Node, field: &str) -> Result<bool> {
        match self.plain(node, field, "`true` or `false`")? {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(self.wrong(node, field, "`true` or `false`")),
        }
    }

    /// A list of words: `items` says what the list holds, `item` what each entry is, and
    /// `most` how many it may hold and what a message says about more.
    fn strings(
        &self,
        node: &Node,
        field: &str,
        (items, item): (&str, &str),
        most: (usize, &str),
    ) -> Result<Vec<String>> {
        let list = self.seq(node, field, items)?;
        self.words(list, field, (items, item), most)
    }

    /// The items of a list of words, checked as [`Reader::strings`] says.
    fn words(
        &self,
        list: &[Node],
        field: &str,
        (_, item): (&str, &str),
        most: (usize, &str),
    ) -> Result<Vec<String>> {
        let words = list
            .iter()
            .enumerate()
            .map(|(i, n)| self.text(n, &format!("{field}[{i}]"), item))
            .collect::<Result<Vec<_>>>()?;
        if let Some(i) = words
            .iter()
            .position(|w| w.trim().contains(char::is_whitespace))
        {
            return Err(self.wrong(
                &list[i],
                &format!("{field}[{i}]"),
                format!("{item}, without spaces (separate the items with `,`)"),
            ));
        }
        // The tree keeps one item past the limit, and none after it.
        let (limit, expected) = most;
        if let Some(extra) = list.get(limit) {
            return Err(self.error(
                extra,
                &format!("{field}[{limit}]"),
                format!("a list of more than {limit} items"),
                expected,
            ));
        }
        Ok(words)
    }

    fn document(&self, root: &Node) -> Result<Document> {
        let f = self.fields(root, "", &format::DOCUMENT)?;
        let header = Header {
            name: f
                .value("name")
                .map(|n| self.text(n, "name", "a scenario name"))
                .transpose()?,
            description: f
                .value("description")
                .map(|n| self.free_text(n, "description", "free text"))
                .transpose()?,
            tags: f
                .get("tags")
                .map(|n| self.labels(n, "tags", ("tags", "a tag"), "tags"))
                .transpose()?
                .unwrap_or_default(),
            clauses: f
                .get("clauses")
                .map(|n| {
                    self.labels(
                        n,
                        "clauses",
                        (
                            "clause ids such as `DAI.PERF.NCA.ADD`",
                            "a clause id such as `DAI.PERF.NCA.ADD`",
                        ),
                        "clause ids",
                    )
                })
                .transpose()?
                .unwrap_or_default(),
        };
        let designation = match f.value("designation") {
            None => Designation::DigitalAppInnovation,
            Some(n) => {
                let slugs: Vec<&str> = Designation::ALL.iter().map(|(_, s)| *s).collect();
                let expected = format!("one of {}", list(&slugs));
                let text = self.text(n, "designation", &expected)?;
                Designation::from_slug(&text).ok_or_else(|| {
                    let hint = suggest(&text, &slugs).map(|s| format!(" (did you mean `{s}`?)"));
                    self.wrong(
                        n,
                        "designation",
                        format!("{expected}{}", hint.unwrap_or_default()),
                    )
                })?
            }
        };
        let as_of = self.as_of(self.required(&f, "as_of")?)?;
        // Only its shape here: which editions exist is the rulebook registry's to say
        // (`rulebook::choose`), with the file's position.
        let edition = f
            .value("edition")
            .map(|n| {
                self.month(n, "edition")
                    .map(|_| self.text(n, "edition", "YYYY-MM"))
            })
            .transpose()?
            .transpose()?;
        let path = f
            .value("path")
            .map(|n| {
                let text = self.text(n, "path", "`smb` or `enterprise`")?;
                PathKind::parse(&text).ok_or_else(|| self.wrong(n, "path", "`smb` or `enterprise`"))
            })
            .transpose()?;
        let customers = match f.get("customers") {
            None => Vec::new(),
            Some(n) => self.customers(n)?,
        };
        let people = match f.get("people") {
            None => Vec::new(),
            Some(n) => self.people(n)?,
        };
        let deployments = match f.get("deployments") {
            None => Vec::new(),
            Some(n) => self.deployments(n, &customers)?,
        };
        let expected = f.get("expected").map(|n| self.expected(n)).transpose()?;
        if expected.is_some() && header.name.is_none() {
            return Err(self.required(&f, "name").unwrap_err());
        }
        Ok(Document {
            header,
            situation: Situation {
                designation,
                as_of,
                path,
                customers,
                people,
                deployments,
            },
            expected,
            expected_line: f.key_line("expected"),
            name_at: f.value("name").map(|n| self.position(n)),
            designation_at: f.value("designation").map(|n| self.position(n)),
            edition,
            edition_at: f.value("edition").map(|n| self.position(n)),
            as_of_at: f.value("as_of").map(|n| self.position(n)),
            segment_missing: self.segment_missing.borrow_mut().take(),
        })
    }

    /// A list of labels: free words without spaces, for tags and clause ids.
    fn labels(
        &self,
        node: &Node,
        field: &str,
        (items, item): (&str, &str),
        plural: &str,
    ) -> Result<Vec<String>> {
        let most = format!("at most {} {plural}", format::MAX_LABELS);
        let words = self.strings(node, field, (items, item), (format::MAX_LABELS, &most))?;
        if let Some(i) = words.iter().position(|w| w.contains(char::is_whitespace)) {
            return Err(self.wrong(
                &self.seq(node, field, items)?[i],
                &format!("{field}[{i}]"),
                format!("{item}, without spaces"),
            ));
        }
        Ok(words)
    }

    /// Refuses an id an earlier item of the list has; `seen` knows the ids before the
    /// `index`th item.
    fn unique_id(
        &self,
        (seen, index): (&mut Seen<'_>, usize),
        id: &str,
        node: &Node,
        field: &str,
        list_name: &str,
    ) -> Result<()> {
        let Seen { ids, earlier } = seen;
        if let Some(first) = ids.first_line(id, node.line, index, *earlier) {
            return Err(self
                .error(
                    node,
                    field,
                    format!("the id `{id}` a second time (first at line {first})"),
                    format!("ids that are unique within `{list_name}`"),
                )
                .with_kind(ErrorKind::Duplicate));
        }
        Ok(())
    }

    fn customers(&self, node: &Node) -> Result<Vec<Customer>> {
        let items = self.seq(
            node,
            "customers",
            "customers (each with `id`, `segment`, `attribution`)",
        )?;
        // `load_str` handed each item to `customer` as soon as it was read, and the tree
        // keeps the list empty.
        debug_assert!(items.is_empty());
        self.lists
            .borrow_mut()
            .customers
            .take()
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    fn people(&self, node: &Node) -> Result<Vec<Person>> {
        let items = self.seq(node, "people", "certified people (each with `id`)")?;
        // Handed over as they were read, like customers.
        debug_assert!(items.is_empty());
        self.lists
            .borrow_mut()
            .people
            .take()
            .unwrap_or_else(|| Ok(Vec::new()))
    }

    fn deployments(&self, node: &Node, customers: &[Customer]) -> Result<Vec<Deployment>> {
        let items = self.seq(
            node,
            "deployments",
            "deployments (each with `customer`, `service`, `service_level`, `month`)",
        )?;
        // Handed over as they were read, like customers.
        debug_assert!(items.is_empty());
        let converted = self.lists.borrow_mut().deployments.take();
        converted.unwrap_or_default().finish(self, customers)
    }

    fn expected(&self, node: &Node) -> Result<Expected> {
        if node.is_null() {
            return Err(self.wrong(node, "expected", EXPECTED_KEYS));
        }
        let f = self.fields(node, "expected", &format::EXPECTED)?;
        if f.entries.is_empty() {
            return Err(self.error(node, "expected", "an empty mapping".into(), EXPECTED_KEYS));
        }
        let mut decimal_points = Vec::new();
        let mut e = Expected {
            path: f
                .value("path")
                .map(|n| {
                    let t = self.text(n, "expected.path", "`smb` or `enterprise`")?;
                    PathKind::parse(&t)
                        .ok_or_else(|| self.wrong(n, "expected.path", "`smb` or `enterprise`"))
                })
                .transpose()?,
            total: f
                .value("total")
                .map(|n| self.points(n, "expected.total", &mut decimal_points))
                .transpose()?,
            attained: f
                .value("attained")
                .map(|n| self.boolean(n, "expected.attained"))
                .transpose()?,
            ..Expected::default()
        };
        for key in ["points", "categories"] {
            let Some(node) = f.value(key) else {
                continue;
            };
            match self.scores(node, key, &mut decimal_points)? {
                Ok(written) if key == "points" => e.points = written,
                Ok(written) => e.categories = written,
                Err(misshapen) => {
                    e.misshapen.get_or_insert(misshapen);
                }
            }
        }
        e.decimal_points = decimal_points;
        Ok(e)
    }

    /// `expected.points` or `expected.categories`: each value read as points, each key
    /// kept with its position for [`check_expected`], which knows the rulebook's keys.
    fn scores(
        &self,
        node: &Node,
        key: &'static str,
        decimal_points: &mut Vec<DecimalPoint>,
    ) -> Result<std::result::Result<Vec<Written>, Misshapen>> {
        let field = join("expected", key);
        let Value::Map(entries) = &node.value else {
            let spaced = match &node.value {
                Value::Scalar { text, plain: true } => text
                    .split_once(':')
                    .map(|(k, v)| (k.to_string(), v.to_string())),
                _ => None,
            };
            return Ok(Err(Misshapen {
                key,
                at: self.position(node),
                found: node.describe(),
                spaced,
            }));
        };
        let mut written = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let Value::Scalar { text, .. } = &k.value else {
                continue; // tree::parse refuses non-scalar keys
            };
            written.push(Written {
                key: Arc::from(text.as_str()),
                value: self.points(v, &join(&field, text), decimal_points)?,
                at: Some(Box::new(self.position(k))),
            });
        }
        Ok(Ok(written))
    }
}

/// The month `Reader::month` would read from `node`, when it reads one.
fn plain_month(node: &Node) -> Option<Month> {
    match &node.value {
        Value::Scalar { text, plain: true } if !node.is_null() => Month::parse(text),
        _ => None,
    }
}

/// What a message says of `key` in a mapping of the shape `object`, which has no such
/// key: found, and expected (with a "did you mean" for a near miss).
fn unknown_field(object: &Object, key: &str) -> (String, String) {
    let allowed = object.keys();
    let hint = suggest(key, &allowed)
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    (
        format!("the unknown field `{key}`"),
        format!("one of {}{hint}", list(&allowed)),
    )
}

/// For `as_of:2024-12`, which YAML reads as one word: the `key: value` it was meant as.
fn missing_space(node: &Node, allowed: &[&str]) -> Option<String> {
    let Value::Scalar { text, plain: true } = &node.value else {
        return None;
    };
    let (key, value) = text.split_once(':')?;
    allowed
        .contains(&key)
        .then(|| format!("`{key}: {value}`, with a space after the `:`"))
}

/// `` `a`, `b` or `c` `` for messages.
fn list(items: &[&str]) -> String {
    let ticked: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match ticked.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The allowed word closest to a misspelling, when it is close enough to be a typo.
pub(crate) fn suggest<'s>(word: &str, candidates: &[&'s str]) -> Option<&'s str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str =
        "name: n\nas_of: 2024-12\nexpected:\n  points:\n    deployments: 2\n    \
                            net_customer_adds: 10\n  categories: {customer_success: 2}\n";

    #[test]
    fn expected_keys_are_kept_as_written_until_checked_against_the_rulebook() {
        let mut doc = load_str(SCENARIO, "s.yaml").expect("loads");
        let keys = |doc: &Document| -> Vec<String> {
            let e = doc.expected.as_ref().expect("a scenario");
            e.points.iter().map(|w| w.key.to_string()).collect()
        };
        assert_eq!(keys(&doc), ["deployments", "net_customer_adds"]);
        let at = doc.expected.as_ref().expect("a scenario").points[0]
            .at
            .clone();
        assert_eq!(at.map(|p| (p.line, p.column)), Some((5, 5)));
        check_expected(&mut doc, Rulebook::builtin(), "s.yaml").expect("known keys");
        assert_eq!(keys(&doc), ["net_customer_adds", "deployments"]);
    }

    #[test]
    fn an_unknown_key_is_refused_by_the_check_not_by_the_loader() {
        let text = SCENARIO.replace("deployments: 2", "deployment: 2");
        let mut doc = load_str(&text, "s.yaml").expect("the loader does not know the keys");
        let err = check_expected(&mut doc, Rulebook::builtin(), "s.yaml").expect_err("refused");
        assert_eq!(err.kind, ErrorKind::UnknownField);
        assert_eq!(err.field, "expected.points.deployment");
        assert_eq!(err.position, Some((5, 5)));
        assert!(
            err.expected.ends_with("(did you mean `deployments`?)"),
            "{err}"
        );
        assert_eq!(load_str_for(&text, "s.yaml", Rulebook::builtin()), Err(err));
    }

    #[test]
    fn the_earliest_as_of_keeps_every_window_in_year_zero_or_later() {
        let earliest = earliest_as_of().expect("a month");
        assert_eq!(earliest.to_string(), "0002-01");
        let furthest = earliest.months_before(WINDOWS_REACH_BACK);
        assert_eq!(furthest.to_string(), "0000-12");
        let book = crate::rulebook::Rulebook::builtin();
        let windows = &book.windows;
        for w in [
            &windows.recent,
            &windows.baseline,
            &windows.ttm,
            &windows.growth_comparison,
        ] {
            assert!(
                w.from <= WINDOWS_REACH_BACK,
                "a window reaches {} months back",
                w.from
            );
        }
    }
}
