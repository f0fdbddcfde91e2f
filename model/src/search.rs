//! Japanese-aware text search: folding, query terms, an index of the items'
//! text, and highlighting of matches in the original text.
//!
//! Text and queries are compared after *folding* ([`fold`]): NFKC (full-width
//! letters and digits become ASCII, half-width katakana becomes full-width),
//! lowercase, hiragana to katakana, and whitespace collapsed. So 「ＩＣＴ」
//! finds 「ICT」, 「ﾏｲﾅﾝﾊﾞｰ」 and 「まいなんばー」 find 「マイナンバー」.
//!
//! Folding itself is `crate::fold`; terms in kana also match by reading
//! (`crate::reading`).

use std::sync::{Arc, OnceLock};

use crate::drafts::FieldPath;
pub use crate::fold::{fold, Nfkc};
use crate::fold::{nfkc_stable, push_folded_chars};
use crate::reading::{reading_matches, wants_reading, Readings};
use crate::Item;

/// Separates fields in the index. Folded text never contains it (folding
/// turns every line break into a space), so no term can match across fields.
const FIELD_SEPARATOR: char = '\n';

/// The search terms of a query: folded, split on (half- or full-width)
/// spaces, without empty strings or duplicates, in order.
///
/// # Examples
///
/// ```
/// # fn nfkc(s: &str) -> String { s.replace('\u{3000}', " ") }
/// use model::search::terms;
/// assert_eq!(terms("まいなんばー　交付 まいなんばー", nfkc), ["マイナンバー", "交付"]);
/// assert!(terms(" \u{3000}", nfkc).is_empty());
/// ```
pub fn terms(query: &str, nfkc: Nfkc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in fold(query, nfkc).split(' ') {
        if !term.is_empty() && !out.iter().any(|t| t == term) {
            out.push(term.to_owned());
        }
    }
    out
}

/// The folded text of every item, ready for matching query terms, computed
/// once per dataset. (Facet values are `crate::filter`'s own index.)
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// All items' folded text, one after the other (one allocation, so a
    /// search walks memory in order).
    text: String,
    /// `text[ends[i - 1]..ends[i]]` is item `i`'s text (`0` for `i == 0`).
    ends: Vec<usize>,
    /// Position of each item when sorted by folded title, then by number.
    title_rank: Vec<u32>,
    /// The words' readings, for terms typed in kana ([`crate::reading`]).
    readings: Option<Arc<Readings>>,
    /// `text` read aloud (same `ends` layout, offsets of its own), built on
    /// the first term that asks for reading: most visits never search so.
    reading_text: OnceLock<(String, Vec<usize>)>,
}

impl SearchIndex {
    /// Builds the index of `items` (normally `dataset.items`).
    ///
    /// The searchable fields are: the number (as text, e.g. 「21」), title,
    /// TOC title, pillar and category names, bureaus, sections, TOC sections,
    /// overview, current status, measures, target state, general plan
    /// (reference and title), smart city measures, and every year's plan and
    /// result. Each field and each paragraph is separate, so a word split
    /// across two of them does not match.
    ///
    /// # Examples
    ///
    /// ```
    /// # fn nfkc(s: &str) -> String { s.to_owned() }
    /// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// use model::search::{terms, SearchIndex};
    /// let index = SearchIndex::new(&dataset.items, nfkc);
    /// assert_eq!(index.len(), 61);
    /// assert!(index.matches(20, &terms("ふるさと", nfkc))); // item 21
    /// ```
    pub fn new(items: &[Item], nfkc: Nfkc) -> SearchIndex {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(items.len());
        for item in items {
            let mut add = |field: &str| {
                text.push_str(&fold(field, nfkc));
                text.push(FIELD_SEPARATOR);
            };
            add(&item.no.to_string());
            add(&item.title);
            if let Some(toc_title) = &item.toc_title {
                add(toc_title);
            }
            add(&item.pillar.name);
            add(&item.category.name);
            let lists = [
                &item.bureaus,
                &item.sections,
                &item.overview,
                &item.current_status,
                &item.measures,
                &item.target_state,
            ];
            for list in lists {
                list.iter().for_each(|s| add(s));
            }
            item.toc_sections.iter().flatten().for_each(|s| add(s));
            for plan in &item.general_plan {
                add(&plan.reference);
                add(&plan.title);
            }
            item.smart_city.iter().for_each(|s| add(&s.title));
            for year in &item.years {
                year.plan.iter().for_each(|s| add(s));
                year.result.iter().flatten().for_each(|s| add(s));
            }
            ends.push(text.len());
        }
        text.shrink_to_fit();

        let titles: Vec<String> = items.iter().map(|i| fold(&i.title, nfkc)).collect();
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_unstable_by(|&a, &b| (&titles[a], items[a].no).cmp(&(&titles[b], items[b].no)));
        let mut title_rank = vec![0; items.len()];
        for (rank, &i) in order.iter().enumerate() {
            title_rank[i] = rank as u32;
        }

        SearchIndex {
            text,
            ends,
            title_rank,
            readings: None,
            reading_text: OnceLock::new(),
        }
    }

