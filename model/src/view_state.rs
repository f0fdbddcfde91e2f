//! The state a page's address carries, and its one encoding.
//!
//! Every screen is a page the build writes (see [`Screen::page_dir`]): the
//! list at the site root, `bookmarks/`, `overview/`, `about/`,
//! `accessibility/`, `changes/`, `item/N/`, the staff screens (`workbench/`,
//! `compile/`, `drafts/`), and the same below `en/` in English. What is not a
//! page is the query string. Keys, in the order they are written: `q`
//! (search text), `cat`, `bureau`, `sec`, `sdg`, `res` (facet selections,
//! comma-separated), `sort=title`, and `bm=1,5,9` (a shared list of
//! bookmarks). Each value is percent-encoded as `encodeURIComponent`
//! does, so a comma inside a value is `%2C` and cannot be mistaken for a
//! separator. [`Query::only`] is not part of the URL: the view derives it
//! from the screen and the bookmarks.
//!
//! Older links named every screen in the query string (`?item=17`,
//! `?view=overview`); [`ViewState::from_query_string`] still reads them, and
//! [`ViewState::site_path`] says where that screen's page is now.

use std::collections::BTreeSet;
use std::str::FromStr;

use crate::filter::{Query, Sort};
use crate::stored::Language;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    /// The list of items with search and facets.
    #[default]
    List,
    /// One item, by number.
    Item(u32),
    /// The reader's bookmarks.
    Bookmarks,
    /// The overview (pillars, categories, counts).
    Overview,
    /// The reader's drafts.
    Drafts,
    /// A section's yearly report (staff).
    Workbench,
    /// The coordinating section's compilation of the reports (staff).
    Compile,
    /// About the data and the app.
    About,
    /// The accessibility statement and the results behind it.
    Accessibility,
    /// What the current edition changed since the previous one (「今回の更新」).
    Changes,
}

impl Screen {
    /// The `view` value of the screens that have one.
    fn view_name(self) -> Option<&'static str> {
        match self {
            Screen::Bookmarks => Some("bookmarks"),
            Screen::Overview => Some("overview"),
            Screen::Drafts => Some("drafts"),
            Screen::Workbench => Some("workbench"),
            Screen::Compile => Some("compile"),
            Screen::About => Some("about"),
            Screen::Accessibility => Some("accessibility"),
            Screen::Changes => Some("changes"),
            Screen::List | Screen::Item(_) => None,
        }
    }

    /// The folder of this screen's page below the site root (and below
    /// `en/` in English): `""` for the list, `item/17/`, `overview/`, …
    ///
    /// # Examples
    ///
    /// ```
    /// use model::view_state::Screen;
    /// assert_eq!(Screen::Item(17).page_dir(), "item/17/");
    /// assert_eq!(Screen::List.page_dir(), "");
    /// assert_eq!(Screen::Drafts.page_dir(), "drafts/");
    /// ```
    pub fn page_dir(self) -> String {
        match self {
            Screen::List => String::new(),
            Screen::Item(no) => format!("item/{no}/"),
            screen => format!("{}/", screen.view_name().unwrap_or_default()),
        }
    }

    /// The screen whose page is at `dir` (a folder below the site root and
    /// the language, as [`Screen::page_dir`] writes it; `index.html` may
    /// follow).
    fn from_page_dir(dir: &str) -> Option<Screen> {
        let dir = dir.strip_suffix("index.html").unwrap_or(dir);
        if dir.is_empty() {
            return Some(Screen::List);
        }
        if let Some(no) = item_page(dir) {
            return Some(Screen::Item(no));
        }
        Screen::from_view_name(dir.strip_suffix('/')?)
    }

    /// The screens that are pages apart from the items, in menu order (the
    /// staff screens last).
    pub const PAGES: [Screen; 9] = [
        Screen::List,
        Screen::Overview,
        Screen::About,
        Screen::Bookmarks,
        Screen::Accessibility,
        Screen::Changes,
        Screen::Workbench,
        Screen::Compile,
        Screen::Drafts,
    ];

    fn from_view_name(name: &str) -> Option<Screen> {
        [
            Screen::Bookmarks,
            Screen::Overview,
            Screen::Drafts,
            Screen::Workbench,
            Screen::Compile,
            Screen::About,
            Screen::Accessibility,
            Screen::Changes,
        ]
        .into_iter()
        .find(|s| s.view_name() == Some(name))
    }
}

