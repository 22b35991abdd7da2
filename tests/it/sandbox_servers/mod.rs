//! The sandbox's authorization servers over HTTP: the server objects (list with q, limit,
//! after and Link headers; get; PUT with Okta's rules), policies and rules, and each
//! server's own OAuth endpoints (token: plain RS256 JWTs, and JWEs to the ACTIVE key while
//! encryption is on; keys; metadata).

use crate::common::sandbox::*;
use keymaterial::jwe::{self, ContentEnc, KeyAlg};
use keymaterial::jws::Decoded;
use keymaterial::keys::VerifyingKey;
use keymaterial::secret::Secret;
use oktakeys_sandbox::{
    self as sandbox, BUILTIN_CLIENT_ID, BUILTIN_CLIENT_SECRET, Client, Options, RunningSandbox,
};
use pkcs8::DecodePrivateKey;
use reqwest::Method;
use serde_json::{Value, json};

mod oauth;

const TOKEN: &str = "00sandboxSERVERStoken";
const VALIDATION: &str = "Api validation failed: AuthorizationServer";
const SERVERS: &str = "/api/v1/authorizationServers";

async fn start_with(dir: &std::path::Path, f: impl FnOnce(&mut Options)) -> (RunningSandbox, Api) {
    let mut options = Options::new(dir.join("sandbox.json"));
    options.token = Secret::new(TOKEN);
    f(&mut options);
    let sb = sandbox::start(options).await.unwrap();
    let api = Api::new(&sb.base_url, TOKEN);
    (sb, api)
}

async fn get(api: &Api, path: &str) -> Resp {
    api.call(Method::GET, path, None).await
}

async fn put(api: &Api, server: &str, body: Value) -> Resp {
    api.call(Method::PUT, &format!("{SERVERS}/{server}"), Some(body))
        .await
}

fn links(resp: &Resp) -> Vec<String> {
    resp.headers
        .get_all("link")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

/// The `<…>; rel="next"` URL, if any.
fn next_link(resp: &Resp) -> Option<String> {
    links(resp).iter().find_map(|l| {
        l.strip_suffix("; rel=\"next\"")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
    })
}

/// POST the token endpoint of `server` with a form and optional basic credentials.
async fn token_request(
    base: &str,
    server: &str,
    basic: Option<(&str, &str)>,
    form: &[(&str, &str)],
) -> Resp {
    let mut req = client()
        .post(format!("{base}/oauth2/{server}/v1/token"))
        .header("Accept", "application/json")
        .form(form);
    if let Some((id, secret)) = basic {
        req = req.basic_auth(id, Some(secret));
    }
    let resp = req.send().await.unwrap();
    Resp {
        status: resp.status().as_u16(),
        headers: resp.headers().clone(),
        text: resp.text().await.unwrap(),
    }
}

async fn builtin_token(base: &str, server: &str) -> Value {
    let resp = token_request(
        base,
        server,
        Some((BUILTIN_CLIENT_ID, BUILTIN_CLIENT_SECRET)),
        &[
            ("grant_type", "client_credentials"),
            ("scope", "api:read api:write"),
        ],
    )
    .await;
    assert_eq!(resp.status, 200, "{}", resp.text);
    assert_eq!(resp.header("cache-control"), "no-store");
    resp.json()
}

/// Verify a signed JWT against the server's `/v1/keys` and return it decoded.
async fn verified_jwt(base: &str, server: &str, jwt: &str) -> Decoded {
    let keys = Api::new(base, "")
        .send(
            Method::GET,
            &format!("/oauth2/{server}/v1/keys"),
            None,
            None,
        )
        .await;
    assert_eq!(keys.status, 200);
    let keys = keys.json();
    let decoded = Decoded::parse(jwt).unwrap();
    let kid = decoded.header["kid"].as_str().unwrap();
    let jwk = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid)
        .unwrap_or_else(|| panic!("no key {kid} in {keys}"));
    assert_eq!(
        (jwk["alg"].as_str(), jwk["use"].as_str()),
        (Some("RS256"), Some("sig"))
    );
    decoded
        .verify(&VerifyingKey::from_jwk(jwk).unwrap())
        .unwrap();
    assert_eq!(decoded.alg(), Some("RS256"));
    decoded
}

