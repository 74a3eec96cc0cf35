//! The output of `pcscore rules`: the rulebook as tables people can read against the
//! guide, and the findings of `pcscore rules --check`.

use super::{count, one_line};
use crate::model::{PathKind, Points};
use crate::rulebook::check::Check;
use crate::rulebook::{CertificationLadder, PathRule, Rule, Rulebook, Subcategory};

/// The rulebook as four tables: maxima, point schedules per path, certifications, and
/// thresholds and windows; every row with the clause id that grants it.
pub fn rules_text(book: &Rulebook) -> String {
    // A rulebook may come from a file (`--rulebook`): its words are shown safely.
    let mut out = format!(
        "{}\n`{}`, from the {}\n\n",
        one_line(&book.title),
        one_line(&book.designation),
        one_line(&book.source)
    );

    let mut rows = vec![row(["Maxima", "points", "clause"])];
    let mut total = Points::ZERO;
    for cat in &book.categories {
        total += cat.max;
        rows.push(row([&cat.title, &cat.max.to_string(), &cat.clause]));
        for sub in book.subcategories_in(&cat.key) {
            rows.push(row([
                &format!("  {}", sub.title),
                &sub.max.to_string(),
                &sub.clause,
            ]));
        }
    }
    rows.push(row(["Total", &total.to_string(), ""]));
    out.push_str(&table(&rows, &[1]));
    let a = &book.attainment;
    out.push_str(&format!(
        "Attained with at least {} points and at least {} in every subcategory ({}).\n\n",
        a.min_total,
        super::points_count(a.min_points_per_subcategory),
        one_line(&a.clause)
    ));

    let both = |f: &dyn Fn(PathKind) -> String| [f(PathKind::Enterprise), f(PathKind::Smb)];
    let mut rows = vec![row([
        "Point schedules",
        "Enterprise path",
        "SMB path",
        "clause",
    ])];
    for sub in book.subcategories() {
        match &sub.rule {
            Rule::NetCustomerAdds(nca) => {
                let [e, s] = both(&|_| {
                    format!(
                        "{} x {} net adds = {}",
                        nca.points_per_add,
                        nca.max_adds,
                        nca.points_per_add * nca.max_adds
                    )
                });
                rows.push(row([&sub.title, &e, &s, &sub.clause]));
                let [e, s] = both(&|p| format!("{} ACR a month", nca.threshold_on(p)));
                rows.push(row([
                    "  threshold (at or above)",
                    &e,
                    &s,
                    &nca.clauses.threshold,
                ]));
            }
            Rule::CertificationLadder(ladder) => {
                let schedule = &ladder.schedule;
                // Every met step earns its gate points, as the check counts them: a
                // ladder of two steps shows both.
                let steps = u32::try_from(ladder.prerequisites.len()).unwrap_or(u32::MAX);
                let [e, s] = both(&|p| {
                    let s = schedule.on(p);
                    let gates = s.gate_points * steps;
                    format!(
                        "{} + {} x {} {} = {}",
                        gates,
                        s.points_per_person,
                        s.max_people,
                        if s.max_people == 1 {
                            "person"
                        } else {
                            "people"
                        },
                        gates + s.points_per_person * s.max_people
                    )
                });
                // One clause per path, stacked in the order of the path columns.
                rows.push(row([&sub.title, &e, &s, &schedule.enterprise.clause]));
                rows.push(row(["", "", "", &schedule.smb.clause]));
                for step in &ladder.prerequisites {
                    let [e, s] = both(&|p| {
                        let s = schedule.on(p);
                        format!("{} holding it, earns {}", s.gate_people, s.gate_points)
                    });
                    rows.push(row(["  prerequisite", &e, &s, &step.clause]));
                }
            }
            Rule::UsageGrowth(ug) => {
                let [e, s] = both(&|_| format!("{} per whole % of growth", ug.points_per_percent));
                rows.push(row([&sub.title, &e, &s, &sub.clause]));
                let [e, s] = both(&|_| format!("{} ACR in M", ug.min_last_month_acr()));
                rows.push(row(["  minimum", &e, &s, &ug.clauses.min_acr]));
            }
            Rule::Deployments(dep) => {
                let [e, s] = both(&|_| {
                    format!(
                        "{} x {} services = {}",
                        dep.points_per_service,
                        dep.max_services,
                        dep.points_per_service * dep.max_services
                    )
                });
                rows.push(row([&sub.title, &e, &s, &sub.clause]));
            }
            rule => workload_rows(&sub.title, &sub.clause, rule, &mut rows),
        }
    }
    out.push_str(&table(&rows, &[]));
    out.push_str("Every subcategory is then capped at its maximum above.\n\n");

    let mut rows = vec![row(["Certifications", "", "", "clause"])];
    for (sub, ladder) in ladders(book) {
        let mut level = sub.title.split(' ').next().unwrap_or_default();
        let steps = ladder
            .prerequisites
            .iter()
            .map(|step| ("prerequisite", step))
            .chain([("scoring", &ladder.scoring)]);
        for (kind, step) in steps {
            for (i, slug) in step.certs.iter().enumerate() {
                let (kind, clause) = match i {
                    0 => (kind, step.clause.as_str()),
                    _ => ("", ""),
                };
                let shown = if kind == "prerequisite" { level } else { "" };
                rows.push(row([shown, kind, &certification(book, slug), clause]));
                if kind == "prerequisite" {
                    level = "";
                }
                if let Some(r) = ladder.retirement(slug) {
                    let when = match &r.retired_on {
                        Some(day) => {
                            format!("  retired {day}, scores through {}", r.scores_through)
                        }
                        None => format!("  scores through {}", r.scores_through),
                    };
                    rows.push(row(["", "", &when, &r.clause]));
                }
                if let Some(r) = ladder.retiring_of(slug) {
                    let when = format!("  retiring {}, scores while active", r.retires_on);
                    rows.push(row(["", "", &when, &r.clause]));
                }
            }
        }
    }
    out.push_str(&table(&rows, &[]));
    out.push('\n');

    let mut rows = vec![row(["Thresholds and windows", "", "clause"])];
    match &book.path {
        PathRule::DrivenAcrAndShare(p) => {
            rows.push(row([
                "SMB path",
                &format!(
                    "driven ACR under {} and at least {}% of customers {}",
                    p.limit(),
                    p.smb_share_percent,
                    p.smb_segments.join(" or ")
                ),
                &p.derived_clause,
            ]));
            rows.push(row(["Enterprise path", "otherwise", ""]));
        }
        PathRule::ShareInMonth(p) => {
            rows.push(row([
                "SMB path",
                &format!(
                    "at least {}% of the customers with ACR in M {}, or no such customer; \
                     no ACR limit",
                    p.smb_share_percent,
                    p.smb_segments.join(" or ")
                ),
                &p.derived_clause,
            ]));
            rows.push(row(["Enterprise path", "otherwise", ""]));
        }
        PathRule::RevenuePairs(p) => {
            rows.push(row([
                "Enterprise path",
                &format!(
                    "at least {} revenue pairs with revenue {} in both M and M-12",
                    p.min_pairs, p.revenue
                ),
                &p.derived_clause,
            ]));
            rows.push(row(["SMB path", "otherwise", ""]));
        }
        PathRule::BestOfBoth(p) => {
            rows.push(row([
                "Path",
                "both scored: the one that attains, else the higher total, a tie Enterprise",
                &p.derived_clause,
            ]));
        }
    }
    rows.push(row([
        "Eligible attributions",
        &book.attribution.eligible.join(", "),
        &book.attribution.clause,
    ]));
    for sub in book.subcategories() {
        if let Rule::Deployments(dep) = &sub.rule {
            rows.push(row([
                "Eligible deployments",
                &format!(
                    "service level {}, except {}",
                    dep.service_level,
                    dep.excluded_services.join(", ")
                ),
                &dep.clauses.eligible,
            ]));
        }
    }
    let w = &book.windows;
    // Windows that are named by what they hold say so in their own words.
    for (label, window) in [
        ("Recent months".to_string(), &w.recent),
        (capitalized(&w.baseline.title), &w.baseline),
        (capitalized(&w.ttm.title), &w.ttm),
        (
            "Usage growth compares M with".to_string(),
            &w.growth_comparison,
        ),
    ] {
        rows.push(row([&label, &window.span("to"), &window.clause]));
    }
    out.push_str(&table(&rows, &[]));
    out
}

