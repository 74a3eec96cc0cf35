//! YAML text to a small tree that remembers where every node came from.
//!
//! The scenario format is small, so the loader reads YAML events itself rather than
//! going through serde: that keeps every scalar's exact text (money stays exact), lets
//! duplicate keys be refused with their line, and bounds nesting and aliases so a
//! hostile file cannot exhaust memory.

use super::error::{ErrorKind, LoadError};
use super::events::{Event, General, MonthRow, Source, Stop};
use super::fast::Fast;
use super::format::{Kind, Object};
pub(crate) use super::scalar::Text;
use super::syntax::{self, OpenFlow};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

/// Files deeper than this are refused; the format needs five levels.
const MAX_DEPTH: usize = 64;

/// A YAML node with its 1-based position.
#[derive(Debug)]
pub(crate) struct Node {
    pub line: usize,
    pub col: usize,
    pub value: Value,
}

#[derive(Debug)]
pub(crate) enum Value {
    /// A scalar's text; `plain` is false for quoted and block scalars.
    Scalar {
        text: Text,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// A mapping of months to plain words, on one line, each month later than the one
    /// before: what a `Map` of those entries would hold, without a node apiece (see
    /// `Source::months`). Only where the format expects months; [`expand`] gives the
    /// `Map`.
    Months(Box<MonthRow>),
}

/// The entries of a [`Value::Months`] on `line`, as the `Map` the tree would have
/// built from their events.
pub(crate) fn expand(line: usize, row: &MonthRow) -> Vec<(Node, Node)> {
    row.iter()
        .map(|(month, key_col, value_col, value, _)| {
            let scalar = |col: u32, text: Text| Node {
                line,
                col: col as usize,
                value: Value::Scalar { text, plain: true },
            };
            (
                // The month as written: `Month` reads only `YYYY-MM`, which it writes back.
                scalar(key_col, Text::from(month.to_string())),
                scalar(value_col, Text::from(value)),
            )
        })
        .collect()
}

impl Node {
    /// A plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// How the node reads in a "found ..." message.
    pub fn describe(&self) -> String {
        match &self.value {
            _ if self.is_null() => "an empty value".to_string(),
            Value::Scalar { text, plain } => {
                let mut shown: String = text.chars().take(60).collect();
                if text.chars().count() > 60 {
                    shown.push_str("...");
                }
                if *plain {
                    format!("`{shown}`")
                } else if text.trim().is_empty() {
                    "an empty text".to_string()
                } else {
                    format!("the quoted text `{shown}`")
                }
            }
            Value::Seq(_) => "a list".to_string(),
            Value::Map(_) | Value::Months(_) => "a mapping".to_string(),
        }
    }
}

/// How a field path continues below an open collection.
enum Segment {
    /// The root, or a key that is not a scalar (refused as soon as it is complete).
    Same,
    Key(Text),
    Index(usize),
}

/// What the format expects of a value, so that the tree keeps only what the loader
/// reads: a file of 100 MB that the loader refuses, or reads only a little of, must not
/// become gigabytes of nodes first.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// No format to follow: everything is kept.
    Any,
    /// A mapping with these keys; any other key is refused as it is read.
    Object(&'static Object),
    /// A list of such mappings.
    Items(&'static Object),
    /// A list of words, of which the loader reads at most this many before refusing.
    Words(usize),
    /// A list of words or mappings of this shape (attribution entries), of which the
    /// loader reads at most this many before refusing.
    Entries(&'static Object, usize),
    /// A mapping of months to amounts.
    Months,
    /// A mapping of free names (Azure services) to mappings of months to amounts.
    Services,
    /// A mapping of score card keys to points: its keys are the rulebook's, checked
    /// after loading, so any key is kept here.
    Scores,
    /// One value: a list or mapping here is refused as a whole.
    Scalar,
    /// Nothing the loader reads.
    Skip,
}

impl Shape {
    /// The shape of a field of the format.
    fn of(kind: Kind) -> Shape {
        match kind {
            Kind::Labels(_) | Kind::Codes => Shape::Words(kind.max_items().unwrap_or(usize::MAX)),
            Kind::Attribution(o) => Shape::Entries(o, kind.max_items().unwrap_or(usize::MAX)),
            Kind::MonthlyAmounts | Kind::MonthlyQuantities | Kind::MonthlyCounts => Shape::Months,
            Kind::ServiceAmounts => Shape::Services,
            Kind::Scores(_) => Shape::Scores,
            Kind::List(o) => Shape::Items(o),
            Kind::Object(o) => Shape::Object(o),
            Kind::Text
            | Kind::Code
            | Kind::Certification
            | Kind::Choice(_)
            | Kind::Month
            | Kind::Date
            | Kind::Money
            | Kind::WholeNumber
            | Kind::Boolean => Shape::Scalar,
        }
    }

    /// Whether a mapping (or else a list) is what the loader reads here.
    fn takes(self, map: bool) -> bool {
        match self {
            Shape::Any => true,
            Shape::Object(_) | Shape::Months | Shape::Services | Shape::Scores => map,
            Shape::Items(_) | Shape::Words(_) | Shape::Entries(..) => !map,
            Shape::Scalar | Shape::Skip => false,
        }
    }
}

/// A collection being built: its node, how its field path continues its parent's, for
/// a mapping the key waiting for its value and the keys seen so far, and for a list
/// whose items are handed over one by one, or dropped, how many were.
struct Open {
    node: Node,
    segment: Segment,
    pending: Option<Node>,
    keys: Keys,
    taken: usize,
    /// For a top-level list whose items are handed over, which of the keys streamed.
    stream: Option<usize>,
    /// What the format expects here.
    shape: Shape,
    /// Whether its children are dropped rather than kept: the loader refuses the
    /// collection as a whole, or at a child already kept, and never looks at them.
    dropping: bool,
    /// Whether to drop the children after the entry being read, which the loader
    /// refuses (a key of `acr` that is not a month).
    drop_after_entry: bool,
    /// Whether a key was read, kept or not.
    keyed: bool,
}

impl Open {
    fn new(node: Node, segment: Segment) -> Open {
        Open {
            node,
            segment,
            pending: None,
            keys: Keys::default(),
            taken: 0,
            stream: None,
            shape: Shape::Any,
            dropping: false,
            drop_after_entry: false,
            keyed: false,
        }
    }

    /// Items added so far, handed over or kept.
    fn items(&self) -> usize {
        match &self.node.value {
            Value::Seq(items) => items.len() + self.taken,
            _ => 0,
        }
    }
}

/// A mapping's keys, for refusing a duplicate with the line of the first. Up to
/// [`SCANNED_KEYS`] keys are compared by a fingerprint; past that a hash map takes
/// over, so a mapping of a million keys is still read in linear time. The
/// fingerprints of all open mappings share one stack (a mapping is complete before
/// its parent takes another key), so that a mapping costs no allocation of its own.
#[derive(Default)]
struct Keys {
    /// Where this mapping's fingerprints start on the shared stack.
    from: usize,
    index: Option<HashMap<Text, usize>>,
}

const SCANNED_KEYS: usize = 32;

impl Keys {
    /// The line of `key` when the mapping already has it; otherwise records it.
    fn first_line(
        &mut self,
        key: &Text,
        line: usize,
        entries: &[(Node, Node)],
        prints: &mut Vec<u64>,
    ) -> Option<usize> {
        if let Some(index) = &mut self.index {
            return match index.get(key) {
                Some(first) => Some(*first),
                None => {
                    index.insert(key.clone(), line);
                    None
                }
            };
        }
        let print = fingerprint(key);
        let mine = &prints[self.from.min(prints.len())..];
        let same = mine.iter().zip(entries).find(|(p, (k, _))| {
            **p == print && matches!(&k.value, Value::Scalar { text, .. } if text == key)
        });
        if let Some((_, (k, _))) = same {
            return Some(k.line);
        }
        if mine.len() < SCANNED_KEYS {
            prints.push(print);
        } else {
            let mut index: HashMap<Text, usize> = entries
                .iter()
                .filter_map(|(k, _)| match &k.value {
                    Value::Scalar { text, .. } => Some((text.clone(), k.line)),
                    _ => None,
                })
                .collect();
            index.insert(key.clone(), line);
            self.index = Some(index);
        }
        None
    }
}

/// Emptied lists of entries and items from handed-over nodes, for the next ones: a
/// partner's customers all have the same shape, so after the first, building one
/// allocates nothing.
#[derive(Default)]
struct Spare {
    maps: Vec<Vec<(Node, Node)>>,
    seqs: Vec<Vec<Node>>,
    /// Boxed as a `Value::Months` holds them, so that reusing one allocates nothing.
    #[allow(clippy::vec_box)]
    months: Vec<Box<MonthRow>>,
}

impl Spare {
    /// Only small lists are kept, and only a few: enough for one item's shape.
    const MAX_KEPT: usize = 16;
    const MAX_LEN: usize = 256;

    fn keep(&mut self, node: Node) {
        match node.value {
            Value::Map(entries) => self.keep_map(entries),
            Value::Seq(items) => self.keep_seq(items),
            Value::Months(row) => self.keep_months(row),
            Value::Scalar { .. } => {}
        }
    }

    fn keep_months(&mut self, mut row: Box<MonthRow>) {
        row.clear();
        if self.months.len() < Self::MAX_KEPT && row.capacity() <= Self::MAX_LEN {
            self.months.push(row);
        }
    }

    fn keep_map(&mut self, mut entries: Vec<(Node, Node)>) {
        // Keys are scalars; only values can hold lists of their own.
        for (_, value) in entries.drain(..) {
            self.keep(value);
        }
        if self.maps.len() < Self::MAX_KEPT && entries.capacity() <= Self::MAX_LEN {
            self.maps.push(entries);
        }
    }

    fn keep_seq(&mut self, mut items: Vec<Node>) {
        for item in items.drain(..) {
            self.keep(item);
        }
        if self.seqs.len() < Self::MAX_KEPT && items.capacity() <= Self::MAX_LEN {
            self.seqs.push(items);
        }
    }
}

/// A cheap hash of a key (FNV-1a), only to skip most comparisons in a small mapping.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The last lines a reader of a file has read, by 1-based number, for repairing the
/// position of an empty value without the whole text.
#[derive(Default)]
pub(crate) struct Recent {
    lines: VecDeque<(usize, String)>,
    /// Lines read so far.
    read: usize,
}

impl Recent {
    /// More than enough for the lines between an empty value and the next token, unless
    /// many blank lines or comments come between.
    const KEPT: usize = 64;

    /// Notes a line read, as `str::lines` gives it.
    pub fn push(&mut self, line: &str) {
        self.read += 1;
        if self.lines.len() == Self::KEPT {
            self.lines.pop_front();
        }
        self.lines.push_back((self.read, line.to_string()));
    }
}

/// The source's lines, as `str::lines` gives them, indexed only when first asked for:
/// positions are repaired from the source only around empty values and errors. When
/// the file is read line by line and not kept, there are only the `recent` lines, if
/// any, and asking for another is noted, so that the caller reads the file again in
/// full.
struct Lines<'s> {
    source: Option<&'s str>,
    /// Whether the keys are the fast reader's: plain words with their `:` right after.
    fast_keys: bool,
    recent: Option<Rc<RefCell<Recent>>>,
    starts: OnceCell<Vec<usize>>,
    missed: Cell<bool>,
}

impl<'s> Lines<'s> {
    fn new(source: Option<&'s str>) -> Self {
        Lines {
            source,
            fast_keys: false,
            recent: None,
            starts: OnceCell::new(),
            missed: Cell::new(false),
        }
    }

    /// The whole text, when it is kept.
    fn whole(&self) -> Option<&'s str> {
        if self.source.is_none() {
            self.missed.set(true);
        }
        self.source
    }

    fn starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            let bytes = self.whole().unwrap_or_default().as_bytes();
            let mut starts = Vec::new();
            if !bytes.is_empty() {
                starts.push(0);
            }
            starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| b == b'\n' && i + 1 < bytes.len())
                    .map(|(i, _)| i + 1),
            );
            starts
        })
    }

    fn len(&self) -> usize {
        match (&self.source, &self.recent) {
            (None, Some(recent)) => recent.borrow().read,
            _ => self.starts().len(),
        }
    }

    /// The 0-based `index`th line, without its line ending.
    fn get(&self, index: usize) -> Option<Cow<'s, str>> {
        if let (None, Some(recent)) = (&self.source, &self.recent) {
            let recent = recent.borrow();
            let found = recent.lines.iter().find(|(n, _)| *n == index + 1);
            if found.is_none() {
                self.missed.set(true);
            }
            return found.map(|(_, line)| Cow::Owned(line.clone()));
        }
        let source = self.whole()?;
        let starts = self.starts();
        let start = *starts.get(index)?;
        let end = starts.get(index + 1).copied().unwrap_or(source.len());
        let line = &source[start..end];
        Some(Cow::Borrowed(match line.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => line,
        }))
    }
}