    /// Lets terms in kana find the words they read (まどぐち finds 窓口).
    ///
    /// ```
    /// # fn nfkc(s: &str) -> String { s.to_owned() }
    /// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// use model::search::{terms, SearchIndex};
    /// let readings = model::reading::Readings::new([("窓口", "マドグチ")], nfkc);
    /// let index = SearchIndex::new(&dataset.items, nfkc);
    /// assert!(!index.matches(2, &terms("まどぐち", nfkc))); // item 3
    /// let index = index.with_readings(std::sync::Arc::new(readings));
    /// assert!(index.matches(2, &terms("まどぐち", nfkc)));
    /// ```
    pub fn with_readings(mut self, readings: Arc<Readings>) -> SearchIndex {
        self.readings = Some(readings);
        self.reading_text = OnceLock::new();
        self
    }

    /// The readings given by [`SearchIndex::with_readings`], if any.
    pub fn readings(&self) -> Option<&Readings> {
        self.readings.as_deref()
    }

    fn reading_text(&self, readings: &Readings) -> &(String, Vec<usize>) {
        self.reading_text.get_or_init(|| {
            let mut text = String::with_capacity(self.text.len() * 2);
            let mut ends = Vec::with_capacity(self.ends.len());
            let mut start = 0;
            for &end in &self.ends {
                text.push_str(&readings.read(&self.text[start..end]));
                ends.push(text.len());
                start = end;
            }
            (text, ends)
        })
    }

    /// Whether item `item_index` contains every term (AND); `true` when
    /// `terms` is empty, `false` when there is no such item.
    ///
    /// `terms` must be folded, as [`terms`] returns them.
    ///
    /// # Examples
    ///
    /// ```
    /// # fn nfkc(s: &str) -> String { s.to_owned() }
    /// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// use model::search::{terms, SearchIndex};
    /// let index = SearchIndex::new(&dataset.items, nfkc);
    /// assert!(index.matches(20, &terms("ふるさと 納税", nfkc)));
    /// assert!(!index.matches(20, &terms("ふるさと マイナンバー", nfkc)));
    /// assert!(index.matches(0, &[]));
    /// ```
    pub fn matches(&self, item_index: usize, terms: &[String]) -> bool {
        let Some(&end) = self.ends.get(item_index) else {
            return false;
        };
        let start = if item_index == 0 {
            0
        } else {
            self.ends[item_index - 1]
        };
        let text = &self.text[start..end];
        terms
            .iter()
            .all(|term| text.contains(term.as_str()) || self.reads(item_index, term))
    }

    /// Whether item `item_index`'s reading contains the reading of `term`.
    fn reads(&self, item_index: usize, term: &str) -> bool {
        let Some(readings) = self.readings.as_deref() else {
            return false;
        };
        if !wants_reading(term) {
            return false;
        }
        let (text, ends) = self.reading_text(readings);
        let start = if item_index == 0 {
            0
        } else {
            ends[item_index - 1]
        };
        text[start..ends[item_index]].contains(&readings.read(term))
    }

    /// Number of items indexed.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no item is indexed.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Position of item `item_index` when items are sorted by folded title
    /// (so kana sort in reading order), then by number.
    pub(crate) fn title_rank(&self, item_index: usize) -> u32 {
        self.title_rank.get(item_index).copied().unwrap_or(u32::MAX)
    }
}

/// A piece of text, marked when it matches a search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The original text of this piece.
    pub text: String,
    /// Whether it is (part of) a match.
    pub hit: bool,
}

/// Whether `c` belongs to the character before it for NFKC: voiced sound
/// marks (full- and half-width), combining diacritics, variation selectors.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}'..='\u{309A}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FF9E}'..='\u{FF9F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// One unit of the original text (a character with its marks) and where its
/// folded form sits in the folded text.
struct Unit {
    original: std::ops::Range<usize>,
    folded_start: usize,
    folded_end: usize,
}

