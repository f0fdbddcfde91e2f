//! The operations guide for the city's staff (`docs/運用手順.md`) quotes
//! the screens' own words: every label it writes as **「…」** (bold, in
//! corner brackets) must be a Japanese interface string, so a renamed
//! button cannot leave the guide pointing at a label nobody sees.

use std::path::Path;

use anyhow::{Context, Result};
use regex::Regex;

/// The guide, from the project's root.
pub const GUIDE: &str = "docs/運用手順.md";

/// The Japanese language tables, from the project's root.
const TABLES: [&str; 3] = [
    "src/i18n/ja.rs",
    "src/i18n/staff/ja.rs",
    "src/i18n/staff/errors/ja.rs",
];

/// The screen labels a guide quotes: each **「…」**.
pub fn quoted_labels(guide: &str) -> Vec<String> {
    let label = Regex::new(r"\*\*「([^」*]+)」\*\*").expect("the pattern is valid");
    label
        .captures_iter(guide)
        .map(|c| c[1].to_owned())
        .collect()
}

/// Every string of the Japanese tables as it can appear on screen: each
/// string literal (its `{…}` placeholders match any text), and each
/// 「…」-quoted part of one (the tables quote other labels that way).
/// Templates that are mostly placeholders (`{year}の{kind}`, `{n}件`) would
/// match almost any label and are left out.
pub fn screen_texts(root: &Path) -> Result<Vec<Regex>> {
    let literal = Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("the pattern is valid");
    let quoted = Regex::new(r"「([^」]+)」").expect("the pattern is valid");
    let mut texts = Vec::new();
    for table in TABLES {
        let source = std::fs::read_to_string(root.join(table))
            .with_context(|| format!("reading {table}"))?;
        for found in literal.captures_iter(&source) {
            let text = found[1].replace("\\\"", "\"").replace("\\n", "\n");
            texts.extend(quoted.captures_iter(&text).filter_map(|p| template(&p[1])));
            texts.extend(template(&text));
        }
    }
    Ok(texts)
}

/// A table string as a pattern: the text itself, `{…}` matching any text;
/// none for a template with fewer than four characters of its own.
fn template(text: &str) -> Option<Regex> {
    let placeholder = Regex::new(r"\{[^{}]*\}").expect("the pattern is valid");
    let fixed = placeholder.replace_all(text, "").chars().count();
    if placeholder.is_match(text) && fixed < 4 {
        return None;
    }
    let mut pattern = String::from("^");
    let mut last = 0;
    for hole in placeholder.find_iter(text) {
        pattern.push_str(&regex::escape(&text[last..hole.start()]));
        pattern.push_str(".+?");
        last = hole.end();
    }
    pattern.push_str(&regex::escape(&text[last..]));
    pattern.push('$');
    Some(Regex::new(&pattern).expect("an escaped text is a valid pattern"))
}

/// The guide's labels that no screen shows.
pub fn unknown_labels(guide: &str, texts: &[Regex]) -> Vec<String> {
    quoted_labels(guide)
        .into_iter()
        .filter(|label| !texts.iter().any(|text| text.is_match(label)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_the_guide_quotes_is_on_a_screen() {
        let root = crate::project_root();
        let guide = std::fs::read_to_string(root.join(GUIDE)).unwrap();
        let labels = quoted_labels(&guide);
        // The guide walks through both staff screens: it quotes many labels.
        assert!(
            labels.len() >= 40,
            "only {} labels: {labels:?}",
            labels.len()
        );
        for screen in ["課所の報告", "報告の取りまとめ", "職員モード"] {
            assert!(labels.iter().any(|l| l == screen), "{screen}");
        }
        let texts = screen_texts(&root).unwrap();
        assert_eq!(
            unknown_labels(&guide, &texts),
            Vec::<String>::new(),
            "labels in {GUIDE} that no screen shows (see the Japanese tables in src/i18n/)"
        );
    }

    #[test]
    fn a_label_matches_only_a_whole_string_or_a_filled_in_template() {
        let texts = screen_texts(&crate::project_root()).unwrap();
        let unknown = |label: &str| unknown_labels(&format!("**「{label}」**"), &texts);
        // A whole string, a template with its values filled in, and a part
        // the tables quote.
        for known in [
            "課所の報告",
            "20項目中8項目入力済み",
            "49課所中45課所が提出済み、4課所が未提出です。",
            "報告内容",
        ] {
            assert!(unknown(known).is_empty(), "{known}");
        }
        // A label renamed, shortened or made up is caught.
        for made_up in [
            "課所の報告書",
            "取りまとめ",
            "項目中入力済み",
            "次の版を公開",
        ] {
            assert_eq!(unknown(made_up), [made_up], "{made_up}");
        }
        // Only bold corner-bracket quotes are labels.
        assert!(quoted_labels("「資料の名前」と **「職員モード」**") == ["職員モード"]);
    }
}
