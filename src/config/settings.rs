//! The resolved settings of one command: the target (an org and its credentials, or the
//! sandbox), the authorization server, the HTTP limits, and where each value came from.

use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use super::chosen::ChosenProfile;
use super::credentials::{
    Credentials, ResolvedCredentials, credentials_without_org, resolve_credentials,
};
use super::environment::Environment;
use super::file::{ConfigFile, config_path, config_path_origin, load_file};
use super::org_url::parse_org_url;
use super::origin::{Origin, Origins, arg_origin, first};
use super::profile_first::ProfileFirst;
use crate::cli::GlobalArgs;
use crate::env;
use crate::error::{Error, Result};

pub const DEFAULT_TIMEOUT_SECS: u64 = 120;
pub const DEFAULT_REQUEST_TIMEOUT_SECS: u64 = 30;
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u64 = 10;
pub const DEFAULT_MAX_RETRIES: u32 = 4;
/// The share of each Okta rate-limit window oktakeys uses unless told otherwise (percent;
/// the Terraform provider's `max_api_capacity` is the model): half, leaving the rest to the
/// org's other clients.
pub const DEFAULT_MAX_API_CAPACITY: u8 = 50;

#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub timeout: Duration,
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    /// `--max-api-capacity`: the percent of each rate-limit window oktakeys may use.
    pub max_api_capacity: u8,
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
    /// No org URL anywhere (the first run): only [`Settings::resolve_to_show`] answers
    /// this, for `config show` to list what is unset; every command gets the error.
    Unconfigured {
        /// What to do about it.
        hint: String,
        /// The token source found even so (the environment's, say); a service app needs
        /// the org URL first.
        credentials: Credentials,
    },
}

/// Everything a command needs, resolved once.
#[derive(Debug, Clone)]
pub struct Settings {
    pub target: Target,
    pub auth_server: Option<String>,
    pub http: HttpSettings,
    pub profile: Option<String>,
    pub config_path: Option<PathBuf>,
    /// The profile's key ring (`ring`), `~` expanded; `--ring` and `OKTAKEYS_RING` win.
    pub ring: Option<PathBuf>,
    /// The profile's `ring_read_command` and `ring_write_command` (a secret store).
    pub ring_commands: (Option<String>, Option<String>),
    /// Where each value came from (for `config show`).
    pub origins: Origins,
}

impl Settings {
    /// Resolve flags, environment, config file and defaults into one `Settings`.
    /// `auth_server_flag` is `keys --auth-server` (clap already merged OKTAKEYS_AUTH_SERVER).
    pub fn resolve(
        global: &GlobalArgs,
        auth_server_flag: Option<&str>,
        env: &dyn Environment,
    ) -> Result<Settings> {
        let settings = Self::resolve_to_show(global, auth_server_flag, env)?.configured()?;
        // A profile's `timeout` bounds the whole command, not only its requests.
        crate::deadline::set(settings.http.timeout);
        Ok(settings)
    }

    /// [`Settings::resolve`], except that no org URL is [`Target::Unconfigured`] rather
    /// than an error: what `config show` lists on the first run.
    pub fn resolve_to_show(
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
        Self::parts_to_show(global, auth_server_flag, env, file, path)
    }

    /// The error a command gets for [`Target::Unconfigured`].
    fn configured(self) -> Result<Settings> {
        match self.target {
            Target::Unconfigured { hint, .. } => Err(no_org_url(&hint)),
            _ => Ok(self),
        }
    }

    /// The pure part of [`Settings::resolve`]: no file system access.
    pub fn from_parts(
        global: &GlobalArgs,
        auth_server_flag: Option<&str>,
        env: &dyn Environment,
        file: Option<ConfigFile>,
        config_path: Option<PathBuf>,
    ) -> Result<Settings> {
        Self::parts_to_show(global, auth_server_flag, env, file, config_path)?.configured()
    }

