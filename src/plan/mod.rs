//! What-if planning: the least a partner must add to attain the designation.
//!
//! The planner proposes concrete changes to a partner's situation ([`actions`]) and
//! judges each one only by re-scoring the changed situation with [`engine::score`]: a
//! gain it reports is always a difference between two real score cards, never an
//! estimate. It produces:
//!
//! - the gaps: per subcategory the points missing to its maximum, and whether it blocks
//!   attainment (fewer points than `PCS.ATTAINED` requires);
//! - the actions possible now, each re-scored on its own, ranked by points gained per
//!   single action;
//! - a plan: a short sequence of actions that reaches attainment, every step re-scored
//!   on the situation changed by the steps before it, ending with the final card.
//!
//! The plan is found in two stages. First, per subcategory, a ladder of options is built
//! (best next action, again and again) and a small exhaustive search picks one option
//! per subcategory with the fewest actions, then the fewest US dollars, whose points
//! would attain. Then those actions are applied one by one and re-scored; since
//! subcategories can interact (more ACR can move the derived path), a greedy repair
//! continues from the verified result while it is not attained. Usage growth is applied
//! last, topped up to exactly what the verified card still needs.
//!
//! Cost: each re-score is a full [`engine::score`]. Candidates are bounded (a handful of
//! customers per kind, one person per distinct set of roles), and the skilling and
//! deployment ladders are explored on a reduced copy of the situation that keeps only
//! what those rules read, with the path fixed; everything reported is re-scored in full.

pub mod actions;
mod describe;
mod render;

pub use actions::{Action, Kind, Purpose};
pub use render::{plan_json, plan_text};

use crate::engine::{self, Assessment, EngineError};
use crate::model::{Points, ScoreCard, Situation};
use crate::rulebook::{Rule, Rulebook};
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// How far one subcategory is from its maximum and from the attainment bar.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Gap {
    /// The subcategory's key.
    pub sub: String,
    /// Its title, such as `Net customer adds`.
    pub title: String,
    /// Its points now.
    pub points: Points,
    /// Its maximum.
    pub max: Points,
    /// Points missing to the maximum.
    pub missing: Points,
    /// It has fewer points than every subcategory needs for attainment.
    pub blocks: bool,
}

/// One action, verified: the score card before and after it, both from the engine.
#[derive(Clone, PartialEq, Debug)]
pub struct Step {
    /// The action, with the ids it used.
    pub action: Action,
    /// What to do, naming the data, and what it changes.
    pub text: String,
    /// The clause ids involved.
    pub clauses: Vec<String>,
    /// The card before the action.
    pub before: ScoreCard,
    /// The card after it.
    pub after: ScoreCard,
}

impl Step {
    /// Total points gained (negative when the action costs points elsewhere).
    pub fn gain(&self) -> Points {
        self.after.total - self.before.total
    }

    /// The action raises a subcategory it is meant for.
    fn hits_target(&self, book: &Rulebook) -> bool {
        self.action
            .targets(book)
            .into_iter()
            .any(|i| points_at(&self.after, i) > points_at(&self.before, i))
    }

    /// Worth offering: it raises what it is meant for, and the total or the number of
    /// subcategories at the attainment bar.
    fn useful(&self, book: &Rulebook) -> bool {
        self.hits_target(book) && (self.gain() > Points::ZERO || self.unblocks(book))
    }

    /// Subcategories below the attainment bar after the action, fewer than before.
    fn unblocks(&self, book: &Rulebook) -> bool {
        blocked(&self.after, book) < blocked(&self.before, book)
    }
}

/// How the plan ends.
#[derive(Clone, PartialEq, Debug)]
pub enum Outcome {
    /// The designation is attained already; nothing has to be added.
    AlreadyAttained,
    /// The steps reach attainment; `last` scores the situation with every step applied.
    Reached {
        /// The verified steps, in order.
        steps: Vec<Step>,
        /// The final assessment.
        last: Box<Assessment>,
    },
    /// No plan reaches attainment with the kinds of action available.
    Unreachable {
        /// Exactly why, one reason per obstacle, with clause ids.
        reasons: Vec<String>,
        /// Steps that were applied before the planner gave up (may be empty).
        steps: Vec<Step>,
        /// The best verified assessment reached.
        last: Box<Assessment>,
    },
}

/// A plan for one partner file.
#[derive(Clone, PartialEq, Debug)]
pub struct Plan {
    /// The current assessment.
    pub current: Assessment,
    /// Per subcategory, in score card order.
    pub gaps: Vec<Gap>,
    /// Single actions possible now, best first, each verified on its own.
    pub actions: Vec<Step>,
    /// Actions that raise what they aim at but move the derived path and so cost points
    /// overall: shown as warnings, never suggested.
    pub left_out: Vec<Step>,
    /// The plan to attain.
    pub outcome: Outcome,
}

