//! The fast reader against the general one: wherever the fast reader reads a file to
//! the end, it must give exactly the general reader's events and positions.

use super::super::events::{Event, General, Mark, Source, Stop};
use super::super::tree::{self, Items, Node, Value};
use super::Fast;

/// All events to the end, or `None` where the reader stopped early.
fn events(mut source: impl Source) -> Option<Vec<(Event, Mark)>> {
    let mut out = Vec::new();
    loop {
        match source.next_event() {
            Ok((Event::StreamEnd, mark)) => {
                out.push((Event::StreamEnd, mark));
                return Some(out);
            }
            Ok(pair) => out.push(pair),
            Err(Stop::Syntax(_) | Stop::Unsupported) => return None,
        }
    }
}

/// Whether the fast reader read `text`; panics when it read it differently.
fn agrees(text: &str) -> bool {
    let Some(fast) = events(Fast::new(text)) else {
        return false;
    };
    let general = events(General::new(text));
    assert_eq!(
        Some(&fast),
        general.as_ref(),
        "the fast reader differs from yaml-rust2 on:\n{text}"
    );
    true
}

#[test]
fn reads_the_shapes_of_partner_files_as_yaml_rust2_does() {
    let shapes = [
        "as_of: 2024-12\n",
        "as_of: 2024-12",
        "a: 1\nb:",
        "a:\n",
        "# a comment\n\nas_of: 2024-12 # trailing\n\n# end\n",
        "as_of: 2024-12\ncustomers:\n  - id: c0\n    segment: smb\n    attribution: [PAL, CSP]\n    acr:\n      2023-01: 1234.56\n\n      2023-02: 7\n  - id: c1\n    segment:\n    attribution: []\n    acr:\npeople:\n- id: p\n  certifications:\n  - cert: x\n    earned: 2024-01-02\n",
        "a: 1\nb:\n- x\n-   y\nc:\n  -   id: q   # z\n      k: \"v w\"\n  - 's'\n# end\n\n",
        "a:\n  b: []\n  c: [ x ,y ]\n  d: [x,y]   # c\n",
        "name: \"Contoso: the partner\"\ndescription: 'a, b # c'\n",
        "name: Contoso Ltd.  \nid: a#b\nurl: http://x.y/z\n",
        "name: Müller GmbH\nid: é\nx: [é, ü]\n",
        "a:\n    b:\n        c: 1\n    d: 2\ne: 3\n",
        "customers:\n- id: a\n  acr: {2024-12: 1}\n",
        "customers:\n  - {id: a, segment: smb}\n  - acr: {2024-12: 1, 2023-12: 0.5} # c\n",
        "customers:\n  -\n    id: a\n",
        "a: b\n  c\n",
        "a: b: c\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\r\nb:\r\n  - x\r\n  - y: 2\r\n    z:\r\nc: [p, q]\r\n",
        "a: 1\rb: 2\n",
        "a: 1\r",
        "- a\n- b\n",
        "a: &x 1\nb: *x\n",
        "a: !t 1\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a: |\n  text\n",
        "a: \"q\\n\"\n",
        "a: 'it''s'\n",
        "a: [b, c\n",
        "a: 1\n a: 2\n",
        "a: 1\na: 2\n",
        "  a: 1\n  b: 2\n",
        "a:\n- b\n - c\n",
        "a: -5\n",
        "a: ~\nb: null\nc: \"\"\nd: ''\n",
        "a: [b,]\n",
        "a: [b] c\n",
        "a: \"b\" c\n",
        "a: \"b\"#c\n",
        "a: b #c\n",
        "a:   \nb: 1\n",
        "a: # only a comment\n  b: 1\n",
        "a:\n  - b: 1\n    c:\n  - d\n",
        "a:\n  - - b\n",
        "a:\n  - [b, c]\n  - \"d\"\n",
        "a: 1\n\n\n",
        "\u{feff}a: 1\n",
        "a: x\u{85}y\n",
        "a: 1,200\nb: [1,200]\n",
        "a: b\n# c\n  # d\nc: e\n",
    ];
    let read = shapes.iter().filter(|s| agrees(s)).count();
    // Most of these are outside the subset on purpose; the partner file shapes are not.
    assert!(agrees(shapes[5]) && agrees(shapes[6]) && agrees(shapes[7]));
    assert!(read >= 20, "the fast reader read only {read} shapes");
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: &[&str] = &[
    "id", "segment", "acr", "2024-12", "2023-01", "as_of", "a_b", "x.y", "k-1", "people", "a",
];
const VALUES: &[&str] = &[
    "{2024-12: 900, 2023-12: 1.5}",
    "{}",
    "{ x: 1 ,y: 2 }",
    "{id: a, segment: smb}",
    "{a:  b}",
    "smb",
    "1234.56",
    "0",
    "c12",
    "2024-12",
    "Contoso Ltd",
    "a#b",
    "http://x",
    "~",
    "null",
    "\"q\"",
    "'s'",
    "\"\"",
    "''",
    "[PAL]",
    "[PAL, CSP]",
    "[]",
    "[ a ,b ]",
    "é",
    "1,200",
    "x y",
    "v  ",
    "v # c",
    "a -",
    "[a-b, c.d]",
    "\"a: b # c\"",
    "'é ü'",
    "a :b",
    "a,b",
    "a[1]",
];
/// Values outside the subset or not valid at all, drawn now and then.
const ODD_VALUES: &[&str] = &[
    "{a:1}",
    "{a: }",
    "{a: [b]}",
    "{a: 1,}",
    "{a: 1, a: 2}",
    "{a: 1",
    "{a: 1} b",
    "{a, b}",
    "{a : 1}",
    "{a: b c}",
    "{2024-12: 1,200}",
    "{a: -1}",
    "{\"a\": 1}",
    "-5",
    "a: b",
    "[a",
    "{a: b}",
    "'it''s'",
    "\"a\\tb\"",
    "&x 1",
    "*x",
    "!t 1",
    "|",
    ">",
    "@a",
    "`a`",
    "%a",
    "a\tb",
    "[a,]",
    "b:",
    "? a",
    ": a",
    "[a] b",
    "\"a\" b",
    "[a -, b]",
    "[a b]",
    "[\"a\"]",
    "[a, [b]]",
    "\"a",
    "'a",
    "a\r",
    "[a]#c",
    "\"a\"#c",
];

/// A key, now and then one of a few, so that duplicates happen but do not dominate.
fn key(rng: &mut Rng) -> String {
    let key = rng.pick(KEYS);
    if rng.below(4) == 0 {
        key.to_string()
    } else {
        format!("{key}{}", rng.below(1000))
    }
}

fn value(rng: &mut Rng) -> &'static str {
    if rng.below(12) == 0 {
        rng.pick(ODD_VALUES)
    } else {
        rng.pick(VALUES)
    }
}

