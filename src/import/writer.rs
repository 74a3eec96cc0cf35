//! The partner file an import writes (`IMPORT.OUTPUT`): a header comment naming each
//! download, its rows and the rows skipped and why; then the situation, every list in
//! a fixed order, so the same downloads always give the same bytes (`IMPORT.ROUNDTRIP`).

use super::azure::{Resolved, Usage};
use super::error::Count;
use super::m365::{TenantWorkloads, M365};
use super::people::Trainings;
use super::units;
use crate::model::Month;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What the file is made of.
pub(crate) struct Parts<'a> {
    pub(crate) designation: &'a str,
    pub(crate) as_of: Month,
    pub(crate) usage: Option<(&'a Usage, &'a Resolved)>,
    pub(crate) trainings: Option<&'a Trainings>,
    pub(crate) m365: Option<(&'a M365, &'a super::m365::Resolved)>,
    /// Whether tenants with Microsoft 365 usage and no Azure usage are written: only
    /// for a designation that reads workloads (`IMPORT.CUSTOMER`).
    pub(crate) tenants_without_azure: bool,
}

/// One customer as written: from the Azure usage, the Microsoft 365 usage, or both.
struct Entry<'a> {
    id: String,
    name: &'a str,
    tenant: &'a str,
    segment: Option<&'static str>,
    codes: Vec<&'static str>,
    acr: Option<&'a BTreeMap<Month, i128>>,
    acr_by_service: &'a [(String, BTreeMap<Month, i128>)],
    workloads: Option<&'a TenantWorkloads>,
}

