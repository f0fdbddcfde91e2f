//! The coordinating section's compilation of the sections' reports into the
//! next edition: submitted and missing sections, conflicts, ownership,
//! refused files, the compiled dataset and its changelog.

use model::drafts::{
    changelog_csv, compile, export_json, export_section_json, import, import_sheet, parse_csv,
    review, section_sheet, sheet_csv, submission, Decisions, Drafts, FieldPath, FieldValue,
    ImportError, NamedReport, Submission, Undecided, CHANGELOG_HEADERS,
};

use model::edition::EditionChanges;

mod common;

use common::dataset;

const T: u64 = 1_795_599_000_000;

fn result(text: &str) -> FieldValue {
    FieldValue::OptionalLines(Some(vec![text.to_string()]))
}

/// A section's JSON report with the given results for 令和5年度.
fn report(section: &str, results: &[(u32, &str)]) -> String {
    let mut drafts = Drafts::new();
    for (item, text) in results {
        drafts
            .set(dataset(), *item, FieldPath::Result(5), result(text), T)
            .unwrap();
    }
    export_section_json(&drafts, dataset(), section, 5, T)
}

fn submit(file: &str, json: &str) -> Result<Submission, ImportError> {
    submission(file, import(json, dataset(), &Drafts::new())?, 5)
}

/// 行政管理課 reports items 1 and 4; 総務課 reports items 4 (shared with
/// 行政管理課, with another text) and 8.
fn two_sections() -> Vec<Submission> {
    vec![
        submit(
            "a.json",
            &report("行政管理課", &[(1, "電子申請 120手続"), (4, "規程 3件")]),
        )
        .unwrap(),
        submit(
            "b.json",
            &report("総務課", &[(4, "規程 4件"), (8, "研修 2回")]),
        )
        .unwrap(),
    ]
}

#[test]
fn sections_that_sent_a_file_and_those_missing() {
    let found = review(dataset(), &two_sections());
    assert_eq!(found.sections.len(), 49);
    let sent: Vec<&str> = found
        .sections
        .iter()
        .filter(|s| !s.files.is_empty())
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(sent, vec!["行政管理課", "総務課"]);
    assert_eq!(found.missing().count(), 47);
    assert!(found.unassigned.is_empty());
}

#[test]
fn two_files_that_disagree_need_a_choice() {
    let subs = two_sections();
    let found = review(dataset(), &subs);
    assert_eq!(found.conflicts.len(), 1);
    let conflict = &found.conflicts[0];
    assert_eq!((conflict.item, conflict.path), (4, FieldPath::Result(5)));
    assert_eq!(
        conflict.offers,
        vec![
            (result("規程 3件"), vec!["a.json".to_string()]),
            (result("規程 4件"), vec!["b.json".to_string()]),
        ]
    );
    assert_eq!(
        compile(dataset(), &subs, &Decisions::new(), 5, "令和6年5月10日").unwrap_err(),
        Undecided(vec![(4, FieldPath::Result(5))])
    );
    // A choice naming a file that did not offer a value decides nothing.
    let mut wrong = Decisions::new();
    wrong.choose(4, FieldPath::Result(5), "c.json");
    assert!(compile(dataset(), &subs, &wrong, 5, "令和6年5月10日").is_err());

    let mut decisions = Decisions::new();
    decisions.choose(4, FieldPath::Result(5), "b.json");
    let compiled = compile(dataset(), &subs, &decisions, 5, "令和6年5月10日").unwrap();
    let year5 = |no: u32| {
        compiled
            .dataset
            .item(no)
            .unwrap()
            .years
            .iter()
            .find(|y| y.year == 5)
            .unwrap()
            .result
            .clone()
    };
    assert_eq!(year5(4), Some(vec!["規程 4件".to_string()]));
    assert_eq!(year5(1), Some(vec!["電子申請 120手続".to_string()]));
    assert_eq!(year5(8), Some(vec!["研修 2回".to_string()]));
    // Nothing else changed.
    assert_eq!(year5(2), None);
    assert_eq!(compiled.dataset.items.len(), 61);
}

