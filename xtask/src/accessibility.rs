//! The accessibility statement's results (`data/accessibility-results.json`),
//! derived from the end-to-end run's own report, so the statement the app
//! shows never drifts from what was tested.
//!
//! After the end-to-end tests, `cargo xtask test` reads the tests of
//! `accessibility.spec.ts` from Playwright's JSON report. If they differ from
//! the committed results (the day of the run aside), or those are missing,
//! it writes the new results and fails: rebuild and commit them.

use std::path::Path;

use anyhow::{bail, Context, Result};
use model::accessibility::Results;
use serde_json::Value;

/// The spec file whose tests are the statement's checks.
const SPEC: &str = "accessibility.spec.ts";

/// Compares the run's results with `committed`, rewriting it when they differ.
pub fn check(root: &Path, report: &Path, committed: &Path) -> Result<()> {
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(report).context("reading the end-to-end report")?,
    )?;
    let mut tests = Vec::new();
    collect(&report, false, &mut tests);
    if tests.is_empty() {
        bail!("the end-to-end report has no test of {SPEC}");
    }
    let axe_core = axe_core_version(root)?;
    let day = crate::bench::machine::utc_now()[..10].to_string();
    let run = Results::from_tests(&day, &axe_core, tests).map_err(anyhow::Error::msg)?;
    let stored = std::fs::read_to_string(committed)
        .ok()
        .and_then(|text| Results::from_json(&text).ok());
    match stored {
        Some(stored) if stored.same_findings(&run) => Ok(()),
        _ => {
            std::fs::write(committed, serde_json::to_string_pretty(&run)? + "\n")?;
            bail!(
                "{} was stale or missing: rewritten from this run ({} of {} checks passed); \
                 rebuild and commit it",
                committed.display(),
                run.totals().1,
                run.totals().0
            )
        }
    }
}

/// Every spec of the accessibility file in the report: (title, passed).
fn collect(suite: &Value, inside: bool, out: &mut Vec<(String, bool)>) {
    let inside = inside || suite["file"].as_str().is_some_and(|f| f.ends_with(SPEC));
    if inside {
        for spec in suite["specs"].as_array().into_iter().flatten() {
            let title = spec["title"].as_str().unwrap_or_default().to_string();
            out.push((title, spec["ok"].as_bool().unwrap_or(false)));
        }
    }
    for child in suite["suites"].as_array().into_iter().flatten() {
        collect(child, inside, out);
    }
}

/// The axe-core version installed from the lockfile.
fn axe_core_version(root: &Path) -> Result<String> {
    let manifest = root.join("node_modules/axe-core/package.json");
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(&manifest).context("reading axe-core's package.json")?,
    )?;
    Ok(json["version"].as_str().unwrap_or_default().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_accessibility_specs_are_collected() {
        let report = serde_json::json!({ "suites": [
            { "file": "find.spec.ts", "specs": [{ "title": "search", "ok": true }] },
            { "file": "accessibility.spec.ts", "specs": [{ "title": "keyboard only: a", "ok": true }],
              "suites": [{ "specs": [{ "title": "no accessibility violations: b", "ok": false }] }] }
        ]});
        let mut tests = Vec::new();
        for suite in report["suites"].as_array().unwrap() {
            collect(suite, false, &mut tests);
        }
        assert_eq!(
            tests,
            [
                ("keyboard only: a".to_string(), true),
                ("no accessibility violations: b".to_string(), false)
            ]
        );
    }
}
