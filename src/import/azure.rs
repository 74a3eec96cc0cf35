//! The Azure usage download, streamed: each row is checked and folded into sums per
//! customer, month, service and attribution value as it is read, so memory grows with
//! the distinct customers and services, never with the rows (`IMPORT.ROWS`,
//! `IMPORT.KEPT`). Which months are written is settled once the as-of month is known.

use super::attribution::{self, AttributionMap};
use super::columns::{Download, Kind};
use super::dates;
use super::error::{quoted, ImportError};
use super::segments::SegmentMap;
use super::tenants::Tenants;
use super::units;
use crate::model::{Money, MoneyError, Month};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Distinct texts by number, so sums are keyed by small integers.
#[derive(Default)]
struct Interner {
    index: HashMap<String, u32>,
    texts: Vec<String>,
}

impl Interner {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.index.insert(text.to_string(), i);
        i
    }
}

/// Rows of one customer, month, service and attribution value.
#[derive(Clone, Copy)]
struct Cell {
    units: i128,
    rows: u64,
    line: u64,
}

/// A download read through, with its sums.
pub(crate) struct Usage {
    pub(crate) file: String,
    pub(crate) rows: u64,
    pub(crate) duplicates: u64,
    pub(crate) zero: u64,
    pub(crate) latest: Option<Month>,
    pub(crate) partner_ids: BTreeSet<String>,
    pub(crate) pga_ids: BTreeSet<String>,
    tenants: Tenants,
    services: Interner,
    attributions: Interner,
    segments: Interner,
    cells: HashMap<(u32, Month, u32, u32), Cell>,
    segment_rows: HashMap<(u32, Month, u32), (u64, u64)>,
}

struct Columns {
    tenant: usize,
    name: usize,
    segment: usize,
    month: usize,
    service: usize,
    attribution: usize,
    acr: usize,
    duplicate: Option<usize>,
    partner: Option<usize>,
    pga: Option<usize>,
}

/// Reads the download through.
pub(crate) fn read(path: &Path) -> Result<Usage, ImportError> {
    let mut d = Download::open(path, Kind::AzureUsage)?;
    let c = Columns {
        tenant: d.need("CustomerTenantId")?,
        name: d.need("CustomerName")?,
        segment: d.need("CustomerSegment")?,
        month: d.need("Month")?,
        service: d.need("ServiceLevel2")?,
        attribution: d.need("PartnerAttributionType")?,
        acr: d.need("ACR_USD")?,
        duplicate: d.find("IsACRDuplicateAtMPNLevel"),
        partner: d.find("PartnerID"),
        pga: d.find("PGAPartnerID"),
    };
    let mut u = Usage {
        file: d.name.clone(),
        rows: 0,
        duplicates: 0,
        zero: 0,
        latest: None,
        partner_ids: BTreeSet::new(),
        pga_ids: BTreeSet::new(),
        tenants: Tenants::default(),
        services: Interner::default(),
        attributions: Interner::default(),
        segments: Interner::default(),
        cells: HashMap::new(),
        segment_rows: HashMap::new(),
    };
    while let Some(row) = d.next()? {
        u.rows += 1;
        let month_text = row.get(c.month)?;
        let month = dates::month(month_text)
            .ok_or_else(|| row.error(c.month, quoted(month_text), dates::MONTH))?;
        u.latest = u.latest.max(Some(month));
        let acr_text = row.get(c.acr)?;
        let acr = amount(acr_text).ok_or_else(|| row.error(c.acr, quoted(acr_text), AMOUNT))?;
        let duplicate = match c.duplicate {
            Some(i) => flag(row.get(i)?).ok_or_else(|| {
                row.error(
                    i,
                    quoted(row.get(i).unwrap_or("")),
                    "`1` or `0` (or true, false, blank)",
                )
            })?,
            None => false,
        };
        for (column, set) in [(c.partner, &mut u.partner_ids), (c.pga, &mut u.pga_ids)] {
            let id = row.opt(column)?;
            if !id.is_empty() && !set.contains(id) {
                set.insert(id.to_string());
            }
        }
        if duplicate {
            u.duplicates += 1;
            continue;
        }
        if acr == 0 {
            u.zero += 1;
            continue;
        }
        let tenant_text = row.get(c.tenant)?;
        if tenant_text.is_empty() {
            return Err(row.error(
                c.tenant,
                "an empty value".into(),
                "the customer's tenant id",
            ));
        }
        let name = row.get(c.name)?;
        let tenant = u.tenants.id(tenant_text, name, month);
        let service = u.services.id(row.get(c.service)?);
        let attribution = u.attributions.id(row.get(c.attribution)?);
        let segment = u.segments.id(row.get(c.segment)?);
        let line = row.line;
        let cell = u
            .cells
            .entry((tenant, month, service, attribution))
            .or_insert(Cell {
                units: 0,
                rows: 0,
                line,
            });
        cell.units = cell
            .units
            .checked_add(acr)
            .ok_or_else(|| row.error(c.acr, quoted(acr_text), "sums within 10^28 USD"))?;
        cell.rows += 1;
        let seg = u
            .segment_rows
            .entry((tenant, month, segment))
            .or_insert((0, line));
        seg.0 += 1;
    }
    if u.rows == 0 {
        return Err(ImportError::at(
            &u.file,
            Some(1),
            None,
            "a header and no rows",
            "at least one row of Azure usage",
        ));
    }
    Ok(u)
}

