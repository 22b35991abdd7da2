//! The six key operations against a mock Okta: the exact request sent, and the exact
//! output and exit code, in each output format.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

fn two_keys(base: &str) -> Value {
    json!([
        okta_key(base, "apk2f4zrZbs8nUa7p0g4", "2026-11-enc", "ACTIVE", 1),
        okta_key(base, "apk33a45xfjbDfg6D0g5", "2026-05-enc", "INACTIVE", 2)
    ])
}

#[test]
fn list_sends_the_documented_request_and_prints_a_table() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("authorization", format!("SSWS {TOKEN}"))
            .header("accept", "application/json")
            .header_missing("content-type")
            .is_true(|req| {
                req.headers_vec().iter().any(|(k, v)| {
                    k.eq_ignore_ascii_case("user-agent") && v.starts_with("oktakeys/")
                })
            });
        then.status(200)
            .header("x-okta-request-id", "req-list-1")
            .json_body(two_keys(&server.base_url()));
    });
    let env = TestEnv::new();
    let out =
        run(env
            .cmd_with_org(&server.base_url())
            .args(["keys", "list", "--auth-server", SERVER]));
    mock.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("list_table", stdout(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn list_json_is_exactly_what_okta_sent() {
    let server = MockServer::start();
    let body = two_keys(&server.base_url());
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(body.clone());
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        SERVER,
        "-o",
        "json",
    ]));
    assert_eq!(out.status.code(), Some(0));
    // Compact when piped, every field kept (alg, _links), in Okta's order.
    assert_eq!(
        stdout(&out),
        format!("{}\n", serde_json::to_string(&body).unwrap())
    );
}

#[test]
fn list_ids_one_per_line() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(two_keys(&server.base_url()));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        SERVER,
        "-o",
        "id",
    ]));
    assert_eq!(stdout(&out), "apk2f4zrZbs8nUa7p0g4\napk33a45xfjbDfg6D0g5\n");
}

#[test]
fn an_empty_list_is_success() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    for (format, expected_stdout, expected_stderr) in [
        ("table", "", "No keys.\n"),
        ("json", "[]\n", ""),
        ("id", "", ""),
    ] {
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "list",
            "--auth-server",
            SERVER,
            "-o",
            format,
        ]));
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(stdout(&out), expected_stdout, "{format}");
        assert_eq!(stderr(&out), expected_stderr, "{format}");
    }
}

#[test]
fn auth_server_comes_from_the_environment_or_the_profile() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .env("OKTAKEYS_AUTH_SERVER", SERVER)
        .args(["keys", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    env.write_config(&format!(
        "default_profile = \"p\"\n[profiles.p]\norg_url = \"{}\"\nauth_server = \"{SERVER}\"\ntoken_env = \"MY_TOKEN\"\n",
        server.base_url()
    ));
    let out = run(env.cmd().env("MY_TOKEN", TOKEN).args(["keys", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mock.assert_calls(2);
}

#[test]
fn missing_auth_server_is_a_usage_error() {
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org("https://acme.okta.com")
        .args(["keys", "list"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--auth-server"), "{}", stderr(&out));
}

#[test]
fn get_prints_the_key_in_each_format() {
    let server = MockServer::start();
    let key = okta_key(
        &server.base_url(),
        "apk2f4zrZbs8nUa7p0g4",
        "2026-11-enc",
        "ACTIVE",
        1,
    );
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path("/apk2f4zrZbs8nUa7p0g4"))
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(key.clone());
    });
    let env = TestEnv::new();
    let base = [
        "keys",
        "get",
        "--auth-server",
        SERVER,
        "apk2f4zrZbs8nUa7p0g4",
    ];
    let json_out = run(env
        .cmd_with_org(&server.base_url())
        .args(base)
        .args(["-o", "json"]));
    assert_eq!(stdout(&json_out), format!("{key}\n"));
    let id_out = run(env
        .cmd_with_org(&server.base_url())
        .args(base)
        .args(["-o", "id"]));
    assert_eq!(stdout(&id_out), "apk2f4zrZbs8nUa7p0g4\n");
    // The table shows the key's role among the server's keys: one more request.
    let listed = two_keys(&server.base_url());
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(listed);
    });
    let table_out = run(env.cmd_with_org(&server.base_url()).args(base));
    insta::assert_snapshot!("get_table", stdout(&table_out));
    mock.assert_calls(3);
    list.assert_calls(1);
}

#[test]
fn ids_are_percent_encoded_path_segments() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path("/..%2F..%2Fusers%2Fme"));
        then.status(404).json_body(okta_error(
            "E0000007",
            "Not found: Resource not found: ../../users/me (JsonWebKey)",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "get",
        "--auth-server",
        SERVER,
        "../../users/me",
    ]));
    mock.assert();
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn dot_and_blank_ids_are_refused_before_any_request() {
    let env = TestEnv::new();
    for bad in [".", "..", "", "   "] {
        let out = run(env.cmd_with_org("http://127.0.0.1:9").args([
            "keys",
            "get",
            "--auth-server",
            SERVER,
            bad,
        ]));
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out =
        run(env
            .cmd_with_org("http://127.0.0.1:9")
            .args(["keys", "list", "--auth-server", ".."]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn activate_and_deactivate_post_without_a_body() {
    let server = MockServer::start();
    let env = TestEnv::new();
    for (verb, status, done) in [
        ("activate", "ACTIVE", "Activated"),
        ("deactivate", "INACTIVE", "Deactivated"),
    ] {
        let key = okta_key(&server.base_url(), "apk33a45xfjbDfg6D0g5", "k", status, 2);
        let mut mock = server.mock(|when, then| {
            when.method(POST)
                .path(keys_path(&format!(
                    "/apk33a45xfjbDfg6D0g5/lifecycle/{verb}"
                )))
                .header("authorization", format!("SSWS {TOKEN}"))
                .header_missing("content-type")
                .body("");
            then.status(200).json_body(key.clone());
        });
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            verb,
            "--auth-server",
            SERVER,
            "apk33a45xfjbDfg6D0g5",
            "-o",
            "json",
        ]));
        mock.assert();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("{key}\n"));
        assert_eq!(stderr(&out), format!("{done} key apk33a45xfjbDfg6D0g5.\n"));
        mock.delete();
    }
}

