//! Credentials: where the token or the service app's key comes from, resolved to a
//! source (which variable, which command). The secret itself is read later, in `auth`.

use std::path::PathBuf;

use url::Url;

use super::chosen::ChosenProfile;
use super::environment::Environment;
use super::origin::{Origin, first};
use super::profile::{Profile, credential_key};
use crate::cli::{AuthMode, GlobalArgs};
use crate::env;
use crate::error::{Error, Result};
use keymaterial::secret::Secret;

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

impl Credentials {
    /// Where the credentials were read from, for the hint of a refusal (401): the
    /// environment variable, or the profile's key (`origin` is where the source was set).
    pub fn where_from(&self, origin: Option<&Origin>) -> Option<String> {
        let profile = match origin {
            Some(Origin::Profile(name)) => format!("profile `{name}`'s"),
            Some(Origin::Sandbox) => "the sandbox profile's".to_string(),
            _ => "the profile's".to_string(),
        };
        let from_env = matches!(origin, Some(Origin::Env(_)));
        Some(match self {
            Credentials::Token { source, .. } => match source {
                TokenSource::Env(var) if from_env => {
                    format!("the API token in the environment variable {var}")
                }
                TokenSource::Env(var) => {
                    format!("the API token in the environment variable {var} ({profile} token_env)")
                }
                TokenSource::Inline(_) => {
                    format!("the API token written in the config file ({profile} token)")
                }
                TokenSource::Command(_) => {
                    format!("the API token printed by {profile} token_command")
                }
            },
            Credentials::ServiceApp(app) => format!(
                "the service app {} and its private key ({})",
                app.client_id.as_deref().unwrap_or("(no client_id)"),
                match &app.private_key {
                    Some(PrivateKeySource::File(path)) => format!("file {}", path.display()),
                    Some(PrivateKeySource::Env(var)) => format!("environment variable {var}"),
                    Some(PrivateKeySource::Command(_)) => {
                        format!("{profile} private_key_command")
                    }
                    None => "none set".to_string(),
                }
            ),
            Credentials::Missing { .. } => return None,
        })
    }
}

/// The credentials, where the auth mode came from, and where the credential source came from.
pub(super) struct ResolvedCredentials {
    pub(super) credentials: Credentials,
    pub(super) mode_origin: Origin,
    pub(super) source_origin: Option<Origin>,
}

/// The credentials for `org_url`: the auth mode, then its token source or service app.
pub(super) fn resolve_credentials(
    global: &GlobalArgs,
    chosen: &ChosenProfile,
    env: &dyn Environment,
    org_url: &Url,
) -> Result<ResolvedCredentials> {
    let (mode, mode_origin) = resolve_auth_mode(&chosen.profile, env, chosen.value_origin())?;
    if mode == AuthMode::PrivateKey {
        let app = resolve_service_app(global, chosen, env, org_url)?;
        let key_origin = if env.var(env::SDK_PRIVATE_KEY).is_some() {
            Origin::Env(env::SDK_PRIVATE_KEY.into())
        } else {
            chosen.value_origin()
        };
        return Ok(ResolvedCredentials {
            credentials: Credentials::ServiceApp(Box::new(app)),
            mode_origin,
            source_origin: Some(key_origin),
        });
    }
    let (credentials, source_origin) = match resolve_token_source(chosen, env) {
        Some((source, origin)) => (Credentials::Token { mode, source }, Some(origin)),
        None => (
            Credentials::Missing {
                hint: missing_token_hint(chosen),
            },
            None,
        ),
    };
    Ok(ResolvedCredentials {
        credentials,
        mode_origin,
        source_origin,
    })
}

/// `OKTA_CLIENT_AUTHORIZATIONMODE` beats the profile's `auth`; SSWS by default.
fn resolve_auth_mode(
    profile: &Profile,
    env: &dyn Environment,
    from_profile: Origin,
) -> Result<(AuthMode, Origin)> {
    if let Some(name) = env.var(env::SDK_AUTH_MODE) {
        let mode = AuthMode::from_sdk_name(&name).ok_or_else(|| {
            Error::config(format!(
                "{} is `{name}`; expected {}",
                env::SDK_AUTH_MODE,
                AuthMode::sdk_names()
            ))
        })?;
        return Ok((mode, Origin::Env(env::SDK_AUTH_MODE.into())));
    }
    Ok(match profile.auth {
        Some(mode) => (mode, from_profile),
        None => (AuthMode::Ssws, Origin::Default),
    })
}

