//! Staff drafts: field paths and values, the record, review diffs, export
//! (JSON, CSV) and import with conflicts, on the real dataset.

use model::drafts::{
    apply, apply_import, count_stored_fields, csv_cell, diff_entries, diff_text, diff_values,
    export_csv, export_file_name, export_json, format_jst, import, import_sheet, normalize,
    parse_csv, published, staleness, Choice, DiffKind, DiffPart, DraftError, Drafts, Entry,
    EntryDiff, FieldPath, FieldPathError, FieldValue, ImportChoices, ImportError, ImportSummary,
    ValueKind, CSV_HEADERS, EXPORT_FORMAT, MAX_DIFF_CELLS, MAX_IMPORT_BYTES, MAX_IMPORT_CHANGES,
    MAX_VALUE_CHARS,
};
use model::stored::{decode, encode, DecodeError, Decoded, Record, DRAFTS_KEY};
use model::Dataset;
use proptest::prelude::*;
use serde_json::{json, Value};

mod common;

use common::dataset;

const T: u64 = 1_795_599_000_000; // 2026-11-25 18:30 JST

fn lines(entries: &[&str]) -> FieldValue {
    FieldValue::Lines(entries.iter().map(|s| s.to_string()).collect())
}

fn result(entries: &[&str]) -> FieldValue {
    FieldValue::OptionalLines(Some(entries.iter().map(|s| s.to_string()).collect()))
}

fn part(kind: DiffKind, text: &str) -> DiffPart {
    DiffPart {
        kind,
        text: text.to_string(),
    }
}

/// Drafts of a few kinds of field, on items 1, 25 and 61.
fn sample_drafts() -> Drafts {
    let d = dataset();
    let mut drafts = Drafts::new();
    let set = |drafts: &mut Drafts, no, path, value, at| {
        assert_eq!(drafts.set(d, no, path, value, at), Ok(true), "{no} {path}");
    };
    set(
        &mut drafts,
        25,
        FieldPath::Result(5),
        result(&["水道料金 99.60%", "下水道使用料 99.55%"]),
        T,
    );
    set(
        &mut drafts,
        25,
        FieldPath::SdgGoals,
        FieldValue::Goals(vec![6, 11, 12]),
        T + 1,
    );
    set(
        &mut drafts,
        1,
        FieldPath::Title,
        FieldValue::Text("電子申請手続の利用促進（改）".into()),
        T + 2,
    );
    set(
        &mut drafts,
        61,
        FieldPath::Overview,
        lines(&["=危険な式", "第二段落"]),
        T + 3,
    );
    drafts
}

/// Wraps changes in an export file of the current format.
fn file(changes: Value) -> String {
    json!({
        "format": EXPORT_FORMAT,
        "format_version": 1,
        "dataset_version": dataset().meta.version,
        "exported_at": T,
        "changes": changes,
    })
    .to_string()
}

fn change(item: u32, field: &str, draft: Value) -> Value {
    json!({ "item": item, "field": field, "draft": draft, "edited_at": T })
}

fn import_err(json: &str) -> ImportError {
    import(json, dataset(), &Drafts::new()).expect_err("import should fail")
}

// ---------------------------------------------------------------------------
// Field paths and values
// ---------------------------------------------------------------------------

#[test]
fn field_paths_round_trip_as_strings() {
    let item = dataset().item(1).unwrap();
    let paths = FieldPath::all_for(item);
    assert_eq!(paths.len(), 10 + 5 * 2);
    for path in &paths {
        assert_eq!(path.to_string().parse::<FieldPath>(), Ok(*path));
        assert_eq!(serde_json::to_value(path).unwrap(), json!(path.to_string()));
    }
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(sorted, paths, "all_for is in display order");
    assert_eq!(
        paths[10..14],
        [
            FieldPath::Plan(3),
            FieldPath::Result(3),
            FieldPath::Plan(4),
            FieldPath::Result(4)
        ]
    );
    assert_eq!(FieldPath::SdgGoals.to_string(), "sdgs.goals");
    assert_eq!(FieldPath::Result(5).to_string(), "years.5.result");
    assert_eq!(FieldPath::CurrentStatus.to_string(), "current_status");
}

