//! `report.json`: a run's figures, typed, from the harness's raw samples
//! (`target/bench/browser.json`), the file sizes and the machine. The
//! arithmetic is in `stats`, the Markdown table in `table`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::machine::Machine;
use super::sizes::{Bytes, Fetched, FirstVisit};
use super::stats::{self, Summary};
use super::targets::{self, Judgement, Judgements};

/// Everything measured, and how, as `report.json` holds it. Times are in
/// milliseconds to 0.1, ratios to 0.01; `None` (null) where nothing was
/// measured.
#[derive(Debug, Serialize)]
pub struct Report {
    pub date: String,
    pub machine: Machine,
    pub settings: Settings,
    pub targets: Judgements,
    pub transfer_bytes: Transfer,
    pub wasm_bytes: WasmBytes,
    pub interactive_bytes: InteractiveBytes,
    pub time_to_list_ms: Option<f64>,
    pub static_limit_ms: Option<f64>,
    pub ratio_to_static: Option<f64>,
    pub item_page_ms: Option<f64>,
    pub static_item_ms: Option<f64>,
    pub item_ratio_to_static: Option<f64>,
    pub app_ready_ms: Option<f64>,
    pub time_to_interactive_ms: Option<f64>,
    pub first_tap_ratio_to_list: Option<f64>,
    pub data_load_ms: Option<f64>,
    /// By dataset size (`"61"`, `"1000"`…), as `search` has them.
    pub search_median_ms: BTreeMap<String, Option<f64>>,
    pub search_p95_ms: BTreeMap<String, Option<f64>>,
    /// The interaction limits at 61 items (see tests/bench/harness.mjs).
    pub search_limit_least: Option<SearchFigures>,
    pub search_p95_ratio_to_least_work: Option<f64>,
    pub search_limit: Option<SearchFigures>,
    pub search_p95_ratio_to_full_replay: Option<f64>,
    pub phone: Option<Phone>,
    pub lighthouse: Option<Lighthouse>,
    pub memory_bytes: Memory,
    pub loads: Loads,
    pub search: BTreeMap<String, SearchFigures>,
    /// What went wrong during the run, as the harness recorded it.
    pub errors: Vec<String>,
}

/// How the run was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// The command as given.
    pub command: String,
    pub cpu_throttling: u32,
    pub cold_loads: usize,
    pub viewport: &'static str,
    pub sizes: Vec<usize>,
    /// The item whose page is opened cold.
    pub item: u32,
    pub server: &'static str,
    /// The browser's version, as the harness read it.
    pub chromium: Option<String>,
    /// False with `--no-build`.
    pub built: bool,
    pub build_s: Option<u64>,
    pub build_steps_s: BTreeMap<String, u64>,
    /// The whole command, the builds included.
    pub duration_s: u64,
    pub load_average_1min: LoadAverage,
}

/// Other work on the machine skews the timings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LoadAverage {
    pub start: Option<f64>,
    pub end: Option<f64>,
}

/// What a citizen's first visit transferred.
#[derive(Debug, Serialize)]
pub struct Transfer {
    pub page: TransferPart,
    pub service_worker: TransferPart,
    pub all: TransferPart,
    pub files: Vec<Fetched>,
    pub not_counted: Vec<String>,
    pub method: &'static str,
}

/// The responses to the page, to its service worker, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TransferPart {
    /// The distinct files fetched, each counted once in full.
    #[serde(flatten)]
    pub files: Bytes,
    /// The response bodies as the server sent them.
    pub sent: u64,
    pub responses: usize,
    pub not_modified: usize,
}

impl TransferPart {
    fn of(visit: &FirstVisit, by_service_worker: Option<bool>) -> TransferPart {
        TransferPart {
            files: visit.total(by_service_worker),
            sent: visit.sent(by_service_worker),
            responses: visit.count(by_service_worker),
            not_modified: visit.not_modified(by_service_worker),
        }
    }
}

/// The citizen wasm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WasmBytes {
    #[serde(flatten)]
    pub bytes: Bytes,
    pub file: String,
    /// As sent to the page on the first visit, if the page fetched it.
    pub sent: Option<u64>,
}

impl WasmBytes {
    /// As sent, or else as its brotli copy would be.
    pub fn as_served(&self) -> u64 {
        self.sent.unwrap_or(self.bytes.brotli)
    }
}

