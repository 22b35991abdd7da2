//! The whole command line, as clap derive types. Parsing and normalising only: no I/O.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  unexpected failure
  2  usage error (bad flags or arguments)
  3  configuration error: no profile, invalid config, missing credentials, bad key file
  4  authentication or permission refused by Okta (401, 403)
  5  not found (404)
  6  rejected by Okta (400, 409, other 4xx)
  7  rate limited: 429 still after the retries
  8  network failure, timeout, or 5xx still after the retries
  9  aborted: a confirmation was declined, or needed with no terminal and no --yes";

pub const ENVIRONMENT_HELP: &str = "\
Environment:
  OKTAKEYS_CONFIG        config file (default: ~/.config/oktakeys/config.toml)
  OKTAKEYS_PROFILE       profile to use
  OKTAKEYS_AUTH_SERVER   default authorization server id for `keys` commands
  OKTA_ORG_URL, OKTA_CLIENT_ORGURL        the org URL, e.g. https://acme.okta.com
  OKTA_API_TOKEN, OKTA_CLIENT_TOKEN       the API token (never pass a token as a flag)
  OKTA_CLIENT_AUTHORIZATIONMODE           SSWS (default), Bearer or PrivateKey (OAuth 2.0 service app)
  OKTA_CLIENT_CLIENTID, OKTA_CLIENT_PRIVATEKEY (PEM/JWK text or a path), OKTA_CLIENT_PRIVATEKEYID,
  OKTA_CLIENT_SCOPES (comma-separated)    the service app, for PrivateKey
  OKTAKEYS_NO_TOKEN_CACHE                 like --no-token-cache
  NO_COLOR               disable colour;  CI  never prompt (like --no-input)";

const ROOT_AFTER_HELP: &str = "\
Examples:
  oktakeys --profile sandbox keys list --auth-server default
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9 -o json | jq '.[] | {id, status}'
  OKTA_ORG_URL=https://acme.okta.com OKTA_API_TOKEN=... oktakeys keys get apk2f4zrZbs8nUa7p0g4";

#[derive(Debug, Parser)]
#[command(
    name = "oktakeys",
    version,
    about = "Manage the public JSON Web Keys (resource server credentials) of Okta custom authorization servers",
    long_about = None,
    after_help = ROOT_AFTER_HELP,
    after_long_help = format!("{ROOT_AFTER_HELP}\n\n{EXIT_CODES_HELP}\n\n{ENVIRONMENT_HELP}"),
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

    /// Config file to read instead of the default
    #[arg(long, global = true, env = "OKTAKEYS_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)
    #[arg(long, global = true, value_name = "URL")]
    pub org_url: Option<String>,

    /// Output format: table for people, json (Okta's raw JSON) for pipelines, id for xargs
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Limit for the whole command, in seconds [default: 120]
    #[arg(long, global = true, value_name = "SECS")]
    pub timeout: Option<u64>,

    /// Limit for one HTTP request, in seconds [default: 30]
    #[arg(long, global = true, value_name = "SECS")]
    pub request_timeout: Option<u64>,

    /// Limit for opening a connection, in seconds [default: 10]
    #[arg(long, global = true, value_name = "SECS")]
    pub connect_timeout: Option<u64>,

    /// Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]
    #[arg(long, global = true, value_name = "N")]
    pub max_retries: Option<u32>,

    /// Extra CA certificate (PEM) to trust, for corporate TLS proxies
    #[arg(long, global = true, value_name = "FILE")]
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
    #[arg(long, global = true, env = "OKTAKEYS_NO_TOKEN_CACHE")]
    pub no_token_cache: bool,
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
    /// Run a local Okta-compatible server for trying oktakeys and for tests
    Sandbox(SandboxArgs),
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
  oktakeys sandbox serve --service-app 0oaci=ci.pub.pem:okta.authorizationServers.read --require-dpop";

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
        default_value = "127.0.0.1:8787",
        env = "OKTAKEYS_SANDBOX_ADDR"
    )]
    pub addr: std::net::SocketAddr,

    /// State file [default: the user data folder's oktakeys/sandbox.json]
    #[arg(long, value_name = "FILE", env = "OKTAKEYS_SANDBOX_STATE")]
    pub state: Option<PathBuf>,

    /// Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in
    /// `ps`. Without it a token is generated and printed on stderr
    #[arg(
        long,
        value_name = "TOKEN",
        env = "OKTAKEYS_SANDBOX_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,

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
    #[arg(long, value_name = "N", env = "OKTAKEYS_SANDBOX_RATE_LIMIT", default_value_t = 1000,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub rate_limit: u64,

    /// Length of the rate-limit window in seconds
    #[arg(help_heading = "Test knobs")]
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "SECS", env = "OKTAKEYS_SANDBOX_RATE_LIMIT_WINDOW", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub rate_limit_window: u64,

    /// Milliseconds to wait before answering each request
    #[arg(help_heading = "Test knobs")]
    #[arg(
        long,
        value_name = "MS",
        env = "OKTAKEYS_SANDBOX_LATENCY_MS",
        default_value_t = 0
    )]
    pub latency: u64,

    /// Numbers of the requests to fail (counted from 1 since start), comma separated
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "N,...", env = "OKTAKEYS_SANDBOX_FAIL_REQUESTS", value_delimiter = ',',
          value_parser = clap::value_parser!(u64).range(1..))]
    pub fail_requests: Vec<u64>,

    /// How the requests of --fail-requests fail: 500, 503, or drop (close the connection)
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "HOW", env = "OKTAKEYS_SANDBOX_FAIL_WITH", value_enum,
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
    #[arg(long, value_name = "FILE", env = "OKTAKEYS_SANDBOX_STATE")]
    pub state: Option<PathBuf>,

    /// Another authorization server to seed (besides `default`); repeatable
    #[arg(long = "auth-server", value_name = "ID", value_parser = parse_path_id)]
    pub auth_servers: Vec<String>,
}

/// Ids go into URL paths. Reject what percent-encoding cannot make safe: nothing, blank,
/// and the dot segments that URL normalisation would climb out of the path with.
fn parse_path_id(s: &str) -> Result<String, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
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
