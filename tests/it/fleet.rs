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
        &["list", "--auth-server", SERVER, "--jq", ".[] | nosuch"],
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
