//! Net customer adds.

use crate::engine::evidence::{AddFinding, CustomerAcr, MonthAcr};
use crate::engine::path_word;
use crate::model::{Money, PathKind, Points};

/// The threshold on the partner's path.
pub(super) fn threshold(amount: Money, path: PathKind) -> String {
    format!(
        "{amount} of ACR in a month on the {} path; reaching it counts as above",
        path_word(path)
    )
}

/// A customer's verdict, then the months it was read from.
pub(super) fn customer(c: &CustomerAcr) -> String {
    format!(
        "{} (baseline {}; {} {})",
        finding(c),
        months(&c.baseline),
        c.recent_title,
        months(&c.recent)
    )
}

/// A customer's verdict in words, without the figures (the tables show them beside it).
pub(crate) fn finding(c: &CustomerAcr) -> String {
    let (baseline, recent) = (c.baseline.len(), c.recent.len());
    match c.finding {
        AddFinding::Add => format!(
            "an add: nothing in {}, at or above the threshold in {}",
            every(baseline, "baseline month"),
            one_of(recent, "last month")
        ),
        AddFinding::Loss => format!(
            "a loss: at or above the threshold in {}, under it in {}",
            one_of(baseline, "baseline month"),
            every(recent, "last month")
        ),
        AddFinding::HeldAbove => format!(
            "not an add and not a loss: at or above the threshold in {} and in {}",
            one_of(baseline, "baseline month"),
            one_of(recent, "last month")
        ),
        AddFinding::NeverReached => format!(
            "not an add: under the threshold in {}; not a loss: nothing in the baseline",
            every(recent, "last month")
        ),
        AddFinding::BaselineUnderThreshold { month, amount } => format!(
            "not an add: {amount} in {month}, a baseline month (an add needs USD 0 in {}); \
             not a loss: under the threshold throughout the baseline",
            match baseline {
                1 => "it".to_string(),
                2 => "both".to_string(),
                n => format!("all {n}"),
            }
        ),
    }
}

/// The points: net adds, held between 0 and the maximum, times the points per add.
pub(super) fn points(adds: u32, losses: u32, counted: u32, max: u32, per_add: Points) -> String {
    let net = i64::from(adds) - i64::from(losses);
    format!("{adds} adds - {losses} losses = {net} net; counted {counted} (0 to {max}) x {per_add} points")
}

/// `both baseline months`, `the last month`, `all 3 last months`: every month of a
/// window, by its size.
fn every(n: usize, noun: &str) -> String {
    match n {
        1 => format!("the {noun}"),
        2 => format!("both {noun}s"),
        n => format!("all {n} {noun}s"),
    }
}

/// `a last month`, or `the last month` when the window has one.
fn one_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("the {noun}")
    } else {
        format!("a {noun}")
    }
}

/// `2024-11 USD 0.00, 2024-12 USD 900.00`.
fn months(list: &[MonthAcr]) -> String {
    list.iter()
        .map(|m| format!("{} {}", m.month, m.amount))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::engine::{score, Subject};
    use crate::rulebook::Rulebook;

    /// The words for a customer count the months of the rulebook's windows: a
    /// three-month recent window is not "both last months".
    #[test]
    fn a_customers_finding_counts_the_windows_months() {
        let text = crate::rulebook::BUILTIN[0].1.replace(
            "recent: {title: last two months, from: 1, to: 0",
            "recent: {title: last three months, from: 2, to: 0",
        );
        let book = Rulebook::from_yaml(&text, "three recent months").expect("a valid rulebook");
        let doc = crate::load::load_str(
            "as_of: 2024-12\npath: smb\ncustomers:\n  - {id: c, segment: smb, attribution: [PAL], \
             acr: {2023-12: 600, 2024-12: 10}}\n",
            "p.yaml",
        )
        .expect("loads");
        let a = score(&doc.situation, &book).expect("scores");
        let said = a
            .trace
            .iter()
            .find(|e| e.subject == Subject::Customer("c".into()))
            .map(crate::report::reason)
            .expect("the customer's entry");
        assert_eq!(
            said,
            "a loss: at or above the threshold in a baseline month, under it in all 3 last \
             months (baseline 2023-11 USD 0.00, 2023-12 USD 600.00; last three months \
             2024-10 USD 0.00, 2024-11 USD 0.00, 2024-12 USD 10.00)"
        );
    }
}
