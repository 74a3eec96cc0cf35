//! The benchmark's data: small scenarios with their expected score cards, and one big
//! partner file.
//!
//! Each scenario is built from customers, people and deployments chosen to land on the
//! rules' edges (adds, losses, neutral customers at and around the threshold; active,
//! expired and not-yet-earned certifications, the IoT grace month; eligible and refused
//! deployments; growth around 0 and 20 percent). Its `expected:` card is worked out here
//! by a second, deliberately plain reading of `docs/rules.md` in whole cents, not by the
//! engine, so `pcscore check` over the set is also a differential test of the engine.

// Amounts are whole cents written dollars_cents (`1000_00` is USD 1,000.00).
#![allow(clippy::inconsistent_digit_grouping)]

use std::fmt::Write as _;

/// SplitMix64: small, deterministic, good enough to vary test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0 to n - 1.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with `percent` chance.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A month as an index (year * 12 + month - 1).
type Mon = i32;

fn mon(year: i32, month: i32) -> Mon {
    year * 12 + month - 1
}

fn mon_text(m: Mon) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// Days since 0000-03-01-ish, via a civil-from-days algorithm, for certification dates.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
    (y, m, d)
}

fn last_day(m: Mon) -> i64 {
    days_from_civil(m.div_euclid(12), (m.rem_euclid(12) + 2) as u32, 1) - 1
}

