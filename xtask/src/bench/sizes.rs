//! Transfer sizes of a first visit: what crossed the wire, from the bench
//! server's record of every response it sent (`tests/bench/serve.mjs`: the
//! body as sent, compressed if it was, and whether the page or its service
//! worker asked), beside each file's raw size and its precompressed copies
//! (`NAME.br`, `NAME.gz`, written by the build), which are what the server
//! sends to a browser that accepts brotli, or only gzip.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

/// A file's size raw and as served to a browser accepting brotli or only
/// gzip: its `.br` or `.gz` copy, or the file itself when the build wrote
/// none (images already compressed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Bytes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Bytes {
    /// The sizes of `file` and of its precompressed copies; zero if it is missing.
    pub fn of_file(file: &Path) -> Bytes {
        let size = |path: &Path| std::fs::metadata(path).ok().map(|m| m.len());
        let raw = size(file).unwrap_or(0);
        let copy = |suffix: &str| {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            size(Path::new(&name)).unwrap_or(raw)
        };
        Bytes {
            raw,
            gzip: copy(".gz"),
            brotli: copy(".br"),
        }
    }

    pub fn add(&mut self, other: Bytes) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

/// One response of the first visit, for a file of the app; in
/// `report.json`, with the file's sizes beside the response's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fetched {
    /// Path inside the app's directory, e.g. `index.html`.
    pub path: String,
    /// Whether the service worker asked (precaching) rather than the page.
    pub by_service_worker: bool,
    /// The file's sizes.
    #[serde(flatten)]
    pub bytes: Bytes,
    /// The response body as sent (compressed, if it was; none for a 304).
    pub sent: u64,
    pub status: u16,
    /// Its `Content-Encoding`.
    pub encoding: Option<String>,
}

/// What a first visit fetched.
#[derive(Debug, Default)]
pub struct FirstVisit {
    pub files: Vec<Fetched>,
    /// URLs that are not files of the app's directory (not counted).
    pub other: Vec<String>,
}

impl FirstVisit {
    /// The responses of `served` (the harness's `first_visit.served`: `url`,
    /// `status`, `bytes`, `encoding`, `service_worker`) for files of the app,
    /// in order, sized from `app_dir`; `prefix` is the app's path, `/app/`.
    pub fn from_served(app_dir: &Path, prefix: &str, served: &[Value]) -> FirstVisit {
        let mut visit = FirstVisit::default();
        for response in served {
            let url = response["url"].as_str().unwrap_or_default();
            match file_path(prefix, url).filter(|path| app_dir.join(path).is_file()) {
                Some(path) => visit.files.push(Fetched {
                    bytes: Bytes::of_file(&app_dir.join(&path)),
                    path,
                    by_service_worker: response["service_worker"].as_bool().unwrap_or(false),
                    sent: response["bytes"].as_u64().unwrap_or(0),
                    status: response["status"]
                        .as_u64()
                        .and_then(|s| u16::try_from(s).ok())
                        .unwrap_or(0),
                    encoding: response["encoding"].as_str().map(str::to_string),
                }),
                None => visit.other.push(url.to_string()),
            }
        }
        visit
    }

    /// The responses to the page (`Some(false)`), to its service worker
    /// (`Some(true)`) or all (`None`).
    fn selected(&self, by_service_worker: Option<bool>) -> impl Iterator<Item = &Fetched> {
        self.files
            .iter()
            .filter(move |f| by_service_worker.is_none_or(|sw| sw == f.by_service_worker))
    }

    /// The sizes of the distinct files of those responses, each counted once
    /// and in full.
    pub fn total(&self, by_service_worker: Option<bool>) -> Bytes {
        let mut seen = std::collections::BTreeSet::new();
        let mut total = Bytes::default();
        for file in self.selected(by_service_worker) {
            if seen.insert(&file.path) {
                total.add(file.bytes);
            }
        }
        total
    }

    /// The bytes the server sent in those responses' bodies.
    pub fn sent(&self, by_service_worker: Option<bool>) -> u64 {
        self.selected(by_service_worker).map(|f| f.sent).sum()
    }

    pub fn count(&self, by_service_worker: Option<bool>) -> usize {
        self.selected(by_service_worker).count()
    }

    /// Revalidations answered 304 Not Modified (no body).
    pub fn not_modified(&self, by_service_worker: Option<bool>) -> usize {
        self.selected(by_service_worker)
            .filter(|f| f.status == 304)
            .count()
    }

    /// The first response to the page itself for a file whose name ends with `suffix`.
    pub fn page_file(&self, suffix: &str) -> Option<&Fetched> {
        self.selected(Some(false))
            .find(|f| f.path.ends_with(suffix))
    }
}