/// Everything the URL's query string says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Search text, facets and sort (`only` is not in the URL).
    pub query: Query,
    /// The screen.
    pub screen: Screen,
    /// Bookmarks shared through a link (`bm=`), in the link's order.
    pub shared_bookmarks: Option<Vec<u32>>,
    /// The interface language: Japanese at the site root, English below `en/`.
    pub language: Language,
}

/// Appends `key=v1,v2,…` (values percent-encoded; empty values skipped).
fn push_list<T: ToString>(out: &mut Vec<String>, key: &str, values: impl IntoIterator<Item = T>) {
    let values: Vec<String> = values
        .into_iter()
        .map(|v| v.to_string())
        .filter(|v| !v.is_empty())
        .map(|v| percent_encode(&v))
        .collect();
    if !values.is_empty() {
        out.push(format!("{key}={}", values.join(",")));
    }
}

/// The non-empty, decoded values of a comma-separated list.
fn split_list(raw: &str) -> impl Iterator<Item = String> + '_ {
    raw.split(',').map(percent_decode).filter(|v| !v.is_empty())
}

/// Adds the values of `raw` that parse as `T` and satisfy `keep` to `set`.
fn parse_into<T: FromStr + Ord>(set: &mut BTreeSet<T>, raw: &str, keep: impl Fn(&T) -> bool) {
    set.extend(
        split_list(raw)
            .filter_map(|v| v.parse().ok())
            .filter(|v| keep(v)),
    );
}

/// The states the app links to, so that every link follows the same rule
/// for what it keeps: a link to another page starts afresh, a step within
/// the reader's view (an item and back, another language) keeps the search,
/// the facets and a shared list of bookmarks, and leaving a shared list
/// drops it.
impl ViewState {
    /// A screen's page with nothing selected, in `language`.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::stored::Language;
    /// use model::view_state::{Screen, ViewState};
    /// let state = ViewState::page(Screen::Item(17), Language::En);
    /// assert_eq!(state.site_path(), "en/item/17/");
    /// ```
    pub fn page(screen: Screen, language: Language) -> ViewState {
        ViewState {
            screen,
            language,
            ..ViewState::default()
        }
    }

    /// The list filtered by `query`, in `language`.
    pub fn list(query: Query, language: Language) -> ViewState {
        ViewState {
            query,
            ..ViewState::page(Screen::List, language)
        }
    }

    /// The list of `bookmarks` as a link shares it, in `language`.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::stored::Language;
    /// use model::view_state::ViewState;
    /// let state = ViewState::sharing(vec![5, 1], Language::Ja);
    /// assert_eq!(state.site_path(), "?bm=5,1");
    /// ```
    pub fn sharing(bookmarks: Vec<u32>, language: Language) -> ViewState {
        ViewState {
            shared_bookmarks: Some(bookmarks),
            ..ViewState::page(Screen::List, language)
        }
    }

    /// The same search, facets and shared bookmarks on another screen
    /// (an item from the list, the list from an item).
    ///
    /// # Examples
    ///
    /// ```
    /// use model::view_state::{Screen, ViewState};
    /// let list = ViewState::from_query_string("?q=%E9%98%B2&bm=3");
    /// assert_eq!(list.on(Screen::Item(3)).site_path(), "item/3/?q=%E9%98%B2&bm=3");
    /// ```
    pub fn on(&self, screen: Screen) -> ViewState {
        ViewState {
            screen,
            ..self.clone()
        }
    }

    /// The same view in another language.
    pub fn in_language(&self, language: Language) -> ViewState {
        ViewState {
            language,
            ..self.clone()
        }
    }

    /// The same view without a shared list of bookmarks: the reader's own
    /// list again.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::view_state::{Screen, ViewState};
    /// let shared = ViewState::from_query_string("?q=x&bm=3");
    /// assert_eq!(shared.without_shared_bookmarks().site_path(), "?q=x");
    /// ```
    pub fn without_shared_bookmarks(&self) -> ViewState {
        ViewState {
            shared_bookmarks: None,
            ..self.clone()
        }
    }
}