/// Splits `text` into segments, marking the parts that match any of `terms`
/// after folding; concatenating the segments' text gives back `text`.
///
/// Overlapping and adjacent matches merge into one segment. A match covers
/// every original character it overlaps, so 「ﾊﾞ」 is marked whole when a term
/// ends in 「ハ」. Without terms the result is one plain segment (none for
/// empty text). Terms are folded again here, so raw words work too.
///
/// # Examples
///
/// ```
/// # fn nfkc(s: &str) -> String { s.to_owned() }
/// use model::search::{highlight, Segment};
/// let segments = highlight("ふるさと納税の推進", &["納税".to_owned()], nfkc, None);
/// assert_eq!(segments, [
///     Segment { text: "ふるさと".to_owned(), hit: false },
///     Segment { text: "納税".to_owned(), hit: true },
///     Segment { text: "の推進".to_owned(), hit: false },
/// ]);
/// ```
pub fn highlight(
    text: &str,
    terms: &[String],
    nfkc: Nfkc,
    readings: Option<&Readings>,
) -> Vec<Segment> {
    if text.is_empty() {
        return Vec::new();
    }
    let terms: Vec<String> = terms
        .iter()
        .map(|t| fold(t, nfkc))
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return vec![Segment {
            text: text.to_owned(),
            hit: false,
        }];
    }

    // Fold unit by unit, remembering where each unit's folded form lies, so
    // that a match in the folded text maps back to original characters even
    // when NFKC changes lengths (ｶﾞ → ガ, ㈱ → (株)).
    let mut folded = String::with_capacity(text.len());
    let mut units: Vec<Unit> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        while let Some(&(i, m)) = chars.peek() {
            if !is_mark(m) {
                break;
            }
            end = i + m.len_utf8();
            chars.next();
        }
        let folded_start = folded.len();
        let unit = &text[start..end];
        if end - start == c.len_utf8() && nfkc_stable(c) {
            // The common case, without allocating.
            push_folded_chars(unit, &mut folded);
        } else {
            push_folded_chars(&nfkc(unit), &mut folded);
        }
        units.push(Unit {
            original: start..end,
            folded_start,
            folded_end: folded.len(),
        });
    }

    let mut hit = vec![false; units.len()];
    let mut mark = |s: usize, e: usize| {
        // Units are in folded order: find the first that ends after `s`.
        let first = units.partition_point(|u| u.folded_end <= s);
        for (k, unit) in units.iter().enumerate().skip(first) {
            if unit.folded_start >= e {
                break;
            }
            hit[k] = true;
        }
    };
    // Terms in kana also mark the words whose reading they match, whole.
    if let Some(readings) = readings {
        let reading_terms: Vec<String> = terms
            .iter()
            .filter(|t| wants_reading(t))
            .map(|t| readings.read(t))
            .collect();
        if !reading_terms.is_empty() {
            let (reading_text, steps) = readings.read_steps(&folded);
            for reading in &reading_terms {
                for range in reading_matches(&steps, &reading_text, reading) {
                    mark(range.start, range.end);
                }
            }
        }
    }
    for term in &terms {
        let mut from = 0;
        while let Some(found) = folded[from..].find(term.as_str()) {
            let (s, e) = (from + found, from + found + term.len());
            mark(s, e);
            // Step one character, so overlapping matches are found too.
            from = s + folded[s..].chars().next().map_or(1, char::len_utf8);
        }
    }

    let mut segments: Vec<Segment> = Vec::new();
    let mut run_start = 0;
    for k in 1..=units.len() {
        if k == units.len() || hit[k] != hit[run_start] {
            let original = units[run_start].original.start..units[k - 1].original.end;
            segments.push(Segment {
                text: text[original].to_owned(),
                hit: hit[run_start],
            });
            run_start = k;
        }
    }
    segments
}

/// A passage that shows why an item matched, when the match is not in its
/// title or sections (which the list shows anyway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Which field the passage comes from (the app names it).
    pub field: FieldPath,
    /// The passage, shortened around the first hit with 「…」 where cut.
    pub text: String,
}

/// The first passage outside the title and sections that contains a term,
/// cut to about `radius` characters on each side of the first hit.
///
/// # Examples
/// ```
/// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// # fn nfkc(s: &str) -> String { s.to_string() }
/// let item = dataset.item(2).unwrap();
/// let terms = model::search::terms("戸籍証明書", nfkc);
/// let snippet = model::search::snippet(item, &terms, nfkc, None, 20).unwrap();
/// assert_eq!(snippet.field, model::drafts::FieldPath::Result(3));
/// assert!(snippet.text.contains("戸籍証明書"));
/// ```
pub fn snippet(
    item: &Item,
    terms: &[String],
    nfkc: Nfkc,
    readings: Option<&Readings>,
    radius: usize,
) -> Option<Snippet> {
    if terms.is_empty() {
        return None;
    }
    let mut fields: Vec<(FieldPath, &Vec<String>)> = vec![
        (FieldPath::Overview, &item.overview),
        (FieldPath::CurrentStatus, &item.current_status),
        (FieldPath::Measures, &item.measures),
        (FieldPath::TargetState, &item.target_state),
    ];
    for year in &item.years {
        fields.push((FieldPath::Plan(year.year), &year.plan));
        if let Some(result) = &year.result {
            fields.push((FieldPath::Result(year.year), result));
        }
    }
    fields.push((FieldPath::Bureaus, &item.bureaus));
    for (field, entries) in fields {
        for entry in entries {
            let segments = highlight(entry, terms, nfkc, readings);
            let Some(hit) = segments.iter().position(|s| s.hit) else {
                continue;
            };
            let before: usize = segments[..hit].iter().map(|s| s.text.chars().count()).sum();
            let total = entry.chars().count();
            let start = before.saturating_sub(radius);
            let end = (before + segments[hit].text.chars().count() + radius).min(total);
            let mut text: String = entry.chars().skip(start).take(end - start).collect();
            if start > 0 {
                text.insert(0, '…');
            }
            if end < total {
                text.push('…');
            }
            return Some(Snippet { field, text });
        }
    }
    None
}
