//! The small pure tests the 2026-05 workload rules share: a pair's attribution, the
//! codes and association types in force in a month (`PCS.ATTR.SINCE`), a tenant's size
//! and path (`MW.TENANT.*`, `MW.ATTR`, `SEC.M365.TENANT`), deployed shares, security
//! ACR and its TTM (`SEC.AZ.*`), bounds (`PCS.COMPARE`) and the net count
//! (`PCS.NET.CLAMP`). Each is a function of the data alone, tested here at the
//! boundaries its clause names.

use crate::model::{Attribution, Customer, Month, PathKind, Workload};
use crate::rulebook::{CodeGroup, ConsumptionRule, TenantRule};
use rust_decimal::Decimal;

/// A pair's attribution: the workload entry's own when it has one, else its
/// customer's (Business Applications).
pub(crate) fn pair_attribution<'c>(c: &'c Customer, w: &'c Workload) -> &'c [Attribution] {
    w.attribution.as_deref().unwrap_or(&c.attribution)
}

/// Whether an entry with one of `codes` is in force in a month (`PCS.ATTR.SINCE`).
pub(crate) fn has_code_at(list: &[Attribution], codes: &[String], month: Month) -> bool {
    list.iter()
        .any(|a| a.in_force(month) && codes.contains(&a.code))
}

/// The codes in force in a month, as written, for evidence.
pub(crate) fn codes_at(list: &[Attribution], month: Month) -> Vec<String> {
    crate::model::in_force(list, month)
        .map(str::to_string)
        .collect()
}

/// When an association type starts for a customer (`PCS.ATTR.SINCE`): `None` when it
/// has no entry of the type's group; `Some(None)` when an entry has no `since` (in
/// force in every month); else the earliest `since` of the group's entries.
pub(crate) fn group_since(list: &[Attribution], group: &CodeGroup) -> Option<Option<Month>> {
    let mut found: Option<Option<Month>> = None;
    for a in list.iter().filter(|a| group.codes.contains(&a.code)) {
        found = Some(match (found, a.since) {
            (_, None) | (Some(None), _) => None,
            (None, Some(s)) => Some(s),
            (Some(Some(e)), Some(s)) => Some(e.min(s)),
        });
    }
    found
}

/// The sizes a tenant has in a month by its paid licences, each listed workload on its
/// own (`MW.TENANT.SIZE`): Enterprise when one is over the limit, SMB when one is
/// within the SMB band; both can hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Sizes {
    /// Enterprise-size.
    pub enterprise: bool,
    /// SMB-size.
    pub smb: bool,
}

pub(crate) fn sizes(c: &Customer, rule: &TenantRule, month: Month) -> Sizes {
    let mut s = Sizes::default();
    for w in listed(c, &rule.size_workloads) {
        let n = w.paid_licences_in(month);
        s.enterprise |= n > rule.enterprise_over;
        s.smb |= n >= rule.smb_at_least && n <= rule.smb_at_most;
    }
    s
}

/// Whether a tenant is of the path's size in a month; at M an Enterprise-size tenant
/// that was SMB-size at M-12 is also SMB-size when the rule carries
/// (`MW.TENANT.CARRY`, at M only: `MW.CS.DEP.SINCE_MONTH`). The second value says
/// whether the carry-over made it so.
pub(crate) fn path_size(
    c: &Customer,
    rule: &TenantRule,
    path: PathKind,
    month: Month,
    as_of: Month,
) -> (bool, bool) {
    let now = sizes(c, rule, month);
    match path {
        PathKind::Enterprise => (now.enterprise, false),
        PathKind::Smb if now.smb => (true, false),
        PathKind::Smb => {
            let carried = rule.carry
                && month == as_of
                && now.enterprise
                && sizes(c, rule, as_of.months_before(12)).smb;
            (carried, carried)
        }
    }
}

