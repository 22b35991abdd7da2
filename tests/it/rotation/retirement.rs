//! Retirement after the last token: windows from the rules (httpmock with chosen times, and
//! the sandbox's own rules), the 24h fallback, --ignore-token-lifetime, --on-retire.

use super::*;
use crate::common::{TestEnv, modulus, stderr, stdout};
use httpmock::prelude::*;

// ---- retirement after the last token --------------------------------------------------

const AS: &str = "aus1retire";

/// A public JWK file with kid `new`.
fn new_jwk(env: &TestEnv) -> std::path::PathBuf {
    let jwk = env.path("new.json");
    let key = json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 9), "kid": "new"});
    std::fs::write(&jwk, key.to_string()).unwrap();
    jwk
}

fn mock_key(id: &str, status: &str, created: &str, updated: &str, seed: u8) -> Value {
    json!({
        "id": id, "kid": format!("kid-{id}"), "kty": "RSA", "use": "enc", "e": "AQAB",
        "n": modulus(2048, seed), "status": status, "created": created, "lastUpdated": updated,
        "_links": {}
    })
}

/// A server: the current key; `apkP` deactivated far in the future (its window is open
/// whatever the lifetime); `apkQ` deactivated 2020-03-01; `apkN` staged (next).
fn retirement_server(server: &MockServer, rule_minutes: &[(&str, &str, u64)]) {
    let keys = json!([
        mock_key(
            "apkA",
            "ACTIVE",
            "2020-01-01T00:00:00.000Z",
            "2020-06-01T00:00:00.000Z",
            1
        ),
        mock_key(
            "apkP",
            "INACTIVE",
            "2020-01-01T00:00:00.000Z",
            "2999-01-01T00:00:00.000Z",
            2
        ),
        mock_key(
            "apkQ",
            "INACTIVE",
            "2019-01-01T00:00:00.000Z",
            "2020-03-01T00:00:00.000Z",
            3
        ),
        mock_key(
            "apkN",
            "INACTIVE",
            "2999-02-01T00:00:00.000Z",
            "2999-02-01T00:00:00.000Z",
            4
        ),
    ]);
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{AS}/resourceservercredentials/keys"
        ));
        then.status(200).json_body(keys);
    });
    // Policies: each (policy status, rule status, minutes) is one policy with one rule,
    // plus an ACTIVE rule without a token action.
    let policies: Vec<Value> = rule_minutes
        .iter()
        .enumerate()
        .map(|(i, (status, _, _))| json!({"id": format!("00p{i}"), "status": status}))
        .collect();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/api/v1/authorizationServers/{AS}/policies"));
        then.status(200).json_body(Value::Array(policies));
    });
    for (i, (_, rule_status, minutes)) in rule_minutes.iter().enumerate() {
        let rules = json!([
            {"id": "0pr1", "status": rule_status,
             "actions": {"token": {"accessTokenLifetimeMinutes": minutes}}},
            {"id": "0pr2", "status": "ACTIVE", "actions": {}}
        ]);
        server.mock(|when, then| {
            when.method(GET).path(format!(
                "/api/v1/authorizationServers/{AS}/policies/00p{i}/rules"
            ));
            then.status(200).json_body(rules);
        });
    }
}

fn retirable_at(env: &TestEnv, server: &MockServer, extra: &[&str]) -> Vec<(String, Value)> {
    let out = crate::common::run(
        env.cmd_with_org(&server.base_url())
            .args([
                "keys",
                "list",
                "--auth-server",
                AS,
                "--retirement",
                "-o",
                "json",
            ])
            .args(extra),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    keys.iter()
        .map(|k| {
            (
                k["id"].as_str().unwrap().to_string(),
                k["_oktakeys"].clone(),
            )
        })
        .collect()
}

#[test]
fn retirement_windows_come_from_the_longest_lifetime_of_active_rules() {
    let env = TestEnv::new();
    // Longest ACTIVE rule of an ACTIVE policy: 120 minutes (the 1440 ones do not count).
    let server = MockServer::start();
    retirement_server(
        &server,
        &[
            ("ACTIVE", "ACTIVE", 60),
            ("ACTIVE", "INACTIVE", 1440),
            ("INACTIVE", "ACTIVE", 1440),
            ("ACTIVE", "ACTIVE", 120),
        ],
    );
    let expected = |p: &str, q: &str| {
        vec![
            (
                "apkA".to_string(),
                json!({"role": "current", "retirableAt": null}),
            ),
            (
                "apkP".to_string(),
                json!({"role": "previous", "retirableAt": p}),
            ),
            (
                "apkQ".to_string(),
                json!({"role": "previous", "retirableAt": q}),
            ),
            (
                "apkN".to_string(),
                json!({"role": "next", "retirableAt": null}),
            ),
        ]
    };
    assert_eq!(
        retirable_at(&env, &server, &[]),
        expected("2999-01-01T02:00:00.000Z", "2020-03-01T02:00:00.000Z")
    );
    // Another server's rules: 15 minutes.
    let short = MockServer::start();
    retirement_server(&short, &[("ACTIVE", "ACTIVE", 15)]);
    assert_eq!(
        retirable_at(&env, &short, &[]),
        expected("2999-01-01T00:15:00.000Z", "2020-03-01T00:15:00.000Z")
    );
    // --token-lifetime overrides the rules.
    assert_eq!(
        retirable_at(&env, &short, &["--token-lifetime", "1h30m"]),
        expected("2999-01-01T01:30:00.000Z", "2020-03-01T01:30:00.000Z")
    );
    // Plain -o json is exactly what Okta sent.
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "-o",
        "json",
    ]));
    assert!(!stdout(&out).contains("_oktakeys"));
    // The table gains a RETIRABLE column.
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "--retirement",
    ]));
    let table = stdout(&out);
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .ends_with("LAST UPDATED          RETIRABLE"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .nth(2)
            .unwrap()
            .ends_with("2999-01-01 02:00:00Z"),
        "{table}"
    );

    // The rotation keeps apkP (window open) and the next key, deletes apkQ, and names when
    // each kept key becomes retirable.
    let jwk = new_jwk(&env);
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        AS,
        "--jwk",
        jwk.to_str().unwrap(),
        "--delete-old",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("  3. delete INACTIVE key apkQ (kid kid-apkQ)\n"),
        "{err}"
    );
    assert!(!err.contains("delete INACTIVE key apkP"), "{err}");
    assert!(
        err.contains("  keep apkP (kid kid-apkP): retirable at 2999-01-01T02:00:00.000Z\n"),
        "{err}"
    );
    assert!(
        err.contains("  keep apkA (kid kid-apkA): retirable at "),
        "{err}"
    );
    assert!(
        err.contains("  keep apkN (kid kid-apkN): a next key, never deleted by a retention\n"),
        "{err}"
    );
}

