//! Accepting the engine's values into a scenario's `expected:` block.
//!
//! When the engine or a rule changes on purpose, expectations change with it. Accepting
//! a scenario rewrites the values of the keys its `expected:` block already writes, and
//! nothing else: every byte outside those values stays as it was (comments, blank
//! lines, key order, quoting, a schema comment on the first line, line endings), no key
//! is ever added, and a value that already matches is left exactly as written.
//!
//! The work is split so that the risky part is pure and tested on its own:
//!
//! - [`rewrite_expected`] replaces value spans in a text, given a score card;
//! - [`accept_text`] loads and scores a text, rewrites it and proves the result (it
//!   loads again, describes the same partner, writes the same keys and now matches);
//! - [`propose`] reads a failing file once, and that text is the snapshot [`commit`]
//!   compares with just before writing, so a file edited in between is never
//!   overwritten;
//! - [`commit`] writes a temporary file beside the scenario and renames it over it, so
//!   the scenario is either the old text or the new one, never half of each (the rules
//!   of [`crate::output`]: mode and owner kept, read-only files refused, hard links
//!   kept, a killed run's leftover removed).

use super::{compare, unified_diff, Case, Status};
use crate::engine;
use crate::load::{self, LoadError, MAX_FILE_BYTES};
use crate::model::{Expected, PathKind, ScoreCard};
use crate::output::{self, ReplaceError, WriteError, Writers};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// One value replaced in `expected:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The key, dotted as in `expected:`: `points.net_customer_adds`.
    pub key: String,
    /// The 1-based line of the value.
    pub line: usize,
    /// The value as it was written, quotes included.
    pub old: String,
    /// The value as it is written now, in the same quoting.
    pub new: String,
}

/// A text with its `expected:` values replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    /// The whole new text.
    pub text: String,
    /// The values replaced, in file order; empty when every written key matched.
    pub changes: Vec<Change>,
}

/// Why a text's `expected:` block cannot be rewritten safely.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RewriteError {
    /// A written value whose form accept does not replace in place (a block scalar, a
    /// quoted value spread over lines or with escapes): changing it could change more
    /// than the value, so the file is left for a person to edit.
    Unsupported {
        /// 1-based line of the value's key.
        line: usize,
        /// 1-based column of the value's key.
        col: usize,
        /// The key, dotted: `expected.path`.
        field: String,
        /// What was found there.
        found: String,
    },
    /// The text is not YAML that accept can follow (the loader refuses such files
    /// first, so this is a second line of defence).
    Yaml {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What was found.
        found: String,
    },
    /// The rewritten text did not prove itself: it would not load, would describe a
    /// different partner, would write other keys, or would still differ from the
    /// engine. Nothing is written.
    Unverified {
        /// What went wrong.
        reason: String,
    },
}

impl fmt::Display for RewriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RewriteError::Unsupported {
                line,
                col,
                field,
                found,
            } => write!(
                f,
                "{line}:{col}: {field}: found {found}, expected a value on one line, plain or in simple quotes, that accept can replace in place (edit this value by hand)"
            ),
            RewriteError::Yaml { line, col, found } => write!(
                f,
                "{line}:{col}: found {found}, expected plain YAML data that accept can follow"
            ),
            RewriteError::Unverified { reason } => write!(
                f,
                "the rewritten file did not prove itself, so nothing was written: {reason}"
            ),
        }
    }
}

impl std::error::Error for RewriteError {}

/// A scalar value under `expected:` as the parser saw it.
struct Found {
    /// Its first character (the quote, when quoted): line, from 1, and column in
    /// characters, from 0. Not the parser's character index, which drifts after a
    /// block scalar holding characters of several bytes (`—` in a `description: >`).
    line: usize,
    col: usize,
    /// Where its key is: errors point there, since a block scalar's own position is
    /// the line after.
    key_at: (usize, usize),
    text: String,
    style: TScalarStyle,
}

