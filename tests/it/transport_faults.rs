//! The HTTP layer against faults: rate limits, 5xx bursts, dropped and reset connections,
//! proxies' HTML pages, and the `keys add` whose answer was lost (timeouts, redirects,
//! bodies, logs, proxies and TLS are in `transport_limits`). Waits are asserted from what oktakeys announces and from lower bounds
//! (a retry cannot come before the reset), never from how fast anything is.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::common::raw_server::{RawServer, Reply, json as raw_json};
use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

pub(crate) const LIST: [&str; 4] = ["keys", "list", "--auth-server", SERVER];

fn now_epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn one_key(base: &str) -> Value {
    json!([okta_key(
        base,
        "apk2f4zrZbs8nUa7p0g4",
        "2026-11-enc",
        "ACTIVE",
        1
    )])
}

pub(crate) fn timed(cmd: &mut assert_cmd::Command) -> (Run, Duration) {
    let started = Instant::now();
    let out = run(cmd);
    (out, started.elapsed())
}

// ---------------------------------------------------------------- rate limits (429)

#[test]
fn a_429_waits_for_the_reset_on_okta_s_clock_and_sends_the_retry_headers() {
    let server = MockServer::start();
    // Okta's clock is an hour behind ours: only a wait computed from its Date header
    // comes out at reset − Date + 1 = 2 s.
    let okta_now = SystemTime::now() - Duration::from_secs(3600);
    let okta_epoch = okta_now.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let refused = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header_missing("x-okta-retry-count");
        then.status(429)
            .header(
                "date",
                httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(okta_epoch)),
            )
            .header("x-rate-limit-limit", "100")
            .header("x-rate-limit-remaining", "0")
            .header("x-rate-limit-reset", (okta_epoch + 1).to_string())
            .header("x-okta-request-id", "req-429-first")
            .json_body(okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ));
    });
    let retried = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("x-okta-retry-count", "1")
            .header("x-okta-retry-for", "req-429-first")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(one_key(&server.base_url()));
    });
    let env = TestEnv::new();
    let (out, elapsed) = timed(env.cmd_with_org(&server.base_url()).arg("-v").args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    refused.assert_calls(1);
    retried.assert_calls(1);
    assert!(
        stderr(&out).contains("rate limited by Okta; retrying in 2 s (attempt 1/4)\n"),
        "{}",
        stderr(&out)
    );
    assert!(
        elapsed >= Duration::from_secs(2),
        "retried after {elapsed:?}"
    );
    assert!(stdout(&out).contains("apk2f4zrZbs8nUa7p0g4"));
}

#[test]
fn a_429_without_date_uses_the_local_clock() {
    let reset = now_epoch() + 2;
    let raw = RawServer::start(2, move |n, _| match n {
        0 => raw_json(
            "429 Too Many Requests",
            &[
                ("X-Rate-Limit-Reset", reset.to_string()),
                ("X-Okta-Request-Id", "req-no-date".into()),
            ],
            &okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ),
        ),
        _ => raw_json("200 OK", &[], &json!([])),
    });
    let env = TestEnv::new();
    let (out, elapsed) = timed(env.cmd_with_org(&raw.url).arg("-v").args(LIST));
    let requests = raw.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("x-okta-retry-count"), None);
    assert_eq!(requests[1].header("x-okta-retry-count"), Some("1"));
    assert_eq!(requests[1].header("x-okta-retry-for"), Some("req-no-date"));
    let err = stderr(&out);
    // reset − now + 1 on the local clock: whole seconds (not a backoff in ms), at most 3.
    let announced = err
        .split("rate limited by Okta; retrying in ")
        .nth(1)
        .and_then(|rest| rest.split_once(" s (attempt 1/4)"))
        .and_then(|(n, _)| n.parse::<u64>().ok());
    assert!(matches!(announced, Some(1..=3)), "{err}");
    // The retry came after the reset second began.
    assert!(
        elapsed >= Duration::from_secs(1),
        "retried after {elapsed:?}"
    );
}

#[test]
fn a_429_without_reset_backs_off_and_retries() {
    let raw = RawServer::start(3, |n, _| match n {
        0 | 1 => raw_json(
            "429 Too Many Requests",
            &[("X-Okta-Request-Id", format!("req-bare-{n}"))],
            &json!({}),
        ),
        _ => raw_json("200 OK", &[], &json!([])),
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&raw.url).arg("-v").args(LIST));
    let requests = raw.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[2].header("x-okta-retry-count"), Some("2"));
    assert_eq!(requests[2].header("x-okta-retry-for"), Some("req-bare-1"));
    let err = stderr(&out);
    // Backoff: half a second, then a second, with jitter: shown in ms below 1 s.
    assert!(err.contains(" ms (attempt 1/4)\n"), "{err}");
    assert!(
        err.contains(" ms (attempt 2/4)\n") || err.contains("retrying in 1 s (attempt 2/4)\n"),
        "{err}"
    );
}

