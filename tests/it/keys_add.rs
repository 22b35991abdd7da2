//! `oktakeys keys add` against a mock Okta: the key files and stdin it reads, the exact
//! request it sends (or, with `--dry-run`, prints), and what it refuses before sending.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

fn write_jwk(env: &TestEnv, name: &str, jwk: &Value) -> String {
    let path = env.path(name);
    std::fs::write(&path, jwk.to_string()).unwrap();
    path.display().to_string()
}

fn public_jwk(kid: Option<&str>, seed: u8) -> Value {
    let mut jwk = json!({"kty": "RSA", "e": "AQAB", "n": modulus(2048, seed)});
    if let Some(kid) = kid {
        jwk["kid"] = json!(kid);
    }
    jwk
}

#[test]
fn add_sends_an_inactive_key_and_prints_the_result() {
    let server = MockServer::start();
    let n = modulus(2048, 7);
    let returned = okta_key(
        &server.base_url(),
        "apkNEWkey0000000000",
        "new-kid",
        "INACTIVE",
        7,
    );
    let mock = server.mock(|when, then| {
        when.method(POST)
            .path(keys_path(""))
            .header("authorization", format!("SSWS {TOKEN}"))
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .json_body(json!({
                "kid": "new-kid", "kty": "RSA", "use": "enc", "e": "AQAB", "n": n, "status": "INACTIVE"
            }));
        then.status(201).json_body(returned.clone());
    });
    let env = TestEnv::new();
    let file = write_jwk(
        &env,
        "key.json",
        &json!({"kty":"RSA","use":"enc","kid":"new-kid","e":"AQAB","n":n}),
    );
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &file,
        "-o",
        "json",
    ]));
    mock.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{returned}\n"));
    assert_eq!(
        stderr(&out),
        format!(
            "Added key apkNEWkey0000000000 (kid new-kid) as INACTIVE. Make it the active key with:\n  oktakeys keys activate --auth-server {SERVER} apkNEWkey0000000000\n"
        )
    );
}

#[test]
fn add_reads_a_jwks_from_stdin_and_picks_the_key_by_kid() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path(keys_path("")).json_body(json!({
            "kid": "b", "kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 2), "status": "INACTIVE"
        }));
        then.status(201).json_body(okta_key(&server.base_url(), "apkB", "b", "INACTIVE", 2));
    });
    let env = TestEnv::new();
    let jwks = json!({"keys": [public_jwk(Some("a"), 1), public_jwk(Some("b"), 2)]});
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            "-",
            "--kid",
            "b",
            "-o",
            "id",
        ])
        .write_stdin(jwks.to_string()));
    mock.assert();
    assert_eq!(stdout(&out), "apkB\n");
}

#[test]
fn add_without_any_kid_uses_the_rfc7638_thumbprint() {
    let server = MockServer::start();
    let jwk = public_jwk(None, 3);
    let thumbprint = {
        use base64::Engine;
        use sha2::Digest;
        let canonical = format!(r#"{{"e":"AQAB","kty":"RSA","n":"{}"}}"#, modulus(2048, 3));
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(canonical))
    };
    let mock = server.mock(|when, then| {
        when.method(POST)
            .path(keys_path(""))
            .json_body_includes(format!(r#"{{"kid":"{thumbprint}"}}"#));
        then.status(201).json_body(okta_key(
            &server.base_url(),
            "apkT",
            &thumbprint,
            "INACTIVE",
            3,
        ));
    });
    let env = TestEnv::new();
    let file = write_jwk(&env, "k.json", &jwk);
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &file,
    ]));
    mock.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn bad_key_files_exit_3_naming_the_field_and_send_nothing() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let mut private = public_jwk(Some("p"), 1);
    private["d"] = json!("c2VjcmV0");
    let cases: Vec<(Value, &str)> = vec![
        (private, "`d` is present: this is a private key"),
        (
            json!({"kty":"EC","crv":"P-256","x":"AA","y":"AA"}),
            "`kty` is `EC`; Okta accepts only RSA",
        ),
        (
            json!({"kty":"RSA","use":"sig","e":"AQAB","n":modulus(2048,1)}),
            "`use` is \"sig\"",
        ),
        (
            json!({"kty":"RSA","e":"AQAB","n":modulus(1024,1)}),
            "`n` is a 1024-bit modulus; Okta requires at least 2048 bits",
        ),
        (
            json!({"kty":"RSA","e":"AQAB","n":"not base64!"}),
            "`n` is not base64url",
        ),
        (json!({"kty":"RSA","e":"AQAB"}), "`n` is missing"),
        (
            json!({"keys":[public_jwk(Some("a"),1), public_jwk(Some("b"),2)]}),
            "the JWKS holds 2 keys; choose one with --kid (a, b)",
        ),
        (json!([1, 2]), "expected a JWK object or a JWKS"),
    ];
    for (jwk, expected) in cases {
        let file = write_jwk(&env, "bad.json", &jwk);
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            &file,
        ]));
        assert_eq!(out.status.code(), Some(3), "{jwk}");
        assert!(
            stderr(&out).contains(expected),
            "expected {expected:?} in {}",
            stderr(&out)
        );
    }
    let missing = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        "nope.json",
    ]));
    assert_eq!(missing.status.code(), Some(3));
    assert!(stderr(&missing).contains("cannot read nope.json"));
    let not_json = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "add", "--auth-server", SERVER, "--jwk", "-"])
        .write_stdin("-----BEGIN PUBLIC KEY-----"));
    assert_eq!(not_json.status.code(), Some(3));
    assert!(
        stderr(&not_json).contains(
            "stdin: this is PEM, not JSON: pass a PEM key or certificate with --pem instead"
        ),
        "{}",
        stderr(&not_json)
    );
    any.assert_calls(0);
}

#[test]
fn dry_run_prints_the_request_and_sends_nothing() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let file = write_jwk(&env, "k.json", &public_jwk(Some("dry"), 4));
    let base = server.base_url();
    let out = run(env.cmd_with_org(&base).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &file,
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0));
    let expected_body = serde_json::to_string_pretty(&json!({
        "kid": "dry", "kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 4), "status": "INACTIVE"
    }))
    .unwrap();
    assert_eq!(
        stdout(&out),
        format!(
            "POST {base}{}\nContent-Type: application/json\n\n{expected_body}\n",
            keys_path("")
        )
    );
    assert_eq!(stderr(&out), "(dry run: nothing was sent)\n");

    for (verb, method, suffix) in [
        ("activate", "POST", "/apk1/lifecycle/activate"),
        ("deactivate", "POST", "/apk1/lifecycle/deactivate"),
        ("delete", "DELETE", "/apk1"),
    ] {
        let out = run(env.cmd_with_org(&base).args([
            "keys",
            verb,
            "--auth-server",
            SERVER,
            "apk1",
            "--dry-run",
            "-o",
            "json",
        ]));
        assert_eq!(out.status.code(), Some(0), "{verb}");
        let printed: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(
            printed,
            json!({"dryRun": true, "method": method, "url": format!("{base}{}", keys_path(suffix)), "body": null})
        );
    }
    // Dry runs need no credentials at all.
    let out = run(env.cmd().env("OKTA_ORG_URL", &base).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk1",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    any.assert_calls(0);
}