/// Customers of both downloads, matched by tenant id (case-insensitive, `IMPORT.CUSTOMER`).
fn entries<'a>(p: &'a Parts<'a>) -> Vec<Entry<'a>> {
    let mut tenants: BTreeMap<String, &'a TenantWorkloads> = p
        .m365
        .map(|(_, r)| r.tenants.iter().map(|(k, v)| (k.clone(), v)).collect())
        .unwrap_or_default();
    let mut list: Vec<Entry<'a>> = Vec::new();
    if let Some((_, r)) = p.usage {
        for c in &r.customers {
            let workloads = tenants.remove(&c.tenant.to_ascii_lowercase());
            let mut codes = c.attribution.clone();
            if let Some(w) = workloads {
                codes.extend(w.codes.iter().copied());
            }
            list.push(Entry {
                id: c.id.clone(),
                name: &c.name,
                tenant: &c.tenant,
                segment: Some(c.segment),
                codes,
                acr: Some(&c.acr),
                acr_by_service: &c.acr_by_service,
                workloads,
            });
        }
    }
    if p.tenants_without_azure {
        for w in tenants.into_values() {
            let base = super::slug(&w.name);
            let base = if base.is_empty() {
                super::slug(&w.tenant)
            } else {
                base
            };
            let mut id = base.clone();
            if list.iter().any(|e| e.id == id) {
                let tenant: String = super::slug(&w.tenant).chars().take(8).collect();
                id = format!("{base}-{tenant}");
            }
            let mut n = 2;
            let wanted = id.clone();
            while list.iter().any(|e| e.id == id) {
                id = format!("{wanted}-{n}");
                n += 1;
            }
            list.push(Entry {
                id,
                name: &w.name,
                tenant: &w.tenant,
                segment: None,
                codes: w.codes.clone(),
                acr: None,
                acr_by_service: &[],
                workloads: Some(w),
            });
        }
    }
    for e in &mut list {
        e.codes.sort_by_key(|c| super::attribution::rank(c));
        e.codes.dedup();
    }
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

/// The attribution list as written: codes, and CPOR with its `since` when known.
fn attribution(e: &Entry<'_>) -> String {
    let since = e.workloads.and_then(|w| w.cpor_since);
    let items: Vec<String> = e
        .codes
        .iter()
        .map(|c| match since {
            Some(m) if *c == "CPOR" => format!("{{type: CPOR, since: {m}}}"),
            _ => (*c).to_string(),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// The partner file's text.
pub(crate) fn write(p: &Parts<'_>) -> String {
    let mut o = String::new();
    header(&mut o, p);
    let _ = writeln!(o, "designation: {}", p.designation);
    let _ = writeln!(o, "as_of: {}", p.as_of);
    let customers = entries(p);
    if !customers.is_empty() {
        o.push_str("\ncustomers:\n");
    }
    for c in &customers {
        let _ = write!(o, "  - id: {}", scalar(&c.id));
        let name = comment_text(c.name);
        if name.is_empty() {
            let _ = writeln!(o, "  # tenant {}", comment_text(c.tenant));
        } else {
            let _ = writeln!(o, "  # {name}, tenant {}", comment_text(c.tenant));
        }
        if let Some(segment) = c.segment {
            let _ = writeln!(o, "    segment: {segment}");
        }
        let _ = writeln!(o, "    attribution: {}", attribution(c));
        if let Some(acr) = c.acr.filter(|a| !a.is_empty()) {
            o.push_str("    acr:\n");
            for (month, units) in acr {
                let _ = writeln!(o, "      {month}: {}", units::plain(*units));
            }
        }
        if !c.acr_by_service.is_empty() {
            o.push_str("    acr_by_service:\n");
            for (service, months) in c.acr_by_service {
                let _ = writeln!(o, "      {}:", scalar(service));
                for (month, units) in months {
                    let _ = writeln!(o, "        {month}: {}", units::plain(*units));
                }
            }
        }
        if let Some(w) = c.workloads.filter(|w| !w.workloads.is_empty()) {
            o.push_str("    workloads:\n");
            for (slug, (licences, users)) in &w.workloads {
                let _ = writeln!(o, "      - workload: {slug}");
                for (field, months) in [("paid_licences", licences), ("active_users", users)] {
                    let _ = writeln!(o, "        {field}:");
                    for (month, n) in months {
                        let _ = writeln!(o, "          {month}: {n}");
                    }
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
    let first = p.as_of.months_before(23);
    if let Some((u, r)) = p.usage {
        let units = Count(r.customers.len() as u64, "customer");
        opening(
            o,
            ("Azure usage", &u.file, u.rows),
            r.kept,
            (first, p.as_of),
            units,
        );
        skip(
            o,
            u.duplicates,
            "marked IsACRDuplicateAtMPNLevel = 1 (duplicates)",
        );
        skip(o, u.zero, "with ACR 0");
        window_skips(o, (first, p.as_of), r.before, r.after);
        no_code_skips(o, &r.no_code, "");
        if r.negative_service_months > 0 {
            let _ = writeln!(
                o,
                "#   not in acr_by_service: {} with a total below 0 (credits beyond the service's consumption)",
                Count(r.negative_service_months, "service month")
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
    if let Some((u, r)) = p.m365 {
        let units = Count(r.tenants.len() as u64, "tenant");
        opening(
            o,
            ("Microsoft 365 usage", &u.file, u.rows),
            r.kept,
            (first, p.as_of),
            units,
        );
        window_skips(o, (first, p.as_of), r.before, r.after);
        for (name, n) in &r.ignored {
            skip(
                o,
                *n,
                &format!("of workload `{}`, mapped to ignore", comment_text(name)),
            );
        }
        no_code_skips(o, &r.no_code, " (figures kept)");
        if !p.tenants_without_azure {
            let azure: std::collections::HashSet<String> = p
                .usage
                .map(|(_, az)| {
                    az.customers
                        .iter()
                        .map(|c| c.tenant.to_ascii_lowercase())
                        .collect()
                })
                .unwrap_or_default();
            // The resolved tenants are keyed by their lower-cased id.
            let without = r.tenants.keys().filter(|k| !azure.contains(*k)).count();
            if without > 0 {
                let _ = writeln!(
                    o,
                    "#   not written: {} with no Azure usage ({} reads no workloads)",
                    Count(without as u64, "tenant"),
                    p.designation
                );
            }
        }
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

/// A download's first header lines: its name and rows, then the rows kept in the window.
fn opening(
    o: &mut String,
    (title, file, rows): (&str, &str, u64),
    kept: u64,
    (first, as_of): (Month, Month),
    units: Count<'_>,
) {
    let _ = writeln!(
        o,
        "# {title}: {} ({})",
        comment_text(file),
        Count(rows, "row")
    );
    let _ = writeln!(
        o,
        "#   kept: {} in {first} to {as_of}, for {units}",
        Count(kept, "row")
    );
}

/// `#   skipped: N rows WHY`, when there are any.
fn skip(o: &mut String, n: u64, why: &str) {
    if n > 0 {
        let _ = writeln!(o, "#   skipped: {} {why}", Count(n, "row"));
    }
}

/// Rows before the 24-month window and after the as-of month (`IMPORT.WINDOW`).
fn window_skips(o: &mut String, (first, as_of): (Month, Month), before: u64, after: u64) {
    skip(
        o,
        before,
        &format!("before {first} (outside the 24-month window)"),
    );
    skip(
        o,
        after,
        &format!("after the as-of month {as_of} (ignored)"),
    );
}

/// Rows through attribution types that earn no code, per value as written.
fn no_code_skips(o: &mut String, no_code: &BTreeMap<String, u64>, note: &str) {
    for (value, n) in no_code {
        skip(
            o,
            *n,
            &format!(
                "through `{}`, an attribution type that earns no code{note}",
                comment_text(value)
            ),
        );
    }
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
