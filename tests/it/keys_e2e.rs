//! End to end: the real `oktakeys keys …` commands against a spawned `oktakeys sandbox
//! serve`, as a user or a CI job would run them (cleared environment, temporary HOME,
//! OKTA_ORG_URL and OKTA_API_TOKEN pointing at the sandbox).

use crate::common::sandbox::*;
use serde_json::{Value, json};

/// The end-to-end setup, and the runs these tests repeat.
struct E2e(ServedEnv);

impl std::ops::Deref for E2e {
    type Target = ServedEnv;
    fn deref(&self) -> &ServedEnv {
        &self.0
    }
}

impl E2e {
    fn start(args: &[&str]) -> Self {
        E2e(ServedEnv::start(args))
    }

    fn run_with_token(&self, token: &str, args: &[&str]) -> Run {
        self.cmd_with_token(token).args(args).run()
    }

    /// Run, expect exit 0, return stdout parsed as JSON.
    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", out.stderr);
        out.json()
    }
}

fn stderr(out: &Run) -> String {
    out.stderr.clone()
}

#[test]
fn a_full_rotation_through_the_cli() {
    let e = E2e::start(&[]);
    let base = e.served.base.clone();
    let before = e.json(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    assert_eq!(before.as_array().unwrap().len(), 1);
    let old = before[0].clone();
    let old_id = old["id"].as_str().unwrap();
    assert_eq!(old["status"], "ACTIVE");

    // add
    let jwk = e.jwk_file("new.json", "2026-11-enc", 4);
    let added = e.json(&[
        "keys",
        "add",
        "--auth-server",
        "default",
        "--jwk",
        &jwk,
        "-o",
        "json",
    ]);
    let new_id = added["id"].as_str().unwrap().to_string();
    assert!(is_key_id(&new_id));
    assert_eq!(added, key_json(&base, "default", &added, "INACTIVE"));
    assert_eq!(
        (added["kid"].as_str(), added["n"].as_str()),
        (Some("2026-11-enc"), Some(MODULI[4]))
    );

    // activate the new key: the old one goes INACTIVE
    let activated = e.json(&[
        "keys",
        "activate",
        "--auth-server",
        "default",
        &new_id,
        "-o",
        "json",
    ]);
    assert_eq!(activated, key_json(&base, "default", &activated, "ACTIVE"));
    let old_now = e.json(&[
        "keys",
        "get",
        "--auth-server",
        "default",
        old_id,
        "-o",
        "json",
    ]);
    assert_eq!(old_now["status"], "INACTIVE");

    // deactivate the old key (already INACTIVE: Okta answers 200 and changes nothing)
    let deactivated = e.json(&[
        "keys",
        "deactivate",
        "--auth-server",
        "default",
        old_id,
        "-o",
        "json",
    ]);
    assert_eq!(deactivated, old_now);

    // delete the old key
    let out = e.run(&[
        "keys",
        "delete",
        "--auth-server",
        "default",
        old_id,
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout.as_str(), "");

    // only the new key is left, ACTIVE
    let out = e.run(&["keys", "list", "--auth-server", "default", "-o", "id"]);
    assert_eq!(out.stdout.as_str(), format!("{new_id}\n"));
    let after = e.json(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    assert_eq!(after, json!([activated]));
}

#[test]
fn the_sandboxs_refusals_reach_the_user_with_oktas_texts_and_exit_codes() {
    let e = E2e::start(&[
        "--auth-server",
        "aus1enc",
        "--encryption-enabled",
        "aus1enc",
    ]);
    let seed = e.json(&["keys", "list", "--auth-server", "default", "-o", "json"])[0].clone();
    let seed_id = seed["id"].as_str().unwrap();

    // deleting the ACTIVE key: exit 6, Okta's cause, the hint
    let out = e.run(&[
        "keys",
        "delete",
        "--auth-server",
        "default",
        seed_id,
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(6));
    let err = stderr(&out);
    assert!(
        err.contains("  E0000001: Api validation failed: JsonWebKey\n"),
        "{err}"
    );
    assert!(
        err.contains(
            "  - 'ACTIVE' keys cannot be deleted. Activate another key before deleting this one.\n"
        ),
        "{err}"
    );
    assert!(err.contains("activate another key first"), "{err}");

    // a duplicate kid: exit 6
    let jwk = e.jwk_file("dup.json", seed["kid"].as_str().unwrap(), 2);
    let out = e.run(&["keys", "add", "--auth-server", "default", "--jwk", &jwk]);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        stderr(&out).contains("  - Each key must have a unique 'kid'.\n"),
        "{}",
        stderr(&out)
    );

    // deactivating the active key with encryption on: exit 6
    let enc_id = e.json(&["keys", "list", "--auth-server", "aus1enc", "-o", "json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = e.run(&["keys", "deactivate", "--auth-server", "aus1enc", &enc_id]);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        stderr(&out).contains(
            "  - You cannot deactivate the active key when access token encryption is enabled.\n"
        ),
        "{}",
        stderr(&out)
    );

    // unknown key and server: exit 5
    let out = e.run(&["keys", "get", "--auth-server", "default", "apkNOPE"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("  E0000007: Not found: Resource not found: apkNOPE (JsonWebKey)\n")
    );
    let out = e.run(&["keys", "list", "--auth-server", "aus404"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out)
            .contains("  E0000007: Not found: Resource not found: aus404 (AuthorizationServer)\n")
    );

    // a wrong token: exit 4, and the token never appears
    let out = e.run_with_token(
        "00wrongTokenValue",
        &["keys", "list", "--auth-server", "default"],
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("  E0000011: Invalid token provided\n"));
    assert!(!stderr(&out).contains("00wrongTokenValue"));

    // the state is as it was
    let keys = e.json(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    assert_eq!(keys, json!([seed]));
}

#[test]
fn the_cli_retries_through_a_dropped_connection_and_a_500() {
    let e = E2e::start(&["--fail-requests", "1"]);
    let out = e.run(&["keys", "list", "--auth-server", "default", "-o", "id"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout.matches('\n').count(), 1);

    let e = E2e::start(&["--fail-requests", "1", "--fail-with", "drop"]);
    let out = e.run(&["keys", "list", "--auth-server", "default", "-o", "id"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_rate_limit_that_outlasts_the_retries_exits_7() {
    let e = E2e::start(&["--rate-limit", "1", "--rate-limit-window", "3600"]);
    assert_eq!(
        e.run(&["keys", "list", "--auth-server", "default"])
            .status
            .code(),
        Some(0)
    );
    let out = e.run(&[
        "--max-retries",
        "0",
        "keys",
        "list",
        "--auth-server",
        "default",
    ]);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("  E0000047: API call exceeded rate limit due to too many requests.\n"),
        "{}",
        stderr(&out)
    );
}
