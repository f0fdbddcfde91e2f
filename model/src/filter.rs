//! Filtering the items by text and facets, with live counts per option.
//!
//! Options within one facet combine with OR, facets combine with AND, search
//! terms with AND, and [`Query::only`] restricts further. Each option's count
//! is the number of items that would match if that option were the only one
//! selected in its facet, everything else unchanged (disjunctive faceting),
//! so the counts tell what clicking the option would give.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use crate::reading::Readings;
use crate::search::{terms, Nfkc, SearchIndex};
use crate::{Dataset, Item};

/// What the reader asked for: search text, selected facet options, sort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Raw search box text.
    pub text: String,
    /// Pillar codes ("1": the whole pillar) or pillar-category codes ("1-ア").
    pub categories: BTreeSet<String>,
    /// 部局 names.
    pub bureaus: BTreeSet<String>,
    /// 課所 names.
    pub sections: BTreeSet<String>,
    /// SDG goal numbers, 1..=17.
    pub sdgs: BTreeSet<u8>,
    /// 令和 years for which the item must have a result.
    pub results: BTreeSet<u8>,
    /// Restricts to these item numbers (bookmarks); `None` means all items.
    pub only: Option<BTreeSet<u32>>,
    /// Order of the matching items.
    pub sort: Sort,
}

/// Order of the matching items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// By item number.
    #[default]
    Number,
    /// By folded title (katakana, so roughly in kana order), then number.
    Title,
}

/// A facet: a kind of property the items can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Pillar (改革の柱) and category; values "1" or "1-ア".
    Category,
    /// Bureau (部局); values are names.
    Bureau,
    /// Section (課所); values are names.
    Section,
    /// SDG goal; values "1".."17".
    Sdg,
    /// Has a result for a 令和 year; values "3", "4", ….
    Result,
}

impl Facet {
    /// All facets, in the order [`Outcome::facets`] lists them.
    pub const ALL: [Facet; 5] = [
        Facet::Category,
        Facet::Bureau,
        Facet::Section,
        Facet::Sdg,
        Facet::Result,
    ];

    fn position(self) -> usize {
        match self {
            Facet::Category => 0,
            Facet::Bureau => 1,
            Facet::Section => 2,
            Facet::Sdg => 3,
            Facet::Result => 4,
        }
    }
}

/// One option of a facet, as the facet panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The value stored in the [`Query`] (and the URL), e.g. "1-ア", "3".
    pub value: String,
    /// What the option stands for, for the app to word it.
    pub name: OptionName,
    /// Items that would match with this option alone selected in its facet.
    pub count: usize,
    /// Whether the query selects this option.
    pub selected: bool,
    /// Indentation: 0 for a pillar, 1 for a category; 0 in other facets.
    pub depth: u8,
}

/// What a facet option stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionName {
    /// A name from the document, shown as it is: a pillar or category
    /// heading (「ア ICTの活用による…」), a bureau, a section.
    Document(String),
    /// An SDG goal by number (the app words it in the interface language).
    Goal(u8),
    /// Having a result for this 令和 year (the app words it).
    ResultYear(u8),
}

/// The result of [`apply`]: the matching items and every facet's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `dataset.items`, in the query's order.
    pub items: Vec<usize>,
    /// Options of each facet, in the order Category, Bureau, Section, Sdg, Result.
    pub facets: Vec<(Facet, Vec<FacetOption>)>,
}

