//! 日本語.

use super::*;

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Text => "文字列",
        ValueKind::Lines => "文字列のリスト",
        ValueKind::Goals => "目標番号（1〜17）のリスト",
        ValueKind::OptionalLines => "文字列のリスト、または null",
    }
}

fn field_path_error(error: &FieldPathError) -> String {
    match error {
        FieldPathError::Unknown(s) => format!("「{s}」は編集できる項目の名前ではありません"),
        FieldPathError::YearOutOfRange(y) => {
            format!("年度 {y} は対象外です（令和{FIRST_YEAR}〜{LAST_YEAR}年度のみ）")
        }
        FieldPathError::NotInItem => "この取組項目にはその項目がありません".to_owned(),
    }
}

pub fn draft_error(error: &DraftError) -> String {
    match error {
        DraftError::WrongKind { expected } => {
            format!("値の形式が違います（必要な形式: {}）。", value_kind(*expected))
        }
        DraftError::EmptyTitle => "取組項目名を入力してください。".to_owned(),
        DraftError::TitleHasLineBreak => "取組項目名は改行を入れずに1行で入力してください。".to_owned(),
        DraftError::InvalidGoal(goal) => {
            format!("SDGsの目標「{goal}」はありません（1〜17の番号で指定してください）。")
        }
        DraftError::DuplicateGoal(goal) => format!("SDGsの目標 {goal} が重複しています。"),
        DraftError::BadPlanRef(line) => format!(
            "総合計画における位置付け「{line}」を読み取れません（「第1編 第3章 第1節 節の名称」の形で1行に1つ入力してください）。"
        ),
        DraftError::BadSmartCity(line) => format!(
            "スマートシティ化推進計画における位置付け「{line}」を読み取れません（「①施策名」の形で1行に1つ、位置付けがない場合は「—」だけを入力してください）。"
        ),
        DraftError::TooLong { chars } => {
            format!("内容が長すぎます（{chars}文字、上限 {MAX_VALUE_CHARS}文字）。")
        }
        DraftError::UnknownItem(item) => format!("項目番号 {item} の取組項目はありません。"),
        DraftError::FieldNotInItem { item, path } => format!(
            "項目番号 {item} の取組項目には「{}」（{path}）がありません。",
            path.label_ja()
        ),
    }
}

fn place(at: ShapeAt) -> String {
    match at {
        ShapeAt::Key(key) => key.to_owned(),
        ShapeAt::Change(index) => format!("{index}件目の変更"),
        ShapeAt::ChangeKey(index, key) => format!("{index}件目の変更の {key}"),
        ShapeAt::Cell(row, column) => format!("{row}行目の「{column}」列"),
    }
}

fn entry(at: Entry) -> String {
    match at {
        Entry::Change(index) => format!("{index}件目の変更"),
        Entry::Row(row) => format!("{row}行目"),
    }
}

fn expected(what: Expected) -> &'static str {
    match what {
        Expected::Text => "文字列",
        Expected::ChangeList => "変更の配列",
        Expected::Change => "オブジェクト",
        Expected::ItemNumber => "項目番号（整数）",
        Expected::FieldName => "項目名（文字列）",
        Expected::DraftValue => "下書きの値",
        Expected::EditedAt => "編集日時（unix ミリ秒の整数）",
        Expected::Year => "令和の年度（3〜7の整数）",
        Expected::Value(kind) => value_kind(kind),
    }
}

fn field(path: FieldPath) -> String {
    format!("{}（{path}）", path.label_ja())
}

