//! The search box, the facets and the chips of active filters.

use leptos::prelude::*;

use crate::i18n::{use_texts, Texts};
use crate::t;
use model::filter::{Facet, FacetOption, OptionName, Outcome};
use wasm_bindgen::JsCast;

use crate::live::{use_inert, use_live};
use crate::url::{clear_all, use_go, use_view_state, History};

/// The visible heading of each facet; it is also the group's accessible name.
pub fn facet_heading(texts: &Texts, facet: Facet) -> &'static str {
    match facet {
        Facet::Category => texts.facet_category,
        Facet::Bureau => texts.facet_bureau,
        Facet::Section => texts.facet_section,
        Facet::Sdg => texts.facet_sdg,
        Facet::Result => texts.facet_result,
    }
}

/// Whether a facet's options are the document's own (Japanese) names:
/// categories, bureaus and sections are; goals and years are interface text.
fn is_document_name(facet: Facet) -> bool {
    matches!(facet, Facet::Category | Facet::Bureau | Facet::Section)
}

/// An option's label in the interface language: the document's names as
/// they are, goals and years with results worded by the language table.
fn option_label(texts: &Texts, option: &FacetOption) -> String {
    match &option.name {
        OptionName::ResultYear(year) => (texts.has_result)(*year),
        OptionName::Goal(goal) => texts.sdg_goal_name(*goal),
        OptionName::Document(name) => name.clone(),
    }
}

/// The filter panel: the search box and the facets (behind a button on
/// phones). An island of the list page.
#[island]
pub fn ListFilters() -> impl IntoView {
    let t = use_texts();
    let list = crate::views::list::state::use_list();
    let inert = use_inert();
    let (filters_open, set_filters_open) = signal(false);
    view! {
        <aside class="filter-panel" aria-labelledby="filter-panel-heading">
            // The facets' h3 headings need an h2 above them (heading order).
            <h2 id="filter-panel-heading" class="visually-hidden">{t!(t, search_and_filter)}</h2>
            <SearchBox/>
            <button
                type="button"
                class="filters-toggle"
                aria-expanded=move || filters_open.get().to_string()
                aria-controls="facets"
                disabled=inert
                on:click=move |_| set_filters_open.update(|open| *open = !*open)
            >
                {t!(t, filters)}
            </button>
            <div id="facets" class="facets" class:open=filters_open>
                <Facets outcome=list.outcome/>
            </div>
        </aside>
    }
}

/// Free-text search. Nothing is searched while an IME is composing: the query
/// updates on `compositionend` and on plain input, never mid-conversion.
///
/// The box works before the page is live: what is typed there stays in it
/// (the page is hydrated around it, not replaced), and is searched for as
/// soon as the page is live.
#[component]
pub fn SearchBox() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let live = use_live();
    let search = move |text: String| {
        let mut next = state.get_untracked();
        if next.query.text != text {
            next.query.text = text;
            go.to(next, History::Replace);
        }
    };
    let on_input = {
        move |ev: web_sys::Event| {
            let composing = ev
                .dyn_ref::<web_sys::InputEvent>()
                .is_some_and(|input| input.is_composing());
            if !composing && live.get_untracked() {
                search(event_target_value(&ev));
            }
        }
    };
    // The box shows the state's text: the address's when the page comes
    // alive (unless something was typed before), then Back and Forward's.
    // Never while the user types: the state follows the box then.
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |was_live: Option<bool>| {
        let is_live = live.get();
        let text = state.with(|s| s.query.text.clone());
        let Some(input) = input_ref.get() else {
            return is_live;
        };
        if is_live && was_live != Some(true) {
            let typed = input.value();
            if !typed.is_empty() && typed != text {
                search(typed);
                return is_live;
            }
        }
        if is_live && input.value() != text {
            input.set_value(&text);
        }
        is_live
    });
    view! {
        <form class="search-box" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{t!(t, search_label)}</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=t!(t, search_placeholder)
                aria-describedby="search-hint"
                node_ref=input_ref
                // The search index is built here, before the first word is
                // typed, not at start-up: most visits never search, and
                // building it is the longest piece of work the list has.
                on:focus=|_| crate::data::prepare_search()
                on:input=on_input
                on:compositionend=move |ev| {
                    if live.get_untracked() {
                        search(event_target_value(&ev))
                    }
                }
            />
            <p id="search-hint" class="hint">
                {t!(t, search_hint)}
            </p>
        </form>
    }
}

/// The facets, each a group of checkboxes with live counts.
#[component]
pub fn Facets(
    /// The current filter outcome, with every option's count.
    #[prop(into)]
    outcome: Signal<Outcome>,
) -> impl IntoView {
    Facet::ALL
        .into_iter()
        .map(|facet| {
            // A memo, not a derived signal: each option reads it, and a derived
            // signal would clone the whole list on every read.
            let options = Memo::new(move |_| {
                outcome.with(|o| {
                    o.facets
                        .iter()
                        .find(|(f, _)| *f == facet)
                        .map(|(_, options)| options.clone())
                        .unwrap_or_default()
                })
            });
            view! { <FacetGroup facet options/> }
        })
        .collect_view()
}