impl Query {
    /// Whether nothing is filtered: no search text and no facet option
    /// (`sort` and `only` are not filters for this purpose).
    ///
    /// # Examples
    ///
    /// ```
    /// use model::filter::{Query, Sort};
    /// let mut query = Query { sort: Sort::Title, ..Query::default() };
    /// assert!(query.is_empty());
    /// query.text = "防災".to_owned();
    /// assert!(!query.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.categories.is_empty()
            && self.bureaus.is_empty()
            && self.sections.is_empty()
            && self.sdgs.is_empty()
            && self.results.is_empty()
    }

    /// Selects `value` in `facet`, or deselects it if selected. A value that
    /// does not fit the facet (e.g. "x" for [`Facet::Sdg`]) is ignored.
    ///
    /// Pillars and their categories exclude each other: selecting "1"
    /// deselects "1-ア" etc., and selecting "1-ア" deselects "1", so choosing
    /// a narrower option after a broader one narrows the list.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::filter::{Facet, Query};
    /// let mut query = Query::default();
    /// query.toggle(Facet::Category, "1");
    /// query.toggle(Facet::Category, "1-ア");
    /// assert_eq!(query.categories.iter().collect::<Vec<_>>(), ["1-ア"]);
    /// query.toggle(Facet::Sdg, "3");
    /// query.toggle(Facet::Sdg, "3");
    /// assert!(query.sdgs.is_empty());
    /// ```
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match facet {
            Facet::Category => {
                if self.categories.remove(value) {
                    return;
                }
                match value.split_once('-') {
                    Some((pillar, _)) => {
                        self.categories.remove(pillar);
                    }
                    None => {
                        let prefix = format!("{value}-");
                        self.categories.retain(|c| !c.starts_with(&prefix));
                    }
                }
                self.categories.insert(value.to_owned());
            }
            Facet::Bureau => flip(&mut self.bureaus, value.to_owned()),
            Facet::Section => flip(&mut self.sections, value.to_owned()),
            Facet::Sdg => {
                if let Ok(n) = value.parse() {
                    flip(&mut self.sdgs, n);
                }
            }
            Facet::Result => {
                if let Ok(n) = value.parse() {
                    flip(&mut self.results, n);
                }
            }
        }
    }

    /// Clears the search text and every facet selection; keeps `sort` and
    /// `only`.
    pub fn clear_filters(&mut self) {
        *self = Query {
            sort: self.sort,
            only: self.only.take(),
            ..Query::default()
        };
    }

    /// Whether the query selects `value` in `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Category => self.categories.contains(value),
            Facet::Bureau => self.bureaus.contains(value),
            Facet::Section => self.sections.contains(value),
            Facet::Sdg => value.parse().is_ok_and(|n| self.sdgs.contains(&n)),
            Facet::Result => value.parse().is_ok_and(|n| self.results.contains(&n)),
        }
    }
}

/// Each item's values for one facet, as small integer ids.
#[derive(Debug, Clone, Default)]
struct FacetValues {
    /// Distinct values (as in [`FacetOption::value`]), by id.
    values: Vec<String>,
    /// Value to id.
    ids_by_value: BTreeMap<String, u32>,
    /// Number of items having each value, by id.
    item_counts: Vec<usize>,
    /// All items' value ids, item after item, without duplicates per item.
    ids: Vec<u32>,
    /// `ids[ends[i - 1]..ends[i]]` are item `i`'s ids.
    ends: Vec<u32>,
}

impl FacetValues {
    fn push_item<'a>(&mut self, values: impl IntoIterator<Item = std::borrow::Cow<'a, str>>) {
        let start = self.ids.len();
        for value in values {
            let id = match self.ids_by_value.get(value.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.values.len() as u32;
                    self.values.push(value.to_string());
                    self.ids_by_value.insert(value.into_owned(), id);
                    self.item_counts.push(0);
                    id
                }
            };
            if !self.ids[start..].contains(&id) {
                self.ids.push(id);
                self.item_counts[id as usize] += 1;
            }
        }
        self.ends.push(self.ids.len() as u32);
    }

    fn item(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }

    fn id(&self, value: &str) -> Option<u32> {
        self.ids_by_value.get(value).copied()
    }

    /// Values sorted by number of items (most first), then by value.
    fn by_item_count(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            (self.item_counts[b], &self.values[a]).cmp(&(self.item_counts[a], &self.values[b]))
        });
        order
    }
}

