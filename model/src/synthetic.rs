//! Synthetic datasets for benchmarks: any number of items made from the real ones.
//!
//! `cargo xtask bench` opens a benchmark build of the app with `?synthetic=N`
//! to see how start-up, search and filtering scale beyond the 61 real items.
//! For those figures to mean something, the generated items must look like
//! the real ones to the code that handles them. Each generated item has two
//! real donors chosen uniformly at random, a *template* and a *partner*:
//!
//! - numbers are 1..=N, all distinct, and `no_in_category` counts within each
//!   category as in the source;
//! - the template gives the pillar and category (so categories keep the real
//!   distribution), the plan references, the page, which years have a result,
//!   and how many paragraphs each text field has;
//! - bureaus with their sections, and the SDG goals, are each taken as a whole
//!   from one donor (mostly the template), so they keep their real frequencies
//!   and combinations;
//! - the title and every paragraph and yearly line start as the template's
//!   and, 75 % of the time (always for titles), continue with the end of a
//!   partner's text of the same field, joined at a clause boundary (after 「の」
//!   「・」 in titles, after 「、」「。」 in texts, never inside brackets); the
//!   quantities in them vary (「100件」 may become 「137件」); some titles also
//!   get a district, e.g. 「（丸子地域）」. So an item's words come from two real
//!   items, and the share of items a search term matches stays close to the
//!   real share, while items are not copies of each other.
//!
//! Generation is deterministic and needs no crate: item `i` comes from a
//! xorshift generator seeded with `i` alone, so `generate(real, 1000)` is the
//! first 1000 items of `generate(real, 10000)`.

use std::collections::HashMap;

use crate::{Dataset, Item, Sdgs, Year};

/// The seed of every synthetic dataset (per item, mixed with its index).
const SEED: u64 = 0x5EED_0000_0061_1000;

/// Areas of Ueda City, added to some titles.
const DISTRICTS: [&str; 8] = [
    "上田中央地域",
    "城南地域",
    "神科・豊殿地域",
    "塩田地域",
    "川西地域",
    "丸子地域",
    "真田地域",
    "武石地域",
];

/// Characters after which a title may be cut and joined to another's end.
const TITLE_CUTS: [char; 2] = ['の', '・'];

/// Characters after which a paragraph may be cut and joined to another's end.
const TEXT_CUTS: [char; 3] = ['、', '。', 'の'];

/// Counters after which a number is a quantity that may vary (「件」「人」…).
const COUNTERS: [char; 16] = [
    '件', '人', '回', '千', '万', '億', '%', '％', '台', '枚', '社', '名', '割', '施', '館', '園',
];

/// A dataset of `n` items generated from the items of `base` (see the module
/// documentation); meta, pillars and SDG goals are those of `base`, with the
/// pillars' and categories' item counts recomputed. Empty if `base` has no items.
///
/// # Examples
///
/// ```
/// # let real = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// let data = model::synthetic::generate(&real, 1000);
/// assert_eq!(data.items.len(), 1000);
/// assert_eq!(data.items[999].no, 1000);
/// assert_eq!(data.items[..10], model::synthetic::generate(&real, 10).items[..]);
/// ```
pub fn generate(base: &Dataset, n: usize) -> Dataset {
    let real = &base.items;
    let mut out = base.clone();
    out.meta.notes.push(format!(
        "ベンチマーク用の合成データです（実際の{}項目から生成した{n}項目）。",
        real.len()
    ));
    if real.is_empty() {
        out.items = Vec::new();
        return out;
    }
    let mut in_category: HashMap<(String, String), u32> = HashMap::new();
    out.items = (0..n)
        .map(|i| {
            let mut item = generate_item(real, i);
            let counter = in_category
                .entry((item.pillar.code.clone(), item.category.code.clone()))
                .or_default();
            *counter += 1;
            item.no_in_category = *counter;
            item
        })
        .collect();
    for pillar in &mut out.pillars {
        let in_pillar = |c: &&Item| c.pillar.code == pillar.code;
        pillar.item_count = out.items.iter().filter(in_pillar).count() as u32;
        for category in &mut pillar.categories {
            category.item_count = out
                .items
                .iter()
                .filter(in_pillar)
                .filter(|item| item.category.code == category.code)
                .count() as u32;
        }
    }
    out
}

