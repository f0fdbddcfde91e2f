//! `cargo xtask edition add FILE`: makes a compiled dataset (written by the
//! coordinator's 「報告の取りまとめ」 screen) the current edition, keeping the
//! earlier ones.
//!
//! `data/action-program.json` stays the first edition, as extracted from the
//! source document; each later edition is `data/editions/<edition>.json`
//! (`r5-end.json` for 令和5年度末). Which edition is current is
//! `model::edition::Editions`'s decision, as for the build ([`current`]).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use model::edition::{changes, check_next, Editions};
use model::open_data::edition_slug;
use model::Dataset;

/// The data directory: `data/`, or `UEDA_DATA_DIR` when set (as `build.rs`
/// reads it: the end-to-end test of the yearly cycle builds from a copy).
pub fn data_dir(root: &Path) -> PathBuf {
    std::env::var_os("UEDA_DATA_DIR").map_or_else(|| root.join("data"), PathBuf::from)
}

/// Where later editions are kept, under the data directory.
pub const EDITIONS_DIR: &str = "editions";

/// `edition add FILE [--data DIR]`: the data directory is `data/` unless given.
pub fn run(root: &Path, flags: &crate::flags::Add) -> Result<()> {
    let data = flags.data.clone().unwrap_or_else(|| data_dir(root));
    let added = add(&data, &flags.file)?;
    println!("{added}");
    Ok(())
}

/// Every edition in `data`: the first (`action-program.json`) and those in
/// `editions/`, each with its file, in the order they report.
pub fn editions(data: &Path) -> Result<Editions<PathBuf>> {
    let mut found = vec![data.join("action-program.json")];
    let dir = data.join(EDITIONS_DIR);
    if dir.is_dir() {
        let mut later: Vec<PathBuf> = fs::read_dir(&dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|x| x == "json"))
            .collect();
        later.sort();
        found.extend(later);
    }
    let read = found
        .into_iter()
        .map(|path| {
            let text =
                fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let dataset = Dataset::from_json(&text)
                .map_err(|e| anyhow::anyhow!("{}: not a dataset: {e}", path.display()))?;
            Ok((path, dataset))
        })
        .collect::<Result<Vec<_>>>()?;
    Editions::new(read).with_context(|| format!("the editions in {}", data.display()))
}

/// The edition citizens see, and its file.
pub fn current(data: &Path) -> Result<(PathBuf, Dataset)> {
    let current = editions(data)?.current().clone();
    Ok((current.origin, current.dataset))
}

/// Checks `file` as the next edition after the current one and writes it to
/// `data/editions/`; returns a summary for the terminal.
pub fn add(data: &Path, file: &Path) -> Result<String> {
    let text = fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let next = Dataset::from_json(&text).map_err(|e| {
        anyhow::anyhow!(
            "{} does not follow the dataset's schema: {e}",
            file.display()
        )
    })?;
    let (current_path, current) = current(data)?;
    let errors = check_next(&current, &next);
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
        bail!(
            "{} cannot follow {} ({}):\n{}",
            file.display(),
            current_path.display(),
            current.meta.status_as_of,
            list.join("\n")
        );
    }
    let dir = data.join(EDITIONS_DIR);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let target = dir.join(format!("{}.json", edition_slug(&next.meta)));
    fs::write(&target, next.to_pretty_json())
        .with_context(|| format!("writing {}", target.display()))?;
    let changed = changes(&current, &next);
    let items: std::collections::BTreeSet<u32> = changed.iter().map(|c| c.item).collect();
    Ok(format!(
        "added {} ({}, version {}): {} fields of {} items changed since {}; rebuild to publish it",
        target.display(),
        next.meta.status_as_of,
        next.meta.version,
        changed.len(),
        items.len(),
        current.meta.status_as_of
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::drafts::{compile, Decisions};

    /// A data directory holding a copy of the first edition.
    fn data_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-edition-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::copy(
            crate::project_root()
                .join("data")
                .join("action-program.json"),
            dir.join("action-program.json"),
        )
        .unwrap();
        dir
    }

    fn first(dir: &Path) -> Dataset {
        current(dir).unwrap().1
    }

    #[test]
    fn a_compiled_edition_is_added_and_becomes_current() {
        let dir = data_dir("add");
        let mut next = compile(&first(&dir), &[], &Decisions::new(), 5, "令和6年5月10日")
            .unwrap()
            .dataset;
        let year5 = next.items[0]
            .years
            .iter_mut()
            .find(|y| y.year == 5)
            .unwrap();
        year5.result = Some(vec!["電子申請 120手続".into()]);
        let file = dir.join("compiled.json");
        fs::write(&file, serde_json::to_string(&next).unwrap()).unwrap();
        let summary = add(&dir, &file).unwrap();
        assert!(summary.contains("1 fields of 1 items"), "{summary}");
        assert!(dir.join("editions").join("r5-end.json").is_file());
        let (path, now) = current(&dir).unwrap();
        assert!(path.ends_with("editions/r5-end.json"));
        assert_eq!(now.meta.status_as_of, "令和5年度末");
        assert_eq!(editions(&dir).unwrap().all().len(), 2);
        // The same edition again does not follow itself.
        let again = add(&dir, &file).unwrap_err().to_string();
        assert!(again.contains("not later"), "{again}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_next_edition_changes_nothing() {
        let dir = data_dir("refuse");
        let file = dir.join("broken.json");
        fs::write(&file, "{\"meta\": {}}").unwrap();
        assert!(add(&dir, &file).unwrap_err().to_string().contains("schema"));
        fs::copy(dir.join("action-program.json"), &file).unwrap();
        let same = add(&dir, &file).unwrap_err().to_string();
        assert!(
            same.contains("not later") && same.contains("not newer"),
            "{same}"
        );
        assert!(!dir.join("editions").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
