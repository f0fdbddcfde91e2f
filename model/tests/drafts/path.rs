//! Field paths: their string form, parse errors and labels.

use super::*;

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
