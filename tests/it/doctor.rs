//! `oktakeys doctor`: each check through the binary, against a spawned sandbox, httpmock,
//! or nothing at all; its exit codes (0, 3, 4, 8) and that no secret is ever shown.

use std::path::{Path, PathBuf};

use httpmock::prelude::*;

use crate::common::sandbox::ServedEnv;
use crate::common::*;

/// The lines whose check is `id` (`ok    config  …` → `config`).
fn lines_of<'a>(out: &'a Run, id: &str) -> Vec<&'a str> {
    out.stdout
        .lines()
        .filter(|l| l.split_whitespace().nth(1) == Some(id))
        .collect()
}

/// The one line of check `id`.
fn line<'a>(out: &'a Run, id: &str) -> &'a str {
    match lines_of(out, id).as_slice() {
        [one] => one,
        other => panic!("expected one `{id}` line, found {other:?}:\n{out}"),
    }
}

#[test]
fn a_working_setup_passes_every_check_with_each_server_s_encryption() {
    let sandbox = ServedEnv::start(&[
        "--auth-server",
        "ausOther",
        "--encryption-enabled",
        "default",
    ]);
    let out = sandbox.run(&["doctor"]);
    assert_eq!(out.code(), Some(0), "{out}");
    for id in [
        "config",
        "profile",
        "org",
        "credentials",
        "reachable",
        "accepted",
        "clock",
    ] {
        assert!(line(&out, id).starts_with("ok "), "{id}:\n{out}");
    }
    assert!(line(&out, "org").contains("(env OKTA_ORG_URL)"), "{out}");
    assert!(
        line(&out, "credentials").contains("$OKTA_API_TOKEN (set"),
        "the source, not the token: {out}"
    );
    assert!(
        line(&out, "scopes").starts_with("skip") && line(&out, "scopes").contains("API token"),
        "an API token's permissions cannot be seen without a change: {out}"
    );
    let servers = lines_of(&out, "server");
    assert_eq!(servers.len(), 2, "{out}");
    assert!(
        servers
            .iter()
            .any(|l| l.contains("ausOther (ausOther), ACTIVE: access-token encryption off")),
        "{out}"
    );
    assert!(
        servers.iter().any(
            |l| l.contains("default (default), ACTIVE: access tokens encrypted (RSA-OAEP-256)")
        ),
        "{out}"
    );
    assert!(out.stderr.is_empty(), "{out}");
}

#[test]
fn the_profile_chosen_is_named_with_why() {
    let sandbox = ServedEnv::start(&[]);
    let env = TestEnv {
        home: tempfile::tempdir().unwrap(),
    };
    let config = env.write_config(&format!(
        "default_profile = \"work\"\n[profiles.work]\norg_url = \"{}\"\ntoken_env = \"WORK_TOKEN\"\n\
         [profiles.other]\norg_url = \"{}\"\ntoken_env = \"WORK_TOKEN\"\n",
        sandbox.served.base, sandbox.served.base
    ));
    let out = env.cmd().env("WORK_TOKEN", TOKEN).arg("doctor").run();
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        line(&out, "config").contains(&format!("{} (owner only)", config.display())),
        "{out}"
    );
    assert_eq!(
        line(&out, "profile"),
        format!(
            "ok    profile      work (default_profile in {})",
            config.display()
        )
    );
    let out = env
        .cmd()
        .env("WORK_TOKEN", TOKEN)
        .env("OKTAKEYS_PROFILE", "other")
        .arg("doctor")
        .run();
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        line(&out, "profile").ends_with("other (env OKTAKEYS_PROFILE)"),
        "{out}"
    );
    assert!(
        line(&out, "credentials").contains("$WORK_TOKEN (set"),
        "{out}"
    );
}

