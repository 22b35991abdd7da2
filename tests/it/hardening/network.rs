//! Issue 12, items 6–8: rate-limit exits, an add applied but answered 429, hostile lists.

use super::*;

// ------------------------------------------------------------- 6. rate-limit exits

/// Item 6: a used-up window (`X-Rate-Limit-Remaining: 0`) that resets in ten hours is
/// exit 7, says the real reset and that oktakeys will not wait, and sends nothing more.
#[test]
fn item06_a_used_up_window_resetting_in_hours_is_exit_7_and_sends_nothing_into_it() {
    let server = MockServer::start();
    let now = now_epoch();
    let date = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(now));
    let page1 = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("date", date.clone())
            .header("x-rate-limit-remaining", "0")
            .header("x-rate-limit-reset", (now + 36_000).to_string())
            .header("link", format!("<{}>; rel=\"next\"", keys_path("/page2")))
            .json_body(json!([]));
    });
    let page2 = server.mock(|when, then| {
        when.method(GET).path(keys_path("/page2"));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    page1.assert_calls(1);
    page2.assert_calls(0);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("window resets in 10 h 0 min (at "), "{err}");
    assert!(err.contains("so it will not wait that long"), "{err}");
    assert!(err.contains("hint: run again after the reset"), "{err}");
}

/// Item 6: a 429 whose window resets in ten hours is not retried into it: exit 7 with
/// the real reset, one request.
#[test]
fn item06_a_429_resetting_in_hours_is_not_resent() {
    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(429)
            .header("x-rate-limit-reset", (now_epoch() + 36_000).to_string())
            .json_body(okta_error("E0000047", "API call exceeded rate limit.", &[]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    limited.assert_calls(1);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Okta's rate-limit window resets in 10 h 0 min"),
        "{err}"
    );
    assert!(!err.contains("60 s)"), "{err}");
}

/// Item 6: a used-up window that resets after `--timeout` is exit 7 (it was 8).
#[test]
fn item06_a_used_up_window_past_the_timeout_is_exit_7() {
    let server = MockServer::start();
    let now = now_epoch();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("x-rate-limit-remaining", "0")
            .header("x-rate-limit-reset", (now + 40).to_string())
            .header("link", format!("<{}>; rel=\"next\"", keys_path("/page2")))
            .json_body(json!([]));
    });
    let page2 = server.mock(|when, then| {
        when.method(GET).path(keys_path("/page2"));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["--timeout", "5"])
        .args(LIST));
    page2.assert_calls(0);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("after --timeout (5 s) runs out; oktakeys will not wait that long"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------- 7. an add applied but answered 429

/// Item 7: Okta stores the key and answers 429; the resend gets "duplicate kid". The
/// key is looked for, found, and the add succeeds once (exit 0, not 6).
#[test]
fn item07_an_add_applied_but_answered_429_is_found_not_reported_as_a_duplicate() {
    use std::sync::{Arc, Mutex};
    let stored: Arc<Mutex<Vec<Value>>> = Arc::new(Mutex::new(Vec::new()));
    let held = stored.clone();
    let raw = RawServer::start(10, move |_, req| {
        let mut keys = held.lock().unwrap();
        if req.method == "GET" {
            return raw_json("200 OK", &[], &Value::Array(keys.clone()));
        }
        if !keys.is_empty() {
            return raw_json(
                "400 Bad Request",
                &[],
                &okta_error(
                    "E0000001",
                    "Api validation failed: kid",
                    &["kid: A key with this 'kid' already exists. Provide a unique 'kid'."],
                ),
            );
        }
        let mut key: Value = serde_json::from_slice(&req.body).unwrap();
        key["id"] = json!("apkSTORED0");
        keys.push(key);
        // Stored, yet refused: the reset is long past, so the wait is a second.
        raw_json(
            "429 Too Many Requests",
            &[("X-Rate-Limit-Reset", "1000".into())],
            &okta_error("E0000047", "API call exceeded rate limit.", &[]),
        )
    });
    let env = TestEnv::new();
    let file = jwk_file(&env, "key.json", good_jwk("once", 9));
    let out = run(env.cmd_with_org(&raw.url).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &file,
        "-o",
        "id",
    ]));
    let requests = raw.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "apkSTORED0\n");
    let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(methods, ["POST", "POST", "GET"]);
    assert_eq!(stored.lock().unwrap().len(), 1);
}

// ------------------------------------------------------------- 8. hostile lists

/// Item 8: a `Link: rel="next"` back to a page already read is exit 8, not a partial
/// list passed off as the whole one.
#[test]
fn item08_a_next_link_back_to_a_read_page_is_exit_8() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("link", format!("<{}>; rel=\"next\"", keys_path("")))
            .json_body(json!([okta_key(
                &server.base_url(),
                "apk1",
                "k1",
                "ACTIVE",
                1
            )]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    page.assert_calls(1);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains(&format!(
            "the key list of {SERVER} links back to a page already read"
        )),
        "{}",
        stderr(&out)
    );
}

/// Item 8: a server listing more keys than Okta's documented five is not said to hold
/// "Okta's maximum" (since issue 11 no maximum is assumed at all).
#[test]
fn item08_more_than_five_keys_is_not_called_okta_s_maximum() {
    let server = MockServer::start();
    let base = server.base_url();
    let mut keys = vec![okta_key(&base, "apk0", "k0", "ACTIVE", 1)];
    keys.extend(
        (1..12).map(|i| okta_key(&base, &format!("apk{i}"), &format!("k{i}"), "INACTIVE", i)),
    );
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(Value::Array(keys.clone()));
    });
    let env = TestEnv::new();
    let jwk = jwk_file(&env, "new.json", good_jwk("new", 40));
    let out = run(env.cmd_with_org(&base).args([
        "keys",
        "rotate",
        "--auth-server",
        SERVER,
        "--jwk",
        &jwk,
        "--dry-run",
    ]));
    let err = stderr(&out);
    // No limit is assumed (issue 11): the key limit is learned from Okta's refusal of
    // the add, so a dry run plans the add and says nothing of a maximum.
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("  1. add the new key, kid new, INACTIVE\n"),
        "{err}"
    );
    assert!(!err.contains("keys, Okta's maximum"), "{err}");
    assert!(!err.contains("Okta documents as its maximum"), "{err}");
}
