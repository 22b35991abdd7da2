//! `oktakeys sandbox serve|reset` as a user runs them: the spawned binary, a cleared
//! environment, a temporary HOME.

use std::process::Stdio;

use crate::common::sandbox::*;
use serde_json::Value;

fn stderr_of(served: &Served) -> String {
    std::fs::read_to_string(&served.stderr_path).unwrap()
}

/// SIGTERM (by the child's own pid) and wait for it to exit.
fn terminate(served: Served) -> (std::process::ExitStatus, String) {
    signal(served, "-TERM")
}

/// Send `which` (a `kill` option) to the child by its own pid; wait for it to exit.
fn signal(mut served: Served, which: &str) -> (std::process::ExitStatus, String) {
    let pid = served.child.id().to_string();
    let ok = std::process::Command::new("kill")
        .args([which, &pid])
        .status()
        .unwrap();
    assert!(ok.success());
    let status = served.child.wait().unwrap();
    (status, stderr_of(&served))
}

#[tokio::test]
async fn serve_prints_the_url_and_a_generated_token_and_stops_on_sigterm() {
    let home = tempfile::tempdir().unwrap();
    let served = serve(home.path(), &[], &[]);
    let err = stderr_of(&served);
    let token_line = err
        .lines()
        .find_map(|l| {
            l.strip_prefix("token (generated; set OKTAKEYS_SANDBOX_TOKEN to choose one): ")
        })
        .unwrap_or_else(|| panic!("no token line in: {err}"));
    let token = token_line.trim().to_string();
    assert!(token.starts_with("00") && token.len() == 42, "{token}");
    let state = home.path().join(".local/share/oktakeys/sandbox.json");
    assert_eq!(
        err,
        format!(
            "oktakeys sandbox listening on {base} (state: {state})\n\
             token endpoints ({base}/oauth2/{{id}}/v1/token): client id 0oasandbox0client001 secret sandbox-client-secret-not-for-production-use\n\
             token (generated; set OKTAKEYS_SANDBOX_TOKEN to choose one): {token}\n\
             try:\n  OKTA_ORG_URL={base} OKTA_API_TOKEN={token} oktakeys keys list --auth-server default\n\
             stop with Ctrl-C\n",
            base = served.base,
            state = state.display(),
        )
    );
    // The default state file is in the user data folder, and the token works.
    assert!(state.exists());
    let api = Api::new(&served.base, &token);
    assert_eq!(api.list("default").await.status, 200);

    let (status, err) = terminate(served);
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(
        err.ends_with("oktakeys sandbox: SIGTERM, stopping\n"),
        "{err}"
    );
}

/// `-q` silences the notes, never the generated token: it is written nowhere else.
#[test]
fn quiet_serve_still_shows_the_generated_token() {
    let home = tempfile::tempdir().unwrap();
    let served = serve(home.path(), &["-q"], &[]);
    let err = stderr_of(&served);
    let token = err
        .strip_prefix("token (generated; set OKTAKEYS_SANDBOX_TOKEN to choose one): ")
        .and_then(|rest| rest.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("not the token line alone: {err}"));
    assert!(token.starts_with("00") && token.len() == 42, "{token}");
}

#[tokio::test]
async fn ctrl_c_stops_serve_cleanly_like_sigterm_and_the_state_intact() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("s.json");
    let served = serve(
        home.path(),
        &["--state", state.to_str().unwrap(), "--token", "t"],
        &[],
    );
    let api = Api::new(&served.base, "t");
    assert_eq!(api.add("default", add_body("kept", 1)).await.status, 201);
    // Issue 12, item 12: Ctrl-C is the way to stop a server, as SIGTERM is: exit 0,
    // no "error: interrupted".
    let (status, err) = signal(served, "-INT");
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(
        err.ends_with("oktakeys sandbox: Ctrl-C, stopping\n"),
        "{err}"
    );
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(
        saved["authorizationServers"]["default"]["keys"][1]["kid"],
        "kept"
    );
}

#[tokio::test]
async fn a_chosen_token_is_never_printed() {
    let home = tempfile::tempdir().unwrap();
    let secret = "00chosenSECRETtoken";
    let state = home.path().join("s.json");
    let served = serve(
        home.path(),
        &[
            "--state",
            state.to_str().unwrap(),
            "--auth-server",
            "aus1test",
        ],
        &[("OKTAKEYS_SANDBOX_TOKEN", secret)],
    );
    let api = Api::new(&served.base, secret);
    assert_eq!(api.list("aus1test").await.status, 200);
    assert_eq!(api.list("default").await.status, 200);
    let (status, err) = terminate(served);
    assert_eq!(status.code(), Some(0));
    assert!(!err.contains(secret), "{err}");
    assert!(
        err.contains("OKTA_API_TOKEN=<the token you chose>"),
        "{err}"
    );
}