#[test]
fn the_next_edition_is_dated_and_its_changes_logged() {
    let mut decisions = Decisions::new();
    decisions.choose(4, FieldPath::Result(5), "a.json");
    let compiled = compile(dataset(), &two_sections(), &decisions, 5, "令和6年5月10日").unwrap();
    let meta = &compiled.dataset.meta;
    assert_eq!(meta.status_as_of, "令和5年度末");
    assert_eq!(
        meta.title,
        "第四次上田市行財政改革大綱 アクションプログラム 令和5年度末取組状況"
    );
    assert_eq!(meta.edition_published.as_deref(), Some("令和6年5月10日"));
    assert!(meta.edition_date_note.contains("令和5年度の報告"));
    assert_eq!(meta.version, "2.1.0");
    assert_eq!(meta.adopted, dataset().meta.adopted);
    let log: Vec<(u32, &str, &str)> = compiled
        .changelog
        .iter()
        .map(|e| (e.item, e.file.as_str(), e.path.label_ja().leak() as &str))
        .collect();
    assert_eq!(
        log,
        vec![
            (1, "a.json", "令和5年度の実績"),
            (4, "a.json", "令和5年度の実績"),
            (8, "b.json", "令和5年度の実績"),
        ]
    );
    assert_eq!(
        compiled.changelog[0].before,
        FieldValue::OptionalLines(None)
    );
    assert_eq!(compiled.changelog[0].after, result("電子申請 120手続"));
    // The changelog is the difference of the two editions, as the next
    // edition's item pages mark it.
    let between = EditionChanges::between(dataset(), &compiled.dataset);
    assert_eq!(
        compiled
            .changelog
            .iter()
            .map(|e| (e.item, e.path, e.before.clone(), e.after.clone()))
            .collect::<Vec<_>>(),
        between
            .fields()
            .iter()
            .map(|f| (f.item, f.path, f.before.clone(), f.after.clone()))
            .collect::<Vec<_>>()
    );
    let csv = changelog_csv(&compiled, dataset());
    let rows: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(rows[0], CHANGELOG_HEADERS.join(","));
    assert_eq!(rows.len(), 4);
    assert!(rows[1].starts_with("1,"), "{}", rows[1]);
    assert!(
        rows[1].ends_with(",years.5.result,令和5年度の実績,,電子申請 120手続,a.json"),
        "{}",
        rows[1]
    );
    // The compiled dataset is valid data of the same schema.
    let json = serde_json::to_string(&compiled.dataset).unwrap();
    assert_eq!(model::Dataset::from_json(&json).unwrap(), compiled.dataset);
}

#[test]
fn edits_to_items_a_section_does_not_own_are_flagged_and_left_out_unless_accepted() {
    // A section's export holds its own items only; the drafts screen's
    // export holds everything drafted. Item 11 is 市民参加・協働推進課's alone.
    let mut drafts = Drafts::new();
    for (item, text) in [(1, "実績"), (11, "他課の実績")] {
        drafts
            .set(dataset(), item, FieldPath::Result(5), result(text), T)
            .unwrap();
    }
    let only_own = submit(
        "own.json",
        &export_section_json(&drafts, dataset(), "行政管理課", 5, T),
    )
    .unwrap();
    assert_eq!(only_own.changes.len(), 1);
    let file = "令和5年度報告_行政管理課_20261125-1830.json";
    let subs = vec![submit(file, &export_json(&drafts, dataset(), T)).unwrap()];
    let found = review(dataset(), &subs);
    assert_eq!(found.foreign.len(), 1);
    assert_eq!(
        (found.foreign[0].item, found.foreign[0].file.as_str()),
        (11, file)
    );
    let left_out = compile(dataset(), &subs, &Decisions::new(), 5, "令和6年5月10日").unwrap();
    assert_eq!(left_out.changelog.len(), 1);
    let mut decisions = Decisions::new();
    decisions.accept(file, 11, FieldPath::Result(5), true);
    let accepted = compile(dataset(), &subs, &decisions, 5, "令和6年5月10日").unwrap();
    assert_eq!(accepted.changelog.len(), 2);
}

#[test]
fn stale_foreign_and_other_year_files_are_refused() {
    let stale = report("行政管理課", &[(1, "実績")]).replace("\"令和4年度末\"", "\"令和3年度末\"");
    assert!(matches!(
        submit("stale.json", &stale),
        Err(ImportError::OtherEdition { .. })
    ));
    assert_eq!(
        submit("foreign.json", "{\"format\":\"someone-else\"}"),
        Err(ImportError::NotDraftsFile)
    );
    let year6 = report("行政管理課", &[(1, "実績")])
        .replace("\"reporting_year\": 5", "\"reporting_year\": 6");
    assert_eq!(
        submit("year6.json", &year6),
        Err(ImportError::OtherReportingYear { file: 6, here: 5 })
    );
}

