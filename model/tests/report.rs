//! A section's yearly report: its items and fields, progress, and the
//! report as a sheet (CSV here; the workbook is the same rows) that comes
//! back after editing, on the real dataset.

use model::drafts::{
    apply_import, co_sections, drafts_of, export_section_json, import, import_sheet, items_of,
    next_reporting_year, parse_csv, progress, reporting_fields, section_file_name, section_sheet,
    sections, sheet_csv, Drafts, Entry, Expected, FieldPath, FieldValue, ImportChoices,
    ImportError, Progress, ShapeAt, SHEET_HEADERS,
};
use serde_json::Value;

mod common;

use common::dataset;

const T: u64 = 1_795_599_000_000; // 2026-11-25 18:30 JST

fn result(entries: &[&str]) -> FieldValue {
    FieldValue::OptionalLines(Some(entries.iter().map(|s| s.to_string()).collect()))
}

/// 行政管理課's drafts: a result for item 1 and a revised plan for item 2.
fn drafted() -> Drafts {
    let mut drafts = Drafts::new();
    drafts
        .set(
            dataset(),
            1,
            FieldPath::Result(5),
            result(&["電子申請 120手続"]),
            T,
        )
        .unwrap();
    drafts
        .set(
            dataset(),
            2,
            FieldPath::Plan(6),
            FieldValue::Lines(vec!["=見直し後の計画".into()]),
            T,
        )
        .unwrap();
    drafts
}

fn sheet(drafts: &Drafts) -> Vec<Vec<String>> {
    parse_csv(&sheet_csv(&section_sheet(
        dataset(),
        drafts,
        "行政管理課",
        5,
    )))
}

#[test]
fn the_forty_nine_sections_and_their_items() {
    let all = sections(dataset());
    assert_eq!(all.len(), 49);
    let admin = all.iter().find(|s| s.name == "行政管理課").unwrap();
    assert_eq!(admin.items.len(), 20);
    assert_eq!(items_of(dataset(), "行政管理課").len(), 20);
    // Items 42 and 43 belong to two different sections.
    let maruko = all.iter().find(|s| s.name == "丸子産業観光課").unwrap();
    assert_eq!(maruko.items, vec![42]);
    // Every item is someone's.
    let mut covered: Vec<u32> = all.iter().flat_map(|s| s.items.clone()).collect();
    covered.sort();
    covered.dedup();
    assert_eq!(covered.len(), 61);
    let item1 = dataset().item(1).unwrap();
    assert_eq!(
        co_sections(item1, "行政管理課"),
        vec!["情報システム課", "会計課", "スポーツ推進課"]
    );
}

#[test]
fn a_report_covers_the_years_result_and_the_later_plans() {
    let item = dataset().item(1).unwrap();
    assert_eq!(
        reporting_fields(item, 5),
        vec![FieldPath::Result(5), FieldPath::Plan(6), FieldPath::Plan(7)]
    );
    assert_eq!(reporting_fields(item, 7), vec![FieldPath::Result(7)]);
    assert_eq!(next_reporting_year(&dataset().meta.status_as_of), 5);
}

#[test]
fn progress_counts_items_with_the_years_result() {
    let none = progress(dataset(), &Drafts::new(), "行政管理課", 5);
    assert_eq!(none, Progress { done: 0, total: 20 });
    assert_eq!(progress(dataset(), &drafted(), "行政管理課", 5).done, 1);
    // 令和4年度's results are published for every item that reported.
    let published = progress(dataset(), &Drafts::new(), "行政管理課", 4);
    assert_eq!(published.total, 20);
    assert!(published.done >= 18, "{published:?}");
    // An emptied result does not count.
    let mut emptied = drafted();
    emptied
        .set(
            dataset(),
            1,
            FieldPath::Result(5),
            FieldValue::OptionalLines(None),
            T,
        )
        .unwrap();
    assert_eq!(progress(dataset(), &emptied, "行政管理課", 5).done, 0);
}

#[test]
fn the_section_export_holds_only_its_items_and_says_whose_it_is() {
    let mut drafts = drafted();
    // Item 11 is 市民参加・協働推進課's alone.
    assert!(!dataset()
        .item(11)
        .unwrap()
        .sections
        .contains(&"行政管理課".to_string()));
    drafts
        .set(
            dataset(),
            11,
            FieldPath::Result(5),
            result(&["他課の下書き"]),
            T,
        )
        .unwrap();
    assert_eq!(
        drafts_of(&drafts, dataset(), "行政管理課").count_fields(),
        2
    );
    let json: Value =
        serde_json::from_str(&export_section_json(&drafts, dataset(), "行政管理課", 5, T)).unwrap();
    assert_eq!(json["section"], "行政管理課");
    assert_eq!(json["reporting_year"], 5);
    assert_eq!(json["edition"], "令和4年度末");
    assert_eq!(json["changes"].as_array().unwrap().len(), 2);
    assert_eq!(
        section_file_name("行政管理課", 5, T, "json"),
        "令和5年度報告_行政管理課_20261125-1830.json"
    );
    assert_eq!(
        section_file_name("a/b:c", 5, T, "csv"),
        "令和5年度報告_a_b_c_20261125-1830.csv"
    );
}

