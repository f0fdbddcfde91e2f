//! Staff tools (drafts, the item editor, import and export) and the slots
//! where the shared views show them.
//!
//! The tools are compiled only into the staff bundle (the `staff` feature,
//! binary `ueda-reform-staff`), which `boot.js` loads instead of the citizen
//! bundle while staff mode is on; a citizen never downloads them. Each slot
//! is an island the build writes empty (the staff pages with a note that
//! they need staff mode): the staff bundle hydrates it like the citizen
//! bundle does, then renders the tools in it once the page is live. In the
//! citizen bundle the slots stay empty, and switching staff mode on reloads
//! the page into the staff bundle ([`provide_staff_services`]).

#[cfg(feature = "staff")]
mod compile_screen;
#[cfg(feature = "staff")]
mod drafts_screen;
#[cfg(feature = "staff")]
mod import_tool;
#[cfg(feature = "staff")]
mod item_edit;
#[cfg(feature = "staff")]
mod workbench;

use leptos::prelude::*;
use model::stored::Settings;
use model::view_state::Screen;

use crate::notices::Notices;
use crate::storage::UserData;

/// Whether staff tools should show ([`Settings::staff_tools_shown`]).
fn staff_active(user: UserData) -> bool {
    user.settings.with(Settings::staff_tools_shown)
}

/// Starts what staff mode needs. Staff bundle: the draft store. Citizen
/// bundle: staff mode switched on (here or in another tab) reloads the page,
/// which `boot.js` then starts with the staff bundle; if that bundle already
/// failed to load, the visitor is told instead.
pub fn provide_staff_services(user: UserData, notices: Notices) {
    #[cfg(feature = "staff")]
    {
        let _ = notices;
        crate::storage::drafts::provide_draft_store(user);
    }
    #[cfg(not(feature = "staff"))]
    Effect::new(move |_| {
        if !staff_active(user) {
            return;
        }
        let root = document().document_element();
        let failed = root
            .as_ref()
            .and_then(|html| html.get_attribute("data-staff-bundle"))
            .is_some_and(|state| state == "failed");
        // A page without a staff bundle to load (the browser tests mount the
        // app on a bare page) must not reload forever.
        let offered = document()
            .query_selector("script[data-staff-js]")
            .ok()
            .flatten()
            .is_some();
        if failed {
            notices.warn(crate::notices::Message::StaffToolsUnavailable);
        } else if offered {
            crate::url::reload();
        }
    });
}

/// Whether the staff tools show: in the staff bundle, on a live page, in
/// staff mode. Never in the citizen bundle, which has no staff tools; and
/// never before the page is live, so every slot's first render is what the
/// build wrote (nothing), whichever bundle hydrates it.
fn use_staff_tools() -> Signal<bool> {
    let live = crate::live::use_live();
    let user = crate::storage::use_user_data();
    Signal::derive(move || cfg!(feature = "staff") && live.get() && staff_active(user))
}

/// Says what staff mode is and is not, while it is on.
#[island]
pub fn StaffBanner() -> impl IntoView {
    let shown = use_staff_tools();
    view! {
        <Show when=move || shown.get()>
            <tools::Banner/>
        </Show>
    }
}

/// The staff entries of the site menu, in staff mode: 「課所の報告」,
/// 「報告の取りまとめ」 and 「下書き (n)」.
#[island]
pub fn StaffNavEntries() -> impl IntoView {
    let shown = use_staff_tools();
    view! {
        <Show when=move || shown.get()>
            <tools::NavEntries/>
        </Show>
    }
}

/// 「下書きあり」 on a list row whose item has drafts, in staff mode.
#[component]
pub fn DraftBadge(no: u32) -> impl IntoView {
    let shown = use_staff_tools();
    let has_draft = tools::has_draft(no);
    view! {
        <Show when=move || shown.get() && has_draft.get()>
            <tools::DraftBadgeText/>
        </Show>
    }
}

/// On an item page in staff mode: the switch that shows the item with this
/// device's drafts applied instead of the published item.
#[island]
pub fn ItemDraftSlot() -> impl IntoView {
    let shown = use_staff_tools();
    view! {
        <Show when=move || shown.get()>
            <tools::DraftSwitch/>
        </Show>
    }
}

/// The item's field editors, under the item in staff mode.
#[island]
pub fn ItemEditorSlot() -> impl IntoView {
    let shown = use_staff_tools();
    view! {
        <Show when=move || shown.get()>
            <tools::ItemEditor/>
        </Show>
    }
}

/// A staff page: the drafts, the section report or the coordinator's
/// compilation. Until the staff tools show (and always in the citizen
/// bundle) it says that the page is a staff tool and offers staff mode.
#[island]
pub fn StaffScreenSlot() -> impl IntoView {
    let t = crate::i18n::use_texts();
    let shown = use_staff_tools();
    let heading = match crate::url::use_page().screen {
        Screen::Workbench => t.workbench_heading,
        Screen::Compile => t.compile_heading,
        _ => t.drafts_heading,
    };
    view! {
        <Show when=move || shown.get() fallback=move || view! { <NeedsStaffMode heading/> }>
            <tools::StaffScreen/>
        </Show>
    }
}

