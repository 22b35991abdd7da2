//! Issue 12, items 12–13: SIGTERM, and the temp files of a killed `sandbox serve`.

use super::*;

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
