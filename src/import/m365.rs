//! The Microsoft 365 usage download (`OfficeUsage`, or the CPOR-M365 usage report),
//! streamed: paid licences and active users per tenant, workload name and month become
//! customers' `workloads` (`IMPORT.WORKLOADS`), and `DateAssociated` the `since` of a
//! tenant's CPOR attribution (`IMPORT.OVERLAP`). Memory grows with the distinct
//! (tenant, workload, month) cells, never with the rows.

use super::attribution::AttributionMap;
use super::columns::{Download, Kind};
use super::dates;
use super::error::{quoted, ImportError};
use super::tenants::Tenants;
use super::workloads::WorkloadMap;
use crate::model::{Money, Month};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Distinct texts by number, with the rows holding each and its first line.
#[derive(Default)]
pub(crate) struct Texts {
    index: HashMap<String, u32>,
    pub(crate) texts: Vec<(String, u64, u64)>,
}

impl Texts {
    fn id(&mut self, text: &str, line: u64) -> u32 {
        if let Some(&i) = self.index.get(text) {
            self.texts[i as usize].1 += 1;
            return i;
        }
        let i = self.texts.len() as u32;
        self.texts.push((text.to_string(), 1, line));
        self.index.insert(text.to_string(), i);
        i
    }
}

/// The figures of one tenant, workload name and month.
#[derive(Clone, Copy)]
struct Cell {
    licences: u64,
    users: u64,
    line: u64,
}

/// A download read through.
pub(crate) struct M365 {
    pub(crate) file: String,
    pub(crate) rows: u64,
    pub(crate) latest: Option<Month>,
    pub(crate) tenants: Tenants,
    names: Texts,
    attributions: Texts,
    cells: HashMap<(u32, Month, u32), Cell>,
    /// Rows per tenant, month and attribution value.
    tenant_attributions: HashMap<(u32, Month, u32), u64>,
    /// The earliest `DateAssociated` month of each tenant, with its line.
    associated: HashMap<u32, (Month, u64)>,
    /// Whether the download has a `PartnerAttributionType` column.
    has_attribution: bool,
    /// Whether it has a `DateAssociated` column.
    has_associated: bool,
}

/// A tenant's workloads at the as-of month.
#[derive(Debug, Default)]
pub(crate) struct TenantWorkloads {
    /// The tenant id as written.
    pub(crate) tenant: String,
    /// Its latest name, empty when the download has none.
    pub(crate) name: String,
    /// Codes from `PartnerAttributionType` (and CPOR from `DateAssociated`), in the
    /// format's order.
    pub(crate) codes: Vec<&'static str>,
    /// The `since` of its CPOR attribution, from the earliest `DateAssociated`.
    pub(crate) cpor_since: Option<Month>,
    /// Each workload slug with its paid licences and active users per month.
    pub(crate) workloads: BTreeMap<&'static str, Figures>,
}

/// A workload's paid licences and active users, per month.
pub(crate) type Figures = (BTreeMap<Month, u64>, BTreeMap<Month, u64>);

/// What the download becomes at the as-of month, with the counts for the header.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// Per tenant (lower-cased id), in tenant-id order.
    pub(crate) tenants: BTreeMap<String, TenantWorkloads>,
    pub(crate) kept: u64,
    pub(crate) before: u64,
    pub(crate) after: u64,
    /// Rows of workload names mapped to `ignore`, per name as written.
    pub(crate) ignored: BTreeMap<String, u64>,
    /// Rows through an attribution type that earns no code, per value as written.
    pub(crate) no_code: BTreeMap<String, u64>,
}

struct Columns {
    tenant: usize,
    workload: usize,
    month: usize,
    licences: usize,
    users: usize,
    name: Option<usize>,
    attribution: Option<usize>,
    associated: Option<usize>,
}

/// What a count column must hold, for messages.
const COUNT: &str = "a whole number of 0 or more, such as `250`";

