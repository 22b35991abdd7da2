//! Access-token encryption: against a mock Okta, `servers list|get|encryption` and
//! `--auth-server` by name (`servers`), `token decrypt`, `keys verify` and `keys match`
//! (`tokens`); end to end on the built-in sandbox (`sandbox`). Tokens are made here with key
//! material's JWE and JWS and a test RSA key; every test checks the exact request, output
//! and exit code, and that no secret reaches either stream. These are the shared fixtures.

mod ring;
mod sandbox;
mod servers;
mod tokens;

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::common::*;
use httpmock::prelude::*;
use keymaterial::jwe::{self, ContentEnc, KeyAlg};
use keymaterial::keys::{DecryptionKey, SigningKey};
use keymaterial::secret::Secret;
use serde_json::{Map, Value, json};

/// The resource server's key: the test RSA key of the fixtures.
pub(super) const ENC_PEM: &str = include_str!("../../fixtures/service-app-rsa.pkcs8.pem");
pub(super) const ENC_PKCS1: &str = include_str!("../../fixtures/service-app-rsa.pkcs1.pem");
pub(super) const ENC_JWK: &str = include_str!("../../fixtures/service-app-rsa.jwk.json");
pub(super) const EC_PEM: &str = include_str!("../../fixtures/service-app-ec.pkcs8.pem");
pub(super) const CLIENT_ID: &str = "0oaCLIENTtest123";
pub(super) const CLIENT_SECRET: &str = "cs-TESTsecretDoNotLeak-91b3";
pub(super) const ACTIVE_ID: &str = "apk2f4zrZbs8nUa7p0g4";
pub(super) const INACTIVE_ID: &str = "apk33a45xfjbDfg6D0g5";
pub(super) const SIGNING_KID: &str = "sig-kid-1";

/// A second RSA key pair, made once per test run: "another key".
pub(super) fn other_pem() -> &'static str {
    static PEM: OnceLock<String> = OnceLock::new();
    PEM.get_or_init(|| {
        let (pem, _) = keymaterial::generate::generate(2048).unwrap();
        pem.expose().to_string()
    })
}

/// The authorization server's signing key (RS256), made once per test run.
pub(super) fn signing_key() -> &'static SigningKey {
    static KEY: OnceLock<SigningKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let (pem, _) = keymaterial::generate::generate(2048).unwrap();
        SigningKey::parse(&pem, "signing").unwrap().key
    })
}

pub(super) fn decryption_key(pem: &str) -> DecryptionKey {
    DecryptionKey::parse(&Secret::new(pem), "key").unwrap()
}

pub(super) fn public_members(pem: &str) -> (String, String) {
    let jwk = decryption_key(pem).public_jwk();
    (
        jwk["n"].as_str().unwrap().to_string(),
        jwk["e"].as_str().unwrap().to_string(),
    )
}

pub(super) fn issuer(base: &str) -> String {
    format!("{base}/oauth2/{SERVER}")
}

pub(super) fn now() -> i64 {
    keymaterial::jws::now_secs()
}

/// The inner JWT, signed with the server's signing key.
pub(super) fn inner_jwt(iss: &str, exp: i64) -> String {
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
pub(super) fn encrypt_to(pem: &str, jwt: &str, alg: KeyAlg, enc: ContentEnc, kid: &str) -> String {
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

pub(super) fn good_token(base: &str) -> String {
    encrypt_to(
        ENC_PEM,
        &inner_jwt(&issuer(base), now() + 3600),
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        "enc-active",
    )
}

/// A server object as Okta returns it, with fields oktakeys knows nothing of.
pub(super) fn okta_server(base: &str, id: &str, name: &str, alg: Option<&str>) -> Value {
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

pub(super) fn server_path(id: &str) -> String {
    format!("/api/v1/authorizationServers/{id}")
}

/// The server's keys: the ACTIVE one is `ENC_PEM`'s public half (kid `enc-active`), the
/// INACTIVE one another key's (kid `enc-old`).
pub(super) fn okta_keys(base: &str) -> Value {
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

pub(super) fn jwks() -> Value {
    let mut jwk = signing_key().public_jwk();
    jwk["kid"] = json!(SIGNING_KID);
    jwk["alg"] = json!("RS256");
    jwk["use"] = json!("sig");
    json!({ "keys": [jwk] })
}

/// GET server, its keys, and its /v1/keys.
pub(super) fn mock_server(server: &MockServer, alg: Option<&str>) {
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

pub(super) fn write_key(env: &TestEnv, name: &str, text: &str, mode: u32) -> PathBuf {
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
pub(super) fn run_clean(cmd: &mut assert_cmd::Command, tokens: &[&str]) -> Run {
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
pub(super) fn assert_has(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in:\n{text}");
}

#[track_caller]
pub(super) fn assert_starts(text: &str, start: &str) {
    assert!(text.starts_with(start), "{start:?} does not start:\n{text}");
}
