//! The bookmark toggle shown on every item.

use leptos::prelude::*;
use model::view_state::Screen;

use crate::data::app_data;
use crate::i18n::use_texts;
use crate::live::use_inert;
use crate::storage::use_user_data;
use crate::url::use_page;

/// A toggle button with `aria-pressed`; its name says which item it is for.
/// In the list (`compact`) it shows the star alone, at touch size.
#[component]
pub fn BookmarkButton(
    /// The item number.
    no: u32,
    /// The item title, for the accessible name.
    #[prop(into)]
    title: String,
    /// The star alone, without the word (list rows).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let inert = use_inert();
    let on = move || user.bookmarks.with(|b| b.contains(no));
    // The name is the button's hidden text rather than an aria-label, so
    // the Japanese title inside it can be marked lang="ja".
    let (before, after) = (t.bookmark_name)(no);
    view! {
        <button
            type="button"
            class="bookmark-button"
            class:compact=compact
            aria-pressed=move || on().to_string()
            disabled=inert
            on:click=move |_| {
                user.toggle_bookmark(no);
            }
        >
            <span class="visually-hidden">{before}<span lang="ja">{title}</span>{after}</span>
            <span class="bookmark-icon" aria-hidden="true">{move || if on() { "★" } else { "☆" }}</span>
            {(!compact).then(|| view! {
                <span class="bookmark-text" aria-hidden="true">
                    {move || if on() { t.bookmarked } else { t.bookmark }}
                </span>
            })}
        </button>
    }
}

/// The item page's bookmark toggle.
#[island]
pub fn ItemBookmark() -> impl IntoView {
    let Screen::Item(no) = use_page().screen else {
        return ().into_any();
    };
    let title = app_data()
        .dataset
        .item(no)
        .map(|item| item.title.clone())
        .unwrap_or_default();
    view! { <BookmarkButton no title/> }.into_any()
}