/// What makes the list interactive: the total and each file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InteractiveBytes {
    #[serde(flatten)]
    pub total: Bytes,
    pub files: Vec<SizedFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizedFile {
    pub path: String,
    #[serde(flatten)]
    pub bytes: Bytes,
}

/// Search and filter figures of one dataset size, or of an interaction limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchFigures {
    pub path: Option<String>,
    /// Operations measured.
    pub samples: usize,
    /// Operations that hit the time limit and count as that long.
    pub timed_out: usize,
    pub planned: Option<u64>,
    pub all_ms: Option<Summary>,
    pub text_ms: Option<Summary>,
    pub facet_ms: Option<Summary>,
    pub long_frames: LongFrames,
    pub slowest: Option<TimedOp>,
    pub time_to_ready_ms: Option<f64>,
    pub data_load_ms: Option<f64>,
    pub memory_after_load: Option<HeapFigures>,
    pub first_round: Vec<FirstRoundOp>,
    pub notes: Vec<String>,
}

/// Where the long animation frames' time went, summed over the operations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LongFrames {
    pub script_ms: f64,
    pub render_ms: f64,
    /// Style, layout and paint's share, to 0.01; `None` without long frames.
    pub render_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimedOp {
    pub label: Option<String>,
    pub ms: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstRoundOp {
    pub label: Option<String>,
    /// The result count the operation left.
    pub count: Option<u64>,
    pub ms: Option<f64>,
}

/// The first screen of a phone, as the harness recorded it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Phone {
    pub items_on_first_screen: Option<u64>,
    pub first_item_top: Option<f64>,
    pub search_box_on_first_screen: Option<bool>,
    /// False when the app never became ready and the prerendered list was measured.
    pub ready: Option<bool>,
    /// The rest of the record (viewport, the first row's height), kept as it is.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// JS heap and DOM figures of a page, as the harness recorded them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct HeapFigures {
    pub js_heap_used: Option<u64>,
    pub wasm_memory: Option<u64>,
    pub dom_nodes: Option<u64>,
    pub event_listeners: Option<u64>,
    /// The rest of the record (`js_heap_total`), kept as it is.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl HeapFigures {
    /// The JS heap plus the wasm memory; `None` without a JS heap figure.
    pub fn total(&self) -> Option<u64> {
        Some(self.js_heap_used? + self.wasm_memory.unwrap_or(0))
    }
}

/// The medians of Lighthouse's runs that have a score: the performance
/// score, its metrics and the DOM size; `runs` and the scores' range tell
/// how steady they were.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lighthouse {
    pub accessibility: Option<f64>,
    /// The accessibility audits that failed in any run.
    pub accessibility_failing: Vec<String>,
    pub runs: usize,
    pub score: Option<f64>,
    pub score_min: Option<f64>,
    pub score_max: Option<f64>,
    pub fcp_ms: Option<f64>,
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls: Option<f64>,
    pub speed_index_ms: Option<f64>,
    pub max_potential_fid_ms: Option<f64>,
    pub dom_elements: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Memory {
    /// JS heap plus wasm memory.
    pub after_load: Option<u64>,
    pub after_100_filters: Option<u64>,
    pub filter_changes: Option<u64>,
    pub detail: MemoryDetail,
    pub method: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemoryDetail {
    pub after_load: Option<HeapFigures>,
    pub after_100_filters: Option<HeapFigures>,
}

/// The cold loads' spreads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loads {
    pub time_to_list_ms: Option<Summary>,
    pub static_limit_ms: Option<Summary>,
    pub item_page_ms: Option<Summary>,
    pub static_item_ms: Option<Summary>,
    pub app_ready_ms: Option<Summary>,
    pub time_to_interactive_ms: Option<Summary>,
    pub data_load_ms: Option<Summary>,
    /// By phase (see `phases`), for the phases some sample had.
    pub phases_median_ms: BTreeMap<&'static str, f64>,
}

impl Report {
    pub fn judgement(&self, key: &str) -> Option<&Judgement> {
        self.targets.get(key)
    }
}

/// Everything measured, for `build`.
pub struct Inputs<'a> {
    pub date: &'a str,
    pub machine: Machine,
    /// The harness's raw samples (`browser.json`).
    pub browser: &'a Value,
    pub visit: &'a FirstVisit,
    pub wasm: Bytes,
    pub wasm_file: &'a str,
    /// The files that make the list interactive (the citizen wasm, its JS
    /// glue and what that imports, `boot.js`), by path in the site.
    pub interactive: &'a [(String, Bytes)],
    pub settings: Settings,
}

