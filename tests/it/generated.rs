//! Everything generated from the clap tree, checked current: the shell completions in
//! `completions/`, the man pages in `man/`, and the `--help` of every command (insta
//! snapshots in `tests/it/snapshots/`). Each walks the tree, so a new subcommand is covered
//! (and must be generated) without touching this file.
//!
//! After changing the command line, refresh all three with the one command in [`REFRESH`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::completion::bash_complete;
use clap::CommandFactory;
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use oktakeys::{Cli, ENVIRONMENT, EXIT_CODES};

/// The one command that regenerates `completions/`, `man/` and the help snapshots.
const REFRESH: &str = "UPDATE_GENERATED=1 INSTA_UPDATE=always cargo test --test it generated";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1")
}

/// The completion script for `shell`: the registration of the binary's own completer.
fn completion_script(shell: Shell) -> Vec<u8> {
    oktakeys::completion_script(shell).expect("a script for every shell")
}

/// The built command tree, without clap's `help` subcommand (it gets no page).
fn tree() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every command in the tree, depth first, parents before children.
fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    out.push((path.clone(), cmd.clone()));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        walk(sub, p, out);
    }
}

fn commands() -> Vec<(Vec<String>, clap::Command)> {
    let mut out = Vec::new();
    walk(&tree(), vec![], &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Generation

/// All generated files, by path relative to the crate root.
fn generated() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        files.insert(
            Path::new("completions").join(shell.file_name("oktakeys")),
            completion_script(shell),
        );
    }
    let all = commands();
    for (path, cmd) in &all {
        let name = page_name(path);
        files.insert(
            Path::new("man").join(format!("{name}.1")),
            man_page(cmd, path, &all).into_bytes(),
        );
    }
    files
}

/// `oktakeys`, `oktakeys-keys`, `oktakeys-keys-list`, …
fn page_name(path: &[String]) -> String {
    std::iter::once("oktakeys")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// The parts of a command's `after_help`: the prose before `Examples:` (it joins the
/// DESCRIPTION) and the example lines (EXAMPLES). Anything after the examples is a
/// pointer to other help and stays out of the page.
fn split_after_help(cmd: &clap::Command) -> (Vec<String>, Vec<String>) {
    let text = cmd
        .get_after_help()
        .map(|s| s.to_string())
        .unwrap_or_default();
    let mut prose = Vec::new();
    let mut examples = Vec::new();
    let mut in_examples = false;
    for line in text.lines() {
        if line.trim_end() == "Examples:" {
            in_examples = true;
        } else if in_examples {
            if line.trim().is_empty() {
                break;
            }
            // Keep the indentation of continuation lines (`\` at the end of the line above).
            examples.push(line.strip_prefix("  ").unwrap_or(line).to_string());
        } else {
            prose.push(line.to_string());
        }
    }
    (prose, examples)
}

/// One man page: clap_mangen's NAME, SYNOPSIS, DESCRIPTION, OPTIONS and SUBCOMMANDS, then
/// EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES, SEE ALSO and VERSION.
fn man_page(cmd: &clap::Command, path: &[String], all: &[(Vec<String>, clap::Command)]) -> String {
    // The page names the release, not the build (commit and date would change every page).
    let cmd = cmd
        .clone()
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(None::<&str>);
    let man = Man::new(cmd.clone())
        .manual("oktakeys manual")
        .source(format!("oktakeys {}", env!("CARGO_PKG_VERSION")));
    let preamble = Roff::new().render();
    let part = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut buf = Vec::new();
        render(&mut buf).expect("rendering to memory");
        let text = String::from_utf8(buf).expect("utf-8");
        text.strip_prefix(&preamble).unwrap_or(&text).to_string()
    };
    let mut page = preamble.clone();
    page += &part(&|w| man.render_title(w));
    page += &part(&|w| man.render_name_section(w));
    // The synopsis as `--help` prints it (`oktakeys keys add [OPTIONS] <--jwk <FILE>>`):
    // clap_mangen would list every global option in it.
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let bin = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    let mut synopsis = Roff::new();
    synopsis.control("SH", ["SYNOPSIS"]);
    synopsis.text([
        bold(bin),
        roman(usage.strip_prefix(bin).unwrap_or(usage).to_string()),
    ]);
    page += &tail(synopsis, &preamble);
    page += &part(&|w| man.render_description_section(w));

    let (prose, examples) = split_after_help(&cmd);
    let mut roff = Roff::new();
    for paragraph in prose.split(|l| l.trim().is_empty()) {
        if paragraph.is_empty() {
            continue;
        }
        roff.control("PP", []);
        // A paragraph with indented lines (a list, a table) keeps its layout, as in --help;
        // any other is filled.
        let laid_out = paragraph.iter().any(|l| l.starts_with(' '));
        if laid_out {
            roff.control("nf", []);
        }
        for line in paragraph {
            roff.text([roman(if laid_out {
                line.trim_end()
            } else {
                line.trim()
            })]);
        }
        if laid_out {
            roff.control("fi", []);
        }
    }
    page += &tail(roff, &preamble);

    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        page += &part(&|w| man.render_options_section(w));
    }
    if cmd.has_subcommands() {
        page += &part(&|w| man.render_subcommands_section(w));
    }

    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    roff.control("RS", ["4"]);
    roff.control("nf", []);
    for example in &examples {
        roff.text([roman(example.clone())]);
    }
    roff.control("fi", []);
    roff.control("RE", []);

    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(*meaning)]);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*meaning)]);
    }
    roff.control("PP", []);
    roff.text([roman(
        "Settings are taken from, highest first: flags, environment variables, the profile, \
         built-in defaults. No flag takes a token: it comes from OKTA_API_TOKEN, or from the \
         profile's token_env, token_command or token.",
    )]);

    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([italic("~/.config/oktakeys/config.toml")]);
    roff.text([roman(
        "The config file (the platform's config directory; $XDG_CONFIG_HOME/oktakeys/config.toml \
         on Linux). --config and OKTAKEYS_CONFIG point elsewhere. A file that holds a token \
         must not be readable by group or others (mode 0600), or oktakeys refuses it. \
         `oktakeys config init` writes it; `oktakeys config path` prints which file is used.",
    )]);
    roff.control("TP", []);
    roff.text([italic("~/.local/share/oktakeys/sandbox.json")]);
    roff.text([roman(
        "The state of the built-in sandbox (`--profile sandbox`, `oktakeys sandbox serve`), in \
         the user data directory ($XDG_DATA_HOME/oktakeys on Linux). --state and \
         OKTAKEYS_SANDBOX_STATE point elsewhere; `oktakeys sandbox reset` restores its seed.",
    )]);

    roff.control("SH", ["SEE ALSO"]);
    let mut see_also: Vec<String> = Vec::new();
    if !path.is_empty() {
        see_also.push(page_name(&path[..path.len() - 1]));
    }
    for (other, _) in all {
        let is_child = other.len() == path.len() + 1 && other.starts_with(path);
        if is_child {
            see_also.push(page_name(other));
        }
    }
    if path.len() > 1 {
        see_also.push(page_name(&[]));
    }
    let refs: Vec<String> = see_also.iter().map(|p| format!("{p}(1)")).collect();
    roff.text([roman(refs.join(", "))]);
    page += &tail(roff, &preamble);

    page += &part(&|w| man.render_version_section(w));
    page
}

