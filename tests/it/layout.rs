//! The workspace's shape, checked so it cannot drift back: no import cycle between the
//! top-level modules of any crate, no `.rs` file over 800 lines before its `#[cfg(test)]`,
//! and a sandbox crate that names neither `reqwest` nor the CLI crate.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file before its `#[cfg(test)]` (all of it when it has none).
fn code_before_tests(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// That code without its comment lines (a doc link is no dependency).
fn code_without_comments(path: &Path) -> String {
    code_before_tests(path)
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a crate's `src/` holds: `name.rs` or `name/`.
fn top_level_modules(src: &Path) -> BTreeSet<String> {
    fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(stem)
        })
        .filter(|m| m != "lib" && m != "main")
        .collect()
}

/// The names right after `crate::`, also inside `use crate::{a, b::c}` groups.
fn crate_paths(code: &str) -> BTreeSet<String> {
    paths_after(code, "crate::")
}

/// The names right after `prefix` (`crate::`, or `super::` in a top-level module's own
/// file, where it means the same), also inside `{…}` groups.
fn paths_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices(prefix) {
        // `super::` inside `crate::a::super::` or a longer word is not a path start.
        if code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            // Only the first segment of each comma-separated path in the group.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_ascii_alphabetic() || c == '_') => {
                        names.insert(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.insert(ident(rest));
        }
    }
    names
}

/// Module → the other top-level modules its code (before tests) names.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules = top_level_modules(src);
    let mut graph = BTreeMap::new();
    for m in &modules {
        let mut files = Vec::new();
        let file = src.join(format!("{m}.rs"));
        if file.is_file() {
            files.push(file.clone());
        }
        let dir = src.join(m);
        if dir.is_dir() {
            files.extend(rust_files(&dir));
        }
        let own_file = |f: &PathBuf| *f == file || *f == dir.join("mod.rs");
        let uses: BTreeSet<String> = files
            .iter()
            .flat_map(|f| {
                let code = code_without_comments(f);
                let mut names = crate_paths(&code);
                if own_file(f) {
                    names.extend(paths_after(&code, "super::"));
                }
                names
            })
            .filter(|d| d != m && modules.contains(d))
            .collect();
        graph.insert(m.clone(), uses);
    }
    graph
}

/// Each cycle found, as the path `a -> b -> … -> a`.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        found: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            // One spelling per cycle: start at its smallest module.
            let min = (0..cycle.len()).min_by_key(|&i| &cycle[i]).unwrap();
            cycle.rotate_left(min);
            cycle.push(cycle[0].clone());
            found.insert(cycle.join(" -> "));
            return;
        }
        path.push(node.to_string());
        for next in &graph[node] {
            walk(graph, next, path, found);
        }
        path.pop();
    }
    let mut found = BTreeSet::new();
    for node in graph.keys() {
        walk(graph, node, &mut Vec::new(), &mut found);
    }
    found.into_iter().collect()
}

fn crate_sources() -> Vec<PathBuf> {
    let mut srcs = vec![root().join("src")];
    for entry in fs::read_dir(root().join("crates")).unwrap() {
        srcs.push(entry.unwrap().path().join("src"));
    }
    srcs
}

#[test]
fn no_import_cycle_between_the_top_level_modules_of_any_crate() {
    let mut found = Vec::new();
    for src in crate_sources() {
        for cycle in cycles(&module_graph(&src)) {
            found.push(format!("{}: {cycle}", src.display()));
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle_through_a_use_group() {
    let paths =
        crate_paths("use crate::{error::Result, http::{self, Request}};\nlet x = crate::ids::f();");
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        ["error", "http", "ids"]
    );
    // In a top-level module's own file `super::` names a sibling, as `crate::` does.
    let siblings = paths_after(
        "use super::server::{App, now};\nuse super::{ids, rules};",
        "super::",
    );
    assert_eq!(
        siblings.into_iter().collect::<Vec<_>>(),
        ["ids", "rules", "server"]
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycles(&graph), ["a -> b -> c -> a"]);
}

/// Lines of code (not blank, not a comment) before the file's `#[cfg(test)]`.
fn lines_of_code(path: &Path) -> usize {
    code_without_comments(path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn no_rust_file_passes_800_lines_of_code_before_its_tests() {
    let mut dirs = crate_sources();
    dirs.push(root().join("tests"));
    for entry in fs::read_dir(root().join("crates")).unwrap() {
        let tests = entry.unwrap().path().join("tests");
        if tests.is_dir() {
            dirs.push(tests);
        }
    }
    let too_long: Vec<String> = dirs
        .iter()
        .flat_map(|d| rust_files(d))
        .filter_map(|f| {
            let n = lines_of_code(&f);
            (n > 800).then(|| format!("{}: {n} lines of code", f.display()))
        })
        .collect();
    assert!(
        too_long.is_empty(),
        "split these by concern:\n{}",
        too_long.join("\n")
    );
}

#[test]
fn the_sandbox_crate_names_neither_reqwest_nor_the_cli_crate() {
    let sandbox = root().join("crates/sandbox");
    let mut files = rust_files(&sandbox.join("src"));
    files.push(sandbox.join("Cargo.toml"));
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for name in ["reqwest", "oktakeys::", "oktakeys ="] {
            assert!(
                !text.contains(name),
                "{} names {name}: the sandbox depends on the key-material crate only",
                file.display()
            );
        }
    }
}