#[test]
fn field_path_parse_errors() {
    assert_eq!(
        "years.9.result".parse::<FieldPath>(),
        Err(FieldPathError::YearOutOfRange("9".into()))
    );
    assert_eq!(
        "years.2.plan".parse::<FieldPath>(),
        Err(FieldPathError::YearOutOfRange("2".into()))
    );
    for bad in [
        "",
        "Title",
        "years",
        "years.5",
        "years.5.foo",
        "years.+5.plan",
        "years..plan",
        "years.5.plan.x",
        "years.05.plan",
        "sdgs",
        "toc_title",
        "no",
        "years.0005.plan",
    ] {
        assert!(
            matches!(bad.parse::<FieldPath>(), Err(FieldPathError::Unknown(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn labels_are_japanese() {
    assert_eq!(FieldPath::Result(5).label_ja(), "令和5年度の実績");
    assert_eq!(FieldPath::Plan(7).label_ja(), "令和7年度の取組計画");
    assert_eq!(FieldPath::SdgGoals.label_ja(), "SDGsの目標");
    assert_eq!(FieldPath::Title.label_ja(), "取組項目名");
    assert_eq!(FieldPath::Title.kind(), ValueKind::Text);
    assert_eq!(FieldPath::Result(3).kind(), ValueKind::OptionalLines);
    assert_eq!(FieldPath::GeneralPlan.kind(), ValueKind::Lines);
}

#[test]
fn published_values_apply_back_unchanged_for_every_item() {
    for item in &dataset().items {
        for path in FieldPath::all_for(item) {
            let value = published(item, path).expect("the item has the field");
            assert_eq!(
                normalize(path, value.clone()).as_ref(),
                Ok(&value),
                "item {} {path}: published values are already normal",
                item.no
            );
            let mut copy = item.clone();
            apply(&mut copy, path, value).unwrap();
            assert_eq!(&copy, item, "item {} {path}", item.no);
        }
    }
}

#[test]
fn published_structured_fields_as_lines() {
    let item = dataset().item(1).unwrap();
    assert_eq!(
        published(item, FieldPath::GeneralPlan),
        Some(lines(&[
            "第1編 第3章 第1節 行財政改革の推進と住民サービスの充実"
        ]))
    );
    assert_eq!(
        published(item, FieldPath::SmartCity),
        Some(lines(&["①電子申請手続の利用促進"]))
    );
    let item25 = dataset().item(25).unwrap();
    assert_eq!(published(item25, FieldPath::SmartCity), Some(lines(&["—"])));
    assert_eq!(
        published(item25, FieldPath::Result(5)),
        Some(FieldValue::OptionalLines(None))
    );
    assert_eq!(
        published(item25, FieldPath::SdgGoals),
        Some(FieldValue::Goals(vec![6, 11]))
    );
    let mut no_years = item25.clone();
    no_years.years.truncate(2);
    assert_eq!(published(&no_years, FieldPath::Result(5)), None);
    assert!(!FieldPath::all_for(&no_years).contains(&FieldPath::Plan(5)));
}

#[test]
fn apply_writes_each_kind_into_the_item() {
    let mut item = dataset().item(25).unwrap().clone();
    apply(
        &mut item,
        FieldPath::Result(5),
        result(&["水道料金 99.60%"]),
    )
    .unwrap();
    assert_eq!(
        item.years[2].result,
        Some(vec!["水道料金 99.60%".to_string()])
    );
    apply(
        &mut item,
        FieldPath::Result(3),
        FieldValue::OptionalLines(Some(vec![])),
    )
    .unwrap();
    assert_eq!(item.years[0].result, None, "an empty result is no result");
    apply(&mut item, FieldPath::Plan(6), lines(&["・計画A", "計画B"])).unwrap();
    assert_eq!(item.years[3].plan, ["計画A", "計画B"]);
    apply(
        &mut item,
        FieldPath::SdgGoals,
        FieldValue::Goals(vec![17, 6]),
    )
    .unwrap();
    assert_eq!(item.sdgs.goals, [6, 17]);
    apply(
        &mut item,
        FieldPath::Title,
        FieldValue::Text("  新しい名称 ".into()),
    )
    .unwrap();
    assert_eq!(item.title, "新しい名称");

    apply(
        &mut item,
        FieldPath::GeneralPlan,
        lines(&["第２編　第2章 第５節 安定した経営"]),
    )
    .unwrap();
    assert_eq!(item.general_plan[0].reference, "第2編 第2章 第5節");
    assert_eq!(item.general_plan[0].title, "安定した経営");

    apply(
        &mut item,
        FieldPath::SmartCity,
        lines(&["③ 窓口改善", "情報発信"]),
    )
    .unwrap();
    assert_eq!(item.smart_city.len(), 2);
    assert_eq!(item.smart_city[0].number, Some(3));
    assert_eq!(item.smart_city[0].title, "窓口改善");
    assert_eq!(item.smart_city[1].number, None);
    assert_eq!(item.smart_city_none, None);
    apply(&mut item, FieldPath::SmartCity, lines(&["なし"])).unwrap();
    assert!(item.smart_city.is_empty());
    assert_eq!(item.smart_city_none.as_deref(), Some("なし"));

    assert_eq!(
        apply(&mut item, FieldPath::Title, lines(&["x"])),
        Err(DraftError::WrongKind {
            expected: ValueKind::Text
        })
    );
    item.years.truncate(2);
    assert_eq!(
        apply(&mut item, FieldPath::Plan(7), lines(&["x"])),
        Err(DraftError::FieldNotInItem {
            item: 25,
            path: FieldPath::Plan(7)
        })
    );
}

#[test]
fn normalization_cleans_lists() {
    assert_eq!(
        normalize(
            FieldPath::Overview,
            lines(&[
                "  ・第一\r\n\t第二\t ",
                "",
                "   ",
                "第三\u{0}\u{7}",
                "・・第四"
            ])
        ),
        Ok(lines(&["第一", "第二", "第三", "第四"]))
    );
    assert_eq!(
        normalize(FieldPath::Result(5), result(&["", " \n "])),
        Ok(FieldValue::OptionalLines(None))
    );
    assert_eq!(
        FieldValue::from_text(FieldPath::SdgGoals, "17, ９ 3\n11、１"),
        Ok(FieldValue::Goals(vec![1, 3, 9, 11, 17]))
    );
    assert_eq!(
        FieldValue::from_text(FieldPath::SdgGoals, ""),
        Ok(FieldValue::Goals(vec![]))
    );
    let value = FieldValue::from_text(FieldPath::Measures, "一\n二\n").unwrap();
    assert_eq!(value, lines(&["一", "二"]));
    assert_eq!(value.to_text(), "一\n二");
    assert_eq!(FieldValue::Goals(vec![9, 16]).to_text(), "9、16");
    assert_eq!(FieldValue::OptionalLines(None).to_text(), "");
}

#[test]
fn invalid_values_give_typed_errors() {
    // The app words each kind in the interface language (its i18n tests).
    let cases: [(FieldPath, FieldValue, DraftError); 10] = [
        (
            FieldPath::Title,
            FieldValue::Text(" \n ".into()),
            DraftError::EmptyTitle,
        ),
        (
            FieldPath::Title,
            FieldValue::Text("一行目\n二行目".into()),
            DraftError::TitleHasLineBreak,
        ),
        (
            FieldPath::SdgGoals,
            FieldValue::Goals(vec![3, 18]),
            DraftError::InvalidGoal("18".into()),
        ),
        (
            FieldPath::SdgGoals,
            FieldValue::Goals(vec![0]),
            DraftError::InvalidGoal("0".into()),
        ),
        (
            FieldPath::SdgGoals,
            FieldValue::Goals(vec![9, 3, 9]),
            DraftError::DuplicateGoal(9),
        ),
        (
            FieldPath::GeneralPlan,
            lines(&["第1編 第3章 行財政改革"]),
            DraftError::BadPlanRef("第1編 第3章 行財政改革".into()),
        ),
        (
            FieldPath::GeneralPlan,
            lines(&["第1編 第3章 第1節"]),
            DraftError::BadPlanRef("第1編 第3章 第1節".into()),
        ),
        (
            FieldPath::SmartCity,
            lines(&["①窓口", "—"]),
            DraftError::BadSmartCity("—".into()),
        ),
        (
            FieldPath::Result(5),
            lines(&["x"]),
            DraftError::WrongKind {
                expected: ValueKind::OptionalLines,
            },
        ),
        (
            FieldPath::Overview,
            lines(&[&"あ".repeat(MAX_VALUE_CHARS + 1)]),
            DraftError::TooLong {
                chars: MAX_VALUE_CHARS + 1,
            },
        ),
    ];
    for (path, value, error) in cases {
        let got = normalize(path, value).expect_err("invalid");
        assert_eq!(got, error, "{path}");
    }
    assert!(matches!(
        FieldValue::from_text(FieldPath::SdgGoals, "9, x"),
        Err(DraftError::InvalidGoal(g)) if g == "x"
    ));
    assert!(matches!(
        FieldValue::from_text(FieldPath::SdgGoals, "300"),
        Err(DraftError::InvalidGoal(g)) if g == "300"
    ));
}

// ---------------------------------------------------------------------------
// The record
// ---------------------------------------------------------------------------

#[test]
fn set_then_published_value_removes_the_draft() {
    let d = dataset();
    let mut drafts = Drafts::new();
    let path = FieldPath::Result(5);
    assert_eq!(drafts.set(d, 25, path, result(&["99.6%"]), T), Ok(true));
    assert_eq!(drafts.count_items(), 1);
    assert_eq!(drafts.count_fields(), 1);
    assert_eq!(drafts.dataset_version(), d.meta.version);
    let field = drafts.get(25, path).unwrap();
    assert_eq!(field.base, FieldValue::OptionalLines(None));
    assert_eq!(field.value, result(&["99.6%"]));
    assert_eq!(field.edited_at, T);

    // The same value again keeps the time; another value updates it.
    assert_eq!(
        drafts.set(d, 25, path, result(&[" 99.6% "]), T + 5),
        Ok(true)
    );
    assert_eq!(drafts.get(25, path).unwrap().edited_at, T);
    assert_eq!(drafts.set(d, 25, path, result(&["99.7%"]), T + 6), Ok(true));
    assert_eq!(drafts.get(25, path).unwrap().edited_at, T + 6);

    // Back to the published value (also via an empty list): the draft goes.
    assert_eq!(drafts.set(d, 25, path, result(&[""]), T + 7), Ok(false));
    assert!(drafts.is_empty());
    assert_eq!(drafts.count_items(), 0);

    // Setting the published title is no draft at all.
    let title = published(d.item(3).unwrap(), FieldPath::Title).unwrap();
    assert_eq!(drafts.set(d, 3, FieldPath::Title, title, T), Ok(false));
    assert!(drafts.is_empty());
}

#[test]
fn set_rejects_unknown_items_and_invalid_values() {
    let d = dataset();
    let mut drafts = Drafts::new();
    assert_eq!(
        drafts.set(d, 99, FieldPath::Title, FieldValue::Text("x".into()), T),
        Err(DraftError::UnknownItem(99))
    );
    assert_eq!(
        drafts.set(d, 1, FieldPath::Plan(9), lines(&["x"]), T),
        Err(DraftError::FieldNotInItem {
            item: 1,
            path: FieldPath::Plan(9)
        })
    );
    assert_eq!(
        drafts.set(d, 1, FieldPath::SdgGoals, FieldValue::Goals(vec![18]), T),
        Err(DraftError::InvalidGoal("18".into()))
    );
    assert!(drafts.is_empty());
}

#[test]
fn fields_and_discarding() {
    let mut drafts = sample_drafts();
    assert_eq!(drafts.count_items(), 3);
    assert_eq!(drafts.count_fields(), 4);
    assert_eq!(drafts.item_numbers().collect::<Vec<_>>(), [1, 25, 61]);
    let paths: Vec<FieldPath> = drafts.fields(25).map(|(p, _)| p).collect();
    assert_eq!(paths, [FieldPath::SdgGoals, FieldPath::Result(5)]);
    assert_eq!(drafts.fields(2).count(), 0);
    assert_eq!(drafts.iter().count(), 4);

    assert!(drafts.discard_field(25, FieldPath::SdgGoals));
    assert!(!drafts.discard_field(25, FieldPath::SdgGoals));
    assert_eq!(drafts.discard_item(25), 1);
    assert_eq!(drafts.discard_item(25), 0);
    assert_eq!(drafts.item_numbers().collect::<Vec<_>>(), [1, 61]);
    assert!(drafts.discard_field(1, FieldPath::Title));
    assert_eq!(
        drafts.count_items(),
        1,
        "an item with no field left is gone"
    );
    drafts.clear();
    assert!(drafts.is_empty());
}

#[test]
fn apply_to_previews_the_item() {
    let drafts = sample_drafts();
    let item = dataset().item(25).unwrap();
    let preview = drafts.apply_to(item);
    assert_eq!(preview.sdgs.goals, [6, 11, 12]);
    assert_eq!(preview.years[2].result.as_ref().unwrap().len(), 2);
    assert_eq!(preview.title, item.title);
    assert_eq!(
        drafts.apply_to(dataset().item(2).unwrap()),
        *dataset().item(2).unwrap()
    );
}

#[test]
fn drafts_encode_and_decode() {
    let drafts = sample_drafts();
    assert_eq!(Drafts::KEY, DRAFTS_KEY);
    let raw = encode(&drafts, T);
    assert_eq!(decode::<Drafts>(&raw), Ok(Decoded::Current(drafts.clone())));

    let stored: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(stored["version"], 1);
    assert_eq!(
        stored["data"]["items"]["25"]["years.5.result"],
        json!({
            "base": null,
            "value": ["水道料金 99.60%", "下水道使用料 99.55%"],
            "edited_at": T
        })
    );
    assert_eq!(
        stored["data"]["items"]["25"]["sdgs.goals"]["base"],
        json!([6, 11])
    );

    assert_eq!(
        decode::<Drafts>(&encode(&Drafts::new(), T)),
        Ok(Decoded::Current(Drafts::new()))
    );

    // The citizen bundle counts stored fields without decoding the drafts.
    assert_eq!(count_stored_fields(&raw), drafts.count_fields());
    assert!(drafts.count_fields() > 1);
    assert_eq!(count_stored_fields(&encode(&Drafts::new(), T)), 0);
    assert_eq!(count_stored_fields("not json"), 0);
    assert_eq!(count_stored_fields(r#"{"data":{"items":[]}}"#), 0);

    // Unreadable values are errors (backed up by the app), never dropped.
    let bad = |data: Value| json!({ "version": 1, "saved_at": T, "data": data }).to_string();
    let cases = [
        json!([]),
        json!({ "dataset_version": "1", "items": { "1": { "sdgs.goals": { "base": [], "value": [18], "edited_at": 1 } } } }),
        json!({ "dataset_version": "1", "items": { "1": { "years.9.plan": { "base": [], "value": [], "edited_at": 1 } } } }),
        json!({ "dataset_version": "1", "items": { "1": { "title": { "base": [], "value": "x", "edited_at": 1 } } } }),
        json!({ "dataset_version": "1", "items": { "x": {} } }),
        json!({ "items": {} }),
    ];
    for data in cases {
        assert!(
            matches!(
                decode::<Drafts>(&bad(data.clone())),
                Err(DecodeError::BadData { .. })
            ),
            "{data}"
        );
    }
    assert!(matches!(
        decode::<Drafts>(&json!({ "version": 2, "saved_at": T, "data": {} }).to_string()),
        Err(DecodeError::NewerVersion {
            found: 2,
            supported: 1
        })
    ));
}

#[test]
fn stale_drafts_are_reported_and_kept() {
    let mut drafts = sample_drafts();
    assert_eq!(staleness(&drafts, dataset()), []);

    // A new app version changes item 25's goals and removes item 61.
    let mut newer: Dataset = dataset().clone();
    newer.meta.version = "1.1.0".into();
    newer
        .items
        .iter_mut()
        .find(|i| i.no == 25)
        .unwrap()
        .sdgs
        .goals = vec![6];
    newer.items.retain(|i| i.no != 61);

    let stale = staleness(&drafts, &newer);
    assert_eq!(stale.len(), 2);
    assert_eq!((stale[0].item, stale[0].path), (25, FieldPath::SdgGoals));
    assert_eq!(stale[0].base, FieldValue::Goals(vec![6, 11]));
    assert_eq!(stale[0].published_now, Some(FieldValue::Goals(vec![6])));
    assert_eq!(stale[0].draft, FieldValue::Goals(vec![6, 11, 12]));
    assert!(!stale[0].is_published());
    assert_eq!((stale[1].item, stale[1].published_now.clone()), (61, None));
    assert_eq!(drafts.count_fields(), 4, "stale drafts are kept");

    // The user has seen it: the new published value becomes the base.
    assert!(drafts.rebase(&newer, 25, FieldPath::SdgGoals));
    assert_eq!(
        drafts.get(25, FieldPath::SdgGoals).unwrap().base,
        FieldValue::Goals(vec![6])
    );
    assert_eq!(drafts.dataset_version(), "1.1.0");
    assert_eq!(staleness(&drafts, &newer).len(), 1);
    assert!(
        drafts.rebase(&newer, 61, FieldPath::Overview),
        "kept while the item is gone"
    );

    // A rebase onto a published value equal to the draft removes the draft.
    newer
        .items
        .iter_mut()
        .find(|i| i.no == 25)
        .unwrap()
        .sdgs
        .goals = vec![6, 11, 12];
    let adopted = staleness(&drafts, &newer);
    assert!(adopted[0].is_published(), "the draft was published");
    assert!(!drafts.rebase(&newer, 25, FieldPath::SdgGoals));
    assert!(drafts.get(25, FieldPath::SdgGoals).is_none());
}

// ---------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------

#[test]
fn diff_insert_delete_replace() {
    use DiffKind::*;
    assert_eq!(
        diff_text("abc", "abXc"),
        [part(Same, "ab"), part(Added, "X"), part(Same, "c")]
    );
    assert_eq!(
        diff_text("abXc", "abc"),
        [part(Same, "ab"), part(Removed, "X"), part(Same, "c")]
    );
    assert_eq!(
        diff_text("abXc", "abYZc"),
        [
            part(Same, "ab"),
            part(Removed, "X"),
            part(Added, "YZ"),
            part(Same, "c")
        ]
    );
    assert_eq!(diff_text("", "新規"), [part(Added, "新規")]);
    assert_eq!(diff_text("削除", ""), [part(Removed, "削除")]);
    assert_eq!(diff_text("", ""), []);
    assert_eq!(diff_text("同じ文章", "同じ文章"), [part(Same, "同じ文章")]);
}

#[test]
fn diff_japanese_text_by_character() {
    use DiffKind::*;
    assert_eq!(
        diff_text(
            "オンライン申請の外部公開件数は100件を超え、順調に増加した。",
            "オンライン申請の外部公開件数は250件を超え、大幅に増加した。"
        ),
        [
            part(Same, "オンライン申請の外部公開件数は"),
            part(Removed, "10"),
            part(Added, "25"),
            part(Same, "0件を超え、"),
            part(Removed, "順調"),
            part(Added, "大幅"),
            part(Same, "に増加した。"),
        ]
    );
    assert_eq!(
        diff_text("令和5年度", "令和６年度"),
        [
            part(Same, "令和"),
            part(Removed, "5"),
            part(Added, "６"),
            part(Same, "年度")
        ]
    );
}

#[test]
fn diff_of_huge_texts_falls_back_to_replacement() {
    use DiffKind::*;
    let n = 1_200; // 1200 × 1200 > MAX_DIFF_CELLS
    assert!(n * n > MAX_DIFF_CELLS);
    let a = format!("前{}後", "あい".repeat(n / 2));
    let b = format!("前{}後", "いあ".repeat(n / 2));
    let parts = diff_text(&a, &b);
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0], part(Same, "前"));
    assert_eq!(parts[1].kind, Removed);
    assert_eq!(parts[2].kind, Added);
    assert_eq!(parts[3], part(Same, "後"));

    // A long text with a small edit stays exact (prefix and suffix trimming).
    let long = "あ".repeat(100_000);
    let edited = format!("{long}い{long}");
    let parts = diff_text(&format!("{long}{long}"), &edited);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1], part(Added, "い"));
}

#[test]
fn diff_entries_per_bullet() {
    use DiffKind::*;
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        diff_entries(&s(&["一", "二", "三"]), &s(&["一", "三", "四"])),
        [
            EntryDiff::Same("一".into()),
            EntryDiff::Removed("二".into()),
            EntryDiff::Same("三".into()),
            EntryDiff::Added("四".into()),
        ]
    );
    assert_eq!(
        diff_entries(&s(&["水道料金 99.53%"]), &s(&["水道料金 99.60%"])),
        [EntryDiff::Changed(vec![
            part(Same, "水道料金 99."),
            part(Removed, "53"),
            part(Added, "60"),
            part(Same, "%"),
        ])]
    );
    // Entries with little in common are not paired.
    assert_eq!(
        diff_entries(&s(&["窓口の混雑緩和"]), &s(&["電子申請の導入"])),
        [
            EntryDiff::Removed("窓口の混雑緩和".into()),
            EntryDiff::Added("電子申請の導入".into()),
        ]
    );
    assert_eq!(diff_entries(&[], &[]), []);
    assert_eq!(
        diff_entries(&s(&["一"]), &[]),
        [EntryDiff::Removed("一".into())]
    );

    assert_eq!(
        diff_values(&FieldValue::OptionalLines(None), &result(&["新しい実績"])),
        [EntryDiff::Added("新しい実績".into())]
    );
    assert_eq!(
        diff_values(
            &FieldValue::Goals(vec![6, 11]),
            &FieldValue::Goals(vec![6, 12])
        ),
        [
            EntryDiff::Same("6".into()),
            EntryDiff::Removed("11".into()),
            EntryDiff::Added("12".into()),
        ]
    );
    assert_eq!(
        diff_values(
            &FieldValue::Text("旧".into()),
            &FieldValue::Text("新".into())
        ),
        [EntryDiff::Changed(vec![
            part(Removed, "旧"),
            part(Added, "新")
        ])]
    );
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

#[test]
fn export_json_shape() {
    let drafts = sample_drafts();
    let text = export_json(&drafts, dataset(), T + 100);
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with("{\n  \"format\": \"ueda-reform-drafts\""));
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "ueda-reform-drafts");
    assert_eq!(file["format_version"], 1);
    assert_eq!(file["dataset_version"], dataset().meta.version);
    assert_eq!(file["exported_at"], T + 100);
    let changes = file["changes"].as_array().unwrap();
    let keys: Vec<(u64, &str)> = changes
        .iter()
        .map(|c| (c["item"].as_u64().unwrap(), c["field"].as_str().unwrap()))
        .collect();
    assert_eq!(
        keys,
        [
            (1, "title"),
            (25, "sdgs.goals"),
            (25, "years.5.result"),
            (61, "overview")
        ]
    );
    assert_eq!(
        changes[2],
        json!({
            "item": 25,
            "title": "水道料金・下水道使用料の収納率の維持向上",
            "field": "years.5.result",
            "field_label": "令和5年度の実績",
            "published": null,
            "draft": ["水道料金 99.60%", "下水道使用料 99.55%"],
            "edited_at": T,
        })
    );
    assert_eq!(changes[0]["published"], "電子申請手続の利用促進");
    assert_eq!(changes[1]["published"], json!([6, 11]));
    assert_eq!(changes[1]["draft"], json!([6, 11, 12]));

    let empty: Value = serde_json::from_str(&export_json(&Drafts::new(), dataset(), T)).unwrap();
    assert_eq!(empty["changes"], json!([]));
}

#[test]
fn export_csv_for_excel() {
    let drafts = sample_drafts();
    let csv = export_csv(&drafts, dataset());
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n"));
    let body = &csv['\u{feff}'.len_utf8()..];
    let header = body.split("\r\n").next().unwrap();
    assert_eq!(header, CSV_HEADERS.join(","));
    assert_eq!(
        header,
        "項目番号,欄,対象版,課所,報告年度,取組項目名,欄の名称,公表されている内容,報告内容,編集日時"
    );
    // Rows end with CRLF; line breaks inside cells are LF within quotes.
    let rows: Vec<&str> = body.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(rows.len(), 1 + 4);
    assert_eq!(
        rows[1],
        "1,title,令和4年度末,,,電子申請手続の利用促進,取組項目名,電子申請手続の利用促進,電子申請手続の利用促進（改）,2026-11-25 18:30"
    );
    assert_eq!(
        rows[2],
        "25,sdgs.goals,令和4年度末,,,水道料金・下水道使用料の収納率の維持向上,SDGsの目標,6、11,6、11、12,2026-11-25 18:30"
    );
    assert_eq!(
        rows[3],
        "25,years.5.result,令和4年度末,,,水道料金・下水道使用料の収納率の維持向上,令和5年度の実績,,\"水道料金 99.60%\n下水道使用料 99.55%\",2026-11-25 18:30"
    );
    // The draft starting with = is neutralised (and quoted for its newline).
    assert!(
        rows[4].contains(",\"'=危険な式\n第二段落\","),
        "{}",
        rows[4]
    );

    // It imports back: the same drafts, nothing else.
    let table = parse_csv(&csv);
    let preview = import_sheet(&table, dataset(), &Drafts::new(), T).unwrap();
    let mut imported = Drafts::new();
    apply_import(&mut imported, &preview, &ImportChoices::new()).unwrap();
    let values = |d: &Drafts| {
        d.iter()
            .map(|(n, p, f)| (n, p, f.value.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&imported), values(&drafts));

    let only_header = export_csv(&Drafts::new(), dataset());
    assert_eq!(
        only_header,
        format!("\u{feff}{}\r\n", CSV_HEADERS.join(","))
    );
}

#[test]
fn csv_cells_quote_and_neutralise_formulas() {
    for (input, expected) in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+81 3 1234", "'+81 3 1234"),
        ("-5%", "'-5%"),
        ("@user", "'@user"),
        ("\tタブ", "'\tタブ"),
        ("\r復帰", "\"'\r復帰\""),
        ("=1,2", "\"'=1,2\""),
        ("a,b", "\"a,b\""),
        ("彼は\"はい\"と言った", "\"彼は\"\"はい\"\"と言った\""),
        ("一\n二", "\"一\n二\""),
        ("普通の文", "普通の文"),
        ("", ""),
        ("1=1", "1=1"),
    ] {
        assert_eq!(csv_cell(input), expected, "{input:?}");
    }
}

#[test]
fn jst_times() {
    assert_eq!(format_jst(T), "2026-11-25 18:30");
    assert_eq!(format_jst(0), "1970-01-01 09:00");
    // 2024-02-29 15:05 UTC is already 1 March in Japan.
    assert_eq!(format_jst(1_709_219_100_000), "2024-03-01 00:05");
    assert_eq!(
        format_jst(1_709_219_100_000 - 9 * 3_600_000),
        "2024-02-29 15:05"
    );
    // 2000-12-31 23:59:59.999 JST.
    assert_eq!(format_jst(978_274_799_999), "2000-12-31 23:59");
    assert_eq!(
        export_file_name(T, "csv"),
        "ueda-reform-drafts-20261125-1830.csv"
    );
    // Any u64 (an imported edited_at) formats without overflow.
    assert!(
        format_jst(u64::MAX).ends_with(":25"),
        "{}",
        format_jst(u64::MAX)
    );
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

#[test]
fn export_then_import_round_trips() {
    let drafts = sample_drafts();
    let text = export_json(&drafts, dataset(), T);
    let preview = import(&text, dataset(), &Drafts::new()).unwrap();
    assert_eq!(preview.changes.len(), 4);
    assert_eq!(preview.already_published, 0);
    assert!(!preview.dataset_version_differs);
    assert!(preview
        .changes
        .iter()
        .all(|c| !c.conflict && !c.published_differs));
    assert_eq!(preview.conflicts().count(), 0);

    let mut imported = Drafts::new();
    let summary = apply_import(&mut imported, &preview, &ImportChoices::new()).unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            added: 4,
            ..ImportSummary::default()
        }
    );
    assert_eq!(imported, drafts);

    // Importing the same file again changes nothing.
    let again = import(&text, dataset(), &imported).unwrap();
    assert_eq!(again.conflicts().count(), 0);
    let summary = apply_import(&mut imported, &again, &ImportChoices::new()).unwrap();
    assert_eq!(summary.unchanged, 4);
    assert_eq!(imported, drafts);
}

#[test]
fn import_reports_versions_published_differences_and_no_ops() {
    let text = json!({
        "format": EXPORT_FORMAT,
        "format_version": 1,
        "dataset_version": "0.9.0",
        "exported_at": T,
        "extra": "ignored",
        "changes": [
            { "item": 25, "field": "years.4.result", "published": ["古い実績"],
              "draft": ["水道料金 99.41%", "下水道使用料 99.43%"], "edited_at": T },
            { "item": 25, "field": "sdgs.goals", "published": [6, 11], "draft": [11, 6], "edited_at": T },
        ],
    })
    .to_string();
    let preview = import(&format!("\u{feff}{text}"), dataset(), &Drafts::new()).unwrap();
    assert!(preview.dataset_version_differs);
    assert_eq!(preview.file_dataset_version, "0.9.0");
    assert_eq!(preview.dataset_version, dataset().meta.version);
    assert_eq!(
        preview.already_published, 1,
        "goals equal the published ones"
    );
    assert_eq!(preview.changes.len(), 1);
    assert!(preview.changes[0].published_differs);
    assert_eq!(
        preview.changes[0].published,
        result(&["水道料金 99.41%", "下水道使用料 99.42%"])
    );
}

#[test]
fn import_conflicts_need_a_choice() {
    let d = dataset();
    let path = FieldPath::Result(5);
    let mut mine = Drafts::new();
    mine.set(d, 25, path, result(&["私の実績"]), T).unwrap();
    mine.set(d, 1, FieldPath::Title, FieldValue::Text("同じ題".into()), T)
        .unwrap();
    let text = file(json!([
        change(25, "years.5.result", json!(["相手の実績"])),
        change(1, "title", json!("同じ題")),
        change(2, "overview", json!(["新しい概要"])),
    ]));
    let preview = import(&text, d, &mine).unwrap();
    assert_eq!(preview.changes.len(), 3);
    let conflicts: Vec<_> = preview.conflicts().collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!((conflicts[0].item, conflicts[0].path), (25, path));
    assert_eq!(conflicts[0].current_draft, Some(result(&["私の実績"])));
    assert_eq!(conflicts[0].incoming, result(&["相手の実績"]));
    let same = preview.changes.iter().find(|c| c.item == 1).unwrap();
    assert!(!same.conflict, "an equal draft is no conflict");

    // Without a choice nothing changes.
    let before = mine.clone();
    let err = apply_import(&mut mine, &preview, &ImportChoices::new()).unwrap_err();
    assert_eq!(err.0, [(25, path)]);
    assert_eq!(mine, before);
    assert_eq!(preview.unresolved(&ImportChoices::new()), [(25, path)]);

    // Keep mine.
    let mut kept = before.clone();
    let choices = ImportChoices::all(&preview, Choice::KeepMine);
    assert!(preview.unresolved(&choices).is_empty());
    let summary = apply_import(&mut kept, &preview, &choices).unwrap();
    assert_eq!(
        (
            summary.added,
            summary.kept,
            summary.replaced,
            summary.unchanged
        ),
        (1, 1, 0, 1)
    );
    assert_eq!(kept.get(25, path).unwrap().value, result(&["私の実績"]));
    assert_eq!(
        kept.get(2, FieldPath::Overview).unwrap().value,
        lines(&["新しい概要"])
    );

    // Take theirs.
    let mut taken = before.clone();
    let mut choices = ImportChoices::new();
    choices.choose(25, path, Choice::TakeTheirs);
    let summary = apply_import(&mut taken, &preview, &choices).unwrap();
    assert_eq!((summary.added, summary.kept, summary.replaced), (1, 0, 1));
    let field = taken.get(25, path).unwrap();
    assert_eq!(field.value, result(&["相手の実績"]));
    assert_eq!(field.base, FieldValue::OptionalLines(None));

    // A draft made after the preview is not overwritten without a choice.
    let mut changed = before.clone();
    changed
        .set(
            d,
            2,
            FieldPath::Overview,
            lines(&["後から書いた概要"]),
            T + 9,
        )
        .unwrap();
    let err = apply_import(
        &mut changed,
        &preview,
        &ImportChoices::all(&preview, Choice::TakeTheirs),
    )
    .unwrap_err();
    assert_eq!(err.0, [(2, FieldPath::Overview)]);
}

/// An input, a check of the error it gives, and fragments its message must contain.
type ErrorCase = (String, fn(&ImportError) -> bool, &'static [&'static str]);

