//! The audit report of `pcscore explain` as a document: facts, the score card, one
//! section per rule area with its evidence tables, and the clause glossary.
//!
//! Markdown and HTML render this same document, so both say exactly the same thing.
//! It is built from the engine's trace and its structured evidence only: every row is
//! one trace entry, every number is one the engine used, and no rule is applied here.

use crate::engine::evidence::{
    AddVerdict, CertRole, CertStatus, CertificationEvidence, CustomerAcr, DeploymentEvidence,
    DeploymentStatus,
};
use crate::engine::{Area, Assessment, Evidence, Outcome, PathSource, TraceEntry};
use crate::model::{Header, Money};
use crate::rulebook::Rulebook;

/// The whole report.
pub(crate) struct Audit {
    /// `Audit report: <designation>`.
    pub title: String,
    /// Who, when, which path, the result.
    pub facts: Vec<(&'static str, String)>,
    /// The file's own description, when it has one.
    pub description: Option<String>,
    /// The score card.
    pub card: Table,
    /// `Designation attained.` or not, with the engine's reason and clause.
    pub verdict: (bool, String, String),
    /// Windows, path, one per subcategory, designation.
    pub sections: Vec<Section>,
    /// Every clause of the catalogue with how often the report cites it.
    pub glossary: Table,
}

/// One rule area.
pub(crate) struct Section {
    /// A stable anchor: `windows`, `net_customer_adds`, ...
    pub anchor: String,
    /// The heading.
    pub title: String,
    /// A line under the heading (the category a subcategory belongs to).
    pub lead: Option<String>,
    /// Evidence tables and findings, in the order the engine applied the rules.
    pub tables: Vec<Table>,
}

/// A table: every renderer lays it out the same way.
pub(crate) struct Table {
    /// What the table shows.
    pub caption: Option<String>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Row>,
    /// How to read highlighted cells, when some are.
    pub legend: Option<String>,
}

/// A column heading; numeric columns align right, short ones stay on one line.
pub(crate) struct Column {
    pub title: String,
    /// A qualifier under the title, such as the window a month belongs to.
    pub note: Option<String>,
    pub numeric: bool,
    pub short: bool,
}

/// A row and how it came out.
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub tone: Tone,
}

/// What a row did to the score, for styling only.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Background or a neutral fact.
    Plain,
    /// The subject counts.
    Counts,
    /// The subject counts against (a loss).
    Against,
    /// The subject does not count.
    Excluded,
    /// A result: points, a total.
    Result,
}

