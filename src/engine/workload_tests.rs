//! The 2026-05 workload designations scored end to end on situations built in code
//! (the loader reads `workloads` in a later change), at the boundaries the clauses name.

use super::*;
use crate::model::{Attribution, Certification, Customer, Money, MonthMap, Person, Workload};

fn month(text: &str) -> Month {
    Month::parse(text).expect("a month")
}

fn book(designation: &str) -> &'static Rulebook {
    crate::rulebook::registry::find(designation, "2026-05").expect("a 2026-05 rulebook")
}

fn money(pairs: &[(&str, &str)]) -> MonthMap<Money> {
    pairs
        .iter()
        .map(|(m, v)| (month(m), Money::parse(v).expect("money")))
        .collect()
}

fn pair(workload: &str, revenue: &[(&str, &str)], usage: &[(&str, &str)]) -> Workload {
    Workload {
        workload: workload.into(),
        revenue: money(revenue),
        usage: money(usage),
        ..Workload::default()
    }
}

fn customer(id: &str, codes: &[&str], workloads: Vec<Workload>) -> Customer {
    Customer {
        id: id.into(),
        attribution: codes.iter().map(|c| Attribution::code(*c)).collect(),
        workloads,
        ..Customer::default()
    }
}

fn person(id: &str, cert: &str) -> Person {
    Person {
        id: id.into(),
        associated: true,
        certifications: vec![Certification {
            cert: cert.into(),
            earned: chrono::NaiveDate::from_ymd_opt(2026, 1, 10).expect("a day"),
            expires: None,
        }],
    }
}

fn situation(designation: Designation, path: Option<PathKind>) -> Situation {
    let mut s = Situation::new(month("2026-10"));
    s.designation = designation;
    s.path = path;
    s
}

fn points(a: &Assessment, key: &str) -> String {
    a.card.points_of(key).shown_text(2)
}

/// BA.PATH.DERIVED: five pairs over USD 5,000 in both M and M-12 make Enterprise;
/// USD 5,000 exactly is not over it (PCS.COMPARE), so four such pairs and one at 5,000
/// leave SMB.
#[test]
fn business_applications_path_needs_five_pairs_over_5000_in_both_months() {
    let over = |id: &str, at: &str| {
        customer(
            id,
            &["DPOR"],
            vec![pair("sales", &[("2025-10", at), ("2026-10", "6000")], &[])],
        )
    };
    let mut s = situation(Designation::BusinessApplications, None);
    s.customers = (0..4).map(|i| over(&format!("c{i}"), "5000.01")).collect();
    s.customers.push(over("edge", "5000"));
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(a.card.path, PathKind::Smb);
    s.customers[4] = over("edge", "5001");
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(a.card.path, PathKind::Enterprise);
    assert_eq!(a.path_source, PathSource::Derived);
}

/// BA.PERF.NCA.*: on SMB a pair qualifies at USD 250, not 249.99; the pair's own
/// attribution replaces the customer's; CPOR-OSU does not count revenue; net 1 is 3
/// points; losses floor the net at 0.
#[test]
fn business_applications_net_pairs_count_at_the_revenue_bounds() {
    let mut s = situation(Designation::BusinessApplications, Some(PathKind::Smb));
    let mut own = pair("sales", &[("2026-10", "250")], &[]);
    own.attribution = Some(vec![Attribution::code("CSP")]);
    s.customers = vec![
        customer(
            "a",
            &["CPOR-OSU"],
            vec![
                own,
                pair("finance", &[("2026-10", "9999")], &[]),
                pair("field-service", &[("2026-10", "249.99")], &[]),
            ],
        ),
        customer(
            "b",
            &["DPOR"],
            vec![pair("power-bi", &[("2026-10", "300")], &[])],
        ),
        customer(
            "c",
            &["DPOR"],
            vec![pair("power-bi", &[("2025-10", "300")], &[])],
        ),
    ];
    let a = score(&s, book("business-applications")).expect("scores");
    // At M: a/sales (own CSP) and b/power-bi; at M-12: c/power-bi. Net 1.
    assert_eq!(points(&a, "net_customer_adds"), "3");
    let line = a
        .trace
        .iter()
        .find(|e| e.subject.to_string() == "customer a, workload finance")
        .map(crate::report::reason::reason)
        .expect("the finance pair is traced");
    assert!(line.contains("does not count"), "{line}");
}

