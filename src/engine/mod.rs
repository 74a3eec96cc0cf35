//! The scoring engine: a pure function from a situation and a rulebook to a score card
//! and a trace of every rule application.
//!
//! No I/O, no clock, no environment: the same situation always gives the same card and
//! the same trace. [`score`] walks the rulebook's subcategories and calls the scoring
//! function of each one's rule *kind* (one file per kind: `net_customer_adds.rs`,
//! `certification_ladder.rs`, `usage_growth.rs`, `deployments.rs`); it never asks which
//! designation it scores. A designation or edition is a rulebook file
//! (`src/rulebook/`); a new kind of rule is a variant of [`Rule`] and a file here.
//! Every trace entry cites a clause id the rulebook gives (`docs/rules.md`).

mod certification_ladder;
mod consumption_growth;
mod deployed_share;
mod deployments;
mod designation;
pub mod evidence;
mod growth_by_association_type;
pub(crate) mod moves;
mod net_customer_adds;
mod net_units;
mod path;
mod side_growth;
pub(crate) mod units;
mod usage_growth;

use crate::model::{Designation, Keyed, Month, PathKind, Points, ScoreCard, Situation};
use crate::rulebook::{PathRule, Rule, Rulebook};
pub use designation::attainment_reason;
pub use evidence::Evidence;
use evidence::{ChoiceReason, PathChoice};

/// Why a situation could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The rulebook given is another designation's: a caller's mistake, as every
    /// command picks the rulebook with `rulebook::registry::choose`.
    #[error("designation `{0}` cannot be scored with the rulebook of `{1}`")]
    WrongRulebook(Designation, String),
    /// A sum or product of amounts left the exact decimal range.
    #[error("the amounts are too large to {0} exactly")]
    Overflow(&'static str),
    /// `plan` has no moves for the designation's rule kinds yet.
    #[error("plan does not yet support {0}")]
    PlanUnsupported(Designation),
}

/// Where in the score a trace entry belongs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Area {
    /// The month windows.
    Windows,
    /// Path derivation and attribution eligibility.
    Path,
    /// One subcategory: its position in the rulebook's
    /// [`subcategories`](Rulebook::subcategories).
    Subcategory(usize),
    /// Categories, total and attainment.
    Designation,
}

/// What a rule application did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// Background: a window, a sum, a derivation.
    Note,
    /// The subject counts (an add, a scoring person, a distinct deployment).
    Counts(i32),
    /// The subject does not count, for the reason given.
    Excluded,
    /// The points a subcategory, category or total comes to.
    Points(Points),
}

/// One rule application: which clause, about what, with which data, to what effect.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TraceEntry {
    /// Where it belongs.
    pub area: Area,
    /// The clause id applied, such as `DAI.PERF.NCA.ADD`.
    pub clause: String,
    /// What it is about: `customer contoso`, `person alice`, `deployment 3`, `partner`.
    pub subject: String,
    /// Its effect.
    pub outcome: Outcome,
    /// The reason, with the data used (months, amounts, dates, names).
    pub reason: String,
    /// The same data as values, for tables and machines; `None` where the reason says
    /// all there is.
    pub evidence: Option<Evidence>,
}

/// Where the path came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PathSource {
    /// Written in the file (`DAI.PATH.EXPLICIT`).
    Explicit,
    /// Derived from the data (`DAI.PATH.DERIVED`).
    Derived,
}

/// The result of scoring: the card, and the evidence for every number on it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Assessment {
    /// The designation scored.
    pub designation: Designation,
    /// The measurement month.
    pub as_of: Month,
    /// Where the path came from.
    pub path_source: PathSource,
    /// The score card.
    pub card: ScoreCard,
    /// For a rulebook whose path is the best of both (`MW.PATH.BEST`): both paths'
    /// cards and the choice; `None` for the others.
    pub paths: Option<PathCards>,
    /// Every rule application, in scoring order.
    pub trace: Vec<TraceEntry>,
    /// The file's data the rulebook does not read (`PCS.DATA.UNUSED`); empty when
    /// scored without a trace.
    pub unused: Vec<crate::rulebook::reads::Unused>,
}

/// Both paths' cards and which one counts (`MW.PATH.BEST`, `PCS.JSON`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PathCards {
    /// The card on the Enterprise path.
    pub enterprise: ScoreCard,
    /// The card on the SMB path.
    pub smb: ScoreCard,
    /// The path chosen or given, with both totals and the reason.
    pub choice: PathChoice,
}

/// Collects trace entries, or, when off, only lets the rules run.
pub(crate) struct Tracer {
    entries: Vec<TraceEntry>,
    on: bool,
}

