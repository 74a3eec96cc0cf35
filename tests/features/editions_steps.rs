//! Steps for designations and editions: the designation a partner is scored for, and
//! the same partner scored under two editions with what changed between them
//! (features/editions-compared.feature).

use crate::params::{PathArg, SubcategoryArg};
use crate::world::{Scored, Spec, STEP_FILE};
use cucumber::{given, then, when};
use pcscore::model::Points;
use pcscore::{engine, load, report};

#[given(expr = "the designation is {word}")]
fn designation(w: &mut Spec, slug: String) {
    w.partner.designation = Some(slug);
}

#[when(regex = r"^the partner is scored under (\d{4}-\d{2}) and under (\d{4}-\d{2})$")]
fn scored_under_both(w: &mut Spec, first: String, second: String) -> Result<(), String> {
    for edition in [first, second] {
        w.partner.edition = Some(edition.clone());
        let text = w.partner.to_yaml();
        let (doc, book) = load::load_str_chosen(&text, STEP_FILE)
            .map_err(|e| format!("{e}\nThe partner file the steps built:\n{text}"))?;
        if book.edition != edition {
            return Err(format!(
                "the file names edition {edition} but was scored under {}",
                book.edition
            ));
        }
        let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
        let explanation = report::explain_text(STEP_FILE, &doc.header, &assessment, book);
        w.compared.push((
            edition,
            Scored {
                assessment,
                explanation,
            },
        ));
    }
    Ok(())
}

/// One scoring of a comparison: the edition and what it gave.
type Under = (String, Scored);

/// The two scorings of `When the partner is scored under A and under B`.
fn compared(w: &Spec) -> Result<(&Under, &Under), String> {
    match w.compared.as_slice() {
        [a, b] => Ok((a, b)),
        _ => Err("add `When the partner is scored under A and under B` first".to_string()),
    }
}

/// A failure naming both editions' values and their explanations.
fn changed(
    what: &str,
    (a, b): (&(String, Scored), &(String, Scored)),
    got: (String, String),
    want: (String, String),
) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    Err(format!(
        "{what}: {} under {} and {} under {}, the scenario expects {} and {}\n\
         Under {}:\n{}\nUnder {}:\n{}",
        got.0, a.0, got.1, b.0, want.0, want.1, a.0, a.1.explanation, b.0, b.1.explanation
    ))
}

#[then(expr = "{subcategory} go(es) from {int} to {int} point(s)")]
fn subcategory_changes(
    w: &mut Spec,
    sub: SubcategoryArg,
    from: u32,
    to: u32,
) -> Result<(), String> {
    let pair = compared(w)?;
    let got = (
        pair.0 .1.assessment.card.points_of(&sub.key).to_string(),
        pair.1 .1.assessment.card.points_of(&sub.key).to_string(),
    );
    let want = (Points::from(from).to_string(), Points::from(to).to_string());
    changed(&sub.title, pair, got, want)
}

#[then(expr = "the total goes from {int} to {int} point(s)")]
fn total_changes(w: &mut Spec, from: u32, to: u32) -> Result<(), String> {
    let pair = compared(w)?;
    let got = (
        pair.0 .1.assessment.card.total.to_string(),
        pair.1 .1.assessment.card.total.to_string(),
    );
    let want = (Points::from(from).to_string(), Points::from(to).to_string());
    changed("the total", pair, got, want)
}

#[then(expr = "the path goes from {path} to {path}")]
fn path_changes(w: &mut Spec, from: PathArg, to: PathArg) -> Result<(), String> {
    let pair = compared(w)?;
    let got = (
        pair.0 .1.assessment.card.path.to_string(),
        pair.1 .1.assessment.card.path.to_string(),
    );
    changed(
        "the path",
        pair,
        got,
        (from.0.to_string(), to.0.to_string()),
    )
}

#[then(regex = r#"^under (\d{4}-\d{2}) the explanation says "(.*)"$"#)]
fn explanation_under(w: &mut Spec, edition: String, phrase: String) -> Result<(), String> {
    let (_, scored) = w
        .compared
        .iter()
        .find(|(e, _)| *e == edition)
        .ok_or_else(|| format!("the partner was not scored under {edition}"))?;
    if scored.explanation.contains(&phrase) {
        return Ok(());
    }
    Err(format!(
        "under {edition} the explanation does not say \"{phrase}\". It reads:\n{}",
        scored.explanation
    ))
}