/// The points of the subcategory at position `i` of the rulebook (and of the card).
fn points_at(card: &ScoreCard, i: usize) -> Points {
    card.points.get(i).map_or(Points::ZERO, |k| k.points)
}

/// A card's subcategory points, in the rulebook's order.
fn points_of(card: &ScoreCard) -> Vec<Points> {
    card.points.iter().map(|k| k.points).collect()
}

/// The position of the first subcategory scored by a rule of the kind `wanted` picks.
fn position_of(book: &Rulebook, wanted: fn(&Rule) -> bool) -> Option<usize> {
    book.subcategories().position(|s| wanted(&s.rule))
}

fn blocked(card: &ScoreCard, book: &Rulebook) -> usize {
    card.points
        .iter()
        .filter(|k| k.points < book.attainment.min_points_per_subcategory)
        .count()
}

/// How far a card is from attainment: missing total points plus missing points in
/// blocking subcategories. Zero exactly when attained.
fn deficit(card: &ScoreCard, book: &Rulebook) -> Points {
    let a = &book.attainment;
    let short = a.min_total.saturating_sub(card.total);
    let empty: Points = card
        .points
        .iter()
        .map(|k| a.min_points_per_subcategory.saturating_sub(k.points))
        .sum();
    short + empty
}

/// The total a card would have with these subcategory points, category caps applied.
fn total_of(points: &[Points], book: &Rulebook) -> Points {
    book.categories
        .iter()
        .map(|cat| {
            let sum: Points = book
                .subcategories()
                .zip(points)
                .filter(|(s, _)| s.category == cat.key)
                .map(|(_, p)| *p)
                .sum();
            sum.min(cat.max)
        })
        .sum()
}

fn attains(points: &[Points], book: &Rulebook) -> bool {
    total_of(points, book) >= book.attainment.min_total
        && points
            .iter()
            .all(|p| *p >= book.attainment.min_points_per_subcategory)
}

/// A situation and its verified assessment.
#[derive(Clone)]
struct Scored {
    situation: Situation,
    assessment: Assessment,
}

impl Scored {
    fn new(situation: Situation, book: &Rulebook) -> Result<Scored, EngineError> {
        let assessment = engine::score(&situation, book)?;
        Ok(Scored {
            situation,
            assessment,
        })
    }

    fn card(&self) -> &ScoreCard {
        &self.assessment.card
    }

    /// Applies an action to a copy and re-scores it: the only way a gain is measured.
    fn try_action(&self, action: &Action, book: &Rulebook) -> Result<(Step, Scored), EngineError> {
        let mut situation = self.situation.clone();
        let done = action.apply(&mut situation, book);
        let next = Scored::new(situation, book)?;
        let text = describe::describe(&done, self, &next, book);
        let mut clauses = done.clauses(book, next.card().path);
        if let (Kind::GrowUsage, Some((_, growth))) =
            (done.kind(), actions::usage_growth_rule(book))
        {
            // The minimum only matters when the top-up is what reaches it.
            let min = growth.min_last_month_acr().amount();
            if actions::growth_sums(&self.situation, book).0 >= min {
                clauses.retain(|c| *c != growth.clauses.min_acr);
            }
        }
        if next.card().path != self.card().path {
            clauses.push(book.path.derived_clause().to_string());
        }
        let step = Step {
            action: done,
            text,
            clauses,
            before: self.card().clone(),
            after: next.card().clone(),
        };
        Ok((step, next))
    }
}

/// The reduced copy skilling and deployments are explored on: people, deployments and
/// the attribution of the customers deployed for, with the path fixed, so those two
/// rules score exactly as on the full situation while nothing else costs time.
fn reduced(s: &Situation, path: crate::model::PathKind, extra_customer: Option<&str>) -> Situation {
    let mut r = Situation::new(s.as_of);
    r.designation = s.designation;
    r.path = Some(path);
    r.people = s.people.clone();
    r.deployments = s.deployments.clone();
    r.customers = s
        .customers
        .iter()
        .filter(|c| {
            Some(c.id.as_str()) == extra_customer
                || s.deployments.iter().any(|d| d.customer == c.id)
        })
        .map(|c| crate::model::Customer {
            // Only M is kept: it picks the customer a deployment is suggested for.
            acr: c
                .acr
                .range(s.as_of..=s.as_of)
                .map(|(m, v)| (*m, *v))
                .collect(),
            ..c.clone()
        })
        .collect();
    r
}

