//! The staff bundle in a built site. trunk 0.21 builds one main wasm per
//! page; the staff bundle is the page's second rust link, built as a
//! "worker", which trunk names without a content hash and does not load.
//! This step gives its files a content hash like trunk's own (so hosts and
//! the service worker may treat them as immutable) and names them on the
//! page's loader script, where `boot.js` finds them when staff mode is on.

use std::path::Path;

use anyhow::{ensure, Context, Result};
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// The staff binary's name, as trunk names its files.
pub const NAME: &str = "ueda-reform-staff";

/// Hashes and renames the staff bundle in `dir` and adds `data-staff-js` and
/// `data-staff-wasm` to the loader script of `dir/index.html`.
pub fn name_in_page(dir: &Path) -> Result<()> {
    let js = dir.join(format!("{NAME}.js"));
    let wasm = dir.join(format!("{NAME}_bg.wasm"));
    let js_bytes = std::fs::read(&js).with_context(|| format!("reading {}", js.display()))?;
    let wasm_bytes = std::fs::read(&wasm).with_context(|| format!("reading {}", wasm.display()))?;
    let hash = crate::revision::revision(&[js_bytes, wasm_bytes].concat());
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
    let mut loaders = 0;
    let page = rewrite_str(
        page,
        RewriteStrSettings::new().append_element_content_handler(element!(
            "script[data-wasm]",
            |script| {
                loaders += 1;
                // `data-wasm` stays last, where trunk's `pattern_script` puts it.
                let wasm = script.get_attribute("data-wasm").unwrap_or_default();
                script.remove_attribute("data-wasm");
                script.set_attribute("data-staff-js", &format!("./{js_name}"))?;
                script.set_attribute("data-staff-wasm", &format!("./{wasm_name}"))?;
                script.set_attribute("data-wasm", &wasm)?;
                Ok(())
            }
        )),
    )?;
    ensure!(
        loaders == 1,
        "index.html should have exactly one loader script (data-wasm)"
    );
    Ok(page)
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

    /// A page as trunk and the prerenderer write it: only the loader script
    /// changes, and every other byte stays.
    #[test]
    fn the_rest_of_the_page_is_kept() {
        let page = concat!(
            "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n  <meta charset=\"utf-8\">\n",
            "  <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; form-action 'none'\">\n",
            "  <title>第四次上田市行財政改革大綱 &amp; アクションプログラム</title>\n",
            "<link rel=\"stylesheet\" href=\"./main-ab12.css\" integrity=\"sha384-x+y/z=\"/>\n",
            "<!-- The loader: -->\n",
            "<script type=\"module\" src=\"./boot.js\" data-js=\"./ueda-reform-1f.js\" data-wasm=\"./ueda-reform-1f_bg.wasm\"></script>",
            "</head>\n<body><noscript><p class=\"noscript-note\">JavaScript が無効</p></noscript>",
            "<div id=\"prerendered\"><a href=\"./item/1/?q=a&amp;b\">1</a><input disabled></div></body>\n</html>\n",
        );
        let expected = page.replace(
            "data-js=\"./ueda-reform-1f.js\" data-wasm",
            "data-js=\"./ueda-reform-1f.js\" data-staff-js=\"./s-2.js\" data-staff-wasm=\"./s-2_bg.wasm\" data-wasm",
        );
        assert_eq!(
            with_staff_attributes(page, "s-2.js", "s-2_bg.wasm").unwrap(),
            expected
        );
        let twice = page.replace("</head>", "<script data-wasm=\"./b.wasm\"></script></head>");
        assert!(with_staff_attributes(&twice, "s.js", "s.wasm").is_err());
    }
}
