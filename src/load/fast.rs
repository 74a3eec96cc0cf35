//! A fast reader for the plain block YAML that partner files are made of.
//!
//! A partner with 100,000 customers is a 60 MB file of lines such as `2024-01: 1234.56`.
//! yaml-rust2 reads any YAML, one character at a time, and takes over a second for the
//! events alone. This reader takes a line at a time and reads only a narrow subset:
//! block mappings with plain keys, block lists, one-line `[a, b]` lists, plain and
//! simply quoted one-line values, comments and blank lines. It produces exactly the
//! events and positions yaml-rust2 would (the tests compare them on every shape it
//! reads), and at the first line outside the subset it stops with
//! [`Stop::Unsupported`], after which the file is read again from the start by the
//! general reader. Anything unusual, and every malformed file, therefore gets the
//! general reader's handling and messages; this one never explains an error.

use super::events::{Event, Mark, MonthRow, Source, Stop};
use super::scalar::Text;
use crate::model::Month;
use std::collections::VecDeque;
use std::ops::Not;

/// Deeper files are left to the general reader (the format needs five levels).
const MAX_OPEN: usize = 32;
/// yaml-rust2 refuses simple keys longer than 1024 characters; leave long keys to it.
const MAX_KEY: usize = 1000;
/// A line's events are queued at once, but a `[a, a, ...]` of millions of items on one
/// line would queue millions: a flow collection is read this many items at a time, the
/// rest when these are taken (see [`Resume`]).
const FLOW_CHUNK: usize = 1000;

/// Where to go on with a long flow collection, on the line the feed gave last.
#[derive(Clone, Copy)]
struct Resume {
    /// A `{...}` mapping, or else a `[...]` list.
    map: bool,
    /// The byte offset of the next item.
    at: usize,
    number: usize,
    /// The length of the line as read (without a `\r` before its `\n`).
    len: usize,
    /// Whether no item has been read yet: the collection's start was the last event.
    fresh: bool,
}

/// An open block mapping or list, by the column its keys or dashes start at (0-based).
#[derive(Clone, Copy)]
struct Block {
    map: bool,
    indent: usize,
    /// A list written at its key's own indentation (`people:` then `- id: p`).
    indentless: bool,
}

/// One line of the file, as far as the subset goes.
struct Line<'s> {
    text: &'s str,
    number: usize,
    /// Whether every byte is ASCII, so that columns are byte offsets.
    ascii: bool,
}

impl Line<'_> {
    /// The 1-based column of a byte offset.
    fn col(&self, at: usize) -> usize {
        if self.ascii {
            at + 1
        } else {
            self.text[..at].chars().count() + 1
        }
    }

    fn mark(&self, at: usize) -> Mark {
        Mark {
            line: self.number,
            col: self.col(at),
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }
}

type Step<T = ()> = Result<T, Stop>;

/// Where the fast reader takes its lines from.
pub(crate) trait Feed {
    /// The next line without its line break, and whether a `\n` ended it; `None` at
    /// the end. A feed that cannot go on (the text is not UTF-8...) stops with
    /// [`Stop::Unsupported`], leaving the file to the general path.
    fn next_line(&mut self) -> Result<Option<(&str, bool)>, Stop>;

    /// The line `next_line` gave last, again.
    fn current(&self) -> Option<&str>;
}

/// The lines of a text in memory.
pub(crate) struct StrFeed<'s> {
    source: &'s str,
    pos: usize,
    /// Where the last line given starts and ends.
    last: (usize, usize),
}

impl Feed for StrFeed<'_> {
    fn next_line(&mut self) -> Result<Option<(&str, bool)>, Stop> {
        let start = self.pos.min(self.source.len());
        let rest = &self.source[start..];
        if rest.is_empty() {
            return Ok(None);
        }
        let (line, newline) = match find_newline(rest.as_bytes()) {
            Some(end) => (&rest[..end], true),
            None => (rest, false),
        };
        self.last = (start, start + line.len());
        self.pos += line.len() + 1;
        Ok(Some((line, newline)))
    }

    fn current(&self) -> Option<&str> {
        self.source.get(self.last.0..self.last.1)
    }
}

