//! The storage layer's pure core: envelopes, versions, migrations, and that
//! unreadable values are reported (never silently replaced) and never panic.

use model::stored::{
    backup_key, decode, encode, is_backup_key, parse_backup_key, parse_item_list, Bookmarks,
    DecodeError, Decoded, Language, Record, Settings, TextSize, BACKUP_PREFIX, BOOKMARKS_KEY,
    DRAFTS_KEY, KEYS, NAMESPACE, SETTINGS_KEY,
};
use proptest::prelude::*;
use serde_json::Value;

const T: u64 = 1_732_520_000_000;

fn bookmarks(items: &[u32]) -> Bookmarks {
    items.iter().copied().collect()
}

#[test]
fn keys_are_namespaced() {
    for key in KEYS {
        assert!(key.starts_with(&format!("{NAMESPACE}.")), "{key}");
        assert!(!is_backup_key(key), "{key}");
    }
    assert_eq!(Bookmarks::KEY, BOOKMARKS_KEY);
    assert_eq!(Settings::KEY, SETTINGS_KEY);
    assert!(BACKUP_PREFIX.starts_with(NAMESPACE));
}

#[test]
fn bookmarks_round_trip() {
    let value = bookmarks(&[61, 1, 30]);
    let raw = encode(&value, T);
    assert_eq!(
        raw,
        r#"{"version":2,"saved_at":1732520000000,"data":{"items":[1,30,61]}}"#
    );
    assert_eq!(decode::<Bookmarks>(&raw), Ok(Decoded::Current(value)));
}

