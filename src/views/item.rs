//! One item's full table, laid out for reading and printing.

use leptos::html;
use leptos::prelude::*;
use model::search;
use model::view_state::{Screen, ViewState};
use model::{Item, SdgBasis};

use crate::components::bookmark::BookmarkButton;
use crate::components::highlight::Highlighted;
use crate::components::indicators::ItemIndicators;
use crate::components::page_tools::PageTools;
use crate::components::sdg::SdgBadges;
use crate::components::text_list::TextList;
use crate::data::{app_data, nfkc};
use crate::url::{href, use_view_state};

/// The detail view of item `no`.
#[component]
pub fn ItemScreen(
    /// The item number (1..=61).
    no: u32,
    /// Move keyboard focus to the heading (when arriving from another screen).
    focus_heading: bool,
) -> impl IntoView {
    let state = use_view_state();
    let terms = Signal::derive(move || state.with(|s| search::terms(&s.query.text, nfkc)));
    let back_href = move || {
        href(&ViewState {
            screen: Screen::List,
            ..state.get()
        })
    };
    let Some(item) = app_data().dataset.item(no) else {
        return view! {
            <div class="not-found">
                <h2>{format!("No.{no} の取組項目は見つかりません")}</h2>
                <p><a href=back_href>"一覧に戻る"</a></p>
            </div>
        }
        .into_any();
    };
    let heading_ref = NodeRef::<html::H2>::new();
    // Move focus to the heading so keyboard and screen-reader users land on
    // the new content, not on the link they activated in the list.
    Effect::new(move |_| {
        if let Some(heading) = heading_ref.get().filter(|_| focus_heading) {
            let _ = heading.focus();
        }
    });

    view! {
        <article class="item-detail" aria-labelledby="item-heading">
            <nav class="breadcrumb" aria-label="現在位置">
                <a href=back_href>"取組項目一覧"</a>
                <span aria-hidden="true">" › "</span>
                {format!("({}) {}", item.pillar.code, item.pillar.name)}
                <span aria-hidden="true">" › "</span>
                {format!("{} {}", item.category.code, item.category.name)}
            </nav>
            <h2 id="item-heading" tabindex="-1" node_ref=heading_ref>
                <span class="item-no">{format!("No.{}", item.no)}</span>
                " "
                <Highlighted text=item.title.clone() terms/>
            </h2>
            <div class="item-actions">
                <BookmarkButton no=item.no title=item.title.clone()/>
                <PageTools print_label="この項目を印刷"/>
            </div>
            <ItemFacts item=item.clone() terms/>
            <Field heading="改革の概要" entries=item.overview.clone() terms/>
            <Field heading="これまでの実績・課題" entries=item.current_status.clone() terms/>
            <Field heading="課題解決のための取組内容・改革手段" entries=item.measures.clone() terms/>
            <Field heading="5年後の改革達成形態・成果目標（効果額）" entries=item.target_state.clone() terms/>
            <PlanPositions item=item.clone() terms/>
            <YearTable item=item.clone() terms/>
            <ItemIndicators no=item.no/>
            <SourceNotes item=item.clone()/>
            <PrevNext no=item.no/>
        </article>
    }
    .into_any()
}

#[component]
fn Field(heading: &'static str, entries: Vec<String>, terms: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <section class="field">
            <h3>{heading}</h3>
            <TextList entries terms/>
        </section>
    }
}

/// Who is responsible, where it sits in the document, and its SDG goals.
#[component]
fn ItemFacts(item: Item, terms: Signal<Vec<String>>) -> impl IntoView {
    let sdg_note = match item.sdgs.basis {
        SdgBasis::Document => "原資料に目標名の記載があります。".to_string(),
        SdgBasis::Estimated => format!(
            "原資料ではアイコンのみで示され、文字として残っていないため推定しています。{}",
            item.sdgs.rationale.clone().unwrap_or_default()
        ),
    };
    view! {
        <dl class="facts">
            <div>
                <dt>"担当部局"</dt>
                <dd><Highlighted text=item.bureaus.join("・") terms/></dd>
            </div>
            <div>
                <dt>"担当課所"</dt>
                <dd><Highlighted text=item.sections.join("・") terms/></dd>
            </div>
            <div>
                <dt>"原資料のページ"</dt>
                <dd>{format!("{}ページ", item.page)}</dd>
            </div>
            <div class="facts-sdgs">
                <dt>"SDGsの目標"</dt>
                <dd>
                    {if item.sdgs.goals.is_empty() {
                        view! { <p>"記載なし"</p> }.into_any()
                    } else {
                        view! { <SdgBadges sdgs=item.sdgs.clone() with_names=true/> }.into_any()
                    }}
                    <p class="sdg-basis">{sdg_note}</p>
                </dd>
            </div>
        </dl>
    }
}

