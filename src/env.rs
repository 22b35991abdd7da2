//! The names of the environment variables oktakeys reads, in one place. clap reads some
//! of them itself (`#[arg(env = …)]` in `cli`); `config` looks the others up.

pub(crate) const CONFIG: &str = "OKTAKEYS_CONFIG";
pub(crate) const PROFILE: &str = "OKTAKEYS_PROFILE";
pub(crate) const AUTH_SERVER: &str = "OKTAKEYS_AUTH_SERVER";
pub(crate) const ORG_URL: &str = "OKTA_ORG_URL";
pub(crate) const SDK_ORG_URL: &str = "OKTA_CLIENT_ORGURL";
pub(crate) const API_TOKEN: &str = "OKTA_API_TOKEN";
pub(crate) const SDK_TOKEN: &str = "OKTA_CLIENT_TOKEN";
pub(crate) const SDK_AUTH_MODE: &str = "OKTA_CLIENT_AUTHORIZATIONMODE";
pub(crate) const SDK_CLIENT_ID: &str = "OKTA_CLIENT_CLIENTID";
pub(crate) const SDK_SCOPES: &str = "OKTA_CLIENT_SCOPES";
pub(crate) const SDK_PRIVATE_KEY: &str = "OKTA_CLIENT_PRIVATEKEY";
pub(crate) const SDK_PRIVATE_KEY_ID: &str = "OKTA_CLIENT_PRIVATEKEYID";
/// The client secret `keys verify` authenticates to a custom server's token endpoint with
/// (`--client-secret-env` names another variable). Never a flag.
pub(crate) const CLIENT_SECRET: &str = "OKTAKEYS_CLIENT_SECRET";
pub(crate) const NO_TOKEN_CACHE: &str = "OKTAKEYS_NO_TOKEN_CACHE";
pub(crate) const CI: &str = "CI";
/// Set by the shell completion scripts: this run answers what `<TAB>` offers.
pub(crate) const COMPLETE: &str = "COMPLETE";
/// A PEM bundle of CA certificates to trust, as OpenSSL and curl read it.
pub(crate) const SSL_CERT_FILE: &str = "SSL_CERT_FILE";
pub(crate) const NO_COLOR: &str = "NO_COLOR";
/// `dumb` turns colour off, as for other tools.
pub(crate) const TERM: &str = "TERM";
/// The terminal's width for tables, as `ls` and clap read it (on a terminal only).
pub(crate) const COLUMNS: &str = "COLUMNS";

// Read by clap, on the flags of the same names.
pub(crate) const TIMEOUT: &str = "OKTAKEYS_TIMEOUT";
pub(crate) const REQUEST_TIMEOUT: &str = "OKTAKEYS_REQUEST_TIMEOUT";
pub(crate) const CONNECT_TIMEOUT: &str = "OKTAKEYS_CONNECT_TIMEOUT";
pub(crate) const MAX_RETRIES: &str = "OKTAKEYS_MAX_RETRIES";
pub(crate) const MAX_API_CAPACITY: &str = "OKTAKEYS_MAX_API_CAPACITY";

// `sandbox serve|reset`; the test knobs' names belong to the sandbox, which reads them
// too (behind `--profile sandbox`).
pub(crate) use oktakeys_sandbox::env::{
    ADDR as SANDBOX_ADDR, FAIL_REQUESTS as SANDBOX_FAIL_REQUESTS, FAIL_WITH as SANDBOX_FAIL_WITH,
    LATENCY_MS as SANDBOX_LATENCY_MS, MAX_KEYS as SANDBOX_MAX_KEYS,
    RATE_LIMIT as SANDBOX_RATE_LIMIT, RATE_LIMIT_WINDOW as SANDBOX_RATE_LIMIT_WINDOW,
    STATE as SANDBOX_STATE, TOKEN as SANDBOX_TOKEN,
};

// Set by `keys rotate` for the commands it runs (`--activate-when`, `--on-retire`).
pub(crate) const HOOK_AUTH_SERVER: &str = "OKTAKEYS_AUTH_SERVER";
pub(crate) const HOOK_NEW_KID: &str = "OKTAKEYS_NEW_KID";
pub(crate) const HOOK_NEW_KEY_ID: &str = "OKTAKEYS_NEW_KEY_ID";
pub(crate) const HOOK_PRIVATE_KEY_FILE: &str = "OKTAKEYS_PRIVATE_KEY_FILE";
pub(crate) const HOOK_RETIRED_KID: &str = "OKTAKEYS_RETIRED_KID";
pub(crate) const HOOK_RETIRED_KEY_ID: &str = "OKTAKEYS_RETIRED_KEY_ID";
/// The passphrase of an encrypted private key (`keys generate --encrypt`, and any
/// encrypted PEM read); without it, oktakeys asks on the terminal.
pub(crate) const KEY_PASSPHRASE: &str = "OKTAKEYS_KEY_PASSPHRASE";
/// The resource server's key ring (`--ring`): a file path; `{server}` is the server's id.
pub(crate) const RING: &str = "OKTAKEYS_RING";
/// The ring in a secret store (`--ring-read-command`): the command that prints it.
pub(crate) const RING_READ_COMMAND: &str = "OKTAKEYS_RING_READ_COMMAND";
/// The ring in a secret store (`--ring-write-command`): the command that stores its stdin.
pub(crate) const RING_WRITE_COMMAND: &str = "OKTAKEYS_RING_WRITE_COMMAND";
pub(crate) use oktakeys_sandbox::env::{
    CLIENTS as SANDBOX_CLIENTS, JWE_ENC as SANDBOX_JWE_ENC,
    TOKEN_LIFETIME as SANDBOX_TOKEN_LIFETIME,
};
