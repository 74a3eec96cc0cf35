//! One customer: its attribution entries, its month mappings (`acr`, `acr_by_service`,
//! a workload's `revenue`, `usage`, `paid_licences` and `active_users`) and its
//! workloads.
//!
//! Month mappings are most of a partner file, so each entry that is a month and a
//! value as it should be is taken without writing out the field path that only a
//! message would show; anything else goes through the checks that explain it.

use super::format::{self, Need, Object};
use super::tree::{self, join, Node, Value};
use super::{plain_month, suggest, ErrorKind, Fields, LoadError, Reader, Result, Seen};
use crate::model::{
    Attribution, Customer, Money, MoneyError, Month, MonthMap, Position, Segment, Workload,
};
use crate::rulebook::registry::{known_workloads, WorkloadInfo};
use std::collections::BTreeMap;

/// What a message says a list of attribution codes holds.
const CODES: &str = "association types such as `PAL`, `DPOR` or `CSP`";
/// What a message says one code is.
const CODE: &str = "an association type such as `PAL`, `DPOR` or `CSP`";

/// What a mapping of months holds, for reading each value and for the messages.
#[derive(Clone, Copy)]
enum Monthly {
    /// USD amounts; the word names what cannot be negative (`ACR`, `revenue`).
    Usd(&'static str),
    /// Exact quantities in a rate card's unit (`usage`).
    Quantity,
}

impl Monthly {
    /// What the mapping holds, after "a mapping of months to".
    fn values(self) -> &'static str {
        match self {
            Monthly::Usd(_) => "USD amounts, such as `2024-12: 1200`",
            Monthly::Quantity => "quantities, such as `2024-12: 12`",
        }
    }

    /// One value as it should be written.
    fn what(self) -> &'static str {
        match self {
            Monthly::Usd(_) => {
                "an amount in USD written as a plain number, such as `1200` or `800.50`"
            }
            Monthly::Quantity => "a quantity written as a plain number, such as `12` or `0.5`",
        }
    }

    /// One value without thousands separators.
    fn unseparated(self) -> &'static str {
        match self {
            Monthly::Usd(_) => "an amount without thousands separators, such as `1200` or `800.50`",
            Monthly::Quantity => "a quantity without thousands separators, such as `1200` or `0.5`",
        }
    }
}

