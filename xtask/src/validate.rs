//! External validators `cargo xtask test` runs: GitHub's workflow schema
//! over `.github/workflows/`, the W3C Nu Html Checker over every page the
//! build writes, and the open-data JSON against the schema the site
//! publishes beside it. All offline: the schemas ship inside the tools.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use model::open_data::OpenFile;

use crate::files::files_under;
use xshell::cmd;

use crate::run::shell;
use crate::setup::{check_jsonschema, JAVA};

/// Checks every workflow file against GitHub's workflow schema
/// (check-jsonschema's built-in `vendor.github-workflows`).
pub fn workflows(root: &Path) -> Result<()> {
    let dir = root.join(".github").join("workflows");
    let mut files: Vec<PathBuf> = files_under(&dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no workflow file in .github/workflows/");
    }
    run_check_jsonschema(
        root,
        &["--builtin-schema", "vendor.github-workflows"],
        &files,
    )?;
    println!("workflows: {} files follow GitHub's schema", files.len());
    Ok(())
}

/// Checks the open-data dataset in `site/open-data/` against the JSON
/// Schema published beside it.
pub fn open_data(root: &Path, site: &Path) -> Result<()> {
    let data = crate::edition::data_dir(root);
    let (_, dataset) = crate::edition::current(&data)?;
    let folder = site.join(model::open_data::FOLDER);
    let schema = folder.join(OpenFile::DatasetSchema.file_name(&dataset.meta));
    let json = folder.join(OpenFile::DatasetJson.file_name(&dataset.meta));
    for file in [&schema, &json] {
        if !file.is_file() {
            bail!("{} is missing: build the site first", file.display());
        }
    }
    let schema_arg = schema.to_str().context("the site's path is not UTF-8")?;
    run_check_jsonschema(root, &["--schemafile", schema_arg], &[json])?;
    println!("open data: the dataset follows its published schema");
    Ok(())
}

