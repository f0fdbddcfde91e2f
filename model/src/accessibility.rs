//! The results behind the accessibility statement: which checks the test
//! suite ran, on what, and with what result.
//!
//! `cargo xtask test` derives them from the end-to-end run's own report
//! (the tests of `tests/e2e/accessibility.spec.ts`) and fails when
//! `data/accessibility-results.json` differs from what the run found, so the
//! statement the app shows never drifts from what was tested.

use serde::{Deserialize, Serialize};

/// The kinds of check, each a family of tests with a common title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// axe-core with the WCAG 2.1 A and AA rules and its best practices.
    Axe,
    /// A task done with the keyboard alone.
    Keyboard,
    /// No horizontal scrolling at 320 CSS px (WCAG 1.4.10).
    Reflow,
    /// The content security policy is enforced; nothing leaves the site.
    SecurityPolicy,
}

impl CheckKind {
    /// Every kind, in the order the statement lists them.
    pub const ALL: [CheckKind; 4] = [
        CheckKind::Axe,
        CheckKind::Keyboard,
        CheckKind::Reflow,
        CheckKind::SecurityPolicy,
    ];

    /// The start of the titles of this kind's tests.
    pub fn title_prefix(self) -> &'static str {
        match self {
            CheckKind::Axe => "no accessibility violations",
            CheckKind::Keyboard => "keyboard only",
            CheckKind::Reflow => "reflows at 320 px",
            CheckKind::SecurityPolicy => "the content security policy",
        }
    }

    /// The kind of a test, by its title.
    pub fn of_title(title: &str) -> Option<CheckKind> {
        CheckKind::ALL
            .into_iter()
            .find(|kind| title.starts_with(kind.title_prefix()))
    }
}

/// One test: its title (what it checked, as the suite names it) and whether it passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub title: String,
    pub passed: bool,
}

/// The tests of one kind of check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub kind: CheckKind,
    pub cases: Vec<Case>,
}

impl Check {
    /// How many of its tests passed.
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.passed).count()
    }
}

/// What the accessibility tests found, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results {
    /// The day of the run that produced these results (YYYY-MM-DD).
    pub tested_on: String,
    /// The axe-core version the checks ran with.
    pub axe_core: String,
    /// Each kind of check, in [`CheckKind::ALL`] order.
    pub checks: Vec<Check>,
}

impl Results {
    /// Groups test titles and outcomes by kind; a title of no known kind is
    /// an error (the statement must name every check it reports).
    pub fn from_tests(
        tested_on: &str,
        axe_core: &str,
        tests: impl IntoIterator<Item = (String, bool)>,
    ) -> Result<Results, String> {
        let mut checks: Vec<Check> = CheckKind::ALL
            .into_iter()
            .map(|kind| Check {
                kind,
                cases: Vec::new(),
            })
            .collect();
        for (title, passed) in tests {
            let kind = CheckKind::of_title(&title)
                .ok_or_else(|| format!("test of no known kind of check: {title:?}"))?;
            let check = checks
                .iter_mut()
                .find(|c| c.kind == kind)
                .expect("every kind has a check");
            check.cases.push(Case { title, passed });
        }
        checks.retain(|c| !c.cases.is_empty());
        for check in &mut checks {
            check
                .cases
                .sort_unstable_by(|a, b| (&a.title, a.passed).cmp(&(&b.title, b.passed)));
        }
        Ok(Results {
            tested_on: tested_on.to_string(),
            axe_core: axe_core.to_string(),
            checks,
        })
    }

    /// Whether `self` and `other` report the same checks and outcomes (the
    /// day of the run aside).
    pub fn same_findings(&self, other: &Results) -> bool {
        self.axe_core == other.axe_core && self.checks == other.checks
    }

    /// The number of tests, and how many passed.
    pub fn totals(&self) -> (usize, usize) {
        let total = self.checks.iter().map(|c| c.cases.len()).sum();
        let passed = self.checks.iter().map(Check::passed).sum();
        (total, passed)
    }

    /// Reads the stored results.
    pub fn from_json(text: &str) -> Result<Results, serde_json::Error> {
        serde_json::from_str(text)
    }
}
