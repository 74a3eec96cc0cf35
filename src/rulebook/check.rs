//! The rulebook's arithmetic, checked: every subcategory cap can be reached from its
//! point schedule on each path (and the schedule gives nothing beyond it), the caps add
//! up to their category's maximum, the categories add up to 100, and the attainment bar
//! can be reached on each path.
//!
//! Each check yields one sentence with its numbers and clause id, whether it holds or
//! not. When a subcategory's cap is the one number that disagrees with both its schedule
//! and its category (the guide's own misprint of 40 for intermediate certifications),
//! the two failures are reported as one finding that names the cap the others agree on.

use super::{CategoryRule, Rule, Rulebook, Subcategory};
use crate::model::{PathKind, Points};
use rust_decimal::Decimal;

/// The points the guide has in all, across the three categories (`PCS.CATEGORY.MAX`).
pub const TOTAL_POINTS: u32 = 100;

/// The paths, in the order findings name them.
const PATHS: [PathKind; 2] = [PathKind::Enterprise, PathKind::Smb];

/// What a check is about: categories and subcategories by their keys.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CheckKind {
    /// A category's subcategory caps add up to its maximum.
    CategorySum(String),
    /// The category maxima add up to [`TOTAL_POINTS`].
    Total,
    /// A subcategory's schedule reaches its cap, and no further, on every path.
    Reach(String),
    /// A cap that disagrees with both its schedule and its category's maximum.
    MisprintedCap(String),
    /// The attainment bar can be met on every path.
    Attainment,
    /// An edition's workload table lists exactly the workloads its rulebooks read,
    /// each once (by the edition).
    WorkloadTable(String),
}

/// One check of the rulebook's arithmetic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What was checked.
    pub kind: CheckKind,
    /// Whether the arithmetic holds.
    pub holds: bool,
    /// One sentence with the numbers, ending with the clause id in parentheses.
    pub sentence: String,
}

/// The most points a subcategory's schedule gives on one path, and how.
#[derive(Debug, Clone)]
enum Reach {
    /// A fixed number of units: the sum is the most it gives.
    Bounded { points: Points, sum: String },
    /// Points per unit without a limit on units (usage growth's percent): it reaches
    /// any cap when it gives anything per unit; the subcategory cap clamps it.
    Unbounded {
        per_unit: Points,
        unit: &'static str,
    },
}

/// No cap: what a schedule gives on its own.
const UNCAPPED: Points = Points::new(Decimal::MAX);

impl Reach {
    /// The most the subcategory can score on the path, cap applied.
    fn achievable(&self, cap: Points) -> Points {
        match self {
            Reach::Bounded { points, .. } => (*points).min(cap),
            Reach::Unbounded { per_unit, .. } if *per_unit > Points::ZERO => cap,
            Reach::Unbounded { .. } => Points::ZERO,
        }
    }

    fn describe(&self, cap: Points) -> String {
        match self {
            Reach::Bounded { points, sum } => format!("{sum} = {points}"),
            Reach::Unbounded { per_unit, unit } if *per_unit <= Points::ZERO => {
                format!("0 per {unit}")
            }
            Reach::Unbounded { per_unit, unit } => {
                // Exact: 15 / (15/7) is 7 units, not 7.000...1.
                let units = (cap.value() / per_unit.value()).round_dp(12).ceil();
                let percent = if unit.contains("percent") { "%" } else { "" };
                format!("{per_unit} per {unit}, {cap} from {units}{percent}")
            }
        }
    }
}