/// Reads the download through.
pub(crate) fn read(path: &Path) -> Result<M365, ImportError> {
    let mut d = Download::open(path, Kind::M365Usage)?;
    let c = Columns {
        tenant: d.need("CustomerTenantId")?,
        workload: d.need("WorkloadName")?,
        month: d.need("Month")?,
        licences: d.need("PaidAvailableUnits")?,
        users: d.need("MonthlyActiveUsers")?,
        name: d.find("CustomerName"),
        attribution: d.find("PartnerAttributionType"),
        associated: d.find("DateAssociated"),
    };
    let mut u = M365 {
        file: d.name.clone(),
        rows: 0,
        latest: None,
        tenants: Tenants::default(),
        names: Texts::default(),
        attributions: Texts::default(),
        cells: HashMap::new(),
        tenant_attributions: HashMap::new(),
        associated: HashMap::new(),
        has_attribution: c.attribution.is_some(),
        has_associated: c.associated.is_some(),
    };
    while let Some(row) = d.next()? {
        u.rows += 1;
        let line = row.line;
        let month_text = row.get(c.month)?;
        let month = dates::month(month_text)
            .ok_or_else(|| row.error(c.month, quoted(month_text), dates::MONTH))?;
        u.latest = u.latest.max(Some(month));
        let count = |i: usize| -> Result<u64, ImportError> {
            let text = row.get(i)?;
            whole(text).ok_or_else(|| row.error(i, quoted(text), COUNT))
        };
        let licences = count(c.licences)?;
        let users = count(c.users)?;
        let tenant_text = row.get(c.tenant)?;
        if tenant_text.is_empty() {
            return Err(row.error(
                c.tenant,
                "an empty value".into(),
                "the customer's tenant id",
            ));
        }
        let workload_text = row.get(c.workload)?;
        if workload_text.is_empty() {
            return Err(row.error(
                c.workload,
                "an empty value".into(),
                "the workload's name, such as `Exchange Online`",
            ));
        }
        let name = row.opt(c.name)?;
        let tenant = u.tenants.id(tenant_text, name, month);
        let workload = u.names.id(workload_text, line);
        if let Some(i) = c.attribution {
            let value = row.get(i)?;
            let a = u.attributions.id(value, line);
            *u.tenant_attributions.entry((tenant, month, a)).or_default() += 1;
        }
        if let Some(i) = c.associated {
            let text = row.get(i)?;
            if !text.is_empty() {
                let date =
                    dates::date(text).ok_or_else(|| row.error(i, quoted(text), dates::DATE))?;
                let since =
                    Month::of_date(date).ok_or_else(|| row.error(i, quoted(text), dates::DATE))?;
                let e = u.associated.entry(tenant).or_insert((since, line));
                if since < e.0 {
                    *e = (since, line);
                }
            }
        }
        match u.cells.get(&(tenant, month, workload)) {
            Some(first) => {
                return Err(row.error(
                    c.workload,
                    format!(
                        "{} for tenant `{tenant_text}` in {month} again (first on line {})",
                        quoted(workload_text),
                        first.line
                    ),
                    "one row per tenant, workload and month (IMPORT.OVERLAP)",
                ))
            }
            None => {
                u.cells.insert(
                    (tenant, month, workload),
                    Cell {
                        licences,
                        users,
                        line,
                    },
                );
            }
        }
    }
    if u.rows == 0 {
        return Err(ImportError::at(
            &u.file,
            Some(1),
            None,
            "a header and no rows",
            "at least one row of Microsoft 365 usage",
        ));
    }
    Ok(u)
}

/// A whole number of 0 or more; `12.0` is 12, `12.5`, `-1` and `1e3` are not numbers.
fn whole(text: &str) -> Option<u64> {
    if let Ok(n) = text.parse::<u64>() {
        if !text.starts_with('+') {
            return Some(n);
        }
    }
    let m = Money::parse(text).ok()?;
    let units = m.units();
    let one = Money::parse("1").ok()?.units();
    if units % one != 0 {
        return None;
    }
    u64::try_from(units / one).ok()
}