/// `pcscore rules --check`: one line per check, `ok` or `FAIL`, and a closing count.
pub fn rules_check_text(checks: &[Check]) -> String {
    let mut out = String::new();
    for c in checks {
        let mark = if c.holds { "ok  " } else { "FAIL" };
        out.push_str(&format!("{mark}  {}\n", one_line(&c.sentence)));
    }
    let failed = checks.iter().filter(|c| !c.holds).count();
    out.push_str(&format!(
        "{}: {} hold, {} {}\n",
        count(checks.len(), "check", "checks"),
        checks.len() - failed,
        failed,
        if failed == 1 {
            "inconsistency"
        } else {
            "inconsistencies"
        }
    ));
    out
}

/// The certification subcategories, with their ladders.
fn ladders(book: &Rulebook) -> impl Iterator<Item = (&Subcategory, &CertificationLadder)> {
    book.subcategories().filter_map(|sub| match &sub.rule {
        Rule::CertificationLadder(ladder) => Some((sub, &**ladder)),
        _ => None,
    })
}

fn certification(book: &Rulebook, slug: &str) -> String {
    match book.certification(slug) {
        Some(c) => c.label(),
        None => slug.to_string(),
    }
}

/// `M-1 to M`, `M-12`.
/// `Trailing twelve months` from `trailing twelve months`.
fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| one_line(c).into_owned()).collect()
}