/// Whether a tenant is a path tenant in a month: of the path's size then, with one of
/// the path's types in force then (`MW.ATTR`, `SEC.M365.TENANT`).
pub(crate) fn path_tenant(
    c: &Customer,
    rule: &TenantRule,
    path: PathKind,
    month: Month,
    as_of: Month,
) -> bool {
    path_size(c, rule, path, month, as_of).0
        && rule
            .types
            .on(path)
            .iter()
            .any(|g| has_code_at(&c.attribution, &g.codes, month))
}

/// The customer's workloads of a list.
pub(crate) fn listed<'c>(
    c: &'c Customer,
    workloads: &'c [String],
) -> impl Iterator<Item = &'c Workload> + 'c {
    c.workloads
        .iter()
        .filter(move |w| workloads.contains(&w.workload))
}

/// Active users summed over the listed workloads in a month.
pub(crate) fn users(c: &Customer, workloads: &[String], month: Month) -> u64 {
    listed(c, workloads)
        .map(|w| w.active_users_in(month))
        .fold(0u64, u64::saturating_add)
}

/// Paid licences summed over the listed workloads in a month.
pub(crate) fn licences(c: &Customer, workloads: &[String], month: Month) -> u64 {
    listed(c, workloads)
        .map(|w| w.paid_licences_in(month))
        .fold(0u64, u64::saturating_add)
}

/// Whether active users reach a share of paid licences, with licences to share
/// (`MW.CS.DEP.QUALIFY`, `SEC.CS.DEP.M365`; "reach" includes the bound).
pub(crate) fn share_reached(users: u64, licences: u64, percent: u32) -> bool {
    licences > 0 && u128::from(users) * 100 >= u128::from(licences) * u128::from(percent)
}

/// An Azure service name as matched: trimmed, case aside (`SEC.AZ.SERVICES`).
fn service_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Security ACR of a customer in a month: `acr_by_service` summed over the listed
/// services, several written names of one service all counted (`PCS.DATA.UNUSED`).
pub(crate) fn security_acr(c: &Customer, services: &[String], month: Month) -> Decimal {
    let keys: Vec<String> = services.iter().map(|s| service_key(s)).collect();
    c.acr_by_service
        .iter()
        .filter(|(name, _)| keys.contains(&service_key(name)))
        .filter_map(|(_, by_month)| by_month.get(&month))
        .map(|m| m.amount())
        .sum()
}

/// Security TTM ending in a month: every one of the twelve months, whatever the
/// attribution then (`SEC.AZ.TTM_ALL`).
pub(crate) fn security_ttm(c: &Customer, services: &[String], month: Month) -> Decimal {
    (0..12)
        .map(|n| security_acr(c, services, month.months_before(n)))
        .sum()
}

/// A pair's monthly consumption value and whether it counts in a month
/// (`BA.MCV.RATES`, `BA.ATTR.CS`): usage x the workload's rate, counting when the
/// pair's attribution has a code of the workload's group in force then. `None` for a
/// workload without a rate.
pub(crate) fn mcv(
    c: &Customer,
    w: &Workload,
    rule: &ConsumptionRule,
    month: Month,
) -> Option<(Decimal, bool)> {
    let rate = rule.rate_of(&w.workload)?;
    let value = w.usage_in(month).amount() * rate.0;
    let counts = rule
        .group_of(&w.workload)
        .is_some_and(|g| has_code_at(pair_attribution(c, w), &g.codes, month));
    Some((value, counts))
}