/// Orders verified steps: more points per single action first (exactly, as fractions),
/// then fewer actions, then the kind order of [`Kind`], fewer US dollars, the subject.
fn rank(a: &Step, b: &Step) -> Ordering {
    let (ga, gb) = (a.gain(), b.gain());
    let (ca, cb) = (a.action.count(), b.action.count());
    (gb * ca)
        .cmp(&(ga * cb))
        .then(ca.cmp(&cb))
        .then(a.action.kind().cmp(&b.action.kind()))
        .then(a.action.usd().cmp(&b.action.usd()))
        .then(a.action.subject().cmp(&b.action.subject()))
}

/// Plans for a situation.
pub fn plan(situation: &Situation, book: &Rulebook) -> Result<Plan, EngineError> {
    let start = Scored::new(situation.clone(), book)?;
    let card = start.card().clone();
    let gaps = book
        .subcategories()
        .map(|sub| {
            let (points, max) = (card.points_of(&sub.key), sub.max);
            Gap {
                sub: sub.key.clone(),
                title: sub.title.clone(),
                points,
                max,
                missing: max.saturating_sub(points),
                blocks: points < book.attainment.min_points_per_subcategory,
            }
        })
        .collect();
    let (ranked, left_out) = ranked_actions(&start, book)?;
    let outcome = if card.attained {
        Outcome::AlreadyAttained
    } else {
        let mut outcome = search(&start, book)?;
        // The ladders assume the current path. When they cannot reach attainment, an
        // action that moves the path (more ACR crossing the driven-ACR limit) may open
        // a plan on the other path: plan again from there, that action first.
        if !matches!(outcome, Outcome::Reached { .. }) {
            let movers = ranked
                .iter()
                .filter(|(step, _)| step.before.path != step.after.path)
                .take(PATH_MOVES_TRIED);
            let mut best: Option<(u32, Decimal, Outcome)> = None;
            for (step, next) in movers {
                if let Outcome::Reached { steps, last } = search(next, book)? {
                    let mut all = vec![step.clone()];
                    all.extend(steps);
                    let count: u32 = all.iter().map(|s| s.action.count()).sum();
                    let usd: Decimal = all.iter().map(|s| s.action.usd()).sum();
                    if best
                        .as_ref()
                        .is_none_or(|(c, u, _)| (count, usd) < (*c, *u))
                    {
                        best = Some((count, usd, Outcome::Reached { steps: all, last }));
                    }
                }
            }
            if let Some((_, _, reached)) = best {
                outcome = reached;
            }
        }
        outcome
    };
    Ok(Plan {
        current: start.assessment,
        gaps,
        actions: ranked.into_iter().map(|(step, _)| step).collect(),
        left_out,
        outcome,
    })
}

/// Every candidate on the current situation, re-scored on its own; those that gain
/// points (or empty a blocking subcategory), best first.
/// Also returns the actions left out because they move the path at a loss.
#[allow(clippy::type_complexity)]
fn ranked_actions(
    start: &Scored,
    book: &Rulebook,
) -> Result<(Vec<(Step, Scored)>, Vec<Step>), EngineError> {
    let path = start.card().path;
    let mut people_only = Vec::new();
    let mut others = Vec::new();
    for action in actions::all(&start.situation, &start.assessment, book) {
        match action.kind() {
            Kind::AssociatePerson
            | Kind::RenewCertification
            | Kind::RetakeCertification
            | Kind::CertifyPeople
            | Kind::AddDeployments => people_only.push(action),
            _ => others.push(action),
        }
    }
    // Skilling and deployment candidates are screened on the reduced copy first: most
    // certification bundles are useless or dominated, and a screen costs nothing.
    let mut screened: Vec<(Action, Points)> = Vec::new();
    for action in people_only {
        let target = match &action {
            Action::Deploy { customer, .. } => Some(customer.as_str()),
            _ => None,
        };
        let small = Scored::new(reduced(&start.situation, path, target), book)?;
        let (step, _) = small.try_action(&action, book)?;
        if step.gain() > Points::ZERO {
            screened.push((action, step.gain()));
        }
    }
    let screened: Vec<Action> = screened
        .iter()
        .filter(|(a, gain)| !dominated(a, *gain, &screened))
        .map(|(a, _)| a.clone())
        .collect();
    let mut out = Vec::new();
    let mut left_out = Vec::new();
    for action in screened.iter().chain(&others) {
        let (step, next) = start.try_action(action, book)?;
        if step.useful(book) {
            out.push((step, next));
        } else if step.hits_target(book) && step.before.path != step.after.path {
            left_out.push(step);
        }
    }
    out.sort_by(|a, b| rank(&a.0, &b.0));
    left_out.sort_by(rank);
    Ok((out, left_out))
}

