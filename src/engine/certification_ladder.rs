//! The certification ladder (`kind: certification_ladder`): a skilling subcategory.
//!
//! Prerequisite steps, each met when enough associated people hold an active
//! certification of it; then points per associated person holding at least one active
//! scoring certification (each person once), once every step is met; a met step may
//! earn points on its own. The path's schedule and the subcategory's cap apply.
//!
//! The counts come first, from the people alone; the trace entries are written after,
//! when it is known whether the prerequisites are met, so each entry says at once what
//! its certification earns.

use super::evidence::{CertRole, CertStatus, CertificationEvidence, Evidence, SkillingTally};
use super::{path_word, Area, Outcome, Scoring, Subject, Tracer};
use crate::model::{Certification, Month, Person, Points, Situation};
use crate::rulebook::{CertificationInfo, CertificationLadder, LadderSchedule, Rulebook};

/// What a certification is for in the ladder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// It meets the prerequisite step at this position.
    Step(usize),
    /// It scores.
    Scoring,
}

/// One certification of a person that the ladder has a role for, judged at M.
struct Judged<'a> {
    cert: &'a Certification,
    info: &'a CertificationInfo,
    role: Role,
    /// Why it does not count: the clause, the status and the words; `None` when active.
    refusal: Option<(&'a str, CertStatus, String)>,
}

/// One person's standing in the ladder.
struct Standing<'a> {
    person: &'a Person,
    /// The certifications with a role, in file order; kept only when tracing.
    judged: Vec<Judged<'a>>,
    /// Per prerequisite step, whether the person holds an active certification of it.
    steps: Vec<bool>,
    /// Distinct active scoring certifications.
    scoring: usize,
}

/// The points of one certification subcategory.
pub(super) fn score(
    at: &Scoring,
    rule: &CertificationLadder,
    situation: &Situation,
    book: &Rulebook,
    t: &mut Tracer,
) -> Points {
    let (path, max) = (at.path, at.sub.max);
    let as_of = situation.as_of;
    let standings: Vec<Standing> = situation
        .people
        .iter()
        .map(|p| standing(p, rule, as_of, book, t.on()))
        .collect();
    let holders: Vec<u32> = (0..rule.prerequisites.len())
        .map(|i| standings.iter().filter(|s| s.steps[i]).count() as u32)
        .collect();
    let scoring_people = standings.iter().filter(|s| s.scoring > 0).count() as u32;
    let schedule = rule.schedule.on(path);
    let met_steps = holders
        .iter()
        .filter(|h| **h >= schedule.gate_people)
        .count() as u32;
    let met = met_steps as usize == holders.len();
    let counted = scoring_people.min(schedule.max_people);
    let mut raw = schedule.gate_points * met_steps;
    if met {
        raw += schedule.points_per_person * counted;
    }
    let points = raw.min(max);
    if t.on() {
        note_unknown_certifications(at.area, &rule.scoring.clause, situation, book, t);
        for s in &standings {
            trace_person(at.area, s, rule, met, as_of, t);
        }
        let tally = SkillingTally {
            // The step furthest from its gate speaks for the prerequisites.
            prerequisite_people: holders.iter().copied().min().unwrap_or(0),
            prerequisite_needed: schedule.gate_people,
            scoring_people,
            counted_people: counted,
        };
        trace_points(at, rule, schedule, (&tally, &holders), met, raw, book, t);
    }
    points
}

/// Judges a person's certifications and counts what they hold.
fn standing<'a>(
    person: &'a Person,
    rule: &'a CertificationLadder,
    as_of: Month,
    book: &'a Rulebook,
    keep: bool,
) -> Standing<'a> {
    let mut s = Standing {
        person,
        judged: Vec::new(),
        steps: vec![false; rule.prerequisites.len()],
        scoring: 0,
    };
    let mut scoring_seen: Vec<&str> = Vec::new();
    for c in &person.certifications {
        let Some(info) = book.certification(&c.cert) else {
            continue;
        };
        let role = match rule.step_of(&info.slug) {
            Some(i) => Role::Step(i),
            None if rule.scores(&info.slug) => Role::Scoring,
            None => continue,
        };
        let refusal = if person.associated {
            inactive_reason(c, as_of, rule).or_else(|| match role {
                Role::Scoring => retired_reason(&info.slug, as_of, rule),
                Role::Step(_) => None,
            })
        } else {
            Some((
                rule.clauses.associated.as_str(),
                CertStatus::NotAssociated,
                "the person is not associated to the partner's Partner Center account".to_string(),
            ))
        };
        if refusal.is_none() {
            match role {
                Role::Step(i) => s.steps[i] = true,
                Role::Scoring if !scoring_seen.contains(&info.slug.as_str()) => {
                    s.scoring += 1;
                    scoring_seen.push(&info.slug);
                }
                Role::Scoring => {}
            }
        }
        if keep {
            s.judged.push(Judged {
                cert: c,
                info,
                role,
                refusal,
            });
        }
    }
    s
}