/// The files a citizen's list needs to become interactive, by path in the
/// built site `app_dir`, with their sizes: `boot.js`, the citizen bundle's
/// JS glue and wasm as the page's loader script names them (`data-js`,
/// `data-wasm`), and the glue's own imports (wasm-bindgen's `snippets/`).
pub fn interactive_files(app_dir: &Path) -> anyhow::Result<Vec<(String, Bytes)>> {
    use anyhow::Context;
    let index = std::fs::read_to_string(app_dir.join("index.html"))
        .with_context(|| format!("reading {}", app_dir.join("index.html").display()))?;
    let loader = regex::Regex::new(r"<script\b[^>]*\bdata-wasm=[^>]*>").expect("valid regex");
    let tag = loader
        .find(&index)
        .context("the list page has no loader script (data-wasm)")?
        .as_str();
    let attribute = |name: &str| {
        regex::Regex::new(&format!(r#"\b{name}="(?:\./)?([^"]+)""#))
            .expect("valid regex")
            .captures(tag)
            .map(|c| c[1].to_string())
            .with_context(|| format!("the loader script has no {name}"))
    };
    let glue = attribute("data-js")?;
    let mut paths = vec![attribute("src")?, glue.clone(), attribute("data-wasm")?];
    let glue_text =
        std::fs::read_to_string(app_dir.join(&glue)).with_context(|| format!("reading {glue}"))?;
    paths.extend(glue_imports(&glue_text));
    Ok(paths
        .into_iter()
        .map(|path| {
            let bytes = Bytes::of_file(&app_dir.join(&path));
            (path, bytes)
        })
        .collect())
}

/// The relative modules a JS file imports statically (`./snippets/…`).
fn glue_imports(js: &str) -> Vec<String> {
    let import = regex::Regex::new(r#"\bfrom\s*['"]\./([^'"]+)['"]"#).expect("valid regex");
    import.captures_iter(js).map(|c| c[1].to_string()).collect()
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
    use serde_json::json;

    #[test]
    fn finds_what_makes_the_list_interactive() {
        let dir = std::env::temp_dir().join(format!("bench-interactive-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("snippets/app-1")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            r#"<head><script type="module" src="./boot.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm" data-staff-js="./s.js"></script></head>"#,
        )
        .unwrap();
        std::fs::write(dir.join("boot.js"), [b'b'; 30]).unwrap();
        std::fs::write(dir.join("boot.js.br"), [0u8; 10]).unwrap();
        std::fs::write(
            dir.join("app-1.js"),
            "import { f } from './snippets/app-1/inline0.js';\nexport default 1;",
        )
        .unwrap();
        std::fs::write(dir.join("snippets/app-1/inline0.js"), "x").unwrap();
        std::fs::write(dir.join("app-1_bg.wasm"), [0u8; 100]).unwrap();
        let files = interactive_files(&dir).unwrap();
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "boot.js",
                "app-1.js",
                "app-1_bg.wasm",
                "snippets/app-1/inline0.js"
            ]
        );
        assert_eq!(files[0].1.brotli, 10);
        assert_eq!(files[2].1.raw, 100);
        std::fs::remove_dir_all(&dir).unwrap();
    }

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
            file_path(prefix, "http://127.0.0.1:8123/app/item/17/").as_deref(),
            Some("item/17/index.html")
        );
        assert_eq!(
            file_path(prefix, "http://127.0.0.1:8123/app/icons/a.png#x").as_deref(),
            Some("icons/a.png")
        );
        assert_eq!(file_path(prefix, "http://127.0.0.1:8123/limit/"), None);
        assert_eq!(file_path(prefix, "http://127.0.0.1:8123/app/../x"), None);
    }

    #[test]
    fn sizes_a_file_as_served() {
        let dir = std::env::temp_dir().join(format!("bench-sizes-served-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.js"), [b'x'; 100]).unwrap();
        std::fs::write(dir.join("a.js.br"), [0u8; 7]).unwrap();
        std::fs::write(dir.join("a.js.gz"), [0u8; 9]).unwrap();
        std::fs::write(dir.join("i.png"), [0u8; 50]).unwrap();
        let bytes = |name: &str| Bytes::of_file(&dir.join(name));
        assert_eq!(
            bytes("a.js"),
            Bytes {
                raw: 100,
                gzip: 9,
                brotli: 7
            }
        );
        assert_eq!(
            bytes("i.png"),
            Bytes {
                raw: 50,
                gzip: 50,
                brotli: 50
            }
        );
        assert_eq!(bytes("missing"), Bytes::default());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keeps_the_responses_for_files_of_the_app() {
        let dir = std::env::temp_dir().join(format!("bench-sizes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), [b'x'; 15]).unwrap();
        std::fs::write(dir.join("index.html.br"), [0u8; 5]).unwrap();
        std::fs::write(dir.join("app.wasm"), [0u8; 10]).unwrap();
        let served = json!([
            { "url": "/app/", "status": 200, "bytes": 5, "encoding": "br", "service_worker": false },
            { "url": "/app/app.wasm", "status": 200, "bytes": 10, "service_worker": false },
            { "url": "/app/app.wasm", "status": 304, "bytes": 0, "service_worker": true },
            { "url": "/app/index.html", "status": 200, "bytes": 5, "service_worker": true },
            { "url": "/app/missing.js", "status": 404, "bytes": 10, "service_worker": false },
            { "url": "/limit/", "status": 200, "bytes": 9, "service_worker": false },
        ]);
        let visit = FirstVisit::from_served(&dir, "/app/", served.as_array().unwrap());
        assert_eq!(visit.count(None), 4);
        assert_eq!(visit.count(Some(true)), 2);
        assert_eq!(visit.not_modified(None), 1);
        assert_eq!(visit.other, ["/app/missing.js", "/limit/"]);
        assert_eq!(visit.total(Some(false)).raw, 25);
        assert_eq!(visit.total(Some(false)).brotli, 15);
        // Each file once: index.html (as `/app/` and `/app/index.html`) and app.wasm.
        assert_eq!(visit.total(None).raw, 25);
        assert_eq!(visit.sent(Some(false)), 15);
        assert_eq!(visit.sent(None), 20);
        assert_eq!(visit.page_file(".wasm").map(|f| f.sent), Some(10));
        assert_eq!(visit.files[0].encoding.as_deref(), Some("br"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