impl ViewState {
    /// The query string for this state: `""` for the default state, else
    /// `?` and the keys in a fixed order, sets sorted.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::view_state::{Screen, ViewState};
    /// let mut state = ViewState::default();
    /// assert_eq!(state.to_query_string(), "");
    /// state.query.text = "防".to_owned();
    /// state.query.categories.extend(["2".to_owned(), "1-ア".to_owned()]);
    /// state.query.sdgs.extend([17, 3]);
    /// state.screen = Screen::Item(21);
    /// assert_eq!(state.to_query_string(), "?q=%E9%98%B2&cat=1-%E3%82%A2,2&sdg=3,17&item=21");
    /// ```
    pub fn to_query_string(&self) -> String {
        let query = &self.query;
        let mut pairs: Vec<String> = Vec::new();
        if !query.text.is_empty() {
            pairs.push(format!("q={}", percent_encode(&query.text)));
        }
        push_list(&mut pairs, "cat", &query.categories);
        push_list(&mut pairs, "bureau", &query.bureaus);
        push_list(&mut pairs, "sec", &query.sections);
        push_list(&mut pairs, "sdg", &query.sdgs);
        push_list(&mut pairs, "res", &query.results);
        if query.sort == Sort::Title {
            pairs.push("sort=title".to_owned());
        }
        match self.screen {
            Screen::Item(no) => pairs.push(format!("item={no}")),
            screen => {
                if let Some(name) = screen.view_name() {
                    pairs.push(format!("view={name}"));
                }
            }
        }
        if let Some(bookmarks) = &self.shared_bookmarks {
            let list: Vec<String> = bookmarks.iter().map(u32::to_string).collect();
            pairs.push(format!("bm={}", list.join(",")));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// Reads a query string, with or without the leading `?` (anything from
    /// `#` on is ignored). Unknown keys, bad values, SDG goals outside 1..=17
    /// and empty list values are ignored; a repeated list key adds to the
    /// list, a repeated single-valued key takes the last value; `item` wins
    /// over `view`. Never panics.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::view_state::{Screen, ViewState};
    /// let state = ViewState::from_query_string("?q=%E9%98%B2&sdg=3,99,x&item=21&bm=1,5&zzz=1");
    /// assert_eq!(state.query.text, "防");
    /// assert_eq!(state.query.sdgs.into_iter().collect::<Vec<_>>(), [3]);
    /// assert_eq!(state.screen, Screen::Item(21));
    /// assert_eq!(state.shared_bookmarks, Some(vec![1, 5]));
    /// ```
    pub fn from_query_string(query: &str) -> ViewState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = query.split('#').next().unwrap_or_default();
        let mut state = ViewState::default();
        let mut item = None;
        let mut view = None;
        for pair in query.split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let q = &mut state.query;
            match percent_decode(key).as_str() {
                "q" => q.text = percent_decode(raw),
                "cat" => q.categories.extend(split_list(raw)),
                "bureau" => q.bureaus.extend(split_list(raw)),
                "sec" => q.sections.extend(split_list(raw)),
                "sdg" => parse_into(&mut q.sdgs, raw, |n| (1..=17).contains(n)),
                "res" => parse_into(&mut q.results, raw, |_| true),
                "sort" => {
                    q.sort = match percent_decode(raw).as_str() {
                        "title" => Sort::Title,
                        _ => Sort::Number,
                    }
                }
                "item" => {
                    if let Ok(no) = percent_decode(raw).parse() {
                        item = Some(no);
                    }
                }
                "view" => {
                    if let Some(screen) = Screen::from_view_name(&percent_decode(raw)) {
                        view = Some(screen);
                    }
                }
                "bm" => {
                    let list = split_list(raw).filter_map(|v| v.parse::<u32>().ok());
                    state
                        .shared_bookmarks
                        .get_or_insert_with(Vec::new)
                        .extend(list);
                }
                _ => {}
            }
        }
        state.screen = match (item, view) {
            (Some(no), _) => Screen::Item(no),
            (None, Some(screen)) => screen,
            (None, None) => Screen::List,
        };
        state
    }
}