/// A certification bundle is left out when another for the same subcategory gains at
/// least as much with no more people, or when it only adds a scoring person to a bundle
/// that already gains on its own (that is two actions, and the plan shows them so).
fn dominated(action: &Action, gain: Points, all: &[(Action, Points)]) -> bool {
    let Action::Certify {
        sub,
        prerequisite,
        scoring,
        ..
    } = action
    else {
        return false;
    };
    all.iter().any(|(other, g)| match other {
        Action::Certify {
            sub: s2,
            prerequisite: p2,
            scoring: c2,
            ..
        } if s2 == sub && other != action => {
            let fewer = other.count() <= action.count() && *g >= gain;
            let strictly = other.count() < action.count() || *g > gain;
            let base = *scoring == 1 && *c2 == 0 && p2 == prerequisite && *g > Points::ZERO;
            (fewer && strictly) || base
        }
        _ => false,
    })
}

/// One choice for one subcategory: rungs of actions (a rung is applied as a whole), and
/// the points they changed in every subcategory when re-scored (more ACR for a net
/// customer add lifts usage growth too).
#[derive(Clone)]
struct Opt {
    rungs: Vec<Vec<Action>>,
    count: u32,
    delta: Vec<Points>,
    usd: Decimal,
    /// The delta comes from re-scoring, not from a formula.
    verified: bool,
}

fn delta(from: &ScoreCard, to: &ScoreCard) -> Vec<Points> {
    from.points
        .iter()
        .zip(&to.points)
        .map(|(a, b)| b.points - a.points)
        .collect()
}

/// A candidate rung of a ladder: its actions, the state after them, its points gain.
struct Rung {
    actions: Vec<Action>,
    next: Scored,
    gain: Points,
}

impl Rung {
    fn count(&self) -> u32 {
        self.actions.iter().map(Action::count).sum()
    }

    fn usd(&self) -> Decimal {
        self.actions.iter().map(Action::usd).sum()
    }

    /// More points per action, then fewer actions, then the kind order of the first
    /// action, then fewer US dollars.
    fn beats(&self, other: &Rung) -> bool {
        let (c, oc) = (self.count(), other.count());
        (self.gain * oc)
            .cmp(&(other.gain * c))
            .then(oc.cmp(&c))
            .then(other.actions[0].kind().cmp(&self.actions[0].kind()))
            .then(other.usd().cmp(&self.usd()))
            == Ordering::Greater
    }
}

/// What a ladder climbs: a progress figure read from a verified state (points, or a
/// count of net adds as points), the figure at which it stops, and at most how many
/// rungs it takes.
struct Measure<'a> {
    progress: Box<dyn Fn(&Scored) -> Points + 'a>,
    goal: Points,
    rungs: usize,
}

impl<'a> Measure<'a> {
    /// The points of a subcategory, up to its maximum.
    fn points(i: usize, book: &Rulebook) -> Measure<'a> {
        let max = book.subcategories.get(i).map_or(Points::ZERO, |s| s.max);
        Measure {
            progress: Box::new(move |s: &Scored| points_at(s.card(), i)),
            goal: max,
            // A rung gains at least a point, so no ladder climbs further.
            rungs: max.value().ceil().try_into().unwrap_or(0),
        }
    }
}

/// Net customer adds before the clamp, read from the engine's trace: adds minus losses.
fn net_adds(a: &Assessment, book: &Rulebook) -> (i64, i64) {
    let Some(i) = position_of(book, |r| matches!(r, Rule::NetCustomerAdds(_))) else {
        return (0, 0);
    };
    let Rule::NetCustomerAdds(rule) = &book.subcategories[i].rule else {
        return (0, 0);
    };
    let area = crate::engine::Area::Subcategory(i);
    let count = |id: &str| {
        a.trace
            .iter()
            .filter(|e| e.area == area && e.clause == id)
            .filter(|e| matches!(e.outcome, crate::engine::Outcome::Counts(n) if n != 0))
            .count() as i64
    };
    (count(&rule.clauses.add), count(&rule.clauses.loss))
}

/// How many path-moving actions are tried as the first step of a plan when no plan on
/// the current path attains.
const PATH_MOVES_TRIED: usize = 2;

/// The most net adds a plan may need before net customer adds earns its first point:
/// beyond it the planner says how many are missing instead of listing them.
pub const MAX_NET_ADDS_TO_PLAN: i64 = 10;

