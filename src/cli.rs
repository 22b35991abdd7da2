//! The whole command line, as clap derive types. Parsing and normalising only: no I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use oktakeys_sandbox::{env as sandbox_env, knobs};

use crate::config::env;

/// The exit codes, as documented in `--help`, the man page and the README. CI jobs branch
/// on them; `error::exit` holds the same numbers for the code.
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success"),
    (1, "unexpected failure"),
    (2, "usage error (bad flags or arguments)"),
    (
        3,
        "configuration error: no profile, invalid config, missing credentials, bad key file",
    ),
    (4, "authentication or permission refused by Okta (401, 403)"),
    (5, "not found (404)"),
    (6, "rejected by Okta (400, 409, other 4xx)"),
    (7, "rate limited: 429 still after the retries"),
    (
        8,
        "network failure, timeout, redirect, or 5xx still after the retries",
    ),
    (
        9,
        "aborted: a confirmation was declined, or needed with no terminal and no --yes",
    ),
    (130, "interrupted (Ctrl-C)"),
];

/// The environment variables oktakeys reads, as documented in `--help`, the man page and
/// the README. The names are the constants of `config::env`.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        env::CONFIG,
        "config file to use instead of ~/.config/oktakeys/config.toml",
    ),
    (env::PROFILE, "profile to use, like --profile"),
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
        env::NO_TOKEN_CACHE,
        "when true: no OAuth token kept between runs, like --no-token-cache",
    ),
    (
        "OKTAKEYS_TIMEOUT",
        "limit for the whole command in seconds, like --timeout",
    ),
    (
        "OKTAKEYS_REQUEST_TIMEOUT",
        "limit for one request, like --request-timeout",
    ),
    (
        "OKTAKEYS_CONNECT_TIMEOUT",
        "limit for opening a connection, like --connect-timeout",
    ),
    ("OKTAKEYS_MAX_RETRIES", "retries, like --max-retries"),
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
        env::CI,
        "when set and not empty: never prompt, like --no-input",
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
fn root_after_help() -> String {
    format!(
        "{ROOT_EXAMPLES}\n\nRun `oktakeys --help` for the exit codes and environment variables,\n\
         `oktakeys COMMAND --help` for a command's own examples, `man oktakeys` for all of it."
    )
}

fn root_after_long_help() -> String {
    format!(
        "{ROOT_EXAMPLES}\n\n{}\n\n{}",
        exit_codes_help(),
        environment_help()
    )
}

#[derive(Debug, Parser)]
#[command(
    name = "oktakeys",
    version,
    about = "Manage the public JSON Web Keys (resource server credentials) of Okta custom authorization servers",
    long_about = None,
    after_help = root_after_help(),
    after_long_help = root_after_long_help(),
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args, Default)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file (the name `sandbox` starts a local sandbox when not configured)
    #[arg(
        short,
        long,
        global = true,
        env = "OKTAKEYS_PROFILE",
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Config file to read instead of the default (`oktakeys config path` shows which is used)
    #[arg(
        long,
        global = true,
        env = "OKTAKEYS_CONFIG",
        value_name = "PATH",
        value_hint = ValueHint::FilePath
    )]
    pub config: Option<PathBuf>,

    /// Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)
    #[arg(long, global = true, value_name = "URL", value_hint = ValueHint::Url)]
    pub org_url: Option<String>,

    /// Output format: table for people, json (Okta's raw JSON) for pipelines, id for xargs
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Limit for the whole command, in seconds [default: 120]
    #[arg(long, global = true, env = "OKTAKEYS_TIMEOUT", value_name = "SECS")]
    pub timeout: Option<u64>,

    /// Limit for one HTTP request, in seconds [default: 30]
    #[arg(
        long,
        global = true,
        env = "OKTAKEYS_REQUEST_TIMEOUT",
        value_name = "SECS"
    )]
    pub request_timeout: Option<u64>,

    /// Limit for opening a connection, in seconds [default: 10]
    #[arg(
        long,
        global = true,
        env = "OKTAKEYS_CONNECT_TIMEOUT",
        value_name = "SECS"
    )]
    pub connect_timeout: Option<u64>,

    /// Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]
    #[arg(long, global = true, env = "OKTAKEYS_MAX_RETRIES", value_name = "N")]
    pub max_retries: Option<u32>,

    /// Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)
    #[arg(long, global = true, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ca_cert: Option<PathBuf>,

    /// More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only data and errors: no progress or confirmations of success
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Never prompt (also when the CI environment variable is set)
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Service apps: do not keep OAuth access tokens between runs (in the user cache dir)
    #[arg(long, global = true, env = env::NO_TOKEN_CACHE,
          value_parser = boolish)]
    pub no_token_cache: bool,
    /// Which of the arguments above (and `--auth-server`) clap took from an environment
    /// variable rather than a flag; filled in by [`parse`], for `config show`.
    #[arg(skip)]
    pub env_origins: EnvOrigins,
}

