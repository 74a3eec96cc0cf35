//! The corpus of malformed files in `tests/data/bad/`, one defect each, named after it.
//!
//! Each file is refused by `score`, `explain` and `check` alike: exit code 2, no panic,
//! no hang, no score, nothing written, and one message naming the file, the line and
//! column (where the file has a position), the field path (where there is one), what was
//! found and what was expected. The table pins that first line exactly, so a change to
//! any message is a deliberate one.

use crate::{data, Test};
use std::fmt::Write as _;
use std::time::Duration;

/// One malformed file and the first line of the message it must produce.
struct Bad {
    file: &'static str,
    at: Option<(usize, usize)>,
    field: &'static str,
    found: &'static str,
    expected: &'static str,
}

impl Bad {
    /// `file:line:col: field: found ..., expected ...`, as the table spells it out.
    fn message(&self) -> String {
        let mut m = String::from(self.file);
        if let Some((line, col)) = self.at {
            let _ = write!(m, ":{line}:{col}");
        }
        m.push_str(": ");
        if !self.field.is_empty() {
            m.push_str(self.field);
            m.push_str(": ");
        }
        let _ = write!(m, "found {}, expected {}", self.found, self.expected);
        m
    }

    /// Runs `score`, `explain` and `check` on the file and checks every promise.
    fn assert_refused(&self) {
        let contents = data(&format!("bad/{}", self.file));
        let first_line = format!("error: {}\n", self.message());
        let score = Test::new()
            .file(self.file, &contents)
            .args(&["score", self.file])
            .stderr_contains(first_line.clone())
            .status(2)
            .stdout("")
            .run();
        assert!(
            score.stderr.starts_with(&first_line),
            "{}: the message must come first and alone on its line:\n{}",
            self.file,
            score.stderr
        );
        let lines: Vec<&str> = score.stderr.lines().collect();
        match self.at {
            // The source line is shown under the message, with a caret at the column.
            Some((line, col)) => {
                let gutter = line.to_string().len();
                assert_eq!(lines.len(), 4, "{}: {}", self.file, score.stderr);
                assert!(
                    lines[2].starts_with(&format!("{line} | ")),
                    "{}: {}",
                    self.file,
                    score.stderr
                );
                assert_eq!(
                    lines[3].find('^'),
                    Some(gutter + 3 + col - 1),
                    "{}: the caret is not at column {col}:\n{}",
                    self.file,
                    score.stderr
                );
            }
            None => assert_eq!(lines.len(), 1, "{}: {}", self.file, score.stderr),
        }
        for format in ["yaml", "json"] {
            Test::new()
                .file(self.file, &contents)
                .args(&["score", self.file, "--format", format])
                .stderr(score.stderr.clone())
                .status(2)
                .stdout("")
                .run();
        }
        Test::new()
            .file(self.file, &contents)
            .args(&["explain", self.file])
            .stderr(score.stderr.clone())
            .status(2)
            .stdout("")
            .run();
        // `check` reports the same message, indented under the file, and goes on.
        let message = score
            .stderr
            .strip_prefix("error: ")
            .unwrap_or(&score.stderr);
        let mut report = format!("ERROR {}\n", self.file);
        for line in message.lines() {
            let _ = writeln!(report, "      {line}");
        }
        report.push_str("1 file could not be checked (exit code 2)\n0 passed, 1 failed\n");
        Test::new()
            .file(self.file, &contents)
            .args(&["check", self.file])
            .stdout(report)
            .status(2)
            .run();
    }
}

/// One test per file: `name: "file.yaml", at (line, col) | whole file, field "...",
/// found "...", expected "...";`.
macro_rules! corpus {
    ($($name:ident: $file:literal, $(at ($line:expr, $col:expr))? $(whole file)?,
        field $field:literal, found $found:literal, expected $expected:literal;)*) => {
        /// Every file of the corpus, as listed in the table.
        const CORPUS: &[&str] = &[$($file),*];
        $(
            #[test]
            fn $name() {
                Bad {
                    file: $file,
                    at: None $(.or(Some(($line, $col))))?,
                    field: $field,
                    found: $found,
                    expected: $expected,
                }
                .assert_refused();
            }
        )*
    };
}

