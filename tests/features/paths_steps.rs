//! Then steps on the two paths of a designation scored on its better path (Modern Work
//! and Security: `MW.PATH.BEST`, `SEC.PATH`). Each path's card is the card of the same
//! partner file with that `path:` written in it, scored as `pcscore score` scores it; the
//! chosen path and the reason a scenario gives for it are checked against those two
//! cards, exactly (the choice compares exact totals, not the shown ones).

use crate::params::{PathArg, PointsArg, SubcategoryArg};
use crate::world::{Spec, STEP_FILE};
use cucumber::then;
use pcscore::model::{PathKind, Points, ScoreCard};
use pcscore::{engine, load, report};
use std::str::FromStr;

/// The partner file the Given steps built, as text.
fn partner_text(w: &Spec) -> String {
    match &w.partner_text {
        Some(text) => text.clone(),
        None => w.partner.to_yaml(),
    }
}

/// Whether the file names its path (a top-level `path:` key).
fn names_path(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("path:"))
}

/// The file with `path: PATH` in place of its own, or added when it has none.
fn with_path(text: &str, path: PathKind) -> String {
    let line = format!("path: {}", path.as_str());
    if names_path(text) {
        text.lines()
            .map(|l| {
                if l.starts_with("path:") {
                    line.as_str()
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        format!("{}\n{line}\n", text.trim_end())
    }
}

/// The card of the partner file scored on `path`.
fn card_on(w: &Spec, path: PathKind) -> Result<ScoreCard, String> {
    let text = with_path(&partner_text(w), path);
    let (doc, book) = load::load_str_chosen(&text, STEP_FILE)
        .map_err(|e| format!("{e}\nThe partner file on the {path} path:\n{text}"))?;
    let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
    Ok(assessment.card)
}

fn other(path: PathKind) -> PathKind {
    match path {
        PathKind::Enterprise => PathKind::Smb,
        PathKind::Smb => PathKind::Enterprise,
    }
}

/// One line per path for failure messages: total (exact) and attainment.
fn both(e: &ScoreCard, s: &ScoreCard) -> String {
    let line = |c: &ScoreCard| {
        format!(
            "  {}: total {} (shown {}), {}attained",
            c.path,
            c.total,
            c.total.shown_text(2),
            if c.attained { "" } else { "not " }
        )
    };
    format!("{}\n{}", line(e), line(s))
}

#[then(
    regex = r"^the chosen path is (SMB|smb|Enterprise|enterprise) because (only it attains|both attain and its total is higher|neither attains and its total is higher|the totals tie|the file names it)$"
)]
fn chosen_path(w: &mut Spec, path: PathArg, reason: String) -> Result<(), String> {
    let got = w.scored()?.assessment.card.path;
    if got != path.0 {
        return Err(format!(
            "the engine chose the {got} path, the scenario expects {}",
            path.0
        ));
    }
    let named = names_path(&partner_text(w));
    if reason == "the file names it" {
        return if named {
            Ok(())
        } else {
            Err("the file names no path: both paths are scored and the better one chosen".into())
        };
    }
    if named {
        return Err(
            "the file names its path, so no choice is made: say \"because the file names it\""
                .into(),
        );
    }
    let mine = card_on(w, path.0)?;
    let theirs = card_on(w, other(path.0))?;
    let holds = match reason.as_str() {
        "only it attains" => mine.attained && !theirs.attained,
        "both attain and its total is higher" => {
            mine.attained && theirs.attained && mine.total > theirs.total
        }
        "neither attains and its total is higher" => {
            !mine.attained && !theirs.attained && mine.total > theirs.total
        }
        // MW.PATH.BEST (decided): a tie is Enterprise.
        _ => {
            mine.attained == theirs.attained
                && mine.total == theirs.total
                && path.0 == PathKind::Enterprise
        }
    };
    if holds {
        return Ok(());
    }
    let (e, s) = match path.0 {
        PathKind::Enterprise => (&mine, &theirs),
        PathKind::Smb => (&theirs, &mine),
    };
    Err(format!(
        "the {} path is chosen, but not because {reason}:\n{}",
        path.0,
        both(e, s)
    ))
}

#[then(expr = "the {path} path totals {points} point(s)")]
fn path_total(w: &mut Spec, path: PathArg, points: PointsArg) -> Result<(), String> {
    w.scored()?;
    let card = card_on(w, path.0)?;
    if points.matches(card.total) {
        return Ok(());
    }
    Err(format!(
        "on the {} path the total is {} (shown {}), the scenario expects {}",
        path.0,
        card.total,
        card.total.shown_text(2),
        points.0
    ))
}

#[then(expr = "on the {path} path, {subcategory} earn(s) {points} point(s)")]
fn path_points(
    w: &mut Spec,
    path: PathArg,
    sub: SubcategoryArg,
    points: PointsArg,
) -> Result<(), String> {
    w.scored()?;
    let card = card_on(w, path.0)?;
    let got = card.points_of(&sub.key);
    if points.matches(got) {
        return Ok(());
    }
    Err(format!(
        "on the {} path {} earns {got} points, the scenario expects {}",
        path.0, sub.title, points.0
    ))
}

#[then(regex = r"^the (SMB|smb|Enterprise|enterprise) path is (not )?attained$")]
fn path_attained(w: &mut Spec, path: PathArg, not: String) -> Result<(), String> {
    w.scored()?;
    let card = card_on(w, path.0)?;
    let expected = not.is_empty();
    if card.attained == expected {
        return Ok(());
    }
    Err(format!(
        "on the {} path the designation is {}attained (total {})",
        path.0,
        if card.attained { "" } else { "not " },
        card.total
    ))
}

/// `PCS.JSON`: `score --format json` carries both paths' cards under `paths`, each the
/// card of its path.
#[then("the JSON card shows both paths")]
fn json_shows_both(w: &mut Spec) -> Result<(), String> {
    w.scored()?;
    let text = partner_text(w);
    let (doc, book) = load::load_str_chosen(&text, STEP_FILE).map_err(|e| e.to_string())?;
    let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&report::card_json(&assessment, book))
        .map_err(|e| format!("the JSON card does not parse: {e}"))?;
    for path in [PathKind::Enterprise, PathKind::Smb] {
        let card = card_on(w, path)?;
        let shown = json
            .pointer(&format!("/paths/{}/total", path.as_str()))
            .ok_or_else(|| format!("the JSON card has no `paths.{}.total`", path.as_str()))?
            .to_string();
        let value = rust_decimal::Decimal::from_str(&shown)
            .map_err(|e| format!("`paths.{}.total` is `{shown}`: {e}", path.as_str()))?;
        if Points::new(value) != card.total.shown(2) {
            return Err(format!(
                "`paths.{}.total` is {shown}, the {} path's card totals {}",
                path.as_str(),
                path,
                card.total.shown_text(2)
            ));
        }
    }
    Ok(())
}

/// `PCS.JSON`: a designation scored on one path (Business Applications) has no `paths`.
#[then("the JSON card shows no paths")]
fn json_shows_no_paths(w: &mut Spec) -> Result<(), String> {
    w.scored()?;
    let text = partner_text(w);
    let (doc, book) = load::load_str_chosen(&text, STEP_FILE).map_err(|e| e.to_string())?;
    let assessment = engine::score(&doc.situation, book).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&report::card_json(&assessment, book))
        .map_err(|e| format!("the JSON card does not parse: {e}"))?;
    match json.get("paths") {
        None => Ok(()),
        Some(p) => Err(format!("the JSON card has `paths`: {p}")),
    }
}