/// Arguments whose value came from their environment variable (`env = …`), by arg id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvOrigins(std::collections::BTreeMap<String, String>);

impl EnvOrigins {
    /// The environment variable that gave arg `id` its value, if one did.
    pub fn var(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    /// Record that arg `id` took its value from `var`.
    pub fn insert(&mut self, id: impl Into<String>, var: impl Into<String>) {
        self.0.insert(id.into(), var.into());
    }

    /// Walk the matched subcommands and note every arg whose value clap read from the
    /// environment. Works for whatever args the tree holds.
    fn collect(cmd: &clap::Command, matches: &clap::ArgMatches, into: &mut EnvOrigins) {
        for arg in cmd.get_arguments() {
            let (Some(var), id) = (arg.get_env(), arg.get_id().as_str()) else {
                continue;
            };
            if matches.value_source(id) == Some(clap::parser::ValueSource::EnvVariable) {
                into.insert(id, var.to_string_lossy());
            }
        }
        if let Some((name, sub_matches)) = matches.subcommand()
            && let Some(sub) = cmd.find_subcommand(name)
        {
            Self::collect(sub, sub_matches, into);
        }
    }
}

/// Parse the process's arguments (exiting on a usage error, as clap does), and note which
/// values came from environment variables.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut cmd = Cli::command();
    cmd.build();
    let matches = cmd.clone().try_get_matches()?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
    EnvOrigins::collect(&cmd, &matches, &mut cli.global.env_origins);
    Ok(cli)
}

/// Whether the raw arguments ask for `-o json`, for reporting an error clap found
/// before there was a parsed `Cli` to ask.
pub fn asks_for_json<I, S>(args: I) -> bool
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut previous_was_flag = false;
    let mut asks = false;
    for arg in args {
        let arg = arg.as_ref().to_string_lossy();
        if arg == "--" {
            break;
        }
        if previous_was_flag {
            asks = arg == "json";
        } else if let Some(value) = arg.strip_prefix("--output=").or(arg.strip_prefix("-o"))
            && !value.is_empty()
        {
            asks = value.trim_start_matches('=') == "json";
        }
        previous_was_flag = arg == "-o" || arg == "--output";
    }
    asks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, add, activate, deactivate and delete an authorization server's public keys
    Keys(KeysArgs),

    /// Create profiles, list them, and show which settings apply and where they come from
    Config(ConfigArgs),

    /// Run a local Okta-compatible server for trying oktakeys and for tests
    Sandbox(SandboxArgs),

    /// Print a shell completion script
    #[command(after_help = "\
Prints the script on stdout; install it where your shell looks for completions.

Examples:
  oktakeys completion bash > ~/.local/share/bash-completion/completions/oktakeys
  oktakeys completion zsh > \"${fpath[1]}/_oktakeys\"
  oktakeys completion fish > ~/.config/fish/completions/oktakeys.fish
  oktakeys completion powershell >> $PROFILE
  eval \"$(oktakeys completion elvish)\"")]
    Completion(CompletionArgs),
}

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Profiles live in the config file (`oktakeys config path` prints where). Settings are taken
from, highest first: flags, environment variables, the profile, built-in defaults.

Examples:
  oktakeys config init --profile prod
  oktakeys config list
  oktakeys config show --profile prod
  $EDITOR \"$(oktakeys config path)\"")]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or update a profile: asks on a terminal, takes flags in scripts
    #[command(after_help = "\
On a terminal, asks for what the flags do not give: the org URL, the auth mode and where
the token comes from (an environment variable or a command, such as a password manager,
before storing the token in the file; a token is never echoed). Without a terminal (or
with --no-input) every value comes from flags: --profile, --org-url and one credential
source. No flag takes a secret: --token-stdin reads the token from stdin.

