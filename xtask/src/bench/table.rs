//! The report as a Markdown table (printed, written to `report.md`, and with
//! `--record` into docs/benchmarks.md): every figure, and beside those that
//! have one, its target and whether it was met.

use serde::Serialize;

use super::report::{
    HeapFigures, InteractiveBytes, Lighthouse, Phone, Report, SearchFigures, Settings,
};
use super::stats::Summary;
use super::targets::Target;

/// Readable names of the phases of a cold load (`report::phases`), in the
/// order they happen.
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

const NOT_AVAILABLE: &str = "n/a";

pub fn table(report: &Report) -> String {
    let sizes = sizes_in_order(report);
    let mut rows = size_rows(report);
    rows.extend(cold_load_rows(report));
    rows.extend(search_rows(report, &sizes));
    rows.extend(lighthouse_rows(report.lighthouse.as_ref()));
    rows.extend(item_page_rows(report));
    rows.extend(memory_rows(report));
    rows.extend(run_rows(report));

    let mut out = heading(&report.settings, &report.date, &sizes);
    for row in rows {
        let (target, met) = verdict(report, row.target);
        out.push_str(&format!(
            "| {} | {} | {target} | {met} |\n",
            row.measure, row.result
        ));
    }
    if !report.errors.is_empty() {
        out.push_str("\nProblems during the run (the figures above leave them out):\n");
        for error in &report.errors {
            out.push_str(&format!("- {error}\n"));
        }
    }
    out
}

