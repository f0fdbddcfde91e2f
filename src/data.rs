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

/// The embedded edition's label (its year-end and last reported year), from
/// its metadata: the language tables word it (「令和4年度末」, "end of FY2022
/// (Reiwa 4)").
pub fn edition_label() -> model::edition::EditionLabel {
    // build.rs embeds only an edition whose metadata names its year
    // (`Editions::new` refuses any other).
    model::edition::EditionLabel::of(&app_data().dataset.meta)
        .expect("the embedded edition names its year")
}

// `word<TAB>reading` lines made by build.rs from data/readings.json: cheaper
// to read than JSON.
static READINGS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/readings.tsv"));

/// The dataset and what is derived from it once.
pub struct AppData {
    pub dataset: Dataset,
    pub index: ItemIndex,
    /// Milliseconds spent decoding the embedded dataset and building the
    /// search index.
    pub load_ms: f64,
}

static APP_DATA: OnceLock<AppData> = OnceLock::new();

/// The words' readings, loaded by the index on the first search.
fn readings() -> std::sync::Arc<model::reading::Readings> {
    std::sync::Arc::new(model::reading::Readings::from_tsv(READINGS_TSV, nfkc))
}

/// Builds the search index (and loads the readings) now rather than at the
/// first search: the app calls it in a task of its own once it has started.
/// Measured as `search-index` (the benchmark reads it).
pub fn prepare_search() {
    #[cfg(not(feature = "ssr"))]
    let performance = web_sys::window().and_then(|w| w.performance());
    #[cfg(not(feature = "ssr"))]
    if let Some(p) = &performance {
        let _ = p.mark("search-index-start");
    }
    let data = app_data();
    data.index.text(&data.dataset.items);
    #[cfg(not(feature = "ssr"))]
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("search-index", "search-index-start");
    }
}

/// The app's data; decoded on first use and kept for the page's lifetime.
pub fn app_data() -> &'static AppData {
    #[cfg(all(feature = "ssr", feature = "bench"))]
    if let Some(data) = SYNTHETIC.with(std::cell::Cell::get) {
        return data;
    }
    APP_DATA.get_or_init(load)
}

#[cfg(all(feature = "ssr", feature = "bench"))]
thread_local! {
    /// The synthetic dataset a benchmark page is being rendered with
    /// ([`with_synthetic`]), instead of the embedded one.
    static SYNTHETIC: std::cell::Cell<Option<&'static AppData>> = const { std::cell::Cell::new(None) };
}

/// Benchmark builds, at build time: runs `render` with `n` items generated
/// from the embedded ones (`model::synthetic`) as the app's data, so that a
/// page can be written as the browser will hydrate it with the same
/// `<html data-synthetic="N">` (the generation is deterministic). The
/// rendering code reads one global dataset, hence an override for the
/// duration of the call rather than a parameter. The data is leaked: the
/// prerenderer writes a page or two of each size and exits.
#[cfg(all(feature = "ssr", feature = "bench"))]
pub fn with_synthetic<R>(n: usize, render: impl FnOnce() -> R) -> R {
    let real = &APP_DATA.get_or_init(load).dataset;
    let dataset = model::synthetic::generate(real, n);
    let index = ItemIndex::new(&dataset.items, nfkc).with_readings(readings);
    let data: &'static AppData = Box::leak(Box::new(AppData {
        dataset,
        index,
        load_ms: 0.0,
    }));
    let previous = SYNTHETIC.with(|cell| cell.replace(Some(data)));
    // Restored even if the render panics (the prerenderer then exits anyway).
    struct Restore(Option<&'static AppData>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SYNTHETIC.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(previous);
    render()
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

/// Benchmark builds, in the browser: a page written with `<html
/// data-synthetic="N">` (or `?synthetic=N`) gets N items generated from the
/// real ones, the same the build rendered it with ([`with_synthetic`]).
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

static CORRECTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corrections.json"));

/// Every correction to the extracted text (`data/corrections.json`), for
/// the about page, which the build writes: no island reads them, so they
/// are not in the browser's wasm.
pub fn corrections() -> Vec<model::corrections::Correction> {
    model::corrections::CorrectionList::from_json(CORRECTIONS_JSON)
        .expect("data/corrections.json is valid")
        .corrections
}