    fn parts_to_show(
        global: &GlobalArgs,
        auth_server_flag: Option<&str>,
        env: &dyn Environment,
        file: Option<ConfigFile>,
        config_path: Option<PathBuf>,
    ) -> Result<Settings> {
        let file = file.unwrap_or_default();
        let chosen = ChosenProfile::choose(global, &file, config_path.as_deref())?;
        let env = &ProfileFirst::new(global, &chosen, env)?;
        let http = resolve_http(global, &chosen, env)?;
        let auth_server = resolve_auth_server(global, auth_server_flag, &chosen)?;
        let target = resolve_target(global, &chosen, env)?;
        Ok(Settings {
            target: target.target,
            auth_server: auth_server.as_ref().map(|(id, _)| id.clone()),
            http: http.settings,
            ring: chosen
                .profile
                .ring
                .as_deref()
                .map(super::profile::expand_home),
            ring_commands: (
                chosen.profile.ring_read_command.clone(),
                chosen.profile.ring_write_command.clone(),
            ),
            profile: chosen.name,
            config_path,
            origins: Origins {
                config_path: config_path_origin(global),
                profile: chosen.origin,
                org_url: target.org_url,
                auth_mode: target.auth_mode,
                credentials: target.credentials,
                auth_server: auth_server.map(|(_, o)| o),
                timeout: http.timeout,
                request_timeout: http.request_timeout,
                connect_timeout: http.connect_timeout,
                max_retries: http.max_retries,
                max_api_capacity: http.max_api_capacity,
                ca_cert: http.ca_cert,
            },
        })
    }
}

/// The HTTP settings and where each came from.
struct ResolvedHttp {
    settings: HttpSettings,
    timeout: Origin,
    request_timeout: Origin,
    connect_timeout: Origin,
    max_retries: Origin,
    max_api_capacity: Origin,
    ca_cert: Option<Origin>,
}

/// Each limit: its flag (or environment variable), else the profile's, else the default.
fn resolve_http(
    global: &GlobalArgs,
    chosen: &ChosenProfile,
    env: &dyn Environment,
) -> Result<ResolvedHttp> {
    let profile = &chosen.profile;
    let limit =
        |flag: Option<u64>, id: &str, name: &'static str, in_profile: Option<u64>, default: u64| {
            first([
                (flag, arg_origin(global, id, name)),
                (in_profile, chosen.value_origin()),
            ])
            .unwrap_or((default, Origin::Default))
        };
    let (timeout, timeout_origin) = limit(
        global.timeout,
        "timeout",
        "--timeout",
        profile.timeout,
        DEFAULT_TIMEOUT_SECS,
    );
    let (request_timeout, request_timeout_origin) = limit(
        global.request_timeout,
        "request_timeout",
        "--request-timeout",
        profile.request_timeout,
        DEFAULT_REQUEST_TIMEOUT_SECS,
    );
    let (connect_timeout, connect_timeout_origin) = limit(
        global.connect_timeout,
        "connect_timeout",
        "--connect-timeout",
        profile.connect_timeout,
        DEFAULT_CONNECT_TIMEOUT_SECS,
    );
    let (max_retries, max_retries_origin) = first([
        (
            global.max_retries,
            arg_origin(global, "max_retries", "--max-retries"),
        ),
        (profile.max_retries, chosen.value_origin()),
    ])
    .unwrap_or((DEFAULT_MAX_RETRIES, Origin::Default));
    let (max_api_capacity, max_api_capacity_origin) = first([
        (
            global.max_api_capacity,
            arg_origin(global, "max_api_capacity", "--max-api-capacity"),
        ),
        (profile.max_api_capacity, chosen.value_origin()),
    ])
    .unwrap_or((DEFAULT_MAX_API_CAPACITY, Origin::Default));
    if !(1..=100).contains(&max_api_capacity) {
        return Err(Error::config(format!(
            "max_api_capacity must be a percent from 1 to 100, not {max_api_capacity}"
        )));
    }
    let ca_cert = first([
        (global.ca_cert.clone(), Origin::Flag("--ca-cert")),
        (profile.ca_cert.clone(), chosen.value_origin()),
    ]);
    let (ca_cert, ca_cert_origin) = ca_cert.unzip();
    Ok(ResolvedHttp {
        settings: HttpSettings {
            timeout: secs(timeout, "timeout")?,
            request_timeout: secs(request_timeout, "request-timeout")?,
            connect_timeout: secs(connect_timeout, "connect-timeout")?,
            max_retries,
            max_api_capacity,
            ca_cert,
            ssl_cert_file: env.var(env::SSL_CERT_FILE).map(PathBuf::from),
        },
        timeout: timeout_origin,
        request_timeout: request_timeout_origin,
        connect_timeout: connect_timeout_origin,
        max_retries: max_retries_origin,
        max_api_capacity: max_api_capacity_origin,
        ca_cert: ca_cert_origin,
    })
}