#[test]
fn a_429_after_the_retries_exits_7() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(429)
            .header("x-rate-limit-reset", "1000") // long past: wait 1 s
            .header("x-okta-request-id", "req-429")
            .json_body(okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["--max-retries", "1"])
        .args(LIST));
    mock.assert_calls(2);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: rate limited by Okta: GET "),
        "{err}"
    );
    assert!(err.contains("  (after 2 attempts)\n"), "{err}");
    assert!(err.contains("raise --max-retries"), "{err}");
    // Not a terminal and no -v: the wait was not announced.
    assert!(!err.contains("retrying in"), "{err}");
}

#[test]
fn a_reset_after_the_command_timeout_is_not_waited_for() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(429)
            .header("x-rate-limit-reset", (now_epoch() + 40).to_string())
            .json_body(okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ));
    });
    let env = TestEnv::new();
    let (out, elapsed) = timed(
        env.cmd_with_org(&server.base_url())
            .args(["--timeout", "5"])
            .args(LIST),
    );
    mock.assert_calls(1);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    // The reset Okta said (40 s and a second), not a capped one.
    assert!(
        err.contains("after --timeout (5 s) runs out; oktakeys will not wait that long"),
        "{err}"
    );
    assert!(err.contains("window resets in 41 s"), "{err}");
    assert!(err.contains("hint: raise --timeout"), "{err}");
    // It did not sit out the 40 s window.
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn a_used_up_window_pauses_before_the_next_request() {
    let server = MockServer::start();
    let okta_epoch = now_epoch();
    let date = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(okta_epoch));
    let page1 = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("date", date.clone())
            .header("x-rate-limit-remaining", "0")
            .header("x-rate-limit-reset", (okta_epoch + 1).to_string())
            .header("link", format!("<{}>; rel=\"next\"", keys_path("/page2")))
            .json_body(one_key(&server.base_url()));
    });
    let page2 = server.mock(|when, then| {
        when.method(GET).path(keys_path("/page2"));
        then.status(200)
            .header("x-rate-limit-remaining", "99")
            .json_body(json!([]));
    });
    let env = TestEnv::new();
    let (out, elapsed) = timed(env.cmd_with_org(&server.base_url()).arg("-v").args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    page1.assert_calls(1);
    page2.assert_calls(1);
    let err = stderr(&out);
    // reset − Date + 1 = 2 s, less the moment between the two requests.
    assert!(
        err.contains("Okta's rate limit is used up; continuing in 2 s\n")
            || err.contains("Okta's rate limit is used up; continuing in 1 s\n"),
        "{err}"
    );
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");
}

