//! The site's Atom feed, `feed.xml` at the root of a build: one entry per
//! edition with the items it changed (`model::feed`), linked with the site's
//! address when `data/site.json` gives one, relatively otherwise.

use std::path::Path;

use anyhow::{Context, Result};
use model::feed::{atom, FEED_PATH};
use model::site::SiteConfig;

/// Writes `feed.xml` into the built site `site_dir`, from the editions of
/// the data directory (`data/`, or `UEDA_DATA_DIR`, as the build reads it).
pub fn write_feed(site_dir: &Path) -> Result<()> {
    let data = crate::edition::data_dir(&crate::project_root());
    write_feed_from(&data, site_dir)
}

fn write_feed_from(data: &Path, site_dir: &Path) -> Result<()> {
    let editions = crate::edition::editions(data)?;
    let site = data.join("site.json");
    let config = SiteConfig::from_json(
        &std::fs::read_to_string(&site).with_context(|| format!("reading {}", site.display()))?,
    )
    .with_context(|| format!("{} is not the site's settings", site.display()))?;
    let path = site_dir.join(FEED_PATH);
    std::fs::write(&path, atom(&editions, config.site_url.get()))
        .with_context(|| format!("writing {}", path.display()))?;
    let count = editions.all().len();
    println!(
        "feed: {} with {count} {}",
        path.display(),
        if count == 1 { "edition" } else { "editions" }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::drafts::{compile, Decisions};
    use model::Dataset;

    #[test]
    fn the_feed_of_the_data_directory_is_written_into_the_site() {
        let dir = std::env::temp_dir().join(format!("xtask-feed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (data, site) = (dir.join("data"), dir.join("site"));
        std::fs::create_dir_all(data.join("editions")).unwrap();
        std::fs::create_dir_all(&site).unwrap();
        let committed = crate::project_root().join("data");
        for name in ["action-program.json", "site.json"] {
            std::fs::copy(committed.join(name), data.join(name)).unwrap();
        }
        let first =
            Dataset::from_json(&std::fs::read_to_string(data.join("action-program.json")).unwrap())
                .unwrap();
        let next = compile(&first, &[], &Decisions::new(), 5, "令和6年5月10日")
            .unwrap()
            .dataset;
        std::fs::write(
            data.join("editions").join("r5-end.json"),
            serde_json::to_string(&next).unwrap(),
        )
        .unwrap();
        write_feed_from(&data, &site).unwrap();
        let xml = std::fs::read_to_string(site.join("feed.xml")).unwrap();
        assert_eq!(xml, atom(&crate::edition::editions(&data).unwrap(), None));
        assert_eq!(xml.matches("<entry>").count(), 2);
        // With the site's address, its links are absolute.
        let settings = std::fs::read_to_string(data.join("site.json"))
            .unwrap()
            .replace(
                "\"site_url\": \"\"",
                "\"site_url\": \"https://example.jp/reform/\"",
            );
        std::fs::write(data.join("site.json"), settings).unwrap();
        write_feed_from(&data, &site).unwrap();
        let xml = std::fs::read_to_string(site.join("feed.xml")).unwrap();
        assert!(
            xml.contains("href=\"https://example.jp/reform/feed.xml\""),
            "{xml}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
