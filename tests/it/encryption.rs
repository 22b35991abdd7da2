//! Access-token encryption against a mock Okta: `servers list|get|encryption`, `token
//! decrypt`, `keys verify`, `keys match`, and `--auth-server` by name. Tokens are made
//! here with key material's JWE and JWS and a test RSA key; every test checks the exact
//! request, output and exit code, and that no secret reaches either stream.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::common::*;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use httpmock::prelude::*;
use keymaterial::jwe::{self, ContentEnc, KeyAlg};
use keymaterial::keys::{DecryptionKey, SigningKey};
use keymaterial::secret::Secret;
use serde_json::{Map, Value, json};

/// The resource server's key: the test RSA key of the fixtures.
const ENC_PEM: &str = include_str!("../fixtures/service-app-rsa.pkcs8.pem");
const ENC_PKCS1: &str = include_str!("../fixtures/service-app-rsa.pkcs1.pem");
const ENC_JWK: &str = include_str!("../fixtures/service-app-rsa.jwk.json");
const EC_PEM: &str = include_str!("../fixtures/service-app-ec.pkcs8.pem");
const CLIENT_ID: &str = "0oaCLIENTtest123";
const CLIENT_SECRET: &str = "cs-TESTsecretDoNotLeak-91b3";
const ACTIVE_ID: &str = "apk2f4zrZbs8nUa7p0g4";
const INACTIVE_ID: &str = "apk33a45xfjbDfg6D0g5";
const SIGNING_KID: &str = "sig-kid-1";

/// A second RSA key pair, made once per test run: "another key".
fn other_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| {
        let (pem, _) = keymaterial::generate::generate(2048).unwrap();
        pem.expose().to_string()
    })
}

/// The authorization server's signing key (RS256), made once per test run.
fn signing_key() -> &'static SigningKey {
    static KEY: OnceLock<SigningKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let (pem, _) = keymaterial::generate::generate(2048).unwrap();
        SigningKey::parse(&pem, "signing").unwrap().key
    })
}

fn decryption_key(pem: &str) -> DecryptionKey {
    DecryptionKey::parse(&Secret::new(pem), "key").unwrap()
}

fn public_members(pem: &str) -> (String, String) {
    let jwk = decryption_key(pem).public_jwk();
    (
        jwk["n"].as_str().unwrap().to_string(),
        jwk["e"].as_str().unwrap().to_string(),
    )
}

fn issuer(base: &str) -> String {
    format!("{base}/oauth2/{SERVER}")
}

fn now() -> i64 {
    keymaterial::jws::now_secs()
}

/// The inner JWT, signed with the server's signing key.
fn inner_jwt(iss: &str, exp: i64) -> String {
    let mut header = Map::new();
    header.insert("kid".into(), json!(SIGNING_KID));
    header.insert("typ".into(), json!("JWT"));
    let claims = json!({
        "ver": 1, "jti": "AT.test", "iss": iss, "aud": "api://payments",
        "iat": now() - 10, "exp": exp, "cid": CLIENT_ID, "scp": ["api:read"], "sub": CLIENT_ID
    });
    keymaterial::jws::sign(signing_key(), header, &claims)
        .expose()
        .to_string()
}

/// `jwt` encrypted to `pem`'s public half, with `kid` in the header.
fn encrypt_to(pem: &str, jwt: &str, alg: KeyAlg, enc: ContentEnc, kid: &str) -> String {
    let key = decryption_key(pem);
    let mut header = Map::new();
    header.insert("kid".into(), json!(kid));
    header.insert("cty".into(), json!("JWT"));
    jwe::encrypt(
        jwt.as_bytes(),
        &key.private_key().to_public_key(),
        alg,
        enc,
        header,
    )
    .unwrap()
}

fn good_token(base: &str) -> String {
    encrypt_to(
        ENC_PEM,
        &inner_jwt(&issuer(base), now() + 3600),
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        "enc-active",
    )
}

/// A server object as Okta returns it, with fields oktakeys knows nothing of.
fn okta_server(base: &str, id: &str, name: &str, alg: Option<&str>) -> Value {
    let mut server = json!({
        "id": id,
        "name": name,
        "description": "Payments API",
        "audiences": ["api://payments"],
        "issuer": format!("{base}/oauth2/{id}"),
        "issuerMode": "ORG_URL",
        "status": "ACTIVE",
        "created": "2024-01-02T03:04:05.000Z",
        "lastUpdated": "2024-06-07T08:09:10.000Z",
        "credentials": {"signing": {"rotationMode": "AUTO", "kid": SIGNING_KID, "futureSigningField": 7}},
        "futureField": {"nested": [1, 2, 3]},
        "_links": {"self": {"href": format!("{base}/api/v1/authorizationServers/{id}")}}
    });
    if let Some(alg) = alg {
        server["accessTokenEncryptedResponseAlgorithm"] = json!(alg);
    }
    server
}

fn server_path(id: &str) -> String {
    format!("/api/v1/authorizationServers/{id}")
}

