//! The workspace's shape, checked so it cannot drift back: no import cycle between the
//! top-level modules of any crate, nor between the files of any folder, no `.rs` file over 800 lines before its `#[cfg(test)]`,
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

/// Every path a piece of code names after `crate::`, `super::` or `self::`, with `use`
/// groups flattened: `use super::{a::B, c}` gives `super::a::B` and `super::c`. Each path
/// is its segments (identifiers only; a glob ends the path).
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .any(|p| rest.starts_with(p));
        // A path starts at a word boundary, not after `::` (that is inside a path).
        let boundary = at == 0 || !(is_ident(bytes[at - 1]) || bytes[at - 1] == b':');
        if starts && boundary {
            let (paths, used) = use_tree(rest);
            found.extend(paths);
            at += used.max(1);
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// One path tree at the start of `text` (`a::b::{c, d::e}`): its flattened paths and the
/// bytes it spans.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut at = 0;
    loop {
        let word: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if word.is_empty() {
            if text[at..].starts_with('{') {
                // A group: each comma-separated item is a tree of its own.
                let mut paths = Vec::new();
                at += 1;
                loop {
                    let skip = text[at..].len() - text[at..].trim_start().len();
                    at += skip;
                    if text[at..].starts_with('}') || at >= text.len() {
                        return (paths, at + 1);
                    }
                    let (inner, used) = use_tree(&text[at..]);
                    paths.extend(inner.into_iter().map(|p| [prefix.clone(), p].concat()));
                    at += used;
                    let skip = text[at..].len() - text[at..].trim_start().len();
                    at += skip;
                    if text[at..].starts_with(',') {
                        at += 1;
                    } else if !text[at..].starts_with('}') {
                        // Not a group after all (a struct literal, a closure): stop here.
                        return (paths, at);
                    }
                }
            }
            return (vec![prefix], at);
        }
        at += word.len();
        prefix.push(word);
        if text[at..].starts_with("::") {
            at += 2;
        } else {
            // `as` renames and everything else end the path.
            return (vec![prefix], at);
        }
    }
}

/// The module path of a file under a crate's `src/`: `http/retry.rs` is `[http, retry]`,
/// `http/mod.rs` and `http.rs` are `[http]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_str().unwrap().to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// A named path made absolute (from the crate root) for code in module `module`.
fn absolute(module: &[String], path: &[String]) -> Vec<String> {
    let mut base = module.to_vec();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {}
    }
    while rest.first().map(String::as_str) == Some("super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    base
}

/// For each module folder of a crate (`http/`, `commands/config/`, …): sibling → the
/// siblings it names. A sibling is `name.rs` and everything under `name/`; the folder's own
/// file (`mod.rs` or `folder.rs`) is the parent, which may use its children, so it is no
/// node.
fn folder_graphs(src: &Path) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let files: Vec<(Vec<String>, Vec<Vec<String>>)> = rust_files(src)
        .iter()
        .map(|f| {
            let module = module_path(src, f);
            let named = named_paths(&code_without_comments(f))
                .iter()
                .map(|p| absolute(&module, p))
                .collect();
            (module, named)
        })
        .collect();
    let mut graphs = BTreeMap::new();
    for dir in rust_files(src)
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect::<BTreeSet<_>>()
    {
        if dir == src {
            continue; // the top-level modules: checked above
        }
        let folder = module_path(src, &dir.join("mod.rs"));
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (module, named) in &files {
            // Files of a sibling: under the folder, one level deeper at least.
            if module.len() <= folder.len() || module[..folder.len()] != folder[..] {
                continue;
            }
            let me = &module[folder.len()];
            let uses = graph.entry(me.clone()).or_default();
            for path in named {
                if path.len() > folder.len()
                    && path[..folder.len()] == folder[..]
                    && &path[folder.len()] != me
                {
                    uses.insert(path[folder.len()].clone());
                }
            }
        }
        // Only siblings that exist as files or folders (not items of the parent).
        let siblings: BTreeSet<String> = graph.keys().cloned().collect();
        for uses in graph.values_mut() {
            uses.retain(|u| siblings.contains(u));
        }
        graphs.insert(dir.strip_prefix(src).unwrap().display().to_string(), graph);
    }
    graphs
}

#[test]
fn no_import_cycle_between_the_files_of_any_folder() {
    let mut found = Vec::new();
    for src in crate_sources() {
        for (folder, graph) in folder_graphs(&src) {
            for cycle in cycles(&graph) {
                found.push(format!("{}/{folder}: {cycle}", src.display()));
            }
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
}

#[test]
fn the_folder_check_sees_the_imports_between_files() {
    let graphs = folder_graphs(&root().join("src"));
    let uses = |folder: &str, file: &str| graphs[folder][file].clone();
    // `use super::{…}` groups, `super::x::f()` calls and `crate::a::b` paths all count.
    assert!(uses("http", "retry").contains("failure"));
    assert!(uses("http", "retry").contains("backoff"));
    assert!(uses("commands", "keys").contains("connection"));
    assert!(uses("commands", "keys").contains("fleet"));
    assert!(uses("config", "settings").contains("chosen"));
    // The folder's own file is the parent, not a sibling.
    assert!(!graphs["http"].contains_key("mod"));
}

#[test]
fn the_folder_check_resolves_super_self_and_crate_paths_through_groups() {
    let named = named_paths(
        "use super::{log::{a, b}, Request};\nlet x = super::super::ids::f(crate::http::retry::X);\nuse self::inner::Y as Z;",
    );
    let module = ["http".to_string(), "attempt".to_string()];
    let resolved: Vec<String> = named
        .iter()
        .map(|p| absolute(&module, p).join("::"))
        .collect();
    assert_eq!(
        resolved,
        [
            "http::log::a",
            "http::log::b",
            "http::Request",
            "ids::f",
            "http::retry::X",
            "http::attempt::inner::Y"
        ]
    );
}