/// A fresh key pair added to `server` and activated; returns the private key and the kid.
async fn activate_new_key(api: &Api, server: &str, kid: &str) -> rsa::PrivateKey {
    let (pem, public) = keymaterial::generate::generate(2048).unwrap();
    let added = api.add(server, public.request_body(kid)).await;
    assert_eq!(added.status, 201, "{}", added.text);
    let id = added.json()["id"].as_str().unwrap().to_string();
    assert_eq!(api.activate(server, &id).await.status, 200);
    rsa::PrivateKey::from_pkcs8_pem(pem.expose()).unwrap()
}

/// The server object with the encryption algorithm set (or removed with `None`), PUT back.
async fn set_encryption(api: &Api, server: &str, alg: Option<&str>) -> Resp {
    let mut object = get(api, &format!("{SERVERS}/{server}")).await.json();
    match alg {
        Some(alg) => object["accessTokenEncryptedResponseAlgorithm"] = json!(alg),
        None => {
            object
                .as_object_mut()
                .unwrap()
                .remove("accessTokenEncryptedResponseAlgorithm");
        }
    }
    put(api, server, object).await
}

#[tokio::test]
async fn the_list_pages_with_limit_after_and_link_headers_and_filters_with_q() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start_with(dir.path(), |o| {
        o.auth_servers = ["aus1", "aus2", "aus3", "aus4"].map(String::from).to_vec();
    })
    .await;
    let base = &sb.base_url;

    // Three pages of two, by following rel="next".
    let first = get(&api, &format!("{SERVERS}?limit=2")).await;
    assert_eq!(first.status, 200);
    assert_eq!(
        links(&first),
        [
            format!("<{base}{SERVERS}?limit=2>; rel=\"self\""),
            format!("<{base}{SERVERS}?limit=2&after=aus2>; rel=\"next\""),
        ]
    );
    let mut pages = vec![first];
    while let Some(next) = next_link(pages.last().unwrap()) {
        let path = next.strip_prefix(base.as_str()).unwrap().to_string();
        pages.push(get(&api, &path).await);
        assert!(pages.len() <= 3, "more pages than servers");
    }
    let ids: Vec<Vec<String>> = pages
        .iter()
        .map(|p| {
            p.json()
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        ids,
        [vec!["aus1", "aus2"], vec!["aus3", "aus4"], vec!["default"]]
    );
    assert_eq!(
        links(&pages[2]),
        [format!(
            "<{base}{SERVERS}?limit=2&after=aus4>; rel=\"self\""
        )]
    );

    // Without limit: all 5 on one page (default 200), no next.
    let all = get(&api, SERVERS).await;
    assert_eq!(all.json().as_array().unwrap().len(), 5);
    assert_eq!(next_link(&all), None);

    // q: a case-insensitive part of the name or an audience; kept in the next link.
    let mut aus3 = get(&api, &format!("{SERVERS}/aus3")).await.json();
    aus3["name"] = json!("Payments API");
    aus3["audiences"] = json!(["https://pay.example.com"]);
    assert_eq!(put(&api, "aus3", aus3).await.status, 200);
    let found = get(&api, &format!("{SERVERS}?q=PAYMENTS")).await.json();
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["id"], "aus3");
    assert_eq!(
        get(&api, &format!("{SERVERS}?q=pay.example")).await.json()[0]["id"],
        "aus3"
    );
    let aus = get(&api, &format!("{SERVERS}?q=aus&limit=1")).await;
    assert_eq!(
        next_link(&aus),
        Some(format!("{base}{SERVERS}?q=aus&limit=1&after=aus1"))
    );

    // A bad limit is Okta's 400; the list needs the API token.
    assert_error(
        &get(&api, &format!("{SERVERS}?limit=0")).await,
        400,
        "E0000001",
        "Api validation failed: limit",
        &["limit: The value must be a whole number from 1 to 200."],
    );
    let anonymous = api.send(Method::GET, SERVERS, None, None).await;
    assert_error(&anonymous, 401, "E0000011", "Invalid token provided", &[]);
}

