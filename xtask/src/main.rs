//! Project automation: `cargo xtask <command>`.
//!
//! Every command first installs what it needs and is missing (see `setup`),
//! so a fresh clone needs nothing but the Rust toolchain, Node and npm.

mod accessibility;
mod bench;
mod data;
mod discovery;
mod edition;
mod feed;
mod files;
#[cfg(test)]
mod guide;
mod imports;
mod interface_text;
mod open_data;
mod postbuild;
mod pwa;
mod release_stamp;
mod run;
mod serve;
mod setup;
mod share_card;
mod staff_bundle;
mod test;
mod validate;

use std::path::{Path, PathBuf};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--release] [--port N]   install what is missing, build and serve the app on 127.0.0.1
  test                           install what is missing, then run every check and test
  check                          only the architecture invariants (layers, import cycles)
  data [--check]                 extract data/action-program.json from the source text
                                 (--check: fail if the committed file is stale)
  edition add FILE [--data DIR]  check a compiled dataset (from 「報告の取りまとめ」) against the
                                 current edition and add it to data/editions/ as the next one
  bench                          build the release app and measure size, load time, search
                                 latency and memory in headless Chromium (target/bench/report.json)
  postbuild [DIR]                prerender the pages into a build, then (release) write the
                                 service worker's precache list and precompress (run by
                                 trunk after each build)
  precache DIR                   only write the service worker's precache list into DIR/sw.js
  feed DIR                       only write the Atom feed (one entry per edition) into DIR/feed.xml
  discovery DIR                  write DIR/sitemap.xml and DIR/robots.txt when data/site.json
                                 sets site_url (the pages are DIR's index.html files)
  share-card DIR [--items]       draw the link-preview card into DIR/share-card.png
                                 (--items: also each item's, DIR/item/N/card.png)
  validate [DIR]                 run the external validators (workflow schema, Nu Html Checker,
                                 open-data schema) over a built site (default dist/)
  icons                          draw the app icons into public/icons/
  setup                          only install what is missing";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(),
        Some("check") => test::architecture(&project_root()),
        Some("data") => data::run(&project_root(), args.iter().any(|a| a == "--check")),
        Some("edition") => edition::run(&project_root(), &args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("postbuild") => postbuild::run(&args[1..]),
        Some("precache") => match args.get(1) {
            Some(dir) => pwa::write_service_worker(Path::new(dir)),
            None => Err(anyhow::anyhow!("usage: cargo xtask precache DIR")),
        },
        Some("feed") => feed::run(&args[1..]),
        Some("discovery") => match args.get(1) {
            Some(dir) => discovery::write_discovery_files(Path::new(dir)),
            None => Err(anyhow::anyhow!("usage: cargo xtask discovery DIR")),
        },
        Some("share-card") => match args.get(1) {
            Some(dir) if args.iter().any(|a| a == "--items") => {
                share_card::write_share_card(Path::new(dir))
                    .and_then(|()| share_card::write_item_cards(Path::new(dir)))
            }
            Some(dir) => share_card::write_share_card(Path::new(dir)),
            None => Err(anyhow::anyhow!(
                "usage: cargo xtask share-card DIR [--items]"
            )),
        },
        Some("validate") => {
            let root = project_root();
            let site = args.get(1).map_or_else(|| root.join("dist"), PathBuf::from);
            validate::workflows(&root)
                .and_then(|()| validate::html_pages(&root, &site))
                .and_then(|()| validate::open_data(&root, &site))
        }
        Some("icons") => pwa::icons(&project_root()),
        Some("setup") => setup::Toolchain::ensure(),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(error) = result {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

/// The repository root (the parent of this crate's directory).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the project root")
        .to_path_buf()
}
