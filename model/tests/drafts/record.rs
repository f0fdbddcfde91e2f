//! The record of drafts: setting, discarding, previewing, storing, staleness.

use super::*;

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