/// The best next rung again and again, each re-scored on `state`; keeps what raises the
/// measure (a subcategory's points, or net adds). `candidates` proposes actions on a state. An action that uses
/// what the partner has (associating a person, renewing a certification) may gain
/// nothing alone yet enable the next one (a second prerequisite holder): such an action
/// is also tried followed by each candidate after it.
fn ladder(
    mut state: Scored,
    book: &Rulebook,
    measure: Measure,
    candidates: impl Fn(&Scored) -> Vec<Action>,
) -> Result<Vec<Opt>, EngineError> {
    let first = state.card().clone();
    let mut options = Vec::new();
    let mut rungs: Vec<Vec<Action>> = Vec::new();
    let (mut count, mut usd) = (0u32, Decimal::ZERO);
    for _ in 0..measure.rungs {
        let now = (measure.progress)(&state);
        if now >= measure.goal {
            break;
        }
        let gain_of = |s: &Scored| (measure.progress)(s) - now;
        let mut best: Option<Rung> = None;
        let mut consider = |rung: Rung| {
            if rung.gain > Points::ZERO && best.as_ref().is_none_or(|b| rung.beats(b)) {
                best = Some(rung);
            }
        };
        for action in candidates(&state) {
            let (step, next) = state.try_action(&action, book)?;
            let gain = gain_of(&next);
            let enabling = matches!(
                action.kind(),
                Kind::AssociatePerson | Kind::RenewCertification | Kind::RetakeCertification
            );
            if gain <= Points::ZERO && enabling {
                for then in candidates(&next) {
                    if then.kind() == action.kind() && then.subject() == action.subject() {
                        continue;
                    }
                    let (step2, after) = next.try_action(&then, book)?;
                    let gain = gain_of(&after);
                    consider(Rung {
                        actions: vec![step.action.clone(), step2.action],
                        next: after,
                        gain,
                    });
                }
            }
            consider(Rung {
                actions: vec![step.action],
                next,
                gain,
            });
        }
        let Some(rung) = best else { break };
        count += rung.count();
        usd += rung.usd();
        rungs.push(rung.actions);
        state = rung.next;
        options.push(Opt {
            rungs: rungs.clone(),
            count,
            delta: delta(&first, state.card()),
            usd,
            verified: true,
        });
    }
    Ok(options)
}

