//! The config file for `config init`: read it as an editable document (comments kept),
//! write the plan into it with `toml_edit`, and replace the file atomically, mode 0600.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use super::plan::{NewCredential, Plan};
use crate::cli::AuthMode;
use crate::config::{self, ConfigFile, SERVICE_APP_KEYS, TOKEN_KEYS, credential_key as key};
use crate::error::{Error, Result};
use crate::files;

/// The first lines of a config file that `config init` creates.
const NEW_FILE_HEADER: &str = "# oktakeys configuration: profiles for `oktakeys --profile NAME`.\n\
                               # See `oktakeys config --help` and `man oktakeys`.\n\n";

/// The file as an editable document (comments kept) and as settings; an empty document
/// when there is no file yet (`None`).
pub(super) fn read_document(path: &Path) -> Result<Option<(DocumentMut, ConfigFile)>> {
    let text = match config::read_text(path) {
        Ok(t) => t,
        Err(Some(why)) if why.is_missing() => return Ok(None),
        Err(why) => {
            return Err(Error::config(match why {
                Some(why) => why.message(&format!("the config file {}", path.display())),
                None => format!("the config file {} is not UTF-8 text", path.display()),
            }));
        }
    };
    let file = parse_config(&text, path)?;
    let doc = text.parse::<DocumentMut>().map_err(|e| {
        Error::config(format!(
            "the config file {} is not valid TOML: {}",
            path.display(),
            e.message().trim_end()
        ))
    })?;
    Ok(Some((doc, file)))
}

/// The new text of the file: the edited document, with a header when the file is new.
pub(super) fn render(doc: &DocumentMut, is_new: bool) -> String {
    if is_new {
        format!("{NEW_FILE_HEADER}{doc}")
    } else {
        doc.to_string()
    }
}

/// Parse config text as oktakeys reads it ([`config::parse_file`]), with what to do.
pub(super) fn parse_config(text: &str, path: &Path) -> Result<ConfigFile> {
    config::parse_file(text, path).map_err(|e| match e {
        Error::Config { message, .. } => Error::config_hint(
            message,
            format!(
                "fix it by hand first; `{}` edits only a valid file",
                crate::hint::config_init()
            ),
        ),
        other => other,
    })
}

/// Write the plan into the document: the profile's org URL, auth mode and credential
/// keys are set (other credential keys removed, so no older source shadows the new one);
/// every other key, profile and comment is kept.
pub fn apply(doc: &mut DocumentMut, plan: &Plan, path: &Path) -> Result<()> {
    let not_a_table = |what: &str| {
        Error::config(format!(
            "`{what}` in {} is not a table; fix the file by hand",
            path.display()
        ))
    };
    if plan.make_default {
        doc["default_profile"] = value(plan.name.clone());
    }
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| not_a_table("profiles"))?;
    let profile = profiles
        .entry(&plan.name)
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut()
        .ok_or_else(|| not_a_table(&format!("profiles.{}", plan.name)))?;

    profile.insert("org_url", value(plan.org_url.clone()));
    if let Some(server) = &plan.auth_server {
        profile.insert("auth_server", value(server.clone()));
    }
    match plan.auth {
        AuthMode::Ssws => {
            profile.remove("auth");
        }
        mode => {
            profile.insert("auth", value(mode.name()));
        }
    }
    for key in TOKEN_KEYS.iter().chain(&SERVICE_APP_KEYS) {
        profile.remove(key);
    }
    match &plan.credential {
        NewCredential::TokenEnv(var) => {
            profile.insert(key::TOKEN_ENV, value(var.clone()));
        }
        NewCredential::TokenCommand(cmd) => {
            profile.insert(key::TOKEN_COMMAND, value(cmd.clone()));
        }
        NewCredential::Token(token) => {
            profile.insert(key::TOKEN, value(token.expose()));
        }
        NewCredential::PrivateKey {
            client_id,
            private_key_file,
            key_id,
        } => {
            profile.insert(key::CLIENT_ID, value(client_id.clone()));
            profile.insert(
                key::PRIVATE_KEY_FILE,
                value(private_key_file.display().to_string()),
            );
            if let Some(kid) = key_id {
                profile.insert(key::KEY_ID, value(kid.clone()));
            }
        }
    }
    Ok(())
}

