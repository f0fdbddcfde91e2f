//! What the city sets when it publishes the app (`data/site.json`).

use serde::Deserialize;

/// The site's configuration; every field may be left out.
#[derive(Debug, Deserialize, Default, PartialEq, Eq)]
pub struct SiteConfig {
    /// The accessibility statement's contact line, per language.
    #[serde(default)]
    pub accessibility_contact: Localized,
}

/// A text in each interface language.
#[derive(Debug, Deserialize, Default, PartialEq, Eq)]
pub struct Localized {
    #[serde(default)]
    pub ja: String,
    #[serde(default)]
    pub en: String,
}

impl Localized {
    /// The text for interface language `lang` (`"ja"` or `"en"`), unless
    /// the city left it empty.
    pub fn get(&self, lang: &str) -> Option<&str> {
        let text = if lang == "ja" { &self.ja } else { &self.en };
        Some(text.trim()).filter(|t| !t.is_empty())
    }
}

impl SiteConfig {
    /// Reads `data/site.json`.
    pub fn from_json(text: &str) -> Result<SiteConfig, serde_json::Error> {
        serde_json::from_str(text)
    }
}
