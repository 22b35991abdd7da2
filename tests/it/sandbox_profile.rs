//! The built-in `sandbox` profile: a fresh HOME gets a working sandbox, and changes
//! persist from one invocation to the next.

use crate::common::*;
use serde_json::{Value, json};

fn sandbox(env: &TestEnv, args: &[&str]) -> Run {
    run(env.cmd().args(["--profile", "sandbox"]).args(args))
}

fn list(env: &TestEnv) -> Vec<Value> {
    let out = sandbox(
        env,
        &["keys", "list", "--auth-server", "default", "-o", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str::<Vec<Value>>(&out.stdout).expect("a JSON array")
}

#[test]
fn a_fresh_home_has_one_active_key_and_changes_persist() {
    let env = TestEnv::new();
    let seeded = list(&env);
    assert_eq!(seeded.len(), 1);
    assert_eq!(seeded[0]["status"], "ACTIVE");
    let old_id = seeded[0]["id"].as_str().unwrap().to_string();

    let jwk = env.path("new.json");
    std::fs::write(
        &jwk,
        json!({"kty":"RSA","kid":"2026-11","e":"AQAB","n":modulus(2048, 9)}).to_string(),
    )
    .unwrap();
    let added = sandbox(
        &env,
        &[
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
    assert_eq!(added.status.code(), Some(0), "{}", stderr(&added));
    let new_id = stdout(&added).trim().to_string();
    assert!(new_id.starts_with("apk") && new_id.len() == 20, "{new_id}");

    // A second process sees the key the first one added.
    let keys = list(&env);
    assert_eq!(keys.len(), 2);
    assert!(
        keys.iter().any(|k| k["id"] == new_id.as_str()
            && k["status"] == "INACTIVE"
            && k["kid"] == "2026-11")
    );

    let activated = sandbox(
        &env,
        &["keys", "activate", "--auth-server", "default", &new_id],
    );
    assert_eq!(activated.status.code(), Some(0), "{}", stderr(&activated));
    let deleted = sandbox(
        &env,
        &[
            "keys",
            "delete",
            "--auth-server",
            "default",
            &old_id,
            "--yes",
        ],
    );
    assert_eq!(deleted.status.code(), Some(0), "{}", stderr(&deleted));

    let keys = list(&env);
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["id"], new_id.as_str());
    assert_eq!(keys[0]["status"], "ACTIVE");

    // Okta's rules hold through the profile too: the active key cannot be deleted.
    let refused = sandbox(
        &env,
        &[
            "keys",
            "delete",
            "--auth-server",
            "default",
            &new_id,
            "--yes",
        ],
    );
    assert_eq!(refused.status.code(), Some(6));
    assert!(
        stderr(&refused).contains("'ACTIVE' keys cannot be deleted."),
        "{}",
        stderr(&refused)
    );

    // `sandbox reset` restores the seed.
    let reset = run(env.cmd().args(["sandbox", "reset"]));
    assert_eq!(reset.status.code(), Some(0), "{}", stderr(&reset));
    let keys = list(&env);
    assert_eq!(keys.len(), 1);
    assert_ne!(keys[0]["id"], new_id.as_str());
}

#[test]
fn a_configured_profile_named_sandbox_wins() {
    let env = TestEnv::new();
    env.write_config("[profiles.sandbox]\norg_url = \"https://acme.okta.com\"\n");
    let out = sandbox(&env, &["keys", "list", "--auth-server", "default"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("no API token configured"),
        "{}",
        stderr(&out)
    );
}
