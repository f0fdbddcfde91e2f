//! Project automation: `cargo xtask <command>`.
//!
//! Every command first installs what it needs and is missing (see `setup`),
//! so a fresh clone needs nothing but the Rust toolchain, Node and npm.

mod accessibility;
mod bench;
mod data;
mod edition;
mod files;
mod imports;
mod open_data;
mod postbuild;
mod pwa;
mod run;
mod serve;
mod setup;
mod staff_bundle;
mod test;

use std::path::{Path, PathBuf};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--release] [--port N]   install what is missing, build and serve the app on 127.0.0.1
  test                           install what is missing, then run every check and test
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
  icons                          draw the app icons into public/icons/
  setup                          only install what is missing";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(),
        Some("data") => data::run(&project_root(), args.iter().any(|a| a == "--check")),
        Some("edition") => edition::run(&project_root(), &args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("postbuild") => postbuild::run(&args[1..]),
        Some("precache") => match args.get(1) {
            Some(dir) => pwa::write_service_worker(Path::new(dir)),
            None => Err(anyhow::anyhow!("usage: cargo xtask precache DIR")),
        },
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
