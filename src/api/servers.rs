//! Authorization servers (`/api/v1/authorizationServers`), their policies and the
//! policies' rules, as typed calls. An [`AuthServer`] keeps Okta's object exactly as
//! received: a PUT replaces the whole server, so what goes back is what came, every field
//! Okta sent (known or not) unchanged but the one the command means to change.

use reqwest::Method;
use serde_json::{Map, Value};

use super::{kind_of, list_pages};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::Request;

/// The server field that turns access-token encryption on (`RSA-OAEP-256|384|512`);
/// absent means off.
pub(crate) const ENCRYPTION_FIELD: &str = "accessTokenEncryptedResponseAlgorithm";

/// One authorization server as Okta returned it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AuthServer(Map<String, Value>);

impl AuthServer {
    pub(crate) fn from_value(value: Value) -> Result<Self> {
        object(value, "an authorization server").map(AuthServer)
    }

    fn text(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(Value::as_str)
    }

    pub(crate) fn id(&self) -> &str {
        self.text("id").unwrap_or("")
    }
    pub(crate) fn name(&self) -> &str {
        self.text("name").unwrap_or("")
    }
    pub(crate) fn status(&self) -> &str {
        self.text("status").unwrap_or("")
    }
    pub(crate) fn issuer(&self) -> Option<&str> {
        self.text("issuer")
    }

    /// The access-token encryption algorithm, `None` when encryption is off.
    pub(crate) fn encryption(&self) -> Option<&str> {
        self.text(ENCRYPTION_FIELD).filter(|alg| !alg.is_empty())
    }

    /// Keys fetched from a URL (`jwks_uri`, or `jwksUri` as a guide spells it) instead
    /// of saved ones.
    pub(crate) fn jwks_uri(&self) -> Option<&str> {
        self.text("jwks_uri")
            .or_else(|| self.text("jwksUri"))
            .filter(|u| !u.is_empty())
    }

    /// The object exactly as Okta sent it.
    pub(crate) fn raw(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The whole object for a PUT with encryption set to `alg`, or removed for `None`
    /// (disabling is a PUT without the field); every other field as received.
    pub(crate) fn with_encryption(&self, alg: Option<&str>) -> Map<String, Value> {
        let mut body = self.0.clone();
        match alg {
            Some(alg) => {
                body.insert(ENCRYPTION_FIELD.into(), Value::String(alg.into()));
            }
            None => {
                body.shift_remove(ENCRYPTION_FIELD);
            }
        }
        body
    }
}

fn object(value: Value, what: &str) -> Result<Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(Error::network(
            format!(
                "Okta returned {} where {what} was expected",
                kind_of(&other)
            ),
            None,
        )),
    }
}

/// The requests, built in one place so `--dry-run` shows exactly what would be sent.
pub(crate) mod requests {
    use super::*;

    const SERVERS: [&str; 3] = ["api", "v1", "authorizationServers"];

    fn path<'a>(rest: &[&'a str]) -> Vec<&'a str> {
        let mut path = SERVERS.to_vec();
        path.extend_from_slice(rest);
        path
    }

    /// The first page; `q` searches names and audiences.
    pub(crate) fn list(query: Option<&str>) -> Request {
        let mut request = Request::new(Method::GET, &SERVERS);
        if let Some(q) = query {
            request.query.push(("q".into(), q.into()));
        }
        request
    }

    pub(crate) fn get(id: &str) -> Request {
        Request::new(Method::GET, &path(&[id]))
    }

    /// PUT replaces the server, so it is idempotent: the same body twice is one state.
    pub(crate) fn replace(id: &str, body: Map<String, Value>) -> Request {
        Request::new(Method::PUT, &path(&[id])).with_body(Value::Object(body))
    }

    pub(crate) fn policies(id: &str) -> Request {
        Request::new(Method::GET, &path(&[id, "policies"]))
    }

    pub(crate) fn rules(id: &str, policy_id: &str) -> Request {
        Request::new(Method::GET, &path(&[id, "policies", policy_id, "rules"]))
    }
}

/// Every authorization server of the org (all pages), optionally only those whose name or
/// audiences match `query` (Okta's `q`).
pub(crate) async fn list_servers(client: &Client, query: Option<&str>) -> Result<Vec<AuthServer>> {
    list_pages(
        client,
        requests::list(query),
        "the authorization server list",
        "of the org",
    )
    .await?
    .into_iter()
    .map(AuthServer::from_value)
    .collect()
}

