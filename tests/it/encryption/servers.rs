//! `servers list|get|encryption enable|disable`, `--auth-server` by name, and the hint
//! when Okta refuses to deactivate the ACTIVE key while encryption is on.

use httpmock::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::common::*;

// ---------------------------------------------------------------------------------------
// servers list

fn two_pages(server: &MockServer) -> (Value, Value) {
    let base = server.base_url();
    let page1 = json!([
        okta_server(
            &base,
            "ausAAAAAAAAAAAAAAAAA",
            "payments",
            Some("RSA-OAEP-256")
        ),
        okta_server(&base, "default", "default", None),
    ]);
    let mut url_keys = okta_server(&base, "ausBBBBBBBBBBBBBBBBB", "orders", None);
    url_keys["jwks_uri"] = json!("https://keys.example/jwks.json");
    let page2 = json!([url_keys]);
    let next = format!("<{base}/api/v1/authorizationServers?after=default&limit=2>; rel=\"next\"");
    let (p1, p2) = (page1.clone(), page2.clone());
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param_missing("after")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).header("link", next).json_body(p1);
    });
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("after", "default")
            .query_param("limit", "2");
        then.status(200).json_body(p2);
    });
    (page1, page2)
}

#[test]
fn servers_list_follows_the_pages_and_prints_a_table() {
    let server = MockServer::start();
    two_pages(&server);
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let base = server.base_url();
    let expected = [
        "ID                    NAME      STATUS  ENCRYPTION    KEYS   ISSUER".to_string(),
        format!(
            "ausAAAAAAAAAAAAAAAAA  payments  ACTIVE  RSA-OAEP-256  saved  {base}/oauth2/ausAAAAAAAAAAAAAAAAA"
        ),
        format!(
            "default               default   ACTIVE  off           saved  {base}/oauth2/default"
        ),
        format!(
            "ausBBBBBBBBBBBBBBBBB  orders    ACTIVE  off           url    {base}/oauth2/ausBBBBBBBBBBBBBBBBB"
        ),
    ];
    assert_eq!(stdout(&out), format!("{}\n", expected.join("\n")));
    assert_eq!(stderr(&out), "");
}

#[test]
fn servers_list_json_is_every_page_as_received_and_id_the_ids() {
    let server = MockServer::start();
    let (page1, page2) = two_pages(&server);
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list", "-o", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut all = page1.as_array().unwrap().clone();
    all.extend(page2.as_array().unwrap().clone());
    assert_eq!(
        stdout(&out),
        format!("{}\n", serde_json::to_string(&all).unwrap())
    );
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "list", "-o", "id"]));
    assert_eq!(
        stdout(&out),
        "ausAAAAAAAAAAAAAAAAA\ndefault\nausBBBBBBBBBBBBBBBBB\n"
    );
}

#[test]
fn servers_list_query_is_sent_as_q_and_an_empty_list_is_success() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("q", "pay ments");
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out =
        run(env
            .cmd_with_org(&server.base_url())
            .args(["servers", "list", "--query", "pay ments"]));
    mock.assert();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "No authorization servers.\n");
}

#[test]
fn a_next_link_already_followed_ends_the_list_with_an_error() {
    let server = MockServer::start();
    let base = server.base_url();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200)
            .header(
                "link",
                format!("<{base}/api/v1/authorizationServers?after=x>; rel=\"next\""),
            )
            .json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args(["servers", "list"]));
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    mock.assert_calls(2);
    assert_has(
        &stderr(&out),
        "the authorization server list of the org links back to a page already read",
    );
}

// ---------------------------------------------------------------------------------------
// servers get

