//! From the harness's raw samples to `report.json` and the printed table.

use serde_json::{json, Map, Value};

use super::sizes::{Bytes, FirstVisit};

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

/// Where the time of a cold load goes, phase by phase, for one sample
/// (milliseconds; a phase is missing when the sample lacks its marks).
pub fn phases(sample: &Value) -> Vec<(&'static str, f64)> {
    let mark = |name: &str| number(&sample["marks"][name]);
    let diff = |a: Option<f64>, b: Option<f64>| Some(a? - b?);
    let data_start = number(&sample["data_load"]["start"]);
    let data_duration = number(&sample["data_load"]["duration"]);
    let data_end = data_start.zip(data_duration).map(|(s, d)| s + d);
    [
        ("until_wasm_fetch", mark("wasm_start")),
        (
            "wasm_fetch_compile_instantiate",
            diff(mark("wasm_ready"), mark("wasm_start")),
        ),
        ("app_start", diff(data_start, mark("wasm_ready"))),
        ("data_parse_index", data_duration),
        ("render_dom", diff(mark("list_dom"), data_end)),
        (
            "style_layout_paint",
            diff(mark("list_visible"), mark("list_dom")),
        ),
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
    ("until_wasm_fetch", "HTML and JS until the wasm fetch"),
    ("wasm_fetch_compile_instantiate", "wasm fetch+compile"),
    ("app_start", "app start"),
    ("data_parse_index", "data parse+index"),
    ("render_dom", "render (DOM)"),
    ("style_layout_paint", "style+layout+paint"),
    ("first_click_answered", "first click answered"),
];

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
        "time_to_list_ms": run["load"]["marks"]["list_visible"].as_f64().map(round),
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
    pub settings: Value,
}