#[tokio::test]
async fn get_returns_the_server_object_as_okta_does() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start_with(dir.path(), |_| {}).await;
    let base = &sb.base_url;
    let resp = get(&api, &format!("{SERVERS}/default")).await;
    assert_eq!(resp.status, 200);
    let s = resp.json();
    let signing = &s["credentials"]["signing"];
    for field in ["created", "lastUpdated"] {
        assert!(is_timestamp(s[field].as_str().unwrap()), "{s}");
    }
    for field in ["lastRotated", "nextRotation"] {
        assert!(is_timestamp(signing[field].as_str().unwrap()), "{s}");
    }
    let this = format!("{base}{SERVERS}/default");
    let iss = format!("{base}/oauth2/default");
    assert_eq!(
        s,
        json!({
            "id": "default",
            "name": "default",
            "description": "Default Authorization Server for your Applications",
            "audiences": ["api://default"],
            "issuer": iss,
            "issuerMode": "ORG_URL",
            "status": "ACTIVE",
            "created": s["created"],
            "lastUpdated": s["lastUpdated"],
            "credentials": {"signing": {
                "rotationMode": "AUTO",
                "lastRotated": signing["lastRotated"],
                "nextRotation": signing["nextRotation"],
                "kid": signing["kid"],
            }},
            "_links": {
                "scopes": {"href": format!("{this}/scopes"), "hints": {"allow": ["GET"]}},
                "claims": {"href": format!("{this}/claims"), "hints": {"allow": ["GET"]}},
                "policies": {"href": format!("{this}/policies"), "hints": {"allow": ["GET"]}},
                "self": {"href": this, "hints": {"allow": ["GET", "DELETE", "PUT"]}},
                "metadata": [
                    {"name": "oauth-authorization-server", "href": format!("{iss}/.well-known/oauth-authorization-server"), "hints": {"allow": ["GET"]}},
                    {"name": "openid-configuration", "href": format!("{iss}/.well-known/openid-configuration"), "hints": {"allow": ["GET"]}},
                ],
                "rotateKey": {"href": format!("{this}/credentials/lifecycle/keyRotate"), "hints": {"allow": ["POST"]}},
                "deactivate": {"href": format!("{this}/lifecycle/deactivate"), "hints": {"allow": ["POST"]}},
            },
        })
    );
    // The signing kid is the one /v1/keys serves, and it stays.
    let keys = api
        .send(Method::GET, "/oauth2/default/v1/keys", None, None)
        .await
        .json();
    assert_eq!(keys["keys"][0]["kid"], signing["kid"]);
    assert_eq!(get(&api, &format!("{SERVERS}/default")).await.json(), s);

    assert_error(
        &get(&api, &format!("{SERVERS}/aus404")).await,
        404,
        "E0000007",
        "Not found: Resource not found: aus404 (AuthorizationServer)",
        &[],
    );
}

#[tokio::test]
async fn put_replaces_the_object_and_keeps_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |_| {}).await;
    let before = get(&api, &format!("{SERVERS}/default")).await.json();
    let mut sent = before.clone();
    sent["description"] = json!("changed");
    sent["futureField"] = json!({"nested": [1, 2]});
    sent["default"] = json!(true);
    sent["id"] = json!("ignored");
    sent["created"] = json!("2000-01-01T00:00:00.000Z");
    let resp = put(&api, "default", sent).await;
    assert_eq!(resp.status, 200, "{}", resp.text);
    let after = resp.json();
    assert_eq!(after["description"], "changed");
    assert_eq!(after["futureField"], json!({"nested": [1, 2]}));
    assert_eq!(after["default"], true);
    assert_eq!(
        (&after["id"], &after["created"]),
        (&before["id"], &before["created"])
    );
    assert_eq!(after["credentials"], before["credentials"]);
    assert!(is_timestamp(after["lastUpdated"].as_str().unwrap()));
    // What PUT answered is what GET now gives.
    assert_eq!(get(&api, &format!("{SERVERS}/default")).await.json(), after);

    // PUT replaces: a field left out is gone.
    let mut smaller = after.clone();
    smaller.as_object_mut().unwrap().remove("futureField");
    let again = put(&api, "default", smaller).await.json();
    assert!(again.get("futureField").is_none(), "{again}");
}

