//! Writes every page of the site as static HTML, rendered natively from the
//! app's components, into a built site (trunk's staging folder).
//!
//! `cargo xtask postbuild` runs it after every trunk build: `prerender DIR`
//! reads `DIR/index.html` (trunk's page, with its hashed assets) and writes
//! each page into it: the list as `DIR/index.html`, the others as
//! `DIR/<page>/index.html` (`item/17/`, `en/overview/`, …). Content paints
//! before any wasm arrives, the pages read with JavaScript off, search
//! engines index each page, and in the browser only the pages' islands come
//! alive (`app::start`).

use std::path::{Path, PathBuf};

use app::prerender::{render_not_found, render_page, Template};
use model::view_state::ViewState;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    #[cfg(feature = "bench")]
    if args.first().map(String::as_str) == Some("--synthetic") {
        if let Err(error) = synthetic(&args[1..]) {
            eprintln!("prerender: {error}");
            std::process::exit(1);
        }
        return;
    }
    let dir: PathBuf = match args.first() {
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
    let items = app::data::app_data()
        .dataset
        .items
        .iter()
        .map(|item| item.no);
    let pages = ViewState::built_pages(items);
    for state in &pages {
        let html = template.page(state, &render_page(state));
        let file = dir.join(state.page_path()).join("index.html");
        std::fs::create_dir_all(file.parent().expect("a file has a folder"))
            .map_err(|e| format!("creating {}: {e}", file.display()))?;
        std::fs::write(&file, html).map_err(|e| format!("writing {}: {e}", file.display()))?;
    }
    let not_found = dir.join("404.html");
    std::fs::write(&not_found, template.not_found_page(&render_not_found()))
        .map_err(|e| format!("writing {}: {e}", not_found.display()))?;
    println!("prerender: {} pages and 404.html", pages.len());
    Ok(())
}

/// Benchmark builds (`bench` feature): `prerender --synthetic N[,N…] DIR`
/// writes, into a site already built and prerendered with the `bench`
/// feature, the list of N generated items as `DIR/synthetic/N/index.html`
/// for each N (`cargo xtask bench` measures 1,000 and 10,000 items there).
#[cfg(feature = "bench")]
fn synthetic(args: &[String]) -> Result<(), String> {
    const USAGE: &str = "usage: prerender --synthetic N[,N…] DIR";
    let [sizes, dir] = args else {
        return Err(USAGE.into());
    };
    let sizes: Vec<usize> = sizes
        .split(',')
        .map(|n| {
            n.trim()
                .parse()
                .map_err(|_| format!("{n}: not a size; {USAGE}"))
        })
        .collect::<Result<_, _>>()?;
    let dir = Path::new(dir);
    let index = dir.join("index.html");
    let list =
        std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    for n in sizes {
        let page = app::prerender::synthetic_list_page(&list, n)?;
        let folder = dir.join(app::prerender::synthetic_page_dir(n));
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("creating {}: {e}", folder.display()))?;
        let file = folder.join("index.html");
        std::fs::write(&file, page).map_err(|e| format!("writing {}: {e}", file.display()))?;
        println!("prerender: the list of {n} synthetic items");
    }
    Ok(())
}
