//! The certification ladder's moves: associate a listed person, renew or retake a lapsed
//! certification, certify new people (in each unmet prerequisite step's first
//! certification that can still be earned, and in a scoring one); and the typed counts
//! of a ladder (the holders of each step, the scoring people) that the plan's words use.

use super::{Action, Ask};
use crate::model::{Certification, Month, PathKind, Person, Situation};
use crate::rulebook::{CertificationLadder, Retirement, Rule, Rulebook, Subcategory};
use std::collections::BTreeSet;

/// The subcategories scored by a certification ladder, with their ladders, in score
/// card order.
pub(crate) fn ladders(
    book: &Rulebook,
) -> impl Iterator<Item = (&Subcategory, &CertificationLadder)> {
    book.subcategories().filter_map(|sub| match &sub.rule {
        Rule::CertificationLadder(rule) => Some((sub, &**rule)),
        _ => None,
    })
}

/// The certification ladder of a skilling subcategory, by its key.
pub(crate) fn ladder<'b>(key: &str, book: &'b Rulebook) -> Option<&'b CertificationLadder> {
    ladders(book)
        .find(|(s, _)| &*s.key == key)
        .map(|(_, rule)| rule)
}

/// The first certification of a list that can still be earned: a retired one cannot.
pub(crate) fn earnable<'s>(
    slugs: impl IntoIterator<Item = &'s String>,
    ladder: &CertificationLadder,
) -> Option<String> {
    slugs
        .into_iter()
        .find(|s| ladder.retirement(s).is_none())
        .cloned()
}

/// Per prerequisite step, in order, the certification new people are certified in.
pub(crate) fn step_certs(ladder: &CertificationLadder) -> Vec<Option<String>> {
    ladder
        .prerequisites
        .iter()
        .map(|step| earnable(&step.certs, ladder))
        .collect()
}

/// Whether a certification counts at M, association aside: earned by the last day of M
/// and not expired before it (`clauses.active`), and for a retired scoring
/// certification, M within its grace period.
pub(crate) fn counts_at(c: &Certification, as_of: Month, retired: Option<&Retirement>) -> bool {
    let day = as_of.last_day();
    let dated = c.earned <= day && c.expires.is_none_or(|e| e >= day);
    let past_grace = retired
        .and_then(Retirement::last_month)
        .is_some_and(|last| as_of > last);
    dated && !past_grace
}

/// The counts of one ladder at M, as its scoring reads them.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub(crate) struct Tally {
    /// Per prerequisite step, in order: associated people holding an active
    /// certification of it.
    pub steps: Vec<u32>,
    /// Associated people holding at least one active scoring certification.
    pub scoring: u32,
}

impl Tally {
    /// The holders of the step furthest from its gate (0 for a ladder with no step).
    pub(crate) fn fewest(&self) -> u32 {
        self.steps.iter().copied().min().unwrap_or(0)
    }
}

/// A ladder's counts over a list of people at M: a certification the rulebook lists
/// for a step meets that step, otherwise a scoring one scores; only associated people
/// count, each once per step and once as a scoring person.
pub(crate) fn tally(
    people: &[Person],
    rule: &CertificationLadder,
    as_of: Month,
    book: &Rulebook,
) -> Tally {
    let mut t = Tally {
        steps: vec![0; rule.prerequisites.len()],
        scoring: 0,
    };
    for p in people.iter().filter(|p| p.associated) {
        let mut steps = vec![false; rule.prerequisites.len()];
        let mut scores = false;
        for c in &p.certifications {
            let Some(info) = book.certification(&c.cert) else {
                continue;
            };
            match rule.step_of(&info.slug) {
                Some(i) => steps[i] |= counts_at(c, as_of, None),
                None if rule.scores(&info.slug) => {
                    scores |= counts_at(c, as_of, rule.retirement(&info.slug));
                }
                None => {}
            }
        }
        for (n, held) in t.steps.iter_mut().zip(steps) {
            *n += u32::from(held);
        }
        t.scoring += u32::from(scores);
    }
    t
}

