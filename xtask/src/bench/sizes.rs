//! Transfer sizes: every file a first visit fetched, raw and as gzip (level 9)
//! and brotli (quality 11) would send it, the best a static host's
//! precompression gives. The compression runs in Node's zlib
//! (`tests/bench/compress.mjs`): the reference C code, where a Rust encoder
//! in this unoptimised xtask build would take minutes for the wasm.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{json, Value};

use crate::project_root;
use crate::run::cmd;

/// Raw, gzip and brotli bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bytes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Bytes {
    fn add(&mut self, other: Bytes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }

    pub fn json(self) -> Value {
        json!({ "raw": self.raw, "gzip": self.gzip, "brotli": self.brotli })
    }
}

/// The sizes of `files`, each compressed once.
pub fn compress(files: &[PathBuf]) -> Result<HashMap<PathBuf, Bytes>> {
    let unique: BTreeSet<&PathBuf> = files.iter().collect();
    if unique.is_empty() {
        return Ok(HashMap::new());
    }
    let script = project_root()
        .join("tests")
        .join("bench")
        .join("compress.mjs");
    let mut args = vec![script.to_string_lossy().into_owned()];
    args.extend(unique.iter().map(|p| p.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cmd("node", &args)
        .output()
        .context("running node for compressed sizes")?;
    if !out.status.success() {
        anyhow::bail!(
            "compress.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sizes: HashMap<String, HashMap<String, u64>> =
        serde_json::from_slice(&out.stdout).context("reading compress.mjs's output")?;
    Ok(sizes
        .into_iter()
        .map(|(path, s)| {
            let bytes = Bytes {
                raw: s.get("raw").copied().unwrap_or(0),
                gzip: s.get("gzip").copied().unwrap_or(0),
                brotli: s.get("brotli").copied().unwrap_or(0),
            };
            (PathBuf::from(path), bytes)
        })
        .collect())
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
    /// The app's files that `requests` (the harness's `first_visit_requests`:
    /// `url`, `service_worker`) fetched, in order, with whether the service
    /// worker fetched them; `prefix` is the app's URL, e.g.
    /// `http://127.0.0.1:8123/app/`. Their sizes are zero until [`FirstVisit::size`].
    pub fn from_requests(app_dir: &Path, prefix: &str, requests: &[Value]) -> FirstVisit {
        let mut visit = FirstVisit::default();
        for request in requests {
            let url = request["url"].as_str().unwrap_or_default();
            match file_path(prefix, url).filter(|path| app_dir.join(path).is_file()) {
                Some(path) => visit.files.push(Fetched {
                    path,
                    by_service_worker: request["service_worker"].as_bool().unwrap_or(false),
                    bytes: Bytes::default(),
                }),
                None => visit.other.push(url.to_string()),
            }
        }
        visit
    }

    /// The files' paths on disk.
    pub fn paths(&self, app_dir: &Path) -> Vec<PathBuf> {
        self.files.iter().map(|f| app_dir.join(&f.path)).collect()
    }

    /// Fills in the sizes from [`compress`]'s answer.
    pub fn size(&mut self, app_dir: &Path, sizes: &HashMap<PathBuf, Bytes>) {
        for file in &mut self.files {
            file.bytes = sizes
                .get(&app_dir.join(&file.path))
                .copied()
                .unwrap_or_default();
        }
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
    fn keeps_the_requests_for_files_of_the_app() {
        let dir = std::env::temp_dir().join(format!("bench-sizes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<!DOCTYPE html>").unwrap();
        std::fs::write(dir.join("app.wasm"), [0u8; 10]).unwrap();
        let requests = json!([
            { "url": "http://h/app/", "service_worker": false },
            { "url": "http://h/app/app.wasm", "service_worker": false },
            { "url": "http://h/app/app.wasm", "service_worker": true },
            { "url": "http://h/app/missing.js", "service_worker": false },
            { "url": "http://h/limit/", "service_worker": false },
        ]);
        let mut visit =
            FirstVisit::from_requests(&dir, "http://h/app/", requests.as_array().unwrap());
        assert_eq!(visit.count(None), 3);
        assert_eq!(visit.count(Some(true)), 1);
        assert_eq!(visit.other, ["http://h/app/missing.js", "http://h/limit/"]);
        let sizes = HashMap::from([
            (
                dir.join("index.html"),
                Bytes {
                    raw: 15,
                    gzip: 30,
                    brotli: 20,
                },
            ),
            (
                dir.join("app.wasm"),
                Bytes {
                    raw: 10,
                    gzip: 25,
                    brotli: 12,
                },
            ),
        ]);
        visit.size(&dir, &sizes);
        assert_eq!(visit.total(Some(false)).raw, 25);
        assert_eq!(visit.total(None).brotli, 44);
        std::fs::remove_dir_all(&dir).unwrap();
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
