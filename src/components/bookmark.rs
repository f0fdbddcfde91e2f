//! The bookmark toggle shown on every item.

use leptos::prelude::*;

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
    let user = use_user_data();
    let on = move || user.bookmarks.with(|b| b.contains(no));
    let name = format!("No.{no}「{title}」をブックマーク");
    view! {
        <button
            type="button"
            class="bookmark-button"
            class:on=on
            aria-pressed=move || on().to_string()
            aria-label=name
            on:click=move |_| {
                user.toggle_bookmark(no);
            }
        >
            <span class="bookmark-icon" aria-hidden="true">{move || if on() { "★" } else { "☆" }}</span>
            <span class="bookmark-text" aria-hidden="true">
                {move || if on() { "ブックマーク中" } else { "ブックマーク" }}
            </span>
        </button>
    }
}
