//! 「概要」: the programme at a glance. Each chart's bars open the list
//! filtered to the items they count; the indicators and effect amounts are
//! listed in full with links to their items.

use std::collections::BTreeSet;

use leptos::prelude::*;
use model::filter::Query;
use model::indicators::{applicable_target, Indicator};
use model::overview::{
    bureau_counts, category_counts, indicator_rows, results_by_year, sdg_counts, section_counts,
    sort_rows, status_summary, SortKey, SortOrder,
};
use model::view_state::{Screen, ViewState};

use crate::components::chart::{Badge, BarChart, BarRow, Segment};
use crate::components::indicators::{year_label, StatusLabel};
use crate::data::{app_data, indicators};
use crate::url::href;

/// A link to the list filtered by `query` (nothing else carried over: the
/// chart counts the whole programme, so the list must start from it too).
fn list_href(query: Query) -> String {
    href(&ViewState {
        query,
        screen: Screen::List,
        shared_bookmarks: None,
    })
}

/// A set of one value (built by insertion: `BTreeSet::from([v])` sorts,
/// which adds sorting code to the wasm for every element type).
fn one<T: Ord>(value: T) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.insert(value);
    set
}

fn item_href(no: u32) -> String {
    href(&ViewState {
        screen: Screen::Item(no),
        ..ViewState::default()
    })
}

