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
//! The token request goes through the same [`Transport`] as the API requests (TLS and
//! `--ca-cert`, proxies, timeouts and the command's deadline, the retry policy for 429,
//! 5xx and dropped connections, the `-v` log); [`TokenCall`] gives each attempt its own
//! assertion and proof, and decodes the token endpoint's OAuth errors.
//!
//! Nothing here logs a secret: the assertion, the proofs, the access token and the key
//! stay in [`Secret`]s and sensitive header values; the assertion goes to the transport
//! as a secret form field, shown as `[REDACTED]` at `-vvv`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value, json};
use url::Url;

use super::dpop::{self, DpopKey, NonceRole, Nonces};
use super::jws;
use super::keys::{ParsedKey, SigningKey};
use super::token_cache::{CacheKey, DiskCache, Entry};
use crate::client::{
    Attempts, Credentials, Request, Response, Retries, Sent, Transport, request_id_suffix,
};
use crate::config::{Environment, PrivateKeySource, ServiceAppSettings, env};
use crate::error::{Error, Result};
use crate::secret::Secret;

// Compatibility path: the constant lives with the JWS code the sandbox shares.
pub use keymaterial::jws::ASSERTION_TYPE;
/// Lifetime of a client assertion (Okta allows up to an hour; shorter is safer).
pub const ASSERTION_LIFETIME_SECS: i64 = 300;
/// Nonce challenges answered per token request (and per API request).
pub const MAX_NONCE_RETRIES: u32 = 2;
/// A token kept in memory is not used when it expires within this many seconds.
const MEMORY_MARGIN_SECS: i64 = 30;
/// Longer than any access token Okta issues (at most a day); a longer `expires_in` is
/// read as this.
const MAX_TOKEN_LIFETIME_SECS: i64 = 24 * 3600;

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
    pub fn for_method(method: &Method) -> Scope {
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
    pub fn scheme(self) -> &'static str {
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
    pub expires_at: i64,
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

/// Where the private key is read from, once settings are resolved.
#[derive(Debug)]
enum KeyInput {
    /// PEM or JWK text from an environment variable.
    Text {
        text: Secret,
        what: String,
    },
    File(std::path::PathBuf),
    /// A path from an environment variable that held neither PEM nor JWK text. It may
    /// be a key mangled in transit (quoted, or without its BEGIN line) rather than a
    /// path, so it is kept as a secret and never printed: messages name the variable.
    EnvPath {
        path: Secret,
        var: String,
    },
    Command(String),
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
pub struct AuthRetries {
    /// Answers to a resource server's DPoP nonce challenge.
    pub nonce: u32,
    /// A kept token was refused (401), discarded, and a new one fetched.
    pub renewed: bool,
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
        let key_input = match &settings.private_key {
            None => {
                return Err(Error::config_hint(
                    "the OAuth 2.0 service app has no private key",
                    format!(
                        "set private_key_file (or private_key_env, private_key_command) in {where_}, or {} to the PEM or JWK text or a path",
                        env::SDK_PRIVATE_KEY
                    ),
                ));
            }
            Some(PrivateKeySource::File(path)) => KeyInput::File(path.clone()),
            Some(PrivateKeySource::Command(cmd)) => KeyInput::Command(cmd.clone()),
            Some(PrivateKeySource::Env(var)) => {
                let value = environment.var(var).ok_or_else(|| {
                    Error::config_hint(
                        format!("the environment variable {var} (the service app's private key) is not set"),
                        format!("export {var} with the PEM or JWK text of the key, or a path to it"),
                    )
                })?;
                let text = Secret::new(value);
                let trimmed = text.expose().trim();
                if trimmed.starts_with("-----BEGIN") || trimmed.starts_with('{') {
                    KeyInput::Text {
                        text,
                        what: format!("the private key in {var}"),
                    }
                } else {
                    KeyInput::EnvPath {
                        path: Secret::new(trimmed),
                        var: var.clone(),
                    }
                }
            }
        };
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
    pub fn needing(self, need: Scope) -> Self {
        self.set_need(need);
        self
    }

    /// As [`ServiceApp::needing`], on a shared app.
    pub fn set_need(&self, need: Scope) {
        if let Ok(mut n) = self.need.lock() {
            *n = need;
        }
    }

    /// The headers for one API request: a token for the command's need (or the method's,
    /// when more), then `Authorization` and, for DPoP, a proof.
    pub async fn request_headers(
        &self,
        transport: &Transport,
        method: &Method,
        url: &Url,
    ) -> Result<HeaderMap> {
        let declared = self.need.lock().map(|n| *n).unwrap_or(Scope::Read);
        let need = declared.max(Scope::for_method(method));
        let token = self.token(transport, need).await?;
        let headers = self.api_headers(&token, method, url)?;
        if let Ok(mut last) = self.last_token.lock() {
            *last = Some(token);
        }
        Ok(headers)
    }

    /// After an API response: remember its DPoP nonce; on a 401, say whether to resend —
    /// a nonce challenge (at most [`MAX_NONCE_RETRIES`] times), or a kept token that Okta
    /// no longer takes (discarded; once). A token fetched for this very request that is
    /// refused is not fetched again: that would not help.
    pub fn after_response(
        &self,
        url: &Url,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        retries: &mut AuthRetries,
    ) -> bool {
        let challenge = self.note_api_response(url, status, headers, body);
        if challenge && retries.nonce < MAX_NONCE_RETRIES {
            retries.nonce += 1;
            tracing::info!("the API asked for a DPoP nonce; resending with it");
            return true;
        }
        if status != 401 {
            return false;
        }
        let last = self.last_token.lock().ok().and_then(|mut l| l.take());
        match last {
            Some(token) if !retries.renewed && !token.fresh => {
                self.discard(&token);
                retries.renewed = true;
                tracing::info!("Okta refused the kept access token; getting a new one");
                true
            }
            _ => false,
        }
    }

    /// Keep tokens between runs in `cache` instead of the default place (`None`: not at all).
    pub fn with_disk_cache(mut self, cache: Option<DiskCache>) -> Self {
        self.disk = cache;
        self
    }

    pub fn token_url(&self) -> &Url {
        &self.token_url
    }

    /// How many token requests this process has sent.
    pub fn token_requests(&self) -> u32 {
        self.token_requests.load(Ordering::Relaxed)
    }

    /// The scopes to ask for: the profile's, else what the command needs.
    pub fn scopes_for(&self, need: Scope) -> String {
        match &self.scopes {
            Some(list) => list.join(" "),
            None => need.as_str().to_string(),
        }
    }

    /// Scope strings whose tokens serve `need`, best first (`manage` serves reads too).
    fn candidates(&self, need: Scope) -> Vec<String> {
        match (&self.scopes, need) {
            (Some(_), _) => vec![self.scopes_for(need)],
            (None, Scope::Read) => vec![Scope::READ.into(), Scope::MANAGE.into()],
            (None, Scope::Manage) => vec![Scope::MANAGE.into()],
        }
    }

    fn cache_key(&self, scopes: &str) -> CacheKey {
        CacheKey {
            token_url: self.token_url.to_string(),
            client_id: self.client_id.clone(),
            scopes: scopes.to_string(),
        }
    }

    /// An access token for `need`: from memory, from the disk cache, or from Okta
    /// through `transport`.
    pub async fn token(&self, transport: &Transport, need: Scope) -> Result<AccessToken> {
        let candidates = self.candidates(need);
        if let Some(token) = self.memory_token(&candidates) {
            return Ok(token);
        }
        let _one_at_a_time = self.fetch_lock.lock().await;
        if let Some(token) = self.memory_token(&candidates) {
            return Ok(token);
        }
        if let Some(token) = self.disk_token(&candidates) {
            self.remember(&token);
            return Ok(token);
        }
        let scopes = self.scopes_for(need);
        let token = self.request_token(transport, &scopes).await?;
        self.remember(&token);
        if let Some(disk) = &self.disk
            && token.expires_at - jws::now_secs() > super::token_cache::DISK_MARGIN_SECS
        {
            disk.store(
                &self.cache_key(&scopes),
                &Entry {
                    access_token: token.token.clone(),
                    token_type: token.token_type.scheme().to_string(),
                    expires_at: token.expires_at,
                    scope: token.scope.clone(),
                    dpop_key: token
                        .dpop
                        .as_ref()
                        .and_then(|k| k.key().to_private_ec_jwk()),
                },
            );
        }
        Ok(token)
    }

    /// Forget a token Okta refused (memory and disk), so the next call fetches another.
    pub fn discard(&self, token: &AccessToken) {
        if let Ok(mut tokens) = self.tokens.lock() {
            tokens.retain(|_, t| t.token != token.token);
        }
        if let Some(disk) = &self.disk {
            disk.remove(&self.cache_key(&token.cache_scopes));
        }
    }

    fn memory_token(&self, candidates: &[String]) -> Option<AccessToken> {
        let tokens = self.tokens.lock().ok()?;
        let now = jws::now_secs();
        candidates.iter().find_map(|scopes| {
            tokens
                .get(scopes)
                .filter(|t| t.expires_at - MEMORY_MARGIN_SECS > now)
                .map(|t| AccessToken {
                    fresh: false,
                    ..t.clone()
                })
        })
    }

    fn disk_token(&self, candidates: &[String]) -> Option<AccessToken> {
        let disk = self.disk.as_ref()?;
        let now = jws::now_secs();
        candidates.iter().find_map(|scopes| {
            let entry = disk.load(&self.cache_key(scopes), now)?;
            let (token_type, dpop) = match entry.token_type.as_str() {
                "Bearer" => (TokenType::Bearer, None),
                "DPoP" => {
                    let jwk = entry.dpop_key.as_ref()?;
                    let key = SigningKey::parse(jwk, "the cached DPoP key").ok()?.key;
                    // The app uses DPoP: the next token request starts with a proof.
                    self.use_dpop.store(true, Ordering::Relaxed);
                    (TokenType::Dpop, Some(Arc::new(DpopKey::from_key(key))))
                }
                _ => return None,
            };
            Some(AccessToken {
                token: entry.access_token,
                token_type,
                expires_at: entry.expires_at,
                scope: entry.scope,
                dpop,
                fresh: false,
                cache_scopes: scopes.clone(),
            })
        })
    }

    fn remember(&self, token: &AccessToken) {
        if let Ok(mut tokens) = self.tokens.lock() {
            tokens.insert(token.cache_scopes.clone(), token.clone());
        }
    }

    /// The headers that authenticate one API request with `token`: `Authorization`, and
    /// for a DPoP token a proof for this method and URL with `ath` (and the API's nonce).
    pub fn api_headers(
        &self,
        token: &AccessToken,
        method: &Method,
        url: &Url,
    ) -> Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            sensitive(&format!(
                "{} {}",
                token.token_type.scheme(),
                token.token.expose()
            ))?,
        );
        if let (TokenType::Dpop, Some(key)) = (token.token_type, &token.dpop) {
            let nonce = self.nonces.get(url, NonceRole::Resource);
            let proof = key.proof(method.as_str(), url, nonce.as_deref(), Some(&token.token))?;
            headers.insert(
                HeaderName::from_static(dpop::DPOP_HEADER),
                sensitive(proof.expose())?,
            );
        }
        Ok(headers)
    }

    /// Look at an API response: remember a DPoP nonce it carries, and say whether it is a
    /// nonce challenge to answer by resending (with a new proof, same token): a
    /// `DPoP-Nonce` with `WWW-Authenticate: DPoP error="use_dpop_nonce"` (RFC 9449 §9) or
    /// with an OAuth error body saying `use_dpop_nonce`.
    pub fn note_api_response(
        &self,
        url: &Url,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
    ) -> bool {
        let had_nonce = self.nonces.note(url, NonceRole::Resource, headers);
        had_nonce
            && (dpop::is_resource_nonce_challenge(status, headers)
                || dpop::is_nonce_error_body(status, body))
    }

    /// The process's DPoP key, made on first use.
    fn process_dpop_key(&self) -> Result<Arc<DpopKey>> {
        if let Some(key) = self.dpop_key.get() {
            return Ok(key.clone());
        }
        let key = Arc::new(DpopKey::generate()?);
        Ok(self.dpop_key.get_or_init(|| key).clone())
    }

    /// The service app's private key, read and parsed on first use.
    fn signing_key(&self) -> Result<Arc<ParsedKey>> {
        if let Some(key) = self.signing_key.lock().ok().and_then(|k| k.clone()) {
            return Ok(key);
        }
        let parsed = Arc::new(match &self.key_input {
            KeyInput::Text { text, what } => SigningKey::parse(text, what)?,
            KeyInput::File(path) => {
                let file = KeyFile {
                    what: format!("the private key file {}", path.display()),
                    chmod_arg: path.display().to_string(),
                    hint: "check private_key_file (or OKTA_CLIENT_PRIVATEKEY)".into(),
                };
                let text = read_private_key_file(path, &file)?;
                SigningKey::parse(&text, &file.what)?
            }
            KeyInput::EnvPath { path, var } => {
                let file = KeyFile {
                    what: format!("the private key file named by {var}"),
                    chmod_arg: format!("\"${var}\""),
                    hint: format!(
                        "{var} holds neither PEM text (-----BEGIN …) nor a JWK ({{…}}), so it is read as \
                         a path; set it to the key's PEM or JWK text, or to the path of a key file"
                    ),
                };
                let path = crate::config::expand_home(std::path::Path::new(path.expose()));
                let text = read_private_key_file(&path, &file)?;
                SigningKey::parse(&text, &file.what)?
            }
            KeyInput::Command(cmd) => {
                let text = super::run_secret_command(cmd, "private_key_command")?;
                SigningKey::parse(&text, &format!("the output of private_key_command `{cmd}`"))?
            }
        });
        if let Ok(mut slot) = self.signing_key.lock() {
            *slot = Some(parsed.clone());
        }
        Ok(parsed)
    }

    /// A fresh client assertion: `iss` = `sub` = client id, `aud` = the token URL,
    /// `iat` now, `exp` in 5 minutes, a random `jti`; header `kid` when known.
    fn assertion(&self, key: &ParsedKey) -> Result<Secret> {
        let now = jws::now_secs();
        let mut header = Map::new();
        header.insert("typ".into(), json!("JWT"));
        if let Some(kid) = self.key_id.as_ref().or(key.kid.as_ref()) {
            header.insert("kid".into(), json!(kid));
        }
        let claims = json!({
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": self.token_url.as_str(),
            "iat": now,
            "exp": now + ASSERTION_LIFETIME_SECS,
            "jti": jws::random_id()?,
        });
        Ok(jws::sign(&key.key, header, &claims))
    }

    /// Ask the token endpoint through `transport` (its timeouts, retry policy and log),
    /// answering DPoP demands and nonce challenges (see [`TokenCall`]).
    async fn request_token(&self, transport: &Transport, scopes: &str) -> Result<AccessToken> {
        // A key that cannot be read or is readable by others: nothing is sent.
        let key = self.signing_key()?;
        let request = token_request(scopes);
        let mut call = TokenCall {
            app: self,
            key,
            scopes,
            dpop_key: None,
            nonce_retries: 0,
            switched_to_dpop: false,
        };
        let sent = transport
            .send_tracked(
                &request,
                &self.token_url,
                &mut Retries::default(),
                &mut call,
            )
            .await?;
        match sent {
            Sent::Done(resp) => self.accept_token(resp, scopes, call.dpop_key),
            // Not for an idempotent request; kept for completeness.
            Sent::Unsure(err) => Err(err),
        }
    }

    fn accept_token(
        &self,
        mut reply: Response,
        scopes: &str,
        dpop_key: Option<Arc<DpopKey>>,
    ) -> Result<AccessToken> {
        // Holds the access token: wiped when dropped.
        let raw = zeroize::Zeroizing::new(std::mem::take(&mut reply.body));
        let request_id = reply.request_id;
        let unreadable = |why: &str| {
            Error::network(
                format!(
                    "Okta's token endpoint answered {} but {why}{}",
                    reply.status.as_u16(),
                    request_id_suffix(request_id.as_deref())
                ),
                Some("a proxy may have rewritten the response; retry, or run with -v".into()),
            )
        };
        let mut body: Value =
            serde_json::from_slice(&raw).map_err(|_| unreadable("not with JSON"))?;
        let token = match body.get_mut("access_token") {
            Some(Value::String(t)) if !t.is_empty() => Secret::new(std::mem::take(t)),
            _ => return Err(unreadable("without an access_token")),
        };
        let token_type = match body.get("token_type").and_then(Value::as_str) {
            Some(t) if t.eq_ignore_ascii_case("bearer") => TokenType::Bearer,
            Some(t) if t.eq_ignore_ascii_case("dpop") && dpop_key.is_some() => TokenType::Dpop,
            Some(t) => return Err(unreadable(&format!("with an unexpected token_type `{t}`"))),
            None => return Err(unreadable("without a token_type")),
        };
        // From the network: bounded, so the arithmetic on it cannot overflow.
        let expires_in = body
            .get("expires_in")
            .and_then(Value::as_i64)
            .unwrap_or(3600)
            .clamp(0, MAX_TOKEN_LIFETIME_SECS);
        let scope = body
            .get("scope")
            .and_then(Value::as_str)
            .unwrap_or(scopes)
            .to_string();
        tracing::info!(
            "got a {} access token for {scope}, valid {expires_in} s",
            token_type.scheme()
        );
        Ok(AccessToken {
            token,
            token_type,
            expires_at: jws::now_secs() + expires_in,
            scope,
            dpop: if token_type == TokenType::Dpop {
                dpop_key
            } else {
                None
            },
            fresh: true,
            cache_scopes: scopes.to_string(),
        })
    }

    /// The token endpoint's refusal as an error with a next step. (A 429 or a 5xx that
    /// outlasted the retries is the transport's error, as for any request.)
    fn token_error(
        &self,
        reply: &Response,
        error: &OAuthError,
        scopes: &str,
        sent_dpop: bool,
    ) -> Error {
        let code = error.error.as_deref().unwrap_or("(no OAuth error code)");
        let mut message = format!(
            "Okta's token endpoint refused the service app {} ({} {code}",
            self.client_id,
            reply.status.as_u16()
        );
        if let Some(description) = &error.description {
            message.push_str(": ");
            message.push_str(description);
        }
        message.push(')');
        message.push_str(&request_id_suffix(reply.request_id.as_deref()));
        let where_ = match &self.profile {
            Some(p) => format!("profile `{p}`"),
            None => "the profile".into(),
        };
        let hint = match code {
            "invalid_client" => Some(format!(
                "check the client id ({}) and that the app's public key in Okta (Applications → the app → \
                 General → Public keys) matches this private key{}; the app's client authentication must be \
                 \"Public key / Private key\", and this machine's clock must be right",
                self.client_id,
                if self.key_id.is_some() {
                    ", and key_id (OKTA_CLIENT_PRIVATEKEYID) names it"
                } else {
                    "; if the app has several keys, set key_id in the profile (or OKTA_CLIENT_PRIVATEKEYID) to this key's kid"
                }
            )),
            "invalid_scope" => Some(format!(
                "grant the app the scope {} in the Admin Console (Applications → the app → Okta API Scopes → \
                 Grant): list/get need {}, changes need {}{}",
                scopes.replace(' ', " and "),
                Scope::READ,
                Scope::MANAGE,
                if self.scopes.is_some() {
                    format!(", or change scopes in {where_} (OKTA_CLIENT_SCOPES)")
                } else {
                    String::new()
                }
            )),
            "unauthorized_client" => Some(
                "allow the Client Credentials grant for the app (Applications → the app → General → \
                 Grant type), and check that it is an API Services app"
                    .into(),
            ),
            "invalid_dpop_proof" if sent_dpop => Some(format!(
                "Okta refused the DPoP proof; check this machine's clock{}",
                if self.profile_dpop {
                    format!(", or, if the app does not require DPoP, remove `dpop = true` from {where_}")
                } else {
                    String::new()
                }
            )),
            "use_dpop_nonce" => Some(
                "Okta asked for a new DPoP nonce on every attempt; try again in a moment".into(),
            ),
            _ => None,
        };
        Error::Auth { message, hint }
    }
}