/// Where a view state lives on the site. Every citizen screen is a real
/// file the build writes (`item/17/index.html`, `en/overview/index.html`),
/// so a static host serves its content without the app; the rest of the
/// state is the query string.
impl ViewState {
    /// The address of this state relative to the site root: the language's
    /// folder, the screen's page, then the rest of the state as a query
    /// string (`""` for the default state).
    ///
    /// # Examples
    ///
    /// ```
    /// use model::stored::Language;
    /// use model::view_state::{Screen, ViewState};
    /// let mut state = ViewState::from_query_string("?q=%E9%98%B2&item=17");
    /// assert_eq!(state.site_path(), "item/17/?q=%E9%98%B2");
    /// state.screen = Screen::List;
    /// assert_eq!(state.site_path(), "?q=%E9%98%B2");
    /// state.screen = Screen::Overview;
    /// state.language = Language::En;
    /// assert_eq!(state.site_path(), "en/overview/?q=%E9%98%B2");
    /// ```
    pub fn site_path(&self) -> String {
        format!("{}{}", self.page_path(), self.list_query())
    }

    /// The page this state is on, relative to the site root, without the
    /// query string: `""`, `en/`, `item/17/`, `en/overview/`, …
    pub fn page_path(&self) -> String {
        format!("{}{}", language_dir(self.language), self.screen.page_dir())
    }

    /// Whether `other` is on the same page as this state (only the query
    /// string differs), so going there needs no new page.
    pub fn same_page(&self, other: &ViewState) -> bool {
        self.screen == other.screen && self.language == other.language
    }

    /// How to get from this state's page back to the site root with a
    /// relative link: `./` at the root, `../../` on an item page, `../../../`
    /// on an English item page. Prerendered pages use relative links, since
    /// the build does not know where the site will be published.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::stored::Language;
    /// use model::view_state::{Screen, ViewState};
    /// let item = ViewState { screen: Screen::Item(3), ..ViewState::default() };
    /// assert_eq!(item.relative_root(), "../../");
    /// assert_eq!(ViewState::default().relative_root(), "./");
    /// let english = ViewState { language: Language::En, ..item };
    /// assert_eq!(english.relative_root(), "../../../");
    /// ```
    pub fn relative_root(&self) -> String {
        let depth = self.page_path().matches('/').count();
        if depth == 0 {
            "./".to_owned()
        } else {
            "../".repeat(depth)
        }
    }

    /// The query string of this state's list (its search, filters, sort
    /// and shared bookmarks), which every page's address carries.
    pub fn list_query(&self) -> String {
        ViewState {
            screen: Screen::List,
            language: Language::Ja,
            ..self.clone()
        }
        .to_query_string()
    }

    /// Reads a page address: the path (see [`split_site_root`]) and the
    /// query string. The path names the language and the page; on the list
    /// page, the query string's `item=`/`view=` keys (the app's older links)
    /// still name a screen, and [`ViewState::site_path`] says where that
    /// screen's page is now.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::stored::Language;
    /// use model::view_state::{Screen, ViewState};
    /// assert_eq!(ViewState::from_location("/reform/item/17/", "?q=x").screen, Screen::Item(17));
    /// assert_eq!(ViewState::from_location("/reform/", "?item=3").screen, Screen::Item(3));
    /// let english = ViewState::from_location("/reform/en/overview/", "");
    /// assert_eq!((english.screen, english.language), (Screen::Overview, Language::En));
    /// ```
    pub fn from_location(pathname: &str, query: &str) -> ViewState {
        ViewState::from_site_path(split_site_root(pathname).1, query)
    }

    /// Reads an address below the site root (`en/item/17/`) and its query string.
    pub fn from_site_path(tail: &str, query: &str) -> ViewState {
        let mut state = ViewState::from_query_string(query);
        let (language, dir) = match tail.strip_prefix("en/") {
            Some(dir) => (Language::En, dir),
            None => (Language::Ja, tail),
        };
        state.language = language;
        match Screen::from_page_dir(dir) {
            // The list page carries the older links' screens.
            Some(Screen::List) | None => {}
            Some(screen) => state.screen = screen,
        }
        state
    }

    /// The state the build writes a page for: the page's screen in its
    /// language, with nothing searched or filtered. A page in the browser
    /// starts from it, whatever its address says, so the app's first render
    /// is the page as written.
    pub fn page_default(&self) -> ViewState {
        ViewState {
            screen: self.screen,
            language: self.language,
            ..ViewState::default()
        }
    }

    /// Every page the build writes, for items numbered `items`: each
    /// screen of [`Screen::PAGES`] and each item, in both languages.
    pub fn built_pages(items: impl IntoIterator<Item = u32> + Clone) -> Vec<ViewState> {
        [Language::Ja, Language::En]
            .into_iter()
            .flat_map(|language| {
                Screen::PAGES
                    .into_iter()
                    .chain(items.clone().into_iter().map(Screen::Item))
                    .map(move |screen| ViewState {
                        screen,
                        language,
                        ..ViewState::default()
                    })
            })
            .collect()
    }
}

