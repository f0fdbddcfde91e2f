//! The page a static host serves for an address the site does not have
//! (`404.html`): in both languages, with a search and the way to the list.
//! It has no app: the search is a plain form to the list page, which reads
//! `q` from the address.

use leptos::prelude::*;
use model::stored::Language;

use crate::i18n::page_texts;
use crate::t;

/// The whole not-found page. Its links are relative to the site's root:
/// the build sets the page's base there (see `prerender::Template::not_found_page`).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = page_texts(Language::Ja);
    view! {
        <header class="site-header">
            <div class="site-id">
                <p class="site-owner">{t!(t, owner)}</p>
                <p class="site-title">
                    <a href="./">
                        <span class="site-title-main">{t!(t, title_main)}</span>
                        " "
                        <span class="site-title-sub">{t!(t, title_sub)}</span>
                    </a>
                </p>
            </div>
        </header>
        <main id="main" class="not-found-page">
            <NotFoundIn language=Language::Ja list="./"/>
            <NotFoundIn language=Language::En list="en/"/>
        </main>
    }
}

/// What the page says in one language, with a search sent to that
/// language's list.
#[component]
fn NotFoundIn(language: Language, list: &'static str) -> impl IntoView {
    let t = page_texts(language);
    let lang = t.lang;
    let input = format!("not-found-search-{lang}");
    let heading = format!("not-found-{lang}");
    view! {
        <section lang=lang aria-labelledby=heading.clone()>
            {(language == Language::Ja).then(|| view! { <h1 id=heading.clone()>{t!(t, page_not_found)}</h1> })}
            {(language == Language::En).then(|| view! { <h2 id=heading.clone()>{t!(t, page_not_found)}</h2> })}
            <p>{t!(t, page_not_found_text)}</p>
            <form class="search-box" role="search" action=list method="get">
                <label for=input.clone()>{t!(t, search_label)}</label>
                <div class="search-row">
                    <input id=input type="search" name="q" enterkeyhint="search"/>
                    <button type="submit">{t!(t, search_button)}</button>
                </div>
            </form>
            <p><a href=list>{t!(t, back_to_list)}</a></p>
        </section>
    }
}
