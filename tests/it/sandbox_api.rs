//! The sandbox over HTTP, started in-process: Okta's status codes, exact bodies, headers,
//! links, rules, knobs and the state file.

use std::collections::HashSet;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::common::sandbox::*;
use keymaterial::secret::Secret;
use oktakeys_sandbox::{self as sandbox, FailWith, Options, RunningSandbox};
use reqwest::Method;
use serde_json::{Value, json};

async fn start_with(dir: &std::path::Path, f: impl FnOnce(&mut Options)) -> (RunningSandbox, Api) {
    let mut options = Options::new(dir.join("sandbox.json"));
    options.token = Secret::new(TOKEN);
    f(&mut options);
    let sb = sandbox::start(options).await.unwrap();
    let api = Api::new(&sb.base_url, TOKEN);
    (sb, api)
}

async fn start(dir: &std::path::Path) -> (RunningSandbox, Api) {
    start_with(dir, |_| {}).await
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The one key of a fresh sandbox's `default`.
async fn seed_key(api: &Api) -> Value {
    let list = api.list("default").await;
    assert_eq!(list.status, 200);
    let keys = list.json();
    assert_eq!(keys.as_array().unwrap().len(), 1);
    keys[0].clone()
}

#[tokio::test]
async fn list_returns_the_seeded_active_key_with_oktas_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start(dir.path()).await;
    let before = now();
    let resp = api.list("default").await;
    let after = now();
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("content-type"), "application/json");
    let request_id = resp.header("x-okta-request-id");
    assert!(
        request_id.len() == 27 && request_id.bytes().all(|b| b.is_ascii_alphanumeric()),
        "{request_id}"
    );
    assert_eq!(resp.header("x-rate-limit-limit"), "1000");
    assert_eq!(resp.header("x-rate-limit-remaining"), "999");
    let reset: u64 = resp.header("x-rate-limit-reset").parse().unwrap();
    assert!((before + 60..=after + 60).contains(&reset), "reset {reset}");
    assert!(resp.header("date").ends_with(" GMT"));

    let keys = resp.json();
    let key = &keys[0];
    assert_eq!(keys.as_array().unwrap().len(), 1);
    assert!(is_key_id(key["id"].as_str().unwrap()), "{key}");
    assert!(is_timestamp(key["created"].as_str().unwrap()), "{key}");
    assert_eq!(key["created"], key["lastUpdated"]);
    assert!(MODULI.contains(&key["n"].as_str().unwrap()));
    assert_eq!(
        key["kid"].as_str().unwrap(),
        keymaterial::jwk::thumbprint("AQAB", key["n"].as_str().unwrap())
    );
    assert_eq!(
        keys,
        json!([key_json(&sb.base_url, "default", key, "ACTIVE")])
    );

    // The state file holds it.
    let state: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("sandbox.json")).unwrap()).unwrap();
    assert_eq!(
        state["authorizationServers"]["default"]["keys"][0]["id"],
        key["id"]
    );
}

#[tokio::test]
async fn a_full_rotation_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start(dir.path()).await;
    let base = sb.base_url.as_str();
    let old = seed_key(&api).await;
    let old_id = old["id"].as_str().unwrap();

    // add → 201, INACTIVE, the links of an INACTIVE key
    let resp = api.add("default", add_body("2026-11-enc", 3)).await;
    assert_eq!(resp.status, 201, "{}", resp.text);
    assert_eq!(resp.header("content-type"), "application/json");
    let new = resp.json();
    let new_id = new["id"].as_str().unwrap().to_string();
    assert!(is_key_id(&new_id));
    assert_ne!(new_id, old_id);
    assert!(is_timestamp(new["created"].as_str().unwrap()));
    assert_eq!(new["created"], new["lastUpdated"]);
    assert_eq!(new["kid"], "2026-11-enc");
    assert_eq!(new["n"], MODULI[3]);
    assert_eq!(new, key_json(base, "default", &new, "INACTIVE"));

    // get → the same
    let got = api.get("default", &new_id).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json(), new);

    // activate → 200, ACTIVE; the old key is now INACTIVE
    let resp = api.activate("default", &new_id).await;
    assert_eq!(resp.status, 200, "{}", resp.text);
    let activated = resp.json();
    assert_eq!(activated, key_json(base, "default", &activated, "ACTIVE"));
    assert_eq!(activated["created"], new["created"]);
    let old_now = api.get("default", old_id).await.json();
    assert_eq!(old_now, key_json(base, "default", &old_now, "INACTIVE"));
    assert_eq!(old_now["created"], old["created"]);

    // deactivate the (already inactive) old key → 200, unchanged
    let resp = api.deactivate("default", old_id).await;
    assert_eq!(resp.status, 200);
    assert_eq!(resp.json(), old_now);

    // delete the old key → 204, no body
    let resp = api.delete("default", old_id).await;
    assert_eq!(resp.status, 204);
    assert_eq!(resp.text, "");
    assert!(resp.headers.get("content-type").is_none());
    assert!(resp.headers.get("x-okta-request-id").is_some());

    // list → only the new key, ACTIVE
    let list = api.list("default").await.json();
    assert_eq!(list, json!([activated]));
    assert_error(
        &api.get("default", old_id).await,
        404,
        "E0000007",
        &format!("Not found: Resource not found: {old_id} (JsonWebKey)"),
        &[],
    );
}