/// The reduced copy skilling is explored on: the people, with the path fixed.
pub(crate) fn people_only(s: &Situation, path: PathKind) -> Situation {
    let mut r = Situation::new(s.as_of);
    r.designation = s.designation;
    r.path = Some(path);
    r.people = s.people.clone();
    r
}

/// Per certification ladder: does the person hold an active prerequisite, an active
/// scoring certification (association aside)?
fn roles(p: &Person, as_of: Month, book: &Rulebook) -> Vec<(bool, bool)> {
    ladders(book)
        .map(|(_, rule)| {
            let mut r = (false, false);
            for c in &p.certifications {
                let Some(info) = book.certification(&c.cert) else {
                    continue;
                };
                if rule.step_of(&info.slug).is_some() && counts_at(c, as_of, None) {
                    r.0 = true;
                }
                if rule.scores(&info.slug) && counts_at(c, as_of, rule.retirement(&info.slug)) {
                    r.1 = true;
                }
            }
            r
        })
        .collect()
}

/// Every skilling move: associations, renewals and retakes, new people for every ladder.
pub(super) fn offers(ask: &Ask) -> Vec<Action> {
    skilling(ask, None)
}

/// The moves that concern one skilling subcategory.
pub(super) fn rung(ask: &Ask, sub: &Subcategory) -> Vec<Action> {
    skilling(ask, Some(&sub.key))
}

/// Actions for the skilling subcategories: associating people, renewing or retaking
/// lapsed certifications, certifying new people. With `only`, just those that concern
/// that subcategory.
fn skilling(ask: &Ask, only: Option<&str>) -> Vec<Action> {
    let (s, book) = (ask.s, ask.book);
    let concerns = |sub: &Subcategory| only.is_none_or(|o| o == &*sub.key);
    let mut out = associations(s, book, &concerns);
    out.extend(renewals(s, book, &concerns));
    for (sub, rule) in ladders(book).filter(|(s, _)| concerns(s)) {
        out.extend(certifications(ask, sub, rule));
    }
    out
}

/// One person per distinct set of roles: two people who would bring the same roles earn
/// the same points.
fn associations(
    s: &Situation,
    book: &Rulebook,
    concerns: &dyn Fn(&Subcategory) -> bool,
) -> Vec<Action> {
    let as_of = s.as_of;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for p in s.people.iter().filter(|p| !p.associated) {
        let r = roles(p, as_of, book);
        let useful = ladders(book)
            .zip(&r)
            .any(|((sub, _), (a, b))| concerns(sub) && (*a || *b));
        if useful && seen.insert(r) {
            let certifications = p
                .certifications
                .iter()
                .filter_map(|c| book.certification(&c.cert).map(|i| (c, i)))
                .filter(|(c, i)| {
                    ladders(book).any(|(_, rule)| {
                        let retired = rule.retirement(&i.slug);
                        (rule.scores(&i.slug) && counts_at(c, as_of, retired))
                            || (rule.step_of(&i.slug).is_some() && counts_at(c, as_of, None))
                    })
                })
                .map(|(_, i)| i.slug.clone())
                .collect();
            out.push(Action::Associate {
                person: p.id.clone(),
                certifications,
            });
        }
    }
    out
}

