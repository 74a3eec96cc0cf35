//! Opening a download: the delimiter from the header line, a UTF-8 BOM skipped, column
//! names matched case-insensitively through their aliases, and rows streamed one at a
//! time with their line numbers (`IMPORT.OVERLAP`: the kind comes from the header).

use super::error::{quoted, ImportError};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// The kinds of download the import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Azure usage (`AzureUsage`).
    AzureUsage,
    /// Trainings, exams and certifications (`TrainingCompletions`).
    Trainings,
    /// Office 365 / Microsoft 365 usage.
    M365Usage,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::AzureUsage => "an Azure usage download",
            Kind::Trainings => "a trainings and certifications download",
            Kind::M365Usage => "a Microsoft 365 usage download",
        }
    }

    /// The kind a header is: the column only that kind has.
    fn of(header: &[String]) -> Option<Kind> {
        let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
        if has("ACR_USD") || has("ServiceLevel2") {
            Some(Kind::AzureUsage)
        } else if has("TrainingTitle") || has("TrainingType") {
            Some(Kind::Trainings)
        } else if has("WorkloadName") || has("PaidAvailableUnits") {
            Some(Kind::M365Usage)
        } else {
            None
        }
    }
}

/// Names that are the same column.
const ALIASES: &[&[&str]] = &[
    &["PartnerID", "MPNID", "MpnId"],
    &["PGAPartnerID", "PGAMpnID"],
    &[
        "PartnerAttributionType",
        "PartnerAttachType",
        "PartnerAssociationType",
    ],
    &["IsACRDuplicateAtMPNLevel", "IsDuplicateAtMPNLevel"],
];

/// The longest header line read to find the delimiter; a longer one is not a download.
const HEADER_LIMIT: u64 = 64 * 1024;

/// An open download, positioned on its first row.
pub(crate) struct Download {
    /// The file as named on the command line.
    pub(crate) name: String,
    /// The header's names, as written.
    pub(crate) header: Vec<String>,
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
}

impl Download {
    /// Opens `path` and checks that its header is the header of `want`.
    pub(crate) fn open(path: &Path, want: Kind) -> Result<Download, ImportError> {
        let name = path.display().to_string();
        let refuse = |found: String, expected: &str| {
            ImportError::at(&name, None, None, found, expected.to_string())
        };
        let mut file = File::open(path).map_err(|e| {
            refuse(
                match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file".into(),
                    _ => format!("a file that cannot be read ({e})"),
                },
                "a readable CSV or TSV download",
            )
        })?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(refuse("a folder".into(), "a CSV or TSV download"));
        }
        let mut first = Vec::new();
        BufReader::new((&mut file).take(HEADER_LIMIT))
            .read_until(b'\n', &mut first)
            .map_err(|e| refuse(format!("a read error ({e})"), "a readable download"))?;
        let bom = first.starts_with(b"\xEF\xBB\xBF");
        let line = if bom { &first[3..] } else { &first[..] };
        let at1 = |found: String, expected: &str| {
            ImportError::at(&name, Some(1), None, found, expected.to_string())
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            return Err(refuse(
                "an empty file".into(),
                "a CSV or TSV download starting with its header line",
            ));
        }
        if !line.ends_with(b"\n") && first.len() as u64 >= HEADER_LIMIT {
            return Err(at1(
                format!("no end of line in the first {HEADER_LIMIT} bytes"),
                "a CSV or TSV header line",
            ));
        }
        let text = std::str::from_utf8(line)
            .ok()
            .filter(|t| !t.contains('\0'))
            .ok_or_else(|| {
                at1(
                    "binary data (not UTF-8 text)".into(),
                    "a CSV or TSV download (UTF-8 text)",
                )
            })?;
        let delimiter = delimiter(text);
        file.seek(SeekFrom::Start(if bom { 3 } else { 0 }))
            .map_err(|e| refuse(format!("a read error ({e})"), "a readable download"))?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(BufReader::with_capacity(1 << 16, file));
        let header: Vec<String> = reader
            .byte_headers()
            .map_err(|e| csv_error(&name, &e))?
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        match Kind::of(&header) {
            Some(kind) if kind == want => {}
            Some(kind) => {
                return Err(at1(
                    format!("the header of {}", kind.name()),
                    &format!(
                        "the header of {} (the kind comes from the header)",
                        want.name()
                    ),
                ))
            }
            None => {
                return Err(at1(
                    format!("the header {}", quoted(text.trim_end())),
                    &format!("the header of {} (CSV or TSV)", want.name()),
                ))
            }
        }
        Ok(Download {
            name,
            header,
            reader,
            record: csv::ByteRecord::new(),
        })
    }

    /// The index of the column called `name` or one of its aliases.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        let names: &[&str] = ALIASES
            .iter()
            .find(|group| group.iter().any(|a| a.eq_ignore_ascii_case(name)))
            .copied()
            .unwrap_or(std::slice::from_ref(&name));
        self.header
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }

    /// The index of a needed column, or the error naming it.
    pub(crate) fn need(&self, name: &str) -> Result<usize, ImportError> {
        self.find(name).ok_or_else(|| {
            ImportError::at(
                &self.name,
                Some(1),
                None,
                format!("no column `{name}` in the header"),
                format!(
                    "the columns of {} (`{name}` is needed; names are matched case-insensitively)",
                    self.kind_name()
                ),
            )
        })
    }

    fn kind_name(&self) -> &'static str {
        Kind::of(&self.header).map_or("the download", Kind::name)
    }

    /// The next row and its line, or `None` at the end.
    pub(crate) fn next(&mut self) -> Result<Option<Row<'_>>, ImportError> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let line = self.record.position().map_or(0, csv::Position::line);
                Ok(Some(Row {
                    file: &self.name,
                    header: &self.header,
                    record: &self.record,
                    line,
                }))
            }
            Err(e) => Err(csv_error(&self.name, &e)),
        }
    }
}

