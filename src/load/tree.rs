//! YAML text to a small tree that remembers where every node came from.
//!
//! The scenario format is small, so the loader reads YAML events itself rather than
//! going through serde: that keeps every scalar's exact text (money stays exact), lets
//! duplicate keys be refused with their line, and bounds nesting and aliases so a
//! hostile file cannot exhaust memory.

use super::error::LoadError;
use super::syntax::{self, OpenFlow};
use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

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
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
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
            Value::Map(_) => "a mapping".to_string(),
        }
    }
}

/// A collection being built: its node, its field path, and for a mapping the key
/// waiting for its value and the keys seen so far (with their lines).
struct Open {
    node: Node,
    path: String,
    pending: Option<Node>,
    keys: HashMap<String, usize>,
}

/// Parses one YAML document into a tree, or explains why not.
pub(crate) fn parse(file: &str, source: &str) -> Result<Node, LoadError> {
    let mut parser = Parser::new_from_str(source);
    // Positions are repaired by looking at the source; index its lines once, so that
    // looking costs the same on line 1 and on line 1,000,000.
    let lines: Vec<&str> = source.lines().collect();
    // Open collections with the key path leading to them, for error messages.
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let error = |line: usize, col: usize, field: &str, found: String, expected: &str| LoadError {
        file: file.to_string(),
        position: Some((line, col)),
        field: field.to_string(),
        found,
        expected: expected.to_string(),
        source_line: source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_string),
    };
    let path_of =
        |stack: &[Open]| -> String { stack.last().map(|o| o.path.clone()).unwrap_or_default() };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(pair) => pair,
            Err(e) => {
                let m = e.marker();
                let open = stack.iter().rev().find_map(|o| {
                    let (line, col) = (o.node.line, o.node.col);
                    let text = lines.get(line.checked_sub(1)?)?;
                    let bracket = text.chars().nth(col.checked_sub(1)?)?;
                    matches!(bracket, '[' | '{').then_some(OpenFlow { bracket, line, col })
                });
                let x = syntax::explain(e.info(), m.line(), m.col() + 1, source, MAX_DEPTH, open);
                let field = match stack.last() {
                    Some(Open {
                        node,
                        path,
                        pending,
                        ..
                    }) if x.after_value => match &node.value {
                        // The value is either still waiting for its key's entry (a quoted
                        // scalar) or the last entry (a closed `[...]`).
                        Value::Map(entries) => {
                            match pending.as_ref().or_else(|| entries.last().map(|(k, _)| k)) {
                                Some(Node {
                                    value: Value::Scalar { text, .. },
                                    ..
                                }) => join(path, text),
                                _ => path.clone(),
                            }
                        }
                        Value::Seq(items) if !items.is_empty() => {
                            format!("{path}[{}]", items.len() - 1)
                        }
                        _ => path.clone(),
                    },
                    _ => path_of(&stack),
                };
                return Err(error(x.line, x.col, &field, x.found, &x.expected));
            }
        };
        let (line, col) = (mark.line(), mark.col() + 1);
        let is_map = matches!(event, Event::MappingStart(..));
        let node = match event {
            Event::StreamEnd => break,
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => continue,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(error(
                        line,
                        col,
                        "",
                        "a second YAML document".into(),
                        "one document per file (remove the `---` line)",
                    ));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(error(
                    line,
                    col,
                    &child_path(&stack),
                    "an alias (`*name`)".into(),
                    "plain values: anchors and aliases are not supported in scenario files",
                ))
            }
            Event::Scalar(text, style, anchor, tag) => {
                refuse_anchor_or_tag(anchor, tag.is_some(), (line, col), &lines)
                    .map_err(|(l, c, what)| error(l, c, &child_path(&stack), what, PLAIN))?;
                Node {
                    line,
                    col,
                    value: Value::Scalar {
                        text,
                        plain: style == TScalarStyle::Plain,
                    },
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                refuse_anchor_or_tag(anchor, tag.is_some(), (line, col), &lines)
                    .map_err(|(l, c, what)| error(l, c, &child_path(&stack), what, PLAIN))?;
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        line,
                        col,
                        &path_of(&stack),
                        format!("nesting deeper than {MAX_DEPTH} levels"),
                        "the flat shape of the scenario format",
                    ));
                }
                let value = if is_map {
                    Value::Map(Vec::new())
                } else {
                    Value::Seq(Vec::new())
                };
                let path = child_path(&stack);
                stack.push(Open {
                    node: Node { line, col, value },
                    path,
                    pending: None,
                    keys: HashMap::new(),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(open) => open.node,
                None => continue,
            },
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open {
                node: parent,
                path,
                pending,
                keys,
            }) => match &mut parent.value {
                Value::Seq(items) => {
                    let mut node = node;
                    if is_empty(&node) {
                        (node.line, node.col) = after_dash(node.line, node.col, &lines);
                    }
                    items.push(node);
                }
                Value::Map(entries) => match pending.take() {
                    None => {
                        let key = match &node.value {
                            Value::Scalar { text, .. } => text.clone(),
                            _ => {
                                return Err(error(
                                    node.line,
                                    node.col,
                                    path,
                                    format!("{} used as a key", node.describe()),
                                    "a plain key such as `id` or `2024-12`",
                                ))
                            }
                        };
                        if entries.is_empty() && (node.line, node.col) < (parent.line, parent.col) {
                            // The reader places a block mapping at its first `:`; point at
                            // its first key instead, where a "missing field" caret belongs.
                            (parent.line, parent.col) = (node.line, node.col);
                        }
                        if let Some(first_line) = keys.get(&key) {
                            let field = join(path, &key);
                            return Err(error(
                                node.line,
                                node.col,
                                &field,
                                format!(
                                    "the key `{key}` a second time (first at line {first_line})"
                                ),
                                "each key once in a mapping",
                            ));
                        }
                        keys.insert(key, node.line);
                        *pending = Some(node);
                    }
                    Some(key) => {
                        let mut node = node;
                        if is_empty(&node) || (node.line > key.line && is_blank(&node)) {
                            (node.line, node.col) = after_key(&key, &lines);
                        }
                        entries.push((key, node));
                    }
                },
                Value::Scalar { .. } => {}
            },
        }
    }
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
        )),
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
fn after_key(key: &Node, lines: &[&str]) -> (usize, usize) {
    let Value::Scalar { text, plain: true } = &key.value else {
        return (key.line, key.col);
    };
    let line = lines.get(key.line.wrapping_sub(1)).copied().unwrap_or("");
    let colon = key.col - 1 + text.chars().count();
    match line.chars().nth(colon) {
        Some(':') => (key.line, colon + 2),
        _ => (key.line, key.col),
    }
}

