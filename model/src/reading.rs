//! Search by reading: a citizen who types hiragana and does not convert it
//! (まどぐち) finds the kanji (窓口).
//!
//! `data/readings.json` maps each word of the dataset that contains kanji to
//! its reading in katakana. `cargo xtask data` makes it with a morphological
//! analyser and its dictionary at build time; only the words the data uses
//! ship, never the dictionary. Here a text is *read* by replacing, from left
//! to right, the longest known word at each position by its reading, so
//! 「職員研修を実施」 reads 「ショクインケンシュウヲジッシ」. A query term
//! that contains kana matches when its own reading occurs in the text's, so
//! 「しょくいんけんしゅう」 and 「職員けんしゅう」 both find 職員研修.
//!
//! Everything works on folded text (`crate::fold`): the words are
//! folded when loaded, the readings are katakana already.

use std::ops::Range;

use crate::fold::{fold, Nfkc};

/// The readings of the dataset's words.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// Folded words with their readings, sorted by first character, then
    /// longest first (so the first that matches at a position is the
    /// longest). A sorted list rather than a hash map: a binary search is as
    /// quick for 1,300 words and adds less code to the wasm.
    words: Vec<(String, String)>,
    /// Each first character with the range of `words` that start with it:
    /// the lookup at every position of a text compares characters only.
    firsts: Vec<(char, std::ops::Range<usize>)>,
}

fn first_char(word: &str) -> char {
    word.chars().next().unwrap_or('\0')
}

/// The file's content (`data/readings.json`).
#[derive(serde::Deserialize)]
struct File {
    words: std::collections::BTreeMap<String, String>,
}

/// One step of reading a text: a known word or a single character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Where the step is in the folded text.
    pub folded: Range<usize>,
    /// Where its reading is in the reading text.
    pub reading: Range<usize>,
}

impl Readings {
    /// Loads `(word, reading)` pairs; words are folded with `nfkc`.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, nfkc: Nfkc) -> Readings {
        let mut words: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(word, reading)| (fold(word, nfkc), fold(reading, nfkc)))
            .filter(|(word, _)| !word.is_empty())
            .collect();
        words.sort_by(|a, b| {
            (first_char(&a.0), std::cmp::Reverse(a.0.len()), &a.0).cmp(&(
                first_char(&b.0),
                std::cmp::Reverse(b.0.len()),
                &b.0,
            ))
        });
        words.dedup_by(|a, b| a.0 == b.0);
        let mut firsts: Vec<(char, std::ops::Range<usize>)> = Vec::new();
        for (i, (word, _)) in words.iter().enumerate() {
            let c = first_char(word);
            match firsts.last_mut() {
                Some((last, range)) if *last == c => range.end = i + 1,
                _ => firsts.push((c, i..i + 1)),
            }
        }
        Readings { words, firsts }
    }

    /// The longest known word at the start of `rest` (whose first character is `c`).
    fn word_at(&self, c: char, rest: &str) -> Option<&(String, String)> {
        let found = self
            .firsts
            .binary_search_by(|(first, _)| first.cmp(&c))
            .ok()?;
        self.words[self.firsts[found].1.clone()]
            .iter()
            .find(|(w, _)| rest.starts_with(w.as_str()))
    }

    /// Parses `data/readings.json`.
    pub fn from_json(json: &str, nfkc: Nfkc) -> Result<Readings, serde_json::Error> {
        let file: File = serde_json::from_str(json)?;
        Ok(Readings::new(
            file.words.iter().map(|(w, r)| (w.as_str(), r.as_str())),
            nfkc,
        ))
    }

    /// Parses the compact form the app embeds: one `word<TAB>reading` per line.
    pub fn from_tsv(tsv: &str, nfkc: Nfkc) -> Readings {
        Readings::new(tsv.lines().filter_map(|line| line.split_once('\t')), nfkc)
    }

    /// Number of words known.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Walks `folded`, longest known word first, calling `emit` with each
    /// step's reading and the length of folded text it stands for.
    fn walk(&self, folded: &str, mut emit: impl FnMut(&str, usize)) {
        let mut at = 0;
        let mut buffer = [0u8; 4];
        while let Some(c) = folded[at..].chars().next() {
            let len = match self.word_at(c, &folded[at..]) {
                Some((word, reading)) => {
                    emit(reading, word.len());
                    word.len()
                }
                None => {
                    emit(c.encode_utf8(&mut buffer), c.len_utf8());
                    c.len_utf8()
                }
            };
            at += len;
        }
    }

    /// The reading of folded text, with the steps that map it back.
    pub fn read_steps(&self, folded: &str) -> (String, Vec<Step>) {
        let mut out = String::with_capacity(folded.len() * 2);
        let mut steps = Vec::new();
        let mut at = 0;
        self.walk(folded, |reading, len| {
            let start = out.len();
            out.push_str(reading);
            steps.push(Step {
                folded: at..at + len,
                reading: start..out.len(),
            });
            at += len;
        });
        (out, steps)
    }

    /// The reading of folded text.
    ///
    /// ```
    /// # fn nfkc(s: &str) -> String { s.to_owned() }
    /// let readings = model::reading::Readings::new([("職員", "ショクイン"), ("研修", "ケンシュウ")], nfkc);
    /// assert_eq!(readings.read("職員研修ヲ行ウ"), "ショクインケンシュウヲ行ウ");
    /// ```
    pub fn read(&self, folded: &str) -> String {
        let mut out = String::with_capacity(folded.len() * 2);
        self.walk(folded, |reading, _| out.push_str(reading));
        out
    }
}

/// Whether a folded term asks for reading: it contains kana (folding has
/// made all of it katakana). A term of kanji or Latin letters alone is
/// matched as written, so 「市」 does not find every 「シ」 sound.
pub fn wants_reading(term: &str) -> bool {
    term.chars()
        .any(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー'))
}

/// The folded ranges of `folded` whose reading contains `reading`: each
/// match covers whole steps, so a word matched in part is marked whole.
pub fn reading_matches(steps: &[Step], reading_text: &str, reading: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if reading.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(found) = reading_text[from..].find(reading) {
        let (s, e) = (from + found, from + found + reading.len());
        let first = steps.partition_point(|step| step.reading.end <= s);
        let last = steps.partition_point(|step| step.reading.start < e);
        if first < last {
            out.push(steps[first].folded.start..steps[last - 1].folded.end);
        }
        from = s + reading_text[s..].chars().next().map_or(1, char::len_utf8);
    }
    out
}
