//! The words of a plan: what each action asks the partner to do, naming the data, and
//! why it earns what the re-scored card shows.
//!
//! Counts of people are the ladder's own typed counts
//! ([`certification_ladder::tally`]), so the words agree with the score they explain.
//! The planner scores without the trace; what the words need of a state is gathered in
//! [`Facts`], only for the actions it shows.

use super::actions::{Action, Known, Purpose, Uncounted};
use crate::engine::moves::certification_ladder::{self, earnable, ladder, ladders, Tally};
use crate::engine::moves::{deployments, net_customer_adds, usage_growth};
use crate::engine::path_word;
use crate::model::{Money, Month, PathKind, Points, ScoreCard};
use crate::report::count;
use crate::rulebook::{CertificationLadder, LadderSchedule, Rule, Rulebook, Subcategory};
use rust_decimal::Decimal;

fn cert_name(slug: &str, book: &Rulebook) -> String {
    book.certification(slug)
        .map_or(slug.to_string(), |c| c.label())
}

fn money_of(d: Decimal) -> String {
    Money::from_decimal(d).map_or_else(|| d.to_string(), |m| m.to_string())
}

/// What to do, in one clause starting with a verb in lower case.
pub(super) fn headline(action: &Action, book: &Rulebook) -> String {
    match action {
        Action::Associate { person, .. } => {
            format!("associate {person} to the partner's Partner Center account")
        }
        Action::Renew {
            person,
            cert,
            expired,
            ..
        } => format!(
            "renew {person}'s {} before it expires on {expired}",
            cert_name(cert, book)
        ),
        Action::Retake {
            person,
            cert,
            earned,
            ..
        } => format!(
            "have {person} earn {} again by {earned}",
            cert_name(cert, book)
        ),
        Action::RaiseAcr {
            customer,
            month,
            from,
            to,
            purpose,
        } => {
            let more = money_of(to.amount() - from.amount());
            match purpose {
                Purpose::Growth { .. } => {
                    format!("add {more} of ACR for {customer} in {month} ({from} -> {to})")
                }
                _ => format!("raise {customer}'s ACR in {month} from {from} to {to} ({more} more)"),
            }
        }
        Action::NewCustomers {
            ids,
            segment,
            attribution,
            month,
            amount,
        } => format!(
            "win {} attributed through {attribution}, with {amount} of ACR{} in {month} \
             (the plan calls {} {})",
            count(
                ids.len(),
                &format!("new {} customer", segment.as_str()),
                &format!("new {} customers", segment.as_str())
            ),
            if ids.len() == 1 { "" } else { " each" },
            if ids.len() == 1 { "it" } else { "them" },
            ids.join(", ")
        ),
        Action::Deploy {
            customer,
            new_customer,
            services,
            month,
        } => {
            let level = deployments::rule_of(book).map_or(0, |(_, d)| d.service_level);
            let whom = match new_customer {
                Some((segment, code)) => format!(
                    "a new {} customer attributed through {code} (the plan calls it {customer})",
                    segment.as_str()
                ),
                None => customer.clone(),
            };
            let names = services
                .iter()
                .map(|(name, why)| match why {
                    Some(known) => format!("{name} ({})", known_text(known, book)),
                    None => format!("one not deployed yet (the plan calls it `{name}`)"),
                })
                .collect::<Vec<_>>()
                .join("; ");
            format!(
                "deploy {} in {month} for {whom}: {names}",
                count(
                    services.len(),
                    &format!("more distinct Service Level {level} service"),
                    &format!("more distinct Service Level {level} services")
                ),
            )
        }
        Action::Certify {
            sub,
            prerequisites,
            scoring,
            earned,
            ..
        } => {
            let rule = ladder(sub, book);
            let certs = rule
                .map(certification_ladder::step_certs)
                .unwrap_or_default();
            let several = prerequisites.len() > 1;
            let mut parts = Vec::new();
            for (i, p) in prerequisites.iter().enumerate().filter(|(_, p)| **p > 0) {
                let cert = certs.get(i).cloned().flatten().unwrap_or_default();
                let mut part = format!(
                    "{} in {}",
                    count(
                        *p as usize,
                        "more associated person",
                        "more associated people"
                    ),
                    cert_name(&cert, book)
                );
                if several {
                    part.push_str(&format!(" for step {}", i + 1));
                }
                parts.push(part);
            }
            if *scoring > 0 {
                let names: Vec<String> = rule
                    .map(|r| {
                        r.scoring
                            .certs
                            .iter()
                            .filter(|s| r.retirement(s).is_none())
                            .map(|s| cert_name(s, book))
                            .collect()
                    })
                    .unwrap_or_default();
                parts.push(format!(
                    "{} in {}",
                    count(
                        *scoring as usize,
                        "more associated person",
                        "more associated people"
                    ),
                    names.join(" or ")
                ));
            }
            format!("certify {} by {earned}", parts.join(" and "))
        }
    }
}