/// Replaces, in `text`, the value of every key the `expected:` block writes whose
/// value differs from `card`, and nothing else.
///
/// Each value keeps its quoting. A trailing comment after a replaced value keeps its
/// column when the padding before it allows (`total: 53   # why` becoming
/// `total: 100  # why`), and moves by the difference otherwise, always after at least
/// one space. Keys that are written empty (`total:`) are not checked, so not rewritten.
/// A UTF-8 byte-order mark and CRLF line endings are kept.
pub fn rewrite_expected(text: &str, card: &ScoreCard) -> Result<Rewrite, RewriteError> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let found = expected_values(body)?;
    let mut edits: Vec<(std::ops::Range<usize>, String, Change)> = Vec::new();
    for (key, want) in card_values(card) {
        let Some(value) = found.get(key.as_str()) else {
            continue;
        };
        if is_null(value) || same_value(&key, &value.text, &want) {
            continue;
        }
        let field = format!("expected.{key}");
        let start =
            byte_offset(body, value.line, value.col).ok_or_else(|| unsupported(value, &field))?;
        let (quote, inner_ok) = match value.style {
            TScalarStyle::Plain => ("", true),
            TScalarStyle::SingleQuoted => ("'", !value.text.contains('\'')),
            TScalarStyle::DoubleQuoted => ("\"", !value.text.contains(['"', '\\'])),
            _ => ("", false),
        };
        let written = format!("{quote}{}{quote}", value.text);
        // The parser's text and the source must agree character for character;
        // otherwise the value spans lines, has escapes or folds, and replacing it
        // could touch more than the value.
        if !inner_ok || !body[start..].starts_with(&written) {
            return Err(unsupported(value, &field));
        }
        let end = start + written.len();
        let new = format!("{quote}{want}{quote}");
        let (range, replacement) = keep_comment_column(body, start..end, &written, new.clone());
        edits.push((
            range,
            replacement,
            Change {
                key,
                line: value.line,
                old: written,
                new,
            },
        ));
    }
    edits.sort_by_key(|(range, _, _)| range.start);
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(bom);
    let mut at = 0;
    let mut changes = Vec::with_capacity(edits.len());
    for (range, replacement, change) in edits {
        out.push_str(&body[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
        changes.push(change);
    }
    out.push_str(&body[at..]);
    Ok(Rewrite { text: out, changes })
}

fn unsupported(value: &Found, field: &str) -> RewriteError {
    let shape = match value.style {
        TScalarStyle::Literal => "a literal block scalar (`|`)".to_string(),
        TScalarStyle::Folded => "a folded block scalar (`>`)".to_string(),
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => {
            format!(
                "the quoted value `{}` written over several lines or with escapes",
                value.text
            )
        }
        _ => format!("the value `{}` written over several lines", value.text),
    };
    RewriteError::Unsupported {
        line: value.key_at.0,
        col: value.key_at.1,
        field: field.to_string(),
        found: shape,
    }
}

/// The range to replace and its replacement: the value alone, or the value and the
/// spaces before a trailing comment, resized so the comment stays in its column.
fn keep_comment_column(
    body: &str,
    value: std::ops::Range<usize>,
    old: &str,
    new: String,
) -> (std::ops::Range<usize>, String) {
    let rest = &body[value.end..];
    let spaces = rest.bytes().take_while(|&b| b == b' ').count();
    if spaces == 0 || rest.as_bytes().get(spaces) != Some(&b'#') {
        return (value, new);
    }
    let width = |s: &str| s.chars().count();
    let padding = (width(old) + spaces).saturating_sub(width(&new)).max(1);
    let mut replacement = new;
    replacement.push_str(&" ".repeat(padding));
    (value.start..value.end + spaces, replacement)
}

/// The byte offset of a line (from 1) and character column (from 0), or `None` past
/// the end.
fn byte_offset(text: &str, line: usize, col: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let on_line = &rest[..end];
    if col == on_line.chars().count() {
        return Some(start + on_line.len());
    }
    on_line.char_indices().nth(col).map(|(b, _)| start + b)
}

/// Empty values are not checked by the loader, so accept leaves them alone too.
fn is_null(value: &Found) -> bool {
    value.style == TScalarStyle::Plain
        && matches!(value.text.as_str(), "" | "~" | "null" | "Null" | "NULL")
}

/// Whether a written value already says what the engine says, read as the loader reads
/// it (`020` is 20), so a matching value is never rewritten into another spelling.
fn same_value(key: &str, written: &str, want: &str) -> bool {
    match key {
        "path" => PathKind::parse(written).map(PathKind::as_str) == Some(want),
        "attained" => written == want,
        // By value (`PCS.EXPECTED.DECIMALS`): `6.4` is a shown `6.40`.
        _ => {
            is_plain_number(written)
                && written.parse::<rust_decimal::Decimal>().ok()
                    == want.parse::<rust_decimal::Decimal>().ok()
        }
    }
}

/// Digits, with at most one `.` between digits: how an expected value is written.
fn is_plain_number(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "1"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// Every key `expected:` can write, dotted, with the card's value as `score --format
/// yaml` writes it (`PCS.POINTS.SHOWN`).
fn card_values(card: &ScoreCard) -> Vec<(String, String)> {
    let mut out = vec![("path".to_string(), card.path.as_str().to_string())];
    for p in &card.points {
        out.push((format!("points.{}", p.key), card.shown_text(p.points)));
    }
    for c in &card.categories {
        out.push((format!("categories.{}", c.key), card.shown_text(c.points)));
    }
    out.push(("total".into(), card.shown_text(card.total)));
    out.push(("attained".into(), card.attained.to_string()));
    out
}

/// One open collection while walking the events.
enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, next: usize },
}

