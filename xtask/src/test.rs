//! `cargo xtask test`: every check and test, in order, with one summary line.
//!
//! Order: formatting, clippy, architecture invariants, the workflow files
//! against GitHub's schema, word readings up to date, native unit tests, the
//! prerenderer's tests, wasm tests in headless Chromium, release build; then,
//! on the release build, the citizen bundle's size budget, the Nu Html
//! Checker over every page, the open data against its schema, end-to-end
//! tests, and the accessibility statement's results. A failing step does not
//! stop the later ones (except that the last five need the release build), so
//! one run shows every failure.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};
use xshell::{cmd, Shell};

use crate::postbuild::{gzip_bytes, PRERENDERER};
use crate::project_root;
use crate::run::{shell, tee};
use crate::setup::{Toolchain, CHROMEDRIVER};

/// Port of the static file server that the end-to-end tests use.
const E2E_PORT: &str = "8091";

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failures: Vec<String>,
}

impl Tally {
    /// Records a step that is one check (formatting, clippy, a build).
    fn check(&mut self, name: &str, result: Result<(), impl Into<anyhow::Error>>) -> bool {
        match result {
            Ok(()) => {
                self.passed += 1;
                true
            }
            Err(error) => {
                eprintln!("FAILED {name}: {:#}", error.into());
                self.failed += 1;
                self.failures.push(name.to_string());
                false
            }
        }
    }

    /// Records a test runner's own counts; a run that fails without counted failures
    /// (a compile error, a crash) counts as one failure.
    fn tests(&mut self, name: &str, ok: bool, passed: u64, failed: u64) {
        self.passed += passed;
        self.failed += failed;
        if !ok || failed > 0 {
            if failed == 0 {
                self.failed += 1;
            }
            self.failures.push(name.to_string());
        }
        println!("{name}: {passed} passed, {failed} failed");
    }
}

