//! Every failure maps to its documented exit code and one clear paragraph (or, with
//! `-o json`, one JSON object) on stderr.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

/// Run `keys get apkX` against a server that answers `status` with `body`.
fn get_with_answer(status: u16, body: &str, content_type: &str, extra: &[&str]) -> (Run, String) {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path("/apkX"));
        then.status(status)
            .header("content-type", content_type)
            .header("x-okta-request-id", "reqXYZ")
            .body(body);
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args([
            "--max-retries",
            "0",
            "keys",
            "get",
            "--auth-server",
            SERVER,
            "apkX",
        ])
        .args(extra));
    (out, format!("{}{}", server.base_url(), keys_path("/apkX")))
}

#[test]
fn each_status_has_its_exit_code_and_hint() {
    let cases: [(u16, Value, i32, &str, &str); 6] = [
        (
            400,
            okta_error(
                "E0000001",
                "Api validation failed: JsonWebKey",
                &["Each key must have a unique 'kid'."],
            ),
            6,
            "error: Okta rejected the request",
            "choose another --kid",
        ),
        (
            401,
            okta_error("E0000011", "Invalid token provided", &[]),
            4,
            "error: Okta refused the credentials",
            // Where the token came from (issue 20.9).
            "hint: Okta refused the API token in the environment variable OKTA_API_TOKEN",
        ),
        (
            403,
            okta_error(
                "E0000006",
                "You do not have permission to perform the requested action",
                &[],
            ),
            4,
            "error: Okta refused permission",
            "okta.authorizationServers.manage",
        ),
        (
            404,
            okta_error(
                "E0000007",
                "Not found: Resource not found: apkX (JsonWebKey)",
                &[],
            ),
            5,
            "error: not found",
            "check the key id (`oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9` shows them)",
        ),
        (
            429,
            okta_error(
                "E0000047",
                "API call exceeded rate limit due to too many requests.",
                &[],
            ),
            7,
            "error: rate limited by Okta",
            "raise --max-retries",
        ),
        (
            500,
            okta_error("E0000009", "Internal Server Error", &[]),
            8,
            "error: Okta failed to answer",
            "try again later",
        ),
    ];
    for (status, body, code, headline, hint) in cases {
        let (out, url) = get_with_answer(status, &body.to_string(), "application/json", &[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{status}: {err}");
        assert!(
            err.starts_with(&format!("{headline}: GET {url} returned {status}")),
            "{status}: {err}"
        );
        let summary = body["errorSummary"].as_str().unwrap();
        assert!(
            err.contains(&format!(
                "  {}: {summary}\n",
                body["errorCode"].as_str().unwrap()
            )),
            "{err}"
        );
        assert!(err.contains("  request id: reqXYZ\n"), "{err}");
        assert!(err.contains(hint), "{status}: {err}");
        assert_eq!(stdout(&out), "", "stdout stays clean on errors");
    }
}

#[test]
fn a_proxy_html_page_gives_a_clean_error_with_a_snippet() {
    let html = "<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1></body></html>";
    let (out, url) = get_with_answer(502, html, "text/html", &[]);
    assert_eq!(out.status.code(), Some(8));
    assert_eq!(
        stderr(&out),
        format!(
            "error: Okta failed to answer: GET {url} returned 502 Bad Gateway\n  response: <html><head><title>502 Bad Gateway</title></head> <body><h1>Bad Gateway</h1></body></html>\n  request id: reqXYZ\n  hint: Okta or a proxy in between failed; try again later (raise --max-retries to wait longer)\n"
        )
    );
}

#[test]
fn json_output_reports_errors_as_one_json_object() {
    let body = okta_error(
        "E0000001",
        "Api validation failed: JsonWebKey",
        &["Each key must have a unique 'kid'."],
    );
    let (out, url) = get_with_answer(400, &body.to_string(), "application/json", &["-o", "json"]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(stdout(&out), "");
    let reported: Value = serde_json::from_str(&out.stderr).expect("stderr is one JSON object");
    assert_eq!(
        reported,
        json!({"error": {
            "exit_code": 6,
            "status": 400,
            "errorCode": "E0000001",
            "errorSummary": "Api validation failed: JsonWebKey",
            "errorCauses": [{"errorSummary": "Each key must have a unique 'kid'."}],
            "requestId": "reqXYZ",
            "message": format!("Okta rejected the request: GET {url} returned 400 Bad Request"),
            "hint": "a key with that kid is already on the server; choose another --kid"
        }})
    );
}

#[test]
fn config_errors_are_json_too_with_o_json() {
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .args(["keys", "list", "--auth-server", SERVER, "-o", "json"]));
    assert_eq!(out.status.code(), Some(3));
    let reported: Value = serde_json::from_str(&out.stderr).expect("stderr is JSON");
    assert_eq!(reported["error"]["exit_code"], 3);
    assert_eq!(reported["error"]["status"], Value::Null);
    assert_eq!(reported["error"]["message"], "no Okta org URL configured");
}

#[test]
fn the_request_id_falls_back_to_the_error_id() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(keys_path("/apkX"));
        then.status(404).json_body(okta_error(
            "E0000007",
            "Not found: Resource not found: apkX (JsonWebKey)",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "get",
        "--auth-server",
        SERVER,
        "apkX",
    ]));
    assert!(
        stderr(&out).contains("  request id: oaeTESTerrorId123\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreachable_org_is_a_network_error() {
    // Bind and drop a listener so the port is (almost certainly) closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&format!("http://127.0.0.1:{port}")).args([
        "--max-retries",
        "0",
        "keys",
        "list",
        "--auth-server",
        SERVER,
    ]));
    assert_eq!(out.status.code(), Some(8));
    assert!(
        stderr(&out).starts_with("error: cannot connect to 127.0.0.1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_2xx_body_that_is_not_json_names_the_request_id() {
    let (out, _) = get_with_answer(200, "<html>login page</html>", "text/html", &[]);
    assert_eq!(out.status.code(), Some(8));
    assert!(
        stderr(&out).contains("is not valid JSON"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("(request id reqXYZ)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    for args in [
        vec!["keys"],
        vec!["keys", "frobnicate"],
        vec!["keys", "list", "--output", "yaml"],
        vec!["keys", "add", "--auth-server", SERVER],
        vec!["--timeout", "0", "keys", "list", "--auth-server", SERVER],
    ] {
        let out = run(env.cmd_with_org("https://acme.okta.com").args(&args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn oauth_style_error_bodies_are_decoded() {
    let body = r#"{"error":"invalid_token","error_description":"The access token is expired."}"#;
    let (out, url) = get_with_answer(401, body, "application/json", &[]);
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: Okta refused the credentials: GET {url} returned 401 Unauthorized\n  invalid_token: The access token is expired.\n"
        )),
        "{err}"
    );
}

#[test]
fn usage_errors_are_json_too_with_o_json() {
    let env = TestEnv::new();
    let out = run(env.cmd().args(["keys", "list", "--bogus", "-o", "json"]));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let reported: Value = serde_json::from_str(&out.stderr).expect("stderr is one JSON object");
    assert_eq!(reported["error"]["exit_code"], 2);
    assert_eq!(
        reported["error"]["message"],
        "unexpected argument '--bogus' found"
    );
    // Without -o json, clap's own paragraph with the usage line.
    let plain = run(env.cmd().args(["keys", "list", "--bogus"]));
    assert_eq!(plain.status.code(), Some(2));
    assert!(stderr(&plain).starts_with("error: unexpected argument '--bogus' found\n"));
    assert!(stderr(&plain).contains("Usage: oktakeys keys list"));
}