/// Receives the items of some top-level lists as each is complete, instead of the tree
/// keeping them: a partner's `customers` are converted one at a time, so a file of
/// 100,000 customers never exists as a tree in memory.
pub(crate) trait Items {
    /// The item at `index` of the list under the `list`th key streamed, complete; the
    /// tree reuses its storage after.
    fn item(&mut self, list: usize, index: usize, node: &Node);
    /// Forget every item: the file is being read again from the start.
    fn restart(&mut self);
}

/// Why building the tree stopped.
enum Fail {
    Load(LoadError),
    /// The fast reader cannot read this file; the general one must.
    Unsupported,
}

impl From<LoadError> for Fail {
    fn from(e: LoadError) -> Fail {
        Fail::Load(e)
    }
}

/// Parses one YAML document into a tree, or explains why not.
pub(crate) fn parse(file: &str, source: &str) -> Result<Node, LoadError> {
    read(file, source, None, None)
}

/// Like [`parse`], but hands each item of the top-level lists under `keys` to `items` as
/// soon as it is complete; in the tree, those lists are left empty. With a `guide`, the
/// format of the whole document, what the loader would not read is not kept (see
/// [`Shape`]) and a key the format does not have is refused as it is read.
pub(crate) fn parse_streaming(
    file: &str,
    source: &str,
    keys: &[&str],
    items: &mut dyn Items,
    guide: Option<&'static Object>,
) -> Result<Node, LoadError> {
    read(file, source, Some((keys, items)), guide)
}

