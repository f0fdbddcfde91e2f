//! The link-preview images (Open Graph `og:image`): one card for the site,
//! 1200×630, with the programme's name and the city's, and one per item with
//! its number and title. Drawn at build time from the current edition's data
//! with Debian's IPAGothic (`fonts-ipafont-gothic`, installed by `setup`),
//! so the Japanese text is the font's own glyphs; a character the font lacks
//! stops the build instead of printing a box.

use std::path::Path;

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use anyhow::{bail, Context, Result};
use model::share::{item_card_path, CARD_HEIGHT, CARD_WIDTH, SITE_CARD_PATH};
use model::Meta;

use crate::setup::JAPANESE_FONT;

const BLUE: [u8; 3] = [0x1d, 0x4e, 0x89];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const ORANGE: [u8; 3] = [0xfd, 0x9d, 0x24];
/// The band at the bottom that carries the city's name.
const PALE: [u8; 3] = [0xe8, 0xef, 0xf7];
const MARGIN: f32 = 72.0;
const BAND_TOP: u32 = 480;

/// Writes the site's card, `share-card.png`, into `site_dir`.
pub fn write_share_card(site_dir: &Path) -> Result<()> {
    let meta = current_meta()?;
    let font = load_font(Path::new(JAPANESE_FONT))?;
    let png = site_card(&font, &meta)?;
    let path = site_dir.join(SITE_CARD_PATH);
    std::fs::write(&path, &png).with_context(|| format!("writing {}", path.display()))?;
    println!("share card: {SITE_CARD_PATH}, {} bytes", png.len());
    Ok(())
}

/// Writes each item's card (`item/N/card.png`) into `site_dir`.
pub fn write_item_cards(site_dir: &Path) -> Result<()> {
    let data = crate::edition::data_dir(&crate::project_root());
    let (_, dataset) = crate::edition::current(&data)?;
    let font = load_font(Path::new(JAPANESE_FONT))?;
    let started = std::time::Instant::now();
    let mut bytes = 0;
    for item in &dataset.items {
        let png = item_card(&font, &dataset.meta, item.no, &item.title)?;
        let path = site_dir.join(item_card_path(item.no));
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&path, &png).with_context(|| format!("writing {}", path.display()))?;
        bytes += png.len();
    }
    println!(
        "share cards: {} items, {bytes} bytes, {} ms",
        dataset.items.len(),
        started.elapsed().as_millis()
    );
    Ok(())
}

fn current_meta() -> Result<Meta> {
    let data = crate::edition::data_dir(&crate::project_root());
    Ok(crate::edition::current(&data)?.1.meta)
}

/// The font, with a hint at `cargo xtask setup` when it is missing.
pub fn load_font(path: &Path) -> Result<FontVec> {
    let bytes = std::fs::read(path).with_context(|| {
        format!(
            "reading the Japanese font {} (Debian's fonts-ipafont-gothic; `cargo xtask setup` installs it)",
            path.display()
        )
    })?;
    FontVec::try_from_vec(bytes).with_context(|| format!("{} is not a font", path.display()))
}

/// The programme's name as the card shows it, one line a part: the
/// dataset's title without the words naming the edition
/// (「第四次上田市行財政改革大綱」「アクションプログラム」).
pub fn programme_lines(meta: &Meta) -> Vec<String> {
    meta.title
        .split_whitespace()
        .filter(|word| !word.contains(&meta.status_as_of))
        .map(str::to_owned)
        .collect()
}

/// The site's card as PNG bytes.
pub fn site_card(font: &FontVec, meta: &Meta) -> Result<Vec<u8>> {
    let mut card = Canvas::new();
    let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
    let lines = programme_lines(meta);
    // The programme's name as large as its longest line allows, at most 88 px.
    let size = lines
        .iter()
        .map(|line| fitting_size(font, line, width, 88.0))
        .fold(88.0, f32::min);
    let block = size * 1.3 * lines.len() as f32;
    let mut baseline = (BAND_TOP as f32 - block) / 2.0 + size;
    card.fill_rect(
        MARGIN as u32,
        (baseline - size * 1.25) as u32,
        120,
        10,
        ORANGE,
    );
    for line in &lines {
        card.text(font, line, MARGIN, baseline, size, WHITE)?;
        baseline += size * 1.3;
    }
    card.city_band(font, &meta.issuer)?;
    card.png()
}

