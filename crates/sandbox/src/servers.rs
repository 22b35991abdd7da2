//! Okta's authorization-server objects, their policies and rules, as pure functions on the
//! state: list (`q`, `limit`, `after`), get, replace (PUT, with Okta's rules), and the JSON
//! Okta answers with (`issuer` and `_links` built from the address the request came to).

use serde_json::{Map, Value};

use super::errors::{self, OktaError};
use super::model::{AuthServer, Policy, Signing, State, path_segment};
use super::seed::DEFAULT_TOKEN_LIFETIME_MINUTES;

/// `limit`'s default and maximum for the server list.
pub(crate) const MAX_LIMIT: usize = 200;
/// The field that turns access-token encryption on, and the values Okta takes.
pub(crate) const ENCRYPTION_FIELD: &str = "accessTokenEncryptedResponseAlgorithm";
pub(crate) const ENCRYPTION_ALGS: [&str; 3] = ["RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"];
/// Fields Okta sets itself: whatever a PUT sends for them is ignored.
const READ_ONLY: [&str; 6] = ["id", "issuer", "_links", "created", "lastUpdated", "status"];
/// `credentials.signing` members Okta sets itself.
const SIGNING_READ_ONLY: [&str; 3] = ["kid", "lastRotated", "nextRotation"];

pub(crate) fn server<'a>(state: &'a State, id: &str) -> Result<&'a AuthServer, OktaError> {
    state
        .servers
        .get(id)
        .ok_or_else(|| OktaError::server_not_found(id))
}

pub(crate) fn server_mut<'a>(
    state: &'a mut State,
    id: &str,
) -> Result<&'a mut AuthServer, OktaError> {
    state
        .servers
        .get_mut(id)
        .ok_or_else(|| OktaError::server_not_found(id))
}

/// `limit`: absent → 200; above 200 → 200 (as Okta caps it); not a whole number ≥ 1 → 400.
pub(crate) fn parse_limit(text: Option<&str>) -> Result<usize, OktaError> {
    match text {
        None => Ok(MAX_LIMIT),
        Some(t) => match t.trim().parse::<u64>() {
            Ok(n) if n >= 1 => Ok((n as usize).min(MAX_LIMIT)),
            _ => Err(OktaError::validation_summary(
                "Api validation failed: limit",
                errors::CAUSE_LIMIT,
            )),
        },
    }
}

/// One page of the server list: ids in order, and the cursor of the next page if more remain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) ids: Vec<String>,
    pub(crate) next: Option<String>,
}

/// GET /api/v1/authorizationServers: servers (by id) whose name or an audience contains
/// `q` (case-insensitive), after the cursor `after` (the last id of the previous page).
pub(crate) fn list(state: &State, q: Option<&str>, limit: usize, after: Option<&str>) -> Page {
    let q = q.map(str::to_lowercase).filter(|q| !q.is_empty());
    let mut ids: Vec<String> = state
        .servers
        .iter()
        .filter(|(id, _)| after.is_none_or(|a| id.as_str() > a))
        .filter(|(_, s)| q.as_deref().is_none_or(|q| matches(s, q)))
        .map(|(id, _)| id.clone())
        .take(limit.saturating_add(1))
        .collect();
    let next = if ids.len() > limit {
        ids.truncate(limit);
        ids.last().cloned()
    } else {
        None
    };
    Page { ids, next }
}

fn matches(server: &AuthServer, q: &str) -> bool {
    let contains = |v: &Value| v.as_str().is_some_and(|s| s.to_lowercase().contains(q));
    server.object.get("name").is_some_and(contains)
        || server
            .object
            .get("audiences")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(contains))
}

