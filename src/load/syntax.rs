//! YAML syntax errors in the analyst's words.
//!
//! The YAML reader reports where it gave up and why, in the grammar's terms ("while
//! parsing a block collection, did not find expected '-' indicator"), often a line or
//! two after the real mistake. This module turns the common cases (tabs, indentation,
//! a missing `:`, an unclosed quote or bracket, reserved characters, deep nesting) into
//! a found/expected pair and moves the position to the mistake itself. Anything else
//! keeps the reader's own words, marked as such.

/// A syntax error, explained: where it is and the found/expected pair.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Explained {
    pub line: usize,
    pub col: usize,
    pub found: String,
    pub expected: String,
    /// The mistake follows a complete value, so the field is that value's, not the
    /// collection's that holds it.
    pub after_value: bool,
}

/// Where a flow collection (`[...]` or `{...}`) that is still open began.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OpenFlow {
    pub bracket: char,
    pub line: usize,
    pub col: usize,
}

const INDENTATION: &str =
    "each field lined up with the other fields of its mapping, and each `- ` \
     lined up with the other items of its list (indent with spaces)";

/// Explains the reader's message `info`, reported at the 1-based `line` and `col` of
/// `source`, with `open` the innermost flow collection still open at that point.
pub(crate) fn explain(
    info: &str,
    line: usize,
    col: usize,
    source: &str,
    max_depth: usize,
    open: Option<OpenFlow>,
) -> Explained {
    let lines: Vec<&str> = source.lines().collect();
    let r = Reported {
        info,
        line,
        col,
        lines: &lines,
    };
    find_tab(info, line, &lines)
        .or_else(|| r.long_key())
        .or_else(|| {
            info.contains("recursion limit exceeded").then(|| {
                r.here(
                    format!("nesting deeper than {max_depth} levels"),
                    "the flat shape of the scenario format",
                )
            })
        })
        .or_else(|| r.unclosed_flow(open))
        .or_else(|| r.unclosed_quote())
        .or_else(|| r.unknown_escape())
        .or_else(|| r.stray_closing_bracket())
        .or_else(|| r.reserved_character())
        .or_else(|| r.misplaced_colon_or_dash())
        .or_else(|| r.after_value())
        .or_else(|| r.indentation())
        .or_else(|| r.flow_separator())
        .or_else(|| r.misread_character())
        .unwrap_or_else(|| {
            r.here(
                format!("text that is not valid YAML here (the YAML reader says: {info})"),
                "well-formed YAML: `key: value` lines and `- ` list items, indented with spaces",
            )
        })
}

/// An explanation at `line`, `col`.
fn at(line: usize, col: usize, found: String, expected: &str) -> Explained {
    Explained {
        line,
        col,
        found,
        expected: expected.to_string(),
        after_value: false,
    }
}

/// The reader's report: its message, where it stopped, and the source lines.
struct Reported<'a> {
    info: &'a str,
    line: usize,
    col: usize,
    lines: &'a [&'a str],
}

