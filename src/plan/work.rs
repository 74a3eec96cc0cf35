//! The planner's one copy of the partner, and the states it weighs on it.
//!
//! A state is the list of actions applied to the partner's situation, not a copy of it:
//! to re-score a state or look at it, [`Work`] applies its actions in place, scores or
//! reads, and undoes them in reverse order. However many candidates the planner tries,
//! it holds the partner once, and each try costs one engine pass, untraced; a state
//! reached again (the plan applies a ladder's rungs in the ladder's order) is not
//! scored again.
//!
//! A pass scores only the deployments that can count in some state: the engine's own
//! verdicts, read once from its trace, show which entries are refused for reasons no
//! action changes or merged into an earlier entry of the same service. The card is the
//! same; a partner that lists 200,000 deployments is not walked through at every try.
//!
//! The words of a shown action need a little more than the card: the people holding
//! each step of a ladder and scoring in it, net adds before the clamp, growth sums.
//! [`Work::finish`] gathers them for the steps the planner shows, and only those, from
//! the rule kinds' typed figures ([`crate::engine::moves`]). Net adds are counted once
//! per path over the whole partner; a state's own net adds differ from those only in
//! the customers its actions touched or added, which are re-counted alone. Adds and
//! losses are judged customer by customer once the path is known, so the sum is exact.

use super::actions::{Action, Kind, Purpose, Undo};
use super::describe::{self, Facts};
use super::Step;
use crate::engine::evidence::DeploymentStatus;
use crate::engine::moves::{certification_ladder, net_customer_adds, usage_growth};
use crate::engine::{self, Assessment, EngineError, Evidence};
use crate::model::{Customer, Deployment, PathKind, ScoreCard, Situation};
use crate::rulebook::Rulebook;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Deployments per traced slice, when the engine's verdicts are read over a whole
/// partner: enough to keep the engine's per-call work small beside the entries' own,
/// few enough that a slice's trace is a small fraction of the partner.
const SLICE: usize = 4096;

/// A verified state: the actions applied to the partner, in order and with the ids they
/// were given, and the engine's untraced assessment of the result.
#[derive(Clone, Debug)]
pub(super) struct Scored {
    pub changes: Vec<Action>,
    pub assessment: Assessment,
}

impl Scored {
    pub fn card(&self) -> &ScoreCard {
        &self.assessment.card
    }
}

/// A situation the planner changes in place and always puts back.
pub(super) struct Work<'b> {
    /// The situation as given; between calls, always exactly that.
    s: Situation,
    pub book: &'b Rulebook,
    /// How many deployments the situation has as given.
    given: usize,
    /// Those of them that can count in some state, in file order.
    countable: Vec<Deployment>,
    /// Net adds of the situation as given, per path (SMB, Enterprise), once counted.
    base_net: [Option<(i64, i64)>; 2],
    /// The states scored so far: the ladders and the plan that follows them reach the
    /// same states again (the plan applies a ladder's rungs in the ladder's order).
    scored: Vec<Scored>,
    /// Engine passes so far.
    pub passes: usize,
}

fn path_index(path: PathKind) -> usize {
    match path {
        PathKind::Smb => 0,
        PathKind::Enterprise => 1,
    }
}