#[test]
fn servers_get_shows_encryption_the_active_key_and_the_longest_lifetime() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let rule = |id: &str, status: &str, minutes: u64| {
        json!({"id": id, "status": status, "type": "RESOURCE_ACCESS",
               "actions": {"token": {"accessTokenLifetimeMinutes": minutes, "refreshTokenLifetimeMinutes": 0}}})
    };
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies", server_path(SERVER)));
        then.status(200).json_body(json!([
            {"id": "00pActive1", "status": "ACTIVE", "name": "a"},
            {"id": "00pInactive", "status": "INACTIVE", "name": "b"},
            {"id": "00pActive2", "status": "ACTIVE", "name": "c"}
        ]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies/00pActive1/rules", server_path(SERVER)));
        then.status(200).json_body(json!([
            rule("0pr1", "ACTIVE", 60),
            rule("0pr2", "INACTIVE", 1440)
        ]));
    });
    let inactive_policy = server.mock(|when, then| {
        when.method(GET).path(format!(
            "{}/policies/00pInactive/rules",
            server_path(SERVER)
        ));
        then.status(200)
            .json_body(json!([rule("0pr3", "ACTIVE", 1000)]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{}/policies/00pActive2/rules", server_path(SERVER)));
        then.status(200).json_body(json!([
            rule("0pr4", "ACTIVE", 120),
            {"id": "0pr5", "status": "ACTIVE", "actions": {}}
        ]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "get", SERVER]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    inactive_policy.assert_calls(0);
    let base = server.base_url();
    let expected = format!(
        "ID                    NAME      STATUS  ENCRYPTION    KEYS   ISSUER\n\
         {SERVER}  payments  ACTIVE  RSA-OAEP-256  saved  {base}/oauth2/{SERVER}\n\
         \n\
         Encryption:                    RSA-OAEP-256 (access tokens are encrypted to the ACTIVE key)\n\
         Active key:                    {ACTIVE_ID} (kid enc-active), active since 2023-04-06T21:32:33.000Z\n\
         Keys:                          2 saved\n\
         Longest access-token lifetime: 120 minutes (over the ACTIVE rules of ACTIVE policies)\n"
    );
    assert_eq!(stdout(&out), expected);

    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["servers", "get", SERVER, "-o", "json"]));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        okta_server(&base, SERVER, "payments", Some("RSA-OAEP-256"))
    );
}

// ---------------------------------------------------------------------------------------
// servers encryption enable|disable

#[test]
fn enable_puts_back_the_whole_object_with_only_the_algorithm_changed() {
    let server = MockServer::start();
    mock_server(&server, None);
    let base = server.base_url();
    let mut expected = okta_server(&base, SERVER, "payments", None);
    expected["accessTokenEncryptedResponseAlgorithm"] = json!("RSA-OAEP-512");
    let answer = expected.clone();
    let put = server.mock(|when, then| {
        when.method(PUT)
            .path(server_path(SERVER))
            .header("content-type", "application/json")
            .json_body(expected);
        then.status(200).json_body(answer);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        SERVER,
        "--alg",
        "RSA-OAEP-512",
    ]));
    put.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_has(&stdout(&out), "RSA-OAEP-512");
    assert_starts(
        &stderr(&out),
        &format!(
            "Access-token encryption on authorization server {SERVER}: RSA-OAEP-512 (was off)."
        ),
    );
}

#[test]
fn disable_puts_back_the_object_without_the_field() {
    let server = MockServer::start();
    mock_server(&server, Some("RSA-OAEP-256"));
    let base = server.base_url();
    let expected = okta_server(&base, SERVER, "payments", None);
    let answer = expected.clone();
    let put = server.mock(|when, then| {
        when.method(PUT)
            .path(server_path(SERVER))
            .json_body(expected);
        then.status(200).json_body(answer);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "disable",
        "--auth-server",
        SERVER,
        "-o",
        "json",
    ]));
    put.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        okta_server(&base, SERVER, "payments", None)
    );
}

#[test]
fn enable_dry_run_prints_the_put_and_sends_none() {
    let server = MockServer::start();
    mock_server(&server, None);
    let base = server.base_url();
    let put = server.mock(|when, then| {
        when.method(PUT);
        then.status(500);
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        SERVER,
        "--dry-run",
        "-o",
        "json",
    ]));
    put.assert_calls(0);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut body = okta_server(&base, SERVER, "payments", None);
    body["accessTokenEncryptedResponseAlgorithm"] = json!("RSA-OAEP-256");
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        json!({"dryRun": true, "method": "PUT", "url": format!("{base}{}", server_path(SERVER)), "body": body})
    );
    assert_eq!(
        stderr(&out),
        "accessTokenEncryptedResponseAlgorithm: off → RSA-OAEP-256 (every other field unchanged)\n"
    );
}

#[test]
fn enabling_without_an_active_key_is_refused_before_and_after_okta() {
    let server = MockServer::start();
    let base = server.base_url();
    let body = okta_server(&base, SERVER, "payments", None);
    server.mock(|when, then| {
        when.method(GET).path(server_path(SERVER));
        then.status(200).json_body(body);
    });
    let mut keys = okta_keys(&base);
    keys[0]["status"] = json!("INACTIVE");
    let mut keys_mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(keys);
    });
    let put = server.mock(|when, then| {
        when.method(PUT).path(server_path(SERVER));
        then.status(400).json_body(okta_error(
            "E0000001",
            "Api validation failed: accessTokenEncryptedResponseAlgorithm",
            &["An active encryption key is required to enable access token encryption."],
        ));
    });
    let env = TestEnv::new();
    let args = ["servers", "encryption", "enable", "--auth-server", SERVER];
    let out = run(env.cmd_with_org(&base).args(args));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    put.assert_calls(0);
    assert_eq!(
        stderr(&out),
        format!(
            "error: authorization server {SERVER} has no ACTIVE key, and access tokens can only be encrypted to one; nothing was sent\n  \
             hint: activate a key first: `oktakeys keys activate --auth-server {SERVER} KEY_ID` (`oktakeys keys list --auth-server {SERVER}` shows the keys; `oktakeys keys add --auth-server aus1a2b3c4d5e6f7g8h9 --jwk FILE` adds one)\n"
        )
    );

    // Okta refuses too (the key was deactivated after oktakeys looked): the same hint.
    keys_mock.delete();
    let keys = okta_keys(&base);
    server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(keys);
    });
    let out = run(env.cmd_with_org(&base).args(args));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    put.assert_calls(1);
    let err = stderr(&out);
    assert!(
        err.contains("An active encryption key is required"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "hint: activate a key first: `oktakeys keys activate --auth-server {SERVER} KEY_ID`"
        )),
        "{err}"
    );
}