pub fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::TooLarge(bytes) => format!(
            "ファイルが大きすぎて読み込めません（{bytes}バイト、上限 {MAX_IMPORT_BYTES}バイト）。"
        ),
        ImportError::NotJson(_) => {
            "ファイルを JSON として読み取れません。このアプリで書き出した .json・.xlsx・.csv ファイルを選んでください。"
                .to_owned()
        }
        ImportError::NotDraftsFile => format!(
            "このファイルは下書きの書き出しファイルではありません（\"format\" が \"{EXPORT_FORMAT}\" ではありません）。"
        ),
        ImportError::NewerFormat(version) => format!(
            "このファイルは新しいバージョンのアプリで書き出されたため読み込めません（形式のバージョン {version}、対応 {EXPORT_FORMAT_VERSION}）。アプリを更新してください。"
        ),
        ImportError::UnknownFormatVersion(version) => {
            format!("ファイルの形式のバージョン（format_version）が不明です（{version}）。")
        }
        ImportError::TooManyChanges(count) => {
            format!("変更が多すぎて読み込めません（{count}件、上限 {MAX_IMPORT_CHANGES}件）。")
        }
        ImportError::TooManyRows => format!(
            "表の行が多すぎて読み込めません（上限 {MAX_SHEET_ROWS}行）。"
        ),
        ImportError::TooManyColumns => format!(
            "表の列が多すぎて読み込めません（{MAX_SHEET_COLUMNS}列より右に入力があります）。"
        ),
        ImportError::CellTooLong { at } => format!(
            "{}に長すぎる値があるため読み込めません（1つのセルは{MAX_CELL_CHARS}文字まで）。",
            at.map_or_else(|| "ファイル".to_owned(), entry)
        ),
        ImportError::WorkbookTooLarge(bytes) => format!(
            "Excel のブックの中身が大きすぎて読み込めません（展開すると{bytes}バイト、上限 {MAX_WORKBOOK_INFLATED}バイト）。"
        ),
        ImportError::TooManyParts(parts) => format!(
            "Excel のブックを構成するファイルが多すぎて読み込めません（{parts}個、上限 {MAX_WORKBOOK_PARTS}個）。"
        ),
        ImportError::MixedReport { row, column } => format!(
            "{row}行目の「{column}」がほかの行と異なります。1つのファイルには、1つの課所の1つの年度の報告だけを入れてください。"
        ),
        ImportError::BadShape { at, expected: what } => format!(
            "ファイルの内容が想定と異なります（{} に{}が必要です）。",
            place(*at),
            expected(*what)
        ),
        ImportError::UnknownItem { index, item } => format!(
            "{}の項目番号 {item} の取組項目は、このアプリのデータにありません。",
            entry(*index)
        ),
        ImportError::UnknownField {
            index,
            item,
            field,
            reason,
        } => format!(
            "{}（項目番号 {item}）の項目「{field}」を読み込めません: {}。",
            entry(*index),
            field_path_error(reason)
        ),
        ImportError::InvalidValue {
            index,
            item,
            path,
            error,
        } => format!(
            "{}（項目番号 {item}、{}）の下書きが正しくありません: {}",
            entry(*index),
            field(*path),
            draft_error(error)
        ),
        ImportError::Duplicate { index, item, path } => format!(
            "{}（項目番号 {item}、{}）は、同じ項目の変更が重複しています。",
            entry(*index),
            field(*path)
        ),
        ImportError::OtherEdition { file, here } => format!(
            "このファイルは「{file}」の版をもとに書かれているため、「{here}」の版を表示しているこのアプリには読み込めません。同じ版で書き出したファイルを選んでください。"
        ),
        ImportError::OtherReportingYear { file, here } => format!(
            "このファイルは令和{file}年度の報告です。取りまとめているのは令和{here}年度の報告です。"
        ),
        ImportError::MissingColumns(columns) => format!(
            "表に必要な列がありません: {}。見出しの名前を変えたり列を削除したりせず、書き出したときの見出しのまま保存してください。",
            columns.iter().map(|c| format!("「{c}」")).collect::<String>()
        ),
        ImportError::NotWorkbook(_) => {
            "ファイルを Excel のブック（.xlsx）として読み取れません。このアプリで書き出した .xlsx ファイルを、Excel の形式のまま保存して選んでください。"
                .to_owned()
        }
        ImportError::Unreadable => "ファイルの中身を取得できませんでした。ファイルが移動・削除されていないか確かめて、もう一度選んでください。".to_owned(),
    }
}