/// What reading a file without keeping its text came to.
pub(crate) enum Unkept {
    Read(Node),
    /// The fast reader met something outside its subset.
    Unsupported,
    /// An error, or a position that would have to be repaired from the text.
    Other,
}

/// Builds the tree of a file read without keeping its text, from the fast reader
/// (`fast_keys`) or the general one, handing the items of the top-level list under
/// `key` to `items`. The tree never looks back at the text here: any error, and any
/// position that would have to be repaired from the text, give [`Unkept::Other`], and
/// the caller reads the file in full instead.
pub(crate) fn parse_unkept<'i>(
    file: &str,
    events: &mut dyn Source,
    fast_keys: bool,
    recent: Option<Rc<RefCell<Recent>>>,
    keys: &[&str],
    items: &mut (dyn Items + 'i),
    guide: Option<&'static Object>,
) -> Unkept {
    let mut lines = Lines::new(None);
    lines.fast_keys = fast_keys;
    lines.recent = recent;
    match build(file, &lines, events, Some((keys, items)), guide) {
        Ok(Some(root)) if !lines.missed.get() && !root.is_null() => Unkept::Read(root),
        Err(Fail::Unsupported) => Unkept::Unsupported,
        _ => Unkept::Other,
    }
}

fn read<'i>(
    file: &str,
    source: &str,
    mut stream: Option<(&[&str], &mut (dyn Items + 'i))>,
    guide: Option<&'static Object>,
) -> Result<Node, LoadError> {
    // yaml-rust2 takes a NUL for the end of the text: whatever followed would silently
    // vanish (customers, an `expected:` block). Neither reader gets to see one.
    if let Some(e) = nul_byte(file, source) {
        return Err(e);
    }
    let lines = Lines::new(Some(source));
    let fast = build(
        file,
        &lines,
        &mut Fast::new(source),
        stream.as_mut().map(|(k, i)| (*k, &mut **i)),
        guide,
    );
    match fast {
        Ok(root) => return root_or_empty(file, source, root),
        Err(Fail::Load(e)) => return Err(e),
        Err(Fail::Unsupported) => {}
    }
    if let Some((_, items)) = stream.as_mut() {
        items.restart();
    }
    let general = build(
        file,
        &lines,
        &mut General::new(source),
        stream.as_mut().map(|(k, i)| (*k, &mut **i)),
        guide,
    );
    match general {
        Ok(root) => root_or_empty(file, source, root),
        Err(Fail::Load(e)) => Err(e),
        // The general reader reads any YAML.
        Err(Fail::Unsupported) => Err(LoadError::whole_file(
            file,
            "text the YAML reader stopped on",
            "a YAML mapping (see docs/scenario-format.md)",
        )
        .with_kind(ErrorKind::Syntax)),
    }
}

/// The first NUL byte of `source`, as an error at its line and column.
pub(crate) fn nul_byte(file: &str, source: &str) -> Option<LoadError> {
    let at = source.find('\0')?;
    let before = &source[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before[start..].chars().count() + 1;
    Some(
        LoadError::at(
            file,
            (line, col),
            "",
            "a NUL byte (`\\0`)",
            "text (a YAML file holds no NUL bytes: save it as UTF-8 text)",
            Some(source[start..end].trim_end_matches('\r').to_string()),
        )
        .with_kind(ErrorKind::Syntax),
    )
}

/// [`parse`] with the general reader alone, for comparing the two readers.
#[cfg(test)]
pub(crate) fn parse_general(file: &str, source: &str) -> Result<Node, LoadError> {
    if let Some(e) = nul_byte(file, source) {
        return Err(e);
    }
    let lines = Lines::new(Some(source));
    match build(file, &lines, &mut General::new(source), None, None) {
        Ok(root) => root_or_empty(file, source, root),
        Err(Fail::Load(e)) => Err(e),
        Err(Fail::Unsupported) => unreachable!("the general reader reads any YAML"),
    }
}

fn root_or_empty(file: &str, source: &str, root: Option<Node>) -> Result<Node, LoadError> {
    match root {
        Some(node) if !node.is_null() => Ok(node),
        _ => Err(LoadError::whole_file(
            file,
            if source.trim().is_empty() {
                "an empty file"
            } else {
                "a file with no fields, only comments or blank lines"
            },
            "a YAML mapping with at least `as_of` (see docs/scenario-format.md)",
        )
        .with_kind(ErrorKind::Empty)),
    }
}

/// Builds the tree from one reader's events.
fn build<'i>(
    file: &str,
    lines: &Lines<'_>,
    events: &mut dyn Source,
    mut stream: Option<(&[&str], &mut (dyn Items + 'i))>,
    guide: Option<&'static Object>,
) -> Result<Option<Node>, Fail> {
    let root_shape = guide.map_or(Shape::Any, Shape::Object);
    // Open collections, each with how its field path continues, for error messages.
    let mut stack: Vec<Open> = Vec::new();
    let mut prints: Vec<u64> = Vec::new();
    let mut spare = Spare::default();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let error = |line: usize, col: usize, field: &str, found: String, expected: &str| LoadError {
        kind: ErrorKind::Syntax,
        file: file.to_string(),
        position: Some((line, col)),
        field: field.to_string(),
        found,
        expected: expected.to_string(),
        source_line: lines
            .whole()
            .and_then(|source| source.lines().nth(line.saturating_sub(1)))
            .map(str::to_string),
    };
    loop {
        let (event, mark) = match events.next_event() {
            Ok(pair) => pair,
            Err(Stop::Unsupported) => return Err(Fail::Unsupported),
            Err(Stop::Syntax(e)) => {
                let m = e.marker();
                let open = stack.iter().rev().find_map(|o| {
                    let (line, col) = (o.node.line, o.node.col);
                    let text = lines.get(line.checked_sub(1)?)?;
                    let bracket = text.chars().nth(col.checked_sub(1)?)?;
                    matches!(bracket, '[' | '{').then_some(OpenFlow { bracket, line, col })
                });
                // Only the general reader meets syntax errors, and it reads a kept text.
                let source = lines.whole().unwrap_or_default();
                let x = syntax::explain(e.info(), m.line(), m.col() + 1, source, MAX_DEPTH, open);
                let field = match stack.last() {
                    Some(o) if x.after_value => {
                        let path = path_of(&stack);
                        match &o.node.value {
                            // The value is either still waiting for its key's entry (a
                            // quoted scalar) or the last entry (a closed `[...]`).
                            Value::Map(entries) => match o
                                .pending
                                .as_ref()
                                .or_else(|| entries.last().map(|(k, _)| k))
                            {
                                Some(Node {
                                    value: Value::Scalar { text, .. },
                                    ..
                                }) => join(&path, text),
                                _ => path,
                            },
                            Value::Seq(_) if o.items() > 0 => {
                                format!("{path}[{}]", o.items() - 1)
                            }
                            _ => path,
                        }
                    }
                    _ => path_of(&stack),
                };
                return Err(error(x.line, x.col, &field, x.found, &x.expected).into());
            }
        };
        let (line, col) = (mark.line, mark.col);
        let is_map = matches!(event, Event::MappingStart { .. });
        let node = match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(error(
                        line,
                        col,
                        "",
                        "a second YAML document".into(),
                        "one document per file (remove the `---` line)",
                    )
                    .with_kind(ErrorKind::UnsupportedYaml)
                    .into());
                }
                continue;
            }
            Event::Alias => {
                return Err(error(
                    line,
                    col,
                    &child_path(&stack),
                    "an alias (`*name`)".into(),
                    "plain values: anchors and aliases are not supported in scenario files",
                )
                .with_kind(ErrorKind::UnsupportedYaml)
                .into())
            }
            Event::Scalar {
                text,
                plain,
                anchor,
                tag,
            } => {
                refuse_anchor_or_tag(anchor, tag, (line, col), lines).map_err(|(l, c, what)| {
                    error(l, c, &child_path(&stack), what, PLAIN)
                        .with_kind(ErrorKind::UnsupportedYaml)
                })?;
                Node {
                    line,
                    col,
                    value: Value::Scalar { text, plain },
                }
            }
            Event::SequenceStart { anchor, tag } | Event::MappingStart { anchor, tag } => {
                refuse_anchor_or_tag(anchor, tag, (line, col), lines).map_err(|(l, c, what)| {
                    error(l, c, &child_path(&stack), what, PLAIN)
                        .with_kind(ErrorKind::UnsupportedYaml)
                })?;
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        line,
                        col,
                        &path_of(&stack),
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                        "the flat shape of the scenario format",
                    )
                    .with_kind(ErrorKind::UnsupportedYaml)
                    .into());
                }
                let shape = child_shape(&stack, root_shape);
                match take_months(events, is_map, shape, &mut spare) {
                    // Complete already, and as the checks of a `Map` of its entries
                    // would let them through: months, none twice, plain words.
                    Some(row) => Node {
                        line,
                        col,
                        value: Value::Months(row),
                    },
                    None => {
                        let value = if is_map {
                            Value::Map(spare.maps.pop().unwrap_or_default())
                        } else {
                            Value::Seq(spare.seqs.pop().unwrap_or_default())
                        };
                        let segment = child_segment(&stack);
                        let kept = shape.takes(is_map);
                        let streamed = match (&segment, &stream) {
                            (Segment::Key(k), Some((keys, _)))
                                if kept && !is_map && stack.len() == 1 =>
                            {
                                keys.iter().position(|wanted| k == *wanted)
                            }
                            _ => None,
                        };
                        let mut open = Open::new(Node { line, col, value }, segment);
                        open.stream = streamed;
                        open.keys.from = prints.len();
                        // A list or mapping the loader refuses whole (`name: [...]`, or anything
                        // under a refused one) keeps its place and kind for the message, and
                        // none of its contents.
                        open.shape = if kept { shape } else { Shape::Skip };
                        open.dropping = !kept;
                        stack.push(open);
                        continue;
                    }
                }
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(open) => {
                    prints.truncate(open.keys.from);
                    open.node
                }
                None => continue,
            },
        };
        let depth = stack.len();
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open {
                node: parent,
                pending,
                keys,
                taken,
                stream: streamed,
                shape,
                dropping,
                drop_after_entry,
                keyed,
                ..
            }) => match &mut parent.value {
                Value::Seq(_) if *dropping => {
                    *taken += 1;
                    spare.keep(node);
                }
                Value::Seq(items) => {
                    let mut node = node;
                    if is_empty(&node) {
                        (node.line, node.col) = after_dash(node.line, node.col, lines);
                    }
                    // The loader reads a list's items in order and stops at the first it
                    // refuses: what follows that one is never read.
                    *dropping = match *shape {
                        Shape::Items(_) => !matches!(node.value, Value::Map(_)),
                        Shape::Words(max) => {
                            !matches!(node.value, Value::Scalar { .. })
                                || items.len() + *taken >= max
                        }
                        Shape::Entries(_, max) => {
                            matches!(node.value, Value::Seq(_)) || items.len() + *taken >= max
                        }
                        _ => false,
                    };
                    match (&mut stream, *streamed) {
                        (Some((_, sink)), Some(list)) => {
                            sink.item(list, *taken, &node);
                            *taken += 1;
                            spare.keep(node);
                        }
                        _ => items.push(node),
                    }
                }
                Value::Map(entries) => match pending.take() {
                    None => {
                        let key = match &node.value {
                            Value::Scalar { text, .. } => text,
                            _ => {
                                return Err(error(
                                    node.line,
                                    node.col,
                                    &path_of(&stack[..depth]),
                                    format!("{} used as a key", node.describe()),
                                    "a plain key such as `id` or `2024-12`",
                                )
                                .with_kind(ErrorKind::UnsupportedYaml)
                                .into())
                            }
                        };
                        if !*keyed && (node.line, node.col) < (parent.line, parent.col) {
                            // The reader places a block mapping at its first `:`; point at
                            // its first key instead, where a "missing field" caret belongs.
                            (parent.line, parent.col) = (node.line, node.col);
                        }
                        *keyed = true;
                        if *dropping {
                            // Kept only for the field path of a message about what follows.
                            *pending = Some(node);
                            continue;
                        }
                        match *shape {
                            Shape::Object(object) if object.field(key).is_none() => {
                                let field = join(&path_of(&stack[..depth]), key);
                                let (found, expected) = super::unknown_field(object, key);
                                return Err(error(node.line, node.col, &field, found, &expected)
                                    .with_kind(ErrorKind::UnknownField)
                                    .into());
                            }
                            // The loader refuses a key that is not a month, and reads no
                            // further in this mapping.
                            Shape::Months => {
                                *drop_after_entry = super::plain_month(&node).is_none()
                            }
                            _ => {}
                        }
                        if let Some(first_line) =
                            keys.first_line(key, node.line, entries, &mut prints)
                        {
                            let field = join(&path_of(&stack[..depth]), key);
                            return Err(error(
                                node.line,
                                node.col,
                                &field,
                                format!(
                                    "the key `{key}` a second time (first at line {first_line})"
                                ),
                                "each key once in a mapping",
                            )
                            .with_kind(ErrorKind::Duplicate)
                            .into());
                        }
                        *pending = Some(node);
                    }
                    Some(key) if *dropping => {
                        spare.keep(key);
                        spare.keep(node);
                    }
                    Some(key) => {
                        let mut node = node;
                        if is_empty(&node) || (node.line > key.line && is_blank(&node)) {
                            (node.line, node.col) = after_key(&key, lines);
                        }
                        let refused = matches!(*shape, Shape::Months | Shape::Scores)
                            && !matches!(node.value, Value::Scalar { .. });
                        *dropping = *drop_after_entry || refused;
                        entries.push((key, node));
                    }
                },
                // Never open: nothing is added to them.
                Value::Scalar { .. } | Value::Months(_) => {}
            },
        }
    }
    Ok(root)
}

