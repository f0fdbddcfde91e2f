//! `cargo xtask bench`: how big and how fast the app is, in figures that can
//! be compared between runs and machines.
//!
//! 1. Installs what is missing (`setup::Toolchain::ensure`).
//! 2. Builds the release app twice with trunk into `target/bench/site/`, in
//!    the project's own `target/` (shared with `cargo xtask test`, whose
//!    release build of the checked-out commit becomes `app/`; only the
//!    `bench` feature's code is compiled), never touching `dist/`: `app/` is what
//!    citizens get; `bench/` adds the `bench` feature, and the prerenderer
//!    (built with it) writes there the list of N generated items
//!    (`model::synthetic`) as `synthetic/N/`, for each size but 61, which the
//!    bench bundle hydrates with the same items (`<html data-synthetic="N">`).
//! 3. Writes the limits, `limit/`: a page with the same item titles and
//!    stylesheets, the app's prerendered page of item 17 without script, and
//!    the app's prerendered list without script (`limit/frozen/`), on which
//!    the harness replays, for each search and filter operation, the DOM
//!    changes any implementation must make (the least-work limit) and every
//!    change the app made (the full-replay limit).
//! 4. Runs `tests/bench/harness.mjs`, which serves `target/bench/site` on
//!    127.0.0.1 as a static host with precompressed files does
//!    (`tests/bench/serve.mjs`) and drives Debian's Chromium with Playwright,
//!    CPU throttled through CDP, recording raw samples; measures the first
//!    screen of a phone; and runs Lighthouse's performance and accessibility
//!    audits of the list with its mobile defaults.
//! 5. Adds the file sizes and the machine's details, judges the figures
//!    against their targets, writes `target/bench/report.json` and
//!    `report.md`, and prints the table; with `--record`, also into
//!    `docs/benchmarks.md`'s "Latest run" section.
//!
//! Timing noise never fails the command: slow figures are reported, and a
//! dataset size that exceeds its time budget reports the operations it got to.
//!
//! Options: `--runs N` cold loads of each page and of its limit (default 12),
//! `--sizes 61,1000,10000` dataset sizes for search latency, `--port N`
//! (default 8123), `--no-build` to reuse the last build, `--record` to write
//! the table into `docs/benchmarks.md`.

mod limit;
pub mod machine;
mod record;
mod report;
mod sizes;
mod stats;
mod table;
mod targets;

use std::net::TcpStream;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use model::Dataset;
use serde_json::{json, Value};
use xshell::cmd;

use crate::flags;
use crate::postbuild::{brotli_bytes, gzip_bytes, PRERENDERER};
use crate::project_root;
use crate::run::shell;
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
    record: bool,
}

impl Options {
    fn from_flags(flags: &flags::Bench) -> Result<Options> {
        let sizes = match &flags.sizes {
            Some(list) => list
                .split(',')
                .map(|s| s.trim().parse::<usize>())
                .collect::<Result<_, _>>()
                .context("--sizes needs numbers separated by commas, e.g. 61,1000")?,
            None => DEFAULT_SIZES.to_vec(),
        };
        let options = Options {
            runs: flags.runs.unwrap_or(DEFAULT_RUNS),
            sizes,
            port: flags.port.unwrap_or(DEFAULT_PORT),
            build: !flags.no_build,
            record: flags.record,
        };
        if options.runs == 0 {
            bail!("--runs must be at least 1");
        }
        if options.sizes.contains(&0) {
            bail!("--sizes: a dataset needs at least one item");
        }
        Ok(options)
    }

    /// The generated datasets: every size but the real data's.
    fn synthetic_sizes(&self) -> Vec<usize> {
        self.sizes
            .iter()
            .copied()
            .filter(|&size| size != REAL_ITEMS)
            .collect()
    }

