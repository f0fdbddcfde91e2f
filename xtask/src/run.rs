//! Running external commands through xshell, from the project's root with
//! the project's tools first on PATH.
//!
//! `cmd!(sh, "…").run()` echoes the command line and fails with it and the
//! exit status; [`tee`] and [`stdout`] cover what xshell does not.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, Result};
use xshell::{Cmd, Shell};

use crate::project_root;

/// A shell rooted at the project directory, with the project's tools first on PATH.
pub fn shell() -> Result<Shell> {
    let sh = Shell::new()?;
    sh.change_dir(project_root());
    sh.set_var("PATH", project_path());
    Ok(sh)
}

/// PATH with npm's `.bin` (the pinned wasm-opt, Playwright) and cargo's bin first.
///
/// npm's wasm-opt must come before /usr/bin: Debian's older wasm-opt breaks the app.
fn project_path() -> std::ffi::OsString {
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
fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// Runs a command, echoing its stdout live and also returning it, with its success.
pub fn tee(command: Cmd<'_>) -> Result<(bool, String)> {
    let line = command.to_string();
    eprintln!("$ {line}");
    let mut child = Command::from(command)
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
pub fn stdout(command: Cmd<'_>) -> Option<String> {
    let out = command.ignore_stderr().read().ok()?;
    Some(out.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use xshell::cmd;

    #[test]
    fn commands_run_in_the_project_with_its_tools_first_on_path() {
        let sh = shell().unwrap();
        let dir = stdout(cmd!(sh, "pwd")).unwrap();
        assert_eq!(Path::new(&dir), project_root());
        let path = stdout(cmd!(sh, "sh -c 'echo $PATH'")).unwrap();
        let bin = project_root().join("node_modules").join(".bin");
        assert!(path.starts_with(bin.to_str().unwrap()), "{path}");
    }

    #[test]
    fn a_failed_command_is_named_with_its_status() {
        let sh = shell().unwrap();
        let error = cmd!(sh, "sh -c 'exit 3'").run().unwrap_err().to_string();
        assert!(error.contains(r#"`sh -c "exit 3"`"#), "{error}");
        assert!(error.ends_with(": 3"), "{error}");
        assert_eq!(stdout(cmd!(sh, "sh -c 'exit 3'")), None);
        let (ok, out) = tee(cmd!(sh, "sh -c 'echo one; exit 1'")).unwrap();
        assert_eq!((ok, out.as_str()), (false, "one\n"));
    }
}
