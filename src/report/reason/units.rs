//! The sentences of the 2026-05 workload rules' evidence: units, net counts, growth,
//! association types, sides and the path choice.

use crate::engine::evidence::{
    ChoiceReason, ConsumptionTally, Measure, NetUnitsTally, PathChoice, SideSteps, TypeScore,
    UnitEvidence, UnitStatus,
};
use crate::engine::Evidence;
use crate::model::{plain_decimal, PathKind, Points};
use rust_decimal::Decimal;

/// The sentence of a 2026-05 evidence variant, `None` for the others.
pub(super) fn words(evidence: &Evidence) -> Option<String> {
    Some(match evidence {
        Evidence::Unit(u) => unit(u),
        Evidence::NetUnits(n) => net_units(n),
        Evidence::ConsumptionGrowth(c) => consumption(c),
        Evidence::TypeScore(t) => type_score(t),
        Evidence::SideSteps(s) => side_steps(s),
        Evidence::PairPath {
            path,
            given,
            pairs,
            needed,
        } => {
            let derived = if pairs >= needed { "enterprise" } else { "smb" };
            let data = format!(
                "{pairs} counting revenue pair{} over the revenue in both M and M-12, {needed} \
                 needed for Enterprise",
                if *pairs == 1 { "" } else { "s" }
            );
            match given {
                Some(g) => format!(
                    "the file sets the path to {g}; the data alone would give {derived} ({data})"
                ),
                None => format!("{path} path: {data}"),
            }
        }
        Evidence::PathChoice(c) => choice(c),
        _ => return None,
    })
}

fn usd(d: Decimal) -> String {
    format!("USD {}", plain_decimal(d))
}

fn unit(u: &UnitEvidence) -> String {
    let figure = match &u.measure {
        Measure::Revenue(r) => format!("revenue {} in {}", usd(*r), u.month),
        Measure::Mcv { usage, rate, value } => format!(
            "MCV in {} = usage {} x rate {} = {}",
            u.month,
            plain_decimal(*usage),
            plain_decimal(*rate),
            usd(*value)
        ),
        Measure::Size {
            largest,
            enterprise,
            smb,
            carried,
        } => {
            let size = match (enterprise, smb) {
                (true, true) => "Enterprise- and SMB-size",
                (true, false) => "Enterprise-size",
                (false, true) => "SMB-size",
                (false, false) => "of neither size",
            };
            format!(
                "in {} at most {largest} paid licences on one workload, {size}{}",
                u.month,
                if *carried {
                    " (SMB by the carry-over from M-12)"
                } else {
                    ""
                }
            )
        }
        Measure::Share {
            users,
            licences,
            percent,
        } => format!(
            "in {} {users} active users of {licences} paid licences, {percent}% needed",
            u.month
        ),
        Measure::SecurityTtm(ttm) => format!("security TTM to {} {}", u.month, usd(*ttm)),
        Measure::Users(n) => format!("{n} active users in {}", u.month),
    };
    let needed = u
        .bounds
        .map(|b| format!(" (needs {b})"))
        .unwrap_or_default();
    let whose = if u.own_attribution {
        "the workload's own attribution"
    } else {
        "attribution"
    };
    let codes = if u.codes.is_empty() {
        "none".to_string()
    } else {
        u.codes.join(", ")
    };
    let of_type = u
        .association
        .as_deref()
        .map(|t| format!(" for type {t}"))
        .unwrap_or_default();
    let verdict = match u.status {
        UnitStatus::Counts => "counts".to_string(),
        UnitStatus::NoCode => format!("does not count{of_type}: no code it needs in force"),
        UnitStatus::Short => "does not count: outside the bounds".to_string(),
        UnitStatus::NotPathSize => "does not count: not of the path's size".to_string(),
        UnitStatus::DeployedAtSince(m) => format!(
            "not counted at M: already deployed in {m}, the month its {} association began",
            u.association.as_deref().unwrap_or("")
        ),
    };
    format!("{figure}{needed}; {whose} in force: {codes}; {verdict}")
}

fn net_units(n: &NetUnitsTally) -> String {
    let sides: Vec<String> = n
        .sides
        .iter()
        .map(|s| {
            format!(
                "{} at {} less {} at {} = {} net",
                s.at_m, n.month, s.at_m12, n.prior_month, s.net
            )
        })
        .collect();
    let max = n
        .max_units
        .map(|m| format!(", held to {m}"))
        .unwrap_or_default();
    format!(
        "{}; counted {}{max}, x {} = {}",
        sides.join("; plus "),
        n.counted,
        n.per_unit,
        n.raw
    )
}

fn consumption(c: &ConsumptionTally) -> String {
    let growth = match c.percent {
        Some(p) => format!("growth {}%, {} whole", plain_decimal(p), c.whole_percent),
        None => "no growth without a baseline".to_string(),
    };
    format!(
        "L = {} at {}, P = {} at {}; {growth}; the baseline ({}) is {}",
        usd(c.last),
        c.month,
        usd(c.prior),
        c.prior_month,
        c.baseline,
        if c.baseline_met {
            "met"
        } else {
            "not met, so no points"
        }
    )
}

fn type_score(t: &TypeScore) -> String {
    let best = if t.best {
        "; the best type, it scores"
    } else {
        ""
    };
    if t.threshold > 0 {
        format!(
            "Now {} active users, Before {} (of which {} from since months); ({} - {}) / {} x {} \
             = {}{best}",
            t.now,
            t.before,
            t.since_part,
            t.now,
            t.before,
            t.threshold,
            t.value,
            t.points.shown_text(2)
        )
    } else {
        format!(
            "{} deployed at M ({} left out by their since month), {} at M-12; net x {} = {}{best}",
            t.now,
            t.since_part,
            t.before,
            t.value,
            t.points.shown_text(2)
        )
    }
}

fn side_steps(s: &SideSteps) -> String {
    match s.side {
        0 => format!(
            "security TTM {} at M against {} at M-12: {} whole steps of {}",
            usd(s.now),
            usd(s.before),
            s.steps,
            usd(s.step)
        ),
        1 => format!(
            "{} active users at M against {} at M-12: {} whole steps of {}",
            s.now, s.before, s.steps, s.step
        ),
        _ => format!("{} steps on the two sides", s.steps),
    }
}

fn choice(c: &PathChoice) -> String {
    let card = |(total, attained): (Points, bool)| {
        format!(
            "{} points, {}",
            total.shown_text(2),
            if attained { "attained" } else { "not attained" }
        )
    };
    let why = match c.reason {
        ChoiceReason::Given => "the file names it",
        ChoiceReason::OnlyOneAttains => "it attains and the other does not",
        ChoiceReason::HigherTotal => "its exact total is higher",
        ChoiceReason::TieGoesToEnterprise => "the totals tie, and a tie goes to Enterprise",
    };
    let word = match c.chosen {
        PathKind::Enterprise => "Enterprise",
        PathKind::Smb => "SMB",
    };
    format!(
        "both paths scored: Enterprise {}, SMB {}; {word} counts because {why}",
        card(c.enterprise),
        card(c.smb)
    )
}