fn tail(roff: Roff, preamble: &str) -> String {
    let text = roff.render();
    text.strip_prefix(preamble).unwrap_or(&text).to_string()
}

// ---------------------------------------------------------------------------------------
// Checks

/// The files under `dir` (one level), relative to the crate root.
fn files_in(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
        return vec![];
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| Path::new(dir).join(e.file_name()))
        .collect();
    out.sort();
    out
}

#[test]
fn completions_and_man_pages_are_current() {
    let want = generated();
    let on_disk: Vec<PathBuf> = [files_in("completions"), files_in("man")].concat();
    if updating() {
        for stale in on_disk.iter().filter(|p| !want.contains_key(*p)) {
            std::fs::remove_file(root().join(stale)).expect("remove a stale file");
        }
        for (path, bytes) in &want {
            let full = root().join(path);
            std::fs::create_dir_all(full.parent().expect("has a parent")).expect("mkdir");
            std::fs::write(&full, bytes).expect("write a generated file");
        }
        return;
    }
    let mut problems = Vec::new();
    for (path, bytes) in &want {
        match std::fs::read(root().join(path)) {
            Ok(current) if &current == bytes => {}
            Ok(_) => problems.push(format!("  out of date: {}", path.display())),
            Err(_) => problems.push(format!("  missing:     {}", path.display())),
        }
    }
    for stale in on_disk.iter().filter(|p| !want.contains_key(*p)) {
        problems.push(format!(
            "  stale (no such command any more): {}",
            stale.display()
        ));
    }
    assert!(
        problems.is_empty(),
        "the generated files differ from what the command line generates:\n{}\n\nRefresh them with:\n  {REFRESH}\n",
        problems.join("\n")
    );
}