/// A month mapping the reader gives whole, where the format expects one.
fn take_months(
    events: &mut dyn Source,
    is_map: bool,
    shape: Shape,
    spare: &mut Spare,
) -> Option<Box<MonthRow>> {
    if !is_map || !matches!(shape, Shape::Months) {
        return None;
    }
    let mut row = spare.months.pop().unwrap_or_default();
    if events.months(&mut row) {
        Some(row)
    } else {
        spare.keep_months(row);
        None
    }
}

/// An empty plain scalar: a key or `-` with nothing after it.
fn is_empty(node: &Node) -> bool {
    matches!(&node.value, Value::Scalar { text, plain: true } if text.is_empty())
}

/// A scalar of any style with nothing in it: `""`, or a `>` or `|` block with no lines.
fn is_blank(node: &Node) -> bool {
    matches!(&node.value, Value::Scalar { text, .. } if text.trim().is_empty())
}

/// Just after `key:`, where an empty value is missing (the reader places it at the start
/// of the next line, which may not exist).
fn after_key(key: &Node, lines: &Lines<'_>) -> (usize, usize) {
    let Value::Scalar { text, plain: true } = &key.value else {
        return (key.line, key.col);
    };
    let colon = key.col - 1 + text.chars().count();
    if lines.source.is_none() && lines.fast_keys {
        // Read line by line, the keys are the fast reader's, each a plain word with
        // its `:` right after it.
        return (key.line, colon + 2);
    }
    let line = lines.get(key.line.wrapping_sub(1)).unwrap_or_default();
    match line.chars().nth(colon) {
        Some(':') => (key.line, colon + 2),
        _ => (key.line, key.col),
    }
}

