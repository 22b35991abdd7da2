//! The README is executed: every ```` ```console ```` block runs in bash, in a fresh HOME
//! with the built `oktakeys` first on PATH, and what each `$ ` command prints (stdout and
//! stderr together, in order) must be what the README shows under it. Ids, kids,
//! thumbprints, ports, times and durations are normalised on both sides (see `normalise`),
//! runs of spaces count as one, and a line holding only `…` stands for any number of lines.
//! The convention is written up in ARCHITECTURE.md ("The README is executed").
//!
//! `README_BLOCK=TEXT` runs only the blocks under a heading containing TEXT;
//! `UPDATE_README=1` writes what the commands of each differing block printed into
//! README.md (not where the README shows a `…` line: those are reported as before), to be
//! reviewed.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use crate::common::*;

/// Printed between two commands' outputs (after a newline, so it starts its own line).
const MARKER: &str = "@@readme-step@@";
/// How long one command may take before the block is reported as stuck.
const STEP_TIMEOUT_SECS: u64 = 120;
/// How long a backgrounded command (`… &`) gets to print the lines the README shows.
const BACKGROUND_WAIT_TENTHS: u32 = 200;

#[test]
fn every_console_block_of_the_readme_prints_what_it_shows() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let blocks = parse(&readme);
    assert!(
        blocks.len() >= 5,
        "the README should hold its console blocks, found {}",
        blocks.len()
    );
    let only = std::env::var("README_BLOCK").ok();
    let chosen: Vec<&Block> = blocks
        .iter()
        .filter(|b| only.as_deref().is_none_or(|o| b.heading.contains(o)))
        .collect();
    assert!(!chosen.is_empty(), "no block under a heading with {only:?}");

    // Blocks are independent (each its own HOME): run them side by side.
    let results: Vec<(usize, Vec<StepResult>)> = std::thread::scope(|s| {
        let handles: Vec<_> = chosen
            .iter()
            .map(|block| s.spawn(|| (block.fence_line, run_block(block))))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    let mut report = String::new();
    let mut replacements: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    for ((fence_line, steps), block) in results.iter().zip(&chosen) {
        assert_eq!(*fence_line, block.fence_line);
        for (step, result) in block.steps.iter().zip(steps) {
            if result.matches {
                continue;
            }
            let _ = writeln!(
                report,
                "\n=== README.md line {} (under \"{}\"): $ {}\n--- the README shows (normalised):\n{}\n--- the command printed (normalised):\n{}",
                step.line,
                block.heading,
                step.command.lines().next().unwrap_or(""),
                result.expected_normalised,
                result.actual_normalised,
            );
        }
        // A block is rewritten whole, so that its ids are all of one run.
        if steps.iter().any(|r| !r.matches) {
            for (step, result) in block.steps.iter().zip(steps) {
                if !step.expected.iter().any(|l| is_wildcard(l)) {
                    let mut lines: Vec<String> = format!("$ {}", result.command)
                        .lines()
                        .map(str::to_string)
                        .collect();
                    lines.extend(result.actual_raw.iter().cloned());
                    replacements.push((step.line - 1..step.expected_lines.end, lines));
                }
            }
        }
    }
    if report.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() && !replacements.is_empty() {
        write_back(&readme_path, &readme, replacements);
        report.push_str(
            "\n(UPDATE_README: README.md now shows what the commands printed; review the diff)",
        );
    }
    panic!("the README's console blocks drifted:{report}");
}

/// One ```` ```console ```` block.
#[derive(Debug)]
struct Block {
    /// 1-based line of the opening fence.
    fence_line: usize,
    /// The nearest heading above it.
    heading: String,
    /// Shell lines of a `<!-- console-setup … -->` comment just above the fence.
    setup: String,
    steps: Vec<Step>,
}

#[derive(Debug)]
struct Step {
    /// 1-based line of the `$ `.
    line: usize,
    /// The command, with its `\`-continued lines.
    command: String,
    /// The lines the README shows under it.
    expected: Vec<String>,
    /// Where those lines are in the README (0-based line numbers, end exclusive).
    expected_lines: std::ops::Range<usize>,
}

fn parse(readme: &str) -> Vec<Block> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut blocks = Vec::new();
    let mut heading = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.starts_with('#') {
            heading = line.trim_start_matches('#').trim().to_string();
        }
        if line.starts_with("```") && line.trim_end() != "```console" {
            // Skip any other fenced block whole (its lines may start with `#`).
            i += 1;
            while i < lines.len() && !lines[i].starts_with("```") {
                i += 1;
            }
            i += 1;
            continue;
        }
        if line.trim_end() != "```console" {
            i += 1;
            continue;
        }
        let setup = setup_above(&lines, i);
        let fence_line = i + 1;
        let mut steps: Vec<Step> = Vec::new();
        i += 1;
        while i < lines.len() && !lines[i].starts_with("```") {
            if let Some(command) = lines[i].strip_prefix("$ ") {
                let line = i + 1;
                let mut command = command.to_string();
                while command.ends_with('\\') && i + 1 < lines.len() {
                    i += 1;
                    command.push('\n');
                    command.push_str(lines[i]);
                }
                steps.push(Step {
                    line,
                    command,
                    expected: Vec::new(),
                    expected_lines: i + 1..i + 1,
                });
            } else {
                let step = steps.last_mut().unwrap_or_else(|| {
                    panic!("README.md line {}: a console block starts with `$ `", i + 1)
                });
                step.expected.push(lines[i].to_string());
                step.expected_lines.end = i + 1;
            }
            i += 1;
        }
        assert!(
            !steps.is_empty(),
            "README.md line {fence_line}: an empty console block"
        );
        blocks.push(Block {
            fence_line,
            heading: heading.clone(),
            setup,
            steps,
        });
        i += 1;
    }
    blocks
}

