//! When steps: the partner file the Given steps built is loaded and scored exactly as
//! `pcscore explain` would: `load::load_str`, `engine::score`, `report::explain_text`.

use crate::world::{Scored, Spec, STEP_FILE};
use cucumber::when;
use pcscore::rulebook::Rulebook;
use pcscore::{engine, load, report};

#[when("the partner is scored")]
fn partner_is_scored(w: &mut Spec) -> Result<(), String> {
    let text = match &w.partner_text {
        Some(text) => text.clone(),
        None => w.partner.to_yaml(),
    };
    let book = Rulebook::builtin();
    let doc = load::load_str(&text, STEP_FILE)
        .map_err(|e| format!("{e}\nThe partner file the steps built:\n{text}"))?;
    let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
    let explanation = report::explain_text(STEP_FILE, &doc.header, &assessment, book);
    w.scored = Some(Scored {
        assessment,
        explanation,
    });
    Ok(())
}