/// The sentence on how the run was made, and the table's head.
fn heading(settings: &Settings, date: &str, sizes: &[&str]) -> String {
    let sizes: Vec<String> = sizes.iter().map(|s| size_label(s)).collect();
    format!(
        "`{}`, {} — headless Chromium, CPU throttled {}× through CDP, \
         viewport {}, served over loopback by `tests/bench/serve.mjs` with the build's \
         precompressed files (brotli, as a CDN serves them), {} cold loads each of the list, \
         item 17 and their static limits (fresh browser context each), taps at {} items; \
         1-minute load average {} at the start, {} at the end.\n\n\
         | measure | result | target | met |\n|---|---|---|---|\n",
        settings.command,
        date,
        settings.cpu_throttling,
        settings.viewport,
        settings.cold_loads,
        if sizes.is_empty() {
            "no".to_string()
        } else {
            sizes.join(", ")
        },
        as_json(settings.load_average_1min.start),
        as_json(settings.load_average_1min.end),
    )
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
fn verdict(report: &Report, key: Option<&str>) -> (String, String) {
    let Some(target) = key.and_then(Target::by_key) else {
        return (String::new(), String::new());
    };
    let judgement = report.judgement(target.key);
    let mut met = match judgement.and_then(|j| j.met) {
        Some(true) => "✓ met",
        Some(false) => "✗ not met",
        None => NOT_AVAILABLE,
    }
    .to_string();
    match judgement
        .and_then(|j| j.stretch)
        .and_then(|s| s.stretch_met)
    {
        Some(true) => met.push_str(" (stretch ✓ met)"),
        Some(false) => met.push_str(" (stretch ✗ not met)"),
        None => {}
    }
    (target.text(), met)
}

/// What the citizen downloads: the interactive files, the wasm, the first visit.
fn size_rows(report: &Report) -> Vec<Row> {
    let transfer = &report.transfer_bytes;
    let (page, all) = (&transfer.page, &transfer.all);
    let wasm = &report.wasm_bytes;
    vec![
        with_target(
            "citizen wasm + JS needed to make the list interactive (brotli: the citizen wasm, its JS glue, `boot.js`)",
            interactive_text(&report.interactive_bytes),
            "citizen_interactive_brotli_bytes",
        ),
        row(
            "citizen wasm alone (as served)",
            format!(
                "**{}** · gzip {} · raw {}",
                kb(wasm.as_served()),
                kb(wasm.bytes.gzip),
                kb(wasm.bytes.raw)
            ),
        ),
        with_target(
            format!(
                "a citizen's first visit: the page's own requests ({})",
                page.responses
            ),
            format!(
                "**{}** sent (brotli as served) · the files raw {} · gzip {}",
                kb(page.sent),
                kb(page.files.raw),
                kb(page.files.gzip)
            ),
            "first_visit_page_brotli_bytes",
        ),
        row(
            format!(
                "first visit in all, with the service worker's precache ({} responses, {} of them 304 Not Modified)",
                all.responses, all.not_modified
            ),
            format!(
                "**{}** sent · the distinct files in full: raw {} · gzip {} · brotli {}",
                kb(all.sent),
                kb(all.files.raw),
                kb(all.files.gzip),
                kb(all.files.brotli)
            ),
        ),
    ]
}

/// The cold loads of the list: their times, limits and phases.
fn cold_load_rows(report: &Report) -> Vec<Row> {
    let loads = &report.loads;
    let phase_text: Vec<String> = PHASE_NAMES
        .iter()
        .filter_map(|(key, name)| {
            let median = loads.phases_median_ms.get(key)?;
            Some(format!("{name} {}", ms(Some(*median))))
        })
        .collect();
    vec![
        row(
            "time to list (navigation → rows and count painted)",
            spread(loads.time_to_list_ms),
        ),
        row(
            "static limit of the list (same titles and stylesheets, no script)",
            spread(loads.static_limit_ms),
        ),
        with_target(
            "time to list ÷ static limit (medians)",
            ratio_text(report.ratio_to_static),
            "time_to_list_ratio",
        ),
        row(
            "app ready (`html[data-app=\"ready\"]`: the islands hydrated, the page live)",
            spread(loads.app_ready_ms),
        ),
        row(
            "first tap answered (navigation → the frame after a first facet tap, made as soon as the boxes are enabled)",
            spread(loads.time_to_interactive_ms),
        ),
        with_target(
            "first tap answered ÷ time to list (medians)",
            ratio_text(report.first_tap_ratio_to_list),
            "first_tap_ratio",
        ),
        row("where the load time goes (medians)", phase_text.join(" · ")),
        row(
            "dataset start-up (`data-load`: decode + index, 61 items)",
            spread(loads.data_load_ms),
        ),
    ]
}

/// Search and filter latency by dataset size, the limits at 61 items, and
/// each size's cold load.
fn search_rows(report: &Report, sizes: &[&str]) -> Vec<Row> {
    let mut rows = Vec::new();
    for &size in sizes {
        let text = search_text(&report.search[size]);
        let measure = format!(
            "facet tap / search input → next frame, {} items (p95 · median)",
            size_label(size)
        );
        rows.push(match size {
            "61" => with_target(measure, text, "search_p95_ms_61"),
            "1000" => with_target(measure, text, "search_p95_ms_1000"),
            "10000" => row(format!("{measure}, stress figure"), text),
            _ => row(measure, text),
        });
        if size == "61" {
            rows.extend(search_limit_rows(report));
        }
    }
    let by_size: Vec<String> = sizes
        .iter()
        .map(|&size| {
            let s = &report.search[size];
            format!(
                "{}: ready {}, data-load {}, memory {}",
                size_label(size),
                ms(s.time_to_ready_ms),
                ms(s.data_load_ms),
                bytes(s.memory_after_load.as_ref().and_then(HeapFigures::total))
            )
        })
        .collect();
    rows.push(row(
        "by dataset size (one cold load each, bench build, the synthetic lists on pages of their own: navigation → app ready with the list painted; synthetic data-load includes generating the items)",
        by_size.join(" · "),
    ));
    rows
}

/// The interaction limits at 61 items and the app's ratios to them.
fn search_limit_rows(report: &Report) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(least) = &report.search_limit_least {
        rows.push(row(
            "least-work limit, 61 items: on the app's list frozen as static HTML, only the rows whose `hidden` flips, the category blocks' `hidden`, the facet options' checked, disabled and counts, and the result count (p95 · median)",
            search_text(least),
        ));
    }
    rows.push(with_target(
        "facet tap / search input p95 ÷ least-work limit p95, 61 items",
        ratio_text(report.search_p95_ratio_to_least_work),
        "search_p95_ratio_61",
    ));
    if let Some(full) = &report.search_limit {
        rows.push(row(
            "full-replay limit, 61 items: every DOM change the app made (snippets, marked-up text, option classes, active filters and \"no results\" too) made by a minimal script on the frozen list (p95 · median)",
            search_text(full),
        ));
        rows.push(row(
            "facet tap / search input p95 ÷ full-replay limit p95, 61 items",
            ratio_text(report.search_p95_ratio_to_full_replay),
        ));
    }
    rows
}