/// Reads the subset; see the module documentation.
pub(crate) struct Fast<F> {
    feed: F,
    state: State,
}

/// Everything but the feed, so that a line borrowed from the feed can be read.
struct State {
    /// 1-based number of the next line.
    line: usize,
    out: VecDeque<(Event, Mark)>,
    open: Vec<Block>,
    /// The column of a key whose value did not follow on its line.
    awaiting: Option<usize>,
    started: bool,
    finished: bool,
    /// The lines of the top-level keys, when asked to keep them.
    kept: Option<Vec<(usize, String)>>,
    /// A long flow collection whose next items are still to read.
    resume: Option<Resume>,
}

impl<'s> Fast<StrFeed<'s>> {
    pub fn new(source: &'s str) -> Self {
        Fast::over(
            StrFeed {
                source,
                pos: 0,
                last: (0, 0),
            },
            false,
        )
    }
}

impl<F: Feed> Fast<F> {
    /// Reads the lines of `feed`; with `keep_top_lines`, keeps the text of each line
    /// that holds a top-level key (see [`Fast::top_lines`]).
    pub fn over(feed: F, keep_top_lines: bool) -> Self {
        let mut out = VecDeque::with_capacity(16);
        out.push_back((Event::StreamStart, Mark { line: 1, col: 1 }));
        Fast {
            feed,
            state: State {
                line: 1,
                out,
                open: Vec::new(),
                awaiting: None,
                started: false,
                finished: false,
                kept: keep_top_lines.then(Vec::new),
                resume: None,
            },
        }
    }

    /// The lines of the top-level keys read so far, by 1-based number: the lines a
    /// successful load quotes when the text is not kept (the positions of `name` and
    /// `designation`).
    pub fn top_lines(&mut self) -> Vec<(usize, String)> {
        self.state.kept.take().unwrap_or_default()
    }

    /// Reads lines until some produce events, or the end of the file.
    fn fill(&mut self) -> Step {
        while self.state.out.is_empty() {
            if self.state.resume.is_some() {
                let line = self.feed.current().ok_or(Stop::Unsupported)?;
                self.state.resume_in(line)?;
                continue;
            }
            match self.feed.next_line()? {
                Some((text, newline)) => self.state.line_in(text, newline)?,
                None => return self.state.finish(),
            }
        }
        Ok(())
    }
}

impl State {
    fn line_in(&mut self, text: &str, newline: bool) -> Step {
        // A `\r\n` line break (a file saved on Windows) reads as `\n`; any other `\r`
        // is left to the general reader below.
        let text = match text.strip_suffix('\r') {
            Some(text) if newline => text,
            _ => text,
        };
        // Tabs, carriage returns and other control characters: YAML has rules for
        // each, left to the general reader.
        let ascii = printable_ascii(text.as_bytes());
        if !ascii && text.bytes().any(|b| b < 0x20 || b == 0x7f) {
            return Err(Stop::Unsupported);
        }
        if !ascii && text.chars().any(unusual) {
            return Err(Stop::Unsupported);
        }
        // yaml-rust2 places the end of the file oddly after a last line that is blank
        // or a comment with no line break after it.
        let blank = || {
            matches!(
                text.trim_start_matches(' ').bytes().next(),
                None | Some(b'#')
            )
        };
        if !newline && blank() {
            return Err(Stop::Unsupported);
        }
        let line = Line {
            text,
            number: self.line,
            ascii,
        };
        self.line += 1;
        self.read_line(&line)
    }

    /// The end of the file closes everything at the line after the last one.
    fn finish(&mut self) -> Step {
        if self.finished || !self.started {
            // An empty file, or only comments: the general reader words that.
            return Err(Stop::Unsupported);
        }
        self.finished = true;
        let at = Mark {
            line: self.line,
            col: 1,
        };
        if self.awaiting.take().is_some() {
            self.out.push_back((empty(), at));
        }
        while let Some(block) = self.open.pop() {
            self.out.push_back((end_of(block), at));
        }
        self.out.push_back((Event::DocumentEnd, at));
        self.out.push_back((Event::StreamEnd, at));
        Ok(())
    }

