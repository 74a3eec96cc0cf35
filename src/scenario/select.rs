//! Choosing which checked files a run reports: by tag or clause id, and by name.
//!
//! The rules, documented in docs/scenario-format.md: a tag matches a file's `tags` or
//! `clauses` exactly (case-sensitive, as cucumber's tags are; a leading `@` is ignored);
//! a name matches when it is part of the file's name, ignoring case. Several tags select
//! files with any of them, several names files with any of them, and tags together with
//! names select files that satisfy both. A file that could not be checked is always
//! reported: its tags cannot be known, and a broken file must never pass unnoticed.

use super::{Case, Status};

/// Which files of a run to report. The default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    tags: Vec<String>,
    names: Vec<String>,
}

/// The outcome of applying a [`Selection`].
#[derive(Debug, Clone)]
pub struct Selected {
    /// The files selected, in the order they were given.
    pub cases: Vec<Case>,
    /// How many files were checked but left out of the report.
    pub not_selected: usize,
}

impl Selection {
    /// Files with any of `tags` (tags or clause ids) and, when `names` are given, a name
    /// containing any of them, ignoring case. Empty lists do not restrict.
    pub fn new(tags: &[String], names: &[String]) -> Selection {
        Selection {
            tags: tags
                .iter()
                .map(|t| t.strip_prefix('@').unwrap_or(t).to_string())
                .collect(),
            names: names.to_vec(),
        }
    }

    /// Whether this selects every file.
    pub fn is_everything(&self) -> bool {
        self.tags.is_empty() && self.names.is_empty()
    }

    /// Whether a checked file is selected.
    pub fn matches(&self, case: &Case) -> bool {
        if matches!(case.status, Status::Invalid { .. }) {
            return true;
        }
        let tagged = self.tags.is_empty() || case.tags.iter().any(|t| self.tags.contains(t));
        let named = self.names.is_empty() || {
            let name = case.name.to_lowercase();
            self.names.iter().any(|n| name.contains(&n.to_lowercase()))
        };
        tagged && named
    }

    /// Keeps the selected files, in order, and counts the others.
    pub fn apply(&self, cases: Vec<Case>) -> Selected {
        let total = cases.len();
        let cases: Vec<Case> = cases.into_iter().filter(|c| self.matches(c)).collect();
        Selected {
            not_selected: total - cases.len(),
            cases,
        }
    }

    /// What a file must have to be selected, for messages: "the tag or clause id `a` or
    /// `b` and a name containing `x`".
    pub fn describe(&self) -> String {
        let either = |items: &[String]| {
            items
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        let mut parts = Vec::new();
        if !self.tags.is_empty() {
            parts.push(format!("the tag or clause id {}", either(&self.tags)));
        }
        if !self.names.is_empty() {
            parts.push(format!("a name containing {}", either(&self.names)));
        }
        if parts.is_empty() {
            "anything".to_string()
        } else {
            parts.join(" and ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn case(name: &str, tags: &[&str], status: Status) -> Case {
        Case {
            file: PathBuf::from(format!("{name}.yaml")),
            name: name.to_string(),
            name_at: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            status,
            actual: None,
            expected: None,
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn names(selection: &Selection, cases: &[Case]) -> Vec<String> {
        selection
            .apply(cases.to_vec())
            .cases
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    fn corpus() -> Vec<Case> {
        vec![
            case(
                "One cent blocks an add",
                &["boundary", "DAI.PERF.NCA.ADD"],
                Status::Passed,
            ),
            case(
                "Loss offsets an add",
                &["net-customer-adds", "DAI.PERF.NCA.LOSS"],
                Status::Passed,
            ),
            case(
                "Growth of 20 percent",
                &["usage-growth", "boundary"],
                Status::Passed,
            ),
            case("partner.yaml", &[], Status::NotAScenario),
        ]
    }

    #[test]
    fn everything_by_default() {
        let s = Selection::default();
        assert!(s.is_everything());
        let out = s.apply(corpus());
        assert_eq!(out.cases.len(), 4);
        assert_eq!(out.not_selected, 0);
    }

    #[test]
    fn a_tag_matches_tags_and_clause_ids_exactly() {
        let s = Selection::new(&strings(&["boundary"]), &[]);
        assert_eq!(
            names(&s, &corpus()),
            ["One cent blocks an add", "Growth of 20 percent"]
        );
        let s = Selection::new(&strings(&["DAI.PERF.NCA.LOSS"]), &[]);
        assert_eq!(names(&s, &corpus()), ["Loss offsets an add"]);
        // Neither a prefix nor another case matches.
        for t in ["DAI.PERF.NCA", "Boundary", "bound"] {
            let s = Selection::new(&strings(&[t]), &[]);
            assert!(names(&s, &corpus()).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_leading_at_sign_is_ignored_as_in_cucumber() {
        let s = Selection::new(&strings(&["@usage-growth"]), &[]);
        assert_eq!(names(&s, &corpus()), ["Growth of 20 percent"]);
    }

    #[test]
    fn repeated_tags_select_any_of_them() {
        let s = Selection::new(&strings(&["usage-growth", "DAI.PERF.NCA.LOSS"]), &[]);
        assert_eq!(
            names(&s, &corpus()),
            ["Loss offsets an add", "Growth of 20 percent"]
        );
    }

    #[test]
    fn a_name_matches_as_a_substring_ignoring_case() {
        let s = Selection::new(&[], &strings(&["AN ADD"]));
        assert_eq!(
            names(&s, &corpus()),
            ["One cent blocks an add", "Loss offsets an add"]
        );
        let s = Selection::new(&[], &strings(&["growth", "cent"]));
        assert_eq!(
            names(&s, &corpus()),
            ["One cent blocks an add", "Growth of 20 percent"]
        );
    }

    #[test]
    fn tags_and_names_together_must_both_match() {
        let s = Selection::new(&strings(&["boundary"]), &strings(&["add"]));
        let out = s.apply(corpus());
        assert_eq!(out.cases.len(), 1);
        assert_eq!(out.cases[0].name, "One cent blocks an add");
        assert_eq!(out.not_selected, 3);
    }

    #[test]
    fn files_that_could_not_be_checked_are_always_selected() {
        let mut cases = corpus();
        cases.push(case(
            "broken.yaml",
            &[],
            Status::Invalid {
                error: crate::load::LoadError::whole_file("broken.yaml", "bad", "good").into(),
            },
        ));
        let s = Selection::new(&strings(&["no-such-tag"]), &[]);
        assert_eq!(names(&s, &cases), ["broken.yaml"]);
    }

    #[test]
    fn describe_names_what_was_asked_for() {
        let s = Selection::new(&strings(&["a", "@b"]), &strings(&["X"]));
        assert_eq!(
            s.describe(),
            "the tag or clause id `a` or `b` and a name containing `X`"
        );
        assert_eq!(Selection::default().describe(), "anything");
    }
}