const AMOUNT: &str =
    "a plain decimal amount of USD such as `1200.50` or `-3.10` (no thousands separators, at most 15 whole digits and 10 decimals)";

/// An amount in units of 10^-10 USD, negative ones included (credits).
fn amount(text: &str) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    match Money::parse(digits) {
        Ok(m) if negative => Some(-m.units()),
        Ok(m) => Some(m.units()),
        Err(
            MoneyError::NotANumber
            | MoneyError::Negative
            | MoneyError::TooLarge
            | MoneyError::TooPrecise,
        ) => None,
    }
}

fn flag(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" | "" => Some(false),
        _ => None,
    }
}

/// A customer as it is written.
#[derive(Debug)]
pub(crate) struct Customer {
    pub(crate) id: String,
    pub(crate) tenant: String,
    pub(crate) name: String,
    pub(crate) segment: &'static str,
    pub(crate) attribution: Vec<&'static str>,
    pub(crate) acr: BTreeMap<Month, i128>,
    /// The same sums split by `ServiceLevel2` (`IMPORT.SERVICES`), in name order.
    pub(crate) acr_by_service: Vec<(String, BTreeMap<Month, i128>)>,
}

/// A deployment as it is written.
#[derive(Debug)]
pub(crate) struct Deployment {
    pub(crate) customer: String,
    pub(crate) service: String,
    pub(crate) month: Month,
}

/// What the download becomes at the as-of month, with the counts for the header.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    pub(crate) customers: Vec<Customer>,
    pub(crate) deployments: Vec<Deployment>,
    pub(crate) kept: u64,
    pub(crate) before: u64,
    pub(crate) after: u64,
    /// Rows through a type that earns no code, per value as written.
    pub(crate) no_code: BTreeMap<String, u64>,
    /// Customer, service and month totals below 0 left out of `acr_by_service`.
    pub(crate) negative_service_months: u64,
}

/// Collects distinct unmapped values with their rows and first line.
#[derive(Default)]
struct Unmapped(BTreeMap<u32, (u64, u64)>);

impl Unmapped {
    fn add(&mut self, id: u32, rows: u64, line: u64) {
        let e = self.0.entry(id).or_insert((0, line));
        e.0 += rows;
        e.1 = e.1.min(line);
    }

    fn error(
        self,
        file: &str,
        column: &str,
        texts: &Interner,
        option: &str,
    ) -> Result<(), ImportError> {
        if self.0.is_empty() {
            return Ok(());
        }
        let mut values: Vec<(String, u64, u64)> = self
            .0
            .into_iter()
            .map(|(id, (rows, line))| (texts.texts[id as usize].clone(), rows, line))
            .collect();
        values.sort_by_key(|v| v.2);
        Err(ImportError::Unmapped {
            file: file.to_string(),
            column: column.to_string(),
            values,
            option: option.to_string(),
        })
    }
}

