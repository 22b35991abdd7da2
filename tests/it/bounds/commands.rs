//! Item 4: the user's commands end within `--timeout` (exit 8, naming what still ran),
//! on the gate's timeout and on SIGTERM, each with everything it started (its process
//! group); a token command's output is capped and it runs once.

use super::*;

const LIST: [&str; 4] = ["keys", "list", "--auth-server", SERVER];

/// Item 4: `token_command` still running at `--timeout` is stopped, with its children:
/// exit 8, and the message names it.
#[test]
fn item4_a_token_command_past_timeout_is_stopped_with_its_children() {
    let server = httpmock::MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let pid = env.path("token.pid");
    token_command_profile(&env, &server.base_url(), &sleeper(&pid));
    let out = run(env.cmd().args(["-p", "p", "--timeout", "1"]).args(LIST));
    assert_eq!(out.code(), Some(8), "{out}");
    let err = stderr(&out);
    assert!(
        err.contains(
            "the command ran out of time (--timeout 1 s) while running token_command `sleep 30"
        ),
        "{err}"
    );
    assert!(err.contains("hint: raise --timeout"), "{err}");
    assert!(ended(&pid), "the token command's child outlived oktakeys");
    any.assert_calls(0);
}

/// Item 4: a token command that prints without end (`yes`) is stopped at 1 MiB: exit 3.
#[test]
fn item4_a_token_commands_output_is_capped_at_1_mib() {
    let env = TestEnv::new();
    token_command_profile(&env, "https://acme.okta.com", "yes");
    let out = run(env.cmd().args(["-p", "p"]).args(LIST));
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        stderr(&out)
            .contains("token_command `yes` failed: it printed more than 1 MiB and was stopped"),
        "{out}"
    );
}

/// Item 4: a failing token command runs once (a password manager must not ask twice).
#[test]
fn item4_a_failing_token_command_runs_once() {
    let server = httpmock::MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    token_command_profile(&env, &server.base_url(), "echo run >> runs.txt; exit 1");
    let out = run(env.cmd().args(["-p", "p"]).args(LIST));
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("exited with status 1"), "{out}");
    assert_eq!(
        std::fs::read_to_string(env.path("runs.txt")).unwrap(),
        "run\n"
    );
    any.assert_calls(0);
}

fn rotate_with<'a>(jwk: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["keys", "rotate", "--auth-server", "default", "--jwk", jwk];
    args.extend_from_slice(rest);
    args
}

/// Item 4: when `--gate-timeout` passes, the gate is stopped with what it started:
/// exit 12, nothing of it left running.
#[test]
fn item4_the_gate_timeout_stops_the_gate_with_its_children() {
    let s = ServedEnv::start(&[]);
    let jwk = s.jwk_file("gated.json", "gated", 1);
    let pid = s.home.path().join("gate.pid");
    let gate = sleeper(&pid);
    let out = s.run(&rotate_with(
        &jwk,
        &[
            "--token-lifetime",
            "1h",
            "--activate-when",
            &gate,
            "--gate-timeout",
            "1s",
            "--gate-interval",
            "1s",
        ],
    ));
    assert_eq!(out.code(), Some(12), "{out}");
    assert!(
        stderr(&out).contains("--activate-when ran longer than 1s and was stopped"),
        "{out}"
    );
    assert!(ended(&pid), "the gate's child outlived oktakeys");
}

/// Item 4: SIGTERM during the gate ends oktakeys (143) and the gate with what it started.
#[test]
fn item4_sigterm_during_the_gate_stops_it_with_its_children() {
    let s = ServedEnv::start(&[]);
    let jwk = s.jwk_file("gated.json", "gated", 1);
    let pid = s.home.path().join("gate.pid");
    let gate = sleeper(&pid);
    let child = spawned(s.cmd_with_token(TOKEN).args(rotate_with(
        &jwk,
        &[
            "--token-lifetime",
            "1h",
            "--activate-when",
            &gate,
            "--gate-timeout",
            "60s",
        ],
    )));
    wait_for(&pid);
    terminate(&child);
    let out = Run::from_output(child.wait_with_output().unwrap());
    assert_eq!(out.code(), Some(143), "{out}");
    assert!(ended(&pid), "the gate's child outlived oktakeys");
}

/// Item 4: `--on-retire` still running at `--timeout` is stopped with its children:
/// exit 8, the message names it and the key it was for.
#[test]
fn item4_on_retire_past_timeout_is_stopped_with_its_children() {
    let s = ServedEnv::start(&[]);
    let jwk = s.jwk_file("next.json", "next", 1);
    let pid = s.home.path().join("retire.pid");
    let hook = sleeper(&pid);
    let out = s.run(&rotate_with(
        &jwk,
        &[
            "--timeout",
            "3",
            "--delete-old",
            "--ignore-token-lifetime",
            "--yes",
            "--on-retire",
            &hook,
        ],
    ));
    assert_eq!(out.code(), Some(8), "{out}");
    let err = stderr(&out);
    assert!(
        err.contains(
            "the command ran out of time (--timeout 3 s) while running --on-retire `sleep 30"
        ),
        "{err}"
    );
    assert!(err.contains("for the deleted key apk"), "{err}");
    assert!(ended(&pid), "the hook's child outlived oktakeys");
}

/// Item 4: `--private-key-command` still running at `--timeout` is stopped with its
/// children: exit 8, naming it.
#[test]
fn item4_a_private_key_command_past_timeout_is_stopped_with_its_children() {
    let env = TestEnv::new();
    let pid = env.path("store.pid");
    let store = format!("cat >/dev/null; {}", sleeper(&pid));
    let out = run(env.cmd().args([
        "--timeout",
        "4",
        "keys",
        "generate",
        "--kid",
        "k1",
        "--bits",
        "2048",
        "--private-key-command",
        &store,
    ]));
    assert_eq!(out.code(), Some(8), "{out}");
    assert!(
        stderr(&out).contains("while running --private-key-command `cat >/dev/null; sleep 30"),
        "{out}"
    );
    assert!(
        out.stdout.is_empty(),
        "no public key without a stored private key"
    );
    assert!(ended(&pid), "the command's child outlived oktakeys");
}

/// Item 4: a stdin that never ends (`token decrypt -`, `keys add --jwk -`) is given up at
/// `--timeout`: exit 8, saying what was being read.
#[test]
fn item4_reading_a_stdin_that_never_ends_is_bounded_by_timeout() {
    let env = TestEnv::new();
    let key = env.path("enc.pem");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/service-app-rsa.pkcs8.pem"),
        &key,
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let key = key.to_str().unwrap().to_string();
    for (args, what) in [
        (
            vec!["token", "decrypt", "--private-key", &key, "-"],
            "reading the token from stdin",
        ),
        (
            vec!["keys", "add", "--auth-server", SERVER, "--jwk", "-"],
            "reading the key from stdin",
        ),
    ] {
        let mut child = oktakeys(env.home.path())
            .env("OKTA_ORG_URL", "https://acme.okta.com")
            .env("OKTA_API_TOKEN", TOKEN)
            .args(["--timeout", "1"])
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Held open (never closed) until oktakeys has ended.
        let stdin = child.stdin.take();
        let out = Run::from_output(child.wait_with_output().unwrap());
        drop(stdin);
        assert_eq!(out.code(), Some(8), "{args:?}: {out}");
        assert!(
            stderr(&out).contains(&format!(
                "the command ran out of time (--timeout 1 s) while {what}"
            )),
            "{out}"
        );
    }
}
