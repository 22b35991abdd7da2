//! The HTTP layer against faults: rate limits, 5xx bursts, dropped and reset connections,
//! timeouts, proxies' HTML pages, redirects, oversized bodies, and the `keys add` whose
//! answer was lost. Waits are asserted from what oktakeys announces and from lower bounds
//! (a retry cannot come before the reset), never from how fast anything is.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::common::raw_server::{RawServer, Reply, json as raw_json, response};
use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

const LIST: [&str; 4] = ["keys", "list", "--auth-server", SERVER];

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

fn timed(cmd: &mut assert_cmd::Command) -> (Run, Duration) {
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
    assert!(
        err.contains("would come after --timeout (5 s) runs out"),
        "{err}"
    );
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

// ---------------------------------------------------------------- timeouts

#[test]
fn a_slow_drip_hits_the_request_timeout() {
    let raw = RawServer::start(1, |_, _| {
        Reply::Drip {
        head: b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\nConnection: close\r\n\r\n".to_vec(),
        body: vec![b' '; 200],
        every: Duration::from_millis(100),
    }
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&raw.url)
        .args(["--request-timeout", "1", "--max-retries", "0"])
        .args(LIST));
    raw.finish();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: no complete answer from 127.0.0.1 within 1 s (--request-timeout)\n  hint: raise --request-timeout (now 1 s; profile key `request_timeout`, environment OKTAKEYS_REQUEST_TIMEOUT)\n"
    );
}

#[test]
fn the_command_timeout_bounds_everything_and_is_named() {
    let raw = RawServer::start(5, |_, _| Reply::Hang {
        for_: Duration::from_secs(40),
    });
    let env = TestEnv::new();
    // Per request 30 s (the default) and retries left: only --timeout can end this early.
    let (out, elapsed) = timed(
        env.cmd_with_org(&raw.url)
            .env("OKTAKEYS_TIMEOUT", "2")
            .args(LIST),
    );
    raw.finish();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: gave up waiting for 127.0.0.1: the command ran out of time (--timeout 2 s)\n  hint: raise --timeout (now 2 s; profile key `timeout`, environment OKTAKEYS_TIMEOUT)\n"
    );
    assert!(elapsed < Duration::from_secs(25), "{elapsed:?}");
}

