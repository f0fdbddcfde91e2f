//! 「このサイトについて」: the source, how the data was made, and its limits.

use leptos::prelude::*;
use serde::Deserialize;

use crate::components::mixed_language::MixedLanguage;
use crate::data::app_data;
use crate::i18n::use_texts;
use crate::t;
use crate::url::{href, use_view_state};
use model::view_state::{Screen, ViewState};

// A minified copy made by build.rs from data/corrections.json.
static CORRECTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corrections.json"));

/// One recorded fix to the extracted text (see data/corrections.json).
#[derive(Deserialize)]
struct Correction {
    item: u32,
    field: String,
    before: String,
    after: String,
    reason: String,
}

#[derive(Deserialize)]
struct Corrections {
    corrections: Vec<Correction>,
}

/// The about page.
#[component]
pub fn AboutScreen() -> impl IntoView {
    let t = use_texts();
    let estimated = app_data()
        .dataset
        .items
        .iter()
        .filter(|i| i.sdgs.basis == model::SdgBasis::Estimated)
        .count();
    let state = use_view_state();
    let statement = move || {
        href(&ViewState {
            screen: Screen::Accessibility,
            ..state.get()
        })
    };
    view! {
        <article class="about" aria-labelledby="about-heading">
            <h2 id="about-heading" tabindex="-1">{t!(t, about_title)}</h2>
            <section>
                <h3>{t!(t, about_source_heading)}</h3>
                <p>{t!(t, about_source)}</p>
            </section>
            <section>
                <h3>{t!(t, about_data_heading)}</h3>
                // The English text quotes misread characters in Japanese.
                <p><MixedLanguage text=t.about_data.to_owned()/></p>
                <CorrectionList/>
                <p>
                    <a href="corrections.json" download="corrections.json">
                        {t!(t, about_download_corrections)}
                    </a>
                </p>
            </section>
            <section>
                <h3>{t!(t, about_sdg_heading)}</h3>
                <p>{move || (t.about_sdg)(estimated)}</p>
            </section>
            <section>
                <h3>{t!(t, about_storage_heading)}</h3>
                <p>{t!(t, about_storage)}</p>
            </section>
            <section>
                <h3>{t!(t, about_errors_heading)}</h3>
                <p>{t!(t, about_errors)}</p>
            </section>
            <section>
                <h3>{t!(t, nav_accessibility)}</h3>
                <p><a href=statement>{t!(t, nav_accessibility)}</a></p>
            </section>
        </article>
    }
}

/// Every recorded correction, in a table behind a disclosure (111 rows).
#[component]
fn CorrectionList() -> impl IntoView {
    let t = use_texts();
    let corrections = serde_json::from_str::<Corrections>(CORRECTIONS_JSON)
        .map(|c| c.corrections)
        .unwrap_or_default();
    let count = corrections.len();
    let rows = corrections
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{format!("No.{}", c.item)}</td>
                    <td>{c.field}</td>
                    <td lang="ja">{c.before}</td>
                    <td lang="ja">{c.after}</td>
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
        <details class="corrections">
            <summary>{move || (t.corrections_show)(count)}</summary>
            <div class="table-scroll" role="region" aria-label=move || (t.corrections_show)(count) tabindex="0">
                <table>
                    <caption>{t!(t, corrections_caption)}</caption>
                    <thead>
                        <tr>{columns}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