/// The token's source: OKTA_API_TOKEN, OKTA_CLIENT_TOKEN, then the profile's `token`,
/// `token_env`, `token_command` (the order of [`TOKEN_KEYS`](super::TOKEN_KEYS)).
fn resolve_token_source(
    chosen: &ChosenProfile,
    env: &dyn Environment,
) -> Option<(TokenSource, Origin)> {
    let profile = &chosen.profile;
    let env_token = [env::API_TOKEN, env::SDK_TOKEN]
        .into_iter()
        .find(|n| env.var(n).is_some());
    first([
        (
            env_token.map(|n| TokenSource::Env(n.to_string())),
            Origin::Env(env_token.unwrap_or_default().to_string()),
        ),
        (
            profile.token.clone().map(TokenSource::Inline),
            chosen.value_origin(),
        ),
        (
            profile.token_env.clone().map(TokenSource::Env),
            chosen.value_origin(),
        ),
        (
            profile.token_command.clone().map(TokenSource::Command),
            chosen.value_origin(),
        ),
    ])
}

/// The credentials found when there is no org URL (for `config show`): a token source;
/// a service app needs the org URL first.
pub(super) fn credentials_without_org(
    chosen: &ChosenProfile,
    env: &dyn Environment,
) -> Result<ResolvedCredentials> {
    let (mode, mode_origin) = resolve_auth_mode(&chosen.profile, env, chosen.value_origin())?;
    let (credentials, source_origin) = match resolve_token_source(chosen, env) {
        Some((source, origin)) if mode != AuthMode::PrivateKey => {
            (Credentials::Token { mode, source }, Some(origin))
        }
        _ => (
            Credentials::Missing {
                hint: missing_token_hint(chosen),
            },
            None,
        ),
    };
    Ok(ResolvedCredentials {
        credentials,
        mode_origin,
        source_origin,
    })
}

fn missing_token_hint(chosen: &ChosenProfile) -> String {
    match &chosen.name {
        Some(p) => {
            format!("give profile `{p}` a token_env or token_command, or set OKTA_API_TOKEN")
        }
        None => chosen.no_profile_hint("set OKTA_API_TOKEN"),
    }
}

/// The service app's settings: the Okta SDK's environment names beat the profile.
fn resolve_service_app(
    global: &GlobalArgs,
    chosen: &ChosenProfile,
    env: &dyn Environment,
    org_url: &Url,
) -> Result<ServiceAppSettings> {
    let profile = &chosen.profile;
    let profile_name = chosen.name.as_deref();
    let private_key = resolve_private_key(profile, profile_name, env)?;
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

/// `OKTA_CLIENT_PRIVATEKEY`, else the profile's one private-key key (two are a mistake).
fn resolve_private_key(
    profile: &Profile,
    profile_name: Option<&str>,
    env: &dyn Environment,
) -> Result<Option<PrivateKeySource>> {
    let in_profile: Vec<&str> = [
        (
            profile.private_key_file.is_some(),
            credential_key::PRIVATE_KEY_FILE,
        ),
        (
            profile.private_key_env.is_some(),
            credential_key::PRIVATE_KEY_ENV,
        ),
        (
            profile.private_key_command.is_some(),
            credential_key::PRIVATE_KEY_COMMAND,
        ),
    ]
    .into_iter()
    .filter_map(|(set, key)| set.then_some(key))
    .collect();
    if in_profile.len() > 1 {
        return Err(Error::config_hint(
            format!(
                "profile `{}` sets {}; the private key must come from one place",
                profile_name.unwrap_or("-"),
                in_profile.join(" and ")
            ),
            format!(
                "keep one of {}, {}, {}",
                credential_key::PRIVATE_KEY_FILE,
                credential_key::PRIVATE_KEY_ENV,
                credential_key::PRIVATE_KEY_COMMAND
            ),
        ));
    }
    Ok(if env.var(env::SDK_PRIVATE_KEY).is_some() {
        Some(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.to_string()))
    } else if let Some(path) = &profile.private_key_file {
        Some(PrivateKeySource::File(super::expand_home(path)))
    } else if let Some(var) = &profile.private_key_env {
        Some(PrivateKeySource::Env(var.clone()))
    } else {
        profile
            .private_key_command
            .as_ref()
            .map(|cmd| PrivateKeySource::Command(cmd.clone()))
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
