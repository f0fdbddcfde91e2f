//! Offline support at build time: the service worker's precache list and the
//! app icons.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::files::files_under;
use crate::revision::revision;

/// Lists every file of `dir` with a content hash and writes them, and a
/// version made of all hashes, into `dir/sw.js`.
pub fn write_service_worker(dir: &Path) -> Result<()> {
    let sw_path = dir.join("sw.js");
    let template = std::fs::read_to_string(&sw_path).context("reading sw.js")?;
    let mut files = Vec::new();
    for path in files_under(dir)? {
        let url = path
            .strip_prefix(dir)?
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((url, revision(&std::fs::read(&path)?)));
    }
    // Not precached: the worker itself, compressed copies (the host picks
    // those) and what only crawlers and link previews fetch. Every page is:
    // each page is its own HTML (the app does not render pages), so a page
    // read offline must have been kept.
    files.retain(|(url, _)| precached(url));
    files.sort();
    // The staff bundle is listed apart: citizens never download it; the
    // worker keeps it once staff mode has loaded it, and fetches a new
    // release's copy only on devices that had one.
    let (staff, files): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(url, _)| url.starts_with(crate::staff_bundle::NAME));
    let entries = |files: &[(String, String)]| -> Vec<String> {
        files
            .iter()
            .map(|(url, revision)| format!("  {{ url: {url:?}, revision: \"{revision}\" }},"))
            .collect()
    };
    let precache = entries(&files);
    let staff = entries(&staff);
    let version = revision([precache.join("\n"), staff.join("\n")].concat().as_bytes());
    let sw = replace_line(
        &template,
        "const PRECACHE = ",
        &format!("const PRECACHE = [\n{}\n];", precache.join("\n")),
    )?;
    let sw = replace_line(
        &sw,
        "const STAFF_FILES = ",
        &format!("const STAFF_FILES = [\n{}\n];", staff.join("\n")),
    )?;
    let sw = replace_line(
        &sw,
        "const VERSION = ",
        &format!("const VERSION = '{version}';"),
    )?;
    std::fs::write(&sw_path, sw).context("writing sw.js")?;
    println!("precache: {} files, version {version}", files.len());
    Ok(())
}

/// Whether the service worker precaches the file at `url` (relative to the
/// site). Not: the worker itself, compressed copies (the host picks those),
/// the item pages, which the worker answers offline from the app shell
/// (`?item=N`) instead of downloading 61 pages on a first visit, and what
/// only crawlers and link previews fetch (the share cards, the sitemap and
/// robots files), which a visitor never needs offline.
fn precached(url: &str) -> bool {
    url != "sw.js"
        && !url.ends_with(".br")
        && !url.ends_with(".gz")
        && !url.ends_with("/card.png")
        && url != model::share::SITE_CARD_PATH
        && url != model::discovery::SITEMAP
        && url != model::discovery::ROBOTS
}

/// Replaces the one line starting with `prefix` (the template's or a previous run's
/// multi-line list, which ends at the first line ending in `;`).
fn replace_line(text: &str, prefix: &str, with: &str) -> Result<String> {
    let Some(start) = text.find(prefix) else {
        bail!("sw.js has no line starting with `{prefix}`")
    };
    let end = text[start..]
        .find(";\n")
        .map(|i| start + i + 2)
        .context("unterminated statement in sw.js")?;
    Ok(format!("{}{}\n{}", &text[..start], with, &text[end..]))
}

/// The app icons in public/icons/: file name, size in pixels, maskable.
const ICONS: [(&str, u32, bool); 3] = [
    ("icon-192.png", 192, false),
    ("icon-512.png", 512, false),
    ("maskable-512.png", 512, true),
];

/// `cargo xtask icons`: draws the app icons into public/icons/.
pub fn icons(root: &Path) -> Result<()> {
    let dir = root.join("public").join("icons");
    std::fs::create_dir_all(&dir)?;
    for (name, size, maskable) in ICONS {
        let pixels = draw_icon(size, maskable);
        let file = std::fs::File::create(dir.join(name))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), size, size);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.write_header()?.write_image_data(&pixels)?;
        println!("icons: wrote public/icons/{name}");
    }
    Ok(())
}

