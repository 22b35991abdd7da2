//! A custom authorization server's own OAuth endpoints, under `{org}/oauth2/{id}/v1/`:
//! `token` (client_credentials, `client_secret_basic`) and `keys` (its signing JWKS, no
//! authentication). They carry none of the management API's credentials; they go through
//! the same transport ([`Client::send_open`]).

use reqwest::Method;
use serde_json::Value;

use crate::client::Client;
use crate::error::{ApiError, Error, Result};
use crate::http::OpenAuth;
use crate::http::Request;
use keymaterial::secret::Secret;

pub(crate) mod requests {
    use super::*;

    /// Asking for a token changes nothing at the server, so it is resent like a read
    /// after a 5xx; the token endpoint's rate limit is not the management API's.
    pub(crate) fn token(server_id: &str, scope: Option<&str>) -> Request {
        let mut form = vec![("grant_type", "client_credentials")];
        if let Some(scope) = scope {
            form.push(("scope", scope));
        }
        Request::new(Method::POST, &["oauth2", server_id, "v1", "token"])
            .with_form(&form)
            .idempotent(true)
            .paced(false)
    }

    pub(crate) fn keys(server_id: &str) -> Request {
        Request::new(Method::GET, &["oauth2", server_id, "v1", "keys"]).paced(false)
    }
}

/// The OAuth client that asks for a token, and where its secret came from (for hints).
#[derive(Debug)]
pub(crate) struct OAuthClient<'a> {
    pub(crate) client_id: &'a str,
    pub(crate) secret: &'a Secret,
    /// The environment variable that held the secret.
    pub(crate) secret_var: &'a str,
}

/// The access token from `POST {org}/oauth2/{server_id}/v1/token` with `grant_type=client_credentials` and
/// `scope` (Okta needs one; without it, its refusal's hint names `--scope`),
/// authenticated with `client_secret_basic`.
pub(crate) async fn request_token(
    client: &Client,
    server_id: &str,
    oauth: &OAuthClient<'_>,
    scope: Option<&str>,
) -> Result<Secret> {
    let auth = OpenAuth::Basic {
        client_id: oauth.client_id,
        secret: oauth.secret,
    };
    let mut resp = client
        .send_open(&requests::token(server_id, scope), auth)
        .await
        .map_err(|e| with_token_hint(e, oauth, server_id))?;
    // Holds the access token: wiped when dropped.
    let raw = zeroize::Zeroizing::new(std::mem::take(&mut resp.body));
    let unreadable = |why: &str| {
        Error::network(
            format!(
                "the token endpoint of authorization server {server_id} answered {} but {why}",
                resp.status.as_u16()
            ),
            Some("a proxy may have rewritten the response; retry, or run with -v".into()),
        )
    };
    let mut body: Value = serde_json::from_slice(&raw).map_err(|_| unreadable("not with JSON"))?;
    let access_token = match body.get_mut("access_token") {
        Some(Value::String(t)) if !t.is_empty() => Secret::new(std::mem::take(t)),
        _ => return Err(unreadable("without an access_token")),
    };
    let text = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or("-");
    let expires_in = body.get("expires_in").and_then(Value::as_i64).unwrap_or(0);
    tracing::info!(
        "authorization server {server_id} issued a {} token for scope {}, valid {} s",
        text("token_type"),
        text("scope"),
        expires_in
    );
    Ok(access_token)
}

/// The token endpoint's refusals (RFC 6749 §5.2 `error` codes) with the next step.
fn with_token_hint(err: Error, oauth: &OAuthClient<'_>, server_id: &str) -> Error {
    let Error::Api(mut api) = err else { return err };
    api.hint = token_hint(&api, oauth, server_id);
    Error::Api(api)
}

fn token_hint(api: &ApiError, oauth: &OAuthClient<'_>, server_id: &str) -> Option<String> {
    let hint = match (api.status, api.error_code.as_deref()) {
        (_, Some("invalid_client")) | (401, _) => format!(
            "check --client-id ({}) and the client secret in {}; the app's client authentication \
             must be \"Client secret\" (client_secret_basic)",
            oauth.client_id, oauth.secret_var
        ),
        (_, Some("invalid_scope")) => format!(
            "pass --scope with a custom scope of authorization server {server_id} that an access \
             policy rule grants this client"
        ),
        (_, Some("unauthorized_client")) => format!(
            "allow the Client Credentials grant for the app, and make an access policy of \
             authorization server {server_id} apply to client {}",
            oauth.client_id
        ),
        (404, _) => format!(
            "authorization server {server_id} has no token endpoint: check --auth-server \
             (`{}` shows the servers)",
            crate::hint::command(["servers", "list"])
        ),
        _ => return None,
    };
    Some(hint)
}

/// The server's signing keys (`GET {org}/oauth2/{server_id}/v1/keys`): the JWKS's `keys`.
pub(crate) async fn signing_keys(client: &Client, server_id: &str) -> Result<Vec<Value>> {
    let resp = client
        .send_open(&requests::keys(server_id), OpenAuth::None)
        .await?;
    match resp.json("the signing keys")? {
        Value::Object(mut jwks) => match jwks.remove("keys") {
            Some(Value::Array(keys)) => Ok(keys),
            _ => Err(Error::network(
                format!(
                    "the signing keys of authorization server {server_id} are not a JWKS (no `keys` array)"
                ),
                None,
            )),
        },
        _ => Err(Error::network(
            format!("the signing keys of authorization server {server_id} are not a JSON object"),
            None,
        )),
    }
}