/// Certifications the rulebook does not know score nothing; say so in each skilling
/// subcategory, citing its list of scoring certifications, in case of a typo.
fn note_unknown_certifications(
    area: Area,
    scoring_clause: &str,
    situation: &Situation,
    book: &Rulebook,
    t: &mut Tracer,
) {
    for p in &situation.people {
        for c in &p.certifications {
            if book.certification(&c.cert).is_none() {
                let hint = book
                    .certifications
                    .iter()
                    .find(|k| {
                        k.other_names()
                            .any(|n| n.eq_ignore_ascii_case(c.cert.trim()))
                            || k.slug.eq_ignore_ascii_case(c.cert.trim())
                    })
                    .map(|k| {
                        let names: Vec<String> = std::iter::once(k.slug.as_str())
                            .chain(k.other_names())
                            .map(|n| format!("`{n}`"))
                            .collect();
                        format!(" (`{}` is, written {})", k.title, names.join(" or "))
                    })
                    .unwrap_or_default();
                let why = format!(
                    "`{}` is neither a prerequisite nor a scoring certification here{hint}",
                    c.cert
                );
                t.push_with(
                    area,
                    scoring_clause,
                    Subject::Person(p.id.clone()),
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

/// One entry per judged certification, then the counting notes of the person.
fn trace_person(
    area: Area,
    s: &Standing,
    rule: &CertificationLadder,
    met: bool,
    as_of: Month,
    t: &mut Tracer,
) {
    let subject = Subject::Person(s.person.id.clone());
    for j in &s.judged {
        let (role, role_clause, cert_role) = match j.role {
            Role::Step(i) => (
                "prerequisite",
                rule.prerequisites[i].clause.as_str(),
                CertRole::Prerequisite,
            ),
            Role::Scoring => (
                "scoring certification",
                rule.scoring.clause.as_str(),
                CertRole::Scoring,
            ),
        };
        let evidence = |status, why_not| {
            Evidence::Certification(CertificationEvidence {
                person: s.person.id.clone(),
                associated: s.person.associated,
                cert: j.cert.cert.clone(),
                title: Some(j.info.title.clone()),
                role: Some(cert_role),
                earned: j.cert.earned,
                expires: j.cert.expires,
                judged_on: as_of.last_day(),
                status,
                why_not,
            })
        };
        match &j.refusal {
            Some((id, status, why)) => t.push_with(
                area,
                id,
                subject.clone(),
                Outcome::Excluded,
                format!("{} is a {role} but does not count: {why}", describe(j.cert)),
                evidence(*status, Some(why.clone())),
            ),
            None => {
                let mut reason = format!(
                    "{} is an active {role} ({})",
                    describe(j.cert),
                    j.info.title
                );
                // An active scoring certification earns nothing while the prerequisite
                // is unmet: said on its own line, not only in the subcategory's total.
                let outcome = if j.role == Role::Scoring && !met {
                    reason.push_str("; it earns nothing while the prerequisite is unmet");
                    Outcome::Excluded
                } else {
                    Outcome::Counts(1)
                };
                t.push_with(
                    area,
                    role_clause,
                    subject.clone(),
                    outcome,
                    reason,
                    evidence(CertStatus::Active, None),
                );
                if let Some(r) = rule.retiring_of(&j.info.slug) {
                    t.push(
                        area,
                        &r.clause,
                        subject.clone(),
                        Outcome::Note,
                        format!(
                            "{} retires on {}; while the person's certification is active it \
                             counts like any other, and the date changes no score",
                            j.info.title, r.retires_on
                        ),
                    );
                }
            }
        }
    }
    if s.scoring > 1 {
        t.push(
            area,
            &rule.clauses.unique,
            subject.clone(),
            Outcome::Note,
            format!(
                "holds {} active scoring certifications and counts once in this subcategory",
                s.scoring
            ),
        );
    }
    if s.steps.iter().any(|held| *held) && s.scoring > 0 {
        t.push(
            area,
            &rule.clauses.same_people,
            subject.clone(),
            Outcome::Note,
            "meets the prerequisite and also counts as a scoring person",
        );
    }
}

/// The schedule's points, then the cap.
#[allow(clippy::too_many_arguments)]
fn trace_points(
    at: &Scoring,
    rule: &CertificationLadder,
    schedule: &LadderSchedule,
    (tally, holders): (&SkillingTally, &[u32]),
    met: bool,
    raw: Points,
    book: &Rulebook,
    t: &mut Tracer,
) {
    let (area, path, max) = (at.area, at.path, at.sub.max);
    let title = |slug: &String| {
        book.certification(slug)
            .map_or(slug.clone(), |c| c.title.clone())
    };
    let titles = rule
        .prerequisite_certs()
        .map(|s| {
            book.certification(s)
                .map_or(s.as_str(), |c| c.title.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ");
    // What the scoring people earn once every step is met, however many steps there are.
    let scored = format!(
        "{} with an active scoring certification, counted {} (at most {}) x {} points",
        people(tally.scoring_people, "person", "people"),
        tally.counted_people,
        schedule.max_people,
        schedule.points_per_person
    );
    // Several prerequisite steps (Data & AI's ladder): each step is met, and earns its
    // gate points, on its own, so each is said with its own count.
    let why = if rule.prerequisites.len() > 1 {
        let steps = rule
            .prerequisites
            .iter()
            .zip(holders)
            .enumerate()
            .map(|(i, (step, held))| {
                let names = step.certs.iter().map(title).collect::<Vec<_>>().join(", ");
                let state = if *held >= schedule.gate_people {
                    format!("met, {} points", schedule.gate_points)
                } else {
                    "not met".to_string()
                };
                let noun = if *held == 1 { "holder" } else { "holders" };
                format!(
                    "step {} ({names}): {held} {noun} of the {} needed on the {} path, {state}",
                    i + 1,
                    schedule.gate_people,
                    path_word(path)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        if met {
            format!("{steps}; {scored}")
        } else {
            format!(
                "{steps}; so scoring certifications earn nothing until every step is met ({} \
                 with one)",
                people(tally.scoring_people, "person", "people")
            )
        }
    } else if met {
        format!(
            "{} an active prerequisite ({titles}), {} needed on the {} path: {} points; {scored}",
            people(tally.prerequisite_people, "holds", "hold"),
            schedule.gate_people,
            path_word(path),
            schedule.gate_points,
        )
    } else {
        format!(
            "prerequisite not met: {} an active {titles}, {} needed on the {} path, \
             so scoring certifications earn nothing ({} with one)",
            people(tally.prerequisite_people, "holds", "hold"),
            schedule.gate_people,
            path_word(path),
            people(tally.scoring_people, "person", "people")
        )
    };
    let points = raw.min(max);
    let name = Subject::Subcategory(at.sub.title.clone());
    t.push_with(
        area,
        &schedule.clause,
        name.clone(),
        Outcome::Points(points),
        why,
        Evidence::Skilling(*tally),
    );
    if raw <= max {
        t.push(
            area,
            &at.sub.clause,
            name,
            Outcome::Note,
            format!(
                "the subcategory is capped at {max} points; the schedule above stays within it"
            ),
        );
    } else {
        t.push(
            area,
            &at.sub.clause,
            name,
            Outcome::Points(points),
            format!("{raw} points capped at the subcategory maximum of {max}"),
        );
    }
}

/// Why a certification does not count at M, or `None` when it is dated to count.
fn inactive_reason<'r>(
    c: &Certification,
    as_of: Month,
    rule: &'r CertificationLadder,
) -> Option<(&'r str, CertStatus, String)> {
    let day = as_of.last_day();
    if c.earned > day {
        return Some((
            &rule.clauses.active,
            CertStatus::NotYetEarned,
            format!("earned {}, after the last day of {as_of} ({day})", c.earned),
        ));
    }
    match c.expires {
        Some(exp) if exp < day => Some((
            &rule.clauses.active,
            CertStatus::Expired,
            format!("expired {exp}, before the last day of {as_of} ({day})"),
        )),
        _ => None,
    }
}

fn retired_reason<'r>(
    slug: &str,
    as_of: Month,
    rule: &'r CertificationLadder,
) -> Option<(&'r str, CertStatus, String)> {
    let r = rule.retirement(slug)?;
    let last = r.last_month()?;
    (as_of > last).then(|| {
        (
            r.clause.as_str(),
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

/// `1 associated person holds`, `2 associated people hold`; with nouns, `1 person`.
fn people(n: u32, one: &str, many: &str) -> String {
    match (n, one) {
        (1, "person") => "1 person".to_string(),
        (_, "person") => format!("{n} {many}"),
        (1, _) => format!("1 associated person {one}"),
        _ => format!("{n} associated people {many}"),
    }
}