pub fn run() -> Result<()> {
    Toolchain::ensure()?;
    let root = project_root();
    let sh = &shell()?;
    let mut tally = Tally::default();
    report_free_disk(sh, &root);

    tally.check("rustfmt", cmd!(sh, "cargo fmt --all --check").run());
    tally.check(
        "clippy (native)",
        // The staff bundle's workbook code too, and the app's binary form of
        // the dataset.
        cmd!(sh, "cargo clippy -p model -p xtask --all-targets --features model/workbook,model/binary -- -D warnings").run(),
    );
    // Each bundle: the citizen's (with the browser tests) and the staff's.
    for (name, selection) in [
        ("clippy (wasm, citizen bundle)", &["--all-targets"][..]),
        (
            "clippy (wasm, staff bundle)",
            &["--features", "staff", "--bins"][..],
        ),
    ] {
        tally.check(
            name,
            cmd!(sh, "cargo clippy -p ueda-reform --target wasm32-unknown-unknown {selection...} -- -D warnings").run(),
        );
    }
    tally.check(
        "clippy (prerenderer, native ssr)",
        cmd!(
            sh,
            "cargo clippy {PRERENDERER...} --lib --bins --tests -- -D warnings"
        )
        .run(),
    );
    tally.check("architecture invariants", architecture(&root));

    tally.check(
        "workflow files against GitHub's schema",
        crate::validate::workflows(&root),
    );

    tally.check(
        "readings up to date (data/readings.json)",
        crate::data::readings(&root, true),
    );

    let (ok, out) = tee(cmd!(
        sh,
        "cargo test -p model -p xtask --features model/workbook,model/binary"
    ))?;
    let (passed, failed) = libtest_counts(&out);
    tally.tests("native unit tests", ok, passed, failed);

    // The prerenderer's own tests (the app's library, rendered natively).
    let (ok, out) = tee(cmd!(sh, "cargo test {PRERENDERER...} --lib"))?;
    let (passed, failed) = libtest_counts(&out);
    tally.tests("prerenderer tests", ok, passed, failed);

    let (ok, passed, failed) = wasm_tests()?;
    tally.tests("wasm tests in headless Chromium", ok, passed, failed);

    let built = tally.check("release build", release_build(&root));
    if built {
        tally.check(
            "citizen bundle within its size budget",
            citizen_bundle_budget(&root.join("dist")),
        );
    }
    if built {
        let dist = root.join("dist");
        tally.check(
            "Nu Html Checker over every page",
            crate::validate::html_pages(&root, &dist),
        );
        tally.check(
            "open-data JSON against its published schema",
            crate::validate::open_data(&root, &dist),
        );
        let (ok, passed, failed) = end_to_end(&root)?;
        tally.tests("end-to-end tests", ok, passed, failed);
        // The accessibility statement shows what this run found.
        tally.check(
            "accessibility statement results",
            crate::accessibility::check(
                &root,
                &root.join("target").join("e2e-report.json"),
                &root.join("data").join("accessibility-results.json"),
            ),
        );
    } else {
        tally.tests("end-to-end tests (skipped: no release build)", false, 0, 0);
    }

    if !tally.failures.is_empty() {
        println!("failed steps: {}", tally.failures.join(", "));
        report_free_disk(sh, &root);
    }
    // The single summary line, last, in the plain form CI reads.
    println!("summary: {} passed, {} failed", tally.passed, tally.failed);
    std::io::stdout().flush()?;
    if tally.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// A clean run builds about 8 GB (native, wasm and release targets, the rebuilt site of
/// the full-cycle test); a disk that fills up fails many steps at once with ENOSPC, so the
/// free space is said before the run and again after any failure.
fn report_free_disk(sh: &Shell, root: &Path) {
    const NEEDED_GIB: u64 = 10;
    let output = cmd!(sh, "df -Pk {root}")
        .ignore_status()
        .ignore_stderr()
        .read();
    let free_kib = output.ok().and_then(|text| {
        text.lines()
            .nth(1)?
            .split_whitespace()
            .nth(3)?
            .parse::<u64>()
            .ok()
    });
    match free_kib {
        Some(kib) => {
            let gib = kib / (1024 * 1024);
            println!("disk: {gib} GiB free");
            if gib < NEEDED_GIB {
                println!("warning: a clean run needs about {NEEDED_GIB} GiB of free disk; steps may fail with \"no space left on device\"");
            }
        }
        None => println!("disk: free space unknown (df gave no figure)"),
    }
}

/// The architecture invariants: `model` is free of web crates, no module
/// imports form a cycle, and views take their words from the language
/// tables. (That only `src/storage/` touches web storage and only
/// `src/url.rs` the address is clippy's to check: `clippy.toml`.)
pub fn architecture(root: &Path) -> Result<()> {
    check_model_is_web_free()?;
    crate::interface_text::check(root)?;
    for crate_src in crate::imports::CRATE_SOURCES {
        crate::imports::check_no_cycles(&root.join(crate_src))?;
    }
    Ok(())
}

/// Architecture invariant: `model` depends on no web crate.
fn check_model_is_web_free() -> Result<()> {
    let sh = shell()?;
    let tree = cmd!(sh, "cargo tree -p model -e normal --prefix none")
        .ignore_status()
        .ignore_stderr()
        .read()
        .context("running cargo tree")?;
    for web in ["leptos", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        if tree
            .lines()
            .any(|l| l.split_whitespace().next() == Some(web))
        {
            anyhow::bail!("model must not depend on {web}");
        }
    }
    Ok(())
}

/// What a citizen's browser downloads to make a page interactive may not
/// grow unnoticed: the citizen wasm, its JavaScript glue and `boot.js`,
/// brotli-compressed as a host serves them. The budget is the size measured
/// when it was last reduced, with a little room; the goal it is held to in
/// the benchmark (150 kB, issue 28) is lower (see docs/benchmarks.md).
const CITIZEN_BUDGET_BROTLI_BYTES: usize = 320_000;

fn citizen_bundle_budget(dist: &Path) -> Result<()> {
    let wasm = crate::staff_bundle::citizen_wasm(dist)?;
    let js = wasm
        .to_string_lossy()
        .strip_suffix("_bg.wasm")
        .map(|stem| std::path::PathBuf::from(format!("{stem}.js")))
        .context("the citizen wasm is named NAME_bg.wasm")?;
    let mut total = 0;
    for file in [wasm, js, dist.join("boot.js")] {
        let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
        total += crate::postbuild::brotli_bytes(&bytes)?.len();
    }
    println!("citizen bundle: {total} bytes brotli (wasm, its JS and boot.js; budget {CITIZEN_BUDGET_BROTLI_BYTES})");
    if total > CITIZEN_BUDGET_BROTLI_BYTES {
        anyhow::bail!(
            "the citizen bundle is {total} bytes brotli, over its budget of {CITIZEN_BUDGET_BROTLI_BYTES}: see what grew (twiggy on the release wasm) before raising it"
        );
    }
    Ok(())
}

/// Sums libtest's `test result: ok. N passed; M failed;` lines.
/// The wasm tests in headless Chromium through wasm-bindgen's runner.
///
/// On a fresh machine the first ChromeDriver and Chromium start builds font
/// caches and can outlast the runner's five-second driver timeout, so the
/// timeouts are raised and a run in which no test ever reported (the browser
/// did not come up) is tried once more; a test that ran and failed is not.
fn wasm_tests() -> Result<(bool, u64, u64)> {
    let sh = shell()?;
    let run = || {
        tee(cmd!(
            sh,
            "cargo test -p ueda-reform --target wasm32-unknown-unknown"
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
    };
    let (mut ok, mut out) = run()?;
    let (passed, failed) = libtest_counts(&out);
    if !ok && passed + failed == 0 {
        println!("no wasm test reported (the browser did not start); trying once more");
        (ok, out) = run()?;
    }
    let (passed, failed) = libtest_counts(&out);
    Ok((ok, passed, failed))
}

fn libtest_counts(output: &str) -> (u64, u64) {
    let mut totals = (0, 0);
    for line in output.lines().filter(|l| l.starts_with("test result:")) {
        let number_before = |word: &str| {
            line.split(';')
                .find(|part| part.trim_end().ends_with(word))
                .and_then(|part| part.split_whitespace().rev().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        };
        totals.0 += number_before("passed");
        totals.1 += number_before("failed");
    }
    totals
}

/// `trunk build --release`, then prints the wasm size so regressions show.
fn release_build(root: &Path) -> Result<()> {
    let sh = shell()?;
    cmd!(sh, "trunk build --release").run()?;
    crate::release_stamp::record(root)?;
    // The staff tools must stay out of what citizens download.
    for (bundle, wasm) in [
        (
            "citizen",
            crate::staff_bundle::citizen_wasm(&root.join("dist"))?,
        ),
        (
            "staff",
            crate::staff_bundle::staff_wasm(&root.join("dist"))?,
        ),
    ] {
        let bytes = std::fs::read(&wasm)?;
        println!(
            "{bundle} wasm: {} bytes raw, {} bytes gzip -9 ({})",
            bytes.len(),
            gzip_bytes(&bytes)?.len(),
            wasm.file_name().unwrap_or_default().to_string_lossy()
        );
    }
    Ok(())
}

/// Serves dist/ at / and at /reform/ (a sub-path) and runs Playwright against it.
fn end_to_end(root: &Path) -> Result<(bool, u64, u64)> {
    let site = root.join("target").join("site");
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    crate::files::copy_dir(&root.join("dist"), &site)?;
    crate::files::copy_dir(&root.join("dist"), &site.join("reform"))?;

    let report = root.join("target").join("e2e-report.json");
    let _ = std::fs::remove_file(&report);
    let sh = shell()?;
    let playwright = cmd!(sh, "npx playwright test --reporter=list,json")
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
        .env("E2E_PORT", E2E_PORT)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    // Its failure is counted from the report, not an error.
    let ok = Command::from(playwright)
        .status()
        .context("running Playwright")?
        .success();
    let stats = std::fs::read_to_string(&report)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .map(|json| json["stats"].clone())
        .unwrap_or_default();
    let count = |key: &str| stats[key].as_u64().unwrap_or(0);
    Ok((ok, count("expected") + count("flaky"), count("unexpected")))
}

#[cfg(test)]
mod tests {
    use super::libtest_counts;

    #[test]
    fn sums_libtest_result_lines() {
        let out = "running 2 tests\n\
                   test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n\
                   test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n";
        assert_eq!(libtest_counts(out), (5, 1));
    }
}