/// An item's card as PNG bytes: the programme's name, the item's number
/// and its title (wrapped, up to three lines), the city's name.
pub fn item_card(font: &FontVec, meta: &Meta, no: u32, title: &str) -> Result<Vec<u8>> {
    let mut card = Canvas::new();
    let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
    let programme = programme_lines(meta).join(" ");
    let small = fitting_size(font, &programme, width, 34.0);
    card.text(font, &programme, MARGIN, MARGIN + small * 0.3, small, PALE)?;
    let number = format!("No.{no}");
    card.text(font, &number, MARGIN, 170.0, 56.0, ORANGE)?;
    // The title: 64 px where it fits in three lines, smaller where not.
    let mut size = 64.0;
    let lines = loop {
        let lines = wrap(font, title, width, size);
        if lines.len() <= 3 || size <= 36.0 {
            break lines;
        }
        size -= 4.0;
    };
    let mut baseline = 170.0 + size * 1.45;
    for line in &lines {
        card.text(font, line, MARGIN, baseline, size, WHITE)?;
        baseline += size * 1.35;
    }
    card.city_band(font, &meta.issuer)?;
    card.png()
}

/// The largest size up to `max` at which `text` is at most `width` wide.
fn fitting_size(font: &FontVec, text: &str, width: f32, max: f32) -> f32 {
    let at_max = advance(font, text, max);
    if at_max <= width {
        max
    } else {
        (max * width / at_max).floor()
    }
}

/// The width of `text` set at `size` px.
fn advance(font: &FontVec, text: &str, size: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)))
        .sum()
}

/// `text` in lines of at most `width`, broken only where Japanese line
/// breaking allows (UAX #14: never before 。、ー or small kana, never
/// inside a word of Latin letters or digits).
pub fn wrap(font: &FontVec, text: &str, width: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut last_fit: Option<usize> = None;
    for (at, _) in unicode_linebreak::linebreaks(text) {
        if at == text.len() {
            break;
        }
        let candidate = text[line_start..at].trim_end();
        if advance(font, candidate, size) <= width {
            last_fit = Some(at);
        } else if let Some(fit) = last_fit.take() {
            lines.push(text[line_start..fit].trim_end().to_owned());
            line_start = fit;
            if advance(font, text[line_start..at].trim_end(), size) <= width {
                last_fit = Some(at);
            }
        }
    }
    let rest = text[line_start..].trim_end();
    if advance(font, rest, size) > width {
        if let Some(fit) = last_fit {
            lines.push(text[line_start..fit].trim_end().to_owned());
            line_start = fit;
        }
    }
    lines.push(text[line_start..].trim_end().to_owned());
    lines.retain(|line| !line.is_empty());
    lines
}