impl<'b> Work<'b> {
    pub fn new(s: Situation, book: &'b Rulebook) -> Result<Work<'b>, EngineError> {
        let countable = countable(&s, book)?;
        Ok(Work::with_countable(s, book, countable))
    }

    fn with_countable(s: Situation, book: &'b Rulebook, countable: Vec<Deployment>) -> Work<'b> {
        Work {
            given: s.deployments.len(),
            s,
            book,
            countable,
            base_net: [None; 2],
            scored: Vec::new(),
            passes: 0,
        }
    }

    /// A reduced copy of a state's situation, made by `reduce`, to explore on.
    pub fn reduced(
        &mut self,
        changes: &[Action],
        reduce: impl FnOnce(&Situation) -> Situation,
    ) -> Result<Work<'b>, EngineError> {
        let given = self.given;
        let (copy, added) = self.view(changes, |s| (reduce(s), s.deployments[given..].to_vec()));
        if copy.deployments.is_empty() {
            return Ok(Work::with_countable(copy, self.book, Vec::new()));
        }
        if copy.deployments.len() != given + added.len() {
            return Work::new(copy, self.book);
        }
        // The copy keeps every deployment and the customers they name: what can count
        // here is what can count in the whole, and what the state added.
        let mut countable = self.countable.clone();
        countable.extend(added);
        Ok(Work::with_countable(copy, self.book, countable))
    }

    /// Applies the actions of a state; the returned list undoes them.
    fn enter(&mut self, changes: &[Action]) -> Vec<Undo> {
        changes
            .iter()
            .map(|a| a.apply_undoable(&mut self.s, self.book).1)
            .collect()
    }

    fn leave(&mut self, undo: Vec<Undo>) {
        for u in undo.into_iter().rev() {
            u.undo(&mut self.s);
        }
    }

    /// Reads the situation of a state.
    pub fn view<R>(&mut self, changes: &[Action], read: impl FnOnce(&Situation) -> R) -> R {
        let undo = self.enter(changes);
        let out = read(&self.s);
        self.leave(undo);
        out
    }

    /// Scores the situation as it stands, with the countable deployments in place of
    /// those given (the ones the actions added stay).
    fn pass(&mut self) -> Result<Assessment, EngineError> {
        self.passes += 1;
        let added = self.s.deployments.split_off(self.given);
        let all = std::mem::replace(&mut self.s.deployments, std::mem::take(&mut self.countable));
        let kept = self.s.deployments.len();
        self.s.deployments.extend(added);
        let scored = engine::score_untraced(&self.s, self.book);
        let added = self.s.deployments.split_off(kept);
        self.countable = std::mem::replace(&mut self.s.deployments, all);
        self.s.deployments.extend(added);
        scored
    }

    /// The situation as given, scored.
    pub fn start(&mut self) -> Result<Scored, EngineError> {
        Ok(Scored {
            changes: Vec::new(),
            assessment: self.pass()?,
        })
    }

    /// Applies an action to a state and re-scores the result: the only way a gain is
    /// measured. The step's words are left empty until [`Work::finish`].
    pub fn try_action(
        &mut self,
        from: &Scored,
        action: &Action,
    ) -> Result<(Step, Scored), EngineError> {
        let mut undo = self.enter(&from.changes);
        let (done, last) = action.apply_undoable(&mut self.s, self.book);
        undo.push(last);
        let mut changes = from.changes.clone();
        changes.push(done.clone());
        // The same actions in the same order make the same situation: scored once.
        let known = self
            .scored
            .iter()
            .find(|s| s.changes == changes)
            .map(|s| s.assessment.clone());
        let fresh = known.is_none();
        let scored = match known {
            Some(a) => Ok(a),
            None => self.pass(),
        };
        self.leave(undo);
        let next = Scored {
            changes,
            assessment: scored?,
        };
        if fresh {
            self.scored.push(next.clone());
        }
        let step = Step {
            action: done,
            text: String::new(),
            clauses: Vec::new(),
            before: from.card().clone(),
            after: next.card().clone(),
        };
        Ok((step, next))
    }

    /// Writes the words and clause ids of a step tried from `before` to `after`.
    pub fn finish(
        &mut self,
        step: &mut Step,
        before: &Scored,
        after: &Scored,
    ) -> Result<(), EngineError> {
        let done = &step.action;
        let b = self.facts(before, done)?;
        let a = self.facts(after, done)?;
        step.text = describe::describe(done, self.s.as_of, &b, &a, self.book);
        let book = self.book;
        let path = a.card.path;
        let mut clauses = self.view(&before.changes, |s| done.clauses(s, book, path));
        if a.card.path != b.card.path {
            clauses.push(self.book.path.derived_clause().to_string());
        }
        step.clauses = clauses;
        Ok(())
    }

    /// What the words of `action` need to know of a state.
    fn facts(&mut self, state: &Scored, action: &Action) -> Result<Facts, EngineError> {
        let skilling = matches!(
            action.kind(),
            Kind::AssociatePerson
                | Kind::RenewCertification
                | Kind::RetakeCertification
                | Kind::CertifyPeople
        );
        let hold = match action {
            Action::RaiseAcr {
                customer,
                purpose: Purpose::Hold,
                ..
            } => Some(customer.as_str()),
            _ => None,
        };
        let growth = action.kind() == Kind::GrowUsage;
        let net = action.aims_at_net_adds(self.book);
        self.facts_with(state, skilling, hold, growth, net)
    }

    /// The facts of the situation planned for that say why a subcategory is stuck.
    pub fn stuck_facts(&mut self, state: &Scored) -> Result<Facts, EngineError> {
        self.facts_with(state, false, None, true, true)
    }

    fn facts_with(
        &mut self,
        state: &Scored,
        skilling: bool,
        hold: Option<&str>,
        growth: bool,
        net: bool,
    ) -> Result<Facts, EngineError> {
        let book = self.book;
        let (skills, sums, peak) = self.view(&state.changes, |s| {
            let skills = skilling.then(|| {
                certification_ladder::ladders(book)
                    .map(|(_, rule)| certification_ladder::tally(&s.people, rule, s.as_of, book))
                    .collect()
            });
            (
                skills,
                growth.then(|| usage_growth::sums(s, book)),
                hold.and_then(|id| net_customer_adds::hold_peak(s, id, book)),
            )
        });
        let mut facts = Facts {
            card: state.card().clone(),
            skills: skills.unwrap_or_default(),
            net: (0, 0),
            growth: sums.unwrap_or_default(),
            peak,
        };
        if net {
            facts.net = self.net_adds(state)?;
        }
        Ok(facts)
    }

    /// Net adds (adds, losses) of a state, on the state's path.
    pub fn net_adds(&mut self, state: &Scored) -> Result<(i64, i64), EngineError> {
        let path = state.card().path;
        let (adds, losses) = self.base_net(path);
        if state.changes.is_empty() {
            return Ok((adds, losses));
        }
        let known = self.s.customers.len();
        let undo = self.enter(&state.changes);
        let touched: BTreeSet<usize> = undo
            .iter()
            .filter_map(|u| u.customer())
            .filter(|i| *i < known)
            .collect();
        let now = self.net_of(
            touched
                .iter()
                .map(|i| &self.s.customers[*i])
                .chain(&self.s.customers[known..]),
            path,
        );
        self.leave(undo);
        let was = self.net_of(touched.iter().map(|i| &self.s.customers[*i]), path);
        Ok((adds - was.0 + now.0, losses - was.1 + now.1))
    }

    /// Net adds of the situation as given, on a path: counted once.
    fn base_net(&mut self, path: PathKind) -> (i64, i64) {
        if let Some(n) = self.base_net[path_index(path)] {
            return n;
        }
        let n = self.net_of(&self.s.customers, path);
        self.base_net[path_index(path)] = Some(n);
        n
    }

    /// Net adds of these customers alone, on a path.
    fn net_of<'c>(
        &self,
        customers: impl IntoIterator<Item = &'c Customer>,
        path: PathKind,
    ) -> (i64, i64) {
        net_customer_adds::net_adds(customers, self.s.as_of, path, self.book)
    }
}