/// Rows as aligned columns two spaces apart; the columns in `right` are right-aligned.
fn table(rows: &[Vec<String>], right: &[usize]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if right.contains(&i) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The point schedule rows of the 2026-05 workload kinds.
fn workload_rows(title: &str, clause: &str, rule: &Rule, rows: &mut Vec<Vec<String>>) {
    let both = |f: &dyn Fn(PathKind) -> String| [f(PathKind::Enterprise), f(PathKind::Smb)];
    match rule {
        Rule::NetUnits(r) => {
            let [e, s] = both(&|p| {
                let per = r.points_per_unit.on(p);
                match &r.max_units {
                    Some(max) => format!("{per} x {} net units = {}", max.on(p), *per * *max.on(p)),
                    None => format!("{per} per net unit"),
                }
            });
            rows.push(row([title, &e, &s, clause]));
            for side in &r.sides {
                let [e, s] = both(&|p| unit_test(side, p));
                rows.push(row(["  counts", &e, &s, side.clause()]));
            }
        }
        Rule::ConsumptionGrowth(r) => {
            let [e, s] = both(&|_| format!("{} per whole % of MCV growth", r.points_per_percent));
            rows.push(row([title, &e, &s, clause]));
            let [e, s] = both(&|p| format!("MCV at M-12 {}", r.baseline.on(p)));
            rows.push(row(["  baseline", &e, &s, &r.clauses.baseline]));
        }
        Rule::GrowthByAssociationType(r) => {
            let [e, s] = both(&|p| {
                let types: Vec<String> = r
                    .thresholds
                    .on(p)
                    .iter()
                    .map(|t| format!("{} {}", t.name, t.value))
                    .collect();
                format!("{} x users of growth / {}", r.points, types.join(", "))
            });
            rows.push(row([title, &e, &s, clause]));
        }
        Rule::DeployedShare(r) => {
            let [e, s] = both(&|p| {
                let types: Vec<String> = r
                    .values
                    .on(p)
                    .iter()
                    .map(|t| format!("{} {}", t.name, t.value))
                    .collect();
                format!(
                    "per net tenant at {}%: {}",
                    r.share_percent,
                    types.join(", ")
                )
            });
            rows.push(row([title, &e, &s, clause]));
        }
        Rule::SideGrowth(r) => {
            let [e, s] = both(&|p| {
                format!(
                    "{} per USD {} of security TTM, per {} users",
                    r.points_per_step,
                    crate::model::plain_decimal(r.azure.step.on(p).0),
                    r.m365.step.on(p)
                )
            });
            rows.push(row([title, &e, &s, clause]));
        }
        _ => {}
    }
}

fn unit_test(test: &crate::rulebook::UnitTest, p: PathKind) -> String {
    use crate::rulebook::UnitTest;
    match test {
        UnitTest::RevenuePairs { revenue, .. } => format!("pairs with revenue {}", revenue.on(p)),
        UnitTest::McvPairs { mcv, .. } => format!("pairs with MCV {}", mcv.on(p)),
        UnitTest::PathTenants { .. } => "path tenants".to_string(),
        UnitTest::DeployedTenants { share_percent, .. } => {
            format!("tenants with users at {share_percent}% of licences")
        }
        UnitTest::SecurityCustomers { ttm, .. } => format!("security TTM {}", ttm.on(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rulebook read with `--rulebook` is a file too: its words are shown on one line.
    #[test]
    fn a_rulebook_file_cannot_add_lines_or_terminal_codes() {
        let mut book = Rulebook::builtin().clone();
        let lines = rules_text(&book).lines().count();
        book.title = "Title\n\u{1b}[2Kforged".into();
        book.subcategories[0].clause = "DAI\r\nX".into();
        let text = rules_text(&book);
        assert_eq!(text.lines().count(), lines, "{text}");
        assert!(text.starts_with("Title\\n\\e[2Kforged\n"), "{text}");
        assert!(text.contains("DAI\\r\\nX"), "{text}");
    }
}
