//! `pcscore explain --format markdown|html|json`: the audit reports, run through the real
//! binary on the shipped examples and on hostile data, checked for content, for every
//! trace entry, for self-containment and for determinism.

use pcscore::engine::{self, Assessment};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SMB: &str = "scenarios/examples/small-smb-consultancy-attains.yaml";
const NARROW: &str = "scenarios/examples/partner-narrowly-misses-on-the-enterprise-path.yaml";
const FORMATS: [&str; 4] = ["text", "markdown", "html", "json"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("pcscore runs")
}

/// The report in one format; the run must succeed and print nothing on stderr.
fn explain(file: &str, format: &str) -> String {
    let out = run(&["explain", file, "--format", format]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "explain {file} --format {format} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("reports are UTF-8")
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios/examples"))
        .expect("scenarios/examples exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| p.strip_prefix(root()).map(Path::to_path_buf).unwrap_or(p))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "the shipped examples are missing");
    files
}

fn assess(file: &str) -> Assessment {
    let (doc, book) =
        pcscore::load::load_file_chosen(&root().join(file)).expect("the example loads");
    engine::score(&doc.situation, book).expect("the example scores")
}

/// The table rows of a Markdown report's rule sections (between the score card and
/// the glossary, or the data not read when there is some), without header and
/// alignment rows.
fn markdown_section_rows(md: &str) -> Vec<&str> {
    let start = md.find("\n## Windows").expect("a Windows section");
    let end = md
        .find("\n## Data not read")
        .or_else(|| md.find("\n## Clause glossary"))
        .expect("a glossary");
    let lines: Vec<&str> = md[start..end].lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.starts_with("| ")
                && !lines
                    .get(i + 1)
                    .is_some_and(|next| next.starts_with("|---"))
        })
        .map(|(_, l)| *l)
        .collect()
}

#[test]
fn text_stays_the_default_and_unchanged() {
    for file in examples() {
        let file = file.to_string_lossy();
        let default = run(&["explain", &file]);
        assert_eq!(default.status.code(), Some(0));
        assert_eq!(
            String::from_utf8_lossy(&default.stdout),
            explain(&file, "text"),
            "--format text must be what `explain` has always printed"
        );
    }
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    for file in examples() {
        let file = file.to_string_lossy();
        for format in FORMATS {
            assert_eq!(
                explain(&file, format),
                explain(&file, format),
                "{file} --format {format} differs between two runs"
            );
        }
    }
}

