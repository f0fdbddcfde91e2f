//! Installs what the project needs and is missing, idempotently.
//!
//! Everything comes from the package registries (crates.io, Debian, npm) at
//! pinned versions; trunk itself is configured never to download tools.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::project_root;
use crate::run::{cmd, output, status};

/// trunk 0.22 needs a newer rustc than the one available; 0.21.14 installs with `--locked`.
pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The tools that every build and test needs.
pub struct Toolchain;

impl Toolchain {
    /// Installs every missing piece, quickly when all are present.
    pub fn ensure() -> Result<()> {
        let root = project_root();
        ensure_wasm_target()?;
        let wasm_bindgen = wasm_bindgen_version(&root)?;
        check_trunk_pin(&root, &wasm_bindgen)?;
        ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
        // The CLI must equal the library version in Cargo.lock. Its own lock file
        // pins a stale dependency, so it is installed without `--locked`.
        ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &wasm_bindgen, false)?;
        ensure_debian_packages()?;
        ensure_npm_packages(&root)?;
        Ok(())
    }
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("setup: adding the wasm32-unknown-unknown target");
    status(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version that Cargo.lock resolved.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_string());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// trunk refuses to run offline unless Trunk.toml names the installed version.
fn check_trunk_pin(root: &Path, wasm_bindgen: &str) -> Result<()> {
    let trunk = std::fs::read_to_string(root.join("Trunk.toml")).context("reading Trunk.toml")?;
    let pin = format!("wasm_bindgen = \"{wasm_bindgen}\"");
    if !trunk.lines().any(|l| l.trim() == pin) {
        bail!("Trunk.toml must say `{pin}` to match Cargo.lock");
    }
    Ok(())
}

fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> Result<()> {
    let found = output(binary, &["--version"]).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    println!(
        "setup: installing {krate} {version} (found: {}); this takes several minutes once",
        if found.is_empty() { "none" } else { &found }
    );
    let mut args = vec!["install", krate, "--version", version];
    if locked {
        args.push("--locked");
    }
    status(cmd("cargo", &args))
}

/// Debian packages the browser tests need: the browser and its driver, a
/// Japanese font, without which Chromium draws every kanji as a box (the
/// print tests read the printed text back and count pages), and a real
/// spreadsheet, which opens the open-data CSV as a citizen's would.
const DEBIAN_PACKAGES: [&str; 4] = [
    "chromium",
    "chromium-driver",
    "fonts-ipafont-gothic",
    "libreoffice-calc-nogui",
];
const JAPANESE_FONT: &str = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
/// LibreOffice's command, as the tests call it.
const SOFFICE: &str = "/usr/bin/soffice";

fn ensure_debian_packages() -> Result<()> {
    if Path::new(CHROMIUM).exists()
        && Path::new(CHROMEDRIVER).exists()
        && Path::new(JAPANESE_FONT).exists()
        && Path::new(SOFFICE).exists()
    {
        return Ok(());
    }
    let root_user = output("id", &["-u"]).as_deref() == Some("0");
    if !root_user {
        bail!(
            "Chromium, ChromeDriver, a Japanese font or LibreOffice is missing; install Debian's packages and run again:\n  \
             sudo apt-get update && sudo apt-get install -y {}",
            DEBIAN_PACKAGES.join(" ")
        );
    }
    println!("setup: installing Debian's {}", DEBIAN_PACKAGES.join(", "));
    status(cmd("apt-get", &["update"]))?;
    let mut install = cmd(
        "apt-get",
        &[&["install", "-y"][..], &DEBIAN_PACKAGES[..]].concat(),
    );
    install.env("DEBIAN_FRONTEND", "noninteractive");
    status(install)
}

/// `npm ci` when node_modules is missing or older than the lockfile.
pub fn ensure_npm_packages(root: &Path) -> Result<()> {
    let marker = root.join("node_modules").join(".package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&marker), modified(&root.join("package-lock.json"))) {
        (Some(installed), Some(lock)) => installed >= lock,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    println!("setup: installing npm packages from package-lock.json");
    let mut npm = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
    // Playwright drives Debian's Chromium; it must not try to download its own.
    npm.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    status(npm)
}
