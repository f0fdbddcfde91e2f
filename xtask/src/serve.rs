//! `cargo xtask serve`: build the app and serve it on 127.0.0.1 with trunk.

use anyhow::Result;

use xshell::cmd;

use crate::flags;
use crate::run::shell;
use crate::setup::Toolchain;

pub fn run(flags: &flags::Serve) -> Result<()> {
    let port = flags.port.unwrap_or(8080);
    Toolchain::ensure()?;
    let port_text = port.to_string();
    let release = flags.release.then_some("--release");
    println!("serve: building, then serving at http://127.0.0.1:{port}/ (Ctrl+C stops)");
    let sh = shell()?;
    cmd!(
        sh,
        "trunk serve --address 127.0.0.1 --port {port_text} {release...}"
    )
    .run()?;
    Ok(())
}