pub(crate) async fn get_server(client: &Client, id: &str) -> Result<AuthServer> {
    let resp = client.send(&requests::get(id)).await?;
    AuthServer::from_value(resp.json("the authorization server")?)
}

/// PUT the whole server object; Okta's answer is the server as it now is.
pub(crate) async fn replace_server(
    client: &Client,
    id: &str,
    body: Map<String, Value>,
) -> Result<AuthServer> {
    let resp = client.send(&requests::replace(id, body)).await?;
    AuthServer::from_value(resp.json("the replaced authorization server")?)
}

/// The server's policies, as received (Okta does not page them).
pub(crate) async fn list_policies(client: &Client, id: &str) -> Result<Vec<Map<String, Value>>> {
    list_pages(
        client,
        requests::policies(id),
        "the policy list",
        &format!("of {id}"),
    )
    .await?
    .into_iter()
    .map(|v| object(v, "a policy"))
    .collect()
}

/// A policy's rules, as received (Okta does not page them).
pub(crate) async fn list_rules(
    client: &Client,
    id: &str,
    policy_id: &str,
) -> Result<Vec<Map<String, Value>>> {
    list_pages(
        client,
        requests::rules(id, policy_id),
        "the rule list",
        &format!("of policy {policy_id} of {id}"),
    )
    .await?
    .into_iter()
    .map(|v| object(v, "a policy rule"))
    .collect()
}

/// The longest access-token lifetime, in minutes, the server can issue: the largest
/// `actions.token.accessTokenLifetimeMinutes` over every ACTIVE rule of every ACTIVE
/// policy (Okta applies only active policies and rules). `None` when no active rule sets
/// one. This bounds how long a token encrypted with a key stays in use, so a key must stay
/// on the server (INACTIVE) at least this long after another is activated.
///
/// One request for the policies, then one per ACTIVE policy for its rules.
pub async fn longest_access_token_lifetime(
    client: &Client,
    server_id: &str,
) -> Result<Option<u64>> {
    let mut longest = None;
    for policy in list_policies(client, server_id).await? {
        if !is_active(&policy) {
            continue;
        }
        let Some(policy_id) = policy.get("id").and_then(Value::as_str) else {
            continue;
        };
        for rule in list_rules(client, server_id, policy_id).await? {
            if !is_active(&rule) {
                continue;
            }
            let minutes = rule
                .get("actions")
                .and_then(|a| a.get("token"))
                .and_then(|t| t.get("accessTokenLifetimeMinutes"))
                .and_then(Value::as_u64);
            longest = longest.max(minutes);
        }
    }
    Ok(longest)
}

fn is_active(object: &Map<String, Value>) -> bool {
    object.get("status").and_then(Value::as_str) == Some("ACTIVE")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn encryption_is_changed_and_nothing_else() {
        let server = AuthServer::from_value(json!({
            "id": "aus1", "name": "n", "audiences": ["api://x"], "futureField": {"a": 1},
            ENCRYPTION_FIELD: "RSA-OAEP-256", "_links": {}
        }))
        .unwrap();
        assert_eq!(server.encryption(), Some("RSA-OAEP-256"));
        let off = server.with_encryption(None);
        assert!(!off.contains_key(ENCRYPTION_FIELD));
        assert_eq!(off.len(), server.raw().len() - 1);
        let on = server.with_encryption(Some("RSA-OAEP-512"));
        assert_eq!(on[ENCRYPTION_FIELD], "RSA-OAEP-512");
        // The field keeps its place: PUT sends the object in Okta's order.
        let keys: Vec<&String> = on.keys().collect();
        let before: Vec<&String> = server.raw().keys().collect();
        assert_eq!(keys, before);
        assert!(AuthServer::from_value(json!([])).is_err());
    }

    #[test]
    fn jwks_uri_is_read_in_both_spellings() {
        for field in ["jwks_uri", "jwksUri"] {
            let s = AuthServer::from_value(json!({ field: "https://k" })).unwrap();
            assert_eq!(s.jwks_uri(), Some("https://k"));
        }
        let s = AuthServer::from_value(json!({"jwks_uri": ""})).unwrap();
        assert_eq!(s.jwks_uri(), None);
    }
}