#[test]
fn markdown_is_an_audit_document_with_evidence_tables() {
    let md = explain(SMB, "markdown");
    for heading in [
        "# Audit report: Solutions Partner for Digital & App Innovation (Azure)\n",
        "\n## Score card\n",
        "\n## Windows\n",
        "\n## Path and attribution\n",
        "\n## Net customer adds: 20 of 30 points\n",
        "\n## Intermediate certifications: 16 of 20 points\n",
        "\n## Advanced certifications: 12 of 20 points\n",
        "\n## Usage growth: 20 of 20 points\n",
        "\n## Deployments: 8 of 10 points\n",
        "\n## Designation: 76 of 100 points\n",
        "\n## Clause glossary\n",
    ] {
        assert!(md.contains(heading), "missing heading {heading:?}");
    }
    for line in [
        // partner and month
        "| **Partner** | Blue Fjord Consulting, a small SMB consultancy, attains with 76 points |",
        "| **Measurement month (M)** | 2024-12 |",
        "| **Path** | SMB, derived from the data (DAI.PATH.DERIVED) |",
        // the score card
        "| **Skilling** |  | **28** | 40 |",
        "|  | Deployments | 8 | 10 |",
        "| **Total** |  | **76** | 100 |",
        "**Designation attained.** 76 points reach 70 and every subcategory has at least 1 (`PCS.ATTAINED`)",
        // customer x month around the threshold, bold where it is reached
        "| Customer | 2023-11 (baseline) | 2023-12 (baseline) | 2024-11 (last two) | 2024-12 (last two) | Effect | Clause | Finding |",
        "| `alpine-gear` | **880.00** | **900.00** | 0.00 | 0.00 | -1 (loss) | `DAI.PERF.NCA.LOSS` | a loss: at or above the threshold in a baseline month, under it in both last months |",
        "| `nordic-school` | 0.00 | 0.00 | 450.00 | **610.00** | +1 (add) | `DAI.PERF.NCA.ADD` |",
        "Bold amounts reach the threshold of USD 500.00 a month",
        // people x certifications, active or not and why
        "| `olav` | Azure Developer Associate | scoring | 2022-11-01 | 2024-11-01 | inactive | 0 | `DAI.SKILL.ACTIVE` | expired 2024-11-01, before the last day of 2024-12 (2024-12-31) |",
        "| `nils` | Azure Developer Associate (written `AZ-204`) | scoring | 2024-12-15 | none | **active** | +1 | `DAI.SKILL.INT.SCORING` | active on 2024-12-31 |",
        "| `freya` | Power Platform Solution Architect Expert (written `PL-600`) | scoring | 2023-10-10 | none | not associated | 0 | `DAI.SKILL.ASSOC` |",
        // deployments counted, merged and refused with the reason
        "| 3 | Azure App Service | `harbor-dental` | 2024-06 | 2 | PAL (customer's) | same as 1 | `DAI.CS.DEP.DISTINCT` |",
        "| 8 | Azure Container Apps | `alpine-gear` | 2023-11 | 2 | CSP (customer's) | refused | `DAI.CS.DEP.WINDOW` | not counted: 2023-11 lies outside the trailing twelve months 2024-01 to 2024-12 |",
        // usage growth: per customer and the totals
        "| **All eligible customers** | **4,220.00** | **5,570.00** | `DAI.CS.UG.FORMULA` |",
        // the attribution left out
        "| `cousin-startup` | smb | none | 0 | `DAI.ATTR.ELIGIBLE` |",
        // the glossary
        "| `DAI.PERF.NCA.LOSS` | Performance: net customer adds | A customer at or above the threshold in a baseline month and below it in both recent months is one loss. | 1 |",
    ] {
        assert!(md.contains(line), "missing line:\n{line}\n\nin:\n{md}");
    }
}

#[test]
fn markdown_and_html_show_every_trace_entry_once_with_its_clause() {
    for file in examples() {
        let file = file.to_string_lossy();
        let a = assess(&file);
        let md = explain(&file, "markdown");
        let rows = markdown_section_rows(&md);
        assert_eq!(
            rows.len(),
            a.trace.len(),
            "{file}: one Markdown row per trace entry"
        );
        let mut want: Vec<&str> = a.trace.iter().map(|e| e.clause.as_str()).collect();
        want.sort_unstable();
        let mut cited: Vec<&str> = rows
            .iter()
            .map(|row| {
                row.split('`')
                    .skip(1)
                    .step_by(2)
                    .find(|s| {
                        s.contains('.')
                            && s.chars().all(|c| {
                                c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '_'
                            })
                    })
                    .unwrap_or_else(|| panic!("{file}: row cites no clause: {row}"))
            })
            .collect();
        cited.sort_unstable();
        assert_eq!(cited, want, "{file}: the rows cite the trace's clauses");

        let html = explain(&file, "html");
        let body = &html[html.find("<section id=\"windows\"").expect("sections")
            ..html
                .find("<section id=\"unused\"")
                .or_else(|| html.find("<section id=\"glossary\""))
                .expect("glossary")];
        let rows: Vec<&str> = body
            .split("<tbody>")
            .skip(1)
            .flat_map(|t| {
                t.split("</tbody>")
                    .next()
                    .unwrap_or("")
                    .split("<tr")
                    .skip(1)
            })
            .collect();
        assert_eq!(
            rows.len(),
            a.trace.len(),
            "{file}: one HTML row per trace entry"
        );
        let mut linked: Vec<&str> = rows
            .iter()
            .map(|row| {
                row.split("href=\"#clause-")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_else(|| panic!("{file}: HTML row links no clause: {row}"))
            })
            .collect();
        linked.sort_unstable();
        assert_eq!(
            linked, want,
            "{file}: the HTML rows link the trace's clauses"
        );
    }
}

