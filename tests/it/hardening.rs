//! Issue 12: the defects found by attacking the release binary as a hostile user and a
//! hostile server, each proven fixed through the binary. Every test names its item.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::common::raw_server::{RawServer, json as raw_json};
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

/// A JWK file with a well-formed 2048-bit key.
fn jwk_file(env: &TestEnv, name: &str, jwk: Value) -> String {
    let path = env.path(name);
    std::fs::write(&path, jwk.to_string()).unwrap();
    path.to_str().unwrap().to_string()
}

fn good_jwk(kid: &str, seed: u8) -> Value {
    json!({"kty": "RSA", "use": "enc", "kid": kid, "e": "AQAB", "n": modulus(2048, seed)})
}

/// The binary as `TestEnv::cmd` sets it up, as a plain `Command` (to spawn several, or to
/// signal it).
fn spawnable(env: &TestEnv) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("oktakeys"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join(".config"))
        .env("XDG_DATA_HOME", env.home.path().join(".local/share"))
        .env("XDG_CACHE_HOME", env.home.path().join(".cache"))
        .current_dir(env.home.path())
        .stdin(Stdio::null());
    cmd
}

/// A pipe whose reading end is already closed: every write to it fails (EPIPE).
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

fn sandbox_keys(env: &TestEnv) -> Vec<Value> {
    let out = run(env
        .cmd()
        .args([
            "--profile",
            "sandbox",
            "keys",
            "list",
            "--auth-server",
            "default",
        ])
        .args(["-o", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&out.stdout).unwrap()
}

fn active_kid(keys: &[Value]) -> String {
    let active: Vec<&Value> = keys.iter().filter(|k| k["status"] == "ACTIVE").collect();
    assert_eq!(active.len(), 1, "{keys:?}");
    active[0]["kid"].as_str().unwrap().to_string()
}

// ------------------------------------------------------------ 1. a closed stderr

/// Item 1: a rotation whose stderr is closed (`2>&1 | head -3` after the reader left)
/// completes: the new key ends ACTIVE, and nothing panics (exit 101).
#[test]
fn item01_a_rotation_with_stderr_closed_completes() {
    let env = TestEnv::new();
    sandbox_keys(&env); // seed the state
    let jwk = jwk_file(&env, "new.json", good_jwk("rotated-1", 7));
    let out = spawnable(&env)
        .args([
            "--profile",
            "sandbox",
            "keys",
            "rotate",
            "--auth-server",
            "default",
        ])
        .args(["--jwk", &jwk])
        .stderr(closed_pipe())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(active_kid(&sandbox_keys(&env)), "rotated-1");

    // Both streams into the one closed pipe, as `2>&1 | head` leaves them.
    let jwk = jwk_file(&env, "new2.json", good_jwk("rotated-2", 8));
    let pipe = closed_pipe();
    let out = spawnable(&env)
        .args([
            "--profile",
            "sandbox",
            "keys",
            "rotate",
            "--auth-server",
            "default",
        ])
        .args(["--jwk", &jwk])
        .stdout(pipe.try_clone().unwrap())
        .stderr(pipe)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "a closed stdout ends quietly");
    assert_eq!(active_kid(&sandbox_keys(&env)), "rotated-2");
}

/// Item 1: `-vv` logs on a closed stderr are dropped; the command's data still comes.
#[test]
fn item01_verbose_logs_and_keys_generate_on_a_closed_stderr() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([okta_key(
            &server.base_url(),
            "apk1",
            "kid-1",
            "ACTIVE",
            1
        )]));
    });
    let env = TestEnv::new();
    let out = spawnable(&env)
        .env("OKTA_ORG_URL", server.base_url())
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["-vv"])
        .args(LIST)
        .args(["-o", "id"])
        .stderr(closed_pipe())
        .run();
    list.assert_calls(1);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "apk1\n");

    let out = spawnable(&env)
        .args(["keys", "generate", "--kid", "g1", "--bits", "2048"])
        .args(["--private-key-out", "g1.pem"])
        .stderr(closed_pipe())
        .run();
    assert_eq!(out.status.code(), Some(0));
    let public: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(public["kid"], "g1");
    assert!(env.path("g1.pem").exists());
}

// ------------------------------------------- 2. a public key taken for a private one