#[test]
fn the_sandbox_profile_passes_on_its_own() {
    let env = TestEnv::new();
    let out = env.run(&["-p", "sandbox", "doctor"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        line(&out, "profile").ends_with("sandbox (flag --profile)"),
        "{out}"
    );
    assert!(line(&out, "config").contains("no file at"), "{out}");
    assert!(
        line(&out, "server").ends_with("default (default), ACTIVE: access-token encryption off"),
        "{out}"
    );
}

#[test]
fn nothing_configured_fails_with_exit_3_and_says_what_to_set() {
    let env = TestEnv::new();
    let out = env.run(&["doctor"]);
    assert_eq!(out.code(), Some(3), "{out}");
    let failed = line(&out, "settings");
    assert!(
        failed.starts_with("FAIL") && failed.contains("OKTA_ORG_URL"),
        "{out}"
    );
    assert!(
        lines_of(&out, "reachable").is_empty(),
        "nothing is sent: {out}"
    );
    assert_eq!(out.stderr, "doctor: 1 check failed; the first: settings\n");
}

#[test]
fn a_config_file_others_may_read_holding_a_token_fails_with_exit_3() {
    let env = TestEnv::new();
    let path = env.write_config(
        "[profiles.p]\norg_url = \"https://acme.okta.com\"\ntoken = \"00storedTokenNeverShown\"\n",
    );
    set_mode(&path, 0o644);
    let out = env.run(&["-p", "p", "doctor"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        line(&out, "config").contains("mode 644: group or others may read it"),
        "{out}"
    );
    assert!(line(&out, "settings").contains("chmod 600"), "{out}");
    assert!(!out.stdout.contains("00storedTokenNeverShown"), "{out}");
}

#[test]
fn a_token_variable_that_is_not_set_fails_with_exit_3_before_any_request() {
    let env = TestEnv::new();
    env.write_config(
        "[profiles.p]\norg_url = \"https://acme.okta.com\"\ntoken_env = \"UNSET_TOKEN\"\n",
    );
    let out = env.run(&["-p", "p", "doctor"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        line(&out, "credentials").starts_with("FAIL")
            && line(&out, "credentials").contains("UNSET_TOKEN, which is not set"),
        "{out}"
    );
    assert!(lines_of(&out, "reachable").is_empty(), "{out}");
}

#[test]
fn a_token_okta_refuses_is_exit_4_with_the_org_reachable() {
    let sandbox = ServedEnv::start(&[]);
    let out = sandbox
        .cmd_with_token("00wrongTokenNotAccepted")
        .arg("doctor")
        .run();
    assert_eq!(out.code(), Some(4), "{out}");
    assert!(line(&out, "reachable").starts_with("ok"), "{out}");
    assert!(line(&out, "accepted").starts_with("FAIL"), "{out}");
    assert!(!out.stdout.contains("00wrongTokenNotAccepted"), "{out}");
    assert!(!out.stderr.contains("00wrongTokenNotAccepted"), "{out}");
}

#[test]
fn an_org_out_of_reach_is_exit_8() {
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = TestEnv::new();
    let out = env
        .cmd_with_org(&format!("http://127.0.0.1:{port}"))
        .args(["doctor", "--max-retries", "0"])
        .run();
    assert_eq!(out.code(), Some(8), "{out}");
    assert!(line(&out, "reachable").starts_with("FAIL"), "{out}");
    assert!(line(&out, "accepted").starts_with("skip"), "{out}");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `doctor` as a service app granted `scopes`.
fn doctor_as_service_app(scopes: &str) -> Run {
    let app = format!(
        "0oaDoctor={}:{scopes}",
        fixture("service-app-rsa.pub.pem").display()
    );
    let sandbox = ServedEnv::start(&["--service-app", &app]);
    let key = sandbox.home.path().join("app.pem");
    std::fs::copy(fixture("service-app-rsa.pkcs8.pem"), &key).unwrap();
    set_mode(&key, 0o600);
    oktakeys(sandbox.home.path())
        .env("OKTA_CLIENT_ORGURL", &sandbox.served.base)
        .env("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
        .env("OKTA_CLIENT_CLIENTID", "0oaDoctor")
        .env("OKTA_CLIENT_PRIVATEKEY", &key)
        .args(["doctor", "--no-token-cache"])
        .run()
}

#[test]
fn a_service_app_without_the_manage_scope_fails_scopes_with_exit_4() {
    let out = doctor_as_service_app("okta.authorizationServers.read");
    assert_eq!(out.code(), Some(4), "{out}");
    assert!(
        line(&out, "credentials").contains("client_id=0oaDoctor"),
        "{out}"
    );
    assert!(
        line(&out, "accepted").starts_with("ok"),
        "reading works: {out}"
    );
    let scopes = line(&out, "scopes");
    assert!(
        scopes.starts_with("FAIL") && scopes.contains("okta.authorizationServers.manage"),
        "{out}"
    );
    assert!(
        !out.stdout.contains("PRIVATE KEY") && !out.stdout.contains("eyJ"),
        "{out}"
    );

    let out =
        doctor_as_service_app("okta.authorizationServers.read,okta.authorizationServers.manage");
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        line(&out, "scopes")
            .starts_with("ok    scopes       okta.authorizationServers.manage granted"),
        "{out}"
    );
}

#[test]
fn a_clock_off_okta_s_date_is_a_warning_and_json_tells_each_check() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200)
            .header("date", "Mon, 01 Jan 2024 00:00:00 GMT")
            .json_body(serde_json::json!([]));
    });
    let env = TestEnv::new();
    let out = env.cmd_with_org(&server.base_url()).arg("doctor").run();
    assert_eq!(out.code(), Some(0), "a warning is not a failure: {out}");
    let clock = line(&out, "clock");
    assert!(
        clock.starts_with("warn") && clock.contains("s ahead of Okta's Date"),
        "{out}"
    );
    assert!(
        line(&out, "servers").ends_with("the org has no custom authorization server"),
        "{out}"
    );

    let out = env
        .cmd_with_org(&server.base_url())
        .args(["doctor", "-o", "json"])
        .run();
    let report = out.json();
    assert_eq!(report["passed"], true, "{out}");
    assert_eq!(report["exit_code"], 0);
    let clock = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "clock")
        .unwrap();
    assert_eq!(clock["status"], "warn", "{out}");
}