pub fn build(inputs: &Inputs) -> Value {
    let browser = inputs.browser;
    let empty = Vec::new();
    let app = browser["loads"]["app"].as_array().unwrap_or(&empty);
    let limit = browser["loads"]["limit"].as_array().unwrap_or(&empty);
    let mark = |name: &'static str| move |s: &Value| number(&s["marks"][name]);
    let list = collect(app, mark("list_visible"));
    let limit_list = collect(limit, mark("list_visible"));
    let interactive = collect(app, mark("interactive"));
    let data_load = collect(app, |s| number(&s["data_load"]["duration"]));
    let ratio = match (summarize(&list), summarize(&limit_list)) {
        (Some(a), Some(l)) if l.median > 0.0 => {
            json!((a.median / l.median * 100.0).round() / 100.0)
        }
        _ => Value::Null,
    };

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

    let memory = &browser["memory"];
    let visit = inputs.visit;
    let files: Vec<Value> = visit
        .files
        .iter()
        .map(|f| {
            json!({
                "path": f.path,
                "by_service_worker": f.by_service_worker,
                "raw": f.bytes.raw,
                "gzip": f.bytes.gzip,
                "brotli": f.bytes.brotli,
            })
        })
        .collect();
    let mut transfer = inputs.visit.total(None).json();
    transfer["requests"] = json!(visit.count(None));
    transfer["page"] = visit.total(Some(false)).json();
    transfer["page"]["requests"] = json!(visit.count(Some(false)));
    transfer["service_worker"] = visit.total(Some(true)).json();
    transfer["service_worker"]["requests"] = json!(visit.count(Some(true)));
    transfer["files"] = json!(files);
    transfer["not_counted"] = json!(visit.other);
    let mut wasm = inputs.wasm.json();
    wasm["file"] = json!(inputs.wasm_file);

    json!({
        "date": inputs.date,
        "machine": inputs.machine,
        "settings": inputs.settings,
        "transfer_bytes": transfer,
        "wasm_bytes": wasm,
        "time_to_list_ms": median_json(&list),
        "static_limit_ms": median_json(&limit_list),
        "ratio_to_static": ratio,
        "time_to_interactive_ms": median_json(&interactive),
        "data_load_ms": median_json(&data_load),
        "search_median_ms": search_median,
        "search_p95_ms": search_p95,
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

fn sizes(value: &Value) -> String {
    format!(
        "raw {} · gzip {} · brotli {}",
        bytes(&value["raw"]),
        bytes(&value["gzip"]),
        bytes(&value["brotli"])
    )
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

/// The report as a Markdown table (printed, and pasted into the README).
pub fn table(report: &Value) -> String {
    let settings = &report["settings"];
    let transfer = &report["transfer_bytes"];
    let loads = &report["loads"];
    let mut rows: Vec<(String, String)> = vec![
        (
            format!(
                "first visit: the page's files ({} requests)",
                transfer["page"]["requests"]
            ),
            sizes(&transfer["page"]),
        ),
        (
            format!(
                "first visit in all, with the service worker's precache ({} requests)",
                transfer["requests"]
            ),
            sizes(transfer),
        ),
        ("wasm alone".to_string(), sizes(&report["wasm_bytes"])),
        (
            "time to list (navigation → list visible)".to_string(),
            spread(&loads["time_to_list_ms"]),
        ),
        (
            "static limit (same titles and stylesheet, no script)".to_string(),
            spread(&loads["static_limit_ms"]),
        ),
        (
            "ratio to static (medians)".to_string(),
            report["ratio_to_static"]
                .as_f64()
                .map_or("n/a".to_string(), |r| format!("**{r:.2}×**")),
        ),
        (
            "time to interactive (first facet click answered)".to_string(),
            spread(&loads["time_to_interactive_ms"]),
        ),
    ];
    let phases = &loads["phases_median_ms"];
    let phase_text: Vec<String> = PHASE_NAMES
        .iter()
        .filter(|(key, _)| !phases[*key].is_null())
        .map(|(key, name)| format!("{name} {}", ms(&phases[*key])))
        .collect();
    rows.push((
        "where the load time goes (medians)".to_string(),
        phase_text.join(" · "),
    ));
    rows.push((
        "dataset start-up (`data-load`: parse + index, 61 items)".to_string(),
        spread(&loads["data_load_ms"]),
    ));
    let search = &report["search"];
    let order = sizes_in_order(search);
    for size in &order {
        let s = &search[size];
        let mut text = format!(
            "median **{}** · p95 **{}** ({} ops; text {} / {}; facets {} / {}; max {} for {}{})",
            ms(&s["all_ms"]["median"]),
            ms(&s["all_ms"]["p95"]),
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
        rows.push((
            format!(
                "search & filter latency, {} items (median · p95)",
                size_label(size)
            ),
            text,
        ));
    }
    let by_size: Vec<String> = order
        .iter()
        .map(|size| {
            let s = &search[size];
            format!(
                "{}: list {}, data-load {}, memory {}",
                size_label(size),
                ms(&s["time_to_list_ms"]),
                ms(&s["data_load_ms"]),
                bytes(&memory_total(&s["memory_after_load"]))
            )
        })
        .collect();
    rows.push((
        "by dataset size (one cold load each, bench build; synthetic data-load includes generating the items)".to_string(),
        by_size.join(" · "),
    ));
    let memory = &report["memory_bytes"]["detail"];
    rows.push((
        "memory after load".to_string(),
        memory_line(&memory["after_load"]),
    ));
    rows.push((
        format!(
            "memory after {} filter changes",
            report["memory_bytes"]["filter_changes"]
        ),
        memory_line(&memory["after_100_filters"]),
    ));
    let machine = &report["machine"];
    rows.push((
        "machine".to_string(),
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
        "python",
    ]
    .iter()
    .map(|t| match tools[*t].as_str() {
        Some(v) if *t == "playwright" => format!("Playwright {v}"),
        Some(v) => v.to_string(),
        None => format!("{t} ?"),
    })
    .collect();
    rows.push(("tools".to_string(), tool_list.join(" · ")));

    let mut out = format!(
        "`cargo xtask bench`, {} — headless Chromium, CPU throttled {}× through CDP, \
         viewport {}, served over loopback by python's http.server (no compression), \
         {} cold loads each of the app and the limit (fresh browser context each); \
         1-minute load average {} at the start, {} at the end.\n\n\
         | measure | result |\n|---|---|\n",
        report["date"].as_str().unwrap_or("?"),
        settings["cpu_throttling"],
        settings["viewport"].as_str().unwrap_or("?"),
        settings["cold_loads"],
        settings["load_average_1min"]["start"],
        settings["load_average_1min"]["end"],
    );
    for (measure, result) in rows {
        out.push_str(&format!("| {measure} | {result} |\n"));
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
            "marks": { "wasm_start": 300.0, "wasm_ready": 350.0, "list_dom": 600.0,
                       "list_visible": list, "click": list, "interactive": list + 100.0 },
            "data_load": { "start": 400.0, "duration": 50.0 },
        })
    }

    #[test]
    fn splits_a_load_into_phases() {
        let phases = phases(&load(900.0));
        assert_eq!(
            phases,
            [
                ("until_wasm_fetch", 300.0),
                ("wasm_fetch_compile_instantiate", 50.0),
                ("app_start", 50.0),
                ("data_parse_index", 50.0),
                ("render_dom", 150.0),
                ("style_layout_paint", 300.0),
                ("first_click_answered", 100.0),
            ]
        );
        assert_eq!(
            super::phases(&json!({ "marks": { "list_visible": 1.0 } })),
            []
        );
    }

    #[test]
    fn builds_the_report_with_the_required_keys() {
        let browser = json!({
            "loads": {
                "app": [load(900.0), load(1000.0), load(1100.0)],
                "limit": [{ "marks": { "list_visible": 400.0 } }, { "marks": { "list_visible": 500.0 } }],
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
                ], "load": { "marks": { "list_visible": 950.0 }, "data_load": { "duration": 40.0 } },
                   "notes": [] },
                "1000": { "path": "/bench/?synthetic=1000", "planned": 3, "ops": [], "load": null, "notes": ["slow"] },
            },
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
            settings: json!({ "cpu_throttling": 4, "cold_loads": 3, "viewport": "1024×768" }),
        });
        for key in [
            "transfer_bytes",
            "wasm_bytes",
            "time_to_list_ms",
            "static_limit_ms",
            "ratio_to_static",
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
        assert_eq!(report["transfer_bytes"]["brotli"], 40);
        assert_eq!(report["time_to_list_ms"], 1000.0);
        assert_eq!(report["static_limit_ms"], 450.0);
        assert_eq!(report["ratio_to_static"], 2.22);
        assert_eq!(report["time_to_interactive_ms"], 1100.0);
        assert_eq!(report["search_median_ms"]["61"], 45.0);
        assert_eq!(report["search"]["61"]["long_frames"]["render_share"], 0.25);
        assert_eq!(report["search_median_ms"]["1000"], Value::Null);
        assert_eq!(report["memory_bytes"]["after_load"], 3000);
        assert_eq!(report["memory_bytes"]["after_100_filters"], 3500);
        let table = table(&report);
        assert!(table.contains("| ratio to static (medians) | **2.22×** |"));
        assert!(table.contains("search & filter latency, 1,000 items"));
        assert!(table.contains("long frames: 75 % script, 25 % style+layout+paint"));
        assert!(table.lines().filter(|l| l.starts_with("| ")).count() > 15);
    }
}