#[tokio::test]
async fn every_rule_answers_with_oktas_exact_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |o| {
        o.auth_servers = vec!["aus2".into()];
        o.encryption_enabled = ["aus2".to_string()].into_iter().collect();
    })
    .await;
    let seed = seed_key(&api).await;
    let seed_id = seed["id"].as_str().unwrap();

    // add ACTIVE
    assert_error(
        &api.add("default", json!({"kid": "k1", "kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[1], "status": "ACTIVE"})).await,
        400, "E0000001", VALIDATION,
        &["Keys cannot be created with an 'ACTIVE' status. Create an 'INACTIVE' key and then activate it."],
    );
    // duplicate kid (the seed's)
    assert_error(
        &api.add("default", add_body(seed["kid"].as_str().unwrap(), 1))
            .await,
        400,
        "E0000001",
        VALIDATION,
        &["Each key must have a unique 'kid'."],
    );
    // short modulus: 1024 bits
    let short = &MODULI[1][..171];
    assert_error(
        &api.add("default", json!({"kid": "short", "kty": "RSA", "use": "enc", "e": "AQAB", "n": short, "status": "INACTIVE"})).await,
        400, "E0000001", VALIDATION,
        &["RSA key length in the 'jwks' is less than '2,048' bits for the given key."],
    );
    // malformed JSON
    let auth = format!("SSWS {TOKEN}");
    assert_error(
        &api.send(
            Method::POST,
            &keys_path("default"),
            Some(&auth),
            Some("{\"kid\": "),
        )
        .await,
        400,
        "E0000003",
        "The request body was not well-formed.",
        &[],
    );
    // delete the ACTIVE key
    assert_error(
        &api.delete("default", seed_id).await,
        400,
        "E0000001",
        VALIDATION,
        &["'ACTIVE' keys cannot be deleted. Activate another key before deleting this one."],
    );
    // at most 5 keys
    for i in 1..5 {
        assert_eq!(
            api.add("default", add_body(&format!("k{i}"), i))
                .await
                .status,
            201
        );
    }
    assert_error(
        &api.add("default", add_body("k5", 5)).await,
        400,
        "E0000001",
        VALIDATION,
        &[
            "You can't create a new key. You have reached the maximum number of keys allowed (5). To add another key, you must first delete an existing one.",
        ],
    );
    // deactivating the active key with encryption on (aus2), allowed without (default)
    let aus2_active = api.list("aus2").await.json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_error(
        &api.deactivate("aus2", &aus2_active).await,
        400,
        "E0000001",
        VALIDATION,
        &["You cannot deactivate the active key when access token encryption is enabled."],
    );
    assert_eq!(api.list("aus2").await.json()[0]["status"], "ACTIVE");
    let resp = api.deactivate("default", seed_id).await;
    assert_eq!(
        (resp.status, resp.json()["status"].clone()),
        (200, json!("INACTIVE"))
    );

    // unknown server, unknown key
    for resp in [
        api.list("aus404").await,
        api.get("aus404", seed_id).await,
        api.add("aus404", add_body("x", 1)).await,
        api.activate("aus404", seed_id).await,
        api.deactivate("aus404", seed_id).await,
        api.delete("aus404", seed_id).await,
    ] {
        assert_error(
            &resp,
            404,
            "E0000007",
            "Not found: Resource not found: aus404 (AuthorizationServer)",
            &[],
        );
    }
    for resp in [
        api.get("default", "apk404").await,
        api.activate("default", "apk404").await,
        api.deactivate("default", "apk404").await,
        api.delete("default", "apk404").await,
    ] {
        assert_error(
            &resp,
            404,
            "E0000007",
            "Not found: Resource not found: apk404 (JsonWebKey)",
            &[],
        );
    }
    // the kid is not the key id
    assert_eq!(
        api.get("default", seed["kid"].as_str().unwrap())
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_key_without_kid_blocks_further_adds() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start(dir.path()).await;
    let resp = api
        .add(
            "default",
            json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[2], "status": "INACTIVE"}),
        )
        .await;
    assert_eq!(resp.status, 201);
    assert_eq!(resp.json()["kid"], Value::Null);
    assert_error(
        &api.add("default", add_body("k2", 3)).await,
        400,
        "E0000001",
        VALIDATION,
        &[
            "You can't add a new key while an existing key doesn't have a 'kid'. Delete that key and add it again with a 'kid'.",
        ],
    );
}

#[tokio::test]
async fn tokens_ssws_and_bearer_are_accepted_anything_else_is_401() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start(dir.path()).await;
    let path = keys_path("default");
    assert_eq!(
        api.send(Method::GET, &path, Some(&format!("SSWS {TOKEN}")), None)
            .await
            .status,
        200
    );
    assert_eq!(
        api.send(Method::GET, &path, Some(&format!("Bearer {TOKEN}")), None)
            .await
            .status,
        200
    );
    // Okta's Python SDK 3.x sends the scheme and the token without a space.
    assert_eq!(
        api.send(Method::GET, &path, Some(&format!("SSWS{TOKEN}")), None)
            .await
            .status,
        200
    );
    assert_eq!(
        api.send(Method::GET, &path, Some(&format!("ssws {TOKEN}")), None)
            .await
            .status,
        200
    );
    let mut ids = HashSet::new();
    for auth in [
        None,
        Some("SSWS wrong"),
        Some(&*format!("SSWS {TOKEN}x")),
        Some(&*format!("Basic {TOKEN}")),
        Some(TOKEN),
        Some("SSWS "),
    ] {
        let resp = api.send(Method::GET, &path, auth, None).await;
        let id = assert_error(&resp, 401, "E0000011", "Invalid token provided", &[]);
        assert!(resp.headers.get("x-rate-limit-remaining").is_some());
        assert!(ids.insert(id), "errorId is unique");
    }
    // The token is checked before the route: a wrong token on an unknown server is 401.
    assert_eq!(
        api.send(Method::GET, &keys_path("aus404"), Some("SSWS wrong"), None)
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_get_okta_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start(dir.path()).await;
    assert_error(
        &api.call(Method::GET, "/api/v1/users/me", None).await,
        404,
        "E0000007",
        "Not found: Resource not found: /api/v1/users/me (Page)",
        &[],
    );
    assert_error(
        &api.call(Method::GET, &keys_path("%FF"), None).await,
        404,
        "E0000007",
        "Not found: Resource not found: /api/v1/authorizationServers/%FF/resourceservercredentials/keys (Page)",
        &[],
    );
    // Percent-encoded ids are decoded like any other.
    assert_error(
        &api.call(Method::GET, &keys_path("aus%20x"), None).await,
        404,
        "E0000007",
        "Not found: Resource not found: aus x (AuthorizationServer)",
        &[],
    );
    assert_error(
        &api.call(Method::PUT, &keys_path("default"), None).await,
        405,
        "E0000022",
        "The endpoint does not support the provided HTTP method",
        &[],
    );
}

#[tokio::test]
async fn links_use_the_host_the_request_came_to() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start(dir.path()).await;
    let resp = api
        .client
        .get(format!("{}{}", sb.base_url, keys_path("default")))
        .header("Host", "okta.example:4443")
        .header("Authorization", format!("SSWS {TOKEN}"))
        .send()
        .await
        .unwrap();
    let keys: Value = resp.json().await.unwrap();
    let id = keys[0]["id"].as_str().unwrap();
    assert_eq!(
        keys[0]["_links"]["self"]["href"],
        format!(
            "http://okta.example:4443/api/v1/authorizationServers/default/resourceservercredentials/keys/{id}"
        )
    );
    assert_eq!(
        keys[0],
        key_json("http://okta.example:4443", "default", &keys[0], "ACTIVE")
    );
}

