//! End to end on the built-in `sandbox` profile, as the README walks through it: a key pair
//! added and activated, encryption turned on, `keys verify` passing; another key activated,
//! `keys verify` failing with exit 10 naming the kid (so the sandbox's JWE tokens are
//! decrypted and their signatures checked); `keys match`, `--auth-server` by name, and
//! Okta's refusal to deactivate the ACTIVE key.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::*;

/// The sandbox's built-in client (README: "Every sandbox … has one built-in client").
const SANDBOX_CLIENT: &str = "0oasandbox0client001";
const SANDBOX_SECRET: &str = "sandbox-client-secret-not-for-production-use";

fn sandbox(env: &TestEnv, args: &[&str]) -> Run {
    let out = run(env
        .cmd()
        .env("OKTAKEYS_CLIENT_SECRET", SANDBOX_SECRET)
        .args(["--profile", "sandbox"])
        .args(args));
    let both = format!("{}{}", out.stdout, out.stderr);
    assert!(
        !both.contains(SANDBOX_SECRET),
        "the client secret leaked:\n{both}"
    );
    assert!(
        !both.contains("PRIVATE KEY"),
        "a private key leaked:\n{both}"
    );
    out
}

/// `keys generate` then `keys add` and `keys activate` on the sandbox; the key's id.
fn add_and_activate(env: &TestEnv, kid: &str) -> (String, PathBuf) {
    let pem = env.path(&format!("{kid}.pem"));
    let generated = run(env
        .cmd()
        .args([
            "keys",
            "generate",
            "--bits",
            "2048",
            "--kid",
            kid,
            "--private-key-out",
        ])
        .arg(&pem));
    assert_eq!(generated.code(), Some(0), "{}", generated.stderr);
    let jwk = env.path(&format!("{kid}.json"));
    std::fs::write(&jwk, &generated.stdout).unwrap();
    let jwk = jwk.to_str().unwrap();
    let added = sandbox(
        env,
        &[
            "keys",
            "add",
            "--auth-server",
            "default",
            "--jwk",
            jwk,
            "-o",
            "id",
        ],
    );
    assert_eq!(added.code(), Some(0), "{}", added.stderr);
    let id = added.stdout.trim().to_string();
    let activated = sandbox(env, &["keys", "activate", "--auth-server", "default", &id]);
    assert_eq!(activated.code(), Some(0), "{}", activated.stderr);
    (id, pem)
}

fn verify(env: &TestEnv, pem: &Path, format: &str) -> Run {
    sandbox(
        env,
        &[
            "keys",
            "verify",
            "--auth-server",
            "default",
            "--private-key",
            pem.to_str().unwrap(),
            "--client-id",
            SANDBOX_CLIENT,
            "--scope",
            "api:read",
            "-o",
            format,
        ],
    )
}

fn key_match(env: &TestEnv, pem: &Path, format: &str) -> Run {
    let pem = pem.to_str().unwrap();
    let args = [
        "keys",
        "match",
        "--auth-server",
        "default",
        "--private-key",
        pem,
    ];
    sandbox(env, &[&args[..], &["-o", format]].concat())
}

