//! Moves: each rule kind's inverse. Where a kind's scoring file says what a situation
//! earns, its file here says what a partner could change to earn more: the candidate
//! actions for its subcategories, the typed figures those need (the people holding each
//! step of a ladder, a partner's net adds, the eligible ACR growth compares), which
//! clauses an action relies on and which subcategories it aims at.
//!
//! A kind proposes; it never judges. The planner (`crate::plan`) applies each move to
//! the partner, re-scores it with [`crate::engine::score`] and keeps what the engine's
//! cards show it gains, so a mistake here can only make a candidate useless, never make
//! a plan promise points the engine would not give. The planner keeps the search
//! (ordering, apply and undo, bounds, words and rendering) and asks this module, by
//! rule kind, for everything that depends on a rule.
//!
//! Adding a rule kind's moves is one new file here, `<kind>.rs`, with:
//! - `offers(ask)`: every candidate for the ranked list;
//! - `rung(ask, i)`: the candidates of one step of subcategory `i`'s ladder;
//! - `climb(ask, i)`: how the planner explores subcategory `i` ([`Climb`]);
//! - `targets` and `clauses` for the actions it offers;
//!
//! and one arm per function in the dispatch below (`match` on [`Rule`], as
//! [`crate::engine::score`] dispatches its scoring), and `Rule::plannable` made true for
//! it (`plan` refuses a rulebook with a kind that has no moves). A kind whose moves are
//! of a new sort also adds an [`Action`] variant, whose apply and undo are the planner's.

mod action;
pub(crate) mod certification_ladder;
pub(crate) mod deployments;
pub(crate) mod net_customer_adds;
pub(crate) mod usage_growth;

pub use action::{Action, Kind, Known, Purpose, Uncounted};

use crate::model::{Customer, PathKind, Points, ScoreCard, Segment, Situation};
use crate::rulebook::{Rule, Rulebook, Subcategory};

/// What a rule kind is asked about: a situation as it stands, the rulebook, the path it
/// is scored on, and the bound on candidates per sort of customer move.
#[derive(Clone, Copy)]
pub(crate) struct Ask<'a> {
    /// The situation, with every action of the state applied.
    pub s: &'a Situation,
    /// The rulebook it is scored with.
    pub book: &'a Rulebook,
    /// The path the state is scored on.
    pub path: PathKind,
    /// How many existing customers are offered per sort of customer move: the
    /// cheapest first (the planner's bound).
    pub per_kind: usize,
}

/// How the planner explores one subcategory's ladder of options.
pub(crate) enum Climb {
    /// Nothing to climb: no move raises it.
    Nothing,
    /// Climb the subcategory's points, one best rung after another, with the kind's
    /// [`rung`] moves; on the reduced copy `scope` makes, when there is one.
    Points {
        /// The part of the situation the rule reads.
        scope: Option<Scope>,
    },
    /// Climb net customer adds (adds - losses) rather than points, so that holding a
    /// loss counts while losses outnumber adds: up to `goal`, with `missing` net adds
    /// needed before the first point.
    NetAdds {
        /// The most net adds that earn points.
        goal: i64,
        /// Net adds missing before the subcategory's first point.
        missing: i64,
    },
    /// One action per number of points, priced exactly by formula (usage growth): the
    /// points it would add to the subcategory, and the action. The planner re-scores one
    /// before relying on it, and applies the one it picks last, sized by [`priced`] to
    /// what the verified card still needs.
    Priced(Vec<(Points, Action)>),
}

/// The part of a situation a rule kind reads, with the path fixed: a move re-scored on
/// it gains what it gains on the whole partner on that path, at a fraction of the cost.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Scope {
    /// The people (the skilling subcategories read nothing else and make a category of
    /// their own).
    People,
    /// The deployments, the customers they name, and this customer (the one a
    /// deployment is suggested for).
    Deployments {
        /// A customer to keep besides those deployed for.
        customer: Option<String>,
    },
}

