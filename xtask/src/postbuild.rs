//! `cargo xtask postbuild [DIR]`: what every build needs after trunk has
//! written it, run by trunk's post-build hook on its staging folder (one
//! command, since hooks of one stage run concurrently):
//!
//! 1. the staff bundle: content-hashed and named on the page (`staff_bundle`);
//! 2. the open-data files (`open_data`) and the Atom feed (`feed`);
//! 3. prerender: every page (both languages) and `404.html` as static HTML,
//!    rendered from the app's components by the `prerender` binary (native,
//!    `ssr` feature); then the link-preview cards (`share_card`) and, with
//!    the site's address, `sitemap.xml` and `robots.txt` (`discovery`);
//! 4. release builds only: the service worker's precache list (`pwa`);
//! 5. release builds only: `.br` and `.gz` beside every compressible file, for
//!    hosts that serve precompressed files (nginx `gzip_static`, GitLab Pages).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::files::files_under;
use crate::pwa;
use xshell::cmd;

use crate::run::shell;

/// `postbuild [DIR]`: a release build in DIR, or trunk's build.
pub fn run(dir: Option<PathBuf>) -> Result<()> {
    let (dir, release) = match dir {
        Some(dir) => (dir, true),
        None => (
            PathBuf::from(std::env::var("TRUNK_STAGING_DIR").context(
                "give a directory, or run from trunk's post_build hook (TRUNK_STAGING_DIR)",
            )?),
            std::env::var("TRUNK_PROFILE").as_deref() == Ok("release"),
        ),
    };
    crate::staff_bundle::name_in_page(&dir)?;
    crate::open_data::write(&crate::project_root(), &dir)?;
    crate::feed::write_feed(&dir)?;
    prerender(&dir)?;
    // Link previews: the site's card always; each item's own card and the
    // files for search engines only with the site's address, without which
    // no page links to them.
    crate::share_card::write_share_card(&dir)?;
    let site = crate::discovery::site_config(&crate::edition::data_dir(&crate::project_root()))?;
    if site.site_url.get().is_some() {
        crate::share_card::write_item_cards(&dir)?;
    }
    crate::discovery::write_discovery_files(&dir)?;
    // A debug build (`trunk serve`) keeps the template's do-nothing worker,
    // so development is never served stale files.
    if release {
        pwa::write_service_worker(&dir)?;
        compress(&dir)?;
    }
    Ok(())
}

/// Cargo arguments that select the prerenderer's build: the app's package
/// with the `ssr` feature instead of the browser's `csr`.
pub const PRERENDERER: [&str; 5] = [
    "--package",
    "ueda-reform",
    "--no-default-features",
    "--features",
    "ssr",
];

/// Runs the prerenderer natively: its own feature set (`ssr`), so it never
/// shares a build with the wasm app's (`csr`).
pub fn prerender(dir: &Path) -> Result<()> {
    let sh = shell()?;
    // trunk builds for wasm; the prerenderer runs on this machine. It always
    // builds in the project's own target folder, so a build elsewhere (the
    // benchmark's) reuses it rather than compiling Leptos natively again.
    cmd!(
        sh,
        "cargo run --quiet {PRERENDERER...} --bin prerender -- {dir}"
    )
    .env_remove("CARGO_BUILD_TARGET")
    .env("CARGO_TARGET_DIR", crate::project_root().join("target"))
    .run()
    .context("prerendering the pages")
}

/// Files worth compressing (everything but images already compressed).
const COMPRESSIBLE: [&str; 10] = [
    "html",
    "js",
    "wasm",
    "css",
    "json",
    "svg",
    "webmanifest",
    "csv",
    "xml",
    "txt",
];

/// Writes `NAME.br` (quality 11) and `NAME.gz` (level 9) beside each compressible file.
pub fn compress(dir: &Path) -> Result<()> {
    let files: Vec<PathBuf> = files_under(dir)?
        .into_iter()
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e))
        })
        .collect();
    let (mut raw, mut brotli_total) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file)?;
        let br = brotli_bytes(&bytes)?;
        let gz = gzip_bytes(&bytes)?;
        raw += bytes.len();
        brotli_total += br.len();
        std::fs::write(with_suffix(file, "br"), br)?;
        std::fs::write(with_suffix(file, "gz"), gz)?;
    }
    println!(
        "compress: {} files, {raw} bytes raw, {brotli_total} bytes brotli",
        files.len()
    );
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

pub fn brotli_bytes(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

pub fn gzip_bytes(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_copies_decompress_to_the_original() {
        let text = "第四次上田市行財政改革大綱 アクションプログラム ".repeat(50);
        let br = brotli_bytes(text.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10);
        let gz = gzip_bytes(text.as_bytes()).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
            .unwrap();
        assert_eq!(back, text);
    }
}
