//! Staff tools (drafts, the item editor, import and export) and the slots
//! where the shared views show them.
//!
//! The tools are compiled only into the staff bundle (the `staff` feature,
//! binary `ueda-reform-staff`), which `boot.js` loads instead of the citizen
//! bundle while staff mode is on; a citizen never downloads them. In the
//! citizen bundle every slot below renders nothing, and switching staff mode
//! on reloads the page into the staff bundle ([`provide_staff_services`]).

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
use model::Item;

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
            let _ = window().location().reload();
        }
    });
}

/// Says what staff mode is and is not, while it is on.
#[component]
pub fn StaffBanner() -> impl IntoView {
    #[cfg(feature = "staff")]
    {
        use crate::i18n::use_texts;
        use crate::storage::use_user_data;
        use crate::t;
        let t = use_texts();
        let user = use_user_data();
        view! {
            <Show when=move || staff_active(user)>
                // A landmark of its own, so no content sits outside landmarks.
                <aside class="staff-banner" aria-label=t!(t, staff_mode)>
                    <p>{t!(t, staff_mode_note)}</p>
                </aside>
            </Show>
        }
    }
}

/// The staff entries of the site menu, in staff mode: 「課所の報告」,
/// 「報告の取りまとめ」 and 「下書き (n)」.
#[component]
pub fn StaffNavEntries(
    /// Where a screen is, with the current search kept.
    link: Callback<Screen, String>,
    /// Whether a screen is the one shown.
    current: Callback<Screen, bool>,
) -> impl IntoView {
    #[cfg(not(feature = "staff"))]
    let _ = (link, current);
    #[cfg(feature = "staff")]
    {
        use crate::i18n::use_texts;
        use crate::storage::drafts::use_draft_store;
        use crate::storage::use_user_data;
        let t = use_texts();
        let user = use_user_data();
        let store = use_draft_store();
        let entry = move |screen: Screen, label: Signal<String>| {
            view! {
                <li>
                    <a
                        href=move || link.run(screen)
                        aria-current=move || current.run(screen).then_some("page")
                    >
                        {label}
                    </a>
                </li>
            }
        };
        view! {
            <Show when=move || staff_active(user)>
                {entry(Screen::Workbench, Signal::stored(t.workbench_heading.to_string()))}
                {entry(Screen::Compile, Signal::stored(t.compile_heading.to_string()))}
                {entry(
                    Screen::Drafts,
                    Signal::derive(move || (t.nav_drafts)(store.drafts.with(|d| d.count_items()))),
                )}
            </Show>
        }
    }
}

/// 「下書きあり」 on a list row whose item has drafts, in staff mode.
#[component]
pub fn DraftBadge(no: u32) -> impl IntoView {
    #[cfg(not(feature = "staff"))]
    let _ = no;
    #[cfg(feature = "staff")]
    {
        use crate::i18n::use_texts;
        use crate::storage::drafts::use_draft_store;
        use crate::storage::use_user_data;
        use crate::t;
        let t = use_texts();
        let user = use_user_data();
        let store = use_draft_store();
        view! {
            <Show when=move || {
                staff_active(user) && store.drafts.with(|d| d.fields(no).next().is_some())
            }>
                <span class="draft-badge">{t!(t, draft_badge)}</span>
            </Show>
        }
    }
}

/// The item as an item page shows it, and the staff switch that chooses it:
/// in staff mode the published item or the item with this device's drafts
/// applied; otherwise (and always in the citizen bundle) the published item.
pub fn item_as_shown(published: Item) -> (Signal<Item>, AnyView) {
    #[cfg(not(feature = "staff"))]
    {
        (Signal::stored(published), ().into_any())
    }
    #[cfg(feature = "staff")]
    {
        use crate::i18n::use_texts;
        use crate::storage::drafts::use_draft_store;
        use crate::storage::use_user_data;
        use crate::t;
        let t = use_texts();
        let user = use_user_data();
        let store = use_draft_store();
        let (show_draft, set_show_draft) = signal(false);
        let with_drafts = move || staff_active(user) && show_draft.get();
        let shown = Memo::new(move |_| {
            if with_drafts() {
                store.drafts.with(|d| d.apply_to(&published))
            } else {
                published.clone()
            }
        });
        let switch = view! {
            <Show when=move || staff_active(user)>
                <label class="show-draft">
                    <input
                        type="checkbox"
                        prop:checked=show_draft
                        on:change=move |ev| set_show_draft.set(event_target_checked(&ev))
                    />
                    {t!(t, show_draft)}
                </label>
            </Show>
            <Show when=with_drafts>
                <p class="notice notice-info">{t!(t, showing_draft_note)}</p>
            </Show>
        };
        (shown.into(), switch.into_any())
    }
}

/// The item's field editors, under the item in staff mode.
#[component]
pub fn ItemEditorSlot(item: Item) -> impl IntoView {
    #[cfg(not(feature = "staff"))]
    let _ = item;
    #[cfg(feature = "staff")]
    {
        use crate::storage::use_user_data;
        let user = use_user_data();
        view! {
            <Show when=move || staff_active(user)>
                <item_edit::ItemEditor item=item.clone()/>
            </Show>
        }
    }
}

/// The drafts screen (`?view=drafts`). The citizen bundle says that drafts
/// are a staff tool and offers to switch staff mode on.
#[component]
pub fn DraftsScreenSlot() -> impl IntoView {
    #[cfg(feature = "staff")]
    {
        view! { <drafts_screen::DraftsScreen/> }
    }
    #[cfg(not(feature = "staff"))]
    {
        let t = crate::i18n::use_texts();
        view! { <NeedsStaffMode heading=t.drafts_heading/> }
    }
}

/// The section report (`?view=workbench`); in the citizen bundle, as the
/// drafts screen, an offer to switch staff mode on.
#[component]
pub fn WorkbenchSlot() -> impl IntoView {
    #[cfg(feature = "staff")]
    {
        view! { <workbench::Workbench/> }
    }
    #[cfg(not(feature = "staff"))]
    {
        let t = crate::i18n::use_texts();
        view! { <NeedsStaffMode heading=t.workbench_heading/> }
    }
}

/// The coordinator's compilation (`?view=compile`); in the citizen bundle,
/// an offer to switch staff mode on.
#[component]
pub fn CompileScreenSlot() -> impl IntoView {
    #[cfg(feature = "staff")]
    {
        view! { <compile_screen::CompileScreen/> }
    }
    #[cfg(not(feature = "staff"))]
    {
        let t = crate::i18n::use_texts();
        view! { <NeedsStaffMode heading=t.compile_heading/> }
    }
}

/// A staff screen opened without staff mode: what it needs, and the switch.
#[cfg(not(feature = "staff"))]
#[component]
fn NeedsStaffMode(heading: &'static str) -> impl IntoView {
    use crate::i18n::use_texts;
    use crate::storage::use_user_data;
    use crate::t;
    let t = use_texts();
    let user = use_user_data();
    view! {
        <article class="drafts" aria-labelledby="staff-screen-heading">
            <h2 id="staff-screen-heading" tabindex="-1">{heading}</h2>
            <p>{t!(t, drafts_need_staff_mode)}</p>
            // Shared kiosks have no staff mode.
            <Show when=move || !user.settings.with(|s| s.kiosk)>
                <button
                    type="button"
                    on:click=move |_| user.update_settings(|s| s.staff_mode = true)
                >
                    {t!(t, turn_on_staff_mode)}
                </button>
            </Show>
        </article>
    }
}
