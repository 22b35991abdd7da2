//! The HTTP layer at its limits and settings: timeouts (request, connect, command),
//! redirects, oversized and invalid bodies, the user agent, `-v` logs with secrets
//! redacted, proxies, TLS trust, absurd server values, and Ctrl-C while waiting. Waits are
//! asserted from what oktakeys announces and from lower bounds, never from how fast
//! anything is.

use std::time::{Duration, Instant};

use crate::common::raw_server::{RawServer, Reply, response};
use crate::common::*;
use crate::transport_faults::{LIST, timed};
use httpmock::prelude::*;
use serde_json::json;

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
        stderr(&out)
            .contains("oktakeys waits at most 60 s for a window, so it will not wait that long"),
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