#[tokio::test]
async fn rate_limit_answers_429_with_the_reset_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |o| {
        o.knobs.rate_limit = 3;
        o.knobs.rate_limit_window = Duration::from_secs(600);
    })
    .await;
    let before = now();
    let mut resets = HashSet::new();
    for remaining in ["2", "1", "0"] {
        let resp = api.list("default").await;
        assert_eq!(resp.status, 200);
        assert_eq!(resp.header("x-rate-limit-limit"), "3");
        assert_eq!(resp.header("x-rate-limit-remaining"), remaining);
        resets.insert(resp.header("x-rate-limit-reset").to_string());
    }
    let resp = api.list("default").await;
    assert_error(
        &resp,
        429,
        "E0000047",
        "API call exceeded rate limit due to too many requests.",
        &[],
    );
    assert_eq!(resp.header("x-rate-limit-limit"), "3");
    assert_eq!(resp.header("x-rate-limit-remaining"), "0");
    resets.insert(resp.header("x-rate-limit-reset").to_string());
    assert_eq!(resets.len(), 1, "one window: {resets:?}");
    let reset: u64 = resets.into_iter().next().unwrap().parse().unwrap();
    assert!(
        (before + 600..=now() + 600).contains(&reset),
        "reset {reset}"
    );
    // The refusal covers writes too, and changes nothing.
    assert_eq!(api.add("default", add_body("k", 1)).await.status, 429);
}