/// 総務課's report on item 8 as a sheet.
fn general_affairs_sheet() -> Vec<Vec<String>> {
    let mut drafts = Drafts::new();
    drafts
        .set(dataset(), 8, FieldPath::Result(5), result("研修 2回"), T)
        .unwrap();
    parse_csv(&sheet_csv(&section_sheet(dataset(), &drafts, "総務課", 5)))
}

#[test]
fn a_workbook_or_csv_is_placed_by_its_contents_whatever_its_name() {
    let preview = import_sheet(&general_affairs_sheet(), dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(preview.section.as_deref(), Some("総務課"));
    assert_eq!(preview.reporting_year, Some(5));
    // Renamed beyond recognition, or copied: still 総務課's, nothing to say.
    for name in [
        "report.csv",
        "報告 (1).xlsx",
        "令和5年度報告_総務課_20261125-1830 (1).csv",
    ] {
        let sub = submission(name, preview.clone(), 5).unwrap();
        assert_eq!(sub.section.as_deref(), Some("総務課"), "{name}");
        assert_eq!(sub.name_differs, None, "{name}");
        let found = review(dataset(), &[sub]);
        assert!(
            found.unassigned.is_empty() && found.foreign.is_empty(),
            "{name}"
        );
    }
    // A name that says another section or year: the contents win, and the name is kept to say so.
    let misnamed =
        submission("令和6年度報告_市民課_20261125-1830.csv", preview.clone(), 5).unwrap();
    assert_eq!(misnamed.section.as_deref(), Some("総務課"));
    assert_eq!(
        misnamed.name_differs,
        Some(NamedReport {
            year: 6,
            section: "市民課".into()
        })
    );
    assert!(review(dataset(), &[misnamed]).foreign.is_empty());
    // Contents of another year are refused, whatever the name says.
    let mut year6 = general_affairs_sheet();
    let column = year6[0].iter().position(|h| h == "報告年度").unwrap();
    for row in &mut year6[1..] {
        row[column] = "令和6年度".into();
    }
    let preview6 = import_sheet(&year6, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(
        submission("令和5年度報告_総務課_20261125-1830.csv", preview6, 5),
        Err(ImportError::OtherReportingYear { file: 6, here: 5 })
    );
}

#[test]
fn a_sheet_that_does_not_say_whose_it_is_is_placed_by_its_name() {
    // As sheets were written before they named their section and year.
    let old: Vec<Vec<String>> = general_affairs_sheet()
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .filter(|(i, _)| ![3, 4].contains(i))
                .map(|(_, cell)| cell)
                .collect()
        })
        .collect();
    let preview = import_sheet(&old, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(
        (preview.section.as_deref(), preview.reporting_year),
        (None, None)
    );
    let sub = submission("令和5年度報告_総務課_20261125-1830.csv", preview.clone(), 5).unwrap();
    assert_eq!(sub.section.as_deref(), Some("総務課"));
    assert_eq!(sub.name_differs, None);
    let unnamed = submission("report.csv", preview.clone(), 5).unwrap();
    let found = review(dataset(), &[unnamed]);
    assert_eq!(found.unassigned, vec!["report.csv".to_string()]);
    assert_eq!(found.foreign.len(), 1);
    assert!(matches!(
        submission("令和6年度報告_総務課_20261125-1830.csv", preview, 5),
        Err(ImportError::OtherReportingYear { file: 6, here: 5 })
    ));
}

#[test]
fn a_json_report_is_placed_by_its_contents_whatever_its_name() {
    let json = report("行政管理課", &[(1, "実績")]);
    let sub = submit("令和5年度報告_総務課_20270420-0900.json", &json).unwrap();
    assert_eq!(sub.section.as_deref(), Some("行政管理課"));
    assert_eq!(
        sub.name_differs,
        Some(NamedReport {
            year: 5,
            section: "総務課".into()
        })
    );
    assert_eq!(submit("x.json", &json).unwrap().name_differs, None);
}
