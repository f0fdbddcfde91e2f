//! `cargo xtask serve`: build the app and serve it on 127.0.0.1 with trunk.

use anyhow::{Context, Result};

use xshell::cmd;

use crate::run::shell;
use crate::setup::Toolchain;

pub fn run(args: &[String]) -> Result<()> {
    let release = args.iter().any(|a| a == "--release");
    let port = match args.iter().position(|a| a == "--port") {
        Some(i) => args
            .get(i + 1)
            .context("--port needs a number")?
            .parse::<u16>()
            .context("--port needs a number")?,
        None => 8080,
    };
    Toolchain::ensure()?;
    let port_text = port.to_string();
    let release = release.then_some("--release");
    println!("serve: building, then serving at http://127.0.0.1:{port}/ (Ctrl+C stops)");
    let sh = shell()?;
    cmd!(
        sh,
        "trunk serve --address 127.0.0.1 --port {port_text} {release...}"
    )
    .run()?;
    Ok(())
}
