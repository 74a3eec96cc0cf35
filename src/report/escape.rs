//! Text from files made safe to print: on a terminal or in a text report
//! ([`one_line`]), and in Markdown ([`markdown`], [`markdown_code`]).
//!
//! Names, ids, services and descriptions come from analysts' files, and a file can hold
//! anything YAML can quote: `"\e[2K\r"` erases a terminal line and rewrites it, a newline
//! forges a line of a report, `<img onerror=...>` at the start of a Markdown line is raw
//! HTML. Every report passes such text through these functions, whatever the loader
//! already refuses, so a report is safe on its own.

use std::borrow::Cow;

/// Text shown on one line: control characters (C0, DEL, C1), line and paragraph
/// separators and bidirectional controls are written visibly, as `\n`, `\r`, `\t`, `\e`
/// (escape) or `\u{..}`, so no name can move the cursor, recolour, erase or add a line,
/// or reorder what a reader sees. Anything else, backslashes included, is kept as is:
/// a Windows path must still read as one. Borrowed when nothing needs escaping.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        push_visible(&mut out, ch);
    }
    Cow::Owned(out)
}

/// Whether a character could change what a terminal or a reader shows around it.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn push_visible(out: &mut String, ch: char) {
    match ch {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{1b}' => out.push_str("\\e"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// Each line of a multi-line text (an error message with its caret drawing), made
/// safe with [`one_line`]; a line break inside the text only ever ends a line.
pub fn visible_lines(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split('\n')
        .map(|l| one_line(l.strip_suffix('\r').unwrap_or(l)))
}

/// A path as [`one_line`] shows it: a file name can hold a line break too.
pub fn one_line_path(p: &std::path::Path) -> String {
    one_line(&p.display().to_string()).into_owned()
}

/// Where Markdown text goes: what may follow it decides what must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Inside a table cell or after other text on a line: nothing can start a block.
    Inline,
    /// At the start of a line, a heading, a quote or a list item: a leading `#`, `>`,
    /// `-`, `+`, `=` or `1.` would start a block of its own, so it is escaped.
    LineStart,
}

/// Text for Markdown, the one escaping every Markdown report uses.
///
/// Backtick code spans are kept where a CommonMark reader would see them (a run of
/// backticks closed by a later run of the same length), because the engine writes
/// identifiers that way; their content is shown literally by any reader, and only `|`
/// is escaped in it so that a table keeps its columns. Everywhere else, what Markdown
/// reads as markup is escaped: `\ * _ [ | ~` and an unpaired backtick with a backslash,
/// `<` and `>` as `&lt;` `&gt;`, an `&` that would start an entity as `&amp;`. Control
/// characters and line breaks are shown as in [`one_line`], so no text can end a table
/// row or start a line of raw HTML.
pub(crate) fn markdown(s: &str, place: Place) -> String {
    let s = one_line(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut at = 0;
    if place == Place::LineStart {
        if let Some(marker) = block_marker(&chars) {
            // Escaping the marker's punctuation (`\#`, `12\.`) keeps it as text.
            plain(&chars, 0, marker, &mut out);
            out.push('\\');
            out.push(chars[marker]);
            at = marker + 1;
        }
    }
    let runs = backtick_runs(&chars);
    let mut r = 0;
    while r < runs.len() {
        let (start, len) = runs[r];
        let closer = runs[r + 1..].iter().position(|&(_, l)| l == len);
        let Some(k) = closer.map(|k| r + 1 + k) else {
            // Opens nothing: plain backticks.
            plain(&chars, at, start, &mut out);
            out.push_str(&"\\`".repeat(len));
            at = start + len;
            r += 1;
            continue;
        };
        let (end, _) = runs[k];
        let content: String = chars[start + len..end].iter().collect();
        plain(&chars, at, start, &mut out);
        if pipe_after_backslash(&content) {
            // A table reads `\\|` as an escaped backslash and a cell border, and a code
            // span cannot escape the backslash: show this one as plain text.
            plain(&chars, start, end + len, &mut out);
        } else {
            let fence = "`".repeat(len);
            out.push_str(&fence);
            out.push_str(&content.replace('|', "\\|"));
            out.push_str(&fence);
        }
        at = end + len;
        r = k + 1;
    }
    plain(&chars, at, chars.len(), &mut out);
    out
}

/// An identifier as a Markdown code span that survives any content: the fence is longer
/// than any backtick run inside, padded when the content begins or ends with a backtick
/// or a space (which a reader would otherwise take or strip), `|` escaped for tables.
/// Control characters are shown as in [`one_line`].
pub(crate) fn markdown_code(s: &str) -> String {
    let s = one_line(s);
    if pipe_after_backslash(&s) {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len() + 8);
        plain(&chars, 0, chars.len(), &mut out);
        return out;
    }
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && s.trim() != "")
    {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", s.replace('|', "\\|"))
}