fn lighthouse_rows(lighthouse: Option<&Lighthouse>) -> Vec<Row> {
    let accessibility = match lighthouse {
        Some(l) if l.accessibility.is_some() && l.accessibility_failing.is_empty() => {
            format!("**{}**", score(l.accessibility))
        }
        Some(l) if l.accessibility.is_some() => format!(
            "**{}** (failing audits in some run: {})",
            score(l.accessibility),
            l.accessibility_failing.join(", ")
        ),
        _ => NOT_AVAILABLE.to_string(),
    };
    vec![
        with_target(
            "Lighthouse performance, mobile defaults (mid-range phone, slow 4G, 4× CPU, simulated), served with brotli",
            lighthouse.map_or(NOT_AVAILABLE.to_string(), lighthouse_text),
            "lighthouse_performance",
        ),
        with_target(
            "Lighthouse total blocking time (median of the runs)",
            format!("**{}**", ms(lighthouse.and_then(|l| l.tbt_ms))),
            "lighthouse_tbt_ms",
        ),
        with_target(
            "Lighthouse accessibility (median of the runs)",
            accessibility,
            "lighthouse_accessibility",
        ),
    ]
}

/// The item page from a shared link, and the phone's first screen.
fn item_page_rows(report: &Report) -> Vec<Row> {
    vec![
        row(
            "time to an item page's content from a shared link (`item/17/`: navigation → heading and year table painted)",
            spread(report.loads.item_page_ms),
        ),
        row(
            "static item page (the app's `item/17/` without scripts)",
            spread(report.loads.static_item_ms),
        ),
        with_target(
            "item page ÷ static page of that item (medians)",
            ratio_text(report.item_ratio_to_static),
            "item_page_ratio",
        ),
        with_target(
            "items entirely on the first screen of a phone (390×844, touch; the list once live)",
            report
                .phone
                .as_ref()
                .map_or(NOT_AVAILABLE.to_string(), phone_text),
            "phone_first_screen_items",
        ),
    ]
}

fn memory_rows(report: &Report) -> Vec<Row> {
    let memory = &report.memory_bytes;
    vec![
        row(
            "memory after load",
            memory_line(memory.detail.after_load.as_ref()),
        ),
        row(
            format!(
                "memory after {} filter changes",
                as_json(memory.filter_changes)
            ),
            memory_line(memory.detail.after_100_filters.as_ref()),
        ),
    ]
}

/// The run itself: its wall time, the machine and the tools.
fn run_rows(report: &Report) -> Vec<Row> {
    let machine = &report.machine;
    let tools: Vec<String> = machine
        .tools
        .by_name()
        .into_iter()
        .map(|(name, version)| match version {
            Some(v) if name == "playwright" => format!("Playwright {v}"),
            Some(v) => v.to_string(),
            None => format!("{name} ?"),
        })
        .collect();
    vec![
        with_target(
            "bench wall time (builds included)",
            wall_time_text(&report.settings),
            "bench_wall_time_s",
        ),
        row(
            "machine",
            format!(
                "{} · {} cores · {} · {} · kernel {}",
                machine.cpu.as_deref().unwrap_or("unknown CPU"),
                machine.cores,
                bytes(machine.memory_bytes),
                machine.os,
                machine.kernel.as_deref().unwrap_or("?"),
            ),
        ),
        row("tools", tools.join(" · ")),
    ]
}

