//! Errors that point at the source: file, line, column, field path, found, expected.

use std::fmt;

/// A file that could not be read as a partner situation or scenario.
///
/// Every error names the file; errors inside the file also carry the position, the
/// field path (such as `customers[2].acr.2024-13`), what was found there and what was
/// expected, and the source line so the message can show it with a caret.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line and column, when the problem is inside the file.
    pub position: Option<(usize, usize)>,
    /// The field path, such as `customers[2].acr.2024-13`; empty for the whole file.
    pub field: String,
    /// What was found, quoted where it is text from the file.
    pub found: String,
    /// What the format expects there.
    pub expected: String,
    /// The source line at `position`, for the caret display.
    pub source_line: Option<String>,
}

impl LoadError {
    /// A problem with the file as a whole (unreadable, too large, not UTF-8...).
    pub fn whole_file(file: &str, found: impl Into<String>, expected: impl Into<String>) -> Self {
        LoadError {
            file: file.to_string(),
            position: None,
            field: String::new(),
            found: found.into(),
            expected: expected.into(),
            source_line: None,
        }
    }

    /// A problem at a 1-based `line` and `col` of the file, shown with `source_line`.
    pub fn at(
        file: &str,
        (line, col): (usize, usize),
        field: &str,
        found: impl Into<String>,
        expected: impl Into<String>,
        source_line: Option<String>,
    ) -> Self {
        let mut e = LoadError::whole_file(file, found, expected);
        e.position = Some((line, col));
        e.field = field.to_string();
        e.source_line = source_line;
        e
    }

    /// The line number, when known.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: ", self.file)?,
            None => write!(f, "{}: ", self.file)?,
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        write!(f, "found {}, expected {}", self.found, self.expected)?;
        if let (Some((line, col)), Some(text)) = (self.position, &self.source_line) {
            let gutter = line.to_string().len();
            let (shown, caret) = excerpt(text, col);
            let pad = " ".repeat(caret);
            write!(
                f,
                "\n{:gutter$} |\n{line} | {shown}\n{:gutter$} | {pad}^",
                "", ""
            )?;
        }
        Ok(())
    }
}

/// Source lines longer than this are shown as an excerpt around the caret.
const SHOWN_WIDTH: usize = 100;

/// The source line as shown (tabs and control characters as spaces, a long line cut to
/// the part around `col`), and how many characters precede the caret. Only the part
/// shown is collected: a line may be a file of 100 MB.
fn excerpt(text: &str, col: usize) -> (String, usize) {
    let shown = |c: char| if c.is_control() { ' ' } else { c };
    let at = col.saturating_sub(1);
    // The characters up to the caret and half a width past it, or the whole line.
    let head: Vec<char> = text
        .chars()
        .take(at.max(SHOWN_WIDTH) + SHOWN_WIDTH + 1)
        .collect();
    let at = at.min(head.len());
    if head.len() <= SHOWN_WIDTH {
        return (head.into_iter().map(shown).collect(), at);
    }
    let start = at.saturating_sub(SHOWN_WIDTH / 2);
    let end = (start + SHOWN_WIDTH).min(head.len());
    let start = end.saturating_sub(SHOWN_WIDTH);
    let mut out = String::new();
    let mut caret = at - start;
    if start > 0 {
        out.push_str("...");
        caret += 3;
    }
    out.extend(head[start..end].iter().copied().map(shown));
    if end < head.len() {
        out.push_str("...");
    }
    (out, caret)
}

#[cfg(test)]
mod tests {
    use super::{excerpt, SHOWN_WIDTH};

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("x: {}!{}", "a".repeat(300), "b".repeat(300));
        let (shown, caret) = excerpt(&line, 304);
        assert_eq!(shown.chars().count(), 106);
        assert!(shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(shown.chars().nth(caret), Some('!'));
        assert_eq!(excerpt("a\tb", 3), ("a b".to_string(), 2));
        // A caret past the end of the line stays after its last character.
        assert_eq!(excerpt("ab", 9), ("ab".to_string(), 2));
        let exactly = "x".repeat(SHOWN_WIDTH);
        assert_eq!(excerpt(&exactly, 1), (exactly.clone(), 0));
        let (shown, caret) = excerpt(&format!("{exactly}!"), 101);
        assert_eq!(shown.chars().nth(caret), Some('!'));
    }
}
