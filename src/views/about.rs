//! 「このサイトについて」: the source, how the data was made, and its limits.

use leptos::prelude::*;
use model::corrections::{tally, Certainty, Correction, CorrectionKind};
use model::open_data::OpenFile;
use model::overview::sdg_cell_counts;

use crate::components::data_table::DataTable;
use crate::components::mixed_language::MixedLanguage;
use crate::data::app_data;
use crate::i18n::use_page_texts;
use crate::t;
use crate::url::{href, use_page};
use model::view_state::{Screen, ViewState};

/// The about page.
#[component]
pub fn AboutScreen() -> impl IntoView {
    let t = use_page_texts();
    let cells = sdg_cell_counts(&app_data().dataset.items);
    let statement = href(&ViewState::page(Screen::Accessibility, use_page().language));
    view! {
        <article class="about" aria-labelledby="about-heading">
            <h2 id="about-heading" tabindex="-1">{t!(t, about_title)}</h2>
            <Preface/>
            <section>
                <h3>{t!(t, about_source_heading)}</h3>
                <p>{(t.about_source)(crate::data::edition_label())}</p>
                <EditionFacts/>
            </section>
            <section>
                <h3>{t!(t, about_data_heading)}</h3>
                // The English text quotes misread characters in Japanese.
                <p><MixedLanguage text=t.about_data.to_owned()/></p>
                <Corrections/>
            </section>
            <section>
                <h3>{t!(t, about_sdg_heading)}</h3>
                <p>{move || (t.about_sdg)(cells)}</p>
            </section>
            <OpenData/>
            <section>
                <h3>{t!(t, about_storage_heading)}</h3>
                <p>{t!(t, about_storage)}</p>
            </section>
            <section>
                <h3>{t!(t, about_errors_heading)}</h3>
                <p>{(t.about_errors)(crate::data::edition_label())}</p>
            </section>
            <section>
                <h3>{t!(t, nav_accessibility)}</h3>
                <p><a href=statement>{t!(t, nav_accessibility)}</a></p>
            </section>
        </article>
    }
}

/// The document's own introduction, quoted as printed.
#[component]
fn Preface() -> impl IntoView {
    let t = use_page_texts();
    let preface = &app_data().dataset.preface;
    let paragraphs = preface
        .paragraphs
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect_view();
    view! {
        <section class="preface">
            <h3>{t!(t, preface_heading)}</h3>
            <p class="preface-note">{t!(t, preface_language_note)}</p>
            <blockquote lang="ja">
                <p class="preface-heading">{preface.heading.clone()}</p>
                {paragraphs}
            </blockquote>
        </section>
    }
}

/// When the programme was adopted, what the edition reports, and what is
/// known about the edition's own date.
#[component]
fn EditionFacts() -> impl IntoView {
    let t = use_page_texts();
    let meta = &app_data().dataset.meta;
    let published = meta.edition_published.clone();
    let published_text = move || {
        published
            .clone()
            .unwrap_or_else(|| t.edition_published_unknown.to_owned())
    };
    view! {
        <dl class="edition-facts">
            <div>
                <dt>{t!(t, edition_adopted)}</dt>
                <dd lang="ja">{meta.adopted.clone()}</dd>
            </div>
            <div>
                <dt>{t!(t, edition_status)}</dt>
                <dd lang="ja">{meta.status_as_of.clone()}</dd>
            </div>
            <div>
                <dt>{t!(t, edition_published)}</dt>
                <dd>
                    {published_text}
                    <span class="edition-note" lang="ja">{meta.edition_date_note.clone()}</span>
                </dd>
            </div>
        </dl>
    }
}

/// Every recorded correction, written into the page by the build (the page
/// is not an island: the 114 rows never travel in the wasm).
#[component]
fn Corrections() -> impl IntoView {
    view! { <CorrectionTable corrections=crate::data::corrections()/> }
}

/// The corrections counted by kind, and in a table behind a disclosure.
#[component]
fn CorrectionTable(corrections: Vec<Correction>) -> impl IntoView {
    let t = use_page_texts();
    let count = corrections.len();
    let (by_kind, guesses) = tally(&corrections);
    let rows = corrections
        .into_iter()
        .map(|c| {
            let kind = CorrectionKind::ALL
                .iter()
                .position(|k| *k == c.kind)
                .unwrap_or(0);
            let certainty = c.certainty;
            view! {
                <tr>
                    <td>{(t.item_no)(c.item)}</td>
                    <td>{c.field}</td>
                    <td lang="ja">{c.before}</td>
                    <td lang="ja">{c.after}</td>
                    <td>{move || t.correction_kinds[kind]}</td>
                    <td class:guess=certainty == Certainty::Guess>
                        {move || match certainty {
                            Certainty::Certain => t.certainty_certain,
                            Certainty::Guess => t.certainty_guess,
                        }}
                    </td>
                    <td lang="en"><MixedLanguage text=c.reason/></td>
                </tr>
            }
        })
        .collect_view();
    let columns = move || {
        t.corrections_columns
            .map(|name| view! { <th scope="col">{name}</th> })
    };
    view! {
        <p>{move || (t.corrections_summary)(by_kind, guesses)}</p>
        <details class="corrections">
            <summary>{move || (t.corrections_show)(count)}</summary>
            <DataTable caption_id="corrections-caption" caption=t.corrections_caption>
                <thead>
                    <tr>{columns}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </DataTable>
        </details>
    }
}

/// The open-data files, which the build writes beside the pages.
#[component]
fn OpenData() -> impl IntoView {
    let t = use_page_texts();
    let meta = &app_data().dataset.meta;
    let files = OpenFile::ALL
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let path = crate::url::site_file(&file.path(meta));
            let name = file.file_name(meta);
            view! {
                <li>
                    <a href=path download=name.clone()>{move || t.open_data_files[i].0}</a>
                    <span class="open-data-file" translate="no">{name}</span>
                    <p>{move || t.open_data_files[i].1}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="open-data" class="open-data">
            <h3>{t!(t, open_data_heading)}</h3>
            <p>{t!(t, open_data_lead)}</p>
            <ul class="open-data-files">{files}</ul>
            <p>{t!(t, open_data_csv_note)}</p>
        </section>
    }
}
