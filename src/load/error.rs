//! Errors that point at the source: file, line, column, field path, found, expected.

use std::fmt;

/// What kind of problem an error reports, for programs that sort or count errors
/// (`check --format json` and `junit` carry it as `kind`). The message says the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or folder does not exist.
    NotFound,
    /// The file or folder exists but cannot be read or listed.
    Unreadable,
    /// A folder where a file was expected.
    NotAFile,
    /// The file is larger than pcscore reads.
    TooLarge,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file holds no fields: empty, or only comments and blank lines.
    Empty,
    /// The text is not YAML: a tab, a missing colon, an unclosed quote or bracket...
    Syntax,
    /// YAML the format does not allow: anchors, aliases, tags, a second document,
    /// deep nesting, a key that is not plain text.
    UnsupportedYaml,
    /// A field the format does not have (a typo must never score zero silently).
    UnknownField,
    /// A required field that is missing or empty.
    MissingField,
    /// A value of the wrong shape or out of range: a month 13, a negative amount...
    BadValue,
    /// A key or an id written twice.
    Duplicate,
    /// A reference to something not listed: a deployment's customer.
    UnknownReference,
    /// The edition chosen for the file has no rules for its designation
    /// (`EDITION.MISSING`).
    EditionMissing,
    /// A scenario name an earlier file of the run already uses.
    DuplicateName,
    /// The engine could not score the file, at no one place in it (amounts too large
    /// to compute exactly).
    Unscorable,
}

impl ErrorKind {
    /// The kind as a word for reports: `unknown_field`, `bad_value`...
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::NotAFile => "not_a_file",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::NotUtf8 => "not_utf8",
            ErrorKind::Empty => "empty",
            ErrorKind::Syntax => "syntax",
            ErrorKind::UnsupportedYaml => "unsupported_yaml",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::BadValue => "bad_value",
            ErrorKind::Duplicate => "duplicate",
            ErrorKind::UnknownReference => "unknown_reference",
            ErrorKind::EditionMissing => "edition_missing",
            ErrorKind::DuplicateName => "duplicate_name",
            ErrorKind::Unscorable => "unscorable",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file that could not be read as a partner situation or scenario.
///
/// Every error names the file and its [`ErrorKind`]; errors inside the file also carry
/// the position, the field path (such as `customers[2].acr.2024-13`), what was found
/// there and what was expected, and the source line so the message can show it with a
/// caret. The fields stay typed up to the report: JSON and JUnit carry each one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// What kind of problem this is.
    pub kind: ErrorKind,
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
    /// A problem with the file as a whole (unreadable, too large, not UTF-8...), of the
    /// kind [`ErrorKind::Unreadable`] unless [`LoadError::with_kind`] says otherwise.
    pub fn whole_file(file: &str, found: impl Into<String>, expected: impl Into<String>) -> Self {
        LoadError {
            kind: ErrorKind::Unreadable,
            file: file.to_string(),
            position: None,
            field: String::new(),
            found: found.into(),
            expected: expected.into(),
            source_line: None,
        }
    }

    /// The same error, of another kind.
    #[must_use]
    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
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
        // A located problem is a bad value unless its maker says otherwise.
        let mut e = LoadError::whole_file(file, found, expected).with_kind(ErrorKind::BadValue);
        e.position = Some((line, col));
        e.field = field.to_string();
        e.source_line = source_line;
        e
    }

    /// The line number, when known.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The column, counted in characters from 1, when known.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
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
    use super::{excerpt, ErrorKind, SHOWN_WIDTH};
    use crate::load::{load_file, load_str};

    /// Each kind of problem, with the field it is reported at.
    #[test]
    fn every_load_error_has_its_kind() {
        let cases: &[(&str, ErrorKind, &str)] = &[
            ("", ErrorKind::Empty, ""),
            ("# only a comment\n", ErrorKind::Empty, ""),
            ("as_of: [2024-12\n", ErrorKind::Syntax, "as_of"),
            ("as_of: &a 2024-12\n", ErrorKind::UnsupportedYaml, "as_of"),
            ("as_of: 2024-12\n---\nas_of: 2024-11\n", ErrorKind::UnsupportedYaml, ""),
            ("as_of: 2024-12\nas_of: 2024-11\n", ErrorKind::Duplicate, "as_of"),
            ("as_of: 2024-12\nparnter: x\n", ErrorKind::UnknownField, "parnter"),
            ("name: n\n", ErrorKind::MissingField, "as_of"),
            ("as_of: 2024-13\n", ErrorKind::BadValue, "as_of"),
            ("as_of: 2024-12\n\0\n", ErrorKind::Syntax, ""),
            ("as_of: 2024-12\nname: \"a\\e\"\n", ErrorKind::BadValue, "name"),
            (
                "as_of: 2024-12\npeople: [{id: a}, {id: a}]\n",
                ErrorKind::Duplicate,
                "people[1].id",
            ),
            (
                "as_of: 2024-12\ndeployments: [{customer: x, service: s, service_level: 2, month: 2024-01}]\n",
                ErrorKind::UnknownReference,
                "deployments[0].customer",
            ),
        ];
        for (text, kind, field) in cases {
            let e = load_str(text, "f.yaml").expect_err(text);
            assert_eq!((e.kind, e.field.as_str()), (*kind, *field), "{text:?}: {e}");
        }
    }

    #[test]
    fn a_missing_file_and_a_folder_have_their_kinds() {
        let dir = std::env::temp_dir().join(format!("pcscore-error-kinds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let missing = load_file(&dir.join("no-such.yaml")).expect_err("missing");
        assert_eq!(missing.kind, ErrorKind::NotFound);
        assert_eq!(missing.line(), None);
        let folder = load_file(&dir).expect_err("a folder");
        assert_eq!(folder.kind, ErrorKind::NotAFile);
        std::fs::write(dir.join("latin1.yaml"), b"as_of: 2024-12\nname: caf\xe9\n").expect("write");
        let latin1 = load_file(&dir.join("latin1.yaml")).expect_err("not UTF-8");
        assert_eq!(latin1.kind, ErrorKind::NotUtf8);
        assert_eq!((latin1.line(), latin1.column()), (Some(2), Some(10)));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn kinds_read_as_snake_case_words() {
        assert_eq!(ErrorKind::UnknownField.to_string(), "unknown_field");
        assert_eq!(ErrorKind::NotUtf8.as_str(), "not_utf8");
    }

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
