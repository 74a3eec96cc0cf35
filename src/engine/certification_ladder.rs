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

use super::evidence::{
    CertRole, CertStatus, CertificationEvidence, Evidence, SimilarCertification, SkillingTally,
    StepTally,
};
use super::{Area, Outcome, Scoring, Subject, Tracer};
use crate::model::{Certification, Month, Person, Points, Situation};
use crate::rulebook::{CertificationInfo, CertificationLadder, Rulebook};

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
    /// Why it does not count: the clause and the status; `None` when active.
    refusal: Option<(&'a str, CertStatus)>,
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
        let title = |slug: &String| {
            book.certification(slug)
                .map_or(slug.clone(), |c| c.title.clone())
        };
        let tally = SkillingTally {
            // The step furthest from its gate speaks for the prerequisites.
            prerequisite_people: holders.iter().copied().min().unwrap_or(0),
            prerequisite_needed: schedule.gate_people,
            scoring_people,
            counted_people: counted,
            steps: rule
                .prerequisites
                .iter()
                .zip(&holders)
                .map(|(step, held)| StepTally {
                    titles: step.certs.iter().map(title).collect(),
                    holders: *held,
                    met: *held >= schedule.gate_people,
                })
                .collect(),
            path,
            gate_points: schedule.gate_points,
            points_per_person: schedule.points_per_person,
            max_people: schedule.max_people,
        };
        let name = || Subject::Subcategory(at.sub.title.clone());
        t.record(
            at.area,
            &schedule.clause,
            name(),
            Outcome::Points(points),
            Evidence::Skilling(tally),
        );
        // The cap: a result when it bites, a note when the schedule stays within it.
        t.record(
            at.area,
            &at.sub.clause,
            name(),
            if raw <= max {
                Outcome::Note
            } else {
                Outcome::Points(points)
            },
            Evidence::Capped { raw, max },
        );
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
            inactive(c, as_of, rule).or_else(|| match role {
                Role::Scoring => retired(&info.slug, as_of, rule),
                Role::Step(_) => None,
            })
        } else {
            Some((rule.clauses.associated.as_str(), CertStatus::NotAssociated))
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
            if book.certification(&c.cert).is_some() {
                continue;
            }
            // The certification it names but for case or spacing, if any.
            let similar = book
                .certifications
                .iter()
                .find(|k| {
                    k.other_names()
                        .any(|n| n.eq_ignore_ascii_case(c.cert.trim()))
                        || k.slug.eq_ignore_ascii_case(c.cert.trim())
                })
                .map(|k| SimilarCertification {
                    title: k.title.clone(),
                    names: std::iter::once(k.slug.as_str())
                        .chain(k.other_names())
                        .map(str::to_string)
                        .collect(),
                });
            t.record(
                area,
                scoring_clause,
                Subject::Person(p.id.clone()),
                Outcome::Excluded,
                Evidence::Certification(CertificationEvidence {
                    person: p.id.clone(),
                    associated: p.associated,
                    cert: c.cert.clone(),
                    title: None,
                    role: None,
                    earned: c.earned,
                    expires: c.expires,
                    as_of: situation.as_of,
                    judged_on: situation.as_of.last_day(),
                    status: CertStatus::NotScored,
                    prerequisite_unmet: false,
                    similar,
                }),
            );
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
        let (role_clause, cert_role) = match j.role {
            Role::Step(i) => (
                rule.prerequisites[i].clause.as_str(),
                CertRole::Prerequisite,
            ),
            Role::Scoring => (rule.scoring.clause.as_str(), CertRole::Scoring),
        };
        // An active scoring certification earns nothing while the prerequisite is
        // unmet: said on its own line, not only in the subcategory's total.
        let unmet = j.refusal.is_none() && j.role == Role::Scoring && !met;
        let (clause, outcome, status) = match &j.refusal {
            Some((id, status)) => (*id, Outcome::Excluded, status.clone()),
            None if unmet => (role_clause, Outcome::Excluded, CertStatus::Active),
            None => (role_clause, Outcome::Counts(1), CertStatus::Active),
        };
        t.record(
            area,
            clause,
            subject.clone(),
            outcome,
            Evidence::Certification(CertificationEvidence {
                person: s.person.id.clone(),
                associated: s.person.associated,
                cert: j.cert.cert.clone(),
                title: Some(j.info.title.clone()),
                role: Some(cert_role),
                earned: j.cert.earned,
                expires: j.cert.expires,
                as_of,
                judged_on: as_of.last_day(),
                status,
                prerequisite_unmet: unmet,
                similar: None,
            }),
        );
        if j.refusal.is_none() {
            if let Some(r) = rule.retiring_of(&j.info.slug) {
                t.record(
                    area,
                    &r.clause,
                    subject.clone(),
                    Outcome::Note,
                    Evidence::Retiring {
                        title: j.info.title.clone(),
                        retires_on: r.retires_on.clone(),
                    },
                );
            }
        }
    }
    if s.scoring > 1 {
        t.record(
            area,
            &rule.clauses.unique,
            subject.clone(),
            Outcome::Note,
            Evidence::CountedOnce {
                certifications: s.scoring,
            },
        );
    }
    if s.steps.iter().any(|held| *held) && s.scoring > 0 {
        t.record(
            area,
            &rule.clauses.same_people,
            subject,
            Outcome::Note,
            Evidence::PrerequisiteAndScoring,
        );
    }
}

/// Why a certification does not count at M, or `None` when it is dated to count.
fn inactive<'r>(
    c: &Certification,
    as_of: Month,
    rule: &'r CertificationLadder,
) -> Option<(&'r str, CertStatus)> {
    let day = as_of.last_day();
    if c.earned > day {
        return Some((&rule.clauses.active, CertStatus::NotYetEarned));
    }
    match c.expires {
        Some(exp) if exp < day => Some((&rule.clauses.active, CertStatus::Expired)),
        _ => None,
    }
}

/// A retired certification past the last month it scores in.
fn retired<'r>(
    slug: &str,
    as_of: Month,
    rule: &'r CertificationLadder,
) -> Option<(&'r str, CertStatus)> {
    let r = rule.retirement(slug)?;
    let last = r.last_month()?;
    (as_of > last).then(|| {
        (
            r.clause.as_str(),
            CertStatus::Retired {
                retired_on: r.retired_on.clone(),
                scores_through: last,
            },
        )
    })
}