/// Lapsed certifications of associated people: renewed when they expire during M,
/// earned again when they lapsed before M began.
fn renewals(
    s: &Situation,
    book: &Rulebook,
    concerns: &dyn Fn(&Subcategory) -> bool,
) -> Vec<Action> {
    let as_of = s.as_of;
    let last_day = as_of.last_day();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for p in s.people.iter().filter(|p| p.associated) {
        let r = roles(p, as_of, book);
        for (index, c) in p.certifications.iter().enumerate() {
            let Some(info) = book.certification(&c.cert) else {
                continue;
            };
            let retired = ladders(book).any(|(_, l)| l.retirement(&info.slug).is_some());
            let relevant = ladders(book).any(|(sub, rule)| {
                concerns(sub) && (rule.step_of(&info.slug).is_some() || rule.scores(&info.slug))
            });
            let Some(expired) = c.expires.filter(|e| *e < last_day) else {
                continue;
            };
            if retired || !relevant || c.earned > last_day {
                continue;
            }
            let holds_again = p.certifications.iter().any(|o| {
                book.certification(&o.cert)
                    .is_some_and(|i| i.slug == info.slug)
                    && counts_at(o, as_of, None)
            });
            if holds_again || !seen.insert((info.slug.clone(), r.clone())) {
                continue;
            }
            // A certification can be renewed until the day it expires, and then adds a
            // year; once it has lapsed it must be earned again. The plan is about M, so
            // one that expires during M is still renewable, one that lapsed before M
            // began is not.
            let first_day = as_of.months_before(1).last_day().succ_opt();
            let renewable = first_day.is_some_and(|d| expired >= d);
            let renewed = expired.checked_add_months(chrono::Months::new(12));
            out.push(match renewed {
                Some(until) if renewable && until >= last_day => Action::Renew {
                    person: p.id.clone(),
                    index,
                    cert: info.slug.clone(),
                    expired,
                    until,
                },
                _ => Action::Retake {
                    person: p.id.clone(),
                    cert: info.slug.clone(),
                    expired,
                    earned: last_day,
                },
            });
        }
    }
    out
}

/// New people for one ladder, each with one certification earned on the last day of M:
/// per step, one to as many holders as a step needs (the only ones for a ladder of one
/// step); for a ladder of several steps, also every unmet step's missing holders at once
/// (on the Enterprise path a met step earns nothing alone, so only all of them unlock
/// the scoring people); each with and without one scoring person, and a scoring person
/// alone.
fn certifications(ask: &Ask, sub: &Subcategory, rule: &CertificationLadder) -> Vec<Action> {
    let schedule = rule.schedule.on(ask.path);
    let certs = step_certs(rule);
    let has_scoring = earnable(&rule.scoring.certs, rule).is_some();
    let n = rule.prerequisites.len();
    let mut bundles: Vec<Vec<u32>> = Vec::new();
    if n == 1 {
        bundles.extend((0..=schedule.gate_people).map(|p| vec![p]));
    } else {
        bundles.push(vec![0; n]);
        for i in 0..n {
            for p in 1..=schedule.gate_people {
                let mut b = vec![0; n];
                b[i] = p;
                bundles.push(b);
            }
        }
        let held = tally(&ask.s.people, rule, ask.s.as_of, ask.book);
        let missing: Vec<u32> = held
            .steps
            .iter()
            .map(|h| schedule.gate_people.saturating_sub(*h))
            .collect();
        if missing.iter().filter(|m| **m > 0).count() > 1 {
            bundles.push(missing);
        }
    }
    let earned = ask.s.as_of.last_day();
    let mut out = Vec::new();
    for prerequisites in bundles {
        let possible = prerequisites
            .iter()
            .zip(&certs)
            .all(|(p, cert)| *p == 0 || cert.is_some());
        for scoring in 0..=1u32 {
            let people = prerequisites.iter().sum::<u32>() + scoring;
            if people == 0 || !possible || (scoring > 0 && !has_scoring) {
                continue;
            }
            out.push(Action::Certify {
                sub: sub.key.to_string(),
                prerequisites: prerequisites.clone(),
                scoring,
                earned,
                ids: vec![String::new(); people as usize],
            });
        }
    }
    out
}

