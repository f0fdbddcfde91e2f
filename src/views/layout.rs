//! The page frame shared by every view: header and footer.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use model::stored::Language;
use model::view_state::{Screen, ViewState};

use crate::components::text_size::TextSizeControl;
use crate::staff::StaffNavEntries;
use crate::storage::use_user_data;
use crate::url::{href, use_view_state};

/// "Skip to content": moves keyboard focus past the header to `<main>`.
///
/// The router intercepts in-page links, so the browser's own jump-to-anchor
/// focus move does not happen; the click handler does it explicitly.
#[component]
pub fn SkipLink() -> impl IntoView {
    let t = use_texts();
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
            {t!(t, skip_link)}
        </a>
    }
}

/// The programme's name and the date of the figures shown.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    view! {
        <header class="site-header">
            <p class="site-owner">{t!(t, owner)}</p>
            <h1 class="site-title">
                <span class="site-title-main">{t!(t, title_main)}</span>
                " "
                <span class="site-title-sub">{t!(t, title_sub)}</span>
            </h1>
            <p class="site-status">{t!(t, status_as_of)}</p>
            <Show when=move || !t.content_language_note.is_empty()>
                <p class="content-language-note">{t!(t, content_language_note)}</p>
            </Show>
            <div class="header-row">
                <SiteNav/>
                <TextSizeControl/>
                <LanguageSwitch/>
                <StaffModeSwitch/>
            </div>
        </header>
    }
}

/// Names the source document, so every figure can be traced back to it.
#[component]
pub fn SiteFooter(children: Children) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let statement = move || {
        href(&ViewState {
            screen: Screen::Accessibility,
            query: state.with(|s| s.query.clone()),
            shared_bookmarks: None,
        })
    };
    // The downloads are a part of the about page.
    let open_data = move || {
        let about = href(&ViewState {
            screen: Screen::About,
            query: state.with(|s| s.query.clone()),
            shared_bookmarks: None,
        });
        format!("{about}#open-data")
    };
    view! {
        <footer class="site-footer">
            {children()}
            <p class="footer-links">
                <a href=open_data>{t!(t, nav_open_data)}</a>
                <a href=statement>{t!(t, nav_accessibility)}</a>
            </p>
            <p>
                {t!(t, source_note)}
                {t!(t, extraction_note)}
            </p>
        </footer>
    }
}

/// The main sections, with the number of bookmarks.
#[component]
fn SiteNav() -> impl IntoView {
    let t = use_texts();
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
        <nav class="site-nav" aria-label=t!(t, menu)>
            <ul>
                <li>
                    <a
                        href=move || link(Screen::List)
                        aria-current=move || current(Screen::List).then_some("page")
                    >
                        {t!(t, nav_list)}
                    </a>
                </li>
                <li>
                    <a
                        href=move || link(Screen::Overview)
                        aria-current=move || current(Screen::Overview).then_some("page")
                    >
                        {t!(t, nav_overview)}
                    </a>
                </li>
                <li>
                    <a
                        href=move || link(Screen::About)
                        aria-current=move || current(Screen::About).then_some("page")
                    >
                        {t!(t, nav_about)}
                    </a>
                </li>
                <StaffNavEntries
                    link=Callback::new(link)
                    current=Callback::new(current)
                />
                <li>
                    <a
                        href=move || link(Screen::Bookmarks)
                        aria-current=move || current(Screen::Bookmarks).then_some("page")
                    >
                        {move || (t.nav_bookmarks)(user.bookmarks.with(|b| b.len()))}
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// Set by the language switch just before the page re-renders in the other language.
static LANGUAGE_JUST_SWITCHED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// English / 日本語, remembered on the device. Named in the other language, so
/// someone who cannot read the current one can still find it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    // <html lang> follows the interface language; item contents carry lang="ja".
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", t.lang);
        }
    });
    // The page is rendered anew in the other language; keep keyboard focus
    // on this switch so keyboard and screen-reader users are not thrown to the top.
    let switch_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if LANGUAGE_JUST_SWITCHED.swap(false, std::sync::atomic::Ordering::Relaxed) {
            if let Some(button) = switch_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let toggle = move |_| {
        LANGUAGE_JUST_SWITCHED.store(true, std::sync::atomic::Ordering::Relaxed);
        user.update_settings(|s| {
            s.language = match s.language {
                Language::Ja => Language::En,
                Language::En => Language::Ja,
            }
        })
    };
    view! {
        <button
            type="button"
            class="language-switch"
            node_ref=switch_ref
            lang=move || if t.lang == "ja" { "en" } else { "ja" }
            aria-label=t!(t, language_switch_name)
            on:click=toggle
        >
            {t!(t, language_switch)}
        </button>
    }
}

/// 「職員モード」: a visible switch, hidden on shared kiosks.
#[component]
fn StaffModeSwitch() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let on = move || user.settings.with(|s| s.staff_mode);
    view! {
        <Show when=move || !user.settings.with(|s| s.kiosk)>
            <button
                type="button"
                class="staff-switch"
                aria-pressed=move || on().to_string()
                on:click=move |_| user.update_settings(|s| s.staff_mode = !s.staff_mode)
            >
                <span aria-hidden="true">{move || if on() { "● " } else { "○ " }}</span>
                {t!(t, staff_mode)}
            </button>
        </Show>
    }
}
