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

#[test]
fn the_sandbox_profile_uses_its_default_server_as_config_list_and_show_say() {
    let env = TestEnv::new();
    // No --auth-server: the built-in profile's server applies.
    let out = sandbox(&env, &["keys", "list", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    assert_eq!(out.json().as_array().map(Vec::len), Some(1), "{out}");

    // `config list` and `config show` say the same, and where it comes from.
    let listed = run(env.cmd().args(["config", "list", "-o", "json"])).json();
    let row = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "sandbox")
        .cloned()
        .unwrap();
    assert_eq!(row["auth_server"], "default", "{listed}");
    let shown = sandbox(&env, &["config", "show", "-o", "json"]);
    assert_eq!(shown.status.code(), Some(0), "{shown}");
    let shown = shown.json();
    assert_eq!(shown["auth_server"]["value"], "default", "{shown}");
    assert_eq!(shown["auth_server"]["source"]["kind"], "sandbox", "{shown}");
    let table = sandbox(&env, &["config", "show"]);
    let line = table
        .stdout
        .lines()
        .find(|l| l.starts_with("auth_server"))
        .unwrap()
        .to_string();
    assert!(
        line.contains("default") && line.contains("built-in sandbox profile"),
        "{line}"
    );

    // The flag and the environment still beat it, as for any profile.
    let flagged = sandbox(
        &env,
        &["config", "show", "--auth-server", "ausOther", "-o", "json"],
    );
    assert_eq!(flagged.json()["auth_server"]["value"], "ausOther");
    let from_env = run(env
        .cmd()
        .env("OKTAKEYS_AUTH_SERVER", "ausEnv")
        .args(["-p", "sandbox", "config", "show", "-o", "json"]));
    assert_eq!(
        from_env.json()["auth_server"]["value"],
        "ausEnv",
        "{from_env}"
    );
    let other = sandbox(&env, &["keys", "list", "--auth-server", "ausNope"]);
    assert_eq!(other.status.code(), Some(5), "{other}");
}