/// Run oktakeys on a pseudo-terminal (util-linux `script`); the screen is its stdout.
fn on_a_terminal(env: &TestEnv, org: &str, args: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    run(env
        .program("script")
        .env("OKTA_ORG_URL", org)
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"]))
}

#[test]
fn on_a_terminal_the_wait_is_a_live_line_that_is_cleared_and_q_silences_it() {
    let server = MockServer::start();
    let refused = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header_missing("x-okta-retry-count");
        then.status(429)
            .header("x-rate-limit-reset", "1000")
            .json_body(json!({}));
    });
    let ok = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header_exists("x-okta-retry-count");
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let args = format!("keys list --auth-server {SERVER} -o id");
    let out = on_a_terminal(&env, &server.base_url(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let line = "rate limited by Okta; retrying in 1 s (attempt 1/4)";
    let screen = stdout(&out);
    assert!(screen.contains(&format!("\r{line}")), "{screen:?}");
    // Erased afterwards: carriage return, blanks over the whole line, carriage return.
    assert!(
        screen.contains(&format!("\r{}\r", " ".repeat(line.len()))),
        "{screen:?}"
    );
    let quiet = on_a_terminal(&env, &server.base_url(), &format!("-q {args}"));
    assert_eq!(quiet.status.code(), Some(0));
    assert!(!stdout(&quiet).contains("retrying"), "{:?}", stdout(&quiet));
    refused.assert_calls(2);
    ok.assert_calls(2);
}

// ---------------------------------------------------------------- 5xx and dropped connections

#[test]
fn a_503_burst_then_success() {
    let server = MockServer::start();
    let mut burst = Vec::new();
    for n in 0..3u32 {
        burst.push(server.mock(|when, then| {
            let when = when.method(GET).path(keys_path(""));
            if n == 0 {
                when.header_missing("x-okta-retry-count");
            } else {
                when.header("x-okta-retry-count", n.to_string())
                    .header("x-okta-retry-for", format!("req-503-{}", n - 1));
            }
            then.status(503)
                .header("x-okta-request-id", format!("req-503-{n}"))
                .header("content-type", "text/html")
                .body("<html><body>Service Unavailable</body></html>");
        }));
    }
    let ok = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("x-okta-retry-count", "3")
            .header("x-okta-retry-for", "req-503-2");
        then.status(200).json_body(one_key(&server.base_url()));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-v", "-o", "id"])
        .args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for mock in &burst {
        mock.assert_calls(1);
    }
    ok.assert_calls(1);
    assert_eq!(stdout(&out), "apk2f4zrZbs8nUa7p0g4\n");
    assert!(
        stderr(&out).contains("Okta answered 503 Service Unavailable; retrying in"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_html_502_after_the_retries_is_exit_8_with_a_snippet() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(502)
            .header("content-type", "text/html")
            .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["--max-retries", "1", "-o", "json"])
        .args(LIST));
    mock.assert_calls(2);
    assert_eq!(out.status.code(), Some(8));
    assert_eq!(stdout(&out), "");
    let err: Value = serde_json::from_str(stderr(&out).trim()).expect("one JSON object");
    assert_eq!(err["error"]["exit_code"], 8);
    assert_eq!(err["error"]["status"], 502);
    assert_eq!(
        err["error"]["response"],
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    );
}

/// A list request answered by `first` on the first connection and a good list after.
fn list_after(
    first: Reply,
    max_retries: &str,
) -> (Run, Vec<crate::common::raw_server::RawRequest>) {
    let mut first = Some(first);
    let raw = RawServer::start(2, move |_, _| match first.take() {
        Some(reply) => reply,
        None => raw_json("200 OK", &[], &json!([])),
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&raw.url)
        .args(["--max-retries", max_retries, "-o", "json"])
        .args(LIST));
    (out, raw.finish())
}

/// A named way for a connection to fail.
type Fault = (&'static str, fn() -> Reply);

#[test]
fn connection_faults_are_retried_for_a_get() {
    let faults: [Fault; 4] = [
        ("reset", || Reply::Reset),
        ("closed without an answer", || Reply::Close),
        ("reset mid-body", || {
            Reply::BytesThenReset(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n[{\"id\":".to_vec())
        }),
        ("truncated chunked body", || {
            Reply::Bytes(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n[{\"id\r\n".to_vec())
        }),
    ];
    for (name, fault) in faults {
        let (out, requests) = list_after(fault(), "2");
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), "[]\n", "{name}");
        assert_eq!(requests.len(), 2, "{name}");
        assert_eq!(
            requests[1].header("x-okta-retry-count"),
            Some("1"),
            "{name}"
        );

        // Without retries the same fault is exit 8, naming the host.
        let (out, requests) = list_after(fault(), "0");
        assert_eq!(out.status.code(), Some(8), "{name}");
        assert_eq!(requests.len(), 1, "{name}");
        let err: Value = serde_json::from_str(stderr(&out).trim()).expect("one JSON object");
        let message = err["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("the connection to 127.0.0.1 failed: "),
            "{name}: {message}"
        );
    }
}

#[test]
fn a_delete_whose_answer_was_lost_and_is_then_gone_succeeded() {
    let raw = RawServer::start(2, |n, _| match n {
        0 => Reply::Close, // deleted, but the answer never came
        _ => raw_json(
            "404 Not Found",
            &[],
            &okta_error(
                "E0000007",
                "Not found: Resource not found: apk1 (JsonWebKey)",
                &[],
            ),
        ),
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&raw.url).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk1",
        "--yes",
    ]));
    let requests = raw.finish();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "Deleted key apk1.\n");
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.method == "DELETE"));

    // A 404 on the first attempt is still "not found".
    let raw = RawServer::start(1, |_, _| {
        raw_json(
            "404 Not Found",
            &[],
            &okta_error("E0000007", "Not found", &[]),
        )
    });
    let out = run(env.cmd_with_org(&raw.url).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk1",
        "--yes",
    ]));
    raw.finish();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
}

