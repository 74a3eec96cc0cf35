//! A small JSON Schema (draft-07) validator for the keywords `pcscore schema` writes.
//!
//! A keyword it does not know fails the test rather than being skipped, so the schema
//! cannot grow a rule these tests silently ignore.

use regex::Regex;
use serde_json::{Map, Value};

/// Keywords that only annotate: they never make a value invalid.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
    "patternErrorMessage",
];

/// The problems of `value` under `schema`, each as `path: what`; empty when valid.
pub(crate) fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check(schema, value, "", &mut problems);
    problems
}

fn check(schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = match schema {
        Value::Bool(true) => return,
        Value::Bool(false) => {
            out.push(format!("{at}: no value is allowed here"));
            return;
        }
        Value::Object(o) => o,
        other => panic!("{at}: a schema must be an object or a boolean, not {other}"),
    };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("{at}: `type` must be a string or a list"),
                };
                if !names.iter().any(|t| is_type(value, t)) {
                    out.push(format!("{at}: {value} is not of type {names:?}"));
                }
            }
            "enum" => {
                let options = rule.as_array().expect("`enum` is a list");
                if !options.iter().any(|o| same(o, value)) {
                    out.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "const" => {
                if !same(rule, value) {
                    out.push(format!("{at}: {value} is not {rule}"));
                }
            }
            "pattern" => {
                if let Value::String(s) = value {
                    let re = regex(rule);
                    if !re.is_match(s) {
                        out.push(format!("{at}: `{s}` does not match {rule}"));
                    }
                }
            }
            "format" => {
                assert_eq!(rule, "date", "{at}: only the `date` format is implemented");
                if let Value::String(s) = value {
                    if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() || s.len() != 10 {
                        out.push(format!("{at}: `{s}` is not a date"));
                    }
                }
            }
            "minimum" | "maximum" => {
                if let (Some(n), Some(bound)) = (value.as_f64(), rule.as_f64()) {
                    let bad = if keyword == "minimum" {
                        n < bound
                    } else {
                        n > bound
                    };
                    if bad {
                        out.push(format!("{at}: {value} breaks the {keyword} {rule}"));
                    }
                }
            }
            "minProperties" => {
                if let Value::Object(o) = value {
                    let min = rule.as_u64().expect("`minProperties` is a number");
                    if (o.len() as u64) < min {
                        out.push(format!("{at}: fewer than {min} properties"));
                    }
                }
            }
            "required" => {
                if let Value::Object(o) = value {
                    for key in rule.as_array().expect("`required` is a list") {
                        let key = key.as_str().expect("required keys are strings");
                        if !o.contains_key(key) {
                            out.push(format!("{at}: the required property `{key}` is missing"));
                        }
                    }
                }
            }
            "dependencies" => {
                if let Value::Object(o) = value {
                    for (key, needs) in rule.as_object().expect("`dependencies` is a mapping") {
                        if !o.contains_key(key) {
                            continue;
                        }
                        for need in needs.as_array().expect("only the list form is written") {
                            let need = need.as_str().expect("dependency keys are strings");
                            if !o.contains_key(need) {
                                out.push(format!("{at}: `{key}` needs `{need}`"));
                            }
                        }
                    }
                }
            }
            "propertyNames" => {
                if let Value::Object(o) = value {
                    for key in o.keys() {
                        check(rule, &Value::String(key.clone()), &join(at, key), out);
                    }
                }
            }
            "properties" | "patternProperties" | "additionalProperties" => {
                // Handled together below: which properties are "additional" depends on
                // the other two.
            }
            "items" => {
                if let Value::Array(items) = value {
                    assert!(
                        rule.is_object(),
                        "{at}: only one schema for all items is written"
                    );
                    for (i, item) in items.iter().enumerate() {
                        check(rule, item, &format!("{at}[{i}]"), out);
                    }
                }
            }
            "anyOf" => {
                let branches = rule.as_array().expect("`anyOf` is a list");
                let any = branches.iter().any(|b| {
                    let mut inner = Vec::new();
                    check(b, value, at, &mut inner);
                    inner.is_empty()
                });
                if !any {
                    out.push(format!("{at}: {value} matches none of the `anyOf` schemas"));
                }
            }
            "multipleOf" => {
                if let (Some(n), Some(step)) = (value.as_f64(), rule.as_f64()) {
                    let steps = (n / step).round();
                    if (steps * step - n).abs() > step / 1000.0 {
                        out.push(format!("{at}: {value} is not a multiple of {rule}"));
                    }
                }
            }
            "allOf" => {
                for branch in rule.as_array().expect("`allOf` is a list") {
                    check(branch, value, at, out);
                }
            }
            "if" => {
                let mut inner = Vec::new();
                check(rule, value, at, &mut inner);
                let next = if inner.is_empty() { "then" } else { "else" };
                if let Some(s) = schema.get(next) {
                    check(s, value, at, out);
                }
            }
            "then" | "else" => {
                // Applied by `if`; alone they mean nothing (draft-07).
            }
            "not" => {
                let mut inner = Vec::new();
                check(rule, value, at, &mut inner);
                if inner.is_empty() {
                    out.push(format!("{at}: {value} matches a schema it must not match"));
                }
            }
            other => panic!("{at}: the test validator does not implement `{other}`"),
        }
    }
    if let Value::Object(o) = value {
        properties(schema, o, at, out);
    }
}