The file is written with mode 0600 (its directory, when created, 0700); other profiles and
comments are kept. Before writing, one read-only request checks the credentials: the key
list of --auth-server, or else the list of authorization servers. --no-verify skips it.

Examples:
  oktakeys config init --profile prod
  oktakeys config init --profile prod --org-url https://acme.okta.com \\
      --token-env OKTA_PROD_TOKEN --auth-server aus1a2b3c4d5e6f7g8h9 --default
  oktakeys config init --profile dev --org-url https://dev-123.oktapreview.com \\
      --token-command 'pass show okta/dev'
  pass show okta/ci | oktakeys config init --profile ci --org-url https://acme.okta.com \\
      --token-stdin
  oktakeys config init --profile svc --org-url https://acme.okta.com --auth private_key \\
      --client-id 0oa1b2c3d4 --private-key-file svc.pem --no-verify")]
    Init(InitArgs),

    /// List the profiles in the config file, the default marked, credentials masked
    #[command(after_help = "\
The CREDENTIALS column names the source (token_env=VAR, token_command=CMD, token=****,
private_key_file=FILE), never a secret. The built-in `sandbox` profile is listed when the
file does not define one.

Examples:
  oktakeys config list
  oktakeys config list -o json | jq -r '.[] | select(.default) | .name'
  oktakeys config list -o id")]
    List,

    /// Show the settings a command would use, and where each comes from
    #[command(after_help = "\
Each setting is shown with its source: a flag, an environment variable (named), the profile
in the config file, or the built-in default. Secrets are masked; token_command is not run.

Examples:
  oktakeys config show
  oktakeys config show --profile prod
  OKTA_ORG_URL=https://other.okta.com oktakeys config show -o json | jq .org_url")]
    Show(ShowArgs),

    /// Print the path of the config file in use (it may not exist yet)
    #[command(after_help = "\
The path comes from --config, else OKTAKEYS_CONFIG, else ~/.config/oktakeys/config.toml
(the platform's config directory).

Examples:
  oktakeys config path
  $EDITOR \"$(oktakeys config path)\"")]
    Path,
}

/// `--auth ssws|bearer|private_key` for `config init`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthModeArg {
    /// `Authorization: SSWS <API token>` (an Okta API token)
    Ssws,
    /// `Authorization: Bearer <access token>`
    Bearer,
    /// An OAuth 2.0 service app: client_credentials with private_key_jwt
    #[value(name = "private_key")]
    PrivateKey,
}

#[derive(Debug, Clone, Args)]
#[group(id = "token_source", multiple = false)]
pub struct TokenSourceArgs {
    /// Read the token from this environment variable when a command runs (its name, not the token)
    #[arg(long, value_name = "VAR", group = "token_source")]
    pub token_env: Option<String>,

    /// Run this command and use its trimmed stdout as the token (e.g. a password manager)
    #[arg(long, value_name = "CMD", group = "token_source", value_hint = ValueHint::CommandString)]
    pub token_command: Option<String>,

    /// Read the token from stdin now and store it in the config file (mode 0600)
    #[arg(long, group = "token_source")]
    pub token_stdin: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    #[command(flatten)]
    pub token: TokenSourceArgs,

    /// How to authenticate [default: ssws]
    #[arg(long, value_enum, value_name = "MODE")]
    pub auth: Option<AuthModeArg>,

    /// The service app's client id (with --auth private_key)
    #[arg(long, value_name = "ID", conflicts_with = "token_source")]
    pub client_id: Option<String>,

    /// The service app's private key file, PEM or JWK, mode 0600 (with --auth private_key)
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "token_source",
        value_hint = ValueHint::FilePath
    )]
    pub private_key_file: Option<PathBuf>,

    /// The kid of the service app's key, if Okta holds more than one (with --auth private_key)
    #[arg(long, value_name = "KID", conflicts_with = "token_source")]
    pub key_id: Option<String>,

    /// Default authorization server for `keys` commands with this profile
    #[arg(long, value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,

    /// Make this the default profile (the first profile in a file becomes the default anyway)
    #[arg(long)]
    pub default: bool,

    /// Write the profile without checking the credentials against Okta
    #[arg(long)]
    pub no_verify: bool,

    /// Replace the profile's org URL and credentials if it exists, without asking
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Authorization server id, as `keys --auth-server` would take it
    #[arg(long, env = "OKTAKEYS_AUTH_SERVER", value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys keys add --auth-server aus1a2b3c4d5e6f7g8h9 --jwk public.json
  oktakeys keys activate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
