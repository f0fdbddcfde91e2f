//! The staff tools' strings, per language (staff bundle only, so a citizen
//! never downloads them). Shared staff strings that the citizen bundle also
//! shows (staff mode, the drafts count) stay in [`super::Texts`].

// The type is defined here and each language's module only fills it in (as
// `i18n/mod.rs` does for `Texts`): the children depend on the parent, never
// the other way round.
pub(super) mod en;
mod errors;
pub(super) mod ja;

use super::use_language;
use model::stored::Language;

/// Every string of the section report screen and its files.
pub struct StaffTexts {
    pub workbench_intro: &'static str,
    pub section_label: &'static str,
    pub choose_section: &'static str,
    /// A section in the chooser, with how many items it reports on.
    pub section_option: fn(&str, usize) -> String,
    pub year_label: &'static str,
    /// A reporting year in the chooser (令和 year).
    pub year_option: fn(u8) -> String,
    pub no_section_yet: &'static str,
    /// 「20項目中8項目入力済み」: (done, total).
    pub progress: fn(usize, usize) -> String,
    /// The other sections that report on a shared item.
    pub shared_with: fn(&str) -> String,
    pub result_entered: &'static str,
    pub result_missing: &'static str,
    /// What the plan of the year said, above its result.
    pub plan_of_year: fn(u8) -> String,
    pub edit_all_fields: &'static str,
    pub send_heading: &'static str,
    /// How to send the report: (section, year).
    pub send_note: fn(&str, u8) -> String,
    pub export_xlsx: &'static str,
    pub workbook_failed: &'static str,
    pub import_heading: &'static str,
    // Drafts: editing, review, export and import
    pub edit_heading: &'static str,
    pub edit_note: &'static str,
    pub draft_saved: fn(&str) -> String,
    pub draft_pending: &'static str,
    pub draft_not_saved: fn(&str) -> String,
    pub no_draft: &'static str,
    pub discard_field: &'static str,
    pub discard_item: &'static str,
    pub confirm_discard_field: fn(&str) -> String,
    pub confirm_discard_item: fn(usize) -> String,
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
    /// Why a file cannot be imported (one or two sentences).
    pub import_error: fn(&model::drafts::ImportError) -> String,
    /// Why a draft value cannot be kept (one sentence).
    pub draft_error: fn(&model::drafts::DraftError) -> String,
    pub import_unresolved: &'static str,
    pub stale_note: &'static str,
    pub draft_label: &'static str,
    pub base_label: &'static str,
    pub edited_at: fn(&str) -> String,
    pub incoming_label: &'static str,
    pub empty_value: &'static str,
    // The coordinator's compilation
    pub compile_intro: &'static str,
    pub compile_files_label: &'static str,
    pub compile_drop_hint: &'static str,
    /// How many files count for nothing (each listed with its reason).
    pub compile_refused: fn(usize) -> String,
    pub compile_sections_heading: &'static str,
    /// (sections that sent a file, sections that did not).
    pub compile_sections_summary: fn(usize, usize) -> String,
    /// Files whose section is not known (names joined).
    pub compile_unassigned: fn(&str) -> String,
    /// A file whose name names another report than its contents, which are
    /// followed: (file, the name's section, the name's year, the contents'
    /// section, the contents' year).
    pub compile_name_differs: fn(&str, &str, u8, &str, u8) -> String,
    pub compile_items_column: &'static str,
    pub compile_files_column: &'static str,
    pub compile_missing: &'static str,
    pub compile_conflicts_heading: &'static str,
    pub compile_conflicts_note: fn(usize) -> String,
    pub compile_foreign_heading: &'static str,
    pub compile_foreign_note: &'static str,
    pub compile_unknown_section: &'static str,
    /// (file, sending section, item, field label, the item's sections).
    pub compile_foreign_change: fn(&str, &str, u32, &str, &str) -> String,
    pub compile_write_heading: &'static str,
    /// (changed fields, the new edition's 「令和5年度末」).
    pub compile_ready: fn(usize, &str) -> String,
    pub compile_undecided: fn(usize) -> String,
    pub compile_download_edition: &'static str,
    pub compile_download_changelog: &'static str,
    pub compile_changelog_caption: &'static str,
    pub compile_item_column: &'static str,
    pub compile_field_column: &'static str,
    pub compile_before_column: &'static str,
    pub compile_after_column: &'static str,
    pub compile_file_column: &'static str,
    pub compile_print_heading: &'static str,
    pub compile_print_note: &'static str,
    pub compile_print_show: &'static str,
    pub compile_print_hide: &'static str,
    pub compile_print_now: &'static str,
}

/// The staff strings of the language chosen on this device (read once, as
/// [`super::use_texts`]).
pub fn use_staff_texts() -> &'static StaffTexts {
    match use_language() {
        Language::Ja => &ja::STAFF_JA,
        Language::En => &en::STAFF_EN,
    }
}
