//! One item's full table, laid out for reading and printing.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use model::drafts::FieldPath;
use model::search;
use model::view_state::{Screen, ViewState};
use model::{Item, SdgCell};

use crate::components::bookmark::BookmarkButton;
use crate::components::highlight::Highlighted;
use crate::components::indicators::ItemIndicators;
use crate::components::page_tools::PageTools;
use crate::components::sdg::SdgBadges;
use crate::components::text_list::TextList;
use crate::data::{app_data, edition_changes, nfkc};
use crate::staff::{item_as_shown, ItemEditorSlot};
use crate::url::{href, use_view_state};

/// The detail view of item `no`.
#[component]
pub fn ItemScreen(
    /// The item number (1..=61).
    no: u32,
    /// Move keyboard focus to the heading (when arriving from another screen).
    focus_heading: bool,
) -> impl IntoView {
    let t = use_texts();
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
                <h2>{move || (t.not_found)(no)}</h2>
                <p><a href=back_href>{t!(t, back_to_list)}</a></p>
            </div>
        }
        .into_any();
    };
    // Fields this edition changed, marked for readers of the previous one.
    let changed = edition_changes().of_item(no);
    let changes_note = edition_changes()
        .previous
        .as_ref()
        .filter(|_| !changed.is_empty())
        .map(|previous| {
            let fields: Vec<String> = changed.iter().map(|(path, _)| (t.field_label)(*path)).collect();
            view! { <p class="notice notice-info edition-changes">{(t.changed_since)(previous, &fields)}</p> }
        });
    // Staff mode can show the item with this device's drafts applied.
    let (shown_item, draft_switch) = item_as_shown(item.clone());
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
            <nav class="breadcrumb" aria-label=t!(t, breadcrumb)>
                <a href=back_href>{t!(t, nav_list)}</a>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{format!("({}) {}", item.pillar.code, item.pillar.name)}</span>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{format!("{} {}", item.category.code, item.category.name)}</span>
            </nav>
            <h2 id="item-heading" tabindex="-1" node_ref=heading_ref>
                <span class="item-no">{format!("No.{}", item.no)}</span>
                " "
                <span lang="ja"><Highlighted text=item.title.clone() terms/></span>
            </h2>
            <div class="item-actions">
                <BookmarkButton no=item.no title=item.title.clone()/>
                <PageTools print_label=t!(t, print_item)/>
            </div>
            {changes_note}
            {draft_switch}
            {move || {
                let item = shown_item.get();
                view! {
                    <ItemFacts item=item.clone() terms/>
                    <Field kind="overview" heading=t!(t, overview_field) entries=item.overview.clone() terms/>
                    <Field kind="current-status" heading=t!(t, current_status_field) entries=item.current_status.clone() terms/>
                    <Field kind="measures" heading=t!(t, measures_field) entries=item.measures.clone() terms/>
                    <Field kind="target-state" heading=t!(t, target_state_field) entries=item.target_state.clone() terms/>
                    <PlanPositions item=item.clone() terms/>
                    <YearTable item=item.clone() terms changed=changed.clone()/>
                }
            }}
            <ItemIndicators no=item.no/>
            <SourceNotes item=item.clone()/>
            <ItemEditorSlot item=item.clone()/>
            <PrevNext no=item.no/>
        </article>
    }
    .into_any()
}

#[component]
fn Field(
    /// Which field (a class, so the print layout can order the fields as the document does).
    kind: &'static str,
    heading: &'static str,
    entries: Vec<String>,
    terms: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <section class=format!("field field-{kind}")>
            <h3>{heading}</h3>
            <TextList entries terms/>
        </section>
    }
}