/// Everything [`apply`] needs to know of the items, built once per dataset:
/// their facet values, and their folded text (for search terms).
///
/// The text index is built on first use (a search, or sorting by title), with
/// the readings, if any, loaded then too: a list without a search, which is
/// what every visit starts with, needs the facets alone, so the app's start
/// does not wait for folding every text of the dataset.
#[derive(Debug, Clone)]
pub struct ItemIndex {
    text: OnceLock<SearchIndex>,
    nfkc: Nfkc,
    readings: Option<fn() -> Arc<Readings>>,
    loaded_readings: OnceLock<Option<Arc<Readings>>>,
    facets: FacetIndex,
}

impl ItemIndex {
    /// Indexes `items` (normally `dataset.items`).
    pub fn new(items: &[Item], nfkc: Nfkc) -> ItemIndex {
        ItemIndex {
            text: OnceLock::new(),
            nfkc,
            readings: None,
            loaded_readings: OnceLock::new(),
            facets: FacetIndex::new(items),
        }
    }

    /// Lets search terms in kana find the words they read; `load` runs on
    /// the first search.
    pub fn with_readings(self, load: fn() -> Arc<Readings>) -> ItemIndex {
        ItemIndex {
            readings: Some(load),
            loaded_readings: OnceLock::new(),
            text: OnceLock::new(),
            ..self
        }
    }

    /// The words' readings given by [`ItemIndex::with_readings`], loaded on
    /// first use.
    pub fn readings(&self) -> Option<&Readings> {
        self.loaded_readings().map(|readings| &**readings)
    }

    /// The readings that marking or quoting matches of `terms` needs: none
    /// without terms, so a list without a search never loads them.
    pub fn readings_for(&self, terms: &[String]) -> Option<&Readings> {
        if terms.is_empty() {
            None
        } else {
            self.readings()
        }
    }

    fn loaded_readings(&self) -> Option<&Arc<Readings>> {
        self.loaded_readings
            .get_or_init(|| self.readings.map(|load| load()))
            .as_ref()
    }

    /// The items' text, for search terms alone; `items` must be those the
    /// index was made from. Built on the first call.
    pub fn text(&self, items: &[Item]) -> &SearchIndex {
        self.text.get_or_init(|| {
            let index = SearchIndex::new(items, self.nfkc);
            match self.loaded_readings() {
                Some(readings) => index.with_readings(Arc::clone(readings)),
                None => index,
            }
        })
    }
}

/// The items' facet values, precomputed once per dataset (kept in
/// [`ItemIndex`]) so that [`apply`] only compares integers per item.
#[derive(Debug, Clone, Default)]
pub(crate) struct FacetIndex {
    /// Item numbers.
    numbers: Vec<u32>,
    /// By [`Facet::position`].
    facets: [FacetValues; 5],
    /// Bureau and section ids in option order (computed once: they sort by
    /// item count in the whole dataset, so they do not jump while filtering).
    bureau_order: Vec<u32>,
    section_order: Vec<u32>,
}

impl FacetIndex {
    pub(crate) fn new(items: &[Item]) -> FacetIndex {
        use std::borrow::Cow;
        let mut index = FacetIndex::default();
        let [category, bureau, section, sdg, result] = &mut index.facets;
        for item in items {
            index.numbers.push(item.no);
            category.push_item([
                Cow::Borrowed(item.pillar.code.as_str()),
                Cow::Owned(format!("{}-{}", item.pillar.code, item.category.code)),
            ]);
            bureau.push_item(item.bureaus.iter().map(|s| Cow::Borrowed(s.as_str())));
            section.push_item(item.sections.iter().map(|s| Cow::Borrowed(s.as_str())));
            sdg.push_item(item.sdgs.goals.iter().map(|g| Cow::Owned(g.to_string())));
            result.push_item(
                item.years
                    .iter()
                    .filter(|y| y.result.is_some())
                    .map(|y| Cow::Owned(y.year.to_string())),
            );
        }
        index.bureau_order = index.facets[1].by_item_count();
        index.section_order = index.facets[2].by_item_count();
        index
    }
}