/// A staff page without the staff tools: what it needs, and the switch.
#[component]
fn NeedsStaffMode(heading: &'static str) -> impl IntoView {
    use crate::i18n::use_texts;
    use crate::storage::use_user_data;
    use crate::t;
    let t = use_texts();
    let user = use_user_data();
    let inert = crate::live::use_inert();
    view! {
        <article class="drafts" aria-labelledby="staff-screen-heading">
            <h2 id="staff-screen-heading" tabindex="-1">{heading}</h2>
            <p>{t!(t, drafts_need_staff_mode)}</p>
            // Shared kiosks have no staff mode.
            <Show when=move || !user.settings.with(|s| s.kiosk)>
                <button
                    type="button"
                    disabled=inert
                    on:click=move |_| user.update_settings(|s| s.staff_mode = true)
                >
                    {t!(t, turn_on_staff_mode)}
                </button>
            </Show>
        </article>
    }
}

/// What the slots show in the staff bundle: the staff tools, rendered in
/// the browser once the page is live.
#[cfg(feature = "staff")]
mod tools {
    use leptos::prelude::*;
    use model::view_state::{Screen, ViewState};

    use crate::data::app_data;
    use crate::i18n::use_page_texts as use_texts;
    use crate::storage::drafts::use_draft_store;
    use crate::t;
    use crate::url::{href, use_page};

    use super::compile_screen::CompileScreen;
    use super::drafts_screen::DraftsScreen;
    use super::workbench::Workbench;

    /// The page's staff screen.
    #[component]
    pub fn StaffScreen() -> impl IntoView {
        match use_page().screen {
            Screen::Drafts => view! { <DraftsScreen/> }.into_any(),
            Screen::Workbench => view! { <Workbench/> }.into_any(),
            Screen::Compile => view! { <CompileScreen/> }.into_any(),
            _ => ().into_any(),
        }
    }

    #[component]
    pub fn Banner() -> impl IntoView {
        let t = use_texts();
        view! {
            // A landmark of its own, so no content sits outside landmarks.
            <aside class="staff-banner" aria-label=t!(t, staff_mode)>
                <p>{t!(t, staff_mode_note)}</p>
            </aside>
        }
    }

    #[component]
    pub fn NavEntries() -> impl IntoView {
        let t = use_texts();
        let store = use_draft_store();
        let page = use_page();
        let entry = move |screen: Screen, label: Signal<String>| {
            let target = href(&ViewState::page(screen, page.language));
            view! {
                <li>
                    <a href=target aria-current=(page.screen == screen).then_some("page")>
                        {label}
                    </a>
                </li>
            }
        };
        view! {
            <ul class="staff-nav">
                {entry(Screen::Workbench, Signal::stored(t.workbench_heading.to_string()))}
                {entry(Screen::Compile, Signal::stored(t.compile_heading.to_string()))}
                {entry(
                    Screen::Drafts,
                    Signal::derive(move || (t.nav_drafts)(store.drafts.with(|d| d.count_items()))),
                )}
            </ul>
        }
    }

    /// Whether item `no` has drafts on this device.
    pub fn has_draft(no: u32) -> Signal<bool> {
        let store = use_draft_store();
        Signal::derive(move || store.drafts.with(|d| d.fields(no).next().is_some()))
    }

    #[component]
    pub fn DraftBadgeText() -> impl IntoView {
        let t = use_texts();
        view! { <span class="draft-badge">{t!(t, draft_badge)}</span> }
    }

    /// The page's item, published.
    fn page_item() -> Option<model::Item> {
        match use_page().screen {
            Screen::Item(no) => app_data().dataset.item(no).cloned(),
            _ => None,
        }
    }

    #[component]
    pub fn DraftSwitch() -> impl IntoView {
        use crate::components::item_table::ItemTable;
        let t = use_texts();
        let store = use_draft_store();
        let Some(published) = page_item() else {
            return ().into_any();
        };
        let (show_draft, set_show_draft) = signal(false);
        let drafted = Memo::new(move |_| store.drafts.with(|d| d.apply_to(&published)));
        view! {
            <label class="show-draft">
                <input
                    type="checkbox"
                    prop:checked=show_draft
                    on:change=move |ev| set_show_draft.set(event_target_checked(&ev))
                />
                {t!(t, show_draft)}
            </label>
            <Show when=move || show_draft.get()>
                <p class="notice notice-info">{t!(t, showing_draft_note)}</p>
                // The published table is hidden while this one shows (CSS).
                <div class="drafted-item">
                    {move || view! {
                        <ItemTable item=drafted.get() item_heading="item-heading".to_string() changed=Vec::new()/>
                    }}
                </div>
            </Show>
        }
        .into_any()
    }

    #[component]
    pub fn ItemEditor() -> impl IntoView {
        match page_item() {
            Some(item) => view! { <super::item_edit::ItemEditor item/> }.into_any(),
            None => ().into_any(),
        }
    }
}

/// The citizen bundle has no staff tools: the slots stay empty.
#[cfg(not(feature = "staff"))]
mod tools {
    use leptos::prelude::*;

    pub fn has_draft(_no: u32) -> Signal<bool> {
        Signal::stored(false)
    }

    macro_rules! nothing {
        ($($name:ident),*) => {$(
            #[component]
            pub fn $name() -> impl IntoView {}
        )*};
    }
    nothing!(
        Banner,
        NavEntries,
        DraftBadgeText,
        DraftSwitch,
        ItemEditor,
        StaffScreen
    );
}