/// The scalar values under the top-level `expected:` mapping, by dotted key below it
/// (`points.deployments`), with where they start.
fn expected_values(body: &str) -> Result<HashMap<String, Found>, RewriteError> {
    let mut parser = Parser::new_from_str(body);
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = HashMap::new();
    let mut key_at = (0, 0);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| RewriteError::Yaml {
            line: e.marker().line(),
            col: e.marker().col() + 1,
            found: format!("invalid YAML ({})", e.info()),
        })?;
        let (line, col) = (mark.line(), mark.col() + 1);
        let refuse = |found: &str| RewriteError::Yaml {
            line,
            col,
            found: found.to_string(),
        };
        match event {
            Event::StreamEnd => break,
            Event::Alias(_) => return Err(refuse("an alias (`*name`)")),
            Event::Scalar(_, _, anchor, tag) if anchor != 0 || tag.is_some() => {
                return Err(refuse("an anchor or a tag"))
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() =>
            {
                return Err(refuse("an anchor or a tag"))
            }
            Event::Scalar(text, style, ..) => match value_path(&mut stack, Some(&text)) {
                None => key_at = (line, col),
                Some(path) => {
                    if let Some(key) = path.strip_prefix("expected.") {
                        out.insert(
                            key.to_string(),
                            Found {
                                line,
                                col: mark.col(),
                                key_at,
                                text,
                                style,
                            },
                        );
                    }
                }
            },
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_map = matches!(event, Event::MappingStart(..));
                let path = value_path(&mut stack, None).unwrap_or_default();
                stack.push(if is_map {
                    Frame::Map { path, key: None }
                } else {
                    Frame::Seq { path, next: 0 }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
            }
            Event::StreamStart | Event::Nothing | Event::DocumentStart | Event::DocumentEnd => {}
        }
    }
    Ok(out)
}

/// Places a node under the innermost open collection. A scalar in key position becomes
/// the pending key (`None` is returned); otherwise the node's dotted path is returned.
/// A collection used as a key gets a path nothing else can have, so nothing below it is
/// collected.
fn value_path(stack: &mut [Frame], scalar: Option<&str>) -> Option<String> {
    let join = |parent: &str, key: &str| {
        if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        }
    };
    match stack.last_mut() {
        None => Some(String::new()),
        Some(Frame::Seq { path, next }) => {
            *next += 1;
            Some(format!("{path}[{}]", *next - 1))
        }
        Some(Frame::Map { path, key }) => match key.take() {
            Some(k) => Some(join(path, &k)),
            None => match scalar {
                Some(text) => {
                    *key = Some(text.to_string());
                    None
                }
                None => {
                    // A collection as a key (the loader refuses those): neither it nor
                    // its value can land under `expected`.
                    *key = Some("\u{0}".to_string());
                    Some("\u{0}".to_string())
                }
            },
        },
    }
}

/// What accepting would do to one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepting {
    /// A partner file: no `expected:` block, nothing to accept.
    NotAScenario,
    /// The expectation already matches the engine.
    AlreadyPasses,
    /// The expectation differs; this text would make it match.
    Rewrite {
        /// The check's diff of the written keys, expected against actual.
        diff: String,
        /// The new text and its changes.
        rewrite: Rewrite,
    },
}

/// Why a text cannot be accepted.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AcceptError {
    /// The text does not load (bad input): the file's own error.
    Load(LoadError),
    /// The engine cannot score it (a designation without rules).
    Score(String),
    /// The expectation differs but the file is not rewritten, with the check's diff.
    Rewrite {
        /// The check's diff of the written keys, expected against actual.
        diff: String,
        /// Why.
        error: RewriteError,
    },
}

impl fmt::Display for AcceptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AcceptError::Load(e) => write!(f, "{e}"),
            AcceptError::Score(e) => f.write_str(e),
            AcceptError::Rewrite { error, .. } => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for AcceptError {}