/// What the words of an action need to know of a state besides its card. Only what
/// the action's words use is filled in; the rest stays zero.
#[derive(Clone, Debug)]
pub(super) struct Facts {
    /// The state's card.
    pub card: ScoreCard,
    /// Per certification ladder (in score card order): its holders of each step and
    /// its scoring people.
    pub skills: Vec<Tally>,
    /// Net customer adds before the clamp: adds, losses.
    pub net: (i64, i64),
    /// Eligible ACR in M and in the growth comparison month.
    pub growth: (Decimal, Decimal),
    /// For a customer held at the threshold: its highest baseline month.
    pub peak: Option<(Month, Money)>,
}

/// Where a service the file already names is, and why it does not count yet.
pub(super) fn known_text(k: &Known, book: &Rulebook) -> String {
    match k.why {
        Uncounted::OutsideWindow => format!(
            "deployed for {} in {}, outside the {}",
            k.customer, k.month, book.windows.ttm.title
        ),
        Uncounted::NoEligibleAttribution => format!(
            "deployed for {} in {}, without an eligible attribution",
            k.customer, k.month
        ),
    }
}

/// What happened in each skilling subcategory whose points moved.
fn skilling_effect(before: &Facts, after: &Facts, book: &Rulebook) -> Vec<String> {
    let path = after.card.path;
    let mut out = Vec::new();
    let none = Tally::default();
    for (i, (sub, rule)) in ladders(book).enumerate() {
        let schedule = rule.schedule.on(path);
        let (p0, p1) = (
            before.card.points_of(&sub.key),
            after.card.points_of(&sub.key),
        );
        let name = sub.title.to_lowercase();
        let (t0, t1) = (
            before.skills.get(i).unwrap_or(&none),
            after.skills.get(i).unwrap_or(&none),
        );
        let change = Change {
            name: &name,
            path,
            schedule,
            before: (t0, before.card.path == path),
            after: t1,
            gained: p1 > p0,
        };
        let text = if rule.prerequisites.len() > 1 {
            steps_effect(&change, rule, book)
        } else {
            one_step_effect(&change)
        };
        out.extend(text);
    }
    out
}

/// How one ladder's counts moved with an action.
struct Change<'a> {
    /// The subcategory's title in lower case.
    name: &'a str,
    /// The path after the action.
    path: PathKind,
    schedule: &'a LadderSchedule,
    /// The counts before, and whether they were on the same path.
    before: (&'a Tally, bool),
    after: &'a Tally,
    /// The subcategory gained points.
    gained: bool,
}

impl Change<'_> {
    /// The people already holding a scoring certification whom unlocking lets count.
    fn already(&self, out: &mut String) {
        let already = self.before.0.scoring.min(self.after.scoring) as usize;
        if already > 0 {
            out.push_str(&format!(
                ", so the {} already holding a scoring certification now {}",
                count(already, "person", "people"),
                if already == 1 { "counts" } else { "count" }
            ));
        }
    }

    fn scoring(&self) -> String {
        format!(
            "{}: {} with an active scoring certification (at most {} count)",
            self.name,
            count(self.after.scoring as usize, "person", "people"),
            self.schedule.max_people
        )
    }
}

