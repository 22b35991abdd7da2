//! Fleet features: `--jq` on JSON output, `-o jwks`, several servers at once (in
//! parallel, in order), the process-wide rate limiter (`--max-api-capacity`),
//! `--all-auth-servers`, and `keys audit`; against the in-process sandbox and httpmock.

use crate::common::sandbox::FaultySandbox;
use crate::common::*;

fn keys_cmd(env: &TestEnv, fake: &FaultySandbox, args: &[&str]) -> Run {
    let mut cmd = env.cmd_with_org(&fake.base);
    cmd.args(["--max-retries", "0", "keys"]).args(args);
    run(&mut cmd)
}

/// A sandbox whose server SERVER holds `old` (INACTIVE) and `cur` (ACTIVE).
fn two_keys() -> (FaultySandbox, TestEnv) {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("old", "INACTIVE"), ("cur", "ACTIVE")]);
    (fake, TestEnv::new())
}

// ---- --jq ----------------------------------------------------------------------------

#[test]
fn jq_prints_strings_raw_one_per_line() {
    let (fake, env) = two_keys();
    let out = keys_cmd(
        &env,
        &fake,
        &["list", "--auth-server", SERVER, "--jq", ".[].kid"],
    );
    insta::assert_snapshot!(out, @r"
    [exit status: 0]
    ----- stdout -----
    old
    cur
    ");
}

#[test]
fn jq_prints_other_values_as_compact_json_lines() {
    let (fake, env) = two_keys();
    let out = keys_cmd(
        &env,
        &fake,
        &[
            "list",
            "--auth-server",
            SERVER,
            "--jq",
            r#".[] | {kid, status}, (.status == "ACTIVE"), length"#,
        ],
    );
    insta::assert_snapshot!(out, @r#"
    [exit status: 0]
    ----- stdout -----
    {"kid":"old","status":"INACTIVE"}
    false
    10
    {"kid":"cur","status":"ACTIVE"}
    true
    10
    "#);
}

#[test]
fn a_bad_jq_expression_is_a_usage_error_before_any_request() {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("cur", "ACTIVE")]);
    let env = TestEnv::new();
    let out = keys_cmd(
        &env,
        &fake,
        &[
            "-o",
            "json",
            "list",
            "--auth-server",
            SERVER,
            "--jq",
            ".[] | nosuch",
        ],
    );
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(fake.log().is_empty(), "{:?}", fake.log());
    let report: serde_json::Value = serde_json::from_str(&out.stderr).expect("a JSON error");
    assert_eq!(
        report["error"]["message"],
        "invalid --jq expression `.[] | nosuch`: undefined filter `nosuch`"
    );
    // Also with -o table: --jq filters JSON only.
    let out = keys_cmd(
        &env,
        &fake,
        &["-o", "table", "list", "--auth-server", SERVER, "--jq", "."],
    );
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(
        out.stderr
            .contains("--jq filters JSON output; it cannot be used with -o table"),
        "{out}"
    );
    assert!(fake.log().is_empty());
}

#[test]
fn jq_works_on_commands_without_the_network() {
    let env = TestEnv::new();
    let key = env.path("k.pem");
    let out = env.run(&[
        "keys",
        "generate",
        "--kid",
        "enc-1",
        "--bits",
        "2048",
        "--private-key-out",
        key.to_str().unwrap(),
        "--jq",
        "[.kid, .use, .kty] | join(\" \")",
    ]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.stdout, "enc-1 enc RSA\n");
}

// ---- -o jwks -------------------------------------------------------------------------

#[test]
fn jwks_holds_only_the_public_members_in_oktas_order() {
    use httpmock::prelude::*;
    let server = MockServer::start();
    let with_alg = okta_key(&server.base_url(), "apk1", "enc-new", "ACTIVE", 1);
    let mut without_alg = okta_key(&server.base_url(), "apk2", "enc-old", "INACTIVE", 2);
    without_alg.as_object_mut().unwrap().remove("alg");
    let mock = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200)
            .json_body(serde_json::json!([with_alg, without_alg]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        SERVER,
        "-o",
        "jwks",
    ]));
    mock.assert();
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        format!(
            "{{\"keys\":[{{\"kid\":\"enc-new\",\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"enc\",\"e\":\"AQAB\",\"n\":\"{}\"}},\
             {{\"kid\":\"enc-old\",\"kty\":\"RSA\",\"use\":\"enc\",\"e\":\"AQAB\",\"n\":\"{}\"}}]}}\n",
            modulus(2048, 1),
            modulus(2048, 2)
        )
    );
    // A JWKS as `keys add --jwk` reads it: the key is picked by kid.
    let parsed = keymaterial::jwk::from_jwk_bytes(out.stdout.as_bytes(), Some("enc-old"), "jwks");
    assert_eq!(parsed.map(|k| k.n).ok(), Some(modulus(2048, 2)));
}