#[test]
fn the_walk_through_verify_passes_then_fails_naming_the_kid_after_a_rotation() {
    let env = TestEnv::new();
    let (first_id, first) = add_and_activate(&env, "enc-2026-11");

    // Off at first: the token is a plain JWT, and verify says so.
    let off = verify(&env, &first, "table");
    assert_eq!(off.code(), Some(10), "{}", off.stderr);
    assert!(
        off.stdout
            .starts_with("FAIL  jwe        the token is a signed JWT, not a JWE"),
        "{}",
        off.stdout
    );

    let enabled = sandbox(
        &env,
        &[
            "servers",
            "encryption",
            "enable",
            "--auth-server",
            "default",
            "-o",
            "json",
        ],
    );
    assert_eq!(enabled.code(), Some(0), "{}", enabled.stderr);
    assert_eq!(
        enabled.json()["accessTokenEncryptedResponseAlgorithm"],
        "RSA-OAEP-256"
    );

    let passed = verify(&env, &first, "json");
    assert_eq!(
        passed.code(),
        Some(0),
        "{}\n{}",
        passed.stdout,
        passed.stderr
    );
    let report = passed.json();
    assert_eq!(report["passed"], true, "{report}");
    assert!(
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["passed"] == true)
    );

    // Another key becomes ACTIVE: the first key's file no longer opens the tokens.
    let (second_id, second) = add_and_activate(&env, "enc-2026-12");
    let failed = verify(&env, &first, "table");
    assert_eq!(failed.code(), Some(10), "{}", failed.stderr);
    let file = first.display();
    assert!(
        failed.stdout.contains(&format!(
            "FAIL  decrypt    {file} does not decrypt it: the token is encrypted to kid \"enc-2026-12\"; \
             {file} is key {first_id} (kid \"enc-2026-11\", INACTIVE)\n"
        )),
        "{}",
        failed.stdout
    );
    assert!(
        failed
            .stderr
            .starts_with("error: keys verify: check `decrypt` failed:"),
        "{}",
        failed.stderr
    );
    let matched = key_match(&env, &first, "table");
    assert_eq!(matched.code(), Some(10), "{}", matched.stderr);
    assert!(
        matched.stderr.contains("which is INACTIVE"),
        "{}",
        matched.stderr
    );

    // The new key's file passes, and matches the ACTIVE key.
    assert_eq!(verify(&env, &second, "json").code(), Some(0));
    let matched = key_match(&env, &second, "id");
    assert_eq!(matched.code(), Some(0), "{}", matched.stderr);
    assert_eq!(matched.stdout, format!("{second_id}\n"));

    // While encryption is on, Okta (the sandbox) refuses to deactivate the ACTIVE key.
    let refused = sandbox(
        &env,
        &["keys", "deactivate", "--auth-server", "default", &second_id],
    );
    assert_eq!(refused.code(), Some(6));
    assert!(
        refused
            .stderr
            .contains("hint: activate another key instead: that deactivates this one"),
        "{}",
        refused.stderr
    );
}

#[test]
fn servers_on_the_sandbox_by_id_and_by_name_and_disable() {
    let env = TestEnv::new();
    let list = sandbox(&env, &["servers", "list", "-o", "id"]);
    assert_eq!(list.code(), Some(0), "{}", list.stderr);
    assert_eq!(list.stdout, "default\n");

    // `DEFAULT` is no id; the server named `default` is found by name.
    let got = sandbox(&env, &["servers", "get", "DEFAULT"]);
    assert_eq!(got.code(), Some(0), "{}", got.stderr);
    assert!(
        got.stdout.contains("Encryption:                    off"),
        "{}",
        got.stdout
    );
    assert!(
        got.stdout
            .contains("Longest access-token lifetime: 60 minutes"),
        "{}",
        got.stdout
    );
    let none = sandbox(&env, &["servers", "get", "payments"]);
    assert_eq!(none.code(), Some(5), "{}", none.stderr);
    assert!(
        none.stderr
            .contains("`oktakeys --profile sandbox servers list` shows them"),
        "{}",
        none.stderr
    );

    // The seeded key is ACTIVE, so enabling works; a dry run of disabling sends nothing.
    let on = sandbox(
        &env,
        &[
            "servers",
            "encryption",
            "enable",
            "--auth-server",
            "default",
            "--alg",
            "RSA-OAEP-384",
        ],
    );
    assert_eq!(on.code(), Some(0), "{}", on.stderr);
    let dry = sandbox(
        &env,
        &[
            "servers",
            "encryption",
            "disable",
            "--auth-server",
            "default",
            "--dry-run",
        ],
    );
    assert_eq!(dry.code(), Some(0), "{}", dry.stderr);
    assert!(
        dry.stdout.starts_with("PUT http://127.0.0.1:"),
        "{}",
        dry.stdout
    );
    let still: Value = sandbox(&env, &["servers", "get", "default", "-o", "json"]).json();
    assert_eq!(
        still["accessTokenEncryptedResponseAlgorithm"],
        "RSA-OAEP-384"
    );
    let off = sandbox(
        &env,
        &[
            "servers",
            "encryption",
            "disable",
            "--auth-server",
            "default",
        ],
    );
    assert_eq!(off.code(), Some(0), "{}", off.stderr);
    let now: Value = sandbox(&env, &["servers", "get", "default", "-o", "json"]).json();
    assert_eq!(now.get("accessTokenEncryptedResponseAlgorithm"), None);
    assert_eq!(now["name"], still["name"]);
    assert_eq!(now["audiences"], still["audiences"]);
}
