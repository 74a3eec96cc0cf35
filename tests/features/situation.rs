//! Given steps: the partner's situation, written as tables and turned into the text of a
//! partner file, so that scoring goes through the same loader as `pcscore score`.
//!
//! Table conventions:
//! - a column headed by a month (`2024-11`) holds that month's ACR in USD; an empty cell
//!   leaves the month out of the file (it then counts as USD 0), `1,000,000` may be
//!   written with thousands separators;
//! - an attribution cell lists codes separated by commas or spaces; `none` is the empty
//!   list; in the deployments table an empty cell means "use the customer's";
//! - a cell in double quotes is taken literally, surrounding spaces included.

use crate::params::{MonthArg, PathArg};
use crate::world::Spec;
use cucumber::gherkin::Step;
use cucumber::given;
use pcscore::model::PathKind;

/// The partner file the steps describe, rendered as YAML when the partner is scored.
#[derive(Debug, Default)]
pub struct PartnerFile {
    /// `designation`, when the scenario names one.
    pub designation: Option<String>,
    /// `edition`, when the scenario names one.
    pub edition: Option<String>,
    /// `as_of`, as written.
    pub as_of: Option<String>,
    /// `path`, when the scenario sets it.
    pub path: Option<PathKind>,
    /// `customers`.
    pub customers: Vec<CustomerRow>,
    /// `people`, one per person, in order of first appearance.
    pub people: Vec<PersonRow>,
    /// `deployments`.
    pub deployments: Vec<DeploymentRow>,
}

/// One customer.
#[derive(Debug)]
pub struct CustomerRow {
    id: String,
    segment: String,
    attribution: Vec<String>,
    acr: Vec<(String, String)>,
}

/// One person and their certifications.
#[derive(Debug)]
pub struct PersonRow {
    id: String,
    associated: Option<String>,
    certifications: Vec<CertificationRow>,
}

/// One certification.
#[derive(Debug)]
pub struct CertificationRow {
    cert: String,
    earned: String,
    expires: Option<String>,
}

/// One deployment.
#[derive(Debug)]
pub struct DeploymentRow {
    customer: String,
    service: String,
    service_level: String,
    month: String,
    attribution: Option<Vec<String>>,
}

#[given(expr = "the measurement month is {month}")]
fn measurement_month(w: &mut Spec, month: MonthArg) {
    w.partner.as_of = Some(month.0.to_string());
}

#[given(expr = "the partner is on the {path} path")]
fn explicit_path(w: &mut Spec, path: PathArg) {
    w.partner.path = Some(path.0);
}

#[given(expr = "these customers:")]
fn customers(w: &mut Spec, step: &Step) -> Result<(), String> {
    let columns = ["customer", "segment", "attribution"];
    let table = Table::of(step, &columns, &columns, true)?;
    for row in table.rows() {
        w.partner.customers.push(CustomerRow {
            id: row.get("customer").to_string(),
            segment: row.get("segment").to_string(),
            attribution: codes(row.get("attribution")),
            acr: row
                .months()
                .filter(|(_, v)| !v.is_empty())
                .map(|(m, v)| (m.to_string(), v.replace(',', "")))
                .collect(),
        });
    }
    Ok(())
}

#[given(expr = "these people:")]
fn people(w: &mut Spec, step: &Step) -> Result<(), String> {
    let table = Table::of(
        step,
        &["person", "associated", "certification", "earned", "expires"],
        &["person"],
        false,
    )?;
    for row in table.rows() {
        let id = row.get("person");
        let index = match w.partner.people.iter().position(|p| p.id == id) {
            Some(i) => i,
            None => {
                w.partner.people.push(PersonRow {
                    id: id.to_string(),
                    associated: None,
                    certifications: Vec::new(),
                });
                w.partner.people.len() - 1
            }
        };
        let person = &mut w.partner.people[index];
        match (row.get("associated"), &person.associated) {
            ("", _) => {}
            (yes_no, None) => person.associated = Some(yes_no.to_string()),
            (yes_no, Some(before)) if yes_no != before => {
                return Err(format!(
                    "person {id} is associated `{before}` in one row and `{yes_no}` in another"
                ))
            }
            _ => {}
        }
        if !row.get("certification").is_empty() {
            person.certifications.push(CertificationRow {
                cert: row.get("certification").to_string(),
                earned: row.get("earned").to_string(),
                expires: Some(row.get("expires"))
                    .filter(|e| !e.is_empty())
                    .map(str::to_string),
            });
        }
    }
    Ok(())
}

#[given(expr = "these deployments:")]
fn deployments(w: &mut Spec, step: &Step) -> Result<(), String> {
    let columns = [
        "customer",
        "service",
        "service level",
        "month",
        "attribution",
    ];
    let table = Table::of(step, &columns, &columns[..4], false)?;
    for row in table.rows() {
        w.partner.deployments.push(DeploymentRow {
            customer: row.get("customer").to_string(),
            service: row.get("service").to_string(),
            service_level: row.get("service level").to_string(),
            month: row.get("month").to_string(),
            attribution: Some(row.get("attribution"))
                .filter(|a| !a.is_empty())
                .map(codes),
        });
    }
    Ok(())
}