/// Item 2: `--private-key-out` naming a public key or a certificate is refused (exit 3),
/// nothing sent; a private-key file readable by others is refused with `chmod 600`.
#[test]
fn item02_only_a_private_key_file_is_reused() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let public = env.path("public.pem");
    std::fs::copy(fixtures.join("service-app-rsa.pub.pem"), &public).unwrap();
    let cert = env.path("cert.pem");
    std::fs::copy(fixtures.join("tls/ca.pem"), &cert).unwrap();
    for (file, label) in [(&public, "PUBLIC KEY"), (&cert, "CERTIFICATE")] {
        set_mode(file, 0o600);
        let out = run(env
            .cmd_with_org(&server.base_url())
            .args(["keys", "rotate", "--auth-server", SERVER, "--generate"])
            .arg("--private-key-out")
            .arg(file));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("holds a `{label}` block, not a private key")),
            "{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("Using the"), "{}", stderr(&out));
    }

    let private = env.path("private.pem");
    std::fs::copy(fixtures.join("service-app-rsa.pkcs8.pem"), &private).unwrap();
    set_mode(&private, 0o644);
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "rotate", "--auth-server", SERVER, "--generate"])
        .arg("--private-key-out")
        .arg(&private));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is readable by others (mode 644); refusing to use it"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("hint: run `chmod 600 "),
        "{}",
        stderr(&out)
    );
    any.assert_calls(0);

    // Owner-only, it is used, and the note names the public key it matches.
    set_mode(&private, 0o600);
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args([
            "keys",
            "rotate",
            "--auth-server",
            SERVER,
            "--generate",
            "--dry-run",
        ])
        .arg("--private-key-out")
        .arg(&private));
    let pem = std::fs::read(&private).unwrap();
    let key = keymaterial::pem::from_pem_bytes(&pem, "p").unwrap();
    assert!(
        stderr(&out).contains(&format!(
            "its public key has the thumbprint {}",
            key.thumbprint()
        )),
        "{}",
        stderr(&out)
    );
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

// ------------------------------------------------------------ 3. terminal escapes

const HOSTILE_KID: &str = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{202e}kid";
const HOSTILE_KID_SHOWN: &str = "evil\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{d}\\u{202e}kid";

fn raw_controls(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
}

/// Item 3: a kid, id and status with ESC, BEL, CR and a bidi override are shown escaped
/// in the table (and the -vvv log), and exactly in `-o json`.
#[test]
fn item03_server_text_is_escaped_for_people_and_exact_in_json() {
    let server = MockServer::start();
    let mut key = okta_key(
        &server.base_url(),
        "apk\u{1b}[31m1",
        HOSTILE_KID,
        "ACT\u{7}IVE",
        1,
    );
    key["use"] = json!("enc\u{9b}");
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([key.clone()]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["-vvv"])
        .args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains(HOSTILE_KID_SHOWN), "{table}");
    assert!(table.contains("apk\\u{1b}[31m1"), "{table}");
    assert!(table.contains("ACT\\u{7}IVE"), "{table}");
    assert!(table.contains("enc\\u{9b}"), "{table}");
    assert!(!raw_controls(&table), "{table:?}");
    assert!(!raw_controls(&stderr(&out)), "{:?}", stderr(&out));

    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(LIST)
        .args(["-o", "json"]));
    let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(keys[0]["kid"], HOSTILE_KID);
    list.assert_calls(2);
}

/// Item 3: Okta's errorSummary and errorCauses are escaped in the error paragraph (a
/// newline in them cannot fake a line of ours), and exact with `-o json`.
#[test]
fn item03_okta_error_text_is_escaped() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(400)
            .header("x-okta-request-id", "req-esc")
            .json_body(okta_error(
                "E0000001",
                "Api validation failed\u{1b}[2J",
                &["cause\r\nerror: fake line\u{2066}"],
            ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args(LIST));
    assert_eq!(out.status.code(), Some(6));
    let err = stderr(&out);
    assert!(
        err.contains("  E0000001: Api validation failed\\u{1b}[2J\n"),
        "{err}"
    );
    assert!(
        err.contains("  - cause\\u{d}\\u{a}error: fake line\\u{2066}\n"),
        "{err}"
    );
    assert!(!raw_controls(&err), "{err:?}");

    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(LIST)
        .args(["-o", "json"]));
    let body: Value = serde_json::from_str(&out.stderr).unwrap();
    assert_eq!(
        body["error"]["errorSummary"],
        "Api validation failed\u{1b}[2J"
    );
    assert_eq!(
        body["error"]["errorCauses"][0]["errorSummary"],
        "cause\r\nerror: fake line\u{2066}"
    );
}

/// Item 3: a kid with control or bidi characters is refused: from a file exit 3, from
/// `--kid` exit 2; nothing is sent.
#[test]
fn item03_kids_with_control_characters_are_refused() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let file = jwk_file(&env, "bad-kid.json", good_jwk(HOSTILE_KID, 3));
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &file,
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("`kid` contains control or bidi characters"));
    assert!(!raw_controls(&stderr(&out)), "{:?}", stderr(&out));

    let good = jwk_file(&env, "good.json", good_jwk("fine", 3));
    for kid in ["a\u{1b}[2Jb", "x\u{202e}y"] {
        for command in [&["keys", "add"][..], &["keys", "rotate"][..]] {
            let out = run(env.cmd_with_org(&server.base_url()).args(command).args([
                "--auth-server",
                SERVER,
                "--jwk",
                &good,
                "--kid",
                kid,
            ]));
            assert_eq!(out.status.code(), Some(2), "{command:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("must not contain control or bidi characters"));
        }
    }
    any.assert_calls(0);
}

// ------------------------------------------------------------- 4. lost config updates

/// Item 4: eight `config init` at once on one file keep all eight profiles.
#[test]
fn item04_concurrent_config_inits_keep_every_profile() {
    let env = TestEnv::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            spawnable(&env)
                .args(["config", "init", "--profile", &format!("p{i}")])
                .args(["--org-url", "https://acme.okta.com", "--token-env", "T"])
                .args(["--no-verify", "--no-input"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = Run::from_output(child.wait_with_output().unwrap());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    for i in 0..8 {
        assert!(
            text.contains(&format!("[profiles.p{i}]")),
            "p{i} lost:\n{text}"
        );
    }
    let out = run(env.cmd().args(["config", "list", "-o", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ------------------------------------------------ 5. the sandbox profile's state file

/// Item 5: `--profile sandbox` keeps its state where `OKTAKEYS_SANDBOX_STATE` says, as
/// `sandbox serve|reset` do.
#[test]
fn item05_the_sandbox_profile_honours_oktakeys_sandbox_state() {
    let env = TestEnv::new();
    let state = env.path("elsewhere/state.json");
    let out = run(env
        .cmd()
        .env("OKTAKEYS_SANDBOX_STATE", &state)
        .args([
            "--profile",
            "sandbox",
            "keys",
            "list",
            "--auth-server",
            "default",
        ])
        .args(["-o", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(
        saved["authorizationServers"]["default"]["keys"][0]["id"],
        listed[0]["id"]
    );
    assert!(!env.path(".local/share/oktakeys/sandbox.json").exists());
}

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

// ---------------------------------------------------------- 9. key validation gaps

/// Item 9: two different keys under one kid, and exponents and moduli no JOSE library
/// writes, are refused (exit 3) naming what is wrong; nothing is sent.
#[test]
fn item09_ambiguous_kids_and_malformed_numbers_are_refused() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let n = modulus(2048, 5);
    let n_bytes = URL_SAFE_NO_PAD.decode(&n).unwrap();
    let padded_n = URL_SAFE_NO_PAD.encode([&[0u8][..], &n_bytes].concat());
    let long_e = URL_SAFE_NO_PAD.encode([&[1u8][..], &n_bytes, &[1u8]].concat());
    let rsa = |e: &str, n: &str| json!({"kty": "RSA", "kid": "k", "e": e, "n": n});
    let cases = [
        (
            json!({"keys": [good_jwk("dup", 1), good_jwk("dup", 2)]}),
            "the JWKS holds different keys under the kid `dup`",
        ),
        (
            rsa("AQ", &n),
            "`e` is 1, which leaves the tokens unencrypted",
        ),
        (rsa("AAEAAQ", &n), "`e` has leading zero bytes"),
        (rsa("AQAA", &n), "`e` is even"),
        (rsa(&long_e, &n), "as long as the modulus or longer"),
        (
            rsa("AQAB", &padded_n),
            "`n` has leading zero bytes; RFC 7518 §6.3.1",
        ),
    ];
    for (jwk, expected) in cases {
        let file = jwk_file(&env, "case.json", jwk.clone());
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            &file,
            "--kid",
            "dup",
        ]));
        assert_eq!(out.status.code(), Some(3), "{jwk}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{expected}: {}",
            stderr(&out)
        );
    }
    // The same key twice under one kid is no ambiguity.
    let same = jwk_file(
        &env,
        "same.json",
        json!({"keys": [good_jwk("dup", 1), good_jwk("dup", 1)]}),
    );
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &same,
        "--kid",
        "dup",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A PEM key gets the same exponent checks.
    let der = pkcs1_public_der(&n_bytes, &[1]);
    let pem =
        pem_rfc7468::encode_string("RSA PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der).unwrap();
    std::fs::write(env.path("e1.pem"), pem).unwrap();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--pem",
        "e1.pem",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the RSA public exponent is 1"),
        "{}",
        stderr(&out)
    );
    any.assert_calls(0);
}

/// A PKCS#1 `RSAPublicKey` with the given modulus and exponent.
fn pkcs1_public_der(n: &[u8], e: &[u8]) -> Vec<u8> {
    use der::Encode;
    let key = pkcs1::RsaPublicKey {
        modulus: der::asn1::UintRef::new(n).unwrap(),
        public_exponent: der::asn1::UintRef::new(e).unwrap(),
    };
    key.to_der().unwrap()
}

// ---------------------------------------------------------- 10. file encodings

/// Item 10: a UTF-8 BOM is accepted (key and config files); UTF-16 is named; `--jwk`
/// given PEM points to `--pem`.
#[test]
fn item10_boms_utf16_and_pem_given_to_jwk() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let bom = env.path("bom.json");
    std::fs::write(
        &bom,
        [
            &b"\xEF\xBB\xBF"[..],
            good_jwk("bom", 2).to_string().as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "add", "--auth-server", SERVER, "--dry-run", "--jwk"])
        .arg(&bom));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"kid\": \"bom\""),
        "{}",
        stdout(&out)
    );

    for (bytes, name) in [
        (
            vec![0xFF, 0xFE, b'{', 0],
            "UTF-16 (little-endian, UTF-16LE)",
        ),
        (vec![0xFE, 0xFF, 0, b'{'], "UTF-16 (big-endian, UTF-16BE)"),
    ] {
        std::fs::write(env.path("utf16.json"), bytes).unwrap();
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            "utf16.json",
        ]));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("iconv -f UTF-16 -t UTF-8"),
            "{}",
            stderr(&out)
        );
    }

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "add", "--auth-server", SERVER, "--jwk"])
        .arg(fixtures.join("service-app-rsa.pub.pem")));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("this is PEM, not JSON: pass a PEM key or certificate with --pem instead")
    );

    // A config file an editor saved with a BOM.
    env.write_config(&format!(
        "\u{feff}[profiles.p]\norg_url = \"{}\"\ntoken = \"{TOKEN}\"\n",
        server.base_url()
    ));
    let out = run(env.cmd().args(["--profile", "p"]).args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    list.assert_calls(1);
}

// ----------------------------------------------------- 11. FIFOs and other non-files

/// Item 11: a FIFO named as a key, config or CA file is refused at once (exit 3), not
/// read for ever past `--timeout`.
#[test]
fn item11_a_fifo_is_refused_not_waited_on() {
    let env = TestEnv::new();
    let fifo = env.path("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let dir = env.path("a-dir");
    std::fs::create_dir(&dir).unwrap();
    let org = "http://127.0.0.1:9";
    for (args, name) in [
        (vec!["keys", "add", "--auth-server", SERVER, "--jwk"], &fifo),
        (vec!["keys", "add", "--auth-server", SERVER, "--pem"], &fifo),
        (vec!["keys", "add", "--auth-server", SERVER, "--pem"], &dir),
        (vec!["--config"], &fifo),
        (vec!["--ca-cert"], &fifo),
    ] {
        let mut cmd = env.cmd_with_org(org);
        cmd.args(&args).arg(name).timeout(Duration::from_secs(30));
        if args[0] != "keys" {
            cmd.args(LIST);
        }
        let out = run(&mut cmd);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
        let kind = if name == &dir {
            "a directory"
        } else {
            "a FIFO (named pipe)"
        };
        assert!(
            stderr(&out).contains(&format!("is {kind}, not a regular file")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// --------------------------------------------------------------------- 12. SIGTERM

/// Send SIGTERM to `child` once `ready` says so (from its stderr lines, or from the
/// server), and return its exit code and all of its stderr.
fn terminate_when(
    mut child: std::process::Child,
    mut ready: impl FnMut(&str) -> bool,
) -> (Option<i32>, String) {
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let mut seen = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if ready(&line) {
            break;
        }
    }
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    for line in lines {
        seen.push_str(&line.unwrap());
        seen.push('\n');
    }
    (child.wait().unwrap().code(), seen)
}

/// Item 12: SIGTERM during a rate-limit wait ends the command like Ctrl-C, with exit 143
/// and a message.
#[test]
fn item12_sigterm_during_a_wait_is_exit_143_with_a_message() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(429)
            .header("x-rate-limit-reset", (now_epoch() + 30).to_string())
            .json_body(okta_error("E0000047", "API call exceeded rate limit.", &[]));
    });
    let env = TestEnv::new();
    let child = spawnable(&env)
        .env("OKTA_ORG_URL", server.base_url())
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["-v"])
        .args(LIST)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, err) = terminate_when(child, |line| line.contains("retrying in"));
    assert_eq!(code, Some(143), "{err}");
    assert!(err.ends_with("error: interrupted (SIGTERM)\n"), "{err}");
}

/// Item 12: SIGTERM mid-rotation says where the server stands and how to finish, as
/// Ctrl-C does; exit 143.
#[test]
fn item12_sigterm_mid_rotation_gives_the_resume_command() {
    let server = MockServer::start();
    let base = server.base_url();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .json_body(json!([okta_key(&base, "apkOLD", "old", "ACTIVE", 1)]));
    });
    let add = server.mock(|when, then| {
        when.method(POST).path(keys_path(""));
        then.status(200)
            .delay(Duration::from_secs(40))
            .json_body(okta_key(&base, "apkNEW", "new", "INACTIVE", 2));
    });
    let env = TestEnv::new();
    let jwk = jwk_file(&env, "new.json", good_jwk("new", 2));
    let child = spawnable(&env)
        .env("OKTA_ORG_URL", &base)
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["keys", "rotate", "--auth-server", SERVER, "--jwk", &jwk])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, err) = terminate_when(child, |line| {
        if !line.starts_with("Plan for authorization server") {
            return false;
        }
        // The add is on its way: wait until the server has it.
        for _ in 0..400 {
            if add.calls() > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        true
    });
    assert_eq!(code, Some(143), "{err}");
    assert!(
        err.contains(&format!(
            "error: interrupted (SIGTERM) while rotating {SERVER}: "
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "hint: re-run to complete the rotation (nothing is done twice): oktakeys keys rotate --auth-server {SERVER} --jwk "
        )),
        "{err}"
    );
}

// ------------------------------------------------- 13. stale sandbox temp files

/// Item 13: a sandbox starting on a state file removes the `state.json.tmp.<pid>` files
/// that killed processes left, and keeps the one of a process that still runs.
#[test]
fn item13_stale_temp_files_of_dead_processes_are_removed_on_start() {
    let env = TestEnv::new();
    let state = env.path("state/state.json");
    std::fs::create_dir_all(state.parent().unwrap()).unwrap();
    let mut dead = Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let stale = env.path(&format!("state/state.json.tmp.{dead_pid}"));
    let live = env.path(&format!("state/state.json.tmp.{}", std::process::id()));
    let other = env.path("state/state.json.tmp.notapid");
    for f in [&stale, &live, &other] {
        std::fs::write(f, "{").unwrap();
    }
    let out = run(env.cmd().env("OKTAKEYS_SANDBOX_STATE", &state).args([
        "--profile",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stale.exists(), "the dead process's temp file is gone");
    assert!(live.exists(), "a running process's temp file is kept");
    assert!(
        other.exists(),
        "files that are not a temp file are not touched"
    );
}
