//! Profiles, credential sources, precedence and org URL checks, through the binary.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::json;

fn list_mock<'a>(server: &'a MockServer, auth_header: &str) -> httpmock::Mock<'a> {
    let auth_header = auth_header.to_string();
    server.mock(move |when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("authorization", auth_header);
        then.status(200).json_body(json!([]));
    })
}

#[test]
fn token_sources_token_env_token_command_and_inline() {
    let server = MockServer::start();
    let mock = list_mock(&server, &format!("SSWS {TOKEN}"));
    let env = TestEnv::new();
    let url = server.base_url();
    env.write_config(&format!(
        r#"
[profiles.envvar]
org_url = "{url}"
token_env = "PROD_TOKEN"
[profiles.cmd]
org_url = "{url}"
token_command = "printf '%s\n' {TOKEN}"
[profiles.inline]
org_url = "{url}"
token = "{TOKEN}"
"#
    ));
    for profile in ["envvar", "cmd", "inline"] {
        let out = run(env.cmd().env("PROD_TOKEN", TOKEN).args([
            "--profile",
            profile,
            "keys",
            "list",
            "--auth-server",
            SERVER,
        ]));
        assert_eq!(out.status.code(), Some(0), "{profile}: {}", stderr(&out));
    }
    mock.assert_calls(3);
}