/// Loads and scores a text and, when its expectation differs, rewrites it and proves
/// the result before offering it: the new text must load, describe the same partner
/// (header and situation unchanged), write the same keys, and match the engine.
/// Pure: `file` only names the text in messages.
pub fn accept_text(text: &str, file: &str) -> Result<Accepting, AcceptError> {
    let (doc, book) = load::load_str_chosen(text, file).map_err(AcceptError::Load)?;
    let Some(expected) = &doc.expected else {
        return Ok(Accepting::NotAScenario);
    };
    let card = engine::score(&doc.situation, book)
        .map_err(|e| AcceptError::Score(format!("{file}: {e}")))?
        .card;
    let Some(diff) = compare(expected, &card) else {
        return Ok(Accepting::AlreadyPasses);
    };
    let refuse = |error: RewriteError| AcceptError::Rewrite {
        diff: diff.clone(),
        error,
    };
    let rewrite = rewrite_expected(text, &card).map_err(refuse)?;
    let unverified = |reason: String| refuse(RewriteError::Unverified { reason });
    let again = load::load_str_for(&rewrite.text, file, book)
        .map_err(|e| unverified(format!("it would not load: {e}")))?;
    if again.header != doc.header || again.situation != doc.situation {
        return Err(unverified(
            "it would describe a different partner".to_string(),
        ));
    }
    let Some(new_expected) = &again.expected else {
        return Err(unverified("it would lose its `expected:` block".into()));
    };
    if written_keys(new_expected) != written_keys(expected) {
        return Err(unverified("it would write other keys".into()));
    }
    if let Some(still) = compare(new_expected, &card) {
        return Err(unverified(format!("it would still differ:\n{still}")));
    }
    Ok(Accepting::Rewrite { diff, rewrite })
}

/// Which keys an expectation writes, in score card order.
fn written_keys(e: &Expected) -> Vec<String> {
    let mut keys = Vec::new();
    if e.path.is_some() {
        keys.push("path".to_string());
    }
    keys.extend(e.points.iter().map(|w| format!("points.{}", w.key)));
    keys.extend(e.categories.iter().map(|w| format!("categories.{}", w.key)));
    if e.total.is_some() {
        keys.push("total".to_string());
    }
    if e.attained.is_some() {
        keys.push("attained".to_string());
    }
    keys
}

/// A failing scenario, read once and rewritten, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The file, as given.
    pub file: PathBuf,
    /// The scenario's name.
    pub name: String,
    /// The text that was read and checked; [`commit`] writes only over exactly this.
    pub original: String,
    /// The new text.
    pub accepted: String,
    /// The values replaced.
    pub changes: Vec<Change>,
}

impl Pending {
    /// A unified diff of the file, as it is (`-`) against as it would be (`+`), with
    /// the file's own line numbers in the hunk headers.
    pub fn file_diff(&self) -> String {
        unified_diff(&self.original, &self.accepted)
    }
}

/// What to do about one scenario that failed its check.
#[derive(Debug, Clone)]
pub enum Proposal {
    /// It can be accepted.
    Ready(Pending),
    /// It differs, but must be edited by hand.
    ByHand {
        /// The file.
        file: PathBuf,
        /// The scenario's name.
        name: String,
        /// The check's diff.
        diff: String,
        /// Why accept will not rewrite it.
        reason: RewriteError,
    },
    /// It could not be read again, or no longer loads.
    Error {
        /// The file.
        file: PathBuf,
        /// The error, naming the file.
        message: String,
    },
}

/// For a scenario that failed its check, reads the file once more (that text is the
/// snapshot [`commit`] protects) and proposes what to do. `None` for any other status,
/// and when the file, read again, now passes or is a partner file (someone fixed it
/// meanwhile: a passing file is never touched).
pub fn propose(case: &Case) -> Option<Proposal> {
    if !matches!(case.status, Status::Failed { .. }) {
        return None;
    }
    let file = &case.file;
    let error = |message: String| {
        Some(Proposal::Error {
            file: file.clone(),
            message,
        })
    };
    let text = match read_text(file) {
        Ok(text) => text,
        Err(message) => return error(message),
    };
    match accept_text(&text, &file.display().to_string()) {
        Ok(Accepting::NotAScenario | Accepting::AlreadyPasses) => None,
        Ok(Accepting::Rewrite { rewrite, .. }) => Some(Proposal::Ready(Pending {
            file: file.clone(),
            name: case.name.clone(),
            original: text,
            accepted: rewrite.text,
            changes: rewrite.changes,
        })),
        Err(AcceptError::Rewrite { diff, error }) => Some(Proposal::ByHand {
            file: file.clone(),
            name: case.name.clone(),
            diff,
            reason: error,
        }),
        Err(e) => error(e.to_string()),
    }
}

