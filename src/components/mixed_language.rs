//! English text that quotes Japanese (the corrections' reasons, say), with
//! each Japanese run marked `lang="ja"` so screen readers switch voice and
//! the language of every word is declared.

use leptos::prelude::*;

/// Whether `c` is Japanese: kana, kanji, CJK punctuation or full-width forms.
fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Splits `text` into runs, each marked whether it is Japanese. Characters
/// of neither language (spaces, digits, ASCII punctuation) stay with the run
/// before them.
fn runs(text: &str) -> Vec<(bool, &str)> {
    let mut runs: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (at, c) in text.char_indices() {
        let kind = if is_japanese(c) {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (current, kind) {
            (Some(run), Some(this)) if run != this => {
                runs.push((run, &text[start..at]));
                start = at;
                current = Some(this);
            }
            (None, Some(this)) => current = Some(this),
            _ => {}
        }
    }
    if start < text.len() {
        runs.push((current.unwrap_or(false), &text[start..]));
    }
    runs
}

/// `text` with its Japanese runs in `<span lang="ja">`.
#[component]
pub fn MixedLanguage(text: String) -> impl IntoView {
    runs(&text)
        .into_iter()
        .map(|(japanese, run)| {
            let run = run.to_owned();
            if japanese {
                view! { <span lang="ja">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn japanese_runs_are_split_out() {
        assert_eq!(
            runs("OCR slip: 府内 for 庁内 (the city office)"),
            [
                (false, "OCR slip: "),
                (true, "府内 "),
                (false, "for "),
                (true, "庁内 ("),
                (false, "the city office)"),
            ]
        );
        assert_eq!(runs("全部日本語"), [(true, "全部日本語")]);
        assert_eq!(runs("12 3"), [(false, "12 3")]);
        assert!(runs("").is_empty());
    }
}