#[tokio::test]
async fn put_enforces_okta_s_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |_| {}).await;
    let object = get(&api, &format!("{SERVERS}/default")).await.json();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut o = object.clone();
        f(&mut o);
        o
    };

    assert_error(
        &put(
            &api,
            "default",
            with(&|o| {
                o.as_object_mut().unwrap().remove("name");
                o.as_object_mut().unwrap().remove("audiences");
            }),
        )
        .await,
        400,
        "E0000001",
        VALIDATION,
        &[
            "name: The field cannot be left blank.",
            "audiences: The field cannot be left blank.",
        ],
    );
    assert_error(
        &put(&api, "default", with(&|o| o["audiences"] = json!([]))).await,
        400,
        "E0000001",
        VALIDATION,
        &["audiences: The field cannot be left blank."],
    );
    assert_error(
        &put(
            &api,
            "default",
            with(&|o| o["accessTokenEncryptedResponseAlgorithm"] = json!("RSA1_5")),
        )
        .await,
        400,
        "E0000001",
        VALIDATION,
        &[
            "accessTokenEncryptedResponseAlgorithm: The value must be one of 'RSA-OAEP-256', 'RSA-OAEP-384' or 'RSA-OAEP-512'.",
        ],
    );
    assert_error(
        &api.send(
            Method::PUT,
            &format!("{SERVERS}/default"),
            Some(&format!("SSWS {TOKEN}")),
            Some("{not json"),
        )
        .await,
        400,
        "E0000003",
        "The request body was not well-formed.",
        &[],
    );
    assert_eq!(
        get(&api, &format!("{SERVERS}/default")).await.json(),
        object,
        "nothing changed"
    );

    // The algorithm needs an ACTIVE key.
    let key = api.list("default").await.json()[0].clone();
    assert_eq!(
        api.deactivate("default", key["id"].as_str().unwrap())
            .await
            .status,
        200
    );
    assert_error(
        &set_encryption(&api, "default", Some("RSA-OAEP-256")).await,
        400,
        "E0000001",
        VALIDATION,
        &[
            "You cannot enable access token encryption without an 'ACTIVE' key. Add a key and activate it before you enable access token encryption.",
        ],
    );

    // Switching to a jwks_uri (the guide's spelling is accepted) deletes the saved keys.
    let resp = put(
        &api,
        "default",
        with(&|o| o["jwksUri"] = json!("https://keys.example.com/jwks.json")),
    )
    .await;
    assert_eq!(resp.status, 200, "{}", resp.text);
    assert_eq!(
        resp.json()["jwks_uri"],
        "https://keys.example.com/jwks.json"
    );
    assert!(resp.json().get("jwksUri").is_none());
    assert_eq!(api.list("default").await.json(), json!([]));
}

#[tokio::test]
async fn the_active_key_cannot_be_deactivated_while_the_server_encrypts() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |_| {}).await;
    let key = api.list("default").await.json()[0].clone();
    let id = key["id"].as_str().unwrap();
    let on = set_encryption(&api, "default", Some("RSA-OAEP-384")).await;
    assert_eq!(on.status, 200, "{}", on.text);
    assert_eq!(
        on.json()["accessTokenEncryptedResponseAlgorithm"],
        "RSA-OAEP-384"
    );
    assert_error(
        &api.deactivate("default", id).await,
        400,
        "E0000001",
        "Api validation failed: JsonWebKey",
        &["You cannot deactivate the active key when access token encryption is enabled."],
    );
    // Encryption off (a PUT without the field): the key may be deactivated.
    let off = set_encryption(&api, "default", None).await;
    assert!(
        off.json()
            .get("accessTokenEncryptedResponseAlgorithm")
            .is_none()
    );
    assert_eq!(api.deactivate("default", id).await.status, 200);
}