/// Whether a `|` follows an odd run of backslashes: a table would end the cell there.
fn pipe_after_backslash(s: &str) -> bool {
    let mut backslashes = 0;
    for c in s.chars() {
        if c == '|' && backslashes % 2 == 1 {
            return true;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    false
}

/// The runs of backticks: where each starts and how long it is.
fn backtick_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let start = i;
            while i < chars.len() && chars[i] == '`' {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

/// Text outside code spans, escaped; `from..to` of `chars` (which holds no line break).
fn plain(chars: &[char], from: usize, to: usize, out: &mut String) {
    let word = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_alphanumeric())
    };
    for k in from..to {
        let ch = chars[k];
        match ch {
            // An underscore inside a word (`net_customer_adds`) is never emphasis.
            '_' if word(k.checked_sub(1)) && word(Some(k + 1)) => out.push(ch),
            '\\' | '*' | '_' | '[' | '|' | '~' | '`' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Only an ampersand that would start an entity needs escaping; `Digital &
            // App` stays readable in the source.
            '&' if entity_like(&chars[k + 1..]) => out.push_str("&amp;"),
            _ => out.push(ch),
        }
    }
}

fn entity_like(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Where the punctuation is that would make text at the start of a line open a
/// heading, quote, list, thematic break or setext underline; up to three spaces of
/// indentation change nothing.
fn block_marker(chars: &[char]) -> Option<usize> {
    let at = chars.iter().take(3).take_while(|c| **c == ' ').count();
    match chars.get(at) {
        Some('#' | '>' | '-' | '+' | '=') => Some(at),
        Some(c) if c.is_ascii_digit() => {
            let digits = chars[at..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            matches!(chars.get(at + digits), Some('.' | ')')).then_some(at + digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> String {
        markdown(s, Place::Inline)
    }

    #[test]
    fn one_line_shows_control_characters() {
        assert_eq!(one_line("plain Müller"), "plain Müller");
        assert!(matches!(one_line("plain"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\u{1b}[2K\rpass"), "a\\e[2K\\rpass");
        assert_eq!(one_line("one\ntwo\tthree"), "one\\ntwo\\tthree");
        assert_eq!(one_line("\u{7}\u{7f}\u{9b}"), "\\u{7}\\u{7f}\\u{9b}");
        assert_eq!(one_line("a\u{2028}b\u{202e}c"), "a\\u{2028}b\\u{202e}c");
        assert_eq!(one_line(r"C:\scenarios\a.yaml"), r"C:\scenarios\a.yaml");
    }

    #[test]
    fn visible_lines_split_only_at_line_breaks() {
        let shown: Vec<_> = visible_lines("first\r\nsecond \u{1b}[31m\n").collect();
        assert_eq!(shown, ["first", "second \\e[31m", ""]);
    }

    #[test]
    fn markup_in_data_is_escaped_but_engine_code_spans_are_kept() {
        assert_eq!(cell("a|b *c* `x|y`"), "a\\|b \\*c\\* `x\\|y`");
        assert_eq!(cell("<script>"), "&lt;script&gt;");
        assert_eq!(cell("odd ` tick"), "odd \\` tick");
        assert_eq!(cell("net_customer_adds _x_"), "net_customer_adds \\_x\\_");
        assert_eq!(cell("Digital & App &amp;"), "Digital & App &amp;amp;");
        assert_eq!(cell("`<b>` stays code"), "`<b>` stays code");
    }

    #[test]
    fn a_line_break_never_reaches_the_output() {
        assert_eq!(
            cell("evil\n<img src=x onerror=alert(1)>"),
            // `\\n` is the visible `\n` with its backslash escaped: a reader shows `\n`.
            "evil\\\\n&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(cell("`a\nb`"), "`a\\nb`");
        assert_eq!(markdown_code("a\r\n<img>"), "`a\\r\\n<img>`");
        for hostile in ["x\n# heading", "x\r\n| a | b |", "x\u{2028}y", "`a\n<b>`"] {
            assert!(!cell(hostile).contains(['\n', '\r', '\u{2028}']));
            assert!(!markdown_code(hostile).contains(['\n', '\r', '\u{2028}']));
        }
    }

    #[test]
    fn backticks_that_close_nothing_cannot_leave_html_outside_a_code_span() {
        // The single backtick finds no single closer, so a reader shows `<img>` as
        // text: it must be escaped there.
        assert_eq!(cell("a `<img>``"), "a \\`&lt;img&gt;\\`\\`");
        assert_eq!(cell("``x` y``"), "``x` y``");
    }

    #[test]
    fn a_backslash_before_a_pipe_in_code_cannot_split_a_cell() {
        assert_eq!(cell("`a\\|b`"), "\\`a\\\\\\|b\\`");
        assert_eq!(markdown_code("a\\|b"), "a\\\\\\|b");
        assert_eq!(markdown_code("a\\\\|b"), "`a\\\\\\|b`");
    }

    #[test]
    fn code_spans_survive_any_content() {
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x"), "`` `x ``");
        assert_eq!(markdown_code(" x "), "`  x  `");
        assert_eq!(markdown_code("plain"), "`plain`");
    }

    #[test]
    fn a_block_marker_is_escaped_only_at_the_start_of_a_line() {
        for (lead, shown) in [
            ("# h", "\\# h"),
            ("> q", "\\> q"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("=== x", "\\=== x"),
            ("12. x", "12\\. x"),
            ("3) x", "3\\) x"),
            ("  # h", "  \\# h"),
        ] {
            assert_eq!(markdown(lead, Place::LineStart), shown, "{lead:?}");
        }
        assert_eq!(markdown("-1 (loss)", Place::Inline), "-1 (loss)");
        assert_eq!(markdown("12 points", Place::LineStart), "12 points");
        assert_eq!(markdown("    # code", Place::LineStart), "    # code");
    }
}