/// `oktakeys completion SHELL` prints exactly the committed script.
#[test]
fn the_completion_command_prints_the_generated_script() {
    let env = TestEnv::new();
    for (shell, file) in [
        ("bash", "oktakeys.bash"),
        ("zsh", "_oktakeys"),
        ("fish", "oktakeys.fish"),
        ("powershell", "_oktakeys.ps1"),
        ("elvish", "oktakeys.elv"),
    ] {
        let out = run(env.cmd().args(["completion", shell]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let want = completion_script(shell.parse::<Shell>().expect("a shell name"));
        assert_eq!(out.stdout.as_bytes(), want, "{shell}");
        assert_eq!(
            want,
            generated()[&Path::new("completions").join(file)],
            "{shell}"
        );
    }
    let bad = run(env.cmd().args(["completion", "tcsh"]));
    assert_eq!(bad.status.code(), Some(2));
}

/// The bash script is valid bash and, through the binary it calls, completes
/// subcommands and flags (tests/it/completion.rs has the values from the config and org).
#[test]
fn bash_completion_completes_commands_and_flags() {
    let env = TestEnv::new();
    let top = bash_complete(&env, &["oktakeys", ""]);
    for word in ["keys", "config", "completion", "doctor"] {
        assert!(top.iter().any(|l| l == word), "{word} not in:\n{top:?}");
    }
    let config = bash_complete(&env, &["oktakeys", "config", ""]);
    for word in ["init", "list", "show", "path"] {
        assert!(
            config.iter().any(|l| l == word),
            "{word} not in:\n{config:?}"
        );
    }
    let flags = bash_complete(&env, &["oktakeys", "config", "init", "--to"]);
    for word in ["--token-env", "--token-command", "--token-stdin"] {
        assert!(flags.iter().any(|l| l == word), "{word} not in:\n{flags:?}");
    }
}

/// The man pages have the sections a reader looks for, and roff escapes nothing away.
#[test]
fn man_pages_have_the_sections_and_examples() {
    let pages = generated();
    let all = commands();
    for (path, cmd) in &all {
        let name = format!("man/{}.1", page_name(path));
        let page = String::from_utf8(pages[Path::new(&name)].clone()).expect("utf-8");
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH EXAMPLES",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(page.contains(section), "{name} lacks {section}");
        }
        let (_, examples) = split_after_help(cmd);
        assert!(!examples.is_empty(), "{name} has no examples");
        assert!(!page.contains(".SH EXTRA"), "{name}");
    }
    let root_page = String::from_utf8(pages[Path::new("man/oktakeys.1")].clone()).unwrap();
    assert!(root_page.contains("OKTA_API_TOKEN"), "environment listed");
    assert!(root_page.contains("rate limited"), "exit codes listed");
    assert!(
        root_page.contains("oktakeys\\-keys\\-list(1)") || root_page.contains("oktakeys\\-keys(1)")
    );
}

/// `man -l` renders every page without a warning, where man is installed (the check is
/// skipped, and says so, where it is not).
#[test]
fn man_pages_render_cleanly_where_man_is_installed() {
    let have_man = std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_man {
        eprintln!("man is not installed: skipping the rendering check");
        return;
    }
    for file in files_in("man") {
        let out = std::process::Command::new("man")
            .args(["--warnings", "-E", "UTF-8", "-l"])
            .arg(root().join(&file))
            .env("MANWIDTH", "80")
            .env("MAN_KEEP_FORMATTING", "0")
            .run();
        let warnings = out.stderr.as_str();
        assert!(
            out.status.success() && warnings.trim().is_empty(),
            "{}: {warnings}",
            file.display()
        );
        assert!(!out.stdout.is_empty(), "{}", file.display());
    }
}

/// `--help` of every command, pinned; a change in help text is deliberate. Run through
/// the binary with a cleared environment, as a person sees it.
#[test]
fn help_of_every_command_is_pinned() {
    let env = TestEnv::new();
    let mut names = Vec::new();
    for (path, _) in commands() {
        let name = format!("help-{}", page_name(&path));
        let out = run(env.cmd().args(&path).arg("--help"));
        assert_eq!(out.status.code(), Some(0), "{path:?}: {}", stderr(&out));
        insta::assert_snapshot!(name.clone(), stdout(&out));
        names.push(name);
    }
    // `-h` at the top: short help, pointing at --help for exit codes and environment.
    let out = run(env.cmd().arg("-h"));
    insta::assert_snapshot!("short-help-oktakeys", stdout(&out));
    names.push("short-help-oktakeys".into());

    // No snapshot outlives its command.
    let known: Vec<String> = names
        .iter()
        .map(|n| format!("it__generated__{n}.snap"))
        .collect();
    let stale: Vec<PathBuf> = files_in("tests/it/snapshots")
        .into_iter()
        .filter(|p| {
            let file = p.file_name().map(|f| f.to_string_lossy().into_owned());
            file.as_deref().is_some_and(|f| {
                (f.starts_with("it__generated__help-")
                    || f.starts_with("it__generated__short-help-"))
                    && f.ends_with(".snap")
                    && !known.iter().any(|k| k == f)
            })
        })
        .collect();
    if updating() {
        for p in &stale {
            std::fs::remove_file(root().join(p)).expect("remove a stale snapshot");
        }
    } else {
        assert!(
            stale.is_empty(),
            "snapshots of commands that no longer exist: {stale:?}\nRefresh with:\n  {REFRESH}"
        );
    }
}

/// The top-level `--help` lists the exit codes and the environment variables.
#[test]
fn top_level_help_lists_exit_codes_and_environment() {
    let env = TestEnv::new();
    let out = run(env.cmd().arg("--help"));
    let help = stdout(&out);
    // Rows wrap to the help's width: compare with runs of blanks and newlines as one space.
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for (code, meaning) in EXIT_CODES {
        let row = format!(
            "{code} {}",
            meaning.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert!(flat.contains(&row), "exit code {code} missing:\n{help}");
    }
    for (name, _) in ENVIRONMENT {
        assert!(help.contains(name), "{name} missing:\n{help}");
    }
}
