//! Configuration: the TOML file, profiles, the environment, and their precedence.
//!
//! Everything is resolved once, before any HTTP, into one [`Settings`]:
//! flags > environment > profile > built-in defaults. Credentials are resolved to a
//! *source* here (which variable, which command); reading the secret happens in `auth`,
//! only when a request is about to be sent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Names of the environment variables oktakeys reads, in one place.
pub mod env {
    pub const CONFIG: &str = "OKTAKEYS_CONFIG";
    pub const PROFILE: &str = "OKTAKEYS_PROFILE";
    pub const AUTH_SERVER: &str = "OKTAKEYS_AUTH_SERVER";
    pub const ORG_URL: &str = "OKTA_ORG_URL";
    pub const SDK_ORG_URL: &str = "OKTA_CLIENT_ORGURL";
    pub const API_TOKEN: &str = "OKTA_API_TOKEN";
    pub const SDK_TOKEN: &str = "OKTA_CLIENT_TOKEN";
    pub const SDK_AUTH_MODE: &str = "OKTA_CLIENT_AUTHORIZATIONMODE";
    pub const SDK_CLIENT_ID: &str = "OKTA_CLIENT_CLIENTID";
    pub const SDK_SCOPES: &str = "OKTA_CLIENT_SCOPES";
    pub const SDK_PRIVATE_KEY: &str = "OKTA_CLIENT_PRIVATEKEY";
    pub const SDK_PRIVATE_KEY_ID: &str = "OKTA_CLIENT_PRIVATEKEYID";
    pub const NO_TOKEN_CACHE: &str = "OKTAKEYS_NO_TOKEN_CACHE";
    pub const CI: &str = "CI";
    /// A PEM bundle of CA certificates to trust, as OpenSSL and curl read it.
    pub const SSL_CERT_FILE: &str = "SSL_CERT_FILE";
    // Read by clap, on the flags of the same names.
    pub const TIMEOUT: &str = "OKTAKEYS_TIMEOUT";
    pub const REQUEST_TIMEOUT: &str = "OKTAKEYS_REQUEST_TIMEOUT";
    pub const CONNECT_TIMEOUT: &str = "OKTAKEYS_CONNECT_TIMEOUT";
    pub const MAX_RETRIES: &str = "OKTAKEYS_MAX_RETRIES";
    pub const NO_COLOR: &str = "NO_COLOR";
}

/// The profile name that starts a local sandbox when no profile of that name is configured.
pub const SANDBOX_PROFILE: &str = "sandbox";

pub const DEFAULT_TIMEOUT_SECS: u64 = 120;
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 30;
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u64 = 10;
pub const DEFAULT_MAX_RETRIES: u32 = 4;

/// The config file as written on disk.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub org_url: Option<String>,
    pub auth_server: Option<String>,
    pub auth: Option<AuthMode>,
    pub token: Option<Secret>,
    pub token_env: Option<String>,
    pub token_command: Option<String>,
    pub timeout: Option<u64>,
    pub request_timeout: Option<u64>,
    pub connect_timeout: Option<u64>,
    pub max_retries: Option<u32>,
    pub ca_cert: Option<PathBuf>,
    // OAuth 2.0 service app (auth = "private_key").
    pub client_id: Option<String>,
    pub private_key_file: Option<PathBuf>,
    pub private_key_env: Option<String>,
    pub private_key_command: Option<String>,
    pub key_id: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub dpop: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMode {
    Ssws,
    Bearer,
    PrivateKey,
}

impl AuthMode {
    /// Okta SDK spelling, as in `OKTA_CLIENT_AUTHORIZATIONMODE`.
    fn from_sdk_name(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ssws" => Some(AuthMode::Ssws),
            "bearer" => Some(AuthMode::Bearer),
            "privatekey" | "private_key" => Some(AuthMode::PrivateKey),
            _ => None,
        }
    }
}

/// Where the API token comes from. The secret itself is read later, in `auth`.
#[derive(Debug, Clone)]
pub enum TokenSource {
    /// An environment variable (OKTA_API_TOKEN, OKTA_CLIENT_TOKEN or a profile's `token_env`).
    Env(String),
    /// `token = "…"` in the config file.
    Inline(Secret),
    /// `token_command`: run it, take its trimmed stdout.
    Command(String),
}

/// Where the service app's private key comes from. Read later, in `auth`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivateKeySource {
    /// `private_key_file` (`~/` expanded): must not be readable by group or others.
    File(PathBuf),
    /// An environment variable holding the PEM/JWK text, or a path to a key file
    /// (`OKTA_CLIENT_PRIVATEKEY`, or the profile's `private_key_env`).
    Env(String),
    /// `private_key_command`: run it, take its stdout (for password managers, vaults).
    Command(String),
}

