//! 「課所の報告」 (`?view=workbench`): a section's yearly report. The staff
//! member chooses the section once (remembered on the device); the screen
//! lists its items with the fields reported that year, autosaved as drafts,
//! counts what is done, and exports the report for the coordinating section.

use leptos::prelude::*;
use model::drafts::{self, FieldPath};
use model::view_state::{Screen, ViewState};
use model::Item;

use super::import_tool::{ImportTool, ValueView};
use super::item_edit::{FieldEditor, SavedState};
use crate::data::app_data;
use crate::download::{save_bytes, save_file};
use crate::i18n::staff::use_staff_texts;
use crate::i18n::use_page_texts;
use crate::storage::drafts::use_draft_store;
use crate::storage::use_user_data;
use crate::url::href;

/// The MIME type of an `.xlsx` workbook.
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The section report screen.
#[component]
pub fn Workbench() -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let user = use_user_data();
    let section = Memo::new(move |_| user.settings.with(|st| st.staff_section.clone()));
    let year = Memo::new(move |_| {
        user.settings
            .with(|st| st.reporting_year)
            .unwrap_or_else(|| drafts::next_reporting_year(&app_data().dataset.meta.status_as_of))
    });
    view! {
        <article class="workbench" aria-labelledby="workbench-heading">
            <h2 id="workbench-heading" tabindex="-1">{t.workbench_heading}</h2>
            <p class="hint">{s.workbench_intro}</p>
            <ReportSettings section year/>
            {move || match section.get() {
                Some(name) => view! { <SectionReport section=name year/> }.into_any(),
                None => view! { <p class="no-results">{s.no_section_yet}</p> }.into_any(),
            }}
        </article>
    }
}