/// The plan: ladders per subcategory, the cheapest combination that would attain,
/// then verified application and, if needed, greedy repair.
fn search(start: &Scored, book: &Rulebook) -> Result<Outcome, EngineError> {
    let card = start.card().clone();
    let path = card.path;
    let s = &start.situation;
    let subs = book.subcategories.len();
    let mut options: Vec<Vec<Opt>> = Vec::new();
    for (i, sub) in book.subcategories().enumerate() {
        let here = Opt {
            rungs: Vec::new(),
            count: 0,
            delta: vec![Points::ZERO; subs],
            usd: Decimal::ZERO,
            verified: true,
        };
        let mut list = vec![here];
        match &sub.rule {
            Rule::NetCustomerAdds(rule) => {
                // Climbs net adds rather than points, so that holding a loss counts as
                // progress while losses still outnumber adds; but only when few enough
                // are missing for a plan to be sensible.
                let (adds, losses) = net_adds(&start.assessment, book);
                let missing = (1 - (adds - losses)).max(0);
                if missing <= MAX_NET_ADDS_TO_PLAN {
                    let max_adds = i64::from(rule.max_adds);
                    let measure = Measure {
                        progress: Box::new(move |st: &Scored| {
                            let (a, l) = net_adds(&st.assessment, book);
                            Points::new(Decimal::from((a - l).min(max_adds)))
                        }),
                        goal: Points::new(Decimal::from(max_adds)),
                        rungs: (max_adds + missing) as usize,
                    };
                    list.extend(ladder(start.clone(), book, measure, |state: &Scored| {
                        // The cheapest customer to hold, the cheapest to raise, and a new
                        // customer: each is one net add, so the ladder keeps the cheapest
                        // that re-scores as one (the list is sorted by US dollars needed).
                        let mut seen = std::collections::BTreeSet::new();
                        actions::net_customer_adds(&state.situation, state.card().path, book)
                            .into_iter()
                            .filter(|a| seen.insert(a.kind()))
                            .collect()
                    })?);
                }
            }
            Rule::CertificationLadder(_) => {
                let small = Scored::new(reduced(s, path, None), book)?;
                list.extend(ladder(
                    small,
                    book,
                    Measure::points(i, book),
                    |state: &Scored| {
                        actions::skilling(&state.situation, path, book, Some(&sub.key))
                    },
                )?);
            }
            Rule::Deployments(_) => {
                let target = match actions::deployment(s, path, book) {
                    Some(Action::Deploy { customer, .. }) => Some(customer),
                    _ => None,
                };
                let small = Scored::new(reduced(s, path, target.as_deref()), book)?;
                list.extend(ladder(
                    small,
                    book,
                    Measure::points(i, book),
                    |state: &Scored| {
                        actions::deployment(&state.situation, path, book)
                            .into_iter()
                            .collect()
                    },
                )?);
            }
            Rule::UsageGrowth(_) => {
                // One action reaches any number of points; its price is computed exactly.
                // Usage growth earns whole points: one target per whole point.
                let now = card.points_of(&sub.key).whole().unwrap_or(0);
                let max = sub.max.whole().unwrap_or(0);
                for target in now + 1..=max {
                    if let Some(action) = actions::growth(s, book, target) {
                        let mut d = vec![Points::ZERO; subs];
                        d[i] = Points::from(target - now);
                        list.push(Opt {
                            usd: action.usd(),
                            rungs: vec![vec![action]],
                            count: 1,
                            delta: d,
                            verified: false,
                        });
                    }
                }
            }
        }
        options.push(list);
    }
    // Usage growth options are priced by formula; before one is relied on, it is
    // re-scored (more ACR can move the derived path and cost points elsewhere) and its
    // real effect replaces the estimate.
    let growth = position_of(book, |r| matches!(r, Rule::UsageGrowth(_)));
    let unverified = options.iter().flatten().filter(|o| !o.verified).count();
    let mut choice = None;
    for _ in 0..=unverified {
        choice = cheapest(&options, &card, book);
        let Some(picked) = &choice else { break };
        let found = picked.iter().enumerate().find_map(|(k, opt)| {
            options[k]
                .iter()
                .position(|o| !o.verified && o.rungs == opt.rungs)
                .map(|i| (k, i))
        });
        let Some((k, i)) = found else {
            break;
        };
        let o = &mut options[k][i];
        let mut state = start.clone();
        for action in o.rungs.iter().flatten() {
            state = state.try_action(action, book)?.1;
        }
        o.delta = delta(&card, state.card());
        o.verified = true;
    }
    let Some(choice) = choice else {
        return Ok(Outcome::Unreachable {
            reasons: unreachable_reasons(start, &options, book),
            steps: Vec::new(),
            last: Box::new(start.assessment.clone()),
        });
    };
    // Apply: everything but usage growth, in subcategory order, then growth sized to
    // what the verified card still needs.
    let mut state = start.clone();
    let mut steps: Vec<Step> = Vec::new();
    let mut growth_chosen = false;
    for (i, opt) in choice.iter().enumerate() {
        if Some(i) == growth {
            growth_chosen = !opt.rungs.is_empty();
            continue;
        }
        // An option is kept whole when, as a whole, it raises its subcategory on the
        // verified state: its first rungs may earn nothing on their own (losses held
        // before net adds turn positive).
        let mut tried = state.clone();
        let mut option_steps: Vec<Step> = Vec::new();
        for action in opt.rungs.iter().flatten() {
            if !still_open(action, &tried.situation) {
                continue;
            }
            let (step, next) = tried.try_action(action, book)?;
            option_steps.push(step);
            tried = next;
        }
        let (Some(first), Some(last)) = (option_steps.first(), option_steps.last()) else {
            continue;
        };
        let whole = Step {
            action: last.action.clone(),
            text: String::new(),
            clauses: Vec::new(),
            before: first.before.clone(),
            after: last.after.clone(),
        };
        if points_at(&whole.after, i) > points_at(&whole.before, i)
            && (whole.gain() > Points::ZERO || whole.unblocks(book))
        {
            for step in option_steps {
                push_step(&mut steps, step, book);
            }
            state = tried;
        }
    }
    if growth_chosen && !state.card().attained {
        if let Some(action) = growth_needed(&state, book) {
            let (step, next) = state.try_action(&action, book)?;
            if step.useful(book) {
                steps.push(step);
                state = next;
            }
        }
    }
    // Repair: while not attained, the action that closes the most of the gap per single
    // action, re-scored on the current state.
    for _ in 0..12 {
        if state.card().attained {
            break;
        }
        let before = deficit(state.card(), book);
        let mut best: Option<(Step, Scored, Points)> = None;
        // The same screened candidates as the ranked list, and the growth that just
        // attains: each already re-scored on the current state.
        let mut offers = ranked_actions(&state, book)?.0;
        if let Some(action) = growth_needed(&state, book) {
            offers.push(state.try_action(&action, book)?);
        }
        for (step, next) in offers {
            let after = deficit(&step.after, book);
            if after >= before || !step.hits_target(book) {
                continue;
            }
            let closed = before - after;
            let better = best.as_ref().is_none_or(|(b, _, bd)| {
                let bclosed = before - *bd;
                let (c, bc) = (step.action.count(), b.action.count());
                (closed * bc)
                    .cmp(&(bclosed * c))
                    .then_with(|| rank(b, &step))
                    == Ordering::Greater
            });
            if better {
                best = Some((step, next, after));
            }
        }
        let Some((step, next, _)) = best else { break };
        push_step(&mut steps, step, book);
        state = next;
    }
    if state.card().attained {
        Ok(Outcome::Reached {
            steps,
            last: Box::new(state.assessment),
        })
    } else {
        let mut reasons = unreachable_reasons(start, &options, book);
        if reasons.is_empty() {
            reasons.push(format!(
                "the actions found reach {} points, and no further action re-scored closer to \
                 attainment ({})",
                state.card().total,
                book.attainment.clause
            ));
        }
        Ok(Outcome::Unreachable {
            reasons,
            steps,
            last: Box::new(state.assessment),
        })
    }
}

