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
//! Cost: each re-score is one untraced [`engine::score_untraced`] pass over the partner,
//! with the action applied in place and undone afterwards ([`work`]): the planner holds
//! one copy of the partner, and a state is only the list of actions applied to it.
//! Candidates are bounded (the [`actions::CUSTOMERS_PER_KIND`] cheapest customers per
//! kind, one person per distinct set of roles), the ladders climb a bounded number of
//! rungs, and the skilling and deployment ladders are explored on a reduced copy of the
//! situation that keeps only what those rules read, with the path fixed (the people;
//! the deployments and the customers they name); everything reported is re-scored in
//! full. The number of passes so depends on the rulebook, not on the size of the file,
//! and the words of an action are written only for the actions shown.

pub mod actions;
mod describe;
mod render;
mod work;

pub use actions::{Action, Kind, Purpose};
pub use render::{plan_json, plan_text};

use crate::engine::moves::{self, Ask, Climb, Scope};
use crate::engine::{Assessment, EngineError};
use crate::model::{PathKind, Points, ScoreCard, Situation};
use crate::rulebook::Rulebook;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use work::{Scored, Work};

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
        /// The final assessment (scored without the trace: its card and path source).
        last: Box<Assessment>,
    },
    /// No plan reaches attainment with the kinds of action available.
    Unreachable {
        /// Exactly why, one reason per obstacle, with clause ids.
        reasons: Vec<String>,
        /// Steps that were applied before the planner gave up (may be empty).
        steps: Vec<Step>,
        /// The best verified assessment reached (without the trace).
        last: Box<Assessment>,
    },
}

