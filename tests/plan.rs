//! `pcscore plan`: every gain the plan reports is what the engine gives for the changed
//! situation, the plan's final card is attained and is the engine's card of the file
//! with every step applied, and the text and JSON show the same actions.

use pcscore::engine;
use pcscore::load;
use pcscore::model::{Money, Points, ScoreCard, Situation};
use pcscore::plan::{self, Action, Kind, Outcome, Plan, Purpose, Step};
use pcscore::rulebook::Rulebook;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("folder is readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    list.sort();
    assert!(!list.is_empty(), "no files in {dir}");
    list
}

/// The shipped examples and the hand-made situations of this test.
fn all_files() -> Vec<PathBuf> {
    let mut list = files("scenarios/examples");
    list.extend(files("tests/data/plan"));
    list.retain(|f| plannable(f));
    list
}

/// Whether `plan` has moves for every rule kind of the file's rulebook: the workload
/// designations of 2026-05 are refused by `plan` (`EngineError::PlanUnsupported`).
fn plannable(file: &Path) -> bool {
    let (_, book) = load::load_file_chosen(file).expect("the file loads");
    book.subcategories().all(|s| s.rule.plannable())
}

/// Every shipped scenario, each a small partner situation of its own, and the above.
fn every_situation() -> Vec<PathBuf> {
    let mut list = pcscore::scenario::discover(&[root().join("scenarios")]).expect("scenarios");
    list.extend(files("tests/data/plan"));
    list.retain(|f| plannable(f));
    list
}

/// The rulebook that scores a situation: the one in force for its designation and
/// month, else its designation's only edition (a file that names 2026-05 for an
/// earlier month; the situation no longer says which edition its file named).
fn book(s: &Situation) -> &'static Rulebook {
    use pcscore::rulebook::registry;
    let slug = s.designation.slug();
    registry::find(slug, &registry::in_force(s.as_of).edition)
        .or_else(|| {
            registry::editions_of(slug)
                .last()
                .and_then(|e| registry::find(slug, e))
        })
        .expect("rules")
}

fn situation(file: &Path) -> Situation {
    load::load_file(file).expect("the file loads").situation
}

fn plan_of(file: &Path) -> (Situation, Plan) {
    let s = situation(file);
    let p = plan::plan(&s, book(&s)).expect("the file plans");
    (s, p)
}

fn score(s: &Situation) -> ScoreCard {
    engine::score(s, book(s)).expect("scores").card
}

fn applied(s: &Situation, actions: &[&Action]) -> Situation {
    let mut s = s.clone();
    for a in actions {
        let b = book(&s);
        a.apply(&mut s, b);
    }
    s
}

fn steps(p: &Plan) -> &[Step] {
    match &p.outcome {
        Outcome::AlreadyAttained => &[],
        Outcome::Reached { steps, .. } | Outcome::Unreachable { steps, .. } => steps,
    }
}