#[test]
fn import_errors_name_the_problem() {
    let cases: Vec<ErrorCase> = vec![
        ("{".into(), |e| matches!(e, ImportError::NotJson(_)), &[]),
        ("".into(), |e| matches!(e, ImportError::NotJson(_)), &[]),
        ("[1,2]".into(), |e| *e == ImportError::NotDraftsFile, &[]),
        (
            json!({ "format_version": 1, "changes": [] }).to_string(),
            |e| *e == ImportError::NotDraftsFile,
            &["書き出しファイルではありません"],
        ),
        (
            json!({ "format": "other", "format_version": 1 }).to_string(),
            |e| *e == ImportError::NotDraftsFile,
            &[],
        ),
        (
            json!({ "format": EXPORT_FORMAT, "format_version": 2 }).to_string(),
            |e| *e == ImportError::NewerFormat(2),
            &["新しいバージョン", "2"],
        ),
        (
            json!({ "format": EXPORT_FORMAT, "format_version": 0 }).to_string(),
            |e| matches!(e, ImportError::UnknownFormatVersion(_)),
            &["0"],
        ),
        (
            json!({ "format": EXPORT_FORMAT, "format_version": "1" }).to_string(),
            |e| matches!(e, ImportError::UnknownFormatVersion(_)),
            &["1"],
        ),
        (
            json!({ "format": EXPORT_FORMAT }).to_string(),
            |e| matches!(e, ImportError::UnknownFormatVersion(_)),
            &[],
        ),
        (
            json!({ "format": EXPORT_FORMAT, "format_version": 1, "changes": [] }).to_string(),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["dataset_version"],
        ),
        (
            json!({ "format": EXPORT_FORMAT, "format_version": 1, "dataset_version": "1" })
                .to_string(),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["changes"],
        ),
        (
            file(json!([
                change(1, "title", json!("x")),
                change(99, "title", json!("x"))
            ])),
            |e| {
                *e == ImportError::UnknownItem {
                    index: Entry::Change(2),
                    item: 99,
                }
            },
            &["2件目", "99"],
        ),
        (
            file(json!([change(7, "years.9.result", json!(["x"]))])),
            |e| matches!(e, ImportError::UnknownField { item: 7, .. }),
            &["years.9.result", "項目番号 7", "令和3〜7年度"],
        ),
        (
            file(json!([change(7, "summary", json!("x"))])),
            |e| matches!(e, ImportError::UnknownField { item: 7, .. }),
            &["summary", "項目番号 7"],
        ),
        (
            file(json!([change(12, "sdgs.goals", json!([3, 18]))])),
            |e| matches!(e, ImportError::InvalidValue { item: 12, path: FieldPath::SdgGoals, error: DraftError::InvalidGoal(g), .. } if g == "18"),
            &["項目番号 12", "SDGsの目標", "18"],
        ),
        (
            file(json!([change(12, "years.5.result", json!("文字列"))])),
            |e| matches!(e, ImportError::InvalidValue { item: 12, .. }),
            &["令和5年度の実績", "OptionalLines"],
        ),
        (
            file(json!([change(3, "title", json!(""))])),
            |e| {
                matches!(
                    e,
                    ImportError::InvalidValue {
                        error: DraftError::EmptyTitle,
                        ..
                    }
                )
            },
            &["取組項目名"],
        ),
        (
            file(json!([
                change(3, "measures", json!(["a"])),
                change(3, "measures", json!(["b"]))
            ])),
            |e| {
                matches!(
                    e,
                    ImportError::Duplicate {
                        index: Entry::Change(2),
                        item: 3,
                        ..
                    }
                )
            },
            &["重複", "項目番号 3"],
        ),
        (
            file(json!([{ "item": 3, "field": "measures", "draft": ["a"] }])),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["1件目", "edited_at"],
        ),
        (
            file(json!([{ "item": "3", "field": "measures", "draft": ["a"], "edited_at": T }])),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["item"],
        ),
        (
            file(json!([{ "item": 3, "field": "measures", "edited_at": T }])),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["draft"],
        ),
        (
            file(
                json!([{ "item": 3, "field": "measures", "draft": ["a"], "published": 5, "edited_at": T }]),
            ),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["published"],
        ),
        (
            file(json!(["not an object"])),
            |e| matches!(e, ImportError::BadShape { .. }),
            &["1件目"],
        ),
    ];
    for (input, check, fragments) in cases {
        let error = import_err(&input);
        assert!(check(&error), "{input}: {error:?}");
        // The error carries what the message names (the app's language
        // tables word it; see the app's i18n tests).
        let carried = format!("{error:?}");
        for fragment in fragments.iter().filter(|f| f.is_ascii()) {
            assert!(carried.contains(fragment), "{carried} lacks {fragment:?}");
        }
    }
}

