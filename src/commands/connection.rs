//! Where a command's requests go and how they are authenticated: the org of the settings,
//! or the in-process sandbox of the `sandbox` profile. Every command that calls Okta opens
//! one.

use url::Url;

use crate::auth::{Authenticator, Scope};
use crate::client::Client;
use crate::config::{self, ProcessEnv, Settings, Target};
use crate::error::{Error, Result};
use crate::http::Progress;

/// Where requests go and how they are authenticated; built once per command.
pub(crate) struct Connection {
    pub(crate) base: Url,
    settings: Settings,
    /// The secret is read only when a request is really sent (not for `--dry-run`).
    sandbox_token: Option<keymaterial::secret::Secret>,
    /// The in-process sandbox of the `sandbox` profile; dropping it stops the server,
    /// so it lives as long as the connection.
    _sandbox: Option<oktakeys_sandbox::RunningSandbox>,
    progress: Progress,
    /// What a service app's token must allow.
    scope: Scope,
    /// Built on first use and shared by every client of the command (one OAuth token).
    auth: std::sync::OnceLock<Authenticator>,
}

impl Connection {
    pub(crate) async fn open(settings: &Settings, progress: Progress) -> Result<Self> {
        let mut sandbox = None;
        let (base, sandbox_token) = match &settings.target {
            Target::Org { org_url, .. } => (org_url.clone(), None),
            Target::Unconfigured { hint, .. } => return Err(config::no_org_url(hint)),
            Target::Sandbox => {
                let state = super::sandbox::state_path(None)?;
                let running = oktakeys_sandbox::start_in_process(&state).await?;
                let base = Url::parse(&running.base_url).map_err(|e| {
                    Error::Internal(format!(
                        "the sandbox URL {} is invalid: {e}",
                        running.base_url
                    ))
                })?;
                let token = running.token.clone();
                sandbox = Some(running);
                (base, Some(token))
            }
        };
        Ok(Connection {
            base,
            settings: settings.clone(),
            sandbox_token,
            _sandbox: sandbox,
            progress,
            scope: Scope::Read,
            auth: std::sync::OnceLock::new(),
        })
    }

    /// What a service app's token must allow for this command (default: read).
    pub(crate) fn needing(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    pub(crate) fn client(&self) -> Result<Client> {
        let auth = match (&self.settings.target, &self.sandbox_token) {
            (_, Some(token)) => Authenticator::ssws(token.clone()),
            (Target::Org { credentials, .. }, None) => match self.auth.get() {
                Some(auth) => auth.clone(),
                None => {
                    let auth = Authenticator::from_credentials(credentials, &ProcessEnv)?
                        .needing(self.scope);
                    self.auth.get_or_init(|| auth).clone()
                }
            },
            (Target::Sandbox | Target::Unconfigured { .. }, None) => {
                return Err(Error::Internal("a connection without credentials".into()));
            }
        };
        let credentials_from = match (&self.settings.target, &self.sandbox_token) {
            (Target::Org { credentials, .. }, None) => {
                credentials.where_from(self.settings.origins.credentials.as_ref())
            }
            _ => None,
        };
        Ok(
            Client::new(&self.settings.http, self.base.clone(), auth, self.progress)?
                .with_credentials_from(credentials_from),
        )
    }
}