#[tokio::test]
async fn the_failure_knob_fails_the_nth_request_with_500() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |o| {
        o.knobs.fail_requests = [2, 3].into_iter().collect();
    })
    .await;
    assert_eq!(api.list("default").await.status, 200);
    assert_error(
        &api.list("default").await,
        500,
        "E0000009",
        "Internal Server Error",
        &[],
    );
    // A failed add is not applied.
    let resp = api.add("default", add_body("k", 1)).await;
    assert_error(&resp, 500, "E0000009", "Internal Server Error", &[]);
    assert!(resp.headers.get("x-okta-request-id").is_some());
    assert_eq!(
        api.list("default").await.json().as_array().unwrap().len(),
        1
    );
}

#[tokio::test]
async fn the_failure_knob_can_answer_503() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |o| {
        o.knobs.fail_requests = [1].into_iter().collect();
        o.knobs.fail_with = FailWith::Status503;
    })
    .await;
    assert_error(
        &api.list("default").await,
        503,
        "E0000010",
        "Service is temporarily unavailable. Please try again later.",
        &[],
    );
    assert_eq!(api.list("default").await.status, 200);
}

#[tokio::test]
async fn the_failure_knob_can_drop_the_connection() {
    let dir = tempfile::tempdir().unwrap();
    let (sb, api) = start_with(dir.path(), |o| {
        o.knobs.fail_requests = [2].into_iter().collect();
        o.knobs.fail_with = FailWith::Drop;
    })
    .await;
    assert_eq!(api.list("default").await.status, 200);
    let err = api
        .client
        .get(format!("{}{}", sb.base_url, keys_path("default")))
        .header("Authorization", format!("SSWS {TOKEN}"))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_request() || err.is_connect(), "{err:?}");
    assert!(err.status().is_none());
    assert_eq!(api.list("default").await.status, 200);
}

#[tokio::test]
async fn latency_is_added_to_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start_with(dir.path(), |o| o.knobs.latency = Duration::from_millis(300)).await;
    let started = std::time::Instant::now();
    assert_eq!(api.list("default").await.status, 200);
    // A lower bound only: the sandbox waited at least this long before answering.
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn two_instances_sharing_a_state_file_see_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, api_a) = start(dir.path()).await;
    let (b, api_b) = start(dir.path()).await;
    assert_ne!(a.base_url, b.base_url);
    let seed = seed_key(&api_a).await;
    assert_eq!(
        seed_key(&api_b).await["id"],
        seed["id"],
        "the second start kept the state"
    );

    let added = api_a.add("default", add_body("shared", 2)).await.json();
    let id = added["id"].as_str().unwrap();
    assert_eq!(api_b.get("default", id).await.json()["kid"], "shared");
    assert_eq!(api_b.activate("default", id).await.status, 200);
    assert_eq!(api_a.get("default", id).await.json()["status"], "ACTIVE");
    a.shutdown().await;

    // A restart on the same file keeps everything.
    let (_c, api_c) = start(dir.path()).await;
    let keys = api_c.list("default").await.json();
    assert_eq!(keys.as_array().unwrap().len(), 2);
    assert_eq!(keys[1]["id"], id);
    drop(b);
}

