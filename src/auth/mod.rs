//! Credential sources and the `Authorization` header they produce.
//!
//! Secrets are read here, as late as possible (only when a request will be sent), and
//! travel only inside [`Secret`] and sensitive `HeaderValue`s, so no log can show them.

pub mod dpop;
pub mod service_app;
pub mod token_cache;

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use url::Url;

pub(crate) use service_app::AuthRetries;
pub use service_app::{Scope, ServiceApp};

// Compatibility path: JWS lives in the key-material crate.

use crate::cli::AuthMode;
use crate::config::{Credentials, Environment, TokenSource};
use crate::error::{Error, Result};
use crate::http::Transport;
use crate::shell;
use keymaterial::secret::Secret;

/// Produces the authentication headers for each request. Clones share a service app's
/// tokens and DPoP state, so every client of one command uses one token.
#[derive(Debug, Clone)]
pub(crate) enum Authenticator {
    /// SSWS API token or a Bearer access token, sent as is.
    Token {
        scheme: &'static str,
        token: std::sync::Arc<LazyToken>,
    },
    /// OAuth 2.0 service app: access tokens from Okta's token endpoint, DPoP when needed.
    ServiceApp(std::sync::Arc<ServiceApp>),
}

impl Authenticator {
    /// Read the secret from its source.
    pub(crate) fn from_credentials(
        credentials: &Credentials,
        env: &dyn Environment,
    ) -> Result<Self> {
        match credentials {
            Credentials::Token { mode, source } => {
                let scheme = match mode {
                    AuthMode::Bearer => "Bearer",
                    _ => "SSWS",
                };
                let token = match source {
                    // Run on first use, through `shell` (its deadline, its process group).
                    TokenSource::Command(cmd) => LazyToken::command(cmd),
                    other => LazyToken::ready(read_token(other, env)?),
                };
                Ok(Authenticator::Token {
                    scheme,
                    token: std::sync::Arc::new(token),
                })
            }
            Credentials::Missing { hint } => {
                Err(Error::config_hint("no API token configured", hint.clone()))
            }
            Credentials::ServiceApp(settings) => Ok(Authenticator::ServiceApp(
                std::sync::Arc::new(ServiceApp::new(settings, env)?),
            )),
        }
    }

    /// A token authenticator for a token already in hand (the in-process sandbox).
    pub(crate) fn ssws(token: Secret) -> Self {
        Authenticator::Token {
            scheme: "SSWS",
            token: std::sync::Arc::new(LazyToken::ready(token)),
        }
    }

    /// Declare what the command needs from Okta (service apps ask for that scope; a
    /// token is what it is).
    pub(crate) fn needing(self, need: Scope) -> Self {
        if let Authenticator::ServiceApp(app) = &self {
            app.set_need(need);
        }
        self
    }

    /// The headers that authenticate one request (`method` and `url` for DPoP proofs).
    /// A service app may first ask the token endpoint for an access token, through
    /// `transport`.
    pub(crate) async fn headers(
        &self,
        transport: &Transport,
        method: &Method,
        url: &Url,
    ) -> Result<HeaderMap> {
        match self {
            Authenticator::Token { scheme, token } => {
                let token = token.get().await?;
                let mut headers = HeaderMap::new();
                let mut value = HeaderValue::from_str(&format!("{scheme} {}", token.expose()))
                    .map_err(|_| {
                        Error::config(
                            "the API token holds characters that cannot go in an HTTP header",
                        )
                    })?;
                value.set_sensitive(true);
                headers.insert(AUTHORIZATION, value);
                Ok(headers)
            }
            Authenticator::ServiceApp(app) => app.request_headers(transport, method, url).await,
        }
    }

    /// After each response: whether to resend the request at once for authentication's
    /// sake (a DPoP nonce challenge, or a kept token refused with 401). Not a retry.
    pub(crate) fn after_response(
        &self,
        url: &Url,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        retries: &mut AuthRetries,
    ) -> bool {
        match self {
            Authenticator::Token { .. } => false,
            Authenticator::ServiceApp(app) => {
                app.after_response(url, status, headers, body, retries)
            }
        }
    }
}

/// An API token, read when the first request needs it. A `token_command` runs once per
/// command, also when it fails (a password manager must not prompt twice).
#[derive(Debug)]
pub(crate) struct LazyToken {
    command: Option<String>,
    /// The token, or the failure to report again (message, hint).
    value: tokio::sync::OnceCell<std::result::Result<Secret, (String, String)>>,
}

impl LazyToken {
    fn ready(token: Secret) -> Self {
        LazyToken {
            command: None,
            value: tokio::sync::OnceCell::new_with(Some(Ok(token))),
        }
    }

