//! English. Item contents stay in Japanese; `content_language_note` says so.

use model::accessibility::CheckKind;
use model::drafts::FieldPath;
use model::edition::EditionLabel;
use model::stored::DecodeError;

use super::{PageTexts, Texts};

pub static EN: Texts = Texts {
    printed_on: |year, month, day| {
        const MONTHS: [&str; 12] = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ];
        let month = MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or_default();
        format!("Printed on {day} {month} {year}")
    },
    page_address: "Address of this page: ",
    latest_on_web: "For the latest information, see the web page.",
    nav_list: "All items",
    nav_bookmarks: |n| format!("Bookmarks ({n})"),
    language_switch: "日本語",
    language_switch_name: "日本語に切り替える",
    text_size: "Text size",
    text_size_normal: "Standard",
    text_size_large: "Large",
    text_size_extra_large: "Extra large",
    notices: "Notices",
    download_unavailable: "This browser could not make the file to download. Reload the page and try again.",
    download_original: "Download the original data",
    close: "Close",
    offline: "You are offline. Searching, reading and bookmarks keep working with the copy stored on this device.",
    update_available: "A new version is available. Your bookmarks and drafts are kept when you update.",
    update_now: "Update to the new version",
    updating: "Updating…",
    record_bookmarks: "bookmarks",
    record_drafts: "drafts",
    record_settings: "settings of this device",
    unreadable: |label, error, kept| {
        let where_kept = if kept {
            "The original data was kept on this device under another name; you can download it below."
        } else {
            "You can download the original data below."
        };
        format!("The stored {label} could not be read ({error}). {where_kept}")
    },
    decode_error: |error| match error {
        DecodeError::NotJson(_) => {
            "The stored data is damaged and cannot be read by this page (it is not valid JSON).".into()
        }
        DecodeError::NotAnEnvelope(_) => {
            "The stored data is not in the expected form and cannot be read by this page.".into()
        }
        DecodeError::NewerVersion { found, supported } => format!(
            "The stored data was written by a newer version of the app and cannot be read by this page (version {found}; this page reads up to {supported})."
        ),
        DecodeError::UnknownVersion(version) => format!(
            "The stored data has an unknown format version and cannot be read by this page (version {version})."
        ),
        DecodeError::MigrationFailed { from, .. } => format!(
            "The stored data in an older format could not be converted to the current one (version {from})."
        ),
        DecodeError::BadData { version, .. } => format!(
            "The stored data does not contain what was expected and cannot be read by this page (version {version})."
        ),
    },
    storage_unavailable: "This browser does not allow this page to store data.",
    storage_full: "The storage of this device is full.",
    storage_write_failed: "The data could not be saved.",
    memory_only: " Changes such as bookmarks last only while this page is open and are lost on reload.",
    kiosk: "Shared terminal mode",
    kiosk_banner: |minutes, keep| {
        if keep {
            format!("Shared terminal mode: after {minutes} min without use the app returns to the start. Bookmarks stay on this device.")
        } else {
            format!("Shared terminal mode: after {minutes} min without use the app returns to the start and bookmarks are cleared.")
        }
    },
    kiosk_keep_bookmarks: "Keep bookmarks on this device",
    kiosk_setting: "Shared terminal mode (returns to the start after a while without use)",
    device_data: "Data stored on this device",
    device_data_note: "Bookmarks are stored only in this browser on this device and are never sent anywhere. On a shared device, clear them when you are done.",
    clear_device_data: "Clear this device's data",
    device_data_cleared: "This device's data was cleared.",
    confirm_clear: |bookmarks, drafts, backups| {
        format!(
            "This deletes {}, {} and {} of unreadable data. It cannot be undone. Delete?",
            plural(bookmarks, "bookmark", "bookmarks"),
            plural(drafts, "draft", "drafts"),
            plural(backups, "copy", "copies"),
        )
    },
    clear: "Delete",
    cancel: "Cancel",
    open_on_phone: "Open on a smartphone",
    page_qr: "QR code of this page",
    open_on_phone_hint: "Scan it with a phone camera to open this screen with the same conditions.",
    copied: "Copied",
    copy_failed: "Could not copy. Please select the address and copy it.",
    qr_name: "QR code of the address",
    too_long_for_qr: "The address is too long for a QR code.",
    copy_address: "Copy the address",
    print_list: "Print the list",
    print_item: "Print this item",
    bookmark_name: |no| (format!("Bookmark No.{no} “"), "”"),
    item_no: |no| format!("No.{no}"),
    item_name: |no, title| format!("No.{no} {title}"),
    bookmark: "Bookmark",
    bookmarked: "Bookmarked",
    bookmarks_only: |n| format!("Bookmarks only ({n})"),
    bookmarks_local_note: "Bookmarks are stored only in this browser on this device.",
    share_bookmarks: "Share bookmarks as a link",
    share_bookmarks_link: "Link to share the bookmarks",
    share_bookmarks_hint: "Opening this link shows the same items on another device.",
    shared_showing: |n| format!("Showing the {} of a shared link.", items(n)),
    add_to_my_bookmarks: "Add to my bookmarks",
    added_to_bookmarks: "Added to your bookmarks",
    show_all_items: "Show all items",
    no_bookmarks: "No bookmarks yet. Add items with their “Bookmark” button.",
    show_more_rows: |next, left| format!("Show {next} more ({left} left)"),
    search_and_filter: "Search and filters",
    filters: "Filters",
    items_heading: "Items",
    bookmarks_heading: "Bookmarks",
    shared_heading: "Shared bookmarks",
    count: items,
    sort: "Sort",
    sort_number: "By number",
    sort_title: "By title",
    no_results: "No item matches these conditions.",
    clear_all: "Clear all conditions",
    sections_prefix: "Sections: ",
    search_label: "Search by keyword",
    search_placeholder: "Japanese words (the items are in Japanese)",
    search_hint: "Separate words with spaces to find items containing all of them. Hiragana/katakana and full/half width are treated alike.",
    facet_category: "Category",
    facet_bureau: "Bureau",
    facet_section: "Section",
    facet_sdg: "SDGs",
    facet_result: "Results",
    has_result: |year| format!("Results for Reiwa {year}"),
    sdg_facet_note: "Except for 4 items whose goals the document names, the goals are estimated from the contents (dashed outline).",
    active_filters: "Active conditions",
    remove_filter: |facet| (format!("Remove {facet} “"), "”"),
    keyword: "Keyword: ",
    sdg_goals: "SDG goals",
    estimated: "Estimated",
    documented: "Named in the document",
    sdg_badge: |number, name, basis| format!("SDG {number}: {name} ({basis})"),
    sdg_goal_names: [
        "No poverty",
        "Zero hunger",
        "Good health and well-being",
        "Quality education",
        "Gender equality",
        "Clean water and sanitation",
        "Affordable and clean energy",
        "Decent work and economic growth",
        "Industry, innovation and infrastructure",
        "Reduced inequalities",
        "Sustainable cities and communities",
        "Responsible consumption and production",
        "Climate action",
        "Life below water",
        "Life on land",
        "Peace, justice and strong institutions",
        "Partnerships for the goals",
    ],
    staff_mode: "Staff mode",
    staff_tools_unavailable: "The staff tools could not be loaded. Reload the page where there is an internet connection; once loaded, they also work offline. You can keep reading meanwhile.",
    drafts_need_staff_mode: "Drafts are written, exported and imported in staff mode. Switching staff mode on loads the staff tools and reopens the page.",
    turn_on_staff_mode: "Switch staff mode on",
    workbench_heading: "Section report",
    compile_heading: "Compile the reports",
    drafts_heading: "Drafts",
    field_label: |path| match path {
        FieldPath::Title => "Item title".to_owned(),
        FieldPath::Bureaus => "Responsible departments".to_owned(),
        FieldPath::Sections => "Responsible sections".to_owned(),
        FieldPath::Overview => "Outline of the reform".to_owned(),
        FieldPath::CurrentStatus => "Results and issues so far".to_owned(),
        FieldPath::Measures => "Measures and means of reform".to_owned(),
        FieldPath::TargetState => "Target state in five years and outcome targets (effect amount)".to_owned(),
        FieldPath::GeneralPlan => "Place in the Comprehensive Plan".to_owned(),
        FieldPath::SmartCity => "Place in the Smart City Promotion Plan".to_owned(),
        FieldPath::SdgGoals => "SDG goals".to_owned(),
        FieldPath::Plan(year) => format!("Plan for Reiwa {year}"),
        FieldPath::Result(year) => format!("Results for Reiwa {year}"),
    },
    snippet_field: |field| format!("{field}: "),
    sdg_goal_number: |goal| format!("Goal {goal}"),
    list_separator: ", ",
    name_separator: "・",
    parenthetical: |text| format!("（{text}）"),
    quote: |text| format!("「{text}」"),
    numbered: |number, text| format!("{number}. {text}"),
    plan_reference: |reference, title| format!("【{reference}】 {title}"),

    sort_ascending: "ascending",
    sort_descending: "descending",
    sorted_by: |column, direction| format!("Sorted by {column}, {direction}"),
};