#[test]
fn timeouts_come_from_flag_environment_and_profile() {
    let env = TestEnv::new();
    let hang = || {
        RawServer::start(1, |_, _| Reply::Hang {
            for_: Duration::from_secs(20),
        })
    };
    env.write_config(
        "default_profile = \"p\"\n[profiles.p]\norg_url = \"http://127.0.0.1:1\"\ntoken_env = \"T\"\nrequest_timeout = 1\nmax_retries = 0\n",
    );
    let raw = hang();
    let out = run(env
        .cmd()
        .env("T", TOKEN)
        .args(["--org-url", &raw.url])
        .args(LIST));
    raw.finish();
    assert!(
        stderr(&out).contains("within 1 s (--request-timeout)"),
        "profile: {}",
        stderr(&out)
    );
    let raw = hang();
    let out = run(env
        .cmd()
        .env("T", TOKEN)
        .env("OKTAKEYS_REQUEST_TIMEOUT", "2")
        .args(["--org-url", &raw.url])
        .args(LIST));
    raw.finish();
    assert!(
        stderr(&out).contains("within 2 s (--request-timeout)"),
        "env beats profile: {}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------- redirects, bodies

#[test]
fn a_redirect_to_another_host_is_reported_not_followed() {
    let elsewhere = MockServer::start();
    let catch_all = elsewhere.mock(|when, then| {
        when.any_request();
        then.status(200).json_body(json!([]));
    });
    let server = MockServer::start();
    let target = format!("{}{}", elsewhere.base_url(), keys_path(""));
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(302).header("location", target.clone());
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    catch_all.assert_calls(0); // nothing, so no Authorization, reached the other host
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: Okta's answer was a redirect, which oktakeys does not follow: GET {}{} returned 302 Found\n",
            server.base_url(),
            keys_path("")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "  response: redirect to {target} (not followed)\n"
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: a redirect could carry the token"),
        "{err}"
    );
}

#[test]
fn an_oversized_body_is_refused() {
    let big = vec![b' '; 8 * 1024 * 1024 + 1];
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("x-okta-request-id", "req-big")
            .body(big.clone());
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    assert_eq!(out.status.code(), Some(8));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: the answer to GET {}{} is larger than 8 MiB; refusing to read it (request id req-big)\n",
            server.base_url(),
            keys_path("")
        )),
        "{err}"
    );

    // Without a Content-Length (chunked), the cap holds while reading.
    let raw = RawServer::start(1, |_, _| {
        let mut bytes =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..9 {
            bytes.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            bytes.extend_from_slice(&chunk);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"0\r\n\r\n");
        Reply::Bytes(bytes)
    });
    let out = run(env.cmd_with_org(&raw.url).args(LIST));
    raw.finish();
    assert_eq!(out.status.code(), Some(8));
    assert!(
        stderr(&out).contains("is larger than 8 MiB; refusing to read it"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_in_a_2xx_is_an_error_naming_the_request_id() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("content-type", "application/json")
            .header("x-okta-request-id", "req-bad-utf8")
            .body(vec![b'[', 0xff, 0xfe, b']']);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    assert_eq!(out.status.code(), Some(8));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: Okta's answer to the key list is not valid JSON ("),
        "{err}"
    );
    assert!(err.contains("(request id req-bad-utf8)"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

// ---------------------------------------------------------------- logging, user agent

#[test]
fn the_user_agent_names_the_tool_version_os_and_arch() {
    let server = MockServer::start();
    let agent = format!(
        "oktakeys/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("user-agent", agent.clone());
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mock.assert();
}

#[test]
fn v_logs_one_line_per_request() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("x-okta-request-id", "req-v-1")
            .header("x-rate-limit-remaining", "41")
            .json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-v", "-o", "json"])
        .args(LIST));
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let prefix = format!("GET {}{} → 200 OK in ", server.base_url(), keys_path(""));
    assert!(lines[0].starts_with(&prefix), "{err}");
    assert!(
        lines[0].ends_with(" ms (request id req-v-1, rate limit remaining 41)"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "no colour codes in a log: {err:?}");
}

#[test]
fn vv_shows_headers_with_secrets_redacted_and_vvv_bodies_never_the_token() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path(keys_path(""));
        then.status(201)
            .header("x-okta-request-id", "req-vvv")
            .header("set-cookie", "sid=SESSIONsecret; Path=/")
            .json_body(okta_key(&server.base_url(), "apkV", "v", "INACTIVE", 3));
    });
    let env = TestEnv::new();
    let file = env.path("key.json");
    std::fs::write(
        &file,
        json!({"kty": "RSA", "e": "AQAB", "n": modulus(2048, 3), "kid": "v"}).to_string(),
    )
    .unwrap();
    // `run` fails the test if the token shows on either stream.
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-vvv", "keys", "add", "--auth-server", SERVER, "--jwk"])
        .arg(&file));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "> authorization: [REDACTED]\n",
        "> content-type: application/json\n",
        "> user-agent: oktakeys/",
        "< x-okta-request-id: req-vvv\n",
        "< set-cookie: [REDACTED]\n",
        "> {\"kid\":\"v\",",
        "< {\"id\":\"apkV\",",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("SESSIONsecret"), "{err}");
    // Only oktakeys' own log lines: hyper's and rustls' are not shown (they could show
    // header frames that are not redacted).
    assert!(!err.contains("connecting to"), "{err}");

    // -vv: headers but no bodies.
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-vv", "keys", "add", "--auth-server", SERVER, "--jwk"])
        .arg(&file));
    let err = stderr(&out);
    assert!(err.contains("> authorization: [REDACTED]\n"), "{err}");
    assert!(!err.contains("> {\"kid\""), "{err}");
}

// ---------------------------------------------------------------- proxies and TLS settings

