//! Help that reads: a subcommand's `--help` names the global options once, briefly, under
//! their heading (`oktakeys help globals` has them in full); flags a subcommand refuses or
//! ignores are not offered; wrapped environment and exit-code lines keep their indent.

use crate::common::*;
use clap::CommandFactory;
use oktakeys::Cli;

/// Every visible subcommand, as the words to type (`["keys", "list"]`).
fn subcommands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut out);
    out
}

fn help(env: &TestEnv, words: &[&str]) -> String {
    let out = env.run(words);
    assert_eq!(out.code(), Some(0), "{words:?}: {out}");
    out.stdout
}

#[test]
fn subcommand_help_names_the_global_options_once_briefly() {
    let env = TestEnv::new();
    let all = subcommands();
    assert!(all.len() > 20, "{all:?}");
    for path in all {
        let mut words: Vec<&str> = path.iter().map(String::as_str).collect();
        words.push("--help");
        let text = help(&env, &words);
        let heading =
            "Global options (anywhere on the line; `oktakeys help globals` explains each):";
        assert_eq!(text.matches(heading).count(), 1, "{path:?}:\n{text}");
        assert!(
            !text.contains("\nGlobal options:\n"),
            "{path:?} repeats them in full"
        );
        // The long texts stay in the top-level help.
        for long in ["Limit for one HTTP request", "[env: OKTAKEYS_PROFILE=]"] {
            assert!(!text.contains(long), "{path:?} has {long:?}:\n{text}");
        }
        for flag in [
            "-p, --profile NAME",
            "--org-url URL",
            "-o, --output FORMAT",
            "-q, --quiet",
        ] {
            assert!(text.contains(flag), "{path:?} lacks {flag}:\n{text}");
        }
    }
    // The top-level help keeps them in full.
    let top = help(&env, &["--help"]);
    assert!(top.contains("\nGlobal options:\n") && top.contains("Limit for one HTTP request"));
}

#[test]
fn help_globals_has_the_global_options_in_full() {
    let env = TestEnv::new();
    let text = help(&env, &["help", "globals"]);
    assert_eq!(text, help(&env, &["globals"]));
    for long in [
        "Limit for one HTTP request, in seconds [default: 30]",
        "[env: OKTAKEYS_PROFILE=]",
        "--no-token-cache",
    ] {
        assert!(text.contains(long), "{long:?}:\n{text}");
    }
    // Hidden from the list of commands: it is help, not a command.
    assert!(!help(&env, &["--help"]).contains("\n  globals "));
}

#[test]
fn flags_a_subcommand_refuses_or_ignores_are_not_offered() {
    let env = TestEnv::new();
    for (command, flags) in [
        (
            &["keys", "delete"][..],
            &["--all-auth-servers", "--parallel"][..],
        ),
        (
            &["keys", "generate"],
            &["--all-auth-servers", "--parallel", "--auth-server"],
        ),
        (&["keys", "get"], &["--parallel", "--all-auth-servers"]),
        (&["keys", "add"], &["--parallel", "--all-auth-servers"]),
    ] {
        let mut words = command.to_vec();
        words.push("--help");
        let text = help(&env, &words);
        for flag in flags {
            assert!(!text.contains(flag), "{command:?} offers {flag}:\n{text}");
        }
    }
    for command in [
        &["keys", "list"][..],
        &["keys", "rotate"],
        &["keys", "audit"],
    ] {
        let mut words = command.to_vec();
        words.push("--help");
        let text = help(&env, &words);
        assert!(text.contains("--parallel <N>") && text.contains("--all-auth-servers"));
    }
    // Refused as what they are: usage errors.
    for words in [
        &[
            "keys",
            "get",
            "--parallel",
            "3",
            "--auth-server",
            SERVER,
            "apk1",
        ][..],
        &["keys", "delete", "--all-auth-servers", "apk1"],
        &["keys", "generate", "--all-auth-servers", "--kid", "k"],
    ] {
        let out = env.run(words);
        assert_eq!(out.code(), Some(2), "{words:?}: {out}");
        assert!(out.stderr.contains("unexpected argument"), "{out}");
    }
}

#[test]
fn wrapped_environment_and_exit_code_lines_keep_their_indent() {
    let env = TestEnv::new();
    for columns in ["60", "80", "100"] {
        let out = run(env.cmd().env("COLUMNS", columns).arg("--help"));
        assert_eq!(out.code(), Some(0), "{out}");
        let width: usize = columns.parse().unwrap();
        for section in ["Environment:", "Exit codes:"] {
            let lines: Vec<&str> = out
                .stdout
                .lines()
                .skip_while(|l| *l != section)
                .skip(1)
                .take_while(|l| !l.is_empty())
                .collect();
            assert!(lines.len() > 5, "{section} at {columns}:\n{}", out.stdout);
            // A row starts two spaces in; every other line is indented further (beside
            // the names, or under them on a narrow terminal), never at the left edge.
            for line in &lines {
                assert!(line.chars().count() <= width, "{line:?} wider than {width}");
                let starts_a_row = line.starts_with("  ") && !line.starts_with("   ");
                assert!(
                    starts_a_row || line.starts_with("      "),
                    "{section} at {columns}: {line:?} lost its indent\n{}",
                    out.stdout
                );
            }
        }
    }
    let narrow = run(env.cmd().env("COLUMNS", "60").arg("--help"));
    let environment: String = narrow
        .stdout
        .lines()
        .skip_while(|l| *l != "Environment:")
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("environment_at_60_columns", environment);
}