#[test]
fn unreadable_rules_are_said_and_24h_is_assumed() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{AS}/resourceservercredentials/keys"
        ));
        then.status(200).json_body(json!([mock_key(
            "apkQ",
            "INACTIVE",
            "2019-01-01T00:00:00.000Z",
            "2020-03-01T00:00:00.000Z",
            3
        )]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/api/v1/authorizationServers/{AS}/policies"));
        then.status(403).json_body(crate::common::okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "--retirement",
        "-o",
        "json",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "{AS}: cannot read the access-token lifetime from the policies' rules (Okta refused permission"
        )),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("assuming 24h, Okta's maximum (set it with --token-lifetime)"));
    let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        keys[0]["_oktakeys"]["retirableAt"],
        "2020-03-02T00:00:00.000Z"
    );
}

#[test]
fn ignore_token_lifetime_deletes_every_previous_key_and_reads_no_rules() {
    let server = MockServer::start();
    retirement_server(&server, &[("ACTIVE", "ACTIVE", 120)]);
    let env = TestEnv::new();
    let jwk = new_jwk(&env);
    let policies = server.mock(|when, then| {
        when.path_includes("/policies");
        then.status(500);
    });
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        AS,
        "--jwk",
        jwk.to_str().unwrap(),
        "--delete-old",
        "--ignore-token-lifetime",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for deleted in ["apkA", "apkP", "apkQ"] {
        assert!(
            err.contains(&format!("delete INACTIVE key {deleted} ")),
            "{err}"
        );
    }
    assert!(
        err.contains("  keep apkN (kid kid-apkN): a next key"),
        "{err}"
    );
    policies.assert_calls(0);
}

#[test]
fn on_retire_runs_once_per_deleted_key_with_its_ids() {
    let s = Sandbox::start(&[]);
    let seed = s.keys()[0].clone();
    let jwk = s.jwk("after", 1);
    let out = s.run(&rotate(
        &jwk,
        &[
            "--delete-old",
            "--ignore-token-lifetime",
            "--yes",
            "--on-retire",
            "echo \"$OKTAKEYS_RETIRED_KID $OKTAKEYS_RETIRED_KEY_ID\" >> retired.txt",
        ],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.env.path("retired.txt")).unwrap(),
        format!(
            "{} {}\n",
            seed["kid"].as_str().unwrap(),
            seed["id"].as_str().unwrap()
        )
    );
    assert_eq!(summary(&s.keys()), pairs(&[("after", "ACTIVE")]));
}

#[test]
fn a_just_deactivated_key_is_kept_by_delete_old_until_its_tokens_expire() {
    let s = Sandbox::start(&[]);
    let seed = seed_kid(&s);
    let jwk = s.jwk("fresh", 1);
    let out = s.run(&rotate(
        &jwk,
        &["--delete-old", "--token-lifetime", "1h", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(": retirable at "), "{}", stderr(&out));
    assert_eq!(
        summary(&s.keys()),
        pairs(&[(&seed, "INACTIVE"), ("fresh", "ACTIVE")])
    );
}

#[test]
fn retirement_windows_from_the_sandboxs_rules_with_different_lifetimes() {
    for minutes in [30i64, 90] {
        let s = aged_sandbox(&["--token-lifetime", &minutes.to_string()]);
        let seed = s.keys()[0]["id"].as_str().unwrap().to_string();
        let jwk = s.jwk("real", 1);
        // No --token-lifetime: the rules are read.
        let out = s.run(&rotate(&jwk, &["--delete-old", "--yes"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!stderr(&out).contains("assuming 24h"), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("keep {seed} (kid ")),
            "the just-deactivated key is kept: {}",
            stderr(&out)
        );
        let out = s.run(&[
            "keys",
            "list",
            "--auth-server",
            "default",
            "--retirement",
            "-o",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
        let old = keys.iter().find(|k| k["id"] == seed.as_str()).unwrap();
        assert_eq!(old["_oktakeys"]["role"], "previous");
        let stopped = epoch_secs(old["lastUpdated"].as_str().unwrap());
        let retirable = epoch_secs(old["_oktakeys"]["retirableAt"].as_str().unwrap());
        assert_eq!(retirable - stopped, minutes * 60, "{old}");
        // Not retirable yet: a second --delete-old keeps it too.
        let out = s.run(&rotate(&jwk, &["--delete-old", "--yes", "-o", "json"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(out.json()[0]["deleted"], json!([]));
        assert_eq!(s.keys().len(), 2);
    }
}