/// The wall time and, after a build, how long it and each step took.
fn wall_time_text(settings: &Settings) -> String {
    let wall = duration(settings.duration_s as f64);
    match settings.build_s {
        Some(build) if settings.built => {
            let steps: Vec<String> = settings
                .build_steps_s
                .iter()
                .map(|(step, s)| format!("{step} {}", duration(*s as f64)))
                .collect();
            if steps.is_empty() {
                format!("**{wall}** (building {})", duration(build as f64))
            } else {
                format!(
                    "**{wall}** (building {}: {})",
                    duration(build as f64),
                    steps.join(", ")
                )
            }
        }
        _ => format!("{wall} (`--no-build`: no build to count)"),
    }
}

/// The dataset sizes searched, in numeric order.
fn sizes_in_order(report: &Report) -> Vec<&str> {
    let mut sizes: Vec<&str> = report.search.keys().map(String::as_str).collect();
    sizes.sort_by_key(|s| s.parse::<u64>().unwrap_or(u64::MAX));
    sizes
}

/// The table's text for one set of search and filter operations.
fn search_text(s: &SearchFigures) -> String {
    let median = |summary: Option<Summary>| ms(summary.map(|s| s.median));
    let p95 = |summary: Option<Summary>| ms(summary.map(|s| s.p95));
    let mut text = format!(
        "p95 **{}** · median **{}** ({} ops; text {} / {}; facets {} / {}; max {} for {}{})",
        p95(s.all_ms),
        median(s.all_ms),
        s.samples,
        median(s.text_ms),
        p95(s.text_ms),
        median(s.facet_ms),
        p95(s.facet_ms),
        ms(s.slowest.as_ref().and_then(|op| op.ms)),
        s.slowest
            .as_ref()
            .and_then(|op| op.label.as_deref())
            .unwrap_or("?"),
        s.long_frames
            .render_share
            .map_or(String::new(), |share| format!(
                "; long frames: {:.0} % script, {:.0} % style+layout+paint",
                (1.0 - share) * 100.0,
                share * 100.0
            )),
    );
    if s.timed_out > 0 {
        text.push_str(&format!(
            "; {} op hit the time limit and counts as that long, so p95 and max are lower bounds",
            s.timed_out
        ));
    }
    if let Some(planned) = s.planned.filter(|&planned| (s.samples as u64) < planned) {
        text.push_str(&format!(
            "; only {} of {planned} planned ops within the time budget",
            s.samples
        ));
    }
    text
}

/// The interactive files' line: the total and each file, brotli.
fn interactive_text(bytes: &InteractiveBytes) -> String {
    if bytes.files.is_empty() {
        return NOT_AVAILABLE.to_string();
    }
    let files: Vec<String> = bytes
        .files
        .iter()
        .map(|f| format!("{} {}", f.path, kb(f.bytes.brotli)))
        .collect();
    format!(
        "**{}** ({}) · gzip {} · raw {}",
        kb(bytes.total.brotli),
        files.join(" + "),
        kb(bytes.total.gzip),
        kb(bytes.total.raw),
    )
}

fn lighthouse_text(lighthouse: &Lighthouse) -> String {
    format!(
        "**{}** median of {} (range {}–{}) · FCP {} · LCP {} · TBT {} · CLS {} · speed index {} · max potential FID {} · {} DOM elements",
        score(lighthouse.score),
        lighthouse.runs,
        score(lighthouse.score_min),
        score(lighthouse.score_max),
        ms(lighthouse.fcp_ms),
        ms(lighthouse.lcp_ms),
        ms(lighthouse.tbt_ms),
        as_json(lighthouse.cls),
        ms(lighthouse.speed_index_ms),
        ms(lighthouse.max_potential_fid_ms),
        lighthouse
            .dom_elements
            .map_or(NOT_AVAILABLE.to_string(), thousands),
    )
}

