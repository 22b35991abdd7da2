//! The sandbox: a local server that answers Okta's six resource-server-key endpoints, the
//! authorization-server objects (list, get, replace; policies and rules) and each server's
//! own OAuth endpoints (token, keys, metadata) with Okta's status codes, error bodies,
//! headers, id and timestamp formats and rules, backed by a JSON state file.
//!
//! The state file (format version 2; version 1 files are migrated) is plain JSON that tests
//! may write: `{"version":2,"authorizationServers":{ID:{"keys":[…],"object":{…},
//! "policies":[{…,"rules":[…]}]}}}`. [`add_policy`] adds a policy with rules to it.
//!
//! - `oktakeys sandbox serve` runs it on an address until Ctrl-C / SIGTERM ([`start`]).
//! - The `sandbox` profile runs it in-process on an ephemeral loopback port for one
//!   command ([`start_in_process`]), with its state in [`default_state_path`].
//! - `oktakeys sandbox reset` restores the seed ([`reset`]).
//!
//! It prints nothing: what its owner should hear of comes back as values, or through
//! [`OnError`]. It depends on the key-material crate only, never on an HTTP client.
//!
//! Modules: `model` (the state), `rules` (Okta's rules, pure), `errors` (Okta's error
//! bodies), `store` (the state file: lock, read, atomic write), `seed`, `ids` (ids, tokens,
//! timestamps), `knobs` (rate limit, latency, failures), `env` (variable names), `oauth`
//! (the org token endpoint), `servers` (server objects, policies; pure), `custom_as` (each
//! server's token endpoint, JWKS, metadata), `response` (JSON answers), `server` and
//! `server/authorization_servers` (HTTP), `error` (this crate's error).

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use keymaterial::secret::Secret;

pub mod custom_as;
pub mod env;
mod error;
mod errors;
mod faults;
pub mod ids;
pub mod knobs;
mod model;
pub mod oauth;
mod response;
mod rules;
pub mod seed;
mod server;
mod servers;
mod store;

pub use custom_as::{BUILTIN_CLIENT_ID, BUILTIN_CLIENT_SECRET, Client};
pub use error::{Error, OnError, Result};
pub use faults::{Faults, LoggedRequest};
pub use keymaterial::jwe::ContentEnc;
pub use knobs::{FailWith, Knobs};

/// The authorization server every sandbox holds (the CLI's `sandbox` profile uses it).
pub const DEFAULT_AUTH_SERVER: &str = "default";

/// What a sandbox serves, and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    pub state_file: PathBuf,
    pub token: Secret,
    /// Servers besides `default`; each missing one is added to the state, seeded.
    pub auth_servers: Vec<String>,
    /// Servers to turn access-token encryption on for at start (`RSA-OAEP-256`, unless the
    /// server object already has an algorithm; the server needs an ACTIVE key). Encryption
    /// itself is the server object's `accessTokenEncryptedResponseAlgorithm`.
    pub encryption_enabled: BTreeSet<String>,
    /// Clients of the servers' token endpoints, besides the built-in one ([`Client::builtin`]).
    pub clients: Vec<Client>,
    /// The `enc` of encrypted access tokens.
    pub jwe_enc: ContentEnc,
    /// When set, the seeded rule of every server gets this access-token lifetime (minutes),
    /// in a new state file and an existing one alike.
    pub token_lifetime_minutes: Option<u32>,
    pub knobs: Knobs,
    /// Service apps the token endpoint serves, and whether it demands DPoP.
    pub oauth: oauth::OAuthOptions,
    /// Told of the failures answered with 500 (the state file could not be used).
    pub on_error: OnError,
    /// For tests: log every request, fail or lose the answer of chosen ones.
    pub faults: Option<Faults>,
}

impl Options {
    /// Loopback, ephemeral port, generated token, default knobs.
    pub fn new(state_file: impl Into<PathBuf>) -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            state_file: state_file.into(),
            token: Secret::new(ids::api_token()),
            auth_servers: Vec::new(),
            encryption_enabled: BTreeSet::new(),
            clients: Vec::new(),
            jwe_enc: custom_as::DEFAULT_JWE_ENC,
            token_lifetime_minutes: None,
            knobs: Knobs::default(),
            oauth: oauth::OAuthOptions::default(),
            on_error: OnError::default(),
            faults: None,
        }
    }

    /// `default`, then the others asked for (encryption-enabled ones included), once each.
    fn seed_servers(&self) -> Vec<String> {
        let mut out = vec![DEFAULT_AUTH_SERVER.to_string()];
        for s in self.auth_servers.iter().chain(&self.encryption_enabled) {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }
}