/// A document of nested mappings and lists, mostly well formed.
fn document(rng: &mut Rng) -> String {
    let mut out = String::new();
    let entries = 1 + rng.below(4);
    for _ in 0..entries {
        mapping_entry(rng, &mut out, 0, 0);
    }
    out
}

fn mapping_entry(rng: &mut Rng, out: &mut String, indent: usize, depth: usize) {
    let pad = " ".repeat(indent);
    let key = key(rng);
    match rng.below(if depth > 3 { 1 } else { 5 }) {
        0 | 1 => out.push_str(&format!("{pad}{key}: {}\n", value(rng))),
        2 => {
            out.push_str(&format!("{pad}{key}:\n"));
            let inner = indent + 1 + rng.below(4);
            for _ in 0..1 + rng.below(3) {
                mapping_entry(rng, out, inner, depth + 1);
            }
        }
        3 => {
            out.push_str(&format!("{pad}{key}:\n"));
            // Indentless or indented list.
            let dash = indent + rng.below(3);
            for _ in 0..1 + rng.below(3) {
                list_item(rng, out, dash, depth + 1);
            }
        }
        _ => out.push_str(&format!("{pad}{key}:\n")),
    }
    match rng.below(8) {
        0 => out.push_str(&format!("{pad}# note\n")),
        1 => out.push('\n'),
        _ => {}
    }
}