#[tokio::test]
async fn knobs_come_from_flags_and_environment() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("s.json");
    let served = serve(
        home.path(),
        &[
            "--state",
            state.to_str().unwrap(),
            "--token",
            "t0k",
            "--fail-requests",
            "2",
            "--fail-with",
            "drop",
        ],
        &[
            ("OKTAKEYS_SANDBOX_RATE_LIMIT", "3"),
            ("OKTAKEYS_SANDBOX_RATE_LIMIT_WINDOW", "300"),
        ],
    );
    let api = Api::new(&served.base, "t0k");
    let first = api.list("default").await;
    assert_eq!(
        (first.status, first.header("x-rate-limit-limit")),
        (200, "3")
    );
    let dropped = api
        .client
        .get(format!("{}{}", served.base, keys_path("default")))
        .header("Authorization", "SSWS t0k")
        .send()
        .await;
    assert!(dropped.is_err(), "request 2 is dropped: {dropped:?}");
    assert_eq!(
        api.list("default").await.header("x-rate-limit-remaining"),
        "0"
    );
    assert_error(
        &api.list("default").await,
        429,
        "E0000047",
        "API call exceeded rate limit due to too many requests.",
        &[],
    );
}

#[tokio::test]
async fn two_processes_writing_one_state_file_lose_no_update() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("shared.json");
    let servers: Vec<String> = (0..8).map(|i| format!("aus{i}")).collect();
    let mut args = vec![
        "--state".to_string(),
        state.to_str().unwrap().to_string(),
        "--token".into(),
        "t".into(),
    ];
    for s in &servers {
        args.extend(["--auth-server".to_string(), s.clone()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let a = serve(home.path(), &args, &[]);
    let b = serve(home.path(), &args, &[]);
    let (api_a, api_b) = (Api::new(&a.base, "t"), Api::new(&b.base, "t"));

    // 32 adds at once, half through each process, to 8 servers (4 each, filling them to 5).
    let mut tasks = Vec::new();
    for (i, server) in servers.iter().enumerate() {
        for k in 0..4 {
            let api = if (i + k) % 2 == 0 {
                api_a.clone()
            } else {
                api_b.clone()
            };
            let server = server.clone();
            tasks.push(tokio::spawn(async move {
                api.add(&server, add_body(&format!("{server}-k{k}"), k))
                    .await
            }));
        }
    }
    for t in tasks {
        let resp = t.await.unwrap();
        assert_eq!(resp.status, 201, "{}", resp.text);
    }
    for server in &servers {
        let keys = api_b.list(server).await.json();
        let mut kids: Vec<String> = keys
            .as_array()
            .unwrap()
            .iter()
            .skip(1)
            .map(|k| k["kid"].as_str().unwrap().to_string())
            .collect();
        kids.sort();
        let expected: Vec<String> = (0..4).map(|k| format!("{server}-k{k}")).collect();
        assert_eq!(kids, expected, "{server}");
    }
    let on_disk: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(
        on_disk["authorizationServers"].as_object().unwrap().len(),
        9
    );
}

#[test]
fn a_corrupt_state_file_stops_serve_with_exit_3_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("broken.json");
    std::fs::write(&state, "not json").unwrap();
    let out = oktakeys(home.path())
        .args([
            "sandbox",
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--state",
            state.to_str().unwrap(),
        ])
        .stdin(Stdio::null())
        .run();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(out.stdout.as_str(), "");
    let err = out.stderr.as_str();
    assert!(
        err.contains(&format!(
            "the sandbox state file {} is not a valid sandbox state: ",
            state.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "not json");

    // `sandbox reset` repairs it.
    let out = oktakeys(home.path())
        .args(["sandbox", "reset", "--state", state.to_str().unwrap()])
        .run();
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr.as_str());
    assert_eq!(
        out.stderr.as_str(),
        format!("Reset the sandbox state in {}\n", state.display())
    );
    let fresh: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let keys = fresh["authorizationServers"]["default"]["keys"]
        .as_array()
        .unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["status"], "ACTIVE");
}

#[test]
fn reset_uses_the_user_data_folder_by_default() {
    let home = tempfile::tempdir().unwrap();
    let out = oktakeys(home.path())
        .args(["sandbox", "reset", "--auth-server", "aus7"])
        .run();
    assert_eq!(out.status.code(), Some(0));
    let state = home.path().join(".local/share/oktakeys/sandbox.json");
    let fresh: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let names: Vec<&String> = fresh["authorizationServers"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(names, ["aus7", "default"]);
}

#[test]
fn an_address_in_use_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = oktakeys(home.path())
        .args(["sandbox", "serve", "--addr", &addr, "--state"])
        .arg(home.path().join("s.json"))
        .stdin(Stdio::null())
        .run();
    assert_eq!(out.status.code(), Some(3));
    let err = out.stderr.as_str();
    assert!(
        err.contains(&format!("the sandbox cannot listen on {addr}: ")),
        "{err}"
    );
}

#[test]
fn serve_help_documents_the_knobs_and_their_variables() {
    let home = tempfile::tempdir().unwrap();
    let out = oktakeys(home.path())
        .args(["sandbox", "serve", "--help"])
        .run();
    let help = out.stdout.as_str();
    for needle in [
        "--rate-limit <N>",
        "OKTAKEYS_SANDBOX_RATE_LIMIT",
        "--rate-limit-window <SECS>",
        "OKTAKEYS_SANDBOX_RATE_LIMIT_WINDOW",
        "--latency <MS>",
        "OKTAKEYS_SANDBOX_LATENCY_MS",
        "--fail-requests <N,...>",
        "OKTAKEYS_SANDBOX_FAIL_REQUESTS",
        "--fail-with <HOW>",
        "OKTAKEYS_SANDBOX_FAIL_WITH",
        "--encryption-enabled <ID>",
        "OKTAKEYS_SANDBOX_TOKEN",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}
