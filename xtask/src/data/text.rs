//! The generic text rules: HTML fragments to plain segments, whitespace and
//! bullet splitting. Everything here is applied to every cell alike; the
//! exceptions are recorded in `data/corrections.json`.
//!
//! A cell's text is represented as *segments joined by `\n`*: each segment
//! becomes one string of a list field (a paragraph or a bullet). Corrections
//! operate on that joined form, so a correction can also split (`" "` → `"\n"`)
//! or join (`"\n"` → `" "`) segments.

use anyhow::{bail, Context, Result};
use regex::Regex;
use std::sync::LazyLock;

/// Marks separating segments in the joined form.
pub const SEP: char = '\n';

/// Collapses every run of whitespace to one space, trims, and rejoins numbers
/// that the text conversion broke after their thousands separator
/// (`20, 083人` → `20,083人`).
pub fn clean_spaces(text: &str) -> String {
    static BROKEN_NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d), (\d{3})").expect("valid regex"));
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    BROKEN_NUMBER.replace_all(&collapsed, "$1,$2").into_owned()
}

/// Removes every HTML tag and cleans the spaces: the plain text of a cell,
/// for fields that are parsed further (plan references, smart city, SDGs).
pub fn plain(cell: &str) -> Result<String> {
    let mut out = String::new();
    for piece in tokenize(cell)? {
        match piece {
            Piece::Text(text) => {
                out.push(' ');
                out.push_str(text);
            }
            Piece::Tag(_) => out.push(' '),
        }
    }
    Ok(clean_spaces(&out))
}

enum Piece<'a> {
    Text(&'a str),
    Tag(Tag),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    EndP,
    Ul,
}

/// Splits a cell into text and the few tags the source uses. Any other tag is
/// an error, so that new markup cannot slip through unnoticed.
fn tokenize(cell: &str) -> Result<Vec<Piece<'_>>> {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid regex"));
    let mut pieces = Vec::new();
    let mut last = 0;
    for m in TAG.find_iter(cell) {
        pieces.push(Piece::Text(&cell[last..m.start()]));
        let tag = match m.as_str() {
            "<p>" => Tag::P,
            "</p>" => Tag::EndP,
            t if t.starts_with("<ul") => Tag::Ul,
            other => bail!("unexpected HTML tag {other} in cell {cell:?}"),
        };
        pieces.push(Piece::Tag(tag));
        last = m.end();
    }
    pieces.push(Piece::Text(&cell[last..]));
    Ok(pieces)
}

/// How a chunk of a cell is split into segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Running text (plain cell or `<p>`): the paragraph rule.
    Paragraph,
    /// A `<ul>` list: the bullet rule.
    List,
    /// A `<ul>` opened inside a `<ul>`: folded into the bullet before it.
    Nested,
}