fn properties(
    schema: &Map<String, Value>,
    o: &Map<String, Value>,
    at: &str,
    out: &mut Vec<String>,
) {
    let named = schema.get("properties").and_then(Value::as_object);
    let patterns: Vec<(Regex, &Value)> = schema
        .get("patternProperties")
        .and_then(Value::as_object)
        .map(|p| {
            p.iter()
                .map(|(k, v)| (regex(&Value::String(k.clone())), v))
                .collect()
        })
        .unwrap_or_default();
    for (key, item) in o {
        let path = join(at, key);
        let mut matched = false;
        if let Some(s) = named.and_then(|n| n.get(key)) {
            matched = true;
            check(s, item, &path, out);
        }
        for (re, s) in &patterns {
            if re.is_match(key) {
                matched = true;
                check(s, item, &path, out);
            }
        }
        if !matched {
            match schema.get("additionalProperties") {
                None | Some(Value::Bool(true)) => {}
                Some(Value::Bool(false)) => out.push(format!("{path}: an unknown property")),
                Some(s) => check(s, item, &path, out),
            }
        }
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn regex(rule: &Value) -> Regex {
    let source = rule.as_str().expect("a pattern is a string");
    // ECMA-262's `\d` is ASCII only; the schema avoids it so that Rust's Unicode-aware
    // classes mean the same.
    assert!(!source.contains(r"\d"), "write [0-9], not \\d: {source}");
    Regex::new(source).unwrap_or_else(|e| panic!("bad pattern {source}: {e}"))
}

fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "array" => value.is_array(),
        "object" => value.is_object(),
        other => panic!("unknown type `{other}`"),
    }
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::validate;
    use serde_json::json;

    #[test]
    fn the_validator_catches_what_it_claims_to() {
        let schema = json!({
            "type": "object",
            "properties": {
                "m": {"type": "string", "pattern": "^[0-9]{4}$"},
                "n": {"type": "integer", "minimum": 0, "maximum": 3},
                "e": {"enum": ["a", "b"]},
                "d": {"type": "string", "format": "date"},
                "l": {"type": ["array", "null"], "items": {"anyOf": [{"const": "x"}, {"type": "number"}]}},
                "f": {"type": "number", "multipleOf": 0.01},
                "g": {"type": "number"},
                "h": {"type": "integer"},
                "o": {"type": "object", "minProperties": 1, "propertyNames": {"pattern": "^k"},
                      "patternProperties": {"^k[0-9]$": {"type": "number"}},
                      "additionalProperties": false}
            },
            "required": ["m"],
            "dependencies": {"e": ["n"]},
            "allOf": [
                {"if": {"properties": {"g": {"const": 3}}, "required": ["g"]},
                 "then": {"properties": {"h": {"const": 2}}},
                 "else": {"properties": {"g": {"type": "integer"}}}},
                {"properties": {"h": {"not": {"const": 0}}}}
            ],
            "additionalProperties": false
        });
        assert!(validate(&schema, &json!({"m": "2024", "l": null, "n": 3.0})).is_empty());
        assert!(validate(&schema, &json!({"m": "2024", "f": 1.25, "g": 3, "h": 2})).is_empty());
        assert!(validate(&schema, &json!({"m": "2024", "f": 0.29, "g": 2})).is_empty());
        let bad = [
            json!({}),
            json!({"m": "24"}),
            json!({"m": 2024}),
            json!({"m": "2024", "n": 4}),
            json!({"m": "2024", "n": 1.5}),
            json!({"m": "2024", "n": -1}),
            json!({"m": "2024", "e": "c", "n": 1}),
            json!({"m": "2024", "e": "a"}),
            json!({"m": "2024", "d": "2024-02-30"}),
            json!({"m": "2024", "l": ["y"]}),
            json!({"m": "2024", "o": {}}),
            json!({"m": "2024", "o": {"k1": "x"}}),
            json!({"m": "2024", "o": {"k10": 1}}),
            json!({"m": "2024", "o": {"j1": 1}}),
            json!({"m": "2024", "zz": 1}),
            json!({"m": "2024", "f": 1.255}),
            json!({"m": "2024", "g": 1.5}),
            json!({"m": "2024", "g": 3, "h": 1}),
            json!({"m": "2024", "h": 0, "n": 1}),
        ];
        for value in bad {
            assert!(
                !validate(&schema, &value).is_empty(),
                "{value} should be invalid"
            );
        }
    }
}
