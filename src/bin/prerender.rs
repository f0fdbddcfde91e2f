//! Writes the pages a visitor sees first as static HTML, rendered natively
//! from the app's own components, into a built site (trunk's staging folder).
//!
//! `cargo xtask postbuild` runs it after every trunk build:
//! `prerender DIR` reads `DIR/index.html` (trunk's page, with its hashed
//! assets), puts the list into it, and writes `DIR/item/N/index.html` for
//! every item. Content paints before any wasm arrives, the pages read with
//! JavaScript off, and search engines index each item. The app takes the
//! page over when it starts (`app::start`).

use std::path::{Path, PathBuf};

use app::prerender::{item_page_head, render_page, Template};

fn main() {
    let dir: PathBuf = match std::env::args().nth(1) {
        Some(dir) => dir.into(),
        None => {
            eprintln!("usage: prerender DIR (a built site with index.html)");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(&dir) {
        eprintln!("prerender: {error}");
        std::process::exit(1);
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let page =
        std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let template = Template::parse(&page)?;

    write(&index, &template.page("./", None, &render_page("/")))?;
    let items = &app::data::app_data().dataset.items;
    for item in items {
        let path = format!("/item/{}/", item.no);
        let body = render_page(&path);
        let html = template.page("../../", Some(item_page_head(item)), &body);
        let file = dir.join(format!("item/{}/index.html", item.no));
        std::fs::create_dir_all(file.parent().expect("a file has a folder"))
            .map_err(|e| format!("creating {}: {e}", file.display()))?;
        write(&file, &html)?;
    }
    println!("prerender: the list and {} item pages", items.len());
    Ok(())
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    std::fs::write(path, html).map_err(|e| format!("writing {}: {e}", path.display()))
}