#[test]
fn html_is_one_self_contained_printable_file() {
    for file in examples() {
        let html = explain(&file.to_string_lossy(), "html");
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.ends_with("</html>\n"));
        let lower = html.to_lowercase();
        for banned in ["http", "<script", "<link", "src=", "@import", "url("] {
            assert!(
                !lower.contains(banned),
                "{}: found `{banned}`",
                file.display()
            );
        }
        assert!(html.contains("<style>") && html.contains("@media print"));
        assert!(html.contains("section.page { break-before: page; }"));
        for id in [
            "windows",
            "net_customer_adds",
            "deployments",
            "designation",
            "glossary",
        ] {
            assert!(
                html.contains(&format!("<section id=\"{id}\" class=\"page\">")),
                "{id} starts a printed page"
            );
        }
        // every internal link lands on an anchor of the same file
        for link in html.split("href=\"#").skip(1) {
            let target = link.split('"').next().unwrap_or_default();
            assert!(
                html.contains(&format!("id=\"{target}\"")),
                "{}: link to #{target} has no anchor",
                file.display()
            );
        }
    }
}

#[test]
fn html_shows_the_evidence_tables() {
    let html = explain(SMB, "html");
    for fragment in [
        "<title>Audit report: Solutions Partner for Digital &amp; App Innovation (Azure) (Blue Fjord Consulting, a small SMB consultancy, attains with 76 points)</title>",
        "<tr><th scope=\"row\">Measurement month (M)</th><td>2024-12</td></tr>",
        "<section id=\"net_customer_adds\" class=\"page\">\n<h2>Net customer adds: 20 of 30 points</h2>",
        "<th scope=\"col\" class=\"num\">2023-11<br><span class=\"note\">baseline</span></th>",
        "<tr class=\"against\"><td class=\"short\"><code>alpine-gear</code></td><td class=\"num\"><strong>880.00</strong></td><td class=\"num\"><strong>900.00</strong></td><td class=\"num\">0.00</td><td class=\"num\">0.00</td><td class=\"short\">-1 (loss)</td>",
        "<tr class=\"excluded\"><td class=\"short\"><code>olav</code></td><td>Azure Developer Associate</td><td class=\"short\">scoring</td><td class=\"short\">2022-11-01</td><td class=\"short\">2024-11-01</td><td class=\"short\">inactive</td>",
        "<td>not counted: <code>Virtual Machines Licenses</code> never counts toward deployments</td>",
        "<p class=\"verdict attained\"><strong>Designation attained.</strong> 76 points reach 70",
        "<tr id=\"clause-DAI.SKILL.ADV.IOT_GRACE\"><td><code>DAI.SKILL.ADV.IOT_GRACE</code></td>",
    ] {
        assert!(html.contains(fragment), "missing:\n{fragment}");
    }
    let narrow = explain(NARROW, "html");
    assert!(
        narrow.contains("<p class=\"verdict missed\"><strong>Designation not attained.</strong>")
    );
}

#[test]
fn json_carries_the_score_card_and_every_trace_entry_with_evidence() {
    for file in examples() {
        let file = file.to_string_lossy();
        let json: serde_json::Value =
            serde_json::from_str(&explain(&file, "json")).expect("explain JSON parses");
        let card: serde_json::Value =
            serde_json::from_slice(&run(&["score", &file, "--format", "json"]).stdout)
                .expect("score JSON parses");
        let card = card.as_object().expect("an object");
        let all = json.as_object().expect("an object");
        let keys: Vec<&String> = all.keys().collect();
        let card_keys: Vec<&String> = card.keys().collect();
        assert_eq!(
            keys[..card_keys.len()],
            card_keys[..],
            "{file}: the card's keys come first, in order"
        );
        for (k, v) in card {
            assert_eq!(
                &all[k], v,
                "{file}: `{k}` differs from `score --format json`"
            );
        }
        let a = assess(&file);
        let trace = json["trace"].as_array().expect("a trace array");
        assert_eq!(trace.len(), a.trace.len(), "{file}");
        for (j, e) in trace.iter().zip(&a.trace) {
            assert_eq!(j["clause"], e.clause.as_str());
            assert_eq!(j["subject"], e.subject.to_string().as_str());
            assert_eq!(j["reason"], pcscore::report::reason(e).as_str());
        }
    }
}

