//! `oktakeys sandbox serve|reset`: their arguments and help.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use oktakeys_sandbox::knobs;

use crate::env;
use crate::ids::parse_path_id;

pub const SANDBOX_SERVE_HELP: &str = "\
The sandbox answers like Okta: the same status codes, error bodies, headers and rules
(keys are added INACTIVE, one ACTIVE key, only INACTIVE keys can be deleted, unique kid,
RSA modulus of 2048 bits or more, at most 5 keys). A new state file holds the server
`default` and each --auth-server, each with one ACTIVE key. The base URL goes to stdout;
the generated token (unless --token) and an example command go to stderr.

Authorization servers: GET /api/v1/authorizationServers (q, limit, after, Link headers),
GET and PUT /api/v1/authorizationServers/{id} (name and audiences required; PUT replaces the
object and keeps unknown fields; accessTokenEncryptedResponseAlgorithm RSA-OAEP-256, -384 or
-512 needs an ACTIVE key; a jwks_uri deletes the saved keys), and their policies and rules
(one ACTIVE policy with one ACTIVE rule of --token-lifetime minutes is seeded).

Each server's own OAuth endpoints need no API token: POST /oauth2/{id}/v1/token
(client_credentials, client_secret_basic or client_secret_post, any non-empty scope) gives an
RS256 JWT signed with the server's key from GET /oauth2/{id}/v1/keys; while the server's
encryption is on, the JWT is wrapped in a JWE to its ACTIVE key (alg the server's, enc
--jwe-enc, kid the key's, cty JWT). Metadata: /oauth2/{id}/.well-known/oauth-authorization-server.
The built-in client (id and secret printed on stderr) and each --client may get tokens.

OAuth 2.0 for the API: each --service-app may get tokens from POST /oauth2/v1/token
(client_credentials with a private_key_jwt assertion, checked like Okta: signature, iss/sub,
aud, exp, replayed jti, granted scopes); the key endpoints then take `Bearer`/`DPoP` tokens and
answer 403 E0000006 to a token without okta.authorizationServers.manage for changes.

Test knobs: --rate-limit, --rate-limit-window, --latency, --fail-requests, --fail-with,
--max-keys (an add beyond N keys gets Okta's 400 E0000001, whose text says 5 as Okta's does).
Past the rate limit the sandbox answers 429 E0000047 until X-Rate-Limit-Reset; a window
starts with the first request after the previous one ended. The in-process sandbox behind
`--profile sandbox` reads the same OKTAKEYS_SANDBOX_* environment variables (also
OKTAKEYS_SANDBOX_CLIENTS, OKTAKEYS_SANDBOX_TOKEN_LIFETIME and OKTAKEYS_SANDBOX_JWE_ENC).

Examples:
  oktakeys sandbox serve
  OKTAKEYS_SANDBOX_TOKEN=00test oktakeys sandbox serve --addr 127.0.0.1:0 --auth-server aus1test
  oktakeys sandbox serve --rate-limit 3 --rate-limit-window 10 --fail-requests 2 --fail-with drop
  oktakeys sandbox serve --service-app 0oaci=ci.pub.pem --require-dpop
  OKTAKEYS_SANDBOX_CLIENTS=0oaapp:s3cret oktakeys sandbox serve --token-lifetime 5 --jwe-enc A128GCM";

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
        env = env::SANDBOX_ADDR
    )]
    pub addr: std::net::SocketAddr,

    /// State file [default: the user data folder's oktakeys/sandbox.json]
    #[arg(long, value_name = "FILE", env = env::SANDBOX_STATE)]
    pub state: Option<PathBuf>,

    /// Token to accept (SSWS or Bearer); prefer the environment variable, a flag shows in
    /// `ps`. Without it a token is generated and printed on stderr
    #[arg(
        long,
        value_name = "TOKEN",
        env = env::SANDBOX_TOKEN,
        hide_env_values = true,
        value_parser = |s: &str| Ok::<_, std::convert::Infallible>(keymaterial::secret::Secret::new(s))
    )]
    pub token: Option<keymaterial::secret::Secret>,

    /// Another authorization server to hold (besides `default`); repeatable
    #[arg(long = "auth-server", value_name = "ID", value_parser = parse_path_id)]
    pub auth_servers: Vec<String>,

    /// Turn access-token encryption on for this server at start (RSA-OAEP-256 unless it
    /// already has an algorithm; it needs an ACTIVE key); repeatable
    #[arg(long = "encryption-enabled", value_name = "ID", value_parser = parse_path_id)]
    pub encryption_enabled: Vec<String>,

    /// A client of the servers' token endpoints (client_secret_basic or _post), besides the
    /// built-in one; repeatable. Prefer the environment variable (comma separated): a flag
    /// shows in `ps`
    #[arg(
        long = "client",
        value_name = "ID:SECRET",
        env = env::SANDBOX_CLIENTS,
        hide_env_values = true,
        value_delimiter = ',',
        value_parser = |s: &str| sandbox_client(s)
    )]
    pub clients: Vec<SandboxClient>,

    /// Access-token lifetime of each server's seeded policy rule, in minutes (5 to 1440)
    #[arg(
        long,
        value_name = "MINUTES",
        env = env::SANDBOX_TOKEN_LIFETIME,
        default_value_t = oktakeys_sandbox::seed::DEFAULT_TOKEN_LIFETIME_MINUTES,
        value_parser = oktakeys_sandbox::custom_as::parse_token_lifetime
    )]
    pub token_lifetime: u32,

    /// Content encryption of encrypted access tokens: A128GCM, A192GCM, A256GCM,
    /// A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512
    #[arg(
        long,
        value_name = "ENC",
        env = env::SANDBOX_JWE_ENC,
        default_value = "A256GCM",
        value_parser = oktakeys_sandbox::custom_as::parse_jwe_enc
    )]
    pub jwe_enc: oktakeys_sandbox::ContentEnc,

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
    #[arg(long, value_name = "N", env = env::SANDBOX_RATE_LIMIT,
          default_value_t = knobs::DEFAULT_RATE_LIMIT, value_parser = knobs::parse_rate_limit)]
    pub rate_limit: u64,

    /// Length of the rate-limit window in seconds
    #[arg(help_heading = "Test knobs")]
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "SECS", env = env::SANDBOX_RATE_LIMIT_WINDOW,
          default_value_t = knobs::DEFAULT_RATE_LIMIT_WINDOW_SECS,
          value_parser = knobs::parse_rate_limit_window)]
    pub rate_limit_window: u64,

    /// Milliseconds to wait before answering each request
    #[arg(help_heading = "Test knobs")]
    #[arg(
        long,
        value_name = "MS",
        env = env::SANDBOX_LATENCY_MS,
        default_value_t = knobs::DEFAULT_LATENCY_MS,
        value_parser = knobs::parse_latency_ms
    )]
    pub latency: u64,

    /// Numbers of the requests to fail (counted from 1 since start), comma separated
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "N,...", env = env::SANDBOX_FAIL_REQUESTS, value_delimiter = ',',
          value_parser = knobs::parse_request_number)]
    pub fail_requests: Vec<u64>,

    /// How the requests of --fail-requests fail: 500, 503, or drop (close the connection)
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "HOW", env = env::SANDBOX_FAIL_WITH, value_enum,
          default_value_t = SandboxFailWith::Status500)]
    pub fail_with: SandboxFailWith,

    /// The most keys a server may hold; an add beyond is refused as Okta refuses it
    #[arg(help_heading = "Test knobs")]
    #[arg(long, value_name = "N", env = env::SANDBOX_MAX_KEYS,
          default_value_t = knobs::DEFAULT_MAX_KEYS, value_parser = knobs::parse_max_keys)]
    pub max_keys: usize,
}

/// A `--client ID:SECRET`: the sandbox's client, whose `Debug` hides the secret.
#[derive(Debug, Clone)]
pub struct SandboxClient(pub oktakeys_sandbox::Client);

fn sandbox_client(s: &str) -> Result<SandboxClient, String> {
    oktakeys_sandbox::Client::parse_arg(s).map(SandboxClient)
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
    #[arg(long, value_name = "FILE", env = env::SANDBOX_STATE)]
    pub state: Option<PathBuf>,

    /// Another authorization server to seed (besides `default`); repeatable
    #[arg(long = "auth-server", value_name = "ID", value_parser = parse_path_id)]
    pub auth_servers: Vec<String>,
}
