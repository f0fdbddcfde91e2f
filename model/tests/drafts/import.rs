//! Importing an export file: round trips, versions, conflicts, errors, limits.

use super::*;

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
