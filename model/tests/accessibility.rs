//! The accessibility statement's results, derived from test titles.

use model::accessibility::{CheckKind, Results};

fn tests(list: &[(&str, bool)]) -> Vec<(String, bool)> {
    list.iter().map(|(t, p)| (t.to_string(), *p)).collect()
}

#[test]
fn tests_are_grouped_by_kind_in_statement_order() {
    let results = Results::from_tests(
        "2026-12-03",
        "4.14.0",
        tests(&[
            ("reflows at 320 px without horizontal scrolling: /", true),
            ("no accessibility violations: overview", true),
            ("keyboard only: search, filter, open an item", true),
            ("no accessibility violations: list", false),
        ]),
    )
    .unwrap();
    let kinds: Vec<CheckKind> = results.checks.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [CheckKind::Axe, CheckKind::Keyboard, CheckKind::Reflow]
    );
    assert_eq!(
        results.checks[0].cases[0].title,
        "no accessibility violations: list"
    );
    assert_eq!(results.checks[0].passed(), 1);
    assert_eq!(results.totals(), (4, 3));
}

#[test]
fn an_unknown_test_is_an_error_and_the_day_does_not_count_as_a_finding() {
    assert!(Results::from_tests("d", "4", tests(&[("prints nicely", true)])).is_err());
    let a =
        Results::from_tests("2026-12-01", "4.14.0", tests(&[("keyboard only: x", true)])).unwrap();
    let b =
        Results::from_tests("2026-12-03", "4.14.0", tests(&[("keyboard only: x", true)])).unwrap();
    assert!(a.same_findings(&b));
    let c = Results::from_tests(
        "2026-12-03",
        "4.14.0",
        tests(&[("keyboard only: x", false)]),
    )
    .unwrap();
    assert!(!a.same_findings(&c));
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(Results::from_json(&json).unwrap(), a);
}

#[test]
fn the_committed_results_are_readable_and_all_passed() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/accessibility-results.json"
    ))
    .unwrap();
    let results = Results::from_json(&text).unwrap();
    let (total, passed) = results.totals();
    assert!(total > 20, "{total} checks");
    assert_eq!(total, passed);
}