pub fn build(inputs: Inputs) -> Report {
    let browser = inputs.browser;
    let loads = ColdLoads::of(browser);
    let list_ratio = stats::ratio_of_medians(&loads.list, &loads.limit_list);
    let item_ratio = stats::ratio_of_medians(&loads.item, &loads.limit_item);
    let first_tap_ratio = stats::ratio_of_medians(&loads.interactive, &loads.list);

    let search: BTreeMap<String, SearchFigures> = browser["search"]
        .as_object()
        .map(|runs| {
            runs.iter()
                .map(|(size, run)| (size.clone(), search_figures(run)))
                .collect()
        })
        .unwrap_or_default();
    let search_quantile = |quantile: fn(&Summary) -> f64| -> BTreeMap<String, Option<f64>> {
        search
            .iter()
            .map(|(size, figures)| (size.clone(), figures.all_ms.as_ref().map(quantile)))
            .collect()
    };
    let search_median_ms = search_quantile(|s| s.median);
    let search_p95_ms = search_quantile(|s| s.p95);

    // The interaction limits: the same operations on the frozen list, with
    // only the DOM changes any implementation must make (least work), and
    // with every change the app made (see tests/bench/harness.mjs).
    let limit = |key: &str| (!browser[key].is_null()).then(|| search_figures(&browser[key]));
    let search_limit_least = limit("search_limit_least");
    let search_limit = limit("search_limit");
    let app_p95 = search_p95_ms.get("61").copied().flatten();
    let ratio_to = |limit: &Option<SearchFigures>| {
        let limit_p95 = limit.as_ref()?.all_ms?.p95;
        stats::ratio(app_p95?, limit_p95)
    };
    let least_ratio = ratio_to(&search_limit_least);
    let full_ratio = ratio_to(&search_limit);

    let lighthouse = lighthouse_figures(&browser["lighthouse"]);
    let phone = record::<Phone>(&browser["phone"]);
    let interactive_bytes = interactive_bytes(inputs.interactive);
    let visit = inputs.visit;
    let settings = inputs.settings;
    let p95 = |size: &str| search_p95_ms.get(size).copied().flatten();
    let targets = targets::judge(
        &[
            (
                "citizen_interactive_brotli_bytes",
                (!inputs.interactive.is_empty()).then_some(interactive_bytes.total.brotli as f64),
            ),
            (
                "first_visit_page_brotli_bytes",
                (visit.count(Some(false)) > 0).then(|| visit.sent(Some(false)) as f64),
            ),
            ("time_to_list_ratio", list_ratio),
            ("first_tap_ratio", first_tap_ratio),
            ("search_p95_ms_61", p95("61")),
            ("search_p95_ratio_61", least_ratio),
            ("search_p95_ms_1000", p95("1000")),
            (
                "lighthouse_performance",
                lighthouse.as_ref().and_then(|l| l.score),
            ),
            (
                "lighthouse_tbt_ms",
                lighthouse.as_ref().and_then(|l| l.tbt_ms),
            ),
            (
                "lighthouse_accessibility",
                lighthouse.as_ref().and_then(|l| l.accessibility),
            ),
            ("item_page_ratio", item_ratio),
            (
                "phone_first_screen_items",
                phone
                    .as_ref()
                    .and_then(|p| p.items_on_first_screen)
                    .map(|n| n as f64),
            ),
            ("bench_wall_time_s", Some(settings.duration_s as f64)),
        ],
        // Without the builds, the wall time is not the one the target is about.
        if settings.built {
            &[]
        } else {
            &["bench_wall_time_s"]
        },
    );

    Report {
        date: inputs.date.to_string(),
        machine: inputs.machine,
        settings,
        targets,
        transfer_bytes: transfer(visit),
        wasm_bytes: WasmBytes {
            bytes: inputs.wasm,
            file: inputs.wasm_file.to_string(),
            sent: visit.page_file(".wasm").map(|f| f.sent),
        },
        interactive_bytes,
        time_to_list_ms: stats::median_in_tenths(&loads.list),
        static_limit_ms: stats::median_in_tenths(&loads.limit_list),
        ratio_to_static: list_ratio,
        item_page_ms: stats::median_in_tenths(&loads.item),
        static_item_ms: stats::median_in_tenths(&loads.limit_item),
        item_ratio_to_static: item_ratio,
        app_ready_ms: stats::median_in_tenths(&loads.ready),
        time_to_interactive_ms: stats::median_in_tenths(&loads.interactive),
        first_tap_ratio_to_list: first_tap_ratio,
        data_load_ms: stats::median_in_tenths(&loads.data_load),
        search_median_ms,
        search_p95_ms,
        search_limit_least,
        search_p95_ratio_to_least_work: least_ratio,
        search_limit,
        search_p95_ratio_to_full_replay: full_ratio,
        phone,
        lighthouse,
        memory_bytes: memory(&browser["memory"]),
        loads: loads.spreads(),
        search,
        errors: strings(&browser["errors"]),
    }
}