/// The server's keys: the ACTIVE one is `ENC_PEM`'s public half (kid `enc-active`), the
/// INACTIVE one another key's (kid `enc-old`).
fn okta_keys(base: &str) -> Value {
    let mut active = okta_key(base, ACTIVE_ID, "enc-active", "ACTIVE", 1);
    let (n, e) = public_members(ENC_PEM);
    active["n"] = json!(n);
    active["e"] = json!(e);
    let mut inactive = okta_key(base, INACTIVE_ID, "enc-old", "INACTIVE", 2);
    let (n, e) = public_members(other_pem());
    inactive["n"] = json!(n);
    inactive["e"] = json!(e);
    json!([active, inactive])
}

fn jwks() -> Value {
    let mut jwk = signing_key().public_jwk();
    jwk["kid"] = json!(SIGNING_KID);
    jwk["alg"] = json!("RS256");
    jwk["use"] = json!("sig");
    json!({ "keys": [jwk] })
}

/// GET server, its keys, and its /v1/keys.
fn mock_server(server: &MockServer, alg: Option<&str>) {
    let base = server.base_url();
    let body = okta_server(&base, SERVER, "payments", alg);
    server.mock(|when, then| {
        when.method(GET).path(server_path(SERVER));
        then.status(200).json_body(body);
    });
    let keys = okta_keys(&base);
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(keys);
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/oauth2/{SERVER}/v1/keys"))
            .header_missing("authorization");
        then.status(200).json_body(jwks());
    });
}

fn write_key(env: &TestEnv, name: &str, text: &str, mode: u32) -> PathBuf {
    let path = env.path(name);
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = mode;
    path
}

/// Run, and check that no secret appears on either stream: the API token (by `run`), the
/// client secret, the tokens given, and any private key material.
fn run_clean(cmd: &mut assert_cmd::Command, tokens: &[&str]) -> Run {
    let out = run(cmd);
    let both = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        !both.contains(CLIENT_SECRET),
        "client secret leaked:\n{both}"
    );
    for token in tokens {
        assert!(!both.contains(token), "a token leaked:\n{both}");
        // Nor its parts (the encrypted key, ciphertext, tag, signature).
        for part in token.split('.').skip(1).filter(|p| p.len() > 16) {
            assert!(!both.contains(part), "part of a token leaked:\n{both}");
        }
    }
    let private: Value = serde_json::from_str(ENC_JWK).unwrap();
    for member in ["d", "p", "q", "dp", "dq", "qi"] {
        let value = private[member].as_str().unwrap();
        assert!(
            !both.contains(&value[..24]),
            "private member {member} leaked"
        );
    }
    assert!(!both.contains("PRIVATE KEY"), "a PEM leaked:\n{both}");
    out
}

#[track_caller]
fn assert_has(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in:\n{text}");
}

#[track_caller]
fn assert_starts(text: &str, start: &str) {
    assert!(text.starts_with(start), "{start:?} does not start:\n{text}");
}

// ---------------------------------------------------------------------------------------
// servers list

fn two_pages(server: &MockServer) -> (Value, Value) {
    let base = server.base_url();
    let page1 = json!([
        okta_server(
            &base,
            "ausAAAAAAAAAAAAAAAAA",
            "payments",
            Some("RSA-OAEP-256")
        ),
        okta_server(&base, "default", "default", None),
    ]);
    let mut url_keys = okta_server(&base, "ausBBBBBBBBBBBBBBBBB", "orders", None);
    url_keys["jwks_uri"] = json!("https://keys.example/jwks.json");
    let page2 = json!([url_keys]);
    let next = format!("<{base}/api/v1/authorizationServers?after=default&limit=2>; rel=\"next\"");
    let (p1, p2) = (page1.clone(), page2.clone());
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param_missing("after")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).header("link", next).json_body(p1);
    });
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("after", "default")
            .query_param("limit", "2");
        then.status(200).json_body(p2);
    });
    (page1, page2)
}

#[test]
fn servers_list_follows_the_pages_and_prints_a_table() {
    let server = MockServer::start();
    two_pages(&server);
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base = server.base_url();
    let expected = [
        "ID                    NAME      STATUS  ENCRYPTION    KEYS   ISSUER".to_string(),
        format!(
            "ausAAAAAAAAAAAAAAAAA  payments  ACTIVE  RSA-OAEP-256  saved  {base}/oauth2/ausAAAAAAAAAAAAAAAAA"
        ),
        format!(
            "default               default   ACTIVE  off           saved  {base}/oauth2/default"
        ),
        format!(
            "ausBBBBBBBBBBBBBBBBB  orders    ACTIVE  off           url    {base}/oauth2/ausBBBBBBBBBBBBBBBBB"
        ),
    ];
    assert_eq!(stdout(&out), format!("{}\n", expected.join("\n")));
    assert_eq!(stderr(&out), "");
}

#[test]
fn servers_list_json_is_every_page_as_received_and_id_the_ids() {
    let server = MockServer::start();
    let (page1, page2) = two_pages(&server);
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list", "-o", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut all = page1.as_array().unwrap().clone();
    all.extend(page2.as_array().unwrap().clone());
    assert_eq!(
        stdout(&out),
        format!("{}\n", serde_json::to_string(&all).unwrap())
    );
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list", "-o", "id"]));
    assert_eq!(
        stdout(&out),
        "ausAAAAAAAAAAAAAAAAA\ndefault\nausBBBBBBBBBBBBBBBBB\n"
    );
}

