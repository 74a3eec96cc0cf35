//! Customers, people and deployments converted one at a time while the file is read.
//!
//! A partner file is mostly its `customers` list. Rather than building the whole list
//! as a tree and converting it afterwards (which took over ten times the file's size in
//! memory), the tree hands each item over as soon as it is complete; it is converted
//! and its nodes dropped. The conversion is the same `Reader::customer` as ever, and its
//! first error is kept for the moment `Reader::document` reaches `customers`, so errors
//! elsewhere in the file are still reported in the order they always were. `people` and
//! `deployments` are handed over the same way (see [`super::lists`]).

use super::events::{General, Stop};
use super::fast::{find_newline, Fast, Feed};
use super::ids::Ids;
use super::lists::Deployments;
use super::source::SourceLines;
use super::tree::{self, Items, Node};
use super::{format, open_regular, LoadError, Reader, Seen, MAX_FILE_BYTES};
use crate::model::{Customer, Document, Person};
use std::cell::RefCell;
use std::io::Read;
use std::path::Path;
use std::rc::Rc;

/// The top-level lists whose items are converted as the tree completes them, in the
/// order [`Lists`] numbers them.
pub(super) const LISTS: [&str; 3] = ["customers", "people", "deployments"];

/// What the lists came to, for `Reader::document` to take when it reaches each: the
/// items in file order, or the first item's error.
#[derive(Default)]
pub(super) struct Converted {
    pub customers: Option<Result<Vec<Customer>, LoadError>>,
    pub people: Option<Result<Vec<Person>, LoadError>>,
    pub deployments: Option<Deployments>,
}

/// Converts the items of [`LISTS`] as the tree completes them.
pub(super) struct Lists<'r, 'a> {
    reader: &'r Reader<'a>,
    customers: List<Customer>,
    people: List<Person>,
    deployments: Deployments,
}

/// The items of one list converted so far, the ids seen with their lines, and the first
/// item that could not be converted: later items are not looked at, as the conversion
/// of the whole list stopped at the first error.
struct List<T> {
    ids: Ids,
    out: Vec<T>,
    error: Option<LoadError>,
    /// An item's id.
    id: fn(&T) -> &str,
}

impl<T> List<T> {
    fn new(id: fn(&T) -> &str) -> Self {
        List {
            ids: Ids::default(),
            out: Vec::new(),
            error: None,
            id,
        }
    }

    fn push(&mut self, convert: impl FnOnce(&mut Seen<'_>) -> Result<T, LoadError>) {
        if self.error.is_some() {
            return;
        }
        let (out, id) = (&self.out, self.id);
        let earlier = |i: usize| out.get(i).map(id);
        let mut seen = Seen {
            ids: &mut self.ids,
            earlier: &earlier,
        };
        match convert(&mut seen) {
            Ok(item) => self.out.push(item),
            Err(e) => self.error = Some(e),
        }
    }

    fn finish(self) -> Result<Vec<T>, LoadError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }
}

impl<'r, 'a> Lists<'r, 'a> {
    pub fn new(reader: &'r Reader<'a>) -> Self {
        Lists {
            reader,
            customers: List::new(|c: &Customer| c.id.as_str()),
            people: List::new(|p: &Person| p.id.as_str()),
            deployments: Deployments::default(),
        }
    }

    /// Whether an item could not be converted.
    pub fn failed(&self) -> bool {
        self.customers.error.is_some() || self.people.error.is_some() || self.deployments.failed()
    }

    pub fn finish(self) -> Converted {
        Converted {
            customers: Some(self.customers.finish()),
            people: Some(self.people.finish()),
            deployments: Some(self.deployments),
        }
    }
}

impl Items for Lists<'_, '_> {
    fn item(&mut self, list: usize, index: usize, node: &Node) {
        let reader = self.reader;
        match list {
            0 => self
                .customers
                .push(|seen| reader.customer(index, node, seen)),
            1 => self.people.push(|seen| reader.person(index, node, seen)),
            _ => self.deployments.push(reader, index, node),
        }
    }

