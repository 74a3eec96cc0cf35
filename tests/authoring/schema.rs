//! The shipped schema: current, well-formed, and agreeing with every shipped scenario.

use crate::json_schema::validate;
use crate::{pcscore, printed_schema, root, yaml_to_json};
use pcscore::authoring::schema::{DRAFT, SHIPPED_PATH};
use serde_json::Value;
use std::path::{Path, PathBuf};

const REFRESH: &str = "cargo run -- schema > schema/scenario.schema.json";

#[test]
fn the_shipped_schema_is_what_pcscore_schema_prints() {
    let printed = pcscore(root(), &["schema"]);
    assert_eq!(printed.status, 0, "{}", printed.stderr);
    let shipped = std::fs::read(root().join(SHIPPED_PATH))
        .unwrap_or_else(|e| panic!("{SHIPPED_PATH} is missing ({e}); create it with `{REFRESH}`"));
    assert!(
        shipped == printed.stdout.as_bytes(),
        "{SHIPPED_PATH} is stale: the format or the rulebook changed since it was written. \
         Refresh it with\n    {REFRESH}\nand commit it."
    );
}

#[test]
fn the_schema_is_draft_07_closed_and_described_everywhere() {
    let schema = printed_schema();
    assert_eq!(schema["$schema"], DRAFT);
    let mut objects = 0;
    walk(&schema, "", &mut |at, s| {
        let is_object = match &s["type"] {
            Value::String(t) => t == "object",
            Value::Array(ts) => ts.iter().any(|t| t == "object"),
            _ => false,
        };
        if is_object {
            objects += 1;
            assert_eq!(
                s["additionalProperties"],
                Value::Bool(false),
                "{at}: a mapping must be closed"
            );
        }
        if let Some(properties) = s["properties"].as_object() {
            for (key, p) in properties {
                assert!(
                    p["description"].as_str().is_some_and(|d| d.len() > 10),
                    "{at}.{key} has no description"
                );
            }
        }
    });
    // The file, customer, person, certification, deployment, expected, its points and
    // categories, and the `acr` month mapping; a customer's attribution entry,
    // `acr_by_service` and a service's months, a workload, its attribution entry and
    // its four month mappings.
    assert_eq!(objects, 18);
}

/// Calls `visit` on every schema inside `schema`, with where it is.
fn walk(schema: &Value, at: &str, visit: &mut dyn FnMut(&str, &Value)) {
    visit(at, schema);
    if let Some(properties) = schema["properties"].as_object() {
        for (key, s) in properties {
            walk(s, &format!("{at}.{key}"), visit);
        }
    }
    if let Some(patterns) = schema["patternProperties"].as_object() {
        for (key, s) in patterns {
            walk(s, &format!("{at}.{key}"), visit);
        }
    }
    if schema["items"].is_object() {
        walk(&schema["items"], &format!("{at}[]"), visit);
    }
    if let Some(branches) = schema["anyOf"].as_array() {
        for (i, s) in branches.iter().enumerate() {
            walk(s, &format!("{at}|{i}"), visit);
        }
    }
}

/// Every `.yaml` and `.yml` file under `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn every_shipped_scenario_names_the_schema_first_and_is_valid_under_it() {
    let schema = printed_schema();
    let files = yaml_files(&root().join("scenarios"));
    assert!(files.len() >= 50, "only {} scenarios found", files.len());
    for file in &files {
        let relative = file.strip_prefix(root()).expect("under the root");
        let text = std::fs::read_to_string(file).expect("a readable scenario");
        let depth = relative.components().count() - 1;
        let modeline = format!(
            "# yaml-language-server: $schema={}{SHIPPED_PATH}",
            "../".repeat(depth)
        );
        assert_eq!(
            text.lines().next(),
            Some(modeline.as_str()),
            "{}: the first line must name the schema; add this line at the top:\n{modeline}",
            relative.display()
        );
        let problems = validate(&schema, &yaml_to_json(&text));
        assert!(
            problems.is_empty(),
            "{} is invalid under the schema:\n{}",
            relative.display(),
            problems.join("\n")
        );
    }
}

/// A shipped scenario with `line` added after the first line that starts with `after`.
fn with_unknown_field(text: &str, after: &str, line: &str) -> String {
    let at = text
        .find(&format!("\n{after}"))
        .unwrap_or_else(|| panic!("a line starts with `{after}`"));
    let end = at + 1 + text[at + 1..].find('\n').unwrap_or(text.len() - at - 1);
    format!("{}\n{line}{}", &text[..end], &text[end..])
}

#[test]
fn an_unknown_field_is_invalid_under_the_schema_as_it_is_for_the_loader() {
    let schema = printed_schema();
    let file = "scenarios/examples/small-smb-consultancy-attains.yaml";
    let text = std::fs::read_to_string(root().join(file)).expect("a shipped scenario");
    assert!(validate(&schema, &yaml_to_json(&text)).is_empty());
    let cases = [
        ("as_of: 2024-12", "asof: 2024-12", "asof"),
        (
            "  - id: fjord-bakery",
            "    segmnet: smb",
            "customers[0].segmnet",
        ),
        (
            "  - id: sigrid",
            "    asociated: true",
            "people[0].asociated",
        ),
        ("  path: smb", "  totl: 76", "expected.totl"),
        (
            "    deployments: 8",
            "    deployment: 8",
            "expected.points.deployment",
        ),
    ];
    for (after, line, field) in cases {
        let bad = with_unknown_field(&text, after, line);
        let problems = validate(&schema, &yaml_to_json(&bad));
        assert!(
            problems.iter().any(|p| p.contains("an unknown property")),
            "`{line}` must be invalid under the schema; problems: {problems:?}"
        );
        let err = pcscore::load::load_str_for(&bad, file, pcscore::rulebook::Rulebook::builtin())
            .expect_err("the loader refuses it");
        assert_eq!(err.field, field);
        assert!(err.found.starts_with("the unknown field"), "{err}");
    }
}

