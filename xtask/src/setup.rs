//! Installs what the project needs and is missing, idempotently.
//!
//! Everything comes from the package registries (crates.io, Debian, npm) at
//! pinned versions; trunk itself is configured never to download tools.

use std::path::Path;

use anyhow::{bail, Context, Result};
use xshell::{cmd, Shell};

use crate::project_root;
use crate::run::{shell, stdout};

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
        let sh = &shell()?;
        ensure_wasm_target(sh)?;
        let wasm_bindgen = wasm_bindgen_version(&root)?;
        check_trunk_pin(&root, &wasm_bindgen)?;
        ensure_cargo_tool(sh, "trunk", "trunk", TRUNK_VERSION, true)?;
        // The CLI must equal the library version in Cargo.lock. Its own lock file
        // pins a stale dependency, so it is installed without `--locked`.
        ensure_cargo_tool(sh, "wasm-bindgen", "wasm-bindgen-cli", &wasm_bindgen, false)?;
        ensure_debian_packages(sh)?;
        // After Debian's Java: vnu-jar's own install script would fetch a
        // Java runtime from outside the registries when none is found (npm
        // runs no install scripts here, see below, but the order keeps a
        // manual `npm install` safe too).
        ensure_npm_packages(&root)?;
        ensure_python_tools(sh, &root)?;
        Ok(())
    }
}

fn ensure_wasm_target(sh: &Shell) -> Result<()> {
    let installed = stdout(cmd!(sh, "rustup target list --installed")).unwrap_or_default();
    if installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("setup: adding the wasm32-unknown-unknown target");
    cmd!(sh, "rustup target add wasm32-unknown-unknown").run()?;
    Ok(())
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

fn ensure_cargo_tool(
    sh: &Shell,
    binary: &str,
    krate: &str,
    version: &str,
    locked: bool,
) -> Result<()> {
    let found = stdout(cmd!(sh, "{binary} --version")).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    println!(
        "setup: installing {krate} {version} (found: {}); this takes several minutes once",
        if found.is_empty() { "none" } else { &found }
    );
    let locked = locked.then_some("--locked");
    cmd!(sh, "cargo install {krate} --version {version} {locked...}").run()?;
    Ok(())
}

/// Debian packages the tests need: the browser and its driver, a
/// Japanese font, without which Chromium draws every kanji as a box (the
/// print tests read the printed text back and count pages; the build draws
/// the link-preview cards with it), a real spreadsheet, which opens the
/// open-data CSV as a citizen's would, Java for the Nu Html Checker, and
/// Python's venv for check-jsonschema.
const DEBIAN_PACKAGES: [&str; 6] = [
    "chromium",
    "chromium-driver",
    "fonts-ipafont-gothic",
    "libreoffice-calc-nogui",
    "default-jre-headless",
    "python3-venv",
];
/// The Japanese font: Chromium draws kanji with it, and the build draws the
/// link-preview cards (`share_card`).
pub const JAPANESE_FONT: &str = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
/// LibreOffice's command, as the tests call it.
const SOFFICE: &str = "/usr/bin/soffice";
/// Java, for the Nu Html Checker (`vnu.jar`).
pub const JAVA: &str = "/usr/bin/java";

/// Whether `python3` can make a virtual environment with pip in it (Debian
/// splits `ensurepip` into python3-venv).
fn python_venv_available(sh: &Shell) -> bool {
    stdout(cmd!(sh, "python3 -c 'import ensurepip, venv'")).is_some()
}

fn ensure_debian_packages(sh: &Shell) -> Result<()> {
    if Path::new(CHROMIUM).exists()
        && Path::new(CHROMEDRIVER).exists()
        && Path::new(JAPANESE_FONT).exists()
        && Path::new(SOFFICE).exists()
        && Path::new(JAVA).exists()
        && python_venv_available(sh)
    {
        return Ok(());
    }
    let root_user = stdout(cmd!(sh, "id -u")).as_deref() == Some("0");
    if !root_user {
        bail!(
            "Chromium, ChromeDriver, a Japanese font, LibreOffice, Java or Python's venv is missing; install Debian's packages and run again:\n  \
             sudo apt-get update && sudo apt-get install -y {}",
            DEBIAN_PACKAGES.join(" ")
        );
    }
    println!("setup: installing Debian's {}", DEBIAN_PACKAGES.join(", "));
    cmd!(sh, "apt-get update").run()?;
    cmd!(sh, "apt-get install -y {DEBIAN_PACKAGES...}")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()?;
    Ok(())
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
    // No install scripts: the only package with one is vnu-jar, whose script
    // downloads a Java runtime from outside the registry when it finds no
    // Java; the checker runs on Debian's Java (`validate`), so it is not needed.
    let sh = shell()?;
    // Playwright drives Debian's Chromium; it must not try to download its own.
    cmd!(sh, "npm ci --no-audit --no-fund --ignore-scripts")
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .run()?;
    Ok(())
}

/// The pinned Python tools (`xtask/python-requirements.txt`).
const PYTHON_REQUIREMENTS: &str = "xtask/python-requirements.txt";

/// The virtual environment the Python tools live in, under target/.
pub fn python_tools(root: &Path) -> std::path::PathBuf {
    root.join("target").join("tools").join("python")
}

/// `check-jsonschema`, as installed by [`ensure_python_tools`].
pub fn check_jsonschema(root: &Path) -> std::path::PathBuf {
    python_tools(root).join("bin").join("check-jsonschema")
}

/// A venv under target/ with the pinned Python tools from PyPI, made again
/// when the requirements change (the venv keeps a copy of those it has).
pub fn ensure_python_tools(sh: &Shell, root: &Path) -> Result<()> {
    let venv = python_tools(root);
    let wanted = std::fs::read_to_string(root.join(PYTHON_REQUIREMENTS))
        .with_context(|| format!("reading {PYTHON_REQUIREMENTS}"))?;
    let installed = venv.join("requirements.txt");
    if std::fs::read_to_string(&installed).ok().as_deref() == Some(wanted.as_str())
        && check_jsonschema(root).exists()
    {
        return Ok(());
    }
    println!(
        "setup: installing the Python tools from {PYTHON_REQUIREMENTS} into target/tools/python"
    );
    if venv.exists() {
        std::fs::remove_dir_all(&venv)?;
    }
    cmd!(sh, "python3 -m venv {venv}").run()?;
    let pip = venv.join("bin").join("pip");
    cmd!(sh, "{pip} install --quiet --disable-pip-version-check --no-deps --requirement {PYTHON_REQUIREMENTS}").run()?;
    std::fs::write(installed, wanted)?;
    Ok(())
}
