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
mod flags;
#[cfg(test)]
mod guide;
mod imports;
mod interface_text;
mod open_data;
mod postbuild;
mod pwa;
mod release_stamp;
mod revision;
mod run;
mod serve;
mod setup;
mod share_card;
mod staff_bundle;
mod test;
mod validate;

use std::path::{Path, PathBuf};

use flags::{EditionCmd, XtaskCmd};

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
    let flags = match flags::Xtask::from_env() {
        Ok(flags) => flags,
        Err(error) if error.is_help() => {
            println!("{USAGE}");
            return;
        }
        Err(error) => {
            eprintln!("{error}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(flags.subcommand) {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn run(command: XtaskCmd) -> anyhow::Result<()> {
    match command {
        XtaskCmd::Serve(flags) => serve::run(&flags),
        XtaskCmd::Test(_) => test::run(),
        XtaskCmd::Check(_) => test::architecture(&project_root()),
        XtaskCmd::Data(flags) => data::run(&project_root(), flags.check),
        XtaskCmd::Edition(flags) => match flags.subcommand {
            EditionCmd::Add(add) => edition::run(&project_root(), &add),
        },
        XtaskCmd::Bench(flags) => bench::run(&flags),
        XtaskCmd::Postbuild(flags) => postbuild::run(flags.dir),
        XtaskCmd::Precache(flags) => pwa::write_service_worker(&flags.dir),
        XtaskCmd::Feed(flags) => feed::write_feed(&flags.dir),
        XtaskCmd::Discovery(flags) => discovery::write_discovery_files(&flags.dir),
        XtaskCmd::ShareCard(flags) => {
            share_card::write_share_card(&flags.dir)?;
            if flags.items {
                share_card::write_item_cards(&flags.dir)?;
            }
            Ok(())
        }
        XtaskCmd::Validate(flags) => {
            let root = project_root();
            let site = flags.dir.unwrap_or_else(|| root.join("dist"));
            validate::workflows(&root)?;
            validate::html_pages(&root, &site)?;
            validate::open_data(&root, &site)
        }
        XtaskCmd::Icons(_) => pwa::icons(&project_root()),
        XtaskCmd::Setup(_) => setup::Toolchain::ensure(),
    }
}

/// The repository root (the parent of this crate's directory).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the project root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn parse(line: &str) -> xflags::Result<XtaskCmd> {
        let args = line.split_whitespace().map(Into::into).collect();
        flags::Xtask::from_vec(args).map(|flags| flags.subcommand)
    }

    #[test]
    fn every_command_line_of_the_help_parses() {
        let optional = Regex::new(r"\[([^\]]*)\]").unwrap();
        let placeholder = Regex::new(r"\b(N|FILE|DIR)\b").unwrap();
        let commands = USAGE
            .lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter(|l| !l.starts_with(' '))
            .map(|l| l.split("  ").next().unwrap());
        let mut count = 0;
        for command in commands {
            let with = optional.replace_all(command, "$1");
            let without = optional.replace_all(command, "");
            for line in [with, without] {
                let line = placeholder.replace_all(&line, "8081");
                assert!(parse(&line).is_ok(), "{line}");
            }
            count += 1;
        }
        assert_eq!(count, 14);
    }

    #[test]
    fn flags_carry_their_values() {
        let XtaskCmd::Serve(serve) = parse("serve --port 8081 --release").unwrap() else {
            panic!()
        };
        assert_eq!((serve.release, serve.port), (true, Some(8081)));
        let XtaskCmd::Edition(edition) = parse("edition add next.json --data d").unwrap() else {
            panic!()
        };
        let EditionCmd::Add(add) = edition.subcommand;
        assert_eq!((add.file, add.data), ("next.json".into(), Some("d".into())));
        assert!(parse("serve --port none").is_err());
        assert!(parse("share-card").is_err());
        assert!(parse("unknown").is_err());
        assert!(parse("").is_err());
        assert!(parse("--help").unwrap_err().is_help());
    }
}