/// PUT /api/v1/authorizationServers/{id}: replace the object with the body, keeping every
/// field sent (unknown ones too) except the read-only ones, which stay Okta's. `name` and
/// `audiences` are required; the encryption algorithm must be one of three and needs an
/// ACTIVE key (or a `jwks_uri`); a `jwks_uri` (also spelt `jwksUri`) deletes the saved keys.
pub(crate) fn replace(
    state: &mut State,
    id: &str,
    body: &[u8],
    now: &str,
) -> Result<(), OktaError> {
    let server = server_mut(state, id)?;
    let Ok(Value::Object(mut body)) = serde_json::from_slice::<Value>(body) else {
        return Err(OktaError::malformed());
    };
    let name = optional_string(&body, "name")?;
    let audiences = match body.get("audiences") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().ok_or_else(OktaError::malformed))
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err(OktaError::malformed()),
    };
    let alg = body.get(ENCRYPTION_FIELD).filter(|v| !v.is_null());
    let jwks_uri = match optional_string(&body, "jwks_uri")? {
        Some(uri) => Some(uri),
        None => optional_string(&body, "jwksUri")?,
    }
    .filter(|u| !u.trim().is_empty())
    .map(str::to_string);

    let mut causes = Vec::new();
    if name.is_none_or(|n| n.trim().is_empty()) {
        causes.push(errors::CAUSE_NAME_REQUIRED.to_string());
    }
    if !audiences.iter().any(|a| !a.trim().is_empty()) {
        causes.push(errors::CAUSE_AUDIENCES_REQUIRED.to_string());
    }
    if alg.is_some_and(|a| !a.as_str().is_some_and(|a| ENCRYPTION_ALGS.contains(&a))) {
        causes.push(errors::CAUSE_ENCRYPTION_ALG.to_string());
    }
    if !causes.is_empty() {
        return Err(OktaError::server_validation(causes));
    }
    if alg.is_some() && jwks_uri.is_none() && server.active_key().is_none() {
        return Err(OktaError::server_validation(vec![
            errors::CAUSE_ENCRYPTION_NEEDS_ACTIVE_KEY.to_string(),
        ]));
    }

    let old = std::mem::take(&mut server.object);
    for field in READ_ONLY.iter().chain(&["jwks_uri", "jwksUri", "jwks"]) {
        body.remove(*field);
    }
    let credentials = match body.remove("credentials") {
        Some(Value::Object(mut c)) => {
            if let Some(Value::Object(signing)) = c.get_mut("signing") {
                for field in SIGNING_READ_ONLY {
                    signing.remove(field);
                }
            }
            Value::Object(c)
        }
        _ => old
            .get("credentials")
            .cloned()
            .unwrap_or_else(|| serde_json::json!({"signing": {"rotationMode": "AUTO"}})),
    };
    // Okta's order: what a GET shows first, then the rest as sent.
    let mut object = Map::new();
    for field in ["name", "description", "audiences", "issuerMode"] {
        if let Some(v) = body.remove(field) {
            object.insert(field.into(), v);
        } else if field == "issuerMode"
            && let Some(v) = old.get(field)
        {
            object.insert(field.into(), v.clone());
        }
    }
    for field in ["status", "created"] {
        if let Some(v) = old.get(field) {
            object.insert(field.into(), v.clone());
        }
    }
    object.insert("lastUpdated".into(), Value::String(now.to_string()));
    object.insert("credentials".into(), credentials);
    object.extend(body);
    if let Some(uri) = jwks_uri {
        object.insert("jwks_uri".into(), Value::String(uri));
        // Keys come from the URL now: Okta deletes the saved ones.
        server.keys.clear();
    }
    server.object = object;
    Ok(())
}

fn optional_string<'a>(
    body: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, OktaError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(OktaError::malformed()),
    }
}

/// `{base}/oauth2/{id}`: the issuer in `ORG_URL` mode.
pub(crate) fn issuer(base: &str, id: &str) -> String {
    format!("{}/oauth2/{}", base.trim_end_matches('/'), path_segment(id))
}

fn api_url(base: &str, id: &str) -> String {
    format!(
        "{}/api/v1/authorizationServers/{}",
        base.trim_end_matches('/'),
        path_segment(id)
    )
}

fn link(href: String, methods: &[&str]) -> Value {
    serde_json::json!({ "href": href, "hints": { "allow": methods } })
}

/// The server object as Okta returns it.
pub(crate) fn to_json(server: &AuthServer, id: &str, base: &str) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), Value::String(id.to_string()));
    let issuer = Value::String(issuer(base, id));
    for (field, value) in &server.object {
        let value = if field == "credentials" {
            credentials_json(value, server.signing.as_ref())
        } else {
            value.clone()
        };
        out.insert(field.clone(), value);
        if field == "audiences" {
            out.insert("issuer".into(), issuer.clone());
        }
    }
    if !out.contains_key("issuer") {
        out.insert("issuer".into(), issuer);
    }
    out.insert("_links".into(), server_links(server, id, base));
    Value::Object(out)
}

fn credentials_json(stored: &Value, signing: Option<&Signing>) -> Value {
    let mut credentials = stored.as_object().cloned().unwrap_or_default();
    let mut out = match credentials.remove("signing") {
        Some(Value::Object(s)) => s,
        _ => Map::new(),
    };
    if let Some(signing) = signing {
        out.insert("lastRotated".into(), signing.last_rotated.clone().into());
        out.insert("nextRotation".into(), signing.next_rotation.clone().into());
        out.insert("kid".into(), signing.kid.clone().into());
    }
    credentials.insert("signing".into(), Value::Object(out));
    Value::Object(credentials)
}