/// Who is responsible, where it sits in the document, and its SDG goals.
#[component]
fn ItemFacts(item: Item, terms: Signal<Vec<String>>) -> impl IntoView {
    let t = use_texts();
    let cell = item.sdgs.cell;
    let sdg_note = move || match cell {
        SdgCell::Named => t.sdg_documented_note,
        SdgCell::Icons => t.sdg_estimated_note,
        SdgCell::Empty => t.sdg_empty_note,
    };
    let rationale = item.sdgs.rationale.clone().unwrap_or_default();
    view! {
        <dl class="facts">
            <div class="facts-bureaus">
                <dt>{t!(t, bureaus)}</dt>
                <dd lang="ja"><Highlighted text=item.bureaus.join("・") terms/></dd>
            </div>
            <div class="facts-sections">
                <dt>{t!(t, sections)}</dt>
                <dd lang="ja"><Highlighted text=item.sections.join("・") terms/></dd>
            </div>
            <div class="facts-page">
                <dt>{t!(t, source_page)}</dt>
                <dd>{move || (t.page_number)(item.page)}</dd>
            </div>
            <div class="facts-sdgs">
                <dt>{t!(t, sdg_goals)}</dt>
                <dd>
                    {if item.sdgs.goals.is_empty() {
                        view! { <p>{t!(t, no_entry)}</p> }.into_any()
                    } else {
                        view! { <SdgBadges sdgs=item.sdgs.clone() with_names=true/> }.into_any()
                    }}
                    <p class="sdg-basis">{sdg_note} " " <span lang="ja">{rationale}</span></p>
                </dd>
            </div>
        </dl>
    }
}

/// Positions in the city's general plan and smart-city plan.
#[component]
fn PlanPositions(item: Item, terms: Signal<Vec<String>>) -> impl IntoView {
    let t = use_texts();
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
        <section class="field field-general-plan">
            <h3>{t!(t, general_plan)}</h3>
            <TextList entries=general terms/>
        </section>
        <section class="field field-smart-city">
            <h3>{t!(t, smart_city)}</h3>
            {match smart_none {
                Some(_) if smart.is_empty() => view! { <p>{t!(t, smart_city_none)}</p> }.into_any(),
                _ => view! { <TextList entries=smart terms/> }.into_any(),
            }}
        </section>
    }
}

/// Plan against result for 令和3〜7年度; years without a reported result say so.
#[component]
fn YearTable(
    item: Item,
    terms: Signal<Vec<String>>,
    /// Fields this edition changed, each with whether it was empty before.
    changed: Vec<(FieldPath, bool)>,
) -> impl IntoView {
    let t = use_texts();
    let mark = move |path: FieldPath| {
        changed.iter().find(|(p, _)| *p == path).map(|(_, new)| {
            view! {
                <span class="change-mark">{if *new { t.change_new } else { t.change_updated }}</span>
            }
        })
    };
    let rows = item
        .years
        .into_iter()
        .map(|year| {
            let has_result = year.result.is_some();
            view! {
                <tr class:no-result=!has_result>
                    <th scope="row" lang="ja">{year.label}</th>
                    <td>{mark(FieldPath::Plan(year.year))}<TextList entries=year.plan terms/></td>
                    <td>
                        {mark(FieldPath::Result(year.year))}
                        {match year.result {
                            Some(result) => view! { <TextList entries=result terms/> }.into_any(),
                            None => view! { <p class="no-result-text">{t!(t, no_result)}</p> }.into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="field years">
            <h3 id="years-heading">{t!(t, years_heading)}</h3>
            <div class="table-scroll" role="region" aria-labelledby="years-heading" tabindex="0">
                <table class="year-table">
                    <caption class="visually-hidden">{t!(t, years_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(t, year)}</th>
                            <th scope="col">{t!(t, plan)}</th>
                            <th scope="col">{t!(t, result)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{t!(t, results_note)}</p>
        </section>
    }
}

/// Where the document's table of contents reads differently from the item table.
#[component]
fn SourceNotes(item: Item) -> impl IntoView {
    let t = use_texts();
    (!item.differences.is_empty()).then(|| {
        view! {
            <section class="field source-notes">
                <h3>{t!(t, toc_differences)}</h3>
                <ul>
                    {item
                        .differences
                        .into_iter()
                        .map(|d| view! {
                            <li>
                                <span lang="ja">{(t.toc_vs_table)(&d.toc, &d.table)}</span>
                                <br/>
                                <span class="hint" lang="ja">{d.note}</span>
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
    let t = use_texts();
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
        <nav class="prev-next" aria-label=t!(t, prev_next)>
            {(no > 1).then(|| view! {
                <a class="prev" href=move || link(no - 1) rel="prev">
                    <span class="dir">{t!(t, previous_item)}</span>
                    <span lang="ja">{format!("No.{} {}", no - 1, title(no - 1))}</span>
                </a>
            })}
            {(no < count).then(|| view! {
                <a class="next" href=move || link(no + 1) rel="next">
                    <span class="dir">{t!(t, next_item)}</span>
                    <span lang="ja">{format!("No.{} {}", no + 1, title(no + 1))}</span>
                </a>
            })}
        </nav>
    }
}
