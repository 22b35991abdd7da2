//! The server's longest access-token lifetime, from its policies' rules.
//!
//! MERGE NOTE: a stand-in for the `longest_access_token_lifetime(client, server_id)` that
//! the `enc-cli` branch adds to the api layer; when that lands on main, this file goes
//! and its callers (`commands::rotate`, `commands::keys`) use that one.

use std::time::Duration;

use reqwest::Method;
use serde_json::Value;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::Request;

/// The largest `actions.token.accessTokenLifetimeMinutes` over the ACTIVE rules of the
/// server's ACTIVE policies; `None` when no such rule names one.
pub(crate) async fn longest_access_token_lifetime(
    client: &Client,
    server_id: &str,
) -> Result<Option<Duration>> {
    let policies = list(
        client,
        &["api", "v1", "authorizationServers", server_id, "policies"],
        "the policies",
    )
    .await?;
    let mut longest: Option<u64> = None;
    for policy in policies.iter().filter(|p| is_active(p)) {
        let Some(policy_id) = policy.get("id").and_then(Value::as_str) else {
            continue;
        };
        crate::ids::parse_path_id(policy_id).map_err(|_| {
            Error::network(
                format!(
                    "Okta listed a policy whose id `{}` cannot go in a URL path",
                    policy_id.escape_debug()
                ),
                None,
            )
        })?;
        let path = [
            "api",
            "v1",
            "authorizationServers",
            server_id,
            "policies",
            policy_id,
            "rules",
        ];
        for rule in list(client, &path, "the policy's rules").await? {
            let minutes = rule
                .pointer("/actions/token/accessTokenLifetimeMinutes")
                .and_then(Value::as_u64);
            if let Some(m) = minutes.filter(|_| is_active(&rule)) {
                longest = Some(longest.map_or(m, |l| l.max(m)));
            }
        }
    }
    Ok(longest.map(|m| Duration::from_secs(m.saturating_mul(60))))
}

fn is_active(object: &Value) -> bool {
    object.get("status").and_then(Value::as_str) == Some("ACTIVE")
}

async fn list(client: &Client, path: &[&str], what: &str) -> Result<Vec<Value>> {
    let resp = client.send(&Request::new(Method::GET, path)).await?;
    match resp.json(what)? {
        Value::Array(items) => Ok(items),
        _ => Err(Error::network(
            format!("Okta returned something other than a list for {what}"),
            None,
        )),
    }
}