impl Tracer {
    /// Whether entries are kept. Loops over customers, people and deployments build
    /// their reasons only when they are: on a large partner that text is most of the
    /// engine's time, and `check` and the machine-readable cards never read it.
    pub(crate) fn on(&self) -> bool {
        self.on
    }

    pub(crate) fn push(
        &mut self,
        area: Area,
        clause: &str,
        subject: impl Into<String>,
        outcome: Outcome,
        reason: impl Into<String>,
    ) {
        if !self.on {
            return;
        }
        self.entries.push(TraceEntry {
            area,
            clause: clause.to_string(),
            subject: subject.into(),
            outcome,
            reason: reason.into(),
            evidence: None,
        });
    }

    /// An entry with no sentence: the data as values, which `report` turns into words
    /// (`report::reason`). The engine computes; reports speak. Rule kinds written since
    /// the 2026-05 edition record this way, and the older ones move to it.
    #[allow(dead_code)] // the first users are the 2026-05 rule kinds, landing next
    pub(crate) fn record(
        &mut self,
        area: Area,
        clause: &str,
        subject: impl Into<String>,
        outcome: Outcome,
        evidence: Evidence,
    ) {
        self.push_with(area, clause, subject, outcome, String::new(), evidence);
    }

    /// Like [`Tracer::push`], with the data as values beside the reason.
    pub(crate) fn push_with(
        &mut self,
        area: Area,
        clause: &str,
        subject: impl Into<String>,
        outcome: Outcome,
        reason: impl Into<String>,
        evidence: Evidence,
    ) {
        if !self.on {
            return;
        }
        self.push(area, clause, subject, outcome, reason);
        if let Some(last) = self.entries.last_mut() {
            last.evidence = Some(evidence);
        }
    }
}

/// Scores a situation with a rulebook.
pub fn score(situation: &Situation, book: &Rulebook) -> Result<Assessment, EngineError> {
    assess(situation, book, true)
}

/// Scores a situation like [`score`], without the trace: the same card and path source,
/// and an empty `trace`. For callers that read only the card (`check`, the YAML and JSON
/// cards), where building every reason would cost more than the scoring itself.
pub fn score_untraced(situation: &Situation, book: &Rulebook) -> Result<Assessment, EngineError> {
    assess(situation, book, false)
}

fn assess(situation: &Situation, book: &Rulebook, trace: bool) -> Result<Assessment, EngineError> {
    if situation.designation.slug() != book.designation {
        return Err(EngineError::WrongRulebook(
            situation.designation,
            book.designation.clone(),
        ));
    }
    let mut t = Tracer {
        entries: Vec::new(),
        on: trace,
    };
    windows(situation.as_of, book, &mut t);
    if let PathRule::BestOfBoth(rule) = &book.path {
        return best_of_both(situation, book, rule, t);
    }
    // The Azure kinds read the customers the rulebook's attribution makes eligible;
    // the workload kinds judge attribution per unit and month themselves.
    let eligible = if book.path.reads_eligible_acr() {
        path::eligible_customers(situation, book, &mut t)
    } else {
        Vec::new()
    };
    let (path, path_source) = path::decide(situation, &eligible, book, &mut t)?;
    let points = subcategory_points(situation, book, path, &eligible, &mut t)?;
    let card = designation::card(path, points, book, &mut t);
    Ok(Assessment {
        designation: situation.designation,
        as_of: situation.as_of,
        path_source,
        card,
        paths: None,
        unused: if trace {
            crate::rulebook::reads::unused(situation, book)
        } else {
            Vec::new()
        },
        trace: t.entries,
    })
}

/// Every subcategory's points on a path, in the rulebook's order.
fn subcategory_points(
    situation: &Situation,
    book: &Rulebook,
    path: PathKind,
    eligible: &[&crate::model::Customer],
    t: &mut Tracer,
) -> Result<Vec<Keyed>, EngineError> {
    let mut points = Vec::with_capacity(book.subcategories.len());
    for (i, sub) in book.subcategories().enumerate() {
        let at = Scoring {
            area: Area::Subcategory(i),
            sub,
            path,
        };
        // One scoring function per rule kind: the designation is never asked.
        let earned = match &sub.rule {
            Rule::NetCustomerAdds(rule) => {
                net_customer_adds::score(&at, rule, situation.as_of, eligible, book, t)
            }
            Rule::CertificationLadder(rule) => {
                certification_ladder::score(&at, rule, situation, book, t)
            }
            Rule::UsageGrowth(rule) => {
                usage_growth::score(&at, rule, situation.as_of, eligible, book, t)?
            }
            Rule::Deployments(rule) => deployments::score(&at, rule, situation, book, t),
            Rule::NetUnits(rule) => net_units::score(&at, rule, situation, t),
            Rule::ConsumptionGrowth(rule) => consumption_growth::score(&at, rule, situation, t)?,
            Rule::GrowthByAssociationType(rule) => {
                growth_by_association_type::score(&at, rule, situation, t)
            }
            Rule::DeployedShare(rule) => deployed_share::score(&at, rule, situation, t),
            Rule::SideGrowth(rule) => side_growth::score(&at, rule, situation, t)?,
        };
        points.push(Keyed {
            key: sub.key.clone(),
            points: earned,
        });
    }
    Ok(points)
}

