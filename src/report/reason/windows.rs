//! The month windows.

use crate::model::{Money, Month};

/// `2024-11 and 2024-12` for a window whose months are read one by one; `2024-01 to
/// 2024-12` for one read as a span.
pub(super) fn window(from: Month, to: Month, each_month: bool) -> String {
    if !each_month {
        return format!("{from} to {to}");
    }
    let mut months = Vec::new();
    let mut m = from;
    while m <= to {
        months.push(m.to_string());
        m = m.months_after(1);
    }
    months.join(" and ")
}

/// What a month without a figure counts as.
pub(super) fn missing_month(counts_as: Money) -> String {
    format!("a month with no ACR figure counts as {counts_as}")
}
