//! Whole error messages, caret included, for the cases where the YAML reader's own
//! report would mislead: it is the message an analyst reads, so it is pinned exactly.

use crate::{unindent, Test};

/// `pcscore score FILE` on `text` must fail with exactly `message` on stderr.
fn refused(text: &str, message: &str) {
    Test::new()
        .file("partner.yaml", text)
        .args(&["score", "partner.yaml"])
        .stderr(unindent(message))
        .status(2)
        .run();
}

#[test]
fn a_tab_is_shown_where_it_is_not_where_the_reader_stopped() {
    // The reader stops on line 3 (`contoso` might continue); the tab is on line 4.
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n\tsegment: smb\n    attribution: []\n",
        "
        error: partner.yaml:4:1: customers[0]: found a tab in the indentation, expected spaces: YAML indents with spaces, never tabs
          |
        4 |  segment: smb
          | ^
        ",
    );
}

#[test]
fn a_tab_after_a_colon() {
    refused(
        "as_of:\t2024-12\n",
        "
        error: partner.yaml:1:7: found a tab, expected a space (YAML does not allow a tab here)
          |
        1 | as_of: 2024-12
          |       ^
        ",
    );
}

#[test]
fn a_line_indented_less_than_its_siblings() {
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n   segment: smb\n    attribution: []\n",
        "
        error: partner.yaml:4:4: customers: found a line indented so that YAML cannot tell what it belongs to, expected each field lined up with the other fields of its mapping, and each `- ` lined up with the other items of its list (indent with spaces)
          |
        4 |    segment: smb
          |    ^
        ",
    );
}

#[test]
fn a_line_indented_more_than_its_siblings() {
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n      segment: smb\n    attribution: []\n",
        "
        error: partner.yaml:4:7: customers[0]: found a line indented so that YAML cannot tell what it belongs to, expected each field lined up with the other fields of its mapping, and each `- ` lined up with the other items of its list (indent with spaces)
          |
        4 |       segment: smb
          |       ^
        ",
    );
}

#[test]
fn a_missing_colon_is_blamed_on_its_own_line() {
    // The reader only notices on the next line.
    refused(
        "as_of 2024-12\ncustomers: []\n",
        "
        error: partner.yaml:1:1: found `as_of 2024-12`, a line without `:`, expected `key: value`, with a `:` and a space after the key
          |
        1 | as_of 2024-12
          | ^
        ",
    );
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n    segment smb\n    attribution: []\n",
        "
        error: partner.yaml:4:5: customers[0]: found `segment smb`, a line without `:`, expected `key: value`, with a `:` and a space after the key
          |
        4 |     segment smb
          |     ^
        ",
    );
}

#[test]
fn no_space_after_the_colon() {
    refused(
        "as_of:2024-12\n",
        "
        error: partner.yaml:1:1: found `as_of:2024-12`, expected `as_of: 2024-12`, with a space after the `:`
          |
        1 | as_of:2024-12
          | ^
        ",
    );
}

#[test]
fn a_second_colon_on_one_line() {
    refused(
        "as_of: 2024-12\nname: Contoso: the big one\nexpected:\n  total: 0\n",
        "
        error: partner.yaml:2:14: found a second `: ` on one line, expected one `key: value` per line (put quotes around a value that contains `: `)
          |
        2 | name: Contoso: the big one
          |              ^
        ",
    );
}

