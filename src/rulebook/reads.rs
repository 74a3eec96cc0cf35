//! What a rulebook's rules read of a partner file, for the data a designation does not
//! read (`PCS.DATA.UNUSED`: accepted, counts nothing, listed by `explain`) and for the
//! sample data `pcscore new` writes.
//!
//! Read from the rules' kinds and parameters, never from the designation's name: a
//! rulebook whose rules read workloads reads the slugs its lists name, and no other.

use super::rules::{Rule, UnitTest};
use super::{PathRule, Rulebook};
use crate::model::Situation;
use std::collections::BTreeSet;

/// The customer data a rulebook's rules read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    /// Customers' monthly `acr`.
    pub acr: bool,
    /// Customers' `acr_by_service`.
    pub acr_by_service: bool,
    /// Workloads whose `revenue` some rule reads.
    pub revenue: BTreeSet<String>,
    /// Workloads whose `usage` some rule reads.
    pub usage: BTreeSet<String>,
    /// Workloads whose `paid_licences` and `active_users` some rule reads.
    pub tenants: BTreeSet<String>,
}

impl Reads {
    /// Whether some rule reads the workload at all.
    pub fn reads_workload(&self, slug: &str) -> bool {
        self.revenue.contains(slug) || self.usage.contains(slug) || self.tenants.contains(slug)
    }

    /// Whether some rule reads any workload.
    pub fn reads_workloads(&self) -> bool {
        !(self.revenue.is_empty() && self.usage.is_empty() && self.tenants.is_empty())
    }
}

impl Rulebook {
    /// The customer data the rulebook's path rule and subcategories read.
    pub fn reads(&self) -> Reads {
        let mut r = Reads::default();
        match &self.path {
            PathRule::DrivenAcrAndShare(_) | PathRule::ShareInMonth(_) => r.acr = true,
            PathRule::RevenuePairs(p) => r.revenue.extend(p.workloads.iter().cloned()),
            PathRule::BestOfBoth(_) => {}
        }
        for sub in self.subcategories() {
            match &sub.rule {
                Rule::NetCustomerAdds(_) | Rule::UsageGrowth(_) => r.acr = true,
                Rule::CertificationLadder(_) | Rule::Deployments(_) => {}
                Rule::NetUnits(n) => {
                    for side in &n.sides {
                        match side {
                            UnitTest::RevenuePairs { .. } => {
                                r.revenue.extend(owned(side.workloads()))
                            }
                            UnitTest::McvPairs { .. } => r.usage.extend(owned(side.workloads())),
                            UnitTest::PathTenants { .. } | UnitTest::DeployedTenants { .. } => {
                                r.tenants.extend(owned(side.workloads()));
                            }
                            UnitTest::SecurityCustomers { .. } => r.acr_by_service = true,
                        }
                    }
                }
                Rule::ConsumptionGrowth(_) => r.usage.extend(owned(sub.rule.workloads())),
                Rule::GrowthByAssociationType(_) | Rule::DeployedShare(_) => {
                    r.tenants.extend(owned(sub.rule.workloads()));
                }
                Rule::SideGrowth(_) => {
                    r.acr_by_service = true;
                    r.tenants.extend(owned(sub.rule.workloads()));
                }
            }
        }
        r
    }
}

fn owned(list: Vec<&str>) -> impl Iterator<Item = String> + '_ {
    list.into_iter().map(str::to_string)
}

/// One piece of a file's data that the rulebook does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    /// The customer's id.
    pub customer: String,
    /// The field path in the file, such as `customers[2].workloads[0]`.
    pub field: String,
    /// What it is: `acr`, `acr_by_service`, or a workload's slug.
    pub what: UnusedKind,
}

/// What kind of data is unused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnusedKind {
    /// Monthly `acr`, which only the Azure designations read.
    Acr,
    /// `acr_by_service`, which only Security's Azure side reads.
    AcrByService,
    /// A workload whose slug no rule of the rulebook lists.
    Workload(String),
}

/// The data in a situation that the rulebook's rules do not read (`PCS.DATA.UNUSED`), in
/// file order.
pub fn unused(situation: &Situation, book: &Rulebook) -> Vec<Unused> {
    let reads = book.reads();
    let mut out = Vec::new();
    for (i, c) in situation.customers.iter().enumerate() {
        let at = |field: &str| format!("customers[{i}].{field}");
        if !reads.acr && !c.acr.is_empty() {
            out.push(Unused {
                customer: c.id.clone(),
                field: at("acr"),
                what: UnusedKind::Acr,
            });
        }
        if !reads.acr_by_service && !c.acr_by_service.is_empty() {
            out.push(Unused {
                customer: c.id.clone(),
                field: at("acr_by_service"),
                what: UnusedKind::AcrByService,
            });
        }
        for (j, w) in c.workloads.iter().enumerate() {
            if !reads.reads_workload(&w.workload) {
                out.push(Unused {
                    customer: c.id.clone(),
                    field: at(&format!("workloads[{j}]")),
                    what: UnusedKind::Workload(w.workload.clone()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::registry;

    #[test]
    fn each_designation_reads_what_its_rules_name() {
        let book = |d: &str| registry::find(d, "2026-05").expect("a 2026-05 rulebook");
        let dai = book("digital-app-innovation").reads();
        assert!(dai.acr && !dai.acr_by_service && !dai.reads_workloads());
        let ba = book("business-applications").reads();
        assert!(!ba.acr && !ba.acr_by_service);
        assert!(ba.revenue.contains("business-central") && ba.usage.contains("guides"));
        assert!(!ba.reads_workload("teams"));
    }

    #[test]
    fn unused_data_is_listed_in_file_order() {
        let text = "as_of: 2026-10\ndesignation: infrastructure\npath: smb\ncustomers:\n\
            \x20 - id: a\n    attribution: [PAL]\n    acr: {2026-10: 10}\n\
            \x20   acr_by_service: {Sentinel: {2026-10: 5}}\n\
            \x20   workloads:\n      - {workload: teams, paid_licences: {2026-10: 5}}\n";
        let (doc, book) = crate::load::load_str_chosen(text, "p.yaml").expect("loads");
        let found = unused(&doc.situation, book);
        let fields: Vec<&str> = found.iter().map(|u| u.field.as_str()).collect();
        assert_eq!(
            fields,
            ["customers[0].acr_by_service", "customers[0].workloads[0]"]
        );
        assert_eq!(found[1].what, UnusedKind::Workload("teams".into()));
    }
}
