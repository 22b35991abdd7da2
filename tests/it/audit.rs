//! `keys audit`: each finding one by one, the exit codes (0, 11, `--strict`), the `-o json`
//! report, the table, and `--all-auth-servers` (one failing server does not stop the
//! others); against httpmock, which shows the exact requests.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::common::*;

const ENC: &str = "RSA-OAEP-256";

fn server_obj(id: &str, encryption: Option<&str>) -> Value {
    let mut s = json!({"id": id, "name": format!("{id} name"), "status": "ACTIVE"});
    if let Some(alg) = encryption {
        s["accessTokenEncryptedResponseAlgorithm"] = alg.into();
    }
    s
}

/// A key as Okta lists it; `created`/`updated` are dates of 2023.
fn key(id: &str, kid: Option<&str>, status: &str, created: &str, updated: &str) -> Value {
    let mut k = json!({
        "id": id, "kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 7),
        "status": status,
        "created": format!("2023-{created}T00:00:00.000Z"),
        "lastUpdated": format!("2023-{updated}T00:00:00.000Z"),
    });
    if let Some(kid) = kid {
        k["kid"] = kid.into();
    }
    k
}

fn active(id: &str) -> Value {
    key(id, Some(&format!("kid-{id}")), "ACTIVE", "01-01", "02-01")
}

/// Mocks GET of the server and of its keys.
fn serve<'a>(okta: &'a MockServer, server: &Value, keys: &[Value]) -> [httpmock::Mock<'a>; 2] {
    let id = server["id"].as_str().unwrap().to_string();
    let obj = server.clone();
    let get = okta.mock(|when, then| {
        when.method(GET)
            .path(format!("/api/v1/authorizationServers/{id}"));
        then.status(200).json_body(obj);
    });
    let keys = Value::Array(keys.to_vec());
    let list = okta.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{id}/resourceservercredentials/keys"
        ));
        then.status(200).json_body(keys);
    });
    [get, list]
}

fn audit(okta: &MockServer, args: &[&str]) -> Run {
    let env = TestEnv::new();
    let mut cmd = env.cmd_with_org(&okta.base_url());
    cmd.args(["--max-retries", "0", "keys", "audit"]).args(args);
    // The fixed keys are of 2023: old unless a test asks for a --max-age.
    if !args.contains(&"--max-age") {
        cmd.args(["--max-age", "36500d"]);
    }
    run(&mut cmd)
}

/// The (severity, code) of every finding of the one server audited, from `-o json`.
fn findings(out: &Run) -> Vec<(String, String)> {
    let report = out.json();
    report["servers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(severity: &str, code: &str) -> (String, String) {
    (severity.to_string(), code.to_string())
}

#[test]
fn a_healthy_server_has_no_findings_and_exits_0() {
    let okta = MockServer::start();
    let mocks = serve(&okta, &server_obj("ausA", Some(ENC)), &[active("apk1")]);
    let out = audit(&okta, &["--auth-server", "ausA", "--strict"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.contains("  ok          no findings\n"), "{out}");
    assert!(
        out.stdout.ends_with("1 server: 0 errors, 0 warnings\n"),
        "{out}"
    );
    // Exactly the server and its keys: no policies without a previous key's window.
    for m in mocks {
        m.assert();
    }
}

#[test]
fn encryption_on_without_an_active_key_is_an_error() {
    let okta = MockServer::start();
    let staged = key("apk2", Some("next"), "INACTIVE", "03-01", "03-01");
    serve(&okta, &server_obj("ausA", Some(ENC)), &[staged]);
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(11), "{out}");
    assert_eq!(findings(&out), [pair("error", "no-active-key")]);
}

#[test]
fn an_active_key_older_than_max_age_is_an_error() {
    let okta = MockServer::start();
    serve(&okta, &server_obj("ausA", Some(ENC)), &[active("apk1")]);
    let out = audit(
        &okta,
        &["--auth-server", "ausA", "--max-age", "30d", "-o", "json"],
    );
    assert_eq!(out.code(), Some(11), "{out}");
    assert_eq!(findings(&out), [pair("error", "active-key-too-old")]);
    let message = out.json()["servers"][0]["findings"][0]["message"].clone();
    assert!(
        message
            .as_str()
            .unwrap()
            .contains("more than --max-age 30d"),
        "{message}"
    );
}

#[test]
fn a_key_without_a_kid_is_an_error() {
    let okta = MockServer::start();
    let no_kid = key("apk2", None, "INACTIVE", "03-01", "03-01");
    serve(
        &okta,
        &server_obj("ausA", Some(ENC)),
        &[active("apk1"), no_kid],
    );
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(11), "{out}");
    assert_eq!(findings(&out), [pair("error", "key-without-kid")]);
}

#[test]
fn keys_saved_with_encryption_off_is_a_warning_failing_only_with_strict() {
    let okta = MockServer::start();
    serve(&okta, &server_obj("ausA", None), &[active("apk1")]);
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(findings(&out), [pair("warning", "keys-without-encryption")]);
    let strict = audit(&okta, &["--auth-server", "ausA", "--strict", "-o", "json"]);
    assert_eq!(strict.code(), Some(11), "{strict}");
}

#[test]
fn five_keys_are_at_the_limit() {
    let okta = MockServer::start();
    let mut keys = vec![active("apk1")];
    for i in 2..=5 {
        // Staged after the activation, never activated: next keys, not retirable.
        keys.push(key(
            &format!("apk{i}"),
            Some(&format!("k{i}")),
            "INACTIVE",
            "03-01",
            "03-01",
        ));
    }
    serve(&okta, &server_obj("ausA", Some(ENC)), &keys);
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(findings(&out), [pair("warning", "key-limit")]);
    let four = audit_with(&okta, "ausB", &keys[..4]);
    assert_eq!(findings(&four), []);
}