    fn command(cmd: &str) -> Self {
        LazyToken {
            command: Some(cmd.to_string()),
            value: tokio::sync::OnceCell::new(),
        }
    }

    async fn get(&self) -> Result<&Secret> {
        let value = self
            .value
            .get_or_init(|| async {
                let cmd = self.command.as_deref().unwrap_or_default();
                let token = run_secret_command(cmd, "token_command")
                    .await
                    .and_then(|t| trimmed(&t));
                token.map_err(|e| (e.to_string(), e.hint().unwrap_or_default()))
            })
            .await;
        value
            .as_ref()
            .map_err(|(message, hint)| Error::config_hint(message.clone(), hint.clone()))
    }
}

fn read_token(source: &TokenSource, env: &dyn Environment) -> Result<Secret> {
    let token = match source {
        TokenSource::Inline(token) => token.clone(),
        TokenSource::Env(var) => Secret::new(env.var(var).ok_or_else(|| {
            Error::config_hint(
                format!(
                    "the environment variable {var} (named by the profile's token_env) is not set"
                ),
                format!("export {var}=… with the API token, or change token_env"),
            )
        })?),
        TokenSource::Command(_) => {
            return Err(Error::Internal("token_command is run on first use".into()));
        }
    };
    trimmed(&token)
}

fn trimmed(token: &Secret) -> Result<Secret> {
    let trimmed = token.expose().trim();
    if trimmed.is_empty() {
        return Err(Error::config("the configured API token is empty"));
    }
    Ok(Secret::new(trimmed))
}

/// Run a command that prints a secret (`token_command`, `private_key_command`) through
/// `shell` and return its stdout (at most `shell::MAX_OUTPUT`). Its stderr stays attached
/// to ours so a password manager can speak; its stdout never reaches a message.
pub(crate) async fn run_secret_command(cmd: &str, setting: &str) -> Result<Secret> {
    let name = format!("{setting} `{cmd}`");
    let command = shell::Command {
        stdout: shell::Stdout::Capture,
        ..shell::Command::new(&name, cmd)
    };
    match shell::run(&command).await {
        Ok(done) => Ok(Secret::new(
            String::from_utf8_lossy(&done.stdout).into_owned(),
        )),
        Err(why) => Err(Error::config_hint(
            format!("{name} failed: it {why}"),
            "run it by hand to see why; it must print the secret (only) on stdout and exit 0",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn header_of(auth: &Authenticator) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let url = Url::parse("https://acme.okta.com/api/v1").unwrap();
        let settings = crate::config::HttpSettings {
            timeout: std::time::Duration::from_secs(5),
            request_timeout: std::time::Duration::from_secs(5),
            connect_timeout: std::time::Duration::from_secs(5),
            max_retries: 0,
            max_api_capacity: 100,
            ca_cert: None,
            ssl_cert_file: None,
        };
        let transport = Transport::new(&settings, &url, crate::http::Progress::Silent).unwrap();
        let headers = rt
            .block_on(auth.headers(&transport, &Method::GET, &url))
            .unwrap();
        headers[AUTHORIZATION].to_str().unwrap().to_string()
    }

    #[test]
    fn ssws_and_bearer_schemes() {
        let env: BTreeMap<&str, &str> = [("T", " 00tok \n")].into_iter().collect();
        let creds = |mode| Credentials::Token {
            mode,
            source: TokenSource::Env("T".into()),
        };
        let ssws = Authenticator::from_credentials(&creds(AuthMode::Ssws), &env).unwrap();
        assert_eq!(header_of(&ssws), "SSWS 00tok");
        let bearer = Authenticator::from_credentials(&creds(AuthMode::Bearer), &env).unwrap();
        assert_eq!(header_of(&bearer), "Bearer 00tok");
        assert!(!format!("{ssws:?}").contains("00tok"));
    }

    #[tokio::test]
    async fn token_command_output_is_trimmed_and_failures_are_config_errors() {
        let ok = LazyToken::command("printf ' abc\\n'");
        assert_eq!(ok.get().await.unwrap().expose(), "abc");
        // Its stdout (the would-be token) never reaches the message.
        let failed = LazyToken::command("echo $((40+2))tok; exit 3");
        let err = failed.get().await.unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("exited with status 3"), "{err}");
        assert!(!err.to_string().contains("42tok"));
        let empty = LazyToken::command("true").get().await.unwrap_err();
        assert_eq!(empty.to_string(), "the configured API token is empty");
    }

    #[test]
    fn missing_token_env_names_the_variable() {
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        let err = read_token(&TokenSource::Env("PROD_TOKEN".into()), &env).unwrap_err();
        assert!(err.to_string().contains("PROD_TOKEN"));
    }
}
