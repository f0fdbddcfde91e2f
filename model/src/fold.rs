//! Folding: the form in which text and queries are compared (NFKC, lowercase,
//! hiragana to katakana, whitespace collapsed). Search and reading both
//! build on it.
//!
//! NFKC needs Unicode tables that would bloat the wasm, while the browser
//! already has them (`String.prototype.normalize`), so the caller supplies
//! it as an [`Nfkc`] function.

/// NFKC normalisation, supplied by the caller: the app passes the browser's
/// `String.prototype.normalize("NFKC")`, tests pass unicode-normalization's.
pub type Nfkc = fn(&str) -> String;

/// Whether `c` on its own is unchanged by NFKC and cannot combine with a
/// neighbour that is also such a character.
///
/// Lets [`fold`] and [`highlight`] skip the caller's NFKC (a call into
/// JavaScript in the app) for the bulk of the text: ASCII, kana and the
/// common kanji. Combination only happens with combining marks and Hangul
/// jamo, none of which are in these ranges.
pub(crate) fn nfkc_stable(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{7F}'
        | '\u{3041}'..='\u{3096}'   // hiragana
        | '\u{309D}'..='\u{309E}'   // ゝゞ
        | '\u{3001}'..='\u{3002}'   // 、。
        | '\u{3008}'..='\u{3011}'   // 〈〉《》「」『』【】
        | '\u{30A1}'..='\u{30FE}'   // katakana, ・ーヽヾ
        | '\u{4E00}'..='\u{9FFF}') // CJK unified ideographs
}

/// NFKC through `nfkc`, skipping the call when the text cannot change.
fn normalize(text: &str, nfkc: Nfkc) -> String {
    if text.chars().all(nfkc_stable) {
        text.to_owned()
    } else {
        nfkc(text)
    }
}

/// Hiragana to katakana (a character that is not hiragana is returned as is).
fn katakana(c: char) -> char {
    match c {
        // ぁ..ゖ and ゝゞ sit exactly 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// Appends the lowercase katakana-folded form of the already NFKC-normalised
/// `normalized` to `out`, each whitespace character becoming one space.
pub(crate) fn push_folded_chars(normalized: &str, out: &mut String) {
    for c in normalized.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase().map(katakana));
        }
    }
}

/// Folds text for comparison: NFKC, lowercase, hiragana to katakana, every
/// run of whitespace (including U+3000) to one ASCII space, trimmed.
///
/// # Examples
///
/// ```
/// # fn nfkc(s: &str) -> String { s.replace('Ｉ', "I").replace('Ｃ', "C").replace('Ｔ', "T").replace('\u{3000}', " ") }
/// use model::fold::fold;
/// assert_eq!(fold("ＩＣＴの　かつよう ", nfkc), "ictノ カツヨウ");
/// ```
pub fn fold(text: &str, nfkc: Nfkc) -> String {
    let mut chars = String::with_capacity(text.len());
    push_folded_chars(&normalize(text, nfkc), &mut chars);
    // Collapse and trim spaces in a second pass: NFKC and lowercasing may
    // themselves produce whitespace (e.g. U+3000 becomes U+0020).
    let mut out = String::with_capacity(chars.len());
    for word in chars.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