    fn read_line(&mut self, line: &Line<'_>) -> Step {
        let bytes = line.text.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        match bytes.get(indent) {
            None | Some(b'#') => return Ok(()),
            _ => {}
        }
        let first = line.mark(indent);
        let dash = dash_content(line, indent)?;
        if !self.started {
            // The document must be a mapping whose first key starts the first line.
            if dash.is_some() || indent != 0 {
                return Err(Stop::Unsupported);
            }
            let colon = key_end(line, indent)?.ok_or(Stop::Unsupported)?;
            self.started = true;
            self.out.push_back((Event::DocumentStart, line.mark(colon)));
            return self.open_map(line, indent, colon);
        }
        if let Some(key_indent) = self.awaiting.take() {
            match dash {
                Some(content) if indent > key_indent => {
                    return self.open_seq(line, indent, first, false, content);
                }
                Some(content) if indent == key_indent => {
                    return self.open_seq(line, indent, line.mark(content), true, content);
                }
                Some(_) => {}
                None if indent > key_indent => {
                    let colon = key_end(line, indent)?.ok_or(Stop::Unsupported)?;
                    return self.open_map(line, indent, colon);
                }
                None => {}
            }
            self.out.push_back((empty(), first));
        }
        loop {
            let top = *self.open.last().ok_or(Stop::Unsupported)?;
            if indent < top.indent {
                self.open.pop();
                self.out.push_back((end_of(top), first));
                continue;
            }
            if indent > top.indent {
                return Err(Stop::Unsupported);
            }
            match (top.map, dash) {
                (true, None) => {
                    let colon = key_end(line, indent)?.ok_or(Stop::Unsupported)?;
                    return self.entry(line, indent, colon);
                }
                (false, Some(content)) => return self.item(line, content),
                (false, None) if top.indentless => {
                    self.open.pop();
                    self.out.push_back((Event::SequenceEnd, first));
                }
                _ => return Err(Stop::Unsupported),
            }
        }
    }

    /// A block mapping whose first key starts at `at`, its `:` at `colon`.
    fn open_map(&mut self, line: &Line<'_>, at: usize, colon: usize) -> Step {
        self.push(Block {
            map: true,
            indent: at,
            indentless: false,
        })?;
        let start = MAPPING_START;
        self.out.push_back((start, line.mark(colon)));
        self.entry(line, at, colon)
    }

    fn open_seq(
        &mut self,
        line: &Line<'_>,
        indent: usize,
        mark: Mark,
        indentless: bool,
        content: usize,
    ) -> Step {
        self.push(Block {
            map: false,
            indent,
            indentless,
        })?;
        self.out.push_back((SEQUENCE_START, mark));
        self.item(line, content)
    }

    fn push(&mut self, block: Block) -> Step {
        if self.open.len() >= MAX_OPEN {
            return Err(Stop::Unsupported);
        }
        self.open.push(block);
        Ok(())
    }

    /// `key: value`, or `key:` with its value on the lines below.
    fn entry(&mut self, line: &Line<'_>, at: usize, colon: usize) -> Step {
        if let (Some(kept), 1) = (&mut self.kept, self.open.len()) {
            kept.push((line.number, line.text.to_string()));
        }
        self.out
            .push_back((plain(&line.text[at..colon]), line.mark(at)));
        let value = skip_spaces(line, colon + 1);
        match line.byte(value) {
            None => {
                self.awaiting = Some(at);
                Ok(())
            }
            // `key:` then ` # comment`: a space is guaranteed by `key_end`.
            Some(b'#') => {
                self.awaiting = Some(at);
                Ok(())
            }
            Some(_) => self.value(line, value),
        }
    }

    /// What follows `- `: a mapping's first key, or a value.
    fn item(&mut self, line: &Line<'_>, content: usize) -> Step {
        match line.byte(content) {
            None | Some(b'#' | b'-') => Err(Stop::Unsupported),
            Some(_) => match key_end(line, content)? {
                Some(colon) => self.open_map(line, content, colon),
                None => self.value(line, content),
            },
        }
    }