/// Both paths scored; the file's path, else the one that attains, else the higher
/// exact total, a tie going to Enterprise (`MW.PATH.BEST`). The trace is the chosen
/// path's, after one entry with both totals and the reason.
fn best_of_both(
    situation: &Situation,
    book: &Rulebook,
    rule: &crate::rulebook::BestOfBoth,
    mut t: Tracer,
) -> Result<Assessment, EngineError> {
    let on = |path: PathKind| -> Result<(ScoreCard, Vec<TraceEntry>), EngineError> {
        let mut own = Tracer {
            entries: Vec::new(),
            on: t.on,
        };
        let points = subcategory_points(situation, book, path, &[], &mut own)?;
        let card = designation::card(path, points, book, &mut own);
        Ok((card, own.entries))
    };
    let (enterprise, e_trace) = on(PathKind::Enterprise)?;
    let (smb, s_trace) = on(PathKind::Smb)?;
    let (chosen, reason) = choose_path(situation.path, &enterprise, &smb);
    let choice = PathChoice {
        enterprise: (enterprise.total, enterprise.attained),
        smb: (smb.total, smb.attained),
        chosen,
        reason,
    };
    let (clause, path_source) = match reason {
        ChoiceReason::Given => (&rule.explicit_clause, PathSource::Explicit),
        _ => (&rule.derived_clause, PathSource::Derived),
    };
    t.record(
        Area::Path,
        clause,
        "partner",
        Outcome::Note,
        Evidence::PathChoice(choice),
    );
    t.entries.extend(match chosen {
        PathKind::Enterprise => e_trace,
        PathKind::Smb => s_trace,
    });
    let card = match chosen {
        PathKind::Enterprise => enterprise.clone(),
        PathKind::Smb => smb.clone(),
    };
    Ok(Assessment {
        designation: situation.designation,
        as_of: situation.as_of,
        path_source,
        card,
        paths: Some(PathCards {
            enterprise,
            smb,
            choice,
        }),
        unused: if t.on() {
            crate::rulebook::reads::unused(situation, book)
        } else {
            Vec::new()
        },
        trace: t.entries,
    })
}

/// The path of `MW.PATH.BEST`: the given one; else the one that attains when only one
/// does; else the higher exact total; a tie goes to Enterprise (decided).
pub(crate) fn choose_path(
    given: Option<PathKind>,
    enterprise: &ScoreCard,
    smb: &ScoreCard,
) -> (PathKind, ChoiceReason) {
    if let Some(path) = given {
        return (path, ChoiceReason::Given);
    }
    match (enterprise.attained, smb.attained) {
        (true, false) => (PathKind::Enterprise, ChoiceReason::OnlyOneAttains),
        (false, true) => (PathKind::Smb, ChoiceReason::OnlyOneAttains),
        _ if smb.total > enterprise.total => (PathKind::Smb, ChoiceReason::HigherTotal),
        _ if enterprise.total > smb.total => (PathKind::Enterprise, ChoiceReason::HigherTotal),
        _ => (PathKind::Enterprise, ChoiceReason::TieGoesToEnterprise),
    }
}

