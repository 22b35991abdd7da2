//! The sandbox: a local server that answers Okta's six resource-server-key endpoints
//! with Okta's status codes, error bodies, headers, id and timestamp formats and rules,
//! backed by a JSON state file.
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
//! (the token endpoint), `response` (JSON answers), `server` (HTTP), `error` (this crate's error).

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use keymaterial::secret::Secret;

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
mod store;

pub use error::{Error, OnError, Result};
pub use faults::{Faults, LoggedRequest};
pub use knobs::{FailWith, Knobs};

/// The authorization server every sandbox holds.
pub(crate) const DEFAULT_AUTH_SERVER: &str = "default";

/// What a sandbox serves, and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub addr: SocketAddr,
    pub state_file: PathBuf,
    pub token: Secret,
    /// Servers besides `default`; each missing one is added to the state, seeded.
    pub auth_servers: Vec<String>,
    /// Servers with access-token encryption on: their active key cannot be deactivated.
    pub encryption_enabled: BTreeSet<String>,
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
    tokio::task::spawn_blocking(move || {
        let now = ids::timestamp(SystemTime::now());
        store.transact(
            || seed::seeded_state(&ensure, &now),
            |state| {
                for s in &ensure {
                    if !state.servers.contains_key(s) {
                        state.servers.insert(
                            s.clone(),
                            seed::seed_server(
                                ids::key_id(),
                                ids::random_below(seed::MODULI.len()),
                                &now,
                            ),
                        );
                    }
                }
            },
        )
    })
    .await
    .map_err(|e| Error::Internal(format!("the sandbox state task failed: {e}")))??;

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
            options.encryption_enabled.clone(),
            options.token.clone(),
            options.knobs.clone(),
            local_addr,
        )
        .with_oauth(oauth::Issuer::new(options.oauth.clone()))
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

/// The sandbox behind the `sandbox` profile: loopback, ephemeral port, a fresh token,
/// state in `state_file` (seeded with `default` when missing), knobs from the
/// `OKTAKEYS_SANDBOX_*` environment variables. Runs on the current tokio runtime.
pub async fn start_in_process(state_file: &Path) -> Result<RunningSandbox> {
    let mut options = Options::new(state_file);
    options.knobs = Knobs::from_env()?;
    start(options).await
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