    fn restart(&mut self) {
        *self = Lists::new(self.reader);
    }
}

/// Files larger than this are read line by line by `load_file`; smaller ones whole,
/// where the text costs next to nothing and a second reading after an error would cost
/// more than it saves.
pub(super) const LINE_BY_LINE_FROM: u64 = 4 << 20;

/// Loads a file read line by line, keeping only the lines of its top-level keys: the
/// text of a 100,000-customer partner is not in memory beside its customers. The fast
/// reader reads it if it can; a file with something outside its subset (a `>` block of
/// text, a quoted value with escapes...) is read again by the general reader, slower
/// but still without the text. `None` when that is not enough: an error anywhere, or a
/// line that is not kept was needed. The caller then loads the whole text as always,
/// which gives every message with its line.
pub(super) fn read_file(file: &Path, shown: &str) -> Option<Document> {
    let fast = attempt(shown, |lists| {
        let mut fast = Fast::over(FileFeed::new(open_regular(file, shown).ok()?), true);
        let read = tree::parse_unkept(
            shown,
            &mut fast,
            true,
            None,
            &LISTS,
            lists,
            Some(&format::DOCUMENT),
        );
        Some((read, fast.top_lines()))
    });
    let doc = match fast {
        Attempt::Read(doc) => Some(*doc),
        Attempt::Unsupported => {
            let general = attempt(shown, |lists| {
                let mut chars = FileChars::new(FileFeed::new(open_regular(file, shown).ok()?));
                let recent = Rc::clone(&chars.recent);
                let mut general = General::over(&mut chars);
                let read = tree::parse_unkept(
                    shown,
                    &mut general,
                    false,
                    Some(recent),
                    &LISTS,
                    lists,
                    Some(&format::DOCUMENT),
                );
                drop(general);
                (!chars.failed).then_some((read, chars.top_lines))
            });
            match general {
                Attempt::Read(doc) => Some(*doc),
                _ => None,
            }
        }
        Attempt::Other => None,
    };
    let mut doc = doc?;
    if let Some((_, at)) = &mut doc.segment_missing {
        at.source_line = nth_line(open_regular(file, shown).ok()?, at.line)?;
    }
    Some(doc)
}

/// The 1-based `number`th line of a file as `SourceLines::nth` gives it, reading no
/// further and keeping no other line.
fn nth_line(file: impl Read, number: usize) -> Option<String> {
    let mut feed = FileFeed::new(file);
    for _ in 1..number {
        feed.next_line().ok()??;
    }
    let (text, newline) = feed.next_line().ok()??;
    let text = match text.strip_suffix('\r') {
        Some(text) if newline => text,
        _ => text,
    };
    Some(text.to_string())
}

enum Attempt {
    Read(Box<Document>),
    Unsupported,
    Other,
}

/// One reading: `parse` builds the tree, handing customers to the given sink, and
/// gives the lines of the top-level keys it kept.
fn attempt(
    shown: &str,
    parse: impl FnOnce(&mut Lists<'_, '_>) -> Option<(tree::Unkept, Vec<(usize, String)>)>,
) -> Attempt {
    let converting = Reader {
        file: shown,
        text: SourceLines::kept(Vec::new()),
        lists: RefCell::default(),
        segment_missing: RefCell::default(),
    };
    let mut lists = Lists::new(&converting);
    let (root, top_lines) = match parse(&mut lists) {
        Some((tree::Unkept::Read(root), top_lines)) => (root, top_lines),
        Some((tree::Unkept::Unsupported, _)) => return Attempt::Unsupported,
        _ => return Attempt::Other,
    };
    if lists.failed() {
        return Attempt::Other;
    }
    let reader = Reader {
        file: shown,
        text: SourceLines::kept(top_lines),
        lists: RefCell::new(lists.finish()),
        segment_missing: RefCell::new(converting.segment_missing.take()),
    };
    match reader.document(&root) {
        Ok(doc) if !reader.text.missed() && !converting.text.missed() => {
            Attempt::Read(Box::new(doc))
        }
        _ => Attempt::Other,
    }
}

