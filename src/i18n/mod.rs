//! Interface strings, Japanese (default) and English, in one place.
//!
//! Each language is one value of [`Texts`]: a missing string in either
//! language does not compile. Item contents (titles, plans, results …) are
//! data, not interface, and stay in Japanese in both languages.

mod en;
mod ja;
#[cfg(any(feature = "staff", test))]
pub mod staff;

use model::accessibility::CheckKind;
use model::drafts::FieldPath;
use model::edition::EditionLabel;
use model::overview::SdgCellCounts;
use model::stored::{DecodeError, Language};

/// The interface strings the islands show (the citizen bundle carries
/// these only). Fields that take values are functions.
pub struct Texts {
    /// Printouts: the print date (year, month, day).
    pub printed_on: fn(i32, u32, u32) -> String,
    /// Printouts: the label before the page's address.
    pub page_address: &'static str,
    /// Printouts: that the current version is on the web.
    pub latest_on_web: &'static str,
    pub nav_list: &'static str,
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
    pub download_unavailable: &'static str,
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
    /// Why a stored value could not be read, in one sentence.
    pub decode_error: fn(&DecodeError) -> String,
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
    /// A bookmark button's name around the item's title (which stays
    /// Japanese, marked as such): what comes before it and after it.
    pub bookmark_name: fn(u32) -> (String, &'static str),
    /// An item's number as the document writes it: 「No.17」.
    pub item_no: fn(u32) -> String,
    /// An item's number and title: 「No.17 題名」.
    pub item_name: fn(u32, &str) -> String,
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
    pub show_more_rows: fn(usize, usize) -> String,
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
    /// A filter chip's name around the option's label: before it, after it.
    pub remove_filter: fn(&str) -> (String, &'static str),
    pub keyword: &'static str,
    // SDGs
    pub sdg_goals: &'static str,
    pub estimated: &'static str,
    pub documented: &'static str,
    pub sdg_badge: fn(u8, &str, &str) -> String,
    /// The 17 goals' short names (the UN's in English, the Ministry of
    /// Foreign Affairs' in Japanese), goal 1 first.
    pub sdg_goal_names: [&'static str; 17],
    // Staff drafts
    pub staff_mode: &'static str,
    /// Staff mode is on but its tools could not be loaded.
    pub staff_tools_unavailable: &'static str,
    /// The drafts screen opened without staff mode.
    pub drafts_need_staff_mode: &'static str,
    /// The button that turns staff mode on from the drafts screen.
    pub turn_on_staff_mode: &'static str,
    /// The section report screen's name (staff), in the menu and as its heading.
    pub workbench_heading: &'static str,
    /// The coordinator's compilation screen's name (staff).
    pub compile_heading: &'static str,
    pub drafts_heading: &'static str,
    /// The name of an editable field, e.g. 「令和5年度の実績」.
    pub field_label: fn(FieldPath) -> String,
    /// The field a search snippet comes from, before the passage.
    pub snippet_field: fn(&str) -> String,
    pub sdg_goal_number: fn(u8) -> String,
    pub list_separator: &'static str,
    /// Between the document's own (Japanese) names, such as an item's
    /// sections: 「・」 in both languages, as the names stay Japanese.
    pub name_separator: &'static str,
    /// A remark in brackets after the document's text, such as a date.
    pub parenthetical: fn(&str) -> String,
    /// A passage quoted from the document (Japanese in both languages).
    pub quote: fn(&str) -> String,
    /// An entry of a numbered list from the document (a smart-city measure).
    pub numbered: fn(u32, &str) -> String,
    /// A position in the general plan: its reference and title.
    pub plan_reference: fn(&str, &str) -> String,
    pub sort_ascending: &'static str,
    pub sort_descending: &'static str,
    pub sorted_by: fn(&str, &str) -> String,
}

/// The strings only the build's pages show (their static parts: the
/// header, the about page, the overview, an item's table, …) and the staff
/// tools. No island reads them, so they are not in the citizen bundle;
/// the page's other strings are reached through [`Deref`] to [`Texts`].
pub struct PageTexts {
    /// The strings the islands show, in the same language.
    pub base: &'static Texts,
    /// Link previews: what the site's card image shows (`og:image:alt`).
    pub share_card_alt: &'static str,
    /// Link previews: what an item's card shows (its number and title).
    pub share_item_card_alt: fn(u32, &str) -> String,
    /// The edition shown (header, printouts): 「令和4年度末の取組状況」.
    pub status_as_of: fn(EditionLabel) -> String,
    /// Printouts: the label before the edition.
    pub edition_label: &'static str,
    /// The feed's title (`feed.xml`, linked from every page).
    pub feed_title: &'static str,
    pub lang: &'static str,
    // Page frame
    pub skip_link: &'static str,
    pub owner: &'static str,
    pub title_main: &'static str,
    pub title_sub: &'static str,
    /// The browser tab's title: the page's own name (an item), then the programme's.
    pub document_title: fn(EditionLabel, Option<(u32, &str)>) -> String,
    /// The tab's title of a page with a name of its own (概要, …).
    pub page_title: fn(&str) -> String,
    /// What the site is, for search engines and link previews.
    pub site_description: &'static str,
    /// An item page's description, for search engines and link previews:
    /// (number, title, sections, the item's overview in its own words).
    pub item_description: fn(u32, &str, &str, &str) -> String,
    pub source_note: fn(EditionLabel) -> String,
    pub extraction_note: &'static str,
    pub content_language_note: &'static str,
    pub menu: &'static str,
    pub nav_overview: &'static str,
    pub nav_about: &'static str,
    /// 「今回の更新」: its link and the page's heading.
    pub nav_changes: &'static str,
    pub changes_heading: &'static str,
    /// The page's lead: (the previous edition, this one, how many items changed).
    pub changes_since: fn(EditionLabel, EditionLabel, usize) -> String,
    /// The page when the edition is the first one.
    pub changes_first: fn(EditionLabel) -> String,
    /// The page a host shows for an address the site does not have: its
    /// heading and what to do.
    pub page_not_found: &'static str,
    pub page_not_found_text: &'static str,
    /// The button of a search form that works without the app.
    pub search_button: &'static str,
    /// A changed field's text in the previous edition, and in this one.
    pub change_before: &'static str,
    pub change_after: &'static str,
    /// The page when nothing changed.
    pub changes_none: &'static str,
    /// The accessibility statement: its link and heading.
    pub nav_accessibility: &'static str,
    /// The statement's policy: the heading, then a paragraph.
    pub a11y_policy_heading: &'static str,
    pub a11y_policy: &'static str,
    /// The policy's facts as (label, value): standard, target, status, scope.
    pub a11y_facts: &'static [(&'static str, &'static str)],
    pub a11y_exceptions_heading: &'static str,
    /// Known exceptions, one per entry.
    pub a11y_exceptions: &'static [&'static str],
    pub a11y_results_heading: &'static str,
    /// The results' summary: (day of the run, tests, passed, axe-core version).
    pub a11y_results_summary: fn(&str, usize, usize, &str) -> String,
    /// The results table's caption and column headings.
    pub a11y_results_caption: &'static str,
    pub a11y_col_check: &'static str,
    pub a11y_col_what: &'static str,
    pub a11y_col_result: &'static str,
    /// A kind of check: (its name, what it checks).
    pub a11y_check: fn(CheckKind) -> (&'static str, &'static str),
    /// One check's result: (passed, tests).
    pub a11y_check_result: fn(usize, usize) -> String,
    /// The disclosure listing every test by the suite's own (English) title.
    pub a11y_cases: &'static str,
    pub a11y_contact_heading: &'static str,
    /// Shown until the city sets `accessibility_contact` in `data/site.json`.
    pub a11y_contact_placeholder: &'static str,
    pub sdg_documented_note: &'static str,
    /// Estimated goals where the source's cell kept only the icons' blanks.
    pub sdg_estimated_note: &'static str,
    /// Estimated goals where the source's cell is empty.
    pub sdg_empty_note: &'static str,
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
    pub results_note: fn(EditionLabel) -> String,
    /// The fields of an item changed since the previous edition: (that
    /// edition, the fields' names).
    pub changed_since: fn(&str, &[String]) -> String,
    /// A field filled for the first time in this edition (a new result).
    pub change_new: &'static str,
    /// A field revised in this edition.
    pub change_updated: &'static str,
    pub toc_differences: &'static str,
    pub toc_vs_table: fn(&str, &str) -> String,
    pub prev_next: &'static str,
    pub previous_item: &'static str,
    pub next_item: &'static str,
    pub staff_mode_note: &'static str,
    pub nav_drafts: fn(usize) -> String,
    pub draft_badge: &'static str,
    pub discard: &'static str,
    pub show_draft: &'static str,
    pub showing_draft_note: &'static str,
    // About
    pub about_title: &'static str,
    pub about_source_heading: &'static str,
    pub about_source: fn(EditionLabel) -> String,
    pub about_data_heading: &'static str,
    pub about_data: &'static str,
    pub about_sdg_heading: &'static str,
    /// Items whose goals are named, estimated from lost icons, and estimated
    /// from content alone (empty cell).
    pub about_sdg: fn(SdgCellCounts) -> String,
    /// The source's introduction (its text stays Japanese).
    pub preface_heading: &'static str,
    pub preface_language_note: &'static str,
    pub edition_adopted: &'static str,
    pub edition_status: &'static str,
    pub edition_published: &'static str,
    pub edition_published_unknown: &'static str,
    pub about_storage_heading: &'static str,
    pub about_storage: &'static str,
    pub about_errors_heading: &'static str,
    pub about_errors: fn(EditionLabel) -> String,
    pub corrections_show: fn(usize) -> String,
    pub corrections_caption: &'static str,
    pub corrections_columns: [&'static str; 7],
    /// In `model::corrections::CorrectionKind::ALL` order.
    pub correction_kinds: [&'static str; 3],
    pub certainty_certain: &'static str,
    pub certainty_guess: &'static str,
    /// Counts by kind (in `CorrectionKind::ALL` order), then the guesses.
    pub corrections_summary: fn([usize; 3], usize) -> String,
    // Open data
    pub nav_open_data: &'static str,
    pub open_data_heading: &'static str,
    pub open_data_lead: &'static str,
    /// Name and description of each file, in `model::open_data::OpenFile::ALL` order.
    pub open_data_files: [(&'static str, &'static str); 8],
    pub open_data_csv_note: &'static str,
    // Overview and indicators
    pub overview_heading: &'static str,
    pub overview_lead: fn(usize) -> String,
    pub key_items: &'static str,
    pub key_items_value: fn(usize) -> String,
    pub key_pillars: &'static str,
    pub key_categories: &'static str,
    pub key_bureaus: &'static str,
    pub key_sections: &'static str,
    pub key_indicators: &'static str,
    pub key_effects: &'static str,
    pub key_effects_value: fn(usize) -> String,
    pub bar_count: fn(usize) -> String,
    pub items_column: &'static str,
    pub chart_categories_title: &'static str,
    pub chart_categories_column: &'static str,
    pub chart_categories_note: fn(usize, usize) -> String,
    pub chart_bureaus_title: &'static str,
    pub chart_bureaus_column: &'static str,
    pub chart_bureaus_note: fn(usize) -> String,
    pub chart_sections_title: &'static str,
    pub chart_sections_column: &'static str,
    pub chart_sections_more: fn(usize) -> String,
    pub chart_sections_note: &'static str,
    pub chart_sdgs_title: &'static str,
    pub chart_sdgs_column: &'static str,
    pub sdg_breakdown: fn(usize, usize) -> String,
    pub sdg_no_items: &'static str,
    pub total_column: &'static str,
    /// The same three cases, under the SDG chart.
    pub chart_sdgs_note: fn(SdgCellCounts) -> String,
    pub chart_results_title: &'static str,
    pub chart_results_column: &'static str,
    pub chart_results_value: fn(usize, usize) -> String,
    pub not_reported_yet: &'static str,
    pub not_reported_yet_cell: &'static str,
    pub chart_results_note: fn(EditionLabel) -> String,
    pub show_more: fn(usize) -> String,
    pub show_table: &'static str,
    pub indicator_table_heading: &'static str,
    pub indicator_table_note: &'static str,
    pub indicator_summary: fn(usize, &str) -> String,
    pub status_count: fn(&str, usize) -> String,
    pub sort_hint: &'static str,
    pub indicator_table_caption: &'static str,
    pub column_item: &'static str,
    pub column_indicator: &'static str,
    pub column_latest_result: &'static str,
    pub column_same_year_target: &'static str,
    pub column_status: &'static str,
    pub none: &'static str,
    pub none_target_years: fn(&str) -> String,
    pub year_separator: &'static str,
    pub effects_heading: &'static str,
    pub effect_table_note: &'static str,
    pub effect_table_caption: &'static str,
    pub column_effect: &'static str,
    pub column_content: &'static str,
    pub year_label: fn(u8) -> String,
    pub status_met: &'static str,
    pub status_not_met: &'static str,
    pub status_not_comparable: &'static str,
    pub status_no_target: &'static str,
    pub status_no_result: &'static str,
    pub reason_not_reported_yet: fn(u8) -> String,
    /// A year this edition reports whose figures are not yet among the
    /// indicators (read by hand from the edition of the end of that year).
    pub reason_not_read_yet: fn(u8) -> String,
    pub reason_no_figure: &'static str,
    pub reason_no_target_for_year: fn(&str) -> String,
    pub in_parens: fn(&str) -> String,
    pub indicators_heading: &'static str,
    pub indicators_hint: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub target_label: &'static str,
    pub actual_label: &'static str,
    pub off_axis_note: &'static str,
    pub unit_label: &'static str,
    pub direction_higher: &'static str,
    pub direction_lower: &'static str,
    pub direction_target: &'static str,
    pub baseline_label: &'static str,
    pub baseline_term: &'static str,
    pub source_figure: fn(&str, &str) -> String,
    pub sources_summary: &'static str,
    pub effect_year_not_stated: &'static str,
}

impl std::ops::Deref for PageTexts {
    type Target = Texts;

    fn deref(&self) -> &Texts {
        self.base
    }
}

impl Texts {
    /// The short name of SDG goal `number` (1–17); the number alone otherwise.
    pub fn sdg_goal_name(&self, number: u8) -> String {
        usize::from(number)
            .checked_sub(1)
            .and_then(|i| self.sdg_goal_names.get(i))
            .map_or_else(|| (self.sdg_goal_number)(number), |name| (*name).to_owned())
    }
}

/// The strings of `language`.
pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Ja => &ja::JA,
        Language::En => &en::EN,
    }
}

/// The strings of `language`, the pages' own with them.
pub fn page_texts(language: Language) -> &'static PageTexts {
    match language {
        Language::Ja => &ja::JA_PAGE,
        Language::En => &en::EN_PAGE,
    }
}

/// The interface language: the page's (Japanese at the site root, English
/// below `en/`). It never changes while a page is open: the other language
/// is another page.
pub fn use_language() -> Language {
    crate::url::use_page().language
}

/// The strings of the page's language.
pub fn use_texts() -> &'static Texts {
    texts(use_language())
}

