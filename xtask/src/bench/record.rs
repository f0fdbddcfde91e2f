//! `cargo xtask bench --record`: the run's table goes into the "Latest run"
//! section of `docs/benchmarks.md`, the results file the README links; the
//! rest of that file (how to read the figures, earlier runs) is written by
//! hand and kept as it is.

use std::path::Path;

use anyhow::{bail, Context, Result};

/// The results file, from the project root.
pub const FILE: &str = "docs/benchmarks.md";
const HEADING: &str = "## Latest run";

/// Writes `table` as the latest run into the results file under `root`.
pub fn write(root: &Path, table: &str) -> Result<()> {
    let path = root.join(FILE);
    let doc = std::fs::read_to_string(&path).with_context(|| format!("reading {FILE}"))?;
    std::fs::write(&path, with_latest_run(&doc, table)?)
        .with_context(|| format!("writing {FILE}"))?;
    Ok(())
}

/// `doc` with everything between its `## Latest run` heading and the next
/// heading of that level replaced by `table`.
pub fn with_latest_run(doc: &str, table: &str) -> Result<String> {
    let Some(start) = doc.match_indices(HEADING).map(|(i, _)| i).find(|&i| {
        (i == 0 || doc[..i].ends_with('\n')) && doc[i + HEADING.len()..].starts_with('\n')
    }) else {
        bail!("{FILE} has no \"{HEADING}\" heading");
    };
    let body = start + HEADING.len() + 1;
    let end = doc[body..]
        .match_indices("\n## ")
        .next()
        .map_or(doc.len(), |(i, _)| body + i + 1);
    Ok(format!(
        "{}\n{}\n{}",
        &doc[..body],
        table.trim_end(),
        if end < doc.len() {
            format!("\n{}", &doc[end..])
        } else {
            String::new()
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_latest_run_only() {
        let doc = "# Benchmarks\n\nIntro.\n\n## Latest run\n\nold table\n| a |\n\n## Earlier runs\n\nkept\n";
        let out = with_latest_run(doc, "new table\n| b |\n").unwrap();
        assert_eq!(
            out,
            "# Benchmarks\n\nIntro.\n\n## Latest run\n\nnew table\n| b |\n\n## Earlier runs\n\nkept\n"
        );
        // Recording again gives the same file.
        assert_eq!(with_latest_run(&out, "new table\n| b |").unwrap(), out);
        // A third-level heading belongs to the section.
        let doc = "## Latest run\n\nold\n### detail\nmore\n";
        assert_eq!(
            with_latest_run(doc, "new").unwrap(),
            "## Latest run\n\nnew\n"
        );
        assert!(with_latest_run("# Benchmarks\n## Latest runs\n", "x").is_err());
    }
}