/// Item number `index + 1` (its `no_in_category` is set by the caller).
fn generate_item(real: &[Item], index: usize) -> Item {
    let mut rng = Rng::for_item(index);
    let template = rng.pick(real);
    let partner = rng.pick(real);
    let owner = if rng.chance(70) { template } else { partner };
    let sdg_source = if rng.chance(60) { template } else { partner };

    let mut title = rng.splice(&template.title, &partner.title, &TITLE_CUTS, 100);
    if rng.chance(30) {
        title.push_str(&format!("（{}）", rng.pick(&DISTRICTS)));
    }
    let title = rng.vary_numbers(&title);

    let overview = rng.texts(&template.overview, &partner.overview);
    let current_status = rng.texts(&template.current_status, &partner.current_status);
    let measures = rng.texts(&template.measures, &partner.measures);
    let target_state = rng.texts(&template.target_state, &partner.target_state);

    let years = template
        .years
        .iter()
        .enumerate()
        .map(|(k, year)| {
            let other = partner.years.get(k);
            let plan = rng.texts(&year.plan, other.map_or(&[], |y| &y.plan));
            let result = year.result.as_ref().map(|result| {
                let other = other.and_then(|y| y.result.as_deref()).unwrap_or(&[]);
                rng.texts(result, other)
            });
            Year {
                year: year.year,
                label: year.label.clone(),
                plan,
                result,
            }
        })
        .collect();

    Item {
        no: index as u32 + 1,
        no_in_category: 0,
        pillar: template.pillar.clone(),
        category: template.category.clone(),
        title,
        toc_title: None,
        page: template.page,
        bureaus: owner.bureaus.clone(),
        sections: owner.sections.clone(),
        toc_sections: None,
        overview,
        current_status,
        measures,
        target_state,
        general_plan: template.general_plan.clone(),
        smart_city: template.smart_city.clone(),
        smart_city_none: template.smart_city_none.clone(),
        sdgs: Sdgs {
            goals: sdg_source.sdgs.goals.clone(),
            basis: sdg_source.sdgs.basis,
            cell: sdg_source.sdgs.cell,
            rationale: sdg_source.sdgs.rationale.clone(),
            icon_gap: sdg_source.sdgs.icon_gap,
        },
        years,
        differences: Vec::new(),
    }
}

/// xorshift64*: small, fast and good enough to pick items and cut points.
struct Rng(u64);

impl Rng {
    /// The generator of item `index`: the seed and the index mixed by SplitMix64.
    fn for_item(index: usize) -> Rng {
        let mut z = SEED ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // xorshift's state must not be zero.
        Rng(if z == 0 { SEED } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with `percent` % probability.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }

    /// The template's texts of one field, each continued 75 % of the time
    /// with the end of one of the partner's texts of that field, with the
    /// quantities varied.
    fn texts(&mut self, template: &[String], partner: &[String]) -> Vec<String> {
        template
            .iter()
            .map(|text| {
                let joined = if partner.is_empty() {
                    text.clone()
                } else {
                    let other = self.pick(partner);
                    self.splice(text, other, &TEXT_CUTS, 75)
                };
                self.vary_numbers(&joined)
            })
            .collect()
    }

    /// `first` up to and including a random cut character, then `second`
    /// after one of its cut characters, `percent` % of the time; otherwise, or
    /// when either text has no cut, `first` unchanged. A cut is never inside
    /// brackets and leaves at least two characters on each side.
    fn splice(&mut self, first: &str, second: &str, cuts: &[char], percent: u64) -> String {
        let (a, b) = (cut_points(first, cuts), cut_points(second, cuts));
        if a.is_empty() || b.is_empty() || !self.chance(percent) {
            return first.to_owned();
        }
        let (x, y) = (*self.pick(&a), *self.pick(&b));
        format!("{}{}", &first[..x], &second[y..])
    }

    /// Multiplies each quantity (digits, with optional thousands commas,
    /// followed by a counter such as 「件」) by a factor between 0.5 and 1.5;
    /// a percentage of at most 100 stays at most 100. Years, dates and plan
    /// references (「令和3年度」「第1編」) are left alone.
    fn vary_numbers(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == ','
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        && chars[i - 1].is_ascii_digit()))
            {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let after_point = start > 0 && chars[start - 1] == '.';
            let counter = chars.get(i).copied().filter(|c| COUNTERS.contains(c));
            let value = run.replace(',', "").parse::<u64>().ok();
            match (counter, value) {
                (Some(counter), Some(value)) if !after_point && value > 0 => {
                    let factor = 500 + self.below(1001) as u64; // per mille
                    let mut varied = (value * factor / 1000).max(1);
                    if matches!(counter, '%' | '％') && value <= 100 {
                        varied = varied.min(100);
                    }
                    out.push_str(&if run.contains(',') {
                        with_commas(varied)
                    } else {
                        varied.to_string()
                    });
                }
                _ => out.push_str(&run),
            }
        }
        out
    }
}