impl Scope {
    /// The reduced copy of a situation.
    pub(crate) fn reduce(&self, s: &Situation, path: PathKind) -> Situation {
        match self {
            Scope::People => certification_ladder::people_only(s, path),
            Scope::Deployments { customer } => {
                deployments::deployments_only(s, path, customer.as_deref())
            }
        }
    }
}

/// Every candidate on a situation, each kind's in turn: what uses what the partner has
/// first. `card` is the situation's card (usage growth offers the next point and the
/// maximum from it).
pub(crate) fn offers(ask: &Ask, card: &ScoreCard) -> Vec<Action> {
    let mut out = certification_ladder::offers(ask);
    out.extend(deployments::offers(ask));
    out.extend(net_customer_adds::offers(ask));
    for action in usage_growth::offers(ask, card) {
        if !out.contains(&action) {
            out.push(action);
        }
    }
    out
}

/// The candidates for one rung of the ladder of the subcategory at position `i`.
pub(crate) fn rung(ask: &Ask, i: usize) -> Vec<Action> {
    let Some(sub) = ask.book.subcategories.get(i) else {
        return Vec::new();
    };
    match &sub.rule {
        Rule::NetCustomerAdds(_) => net_customer_adds::rung(ask),
        Rule::CertificationLadder(_) => certification_ladder::rung(ask, sub),
        Rule::Deployments(_) => deployments::rung(ask),
        Rule::UsageGrowth(_) => Vec::new(),
        // Kinds with no moves yet: `plan` refuses their rulebooks (`Rule::plannable`).
        _ => Vec::new(),
    }
}

/// How the planner explores the subcategory at position `i`, from a situation whose card
/// is `card`.
pub(crate) fn climb(ask: &Ask, i: usize, card: &ScoreCard) -> Climb {
    let Some(sub) = ask.book.subcategories.get(i) else {
        return Climb::Nothing;
    };
    match &sub.rule {
        Rule::NetCustomerAdds(rule) => net_customer_adds::climb(ask, rule),
        Rule::CertificationLadder(_) => Climb::Points {
            scope: Some(Scope::People),
        },
        Rule::Deployments(_) => deployments::climb(ask),
        Rule::UsageGrowth(_) => usage_growth::climb(ask, sub, card),
        _ => Climb::Nothing,
    }
}

/// Whether the subcategory at position `i` is planned by price ([`Climb::Priced`]).
pub(crate) fn is_priced(book: &Rulebook, i: usize) -> bool {
    book.subcategories
        .get(i)
        .is_some_and(|sub| matches!(sub.rule, Rule::UsageGrowth(_)))
}

/// The priced action that brings the subcategory at position `i` to `target` whole
/// points, when one can.
pub(crate) fn priced(ask: &Ask, i: usize, target: u32) -> Option<Action> {
    match &ask.book.subcategories.get(i)?.rule {
        Rule::UsageGrowth(_) => usage_growth::growth(ask.s, ask.book, target),
        _ => None,
    }
}

/// The reduced copy a candidate can be screened on, when its kind reads only part of the
/// situation.
pub(crate) fn scope_of(action: &Action) -> Option<Scope> {
    match action {
        Action::Associate { .. }
        | Action::Renew { .. }
        | Action::Retake { .. }
        | Action::Certify { .. } => Some(Scope::People),
        Action::Deploy { customer, .. } => Some(Scope::Deployments {
            customer: Some(customer.clone()),
        }),
        _ => None,
    }
}