/// BA.MCV.RATES / BA.ATTR.CS / BA.CS.*: MCV is usage x rate; a Power Platform pair
/// counts only with PAL; growth is the whole percent; the baseline gate; deployments
/// at USD 10,000 on Enterprise.
#[test]
fn business_applications_mcv_growth_and_deployments() {
    let mut s = situation(
        Designation::BusinessApplications,
        Some(PathKind::Enterprise),
    );
    s.customers = vec![
        // 50 x 1000 = 50,000 at M-12, 65 x 1000 = 65,000 at M: 30% growth, and a
        // deployment at M (>= 10,000) that was one at M-12 too.
        customer(
            "d365",
            &["CSP"],
            vec![pair(
                "business-central",
                &[],
                &[("2025-10", "50"), ("2026-10", "65")],
            )],
        ),
        // power-apps with CSP counts nothing (the groups do not mix).
        customer(
            "pp",
            &["CSP"],
            vec![pair("power-apps", &[], &[("2026-10", "1000")])],
        ),
        // power-bi with PAL: 50 x 200 = 10,000 at M only: one net deployment.
        customer(
            "bi",
            &["PAL"],
            vec![pair("power-bi", &[], &[("2026-10", "50")])],
        ),
    ];
    let a = score(&s, book("business-applications")).expect("scores");
    // L = 65,000 + 10,000 = 75,000; P = 50,000: 50%, held at 30.
    assert_eq!(points(&a, "usage_growth"), "30");
    assert_eq!(points(&a, "deployments"), "4");
    // P of 49,999.9 misses the Enterprise baseline.
    s.customers[0].workloads[0].usage = money(&[("2025-10", "49.9999"), ("2026-10", "65")]);
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(points(&a, "usage_growth"), "0");
}

/// BA.SKILL.ADV / PCS.POINTS.EXACT: 15/7 per person on Enterprise, seven people make 15
/// exactly; six show 12.85; SMB 7.5 per person for two.
#[test]
fn business_applications_advanced_people_earn_exact_sevenths() {
    let mut s = situation(
        Designation::BusinessApplications,
        Some(PathKind::Enterprise),
    );
    s.people = (0..7).map(|i| person(&format!("p{i}"), "MB-700")).collect();
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(
        a.card.points_of("advanced_certifications"),
        Points::from(15)
    );
    s.people.pop();
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(points(&a, "advanced_certifications"), "12.85");
    assert!(a.card.points_of("advanced_certifications") < Points::from(13));
    s.path = Some(PathKind::Smb);
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(points(&a, "advanced_certifications"), "15");
    // Intermediate: SMB 4 per person, five people, no prerequisite.
    s.people = (0..6).map(|i| person(&format!("i{i}"), "PL-300")).collect();
    let a = score(&s, book("business-applications")).expect("scores");
    assert_eq!(points(&a, "intermediate_certifications"), "20");
}

/// Traced and untraced scoring agree on the card for the workload kinds.
#[test]
fn business_applications_traced_and_untraced_cards_agree() {
    let mut s = situation(Designation::BusinessApplications, None);
    s.customers = vec![customer(
        "a",
        &["DPOR", "PAL"],
        vec![
            pair("sales", &[("2026-10", "2000")], &[]),
            pair("power-bi", &[], &[("2025-10", "200"), ("2026-10", "260")]),
        ],
    )];
    s.people = vec![person("p", "MB-820")];
    let b = book("business-applications");
    let traced = score(&s, b).expect("scores");
    let untraced = score_untraced(&s, b).expect("scores");
    assert_eq!(traced.card, untraced.card);
    assert!(!traced.trace.is_empty());
}