/// Just after the `-` of an empty list item (a `-` with nothing after it on its line).
/// The reader places the empty item where it noticed it, at the next token: a later
/// line, so the dash is on the last line before that one with something on it.
fn after_dash(line: usize, col: usize, lines: &[&str]) -> (usize, usize) {
    let before = &lines[..line.saturating_sub(1).min(lines.len())];
    let previous = before.iter().enumerate().rev().find_map(|(i, text)| {
        let uncommented = match text.find(" #") {
            Some(at) => &text[..at],
            None => text,
        };
        let trimmed = uncommented.trim_end();
        (!trimmed.is_empty() && !trimmed.trim_start().starts_with('#')).then_some((i, trimmed))
    });
    match previous {
        Some((i, text)) if text.ends_with('-') => (i + 1, text.chars().count() + 1),
        _ => (line, col),
    }
}

/// The `&` or `!` of an anchor or tag written before the node at `line`, `col`.
fn back_to(marker: char, line: usize, col: usize, lines: &[&str]) -> (usize, usize) {
    let text = lines.get(line.wrapping_sub(1)).copied().unwrap_or("");
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
    anchor: usize,
    tagged: bool,
    (line, col): (usize, usize),
    lines: &[&str],
) -> Result<(), (usize, usize, String)> {
    let at = |marker| back_to(marker, line, col, lines);
    if anchor != 0 {
        let (line, col) = at('&');
        Err((line, col, "an anchor (`&name`)".into()))
    } else if tagged {
        let (line, col) = at('!');
        Err((line, col, "a YAML tag (`!...`)".into()))
    } else {
        Ok(())
    }
}

/// The field path of the node about to be added under the innermost open collection.
fn child_path(stack: &[Open]) -> String {
    match stack.last() {
        None => String::new(),
        Some(Open {
            node: parent,
            path,
            pending,
            ..
        }) => match (&parent.value, pending) {
            (Value::Seq(items), _) => format!("{path}[{}]", items.len()),
            (Value::Map(_), Some(key)) => match &key.value {
                Value::Scalar { text, .. } => join(path, text),
                _ => path.clone(),
            },
            _ => path.clone(),
        },
    }
}

/// `parent.key`, or `key` at the top.
pub(crate) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}