/// The characters of a file for the general reader, a line at a time, keeping the
/// lines of the top-level keys (those that start with neither a space, a `-` nor a
/// `#`) and the last few lines. A file that is not UTF-8 or too large ends early and is
/// marked `failed`.
struct FileChars<R> {
    feed: FileFeed<R>,
    line: String,
    at: usize,
    number: usize,
    top_lines: Vec<(usize, String)>,
    recent: Rc<RefCell<tree::Recent>>,
    failed: bool,
}

impl<R: Read> FileChars<R> {
    fn new(feed: FileFeed<R>) -> Self {
        FileChars {
            feed,
            line: String::new(),
            at: 0,
            number: 0,
            top_lines: Vec::new(),
            recent: Rc::default(),
            failed: false,
        }
    }
}

impl<R: Read> Iterator for FileChars<R> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(c) = self.line[self.at..].chars().next() {
                self.at += c.len_utf8();
                return Some(c);
            }
            let (text, newline) = match self.feed.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(_) => {
                    self.failed = true;
                    return None;
                }
            };
            self.number += 1;
            self.line.clear();
            self.line.push_str(text);
            if newline {
                self.line.push('\n');
            }
            self.at = 0;
            let shown = match text.strip_suffix('\r') {
                Some(text) if newline => text,
                _ => text,
            };
            self.recent.borrow_mut().push(shown);
            if !matches!(text.bytes().next(), None | Some(b' ' | b'-' | b'#')) {
                self.top_lines.push((self.number, shown.to_string()));
            }
        }
    }
}

/// The lines of a file, checked to be UTF-8, with the byte order mark `load_str`
/// would strip, and no further than the size limit. The file is read a block at a
/// time; the complete lines of each block are checked at once and kept as text.
struct FileFeed<R> {
    file: R,
    /// Bytes read but not yet checked: the start of a line that the next block ends.
    raw: Vec<u8>,
    /// Checked complete lines, and where the next one starts.
    text: String,
    pos: usize,
    read: u64,
    end: bool,
    /// Whether text has been checked yet: only the very start may be a byte order mark.
    started: bool,
    block: usize,
    /// Where the last line given starts and ends in `text`.
    last: (usize, usize),
}

const BLOCK: usize = 1 << 18;

/// The longest line read line by line, in bytes.
const MAX_LINE: usize = 1 << 20;

impl<R: Read> FileFeed<R> {
    fn new(file: R) -> Self {
        Self::with_block(file, BLOCK)
    }

    fn with_block(file: R, block: usize) -> Self {
        FileFeed {
            file,
            raw: Vec::new(),
            text: String::new(),
            pos: 0,
            read: 0,
            end: false,
            started: false,
            block,
            last: (0, 0),
        }
    }

    /// Reads the next block and moves its complete lines (all of it at the end of the
    /// file) into `text`.
    fn refill(&mut self) -> Result<(), Stop> {
        // A whole block, or what is left of the file when that is less.
        let n = (&mut self.file)
            .take(self.block as u64)
            .read_to_end(&mut self.raw)
            .map_err(|_| Stop::Unsupported)?;
        self.read += n as u64;
        if self.read > MAX_FILE_BYTES {
            return Err(Stop::Unsupported);
        }
        self.end = n < self.block;
        let complete = match self.raw.iter().rposition(|&b| b == b'\n') {
            _ if self.end => self.raw.len(),
            Some(last) => last + 1,
            // A line this long is no partner's: its buffers, twice over, would cost more
            // than the whole text, which is read instead.
            None if self.raw.len() > MAX_LINE => return Err(Stop::Unsupported),
            None => return Ok(()),
        };
        let checked = std::str::from_utf8(&self.raw[..complete]).map_err(|_| Stop::Unsupported)?;
        // yaml-rust2 would end the text at a NUL; the whole text is read instead, and
        // refused with the NUL's position.
        if memchr::memchr(0, checked.as_bytes()).is_some() {
            return Err(Stop::Unsupported);
        }
        let checked = match checked.strip_prefix('\u{feff}') {
            Some(rest) if !self.started => rest,
            _ => checked,
        };
        self.started = true;
        self.text.drain(..self.pos);
        self.pos = 0;
        self.text.push_str(checked);
        self.raw.drain(..complete);
        Ok(())
    }
}