/// The overview page.
#[component]
pub fn OverviewScreen() -> impl IntoView {
    let total = app_data().dataset.items.len();
    view! {
        // The overview's text is Japanese only (not in the i18n tables yet),
        // so it says so even when the interface language is English.
        <div class="overview" lang="ja">
            <h2>"概要"</h2>
            <p class="overview-lead">
                {format!(
                    "アクションプログラムの全{total}項目を、柱・分類、担当、SDGsの目標、実績の報告状況ごとに数えたグラフです。"
                )}
                "グラフの各行を選ぶと、その項目だけの一覧を開きます。"
            </p>
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
    let dataset = &app_data().dataset;
    let categories: usize = dataset.pillars.iter().map(|p| p.categories.len()).sum();
    let figures = [
        ("取組項目", format!("{}項目", dataset.items.len())),
        ("改革の柱", format!("{}", dataset.pillars.len())),
        ("分類", format!("{categories}")),
        ("担当部局", format!("{}", bureau_counts(dataset).len())),
        ("担当課所", format!("{}", section_counts(dataset).len())),
        (
            "数値で追える指標",
            format!("{}", indicators().indicators.len()),
        ),
        ("効果額の記載", format!("{}件", indicators().effects.len())),
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

#[component]
fn CategoryChart() -> impl IntoView {
    let dataset = &app_data().dataset;
    let categories: usize = dataset.pillars.iter().map(|p| p.categories.len()).sum();
    let note = format!(
        "{}つの改革の柱と、その下の{categories}の分類です（分類は字下げして示します）。",
        dataset.pillars.len()
    );
    let rows = category_counts(dataset)
        .into_iter()
        .map(|c| {
            let query = Query {
                categories: one(c.value),
                ..Query::default()
            };
            let mut row = BarRow::count(c.label, c.count, Some(list_href(query)));
            row.class = if c.depth > 0 { "sub" } else { "pillar" }.to_string();
            row
        })
        .collect();
    view! {
        <BarChart
            id="categories"
            title="柱・分類ごとの項目数"
            columns=vec!["柱・分類", "項目数"]
            rows
            notes=vec![note]
        />
    }
}

#[component]
fn BureauChart() -> impl IntoView {
    let dataset = &app_data().dataset;
    let note = format!(
        "複数の部局が担当する項目は、それぞれの部局に数えています（合計は{}を超えます）。",
        dataset.items.len()
    );
    let rows = bureau_counts(dataset)
        .into_iter()
        .map(|c| {
            let query = Query {
                bureaus: one(c.value),
                ..Query::default()
            };
            BarRow::count(c.label, c.count, Some(list_href(query)))
        })
        .collect();
    view! {
        <BarChart
            id="bureaus"
            title="担当部局ごとの項目数"
            columns=vec!["担当部局", "項目数"]
            rows
            notes=vec![note]
        />
    }
}

#[component]
fn SectionChart() -> impl IntoView {
    let counts = section_counts(&app_data().dataset);
    // The many sections with a single item would make the chart very long:
    // they are behind a disclosure, still one link each.
    let several = counts.iter().filter(|c| c.count > 1).count();
    let more_label = format!("担当が1項目の課所（{}課所）を表示", counts.len() - several);
    let rows = counts
        .into_iter()
        .map(|c| {
            let query = Query {
                sections: one(c.value),
                ..Query::default()
            };
            BarRow::count(c.label, c.count, Some(list_href(query)))
        })
        .collect();
    view! {
        <BarChart
            id="sections"
            title="担当課所ごとの項目数"
            columns=vec!["担当課所", "項目数"]
            rows
            visible=several
            more_label
            notes=vec!["複数の課所が担当する項目は、それぞれの課所に数えています。".into()]
        />
    }
}

#[component]
fn SdgChart() -> impl IntoView {
    let dataset = &app_data().dataset;
    let documented = dataset
        .items
        .iter()
        .filter(|i| i.sdgs.basis == model::SdgBasis::Document)
        .count();
    let rows = sdg_counts(dataset)
        .into_iter()
        .map(|c| {
            let goal = dataset.sdg_goal(c.goal);
            let name = goal.map_or_else(|| format!("目標{}", c.goal), |g| g.name.clone());
            let fill = goal.map(|g| g.color.clone());
            let total = c.total();
            let query = Query {
                sdgs: one(c.goal),
                ..Query::default()
            };
            BarRow {
                label: name,
                value_text: format!("{total}件"),
                detail: Some(if total > 0 {
                    format!("資料に記載 {}件・推定 {}件", c.document, c.estimated)
                } else {
                    "該当する項目なし".to_string()
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
                    format!("{}件", c.document),
                    format!("{}件", c.estimated),
                    format!("{total}件"),
                ],
            }
        })
        .collect();
    view! {
        <BarChart
            id="sdgs"
            title="SDGsの目標ごとの項目数"
            columns=vec!["SDGsの目標", "資料に記載", "推定", "計"]
            rows
            notes=vec![format!(
                "資料に目標名が文字で記載されているのは{documented}項目だけです。ほかの項目の目標は、資料ではアイコンのみで示され文字として残っていないため、取組内容から推定しました。棒の塗りつぶしの部分が資料に記載、斜線の部分が推定です。"
            )]
            legend=("資料に記載", "推定")
        />
    }
}

#[component]
fn ResultYearChart() -> impl IntoView {
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
                year_label(y.year),
                y.count,
                (y.count > 0).then(|| list_href(query)),
            );
            row.value_text = format!("{}件／{total}件", y.count);
            if y.count == 0 {
                row.detail = Some("まだ報告されていません".to_string());
                row.cells = vec!["0件（まだ報告されていません）".to_string()];
            }
            row
        })
        .collect();
    view! {
        <BarChart
            id="results"
            title="年度ごとの実績の報告状況"
            columns=vec!["年度", "実績を報告した項目数"]
            rows
            max=total as f64
            notes=vec![
                "計画は令和3〜7年度の5年間です。この資料（令和4年度末の取組状況）に実績が載っているのは令和3・4年度分だけで、令和5〜7年度の実績はまだありません。".into(),
            ]
        />
    }
}

/// Sortable table of every indicator's latest status.
#[component]
fn IndicatorTable() -> impl IntoView {
    let data = indicators();
    let summary = status_summary(&indicator_rows(data))
        .into_iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join("、");
    let (sort, set_sort) = signal((SortKey::Item, SortOrder::Ascending));
    let (announce, set_announce) = signal(String::new());
    let header = move |key: SortKey, label: &'static str| {
        let aria = move || {
            let (k, order) = sort.get();
            (k == key).then(|| order.aria())
        };
        let arrow = move || match sort.get() {
            (k, SortOrder::Ascending) if k == key => "▲",
            (k, SortOrder::Descending) if k == key => "▼",
            _ => "⇅",
        };
        let on_click = move |_| {
            let (k, order) = sort.get_untracked();
            let next = if k == key {
                (key, order.flipped())
            } else {
                (key, SortOrder::Ascending)
            };
            set_sort.set(next);
            let direction = match next.1 {
                SortOrder::Ascending => "昇順",
                SortOrder::Descending => "降順",
            };
            set_announce.set(format!("{label}の{direction}で並べ替えました"));
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort-button" on:click=on_click>
                    {label}
                    <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    let rows = move || {
        let (key, order) = sort.get();
        let mut rows = indicator_rows(data);
        sort_rows(&mut rows, key, order);
        rows.into_iter()
            .map(|row| {
                let indicator = &data.indicators[row.index];
                let title = app_data()
                    .dataset
                    .item(row.item)
                    .map(|i| i.title.clone())
                    .unwrap_or_default();
                view! {
                    <tr>
                        <td class="col-item">
                            <a href=item_href(row.item)>{format!("No.{} {title}", row.item)}</a>
                        </td>
                        <th scope="row" class="col-name">{row.name}</th>
                        <td>{result_text(indicator, row.year)}</td>
                        <td>{target_text(indicator, row.year)}</td>
                        <td class="col-status"><StatusLabel status=row.status year=row.year/></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="chart indicator-table-section" aria-labelledby="indicator-table-heading">
            <h3 id="indicator-table-heading">"数値目標と実績（指標）の一覧"</h3>
            <div class="chart-notes">
                <p>
                    "資料の取組計画（数値目標）と実績から数値で追える指標です。状態は最新の実績の年度について、"
                    "同じ年度の目標と比べたものです（ほかの年度の目標は当てはめていません）。"
                </p>
                <p>{format!("{}指標の最新の状態：{summary}", data.indicators.len())}</p>
                <p class="hint">"列の見出しのボタンで並べ替えられます。"</p>
            </div>
            // The scrolling box is focusable so keyboard users can scroll it on
            // a phone; it is named after the table, not the section.
            <div class="table-scroll" role="region" aria-labelledby="indicator-table-caption" tabindex="0">
                <table class="data-table indicator-table">
                    <caption id="indicator-table-caption">"指標と最新の状態"</caption>
                    <thead>
                        <tr>
                            {header(SortKey::Item, "項目")}
                            {header(SortKey::Name, "指標")}
                            <th scope="col">"最新の実績"</th>
                            <th scope="col">"同じ年度の目標"</th>
                            {header(SortKey::Status, "状態")}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="visually-hidden" role="status">{announce}</p>
        </section>
    }
}

/// 「令和4年度 99.41%」, or 「なし」.
fn result_text(indicator: &Indicator, year: u8) -> String {
    indicator
        .results
        .iter()
        .find(|r| r.year == year)
        .map_or_else(
            || "なし".to_string(),
            |r| format!("{} {}", year_label(year), r.display),
        )
}

/// The target of the same year, or 「なし」 (with the years that have one).
fn target_text(indicator: &Indicator, year: u8) -> String {
    match applicable_target(indicator, year) {
        Some(t) => t.display.clone(),
        None if indicator.targets.is_empty() => "なし".to_string(),
        None => {
            let years: Vec<String> = indicator
                .targets
                .iter()
                .map(|t| year_label(t.year))
                .collect();
            format!("なし（目標は{}）", years.join("・"))
        }
    }
}

/// Every effect amount with its item.
#[component]
fn EffectTable() -> impl IntoView {
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
                    <td class="col-item"><a href=item_href(e.item)>{format!("No.{} {title}", e.item)}</a></td>
                    <td>{e.year.map_or_else(|| "記載なし".to_string(), year_label)}</td>
                    <th scope="row" class="col-amount">{e.display.clone()}</th>
                    <td>{e.description.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="chart effect-table-section" aria-labelledby="effect-table-heading">
            <h3 id="effect-table-heading">"効果額"</h3>
            <div class="chart-notes">
                <p>
                    "実績に記載された効果額です。単位や試算の前提（期間・範囲）が項目ごとに異なるため、"
                    "合計やグラフにはせず、資料の表記のまま示します。"
                </p>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="effect-table-caption" tabindex="0">
                <table class="data-table effect-table">
                    <caption id="effect-table-caption">"効果額の一覧"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"項目"</th>
                            <th scope="col">"年度"</th>
                            <th scope="col">"効果額（資料の表記）"</th>
                            <th scope="col">"内容"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