fn reach(sub: &Subcategory, path: PathKind) -> Reach {
    // Skilling shows its prerequisite points even when they are 0, as the guide's
    // Enterprise schedule has them: "no points are earned for prerequisite certifications".
    let bounded = |fixed: Option<Points>, per: Points, units: u32| {
        let points = fixed.unwrap_or(Points::ZERO) + per * units;
        let sum = match fixed {
            Some(fixed) => format!("{fixed} + {per} x {units}"),
            None => format!("{per} x {units}"),
        };
        Reach::Bounded { points, sum }
    };
    match &sub.rule {
        Rule::NetCustomerAdds(r) => bounded(None, r.points_per_add, r.max_adds),
        Rule::CertificationLadder(r) => {
            let s = r.schedule.on(path);
            // Every met step earns its gate points.
            let steps = u32::try_from(r.prerequisites.len()).unwrap_or(u32::MAX);
            bounded(
                Some(s.gate_points * steps),
                s.points_per_person,
                s.max_people,
            )
        }
        Rule::UsageGrowth(r) => Reach::Unbounded {
            per_unit: r.points_per_percent,
            unit: "whole percent of growth",
        },
        Rule::Deployments(r) => bounded(None, r.points_per_service, r.max_services),
        Rule::NetUnits(r) => match &r.max_units {
            Some(max) => bounded(None, *r.points_per_unit.on(path), *max.on(path)),
            None => Reach::Unbounded {
                per_unit: *r.points_per_unit.on(path),
                unit: "net unit",
            },
        },
        Rule::ConsumptionGrowth(r) => Reach::Unbounded {
            per_unit: r.points_per_percent,
            unit: "whole percent of growth",
        },
        Rule::GrowthByAssociationType(r) => Reach::Bounded {
            points: r.points,
            sum: format!("the best type's {}", r.points),
        },
        Rule::DeployedShare(r) => Reach::Unbounded {
            per_unit: r
                .values
                .on(path)
                .iter()
                .map(|t| t.value)
                .max()
                .unwrap_or(Points::ZERO),
            unit: "net tenant of the best type",
        },
        Rule::SideGrowth(r) => Reach::Unbounded {
            per_unit: r.points_per_step,
            unit: "step of growth",
        },
    }
}

fn subs_of<'b>(book: &'b Rulebook, cat: &'b CategoryRule) -> impl Iterator<Item = &'b Subcategory> {
    book.subcategories_in(&cat.key)
}