pub struct KeysArgs {
    /// Authorization server id (aus…, or `default`); a profile may give a default
    ///
    /// Only `keys rotate` takes several (repeat the flag); the other commands take one.
    #[arg(
        long,
        global = true,
        env = "OKTAKEYS_AUTH_SERVER",
        value_name = "ID",
        value_parser = parse_path_id,
        action = clap::ArgAction::Append
    )]
    pub auth_server: Vec<String>,

    #[command(subcommand)]
    pub command: KeysCommand,
}

impl KeysArgs {
    /// The one `--auth-server` of a command that acts on one server.
    pub fn single_auth_server(&self) -> Result<Option<&str>, String> {
        match self.auth_server.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many => Err(format!(
                "--auth-server is given {} times; only `keys rotate` acts on several servers",
                many.len()
            )),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List the server's keys
    #[command(after_help = "\
Examples:
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys keys list -o json | jq -r '.[] | select(.status == \"INACTIVE\") | .id'
  oktakeys keys list -o id")]
    List,

    /// Show one key
    #[command(after_help = "\
Examples:
  oktakeys keys get --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4
  oktakeys keys get apk2f4zrZbs8nUa7p0g4 -o json | jq -r .kid")]
    Get(KeyIdArgs),

    /// Add a public key (always INACTIVE; activate it afterwards)
    #[command(after_help = "\
The key is validated before anything is sent: kty must be RSA, use enc (the default),
the modulus at least 2048 bits, and private members (d, p, q, …) are refused so a
private key is never uploaded. --pem reads a PEM public key (SPKI `PUBLIC KEY` or PKCS#1
`RSA PUBLIC KEY`), an X.509 certificate (the first of a chain), or an unencrypted RSA
private key (`PRIVATE KEY`, `RSA PRIVATE KEY`) of which only n and e are sent. The kid
comes from --kid, else the JWK's kid, else the RFC 7638 SHA-256 thumbprint of the key.

Examples:
  oktakeys keys add --auth-server aus1a2b3c4d5e6f7g8h9 --jwk public.json
  oktakeys keys add --jwk jwks.json --kid 2026-11-enc
  oktakeys keys add --pem cert.pem --kid 2026-11-enc
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc.pem | oktakeys keys add --jwk -
  cat public.json | oktakeys keys add --jwk - --dry-run")]
    Add(AddArgs),

    /// Make a key the active one (Okta deactivates the previously active key)
    #[command(after_help = "\
Examples:
  oktakeys keys activate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
    Activate(MutateArgs),

    /// Deactivate a key
    #[command(after_help = "\
Okta refuses to deactivate the active key while access-token encryption is enabled on
the server: activate another key instead.

Examples:
  oktakeys keys deactivate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
    Deactivate(MutateArgs),

    /// Delete an INACTIVE key (asks first on a terminal)
    #[command(after_help = "\
Only INACTIVE keys can be deleted. Without a terminal (or with --no-input) the command
refuses to run unless --yes is given, and exits 9.

Examples:
  oktakeys keys delete --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4
  oktakeys keys delete apk2f4zrZbs8nUa7p0g4 --yes")]
    Delete(DeleteArgs),

    /// Create an RSA key pair: the private key to a file (mode 0600), the public JWK to stdout
    #[command(after_help = "\
Needs no profile and no network. The private key is written as PKCS#8 PEM to the file
given with --private-key-out, created with mode 0600 (never wider, not even for a
moment); an existing file is kept unless --force is given. It is never printed. The
public JWK ({\"kty\":\"RSA\",\"use\":\"enc\",\"kid\":…,\"e\":…,\"n\":…}) goes to stdout.

Examples:
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc-2026-11.pem > public.json
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc.pem | oktakeys keys add --jwk -
  oktakeys keys generate --kid big --bits 4096 --private-key-out big.pem --force")]
    Generate(GenerateArgs),

    /// Rotate to a new key: add it, activate it, retire old keys (safe to re-run)
    #[command(after_help = "\
Steps, for each --auth-server (repeat the flag for several servers, rotated independently):
  1. list the keys and print the plan (on stderr); --dry-run stops here
  2. add the new key INACTIVE, or use the key with the same kid (and the same key material)
     that an earlier, interrupted run added
  3. activate it: Okta deactivates the key that was active
  4. --delete-old deletes the other INACTIVE keys; --keep N keeps the N newest of them
     (the key that was active just before counts as the newest)
A server holding 5 keys (Okta's maximum) gets room by deleting, first, INACTIVE keys that
the retention deletes anyway; without --delete-old or --keep the rotation is refused before
anything changes. Only INACTIVE keys are deleted and nothing is deactivated, so a server
that had an active key always has one.

If a step fails, the rotation of that server stops, prints what Okta now holds and the
command that resumes; re-running the same command completes the rotation without
duplicating anything. The exit code is that of the first failure. The kid of the new key is
--kid, else the JWK's kid, else the key's RFC 7638 SHA-256 thumbprint.

--generate writes a new private key to --private-key-out (PKCS#8 PEM, mode 0600) before
anything is sent; if that file already exists (an earlier run was interrupted) the key in it
is used instead. Give a new file for each rotation.

Deleting asks for confirmation on a terminal; without one (CI), pass --yes or the command
exits 9 before contacting Okta.

Examples:
  oktakeys keys rotate --auth-server aus1a2b3c4d5e6f7g8h9 --pem new-public.pem --dry-run
  oktakeys keys rotate --auth-server ausA --auth-server ausB --jwk new.json --keep 1 --yes
  oktakeys keys rotate --auth-server ausA --generate --private-key-out enc-2026-11.pem \\
      --kid enc-2026-11 --delete-old --yes -o json")]
    Rotate(RotateArgs),
}

#[derive(Debug, Args)]
pub struct KeyIdArgs {
    /// The key's id (apk…), as `keys list` shows it; not the JWK kid
    #[arg(value_name = "KEY_ID", value_parser = parse_path_id)]
    pub key_id: String,
}

#[derive(Debug, Args)]
pub struct DryRunArg {
    /// Print the method, URL and body that would be sent, send nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct MutateArgs {
    #[command(flatten)]
    pub id: KeyIdArgs,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub id: KeyIdArgs,
    /// Delete without asking
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
#[group(id = "key_source", required = true, multiple = false)]
pub struct KeySourceArgs {
    /// A public JWK, or a JWKS (pick the key with --kid); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "key_source")]
    pub jwk: Option<PathBuf>,

    /// A PEM public key (SPKI or PKCS#1), X.509 certificate, or RSA private key (only its
    /// public part is sent); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "key_source")]
    pub pem: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub source: KeySourceArgs,
    /// The kid to give the key (with a JWKS: which key to take)
    #[arg(long, value_name = "KID")]
    pub kid: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The new key's kid (it goes into the public JWK)
    #[arg(long, value_name = "KID", value_parser = parse_kid)]
    pub kid: String,

    /// File to write the private key to (PKCS#8 PEM, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub private_key_out: PathBuf,

    /// RSA modulus size in bits
    #[arg(long, value_enum, value_name = "BITS", default_value_t = KeyBits::B3072)]
    pub bits: KeyBits,

    /// Replace FILE if it exists (atomically: the old key stays until the new one is complete)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[group(id = "rotate_source", required = true, multiple = false)]
pub struct RotateSourceArgs {
    /// The new public key as a JWK, or a JWKS (pick the key with --kid); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "rotate_source")]
    pub jwk: Option<PathBuf>,

    /// The new public key as PEM: SPKI or PKCS#1 public key, X.509 certificate, or RSA
    /// private key (only its public part is sent); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "rotate_source")]
    pub pem: Option<PathBuf>,

    /// Generate the new key pair (the private key goes to --private-key-out)
    #[arg(long, group = "rotate_source", requires = "private_key_out")]
    pub generate: bool,
}

#[derive(Debug, Args)]
pub struct RotateArgs {
    #[command(flatten)]
    pub source: RotateSourceArgs,

    /// With --generate: the file for the private key (PKCS#8 PEM, mode 0600); an existing
    /// file's key is used instead of a new one
    #[arg(long, value_name = "FILE", conflicts_with_all = ["jwk", "pem"])]
    pub private_key_out: Option<PathBuf>,

    /// With --generate: RSA modulus size in bits
    #[arg(long, value_enum, value_name = "BITS", default_value_t = KeyBits::B3072)]
    pub bits: KeyBits,

    /// The new key's kid [default: the JWK's kid, else the RFC 7638 thumbprint]
    #[arg(long, value_name = "KID", value_parser = parse_kid)]
    pub kid: Option<String>,

    /// After activating, delete every other INACTIVE key
    #[arg(long, conflicts_with = "keep")]
    pub delete_old: bool,

    /// After activating, keep the N newest INACTIVE keys and delete the others
    #[arg(long, value_name = "N")]
    pub keep: Option<usize>,

    /// Delete without asking
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Print the plan, change nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyBits {
    #[value(name = "2048")]
    B2048,
    #[value(name = "3072")]
    B3072,
    #[value(name = "4096")]
    B4096,
}

impl KeyBits {
    pub fn bits(self) -> usize {
        match self {
            KeyBits::B2048 => 2048,
            KeyBits::B3072 => 3072,
            KeyBits::B4096 => 4096,
        }
    }
}

/// A kid is free text for Okta, but a blank one or one with control characters is a mistake.
fn parse_kid(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("must not be empty or blank".into());
    }
    if s.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(s.to_string())
}

pub const SANDBOX_SERVE_HELP: &str = "\
The sandbox answers like Okta: the same status codes, error bodies, headers and rules
(keys are added INACTIVE, one ACTIVE key, only INACTIVE keys can be deleted, unique kid,
RSA modulus of 2048 bits or more, at most 5 keys). A new state file holds the server
`default` and each --auth-server, each with one ACTIVE key. The base URL goes to stdout;
the generated token (unless --token) and an example command go to stderr.

OAuth 2.0: each --service-app may get tokens from POST /oauth2/v1/token (client_credentials
with a private_key_jwt assertion, checked like Okta: signature, iss/sub, aud, exp, replayed
jti, granted scopes); the key endpoints then take `Bearer`/`DPoP` tokens and answer 403
E0000006 to a token without okta.authorizationServers.manage for changes.

Test knobs: --rate-limit, --rate-limit-window, --latency, --fail-requests, --fail-with.
Past the rate limit the sandbox answers 429 E0000047 until X-Rate-Limit-Reset; a window
starts with the first request after the previous one ended. The in-process sandbox behind
`--profile sandbox` reads the same OKTAKEYS_SANDBOX_* environment variables.

Examples:
  oktakeys sandbox serve
  OKTAKEYS_SANDBOX_TOKEN=00test oktakeys sandbox serve --addr 127.0.0.1:0 --auth-server aus1test
  oktakeys sandbox serve --rate-limit 3 --rate-limit-window 10 --fail-requests 2 --fail-with drop
  oktakeys sandbox serve --service-app 0oaci=ci.pub.pem --require-dpop";

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys sandbox serve
  oktakeys sandbox serve --addr 127.0.0.1:0 --auth-server aus1test --state /tmp/sandbox.json
  oktakeys --profile sandbox keys list --auth-server default
  oktakeys sandbox reset")]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub command: SandboxCommand,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve Okta's six key endpoints on a local address until Ctrl-C or SIGTERM
    #[command(after_help = SANDBOX_SERVE_HELP)]
    Serve(SandboxServeArgs),

    /// Restore the sandbox state to its seed (server `default` with one ACTIVE key)
    #[command(after_help = "\
Replaces the state file even when it is corrupt.

Examples:
  oktakeys sandbox reset
  oktakeys sandbox reset --state /tmp/sandbox.json --auth-server aus1test")]
    Reset(SandboxResetArgs),
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Sandbox options")]
pub struct SandboxServeArgs {
    /// Address to listen on (port 0 picks a free port)
    #[arg(
        long,
        value_name = "ADDR",
        default_value = knobs::DEFAULT_SERVE_ADDR,
        env = sandbox_env::ADDR
    )]
    pub addr: std::net::SocketAddr,

    /// State file [default: the user data folder's oktakeys/sandbox.json]
    #[arg(long, value_name = "FILE", env = sandbox_env::STATE)]
    pub state: Option<PathBuf>,

    /// Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in
    /// `ps`. Without it a token is generated and printed on stderr
    #[arg(
        long,
        value_name = "TOKEN",
        env = sandbox_env::TOKEN,
        hide_env_values = true,
        value_parser = |s: &str| Ok::<_, std::convert::Infallible>(crate::secret::Secret::new(s))
    )]
    pub token: Option<crate::secret::Secret>,

    /// Another authorization server to hold (besides `default`); repeatable
    #[arg(long = "auth-server", value_name = "ID", value_parser = parse_path_id)]
    pub auth_servers: Vec<String>,

    /// Treat this server as having access-token encryption on (its active key cannot be
    /// deactivated); repeatable
    #[arg(long = "encryption-enabled", value_name = "ID", value_parser = parse_path_id)]
    pub encryption_enabled: Vec<String>,

    /// Register an OAuth 2.0 service app for the token endpoint: its client id, its public
    /// key file (PEM or JWK), and the scopes granted to it (comma separated; default
    /// okta.authorizationServers.read and .manage); repeatable
    #[arg(long = "service-app", value_name = "CLIENT_ID=KEY_FILE[:SCOPES]")]
    pub service_apps: Vec<String>,

    /// Make the token endpoint demand DPoP with a nonce challenge (as Okta does for new API
    /// service apps), and the key endpoints a nonce in DPoP proofs too
    #[arg(long)]
    pub require_dpop: bool,

    /// Requests allowed per rate-limit window; then 429 E0000047
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "N", env = sandbox_env::RATE_LIMIT,
          default_value_t = knobs::DEFAULT_RATE_LIMIT, value_parser = knobs::parse_rate_limit)]
    pub rate_limit: u64,

    /// Length of the rate-limit window in seconds
    #[arg(help_heading = "Test knobs")]
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "SECS", env = sandbox_env::RATE_LIMIT_WINDOW,
          default_value_t = knobs::DEFAULT_RATE_LIMIT_WINDOW_SECS,
          value_parser = knobs::parse_rate_limit_window)]
    pub rate_limit_window: u64,

    /// Milliseconds to wait before answering each request
    #[arg(help_heading = "Test knobs")]
    #[arg(
        long,
        value_name = "MS",
        env = sandbox_env::LATENCY_MS,
        default_value_t = knobs::DEFAULT_LATENCY_MS,
        value_parser = knobs::parse_latency_ms
    )]
    pub latency: u64,

    /// Numbers of the requests to fail (counted from 1 since start), comma separated
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "N,...", env = sandbox_env::FAIL_REQUESTS, value_delimiter = ',',
          value_parser = knobs::parse_request_number)]
    pub fail_requests: Vec<u64>,

    /// How the requests of --fail-requests fail: 500, 503, or drop (close the connection)
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "HOW", env = sandbox_env::FAIL_WITH, value_enum,
          default_value_t = SandboxFailWith::Status500)]
    pub fail_with: SandboxFailWith,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SandboxFailWith {
    #[value(name = "500")]
    Status500,
    #[value(name = "503")]
    Status503,
    Drop,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Sandbox options")]
pub struct SandboxResetArgs {
    /// State file [default: the user data folder's oktakeys/sandbox.json]
    #[arg(long, value_name = "FILE", env = sandbox_env::STATE)]
    pub state: Option<PathBuf>,

    /// Another authorization server to seed (besides `default`); repeatable
    #[arg(long = "auth-server", value_name = "ID", value_parser = parse_path_id)]
    pub auth_servers: Vec<String>,
}

/// Ids go into URL paths. Reject what percent-encoding cannot make safe: nothing, blank,
/// and the dot segments that URL normalisation would climb out of the path with. Also
/// applied to a profile's `auth_server` (see `config`).
pub fn parse_path_id(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("must not be empty or blank".into());
    }
    if s == "." || s == ".." {
        return Err(format!("`{s}` is not an id"));
    }
    if s.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(s.to_string())
}