#[given(expr = "this partner file:")]
fn partner_file(w: &mut Spec, step: &Step) -> Result<(), String> {
    let text = step
        .docstring
        .as_ref()
        .ok_or("this step needs the partner file in a doc string")?;
    // The doc string arrives with the line break after its opening quotes; without it,
    // line numbers in messages are the doc string's own.
    w.partner_text = Some(text.strip_prefix('\n').unwrap_or(text).to_string());
    Ok(())
}

/// `PAL, CSP` or `PAL CSP` as a list; `none` as the empty list.
fn codes(cell: &str) -> Vec<String> {
    if cell.eq_ignore_ascii_case("none") {
        return Vec::new();
    }
    cell.split([',', ' '])
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// A data table with named columns.
struct Table<'s> {
    header: Vec<String>,
    rows: &'s [Vec<String>],
}

/// One row of a [`Table`].
struct Row<'t> {
    header: &'t [String],
    cells: Vec<&'t str>,
}

impl<'s> Table<'s> {
    /// The step's table. Its headings must be among `columns` (or be months, when
    /// `months` allows them) and include every one of `required`.
    fn of(
        step: &'s Step,
        columns: &[&str],
        required: &[&str],
        months: bool,
    ) -> Result<Table<'s>, String> {
        let table = step.table.as_ref().ok_or("this step needs a data table")?;
        let (header, rows) = table.rows.split_first().ok_or("the data table is empty")?;
        let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
        for h in &header {
            let known = columns.contains(&h.as_str()) || (months && MonthArg::is_month(h));
            if !known {
                return Err(format!(
                    "unknown column `{h}`: the columns are {}{}",
                    columns.join(", "),
                    if months {
                        " and months such as 2024-12"
                    } else {
                        ""
                    }
                ));
            }
        }
        if let Some(missing) = required.iter().find(|c| !header.iter().any(|h| h == *c)) {
            return Err(format!("the data table needs a `{missing}` column"));
        }
        Ok(Table { header, rows })
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|r| Row {
            header: &self.header,
            cells: r.iter().map(|c| literal(c)).collect(),
        })
    }
}

impl Row<'_> {
    /// The cell under a column, empty when the table has no such column.
    fn get(&self, column: &str) -> &str {
        self.header
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.cells.get(i).copied())
            .unwrap_or("")
    }

    /// The cells under month columns, with their month.
    fn months(&self) -> impl Iterator<Item = (&str, &str)> {
        self.header
            .iter()
            .zip(&self.cells)
            .filter(|(h, _)| MonthArg::is_month(h))
            .map(|(h, c)| (h.as_str(), *c))
    }
}

/// A cell's value: trimmed, or the inside of double quotes taken literally.
fn literal(cell: &str) -> &str {
    let t = cell.trim();
    t.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(t)
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn quoted_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", items.join(", "))
}

impl PartnerFile {
    /// The partner file as YAML. Values the loader reads as plain scalars (months,
    /// dates, amounts, segments, yes/no) are written as the table gave them, so the
    /// loader judges them; names are quoted.
    pub fn to_yaml(&self) -> String {
        let mut y = String::new();
        if let Some(d) = &self.designation {
            y.push_str(&format!("designation: {d}\n"));
        }
        if let Some(e) = &self.edition {
            y.push_str(&format!("edition: {e}\n"));
        }
        if let Some(m) = &self.as_of {
            y.push_str(&format!("as_of: {m}\n"));
        }
        if let Some(p) = self.path {
            y.push_str(&format!("path: {p}\n"));
        }
        if !self.customers.is_empty() {
            y.push_str("customers:\n");
        }
        for c in &self.customers {
            y.push_str(&format!("  - id: {}\n", quoted(&c.id)));
            y.push_str(&format!("    segment: {}\n", c.segment));
            y.push_str(&format!(
                "    attribution: {}\n",
                quoted_list(&c.attribution)
            ));
            if !c.acr.is_empty() {
                y.push_str("    acr:\n");
                for (m, v) in &c.acr {
                    y.push_str(&format!("      {m}: {v}\n"));
                }
            }
        }
        if !self.people.is_empty() {
            y.push_str("people:\n");
        }
        for p in &self.people {
            y.push_str(&format!("  - id: {}\n", quoted(&p.id)));
            if let Some(a) = &p.associated {
                let a = match a.as_str() {
                    "yes" => "true",
                    "no" => "false",
                    other => other,
                };
                y.push_str(&format!("    associated: {a}\n"));
            }
            if !p.certifications.is_empty() {
                y.push_str("    certifications:\n");
            }
            for c in &p.certifications {
                y.push_str(&format!("      - cert: {}\n", quoted(&c.cert)));
                y.push_str(&format!("        earned: {}\n", c.earned));
                if let Some(e) = &c.expires {
                    y.push_str(&format!("        expires: {e}\n"));
                }
            }
        }
        if !self.deployments.is_empty() {
            y.push_str("deployments:\n");
        }
        for d in &self.deployments {
            y.push_str(&format!("  - customer: {}\n", quoted(&d.customer)));
            y.push_str(&format!("    service: {}\n", quoted(&d.service)));
            y.push_str(&format!("    service_level: {}\n", d.service_level));
            y.push_str(&format!("    month: {}\n", d.month));
            if let Some(a) = &d.attribution {
                y.push_str(&format!("    attribution: {}\n", quoted_list(a)));
            }
        }
        y
    }
}
