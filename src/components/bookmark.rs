//! The bookmark toggle shown on every item.

use leptos::prelude::*;

use crate::i18n::use_texts;

use crate::storage::use_user_data;

/// A toggle button with `aria-pressed`; its name says which item it is for.
#[component]
pub fn BookmarkButton(
    /// The item number.
    no: u32,
    /// The item title, for the accessible name.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let on = move || user.bookmarks.with(|b| b.contains(no));
    // The name is the button's hidden text rather than an aria-label, so
    // the Japanese title inside it can be marked lang="ja".
    let (before, after) = (t.bookmark_name)(no);
    view! {
        <button
            type="button"
            class="bookmark-button"
            class:on=on
            aria-pressed=move || on().to_string()
            on:click=move |_| {
                user.toggle_bookmark(no);
            }
        >
            <span class="visually-hidden">{before}<span lang="ja">{title}</span>{after}</span>
            <span class="bookmark-icon" aria-hidden="true">{move || if on() { "★" } else { "☆" }}</span>
            <span class="bookmark-text" aria-hidden="true">
                {move || if on() { t.bookmarked } else { t.bookmark }}
            </span>
        </button>
    }
}
