//! `cargo xtask bench`: how big and how fast the app is, in figures that can
//! be compared between runs and machines.
//!
//! 1. Installs what is missing (`setup::Toolchain::ensure`).
//! 2. Builds the release app twice with trunk into `target/bench/site/`, with
//!    its own cargo target directory (`target/bench-build`) so it never
//!    touches `dist/` or `target/` of the other commands: `app/` is what
//!    citizens get; `bench/` adds the `bench` feature, whose `?synthetic=N`
//!    swaps in N generated items (`model::synthetic`).
//! 3. Writes the limits, `limit/`: a page with the same item titles and
//!    stylesheets, the app's prerendered page of item 17 without script, and
//!    the app's prerendered list without script (`limit/frozen/`), on which
//!    the harness replays the DOM changes the app made for each search and
//!    filter operation: the interaction limit.
//! 4. Runs `tests/bench/harness.mjs`, which serves `target/bench/site` on
//!    127.0.0.1 as a static host with precompressed files does
//!    (`tests/bench/serve.mjs`) and drives Debian's Chromium with Playwright,
//!    CPU throttled through CDP, recording raw samples; and runs Lighthouse's
//!    performance audit of the list with its mobile defaults.
//! 5. Adds the file sizes and the machine's details, judges the figures
//!    against their targets, writes `target/bench/report.json` and
//!    `report.md`, and prints the table.
//!
//! Timing noise never fails the command: slow figures are reported, and a
//! dataset size that exceeds its time budget reports the operations it got to.
//!
//! Options: `--runs N` cold loads of each page and of its limit (default 12),
//! `--sizes 61,1000,10000` dataset sizes for search latency, `--port N`
//! (default 8123), `--no-build` to reuse the last build.

mod limit;
pub mod machine;
mod report;
mod sizes;
mod targets;

use std::net::TcpStream;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use model::Dataset;
use serde_json::{json, Value};

use crate::project_root;
use crate::run::{cmd, status};
use crate::setup::{Toolchain, CHROMIUM};

/// CPU slow-down applied through CDP, to stand for a modest tablet.
const CPU_THROTTLING: u32 = 4;
const DEFAULT_RUNS: usize = 12;
/// Lighthouse audits of the list, each in a fresh browser (about 20 s each).
const LIGHTHOUSE_RUNS: usize = 3;
const DEFAULT_PORT: u16 = 8123;
const DEFAULT_SIZES: [usize; 3] = [61, 1000, 10_000];
/// Must match the harness's viewport (a tablet, landscape).
const VIEWPORT: &str = "1024×768";
/// The item whose page is opened cold, as from a shared link (`item/17/`).
const ITEM_NO: u32 = 17;

struct Options {
    runs: usize,
    sizes: Vec<usize>,
    port: u16,
    build: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            runs: DEFAULT_RUNS,
            sizes: DEFAULT_SIZES.to_vec(),
            port: DEFAULT_PORT,
            build: true,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .with_context(|| format!("{name} needs a value"))
                    .cloned()
            };
            match arg.as_str() {
                "--runs" => {
                    options.runs = value("--runs")?.parse().context("--runs needs a number")?;
                    if options.runs == 0 {
                        bail!("--runs must be at least 1");
                    }
                }
                "--port" => options.port = value("--port")?.parse().context("--port needs a port")?,
                "--sizes" => {
                    options.sizes = value("--sizes")?
                        .split(',')
                        .map(|s| s.trim().parse::<usize>())
                        .collect::<Result<_, _>>()
                        .context("--sizes needs numbers separated by commas, e.g. 61,1000")?;
                }
                "--no-build" => options.build = false,
                other => bail!(
                    "unknown option {other}; options: --runs N, --sizes 61,1000,10000, --port N, --no-build"
                ),
            }
        }
        Ok(options)
    }
}

/// How many rounds of the harness's operations, and how many seconds, a
/// dataset size gets: large ones are slow, and the run must end.
/// No operation starts after `budget_s`; one that takes longer than
/// `op_timeout_s` counts as that long and ends the size.
fn search_plan(size: usize) -> Value {
    let (rounds, budget_s) = match size {
        0..=100 => (3, 60),
        101..=2000 => (1, 60),
        _ => (1, 15),
    };
    json!({ "rounds": rounds, "budget_s": budget_s, "op_timeout_s": 60 })
}