impl Reported<'_> {
    fn text(&self, line: usize) -> &str {
        self.lines.get(line.wrapping_sub(1)).copied().unwrap_or("")
    }

    /// Where the reader stopped.
    fn here(&self, found: String, expected: &str) -> Explained {
        at(self.line, self.col, found, expected)
    }

    /// At the start of the line where the reader stopped (for indentation).
    fn line_start(&self, found: String, expected: &str) -> Explained {
        let text = self.text(self.line);
        let col = if text.trim().is_empty() {
            self.col
        } else {
            first_content_col(text)
        };
        at(self.line, col, found, expected)
    }

    /// A key longer than YAML allows on one line: the reader stops looking for its `:`
    /// after 1024 characters, then reports whatever follows, often as indentation.
    fn long_key(&self) -> Option<Explained> {
        let here = (self.line, self.text(self.line));
        let before = previous_content_line(self.lines, self.line);
        [Some(here), before]
            .into_iter()
            .flatten()
            .find_map(|(line, text)| {
                let (col, length) = key_length(text)?;
                (length > MAX_KEY_CHARS).then(|| {
                    at(
                        line,
                        col,
                        format!("a key of {length} characters"),
                        &format!(
                            "a key of at most {MAX_KEY_CHARS} characters (YAML's limit for a key \
                         written before its `:`)"
                        ),
                    )
                })
            })
    }

    /// A `[` or `{` left open on an earlier line: the reader stops wherever the rest of
    /// the file stops making sense, but the mistake is the bracket.
    fn unclosed_flow(&self, open: Option<OpenFlow>) -> Option<Explained> {
        let flow = open.filter(|f| f.line < self.line || self.line > self.lines.len())?;
        if closed_on_its_line(self.text(flow.line), flow.col) {
            return None;
        }
        let (close, what, example) = match flow.bracket {
            '[' => (']', "list", "`[PAL, DPOR]`"),
            _ => ('}', "mapping", "`{2024-12: 1200}`"),
        };
        Some(at(
            flow.line,
            flow.col,
            format!("a `{}` that is not closed", flow.bracket),
            &format!("a `{close}` to end the {what}, such as {example}"),
        ))
    }

    fn unclosed_quote(&self) -> Option<Explained> {
        if !self.info.contains("quoted scalar") {
            return None;
        }
        let rest: String = self
            .text(self.line)
            .chars()
            .skip(self.col.saturating_sub(1))
            .collect();
        let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        (!rest[1..].contains(quote)).then(|| {
            self.here(
                format!("a quoted text that is not closed on its line (`{quote}`)"),
                &format!("a closing `{quote}` at the end of the text"),
            )
        })
    }

    /// `"C:\temp"`: in double quotes a backslash starts an escape such as `\n`.
    fn unknown_escape(&self) -> Option<Explained> {
        let info = self.info;
        if !(info.contains("quoted scalar")
            && (info.contains("escape") || info.contains("hexadecimal")))
        {
            return None;
        }
        // The first escape the reader would refuse: an unknown letter, or a `\x`, `\u`
        // or `\U` without its hexadecimal digits.
        let known = |c: char| "0abt\tnvfre \"/\\N_LPxuU".contains(c);
        let numeric = |c: char| matches!(c, 'x' | 'u' | 'U');
        let chars: Vec<char> = self.text(self.line).chars().collect();
        let mut i = self.col.saturating_sub(1);
        let mut col = self.col;
        while i + 1 < chars.len() {
            if chars[i] == '\\' {
                let next = chars[i + 1];
                if !known(next) || (numeric(next) && !info.contains("unknown escape")) {
                    col = i + 1;
                    break;
                }
                i += 2;
            } else {
                i += 1;
            }
        }
        let escape: String = chars.iter().skip(col - 1).take(2).collect();
        Some(at(
            self.line,
            col,
            format!("`{escape}`, an escape YAML does not know, in double quotes"),
            "`\\\\` for a backslash in double quotes, or single quotes, where a backslash is plain text",
        ))
    }

    /// A `]` or `}` at the start of a line that closes nothing.
    fn stray_closing_bracket(&self) -> Option<Explained> {
        let text = self.text(self.line);
        let first = text.trim_start().chars().next()?;
        (matches!(first, ']' | '}') && self.col == first_content_col(text)).then(|| {
            self.here(
                format!("a `{first}` that closes nothing"),
                "a `[` or `{` opened before it on the same value, or no bracket at all",
            )
        })
    }

    fn reserved_character(&self) -> Option<Explained> {
        let c = self
            .info
            .strip_prefix("unexpected character: `")
            .and_then(|rest| rest.chars().next())?;
        let value = token_at(self.text(self.line), self.col);
        Some(if c == '`' {
            self.here(
                "a value that starts with a backquote, which YAML reserves".into(),
                "quotes around the value",
            )
        } else {
            self.here(
                format!("`{value}`, a value that starts with `{c}`, which YAML reserves"),
                &format!("quotes around the value, such as `\"{value}\"`"),
            )
        })
    }

    /// A `:` or `- ` where YAML cannot place it: two on one line, a key without its `:`
    /// on the line before (the reader only notices on the next line), or indentation.
    fn misplaced_colon_or_dash(&self) -> Option<Explained> {
        let info = self.info;
        if info.contains("block sequence entries are not allowed") {
            return Some(self.here(
                "a `- ` list item after a key on the same line".into(),
                "the list items on their own lines below the key, or quotes around a value \
                 that starts with `- `",
            ));
        }
        if !info.contains("mapping values are not allowed") && !info.contains("simple key expect") {
            return None;
        }
        let before: String = self
            .text(self.line)
            .chars()
            .take(self.col.saturating_sub(1))
            .collect();
        if info.contains("mapping values") && unquoted(&before).contains(": ") {
            return Some(self.here(
                "a second `: ` on one line".into(),
                "one `key: value` per line (put quotes around a value that contains `: `)",
            ));
        }
        if let Some((prev, text)) = previous_content_line(self.lines, self.line) {
            let trimmed = text.trim_start();
            if !trimmed.starts_with('-') && !unquoted(text).contains(':') {
                return Some(at(
                    prev,
                    first_content_col(text),
                    format!("`{}`, a line without `:`", trimmed.trim_end()),
                    "`key: value`, with a `:` and a space after the key",
                ));
            }
        }
        Some(self.line_start(
            "a line indented so that YAML cannot tell what it belongs to".into(),
            INDENTATION,
        ))
    }

    /// Text after a complete value on the same line: `[PAL] DPOR`, `"Contoso" attains`.
    fn after_value(&self) -> Option<Explained> {
        let text = self.text(self.line);
        let trailing = (self.info.contains("did not find expected key")
            && self.col > first_content_col(text))
            || self.info.contains("trailing content");
        trailing.then(|| Explained {
            after_value: true,
            ..self.here(
                format!("`{}` after the end of the value", token_at(text, self.col)),
                "nothing more on the line after a `[...]`, `{...}` or quoted value, \
                 except a comment starting with ` #`",
            )
        })
    }

    fn indentation(&self) -> Option<Explained> {
        let info = self.info;
        (info.contains("did not find expected '-' indicator")
            || info.contains("did not find expected key")
            || info.contains("\"-\" is only valid inside a block")
            || info == "invalid indentation")
            .then(|| {
                self.line_start(
                    "a line indented so that YAML cannot tell what it belongs to".into(),
                    INDENTATION,
                )
            })
    }

    /// A character YAML gives a meaning the analyst did not intend: `|` or `>` starting
    /// a block of text, `%` starting a directive, `#` glued to a value, or a stray
    /// bracket or comma where a value belongs.
    fn misread_character(&self) -> Option<Explained> {
        let info = self.info;
        let text = self.text(self.line);
        if info.contains("while scanning a block scalar") {
            let before: Vec<char> = text.chars().take(self.col).collect();
            let col = before
                .iter()
                .rposition(|c| matches!(c, '|' | '>'))
                .map_or(self.col, |i| i + 1);
            return Some(at(
                self.line,
                col,
                "a value that starts with `|` or `>`, which YAML reads as the start of a \
                 block of text"
                    .into(),
                "quotes around a value that starts with `|` or `>` (or the block's text on \
                 the lines below it)",
            ));
        }
        if info.contains("while scanning a directive") {
            return Some(at(
                self.line,
                1,
                "a line that starts with `%`, which YAML reads as a directive".into(),
                "a key at the start of the line (or quotes around a value that starts with `%`)",
            ));
        }
        if info.contains("comments must be separated") {
            return Some(self.here(
                "a `#` right after a value".into(),
                "a space before the `#` of a comment (or quotes around a value that contains `#`)",
            ));
        }
        if info.contains("did not find expected node content") {
            let token = token_at(text, self.col);
            let token = if token.is_empty() {
                text.chars().nth(self.col.wrapping_sub(1)).map(String::from)
            } else {
                Some(token)
            };
            return Some(self.here(
                token.filter(|t| !t.trim().is_empty()).map_or_else(
                    || "no value where one must come".into(),
                    |t| format!("`{t}` where a value must come"),
                ),
                "a value, a `[...]` list or a `{...}` mapping (a `,` only separates items)",
            ));
        }
        None
    }

    /// Inside a `[...]` or `{...}` closed on its line: something where a `,` belongs.
    fn flow_separator(&self) -> Option<Explained> {
        [(']', "`[...]` list"), ('}', "`{...}` mapping")]
            .into_iter()
            .find(|(close, _)| self.info.contains(&format!("',' or '{close}'")))
            .map(|(close, what)| {
                let token = token_at(self.text(self.line), self.col);
                let found = if token.is_empty() {
                    format!("the end of the {what} without its `{close}`")
                } else {
                    format!("`{token}` where a `,` or `{close}` must come")
                };
                self.here(
                    found,
                    &format!("the items of the {what} separated by `,` and closed by `{close}`"),
                )
            })
    }
}