/// The cold loads' samples (milliseconds from navigation), each list from
/// the samples that have its mark.
struct ColdLoads {
    /// The app's samples, whole, for their phases.
    app: Vec<Value>,
    list: Vec<f64>,
    limit_list: Vec<f64>,
    item: Vec<f64>,
    limit_item: Vec<f64>,
    ready: Vec<f64>,
    interactive: Vec<f64>,
    data_load: Vec<f64>,
}

impl ColdLoads {
    fn of(browser: &Value) -> ColdLoads {
        let loads = |name: &str| {
            browser["loads"][name]
                .as_array()
                .cloned()
                .unwrap_or_default()
        };
        let mark = |samples: &[Value], name: &str| -> Vec<f64> {
            samples
                .iter()
                .filter_map(|s| number(&s["marks"][name]))
                .collect()
        };
        let app = loads("app");
        ColdLoads {
            list: mark(&app, "list_visible"),
            limit_list: mark(&loads("limit"), "list_visible"),
            item: mark(&loads("item_app"), "item_visible"),
            limit_item: mark(&loads("item_limit"), "item_visible"),
            ready: mark(&app, "app_ready"),
            interactive: mark(&app, "interactive"),
            data_load: app
                .iter()
                .filter_map(|s| number(&s["data_load"]["duration"]))
                .collect(),
            app,
        }
    }

    fn spreads(&self) -> Loads {
        Loads {
            time_to_list_ms: stats::summary_in_tenths(&self.list),
            static_limit_ms: stats::summary_in_tenths(&self.limit_list),
            item_page_ms: stats::summary_in_tenths(&self.item),
            static_item_ms: stats::summary_in_tenths(&self.limit_item),
            app_ready_ms: stats::summary_in_tenths(&self.ready),
            time_to_interactive_ms: stats::summary_in_tenths(&self.interactive),
            data_load_ms: stats::summary_in_tenths(&self.data_load),
            phases_median_ms: phase_medians(&self.app),
        }
    }
}

fn number(value: &Value) -> Option<f64> {
    value.as_f64()
}

/// The strings of a JSON array; none for anything else.
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// A record of the harness read as `T`; `None` when it is null or does not
/// read as one.
fn record<T: serde::de::DeserializeOwned>(value: &Value) -> Option<T> {
    Option::<T>::deserialize(value).ok().flatten()
}

/// Where the time of a cold load of the list goes, for one sample
/// (milliseconds; a phase is missing when the sample lacks its marks). The
/// prerendered list is painted from the HTML alone, while the app loads; the
/// other phases follow each other.
pub fn phases(sample: &Value) -> Vec<(&'static str, f64)> {
    let mark = |name: &str| number(&sample["marks"][name]);
    let diff = |a: Option<f64>, b: Option<f64>| Some(a? - b?);
    let data_start = number(&sample["data_load"]["start"]);
    let data_duration = number(&sample["data_load"]["duration"]);
    let data_end = data_start.zip(data_duration).map(|(s, d)| s + d);
    [
        ("list_painted", mark("list_visible")),
        ("until_wasm_fetch", mark("wasm_start")),
        (
            "wasm_fetch_compile_instantiate",
            diff(mark("wasm_ready"), mark("wasm_start")),
        ),
        ("app_start", diff(data_start, mark("wasm_ready"))),
        ("data_parse_index", data_duration),
        ("hydrate_go_live", diff(mark("app_ready"), data_end)),
        (
            "first_click_answered",
            diff(mark("interactive"), mark("click")),
        ),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect()
}

/// The median of each phase over the samples that have it.
fn phase_medians(samples: &[Value]) -> BTreeMap<&'static str, f64> {
    let mut by_phase: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    for (name, value) in samples.iter().flat_map(phases) {
        by_phase.entry(name).or_default().push(value);
    }
    by_phase
        .into_iter()
        .filter_map(|(name, values)| Some((name, stats::median_in_tenths(&values)?)))
        .collect()
}

