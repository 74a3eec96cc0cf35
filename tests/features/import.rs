//! Steps for `pcscore import`: downloads written in doc strings, imported through the
//! library exactly as the command does, and the partner file or the refusal checked;
//! the round trip scores the import and a hand-written file alike.

use crate::world::Spec;
use cucumber::gherkin::Step;
use cucumber::{given, then, when};
use pcscore::import::{import, Request};
use pcscore::rulebook::Rulebook;
use pcscore::{engine, load, report};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The downloads of one scenario and what importing them gave.
#[derive(Debug, Default)]
pub struct Imported {
    azure: Option<String>,
    trainings: Option<String>,
    m365: Option<String>,
    options: String,
    result: Option<Result<String, String>>,
}

fn doc(step: &Step) -> Result<String, String> {
    let text = step
        .docstring
        .as_ref()
        .ok_or("this step needs the download in a doc string")?;
    let mut text = text.trim_start_matches('\n').to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[given(expr = "this Azure usage download:")]
fn azure(w: &mut Spec, step: &Step) -> Result<(), String> {
    w.import.azure = Some(doc(step)?);
    Ok(())
}

#[given(expr = "this trainings download:")]
fn trainings(w: &mut Spec, step: &Step) -> Result<(), String> {
    w.import.trainings = Some(doc(step)?);
    Ok(())
}

#[given(expr = "this Microsoft 365 usage download:")]
fn m365(w: &mut Spec, step: &Step) -> Result<(), String> {
    w.import.m365 = Some(doc(step)?);
    Ok(())
}

/// Writes the downloads into a fresh folder as `AzureUsage.csv`, `Trainings.csv` and
/// `OfficeUsage.csv`.
fn run(w: &mut Spec, options: &str) -> Result<(), String> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "pcscore-import-feature-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut req = Request::default();
    if let Some(text) = &w.import.azure {
        let path = dir.join("AzureUsage.csv");
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        req.azure_usage = Some(path);
    }
    if let Some(text) = &w.import.trainings {
        let path = dir.join("Trainings.csv");
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        req.trainings = Some(path);
    }
    if let Some(text) = &w.import.m365 {
        let path = dir.join("OfficeUsage.csv");
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        req.m365_usage = Some(path);
    }
    for option in options
        .split(" --")
        .map(|o| o.trim().trim_start_matches("--"))
    {
        let Some((name, value)) = option.split_once(' ') else {
            continue;
        };
        let value = value.trim().to_string();
        match name {
            "segment" => req.segments.push(value),
            "attribution" => req.attributions.push(value),
            "workload" => req.workloads.push(value),
            "as-of" => req.as_of = Some(value),
            "designation" => req.designation = Some(value),
            other => return Err(format!("unknown import option `--{other}` in the step")),
        }
    }
    let prefix = format!("{}/", dir.display());
    let result = import(&req, Rulebook::builtin())
        .map(|t| t.replace(&prefix, ""))
        .map_err(|e| e.to_string().replace(&prefix, ""));
    w.import.options = options.to_string();
    w.import.result = Some(result);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[when(expr = "the downloads are imported")]
fn imported(w: &mut Spec) -> Result<(), String> {
    run(w, "")
}

#[when(regex = r"^the downloads are imported with (.+)$")]
fn imported_with(w: &mut Spec, options: String) -> Result<(), String> {
    run(w, &options)
}

fn partner(w: &Spec) -> Result<&str, String> {
    match &w.import.result {
        Some(Ok(text)) => Ok(text),
        Some(Err(e)) => Err(format!("the import was refused:\n{e}")),
        None => Err("add `When the downloads are imported` before this step".into()),
    }
}

/// The partner file without its header comment.
fn body(text: &str) -> String {
    text.lines()
        .skip_while(|l| l.starts_with('#'))
        .skip_while(|l| l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

#[then(expr = "the partner file is:")]
fn partner_is(w: &mut Spec, step: &Step) -> Result<(), String> {
    let got = body(partner(w)?);
    let want = doc(step)?;
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "the partner file differs\n--- expected:\n{want}--- got:\n{got}"
        ))
    }
}

#[then(expr = "the header says {string}")]
fn header_says(w: &mut Spec, line: String) -> Result<(), String> {
    let text = partner(w)?;
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    if header
        .iter()
        .any(|l| l.trim_start_matches('#').trim() == line)
    {
        Ok(())
    } else {
        Err(format!(
            "no header line `# {line}` in:\n{}",
            header.join("\n")
        ))
    }
}

#[then(expr = "the import is refused with:")]
fn refused(w: &mut Spec, step: &Step) -> Result<(), String> {
    let want = doc(step)?;
    match &w.import.result {
        Some(Err(e)) if format!("{e}\n") == want => Ok(()),
        Some(Err(e)) => Err(format!(
            "the message differs\n--- expected:\n{want}--- got:\n{e}\n"
        )),
        Some(Ok(text)) => Err(format!("the import succeeded:\n{text}")),
        None => Err("add `When the downloads are imported` before this step".into()),
    }
}

#[then(expr = "it scores exactly like this hand-written partner file:")]
fn scores_like(w: &mut Spec, step: &Step) -> Result<(), String> {
    // Each file is scored by its own designation's rulebook, as `pcscore score` does.
    let card = |text: &str, name: &str| -> Result<String, String> {
        let (doc, book) = load::load_str_chosen(text, name).map_err(|e| format!("{e}\n{text}"))?;
        let a = engine::score_untraced(&doc.situation, book).map_err(|e| e.to_string())?;
        Ok(report::card_yaml(&a.card, None))
    };
    let imported = card(partner(w)?, "the imported file")?;
    let hand = card(&doc(step)?, "the hand-written file")?;
    if imported == hand {
        Ok(())
    } else {
        Err(format!(
            "the cards differ\n--- imported:\n{imported}--- hand-written:\n{hand}"
        ))
    }
}

#[then(expr = "importing them again gives the same bytes")]
fn same_bytes(w: &mut Spec) -> Result<(), String> {
    let first = partner(w)?.to_string();
    let options = w.import.options.clone();
    run(w, &options)?;
    let second = partner(w)?;
    if first == second {
        Ok(())
    } else {
        Err(format!(
            "the second import differs\n--- first:\n{first}--- second:\n{second}"
        ))
    }
}
