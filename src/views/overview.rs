//! 「概要」: the programme at a glance. Each chart's bars open the list
//! filtered to the items they count; the indicators and effect amounts are
//! listed in full with links to their items.

use std::collections::BTreeSet;

use leptos::attr::any_attribute::IntoAnyAttribute;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use model::filter::{Facet, Query};
use model::indicators::{applicable_target, Indicator};
use model::overview::{
    bureau_counts, category_counts, indicator_rows, key_figures, results_by_year, sdg_cell_counts,
    sdg_counts, section_counts, sort_rows, status_summary, Count, SortKey, SortOrder,
};
use model::view_state::{Screen, ViewState};

use crate::components::chart::{Badge, BarChart, BarRow, Segment};
use crate::components::data_table::DataTable;
use crate::components::indicators::{status_label, StatusLabel};
use crate::data::{app_data, indicators};
use crate::i18n::{use_page_texts, PageTexts};
use crate::url::href;

/// A link to the list filtered by `query` (nothing else carried over: the
/// chart counts the whole programme, so the list must start from it too).
fn list_href(query: Query) -> String {
    href(&ViewState::list(query, crate::url::use_page().language))
}

/// A set of one value (built by insertion: `BTreeSet::from([v])` sorts,
/// which adds sorting code to the wasm for every element type).
fn one<T: Ord>(value: T) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.insert(value);
    set
}

fn item_href(no: u32) -> String {
    href(&ViewState::page(
        Screen::Item(no),
        crate::url::use_page().language,
    ))
}

/// The overview page.
#[component]
pub fn OverviewScreen() -> impl IntoView {
    let t = use_page_texts();
    let total = app_data().dataset.items.len();
    view! {
        <div class="overview">
            <h2>{t.overview_heading}</h2>
            <p class="overview-lead">{(t.overview_lead)(total)}</p>
            <KeyFigures/>
            <CategoryChart/>
            <BureauChart/>
            <SectionChart/>
            <SdgChart/>
            <ResultYearChart/>
            <IndicatorTable/>
            <EffectTable/>
        </div>
    }
}