/// A ladder of one prerequisite step.
fn one_step_effect(c: &Change) -> Option<String> {
    let need = c.schedule.gate_people as usize;
    let (holders0, holders1) = (c.before.0.fewest() as usize, c.after.fewest() as usize);
    if !c.gained {
        return (holders1 > holders0 && holders1 < need).then(|| {
            format!(
                "no {} points on its own: {holders1} of the {need} prerequisite holders needed \
                 on the {} path",
                c.name,
                path_word(c.path)
            )
        });
    }
    let was_met = holders0 >= need && c.before.1;
    if !was_met && holders1 >= need {
        let mut t = format!(
            "unlocks the {} prerequisite ({} of the {need} needed on the {} path)",
            c.name,
            count(holders1, "holder", "holders"),
            path_word(c.path)
        );
        if c.schedule.gate_points > Points::ZERO {
            t.push_str(&format!(", worth {} points itself", c.schedule.gate_points));
        }
        c.already(&mut t);
        Some(t)
    } else {
        Some(c.scoring())
    }
}

/// A ladder of several prerequisite steps: each step is named by its number and the
/// first of its certifications that can still be earned, with its holders and the
/// holders it needs; every step still unmet is said, in order.
fn steps_effect(c: &Change, rule: &CertificationLadder, book: &Rulebook) -> Option<String> {
    let need = c.schedule.gate_people;
    let held = |t: &Tally, k: usize| t.steps.get(k).copied().unwrap_or(0);
    let met = |t: &Tally, k: usize| held(t, k) >= need;
    // `step 2, Azure Solutions Architect Expert (AZ-305), has 1 of the 2 holders needed`
    let step = |k: usize, verb: &str| {
        let certs = &rule.prerequisites[k].certs;
        let cert = earnable(certs, rule).or_else(|| certs.first().cloned());
        format!(
            "step {}, {}, {verb} {} of the {need} {} needed",
            k + 1,
            cert_name(&cert.unwrap_or_default(), book),
            held(c.after, k),
            if need == 1 { "holder" } else { "holders" }
        )
    };
    let steps = 0..rule.prerequisites.len();
    let unmet: Vec<String> = steps
        .clone()
        .filter(|k| !met(c.after, *k))
        .map(|k| step(k, "has"))
        .collect();
    let path = path_word(c.path);
    if !c.gained {
        let rose = steps
            .clone()
            .any(|k| held(c.after, k) > held(c.before.0, k));
        return (rose && !unmet.is_empty()).then(|| {
            format!(
                "no {} points on its own on the {path} path: {}",
                c.name,
                unmet.join("; ")
            )
        });
    }
    let newly: Vec<usize> = steps
        .filter(|k| met(c.after, *k) && !(met(c.before.0, *k) && c.before.1))
        .collect();
    if newly.is_empty() {
        return Some(c.scoring());
    }
    let now_met: Vec<String> = newly.iter().map(|k| step(*k, "now has")).collect();
    let worth = if c.schedule.gate_points > Points::ZERO {
        format!(
            ", worth {} points itself",
            c.schedule.gate_points * newly.len() as u32
        )
    } else {
        String::new()
    };
    let mut t = format!(
        "{} the {} prerequisites on the {path} path: {}{worth}",
        if unmet.is_empty() { "unlocks" } else { "meets" },
        c.name,
        now_met.join("; ")
    );
    if unmet.is_empty() {
        c.already(&mut t);
    } else {
        t.push_str(&format!("; still unmet: {}", unmet.join("; ")));
    }
    Some(t)
}

fn percent(last: Decimal, prior: Decimal) -> String {
    if prior.is_zero() {
        return "undefined".into();
    }
    let q = (last - prior) * Decimal::ONE_HUNDRED / prior;
    format!("{}%", q.trunc_with_scale(2).normalize())
}