/// A facet's options for one [`apply`]: what to show and how to count.
struct Options {
    facet: Facet,
    /// (option, id of its value among the items' values, if any item has it).
    options: Vec<(FacetOption, Option<u32>)>,
    /// By value id: whether it is selected.
    selected: Vec<bool>,
    /// Whether any of the facet's options is selected (then the facet filters).
    active: bool,
    /// By value id: the count being computed.
    counts: Vec<usize>,
}

impl Options {
    fn new(
        facet: Facet,
        values: &FacetValues,
        query: &Query,
        list: Vec<(String, OptionName, u8)>,
    ) -> Options {
        let mut selected = vec![false; values.values.len()];
        let mut active = false;
        let options = list
            .into_iter()
            .map(|(value, name, depth)| {
                let id = values.id(&value);
                let is_selected = query.is_selected(facet, &value);
                if is_selected {
                    // A selected option no item has still filters (to nothing).
                    active = true;
                    if let Some(id) = id {
                        selected[id as usize] = true;
                    }
                }
                let option = FacetOption {
                    value,
                    name,
                    count: 0,
                    selected: is_selected,
                    depth,
                };
                (option, id)
            })
            .collect();
        Options {
            facet,
            options,
            selected,
            active,
            counts: vec![0; values.values.len()],
        }
    }

    fn accepts(&self, ids: &[u32]) -> bool {
        !self.active || ids.iter().any(|&id| self.selected[id as usize])
    }

    fn finish(mut self) -> (Facet, Vec<FacetOption>) {
        for (option, id) in &mut self.options {
            option.count = id.map_or(0, |id| self.counts[id as usize]);
        }
        (
            self.facet,
            self.options.into_iter().map(|(o, _)| o).collect(),
        )
    }
}

/// The facets' option lists (value, name, depth), in display order.
fn option_lists(dataset: &Dataset, facets: &FacetIndex) -> [Vec<(String, OptionName, u8)>; 5] {
    let mut categories = Vec::new();
    for pillar in &dataset.pillars {
        let heading = OptionName::Document(pillar.heading());
        categories.push((pillar.code.clone(), heading, 0));
        for category in &pillar.categories {
            let value = format!("{}-{}", pillar.code, category.code);
            categories.push((value, OptionName::Document(category.heading()), 1));
        }
    }
    let names = |values: &FacetValues, order: &[u32]| -> Vec<(String, OptionName, u8)> {
        order
            .iter()
            .map(|&id| {
                let name = &values.values[id as usize];
                (name.clone(), OptionName::Document(name.clone()), 0)
            })
            .collect()
    };
    let sdgs = (1..=17u8)
        .map(|n| (n.to_string(), OptionName::Goal(n), 0))
        .collect();
    let mut years: Vec<u8> = facets.facets[4]
        .values
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    years.sort_unstable();
    let results = years
        .into_iter()
        .map(|y| (y.to_string(), OptionName::ResultYear(y), 0))
        .collect();
    [
        categories,
        names(&facets.facets[1], &facets.bureau_order),
        names(&facets.facets[2], &facets.section_order),
        sdgs,
        results,
    ]
}

