//! Walking the project's folders.

use std::path::{Path, PathBuf};

use anyhow::Result;
use walkdir::WalkDir;

/// Every file below `dir`, at any depth (folders themselves are not listed;
/// links to folders are followed).
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).follow_links(true) {
        let entry = entry?;
        if !entry.file_type().is_dir() {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Copies the folder `from` into `to` (created), at any depth.
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in WalkDir::new(from) {
        let entry = entry?;
        let target = to.join(entry.path().strip_prefix(from)?);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files below `dir`, relative to it and sorted.
    fn listing(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = files_under(dir)
            .unwrap()
            .into_iter()
            .map(|f| f.strip_prefix(dir).unwrap().to_path_buf())
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_copied_tree_lists_the_same_files() {
        let root = std::env::temp_dir().join(format!("xtask-files-{}", std::process::id()));
        let (from, to) = (root.join("from"), root.join("to"));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(from.join("empty")).unwrap();
        let files = ["a/b/deep.txt", "top.txt"];
        for name in files {
            let file = from.join(name);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, name).unwrap();
        }

        copy_dir(&from, &to).unwrap();
        assert_eq!(listing(&from), files.map(PathBuf::from));
        assert_eq!(listing(&to), files.map(PathBuf::from));
        assert_eq!(
            std::fs::read_to_string(to.join(files[0])).unwrap(),
            files[0]
        );
        assert!(to.join("empty").is_dir());
        assert!(files_under(&root.join("missing")).is_err());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
