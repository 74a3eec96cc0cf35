//! When steps: the partner file the Given steps built is loaded and scored exactly as
//! `pcscore explain` would: `load::load_str`, `engine::score`, `report::explain_text`.

use crate::world::{Scored, Spec, STEP_FILE};
use cucumber::{then, when};
use pcscore::{engine, load, report};

#[when("the partner is scored")]
fn partner_is_scored(w: &mut Spec) -> Result<(), String> {
    let text = match &w.partner_text {
        Some(text) => text.clone(),
        None => w.partner.to_yaml(),
    };
    // The rulebook every command would pick for this file: its designation, and its
    // `edition:` or the edition in force for its month (EDITION.CHOICE).
    let (doc, book) = load::load_str_chosen(&text, STEP_FILE)
        .map_err(|e| format!("{e}\nThe partner file the steps built:\n{text}"))?;
    let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
    let explanation = report::explain_text(STEP_FILE, &doc.header, &assessment, book);
    w.scored = Some(Scored {
        assessment,
        explanation,
    });
    Ok(())
}

/// Reads the partner file as every command does, keeping a refusal instead of failing.
#[when("the partner file is read")]
fn partner_file_is_read(w: &mut Spec) {
    let text = match &w.partner_text {
        Some(text) => text.clone(),
        None => w.partner.to_yaml(),
    };
    w.refusal = load::load_str_chosen(&text, STEP_FILE)
        .err()
        .map(|e| e.to_string().lines().next().unwrap_or_default().to_string());
}

#[then("it is refused with:")]
fn refused_with(w: &mut Spec, step: &cucumber::gherkin::Step) -> Result<(), String> {
    let want = step
        .docstring
        .as_ref()
        .ok_or("this step needs the message in a doc string")?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match &w.refusal {
        None => Err("the file was read without a refusal".into()),
        Some(got) if *got == want => Ok(()),
        Some(got) => Err(format!("refused with:\n  {got}\nnot:\n  {want}")),
    }
}
