//! What the fuzz target does with one input, kept apart from the AFL++ entry point so
//! that a saved input replays through the same code.
//!
//! Any bytes go to the loader; whatever it loads goes to the engine and every renderer,
//! and the score card is checked against the invariants the engine promises. A panic
//! anywhere, or a broken invariant (reported as a panic), is a finding.

use pcscore::model::{Category, Subcategory};
use pcscore::rulebook::Rulebook;
use pcscore::{engine, load, report, scenario};

/// Runs one input through loader, engine and reports.
pub fn exercise(data: &[u8]) {
    // Invalid UTF-8 is refused by `load_file` before parsing; the lossy text still
    // gives the parser something to chew on.
    let text = String::from_utf8_lossy(data);
    let book = Rulebook::builtin();
    let doc = match load::load_str(&text, "fuzz.yaml") {
        Ok(doc) => doc,
        Err(e) => {
            // The located message, with its caret line, must render for any input.
            let message = e.to_string();
            assert!(message.starts_with("fuzz.yaml"), "{message}");
            return;
        }
    };
    let a = match engine::score(&doc.situation, book) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let card = &a.card;
    for sub in Subcategory::ALL {
        assert!(
            card.points.get(sub) <= book.subcategory_max(sub),
            "{sub:?} over its cap: {card:?}"
        );
    }
    for cat in Category::ALL {
        let sum: u32 = Subcategory::ALL
            .into_iter()
            .filter(|s| s.category() == cat)
            .map(|s| card.points.get(s))
            .sum();
        assert_eq!(
            card.category(cat),
            sum.min(book.category_max(cat)),
            "{card:?}"
        );
    }
    assert_eq!(card.total, card.categories.iter().sum::<u32>(), "{card:?}");
    assert!(card.total <= 100, "{card:?}");
    let every = Subcategory::ALL
        .into_iter()
        .all(|s| card.points.get(s) >= 1);
    assert_eq!(card.attained, card.total >= 70 && every, "{card:?}");
    if let Some(p) = doc.situation.path {
        assert_eq!(card.path, p);
    }
    // The same situation scores the same, trace included; without the trace, the same
    // card.
    assert!(engine::score(&doc.situation, book).as_ref() == Ok(&a));
    match engine::score_untraced(&doc.situation, book) {
        Ok(u) => assert!(u.card == a.card && u.path_source == a.path_source && u.trace.is_empty()),
        Err(e) => panic!("scored with the trace but not without: {e}"),
    }

    let _ = report::card_text(&a, book);
    let yaml = report::card_yaml(card, None);
    let _ = report::card_json(&a, book);
    let _ = report::explain_text("fuzz.yaml", &doc.header, &a, book);
    let (status, checked) = scenario::check_document(std::path::Path::new("fuzz.yaml"), &doc, book);
    assert!(checked.as_ref() == Some(&a));
    match (&doc.expected, status) {
        (None, scenario::Status::NotAScenario) | (Some(_), scenario::Status::Passed) => {}
        (Some(_), scenario::Status::Failed { diff }) => assert!(!diff.is_empty()),
        (expected, status) => panic!("status {status:?} for expectation {expected:?}"),
    }
    // The YAML card is exactly an `expected:` block: pasted under a name, it loads and
    // the scenario passes.
    let mut indented = String::new();
    for line in yaml.lines() {
        indented.push_str("  ");
        indented.push_str(line);
        indented.push('\n');
    }
    let block = format!(
        "name: pasted\nas_of: {}\nexpected:\n{indented}",
        doc.situation.as_of
    );
    let pasted = load::load_str(&block, "pasted.yaml").map(|d| d.expected);
    match pasted {
        Ok(Some(expected)) => assert_eq!(scenario::compare(&expected, card), None, "{block}"),
        other => panic!("the YAML card did not load as an expectation: {other:?}\n{block}"),
    }
}
