//! The scenario format as data: every mapping a file may hold, its fields, which are
//! required, what kind of value each takes, and a sentence on each for editors.
//!
//! This table is the one description of the format's shape. The loader takes its key
//! lists (unknown fields, "did you mean"), its required fields (with the words of the
//! "found no `id`" message) and what an empty value means from here, and
//! `pcscore schema` renders the JSON Schema editors use from the same table, so the two
//! cannot drift: a key the loader reads must be declared here (debug builds, and so
//! every test, panic otherwise), and `tests/authoring.rs` builds files from this table
//! and checks that the loader and the schema both treat each field as declared.
//!
//! The format holds no rule number: `expected.points` and `expected.categories` take
//! the rulebook's keys ([`Kind::Scores`], checked by [`crate::load::check_expected`]),
//! and a sentence that names a cap, the attainment bar, a window or an eligible code is
//! written from the rulebook ([`Words::Rules`]) when the schema is rendered.
//!
//! What a table cannot say stays in the loader and in `docs/scenario-format.md`:
//! unique ids, a deployment's customer being listed, `expires` not before `earned`,
//! dates that exist, and the exact spelling of money.

use crate::model::{Designation, PathKind, Segment};
use crate::rulebook::{Rule, Rulebook};
use std::borrow::Cow;

/// The key whose presence makes a file a scenario, and [`Need::Scenario`] fields required.
pub const SCENARIO_KEY: &str = "expected";

/// A YAML mapping of the format: a scenario file, a customer, a person, ...
#[derive(Debug)]
pub struct Object {
    /// Where it sits, as in error messages: `customers[]`, `expected.points`; empty for
    /// the file itself.
    pub path: &'static str,
    /// What it is, in a sentence: the schema's description of the file and of each
    /// list item (a mapping under a key, such as `expected`, is described by its key).
    pub description: &'static str,
    /// Its fields, in the order documented and written.
    pub fields: &'static [Field],
    /// Whether it must hold at least one field (an empty `expected:` checks nothing).
    pub non_empty: bool,
}

/// One field of a mapping.
#[derive(Debug)]
pub struct Field {
    /// The key, such as `as_of`.
    pub name: &'static str,
    /// Whether it must be written.
    pub need: Need,
    /// The value it takes.
    pub kind: Kind,
    /// What it means, in a sentence (shown by editors on hover).
    pub description: Words,
}

/// A field's sentence: fixed, or written from the rulebook's numbers, which live in the
/// rulebook and nowhere else.
#[derive(Clone, Copy, Debug)]
pub enum Words {
    /// The same whatever the rules.
    Fixed(&'static str),
    /// Written from the rulebook.
    Rules(fn(&Rulebook) -> String),
}

impl Words {
    /// The sentence under a rulebook.
    pub fn text(&self, book: &Rulebook) -> Cow<'static, str> {
        match self {
            Words::Fixed(text) => Cow::Borrowed(text),
            Words::Rules(write) => Cow::Owned(write(book)),
        }
    }
}

