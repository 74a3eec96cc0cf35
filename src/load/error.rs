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
            let shown: String = text
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let pad = " ".repeat(col.saturating_sub(1).min(shown.chars().count()));
            write!(
                f,
                "\n{:gutter$} |\n{line} | {shown}\n{:gutter$} | {pad}^",
                "", ""
            )?;
        }
        Ok(())
    }
}