/// The section and the year, both remembered in the device's settings.
#[component]
fn ReportSettings(section: Memo<Option<String>>, year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    let user = use_user_data();
    let sections = drafts::sections(&app_data().dataset);
    let choose_section = move |ev| {
        let chosen = event_target_value(&ev);
        user.update_settings(|st| st.staff_section = (!chosen.is_empty()).then_some(chosen));
    };
    view! {
        <div class="workbench-settings">
            <label>
                <span>{s.section_label}</span>
                <select on:change=choose_section prop:value=move || section.get().unwrap_or_default()>
                    <option value="">{s.choose_section}</option>
                    {sections
                        .into_iter()
                        .map(|found| {
                            let label = (s.section_option)(&found.name, found.items.len());
                            view! { <option value=found.name lang="ja">{label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <YearChoice year/>
        </div>
    }
}

/// The reporting year, remembered in the device's settings (the section
/// report and the compilation share it).
#[component]
pub(super) fn YearChoice(year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    let user = use_user_data();
    let choose_year = move |ev| {
        let chosen = event_target_value(&ev).parse::<u8>().ok();
        user.update_settings(|st| st.reporting_year = chosen);
    };
    view! {
        <label>
            <span>{s.year_label}</span>
            <select on:change=choose_year prop:value=move || year.get().to_string()>
                {drafts::reporting_years()
                    .map(|y| view! { <option value=y.to_string()>{(s.year_option)(y)}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The year being reported: the device's choice, or the year after the
/// edition's results.
pub(super) fn reporting_year() -> Memo<u8> {
    let user = use_user_data();
    Memo::new(move |_| {
        user.settings
            .with(|st| st.reporting_year)
            .unwrap_or_else(|| drafts::next_reporting_year(&app_data().dataset.meta.status_as_of))
    })
}

/// One section's report on the chosen year: progress, its items, the files.
#[component]
fn SectionReport(section: String, year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    let store = use_draft_store();
    let dataset = &app_data().dataset;
    let items: Vec<Item> = drafts::items_of(dataset, &section)
        .into_iter()
        .cloned()
        .collect();
    let name = StoredValue::new(section);
    let progress = Memo::new(move |_| {
        store
            .drafts
            .with(|d| name.with_value(|section| drafts::progress(dataset, d, section, year.get())))
    });
    view! {
        <p class="workbench-progress">
            {move || progress.with(|p| (s.progress)(p.done, p.total))}
        </p>
        <SavedState/>
        {move || {
            // A change of year shows the other year's fields.
            let year = year.get();
            items
                .iter()
                .map(|item| {
                    let section = name.get_value();
                    view! { <ReportItem item=item.clone() section year/> }
                })
                .collect_view()
        }}
        <SendReport section=name.get_value() year/>
    }
}

/// An item of the report: who shares it, the year's published plan, and the
/// fields to report.
#[component]
fn ReportItem(item: Item, section: String, year: u8) -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    let no = item.no;
    let heading = format!("report-{no}");
    let others = drafts::co_sections(&item, &section).join(t.list_separator);
    let plan = drafts::published(&item, FieldPath::Plan(year));
    let published_result = drafts::published(&item, FieldPath::Result(year));
    let entered = Memo::new(move |_| {
        store
            .drafts
            .with(|d| d.get(no, FieldPath::Result(year)).map(|f| f.value.clone()))
            .or_else(|| published_result.clone())
            .is_some_and(|value| !value.entries().is_empty())
    });
    let link = href(&ViewState::page(
        Screen::Item(no),
        crate::url::use_page().language,
    ));
    let editors = drafts::reporting_fields(&item, year)
        .into_iter()
        .map(|path| view! { <FieldEditor item=item.clone() path/> })
        .collect_view();
    view! {
        <section class="report-item" aria-labelledby=heading.clone()>
            <h3 id=heading.clone() lang="ja">{(t.item_name)(no, &item.title)}</h3>
            <p class="report-state" class:done=entered>
                {move || if entered.get() { s.result_entered } else { s.result_missing }}
            </p>
            {(!others.is_empty()).then(|| view! { <p class="hint">{(s.shared_with)(&others)}</p> })}
            {plan.map(|plan| view! { <ValueView label=(s.plan_of_year)(year) value=plan/> })}
            {editors}
            <p><a href=link>{s.edit_all_fields}</a></p>
        </section>
    }
}

/// The report as files for the coordinating section, and importing one back.
#[component]
fn SendReport(section: String, year: Memo<u8>) -> impl IntoView {
    let s = use_staff_texts();
    let t = use_page_texts();
    let store = use_draft_store();
    let section = StoredValue::new(section);
    let (failed, set_failed) = signal(None::<&'static str>);
    let export = move |format: &'static str| {
        let now = js_sys::Date::now() as u64;
        let dataset = &app_data().dataset;
        let year = year.get_untracked();
        let result = section.with_value(|section| {
            store.drafts.with_untracked(|d| {
                let name = drafts::section_file_name(section, year, now, format);
                match format {
                    "xlsx" => {
                        let rows = drafts::section_sheet(dataset, d, section, year);
                        match drafts::workbook::write(&rows) {
                            Ok(bytes) => save_bytes(&name, XLSX_MIME, &bytes)
                                .map_err(|_| t.download_unavailable),
                            Err(_) => Err(s.workbook_failed),
                        }
                    }
                    "csv" => {
                        let rows = drafts::section_sheet(dataset, d, section, year);
                        save_file(&name, "text/csv;charset=utf-8", &drafts::sheet_csv(&rows))
                            .map_err(|_| t.download_unavailable)
                    }
                    _ => save_file(
                        &name,
                        "application/json;charset=utf-8",
                        &drafts::export_section_json(d, dataset, section, year, now),
                    )
                    .map_err(|_| t.download_unavailable),
                }
            })
        });
        set_failed.set(result.err());
    };
    view! {
        <section class="send-report" aria-labelledby="send-heading">
            <h3 id="send-heading">{s.send_heading}</h3>
            <p class="hint">{move || section.with_value(|name| (s.send_note)(name, year.get()))}</p>
            <div class="list-tools export-tools">
                <button type="button" on:click=move |_| export("xlsx")>{s.export_xlsx}</button>
                <button type="button" on:click=move |_| export("csv")>{s.export_csv}</button>
                <button type="button" on:click=move |_| export("json")>{s.export_json}</button>
                {move || failed.get().map(|text| view! { <p class="error" role="alert">{text}</p> })}
            </div>
            <h3>{s.import_heading}</h3>
            <ImportTool/>
        </section>
    }
}