/// Lock the config file against other runs' read-modify-write (a `.lock` file beside
/// it), until the guard is dropped. Its directory is created (0700) if missing.
pub(super) fn lock_config(path: &Path) -> Result<std::fs::File> {
    let target = target_in_place(path)?;
    files::lock_beside(&target).map_err(|e| cannot("lock", &target, e))
}

/// The file the config path names (a symlink followed), its directory created (0700) if
/// missing.
fn target_in_place(path: &Path) -> Result<std::path::PathBuf> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        files::create_private_dir(dir)
            .map_err(|e| cannot("create the directory for", &target, e))?;
    }
    Ok(target)
}

fn cannot(what: &str, target: &Path, e: std::io::Error) -> Error {
    Error::config(format!("cannot {what} {}: {e}", target.display()))
}

/// Write the file with mode 0600 (its directory, when created, 0700), atomically: a
/// temporary file in the same directory, then a rename, so a crash never leaves half a
/// config. A symlinked config file is followed and its target replaced.
pub(super) fn write_private(path: &Path, text: &str) -> Result<()> {
    let target = target_in_place(path)?;
    files::replace_private(&target, text.as_bytes()).map_err(|e| cannot("write", &target, e.source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_keeps_comments_and_other_profiles_and_replaces_old_sources() {
        let before = "\
# my profiles
default_profile = \"prod\"

[profiles.prod]  # production
org_url = \"https://prod.okta.com\"
token_env = \"PROD\"
timeout = 30 # slow proxy

[profiles.dev]
org_url = \"https://dev.okta.com\"
token_command = \"pass show dev\"
";
        let mut doc: DocumentMut = before.parse().unwrap();
        let plan = Plan {
            name: "dev".into(),
            org_url: "https://dev2.okta.com".into(),
            auth: AuthMode::Bearer,
            credential: NewCredential::TokenEnv("DEV_TOKEN".into()),
            auth_server: Some("ausDEV".into()),
            make_default: false,
        };
        apply(&mut doc, &plan, Path::new("c.toml")).unwrap();
        let after = doc.to_string();
        assert_eq!(
            after,
            "\
# my profiles
default_profile = \"prod\"

[profiles.prod]  # production
org_url = \"https://prod.okta.com\"
token_env = \"PROD\"
timeout = 30 # slow proxy

[profiles.dev]
org_url = \"https://dev2.okta.com\"
auth_server = \"ausDEV\"
auth = \"bearer\"
token_env = \"DEV_TOKEN\"
"
        );
        assert!(parse_config(&after, Path::new("c.toml")).is_ok());
    }

    #[test]
    fn apply_to_a_new_file_sets_the_default() {
        let current = read_document(Path::new("/nonexistent/oktakeys/config.toml")).unwrap();
        assert!(current.is_none());
        let mut doc = DocumentMut::new();
        let plan = Plan {
            name: "svc".into(),
            org_url: "https://a.okta.com".into(),
            auth: AuthMode::PrivateKey,
            credential: NewCredential::PrivateKey {
                client_id: "0oa1".into(),
                private_key_file: "/k/svc.pem".into(),
                key_id: None,
            },
            auth_server: None,
            make_default: true,
        };
        apply(&mut doc, &plan, Path::new("c.toml")).unwrap();
        let text = render(&doc, true);
        assert!(text.starts_with("# oktakeys configuration"), "{text}");
        assert!(text.contains("default_profile = \"svc\"\n"), "{text}");
        assert!(
            text.contains(
                "[profiles.svc]\norg_url = \"https://a.okta.com\"\nauth = \"private_key\"\nclient_id = \"0oa1\"\nprivate_key_file = \"/k/svc.pem\"\n"
            ),
            "{text}"
        );
        let file = parse_config(&text, Path::new("c.toml")).unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("svc"));
    }
}