#[test]
fn jwks_is_refused_on_other_commands() {
    let env = TestEnv::new();
    let out = env.run(&["-o", "jwks", "keys", "get", "--auth-server", SERVER, "apk1"]);
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(
        out.stderr.contains("-o jwks is for `keys list` only"),
        "{out}"
    );
}

// ---- several servers at once ------------------------------------------------------------

/// A sandbox answering each request after `latency_ms`, with servers ausA, ausB, ausC
/// holding one ACTIVE key each.
fn three_servers(latency_ms: u64) -> FaultySandbox {
    let fake = FaultySandbox::start_with(|o| {
        o.knobs.latency = std::time::Duration::from_millis(latency_ms);
    });
    for (server, kid) in [("ausA", "a1"), ("ausB", "b1"), ("ausC", "c1")] {
        fake.server(server, &[(kid, "ACTIVE")]);
    }
    fake
}

fn three_flags() -> Vec<&'static str> {
    vec![
        "--auth-server",
        "ausA",
        "--auth-server",
        "ausB",
        "--auth-server",
        "ausC",
    ]
}

fn new_jwk(env: &TestEnv) -> String {
    let jwk = serde_json::json!({"kty": "RSA", "use": "enc", "kid": "new", "e": "AQAB", "n": modulus(2048, 7)});
    let path = env.path("new.json");
    std::fs::write(&path, jwk.to_string()).unwrap();
    path.display().to_string()
}

/// `keys rotate` of ausA, ausB, ausC to the key `new`, with `extra` flags: the run, its
/// environment and the JWK file.
fn rotate_three(fake: &FaultySandbox, extra: &[&str]) -> (TestEnv, String, Run) {
    let env = TestEnv::new();
    let jwk = new_jwk(&env);
    let mut args = vec!["rotate"];
    args.extend(extra);
    args.extend(three_flags());
    args.extend(["--jwk", &jwk]);
    let out = keys_cmd(&env, fake, &args);
    (env, jwk, out)
}

/// The first `n` requests after the plans' GETs, as sorted "METHOD server" pairs.
fn first_steps(fake: &FaultySandbox, n: usize) -> Vec<String> {
    let mut steps: Vec<String> = fake
        .log()
        .into_iter()
        .filter(|l| !l.starts_with("GET "))
        .take(n)
        .map(|l| {
            let (method, path) = l.split_once(' ').unwrap();
            let server = path.trim_start_matches("/as/").split('/').next().unwrap();
            let step = if path.ends_with("/activate") {
                "activate"
            } else {
                method
            };
            format!("{step} {server}")
        })
        .collect();
    steps.sort();
    steps
}

#[test]
fn rotate_runs_servers_at_once_and_reports_in_their_order() {
    let fake = three_servers(150);
    fake.name_next_keys(&["apkNA", "apkNB", "apkNC"]);
    // A lifetime given, so the plans read no rules (the fault sandbox seeds none).
    let (_env, _jwk, out) = rotate_three(&fake, &["--token-lifetime", "1h"]);
    assert_eq!(out.code(), Some(0), "{out}");
    // All three adds went out before any activation: the servers ran at once.
    assert_eq!(
        first_steps(&fake, 3),
        ["POST ausA", "POST ausB", "POST ausC"]
    );
    // Each server's notes in one piece, in the order of the servers.
    let servers_in_order: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|l| l.split_once(": ").map(|(s, _)| s))
        .filter(|s| s.starts_with("aus"))
        .collect();
    let mut blocks = servers_in_order.clone();
    blocks.dedup();
    assert_eq!(blocks, ["ausA", "ausB", "ausC"], "{out}");
    let plans: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("Plan for"))
        .collect();
    assert_eq!(
        plans,
        [
            "Plan for authorization server ausA (new key kid new):",
            "Plan for authorization server ausB (new key kid new):",
            "Plan for authorization server ausC (new key kid new):"
        ]
    );
    let table: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(table, ["AUTH", "ausA", "ausB", "ausC"], "{out}");
}

