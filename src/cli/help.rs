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
    let mut text = String::from("Exit codes:");
    for (code, meaning) in EXIT_CODES {
        text.push_str(&format!("\n  {code:<3}  {meaning}"));
    }
    text
}

/// The environment variables as a help paragraph.
pub fn environment_help() -> String {
    let width = ENVIRONMENT.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let mut text = String::from("Environment:");
    for (name, meaning) in ENVIRONMENT {
        text.push_str(&format!("\n  {name:<width$}  {meaning}"));
    }
    text
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