/// The strings of the page's language, the pages' own with them: for what
/// only the build renders (and the staff tools).
pub fn use_page_texts() -> &'static PageTexts {
    page_texts(use_language())
}

/// One string of the current language: `t!(t, search_label)`.
#[macro_export]
macro_rules! t {
    ($texts:expr, $field:ident) => {
        $texts.$field
    };
}

#[cfg(test)]
mod tests {
    use model::drafts::{DraftError, Entry, Expected, FieldPath, ImportError, ShapeAt, ValueKind};
    use model::stored::DecodeError;

    use super::en::EN;
    use super::ja::JA;
    use super::staff::en::STAFF_EN;
    use super::staff::ja::STAFF_JA;

    fn has_japanese(text: &str) -> bool {
        text.chars().any(|c| {
            matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
        })
    }

    /// The text without its “quoted” parts.
    fn without_quoted(text: &str) -> String {
        text.split('“')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('”').map_or(part, |(_, rest)| rest)
                }
            })
            .collect()
    }

    fn import_errors() -> Vec<ImportError> {
        let path = FieldPath::Result(5);
        vec![
            ImportError::TooLarge(3_000_000),
            ImportError::NotJson("EOF".into()),
            ImportError::NotDraftsFile,
            ImportError::NewerFormat(2),
            ImportError::UnknownFormatVersion("0".into()),
            ImportError::TooManyChanges(10_001),
            ImportError::BadShape {
                at: ShapeAt::ChangeKey(1, "edited_at"),
                expected: Expected::EditedAt,
            },
            ImportError::BadShape {
                at: ShapeAt::Key("changes"),
                expected: Expected::Value(ValueKind::OptionalLines),
            },
            ImportError::UnknownItem {
                index: Entry::Change(2),
                item: 99,
            },
            ImportError::UnknownField {
                index: Entry::Row(14),
                item: 7,
                field: "years.9.result".into(),
                reason: model::drafts::FieldPathError::YearOutOfRange("9".into()),
            },
            ImportError::InvalidValue {
                index: Entry::Change(1),
                item: 12,
                path,
                error: DraftError::WrongKind {
                    expected: ValueKind::OptionalLines,
                },
            },
            ImportError::Duplicate {
                index: Entry::Row(2),
                item: 3,
                path,
            },
            ImportError::BadShape {
                at: ShapeAt::Cell(3, "項目番号"),
                expected: Expected::ItemNumber,
            },
            ImportError::OtherEdition {
                file: "令和5年度末".into(),
                here: "令和4年度末".into(),
            },
            ImportError::MissingColumns(vec!["報告内容", "欄"]),
            ImportError::OtherReportingYear { file: 6, here: 5 },
            ImportError::NotWorkbook("zip".into()),
            ImportError::Unreadable,
        ]
    }

    fn draft_errors() -> Vec<DraftError> {
        vec![
            DraftError::EmptyTitle,
            DraftError::TitleHasLineBreak,
            DraftError::InvalidGoal("18".into()),
            DraftError::DuplicateGoal(3),
            DraftError::BadPlanRef("x".into()),
            DraftError::BadSmartCity("x".into()),
            DraftError::TooLong { chars: 20_001 },
            DraftError::UnknownItem(99),
            DraftError::FieldNotInItem {
                item: 1,
                path: FieldPath::Plan(3),
            },
        ]
    }

    #[test]
    fn english_messages_have_no_japanese() {
        for error in import_errors() {
            let text = (STAFF_EN.import_error)(&error);
            // Quoted names are the file's own (its Japanese column headings
            // and editions), which the reader must find in the file.
            assert!(!has_japanese(&without_quoted(&text)), "{text}");
        }
        for error in draft_errors() {
            let text = (STAFF_EN.draft_error)(&error);
            assert!(!has_japanese(&text), "{text}");
        }
        let decode = [
            DecodeError::NotJson("x".into()),
            DecodeError::NewerVersion {
                found: 3,
                supported: 1,
            },
            DecodeError::UnknownVersion(0),
        ];
        for error in &decode {
            let text = (EN.decode_error)(error);
            assert!(!has_japanese(&text), "{text}");
        }
        for path in [
            FieldPath::TargetState,
            FieldPath::Result(4),
            FieldPath::SdgGoals,
        ] {
            assert!(!has_japanese(&(EN.field_label)(path)));
        }
        for goal in 1..=17 {
            assert!(!has_japanese(&EN.sdg_goal_name(goal)));
        }
    }

    #[test]
    fn japanese_messages_name_the_change_and_the_limit() {
        let [too_large, _, not_drafts, newer, ..] = &import_errors()[..] else {
            unreachable!()
        };
        assert!((STAFF_JA.import_error)(too_large).contains("大きすぎ"));
        assert!((STAFF_JA.import_error)(not_drafts).contains("書き出しファイルではありません"));
        assert!((STAFF_JA.import_error)(newer).contains("新しいバージョン"));
        let unknown_item = (STAFF_JA.import_error)(&ImportError::UnknownItem {
            index: Entry::Change(2),
            item: 99,
        });
        assert!(
            unknown_item.contains("2件目") && unknown_item.contains("99"),
            "{unknown_item}"
        );
        let invalid = (STAFF_JA.import_error)(&import_errors()[10]);
        assert!(
            invalid.contains("令和5年度の実績") && invalid.contains("null"),
            "{invalid}"
        );
        let shape = (STAFF_JA.import_error)(&import_errors()[6]);
        assert!(shape.contains("1件目の変更の edited_at"), "{shape}");
        assert_eq!(
            (JA.decode_error)(&DecodeError::NewerVersion {
                found: 3,
                supported: 1
            }),
            "保存データの形式が新しいバージョンのもので、このページでは読み込めません（バージョン 3、対応 1）。"
        );
    }

    #[test]
    fn both_languages_name_all_17_goals() {
        for texts in [&JA, &EN] {
            let names: std::collections::BTreeSet<String> =
                (1..=17).map(|goal| texts.sdg_goal_name(goal)).collect();
            assert_eq!(names.len(), 17);
            assert_eq!(texts.sdg_goal_name(18), (texts.sdg_goal_number)(18));
        }
        assert_eq!(JA.sdg_goal_name(12), "つくる責任 つかう責任");
        assert_eq!(
            EN.sdg_goal_name(12),
            "Responsible consumption and production"
        );
    }

    #[test]
    fn english_counts_agree_in_number() {
        assert_eq!((EN.count)(1), "1 item");
        assert_eq!((EN.count)(61), "61 items");
        assert_eq!(
            (STAFF_EN.drafts_summary)(1, 1),
            "1 field of 1 item has a draft."
        );
        assert_eq!(
            (STAFF_EN.drafts_summary)(2, 3),
            "3 fields of 2 items have drafts."
        );
        assert!((EN.confirm_clear)(1, 0, 1)
            .starts_with("This deletes 1 bookmark, 0 drafts and 1 copy "));
    }
}