fn day_text(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Cents written as money: `1000`, `1000.5`, `999.99`, `0`, in the forms analysts use.
fn money(cents: i64, rng: &mut Rng) -> String {
    let (whole, frac) = (cents / 100, cents % 100);
    match (frac, rng.below(3)) {
        (0, 0) => format!("{whole}"),
        (0, 1) => format!("{whole}.00"),
        (f, 2) if f % 10 == 0 => format!("{whole}.{}", f / 10),
        _ => format!("{whole}.{frac:02}"),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Path {
    Smb,
    Enterprise,
}

impl Path {
    fn word(self) -> &'static str {
        match self {
            Path::Smb => "smb",
            Path::Enterprise => "enterprise",
        }
    }

    fn threshold(self) -> i64 {
        match self {
            Path::Smb => 500_00,
            Path::Enterprise => 1000_00,
        }
    }
}

struct Customer {
    id: String,
    segment: &'static str,
    attribution: Vec<&'static str>,
    /// (month, cents); written in this order.
    acr: Vec<(Mon, i64)>,
}

impl Customer {
    fn eligible(&self) -> bool {
        eligible(&self.attribution)
    }

    fn in_month(&self, m: Mon) -> i64 {
        self.acr
            .iter()
            .filter(|(k, _)| *k == m)
            .map(|(_, a)| a)
            .sum()
    }
}

fn eligible(codes: &[&str]) -> bool {
    codes.iter().any(|c| ["PAL", "DPOR", "CSP"].contains(c))
}

struct Cert {
    name: &'static str,
    earned: i64,
    expires: Option<i64>,
}

struct Person {
    id: String,
    associated: bool,
    certs: Vec<Cert>,
}

struct Deployment {
    customer: usize,
    service: &'static str,
    level: u32,
    month: Mon,
    attribution: Option<Vec<&'static str>>,
}

const ELIGIBLE: [&str; 3] = ["PAL", "DPOR", "CSP"];
const INELIGIBLE: [&[&str]; 4] = [&[], &["MCI"], &["pal"], &["Reseller", "MCI"]];

fn attribution(rng: &mut Rng, eligible_percent: u64) -> Vec<&'static str> {
    if rng.chance(eligible_percent) {
        let mut codes = vec![rng.pick(&ELIGIBLE)];
        if rng.chance(25) {
            codes.push(rng.pick(&["MCI", "CSP", "DPOR"]));
        }
        codes
    } else {
        rng.pick(&INELIGIBLE).to_vec()
    }
}

/// Amounts relative to the threshold T: at it, a cent either side, well above, small.
fn above(rng: &mut Rng, t: i64) -> i64 {
    rng.pick(&[t, t + 1, t + 1, 2 * t + 50, 5 * t, 12_345_67])
}

fn under(rng: &mut Rng, t: i64) -> i64 {
    rng.pick(&[0, 1, t - 1, t / 3, 12_50])
}

/// Writes a customer's window months; `None` leaves the month out of the file.
fn put(acr: &mut Vec<(Mon, i64)>, m: Mon, cents: Option<i64>) {
    if let Some(c) = cents {
        acr.push((m, c));
    }
}

fn customer(rng: &mut Rng, i: usize, m: Mon, t: i64, segments: &[&'static str]) -> Customer {
    let mut acr = Vec::new();
    let zero_or_absent = |rng: &mut Rng| if rng.chance(50) { None } else { Some(0) };
    let (b13, b12, r1, r0);
    match rng.below(6) {
        // An add: nothing in the baseline, at or above T in a last month.
        0 | 1 => {
            b13 = zero_or_absent(rng);
            b12 = zero_or_absent(rng);
            if rng.chance(50) {
                r1 = Some(above(rng, t));
                r0 = Some(under(rng, t));
            } else {
                r1 = zero_or_absent(rng);
                r0 = Some(above(rng, t));
            }
        }
        // A loss: at or above T in a baseline month, under it in both last months.
        2 => {
            b13 = Some(if rng.chance(50) {
                above(rng, t)
            } else {
                under(rng, t)
            });
            b12 = Some(above(rng, t));
            r1 = Some(under(rng, t));
            r0 = if rng.chance(50) {
                None
            } else {
                Some(under(rng, t))
            };
        }
        // Above throughout: neutral.
        3 => {
            b13 = Some(above(rng, t));
            b12 = Some(above(rng, t));
            r1 = Some(under(rng, t));
            r0 = Some(above(rng, t));
        }
        // Something in the baseline, under T: neutral however the last months go.
        4 => {
            b13 = Some(rng.below(t as u64 - 1) as i64 + 1);
            b12 = zero_or_absent(rng);
            r1 = Some(above(rng, t));
            r0 = Some(above(rng, t));
        }
        // Quiet in the windows.
        _ => {
            b13 = None;
            b12 = None;
            r1 = None;
            r0 = zero_or_absent(rng);
        }
    }
    put(&mut acr, m - 13, b13);
    put(&mut acr, m - 12, b12);
    // Other months: in the trailing twelve months they move the driven ACR only.
    for k in [2, 5, 9, 11, 15, 20] {
        if rng.chance(20) {
            acr.push((m - k, rng.below(300_000) as i64));
        }
    }
    put(&mut acr, m - 1, r1);
    put(&mut acr, m, r0);
    Customer {
        id: format!("cust-{i:02}"),
        segment: rng.pick(segments),
        attribution: attribution(rng, 85),
        acr,
    }
}

const CERTS: [&str; 11] = [
    "azure-administrator-associate",
    "azure-developer-associate",
    "power-platform-developer-associate",
    "azure-solutions-architect-expert",
    "azure-iot-developer-specialty",
    "azure-devops-engineer-expert",
    "power-platform-solution-architect-expert",
    "AZ-104",
    "AZ-305",
    "AZ-220",
    "dp-900",
];

fn slug(name: &str) -> &str {
    match name {
        "AZ-104" => "azure-administrator-associate",
        "AZ-204" => "azure-developer-associate",
        "PL-400" => "power-platform-developer-associate",
        "AZ-305" => "azure-solutions-architect-expert",
        "AZ-220" => "azure-iot-developer-specialty",
        "AZ-400" => "azure-devops-engineer-expert",
        "PL-600" => "power-platform-solution-architect-expert",
        other => other,
    }
}

fn cert(rng: &mut Rng, m: Mon) -> Cert {
    let last = last_day(m);
    let name = rng.pick(&CERTS);
    let (earned, expires) = match rng.below(7) {
        0 | 1 => (last - 30 - rng.below(700) as i64, None),
        2 => (last - 400, Some(last + 1 + rng.below(300) as i64)),
        3 => (last - 365, Some(last)), // expires on the last day: active
        4 => (last - 365, Some(last - 1)), // the day before: inactive
        5 => (last + 1, None),         // earned after M: inactive
        _ => (last, Some(last + 730)), // earned on the last day: active
    };
    Cert {
        name,
        earned,
        expires,
    }
}

const SERVICES: [&str; 12] = [
    "Azure Kubernetes Service",
    "azure kubernetes service",
    "Azure Functions",
    " Azure Functions ",
    "App Service",
    "Azure SQL Database",
    "Azure Cosmos DB",
    "Logic Apps",
    "API Management",
    "Azure Container Apps",
    "Virtual Machines Licenses",
    "virtual machines licenses",
];

/// A generated scenario and the card it must produce.
pub struct Scenario {
    pub yaml: String,
}

struct Card {
    path: Path,
    points: [u32; 5],
}

/// Builds scenario number `n`.
pub fn scenario(n: usize, seed: u64) -> Scenario {
    let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    // Measurement months from 2024-01 to 2025-06: either side of the IoT grace month.
    let m = mon(2024, 1) + rng.below(18) as i32;
    let explicit = match rng.below(4) {
        0 => Some(Path::Smb),
        1 => Some(Path::Enterprise),
        _ => None,
    };
    // Derived: the segments decide (all small, or all enterprise); the amounts stay
    // far below USD 1,000,000 over the trailing twelve months.
    let small = explicit.map_or(rng.chance(50), |p| p == Path::Smb);
    let segments: &[&str] = if small {
        &["smb", "smc"]
    } else {
        &["enterprise"]
    };
    let t = if small { 500_00 } else { 1000_00 };
    let mut customers: Vec<Customer> = (0..rng.below(8) as usize)
        .map(|i| customer(&mut rng, i, m, t, segments))
        .collect();
    // A steady customer above T in M-12 and in M, sized to land the partner's growth on
    // a chosen whole percent (or just under it).
    if rng.chance(70) {
        let sum = |cs: &[Customer], k: Mon| -> i64 {
            cs.iter()
                .filter(|c| c.eligible())
                .map(|c| c.in_month(k))
                .sum()
        };
        let (p0, l0) = (sum(&customers, m - 12), sum(&customers, m));
        let p = p0 + 20_000_00 + rng.below(50_000_00) as i64;
        let k = rng.pick(&[-5i64, 0, 1, 7, 19, 20, 21, 35]);
        let mut l = (p * (100 + k) + 99) / 100; // the least L with floor(growth) = k
        if rng.chance(30) {
            l -= 1; // a cent less: one whole percent less
        }
        let own = (l - l0).max(t);
        customers.push(Customer {
            id: "steady".into(),
            segment: rng.pick(segments),
            attribution: vec![rng.pick(&ELIGIBLE)],
            acr: vec![(m - 12, p - p0), (m, own)],
        });
    }
    let people: Vec<Person> = (0..rng.below(8) as usize)
        .map(|i| Person {
            id: format!("person-{i}"),
            associated: rng.chance(85),
            certs: (0..rng.below(4)).map(|_| cert(&mut rng, m)).collect(),
        })
        .collect();
    let deployments: Vec<Deployment> = if customers.is_empty() {
        Vec::new()
    } else {
        (0..rng.below(9))
            .map(|_| Deployment {
                customer: rng.below(customers.len() as u64) as usize,
                service: rng.pick(&SERVICES),
                level: if rng.chance(80) { 2 } else { rng.pick(&[1, 3]) },
                month: m - rng.pick(&[0, 0, 3, 6, 11, 11, 12, 14]),
                attribution: rng.chance(20).then(|| attribution(&mut rng, 60)),
            })
            .collect()
    };
    let card = oracle(m, explicit, &customers, &people, &deployments);
    let yaml = write(
        n,
        &mut rng,
        m,
        explicit,
        &customers,
        &people,
        &deployments,
        &card,
    );
    Scenario { yaml }
}

/// The score card, read straight from docs/rules.md, in whole cents.
fn oracle(
    m: Mon,
    explicit: Option<Path>,
    customers: &[Customer],
    people: &[Person],
    deployments: &[Deployment],
) -> Card {
    let eligible: Vec<&Customer> = customers.iter().filter(|c| c.eligible()).collect();
    // DAI.PATH.DERIVED
    let (mut driven, mut active, mut small) = (0i64, 0i64, 0i64);
    for c in &eligible {
        let sum: i64 = (m - 11..=m).map(|k| c.in_month(k)).sum();
        driven += sum;
        if sum > 0 {
            active += 1;
            small += i64::from(c.segment != "enterprise");
        }
    }
    let derived = if driven < 1_000_000_00 && (active == 0 || small * 100 >= 80 * active) {
        Path::Smb
    } else {
        Path::Enterprise
    };
    let path = explicit.unwrap_or(derived);
    let t = path.threshold();
    // DAI.PERF.NCA.*
    let mut net = 0i64;
    for c in &eligible {
        let (b13, b12, r1, r0) = (
            c.in_month(m - 13),
            c.in_month(m - 12),
            c.in_month(m - 1),
            c.in_month(m),
        );
        if b13 == 0 && b12 == 0 && (r1 >= t || r0 >= t) {
            net += 1;
        } else if (b13 >= t || b12 >= t) && r1 < t && r0 < t {
            net -= 1;
        }
    }
    let nca = 10 * net.clamp(0, 3) as u32;
    // DAI.SKILL.*
    let last = last_day(m);
    let active_cert = |c: &Cert| c.earned <= last && c.expires.is_none_or(|e| e >= last);
    let holds = |p: &Person, slugs: &[&str]| {
        p.associated
            && p.certs.iter().any(|c| {
                let s = slug(c.name);
                active_cert(c)
                    && slugs.contains(&s)
                    && (s != "azure-iot-developer-specialty" || m <= mon(2024, 7))
            })
    };
    let skill = |prereq: &[&str], scoring: &[&str]| -> u32 {
        let pre = people.iter().filter(|p| holds(p, prereq)).count() as u32;
        let scorers = people.iter().filter(|p| holds(p, scoring)).count() as u32;
        let points = match path {
            Path::Enterprise if pre >= 2 => 4 * scorers.min(5),
            Path::Smb if pre >= 1 => 4 + 4 * scorers.min(4),
            _ => 0,
        };
        points.min(20)
    };
    let intermediate = skill(
        &["azure-administrator-associate"],
        &[
            "azure-developer-associate",
            "power-platform-developer-associate",
        ],
    );
    let advanced = skill(
        &["azure-solutions-architect-expert"],
        &[
            "azure-devops-engineer-expert",
            "power-platform-solution-architect-expert",
            "azure-iot-developer-specialty",
        ],
    );
    // DAI.CS.UG.*
    let l: i64 = eligible.iter().map(|c| c.in_month(m)).sum();
    let p: i64 = eligible.iter().map(|c| c.in_month(m - 12)).sum();
    let growth = if l < 1000_00 || p == 0 {
        0
    } else {
        (100 * (l - p)).div_euclid(p).clamp(0, 20) as u32
    };
    // DAI.CS.DEP.*
    let mut services: Vec<String> = Vec::new();
    for d in deployments {
        let name = d.service.trim().to_lowercase();
        let codes = d
            .attribution
            .as_deref()
            .unwrap_or(&customers[d.customer].attribution);
        if d.level == 2
            && name != "virtual machines licenses"
            && self::eligible(codes)
            && (m - 11..=m).contains(&d.month)
            && !services.contains(&name)
        {
            services.push(name);
        }
    }
    let deployed = 2 * services.len().min(5) as u32;
    Card {
        path,
        points: [nca, intermediate, advanced, growth, deployed],
    }
}

fn codes(list: &[&str]) -> String {
    let quoted: Vec<String> = list
        .iter()
        .map(|c| {
            if c.trim() == *c {
                c.to_string()
            } else {
                format!("\"{c}\"")
            }
        })
        .collect();
    format!("[{}]", quoted.join(", "))
}

#[allow(clippy::too_many_arguments)]
fn write(
    n: usize,
    rng: &mut Rng,
    m: Mon,
    explicit: Option<Path>,
    customers: &[Customer],
    people: &[Person],
    deployments: &[Deployment],
    card: &Card,
) -> String {
    let [nca, int, adv, ug, dep] = card.points;
    let (perf, skill, cs) = (nca.min(30), (int + adv).min(40), (ug + dep).min(30));
    let total = perf + skill + cs;
    let attained = total >= 70 && card.points.iter().all(|&p| p >= 1);
    let mut y = String::new();
    let _ = writeln!(
        y,
        "name: Generated partner {n:05} scores {total} on the {} path",
        card.path.word()
    );
    let _ = writeln!(
        y,
        "description: >\n  Generated by benches/scale.rs: {} customers, {} people, {} deployments.",
        customers.len(),
        people.len(),
        deployments.len()
    );
    let _ = writeln!(y, "tags: [generated, {}]", card.path.word());
    let _ = writeln!(y, "as_of: {}", mon_text(m));
    if let Some(p) = explicit {
        let _ = writeln!(y, "path: {}", p.word());
    }
    if !customers.is_empty() {
        let _ = writeln!(y, "\ncustomers:");
    }
    for c in customers {
        let _ = writeln!(y, "  - id: {}", c.id);
        let _ = writeln!(y, "    segment: {}", c.segment);
        let _ = writeln!(y, "    attribution: {}", codes(&c.attribution));
        if c.acr.is_empty() {
            continue;
        }
        if rng.chance(30) {
            let items: Vec<String> = c
                .acr
                .iter()
                .map(|(k, a)| format!("{}: {}", mon_text(*k), money(*a, rng)))
                .collect();
            let _ = writeln!(y, "    acr: {{{}}}", items.join(", "));
        } else {
            let _ = writeln!(y, "    acr:");
            for (k, a) in &c.acr {
                let _ = writeln!(y, "      {}: {}", mon_text(*k), money(*a, rng));
            }
        }
    }
    if !people.is_empty() {
        let _ = writeln!(y, "\npeople:");
    }
    for p in people {
        let _ = writeln!(y, "  - id: {}", p.id);
        if !p.associated || rng.chance(30) {
            let _ = writeln!(y, "    associated: {}", p.associated);
        }
        if p.certs.is_empty() {
            continue;
        }
        let _ = writeln!(y, "    certifications:");
        for c in &p.certs {
            let _ = writeln!(y, "      - cert: {}", c.name);
            let _ = writeln!(y, "        earned: {}", day_text(c.earned));
            if let Some(e) = c.expires {
                let _ = writeln!(y, "        expires: {}", day_text(e));
            }
        }
    }
    if !deployments.is_empty() {
        let _ = writeln!(y, "\ndeployments:");
    }
    for d in deployments {
        let _ = writeln!(y, "  - customer: {}", customers[d.customer].id);
        if d.service.trim() == d.service {
            let _ = writeln!(y, "    service: {}", d.service);
        } else {
            let _ = writeln!(y, "    service: \"{}\"", d.service);
        }
        let _ = writeln!(y, "    service_level: {}", d.level);
        let _ = writeln!(y, "    month: {}", mon_text(d.month));
        if let Some(a) = &d.attribution {
            let _ = writeln!(y, "    attribution: {}", codes(a));
        }
    }
    let _ = writeln!(y, "\nexpected:");
    let _ = writeln!(y, "  path: {}", card.path.word());
    let _ = writeln!(y, "  points:");
    for (key, value) in [
        "net_customer_adds",
        "intermediate_certifications",
        "advanced_certifications",
        "usage_growth",
        "deployments",
    ]
    .iter()
    .zip(card.points)
    {
        let _ = writeln!(y, "    {key}: {value}");
    }
    let _ = writeln!(
        y,
        "  categories:\n    performance: {perf}\n    skilling: {skill}\n    customer_success: {cs}"
    );
    let _ = writeln!(y, "  total: {total}\n  attained: {attained}");
    y
}

/// The big partner file: `customers` customers with ACR in each of the `months` months
/// up to 2024-12, a few people and deployments. Streams to `out`.
pub fn big_partner(
    customers: usize,
    months: i32,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut rng = Rng::new(0xb16_f11e);
    let m = mon(2024, 12);
    writeln!(
        out,
        "# Generated by benches/scale.rs: {customers} customers x {months} months of ACR."
    )?;
    big_customers(&mut rng, m, customers, months, out)?;
    big_people(&mut rng, m, out)?;
    writeln!(out, "\ndeployments:")?;
    for i in 0..200 {
        writeln!(
            out,
            "  - customer: customer-{:06}\n    service: {}\n    service_level: 2\n    month: {}",
            (i * 7919) % customers.max(1),
            rng.pick(&SERVICES),
            mon_text(m - rng.below(12) as i32)
        )?;
    }
    Ok(())
}

/// A partner that records every deployment it ever made: `customers` customers x 24
/// months, 50 people and `deployments` deployments over three years. Most of them do not
/// count (outside the trailing twelve months, another service level, a customer without
/// an eligible attribution), and those that count name only two services, so the
/// deployments subcategory is not full and a plan has deployments to suggest, each one
/// weighed against every entry of the file.
pub fn many_deployments(
    customers: usize,
    deployments: usize,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut rng = Rng::new(0xde9_10e5);
    let m = mon(2024, 12);
    writeln!(
        out,
        "# Generated by benches/scale.rs: {customers} customers x 24 months, {deployments} \
         deployments."
    )?;
    big_customers(&mut rng, m, customers, 24, out)?;
    big_people(&mut rng, m, out)?;
    writeln!(out, "\ndeployments:")?;
    let mut line = String::new();
    for i in 0..deployments {
        line.clear();
        let customer = (i * 7919) % customers.max(1);
        let age = rng.below(36) as i32;
        let level = if rng.chance(70) { 2 } else { rng.pick(&[1, 3]) };
        let service = if age < 12 && level == 2 {
            rng.pick(&["Azure Functions", " azure functions ", "App Service"])
                .to_string()
        } else {
            format!("Service {}", rng.below(50_000))
        };
        let _ = write!(
            line,
            "  - customer: customer-{customer:06}\n    service: {service}\n    service_level: \
             {level}\n    month: {}\n",
            mon_text(m - age)
        );
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// A partner a few actions from the designation, the shape that makes the planner
/// climb every ladder: `customers` customers x 24 months, all at or above the threshold
/// in every month (neither added nor lost) but for two lost customers and one add, so
/// net adds is -1; 20 people without an advanced certification; 200 deployments of which
/// those that count name two services.
pub fn near_partner(customers: usize, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut rng = Rng::new(0x0ea7_1a11);
    let m = mon(2024, 12);
    writeln!(
        out,
        "# Generated by benches/scale.rs: {customers} customers x 24 months, a few actions \
         from the designation."
    )?;
    writeln!(out, "as_of: {}\n\ncustomers:", mon_text(m))?;
    let mut line = String::new();
    for i in 0..customers {
        line.clear();
        let segment = ["smb", "smc", "enterprise"][i % 3];
        let codes = ["[PAL]", "[CSP, MCI]", "[MCI]"][i % 3];
        let _ = write!(
            line,
            "  - id: customer-{i:06}\n    segment: {segment}\n    attribution: {codes}\n    acr:\n"
        );
        for k in (0..24).rev() {
            let month = m - k;
            let recent = k < 2;
            let cents = match i {
                // Lost: at the threshold in the baseline, under it in the last two months.
                3 | 6 if recent => 200_00 + 100_00 * k as i64,
                // Added: nothing before, the threshold in M.
                4 if !recent => continue,
                4 => 400_00 + 800_00 * (1 - k as i64),
                _ => 1500_00 + rng.below(18_500_00) as i64,
            };
            let _ = writeln!(
                line,
                "      {}: {}",
                mon_text(month),
                money(cents, &mut rng)
            );
        }
        out.write_all(line.as_bytes())?;
    }
    writeln!(out, "\npeople:")?;
    for p in 0..20 {
        let cert = [
            "azure-developer-associate",
            "azure-administrator-associate",
            "azure-solutions-architect-expert",
        ][p % 3];
        writeln!(
            out,
            "  - id: person-{p:02}\n    certifications:\n      - cert: {cert}\n        earned: \
             2024-0{}-01",
            1 + p % 9
        )?;
    }
    writeln!(out, "\ndeployments:")?;
    for d in 0..200usize {
        let age = (d % 36) as i32;
        let level = if d % 7 == 0 { 3 } else { [2, 2, 1][d % 3] };
        let service = if age < 12 && level == 2 {
            ["Azure Functions", "App Service"][d % 2].to_string()
        } else {
            format!("Service {}", d % 50)
        };
        writeln!(
            out,
            "  - customer: customer-{:06}\n    service: {service}\n    service_level: {level}\n    \
             month: {}",
            (d * 7919) % customers.max(1),
            mon_text(m - age)
        )?;
    }
    Ok(())
}

fn big_customers(
    rng: &mut Rng,
    m: Mon,
    customers: usize,
    months: i32,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    writeln!(out, "as_of: {}\n\ncustomers:", mon_text(m))?;
    let mut line = String::new();
    for i in 0..customers {
        line.clear();
        let segment = rng.pick(&["smb", "smc", "enterprise"]);
        let codes = codes(&attribution(rng, 90));
        let _ = write!(
            line,
            "  - id: customer-{i:06}\n    segment: {segment}\n    attribution: {codes}\n    acr:\n"
        );
        for k in (0..months).rev() {
            let cents = rng.below(2_000_000) as i64;
            let _ = writeln!(line, "      {}: {}", mon_text(m - k), money(cents, rng));
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

fn big_people(rng: &mut Rng, m: Mon, out: &mut impl std::io::Write) -> std::io::Result<()> {
    writeln!(out, "\npeople:")?;
    for i in 0..50 {
        let c = cert(rng, m);
        writeln!(
            out,
            "  - id: person-{i:02}\n    certifications:\n      - cert: {}\n        earned: {}",
            c.name,
            day_text(c.earned)
        )?;
    }
    Ok(())
}

/// The calendar arithmetic above, checked on known days before anything is generated.
pub fn self_check() -> Result<(), String> {
    for (y, m, d) in [(2024, 2, 29), (2023, 12, 31), (2000, 3, 1), (2024, 7, 31)] {
        if civil_from_days(days_from_civil(y, m, d)) != (y, m, d) {
            return Err(format!("date arithmetic is wrong for {y}-{m}-{d}"));
        }
    }
    for (month, last) in [(mon(2024, 2), "2024-02-29"), (mon(2023, 12), "2023-12-31")] {
        if day_text(last_day(month)) != last {
            return Err(format!("last day of {} is not {last}", mon_text(month)));
        }
    }
    Ok(())
}

/// The Modern Work workloads a tenant of [`modern_work_partner`] reports.
const MW_WORKLOADS: [&str; 5] = [
    "exchange-online",
    "teams",
    "intune",
    "sharepoint-online",
    "m365-copilot",
];

/// A Modern Work partner: `tenants` customers, each with 5 workloads x 24 months (to
/// 2026-10) of paid licences and active users, one line per month mapping. Until a
/// modern-work rulebook ships the file names the default designation with a `path:`,
/// which reads none of the workloads (`PCS.DATA.UNUSED`): scoring it measures loading
/// them.
pub fn modern_work_partner(tenants: usize, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut rng = Rng::new(0x5eed_3365);
    let m = mon(2026, 10);
    writeln!(
        out,
        "# Generated by benches/scale.rs: {tenants} tenants x 5 workloads x 24 months."
    )?;
    writeln!(
        out,
        "as_of: {}
path: smb
customers:",
        mon_text(m)
    )?;
    let months: Vec<String> = (0..24).rev().map(|k| mon_text(m - k)).collect();
    for t in 0..tenants {
        let code = rng.pick(&["CPOR", "CSP", "DPOR", "PAL"]);
        writeln!(
            out,
            "  - id: tenant-{t:06}\n    attribution: [{code}]\n    workloads:"
        )?;
        for w in MW_WORKLOADS {
            let base = 5 + rng.below(600);
            let share = 20 + rng.below(80);
            writeln!(out, "      - workload: {w}")?;
            for (key, scale) in [("paid_licences", 100), ("active_users", share)] {
                let items: Vec<String> = months
                    .iter()
                    .enumerate()
                    .map(|(i, month)| format!("{month}: {}", (base + i as u64) * scale / 100))
                    .collect();
                writeln!(out, "        {key}: {{{}}}", items.join(", "))?;
            }
        }
    }
    Ok(())
}