fn list_item(rng: &mut Rng, out: &mut String, dash: usize, depth: usize) {
    let pad = " ".repeat(dash);
    let gap = " ".repeat(1 + rng.below(3));
    match rng.below(3) {
        0 => out.push_str(&format!("{pad}-{gap}{}\n", value(rng))),
        _ => {
            let key_col = dash + 1 + gap.len();
            out.push_str(&format!("{pad}-{gap}{}: {}\n", key(rng), value(rng)));
            for _ in 0..rng.below(3) {
                mapping_entry(rng, out, key_col, depth + 1);
            }
        }
    }
}

/// A random small edit: a character inserted or removed, a line's indentation changed,
/// a line repeated or dropped.
pub(crate) fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return text.to_string();
    }
    let at = rng.below(chars.len());
    match rng.below(6) {
        0 => {
            chars.remove(at);
        }
        1 => {
            const INSERTED: &[char] = &[
                ' ',
                ' ',
                ' ',
                '-',
                ':',
                '#',
                '\n',
                '\n',
                '[',
                ']',
                ',',
                '"',
                '\'',
                'x',
                '1',
                '\t',
                'é',
                '{',
                '}',
                '&',
                '*',
                '!',
                '|',
                '>',
                '?',
                '%',
                '@',
                '`',
                '~',
                '\r',
                '\u{a0}',
                '\u{2028}',
                '\u{feff}',
                '\u{85}',
                '\u{1f600}',
                '.',
                '\\',
                '\0',
            ];
            chars.insert(at, INSERTED[rng.below(INSERTED.len())]);
        }
        _ => {
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            let i = rng.below(lines.len());
            match rng.below(4) {
                0 => lines[i].insert(0, ' '),
                1 if lines[i].starts_with(' ') => {
                    lines[i].remove(0);
                }
                2 => {
                    let copy = lines[i].clone();
                    lines.insert(i, copy);
                }
                _ => {
                    lines.remove(i);
                }
            }
            let mut joined = lines.join("\n");
            if rng.below(4) != 0 {
                joined.push('\n');
            }
            return joined;
        }
    }
    chars.into_iter().collect()
}

/// Now and then, the document as saved on Windows: every line break, or some, `\r\n`.
pub(crate) fn windows_line_breaks(rng: &mut Rng, doc: String) -> String {
    match rng.below(6) {
        0 => doc.replace('\n', "\r\n"),
        1 => doc
            .split_inclusive('\n')
            .map(|line| match line.strip_suffix('\n') {
                Some(line) if rng.below(2) == 0 => format!("{line}\r\n"),
                _ => line.to_string(),
            })
            .collect(),
        _ => doc,
    }
}