/// An OAuth 2.0 service app (client_credentials with private_key_jwt, optionally DPoP),
/// resolved from the environment and the profile. Incomplete settings are reported when
/// a request is about to be sent, so `--dry-run` works without credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAppSettings {
    /// The org whose token endpoint (`{org_url}/oauth2/v1/token`) issues the tokens.
    /// Its requests go through the command's HTTP transport and its settings.
    pub org_url: Url,
    pub client_id: Option<String>,
    pub private_key: Option<PrivateKeySource>,
    /// The `kid` of the app's key in Okta; a private JWK's own `kid` otherwise.
    pub key_id: Option<String>,
    /// Scopes to request; `None` means what the command needs (read or manage).
    pub scopes: Option<Vec<String>>,
    /// Send DPoP proofs from the first token request (otherwise only when Okta asks).
    pub dpop: bool,
    /// Keep access tokens between runs in the user cache dir (off with `--no-token-cache`).
    pub token_cache: bool,
    /// The profile these came from, for hints.
    pub profile: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Credentials {
    /// `Authorization: SSWS …` or `Bearer …`.
    Token { mode: AuthMode, source: TokenSource },
    /// OAuth 2.0 service app: client_credentials with private_key_jwt.
    ServiceApp(Box<ServiceAppSettings>),
    /// Nothing configured. Not an error until a request is really sent, so `--dry-run`
    /// works without credentials. Holds the hint for the error.
    Missing { hint: String },
}

#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub timeout: Duration,
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    /// `--ca-cert` or the profile's `ca_cert`: trusted besides the platform's roots.
    pub ca_cert: Option<PathBuf>,
    /// `SSL_CERT_FILE`, also trusted besides the platform's roots (on every platform).
    pub ssl_cert_file: Option<PathBuf>,
}

/// Where the commands send their requests.
#[derive(Debug, Clone)]
pub enum Target {
    /// A real (or test) Okta org.
    Org {
        org_url: Url,
        credentials: Credentials,
    },
    /// The `sandbox` profile: a local server started in-process for this one command.
    Sandbox,
}

/// Everything a command needs, resolved once.
#[derive(Debug, Clone)]
pub struct Settings {
    pub target: Target,
    pub auth_server: Option<String>,
    pub http: HttpSettings,
    pub profile: Option<String>,
    pub config_path: Option<PathBuf>,
    /// Where each value came from (for `config show`).
    pub origins: Origins,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag, e.g. `--org-url`.
    Flag(&'static str),
    /// An environment variable, by name.
    Env(String),
    /// A key of the named profile in the config file.
    Profile(String),
    /// `default_profile` in the config file.
    DefaultProfile,
    /// The built-in `sandbox` profile.
    Sandbox,
    /// The built-in default.
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => write!(f, "flag {flag}"),
            Origin::Env(var) => write!(f, "environment variable {var}"),
            Origin::Profile(name) => write!(f, "profile `{name}`"),
            Origin::DefaultProfile => f.write_str("default_profile in the config file"),
            Origin::Sandbox => f.write_str("the built-in sandbox profile"),
            Origin::Default => f.write_str("built-in default"),
        }
    }
}

/// The origin of each resolved setting; `None` where the setting has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origins {
    pub config_path: Origin,
    pub profile: Option<Origin>,
    pub org_url: Option<Origin>,
    pub auth_mode: Option<Origin>,
    pub credentials: Option<Origin>,
    pub auth_server: Option<Origin>,
    pub timeout: Origin,
    pub request_timeout: Origin,
    pub connect_timeout: Origin,
    pub max_retries: Origin,
    pub ca_cert: Option<Origin>,
}

/// The one place precedence is decided: the first candidate that has a value wins,
/// and brings its origin along. Callers list candidates highest first.
fn first<T>(candidates: impl IntoIterator<Item = (Option<T>, Origin)>) -> Option<(T, Origin)> {
    candidates
        .into_iter()
        .find_map(|(value, origin)| value.map(|v| (v, origin)))
}

/// The origin of a clap arg that may also come from its environment variable (`env = …`).
fn arg_origin(global: &GlobalArgs, id: &str, flag: &'static str) -> Origin {
    match global.env_origins.var(id) {
        Some(var) => Origin::Env(var.to_string()),
        None => Origin::Flag(flag),
    }
}

/// Read access to the environment, so tests can resolve settings without touching it.
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment. Empty values count as unset.
pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Environment for BTreeMap<&str, &str> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
    }
}

/// The config file path: `--config`/`OKTAKEYS_CONFIG` (clap merges both), else the
/// platform config dir. `None` only when the platform has no config dir.
pub fn config_path(flag: Option<&Path>) -> Option<PathBuf> {
    match flag {
        Some(p) => Some(p.to_path_buf()),
        None => dirs::config_dir().map(|d| d.join("oktakeys").join("config.toml")),
    }
}

/// Where [`config_path`]'s answer comes from.
pub fn config_path_origin(global: &GlobalArgs) -> Origin {
    match &global.config {
        Some(_) => arg_origin(global, "config", "--config"),
        None => Origin::Default,
    }
}

/// Read and parse the config file. A missing file is `Ok(None)` unless it was named
/// explicitly (then it is an error: the user asked for that file).
pub fn load_file(path: &Path, explicit: bool) -> Result<Option<ConfigFile>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return Ok(None),
        Err(e) => {
            return Err(Error::config_hint(
                format!("cannot read the config file {}: {e}", path.display()),
                "check --config / OKTAKEYS_CONFIG, or create it with `oktakeys config init`",
            ));
        }
    };
    let file = parse_file(&text, path)?;
    if file.profiles.values().any(|p| p.token.is_some()) {
        check_private(path)?;
    }
    Ok(Some(file))
}