#[test]
fn import_refuses_oversized_input() {
    let big = " ".repeat(MAX_IMPORT_BYTES + 1);
    let error = import_err(&big);
    assert_eq!(error, ImportError::TooLarge(MAX_IMPORT_BYTES + 1));

    let many: Vec<Value> = (0..=MAX_IMPORT_CHANGES).map(|_| json!({})).collect();
    let error = import_err(&file(Value::Array(many)));
    assert_eq!(error, ImportError::TooManyChanges(MAX_IMPORT_CHANGES + 1));

    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(import_err(&deep), ImportError::NotJson(_)));
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Text with the characters that matter here: Japanese, CSV and formula
/// characters, bullets, whitespace and line breaks.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec![
                'あ', '令', '和', '年', '度', '実', '績', '%', '9', 'a', '①', '第',
            ]),
            1 => prop::sample::select(vec![
                '=', '+', '-', '@', ',', '"', '\'', '・', ' ', '\u{3000}', '\t', '\n', '\r',
                '\u{0}', '—',
            ]),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn value_for(path: FieldPath) -> BoxedStrategy<FieldValue> {
    let list = proptest::collection::vec(text(), 0..4);
    match path.kind() {
        ValueKind::Text => text().prop_map(FieldValue::Text).boxed(),
        ValueKind::Goals => proptest::collection::btree_set(1u8..=17, 0..5)
            .prop_map(|goals| FieldValue::Goals(goals.into_iter().collect()))
            .boxed(),
        ValueKind::OptionalLines => proptest::option::of(list)
            .prop_map(FieldValue::OptionalLines)
            .boxed(),
        ValueKind::Lines if path == FieldPath::GeneralPlan => {
            proptest::collection::vec((1u32..5, 1u32..9, 1u32..12, text()), 0..3)
                .prop_map(|refs| {
                    FieldValue::Lines(
                        refs.into_iter()
                            .map(|(a, b, c, t)| format!("第{a}編 第{b}章 第{c}節 {t}"))
                            .collect(),
                    )
                })
                .boxed()
        }
        ValueKind::Lines => list.prop_map(FieldValue::Lines).boxed(),
    }
}