// ---------------------------------------------------------------- keys add: exactly once

/// A server that stores every POSTed key (as a naive server would, so a blind resend
/// would show as two keys) and answers the list with what it holds. `drop_post` decides,
/// per POST (counted from 0), whether to drop the connection after storing, before
/// storing, or to answer.
#[derive(Clone, Copy, PartialEq, Debug)]
enum PostFate {
    StoreThenDrop,
    DropWithoutStoring,
    Answer,
    Answer500AfterStoring,
}

fn add_against(
    fates: &'static [PostFate],
    extra: &[&str],
) -> (Run, Vec<crate::common::raw_server::RawRequest>, Vec<Value>) {
    use std::sync::{Arc, Mutex};
    let stored: Arc<Mutex<Vec<Value>>> = Arc::new(Mutex::new(Vec::new()));
    let held = stored.clone();
    let mut posts = 0;
    let raw = RawServer::start(10, move |_, req| {
        let mut keys = held.lock().unwrap();
        if req.method == "GET" {
            return raw_json("200 OK", &[], &Value::Array(keys.clone()));
        }
        let fate = fates.get(posts).copied().unwrap_or(PostFate::Answer);
        posts += 1;
        let mut key: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        key["id"] = json!(format!("apkSTORED{}", keys.len()));
        key["alg"] = json!("RSA-OAEP");
        match fate {
            PostFate::DropWithoutStoring => Reply::Close,
            PostFate::StoreThenDrop => {
                keys.push(key);
                Reply::Close
            }
            PostFate::Answer500AfterStoring => {
                keys.push(key);
                raw_json(
                    "500 Internal Server Error",
                    &[("X-Okta-Request-Id", "req-500".into())],
                    &okta_error("E0000009", "Internal Server Error", &[]),
                )
            }
            PostFate::Answer => {
                keys.push(key.clone());
                raw_json("201 Created", &[], &key)
            }
        }
    });
    let env = TestEnv::new();
    let file = env.path("key.json");
    std::fs::write(
        &file,
        json!({"kty": "RSA", "e": "AQAB", "n": modulus(2048, 9), "kid": "once"}).to_string(),
    )
    .unwrap();
    let out = run(env
        .cmd_with_org(&raw.url)
        .args(["keys", "add", "--auth-server", SERVER, "--jwk"])
        .arg(&file)
        .args(["-o", "id"])
        .args(extra));
    let requests = raw.finish();
    let keys = stored.lock().unwrap().clone();
    (out, requests, keys)
}

fn methods(requests: &[crate::common::raw_server::RawRequest]) -> Vec<&str> {
    requests.iter().map(|r| r.method.as_str()).collect()
}

#[test]
fn an_add_dropped_after_the_server_stored_the_key_adds_exactly_one_key() {
    let (out, requests, keys) = add_against(&[PostFate::StoreThenDrop], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(keys.len(), 1, "exactly one key on the server");
    assert_eq!(methods(&requests), ["POST", "GET"]);
    assert_eq!(stdout(&out), "apkSTORED0\n");
    assert!(
        stderr(&out).contains("Okta had stored it: it was added once, not sent again."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_add_dropped_before_the_server_stored_it_is_sent_again() {
    let (out, requests, keys) = add_against(&[PostFate::DropWithoutStoring], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(keys.len(), 1, "exactly one key on the server");
    assert_eq!(methods(&requests), ["POST", "GET", "POST"]);
    assert_eq!(requests[2].header("x-okta-retry-count"), Some("1"));
    assert_eq!(requests[0].body, requests[2].body, "the same key, resent");
    assert_eq!(stdout(&out), "apkSTORED0\n");
}

#[test]
fn an_add_answered_500_after_storing_is_found_not_resent() {
    let (out, requests, keys) = add_against(&[PostFate::Answer500AfterStoring], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(keys.len(), 1);
    assert_eq!(methods(&requests), ["POST", "GET"]);
}

#[test]
fn an_add_that_keeps_failing_stops_at_max_retries_with_one_post_per_attempt() {
    const ALWAYS: &[PostFate] = &[PostFate::DropWithoutStoring; 4];
    let (out, requests, keys) = add_against(ALWAYS, &["--max-retries", "1"]);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(keys.is_empty());
    assert_eq!(methods(&requests), ["POST", "GET", "POST", "GET"]);
    assert!(
        stderr(&out).contains("(after 2 attempts)"),
        "{}",
        stderr(&out)
    );
}