/// The shell lines of a `<!-- console-setup` … `-->` comment ending on the line above the
/// fence (blank lines between allowed).
fn setup_above(lines: &[&str], fence: usize) -> String {
    let mut end = fence;
    while end > 0 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    if end == 0 || lines[end - 1].trim() != "-->" {
        return String::new();
    }
    let mut start = end - 1;
    while start > 0 && !lines[start].starts_with("<!--") {
        start -= 1;
    }
    if lines[start].trim() != "<!-- console-setup" {
        return String::new();
    }
    lines[start + 1..end - 1].join("\n")
}

struct StepResult {
    matches: bool,
    expected_normalised: String,
    actual_normalised: String,
    /// What the command printed, HOME shown as /home/me (for UPDATE_README).
    actual_raw: Vec<String>,
    /// The command with this run's ids (for UPDATE_README).
    command: String,
}

/// Run the block in one bash, a command at a time, so that each command can be given the
/// ids the earlier ones really printed.
fn run_block(block: &Block) -> Vec<StepResult> {
    let home = tempfile::tempdir().unwrap();
    let mut shell = Shell::start(home.path());
    let home_text = home.path().display().to_string();
    let mut ids_expected = Names::default();
    let mut ids_actual = Names::default();
    let mut ports = HashMap::new();

    // The setup's output is not shown in the README; its failure ends bash (`set -e`).
    if let Err(output) = shell.step(&format!("set -e\n{}\nset +e", block.setup)) {
        panic!(
            "README.md line {}: the block's setup failed:\n{output}",
            block.fence_line
        );
    }

    let mut results = Vec::new();
    for (n, step) in block.steps.iter().enumerate() {
        let with_ids = substitute_ids(&step.command, &ids_expected, &ids_actual);
        let command = substitute_ports(&with_ids, &mut ports);
        let command = match command.trim_end().strip_suffix('&') {
            // In the background, its output in a file, shown once it printed the lines
            // the README shows.
            Some(command) if !command.ends_with('&') => {
                let log = format!("\"$HOME/.readme-background-{n}\"");
                let want = step.expected.iter().filter(|l| !is_wildcard(l)).count();
                format!(
                    "( {command} ) > {log} 2>&1 < /dev/null &\n\
                     for _ in $(seq {BACKGROUND_WAIT_TENTHS}); do \
                     [ \"$(wc -l < {log})\" -ge {want} ] && break; sleep 0.1; done\n\
                     head -n {want} {log}"
                )
            }
            _ => command,
        };
        let output = shell.step(&command).unwrap_or_else(|output| {
            panic!(
                "README.md line {}: bash ended during `{}`:\n{output}",
                step.line, step.command
            )
        });
        let output = output.replace(&home_text, "/home/me");
        let actual_raw: Vec<String> = output.lines().map(|l| l.trim_end().to_string()).collect();
        let expected: Vec<String> = step
            .expected
            .iter()
            .map(|l| normalise(l, &mut ids_expected))
            .collect();
        let actual: Vec<String> = actual_raw
            .iter()
            .map(|l| normalise(l, &mut ids_actual))
            .collect();
        results.push(StepResult {
            matches: lines_match(&expected, &actual),
            expected_normalised: expected.join("\n"),
            actual_normalised: actual.join("\n"),
            actual_raw,
            command: with_ids,
        });
    }
    shell.finish();
    results
}