/// Why the action earns what it earns, from the data before and after it.
fn reason(
    action: &Action,
    as_of: Month,
    before: &Facts,
    after: &Facts,
    book: &Rulebook,
) -> Vec<String> {
    let path = after.card.path;
    let t = net_customer_adds::rule_of(book).map_or(Money::ZERO, |(_, r)| r.threshold_on(path));
    let mut out = Vec::new();
    match action {
        Action::Associate { certifications, .. } => {
            let titles: Vec<String> = certifications.iter().map(|c| cert_name(c, book)).collect();
            out.push(format!("their active {} then count", titles.join(" and ")));
            out.extend(skilling_effect(before, after, book));
        }
        Action::Renew { until, .. } => {
            out.push(format!(
                "a renewal adds one year, to {until}, past the last day of {as_of} ({})",
                as_of.last_day()
            ));
            out.extend(skilling_effect(before, after, book));
        }
        Action::Retake { expired, .. } => {
            out.push(format!(
                "the copy that expired on {expired}, before {as_of} began, can no longer be \
                 renewed"
            ));
            out.extend(skilling_effect(before, after, book));
        }
        Action::Certify { .. } => {
            out.extend(skilling_effect(before, after, book));
        }
        Action::RaiseAcr {
            customer, purpose, ..
        } => match purpose {
            Purpose::Add => {
                let base = book.windows.baseline.months(as_of);
                out.push(format!(
                    "with USD 0 in both baseline months ({}), reaching the {} threshold of {t} \
                     makes {customer} a net customer add",
                    base.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    path_word(path)
                ));
            }
            Purpose::Hold => {
                if let Some((m, v)) = before.peak {
                    out.push(format!(
                        "{customer} had {v} in {m}, a baseline month, and is a lost customer \
                         while both last months stay under the {} threshold of {t}; at the \
                         threshold it is neither added nor lost",
                        path_word(path)
                    ));
                }
            }
            Purpose::Growth { .. } => {
                let (then, _) = book.windows.growth_comparison.bounds(as_of);
                let (l0, p) = before.growth;
                let (l1, _) = after.growth;
                let mut text = format!(
                    "eligible ACR in {as_of} goes from {} to {} against {} in {then}: growth {} \
                     -> {}",
                    money_of(l0),
                    money_of(l1),
                    money_of(p),
                    percent(l0, p),
                    percent(l1, p)
                );
                let min = usage_growth::rule_of(book)
                    .map_or(Money::ZERO, |(_, r)| r.min_last_month_acr());
                if l0 < min.amount() && l1 >= min.amount() {
                    text.push_str(&format!(", and it reaches the {min} minimum"));
                }
                text.push_str("; the amount is the least, to the cent, that earns these points");
                out.push(text);
            }
        },
        Action::NewCustomers { .. } | Action::Deploy { .. } => {
            out.push(simple_reason(action, path, book));
        }
    }
    if action.aims_at_net_adds(book) {
        let net = |f: &Facts| f.net.0 - f.net.1;
        let (n0, n1) = (net(before), net(after));
        if n0 != n1 {
            out.push(format!("net adds (adds - losses) {n0} -> {n1}"));
        }
    }
    if before.card.path != path {
        out.push(format!(
            "it moves the partner from the {} to the {} path ({})",
            path_word(before.card.path),
            path_word(path),
            book.path.derived_clause()
        ));
    }
    out
}

/// The reason for actions whose effect does not depend on the data around them.
fn simple_reason(action: &Action, path: PathKind, book: &Rulebook) -> String {
    match action {
        Action::NewCustomers { month, .. } => format!(
            "a customer with nothing in the baseline months and the {} threshold of {} in {month} \
             is a net customer add",
            path_word(path),
            net_customer_adds::rule_of(book).map_or(Money::ZERO, |(_, r)| r.threshold_on(path))
        ),
        Action::Deploy { .. } => {
            let Some((_, d)) = deployments::rule_of(book) else {
                return String::new();
            };
            format!(
                "any Service Level {} service not counted in the {} yet will do, other than \
                 {}; each distinct service earns {} points, at most {}",
                d.service_level,
                book.windows.ttm.title,
                d.excluded_services.join(", "),
                d.points_per_service,
                d.max_services
            )
        }
        Action::Certify { sub, .. } => {
            let Some(schedule) = ladder(sub, book).map(|l| l.schedule.on(path)) else {
                return String::new();
            };
            format!(
                "on the {} path {} earns {} points per person with an active scoring \
                 certification, at most {} people, once {} the prerequisite",
                path_word(path),
                book.subcategory(sub)
                    .map_or(String::new(), |s| s.title.to_lowercase()),
                schedule.points_per_person,
                schedule.max_people,
                count(schedule.gate_people as usize, "person holds", "people hold")
            )
        }
        _ => String::new(),
    }
}