#[test]
fn https_proxy_is_used_and_never_sees_the_token() {
    let proxy = RawServer::start(1, |_, _| response("403 Forbidden", &[], b"proxy says no"));
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org("https://acme.okta.com")
        .env("HTTPS_PROXY", &proxy.url)
        .args(["--max-retries", "0"])
        .args(LIST));
    let requests = proxy.finish();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].line, "CONNECT acme.okta.com:443 HTTP/1.1");
    assert_eq!(requests[0].header("authorization"), None);
    assert!(
        stderr(&out).starts_with("error: cannot connect to acme.okta.com: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let proxy = RawServer::start(1, |_, _| response("403 Forbidden", &[], b""));
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org("https://acme.invalid")
        .env("HTTPS_PROXY", &proxy.url)
        .env("NO_PROXY", "acme.invalid")
        .args(["--max-retries", "0", "--timeout", "10"])
        .args(LIST));
    let requests = proxy.finish();
    assert!(requests.is_empty(), "the proxy was asked: {requests:?}");
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
}

#[test]
fn an_unreadable_or_empty_ca_file_is_a_config_error() {
    let env = TestEnv::new();
    let missing = env.path("nope.pem");
    let out = run(env
        .cmd_with_org("https://acme.okta.com")
        .arg("--ca-cert")
        .arg(&missing)
        .args(LIST));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot read the CA certificate")
            && stderr(&out).contains("(--ca-cert)"),
        "{}",
        stderr(&out)
    );
    let empty = env.path("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let out = run(env
        .cmd_with_org("https://acme.okta.com")
        .env("SSL_CERT_FILE", &empty)
        .args(LIST));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("(SSL_CERT_FILE) holds no PEM certificate"),
        "{}",
        stderr(&out)
    );
}

/// An HTTPS server on 127.0.0.1 whose certificate is signed by the test CA in
/// `tests/fixtures/tls`; answers each request with an empty key list. Returns the base URL
/// and the count of connections accepted.
fn tls_server(
    max_connections: usize,
) -> (
    String,
    std::sync::Arc<std::sync::atomic::AtomicUsize>,
    std::thread::JoinHandle<()>,
) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::io::{Read, Write};
    use std::sync::atomic::Ordering;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls");
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(dir.join("server.pem"))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
    let config = std::sync::Arc::new(
        rustls::ServerConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap(),
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    let handle = std::thread::spawn(move || {
        for _ in 0..max_connections {
            let Ok((tcp, _)) = listener.accept() else {
                return;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = tcp.set_read_timeout(Some(Duration::from_secs(5)));
            let Ok(conn) = rustls::ServerConnection::new(config.clone()) else {
                continue;
            };
            let mut tls = rustls::StreamOwned::new(conn, tcp);
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match tls.read(&mut buf) {
                    Ok(n) if n > 0 => request.extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
            if request.windows(4).any(|w| w == b"\r\n\r\n") {
                let _ = tls.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]",
                );
                tls.conn.send_close_notify();
                let _ = tls.flush();
            }
        }
    });
    (format!("https://127.0.0.1:{port}"), accepted, handle)
}

#[test]
fn tls_trusts_ca_cert_and_ssl_cert_file_besides_the_platform_store() {
    use std::sync::atomic::Ordering;
    let ca = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls/ca.pem");
    let (url, accepted, server) = tls_server(3);
    let env = TestEnv::new();

    // The platform store does not know the test CA: a clear error, not retried.
    let out = run(env.cmd_with_org(&url).args(LIST));
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: the TLS connection to 127.0.0.1 failed: invalid peer certificate"),
        "{err}"
    );
    assert!(err.contains("--ca-cert FILE (or SSL_CERT_FILE)"), "{err}");
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        1,
        "a certificate error is not retried"
    );

    let out = run(env
        .cmd_with_org(&url)
        .arg("--ca-cert")
        .arg(&ca)
        .args(["-o", "json"])
        .args(LIST));
    assert_eq!(out.status.code(), Some(0), "--ca-cert: {}", stderr(&out));
    assert_eq!(stdout(&out), "[]\n");

    let out = run(env
        .cmd_with_org(&url)
        .env("SSL_CERT_FILE", &ca)
        .args(["-o", "json"])
        .args(LIST));
    assert_eq!(
        out.status.code(),
        Some(0),
        "SSL_CERT_FILE: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "[]\n");
    server.join().unwrap();
}

