//! Which characters a text field may hold, and where a refused one was written.
//!
//! Names, ids, services, tags and the like are "one line of text": they are printed in
//! reports, on terminals and in CI logs, where a line break, a carriage return or an
//! escape sequence (`\e[2K`) would rewrite what the reader sees. A quoted value can
//! write any of them as an escape (`"a\nb"`), so the loader checks the text the YAML
//! reader made, and points at the escape in the file.

/// Whether `c` is refused in a text field: control characters (C0 but the tab, DEL and
/// C1), the Unicode line and paragraph separators, and the bidirectional embeddings,
/// overrides and isolates, which reorder what a terminal shows. A `multi_line` field
/// (`description`) may also hold line breaks.
pub(crate) fn refused(c: char, multi_line: bool) -> bool {
    match c {
        '\t' => false,
        '\n' => !multi_line,
        '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The first refused character of `text`, with its index in characters.
pub(crate) fn first_refused(text: &str, multi_line: bool) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| refused(c, multi_line))
}

/// How a refused character reads in a "found ..." message.
pub(crate) fn describe(c: char) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    match c {
        '\n' => "a line break (`\\n`)".into(),
        '\r' => "a carriage return (`\\r`)".into(),
        '\u{1b}' => format!("the control character {code} (escape)"),
        '\u{7f}' => format!("the control character {code} (delete)"),
        '\u{2028}' => format!("a line separator ({code})"),
        '\u{2029}' => format!("a paragraph separator ({code})"),
        c if c.is_control() => format!("the control character {code}"),
        _ => format!("the bidirectional control character {code}"),
    }
}

/// Where the `index`th character of a scalar's text was written, as a column offset
/// from the scalar's first character on `line` (the line it starts on, from its first
/// character on). Plain and quoted scalars are followed along their first line; an
/// escape (`\e`, `\x1b`, `\u2028`) is placed at its backslash. `None` when the
/// character is not on that line, or the scalar is a block (`|`, `>`).
pub(crate) fn written_at(line: &str, text: &str, index: usize) -> Option<usize> {
    let source: Vec<char> = line.chars().collect();
    match source.first()? {
        '"' => double_quoted(&source[1..], index).map(|i| i + 1),
        '\'' => single_quoted(&source[1..], index).map(|i| i + 1),
        '|' | '>' => None,
        _ => {
            // A plain scalar is its text as written, up to the end of its first line.
            let wanted = text.chars().nth(index)?;
            (source.get(index) == Some(&wanted)).then_some(index)
        }
    }
}

/// The offset in `source` (what follows the opening `"`) of the character or escape
/// that gives the `index`th character.
fn double_quoted(source: &[char], index: usize) -> Option<usize> {
    let (mut at, mut n) = (0, 0);
    while let Some(&c) = source.get(at) {
        if c == '"' {
            return None;
        }
        let width = if c == '\\' {
            // A backslash at the end of the line joins the next one: no character.
            match source.get(at + 1)? {
                'x' => 4,
                'u' => 6,
                'U' => 10,
                _ => 2,
            }
        } else {
            1
        };
        if n == index {
            return Some(at);
        }
        n += 1;
        at += width;
    }
    None
}

/// The offset in `source` (what follows the opening `'`) of the character that gives
/// the `index`th character; `''` is one quote.
fn single_quoted(source: &[char], index: usize) -> Option<usize> {
    let (mut at, mut n) = (0, 0);
    while let Some(&c) = source.get(at) {
        let width = match (c, source.get(at + 1)) {
            ('\'', Some('\'')) => 2,
            ('\'', _) => return None,
            _ => 1,
        };
        if n == index {
            return Some(at);
        }
        n += 1;
        at += width;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_refuse_controls_and_separators() {
        for c in [
            '\n', '\r', '\0', '\u{1b}', '\u{7f}', '\u{85}', '\u{2028}', '\u{202e}',
        ] {
            assert!(refused(c, false), "{c:?}");
        }
        for c in ['\t', ' ', 'é', '\u{200f}', '\u{a0}'] {
            assert!(!refused(c, false), "{c:?}");
        }
        assert!(!refused('\n', true));
        assert!(refused('\r', true));
        assert_eq!(first_refused("ab\u{1b}[2K\r", false), Some((2, '\u{1b}')));
        assert_eq!(first_refused("a\nb", true), None);
    }

    #[test]
    fn escapes_are_placed_at_their_backslash() {
        // name: "a\e[2K\rb"
        let line = r#""a\e[2K\rb""#;
        let text = "a\u{1b}[2K\rb";
        assert_eq!(written_at(line, text, 1), Some(2));
        assert_eq!(written_at(line, text, 5), Some(7));
        assert_eq!(written_at(r#""\x1b\u2028\U0000001b!""#, "", 2), Some(11));
        assert_eq!(written_at("'it''s\u{1b}'", "it's\u{1b}", 4), Some(6));
        assert_eq!(written_at("a\u{1b}b", "a\u{1b}b", 1), Some(1));
        assert_eq!(written_at(">-", "a\nb", 1), None);
        assert_eq!(written_at("\"ab\\", "ab c", 3), None);
    }

    #[test]
    fn refused_characters_are_named() {
        assert_eq!(describe('\n'), "a line break (`\\n`)");
        assert_eq!(describe('\u{1b}'), "the control character U+001B (escape)");
        assert_eq!(describe('\u{85}'), "the control character U+0085");
        assert_eq!(
            describe('\u{202e}'),
            "the bidirectional control character U+202E"
        );
    }
}
