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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;
    use serde_json::json;

    const T0: &str = "2026-11-26T10:00:00.000Z";
    const T1: &str = "2026-11-26T11:00:00.000Z";

    fn state(servers: &[&str]) -> State {
        let servers: Vec<String> = servers.iter().map(|s| s.to_string()).collect();
        seed::seeded_state(&servers, T0)
    }

    fn put(s: &mut State, body: Value) -> Result<(), OktaError> {
        replace(s, "default", body.to_string().as_bytes(), T1)
    }

    fn causes(err: OktaError) -> (u16, String, Vec<String>) {
        (err.status, err.summary, err.causes)
    }

    #[test]
    fn the_seed_is_named_after_its_id_with_one_active_policy_and_rule() {
        let s = state(&["default", "aus2"]);
        let d = &s.servers["default"];
        assert_eq!(d.object["name"], "default");
        assert_eq!(d.object["audiences"], json!(["api://default"]));
        assert_eq!(s.servers["aus2"].object["name"], "aus2");
        assert_eq!(d.policies.len(), 1);
        assert_eq!(d.policies[0].rules.len(), 1);
        assert_eq!(token_lifetime_minutes(d), Some(60));
        assert_eq!(d.encryption_alg(), None);
    }

    #[test]
    fn list_filters_by_q_and_pages_with_a_cursor() {
        let mut s = state(&["default", "aus1", "aus2", "aus3"]);
        s.servers.get_mut("aus2").unwrap().object["audiences"] = json!(["https://API.example"]);
        let all = list(&s, None, 200, None);
        assert_eq!(all.ids, ["aus1", "aus2", "aus3", "default"]);
        assert_eq!(all.next, None);
        let p1 = list(&s, None, 3, None);
        assert_eq!(
            (p1.ids.as_slice(), p1.next.as_deref()),
            (
                &["aus1".to_string(), "aus2".into(), "aus3".into()][..],
                Some("aus3")
            )
        );
        let p2 = list(&s, None, 3, p1.next.as_deref());
        assert_eq!((p2.ids, p2.next), (vec!["default".to_string()], None));
        // Exactly a full last page: no next cursor.
        assert_eq!(list(&s, None, 4, None).next, None);
        // q: names and audiences, any case.
        assert_eq!(list(&s, Some("DEF"), 200, None).ids, ["default"]);
        assert_eq!(list(&s, Some("api.example"), 200, None).ids, ["aus2"]);
        assert!(list(&s, Some("nothing"), 200, None).ids.is_empty());
    }

    #[test]
    fn limit_defaults_to_200_and_is_capped() {
        assert_eq!(parse_limit(None).unwrap(), 200);
        assert_eq!(parse_limit(Some("5")).unwrap(), 5);
        assert_eq!(parse_limit(Some("1000")).unwrap(), 200);
        for bad in ["0", "-1", "x", ""] {
            let err = parse_limit(Some(bad)).unwrap_err();
            assert_eq!(
                causes(err),
                (
                    400,
                    "Api validation failed: limit".into(),
                    vec![errors::CAUSE_LIMIT.into()]
                )
            );
        }
    }

    #[test]
    fn put_replaces_the_object_keeping_unknown_fields_and_okta_s_read_only_ones() {
        let mut s = state(&["default"]);
        put(
            &mut s,
            json!({
                "id": "hacked", "name": "renamed", "audiences": ["api://x"], "created": "1999",
                "status": "INACTIVE", "issuer": "https://elsewhere", "x-custom": {"a": 1},
                "credentials": {"signing": {"rotationMode": "MANUAL", "kid": "forged"}},
            }),
        )
        .unwrap();
        let o = &s.servers["default"].object;
        assert_eq!(o["name"], "renamed");
        assert_eq!(o["x-custom"], json!({"a": 1}));
        assert_eq!(o["created"], T0);
        assert_eq!(o["lastUpdated"], T1);
        assert_eq!(o["status"], "ACTIVE");
        assert_eq!(
            o["credentials"],
            json!({"signing": {"rotationMode": "MANUAL"}})
        );
        assert!(!o.contains_key("id") && !o.contains_key("issuer"));
        // A field left out is gone (PUT replaces).
        assert!(!o.contains_key("description"));
        let shown = to_json(&s.servers["default"], "default", "http://h");
        assert_eq!(shown["id"], "default");
        assert_eq!(shown["issuer"], "http://h/oauth2/default");
    }

    #[test]
    fn put_needs_name_and_audiences() {
        let mut s = state(&["default"]);
        let before = s.clone();
        let err = put(&mut s, json!({"description": "x"})).unwrap_err();
        assert_eq!(
            causes(err),
            (
                400,
                errors::SERVER_VALIDATION_SUMMARY.into(),
                vec![
                    errors::CAUSE_NAME_REQUIRED.to_string(),
                    errors::CAUSE_AUDIENCES_REQUIRED.to_string(),
                ]
            )
        );
        let err = put(&mut s, json!({"name": " ", "audiences": []})).unwrap_err();
        assert_eq!(err.causes.len(), 2);
        assert_eq!(s, before);
        // Wrong JSON types are E0000003.
        for body in [
            json!({"name": 5, "audiences": ["a"]}),
            json!({"name": "n", "audiences": "a"}),
            json!([1]),
        ] {
            assert_eq!(put(&mut s, body).unwrap_err().code, "E0000003");
        }
    }

    #[test]
    fn the_encryption_algorithm_is_one_of_three_and_needs_an_active_key() {
        let mut s = state(&["default"]);
        let body = |alg: Value| json!({"name": "default", "audiences": ["api://default"], ENCRYPTION_FIELD: alg});
        for alg in ENCRYPTION_ALGS {
            put(&mut s, body(json!(alg))).unwrap();
            assert_eq!(s.servers["default"].encryption_alg(), Some(alg));
        }
        for bad in [json!("RSA1_5"), json!("rsa-oaep-256"), json!(256)] {
            let err = put(&mut s, body(bad)).unwrap_err();
            assert_eq!(err.causes, [errors::CAUSE_ENCRYPTION_ALG]);
        }
        // Disabling: the field left out (or null).
        put(&mut s, body(Value::Null)).unwrap();
        assert_eq!(s.servers["default"].encryption_alg(), None);
        // Without an ACTIVE key it is refused.
        s.servers.get_mut("default").unwrap().keys[0].status = crate::model::Status::Inactive;
        let err = put(&mut s, body(json!("RSA-OAEP-256"))).unwrap_err();
        assert_eq!(
            causes(err),
            (
                400,
                errors::SERVER_VALIDATION_SUMMARY.into(),
                vec![errors::CAUSE_ENCRYPTION_NEEDS_ACTIVE_KEY.to_string()]
            )
        );
    }

    #[test]
    fn a_jwks_uri_deletes_the_saved_keys_in_either_spelling() {
        for field in ["jwks_uri", "jwksUri"] {
            let mut s = state(&["default"]);
            put(
                &mut s,
                json!({"name": "d", "audiences": ["a"], field: "https://keys.example/jwks"}),
            )
            .unwrap();
            let server = &s.servers["default"];
            assert!(server.keys.is_empty(), "{field}");
            assert_eq!(server.object["jwks_uri"], "https://keys.example/jwks");
            assert!(!server.object.contains_key("jwksUri"));
        }
    }

    #[test]
    fn the_lifetime_comes_from_the_first_active_rule_of_the_first_active_policy() {
        let mut s = state(&["default"]);
        let server = s.servers.get_mut("default").unwrap();
        server.policies[0].object["status"] = json!("INACTIVE");
        assert_eq!(token_lifetime_minutes(server), None);
        server.policies.push(seed::new_policy(
            "p2",
            "p2",
            true,
            2,
            vec![
                seed::new_rule("off", false, 1, 5, T0),
                seed::new_rule("later", true, 3, 30, T0),
                seed::new_rule("first", true, 2, 20, T0),
            ],
            T0,
        ));
        assert_eq!(token_lifetime_minutes(server), Some(20));
        let json = policies_json(server, "default", "http://h");
        assert_eq!(json.as_array().unwrap().len(), 2);
        assert!(json[0].get("rules").is_none());
        let id = json[1]["id"].as_str().unwrap().to_string();
        let rules = rules_json(server, "default", &id, "http://h").unwrap();
        assert_eq!(
            rules[0]["_links"]["activate"]["href"],
            format!(
                "http://h/api/v1/authorizationServers/default/policies/{id}/rules/{}/lifecycle/activate",
                rules[0]["id"].as_str().unwrap()
            )
        );
        assert_eq!(
            rules_json(server, "default", "00pNOPE", "http://h")
                .unwrap_err()
                .summary,
            "Not found: Resource not found: 00pNOPE (Policy)"
        );
    }

    #[test]
    fn a_version_1_state_is_migrated() {
        let v1 = json!({"version": 1, "authorizationServers": {"default": {"keys": []}}});
        let mut s: State = serde_json::from_value(v1).unwrap();
        assert!(seed::migrate(&mut s, T0));
        assert_eq!(s.version, 2);
        assert_eq!(s.servers["default"].object["name"], "default");
        assert_eq!(s.servers["default"].policies.len(), 1);
        assert!(!seed::migrate(&mut s, T1), "a current state is left alone");
    }
}