impl Action {
    /// The subcategories the action is meant to raise, by their position in the
    /// rulebook: an action is only offered when it raises one of them. What it does
    /// elsewhere shows in the re-scored card, but is no reason to suggest it (a loss held
    /// at the threshold while net customer adds is full is a usage growth action in
    /// disguise, and a dearer one).
    pub fn targets(&self, book: &Rulebook) -> Vec<usize> {
        let of_kind = |wanted: fn(&Rule) -> bool| -> Vec<usize> {
            book.subcategories()
                .enumerate()
                .filter(|(_, s)| wanted(&s.rule))
                .map(|(i, _)| i)
                .collect()
        };
        match self {
            Action::Associate { .. } | Action::Renew { .. } | Action::Retake { .. } => {
                of_kind(|r| matches!(r, Rule::CertificationLadder(_)))
            }
            Action::Certify { sub, .. } => book
                .subcategories()
                .position(|s| *s.key == **sub)
                .into_iter()
                .collect(),
            Action::RaiseAcr { purpose, .. } => match purpose {
                Purpose::Growth { .. } => of_kind(|r| matches!(r, Rule::UsageGrowth(_))),
                _ => of_kind(|r| matches!(r, Rule::NetCustomerAdds(_))),
            },
            Action::NewCustomers { .. } => of_kind(|r| matches!(r, Rule::NetCustomerAdds(_))),
            Action::Deploy { .. } => of_kind(|r| matches!(r, Rule::Deployments(_))),
        }
    }

    /// Whether the action aims at net customer adds (its words then say how net adds
    /// move).
    pub(crate) fn aims_at_net_adds(&self, book: &Rulebook) -> bool {
        self.targets(book).into_iter().any(|i| {
            book.subcategories
                .get(i)
                .is_some_and(|s| matches!(s.rule, Rule::NetCustomerAdds(_)))
        })
    }

    /// The clause ids the action relies on, judged on the situation it is applied to.
    pub fn clauses(&self, s: &Situation, book: &Rulebook, path: PathKind) -> Vec<String> {
        let mut list = match self {
            Action::Associate { .. }
            | Action::Renew { .. }
            | Action::Retake { .. }
            | Action::Certify { .. } => certification_ladder::clauses(self, book, path),
            Action::RaiseAcr {
                purpose: Purpose::Growth { .. },
                ..
            } => usage_growth::clauses(s, book),
            Action::RaiseAcr { .. } | Action::NewCustomers { .. } => {
                net_customer_adds::clauses(self, book)
            }
            Action::Deploy { .. } => deployments::clauses(book),
        };
        let mut seen = std::collections::BTreeSet::new();
        list.retain(|c| seen.insert(c.clone()));
        list
    }
}

/// The first subcategory scored by a rule of the kind `pick` reads, with that rule: the
/// one the moves of a kind are planned for.
pub(crate) fn first_of<'b, R>(
    book: &'b Rulebook,
    pick: impl Fn(&'b Rule) -> Option<&'b R>,
) -> Option<(&'b Subcategory, &'b R)> {
    book.subcategories()
        .find_map(|sub| pick(&sub.rule).map(|r| (sub, r)))
}

/// The segment given to a new customer: one that keeps the partner on its path.
pub(crate) fn new_segment(path: PathKind, book: &Rulebook) -> Segment {
    let small = |seg: &Segment| book.path.smb_segments().iter().any(|s| s == seg.as_str());
    let all = [Segment::Smb, Segment::Smc, Segment::Enterprise];
    let pick = match path {
        PathKind::Smb => all.into_iter().find(|s| small(s)),
        PathKind::Enterprise => all.into_iter().find(|s| !small(s)),
    };
    pick.unwrap_or(Segment::Enterprise)
}

/// The eligible customer with the most ACR in M (the first id on a tie), which a growth
/// top-up and a suggested deployment go to.
pub(crate) fn top_eligible<'s>(s: &'s Situation, book: &Rulebook) -> Option<&'s Customer> {
    s.customers
        .iter()
        .filter(|c| book.attribution.any_eligible(c.codes_at(s.as_of)))
        .max_by(|a, b| {
            a.acr_in(s.as_of)
                .cmp(&b.acr_in(s.as_of))
                .then_with(|| b.id.cmp(&a.id))
        })
}

/// Whole points, for the kinds that earn whole points per unit.
pub(crate) fn whole(p: Points) -> u32 {
    p.whole().unwrap_or(0)
}