impl Usage {
    /// The customers and deployments at `as_of` (`IMPORT.WINDOW`, `IMPORT.KEPT`,
    /// `IMPORT.SEGMENT`, `IMPORT.ATTRIBUTION`, `IMPORT.DEPLOYMENTS`, `IMPORT.CUSTOMER`).
    pub(crate) fn resolve(
        &self,
        as_of: Month,
        segments: &SegmentMap,
        attributions: &AttributionMap,
    ) -> Result<Resolved, ImportError> {
        let first = as_of.months_before(23);
        let ttm = as_of.months_before(11);
        let mut r = Resolved::default();
        let mut present = vec![false; self.tenants.len()];
        let mut codes: Vec<BTreeSet<(usize, &'static str)>> =
            vec![BTreeSet::new(); self.tenants.len()];
        let mut acr: Vec<BTreeMap<Month, (i128, u64)>> = vec![BTreeMap::new(); self.tenants.len()];
        let mut services: BTreeMap<(u32, u32), BTreeMap<Month, i128>> = BTreeMap::new();
        let mut unknown_attribution = Unmapped::default();
        let mut no_code: BTreeMap<u32, u64> = BTreeMap::new();
        for (&(t, month, service, a), cell) in &self.cells {
            if month > as_of {
                r.after += cell.rows;
                continue;
            }
            if month < first {
                r.before += cell.rows;
                continue;
            }
            present[t as usize] = true;
            let code = match attributions.get(&self.attributions.texts[a as usize]) {
                None => {
                    unknown_attribution.add(a, cell.rows, cell.line);
                    continue;
                }
                Some(None) => {
                    *no_code.entry(a).or_default() += cell.rows;
                    continue;
                }
                Some(Some(code)) => code,
            };
            r.kept += cell.rows;
            codes[t as usize].insert((attribution::rank(code), code));
            let e = acr[t as usize].entry(month).or_insert((0, cell.line));
            e.0 += cell.units;
            e.1 = e.1.min(cell.line);
            *services
                .entry((t, service))
                .or_default()
                .entry(month)
                .or_default() += cell.units;
        }
        let latest = self.segments_at(first, as_of, segments)?;
        unknown_attribution.error(
            &self.file,
            "PartnerAttributionType",
            &self.attributions,
            "map each with --attribution 'VALUE=CODE' (PAL, DPOR, CSP, CPOR...) or --attribution 'VALUE=none' to keep its rows out",
        )?;
        r.no_code = no_code
            .into_iter()
            .map(|(a, n)| (self.attributions.texts[a as usize].clone(), n))
            .collect();
        let ids = self.ids(&present);
        for (t, tenant) in self.tenants.iter().enumerate() {
            if !present[t] {
                continue;
            }
            let mut months = BTreeMap::new();
            for (&month, &(units, line)) in &acr[t] {
                if units < 0 {
                    return Err(ImportError::at(
                        &self.file,
                        Some(line),
                        Some("ACR_USD"),
                        format!(
                            "a total of -{} USD for tenant `{}` in {month}",
                            units::plain(-units),
                            tenant.id
                        ),
                        "a customer's month total of 0 or more (credits may not exceed consumption)",
                    ));
                }
                if units > 0 {
                    months.insert(month, units);
                }
            }
            r.customers.push(Customer {
                id: ids[t].clone(),
                tenant: tenant.id.clone(),
                name: tenant.name.clone(),
                segment: latest[t].unwrap_or("smb"),
                attribution: codes[t].iter().map(|(_, c)| *c).collect(),
                acr: months,
                acr_by_service: Vec::new(),
            });
        }
        let position: HashMap<&str, usize> = r
            .customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut by_service: Vec<BTreeMap<String, BTreeMap<Month, i128>>> =
            vec![BTreeMap::new(); r.customers.len()];
        for ((t, service), months) in &services {
            let name = &self.services.texts[*service as usize];
            let Some(&i) = position.get(ids[*t as usize].as_str()) else {
                continue;
            };
            if name.is_empty() {
                // Counted in `acr`; a service with no name has no entry to go under.
                continue;
            }
            for (&month, &units) in months {
                if units < 0 {
                    // A credit larger than the service's consumption that month: the
                    // format holds no negative amounts, so the month is left out and
                    // counted in the header rather than refusing the whole download.
                    r.negative_service_months += 1;
                }
                if units > 0 {
                    *by_service[i]
                        .entry(name.clone())
                        .or_default()
                        .entry(month)
                        .or_default() += units;
                }
            }
        }
        for (c, services) in r.customers.iter_mut().zip(by_service) {
            c.acr_by_service = services.into_iter().collect();
        }
        for ((t, service), months) in services {
            let name = &self.services.texts[service as usize];
            let last = months
                .iter()
                .rev()
                .find(|(m, units)| **m >= ttm && **units > 0)
                .map(|(m, _)| *m);
            if let (Some(month), false) = (last, name.is_empty()) {
                r.deployments.push(Deployment {
                    customer: ids[t as usize].clone(),
                    service: name.clone(),
                    month,
                });
            }
        }
        r.customers.sort_by(|a, b| a.id.cmp(&b.id));
        r.deployments
            .sort_by(|a, b| (&a.customer, &a.service).cmp(&(&b.customer, &b.service)));
        Ok(r)
    }

    /// Each present tenant's segment: the one of its latest month in the window.
    fn segments_at(
        &self,
        first: Month,
        as_of: Month,
        map: &SegmentMap,
    ) -> Result<Vec<Option<&'static str>>, ImportError> {
        let mut unknown = Unmapped::default();
        let mut latest: Vec<Option<(Month, BTreeMap<&'static str, u64>)>> =
            vec![None; self.tenants.len()];
        for (&(t, month, s), &(rows, line)) in &self.segment_rows {
            if month > as_of || month < first {
                continue;
            }
            let Some(segment) = map.get(&self.segments.texts[s as usize]) else {
                unknown.add(s, rows, line);
                continue;
            };
            let slot = &mut latest[t as usize];
            match slot {
                Some((m, _)) if *m > month => {}
                Some((m, set)) if *m == month => {
                    let e = set.entry(segment).or_insert(line);
                    *e = (*e).min(line);
                }
                _ => *slot = Some((month, BTreeMap::from([(segment, line)]))),
            }
        }
        unknown.error(
            &self.file,
            "CustomerSegment",
            &self.segments,
            "map each with --segment 'VALUE=smb|smc|enterprise'",
        )?;
        latest
            .into_iter()
            .enumerate()
            .map(|(t, slot)| match slot {
                None => Ok(None),
                Some((_, set)) if set.len() == 1 => Ok(set.keys().next().copied()),
                Some((month, set)) => Err(ImportError::at(
                    &self.file,
                    set.values().copied().max(),
                    Some("CustomerSegment"),
                    format!(
                        "values mapping to {} for tenant `{}` in {month}, its latest month",
                        set.keys().copied().collect::<Vec<_>>().join(" and "),
                        self.tenants[t].id
                    ),
                    "one segment per customer in its latest month",
                )),
            })
            .collect()
    }

    /// Customers' ids (`IMPORT.CUSTOMER`): the slug of the latest name; colliding slugs
    /// all get the tenant id's first 8 characters.
    fn ids(&self, present: &[bool]) -> Vec<String> {
        let base: Vec<String> = self
            .tenants
            .iter()
            .map(|t| {
                let s = super::slug(&t.name);
                if s.is_empty() {
                    super::slug(&t.id)
                } else {
                    s
                }
            })
            .collect();
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (t, b) in base.iter().enumerate() {
            if present[t] {
                *count.entry(b).or_default() += 1;
            }
        }
        let wanted: Vec<String> = base
            .iter()
            .enumerate()
            .map(|(t, b)| {
                if count.get(b.as_str()).copied().unwrap_or(0) > 1 {
                    let tenant: String = super::slug(&self.tenants[t].id).chars().take(8).collect();
                    format!("{b}-{tenant}")
                } else {
                    b.clone()
                }
            })
            .collect();
        // A suffixed id may meet another customer's own slug, or two tenants may share
        // their first 8 characters: numbers, in tenant-id order, settle what is left.
        let mut order: Vec<usize> = (0..self.tenants.len()).filter(|&t| present[t]).collect();
        order.sort_by(|&a, &b| {
            self.tenants[a]
                .id
                .to_ascii_lowercase()
                .cmp(&self.tenants[b].id.to_ascii_lowercase())
        });
        let mut used: BTreeSet<String> = BTreeSet::new();
        let mut ids = vec![String::new(); self.tenants.len()];
        for &t in &order {
            let mut id = wanted[t].clone();
            let mut n = 2;
            while used.contains(&id) {
                id = format!("{}-{n}", wanted[t]);
                n += 1;
            }
            used.insert(id.clone());
            ids[t] = id;
        }
        ids
    }
}