/// The clauses a skilling move relies on: the counting rule it changes, the lists that
/// give the certification its roles, and the schedules on the path.
pub(super) fn clauses(action: &Action, book: &Rulebook, path: PathKind) -> Vec<String> {
    let schedules = || -> Vec<String> {
        ladders(book)
            .map(|(_, l)| l.schedule.on(path).clause.clone())
            .collect()
    };
    // The clauses that list a certification's role, per subcategory.
    let roles = |slug: &str| -> Vec<String> {
        ladders(book)
            .flat_map(|(_, rule)| {
                let mut v: Vec<String> = rule
                    .prerequisites
                    .iter()
                    .filter(|step| step.certs.iter().any(|s| s == slug))
                    .map(|step| step.clause.clone())
                    .collect();
                if rule.scores(slug) {
                    v.push(rule.scoring.clause.clone());
                }
                v
            })
            .collect()
    };
    // The counting rule of every ladder: `associated` or `active`.
    let counting = |pick: fn(&CertificationLadder) -> &String| -> Vec<String> {
        ladders(book).map(|(_, l)| pick(l).clone()).collect()
    };
    match action {
        Action::Associate { certifications, .. } => {
            let mut v = counting(|l| &l.clauses.associated);
            v.extend(certifications.iter().flat_map(|c| roles(c)));
            v.extend(schedules());
            v
        }
        Action::Renew { cert, .. } | Action::Retake { cert, .. } => {
            let mut v = counting(|l| &l.clauses.active);
            v.extend(roles(cert));
            v.extend(schedules());
            v
        }
        Action::Certify {
            sub,
            prerequisites,
            scoring,
            ..
        } => {
            let mut v = Vec::new();
            if let Some(rule) = ladder(sub, book) {
                // The steps the new people meet; a ladder of one step names it whenever
                // anyone earns its prerequisite.
                v.extend(
                    rule.prerequisites
                        .iter()
                        .zip(prerequisites)
                        .filter(|(_, p)| **p > 0)
                        .map(|(s, _)| s.clause.clone()),
                );
                if *scoring > 0 {
                    v.push(rule.scoring.clause.clone());
                }
                v.push(rule.schedule.on(path).clause.clone());
            }
            v
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evidence::{CertRole, CertStatus};
    use crate::engine::{Area, Evidence};
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The typed counts the plan's words use are the scoring's own, on every shipped
    /// scenario and planner test file: per step, the distinct people the engine judged
    /// to hold an active certification of it, and its tally of scoring people.
    #[test]
    fn the_tally_is_what_the_ladder_scored() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = crate::scenario::discover(&[root.join("scenarios")]).expect("scenarios");
        files.extend(crate::scenario::discover(&[root.join("tests/data/plan")]).expect("plan"));
        let mut ladders_seen = 0;
        for file in files {
            let (doc, book) = crate::load::load_file_chosen(&file).expect("loads");
            let s = &doc.situation;
            let a = crate::engine::score(s, book).expect("scores");
            for (i, sub) in book.subcategories().enumerate() {
                let Rule::CertificationLadder(rule) = &sub.rule else {
                    continue;
                };
                ladders_seen += 1;
                let entries = || {
                    a.trace
                        .iter()
                        .filter(move |e| e.area == Area::Subcategory(i))
                };
                let mut steps = vec![BTreeSet::new(); rule.prerequisites.len()];
                let mut scored = None;
                for e in entries() {
                    match &e.evidence {
                        Some(Evidence::Certification(c))
                            if c.status == CertStatus::Active
                                && c.role == Some(CertRole::Prerequisite) =>
                        {
                            let slug = &book.certification(&c.cert).expect("known").slug;
                            let k = rule.step_of(slug).expect("a step");
                            steps[k].insert(c.person.clone());
                        }
                        Some(Evidence::Skilling(t)) => scored = Some(*t),
                        _ => {}
                    }
                }
                let scored = scored.expect("the ladder's tally");
                let got = tally(&s.people, rule, s.as_of, book);
                let held: Vec<u32> = steps.iter().map(|p| p.len() as u32).collect();
                assert_eq!(got.steps, held, "{}", file.display());
                assert_eq!(
                    got.fewest(),
                    scored.prerequisite_people,
                    "{}",
                    file.display()
                );
                assert_eq!(got.scoring, scored.scoring_people, "{}", file.display());
            }
        }
        assert!(ladders_seen > 50, "{ladders_seen}");
    }
}