    /// A value that starts at `at` and must end the line (a comment may follow).
    fn value(&mut self, line: &Line<'_>, at: usize) -> Step {
        let bytes = line.text.as_bytes();
        let end = match bytes[at] {
            open @ (b'[' | b'{') => {
                let flow = if open == b'[' {
                    self.flow_list(line, at)?
                } else {
                    self.flow_map(line, at)?
                };
                match flow {
                    Some(end) => end,
                    // The rest of a long collection, and of its line, is read later.
                    None => return Ok(()),
                }
            }
            quote @ (b'"' | b'\'') => {
                let close = at
                    + 1
                    + bytes[at + 1..]
                        .iter()
                        .position(|&b| b == quote)
                        .ok_or(Stop::Unsupported)?;
                let inner = &line.text[at + 1..close];
                // Escapes (`\n`, `''`) change the text: the general reader decodes them.
                if (quote == b'"' && inner.contains('\\'))
                    || (quote == b'\'' && line.byte(close + 1) == Some(b'\''))
                {
                    return Err(Stop::Unsupported);
                }
                let event = Event::Scalar {
                    text: Text::from(inner),
                    plain: false,
                    anchor: false,
                    tag: false,
                };
                self.out.push_back((event, line.mark(at)));
                close + 1
            }
            b if starts_plain(b) => {
                let end = plain_end(bytes, at)?;
                self.out
                    .push_back((plain(&line.text[at..end]), line.mark(at)));
                end
            }
            _ => return Err(Stop::Unsupported),
        };
        line_rest_is_blank(line, end)
    }

    /// Goes on with a long flow collection on `text`, the line it is on.
    fn resume_in(&mut self, text: &str) -> Step {
        let Some(r) = self.resume.take() else {
            return Ok(());
        };
        // Only an ASCII line is resumed, where columns are byte offsets.
        let line = Line {
            text: text.get(..r.len).ok_or(Stop::Unsupported)?,
            number: r.number,
            ascii: true,
        };
        let end = if r.map {
            self.map_entries(&line, r.at)?
        } else {
            self.list_items(&line, r.at)?
        };
        match end {
            Some(end) => line_rest_is_blank(&line, end),
            None => Ok(()),
        }
    }

    /// Notes where a long flow collection goes on, after a chunk of its items.
    fn suspend(&mut self, line: &Line<'_>, map: bool, at: usize) -> Step<Option<usize>> {
        self.suspend_at(line, map, at, false)
    }

    /// Notes where a flow collection goes on; `fresh` when none of its items is read.
    fn suspend_at(
        &mut self,
        line: &Line<'_>,
        map: bool,
        at: usize,
        fresh: bool,
    ) -> Step<Option<usize>> {
        // Columns on other lines would be counted from the line's start, over and over.
        if !line.ascii {
            return Err(Stop::Unsupported);
        }
        self.resume = Some(Resume {
            map,
            at,
            number: line.number,
            len: line.text.len(),
            fresh,
        });
        Ok(None)
    }

    /// `[a, b]` on one line; returns the offset after the `]`, or `None` when a long
    /// list is left to go on later.
    fn flow_list(&mut self, line: &Line<'_>, open: usize) -> Step<Option<usize>> {
        self.out.push_back((SEQUENCE_START, line.mark(open)));
        let at = skip_spaces(line, open + 1);
        if line.byte(at) == Some(b']') {
            self.out.push_back((Event::SequenceEnd, line.mark(at)));
            return Ok(Some(at + 1));
        }
        self.list_items(line, at)
    }

    /// The items of a `[...]` from the one at `at`, a chunk at a time.
    fn list_items(&mut self, line: &Line<'_>, mut at: usize) -> Step<Option<usize>> {
        let bytes = line.text.as_bytes();
        for _ in 0..FLOW_CHUNK {
            let end = flow_word(line, at)?;
            let item = &line.text[at..end];
            let end = skip_spaces(line, end);
            if !matches!(line.byte(end), Some(b',' | b']')) {
                return Err(Stop::Unsupported);
            }
            self.out.push_back((plain(item), line.mark(at)));
            if bytes[end] == b']' {
                self.out.push_back((Event::SequenceEnd, line.mark(end)));
                return Ok(Some(end + 1));
            }
            at = skip_spaces(line, end + 1);
            if line.byte(at) == Some(b']') {
                return Err(Stop::Unsupported);
            }
        }
        self.suspend(line, false, at)
    }
}