/// Adds a verified step, joining it to the previous one when both are single
/// deployments or new customers (the cards stay verified: the joined step's `before`
/// is the earlier card and its `after` the later one).
fn push_step(steps: &mut Vec<Step>, step: Step, book: &Rulebook) {
    if let Some(last) = steps.last_mut() {
        if last.after == step.before && last.action.absorb(&step.action) {
            last.after = step.after;
            for c in step.clauses {
                if !last.clauses.contains(&c) {
                    last.clauses.push(c);
                }
            }
            last.text = describe::joined(&last.action, &last.before, &last.after, book);
            return;
        }
    }
    steps.push(step);
}

/// Whether an action still changes something in this situation (a customer already at
/// the target, a person already associated, are done).
fn still_open(action: &Action, s: &Situation) -> bool {
    match action {
        Action::RaiseAcr {
            customer,
            month,
            to,
            ..
        } => s
            .customers
            .iter()
            .find(|c| c.id == *customer)
            .is_some_and(|c| c.acr_in(*month) < *to),
        Action::Associate { person, .. } => {
            s.people.iter().any(|p| p.id == *person && !p.associated)
        }
        _ => true,
    }
}

/// The usage growth top-up that just attains, given the rest of the verified card; the
/// maximum when no amount attains on its own.
fn growth_needed(state: &Scored, book: &Rulebook) -> Option<Action> {
    let i = position_of(book, |r| matches!(r, Rule::UsageGrowth(_)))?;
    let mut points = points_of(state.card());
    let now = points.get(i)?.whole().unwrap_or(0);
    let max = book.subcategories.get(i)?.max.whole().unwrap_or(0);
    let target = (now + 1..=max)
        .find(|p| {
            points[i] = Points::from(*p);
            attains(&points, book)
        })
        .unwrap_or(max);
    if target <= now {
        return None;
    }
    actions::growth(&state.situation, book, target)
}

/// The points a set of options would reach, estimated by adding their re-scored
/// changes to the current card, each subcategory held between 0 and its maximum.
fn estimate(card: &ScoreCard, picked: &[&Opt], book: &Rulebook) -> Vec<Points> {
    book.subcategories()
        .enumerate()
        .map(|(i, sub)| {
            let sum = points_at(card, i) + picked.iter().map(|o| o.delta[i]).sum::<Points>();
            sum.max(Points::ZERO).min(sub.max)
        })
        .collect()
}