/// Units at M less units at M-12, floored at 0 (`PCS.NET.CLAMP`, `SEC.SIDES`).
pub(crate) fn net(at_m: u32, at_m12: u32) -> u32 {
    at_m.saturating_sub(at_m12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;
    use crate::rulebook::{PerPath, TenantClauses};
    use std::collections::BTreeMap;

    fn month(text: &str) -> Month {
        Month::parse(text).expect("a month")
    }

    fn cpor() -> CodeGroup {
        CodeGroup {
            name: "CPOR".into(),
            codes: [
                "CPOR",
                "CPOR-OSA",
                "CPOR-REVREC",
                "CPOR-REVREC-PERF",
                "CPOR-OSU",
            ]
            .map(String::from)
            .to_vec(),
        }
    }

    fn since(code: &str, m: Option<&str>) -> Attribution {
        Attribution {
            code: code.into(),
            since: m.map(month),
        }
    }

    fn tenants(smb_at_least: u64) -> TenantRule {
        TenantRule {
            size_workloads: vec!["teams".into(), "intune".into()],
            enterprise_over: 300,
            smb_at_least,
            smb_at_most: 300,
            carry: true,
            types: PerPath {
                smb: vec![
                    cpor(),
                    CodeGroup {
                        name: "CSP".into(),
                        codes: vec!["CSP".into()],
                    },
                ],
                enterprise: vec![cpor()],
            },
            clauses: TenantClauses {
                size: "MW.TENANT.SIZE".into(),
                carry: "MW.TENANT.CARRY".into(),
                attribution: "MW.ATTR".into(),
            },
        }
    }

    fn tenant(licences: &[(&str, &str, u64)], attribution: Vec<Attribution>) -> Customer {
        let mut c = Customer {
            id: "t".into(),
            attribution,
            ..Customer::default()
        };
        for (w, m, n) in licences {
            let pos = c.workloads.iter().position(|x| x.workload == *w);
            let i = pos.unwrap_or_else(|| {
                c.workloads.push(Workload {
                    workload: (*w).into(),
                    ..Workload::default()
                });
                c.workloads.len() - 1
            });
            c.workloads[i].paid_licences.insert(month(m), *n);
        }
        c
    }

    #[test]
    fn an_entry_is_in_force_from_its_since_and_a_group_starts_at_its_earliest() {
        let list = vec![
            since("CPOR-OSA", Some("2026-03")),
            since("CPOR", Some("2025-11")),
        ];
        assert_eq!(group_since(&list, &cpor()), Some(Some(month("2025-11"))));
        let codes = cpor().codes;
        assert!(!has_code_at(&list, &codes, month("2025-10")));
        assert!(has_code_at(&list, &codes, month("2025-11")));
        let with_none = vec![since("CPOR", Some("2026-03")), since("CPOR-OSU", None)];
        assert_eq!(group_since(&with_none, &cpor()), Some(None));
        assert_eq!(group_since(&[since("CSP", None)], &cpor()), None);
    }

    /// MW.TENANT.SIZE: over 300 is Enterprise, 11 to 300 SMB (300 both ends
    /// included), each workload on its own; SEC's band starts at 5.
    #[test]
    fn a_tenant_is_sized_by_one_workload_at_the_bounds() {
        let m = month("2026-10");
        let at =
            |n: u64, rule: &TenantRule| sizes(&tenant(&[("teams", "2026-10", n)], vec![]), rule, m);
        let mw = tenants(11);
        assert_eq!(
            at(301, &mw),
            Sizes {
                enterprise: true,
                smb: false
            }
        );
        assert_eq!(
            at(300, &mw),
            Sizes {
                enterprise: false,
                smb: true
            }
        );
        assert_eq!(
            at(11, &mw),
            Sizes {
                enterprise: false,
                smb: true
            }
        );
        assert_eq!(at(10, &mw), Sizes::default());
        let sec = tenants(5);
        assert!(at(5, &sec).smb);
        assert!(!at(4, &sec).smb);
        // Two workloads of 200 are not one of 400, and give both sizes when one is big.
        let two = tenant(
            &[("teams", "2026-10", 200), ("intune", "2026-10", 200)],
            vec![],
        );
        assert_eq!(
            sizes(&two, &mw, m),
            Sizes {
                enterprise: false,
                smb: true
            }
        );
        let both = tenant(
            &[("teams", "2026-10", 400), ("intune", "2026-10", 20)],
            vec![],
        );
        assert_eq!(
            sizes(&both, &mw, m),
            Sizes {
                enterprise: true,
                smb: true
            }
        );
        // A workload not listed sizes nothing.
        let other = tenant(&[("teams-premium", "2026-10", 400)], vec![]);
        assert_eq!(sizes(&other, &mw, m), Sizes::default());
    }

    /// MW.TENANT.CARRY: promoted to Enterprise at M from SMB at M-12 remains SMB at M,
    /// and only at M.
    #[test]
    fn a_promoted_tenant_carries_its_smb_size_at_m_only() {
        let (m, m12) = (month("2026-10"), month("2025-10"));
        let promoted = tenant(
            &[("teams", "2025-10", 250), ("teams", "2026-10", 400)],
            vec![since("CSP", None)],
        );
        let rule = tenants(11);
        assert_eq!(
            path_size(&promoted, &rule, PathKind::Smb, m, m),
            (true, true)
        );
        assert_eq!(
            path_size(&promoted, &rule, PathKind::Enterprise, m, m),
            (true, false)
        );
        assert!(path_tenant(&promoted, &rule, PathKind::Smb, m, m));
        // Enterprise types are CPOR alone: CSP does not make it an Enterprise tenant.
        assert!(!path_tenant(&promoted, &rule, PathKind::Enterprise, m, m));
        let later = month("2026-11");
        assert_eq!(
            path_size(&promoted, &rule, PathKind::Smb, m, later),
            (false, false)
        );
        let mut no_carry = rule.clone();
        no_carry.carry = false;
        assert_eq!(
            path_size(&promoted, &no_carry, PathKind::Smb, m, m),
            (false, false)
        );
        let _ = m12;
    }

    /// "reach 40%" includes 40%; no licences, no share.
    #[test]
    fn a_share_is_reached_at_its_bound() {
        assert!(share_reached(40, 100, 40));
        assert!(!share_reached(39, 100, 40));
        assert!(share_reached(15, 100, 15));
        assert!(!share_reached(149, 1000, 15));
        assert!(!share_reached(0, 0, 40));
        assert!(!share_reached(5, 0, 15));
    }

    /// SEC.AZ.SERVICES: names are matched trimmed and case aside, several written
    /// names of one service summed, unlisted services ignored; the TTM reads all
    /// twelve months (SEC.AZ.TTM_ALL).
    #[test]
    fn security_acr_sums_every_spelling_of_a_listed_service() {
        let m = month("2026-10");
        let amounts = |pairs: &[(&str, &str)]| -> BTreeMap<Month, Money> {
            pairs
                .iter()
                .map(|(k, v)| (month(k), Money::parse(v).expect("money")))
                .collect()
        };
        let c = Customer {
            acr_by_service: vec![
                (
                    "Sentinel".into(),
                    amounts(&[("2026-10", "100"), ("2025-11", "50")]),
                ),
                (" sentinel ".into(), amounts(&[("2026-10", "25.5")])),
                ("Key Vault".into(), amounts(&[("2026-01", "10")])),
                ("Virtual Machines".into(), amounts(&[("2026-10", "999")])),
                ("Sentinel".into(), amounts(&[("2025-10", "1000")])),
            ],
            ..Customer::default()
        };
        let services = vec!["Sentinel".to_string(), "Key Vault".to_string()];
        assert_eq!(security_acr(&c, &services, m), Decimal::new(1255, 1));
        assert_eq!(security_ttm(&c, &services, m), Decimal::new(1855, 1));
        assert_eq!(
            security_ttm(&c, &services, month("2025-10")),
            Decimal::from(1000)
        );
    }

    #[test]
    fn a_net_count_is_floored_at_zero() {
        assert_eq!(net(3, 5), 0);
        assert_eq!(net(5, 3), 2);
    }
}
