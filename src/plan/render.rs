//! `pcscore plan` output: text for people, JSON for tools. Both show the same actions in
//! the same order, with the same verified cards.

use super::{describe, Action, Gap, Outcome, Plan, Purpose, Step};
use crate::engine::Assessment;
use crate::model::plain_decimal;
use crate::model::{Points, ScoreCard};
use crate::report;
use crate::rulebook::Rulebook;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const WIDTH: usize = 92;

/// Word-wraps `text` to [`WIDTH`], every line after the first indented by `indent`.
fn wrap(text: &str, first: &str, indent: usize) -> String {
    // `a -> b` and `USD 1,000.00` stay on one line.
    const GLUE: &str = "\u{1}";
    const USD: &str = "\u{2}";
    let text = text.replace(" -> ", GLUE).replace("USD ", USD);
    let pad = " ".repeat(indent);
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut fresh = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len =
            word.chars().count() + 3 * word.matches(GLUE).count() + 3 * word.matches(USD).count();
        if !fresh && col + 1 + len > WIDTH {
            out.push('\n');
            out.push_str(&pad);
            col = indent;
            fresh = true;
        }
        if !fresh {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        fresh = false;
    }
    out.push('\n');
    out.replace(GLUE, " -> ").replace(USD, "USD ")
}

/// `net customer adds 20 -> 30; total 66 -> 76`, and the attainment when it changes.
fn effects(before: &ScoreCard, after: &ScoreCard, book: &Rulebook) -> String {
    let mut parts: Vec<String> = book
        .subcategories()
        .filter(|s| before.points_of(&s.key) != after.points_of(&s.key))
        .map(|s| {
            format!(
                "{} {} -> {}",
                s.title.to_lowercase(),
                before.points_of(&s.key),
                after.points_of(&s.key)
            )
        })
        .collect();
    if before.path != after.path {
        parts.push(format!("path {} -> {}", before.path, after.path));
    }
    if parts.is_empty() {
        parts.push("no points on its own".into());
    }
    let mut text = parts.join(", ");
    text.push_str(&format!("; total {} -> {}", before.total, after.total));
    if after.attained != before.attained {
        text.push_str(if after.attained {
            ", attained"
        } else {
            ", no longer attained"
        });
    }
    text
}

fn gain_label(step: &Step) -> String {
    let (gain, count) = (step.gain(), step.action.count());
    let sign = if gain > Points::ZERO { "+" } else { "" };
    if count == 1 {
        format!("{sign}{gain}")
    } else {
        let each = Points::new((gain.value() / Decimal::from(count)).round_dp(2));
        format!("{sign}{gain} for {count} ({sign}{each} each)")
    }
}

fn step_text(out: &mut String, n: usize, step: &Step, with_gain: bool, book: &Rulebook) {
    let label = if with_gain {
        format!("{:>4}. {:<6} ", n, gain_label(step))
    } else {
        format!("{:>4}. ", n)
    };
    let indent = if with_gain && label.chars().count() <= 13 {
        13
    } else {
        6
    };
    if label.chars().count() > 13 {
        out.push_str(label.trim_end());
        out.push('\n');
        out.push_str(&wrap(
            &report::one_line(&step.text),
            &" ".repeat(indent),
            indent,
        ));
    } else {
        out.push_str(&wrap(&report::one_line(&step.text), &label, indent));
    }
    out.push_str(&wrap(
        &effects(&step.before, &step.after, book),
        &" ".repeat(indent),
        indent,
    ));
    out.push_str(&wrap(
        &format!("[{}]", step.clauses.join(", ")),
        &" ".repeat(indent),
        indent,
    ));
}

fn count_actions(steps: &[Step]) -> u32 {
    steps.iter().map(|s| s.action.count()).sum()
}

fn usd_added(steps: &[Step]) -> Decimal {
    steps.iter().map(|s| s.action.usd()).sum()
}

