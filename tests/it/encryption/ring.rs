//! `token decrypt --ring` and `keys verify --ring`: the resource server's key ring, the key
//! picked by the token's JWE header kid; a ring without that kid is exit 10 naming it.

use std::path::PathBuf;

use keymaterial::jwe::{ContentEnc, KeyAlg};
use serde_json::{Value, json};

use super::*;
use crate::common::*;

/// A ring file (`name`, mode 0600) holding `pem` keys under the given kids.
fn ring_file(env: &TestEnv, name: &str, keys: &[(&str, &str)]) -> PathBuf {
    let members: Vec<Value> = keys
        .iter()
        .map(|(pem, kid)| {
            let jwk = decryption_key(pem)
                .to_private_jwk(kid, Some("RSA-OAEP-256"))
                .unwrap();
            serde_json::from_str(jwk.expose()).unwrap()
        })
        .collect();
    write_key(env, name, &json!({ "keys": members }).to_string(), 0o600)
}

fn token_with_kid(base: &str, pem: &str, kid: &str) -> String {
    encrypt_to(
        pem,
        &inner_jwt(&issuer(base), now() + 3600),
        KeyAlg::RsaOaep256,
        ContentEnc::A256Gcm,
        kid,
    )
}

fn decrypt_with_ring(env: &TestEnv, ring: &str, token: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.args(["token", "decrypt", "--ring", ring, "-"])
        .write_stdin(format!("{token}\n"));
    cmd
}

#[test]
fn token_decrypt_picks_the_ring_key_of_the_token_kid() {
    let env = TestEnv::new();
    ring_file(
        &env,
        "ring.json",
        &[(other_pem(), "enc-old"), (ENC_PEM, "enc-active")],
    );
    let base = "https://acme.okta.com";
    // The second key of the ring, by kid: no org, no request.
    let token = token_with_kid(base, ENC_PEM, "enc-active");
    let out = run_clean(
        decrypt_with_ring(&env, "ring.json", &token).args(["-o", "json"]),
        &[&token],
    );
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.json()["header"]["kid"], "enc-active");
    assert_eq!(out.json()["claims"]["iss"], issuer(base));
    let token = token_with_kid(base, other_pem(), "enc-old");
    let out = run_clean(&mut decrypt_with_ring(&env, "ring.json", &token), &[&token]);
    assert_eq!(out.code(), Some(0), "{out}");

    // A kid the ring lacks: exit 10 naming it and what the ring holds.
    let token = token_with_kid(base, ENC_PEM, "enc-next");
    let out = run_clean(&mut decrypt_with_ring(&env, "ring.json", &token), &[&token]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert_has(
        &out.stderr,
        "the ring file ring.json holds no key of kid enc-next, the token's kid (it holds kid \
         enc-old, kid enc-active)",
    );
    assert_has(&out.stderr, "oktakeys keys ring import");
    assert!(out.stdout.is_empty(), "{out}");

    // The ring's key under that kid is another key: it does not decrypt (exit 10).
    let token = token_with_kid(base, ENC_PEM, "enc-old");
    let out = run_clean(&mut decrypt_with_ring(&env, "ring.json", &token), &[&token]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert_has(
        &out.stderr,
        "does not decrypt with the private key in the ring file ring.json (kid enc-old)",
    );

    // One key source only; `{server}` needs --auth-server.
    let key = write_key(&env, "enc.pem", ENC_PEM, 0o600);
    let out = run(env
        .cmd()
        .args(["token", "decrypt", "--ring", "ring.json", "--private-key"])
        .arg(&key)
        .arg(&token));
    assert_eq!(out.code(), Some(2), "{out}");
    let out = run_clean(
        &mut decrypt_with_ring(&env, "rings/{server}.json", &token),
        &[&token],
    );
    assert_eq!(out.code(), Some(2), "{out}");
    assert_has(&out.stderr, "holds `{server}`: pass --auth-server ID");
}

#[test]
fn token_decrypt_with_a_server_reads_that_server_s_ring_and_verifies() {
    let server = httpmock::MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let env = TestEnv::new();
    std::fs::create_dir(env.path("rings")).unwrap();
    ring_file(
        &env,
        &format!("rings/{SERVER}.json"),
        &[(ENC_PEM, "enc-active")],
    );
    let token = good_token(&base);
    let out = run_clean(
        env.cmd_with_org(&base)
            .args([
                "token",
                "decrypt",
                "--ring",
                "rings/{server}.json",
                "--auth-server",
                SERVER,
                "-",
            ])
            .write_stdin(token.clone()),
        &[&token],
    );
    assert_eq!(out.code(), Some(0), "{out}");
    assert_has(
        &out.stderr,
        &format!("Verified against authorization server {SERVER}"),
    );
}

fn verify_with_ring(env: &TestEnv, base: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd_with_org(base);
    cmd.env("OKTAKEYS_CLIENT_SECRET", CLIENT_SECRET).args([
        "keys",
        "verify",
        "--auth-server",
        SERVER,
        "--client-id",
        CLIENT_ID,
        "--scope",
        "api:read",
        "--ring",
        "ring.json",
    ]);
    cmd
}

fn mock_token(server: &httpmock::MockServer, token: &str) {
    let body = json!({"token_type": "Bearer", "expires_in": 3600, "access_token": token});
    server.mock(|when, then| {
        when.method(httpmock::Method::POST)
            .path(format!("/oauth2/{SERVER}/v1/token"));
        then.status(200).json_body(body);
    });
}

#[test]
fn keys_verify_with_the_ring_passes_and_fails_naming_the_missing_kid() {
    let server = httpmock::MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let token = good_token(&base);
    mock_token(&server, &token);
    let env = TestEnv::new();
    ring_file(
        &env,
        "ring.json",
        &[(other_pem(), "enc-old"), (ENC_PEM, "enc-active")],
    );
    let out = run_clean(&mut verify_with_ring(&env, &base), &[&token]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_has(
        &out.stdout,
        "ok    decrypt    the ring file ring.json (kid enc-active) decrypts it",
    );
    assert_has(
        &out.stderr,
        "All checks passed: the ring file ring.json opens the access tokens",
    );

    // The ring without the ACTIVE key: the decrypt check fails naming the kid.
    ring_file(&env, "ring.json", &[(other_pem(), "enc-old")]);
    let out = run_clean(
        verify_with_ring(&env, &base).args(["-o", "json"]),
        &[&token],
    );
    assert_eq!(out.code(), Some(10), "{out}");
    let report = out.json();
    let decrypt = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "decrypt")
        .unwrap()
        .clone();
    assert_eq!(decrypt["passed"], false, "{report}");
    assert_has(
        decrypt["detail"].as_str().unwrap(),
        "the ring file ring.json holds no key of kid enc-active",
    );

    // Neither a key nor a ring: a usage error before anything is sent.
    let out = run(env
        .cmd_with_org(&base)
        .env("OKTAKEYS_CLIENT_SECRET", CLIENT_SECRET)
        .args([
            "keys",
            "verify",
            "--auth-server",
            SERVER,
            "--client-id",
            CLIENT_ID,
        ]));
    assert_eq!(out.code(), Some(2), "{out}");
    assert_has(&out.stderr, "pass --private-key FILE, or --ring PATH");
}