/// Just after the `-` of an empty list item (a `-` with nothing after it on its line).
/// The reader places the empty item where it noticed it, at the next token: a later
/// line, so the dash is on the last line before that one with something on it.
fn after_dash(line: usize, col: usize, lines: &Lines<'_>) -> (usize, usize) {
    let before = line.saturating_sub(1).min(lines.len());
    // The line's number, whether it ends with the dash, and its length in characters.
    let previous = (0..before).rev().find_map(|i| {
        let text = lines.get(i)?;
        let uncommented = match text.find(" #") {
            Some(at) => &text[..at],
            None => &text,
        };
        let trimmed = uncommented.trim_end();
        (!trimmed.is_empty() && !trimmed.trim_start().starts_with('#'))
            .then(|| (i, trimmed.ends_with('-'), trimmed.chars().count()))
    });
    match previous {
        Some((i, true, length)) => (i + 1, length + 1),
        _ => (line, col),
    }
}

/// The `&` or `!` of an anchor or tag written before the node at `line`, `col`.
fn back_to(marker: char, line: usize, col: usize, lines: &Lines<'_>) -> (usize, usize) {
    let text = lines.get(line.wrapping_sub(1)).unwrap_or_default();
    let before: Vec<char> = text.chars().take(col.saturating_sub(1)).collect();
    let found = before
        .iter()
        .enumerate()
        .rev()
        .find(|(i, c)| **c == marker && (*i == 0 || before[i - 1].is_whitespace()));
    found.map_or((line, col), |(i, _)| (line, i + 1))
}

