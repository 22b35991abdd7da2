//! The top-level help's paragraphs: examples, exit codes and environment variables, as
//! `--help` and the man page show them.

use crate::env;
use crate::error::exit;

/// The exit codes, as documented in `--help`, the man page and the README; made from
/// `error::exit::TABLE`, the one list of them.
pub const EXIT_CODES: &[(u8, &str)] = &exit::pairs::<{ exit::TABLE.len() }>();

/// The environment variables oktakeys reads, as documented in `--help`, the man page and
/// the README. The names are the constants of `env`.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        env::CONFIG,
        "config file to use instead of ~/.config/oktakeys/config.toml",
    ),
    (env::PROFILE, "profile to use, like --profile"),
    (
        env::KEY_PASSPHRASE,
        "passphrase of encrypted private keys (keys generate --encrypt, and reading them)",
    ),
    (
        env::AUTH_SERVER,
        "authorization server for `keys` commands, like --auth-server",
    ),
    (
        env::RING,
        "the resource server's key ring, like --ring (a file; {server} is the server's id)",
    ),
    (
        env::RING_READ_COMMAND,
        "the ring in a secret store: the command printing it, like --ring-read-command",
    ),
    (
        env::RING_WRITE_COMMAND,
        "the command storing the ring given on its stdin, like --ring-write-command",
    ),
    (env::ORG_URL, "the org URL, e.g. https://acme.okta.com"),
    (env::SDK_ORG_URL, "the same, as the Okta SDKs name it"),
    (
        env::API_TOKEN,
        "the API token; beats the profile's (no flag takes a token)",
    ),
    (env::SDK_TOKEN, "the same, as the Okta SDKs name it"),
    (
        env::SDK_AUTH_MODE,
        "SSWS (default), Bearer or PrivateKey; beats the profile's `auth`",
    ),
    (
        env::SDK_CLIENT_ID,
        "PrivateKey: the service app's client id; beats the profile's client_id",
    ),
    (
        env::SDK_PRIVATE_KEY,
        "PrivateKey: its private key, PEM or JWK text or a file path",
    ),
    (
        env::SDK_PRIVATE_KEY_ID,
        "PrivateKey: the kid of that key in Okta; beats the profile's key_id",
    ),
    (
        env::SDK_SCOPES,
        "PrivateKey: scopes, comma separated (default: what the command needs)",
    ),
    (
        env::CLIENT_SECRET,
        "`keys verify`: the client secret for the server's token endpoint (never a flag)",
    ),
    (
        env::NO_TOKEN_CACHE,
        "when true: no OAuth token kept between runs, like --no-token-cache",
    ),
    (
        env::TIMEOUT,
        "limit for the whole command in seconds, like --timeout",
    ),
    (
        env::REQUEST_TIMEOUT,
        "limit for one request, like --request-timeout",
    ),
    (
        env::CONNECT_TIMEOUT,
        "limit for opening a connection, like --connect-timeout",
    ),
    (env::MAX_RETRIES, "retries, like --max-retries"),
    (
        env::MAX_API_CAPACITY,
        "share of the rate limit, like --max-api-capacity",
    ),
    (
        env::SSL_CERT_FILE,
        "CA certificates (PEM) to trust, as for OpenSSL and curl",
    ),
    (
        "HTTPS_PROXY, NO_PROXY",
        "proxy to use and hosts to reach directly (loopback never uses a proxy)",
    ),
    (env::NO_COLOR, "when set and not empty: no colour"),
    (
        env::COLUMNS,
        "on a terminal: the width tables fit (default: the terminal's)",
    ),
    (
        env::CI,
        "when set and not empty: never prompt, like --no-input",
    ),
    (
        env::COMPLETE,
        "set by the completion scripts: answer what <TAB> offers (bash, zsh, fish, …)",
    ),
    (
        "OKTAKEYS_SANDBOX_*",
        "address, state file, token and test knobs of the sandbox",
    ),
];

/// The exit codes as a help paragraph.
pub fn exit_codes_help() -> String {
    let rows: Vec<(String, &str)> = EXIT_CODES
        .iter()
        .map(|(code, meaning)| (code.to_string(), *meaning))
        .collect();
    format!("Exit codes:\n{}", hanging_rows(&rows, help_width()))
}

/// The environment variables as a help paragraph.
pub fn environment_help() -> String {
    let rows: Vec<(String, &str)> = ENVIRONMENT
        .iter()
        .map(|(name, meaning)| (name.to_string(), *meaning))
        .collect();
    format!("Environment:\n{}", hanging_rows(&rows, help_width()))
}

/// The width clap wraps help to: the terminal's (else `COLUMNS`, else 100), at most 100
/// (`max_term_width`). Paragraphs laid out here fit it, so clap leaves them alone.
fn help_width() -> usize {
    let terminal = terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    let columns = || {
        std::env::var(env::COLUMNS)
            .ok()?
            .trim()
            .parse::<usize>()
            .ok()
    };
    terminal.or_else(columns).unwrap_or(100).clamp(40, 100)
}

