//! The embedded dataset, loaded once at start-up.
//!
//! The dataset is compiled into the wasm in a compact binary form (no network
//! request, no JSON to parse); decoding it and indexing its facets is measured
//! with the Performance API, so the benchmark can read the figure as the
//! `data-load` measure. The search index and the word readings come later
//! ([`prepare_search`], or the first search).

use std::sync::OnceLock;

use model::filter::ItemIndex;
use model::Dataset;

// The dataset in the model's binary form, and minified copies of the other
// files, made by build.rs from data/.
static DATASET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/action-program.bin"));
/// What changed since the previous edition (`build.rs`), for item pages.
static EDITION_CHANGES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/edition-changes.json"));

/// What changed since the previous edition, read once.
pub fn edition_changes() -> &'static model::edition::EditionChanges {
    static CHANGES: OnceLock<model::edition::EditionChanges> = OnceLock::new();
    CHANGES.get_or_init(|| model::edition::EditionChanges::from_json(EDITION_CHANGES_JSON))
}

// `word<TAB>reading` lines made by build.rs from data/readings.json: cheaper
// to read than JSON.
static READINGS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/readings.tsv"));

/// The dataset and what is derived from it once.
pub struct AppData {
    pub dataset: Dataset,
    pub index: ItemIndex,
    /// Milliseconds spent parsing the JSON and building the search index.
    pub load_ms: f64,
}

static APP_DATA: OnceLock<AppData> = OnceLock::new();

/// The words' readings, loaded by the index on the first search.
fn readings() -> std::sync::Arc<model::reading::Readings> {
    std::sync::Arc::new(model::reading::Readings::from_tsv(READINGS_TSV, nfkc))
}

/// Builds the search index (and loads the readings) now rather than at the
/// first search: the app calls it in a task of its own once it has started.
pub fn prepare_search() {
    let data = app_data();
    data.index.text(&data.dataset.items);
}

/// The app's data; decoded on first use and kept for the page's lifetime.
pub fn app_data() -> &'static AppData {
    APP_DATA.get_or_init(load)
}

fn load() -> AppData {
    #[cfg(not(feature = "ssr"))]
    let performance = web_sys::window().and_then(|w| w.performance());
    #[cfg(feature = "ssr")]
    let performance = None::<web_sys::Performance>;
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    if let Some(p) = &performance {
        let _ = p.mark("data-load-start");
    }
    let start = now();
    // build.rs wrote these bytes from the same types, so a failure here is a build defect.
    let dataset = Dataset::from_binary(DATASET).expect("the embedded dataset decodes");
    #[cfg(feature = "bench")]
    let dataset = bench_dataset(dataset);
    let index = ItemIndex::new(&dataset.items, nfkc).with_readings(readings);
    let load_ms = now() - start;
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("data-load", "data-load-start");
    }
    AppData {
        dataset,
        index,
        load_ms,
    }
}

/// NFKC through the browser's `String.prototype.normalize`, which ships the
/// Unicode tables already: a Rust crate would add about 120 KB to the wasm.
#[cfg(not(feature = "ssr"))]
pub fn nfkc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFKC").into()
}

/// NFKC at build time (prerendering runs natively, with no browser).
#[cfg(feature = "ssr")]
pub fn nfkc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().collect()
}

/// Benchmark builds: `?synthetic=N` swaps in N items generated from the real ones.
#[cfg(feature = "bench")]
fn bench_dataset(real: Dataset) -> Dataset {
    match crate::url::synthetic_size() {
        Some(n) => model::synthetic::generate(&real, n),
        None => real,
    }
}

static INDICATORS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/indicators.json"));
static INDICATORS: OnceLock<model::indicators::Indicators> = OnceLock::new();

/// The numeric indicators (targets and results read from the source, with
/// quotes); parsed on first use, which is the overview or an item page.
pub fn indicators() -> &'static model::indicators::Indicators {
    INDICATORS.get_or_init(|| {
        model::indicators::parse(INDICATORS_JSON).expect("the embedded indicators are valid JSON")
    })
}

static ACCESSIBILITY_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/accessibility-results.json"));

/// What the accessibility tests found (written by `cargo xtask test` from
/// the end-to-end run, checked against that run).
pub fn accessibility_results() -> model::accessibility::Results {
    model::accessibility::Results::from_json(ACCESSIBILITY_JSON)
        .expect("the embedded accessibility results are valid JSON")
}

static SITE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/site.json"));

/// What the city sets when it publishes the app (`data/site.json`).
pub fn site_config() -> model::site::SiteConfig {
    model::site::SiteConfig::from_json(SITE_JSON).expect("data/site.json is valid JSON")
}