/// Lighthouse's runs that have a score, summarized; `None` without any.
fn lighthouse_figures(runs: &Value) -> Option<Lighthouse> {
    let runs: Vec<&Value> = runs
        .as_array()?
        .iter()
        .filter(|r| r["score"].is_number())
        .collect();
    if runs.is_empty() {
        return None;
    }
    let values = |key: &str| -> Vec<f64> { runs.iter().filter_map(|r| number(&r[key])).collect() };
    let median = |key: &str| stats::median(&values(key));
    let scores = stats::summarize(&values("score"));
    let mut failing: Vec<String> = runs
        .iter()
        .flat_map(|r| strings(&r["accessibility_failing"]))
        .collect();
    failing.sort_unstable();
    failing.dedup();
    Some(Lighthouse {
        accessibility: median("accessibility").map(stats::hundredths),
        accessibility_failing: failing,
        runs: runs.len(),
        score: scores.map(|s| stats::hundredths(s.median)),
        score_min: scores.map(|s| stats::hundredths(s.min)),
        score_max: scores.map(|s| stats::hundredths(s.max)),
        fcp_ms: median("fcp_ms").map(stats::tenths),
        lcp_ms: median("lcp_ms").map(stats::tenths),
        tbt_ms: median("tbt_ms").map(stats::tenths),
        cls: median("cls").map(stats::thousandths),
        speed_index_ms: median("speed_index_ms").map(stats::tenths),
        max_potential_fid_ms: median("max_potential_fid_ms").map(stats::tenths),
        dom_elements: median("dom_elements").map(f64::round),
    })
}

/// Search and filter figures of one run of the harness's operations.
fn search_figures(run: &Value) -> SearchFigures {
    // Skipped operations (nothing to clear) have no time.
    let ops: Vec<&Value> = run["ops"]
        .as_array()
        .map(|a| a.iter().filter(|op| op["ms"].is_number()).collect())
        .unwrap_or_default();
    let ms_of = |keep: &dyn Fn(&Value) -> bool| -> Vec<f64> {
        ops.iter()
            .filter(|op| keep(op))
            .filter_map(|op| number(&op["ms"]))
            .collect()
    };
    let all = ms_of(&|_| true);
    let text = ms_of(&|op| op["kind"] == "text");
    let facets = ms_of(&|op| op["kind"] != "text");
    let rounded_ms = |op: &Value| number(&op["ms"]).map(stats::tenths);
    let label = |op: &Value| op["label"].as_str().map(str::to_string);
    let slowest = ops
        .iter()
        .max_by(|a, b| {
            number(&a["ms"])
                .unwrap_or(0.0)
                .total_cmp(&number(&b["ms"]).unwrap_or(0.0))
        })
        .map(|op| TimedOp {
            label: label(op),
            ms: rounded_ms(op),
        });
    let first_round = ops
        .iter()
        .filter(|op| op["round"] == 0)
        .map(|op| FirstRoundOp {
            label: label(op),
            count: op["count"].as_u64(),
            ms: rounded_ms(op),
        })
        .collect();
    SearchFigures {
        path: run["path"].as_str().map(str::to_string),
        samples: all.len(),
        timed_out: ops.iter().filter(|op| op["timed_out"] == true).count(),
        planned: run["planned"].as_u64(),
        all_ms: stats::summary_in_tenths(&all),
        text_ms: stats::summary_in_tenths(&text),
        facet_ms: stats::summary_in_tenths(&facets),
        long_frames: long_frames(&ops),
        slowest,
        time_to_ready_ms: number(&run["load"]["marks"]["app_ready_painted"]).map(stats::tenths),
        data_load_ms: number(&run["load"]["data_load"]["duration"]).map(stats::tenths),
        memory_after_load: record(&run["memory_after_load"]),
        first_round,
        notes: strings(&run["notes"]),
    }
}

fn long_frames(ops: &[&Value]) -> LongFrames {
    let sum = |key: &str| -> f64 { ops.iter().filter_map(|op| number(&op[key])).sum() };
    let (script, render) = (sum("script_ms"), sum("render_ms"));
    LongFrames {
        script_ms: stats::tenths(script),
        render_ms: stats::tenths(render),
        render_share: stats::ratio(render, script + render),
    }
}