pub static EN_PAGE: PageTexts = PageTexts {
    base: &EN,
    feed_title: "Ueda City Reform Action Programme: updates",
    status_as_of: |l| format!("Status at the end of fiscal {} (Reiwa {})", l.fiscal_year(), l.reiwa_year()),
    edition_label: "Edition: ",
    share_card_alt: "“第四次上田市行財政改革大綱 アクションプログラム” (Ueda City's reform action programme), Ueda City",
    share_item_card_alt: |no, title| {
        format!("No.{no} “{title}”, Ueda City's reform action programme")
    },
    lang: "en",
    skip_link: "Skip to content",
    owner: "Ueda City",
    title_main: "Fourth Ueda City Administrative and Fiscal Reform Outline",
    title_sub: "Action Programme",
    document_title: |l, item| match item {
        Some((no, title)) => format!("No.{no} {title} | Ueda City Reform Action Programme"),
        None => format!("Ueda City Reform Action Programme (status at the end of fiscal {})", l.fiscal_year()),
    },
    page_title: |name| format!("{name} | Ueda City Reform Action Programme"),
    item_description: |no, title, sections, overview| {
        format!("Ueda City reform action programme, No.{no} “{title}” ({sections}). {overview}")
    },
    site_description: "All 61 items of Ueda City's Fourth Administrative and Fiscal Reform Action Programme: find them by pillar and category, bureau and section, SDG goal or keyword, and read each year's plan and results.",
    source_note: |l| format!(
        "Source: Ueda City, “Fourth Ueda City Administrative and Fiscal Reform Outline: Action Programme, status at the end of fiscal Reiwa {}” (adopted August 2021).",
        l.reiwa_year()
    ),
    extraction_note: "The contents were extracted from the text of the PDF; every correction (of extraction errors, of the document's own typos and others) is recorded with its kind and reason.",
    content_language_note: "The interface is in English; the items themselves (titles, plans, results) are shown in Japanese, as in the source document.",
    menu: "Menu",
    nav_overview: "Overview",
    nav_about: "About this site",
    nav_changes: "What changed",
    changes_heading: "What changed in this edition",
    changes_since: |previous, now, items| format!(
        "The fields of the {items} items that this edition (end of Reiwa {}) changed since the edition of the end of Reiwa {}, before and after.",
        now.reiwa_year(),
        previous.reiwa_year()
    ),
    change_before: "Previous edition",
    change_after: "This edition",
    page_not_found: "Page not found",
    page_not_found_text: "This site has no page at this address: it may have moved, or the address may be mistyped. Search by keyword, or start from the list of items.",
    search_button: "Search",
    changes_first: |now| format!(
        "This edition (end of Reiwa {}) is the first published on this site: there is no earlier edition to compare with yet.",
        now.reiwa_year()
    ),
    changes_none: "No field changed since the previous edition.",
    nav_accessibility: "Web accessibility policy",
    a11y_policy_heading: "Policy",
    a11y_policy: "Ueda City works to ensure and improve web accessibility, so that everyone can get the information on this site whatever their age, disability or device.",
    a11y_facts: &[
        ("Standard", "JIS X 8341-3:2016 (identical to WCAG 2.0; the checks use the WCAG 2.1 criteria)"),
        ("Target level", "AA"),
        ("Status", "AA considered (every automated and scripted check below passes; a test of every success criterion by people, following the JIS X 8341-3:2016 test procedure, has not been carried out)"),
        ("Scope", "Every screen of this site: the list, each item's page (including the pages written at build time), the overview, bookmarks, about this site, this page, and the screens of staff mode"),
    ],
    a11y_exceptions_heading: "Known exceptions",
    a11y_exceptions: &[
        "In English, the contents of each item (the source document's text) stay in Japanese; those parts are marked as Japanese.",
        "The source PDF is a city document and is outside this site's scope.",
        "SDG goals that could not be read in the source are estimates, and say so.",
    ],
    a11y_results_heading: "Test results",
    a11y_results_summary: |day, total, passed, axe| {
        format!("This site's automated tests ran {total} checks and {passed} passed (browser: Chromium; checker: axe-core {axe}; results last changed on {day}). The results are made from the tests' output and compared with it on every test run.")
    },
    a11y_results_caption: "Results by kind of check",
    a11y_col_check: "Check",
    a11y_col_what: "What it checks",
    a11y_col_result: "Result",
    a11y_check: |kind| match kind {
        CheckKind::Axe => ("Automated check (axe-core)", "The WCAG 2.1 level A and AA success criteria and axe's best-practice rules, on every screen, the pages written at build time (without JavaScript), dark mode, the largest text size and staff mode"),
        CheckKind::Keyboard => ("Keyboard", "Search, filter, open an item, bookmark it and go back, without a mouse"),
        CheckKind::Reflow => ("Reflow", "No horizontal scrolling at 320 CSS pixels wide (400 % zoom)"),
        CheckKind::SecurityPolicy => ("Security policy", "The content security policy is enforced and nothing is sent elsewhere"),
    },
    a11y_check_result: |passed, total| {
        if passed == total { format!("all {total} passed") } else { format!("{passed} of {total} passed") }
    },
    a11y_cases: "The individual tests",
    a11y_contact_heading: "Contact",
    a11y_contact_placeholder: "The contact is set when the site is published (the responsible section of Ueda City).",
    sdg_documented_note: "The document names these goals.",
    sdg_estimated_note: "The document's SDG cell has no goal names, only the blanks where icons probably stood; as the goals were probably shown as icons alone, they are estimated from the contents.",
    sdg_empty_note: "The document's SDG cell is empty, with no trace of icons: it gives no goals for this item, and the goals shown are estimated from its content.",
    no_entry: "None given",
    not_found: |no| format!("There is no item No.{no}"),
    back_to_list: "Back to the list",
    breadcrumb: "You are here",
    overview_field: "Outline of the reform",
    current_status_field: "Results and issues so far",
    measures_field: "Measures and means of reform",
    target_state_field: "Target in five years (effect amount)",
    bureaus: "Bureaus",
    sections: "Sections",
    source_page: "Page in the source",
    page_number: |page| format!("p. {page}"),
    general_plan: "Position in the Second Ueda City General Plan",
    smart_city: "Position in the Smart City Promotion Plan",
    smart_city_none: "None (the source shows “—”)",
    empty_cell: "(empty in the source)",
    years_heading: "Plan and results by year",
    years_caption: "Plans (numeric targets) and results (effect amounts) for Reiwa 3 to Reiwa 7",
    year: "Year",
    plan: "Plan (numeric target)",
    result: "Result (effect amount)",
    no_result: "No result reported",
    results_note: |l| format!(
        "Results are those published as of the end of Reiwa {} (for {}).",
        l.reiwa_year(),
        en_result_years(l)
    ),
    changed_since: |previous, fields| format!("Changed since the edition “{previous}”: {}", fields.join(", ")),
    change_new: "New",
    change_updated: "Updated",
    toc_differences: "Differences from the document's table of contents",
    toc_vs_table: |toc, table| format!("Contents: {toc} / table: {table}"),
    prev_next: "Previous and next items",
    previous_item: "Previous item",
    next_item: "Next item",
    staff_mode_note: "Staff mode: edit items on their pages and keep the changes as drafts. Drafts are stored only in this browser on this device and are never sent anywhere. Staff mode is a convenience, not a security feature: it does not restrict access.",
    nav_drafts: |n| format!("Drafts ({n})"),
    draft_badge: "Draft",
    discard: "Discard",
    show_draft: "Show with drafts applied",
    showing_draft_note: "Showing the item with drafts applied (not the published text).",
    about_title: "About this site",
    about_source_heading: "Source",
    about_source: |l| format!(
        "This site presents all 61 items of Ueda City's “Fourth Ueda City Administrative and Fiscal Reform Outline: Action Programme” (adopted August 2021), as reported at the end of fiscal Reiwa {} (March {}), in a form that is easy to search and read. Each item shows its page number in the source document.",
        l.reiwa_year(),
        l.year_end().0
    ),
    about_data_heading: "How the data was made and corrected",
    about_data: "The text extracted from the source PDF is read back into tables by a program. Bullets and table cells are restored as separate sentences and entries. Misread characters (e.g. 府内 → 庁内, 手續 → 手続) are corrected, and every correction is recorded (list below). Where the table of contents and an item's table differ, both readings are kept and shown on the item's page.",
    about_sdg_heading: "Why some SDG goals are “estimated”",
    about_sdg: |cells| format!("In most items the source document's SDG cell has no goal names: the text keeps only blanks where icons (images) probably stood. Except for the {} items whose goals are named in the text, the goals of the {} items that probably showed them as icons were estimated from their contents. The {} items whose SDG cell is empty, with no trace of icons, have no goals in the source; their goals were estimated from their contents alone. Estimated goals are marked with a dashed outline and “Estimated”; each item's page says which case applies and why the goals were chosen.", cells.named, cells.icons, cells.empty),
    preface_heading: "About the action programme (the document's introduction)",
    preface_language_note: "The introduction is quoted in Japanese, as printed.",
    edition_adopted: "Adopted",
    edition_status: "Status as of",
    edition_published: "This edition published",
    edition_published_unknown: "Not stated in the source",
    about_storage_heading: "Bookmarks and drafts",
    about_storage: "Bookmarks and staff drafts are stored only in this browser on this device and are never sent anywhere. To move them to another device, share bookmarks as a link and export drafts as a file. On a shared device, use “Clear this device's data” at the bottom of the page.",
    about_errors_heading: "Found an error?",
    about_errors: |l| format!(
        "If you find an error, please tell the responsible section of Ueda City, giving the item number and the place (e.g. “No.25, result of Reiwa {}”). Errors in this site's data are fixed by adding to the record of corrections.",
        l.last_reported_year()
    ),
    corrections_show: |n| format!("Show the list of corrections ({n})"),
    corrections_caption: "Corrections made to the extracted text (reasons recorded in English)",
    corrections_columns: ["Item", "Field", "Before", "After", "Kind", "Certainty", "Reason"],
    correction_kinds: ["Extraction slip", "Typo in the document", "Reading chosen"],
    certainty_certain: "Certain",
    certainty_guess: "Guess",
    corrections_summary: |[slips, typos, choices], guesses| format!("By kind: {slips} extraction slips, {typos} typos in the document itself, {choices} readings chosen between alternatives (the table of contents against the item table, say). {guesses} of them are guesses that the source cannot confirm."),
    nav_open_data: "Download the data",
    open_data_heading: "Download the data (open data)",
    open_data_lead: "This site's data is offered as CSV for spreadsheets and as JSON for programs. Each file name carries the edition. On a device that has opened this site once, the downloads work offline too. The contents are in Japanese.",
    open_data_files: [
        ("Plans and results (CSV)", "One row per item and year (61 items × 5 years): the year in the Japanese and the Western calendar, the plan, whether a result is reported, and the result."),
        ("Items (CSV)", "One row per item: who is responsible, the outline to the five-year target, the plans it belongs to, its SDG goals and their basis."),
        ("The whole dataset (JSON)", "The data this site uses: every field of every item, the introduction, the SDG goals."),
        ("The JSON's schema (JSON Schema)", "The type and meaning of every field of the dataset's JSON."),
        ("Numeric targets, results and effect amounts (CSV)", "One row per figure read from the text, with the quoted phrase."),
        ("Numeric targets, results and effect amounts (JSON)", "The same as JSON."),
        ("Corrections to the text (CSV)", "One row per correction made to the extracted text, with its kind, certainty and reason."),
        ("Corrections to the text (JSON)", "The same as JSON, with the notes on differences between the table of contents and the item tables."),
    ],
    open_data_csv_note: "The CSV files are UTF-8 with a byte order mark, with one header row and no merged cells; where a cell holds several entries, they are separated by line breaks within the cell. Item numbers are the source's No. and stay the same across editions.",
    // Overview and indicators
    overview_heading: "Overview",
    overview_lead: |total| format!("These charts count all {total} items of the Action Programme by pillar and category, responsible department, SDG goal and reported results. Choose a row of a chart to open the list of just those items."),
    key_items: "Action items",
    key_items_value: items,
    key_pillars: "Reform pillars",
    key_categories: "Categories",
    key_bureaus: "Responsible bureaus",
    key_sections: "Responsible sections",
    key_indicators: "Indicators with figures",
    key_effects: "Effect amounts stated",
    key_effects_value: |n| format!("{n}"),
    bar_count: items,
    items_column: "Items",
    chart_categories_title: "Items by pillar and category",
    chart_categories_column: "Pillar / category",
    chart_categories_note: |pillars, categories| format!("The {pillars} reform pillars and their {categories} categories (categories are indented)."),
    chart_bureaus_title: "Items by responsible bureau",
    chart_bureaus_column: "Bureau",
    chart_bureaus_note: |total| format!("An item with several responsible bureaus is counted for each of them (so the total exceeds {total})."),
    chart_sections_title: "Items by responsible section",
    chart_sections_column: "Section",
    chart_sections_more: |n| {
        format!("Show the sections responsible for a single item ({})", plural(n, "section", "sections"))
    },
    chart_sections_note: "An item with several responsible sections is counted for each of them.",
    chart_sdgs_title: "Items by SDG goal",
    chart_sdgs_column: "SDG goal",
    sdg_breakdown: |document, estimated| format!("Named in the document: {document}, estimated: {estimated}"),
    sdg_no_items: "No items",
    total_column: "Total",
    chart_sdgs_note: |cells| format!("The document names the goals in text for only {} items. For {} items it probably showed them as icons alone (only blanks remain in the text), and for {} items its SDG cell is empty; both were estimated from the contents. The solid part of a bar is named in the document; the striped part is estimated.", cells.named, cells.icons, cells.empty),
    chart_results_title: "Results reported by year",
    chart_results_column: "Items with results reported",
    chart_results_value: |n, total| format!("{n} of {}", items(total)),
    not_reported_yet: "Not reported yet",
    not_reported_yet_cell: "0 (not reported yet)",
    chart_results_note: |l| {
        let later = match l.last_reported_year() {
            7.. => String::new(),
            6 => " There are no results for Reiwa 7 yet.".to_owned(),
            last => format!(" There are no results for Reiwa {} to 7 yet.", last + 1),
        };
        format!(
            "The plan covers the five fiscal years Reiwa 3 to 7. This document (status at the end of Reiwa {}) has results for {} only.{later}",
            l.reiwa_year(),
            en_result_years(l)
        )
    },
    show_more: |n| format!("Show {n} more"),
    show_table: "Show the figures as a table",
    indicator_table_heading: "Numeric targets and results (indicators)",
    indicator_table_note: "Indicators that can be followed in figures, from the plans (numeric targets) and results of the document. The status compares the latest year's result with the target of the same year (targets of other years are not applied).",
    indicator_summary: |n, summary| match n {
        1 => format!("Latest status of the indicator: {summary}"),
        n => format!("Latest status of the {n} indicators: {summary}"),
    },
    status_count: |label, n| format!("{label}: {n}"),
    sort_hint: "Sort with the buttons in the column headings.",
    indicator_table_caption: "Indicators and their latest status",
    column_item: "Item",
    column_indicator: "Indicator",
    column_latest_result: "Latest result",
    column_same_year_target: "Target for the same year",
    column_status: "Status",
    none: "None",
    none_target_years: |years| format!("None (targets for {years})"),
    year_separator: ", ",
    effects_heading: "Effect amounts",
    effect_table_note: "Effect amounts stated in the results. Units and the assumptions of the estimates (period, scope) differ from item to item, so they are not totalled or charted, and are shown as written in the document.",
    effect_table_caption: "List of effect amounts",
    column_effect: "Effect amount (as written)",
    column_content: "Description",
    year_label: |year| format!("FY Reiwa {year}"),
    status_met: "Met",
    status_not_met: "Not met",
    status_not_comparable: "Not comparable",
    status_no_target: "No numeric target",
    status_no_result: "No result",
    reason_not_reported_yet: |last| format!("a year not reported yet; the document is as of the end of Reiwa {last}"),
    reason_not_read_yet: |read| format!("this year's figures are not among the indicators yet (they were read from the edition of the end of Reiwa {read}; the result's text is in the table by year)"),
    reason_no_figure: "the document gives no figure",
    reason_no_target_for_year: |years| format!("no target for this year; targets for {years}"),
    in_parens: |text| format!(" ({text})"),
    indicators_heading: "Numeric targets and results",
    indicators_hint: "Figures read from the plans (numeric targets) and results of the document. A result is compared only with the target of the same year; targets of other years are not applied.",
    target: "Target",
    actual: "Result",
    target_label: "Target: ",
    actual_label: "Result: ",
    off_axis_note: " (figures in another unit are not drawn in the chart)",
    unit_label: "Unit: ",
    direction_higher: "higher is better",
    direction_lower: "lower is better",
    direction_target: "the target value exactly",
    baseline_label: "Baseline (earlier results): ",
    baseline_term: "Baseline",
    source_figure: |year, kind| format!("{kind}, {year}"),
    sources_summary: "Wording in the source",
    effect_year_not_stated: "Year not stated",
};

/// `n` with the singular or plural noun: "1 item", "2 items". The one place
/// English plurals are made (Japanese has none).
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A number of action items.
pub(super) fn items(n: usize) -> String {
    plural(n, "item", "items")
}

/// "Reiwa 3 and 4": the years with results in edition `l`.
fn en_result_years(l: EditionLabel) -> String {
    match l.last_reported_year() {
        3 => "Reiwa 3".to_owned(),
        4 => "Reiwa 3 and 4".to_owned(),
        last => format!("Reiwa 3 to {last}"),
    }
}