impl State {
    /// `{a: 1, b: 2}` on one line, with a word for each key and value; returns the
    /// offset after the `}`, or `None` when a long mapping is left to go on later.
    fn flow_map(&mut self, line: &Line<'_>, open: usize) -> Step<Option<usize>> {
        self.out.push_back((MAPPING_START, line.mark(open)));
        let at = skip_spaces(line, open + 1);
        if line.byte(at) == Some(b'}') {
            self.out.push_back((Event::MappingEnd, line.mark(at)));
            return Ok(Some(at + 1));
        }
        if line.ascii {
            // Its entries are read when the tree asks for them: it may take them whole
            // (`Source::months`), or one event at a time as from any mapping.
            return self.suspend_at(line, true, at, true);
        }
        self.map_entries(line, at)
    }

    /// The entries of a `{...}` from the one at `at`, a chunk at a time.
    fn map_entries(&mut self, line: &Line<'_>, mut at: usize) -> Step<Option<usize>> {
        let bytes = line.text.as_bytes();
        for _ in 0..FLOW_CHUNK {
            let colon = flow_word(line, at)?;
            // `a:1` is one word in flow context, `a :` a key with spaces: both left to
            // the general reader, as is a missing value.
            if line.byte(colon) != Some(b':') || line.byte(colon + 1) != Some(b' ') {
                return Err(Stop::Unsupported);
            }
            let value = skip_spaces(line, colon + 1);
            let end = flow_word(line, value)?;
            let after = skip_spaces(line, end);
            if !matches!(line.byte(after), Some(b',' | b'}')) {
                return Err(Stop::Unsupported);
            }
            self.out
                .push_back((plain(&line.text[at..colon]), line.mark(at)));
            self.out
                .push_back((plain(&line.text[value..end]), line.mark(value)));
            if bytes[after] == b'}' {
                self.out.push_back((Event::MappingEnd, line.mark(after)));
                return Ok(Some(after + 1));
            }
            at = skip_spaces(line, after + 1);
            if line.byte(at) == Some(b'}') {
                return Err(Stop::Unsupported);
            }
        }
        self.suspend(line, true, at)
    }
}

/// Where a word in flow context (`PAL`, `2024-12`, `800.50`) that starts at `at`
/// ends. One word per item: YAML's rules for the rest of flow context are the general
/// reader's business.
fn flow_word(line: &Line<'_>, at: usize) -> Step<usize> {
    match line.byte(at) {
        Some(b) if starts_plain(b) => {}
        _ => return Err(Stop::Unsupported),
    }
    let mut end = at;
    while line.byte(end).is_some_and(|b| WORD[usize::from(b)]) {
        end += 1;
    }
    if end == at {
        return Err(Stop::Unsupported);
    }
    Ok(end)
}

impl<F: Feed> Source for Fast<F> {
    fn next_event(&mut self) -> Result<(Event, Mark), Stop> {
        if self.state.out.is_empty() {
            self.fill()?;
        }
        self.state.out.pop_front().ok_or(Stop::Unsupported)
    }

    fn months(&mut self, into: &mut MonthRow) -> bool {
        into.clear();
        #[cfg(test)]
        if !tests::WHOLE_MONTHS.get() {
            return false;
        }
        let Some(r) = self.state.resume.filter(|r| r.map && r.fresh) else {
            return false;
        };
        if !self.state.out.is_empty() {
            return false;
        }
        let Some(text) = self.feed.current().and_then(|t| t.get(..r.len)) else {
            return false;
        };
        let line = Line {
            text,
            number: r.number,
            ascii: true,
        };
        match month_entries(&line, r.at, into) {
            Some(end) if line_rest_is_blank(&line, end).is_ok() => {
                self.state.resume = None;
                #[cfg(test)]
                tests::WHOLE_MONTHS_TAKEN.set(tests::WHOLE_MONTHS_TAKEN.get() + 1);
                true
            }
            _ => {
                into.clear();
                false
            }
        }
    }
}