fn transfer(visit: &FirstVisit) -> Transfer {
    Transfer {
        page: TransferPart::of(visit, Some(false)),
        service_worker: TransferPart::of(visit, Some(true)),
        all: TransferPart::of(visit, None),
        files: visit.files.clone(),
        not_counted: visit.other.clone(),
        method: "sent: response bodies as tests/bench/serve.mjs sent them (brotli to Chromium, \
                 304 revalidations without a body), page and service worker told apart by the \
                 request's referrer; raw, gzip and brotli: the distinct files fetched and their \
                 precompressed copies, each counted once in full",
    }
}

fn interactive_bytes(files: &[(String, Bytes)]) -> InteractiveBytes {
    let mut total = Bytes::default();
    for (_, bytes) in files {
        total.add(*bytes);
    }
    InteractiveBytes {
        total,
        files: files
            .iter()
            .map(|(path, bytes)| SizedFile {
                path: path.clone(),
                bytes: *bytes,
            })
            .collect(),
    }
}

/// The harness's memory run (`memory`: after load, after the filter changes).
fn memory(run: &Value) -> Memory {
    let after_load = record::<HeapFigures>(&run["after_load"]);
    let after_filters = record::<HeapFigures>(&run["after_filters"]);
    Memory {
        after_load: after_load.as_ref().and_then(HeapFigures::total),
        after_100_filters: after_filters.as_ref().and_then(HeapFigures::total),
        filter_changes: run["filter_changes"].as_u64(),
        detail: MemoryDetail {
            after_load,
            after_100_filters: after_filters,
        },
        method: "JS heap used (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) \
                 plus the wasm linear memory (byteLength of the instance's exported memory, \
                 captured by wrapping WebAssembly.instantiate*); production build, real data, \
                 not throttled",
    }
}

/// A small run, as the harness and the build would record it: three cold
/// loads, two dataset sizes (nothing measured at 1,000 items), both
/// interaction limits and a Lighthouse run without a score.
#[cfg(test)]
pub mod fixture {
    use serde_json::json;

    use super::*;
    use crate::bench::machine::Tools;

    pub fn load(list: f64) -> Value {
        json!({
            "marks": { "list_visible": 250.0, "wasm_start": 300.0, "wasm_ready": 350.0,
                       "app_ready": list, "click": list, "interactive": list + 100.0 },
            "data_load": { "start": 400.0, "duration": 50.0 },
        })
    }

    fn marks(name: &str, values: &[f64]) -> Value {
        values
            .iter()
            .map(|v| json!({ "marks": { name: v } }))
            .collect()
    }

    fn browser() -> Value {
        let mut app = marks("list_visible", &[300.0, 330.0, 360.0]);
        for (sample, full) in
            app.as_array_mut()
                .unwrap()
                .iter_mut()
                .zip([load(900.0), load(1000.0), load(1100.0)])
        {
            for mark in ["app_ready", "click", "interactive"] {
                sample["marks"][mark] = full["marks"][mark].clone();
            }
            sample["data_load"] = full["data_load"].clone();
        }
        json!({
            "loads": {
                "app": app,
                "limit": marks("list_visible", &[250.0, 300.0]),
                "item_app": marks("item_visible", &[200.0, 240.0, 220.0]),
                "item_limit": marks("item_visible", &[200.0]),
            },
            "memory": {
                "after_load": { "js_heap_used": 1000, "wasm_memory": 2000, "dom_nodes": 10, "event_listeners": 2 },
                "after_filters": { "js_heap_used": 1500, "wasm_memory": 2000, "dom_nodes": 10, "event_listeners": 2 },
                "filter_changes": 100,
            },
            "search": {
                "61": { "path": "/bench/", "planned": 3, "ops": [
                    { "round": 0, "kind": "text", "label": "a", "ms": 10.0, "script_ms": 0.0, "render_ms": 0.0, "count": 1 },
                    { "round": 0, "kind": "on", "label": "b", "ms": 80.0, "script_ms": 60.0, "render_ms": 20.0, "count": 5 },
                    { "round": 0, "kind": "off", "label": "c", "skipped": "nothing" },
                ], "load": { "marks": { "app_ready_painted": 950.0 }, "data_load": { "duration": 40.0 } },
                   "notes": [] },
                "1000": { "path": "/bench/synthetic/1000/", "planned": 3, "ops": [], "load": null, "notes": ["slow"] },
            },
            "search_limit_least": { "path": "/limit/frozen/", "least": true, "planned": 2, "ops": [
                { "round": 0, "kind": "text", "label": "a", "ms": 4.0, "script_ms": 0.0, "render_ms": 0.0 },
                { "round": 0, "kind": "on", "label": "b", "ms": 20.0, "script_ms": 0.0, "render_ms": 0.0 },
            ], "notes": [] },
            "search_limit": { "path": "/limit/frozen/", "least": false, "planned": 2, "ops": [
                { "round": 0, "kind": "text", "label": "a", "ms": 8.0, "script_ms": 0.0, "render_ms": 0.0 },
                { "round": 0, "kind": "on", "label": "b", "ms": 40.0, "script_ms": 0.0, "render_ms": 0.0 },
            ], "notes": [] },
            "phone": { "items_on_first_screen": 3, "first_item_top": 420.4, "search_box_on_first_screen": true, "ready": true },
            "lighthouse": [
                { "score": 0.91, "accessibility": 0.96, "accessibility_failing": ["target-size"], "fcp_ms": 900.0, "lcp_ms": 1800.0, "tbt_ms": 120.0, "cls": 0.0, "speed_index_ms": 1000.0, "max_potential_fid_ms": 150.0, "dom_elements": 2000.0 },
                { "score": 0.99, "accessibility": 1.0, "accessibility_failing": [], "fcp_ms": 800.0, "lcp_ms": 1500.0, "tbt_ms": 20.0, "cls": 0.0, "speed_index_ms": 900.0, "max_potential_fid_ms": 60.0, "dom_elements": 2000.0 },
                { "score": null, "runtime_error": "NO_FCP" },
            ],
            "errors": [],
        })
    }

