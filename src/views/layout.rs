//! The page frame shared by every page: header and footer.
//!
//! The header is written for a phone first: the programme's name, the
//! edition and the language switch; the menu (the site's pages and the text
//! size) opens from a button. From tablet width up, the menu's contents sit
//! in the header itself. Both are plain HTML (`<details>` on phones), so
//! they work before the app starts and without JavaScript.

use leptos::prelude::*;
use model::view_state::{Screen, ViewState};

use crate::components::text_size::TextSizeControl;
use crate::data::edition_label;
use crate::i18n::{use_page_texts, use_texts};
use crate::staff::StaffNavEntries;
use crate::storage::use_user_data;
use crate::t;
use crate::url::{href, use_page, use_view_state};
use crate::views::device_data::DeviceData;

/// "Skip to content": a link to `<main>`, which can take focus.
#[component]
pub fn SkipLink() -> impl IntoView {
    let t = use_page_texts();
    view! { <a class="skip-link" href="#main">{t!(t, skip_link)}</a> }
}

/// The programme's name, the edition, the language switch and the menu.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_page_texts();
    let home = href(&ViewState::page(Screen::List, use_page().language));
    view! {
        <header class="site-header">
            <div class="site-id">
                <p class="site-owner">{t!(t, owner)}</p>
                <h1 class="site-title">
                    <a href=home>
                        <span class="site-title-main">{t!(t, title_main)}</span>
                        " "
                        <span class="site-title-sub">{t!(t, title_sub)}</span>
                    </a>
                </h1>
                <p class="site-status">{(t.status_as_of)(edition_label())}</p>
            </div>
            <LanguageSwitch/>
            <details class="site-menu">
                <summary>{t!(t, menu)}</summary>
                <div class="site-menu-body">
                    <SiteNav/>
                    <TextSizeControl/>
                </div>
            </details>
            <div class="header-row">
                <SiteNav/>
                <TextSizeControl/>
            </div>
            {(!t.content_language_note.is_empty()).then(|| view! {
                <p class="content-language-note">{t!(t, content_language_note)}</p>
            })}
        </header>
    }
}

/// The site's pages, with the number of bookmarks; the current one marked.
#[component]
fn SiteNav() -> impl IntoView {
    let t = use_page_texts();
    let page = use_page();
    let link = move |screen: Screen, label: &'static str| {
        let target = ViewState::page(screen, page.language);
        view! {
            <li>
                <a href=href(&target) aria-current=(page.screen == screen).then_some("page")>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="site-nav" aria-label=t!(t, menu)>
            <ul>
                {link(Screen::List, t.nav_list)}
                {link(Screen::Overview, t.nav_overview)}
                {link(Screen::About, t.nav_about)}
                <li>
                    <BookmarksLink/>
                </li>
            </ul>
            <StaffNavEntries/>
        </nav>
    }
}

/// 「ブックマーク（3件）」: the bookmarks page, with how many there are on
/// this device once they have been read.
#[island]
fn BookmarksLink() -> impl IntoView {
    let t = use_texts();
    let page = use_page();
    let user = use_user_data();
    let target = ViewState::page(Screen::Bookmarks, page.language);
    let label = move || {
        if user.loaded.get() {
            (t.nav_bookmarks)(user.bookmarks.with(|b| b.len()))
        } else {
            t.bookmarks_heading.to_owned()
        }
    };
    view! {
        <a href=href(&target) aria-current=(page.screen == Screen::Bookmarks).then_some("page")>
            {label}
        </a>
    }
}

/// English / 日本語: the same page in the other language, with the same
/// search and filters. Named in the other language, so someone who cannot
/// read the current one can still find it.
#[island]
fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let other = use_page().language.other();
    let target = move || href(&state.get().in_language(other));
    let other_lang = other.tag();
    view! {
        <a
            class="language-switch"
            href=target
            hreflang=other_lang
            lang=other_lang
            aria-label=t!(t, language_switch_name)
        >
            {t!(t, language_switch)}
        </a>
    }
}

/// Names the source document, so every figure can be traced back to it;
/// the site's pages again, and what is kept on this device.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_page_texts();
    let language = use_page().language;
    let page = |screen: Screen| href(&ViewState::page(screen, language));
    // The downloads are a part of the about page.
    let open_data = format!("{}#open-data", page(Screen::About));
    view! {
        <footer class="site-footer">
            <DeviceData/>
            <p class="footer-links">
                <a href=open_data>{t!(t, nav_open_data)}</a>
                <a href=page(Screen::Changes)>{t!(t, nav_changes)}</a>
                <a href=page(Screen::Accessibility)>{t!(t, nav_accessibility)}</a>
            </p>
            <p>
                {(t.source_note)(edition_label())}
                {t!(t, extraction_note)}
            </p>
        </footer>
    }
}