impl<R: Read> Feed for FileFeed<R> {
    fn next_line(&mut self) -> Result<Option<(&str, bool)>, Stop> {
        loop {
            let rest = &self.text.as_bytes()[self.pos..];
            if let Some(at) = find_newline(rest) {
                let start = self.pos;
                self.pos += at + 1;
                self.last = (start, start + at);
                return Ok(Some((&self.text[start..start + at], true)));
            }
            if self.end {
                if rest.is_empty() {
                    return Ok(None);
                }
                let start = self.pos;
                self.pos = self.text.len();
                self.last = (start, self.pos);
                return Ok(Some((&self.text[start..], false)));
            }
            self.refill()?;
        }
    }

    fn current(&self) -> Option<&str> {
        // `refill` moves the text only when the next line is asked for.
        self.text.get(self.last.0..self.last.1)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fast::tests::{cases, mutate, seed, windows_line_breaks, Rng};
    use crate::load::{load_file, load_str};

    /// A partner file: clean, or with now and then a value the loader refuses.
    fn partner(rng: &mut Rng, clean: bool) -> String {
        let pick = |rng: &mut Rng, good: &[&'static str], bad: &[&'static str]| {
            if clean || rng.below(40) != 0 {
                rng.pick(good).to_string()
            } else {
                rng.pick(bad).to_string()
            }
        };
        let mut out = String::new();
        if rng.below(3) == 0 {
            out.push_str("# exported\n");
        }
        match rng.below(8) {
            // Outside the fast reader's subset: read by the general one.
            0 => {
                out.push_str("description: >\n  Exported by the partner's tool,\n  every month.\n")
            }
            1 => out.push_str("description: \"tab\\there\"\n"),
            _ => {}
        }
        let name = pick(
            rng,
            &["Contoso", "\"Contoso: big\"", "Fabrikam Ltd", "Müller"],
            &[""],
        );
        if rng.below(2) == 0 {
            out.push_str(&format!("name: {name}\n"));
        }
        let as_of = pick(rng, &["2024-12", "2024-06"], &["2024-13", "\"2024-12\""]);
        out.push_str(&format!("as_of: {as_of}\n"));
        if rng.below(4) == 0 {
            let d = pick(rng, &["digital-app-innovation"], &["data-ai", "dai"]);
            out.push_str(&format!("designation: {d}\n"));
        }
        out.push_str("customers:\n");
        let dash = ["", "  ", "    "][rng.below(3)];
        let customers = rng.below(12);
        for i in 0..customers {
            let id = match rng.below(6) {
                0 => format!("\"c {i}\""),
                1 => format!("Müller-{i}"),
                _ => format!("c{i}"),
            };
            let id = if clean || rng.below(30) != 0 {
                id
            } else {
                format!("c{}", rng.below(i + 1))
            };
            out.push_str(&format!("{dash}- id: {id}\n"));
            let segment = pick(rng, &["smb", "smc", "enterprise"], &["SMB", ""]);
            out.push_str(&format!("{dash}  segment: {segment}\n"));
            let attribution = pick(
                rng,
                &[
                    "[PAL]",
                    "[CSP, DPOR]",
                    "[]",
                    "[MPN]",
                    "[pal]",
                    "[CSP, {type: CPOR, since: 2024-03}]",
                ],
                &[
                    "",
                    "[PAL DPOR]",
                    "[{type: CPOR, since: 2024-13}]",
                    "[{since: 2024-01}]",
                ],
            );
            out.push_str(&format!("{dash}  attribution: {attribution}\n"));
            match rng.below(8) {
                0 => out.push_str(&format!("{dash}  acr:\n")),
                1 => out.push_str(&format!("{dash}  acr: {{2024-12: 900, 2023-12: 100}}\n")),
                _ => {
                    out.push_str(&format!("{dash}  acr:\n"));
                    for y in [2023, 2024] {
                        for m in 1..=12 {
                            if rng.below(10) == 0 {
                                continue;
                            }
                            let amount = format!("{}.{:02}", rng.below(3000), rng.below(100));
                            let amount = if clean || rng.below(300) != 0 {
                                amount
                            } else {
                                pick(rng, &["0"], &["1,200", "-5", "\"12\"", "", "1e3"])
                            };
                            let note = ["", "", "", "  # checked", " "][rng.below(5)];
                            out.push_str(&format!("{dash}    {y}-{m:02}: {amount}{note}\n"));
                        }
                    }
                }
            }
            if rng.below(3) == 0 {
                workloads(rng, &mut out, dash, clean);
            }
        }
        if rng.below(3) == 0 {
            out.push_str("people:\n  - id: p1\n    certifications:\n      - cert: AZ-204\n        earned: 2024-02-10\n");
        }
        if rng.below(3) == 0 {
            let customer = if customers > 0 { "c0" } else { "nobody" };
            out.push_str(&format!("deployments:\n  - customer: {customer}\n    service: AKS\n    service_level: 2\n    month: 2024-06\n"));
        }
        match rng.below(6) {
            0 => {
                out.pop();
            }
            1 => out.push_str("# end\n"),
            2 => out.insert(0, '\u{feff}'),
            _ => {}
        }
        out
    }

    /// A customer's `workloads` and `acr_by_service`, block and flow, with now and then
    /// a value the loader refuses.
    fn workloads(rng: &mut Rng, out: &mut String, dash: &str, clean: bool) {
        let pick = |rng: &mut Rng, good: &[&'static str], bad: &[&'static str]| {
            if clean || rng.below(150) != 0 {
                rng.pick(good).to_string()
            } else {
                rng.pick(bad).to_string()
            }
        };
        if rng.below(2) == 0 {
            out.push_str(&format!("{dash}  acr_by_service:\n"));
            let name = pick(
                rng,
                &["Sentinel", "Key_Vault", "\"Azure Firewall\""],
                &["[x]"],
            );
            out.push_str(&format!(
                "{dash}    {name}: {{2024-12: 900, 2023-12: 10.5}}\n"
            ));
        }
        out.push_str(&format!("{dash}  workloads:\n"));
        for slug in ["teams", "intune", "business-central"] {
            if rng.below(3) == 0 {
                continue;
            }
            let slug = pick(rng, &[slug], &["Teams", "teams-x", ""]);
            out.push_str(&format!("{dash}    - workload: {slug}\n"));
            if rng.below(3) == 0 {
                let own = pick(rng, &["[DPOR]", "[]"], &["[{type: X, sinse: 2024-01}]"]);
                out.push_str(&format!("{dash}      attribution: {own}\n"));
            }
            for key in ["paid_licences", "active_users", "revenue", "usage"] {
                if rng.below(2) == 0 {
                    continue;
                }
                let whole = key.ends_with('s');
                let good: &[&str] = if whole {
                    &["250", "0", "12"]
                } else {
                    &["6000.50", "12"]
                };
                if rng.below(2) == 0 {
                    let v = pick(rng, good, &["12.5", "-1", "1e3", "1,000"]);
                    out.push_str(&format!(
                        "{dash}      {key}: {{2023-12: {v}, 2024-12: 7}}\n"
                    ));
                } else {
                    out.push_str(&format!("{dash}      {key}:\n"));
                    for m in 1..=12 {
                        let v = pick(rng, good, &["-1", "\"3\"", ""]);
                        out.push_str(&format!("{dash}        2024-{m:02}: {v}\n"));
                    }
                }
            }
        }
    }

    /// Every line, as the file feed gives them.
    fn feed_lines(bytes: &[u8], block: usize) -> Option<Vec<(String, bool)>> {
        let mut feed = super::FileFeed::with_block(bytes, block);
        let mut out = Vec::new();
        while let Some((line, newline)) = super::Feed::next_line(&mut feed).ok()? {
            out.push((line.to_string(), newline));
        }
        Some(out)
    }

    #[test]
    fn lines_read_a_block_at_a_time_are_the_texts_lines() {
        for text in [
            "a: 1\nb: é✓\n",
            "\u{feff}a: 1\nb\n\nc",
            "",
            "\n",
            "x",
            "\u{feff}",
            "a\u{feff}\n",
        ] {
            let unmarked = text.strip_prefix('\u{feff}').unwrap_or(text);
            let mut expected: Vec<(String, bool)> = unmarked
                .split_inclusive('\n')
                .map(|l| (l.trim_end_matches('\n').to_string(), l.ends_with('\n')))
                .collect();
            if unmarked.is_empty() {
                expected.clear();
            }
            for block in 1..12 {
                assert_eq!(
                    feed_lines(text.as_bytes(), block),
                    Some(expected.clone()),
                    "{text:?} by {block}"
                );
            }
        }
        for block in 1..12 {
            assert_eq!(feed_lines(b"a: 1\nb: \xff\n", block), None);
        }
    }

    /// Loading a file gives what loading its text gives, error for error, whether it is
    /// read whole or line by line; and a clean partner file is read line by line.
    fn same_as_from_text(text: &str, path: &std::path::Path) -> bool {
        std::fs::write(path, text).unwrap();
        let shown = path.display().to_string();
        let from_file = load_file(path);
        let from_text = load_str(text, &shown);
        assert_eq!(from_file, from_text, "for:\n{text}");
        // Small files are read whole by `load_file`: read this one line by line here.
        let line_by_line = super::read_file(path, &shown);
        if let Some(doc) = &line_by_line {
            assert_eq!(Ok(doc), from_text.as_ref(), "read line by line:\n{text}");
        }
        line_by_line.is_some()
    }

    #[test]
    fn a_file_outside_the_fast_readers_subset_is_read_without_its_text_too() {
        let dir = std::env::temp_dir().join(format!("pcscore-general-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("partner.yaml");
        let text = "name: Contoso\ndescription: >\n  Exported monthly,\n  by the partner's tool.\n\
                    as_of: 2024-12\ncustomers:\n  - id: \"c\\u00e9\"\n    segment: smb\n    \
                    attribution: [PAL]\n    acr:\n      2024-12: 1200\n      2023-12: 900.50\n";
        assert!(same_as_from_text(text, &path));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A customer without a `segment` is read line by line all the same (its line, quoted
    /// only if the rulebook derives the path from segments, is found afterwards): before,
    /// its position asked for a line that was not kept, and a 187 MB Modern Work file,
    /// whose tenants have no segment, was read a second time, whole.
    #[test]
    fn a_customer_without_a_segment_does_not_make_the_file_read_again() {
        let dir = std::env::temp_dir().join(format!("pcscore-segment-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("partner.yaml");
        for text in [
            "as_of: 2026-10\npath: smb\ncustomers:\n  - id: a\n    segment: smb\n    \
             attribution: []\n  - id: b\n    attribution: [CSP]\n  - id: c\n    attribution: []\n",
            "as_of: 2026-10\r\ncustomers:\r\n- id: b\r\n  attribution: [CSP]\r\n",
        ] {
            assert!(
                same_as_from_text(text, &path),
                "not read line by line:\n{text}"
            );
            let doc = super::read_file(&path, "f").expect("read line by line");
            let (id, at) = doc.segment_missing.expect("a customer without a segment");
            assert_eq!(id, "b");
            assert!(at.source_line.ends_with("- id: b"), "{at:?}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A NUL byte stops the reading line by line, and the whole text is refused with its
    /// position: yaml-rust2 would have ended the file there.
    #[test]
    fn a_nul_byte_is_refused_at_its_position_when_read_line_by_line() {
        let dir = std::env::temp_dir().join(format!("pcscore-nul-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("partner.yaml");
        for text in [
            "as_of: 2024-12\ncustomers:\n  - id: a\n    segment: smb\n    attribution: []\n\0",
            "description: >\n  text\nas_of: 2024-12\n\0customers:\n",
        ] {
            std::fs::write(&path, text).unwrap();
            assert_eq!(super::read_file(&path, "f"), None, "{text:?}");
            let e = load_file(&path).unwrap_err();
            assert!(e.found.contains("NUL"), "{e}");
            assert_eq!(e, load_str(text, &path.display().to_string()).unwrap_err());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The format guides the tree only to keep less: whether a file loads, and what it
    /// loads, is what a tree that keeps everything gives.
    #[test]
    fn the_format_guide_changes_no_outcome() {
        use crate::load::load_str_unguided;
        let mut rng = Rng(seed(0x9e37_79b9_7f4a_7c15));
        let (mut loaded, mut refused) = (0, 0);
        for n in 0..cases() / 4 {
            let mut text = partner(&mut rng, n % 2 == 0);
            // Now and then a value the guide keeps little of.
            let odd = [
                "",
                "",
                "",
                "extra: [a, b]\n",
                "tags: {a: 1}\n",
                "clauses: [[a], b]\n",
                "description: [a, {b: c}]\n",
                "expected:\n  total: 3\n  points: [1]\n",
                "expected:\n  points:\n    usage_growth: 1\n    bogus: [2]\n",
            ];
            text.push_str(odd[rng.below(odd.len())]);
            for _ in 0..rng.below(3) {
                text = mutate(&mut rng, &text);
            }
            let guided = load_str(&text, "f");
            let unguided = load_str_unguided(&text, "f");
            match (&guided, &unguided) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "for:\n{text}"),
                (Err(_), Err(_)) => {}
                _ => panic!("the guide changed the outcome for:\n{text}\n{guided:?}\n{unguided:?}"),
            }
            loaded += usize::from(guided.is_ok());
            refused += usize::from(guided.is_err());
        }
        assert!(
            loaded > 100 && refused > 100,
            "{loaded} loaded, {refused} refused"
        );
    }

    #[test]
    fn a_file_loads_as_its_text_does() {
        let dir = std::env::temp_dir().join(format!("pcscore-streamed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("partner.yaml");
        let mut rng = Rng(seed(0x5851_f42d_4c95_7f2d));
        let (mut streamed, mut clean) = (0, 0);
        for n in 0..cases() / 4 {
            let is_clean = n % 2 == 0;
            let text = partner(&mut rng, is_clean);
            let mut text = windows_line_breaks(&mut rng, text);
            if !is_clean {
                for _ in 0..rng.below(3) {
                    text = mutate(&mut rng, &text);
                }
            }
            let read = same_as_from_text(&text, &path);
            if is_clean && load_str(&text, "f").is_ok() {
                clean += 1;
                assert!(read, "a clean partner file was read in full:\n{text}");
            }
            streamed += usize::from(read);
        }
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            clean > 100 && streamed >= clean,
            "{clean} clean files, {streamed} streamed"
        );
    }
}