fn load(name: &str) -> (Situation, Plan) {
    plan_of(&root().join("tests/data/plan").join(name))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pcscore"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("pcscore runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_listed_gain_is_the_re_scored_difference() {
    for file in every_situation() {
        let (s, p) = plan_of(&file);
        let now = score(&s);
        assert_eq!(p.current.card, now, "{}", file.display());
        for step in p.actions.iter().chain(&p.left_out) {
            let after = score(&applied(&s, &[&step.action]));
            assert_eq!(step.before, now, "{}: {}", file.display(), step.text);
            assert_eq!(step.after, after, "{}: {}", file.display(), step.text);
            assert_eq!(
                step.gain(),
                after.total - now.total,
                "{}: {}",
                file.display(),
                step.text
            );
        }
        for step in &p.actions {
            assert!(
                step.gain() > Points::ZERO,
                "{}: {}",
                file.display(),
                step.text
            );
        }
        for step in &p.left_out {
            assert!(step.gain() <= Points::ZERO && step.before.path != step.after.path);
        }
    }
}

#[test]
fn the_plan_reaches_attainment_and_its_final_card_is_the_engines() {
    for file in every_situation() {
        let (s, p) = plan_of(&file);
        let mut state = s.clone();
        for step in steps(&p) {
            assert_eq!(
                score(&state),
                step.before,
                "{}: {}",
                file.display(),
                step.text
            );
            let b = book(&state);
            step.action.apply(&mut state, b);
            assert_eq!(
                score(&state),
                step.after,
                "{}: {}",
                file.display(),
                step.text
            );
        }
        match &p.outcome {
            Outcome::AlreadyAttained => assert!(p.current.card.attained),
            Outcome::Reached { last, .. } => {
                assert!(!p.current.card.attained);
                assert!(last.card.attained, "{}", file.display());
                assert_eq!(last.card, score(&state), "{}", file.display());
            }
            Outcome::Unreachable { reasons, last, .. } => {
                assert!(!reasons.is_empty());
                assert!(!last.card.attained);
                assert_eq!(last.card, score(&state), "{}", file.display());
            }
        }
    }
}

#[test]
fn the_narrow_miss_is_fixed_by_renewing_the_expired_architect() {
    let file =
        root().join("scenarios/examples/partner-narrowly-misses-on-the-enterprise-path.yaml");
    let (_, p) = plan_of(&file);
    let Outcome::Reached { steps, last } = &p.outcome else {
        panic!("expected a plan that reaches attainment");
    };
    assert_eq!(steps.len(), 1);
    assert!(
        matches!(&steps[0].action, Action::Renew { person, .. } if person == "rosa"),
        "{}",
        steps[0].text
    );
    assert_eq!(last.card.total, Points::from(74));
    let adv = p
        .gaps
        .iter()
        .find(|g| g.sub == "advanced_certifications")
        .unwrap();
    assert!(adv.blocks && adv.missing == Points::from(20));
    // The ranked list leads with the cheapest net customer add.
    assert!(
        matches!(&p.actions[0].action, Action::RaiseAcr { customer, purpose: Purpose::Add, .. } if customer == "birch-legal")
    );
}

#[test]
fn a_second_administrator_unlocks_the_developers_already_there() {
    let (_, p) = load("enterprise-one-admin-short.yaml");
    let first = &p.actions[0];
    assert!(
        matches!(
            &first.action,
            Action::Certify {
                sub,
                prerequisites,
                scoring: 0,
                ..
            } if sub == "intermediate_certifications" && prerequisites == &[1]
        ),
        "{}",
        first.text
    );
    assert_eq!(first.gain(), Points::from(12));
    assert!(first
        .text
        .contains("Azure Administrator Associate (AZ-104)"));
    assert!(first
        .text
        .contains("the 3 people already holding a scoring certification"));
    // The plan associates ed (an architect not yet associated) rather than certify two
    // new architects.
    assert!(steps(&p)
        .iter()
        .any(|s| matches!(&s.action, Action::Associate { person, .. } if person == "ed")));
}

/// The growth top-ups the plan lists are the least amounts: one cent less earns one
/// point fewer. Each is checked on the situation it was computed for.
#[test]
fn growth_amounts_are_minimal_to_the_cent() {
    let mut checked = 0;
    for name in ["growth-at-17-percent.yaml", "smb-near-one-million.yaml"] {
        let (s, p) = load(name);
        let mut cases: Vec<(Situation, &Step)> =
            p.actions.iter().map(|st| (s.clone(), st)).collect();
        let mut state = s.clone();
        for st in steps(&p) {
            cases.push((state.clone(), st));
            let b = book(&state);
            st.action.apply(&mut state, b);
        }
        for (base, step) in cases {
            let Action::RaiseAcr {
                customer,
                month,
                to,
                purpose: Purpose::Growth { target },
                ..
            } = &step.action
            else {
                continue;
            };
            let full = applied(&base, &[&step.action]);
            assert_eq!(
                score(&full).points_of("usage_growth"),
                Points::from(*target),
                "{name}: {}",
                step.text
            );
            let mut less = full;
            let c = less
                .customers
                .iter_mut()
                .find(|c| c.id == *customer)
                .unwrap();
            let cent = Decimal::new(1, 2);
            c.acr
                .insert(*month, Money::from_decimal(to.amount() - cent).unwrap());
            assert_eq!(
                score(&less).points_of("usage_growth"),
                Points::from(target - 1),
                "{name}: one cent less than {}",
                step.text
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} growth actions checked");
}

#[test]
fn the_growth_top_up_in_the_issue_is_three_hundred_dollars() {
    let (_, p) = load("growth-at-17-percent.yaml");
    let cap = p
        .actions
        .iter()
        .find(|s| {
            matches!(
                s.action,
                Action::RaiseAcr {
                    purpose: Purpose::Growth { target: 20 },
                    ..
                }
            )
        })
        .expect("a top-up to the cap");
    assert_eq!(cap.action.usd(), Decimal::from(300));
    assert!(cap.text.contains("growth 17% -> 20%"), "{}", cap.text);
}

#[test]
fn a_top_up_that_moves_the_path_is_left_out_and_the_plan_avoids_it() {
    let (_, p) = load("smb-near-one-million.yaml");
    assert!(p.left_out.iter().any(
        |s| s.action.kind() == Kind::GrowUsage && s.text.contains("SMB to the Enterprise path")
    ));
    let Outcome::Reached { last, .. } = &p.outcome else {
        panic!("expected a plan");
    };
    assert_eq!(last.card.path.as_str(), "smb");
    assert!(last.card.attained);
}

#[test]
fn no_baseline_means_no_plan_and_says_why() {
    let (_, p) = load("no-baseline.yaml");
    let Outcome::Unreachable { reasons, .. } = &p.outcome else {
        panic!("expected no plan");
    };
    assert!(reasons
        .iter()
        .any(|r| r.contains("DAI.CS.UG.NO_BASELINE") && r.contains("2023-12")));
    let (code, out, _) = run(&["plan", "tests/data/plan/no-baseline.yaml"]);
    assert_eq!(code, 0);
    assert!(out.contains("cannot be reached"), "{out}");
}

#[test]
fn an_attained_partner_still_gets_improvements() {
    let (_, p) = plan_of(&root().join("scenarios/examples/large-enterprise-partner-attains.yaml"));
    assert_eq!(p.outcome, Outcome::AlreadyAttained);
    assert!(!p.actions.is_empty());
    let (code, out, _) = run(&[
        "plan",
        "scenarios/examples/large-enterprise-partner-attains.yaml",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("nothing to add, the designation is attained already"));
}

#[test]
fn json_has_the_same_actions_as_the_library_and_the_text() {
    for file in all_files() {
        let shown = file.strip_prefix(root()).unwrap().display().to_string();
        let (_, p) = plan_of(&file);
        let (code, out, err) = run(&["plan", &shown, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        let actions = v["actions"].as_array().expect("actions");
        assert_eq!(actions.len(), p.actions.len(), "{shown}");
        for (j, s) in actions.iter().zip(&p.actions) {
            assert_eq!(j["kind"], s.action.kind().key());
            assert_eq!(j["gain"], serde_json::json!(s.gain()));
            assert_eq!(j["text"], s.text.as_str());
            assert_eq!(j["after"]["total"], serde_json::json!(s.after.total));
        }
        let plan_steps = v["plan"]["steps"].as_array().expect("steps");
        assert_eq!(plan_steps.len(), steps(&p).len());
        assert_eq!(
            v["current"]["total"],
            serde_json::json!(p.current.card.total)
        );
        let (_, text, _) = run(&["plan", &shown]);
        let mut at = 0;
        for s in &p.actions {
            let head: String = s
                .text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            let found = text[at..]
                .find(&head)
                .unwrap_or_else(|| panic!("{shown}: text lacks `{head}` in order"));
            at += found + head.len();
        }
    }
}

#[test]
fn output_is_deterministic() {
    let file = "tests/data/plan/enterprise-one-admin-short.yaml";
    let a = run(&["plan", file, "--format", "json"]);
    let b = run(&["plan", file, "--format", "json"]);
    assert_eq!(a, b);
}

#[test]
fn bad_input_exits_2() {
    let (code, _, err) = run(&["plan", "tests/data/bad/month-13.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("month-13.yaml:"), "{err}");
    let (code, _, err) = run(&["plan", "no/such/file.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file"), "{err}");
    let (code, _, _) = run(&[
        "plan",
        "tests/data/plan/no-baseline.yaml",
        "--format",
        "yaml",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn losses_are_held_before_net_adds_can_score() {
    let (_, p) = load("losses-outnumber-adds.yaml");
    let Outcome::Reached { steps, last } = &p.outcome else {
        panic!("expected a plan");
    };
    assert!(last.card.attained);
    let held: Vec<&str> = steps
        .iter()
        .filter_map(|s| match &s.action {
            Action::RaiseAcr {
                customer,
                purpose: Purpose::Hold,
                ..
            } => Some(customer.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(held, vec!["a", "b"]);
    // Holding a loss earns nothing on its own, and the step says so.
    assert_eq!(steps[0].gain(), Points::ZERO);
    assert!(
        steps[0].text.contains("net adds (adds - losses) -2 -> -1"),
        "{}",
        steps[0].text
    );
}

#[test]
fn a_certification_that_lapsed_before_the_month_is_earned_again_not_renewed() {
    let (_, p) = plan_of(&root().join("scenarios/examples/small-smb-consultancy-attains.yaml"));
    let olav = p
        .actions
        .iter()
        .find(|s| s.text.contains("olav"))
        .expect("an action for olav");
    assert!(
        matches!(&olav.action, Action::Retake { cert, .. } if cert == "azure-developer-associate"),
        "{}",
        olav.text
    );
    assert!(olav.text.contains("by 2024-12-31") && olav.text.contains("can no longer be renewed"));
}

/// Usage growth can only score here with ACR that crosses the driven-ACR limit: the plan
/// takes that step first and plans the rest on the Enterprise path.
#[test]
fn a_plan_can_start_by_moving_the_path() {
    let file =
        root().join("scenarios/windows-and-path/ttm-is-m-minus-11-through-m-for-the-path.yaml");
    let (_, p) = plan_of(&file);
    let Outcome::Reached { steps, last } = &p.outcome else {
        panic!("expected a plan");
    };
    assert_eq!(steps[0].action.kind(), Kind::GrowUsage);
    assert_eq!(
        (steps[0].before.path.as_str(), steps[0].after.path.as_str()),
        ("smb", "enterprise")
    );
    assert!(steps[0].clauses.iter().any(|c| c == "DAI.PATH.DERIVED"));
    assert_eq!(last.card.path.as_str(), "enterprise");
    assert!(last.card.attained);
}