#[test]
fn delete_needs_yes_without_a_terminal() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(DELETE)
            .path(keys_path("/apk33a45xfjbDfg6D0g5"))
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(204);
    });
    let env = TestEnv::new();
    let refused = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk33a45xfjbDfg6D0g5",
    ]));
    assert_eq!(refused.status.code(), Some(9));
    assert!(
        stderr(&refused).contains("pass --yes"),
        "{}",
        stderr(&refused)
    );
    mock.assert_calls(0);

    let done = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk33a45xfjbDfg6D0g5",
        "--yes",
    ]));
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_eq!(stdout(&done), "");
    assert_eq!(stderr(&done), "Deleted key apk33a45xfjbDfg6D0g5.\n");
    let quiet = run(env.cmd_with_org(&server.base_url()).args([
        "-q",
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk33a45xfjbDfg6D0g5",
        "-y",
    ]));
    assert_eq!(stderr(&quiet), "");
    mock.assert_calls(2);
}

#[test]
fn deleting_the_active_key_shows_okta_s_cause_and_a_hint() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(DELETE).path(keys_path("/apkACTIVE"));
        then.status(400)
            .header("x-okta-request-id", "reqDEL400")
            .json_body(okta_error(
                "E0000001",
                "Api validation failed: JsonWebKey",
                &["'ACTIVE' keys cannot be deleted. Activate another key before deleting this one."],
            ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apkACTIVE",
        "--yes",
    ]));
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        stderr(&out),
        format!(
            "error: Okta rejected the request: DELETE {}{} returned 400 Bad Request\n  E0000001: Api validation failed: JsonWebKey\n  - 'ACTIVE' keys cannot be deleted. Activate another key before deleting this one.\n  request id: reqDEL400\n  hint: activate another key first (`oktakeys keys activate --auth-server aus1a2b3c4d5e6f7g8h9 KEY_ID`), then delete this one\n",
            server.base_url(),
            keys_path("/apkACTIVE")
        )
    );
}

/// Run oktakeys on a pseudo-terminal (util-linux `script`), typing `input`.
fn on_a_terminal(env: &TestEnv, org: &str, args: &str, input: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    run(env
        .program("script")
        .env("OKTA_ORG_URL", org)
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .write_stdin(input))
}