fn windows(as_of: Month, book: &Rulebook, t: &mut Tracer) {
    if !t.on() {
        return;
    }
    let w = &book.windows;
    let list = |months: Vec<Month>| {
        months
            .iter()
            .map(Month::to_string)
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let span = |rule: &crate::rulebook::WindowRule| {
        let (from, to) = rule.bounds(as_of);
        Evidence::Window { from, to }
    };
    t.push_with(
        Area::Windows,
        &w.recent.clause,
        w.recent.title.as_str(),
        Outcome::Note,
        list(w.recent.months(as_of)),
        span(&w.recent),
    );
    t.push_with(
        Area::Windows,
        &w.baseline.clause,
        w.baseline.title.as_str(),
        Outcome::Note,
        list(w.baseline.months(as_of)),
        span(&w.baseline),
    );
    let (from, to) = w.ttm.bounds(as_of);
    t.push_with(
        Area::Windows,
        &w.ttm.clause,
        w.ttm.title.as_str(),
        Outcome::Note,
        format!("{from} to {to}"),
        span(&w.ttm),
    );
    t.push(
        Area::Windows,
        &w.missing_clause,
        "missing months",
        Outcome::Note,
        "a month with no ACR figure counts as USD 0.00",
    );
}

/// What a rule scores: one subcategory, where its trace entries go, on which path.
pub(crate) struct Scoring<'b> {
    /// The subcategory's area in the trace.
    pub area: Area,
    /// The subcategory: its key, title, maximum and clause.
    pub sub: &'b crate::rulebook::Subcategory,
    /// The path the partner is scored on.
    pub path: PathKind,
}

/// `PathKind` of the path-dependent rules, for messages.
pub(crate) fn path_word(path: PathKind) -> &'static str {
    match path {
        PathKind::Smb => "SMB",
        PathKind::Enterprise => "Enterprise",
    }
}

#[cfg(test)]
mod workload_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Points;

    const PARTNER: &str = "as_of: 2024-12\npath: enterprise\ncustomers:\n\
        \x20 - {id: a, segment: enterprise, attribution: [PAL], acr: {2024-12: 1000}}\n\
        \x20 - {id: b, segment: enterprise, attribution: [CSP], acr: {2024-11: 1500}}\n";

    /// The engine finds a subcategory's scoring function by the rule's kind: renamed,
    /// the subcategory scores the same, under the rulebook's new key and title.
    #[test]
    fn a_subcategory_is_scored_by_its_rule_kind_not_by_its_key() {
        let text = crate::rulebook::BUILTIN[0]
            .1
            .replace("key: net_customer_adds", "key: new_logos")
            .replace("title: Net customer adds", "title: New logos");
        let renamed = Rulebook::from_yaml(&text, "renamed").expect("a valid rulebook");
        let doc = crate::load::load_str(PARTNER, "p.yaml").expect("loads");
        let a = score(&doc.situation, &renamed).expect("scores");
        let b = score(&doc.situation, Rulebook::builtin()).expect("scores");
        assert_eq!(&*a.card.points[0].key, "new_logos");
        assert_eq!(a.card.points_of("new_logos"), Points::from(20));
        assert_eq!(b.card.points_of("net_customer_adds"), Points::from(20));
        let subjects = |a: &Assessment| -> Vec<String> {
            a.trace
                .iter()
                .filter(|e| e.area == Area::Subcategory(0))
                .map(|e| e.subject.clone())
                .collect()
        };
        assert_eq!(subjects(&a).last().map(String::as_str), Some("new logos"));
        assert_eq!(
            subjects(&b).last().map(String::as_str),
            Some("net customer adds")
        );
    }

    /// A scoring certification's own entry says whether it earns anything: the ladder
    /// counts first and writes its entries after, so none is rewritten.
    #[test]
    fn a_scoring_certification_says_it_earns_nothing_while_the_prerequisite_is_unmet() {
        let person = |id: &str, cert: &str| {
            format!("  - {{id: {id}, certifications: [{{cert: {cert}, earned: 2024-01-10}}]}}\n")
        };
        let developer = |extra: &str| {
            format!(
                "as_of: 2024-12\npath: enterprise\npeople:\n{}{extra}",
                person("dev", "AZ-204")
            )
        };
        let entry = |text: &str| {
            let doc = crate::load::load_str(text, "p.yaml").expect("loads");
            let a = score(&doc.situation, Rulebook::builtin()).expect("scores");
            let e = a
                .trace
                .iter()
                .find(|e| e.clause == "DAI.SKILL.INT.SCORING" && e.subject == "person dev")
                .expect("the developer's entry")
                .clone();
            (
                e.outcome,
                e.reason,
                a.card.points_of("intermediate_certifications"),
            )
        };
        let (outcome, reason, points) = entry(&developer(""));
        assert_eq!(outcome, Outcome::Excluded);
        assert!(
            reason.ends_with("; it earns nothing while the prerequisite is unmet"),
            "{reason}"
        );
        assert_eq!(points, Points::ZERO);
        let admins = person("a1", "AZ-104") + &person("a2", "AZ-104");
        let (outcome, reason, points) = entry(&developer(&admins));
        assert_eq!(outcome, Outcome::Counts(1));
        assert!(!reason.contains("earns nothing"), "{reason}");
        assert_eq!(points, Points::from(4));
    }
}