impl M365 {
    /// The tenants' workloads at `as_of` (`IMPORT.WINDOW`, `IMPORT.WORKLOADS`,
    /// `IMPORT.OVERLAP`, `IMPORT.ATTRIBUTION`).
    pub(crate) fn resolve(
        &self,
        as_of: Month,
        workloads: &WorkloadMap,
        attributions: &AttributionMap,
    ) -> Result<Resolved, ImportError> {
        let first = as_of.months_before(23);
        let mut r = Resolved::default();
        // Workload names: every name the window reads must map (or be ignored).
        let mut slugs: Vec<Option<Option<&'static str>>> =
            Vec::with_capacity(self.names.texts.len());
        let mut unmapped: Vec<(String, u64, u64)> = Vec::new();
        let mut in_window = vec![0u64; self.names.texts.len()];
        for &(_, month, w) in self.cells.keys() {
            if month >= first && month <= as_of {
                in_window[w as usize] += 1;
            }
        }
        for (i, (name, _, line)) in self.names.texts.iter().enumerate() {
            let mapped = workloads.get(name);
            if mapped.is_none() && in_window[i] > 0 {
                unmapped.push((name.clone(), in_window[i], *line));
            }
            slugs.push(mapped);
        }
        if !unmapped.is_empty() {
            unmapped.sort_by_key(|v| v.2);
            return Err(ImportError::Unmapped {
                file: self.file.clone(),
                column: "WorkloadName".into(),
                values: unmapped,
                option: "map each with --workload 'NAME=SLUG' (a workload slug of docs/rules.md) or --workload 'NAME=ignore' to leave its rows out".into(),
            });
        }
        // Attribution values: the same table as the Azure usage download's.
        let mut codes_of: Vec<Option<Option<&'static str>>> = Vec::new();
        let mut unknown: Vec<(String, u64, u64)> = Vec::new();
        for (value, rows, line) in &self.attributions.texts {
            let mapped = attributions.get(value);
            if mapped.is_none() {
                unknown.push((value.clone(), *rows, *line));
            }
            codes_of.push(mapped);
        }
        if !unknown.is_empty() {
            unknown.sort_by_key(|v| v.2);
            return Err(ImportError::Unmapped {
                file: self.file.clone(),
                column: "PartnerAttributionType".into(),
                values: unknown,
                option: "map each with --attribution 'VALUE=CODE' (PAL, DPOR, CSP, CPOR...) or --attribution 'VALUE=none'".into(),
            });
        }
        // Two names mapped to one slug must not give a tenant two figures for a month.
        let mut seen: HashMap<(u32, Month, &'static str), u64> = HashMap::new();
        let mut cells: Vec<(&(u32, Month, u32), &Cell)> = self.cells.iter().collect();
        cells.sort_by_key(|(_, cell)| cell.line);
        for (&(t, month, w), cell) in cells {
            if month > as_of {
                r.after += 1;
                continue;
            }
            if month < first {
                r.before += 1;
                continue;
            }
            let slug = match slugs[w as usize] {
                Some(Some(slug)) => slug,
                _ => {
                    *r.ignored
                        .entry(self.names.texts[w as usize].0.clone())
                        .or_default() += 1;
                    continue;
                }
            };
            if let Some(first_line) = seen.insert((t, month, slug), cell.line) {
                return Err(ImportError::at(
                    &self.file,
                    Some(cell.line),
                    Some("WorkloadName"),
                    format!(
                        "{} for tenant `{}` in {month}, which maps to `{slug}` like line {first_line}",
                        quoted(&self.names.texts[w as usize].0),
                        self.tenants[t as usize].id
                    ),
                    "one row per tenant, workload and month (IMPORT.OVERLAP: two names mapped to one slug)",
                ));
            }
            r.kept += 1;
            let tenant = &self.tenants[t as usize];
            let entry = r
                .tenants
                .entry(tenant.id.to_ascii_lowercase())
                .or_insert_with(|| TenantWorkloads {
                    tenant: tenant.id.clone(),
                    name: tenant.name.clone(),
                    ..TenantWorkloads::default()
                });
            let figures = entry.workloads.entry(slug).or_default();
            figures.0.insert(month, cell.licences);
            figures.1.insert(month, cell.users);
        }
        let mut no_code: BTreeMap<u32, u64> = BTreeMap::new();
        let mut codes: HashMap<u32, Vec<&'static str>> = HashMap::new();
        for (&(t, month, a), &rows) in &self.tenant_attributions {
            if month > as_of || month < first {
                continue;
            }
            match codes_of[a as usize] {
                Some(Some(code)) => codes.entry(t).or_default().push(code),
                _ => *no_code.entry(a).or_default() += rows,
            }
        }
        r.no_code = no_code
            .into_iter()
            .map(|(a, n)| (self.attributions.texts[a as usize].0.clone(), n))
            .collect();
        for (t, tenant) in self.tenants.iter().enumerate() {
            let t = t as u32;
            let Some(entry) = r.tenants.get_mut(&tenant.id.to_ascii_lowercase()) else {
                continue;
            };
            let mut list = codes.remove(&t).unwrap_or_default();
            let since = self.associated.get(&t).map(|(m, _)| *m);
            // The CPOR-M365 report has no attribution column: its tenants are the
            // partner's through CPOR, from their association date.
            if self.has_associated && !self.has_attribution && since.is_some() {
                list.push("CPOR");
            }
            list.sort_by_key(|c| super::attribution::rank(c));
            list.dedup();
            if list.contains(&"CPOR") {
                entry.cpor_since = since;
            }
            entry.codes = list;
        }
        Ok(r)
    }
}