fn read_text(file: &Path) -> Result<String, String> {
    let shown = file.display();
    let too_big = std::fs::metadata(file)
        .map(|m| m.len() > MAX_FILE_BYTES)
        .map_err(|e| format!("{shown}: cannot read it again after checking it: {e}"))?;
    if too_big {
        return Err(format!(
            "{shown}: grew past {MAX_FILE_BYTES} bytes after it was checked"
        ));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| format!("{shown}: cannot read it again after checking it: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{shown}: is no longer UTF-8 text"))
}

/// Why [`commit`] wrote nothing.
#[derive(Debug)]
#[non_exhaustive]
pub enum CommitError {
    /// The file no longer holds the text that was checked: someone edited it since.
    Changed {
        /// The file.
        file: PathBuf,
    },
    /// The file's permission bits let nobody write it; it is refused as `cp` refuses it.
    ReadOnly {
        /// The file.
        file: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// Another accept, still running, is writing the same file.
    Busy {
        /// The file.
        file: PathBuf,
        /// The other run's temporary file, by name.
        temp: String,
        /// Its process id.
        pid: u32,
    },
    /// A step of the write failed; the original file is intact.
    Io {
        /// The file being accepted.
        file: PathBuf,
        /// The step, such as `cannot create the temporary file .x.yaml.pcscore-accept.7.tmp beside it`.
        step: String,
        /// The system's error.
        error: std::io::Error,
    },
    /// Writing a hard-linked file in place failed part way and could not be undone.
    Damaged {
        /// The file.
        file: PathBuf,
        /// What happened, and where the complete new text is.
        error: WriteError,
    },
}

impl fmt::Display for CommitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommitError::Changed { file } => write!(
                f,
                "{}: changed since it was checked, so it was not written (run accept again to see the new differences)",
                file.display()
            ),
            CommitError::ReadOnly { file, mode } => write!(
                f,
                "{}: is read-only (mode {mode:04o}), so it was not written, as `cp` would not write it (make it writable, `chmod u+w`, to accept); the file is unchanged",
                file.display()
            ),
            CommitError::Busy { file, temp, pid } => write!(
                f,
                "{}: found the temporary file {temp} of process {pid}, which is still running, expected none: another accept is writing it (if none is, remove {temp}); the file is unchanged",
                file.display()
            ),
            CommitError::Io { file, step, error } => write!(
                f,
                "{}: {step}: {}; the file is unchanged",
                file.display(),
                output::describe_io(error)
            ),
            CommitError::Damaged { file, error } => write!(f, "{}: {error}", file.display()),
        }
    }
}

impl std::error::Error for CommitError {}

impl CommitError {
    fn of(file: &Path, e: WriteError) -> CommitError {
        let file = file.to_path_buf();
        match e {
            WriteError::ReadOnly { mode } => CommitError::ReadOnly { file, mode },
            WriteError::Busy { temp, pid } => CommitError::Busy { file, temp, pid },
            WriteError::Io { step, error } => CommitError::Io { file, step, error },
            other if other.file_unchanged() => CommitError::Io {
                file,
                step: "cannot write it".into(),
                error: std::io::Error::other(other.to_string()),
            },
            other => CommitError::Damaged { file, error: other },
        }
    }
}

/// Names accept's temporary files: `.FILE.pcscore-accept.PID.tmp`.
const TEMP_TAG: &str = "pcscore-accept";

/// The temporary file [`commit`] writes beside `target` before renaming it over it, in
/// this process: hidden, so `check` and `accept` never pick it up, and holding the
/// process id, so a later run can tell a leftover of a killed run (removed) from the
/// file of a run still going (which stops this one, like git's `index.lock`).
pub fn temp_path(target: &Path) -> PathBuf {
    output::temp_path(target, TEMP_TAG, std::process::id(), 0)
}