/// The entries of a `{...}` from the one at `at` (ASCII line), when every one is a
/// `YYYY-MM: word` that [`State::map_entries`] would read, in strictly increasing
/// month order and no more than a chunk of them; the offset after the `}`. `None` for
/// anything else, which is then read event by event: the tree's checks and the
/// loader's messages stay theirs.
fn month_entries(line: &Line<'_>, from: usize, into: &mut MonthRow) -> Option<usize> {
    let bytes = line.text.as_bytes();
    // Columns are byte offsets + 1 on an ASCII line; all of them fit in 32 bits.
    u32::try_from(bytes.len()).ok()?;
    let spaces = |mut at: usize| {
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        at
    };
    let mut previous: Option<Month> = None;
    let mut at = from;
    for _ in 0..FLOW_CHUNK {
        // The key is the flow word `YYYY-MM` only when a `: ` follows its 7 bytes.
        let key: &[u8; 9] = bytes.get(at..at + 9)?.try_into().ok()?;
        let month = key_month(key)?;
        if previous.is_some_and(|p| p >= month) {
            return None;
        }
        previous = Some(month);
        // One flow word (see `flow_word`): a word character other than `-` first. Its
        // number on the way, for counts, when it is 1 to 10 digits.
        let value = spaces(at + 9);
        let mut end = value;
        let mut number = 0u64;
        while let Some(d) = bytes
            .get(end)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|d| *d < 10)
        {
            number = number.wrapping_mul(10).wrapping_add(u64::from(d));
            end += 1;
        }
        let digits = (end > value && end - value <= 10).then_some(number);
        let numeral = end;
        while bytes.get(end).is_some_and(|&b| WORD[usize::from(b)]) {
            end += 1;
        }
        if end == value || bytes[value] == b'-' {
            return None;
        }
        let digits = digits.filter(|_| end == numeral);
        let after = spaces(end);
        let close = match *bytes.get(after)? {
            b'}' => true,
            b',' => false,
            _ => return None,
        };
        let cols = ((at + 1) as u32, (value + 1) as u32);
        into.push(month, cols, (end - value) as u32, digits);
        if close {
            into.set_text((from + 1) as u32, &line.text[from..after]);
            return Some(after + 1);
        }
        at = spaces(after + 1);
        if bytes.get(at) == Some(&b'}') {
            return None;
        }
    }
    None
}

/// The month of a key `YYYY-MM: ` as `Month::parse` reads its first 7 bytes, tested
/// eight bytes at a time: a partner file has millions.
fn key_month(key: &[u8; 9]) -> Option<Month> {
    const SEPARATORS: u64 = 0xff00_00ff_0000_0000;
    const DASH_COLON: u64 = (b':' as u64) << 56 | (b'-' as u64) << 32;
    const DIGITS: u64 = 0x00ff_ff00_ffff_ffff;
    const HIGH: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    const LOW: u64 = 0x0f0f_0f0f_0f0f_0f0f;
    let mut first = [0u8; 8];
    first.copy_from_slice(&key[..8]);
    let w = u64::from_le_bytes(first);
    if key[8] != b' ' || w & SEPARATORS != DASH_COLON {
        return None;
    }
    // Each digit's byte is 0x30 to 0x39: a high half of 3, and a low half that does not
    // carry when 6 is added to it.
    let d = w & DIGITS;
    if d & HIGH != 0x3030_3030_3030_3030 & DIGITS
        || ((d & LOW) + (0x0606_0606_0606_0606 & DIGITS)) & HIGH != 0
    {
        return None;
    }
    let v = (d & LOW).to_le_bytes().map(u32::from);
    let year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    Month::new(year as i32, v[5] * 10 + v[6])
}

/// The characters of a word in flow context (see [`flow_word`]).
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'/' | b'-' | b'+');
        b += 1;
    }
    table
};

