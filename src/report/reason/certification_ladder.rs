//! The certification ladder: skilling subcategories.

use crate::engine::evidence::{CertRole, CertStatus, CertificationEvidence, SkillingTally};
use crate::engine::path_word;
use crate::model::Points;

/// One certification of one person: active, and what it is for, or why it does not
/// count.
pub(super) fn certification(c: &CertificationEvidence) -> String {
    let role = match c.role {
        Some(CertRole::Prerequisite) => "prerequisite",
        Some(CertRole::Scoring) => "scoring certification",
        // A certification with no role is one the rulebook does not know.
        None => return why_not(c).unwrap_or_default(),
    };
    match why_not(c) {
        Some(why) => format!("{} is a {role} but does not count: {why}", described(c)),
        None => format!(
            "{} is an active {role} ({}){}",
            described(c),
            c.title.as_deref().unwrap_or(&c.cert),
            if c.prerequisite_unmet {
                "; it earns nothing while the prerequisite is unmet"
            } else {
                ""
            }
        ),
    }
}

/// Why a certification does not count, in words; `None` when it is active.
pub(crate) fn why_not(c: &CertificationEvidence) -> Option<String> {
    let (m, day) = (c.as_of, c.judged_on);
    Some(match &c.status {
        CertStatus::Active => return None,
        CertStatus::NotYetEarned => {
            format!("earned {}, after the last day of {m} ({day})", c.earned)
        }
        CertStatus::Expired => match c.expires {
            Some(exp) => format!("expired {exp}, before the last day of {m} ({day})"),
            None => format!("expired before the last day of {m} ({day})"),
        },
        CertStatus::NotAssociated => {
            "the person is not associated to the partner's Partner Center account".to_string()
        }
        CertStatus::Retired {
            retired_on: Some(retired_on),
            scores_through,
        } => format!(
            "retired on {retired_on}; it scored only while the measurement month was \
             {scores_through} or earlier"
        ),
        CertStatus::Retired {
            retired_on: None,
            scores_through,
        } => format!("it scores only while the measurement month is {scores_through} or earlier"),
        CertStatus::NotScored => {
            let hint = c
                .similar
                .as_ref()
                .map(|k| {
                    let names: Vec<String> = k.names.iter().map(|n| format!("`{n}`")).collect();
                    format!(" (`{}` is, written {})", k.title, names.join(" or "))
                })
                .unwrap_or_default();
            format!(
                "`{}` is neither a prerequisite nor a scoring certification here{hint}",
                c.cert
            )
        }
    })
}

/// `AZ-204 (earned 2024-01-10, expires 2025-01-10)`.
fn described(c: &CertificationEvidence) -> String {
    let expiry = c
        .expires
        .map(|e| format!(", expires {e}"))
        .unwrap_or_default();
    format!("{} (earned {}{expiry})", c.cert, c.earned)
}

/// A certification announced as retiring.
pub(super) fn retiring(title: &str, retires_on: &str) -> String {
    format!(
        "{title} retires on {retires_on}; while the person's certification is active it \
         counts like any other, and the date changes no score"
    )
}

/// A person with several scoring certifications.
pub(super) fn counted_once(certifications: usize) -> String {
    format!(
        "holds {certifications} active scoring certifications and counts once in this \
         subcategory"
    )
}

/// A person who meets a prerequisite and scores.
pub(super) fn prerequisite_and_scoring() -> String {
    "meets the prerequisite and also counts as a scoring person".to_string()
}