/// Linux drops SYNs to a listener whose accept queue is full; other systems may refuse.
#[cfg(target_os = "linux")]
#[test]
fn a_connect_timeout_names_connect_timeout() {
    // A listener with a full accept queue: the kernel drops further SYNs, so a connect
    // neither succeeds nor fails until the client gives up.
    use socket2::{Domain, Socket, Type};
    let listener = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    listener
        .bind(
            &"127.0.0.1:0"
                .parse::<std::net::SocketAddr>()
                .unwrap()
                .into(),
        )
        .unwrap();
    listener.listen(0).unwrap();
    let addr = listener.local_addr().unwrap().as_socket().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..8 {
        let s = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
        s.set_nonblocking(true).unwrap();
        let _ = s.connect(&addr.into());
        fillers.push(s);
    }
    std::thread::sleep(Duration::from_millis(200));
    let env = TestEnv::new();
    let (out, elapsed) = timed(
        env.cmd_with_org(&format!("http://{addr}"))
            .args(["--connect-timeout", "1", "--max-retries", "0"])
            .args(LIST),
    );
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot connect to 127.0.0.1 within 1 s (--connect-timeout)\n  hint: raise --connect-timeout (now 1 s; profile key `connect_timeout`, environment OKTAKEYS_CONNECT_TIMEOUT); check the org URL, your network, and HTTPS_PROXY/NO_PROXY\n"
    );
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
    drop(fillers);
}

/// `X-Rate-Limit-Reset` is read from the network: a value past what the clock can hold
/// (a proxy's or a broken server's) is a long wait, never a panic, on a 200 that says the
/// window is used up as on a 429.
#[test]
fn an_absurd_rate_limit_reset_is_a_long_wait_not_a_crash() {
    let huge = u64::MAX.to_string();
    let server = MockServer::start();
    let used_up = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .header("x-rate-limit-remaining", "0")
            .header("x-rate-limit-reset", huge.clone())
            .json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-o", "id"])
        .args(LIST));
    used_up.assert_calls(1);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");

    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(429)
            .header("x-rate-limit-reset", huge.clone())
            .json_body(okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ));
    });
    let (out, elapsed) = timed(
        env.cmd_with_org(&server.base_url())
            .args(["--timeout", "5"])
            .args(LIST),
    );
    limited.assert_calls(1);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("would come after --timeout (5 s) runs out"),
        "{}",
        stderr(&out)
    );
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

/// `--timeout` (and `OKTAKEYS_TIMEOUT`) is any whole number of seconds; one too large for
/// the clock means no practical limit, not a crash.
#[test]
fn a_huge_command_timeout_is_no_limit_not_a_crash() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let huge = u64::MAX.to_string();
    let flag = run(env
        .cmd_with_org(&server.base_url())
        .args(["--timeout", &huge, "-o", "json"])
        .args(LIST));
    assert_eq!(flag.status.code(), Some(0), "{}", stderr(&flag));
    assert_eq!(stdout(&flag), "[]\n");
    let from_env = run(env
        .cmd_with_org(&server.base_url())
        .env("OKTAKEYS_TIMEOUT", &huge)
        .args(["-o", "json"])
        .args(LIST));
    assert_eq!(from_env.status.code(), Some(0), "{}", stderr(&from_env));
    assert_eq!(stdout(&from_env), "[]\n");
    mock.assert_calls(2);
}

/// Ctrl-C while waiting for Okta exits 130 (DESIGN, README), saying so in one line.
#[cfg(unix)]
#[test]
fn ctrl_c_while_waiting_exits_130() {
    let asked = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = asked.clone();
    let raw = RawServer::start(1, move |_, _| {
        flag.store(true, std::sync::atomic::Ordering::SeqCst);
        Reply::Hang {
            for_: Duration::from_secs(20),
        }
    });
    let env = TestEnv::new();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oktakeys"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join(".config"))
        .env("OKTA_ORG_URL", &raw.url)
        .env("OKTA_API_TOKEN", TOKEN)
        .args(LIST)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Until the request is in (the server hangs on it), then Ctrl-C.
    let started = Instant::now();
    while !asked.load(std::sync::atomic::Ordering::SeqCst)
        && started.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = Run::from_output(child.wait_with_output().unwrap());
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "it waited out the server"
    );
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "error: interrupted\n");
    raw.finish();
}