/// The delimiter of a header line: a tab when it holds more tabs than commas.
fn delimiter(header: &str) -> u8 {
    let tabs = header.matches('\t').count();
    let commas = header.matches(',').count();
    if tabs > commas {
        b'\t'
    } else {
        b','
    }
}

fn csv_error(file: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map(csv::Position::line);
    match e.kind() {
        csv::ErrorKind::Io(io) => ImportError::at(
            file,
            line,
            None,
            format!("a read error ({io})"),
            "a readable download",
        ),
        _ => ImportError::at(
            file,
            line,
            None,
            format!("text that is not CSV ({e})"),
            "a CSV or TSV row",
        ),
    }
}

/// One row of a download.
pub(crate) struct Row<'a> {
    file: &'a str,
    header: &'a [String],
    record: &'a csv::ByteRecord,
    /// The row's line in the file.
    pub(crate) line: u64,
}

impl<'a> Row<'a> {
    /// The trimmed text of column `i` (empty when the row is short).
    pub(crate) fn get(&self, i: usize) -> Result<&'a str, ImportError> {
        let bytes = self.record.get(i).unwrap_or_default();
        let text = std::str::from_utf8(bytes).map_err(|_| {
            self.error(i, "bytes that are not UTF-8 text".to_string(), "UTF-8 text")
        })?;
        let text = text.trim();
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            return Err(self.error(
                i,
                format!("{} (a control character {c:?})", quoted(text)),
                "text on one line without control characters",
            ));
        }
        Ok(text)
    }

    /// The text of an optional column.
    pub(crate) fn opt(&self, i: Option<usize>) -> Result<&'a str, ImportError> {
        i.map_or(Ok(""), |i| self.get(i))
    }

    /// An error about column `i` of this row.
    pub(crate) fn error(&self, i: usize, found: String, expected: &str) -> ImportError {
        let column = self.header.get(i).map_or("?", String::as_str);
        ImportError::at(self.file, Some(self.line), Some(column), found, expected)
    }
}