/// One bash reading commands from a pipe, stderr merged into stdout, with the built
/// `oktakeys` first on PATH and nothing else from the outside environment.
struct Shell {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Shell {
    fn start(home: &Path) -> Self {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_oktakeys")).parent().unwrap();
        let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        let mut child = isolated(std::process::Command::new("bash"), home)
            .env("PATH", path)
            .env("README_REPO", env!("CARGO_MANIFEST_DIR"))
            .arg("-s")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("bash runs");
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        writeln!(stdin, "exec 2>&1\n__readme_return() {{ return \"$1\"; }}").unwrap();
        Shell {
            child,
            stdin,
            lines,
        }
    }

    /// Run one command (its stdin empty) and return what it printed; `Err` with what it
    /// printed when bash ended first.
    fn step(&mut self, command: &str) -> Result<String, String> {
        // A command that is only a comment is `:` (an empty `{ }` is a syntax error).
        let command = if command.trim_start().starts_with('#') && !command.contains('\n') {
            ":"
        } else {
            command
        };
        // `$?` after the marker is still the command's, for a following `echo $?`.
        let script = format!(
            "{{ {command}\n}} < /dev/null\n__readme_status=$?\nprintf '\\n{MARKER}\\n'\n\
             __readme_return $__readme_status\n"
        );
        if self.stdin.write_all(script.as_bytes()).is_err() {
            return Err("(bash is gone)".into());
        }
        let _ = self.stdin.flush();
        let mut out = Vec::new();
        loop {
            match self
                .lines
                .recv_timeout(Duration::from_secs(STEP_TIMEOUT_SECS))
            {
                Ok(line) if line == MARKER => break,
                Ok(line) => out.push(line),
                Err(_) => return Err(out.join("\n")),
            }
        }
        // The marker's own newline, and any blank lines the command ended with.
        while out.last().is_some_and(|l| l.trim().is_empty()) {
            out.pop();
        }
        Ok(out.join("\n"))
    }

    /// Stop what the block left running (a `sandbox serve &`: SIGTERM is its clean stop).
    fn finish(mut self) {
        let _ = writeln!(self.stdin, "kill $(jobs -p) 2>/dev/null; wait; exit 0");
        drop(self.stdin);
        let _ = self.child.wait();
    }
}

/// The command as the README writes it, with each id the README showed earlier in the
/// block replaced by the one this run printed in its place (then each fixed loopback port
/// by a free one, [`substitute_ports`]: the output shows ports normalised).
fn substitute_ids(command: &str, expected: &Names, actual: &Names) -> String {
    WORD.replace_all(command, |c: &regex::Captures| {
        let word = &c[0];
        expected
            .name_of(word)
            .and_then(|name| actual.value_of(&name))
            .unwrap_or(word)
            .to_string()
    })
    .into_owned()
}

/// Each fixed loopback port of `command` replaced by a free one, the same for the block.
fn substitute_ports(command: &str, ports: &mut HashMap<String, u16>) -> String {
    PORT.replace_all(command, |c: &regex::Captures| {
        let port = c[0].rsplit(':').next().unwrap().to_string();
        if port == "0" {
            return c[0].to_string();
        }
        let free = *ports.entry(port).or_insert_with(|| {
            std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .unwrap()
        });
        format!("127.0.0.1:{free}")
    })
    .into_owned()
}

fn is_wildcard(line: &str) -> bool {
    line.trim() == "…"
}

/// Expected lines (with `…` wildcard lines) against actual ones.
fn lines_match(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if is_wildcard(first) => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual.first() == Some(first) && lines_match(rest, &actual[1..]),
    }
}