#[test]
fn parallel_1_works_one_server_after_another() {
    let fake = three_servers(0);
    let (env, jwk, out) = rotate_three(&fake, &["--parallel", "1"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(
        first_steps(&fake, 3),
        ["POST ausA", "POST ausB", "activate ausA"]
    );
    let out = keys_cmd(&env, &fake, &["rotate", "--parallel", "0", "--jwk", &jwk]);
    assert_eq!(out.code(), Some(2), "{out}");
}

#[test]
fn rotate_with_one_server_failing_completes_the_others() {
    let fake = three_servers(50);
    fake.fail_next(
        "POST /api/v1/authorizationServers/ausB/resourceservercredentials/keys",
        400,
    );
    let (_env, _jwk, out) = rotate_three(&fake, &[]);
    assert_eq!(out.code(), Some(6), "{out}");
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().take(2).collect())
        .collect();
    assert_eq!(
        rows,
        [["ausA", "rotated"], ["ausB", "failed"], ["ausC", "rotated"]],
        "{out}"
    );
    assert!(out.stderr.contains("error: ausB: "), "{out}");
    assert!(
        out.stderr.contains("ausB now holds:\n  ACTIVE apkb1"),
        "{out}"
    );
    assert_eq!(fake.keys("ausA")[1].2, "ACTIVE");
    assert_eq!(fake.keys("ausB")[0].2, "ACTIVE");
    assert_eq!(fake.keys("ausC")[1].2, "ACTIVE");
}

#[test]
fn list_of_several_servers_is_keyed_by_server() {
    let fake = three_servers(0);
    let env = TestEnv::new();
    let mut args = vec!["list", "-o", "json"];
    args.extend(three_flags());
    let out = keys_cmd(&env, &fake, &args);
    assert_eq!(out.code(), Some(0), "{out}");
    let json = out.json();
    let servers: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(servers, ["ausA", "ausB", "ausC"]);
    assert_eq!(json["ausB"][0]["kid"], "b1");
    assert_eq!(json["ausB"][0]["status"], "ACTIVE");

    let mut args = vec!["list", "-o", "id"];
    args.extend(three_flags());
    let out = keys_cmd(&env, &fake, &args);
    assert_eq!(out.stdout, "ausA apka1\nausB apkb1\nausC apkc1\n", "{out}");

    let mut args = vec!["list"];
    args.extend(three_flags());
    let out = keys_cmd(&env, &fake, &args);
    let firsts: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(firsts, ["AUTH SERVER", "ausA", "ausB", "ausC"], "{out}");
}

#[test]
fn list_reports_a_failing_server_and_prints_the_others() {
    let fake = three_servers(0);
    let env = TestEnv::new();
    let out = keys_cmd(
        &env,
        &fake,
        &[
            "list",
            "-o",
            "id",
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausNope",
            "--auth-server",
            "ausC",
        ],
    );
    assert_eq!(out.code(), Some(5), "{out}");
    assert_eq!(out.stdout, "ausA apka1\nausC apkc1\n");
    assert!(out.stderr.starts_with("error: ausNope: "), "{out}");
}

// ---- the rate limiter -----------------------------------------------------------------

/// A sandbox allowing `limit` requests per `window_secs`, with servers aus1…ausN.
fn rate_limited(limit: u64, window_secs: u64, servers: usize) -> (FaultySandbox, Vec<String>) {
    let fake = FaultySandbox::start_with(|o| {
        o.knobs.rate_limit = limit;
        o.knobs.rate_limit_window = std::time::Duration::from_secs(window_secs);
    });
    let ids: Vec<String> = (1..=servers).map(|i| format!("aus{i}")).collect();
    for (i, id) in ids.iter().enumerate() {
        fake.server(id, &[(&format!("k{i}"), "ACTIVE")]);
    }
    (fake, ids)
}

fn list_all(env: &TestEnv, fake: &FaultySandbox, ids: &[String], extra: &[&str]) -> Run {
    let mut args: Vec<&str> = extra.to_vec();
    args.extend(["list", "-o", "id"]);
    for id in ids {
        args.extend(["--auth-server", id]);
    }
    keys_cmd(env, fake, &args)
}

#[test]
fn the_limiter_keeps_to_its_share_of_the_window() {
    // 10 a minute, 50 %: five requests may go; the sixth would need the next window,
    // which comes after --timeout, so it is not sent, and Okta never answers 429.
    let (fake, ids) = rate_limited(10, 60, 6);
    let env = TestEnv::new();
    let out = list_all(
        &env,
        &fake,
        &ids,
        &["--timeout", "5", "--max-api-capacity", "50"],
    );
    assert_eq!(out.code(), Some(7), "{out}");
    assert_eq!(fake.log().len(), 5, "{:?}", fake.log());
    assert_eq!(
        out.stdout,
        "aus1 apkk0\naus2 apkk1\naus3 apkk2\naus4 apkk3\naus5 apkk4\n"
    );
    assert!(
        out.stderr.starts_with(
            "error: aus6: not sent: oktakeys has used its 50 % of Okta's rate limit (--max-api-capacity)."
        ),
        "{out}"
    );
    assert!(!out.stderr.contains("429"), "{out}");
    // From the environment variable, all of the window: its other five go, then no more.
    let out = keys_cmd_env(&env, &fake, &ids, ("OKTAKEYS_MAX_API_CAPACITY", "100"));
    assert_eq!(out.code(), Some(7), "{out}");
    assert_eq!(fake.log().len(), 10, "{:?}", fake.log());
    assert!(
        out.stderr
            .contains("error: aus6: not sent: oktakeys has used its 100 %"),
        "{out}"
    );
}

fn keys_cmd_env(env: &TestEnv, fake: &FaultySandbox, ids: &[String], var: (&str, &str)) -> Run {
    let mut cmd = env.cmd_with_org(&fake.base);
    cmd.env(var.0, var.1).args([
        "--max-retries",
        "0",
        "--timeout",
        "5",
        "keys",
        "list",
        "-o",
        "id",
    ]);
    for id in ids {
        cmd.args(["--auth-server", id]);
    }
    run(&mut cmd)
}

#[test]
fn the_limiter_waits_for_the_next_window_instead_of_a_429() {
    // 4 a second, 50 %: two per window; five servers take three windows, no 429.
    let (fake, ids) = rate_limited(4, 1, 5);
    let env = TestEnv::new();
    let out = list_all(&env, &fake, &ids, &["-v", "--max-api-capacity", "50"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(fake.log().len(), 5);
    assert_eq!(out.stdout.lines().count(), 5, "{out}");
    assert!(!out.stderr.contains(" 429 "), "{out}");
    assert!(
        out.stderr.contains(
            "Keeping within 50 % of Okta's rate limit (--max-api-capacity); continuing in"
        ),
        "{out}"
    );
}

#[test]
fn max_api_capacity_is_a_percent_from_1_to_100() {
    let env = TestEnv::new();
    for bad in ["0", "101", "half"] {
        let out = env.run(&["--max-api-capacity", bad, "keys", "list"]);
        assert_eq!(out.code(), Some(2), "{bad}: {out}");
    }
    let config = env.write_config(
        "[profiles.p]\norg_url = \"https://acme.okta.com\"\ntoken = \"x\"\nmax_api_capacity = 30\n",
    );
    let out = env.run(&[
        "--config",
        config.to_str().unwrap(),
        "-p",
        "p",
        "config",
        "show",
    ]);
    let row = out
        .stdout
        .lines()
        .find(|l| l.starts_with("max_api_capacity"))
        .unwrap_or_default();
    assert!(row.contains(" 30 "), "{out}");
}

// ---- --all-auth-servers -----------------------------------------------------------------

#[test]
fn all_auth_servers_follows_every_page_and_takes_the_active_ones() {
    use httpmock::prelude::*;
    let okta = MockServer::start();
    let base = okta.base_url();
    let server =
        |id: &str, status: &str| serde_json::json!({"id": id, "name": id, "status": status});
    let page1 = okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param_missing("after");
        then.status(200)
            .header(
                "link",
                format!("<{base}/api/v1/authorizationServers?after=ausX&limit=2>; rel=\"next\""),
            )
            .json_body(serde_json::json!([
                server("ausA", "ACTIVE"),
                server("ausX", "INACTIVE")
            ]));
    });
    let page2 = okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .query_param("after", "ausX");
        then.status(200)
            .json_body(serde_json::json!([server("ausB", "ACTIVE")]));
    });
    let mut key_mocks = Vec::new();
    for (id, seed) in [("ausA", 1), ("ausB", 2)] {
        let key = okta_key(&base, &format!("apk{id}"), "k", "ACTIVE", seed);
        key_mocks.push(okta.mock(|when, then| {
            when.method(GET).path(format!(
                "/api/v1/authorizationServers/{id}/resourceservercredentials/keys"
            ));
            then.status(200).json_body(serde_json::json!([key]));
        }));
    }
    let env = TestEnv::new();
    let out = run(env
        .cmd_with_org(&base)
        .args(["keys", "list", "--all-auth-servers", "-o", "id"]));
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.stdout, "ausA apkausA\nausB apkausB\n");
    page1.assert();
    page2.assert();
    for mock in key_mocks {
        mock.assert();
    }
    // Not with --auth-server, and not on a command for one server.
    let out = env.run(&["keys", "list", "--all-auth-servers", "--auth-server", "a"]);
    assert_eq!(out.code(), Some(2), "{out}");
    let out = run(env
        .cmd_with_org(&base)
        .args(["keys", "get", "--all-auth-servers", "apk1"]));
    assert_eq!(out.code(), Some(2), "{out}");
}

