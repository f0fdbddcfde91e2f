//! Interface strings, Japanese (default) and English, in one place.
//!
//! Each language is one value of [`Texts`]: a missing string in either
//! language does not compile. Item contents (titles, plans, results …) are
//! data, not interface, and stay in Japanese in both languages.

mod en;
mod ja;

use leptos::prelude::*;
use model::stored::Language;

use crate::storage::use_user_data;

/// Every interface string. Fields that take values are functions.
pub struct Texts {
    pub lang: &'static str,
    // Page frame
    pub skip_link: &'static str,
    pub owner: &'static str,
    pub title_main: &'static str,
    pub title_sub: &'static str,
    pub status_as_of: &'static str,
    pub source_note: &'static str,
    pub extraction_note: &'static str,
    pub content_language_note: &'static str,
    pub menu: &'static str,
    pub nav_list: &'static str,
    pub nav_overview: &'static str,
    pub nav_about: &'static str,
    pub nav_bookmarks: fn(usize) -> String,
    pub language_switch: &'static str,
    pub language_switch_name: &'static str,
    pub text_size: &'static str,
    pub text_size_normal: &'static str,
    pub text_size_large: &'static str,
    pub text_size_extra_large: &'static str,
    // Notices and offline
    pub notices: &'static str,
    pub download_original: &'static str,
    pub close: &'static str,
    pub offline: &'static str,
    pub update_available: &'static str,
    pub update_now: &'static str,
    pub updating: &'static str,
    // Storage
    pub record_bookmarks: &'static str,
    pub record_settings: &'static str,
    pub record_drafts: &'static str,
    pub unreadable: fn(&str, &str, bool) -> String,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub storage_write_failed: &'static str,
    pub memory_only: &'static str,
    // Kiosk and device data
    pub kiosk: &'static str,
    pub kiosk_banner: fn(u32, bool) -> String,
    pub kiosk_keep_bookmarks: &'static str,
    pub kiosk_setting: &'static str,
    pub device_data: &'static str,
    pub device_data_note: &'static str,
    pub clear_device_data: &'static str,
    pub device_data_cleared: &'static str,
    pub confirm_clear: fn(usize, usize, usize) -> String,
    pub clear: &'static str,
    pub cancel: &'static str,
    // Sharing and printing
    pub open_on_phone: &'static str,
    pub page_qr: &'static str,
    pub open_on_phone_hint: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub qr_name: &'static str,
    pub too_long_for_qr: &'static str,
    pub copy_address: &'static str,
    pub print_list: &'static str,
    pub print_item: &'static str,
    // Bookmarks
    pub bookmark_name: fn(u32, &str) -> String,
    pub bookmark: &'static str,
    pub bookmarked: &'static str,
    pub bookmarks_only: fn(usize) -> String,
    pub bookmarks_local_note: &'static str,
    pub share_bookmarks: &'static str,
    pub share_bookmarks_link: &'static str,
    pub share_bookmarks_hint: &'static str,
    pub shared_showing: fn(usize) -> String,
    pub add_to_my_bookmarks: &'static str,
    pub added_to_bookmarks: &'static str,
    pub show_all_items: &'static str,
    pub no_bookmarks: &'static str,
    // List, search and facets
    pub search_and_filter: &'static str,
    pub filters: &'static str,
    pub items_heading: &'static str,
    pub bookmarks_heading: &'static str,
    pub shared_heading: &'static str,
    pub count: fn(usize) -> String,
    pub sort: &'static str,
    pub sort_number: &'static str,
    pub sort_title: &'static str,
    pub no_results: &'static str,
    pub clear_all: &'static str,
    pub sections_prefix: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_hint: &'static str,
    pub facet_category: &'static str,
    pub facet_bureau: &'static str,
    pub facet_section: &'static str,
    pub facet_sdg: &'static str,
    pub facet_result: &'static str,
    pub has_result: fn(u8) -> String,
    pub sdg_facet_note: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: fn(&str, &str) -> String,
    pub keyword: &'static str,
    // SDGs
    pub sdg_goals: &'static str,
    pub estimated: &'static str,
    pub documented: &'static str,
    pub sdg_badge: fn(u8, &str, &str) -> String,
    pub sdg_documented_note: &'static str,
    pub sdg_estimated_note: &'static str,
    pub no_entry: &'static str,
    // Item detail
    pub not_found: fn(u32) -> String,
    pub back_to_list: &'static str,
    pub breadcrumb: &'static str,
    pub overview_field: &'static str,
    pub current_status_field: &'static str,
    pub measures_field: &'static str,
    pub target_state_field: &'static str,
    pub bureaus: &'static str,
    pub sections: &'static str,
    pub source_page: &'static str,
    pub page_number: fn(u32) -> String,
    pub general_plan: &'static str,
    pub smart_city: &'static str,
    pub smart_city_none: &'static str,
    pub empty_cell: &'static str,
    pub years_heading: &'static str,
    pub years_caption: &'static str,
    pub year: &'static str,
    pub plan: &'static str,
    pub result: &'static str,
    pub no_result: &'static str,
    pub results_note: &'static str,
    pub toc_differences: &'static str,
    pub toc_vs_table: fn(&str, &str) -> String,
    pub prev_next: &'static str,
    pub previous_item: &'static str,
    pub next_item: &'static str,
    // Staff drafts
    pub staff_mode: &'static str,
    pub staff_mode_note: &'static str,
    pub nav_drafts: fn(usize) -> String,
    pub edit_heading: &'static str,
    pub edit_note: &'static str,
    pub draft_saved: fn(&str) -> String,
    pub draft_pending: &'static str,
    pub draft_not_saved: fn(&str) -> String,
    pub draft_badge: &'static str,
    pub no_draft: &'static str,
    pub discard_field: &'static str,
    pub discard_item: &'static str,
    pub confirm_discard_field: fn(&str) -> String,
    pub confirm_discard_item: fn(usize) -> String,
    pub discard: &'static str,
    pub show_draft: &'static str,
    pub showing_draft_note: &'static str,
    pub drafts_heading: &'static str,
    pub drafts_summary: fn(usize, usize) -> String,
    pub no_drafts: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub print_changes: &'static str,
    pub import_label: &'static str,
    pub import_preview_heading: &'static str,
    pub import_preview_summary: fn(usize, usize) -> String,
    pub import_version_differs: &'static str,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub apply_import: &'static str,
    pub import_done: fn(usize, usize, usize) -> String,
    pub import_failed: fn(&str) -> String,
    pub import_unresolved: &'static str,
    pub stale_note: &'static str,
    pub published_label: &'static str,
    pub draft_label: &'static str,
    pub base_label: &'static str,
    pub edited_at: fn(&str) -> String,
    pub incoming_label: &'static str,
    pub empty_value: &'static str,
    // About
    pub about_title: &'static str,
    pub about_source_heading: &'static str,
    pub about_source: &'static str,
    pub about_data_heading: &'static str,
    pub about_data: &'static str,
    pub about_download_corrections: &'static str,
    pub about_sdg_heading: &'static str,
    pub about_sdg: fn(usize) -> String,
    pub about_storage_heading: &'static str,
    pub about_storage: &'static str,
    pub about_errors_heading: &'static str,
    pub about_errors: &'static str,
    pub corrections_show: fn(usize) -> String,
    pub corrections_caption: &'static str,
    pub corrections_columns: [&'static str; 5],
}

/// The strings of `language`.
pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Ja => &ja::JA,
        Language::En => &en::EN,
    }
}

/// The strings of the language chosen on this device.
///
/// Read once, not tracked: a change of language re-renders the whole app
/// (see `app::App`), which keeps every string a plain `&'static str` instead
/// of one reactive closure each (those cost wasm size and start-up time).
pub fn use_texts() -> &'static Texts {
    let user = use_user_data();
    texts(user.settings.with_untracked(|s| s.language))
}

/// One string of the current language: `t!(t, search_label)`.
#[macro_export]
macro_rules! t {
    ($texts:expr, $field:ident) => {
        $texts.$field
    };
}