corpus! {
    alias_bomb: "alias-bomb.yaml", at (4, 5),
        field "tags[0]",
        found "an anchor (`&name`)",
        expected "plain values: anchors, aliases and tags are not supported in scenario files";
    as_of_in_year_one: "as-of-in-year-one.yaml", at (2, 8),
        field "as_of",
        found "`0001-12`",
        expected "a month from 0002-01 to 9999-12 (the windows reach 13 months back)";
    as_of_in_year_zero: "as-of-in-year-zero.yaml", at (2, 8),
        field "as_of",
        found "`0000-01`",
        expected "a month from 0002-01 to 9999-12 (the windows reach 13 months back)";
    associated_yes: "associated-yes.yaml", at (5, 17),
        field "people[0].associated",
        found "`yes`",
        expected "`true` or `false`";
    attribution_not_a_list: "attribution-not-a-list.yaml", at (6, 18),
        field "customers[0].attribution",
        found "`PAL`",
        expected "a list of association types such as `PAL`, `DPOR` or `CSP`, or entries such as `{type: CPOR, since: 2026-03}`";
    attribution_with_control_character: "attribution-with-control-character.yaml", at (6, 29),
        field "customers[0].attribution[1]",
        found "the control character U+0007",
        expected "an association type such as `PAL`, `DPOR` or `CSP`, on one line without control characters";
    attribution_with_33_entries: "attribution-with-33-entries.yaml", at (40, 9),
        field "customers[0].attribution[32]",
        found "a list of more than 32 entries",
        expected "at most 32 attribution entries (each type once, or once per `since`)";
    attribution_without_commas: "attribution-without-commas.yaml", at (6, 19),
        field "customers[0].attribution[0]",
        found "`PAL DPOR`",
        expected "an association type such as `PAL`, `DPOR` or `CSP`, without spaces (separate the items with `,`)";
    bad_indentation: "bad-indentation.yaml", at (5, 4),
        field "customers",
        found "a line indented so that YAML cannot tell what it belongs to",
        expected "each field lined up with the other fields of its mapping, and each `- ` lined up with the other items of its list (indent with spaces)";
    customer_id_with_control_character: "customer-id-with-control-character.yaml", at (4, 12),
        field "customers[0].id",
        found "the control character U+001B (escape)",
        expected "the customer's unique id, on one line without control characters";
    customer_as_plain_text: "customer-as-plain-text.yaml", at (4, 5),
        field "customers[0]",
        found "`contoso`",
        expected "this list item to be a mapping of `key: value` lines with the keys `id`, `segment`, `attribution`, `acr`, `acr_by_service` or `workloads`";
    date_in_wrong_format: "date-in-wrong-format.yaml", at (7, 17),
        field "people[0].certifications[0].earned",
        found "`10/02/2024`",
        expected "a date written YYYY-MM-DD, such as `2024-02-10`, that exists in the calendar";
    description_with_carriage_return: "description-with-carriage-return.yaml", at (3, 25),
        field "description",
        found "a carriage return (`\\r`)",
        expected "free text without control characters (line breaks and tabs are fine)";
    deployment_of_unknown_customer: "deployment-of-unknown-customer.yaml", at (6, 15),
        field "deployments[0].customer",
        found "`contosso`, which is not in `customers`",
        expected "the id of a customer listed under `customers` (did you mean `contoso`?)";
    duplicate_customer_id: "duplicate-customer-id.yaml", at (7, 9),
        field "customers[1].id",
        found "the id `contoso` a second time (first at line 4)",
        expected "ids that are unique within `customers`";
    duplicate_month_in_acr: "duplicate-month-in-acr.yaml", at (10, 7),
        field "customers[0].acr.2024-12",
        found "the key `2024-12` a second time (first at line 9)",
        expected "each key once in a mapping";
    duplicate_person_id: "duplicate-person-id.yaml", at (6, 9),
        field "people[2].id",
        found "the id `alice` a second time (first at line 4)",
        expected "ids that are unique within `people`";
    duplicate_top_level_key: "duplicate-top-level-key.yaml", at (4, 1),
        field "as_of",
        found "the key `as_of` a second time (first at line 2)",
        expected "each key once in a mapping";
    empty_as_of: "empty-as-of.yaml", at (2, 7),
        field "as_of",
        found "an empty value",
        expected "`as_of`: the measurement month, YYYY-MM";
    empty_associated: "empty-associated.yaml", at (5, 16),
        field "people[0].associated",
        found "an empty value",
        expected "`true` or `false`";
    empty_expected: "empty-expected.yaml", at (4, 11),
        field "expected",
        found "an empty mapping",
        expected "at least one of `path`, `points`, `categories`, `total` or `attained` (an empty block would check nothing)";
    empty_file: "empty-file.yaml", whole file,
        field "",
        found "an empty file",
        expected "a YAML mapping with at least `as_of` (see docs/scenario-format.md)";
    empty_list_item: "empty-list-item.yaml", at (4, 4),
        field "customers[0]",
        found "an empty value",
        expected "this list item to be a mapping of `key: value` lines with the keys `id`, `segment`, `attribution`, `acr`, `acr_by_service` or `workloads`";
    empty_quoted_id: "empty-quoted-id.yaml", at (4, 9),
        field "customers[0].id",
        found "an empty text",
        expected "the customer's unique id";
    empty_value_in_expected: "empty-value-in-expected.yaml", at (5, 9),
        field "expected.total",
        found "an empty value",
        expected "a whole number such as `2`";
    expires_before_earned: "expires-before-earned.yaml", at (8, 18),
        field "people[0].certifications[0].expires",
        found "`2023-02-10`",
        expected "a date on or after `earned` (2024-02-10)";
    exponent_amount: "exponent-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`1e3`",
        expected "an amount in USD written as a plain number, such as `1200` or `800.50`";
    file_is_a_list: "file-is-a-list.yaml", at (2, 1),
        field "",
        found "a list",
        expected "the file to be a mapping of `key: value` lines with the keys `name`, `description`, `clauses`, `tags`, `designation`, `as_of`, `edition`, `path`, `customers`, `people`, `deployments` or `expected`";
    fraction_of_a_cent_too_fine: "fraction-of-a-cent-too-fine.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`0.00000000001`",
        expected "at most 10 decimal places";
    impossible_date: "impossible-date.yaml", at (7, 17),
        field "people[0].certifications[0].earned",
        found "`2024-02-30`",
        expected "a date written YYYY-MM-DD, such as `2024-02-10`, that exists in the calendar";
    key_over_1024_characters: "key-over-1024-characters.yaml", at (4, 3),
        field "",
        found "a key of 1100 characters",
        expected "a key of at most 1024 characters (YAML's limit for a key written before its `:`)";
    key_is_a_list: "key-is-a-list.yaml", at (3, 3),
        field "",
        found "a list used as a key",
        expected "a plain key such as `id` or `2024-12`";
    list_where_map_expected: "list-where-map-expected.yaml", at (7, 10),
        field "customers[0].acr",
        found "a list",
        expected "a mapping of months to USD amounts, such as `2024-12: 1200`";
    map_where_list_expected: "map-where-list-expected.yaml", at (4, 3),
        field "customers",
        found "a mapping",
        expected "a list of customers (each with `id`, `segment`, `attribution`)";
    missing_as_of: "missing-as-of.yaml", at (2, 1),
        field "as_of",
        found "no `as_of`",
        expected "`as_of`: the measurement month, YYYY-MM";
    missing_cert_earned: "missing-cert-earned.yaml", at (6, 9),
        field "people[0].certifications[0].earned",
        found "no `earned`",
        expected "`earned`: the day it was earned, YYYY-MM-DD";
    missing_colon: "missing-colon.yaml", at (5, 5),
        field "customers[0]",
        found "`segment enterprise`, a line without `:`",
        expected "`key: value`, with a `:` and a space after the key";
    missing_customer_segment: "missing-customer-segment.yaml", at (4, 5),
        field "customers[0].segment",
        found "customer `contoso` without a `segment`",
        expected "a `segment` (`smb`, `smc` or `enterprise`) on every customer, since the \
                  digital-app-innovation path is derived from the customers' segments \
                  (DAI.PATH.DERIVED), or a `path:` for the file";
    missing_name_with_expected: "missing-name-with-expected.yaml", at (2, 1),
        field "name",
        found "no `name`",
        expected "`name`: a scenario with `expected:` needs a name";
    misspelled_field: "misspelled-field.yaml", at (6, 5),
        field "customers[0].attributon",
        found "the unknown field `attributon`",
        expected "one of `id`, `segment`, `attribution`, `acr`, `acr_by_service` or `workloads` (did you mean `attribution`?)";
    more_than_100_tags: "more-than-100-tags.yaml", at (107, 5),
        field "tags[100]",
        found "a list of more than 100 items",
        expected "at most 100 tags";
    month_13: "month-13.yaml", at (9, 7),
        field "customers[0].acr.2024-13",
        found "`2024-13`",
        expected "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12";
    month_without_leading_zero: "month-without-leading-zero.yaml", at (8, 7),
        field "customers[0].acr.2024-1",
        found "`2024-1`",
        expected "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12";
    nan_amount: "nan-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`.nan`",
        expected "an amount in USD written as a plain number, such as `1200` or `800.50`";
    name_as_block_with_line_break: "name-as-block-with-line-break.yaml", at (3, 3),
        field "name",
        found "a line break (`\\n`)",
        expected "a scenario name, on one line (a `>` or `|` block ends with a line break: write `>-`, or the text on the key's line)";
    name_with_escape_sequence: "name-with-escape-sequence.yaml", at (2, 15),
        field "name",
        found "the control character U+001B (escape)",
        expected "a scenario name, on one line without control characters";
    name_with_line_break: "name-with-line-break.yaml", at (2, 11),
        field "name",
        found "a line break (`\\n`)",
        expected "a scenario name, on one line without control characters";
    negative_amount: "negative-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`-1200`",
        expected "an amount of zero or more (ACR cannot be negative)";
    no_space_after_colon: "no-space-after-colon.yaml", at (2, 1),
        field "",
        found "`as_of:2024-12`",
        expected "`as_of: 2024-12`, with a space after the `:`";
    non_numeric_amount: "non-numeric-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`twelve hundred`",
        expected "an amount in USD written as a plain number, such as `1200` or `800.50`";
    not_utf8: "not-utf8.yaml", at (4, 12),
        field "",
        found "the byte `0xE9`, which is not UTF-8",
        expected "a UTF-8 text file (save it with the UTF-8 encoding)";
    nul_byte_before_a_customer: "nul-byte-before-a-customer.yaml", at (8, 1),
        field "",
        found "a NUL byte (`\\0`)",
        expected "text (a YAML file holds no NUL bytes: save it as UTF-8 text)";
    nul_byte_before_expected: "nul-byte-before-expected.yaml", at (4, 1),
        field "",
        found "a NUL byte (`\\0`)",
        expected "text (a YAML file holds no NUL bytes: save it as UTF-8 text)";
    nul_byte_in_a_value: "nul-byte-in-a-value.yaml", at (4, 12),
        field "",
        found "a NUL byte (`\\0`)",
        expected "text (a YAML file holds no NUL bytes: save it as UTF-8 text)";
    nul_bytes_only: "nul-bytes-only.yaml", at (1, 1),
        field "",
        found "a NUL byte (`\\0`)",
        expected "text (a YAML file holds no NUL bytes: save it as UTF-8 text)";
    only_comments: "only-comments.yaml", whole file,
        field "",
        found "a file with no fields, only comments or blank lines",
        expected "a YAML mapping with at least `as_of` (see docs/scenario-format.md)";
    over_indentation: "over-indentation.yaml", at (5, 7),
        field "customers[0]",
        found "a line indented so that YAML cannot tell what it belongs to",
        expected "each field lined up with the other fields of its mapping, and each `- ` lined up with the other items of its list (indent with spaces)";
    overflowing_amount: "overflowing-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "`1000000000000000000000000000000`",
        expected "an amount below USD 1,000,000,000,000,000 (at most 15 whole digits)";
    path_in_capitals: "path-in-capitals.yaml", at (3, 7),
        field "path",
        found "`SMB`",
        expected "`smb` or `enterprise`";
    quoted_amount: "quoted-amount.yaml", at (8, 16),
        field "customers[0].acr.2024-12",
        found "the quoted text `1200`",
        expected "an amount in USD written as a plain number, such as `1200` or `800.50`, without quotes";
    reserved_character: "reserved-character.yaml", at (2, 7),
        field "",
        found "`@contoso`, a value that starts with `@`, which YAML reserves",
        expected "quotes around the value, such as `\"@contoso\"`";
    service_with_line_separator: "service-with-line-separator.yaml", at (9, 18),
        field "deployments[0].service",
        found "a line separator (U+2028)",
        expected "the Azure service's name, on one line without control characters";
    service_level_in_words: "service-level-in-words.yaml", at (8, 20),
        field "deployments[0].service_level",
        found "`two`",
        expected "a whole number such as `2`";
    service_level_too_large: "service-level-too-large.yaml", at (8, 20),
        field "deployments[0].service_level",
        found "`99999999999`",
        expected "a whole number below 4,294,967,296";
    tab_indentation: "tab-indentation.yaml", at (5, 1),
        field "customers[0]",
        found "a tab in the indentation",
        expected "spaces: YAML indents with spaces, never tabs";
    tag_with_bidirectional_override: "tag-with-bidirectional-override.yaml", at (3, 22),
        field "tags[1]",
        found "the bidirectional control character U+202E",
        expected "a tag, on one line without control characters";
    thousands_separator_in_amount: "thousands-separator-in-amount.yaml", at (7, 20),
        field "customers[0].acr.2024-11",
        found "`1,200`, whose `,` ends the entry inside `{...}`",
        expected "an amount without thousands separators, such as `1200` or `800.50`";
    total_with_decimals: "total-with-decimals.yaml", at (5, 10),
        field "expected.total",
        found "`2.5`",
        expected "a whole number such as `2`";
    trailing_text_after_list: "trailing-text-after-list.yaml", at (6, 24),
        field "customers[0].attribution",
        found "`DPOR` after the end of the value",
        expected "nothing more on the line after a `[...]`, `{...}` or quoted value, except a comment starting with ` #`";
    two_documents: "two-documents.yaml", at (3, 1),
        field "",
        found "a second YAML document",
        expected "one document per file (remove the `---` line)";
    unclosed_flow_mapping: "unclosed-flow-mapping.yaml", at (7, 10),
        field "customers[0].acr",
        found "a `{` that is not closed",
        expected "a `}` to end the mapping, such as `{2024-12: 1200}`";
    unclosed_quote: "unclosed-quote.yaml", at (2, 7),
        field "",
        found "a quoted text that is not closed on its line (`\"`)",
        expected "a closing `\"` at the end of the text";
    unknown_designation: "unknown-designation.yaml", at (2, 14),
        field "designation",
        found "`digital-app-inovation`",
        expected "one of `business-applications`, `data-ai`, `digital-app-innovation`, `infrastructure`, `modern-work` or `security` (did you mean `digital-app-innovation`?)";
    unknown_field_at_top_level: "unknown-field-at-top-level.yaml", at (3, 1),
        field "partner",
        found "the unknown field `partner`",
        expected "one of `name`, `description`, `clauses`, `tags`, `designation`, `as_of`, `edition`, `path`, `customers`, `people`, `deployments` or `expected`";
    unknown_field_in_certification: "unknown-field-in-certification.yaml", at (8, 9),
        field "people[0].certifications[0].score",
        found "the unknown field `score`",
        expected "one of `cert`, `earned` or `expires`";
    unknown_field_in_customer: "unknown-field-in-customer.yaml", at (7, 5),
        field "customers[0].country",
        found "the unknown field `country`",
        expected "one of `id`, `segment`, `attribution`, `acr`, `acr_by_service` or `workloads`";
    unknown_field_in_deployment: "unknown-field-in-deployment.yaml", at (10, 5),
        field "deployments[0].region",
        found "the unknown field `region`",
        expected "one of `customer`, `service`, `service_level`, `month` or `attribution`";
    unknown_field_in_expected_points: "unknown-field-in-expected-points.yaml", at (7, 5),
        field "expected.points.growth",
        found "the unknown field `growth`",
        expected "one of `net_customer_adds`, `intermediate_certifications`, `advanced_certifications`, `usage_growth` or `deployments`";
    unknown_field_in_expected_categories: "unknown-field-in-expected-categories.yaml", at (6, 5),
        field "expected.categories.perfomance",
        found "the unknown field `perfomance`",
        expected "one of `performance`, `skilling` or `customer_success` (did you mean `performance`?)";
    expected_points_not_a_mapping: "expected-points-not-a-mapping.yaml", at (5, 11),
        field "expected.points",
        found "`30`",
        expected "this field to be a mapping of `key: value` lines with the keys `net_customer_adds`, `intermediate_certifications`, `advanced_certifications`, `usage_growth` or `deployments`";
    expected_points_missing_space: "expected-points-missing-space.yaml", at (5, 11),
        field "expected.points",
        found "`deployments:2`",
        expected "`deployments: 2`, with a space after the `:`";
    unknown_field_in_expected: "unknown-field-in-expected.yaml", at (6, 3),
        field "expected.score",
        found "the unknown field `score`",
        expected "one of `path`, `points`, `categories`, `total` or `attained`";
    unknown_field_in_person: "unknown-field-in-person.yaml", at (5, 5),
        field "people[0].email",
        found "the unknown field `email`",
        expected "one of `id`, `associated` or `certifications`";
    yaml_syntax_error: "yaml-syntax-error.yaml", at (6, 18),
        field "customers[0].attribution",
        found "a `[` that is not closed",
        expected "a `]` to end the list, such as `[PAL, DPOR]`";
    attribution_since_month_13: "attribution-since-month-13.yaml", at (7, 44),
        field "customers[0].attribution[1].since",
        found "`2026-13`",
        expected "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12";
    attribution_entry_with_unknown_key: "attribution-entry-with-unknown-key.yaml", at (7, 37),
        field "customers[0].attribution[1].sinse",
        found "the unknown field `sinse`",
        expected "one of `type` or `since` (did you mean `since`?)";
    attribution_entry_without_type: "attribution-entry-without-type.yaml", at (9, 9),
        field "customers[0].attribution[1].type",
        found "no `type`",
        expected "`type`: an association type such as `CPOR`";
    deployment_attribution_with_since: "deployment-attribution-with-since.yaml", at (13, 25),
        field "deployments[0].attribution[1]",
        found "a mapping",
        expected "an association type such as `PAL`, `DPOR` or `CSP`: a deployment's own attribution takes codes only, without `since` (it is judged at M)";
    workload_in_capitals: "workload-in-capitals.yaml", at (9, 19),
        field "customers[0].workloads[0].workload",
        found "the unknown workload `Teams`",
        expected "a workload slug of the rulebooks' lists, such as `teams` or `business-central` (did you mean `teams`?)";
    workload_partner_center_name: "workload-partner-center-name.yaml", at (9, 19),
        field "customers[0].workloads[0].workload",
        found "the unknown workload `Microsoft Teams`",
        expected "a workload slug of the rulebooks' lists, such as `teams` or `business-central` (did you mean `teams`?)";
    workload_misspelt: "workload-misspelt.yaml", at (9, 19),
        field "customers[0].workloads[0].workload",
        found "the unknown workload `busines-central`",
        expected "a workload slug of the rulebooks' lists, such as `teams` or `business-central` (did you mean `business-central`?)";
    workload_unknown: "workload-unknown.yaml", at (9, 19),
        field "customers[0].workloads[0].workload",
        found "the unknown workload `spreadsheets`",
        expected "a workload slug of the rulebooks' lists, such as `teams` or `business-central` (docs/scenario-format.md lists them)";
    workload_twice: "workload-twice.yaml", at (13, 19),
        field "customers[0].workloads[2].workload",
        found "the workload `teams` a second time (first at line 9)",
        expected "each workload once per customer (its figures in one entry)";
    workload_without_slug: "workload-without-slug.yaml", at (9, 9),
        field "customers[0].workloads[0].workload",
        found "no `workload`",
        expected "`workload`: a workload slug such as `teams` or `business-central`";
    unknown_field_in_workload: "unknown-field-in-workload.yaml", at (10, 9),
        field "customers[0].workloads[0].licences",
        found "the unknown field `licences`",
        expected "one of `workload`, `attribution`, `revenue`, `usage`, `paid_licences` or `active_users`";
    licences_with_decimals: "licences-with-decimals.yaml", at (12, 20),
        field "customers[0].workloads[0].paid_licences.2026-10",
        found "`12.5`",
        expected "a whole number of zero or more, such as `250` (licences and users are counted whole)";
    negative_licences: "negative-licences.yaml", at (10, 34),
        field "customers[0].workloads[0].paid_licences.2025-10",
        found "`-1`",
        expected "a whole number of zero or more, such as `250` (licences and users are counted whole)";
    users_with_exponent: "users-with-exponent.yaml", at (11, 33),
        field "customers[0].workloads[0].active_users.2026-10",
        found "`1e3`",
        expected "a whole number of zero or more, such as `250` (licences and users are counted whole)";
    negative_revenue: "negative-revenue.yaml", at (12, 20),
        field "customers[0].workloads[0].revenue.2026-10",
        found "`-6200`",
        expected "an amount of zero or more (revenue cannot be negative)";
    quoted_usage: "quoted-usage.yaml", at (10, 26),
        field "customers[0].workloads[0].usage.2026-10",
        found "the quoted text `12`",
        expected "a quantity written as a plain number, such as `12` or `0.5`, without quotes";
    acr_by_service_as_a_list: "acr-by-service-as-a-list.yaml", at (8, 21),
        field "customers[0].acr_by_service",
        found "a list",
        expected "a mapping of Azure service names to months and USD amounts, such as `Sentinel: {2026-10: 900}`";
    acr_by_service_month_without_leading_zero: "acr-by-service-month-without-leading-zero.yaml", at (11, 9),
        field "customers[0].acr_by_service.Sentinel.2026-1",
        found "`2026-1`",
        expected "a month written YYYY-MM, such as `2024-12`, with the month 01 to 12";
    yaml_tag: "yaml-tag.yaml", at (2, 8),
        field "as_of",
        found "a YAML tag (`!...`)",
        expected "plain values: anchors, aliases and tags are not supported in scenario files";
}

