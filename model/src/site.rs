//! What the city sets when it publishes the app (`data/site.json`).

use serde::{Deserialize, Deserializer};

/// The site's configuration; every field may be left out.
#[derive(Debug, Deserialize, Default, PartialEq, Eq)]
pub struct SiteConfig {
    /// The accessibility statement's contact line, per language.
    #[serde(default)]
    pub accessibility_contact: Localized,
    /// The address the site is published at (`https://www.example.jp/reform/`),
    /// or none. Only with it can the build write what needs an absolute
    /// address: share previews' `og:url` and image, canonical and language
    /// links, `sitemap.xml` and `robots.txt`.
    #[serde(default)]
    pub site_url: SiteUrl,
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
    /// Reads `data/site.json`; an invalid `site_url` is an error that says
    /// what a valid one looks like.
    pub fn from_json(text: &str) -> Result<SiteConfig, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// The site's public address: absolute, `http` or `https`, ending in `/`,
/// so that a page's path relative to the site (`item/17/`) appended to it is
/// that page's address. Empty (the default) when the city has not set it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SiteUrl(Option<String>);

impl SiteUrl {
    /// Checks an address as written in `site.json`; surrounding spaces are
    /// ignored, and an empty value means "not set".
    pub fn parse(text: &str) -> Result<SiteUrl, SiteUrlError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(SiteUrl(None));
        }
        check(text)?;
        Ok(SiteUrl(Some(text.to_owned())))
    }

    /// The address, when set (always ending in `/`).
    pub fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The absolute address of `path`, a path relative to the site's root
    /// (`""` for the root, `item/17/`, `share-card.png`), when the address is set.
    pub fn join(&self, path: &str) -> Option<String> {
        self.get()
            .map(|base| format!("{base}{}", path.trim_start_matches('/')))
    }
}

impl<'de> Deserialize<'de> for SiteUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SiteUrl, D::Error> {
        let text = String::deserialize(deserializer)?;
        SiteUrl::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why a `site_url` was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteUrlError {
    /// It does not start with `https://` or `http://`.
    Scheme,
    /// The host is missing, or is not a host name (letters, digits, `-`, `.`,
    /// an optional `:port`): user names, IP literals and non-ASCII names
    /// (write those in their `xn--` form) are refused.
    Host,
    /// The path holds a character that must be percent-encoded, a query
    /// (`?`) or a fragment (`#`), or a `.`/`..` segment.
    Path,
    /// It does not end in `/`: the site is a folder, and its pages' relative
    /// paths are appended to it.
    NoTrailingSlash,
}

impl std::fmt::Display for SiteUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self {
            SiteUrlError::Scheme => "it must start with https:// (or http://)",
            SiteUrlError::Host => {
                "its host must be a plain host name with an optional port (non-ASCII names in their xn-- form)"
            }
            SiteUrlError::Path => {
                "its path may not hold spaces, non-ASCII characters (percent-encode them), ?, # or . and .. segments"
            }
            SiteUrlError::NoTrailingSlash => "it must end with /",
        };
        write!(
            f,
            "site_url is not the site's address ({why}); write it like https://www.example.jp/reform/ or leave it empty"
        )
    }
}

impl std::error::Error for SiteUrlError {}

/// A strict check written here rather than with the `url` crate: the app's
/// wasm reads `site.json` too, and a URL parser would bring its IDNA tables
/// into every citizen's download for a value only the build uses. Strict is
/// also what is wanted: the address is written into HTML and XML verbatim.
fn check(text: &str) -> Result<(), SiteUrlError> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or(SiteUrlError::Scheme)?;
    let (authority, path) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if host.is_empty() || !host.split('.').all(label_ok) || !port_ok {
        return Err(SiteUrlError::Host);
    }
    if path.is_empty() {
        return Err(SiteUrlError::NoTrailingSlash);
    }
    // RFC 3986 path characters: unreserved, sub-delims, ':', '@', '/', and
    // `%` followed by two hex digits.
    let bytes = path.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        let ok = b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=:@/".contains(&b)
            || (b == b'%'
                && bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit));
        if !ok {
            return Err(SiteUrlError::Path);
        }
    }
    if path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return Err(SiteUrlError::Path);
    }
    if !path.ends_with('/') {
        return Err(SiteUrlError::NoTrailingSlash);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_a_site_are_accepted() {
        for ok in [
            "https://www.city.ueda.nagano.jp/",
            "https://example.jp/reform/",
            "http://localhost:8080/",
            "https://city-ueda.github.io/ueda-reform/",
            "https://example.jp/%E6%94%B9%E9%9D%A9/",
            "https://xn--ncoz10i.jp/reform/",
        ] {
            assert_eq!(SiteUrl::parse(ok).unwrap().get(), Some(ok), "{ok}");
        }
        assert_eq!(
            SiteUrl::parse("  https://example.jp/  ").unwrap().get(),
            Some("https://example.jp/")
        );
        assert_eq!(SiteUrl::parse(" ").unwrap(), SiteUrl::default());
    }

    #[test]
    fn anything_else_is_refused_with_its_reason() {
        use SiteUrlError::*;
        for (bad, why) in [
            ("example.jp/reform/", Scheme),
            ("ftp://example.jp/", Scheme),
            ("//example.jp/", Scheme),
            ("HTTPS://example.jp/", Scheme),
            ("https:///reform/", Host),
            ("https://user@example.jp/", Host),
            ("https://example..jp/", Host),
            ("https://上田市.jp/", Host),
            ("https://example.jp:80a/", Host),
            ("https://[::1]/", Host),
            ("https://example.jp", NoTrailingSlash),
            ("https://example.jp/reform", NoTrailingSlash),
            ("https://example.jp/reform/index.html", NoTrailingSlash),
            ("https://example.jp/?q=1/", Path),
            ("https://example.jp/#top/", Path),
            ("https://example.jp/改革/", Path),
            ("https://example.jp/a b/", Path),
            ("https://example.jp/a/../", Path),
            ("https://example.jp/%zz/", Path),
            ("https://example.jp/\"onload=\"x/", Path),
        ] {
            assert_eq!(SiteUrl::parse(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn pages_join_the_address() {
        let url = SiteUrl::parse("https://example.jp/reform/").unwrap();
        assert_eq!(url.join("").unwrap(), "https://example.jp/reform/");
        assert_eq!(
            url.join("item/17/").unwrap(),
            "https://example.jp/reform/item/17/"
        );
        assert_eq!(
            url.join("/sitemap.xml").unwrap(),
            "https://example.jp/reform/sitemap.xml"
        );
        assert_eq!(SiteUrl::default().join("item/17/"), None);
    }
}
