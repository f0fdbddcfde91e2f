//! The page frame shared by every view: header and footer.

use leptos::prelude::*;
use model::view_state::{Screen, ViewState};

use crate::components::text_size::TextSizeControl;
use crate::storage::use_user_data;
use crate::url::{href, use_view_state};

/// "Skip to content": moves keyboard focus past the header to `<main>`.
///
/// The router intercepts in-page links, so the browser's own jump-to-anchor
/// focus move does not happen; the click handler does it explicitly.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                if let Some(main) = document().get_element_by_id("main") {
                    let main: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(main);
                    let _ = main.focus();
                }
            }
        >
            "本文へ移動"
        </a>
    }
}

/// The programme's name and the date of the figures shown.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <p class="site-owner">"上田市"</p>
            <h1 class="site-title">
                <span class="site-title-main">"第四次上田市行財政改革大綱"</span>
                " "
                <span class="site-title-sub">"アクションプログラム"</span>
            </h1>
            <p class="site-status">"令和4年度末の取組状況"</p>
            <div class="header-row">
                <SiteNav/>
                <TextSizeControl/>
            </div>
        </header>
    }
}

/// Names the source document, so every figure can be traced back to it.
#[component]
pub fn SiteFooter(children: Children) -> impl IntoView {
    view! {
        <footer class="site-footer">
            {children()}
            <p>
                "出典：上田市「第四次上田市行財政改革大綱 アクションプログラム 令和4年度末取組状況」（令和3年8月策定）。"
                "内容はPDFから抽出したテキストをもとにしており、抽出時の誤りの修正はすべて記録しています。"
            </p>
        </footer>
    }
}

/// The main sections, with the number of bookmarks.
#[component]
fn SiteNav() -> impl IntoView {
    let state = use_view_state();
    let user = use_user_data();
    let link = move |screen: Screen| {
        href(&ViewState {
            screen,
            query: state.with(|s| s.query.clone()),
            shared_bookmarks: None,
        })
    };
    let current =
        move |screen: Screen| state.with(|s| s.screen == screen && s.shared_bookmarks.is_none());
    view! {
        <nav class="site-nav" aria-label="メニュー">
            <ul>
                <li>
                    <a
                        href=move || link(Screen::List)
                        aria-current=move || current(Screen::List).then_some("page")
                    >
                        "取組項目一覧"
                    </a>
                </li>
                <li>
                    <a
                        href=move || link(Screen::Overview)
                        aria-current=move || current(Screen::Overview).then_some("page")
                    >
                        "概要"
                    </a>
                </li>
                <li>
                    <a
                        href=move || link(Screen::About)
                        aria-current=move || current(Screen::About).then_some("page")
                    >
                        "このサイトについて"
                    </a>
                </li>
                <li>
                    <a
                        href=move || link(Screen::Bookmarks)
                        aria-current=move || current(Screen::Bookmarks).then_some("page")
                    >
                        {move || format!("ブックマーク（{}件）", user.bookmarks.with(|b| b.len()))}
                    </a>
                </li>
            </ul>
        </nav>
    }
}