/// Whether a field must be written; a required one carries what the error message
/// says is expected when it is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Always required.
    Required(&'static str),
    /// Required when the file is a scenario (has `expected:`).
    Scenario(&'static str),
    /// May be left out.
    Optional,
}

/// The value a field takes.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Text on one line or a block (`>`); a number is read as its digits.
    Text,
    /// A list of words without spaces; `known` are offered by editors, any word is read.
    Labels(Known),
    /// A list of association codes such as `PAL` (`[]` for none); any code is read.
    Codes,
    /// A list of attribution entries (`[]` for none): each a code such as `PAL`, or a
    /// mapping of the given shape (`{type: CPOR, since: 2026-03}`, `PCS.ATTR.SINCE`).
    Attribution(&'static Object),
    /// One association code such as `CPOR`; any code is read.
    Code,
    /// A certification: a slug or an exam code the rulebook knows, or any other name.
    Certification,
    /// One of a fixed set of words.
    Choice(Choice),
    /// A month, `YYYY-MM`.
    Month,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A non-negative amount in USD, written as a plain decimal number.
    Money,
    /// A whole number (digits only).
    WholeNumber,
    /// `true` or `false`.
    Boolean,
    /// A mapping of months (`YYYY-MM`) to amounts in USD.
    MonthlyAmounts,
    /// A mapping of months to non-negative exact quantities (a rate card's unit).
    MonthlyQuantities,
    /// A mapping of months to whole numbers (licences, users).
    MonthlyCounts,
    /// A mapping of Azure service names to mappings of months to amounts in USD.
    ServiceAmounts,
    /// A list of mappings of the given shape.
    List(&'static Object),
    /// A mapping of the given shape.
    Object(&'static Object),
    /// A mapping of the rulebook's score card keys to points: its keys are not the
    /// format's but the rulebook's, so they are checked once the rulebook is known.
    Scores(Scores),
}

/// Which keys of the score card a [`Kind::Scores`] mapping takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scores {
    /// The rulebook's subcategories: `expected.points`.
    Subcategories,
    /// The rulebook's categories: `expected.categories`.
    Categories,
}

/// The most codes a deployment's `attribution` list holds: one of each association type
/// the format lists (`PAL`, `DPOR`, `CSP`, `CPOR`, `CPOR-OSA`, `CPOR-REVREC`,
/// `CPOR-REVREC-PERF`, `CPOR-OSU`).
pub const MAX_CODES: usize = 8;

/// The most entries a customer's or a workload's `attribution` list holds: with
/// `since`, one type may have several entries (`PCS.ATTR.SINCE` takes the earliest of a
/// type group), so four for each of the eight types; few enough that a list of millions
/// is refused before it is built.
pub const MAX_ATTRIBUTION: usize = 32;

/// The largest whole number a month of `paid_licences` or `active_users` holds: below
/// ten billion, more than any tenant has, so that sums over any accepted file stay far
/// inside 64 bits.
pub const MAX_COUNT: u64 = 9_999_999_999;

/// The most tags, or clause ids, a file lists: more than any scenario needs (the
/// catalogue has a few dozen clauses), few enough that a list of millions is refused
/// before it is built.
pub const MAX_LABELS: usize = 100;

impl Kind {
    /// The most items a list of words of this kind holds; `None` for other kinds.
    pub fn max_items(self) -> Option<usize> {
        match self {
            Kind::Codes => Some(MAX_CODES),
            Kind::Attribution(_) => Some(MAX_ATTRIBUTION),
            Kind::Labels(_) => Some(MAX_LABELS),
            _ => None,
        }
    }

    /// Whether `key:` with nothing after it means "none": true for lists and month
    /// mappings (`customers:` alone is no customers). Any other empty value is refused:
    /// `total:` alone would otherwise check nothing in silence, and `attribution` says
    /// "none" with `[]`.
    pub fn empty_means_none(self) -> bool {
        matches!(
            self,
            Kind::Labels(_)
                | Kind::List(_)
                | Kind::MonthlyAmounts
                | Kind::MonthlyQuantities
                | Kind::MonthlyCounts
                | Kind::ServiceAmounts
        )
    }
}

/// Values an editor can offer for a field that accepts any word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// Nothing to offer (tags are the analyst's own words).
    Nothing,
    /// The clause ids of the rulebook's catalogue.
    Clauses,
}

/// A closed set of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A designation slug.
    Designation,
    /// `smb` or `enterprise`.
    Path,
    /// A customer segment.
    Segment,
    /// A workload slug some rulebook of some edition reads (`PCS.DATA.UNUSED`).
    Workload,
}

impl Choice {
    /// The words accepted, in the order messages list them.
    pub fn words(self) -> Vec<&'static str> {
        match self {
            Choice::Designation => Designation::ALL.iter().map(|(_, s)| *s).collect(),
            Choice::Path => [PathKind::Smb, PathKind::Enterprise]
                .map(PathKind::as_str)
                .to_vec(),
            Choice::Segment => [Segment::Smb, Segment::Smc, Segment::Enterprise]
                .map(Segment::as_str)
                .to_vec(),
            Choice::Workload => crate::rulebook::registry::known_workloads()
                .iter()
                .map(|w| w.slug.as_str())
                .collect(),
        }
    }
}

