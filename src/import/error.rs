//! Why an import failed: one message naming the file, the line, the column and the value
//! found, and what was expected. Nothing is written when an import fails.

use std::fmt;

/// An import that cannot go on. Every variant is bad input or a bad command line (exit 2).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// A value in a download, or the download itself, is not what the import reads.
    #[error("{}", located(.file, *.line, .column.as_deref(), .found, .expected))]
    Located {
        /// The download, as named on the command line.
        file: String,
        /// The line (1 is the header), when the problem has one.
        line: Option<u64>,
        /// The column's name as the header spells it, when the problem is in one.
        column: Option<String>,
        /// What was found, quoted where it is a value.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// Values no table maps, each with its row count: the import never guesses.
    #[error("{}", unmapped(.file, .column, .values, .option))]
    Unmapped {
        /// The download.
        file: String,
        /// The column holding the values.
        column: String,
        /// Each distinct value, the rows holding it and the first such line.
        values: Vec<(String, u64, u64)>,
        /// How to map them (an option), or why none exists.
        option: String,
    },
    /// The command line asks for something the import cannot do.
    #[error("{0}")]
    Usage(String),
}

impl ImportError {
    /// A located error, in one call.
    pub(crate) fn at(
        file: &str,
        line: Option<u64>,
        column: Option<&str>,
        found: impl Into<String>,
        expected: impl Into<String>,
    ) -> ImportError {
        ImportError::Located {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            found: found.into(),
            expected: expected.into(),
        }
    }
}

fn located(
    file: &str,
    line: Option<u64>,
    column: Option<&str>,
    found: &str,
    expected: &str,
) -> String {
    let mut m = file.to_string();
    if let Some(line) = line {
        m.push_str(&format!(":{line}"));
    }
    m.push_str(": ");
    if let Some(column) = column {
        m.push_str(&format!("{}: ", shown(column)));
    }
    m.push_str(&format!("found {found}, expected {expected}"));
    m
}

fn unmapped(file: &str, column: &str, values: &[(String, u64, u64)], option: &str) -> String {
    let first = values.first().map_or(0, |v| v.2);
    let mut m = format!(
        "{file}:{first}: {}: found {} value{} no table maps, expected one the import knows; {option}",
        shown(column),
        values.len(),
        if values.len() == 1 { "" } else { "s" },
    );
    for (value, rows, line) in values {
        m.push_str(&format!(
            "\n  `{}`: {rows} row{}, first on line {line}",
            shown(value),
            if *rows == 1 { "" } else { "s" }
        ));
    }
    m
}

/// Text from a download as it can be shown on one line: control characters escaped.
pub(crate) fn shown(text: &str) -> String {
    if text.chars().any(char::is_control) {
        text.escape_debug().to_string()
    } else {
        text.to_string()
    }
}

/// A value quoted for a message: `` `value` ``, or "an empty value".
pub(crate) fn quoted(value: &str) -> String {
    if value.trim().is_empty() {
        "an empty value".to_string()
    } else {
        format!("`{}`", shown(value))
    }
}

/// A count with its noun.
pub(crate) struct Count<'a>(pub u64, pub &'a str);

impl fmt::Display for Count<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}{}",
            self.0,
            self.1,
            if self.0 == 1 { "" } else { "s" }
        )
    }
}
