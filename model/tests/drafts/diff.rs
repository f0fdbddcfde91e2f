//! Review diffs: text by character, entries per bullet, the size fallback.

use super::*;

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