/// A situation like `s`, with no customers, people or deployments, on `path`.
fn empty(s: &Situation, path: PathKind) -> Situation {
    let mut e = Situation::new(s.as_of);
    e.designation = s.designation;
    e.path = Some(path);
    e
}

/// The deployments of a situation that can count in some state the planner reaches,
/// in file order. Every other entry is refused for a reason no action changes (its
/// service level, an excluded service, its month, the attribution of a customer the
/// file lists: actions add customers and deployments but never change those), or is
/// merged into an earlier entry of the same service that is kept. Kept: the entries the
/// engine counts as a new distinct service, a slice at a time (the first of a service
/// in each slice: more than needed, never fewer), and every entry that takes its
/// attribution from a customer the file does not list, since a customer the plan adds
/// might take that id.
fn countable(s: &Situation, book: &Rulebook) -> Result<Vec<Deployment>, EngineError> {
    if s.deployments.is_empty() {
        return Ok(Vec::new());
    }
    // Where each customer id is listed: the engine reads the attribution by id.
    let mut listed: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in s.customers.iter().enumerate() {
        listed.entry(c.id.as_str()).or_default().push(i);
    }
    let mut keep = Vec::new();
    for slice in s.deployments.chunks(SLICE) {
        let named: HashSet<&str> = slice.iter().map(|d| d.customer.as_str()).collect();
        let mut rows: Vec<usize> = named
            .iter()
            .filter_map(|id| listed.get(id))
            .flatten()
            .copied()
            .collect();
        rows.sort_unstable();
        let mut part = empty(s, PathKind::Smb);
        part.customers = rows
            .iter()
            .map(|i| {
                let c = &s.customers[*i];
                Customer {
                    id: c.id.clone(),
                    segment: c.segment,
                    attribution: c.attribution.clone(),
                    acr: BTreeMap::new(),
                    ..Customer::default()
                }
            })
            .collect();
        part.deployments = slice.to_vec();
        let verdicts = engine::score(&part, book)?;
        let counted: HashSet<usize> = verdicts
            .trace
            .iter()
            .filter_map(|e| match &e.evidence {
                Some(Evidence::Deployment(d))
                    if matches!(d.status, DeploymentStatus::Counted { .. }) =>
                {
                    Some(d.number)
                }
                _ => None,
            })
            .collect();
        for (i, d) in slice.iter().enumerate() {
            let unlisted = d.attribution.is_none() && !listed.contains_key(d.customer.as_str());
            if counted.contains(&(i + 1)) || unlisted {
                keep.push(d.clone());
            }
        }
    }
    Ok(keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::moves::{self, deployments, Ask};
    use crate::model::{Money, Month, Segment};
    use std::path::{Path, PathBuf};

    fn book() -> &'static Rulebook {
        Rulebook::builtin()
    }

    /// Every shipped scenario and the planner's test situations.
    fn situations() -> Vec<(PathBuf, Situation, &'static Rulebook)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = crate::scenario::discover(&[root.join("scenarios")]).expect("scenarios");
        files.extend(crate::scenario::discover(&[root.join("tests/data/plan")]).expect("plan"));
        assert!(files.len() > 20);
        files
            .into_iter()
            .map(|f| {
                // Each with the rulebook its edition and designation pick.
                let (doc, book) = crate::load::load_file_chosen(&f).expect("loads");
                (f, doc.situation, book)
            })
            .collect()
    }

    /// The situation with the actions applied, copied: what the planner avoids.
    fn applied(s: &Situation, changes: &[Action], book: &Rulebook) -> Situation {
        let mut s = s.clone();
        for a in changes {
            a.apply(&mut s, book);
        }
        s
    }

    /// Every candidate the rule kinds offer on a situation scored as in `a`.
    fn offers(s: &Situation, a: &Assessment, book: &Rulebook) -> Vec<Action> {
        let ask = Ask {
            s,
            book,
            path: a.card.path,
            per_kind: super::super::actions::CUSTOMERS_PER_KIND,
        };
        moves::offers(&ask, &a.card)
    }

    /// What the planner tries on a state: its candidates, and the growth top-ups.
    fn candidates(work: &mut Work, state: &Scored, book: &Rulebook) -> Vec<Action> {
        work.view(&state.changes, |s| offers(s, &state.assessment, book))
    }

    /// Net adds before the clamp as the engine scored them: its typed count.
    fn engine_net_adds(a: &Assessment) -> (i64, i64) {
        a.trace
            .iter()
            .find_map(|e| match e.evidence {
                Some(Evidence::NetAdds { adds, losses, .. }) => {
                    Some((i64::from(adds), i64::from(losses)))
                }
                _ => None,
            })
            .unwrap_or((0, 0))
    }

    #[test]
    fn every_action_is_undone_exactly() {
        for (file, s, book) in situations() {
            let start = engine::score(&s, book).expect("scores");
            for action in offers(&s, &start, book) {
                let mut changed = s.clone();
                let (done, undo) = action.apply_undoable(&mut changed, book);
                // Applying the action as done again gives the same ids.
                let mut again = s.clone();
                assert_eq!(done.apply(&mut again, book), done, "{}", file.display());
                assert_eq!(again, changed, "{}", file.display());
                undo.undo(&mut changed);
                assert_eq!(changed, s, "{}: {done:?}", file.display());
            }
        }
    }

    /// One and two actions deep, the cards a work gives (one copy, the countable
    /// deployments, net adds re-counted for the touched customers only) are the
    /// engine's on the changed situation, traced.
    #[test]
    fn states_score_and_count_as_the_engine_does_on_the_changed_situation() {
        for (file, s, book) in situations() {
            let mut work = Work::new(s.clone(), book).expect("work");
            let start = work.start().expect("start");
            let check = |work: &mut Work, state: &Scored| {
                let full = engine::score(&applied(&s, &state.changes, book), book).expect("scores");
                assert_eq!(state.card(), &full.card, "{}", file.display());
                assert_eq!(state.assessment.path_source, full.path_source);
                assert_eq!(
                    work.net_adds(state).expect("net adds"),
                    engine_net_adds(&full),
                    "{}: {:?}",
                    file.display(),
                    state.changes
                );
            };
            check(&mut work, &start);
            for action in candidates(&mut work, &start, book) {
                let (step, next) = work.try_action(&start, &action).expect("tries");
                assert_eq!(&step.before, start.card());
                check(&mut work, &next);
                for then in candidates(&mut work, &next, book).into_iter().take(6) {
                    let (_, after) = work.try_action(&next, &then).expect("tries");
                    check(&mut work, &after);
                }
            }
            // Every look and try put the situation back.
            assert_eq!(work.s, s, "{}", file.display());
        }
    }

    fn customer(id: &str, codes: &[&str], acr: &[(&str, &str)]) -> Customer {
        Customer {
            id: id.into(),
            segment: Some(Segment::Enterprise),
            attribution: codes
                .iter()
                .map(|c| crate::model::Attribution::from(*c))
                .collect(),
            acr: acr
                .iter()
                .map(|(m, v)| (Month::parse(m).unwrap(), Money::parse(v).unwrap()))
                .collect(),
            ..Default::default()
        }
    }

    fn deployment(customer: &str, service: &str, level: u32, month: &str) -> Deployment {
        Deployment {
            customer: customer.into(),
            service: service.into(),
            service_level: level,
            month: Month::parse(month).unwrap(),
            attribution: None,
        }
    }

    /// A partner with repeated, refused and unattached deployments, in more than one
    /// slice.
    fn deployed() -> Situation {
        let mut s = Situation::new(Month::parse("2024-12").unwrap());
        s.customers
            .push(customer("a", &["PAL"], &[("2024-12", "5000")]));
        s.customers
            .push(customer("b", &["MCI"], &[("2024-12", "9000")]));
        for i in 0..SLICE + 10 {
            let service = ["Azure Functions", " azure functions", "App Service"][i % 3];
            s.deployments
                .push(deployment("a", service, 2, ["2024-06", "2022-01"][i % 2]));
            // Never counts: an ineligible customer, another level.
            s.deployments
                .push(deployment("b", "Logic Apps", 2, "2024-06"));
            s.deployments
                .push(deployment("a", "Azure SQL Database", 1, "2024-06"));
        }
        // Counts once a customer of that id with an eligible attribution is added.
        s.deployments.push(deployment(
            "new-customer-1",
            "Azure Cosmos DB",
            2,
            "2024-06",
        ));
        s.deployments
            .push(deployment("a", "API Management", 2, "2024-07"));
        s
    }

    #[test]
    fn only_deployments_that_can_count_are_scored() {
        let s = deployed();
        let kept = countable(&s, book()).expect("countable");
        let names: Vec<&str> = kept.iter().map(|d| d.service.trim()).collect();
        // At most the first of each of the two counted services per slice, then the
        // unattached one and the last; never an entry that is refused for good.
        let slices = s.deployments.len().div_ceil(SLICE);
        assert!(kept.len() <= 2 * slices + 2, "{names:?}");
        assert_eq!(
            names[names.len() - 2..],
            ["Azure Cosmos DB", "API Management"]
        );
        assert!(names[..names.len() - 2].iter().all(|n| [
            "Azure Functions",
            "azure functions",
            "App Service"
        ]
        .contains(n)));
        let mut work = Work::new(s.clone(), book()).expect("work");
        let start = work.start().expect("start");
        assert_eq!(
            start.card(),
            &engine::score(&s, book()).expect("scores").card
        );
        // The customer the plan adds takes the unattached deployment's customer id.
        let add = Action::NewCustomers {
            ids: vec![String::new()],
            segment: Segment::Enterprise,
            attribution: "PAL".into(),
            month: s.as_of,
            amount: Money::parse("1000").unwrap(),
        };
        let deploy = deployments::deployment(&s, PathKind::Enterprise, book()).expect("one");
        let (_, one) = work.try_action(&start, &add).expect("tries");
        let (_, two) = work.try_action(&one, &deploy).expect("tries");
        for state in [&one, &two] {
            let full = engine::score(&applied(&s, &state.changes, book()), book()).expect("scores");
            assert_eq!(state.card(), &full.card);
        }
        assert!(one.card().points_of("deployments") > start.card().points_of("deployments"));
        // A reduced copy of a changed state keeps what can count, and what was added.
        let mut small = work.reduced(&two.changes, |s| s.clone()).expect("reduced");
        let base = small.start().expect("start");
        assert_eq!(base.card(), two.card());
        assert_eq!(small.countable.len(), kept.len() + 1);
    }

    #[test]
    fn a_state_reached_again_is_not_scored_again() {
        let s = deployed();
        let mut work = Work::new(s.clone(), book()).expect("work");
        let start = work.start().expect("start");
        let deploy = deployments::deployment(&s, PathKind::Enterprise, book()).expect("one");
        let (first, a) = work.try_action(&start, &deploy).expect("tries");
        let passes = work.passes;
        let (again, b) = work.try_action(&start, &deploy).expect("tries");
        assert_eq!(work.passes, passes);
        assert_eq!((first, a.changes), (again, b.changes));
        assert_eq!(a.assessment, b.assessment);
    }

    #[test]
    fn net_adds_of_a_large_partner_are_the_engines() {
        let mut s = Situation::new(Month::parse("2024-12").unwrap());
        for i in 0..2 * SLICE + 3 {
            let id = format!("c{i}");
            let acr: &[(&str, &str)] = match i % 4 {
                // An add, a loss, neutral, and an ineligible add.
                0 => &[("2024-12", "1200")],
                1 => &[("2023-11", "1500"), ("2024-12", "10")],
                2 => &[("2023-11", "1500"), ("2024-11", "1500")],
                _ => &[("2024-11", "2000")],
            };
            let codes: &[&str] = if i % 4 == 3 { &["MCI"] } else { &["PAL"] };
            s.customers.push(customer(&id, codes, acr));
        }
        let mut work = Work::new(s.clone(), book()).expect("work");
        let start = work.start().expect("start");
        let traced = engine::score(&s, book()).expect("scores");
        assert_eq!(
            work.net_adds(&start).expect("net"),
            engine_net_adds(&traced)
        );
        assert_eq!(engine_net_adds(&traced), (2049, 2049));
    }

    /// The 2026-05 editions cite one clause id for adds, losses and neutral customers:
    /// net adds are the rule's count, not a count of the entries that cite a clause.
    #[test]
    fn net_adds_do_not_depend_on_the_clause_ids_a_rulebook_gives() {
        let book = crate::rulebook::registry::find("infrastructure", "2026-05").expect("rules");
        let mut s = Situation::new(Month::parse("2026-05").unwrap());
        s.designation = crate::model::Designation::Infrastructure;
        s.path = Some(PathKind::Enterprise);
        // An add, a loss and a neutral customer.
        s.customers
            .push(customer("add", &["PAL"], &[("2026-05", "1000")]));
        s.customers.push(customer(
            "loss",
            &["PAL"],
            &[("2025-04", "1000"), ("2026-05", "10")],
        ));
        s.customers.push(customer(
            "neutral",
            &["PAL"],
            &[("2025-04", "1000"), ("2026-05", "1000")],
        ));
        let mut work = Work::new(s, book).expect("work");
        let start = work.start().expect("start");
        assert_eq!(work.net_adds(&start).expect("net adds"), (1, 1));
    }
}