/// Converts a cell into its segments (see the module documentation):
///
/// - `<p>` elements and the text around them are paragraphs, split by
///   [`split_paragraph`];
/// - the text after a `<ul …>` (the source never closes them, and has no `<li>`)
///   is a list, split by [`split_list`], up to the next `<p>`;
/// - a `<ul>` inside a list is a sub-list: its bullets are folded into the
///   bullet before it, in full-width brackets, separated by `／`;
/// - a leading bullet mark `・` is removed from every segment.
pub fn segments(cell: &str) -> Result<Vec<String>> {
    let mut chunks: Vec<(Kind, String)> = Vec::new();
    let mut current = Kind::Paragraph;
    for piece in tokenize(cell)? {
        match piece {
            Piece::Text(text) => match chunks.last_mut() {
                Some((kind, buf)) if *kind == current => {
                    buf.push(' ');
                    buf.push_str(text);
                }
                _ => chunks.push((current, text.to_string())),
            },
            Piece::Tag(Tag::P) | Piece::Tag(Tag::EndP) => {
                current = Kind::Paragraph;
                // A paragraph boundary: always start a new chunk.
                chunks.push((current, String::new()));
            }
            Piece::Tag(Tag::Ul) => {
                current = match current {
                    Kind::Paragraph => Kind::List,
                    Kind::List | Kind::Nested => Kind::Nested,
                };
                chunks.push((current, String::new()));
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (kind, text) in chunks {
        let text = clean_spaces(&text);
        if text.is_empty() {
            continue;
        }
        match kind {
            Kind::Paragraph => out.extend(split_paragraph(&text)),
            Kind::List => out.extend(split_list(&text)),
            Kind::Nested => {
                let children: Vec<String> = split_list(&text).into_iter().map(unbullet).collect();
                let parent = out.last_mut().with_context(|| {
                    format!("a nested list with no bullet before it in {cell:?}")
                })?;
                *parent = format!("{parent}（{}）", children.join("／"));
            }
        }
    }
    Ok(out
        .into_iter()
        .map(unbullet)
        .filter(|s| !s.is_empty())
        .collect())
}

/// Removes a leading bullet mark `・` (and the space after it).
fn unbullet(segment: String) -> String {
    match segment.strip_prefix('・') {
        Some(rest) => rest.trim().to_string(),
        None => segment,
    }
}

fn is_circled_number(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// The value of a circled number (① is 1), if `c` is one.
pub fn circled_number(c: char) -> Option<u32> {
    is_circled_number(c).then(|| c as u32 - 0x2460 + 1)
}

/// The paragraph rule. In running text a space is a line break of the printed
/// page; it starts a new segment when it follows a full stop `。` or comes
/// before a mark that opens an entry: `・`, `○`, `【` or a circled number.
/// Other spaces stay (they separate a label from its value, as in
/// `前年度比10%増 【企業版】`).
pub fn split_paragraph(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            if prev == '。' || matches!(next, '・' | '○' | '【') || is_circled_number(next) {
                out.push(std::mem::take(&mut current));
                continue;
            }
        }
        current.push(c);
    }
    out.push(current);
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// The bullet rule. The source's lists lost their `<li>` tags: bullets are run
/// together, separated by single spaces. When the list marks its bullets with
/// `・`, a bullet starts at each ` ・`; otherwise every space starts a bullet.
/// A bullet that itself contains a space is rejoined by a correction.
pub fn split_list(text: &str) -> Vec<String> {
    if text.starts_with('・') {
        text.split(" ・")
            .enumerate()
            .map(|(i, s)| {
                if i == 0 {
                    s.to_string()
                } else {
                    format!("・{s}")
                }
            })
            .collect()
    } else {
        text.split(' ').map(str::to_string).collect()
    }
}

/// Splits the joined form back into a list, rejecting empty segments.
pub fn split_joined(joined: &str) -> Vec<String> {
    joined
        .split(SEP)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_spaces() {
        let cell = r#"<ul style="list-style-type: none"> 一 二 三 "#;
        assert_eq!(segments(cell).unwrap(), ["一", "二", "三"]);
    }

    #[test]
    fn dotted_lists_split_on_dots_only() {
        let cell = r#"<ul style="list-style-type: none"> ・公開 10分野 ・促進 "#;
        assert_eq!(segments(cell).unwrap(), ["公開 10分野", "促進"]);
    }

    #[test]
    fn nested_lists_fold_into_their_parent() {
        let cell = r#"<ul style="list-style-type: none"> 検討 親 <ul style="list-style-type: none"> 子：5事務 "#;
        assert_eq!(segments(cell).unwrap(), ["検討", "親（子：5事務）"]);
    }

    #[test]
    fn paragraphs_split_after_full_stops_and_before_marks() {
        let text = "一文。 二文 ・三 【四】 五 ②六";
        assert_eq!(
            segments(text).unwrap(),
            ["一文。", "二文", "三", "【四】 五", "②六"]
        );
    }

    #[test]
    fn paragraphs_and_lists_mix() {
        let cell = r#"<p>【実績】</p> <ul style="list-style-type: none"> 甲 乙 <p>【課題】</p> <ul style="list-style-type: none"> 丙 "#;
        assert_eq!(
            segments(cell).unwrap(),
            ["【実績】", "甲", "乙", "【課題】", "丙"]
        );
    }

    #[test]
    fn broken_numbers_are_rejoined() {
        assert_eq!(clean_spaces(" R1：25, 599人  R2 "), "R1：25,599人 R2");
    }

    #[test]
    fn unknown_tags_are_rejected() {
        assert!(segments("<li>a</li>").is_err());
    }
}
