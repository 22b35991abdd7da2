//! Every `oktakeys …` command printed for people to run (a hint, a next step, a resume
//! command) is built here, so that it runs as printed: it carries the global options the
//! run was given that choose the org and how to reach it (`--profile`, `--config`,
//! `--org-url`, `--org-from`, `--ca-cert`), and every argument is shell-quoted.
//!
//! Hints are made deep in the code (errors, the rotation engine, the API calls) where the
//! command line is not at hand: `lib::run` sets the global options once, at startup, and
//! everything else only reads them.

use std::sync::OnceLock;

use crate::escape::shell_quote;

static GLOBALS: OnceLock<Vec<String>> = OnceLock::new();

/// The run's global options to repeat in every command printed, as flag and value pairs
/// (`--profile NAME`, …). Set once, at startup; a later call changes nothing.
pub(crate) fn set_globals(args: Vec<String>) {
    let _ = GLOBALS.set(args);
}

/// `oktakeys`, the run's global options, then `args`, each shell-quoted: a command to
/// print for people. Placeholders (`KEY_ID`, `FILE`) are written as such, in capitals.
pub(crate) fn command<S: AsRef<str>>(args: impl IntoIterator<Item = S>) -> String {
    command_setting(&[], args)
}

/// [`command`] for a command whose `args` set some of the global options themselves
/// (`config init --profile NAME --org-url URL`): the run's own values of the options named
/// in `own` are left out, so that none is given twice.
pub(crate) fn command_setting<S: AsRef<str>>(
    own: &[&str],
    args: impl IntoIterator<Item = S>,
) -> String {
    let globals = GLOBALS.get().map(Vec::as_slice).unwrap_or_default();
    let kept = globals
        .chunks(2)
        .filter(|pair| !own.contains(&pair[0].as_str()))
        .flatten();
    std::iter::once("oktakeys".to_string())
        .chain(kept.map(|a| shell_quote(a)))
        .chain(args.into_iter().map(|a| shell_quote(a.as_ref())))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of an option and its value for a printed command: `--flag value`, or
/// `--flag=value` when the value begins with `-` (a generated kid can: a thumbprint is
/// base64url), which would otherwise be read as a flag and the command would not run.
pub(crate) fn option(flag: &str, value: &str) -> Vec<String> {
    if value.starts_with('-') && value != "-" {
        vec![format!("{flag}={value}")]
    } else {
        vec![flag.to_string(), value.to_string()]
    }
}

/// `oktakeys config init`, with the run's `--config` (and `--ca-cert`), not its
/// `--profile` or org: `config init` would take those for the new profile's name and org.
pub(crate) fn config_init() -> String {
    command_setting(
        &["--profile", "--org-url", "--org-from"],
        ["config", "init"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_argument_is_quoted_and_placeholders_stay_readable() {
        // Unit tests set no global options.
        assert_eq!(
            command(["keys", "delete", "--auth-server", "my server", "KEY_ID"]),
            "oktakeys keys delete --auth-server 'my server' KEY_ID"
        );
        assert_eq!(
            command_setting(&["--profile"], ["--profile", "it's", "keys", "list"]),
            r"oktakeys --profile 'it'\''s' keys list"
        );
    }

    #[test]
    fn a_value_that_begins_with_a_dash_is_joined_to_its_option() {
        let words = |flag, value| command(option(flag, value));
        assert_eq!(words("--kid", "-Zx_1"), "oktakeys --kid=-Zx_1");
        assert_eq!(words("--kid", "a-b"), "oktakeys --kid a-b");
        // `-` alone is a value to clap (stdin), and stays apart.
        assert_eq!(words("--jwk", "-"), "oktakeys --jwk -");
    }
}