/// The folder of a language's pages below the site root.
fn language_dir(language: Language) -> &'static str {
    match language {
        Language::Ja => "",
        Language::En => "en/",
    }
}

/// Item `no`'s page below the site root, carrying a list's query string
/// (from [`ViewState::list_query`]).
pub fn item_path(no: u32, list_query: &str) -> String {
    format!("item/{no}/{list_query}")
}

/// The item number of an item page's path below the site root
/// (`item/17/` or `item/17/index.html`).
fn item_page(tail: &str) -> Option<u32> {
    let rest = tail.strip_prefix("item/")?;
    let (number, file) = rest.split_once('/')?;
    if !(file.is_empty() || file == "index.html") || number.starts_with('0') {
        return None;
    }
    number.parse().ok()
}

/// Splits a page's path into the site root (ending in `/`) and the part
/// below it, so the same build works at `/` and under any sub-path. The part
/// below the root is the language's folder and a page's folder
/// ([`Screen::page_dir`]), and perhaps `index.html`. (In the browser the app
/// knows its root from its own script's address; this is for addresses
/// alone.)
///
/// # Examples
///
/// ```
/// use model::view_state::split_site_root;
/// assert_eq!(split_site_root("/reform/item/17/"), ("/reform/", "item/17/"));
/// assert_eq!(split_site_root("/reform/en/item/17/index.html"), ("/reform/", "en/item/17/index.html"));
/// assert_eq!(split_site_root("/reform/index.html"), ("/reform/", "index.html"));
/// assert_eq!(split_site_root("/en/overview/"), ("/", "en/overview/"));
/// assert_eq!(split_site_root("/"), ("/", ""));
/// ```
pub fn split_site_root(pathname: &str) -> (&str, &str) {
    let dir_end = pathname.rfind('/').map_or(0, |i| i + 1);
    let dir = &pathname[..dir_end];
    // The page's folder: `item/N/` or a screen's name, one level or two.
    let mut root_len = dir_end;
    for levels in [2, 1] {
        if let Some(start) = nth_slash_from_end(dir, levels) {
            let candidate = &dir[start..];
            if Screen::from_page_dir(candidate).is_some_and(|s| s != Screen::List) {
                root_len = start;
                break;
            }
        }
    }
    if pathname[..root_len].ends_with("/en/") {
        root_len -= "en/".len();
    }
    pathname.split_at(root_len)
}

/// The index just after the slash that starts the last `levels` folders of
/// `dir` (which ends in `/`).
fn nth_slash_from_end(dir: &str, levels: usize) -> Option<usize> {
    let trimmed = dir.strip_suffix('/')?;
    let mut end = trimmed.len();
    for _ in 0..levels {
        end = trimmed[..end].rfind('/')?;
    }
    Some(end + 1)
}

/// How to get from the page at `pathname` back to the site root with a
/// relative link: `./` at the root, `../../` on an item page.
///
/// # Examples
///
/// ```
/// use model::view_state::relative_root;
/// assert_eq!(relative_root("/"), "./");
/// assert_eq!(relative_root("/item/17/"), "../../");
/// assert_eq!(relative_root("/en/"), "../");
/// ```
pub fn relative_root(pathname: &str) -> String {
    ViewState::from_location(pathname, "").relative_root()
}

/// Percent-encodes `s` as JavaScript's `encodeURIComponent` does: every byte
/// of its UTF-8 except `A-Z a-z 0-9 - _ . ! ~ * ' ( )` becomes `%XX`.
///
/// # Examples
///
/// ```
/// use model::view_state::percent_encode;
/// assert_eq!(percent_encode("a b,c&(防)"), "a%20b%2Cc%26(%E9%98%B2)");
/// ```
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes (any case); a `%` not followed by two hex digits is
/// kept as is, `+` stays `+`, and invalid UTF-8 becomes U+FFFD.
///
/// # Examples
///
/// ```
/// use model::view_state::percent_decode;
/// assert_eq!(percent_decode("%E9%98%b2+100%"), "防+100%");
/// ```
pub fn percent_decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
