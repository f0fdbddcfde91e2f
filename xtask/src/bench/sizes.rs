//! Transfer sizes: every file a first visit fetched, raw and as gzip (level 9)
//! and brotli (quality 11) would send it, the best a static host's
//! precompression gives.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};

/// Raw, gzip and brotli bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bytes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Bytes {
    pub fn of(content: &[u8]) -> Result<Bytes> {
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(content)?;
        let gzip = gzip.finish()?.len() as u64;
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &content[..], &mut brotli, &params)?;
        Ok(Bytes {
            raw: content.len() as u64,
            gzip,
            brotli: brotli.len() as u64,
        })
    }

    fn add(&mut self, other: Bytes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }

    pub fn json(self) -> Value {
        json!({ "raw": self.raw, "gzip": self.gzip, "brotli": self.brotli })
    }
}

/// One fetched file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Path inside the app's directory, e.g. `index.html`.
    pub path: String,
    /// Whether the service worker fetched it (precaching) rather than the page.
    pub by_service_worker: bool,
    pub bytes: Bytes,
}

/// What a first visit fetched, from the harness's request list.
#[derive(Debug, Default)]
pub struct FirstVisit {
    pub files: Vec<Fetched>,
    /// URLs that are not files of the app's directory (not counted).
    pub other: Vec<String>,
}

impl FirstVisit {
    /// `requests`: the harness's `first_visit_requests` (`url`,
    /// `service_worker`); `prefix`: the app's URL, e.g. `http://127.0.0.1:8123/app/`.
    pub fn measure(app_dir: &Path, prefix: &str, requests: &[Value]) -> Result<FirstVisit> {
        let mut visit = FirstVisit::default();
        for request in requests {
            let url = request["url"].as_str().unwrap_or_default();
            let Some(path) = file_path(prefix, url) else {
                visit.other.push(url.to_string());
                continue;
            };
            let file = app_dir.join(&path);
            if !file.is_file() {
                visit.other.push(url.to_string());
                continue;
            }
            let content =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            visit.files.push(Fetched {
                path,
                by_service_worker: request["service_worker"].as_bool().unwrap_or(false),
                bytes: Bytes::of(&content)?,
            });
        }
        Ok(visit)
    }

    /// Totals of the page's own requests (`Some(false)`), the service
    /// worker's (`Some(true)`) or all (`None`).
    pub fn total(&self, by_service_worker: Option<bool>) -> Bytes {
        let mut total = Bytes::default();
        for file in &self.files {
            if by_service_worker.is_none_or(|sw| sw == file.by_service_worker) {
                total.add(file.bytes);
            }
        }
        total
    }

    pub fn count(&self, by_service_worker: Option<bool>) -> usize {
        self.files
            .iter()
            .filter(|f| by_service_worker.is_none_or(|sw| sw == f.by_service_worker))
            .count()
    }
}

/// The file a same-origin URL under `prefix` names (`index.html` for the
/// directory itself), without query or fragment; `None` for other URLs.
pub fn file_path(prefix: &str, url: &str) -> Option<String> {
    let rest = url.strip_prefix(prefix)?;
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let rest = rest.trim_start_matches("./");
    if rest.contains("..") {
        return None;
    }
    Some(if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_urls_to_files() {
        let prefix = "http://127.0.0.1:8123/app/";
        assert_eq!(
            file_path(prefix, "http://127.0.0.1:8123/app/").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            file_path(prefix, "http://127.0.0.1:8123/app/?synthetic=10").as_deref(),
            Some("index.html")
        );
        assert_eq!(
            file_path(prefix, "http://127.0.0.1:8123/app/icons/a.png#x").as_deref(),
            Some("icons/a.png")
        );
        assert_eq!(file_path(prefix, "http://127.0.0.1:8123/limit/"), None);
        assert_eq!(file_path(prefix, "http://127.0.0.1:8123/app/../x"), None);
    }

    #[test]
    fn compresses_repetitive_text() {
        let text = "上田市の行財政改革".repeat(200);
        let bytes = Bytes::of(text.as_bytes()).unwrap();
        assert_eq!(bytes.raw, text.len() as u64);
        assert!(bytes.gzip < bytes.raw / 10);
        assert!(bytes.brotli < bytes.raw / 10);
    }

    #[test]
    fn totals_split_page_and_service_worker() {
        let file = |sw, raw| Fetched {
            path: "x".into(),
            by_service_worker: sw,
            bytes: Bytes {
                raw,
                gzip: raw / 2,
                brotli: raw / 3,
            },
        };
        let visit = FirstVisit {
            files: vec![file(false, 300), file(true, 600), file(false, 30)],
            other: vec![],
        };
        assert_eq!(visit.total(Some(false)).raw, 330);
        assert_eq!(visit.total(Some(true)).gzip, 300);
        assert_eq!(visit.total(None).brotli, 310);
        assert_eq!(visit.count(None), 3);
    }
}
