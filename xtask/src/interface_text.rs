//! The rule that every word the interface shows comes from the language
//! tables (`src/i18n/`): a view or component that writes Japanese text of
//! its own would show it on the English pages too, and no translator would
//! find it. This check reads the views, components and staff screens and
//! fails on any string or character literal with Japanese in it, outside
//! comments and test modules.

use std::path::Path;

use anyhow::{bail, Result};

use crate::files::files_under;

/// The folders whose code renders; they take every word from the tables.
const RENDERING: [&str; 3] = ["src/views", "src/components", "src/staff"];

/// Fails with every Japanese literal in the rendering code.
pub fn check(root: &Path) -> Result<()> {
    let mut found = Vec::new();
    for folder in RENDERING {
        for file in files_under(&root.join(folder))? {
            if file.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&file)?;
            let relative = file.strip_prefix(root)?.display().to_string();
            for (line, literal) in japanese_literals(&source) {
                found.push(format!("{relative}:{line}: {literal}"));
            }
        }
    }
    if !found.is_empty() {
        bail!(
            "interface text outside the language tables (src/i18n/):\n{}",
            found.join("\n")
        );
    }
    Ok(())
}

/// The literals (with their line numbers) that hold Japanese, in the code
/// before the file's test module.
fn japanese_literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    literals(code)
        .into_iter()
        .filter(|(_, text)| text.chars().any(is_japanese))
        .collect()
}

/// Kana, kanji and the Japanese punctuation and brackets (、。・「」【】).
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{FF01}'..='\u{FF60}' // full-width forms
    )
}

/// The string and character literals of Rust source, with the line each
/// starts on; comments are skipped. Enough of Rust's lexical grammar for
/// this check: raw strings are read as plain ones, and a `'` not closed two
/// or three characters on (a lifetime, a label) starts no literal.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('\n', _) => line += 1,
            ('/', Some('/')) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            ('/', Some('*')) => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            ('"', _) => {
                let start = line;
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    line += usize::from(chars.get(i) == Some(&'\n'));
                    text.extend(chars.get(i));
                    i += 1;
                }
                found.push((start, text));
            }
            ('\'', Some(&c)) => {
                let close = if c == '\\' { 3 } else { 2 };
                if chars.get(i + close) == Some(&'\'') {
                    found.push((line, chars[i + 1..i + close].iter().collect()));
                    i += close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_japanese_in_strings_and_chars_only() {
        let source = "// 「コメント」\nlet a = \"ok\";\nlet b = \"件\";\n/* 日本 */ let c: &'static str = \"x\";\nlet d = '、';\n#[cfg(test)]\nmod tests { const E: &str = \"テスト\"; }\n";
        assert_eq!(
            japanese_literals(source),
            [(3, "件".to_owned()), (5, "、".to_owned())]
        );
    }

    #[test]
    fn escapes_do_not_end_a_string() {
        assert_eq!(
            japanese_literals("let a = \"\\\"上田\\\"\";"),
            [(1, "\"上田\"".to_owned())]
        );
    }
}