/// The schedule's points: each step with its holders, then the scoring people.
pub(super) fn points(s: &SkillingTally) -> String {
    let path = path_word(s.path);
    let met = s.steps.iter().all(|step| step.met);
    // What the scoring people earn once every step is met, however many steps there are.
    let scored = format!(
        "{} with an active scoring certification, counted {} (at most {}) x {} points",
        people(s.scoring_people, "person", "people"),
        s.counted_people,
        s.max_people,
        s.points_per_person
    );
    // Several prerequisite steps (Data & AI's ladder): each step is met, and earns its
    // gate points, on its own, so each is said with its own count.
    if s.steps.len() > 1 {
        let steps = s
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let state = if step.met {
                    format!("met, {} points", s.gate_points)
                } else {
                    "not met".to_string()
                };
                let held = step.holders;
                let noun = if held == 1 { "holder" } else { "holders" };
                format!(
                    "step {} ({}): {held} {noun} of the {} needed on the {path} path, {state}",
                    i + 1,
                    step.titles.join(", "),
                    s.prerequisite_needed,
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        return if met {
            format!("{steps}; {scored}")
        } else {
            format!(
                "{steps}; so scoring certifications earn nothing until every step is met ({} \
                 with one)",
                people(s.scoring_people, "person", "people")
            )
        };
    }
    let titles = s
        .steps
        .iter()
        .flat_map(|step| &step.titles)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if met {
        format!(
            "{} an active prerequisite ({titles}), {} needed on the {path} path: {} points; \
             {scored}",
            people(s.prerequisite_people, "holds", "hold"),
            s.prerequisite_needed,
            s.gate_points,
        )
    } else {
        format!(
            "prerequisite not met: {} an active {titles}, {} needed on the {path} path, so \
             scoring certifications earn nothing ({} with one)",
            people(s.prerequisite_people, "holds", "hold"),
            s.prerequisite_needed,
            people(s.scoring_people, "person", "people")
        )
    }
}

/// The cap, whether or not it bites.
pub(super) fn capped(raw: Points, max: Points) -> String {
    if raw <= max {
        format!("the subcategory is capped at {max} points; the schedule above stays within it")
    } else {
        format!("{raw} points capped at the subcategory maximum of {max}")
    }
}

/// `1 associated person holds`, `2 associated people hold`; with nouns, `1 person`.
fn people(n: u32, one: &str, many: &str) -> String {
    match (n, one) {
        (1, "person") => "1 person".to_string(),
        (_, "person") => format!("{n} {many}"),
        (1, _) => format!("1 associated person {one}"),
        _ => format!("{n} associated people {many}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{score, Area, Assessment, Subject};
    use crate::rulebook::Rulebook;

    fn scored(book: &Rulebook, people: &str) -> Assessment {
        let text = format!("as_of: 2024-12\npath: smb\npeople:\n{people}");
        let doc = crate::load::load_str(&text, "p.yaml").expect("loads");
        score(&doc.situation, book).expect("scores")
    }

    /// What the trace says about a subject in the first skilling subcategory.
    fn said(a: &Assessment, subject: &Subject) -> Vec<String> {
        a.trace
            .iter()
            .filter(|e| e.area == Area::Subcategory(1) && e.subject == *subject)
            .map(crate::report::reason)
            .collect()
    }

    /// A schedule above the subcategory's maximum is capped, and the cap names both.
    #[test]
    fn the_cap_names_the_schedules_points_and_the_maximum() {
        let text = crate::rulebook::BUILTIN[0].1.replace(
            "title: Intermediate certifications\n    category: skilling\n    max: 20",
            "title: Intermediate certifications\n    category: skilling\n    max: 10",
        );
        let book = Rulebook::from_yaml(&text, "a lower cap").expect("a valid rulebook");
        let person = |id: &str, cert: &str| {
            format!("  - {{id: {id}, certifications: [{{cert: {cert}, earned: 2024-01-10}}]}}\n")
        };
        let people = person("admin", "AZ-104") + &person("d1", "AZ-204") + &person("d2", "AZ-204");
        let a = scored(&book, &people);
        let name = Subject::Subcategory("Intermediate certifications".into());
        assert_eq!(
            said(&a, &name),
            [
                "1 associated person holds an active prerequisite (Azure Administrator \
                 Associate), 1 needed on the SMB path: 4 points; 2 people with an active \
                 scoring certification, counted 2 (at most 4) x 4 points",
                "12 points capped at the subcategory maximum of 10",
            ]
        );
    }

    /// A certification written but for case names the one it probably means, under
    /// every name the rulebook accepts.
    #[test]
    fn an_unknown_certification_names_the_one_it_differs_from_in_case() {
        let people = "  - {id: a, certifications: [{cert: az-104, earned: 2024-01-10}]}\n";
        let a = scored(Rulebook::builtin(), people);
        assert_eq!(
            said(&a, &Subject::Person("a".into())),
            [
                "`az-104` is neither a prerequisite nor a scoring certification here (`Azure \
                 Administrator Associate` is, written `azure-administrator-associate` or \
                 `AZ-104`)"
            ]
        );
    }
}
