//! The staff bundle in a built site. trunk 0.21 builds one main wasm per
//! page; the staff bundle is the page's second rust link, built as a
//! "worker", which trunk names without a content hash and does not load.
//! This step gives its files a content hash like trunk's own (so hosts and
//! the service worker may treat them as immutable) and names them on the
//! page's loader script, where `boot.js` finds them when staff mode is on.

use std::path::Path;

use anyhow::{ensure, Context, Result};

/// The staff binary's name, as trunk names its files.
pub const NAME: &str = "ueda-reform-staff";

/// Hashes and renames the staff bundle in `dir` and adds `data-staff-js` and
/// `data-staff-wasm` to the loader script of `dir/index.html`.
pub fn name_in_page(dir: &Path) -> Result<()> {
    let js = dir.join(format!("{NAME}.js"));
    let wasm = dir.join(format!("{NAME}_bg.wasm"));
    let js_bytes = std::fs::read(&js).with_context(|| format!("reading {}", js.display()))?;
    let wasm_bytes = std::fs::read(&wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let hash = crate::pwa::revision(&[js_bytes, wasm_bytes].concat());
    let js_name = format!("{NAME}-{hash}.js");
    let wasm_name = format!("{NAME}-{hash}_bg.wasm");
    std::fs::rename(&js, dir.join(&js_name))?;
    std::fs::rename(&wasm, dir.join(&wasm_name))?;

    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index).context("reading index.html")?;
    std::fs::write(&index, with_staff_attributes(&page, &js_name, &wasm_name)?)
        .context("writing index.html")?;
    Ok(())
}

/// `page` with the staff bundle's files named on its one loader script.
fn with_staff_attributes(page: &str, js_name: &str, wasm_name: &str) -> Result<String> {
    let marker = " data-wasm=\"";
    ensure!(
        page.matches(marker).count() == 1,
        "index.html should have exactly one loader script (data-wasm)"
    );
    Ok(page.replacen(
        marker,
        &format!(" data-staff-js=\"./{js_name}\" data-staff-wasm=\"./{wasm_name}\"{marker}"),
        1,
    ))
}

/// The citizen bundle's wasm in a built site (the one wasm that is not the
/// staff bundle's).
pub fn citizen_wasm(dir: &Path) -> Result<std::path::PathBuf> {
    bundle_wasm(dir, false)
}

/// The staff bundle's wasm in a built site.
pub fn staff_wasm(dir: &Path) -> Result<std::path::PathBuf> {
    bundle_wasm(dir, true)
}

fn bundle_wasm(dir: &Path, staff: bool) -> Result<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(NAME) == staff
        })
        .with_context(|| {
            format!(
                "{} has no {} wasm",
                dir.display(),
                if staff { "staff" } else { "citizen" }
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_script_names_the_staff_bundle() {
        let page = r#"<script type="module" src="./boot.js" data-js="./a-1.js" data-wasm="./a-1_bg.wasm"></script>"#;
        assert_eq!(
            with_staff_attributes(page, "s-2.js", "s-2_bg.wasm").unwrap(),
            r#"<script type="module" src="./boot.js" data-js="./a-1.js" data-staff-js="./s-2.js" data-staff-wasm="./s-2_bg.wasm" data-wasm="./a-1_bg.wasm"></script>"#
        );
        assert!(with_staff_attributes("<p>no script</p>", "s.js", "s.wasm").is_err());
    }
}