/// Positions in the city's general plan and smart-city plan.
#[component]
fn PlanPositions(item: Item, terms: Signal<Vec<String>>) -> impl IntoView {
    let general: Vec<String> = item
        .general_plan
        .iter()
        .map(|p| format!("【{}】 {}", p.reference, p.title))
        .collect();
    let smart: Vec<String> = item
        .smart_city
        .iter()
        .map(|s| match s.number {
            Some(n) => format!("{n}. {}", s.title),
            None => s.title.clone(),
        })
        .collect();
    let smart_none = item.smart_city_none.clone();
    view! {
        <section class="field">
            <h3>"「第二次上田市総合計画」における位置付け"</h3>
            <TextList entries=general terms/>
        </section>
        <section class="field">
            <h3>"「スマートシティ化推進計画」における位置付け"</h3>
            {match smart_none {
                Some(_) if smart.is_empty() => view! { <p>"該当なし（原資料では「—」）"</p> }.into_any(),
                _ => view! { <TextList entries=smart terms/> }.into_any(),
            }}
        </section>
    }
}

/// Plan against result for 令和3〜7年度; years without a reported result say so.
#[component]
fn YearTable(item: Item, terms: Signal<Vec<String>>) -> impl IntoView {
    let rows = item
        .years
        .into_iter()
        .map(|year| {
            let has_result = year.result.is_some();
            view! {
                <tr class:no-result=!has_result>
                    <th scope="row">{year.label}</th>
                    <td><TextList entries=year.plan terms/></td>
                    <td>
                        {match year.result {
                            Some(result) => view! { <TextList entries=result terms/> }.into_any(),
                            None => view! { <p class="no-result-text">"実績の報告なし"</p> }.into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="field years">
            <h3 id="years-heading">"年度別の取組計画と実績"</h3>
            <div class="table-scroll" role="region" aria-labelledby="years-heading" tabindex="0">
                <table class="year-table">
                    <caption class="visually-hidden">"令和3年度から令和7年度までの取組計画（数値目標）と実績（効果額）"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"年度"</th>
                            <th scope="col">"取組計画（数値目標）"</th>
                            <th scope="col">"実績（効果額）"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">"実績は令和4年度末時点で公表されている令和3・4年度分です。"</p>
        </section>
    }
}

/// Where the document's table of contents reads differently from the item table.
#[component]
fn SourceNotes(item: Item) -> impl IntoView {
    (!item.differences.is_empty()).then(|| {
        view! {
            <section class="field source-notes">
                <h3>"原資料の目次との違い"</h3>
                <ul>
                    {item
                        .differences
                        .into_iter()
                        .map(|d| view! {
                            <li>
                                {format!("目次：{}／表：{}", d.toc, d.table)}
                                <br/>
                                <span class="hint">{d.note}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn PrevNext(no: u32) -> impl IntoView {
    let state = use_view_state();
    let count = app_data().dataset.items.len() as u32;
    let link = move |target: u32| {
        href(&ViewState {
            screen: Screen::Item(target),
            ..state.get()
        })
    };
    let title = |target: u32| {
        app_data()
            .dataset
            .item(target)
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    view! {
        <nav class="prev-next" aria-label="前後の取組項目">
            {(no > 1).then(|| view! {
                <a class="prev" href=move || link(no - 1) rel="prev">
                    <span class="dir">"前の項目"</span>
                    {format!("No.{} {}", no - 1, title(no - 1))}
                </a>
            })}
            {(no < count).then(|| view! {
                <a class="next" href=move || link(no + 1) rel="next">
                    <span class="dir">"次の項目"</span>
                    {format!("No.{} {}", no + 1, title(no + 1))}
                </a>
            })}
        </nav>
    }
}