fn server_links(server: &AuthServer, id: &str, base: &str) -> Value {
    let this = api_url(base, id);
    let iss = issuer(base, id);
    let metadata = |name: &str| {
        serde_json::json!({
            "name": name,
            "href": format!("{iss}/.well-known/{name}"),
            "hints": { "allow": ["GET"] },
        })
    };
    let mut links = Map::new();
    links.insert("scopes".into(), link(format!("{this}/scopes"), &["GET"]));
    links.insert("claims".into(), link(format!("{this}/claims"), &["GET"]));
    links.insert(
        "policies".into(),
        link(format!("{this}/policies"), &["GET"]),
    );
    links.insert("self".into(), link(this.clone(), &["GET", "DELETE", "PUT"]));
    links.insert(
        "metadata".into(),
        Value::Array(vec![
            metadata("oauth-authorization-server"),
            metadata("openid-configuration"),
        ]),
    );
    links.insert(
        "rotateKey".into(),
        link(format!("{this}/credentials/lifecycle/keyRotate"), &["POST"]),
    );
    let inactive = server.object.get("status").and_then(Value::as_str) == Some("INACTIVE");
    let (rel, action) = if inactive {
        ("activate", "activate")
    } else {
        ("deactivate", "deactivate")
    };
    links.insert(
        rel.into(),
        link(format!("{this}/lifecycle/{action}"), &["POST"]),
    );
    Value::Object(links)
}

fn is_active(object: &Map<String, Value>) -> bool {
    object.get("status").and_then(Value::as_str) == Some("ACTIVE")
}

fn lifecycle_link(links: &mut Map<String, Value>, object: &Map<String, Value>, this: &str) {
    let action = if is_active(object) {
        "deactivate"
    } else {
        "activate"
    };
    links.insert(
        action.into(),
        link(format!("{this}/lifecycle/{action}"), &["POST"]),
    );
}

fn object_id(object: &Map<String, Value>) -> &str {
    object.get("id").and_then(Value::as_str).unwrap_or_default()
}

/// GET …/{id}/policies: every policy, as stored, with `_links`.
pub(crate) fn policies_json(server: &AuthServer, id: &str, base: &str) -> Value {
    let policies = server.policies.iter().map(|p| {
        let this = format!(
            "{}/policies/{}",
            api_url(base, id),
            path_segment(object_id(&p.object))
        );
        let mut out = p.object.clone();
        let mut links = Map::new();
        links.insert("self".into(), link(this.clone(), &["GET", "PUT", "DELETE"]));
        lifecycle_link(&mut links, &p.object, &this);
        links.insert("rules".into(), link(format!("{this}/rules"), &["GET"]));
        out.insert("_links".into(), Value::Object(links));
        Value::Object(out)
    });
    Value::Array(policies.collect())
}

/// GET …/{id}/policies/{policyId}/rules: the policy's rules with `_links`.
pub(crate) fn rules_json(
    server: &AuthServer,
    id: &str,
    policy_id: &str,
    base: &str,
) -> Result<Value, OktaError> {
    let policy = server
        .policies
        .iter()
        .find(|p| object_id(&p.object) == policy_id)
        .ok_or_else(|| OktaError::policy_not_found(policy_id))?;
    let prefix = format!(
        "{}/policies/{}/rules",
        api_url(base, id),
        path_segment(policy_id)
    );
    let rules = policy.rules.iter().map(|r| {
        let this = format!("{prefix}/{}", path_segment(object_id(r)));
        let mut out = r.clone();
        let mut links = Map::new();
        links.insert("self".into(), link(this.clone(), &["GET", "PUT", "DELETE"]));
        lifecycle_link(&mut links, r, &this);
        out.insert("_links".into(), Value::Object(links));
        Value::Object(out)
    });
    Ok(Value::Array(rules.collect()))
}

/// The access-token lifetime in minutes the token endpoint applies: the first ACTIVE rule
/// (by priority) of the first ACTIVE policy (by priority) that has one, as Okta evaluates
/// them. `None`: no rule applies (Okta refuses the token).
pub(crate) fn token_lifetime_minutes(server: &AuthServer) -> Option<u32> {
    let priority = |o: &Map<String, Value>| {
        o.get("priority")
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX)
    };
    let mut policies: Vec<&Policy> = server
        .policies
        .iter()
        .filter(|p| is_active(&p.object))
        .collect();
    policies.sort_by_key(|p| priority(&p.object));
    policies.into_iter().find_map(|p| {
        let mut rules: Vec<&Map<String, Value>> = p.rules.iter().filter(|r| is_active(r)).collect();
        rules.sort_by_key(|r| priority(r));
        rules.first().map(|r| {
            r.get("actions")
                .and_then(|a| a.get("token"))
                .and_then(|t| t.get("accessTokenLifetimeMinutes"))
                .and_then(Value::as_u64)
                .and_then(|m| u32::try_from(m).ok())
                .unwrap_or(DEFAULT_TOKEN_LIFETIME_MINUTES)
        })
    })
}