#[test]
fn servers_list_query_is_sent_as_q_and_an_empty_list_is_success() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("q", "pay ments");
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out =
        run(env
            .cmd_with_org(&server.base_url())
            .args(["servers", "list", "--query", "pay ments"]));
    mock.assert();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "No authorization servers.\n");
}

#[test]
fn a_next_link_already_followed_ends_the_list_with_an_error() {
    let server = MockServer::start();
    let base = server.base_url();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200)
            .header(
                "link",
                format!("<{base}/api/v1/authorizationServers?after=x>; rel=\"next\""),
            )
            .json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args(["servers", "list"]));
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    mock.assert_calls(2);
    assert_has(
        &stderr(&out),
        "the authorization server list of the org links back to a page already read",
    );
}

// ---------------------------------------------------------------------------------------
// servers get

#[test]
fn servers_get_shows_encryption_the_active_key_and_the_longest_lifetime() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let rule = |id: &str, status: &str, minutes: u64| {
        json!({"id": id, "status": status, "type": "RESOURCE_ACCESS",
               "actions": {"token": {"accessTokenLifetimeMinutes": minutes, "refreshTokenLifetimeMinutes": 0}}})
    };
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies", server_path(SERVER)));
        then.status(200).json_body(json!([
            {"id": "00pActive1", "status": "ACTIVE", "name": "a"},
            {"id": "00pInactive", "status": "INACTIVE", "name": "b"},
            {"id": "00pActive2", "status": "ACTIVE", "name": "c"}
        ]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies/00pActive1/rules", server_path(SERVER)));
        then.status(200).json_body(json!([
            rule("0pr1", "ACTIVE", 60),
            rule("0pr2", "INACTIVE", 1440)
        ]));
    });
    let inactive_policy = server.mock(|when, then| {
        when.method(GET).path(format!(
            "{}/policies/00pInactive/rules",
            server_path(SERVER)
        ));
        then.status(200)
            .json_body(json!([rule("0pr3", "ACTIVE", 1000)]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies/00pActive2/rules", server_path(SERVER)));
        then.status(200).json_body(json!([
            rule("0pr4", "ACTIVE", 120),
            {"id": "0pr5", "status": "ACTIVE", "actions": {}}
        ]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "get", SERVER]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    inactive_policy.assert_calls(0);
    let base = server.base_url();
    let expected = format!(
        "ID                    NAME      STATUS  ENCRYPTION    KEYS   ISSUER\n\
         {SERVER}  payments  ACTIVE  RSA-OAEP-256  saved  {base}/oauth2/{SERVER}\n\
         \n\
         Encryption:                    RSA-OAEP-256 (access tokens are encrypted to the ACTIVE key)\n\
         Active key:                    {ACTIVE_ID} (kid enc-active), active since 2023-04-06T21:32:33.000Z\n\
         Keys:                          2 saved\n\
         Longest access-token lifetime: 120 minutes (over the ACTIVE rules of ACTIVE policies)\n"
    );
    assert_eq!(stdout(&out), expected);

    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "get", SERVER, "-o", "json"]));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        okta_server(&base, SERVER, "payments", Some("RSA-OAEP-256"))
    );
}

// ---------------------------------------------------------------------------------------
// servers encryption enable|disable

#[test]
fn enable_puts_back_the_whole_object_with_only_the_algorithm_changed() {
    let server = MockServer::start();
    mock_server(&server, None);
    let base = server.base_url();
    let mut expected = okta_server(&base, SERVER, "payments", None);
    expected["accessTokenEncryptedResponseAlgorithm"] = json!("RSA-OAEP-512");
    let answer = expected.clone();
    let put = server.mock(|when, then| {
        when.method(PUT)
            .path(server_path(SERVER))
            .header("content-type", "application/json")
            .json_body(expected);
        then.status(200).json_body(answer);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        SERVER,
        "--alg",
        "RSA-OAEP-512",
    ]));
    put.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_has(&stdout(&out), "RSA-OAEP-512");
    assert_starts(
        &stderr(&out),
        &format!(
            "Access-token encryption on authorization server {SERVER}: RSA-OAEP-512 (was off)."
        ),
    );
}

#[test]
fn disable_puts_back_the_object_without_the_field() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let expected = okta_server(&base, SERVER, "payments", None);
    let answer = expected.clone();
    let put = server.mock(|when, then| {
        when.method(PUT)
            .path(server_path(SERVER))
            .json_body(expected);
        then.status(200).json_body(answer);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "disable",
        "--auth-server",
        SERVER,
        "-o",
        "json",
    ]));
    put.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        okta_server(&base, SERVER, "payments", None)
    );
}

