//! Then steps: the score card, and the explanation an auditor reads. Each failure
//! message shows the engine's own reasons, so a red scenario says why by itself.

use crate::params::{CategoryArg, ClauseArg, PathArg, PointsArg, SubcategoryArg};
use crate::world::Spec;
use cucumber::then;
use pcscore::engine::{Area, PathSource, TraceEntry};
use pcscore::report;

#[then(
    regex = r"^the partner is scored on the (SMB|smb|Enterprise|enterprise) path(?:, (derived from the data|as the file says))?$"
)]
fn scored_path(w: &mut Spec, path: PathArg, source: String) -> Result<(), String> {
    let s = w.scored()?;
    let card = &s.assessment.card;
    if card.path != path.0 {
        return Err(format!(
            "the engine scores the {} path, the scenario expects {}\nWhy, by the engine's trace:\n{}",
            card.path,
            path.0,
            s.why(Area::Path)
        ));
    }
    let expected = match source.as_str() {
        "derived from the data" => Some(PathSource::Derived),
        "as the file says" => Some(PathSource::Explicit),
        _ => None,
    };
    match expected {
        Some(e) if e != s.assessment.path_source => Err(format!(
            "the path is {:?}, the scenario expects {e:?}",
            s.assessment.path_source
        )),
        _ => Ok(()),
    }
}

// Points steps take whole numbers or up to 2 decimals and compare with the value the
// card shows (PCS.POINTS.SHOWN): `15/7` is written `2.14`.
#[then(expr = "{subcategory} earn(s) {points} point(s)")]
fn subcategory_points(w: &mut Spec, sub: SubcategoryArg, points: PointsArg) -> Result<(), String> {
    let s = w.scored()?;
    let got = s.assessment.card.points_of(&sub.key);
    if points.matches(got) {
        return Ok(());
    }
    Err(format!(
        "{}: the engine gives {got} points, the scenario expects {}\nWhy, by the engine's trace:\n{}",
        sub.title,
        points.0,
        s.why(Area::Subcategory(sub.index))
    ))
}

#[then(expr = "the {category} category comes to {points} point(s)")]
fn category_points(w: &mut Spec, cat: CategoryArg, points: PointsArg) -> Result<(), String> {
    let s = w.scored()?;
    let got = s.assessment.card.category_of(&cat.0);
    if points.matches(got) {
        return Ok(());
    }
    Err(format!(
        "{}: the engine gives {got} points, the scenario expects {}\nWhy, by the engine's trace:\n{}",
        cat.0,
        points.0,
        s.why(Area::Designation)
    ))
}

#[then(expr = "the total is {points} point(s)")]
fn total(w: &mut Spec, points: PointsArg) -> Result<(), String> {
    let s = w.scored()?;
    let got = s.assessment.card.total;
    if points.matches(got) {
        return Ok(());
    }
    Err(format!(
        "the engine's total is {got} points, the scenario expects {}\nWhy, by the engine's trace:\n{}",
        points.0,
        s.why(Area::Designation)
    ))
}

#[then(regex = r"^the designation is (not )?attained$")]
fn attained(w: &mut Spec, not: String) -> Result<(), String> {
    let s = w.scored()?;
    let expected = not.is_empty();
    if s.assessment.card.attained == expected {
        return Ok(());
    }
    Err(format!(
        "the engine says the designation is {}attained, the scenario expects the opposite\nWhy, by the engine's trace:\n{}",
        if expected { "not " } else { "" },
        s.why(Area::Designation)
    ))
}

#[then(
    regex = r#"^the explanation cites ((?:DAI|PCS|AZ|INF|DAT|EDITION)(?:\.[A-Z0-9_]+)+) for (.+?)(?:, saying "(.*)")?$"#
)]
fn cites(w: &mut Spec, clause: ClauseArg, subject: String, saying: String) -> Result<(), String> {
    let s = w.scored()?;
    let about: Vec<&TraceEntry> = s
        .assessment
        .trace
        .iter()
        .filter(|e| is_about(e, &subject))
        .collect();
    let found = about
        .iter()
        .any(|e| e.clause == clause.0 && report::reason(e).contains(&saying));
    if found {
        return Ok(());
    }
    let wanted = if saying.is_empty() {
        String::new()
    } else {
        format!(", saying \"{saying}\"")
    };
    if about.is_empty() {
        let mut subjects: Vec<String> = s
            .assessment
            .trace
            .iter()
            .map(|e| e.subject.to_string())
            .collect();
        subjects.dedup();
        return Err(format!(
            "the explanation says nothing about `{subject}`; it speaks of: {}",
            subjects.join("; ")
        ));
    }
    let said: String = about
        .iter()
        .map(|e| format!("  [{}] {}\n", e.clause, report::reason(e)))
        .collect();
    Err(format!(
        "the explanation does not cite {} for {subject}{wanted}. What it says about {subject}:\n{said}",
        clause.0
    ))
}

#[then(expr = "the explanation says {string}")]
fn explanation_says(w: &mut Spec, phrase: String) -> Result<(), String> {
    let s = w.scored()?;
    if s.explanation.contains(&phrase) {
        return Ok(());
    }
    Err(format!(
        "the explanation does not say \"{phrase}\". It reads:\n{}",
        s.explanation
    ))
}

/// Whether a trace entry is about `subject`: the same words, or those words followed
/// by details (`deployment 2` matches `deployment 2 (Azure Functions for contoso, ...)`).
fn is_about(e: &TraceEntry, subject: &str) -> bool {
    let said = e.subject.to_string();
    said == subject
        || said
            .strip_prefix(subject)
            .is_some_and(|rest| rest.starts_with(' '))
}