impl Reader<'_> {
    /// The item `i` of `customers`; `seen` holds the ids before it, with their lines.
    pub(super) fn customer(&self, i: usize, item: &Node, seen: &mut Seen<'_>) -> Result<Customer> {
        let path = format!("customers[{i}]");
        let f = self.fields(item, &path, &format::CUSTOMER)?;
        let id_node = self.required(&f, "id")?;
        let id = self.text(id_node, &f.path("id"), "the customer's unique id")?;
        self.unique_id((seen, i), &id, id_node, &f.path("id"), "customers")?;
        // Optional in the format: whether it is needed depends on the rulebook's path
        // rule and on `path:`, known only once the whole file is read.
        let segment = match f.value("segment") {
            None => {
                let mut missing = self.segment_missing.borrow_mut();
                if missing.is_none() {
                    // Most files never quote it (a `path:`, or a path not derived from
                    // segments): read line by line, its line is found afterwards, not
                    // by reading the whole file again (see `streamed::read_file`).
                    let source_line = self.text.nth_if_kept(item.line.saturating_sub(1));
                    let position = Position {
                        line: item.line,
                        column: item.col,
                        source_line: source_line.unwrap_or_default().to_string(),
                    };
                    *missing = Some((id.clone(), position));
                }
                None
            }
            Some(seg_node) => {
                let seg_text =
                    self.text(seg_node, &f.path("segment"), "`smb`, `smc` or `enterprise`")?;
                Some(Segment::parse(&seg_text).ok_or_else(|| {
                    self.wrong(seg_node, &f.path("segment"), "`smb`, `smc` or `enterprise`")
                })?)
            }
        };
        let attribution = self.attribution(&f)?.unwrap_or_default();
        let acr = match f.get("acr") {
            None => BTreeMap::new(),
            Some(n) => self.amounts(n, (&f.path, "acr"), Monthly::Usd("ACR"))?,
        };
        let acr_by_service = match f.get("acr_by_service") {
            None => Vec::new(),
            Some(n) => self.services(n, &f.path("acr_by_service"))?,
        };
        let workloads = match f.get("workloads") {
            None => Vec::new(),
            Some(n) => self.workloads(n, &f.path("workloads"))?,
        };
        Ok(Customer {
            id,
            segment,
            attribution,
            acr,
            acr_by_service,
            workloads,
        })
    }

    /// A customer's or a workload's `attribution` (`PCS.ATTR.SINCE`): codes and
    /// `{type, since}` entries, required as the format says. `None` when optional and
    /// not written.
    fn attribution(&self, f: &Fields<'_>) -> Result<Option<Vec<Attribution>>> {
        const ENTRIES: &str = "association types such as `PAL`, `DPOR` or `CSP`, or entries \
                               such as `{type: CPOR, since: 2026-03}`";
        let Some((need, entry)) = f.declared("attribution").and_then(|a| match a.kind {
            format::Kind::Attribution(entry) => Some((a.need, entry)),
            _ => None,
        }) else {
            return Ok(None);
        };
        let written = f.value("attribution");
        if written.is_none() && need == Need::Optional {
            return Ok(None);
        }
        let field = f.path("attribution");
        let list = match written {
            None => return Err(self.required(f, "attribution").unwrap_err()),
            Some(n) if n.is_null() => {
                return Err(self.wrong(n, &field, format!("a list of {ENTRIES}, or `[]` for none")))
            }
            Some(n) => self.seq(n, &field, ENTRIES)?,
        };
        let mut out = Vec::with_capacity(list.len().min(format::MAX_ATTRIBUTION));
        for (i, n) in list.iter().enumerate() {
            // The tree keeps one item past the limit, and none after it.
            if i == format::MAX_ATTRIBUTION {
                return Err(self.error(
                    n,
                    &format!("{field}[{i}]"),
                    format!("a list of more than {i} entries"),
                    format!(
                        "at most {i} attribution entries (each type once, or once per `since`)"
                    ),
                ));
            }
            let at = format!("{field}[{i}]");
            let entry = match &n.value {
                // Only month mappings are read whole: never an entry.
                Value::Map(_) | Value::Months(_) => self.attribution_entry(n, &at, entry)?,
                Value::Scalar { .. } => Attribution::code(self.code(n, &at)?),
                Value::Seq(_) => {
                    return Err(self.wrong(
                        n,
                        &at,
                        format!("{CODE}, or a mapping such as `{{type: CPOR, since: 2026-03}}`"),
                    ))
                }
            };
            out.push(entry);
        }
        Ok(Some(out))
    }

    /// One code: text without spaces.
    fn code(&self, n: &Node, field: &str) -> Result<String> {
        let code = self.text(n, field, CODE)?;
        if code.trim().contains(char::is_whitespace) {
            return Err(self.wrong(
                n,
                field,
                format!("{CODE}, without spaces (separate the items with `,`)"),
            ));
        }
        Ok(code)
    }

    /// `{type: CPOR, since: 2026-03}`.
    fn attribution_entry(
        &self,
        n: &Node,
        field: &str,
        entry: &'static Object,
    ) -> Result<Attribution> {
        let e = self.fields(n, field, entry)?;
        let type_node = self.required(&e, "type")?;
        let code = self.code(type_node, &e.path("type"))?;
        let since = e
            .value("since")
            .map(|s| self.month(s, &e.path("since")))
            .transpose()?;
        Ok(Attribution { code, since })
    }

    /// A deployment's `attribution`: codes only, at most one of each type.
    pub(super) fn deployment_codes(&self, f: &Fields<'_>) -> Result<Option<Vec<String>>> {
        const MOST: &str = "at most 8 association types, one of each: `PAL`, `DPOR`, `CSP`, \
                            `CPOR`, `CPOR-OSA`, `CPOR-REVREC`, `CPOR-REVREC-PERF` or `CPOR-OSU`";
        let field = f.path("attribution");
        match f.value("attribution") {
            None => Ok(None),
            Some(n) if n.is_null() => {
                Err(self.wrong(n, &field, format!("a list of {CODES}, or `[]` for none")))
            }
            Some(n) => {
                let list = self.seq(n, &field, CODES)?;
                // A deployment's own attribution is judged at M with no `since`
                // (docs/scenario-format.md): say so rather than "an association type".
                let first_map = list.iter().position(|i| matches!(i.value, Value::Map(_)));
                if let Some(j) = first_map.filter(|j| *j < format::MAX_CODES) {
                    self.words(&list[..j], &field, (CODES, CODE), (format::MAX_CODES, MOST))?;
                    return Err(self.wrong(
                        &list[j],
                        &format!("{field}[{j}]"),
                        format!(
                            "{CODE}: a deployment's own attribution takes codes only, \
                             without `since` (it is judged at M)"
                        ),
                    ));
                }
                self.words(list, &field, (CODES, CODE), (format::MAX_CODES, MOST))
                    .map(Some)
            }
        }
    }

    /// `acr_by_service`: service names, as written and in file order, to month amounts.
    fn services(&self, node: &Node, field: &str) -> Result<Vec<(String, BTreeMap<Month, Money>)>> {
        const WHAT: &str = "a mapping of Azure service names to months and USD amounts, such as \
                            `Sentinel: {2026-10: 900}`";
        let Value::Map(entries) = &node.value else {
            return Err(self.wrong(node, field, WHAT));
        };
        let mut out = Vec::with_capacity(entries.len());
        for (key, months) in entries {
            let name_text = match &key.value {
                Value::Scalar { text, .. } => text.as_str(),
                _ => "",
            };
            let at = join(field, name_text);
            let name = self.text(key, &at, "an Azure service's name")?;
            let months = if months.is_null() {
                BTreeMap::new()
            } else {
                self.amounts(months, (field, name_text), Monthly::Usd("ACR"))?
            };
            out.push((name, months));
        }
        Ok(out)
    }

    /// `workloads`: each a known slug, once per customer.
    fn workloads(&self, node: &Node, field: &str) -> Result<Vec<Workload>> {
        let items = self.seq(node, field, "workloads (each with `workload`)")?;
        let mut out: Vec<Workload> = Vec::with_capacity(items.len());
        let mut lines: Vec<usize> = Vec::with_capacity(items.len());
        for (j, item) in items.iter().enumerate() {
            let path = format!("{field}[{j}]");
            let f = self.fields(item, &path, &format::WORKLOAD)?;
            let slug_node = self.required(&f, "workload")?;
            let slug = self.workload_slug(slug_node, &f.path("workload"))?;
            if let Some(k) = out.iter().position(|w| w.workload == slug) {
                return Err(self
                    .error(
                        slug_node,
                        &f.path("workload"),
                        format!(
                            "the workload `{slug}` a second time (first at line {})",
                            lines[k]
                        ),
                        "each workload once per customer (its figures in one entry)",
                    )
                    .with_kind(ErrorKind::Duplicate));
            }
            lines.push(slug_node.line);
            let monthly = |key: &str, kind: Monthly| -> Result<MonthMap<Money>> {
                match f.get(key) {
                    None => Ok(MonthMap::new()),
                    Some(n) => self.amounts(n, (&f.path, key), kind),
                }
            };
            let counted = |key: &str| -> Result<MonthMap<u64>> {
                match f.get(key) {
                    None => Ok(MonthMap::new()),
                    Some(n) => self.counts(n, (&f.path, key)),
                }
            };
            out.push(Workload {
                attribution: self.attribution(&f)?,
                revenue: monthly("revenue", Monthly::Usd("revenue"))?,
                usage: monthly("usage", Monthly::Quantity)?,
                paid_licences: counted("paid_licences")?,
                active_users: counted("active_users")?,
                workload: slug,
            });
        }
        Ok(out)
    }

    /// A workload slug some rulebook reads; an unknown one is refused with the near
    /// miss named (`PCS.DATA.UNUSED`).
    fn workload_slug(&self, node: &Node, field: &str) -> Result<String> {
        const WHAT: &str = "a workload slug such as `teams` or `business-central`";
        let slug = self.text(node, field, WHAT)?;
        if crate::rulebook::registry::is_known_workload(&slug) {
            return Ok(slug);
        }
        let hint = near_workload(&slug)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_else(|| " (docs/scenario-format.md lists them)".into());
        Err(self.error(
            node,
            field,
            format!("the unknown workload `{slug}`"),
            format!("a workload slug of the rulebooks' lists, such as `teams` or `business-central`{hint}"),
        ))
    }

    /// A mapping of months to amounts or quantities; `field` is the mapping's path as
    /// its parent's and its key, joined only for a message.
    fn amounts<C: FromIterator<(Month, Money)>>(
        &self,
        node: &Node,
        field: (&str, &str),
        kind: Monthly,
    ) -> Result<C> {
        self.months(
            node,
            field,
            kind.values(),
            kind.unseparated(),
            |text, _| Money::parse(text).ok(),
            |n, at| self.amount(n, at, kind),
        )
    }

    /// A mapping of months to whole numbers.
    fn counts(&self, node: &Node, field: (&str, &str)) -> Result<MonthMap<u64>> {
        self.months(
            node,
            field,
            "whole numbers, such as `2024-12: 250`",
            "a whole number without thousands separators, such as `1200`",
            |text, digits| match digits {
                Some(n) => (n <= format::MAX_COUNT).then_some(n),
                None => plain_count(text),
            },
            |n, at| self.count(n, at),
        )
    }

    /// A mapping of months to values: `plain` takes the text of a plain, non-empty
    /// value as it should be (with its number, when it is known to be 1 to 10 digits),
    /// `read` explains any other value.
    fn months<T, C: FromIterator<(Month, T)>>(
        &self,
        node: &Node,
        (parent, key): (&str, &str),
        values: &str,
        unseparated: &str,
        plain: impl Fn(&str, Option<u64>) -> Option<T>,
        read: impl Fn(&Node, &str) -> Result<T>,
    ) -> Result<C> {
        let plain_value = |n: &Node| match &n.value {
            Value::Scalar { text, plain: true } if !n.is_null() => plain(text, None),
            _ => None,
        };
        let expanded;
        let entries = match &node.value {
            Value::Map(entries) => entries,
            Value::Months(row) => {
                // Keys already read as months, in order, none twice (see `Value::Months`).
                let mut taken = Vec::with_capacity(row.len());
                for (month, _, _, text, digits) in row.iter() {
                    match plain(text, digits).filter(|_| !null(text)) {
                        Some(v) => taken.push((month, v)),
                        None => break,
                    }
                }
                if taken.len() == row.len() {
                    return Ok(taken.into_iter().collect());
                }
                // A value not as it should be: explained as in any mapping.
                expanded = tree::expand(node.line, row);
                &expanded
            }
            _ => {
                let field = join(parent, key);
                return Err(self.wrong(node, &field, format!("a mapping of months to {values}")));
            }
        };
        // Collected first and sorted once: inserting month by month cost a tenth of
        // loading. Months are distinct, as the tree refuses a key written twice.
        let mut out = Vec::with_capacity(entries.len());
        let mut previous: Option<(&str, &Node)> = None;
        for (key_node, value) in entries {
            let key_text = match &key_node.value {
                Value::Scalar { text, .. } => text.as_str(),
                _ => "",
            };
            if let (Some(month), Some(v)) = (plain_month(key_node), plain_value(value)) {
                out.push((month, v));
                previous = Some((key_text, value));
                continue;
            }
            let field = join(parent, key);
            let at = join(&field, key_text);
            let month = self.month(key_node, &at).map_err(|e| {
                previous
                    .and_then(|(k, v)| self.comma_in_amount(&field, k, v, key_node, unseparated))
                    .unwrap_or(e)
            })?;
            out.push((month, read(value, &at)?));
            previous = Some((key_text, value));
        }
        Ok(out.into_iter().collect())
    }

    /// An amount or a quantity, exact, not negative.
    fn amount(&self, node: &Node, field: &str, kind: Monthly) -> Result<Money> {
        let what = kind.what();
        let text = match &node.value {
            Value::Scalar { text, plain: true } if !node.is_null() => text,
            Value::Scalar { plain: false, .. } => {
                return Err(self.wrong(node, field, format!("{what}, without quotes")))
            }
            _ => return Err(self.wrong(node, field, what)),
        };
        Money::parse(text).map_err(|e| {
            let expected = match (e, kind) {
                (MoneyError::NotANumber, _) if text.contains(',') => kind.unseparated().into(),
                (MoneyError::NotANumber, _) => what.to_string(),
                (MoneyError::Negative, Monthly::Usd(subject)) => {
                    format!("an amount of zero or more ({subject} cannot be negative)")
                }
                (MoneyError::Negative, Monthly::Quantity) => {
                    "a quantity of zero or more (usage cannot be negative)".into()
                }
                (MoneyError::TooLarge, Monthly::Usd(_)) => format!(
                    "an amount below USD 1,000,000,000,000,000 (at most {} whole digits)",
                    Money::MAX_WHOLE_DIGITS
                ),
                (MoneyError::TooLarge, Monthly::Quantity) => format!(
                    "a quantity below 1,000,000,000,000,000 (at most {} whole digits)",
                    Money::MAX_WHOLE_DIGITS
                ),
                (MoneyError::TooPrecise, _) => {
                    format!("at most {} decimal places", Money::MAX_DECIMAL_PLACES)
                }
            };
            self.wrong(node, field, expected)
        })
    }

    /// A whole number of licences or users: digits only.
    fn count(&self, node: &Node, field: &str) -> Result<u64> {
        const WHAT: &str = "a whole number of zero or more, such as `250` (licences and users \
                            are counted whole)";
        let text = match &node.value {
            Value::Scalar { text, plain: true } if !node.is_null() => text,
            Value::Scalar { plain: false, .. } => {
                return Err(self.wrong(node, field, format!("{WHAT}, without quotes")))
            }
            _ => return Err(self.wrong(node, field, WHAT)),
        };
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            let expected = if text.contains(',') {
                "a whole number without thousands separators, such as `1200`"
            } else {
                WHAT
            };
            return Err(self.wrong(node, field, expected));
        }
        plain_count(text).ok_or_else(|| {
            self.wrong(
                node,
                field,
                format!("a whole number of at most {}", format::MAX_COUNT),
            )
        })
    }

    /// `{2024-12: 1,200}` reads as `2024-12: 1` and a key `200`: when the key that is not
    /// a month is digits right after `amount,`, blame the thousands separator instead.
    fn comma_in_amount(
        &self,
        map: &str,
        month: &str,
        amount: &Node,
        key: &Node,
        expected: &str,
    ) -> Option<LoadError> {
        let (
            Value::Scalar {
                text: whole,
                plain: true,
            },
            Value::Scalar {
                text: rest,
                plain: true,
            },
        ) = (&amount.value, &key.value)
        else {
            return None;
        };
        let line = self.text.nth(key.line.checked_sub(1)?)?;
        let between: String = line
            .chars()
            .skip(amount.col - 1 + whole.chars().count())
            .take(key.col.checked_sub(amount.col + whole.chars().count())?)
            .collect();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        (amount.line == key.line && between.trim() == "," && digits(whole) && digits(rest)).then(
            || {
                self.error(
                    amount,
                    &join(map, month),
                    format!("`{whole},{rest}`, whose `,` ends the entry inside `{{...}}`"),
                    expected,
                )
            },
        )
    }
}