#[test]
fn enable_dry_run_prints_the_put_and_sends_none() {
    let server = MockServer::start();
    mock_server(&server, None);
    let base = server.base_url();
    let put = server.mock(|when, then| {
        when.method(PUT);
        then.status(500);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        SERVER,
        "--dry-run",
        "-o",
        "json",
    ]));
    put.assert_calls(0);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut body = okta_server(&base, SERVER, "payments", None);
    body["accessTokenEncryptedResponseAlgorithm"] = json!("RSA-OAEP-256");
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        json!({"dryRun": true, "method": "PUT", "url": format!("{base}{}", server_path(SERVER)), "body": body})
    );
    assert_eq!(
        stderr(&out),
        "accessTokenEncryptedResponseAlgorithm: off → RSA-OAEP-256 (every other field unchanged)\n"
    );
}

#[test]
fn enabling_without_an_active_key_is_refused_before_and_after_okta() {
    let server = MockServer::start();
    let base = server.base_url();
    let body = okta_server(&base, SERVER, "payments", None);
    server.mock(|when, then| {
        when.method(GET).path(server_path(SERVER));
        then.status(200).json_body(body);
    });
    let mut keys = okta_keys(&base);
    keys[0]["status"] = json!("INACTIVE");
    let mut keys_mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(keys);
    });
    let put = server.mock(|when, then| {
        when.method(PUT).path(server_path(SERVER));
        then.status(400).json_body(okta_error(
            "E0000001",
            "Api validation failed: accessTokenEncryptedResponseAlgorithm",
            &["An active encryption key is required to enable access token encryption."],
        ));
    });
    let env = TestEnv::new();
    let args = ["servers", "encryption", "enable", "--auth-server", SERVER];
    let out = run(env.cmd_with_org(&base).args(args));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    put.assert_calls(0);
    assert_eq!(
        stderr(&out),
        format!(
            "error: authorization server {SERVER} has no ACTIVE key, and access tokens can only be encrypted to one; nothing was sent\n  \
             hint: activate a key first: `oktakeys keys activate --auth-server {SERVER} KEY_ID` (`oktakeys keys list --auth-server {SERVER}` shows the keys; `oktakeys keys add` adds one)\n"
        )
    );

    // Okta refuses too (the key was deactivated after oktakeys looked): the same hint.
    keys_mock.delete();
    let keys = okta_keys(&base);
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(keys);
    });
    let out = run(env.cmd_with_org(&base).args(args));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    put.assert_calls(1);
    let err = stderr(&out);
    assert!(
        err.contains("An active encryption key is required"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "hint: activate a key first: `oktakeys keys activate --auth-server {SERVER} KEY_ID`"
        )),
        "{err}"
    );
}

#[test]
fn deactivating_the_active_key_while_encryption_is_on_says_to_activate_another() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST)
            .path(keys_path(&format!("/{ACTIVE_ID}/lifecycle/deactivate")));
        then.status(400).json_body(okta_error(
            "E0000001",
            "Api validation failed: JsonWebKey",
            &["You cannot deactivate the active key when access token encryption is enabled."],
        ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "deactivate",
        "--auth-server",
        SERVER,
        ACTIVE_ID,
    ]));
    assert_eq!(out.status.code(), Some(6));
    assert_has(
        &stderr(&out),
        "hint: activate another key instead: that deactivates this one",
    );
}

// ---------------------------------------------------------------------------------------
// --auth-server by name

/// `payments` is not an id (404); the list searched with `q` holds the servers `named`.
fn mock_name_lookup(server: &MockServer, value: &str, named: Value) {
    let value = value.to_string();
    server.mock(|when, then| {
        when.method(GET).path(server_path(&value));
        then.status(404).json_body(okta_error(
            "E0000007",
            &format!("Not found: Resource not found: {value} (AuthorizationServer)"),
            &[],
        ));
    });
    let q = value.clone();
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("q", q);
        then.status(200).json_body(named);
    });
}

#[test]
fn auth_server_is_found_by_its_exact_name_ignoring_case() {
    let server = MockServer::start();
    let base = server.base_url();
    mock_server(&server, Some("RSA-OAEP-256"));
    mock_name_lookup(
        &server,
        "Payments",
        json!([
            okta_server(&base, "ausOTHERxxxxxxxxxxxx", "payments-staging", None),
            okta_server(&base, SERVER, "payments", Some("RSA-OAEP-256"))
        ]),
    );
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&base)
        .args(["servers", "get", "Payments", "-o", "id"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{SERVER}\n"));

    // The keys commands too: their own 404, then the name.
    let keys_404 = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/Payments/resourceservercredentials/keys");
        then.status(404)
            .json_body(okta_error("E0000007", "Not found", &[]));
    });
    let out = run(env.cmd_with_org(&base).args([
        "keys",
        "list",
        "--auth-server",
        "Payments",
        "-o",
        "id",
    ]));
    keys_404.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{ACTIVE_ID}\n{INACTIVE_ID}\n"));
}

#[test]
fn no_server_of_that_id_or_name_is_exit_5_naming_servers_list() {
    let server = MockServer::start();
    mock_name_lookup(
        &server,
        "payments",
        json!([okta_server(
            &server.base_url(),
            SERVER,
            "payments-old",
            None
        )]),
    );
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        "payments",
    ]));
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        "hint: no authorization server has the id or the name \"payments\": `oktakeys servers list` shows them",
    );
}

