//! An item's fields as the source document's item table: facts, texts, plan
//! positions, and plan against result by year. The item page shows it, and
//! the compilation prints a whole edition with it.

use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::components::sdg::SdgBadges;
use crate::components::text_list::TextList;
use crate::i18n::use_page_texts;
use crate::t;
use model::drafts::FieldPath;
use model::{Item, SdgCell};

/// The item's fields in the source document's item table (facts, texts,
/// plan positions, plan against result by year), for a page or a printout.
/// Place it directly inside an `.item-detail` element: the print layout
/// orders its parts as the document does.
#[component]
pub fn ItemTable(
    item: Item,
    /// The id of the element that names the item (its heading): it names the
    /// year table's scroll region too, so a page of many items has distinct regions.
    item_heading: String,
    /// Fields the edition changed, each with whether it was empty before.
    changed: Vec<(FieldPath, bool)>,
) -> impl IntoView {
    let t = use_page_texts();
    view! {
        <ItemFacts item=item.clone()/>
        <Field kind="overview" heading=t!(t, overview_field) entries=item.overview.clone()/>
        <Field kind="current-status" heading=t!(t, current_status_field) entries=item.current_status.clone()/>
        <Field kind="measures" heading=t!(t, measures_field) entries=item.measures.clone()/>
        <Field kind="target-state" heading=t!(t, target_state_field) entries=item.target_state.clone()/>
        <PlanPositions item=item.clone()/>
        <YearTable item item_heading changed/>
    }
}

#[component]
fn Field(
    /// Which field (a class, so the print layout can order the fields as the document does).
    kind: &'static str,
    heading: &'static str,
    entries: Vec<String>,
) -> impl IntoView {
    view! {
        <section class=format!("field field-{kind}")>
            <h3>{heading}</h3>
            <TextList entries/>
        </section>
    }
}

/// Who is responsible, where it sits in the document, and its SDG goals.
#[component]
fn ItemFacts(item: Item) -> impl IntoView {
    let t = use_page_texts();
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
                <dd lang="ja" data-highlight="">{item.bureaus.join(t.name_separator)}</dd>
            </div>
            <div class="facts-sections">
                <dt>{t!(t, sections)}</dt>
                <dd lang="ja" data-highlight="">{item.sections.join(t.name_separator)}</dd>
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
fn PlanPositions(item: Item) -> impl IntoView {
    let t = use_page_texts();
    let general: Vec<String> = item
        .general_plan
        .iter()
        .map(|p| (t.plan_reference)(&p.reference, &p.title))
        .collect();
    let smart: Vec<String> = item
        .smart_city
        .iter()
        .map(|s| match s.number {
            Some(n) => (t.numbered)(n, &s.title),
            None => s.title.clone(),
        })
        .collect();
    let smart_none = item.smart_city_none.clone();
    view! {
        <section class="field field-general-plan">
            <h3>{t!(t, general_plan)}</h3>
            <TextList entries=general/>
        </section>
        <section class="field field-smart-city">
            <h3>{t!(t, smart_city)}</h3>
            {match smart_none {
                Some(_) if smart.is_empty() => view! { <p>{t!(t, smart_city_none)}</p> }.into_any(),
                _ => view! { <TextList entries=smart/> }.into_any(),
            }}
        </section>
    }
}

/// Plan against result for 令和3〜7年度; years without a reported result say so.
#[component]
fn YearTable(
    item: Item,
    item_heading: String,
    /// Fields this edition changed, each with whether it was empty before.
    changed: Vec<(FieldPath, bool)>,
) -> impl IntoView {
    let t = use_page_texts();
    // Unique per item: a printout of a whole edition holds every item's table.
    let heading_id = format!("years-heading-{}", item.no);
    let region_label = format!("{item_heading} {heading_id}");
    let caption_id = format!("years-caption-{}", item.no);
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
                    <td>{mark(FieldPath::Plan(year.year))}<TextList entries=year.plan/></td>
                    <td>
                        {mark(FieldPath::Result(year.year))}
                        {match year.result {
                            Some(result) => view! { <TextList entries=result/> }.into_any(),
                            None => view! { <p class="no-result-text">{t!(t, no_result)}</p> }.into_any(),
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="field years">
            <h3 id=heading_id.clone()>{t!(t, years_heading)}</h3>
            <DataTable
                caption_id=caption_id
                caption=t.years_caption
                class="year-table"
                hidden_caption=true
                labelled_by=region_label
            >
                <thead>
                    <tr>
                        <th scope="col">{t!(t, year)}</th>
                        <th scope="col">{t!(t, plan)}</th>
                        <th scope="col">{t!(t, result)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </DataTable>
            <p class="hint">{(t.results_note)(crate::data::edition_label())}</p>
        </section>
    }
}

/// Where the document's table of contents reads differently from the item table.
#[component]
pub fn SourceNotes(item: Item) -> impl IntoView {
    let t = use_page_texts();
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
