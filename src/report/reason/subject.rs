//! The words for what a trace entry is about.

use crate::engine::{path_word, Subject};
use std::fmt;

/// `customer contoso`, `person alice`, `deployment 3 (Azure Functions for contoso,
/// 2024-06)`, `partner`: the subject as every report writes it.
impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Window(title) => f.write_str(title),
            Subject::MissingMonths => f.write_str("missing months"),
            Subject::Partner => f.write_str("partner"),
            Subject::Customer(id) => write!(f, "customer {id}"),
            Subject::Person(id) => write!(f, "person {id}"),
            Subject::Deployment {
                number,
                service,
                customer,
                month,
            } => write!(f, "deployment {number} ({service} for {customer}, {month})"),
            Subject::Threshold => f.write_str("threshold"),
            Subject::Subcategory(title) => f.write_str(&title.to_lowercase()),
            Subject::Category(key) => f.write_str(key),
            Subject::Designation(path) => write!(f, "{} path", path_word(*path)),
            Subject::Pair { customer, workload } => {
                write!(f, "customer {customer}, workload {workload}")
            }
            Subject::AssociationType(code) => write!(f, "type {code}"),
            Subject::Side(0) => f.write_str("Azure side"),
            Subject::Side(_) => f.write_str("Microsoft 365 side"),
        }
    }
}