/// Values that differ from run to run, each kind numbered in the order it first appears
/// in the block, so that the same id twice must be the same id.
#[derive(Default)]
struct Names {
    seen: HashMap<(&'static str, String), usize>,
    count: HashMap<&'static str, usize>,
}

impl Names {
    /// The name a value got, if it was seen.
    fn name_of(&self, value: &str) -> Option<String> {
        self.seen
            .iter()
            .find(|((_, v), _)| v == value)
            .map(|((kind, _), n)| format!("<{kind}{n}>"))
    }

    /// The value that got this name.
    fn value_of(&self, name: &str) -> Option<&str> {
        self.seen
            .iter()
            .find(|((kind, _), n)| format!("<{kind}{n}>") == name)
            .map(|((_, v), _)| v.as_str())
    }

    fn name(&mut self, kind: &'static str, value: &str) -> String {
        let next = self.count.get(kind).copied().unwrap_or(0) + 1;
        let n = *self
            .seen
            .entry((kind, value.to_string()))
            .or_insert_with(|| {
                self.count.insert(kind, next);
                next
            });
        format!("<{kind}{n}>")
    }
}

static PORT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"127\.0\.0\.1:\d+").unwrap());
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z").unwrap());
static DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d+(\.\d+)?( ?)(ms|s|min|h)\b").unwrap());
/// Runs of base64url characters (ids, kids, thumbprints), with what follows each.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z0-9_-]+(…)?").unwrap());

/// Ports, times and durations become fixed words; key ids (`apk` + 17), 43-character
/// base64url values (thumbprints, kids made from them, signing kids) and shortened
/// thumbprints (12 characters and `…`) become numbered names; runs of spaces become one.
fn normalise(line: &str, names: &mut Names) -> String {
    let line = PORT.replace_all(line, "127.0.0.1:<port>");
    let line = TIME.replace_all(&line, "<time>");
    let line = DURATION.replace_all(&line, "<n>$2$3");
    let line = WORD.replace_all(&line, |c: &regex::Captures| {
        let word = &c[0];
        let bare = word.trim_end_matches('…');
        if word.ends_with('…') && bare.len() == 12 {
            names.name("thumb", bare) + "…"
        } else if bare.len() == 20 && bare.starts_with("apk") {
            names.name("key", bare) + &word[bare.len()..]
        } else if bare.len() == 43 {
            names.name("b64-", bare) + &word[bare.len()..]
        } else {
            word.to_string()
        }
    });
    let indent = if line.starts_with(' ') { " " } else { "" };
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    format!("{indent}{}", words.join(" "))
}

/// Replace the given README lines (0-based ranges, in file order) with new text.
fn write_back(
    path: &Path,
    readme: &str,
    mut replacements: Vec<(std::ops::Range<usize>, Vec<String>)>,
) {
    replacements.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
    for (range, new) in replacements {
        lines.splice(range, new);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

#[test]
fn the_normalisation_keeps_what_must_match() {
    let mut a = Names::default();
    let mut b = Names::default();
    // Two different runs: the same shape normalises alike ...
    let one = "apkHEURVQoXmfUgvOjdT  enc  NWVZYKKQtJel…  2026-12-01 16:29:39Z http://127.0.0.1:34797/x in 3600 s";
    let two = "apkDcn1UrWRIpmX51LB6  enc  dKdIGDEeTQje…  2026-12-05 08:01:02Z http://127.0.0.1:8799/x in 3599 s";
    assert_eq!(normalise(one, &mut a), normalise(two, &mut b));
    // ... but an id seen before must come back as the same id.
    assert_eq!(normalise("apkHEURVQoXmfUgvOjdT", &mut a), "<key1>");
    assert_eq!(normalise("apkZZZZZZZZZZZZZZZZZ", &mut b), "<key2>");
    // Words that are not ids stay as they are.
    assert_eq!(
        normalise("  3 servers: 0 errors", &mut a),
        " 3 servers: 0 errors"
    );
    // `…` lines stand for any number of lines, others match one to one.
    let exp = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(lines_match(
        &exp(&["a", "…", "d"]),
        &exp(&["a", "b", "c", "d"])
    ));
    assert!(lines_match(&exp(&["a", "…", "d"]), &exp(&["a", "d"])));
    assert!(!lines_match(&exp(&["a", "…", "d"]), &exp(&["a", "b"])));
    assert!(!lines_match(&exp(&["a"]), &exp(&["a", "b"])));
}
