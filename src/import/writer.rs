//! The partner file an import writes (`IMPORT.OUTPUT`): a header comment naming each
//! download, its rows and the rows skipped and why; then the situation, every list in
//! a fixed order, so the same downloads always give the same bytes (`IMPORT.ROUNDTRIP`).

use super::azure::{Resolved, Usage};
use super::error::Count;
use super::people::Trainings;
use super::units;
use crate::model::Month;
use std::fmt::Write as _;

/// What the file is made of.
pub(crate) struct Parts<'a> {
    pub(crate) designation: &'a str,
    pub(crate) as_of: Month,
    pub(crate) usage: Option<(&'a Usage, &'a Resolved)>,
    pub(crate) trainings: Option<&'a Trainings>,
}

/// The partner file's text.
pub(crate) fn write(p: &Parts<'_>) -> String {
    let mut o = String::new();
    header(&mut o, p);
    let _ = writeln!(o, "designation: {}", p.designation);
    let _ = writeln!(o, "as_of: {}", p.as_of);
    if let Some((_, r)) = p.usage {
        if !r.customers.is_empty() {
            o.push_str("\ncustomers:\n");
        }
        for c in &r.customers {
            let _ = write!(o, "  - id: {}", scalar(&c.id));
            let name = comment_text(&c.name);
            if name.is_empty() {
                let _ = writeln!(o, "  # tenant {}", comment_text(&c.tenant));
            } else {
                let _ = writeln!(o, "  # {name}, tenant {}", comment_text(&c.tenant));
            }
            let _ = writeln!(o, "    segment: {}", c.segment);
            let _ = writeln!(o, "    attribution: [{}]", c.attribution.join(", "));
            if !c.acr.is_empty() {
                o.push_str("    acr:\n");
                for (month, units) in &c.acr {
                    let _ = writeln!(o, "      {month}: {}", units::plain(*units));
                }
            }
        }
    }
    if let Some(t) = p.trainings {
        if !t.people.is_empty() {
            o.push_str("\npeople:\n");
        }
        for person in &t.people {
            let _ = writeln!(o, "  - id: {}", scalar(&person.id));
            o.push_str("    associated: true\n    certifications:\n");
            for c in &person.certifications {
                let _ = writeln!(o, "      - cert: {}", scalar(&c.cert));
                let _ = writeln!(o, "        earned: {}", c.earned);
                if let Some(e) = c.expires {
                    let _ = writeln!(o, "        expires: {e}");
                }
            }
        }
    }
    if let Some((_, r)) = p.usage {
        if !r.deployments.is_empty() {
            o.push_str("\ndeployments:\n");
        }
        for d in &r.deployments {
            let _ = writeln!(o, "  - customer: {}", scalar(&d.customer));
            let _ = writeln!(o, "    service: {}", scalar(&d.service));
            let _ = writeln!(o, "    service_level: 2");
            let _ = writeln!(o, "    month: {}", d.month);
        }
    }
    o
}

fn header(o: &mut String, p: &Parts<'_>) {
    o.push_str("# Imported by `pcscore import` from Partner Center downloads.\n");
    if let Some((u, r)) = p.usage {
        let first = p.as_of.months_before(23);
        let _ = writeln!(
            o,
            "# Azure usage: {} ({})",
            comment_text(&u.file),
            Count(u.rows, "row")
        );
        let _ = writeln!(
            o,
            "#   kept: {} in {first} to {}, for {}",
            Count(r.kept, "row"),
            p.as_of,
            Count(r.customers.len() as u64, "customer")
        );
        let mut skip = |n: u64, why: &str| {
            if n > 0 {
                let _ = writeln!(o, "#   skipped: {} {why}", Count(n, "row"));
            }
        };
        skip(
            u.duplicates,
            "marked IsACRDuplicateAtMPNLevel = 1 (duplicates)",
        );
        skip(u.zero, "with ACR 0");
        skip(
            r.before,
            &format!("before {first} (outside the 24-month window)"),
        );
        skip(
            r.after,
            &format!("after the as-of month {} (ignored)", p.as_of),
        );
        for (value, n) in &r.no_code {
            skip(
                *n,
                &format!(
                    "through `{}`, an attribution type that earns no code",
                    comment_text(value)
                ),
            );
        }
        let ids = |o: &mut String, column: &str, set: &std::collections::BTreeSet<String>| {
            if !set.is_empty() {
                let shown: Vec<String> = set.iter().map(|s| comment_text(s)).collect();
                let _ = writeln!(o, "#   {column}: {}", shown.join(", "));
            }
        };
        ids(o, "PartnerID", &u.partner_ids);
        ids(o, "PGAPartnerID", &u.pga_ids);
    }
    if let Some(t) = p.trainings {
        let _ = writeln!(
            o,
            "# Trainings: {} ({})",
            comment_text(&t.file),
            Count(t.rows, "row")
        );
        let _ = writeln!(
            o,
            "#   read: {} for {}",
            Count(t.read, "certification row"),
            Count(t.people.len() as u64, "person")
                .to_string()
                .replace("persons", "people")
        );
        for (kind, n) in &t.skipped {
            let _ = writeln!(o, "#   skipped: {} of type {kind}", Count(*n, "row"));
        }
        if !t.unknown_titles.is_empty() {
            let _ = writeln!(
                o,
                "#   kept as written (no rulebook knows the title): {}",
                t.unknown_titles.len()
            );
        }
    }
    o.push('\n');
}

/// Text from a download as it may stand in a comment: one line.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A slug as it is (`contoso-ltd`), any other text double-quoted, so no id is read as
/// a number, a boolean or null.
fn scalar(text: &str) -> String {
    const WORDS: [&str; 9] = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"];
    let slug = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !WORDS.contains(&text);
    if slug {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// A YAML double-quoted scalar: the text read back exactly, whatever it holds.
fn quoted(text: &str) -> String {
    let mut q = String::with_capacity(text.len() + 2);
    q.push('"');
    for c in text.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}
