//! Shaping a list of results for display.

use crate::Dataset;

/// A run of results that share a pillar and a category, in list order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryGroup {
    /// Pillar code, e.g. "1".
    pub pillar_code: String,
    /// Category code within the pillar, e.g. "ア".
    pub category_code: String,
    /// Indices into `dataset.items`.
    pub items: Vec<usize>,
}

/// Groups consecutive results by pillar and category, as the document does.
///
/// Results sorted by number come out in the document's order, one group per
/// category; any other order simply starts a new group whenever the category
/// changes.
///
/// # Examples
/// ```
/// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// let groups = model::listing::group_by_category(&dataset, &[0, 1, 5]);
/// assert_eq!(groups.len(), 2); // items 1 and 2 are in (1)ア, item 6 in (1)イ
/// ```
pub fn group_by_category(dataset: &Dataset, results: &[usize]) -> Vec<CategoryGroup> {
    let mut groups: Vec<CategoryGroup> = Vec::new();
    for &index in results {
        let item = &dataset.items[index];
        match groups.last_mut() {
            Some(group)
                if group.pillar_code == item.pillar.code
                    && group.category_code == item.category.code =>
            {
                group.items.push(index);
            }
            _ => groups.push(CategoryGroup {
                pillar_code: item.pillar.code.clone(),
                category_code: item.category.code.clone(),
                items: vec![index],
            }),
        }
    }
    groups
}