/// Whether a plain scalar's text reads as null (`Node::is_null`).
fn null(text: &str) -> bool {
    // A figure starts with a digit: most texts are told apart by their first byte.
    matches!(text.as_bytes().first(), None | Some(b'~' | b'n' | b'N'))
        && matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// A count as [`Reader::count`] reads it, when it is one.
fn plain_count(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // At most 10 digits: no overflow.
    let n = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    (n <= format::MAX_COUNT).then_some(n)
}

/// The known workload a misspelt slug stands for: the same words in another case or
/// spacing, a Partner Center name (`Microsoft Teams`, `Yammer`), or a close spelling.
pub(crate) fn near_workload(written: &str) -> Option<&'static str> {
    let wanted = squeezed(written);
    let known: &'static [WorkloadInfo] = known_workloads();
    if !wanted.is_empty() {
        let named = known
            .iter()
            .find(|w| squeezed(&w.slug) == wanted || w.names.iter().any(|n| squeezed(n) == wanted));
        if let Some(w) = named {
            return Some(w.slug.as_str());
        }
        // `sharepoint` for `sharepoint-online`: the start of one slug only.
        let mut starting = known
            .iter()
            .filter(|w| squeezed(&w.slug).starts_with(&wanted));
        if let (Some(w), None, true) = (starting.next(), starting.next(), wanted.len() >= 4) {
            return Some(w.slug.as_str());
        }
    }
    let slugs: Vec<&'static str> = known.iter().map(|w| w.slug.as_str()).collect();
    suggest(written.trim(), &slugs)
}