/// A tab the reader tripped over: in the indentation of the reported line, or, when the
/// reader complains of a tab or of missing whitespace, elsewhere on that line, or (for a
/// tab) in the indentation of the few lines after it.
fn find_tab(info: &str, line: usize, lines: &[&str]) -> Option<Explained> {
    let text = lines.get(line.wrapping_sub(1))?;
    let indent_tab = |text: &str| {
        text.chars()
            .take_while(|c| c.is_whitespace())
            .position(|c| c == '\t')
    };
    let in_line = || text.chars().position(|c| c == '\t').map(|i| (line, i + 1));
    let below = || {
        lines
            .iter()
            .enumerate()
            .skip(line)
            .take(3)
            .find_map(|(i, t)| indent_tab(t).map(|c| (i + 1, c + 1)))
    };
    let hit = match indent_tab(text) {
        Some(i) => Some((line, i + 1)),
        None if info.contains("tab") => in_line().or_else(below),
        None if info.contains("whitespace") => in_line(),
        None => None,
    }?;
    let (line, col) = hit;
    let text = lines[line - 1];
    let in_indent = text.chars().take(col - 1).all(char::is_whitespace);
    Some(if in_indent {
        Explained {
            line,
            col,
            found: "a tab in the indentation".into(),
            expected: "spaces: YAML indents with spaces, never tabs".into(),
            after_value: false,
        }
    } else {
        Explained {
            line,
            col,
            found: "a tab".into(),
            expected: "a space (YAML does not allow a tab here)".into(),
            after_value: false,
        }
    })
}