#[test]
fn the_table_lists_every_file_of_the_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/data/bad")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|f| (*f).to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/data/bad and the corpus table differ"
    );
    assert!(CORPUS.len() >= 30, "the corpus has {} files", CORPUS.len());
}

/// Each corpus file departs from a valid partner file by its one defect; the base itself
/// is accepted.
#[test]
fn the_base_of_the_corpus_is_valid() {
    Test::new()
        .file("partner.yaml", data("good/partner.yaml"))
        .args(&["check", "partner.yaml"])
        .stdout("skip  partner.yaml  (no `expected:` block: a partner file, not a scenario)\n0 passed, 0 failed, 1 skipped\n")
        .run();
}

/// The earliest measurement month accepted, as for `pcscore new --as-of`, shows its
/// baseline in year 0000, not in a negative year.
#[test]
fn the_earliest_as_of_has_its_baseline_in_year_zero() {
    let out = Test::new()
        .file("early.yaml", "as_of: 0002-01\n")
        .args(&["explain", "early.yaml"])
        .stdout_contains("0000-12")
        .run();
    assert!(!out.stdout.contains("-00"), "{}", out.stdout);
}

/// Files too large to commit are generated: deep nesting in every YAML shape.
fn deeply_nested(kind: &str, depth: usize) -> String {
    let mut text = String::from("as_of: 2024-12\n");
    match kind {
        "flow lists" => {
            text.push_str("tags: ");
            text.push_str(&"[".repeat(depth));
            text.push_str(&"]".repeat(depth));
        }
        "flow mappings" => {
            text.push_str("tags: ");
            text.push_str(&"{a: ".repeat(depth));
            text.push('1');
            text.push_str(&"}".repeat(depth));
        }
        "block mappings" => {
            // Under a field the format has: an unknown key is refused before its value.
            text.push_str("name:\n");
            for level in 1..depth {
                let _ = writeln!(text, "{}k{level}:", "  ".repeat(level));
            }
        }
        "block lists" => {
            text.push_str("tags:\n");
            for level in 1..=depth {
                let _ = writeln!(text, "{}-", "  ".repeat(level));
            }
        }
        _ => unreachable!(),
    }
    text.push('\n');
    text
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let cases = [
        (
            "flow lists",
            "deep.yaml:2:",
            "tags: found nesting deeper than 64 levels",
        ),
        ("flow mappings", "deep.yaml:2:", "tags.a.a.a"),
        (
            "block mappings",
            "deep.yaml:66:",
            "found nesting deeper than 64 levels",
        ),
        ("block lists", "deep.yaml:", "tags[0][0][0]"),
    ];
    for (kind, at, piece) in cases {
        let out = Test::new()
            .file("deep.yaml", deeply_nested(kind, 10_000))
            .args(&["score", "deep.yaml"])
            .stderr_contains(format!("error: {at}"))
            .stderr_contains(piece)
            .stderr_contains("expected the flat shape of the scenario format")
            .status(2)
            .run();
        // A long source line is cut around the caret rather than printed whole.
        assert!(
            out.stderr
                .lines()
                .all(|l| l.chars().count() < 1000 || l.starts_with("error: ")),
            "{kind}: {}",
            out.stderr
        );
        Test::new()
            .file("deep.yaml", deeply_nested(kind, 10_000))
            .args(&["check", "deep.yaml"])
            .stdout_contains("ERROR deep.yaml\n")
            .stdout_contains("0 passed, 1 failed\n")
            .status(2)
            .run();
    }
}

