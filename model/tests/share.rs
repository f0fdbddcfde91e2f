//! Share previews and address links in a page's `<head>` (`model::share`).

use model::share::{
    escape, head_elements, head_html, root_of, Feed, HeadElement, Page, PageKind, ShareImage,
};
use model::site::SiteConfig;
use model::stored::Language;

fn site(url: &str) -> SiteConfig {
    SiteConfig::from_json(&format!(r#"{{"site_url": "{url}"}}"#)).unwrap()
}

fn item_page(lang: Language) -> Page<'static> {
    let (path, alternate) = match lang {
        Language::Ja => ("item/17/", "en/item/17/"),
        Language::En => ("en/item/17/", "item/17/"),
    };
    Page {
        kind: PageKind::Item,
        lang,
        title: "No.17 窓口業務の見直し｜第四次上田市行財政改革大綱 アクションプログラム",
        description: "窓口業務の\n効率化を  図る。",
        site_name: "第四次上田市行財政改革大綱 アクションプログラム",
        path,
        alternate: Some(alternate),
    }
}

const ALT: &str = "「第四次上田市行財政改革大綱 アクションプログラム」 上田市";

/// The value of the Open Graph property `key`, if written.
fn property(head: &[HeadElement], key: &str) -> Option<String> {
    head.iter().find_map(|e| match e {
        HeadElement::Property { property, content } if *property == key => Some(content.clone()),
        _ => None,
    })
}

/// The links with `rel`, as (hreflang, href).
fn links(head: &[HeadElement], wanted: &str) -> Vec<(Option<&'static str>, String)> {
    head.iter()
        .filter_map(|e| match e {
            HeadElement::Link {
                rel,
                hreflang,
                href,
                ..
            } if *rel == wanted => Some((*hreflang, href.clone())),
            _ => None,
        })
        .collect()
}

fn twitter_card(head: &[HeadElement]) -> String {
    head.iter()
        .find_map(|e| match e {
            HeadElement::Name { name, content } if *name == "twitter:card" => Some(content.clone()),
            _ => None,
        })
        .expect("twitter:card is always written")
}

#[test]
fn without_the_address_a_preview_has_no_absolute_address_and_no_image() {
    let head = head_elements(
        &item_page(Language::Ja),
        &SiteConfig::default(),
        &ShareImage::site_card(ALT),
        None,
    );
    assert_eq!(
        property(&head, "og:title").as_deref(),
        Some("No.17 窓口業務の見直し｜第四次上田市行財政改革大綱 アクションプログラム")
    );
    assert_eq!(
        property(&head, "og:description").as_deref(),
        Some("窓口業務の 効率化を 図る。")
    );
    assert_eq!(property(&head, "og:type").as_deref(), Some("article"));
    assert_eq!(
        property(&head, "og:site_name").as_deref(),
        Some("第四次上田市行財政改革大綱 アクションプログラム")
    );
    assert_eq!(property(&head, "og:locale").as_deref(), Some("ja_JP"));
    assert_eq!(
        property(&head, "og:locale:alternate").as_deref(),
        Some("en_GB")
    );
    for absent in ["og:url", "og:image", "og:image:width", "og:image:alt"] {
        assert_eq!(property(&head, absent), None, "{absent}");
    }
    assert!(links(&head, "canonical").is_empty());
    assert!(links(&head, "alternate").is_empty());
    assert_eq!(twitter_card(&head), "summary");
    let html = head_html(
        &item_page(Language::Ja),
        &SiteConfig::default(),
        &ShareImage::site_card(ALT),
        None,
    );
    assert!(!html.contains("http"), "{html}");
}

#[test]
fn with_the_address_a_page_gets_its_absolute_addresses_and_the_image() {
    let site = site("https://www.city.ueda.nagano.jp/reform/");
    let head = head_elements(
        &item_page(Language::Ja),
        &site,
        &ShareImage::site_card(ALT),
        None,
    );
    let at = |path: &str| format!("https://www.city.ueda.nagano.jp/reform/{path}");
    assert_eq!(property(&head, "og:url"), Some(at("item/17/")));
    assert_eq!(property(&head, "og:image"), Some(at("share-card.png")));
    assert_eq!(
        property(&head, "og:image:type").as_deref(),
        Some("image/png")
    );
    assert_eq!(property(&head, "og:image:width").as_deref(), Some("1200"));
    assert_eq!(property(&head, "og:image:height").as_deref(), Some("630"));
    assert_eq!(property(&head, "og:image:alt").as_deref(), Some(ALT));
    assert_eq!(twitter_card(&head), "summary_large_image");
    assert_eq!(links(&head, "canonical"), [(None, at("item/17/"))]);
    assert_eq!(
        links(&head, "alternate"),
        [
            (Some("ja"), at("item/17/")),
            (Some("en"), at("en/item/17/")),
            (Some("x-default"), at("item/17/")),
        ]
    );

    // The English page: its own address is canonical, the languages the same.
    let head = head_elements(
        &item_page(Language::En),
        &site,
        &ShareImage::site_card("A card"),
        None,
    );
    assert_eq!(property(&head, "og:url"), Some(at("en/item/17/")));
    assert_eq!(property(&head, "og:locale").as_deref(), Some("en_GB"));
    assert_eq!(
        property(&head, "og:locale:alternate").as_deref(),
        Some("ja_JP")
    );
    assert_eq!(links(&head, "canonical"), [(None, at("en/item/17/"))]);
    assert_eq!(
        links(&head, "alternate"),
        [
            (Some("ja"), at("item/17/")),
            (Some("en"), at("en/item/17/")),
            (Some("x-default"), at("item/17/")),
        ]
    );
}

#[test]
fn the_list_is_a_website_and_a_page_in_one_language_has_no_alternates() {
    let site = site("https://example.jp/");
    let page = Page {
        kind: PageKind::List,
        lang: Language::Ja,
        title: "一覧",
        description: "全61項目",
        site_name: "プログラム",
        path: "",
        alternate: None,
    };
    let head = head_elements(&page, &site, &ShareImage::site_card(ALT), None);
    assert_eq!(property(&head, "og:type").as_deref(), Some("website"));
    assert_eq!(
        property(&head, "og:url").as_deref(),
        Some("https://example.jp/")
    );
    assert_eq!(property(&head, "og:locale:alternate"), None);
    assert_eq!(
        links(&head, "canonical"),
        [(None, "https://example.jp/".to_owned())]
    );
    assert!(links(&head, "alternate").is_empty());
}

#[test]
fn the_not_found_page_claims_no_address() {
    let site = site("https://example.jp/reform/");
    let page = Page {
        kind: PageKind::NotFound,
        lang: Language::Ja,
        title: "ページが見つかりません",
        description: "お探しのページは見つかりませんでした。",
        site_name: "プログラム",
        path: "404.html",
        alternate: None,
    };
    let feed = Feed {
        path: "feed.xml",
        title: "更新情報",
    };
    let head = head_elements(&page, &site, &ShareImage::site_card(ALT), Some(&feed));
    assert_eq!(property(&head, "og:url"), None);
    assert!(links(&head, "canonical").is_empty());
    // Served at any depth, it can only link the feed by its absolute address.
    assert_eq!(
        links(&head, "alternate"),
        [(None, "https://example.jp/reform/feed.xml".to_owned())]
    );
    assert_eq!(
        property(&head, "og:image").as_deref(),
        Some("https://example.jp/reform/share-card.png")
    );
    let head = head_elements(
        &page,
        &SiteConfig::default(),
        &ShareImage::site_card(ALT),
        Some(&feed),
    );
    assert!(links(&head, "alternate").is_empty());
}

#[test]
fn the_feed_is_linked_relative_to_each_page() {
    let feed = Feed {
        path: "feed.xml",
        title: "更新情報",
    };
    for (path, href) in [
        ("", "feed.xml"),
        ("item/17/", "../../feed.xml"),
        ("en/", "../feed.xml"),
        ("en/item/17/", "../../../feed.xml"),
    ] {
        let page = Page {
            path,
            alternate: None,
            ..item_page(Language::Ja)
        };
        let html = head_html(
            &page,
            &SiteConfig::default(),
            &ShareImage::site_card(ALT),
            Some(&feed),
        );
        assert!(
            html.contains(&format!(
                r#"<link rel="alternate" type="application/atom+xml" title="更新情報" href="{href}">"#
            )),
            "{path}: {html}"
        );
    }
    assert_eq!(root_of("en/item/17/"), "../../../");
}

#[test]
fn every_value_is_escaped() {
    let page = Page {
        title: r#"A "quoted" <b>title</b> & 'more'"#,
        ..item_page(Language::Ja)
    };
    let html = head_html(
        &page,
        &site("https://example.jp/a&b/"),
        &ShareImage::site_card("<alt>"),
        None,
    );
    assert!(html.contains(
        r#"<meta property="og:title" content="A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; &#39;more&#39;">"#
    ));
    assert!(html.contains(r#"<meta property="og:image:alt" content="&lt;alt&gt;">"#));
    assert!(html.contains(r#"<link rel="canonical" href="https://example.jp/a&amp;b/item/17/">"#));
    // Nothing unescaped is left between the elements' own quotes.
    for line in html.lines() {
        assert_eq!(line.matches('<').count(), 1, "{line}");
        assert_eq!(line.matches('"').count() % 2, 0, "{line}");
    }
    assert_eq!(escape("a'b"), "a&#39;b");
}