/// `  NAME  meaning` rows, the meanings in one column and wrapped within `width` with their
/// indent kept (clap would start a wrapped line at the left edge). When that column would
/// be narrow, each meaning goes under its name instead.
fn hanging_rows(rows: &[(String, &str)], width: usize) -> String {
    let name_width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    // Keep a column spare: a line exactly as wide as the terminal would wrap there.
    let beside = 2 + name_width + 2;
    let under = width.saturating_sub(beside + 1) < 40;
    let indent = if under { 6 } else { beside };
    let room = width.saturating_sub(indent + 1);
    let mut lines = Vec::new();
    for (name, meaning) in rows {
        let mut line = if under {
            lines.push(format!("  {name}"));
            " ".repeat(indent)
        } else {
            format!("  {name:<name_width$}  ")
        };
        let mut used = 0;
        for word in meaning.split(' ') {
            if used > 0 && used + 1 + word.chars().count() > room {
                lines.push(line.trim_end().to_string());
                line = " ".repeat(indent);
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += word.chars().count();
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

/// The command as `--help` shows it: in a subcommand's help the global options are one
/// short paragraph under their heading (they are in full in the top-level help and in
/// `oktakeys help globals`), and flags a subcommand ignores are not offered. Done before
/// clap builds the tree: each subcommand gets the global options as hidden copies, which
/// clap then does not propagate again (and passes down, hidden).
pub fn for_help(mut cmd: clap::Command) -> clap::Command {
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    let brief = brief_globals(&globals, help_width());
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != GLOBALS)
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |mut sub| {
            for arg in &globals {
                sub = sub.arg(arg.clone().hide(true));
            }
            with_brief(sub, &brief)
        });
    }
    cmd.mut_subcommand("keys", |keys| {
        // `keys generate` works offline: it takes no server.
        let server = keys
            .get_arguments()
            .find(|a| a.get_id() == "auth_server")
            .cloned();
        keys.mut_subcommand("generate", |g| match server {
            Some(server) => g.arg(server.hide(true)),
            None => g,
        })
    })
}

/// The hidden subcommand whose help is the global options in full.
pub const GLOBALS: &str = "globals";

/// A subcommand (and those below it) with `brief` before its own after-help.
fn with_brief(mut sub: clap::Command, brief: &str) -> clap::Command {
    let after = sub
        .get_after_help()
        .map(|a| format!("{brief}\n\n{a}"))
        .unwrap_or_else(|| brief.to_string());
    sub = sub.after_help(after);
    let names: Vec<String> = sub
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        sub = sub.mut_subcommand(name, |s| with_brief(s, brief));
    }
    sub
}

/// `Global options (…):` and the flags with their value names, packed into lines.
fn brief_globals(globals: &[clap::Arg], width: usize) -> String {
    let flags: Vec<String> = globals
        .iter()
        .filter(|a| !a.is_hide_set())
        .map(|a| {
            let long = a.get_long().map(|l| format!("--{l}")).unwrap_or_default();
            let flag = match a.get_short() {
                Some(s) => format!("-{s}, {long}"),
                None => long,
            };
            match a.get_value_names().and_then(|v| v.first()) {
                Some(value) if a.get_action().takes_values() => format!("{flag} {value}"),
                _ => flag,
            }
        })
        .collect();
    let mut lines = vec![
        "Global options (anywhere on the line; `oktakeys help globals` explains each):".to_string(),
    ];
    let mut line = String::from("  ");
    for flag in flags {
        let mut sep = if line.trim().is_empty() { "" } else { "   " };
        if !sep.is_empty() && line.len() + sep.len() + flag.len() >= width {
            lines.push(std::mem::replace(&mut line, String::from("  ")));
            sep = "";
        }
        line.push_str(sep);
        line.push_str(&flag);
    }
    lines.push(line);
    lines
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

const ROOT_EXAMPLES: &str = "\
Examples:
  oktakeys --profile sandbox keys list --auth-server default
  oktakeys config init --profile prod
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9 -o json | jq '.[] | {id, status}'
  OKTA_ORG_URL=https://acme.okta.com OKTA_API_TOKEN=... oktakeys keys get apk2f4zrZbs8nUa7p0g4";

/// `-h` shows the examples and where to read more; `--help` adds exit codes and environment.
pub(super) fn root_after_help() -> String {
    format!(
        "{ROOT_EXAMPLES}\n\nRun `oktakeys --help` for the exit codes and environment variables,\n\
         `oktakeys COMMAND --help` for a command's own examples, `man oktakeys` for all of it."
    )
}

pub(super) fn root_after_long_help() -> String {
    format!(
        "{ROOT_EXAMPLES}\n\n{}\n\n{}",
        exit_codes_help(),
        environment_help()
    )
}
