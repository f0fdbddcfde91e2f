//! Which commit `dist/` was built from, so that `cargo xtask bench` can take
//! the release build `cargo xtask test` just made instead of running trunk's
//! whole pipeline again (wasm-bindgen, wasm-opt on both bundles and every
//! postbuild step: minutes on two cores, for the same files).
//!
//! `cargo xtask test` records, after its release build, the commit and the
//! written `dist/index.html`'s size and modification time, but only when the
//! working tree is clean (otherwise the build is of no commit). The stamp
//! holds while the commit is still checked out, the tree still clean and
//! `dist/index.html` untouched: any other build into `dist/` (`cargo xtask
//! serve`, a plain `trunk build`) rewrites that file and so invalidates it.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use xshell::cmd;

use crate::run::{shell, stdout};

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Stamp {
    commit: String,
    index_bytes: u64,
    index_modified_ns: u128,
}

fn stamp_file(root: &Path) -> PathBuf {
    root.join("target").join("release-build.json")
}

/// The stamp `dist/` would have now, if the tree is a clean checkout.
fn current(root: &Path) -> Option<Stamp> {
    let sh = shell().ok()?;
    let git = |args: &[&str]| stdout(cmd!(sh, "git -C {root} {args...}"));
    let commit = git(&["rev-parse", "HEAD"])?;
    // Untracked files count too: a new source file changes the build.
    if !git(&["status", "--porcelain"])?.is_empty() {
        return None;
    }
    let index = std::fs::metadata(root.join("dist").join("index.html")).ok()?;
    Some(Stamp {
        commit,
        index_bytes: index.len(),
        index_modified_ns: index
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    })
}

/// After a release build into `dist/`: records what it was built from, or
/// removes an older record when the tree is not a clean checkout.
pub fn record(root: &Path) -> Result<()> {
    let file = stamp_file(root);
    match current(root) {
        Some(stamp) => std::fs::write(file, serde_json::to_string_pretty(&stamp)?)?,
        None if file.exists() => std::fs::remove_file(file)?,
        None => {}
    }
    Ok(())
}

/// The commit `dist/` is a release build of, if it is one of what is checked
/// out now.
pub fn dist_is_current(root: &Path) -> Option<String> {
    let recorded: Stamp =
        serde_json::from_str(&std::fs::read_to_string(stamp_file(root)).ok()?).ok()?;
    (current(root)? == recorded).then_some(recorded.commit)
}

#[cfg(test)]
mod tests {
    use super::{dist_is_current, record};
    use crate::run::{shell, stdout};
    use xshell::cmd;

    #[test]
    fn a_stamp_holds_for_the_clean_commit_and_its_untouched_build_only() {
        let root = std::env::temp_dir().join(format!("release-stamp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("dist")).unwrap();
        std::fs::create_dir_all(root.join("target")).unwrap();
        std::fs::write(root.join(".gitignore"), "dist/\ntarget/\n").unwrap();
        std::fs::write(root.join("source.txt"), "one").unwrap();
        let sh = shell().unwrap();
        let git = |args: &[&str]| {
            let user = ["-c", "user.name=t", "-c", "user.email=t@t"];
            stdout(cmd!(sh, "git -C {root} {user...} {args...}")).expect("git runs")
        };
        git(&["init", "-q"]);
        git(&["add", "."]);
        git(&["commit", "-qm", "one"]);
        let head = git(&["rev-parse", "HEAD"]);

        // No build recorded yet.
        assert_eq!(dist_is_current(&root), None);
        std::fs::write(root.join("dist/index.html"), "<html>one</html>").unwrap();
        record(&root).unwrap();
        assert_eq!(dist_is_current(&root), Some(head.clone()));

        // Another build into dist/ invalidates it.
        std::fs::write(root.join("dist/index.html"), "<html>other</html>").unwrap();
        assert_eq!(dist_is_current(&root), None);
        record(&root).unwrap();
        assert_eq!(dist_is_current(&root), Some(head));

        // So do a changed source and a new commit.
        std::fs::write(root.join("source.txt"), "two").unwrap();
        assert_eq!(dist_is_current(&root), None);
        git(&["commit", "-qam", "two"]);
        assert_eq!(dist_is_current(&root), None);
        // A build of a dirty tree is of no commit: the record goes.
        std::fs::write(root.join("new.txt"), "untracked").unwrap();
        record(&root).unwrap();
        assert!(!root.join("target/release-build.json").exists());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
