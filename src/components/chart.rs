//! Small horizontal bar charts: HTML text and links, SVG bars.
//!
//! Each row is a link (when it leads somewhere) whose text is the label and
//! the figure, so the chart is readable without the graphics: the SVG is
//! decoration (`aria-hidden`). Labels sit above the bars, so long Japanese
//! names wrap instead of squeezing the bars on a phone. Bars are sized in
//! percent of the SVG's own width (no `viewBox` scaling), so hatching and
//! outlines keep their shape at any width. A table with the same numbers
//! follows each chart.

use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::i18n::{use_page_texts, PageTexts};

/// One coloured part of a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Length in the chart's unit.
    pub value: f64,
    /// An SVG fill (`#RRGGBB`); `None` takes the chart colour from the CSS.
    pub fill: Option<String>,
    /// Drawn with diagonal stripes: a figure that is less certain
    /// (an estimated SDG goal). The legend and the text say so as well.
    pub hatched: bool,
}

/// A small box before the label, e.g. the SDG goal number in its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Badge {
    /// CSS classes (`sdg-badge sdg-11`).
    pub class: String,
    /// The visible text (`11`).
    pub text: String,
}

/// One bar of a [`BarChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The label above the bar.
    pub label: String,
    /// The label is data (a category or section name), Japanese in every
    /// interface language; not, e.g., a year in the interface language.
    pub data_label: bool,
    /// The figure as shown, e.g. 「29件」.
    pub value_text: String,
    /// A second line of text (a breakdown, or why there is no figure).
    pub detail: Option<String>,
    /// The parts of the bar, left to right.
    pub segments: Vec<Segment>,
    /// Where the row leads (the list filtered to these items); `None` for
    /// rows with nothing to show.
    pub href: Option<String>,
    /// Extra classes on the row (`sub` indents a category under its pillar).
    pub class: String,
    /// An optional box before the label.
    pub badge: Option<Badge>,
    /// The table's cells after the row header.
    pub cells: Vec<String>,
}

impl BarRow {
    /// A one-colour bar of `count` items, linking to `href`.
    pub fn count(
        t: &PageTexts,
        label: impl Into<String>,
        count: usize,
        href: Option<String>,
    ) -> BarRow {
        BarRow {
            label: label.into(),
            data_label: true,
            value_text: (t.bar_count)(count),
            detail: None,
            segments: vec![Segment {
                value: count as f64,
                fill: None,
                hatched: false,
            }],
            href,
            class: String::new(),
            badge: None,
            cells: vec![(t.bar_count)(count)],
        }
    }

    fn total(&self) -> f64 {
        self.segments.iter().map(|s| s.value.max(0.0)).sum()
    }
}