    /// The command as given, for the report.
    fn command(args: &[String]) -> String {
        ["cargo xtask bench".to_string()]
            .into_iter()
            .chain(args.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The size measured on the real items (the bench build's own list page).
const REAL_ITEMS: usize = 61;

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

pub fn run(flags: &flags::Bench) -> Result<()> {
    // The wall time counts everything, the builds included.
    let started = Instant::now();
    let options = Options::from_flags(flags)?;
    // The options as typed, after `bench`, for the report.
    let args: Vec<String> = std::env::args().skip(2).collect();
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
    // Earlier versions built in a target directory of their own.
    if root.join("target").join("bench-build").is_dir() {
        println!("bench: target/bench-build is no longer used; remove it to free its space");
    }
    let mut build_steps = Vec::new();
    let build_s = if options.build {
        let building = Instant::now();
        build_steps = build(&root, &site, &options.synthetic_sizes())?;
        Some(building.elapsed().as_secs())
    } else if !app_dir.join("index.html").exists() || !site.join("bench/index.html").exists() {
        bail!("--no-build: no previous build in {}", site.display());
    } else {
        None
    };
    for size in options.synthetic_sizes() {
        let page = synthetic_page(&site.join("bench"), size);
        if !page.exists() {
            bail!(
                "{} is missing: build again without --no-build for --sizes with {size}",
                page.display()
            );
        }
    }

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
        "synthetic": "/bench/synthetic/{n}/",
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
    let sh = shell()?;
    let node =
        cmd!(sh, "node {harness} {config_path}").env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    if let Err(error) = node.run() {
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
    let interactive = sizes::interactive_files(&app_dir)?;

    let date = machine::utc_now();
    let report = report::build(report::Inputs {
        date: &date,
        machine: machine::describe()?,
        browser: &browser,
        visit: &visit,
        wasm: sizes::Bytes::of_file(&wasm_file),
        wasm_file: &wasm_name,
        interactive: &interactive,
        settings: report::Settings {
            command: Options::command(&args),
            cpu_throttling: CPU_THROTTLING,
            cold_loads: options.runs,
            viewport: VIEWPORT,
            sizes: options.sizes.clone(),
            item: ITEM_NO,
            server: "tests/bench/serve.mjs on 127.0.0.1 (Node http, HTTP/1.1; the build's .br/.gz \
                     copies by Accept-Encoding; ETag and Last-Modified revalidation)",
            chromium: browser["chromium"].as_str().map(str::to_string),
            built: options.build,
            build_s,
            build_steps_s: build_steps.into_iter().collect(),
            duration_s: started.elapsed().as_secs(),
            load_average_1min: report::LoadAverage {
                start: load_at_start,
                end: machine::load_average(),
            },
        },
    });
    std::fs::write(
        out.join("report.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    let table = table::table(&report);
    std::fs::write(out.join("report.md"), &table)?;
    println!("\n{table}");
    if options.record {
        record::write(&root, &table)?;
        println!("bench: recorded the run in {}", record::FILE);
    }
    println!(
        "bench: wrote target/bench/report.json and report.md in {} s",
        started.elapsed().as_secs()
    );
    Ok(())
}

/// The production build (`app/`) and the benchmark build (`bench/`, with
/// the lists of `synthetic` generated items). Both in the project's own
/// cargo target directory, as `cargo xtask test` and `postbuild` build:
/// after a test run of the checked-out commit, `app/` is a copy of the
/// `dist/` it built (`release_stamp`), and `bench/` compiles only the app
/// crate with the `bench` feature (the citizen wasm, and the prerenderer).
/// Returns how many seconds each step took.
fn build(root: &Path, site: &Path, synthetic: &[usize]) -> Result<Vec<(String, u64)>> {
    let sh = shell()?;
    let mut steps = Vec::new();
    for (dir, feature) in [("app", None), ("bench", Some("bench"))] {
        let step = Instant::now();
        if feature.is_none() {
            if let Some(commit) = crate::release_stamp::dist_is_current(root) {
                // What citizens get is what `cargo xtask test` just built.
                let app = site.join(dir);
                if app.exists() {
                    std::fs::remove_dir_all(&app)?;
                }
                crate::files::copy_dir(&root.join("dist"), &app)?;
                println!(
                    "bench: app/ is dist/, the release build of {commit} by `cargo xtask test`"
                );
                steps.push((format!("{dir} (dist/ reused)"), step.elapsed().as_secs()));
                continue;
            }
        }
        let dist = site.join(dir);
        let features = feature.map_or(vec![], |feature| vec!["--features", feature]);
        cmd!(sh, "trunk build --release --dist {dist} {features...}").run()?;
        steps.push((dir.to_string(), step.elapsed().as_secs()));
    }
    if !synthetic.is_empty() {
        let step = Instant::now();
        write_synthetic_pages(root, &site.join("bench"), synthetic)?;
        steps.push(("synthetic".to_string(), step.elapsed().as_secs()));
    }
    Ok(steps)
}

/// The list of `size` generated items in the bench build `bench_dir`.
fn synthetic_page(bench_dir: &Path, size: usize) -> std::path::PathBuf {
    bench_dir
        .join("synthetic")
        .join(size.to_string())
        .join("index.html")
}

/// Writes the lists of generated items into the bench build, with the
/// prerenderer built with the `bench` feature (natively, in the project's
/// target directory like `postbuild`'s), and their precompressed copies as
/// the build writes them for every page. They stay out of the service
/// worker's precache list: only the bench opens them.
fn write_synthetic_pages(root: &Path, bench_dir: &Path, sizes: &[usize]) -> Result<()> {
    let sizes_arg = sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",");
    // `PRERENDERER` selects `ssr`; the bench adds its feature to it.
    let features = "ssr,bench";
    let args: Vec<&str> = PRERENDERER
        .iter()
        .map(|&arg| if arg == "ssr" { features } else { arg })
        .collect();
    let sh = shell()?;
    cmd!(
        sh,
        "cargo run --quiet {args...} --bin prerender -- --synthetic {sizes_arg} {bench_dir}"
    )
    .env("CARGO_TARGET_DIR", root.join("target"))
    .run()
    .context("writing the synthetic lists")?;
    for &size in sizes {
        let page = synthetic_page(bench_dir, size);
        let bytes = std::fs::read(&page).with_context(|| format!("reading {}", page.display()))?;
        let copy = |suffix: &str| {
            let mut name = page.as_os_str().to_owned();
            name.push(suffix);
            std::path::PathBuf::from(name)
        };
        std::fs::write(copy(".br"), brotli_bytes(&bytes)?)?;
        std::fs::write(copy(".gz"), gzip_bytes(&bytes)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// `cargo xtask bench` with `list`, as the command line reads it.
    fn parse(list: &[&str]) -> Result<Options> {
        let line = ["bench"].iter().chain(list).map(Into::into).collect();
        match flags::Xtask::from_vec(line)?.subcommand {
            flags::XtaskCmd::Bench(bench) => Options::from_flags(&bench),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_options() {
        let o = parse(&[]).unwrap();
        assert_eq!((o.runs, o.port, o.build, o.record), (12, 8123, true, false));
        assert_eq!(o.sizes, [61, 1000, 10_000]);
        assert_eq!(o.synthetic_sizes(), [1000, 10_000]);
        let o = parse(&[
            "--runs",
            "3",
            "--sizes",
            "61, 500",
            "--port",
            "8150",
            "--no-build",
            "--record",
        ])
        .unwrap();
        assert_eq!((o.runs, o.port, o.build, o.record), (3, 8150, false, true));
        assert_eq!(o.sizes, [61, 500]);
        assert_eq!(o.synthetic_sizes(), [500]);
        assert!(parse(&["--sizes", "61,0"]).is_err());
        assert_eq!(
            Options::command(&args(&["--runs", "2"])),
            "cargo xtask bench --runs 2"
        );
        assert!(parse(&["--runs"]).is_err());
        assert!(parse(&["--runs", "0"]).is_err());
        assert!(parse(&["--fast"]).is_err());
    }

    #[test]
    fn large_sizes_get_fewer_rounds() {
        assert_eq!(search_plan(61)["rounds"], 3);
        assert_eq!(search_plan(1000)["rounds"], 1);
        assert_eq!(search_plan(10_000)["rounds"], 1);
    }
}