#[test]
fn an_unclosed_bracket_is_shown_where_it_opens() {
    // The reader stops on the next line, at `acr:`; the `[` on line 4 is the mistake.
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n    attribution: [PAL, DPOR\n    segment: smb\n",
        "
        error: partner.yaml:4:18: customers[0].attribution: found a `[` that is not closed, expected a `]` to end the list, such as `[PAL, DPOR]`
          |
        4 |     attribution: [PAL, DPOR
          |                  ^
        ",
    );
    // At the end of the file there is no line to show but the opening one.
    refused(
        "as_of: 2024-12\ntags: [a, b\n",
        "
        error: partner.yaml:2:7: tags: found a `[` that is not closed, expected a `]` to end the list, such as `[PAL, DPOR]`
          |
        2 | tags: [a, b
          |       ^
        ",
    );
}

#[test]
fn a_list_written_over_several_lines_is_not_blamed_for_a_later_mistake() {
    refused(
        "as_of: 2024-12\ntags: [a,\n  b] c\n",
        "
        error: partner.yaml:3:6: tags: found `c` after the end of the value, expected nothing more on the line after a `[...]`, `{...}` or quoted value, except a comment starting with ` #`
          |
        3 |   b] c
          |      ^
        ",
    );
}

#[test]
fn text_after_a_quoted_value() {
    refused(
        "as_of: 2024-12\nname: \"Contoso\" attains\n",
        "
        error: partner.yaml:2:17: name: found `attains` after the end of the value, expected nothing more on the line after a `[...]`, `{...}` or quoted value, except a comment starting with ` #`
          |
        2 | name: \"Contoso\" attains
          |                 ^
        ",
    );
}

#[test]
fn an_unclosed_quote() {
    refused(
        "as_of: 2024-12\nname: \"Contoso\nexpected:\n  total: 0\n",
        "
        error: partner.yaml:2:7: found a quoted text that is not closed on its line (`\"`), expected a closing `\"` at the end of the text
          |
        2 | name: \"Contoso
          |       ^
        ",
    );
}

#[test]
fn a_reserved_character_at_the_start_of_a_value() {
    refused(
        "as_of: 2024-12\nname: @contoso\n",
        "
        error: partner.yaml:2:7: found `@contoso`, a value that starts with `@`, which YAML reserves, expected quotes around the value, such as `\"@contoso\"`
          |
        2 | name: @contoso
          |       ^
        ",
    );
}

#[test]
fn an_empty_item_between_commas() {
    refused(
        "as_of: 2024-12\ntags: [a, , b]\n",
        "
        error: partner.yaml:2:11: tags: found `,` where a value must come, expected a value, a `[...]` list or a `{...}` mapping (a `,` only separates items)
          |
        2 | tags: [a, , b]
          |           ^
        ",
    );
}

#[test]
fn a_backslash_in_double_quotes() {
    refused(
        "as_of: 2024-12\ndescription: \"C:\\temp\\partners\"\n",
        "
        error: partner.yaml:2:22: found `\\p`, an escape YAML does not know, in double quotes, expected `\\\\` for a backslash in double quotes, or single quotes, where a backslash is plain text
          |
        2 | description: \"C:\\temp\\partners\"
          |                      ^
        ",
    );
}

#[test]
fn an_empty_value_is_shown_after_its_key() {
    // The reader places the empty value at the start of the next line.
    refused(
        "as_of:\ncustomers: []\n",
        "
        error: partner.yaml:1:7: as_of: found an empty value, expected `as_of`: the measurement month, YYYY-MM
          |
        1 | as_of:
          |       ^
        ",
    );
    // Even when there is no next line.
    refused(
        "as_of: 2024-12\npeople:\n  - id: alice\n    associated:",
        "
        error: partner.yaml:4:16: people[0].associated: found an empty value, expected `true` or `false`
          |
        4 |     associated:
          |                ^
        ",
    );
}

#[test]
fn an_empty_list_item_is_shown_at_its_dash() {
    refused(
        "as_of: 2024-12\ncustomers:\n  -   # to do\n  - id: contoso\n    segment: smb\n    attribution: []\n",
        "
        error: partner.yaml:3:4: customers[0]: found an empty value, expected this list item to be a mapping of `key: value` lines with the keys `id`, `segment`, `attribution`, `acr`, `acr_by_service` or `workloads`
          |
        3 |   -   # to do
          |    ^
        ",
    );
}

#[test]
fn a_missing_field_is_shown_at_the_start_of_its_mapping() {
    // The reader places a block mapping at its first `:`; the caret belongs at the key.
    refused(
        "# no month\ncustomers: []\n",
        "
        error: partner.yaml:2:1: as_of: found no `as_of`, expected `as_of`: the measurement month, YYYY-MM
          |
        2 | customers: []
          | ^
        ",
    );
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: contoso\n    attribution: [PAL]\n",
        "
        error: partner.yaml:3:5: customers[0].segment: found customer `contoso` without a `segment`, expected a `segment` (`smb`, `smc` or `enterprise`) on every customer, since the digital-app-innovation path is derived from the customers' segments (DAI.PATH.DERIVED), or a `path:` for the file
          |
        3 |   - id: contoso
          |     ^
        ",
    );
    refused(
        "as_of: 2024-12\ncustomers: [{id: contoso, attribution: [PAL]}]\n",
        "
        error: partner.yaml:2:13: customers[0].segment: found customer `contoso` without a `segment`, expected a `segment` (`smb`, `smc` or `enterprise`) on every customer, since the digital-app-innovation path is derived from the customers' segments (DAI.PATH.DERIVED), or a `path:` for the file
          |
        2 | customers: [{id: contoso, attribution: [PAL]}]
          |             ^
        ",
    );
}