fn phone_text(phone: &Phone) -> String {
    let Some(items) = phone.items_on_first_screen else {
        return NOT_AVAILABLE.to_string();
    };
    format!(
        "**{items}** (first row's top at {} px; search box {}on the first screen{})",
        phone
            .first_item_top
            .map_or(NOT_AVAILABLE.to_string(), |top| format!("{top:.0}")),
        if phone.search_box_on_first_screen == Some(true) {
            ""
        } else {
            "not "
        },
        if phone.ready == Some(false) {
            "; the app was not ready: the prerendered list"
        } else {
            ""
        },
    )
}

fn memory_line(figures: Option<&HeapFigures>) -> String {
    let Some(figures) = figures else {
        return NOT_AVAILABLE.to_string();
    };
    let js = figures.js_heap_used.unwrap_or(0);
    let wasm = figures.wasm_memory.unwrap_or(0);
    format!(
        "**{}** (JS heap {} + wasm memory {}; {} DOM nodes, {} listeners)",
        bytes(Some(js + wasm)),
        bytes(Some(js)),
        bytes(Some(wasm)),
        thousands(figures.dom_nodes.unwrap_or(0) as f64),
        thousands(figures.event_listeners.unwrap_or(0) as f64),
    )
}

/// The median with its quartiles, range and number of samples.
fn spread(summary: Option<Summary>) -> String {
    let Some(s) = summary else {
        return NOT_AVAILABLE.to_string();
    };
    format!(
        "**{}** median (IQR {}–{}; range {}–{}; n={})",
        ms(Some(s.median)),
        thousands(s.p25),
        thousands(s.p75),
        thousands(s.min),
        thousands(s.max),
        s.n
    )
}

/// A value as JSON writes it (`0.5`, `1.0`, `null`): figures the table
/// shows as the report holds them.
fn as_json(value: impl Serialize) -> String {
    serde_json::to_string(&value).unwrap_or_default()
}