#[test]
fn a_token_in_a_group_readable_config_is_refused() {
    let env = TestEnv::new();
    let path = env.write_config(&format!(
        "[profiles.p]\norg_url = \"https://acme.okta.com\"\ntoken = \"{TOKEN}\"\n"
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let out = run(env
        .cmd()
        .args(["-p", "p", "keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains(&format!("chmod 600 {}", path.display())),
        "{}",
        stderr(&out)
    );
}

#[test]
fn okta_sdk_environment_names_and_bearer_mode() {
    let server = MockServer::start();
    let mock = list_mock(&server, &format!("Bearer {TOKEN}"));
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("OKTA_CLIENT_ORGURL", server.base_url())
        .env("OKTA_CLIENT_TOKEN", TOKEN)
        .env("OKTA_CLIENT_AUTHORIZATIONMODE", "Bearer")
        .args(["keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mock.assert();

    let out = run(env
        .cmd_with_org(&server.base_url())
        .env("OKTA_CLIENT_AUTHORIZATIONMODE", "Kerberos")
        .args(["keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("expected SSWS, Bearer or PrivateKey"));
}

#[test]
fn profile_auth_bearer_and_precedence_of_flags_over_env_over_profile() {
    let flag_server = MockServer::start();
    let env_server = MockServer::start();
    let profile_server = MockServer::start();
    let flag_mock = list_mock(&flag_server, &format!("Bearer {TOKEN}"));
    let env_mock = list_mock(&env_server, &format!("Bearer {TOKEN}"));
    let profile_mock = list_mock(&profile_server, &format!("Bearer {TOKEN}"));
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"p\"\n[profiles.p]\norg_url = \"{}\"\nauth = \"bearer\"\ntoken_env = \"T\"\nauth_server = \"{SERVER}\"\n",
        profile_server.base_url()
    ));
    let base = |cmd: &mut assert_cmd::Command| {
        cmd.env("T", TOKEN).args(["keys", "list"]);
    };
    let mut c = env.cmd();
    base(&mut c);
    assert_eq!(run(&mut c).status.code(), Some(0));
    let mut c = env.cmd();
    c.env("OKTA_ORG_URL", env_server.base_url());
    base(&mut c);
    assert_eq!(run(&mut c).status.code(), Some(0));
    let mut c = env.cmd();
    c.env("OKTA_ORG_URL", env_server.base_url())
        .args(["--org-url", &flag_server.base_url()]);
    base(&mut c);
    assert_eq!(run(&mut c).status.code(), Some(0));
    profile_mock.assert_calls(1);
    env_mock.assert_calls(1);
    flag_mock.assert_calls(1);
}

#[test]
fn explicit_config_file_and_env_profile() {
    let server = MockServer::start();
    let mock = list_mock(&server, &format!("SSWS {TOKEN}"));
    let env = TestEnv::new();
    let path = env.path("elsewhere.toml");
    std::fs::write(
        &path,
        format!(
            "[profiles.ci]\norg_url = \"{}\"\ntoken_env = \"T\"\n",
            server.base_url()
        ),
    )
    .unwrap();
    let out = run(env
        .cmd()
        .env("T", TOKEN)
        .env("OKTAKEYS_CONFIG", &path)
        .env("OKTAKEYS_PROFILE", "ci")
        .args(["keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    mock.assert();

    let missing = run(env.cmd().args([
        "--config",
        "nope.toml",
        "keys",
        "list",
        "--auth-server",
        SERVER,
    ]));
    assert_eq!(missing.status.code(), Some(3));
    assert!(
        stderr(&missing).contains("cannot read the config file nope.toml"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn unknown_profiles_and_invalid_files_are_config_errors() {
    let env = TestEnv::new();
    env.write_config("[profiles.prod]\norg_url = \"https://acme.okta.com\"\ntoken_env = \"T\"\n");
    let out = run(env
        .cmd()
        .args(["-p", "stage", "keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("no profile named `stage`"));
    assert!(stderr(&out).contains("profiles in"));

    env.write_config(&format!(
        "[profiles.prod]\norg_url = \"https://acme.okta.com\"\ntoken = {TOKEN}\n"
    ));
    let out = run(env
        .cmd()
        .args(["-p", "prod", "keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("is not valid (line 3)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn org_url_mistakes_are_caught_before_any_request() {
    let env = TestEnv::new();
    for (url, expected) in [
        ("https://{yourOktaDomain}", "{yourOktaDomain}"),
        ("http://acme.okta.com", "must use https://"),
        ("https://acme-admin.okta.com", "admin console"),
        ("https://acme.okta.com.com", ".com.com"),
        ("https://https://acme.okta.com", "more than once"),
    ] {
        let out = run(env
            .cmd_with_org(url)
            .args(["keys", "list", "--auth-server", SERVER]));
        assert_eq!(out.status.code(), Some(3), "{url}");
        assert!(stderr(&out).contains(expected), "{url}: {}", stderr(&out));
    }
}

#[test]
fn no_credentials_at_all_points_to_the_sandbox() {
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("OKTA_ORG_URL", "https://acme.okta.com")
        .args(["keys", "list", "--auth-server", SERVER]));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "error: no API token configured\n  hint: create a profile with `oktakeys config init`, or set OKTA_API_TOKEN; `--profile sandbox` tries a local sandbox\n"
    );
}

/// A service app's key variable that holds neither PEM nor JWK text is read as a path;
/// when that fails, the value (which may be a key mangled in transit: quoted, or without
/// its BEGIN line) is never printed, only the variable's name.
#[test]
fn a_private_key_variable_that_is_not_a_readable_path_is_never_echoed() {
    let env = TestEnv::new();
    const MANGLED: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7noBEGINline";
    let quoted = format!("\"-----BEGIN PRIVATE KEY-----\n{MANGLED}\n-----END PRIVATE KEY-----\"");
    for value in [MANGLED.to_string(), quoted] {
        let out = run(env
            .cmd()
            .env("OKTA_CLIENT_ORGURL", "https://acme.okta.com")
            .env("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
            .env("OKTA_CLIENT_CLIENTID", "0oaCI")
            .env("OKTA_CLIENT_PRIVATEKEY", &value)
            .args(["keys", "list", "--auth-server", SERVER, "-vv"]));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(!err.contains(MANGLED), "the key leaked:\n{err}");
        assert!(
            err.contains(
                "error: cannot read the private key file named by OKTA_CLIENT_PRIVATEKEY: "
            ),
            "{err}"
        );
        assert!(
            err.contains("hint: OKTA_CLIENT_PRIVATEKEY holds neither PEM text"),
            "{err}"
        );
    }

    // A real path in the variable, to a key file others can read: the chmod hint names
    // the variable, not its value.
    let key = env.path("ci.pem");
    std::fs::write(
        &key,
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = run(env
            .cmd()
            .env("OKTA_CLIENT_ORGURL", "https://acme.okta.com")
            .env("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
            .env("OKTA_CLIENT_CLIENTID", "0oaCI")
            .env("OKTA_CLIENT_PRIVATEKEY", &key)
            .args(["keys", "list", "--auth-server", SERVER]));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "error: the private key file named by OKTA_CLIENT_PRIVATEKEY is readable by others \
             (mode 644); refusing to use it\n  hint: run `chmod 600 \"$OKTA_CLIENT_PRIVATEKEY\"`\n"
        );
    }
}

/// A profile's `auth_server` goes into URL paths as the flag's value does, so it is
/// checked the same way: `..` would send the request to another endpoint.
#[test]
fn a_dot_dot_auth_server_in_a_profile_is_a_config_error() {
    let env = TestEnv::new();
    env.write_config(
        "[profiles.p]\norg_url = \"https://acme.okta.com\"\ntoken_env = \"T\"\nauth_server = \"..\"\n",
    );
    let out = run(env.cmd().env("T", TOKEN).args([
        "--profile",
        "p",
        "keys",
        "delete",
        "apk1",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: auth_server `..` (profile `p`) `..` is not an id\n  \
         hint: set auth_server to the authorization server's id (aus…), or remove it\n"
    );
}
