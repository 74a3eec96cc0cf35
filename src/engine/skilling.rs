//! Skilling: intermediate and advanced certifications (`DAI.SKILL.*`).
//!
//! Per subcategory: count the associated people with an active prerequisite and the
//! associated people with at least one active scoring certification (each person once),
//! then apply the path's schedule and the cap.

use super::evidence::{CertRole, CertStatus, CertificationEvidence, Evidence, SkillingTally};
use super::{path_word, Area, Outcome, Scoring, Tracer};
use crate::model::{Certification, Month, Person, Points, Situation};
use crate::rulebook::{clause, Rulebook, SkillingSubcategory};

/// Certifications the rulebook does not know score nothing; say so in each skilling
/// subcategory, citing its list of scoring certifications, in case of a typo.
fn note_unknown_certifications(
    area: Area,
    scoring_clause: &str,
    situation: &Situation,
    book: &Rulebook,
    t: &mut Tracer,
) {
    if !t.on() {
        return;
    }
    for p in &situation.people {
        for c in &p.certifications {
            if book.certification(&c.cert).is_none() {
                let hint = book
                    .certifications
                    .iter()
                    .find(|k| {
                        k.exam.eq_ignore_ascii_case(c.cert.trim())
                            || k.slug.eq_ignore_ascii_case(c.cert.trim())
                    })
                    .map(|k| format!(" (`{}` is, written `{}` or `{}`)", k.title, k.slug, k.exam))
                    .unwrap_or_default();
                let why = format!(
                    "`{}` is neither a prerequisite nor a scoring certification here{hint}",
                    c.cert
                );
                t.push_with(
                    area,
                    scoring_clause,
                    format!("person {}", p.id),
                    Outcome::Excluded,
                    why.clone(),
                    Evidence::Certification(CertificationEvidence {
                        person: p.id.clone(),
                        associated: p.associated,
                        cert: c.cert.clone(),
                        title: None,
                        role: None,
                        earned: c.earned,
                        expires: c.expires,
                        judged_on: situation.as_of.last_day(),
                        status: CertStatus::NotScored,
                        why_not: Some(why),
                    }),
                );
            }
        }
    }
}

/// Why a certification does not count at M, or `None` when it is active.
fn inactive_reason(c: &Certification, as_of: Month) -> Option<(&'static str, CertStatus, String)> {
    let day = as_of.last_day();
    if c.earned > day {
        return Some((
            clause::SKILL_ACTIVE,
            CertStatus::NotYetEarned,
            format!("earned {}, after the last day of {as_of} ({day})", c.earned),
        ));
    }
    match c.expires {
        Some(exp) if exp < day => Some((
            clause::SKILL_ACTIVE,
            CertStatus::Expired,
            format!("expired {exp}, before the last day of {as_of} ({day})"),
        )),
        _ => None,
    }
}

fn retired_reason(
    slug: &str,
    as_of: Month,
    book: &Rulebook,
) -> Option<(&'static str, CertStatus, String)> {
    let r = book.skilling.retired.iter().find(|r| r.cert == slug)?;
    let last = r.last_month()?;
    (as_of > last).then(|| {
        (
            clause::SKILL_IOT_GRACE,
            CertStatus::Retired,
            format!(
                "retired on {}; it scored only while the measurement month was {last} or earlier",
                r.retired_on
            ),
        )
    })
}

fn describe(c: &Certification) -> String {
    let expiry = c
        .expires
        .map(|e| format!(", expires {e}"))
        .unwrap_or_default();
    format!("{} (earned {}{expiry})", c.cert, c.earned)
}

