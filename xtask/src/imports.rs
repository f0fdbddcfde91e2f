//! The import graph of a crate's modules, for the architecture check: no
//! module may depend, through others, on itself.
//!
//! A module is a source file (`storage/mod.rs` is `storage`, `i18n/ja.rs` is
//! `i18n::ja`). It depends on another when it names a `crate::` path inside
//! it. A module's own ancestors and descendants do not count (a parent
//! declares its children, a child may use its parent's types), and neither
//! do `super::` paths, which only reach those.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Result;

use crate::files::files_under;

/// The source folders of the project's crates (the app, `model`, xtask),
/// from the project's root: none may have an import cycle.
pub const CRATE_SOURCES: [&str; 3] = ["src", "model/src", "xtask/src"];

/// Module name (`a::b`) → the modules it imports.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Fails with every import cycle among the modules of the crate in `src`.
pub fn check_no_cycles(src: &Path) -> Result<()> {
    let mut sources = BTreeMap::new();
    for file in files_under(src)? {
        if file.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let relative = file.strip_prefix(src)?.to_string_lossy().replace('\\', "/");
        // Binaries are crates of their own.
        if relative.starts_with("bin/") {
            continue;
        }
        sources.insert(module_name(&relative), std::fs::read_to_string(&file)?);
    }
    let cycles = cycles(&graph(&sources));
    if cycles.is_empty() {
        return Ok(());
    }
    let described: Vec<String> = cycles
        .iter()
        .map(|cycle| format!("import cycle in {}: {}", src.display(), cycle.join(" → ")))
        .collect();
    anyhow::bail!("{}", described.join("\n"))
}

/// `storage/mod.rs` → `storage`, `i18n/ja.rs` → `i18n::ja`, `lib.rs` → ``.
fn module_name(relative: &str) -> String {
    let path = relative.trim_end_matches(".rs");
    let path = path.strip_suffix("/mod").unwrap_or(path);
    match path {
        "lib" | "main" => String::new(),
        _ => path.replace('/', "::"),
    }
}

/// The dependency graph of `sources` (module name → its text).
fn graph(sources: &BTreeMap<String, String>) -> Graph {
    let modules: BTreeSet<&str> = sources.keys().map(String::as_str).collect();
    let mut graph = Graph::new();
    for (module, text) in sources {
        if module.is_empty() {
            continue;
        }
        let targets = graph.entry(module.clone()).or_default();
        for path in crate_paths(&without_comments(text)) {
            let Some(target) = longest_module_prefix(&path, &modules) else {
                continue;
            };
            if !related(module, target) {
                targets.insert(target.to_owned());
            }
        }
    }
    graph
}

/// `text` without `//` comments (doc links name modules without importing them).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path written after `crate::`, with `use crate::{a::B, c}` groups
/// expanded (one level of braces, which is all rustfmt leaves here).
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let mut prefix = Vec::new();
        let mut segment = String::new();
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() || c == '_' {
                segment.push(c);
            } else if c == ':' && chars.peek().is_some_and(|&(_, d)| d == ':') {
                chars.next();
                prefix.push(std::mem::take(&mut segment));
            } else if c == '{' && segment.is_empty() {
                let close = rest[i..].find('}').map_or(rest.len(), |j| i + j);
                for entry in rest[i + 1..close].split(',') {
                    let mut path = prefix.clone();
                    path.extend(
                        entry
                            .split("::")
                            .map(|s| s.trim().to_owned())
                            .filter(|s| !s.is_empty() && s != "self" && s != "*"),
                    );
                    paths.push(path);
                }
                prefix.clear();
                break;
            } else {
                break;
            }
        }
        if !prefix.is_empty() || !segment.is_empty() {
            prefix.push(segment);
            prefix.retain(|s| !s.is_empty());
            paths.push(prefix);
        }
    }
    paths
}

/// The longest leading part of `path` that names a module.
fn longest_module_prefix<'a>(path: &[String], modules: &BTreeSet<&'a str>) -> Option<&'a str> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find_map(|name| modules.get(name.as_str()).copied())
}

/// Whether one module is the other, or contains it.
fn related(a: &str, b: &str) -> bool {
    let within =
        |inner: &str, outer: &str| inner == outer || inner.starts_with(&format!("{outer}::"));
    within(a, b) || within(b, a)
}

/// Each cycle once, as the modules along it with the first repeated at the end.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut seen_sets: BTreeSet<Vec<String>> = BTreeSet::new();
    for start in graph.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    let mut members = path.clone();
                    members.sort();
                    if seen_sets.insert(members) {
                        let mut cycle = path.clone();
                        cycle.push(start.clone());
                        found.push(cycle);
                    }
                } else if !path.contains(next) && next > start {
                    // Each cycle is found from its smallest module only.
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(path, text)| (module_name(path), text.to_string()))
            .collect()
    }

    #[test]
    fn module_names_follow_the_files() {
        assert_eq!(module_name("storage/mod.rs"), "storage");
        assert_eq!(module_name("i18n/ja.rs"), "i18n::ja");
        assert_eq!(module_name("lib.rs"), "");
    }

    #[test]
    fn paths_are_read_from_uses_groups_and_expressions() {
        let text = "use crate::i18n::{use_texts, Texts};\nuse crate::{data, url::href};\nlet x = crate::download::blob_url(a);";
        assert_eq!(
            crate_paths(text),
            [
                vec!["i18n", "use_texts"],
                vec!["i18n", "Texts"],
                vec!["data"],
                vec!["url", "href"],
                vec!["download", "blob_url"],
            ]
        );
    }

    #[test]
    fn a_cycle_through_three_modules_is_found_once() {
        let graph = graph(&sources(&[
            ("storage/mod.rs", "use crate::notices::Notices;"),
            ("storage/backend.rs", "use crate::storage::X;"),
            ("notices.rs", "use crate::components::offline::Net;"),
            (
                "components/offline.rs",
                "use crate::storage::use_user_data;",
            ),
            ("components/mod.rs", "pub mod offline;"),
        ]));
        assert_eq!(
            cycles(&graph),
            [vec![
                "components::offline",
                "storage",
                "notices",
                "components::offline"
            ]]
        );
    }

    #[test]
    fn parents_children_and_one_way_imports_are_no_cycle() {
        let graph = graph(&sources(&[
            ("i18n/mod.rs", "mod ja; use model::X;"),
            ("i18n/ja.rs", "use super::Texts; use crate::i18n::Texts;"),
            ("notices.rs", "use crate::i18n::use_texts;"),
            (
                "storage/mod.rs",
                "use crate::notices::Notices; crate::t!(x);",
            ),
            (
                "components/offline.rs",
                "/// Unlike [`crate::storage::X`], ...",
            ),
        ]));
        assert!(cycles(&graph).is_empty(), "{graph:?}");
    }

    #[test]
    fn this_projects_crates_have_no_cycles() {
        let root = crate::project_root();
        for crate_src in CRATE_SOURCES {
            check_no_cycles(&root.join(crate_src)).unwrap();
        }
    }
}
