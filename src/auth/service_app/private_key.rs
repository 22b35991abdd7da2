//! Where the service app's private key comes from (a file, an environment variable
//! holding the key or a path, a command), read and parsed on first use: a file readable
//! by others is refused before anything is sent.

use std::sync::Arc;

use super::ServiceApp;
use crate::config::{Environment, PrivateKeySource};
use crate::env;
use crate::error::{Error, Result};
use keymaterial::keys::{ParsedKey, SigningKey};
use keymaterial::secret::Secret;

/// Where the private key is read from, once settings are resolved.
#[derive(Debug)]
pub(super) enum KeyInput {
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

impl KeyInput {
    /// Capture the key's source; a missing key, or a variable that is not set, is a
    /// configuration error naming where to set it (`where_`: the profile).
    pub(super) fn from_settings(
        source: Option<&PrivateKeySource>,
        environment: &dyn Environment,
        where_: &str,
    ) -> Result<Self> {
        Ok(match source {
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
        })
    }
}

impl ServiceApp {
    /// The service app's private key, read and parsed on first use.
    pub(super) async fn signing_key(&self) -> Result<Arc<ParsedKey>> {
        if let Some(key) = self.signing_key.lock().ok().and_then(|k| k.clone()) {
            return Ok(key);
        }
        let parsed = Arc::new(match &self.key_input {
            KeyInput::Text { text, what } => parse(text, what)?,
            KeyInput::File(path) => {
                let file = KeyFile {
                    what: format!("the private key file {}", path.display()),
                    chmod_arg: path.display().to_string(),
                    hint: "check private_key_file (or OKTA_CLIENT_PRIVATEKEY)".into(),
                };
                let text = read_private_key_file(path, &file)?;
                parse(&text, &file.what)?
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
                parse(&text, &file.what)?
            }
            KeyInput::Command(cmd) => {
                let text = crate::auth::run_secret_command(cmd, "private_key_command").await?;
                parse(&text, &format!("the output of private_key_command `{cmd}`"))?
            }
        });
        if let Ok(mut slot) = self.signing_key.lock() {
            *slot = Some(parsed.clone());
        }
        Ok(parsed)
    }
}

/// Parse the key; an encrypted PEM is opened with the passphrase (asked only then).
fn parse(text: &Secret, what: &str) -> Result<ParsedKey> {
    let passphrase = keymaterial::private_out::is_encrypted_pem(text.expose().as_bytes())
        .then(|| crate::passphrase::passphrase(crate::passphrase::Purpose::Read(what)))
        .transpose()?;
    Ok(SigningKey::parse_with_passphrase(
        text,
        what,
        passphrase.as_ref(),
    )?)
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
    if let Some(mode) = crate::files::loose_mode(&meta) {
        return Err(Error::config_hint(
            format!("{what} is readable by others (mode {mode:o}); refusing to use it"),
            format!("run `chmod 600 {}`", file.chmod_arg),
        ));
    }
    let bytes = zeroize::Zeroizing::new(
        crate::files::read_local(path).map_err(|why| Error::config(why.message(what)))?,
    );
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::KeyFile(format!(
            "{what} is not text (PEM or JWK expected; convert DER with `openssl pkey -inform DER`)"
        ))
    })?;
    Ok(Secret::new(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::service_app::test_fixtures::*;

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

    #[tokio::test]
    async fn okta_sdk_private_key_variable_takes_text_or_a_path() {
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
        assert!(app.signing_key().await.is_ok());
        assert_eq!(
            app.token_url.as_str(),
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
        assert_eq!(app.signing_key().await.unwrap().key.alg().as_str(), "RS256");
        let broken = settings(PrivateKeySource::Command("echo nope".into()));
        let err = fx.app(&server, broken).signing_key().await.unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert_eq!(
            err.to_string(),
            "the output of private_key_command `echo nope` is neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor a private JWK"
        );
    }
}