#[test]
fn deactivating_the_active_key_while_encryption_is_on_says_to_activate_another() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST)
            .path(keys_path(&format!("/{ACTIVE_ID}/lifecycle/deactivate")));
        then.status(400).json_body(okta_error(
            "E0000001",
            "Api validation failed: JsonWebKey",
            &["You cannot deactivate the active key when access token encryption is enabled."],
        ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "deactivate",
        "--auth-server",
        SERVER,
        ACTIVE_ID,
    ]));
    assert_eq!(out.status.code(), Some(6));
    assert_has(
        &stderr(&out),
        "hint: activate another key instead: that deactivates this one",
    );
}

// ---------------------------------------------------------------------------------------
// --auth-server by name

/// `payments` is not an id (404); the list searched with `q` holds the servers `named`.
fn mock_name_lookup(server: &MockServer, value: &str, named: Value) {
    let value = value.to_string();
    server.mock(|when, then| {
        when.method(GET).path(server_path(&value));
        then.status(404).json_body(okta_error(
            "E0000007",
            &format!("Not found: Resource not found: {value} (AuthorizationServer)"),
            &[],
        ));
    });
    let q = value.clone();
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("q", q);
        then.status(200).json_body(named);
    });
}

#[test]
fn auth_server_is_found_by_its_exact_name_ignoring_case() {
    let server = MockServer::start();
    let base = server.base_url();
    mock_server(&server, Some("RSA-OAEP-256"));
    mock_name_lookup(
        &server,
        "Payments",
        json!([
            okta_server(&base, "ausOTHERxxxxxxxxxxxx", "payments-staging", None),
            okta_server(&base, SERVER, "payments", Some("RSA-OAEP-256"))
        ]),
    );
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&base)
        .args(["servers", "get", "Payments", "-o", "id"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{SERVER}\n"));

    // The keys commands too: their own 404, then the name.
    let keys_404 = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/Payments/resourceservercredentials/keys");
        then.status(404)
            .json_body(okta_error("E0000007", "Not found", &[]));
    });
    let out = run(env.cmd_with_org(&base).args([
        "keys",
        "list",
        "--auth-server",
        "Payments",
        "-o",
        "id",
    ]));
    keys_404.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("{ACTIVE_ID}\n{INACTIVE_ID}\n"));
}

#[test]
fn no_server_of_that_id_or_name_is_exit_5_naming_servers_list() {
    let server = MockServer::start();
    mock_name_lookup(
        &server,
        "payments",
        json!([okta_server(
            &server.base_url(),
            SERVER,
            "payments-old",
            None
        )]),
    );
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        "payments",
    ]));
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        "hint: no authorization server has the id or the name \"payments\": `oktakeys servers list` shows them",
    );
}

/// The keys commands too: their own 404, no server of that name, and no server of that
/// id either is exit 5 naming `oktakeys servers list`; a 404 for a missing key of a server
/// that exists keeps the key's hint.
#[test]
fn keys_on_no_server_of_that_id_or_name_name_servers_list() {
    let server = MockServer::start();
    mock_name_lookup(&server, "payments", json!([]));
    server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/payments/resourceservercredentials/keys");
        then.status(404).json_body(okta_error(
            "E0000007",
            "Not found: Resource not found: payments (AuthorizationServer)",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        "payments",
    ]));
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        "hint: no authorization server has the id or the name \"payments\": `oktakeys servers list` shows them",
    );

    // The server exists (by id); the key does not: the key's hint stands.
    let server = MockServer::start();
    let base = server.base_url();
    mock_server(&server, None);
    server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200).json_body(json!([]));
    });
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{SERVER}/resourceservercredentials/keys/apkMISSINGxxxxxxxxxx"
        ));
        then.status(404)
            .json_body(okta_error("E0000007", "Not found: Resource not found: apkMISSINGxxxxxxxxxx (JsonWebKey)", &[]));
    });
    let out = run(env.cmd_with_org(&base).args([
        "keys",
        "get",
        "--auth-server",
        SERVER,
        "apkMISSINGxxxxxxxxxx",
    ]));
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(!stderr(&out).contains("servers list"), "{}", stderr(&out));
    assert_has(
        &stderr(&out),
        &format!("`oktakeys keys list --auth-server {SERVER}` shows them"),
    );
}

#[test]
fn a_name_several_servers_share_is_a_usage_error_listing_their_ids() {
    let server = MockServer::start();
    let base = server.base_url();
    mock_name_lookup(
        &server,
        "payments",
        json!([
            okta_server(&base, "ausONExxxxxxxxxxxxxx", "payments", None),
            okta_server(&base, "ausTWOxxxxxxxxxxxxxx", "PAYMENTS", None)
        ]),
    );
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args(["servers", "get", "payments"]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: 2 authorization servers are named \"payments\": ausONExxxxxxxxxxxxxx (\"payments\"), \
         ausTWOxxxxxxxxxxxxxx (\"PAYMENTS\"); pass the id to --auth-server\n"
    );
}