fn secs(value: u64, name: &str) -> Result<Duration> {
    match value {
        0 => Err(Error::Usage(format!("--{name} must be at least 1 second"))),
        v => Ok(Duration::from_secs(v)),
    }
}

/// `keys --auth-server` (or OKTAKEYS_AUTH_SERVER), else the profile's `auth_server`.
fn resolve_auth_server(
    global: &GlobalArgs,
    flag: Option<&str>,
    chosen: &ChosenProfile,
) -> Result<Option<(String, Origin)>> {
    let auth_server = first([
        (
            flag.map(str::to_string),
            arg_origin(global, "auth_server", "--auth-server"),
        ),
        (chosen.profile.auth_server.clone(), chosen.value_origin()),
    ]);
    // The flag and OKTAKEYS_AUTH_SERVER were checked by clap; the file's value goes
    // into URL paths the same way (`..` would reach another endpoint).
    if let Some((id, origin @ Origin::Profile(_))) = &auth_server {
        crate::ids::parse_path_id(id).map_err(|why| {
            Error::config_hint(
                format!("auth_server `{}` ({origin}) {why}", id.escape_debug()),
                "set auth_server to the authorization server's id (aus…), or remove it",
            )
        })?;
    }
    Ok(auth_server)
}

/// Where requests go, and where the org URL, auth mode and credentials came from.
struct ResolvedTarget {
    target: Target,
    org_url: Option<Origin>,
    auth_mode: Option<Origin>,
    credentials: Option<Origin>,
}

fn resolve_target(
    global: &GlobalArgs,
    chosen: &ChosenProfile,
    env: &dyn Environment,
) -> Result<ResolvedTarget> {
    if chosen.is_sandbox {
        return Ok(ResolvedTarget {
            target: Target::Sandbox,
            org_url: Some(Origin::Sandbox),
            auth_mode: None,
            credentials: Some(Origin::Sandbox),
        });
    }
    let Some((org_url, org_url_origin)) = resolve_org_url(global, chosen, env)? else {
        return unconfigured(chosen, env);
    };
    let ResolvedCredentials {
        credentials,
        mode_origin,
        source_origin,
    } = resolve_credentials(global, chosen, env, &org_url)?;
    Ok(ResolvedTarget {
        target: Target::Org {
            org_url,
            credentials,
        },
        org_url: org_url_origin,
        auth_mode: Some(mode_origin),
        credentials: source_origin,
    })
}

/// No org URL anywhere: what to do, and the token source found even so.
fn unconfigured(chosen: &ChosenProfile, env: &dyn Environment) -> Result<ResolvedTarget> {
    let hint = match &chosen.name {
        Some(p) => format!("add org_url to profile `{p}`, or pass --org-url"),
        None => chosen.no_profile_hint("pass --org-url (or set OKTA_ORG_URL)"),
    };
    let ResolvedCredentials {
        credentials,
        mode_origin,
        source_origin,
    } = credentials_without_org(chosen, env)?;
    Ok(ResolvedTarget {
        target: Target::Unconfigured { hint, credentials },
        org_url: None,
        auth_mode: Some(mode_origin),
        credentials: source_origin,
    })
}

/// The error of a command run without an org URL.
pub(crate) fn no_org_url(hint: &str) -> Error {
    Error::config_hint("no Okta org URL configured", hint)
}