/// One option per subcategory: attaining (estimated), fewest actions, then fewest US
/// dollars, then the most points; the first such combination in option order.
fn cheapest(options: &[Vec<Opt>], card: &ScoreCard, book: &Rulebook) -> Option<Vec<Opt>> {
    let mut best: Option<(u32, Decimal, Points, Vec<usize>)> = None;
    let mut pick = vec![0usize; options.len()];
    loop {
        let picked: Vec<&Opt> = pick
            .iter()
            .enumerate()
            .map(|(i, o)| &options[i][*o])
            .collect();
        let points = estimate(card, &picked, book);
        let count: u32 = picked.iter().map(|o| o.count).sum();
        let usd: Decimal = picked.iter().map(|o| o.usd).sum();
        if attains(&points, book) {
            let total = total_of(&points, book);
            let better = best.as_ref().is_none_or(|(c, u, t, _)| {
                (count, usd, std::cmp::Reverse(total)) < (*c, *u, std::cmp::Reverse(*t))
            });
            if better {
                best = Some((count, usd, total, pick.clone()));
            }
        }
        // Next combination, like an odometer.
        let mut i = 0;
        loop {
            if i == pick.len() {
                return best.map(|(_, _, _, p)| {
                    p.iter()
                        .enumerate()
                        .map(|(i, o)| options[i][*o].clone())
                        .collect()
                });
            }
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}

/// Why no combination of options attains: the subcategories no action can lift to the
/// bar, and the total the best of everything reaches.
fn unreachable_reasons(start: &Scored, options: &[Vec<Opt>], book: &Rulebook) -> Vec<String> {
    let a = &book.attainment;
    let mut reasons = Vec::new();
    let mut best = Vec::with_capacity(options.len());
    for (i, sub) in book.subcategories().enumerate() {
        let most = options[i]
            .iter()
            .map(|o| estimate(start.card(), &[o], book)[i])
            .max()
            .unwrap_or(Points::ZERO);
        if most < a.min_points_per_subcategory {
            reasons.push(describe::why_stuck(sub, start, book));
        }
        best.push(most);
    }
    let total = total_of(&best, book);
    if total < a.min_total {
        reasons.push(format!(
            "with every subcategory at the most the planner's actions reach, the total is \
             {total}, under the {} needed ({})",
            a.min_total, a.clause
        ));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Keyed;

    fn card(points: [u32; 5], book: &Rulebook) -> ScoreCard {
        let points = points.map(Points::from);
        ScoreCard {
            path: crate::model::PathKind::Smb,
            points: book
                .subcategories()
                .zip(points)
                .map(|(s, p)| Keyed::new(s.key.as_str(), p))
                .collect(),
            categories: Vec::new(),
            total: total_of(&points, book),
            attained: attains(&points, book),
        }
    }

    #[test]
    fn deficit_is_zero_exactly_when_attained() {
        let book = Rulebook::builtin();
        for points in [
            [30, 20, 0, 20, 10],
            [10, 10, 10, 10, 10],
            [30, 20, 1, 19, 0],
            [30, 20, 4, 10, 6],
        ] {
            let c = card(points, book);
            assert_eq!(deficit(&c, book) == Points::ZERO, c.attained, "{points:?}");
        }
    }

    #[test]
    fn the_cheapest_combination_fixes_the_blocker_first() {
        let book = Rulebook::builtin();
        let opt = |sub: usize, count: u32, gain: u32| {
            let mut delta = vec![Points::ZERO; 5];
            delta[sub] = Points::from(gain);
            Opt {
                rungs: Vec::new(),
                count,
                delta,
                usd: Decimal::ZERO,
                verified: true,
            }
        };
        // 20 + 16 + 0 + 20 + 10 = 66: one more net add alone leaves advanced empty;
        // one renewal giving advanced 8 attains with one action.
        let options = vec![
            vec![opt(0, 0, 0), opt(0, 1, 10)],
            vec![opt(1, 0, 0), opt(1, 1, 4)],
            vec![opt(2, 0, 0), opt(2, 1, 8), opt(2, 2, 12)],
            vec![opt(3, 0, 0)],
            vec![opt(4, 0, 0)],
        ];
        let now = card([20, 16, 0, 20, 10], book);
        let choice = cheapest(&options, &now, book).unwrap();
        let picked: Vec<&Opt> = choice.iter().collect();
        assert_eq!(
            estimate(&now, &picked, book),
            [20, 16, 8, 20, 10].map(Points::from).to_vec()
        );
    }

    #[test]
    fn side_effects_count_toward_the_estimate() {
        let book = Rulebook::builtin();
        // A net customer add that also lifts usage growth by 1 reaches 70 with two
        // certifications; without the side effect a third action would be needed.
        let mut with_growth = vec![Points::ZERO; 5];
        with_growth[0] = Points::from(10);
        with_growth[3] = Points::from(1);
        let one = |sub: usize, gain: u32| {
            let mut delta = vec![Points::ZERO; 5];
            delta[sub] = Points::from(gain);
            Opt {
                rungs: Vec::new(),
                count: 1,
                delta,
                usd: Decimal::ZERO,
                verified: true,
            }
        };
        let zero = Opt {
            rungs: Vec::new(),
            count: 0,
            delta: vec![Points::ZERO; 5],
            usd: Decimal::ZERO,
            verified: true,
        };
        let options = vec![
            vec![
                zero.clone(),
                Opt {
                    delta: with_growth,
                    ..one(0, 10)
                },
            ],
            vec![zero.clone(), one(1, 4)],
            vec![zero.clone(), one(2, 4)],
            vec![zero.clone(), one(3, 1)],
            vec![zero],
        ];
        let now = card([20, 8, 8, 11, 4], book);
        let choice = cheapest(&options, &now, book).unwrap();
        let count: u32 = choice.iter().map(|o| o.count).sum();
        assert_eq!(count, 3);
        assert!(choice[3].rungs.is_empty() && choice[3].delta == vec![Points::ZERO; 5]);
    }
}