/// One facet. Rows are keyed by value and only their count and state change,
/// so a checkbox keeps keyboard focus while the counts update around it.
#[component]
fn FacetGroup(facet: Facet, options: Memo<Vec<FacetOption>>) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let inert = use_inert();
    let heading = move || facet_heading(t, facet);
    let heading_id = format!("facet-{facet:?}").to_lowercase();
    let labelled_by = heading_id.clone();
    let list_label = heading_id.clone();
    let scrolls = matches!(facet, Facet::Bureau | Facet::Section);
    let row = move |option: FacetOption| {
        let value = option.value.clone();
        // The option's count and state, looked up once per change; the DOM
        // is touched only where they changed.
        let current = {
            let value = value.clone();
            Memo::new(move |_| {
                options.with(|all| {
                    all.iter()
                        .find(|o| o.value == value)
                        .map_or((0, false), |o| (o.count, o.selected))
                })
            })
        };
        let count = move || current.with(|c| c.0);
        let selected = move || current.with(|c| c.1);
        let empty = move || current.get() == (0, false);
        let disabled = move || inert() || empty();
        let is_sub = option.depth > 0;
        let toggle = move |_| {
            let mut next = state.get_untracked();
            next.query.toggle(facet, &value);
            go.to(next, History::Push);
        };
        view! {
            <li class="facet-option" class:sub=is_sub class:disabled=empty>
                <label>
                    <input type="checkbox" prop:checked=selected disabled=disabled on:change=toggle/>
                    {(facet == Facet::Sdg).then(|| {
                        let number = option.value.clone();
                        let class = format!("sdg-badge sdg-{number}");
                        view! {
                            <span class=class aria-hidden="true">
                                <span class="sdg-number">{number}</span>
                            </span>
                        }
                    })}
                    <span class="option-label" lang=is_document_name(facet).then_some("ja")>
                        {move || option_label(t, &option)}
                    </span>
                    <span class="option-count">{move || (t.count)(count())}</span>
                </label>
            </li>
        }
    };
    view! {
        <section class="facet" role="group" aria-labelledby=labelled_by>
            <h3 class="facet-heading" id=heading_id>{heading}</h3>
            {(facet == Facet::Sdg).then(|| view! {
                <p class="hint">{t!(t, sdg_facet_note)}</p>
            })}
            // Long lists scroll inside the panel; tabindex lets keyboard users
            // scroll them even when every option is disabled.
            <ul
                class="facet-options"
                class:scroll=scrolls
                tabindex=scrolls.then_some("0")
                aria-labelledby=scrolls.then(|| list_label.clone())
            >
                <For each=move || options.get() key=|option| option.value.clone() children=row/>
            </ul>
        </section>
    }
}

/// Removable chips for the active filters, and one control to clear everything.
#[component]
pub fn ActiveFilters(
    /// The current filter outcome.
    #[prop(into)]
    outcome: Signal<Outcome>,
) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let chips = move || {
        outcome.with(|o| {
            o.facets
                .iter()
                .flat_map(|(facet, options)| {
                    options
                        .iter()
                        .filter(|option| option.selected)
                        .map(|option| (*facet, option.value.clone(), option_label(t, option)))
                })
                .collect::<Vec<_>>()
        })
    };
    let has_any = move || !state.with(|s| s.query.is_empty());
    view! {
        <Show when=has_any>
            <div class="active-filters" aria-label=t!(t, active_filters) role="group">
                <ul class="chips">
                    <For each=chips key=|chip| (chip.0, chip.1.clone()) let:chip>
                        {
                            let (facet, value, label) = chip;
                            let (before, after) = (t.remove_filter)(facet_heading(t, facet));
                            let lang = is_document_name(facet).then_some("ja");
                            // Named by hidden text, not aria-label, so a Japanese
                            // label inside it can be marked lang="ja".
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip"
                                        on:click=move |_| {
                                            let mut next = state.get_untracked();
                                            next.query.toggle(facet, &value);
                                            go.to(next, History::Push);
                                        }
                                    >
                                        <span class="visually-hidden">
                                            {before}<span lang=lang>{label.clone()}</span>{after}
                                        </span>
                                        <span aria-hidden="true">
                                            <span class="chip-facet">{move || facet_heading(t, facet)}</span>
                                            <span lang=lang>{label}</span>
                                            " ×"
                                        </span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                    {move || {
                        let text = state.with(|s| s.query.text.trim().to_string());
                        // What is searched is Japanese text.
                        (!text.is_empty()).then(|| view! { <li class="chip chip-text">{t!(t, keyword)} <span lang="ja">{text}</span></li> })
                    }}
                </ul>
                <button type="button" class="clear-all" on:click=move |_| clear_all(state, go)>
                    {t!(t, clear_all)}
                </button>
            </div>
        </Show>
    }
}