/// Lower case letters and digits only, without a leading "microsoft"
/// (`IMPORT.WORKLOADS`'s comparison of Partner Center names).
fn squeezed(name: &str) -> String {
    let s: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    match s.strip_prefix("microsoft") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::near_workload;
    use crate::load::fast::tests::Rng;
    use crate::load::{load_str, ErrorKind};
    use crate::model::{Attribution, Money, Month};

    const FILE: &str = "as_of: 2026-10
customers:
  - id: contoso
    attribution: [CSP, {type: CPOR, since: 2026-03}]
    acr_by_service:
      Sentinel: {2025-10: 500, 2026-10: 900}
      \" sentinel \": {2026-10: 1.5}
      Key Vault:
    workloads:
      - workload: teams
        paid_licences: {2025-10: 250, 2026-10: 400}
        active_users:
          2026-10: 300
          2025-10: 100
      - workload: business-central
        attribution:
          - DPOR
          - type: CPOR-OSU
            since: 2025-11
        revenue: {2025-10: 6000, 2026-10: 6200.25}
        usage: {2026-10: 12.5}
      - workload: intune
        attribution: []
";

    fn month(text: &str) -> Month {
        Month::parse(text).expect("a month")
    }

    #[test]
    fn attribution_entries_workloads_and_services_reach_the_model() {
        let doc = load_str(FILE, "f.yaml").expect("loads");
        let c = &doc.situation.customers[0];
        assert_eq!(
            c.attribution,
            [
                Attribution::code("CSP"),
                Attribution {
                    code: "CPOR".into(),
                    since: Some(month("2026-03"))
                }
            ]
        );
        // Names as written, in file order; the engine matches and sums them.
        let names: Vec<&str> = c.acr_by_service.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Sentinel", " sentinel ", "Key Vault"]);
        assert_eq!(
            c.acr_by_service[0].1[&month("2026-10")],
            Money::parse("900").unwrap()
        );
        assert!(c.acr_by_service[2].1.is_empty());
        let [teams, central, intune] = &c.workloads[..] else {
            panic!("three workloads: {:?}", c.workloads);
        };
        assert_eq!(teams.workload, "teams");
        assert_eq!(teams.attribution, None);
        assert_eq!(teams.paid_licences_in(month("2026-10")), 400);
        assert_eq!(teams.active_users_in(month("2025-10")), 100);
        assert_eq!(teams.active_users_in(month("2025-11")), 0);
        let own = central.attribution.as_deref().expect("its own");
        assert_eq!(own[1].since, Some(month("2025-11")));
        assert_eq!(
            central.revenue_in(month("2026-10")),
            Money::parse("6200.25").unwrap()
        );
        assert_eq!(
            central.usage_in(month("2026-10")),
            Money::parse("12.5").unwrap()
        );
        assert_eq!(intune.attribution.as_deref(), Some(&[][..]));
    }

    #[test]
    fn a_code_may_be_written_again_with_another_since() {
        let text = "as_of: 2026-10\ncustomers:\n  - id: c\n    attribution: [CPOR, CPOR, \
                    {type: CPOR, since: 2026-01}, {type: CPOR, since: 2025-01}]\n";
        let doc = load_str(text, "f.yaml").expect("loads");
        assert_eq!(doc.situation.customers[0].attribution.len(), 4);
    }

    #[test]
    fn counts_are_whole_and_bounded() {
        let with = |v: &str| {
            let text = format!(
                "as_of: 2026-10\ncustomers:\n  - id: c\n    attribution: []\n    workloads:\n      \
                 - workload: teams\n        paid_licences: {{2026-10: {v}}}\n"
            );
            load_str(&text, "f.yaml")
        };
        let count = |v: &str| {
            with(v)
                .map(|d| d.situation.customers[0].workloads[0].paid_licences_in(month("2026-10")))
        };
        assert_eq!(count("0"), Ok(0));
        assert_eq!(count("007"), Ok(7));
        assert_eq!(count("9999999999"), Ok(9_999_999_999));
        for bad in [
            "10000000000",
            "12.5",
            "-1",
            "1e3",
            "+3",
            "0x10",
            "\"3\"",
            "3.0",
            "~",
        ] {
            let e = with(bad).expect_err(bad);
            assert_eq!(e.kind, ErrorKind::BadValue, "{bad}: {e}");
            assert_eq!(
                e.field, "customers[0].workloads[0].paid_licences.2026-10",
                "{bad}"
            );
        }
    }

    /// A month mapping on one line as partner files write them; `odd`, with one thing
    /// the loader refuses or reads only entry by entry.
    fn flow_months(rng: &mut Rng, odd: bool) -> String {
        const VALUES: &[&str] = &[
            "12",
            "0",
            "007",
            "250",
            "9999999999",
            "10000000000",
            "12345678901",
            "12.5",
            "6000.50",
            "-1",
            "+3",
            "1e3",
            "0x10",
            "~",
            "null",
            "Null",
            "3.0",
            "1.",
            ".5",
            "1_000",
            "a",
            "12/3",
            "00000000012",
            "0000000012",
            "99999999999999999999999",
        ];
        const ROWS: &[&str] = &[
            "{2024-01:5}",
            "{2024-01: 5,}",
            "{2024-01: 5 , 2024-02 : 6}",
            "{ }",
            "{}",
            "{2024-01: 1,200}",
            "{2024-01: 1, 200}",
            "{2024-1: 5}",
            "{2024-13: 5}",
            "{24-01: 5}",
            "{2024-01-01: 5}",
            "{2024-01: 5} # note",
            "{2024-01: 5} x",
            "{2024-01: [5]}",
            "{2024-01: {a: 5}}",
            "{2024-01: \"5\"}",
            "{2024-01: 5",
            "{2024-01: 5, 2024-01: 6}",
            "{2024-02: 5, 2024-01: 6}",
            "{é: 5}",
            "{2024-01: 5}   ",
            "{2024-01: 5, 2024-01: 6, 2024-03: 1}",
        ];
        if odd && rng.below(3) == 0 {
            return ROWS[rng.below(ROWS.len())].to_string();
        }
        let n = 1 + rng.below(26);
        let start = rng.below(30) as u32;
        let base = Month::new(2023, 1).expect("a month");
        let mut items: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{}: {}",
                    base.months_after(start + i as u32),
                    rng.below(100_000)
                )
            })
            .collect();
        if odd {
            let i = rng.below(n);
            let m = base.months_after(start + i as u32);
            items[i] = match rng.below(4) {
                0 => format!("{}: 1", base.months_after(start)),
                1 => format!("{m}:  {}", rng.below(10)),
                _ => format!("{m}: {}", VALUES[rng.below(VALUES.len())]),
            };
        }
        let sep = if odd && rng.below(8) == 0 {
            " ,  "
        } else {
            ", "
        };
        format!("{{{}}}", items.join(sep))
    }

    /// A partner whose month mappings are written on one line, the `odd`th of them (if
    /// there is one) with one thing odd.
    fn flow_partner(rng: &mut Rng, odd: usize) -> String {
        let mut out = String::from("as_of: 2024-12\npath: smb\ncustomers:\n");
        let mut row = 0;
        let mut months = |rng: &mut Rng| {
            row += 1;
            flow_months(rng, row == odd)
        };
        for i in 0..1 + rng.below(3) {
            out.push_str(&format!("  - id: c{i}\n    attribution: [PAL]\n"));
            if rng.below(3) == 0 {
                out.push_str(&format!("    acr: {}\n", months(rng)));
            }
            if rng.below(4) == 0 {
                out.push_str(&format!(
                    "    acr_by_service:\n      Sentinel: {}\n",
                    months(rng)
                ));
            }
            out.push_str("    workloads:\n");
            for slug in ["teams", "intune", "business-central"] {
                out.push_str(&format!("      - workload: {slug}\n"));
                for key in ["paid_licences", "active_users", "revenue", "usage"] {
                    if rng.below(3) != 0 {
                        out.push_str(&format!("        {key}: {}\n", months(rng)));
                    }
                }
            }
        }
        out
    }

    /// Taking a month mapping whole loads what taking it entry by entry loads, error
    /// for error (the same message, line and column), on clean and damaged files.
    #[test]
    fn month_mappings_taken_whole_load_as_entry_by_entry() {
        use crate::load::fast::tests::{
            cases, mutate, seed, Rng, WHOLE_MONTHS, WHOLE_MONTHS_TAKEN,
        };
        let mut rng = Rng(seed(0x3a0c_7d2e_5b19_e6f1));
        let (mut loaded, mut refused) = (0, 0);
        WHOLE_MONTHS_TAKEN.set(0);
        for n in 0..cases() / 2 {
            // One mapping in most files is odd (the first, most often, so that it is
            // the one reported); now and then any character is changed too.
            let odd = match rng.below(4) {
                0 => 0,
                1 => 1 + rng.below(30),
                _ => 1,
            };
            let mut text = flow_partner(&mut rng, odd);
            if n % 7 == 6 {
                text = mutate(&mut rng, &text);
            }
            let whole = load_str(&text, "f.yaml");
            WHOLE_MONTHS.set(false);
            let by_entry = load_str(&text, "f.yaml");
            WHOLE_MONTHS.set(true);
            assert_eq!(whole, by_entry, "for:\n{text}");
            if whole.is_ok() {
                loaded += 1;
            } else {
                refused += 1;
            }
        }
        let taken = WHOLE_MONTHS_TAKEN.get();
        assert!(
            loaded * 10 > cases() / 2 && refused * 10 > cases() / 2 && taken > cases(),
            "{loaded} loaded, {refused} refused, {taken} mappings taken whole"
        );
    }

    /// Whole or not, a month mapping read from a file gives its figures in order, and a
    /// long one (over a chunk of the fast reader's) too.
    #[test]
    fn a_long_month_mapping_reads_whole_or_entry_by_entry_alike() {
        use crate::load::fast::tests::WHOLE_MONTHS;
        let base = Month::new(1900, 1).expect("a month");
        let items: Vec<String> = (0..1500)
            .map(|i| format!("{}: {i}", base.months_after(i)))
            .collect();
        let text = format!(
            "as_of: 2026-10\npath: smb\ncustomers:\n  - id: c\n    attribution: []\n    \
             workloads:\n      - workload: teams\n        paid_licences: {{{}}}\n",
            items.join(", ")
        );
        let whole = load_str(&text, "f.yaml").expect("loads");
        WHOLE_MONTHS.set(false);
        let by_entry = load_str(&text, "f.yaml");
        WHOLE_MONTHS.set(true);
        assert_eq!(Ok(&whole), by_entry.as_ref());
        let licences = &whole.situation.customers[0].workloads[0].paid_licences;
        assert_eq!(licences.len(), 1500);
        assert_eq!(licences.get(&base.months_after(1499)), Some(&1499));
    }

    #[test]
    fn a_misspelt_workload_names_the_slug_it_stands_for() {
        assert_eq!(near_workload("Teams"), Some("teams"));
        assert_eq!(near_workload("Microsoft Teams"), Some("teams"));
        assert_eq!(near_workload("exchange online"), Some("exchange-online"));
        assert_eq!(near_workload("Yammer"), Some("viva-engage"));
        assert_eq!(near_workload("Microsoft 365 Copilot"), Some("m365-copilot"));
        assert_eq!(near_workload("busines-central"), Some("business-central"));
        assert_eq!(near_workload("sharepoint"), Some("sharepoint-online"));
        assert_eq!(near_workload("spreadsheets"), None);
    }
}