/// A yes/no from the environment: 1/0, true/false, yes/no, on/off; empty is no.
fn boolish(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" | "off" => Ok(false),
        "1" | "true" | "yes" | "on" => Ok(true),
        _ => Err("expected true or false (or 1/0, yes/no, on/off)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn json_output_is_found_in_raw_arguments() {
        for yes in [
            &["keys", "list", "-o", "json"][..],
            &["--output", "json", "keys"],
            &["--output=json"],
            &["-ojson"],
            &["-o=json"],
            &["-o", "table", "-o", "json"],
        ] {
            assert!(asks_for_json(yes), "{yes:?}");
        }
        for no in [
            &["keys", "list"][..],
            &["-o", "table"],
            &["-o", "json", "-o", "id"],
            &["--", "-o", "json"],
            &["--kid", "json"],
        ] {
            assert!(!asks_for_json(no), "{no:?}");
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The parsed command line is safe to log: the one flag that takes a secret (the
    /// sandbox's token) holds it in a `Secret`.
    #[test]
    fn debug_of_the_parsed_command_line_shows_no_token() {
        let cli = Cli::try_parse_from(["oktakeys", "sandbox", "serve", "--token", "00sbxSECRET"])
            .unwrap();
        let shown = format!("{cli:?}");
        assert!(!shown.contains("00sbxSECRET"), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }

    /// Every command has an about and a realistic example, every flag a help line: the
    /// tree is walked, so a new command or flag without them fails here.
    #[test]
    fn every_command_and_flag_teaches() {
        fn check(cmd: &clap::Command, path: &str, problems: &mut Vec<String>) {
            if cmd
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                problems.push(format!("{path}: no about (doc comment)"));
            }
            let after = cmd
                .get_after_help()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let example = after.split_once("Examples:\n").is_some_and(|(_, ex)| {
                ex.lines()
                    .any(|l| l.starts_with("  oktakeys ") || l.contains(" oktakeys "))
            });
            if let Some(long) = after.lines().find(|l| l.chars().count() > 100) {
                problems.push(format!(
                    "{path}: after_help line over 100 columns (clap would wrap it): {long}"
                ));
            }
            if !example {
                problems.push(format!(
                    "{path}: no `Examples:` with an oktakeys command in after_help"
                ));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    problems.push(format!("{path}: argument `{id}` has no help"));
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                check(sub, &format!("{path} {}", sub.get_name()), problems);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut problems = Vec::new();
        check(&cmd, "oktakeys", &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn values_from_the_environment_are_told_apart_from_flags() {
        let mut cmd = Cli::command();
        cmd.build();
        // `env = …` is read by clap from the process environment; simulate it with
        // explicit matches instead of touching the environment of the test process.
        let matches = cmd
            .clone()
            .try_get_matches_from([
                "oktakeys",
                "--profile",
                "p",
                "keys",
                "list",
                "--auth-server",
                "a",
            ])
            .unwrap();
        let mut origins = EnvOrigins::default();
        EnvOrigins::collect(&cmd, &matches, &mut origins);
        assert_eq!(origins, EnvOrigins::default(), "flags are not env");
    }

    #[test]
    fn auth_server_may_follow_the_subcommand() {
        let cli =
            Cli::try_parse_from(["oktakeys", "keys", "list", "--auth-server", "aus1"]).unwrap();
        let Command::Keys(keys) = cli.command else {
            panic!("expected the keys command");
        };
        assert_eq!(keys.single_auth_server(), Ok(Some("aus1")));
    }

    #[test]
    fn dot_and_blank_ids_are_usage_errors() {
        for bad in ["", " ", ".", ".."] {
            let err = Cli::try_parse_from(["oktakeys", "keys", "get", bad]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        let ok = Cli::try_parse_from(["oktakeys", "keys", "get", "../../users/me"]);
        assert!(ok.is_ok());
    }

    #[test]
    fn rotate_takes_several_servers_and_one_source() {
        let cli = Cli::try_parse_from([
            "oktakeys",
            "keys",
            "rotate",
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausB",
            "--pem",
            "k.pem",
            "--keep",
            "1",
        ])
        .unwrap();
        let Command::Keys(keys) = cli.command else {
            panic!("keys")
        };
        assert_eq!(keys.auth_server, ["ausA", "ausB"]);
        assert!(keys.single_auth_server().is_err());
        let KeysCommand::Rotate(rotate) = keys.command else {
            panic!("rotate")
        };
        assert_eq!(rotate.keep, Some(1));

        for bad in [
            &["--pem", "k.pem", "--jwk", "k.json"][..],
            &[][..],
            &["--generate"][..],
            &["--pem", "k.pem", "--private-key-out", "x.pem"][..],
            &["--pem", "k.pem", "--delete-old", "--keep", "2"][..],
        ] {
            let mut argv = vec!["oktakeys", "keys", "rotate"];
            argv.extend_from_slice(bad);
            let err = Cli::try_parse_from(argv).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
    }

    #[test]
    fn add_needs_a_key_source() {
        let err = Cli::try_parse_from(["oktakeys", "keys", "add"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