/// An alias bomb far larger than the committed one is refused at its first anchor.
#[test]
fn a_generated_alias_bomb_is_refused_at_its_first_anchor() {
    // Under a field the format has: an unknown key is refused before its value.
    let mut text = String::from(
        "as_of: 2024-12\ntags:\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for level in 1..40 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        let _ = writeln!(text, "  - &l{level} [{refs}]");
    }
    Test::new()
        .file("bomb.yaml", text)
        .args(&["score", "bomb.yaml"])
        .stderr_contains(
            "error: bomb.yaml:3:5: tags[0]: found an anchor (`&name`), expected plain values",
        )
        .status(2)
        .run();
}

/// The size limit holds for files, and for devices that report no size at all.
#[test]
fn files_over_the_size_limit_are_refused() {
    let limit = pcscore::load::MAX_FILE_BYTES;
    Test::new()
        .sparse_file("huge.yaml", limit + 1)
        .args(&["score", "huge.yaml"])
        .stderr(format!(
            "error: huge.yaml: found a file of {} bytes, expected at most {limit} bytes \
             (split the partner into several files)\n",
            limit + 1
        ))
        .status(2)
        .run();
}

/// A device is refused before it is read: `/dev/zero` would never end.
#[cfg(unix)]
#[test]
fn a_device_is_refused_before_it_is_read() {
    Test::new()
        .args(&["score", "/dev/zero"])
        .stderr("error: /dev/zero: found a character device, expected a regular file\n")
        .status(2)
        .run();
}

