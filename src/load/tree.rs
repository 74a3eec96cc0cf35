//! YAML text to a small tree that remembers where every node came from.
//!
//! The scenario format is small, so the loader reads YAML events itself rather than
//! going through serde: that keeps every scalar's exact text (money stays exact), lets
//! duplicate keys be refused with their line, and bounds nesting and aliases so a
//! hostile file cannot exhaust memory.

use super::error::LoadError;
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
                return Err(error(
                    m.line(),
                    m.col() + 1,
                    &path_of(&stack),
                    format!("invalid YAML ({})", e.info()),
                    "well-formed YAML (check the indentation and the `:` after each key)",
                ));
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
                    &path_of(&stack),
                    "an alias (`*name`)".into(),
                    "plain values: anchors and aliases are not supported in scenario files",
                ))
            }
            Event::Scalar(text, style, anchor, tag) => {
                refuse_anchor_or_tag(anchor, tag.is_some())
                    .map_err(|what| error(line, col, &path_of(&stack), what, PLAIN))?;
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
                refuse_anchor_or_tag(anchor, tag.is_some())
                    .map_err(|what| error(line, col, &path_of(&stack), what, PLAIN))?;
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
                Value::Seq(items) => items.push(node),
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
                    Some(key) => entries.push((key, node)),
                },
                Value::Scalar { .. } => {}
            },
        }
    }
    match root {
        Some(node) if !node.is_null() => Ok(node),
        _ => Err(LoadError::whole_file(
            file,
            "an empty file",
            "a YAML mapping with at least `as_of` (see docs/scenario-format.md)",
        )),
    }
}

const PLAIN: &str = "plain values: anchors, aliases and tags are not supported in scenario files";

fn refuse_anchor_or_tag(anchor: usize, tagged: bool) -> Result<(), String> {
    if anchor != 0 {
        Err("an anchor (`&name`)".into())
    } else if tagged {
        Err("a YAML tag (`!...`)".into())
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
