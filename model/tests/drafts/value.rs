//! Field values: published values, applying drafts to an item, normalisation
//! and typed errors.

use super::*;

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