#[test]
fn a_json_file_of_another_edition_is_refused() {
    let text = export_section_json(&drafted(), dataset(), "行政管理課", 5, T)
        .replace("\"令和4年度末\"", "\"令和5年度末\"");
    assert_eq!(
        import(&text, dataset(), &Drafts::new()),
        Err(ImportError::OtherEdition {
            file: "令和5年度末".into(),
            here: "令和4年度末".into()
        })
    );
}

#[test]
fn the_sheet_has_a_row_per_item_and_reported_field() {
    let rows = section_sheet(dataset(), &drafted(), "行政管理課", 5);
    // 20 items × (result 5, plans 6 and 7).
    assert_eq!(rows.len(), 60);
    let first = &rows[0];
    assert_eq!((first.item, first.field), (1, FieldPath::Result(5)));
    assert_eq!(first.report, "電子申請 120手続");
    assert_eq!(first.published, "");
    assert_eq!(first.edited, "2026-11-25 18:30");
    assert_eq!(first.edition, "令和4年度末");
    assert_eq!(first.section, "行政管理課");
    assert_eq!(first.year, Some(5));
    let undrafted = rows.iter().find(|r| r.item == 4).unwrap();
    assert_eq!(undrafted.edited, "");
    assert_eq!(undrafted.report, undrafted.published);
    let table = sheet(&drafted());
    assert_eq!(table[0], SHEET_HEADERS.map(String::from).to_vec());
    // Every row says whose report it is.
    let column = |name: &str| SHEET_HEADERS.iter().position(|h| *h == name).unwrap();
    assert!(table[1..]
        .iter()
        .all(|row| row[column("課所")] == "行政管理課" && row[column("報告年度")] == "令和5年度"));
}

#[test]
fn a_sheet_comes_back_unchanged() {
    let drafts = drafted();
    let preview = import_sheet(&sheet(&drafts), dataset(), &drafts, T + 1).unwrap();
    // Both drafts are already here; every other row equals the published text.
    assert_eq!(preview.changes.len(), 2);
    assert!(preview.conflicts().next().is_none());
    assert_eq!(preview.already_published, 58);
    let mut after = drafts.clone();
    let summary = apply_import(&mut after, &preview, &ImportChoices::new()).unwrap();
    assert_eq!(
        (summary.added, summary.replaced, summary.unchanged),
        (0, 0, 2)
    );
    assert_eq!(after, drafts);

    // In a fresh profile it brings exactly the two drafts, formula text intact.
    let fresh = import_sheet(&sheet(&drafts), dataset(), &Drafts::new(), T).unwrap();
    let mut imported = Drafts::new();
    apply_import(&mut imported, &fresh, &ImportChoices::new()).unwrap();
    assert_eq!(
        imported.get(2, FieldPath::Plan(6)).unwrap().value,
        FieldValue::Lines(vec!["=見直し後の計画".into()])
    );
    assert_eq!(imported.count_fields(), 2);
}

#[test]
fn an_edited_cell_comes_back_as_a_draft_of_exactly_that_field() {
    let mut table = sheet(&Drafts::new());
    let report = SHEET_HEADERS.iter().position(|h| *h == "報告内容").unwrap();
    let row = table
        .iter()
        .position(|r| r[0] == "4" && r[1] == "years.5.result")
        .unwrap();
    table[row][report] = "規程の見直し 3件\n研修 2回".into();
    let preview = import_sheet(&table, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(preview.changes.len(), 1);
    let change = &preview.changes[0];
    assert_eq!((change.item, change.path), (4, FieldPath::Result(5)));
    assert_eq!(change.incoming, result(&["規程の見直し 3件", "研修 2回"]));
    assert_eq!(change.edited_at, T);
}

#[test]
fn reordered_columns_and_extra_columns_read_the_same() {
    let table = sheet(&drafted());
    let order = [8, 0, 9, 2, 4, 1, 7, 6, 3, 5];
    let reordered: Vec<Vec<String>> = table
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = order.iter().map(|&i| row[i].clone()).collect();
            cells.push("メモ".into());
            cells
        })
        .collect();
    assert_eq!(
        import_sheet(&reordered, dataset(), &Drafts::new(), T),
        import_sheet(&table, dataset(), &Drafts::new(), T)
    );
}

#[test]
fn renamed_or_missing_columns_are_named() {
    let mut renamed = sheet(&drafted());
    renamed[0][8] = "報告".into();
    assert_eq!(
        import_sheet(&renamed, dataset(), &Drafts::new(), T),
        Err(ImportError::MissingColumns(vec!["報告内容"]))
    );
    let missing: Vec<Vec<String>> = sheet(&drafted())
        .into_iter()
        .map(|row| row.into_iter().skip(1).collect())
        .collect();
    assert_eq!(
        import_sheet(&missing, dataset(), &Drafts::new(), T),
        Err(ImportError::MissingColumns(vec!["項目番号"]))
    );
    let required: Vec<&str> = SHEET_HEADERS
        .into_iter()
        .filter(|h| !["課所", "報告年度"].contains(h))
        .collect();
    assert_eq!(
        import_sheet(&[], dataset(), &Drafts::new(), T),
        Err(ImportError::MissingColumns(required))
    );
    // Any text that is not CSV is a table without the template's header.
    let garbage = parse_csv("\u{0}\u{1}PK\u{3}\u{4}\"unterminated");
    assert!(matches!(
        import_sheet(&garbage, dataset(), &Drafts::new(), T),
        Err(ImportError::MissingColumns(_))
    ));
}

