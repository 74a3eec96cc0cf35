//! The loader and the schema agree with the format table field by field.
//!
//! A file with every field of every mapping is written from the table
//! (`pcscore::load::format`); then each field in turn is left out, written empty,
//! given a value of the wrong shape, and each mapping gets a key it does not have. The
//! table says what must happen; the loader and the schema must both do it. So a field
//! the table declares but the loader ignores, a required field the loader lets pass, or
//! a schema rule out of step with either fails here, naming the field.

use crate::json_schema::validate;
use crate::{printed_schema, yaml_to_json};
use pcscore::load::format::Scores;
use pcscore::load::format::{self, Field, Kind, Need, Object};
use pcscore::load::{load_str_for, LoadError};
use pcscore::rulebook::Rulebook;

/// What every command reads a file with: the loader, then the rulebook's keys.
#[allow(clippy::result_large_err)]
fn load_str(text: &str, file: &str) -> Result<pcscore::model::Document, LoadError> {
    load_str_for(text, file, Rulebook::builtin())
}
use serde_json::Value;

/// One change to the full sample file.
#[derive(Clone, Copy, Debug)]
enum Change {
    None,
    /// Leave the field out.
    Omit(&'static str, &'static str),
    /// Write the field with this value instead.
    Set(&'static str, &'static str, &'static str),
    /// Add a key the mapping does not have.
    Unknown(&'static str),
    /// Write the mapping without any field: `{}`.
    Empty(&'static str),
}

/// A value of the wrong shape for every kind: a mapping with a key no mapping has.
const WRONG: &str = "{zz_not_a_field: 1}";

/// A valid value of each kind, written as YAML on one line.
fn sample(kind: Kind) -> String {
    match kind {
        Kind::Text => "sample".into(),
        Kind::Labels(_) => "[sample]".into(),
        Kind::Codes => "[PAL]".into(),
        Kind::Code => "CPOR".into(),
        Kind::Certification => "AZ-204".into(),
        Kind::Choice(choice) => choice.words()[0].into(),
        Kind::Month => "2024-12".into(),
        Kind::Date => "2024-01-15".into(),
        Kind::Money => "1200.50".into(),
        Kind::WholeNumber => "2".into(),
        Kind::Boolean => "true".into(),
        Kind::MonthlyAmounts => "{2024-11: 1200, 2024-12: 800.50}".into(),
        Kind::MonthlyQuantities => "{2024-11: 12, 2024-12: 0.5}".into(),
        Kind::MonthlyCounts => "{2024-11: 250, 2024-12: 300}".into(),
        Kind::ServiceAmounts => "{Sentinel: {2024-11: 500, 2024-12: 900.25}}".into(),
        Kind::Scores(scores) => {
            let book = Rulebook::builtin();
            let key = match scores {
                Scores::Subcategories => book.subcategories().next().map(|s| &s.key),
                Scores::Categories => book.categories.first().map(|c| &c.key),
            };
            format!("{{{}: 2}}", key.expect("the rulebook has keys"))
        }
        Kind::List(_) | Kind::Object(_) | Kind::Attribution(_) => {
            unreachable!("written as blocks")
        }
    }
}

/// The mapping `o` as YAML lines at `indent`, with `change` applied.
fn write(o: &'static Object, indent: usize, change: Change, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    let fields = match change {
        Change::Empty(path) if path == o.path => &[],
        _ => o.fields,
    };
    for f in fields {
        let value = match change {
            Change::Omit(path, name) if path == o.path && name == f.name => continue,
            // `deployments[].customer` must name a listed customer: without customers,
            // the deployments go too.
            Change::Omit("", "customers") | Change::Set("", "customers", _)
                if o.path.is_empty() && f.name == "deployments" =>
            {
                continue
            }
            Change::Set(path, name, value) if path == o.path && name == f.name => {
                Some(value.to_string())
            }
            _ => None,
        };
        match (value, f.kind) {
            (Some(v), _) => out.push(format!("{pad}{}: {v}", f.name).trim_end().to_string()),
            // An attribution list is written with one entry of the mapping form.
            (None, Kind::List(item) | Kind::Attribution(item)) => {
                out.push(format!("{pad}{}:", f.name));
                let start = out.len();
                write(item, indent + 4, change, out);
                match out.get_mut(start) {
                    // The item's first field goes on the `- ` line.
                    Some(first) => first.replace_range(indent..indent + 4, "  - "),
                    None => out.push(format!("{pad}  - {{}}")),
                }
            }
            (None, Kind::Object(inner)) => {
                out.push(format!("{pad}{}:", f.name));
                let start = out.len();
                write(inner, indent + 2, change, out);
                if out.len() == start {
                    // Every field was left out: the mapping is written empty.
                    out.last_mut().expect("the key").push_str(" {}");
                }
            }
            (None, kind) => out.push(format!("{pad}{}: {}", f.name, sample(kind))),
        }
    }
    if let Change::Unknown(path) = change {
        if path == o.path {
            out.push(format!("{pad}zz_not_a_field: 1"));
        }
    }
}

fn file(change: Change) -> String {
    let mut lines = Vec::new();
    write(&format::DOCUMENT, 0, change, &mut lines);
    lines.join("\n") + "\n"
}

/// `customers[]` becomes `customers[0]`: where the loader's errors point.
fn instance(path: &str, key: &str) -> String {
    let at = path.replace("[]", "[0]");
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

struct Verdicts {
    loader: Result<(), LoadError>,
    schema: Vec<String>,
}

fn judge(text: &str, schema: &Value) -> Verdicts {
    Verdicts {
        loader: load_str(text, "sample.yaml").map(|_| ()),
        schema: validate(schema, &yaml_to_json(text)),
    }
}

/// Both accept, or both refuse; a refusal by the loader must be about `field`.
fn agree(text: &str, schema: &Value, accepted: bool, field: &str, what: &str) {
    let v = judge(text, schema);
    match (&v.loader, accepted) {
        (Ok(()), true) => {}
        (Err(e), false) => assert!(
            e.field.starts_with(field),
            "{what}: the loader refused it for `{}` instead of `{field}`: {e}\n{text}",
            e.field
        ),
        (Ok(()), false) => panic!("{what}: the loader accepted it\n{text}"),
        (Err(e), true) => panic!("{what}: the loader refused it: {e}\n{text}"),
    }
    assert_eq!(
        v.schema.is_empty(),
        accepted,
        "{what}: the schema {} it: {:?}\n{text}",
        if accepted { "refused" } else { "accepted" },
        v.schema
    );
}

fn every_field() -> Vec<(&'static Object, &'static Field)> {
    format::objects()
        .into_iter()
        .flat_map(|o| o.fields.iter().map(move |f| (o, f)))
        .collect()
}

#[test]
fn the_full_sample_is_accepted_by_both() {
    let schema = printed_schema();
    let text = file(Change::None);
    agree(&text, &schema, true, "", "the full sample");
    assert!(text.contains("\nexpected:\n  path:"), "{text}");
}

#[test]
fn a_field_left_out_is_refused_exactly_when_the_table_requires_it() {
    let schema = printed_schema();
    for (o, f) in every_field() {
        let text = file(Change::Omit(o.path, f.name));
        let what = format!("without `{}`", instance(o.path, f.name));
        let required = f.need != Need::Optional;
        agree(&text, &schema, !required, &instance(o.path, f.name), &what);
        if required {
            let err = load_str(&text, "sample.yaml").expect_err("refused");
            assert_eq!(err.found, format!("no `{}`", f.name), "{what}");
        }
    }
}

#[test]
fn a_field_written_empty_means_none_exactly_for_lists_and_month_mappings() {
    let schema = printed_schema();
    for (o, f) in every_field() {
        let text = file(Change::Set(o.path, f.name, ""));
        let what = format!("`{}` written empty", instance(o.path, f.name));
        let accepted = f.kind.empty_means_none() && matches!(f.need, Need::Optional);
        agree(&text, &schema, accepted, &instance(o.path, f.name), &what);
    }
}

#[test]
fn every_declared_field_is_read_a_value_of_the_wrong_shape_is_refused() {
    let schema = printed_schema();
    for (o, f) in every_field() {
        let text = file(Change::Set(o.path, f.name, WRONG));
        let what = format!("`{}` given a mapping", instance(o.path, f.name));
        agree(&text, &schema, false, &instance(o.path, f.name), &what);
    }
}

#[test]
fn every_mapping_refuses_a_key_it_does_not_have() {
    let schema = printed_schema();
    for o in format::objects() {
        let text = file(Change::Unknown(o.path));
        let field = instance(o.path, "zz_not_a_field");
        agree(&text, &schema, false, &field, &format!("`{field}`"));
        let err = load_str(&text, "sample.yaml").expect_err("refused");
        assert_eq!(err.found, "the unknown field `zz_not_a_field`");
    }
}

#[test]
fn a_mapping_written_empty_is_refused_when_the_table_says_so() {
    let schema = printed_schema();
    for o in format::objects().into_iter().filter(|o| !o.path.is_empty()) {
        let text = file(Change::Empty(o.path));
        let must_refuse = o.non_empty || o.fields.iter().any(|f| f.need != Need::Optional);
        let at = o.path.replace("[]", "[0]");
        agree(
            &text,
            &schema,
            !must_refuse,
            &at,
            &format!("`{at}` written `{{}}`"),
        );
    }
}
