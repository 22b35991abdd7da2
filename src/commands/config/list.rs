//! `oktakeys config list`: every profile, the built-in sandbox too, secrets masked.

use std::path::Path;

use serde_json::{Map, Value, json};

use super::{MASK, file_path};
use crate::cli::AuthMode;
use crate::cli::{GlobalArgs, OutputFormat};
use crate::config::{self, ConfigFile, Profile, SANDBOX_PROFILE, SERVICE_APP_KEYS, TOKEN_KEYS};
use crate::error::Result;
use crate::output::{Printer, write_stdout};

/// One row of `config list`.
struct Listed {
    name: String,
    default: bool,
    builtin: bool,
    org_url: Option<String>,
    auth: &'static str,
    auth_server: Option<String>,
    credentials: Vec<(&'static str, String)>,
}

pub(super) fn run(global: &GlobalArgs, printer: &Printer) -> Result<()> {
    let path = file_path(global)?;
    let file = load(global, &path)?;
    let missing = file.is_none();
    let file = file.unwrap_or_default();
    let mut rows: Vec<Listed> = file
        .profiles
        .iter()
        .map(|(name, p)| Listed {
            name: name.clone(),
            default: file.default_profile.as_deref() == Some(name),
            builtin: false,
            org_url: p.org_url.as_deref().map(config::redact_userinfo),
            auth: p.auth.unwrap_or(AuthMode::Ssws).name(),
            auth_server: p.auth_server.clone(),
            credentials: credential_sources(p),
        })
        .collect();
    if !file.profiles.contains_key(SANDBOX_PROFILE) {
        rows.push(Listed {
            name: SANDBOX_PROFILE.into(),
            default: file.default_profile.as_deref() == Some(SANDBOX_PROFILE),
            builtin: true,
            org_url: None,
            auth: AuthMode::Ssws.name(),
            auth_server: config::sandbox_profile().auth_server,
            credentials: vec![],
        });
    }

    match printer.format {
        OutputFormat::Json => printer.json(&Value::Array(
            rows.iter()
                .map(|r| {
                    json!({
                        "name": r.name,
                        "default": r.default,
                        "builtin": r.builtin,
                        "org_url": r.org_url,
                        "auth": r.auth,
                        "auth_server": r.auth_server,
                        "credentials": r.credentials.iter()
                            .map(|(k, v)| (k.to_string(), Value::String(v.clone())))
                            .collect::<Map<_, _>>(),
                    })
                })
                .collect(),
        )),
        OutputFormat::Id => write_stdout(
            &rows
                .iter()
                .map(|r| format!("{}\n", r.name))
                .collect::<String>(),
        ),
        OutputFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        if r.default { "*" } else { "" }.to_string(),
                        r.name.clone(),
                        match (&r.org_url, r.builtin) {
                            (_, true) => "(local sandbox)".to_string(),
                            (Some(url), false) => url.clone(),
                            (None, false) => "-".to_string(),
                        },
                        r.auth.to_string(),
                        r.auth_server.clone().unwrap_or_else(|| "-".into()),
                        if r.builtin {
                            "(built in)".to_string()
                        } else if r.credentials.is_empty() {
                            "-".to_string()
                        } else {
                            r.credentials
                                .iter()
                                .map(|(k, v)| format!("{k}={v}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    ]
                })
                .collect();
            printer.rows(
                &[
                    "DEFAULT",
                    "NAME",
                    "ORG URL",
                    "AUTH",
                    "AUTH SERVER",
                    "CREDENTIALS",
                ],
                &table,
            )?;
            if missing {
                printer.note(format!(
                    "No config file at {}: `{}` creates one.",
                    path.display(),
                    crate::hint::config_init()
                ));
            }
            Ok(())
        }
    }
}

fn load(global: &GlobalArgs, path: &Path) -> Result<Option<ConfigFile>> {
    config::load_file(path, global.config.is_some())
}

/// The profile's credential sources as `key=value` pairs, secrets masked, in the order
/// they are used (the first one present wins).
pub(super) fn credential_sources(p: &Profile) -> Vec<(&'static str, String)> {
    if p.auth == Some(AuthMode::PrivateKey) {
        present(
            SERVICE_APP_KEYS,
            [
                p.client_id.clone(),
                p.private_key_file.as_ref().map(|f| f.display().to_string()),
                p.private_key_env.clone(),
                p.private_key_command.clone(),
                p.key_id.clone(),
            ],
        )
    } else {
        present(
            TOKEN_KEYS,
            [
                p.token.as_ref().map(|_| MASK.to_string()),
                p.token_env.clone(),
                p.token_command.clone(),
            ],
        )
    }
}

/// The keys that have a value; one value per key (the lengths are checked when compiled).
fn present<const N: usize>(
    keys: [&'static str; N],
    values: [Option<String>; N],
) -> Vec<(&'static str, String)> {
    keys.into_iter()
        .zip(values)
        .filter_map(|(key, value)| value.map(|v| (key, v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_sources_mask_the_token() {
        let p: Profile = toml::from_str(
            "org_url = \"https://a.okta.com\"\ntoken = \"00secret\"\ntoken_env = \"X\"\n",
        )
        .unwrap();
        assert_eq!(
            credential_sources(&p),
            vec![("token", MASK.to_string()), ("token_env", "X".to_string())]
        );
    }
}