/// The token endpoint's path under the org URL.
const TOKEN_PATH: [&str; 3] = ["oauth2", "v1", "token"];

/// `{org}/oauth2/v1/token`, keeping any base path and port.
pub fn token_url(org_url: &Url) -> Url {
    Request::new(Method::POST, &TOKEN_PATH).url(org_url)
}

/// The token request, without its credentials (each attempt signs its own; see
/// [`TokenCall`]). A token request changes nothing at Okta, so it is resent after a 5xx
/// or a dropped connection like a read; Okta counts its rate limit apart from the API's.
fn token_request(scopes: &str) -> Request {
    Request::new(Method::POST, &TOKEN_PATH)
        .with_form(&[
            ("grant_type", "client_credentials"),
            ("scope", scopes),
            ("client_assertion_type", ASSERTION_TYPE),
        ])
        .idempotent(true)
        .paced(false)
}

/// One token request's part in its attempts through the transport: each attempt gets a
/// new client assertion and, with DPoP, a new proof carrying the latest nonce; Okta's
/// `invalid_dpop_proof` (the app requires DPoP: once) and `use_dpop_nonce` + `DPoP-Nonce`
/// (at most [`MAX_NONCE_RETRIES`] times) are answered by resending at once; any other
/// refusal is decoded as an OAuth error (RFC 6749 §5.2) with a next step.
struct TokenCall<'a> {
    app: &'a ServiceApp,
    key: Arc<ParsedKey>,
    scopes: &'a str,
    /// The DPoP key of the last attempt, if it sent a proof.
    dpop_key: Option<Arc<DpopKey>>,
    nonce_retries: u32,
    switched_to_dpop: bool,
}

