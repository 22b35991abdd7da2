//! OAuth 2.0 service app: `client_credentials` with `private_key_jwt` client
//! authentication, and DPoP when Okta asks for it (or the profile says `dpop = true`).
//!
//! Flow, per process:
//! 1. A command says what it needs ([`Scope::Read`] for list/get, [`Scope::Manage`] for
//!    the rest); the profile's `scopes`, when set, replace that.
//! 2. [`ServiceApp::token`] answers from memory, then from the disk cache, else asks
//!    `POST {org}/oauth2/v1/token` with a fresh client assertion (RS256/ES256, `jti`
//!    unique, `exp` 5 minutes). A `400 invalid_dpop_proof` (the app requires DPoP) turns
//!    DPoP on; a `400 use_dpop_nonce` + `DPoP-Nonce` is retried with the nonce and a new
//!    assertion, at most [`MAX_NONCE_RETRIES`] times.
//! 3. [`ServiceApp::api_headers`] makes `Authorization: Bearer|DPoP …` and, for a DPoP
//!    token, a proof with `ath` for each API request.
//!
//! By concern: `private_key` (where the key comes from, read on first use),
//! `assertion` (the signed client assertion), `tokens` (memory and disk cache),
//! `token_request` (the token endpoint through the transport, DPoP demands and nonce
//! challenges), `token_error` (its refusals with a next step), `api_headers` (each API
//! request's headers, and what a 401 leads to).
//!
//! The token request goes through the same [`Transport`](crate::http::Transport) as the
//! API requests (TLS and `--ca-cert`, proxies, timeouts and the command's deadline, the
//! retry policy for 429, 5xx and dropped connections, the `-v` log); each attempt gets its
//! own assertion and proof, and the token endpoint's OAuth errors are decoded here.
//!
//! Nothing here logs a secret: the assertion, the proofs, the access token and the key
//! stay in [`Secret`]s and sensitive header values; the assertion goes to the transport
//! as a secret form field, shown as `[REDACTED]` at `-vvv`.

#[cfg(test)]
mod against_sandbox;
mod api_headers;
mod assertion;
mod private_key;
#[cfg(test)]
mod test_fixtures;
mod token_error;
mod token_request;
mod tokens;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock};

use reqwest::Method;
use reqwest::header::HeaderValue;
use url::Url;

use super::dpop::Nonces;
use super::token_cache::DiskCache;
use crate::config::{Environment, ServiceAppSettings};
use crate::env;
use crate::error::{Error, Result};
use keymaterial::dpop::DpopKey;
use keymaterial::keys::ParsedKey;
use keymaterial::secret::Secret;

use private_key::KeyInput;
pub(crate) use token_request::token_url;

/// Nonce challenges answered per token request (and per API request).
pub(crate) const MAX_NONCE_RETRIES: u32 = 2;

/// What a command needs from Okta's management API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// `okta.authorizationServers.read`: list, get.
    Read,
    /// `okta.authorizationServers.manage`: add, activate, deactivate, delete, rotate
    /// (Okta's `manage` scopes include reading).
    Manage,
}

impl Scope {
    pub const READ: &'static str = "okta.authorizationServers.read";
    pub const MANAGE: &'static str = "okta.authorizationServers.manage";

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => Self::READ,
            Scope::Manage => Self::MANAGE,
        }
    }

    /// The scope one request needs by its method: reads need `read`, the rest `manage`.
    pub(crate) fn for_method(method: &Method) -> Scope {
        if method == Method::GET || method == Method::HEAD {
            Scope::Read
        } else {
            Scope::Manage
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenType {
    Bearer,
    Dpop,
}

impl TokenType {
    pub(crate) fn scheme(self) -> &'static str {
        match self {
            TokenType::Bearer => "Bearer",
            TokenType::Dpop => "DPoP",
        }
    }
}

/// An access token and what goes with it.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub token: Secret,
    pub token_type: TokenType,
    /// Unix seconds.
    pub(crate) expires_at: i64,
    /// The scopes Okta granted.
    pub scope: String,
    /// The key a DPoP token is bound to.
    pub dpop: Option<Arc<DpopKey>>,
    /// Just fetched from the token endpoint for this call. A 401 with a token that was
    /// not fresh (kept from earlier) is worth one retry with a new token.
    pub fresh: bool,
    /// The scopes string it is kept under.
    cache_scopes: String,
}

