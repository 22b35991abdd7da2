//! Issue 12: the defects found by attacking the release binary as a hostile user and a
//! hostile server, each proven fixed through the binary. Every test names its item.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::common::raw_server::{RawServer, json as raw_json};
use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

mod inputs;
mod network;
mod signals;

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
            // clap repeats the bad value: shown escaped, never raw.
            assert!(!raw_controls(&out.stderr), "{command:?}: {:?}", out.stderr);
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