#[test]
fn a_name_several_servers_share_is_a_usage_error_listing_their_ids() {
    let server = MockServer::start();
    let base = server.base_url();
    mock_name_lookup(
        &server,
        "payments",
        json!([
            okta_server(&base, "ausONExxxxxxxxxxxxxx", "payments", None),
            okta_server(&base, "ausTWOxxxxxxxxxxxxxx", "PAYMENTS", None)
        ]),
    );
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args(["servers", "get", "payments"]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: 2 authorization servers are named \"payments\": ausONExxxxxxxxxxxxxx (\"payments\"), \
         ausTWOxxxxxxxxxxxxxx (\"PAYMENTS\"); pass the id to --auth-server\n"
    );
}

// ---------------------------------------------------------------------------------------
// token decrypt

fn decrypt_cmd(env: &TestEnv, key: &PathBuf, token: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.arg("token")
        .arg("decrypt")
        .arg("--private-key")
        .arg(key)
        .arg("-")
        .write_stdin(format!("{token}\n"));
    cmd
}

#[test]
fn every_algorithm_pair_decrypts_to_the_headers_and_claims() {
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let jwt = inner_jwt("https://acme.okta.com/oauth2/aus1", 2_000_000_000);
    let jwt_parts: Vec<&str> = jwt.split('.').collect();
    let decode = |part: &str| -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    };
    for alg in KeyAlg::ALL {
        for enc in ContentEnc::ALL {
            let token = encrypt_to(ENC_PEM, &jwt, alg, enc, "enc-active");
            let out = run_clean(
                decrypt_cmd(&env, &key, &token).args(["-o", "json"]),
                &[&token, &jwt],
            );
            assert_eq!(out.status.code(), Some(0), "{alg} {enc}: {}", stderr(&out));
            assert_eq!(
                serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
                json!({
                    "header": {"kid": "enc-active", "cty": "JWT", "alg": alg.as_str(), "enc": enc.as_str()},
                    "jwt_header": decode(jwt_parts[0]),
                    "claims": decode(jwt_parts[1]),
                }),
                "{alg} {enc}"
            );
        }
    }
}

#[test]
fn decrypt_shows_headers_and_claims_for_people_from_pem_pkcs1_or_jwk() {
    let env = TestEnv::new();
    let jwt = inner_jwt("https://acme.okta.com/oauth2/aus1", 2_000_000_000);
    let token = encrypt_to(
        ENC_PEM,
        &jwt,
        KeyAlg::RsaOaep384,
        ContentEnc::A128CbcHs256,
        "k1",
    );
    for (name, text) in [
        ("a.pem", ENC_PEM),
        ("b.pem", ENC_PKCS1),
        ("c.json", ENC_JWK),
    ] {
        let key = write_key(&env, name, text, 0o600);
        let mut cmd = env.cmd();
        cmd.args(["token", "decrypt", "--private-key"])
            .arg(&key)
            .arg(&token);
        let out = run_clean(&mut cmd, &[&jwt]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with(
                "JWE header:\n{\n  \"kid\": \"k1\",\n  \"cty\": \"JWT\",\n  \"alg\": \"RSA-OAEP-384\",\n  \"enc\": \"A128CBC-HS256\"\n}\nJWT header:\n{\n  \"kid\": \"sig-kid-1\",\n  \"typ\": \"JWT\",\n  \"alg\": \"RS256\"\n}\nClaims:\n{\n  \"ver\": 1,"
            ),
            "{name}: {text}"
        );
        assert!(
            text.contains("  \"cid\": \"0oaCLIENTtest123\",\n"),
            "{text}"
        );
        assert_eq!(stderr(&out), "");
    }
}

/// A token whose header names `header`, with parts that are valid base64url.
fn token_with_header(header: Value) -> String {
    let h = URL_SAFE_NO_PAD.encode(header.to_string());
    format!("{h}.AAAAAAAA.AAAAAAAAAAAAAAAA.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")
}

