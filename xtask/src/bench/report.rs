//! From the harness's raw samples to `report.json` and the printed table.

use serde_json::{json, Map, Value};

use super::sizes::{Bytes, FirstVisit};
use super::targets::{self, Target};

/// Median, quartiles, 95th percentile and range of some samples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

/// `None` without samples. Quantiles interpolate linearly between ranks.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let position = p * (sorted.len() - 1) as f64;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
    };
    Some(Summary {
        n: sorted.len(),
        median: q(0.5),
        p25: q(0.25),
        p75: q(0.75),
        p95: q(0.95),
        min: sorted[0],
        max: sorted[sorted.len() - 1],
    })
}

impl Summary {
    fn json(self) -> Value {
        json!({
            "median": round(self.median),
            "p25": round(self.p25),
            "p75": round(self.p75),
            "p95": round(self.p95),
            "min": round(self.min),
            "max": round(self.max),
            "n": self.n,
        })
    }
}

/// Milliseconds to 0.1.
fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

fn number(value: &Value) -> Option<f64> {
    value.as_f64()
}

/// `samples[i][path…]` for every sample that has it.
fn collect(samples: &[Value], f: impl Fn(&Value) -> Option<f64>) -> Vec<f64> {
    samples.iter().filter_map(f).collect()
}

fn median_json(samples: &[f64]) -> Value {
    summarize(samples).map_or(Value::Null, |s| json!(round(s.median)))
}

fn summary_json(samples: &[f64]) -> Value {
    summarize(samples).map_or(Value::Null, Summary::json)
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

/// Readable names of the phases, for the table.
const PHASE_NAMES: [(&str, &str); 7] = [
    ("list_painted", "prerendered list painted"),
    (
        "until_wasm_fetch",
        "meanwhile HTML and JS until the wasm fetch",
    ),
    ("wasm_fetch_compile_instantiate", "wasm fetch+compile"),
    ("app_start", "app start"),
    ("data_parse_index", "data decode+index"),
    (
        "hydrate_go_live",
        "hydrate the islands and go live (to ready)",
    ),
    ("first_click_answered", "first tap answered"),
];

/// The medians of Lighthouse's runs: the performance score, its metrics and
/// the DOM size; `runs` and the scores' range tell how steady they were.
fn lighthouse_summary(runs: &Value) -> Value {
    let runs: Vec<Value> = runs
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| r["score"].is_number())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if runs.is_empty() {
        return Value::Null;
    }
    let median = |key: &str| summarize(&collect(&runs, |r| number(&r[key]))).map(|s| s.median);
    let scores = summarize(&collect(&runs, |r| number(&r["score"])));
    let hundredths = |v: f64| (v * 100.0).round() / 100.0;
    // The accessibility audits that failed in any run.
    let mut failing: Vec<&str> = runs
        .iter()
        .filter_map(|r| r["accessibility_failing"].as_array())
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    failing.sort_unstable();
    failing.dedup();
    json!({
        "accessibility": median("accessibility").map(hundredths),
        "accessibility_failing": failing,
        "runs": runs.len(),
        "score": scores.map(|s| hundredths(s.median)),
        "score_min": scores.map(|s| hundredths(s.min)),
        "score_max": scores.map(|s| hundredths(s.max)),
        "fcp_ms": median("fcp_ms").map(round),
        "lcp_ms": median("lcp_ms").map(round),
        "tbt_ms": median("tbt_ms").map(round),
        "cls": median("cls").map(|v| (v * 1000.0).round() / 1000.0),
        "speed_index_ms": median("speed_index_ms").map(round),
        "max_potential_fid_ms": median("max_potential_fid_ms").map(round),
        "dom_elements": median("dom_elements").map(f64::round),
    })
}

/// Search and filter figures of one dataset size.
fn search_summary(run: &Value) -> Value {
    let ops: Vec<&Value> = run["ops"]
        .as_array()
        .map(|a| a.iter().filter(|op| op["ms"].is_number()).collect())
        .unwrap_or_default();
    let ms = |filter: &dyn Fn(&Value) -> bool| -> Vec<f64> {
        ops.iter()
            .filter(|op| filter(op))
            .filter_map(|op| number(&op["ms"]))
            .collect()
    };
    let all = ms(&|_| true);
    let text = ms(&|op| op["kind"] == "text");
    let facets = ms(&|op| op["kind"] != "text");
    let sum = |key: &str| -> f64 { ops.iter().filter_map(|op| number(&op[key])).sum() };
    let (script, render) = (sum("script_ms"), sum("render_ms"));
    let long_frames = json!({
        "script_ms": round(script),
        "render_ms": round(render),
        "render_share": if script + render > 0.0 {
            json!((render / (script + render) * 100.0).round() / 100.0)
        } else {
            Value::Null
        },
    });
    let slowest = ops
        .iter()
        .max_by(|a, b| {
            number(&a["ms"])
                .unwrap_or(0.0)
                .total_cmp(&number(&b["ms"]).unwrap_or(0.0))
        })
        .map(|op| json!({ "label": op["label"], "ms": op["ms"].as_f64().map(round) }));
    let first_round: Vec<Value> = ops
        .iter()
        .filter(|op| op["round"] == 0)
        .map(|op| json!({ "label": op["label"], "count": op["count"], "ms": op["ms"].as_f64().map(round) }))
        .collect();
    let timed_out = ops.iter().filter(|op| op["timed_out"] == true).count();
    json!({
        "path": run["path"],
        "samples": all.len(),
        "timed_out": timed_out,
        "planned": run["planned"],
        "all_ms": summary_json(&all),
        "text_ms": summary_json(&text),
        "facet_ms": summary_json(&facets),
        "long_frames": long_frames,
        "slowest": slowest,
        "time_to_ready_ms": run["load"]["marks"]["app_ready_painted"].as_f64().map(round),
        "data_load_ms": run["load"]["data_load"]["duration"].as_f64().map(round),
        "memory_after_load": run["memory_after_load"],
        "first_round": first_round,
        "notes": run["notes"],
    })
}