/// A sandbox running on the current tokio runtime. Dropping it stops the server
/// (in-flight requests finish while the runtime lives).
#[derive(Debug)]
pub struct RunningSandbox {
    /// `http://127.0.0.1:PORT`, the org URL to give the client.
    pub base_url: String,
    /// The token the sandbox accepts (`SSWS` or `Bearer`).
    pub token: Secret,
    pub local_addr: SocketAddr,
    pub state_file: PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningSandbox {
    /// Stop accepting, let in-flight requests finish (at most 5 s), and return.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Run until the server stops (it stops only through [`RunningSandbox::shutdown`]
    /// or drop, so this is for `serve`, raced against the signals).
    pub async fn wait(&mut self) {
        if let Some(task) = self.task.as_mut() {
            let _ = task.await;
            self.task = None;
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Check the state file (seeding it when missing, adding missing servers), bind, and
/// spawn the server on the current tokio runtime.
pub async fn start(options: Options) -> Result<RunningSandbox> {
    if options.token.expose().trim().is_empty() {
        return Err(Error::Usage("the sandbox token must not be empty".into()));
    }
    let store = store::Store::new(&options.state_file);
    let servers = options.seed_servers();
    let ensure = servers.clone();
    let lifetime = options.token_lifetime_minutes;
    let encrypt: Vec<String> = options.encryption_enabled.iter().cloned().collect();
    tokio::task::spawn_blocking(move || {
        store.remove_stale_temps()?;
        let now = ids::timestamp(SystemTime::now());
        store.transact(
            || seed::seeded_state(&ensure, &now),
            |state| {
                for s in &ensure {
                    if !state.servers.contains_key(s) {
                        state.servers.insert(
                            s.clone(),
                            seed::seed_server(
                                s,
                                ids::key_id(),
                                ids::random_below(seed::MODULI.len()),
                                &now,
                            ),
                        );
                    }
                }
                if let Some(minutes) = lifetime {
                    seed::apply_token_lifetime(state, minutes);
                }
                turn_encryption_on(state, &encrypt)
            },
        )
    })
    .await
    .map_err(|e| Error::Internal(format!("the sandbox state task failed: {e}")))???;

    let listener = tokio::net::TcpListener::bind(options.addr)
        .await
        .map_err(|e| {
            Error::config_hint(
                format!("the sandbox cannot listen on {}: {e}", options.addr),
                "choose another address with --addr (port 0 picks a free one)",
            )
        })?;
    let local_addr = listener
        .local_addr()
        .map_err(|e| Error::Internal(format!("the sandbox's listening address: {e}")))?;
    let app = Arc::new(
        server::App::new(
            store::Store::new(&options.state_file),
            servers,
            options.token.clone(),
            options.knobs.clone(),
            local_addr,
        )
        .with_oauth(oauth::Issuer::new(options.oauth.clone()))
        .with_custom_as(
            custom_as::CustomAs::new(options.clients.clone(), options.jwe_enc),
            options.token_lifetime_minutes,
        )
        .with_on_error(options.on_error.clone())
        .with_faults(options.faults.clone()),
    );
    let (tx, rx) = oneshot::channel();
    let task = tokio::spawn(server::serve(listener, app, rx));
    Ok(RunningSandbox {
        base_url: format!("http://{local_addr}"),
        token: options.token,
        local_addr,
        state_file: options.state_file,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// `--encryption-enabled`: set `RSA-OAEP-256` on each server without an algorithm.
fn turn_encryption_on(state: &mut model::State, servers: &[String]) -> Result<()> {
    for id in servers {
        let Some(server) = state.servers.get_mut(id) else {
            continue;
        };
        if server.encryption_alg().is_some() {
            continue;
        }
        if server.active_key().is_none() && server.jwks_uri().is_none() {
            return Err(Error::Usage(format!(
                "cannot turn access-token encryption on for {id}: it has no ACTIVE key"
            )));
        }
        server.object.insert(
            servers::ENCRYPTION_FIELD.into(),
            serde_json::Value::String(servers::ENCRYPTION_ALGS[0].into()),
        );
    }
    Ok(())
}

/// The sandbox behind the `sandbox` profile: loopback, ephemeral port, a fresh token,
/// state in `state_file` (seeded with `default` when missing), knobs, clients, token
/// lifetime and JWE `enc` from the `OKTAKEYS_SANDBOX_*` environment variables. Runs on the
/// current tokio runtime.
pub async fn start_in_process(state_file: &Path) -> Result<RunningSandbox> {
    let mut options = Options::new(state_file);
    options.knobs = Knobs::from_env()?;
    options.apply_env(|name| std::env::var(name).ok())?;
    start(options).await
}

impl Options {
    /// The clients, token lifetime and JWE `enc` from a variable lookup (unset or empty
    /// variables change nothing), as `sandbox serve` reads them through its flags.
    pub fn apply_env(&mut self, lookup: impl Fn(&str) -> Option<String>) -> Result<()> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = get(env::TOKEN_LIFETIME) {
            let minutes = custom_as::parse_token_lifetime(&v).map_err(|why| {
                Error::config(format!("{} {why}, not `{v}`", env::TOKEN_LIFETIME))
            })?;
            self.token_lifetime_minutes = Some(minutes);
        }
        if let Some(v) = get(env::JWE_ENC) {
            self.jwe_enc = custom_as::parse_jwe_enc(&v)
                .map_err(|why| Error::config(format!("{} {why}, not `{v}`", env::JWE_ENC)))?;
        }
        if let Some(list) = get(env::CLIENTS) {
            for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let client = Client::parse_arg(item)
                    .map_err(|why| Error::config(format!("{}: each item {why}", env::CLIENTS)))?;
                self.clients.push(client);
            }
        }
        Ok(())
    }
}

/// A policy for [`add_policy`]: its name, status and priority, and its rules.
#[derive(Debug, Clone)]
pub struct PolicySpec {
    pub name: String,
    pub active: bool,
    pub priority: u32,
    pub rules: Vec<RuleSpec>,
}

/// A rule of a [`PolicySpec`], with its `accessTokenLifetimeMinutes`.
#[derive(Debug, Clone)]
pub struct RuleSpec {
    pub name: String,
    pub active: bool,
    pub priority: u32,
    pub lifetime_minutes: u32,
}

/// Add a policy with its rules to a server in a state file (seeding the file when missing;
/// safe while a sandbox serves it). Returns the new policy's id. For tests: the longest
/// lifetime, INACTIVE policies and rules.
pub fn add_policy(state_file: &Path, server_id: &str, policy: &PolicySpec) -> Result<String> {
    let now = ids::timestamp(SystemTime::now());
    let seed_servers = vec![DEFAULT_AUTH_SERVER.to_string()];
    store::Store::new(state_file).transact(
        || seed::seeded_state(&seed_servers, &now),
        |state| {
            let server = state.servers.get_mut(server_id).ok_or_else(|| {
                Error::Usage(format!(
                    "the sandbox state {} has no authorization server {server_id}",
                    state_file.display()
                ))
            })?;
            let rules = policy
                .rules
                .iter()
                .map(|r| seed::new_rule(&r.name, r.active, r.priority, r.lifetime_minutes, &now))
                .collect();
            let p = seed::new_policy(
                &policy.name,
                &policy.name,
                policy.active,
                policy.priority,
                rules,
                &now,
            );
            let id = p
                .object
                .get("id")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            server.policies.push(p);
            Ok(id)
        },
    )?
}

/// `dirs::data_dir()/oktakeys/sandbox.json` (Linux: `~/.local/share/oktakeys/sandbox.json`).
pub fn default_state_path() -> Result<PathBuf> {
    let dir = dirs::data_dir().ok_or_else(|| {
        Error::config_hint(
            "cannot find the user data folder for the sandbox state",
            "set HOME (or XDG_DATA_HOME), or pass --state FILE",
        )
    })?;
    Ok(dir.join("oktakeys").join("sandbox.json"))
}

/// Replace the state file with a fresh seed: `default` and `auth_servers`, one ACTIVE
/// key each. Works on a corrupt file too (that is how to repair one).
pub fn reset(state_file: &Path, auth_servers: &[String]) -> Result<()> {
    let mut servers = vec![DEFAULT_AUTH_SERVER.to_string()];
    servers.extend(auth_servers.iter().cloned());
    let now = ids::timestamp(SystemTime::now());
    store::Store::new(state_file).replace(&seed::seeded_state(&servers, &now))
}
