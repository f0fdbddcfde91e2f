//! A compiled dataset checked as the next edition of the current one, and
//! what changed between them.

use model::drafts::{
    compile, export_section_json, import, submission, Decisions, Drafts, FieldPath, FieldValue,
};
use model::edition::{changes, check_next, reported_year, Changed, EditionError};
use model::Dataset;

mod common;

use common::dataset;

const T: u64 = 1_795_599_000_000;

/// The edition that 行政管理課's report on item 1 (令和5年度) makes.
fn next_edition() -> Dataset {
    let mut drafts = Drafts::new();
    drafts
        .set(
            dataset(),
            1,
            FieldPath::Result(5),
            FieldValue::OptionalLines(Some(vec!["電子申請 120手続".into()])),
            T,
        )
        .unwrap();
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
    assert_eq!(
        changes(dataset(), &next),
        vec![Changed {
            item: 1,
            path: FieldPath::Result(5),
            before: FieldValue::OptionalLines(None),
        }]
    );
    assert_eq!(changes(dataset(), dataset()), vec![]);
}
