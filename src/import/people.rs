//! The trainings and certifications download (`IMPORT.PEOPLE`): one person per address,
//! certification rows read, exams, courses, trainings and assessments skipped, titles
//! mapped to the rulebook's slugs.

use super::columns::{Download, Kind};
use super::dates;
use super::error::{quoted, ImportError};
use crate::rulebook::Rulebook;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A certification as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Cert {
    pub(crate) earned: NaiveDate,
    pub(crate) cert: String,
    pub(crate) expires: Option<NaiveDate>,
}

/// A person as written.
#[derive(Debug)]
pub(crate) struct Person {
    pub(crate) id: String,
    pub(crate) certifications: Vec<Cert>,
}

/// The download read, with the counts for the header.
#[derive(Debug)]
pub(crate) struct Trainings {
    pub(crate) file: String,
    pub(crate) rows: u64,
    pub(crate) read: u64,
    pub(crate) skipped: BTreeMap<String, u64>,
    pub(crate) unknown_titles: BTreeSet<String>,
    pub(crate) people: Vec<Person>,
}

/// Types whose rows are skipped, each counted under its own name.
const SKIPPED: [&str; 4] = ["Exam", "Course", "Training", "Assessment"];

/// Reads the download.
pub(crate) fn read(path: &Path, book: &Rulebook) -> Result<Trainings, ImportError> {
    let mut d = Download::open(path, Kind::Trainings)?;
    let title = d.need("TrainingTitle")?;
    let kind = d.need("TrainingType")?;
    let completed = d.need("TrainingCompletionDate")?;
    let expiration = d.need("ExpirationDate")?;
    let who = [d.find("CorpEmail"), d.find("Email"), d.find("MCPID")];
    if who.iter().all(Option::is_none) {
        return Err(ImportError::at(
            &d.name,
            Some(1),
            None,
            "no column `CorpEmail`, `Email` or `MCPID` in the header",
            "one of them, to tell people apart",
        ));
    }
    let titles = titles(book);
    let mut t = Trainings {
        file: d.name.clone(),
        rows: 0,
        read: 0,
        skipped: BTreeMap::new(),
        unknown_titles: BTreeSet::new(),
        people: Vec::new(),
    };
    let mut unknown_types: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut people: BTreeMap<String, BTreeSet<Cert>> = BTreeMap::new();
    while let Some(row) = d.next()? {
        t.rows += 1;
        let type_text = row.get(kind)?;
        if !type_text.eq_ignore_ascii_case("Certification") {
            match SKIPPED.iter().find(|s| s.eq_ignore_ascii_case(type_text)) {
                Some(s) => *t.skipped.entry((*s).to_string()).or_default() += 1,
                None => {
                    let e = unknown_types
                        .entry(type_text.to_string())
                        .or_insert((0, row.line));
                    e.0 += 1;
                }
            }
            continue;
        }
        let mut address = "";
        for column in who.iter().flatten() {
            address = row.get(*column)?;
            if !address.is_empty() {
                break;
            }
        }
        if address.is_empty() {
            let first = who.iter().flatten().next().copied().unwrap_or(0);
            return Err(row.error(
                first,
                "no CorpEmail, Email or MCPID in this row".into(),
                "a person's address or MCP id in one of them",
            ));
        }
        let title_text = row.get(title)?;
        if title_text.is_empty() {
            return Err(row.error(title, "an empty value".into(), "the certification's title"));
        }
        let earned_text = row.get(completed)?;
        let earned = dates::date(earned_text)
            .ok_or_else(|| row.error(completed, quoted(earned_text), dates::DATE))?;
        let expires_text = row.get(expiration)?;
        let expires = if expires_text.is_empty() {
            None
        } else {
            let e = dates::date(expires_text).ok_or_else(|| {
                row.error(
                    expiration,
                    quoted(expires_text),
                    &format!("{} or blank for no expiry", dates::DATE),
                )
            })?;
            if e < earned {
                return Err(row.error(
                    expiration,
                    quoted(expires_text),
                    &format!("a date on or after the completion date {earned}"),
                ));
            }
            Some(e)
        };
        let cert = match lookup(&titles, title_text) {
            Some(slug) => slug.to_string(),
            None => {
                t.unknown_titles.insert(title_text.to_string());
                title_text.to_string()
            }
        };
        t.read += 1;
        people
            .entry(address.to_lowercase())
            .or_default()
            .insert(Cert {
                earned,
                cert,
                expires,
            });
    }
    if t.rows == 0 {
        return Err(ImportError::at(
            &t.file,
            Some(1),
            None,
            "a header and no rows",
            "at least one row of trainings",
        ));
    }
    if !unknown_types.is_empty() {
        let mut values: Vec<(String, u64, u64)> = unknown_types
            .into_iter()
            .map(|(v, (n, l))| (v, n, l))
            .collect();
        values.sort_by_key(|v| v.2);
        return Err(ImportError::Unmapped {
            file: t.file,
            column: "TrainingType".into(),
            values,
            option: "`Certification` rows are read and `Exam`, `Course`, `Training` and `Assessment` rows skipped; no option maps other types".into(),
        });
    }
    let mut used = BTreeSet::new();
    for (address, certs) in people {
        let local = address.split('@').next().unwrap_or(&address);
        let mut base = super::slug(local);
        if base.is_empty() {
            base = "person".into();
        }
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        t.people.push(Person {
            id,
            certifications: certs.into_iter().collect(),
        });
    }
    t.people.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(t)
}

/// The rulebook's certifications by lower-cased title, slug and exam code.
fn titles(book: &Rulebook) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for c in &book.certifications {
        let title = c.title.to_lowercase();
        // Microsoft dropped "Azure" from some titles ("DevOps Engineer Expert"), so a
        // title matches with or without it.
        let bare = title.strip_prefix("azure ").map(str::to_string);
        for name in [
            Some(title),
            bare,
            Some(c.slug.to_lowercase()),
            Some(c.exam.to_lowercase()),
        ]
        .into_iter()
        .flatten()
        {
            map.insert(name, c.slug.clone());
        }
    }
    map
}

fn lookup<'a>(titles: &'a HashMap<String, String>, title: &str) -> Option<&'a str> {
    let t = title.trim().to_lowercase();
    let bare = ["microsoft certified:", "microsoft 365 certified:"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(&t)
        .trim();
    titles
        .get(bare)
        .or_else(|| titles.get(bare.strip_prefix("azure ")?))
        .map(String::as_str)
}