/// The service app of one process: its credentials, DPoP state and tokens.
#[derive(Debug)]
pub struct ServiceApp {
    client_id: String,
    token_url: Url,
    key_input: KeyInput,
    key_id: Option<String>,
    scopes: Option<Vec<String>>,
    profile: Option<String>,
    /// DPoP in use: from the profile, or learnt from Okta's `invalid_dpop_proof`.
    use_dpop: AtomicBool,
    /// The profile said `dpop = true`.
    profile_dpop: bool,
    signing_key: Mutex<Option<Arc<ParsedKey>>>,
    dpop_key: OnceLock<Arc<DpopKey>>,
    nonces: Nonces,
    tokens: Mutex<HashMap<String, AccessToken>>,
    disk: Option<DiskCache>,
    /// One token request at a time, so concurrent calls share one token.
    fetch_lock: tokio::sync::Mutex<()>,
    /// Token requests sent (for `-v` and tests).
    token_requests: std::sync::atomic::AtomicU32,
    /// What the command needs at least (a request's method may ask for more).
    need: Mutex<Scope>,
    /// The token the last request went with, for [`ServiceApp::after_response`].
    last_token: Mutex<Option<AccessToken>>,
}

/// Resends one API request has had for authentication's sake (not counted as retries).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AuthRetries {
    /// Answers to a resource server's DPoP nonce challenge.
    pub(crate) nonce: u32,
    /// A kept token was refused (401), discarded, and a new one fetched.
    pub(crate) renewed: bool,
}

impl ServiceApp {
    /// Check the settings and capture the key's source. A missing client id or key is a
    /// configuration error (exit 3) naming where to set it.
    pub fn new(settings: &ServiceAppSettings, environment: &dyn Environment) -> Result<Self> {
        let where_ = match &settings.profile {
            Some(p) => format!("profile `{p}`"),
            None => "the profile".to_string(),
        };
        let client_id = settings
            .client_id
            .clone()
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                Error::config_hint(
                    "the OAuth 2.0 service app has no client id",
                    format!(
                        "set client_id in {where_}, or {}, to the app's client id (0oa…)",
                        env::SDK_CLIENT_ID
                    ),
                )
            })?;
        let key_input =
            KeyInput::from_settings(settings.private_key.as_ref(), environment, &where_)?;
        let disk = if settings.token_cache {
            DiskCache::default_location()
        } else {
            None
        };
        Ok(ServiceApp {
            client_id,
            token_url: token_url(&settings.org_url),
            key_input,
            key_id: settings.key_id.clone().filter(|k| !k.is_empty()),
            scopes: settings.scopes.clone(),
            profile: settings.profile.clone(),
            use_dpop: AtomicBool::new(settings.dpop),
            profile_dpop: settings.dpop,
            signing_key: Mutex::new(None),
            dpop_key: OnceLock::new(),
            nonces: Nonces::default(),
            tokens: Mutex::new(HashMap::new()),
            disk,
            fetch_lock: tokio::sync::Mutex::new(()),
            token_requests: Default::default(),
            need: Mutex::new(Scope::Read),
            last_token: Mutex::new(None),
        })
    }

    /// Declare what the whole command needs, so one token serves all its requests (a
    /// rotation's first GET already asks for `manage`).
    pub(crate) fn set_need(&self, need: Scope) {
        if let Ok(mut n) = self.need.lock() {
            *n = need;
        }
    }

    /// Keep tokens between runs in `cache` instead of the default place (`None`: not at all).
    #[cfg(test)]
    pub(crate) fn with_disk_cache(mut self, cache: Option<DiskCache>) -> Self {
        self.disk = cache;
        self
    }

    /// How many token requests this process has sent.
    #[cfg(test)]
    pub(crate) fn token_requests(&self) -> u32 {
        self.token_requests
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The scopes to ask for: the profile's, else what the command needs.
    pub(crate) fn scopes_for(&self, need: Scope) -> String {
        match &self.scopes {
            Some(list) => list.join(" "),
            None => need.as_str().to_string(),
        }
    }

    /// The process's DPoP key, made on first use.
    fn process_dpop_key(&self) -> Result<Arc<DpopKey>> {
        if let Some(key) = self.dpop_key.get() {
            return Ok(key.clone());
        }
        let key = Arc::new(DpopKey::generate()?);
        Ok(self.dpop_key.get_or_init(|| key).clone())
    }
}

fn sensitive(value: &str) -> Result<HeaderValue> {
    let mut v = HeaderValue::from_str(value).map_err(|_| {
        Error::Internal("a credential holds characters that cannot go in an HTTP header".into())
    })?;
    v.set_sensitive(true);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use crate::auth::service_app::test_fixtures::*;

    #[test]
    fn missing_settings_name_where_to_set_them() {
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        let mut s = settings(PrivateKeySource::Env("CI_KEY".into()));
        let err = ServiceApp::new(&s, &env).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("CI_KEY"), "{err}");
        s.private_key = None;
        let err = ServiceApp::new(&s, &env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the OAuth 2.0 service app has no private key"
        );
        assert!(err.hint().unwrap().contains("profile `ci`"));
        s.client_id = None;
        let err = ServiceApp::new(&s, &env).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the OAuth 2.0 service app has no client id"
        );
        assert!(err.hint().unwrap().contains("OKTA_CLIENT_CLIENTID"));
    }
}
