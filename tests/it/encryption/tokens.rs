//! `token decrypt` (every alg x enc pair, refused algorithms, bad tags, other keys, the
//! checks with `--auth-server`), `keys verify` and `keys match`.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use httpmock::prelude::*;
use keymaterial::jwe::{ContentEnc, KeyAlg};
use keymaterial::keys::SigningKey;
use keymaterial::secret::Secret;
use serde_json::{Map, Value, json};

use super::*;
use crate::common::*;

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
                 `oktakeys keys match --auth-server ID --private-key {file}` shows which key {file} is\n"
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
    let (_server, base, env, key) = encrypting_org();
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

/// A mock org whose server encrypts, and the resource server's key file.
fn encrypting_org() -> (MockServer, String, TestEnv, PathBuf) {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    (server, base, env, key)
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
    let (server, base, env, key) = encrypting_org();
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
    // The key's row has its ROLE, as every key table does.
    let header = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(header.contains("  ROLE  "), "{}", stdout(&out));
    assert_has(&stdout(&out), "  previous  ");
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

// ---------------------------------------------------------------------------------------
// issue 17, item 6: messages and escaping

/// `claims` signed by the server's signing key and encrypted to the ACTIVE key.
fn token_with_claims(claims: Value) -> String {
    let mut header = Map::new();
    header.insert("kid".into(), json!(SIGNING_KID));
    let jwt = keymaterial::jws::sign(signing_key(), header, &claims);
    encrypt_to(
        ENC_PEM,
        jwt.expose(),
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        "enc-active",
    )
}

/// Item 6: C1 controls and bidi overrides in claims are shown as JSON escapes for people;
/// `-o json` keeps the exact value.
#[test]
fn item6_token_decrypt_escapes_c1_controls_and_bidi_overrides_in_claims() {
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let sub = "svc\u{9b}2J\u{85}x\u{202e}txt.exe\u{7f}";
    let token = token_with_claims(json!({"sub": sub, "exp": now() + 3600}));
    let out = run_clean(&mut decrypt_cmd(&env, &key, &token), &[&token]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(
        !shown.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || c == '\u{7f}'),
        "{shown:?}"
    );
    assert_has(&shown, r#""sub": "svc\u009b2J\u0085x\u202etxt.exe\u007f""#);
    let out = run_clean(
        decrypt_cmd(&env, &key, &token).args(["-o", "json"]),
        &[&token],
    );
    let body: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(body["claims"]["sub"], sub);
}

/// Item 6: a token too long is reported with the input's length, not the part read.
#[test]
fn item6_an_overlong_token_is_reported_with_its_own_length() {
    let env = TestEnv::new();
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let long = "a".repeat(300_000);
    let out = run(env
        .cmd()
        .args(["token", "decrypt", "--private-key"])
        .arg(&key)
        .arg("-")
        .write_stdin(long));
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        "the token on stdin is 300000 bytes long, more than the 262144 accepted",
    );
}

/// Item 6: `exp` as a string or out of range says so (not "no exp claim"); a token whose
/// `nbf` is in the future fails `token decrypt --auth-server` and `keys verify`.
#[test]
fn item6_exp_of_the_wrong_type_or_range_and_a_future_nbf_are_named() {
    let (server, base, env, key) = encrypting_org();
    let iss = issuer(&base);
    let cases = [
        (
            json!({"iss": iss, "exp": (now() + 3600).to_string()}),
            "error: the expiry check failed: exp is a string (\"",
        ),
        (
            json!({"iss": iss, "exp": 1e300}),
            "error: the expiry check failed: exp is 1e+300, out of range for a date",
        ),
        (
            json!({"iss": iss, "exp": now() + 3600, "nbf": now() + 600}),
            "error: the not-before check failed: the token is not valid yet: nbf is ",
        ),
    ];
    for (claims, expected) in cases {
        let token = token_with_claims(claims);
        let mut cmd = env.cmd_with_org(&base);
        cmd.args(["token", "decrypt", "--auth-server", SERVER, "--private-key"])
            .arg(&key)
            .arg("-")
            .write_stdin(token.clone());
        let out = run_clean(&mut cmd, &[&token]);
        assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
        assert_starts(&stderr(&out), expected);
    }

    let token = token_with_claims(json!({"iss": iss, "exp": now() + 3600, "nbf": now() + 600}));
    let mock = mock_token(&server, &token);
    let out = run_clean(&mut verify_cmd(&env, &base, &key), &[&token]);
    mock.assert();
    assert_eq!(out.status.code(), Some(10), "{}", stderr(&out));
    assert_has(
        &stdout(&out),
        "FAIL  nbf        the token is not valid yet: nbf is ",
    );
}