fn audit_with(okta: &MockServer, id: &str, keys: &[Value]) -> Run {
    serve(okta, &server_obj(id, Some(ENC)), keys);
    audit(okta, &["--auth-server", id, "-o", "json"])
}

#[test]
fn an_inactive_key_past_retirement_is_a_warning_by_the_servers_token_lifetime() {
    let okta = MockServer::start();
    // Active from 01-01 until 02-01, when apk1 was activated.
    let previous = key("apk0", Some("old"), "INACTIVE", "01-01", "02-01");
    serve(
        &okta,
        &server_obj("ausA", Some(ENC)),
        &[active("apk1"), previous],
    );
    // The rule reads the policies' rules, as `keys list --retirement` does.
    let policies = okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/ausA/policies");
        then.status(200)
            .json_body(json!([{"id": "pol1", "status": "ACTIVE"}]));
    });
    let rules = okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/ausA/policies/pol1/rules");
        then.status(200)
            .json_body(json!([{"id": "r1", "status": "ACTIVE",
            "actions": {"token": {"accessTokenLifetimeMinutes": 60}}}]));
    });
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(findings(&out), [pair("warning", "retirable-keys")]);
    let message = out.json()["servers"][0]["findings"][0]["message"].clone();
    assert!(
        message
            .as_str()
            .unwrap()
            .contains("retirable since 2023-02-01T01:00:00.000Z"),
        "deactivated 02-01, tokens live 60 minutes: {message}"
    );
    policies.assert();
    rules.assert();
}

#[test]
fn no_key_at_all_is_a_warning() {
    let okta = MockServer::start();
    serve(&okta, &server_obj("ausA", None), &[]);
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(findings(&out), [pair("warning", "no-keys")]);
}

#[test]
fn the_json_report_has_the_servers_facts_findings_and_a_summary() {
    let okta = MockServer::start();
    serve(&okta, &server_obj("ausA", None), &[active("apk1")]);
    let out = audit(&okta, &["--auth-server", "ausA", "-o", "json"]);
    let mut report = out.json();
    let age = report["servers"][0]["activeKey"]["ageSeconds"].take();
    assert!(age.as_u64().unwrap() > 365 * 86_400, "{age}");
    assert_eq!(
        report,
        json!({
            "servers": [{
                "id": "ausA",
                "name": "ausA name",
                "encryption": null,
                "keySource": "saved",
                "activeKey": {"id": "apk1", "kid": "kid-apk1",
                    "activated": "2023-02-01T00:00:00.000Z", "ageSeconds": null},
                "keyCount": 1,
                "findings": [{
                    "severity": "warning",
                    "code": "keys-without-encryption",
                    "message": "1 key is saved but encryption is off: access tokens are not encrypted (oktakeys servers encryption enable --auth-server ausA)",
                }],
            }],
            "summary": {"servers": 1, "errors": 0, "warnings": 1},
        })
    );
}

#[test]
fn all_auth_servers_audits_every_active_server_in_order_past_a_failure() {
    let okta = MockServer::start();
    let listing = okta.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        let mut off = server_obj("ausOff", None);
        off["status"] = "INACTIVE".into();
        then.status(200).json_body(json!([
            server_obj("ausB", Some(ENC)),
            off,
            server_obj("ausBroken", Some(ENC)),
            server_obj("ausA", Some(ENC)),
        ]));
    });
    let list_keys = |id: &str, keys: Value| {
        let path = format!("/api/v1/authorizationServers/{id}/resourceservercredentials/keys");
        okta.mock(move |when, then| {
            when.method(GET).path(path);
            then.status(200).json_body(keys);
        })
    };
    let b = list_keys("ausB", json!([active("apkB")]));
    let a = list_keys("ausA", json!([]));
    let broken = okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/ausBroken/resourceservercredentials/keys");
        then.status(500)
            .json_body(okta_error("E0000009", "Internal Server Error", &[]));
    });
    let out = audit(&okta, &["--all-auth-servers"]);
    // The failure's exit code (a server error) wins over the audit's 11.
    assert_ne!(out.code(), Some(0), "{out}");
    assert_ne!(out.code(), Some(11), "{out}");
    assert!(out.stderr.contains("error: ausBroken:"), "{out}");
    let headings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("aus"))
        .collect();
    assert_eq!(headings, ["ausB (ausB name)", "ausA (ausA name)"], "{out}");
    assert!(
        out.stdout.contains("no-active-key: encryption is on"),
        "{out}"
    );
    assert!(
        out.stdout.ends_with("2 servers: 1 error, 1 warning\n"),
        "{out}"
    );
    listing.assert();
    b.assert();
    a.assert();
    broken.assert();
}

#[test]
fn the_table_shows_facts_then_findings() {
    let okta = MockServer::start();
    let no_kid = key("apk2", None, "INACTIVE", "03-01", "03-01");
    serve(&okta, &server_obj("ausA", Some(ENC)), &[no_kid]);
    let out = audit(&okta, &["--auth-server", "ausA"]);
    insta::assert_snapshot!(out, @r"
    [exit status: 11]
    ----- stdout -----
    ausA (ausA name)
      encryption  RSA-OAEP-256
      key source  saved
      active key  none
      keys        1
      error       no-active-key: encryption is on (RSA-OAEP-256) but no key is ACTIVE; activate one: oktakeys keys activate --auth-server ausA KEY_ID
      error       key-without-kid: key apk2 has no kid: Okta refuses every key added to this server until it is deleted or replaced

    1 server: 2 errors, 0 warnings
    ");
}