/// Parse config text. toml's Display quotes the offending line, which could be a token:
/// the error has only the message and the line number.
pub fn parse_file(text: &str, path: &Path) -> Result<ConfigFile> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .and_then(|span| text.get(..span.start))
            .map(|before| format!(" (line {})", before.matches('\n').count() + 1))
            .unwrap_or_default();
        Error::config(format!(
            "the config file {} is not valid{line}: {}",
            path.display(),
            e.message().trim_end()
        ))
    })
}

/// A config file that holds a token must not be readable by group or others (as ssh
/// refuses a private key with loose permissions).
#[cfg(unix)]
fn check_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| Error::config(format!("cannot stat {}: {e}", path.display())))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(Error::config_hint(
            format!(
                "the config file {} holds a token but is readable by others (mode {:o}); refusing to use it",
                path.display(),
                mode & 0o777
            ),
            format!(
                "run `chmod 600 {}`, or move the token out of the file (token_env, token_command)",
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> Result<()> {
    Ok(())
}

impl Settings {
    /// Resolve flags, environment, config file and defaults into one `Settings`.
    /// `auth_server_flag` is `keys --auth-server` (clap already merged OKTAKEYS_AUTH_SERVER).
    pub fn resolve(
        global: &GlobalArgs,
        auth_server_flag: Option<&str>,
        env: &dyn Environment,
    ) -> Result<Settings> {
        let explicit_config = global.config.is_some();
        let path = config_path(global.config.as_deref());
        let file = match &path {
            Some(p) => load_file(p, explicit_config)?,
            None => None,
        };
        Self::from_parts(global, auth_server_flag, env, file, path)
    }

    /// The pure part of [`Settings::resolve`]: no file system access.
    pub fn from_parts(
        global: &GlobalArgs,
        auth_server_flag: Option<&str>,
        env: &dyn Environment,
        file: Option<ConfigFile>,
        config_path: Option<PathBuf>,
    ) -> Result<Settings> {
        let file = file.unwrap_or_default();
        let chosen = first([
            (
                global.profile.clone(),
                arg_origin(global, "profile", "--profile"),
            ),
            (file.default_profile.clone(), Origin::DefaultProfile),
        ]);

        let (profile_name, profile_origin, profile, is_sandbox) = match chosen {
            Some((name, origin)) => match file.profiles.get(&name) {
                Some(p) => (Some(name), Some(origin), p.clone(), false),
                None if name == SANDBOX_PROFILE => {
                    (Some(name), Some(origin), Profile::default(), true)
                }
                None => return Err(unknown_profile(&name, &file, config_path.as_deref())),
            },
            None => (None, None, Profile::default(), false),
        };
        // Where a value from the profile comes from.
        let from_profile = || match (&profile_name, is_sandbox) {
            (Some(_), true) => Origin::Sandbox,
            (Some(name), false) => Origin::Profile(name.clone()),
            (None, _) => Origin::Default,
        };

        let with_default = |picked: Option<(u64, Origin)>, default: u64| {
            picked.unwrap_or((default, Origin::Default))
        };
        let (timeout, timeout_origin) = with_default(
            first([
                (global.timeout, arg_origin(global, "timeout", "--timeout")),
                (profile.timeout, from_profile()),
            ]),
            DEFAULT_TIMEOUT_SECS,
        );
        let (request_timeout, request_timeout_origin) = with_default(
            first([
                (
                    global.request_timeout,
                    arg_origin(global, "request_timeout", "--request-timeout"),
                ),
                (profile.request_timeout, from_profile()),
            ]),
            DEFAULT_REQUEST_TIMEOUT_SECS,
        );
        let (connect_timeout, connect_timeout_origin) = with_default(
            first([
                (
                    global.connect_timeout,
                    arg_origin(global, "connect_timeout", "--connect-timeout"),
                ),
                (profile.connect_timeout, from_profile()),
            ]),
            DEFAULT_CONNECT_TIMEOUT_SECS,
        );
        let (max_retries, max_retries_origin) = first([
            (
                global.max_retries,
                arg_origin(global, "max_retries", "--max-retries"),
            ),
            (profile.max_retries, from_profile()),
        ])
        .unwrap_or((DEFAULT_MAX_RETRIES, Origin::Default));
        let ca_cert = first([
            (global.ca_cert.clone(), Origin::Flag("--ca-cert")),
            (profile.ca_cert.clone(), from_profile()),
        ]);
        let http = HttpSettings {
            timeout: secs(timeout, "timeout")?,
            request_timeout: secs(request_timeout, "request-timeout")?,
            connect_timeout: secs(connect_timeout, "connect-timeout")?,
            max_retries,
            ca_cert: ca_cert.as_ref().map(|(path, _)| path.clone()),
            ssl_cert_file: env.var(env::SSL_CERT_FILE).map(PathBuf::from),
        };
        let auth_server = first([
            (
                auth_server_flag.map(str::to_string),
                arg_origin(global, "auth_server", "--auth-server"),
            ),
            (profile.auth_server.clone(), from_profile()),
        ]);
        // The flag and OKTAKEYS_AUTH_SERVER were checked by clap; the file's value goes
        // into URL paths the same way (`..` would reach another endpoint).
        if let Some((id, origin @ Origin::Profile(_))) = &auth_server {
            crate::cli::parse_path_id(id).map_err(|why| {
                Error::config_hint(
                    format!("auth_server `{}` ({origin}) {why}", id.escape_debug()),
                    "set auth_server to the authorization server's id (aus…), or remove it",
                )
            })?;
        }

        let (target, org_url_origin, auth_mode_origin, credentials_origin) = if is_sandbox {
            (
                Target::Sandbox,
                Some(Origin::Sandbox),
                None,
                Some(Origin::Sandbox),
            )
        } else {
            let org_url = first([
                (global.org_url.clone(), Origin::Flag("--org-url")),
                (env.var(env::ORG_URL), Origin::Env(env::ORG_URL.into())),
                (
                    env.var(env::SDK_ORG_URL),
                    Origin::Env(env::SDK_ORG_URL.into()),
                ),
                (profile.org_url.clone(), from_profile()),
            ]);
            let url = parse_org_url(
                org_url.as_ref().map(|(url, _)| url.as_str()),
                profile_name.as_deref(),
            )
            .map_err(|e| match (&org_url, e) {
                // Say where a bad URL came from: an environment variable can shadow the profile.
                (Some((_, origin)), Error::Config { message, hint }) => Error::Config {
                    message: format!("{message} (from {origin})"),
                    hint,
                },
                (_, e) => e,
            })?;
            let (credentials, mode_origin, source_origin) = resolve_credentials(
                global,
                &profile,
                env,
                profile_name.as_deref(),
                from_profile(),
                &url,
            )?;
            (
                Target::Org {
                    org_url: url,
                    credentials,
                },
                org_url.map(|(_, o)| o),
                Some(mode_origin),
                source_origin,
            )
        };

        Ok(Settings {
            target,
            auth_server: auth_server.as_ref().map(|(id, _)| id.clone()),
            http,
            profile: profile_name,
            config_path,
            origins: Origins {
                config_path: config_path_origin(global),
                profile: profile_origin,
                org_url: org_url_origin,
                auth_mode: auth_mode_origin,
                credentials: credentials_origin,
                auth_server: auth_server.map(|(_, o)| o),
                timeout: timeout_origin,
                request_timeout: request_timeout_origin,
                connect_timeout: connect_timeout_origin,
                max_retries: max_retries_origin,
                ca_cert: ca_cert.map(|(_, o)| o),
            },
        })
    }
}

fn secs(value: u64, name: &str) -> Result<Duration> {
    match value {
        0 => Err(Error::Usage(format!("--{name} must be at least 1 second"))),
        v => Ok(Duration::from_secs(v)),
    }
}

fn unknown_profile(name: &str, file: &ConfigFile, path: Option<&Path>) -> Error {
    let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
    let where_ = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the config file".into());
    let hint = if known.is_empty() {
        format!(
            "{where_} defines no profiles: create one with `oktakeys config init --profile {name}`, \
             or try `--profile sandbox` for a local sandbox"
        )
    } else {
        format!("profiles in {where_}: {}", known.join(", "))
    };
    Error::config_hint(format!("no profile named `{name}`"), hint)
}

/// The credentials, where the auth mode came from, and where the credential source came from.
fn resolve_credentials(
    global: &GlobalArgs,
    profile: &Profile,
    env: &dyn Environment,
    profile_name: Option<&str>,
    from_profile: Origin,
    org_url: &Url,
) -> Result<(Credentials, Origin, Option<Origin>)> {
    let (mode, mode_origin) = match env.var(env::SDK_AUTH_MODE) {
        Some(name) => (
            AuthMode::from_sdk_name(&name).ok_or_else(|| {
                Error::config(format!(
                    "{} is `{name}`; expected SSWS, Bearer or PrivateKey",
                    env::SDK_AUTH_MODE
                ))
            })?,
            Origin::Env(env::SDK_AUTH_MODE.into()),
        ),
        None => match profile.auth {
            Some(mode) => (mode, from_profile.clone()),
            None => (AuthMode::Ssws, Origin::Default),
        },
    };
    if mode == AuthMode::PrivateKey {
        let app = resolve_service_app(global, profile, env, profile_name, org_url)?;
        let key_origin = if env.var(env::SDK_PRIVATE_KEY).is_some() {
            Origin::Env(env::SDK_PRIVATE_KEY.into())
        } else {
            from_profile
        };
        return Ok((
            Credentials::ServiceApp(Box::new(app)),
            mode_origin,
            Some(key_origin),
        ));
    }
    let env_token = [env::API_TOKEN, env::SDK_TOKEN]
        .into_iter()
        .find(|n| env.var(n).is_some());
    let source = first([
        (
            env_token.map(|n| TokenSource::Env(n.to_string())),
            Origin::Env(env_token.unwrap_or_default().to_string()),
        ),
        (
            profile.token.clone().map(TokenSource::Inline),
            from_profile.clone(),
        ),
        (
            profile.token_env.clone().map(TokenSource::Env),
            from_profile.clone(),
        ),
        (
            profile.token_command.clone().map(TokenSource::Command),
            from_profile,
        ),
    ]);
    let Some((source, source_origin)) = source else {
        let hint = match profile_name {
            Some(p) => {
                format!("give profile `{p}` a token_env or token_command, or set OKTA_API_TOKEN")
            }
            None => {
                "set OKTA_API_TOKEN, or choose a profile with --profile (try `--profile sandbox`)"
                    .to_string()
            }
        };
        return Ok((Credentials::Missing { hint }, mode_origin, None));
    };
    Ok((
        Credentials::Token { mode, source },
        mode_origin,
        Some(source_origin),
    ))
}

/// The service app's settings: the Okta SDK's environment names beat the profile.
fn resolve_service_app(
    global: &GlobalArgs,
    profile: &Profile,
    env: &dyn Environment,
    profile_name: Option<&str>,
    org_url: &Url,
) -> Result<ServiceAppSettings> {
    let in_profile: Vec<&str> = [
        profile
            .private_key_file
            .is_some()
            .then_some("private_key_file"),
        profile
            .private_key_env
            .is_some()
            .then_some("private_key_env"),
        profile
            .private_key_command
            .is_some()
            .then_some("private_key_command"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if in_profile.len() > 1 {
        return Err(Error::config_hint(
            format!(
                "profile `{}` sets {}; the private key must come from one place",
                profile_name.unwrap_or("-"),
                in_profile.join(" and ")
            ),
            "keep one of private_key_file, private_key_env, private_key_command",
        ));
    }
    let private_key = if env.var(env::SDK_PRIVATE_KEY).is_some() {
        Some(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.to_string()))
    } else if let Some(path) = &profile.private_key_file {
        Some(PrivateKeySource::File(expand_home(path)))
    } else if let Some(var) = &profile.private_key_env {
        Some(PrivateKeySource::Env(var.clone()))
    } else {
        profile
            .private_key_command
            .as_ref()
            .map(|cmd| PrivateKeySource::Command(cmd.clone()))
    };
    let scopes = match env.var(env::SDK_SCOPES) {
        Some(list) => Some(split_scopes(&list)),
        None => profile.scopes.clone(),
    };
    if scopes.as_ref().is_some_and(|s| s.is_empty()) {
        return Err(Error::config_hint(
            "the service app's scope list is empty",
            "name at least one scope (okta.authorizationServers.read or .manage), \
             or leave scopes out to request what each command needs",
        ));
    }
    Ok(ServiceAppSettings {
        org_url: org_url.clone(),
        client_id: env
            .var(env::SDK_CLIENT_ID)
            .or_else(|| profile.client_id.clone())
            .map(|id| id.trim().to_string()),
        private_key,
        key_id: env
            .var(env::SDK_PRIVATE_KEY_ID)
            .or_else(|| profile.key_id.clone()),
        scopes,
        dpop: profile.dpop.unwrap_or(false),
        token_cache: !global.no_token_cache,
        profile: profile_name.map(str::to_string),
    })
}

/// `OKTA_CLIENT_SCOPES`: comma-separated (spaces tolerated), empty items dropped.
fn split_scopes(list: &str) -> Vec<String> {
    list.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `~/…` in a configured path means the home directory.
pub fn expand_home(path: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) if path.starts_with("~/") || path == Path::new("~") => {
            dirs::home_dir().map_or_else(|| path.to_path_buf(), |home| home.join(rest))
        }
        _ => path.to_path_buf(),
    }
}

/// Check an org URL the way Okta's SDKs do, each mistake with its own message, and keep
/// the port. `http://` is allowed only for loopback hosts (the sandbox, tests).
pub fn parse_org_url(value: Option<&str>, profile: Option<&str>) -> Result<Url> {
    let Some(raw) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        let hint = match profile {
            Some(p) => format!("add org_url to profile `{p}`, or pass --org-url"),
            None => "pass --org-url, set OKTA_ORG_URL, or choose a profile with --profile (try `--profile sandbox`)"
                .to_string(),
        };
        return Err(Error::config_hint("no Okta org URL configured", hint));
    };
    let shown = redact_userinfo(raw);
    let bad = |why: &str| Error::config(format!("the org URL `{shown}` {why}"));
    if raw.contains("{yourOktaDomain}") {
        return Err(bad(
            "still holds the placeholder {yourOktaDomain}: replace it with your Okta domain, e.g. https://acme.okta.com",
        ));
    }
    if raw.matches("://").count() > 1 {
        return Err(bad("contains `://` more than once"));
    }
    let url = Url::parse(raw).map_err(|e| {
        bad(&format!(
            "is not a valid URL ({e}); it looks like https://acme.okta.com"
        ))
    })?;
    let host = url
        .host_str()
        .ok_or_else(|| bad("has no host; it looks like https://acme.okta.com"))?
        .to_ascii_lowercase();
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(bad(
                "must use https:// (http:// is allowed only for loopback addresses such as the sandbox)",
            ));
        }
        other => return Err(bad(&format!("must use https://, not {other}://"))),
    }
    if host.contains("-admin.") || host.ends_with("-admin") {
        return Err(bad(
            "is the admin console's address: use the org URL without -admin (https://acme.okta.com, not https://acme-admin.okta.com)",
        ));
    }
    if host.ends_with(".com.com") {
        return Err(bad("ends in .com.com: remove the extra .com"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            "carries a user name or password; credentials belong in the profile, not the URL",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    Ok(url)
}

/// An org URL as it may be printed: a user name and password in it (which oktakeys
/// refuses, but someone may have written) become `***`. Works on text that is not a
/// valid URL too, since that is when it is shown in an error.
pub fn redact_userinfo(raw: &str) -> String {
    let start = raw.find("://").map_or(0, |i| i + 3);
    let rest = &raw[start..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => format!("{}***{}", &raw[..start], &rest[at..]),
        None => raw.to_string(),
    }
}

/// `localhost` or a loopback address: where `http://` is allowed (the sandbox, tests).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&'static str, &'static str)]) -> BTreeMap<&'static str, &'static str> {
        pairs.iter().copied().collect()
    }

    fn file(toml_text: &str) -> ConfigFile {
        toml::from_str(toml_text).expect("test config parses")
    }

    const TWO_PROFILES: &str = r#"
default_profile = "prod"
[profiles.prod]
org_url = "https://prod.okta.com"
auth_server = "ausPROD"
token_env = "PROD_TOKEN"
max_retries = 2
[profiles.dev]
org_url = "https://dev.oktapreview.com"
auth = "bearer"
token_command = "pass show okta/dev"
timeout = 50
"#;

    fn resolve(
        global: GlobalArgs,
        flag: Option<&str>,
        e: &[(&'static str, &'static str)],
    ) -> Result<Settings> {
        Settings::from_parts(&global, flag, &env(e), Some(file(TWO_PROFILES)), None)
    }

    fn org(s: &Settings) -> (&Url, &Credentials) {
        match &s.target {
            Target::Org {
                org_url,
                credentials,
            } => (org_url, credentials),
            Target::Sandbox => panic!("expected an org target"),
        }
    }

    #[test]
    fn default_profile_supplies_everything() {
        let s = resolve(GlobalArgs::default(), None, &[]).unwrap();
        assert_eq!(s.profile.as_deref(), Some("prod"));
        assert_eq!(s.auth_server.as_deref(), Some("ausPROD"));
        assert_eq!(s.http.max_retries, 2);
        assert_eq!(s.http.timeout, Duration::from_secs(DEFAULT_TIMEOUT_SECS));
        let (url, creds) = org(&s);
        assert_eq!(url.as_str(), "https://prod.okta.com/");
        assert!(
            matches!(creds, Credentials::Token { mode: AuthMode::Ssws, source: TokenSource::Env(v) } if v == "PROD_TOKEN")
        );
    }

    #[test]
    fn flags_beat_environment_beat_profile() {
        let g = GlobalArgs {
            org_url: Some("https://flag.okta.com".into()),
            max_retries: Some(9),
            ..Default::default()
        };
        let s = resolve(
            g,
            Some("ausFLAG"),
            &[(env::ORG_URL, "https://env.okta.com")],
        )
        .unwrap();
        assert_eq!(org(&s).0.host_str(), Some("flag.okta.com"));
        assert_eq!(s.auth_server.as_deref(), Some("ausFLAG"));
        assert_eq!(s.http.max_retries, 9);

        let s = resolve(
            GlobalArgs::default(),
            None,
            &[(env::SDK_ORG_URL, "https://sdk.okta.com")],
        )
        .unwrap();
        assert_eq!(org(&s).0.host_str(), Some("sdk.okta.com"));
        let s = resolve(
            GlobalArgs::default(),
            None,
            &[
                (env::ORG_URL, "https://env.okta.com"),
                (env::SDK_ORG_URL, "https://sdk.okta.com"),
            ],
        )
        .unwrap();
        assert_eq!(org(&s).0.host_str(), Some("env.okta.com"));
    }

    #[test]
    fn token_environment_beats_profile_source() {
        let s = resolve(GlobalArgs::default(), None, &[(env::SDK_TOKEN, "x")]).unwrap();
        assert!(
            matches!(org(&s).1, Credentials::Token { source: TokenSource::Env(v), .. } if v == env::SDK_TOKEN)
        );
        let s = resolve(
            GlobalArgs::default(),
            None,
            &[(env::SDK_TOKEN, "x"), (env::API_TOKEN, "y")],
        )
        .unwrap();
        assert!(
            matches!(org(&s).1, Credentials::Token { source: TokenSource::Env(v), .. } if v == env::API_TOKEN)
        );
    }

    #[test]
    fn profile_flag_and_auth_mode() {
        let g = GlobalArgs {
            profile: Some("dev".into()),
            ..Default::default()
        };
        let s = resolve(g.clone(), None, &[]).unwrap();
        assert_eq!(s.http.timeout, Duration::from_secs(50));
        assert!(
            matches!(org(&s).1, Credentials::Token { mode: AuthMode::Bearer, source: TokenSource::Command(c) } if c == "pass show okta/dev")
        );
        let s = resolve(g, None, &[(env::SDK_AUTH_MODE, "SSWS")]).unwrap();
        assert!(matches!(
            org(&s).1,
            Credentials::Token {
                mode: AuthMode::Ssws,
                ..
            }
        ));
    }

    const SERVICE_APP: &str = r#"
[profiles.ci]
org_url = "https://acme.okta.com"
auth = "private_key"
client_id = "0oaPROFILE"
private_key_file = "~/keys/ci.pem"
key_id = "kidPROFILE"
scopes = ["okta.authorizationServers.manage"]
dpop = true
[profiles.envkey]
org_url = "https://acme.okta.com"
auth = "private_key"
client_id = "0oaENVKEY"
private_key_env = "CI_KEY"
[profiles.twokeys]
org_url = "https://acme.okta.com"
auth = "private_key"
private_key_env = "CI_KEY"
private_key_command = "vault read key"
"#;

    fn service_app(
        profile: Option<&str>,
        e: &[(&'static str, &'static str)],
        global: GlobalArgs,
    ) -> Result<ServiceAppSettings> {
        let global = GlobalArgs {
            profile: profile.map(str::to_string),
            ..global
        };
        let s = Settings::from_parts(&global, None, &env(e), Some(file(SERVICE_APP)), None)?;
        match org(&s).1 {
            Credentials::ServiceApp(app) => Ok((**app).clone()),
            other => panic!("expected a service app, got {other:?}"),
        }
    }

    #[test]
    fn service_app_profile_is_resolved() {
        let app = service_app(Some("ci"), &[], GlobalArgs::default()).unwrap();
        let home = dirs::home_dir().unwrap();
        assert_eq!(
            app,
            ServiceAppSettings {
                org_url: Url::parse("https://acme.okta.com").unwrap(),
                client_id: Some("0oaPROFILE".into()),
                private_key: Some(PrivateKeySource::File(home.join("keys/ci.pem"))),
                key_id: Some("kidPROFILE".into()),
                scopes: Some(vec!["okta.authorizationServers.manage".into()]),
                dpop: true,
                token_cache: true,
                profile: Some("ci".into()),
            }
        );
        let no_cache = GlobalArgs {
            no_token_cache: true,
            ..Default::default()
        };
        let app = service_app(Some("envkey"), &[], no_cache).unwrap();
        assert_eq!(
            app.private_key,
            Some(PrivateKeySource::Env("CI_KEY".into()))
        );
        assert_eq!(
            (app.scopes, app.dpop, app.token_cache),
            (None, false, false)
        );
    }

    #[test]
    fn okta_sdk_environment_beats_the_service_app_profile() {
        let app = service_app(
            Some("ci"),
            &[
                (env::SDK_CLIENT_ID, " 0oaENV "),
                (env::SDK_PRIVATE_KEY, "/run/secrets/key.pem"),
                (env::SDK_PRIVATE_KEY_ID, "kidENV"),
                (
                    env::SDK_SCOPES,
                    "okta.authorizationServers.read, okta.authorizationServers.manage,",
                ),
            ],
            GlobalArgs::default(),
        )
        .unwrap();
        assert_eq!(app.client_id.as_deref(), Some("0oaENV"));
        assert_eq!(
            app.private_key,
            Some(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.into()))
        );
        assert_eq!(app.key_id.as_deref(), Some("kidENV"));
        assert_eq!(
            app.scopes.unwrap(),
            [
                "okta.authorizationServers.read",
                "okta.authorizationServers.manage"
            ]
        );
        // The SDK's mode variable alone makes a service app, from the environment only.
        let s = Settings::from_parts(
            &GlobalArgs::default(),
            None,
            &env(&[
                (env::ORG_URL, "https://acme.okta.com"),
                (env::SDK_AUTH_MODE, "PrivateKey"),
                (env::SDK_CLIENT_ID, "0oaENV"),
                (env::SDK_PRIVATE_KEY, "-----BEGIN PRIVATE KEY-----"),
            ]),
            None,
            None,
        )
        .unwrap();
        assert!(matches!(org(&s).1, Credentials::ServiceApp(app)
            if app.client_id.as_deref() == Some("0oaENV") && app.scopes.is_none()));
    }

    #[test]
    fn service_app_config_mistakes_are_config_errors() {
        let err = service_app(Some("twokeys"), &[], GlobalArgs::default()).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert_eq!(
            err.to_string(),
            "profile `twokeys` sets private_key_env and private_key_command; the private key must come from one place"
        );
        let err = service_app(
            Some("ci"),
            &[(env::SDK_SCOPES, " , ")],
            GlobalArgs::default(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "the service app's scope list is empty");
    }

    #[test]
    fn home_is_expanded_only_at_the_start() {
        let home = dirs::home_dir().unwrap();
        assert_eq!(expand_home(Path::new("~/a.pem")), home.join("a.pem"));
        assert_eq!(
            expand_home(Path::new("/x/~/a.pem")),
            Path::new("/x/~/a.pem")
        );
        assert_eq!(
            expand_home(Path::new("~bob/a.pem")),
            Path::new("~bob/a.pem")
        );
    }

    #[test]
    fn unknown_profile_lists_the_known_ones() {
        let g = GlobalArgs {
            profile: Some("stage".into()),
            ..Default::default()
        };
        let err = resolve(g, None, &[]).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert_eq!(err.to_string(), "no profile named `stage`");
        assert!(
            err.hint().unwrap().ends_with("dev, prod"),
            "{:?}",
            err.hint()
        );
    }

    #[test]
    fn a_profile_auth_server_is_checked_as_the_flag_is() {
        for (bad, why) in [
            ("..", "`..` is not an id"),
            (".", "`.` is not an id"),
            (" ", "must not be empty or blank"),
        ] {
            let text = format!(
                "[profiles.p]\norg_url = \"https://a.okta.com\"\ntoken_env = \"T\"\nauth_server = \"{bad}\"\n"
            );
            let g = GlobalArgs {
                profile: Some("p".into()),
                ..Default::default()
            };
            let err =
                Settings::from_parts(&g, None, &env(&[]), Some(file(&text)), None).unwrap_err();
            assert_eq!(err.exit_code(), 3, "{bad:?}");
            assert_eq!(
                err.to_string(),
                format!("auth_server `{bad}` (profile `p`) {why}")
            );
            // A flag replaces it: no error.
            let s = Settings::from_parts(&g, Some("ausFLAG"), &env(&[]), Some(file(&text)), None)
                .unwrap();
            assert_eq!(s.auth_server.as_deref(), Some("ausFLAG"));
        }
    }

    #[test]
    fn sandbox_profile_is_builtin_unless_configured() {
        let g = GlobalArgs {
            profile: Some("sandbox".into()),
            ..Default::default()
        };
        let s = resolve(g.clone(), None, &[]).unwrap();
        assert!(matches!(s.target, Target::Sandbox));
        let configured =
            file("[profiles.sandbox]\norg_url = \"https://sb.okta.com\"\ntoken_env = \"T\"\n");
        let s = Settings::from_parts(&g, None, &env(&[]), Some(configured), None).unwrap();
        assert!(matches!(s.target, Target::Org { .. }));
    }

    #[test]
    fn missing_token_and_missing_url_are_config_errors() {
        let none =
            Settings::from_parts(&GlobalArgs::default(), None, &env(&[]), None, None).unwrap_err();
        assert_eq!(none.exit_code(), 3);
        assert_eq!(none.to_string(), "no Okta org URL configured");
        let no_token = Settings::from_parts(
            &GlobalArgs::default(),
            None,
            &env(&[(env::ORG_URL, "https://acme.okta.com")]),
            None,
            None,
        )
        .unwrap();
        assert!(
            matches!(org(&no_token).1, Credentials::Missing { hint } if hint.contains("OKTA_API_TOKEN"))
        );
    }

    #[test]
    fn unknown_keys_in_the_file_are_rejected() {
        let err = toml::from_str::<ConfigFile>("[profiles.p]\norg_ulr = \"x\"\n").unwrap_err();
        assert!(err.message().contains("org_ulr"), "{}", err.message());
    }

    #[test]
    fn org_url_checks_each_have_their_message() {
        let cases = [
            ("https://{yourOktaDomain}", "placeholder {yourOktaDomain}"),
            ("http://acme.okta.com", "must use https://"),
            ("ftp://acme.okta.com", "must use https://, not ftp://"),
            ("https://acme-admin.okta.com", "admin console"),
            ("https://acme.okta.com.com", ".com.com"),
            ("https://https://acme.okta.com", "more than once"),
            ("acme.okta.com", "not a valid URL"),
            ("https://user:pw@acme.okta.com", "user name or password"),
            ("https://acme.okta.com/?x=1", "query"),
        ];
        for (input, expected) in cases {
            let err = parse_org_url(Some(input), None).unwrap_err();
            assert_eq!(err.exit_code(), 3);
            assert!(err.to_string().contains(expected), "{input}: {err}");
        }
        let missing = parse_org_url(Some("  "), Some("prod")).unwrap_err();
        assert_eq!(
            missing.hint().as_deref(),
            Some("add org_url to profile `prod`, or pass --org-url")
        );
    }

    #[test]
    fn credentials_in_an_org_url_are_never_shown() {
        for (raw, shown) in [
            (
                "https://admin:hunter2@acme.okta.com",
                "https://***@acme.okta.com",
            ),
            (
                "https://hunter2@acme.okta.com/x@y",
                "https://***@acme.okta.com/x@y",
            ),
            ("admin:hunter2@acme.okta.com", "***@acme.okta.com"),
            (
                "https://a:b@c@{yourOktaDomain}",
                "https://***@{yourOktaDomain}",
            ),
            ("https://acme.okta.com/?a@b", "https://acme.okta.com/?a@b"),
        ] {
            assert_eq!(redact_userinfo(raw), shown, "{raw}");
            let err = parse_org_url(Some(raw), None).unwrap_err();
            assert!(!err.to_string().contains("hunter2"), "{err}");
        }
    }

    #[test]
    fn org_url_keeps_the_port_and_allows_loopback_http() {
        let u = parse_org_url(Some("https://acme.okta.com:8443"), None).unwrap();
        assert_eq!(u.port(), Some(8443));
        for ok in [
            "http://127.0.0.1:8787",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            assert!(parse_org_url(Some(ok), None).is_ok(), "{ok}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_token_in_a_readable_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[profiles.p]\norg_url = \"https://a.okta.com\"\ntoken = \"00secret\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_file(&path, true).unwrap_err();
        assert!(err.hint().unwrap().contains("chmod 600"));
        assert!(!format!("{err} {:?}", err.hint()).contains("00secret"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(load_file(&path, true).unwrap().is_some());
    }
}
