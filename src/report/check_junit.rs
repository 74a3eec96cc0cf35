//! `pcscore check --format junit`: JUnit XML for the test reports of GitLab, GitHub
//! actions and Jenkins. One `testcase` per file, grouped by folder in `classname`; the
//! diff is the body of `failure`, an unreadable file's message the body of `error` (with
//! its kind, line, column, field, found and expected as attributes), and a partner file
//! without `expected:` is `skipped`.
//!
//! `time` is always `0`: some readers fail without the attribute, and a scenario takes
//! well under a millisecond, so a measured time would only make reports differ between
//! runs of the same files.

use crate::scenario::{mismatches, Case, CheckError, Status, Summary};
use serde_json::Value;

/// The JUnit XML report of a check run.
pub fn check_junit(cases: &[Case]) -> String {
    let s = Summary::of(cases);
    let counts = format!(
        "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\"",
        cases.len(),
        s.failed,
        s.invalid,
        s.skipped
    );
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<testsuites name=\"pcscore check\" {counts}>\n"));
    out.push_str(&format!("  <testsuite name=\"pcscore\" {counts}>\n"));
    for c in cases {
        let folder = c
            .file
            .parent()
            .map(|p| p.display().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".to_string());
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\"",
            attr(&c.name),
            attr(&folder),
            attr(&c.file.display().to_string())
        ));
        match &c.status {
            Status::Passed => out.push_str("/>\n"),
            Status::Failed { diff } => {
                out.push_str(">\n");
                out.push_str(&format!(
                    "      <failure type=\"mismatch\" message=\"{}\">{}</failure>\n",
                    attr(&failure_message(c)),
                    text(diff)
                ));
                out.push_str("    </testcase>\n");
            }
            Status::Invalid { error } => {
                out.push_str(">\n");
                let message = error.to_string();
                let first = message.lines().next().unwrap_or_default();
                out.push_str(&format!(
                    "      <error type=\"invalid\" message=\"{}\"{}>{}</error>\n",
                    attr(first),
                    error_attributes(error),
                    text(&message)
                ));
                out.push_str("    </testcase>\n");
            }
            Status::NotAScenario => {
                out.push_str(">\n");
                out.push_str(
                    "      <skipped message=\"no `expected:` block: a partner file, not a scenario\"/>\n",
                );
                out.push_str("    </testcase>\n");
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// The error as data, beside `type` and `message`: ` kind=".." line=".." column=".."
/// field=".." found=".." expected=".."`, each only when the error has it.
fn error_attributes(error: &CheckError) -> String {
    let mut out = format!(" kind=\"{}\"", error.kind());
    let Some(e) = error.located() else {
        return out;
    };
    let mut put = |name: &str, value: &str| {
        out.push_str(&format!(" {name}=\"{}\"", attr(value)));
    };
    if let Some((line, column)) = e.position {
        put("line", &line.to_string());
        put("column", &column.to_string());
    }
    if !e.field.is_empty() {
        put("field", &e.field);
    }
    put("found", &e.found);
    put("expected", &e.expected);
    out
}

/// "points.net_customer_adds: expected 20, actual 10; total: expected 76, actual 66".
fn failure_message(c: &Case) -> String {
    let (Some(e), Some(a)) = (&c.expected, &c.actual) else {
        return "the score card differs from the expectation".to_string();
    };
    let plain = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    mismatches(e, a)
        .iter()
        .map(|m| {
            format!(
                "{}: expected {}, actual {}",
                m.key,
                plain(&m.expected),
                plain(&m.actual)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Escapes character data.
fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value; line breaks and tabs become references so that readers
/// keep them instead of normalising them to spaces.
fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\r' | '\t' => out.push(ch),
            // XML 1.0 cannot carry these at all, not even as references: show them.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_in_text_and_attributes() {
        assert_eq!(
            text("a < b && c > \"d\""),
            "a &lt; b &amp;&amp; c &gt; \"d\""
        );
        assert_eq!(
            attr("say \"hi\" & <go>"),
            "say &quot;hi&quot; &amp; &lt;go&gt;"
        );
    }

    #[test]
    fn line_breaks_survive_in_attributes_and_text() {
        assert_eq!(attr("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(text("a\nb\tc"), "a\nb\tc");
    }

    #[test]
    fn characters_xml_cannot_carry_are_made_visible() {
        assert_eq!(text("bell\u{7}esc\u{1b}"), "bell\\u{7}esc\\u{1b}");
        assert_eq!(attr("\u{0}\u{FFFF}"), "\\u{0}\\u{ffff}");
    }

    #[test]
    fn other_text_is_kept_as_it_is() {
        assert_eq!(text("Müller's café — 20 %"), "Müller's café — 20 %");
    }
}