/// The points of one skilling subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &SkillingSubcategory,
    situation: &Situation,
    book: &Rulebook,
    t: &mut Tracer,
) -> Points {
    let (area, path, max) = (at.area, at.path, at.sub.max);
    note_unknown_certifications(area, &rule.scoring_clause, situation, book, t);
    let as_of = situation.as_of;
    let people_start = t.mark();
    let (mut prereq_people, mut scoring_people) = (0u32, 0u32);
    for person in &situation.people {
        let (holds_prereq, scoring) = person_in(person, rule, area, as_of, book, t);
        prereq_people += u32::from(holds_prereq);
        scoring_people += u32::from(scoring > 0);
        if !t.on() {
            continue;
        }
        if scoring > 1 {
            t.push(area, clause::SKILL_UNIQUE, format!("person {}", person.id), Outcome::Note,
                format!("holds {scoring} active scoring certifications and counts once in this subcategory"));
        }
        if holds_prereq && scoring > 0 {
            t.push(
                area,
                clause::SKILL_SAME_PEOPLE,
                format!("person {}", person.id),
                Outcome::Note,
                "meets the prerequisite and also counts as a scoring person",
            );
        }
    }
    let schedule = book.skilling.schedule.on(path);
    let met = prereq_people >= schedule.prerequisite_people;
    let counted = scoring_people.min(schedule.max_people);
    let raw = if met {
        schedule.prerequisite_points + schedule.points_per_person * counted
    } else {
        Points::ZERO
    };
    let points = raw.min(max);
    if !met {
        // An active scoring certification earns nothing while the prerequisite is
        // unmet: say so on its own line, not only in the subcategory's total.
        for e in t.since(people_start) {
            if e.clause == rule.scoring_clause && e.outcome == Outcome::Counts(1) {
                e.outcome = Outcome::Excluded;
                e.reason
                    .push_str("; it earns nothing while the prerequisite is unmet");
            }
        }
    }
    if !t.on() {
        return points;
    }
    let titles = |slugs: &[String]| {
        slugs
            .iter()
            .map(|s| {
                book.certification(s)
                    .map_or(s.as_str(), |c| c.title.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let why = if met {
        format!(
            "{} an active prerequisite ({}), {} needed on the {} path: {} points; \
             {} with an active scoring certification, counted {counted} (at most {}) x {} points",
            people(prereq_people, "holds", "hold"),
            titles(&rule.prerequisites),
            schedule.prerequisite_people,
            path_word(path),
            schedule.prerequisite_points,
            people(scoring_people, "person", "people"),
            schedule.max_people,
            schedule.points_per_person
        )
    } else {
        format!(
            "prerequisite not met: {} an active {}, {} needed on the {} path, \
             so scoring certifications earn nothing ({} with one)",
            people(prereq_people, "holds", "hold"),
            titles(&rule.prerequisites),
            schedule.prerequisite_people,
            path_word(path),
            people(scoring_people, "person", "people")
        )
    };
    t.push_with(
        area,
        &schedule.clause,
        at.sub.title.to_lowercase(),
        Outcome::Points(raw.min(max)),
        why,
        Evidence::Skilling(SkillingTally {
            prerequisite_people: prereq_people,
            prerequisite_needed: schedule.prerequisite_people,
            scoring_people,
            counted_people: counted,
        }),
    );
    if raw <= max {
        t.push(
            area,
            &at.sub.clause,
            at.sub.title.to_lowercase(),
            Outcome::Note,
            format!(
                "the subcategory is capped at {max} points; the schedule above stays within it"
            ),
        );
    }
    if raw > max {
        t.push(
            area,
            &at.sub.clause,
            at.sub.title.to_lowercase(),
            Outcome::Points(points),
            format!("{raw} points capped at the subcategory maximum of {max}"),
        );
    }
    points
}

/// Traces one person's certifications in a subcategory; returns whether they count for
/// the prerequisite and how many active scoring certifications they hold.
fn person_in(
    person: &Person,
    rule: &SkillingSubcategory,
    area: Area,
    as_of: Month,
    book: &Rulebook,
    t: &mut Tracer,
) -> (bool, usize) {
    let subject = if t.on() {
        format!("person {}", person.id)
    } else {
        String::new()
    };
    let (mut prereq, mut scoring) = (false, 0usize);
    let mut scoring_seen: Vec<&str> = Vec::new();
    for c in &person.certifications {
        let Some(info) = book.certification(&c.cert) else {
            continue;
        };
        let is_prereq = rule.prerequisites.contains(&info.slug);
        let is_scoring = rule.scoring.contains(&info.slug);
        if !is_prereq && !is_scoring {
            continue;
        }
        let role = if is_prereq {
            "prerequisite"
        } else {
            "scoring certification"
        };
        let evidence = |status, why_not| {
            Evidence::Certification(CertificationEvidence {
                person: person.id.clone(),
                associated: person.associated,
                cert: c.cert.clone(),
                title: Some(info.title.clone()),
                role: Some(if is_prereq {
                    CertRole::Prerequisite
                } else {
                    CertRole::Scoring
                }),
                earned: c.earned,
                expires: c.expires,
                judged_on: as_of.last_day(),
                status,
                why_not,
            })
        };
        let role_clause = if is_prereq {
            &rule.prerequisite_clause
        } else {
            &rule.scoring_clause
        };
        let refusal = if person.associated {
            inactive_reason(c, as_of).or_else(|| {
                if is_scoring {
                    retired_reason(&info.slug, as_of, book)
                } else {
                    None
                }
            })
        } else {
            Some((
                clause::SKILL_ASSOC,
                CertStatus::NotAssociated,
                "the person is not associated to the partner's Partner Center account".to_string(),
            ))
        };
        match refusal {
            Some((id, status, why)) => {
                if t.on() {
                    t.push_with(
                        area,
                        id,
                        &subject,
                        Outcome::Excluded,
                        format!("{} is a {role} but does not count: {why}", describe(c)),
                        evidence(status, Some(why)),
                    );
                }
            }
            None => {
                let duplicate = is_scoring && scoring_seen.contains(&info.slug.as_str());
                if is_prereq {
                    prereq = true;
                } else if !duplicate {
                    scoring += 1;
                    scoring_seen.push(&info.slug);
                }
                if t.on() {
                    t.push_with(
                        area,
                        role_clause,
                        &subject,
                        Outcome::Counts(1),
                        format!("{} is an active {role} ({})", describe(c), info.title),
                        evidence(CertStatus::Active, None),
                    );
                }
            }
        }
    }
    (prereq, scoring)
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