/// Byte offsets just after each cut character of `text` that is outside
/// brackets and has at least two characters before and after it.
fn cut_points(text: &str, cuts: &[char]) -> Vec<usize> {
    let total = text.chars().count();
    let mut depth = 0usize;
    let mut points = Vec::new();
    for (n, (i, c)) in text.char_indices().enumerate() {
        match c {
            '（' | '(' | '「' | '『' | '【' | '〔' | '［' => depth += 1,
            '）' | ')' | '」' | '』' | '】' | '〕' | '］' => depth = depth.saturating_sub(1),
            _ if depth == 0 && cuts.contains(&c) && n >= 1 && n + 3 <= total => {
                points.push(i + c.len_utf8());
            }
            _ => {}
        }
    }
    points
}

/// 1234567 → 「1,234,567」 (the bench's tables write figures so too).
pub fn with_commas(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_vary_but_years_and_references_do_not() {
        let mut rng = Rng::for_item(7);
        let text = "令和3年度に第1編の100件、1,200人、98.5%を達成";
        let varied: Vec<String> = (0..20).map(|_| rng.vary_numbers(text)).collect();
        for v in &varied {
            assert!(v.starts_with("令和3年度に第1編の"), "{v}");
            assert!(v.contains(".5%"), "{v}");
        }
        assert!(varied.iter().any(|v| !v.contains("100件")));
        assert!(varied.iter().any(|v| !v.contains("1,200人")));
    }

    #[test]
    fn percentages_stay_percentages() {
        let mut rng = Rng::for_item(1);
        for _ in 0..50 {
            let v = rng.vary_numbers("90%");
            let n: u64 = v.trim_end_matches('%').parse().unwrap();
            assert!((45..=100).contains(&n), "{v}");
        }
    }

    #[test]
    fn commas_group_thousands() {
        assert_eq!(with_commas(7), "7");
        assert_eq!(with_commas(1234), "1,234");
        assert_eq!(with_commas(1_234_567), "1,234,567");
    }

    #[test]
    fn splice_joins_at_cut_points() {
        let mut rng = Rng::for_item(3);
        let joined = rng.splice(
            "マイナンバーカードの利用促進",
            "窓口業務の見直し",
            &TITLE_CUTS,
            100,
        );
        assert_eq!(joined, "マイナンバーカードの見直し");
        let kept = rng.splice("民間委託", "ふるさと納税の推進", &TITLE_CUTS, 100);
        assert_eq!(kept, "民間委託");
        // Not inside brackets, and not leaving a single character.
        assert_eq!(
            cut_points(
                "押印・対面規制の見直し（市民サービスに関するもの）",
                &TITLE_CUTS
            )
            .len(),
            2
        );
        assert!(cut_points("市の用", &TITLE_CUTS).is_empty());
        assert_eq!(cut_points("市の活用", &TITLE_CUTS), [6]);
    }
}