/// An RGB image the size of a card.
struct Canvas {
    pixels: Vec<[u8; 3]>,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            pixels: vec![BLUE; (CARD_WIDTH * CARD_HEIGHT) as usize],
        }
    }

    fn blend(&mut self, x: i32, y: i32, color: [u8; 3], alpha: f32) {
        if x < 0 || y < 0 || x >= CARD_WIDTH as i32 || y >= CARD_HEIGHT as i32 {
            return;
        }
        let pixel = &mut self.pixels[(y as u32 * CARD_WIDTH + x as u32) as usize];
        // Sixteen levels of coverage are as smooth to the eye as 256, and
        // keep the card within a 256-colour palette (a third of the bytes).
        let alpha = (alpha.clamp(0.0, 1.0) * 16.0).round() / 16.0;
        for (channel, wanted) in pixel.iter_mut().zip(color) {
            *channel =
                (f32::from(*channel) * (1.0 - alpha) + f32::from(wanted) * alpha).round() as u8;
        }
    }

    fn fill_rect(&mut self, x: u32, y: u32, width: u32, height: u32, color: [u8; 3]) {
        for row in y..(y + height).min(CARD_HEIGHT) {
            for column in x..(x + width).min(CARD_WIDTH) {
                self.pixels[(row * CARD_WIDTH + column) as usize] = color;
            }
        }
    }

    /// Draws `text` with its baseline at `baseline`, from `x`; fails on a
    /// character the font has no glyph for.
    fn text(
        &mut self,
        font: &FontVec,
        text: &str,
        x: f32,
        baseline: f32,
        size: f32,
        color: [u8; 3],
    ) -> Result<()> {
        let scale = PxScale::from(size);
        let scaled = font.as_scaled(scale);
        let mut pen = x;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                bail!("the font has no glyph for {c:?} (in {text:?})");
            }
            let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, baseline));
            pen += scaled.h_advance(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        color,
                        coverage,
                    );
                });
            }
        }
        Ok(())
    }

    /// The pale band at the bottom with the city's name and the app's icon.
    fn city_band(&mut self, font: &FontVec, city: &str) -> Result<()> {
        self.fill_rect(0, BAND_TOP, CARD_WIDTH, CARD_HEIGHT - BAND_TOP, PALE);
        self.fill_rect(0, BAND_TOP, CARD_WIDTH, 8, ORANGE);
        let middle = (BAND_TOP + CARD_HEIGHT) as f32 / 2.0 + 4.0;
        self.text(font, city, MARGIN, middle + 20.0, 56.0, BLUE)?;
        let icon = 112;
        let icon_pixels = crate::pwa::draw_icon(icon, false);
        let (left, top) = (
            CARD_WIDTH - MARGIN as u32 - icon,
            (middle as u32).saturating_sub(icon / 2),
        );
        for y in 0..icon {
            for x in 0..icon {
                let at = ((y * icon + x) * 4) as usize;
                let rgba = &icon_pixels[at..at + 4];
                self.blend(
                    (left + x) as i32,
                    (top + y) as i32,
                    [rgba[0], rgba[1], rgba[2]],
                    f32::from(rgba[3]) / 255.0,
                );
            }
        }
        Ok(())
    }

    /// The card as PNG: indexed when it has at most 256 colours (it does:
    /// four colours and their blends), else RGB.
    fn png(&self) -> Result<Vec<u8>> {
        let mut palette: Vec<[u8; 3]> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut indices = Vec::with_capacity(self.pixels.len());
        // Runs of one colour are the rule: look up only where it changes.
        let mut last = None;
        for pixel in &self.pixels {
            let at = match last {
                Some((colour, at)) if colour == *pixel => at,
                _ => {
                    let next = palette.len();
                    let at = *index.entry(*pixel).or_insert(next);
                    if at == next {
                        palette.push(*pixel);
                    }
                    last = Some((*pixel, at));
                    at
                }
            };
            indices.push(at);
        }
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, CARD_WIDTH, CARD_HEIGHT);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Best);
            if palette.len() <= 256 {
                encoder.set_color(png::ColorType::Indexed);
                encoder.set_palette(palette.as_flattened().to_vec());
                let bytes: Vec<u8> = indices.iter().map(|&i| i as u8).collect();
                encoder.write_header()?.write_image_data(&bytes)?;
            } else {
                encoder.set_color(png::ColorType::Rgb);
                encoder
                    .write_header()?
                    .write_image_data(self.pixels.as_flattened())?;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> FontVec {
        load_font(Path::new(JAPANESE_FONT)).expect("run `cargo xtask setup`")
    }

    fn dataset() -> model::Dataset {
        let data = crate::project_root().join("data");
        crate::edition::current(&data).unwrap().1
    }

    /// The decoded card: its size and RGB pixels.
    fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut decoder = png::Decoder::new(png_bytes);
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgb);
        buffer.truncate(info.buffer_size());
        (info.width, info.height, buffer)
    }

    /// How many pixels of the rows `rows` are near white (the text on the
    /// blue), and how many near the band's blue text on its pale ground.
    fn count(pixels: &[u8], rows: std::ops::Range<u32>, wanted: [u8; 3]) -> usize {
        rows.flat_map(|y| (0..CARD_WIDTH).map(move |x| ((y * CARD_WIDTH + x) * 3) as usize))
            .filter(|&at| {
                pixels[at..at + 3]
                    .iter()
                    .zip(wanted)
                    .all(|(&got, want)| got.abs_diff(want) < 40)
            })
            .count()
    }

    #[test]
    fn the_site_card_is_1200_by_630_with_the_programme_and_the_city() {
        let dataset = dataset();
        assert_eq!(
            programme_lines(&dataset.meta),
            ["第四次上田市行財政改革大綱", "アクションプログラム"]
        );
        let png = site_card(&font(), &dataset.meta).unwrap();
        let (width, height, pixels) = decode(&png);
        assert_eq!((width, height), (1200, 630));
        // Text above the band: 23 characters at about 80 px cover several
        // per cent of the area in white; a blank card has none.
        let text = count(&pixels, 0..BAND_TOP, WHITE);
        let area = (CARD_WIDTH * BAND_TOP) as usize;
        assert!(text > area / 40, "{text} white pixels of {area}");
        // The city's name in blue on the pale band, left of the icon.
        let band_text = (BAND_TOP + 20..CARD_HEIGHT)
            .flat_map(|y| (0..600).map(move |x| ((y * CARD_WIDTH + x) * 3) as usize))
            .filter(|&at| {
                pixels[at..at + 3]
                    .iter()
                    .zip(BLUE)
                    .all(|(&g, w)| g.abs_diff(w) < 40)
            })
            .count();
        assert!(band_text > 1500, "{band_text} blue pixels in the band");
        assert!(png.len() < 100_000, "{} bytes", png.len());
    }

    #[test]
    fn a_character_the_font_lacks_stops_the_card() {
        let mut meta = dataset().meta;
        meta.issuer = "上田市\u{1F3EF}".into();
        let error = site_card(&font(), &meta).unwrap_err().to_string();
        assert!(error.contains("no glyph"), "{error}");
    }

    /// Every item's title wraps within the card, in at most three lines,
    /// breaking only where Japanese allows, and every character is drawn
    /// from the font.
    #[test]
    fn every_item_title_fits_its_card() {
        let font = font();
        let width = CARD_WIDTH as f32 - 2.0 * MARGIN;
        for item in &dataset().items {
            let lines = wrap(&font, &item.title, width, 52.0);
            assert!(lines.len() <= 3, "No.{}: {lines:?}", item.no);
            assert_eq!(lines.concat().replace(' ', ""), item.title.replace(' ', ""));
            for line in &lines {
                assert!(
                    advance(&font, line, 52.0) <= width,
                    "No.{}: {line}",
                    item.no
                );
                let first = line.chars().next().unwrap();
                assert!(
                    !"、。）」ーぁぃぅぇぉっゃゅょァィゥェォッャュョ".contains(first),
                    "{line}"
                );
            }
        }
        let long = "地域協議会と住民自治組織の役割の明確化及び住民自治組織の全市域への設立";
        let lines = wrap(&font, long, width, 64.0);
        assert!(lines.len() >= 2, "{lines:?}");
    }

    #[test]
    fn an_item_card_is_a_card() {
        let dataset = dataset();
        let item = &dataset.items[44];
        let png = item_card(&font(), &dataset.meta, item.no, &item.title).unwrap();
        let (width, height, pixels) = decode(&png);
        assert_eq!((width, height), (1200, 630));
        assert!(count(&pixels, 180..BAND_TOP, WHITE) > 10_000);
        assert_eq!(item_card_path(45), "item/45/card.png");
    }
}