#[tokio::test]
async fn policies_and_rules_carry_the_token_lifetime() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start_with(dir.path(), |o| o.token_lifetime_minutes = Some(15)).await;
    let base = &sb.base_url;
    // A test may add policies to the state file, even while the sandbox serves it.
    let extra = sandbox::add_policy(
        &sb.state_file,
        "default",
        &sandbox::PolicySpec {
            name: "Long".into(),
            active: true,
            priority: 2,
            rules: vec![
                sandbox::RuleSpec {
                    name: "day".into(),
                    active: true,
                    priority: 1,
                    lifetime_minutes: 1440,
                },
                sandbox::RuleSpec {
                    name: "off".into(),
                    active: false,
                    priority: 2,
                    lifetime_minutes: 5,
                },
            ],
        },
    )
    .unwrap();
    let policies = get(&api, &format!("{SERVERS}/default/policies")).await;
    assert_eq!(policies.status, 200);
    let policies = policies.json();
    assert_eq!(policies.as_array().unwrap().len(), 2);
    let p = &policies[0];
    let pid = p["id"].as_str().unwrap();
    assert!(pid.starts_with("00p") && pid.len() == 20, "{pid}");
    let this = format!("{base}{SERVERS}/default/policies/{pid}");
    assert_eq!(
        p,
        &json!({
            "type": "OAUTH_AUTHORIZATION_POLICY", "id": pid, "status": "ACTIVE",
            "name": "Default Policy", "description": "Default policy for every client",
            "priority": 1, "system": false,
            "conditions": {"clients": {"include": ["ALL_CLIENTS"]}},
            "created": p["created"], "lastUpdated": p["lastUpdated"],
            "_links": {
                "self": {"href": this, "hints": {"allow": ["GET", "PUT", "DELETE"]}},
                "deactivate": {"href": format!("{this}/lifecycle/deactivate"), "hints": {"allow": ["POST"]}},
                "rules": {"href": format!("{this}/rules"), "hints": {"allow": ["GET"]}},
            },
        })
    );
    assert_eq!(policies[1]["id"], extra);
    let rules = get(&api, &format!("{SERVERS}/default/policies/{pid}/rules"))
        .await
        .json();
    assert_eq!(rules.as_array().unwrap().len(), 1);
    assert_eq!(rules[0]["type"], "RESOURCE_ACCESS");
    assert_eq!(rules[0]["status"], "ACTIVE");
    assert_eq!(
        rules[0]["actions"]["token"]["accessTokenLifetimeMinutes"],
        15
    );
    let rid = rules[0]["id"].as_str().unwrap();
    assert_eq!(
        rules[0]["_links"]["self"]["href"],
        format!("{this}/rules/{rid}")
    );
    let extra_rules = get(&api, &format!("{SERVERS}/default/policies/{extra}/rules"))
        .await
        .json();
    let lifetimes: Vec<(&str, &Value)> = extra_rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["status"].as_str().unwrap(),
                &r["actions"]["token"]["accessTokenLifetimeMinutes"],
            )
        })
        .collect();
    assert_eq!(
        lifetimes,
        [("ACTIVE", &json!(1440)), ("INACTIVE", &json!(5))]
    );
    assert_eq!(
        extra_rules[1]["_links"]["activate"]["href"],
        format!(
            "{base}{SERVERS}/default/policies/{extra}/rules/{}/lifecycle/activate",
            extra_rules[1]["id"].as_str().unwrap()
        )
    );

    // The token gets the lifetime of the first policy's rule.
    let token = builtin_token(base, "default").await;
    assert_eq!(token["expires_in"], 15 * 60);

    assert_error(
        &get(&api, &format!("{SERVERS}/default/policies/00pNOPE/rules")).await,
        404,
        "E0000007",
        "Not found: Resource not found: 00pNOPE (Policy)",
        &[],
    );
    assert_eq!(
        get(&api, &format!("{SERVERS}/aus404/policies"))
            .await
            .status,
        404
    );
}