    pub fn report() -> Report {
        let bytes = |raw, gzip, brotli| Bytes { raw, gzip, brotli };
        let visit = FirstVisit {
            files: vec![Fetched {
                path: "index.html".into(),
                by_service_worker: false,
                bytes: bytes(100, 50, 40),
                sent: 40,
                status: 200,
                encoding: Some("br".into()),
            }],
            other: vec![],
        };
        build(Inputs {
            date: "2026-01-01T00:00:00Z",
            machine: Machine {
                cpu: Some("test".into()),
                cores: 2,
                memory_bytes: None,
                os: "test".into(),
                kernel: None,
                arch: "x86_64".into(),
                tools: Tools::default(),
            },
            browser: &browser(),
            visit: &visit,
            wasm: bytes(10, 5, 4),
            wasm_file: "x.wasm",
            interactive: &[
                ("boot.js".to_string(), bytes(3000, 1500, 1000)),
                ("x.wasm".to_string(), bytes(300_000, 100_000, 80_000)),
            ],
            settings: Settings {
                command: "cargo xtask bench --runs 3".into(),
                cpu_throttling: 4,
                cold_loads: 3,
                viewport: "1024×768",
                sizes: vec![61, 1000],
                item: 17,
                server: "tests/bench/serve.mjs",
                chromium: None,
                built: true,
                build_s: Some(200),
                build_steps_s: BTreeMap::new(),
                duration_s: 400,
                load_average_1min: LoadAverage {
                    start: None,
                    end: None,
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_load_into_phases() {
        assert_eq!(
            phases(&fixture::load(900.0)),
            [
                ("list_painted", 250.0),
                ("until_wasm_fetch", 300.0),
                ("wasm_fetch_compile_instantiate", 50.0),
                ("app_start", 50.0),
                ("data_parse_index", 50.0),
                ("hydrate_go_live", 450.0),
                ("first_click_answered", 100.0),
            ]
        );
        assert_eq!(
            phases(&serde_json::json!({ "marks": { "item_visible": 1.0 } })),
            []
        );
    }

    #[test]
    fn builds_the_report() {
        let report = fixture::report();
        let met = |key: &str| report.judgement(key).unwrap().met;
        assert_eq!(report.transfer_bytes.page.sent, 40);
        assert_eq!(report.transfer_bytes.page.files.raw, 100);
        assert_eq!(report.wasm_bytes.sent, None);
        assert_eq!(report.time_to_list_ms, Some(330.0));
        assert_eq!(report.static_limit_ms, Some(275.0));
        assert_eq!(report.ratio_to_static, Some(1.2));
        assert_eq!(report.item_ratio_to_static, Some(1.1));
        assert_eq!(report.app_ready_ms, Some(1000.0));
        assert_eq!(report.time_to_interactive_ms, Some(1100.0));
        assert_eq!(report.data_load_ms, Some(50.0));
        assert_eq!(report.search_median_ms["61"], Some(45.0));
        assert_eq!(report.search["61"].long_frames.render_share, Some(0.25));
        assert_eq!(report.search["61"].time_to_ready_ms, Some(950.0));
        assert_eq!(report.search["61"].first_round.len(), 2);
        assert_eq!(report.search_median_ms["1000"], None);
        assert_eq!(report.memory_bytes.after_load, Some(3000));
        assert_eq!(report.memory_bytes.after_100_filters, Some(3500));
        assert_eq!(met("time_to_list_ratio"), Some(true));
        assert_eq!(met("search_p95_ms_61"), Some(false));
        // No sample at 1,000 items.
        assert_eq!(met("search_p95_ms_1000"), None);
        // Interactive at 1,000, 1,100 and 1,200 ms; the list at 330 ms.
        assert_eq!(report.first_tap_ratio_to_list, Some(3.33));
        assert_eq!(met("first_tap_ratio"), Some(false));
        // p95 of 10 and 80 ms against p95 of 4 and 20 ms (least work) and of
        // 8 and 40 ms (every change).
        let app_p95 = report.search_p95_ms["61"].unwrap();
        for (limit, ratio) in [
            (
                &report.search_limit_least,
                report.search_p95_ratio_to_least_work,
            ),
            (&report.search_limit, report.search_p95_ratio_to_full_replay),
        ] {
            let limit_p95 = limit.as_ref().unwrap().all_ms.unwrap().p95;
            assert_eq!(ratio, Some((app_p95 / limit_p95 * 100.0).round() / 100.0));
        }
        let ratio_target = report.judgement("search_p95_ratio_61").unwrap();
        assert_eq!(ratio_target.value, report.search_p95_ratio_to_least_work);
        assert_eq!(ratio_target.limit, 1.5);
        // The run without a score is left out: the median of 0.91 and 0.99.
        let lighthouse = report.lighthouse.as_ref().unwrap();
        assert_eq!(lighthouse.runs, 2);
        assert_eq!(lighthouse.score, Some(0.95));
        assert_eq!(lighthouse.accessibility, Some(0.98));
        assert_eq!(lighthouse.tbt_ms, Some(70.0));
        assert_eq!(met("lighthouse_performance"), Some(false));
        assert_eq!(met("lighthouse_tbt_ms"), Some(false));
        assert_eq!(met("lighthouse_accessibility"), Some(false));
        assert_eq!(report.interactive_bytes.total.brotli, 81_000);
        let interactive = report
            .judgement("citizen_interactive_brotli_bytes")
            .unwrap();
        assert_eq!(interactive.value, Some(81_000.0));
        assert_eq!(interactive.stretch.unwrap().stretch_met, Some(false));
        assert_eq!(met("phone_first_screen_items"), Some(true));
        assert_eq!(met("item_page_ratio"), Some(true));
        assert_eq!(met("bench_wall_time_s"), Some(true));
    }

    #[test]
    fn writes_the_keys_report_json_has_always_had() {
        let json = serde_json::to_value(fixture::report()).unwrap();
        for key in [
            "targets",
            "transfer_bytes",
            "wasm_bytes",
            "time_to_list_ms",
            "static_limit_ms",
            "ratio_to_static",
            "item_page_ms",
            "static_item_ms",
            "item_ratio_to_static",
            "app_ready_ms",
            "time_to_interactive_ms",
            "data_load_ms",
            "search_p95_ms",
            "search_median_ms",
            "memory_bytes",
            "date",
            "machine",
        ] {
            assert!(!json[key].is_null(), "{key} is missing");
        }
        assert_eq!(json["transfer_bytes"]["page"]["raw"], 100);
        assert_eq!(json["transfer_bytes"]["files"][0]["brotli"], 40);
        assert_eq!(json["interactive_bytes"]["files"][1]["path"], "x.wasm");
        assert_eq!(json["loads"]["time_to_list_ms"]["n"], 3);
        assert_eq!(json["loads"]["phases_median_ms"]["data_parse_index"], 50.0);
        assert_eq!(
            json["memory_bytes"]["detail"]["after_load"]["dom_nodes"],
            10
        );
        assert_eq!(json["targets"]["search_p95_ms_61"]["met"], false);
        assert_eq!(
            json["targets"]["citizen_interactive_brotli_bytes"]["stretch"],
            60_000.0
        );
        assert!(json["targets"]["search_p95_ms_61"].get("stretch").is_none());
        assert_eq!(json["phone"]["first_item_top"], 420.4);
    }
}