/// Writes an accepted scenario, by the rules of [`crate::output`]: the new text goes to
/// a temporary file in the same folder (created fresh, flushed to disk, given the
/// original's mode, owner and group); the file is read once more and must still hold
/// exactly the text that was checked; only then is the temporary file renamed over it
/// (or, for a file with other hard links, written into it in place). A read-only file
/// is refused. Any failure removes the temporary file and leaves the original as it
/// was. A symbolic link is followed, so the link stays a link and its target gets the
/// new text.
pub fn commit(p: &Pending) -> Result<(), CommitError> {
    let io = |step: &str| {
        let file = p.file.clone();
        let step = step.to_string();
        move |error: std::io::Error| CommitError::Io { file, step, error }
    };
    let target = std::fs::canonicalize(&p.file).map_err(io("cannot find it again"))?;
    let meta = std::fs::metadata(&target).map_err(io("cannot read its permissions"))?;
    let mut unchanged = || {
        let now = std::fs::read(&target).map_err(io("cannot read it again"))?;
        if now == p.original.as_bytes() {
            Ok(())
        } else {
            Err(CommitError::Changed {
                file: p.file.clone(),
            })
        }
    };
    output::replace(
        &target,
        &meta,
        p.accepted.as_bytes(),
        (TEMP_TAG, Writers::One),
        &mut unchanged,
    )
    .map_err(|e| match e {
        ReplaceError::Refused(e) => e,
        ReplaceError::Write(e) => CommitError::of(&p.file, e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Keyed, Points};

    /// A card with every value distinct, so a test can see which key went where.
    fn card() -> ScoreCard {
        let book = crate::rulebook::Rulebook::builtin();
        let keyed = |keys: Vec<&std::sync::Arc<str>>, values: &[u32]| -> Vec<Keyed> {
            keys.into_iter()
                .zip(values)
                .map(|(k, v)| Keyed::new(k.clone(), Points::from(*v)))
                .collect()
        };
        ScoreCard {
            path: PathKind::Enterprise,
            points: keyed(
                book.subcategories().map(|s| &s.key).collect(),
                &[10, 8, 6, 19, 4],
            ),
            categories: keyed(
                book.categories.iter().map(|c| &c.key).collect(),
                &[10, 14, 23],
            ),
            total: Points::from(47),
            attained: false,
            decimals: 0,
        }
    }

    fn rewrite(text: &str) -> String {
        match rewrite_expected(text, &card()) {
            Ok(r) => r.text,
            Err(e) => panic!("rewrite failed: {e}"),
        }
    }

    /// A folded description with characters of several bytes before `expected:` (the
    /// parser's character index drifts there): the value is still found and replaced.
    #[test]
    fn a_value_after_a_block_scalar_with_wide_characters_is_replaced() {
        let before = "description: >\n  caf\u{e9} \u{2014} r\u{e9}sum\u{e9}\n  two lines\n\
                      expected:\n  total: 53   # why\n";
        let after = "description: >\n  caf\u{e9} \u{2014} r\u{e9}sum\u{e9}\n  two lines\n\
                     expected:\n  total: 47   # why\n";
        assert_eq!(rewrite(before), after);
    }

    #[test]
    fn replaces_only_the_values_that_differ_and_keeps_every_other_byte() {
        let before = "\
# yaml-language-server: $schema=../schema.json
name: 'Two adds and a loss'   # quoted on purpose

as_of: 2024-12
expected:
  # the analyst's note about points
  points:
    net_customer_adds: 20     # two adds
    usage_growth: 19

  total: 53
customers: []    # after expected
";
        let after = "\
# yaml-language-server: $schema=../schema.json
name: 'Two adds and a loss'   # quoted on purpose

as_of: 2024-12
expected:
  # the analyst's note about points
  points:
    net_customer_adds: 10     # two adds
    usage_growth: 19

  total: 47
customers: []    # after expected
";
        let r = rewrite_expected(before, &card()).expect("rewrites");
        assert_eq!(r.text, after);
        assert_eq!(
            r.changes,
            vec![
                Change {
                    key: "points.net_customer_adds".into(),
                    line: 8,
                    old: "20".into(),
                    new: "10".into()
                },
                Change {
                    key: "total".into(),
                    line: 11,
                    old: "53".into(),
                    new: "47".into()
                },
            ]
        );
    }

    #[test]
    fn a_trailing_comment_keeps_its_column_when_there_is_room() {
        assert_eq!(
            rewrite("expected:\n  path: smb                      # smb | enterprise\n"),
            "expected:\n  path: enterprise               # smb | enterprise\n"
        );
        assert_eq!(
            rewrite("expected:\n  total: 5   # short\n"),
            "expected:\n  total: 47  # short\n"
        );
    }

    #[test]
    fn a_trailing_comment_without_room_keeps_one_space() {
        assert_eq!(
            rewrite("expected:\n  path: smb # tight\n"),
            "expected:\n  path: enterprise # tight\n"
        );
    }

    #[test]
    fn a_comment_glued_by_a_tab_is_left_as_it_is() {
        assert_eq!(
            rewrite("expected:\n  total: 5\t# tab\n"),
            "expected:\n  total: 47\t# tab\n"
        );
    }

    #[test]
    fn flow_mappings_are_rewritten_in_place() {
        assert_eq!(
            rewrite("expected:\n  points: {net_customer_adds: 20, deployments: 4}\n  total: 1\n"),
            "expected:\n  points: {net_customer_adds: 10, deployments: 4}\n  total: 47\n"
        );
        assert_eq!(
            rewrite("expected: {path: smb, points: {usage_growth: 0}, attained: true}  # all\n"),
            "expected: {path: enterprise, points: {usage_growth: 19}, attained: false}  # all\n"
        );
    }

    #[test]
    fn a_flow_mapping_over_several_lines_is_rewritten_in_place() {
        assert_eq!(
            rewrite(
                "expected: {\n  total: 1,\n  categories: {skilling: 2,\n    performance: 3}\n}\n"
            ),
            "expected: {\n  total: 47,\n  categories: {skilling: 14,\n    performance: 10}\n}\n"
        );
    }

    #[test]
    fn quoted_path_keeps_its_quotes() {
        assert_eq!(
            rewrite("expected:\n  path: 'smb'\n"),
            "expected:\n  path: 'enterprise'\n"
        );
        assert_eq!(
            rewrite("expected:\n  path: \"smb\"  # dq\n"),
            "expected:\n  path: \"enterprise\" # dq\n"
        );
    }

    #[test]
    fn a_value_on_the_line_after_its_key_is_rewritten_there() {
        assert_eq!(
            rewrite("expected:\n  total:\n    # a comment between\n    53\n"),
            "expected:\n  total:\n    # a comment between\n    47\n"
        );
    }

    #[test]
    fn keys_not_written_are_never_added() {
        let text = "name: n\nexpected:\n  attained: true\n";
        assert_eq!(rewrite(text), "name: n\nexpected:\n  attained: false\n");
    }

    #[test]
    fn values_that_already_match_keep_their_spelling() {
        let text =
            "expected:\n  total: 047\n  path: \"enterprise\"\n  points:\n    deployments: 04\n";
        let r = rewrite_expected(text, &card()).expect("rewrites");
        assert_eq!(r.text, text);
        assert!(r.changes.is_empty());
    }

    #[test]
    fn empty_values_are_not_checked_so_not_rewritten() {
        let text = "expected:\n  total:\n  path: ~\n  attained: true\n";
        assert_eq!(
            rewrite(text),
            "expected:\n  total:\n  path: ~\n  attained: false\n"
        );
    }

    #[test]
    fn keys_of_the_same_name_outside_expected_are_left_alone() {
        let text = "path: smb\ntotal: 1\nexpected:\n  path: smb\nnotes:\n  points: {total: 3}\n";
        assert_eq!(
            rewrite(text),
            "path: smb\ntotal: 1\nexpected:\n  path: enterprise\nnotes:\n  points: {total: 3}\n"
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_line_endings_are_kept() {
        assert_eq!(
            rewrite("\u{feff}name: n\r\nexpected:\r\n  total: 53   # c\r\n  attained: true\r\n"),
            "\u{feff}name: n\r\nexpected:\r\n  total: 47   # c\r\n  attained: false\r\n"
        );
    }

    #[test]
    fn text_in_other_scripts_before_expected_does_not_shift_the_values() {
        assert_eq!(
            rewrite("description: Zoë's café — ünïcødé ✓\nexpected:\n  total: 5  # ✓\n"),
            "description: Zoë's café — ünïcødé ✓\nexpected:\n  total: 47 # ✓\n"
        );
    }

    #[test]
    fn a_block_scalar_value_is_refused_not_guessed() {
        let err = rewrite_expected("expected:\n  path: |-\n    smb\n", &card()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2:3: expected.path: found a literal block scalar (`|`), expected a value on one line, plain or in simple quotes, that accept can replace in place (edit this value by hand)"
        );
    }

    #[test]
    fn a_quoted_value_with_escapes_or_over_lines_is_refused() {
        for text in [
            "expected:\n  path: \"sm\\x62\"\n",
            "expected:\n  path: \"smb\n    \"\n",
            "expected:\n  path: 'sm\n    b'\n",
        ] {
            assert!(
                matches!(
                    rewrite_expected(text, &card()),
                    Err(RewriteError::Unsupported {
                        line: 2,
                        col: 3,
                        ..
                    })
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_value_already_right_is_not_refused_for_its_form() {
        let text = "expected:\n  path: >\n    enterprise\n  total: 1\n";
        // `>` folds to "enterprise\n", which is not a path, so it does differ and is
        // refused; the same block scalar holding the right word plainly would not be.
        assert!(rewrite_expected(text, &card()).is_err());
        let text = "expected:\n  path: >-\n    enterprise\n  total: 1\n";
        assert_eq!(
            rewrite(text),
            "expected:\n  path: >-\n    enterprise\n  total: 47\n"
        );
    }

    #[test]
    fn anchors_aliases_and_tags_are_refused() {
        for text in [
            "expected: &e\n  total: 1\n",
            "a: &x 1\nexpected:\n  total: *x\n",
            "expected:\n  total: !!int 1\n",
        ] {
            assert!(
                matches!(
                    rewrite_expected(text, &card()),
                    Err(RewriteError::Yaml { .. })
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn every_key_of_the_card_can_be_rewritten() {
        let text = "\
expected:
  path: smb
  points:
    net_customer_adds: 0
    intermediate_certifications: 0
    advanced_certifications: 0
    usage_growth: 0
    deployments: 0
  categories:
    performance: 0
    skilling: 0
    customer_success: 0
  total: 0
  attained: true
";
        let r = rewrite_expected(text, &card()).expect("rewrites");
        assert_eq!(
            r.text,
            format!(
                "expected:\n{}",
                indent(&crate::report::card_yaml(&card(), None))
            )
        );
        assert_eq!(r.changes.len(), 11);
    }

    fn indent(text: &str) -> String {
        text.lines().map(|l| format!("  {l}\n")).collect()
    }

    const SCENARIO: &str = "\
# yaml-language-server: $schema=https://example.com/pcscore.json
name: One add on the enterprise path
as_of: 2024-12
path: enterprise
customers:
  - id: contoso
    segment: enterprise
    attribution: [PAL]
    acr:
      2024-12: 5000
expected:
  points:
    net_customer_adds: 20   # wrong on purpose
  total: 20
tags: [example]
";

    #[test]
    fn accept_text_rewrites_and_proves_the_result() {
        let Ok(Accepting::Rewrite { diff, rewrite }) = accept_text(SCENARIO, "s.yaml") else {
            panic!("expected a rewrite");
        };
        assert!(
            diff.contains(
                "-  net_customer_adds: 20\n-total: 20\n+  net_customer_adds: 10\n+total: 10\n"
            ),
            "{diff}"
        );
        assert_eq!(
            rewrite.text,
            SCENARIO
                .replace("adds: 20   #", "adds: 10   #")
                .replace("total: 20", "total: 10")
        );
        assert!(matches!(
            accept_text(&rewrite.text, "s.yaml"),
            Ok(Accepting::AlreadyPasses)
        ));
    }

    #[test]
    fn accept_text_leaves_partner_files_and_passing_scenarios_alone() {
        assert!(matches!(
            accept_text("as_of: 2024-12\n", "p.yaml"),
            Ok(Accepting::NotAScenario)
        ));
        let passing = SCENARIO
            .replace("adds: 20", "adds: 10")
            .replace("total: 20", "total: 10");
        assert!(matches!(
            accept_text(&passing, "s.yaml"),
            Ok(Accepting::AlreadyPasses)
        ));
    }

    #[test]
    fn accept_text_reports_bad_input_as_the_loader_does() {
        let err = accept_text("as_of: 2024-13\n", "bad.yaml").unwrap_err();
        assert!(matches!(err, AcceptError::Load(_)));
        assert!(
            err.to_string()
                .starts_with("bad.yaml:1:8: as_of: found `2024-13`"),
            "{err}"
        );
    }

    #[test]
    fn accept_text_refuses_a_layout_it_cannot_rewrite_and_keeps_the_diff() {
        let text = SCENARIO.replace("expected:\n", "expected:\n  path: |-\n    smb\n");
        let Err(AcceptError::Rewrite { diff, error }) = accept_text(&text, "s.yaml") else {
            panic!("expected a refusal");
        };
        assert!(diff.starts_with("--- expected\n+++ actual\n"), "{diff}");
        assert!(matches!(error, RewriteError::Unsupported { line: 12, .. }));
    }

    #[test]
    fn the_temporary_file_is_hidden_beside_the_target_and_names_its_process() {
        assert_eq!(
            temp_path(Path::new("scenarios/a/b.yaml")),
            PathBuf::from(format!(
                "scenarios/a/.b.yaml.pcscore-accept.{}.tmp",
                std::process::id()
            ))
        );
    }
}