/// One cell. Text may hold `code` spans written with backticks, as the engine writes them.
pub(crate) enum Cell {
    Text(String),
    /// Emphasised: a value at or above a threshold, a total.
    Strong(String),
    /// An identifier shown as code.
    Code(String),
    /// Clause ids, linked to the glossary where the format can.
    Clauses(Vec<String>),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn col(title: impl Into<String>) -> Column {
    Column {
        title: title.into(),
        note: None,
        numeric: false,
        short: false,
    }
}

/// Dates, ids, effects: breaking them across lines makes them hard to read.
fn short(title: impl Into<String>) -> Column {
    Column {
        short: true,
        ..col(title)
    }
}

fn num(title: impl Into<String>) -> Column {
    Column {
        numeric: true,
        short: true,
        ..col(title)
    }
}

/// A numeric column with a qualifier: `2023-11` over `baseline`.
fn num_noted(title: impl Into<String>, note: &str) -> Column {
    Column {
        note: Some(note.to_string()),
        ..num(title)
    }
}

/// The effect column: `+1`, `-1`, `0`, `= 20` or `note`, as in the text explanation.
pub(crate) fn effect(outcome: Outcome) -> String {
    match outcome {
        Outcome::Note => "note".to_string(),
        Outcome::Counts(n) if n > 0 => format!("+{n}"),
        Outcome::Counts(n) => format!("{n}"),
        Outcome::Excluded => "0".to_string(),
        // As cards show points (PCS.POINTS.SHOWN): a whole value is unchanged.
        Outcome::Points(p) => format!("= {}", p.shown_text(2)),
    }
}

fn tone(outcome: Outcome) -> Tone {
    match outcome {
        Outcome::Note => Tone::Plain,
        Outcome::Counts(n) if n < 0 => Tone::Against,
        Outcome::Counts(_) => Tone::Counts,
        Outcome::Excluded => Tone::Excluded,
        Outcome::Points(_) => Tone::Result,
    }
}

/// Amounts in tables: the unit is in the column heading or caption.
fn amount(m: Money) -> String {
    let shown = m.to_string();
    shown.strip_prefix("USD ").unwrap_or(&shown).to_string()
}

/// Builds the report of an assessment.
pub(crate) fn build(file: &str, header: &Header, a: &Assessment, book: &Rulebook) -> Audit {
    let card = &a.card;
    let attainment = a
        .trace
        .iter()
        .rev()
        .find(|e| e.area == Area::Designation && e.clause == book.attainment.clause);
    let max_total = book.max_total();
    let path_clause = a
        .trace
        .iter()
        .find(|e| e.area == Area::Path && e.outcome == Outcome::Note)
        .map(|e| format!(" ({})", e.clause))
        .unwrap_or_default();
    let mut facts = vec![
        (
            "Partner",
            header
                .name
                .clone()
                .unwrap_or_else(|| "(the file gives no name)".to_string()),
        ),
        ("File", file.to_string()),
        ("Designation", book.title.clone()),
        ("Rules", super::card::edition_words(book)),
        ("Measurement month (M)", a.as_of.to_string()),
        (
            "Path",
            format!(
                "{}, {}{path_clause}",
                crate::engine::path_word(card.path),
                match a.path_source {
                    PathSource::Explicit => "set in the file",
                    PathSource::Derived => "derived from the data",
                }
            ),
        ),
        (
            "Total",
            format!("{} of {max_total} points", card.shown_text(card.total)),
        ),
        (
            "Result",
            if card.attained {
                "designation attained".to_string()
            } else {
                "designation not attained".to_string()
            },
        ),
        ("Rules", book.source.clone()),
    ];
    // Beside the path and the rules they qualify (PCS.JSON, MW.PATH.BEST).
    if let Some(paths) = super::card::paths_words(a, book) {
        let at = facts
            .iter()
            .position(|f| f.0 == "Path")
            .map_or(0, |i| i + 1);
        facts.insert(at, ("Paths", paths));
    }
    if let Some(note) = super::card::edition_note(a, book) {
        let at = facts
            .iter()
            .position(|f| f.0 == "Rules")
            .map_or(0, |i| i + 1);
        facts.insert(at, ("Edition", note));
    }
    // The heading already says whether it is attained: the reason without its verdict.
    let why = match attainment.map(|e| &e.evidence) {
        Some(Evidence::Attainment(a)) => super::reason::attainment_why(a),
        _ => String::new(),
    };
    let verdict = (
        card.attained,
        why,
        attainment.map(|e| e.clause.clone()).unwrap_or_default(),
    );

    let mut sections = vec![
        section(a, book, "windows", "Windows".into(), None, Area::Windows),
        section(
            a,
            book,
            "path",
            "Path and attribution".into(),
            None,
            Area::Path,
        ),
    ];
    for (i, sub) in book.subcategories().enumerate() {
        sections.push(section(
            a,
            book,
            &sub.key,
            format!(
                "{}: {} of {} points",
                sub.title,
                card.shown_text(card.points_of(&sub.key)),
                sub.max
            ),
            Some(book.category_title(&sub.category).to_string()),
            Area::Subcategory(i),
        ));
    }
    sections.push(section(
        a,
        book,
        "designation",
        format!(
            "Designation: {} of {max_total} points",
            card.shown_text(card.total)
        ),
        None,
        Area::Designation,
    ));

    if !a.unused.is_empty() {
        sections.push(Section {
            anchor: "unused".into(),
            title: "Data not read".into(),
            lead: None,
            tables: vec![Table {
                caption: Some(
                    "Accepted, counts nothing: no rule of this designation reads it (PCS.DATA.UNUSED)"
                        .into(),
                ),
                columns: vec![col("Field"), col("Customer"), col("Data")],
                rows: a
                    .unused
                    .iter()
                    .map(|u| Row {
                        cells: vec![
                            text(u.field.clone()),
                            text(u.customer.clone()),
                            text(match &u.what {
                                crate::rulebook::reads::UnusedKind::Acr => "acr".to_string(),
                                crate::rulebook::reads::UnusedKind::AcrByService => {
                                    "acr_by_service".to_string()
                                }
                                crate::rulebook::reads::UnusedKind::Workload(slug) => {
                                    format!("workload {slug}")
                                }
                            }),
                        ],
                        tone: Tone::Plain,
                    })
                    .collect(),
                legend: None,
            }],
        });
    }

    Audit {
        title: format!("Audit report: {}", book.title),
        facts,
        description: header.description.as_ref().map(|d| d.trim().to_string()),
        card: card_table(a, book),
        verdict,
        sections,
        glossary: glossary(a, book),
    }
}

fn card_table(a: &Assessment, book: &Rulebook) -> Table {
    let card = &a.card;
    let mut rows = Vec::new();
    for cat in &book.categories {
        rows.push(Row {
            cells: vec![
                Cell::Strong(cat.title.clone()),
                text(""),
                Cell::Strong(card.shown_text(card.category_of(&cat.key))),
                text(cat.max.to_string()),
            ],
            tone: Tone::Plain,
        });
        for sub in book.subcategories_in(&cat.key) {
            rows.push(Row {
                cells: vec![
                    text(""),
                    text(&sub.title),
                    text(card.shown_text(card.points_of(&sub.key))),
                    text(sub.max.to_string()),
                ],
                tone: Tone::Plain,
            });
        }
    }
    let max_total = book.max_total();
    rows.push(Row {
        cells: vec![
            Cell::Strong("Total".into()),
            text(""),
            Cell::Strong(card.shown_text(card.total)),
            text(max_total.to_string()),
        ],
        tone: Tone::Result,
    });
    Table {
        caption: None,
        columns: vec![
            col("Category"),
            col("Subcategory"),
            num("Points"),
            num("Maximum"),
        ],
        rows,
        legend: None,
    }
}

fn glossary(a: &Assessment, book: &Rulebook) -> Table {
    let rows = book
        .clauses
        .iter()
        .map(|c| {
            let cited = a.trace.iter().filter(|e| cites(e, &c.id)).count();
            Row {
                cells: vec![
                    Cell::Code(c.id.clone()),
                    text(c.section.clone()),
                    text(c.summary.clone()),
                    text(if cited == 0 {
                        "-".to_string()
                    } else {
                        cited.to_string()
                    }),
                ],
                tone: Tone::Plain,
            }
        })
        .collect();
    Table {
        caption: Some(
            "Every reading of the guide the rulebook implements; the last column counts the lines of this report that cite it."
                .into(),
        ),
        columns: vec![col("Clause"), col("Guide section"), col("Reading"), num("Cited")],
        rows,
        legend: None,
    }
}

/// Whether an entry cites a clause: its own, or one of a refused deployment's reasons.
fn cites(e: &TraceEntry, id: &str) -> bool {
    e.clause == id || clauses_of(e).iter().any(|c| c == id)
}

/// The clause ids a row cites: all the reasons of a refused deployment, else the entry's.
fn clauses_of(e: &TraceEntry) -> Vec<String> {
    if let Evidence::Deployment(DeploymentEvidence {
        status: DeploymentStatus::Refused { reasons },
        ..
    }) = &e.evidence
    {
        let mut ids: Vec<String> = Vec::new();
        for (id, _) in reasons {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        if !ids.is_empty() {
            return ids;
        }
    }
    vec![e.clause.clone()]
}

/// Which evidence table an entry's row belongs to; `None` for the findings table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Findings,
    Attribution,
    CustomerAcr,
    Certification,
    Growth,
    Deployment,
}

fn kind(e: &TraceEntry) -> Kind {
    match &e.evidence {
        Evidence::Attribution { .. } => Kind::Attribution,
        Evidence::CustomerAcr(_) => Kind::CustomerAcr,
        Evidence::Certification(_) => Kind::Certification,
        Evidence::GrowthCustomer { .. } | Evidence::GrowthTotals { .. } => Kind::Growth,
        Evidence::Deployment(_) => Kind::Deployment,
        _ => Kind::Findings,
    }
}

/// Groups a rule area's entries: each evidence table takes all rows of its kind at the
/// place its first row appears; the other entries form findings tables between them.
fn section(
    a: &Assessment,
    book: &Rulebook,
    anchor: &str,
    title: String,
    lead: Option<String>,
    area: Area,
) -> Section {
    let mut blocks: Vec<(Kind, Vec<&TraceEntry>)> = Vec::new();
    for e in a.trace.iter().filter(|e| e.area == area) {
        let k = kind(e);
        let slot = if k == Kind::Findings {
            match blocks.last() {
                Some((Kind::Findings, _)) => Some(blocks.len() - 1),
                _ => None,
            }
        } else {
            blocks.iter().position(|(b, _)| *b == k)
        };
        match slot {
            Some(i) => blocks[i].1.push(e),
            None => blocks.push((k, vec![e])),
        }
    }
    Section {
        anchor: anchor.to_string(),
        title,
        lead,
        tables: blocks
            .into_iter()
            .map(|(k, entries)| match k {
                Kind::Findings => findings(&entries),
                Kind::Attribution => attribution_table(&entries),
                Kind::CustomerAcr => customer_acr_table(&entries),
                Kind::Certification => certification_table(&entries, book),
                Kind::Growth => growth_table(&entries, book),
                Kind::Deployment => deployment_table(&entries),
            })
            .collect(),
    }
}

fn findings(entries: &[&TraceEntry]) -> Table {
    Table {
        caption: None,
        columns: vec![
            short("Effect"),
            col("About"),
            col("Clause"),
            col("Reason and data"),
        ],
        rows: entries
            .iter()
            .map(|e| Row {
                cells: vec![
                    text(effect(e.outcome)),
                    text(e.subject.to_string()),
                    Cell::Clauses(clauses_of(e)),
                    text(crate::report::reason(e)),
                ],
                tone: tone(e.outcome),
            })
            .collect(),
        legend: None,
    }
}

fn attribution_table(entries: &[&TraceEntry]) -> Table {
    let rows = entries
        .iter()
        .map(|e| {
            let (customer, segment, codes) = match &e.evidence {
                Evidence::Attribution {
                    customer,
                    segment,
                    codes,
                    ..
                } => (
                    customer.clone(),
                    segment.map_or("", |s| s.as_str()).to_string(),
                    if codes.is_empty() {
                        "none".to_string()
                    } else {
                        codes.join(", ")
                    },
                ),
                _ => (String::new(), String::new(), String::new()),
            };
            Row {
                cells: vec![
                    Cell::Code(customer),
                    text(segment),
                    text(codes),
                    text(effect(e.outcome)),
                    Cell::Clauses(clauses_of(e)),
                    text(crate::report::reason(e)),
                ],
                tone: tone(e.outcome),
            }
        })
        .collect();
    Table {
        caption: Some("Customers left out: no eligible attribution".into()),
        columns: vec![
            short("Customer"),
            short("Segment"),
            col("Attribution"),
            short("Effect"),
            col("Clause"),
            col("Reason"),
        ],
        rows,
        legend: None,
    }
}

fn customer_acr_table(entries: &[&TraceEntry]) -> Table {
    let first = entries.iter().find_map(|e| match &e.evidence {
        Evidence::CustomerAcr(c) => Some(c),
        _ => None,
    });
    let mut columns = vec![short("Customer")];
    if let Some(c) = first {
        columns.extend(
            c.baseline
                .iter()
                .map(|m| num_noted(m.month.to_string(), "baseline")),
        );
        columns.extend(
            c.recent
                .iter()
                .map(|m| num_noted(m.month.to_string(), "last two")),
        );
    }
    columns.extend([short("Effect"), col("Clause"), col("Finding")]);
    let rows = entries
        .iter()
        .filter_map(|e| match &e.evidence {
            Evidence::CustomerAcr(c) => Some((e, c)),
            _ => None,
        })
        .map(|(e, c): (&&TraceEntry, &CustomerAcr)| {
            let mut cells = vec![Cell::Code(c.customer.clone())];
            for m in c.baseline.iter().chain(&c.recent) {
                cells.push(if m.at_threshold {
                    Cell::Strong(amount(m.amount))
                } else {
                    text(amount(m.amount))
                });
            }
            cells.push(text(format!(
                "{} ({})",
                effect(e.outcome),
                match c.verdict {
                    AddVerdict::Add => "add",
                    AddVerdict::Loss => "loss",
                    AddVerdict::Neutral => "neither",
                }
            )));
            cells.push(Cell::Clauses(clauses_of(e)));
            cells.push(text(super::reason::finding(c)));
            Row {
                cells,
                tone: tone(e.outcome),
            }
        })
        .collect();
    Table {
        caption: Some("Customers: eligible ACR in USD around the threshold".into()),
        columns,
        rows,
        legend: first.map(|c| {
            format!(
                "Bold amounts reach the threshold of {} a month; a month with no figure shows 0.00.",
                c.threshold
            )
        }),
    }
}

fn certification_table(entries: &[&TraceEntry], book: &Rulebook) -> Table {
    let rows = entries
        .iter()
        .filter_map(|e| match &e.evidence {
            Evidence::Certification(c) => Some((e, c)),
            _ => None,
        })
        .map(|(e, c): (&&TraceEntry, &CertificationEvidence)| {
            let cert = match (&c.title, book.certification(&c.cert)) {
                (Some(title), Some(info)) if info.slug == c.cert => title.clone(),
                (Some(title), _) => format!("{title} (written `{}`)", c.cert),
                (None, _) => format!("`{}`", c.cert),
            };
            let role = match c.role {
                Some(CertRole::Prerequisite) => "prerequisite",
                Some(CertRole::Scoring) => "scoring",
                None => "none",
            };
            let status = match &c.status {
                CertStatus::Active => "active",
                CertStatus::NotYetEarned | CertStatus::Expired => "inactive",
                CertStatus::NotAssociated => "not associated",
                CertStatus::Retired { .. } => "retired",
                CertStatus::NotScored => "not scored",
            };
            let why =
                super::reason::why_not(c).unwrap_or_else(|| format!("active on {}", c.judged_on));
            Row {
                cells: vec![
                    Cell::Code(c.person.clone()),
                    text(cert),
                    text(role),
                    text(c.earned.to_string()),
                    text(c.expires.map_or("none".to_string(), |d| d.to_string())),
                    if c.status == CertStatus::Active {
                        Cell::Strong(status.into())
                    } else {
                        text(status)
                    },
                    text(effect(e.outcome)),
                    Cell::Clauses(clauses_of(e)),
                    text(why),
                ],
                tone: tone(e.outcome),
            }
        })
        .collect();
    Table {
        caption: Some(
            "People and certifications, judged on the last day of M; +1 counts the person toward the schedule below, once per subcategory"
                .into(),
        ),
        columns: vec![
            short("Person"),
            col("Certification"),
            short("Role"),
            short("Earned"),
            short("Expires"),
            short("Status"),
            short("Effect"),
            col("Clause"),
            col("Why"),
        ],
        rows,
        legend: None,
    }
}

fn growth_table(entries: &[&TraceEntry], book: &Rulebook) -> Table {
    let months = entries.iter().find_map(|e| match &e.evidence {
        Evidence::GrowthTotals {
            last_month,
            prior_month,
            ..
        } => Some((*prior_month, *last_month)),
        _ => None,
    });
    let then = book.windows.growth_comparison.span("to");
    let (prior, last) = match months {
        Some((p, l)) => (
            num_noted(p.to_string(), &format!("P, {then}")),
            num_noted(l.to_string(), "L, M"),
        ),
        None => (num(then), num("M")),
    };
    let rows = entries
        .iter()
        .filter_map(|e| match &e.evidence {
            Evidence::GrowthCustomer {
                customer,
                last,
                prior,
                ..
            } => Some(Row {
                cells: vec![
                    Cell::Code(customer.clone()),
                    text(amount(*prior)),
                    text(amount(*last)),
                    Cell::Clauses(clauses_of(e)),
                ],
                tone: Tone::Plain,
            }),
            Evidence::GrowthTotals { last, prior, .. } => Some(Row {
                cells: vec![
                    Cell::Strong("All eligible customers".into()),
                    Cell::Strong(amount(*prior)),
                    Cell::Strong(amount(*last)),
                    Cell::Clauses(clauses_of(e)),
                ],
                tone: Tone::Result,
            }),
            _ => None,
        })
        .collect();
    Table {
        caption: Some(format!(
            "Eligible ACR in USD: M against the {}",
            book.windows.growth_comparison.title
        )),
        columns: vec![short("Customer"), prior, last, col("Clause")],
        rows,
        legend: Some("Customers with no ACR in either month are not listed.".into()),
    }
}

fn deployment_table(entries: &[&TraceEntry]) -> Table {
    let rows = entries
        .iter()
        .filter_map(|e| match &e.evidence {
            Evidence::Deployment(d) => Some((e, d)),
            _ => None,
        })
        .map(|(e, d): (&&TraceEntry, &DeploymentEvidence)| {
            let attribution = format!(
                "{} ({})",
                if d.attribution.is_empty() {
                    "none".to_string()
                } else {
                    d.attribution.join(", ")
                },
                if d.own_attribution {
                    "own"
                } else {
                    "customer's"
                }
            );
            let result = match &d.status {
                DeploymentStatus::Counted { .. } => Cell::Strong("counted".into()),
                DeploymentStatus::Merged { into, .. } => text(format!("same as {into}")),
                DeploymentStatus::Refused { .. } => text("refused"),
            };
            Row {
                cells: vec![
                    text(d.number.to_string()),
                    text(d.service.clone()),
                    Cell::Code(d.customer.clone()),
                    text(d.month.to_string()),
                    text(d.service_level.to_string()),
                    text(attribution),
                    result,
                    Cell::Clauses(clauses_of(e)),
                    text(crate::report::reason(e)),
                ],
                tone: tone(e.outcome),
            }
        })
        .collect();
    Table {
        caption: Some("Deployments in file order: counted, merged or refused".into()),
        columns: vec![
            num("#"),
            col("Service"),
            short("Customer"),
            short("Month"),
            num("Level"),
            col("Attribution"),
            short("Result"),
            col("Clause"),
            col("Reason"),
        ],
        rows,
        legend: None,
    }
}