#[test]
fn rotate_all_auth_servers_rotates_each_active_server() {
    let fake = three_servers(0);
    let env = TestEnv::new();
    let jwk = new_jwk(&env);
    let out = keys_cmd(
        &env,
        &fake,
        &["rotate", "--all-auth-servers", "--jwk", &jwk, "-o", "json"],
    );
    assert_eq!(out.code(), Some(0), "{out}");
    let results: Vec<(String, String)> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["auth_server"].as_str().unwrap().to_string(),
                r["result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let rotated: Vec<(&str, &str)> = results
        .iter()
        .map(|(s, r)| (s.as_str(), r.as_str()))
        .collect();
    // Every ACTIVE server the sandbox lists (its `default` too), in its order.
    assert_eq!(
        rotated,
        [
            ("ausA", "rotated"),
            ("ausB", "rotated"),
            ("ausC", "rotated"),
            ("default", "rotated")
        ],
        "{out}"
    );
    assert_eq!(fake.log()[0], "GET /api/v1/authorizationServers");
}

// ---- servers get --all-auth-servers ------------------------------------------------------

#[test]
fn servers_get_all_auth_servers_prints_one_block_per_active_server_in_order() {
    use httpmock::prelude::*;
    let okta = MockServer::start();
    let base = okta.base_url();
    let server =
        |id: &str, status: &str| serde_json::json!({"id": id, "name": id, "status": status});
    okta.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200).json_body(serde_json::json!([
            server("ausB", "ACTIVE"),
            server("ausX", "INACTIVE"),
            server("ausBroken", "ACTIVE"),
            server("ausA", "ACTIVE"),
        ]));
    });
    for id in ["ausA", "ausB"] {
        let key = okta_key(&base, &format!("apk{id}"), &format!("kid{id}"), "ACTIVE", 1);
        okta.mock(|when, then| {
            when.method(GET).path(format!(
                "/api/v1/authorizationServers/{id}/resourceservercredentials/keys"
            ));
            then.status(200).json_body(serde_json::json!([key]));
        });
        okta.mock(|when, then| {
            when.method(GET)
                .path(format!("/api/v1/authorizationServers/{id}/policies"));
            then.status(200).json_body(serde_json::json!([]));
        });
    }
    okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/ausBroken/resourceservercredentials/keys");
        then.status(500)
            .json_body(okta_error("E0000009", "Internal Server Error", &[]));
    });
    let env = TestEnv::new();
    let out = run(env.cmd_with_org(&base).args([
        "--max-retries",
        "0",
        "servers",
        "get",
        "--all-auth-servers",
    ]));
    assert!(out.code() != Some(0), "{out}");
    assert!(out.stderr.contains("error: ausBroken:"), "{out}");
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("aus"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(rows, ["ausB", "ausA"], "{out}");
    assert!(out.stdout.contains("(kid kidausB)"), "{out}");

    // -o json: the listed objects, no further request.
    let out =
        run(env
            .cmd_with_org(&base)
            .args(["servers", "get", "--all-auth-servers", "-o", "json"]));
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(
        out.json(),
        serde_json::json!([
            server("ausB", "ACTIVE"),
            server("ausBroken", "ACTIVE"),
            server("ausA", "ACTIVE")
        ])
    );
}
