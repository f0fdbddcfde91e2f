//! The city's settings (`data/site.json`).

use model::site::SiteConfig;

#[test]
fn the_committed_settings_read_and_empty_lines_fall_back() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/site.json")).unwrap();
    let config = SiteConfig::from_json(&text).unwrap();
    assert_eq!(config.accessibility_contact.get("ja"), None);
    assert_eq!(config.accessibility_contact.get("en"), None);
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
    assert_eq!(SiteConfig::from_json("{}").unwrap(), SiteConfig::default());
}