/// Issue 9: `mkfifo x.yaml; pcscore score x.yaml` waited for a writer forever. A named
/// pipe, or a link to one, is refused before it is opened; a link to a file is read.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = std::env::temp_dir().join(format!("pcscore-fifo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let fifo = dir.join("partner.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let link = dir.join("link.yaml");
    std::os::unix::fs::symlink(&fifo, &link).expect("a symbolic link");
    let file = dir.join("file.yaml");
    std::fs::write(&file, "as_of: 2024-12\n").expect("a file");
    let to_file = dir.join("to-file.yaml");
    std::os::unix::fs::symlink(&file, &to_file).expect("a symbolic link");
    for path in [&fifo, &link] {
        let shown = path.display().to_string();
        for command in ["score", "explain", "check"] {
            let test = Test::new()
                .args(&[command, &shown])
                .status(2)
                .timeout(Duration::from_secs(10));
            // `check` meets the pipe while finding its files, before any is read, and
            // stops there as `score` and `explain` do.
            let message = format!("{shown}: found a named pipe (FIFO), expected a regular file\n");
            test.stderr(format!("error: {message}")).run();
        }
    }
    Test::new()
        .args(&["score", &to_file.display().to_string(), "--format", "yaml"])
        .stdout_contains("total: 0\n")
        .run();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Repairing the position of an empty value looks at the source; done per value over the
/// whole file, that was quadratic and hung on a file of many empty items.
#[test]
fn many_empty_values_are_refused_without_a_hang() {
    let mut items = String::from("as_of: 2024-12\ntags:\n");
    let mut keys = String::from("as_of: 2024-12\nexpected:\n");
    for i in 0..200_000 {
        items.push_str("  -\n");
        let _ = writeln!(keys, "  k{i}:");
    }
    Test::new()
        .file("items.yaml", items)
        .args(&["score", "items.yaml"])
        .stderr_contains("error: items.yaml:3:4: tags[0]: found an empty value, expected a tag\n")
        .status(2)
        .run();
    Test::new()
        .file("keys.yaml", keys)
        .args(&["score", "keys.yaml"])
        .stderr_contains("error: keys.yaml:3:3: expected.k0: found the unknown field `k0`")
        .status(2)
        .run();
}