/// `--org-url`, OKTA_ORG_URL, OKTA_CLIENT_ORGURL, then the profile's `org_url`; checked.
/// `None` when none of them is set.
fn resolve_org_url(
    global: &GlobalArgs,
    chosen: &ChosenProfile,
    env: &dyn Environment,
) -> Result<Option<(Url, Option<Origin>)>> {
    let org_url = first([
        (global.org_url.clone(), Origin::Flag("--org-url")),
        (env.var(env::ORG_URL), Origin::Env(env::ORG_URL.into())),
        (
            env.var(env::SDK_ORG_URL),
            Origin::Env(env::SDK_ORG_URL.into()),
        ),
        (chosen.profile.org_url.clone(), chosen.value_origin()),
    ]);
    if org_url.is_none() {
        return Ok(None);
    }
    let url = parse_org_url(
        org_url.as_ref().map(|(url, _)| url.as_str()),
        chosen.name.as_deref(),
    )
    .map_err(|e| match (&org_url, e) {
        // Say where a bad URL came from: an environment variable can shadow the profile.
        (Some((_, origin)), Error::Config { message, hint }) => Error::Config {
            message: format!("{message} (from {origin})"),
            hint,
        },
        (_, e) => e,
    })?;
    Ok(Some((url, org_url.map(|(_, o)| o))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{AuthMode, OrgFrom};
    use crate::config::{PrivateKeySource, ServiceAppSettings, TokenSource};
    use std::collections::BTreeMap;

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
            Target::Sandbox | Target::Unconfigured { .. } => panic!("expected an org target"),
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
        // The named profile sets `auth`: the SDK's variable does not override it...
        let s = resolve(g.clone(), None, &[(env::SDK_AUTH_MODE, "SSWS")]).unwrap();
        assert!(matches!(
            org(&s).1,
            Credentials::Token {
                mode: AuthMode::Bearer,
                ..
            }
        ));
        // ...unless the user says the environment wins.
        let env_wins = GlobalArgs {
            org_from: Some(OrgFrom::Env),
            ..g
        };
        let s = resolve(env_wins, None, &[(env::SDK_AUTH_MODE, "SSWS")]).unwrap();
        assert!(matches!(
            org(&s).1,
            Credentials::Token {
                mode: AuthMode::Ssws,
                ..
            }
        ));
    }

    #[test]
    fn a_named_profile_beats_the_environment_and_another_org_is_refused() {
        let g = GlobalArgs {
            profile: Some("dev".into()),
            ..Default::default()
        };
        // The same org (spelled with a slash) and a token: the profile's token source wins.
        let s = resolve(
            g.clone(),
            None,
            &[
                (env::ORG_URL, "https://dev.oktapreview.com/"),
                (env::API_TOKEN, "from-env"),
            ],
        )
        .unwrap();
        assert!(
            matches!(org(&s).1, Credentials::Token { source: TokenSource::Command(c), .. } if c == "pass show okta/dev")
        );
        // Another org: refused, naming both.
        let err = resolve(
            g.clone(),
            None,
            &[(env::SDK_ORG_URL, "http://127.0.0.1:8787")],
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 3);
        let text = err.to_string();
        assert!(
            text.contains("https://dev.oktapreview.com") && text.contains("http://127.0.0.1:8787"),
            "{text}"
        );
        assert!(err.hint().unwrap().contains("--org-from"));
        // Told which: the profile's, or the environment's.
        let pick = |from| GlobalArgs {
            org_from: Some(from),
            ..g.clone()
        };
        let conflict = [(env::ORG_URL, "http://127.0.0.1:8787")];
        let s = resolve(pick(OrgFrom::Profile), None, &conflict).unwrap();
        assert_eq!(org(&s).0.host_str(), Some("dev.oktapreview.com"));
        let s = resolve(pick(OrgFrom::Env), None, &conflict).unwrap();
        assert_eq!(org(&s).0.host_str(), Some("127.0.0.1"));
        // --org-url names the org itself: no conflict to settle.
        let flag = GlobalArgs {
            org_url: Some("https://flag.okta.com".into()),
            ..g
        };
        let s = resolve(flag, None, &conflict).unwrap();
        assert_eq!(org(&s).0.host_str(), Some("flag.okta.com"));
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
    fn okta_sdk_environment_beats_the_service_app_profile_when_told() {
        let named = service_app(
            Some("ci"),
            &[(env::SDK_CLIENT_ID, "0oaENV")],
            GlobalArgs::default(),
        )
        .unwrap();
        assert_eq!(named.client_id.as_deref(), Some("0oaPROFILE"));
        let env_wins = || GlobalArgs {
            org_from: Some(OrgFrom::Env),
            ..Default::default()
        };
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
            env_wins(),
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
            GlobalArgs {
                org_from: Some(OrgFrom::Env),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "the service app's scope list is empty");
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
}