#[test]
fn an_anchor_is_shown_at_its_ampersand_with_its_field() {
    refused(
        "as_of: 2024-12\ntags: &mine [a, b]\n",
        "
        error: partner.yaml:2:7: tags: found an anchor (`&name`), expected plain values: anchors, aliases and tags are not supported in scenario files
          |
        2 | tags: &mine [a, b]
          |       ^
        ",
    );
}

#[test]
fn a_thousands_separator_in_a_flow_mapping() {
    // `{2024-12: 1,200}` reads as `2024-12: 1` and a key `200`.
    refused(
        "as_of: 2024-12\ncustomers:\n  - {id: a, segment: smb, attribution: [PAL], acr: {2024-12: 1,200}}\n",
        "
        error: partner.yaml:3:62: customers[0].acr.2024-12: found `1,200`, whose `,` ends the entry inside `{...}`, expected an amount without thousands separators, such as `1200` or `800.50`
          |
        3 |   - {id: a, segment: smb, attribution: [PAL], acr: {2024-12: 1,200}}
          |                                                              ^
        ",
    );
    refused(
        "as_of: 2024-12\ncustomers:\n  - id: a\n    segment: smb\n    attribution: [PAL]\n    acr:\n      2024-12: 1,200\n",
        "
        error: partner.yaml:7:16: customers[0].acr.2024-12: found `1,200`, expected an amount without thousands separators, such as `1200` or `800.50`
          |
        7 |       2024-12: 1,200
          |                ^
        ",
    );
}

#[test]
fn attribution_codes_need_commas_between_them() {
    refused(
        "as_of: 2024-12\ncustomers:\n  - {id: a, segment: smb, attribution: [PAL DPOR]}\n",
        "
        error: partner.yaml:3:41: customers[0].attribution[0]: found `PAL DPOR`, expected an association type such as `PAL`, `DPOR` or `CSP`, without spaces (separate the items with `,`)
          |
        3 |   - {id: a, segment: smb, attribution: [PAL DPOR]}
          |                                         ^
        ",
    );
}

#[test]
fn an_empty_block_of_text() {
    refused(
        "description: >\nas_of: 2024-12\n",
        "
        error: partner.yaml:1:13: description: found an empty text, expected free text
          |
        1 | description: >
          |             ^
        ",
    );
}

#[test]
fn an_empty_quoted_id() {
    refused(
        "as_of: 2024-12\npeople:\n  - id: ''\n",
        "
        error: partner.yaml:3:9: people[0].id: found an empty text, expected the person's unique id
          |
        3 |   - id: ''
          |         ^
        ",
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located_in_characters() {
    Test::new()
        .file(
            "partner.yaml",
            b"as_of: 2024-12\npeople:\n  - id: \xc3\xa9lise-\xe9\n".as_slice(),
        )
        .args(&["score", "partner.yaml"])
        .stderr(unindent(
            "
            error: partner.yaml:3:15: found the byte `0xE9`, which is not UTF-8, expected a UTF-8 text file (save it with the UTF-8 encoding)
              |
            3 |   - id: élise-\u{fffd}
              |               ^
            ",
        ))
        .status(2)
        .run();
}

#[test]
fn a_long_line_is_cut_around_the_caret() {
    let long = format!(
        "as_of: 2024-12\ntags: [{}, two words, {}]\n",
        vec!["x"; 100].join(", "),
        vec!["y"; 100].join(", ")
    );
    refused(
        &long,
        "
        error: partner.yaml:2:308: tags[100]: found `two words`, expected a tag, without spaces (separate the items with `,`)
          |
        2 | ..., x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, two words, y, y, y, y, y, y, y, y, y, y, y, y, y, ...
          |                                                      ^
        ",
    );
}

#[test]
fn a_second_document_is_refused_at_its_marker() {
    refused(
        "as_of: 2024-12\n---\nas_of: 2024-11\n",
        "
        error: partner.yaml:2:1: found a second YAML document, expected one document per file (remove the `---` line)
          |
        2 | ---
          | ^
        ",
    );
}

#[test]
fn an_empty_file_and_a_file_of_comments() {
    refused(
        "",
        "error: partner.yaml: found an empty file, expected a YAML mapping with at least `as_of` (see docs/scenario-format.md)\n",
    );
    refused(
        "# as_of: 2024-12\n\n",
        "error: partner.yaml: found a file with no fields, only comments or blank lines, expected a YAML mapping with at least `as_of` (see docs/scenario-format.md)\n",
    );
}
