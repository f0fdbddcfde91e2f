//! The city's settings (`data/site.json`).

use model::site::{SiteConfig, SiteUrl, SiteUrlError};

/// The committed file reads, whatever the city has written into it (the
/// README asks it to fill the file in): a test of the parser and of the
/// file's validity, not of its values.
#[test]
fn the_committed_settings_read() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/site.json")).unwrap();
    if let Err(error) = SiteConfig::from_json(&text) {
        panic!("data/site.json: {error}");
    }
}

#[test]
fn empty_settings_fall_back() {
    let config =
        SiteConfig::from_json(r#"{"accessibility_contact": {"ja": "", "en": ""}, "site_url": ""}"#)
            .unwrap();
    assert_eq!(config.accessibility_contact.get("ja"), None);
    assert_eq!(config.accessibility_contact.get("en"), None);
    assert_eq!(config.site_url.get(), None);
    assert_eq!(config, SiteConfig::default());
    assert_eq!(SiteConfig::from_json("{}").unwrap(), SiteConfig::default());
}

#[test]
fn a_contact_line_is_picked_by_language() {
    let config = SiteConfig::from_json(
        r#"{"accessibility_contact": {"ja": " 行政管理課 0268-00-0000 ", "en": ""}}"#,
    )
    .unwrap();
    assert_eq!(
        config.accessibility_contact.get("ja"),
        Some("行政管理課 0268-00-0000")
    );
    assert_eq!(config.accessibility_contact.get("en"), None);
}

#[test]
fn the_site_address_is_read_and_checked() {
    let config =
        SiteConfig::from_json(r#"{"site_url": "https://www.city.ueda.nagano.jp/reform/"}"#)
            .unwrap();
    assert_eq!(
        config.site_url,
        SiteUrl::parse("https://www.city.ueda.nagano.jp/reform/").unwrap()
    );
    assert_eq!(
        config.site_url.join("item/17/").as_deref(),
        Some("https://www.city.ueda.nagano.jp/reform/item/17/")
    );
    // A mistake the city may make names the setting and says what is wrong.
    let error = SiteConfig::from_json(r#"{"site_url": "https://www.city.ueda.nagano.jp/reform"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("site_url"), "{error}");
    assert!(
        error.contains(&SiteUrlError::NoTrailingSlash.to_string()),
        "{error}"
    );
    assert!(SiteConfig::from_json(r#"{"site_url": 17}"#).is_err());
}
