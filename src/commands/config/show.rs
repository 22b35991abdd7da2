//! `oktakeys config show`: each resolved setting, its value and where it came from;
//! a token only by its source, never its value.

use serde_json::{Map, Value, json};

use super::{MASK, origin_json, origin_text};
use crate::cli::AuthMode;
use crate::cli::{GlobalArgs, OutputFormat, ShowArgs};
use crate::config::{
    Credentials, Environment, Origin, PrivateKeySource, ProcessEnv, ServiceAppSettings, Settings,
    Target, TokenSource, credential_key as key,
};
use crate::error::Result;
use crate::output::Printer;

/// Also on the first run: what is not set yet is listed (exit 0), with how to set it.
pub(super) fn run(global: &GlobalArgs, printer: &Printer, args: &ShowArgs) -> Result<()> {
    let settings = Settings::resolve_to_show(global, args.auth_server.as_deref(), &ProcessEnv)?;
    let rows = shown_settings(&settings, &ProcessEnv);
    let file = settings.config_path.as_deref();
    match printer.format {
        OutputFormat::Json => {
            let object: Map<String, Value> = rows
                .iter()
                .map(|r| {
                    (
                        r.name.to_string(),
                        json!({
                            "value": r.value,
                            "source": r.origin.as_ref().map(|o| origin_json(o, file)),
                        }),
                    )
                })
                .collect();
            printer.json(&Value::Object(object))
        }
        _ => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.name.to_string(),
                        r.value.clone().unwrap_or_else(|| "-".into()),
                        r.origin
                            .as_ref()
                            .map(|o| origin_text(o, file))
                            .unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            printer.rows(&["SETTING", "VALUE", "SOURCE"], &table)?;
            printer.note(PRECEDENCE);
            match &settings.target {
                Target::Unconfigured { hint, credentials } => {
                    let unset = match credentials {
                        Credentials::Missing { .. } => "org_url and credentials",
                        _ => "org_url",
                    };
                    printer.note(format!("Not set yet: {unset}. To set them: {hint}."));
                }
                Target::Org {
                    credentials: Credentials::Missing { hint },
                    ..
                } => printer.note(format!("No API token configured: {hint}.")),
                _ => {}
            }
            Ok(())
        }
    }
}

/// The rule the SOURCE column follows (issue 17: no command acts on an org the user did
/// not name).
const PRECEDENCE: &str = "Precedence: flags, then a profile named with --profile (or \
OKTAKEYS_PROFILE) for the settings it defines, then the environment (OKTA_ORG_URL, \
OKTA_API_TOKEN, OKTA_CLIENT_*), then default_profile, then defaults. When the environment \
names another org than the named profile, commands refuse (exit 3) unless --org-from \
profile or --org-from env says which.";

/// One line of `config show`.
struct Shown {
    name: &'static str,
    value: Option<String>,
    origin: Option<Origin>,
}

fn shown_settings(s: &Settings, env: &dyn Environment) -> Vec<Shown> {
    let o = &s.origins;
    let row = |name, value: Option<String>, origin: Option<Origin>| Shown {
        name,
        value,
        origin,
    };
    let secs = |d: std::time::Duration| Some(format!("{}s", d.as_secs()));
    let (org_url, credentials) = match &s.target {
        Target::Sandbox => (None, None),
        Target::Org {
            org_url,
            credentials,
        } => (Some(org_url.as_str().to_string()), Some(credentials)),
        Target::Unconfigured { credentials, .. } => (None, Some(credentials)),
    };
    let (org_url, auth, credentials) = match credentials {
        None => (
            Some("(local sandbox, started for each command)".to_string()),
            None,
            Some("(built in)".to_string()),
        ),
        Some(credentials) => {
            let (auth, creds) = match credentials {
                Credentials::Token { mode, source } => {
                    (Some(mode.name()), Some(describe_source(source, env)))
                }
                Credentials::ServiceApp(app) => (
                    Some(AuthMode::PrivateKey.name()),
                    Some(describe_service_app(app)),
                ),
                Credentials::Missing { .. } => (Some(AuthMode::Ssws.name()), None),
            };
            (org_url, auth.map(str::to_string), creds)
        }
    };
    let has_creds = credentials.is_some();
    vec![
        row(
            "config_file",
            s.config_path.as_ref().map(|p| {
                let exists = if p.exists() { "" } else { " (does not exist)" };
                format!("{}{exists}", p.display())
            }),
            Some(o.config_path.clone()),
        ),
        row("profile", s.profile.clone(), o.profile.clone()),
        row("org_url", org_url, o.org_url.clone()),
        row("auth", auth, o.auth_mode.clone()),
        row(
            "credentials",
            credentials,
            if has_creds {
                o.credentials.clone()
            } else {
                None
            },
        ),
        row("auth_server", s.auth_server.clone(), o.auth_server.clone()),
        row("timeout", secs(s.http.timeout), Some(o.timeout.clone())),
        row(
            "request_timeout",
            secs(s.http.request_timeout),
            Some(o.request_timeout.clone()),
        ),
        row(
            "connect_timeout",
            secs(s.http.connect_timeout),
            Some(o.connect_timeout.clone()),
        ),
        row(
            "max_retries",
            Some(s.http.max_retries.to_string()),
            Some(o.max_retries.clone()),
        ),
        row(
            "max_api_capacity",
            Some(s.http.max_api_capacity.to_string()),
            Some(o.max_api_capacity.clone()),
        ),
        row(
            "ca_cert",
            s.http.ca_cert.as_ref().map(|p| p.display().to_string()),
            o.ca_cert.clone(),
        ),
    ]
}

/// A token source, without the token: which variable (and whether it is set), which
/// command (not run), or a masked stored token.
pub(crate) fn describe_source(source: &TokenSource, env: &dyn Environment) -> String {
    match source {
        TokenSource::Env(var) => {
            let set = if env.var(var).is_some() {
                "set"
            } else {
                "not set"
            };
            format!("{}={var} ({set})", key::TOKEN_ENV)
        }
        TokenSource::Inline(_) => format!("{}={MASK}", key::TOKEN),
        TokenSource::Command(cmd) => format!("{}={cmd}", key::TOKEN_COMMAND),
    }
}

/// A resolved service app (environment and profile merged) as `key=value` pairs, in
/// the order of `config list`'s credential sources; no secret is among them.
pub(crate) fn describe_service_app(app: &ServiceAppSettings) -> String {
    let mut parts = Vec::new();
    if let Some(id) = &app.client_id {
        parts.push(format!("{}={id}", key::CLIENT_ID));
    }
    match &app.private_key {
        Some(PrivateKeySource::File(path)) => {
            parts.push(format!("{}={}", key::PRIVATE_KEY_FILE, path.display()));
        }
        Some(PrivateKeySource::Env(var)) => {
            parts.push(format!("{}={var}", key::PRIVATE_KEY_ENV));
        }
        Some(PrivateKeySource::Command(cmd)) => {
            parts.push(format!("{}={cmd}", key::PRIVATE_KEY_COMMAND));
        }
        None => {}
    }
    if let Some(kid) = &app.key_id {
        parts.push(format!("{}={kid}", key::KEY_ID));
    }
    if let Some(scopes) = &app.scopes {
        parts.push(format!("scopes={}", scopes.join(",")));
    }
    if app.dpop {
        parts.push("dpop=true".into());
    }
    parts.join(", ")
}