#[tokio::test]
async fn new_auth_servers_are_added_to_an_existing_state() {
    let dir = tempfile::tempdir().unwrap();
    let (a, api) = start(dir.path()).await;
    let seed = seed_key(&api).await;
    a.shutdown().await;
    let (b, api) = start_with(dir.path(), |o| o.auth_servers = vec!["aus2".into()]).await;
    assert_eq!(
        seed_key(&api).await,
        key_json(&b.base_url, "default", &seed, "ACTIVE")
    );
    let aus2 = api.list("aus2").await.json();
    assert_eq!(aus2.as_array().unwrap().len(), 1);
    assert_eq!(aus2[0]["status"], "ACTIVE");
}

#[tokio::test]
async fn a_corrupt_state_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox.json");
    std::fs::write(&path, "{ this is not json").unwrap();
    let err = sandbox::start_in_process(&path).await.unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "the sandbox state file {} is not a valid sandbox state: ",
            path.display()
        )),
        "{msg}"
    );
    assert_eq!(oktakeys::Error::from(err.clone()).exit_code(), 3);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{ this is not json"
    );

    // Corrupted while running: 500, the file is left as it is.
    std::fs::remove_file(&path).unwrap();
    let (_sb, api) = start(dir.path()).await;
    std::fs::write(&path, "[]").unwrap();
    assert_error(
        &api.list("default").await,
        500,
        "E0000009",
        "Internal Server Error",
        &[],
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "[]");

    // reset repairs it.
    sandbox::reset(&path, &[]).unwrap();
    assert_eq!(api.list("default").await.status, 200);
}

#[tokio::test]
async fn start_in_process_seeds_default_and_generates_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/dir/sandbox.json");
    let sb = sandbox::start_in_process(&path).await.unwrap();
    assert!(sb.base_url.starts_with("http://127.0.0.1:"));
    assert_eq!(format!("{:?}", sb.token), "[REDACTED]");
    let token = sb.token.expose().to_string();
    assert!(token.starts_with("00") && token.len() == 42);
    let api = Api::new(&sb.base_url, &token);
    let key = seed_key(&api).await;
    assert_eq!(key["status"], "ACTIVE");
    assert!(path.exists());
    sb.shutdown().await;

    // A second start keeps the state, with a new token.
    let sb2 = sandbox::start_in_process(&path).await.unwrap();
    assert_ne!(sb2.token.expose(), token);
    let api2 = Api::new(&sb2.base_url, sb2.token.expose());
    assert_eq!(
        seed_key(&api2).await,
        key_json(&sb2.base_url, "default", &key, "ACTIVE")
    );
    assert_eq!(
        api2.send(
            Method::GET,
            &keys_path("default"),
            Some(&format!("SSWS {token}")),
            None
        )
        .await
        .status,
        401
    );
}

#[tokio::test]
async fn reset_restores_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start(dir.path()).await;
    let seed = seed_key(&api).await;
    api.add("default", add_body("extra", 1)).await;
    sandbox::reset(&dir.path().join("sandbox.json"), &["aus9".to_string()]).unwrap();
    let fresh = seed_key(&api).await;
    assert_ne!(fresh["id"], seed["id"]);
    assert_eq!(fresh["status"], "ACTIVE");
    assert_eq!(api.list("aus9").await.status, 200);
}

#[tokio::test]
async fn two_hundred_parallel_requests_are_all_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (_sb, api) = start(dir.path()).await;
    let seed = seed_key(&api).await;
    let seed_id = seed["id"].as_str().unwrap().to_string();
    let other = api.add("default", add_body("other", 1)).await.json();
    let other_id = other["id"].as_str().unwrap().to_string();

    // Reads and writes at once: lists, gets, and activations flipping between two keys.
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let api = api.clone();
            let (seed_id, other_id) = (seed_id.clone(), other_id.clone());
            tokio::spawn(async move {
                match i % 4 {
                    0 => api.list("default").await,
                    1 => api.get("default", &seed_id).await,
                    2 => api.activate("default", &other_id).await,
                    _ => api.activate("default", &seed_id).await,
                }
            })
        })
        .collect();
    let mut request_ids = HashSet::new();
    for t in tasks {
        let resp = t.await.unwrap();
        assert_eq!(resp.status, 200, "{}", resp.text);
        assert!(request_ids.insert(resp.header("x-okta-request-id").to_string()));
    }
    assert_eq!(request_ids.len(), 200);
    let keys = api.list("default").await.json();
    let active = keys
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "ACTIVE")
        .count();
    assert_eq!(active, 1, "exactly one ACTIVE key: {keys}");
}
