//! Running external commands with the project's PATH, echoing what runs.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::project_root;

/// A command rooted at the project directory, with the project's tools first on PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(project_root())
        .env("PATH", project_path());
    command
}

/// PATH with npm's `.bin` (the pinned wasm-opt, Playwright) and cargo's bin first.
///
/// npm's wasm-opt must come before /usr/bin: Debian's older wasm-opt breaks the app.
pub fn project_path() -> std::ffi::OsString {
    let mut dirs = vec![
        project_root().join("node_modules").join(".bin"),
        cargo_bin(),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs a command to completion with inherited output; fails on a non-zero exit.
pub fn status(mut command: Command) -> Result<()> {
    let line = describe(&command);
    println!("$ {line}");
    let status = command
        .status()
        .with_context(|| format!("could not start `{line}`"))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Runs a command, echoing its stdout live and also returning it, with its success.
pub fn tee(mut command: Command) -> Result<(bool, String)> {
    let line = describe(&command);
    println!("$ {line}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    let mut captured = String::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    for text in BufReader::new(stdout).lines() {
        let text = text?;
        println!("{text}");
        captured.push_str(&text);
        captured.push('\n');
    }
    Ok((child.wait()?.success(), captured))
}

/// Runs a command quietly and returns its trimmed stdout, or None if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program, args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