/// An item number and one of its paths, with a value for it.
fn edit() -> impl Strategy<Value = (u32, FieldPath, FieldValue, u64)> {
    (1u32..=61, 0usize..20, 0u64..2_000_000_000_000).prop_flat_map(|(no, k, at)| {
        let paths = FieldPath::all_for(dataset().item(no).unwrap());
        let path = paths[k % paths.len()];
        value_for(path).prop_map(move |value| (no, path, value, at))
    })
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..30).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::from),
        prop::sample::select(vec![
            "title",
            "sdgs.goals",
            "years.5.result",
            "years.9.plan",
            "smart_city",
            "general_plan",
            EXPORT_FORMAT,
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop::sample::select(vec![
                    "format",
                    "format_version",
                    "dataset_version",
                    "changes",
                    "item",
                    "field",
                    "draft",
                    "published",
                    "edited_at",
                    "x",
                ]),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn import_never_panics_on_strings(s in ".{0,200}") {
        let _ = import(&s, dataset(), &Drafts::new());
    }

    #[test]
    fn import_never_panics_on_json(value in json_value()) {
        let _ = import(&value.to_string(), dataset(), &sample_drafts());
    }

    #[test]
    fn import_never_panics_on_near_valid_files(
        changes in proptest::collection::vec(
            (0u32..70, prop::sample::select(vec![
                "title", "sdgs.goals", "years.5.result", "years.3.plan", "years.8.plan",
                "smart_city", "general_plan", "bureaus",
            ]), json_value(), json_value()),
            0..6,
        )
    ) {
        let changes: Vec<Value> = changes
            .into_iter()
            .map(|(item, field, draft, published)| json!({
                "item": item, "field": field, "draft": draft,
                "published": published, "edited_at": T,
            }))
            .collect();
        let text = file(Value::Array(changes));
        if let Ok(preview) = import(&text, dataset(), &sample_drafts()) {
            let mut drafts = sample_drafts();
            let choices = ImportChoices::all(&preview, Choice::TakeTheirs);
            prop_assert!(apply_import(&mut drafts, &preview, &choices).is_ok());
        }
    }

    #[test]
    fn drafts_round_trip_through_export_import_and_storage(
        edits in proptest::collection::vec(edit(), 0..12)
    ) {
        let mut drafts = Drafts::new();
        for (no, path, value, at) in edits {
            if let Ok(kept) = drafts.set(dataset(), no, path, value.clone(), at) {
                // What was kept is exactly the normalized value.
                let normal = normalize(path, value).unwrap();
                prop_assert_eq!(kept, drafts.get(no, path).is_some());
                if kept {
                    prop_assert_eq!(&drafts.get(no, path).unwrap().value, &normal);
                    // Normalizing is idempotent.
                    prop_assert_eq!(normalize(path, normal.clone()), Ok(normal));
                }
            }
        }

        let text = export_json(&drafts, dataset(), T);
        let preview = import(&text, dataset(), &Drafts::new()).unwrap();
        prop_assert_eq!(preview.already_published, 0);
        let mut imported = Drafts::new();
        apply_import(&mut imported, &preview, &ImportChoices::new()).unwrap();
        if !drafts.is_empty() {
            prop_assert_eq!(&imported, &drafts);
        }

        let raw = encode(&drafts, T);
        prop_assert_eq!(decode::<Drafts>(&raw), Ok(Decoded::Current(drafts.clone())));

        // The CSV has one row per draft (rows end with CRLF; cells hold LF only).
        let csv = export_csv(&drafts, dataset());
        prop_assert_eq!(csv.matches("\r\n").count(), 1 + drafts.count_fields());
    }

    #[test]
    fn diff_text_rebuilds_both_sides(a in text(), b in text()) {
        let parts = diff_text(&a, &b);
        let side = |skip: DiffKind| -> String {
            parts.iter().filter(|p| p.kind != skip).map(|p| p.text.as_str()).collect()
        };
        prop_assert_eq!(side(DiffKind::Added), a.clone());
        prop_assert_eq!(side(DiffKind::Removed), b.clone());
        prop_assert!(parts.iter().all(|p| !p.text.is_empty()));
        prop_assert!(parts.windows(2).all(|w| w[0].kind != w[1].kind));
        if a == b {
            prop_assert!(parts.iter().all(|p| p.kind == DiffKind::Same));
        }
    }

    #[test]
    fn diff_entries_rebuilds_both_sides(
        a in proptest::collection::vec(text(), 0..6),
        b in proptest::collection::vec(text(), 0..6),
    ) {
        let diff = diff_entries(&a, &b);
        let (mut old, mut new) = (Vec::new(), Vec::new());
        for entry in diff {
            match entry {
                EntryDiff::Same(s) => { old.push(s.clone()); new.push(s); }
                EntryDiff::Removed(s) => old.push(s),
                EntryDiff::Added(s) => new.push(s),
                EntryDiff::Changed(parts) => {
                    old.push(parts.iter().filter(|p| p.kind != DiffKind::Added).map(|p| p.text.as_str()).collect());
                    new.push(parts.iter().filter(|p| p.kind != DiffKind::Removed).map(|p| p.text.as_str()).collect());
                }
            }
        }
        prop_assert_eq!(old, a);
        prop_assert_eq!(new, b);
    }
}