/// The longest key yaml-rust2 reads in block context, in characters.
const MAX_KEY_CHARS: usize = 1024;

/// For a line that starts (after its indentation and any `- `) with a key and its `: `,
/// the key's 1-based column and its length in characters, quotes included.
fn key_length(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = first_content_col(text) - 1;
    while chars.get(start) == Some(&'-') && chars.get(start + 1) == Some(&' ') {
        start += 1;
        while chars.get(start) == Some(&' ') {
            start += 1;
        }
    }
    let mut quote: Option<char> = None;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i == start => quote = Some(c),
            (None, ':') if matches!(chars.get(i + 1), None | Some(' ')) => {
                return Some((start + 1, i - start));
            }
            (None, '#') if i > start && chars[i - 1] == ' ' => return None,
            _ => {}
        }
    }
    None
}

/// Whether the bracket at 1-based `col` of `text` is closed on the same line.
fn closed_on_its_line(text: &str, col: usize) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in text.chars().skip(col.saturating_sub(1)) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => break,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            // Inside quotes, and any other character: nothing to count.
            _ => {}
        }
    }
    false
}

/// `text` without quoted parts and without a trailing comment.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => break,
            (None, c) => out.push(c),
        }
        prev = c;
    }
    out
}

/// The last line before `line` with something other than blanks and comments.
fn previous_content_line<'t>(lines: &[&'t str], line: usize) -> Option<(usize, &'t str)> {
    (1..line.min(lines.len() + 1))
        .rev()
        .map(|n| (n, lines[n - 1]))
        .find(|(_, t)| {
            let t = t.trim();
            !t.is_empty() && !t.starts_with('#')
        })
}

/// The 1-based column of the first character that is not a space or tab.
fn first_content_col(text: &str) -> usize {
    text.chars()
        .position(|c| !c.is_whitespace())
        .map_or(1, |i| i + 1)
}

/// The word at 1-based `col`: up to whitespace, a comma or a closing bracket.
fn token_at(text: &str, col: usize) -> String {
    text.chars()
        .skip(col.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain_str(info: &str, line: usize, col: usize, source: &str) -> (usize, usize, String) {
        let e = explain(info, line, col, source, 64, None);
        (e.line, e.col, e.found)
    }

    #[test]
    fn a_tab_is_found_where_it_is() {
        let source = "customers:\n  - id: contoso\n\tsegment: smb\n";
        let (line, col, found) =
            explain_str("while scanning a plain scalar, found a tab", 2, 9, source);
        assert_eq!(
            (line, col, found.as_str()),
            (3, 1, "a tab in the indentation")
        );
    }

    #[test]
    fn a_line_without_colon_is_blamed_rather_than_the_next() {
        let source = "as_of 2024-12\ncustomers: []\n";
        let (line, col, found) = explain_str(
            "mapping values are not allowed in this context",
            2,
            10,
            source,
        );
        assert_eq!(
            (line, col, found.as_str()),
            (1, 1, "`as_of 2024-12`, a line without `:`")
        );
    }

    #[test]
    fn what_cannot_be_explained_keeps_the_readers_words() {
        let e = explain("something new", 1, 3, "a: b\n", 64, None);
        assert_eq!(
            e.found,
            "text that is not valid YAML here (the YAML reader says: something new)"
        );
        assert_eq!((e.line, e.col), (1, 3));
    }

    #[test]
    fn keys_are_measured_from_their_first_character_to_their_colon() {
        assert_eq!(key_length("abc: 1"), Some((1, 3)));
        assert_eq!(key_length("  - - abc:"), Some((7, 3)));
        assert_eq!(key_length("  \"a: b\": 1"), Some((3, 6)));
        assert_eq!(key_length("abc # d: e"), None);
        assert_eq!(key_length("- plain value"), None);
    }

    #[test]
    fn brackets_are_matched_outside_quotes() {
        assert!(closed_on_its_line("a: [b, \"]\", c]", 4));
        assert!(!closed_on_its_line("a: [b, \"]\", c", 4));
        assert!(!closed_on_its_line("a: [b, c # ]", 4));
    }
}