impl Attempts for TokenCall<'_> {
    async fn credentials(&mut self, _request: &Request, url: &Url) -> Result<Credentials> {
        let app = self.app;
        self.dpop_key = if app.use_dpop.load(Ordering::Relaxed) {
            Some(app.process_dpop_key()?)
        } else {
            None
        };
        let mut headers = HeaderMap::new();
        if let Some(key) = &self.dpop_key {
            let nonce = app.nonces.get(url, NonceRole::TokenEndpoint);
            let proof = key.proof("POST", url, nonce.as_deref(), None)?;
            headers.insert(
                HeaderName::from_static(dpop::DPOP_HEADER),
                sensitive(proof.expose())?,
            );
        }
        let assertion = app.assertion(&self.key)?;
        app.token_requests.fetch_add(1, Ordering::Relaxed);
        Ok(Credentials {
            headers,
            form: vec![("client_assertion".into(), assertion)],
        })
    }

    fn resend_at_once(&mut self, url: &Url, reply: &Response) -> bool {
        let app = self.app;
        let got_nonce = app
            .nonces
            .note(url, NonceRole::TokenEndpoint, &reply.headers);
        if reply.status.is_success() {
            return false;
        }
        let error = OAuthError::from_body(&reply.body);
        match error.error.as_deref() {
            Some("use_dpop_nonce") if got_nonce && self.nonce_retries < MAX_NONCE_RETRIES => {
                self.nonce_retries += 1;
                app.use_dpop.store(true, Ordering::Relaxed);
                tracing::info!("Okta asked for a DPoP nonce; retrying the token request with it");
                true
            }
            Some("invalid_dpop_proof") if self.dpop_key.is_none() && !self.switched_to_dpop => {
                self.switched_to_dpop = true;
                app.use_dpop.store(true, Ordering::Relaxed);
                tracing::info!(
                    "the service app requires DPoP; retrying the token request with a DPoP proof"
                );
                true
            }
            _ => false,
        }
    }

    fn refusal(
        &mut self,
        _request: &Request,
        _url: &Url,
        reply: Response,
        _retries: &Retries,
    ) -> Error {
        let error = OAuthError::from_body(&reply.body);
        self.app
            .token_error(&reply, &error, self.scopes, self.dpop_key.is_some())
    }
}