/// A chart with its heading, notes, bars and data table.
#[component]
pub fn BarChart(
    /// Unique on the page: the heading's id and the prefix of pattern ids.
    id: &'static str,
    /// The heading (h3) and the table caption.
    title: &'static str,
    /// Header cells of the table: the row header's column, then one per cell.
    columns: Vec<&'static str>,
    /// The bars, top to bottom.
    rows: Vec<BarRow>,
    /// The value that fills the width; the largest row when `None`.
    #[prop(optional)]
    max: Option<f64>,
    /// Rows after this many go into a 「ほかのN件を表示」 disclosure, so long
    /// lists stay short; all rows when `None`.
    #[prop(optional)]
    visible: Option<usize>,
    /// The text for the hidden rows' disclosure.
    #[prop(optional)]
    more_label: Option<String>,
    /// Paragraphs between the heading and the bars: what is counted. Plain
    /// text rather than children, so each chart adds no view code of its own.
    notes: Vec<String>,
    /// Legend labels for a solid and a striped part, for charts with both.
    #[prop(optional)]
    legend: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let t = use_page_texts();
    let heading_id = format!("chart-{id}");
    let labelled_by = heading_id.clone();
    let max = max.unwrap_or_else(|| rows.iter().map(BarRow::total).fold(0.0, f64::max));
    let table = rows.clone();
    let split = visible.unwrap_or(rows.len()).min(rows.len());
    let mut bars: Vec<(usize, BarRow)> = rows.into_iter().enumerate().collect();
    let hidden = bars.split_off(split);
    let list = move |bars: Vec<(usize, BarRow)>| {
        view! {
            <ul class="bar-list" role="list">
                {bars
                    .into_iter()
                    .map(|(i, row)| view! { <Bar row pattern_id=format!("{id}-{i}") max/> })
                    .collect_view()}
            </ul>
        }
    };
    let more = (!hidden.is_empty()).then(|| {
        let label = more_label.unwrap_or_else(|| (t.show_more)(hidden.len()));
        view! {
            <details class="bar-more">
                <summary>{label}</summary>
                {list(hidden)}
            </details>
        }
    });
    view! {
        <section class="chart" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            <div class="chart-notes">
                {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                {legend.map(|(solid, striped)| view! {
                    <p class="legend">
                        <LegendSwatch id="solid" hatched=false label=solid/>
                        <LegendSwatch id="striped" hatched=true label=striped/>
                    </p>
                })}
            </div>
            {list(bars)}
            {more}
            <ChartTable id title columns rows=table/>
        </section>
    }
}

/// One bar: label and figure as text (the link's name), the bar as SVG.
#[component]
fn Bar(row: BarRow, pattern_id: String, max: f64) -> impl IntoView {
    let total = row.total();
    let mut start = 0.0;
    let segments = row
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.value > 0.0)
        .map(|(k, segment)| {
            let x = model::overview::bar_percent(start, max);
            start += segment.value;
            let width = model::overview::bar_percent(start, max) - x;
            let pattern = format!("hatch-{pattern_id}-{k}");
            let fill = if segment.hatched {
                format!("url(#{pattern})")
            } else {
                segment.fill.clone().unwrap_or_default()
            };
            let defs = segment.hatched.then(|| {
                view! { <defs><Hatch id=pattern fill=segment.fill.clone()/></defs> }
            });
            view! {
                {defs}
                <rect
                    class="bar-segment"
                    class:hatched=segment.hatched
                    x=percent(x)
                    y="0"
                    width=percent(width)
                    height="100%"
                    fill=(!fill.is_empty()).then_some(fill)
                />
            }
        })
        .collect_view();
    let content = view! {
        <span class="bar-head">
            {row.badge.map(|b| view! {
                <span class=b.class><span class="sdg-number">{b.text}</span></span>
            })}
            <span class="bar-label" lang=row.data_label.then_some("ja")>{row.label}</span>
            <span class="bar-value">{row.value_text}</span>
        </span>
        {row.detail.map(|d| view! { <span class="bar-detail">{d}</span> })}
        <svg class="bar-svg" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="100%" height="100%"/>
            {segments}
        </svg>
    };
    let class = format!("bar-item {}", row.class);
    // Without `href` the `<a>` is a placeholder: not a link, not focusable,
    // no role. One element for both cases keeps one copy of the view code.
    view! {
        <li class=class class:zero={total <= 0.0}>
            <a class="bar-row" href=row.href>{content}</a>
        </li>
    }
}

/// Diagonal stripes of the page background over `fill` (or the chart colour).
#[component]
fn Hatch(id: String, fill: Option<String>) -> impl IntoView {
    view! {
        <pattern id=id patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect class="hatch-ground" width="6" height="6" fill=fill/>
            <rect class="hatch-gap" width="2.5" height="6"/>
        </pattern>
    }
}

/// A legend entry: a swatch drawn like the bars, and its meaning.
#[component]
fn LegendSwatch(
    /// Unique on the page (pattern id).
    id: &'static str,
    /// Striped like an estimated part.
    hatched: bool,
    /// What the swatch means.
    label: &'static str,
) -> impl IntoView {
    let pattern = format!("hatch-legend-{id}");
    let fill = hatched.then(|| format!("url(#{pattern})"));
    view! {
        <span class="legend-entry">
            <svg class="legend-swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
                {hatched.then(|| view! { <defs><Hatch id=pattern.clone() fill=None/></defs> })}
                <rect class="bar-segment legend-fill" class:hatched=hatched x="0.5" y="0.5" width="23" height="15" fill=fill/>
            </svg>
            {label}
        </span>
    }
}

/// The chart's numbers as a table, behind a disclosure.
#[component]
fn ChartTable(
    id: &'static str,
    title: &'static str,
    columns: Vec<&'static str>,
    rows: Vec<BarRow>,
) -> impl IntoView {
    let t = use_page_texts();
    let (summary_id, caption_id) = (format!("chart-{id}-show"), format!("chart-{id}-caption"));
    // The chart's section already has the table's name: its scrolling box is
    // named 「数値を表で見る」 and the caption, so two regions never share one.
    let labelled_by = format!("{summary_id} {caption_id}");
    view! {
        <details class="chart-data">
            <summary id=summary_id>{t.show_table}</summary>
            <DataTable caption_id caption=title class="data-table" labelled_by>
                <thead>
                    <tr>
                        {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| view! {
                            <tr class=row.class>
                                <th scope="row">
                                    {row.badge.map(|b| format!("{} ", b.text))}
                                    <span lang=row.data_label.then_some("ja")>{row.label}</span>
                                </th>
                                {row.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </DataTable>
        </details>
    }
}

/// A percentage for an SVG length attribute, to 0.01 %. Integer formatting:
/// `{:.2}` on an `f64` would add Rust's float printing code to the wasm.
pub fn percent(value: f64) -> String {
    let hundredths = (value.clamp(0.0, 100.0) * 100.0).round() as u32;
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}
