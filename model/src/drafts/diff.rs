//! Review: what a draft changes in the published value, by character and by
//! list entry. The alignments are the `dissimilar` crate's.

use std::collections::{HashMap, HashSet};

use dissimilar::Chunk;

use super::MAX_DIFF_CELLS;
use crate::drafts::value::FieldValue;

/// What a part of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// In both.
    Same,
    /// Only in the draft.
    Added,
    /// Only in the published value.
    Removed,
}

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    /// What the run is.
    pub kind: DiffKind,
    /// The run's text (never empty).
    pub text: String,
}

/// `dissimilar`'s diff of `a` and `b` as runs of text (none empty), bounded:
/// when what remains of the two once their common prefix and suffix are
/// removed has more than [`MAX_DIFF_CELLS`] cells, that middle is removed
/// then added whole.
fn runs<'a>(a: &'a str, b: &'a str) -> Vec<(DiffKind, &'a str)> {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum();
    let suffix: usize = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let cells = (mid_a.chars().count() + 1).saturating_mul(mid_b.chars().count() + 1);
    let runs = if cells > MAX_DIFF_CELLS {
        vec![
            (DiffKind::Same, &a[..prefix]),
            (DiffKind::Removed, mid_a),
            (DiffKind::Added, mid_b),
            (DiffKind::Same, &a[a.len() - suffix..]),
        ]
    } else {
        dissimilar::diff(a, b)
            .into_iter()
            .map(|chunk| match chunk {
                Chunk::Equal(text) => (DiffKind::Same, text),
                Chunk::Delete(text) => (DiffKind::Removed, text),
                Chunk::Insert(text) => (DiffKind::Added, text),
            })
            .collect()
    };
    runs.into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// A character-level diff of `published` and `draft` (characters are the
/// right unit for Japanese, which has no spaces between words).
///
/// The diff is `dissimilar`'s: a minimal diff (Myers), then a semantic
/// cleanup that folds a short run in common between two edits into them, so
/// that a rewritten phrase reads as one change rather than scattered
/// characters. Adjacent runs of one kind are merged; where text was replaced
/// the removed run comes before the added one. The work is bounded: a common
/// prefix and suffix are trimmed first, and if what remains of the two texts
/// has more than about [`MAX_DIFF_CELLS`] character pairs (1000 × 1000) it is
/// shown as replaced whole.
///
/// # Examples
/// ```
/// use model::drafts::{diff_text, DiffKind::*, DiffPart};
/// let part = |kind, text: &str| DiffPart { kind, text: text.into() };
/// assert_eq!(
///     diff_text("収納率99%以上", "収納率99.5%以上"),
///     [part(Same, "収納率99"), part(Added, ".5"), part(Same, "%以上")]
/// );
/// ```
pub fn diff_text(published: &str, draft: &str) -> Vec<DiffPart> {
    let mut parts: Vec<DiffPart> = Vec::new();
    for (kind, text) in runs(published, draft) {
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => parts.push(DiffPart {
                kind,
                text: text.to_string(),
            }),
        }
    }
    parts
}

/// One entry of a list diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryDiff {
    /// The entry is in both.
    Same(String),
    /// The entry is new in the draft.
    Added(String),
    /// The entry is gone from the draft.
    Removed(String),
    /// The entry was edited: its character diff.
    Changed(Vec<DiffPart>),
}

/// The `n`-th private-use character (from 0): U+E000 to U+F8FF, then the
/// supplementary private-use planes 15 and 16; `None` past their 137,468.
fn private_use(n: usize) -> Option<char> {
    const AREAS: [(u32, u32); 3] = [
        (0xE000, 0xF8FF),
        (0xF_0000, 0xF_FFFD),
        (0x10_0000, 0x10_FFFD),
    ];
    let mut n = u32::try_from(n).ok()?;
    for (first, last) in AREAS {
        if n <= last - first {
            return char::from_u32(first + n);
        }
        n -= last - first + 1;
    }
    None
}

