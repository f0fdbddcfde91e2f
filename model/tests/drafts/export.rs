//! Export files: JSON shape, CSV for Excel, cell quoting, JST times.

use super::*;

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