#[test]
fn rows_of_another_edition_unknown_items_and_bad_numbers_are_refused() {
    let mut other = sheet(&drafted());
    other[3][2] = "令和5年度末".into();
    assert_eq!(
        import_sheet(&other, dataset(), &Drafts::new(), T),
        Err(ImportError::OtherEdition {
            file: "令和5年度末".into(),
            here: "令和4年度末".into()
        })
    );
    let mut unknown = sheet(&drafted());
    unknown[2][0] = "99".into();
    assert_eq!(
        import_sheet(&unknown, dataset(), &Drafts::new(), T),
        Err(ImportError::UnknownItem {
            index: Entry::Row(3),
            item: 99
        })
    );
    let mut not_a_number = sheet(&drafted());
    not_a_number[5][0] = "一".into();
    assert_eq!(
        import_sheet(&not_a_number, dataset(), &Drafts::new(), T),
        Err(ImportError::BadShape {
            at: ShapeAt::Cell(6, "項目番号"),
            expected: Expected::ItemNumber
        })
    );
    let mut twice = sheet(&drafted());
    let copy = twice[1].clone();
    twice.push(copy);
    assert!(matches!(
        import_sheet(&twice, dataset(), &Drafts::new(), T),
        Err(ImportError::Duplicate {
            index: Entry::Row(62),
            item: 1,
            ..
        })
    ));
}

#[test]
fn blank_rows_are_skipped_and_a_spreadsheets_line_ends_are_read() {
    let drafts = drafted();
    let csv = sheet_csv(&section_sheet(dataset(), &drafts, "行政管理課", 5));
    // As LibreOffice writes it back: LF line ends, no BOM, an empty row at the end.
    let resaved = csv.trim_start_matches('\u{feff}').replace("\r\n", "\n") + ",,,,,,,,,\n";
    let a = import_sheet(&parse_csv(&resaved), dataset(), &Drafts::new(), T).unwrap();
    let b = import_sheet(&parse_csv(&csv), dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_sheet_says_whose_report_it_is_in_every_row() {
    let preview = import_sheet(&sheet(&drafted()), dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(preview.section.as_deref(), Some("行政管理課"));
    assert_eq!(preview.reporting_year, Some(5));
    // The drafts screen's CSV is no section's report.
    let all = parse_csv(&model::drafts::export_csv(&drafted(), dataset()));
    let preview = import_sheet(&all, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!((preview.section, preview.reporting_year), (None, None));
    assert_eq!(preview.changes.len(), 2);
    // A spreadsheet may turn the year into a number, or a clerk shorten it.
    let column = |name: &str| SHEET_HEADERS.iter().position(|h| *h == name).unwrap();
    let mut numbers = sheet(&drafted());
    for (i, row) in numbers.iter_mut().enumerate().skip(1) {
        row[column("報告年度")] = if i % 2 == 0 { "5" } else { "R5" }.into();
    }
    let preview = import_sheet(&numbers, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(preview.reporting_year, Some(5));
}

#[test]
fn rows_of_two_reports_in_one_sheet_are_refused() {
    let column = |name: &str| SHEET_HEADERS.iter().position(|h| *h == name).unwrap();
    let mut mixed = sheet(&drafted());
    mixed[7][column("課所")] = "総務課".into();
    assert_eq!(
        import_sheet(&mixed, dataset(), &Drafts::new(), T),
        Err(ImportError::MixedReport {
            row: 8,
            column: "課所"
        })
    );
    let mut years = sheet(&drafted());
    years[3][column("報告年度")] = "令和6年度".into();
    assert_eq!(
        import_sheet(&years, dataset(), &Drafts::new(), T),
        Err(ImportError::MixedReport {
            row: 4,
            column: "報告年度"
        })
    );
    let mut nonsense = sheet(&drafted());
    nonsense[2][column("報告年度")] = "来年度".into();
    assert_eq!(
        import_sheet(&nonsense, dataset(), &Drafts::new(), T),
        Err(ImportError::BadShape {
            at: ShapeAt::Cell(3, "報告年度"),
            expected: Expected::Year
        })
    );
    // A row that leaves them empty says nothing against the others.
    let mut blank = sheet(&drafted());
    blank[5][column("課所")] = String::new();
    blank[5][column("報告年度")] = String::new();
    let preview = import_sheet(&blank, dataset(), &Drafts::new(), T).unwrap();
    assert_eq!(preview.section.as_deref(), Some("行政管理課"));
}