#[test]
fn json_evidence_names_amounts_people_and_deployments() {
    let json: serde_json::Value = serde_json::from_str(&explain(SMB, "json")).expect("parses");
    let trace = json["trace"].as_array().expect("trace");
    let about = |subject: &str, clause: &str| {
        trace
            .iter()
            .find(|e| e["subject"] == subject && e["clause"] == clause)
            .unwrap_or_else(|| panic!("no entry about {subject} citing {clause}"))
            .clone()
    };
    let loss = about("customer alpine-gear", "DAI.PERF.NCA.LOSS");
    assert_eq!(loss["outcome"], "counts");
    assert_eq!(loss["value"], -1);
    assert_eq!(loss["evidence"]["verdict"], "loss");
    assert_eq!(loss["evidence"]["threshold"], "500.00");
    assert_eq!(loss["evidence"]["baseline"][1]["acr"], "900.00");
    assert_eq!(loss["evidence"]["baseline"][1]["at_threshold"], true);
    assert_eq!(loss["evidence"]["recent"][0]["month"], "2024-11");

    let olav = about("person olav", "DAI.SKILL.ACTIVE");
    assert_eq!(olav["evidence"]["status"], "expired");
    assert_eq!(olav["evidence"]["expires"], "2024-11-01");
    assert_eq!(olav["evidence"]["judged_on"], "2024-12-31");
    assert_eq!(
        about("person freya", "DAI.SKILL.ASSOC")["evidence"]["status"],
        "not_associated"
    );

    let merged = &trace
        .iter()
        .find(|e| e["evidence"]["kind"] == "deployment" && e["evidence"]["number"] == 3)
        .expect("deployment 3")["evidence"];
    assert_eq!(merged["status"], "merged");
    assert_eq!(merged["merged_into"], 1);
    assert_eq!(merged["distinct_service"], "azure app service");

    let totals = trace
        .iter()
        .find(|e| e["evidence"]["kind"] == "growth_totals")
        .expect("growth totals");
    assert_eq!(totals["evidence"]["last"], "5570.00");
    assert_eq!(totals["evidence"]["prior"], "4220.00");
    let rate = trace
        .iter()
        .find(|e| e["evidence"]["kind"] == "growth_rate")
        .expect("growth rate");
    assert_eq!(rate["evidence"]["percent"], "31.99");
    assert_eq!(rate["evidence"]["whole_percent"], 31);
}