#[test]
fn refused_algorithms_a_bad_tag_another_key_and_a_plain_jwt_are_exit_10() {
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    for (header, expected) in [
        (
            json!({"alg": "RSA1_5", "enc": "A128GCM"}),
            "error: refused: the token's key-management algorithm (alg) \"RSA1_5\" is not supported (RSAES-PKCS1-v1_5 is refused)",
        ),
        (
            json!({"alg": "RSA-OAEP", "enc": "A256GCM"}),
            "error: refused: the token's key-management algorithm (alg) \"RSA-OAEP\" is not supported (RSA-OAEP with SHA-1 is refused)",
        ),
        (
            json!({"alg": "dir", "enc": "A256GCM"}),
            "error: refused: the token's key-management algorithm (alg) \"dir\" is not supported",
        ),
        (
            json!({"alg": "RSA-OAEP-256", "enc": "A128CBC"}),
            "error: refused: the token's content encryption (enc) \"A128CBC\" is not supported",
        ),
    ] {
        let token = token_with_header(header);
        let out = run_clean(&mut decrypt_cmd(&env, &key, &token), &[]);
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert_starts(&stderr(&out), expected);
        assert_eq!(stdout(&out), "");
    }

    let jwt = inner_jwt("https://acme.okta.com/oauth2/aus1", 2_000_000_000);
    let good = encrypt_to(
        ENC_PEM,
        &jwt,
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        "enc-active",
    );
    // One bit of the tag flipped.
    let mut parts: Vec<String> = good.split('.').map(str::to_string).collect();
    let mut tag = URL_SAFE_NO_PAD.decode(&parts[4]).unwrap();
    tag[0] ^= 1;
    parts[4] = URL_SAFE_NO_PAD.encode(tag);
    let tampered = parts.join(".");
    let for_other = encrypt_to(
        other_pem(),
        &jwt,
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        "enc-old",
    );
    let file = key.display().to_string();
    for (token, kid) in [(&tampered, "enc-active"), (&for_other, "enc-old")] {
        let out = run_clean(&mut decrypt_cmd(&env, &key, token), &[token, &jwt]);
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!(
                "error: the token does not decrypt with the private key in {file} (the token's kid is \"{kid}\")\n  \
                 hint: the token was encrypted to another key (Okta encrypts to the server's ACTIVE key): \
                 `oktakeys keys match --auth-server ID --private-key FILE` shows which key FILE is\n"
            )
        );
    }

    let out = run_clean(&mut decrypt_cmd(&env, &key, &jwt), &[&jwt]);
    assert_eq!(out.status.code(), Some(10));
    assert_eq!(
        stderr(&out),
        "error: the token is a signed JWT, not a JWE: access-token encryption is off\n  \
         hint: turn it on with `oktakeys servers encryption enable --auth-server ID`\n"
    );
}

#[test]
fn unusable_private_keys_are_exit_3_before_anything_else() {
    let env = TestEnv::new();
    let loose = write_key(&env, "loose.pem", ENC_PEM, 0o644);
    let ec = write_key(&env, "ec.pem", EC_PEM, 0o600);
    let token = token_with_header(json!({"alg": "RSA-OAEP-256", "enc": "A256GCM"}));
    let out = run_clean(&mut decrypt_cmd(&env, &loose, &token), &[]);
    assert_eq!(out.status.code(), Some(3));
    if cfg!(unix) {
        assert_eq!(
            stderr(&out),
            format!(
                "error: the private key file {0} is readable by others (mode 644); refusing to use it\n  \
                 hint: run `chmod 600 {0}`\n",
                loose.display()
            )
        );
    }
    let out = run_clean(&mut decrypt_cmd(&env, &ec, &token), &[]);
    assert_eq!(out.status.code(), Some(3));
    assert_has(
        &stderr(&out),
        "is an EC key; access tokens are encrypted to RSA keys",
    );
}

#[test]
fn decrypt_with_auth_server_checks_signature_issuer_and_expiry() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let run_with = |token: &str| {
        let mut cmd = env.cmd_with_org(&base);
        cmd.args(["token", "decrypt", "--auth-server", SERVER, "--private-key"])
            .arg(&key)
            .arg("-")
            .write_stdin(token.to_string());
        run_clean(&mut cmd, &[token])
    };
    let out = run_with(&good_token(&base));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_starts(&stdout(&out), "JWE header:\n");
    // Nothing secret in the log of every exchange either.
    let token = good_token(&base);
    let mut cmd = env.cmd_with_org(&base);
    cmd.args([
        "-vvv",
        "token",
        "decrypt",
        "--auth-server",
        SERVER,
        "--private-key",
    ])
    .arg(&key)
    .arg("-")
    .write_stdin(token.clone());
    let logged = run_clean(&mut cmd, &[&token]);
    assert_eq!(logged.status.code(), Some(0));
    assert_has(
        &stderr(&logged),
        &format!("> GET {base}/oauth2/{SERVER}/v1/keys"),
    );
    assert_starts(
        &stderr(&out),
        &format!(
            "Verified against authorization server {SERVER}: signature (signing key \"{SIGNING_KID}\"), iss \"{}\", exp (in ",
            issuer(&base)
        ),
    );

    // Signed by another key (a forged token), with the server's kid.
    let forged = {
        let other = SigningKey::parse(&Secret::new(other_pem()), "other")
            .unwrap()
            .key;
        let mut header = Map::new();
        header.insert("kid".into(), json!(SIGNING_KID));
        let claims = json!({"iss": issuer(&base), "exp": now() + 3600});
        keymaterial::jws::sign(&other, header, &claims)
            .expose()
            .to_string()
    };
    let cases = [
        (
            forged,
            "error: the signature check failed: the JWT has a signature that does not verify",
        ),
        (
            inner_jwt("https://evil.example/oauth2/default", now() + 3600),
            "error: the issuer check failed: iss is \"https://evil.example/oauth2/default\", not the server's issuer",
        ),
        (
            inner_jwt(&issuer(&base), now() - 120),
            "error: the expiry check failed: the token expired ",
        ),
    ];
    for (jwt, expected) in cases {
        let token = encrypt_to(
            ENC_PEM,
            &jwt,
            KeyAlg::RsaOaep256,
            ContentEnc::A256Gcm,
            "enc-active",
        );
        let out = run_with(&token);
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert_starts(&stderr(&out), expected);
        assert_eq!(stdout(&out), "", "nothing unverified is shown");
    }
}

// ---------------------------------------------------------------------------------------
// keys verify