#[test]
fn values_the_loader_refuses_are_invalid_under_the_schema_too() {
    let schema = printed_schema();
    let base = "name: n\nas_of: 2024-12\n";
    let cases = [
        "as_of: 2024-13",
        "as_of: 2024-1",
        "path: SMB",
        "designation: azure",
        "customers: [{id: c, segment: small, attribution: []}]",
        "customers: [{id: c, segment: smb, attribution: PAL}]",
        "customers: [{id: c, segment: smb}]",
        "customers: [{id: c, segment: smb, attribution: [], acr: {2024-13: 1}}]",
        "customers: [{id: c, segment: smb, attribution: [], acr: {2024-12: -1}}]",
        "customers: [{id: c, segment: smb, attribution: [], acr: {2024-12: \"800.50\"}}]",
        "people: [{id: p, associated: maybe}]",
        "people: [{id: p, certifications: [{cert: AZ-204, earned: 2024-02-30}]}]",
        "people: [{id: p, certifications: [{cert: AZ-204, earned: 2024/02/01}]}]",
        "people: [{id: p, certifications: [{cert: AZ-204}]}]",
        "deployments: [{customer: c, service: s, service_level: 2.5, month: 2024-12}]",
        "tags: [two words]",
        "expected: {}",
        "expected: {total: -1}",
    ];
    for case in cases {
        let text = format!("{base}{case}\n");
        assert!(
            pcscore::load::load_str_for(&text, "case.yaml", pcscore::rulebook::Rulebook::builtin())
                .is_err(),
            "the loader should refuse `{case}`"
        );
        assert!(
            !validate(&schema, &yaml_to_json(&text)).is_empty(),
            "`{case}` should be invalid under the schema"
        );
    }
    let scenario_without_name = "as_of: 2024-12\nexpected: {total: 0}\n";
    assert!(!validate(&schema, &yaml_to_json(scenario_without_name)).is_empty());
}

/// The `if designation ... then` branch of the schema for `designation`, or for
/// `designation` and `edition` where the schema tells its editions apart.
fn card_branch<'s>(schema: &'s Value, designation: &str, edition: &str) -> &'s Value {
    let branches = schema["allOf"].as_array().expect("allOf");
    let names = |b: &Value| {
        let p = &b["if"]["properties"];
        p["designation"]["const"] == designation
            && (p["edition"].is_null() || p["edition"]["const"] == edition)
    };
    branches
        .iter()
        .find(|b| names(b))
        .unwrap_or_else(|| panic!("no branch for {designation} {edition} in {branches:#?}"))
}

/// Issue 7 (5): the schema covers every designation's card: each rulebook's keys are
/// exactly those its branch allows, with its maxima, walked from the registry.
#[test]
fn every_rulebooks_card_keys_are_the_ones_its_branch_allows() {
    let schema = printed_schema();
    let books = pcscore::rulebook::registry::all();
    assert!(books.len() >= 4);
    for book in books {
        let then = &card_branch(&schema, &book.designation, &book.edition)["then"]["properties"]
            ["expected"]["properties"];
        let keys: Vec<&str> = book.subcategories().map(|s| &*s.key).collect();
        assert_eq!(
            then["points"]["propertyNames"]["enum"],
            serde_json::json!(keys),
            "{} {}",
            book.designation,
            book.edition
        );
        for s in book.subcategories() {
            let max: Value = serde_json::from_str(&s.max.to_string()).expect("a number");
            assert_eq!(then["points"]["properties"][&*s.key]["maximum"], max);
        }
        let categories: Vec<&str> = book.categories.iter().map(|c| &*c.key).collect();
        assert_eq!(
            then["categories"]["propertyNames"]["enum"],
            serde_json::json!(categories)
        );
        let number = if book.points_decimals == 0 {
            "integer"
        } else {
            "number"
        };
        assert_eq!(then["total"]["type"], number);
    }
}

/// A shipped scenario of the folder `designation_dir` with `expected.points.KEY` set to
/// `value`.
fn with_points(designation_dir: &str, key: &str, value: Value) -> Value {
    let dir = root().join("scenarios").join(designation_dir);
    let mut scenario = yaml_files(&dir)
        .into_iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .map(|t| yaml_to_json(&t))
        .find(|v| v["expected"]["points"].is_object())
        .unwrap_or_else(|| panic!("a scenario in {} with expected points", dir.display()));
    scenario["expected"]["points"][key] = value;
    scenario
}

/// Issue 7 (5): `data-ai` has no advanced subcategory, and the schema says so as the
/// loader does; Digital & App Innovation has one; Azure points are whole numbers.
#[test]
fn the_schema_refuses_advanced_certifications_for_data_ai_and_fractions_for_azure() {
    let schema = printed_schema();
    let problems = validate(
        &schema,
        &with_points("data-ai", "advanced_certifications", 0.into()),
    );
    assert_eq!(
        problems,
        [
            "expected.points.advanced_certifications: \"advanced_certifications\" is not one of \
          [\"net_customer_adds\",\"intermediate_certifications\",\"usage_growth\",\"deployments\"]"
        ],
    );
    assert!(validate(
        &schema,
        &with_points(
            "digital-app-innovation-2026-05",
            "advanced_certifications",
            0.into()
        )
    )
    .is_empty());
    assert!(!validate(
        &schema,
        &with_points("infrastructure", "advanced_certifications", 2.5.into())
    )
    .is_empty());
    assert!(!validate(
        &schema,
        &with_points("infrastructure", "advanced_certifications", 24.into())
    )
    .is_empty());
}