pub(crate) fn seed(default: u64) -> u64 {
    std::env::var("PCSCORE_FAST_READER_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

pub(crate) fn cases() -> usize {
    std::env::var("PCSCORE_FAST_READER_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000)
}

#[test]
fn generated_documents_read_the_same() {
    let mut rng = Rng(seed(0x9e37_79b9_7f4a_7c15));
    let (mut read, total) = (0, cases());
    for _ in 0..total {
        let doc = document(&mut rng);
        let doc = windows_line_breaks(&mut rng, doc);
        read += usize::from(agrees(&doc));
    }
    // Most generated documents are inside the subset, so the comparison means something.
    assert!(
        read * 4 > total,
        "the fast reader read only {read} of {total}"
    );
}

#[test]
fn mutated_documents_read_the_same_or_are_left_to_yaml_rust2() {
    let mut rng = Rng(seed(0x2545_f491_4f6c_dd1d));
    let (mut read, total) = (0, cases());
    for _ in 0..total {
        let doc = document(&mut rng);
        let mut doc = windows_line_breaks(&mut rng, doc);
        for _ in 0..1 + rng.below(3) {
            doc = mutate(&mut rng, &doc);
        }
        read += usize::from(agrees(&doc));
    }
    assert!(
        read * 10 > total,
        "the fast reader read only {read} of {total}"
    );
}

/// The tree, or the error, as text to compare.
fn tree_of(result: Result<Node, crate::load::LoadError>) -> String {
    match result {
        Ok(node) => format!("{node:?}"),
        Err(e) => format!("error: {e}"),
    }
}

/// Collects the items handed over while reading, as text.
#[derive(Default)]
struct Collect(Vec<(usize, String)>);

impl Items for Collect {
    fn item(&mut self, _: usize, index: usize, node: &Node) {
        self.0.push((index, format!("{node:?}")));
    }

    fn restart(&mut self) {
        self.0.clear();
    }
}

/// The whole tree builder, readers and fallback included: the same tree or the same
/// error as with yaml-rust2 alone; and handing over the items of `customers` one by one
/// hands over exactly the items the tree would have held.
fn same_tree(text: &str) -> bool {
    let both = tree::parse("f.yaml", text);
    let general = tree::parse_general("f.yaml", text);
    assert_eq!(
        tree_of(both),
        tree_of(general),
        "different trees for:\n{text}"
    );

    let mut items = Collect::default();
    let streamed = tree::parse_streaming("f.yaml", text, &["customers"], &mut items, None);
    let whole = tree::parse("f.yaml", text);
    match (streamed, whole) {
        (Ok(streamed), Ok(whole)) => {
            let kept = |root: &Node| {
                match &root.value {
                Value::Map(entries) => entries
                    .iter()
                    .find(|(k, _)| matches!(&k.value, Value::Scalar { text, .. } if text == "customers"))
                    .map(|(_, v)| match &v.value {
                        Value::Seq(items) => format!("{items:?}"),
                        _ => String::new(),
                    }),
                _ => None,
            }
            };
            let handed: Vec<&str> = items.0.iter().map(|(_, n)| n.as_str()).collect();
            assert!(items
                .0
                .iter()
                .enumerate()
                .all(|(i, (index, _))| i == *index));
            let handed = format!("[{}]", handed.join(", "));
            match kept(&whole) {
                Some(list) if list.len() > 2 => {
                    assert_eq!(handed, list, "different items for:\n{text}");
                    assert_eq!(kept(&streamed).as_deref(), Some("[]"));
                    return true;
                }
                _ => assert!(items.0.is_empty(), "items handed over for:\n{text}"),
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "different errors for:\n{text}"),
        (a, b) => panic!("streaming changed the outcome for:\n{text}\n{a:?}\n{b:?}"),
    }
    false
}

#[test]
fn the_tree_and_its_errors_are_the_same_with_either_reader() {
    let mut rng = Rng(seed(0x1234_5678_9abc_def1));
    let (mut streamed, total) = (0, cases());
    for _ in 0..total {
        // A list under `customers` at the top, between other entries.
        let mut doc = document(&mut rng);
        doc.push_str("customers:\n");
        let dash = rng.below(3);
        for _ in 0..1 + rng.below(3) {
            list_item(&mut rng, &mut doc, dash, 1);
        }
        doc.push_str(&document(&mut rng));
        let mut doc = windows_line_breaks(&mut rng, doc);
        for _ in 0..rng.below(3) {
            doc = mutate(&mut rng, &doc);
        }
        streamed += usize::from(same_tree(&doc));
    }
    assert!(
        streamed * 10 > total,
        "items were handed over in only {streamed} of {total}"
    );
}

#[test]
fn bytes_are_tested_eight_at_a_time_as_one_at_a_time() {
    let mut rng = Rng(seed(0x6a09_e667_f3bc_c908));
    for _ in 0..cases() * 5 {
        let len = rng.below(40);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(8) {
                0 => rng.below(256) as u8,
                1 => [b'\n', 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x00, 0xff][rng.below(8)],
                _ => b' ' + rng.below(95) as u8,
            })
            .collect();
        assert_eq!(
            super::find_newline(&bytes),
            bytes.iter().position(|&b| b == b'\n'),
            "{bytes:?}"
        );
        assert_eq!(
            super::printable_ascii(&bytes),
            bytes.iter().all(|b| (0x20..0x7f).contains(b)),
            "{bytes:?}"
        );
    }
}

/// A flow collection longer than a chunk is read a chunk at a time, with the events and
/// positions yaml-rust2 gives, whatever follows it on its line and below.
#[test]
fn long_flow_collections_are_read_a_chunk_at_a_time() {
    for n in [
        super::FLOW_CHUNK - 1,
        super::FLOW_CHUNK,
        super::FLOW_CHUNK + 1,
        2500,
    ] {
        let list: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
        let map: Vec<String> = (0..n).map(|i| format!("k{i}: {i}")).collect();
        for text in [
            format!("a: [{}]\nb: 1\n", list.join(", ")),
            format!("a:\n  - [{}]  # note\n  - x\n", list.join(",")),
            format!("a: {{{}}}\r\nb: [x]\r\n", map.join(", ")),
            format!("a:\n  b: {{{}}}\n", map.join(",  ")),
        ] {
            assert!(agrees(&text), "not read by the fast reader: {n} items");
        }
        // Not ASCII: left to the general reader past the first chunk.
        let text = format!("a: [{}]  # é\n", list.join(", "));
        assert_eq!(agrees(&text), n <= super::FLOW_CHUNK, "{n} items");
        // A mistake after a long list is the general reader's to explain.
        assert!(!agrees(&format!("a: [{}] b\n", list.join(", "))));
    }
}

thread_local! {
    /// Whether the fast reader gives month mappings whole (`Source::months`): off, for
    /// comparing what the loader makes of them either way.
    pub(crate) static WHOLE_MONTHS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    /// How many month mappings it gave whole.
    pub(crate) static WHOLE_MONTHS_TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// `key_month` reads a key exactly as the event path does: a flow word of 7 bytes
/// followed by `: ` (see `map_entries`), which `Month::parse` reads.
#[test]
fn a_key_is_a_month_exactly_when_month_parse_reads_it() {
    let mut rng = Rng(seed(0x51ce_5eed_0dd5_0001));
    const BYTES: &[u8] = b"0123456789-: /.:;xA\x7f\x00\xff";
    let mut months = 0;
    for _ in 0..cases() * 50 {
        let mut key = *b"2024-11: ";
        for _ in 0..rng.below(3) {
            key[rng.below(9)] = BYTES[rng.below(BYTES.len())];
        }
        if rng.below(4) == 0 {
            key[rng.below(9)] = rng.below(256) as u8;
        }
        let expected = match std::str::from_utf8(&key[..7]) {
            Ok(text) if key[7] == b':' && key[8] == b' ' => crate::model::Month::parse(text),
            _ => None,
        };
        assert_eq!(
            super::key_month(&key),
            expected,
            "{:?}",
            String::from_utf8_lossy(&key)
        );
        months += usize::from(expected.is_some());
    }
    assert!(months > cases(), "only {months} months");
    for year in [0, 1, 999, 2024, 9999] {
        for month in 0..=13 {
            let key = format!("{year:04}-{month:02}: ");
            let key: &[u8; 9] = key.as_bytes().try_into().expect("9 bytes");
            assert_eq!(
                super::key_month(key),
                crate::model::Month::new(year, month as u32),
                "{year}-{month}"
            );
        }
    }
}