fn verify_cmd(env: &TestEnv, base: &str, key: &PathBuf) -> assert_cmd::Command {
    let mut cmd = env.cmd_with_org(base);
    cmd.env("OKTAKEYS_CLIENT_SECRET", CLIENT_SECRET)
        .args([
            "keys",
            "verify",
            "--auth-server",
            SERVER,
            "--client-id",
            CLIENT_ID,
        ])
        .args(["--scope", "api:read", "--private-key"])
        .arg(key);
    cmd
}

fn mock_token<'a>(server: &'a MockServer, token: &str) -> httpmock::Mock<'a> {
    let basic =
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    let body = json!({"token_type": "Bearer", "expires_in": 3600, "access_token": token, "scope": "api:read"});
    server.mock(|when, then| {
        when.method(POST)
            .path(format!("/oauth2/{SERVER}/v1/token"))
            .header("authorization", format!("Basic {basic}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("grant_type=client_credentials&scope=api%3Aread");
        then.status(200).json_body(body);
    })
}

#[test]
fn verify_passes_every_check_and_reports_each() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let token = good_token(&base);
    let mock = mock_token(&server, &token);
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let out = run_clean(&mut verify_cmd(&env, &base, &key), &[&token]);
    mock.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = key.display();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "ok    jwe        the token is a JWE (alg RSA-OAEP-256, enc A256GCM)".to_string(),
            format!("ok    kid        its kid \"enc-active\" is the ACTIVE key's ({ACTIVE_ID})"),
            format!("ok    decrypt    {file} decrypts it"),
            format!(
                "ok    signature  the JWT's signature verifies with signing key \"{SIGNING_KID}\" of /oauth2/{SERVER}/v1/keys"
            ),
            format!("ok    iss        iss is \"{}\"", issuer(&base)),
        ]
    );
    assert!(
        lines[5].starts_with("ok    exp        exp is in the future (in "),
        "{text}"
    );
    assert_eq!(lines.len(), 6);
    assert_eq!(
        stderr(&out),
        format!(
            "All checks passed: {file} opens the access tokens authorization server {SERVER} issues now.\n"
        )
    );

    // The same report as one object; and with -vvv nothing secret is logged.
    let out = run_clean(
        verify_cmd(&env, &base, &key).args(["-o", "json", "-vvv"]),
        &[&token],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["auth_server"], SERVER);
    assert_eq!(report["client_id"], CLIENT_ID);
    assert_eq!(report["passed"], true);
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["jwe", "kid", "decrypt", "signature", "iss", "exp"]);
    let log = stderr(&out);
    assert!(
        log.contains(&format!("> POST {base}/oauth2/{SERVER}/v1/token")),
        "{log}"
    );
    assert!(log.contains("> authorization: [REDACTED]"), "{log}");
    assert!(log.contains("\"access_token\":\"[REDACTED]\""), "{log}");
}

#[test]
fn verify_fails_with_exit_10_naming_the_check() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let file = key.display().to_string();
    let jwt = inner_jwt(&issuer(&base), now() + 3600);
    let cases = [
        // Encryption off: a plain JWT.
        (
            jwt.clone(),
            "FAIL  jwe        the token is a signed JWT, not a JWE: access-token encryption is off"
                .to_string(),
            format!(
                "error: keys verify: check `jwe` failed: the token is a signed JWT, not a JWE: access-token encryption is off\n  \
                 hint: turn it on with `oktakeys servers encryption enable --auth-server {SERVER}`\n"
            ),
        ),
        // Encrypted to a kid that is not the ACTIVE one.
        (
            encrypt_to(
                ENC_PEM,
                &jwt,
                KeyAlg::RsaOaep256,
                ContentEnc::A256Gcm,
                "enc-stale",
            ),
            format!(
                "FAIL  kid        its kid \"enc-stale\" is not the ACTIVE key's \"enc-active\" ({ACTIVE_ID})"
            ),
            format!(
                "error: keys verify: check `kid` failed: its kid \"enc-stale\" is not the ACTIVE key's \"enc-active\" ({ACTIVE_ID})\n  \
                 hint: Okta may still be switching keys: run again in a minute; `oktakeys keys list --auth-server {SERVER}` shows the ACTIVE key\n"
            ),
        ),
        // Encrypted to another key than FILE's: FILE's key is INACTIVE there.
        (
            encrypt_to(
                other_pem(),
                &jwt,
                KeyAlg::RsaOaep256,
                ContentEnc::A256Gcm,
                "enc-active",
            ),
            format!(
                "FAIL  decrypt    {file} does not decrypt it: the token is encrypted to kid \"enc-active\"; {file} is key {ACTIVE_ID} (kid \"enc-active\", ACTIVE)"
            ),
            format!(
                "error: keys verify: check `decrypt` failed: {file} does not decrypt it: the token is encrypted to kid \"enc-active\"; {file} is key {ACTIVE_ID} (kid \"enc-active\", ACTIVE)\n  \
                 hint: use the private key of kid \"enc-active\", or add this key's public half (`oktakeys keys add --auth-server {SERVER} --pem {file}`) and activate it\n"
            ),
        ),
    ];
    for (token, first_fail, error) in cases {
        let mut mock = mock_token(&server, &token);
        let out = run_clean(&mut verify_cmd(&env, &base, &key), &[&token]);
        mock.assert();
        mock.delete();
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert_has(&stdout(&out), &format!("{first_fail}\n"));
        assert_eq!(stderr(&out), error);
    }
}