fn run_check_jsonschema(root: &Path, args: &[&str], files: &[PathBuf]) -> Result<()> {
    let tool = check_jsonschema(root);
    let program = tool.to_str().context("the project's path is not UTF-8")?;
    if !tool.exists() {
        bail!("{program} is missing: run `cargo xtask setup`");
    }
    let sh = shell()?;
    let out = cmd!(sh, "{program} {args...} {files...}")
        .ignore_status()
        .output()
        .with_context(|| format!("running {program}"))?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    if !out.status.success() {
        bail!(
            "check-jsonschema found errors:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// The Nu Html Checker's jar, from npm's `vnu-jar`.
pub fn vnu_jar(root: &Path) -> PathBuf {
    root.join("node_modules/vnu-jar/build/dist/vnu.jar")
}

/// Runs the Nu Html Checker over every `.html` file under `site`; fails on
/// any error, reports warnings.
pub fn html_pages(root: &Path, site: &Path) -> Result<()> {
    let mut pages: Vec<PathBuf> = files_under(site)?
        .into_iter()
        .filter(|f| f.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    if pages.is_empty() {
        bail!("no HTML page in {}", site.display());
    }
    let report = check_html(root, &pages)?;
    // Warnings repeat on every page built from the same template: each is
    // said once, with how many times it came and where first. (The checker
    // reads the pages as file: URLs, which have no origin for the policy's
    // 'self', so it warns that the page's own scripts and stylesheets would
    // be blocked; browsers load them, as the end-to-end tests check.)
    for (message, (count, first)) in grouped(&report.warnings) {
        println!("warning ({count}×, first {first}): {message}");
    }
    for error in &report.errors {
        println!("error: {error}");
    }
    println!(
        "Nu Html Checker: {} pages, {} errors, {} warnings",
        pages.len(),
        report.errors.len(),
        report.warnings.len()
    );
    if !report.errors.is_empty() {
        bail!("the Nu Html Checker found {} errors", report.errors.len());
    }
    Ok(())
}

/// Warnings (`file:line: message`) by message: how many, and the first place.
fn grouped(warnings: &[String]) -> std::collections::BTreeMap<&str, (usize, &str)> {
    let mut groups = std::collections::BTreeMap::new();
    for warning in warnings {
        let (place, message) = warning.split_once(": ").unwrap_or(("?", warning));
        groups.entry(message).or_insert((0, place)).0 += 1;
    }
    groups
}

/// What the checker said: errors (and files it could not read) and warnings,
/// each as `file:line: message`.
#[derive(Debug, Default)]
pub struct HtmlReport {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// Runs the checker once over `pages` (one JVM for them all).
pub fn check_html(root: &Path, pages: &[PathBuf]) -> Result<HtmlReport> {
    let jar = vnu_jar(root);
    let jar = jar.to_str().context("the project's path is not UTF-8")?;
    if !Path::new(jar).exists() {
        bail!("{jar} is missing: run `cargo xtask setup`");
    }
    let sh = shell()?;
    let out = cmd!(
        sh,
        "{JAVA} -jar {jar} --format json --exit-zero-always {pages...}"
    )
    .ignore_status()
    .output()
    .context("running the Nu Html Checker")?;
    // The checker writes its report to standard error.
    let text = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("the Nu Html Checker did not run ({}): {text}", out.status);
    }
    parse_report(&text, root)
}

/// Reads the checker's JSON report (`{"messages": [{"type", "subType",
/// "url", "lastLine", "message"}]}`).
pub fn parse_report(json: &str, root: &Path) -> Result<HtmlReport> {
    let value: serde_json::Value =
        serde_json::from_str(json).context("the Nu Html Checker's report is not JSON")?;
    let messages = value["messages"]
        .as_array()
        .context("the Nu Html Checker's report has no messages list")?;
    let prefix = format!("file:{}/", root.display());
    let mut report = HtmlReport::default();
    for message in messages {
        let file = message["url"].as_str().unwrap_or("?");
        let file = file.strip_prefix(&prefix).unwrap_or(file);
        let line = message["lastLine"]
            .as_u64()
            .map(|l| format!(":{l}"))
            .unwrap_or_default();
        let text = message["message"].as_str().unwrap_or("");
        let entry = format!("{file}{line}: {text}");
        match (message["type"].as_str(), message["subType"].as_str()) {
            (Some("info"), Some("warning")) => report.warnings.push(entry),
            // Plain information ("the document is HTML") is neither.
            (Some("info"), _) => {}
            // "error", "non-document-error" (a file it could not read).
            _ => report.errors.push(entry),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-validate-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_report_sorts_errors_from_warnings() {
        let json = r#"{"messages":[
            {"type":"error","url":"file:/p/dist/index.html","lastLine":3,"message":"Stray end tag"},
            {"type":"info","subType":"warning","url":"file:/p/dist/item/1/index.html","lastLine":9,"message":"Consider"},
            {"type":"info","url":"file:/p/dist/index.html","message":"fyi"},
            {"type":"non-document-error","url":"file:/p/dist/x.html","message":"IO"}
        ]}"#;
        let report = parse_report(json, Path::new("/p")).unwrap();
        assert_eq!(
            report.errors,
            ["dist/index.html:3: Stray end tag", "dist/x.html: IO"]
        );
        assert_eq!(report.warnings, ["dist/item/1/index.html:9: Consider"]);
        let repeated = [
            "dist/a.html:3: Same".to_owned(),
            "dist/b.html:4: Same".to_owned(),
            "dist/b.html:5: Other: detail".to_owned(),
        ];
        assert_eq!(
            grouped(&repeated).into_iter().collect::<Vec<_>>(),
            [
                ("Other: detail", (1, "dist/b.html:5")),
                ("Same", (2, "dist/a.html:3"))
            ]
        );
        assert!(parse_report("not json", Path::new("/p")).is_err());
    }

    /// The real checker, on a valid page with the share metadata the build
    /// writes (Open Graph's `property` on `meta`) and on a broken one.
    #[test]
    fn the_checker_passes_a_good_page_and_fails_a_broken_one() {
        let dir = scratch("html");
        let head = model::share::head_html(
            &model::share::Page {
                kind: model::share::PageKind::Item,
                lang: model::stored::Language::Ja,
                title: "No.17 窓口",
                description: "説明",
                site_name: "アクションプログラム",
                path: "item/17/",
                alternate: Some("en/item/17/"),
            },
            &model::site::SiteConfig::from_json(r#"{"site_url": "https://example.jp/reform/"}"#)
                .unwrap(),
            &model::share::ShareImage::site_card("カード"),
            Some(&model::share::Feed {
                path: "feed.xml",
                title: "更新情報",
            }),
        );
        let good = dir.join("good.html");
        std::fs::write(
            &good,
            format!("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>t</title>\n{head}\n</head><body><p>本文</p></body></html>"),
        )
        .unwrap();
        let bad = dir.join("bad.html");
        std::fs::write(
            &bad,
            "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>t</title></head><body><p>x</div></body></html>",
        )
        .unwrap();
        let root = crate::project_root();
        let report = check_html(&root, std::slice::from_ref(&good)).unwrap();
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let report = check_html(&root, &[good, bad]).unwrap();
        assert!(
            report.errors.iter().all(|e| e.contains("bad.html")) && !report.errors.is_empty(),
            "{:?}",
            report.errors
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_workflow_that_breaks_the_schema_fails() {
        let root = crate::project_root();
        let dir = scratch("workflow");
        let bad = dir.join("bad.yml");
        std::fs::write(
            &bad,
            "on: push\njobs:\n  build:\n    runs-onn: ubuntu-24.04\n    steps:\n      - run: true\n",
        )
        .unwrap();
        let schema = ["--builtin-schema", "vendor.github-workflows"];
        assert!(run_check_jsonschema(&root, &schema, &[bad]).is_err());
        // The committed workflows pass.
        workflows(&root).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_dataset_that_breaks_its_schema_fails() {
        let root = crate::project_root();
        let site = scratch("open-data");
        crate::open_data::write(&root, &site).unwrap();
        open_data(&root, &site).unwrap();
        let data = crate::edition::data_dir(&root);
        let meta = crate::edition::current(&data).unwrap().1.meta;
        let json = site
            .join(model::open_data::FOLDER)
            .join(OpenFile::DatasetJson.file_name(&meta));
        let text = std::fs::read_to_string(&json).unwrap();
        std::fs::write(&json, text.replacen("\"items\"", "\"entries\"", 1)).unwrap();
        assert!(open_data(&root, &site).is_err());
        std::fs::remove_dir_all(&site).unwrap();
    }
}