fn plus(values: &[Points]) -> String {
    values
        .iter()
        .map(Points::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `10 x 3 = 30` when every path says the same, else `enterprise: 0 + 4 x 5 = 20; smb: ...`.
fn per_path(items: impl Iterator<Item = (PathKind, String)>) -> String {
    let items: Vec<(PathKind, String)> = items.collect();
    match items.first() {
        Some((_, first)) if items.iter().all(|(_, t)| t == first) => first.clone(),
        _ => items
            .iter()
            .map(|(p, t)| format!("{p}: {t}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// "on either path" / "on the smb path" / "on the enterprise and smb paths".
fn on_paths(paths: &[PathKind], either: bool) -> String {
    match paths {
        [one] => format!("on the {one} path"),
        _ if either => "on either path".to_string(),
        _ => "on both paths".to_string(),
    }
}

/// Checks the rulebook's arithmetic; the checks that fail are its inconsistencies.
pub fn check(book: &Rulebook) -> Vec<Check> {
    let mut checks = Vec::new();

    for cat in &book.categories {
        let caps: Vec<Points> = subs_of(book, cat).map(|s| s.max).collect();
        let sum: Points = caps.iter().sum();
        let max = cat.max;
        let clause = &cat.clause;
        let shown = if caps.len() > 1 {
            format!(" ({})", plus(&caps))
        } else {
            String::new()
        };
        checks.push(Check {
            kind: CheckKind::CategorySum(cat.key.to_string()),
            holds: sum == max,
            sentence: if sum == max {
                format!(
                    "{}'s subcategories add up to its maximum of {max}{shown} ({clause})",
                    cat.key
                )
            } else {
                format!(
                    "{}'s subcategories add up to {sum}{shown}, not its maximum of {max} ({clause})",
                    cat.key
                )
            },
        });
    }

    let maxima: Vec<Points> = book.categories.iter().map(|c| c.max).collect();
    let total: Points = maxima.iter().sum();
    let clause = book.categories.first().map_or("", |c| c.clause.as_str());
    checks.push(Check {
        kind: CheckKind::Total,
        holds: total == Points::from(TOTAL_POINTS),
        sentence: if total == Points::from(TOTAL_POINTS) {
            format!(
                "the categories add up to {TOTAL_POINTS} ({}) ({clause})",
                plus(&maxima)
            )
        } else {
            format!(
                "the categories add up to {total} ({}), not the {TOTAL_POINTS} points the guide has in all ({clause})",
                plus(&maxima)
            )
        },
    });

    for sub in book.subcategories() {
        checks.push(reach_check(sub));
    }
    checks.push(attainment_check(book));
    merge_misprints(book, checks)
}

/// Every edition's workload table held to the union of the workload lists of the
/// built-in rulebooks of that edition (`PCS.DATA.UNUSED`: a slug is known when some
/// rulebook's list names it, so the table is that union, no more and no less).
pub fn workload_tables() -> Vec<Check> {
    super::registry::workload_tables()
        .iter()
        .map(|(edition, slugs)| {
            let books: Vec<&Rulebook> = super::registry::all()
                .iter()
                .filter(|b| &b.edition == edition)
                .collect();
            let slugs: Vec<&str> = slugs.iter().map(String::as_str).collect();
            workload_table(edition, &slugs, &books)
        })
        .collect()
}

fn workload_table(edition: &str, table: &[&str], books: &[&Rulebook]) -> Check {
    let mut read: Vec<(&str, &str)> = Vec::new();
    for book in books {
        for sub in book.subcategories() {
            for w in sub.rule.workloads() {
                if !read.iter().any(|(r, _)| *r == w) {
                    read.push((w, &book.designation));
                }
            }
        }
    }
    let missing: Vec<String> = read
        .iter()
        .filter(|(w, _)| !table.contains(w))
        .map(|(w, d)| format!("{w} (read by {d})"))
        .collect();
    let unread: Vec<&str> = table
        .iter()
        .copied()
        .filter(|w| !read.iter().any(|(r, _)| r == w))
        .collect();
    let mut twice: Vec<&str> = table
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, w)| table[..*i].contains(w))
        .map(|(_, w)| w)
        .collect();
    twice.dedup();
    let mut problems = Vec::new();
    if !missing.is_empty() {
        problems.push(format!("lacks {}", missing.join(", ")));
    }
    if !unread.is_empty() {
        problems.push(format!(
            "lists {}, which no rulebook of the edition reads",
            unread.join(", ")
        ));
    }
    if !twice.is_empty() {
        problems.push(format!("lists {} more than once", twice.join(", ")));
    }
    Check {
        kind: CheckKind::WorkloadTable(edition.to_string()),
        holds: problems.is_empty(),
        sentence: if problems.is_empty() {
            format!(
                "the workload table of edition {edition} lists the {} workloads its {} \
                 rulebooks read, each once (PCS.DATA.UNUSED)",
                table.len(),
                books.len()
            )
        } else {
            format!(
                "the workload table of edition {edition} {} (PCS.DATA.UNUSED)",
                problems.join("; ")
            )
        },
    }
}

fn reach_check(sub: &Subcategory) -> Check {
    let (cap, clause) = (sub.max, &sub.clause);
    let reaches: Vec<(PathKind, Reach)> = PATHS.iter().map(|p| (*p, reach(sub, *p))).collect();
    let detail = |paths: &[PathKind]| {
        per_path(
            reaches
                .iter()
                .filter(|(p, _)| paths.contains(p))
                .map(|(p, r)| (*p, r.describe(cap))),
        )
    };
    let short: Vec<PathKind> = reaches
        .iter()
        .filter(|(_, r)| r.achievable(cap) < cap)
        .map(|(p, _)| *p)
        .collect();
    let over: Vec<PathKind> = reaches
        .iter()
        .filter(|(_, r)| matches!(r, Reach::Bounded { points, .. } if *points > cap))
        .map(|(p, _)| *p)
        .collect();
    let most = |paths: &[PathKind]| {
        reaches
            .iter()
            .filter(|(p, _)| paths.contains(p))
            .map(|(_, r)| r.achievable(UNCAPPED))
            .collect::<Vec<_>>()
    };
    let key = &sub.key;
    let mut problems = Vec::new();
    if !short.is_empty() {
        let values = most(&short);
        let best = values.iter().max().copied().unwrap_or(Points::ZERO);
        let verb = if values.iter().all(|v| *v == best) {
            format!("reaches at most {best}")
        } else {
            format!("reaches at most {}", plus(&values).replace(" + ", " or "))
        };
        problems.push(format!(
            "is capped at {cap} but its point schedule {verb} {} ({})",
            on_paths(&short, true),
            detail(&short)
        ));
    }
    if !over.is_empty() {
        let values = most(&over);
        let best = values.iter().max().copied().unwrap_or(Points::ZERO);
        problems.push(format!(
            "its point schedule gives up to {best} {} ({}), more than its cap of {cap}, so the points above {cap} can never count",
            on_paths(&over, false),
            detail(&over)
        ));
    }
    let all = detail(&PATHS);
    Check {
        kind: CheckKind::Reach(sub.key.to_string()),
        holds: problems.is_empty(),
        sentence: if problems.is_empty() {
            format!("{key} reaches its cap of {cap} on both paths ({all}) ({clause})")
        } else if problems.len() == 1 && !short.is_empty() {
            format!("{key} {} ({clause})", problems[0])
        } else if problems.len() == 1 {
            format!("{key} is capped at {cap} but {} ({clause})", problems[0])
        } else {
            format!("{key} {}, and {} ({clause})", problems[0], problems[1])
        },
    }
}

fn attainment_check(book: &Rulebook) -> Check {
    let a = &book.attainment;
    let need = a.min_total;
    let each = a.min_points_per_subcategory;
    let most = |sub: &Subcategory, path: PathKind| reach(sub, path).achievable(sub.max);
    let totals: Vec<(PathKind, Points)> = PATHS
        .iter()
        .map(|&path| {
            let total = book
                .categories
                .iter()
                .map(|cat| {
                    let sum: Points = subs_of(book, cat).map(|sub| most(sub, path)).sum();
                    sum.min(cat.max)
                })
                .sum();
            (path, total)
        })
        .collect();
    let shown = match totals.as_slice() {
        [(_, a), (_, b)] if a == b => format!("{a} on each"),
        _ => totals
            .iter()
            .map(|(p, t)| format!("{t} on the {p} path"))
            .collect::<Vec<_>>()
            .join(" and "),
    };
    let starved: Vec<String> = book
        .subcategories()
        .filter_map(|sub| {
            let paths: Vec<PathKind> = PATHS.into_iter().filter(|&p| most(sub, p) < each).collect();
            let values: Vec<Points> = paths.iter().map(|&p| most(sub, p)).collect();
            let best = values.iter().max()?;
            Some(format!(
                "{} (at most {best} {})",
                sub.key,
                on_paths(&paths, true)
            ))
        })
        .collect();
    let short: Vec<PathKind> = totals
        .iter()
        .filter(|(_, t)| *t < need)
        .map(|(p, _)| *p)
        .collect();
    let points = |n: Points| {
        if n == Points::from(1) {
            "point"
        } else {
            "points"
        }
    };
    let mut problems = Vec::new();
    if !short.is_empty() {
        problems.push(format!(
            "the attainment bar of {need} points cannot be reached {}: the most a partner can score is {shown}",
            on_paths(&short, true)
        ));
    }
    if !starved.is_empty() {
        problems.push(format!(
            "the {each} {} attainment needs in every subcategory cannot be earned in {}",
            points(each),
            starved.join(", ")
        ));
    }
    let clause = &a.clause;
    Check {
        kind: CheckKind::Attainment,
        holds: problems.is_empty(),
        sentence: if problems.is_empty() {
            format!(
                "the attainment bar of {need} points is reachable on both paths (the most a partner can score is {shown}), and every subcategory can earn the {each} {} it needs ({clause})",
                points(each)
            )
        } else {
            format!("{} ({clause})", problems.join(", and "))
        },
    }
}

/// A cap that its schedule cannot reach on any path, and whose category adds up right
/// once the cap is replaced by what the schedule does reach, is a misprinted cap: the
/// two failures become one finding that says which number the others agree on.
fn merge_misprints(book: &Rulebook, mut checks: Vec<Check>) -> Vec<Check> {
    for sub in book.subcategories() {
        let cap = sub.max;
        let reached: Vec<Points> = PATHS
            .iter()
            .map(|p| reach(sub, *p).achievable(cap))
            .collect();
        let Some(&fit) = reached.first() else {
            continue;
        };
        if fit >= cap || reached.iter().any(|r| *r != fit) {
            continue;
        }
        let Some(cat) = book.category(&sub.category) else {
            continue;
        };
        let sum: Points = subs_of(book, cat).map(|s| s.max).sum();
        if sum - cap + fit != cat.max {
            continue;
        }
        let failing = |kind: CheckKind| checks.iter().position(|c| c.kind == kind && !c.holds);
        let (Some(r), Some(c)) = (
            failing(CheckKind::Reach(sub.key.to_string())),
            failing(CheckKind::CategorySum(cat.key.to_string())),
        ) else {
            continue;
        };
        let reach_part = strip_clause(&checks[r].sentence);
        let category_part = strip_clause(&checks[c].sentence);
        let merged = Check {
            kind: CheckKind::MisprintedCap(sub.key.to_string()),
            holds: false,
            sentence: format!(
                "{reach_part}, and {category_part}: a cap of {fit} agrees with both ({})",
                sub.clause
            ),
        };
        let first = r.min(c);
        checks[first] = merged;
        checks.remove(r.max(c));
    }
    checks
}

/// A sentence without its closing `(CLAUSE.ID)`.
fn strip_clause(sentence: &str) -> &str {
    sentence
        .rsplit_once(" (")
        .map_or(sentence, |(head, _)| head)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILTIN: &str = crate::rulebook::BUILTIN[0].1;

    /// `rules --check` holds each workload table to the union of its edition's
    /// rulebooks' lists: the shipped table holds; one slug short, one unread slug or a
    /// slug twice is a finding that names it.
    #[test]
    fn the_workload_table_is_the_union_of_the_rulebooks_lists() {
        let checks = workload_tables();
        assert_eq!(checks.len(), 1);
        assert!(checks[0].holds, "{}", checks[0].sentence);
        let (edition, slugs) = &crate::rulebook::registry::workload_tables()[0];
        let books: Vec<&Rulebook> = crate::rulebook::registry::all()
            .iter()
            .filter(|b| &b.edition == edition)
            .collect();
        let table: Vec<&str> = slugs.iter().map(String::as_str).collect();
        let short: Vec<&str> = table.iter().copied().filter(|w| *w != "teams").collect();
        let c = workload_table(edition, &short, &books);
        assert!(!c.holds);
        assert!(
            c.sentence.contains("lacks teams (read by modern-work)"),
            "{}",
            c.sentence
        );
        let mut more = table.clone();
        more.extend(["hololens", "intune"]);
        let c = workload_table(edition, &more, &books);
        assert!(!c.holds);
        assert!(
            c.sentence.contains("lists hololens, which no rulebook"),
            "{}",
            c.sentence
        );
        assert!(
            c.sentence.contains("lists intune more than once"),
            "{}",
            c.sentence
        );
    }

    fn variant(from: &str, to: &str) -> Rulebook {
        assert!(BUILTIN.contains(from), "{from}");
        Rulebook::from_yaml(&BUILTIN.replacen(from, to, 1), "variant").unwrap()
    }

    /// Every occurrence changed: both ladders' schedules, say.
    fn variant_all(from: &str, to: &str) -> Rulebook {
        assert!(BUILTIN.contains(from), "{from}");
        Rulebook::from_yaml(&BUILTIN.replace(from, to), "variant").unwrap()
    }

    fn failures(book: &Rulebook) -> Vec<String> {
        check(book)
            .into_iter()
            .filter(|c| !c.holds)
            .map(|c| c.sentence)
            .collect()
    }

    #[test]
    fn the_builtin_rulebook_is_consistent() {
        let checks = check(Rulebook::builtin());
        assert_eq!(checks.len(), 10);
        assert!(checks.iter().all(|c| c.holds), "{checks:#?}");
        assert!(checks.iter().any(|c| c.sentence
            == "intermediate_certifications reaches its cap of 20 on both paths \
                (enterprise: 0 + 4 x 5 = 20; smb: 4 + 4 x 4 = 20) (DAI.SKILL.MAX)"));
    }

    #[test]
    fn the_guides_misprint_is_named_in_one_sentence() {
        let book = variant(
            "key: intermediate_certifications\n    title: Intermediate certifications\n    \
             category: skilling\n    max: 20",
            "key: intermediate_certifications\n    title: Intermediate certifications\n    \
             category: skilling\n    max: 40",
        );
        assert_eq!(
            failures(&book),
            [
                "intermediate_certifications is capped at 40 but its point schedule reaches \
                 at most 20 on either path (enterprise: 0 + 4 x 5 = 20; smb: 4 + 4 x 4 = 20), \
                 and skilling's subcategories add up to 60 (40 + 20), not its maximum of 40: \
                 a cap of 20 agrees with both (DAI.SKILL.MAX)"
            ]
        );
        assert_eq!(check(&book).len(), 9);
    }

    #[test]
    fn an_unreachable_cap_on_one_path_is_not_called_a_misprint() {
        let book = variant_all("max_people: 4", "max_people: 3");
        let found = failures(&book);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0],
            "intermediate_certifications is capped at 20 but its point schedule reaches at \
             most 16 on the smb path (4 + 4 x 3 = 16) (DAI.SKILL.MAX)"
        );
    }

    #[test]
    fn a_schedule_beyond_its_cap_is_reported() {
        let book = variant("max_services: 5", "max_services: 6");
        assert_eq!(
            failures(&book),
            [
                "deployments is capped at 10 but its point schedule gives up to 12 on both paths \
              (2 x 6 = 12), more than its cap of 10, so the points \
              above 10 can never count (DAI.CS.DEP.POINTS)"
            ]
        );
    }

    #[test]
    fn categories_that_do_not_add_up_to_100_are_reported() {
        let book = variant(
            "{key: performance, title: Performance, max: 30",
            "{key: performance, title: Performance, max: 40",
        );
        let found = failures(&book);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0],
            "performance's subcategories add up to 30, not its maximum of 40 (PCS.CATEGORY.MAX)"
        );
        assert_eq!(
            found[1],
            "the categories add up to 110 (40 + 40 + 30), not the 100 points the guide has \
             in all (PCS.CATEGORY.MAX)"
        );
    }

    #[test]
    fn an_unreachable_attainment_bar_is_reported() {
        let book = variant("min_total: 70", "min_total: 101");
        assert_eq!(
            failures(&book),
            [
                "the attainment bar of 101 points cannot be reached on either path: the most a \
              partner can score is 100 on each (PCS.ATTAINED)"
            ]
        );
        let book = variant("points_per_percent: 1", "points_per_percent: 0");
        let found = failures(&book);
        assert!(
            found.iter().any(|f| f.contains(
                "the 1 point attainment needs in every subcategory cannot be earned in \
                 usage_growth (at most 0 on either path)"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn usage_growth_reaches_its_cap_in_whole_percents() {
        let book = variant("points_per_percent: 1", "points_per_percent: 3");
        assert!(failures(&book).is_empty());
        let growth = check(&book)
            .into_iter()
            .find(|c| c.kind == CheckKind::Reach("usage_growth".into()))
            .unwrap();
        assert!(
            growth
                .sentence
                .contains("(3 per whole percent of growth, 20 from 7%)"),
            "{}",
            growth.sentence
        );
    }
}