#[test]
fn verify_with_the_old_key_after_a_rotation_names_the_kid() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    // The resource server still holds the INACTIVE key's private half.
    let old = write_key(&env, "old.pem", other_pem(), 0o600);
    let file = old.display().to_string();
    let token = good_token(&base);
    mock_token(&server, &token);
    let out = run_clean(
        verify_cmd(&env, &base, &old).args(["-o", "json"]),
        &[&token],
    );
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["passed"], false);
    assert_eq!(
        report["checks"][2],
        json!({"check": "decrypt", "passed": false, "detail": format!(
            "{file} does not decrypt it: the token is encrypted to kid \"enc-active\"; {file} is key {INACTIVE_ID} (kid \"enc-old\", INACTIVE)"
        )})
    );
    assert_eq!(
        report["checks"][3]["passed"],
        Value::Null,
        "later checks skipped"
    );
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["exit_code"], 10);
    assert_eq!(
        err["error"]["hint"],
        format!(
            "tokens are encrypted to the ACTIVE key (kid \"enc-active\"): use its private key, or make {file} the ACTIVE key again with `oktakeys keys activate --auth-server {SERVER} {INACTIVE_ID}`"
        )
    );
}

#[test]
fn verify_needs_the_client_secret_from_the_environment() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let mut cmd = env.cmd_with_org(&server.base_url());
    cmd.args([
        "keys",
        "verify",
        "--auth-server",
        SERVER,
        "--client-id",
        CLIENT_ID,
        "--private-key",
    ])
    .arg(&key);
    let out = run_clean(&mut cmd, &[]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "error: no client secret: the environment variable OKTAKEYS_CLIENT_SECRET is not set\n  \
             hint: export OKTAKEYS_CLIENT_SECRET with the client secret of app {CLIENT_ID} (a flag would show it in the process list), \
             or name another variable with --client-secret-env\n"
        )
    );
    any.assert_calls(0);

    // --client-secret-env names the variable; the refusal's hint names it too.
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let refused = server.mock(|when, then| {
        when.method(POST).path(format!("/oauth2/{SERVER}/v1/token"));
        then.status(401)
            .json_body(json!({"error": "invalid_client", "error_description": "Invalid value for 'client_id' parameter."}));
    });
    let mut cmd = env.cmd_with_org(&server.base_url());
    cmd.env("MY_SECRET", CLIENT_SECRET)
        .args([
            "keys",
            "verify",
            "--auth-server",
            SERVER,
            "--client-id",
            CLIENT_ID,
        ])
        .args(["--client-secret-env", "MY_SECRET", "--private-key"])
        .arg(&key);
    let out = run_clean(&mut cmd, &[]);
    refused.assert();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        &format!("hint: check --client-id ({CLIENT_ID}) and the client secret in MY_SECRET"),
    );
}

// ---------------------------------------------------------------------------------------
// keys match

#[test]
fn match_finds_the_active_key_and_fails_for_an_inactive_or_absent_one() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    let active = write_key(&env, "active.pem", ENC_JWK, 0o600);
    let inactive = write_key(&env, "inactive.pem", other_pem(), 0o600);
    let (absent_pem, _) = keymaterial::generate::generate(2048).unwrap();
    let absent = write_key(&env, "absent.pem", absent_pem.expose(), 0o600);
    let match_cmd = |key: &PathBuf, format: &str| {
        let mut cmd = env.cmd_with_org(&base);
        cmd.args([
            "keys",
            "match",
            "--auth-server",
            SERVER,
            "-o",
            format,
            "--private-key",
        ])
        .arg(key);
        run_clean(&mut cmd, &[])
    };

    let out = match_cmd(&active, "id");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{ACTIVE_ID}\n"));
    assert_eq!(
        stderr(&out),
        format!(
            "{} is the private half of key {ACTIVE_ID} (kid \"enc-active\"), the ACTIVE key of authorization server {SERVER}: it opens the tokens the server encrypts.\n",
            active.display()
        )
    );

    let out = match_cmd(&inactive, "table");
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    assert_has(&stdout(&out), INACTIVE_ID);
    assert_eq!(
        stderr(&out),
        format!(
            "error: {} is the private half of key {INACTIVE_ID} (kid \"enc-old\"), which is INACTIVE: the server encrypts to {ACTIVE_ID} (kid \"enc-active\")\n  \
             hint: make it the ACTIVE key with `oktakeys keys activate --auth-server {SERVER} {INACTIVE_ID}`, or use the private key of the ACTIVE one\n",
            inactive.display()
        )
    );

    let out = match_cmd(&absent, "json");
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    let shown: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(shown["key"], Value::Null);
    assert_eq!(shown["active"], false);
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with(&format!(
                "none of the 2 keys of authorization server {SERVER} is the public half of {}",
                absent.display()
            )),
        "{err}"
    );
}
