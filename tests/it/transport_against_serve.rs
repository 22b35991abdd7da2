//! The HTTP layer end to end against `oktakeys sandbox serve`: its rate limiter (real
//! `X-Rate-Limit-*` and `Date` headers) and its failure knob.

use crate::common::sandbox::*;
use serde_json::{Value, json};

fn start(home: &std::path::Path, args: &[&str]) -> Served {
    let state = home.join("sandbox.json");
    let mut all = vec!["--state", state.to_str().unwrap()];
    all.extend_from_slice(args);
    serve(home, &all, &[("OKTAKEYS_SANDBOX_TOKEN", TOKEN)])
}

fn run(home: &std::path::Path, base: &str, args: &[&str]) -> Run {
    oktakeys(home)
        .env("OKTA_ORG_URL", base)
        .env("OKTA_API_TOKEN", TOKEN)
        .args(args)
        .run()
}

#[test]
fn a_used_up_window_is_waited_out_instead_of_provoking_a_429() {
    let home = tempfile::tempdir().unwrap();
    let served = start(
        home.path(),
        &["--rate-limit", "1", "--rate-limit-window", "1"],
    );
    let jwk = home.path().join("new.json");
    std::fs::write(
        &jwk,
        json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[3], "kid": "paced"})
            .to_string(),
    )
    .unwrap();
    // list, then a fresh list before the add, the activation and after it: six requests
    // with one allowed per window (--token-lifetime: no policies to read).
    let out = run(
        home.path(),
        &served.base,
        &[
            "-v",
            "keys",
            "rotate",
            "--auth-server",
            "default",
            "--jwk",
            jwk.to_str().unwrap(),
            "--token-lifetime",
            "1h",
        ],
    );
    let err = out.stderr.clone();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("Okta's rate limit is used up; continuing in"),
        "{err}"
    );
    assert!(!err.contains("→ 429"), "a 429 was provoked:\n{err}");
    assert_eq!(err.matches(" → 2").count(), 6, "{err}");
}

#[test]
fn a_429_from_the_sandbox_is_waited_out() {
    let home = tempfile::tempdir().unwrap();
    let served = start(
        home.path(),
        &["--rate-limit", "1", "--rate-limit-window", "2"],
    );
    let list = ["keys", "list", "--auth-server", "default", "-o", "id"];
    let first = run(home.path(), &served.base, &list);
    assert_eq!(first.status.code(), Some(0), "{}", first.stderr.clone());
    // The window is used up: the second command meets a 429 and waits for the reset.
    let second = run(home.path(), &served.base, &[&["-v"], &list[..]].concat());
    let err = second.stderr.clone();
    assert_eq!(second.status.code(), Some(0), "{err}");
    assert!(err.contains("→ 429 Too Many Requests"), "{err}");
    assert!(err.contains("rate limited by Okta; retrying in "), "{err}");
    assert_eq!(second.stdout.clone(), first.stdout.clone());
}

#[test]
fn an_add_whose_connection_the_sandbox_drops_ends_with_exactly_one_key() {
    let home = tempfile::tempdir().unwrap();
    // Request 1 (the POST) is dropped; the check (a list) and the resend get through.
    let served = start(
        home.path(),
        &["--fail-requests", "1", "--fail-with", "drop"],
    );
    let jwk = home.path().join("new.json");
    std::fs::write(
        &jwk,
        json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[4], "kid": "dropped-once"})
            .to_string(),
    )
    .unwrap();
    let out = run(
        home.path(),
        &served.base,
        &[
            "-v",
            "keys",
            "add",
            "--auth-server",
            "default",
            "--jwk",
            jwk.to_str().unwrap(),
            "-o",
            "id",
        ],
    );
    let err = out.stderr.clone();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("not applied, resending in"), "{err}");
    let listed = run(
        home.path(),
        &served.base,
        &["keys", "list", "--auth-server", "default", "-o", "json"],
    );
    let keys: Vec<Value> = serde_json::from_str(&listed.stdout).unwrap();
    let ours: Vec<&Value> = keys.iter().filter(|k| k["kid"] == "dropped-once").collect();
    assert_eq!(ours.len(), 1, "{keys:?}");
    assert_eq!(out.stdout.clone().trim(), ours[0]["id"].as_str().unwrap());
}