/// Aligns two lists by equality of entries: every entry of both, in order,
/// with its kind (a kept entry is given once).
///
/// Only an entry that both lists hold can be kept, so those entries alone
/// are diffed, each distinct one as a private-use character, with
/// [`runs`]: with no entry of one list only among them, `dissimilar`'s
/// semantic cleanup finds no edit to fold a kept entry into. The other
/// entries fall between the kept ones, removed before added. With more
/// distinct shared entries than private-use characters, none is kept.
fn align_entries<'a>(a: &'a [String], b: &'a [String]) -> Vec<(DiffKind, &'a String)> {
    let in_a: HashSet<&str> = a.iter().map(String::as_str).collect();
    let in_b: HashSet<&str> = b.iter().map(String::as_str).collect();
    let shared_a: Vec<usize> = (0..a.len())
        .filter(|&i| in_b.contains(a[i].as_str()))
        .collect();
    let shared_b: Vec<usize> = (0..b.len())
        .filter(|&j| in_a.contains(b[j].as_str()))
        .collect();
    let mut codes: HashMap<&str, char> = HashMap::new();
    let mut encode = |list: &'a [String], at: &[usize]| -> Option<String> {
        at.iter()
            .map(|&k| match codes.get(list[k].as_str()) {
                Some(&code) => Some(code),
                None => {
                    let code = private_use(codes.len())?;
                    codes.insert(&list[k], code);
                    Some(code)
                }
            })
            .collect()
    };
    let (code_a, code_b) = match (encode(a, &shared_a), encode(b, &shared_b)) {
        (Some(code_a), Some(code_b)) => (code_a, code_b),
        _ => Default::default(),
    };

    // (index in a, index in b) of each kept entry.
    let mut kept = Vec::new();
    let (mut next_a, mut next_b) = (0, 0);
    for (kind, text) in runs(&code_a, &code_b) {
        let n = text.chars().count();
        if kind == DiffKind::Same {
            kept.extend(
                shared_a[next_a..next_a + n]
                    .iter()
                    .copied()
                    .zip(shared_b[next_b..next_b + n].iter().copied()),
            );
        }
        if kind != DiffKind::Added {
            next_a += n;
        }
        if kind != DiffKind::Removed {
            next_b += n;
        }
    }

    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    for (x, y) in kept.into_iter().chain([(a.len(), b.len())]) {
        out.extend(a[i..x].iter().map(|entry| (DiffKind::Removed, entry)));
        out.extend(b[j..y].iter().map(|entry| (DiffKind::Added, entry)));
        if let Some(entry) = a.get(x) {
            out.push((DiffKind::Same, entry));
        }
        (i, j) = (x + 1, y + 1);
    }
    out
}