/// The programme in a few numbers.
#[component]
fn KeyFigures() -> impl IntoView {
    let t = use_page_texts();
    let figures = key_figures(&app_data().dataset, indicators());
    let figures = [
        (t.key_items, (t.key_items_value)(figures.items)),
        (t.key_pillars, figures.pillars.to_string()),
        (t.key_categories, figures.categories.to_string()),
        (t.key_bureaus, figures.bureaus.to_string()),
        (t.key_sections, figures.sections.to_string()),
        (t.key_indicators, figures.indicators.to_string()),
        (t.key_effects, (t.key_effects_value)(figures.effects)),
    ];
    view! {
        <dl class="key-figures">
            {figures
                .into_iter()
                .map(|(term, value)| view! {
                    <div class="key-figure">
                        <dt>{term}</dt>
                        <dd>{value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

/// One bar per value of `facet`, each a link to the list filtered by it
/// (pillars and their categories told apart by the bars' class).
fn count_rows(t: &PageTexts, facet: Facet, counts: Vec<Count>) -> Vec<BarRow> {
    counts
        .into_iter()
        .map(|c| {
            let mut query = Query::default();
            query.toggle(facet, &c.value);
            let mut row = BarRow::count(t, c.label, c.count, Some(list_href(query)));
            if facet == Facet::Category {
                row.class = if c.depth > 0 { "sub" } else { "pillar" }.to_string();
            }
            row
        })
        .collect()
}

#[component]
fn CategoryChart() -> impl IntoView {
    let t = use_page_texts();
    let dataset = &app_data().dataset;
    let categories: usize = dataset.pillars.iter().map(|p| p.categories.len()).sum();
    let note = (t.chart_categories_note)(dataset.pillars.len(), categories);
    let rows = count_rows(t, Facet::Category, category_counts(dataset));
    view! {
        <BarChart
            id="categories"
            title=t.chart_categories_title
            columns=vec![t.chart_categories_column, t.items_column]
            rows
            notes=vec![note]
        />
    }
}

#[component]
fn BureauChart() -> impl IntoView {
    let t = use_page_texts();
    let dataset = &app_data().dataset;
    let note = (t.chart_bureaus_note)(dataset.items.len());
    let rows = count_rows(t, Facet::Bureau, bureau_counts(dataset));
    view! {
        <BarChart
            id="bureaus"
            title=t.chart_bureaus_title
            columns=vec![t.chart_bureaus_column, t.items_column]
            rows
            notes=vec![note]
        />
    }
}

#[component]
fn SectionChart() -> impl IntoView {
    let t = use_page_texts();
    let counts = section_counts(&app_data().dataset);
    // The many sections with a single item would make the chart very long:
    // they are behind a disclosure, still one link each.
    let several = counts.iter().filter(|c| c.count > 1).count();
    let more_label = (t.chart_sections_more)(counts.len() - several);
    let rows = count_rows(t, Facet::Section, counts);
    view! {
        <BarChart
            id="sections"
            title=t.chart_sections_title
            columns=vec![t.chart_sections_column, t.items_column]
            rows
            visible=several
            more_label
            notes=vec![t.chart_sections_note.into()]
        />
    }
}

#[component]
fn SdgChart() -> impl IntoView {
    let t = use_page_texts();
    let dataset = &app_data().dataset;
    let cells = sdg_cell_counts(&dataset.items);
    let rows = sdg_counts(dataset)
        .into_iter()
        .map(|c| {
            let goal = dataset.sdg_goal(c.goal);
            let name = t.sdg_goal_name(c.goal);
            let fill = goal.map(|g| g.color.clone());
            let total = c.total();
            let query = Query {
                sdgs: one(c.goal),
                ..Query::default()
            };
            BarRow {
                label: name,
                data_label: goal.is_some(),
                value_text: (t.bar_count)(total),
                detail: Some(if total > 0 {
                    (t.sdg_breakdown)(c.document, c.estimated)
                } else {
                    t.sdg_no_items.to_string()
                }),
                segments: vec![
                    Segment {
                        value: c.document as f64,
                        fill: fill.clone(),
                        hatched: false,
                    },
                    Segment {
                        value: c.estimated as f64,
                        fill,
                        hatched: true,
                    },
                ],
                href: (total > 0).then(|| list_href(query)),
                class: "sdg".to_string(),
                badge: Some(Badge {
                    class: format!("sdg-badge sdg-{}", c.goal),
                    text: c.goal.to_string(),
                }),
                cells: vec![
                    (t.bar_count)(c.document),
                    (t.bar_count)(c.estimated),
                    (t.bar_count)(total),
                ],
            }
        })
        .collect();
    view! {
        <BarChart
            id="sdgs"
            title=t.chart_sdgs_title
            columns=vec![t.chart_sdgs_column, t.documented, t.estimated, t.total_column]
            rows
            notes=vec![(t.chart_sdgs_note)(cells)]
            legend=(t.documented, t.estimated)
        />
    }
}

#[component]
fn ResultYearChart() -> impl IntoView {
    let t = use_page_texts();
    let dataset = &app_data().dataset;
    let total = dataset.items.len();
    let rows = results_by_year(dataset)
        .into_iter()
        .map(|y| {
            let query = Query {
                results: one(y.year),
                ..Query::default()
            };
            let mut row = BarRow::count(
                t,
                (t.year_label)(y.year),
                y.count,
                (y.count > 0).then(|| list_href(query)),
            );
            row.data_label = false;
            row.value_text = (t.chart_results_value)(y.count, total);
            if y.count == 0 {
                row.detail = Some(t.not_reported_yet.to_string());
                row.cells = vec![t.not_reported_yet_cell.to_string()];
            }
            row
        })
        .collect();
    view! {
        <BarChart
            id="results"
            title=t.chart_results_title
            columns=vec![t.year, t.chart_results_column]
            rows
            max=total as f64
            notes=vec![(t.chart_results_note)(crate::data::edition_label())]
        />
    }
}

/// Sortable table of every indicator's latest status.
#[component]
fn IndicatorTable() -> impl IntoView {
    let t = use_page_texts();
    let data = indicators();
    let all_rows = indicator_rows(data);
    let summary = status_summary(&all_rows)
        .into_iter()
        .map(|(status, n)| (t.status_count)(status_label(t, status), n))
        .collect::<Vec<_>>()
        .join(t.list_separator);
    // Every order a header can ask for, worked out here by the model: each
    // row carries its place in each (`data-rank-item-ascending`, …), and
    // the `TableSort` island reorders the rows by them.
    let mut ranks: std::collections::HashMap<(u32, usize), Vec<(String, usize)>> =
        Default::default();
    for key in SORT_KEYS {
        for order in [SortOrder::Ascending, SortOrder::Descending] {
            let mut sorted = indicator_rows(data);
            sort_rows(&mut sorted, key, order);
            for (rank, row) in sorted.iter().enumerate() {
                ranks.entry((row.item, row.index)).or_default().push((
                    format!("data-rank-{}-{}", key_name(key), order.aria()),
                    rank,
                ));
            }
        }
    }
    let header = move |key: SortKey, label: &'static str| {
        let initial = key == SortKey::Item;
        view! {
            <th scope="col" aria-sort=initial.then_some("ascending") data-sort-key=key_name(key)>
                // Disabled until the page is live (the `TableSort` island).
                <button type="button" class="sort-button" disabled=true>
                    {label}
                    <span class="sort-arrow" aria-hidden="true">{if initial { "▲" } else { "⇅" }}</span>
                </button>
            </th>
        }
    };
    let mut rows = indicator_rows(data);
    sort_rows(&mut rows, SortKey::Item, SortOrder::Ascending);
    let rows = rows
        .into_iter()
        .map(|row| {
            let indicator = &data.indicators[row.index];
            let title = app_data()
                .dataset
                .item(row.item)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            let rank_attributes = ranks
                .remove(&(row.item, row.index))
                .unwrap_or_default()
                .into_iter()
                .map(|(name, rank)| custom_attribute(name, rank.to_string()).into_any_attr())
                .collect::<Vec<_>>();
            view! {
                <tr {..rank_attributes}>
                    <td class="col-item">
                        <a href=item_href(row.item)>
                            {(t.item_no)(row.item)}" "<span lang="ja">{title}</span>
                        </a>
                    </td>
                    <th scope="row" class="col-name" lang="ja">{row.name}</th>
                    <td>{result_text(t, indicator, row.year)}</td>
                    <td>{target_text(t, indicator, row.year)}</td>
                    <td class="col-status"><StatusLabel status=row.status year=row.year/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart indicator-table-section" aria-labelledby="indicator-table-heading">
            <h3 id="indicator-table-heading">{t.indicator_table_heading}</h3>
            <div class="chart-notes">
                <p>{t.indicator_table_note}</p>
                <p>{(t.indicator_summary)(data.indicators.len(), &summary)}</p>
                <p class="hint">{t.sort_hint}</p>
            </div>
            <DataTable
                caption_id="indicator-table-caption"
                caption=t.indicator_table_caption
                class="data-table indicator-table"
                table_id="indicator-table"
            >
                <thead>
                    <tr>
                        {header(SortKey::Item, t.column_item)}
                        {header(SortKey::Name, t.column_indicator)}
                        <th scope="col">{t.column_latest_result}</th>
                        <th scope="col">{t.column_same_year_target}</th>
                        {header(SortKey::Status, t.column_status)}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </DataTable>
            <TableSort/>
        </section>
    }
}

/// The headers the indicator table sorts by.
const SORT_KEYS: [SortKey; 3] = [SortKey::Item, SortKey::Name, SortKey::Status];

/// A sort key's name in the table's attributes.
fn key_name(key: SortKey) -> &'static str {
    match key {
        SortKey::Item => "item",
        SortKey::Name => "name",
        SortKey::Status => "status",
    }
}

/// Sorts the indicator table by the header pressed, in the order the model
/// worked out at build time (the rows' `data-rank-…` attributes): the rows
/// are moved, not rendered again, and the indicator data stays out of the
/// wasm. Says the new order to screen readers.
#[island]
fn TableSort() -> impl IntoView {
    let t = crate::i18n::use_texts();
    let live = crate::live::use_live();
    let (announce, set_announce) = signal(String::new());
    Effect::new(move |_| {
        if live.get() {
            table_sort::wire(t, set_announce);
        }
    });
    view! { <p class="visually-hidden" role="status">{announce}</p> }
}

/// The DOM side of [`TableSort`].
#[cfg(not(feature = "ssr"))]
mod table_sort {
    use leptos::prelude::*;
    use model::overview::{SortKey, SortOrder};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    use super::{key_name, SORT_KEYS};
    use crate::dom::elements;
    use crate::i18n::Texts;

    /// Enables the header buttons and sorts on their clicks.
    pub fn wire(t: &'static Texts, announce: WriteSignal<String>) {
        let Some(table) = document().get_element_by_id("indicator-table") else {
            return;
        };
        for key in SORT_KEYS {
            let Ok(Some(button)) =
                table.query_selector(&format!("th[data-sort-key={}] button", key_name(key)))
            else {
                continue;
            };
            let _ = button.remove_attribute("disabled");
            let table = table.clone();
            let on_click = Closure::<dyn Fn()>::new(move || {
                let label = sort(&table, key);
                let (column, order) = label;
                let direction = match order {
                    SortOrder::Ascending => t.sort_ascending,
                    SortOrder::Descending => t.sort_descending,
                };
                announce.set((t.sorted_by)(&column, direction));
            });
            let _ =
                button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            // The table lives as long as the page.
            on_click.forget();
        }
    }

    /// Sorts by `key`: ascending first, the other way when it is already
    /// sorted by it. Returns the column's name and the order.
    fn sort(table: &Element, key: SortKey) -> (String, SortOrder) {
        let mut order = SortOrder::Ascending;
        let mut column = String::new();
        for header in elements(table, "th[data-sort-key]") {
            let this = header.get_attribute("data-sort-key").as_deref() == Some(key_name(key));
            if this {
                if header.get_attribute("aria-sort").as_deref() == Some("ascending") {
                    order = SortOrder::Descending;
                }
                column = header
                    .query_selector("button")
                    .ok()
                    .flatten()
                    .and_then(|b| b.first_child())
                    .and_then(|n| n.text_content())
                    .unwrap_or_default();
            }
        }
        for header in elements(table, "th[data-sort-key]") {
            let this = header.get_attribute("data-sort-key").as_deref() == Some(key_name(key));
            if this {
                let _ = header.set_attribute("aria-sort", order.aria());
            } else {
                let _ = header.remove_attribute("aria-sort");
            }
            if let Ok(Some(arrow)) = header.query_selector(".sort-arrow") {
                arrow.set_text_content(Some(match (this, order) {
                    (true, SortOrder::Ascending) => "▲",
                    (true, SortOrder::Descending) => "▼",
                    _ => "⇅",
                }));
            }
        }
        let Ok(Some(body)) = table.query_selector("tbody") else {
            return (column, order);
        };
        let attribute = format!("data-rank-{}-{}", key_name(key), order.aria());
        let mut rows: Vec<(usize, Element)> = elements(&body, "tr")
            .into_iter()
            .map(|row| {
                let rank = row
                    .get_attribute(&attribute)
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(usize::MAX);
                (rank, row)
            })
            .collect();
        rows.sort_unstable_by_key(|(rank, _)| *rank);
        for (_, row) in rows {
            let _ = body.append_child(&row);
        }
        (column, order)
    }
}

#[cfg(feature = "ssr")]
mod table_sort {
    use leptos::prelude::*;

    pub fn wire(_t: &'static crate::i18n::Texts, _announce: WriteSignal<String>) {}
}

/// 「令和4年度 99.41%」, or 「なし」. The figure as printed is data.
fn result_text(t: &PageTexts, indicator: &Indicator, year: u8) -> AnyView {
    match indicator.results.iter().find(|r| r.year == year) {
        Some(r) => view! {
            {format!("{} ", (t.year_label)(year))}
            <span lang="ja">{r.display.clone()}</span>
        }
        .into_any(),
        None => t.none.into_any(),
    }
}

/// The target of the same year, or 「なし」 (with the years that have one).
fn target_text(t: &PageTexts, indicator: &Indicator, year: u8) -> AnyView {
    match applicable_target(indicator, year) {
        Some(target) => view! { <span lang="ja">{target.display.clone()}</span> }.into_any(),
        None if indicator.targets.is_empty() => t.none.into_any(),
        None => {
            let years: Vec<String> = indicator
                .targets
                .iter()
                .map(|target| (t.year_label)(target.year))
                .collect();
            (t.none_target_years)(&years.join(t.year_separator)).into_any()
        }
    }
}

/// Every effect amount with its item.
#[component]
fn EffectTable() -> impl IntoView {
    let t = use_page_texts();
    let rows = indicators()
        .effects
        .iter()
        .map(|e| {
            let title = app_data()
                .dataset
                .item(e.item)
                .map(|i| i.title.clone())
                .unwrap_or_default();
            view! {
                <tr>
                    <td class="col-item">
                        <a href=item_href(e.item)>
                            {(t.item_no)(e.item)}" "<span lang="ja">{title}</span>
                        </a>
                    </td>
                    <td>{e.year.map_or_else(|| t.no_entry.to_string(), t.year_label)}</td>
                    <th scope="row" class="col-amount" lang="ja">{e.display.clone()}</th>
                    <td lang="ja">{e.description.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart effect-table-section" aria-labelledby="effect-table-heading">
            <h3 id="effect-table-heading">{t.effects_heading}</h3>
            <div class="chart-notes">
                <p>{t.effect_table_note}</p>
            </div>
            <DataTable
                caption_id="effect-table-caption"
                caption=t.effect_table_caption
                class="data-table effect-table"
            >
                <thead>
                    <tr>
                        <th scope="col">{t.column_item}</th>
                        <th scope="col">{t.year}</th>
                        <th scope="col">{t.column_effect}</th>
                        <th scope="col">{t.column_content}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </DataTable>
        </section>
    }
}