const PLAIN: &str = "plain values: anchors, aliases and tags are not supported in scenario files";

/// Refuses an anchor or a tag, with the position of its `&` or `!`.
fn refuse_anchor_or_tag(
    anchor: bool,
    tagged: bool,
    (line, col): (usize, usize),
    lines: &Lines<'_>,
) -> Result<(), (usize, usize, String)> {
    let at = |marker| back_to(marker, line, col, lines);
    if anchor {
        let (line, col) = at('&');
        Err((line, col, "an anchor (`&name`)".into()))
    } else if tagged {
        let (line, col) = at('!');
        Err((line, col, "a YAML tag (`!...`)".into()))
    } else {
        Ok(())
    }
}

/// The field path of the innermost open collection. Paths are only needed for
/// messages, so they are put together from the open collections when one is.
fn path_of(stack: &[Open]) -> String {
    let mut path = String::new();
    for open in stack {
        match &open.segment {
            Segment::Same => {}
            Segment::Key(key) => path = join(&path, key),
            Segment::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

/// How the path of the node about to be added under the innermost open collection
/// continues that collection's.
fn child_segment(stack: &[Open]) -> Segment {
    match stack.last() {
        None => Segment::Same,
        Some(open) => match (&open.node.value, &open.pending) {
            (Value::Seq(_), _) => Segment::Index(open.items()),
            (Value::Map(_), Some(key)) => match &key.value {
                Value::Scalar { text, .. } => Segment::Key(text.clone()),
                _ => Segment::Same,
            },
            _ => Segment::Same,
        },
    }
}

/// What the format expects of the node about to be added under the innermost open
/// collection (a key, or a value); `root` for the document itself.
fn child_shape(stack: &[Open], root: Shape) -> Shape {
    let Some(open) = stack.last() else {
        return root;
    };
    if open.dropping {
        return Shape::Skip;
    }
    match open.shape {
        Shape::Any => Shape::Any,
        Shape::Object(object) => match &open.pending {
            Some(Node {
                value: Value::Scalar { text, .. },
                ..
            }) => object
                .field(text)
                .map_or(Shape::Skip, |f| Shape::of(f.kind)),
            // A key: a list or mapping there is refused.
            _ => Shape::Scalar,
        },
        Shape::Items(object) | Shape::Entries(object, _) => Shape::Object(object),
        // A service's months; a key is a scalar.
        Shape::Services if open.pending.is_some() => Shape::Months,
        Shape::Words(_) | Shape::Months | Shape::Services | Shape::Scores => Shape::Scalar,
        Shape::Scalar | Shape::Skip => Shape::Skip,
    }
}

/// The field path of the node about to be added under the innermost open collection.
fn child_path(stack: &[Open]) -> String {
    let path = path_of(stack);
    match child_segment(stack) {
        Segment::Same => path,
        Segment::Key(key) => join(&path, &key),
        Segment::Index(i) => format!("{path}[{i}]"),
    }
}

/// `parent.key`, or `key` at the top.
pub(crate) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        // Without `format!`, whose machinery cost more than the rest of a customer's
        // field paths together.
        let mut path = String::with_capacity(parent.len() + 1 + key.len());
        path.push_str(parent);
        path.push('.');
        path.push_str(key);
        path
    }
}
