//! What a trace entry is about, as values: a customer's id, a person's id, a deployment's
//! number, the partner as a whole.
//!
//! The engine names the subject; `report` writes it (`customer contoso`, `deployment 3
//! (Azure Functions for contoso, 2024-06)`), the same words in every format.

use crate::model::{Month, PathKind};

/// What a trace entry is about.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Subject {
    /// A month window, by the rulebook's name for it (`last two months`).
    Window(String),
    /// The months a file gives no figure for.
    MissingMonths,
    /// The partner as a whole: its path, its sums.
    Partner,
    /// A customer, by its id.
    Customer(String),
    /// A person, by their id.
    Person(String),
    /// A deployment entry.
    Deployment {
        /// Its number in the file, from 1.
        number: usize,
        /// The service as written, without surrounding white space.
        service: String,
        /// The customer's id.
        customer: String,
        /// Its month.
        month: Month,
    },
    /// The threshold a rule compares monthly amounts with.
    Threshold,
    /// A subcategory's points, by the subcategory's title.
    Subcategory(String),
    /// A category's points, by the category's key.
    Category(String),
    /// The designation's total and attainment, on the path scored.
    Designation(PathKind),
    /// A (customer, workload) pair (Business Applications).
    Pair {
        /// The customer's id.
        customer: String,
        /// The workload's slug.
        workload: String,
    },
    /// An association type a rule scores separately (`MW.CS.*`).
    AssociationType(String),
    /// One side of a two-sided rule (`SEC.SIDES`): 0 the Azure side, 1 Microsoft 365.
    Side(usize),
}
