//! The URL's query string: encoding, decoding, round trips.

use model::filter::{Query, Sort};
use model::stored::Language;
use model::view_state::{percent_decode, percent_encode, Screen, ViewState};
use proptest::prelude::*;

#[test]
fn default_is_empty() {
    assert_eq!(ViewState::default().to_query_string(), "");
    assert_eq!(ViewState::from_query_string(""), ViewState::default());
    assert_eq!(ViewState::from_query_string("?"), ViewState::default());
}

#[test]
fn example_from_the_brief() {
    let mut state = ViewState::default();
    state.query.text = "防".into();
    state.query.categories = ["2".to_owned(), "1-ア".to_owned()].into();
    state.query.sdgs = [17, 3].into();
    state.screen = Screen::Item(21);
    let s = state.to_query_string();
    assert_eq!(s, "?q=%E9%98%B2&cat=1-%E3%82%A2,2&sdg=3,17&item=21");
    assert_eq!(ViewState::from_query_string(&s), state);
    assert_eq!(ViewState::from_query_string(&s[1..]), state);
}

#[test]
fn every_key_in_order() {
    let state = ViewState {
        query: Query {
            text: "a,b&c=d%e+f g".into(),
            categories: ["1".to_owned()].into(),
            bureaus: ["総務部".to_owned(), "x,y".to_owned()].into(),
            sections: ["行政管理課".to_owned()].into(),
            sdgs: [11].into(),
            results: [4, 3].into(),
            only: None,
            sort: Sort::Title,
        },
        screen: Screen::Bookmarks,
        shared_bookmarks: Some(vec![9, 1, 5]),
        language: Language::Ja,
    };
    let s = state.to_query_string();
    assert_eq!(
        s,
        "?q=a%2Cb%26c%3Dd%25e%2Bf%20g&cat=1&bureau=x%2Cy,%E7%B7%8F%E5%8B%99%E9%83%A8\
         &sec=%E8%A1%8C%E6%94%BF%E7%AE%A1%E7%90%86%E8%AA%B2&sdg=11&res=3,4&sort=title\
         &view=bookmarks&bm=9,1,5"
    );
    assert_eq!(ViewState::from_query_string(&s), state);
}

#[test]
fn screens() {
    for (screen, s) in [
        (Screen::List, ""),
        (Screen::Item(7), "?item=7"),
        (Screen::Bookmarks, "?view=bookmarks"),
        (Screen::Overview, "?view=overview"),
        (Screen::Drafts, "?view=drafts"),
        (Screen::About, "?view=about"),
        (Screen::Accessibility, "?view=accessibility"),
    ] {
        let state = ViewState {
            screen,
            ..ViewState::default()
        };
        assert_eq!(state.to_query_string(), s);
        assert_eq!(ViewState::from_query_string(s), state);
    }
    assert_eq!(
        ViewState::from_query_string("view=about&item=3").screen,
        Screen::Item(3)
    );
    assert_eq!(
        ViewState::from_query_string("view=nope").screen,
        Screen::List
    );
    assert_eq!(
        ViewState::from_query_string("item=x&view=drafts").screen,
        Screen::Drafts
    );
}

#[test]
fn bad_and_unknown_values_are_ignored() {
    let state = ViewState::from_query_string(
        "?zzz=1&sdg=0,3,18,abc,17,&res=x,4&sort=number&item=-1&bm=1,x,,2&cat=,1&=&&q",
    );
    assert_eq!(state.query.sdgs, [3, 17].into());
    assert_eq!(state.query.results, [4].into());
    assert_eq!(state.query.sort, Sort::Number);
    assert_eq!(state.screen, Screen::List);
    assert_eq!(state.shared_bookmarks, Some(vec![1, 2]));
    assert_eq!(state.query.categories, ["1".to_owned()].into());
    assert_eq!(state.query.text, "");
}

#[test]
fn repeated_keys() {
    let state = ViewState::from_query_string("sdg=1&sdg=2&q=a&q=b&bm=1&bm=2");
    assert_eq!(state.query.sdgs, [1, 2].into());
    assert_eq!(state.query.text, "b");
    assert_eq!(state.shared_bookmarks, Some(vec![1, 2]));
}