pub fn run(args: &[String]) -> Result<()> {
    // The wall time counts everything, the builds included.
    let started = Instant::now();
    let options = Options::parse(args)?;
    if options.runs < 10 {
        println!(
            "bench: {} cold loads only; use at least 10 for comparable figures",
            options.runs
        );
    }
    if TcpStream::connect(("127.0.0.1", options.port)).is_ok() {
        bail!(
            "port {} is in use; choose another with --port",
            options.port
        );
    }
    Toolchain::ensure()?;
    let load_at_start = machine::load_average();
    let root = project_root();
    let out = root.join("target").join("bench");
    let site = out.join("site");
    let app_dir = site.join("app");
    let build_s = if options.build {
        let building = Instant::now();
        build(&root, &site)?;
        Some(building.elapsed().as_secs())
    } else if !app_dir.join("index.html").exists() || !site.join("bench/index.html").exists() {
        bail!("--no-build: no previous build in {}", site.display());
    } else {
        None
    };

    let dataset = Dataset::from_json(
        &std::fs::read_to_string(root.join("data").join("action-program.json"))
            .context("reading data/action-program.json")?,
    )?;
    let limit_dir = site.join("limit");
    limit::write(&dataset, &app_dir, &limit_dir)?;
    limit::write_item(&app_dir, &limit_dir, ITEM_NO)?;
    limit::write_frozen_list(&app_dir, &limit_dir.join("frozen"))?;

    let base = format!("http://127.0.0.1:{}", options.port);
    let browser_json = out.join("browser.json");
    let _ = std::fs::remove_file(&browser_json);
    let config = json!({
        "site": site,
        "port": options.port,
        "base": base,
        "app": "/app/",
        "limit": "/limit/",
        "item": format!("/app/item/{ITEM_NO}/"),
        "limit_item": format!("/limit/item/{ITEM_NO}/"),
        "frozen": "/limit/frozen/",
        "bench": "/bench/",
        "runs": options.runs,
        "lighthouse_runs": LIGHTHOUSE_RUNS,
        "throttle": CPU_THROTTLING,
        "sizes": options.sizes,
        "search_plan": options.sizes.iter().map(|&s| (s.to_string(), search_plan(s))).collect::<serde_json::Map<_, _>>(),
        "out": browser_json,
        "chromium": CHROMIUM,
    });
    let config_path = out.join("harness-config.json");
    std::fs::write(&config_path, serde_json::to_string_pretty(&config)?)?;

    let harness = root.join("tests").join("bench").join("harness.mjs");
    let mut node = cmd(
        "node",
        &[&harness.to_string_lossy(), &config_path.to_string_lossy()],
    );
    node.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    if let Err(error) = status(node) {
        println!("bench: the browser harness failed ({error:#}); reporting what it recorded");
    }
    let browser: Value = serde_json::from_str(
        &std::fs::read_to_string(&browser_json)
            .context("the browser harness wrote no results (target/bench/browser.json)")?,
    )?;

    let served = browser["first_visit"]["served"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let visit = sizes::FirstVisit::from_served(&app_dir, "/app/", &served);
    let wasm_file = crate::staff_bundle::citizen_wasm(&app_dir)?;
    let wasm_name = wasm_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    let date = machine::utc_now();
    let report = report::build(&report::Inputs {
        date: &date,
        machine: machine::describe(),
        browser: &browser,
        visit: &visit,
        wasm: sizes::Bytes::of_file(&wasm_file),
        wasm_file: &wasm_name,
        settings: json!({
            "cpu_throttling": CPU_THROTTLING,
            "cold_loads": options.runs,
            "viewport": VIEWPORT,
            "sizes": options.sizes,
            "item": ITEM_NO,
            "server": "tests/bench/serve.mjs on 127.0.0.1 (Node http, HTTP/1.1; the build's .br/.gz \
                       copies by Accept-Encoding; ETag and Last-Modified revalidation)",
            "chromium": browser["chromium"],
            "built": options.build,
            "build_s": build_s,
            "duration_s": started.elapsed().as_secs(),
            "load_average_1min": { "start": load_at_start, "end": machine::load_average() },
        }),
    });
    std::fs::write(
        out.join("report.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    let table = report::table(&report);
    std::fs::write(out.join("report.md"), &table)?;
    println!("\n{table}");
    println!(
        "bench: wrote target/bench/report.json and report.md in {} s",
        started.elapsed().as_secs()
    );
    Ok(())
}

/// The production build (`app/`) and the benchmark build (`bench/`).
fn build(root: &Path, site: &Path) -> Result<()> {
    let target_dir = root.join("target").join("bench-build");
    for (dir, feature) in [("app", None), ("bench", Some("bench"))] {
        let dist = site.join(dir).to_string_lossy().into_owned();
        let mut args = vec!["build", "--release", "--dist", &dist];
        if let Some(feature) = feature {
            args.extend(["--features", feature]);
        }
        let mut trunk = cmd("trunk", &args);
        trunk.env("CARGO_TARGET_DIR", &target_dir);
        status(trunk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_options() {
        let o = Options::parse(&[]).unwrap();
        assert_eq!((o.runs, o.port, o.build), (12, 8123, true));
        assert_eq!(o.sizes, [61, 1000, 10_000]);
        let o = Options::parse(&args(&[
            "--runs",
            "3",
            "--sizes",
            "61, 500",
            "--port",
            "8150",
            "--no-build",
        ]))
        .unwrap();
        assert_eq!((o.runs, o.port, o.build), (3, 8150, false));
        assert_eq!(o.sizes, [61, 500]);
        assert!(Options::parse(&args(&["--runs"])).is_err());
        assert!(Options::parse(&args(&["--runs", "0"])).is_err());
        assert!(Options::parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn large_sizes_get_fewer_rounds() {
        assert_eq!(search_plan(61)["rounds"], 3);
        assert_eq!(search_plan(1000)["rounds"], 1);
        assert_eq!(search_plan(10_000)["rounds"], 1);
    }
}
