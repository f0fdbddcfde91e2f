//! A compiled dataset checked as the next edition of the current one, and
//! what changed between them.

use model::drafts::{
    compile, export_section_json, import, submission, Decisions, Drafts, FieldPath, FieldValue,
};
use model::edition::{
    changes, check_next, reported_year, EditionChanges, EditionError, EditionLabel, Editions,
    EditionsError, FieldChange,
};
use model::Dataset;

mod common;

use common::{admin_report, committed_editions, dataset, T};

/// The edition that 行政管理課's report on item 1 (令和5年度) makes.
fn next_edition() -> Dataset {
    let drafts = admin_report();
    let json = export_section_json(&drafts, dataset(), "行政管理課", 5, T);
    let preview = import(&json, dataset(), &Drafts::new()).unwrap();
    let sub = submission("a.json", preview, 5).unwrap();
    compile(dataset(), &[sub], &Decisions::new(), 5, "令和6年5月10日")
        .unwrap()
        .dataset
}

#[test]
fn a_compiled_edition_follows_the_current_one() {
    assert_eq!(check_next(dataset(), &next_edition()), vec![]);
    assert_eq!(reported_year("令和5年度末"), Some(5));
}

#[test]
fn the_same_or_an_earlier_edition_does_not() {
    let errors = check_next(dataset(), dataset());
    assert!(errors.contains(&EditionError::NotLater {
        next: "令和4年度末".into(),
        previous: "令和4年度末".into()
    }));
    assert!(errors.contains(&EditionError::VersionNotNewer {
        next: "2.0.0".into(),
        previous: "2.0.0".into()
    }));
    let errors = check_next(&next_edition(), dataset());
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn another_programme_other_items_or_structure_are_refused() {
    let mut other = next_edition();
    other.meta.adopted = "令和4年8月".into();
    assert_eq!(
        check_next(dataset(), &other),
        vec![EditionError::OtherProgramme("adopted")]
    );

    // The title may name the new edition, but not another programme.
    let mut renamed = next_edition();
    renamed.meta.title = renamed
        .meta
        .title
        .replace("アクションプログラム", "実施計画");
    assert_eq!(
        check_next(dataset(), &renamed),
        vec![EditionError::OtherProgramme("title")]
    );

    let mut fewer = next_edition();
    fewer.items.pop();
    assert_eq!(
        check_next(dataset(), &fewer),
        vec![EditionError::ItemsDiffer]
    );

    let mut moved = next_edition();
    moved.items[2].category.code = "オ".into();
    assert_eq!(
        check_next(dataset(), &moved),
        vec![EditionError::StructureChanged(3)]
    );

    let mut future = next_edition();
    let year6 = future.items[0]
        .years
        .iter_mut()
        .find(|y| y.year == 6)
        .unwrap();
    year6.result = Some(vec!["まだ来ない年度".into()]);
    assert_eq!(
        check_next(dataset(), &future),
        vec![EditionError::FutureResult { item: 1, year: 6 }]
    );
}

#[test]
fn the_changes_between_editions_are_listed_field_by_field() {
    let next = next_edition();
    let change = FieldChange {
        item: 1,
        path: FieldPath::Result(5),
        before: FieldValue::OptionalLines(None),
        after: FieldValue::OptionalLines(Some(vec!["電子申請 120手続".into()])),
    };
    assert!(change.is_new());
    assert_eq!(changes(dataset(), &next), vec![change]);
    assert_eq!(changes(dataset(), dataset()), vec![]);
}

/// The last year any item of `dataset` has a result for.
fn last_year_with_results(dataset: &Dataset) -> u8 {
    dataset
        .items
        .iter()
        .flat_map(|i| &i.years)
        .filter(|y| y.result.as_ref().is_some_and(|r| !r.is_empty()))
        .map(|y| y.year)
        .max()
        .unwrap()
}

#[test]
fn the_edition_label_is_the_data_s_own() {
    // For the current edition and for a compiled next one, the label agrees
    // with what the data says in its items, its title and its results.
    let current = committed_editions().current().dataset.clone();
    for edition in [current, next_edition()] {
        let label = EditionLabel::of(&edition.meta).unwrap();
        let last = last_year_with_results(&edition);
        assert_eq!(label.last_reported_year(), last);
        assert_eq!(label.reiwa_year(), last);
        assert_eq!(label.fiscal_year(), 2018 + u16::from(last));
        assert!(edition.meta.title.contains(&edition.meta.status_as_of));
        assert!(edition
            .meta
            .status_as_of
            .contains(&format!("令和{}年度", label.reiwa_year())));
        // The slug of the open-data files names the same year.
        assert_eq!(
            model::open_data::edition_slug(&edition.meta),
            format!("r{}-end", label.reiwa_year())
        );
    }
    // The year-end is the date the first edition's own figures are dated
    // (「令和5年3月31日現在」 in the results of 令和4年度).
    let first = dataset();
    let (year, month, day) = EditionLabel::of(&first.meta).unwrap().year_end();
    let dated = format!("令和{}年{month}月{day}日現在", year - 2018);
    let last = last_year_with_results(first);
    assert!(first.items.iter().any(|item| item
        .years
        .iter()
        .any(|y| y.year == last && y.result.iter().flatten().any(|r| r.contains(&dated)))));
}

#[test]
fn the_current_edition_is_the_one_that_reports_furthest() {
    let next = next_edition();
    // In any order.
    let editions = Editions::new([("next", next.clone()), ("first", dataset().clone())]).unwrap();
    assert_eq!(editions.current().origin, "next");
    assert_eq!(editions.current().dataset, next);
    assert_eq!(editions.previous().unwrap().origin, "first");
    assert_eq!(
        editions.all().iter().map(|e| e.origin).collect::<Vec<_>>(),
        ["first", "next"]
    );
    let changes = editions.changes();
    assert_eq!(changes, EditionChanges::between(dataset(), &next));
    assert_eq!(
        changes.previous.as_deref(),
        Some(dataset().meta.status_as_of.as_str())
    );
    assert_eq!(changes.previous_label(), EditionLabel::of(&dataset().meta));
    assert_eq!(changes.items(), vec![1]);
    assert_eq!(changes.of_item(1), vec![(FieldPath::Result(5), true)]);
    assert_eq!(changes.by_item(), vec![(1, changes.fields())]);
    // Each edition with what it changed: the first says it is the first.
    let history = editions.history();
    assert_eq!(history.len(), 2);
    assert!(history[0].1.is_first() && history[0].1.fields().is_empty());
    assert_eq!(history[1].1, changes);

    // One edition alone is current, and first.
    let alone = Editions::new([((), dataset().clone())]).unwrap();
    assert!(alone.previous().is_none());
    assert!(alone.changes().is_first());
    assert_eq!(
        alone.changes().to_json(),
        r#"{"fields":[],"previous":null}"#
    );
}

#[test]
fn editions_that_cannot_be_ordered_are_refused() {
    assert_eq!(Editions::<()>::new([]).unwrap_err(), EditionsError::None);
    let mut undated = dataset().clone();
    undated.meta.status_as_of = "未定".into();
    assert_eq!(
        Editions::new([((), undated)]).unwrap_err(),
        EditionsError::NoYear("未定".into())
    );
    let twin = dataset().clone();
    assert_eq!(
        Editions::new([((), dataset().clone()), ((), twin)]).unwrap_err(),
        EditionsError::SameYear(dataset().meta.status_as_of.clone())
    );
}

#[test]
fn the_changes_read_back_as_the_build_embeds_them() {
    let mut next = next_edition();
    next.items[1].title = "新しい取組項目名".into();
    next.items[1].sdgs.goals = vec![1, 17];
    let changes = EditionChanges::between(dataset(), &next);
    assert_eq!(changes.fields().len(), 3);
    assert_eq!(EditionChanges::from_json(&changes.to_json()), changes);
    // Revisions are not new; a first result is.
    assert_eq!(
        changes.of_item(2),
        vec![(FieldPath::Title, false), (FieldPath::SdgGoals, false)]
    );
    assert_eq!(
        EditionChanges::from_json("not json"),
        EditionChanges::default()
    );
}