fn indented_card(a: &Assessment, book: &Rulebook) -> String {
    // The score card of `pcscore score`, without its heading lines (title, month and
    // path, rules) and the blank line after them.
    report::card_text(a, book)
        .lines()
        .skip(4)
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn money(d: Decimal) -> String {
    crate::model::Money::from_decimal(d).map_or_else(|| d.to_string(), |m| m.to_string())
}

/// The plan for people.
pub fn plan_text(file: &str, plan: &Plan, book: &Rulebook) -> String {
    let a = &plan.current;
    let card = &a.card;
    let min = &book.attainment;
    let mut out = format!(
        "Plan for {}\nfile: {}\nmeasured at {}, {} path ({})\n\n",
        report::one_line(&book.title),
        report::one_line(file),
        a.as_of,
        card.path,
        match a.path_source {
            crate::engine::PathSource::Explicit => "set in the file",
            crate::engine::PathSource::Derived => "derived from the data",
        }
    );
    let max_total = book.max_total();
    out.push_str(&format!(
        "Now: {} of {max_total} points, {}\n\n",
        card.total,
        if card.attained {
            "designation attained".to_string()
        } else {
            let blocking = plan.gaps.iter().filter(|g| g.blocks).count();
            let mut why = Vec::new();
            if card.total < min.min_total {
                why.push(format!(
                    "{} short of {}",
                    report::points_count(min.min_total - card.total),
                    min.min_total
                ));
            }
            if blocking > 0 {
                why.push(format!(
                    "{} under {} point{}",
                    if blocking == 1 {
                        "1 subcategory".to_string()
                    } else {
                        format!("{blocking} subcategories")
                    },
                    min.min_points_per_subcategory,
                    if min.min_points_per_subcategory == Points::from(1) {
                        ""
                    } else {
                        "s"
                    }
                ));
            }
            format!("not attained: {} ({})", why.join(", "), min.clause)
        }
    ));
    out.push_str("Where points are missing\n");
    for g in &plan.gaps {
        out.push_str(&format!(
            "  {:<30}{:>4} / {:<5}{}\n",
            g.title,
            g.points,
            g.max,
            gap_note(g)
        ));
    }
    out.push_str(
        "\nActions, best first: each re-scored on its own, ranked by points per single action\n",
    );
    if plan.actions.is_empty() {
        out.push_str("  none: no action the planner knows adds a point\n");
    }
    for (i, step) in plan.actions.iter().enumerate() {
        step_text(&mut out, i + 1, step, true, book);
    }
    if !plan.left_out.is_empty() {
        out.push_str(
            "\nLeft out: these raise what they aim at, but move the derived path and cost points\n",
        );
        for (i, step) in plan.left_out.iter().enumerate() {
            step_text(&mut out, i + 1, step, true, book);
        }
    }
    out.push('\n');
    match &plan.outcome {
        Outcome::AlreadyAttained => {
            out.push_str("Plan: nothing to add, the designation is attained already.\n");
        }
        Outcome::Reached { steps, last } => {
            let n = count_actions(steps);
            let usd = usd_added(steps);
            out.push_str(&wrap(
                &format!(
                    "Plan: {} {} the designation{}; the file with every step applied re-scores \
                     to {} points",
                    if n == 1 {
                        "1 action".to_string()
                    } else {
                        format!("{n} actions")
                    },
                    if n == 1 { "reaches" } else { "reach" },
                    if usd > Decimal::ZERO {
                        format!(" with {} more ACR", money(usd))
                    } else {
                        String::new()
                    },
                    last.card.total
                ),
                "",
                6,
            ));
            for (i, step) in steps.iter().enumerate() {
                step_text(&mut out, i + 1, step, false, book);
            }
            out.push_str("\nFinal card\n");
            out.push_str(&indented_card(last, book));
        }
        Outcome::Unreachable {
            reasons,
            steps,
            last,
        } => {
            out.push_str(
                "Plan: the designation cannot be reached with the actions the planner knows:\n",
            );
            for r in reasons {
                out.push_str(&wrap(r, "  - ", 4));
            }
            if !steps.is_empty() {
                out.push_str("\nThe closest the planner got:\n");
                for (i, step) in steps.iter().enumerate() {
                    step_text(&mut out, i + 1, step, false, book);
                }
                out.push_str("\nCard after those steps\n");
                out.push_str(&indented_card(last, book));
            }
        }
    }
    out
}

fn gap_note(g: &Gap) -> String {
    let mut note = if g.missing == Points::ZERO {
        "full".to_string()
    } else {
        format!("{:>2} missing", g.missing)
    };
    if g.blocks {
        note.push_str(", blocks attainment");
    }
    note
}

fn card_json(card: &ScoreCard) -> Value {
    Value::Object(crate::report::card_shape(card))
}

/// The data an action names, field by field.
fn details(action: &Action, book: &Rulebook) -> Value {
    match action {
        Action::Associate {
            person,
            certifications,
        } => json!({"person": person, "certifications": certifications}),
        Action::Renew {
            person,
            cert,
            expired,
            until,
            ..
        } => json!({"person": person, "certification": cert, "expired": expired.to_string(),
            "renewed_until": until.to_string()}),
        Action::Retake {
            person,
            cert,
            expired,
            earned,
        } => json!({"person": person, "certification": cert, "expired": expired.to_string(),
            "earned": earned.to_string()}),
        Action::RaiseAcr {
            customer,
            month,
            from,
            to,
            purpose,
        } => {
            let mut v = json!({"customer": customer, "month": month.to_string(),
                "acr_before": plain_decimal(from.amount()), "acr_after": plain_decimal(to.amount())});
            if let Purpose::Growth { target } = purpose {
                v["usage_growth_target"] = json!(target);
            }
            v
        }
        Action::NewCustomers {
            ids,
            segment,
            attribution,
            month,
            amount,
        } => json!({"customers": ids, "segment": segment.as_str(), "attribution": attribution,
            "month": month.to_string(), "acr_each": plain_decimal(amount.amount())}),
        Action::Deploy {
            customer,
            new_customer,
            services,
            month,
        } => json!({"customer": customer, "new_customer": new_customer.is_some(),
            "month": month.to_string(),
            "services": services.iter().map(|(name, known)| json!({"service": name,
                "known_from_file": known.as_ref().map(|k| describe::known_text(k, book))}))
                .collect::<Vec<_>>()}),
        Action::Certify {
            sub,
            prerequisites,
            scoring,
            earned,
            ids,
        } => {
            let mut v = json!({"subcategory": sub,
                "prerequisite_people": prerequisites.iter().sum::<u32>(),
                "scoring_people": scoring, "earned": earned.to_string(), "people": ids});
            // A ladder of several steps says how many people each step gets.
            if prerequisites.len() > 1 {
                v["prerequisite_people_per_step"] = json!(prerequisites);
            }
            v
        }
    }
}

fn step_json(step: &Step, book: &Rulebook) -> Value {
    json!({
        "kind": step.action.kind().key(),
        "text": step.text,
        "count": step.action.count(),
        "gain": step.gain(),
        "usd_added": plain_decimal(step.action.usd()),
        "clauses": step.clauses,
        "details": details(&step.action, book),
        "before": card_json(&step.before),
        "after": card_json(&step.after),
    })
}

/// The plan for tools: the same actions and cards as the text, as JSON.
pub fn plan_json(file: &str, plan: &Plan, book: &Rulebook) -> String {
    let a = &plan.current;
    let gaps: Vec<Value> = plan
        .gaps
        .iter()
        .map(|g| {
            json!({"subcategory": g.sub, "points": g.points, "max": g.max,
                "missing": g.missing, "blocks_attainment": g.blocks})
        })
        .collect();
    let outcome = match &plan.outcome {
        Outcome::AlreadyAttained => json!({"status": "already_attained", "steps": []}),
        Outcome::Reached { steps, last } => json!({
            "status": "reached",
            "actions": count_actions(steps),
            "usd_added": plain_decimal(usd_added(steps)),
            "steps": steps.iter().map(|s| step_json(s, book)).collect::<Vec<_>>(),
            "final": card_json(&last.card),
        }),
        Outcome::Unreachable {
            reasons,
            steps,
            last,
        } => json!({
            "status": "unreachable",
            "reasons": reasons,
            "actions": count_actions(steps),
            "usd_added": plain_decimal(usd_added(steps)),
            "steps": steps.iter().map(|s| step_json(s, book)).collect::<Vec<_>>(),
            "final": card_json(&last.card),
        }),
    };
    let value = json!({
        "file": file,
        "designation": a.designation.slug(),
        "as_of": a.as_of.to_string(),
        "path_source": match a.path_source {
            crate::engine::PathSource::Explicit => "explicit",
            crate::engine::PathSource::Derived => "derived",
        },
        "min_total": book.attainment.min_total,
        "min_points_per_subcategory": book.attainment.min_points_per_subcategory,
        "current": card_json(&a.card),
        "gaps": gaps,
        "actions": plan.actions.iter().map(|s| step_json(s, book)).collect::<Vec<_>>(),
        "left_out": plan.left_out.iter().map(|s| step_json(s, book)).collect::<Vec<_>>(),
        "plan": outcome,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