/// The icon: a white document with three lines and a tick on the brand blue.
/// Plain icons are rounded squares; the maskable one fills the canvas and keeps
/// its drawing inside the central safe zone (80 %).
pub fn draw_icon(size: u32, maskable: bool) -> Vec<u8> {
    const BLUE: [u8; 4] = [0x1d, 0x4e, 0x89, 0xff];
    const WHITE: [u8; 4] = [0xff, 0xff, 0xff, 0xff];
    const ORANGE: [u8; 4] = [0xfd, 0x9d, 0x24, 0xff];
    const CLEAR: [u8; 4] = [0, 0, 0, 0];
    let s = size as f32;
    // The drawing's scale: smaller in the maskable icon, so masks never cut it.
    let k = if maskable { 0.8 } else { 1.0 };
    let at = |v: f32| s / 2.0 + (v - 0.5) * s * k;
    let (doc_l, doc_r, doc_t, doc_b) = (at(0.27), at(0.73), at(0.2), at(0.8));
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    for y in 0..size {
        for x in 0..size {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            let inside_square = maskable || rounded_rect(px, py, 0.0, s, 0.0, s, s * 0.18);
            let mut color = if inside_square { BLUE } else { CLEAR };
            if rounded_rect(px, py, doc_l, doc_r, doc_t, doc_b, s * k * 0.04) {
                color = WHITE;
                for line in 0..3 {
                    let top = at(0.3 + 0.1 * line as f32);
                    let right = if line == 2 { at(0.52) } else { at(0.65) };
                    if px >= at(0.35) && px <= right && py >= top && py <= top + s * k * 0.045 {
                        color = BLUE;
                    }
                }
            }
            // A tick in a circle at the lower right: the reform's progress.
            let (cx, cy, r) = (at(0.68), at(0.7), s * k * 0.16);
            let d = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
            if d <= r {
                color = ORANGE;
                let width = s * k * 0.035;
                let a = (at(0.6), at(0.7));
                let b = (at(0.66), at(0.76));
                let c = (at(0.77), at(0.63));
                if distance_to_segment((px, py), a, b) <= width
                    || distance_to_segment((px, py), b, c) <= width
                {
                    color = WHITE;
                }
            }
            pixels.extend_from_slice(&color);
        }
    }
    pixels
}

fn rounded_rect(x: f32, y: f32, l: f32, r: f32, t: f32, b: f32, radius: f32) -> bool {
    if x < l || x > r || y < t || y > b {
        return false;
    }
    let cx = x.clamp(l + radius, r - radius);
    let cy = y.clamp(t + radius, b - radius);
    (x - cx).powi(2) + (y - cy).powi(2) <= radius * radius
}

fn distance_to_segment(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precache_list_replaces_the_template_and_a_previous_list() {
        let template = "const VERSION = 'dev';\nconst PRECACHE = [];\nrest();\n";
        let once = replace_line(
            template,
            "const PRECACHE = ",
            "const PRECACHE = [\n  a,\n];",
        )
        .unwrap();
        assert_eq!(
            once,
            "const VERSION = 'dev';\nconst PRECACHE = [\n  a,\n];\nrest();\n"
        );
        let twice = replace_line(&once, "const PRECACHE = ", "const PRECACHE = [];").unwrap();
        assert_eq!(twice, template);
    }

    #[test]
    fn every_page_is_precached_but_not_crawlers_files() {
        for url in [
            "index.html",
            "item/17/index.html",
            "en/overview/index.html",
            "boot.js",
            "icons/icon-192.png",
            "open-data/r4-end.json",
        ] {
            assert!(precached(url), "{url}");
        }
        for url in [
            "sw.js",
            "index.html.br",
            "main.css.gz",
            "item/17/card.png",
            "share-card.png",
            "sitemap.xml",
            "robots.txt",
        ] {
            assert!(!precached(url), "{url}");
        }
    }

    #[test]
    fn the_committed_icons_are_the_drawn_ones() {
        let root = crate::project_root();
        for (name, size, maskable) in ICONS {
            let file = std::fs::File::open(root.join("public/icons").join(name))
                .expect("run `cargo xtask icons`");
            let mut reader = png::Decoder::new(std::io::BufReader::new(file))
                .read_info()
                .unwrap();
            let mut buffer = vec![0; reader.output_buffer_size()];
            let info = reader.next_frame(&mut buffer).unwrap();
            assert_eq!((info.width, info.height), (size, size));
            assert!(
                buffer[..info.buffer_size()] == draw_icon(size, maskable)[..],
                "{name} is stale: run `cargo xtask icons`"
            );
        }
    }
}