#[test]
fn plus_fragment_and_lowercase_escapes() {
    let state = ViewState::from_query_string("?q=a+b%e9%98%b2#item=3");
    assert_eq!(state.query.text, "a+b防");
    assert_eq!(state.screen, Screen::List);
    // Sets come back sorted whatever the order in the URL.
    let state = ViewState::from_query_string("cat=2,1-%E3%82%A2");
    assert_eq!(state.to_query_string(), "?cat=1-%E3%82%A2,2");
    // An empty bookmark list is still a shared list.
    let state = ViewState {
        shared_bookmarks: Some(vec![]),
        ..ViewState::default()
    };
    assert_eq!(state.to_query_string(), "?bm=");
    assert_eq!(ViewState::from_query_string("?bm="), state);
}

#[test]
fn encode_like_encode_uri_component() {
    assert_eq!(percent_encode(""), "");
    assert_eq!(percent_encode("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
    assert_eq!(
        percent_encode(" ,&=%+#?/:;@$[]\"<>"),
        "%20%2C%26%3D%25%2B%23%3F%2F%3A%3B%40%24%5B%5D%22%3C%3E"
    );
    assert_eq!(
        percent_encode("防災\u{3000}"),
        "%E9%98%B2%E7%81%BD%E3%80%80"
    );
    assert_eq!(percent_encode("😀"), "%F0%9F%98%80");
}

#[test]
fn decode_is_lenient() {
    assert_eq!(percent_decode("%E9%98%B2"), "防");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz%4"), "%zz%4");
    assert_eq!(percent_decode("a+b"), "a+b");
    assert_eq!(percent_decode("%FF%E9"), "\u{FFFD}\u{FFFD}");
    assert_eq!(percent_decode("%E9%98"), "\u{FFFD}");
}

fn arb_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,&=%+#?/.\\-_~*'()あ-んア-ン漢字防災　\u{FF9E}😀]{0,12}"
}

fn arb_state() -> impl Strategy<Value = ViewState> {
    let nonempty = "[a-zA-Z0-9 ,&=%+#?あ-ん部課\u{3000}-]{1,8}";
    let screen = prop_oneof![
        Just(Screen::List),
        any::<u32>().prop_map(Screen::Item),
        Just(Screen::Bookmarks),
        Just(Screen::Overview),
        Just(Screen::Drafts),
        Just(Screen::About),
        Just(Screen::Accessibility),
        Just(Screen::Changes),
        Just(Screen::Workbench),
        Just(Screen::Compile),
    ];
    (
        arb_text(),
        prop::collection::btree_set(nonempty, 0..3),
        prop::collection::btree_set(nonempty, 0..3),
        prop::collection::btree_set(nonempty, 0..3),
        prop::collection::btree_set(1u8..=17, 0..4),
        prop::collection::btree_set(any::<u8>(), 0..3),
        prop_oneof![Just(Sort::Number), Just(Sort::Title)],
        screen,
        prop::option::of(prop::collection::vec(any::<u32>(), 0..5)),
    )
        .prop_map(
            |(text, categories, bureaus, sections, sdgs, results, sort, screen, bm)| ViewState {
                query: Query {
                    text,
                    categories,
                    bureaus,
                    sections,
                    sdgs,
                    results,
                    only: None,
                    sort,
                },
                screen,
                shared_bookmarks: bm,
                language: Language::Ja,
            },
        )
}

proptest! {
    #[test]
    fn round_trip(state in arb_state()) {
        let s = state.to_query_string();
        prop_assert_eq!(s.is_empty(), state == ViewState::default());
        // Only unreserved characters, separators and escapes appear.
        prop_assert!(s.chars().all(|c| c.is_ascii_alphanumeric() || "?&=,%-_.!~*'()".contains(c)), "{}", s);
        prop_assert_eq!(ViewState::from_query_string(&s), state);
    }

    #[test]
    fn percent_round_trip(text in "\\PC{0,20}") {
        prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
    }

    #[test]
    fn never_panics(s in "\\PC{0,40}") {
        let _ = ViewState::from_query_string(&s);
        let _ = percent_decode(&s);
    }

    #[test]
    fn never_panics_on_url_like_input(s in "[?&=,%0-9a-fA-Fqcatburesdgmvwiolkx#+\u{E9}]{0,40}") {
        let state = ViewState::from_query_string(&s);
        // Whatever was read writes back to something that reads the same.
        prop_assert_eq!(ViewState::from_query_string(&state.to_query_string()), state);
    }
}

#[test]
fn every_page_is_a_real_path_at_any_root_in_both_languages() {
    use model::view_state::{relative_root, split_site_root};
    let pages = [
        (Screen::List, ""),
        (Screen::Item(17), "item/17/"),
        (Screen::Bookmarks, "bookmarks/"),
        (Screen::Overview, "overview/"),
        (Screen::About, "about/"),
        (Screen::Accessibility, "accessibility/"),
        (Screen::Changes, "changes/"),
        (Screen::Workbench, "workbench/"),
        (Screen::Compile, "compile/"),
        (Screen::Drafts, "drafts/"),
    ];
    for root in ["/", "/reform/", "/a/b/"] {
        for (language, folder) in [(Language::Ja, ""), (Language::En, "en/")] {
            for (screen, dir) in pages {
                let tail = format!("{folder}{dir}");
                let state = ViewState {
                    screen,
                    language,
                    ..ViewState::default()
                };
                assert_eq!(state.site_path(), tail);
                assert_eq!(state.page_path(), tail);
                for path in [format!("{root}{tail}"), format!("{root}{tail}index.html")] {
                    assert_eq!(split_site_root(&path).0, root, "{path}");
                    assert_eq!(ViewState::from_location(&path, ""), state, "{path}");
                    assert_eq!(relative_root(&path), state.relative_root());
                }
                let depth = tail.matches('/').count();
                assert_eq!(
                    state.relative_root(),
                    if depth == 0 {
                        "./".to_owned()
                    } else {
                        "../".repeat(depth)
                    }
                );
            }
        }
        // The older links: every screen in the query string of the list page.
        assert_eq!(
            ViewState::from_location(root, "?item=5").screen,
            Screen::Item(5)
        );
        let older = ViewState::from_location(root, "?view=overview&q=x");
        assert_eq!(older.site_path(), "overview/?q=x");
        assert_eq!(
            ViewState::from_location(&format!("{root}en/"), "?view=about").site_path(),
            "en/about/"
        );
        // The path wins over the query string's screen.
        assert_eq!(
            ViewState::from_location(&format!("{root}about/"), "?item=5").screen,
            Screen::About
        );
    }
    // Not pages: a leading zero, another file, look-alike folders.
    for path in [
        "/item/017/",
        "/item/17/x.html",
        "/myitem/17/",
        "/item/x/",
        "/item/",
        "/overviews/",
        "/drafts/x/",
    ] {
        assert_eq!(
            ViewState::from_location(path, "").screen,
            Screen::List,
            "{path}"
        );
    }
}

#[test]
fn an_items_site_path_keeps_the_rest_of_the_state() {
    let state = ViewState::from_query_string("?q=%E7%AA%93%E5%8F%A3&sdg=3&item=21");
    assert_eq!(state.site_path(), "item/21/?q=%E7%AA%93%E5%8F%A3&sdg=3");
    let back = ViewState::from_location(
        "/item/21/",
        state.site_path().split_once('?').map_or("", |(_, q)| q),
    );
    assert_eq!(back, state);
    assert_eq!(ViewState::default().site_path(), "");
}

#[test]
fn the_build_writes_every_page_in_both_languages() {
    let pages = ViewState::built_pages([1, 2, 3]);
    assert_eq!(pages.len(), 2 * (Screen::PAGES.len() + 3));
    let paths: std::collections::BTreeSet<String> =
        pages.iter().map(ViewState::site_path).collect();
    assert_eq!(paths.len(), pages.len(), "every page has its own address");
    assert!(paths.contains("en/item/3/"));
    for page in &pages {
        assert_eq!(page.page_default(), *page);
        assert!(page.same_page(&ViewState {
            query: Query {
                text: "x".into(),
                ..Query::default()
            },
            ..page.clone()
        }));
    }
}
