//! Properties over every module: import never panics, exports round-trip.

use super::*;

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