/// A per-entry diff of two lists (e.g. a year's results).
///
/// Entries are aligned by equality (the entries both lists hold, aligned by
/// `dissimilar` and bounded like [`diff_text`]; the others fall between
/// them). In each stretch of removed and added entries, the n-th removed
/// entry is paired with the n-th added one and shown as
/// [`EntryDiff::Changed`] when the two share at least half their characters
/// (as [`EntryDiff::Same`] when they are equal); otherwise, and for the
/// surplus, as removed and added.
///
/// # Examples
/// ```
/// use model::drafts::{diff_entries, EntryDiff};
/// let old = ["水道料金 99.53%".to_string(), "下水道使用料 99.50%".to_string()];
/// let new = ["水道料金 99.53%".to_string(), "下水道使用料 99.51%".to_string(), "備考".to_string()];
/// let diff = diff_entries(&old, &new);
/// assert!(matches!(diff[0], EntryDiff::Same(_)));
/// assert!(matches!(diff[1], EntryDiff::Changed(_)));
/// assert_eq!(diff[2], EntryDiff::Added("備考".into()));
/// ```
pub fn diff_entries(published: &[String], draft: &[String]) -> Vec<EntryDiff> {
    let mut out = Vec::new();
    let (mut removed, mut added): (Vec<&String>, Vec<&String>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<EntryDiff>, removed: &mut Vec<&String>, added: &mut Vec<&String>| {
        let pairs = removed.len().max(added.len());
        for k in 0..pairs {
            match (removed.get(k), added.get(k)) {
                (Some(old), Some(new)) if old == new => out.push(EntryDiff::Same((*old).clone())),
                (Some(old), Some(new)) => {
                    let parts = diff_text(old, new);
                    let same: usize = parts
                        .iter()
                        .filter(|p| p.kind == DiffKind::Same)
                        .map(|p| p.text.chars().count())
                        .sum();
                    let total = old.chars().count() + new.chars().count();
                    if same * 4 >= total {
                        out.push(EntryDiff::Changed(parts));
                    } else {
                        out.push(EntryDiff::Removed((*old).clone()));
                        out.push(EntryDiff::Added((*new).clone()));
                    }
                }
                (Some(old), None) => out.push(EntryDiff::Removed((*old).clone())),
                (None, Some(new)) => out.push(EntryDiff::Added((*new).clone())),
                (None, None) => {}
            }
        }
        removed.clear();
        added.clear();
    };
    for (kind, entry) in align_entries(published, draft) {
        match kind {
            DiffKind::Same => {
                flush(&mut out, &mut removed, &mut added);
                out.push(EntryDiff::Same(entry.clone()));
            }
            DiffKind::Removed => removed.push(entry),
            DiffKind::Added => added.push(entry),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// A diff of two values of one field, for review: a title as one changed
/// entry, lists per entry, goals per number, no result as no entries.
pub fn diff_values(published: &FieldValue, draft: &FieldValue) -> Vec<EntryDiff> {
    match (published, draft) {
        (FieldValue::Text(old), FieldValue::Text(new)) if old == new => {
            vec![EntryDiff::Same(old.clone())]
        }
        (FieldValue::Text(old), FieldValue::Text(new)) => {
            vec![EntryDiff::Changed(diff_text(old, new))]
        }
        (FieldValue::Goals(_), FieldValue::Goals(_)) => {
            // Numbers are replaced, not edited: no character diff inside.
            let (old, new) = (published.entries(), draft.entries());
            align_entries(&old, &new)
                .into_iter()
                .map(|(kind, entry)| match kind {
                    DiffKind::Same => EntryDiff::Same(entry.clone()),
                    DiffKind::Removed => EntryDiff::Removed(entry.clone()),
                    DiffKind::Added => EntryDiff::Added(entry.clone()),
                })
                .collect()
        }
        _ => diff_entries(&published.entries(), &draft.entries()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn private_use_characters_run_through_the_three_areas() {
        assert_eq!(private_use(0), Some('\u{E000}'));
        assert_eq!(private_use(6_399), Some('\u{F8FF}'));
        assert_eq!(private_use(6_400), Some('\u{F0000}'));
        assert_eq!(private_use(6_400 + 65_533), Some('\u{FFFFD}'));
        assert_eq!(private_use(6_400 + 65_534), Some('\u{100000}'));
        assert_eq!(private_use(137_467), Some('\u{10FFFD}'));
        assert_eq!(private_use(137_468), None);
    }

    #[test]
    fn entries_in_both_lists_stay_same_between_edits() {
        // dissimilar's semantic cleanup alone would fold the kept 「3」 into
        // the edits on both sides of it (removed 1, 3; added 2, 3, 4).
        let goals = diff_values(
            &FieldValue::Goals(vec![1, 3]),
            &FieldValue::Goals(vec![2, 3, 4]),
        );
        assert_eq!(
            goals,
            [
                EntryDiff::Removed("1".into()),
                EntryDiff::Added("2".into()),
                EntryDiff::Same("3".into()),
                EntryDiff::Added("4".into()),
            ]
        );
        let diff = diff_entries(
            &strings(&["窓口の混雑緩和", "件数 120件", "達成率 98%"]),
            &strings(&["電子申請の導入", "新規", "件数 120件", "達成率 99%"]),
        );
        assert_eq!(diff[0], EntryDiff::Removed("窓口の混雑緩和".into()));
        assert_eq!(diff[1], EntryDiff::Added("電子申請の導入".into()));
        assert_eq!(diff[2], EntryDiff::Added("新規".into()));
        assert_eq!(diff[3], EntryDiff::Same("件数 120件".into()));
        assert!(matches!(diff[4], EntryDiff::Changed(_)));
        assert_eq!(diff.len(), 5);
    }

    #[test]
    fn moved_entries_are_never_shown_as_changed_without_a_change() {
        // Entries moved both ways: the cleanup keeps none of them, and the
        // pairing meets 「s」 with itself.
        let diff = diff_entries(&strings(&["p", "s", "q"]), &strings(&["q", "s", "p"]));
        assert!(diff.contains(&EntryDiff::Same("s".into())), "{diff:?}");
        assert!(diff.iter().all(|entry| match entry {
            EntryDiff::Changed(parts) => parts.iter().any(|p| p.kind != DiffKind::Same),
            _ => true,
        }));
    }

    #[test]
    fn lists_too_long_to_align_are_replaced_whole() {
        // Shared entries beyond the cell bound: the middle is removed then added.
        let a: Vec<String> = (0..1_100).map(|n| n.to_string()).collect();
        let b: Vec<String> = a.iter().rev().cloned().collect();
        let diff = align_entries(&a, &b);
        assert_eq!(diff.len(), 2 * 1_100);
        assert!(diff[..1_100]
            .iter()
            .all(|(kind, _)| *kind == DiffKind::Removed));
        assert!(diff[1_100..]
            .iter()
            .all(|(kind, _)| *kind == DiffKind::Added));
    }
}