/// A plan for one partner file.
#[derive(Clone, PartialEq, Debug)]
pub struct Plan {
    /// The current assessment (scored without the trace: its card and path source).
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
                .filter(|(s, _)| *s.category == *cat.key)
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

/// What the rule kinds are asked about a situation on a path, with the planner's bound.
fn ask<'a>(s: &'a Situation, book: &'a Rulebook, path: PathKind) -> Ask<'a> {
    Ask {
        s,
        book,
        path,
        per_kind: actions::CUSTOMERS_PER_KIND,
    }
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
    plan_owned(situation.clone(), book)
}

/// Plans for a situation the caller no longer needs: [`plan`] without the copy, which
/// for a large partner is most of the memory a plan takes.
pub fn plan_owned(situation: Situation, book: &Rulebook) -> Result<Plan, EngineError> {
    // The planner has moves for the Azure rule kinds only: refuse rather than plan
    // without the subcategories it cannot move.
    if book.subcategories().any(|s| !s.rule.plannable()) {
        return Err(EngineError::PlanUnsupported(situation.designation));
    }
    plan_in(&mut Work::new(situation, book)?)
}

fn plan_in(work: &mut Work) -> Result<Plan, EngineError> {
    let book = work.book;
    let start = work.start()?;
    let card = start.card().clone();
    let gaps = book
        .subcategories()
        .map(|sub| {
            let (points, max) = (card.points_of(&sub.key), sub.max);
            Gap {
                sub: sub.key.to_string(),
                title: sub.title.clone(),
                points,
                max,
                missing: max.saturating_sub(points),
                blocks: points < book.attainment.min_points_per_subcategory,
            }
        })
        .collect();
    let (mut ranked, mut left_out) = ranked_actions(work, &start)?;
    for (step, next) in ranked.iter_mut().chain(left_out.iter_mut()) {
        work.finish(step, &start, next)?;
    }
    let outcome = if card.attained {
        Outcome::AlreadyAttained
    } else {
        let mut outcome = search(work, &start)?;
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
                if let Outcome::Reached { steps, last } = search(work, next)? {
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
        left_out: left_out.into_iter().map(|(step, _)| step).collect(),
        outcome,
    })
}

/// A verified step and the state it leads to.
type Tried = (Step, Scored);

/// Every candidate on a state, re-scored on its own; those that gain points (or empty
/// a blocking subcategory), best first. Also returns the actions left out because they
/// move the path at a loss. The steps' words are not written yet.
fn ranked_actions(
    work: &mut Work,
    start: &Scored,
) -> Result<(Vec<Tried>, Vec<Tried>), EngineError> {
    let book = work.book;
    let path = start.card().path;
    let mut screen_first = Vec::new();
    let mut others = Vec::new();
    let card = start.card();
    let candidates = work.view(&start.changes, |s| moves::offers(&ask(s, book, path), card));
    for action in candidates {
        match moves::scope_of(&action) {
            Some(scope) => screen_first.push((action, scope)),
            None => others.push(action),
        }
    }
    // Candidates whose kind reads only part of the situation are screened on a reduced
    // copy first: most certification bundles are useless or dominated, and a screen
    // costs little.
    let mut screened: Vec<(Action, Points)> = Vec::new();
    let mut copies: Vec<(Scope, Work, Scored)> = Vec::new();
    for (action, scope) in screen_first {
        let k = match copies.iter().position(|(s, _, _)| *s == scope) {
            Some(k) => k,
            None => {
                let mut small = work.reduced(&start.changes, |s| scope.reduce(s, path))?;
                let base = small.start()?;
                copies.push((scope, small, base));
                copies.len() - 1
            }
        };
        let (_, small, base) = &mut copies[k];
        let gain = small.try_action(base, &action)?.0.gain();
        if gain > Points::ZERO {
            screened.push((action, gain));
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
        let (step, next) = work.try_action(start, action)?;
        if step.useful(book) {
            out.push((step, next));
        } else if step.hits_target(book) && step.before.path != step.after.path {
            left_out.push((step, next));
        }
    }
    out.sort_by(|a, b| rank(&a.0, &b.0));
    left_out.sort_by(|a, b| rank(&a.0, &b.0));
    Ok((out, left_out))
}

/// A certification bundle is left out when another for the same subcategory gains at
/// least as much with no more people, or when it only adds a scoring person to a bundle
/// that already gains on its own (that is two actions, and the plan shows them so).
fn dominated(action: &Action, gain: Points, all: &[(Action, Points)]) -> bool {
    let Action::Certify {
        sub,
        prerequisites,
        scoring,
        ..
    } = action
    else {
        return false;
    };
    all.iter().any(|(other, g)| match other {
        Action::Certify {
            sub: s2,
            prerequisites: p2,
            scoring: c2,
            ..
        } if s2 == sub && other != action => {
            let fewer = other.count() <= action.count() && *g >= gain;
            let strictly = other.count() < action.count() || *g > gain;
            let base = *scoring == 1 && *c2 == 0 && p2 == prerequisites && *g > Points::ZERO;
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
struct Measure {
    progress: Progress,
    goal: Points,
    rungs: usize,
}

/// The figure a ladder climbs.
#[derive(Clone, Copy)]
enum Progress {
    /// The points of the subcategory at this position of the rulebook.
    Points(usize),
    /// Net customer adds (adds - losses), up to this many.
    NetAdds(i64),
}

impl Measure {
    /// The points of a subcategory, up to its maximum.
    fn points(i: usize, book: &Rulebook) -> Measure {
        let max = book.subcategories.get(i).map_or(Points::ZERO, |s| s.max);
        Measure {
            progress: Progress::Points(i),
            goal: max,
            // A rung gains at least a point, so no ladder climbs further.
            rungs: max.value().ceil().try_into().unwrap_or(0),
        }
    }

    fn progress(&self, work: &mut Work, state: &Scored) -> Result<Points, EngineError> {
        Ok(match self.progress {
            Progress::Points(i) => points_at(state.card(), i),
            Progress::NetAdds(max) => {
                let (a, l) = work.net_adds(state)?;
                Points::new(Decimal::from((a - l).min(max)))
            }
        })
    }
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
    work: &mut Work,
    mut state: Scored,
    measure: Measure,
    candidates: impl Fn(&Situation, &Scored) -> Vec<Action>,
) -> Result<Vec<Opt>, EngineError> {
    let first = state.card().clone();
    let mut options = Vec::new();
    let mut rungs: Vec<Vec<Action>> = Vec::new();
    let (mut count, mut usd) = (0u32, Decimal::ZERO);
    for _ in 0..measure.rungs {
        let now = measure.progress(work, &state)?;
        if now >= measure.goal {
            break;
        }
        let mut best: Option<Rung> = None;
        let mut consider = |rung: Rung| {
            if rung.gain > Points::ZERO && best.as_ref().is_none_or(|b| rung.beats(b)) {
                best = Some(rung);
            }
        };
        for action in work.view(&state.changes, |s| candidates(s, &state)) {
            let (step, next) = work.try_action(&state, &action)?;
            let gain = measure.progress(work, &next)? - now;
            if gain <= Points::ZERO && action.kind().enabling() {
                for then in work.view(&next.changes, |s| candidates(s, &next)) {
                    if then.kind() == action.kind() && then.subject() == action.subject() {
                        continue;
                    }
                    let (step2, after) = work.try_action(&next, &then)?;
                    let gain = measure.progress(work, &after)? - now;
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
fn search(work: &mut Work, start: &Scored) -> Result<Outcome, EngineError> {
    let mut options = options(work, start)?;
    let card = start.card().clone();
    let book = work.book;
    // Usage growth options are priced by formula; before one is relied on, it is
    // re-scored (more ACR can move the derived path and cost points elsewhere) and its
    // real effect replaces the estimate.
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
            state = work.try_action(&state, action)?.1;
        }
        o.delta = delta(&card, state.card());
        o.verified = true;
    }
    let Some(choice) = choice else {
        return Ok(Outcome::Unreachable {
            reasons: unreachable_reasons(work, start, &options)?,
            steps: Vec::new(),
            last: Box::new(start.assessment.clone()),
        });
    };
    let (mut state, mut steps) = apply_choice(work, start, &choice)?;
    // Repair: while not attained, the action that closes the most of the gap per single
    // action, re-scored on the current state.
    for _ in 0..REPAIRS {
        if state.card().attained {
            break;
        }
        let before = deficit(state.card(), book);
        let mut best: Option<(Step, Scored, Points)> = None;
        // The same screened candidates as the ranked list, and the growth that just
        // attains: each already re-scored on the current state.
        let mut offers = ranked_actions(work, &state)?.0;
        if let Some(action) = growth_needed(work, &state) {
            offers.push(work.try_action(&state, &action)?);
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
        let Some((mut step, next, _)) = best else {
            break;
        };
        work.finish(&mut step, &state, &next)?;
        push_step(&mut steps, step, book);
        state = next;
    }
    if state.card().attained {
        Ok(Outcome::Reached {
            steps,
            last: Box::new(state.assessment),
        })
    } else {
        let mut reasons = unreachable_reasons(work, start, &options)?;
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

/// How many repair steps the plan may add after the chosen options.
const REPAIRS: usize = 12;

/// Per subcategory, the options: none, then each rung of its ladder.
fn options(work: &mut Work, start: &Scored) -> Result<Vec<Vec<Opt>>, EngineError> {
    let book = work.book;
    let card = start.card().clone();
    let path = card.path;
    let subs = book.subcategories.len();
    let mut options: Vec<Vec<Opt>> = Vec::new();
    for i in 0..subs {
        let here = Opt {
            rungs: Vec::new(),
            count: 0,
            delta: vec![Points::ZERO; subs],
            usd: Decimal::ZERO,
            verified: true,
        };
        let mut list = vec![here];
        // Each kind of rule says how its subcategory is explored, and offers the moves.
        let rung = |s: &Situation, state: &Scored| moves::rung(&ask(s, book, state.card().path), i);
        match work.view(&start.changes, |s| {
            moves::climb(&ask(s, book, path), i, &card)
        }) {
            Climb::Nothing => {}
            Climb::NetAdds { goal, missing } => {
                // Only when few enough are missing for a plan to be sensible.
                if missing <= MAX_NET_ADDS_TO_PLAN {
                    let measure = Measure {
                        progress: Progress::NetAdds(goal),
                        goal: Points::new(Decimal::from(goal)),
                        rungs: (goal + missing) as usize,
                    };
                    list.extend(ladder(work, start.clone(), measure, rung)?);
                }
            }
            Climb::Points { scope: None } => {
                list.extend(ladder(work, start.clone(), Measure::points(i, book), rung)?);
            }
            Climb::Points { scope: Some(scope) } => {
                let mut small = work.reduced(&start.changes, |s| scope.reduce(s, path))?;
                let base = small.start()?;
                list.extend(ladder(&mut small, base, Measure::points(i, book), rung)?);
            }
            Climb::Priced(offers) => {
                for (gain, action) in offers {
                    let mut d = vec![Points::ZERO; subs];
                    d[i] = gain;
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
        options.push(list);
    }
    Ok(options)
}

/// Applies a chosen combination: everything but usage growth, in subcategory order,
/// then growth sized to what the verified card still needs. Returns the state reached
/// and the steps, with their words.
fn apply_choice(
    work: &mut Work,
    start: &Scored,
    choice: &[Opt],
) -> Result<(Scored, Vec<Step>), EngineError> {
    let book = work.book;
    let mut state = start.clone();
    let mut steps: Vec<Step> = Vec::new();
    let mut growth_chosen = false;
    let growth = priced_position(book);
    for (i, opt) in choice.iter().enumerate() {
        if Some(i) == growth {
            growth_chosen = !opt.rungs.is_empty();
            continue;
        }
        // An option is kept whole when, as a whole, it raises its subcategory on the
        // verified state: its first rungs may earn nothing on their own (losses held
        // before net adds turn positive).
        let mut tried = state.clone();
        let mut option_steps: Vec<(Step, Scored, Scored)> = Vec::new();
        for action in opt.rungs.iter().flatten() {
            if !work.view(&tried.changes, |s| still_open(action, s)) {
                continue;
            }
            let (step, next) = work.try_action(&tried, action)?;
            option_steps.push((step, tried, next.clone()));
            tried = next;
        }
        let (Some(first), Some(last)) = (option_steps.first(), option_steps.last()) else {
            continue;
        };
        let whole = Step {
            action: last.0.action.clone(),
            text: String::new(),
            clauses: Vec::new(),
            before: first.0.before.clone(),
            after: last.0.after.clone(),
        };
        if points_at(&whole.after, i) > points_at(&whole.before, i)
            && (whole.gain() > Points::ZERO || whole.unblocks(book))
        {
            for (mut step, before, after) in option_steps {
                work.finish(&mut step, &before, &after)?;
                push_step(&mut steps, step, book);
            }
            state = tried;
        }
    }
    if growth_chosen && !state.card().attained {
        if let Some(action) = growth_needed(work, &state) {
            let (mut step, next) = work.try_action(&state, &action)?;
            if step.useful(book) {
                work.finish(&mut step, &state, &next)?;
                steps.push(step);
                state = next;
            }
        }
    }
    Ok((state, steps))
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
fn growth_needed(work: &mut Work, state: &Scored) -> Option<Action> {
    let book = work.book;
    let i = priced_position(book)?;
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
    let path = state.card().path;
    work.view(&state.changes, |s| {
        moves::priced(&ask(s, book, path), i, target)
    })
}

/// The subcategory planned by price (usage growth): applied last, sized to what the
/// verified card still needs.
fn priced_position(book: &Rulebook) -> Option<usize> {
    (0..book.subcategories.len()).find(|i| moves::is_priced(book, *i))
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
fn unreachable_reasons(
    work: &mut Work,
    start: &Scored,
    options: &[Vec<Opt>],
) -> Result<Vec<String>, EngineError> {
    let book = work.book;
    let a = &book.attainment;
    let mut reasons = Vec::new();
    let mut best = Vec::with_capacity(options.len());
    let mut facts = None;
    for (i, sub) in book.subcategories().enumerate() {
        let most = options[i]
            .iter()
            .map(|o| estimate(start.card(), &[o], book)[i])
            .max()
            .unwrap_or(Points::ZERO);
        if most < a.min_points_per_subcategory {
            let f = match &facts {
                Some(f) => f,
                None => facts.insert(work.stuck_facts(start)?),
            };
            reasons.push(describe::why_stuck(sub, start.assessment.as_of, f, book));
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
    Ok(reasons)
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
                .map(|(s, p)| Keyed::new(s.key.clone(), p))
                .collect(),
            categories: Vec::new(),
            total: total_of(&points, book),
            attained: attains(&points, book),
            decimals: 0,
        }
    }

    /// The shape of the large partner of `tests/cli/plan.rs`, at any size: neutral
    /// customers but two losses and an add, people, and deployments of which those that
    /// count name two services.
    fn partner(customers: usize, deployments: usize) -> Situation {
        use crate::model::{Certification, Customer, Deployment, Money, Month, Person, Segment};
        let m = |t: &str| Month::parse(t).unwrap();
        let usd = |v: u64| Money::parse(&v.to_string()).unwrap();
        let mut s = Situation::new(m("2024-12"));
        for c in 0..customers {
            let acr = match c {
                3 | 6 => vec![("2023-11", 1500), ("2024-11", 200), ("2024-12", 300)],
                4 => vec![("2024-11", 400), ("2024-12", 1200)],
                _ => vec![
                    ("2023-11", 1500),
                    ("2023-12", 1500),
                    ("2024-11", 1500),
                    ("2024-12", 1500 + c as u64 % 100),
                ],
            };
            s.customers.push(Customer {
                id: format!("customer-{c}"),
                segment: Some([Segment::Smb, Segment::Smc, Segment::Enterprise][c % 3]),
                attribution: [&["PAL"][..], &["CSP", "MCI"], &["MCI"]][c % 3]
                    .iter()
                    .map(|a| crate::model::Attribution::from(*a))
                    .collect(),
                acr: acr.into_iter().map(|(k, v)| (m(k), usd(v))).collect(),
                ..Default::default()
            });
        }
        for p in 0..20 {
            s.people.push(Person {
                id: format!("person-{p}"),
                associated: true,
                certifications: vec![Certification {
                    cert: [
                        "azure-developer-associate",
                        "azure-administrator-associate",
                        "azure-solutions-architect-expert",
                    ][p % 3]
                        .into(),
                    earned: m(&format!("2024-0{}", 1 + p % 9)).last_day(),
                    expires: None,
                }],
            });
        }
        for d in 0..deployments {
            let age = (d % 36) as u32;
            let level = if d % 7 == 0 { 3 } else { [2, 2, 1][d % 3] };
            s.deployments.push(Deployment {
                customer: format!("customer-{}", (d * 7919) % customers),
                service: if age < 12 && level == 2 {
                    ["Azure Functions", "App Service"][d % 2].to_string()
                } else {
                    format!("Service {}", d % 5000)
                },
                service_level: level,
                month: m("2024-12").months_before(age),
                attribution: None,
            });
        }
        s
    }

    /// The plan re-scores the partner a number of times that depends on the rules, not
    /// on how many customers and deployments the file lists: the same for ten times
    /// the partner.
    #[test]
    fn the_number_of_passes_does_not_grow_with_the_partner() {
        let book = Rulebook::builtin();
        let mut counts = Vec::new();
        for n in [1_000, 10_000] {
            let mut work = Work::new(partner(n, n), book).unwrap();
            let p = plan_in(&mut work).unwrap();
            assert!(matches!(p.outcome, Outcome::Reached { .. }), "{n}");
            assert!(p.current.trace.is_empty());
            counts.push(work.passes);
        }
        assert_eq!(counts[0], counts[1]);
        assert!(counts[0] < 100, "{counts:?}");
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