#[test]
fn a_deployment_refused_for_several_reasons_cites_every_clause() {
    let dir = scratch("refusals");
    let file = dir.join("refused.yaml");
    std::fs::write(
        &file,
        "as_of: 2024-12\n\
         customers:\n  - {id: mpn, segment: smb, attribution: [MPN]}\n\
         deployments:\n  - {customer: mpn, service: Azure Monitor, service_level: 1, month: 2022-01}\n",
    )
    .expect("scratch file");
    let path = file.to_string_lossy();
    let md = explain(&path, "markdown");
    assert!(
        md.contains(
            "| refused | `DAI.CS.DEP.ELIGIBLE`, `DAI.ATTR.ELIGIBLE`, `DAI.CS.DEP.WINDOW` |"
        ),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&explain(&path, "json")).expect("parses");
    let refusals = json["trace"]
        .as_array()
        .and_then(|t| t.iter().find(|e| e["evidence"]["kind"] == "deployment"))
        .map(|e| e["evidence"]["refusals"].clone())
        .expect("the deployment");
    assert_eq!(refusals.as_array().map(Vec::len), Some(3));
    assert!(md.contains("| **Partner** | (the file gives no name) |"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn hostile_text_is_escaped_in_html_and_markdown() {
    let dir = scratch("hostile");
    let file = dir.join("hostile.yaml");
    std::fs::write(
        &file,
        "name: \"<script>alert(1)</script> & Sons | *Ltd*\"\n\
         as_of: 2024-12\n\
         customers:\n  - id: \"<img src=x onerror=alert(2)>\"\n    segment: smb\n    attribution: [PAL]\n    acr: {2024-12: 900}\n\
         people:\n  - id: \"a|b\"\n    certifications: [{cert: \"<b>AZ-900</b>\", earned: 2024-01-01}]\n",
    )
    .expect("scratch file");
    let path = file.to_string_lossy();
    let html = explain(&path, "html");
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an img tag got through");
    assert!(
        !html.contains("<b>AZ"),
        "markup from a certification name got through"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons | *Ltd*"));
    assert!(html.contains("<code>&lt;img src=x onerror=alert(2)&gt;</code>"));

    let md = explain(&path, "markdown");
    assert!(
        md.contains("| **Partner** | &lt;script&gt;alert(1)&lt;/script&gt; & Sons \\| \\*Ltd\\* |")
    );
    assert!(md.contains("| `a\\|b` |"), "{md}");
    // the pipe inside data must not add a column: every row of a table has as many cells
    for table in md.split("\n\n").filter(|b| b.starts_with("| ")) {
        let widths: Vec<usize> = table
            .lines()
            .map(|l| l.replace("\\|", "").matches('|').count())
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "ragged table:\n{table}"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Issue 9: the engine quotes a service in backticks; a service ending in two backticks
/// left the opening one unpaired, so a reader showed the `<img>` in it as raw HTML.
#[test]
fn backticks_in_data_cannot_leave_html_outside_a_code_span() {
    let dir = scratch("backticks");
    let file = dir.join("ticks.yaml");
    std::fs::write(
        &file,
        "as_of: 2024-12\n\
         customers:\n  - id: c1\n    segment: smb\n    attribution: [PAL]\n    acr: {2024-12: 900}\n\
         deployments:\n  - customer: c1\n    service: \"<img src=x onerror=alert(1)>``\"\n    \
         service_level: 2\n    month: 2024-06\n",
    )
    .expect("scratch file");
    let md = explain(&file.to_string_lossy(), "markdown");
    assert!(
        md.contains(
            "1 distinct service: \\`&lt;img src=x onerror=alert(1)&gt;\\`\\`\\` (deployment 1)"
        ),
        "{md}"
    );
    assert!(!md.contains("`<img"), "{md}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_input_and_unknown_formats_exit_2() {
    let out = run(&[
        "explain",
        "tests/data/bad/month-13.yaml",
        "--format",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("month-13.yaml:"));
    let out = run(&["explain", SMB, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("markdown"));
}

/// A fresh folder for files a test writes.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "pcscore-explain-formats-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn readme_excerpts_of_the_audit_reports_are_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let mut lines = body.lines();
        let Some(command) = lines
            .next()
            .and_then(|l| l.strip_prefix("$ pcscore explain "))
            .filter(|c| c.contains("--format"))
        else {
            continue;
        };
        let args: Vec<&str> = std::iter::once("explain")
            .chain(command.split_whitespace())
            .collect();
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "pcscore {command}");
        let printed = String::from_utf8_lossy(&out.stdout);
        let mut rest = printed.lines();
        // Each shown line appears in the output, in the order shown; `...` skips lines.
        for shown in lines.filter(|l| l.trim() != "...") {
            assert!(
                rest.any(|l| l == shown),
                "README shows a line `pcscore explain {command}` does not print (or not in this order):\n{shown}"
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the README shows the Markdown and JSON reports"
    );
}