/// An OAuth error response (RFC 6749 §5.2).
#[derive(Debug, Default)]
struct OAuthError {
    error: Option<String>,
    description: Option<String>,
}

impl OAuthError {
    fn from_body(body: &[u8]) -> Self {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return OAuthError::default();
        };
        let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
        OAuthError {
            error: text("error").or_else(|| text("errorCode")),
            description: text("error_description").or_else(|| text("errorSummary")),
        }
    }
}

/// How a private key file is named in messages.
struct KeyFile {
    /// "the private key file /path/ci.pem", or "… named by VAR" for a path from the
    /// environment (never printed: it could be a mangled key).
    what: String,
    /// What `chmod 600` is told to change.
    chmod_arg: String,
    /// What to check when the file cannot be read.
    hint: String,
}

/// A private key file must not be readable by group or others (as ssh refuses one).
fn read_private_key_file(path: &std::path::Path, file: &KeyFile) -> Result<Secret> {
    let what = &file.what;
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::config_hint(format!("cannot read {what}: {e}"), file.hint.clone()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(Error::config_hint(
                format!(
                    "{what} is readable by others (mode {:o}); refusing to use it",
                    mode & 0o777
                ),
                format!("run `chmod 600 {}`", file.chmod_arg),
            ));
        }
    }
    if !meta.is_file() {
        return Err(Error::config(format!("{what} is not a file")));
    }
    let bytes = zeroize::Zeroizing::new(
        std::fs::read(path).map_err(|e| Error::config(format!("cannot read {what}: {e}")))?,
    );
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::KeyFile(format!(
            "{what} is not text (PEM or JWK expected; convert DER with `openssl pkey -inform DER`)"
        ))
    })?;
    Ok(Secret::new(text))
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
    use super::*;
    use crate::auth::jws::Decoded;
    use crate::auth::keys::VerifyingKey;
    use crate::auth::keys::tests::{EC_PUBLIC, RSA_PKCS1, RSA_PUBLIC};
    use crate::config::HttpSettings;
    use httpmock::HttpMockRequest;
    use httpmock::MockServer;
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    const EC_JWK: &str = include_str!("../../tests/fixtures/service-app-ec.jwk.json");
    const TOKEN_PATH: &str = "/oauth2/v1/token";
    const ACCESS_TOKEN: &str = "eyJ.ACCESS-token-never-logged.sig";

    struct Fixture {
        dir: tempfile::TempDir,
    }

    impl Fixture {
        fn new() -> Self {
            Fixture {
                dir: tempfile::tempdir().unwrap(),
            }
        }

        /// Write a key file with `mode`.
        fn key_file(&self, text: &str, mode: u32) -> PathBuf {
            let path = self.dir.path().join(format!("key-{mode:o}.pem"));
            std::fs::write(&path, text).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            }
            #[cfg(not(unix))]
            let _ = mode;
            path
        }

        fn cache(&self) -> DiskCache {
            DiskCache::at(self.dir.path().join("cache"))
        }

        fn app(&self, server: &MockServer, settings: ServiceAppSettings) -> ServiceApp {
            let settings = ServiceAppSettings {
                org_url: Url::parse(&server.base_url()).unwrap(),
                ..settings
            };
            let env: BTreeMap<&str, &str> = BTreeMap::new();
            ServiceApp::new(&settings, &env)
                .unwrap()
                .with_disk_cache(Some(self.cache()))
        }

        /// The usual app under test: an RSA key in a 0600 file, no cache on disk.
        fn rsa_app_without_disk_cache(&self, server: &MockServer) -> ServiceApp {
            let key = PrivateKeySource::File(self.key_file(RSA_PKCS1, 0o600));
            self.app(server, settings(key)).with_disk_cache(None)
        }
    }

    fn settings(key: PrivateKeySource) -> ServiceAppSettings {
        ServiceAppSettings {
            org_url: Url::parse("https://acme.okta.com").unwrap(),
            client_id: Some("0oaCLIENT".into()),
            private_key: Some(key),
            key_id: None,
            scopes: None,
            dpop: false,
            token_cache: true,
            profile: Some("ci".into()),
        }
    }

    /// The transport token requests go through, as a command's client has it (at most
    /// two retries, to keep the tests short).
    fn http() -> Transport {
        transport_with(HttpSettings {
            timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
            max_retries: 2,
            ca_cert: None,
            ssl_cert_file: None,
        })
    }

    fn transport_with(settings: HttpSettings) -> Transport {
        let loopback = Url::parse("http://127.0.0.1").unwrap();
        Transport::new(&settings, &loopback, crate::client::Progress::Silent).unwrap()
    }

    fn form(req: &HttpMockRequest) -> BTreeMap<String, String> {
        url::form_urlencoded::parse(req.body_ref())
            .into_owned()
            .collect()
    }

    fn proof(req: &HttpMockRequest) -> Option<Decoded> {
        let headers = req.headers();
        let value = headers.get("dpop")?.to_str().ok()?;
        Decoded::parse(value).ok()
    }

    fn proof_nonce(req: &HttpMockRequest) -> Option<String> {
        proof(req).and_then(|p| p.claim_str("nonce").map(str::to_string))
    }

    /// Record each request a mock sees (its matcher runs once per request).
    fn recorder() -> (
        Arc<Mutex<Vec<HttpMockRequest>>>,
        impl Fn(&HttpMockRequest) -> bool + Send + Sync + 'static,
    ) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        (seen, move |req: &HttpMockRequest| {
            sink.lock().unwrap().push(req.clone());
            true
        })
    }

    fn token_body(token_type: &str, scope: &str) -> Value {
        json!({"token_type": token_type, "expires_in": 3600, "access_token": ACCESS_TOKEN, "scope": scope})
    }

    /// Decode and check an assertion as Okta would: signature with the registered public
    /// key, and every claim.
    fn check_assertion(
        form: &BTreeMap<String, String>,
        public: &VerifyingKey,
        token_url: &str,
    ) -> Decoded {
        assert_eq!(form["grant_type"], "client_credentials");
        assert_eq!(form["client_assertion_type"], ASSERTION_TYPE);
        assert_eq!(form.len(), 4, "{:?}", form.keys());
        let jwt = Decoded::parse(&form["client_assertion"]).unwrap();
        jwt.verify(public).unwrap();
        assert_eq!(jwt.claim_str("iss"), Some("0oaCLIENT"));
        assert_eq!(jwt.claim_str("sub"), Some("0oaCLIENT"));
        assert_eq!(jwt.claim_str("aud"), Some(token_url));
        let (iat, exp) = (jwt.claim_i64("iat").unwrap(), jwt.claim_i64("exp").unwrap());
        assert!((iat - jws::now_secs()).abs() <= 5);
        assert!(exp > iat && exp - iat <= 300, "exp - iat = {}", exp - iat);
        assert_eq!(jwt.claim_str("jti").map(str::len), Some(22));
        jwt
    }

    #[tokio::test]
    async fn rsa_assertion_has_the_exact_form_and_claims_and_the_token_is_reused() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.method(httpmock::Method::POST)
                    .path(TOKEN_PATH)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("accept", "application/json")
                    .header_missing("dpop")
                    .form_urlencoded_tuple("scope", Scope::READ)
                    .is_true(record);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.key_id = Some("kidRSA".into());
        let app = fx.app(&server, s).with_disk_cache(None);
        let http = http();
        let token = app.token(&http, Scope::Read).await.unwrap();
        assert_eq!(token.token.expose(), ACCESS_TOKEN);
        assert_eq!(token.token_type, TokenType::Bearer);
        assert!(token.fresh && token.dpop.is_none());
        // A second call in the same process: no second request.
        let again = app.token(&http, Scope::Read).await.unwrap();
        assert!(!again.fresh);
        mock.assert_calls_async(1).await;
        assert_eq!(app.token_requests(), 1);

        let seen = seen.lock().unwrap();
        let token_url = format!("{}{TOKEN_PATH}", server.base_url());
        let jwt = check_assertion(
            &form(&seen[0]),
            &VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap(),
            &token_url,
        );
        assert_eq!(jwt.header["alg"], "RS256");
        assert_eq!(jwt.header["kid"], "kidRSA");

        let url = Url::parse("https://acme.okta.com/api/v1/x").unwrap();
        let headers = app.api_headers(&again, &Method::GET, &url).unwrap();
        assert_eq!(
            headers[AUTHORIZATION],
            format!("Bearer {ACCESS_TOKEN}").as_str()
        );
        assert!(headers[AUTHORIZATION].is_sensitive());
        assert!(headers.get("dpop").is_none());
        // Nothing of the credentials in Debug output.
        let debug = format!("{app:?} {again:?}");
        assert!(
            !debug.contains(ACCESS_TOKEN) && !debug.contains("MII"),
            "{debug}"
        );
    }

    #[tokio::test]
    async fn ec_jwk_from_the_environment_signs_es256_with_its_own_kid_and_profile_scopes() {
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.method(httpmock::Method::POST)
                    .path(TOKEN_PATH)
                    .form_urlencoded_tuple(
                        "scope",
                        "okta.authorizationServers.manage okta.apps.read",
                    )
                    .is_true(record);
                then.status(200).json_body(token_body(
                    "Bearer",
                    "okta.authorizationServers.manage okta.apps.read",
                ));
            })
            .await;
        let mut s = settings(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.into()));
        s.scopes = Some(vec![Scope::MANAGE.into(), "okta.apps.read".into()]);
        s.org_url = Url::parse(&server.base_url()).unwrap();
        let environment: BTreeMap<&str, &str> =
            [(env::SDK_PRIVATE_KEY, EC_JWK)].into_iter().collect();
        let app = ServiceApp::new(&s, &environment)
            .unwrap()
            .with_disk_cache(None);
        app.token(&http(), Scope::Read).await.unwrap();
        mock.assert_calls_async(1).await;
        let seen = seen.lock().unwrap();
        let jwt = check_assertion(
            &form(&seen[0]),
            &VerifyingKey::parse(EC_PUBLIC, "pub").unwrap(),
            &format!("{}{TOKEN_PATH}", server.base_url()),
        );
        assert_eq!(jwt.header["alg"], "ES256");
        assert_eq!(jwt.header["kid"], "ec-test-key");
    }

    #[tokio::test]
    async fn a_manage_token_serves_reads_and_a_read_token_does_not_serve_writes() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let read = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .form_urlencoded_tuple("scope", Scope::READ);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let manage = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .form_urlencoded_tuple("scope", Scope::MANAGE);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::MANAGE));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let http = http();
        app.token(&http, Scope::Manage).await.unwrap();
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Manage).await.unwrap();
        manage.assert_calls_async(1).await;
        read.assert_calls_async(0).await;

        let app = fx.rsa_app_without_disk_cache(&server);
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Manage).await.unwrap();
        read.assert_calls_async(1).await;
        manage.assert_calls_async(2).await;
        assert_eq!(Scope::for_method(&Method::GET), Scope::Read);
        assert_eq!(Scope::for_method(&Method::DELETE), Scope::Manage);
    }

    #[tokio::test]
    async fn dpop_is_learnt_from_okta_and_the_nonce_challenge_is_answered() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        // 1. No proof: the app requires DPoP.
        let no_proof = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).header_missing("dpop");
                then.status(400).json_body(json!({
                    "error": "invalid_dpop_proof",
                    "error_description": "The DPoP proof JWT header is missing."
                }));
            })
            .await;
        // 2. A proof without a nonce: Okta hands one out.
        let challenge = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .header_exists("dpop")
                    .is_true(|req| proof_nonce(req).is_none());
                then.status(400)
                    .header("DPoP-Nonce", "nonce-1")
                    .json_body(json!({
                        "error": "use_dpop_nonce",
                        "error_description": "Authorization server requires nonce in DPoP proof."
                    }));
            })
            .await;
        // 3. A proof with the nonce: a DPoP-bound token.
        let granted = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .is_true(|req| proof_nonce(req).as_deref() == Some("nonce-1"))
                    .is_true(record);
                then.status(200).json_body(token_body("DPoP", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let token = app.token(&http(), Scope::Read).await.unwrap();
        no_proof.assert_calls_async(1).await;
        challenge.assert_calls_async(1).await;
        granted.assert_calls_async(1).await;
        assert_eq!(token.token_type, TokenType::Dpop);
        let key = token.dpop.clone().unwrap();

        let req = seen.lock().unwrap()[0].clone();
        let token_url = format!("{}{TOKEN_PATH}", server.base_url());
        check_assertion(
            &form(&req),
            &VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap(),
            &token_url,
        );
        let p = proof(&req).unwrap();
        assert_eq!(p.header["typ"], "dpop+jwt");
        assert_eq!(&p.header["jwk"], key.public_jwk());
        p.verify(&VerifyingKey::from_jwk(&p.header["jwk"]).unwrap())
            .unwrap();
        assert_eq!(p.claim_str("htm"), Some("POST"));
        assert_eq!(p.claim_str("htu"), Some(token_url.as_str()));
        assert!(
            p.claims.get("ath").is_none(),
            "no ath at the token endpoint"
        );

        // API calls: Authorization: DPoP, a proof with ath, the query left out of htu, and
        // the resource server's own nonce once it gave one.
        let url =
            Url::parse("https://acme.okta.com/api/v1/authorizationServers/aus1/x?limit=2").unwrap();
        let headers = app.api_headers(&token, &Method::DELETE, &url).unwrap();
        assert_eq!(
            headers[AUTHORIZATION],
            format!("DPoP {ACCESS_TOKEN}").as_str()
        );
        let api_proof = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(api_proof.claim_str("htm"), Some("DELETE"));
        assert_eq!(
            api_proof.claim_str("htu"),
            Some("https://acme.okta.com/api/v1/authorizationServers/aus1/x")
        );
        assert_eq!(
            api_proof.claim_str("ath"),
            Some(dpop::ath(&token.token).as_str())
        );
        assert_eq!(api_proof.claims.get("nonce"), None);
        assert!(headers["dpop"].is_sensitive());

        let mut challenge_headers = HeaderMap::new();
        challenge_headers.insert(
            "www-authenticate",
            HeaderValue::from_static(r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#),
        );
        challenge_headers.insert("dpop-nonce", HeaderValue::from_static("api-nonce"));
        assert!(app.note_api_response(&url, 401, &challenge_headers, b"{}"));
        // Okta's SDKs read the challenge from the body: so do we.
        let mut nonce_only = HeaderMap::new();
        nonce_only.insert("dpop-nonce", HeaderValue::from_static("api-nonce"));
        let body = br#"{"error":"use_dpop_nonce","error_description":"Resource server requires nonce in DPoP proof"}"#;
        assert!(app.note_api_response(&url, 401, &nonce_only, body));
        assert!(!app.note_api_response(&url, 401, &nonce_only, b"{}"));
        assert!(!app.note_api_response(&url, 401, &HeaderMap::new(), body));
        let headers = app.api_headers(&token, &Method::DELETE, &url).unwrap();
        let api_proof = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(api_proof.claim_str("nonce"), Some("api-nonce"));
        assert_ne!(api_proof.claim_str("nonce"), Some("nonce-1"));
    }

    #[tokio::test]
    async fn each_retry_has_a_fresh_assertion_and_nonce_retries_are_bounded() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(record);
                then.status(400)
                    .header("DPoP-Nonce", "always-new")
                    .json_body(json!({"error": "use_dpop_nonce", "error_description": "Authorization server requires nonce in DPoP proof."}));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.dpop = true;
        let app = fx.app(&server, s).with_disk_cache(None);
        let err = app.token(&http(), Scope::Read).await.unwrap_err();
        mock.assert_calls_async(1 + MAX_NONCE_RETRIES as usize)
            .await;
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("use_dpop_nonce"), "{err}");
        assert!(err.hint().unwrap().contains("new DPoP nonce"));
        let seen = seen.lock().unwrap();
        let jtis: std::collections::BTreeSet<String> = seen
            .iter()
            .map(|r| {
                Decoded::parse(&form(r)["client_assertion"])
                    .unwrap()
                    .claim_str("jti")
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(jtis.len(), seen.len(), "a jti was reused");
        // dpop = true: the first request already had a proof.
        assert!(seen.iter().all(|r| proof(r).is_some()));
        assert_eq!(proof_nonce(&seen[0]), None);
        assert_eq!(proof_nonce(&seen[1]).as_deref(), Some("always-new"));
    }

    async fn refusal(status: u16, body: &str, s: ServiceAppSettings) -> Error {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let body = body.to_string();
        server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(status)
                    .header("content-type", "application/json")
                    .header("x-okta-request-id", "reqTOKEN123")
                    .body(body);
            })
            .await;
        let mut s = s;
        s.private_key = Some(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        let app = fx.app(&server, s).with_disk_cache(None);
        app.token(&http(), Scope::Manage).await.unwrap_err()
    }

    #[tokio::test]
    async fn token_endpoint_errors_are_exit_4_with_the_description_and_a_next_step() {
        let base = settings(PrivateKeySource::Command(String::new()));
        let err = refusal(
            401,
            r#"{"error":"invalid_client","error_description":"The client_assertion signature is invalid."}"#,
            base.clone(),
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert_eq!(
            err.to_string(),
            "Okta's token endpoint refused the service app 0oaCLIENT (401 invalid_client: The client_assertion \
             signature is invalid.) (request id reqTOKEN123)"
        );
        let hint = err.hint().unwrap();
        assert!(
            hint.contains("Public keys") && hint.contains("key_id"),
            "{hint}"
        );

        let err = refusal(
            400,
            r#"{"error":"invalid_scope","error_description":"The following scopes are not allowed: okta.authorizationServers.manage"}"#,
            base.clone(),
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.to_string()
                .contains("not allowed: okta.authorizationServers.manage")
        );
        assert!(
            err.hint().unwrap().starts_with(
                "grant the app the scope okta.authorizationServers.manage in the Admin Console"
            ),
            "{:?}",
            err.hint()
        );

        let err = refusal(
            400,
            r#"{"error":"unauthorized_client","error_description":"The client is not authorized to use the provided grant type."}"#,
            base.clone(),
        )
        .await;
        assert!(err.hint().unwrap().contains("Client Credentials"));

        let mut with_dpop = base.clone();
        with_dpop.dpop = true;
        let err = refusal(
            400,
            r#"{"error":"invalid_dpop_proof","error_description":"The DPoP proof JWT is not allowed."}"#,
            with_dpop,
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.hint()
                .unwrap()
                .contains("remove `dpop = true` from profile `ci`")
        );

        let err = refusal(400, "<html>proxy</html>", base.clone()).await;
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("(no OAuth error code)"), "{err}");

        assert_eq!(refusal(503, "{}", base.clone()).await.exit_code(), 8);
        assert_eq!(refusal(429, "{}", base).await.exit_code(), 7);
    }

    #[tokio::test]
    async fn a_5xx_or_a_429_at_the_token_endpoint_is_asked_again_with_a_new_assertion() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let first_two = count.clone();
        let (refused, record_refused) = recorder();
        let failing = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .is_true(move |_| first_two.fetch_add(1, Ordering::SeqCst) < 2)
                    .is_true(record_refused);
                then.status(503).body("busy");
            })
            .await;
        let ok = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(record);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let started = Instant::now();
        let token = app.token(&http(), Scope::Read).await.unwrap();
        assert_eq!(token.token.expose(), ACCESS_TOKEN);
        failing.assert_calls_async(2).await;
        ok.assert_calls_async(1).await;
        assert_eq!(app.token_requests(), 3);
        // The transport's backoff (the one retry policy): at least 0.25 s, then 0.5 s.
        assert!(
            started.elapsed() >= Duration::from_millis(750),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(seen.lock().unwrap().len(), 1);
        // The transport resends with new credentials each attempt: three assertions.
        let jti = |req: &HttpMockRequest| {
            Decoded::parse(&form(req)["client_assertion"])
                .unwrap()
                .claim_str("jti")
                .unwrap()
                .to_string()
        };
        let jtis: std::collections::BTreeSet<String> = refused
            .lock()
            .unwrap()
            .iter()
            .chain(seen.lock().unwrap().iter())
            .map(jti)
            .collect();
        assert_eq!(jtis.len(), 3, "a jti was reused");
    }

    /// New with the shared transport: the command's deadline (`--timeout`) bounds the
    /// token request too, not only each attempt's `--request-timeout`.
    #[tokio::test]
    async fn the_command_timeout_bounds_the_token_request() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(200)
                    .delay(Duration::from_secs(10))
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let transport = transport_with(HttpSettings {
            timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(5),
            max_retries: 4,
            ca_cert: None,
            ssl_cert_file: None,
        });
        let started = Instant::now();
        let err = app.token(&transport, Scope::Read).await.unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(err.exit_code(), 8);
        assert!(
            err.to_string()
                .contains("the command ran out of time (--timeout 1 s)"),
            "{err}"
        );
        assert!(
            err.hint().unwrap().starts_with("raise --timeout"),
            "{:?}",
            err.hint()
        );
    }

    #[tokio::test]
    async fn an_absurd_expires_in_is_bounded_not_an_overflow() {
        let fx = Fixture::new();
        let key = fx.key_file(RSA_PKCS1, 0o600);
        for (expires_in, lifetime) in [(i64::MIN, 0), (i64::MAX, MAX_TOKEN_LIFETIME_SECS)] {
            let server = MockServer::start_async().await;
            server
                .mock_async(|when, then| {
                    when.path(TOKEN_PATH);
                    then.status(200).json_body(json!({
                        "token_type": "Bearer", "expires_in": expires_in,
                        "access_token": ACCESS_TOKEN, "scope": Scope::READ
                    }));
                })
                .await;
            let app = fx.app(&server, settings(PrivateKeySource::File(key.clone())));
            let http = http();
            let token = app.token(&http, Scope::Read).await.unwrap();
            let left = token.expires_at - jws::now_secs();
            assert!(
                (lifetime - 2..=lifetime).contains(&left),
                "{expires_in}: {left}"
            );
            // Asked again: the expiry checks on it do not overflow either.
            app.token(&http, Scope::Read).await.unwrap();
        }
    }

    #[tokio::test]
    async fn tokens_are_kept_between_runs_with_their_dpop_key_and_discarded_when_refused() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(|req| proof(req).is_some());
                then.status(200)
                    .json_body(token_body("DPoP", Scope::MANAGE));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.dpop = true;
        let http = http();
        let first = fx.app(&server, s.clone());
        let token = first.token(&http, Scope::Manage).await.unwrap();
        let thumbprint = token.dpop.as_ref().unwrap().thumbprint();
        let files: Vec<_> = std::fs::read_dir(fx.cache().dir()).unwrap().collect();
        assert_eq!(files.len(), 1);
        let path = files[0].as_ref().unwrap().path();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        // "Another process": same cache, new app, no token request, same DPoP key. Its
        // profile does not say dpop: the cached DPoP token tells it.
        let second = fx.app(
            &server,
            ServiceAppSettings {
                dpop: false,
                ..s.clone()
            },
        );
        let cached = second.token(&http, Scope::Read).await.unwrap();
        mock.assert_calls_async(1).await;
        assert!(!cached.fresh);
        assert_eq!(cached.token.expose(), ACCESS_TOKEN);
        assert_eq!(cached.dpop.as_ref().unwrap().thumbprint(), thumbprint);
        let url = Url::parse("https://acme.okta.com/api/v1/x").unwrap();
        let headers = second.api_headers(&cached, &Method::GET, &url).unwrap();
        let p = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(
            VerifyingKey::from_jwk(&p.header["jwk"])
                .unwrap()
                .thumbprint(),
            thumbprint
        );

        // Okta refused it (401): discard, and the next call asks again, with a proof from
        // the start (the mock answers only requests with one).
        second.discard(&cached);
        assert!(!path.exists());
        let renewed = second.token(&http, Scope::Read).await.unwrap();
        assert!(renewed.fresh);
        mock.assert_calls_async(2).await;

        // --no-token-cache: nothing read, nothing written.
        let mut no_cache = s;
        no_cache.token_cache = false;
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        let app = ServiceApp::new(&no_cache, &env).unwrap();
        assert!(app.disk.is_none());
    }

    #[tokio::test]
    async fn short_lived_tokens_are_neither_reused_near_expiry_nor_written_to_disk() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(200).json_body(json!({
                    "token_type": "Bearer", "expires_in": 20, "access_token": ACCESS_TOKEN, "scope": Scope::READ
                }));
            })
            .await;
        let app = fx.app(
            &server,
            settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600))),
        );
        let http = http();
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Read).await.unwrap();
        mock.assert_calls_async(2).await;
        assert!(!fx.cache().dir().exists());
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_private_key_readable_by_others_is_refused_before_anything_is_sent() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let path = fx.key_file(RSA_PKCS1, 0o640);
        let app = fx.app(&server, settings(PrivateKeySource::File(path.clone())));
        let err = app.token(&http(), Scope::Read).await.unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert_eq!(
            err.to_string(),
            format!(
                "the private key file {} is readable by others (mode 640); refusing to use it",
                path.display()
            )
        );
        assert_eq!(
            err.hint().unwrap(),
            format!("run `chmod 600 {}`", path.display())
        );
        mock.assert_calls_async(0).await;
    }

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

    #[test]
    fn okta_sdk_private_key_variable_takes_text_or_a_path() {
        let mut s = settings(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.into()));
        s.org_url = Url::parse("https://acme.okta.com/base/").unwrap();
        let path_env: BTreeMap<&str, &str> = [(env::SDK_PRIVATE_KEY, "/run/secrets/okta.pem")]
            .into_iter()
            .collect();
        let app = ServiceApp::new(&s, &path_env).unwrap();
        assert!(
            matches!(&app.key_input, KeyInput::EnvPath { path, var } if path.expose() == "/run/secrets/okta.pem" && var == env::SDK_PRIVATE_KEY)
        );
        let pem_env: BTreeMap<&str, &str> =
            [(env::SDK_PRIVATE_KEY, RSA_PKCS1)].into_iter().collect();
        let app = ServiceApp::new(&s, &pem_env).unwrap();
        assert!(
            matches!(&app.key_input, KeyInput::Text { what, .. } if what == "the private key in OKTA_CLIENT_PRIVATEKEY")
        );
        assert!(app.signing_key().is_ok());
        assert_eq!(
            app.token_url().as_str(),
            "https://acme.okta.com/base/oauth2/v1/token"
        );
    }

    #[tokio::test]
    async fn private_key_command_output_is_the_key() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let path = fx.key_file(RSA_PKCS1, 0o600);
        let s = settings(PrivateKeySource::Command(format!(
            "cat '{}'",
            path.display()
        )));
        let app = fx.app(&server, s);
        assert_eq!(app.signing_key().unwrap().key.alg().as_str(), "RS256");
        let broken = settings(PrivateKeySource::Command("echo nope".into()));
        let err = fx.app(&server, broken).signing_key().unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert_eq!(
            err.to_string(),
            "the output of private_key_command `echo nope` is neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor a private JWK"
        );
    }
}