impl Object {
    /// The field named `name`, if this mapping has one.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The keys, in order.
    pub fn keys(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

const fn field(name: &'static str, need: Need, kind: Kind, description: &'static str) -> Field {
    Field {
        name,
        need,
        kind,
        description: Words::Fixed(description),
    }
}

/// A field whose sentence names the rulebook's numbers.
const fn ruled(
    name: &'static str,
    need: Need,
    kind: Kind,
    words: fn(&Rulebook) -> String,
) -> Field {
    Field {
        name,
        need,
        kind,
        description: Words::Rules(words),
    }
}

/// `` `PAL`, `DPOR` and `CSP` ``.
fn ticked_and(items: &[String]) -> String {
    let ticked: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match ticked.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The service levels the rulebook's deployments rules count, such as `` `2` ``.
fn service_levels(book: &Rulebook) -> String {
    let levels: Vec<String> = book
        .subcategories()
        .filter_map(|s| match &s.rule {
            Rule::Deployments(d) => Some(d.service_level.to_string()),
            _ => None,
        })
        .collect();
    ticked_and(&levels)
}

use Need::{Optional, Required, Scenario};

/// A partner file or scenario: the whole file.
pub static DOCUMENT: Object = Object {
    path: "",
    description: "A pcscore partner file: one partner's situation at one measurement month. \
                  With an `expected:` block it is a scenario that `pcscore check` verifies.",
    non_empty: false,
    fields: &[
        field(
            "name",
            Scenario("a scenario with `expected:` needs a name"),
            Kind::Text,
            "The scenario's name, a sentence shown in every report; unique among the files \
             of one check run. Required when the file has `expected:`.",
        ),
        field(
            "description",
            Optional,
            Kind::Text,
            "Free text: why the numbers are what they are. Block scalars (`>` or `|`) are fine.",
        ),
        field(
            "clauses",
            Optional,
            Kind::Labels(Known::Clauses),
            "The clause ids of the guide readings this scenario pins down (docs/rules.md); \
             `pcscore coverage` counts them.",
        ),
        field(
            "tags",
            Optional,
            Kind::Labels(Known::Nothing),
            "Words without spaces for selecting scenarios: `pcscore check --tag WORD`.",
        ),
        field(
            "designation",
            Optional,
            Kind::Choice(Choice::Designation),
            "The designation to score (default `digital-app-innovation`); a designation \
             without rules in the chosen edition is refused when scored.",
        ),
        field(
            "as_of",
            Required("the measurement month, YYYY-MM"),
            Kind::Month,
            "The measurement month M (the guide's \"last month\"), YYYY-MM; every window is \
             counted from it.",
        ),
        field(
            "edition",
            Optional,
            Kind::Month,
            "The edition of the rules to score with, YYYY-MM (`2025-01` or `2026-05`); \
             without it, the edition in force for `as_of` is used.",
        ),
        field(
            "path",
            Optional,
            Kind::Choice(Choice::Path),
            "`smb` or `enterprise`: overrides the path derived from the data.",
        ),
        field(
            "customers",
            Optional,
            Kind::List(&CUSTOMER),
            "The partner's customers, each with its monthly Azure consumed revenue.",
        ),
        field(
            "people",
            Optional,
            Kind::List(&PERSON),
            "The certified professionals, one entry per person.",
        ),
        field(
            "deployments",
            Optional,
            Kind::List(&DEPLOYMENT),
            "The deployed services, one entry per service deployed for a customer.",
        ),
        field(
            "expected",
            Optional,
            Kind::Object(&EXPECTED),
            "The score card this scenario expects, in the shape `pcscore score --format yaml` \
             prints; only the keys written are checked, and at least one must be.",
        ),
    ],
};

/// `customers[]`: one customer.
pub static CUSTOMER: Object = Object {
    path: "customers[]",
    description: "A customer of the partner.",
    non_empty: false,
    fields: &[
        field(
            "id",
            Required("the customer's unique id"),
            Kind::Text,
            "The customer's id, unique among the customers; deployments refer to it.",
        ),
        field(
            "segment",
            Optional,
            Kind::Choice(Choice::Segment),
            "The customer's market segment (`smb`, `smc` or `enterprise`), used to derive \
             the path: required only when the file has no `path:` and the designation \
             derives its path from segments.",
        ),
        ruled(
            "attribution",
            Required("a list of association types such as `[PAL]`, or `[]`"),
            Kind::Attribution(&CUSTOMER_ATTRIBUTION),
            |book| {
                format!(
                    "The customer's association types, such as `[PAL]`; {} (upper case) are \
                     eligible, anything else is not. An entry `{{type: CPOR, since: \
                     2026-03}}` is in force from that month on. `[]` for none.",
                    ticked_and(&book.attribution.eligible)
                )
            },
        ),
        field(
            "acr",
            Optional,
            Kind::MonthlyAmounts,
            "Azure consumed revenue in USD per month (`2024-12: 1200`); a month not listed \
             is USD 0.",
        ),
        field(
            "acr_by_service",
            Optional,
            Kind::ServiceAmounts,
            "Azure consumed revenue in USD per Azure service per month \
             (`Sentinel: {2026-10: 900}`), read by Security's Azure side; independent of \
             `acr`. Service names are compared ignoring case and surrounding spaces.",
        ),
        field(
            "workloads",
            Optional,
            Kind::List(&WORKLOAD),
            "The workloads of the customer's tenant (Business Applications, Modern Work, \
             Security), each slug once.",
        ),
    ],
};

/// The fields of an attribution entry written as a mapping.
const ATTRIBUTION_FIELDS: &[Field] = &[
    field(
        "type",
        Required("an association type such as `CPOR`"),
        Kind::Code,
        "The association type: `PAL`, `DPOR`, `CSP`, `CPOR`, `CPOR-OSA`, `CPOR-REVREC`, \
         `CPOR-REVREC-PERF` or `CPOR-OSU`.",
    ),
    field(
        "since",
        Optional,
        Kind::Month,
        "The first month the association is in force, YYYY-MM; without it, every month.",
    ),
];

/// `customers[].attribution[]` written as a mapping: a type and the month it is in
/// force from.
pub static CUSTOMER_ATTRIBUTION: Object = Object {
    path: "customers[].attribution[]",
    description: "An association type and the first month it is in force.",
    non_empty: false,
    fields: ATTRIBUTION_FIELDS,
};

/// `customers[].workloads[].attribution[]` written as a mapping.
pub static WORKLOAD_ATTRIBUTION: Object = Object {
    path: "customers[].workloads[].attribution[]",
    description: "An association type and the first month it is in force.",
    non_empty: false,
    fields: ATTRIBUTION_FIELDS,
};

/// `customers[].workloads[]`: one workload of a customer's tenant.
pub static WORKLOAD: Object = Object {
    path: "customers[].workloads[]",
    description: "One workload of the customer's tenant and its monthly figures.",
    non_empty: false,
    fields: &[
        field(
            "workload",
            Required("a workload slug such as `teams` or `business-central`"),
            Kind::Choice(Choice::Workload),
            "The workload's slug, such as `teams` or `business-central`; each once per \
             customer. A workload a designation does not read is accepted and counts nothing.",
        ),
        field(
            "attribution",
            Optional,
            Kind::Attribution(&WORKLOAD_ATTRIBUTION),
            "The pair's own association types (Business Applications); when present they \
             replace the customer's, and `[]` means none.",
        ),
        field(
            "revenue",
            Optional,
            Kind::MonthlyAmounts,
            "Revenue in USD per month (`2026-10: 6200`), exact; a month not listed is USD 0.",
        ),
        field(
            "usage",
            Optional,
            Kind::MonthlyQuantities,
            "Usage in the rate card's unit per month (`2026-10: 12`), exact; a month not \
             listed is 0.",
        ),
        field(
            "paid_licences",
            Optional,
            Kind::MonthlyCounts,
            "Paid licences per month, whole numbers (`2026-10: 400`); a month not listed is 0.",
        ),
        field(
            "active_users",
            Optional,
            Kind::MonthlyCounts,
            "Active users per month, whole numbers (`2026-10: 300`); a month not listed is 0.",
        ),
    ],
};

/// `people[]`: one certified professional.
pub static PERSON: Object = Object {
    path: "people[]",
    description: "A certified professional.",
    non_empty: false,
    fields: &[
        field(
            "id",
            Required("the person's unique id"),
            Kind::Text,
            "The person's id, unique among the people.",
        ),
        field(
            "associated",
            Optional,
            Kind::Boolean,
            "Whether the person is associated to the partner's Partner Center account \
             (default `true`); unassociated people earn nothing.",
        ),
        field(
            "certifications",
            Optional,
            Kind::List(&CERTIFICATION),
            "The certifications the person holds or held.",
        ),
    ],
};

/// `people[].certifications[]`: one certification held by a person.
pub static CERTIFICATION: Object = Object {
    path: "people[].certifications[]",
    description: "A certification held by a person.",
    non_empty: false,
    fields: &[
        field(
            "cert",
            Required(
                "a certification slug such as `azure-developer-associate` or its exam code \
                 such as `AZ-204`",
            ),
            Kind::Certification,
            "The certification: a slug such as `azure-developer-associate` or its exam code \
             such as `AZ-204`. Other certifications may be listed and score nothing.",
        ),
        field(
            "earned",
            Required("the day it was earned, YYYY-MM-DD"),
            Kind::Date,
            "The day it was earned, YYYY-MM-DD.",
        ),
        field(
            "expires",
            Optional,
            Kind::Date,
            "The day it expires, YYYY-MM-DD, not before `earned`; it is active when not \
             expired by the last day of M.",
        ),
    ],
};

/// `deployments[]`: one deployed service.
pub static DEPLOYMENT: Object = Object {
    path: "deployments[]",
    description: "A service deployed for a customer.",
    non_empty: false,
    fields: &[
        field(
            "customer",
            Required("the id of a listed customer"),
            Kind::Text,
            "The `id` of a customer listed under `customers`.",
        ),
        field(
            "service",
            Required("the Azure service's name"),
            Kind::Text,
            "The Azure service's name; names are compared ignoring case and surrounding spaces.",
        ),
        ruled(
            "service_level",
            Required("the service level, such as `2`"),
            Kind::WholeNumber,
            |book| {
                format!(
                    "The service level; only {} is eligible.",
                    service_levels(book)
                )
            },
        ),
        ruled(
            "month",
            Required("the month deployed, YYYY-MM"),
            Kind::Month,
            |book| {
                let ttm = &book.windows.ttm;
                format!(
                    "The month of the deployment, YYYY-MM; it counts within the {} ({}).",
                    ttm.title,
                    ttm.span("to")
                )
            },
        ),
        field(
            "attribution",
            Optional,
            Kind::Codes,
            "The deployment's own association types; when present they replace the \
             customer's, and `[]` means none (not eligible).",
        ),
    ],
};

/// `expected`: the score card a scenario expects.
pub static EXPECTED: Object = Object {
    path: "expected",
    description: "The expected score card, in the shape `pcscore score --format yaml` \
                  prints. Every key is optional, but at least one must be written.",
    non_empty: true,
    fields: &[
        field(
            "path",
            Optional,
            Kind::Choice(Choice::Path),
            "The path the partner is scored on: `smb` or `enterprise`.",
        ),
        field(
            "points",
            Optional,
            Kind::Scores(Scores::Subcategories),
            "Points per subcategory.",
        ),
        field(
            "categories",
            Optional,
            Kind::Scores(Scores::Categories),
            "Points per category.",
        ),
        ruled("total", Optional, Kind::WholeNumber, |book| {
            format!("The partner capability score, 0 to {}.", book.max_total())
        }),
        ruled("attained", Optional, Kind::Boolean, |book| {
            let a = &book.attainment;
            format!(
                "Whether the designation is attained: at least {} points and at least {} in \
                 every subcategory.",
                a.min_total, a.min_points_per_subcategory
            )
        }),
    ],
};

/// Every mapping of the format, the file first, each before the ones inside it.
pub fn objects() -> Vec<&'static Object> {
    let mut out = vec![&DOCUMENT];
    let mut i = 0;
    while i < out.len() {
        for f in out[i].fields {
            if let Kind::List(o) | Kind::Object(o) | Kind::Attribution(o) = f.kind {
                out.push(o);
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_object_is_reached_once_and_keys_are_unique() {
        let all = objects();
        assert_eq!(all.len(), 9);
        for (i, o) in all.iter().enumerate() {
            assert!(
                !all[..i].iter().any(|p| std::ptr::eq(*p, *o)),
                "`{}` is reached twice",
                o.path
            );
            let mut keys = o.keys();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), o.fields.len(), "duplicate key in `{}`", o.path);
        }
    }

    #[test]
    fn the_scenario_key_holds_the_expected_score_card() {
        let field = DOCUMENT.field(SCENARIO_KEY).expect("declared");
        assert!(matches!(field.kind, Kind::Object(o) if std::ptr::eq(o, &EXPECTED)));
    }

    #[test]
    fn choices_are_what_the_model_parses() {
        for word in Choice::Segment.words() {
            assert!(Segment::parse(word).is_some(), "{word}");
        }
        for word in Choice::Path.words() {
            assert!(PathKind::parse(word).is_some(), "{word}");
        }
        for word in Choice::Designation.words() {
            assert!(Designation::from_slug(word).is_some(), "{word}");
        }
        for word in Choice::Workload.words() {
            assert!(crate::rulebook::registry::is_known_workload(word), "{word}");
        }
        assert_eq!(Choice::Designation.words().len(), Designation::ALL.len());
    }

    /// Fails to compile when a segment or a path is added and `Choice::words` is not
    /// told: these matches are exhaustive over the lists `words` writes out.
    #[allow(dead_code)]
    fn choices_are_exhaustive(s: Segment, p: PathKind) {
        match s {
            Segment::Smb | Segment::Smc | Segment::Enterprise => {}
        }
        match p {
            PathKind::Smb | PathKind::Enterprise => {}
        }
    }
}