#[test]
fn delete_asks_on_a_terminal() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(DELETE).path(keys_path("/apk1"));
        then.status(204);
    });
    let env = TestEnv::new();
    let args = format!("keys delete --auth-server {SERVER} apk1");
    let declined = on_a_terminal(&env, &server.base_url(), &args, "n\n");
    assert_eq!(declined.status.code(), Some(9));
    let screen = stdout(&declined);
    assert!(
        screen.contains(&format!(
            "Delete key apk1 from authorization server {SERVER}? [y/N]"
        )),
        "{screen}"
    );
    assert!(
        screen.contains("not deleting key apk1: not confirmed"),
        "{screen}"
    );
    mock.assert_calls(0);

    let accepted = on_a_terminal(&env, &server.base_url(), &args, "y\n");
    assert_eq!(accepted.status.code(), Some(0), "{}", stdout(&accepted));
    assert!(stdout(&accepted).contains("Deleted key apk1."));
    mock.assert_calls(1);

    // --no-input refuses even on a terminal, and so does CI=true.
    let no_input = on_a_terminal(
        &env,
        &server.base_url(),
        &format!("--no-input {args}"),
        "y\n",
    );
    assert_eq!(no_input.status.code(), Some(9));
    mock.assert_calls(1);
}

/// Colour only on a terminal, and never with `NO_COLOR` or `--color never` (DESIGN,
/// README); `--color always` forces it through a pipe.
#[test]
fn colour_only_on_a_terminal_and_never_with_no_color_or_color_never() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(two_keys(&server.base_url()));
    });
    let env = TestEnv::new();
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let list = format!("keys list --auth-server {SERVER}");
    let screen = |flags: &str, no_color: Option<&str>| {
        let mut cmd = env.program("script");
        cmd.env("OKTA_ORG_URL", server.base_url())
            .env("OKTA_API_TOKEN", TOKEN)
            .env("TERM", "xterm-256color")
            .args([
                "-qec",
                &format!("{} {flags} {list}", bin.display()),
                "/dev/null",
            ]);
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = run(&mut cmd);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert!(
            stdout(&out).contains("apk2f4zrZbs8nUa7p0g4"),
            "{}",
            stdout(&out)
        );
        stdout(&out)
    };
    const ESC: char = '\u{1b}';
    assert!(screen("", None).contains(ESC), "a terminal gets colour");
    assert!(!screen("", Some("1")).contains(ESC), "NO_COLOR");
    assert!(
        screen("", Some("")).contains(ESC),
        "an empty NO_COLOR is unset"
    );
    assert!(
        !screen("--color never", None).contains(ESC),
        "--color never"
    );

    let piped = run(env.cmd_with_org(&server.base_url()).args(list.split(' ')));
    assert!(!stdout(&piped).contains(ESC), "{}", stdout(&piped));
    let forced = run(env
        .cmd_with_org(&server.base_url())
        .args(["--color", "always"])
        .args(list.split(' ')));
    assert!(stdout(&forced).contains(ESC), "{}", stdout(&forced));
    mock.assert_calls(6);
}

/// A reader that goes away (`| head`) ends the command quietly: exit 0, nothing on stderr.
#[test]
fn a_closed_pipe_ends_quietly() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .delay(std::time::Duration::from_millis(300))
            .json_body(two_keys(&server.base_url()));
    });
    let env = TestEnv::new();
    for format in ["table", "json", "id"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oktakeys"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", env.home.path())
            .env("XDG_CONFIG_HOME", env.home.path().join(".config"))
            .env("OKTA_ORG_URL", server.base_url())
            .env("OKTA_API_TOKEN", TOKEN)
            .args(["keys", "list", "--auth-server", SERVER, "-o", format])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before the answer (delayed 300 ms) is written.
        drop(child.stdout.take());
        let out = Run::from_output(child.wait_with_output().unwrap());
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
    mock.assert_calls(3);
}

#[test]
fn list_follows_okta_style_next_links_with_their_cursor() {
    let server = MockServer::start();
    let base = server.base_url();
    let page2 = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .query_param("after", "apk2f4zrZbs8nUa7p0g4")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(json!([okta_key(
            &base,
            "apk33a45xfjbDfg6D0g5",
            "2026-05-enc",
            "INACTIVE",
            2
        )]));
    });
    let page1 = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .query_param_missing("after");
        then.status(200)
            .header(
                "link",
                format!(
                    "<{base}{}>; rel=\"self\", <{base}{}?after=apk2f4zrZbs8nUa7p0g4>; rel=\"next\"",
                    keys_path(""),
                    keys_path("")
                ),
            )
            .json_body(json!([okta_key(
                &base,
                "apk2f4zrZbs8nUa7p0g4",
                "2026-11-enc",
                "ACTIVE",
                1
            )]));
    });
    let env = TestEnv::new();
    let out =
        run(env
            .cmd_with_org(&base)
            .args(["keys", "list", "--auth-server", SERVER, "-o", "id"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    page1.assert_calls(1);
    page2.assert_calls(1);
    assert_eq!(stdout(&out), "apk2f4zrZbs8nUa7p0g4\napk33a45xfjbDfg6D0g5\n");
}