fn sentence(head: String, reasons: Vec<String>) -> String {
    let mut chars = head.chars();
    let mut text: String = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default();
    let reasons: Vec<String> = reasons.into_iter().filter(|r| !r.is_empty()).collect();
    if !reasons.is_empty() {
        text.push_str(": ");
        text.push_str(&reasons.join("; "));
    }
    text.push('.');
    text
}

/// The full text of a verified action, measured at `as_of`.
pub(super) fn describe(
    action: &Action,
    as_of: Month,
    before: &Facts,
    after: &Facts,
    book: &Rulebook,
) -> String {
    sentence(
        headline(action, book),
        reason(action, as_of, before, after, book),
    )
}

/// The text of several single deployments or new customers joined into one step.
pub(super) fn joined(
    action: &Action,
    before: &ScoreCard,
    after: &ScoreCard,
    book: &Rulebook,
) -> String {
    let mut reasons = vec![simple_reason(action, after.path, book)];
    if before.path != after.path {
        reasons.push(format!(
            "it moves the partner from the {} to the {} path ({})",
            path_word(before.path),
            path_word(after.path),
            book.path.derived_clause()
        ));
    }
    sentence(headline(action, book), reasons)
}

/// Why no action lifts a subcategory to the attainment bar, from the facts of the
/// situation planned for (its growth sums and net adds filled in).
pub(super) fn why_stuck(sub: &Subcategory, as_of: Month, start: &Facts, book: &Rulebook) -> String {
    let name = sub.title.to_lowercase();
    match &sub.rule {
        Rule::UsageGrowth(rule) => {
            let (then, _) = book.windows.growth_comparison.bounds(as_of);
            let (_, p) = start.growth;
            if p.is_zero() {
                let recent = book.windows.recent.months(as_of);
                let w = &book.windows;
                return format!(
                    "usage growth cannot score: eligible ACR in {then} is USD 0.00, so growth is \
                     undefined ({}), and a plan can only change the {} ({}), not the {}",
                    rule.clauses.no_baseline,
                    w.recent.title,
                    recent
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" and "),
                    w.growth_comparison.title
                );
            }
            format!("no amount of ACR in {as_of} lifts usage growth to a point")
        }
        Rule::CertificationLadder(rule) => {
            let steps = certification_ladder::step_certs(rule);
            if steps.iter().any(Option::is_none) || earnable(&rule.scoring.certs, rule).is_none() {
                format!(
                    "{name} cannot score: every prerequisite or every scoring certification of \
                     its lists has retired, so none can be earned"
                )
            } else {
                format!("no certification the planner can suggest adds a point to {name}")
            }
        }
        Rule::NetCustomerAdds(_) => {
            let (adds, losses) = start.net;
            let missing = 1 - (adds - losses);
            if missing > super::MAX_NET_ADDS_TO_PLAN {
                format!(
                    "net customer adds cannot score with a plan of a few actions: {adds} adds - \
                     {losses} losses = {} net, so {missing} more net adds (new customers, or \
                     lost customers held at the threshold) are needed before the first point \
                     ({}); the planner plans at most {}",
                    adds - losses,
                    sub.clause,
                    super::MAX_NET_ADDS_TO_PLAN
                )
            } else {
                format!("no action the planner can take adds a point to {name}")
            }
        }
        _ => format!("no action the planner can take adds a point to {name}"),
    }
}