/// 1234567.0 → 「1,234,567」.
fn thousands(value: f64) -> String {
    let rounded = value.round() as i64;
    let digits = model::synthetic::with_commas(rounded.unsigned_abs());
    if rounded < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

/// A dataset size as the table names it: `10000` → 「10,000」.
fn size_label(size: &str) -> String {
    size.parse::<f64>().map_or(size.to_string(), thousands)
}

/// Milliseconds: to 0.1 below 10, whole above.
fn ms(value: Option<f64>) -> String {
    match value {
        Some(v) if v < 10.0 => format!("{v:.1} ms"),
        Some(v) => format!("{} ms", thousands(v)),
        None => NOT_AVAILABLE.to_string(),
    }
}

/// Memory in KiB or MiB (1,024 bytes), as the browser counts it.
fn bytes(value: Option<u64>) -> String {
    match value.map(|v| v as f64) {
        Some(v) if v >= 1024.0 * 1024.0 => format!("{:.1} MiB", v / 1024.0 / 1024.0),
        Some(v) => format!("{:.1} KiB", v / 1024.0),
        None => NOT_AVAILABLE.to_string(),
    }
}

/// A transfer size in kB (1,000 bytes), as the targets are written.
fn kb(value: u64) -> String {
    let v = value as f64;
    if v >= 1_000_000.0 {
        format!("{:.2} MB", v / 1e6)
    } else {
        format!("{:.1} kB", v / 1e3)
    }
}

fn ratio_text(value: Option<f64>) -> String {
    value.map_or(NOT_AVAILABLE.to_string(), |r| format!("**{r:.2}×**"))
}

/// A score from 0 to 1, to two decimals as Lighthouse's are.
fn score(value: Option<f64>) -> String {
    value.map_or(NOT_AVAILABLE.to_string(), |v| format!("{v:.2}"))
}

fn duration(seconds: f64) -> String {
    let seconds = seconds.round() as u64;
    format!("{} min {:02} s", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(thousands(1_234_567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(-1_000.0), "-1,000");
        assert_eq!(ms(Some(4.56)), "4.6 ms");
        assert_eq!(ms(Some(12_345.0)), "12,345 ms");
        assert_eq!(ms(None), "n/a");
        assert_eq!(bytes(Some(2048)), "2.0 KiB");
        assert_eq!(bytes(Some(3 * 1024 * 1024)), "3.0 MiB");
        assert_eq!(kb(81_000), "81.0 kB");
        assert_eq!(kb(1_280_000), "1.28 MB");
        assert_eq!(size_label("10000"), "10,000");
        assert_eq!(duration(400.0), "6 min 40 s");
        assert_eq!(as_json(Some(1.0)), "1.0");
        assert_eq!(as_json(None::<f64>), "null");
    }

    #[test]
    fn renders_every_figure_beside_its_target() {
        let table = table(&crate::bench::report::fixture::report());
        assert!(table.starts_with("`cargo xtask bench --runs 3`, 2026-01-01T00:00:00Z"));
        for line in [
            "1-minute load average null at the start, null at the end.",
            "| time to list ÷ static limit (medians) | **1.20×** | ≤ 1.2× | ✓ met |",
            "| item page ÷ static page of that item (medians) | **1.10×** | ≤ 1.1× | ✓ met |",
            "**81.0 kB** (boot.js 1.0 kB + x.wasm 80.0 kB) · gzip 101.5 kB · raw 303.0 kB | ≤ 150 kB (stretch ≤ 60 kB) | ✓ met (stretch ✗ not met) |",
            "| citizen wasm alone (as served) | **0.0 kB** · gzip 0.0 kB",
            "| time to list (navigation → rows and count painted) | **330 ms** median (IQR 315–345; range 300–360; n=3) |",
            "**6 min 40 s** (building 3 min 20 s) | ≤ 8 min | ✓ met |",
            "| ≤ 25 ms | ✗ not met |",
            "facet tap / search input → next frame, 1,000 items (p95 · median) | p95 **n/a**",
            "| ≤ 50 ms | n/a |",
            "| least-work limit, 61 items",
            "| full-replay limit, 61 items",
            "÷ least-work limit p95, 61 items | **3.98×** | ≤ 1.5× | ✗ not met |",
            "÷ full-replay limit p95, 61 items | **1.99×** |  |  |",
            "**0.95** median of 2 (range 0.91–0.99)",
            "CLS 0.0 · ",
            "| = 1.0 | ✗ not met |",
            "| Lighthouse accessibility (median of the runs) | **0.98** (failing audits in some run: target-size) | = 1.0 | ✗ not met |",
            "**3** (first row's top at 420 px; search box on the first screen) | ≥ 2 | ✓ met |",
            "long frames: 75 % script, 25 % style+layout+paint",
            "| memory after 100 filter changes | **3.4 KiB** (JS heap 1.5 KiB + wasm memory 2.0 KiB; 10 DOM nodes, 2 listeners) |",
            "| machine | test · 2 cores · n/a · test · kernel ? |",
            "| tools | rustc ? · trunk ? · wasm_bindgen ? · wasm_opt ? · chromium ? · node ? · playwright ? |",
        ] {
            assert!(table.contains(line), "{line}");
        }
        // Every target has its row.
        for target in crate::bench::targets::TARGETS {
            assert!(
                table.contains(&format!("| {} |", target.text())),
                "{}",
                target.key
            );
        }
        assert!(table.lines().filter(|l| l.starts_with("| ")).count() > 25);
        assert!(!table.contains("Problems during the run"));
    }
}