const MAPPING_START: Event = Event::MappingStart {
    anchor: false,
    tag: false,
};
const SEQUENCE_START: Event = Event::SequenceStart {
    anchor: false,
    tag: false,
};

fn plain(text: &str) -> Event {
    Event::Scalar {
        text: Text::from(text),
        plain: true,
        anchor: false,
        tag: false,
    }
}

/// The empty value of `key:` with nothing after it.
fn empty() -> Event {
    plain("")
}

fn end_of(block: Block) -> Event {
    if block.map {
        Event::MappingEnd
    } else {
        Event::SequenceEnd
    }
}

/// The offset of the first `\n`: a partner file is millions of lines, some of hundreds
/// of bytes (`memchr` compares 16 or 32 bytes an instruction).
pub(crate) fn find_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

/// Whether every byte is printable ASCII (space to `~`). Without an early exit, so
/// that the compiler can test many bytes per instruction: lines are short, and nearly
/// all of them are printable.
pub(crate) fn printable_ascii(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(false, |bad, &b| bad | !(0x20..0x7f).contains(&b))
        .not()
}

/// Characters YAML treats specially outside ASCII (line breaks, a byte order mark,
/// C1 controls, non-characters): left to the general reader.
fn unusual(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
    )
}

/// A plain value may start with a letter, a digit or a few harmless characters; YAML
/// gives most punctuation a meaning at the start of a value.
fn starts_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b'~' | b'+' | b'(') || b >= 0x80
}

/// For `- ` at `at`: the offset of what follows the dash and its spaces.
fn dash_content(line: &Line<'_>, at: usize) -> Step<Option<usize>> {
    match (line.byte(at), line.byte(at + 1)) {
        (Some(b'-'), Some(b' ')) => Ok(Some(skip_spaces(line, at + 1))),
        // `-` alone, `---`, or `-5`: an empty item, a document marker or a value.
        (Some(b'-'), _) => Err(Stop::Unsupported),
        _ => Ok(None),
    }
}

/// For a plain key at `at` followed by `: ` or a `:` ending the line: the offset of
/// the `:`. `None` when the text there is not such a key.
fn key_end(line: &Line<'_>, at: usize) -> Step<Option<usize>> {
    let bytes = line.text.as_bytes();
    match bytes.get(at) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => {}
        _ => return Ok(None),
    }
    let mut end = at;
    while end < bytes.len() {
        match bytes[end] {
            b if b.is_ascii_alphanumeric() => {}
            b'_' | b'-' | b'.' | b'/' => {}
            b':' => break,
            // Spaces, quotes, brackets, `#`...: a value rather than a key, or a key the
            // general reader is better placed to judge.
            _ => return Ok(None),
        }
        end += 1;
    }
    match (bytes.get(end), bytes.get(end + 1)) {
        (Some(b':'), None | Some(b' ')) if end - at <= MAX_KEY => Ok(Some(end)),
        (Some(b':'), None | Some(b' ')) => Err(Stop::Unsupported),
        _ => Ok(None),
    }
}

fn skip_spaces(line: &Line<'_>, mut at: usize) -> usize {
    while line.byte(at) == Some(b' ') {
        at += 1;
    }
    at
}

/// Where a plain value that starts at `from` ends: before a ` #` comment and the
/// spaces before it, or at the end of the line.
fn plain_end(bytes: &[u8], from: usize) -> Step<usize> {
    let mut end = from;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' if bytes.get(i + 1) == Some(&b'#') => break,
            b' ' => {}
            // `a: b: c`, `a: b:` and the like are errors or nested mappings.
            b':' if matches!(bytes.get(i + 1), None | Some(b' ')) => return Err(Stop::Unsupported),
            _ => end = i + 1,
        }
        i += 1;
    }
    Ok(end)
}

/// After a value: only spaces, then the end of the line or a ` #` comment.
fn line_rest_is_blank(line: &Line<'_>, at: usize) -> Step {
    let next = skip_spaces(line, at);
    match line.byte(next) {
        None => Ok(()),
        Some(b'#') if next > at => Ok(()),
        _ => Err(Stop::Unsupported),
    }
}

#[cfg(test)]
pub(crate) mod tests;