/// Filters and sorts the items of `dataset` and counts every facet option.
///
/// `index` must have been built from `dataset.items`. Selected values that
/// are not options of their facet (e.g. a bureau no item has, from an old
/// link) are ignored; a listed option that no item has (an SDG goal, say)
/// filters everything out, as its count of 0 says.
///
/// # Examples
///
/// ```
/// # fn nfkc(s: &str) -> String { s.to_owned() }
/// use model::filter::{apply, Facet, OptionName, Query};
/// use model::filter::ItemIndex;
/// use model::Dataset;
/// let dataset = Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// let index = ItemIndex::new(&dataset.items, nfkc);
/// let mut query = Query::default();
/// query.toggle(Facet::Category, "2-ア");
/// query.text = "ふるさと".to_owned();
/// let outcome = apply(&dataset, &index, &query, nfkc);
/// assert_eq!(outcome.items, [20]); // item 21, ふるさと納税の推進
/// let (facet, pillars) = &outcome.facets[0];
/// assert_eq!((*facet, pillars[0].value.as_str()), (Facet::Category, "1"));
/// assert_eq!(pillars[0].name, OptionName::Document("(1) 将来を見据えた新たな行政サービスへの改革".into()));
/// ```
pub fn apply(dataset: &Dataset, index: &ItemIndex, query: &Query, nfkc: Nfkc) -> Outcome {
    let terms = terms(&query.text, nfkc);
    // The text index only when something needs it (it is built on first use).
    let text = (!terms.is_empty() || query.sort == Sort::Title).then(|| index.text(&dataset.items));
    let facets = &index.facets;
    let lists = option_lists(dataset, facets);
    let mut options: Vec<Options> = Facet::ALL
        .into_iter()
        .zip(lists)
        .map(|(facet, list)| Options::new(facet, &facets.facets[facet.position()], query, list))
        .collect();

    let mut items = Vec::new();
    let count = facets.numbers.len().min(dataset.items.len());
    for i in 0..count {
        if let Some(only) = &query.only {
            if !only.contains(&facets.numbers[i]) {
                continue;
            }
        }
        // Which facet rejects the item: none (it matches, and counts for
        // every option it has), exactly one (it counts only for that facet's
        // options, as if the facet had them alone), or more (it counts
        // nowhere). The cheap facet checks go before the text search.
        let mut rejected_by = None;
        let mut rejections = 0;
        for (k, facet) in options.iter().enumerate() {
            if !facet.accepts(facets.facets[k].item(i)) {
                rejected_by = Some(k);
                rejections += 1;
                if rejections > 1 {
                    break;
                }
            }
        }
        if rejections > 1 || text.is_some_and(|text| !text.matches(i, &terms)) {
            continue;
        }
        match rejected_by {
            None => {
                items.push(i);
                for (k, facet) in options.iter_mut().enumerate() {
                    for &id in facets.facets[k].item(i) {
                        facet.counts[id as usize] += 1;
                    }
                }
            }
            Some(k) => {
                for &id in facets.facets[k].item(i) {
                    options[k].counts[id as usize] += 1;
                }
            }
        }
    }

    match query.sort {
        Sort::Number => items.sort_unstable_by_key(|&i| (facets.numbers[i], i)),
        Sort::Title => {
            let text = text.expect("sorting by title builds the text index");
            items.sort_unstable_by_key(|&i| text.title_rank(i))
        }
    }
    Outcome {
        items,
        facets: options.into_iter().map(Options::finish).collect(),
    }
}

#[cfg(test)]
mod lazy_text_index {
    use super::*;

    fn nfkc(text: &str) -> String {
        text.to_owned()
    }

    /// The list every visit starts with folds no text: only a search or
    /// sorting by title builds the text index (and loads the readings).
    #[test]
    fn is_built_by_a_search_or_a_sort_by_title_only() {
        let dataset = Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
        fn no_readings() -> Arc<Readings> {
            Arc::new(Readings::new([], nfkc))
        }
        let built = |query: &Query| {
            let index = ItemIndex::new(&dataset.items, nfkc).with_readings(no_readings);
            let outcome = apply(&dataset, &index, query, nfkc);
            (
                index.text.get().is_some(),
                index.loaded_readings.get().is_some(),
                outcome.items.len(),
            )
        };
        assert_eq!(built(&Query::default()), (false, false, 61));
        let filtered = Query {
            sdgs: [9].into(),
            ..Query::default()
        };
        assert!(!built(&filtered).0);
        let search = Query {
            text: "窓口".into(),
            ..Query::default()
        };
        let (text, readings, found) = built(&search);
        assert!(text && readings && (1..61).contains(&found));
        let by_title = Query {
            sort: Sort::Title,
            ..Query::default()
        };
        assert_eq!(built(&by_title), (true, true, 61));
        // Marking matches asks for the readings only when there are terms.
        let index = ItemIndex::new(&dataset.items, nfkc).with_readings(no_readings);
        assert!(index.readings_for(&[]).is_none());
        assert!(index.loaded_readings.get().is_none());
        assert!(index.readings_for(&["まどぐち".to_owned()]).is_some());
    }
}