#[test]
fn settings_round_trip() {
    let value = Settings {
        text_size: TextSize::ExtraLarge,
        staff_mode: true,
        kiosk: true,
        kiosk_idle_seconds: Some(60),
        kiosk_keep_bookmarks: true,
        language: Language::En,
        staff_section: Some("行政管理課".into()),
        reporting_year: Some(6),
    };
    let raw = encode(&value, T);
    assert!(raw.contains(r#""text_size":"extralarge""#), "{raw}");
    assert!(raw.contains(r#""language":"en""#), "{raw}");
    assert_eq!(decode::<Settings>(&raw), Ok(Decoded::Current(value)));
}

#[test]
fn legacy_bare_array_migrates_to_version_2() {
    let decoded = decode::<Bookmarks>("[3,1,3]").unwrap();
    assert!(decoded.needs_write_back());
    assert_eq!(
        decoded,
        Decoded::Migrated {
            value: bookmarks(&[1, 3]),
            from: 1
        }
    );
    // What the caller writes back is a current-version envelope.
    let rewritten = encode(decoded.value(), T);
    assert_eq!(
        decode::<Bookmarks>(&rewritten),
        Ok(Decoded::Current(bookmarks(&[1, 3])))
    );
}

#[test]
fn version_1_envelope_migrates_to_version_2() {
    let raw = r#"{"version":1,"saved_at":1732520000000,"data":[3,1,3]}"#;
    assert_eq!(
        decode::<Bookmarks>(raw),
        Ok(Decoded::Migrated {
            value: bookmarks(&[1, 3]),
            from: 1
        })
    );
    let empty = r#"{"version":1,"saved_at":0,"data":[]}"#;
    assert_eq!(
        decode::<Bookmarks>(empty).map(Decoded::into_value),
        Ok(Bookmarks::default())
    );
}

#[test]
fn not_json_is_an_error() {
    for raw in [
        "",
        "{",
        "bookmarks",
        "[1,2",
        "{\"version\":2,}",
        "\u{feff}[1]",
    ] {
        assert!(
            matches!(decode::<Bookmarks>(raw), Err(DecodeError::NotJson(_))),
            "{raw:?}"
        );
    }
    // Nesting deep enough to overflow a naive recursive parser is refused, not a crash.
    let deep = "[".repeat(100_000);
    assert!(matches!(
        decode::<Bookmarks>(&deep),
        Err(DecodeError::NotJson(_))
    ));
}

#[test]
fn json_that_is_not_an_envelope_is_an_error() {
    for raw in [
        "null",
        "true",
        "42",
        r#""[1,2]""#,
        r#"{"items":[1,2]}"#,
        r#"{"version":"2","saved_at":0,"data":{"items":[]}}"#,
        r#"{"version":-1,"saved_at":0,"data":{"items":[]}}"#,
        r#"{"version":2.5,"saved_at":0,"data":{"items":[]}}"#,
        r#"{"version":4294967296,"saved_at":0,"data":{"items":[]}}"#,
        r#"{"version":2,"data":{"items":[]}}"#,
        r#"{"version":2,"saved_at":"today","data":{"items":[]}}"#,
        r#"{"version":2,"saved_at":0}"#,
    ] {
        assert!(
            matches!(decode::<Bookmarks>(raw), Err(DecodeError::NotAnEnvelope(_))),
            "{raw}"
        );
    }
    // Settings had no unversioned form, so not even a bare array is accepted.
    assert!(matches!(
        decode::<Settings>("[1]"),
        Err(DecodeError::NotAnEnvelope(_))
    ));
}

#[test]
fn version_0_is_unknown() {
    let raw = r#"{"version":0,"saved_at":0,"data":{"items":[1]}}"#;
    assert_eq!(
        decode::<Bookmarks>(raw),
        Err(DecodeError::UnknownVersion(0))
    );
    let raw = r#"{"version":0,"saved_at":0,"data":{}}"#;
    assert_eq!(decode::<Settings>(raw), Err(DecodeError::UnknownVersion(0)));
}

#[test]
fn newer_version_is_reported_not_read() {
    let raw = r#"{"version":9,"saved_at":0,"data":{"items":[1]}}"#;
    assert_eq!(
        decode::<Bookmarks>(raw),
        Err(DecodeError::NewerVersion {
            found: 9,
            supported: 2
        })
    );
    // The version is judged first: a newer envelope may look different altogether.
    let raw = r#"{"version":9,"when":"2026-01-01"}"#;
    assert_eq!(
        decode::<Bookmarks>(raw),
        Err(DecodeError::NewerVersion {
            found: 9,
            supported: 2
        })
    );
}

#[test]
fn migration_failure_is_reported() {
    for raw in [
        r#"{"version":1,"saved_at":0,"data":{"items":[1]}}"#,
        r#"{"version":1,"saved_at":0,"data":"1,2"}"#,
        r#"{"version":1,"saved_at":0,"data":[1,"2"]}"#,
        r#"{"version":1,"saved_at":0,"data":[1,-2]}"#,
        r#"{"version":1,"saved_at":0,"data":[1,2.5]}"#,
        r#"[1,4294967296]"#,
    ] {
        match decode::<Bookmarks>(raw) {
            Err(DecodeError::MigrationFailed { from: 1, reason }) => {
                assert!(!reason.is_empty(), "{raw}")
            }
            other => panic!("{raw}: {other:?}"),
        }
    }
}

#[test]
fn bad_data_at_the_current_version_is_reported() {
    for raw in [
        r#"{"version":2,"saved_at":0,"data":{"items":"x"}}"#,
        r#"{"version":2,"saved_at":0,"data":{}}"#,
        r#"{"version":2,"saved_at":0,"data":[1,2]}"#,
        r#"{"version":2,"saved_at":0,"data":null}"#,
        r#"{"version":2,"saved_at":0,"data":{"items":[1,-2]}}"#,
        // Serde would read these as a struct from a sequence of its fields.
        r#"{"version":2,"saved_at":0,"data":[[1,2]]}"#,
    ] {
        assert!(
            matches!(
                decode::<Bookmarks>(raw),
                Err(DecodeError::BadData { version: 2, .. })
            ),
            "{raw}"
        );
    }
    for raw in [
        r#"{"version":1,"saved_at":0,"data":{"text_size":"huge"}}"#,
        r#"{"version":1,"saved_at":0,"data":{"kiosk":"yes"}}"#,
        r#"{"version":1,"saved_at":0,"data":[]}"#,
        r#"{"version":1,"saved_at":0,"data":["large",true]}"#,
    ] {
        assert!(
            matches!(
                decode::<Settings>(raw),
                Err(DecodeError::BadData { version: 1, .. })
            ),
            "{raw}"
        );
    }
}

/// A record with a longer history, to check the chain runs one step at a time.
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct Counter {
    count: u32,
    history: Vec<u32>,
}

impl Record for Counter {
    const KEY: &'static str = "ueda-reform.test-counter";
    const VERSION: u32 = 4;
    const MIN_VERSION: u32 = 2;

    fn migrate(from_version: u32, data: Value) -> Result<Value, String> {
        match from_version {
            // 2 -> 3: a bare number became {"count": n}.
            2 => Ok(serde_json::json!({ "count": data.as_u64().ok_or("not a number")? })),
            // 3 -> 4: a history of the steps taken was added; a zero count was never valid.
            3 => match data {
                Value::Object(mut map) if map.get("count") != Some(&Value::from(0)) => {
                    map.insert("history".into(), serde_json::json!([from_version]));
                    Ok(Value::Object(map))
                }
                _ => Err("not a non-zero count".into()),
            },
            other => Err(format!("no migration from version {other}")),
        }
    }
}

#[test]
fn migrations_run_step_by_step_from_min_version() {
    let raw = r#"{"version":2,"saved_at":0,"data":7}"#;
    assert_eq!(
        decode::<Counter>(raw),
        Ok(Decoded::Migrated {
            value: Counter {
                count: 7,
                history: vec![3]
            },
            from: 2
        })
    );
    let raw = r#"{"version":1,"saved_at":0,"data":7}"#;
    assert_eq!(decode::<Counter>(raw), Err(DecodeError::UnknownVersion(1)));
    // A failure in a later step still reports the stored version, naming the step.
    let raw = r#"{"version":2,"saved_at":0,"data":0}"#;
    match decode::<Counter>(raw) {
        Err(DecodeError::MigrationFailed { from: 2, reason }) => {
            assert!(reason.contains("step 3 -> 4"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    let raw = r#"{"version":2,"saved_at":0,"data":"7"}"#;
    assert!(matches!(
        decode::<Counter>(raw),
        Err(DecodeError::MigrationFailed { from: 2, .. })
    ));
    // Migrated data that does not fit the current shape is a failed migration.
    let raw = r#"{"version":3,"saved_at":0,"data":{"count":"many"}}"#;
    assert!(matches!(
        decode::<Counter>(raw),
        Err(DecodeError::MigrationFailed { from: 3, .. })
    ));
}

#[test]
fn display_is_a_log_line_naming_the_versions() {
    // Users read the app's own sentence (its language tables); this is for logs.
    let newer = DecodeError::NewerVersion {
        found: 3,
        supported: 1,
    };
    assert_eq!(
        newer.to_string(),
        "version 3 is newer than this build reads (1)"
    );
}

#[test]
fn backup_keys() {
    let key = backup_key(BOOKMARKS_KEY, T);
    assert_eq!(key, "ueda-reform.backup.bookmarks.1732520000000");
    assert!(is_backup_key(&key));
    assert_eq!(parse_backup_key(&key), Some((BOOKMARKS_KEY.to_string(), T)));
    for original in [DRAFTS_KEY, SETTINGS_KEY] {
        let key = backup_key(original, 0);
        assert_eq!(parse_backup_key(&key), Some((original.to_string(), 0)));
    }
    for key in [
        BOOKMARKS_KEY,
        "ueda-reform.backup.",
        "ueda-reform.backup.bookmarks",
        "ueda-reform.backup.bookmarks.",
        "ueda-reform.backup..1",
        "ueda-reform.backup.bookmarks.12x",
        "ueda-reform.backup.bookmarks.+1",
        "ueda-reform.backup.bookmarks.99999999999999999999999",
        "other.backup.bookmarks.1",
        "",
    ] {
        assert!(!is_backup_key(key), "{key}");
    }
}

#[test]
fn bookmarks_toggle_and_merge() {
    let mut value = Bookmarks::default();
    assert!(value.is_empty());
    assert!(value.toggle(5));
    assert!(value.toggle(2));
    assert!(value.contains(5));
    assert_eq!(value.len(), 2);
    assert!(!value.toggle(5));
    assert!(!value.contains(5));
    assert_eq!(value.len(), 1);

    value.merge(&bookmarks(&[9, 2, 1]));
    assert_eq!(value.iter().collect::<Vec<_>>(), [1, 2, 9]);
    assert_eq!(value.to_link_value(), "1,2,9");
    value.merge(&Bookmarks::default());
    assert_eq!(value.len(), 3);
}

#[test]
fn settings_missing_fields_load_with_defaults() {
    let raw = r#"{"version":1,"saved_at":0,"data":{"kiosk":true}}"#;
    assert_eq!(
        decode::<Settings>(raw),
        Ok(Decoded::Current(Settings {
            kiosk: true,
            ..Settings::default()
        }))
    );
    let raw = r#"{"version":1,"saved_at":0,"data":{}}"#;
    assert_eq!(
        decode::<Settings>(raw),
        Ok(Decoded::Current(Settings::default()))
    );
    let defaults = Settings::default();
    assert_eq!(defaults.text_size, TextSize::Normal);
    assert_eq!(defaults.language, Language::Ja);
    assert!(!defaults.staff_mode && !defaults.kiosk);
}

#[test]
fn parse_item_list_keeps_valid_numbers() {
    let list = |s: &str| parse_item_list(s).into_iter().collect::<Vec<_>>();
    assert_eq!(list("1,5,9"), [1, 5, 9]);
    assert_eq!(list("9, 5 ,1,5"), [1, 5, 9]);
    assert_eq!(list("0,1,9999,10000,4294967296"), [1, 9999]);
    assert_eq!(list("x,,-3,+4,2.5,1e2, 7 ,００８"), [7]);
    assert_eq!(list(""), Vec::<u32>::new());
    assert_eq!(list("007"), [7]);
}

/// Arbitrary JSON, to reach the envelope and migration code that random text rarely does.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("items".to_string()),
                    Just("text_size".to_string()),
                    Just("kiosk".to_string()),
                    ".{0,6}"
                ],
                inner,
                0..5
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop_oneof![
            Just(TextSize::Normal),
            Just(TextSize::Large),
            Just(TextSize::ExtraLarge)
        ],
        any::<bool>(),
        any::<bool>(),
        prop_oneof![Just(Language::Ja), Just(Language::En)],
        proptest::option::of(any::<u32>()),
        any::<bool>(),
        proptest::option::of("\\PC{0,12}"),
        proptest::option::of(3u8..=7),
    )
        .prop_map(
            |(
                text_size,
                staff_mode,
                kiosk,
                language,
                kiosk_idle_seconds,
                kiosk_keep_bookmarks,
                staff_section,
                reporting_year,
            )| {
                Settings {
                    text_size,
                    staff_mode,
                    kiosk,
                    kiosk_idle_seconds,
                    kiosk_keep_bookmarks,
                    language,
                    staff_section,
                    reporting_year,
                }
            },
        )
}

proptest! {
    #[test]
    fn decode_never_panics_on_strings(raw in any::<String>()) {
        let _ = decode::<Bookmarks>(&raw);
        let _ = decode::<Settings>(&raw);
    }

    #[test]
    fn decode_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let raw = String::from_utf8_lossy(&bytes);
        let _ = decode::<Bookmarks>(&raw);
        let _ = decode::<Settings>(&raw);
    }

    #[test]
    fn decode_never_panics_on_json_shapes(
        version in prop_oneof![0u32..4, any::<u32>()],
        saved_at in any::<u64>(),
        data in json(),
    ) {
        let raw = serde_json::json!({"version": version, "saved_at": saved_at, "data": data}).to_string();
        let result = decode::<Bookmarks>(&raw);
        if version > 2 {
            prop_assert_eq!(result, Err(DecodeError::NewerVersion { found: version, supported: 2 }));
        } else if version == 0 {
            prop_assert_eq!(result, Err(DecodeError::UnknownVersion(0)));
        }
        let _ = decode::<Settings>(&raw);
        let _ = decode::<Bookmarks>(&data.to_string());
        let _ = decode::<Settings>(&data.to_string());
    }

    #[test]
    fn bookmarks_round_trip_any(items in prop::collection::btree_set(any::<u32>(), 0..64), saved_at in any::<u64>()) {
        let value = Bookmarks { items };
        prop_assert_eq!(decode::<Bookmarks>(&encode(&value, saved_at)), Ok(Decoded::Current(value)));
    }

    #[test]
    fn legacy_arrays_migrate_any(items in prop::collection::vec(any::<u32>(), 0..64)) {
        let raw = serde_json::to_string(&items).unwrap();
        prop_assert_eq!(
            decode::<Bookmarks>(&raw),
            Ok(Decoded::Migrated { value: items.iter().copied().collect(), from: 1 })
        );
    }

    #[test]
    fn settings_round_trip_any(value in settings(), saved_at in any::<u64>()) {
        prop_assert_eq!(decode::<Settings>(&encode(&value, saved_at)), Ok(Decoded::Current(value)));
    }

    #[test]
    fn link_value_round_trips(items in prop::collection::btree_set(1u32..=9999, 0..64)) {
        let value = Bookmarks { items };
        prop_assert_eq!(parse_item_list(&value.to_link_value()), value.items);
    }
}

#[test]
fn settings_of_an_older_build_without_kiosk_fields_load_with_defaults() {
    let raw = r#"{"version":1,"saved_at":1,"data":{"kiosk":true}}"#;
    let settings = decode::<Settings>(raw).unwrap().into_value();
    assert!(settings.kiosk);
    assert!(!settings.kiosk_keep_bookmarks);
    assert_eq!(
        settings.kiosk_idle_seconds(),
        Settings::DEFAULT_KIOSK_IDLE_SECONDS
    );
}

#[test]
fn staff_tools_show_in_staff_mode_but_never_on_a_kiosk() {
    let settings = |staff_mode, kiosk| Settings {
        staff_mode,
        kiosk,
        ..Settings::default()
    };
    assert!(settings(true, false).staff_tools_shown());
    assert!(!settings(true, true).staff_tools_shown());
    assert!(!settings(false, false).staff_tools_shown());
}