fn memory_total(figures: &Value) -> Value {
    match (
        figures["js_heap_used"].as_u64(),
        figures["wasm_memory"].as_u64(),
    ) {
        (Some(js), Some(wasm)) => json!(js + wasm),
        (Some(js), None) => json!(js),
        _ => Value::Null,
    }
}

/// Everything measured, as `report.json` holds it.
pub struct Inputs<'a> {
    pub date: &'a str,
    pub machine: Value,
    pub browser: &'a Value,
    pub visit: &'a FirstVisit,
    pub wasm: Bytes,
    pub wasm_file: &'a str,
    /// The files that make the list interactive (the citizen wasm, its JS
    /// glue and what that imports, `boot.js`), by path in the site.
    pub interactive: &'a [(String, Bytes)],
    /// Includes `duration_s` (the whole command) and `built` (false with `--no-build`).
    pub settings: Value,
}

/// The ratio of the medians of `app` and `limit`, to 0.01.
fn ratio(app: &[f64], limit: &[f64]) -> Option<f64> {
    match (summarize(app), summarize(limit)) {
        (Some(a), Some(l)) if l.median > 0.0 => Some((a.median / l.median * 100.0).round() / 100.0),
        _ => None,
    }
}

pub fn build(inputs: &Inputs) -> Value {
    let browser = inputs.browser;
    let empty = Vec::new();
    let loads = |name: &str| browser["loads"][name].as_array().unwrap_or(&empty);
    let mark = |name: &'static str| move |s: &Value| number(&s["marks"][name]);
    let app = loads("app");
    let list = collect(app, mark("list_visible"));
    let limit_list = collect(loads("limit"), mark("list_visible"));
    let item = collect(loads("item_app"), mark("item_visible"));
    let limit_item = collect(loads("item_limit"), mark("item_visible"));
    let ready = collect(app, mark("app_ready"));
    let interactive = collect(app, mark("interactive"));
    let data_load = collect(app, |s| number(&s["data_load"]["duration"]));
    let list_ratio = ratio(&list, &limit_list);
    let item_ratio = ratio(&item, &limit_item);
    let first_tap_ratio = ratio(&interactive, &list);

    let mut phase_samples: Vec<(&str, Vec<f64>)> = Vec::new();
    for sample in app {
        for (name, value) in phases(sample) {
            match phase_samples.iter_mut().find(|(n, _)| *n == name) {
                Some((_, values)) => values.push(value),
                None => phase_samples.push((name, vec![value])),
            }
        }
    }
    let phases_json: Map<String, Value> = phase_samples
        .iter()
        .map(|(name, values)| (name.to_string(), median_json(values)))
        .collect();

    let mut search = Map::new();
    let mut search_median = Map::new();
    let mut search_p95 = Map::new();
    if let Some(runs) = browser["search"].as_object() {
        for (size, run) in runs {
            let summary = search_summary(run);
            search_median.insert(size.clone(), summary["all_ms"]["median"].clone());
            search_p95.insert(size.clone(), summary["all_ms"]["p95"].clone());
            search.insert(size.clone(), summary);
        }
    }

    // The interaction limits: the same operations on the frozen list, with
    // only the DOM changes any implementation must make (least work), and
    // with every change the app made (see tests/bench/harness.mjs).
    let limit = |key: &str| (!browser[key].is_null()).then(|| search_summary(&browser[key]));
    let app_p95 = search_p95.get("61").and_then(Value::as_f64);
    let ratio_to = |limit: &Option<Value>| match (
        app_p95,
        limit.as_ref().and_then(|l| l["all_ms"]["p95"].as_f64()),
    ) {
        (Some(app), Some(limit)) if limit > 0.0 => Some((app / limit * 100.0).round() / 100.0),
        _ => None,
    };
    let search_limit_least = limit("search_limit_least");
    let search_limit = limit("search_limit");
    let least_ratio = ratio_to(&search_limit_least);
    let full_ratio = ratio_to(&search_limit);

    let lighthouse = lighthouse_summary(&browser["lighthouse"]);

    let memory = &browser["memory"];
    let visit = inputs.visit;
    let files: Vec<Value> = visit
        .files
        .iter()
        .map(|f| {
            json!({
                "path": f.path,
                "by_service_worker": f.by_service_worker,
                "status": f.status,
                "sent": f.sent,
                "encoding": f.encoding,
                "raw": f.bytes.raw,
                "gzip": f.bytes.gzip,
                "brotli": f.bytes.brotli,
            })
        })
        .collect();
    let part = |by_service_worker: Option<bool>| {
        let mut part = visit.total(by_service_worker).json();
        part["sent"] = json!(visit.sent(by_service_worker));
        part["responses"] = json!(visit.count(by_service_worker));
        part["not_modified"] = json!(visit.not_modified(by_service_worker));
        part
    };
    let transfer = json!({
        "page": part(Some(false)),
        "service_worker": part(Some(true)),
        "all": part(None),
        "files": files,
        "not_counted": visit.other,
        "method": "sent: response bodies as tests/bench/serve.mjs sent them (brotli to Chromium, \
                   304 revalidations without a body), page and service worker told apart by the \
                   request's referrer; raw, gzip and brotli: the distinct files fetched and their \
                   precompressed copies, each counted once in full",
    });
    let wasm_sent = visit.page_file(".wasm").map(|f| f.sent);
    let mut wasm = inputs.wasm.json();
    wasm["file"] = json!(inputs.wasm_file);
    wasm["sent"] = json!(wasm_sent);
    let mut interactive_total = Bytes::default();
    let mut interactive_files = Vec::new();
    for (path, bytes) in inputs.interactive {
        interactive_total.add(*bytes);
        let mut file = bytes.json();
        file["path"] = json!(path);
        interactive_files.push(file);
    }
    let mut interactive_bytes = interactive_total.json();
    interactive_bytes["files"] = json!(interactive_files);
    let phone = &browser["phone"];

    let settings = &inputs.settings;
    let p95 = |size: &str| search_p95.get(size).and_then(Value::as_f64);
    let targets = targets::judge(
        &[
            (
                "citizen_interactive_brotli_bytes",
                (!inputs.interactive.is_empty()).then_some(interactive_total.brotli as f64),
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
            ("lighthouse_performance", lighthouse["score"].as_f64()),
            ("lighthouse_tbt_ms", lighthouse["tbt_ms"].as_f64()),
            (
                "lighthouse_accessibility",
                lighthouse["accessibility"].as_f64(),
            ),
            ("item_page_ratio", item_ratio),
            (
                "phone_first_screen_items",
                phone["items_on_first_screen"].as_f64(),
            ),
            ("bench_wall_time_s", settings["duration_s"].as_f64()),
        ],
        // Without the builds, the wall time is not the one the target is about.
        if settings["built"] == false {
            &["bench_wall_time_s"]
        } else {
            &[]
        },
    );

    json!({
        "date": inputs.date,
        "machine": inputs.machine,
        "settings": settings,
        "targets": targets,
        "transfer_bytes": transfer,
        "wasm_bytes": wasm,
        "interactive_bytes": interactive_bytes,
        "time_to_list_ms": median_json(&list),
        "static_limit_ms": median_json(&limit_list),
        "ratio_to_static": list_ratio,
        "item_page_ms": median_json(&item),
        "static_item_ms": median_json(&limit_item),
        "item_ratio_to_static": item_ratio,
        "app_ready_ms": median_json(&ready),
        "time_to_interactive_ms": median_json(&interactive),
        "first_tap_ratio_to_list": first_tap_ratio,
        "data_load_ms": median_json(&data_load),
        "search_median_ms": search_median,
        "search_p95_ms": search_p95,
        "search_limit_least": search_limit_least,
        "search_p95_ratio_to_least_work": least_ratio,
        "search_limit": search_limit,
        "search_p95_ratio_to_full_replay": full_ratio,
        "phone": phone,
        "lighthouse": lighthouse,
        "memory_bytes": {
            "after_load": memory_total(&memory["after_load"]),
            "after_100_filters": memory_total(&memory["after_filters"]),
            "filter_changes": memory["filter_changes"],
            "detail": {
                "after_load": memory["after_load"],
                "after_100_filters": memory["after_filters"],
            },
            "method": "JS heap used (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) \
                       plus the wasm linear memory (byteLength of the instance's exported memory, \
                       captured by wrapping WebAssembly.instantiate*); production build, real data, \
                       not throttled",
        },
        "loads": {
            "time_to_list_ms": summary_json(&list),
            "static_limit_ms": summary_json(&limit_list),
            "item_page_ms": summary_json(&item),
            "static_item_ms": summary_json(&limit_item),
            "app_ready_ms": summary_json(&ready),
            "time_to_interactive_ms": summary_json(&interactive),
            "data_load_ms": summary_json(&data_load),
            "phases_median_ms": phases_json,
        },
        "search": search,
        "errors": browser["errors"],
    })
}

/// 1234567.0 → 「1,234,567」.
fn thousands(value: f64) -> String {
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0 {
        out.insert(0, '-');
    }
    out
}

fn ms(value: &Value) -> String {
    match value.as_f64() {
        Some(v) if v < 10.0 => format!("{v:.1} ms"),
        Some(v) => format!("{} ms", thousands(v)),
        None => "n/a".to_string(),
    }
}

fn bytes(value: &Value) -> String {
    match value.as_f64() {
        Some(v) if v >= 1024.0 * 1024.0 => format!("{:.1} MiB", v / 1024.0 / 1024.0),
        Some(v) => format!("{:.1} KiB", v / 1024.0),
        None => "n/a".to_string(),
    }
}

fn spread(summary: &Value) -> String {
    if summary.is_null() {
        return "n/a".to_string();
    }
    format!(
        "**{}** median (IQR {}–{}; range {}–{}; n={})",
        ms(&summary["median"]),
        thousands(summary["p25"].as_f64().unwrap_or(0.0)),
        thousands(summary["p75"].as_f64().unwrap_or(0.0)),
        thousands(summary["min"].as_f64().unwrap_or(0.0)),
        thousands(summary["max"].as_f64().unwrap_or(0.0)),
        summary["n"]
    )
}

fn memory_line(figures: &Value) -> String {
    if figures.is_null() {
        return "n/a".to_string();
    }
    let js = figures["js_heap_used"].as_u64().unwrap_or(0);
    let wasm = figures["wasm_memory"].as_u64().unwrap_or(0);
    format!(
        "**{}** (JS heap {} + wasm memory {}; {} DOM nodes, {} listeners)",
        bytes(&json!(js + wasm)),
        bytes(&json!(js)),
        bytes(&json!(wasm)),
        thousands(figures["dom_nodes"].as_f64().unwrap_or(0.0)),
        thousands(figures["event_listeners"].as_f64().unwrap_or(0.0)),
    )
}

fn size_label(size: &str) -> String {
    size.parse::<f64>().map_or(size.to_string(), thousands)
}

/// Sizes in numeric order.
fn sizes_in_order(search: &Value) -> Vec<String> {
    let mut sizes: Vec<String> = search
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    sizes.sort_by_key(|s| s.parse::<u64>().unwrap_or(u64::MAX));
    sizes
}

/// The table's text for one set of search and filter operations.
fn search_text(s: &Value) -> String {
    let mut text = format!(
        "p95 **{}** · median **{}** ({} ops; text {} / {}; facets {} / {}; max {} for {}{})",
        ms(&s["all_ms"]["p95"]),
        ms(&s["all_ms"]["median"]),
        s["samples"],
        ms(&s["text_ms"]["median"]),
        ms(&s["text_ms"]["p95"]),
        ms(&s["facet_ms"]["median"]),
        ms(&s["facet_ms"]["p95"]),
        ms(&s["slowest"]["ms"]),
        s["slowest"]["label"].as_str().unwrap_or("?"),
        s["long_frames"]["render_share"]
            .as_f64()
            .map_or(String::new(), |share| format!(
                "; long frames: {:.0} % script, {:.0} % style+layout+paint",
                (1.0 - share) * 100.0,
                share * 100.0
            )),
    );
    if let Some(n) = s["timed_out"].as_u64().filter(|&n| n > 0) {
        text.push_str(&format!(
            "; {n} op hit the time limit and counts as that long, so p95 and max are lower bounds"
        ));
    }
    if let (Some(done), Some(planned)) = (s["samples"].as_u64(), s["planned"].as_u64()) {
        if done < planned {
            text.push_str(&format!(
                "; only {done} of {planned} planned ops within the time budget"
            ));
        }
    }
    text
}

/// A transfer size in kB (1,000 bytes), as the targets are written.
fn kb(value: &Value) -> String {
    match value.as_f64() {
        Some(v) if v >= 1_000_000.0 => format!("{:.2} MB", v / 1e6),
        Some(v) => format!("{:.1} kB", v / 1e3),
        None => "n/a".to_string(),
    }
}

fn ratio_text(value: &Value) -> String {
    value
        .as_f64()
        .map_or("n/a".to_string(), |r| format!("**{r:.2}×**"))
}

/// One line of the table: a figure and, if it has one, its target.
struct Row {
    measure: String,
    result: String,
    target: Option<&'static str>,
}

fn row(measure: impl Into<String>, result: impl Into<String>) -> Row {
    Row {
        measure: measure.into(),
        result: result.into(),
        target: None,
    }
}

fn with_target(measure: impl Into<String>, result: impl Into<String>, key: &'static str) -> Row {
    Row {
        target: Some(key),
        ..row(measure, result)
    }
}

/// The target's limit and whether the run met it (and its stretch goal).
fn verdict(report: &Value, key: Option<&str>) -> (String, String) {
    let Some(target) = key.and_then(Target::by_key) else {
        return (String::new(), String::new());
    };
    let judged = &report["targets"][target.key];
    let mut met = match judged["met"].as_bool() {
        Some(true) => "✓ met",
        Some(false) => "✗ not met",
        None => "n/a",
    }
    .to_string();
    match judged["stretch_met"].as_bool() {
        Some(true) => met.push_str(" (stretch ✓ met)"),
        Some(false) => met.push_str(" (stretch ✗ not met)"),
        None => {}
    }
    (target.text(), met)
}

fn duration(seconds: f64) -> String {
    let seconds = seconds.round() as u64;
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

/// The interactive files' line: the total and each file, brotli.
fn interactive_text(bytes: &Value) -> String {
    let files: Vec<String> = bytes["files"]
        .as_array()
        .map(|files| {
            files
                .iter()
                .map(|f| format!("{} {}", f["path"].as_str().unwrap_or("?"), kb(&f["brotli"])))
                .collect()
        })
        .unwrap_or_default();
    if files.is_empty() {
        return "n/a".to_string();
    }
    format!(
        "**{}** ({}) · gzip {} · raw {}",
        kb(&bytes["brotli"]),
        files.join(" + "),
        kb(&bytes["gzip"]),
        kb(&bytes["raw"]),
    )
}

/// A score from 0 to 1, to two decimals as Lighthouse's are.
fn score(value: &Value) -> String {
    value
        .as_f64()
        .map_or("n/a".to_string(), |v| format!("{v:.2}"))
}

fn lighthouse_text(lighthouse: &Value) -> String {
    if lighthouse.is_null() {
        return "n/a".to_string();
    }
    format!(
        "**{}** median of {} (range {}–{}) · FCP {} · LCP {} · TBT {} · CLS {} · speed index {} · max potential FID {} · {} DOM elements",
        score(&lighthouse["score"]),
        lighthouse["runs"],
        score(&lighthouse["score_min"]),
        score(&lighthouse["score_max"]),
        ms(&lighthouse["fcp_ms"]),
        ms(&lighthouse["lcp_ms"]),
        ms(&lighthouse["tbt_ms"]),
        lighthouse["cls"],
        ms(&lighthouse["speed_index_ms"]),
        ms(&lighthouse["max_potential_fid_ms"]),
        lighthouse["dom_elements"].as_f64().map_or("n/a".to_string(), thousands),
    )
}

fn phone_text(phone: &Value) -> String {
    let Some(items) = phone["items_on_first_screen"].as_u64() else {
        return "n/a".to_string();
    };
    format!(
        "**{items}** (first row's top at {} px; search box {}on the first screen{})",
        phone["first_item_top"]
            .as_f64()
            .map_or("n/a".to_string(), |top| format!("{top:.0}")),
        if phone["search_box_on_first_screen"] == true {
            ""
        } else {
            "not "
        },
        if phone["ready"] == false {
            "; the app was not ready: the prerendered list"
        } else {
            ""
        },
    )
}

/// The report as a Markdown table (printed, and with `--record` written into
/// docs/benchmarks.md): every figure, and beside those that have one, its
/// target and whether it was met.
pub fn table(report: &Value) -> String {
    let settings = &report["settings"];
    let transfer = &report["transfer_bytes"];
    let (page, all) = (&transfer["page"], &transfer["all"]);
    let wasm = &report["wasm_bytes"];
    let loads = &report["loads"];
    let sent_wasm = if wasm["sent"].is_null() {
        &wasm["brotli"]
    } else {
        &wasm["sent"]
    };
    let mut rows = vec![
        with_target(
            "citizen wasm + JS needed to make the list interactive (brotli: the citizen wasm, its JS glue, `boot.js`)",
            interactive_text(&report["interactive_bytes"]),
            "citizen_interactive_brotli_bytes",
        ),
        row(
            "citizen wasm alone (as served)",
            format!(
                "**{}** · gzip {} · raw {}",
                kb(sent_wasm),
                kb(&wasm["gzip"]),
                kb(&wasm["raw"])
            ),
        ),
        with_target(
            format!(
                "a citizen's first visit: the page's own requests ({})",
                page["responses"]
            ),
            format!(
                "**{}** sent (brotli as served) · the files raw {} · gzip {}",
                kb(&page["sent"]),
                kb(&page["raw"]),
                kb(&page["gzip"])
            ),
            "first_visit_page_brotli_bytes",
        ),
        row(
            format!(
                "first visit in all, with the service worker's precache ({} responses, {} of them 304 Not Modified)",
                all["responses"], all["not_modified"]
            ),
            format!(
                "**{}** sent · the distinct files in full: raw {} · gzip {} · brotli {}",
                kb(&all["sent"]),
                kb(&all["raw"]),
                kb(&all["gzip"]),
                kb(&all["brotli"])
            ),
        ),
        row(
            "time to list (navigation → rows and count painted)",
            spread(&loads["time_to_list_ms"]),
        ),
        row(
            "static limit of the list (same titles and stylesheets, no script)",
            spread(&loads["static_limit_ms"]),
        ),
        with_target(
            "time to list ÷ static limit (medians)",
            ratio_text(&report["ratio_to_static"]),
            "time_to_list_ratio",
        ),
        row(
            "app ready (`html[data-app=\"ready\"]`: the islands hydrated, the page live)",
            spread(&loads["app_ready_ms"]),
        ),
        row(
            "first tap answered (navigation → the frame after a first facet tap, made as soon as the boxes are enabled)",
            spread(&loads["time_to_interactive_ms"]),
        ),
        with_target(
            "first tap answered ÷ time to list (medians)",
            ratio_text(&report["first_tap_ratio_to_list"]),
            "first_tap_ratio",
        ),
    ];
    let phases = &loads["phases_median_ms"];
    let phase_text: Vec<String> = PHASE_NAMES
        .iter()
        .filter(|(key, _)| !phases[*key].is_null())
        .map(|(key, name)| format!("{name} {}", ms(&phases[*key])))
        .collect();
    rows.push(row(
        "where the load time goes (medians)",
        phase_text.join(" · "),
    ));
    rows.push(row(
        "dataset start-up (`data-load`: decode + index, 61 items)",
        spread(&loads["data_load_ms"]),
    ));
    let search = &report["search"];
    let order = sizes_in_order(search);
    for size in &order {
        let s = &search[size];
        let text = search_text(s);
        let measure = format!(
            "facet tap / search input → next frame, {} items (p95 · median)",
            size_label(size)
        );
        rows.push(match size.as_str() {
            "61" => with_target(measure, text, "search_p95_ms_61"),
            "1000" => with_target(measure, text, "search_p95_ms_1000"),
            "10000" => row(format!("{measure}, stress figure"), text),
            _ => row(measure, text),
        });
        if size != "61" {
            continue;
        }
        if !report["search_limit_least"].is_null() {
            rows.push(row(
                "least-work limit, 61 items: on the app's list frozen as static HTML, only the rows whose `hidden` flips, the category blocks' `hidden`, the facet options' checked, disabled and counts, and the result count (p95 · median)",
                search_text(&report["search_limit_least"]),
            ));
        }
        rows.push(with_target(
            "facet tap / search input p95 ÷ least-work limit p95, 61 items",
            ratio_text(&report["search_p95_ratio_to_least_work"]),
            "search_p95_ratio_61",
        ));
        if !report["search_limit"].is_null() {
            rows.push(row(
                "full-replay limit, 61 items: every DOM change the app made (snippets, marked-up text, option classes, active filters and \"no results\" too) made by a minimal script on the frozen list (p95 · median)",
                search_text(&report["search_limit"]),
            ));
            rows.push(row(
                "facet tap / search input p95 ÷ full-replay limit p95, 61 items",
                ratio_text(&report["search_p95_ratio_to_full_replay"]),
            ));
        }
    }
    let by_size: Vec<String> = order
        .iter()
        .map(|size| {
            let s = &search[size];
            format!(
                "{}: ready {}, data-load {}, memory {}",
                size_label(size),
                ms(&s["time_to_ready_ms"]),
                ms(&s["data_load_ms"]),
                bytes(&memory_total(&s["memory_after_load"]))
            )
        })
        .collect();
    rows.push(row(
        "by dataset size (one cold load each, bench build, the synthetic lists on pages of their own: navigation → app ready with the list painted; synthetic data-load includes generating the items)",
        by_size.join(" · "),
    ));
    let lighthouse = &report["lighthouse"];
    rows.push(with_target(
        "Lighthouse performance, mobile defaults (mid-range phone, slow 4G, 4× CPU, simulated), served with brotli",
        lighthouse_text(lighthouse),
        "lighthouse_performance",
    ));
    rows.push(with_target(
        "Lighthouse total blocking time (median of the runs)",
        format!("**{}**", ms(&lighthouse["tbt_ms"])),
        "lighthouse_tbt_ms",
    ));
    let failing: Vec<&str> = lighthouse["accessibility_failing"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    rows.push(with_target(
        "Lighthouse accessibility (median of the runs)",
        match lighthouse["accessibility"] {
            Value::Null => "n/a".to_string(),
            ref value if failing.is_empty() => format!("**{}**", score(value)),
            ref value => format!(
                "**{}** (failing audits in some run: {})",
                score(value),
                failing.join(", ")
            ),
        },
        "lighthouse_accessibility",
    ));
    rows.push(row(
        "time to an item page's content from a shared link (`item/17/`: navigation → heading and year table painted)",
        spread(&loads["item_page_ms"]),
    ));
    rows.push(row(
        "static item page (the app's `item/17/` without scripts)",
        spread(&loads["static_item_ms"]),
    ));
    rows.push(with_target(
        "item page ÷ static page of that item (medians)",
        ratio_text(&report["item_ratio_to_static"]),
        "item_page_ratio",
    ));
    rows.push(with_target(
        "items entirely on the first screen of a phone (390×844, touch; the list once live)",
        phone_text(&report["phone"]),
        "phone_first_screen_items",
    ));
    let memory = &report["memory_bytes"]["detail"];
    rows.push(row("memory after load", memory_line(&memory["after_load"])));
    rows.push(row(
        format!(
            "memory after {} filter changes",
            report["memory_bytes"]["filter_changes"]
        ),
        memory_line(&memory["after_100_filters"]),
    ));
    let wall = settings["duration_s"]
        .as_f64()
        .map_or("n/a".to_string(), duration);
    rows.push(with_target(
        "bench wall time (builds included)",
        match settings["build_s"].as_f64() {
            Some(build) if settings["built"] != false => {
                let steps: Vec<String> = settings["build_steps_s"]
                    .as_object()
                    .map(|steps| {
                        steps
                            .iter()
                            .filter_map(|(step, s)| {
                                Some(format!("{step} {}", duration(s.as_f64()?)))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                if steps.is_empty() {
                    format!("**{wall}** (building {})", duration(build))
                } else {
                    format!(
                        "**{wall}** (building {}: {})",
                        duration(build),
                        steps.join(", ")
                    )
                }
            }
            _ => format!("{wall} (`--no-build`: no build to count)"),
        },
        "bench_wall_time_s",
    ));
    let machine = &report["machine"];
    rows.push(row(
        "machine",
        format!(
            "{} · {} cores · {} · {} · kernel {}",
            machine["cpu"].as_str().unwrap_or("unknown CPU"),
            machine["cores"],
            bytes(&machine["memory_bytes"]),
            machine["os"].as_str().unwrap_or("?"),
            machine["kernel"].as_str().unwrap_or("?"),
        ),
    ));
    let tools = &machine["tools"];
    let tool_list: Vec<String> = [
        "rustc",
        "trunk",
        "wasm_bindgen",
        "wasm_opt",
        "chromium",
        "node",
        "playwright",
    ]
    .iter()
    .map(|t| match tools[*t].as_str() {
        Some(v) if *t == "playwright" => format!("Playwright {v}"),
        Some(v) => v.to_string(),
        None => format!("{t} ?"),
    })
    .collect();
    rows.push(row("tools", tool_list.join(" · ")));

    let sizes: Vec<String> = order.iter().map(|s| size_label(s)).collect();
    let mut out = format!(
        "`{}`, {} — headless Chromium, CPU throttled {}× through CDP, \
         viewport {}, served over loopback by `tests/bench/serve.mjs` with the build's \
         precompressed files (brotli, as a CDN serves them), {} cold loads each of the list, \
         item 17 and their static limits (fresh browser context each), taps at {} items; \
         1-minute load average {} at the start, {} at the end.\n\n\
         | measure | result | target | met |\n|---|---|---|---|\n",
        settings["command"].as_str().unwrap_or("cargo xtask bench"),
        report["date"].as_str().unwrap_or("?"),
        settings["cpu_throttling"],
        settings["viewport"].as_str().unwrap_or("?"),
        settings["cold_loads"],
        if sizes.is_empty() {
            "no".to_string()
        } else {
            sizes.join(", ")
        },
        settings["load_average_1min"]["start"],
        settings["load_average_1min"]["end"],
    );
    for row in rows {
        let (target, met) = verdict(report, row.target);
        out.push_str(&format!(
            "| {} | {} | {target} | {met} |\n",
            row.measure, row.result
        ));
    }
    if let Some(errors) = report["errors"].as_array().filter(|e| !e.is_empty()) {
        out.push_str("\nProblems during the run (the figures above leave them out):\n");
        for error in errors {
            out.push_str(&format!("- {}\n", error.as_str().unwrap_or("?")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::sizes::Fetched;

    #[test]
    fn summarizes_samples() {
        let s = summarize(&[5.0, 1.0, 4.0, 2.0, 3.0]).unwrap();
        assert_eq!((s.n, s.median, s.min, s.max), (5, 3.0, 1.0, 5.0));
        assert_eq!((s.p25, s.p75), (2.0, 4.0));
        assert!((s.p95 - 4.8).abs() < 1e-9);
        assert_eq!(summarize(&[2.0, 4.0]).unwrap().median, 3.0);
        assert_eq!(summarize(&[]), None);
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(1_234_567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(ms(&json!(4.56)), "4.6 ms");
        assert_eq!(ms(&json!(12_345.0)), "12,345 ms");
        assert_eq!(bytes(&json!(2048)), "2.0 KiB");
        assert_eq!(bytes(&json!(3 * 1024 * 1024)), "3.0 MiB");
    }

    fn load(list: f64) -> Value {
        json!({
            "marks": { "list_visible": 250.0, "wasm_start": 300.0, "wasm_ready": 350.0,
                       "app_ready": list, "click": list, "interactive": list + 100.0 },
            "data_load": { "start": 400.0, "duration": 50.0 },
        })
    }

    #[test]
    fn splits_a_load_into_phases() {
        let phases = phases(&load(900.0));
        assert_eq!(
            phases,
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
            super::phases(&json!({ "marks": { "item_visible": 1.0 } })),
            []
        );
    }

    fn marks(name: &str, values: &[f64]) -> Value {
        values
            .iter()
            .map(|v| json!({ "marks": { name: v } }))
            .collect()
    }

    #[test]
    fn builds_the_report_with_the_required_keys() {
        let mut app = marks("list_visible", &[300.0, 330.0, 360.0]);
        for (sample, full) in
            app.as_array_mut()
                .unwrap()
                .iter_mut()
                .zip([load(900.0), load(1000.0), load(1100.0)])
        {
            sample["marks"]["app_ready"] = full["marks"]["app_ready"].clone();
            sample["marks"]["click"] = full["marks"]["click"].clone();
            sample["marks"]["interactive"] = full["marks"]["interactive"].clone();
            sample["data_load"] = full["data_load"].clone();
        }
        let browser = json!({
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
        });
        let visit = FirstVisit {
            files: vec![Fetched {
                path: "index.html".into(),
                by_service_worker: false,
                bytes: Bytes {
                    raw: 100,
                    gzip: 50,
                    brotli: 40,
                },
                sent: 40,
                status: 200,
                encoding: Some("br".into()),
            }],
            other: vec![],
        };
        let report = build(&Inputs {
            date: "2026-01-01T00:00:00Z",
            machine: json!({ "cpu": "test", "cores": 2, "tools": {} }),
            browser: &browser,
            visit: &visit,
            wasm: Bytes {
                raw: 10,
                gzip: 5,
                brotli: 4,
            },
            wasm_file: "x.wasm",
            interactive: &[
                (
                    "boot.js".to_string(),
                    Bytes {
                        raw: 3000,
                        gzip: 1500,
                        brotli: 1000,
                    },
                ),
                (
                    "x.wasm".to_string(),
                    Bytes {
                        raw: 300_000,
                        gzip: 100_000,
                        brotli: 80_000,
                    },
                ),
            ],
            settings: json!({ "command": "cargo xtask bench --runs 3", "cpu_throttling": 4,
                              "cold_loads": 3, "viewport": "1024×768",
                              "duration_s": 400, "build_s": 200, "built": true }),
        });
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
            assert!(!report[key].is_null(), "{key} is missing");
        }
        assert_eq!(report["transfer_bytes"]["page"]["sent"], 40);
        assert_eq!(report["transfer_bytes"]["page"]["raw"], 100);
        assert_eq!(report["time_to_list_ms"], 330.0);
        assert_eq!(report["static_limit_ms"], 275.0);
        assert_eq!(report["ratio_to_static"], 1.2);
        assert_eq!(report["item_ratio_to_static"], 1.1);
        assert_eq!(report["app_ready_ms"], 1000.0);
        assert_eq!(report["time_to_interactive_ms"], 1100.0);
        assert_eq!(report["search_median_ms"]["61"], 45.0);
        assert_eq!(report["search"]["61"]["long_frames"]["render_share"], 0.25);
        assert_eq!(report["search"]["61"]["time_to_ready_ms"], 950.0);
        assert_eq!(report["search_median_ms"]["1000"], Value::Null);
        assert_eq!(report["memory_bytes"]["after_load"], 3000);
        assert_eq!(report["memory_bytes"]["after_100_filters"], 3500);
        assert_eq!(report["targets"]["time_to_list_ratio"]["met"], true);
        assert_eq!(report["targets"]["search_p95_ms_61"]["met"], false);
        // No sample at 1,000 items.
        assert_eq!(report["targets"]["search_p95_ms_1000"]["met"], Value::Null);
        // Interactive at 1,000, 1,100 and 1,200 ms; the list at 330 ms.
        assert_eq!(report["first_tap_ratio_to_list"], 3.33);
        assert_eq!(report["targets"]["first_tap_ratio"]["met"], false);
        // p95 of 10 and 80 ms against p95 of 4 and 20 ms (least work) and of
        // 8 and 40 ms (every change).
        let p95 = |value: &Value| value.as_f64().unwrap();
        let app_p95 = p95(&report["search_p95_ms"]["61"]);
        for (limit, ratio) in [
            ("search_limit_least", "search_p95_ratio_to_least_work"),
            ("search_limit", "search_p95_ratio_to_full_replay"),
        ] {
            let limit_p95 = p95(&report[limit]["all_ms"]["p95"]);
            assert_eq!(report[ratio], (app_p95 / limit_p95 * 100.0).round() / 100.0);
        }
        assert_eq!(
            report["targets"]["search_p95_ratio_61"]["value"],
            report["search_p95_ratio_to_least_work"]
        );
        assert_eq!(report["targets"]["search_p95_ratio_61"]["limit"], 1.5);
        // The run without a score is left out: the median of 0.91 and 0.99.
        assert_eq!(report["lighthouse"]["runs"], 2);
        assert_eq!(report["lighthouse"]["score"], 0.95);
        assert_eq!(report["lighthouse"]["accessibility"], 0.98);
        assert_eq!(report["lighthouse"]["tbt_ms"], 70.0);
        assert_eq!(report["targets"]["lighthouse_performance"]["met"], false);
        assert_eq!(report["targets"]["lighthouse_tbt_ms"]["met"], false);
        assert_eq!(report["targets"]["lighthouse_accessibility"]["met"], false);
        assert_eq!(report["interactive_bytes"]["brotli"], 81_000);
        assert_eq!(
            report["targets"]["citizen_interactive_brotli_bytes"]["value"],
            81_000.0
        );
        assert_eq!(
            report["targets"]["citizen_interactive_brotli_bytes"]["stretch_met"],
            false
        );
        assert_eq!(report["targets"]["phone_first_screen_items"]["met"], true);
        assert_eq!(report["targets"]["item_page_ratio"]["met"], true);
        assert_eq!(report["targets"]["bench_wall_time_s"]["met"], true);
        let table = table(&report);
        assert!(table.starts_with("`cargo xtask bench --runs 3`, 2026-01-01T00:00:00Z"));
        assert!(table
            .contains("| time to list ÷ static limit (medians) | **1.20×** | ≤ 1.2× | ✓ met |"));
        assert!(table.contains(
            "| item page ÷ static page of that item (medians) | **1.10×** | ≤ 1.1× | ✓ met |"
        ));
        assert!(table.contains(
            "**81.0 kB** (boot.js 1.0 kB + x.wasm 80.0 kB) · gzip 101.5 kB · raw 303.0 kB | ≤ 150 kB (stretch ≤ 60 kB) | ✓ met (stretch ✗ not met) |"
        ));
        assert!(table.contains("**6 min 40 s** (building 3 min 20 s) | ≤ 8 min | ✓ met |"));
        assert!(table.contains("| ≤ 25 ms | ✗ not met |"));
        assert!(table.contains(
            "facet tap / search input → next frame, 1,000 items (p95 · median) | p95 **n/a**"
        ));
        assert!(table.contains("| ≤ 50 ms | n/a |"));
        assert!(table.contains("| least-work limit, 61 items"));
        assert!(table.contains("| full-replay limit, 61 items"));
        assert!(
            table.contains("÷ least-work limit p95, 61 items | **3.98×** | ≤ 1.5× | ✗ not met |")
        );
        assert!(table.contains("÷ full-replay limit p95, 61 items | **1.99×** |  |  |"));
        assert!(table.contains("**0.95** median of 2 (range 0.91–0.99)"));
        assert!(table.contains("| = 1.0 | ✗ not met |"));
        assert!(table.contains(
            "| Lighthouse accessibility (median of the runs) | **0.98** (failing audits in some run: target-size) | = 1.0 | ✗ not met |"
        ));
        assert!(table.contains(
            "**3** (first row's top at 420 px; search box on the first screen) | ≥ 2 | ✓ met |"
        ));
        assert!(table.contains("long frames: 75 % script, 25 % style+layout+paint"));
        // Every target has its row.
        for target in targets::TARGETS {
            assert!(
                table.contains(&format!("| {} |", target.text())),
                "{}",
                target.key
            );
        }
        assert!(table.lines().filter(|l| l.starts_with("| ")).count() > 25);
    }
}
