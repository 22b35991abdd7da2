//! `oktakeys config init|list|show|path`, as a script or a person runs them: the file
//! written (mode, content, what is kept), the request that checks the credentials, the
//! output, and that no secret is ever printed.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn init_from_flags_checks_the_token_then_writes_a_private_file() {
    let server = MockServer::start();
    let check = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("OKTA_PROD_TOKEN", TOKEN)
        .args(["config", "init", "--profile", "prod", "--org-url"])
        .arg(server.base_url())
        .args(["--token-env", "OKTA_PROD_TOKEN"]));
    check.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let path = env.config_path();
    assert_eq!(
        read(&path),
        format!(
            "# oktakeys configuration: profiles for `oktakeys --profile NAME`.\n\
             # See `oktakeys config --help` and `man oktakeys`.\n\n\
             default_profile = \"prod\"\n\n\
             [profiles.prod]\n\
             org_url = \"{}\"\n\
             token_env = \"OKTA_PROD_TOKEN\"\n",
            server.base_url()
        )
    );
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    let err = stderr(&out);
    assert!(
        err.contains("Checking the credentials: GET http://127.0.0.1"),
        "{err}"
    );
    assert!(
        err.contains("Wrote profile `prod`") && err.contains("It is the default profile."),
        "{err}"
    );
    assert!(
        err.contains("Next: oktakeys keys list --auth-server ID"),
        "{err}"
    );
}

#[test]
fn init_checks_with_the_profiles_own_values_not_the_environment() {
    // OKTA_ORG_URL and OKTA_API_TOKEN would beat a profile when a command runs; the
    // check is about the profile being written, so they must not stand in for it.
    let server = MockServer::start();
    let check = server.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("authorization", format!("Bearer {TOKEN}"));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("OKTA_ORG_URL", "https://elsewhere.okta.com")
        .env("OKTA_API_TOKEN", "00notTheProfilesToken")
        .env("OKTA_CLIENT_AUTHORIZATIONMODE", "SSWS")
        .env("DEV_TOKEN", TOKEN)
        .args(["config", "init", "--profile", "dev", "--org-url"])
        .arg(server.base_url())
        .args([
            "--auth",
            "bearer",
            "--token-env",
            "DEV_TOKEN",
            "--auth-server",
            SERVER,
        ]));
    check.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(&env.config_path());
    assert!(
        text.ends_with(&format!(
            "[profiles.dev]\norg_url = \"{}\"\nauth_server = \"{SERVER}\"\nauth = \"bearer\"\ntoken_env = \"DEV_TOKEN\"\n",
            server.base_url()
        )),
        "{text}"
    );
}

#[test]
fn a_refused_token_writes_nothing_and_exits_4() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(401)
            .header("x-okta-request-id", "req-401")
            .json_body(okta_error("E0000011", "Invalid token provided", &[]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("T", TOKEN)
        .args(["config", "init", "--profile", "p", "--org-url"])
        .arg(server.base_url())
        .args(["--token-env", "T"]));
    assert_eq!(out.status.code(), Some(4));
    assert!(!env.config_path().exists());
    let err = stderr(&out);
    assert!(
        err.contains("Not writing profile `p`") && err.contains("--no-verify"),
        "{err}"
    );
    assert!(err.contains("E0000011: Invalid token provided"), "{err}");

    // --no-verify writes it without asking Okta.
    let out = run(env
        .cmd()
        .args(["config", "init", "--profile", "p", "--org-url"])
        .arg(server.base_url())
        .args(["--token-env", "T", "--no-verify"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(env.config_path().exists());
}

#[test]
fn token_stdin_stores_the_token_and_nothing_ever_prints_it() {
    let server = MockServer::start();
    let check = server.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .args(["config", "init", "--profile", "ci", "--org-url"])
        .arg(server.base_url())
        .arg("--token-stdin")
        .write_stdin(format!("{TOKEN}\n")));
    check.assert();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = env.config_path();
    assert!(read(&path).contains(&format!("token = \"{TOKEN}\"")));
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);

    // The stored token is masked everywhere (run() asserts it never appears).
    let list = run(env.cmd().args(["config", "list"]));
    assert!(stdout(&list).contains("token=****"), "{}", stdout(&list));
    let show = run(env.cmd().args(["config", "show", "-o", "json"]));
    let shown: Value = serde_json::from_str(&show.stdout).unwrap();
    assert_eq!(shown["credentials"]["value"], "token=****");
}

#[test]
fn init_keeps_other_profiles_and_comments_and_needs_force_to_replace() {
    let env = TestEnv::new();
    let before = "\
# Team profiles. Ask #okta-admins before changing prod.
default_profile = \"prod\"

[profiles.prod] # production org
org_url = \"https://acme.okta.com\"
token_env = \"OKTA_PROD_TOKEN\"
max_retries = 6 # the proxy is slow
";
    let path = env.write_config(before);
    let args = [
        "config",
        "init",
        "--profile",
        "dev",
        "--org-url",
        "https://dev-1.oktapreview.com",
        "--token-command",
        "pass show okta/dev",
        "--no-verify",
    ];
    let out = run(env.cmd().args(args));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read(&path),
        format!(
            "{before}\n[profiles.dev]\norg_url = \"https://dev-1.oktapreview.com\"\ntoken_command = \"pass show okta/dev\"\n"
        )
    );
    assert!(
        stderr(&out).contains("Next: oktakeys --profile dev keys list"),
        "{}",
        stderr(&out)
    );

    // Again, without a terminal: refused (exit 9), naming --force; the file is untouched.
    let again = run(env.cmd().args(args));
    assert_eq!(again.status.code(), Some(9));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));

    // --force replaces the credentials of prod and keeps its other keys and comments.
    let out = run(env.cmd().args([
        "config",
        "init",
        "--profile",
        "prod",
        "--org-url",
        "https://acme.okta.com",
        "--token-env",
        "PROD_TOKEN_2",
        "--force",
        "--no-verify",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = read(&path);
    assert!(
        after.contains(
            "[profiles.prod] # production org\norg_url = \"https://acme.okta.com\"\nmax_retries = 6 # the proxy is slow\ntoken_env = \"PROD_TOKEN_2\"\n"
        ),
        "{after}"
    );
    assert!(after.starts_with("# Team profiles."), "{after}");
}

#[test]
fn without_a_terminal_missing_values_are_usage_errors_naming_the_flag() {
    let env = TestEnv::new();
    for (args, flag) in [
        (
            vec!["--org-url", "https://a.okta.com", "--token-env", "T"],
            "--profile",
        ),
        (vec!["--profile", "p", "--token-env", "T"], "--org-url"),
        (
            vec!["--profile", "p", "--org-url", "https://a.okta.com"],
            "--token-env VAR, --token-command CMD or --token-stdin",
        ),
    ] {
        let out = run(env.cmd().args(["config", "init"]).args(&args));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }
    // A bad org URL is a configuration error with its own message.
    let out = run(env.cmd().args([
        "config",
        "init",
        "--profile",
        "p",
        "--org-url",
        "https://acme-admin.okta.com",
        "--token-env",
        "T",
    ]));
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("admin console"), "{}", stderr(&out));
    // Two token sources at once: clap refuses.
    let out = run(env
        .cmd()
        .args(["config", "init", "--token-env", "T", "--token-command", "x"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(!env.config_path().exists());
}

#[test]
fn init_a_service_app_profile() {
    let env = TestEnv::new();
    let key = env.path("svc.pem");
    std::fs::write(&key, "-----BEGIN PRIVATE KEY-----\n").unwrap();
    let out = run(env.cmd().args([
        "config",
        "init",
        "--profile",
        "svc",
        "--org-url",
        "https://acme.okta.com",
        "--client-id",
        "0oa1b2c3d4",
        "--private-key-file",
        "svc.pem",
        "--key-id",
        "kid-1",
        "--no-verify",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = read(&env.config_path());
    assert!(
        text.contains(&format!(
            "[profiles.svc]\norg_url = \"https://acme.okta.com\"\nauth = \"private_key\"\nclient_id = \"0oa1b2c3d4\"\nprivate_key_file = \"{}\"\nkey_id = \"kid-1\"\n",
            key.display()
        )),
        "{text}"
    );
    let list = run(env.cmd().args(["config", "list"]));
    assert!(
        stdout(&list).contains(&format!(
            "client_id=0oa1b2c3d4, private_key_file={}, key_id=kid-1",
            key.display()
        )),
        "{}",
        stdout(&list)
    );
    // A missing key file is refused before anything is written.
    let out = run(env.cmd().args([
        "config",
        "init",
        "--profile",
        "svc2",
        "--org-url",
        "https://acme.okta.com",
        "--client-id",
        "0oa1",
        "--private-key-file",
        "missing.pem",
        "--no-verify",
    ]));
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("missing.pem"), "{}", stderr(&out));
}

const PROFILES: &str = "\
default_profile = \"prod\"

[profiles.prod]
org_url = \"https://acme.okta.com\"
auth_server = \"aus1a2b3c4d5e6f7g8h9\"
token_env = \"OKTA_PROD_TOKEN\"

[profiles.dev]
org_url = \"https://dev-1.oktapreview.com\"
auth = \"bearer\"
token_command = \"pass show okta/dev\"
timeout = 50

[profiles.ci]
org_url = \"https://acme.okta.com\"
token = \"00TESTtokenDoNotLeak-4f8a2c\"
";

#[test]
fn list_shows_profiles_default_marked_credentials_masked() {
    let env = TestEnv::new();
    env.write_config(PROFILES);
    let out = run(env.cmd().args(["config", "list"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("list_table", stdout(&out));

    let out = run(env.cmd().args(["config", "list", "-o", "json"]));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        json[0],
        json!({"name": "ci", "default": false, "builtin": false, "org_url": "https://acme.okta.com",
               "auth": "ssws", "auth_server": null, "credentials": {"token": "****"}})
    );
    assert_eq!(json[2]["name"], "prod");
    assert_eq!(json[2]["default"], true);
    assert_eq!(
        json[2]["credentials"],
        json!({"token_env": "OKTA_PROD_TOKEN"})
    );
    assert_eq!(json[3]["name"], "sandbox");
    assert_eq!(json[3]["builtin"], true);

    let out = run(env.cmd().args(["config", "list", "-o", "id"]));
    assert_eq!(stdout(&out), "ci\ndev\nprod\nsandbox\n");
}

#[test]
fn list_without_a_file_teaches_config_init() {
    let env = TestEnv::new();
    let out = run(env.cmd().args(["config", "list"]));
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("sandbox  (local sandbox)"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("`oktakeys config init` creates one"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_tells_where_each_setting_comes_from() {
    let env = TestEnv::new();
    let path = env.write_config(PROFILES);
    // A relative path (the tests run in HOME) keeps the snapshot free of temp dir names.
    let out = run(env
        .cmd()
        .env("OKTA_PROD_TOKEN", TOKEN)
        .env("OKTAKEYS_CONFIG", ".config/oktakeys/config.toml")
        .args(["config", "show"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("show_default_profile", stdout(&out));

    // Told so (`--org-from env`), the environment and flags beat a named profile, and
    // say so (without it, another org in the environment is refused: tests/it/trust_profile.rs).
    let out = run(env
        .cmd()
        .env("OKTAKEYS_PROFILE", "dev")
        .env("OKTA_ORG_URL", "https://other.okta.com")
        .env("OKTAKEYS_AUTH_SERVER", "ausENV")
        .args([
            "config",
            "show",
            "--max-retries",
            "9",
            "--org-from",
            "env",
            "-o",
            "json",
        ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let file = path.display().to_string();
    assert_eq!(
        json["profile"],
        json!({"value": "dev", "source": {"kind": "env", "var": "OKTAKEYS_PROFILE"}})
    );
    assert_eq!(
        json["org_url"],
        json!({"value": "https://other.okta.com/", "source": {"kind": "env", "var": "OKTA_ORG_URL"}})
    );
    assert_eq!(
        json["auth_server"],
        json!({"value": "ausENV", "source": {"kind": "env", "var": "OKTAKEYS_AUTH_SERVER"}})
    );
    assert_eq!(
        json["auth"],
        json!({"value": "bearer", "source": {"kind": "profile", "profile": "dev", "file": file}})
    );
    assert_eq!(
        json["credentials"],
        json!({"value": "token_command=pass show okta/dev", "source": {"kind": "profile", "profile": "dev", "file": file}})
    );
    assert_eq!(
        json["timeout"],
        json!({"value": "50s", "source": {"kind": "profile", "profile": "dev", "file": file}})
    );
    assert_eq!(
        json["max_retries"],
        json!({"value": "9", "source": {"kind": "flag", "flag": "--max-retries"}})
    );
    assert_eq!(
        json["request_timeout"],
        json!({"value": "30s", "source": {"kind": "default"}})
    );

    // Flags beat the environment: --profile over OKTAKEYS_PROFILE; and the profile named
    // with --profile defines a token, so OKTA_API_TOKEN does not replace it.
    let out = run(env
        .cmd()
        .env("OKTAKEYS_PROFILE", "dev")
        .env("OKTA_API_TOKEN", TOKEN)
        .args([
            "config",
            "show",
            "--profile",
            "ci",
            "--auth-server",
            "ausFLAG",
            "-o",
            "json",
        ]));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        json["profile"]["source"],
        json!({"kind": "flag", "flag": "--profile"})
    );
    assert_eq!(
        json["auth_server"]["source"],
        json!({"kind": "flag", "flag": "--auth-server"})
    );
    assert_eq!(
        json["credentials"]["source"],
        json!({"kind": "profile", "profile": "ci", "file": file})
    );
}

#[test]
fn show_names_the_variable_behind_a_bad_org_url() {
    let env = TestEnv::new();
    env.write_config(PROFILES);
    let out = run(env
        .cmd()
        .env("OKTA_CLIENT_ORGURL", "http://acme.okta.com")
        .args(["config", "show"]));
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("(from environment variable OKTA_CLIENT_ORGURL)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_the_builtin_sandbox() {
    let env = TestEnv::new();
    let out = run(env.cmd().args(["--profile", "sandbox", "config", "show"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("org_url") && l.contains("(local sandbox")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("profile") && l.contains("flag --profile")),
        "{text}"
    );
}

#[test]
fn path_follows_flag_then_environment_then_default() {
    let env = TestEnv::new();
    let out = run(env.cmd().args(["config", "path"]));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("{}\n", env.config_path().display()));
    assert!(
        stderr(&out).contains("does not exist yet"),
        "{}",
        stderr(&out)
    );

    let out = run(env
        .cmd()
        .env("OKTAKEYS_CONFIG", "/etc/oktakeys.toml")
        .args(["config", "path", "-o", "json"]));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        json,
        json!({"path": "/etc/oktakeys.toml", "exists": false, "source": {"kind": "env", "var": "OKTAKEYS_CONFIG"}})
    );

    let out = run(env
        .cmd()
        .env("OKTAKEYS_CONFIG", "/etc/oktakeys.toml")
        .args(["config", "path", "--config", "mine.toml", "-o", "json"]));
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["path"], "mine.toml");
    assert_eq!(json["source"], json!({"kind": "flag", "flag": "--config"}));
}

#[cfg(unix)]
#[test]
fn init_refuses_to_touch_a_file_it_cannot_parse() {
    let env = TestEnv::new();
    let path = env.write_config("[profiles.p]\norg_url = \n");
    let out = run(env.cmd().args([
        "config",
        "init",
        "--profile",
        "q",
        "--org-url",
        "https://a.okta.com",
        "--token-env",
        "T",
        "--no-verify",
    ]));
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
    assert_eq!(read(&path), "[profiles.p]\norg_url = \n");
}

#[test]
fn a_server_that_does_not_list_servers_suggests_auth_server() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(404).json_body(okta_error(
            "E0000007",
            "Not found: Resource not found: /api/v1/authorizationServers (Page)",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = run(env
        .cmd()
        .env("T", TOKEN)
        .args(["config", "init", "--profile", "local", "--org-url"])
        .arg(server.base_url())
        .args(["--token-env", "T"]));
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("pass --auth-server ID to check with that server's keys"),
        "{}",
        stderr(&out)
    );
    assert!(!env.config_path().exists());
}

/// oktakeys refuses an org URL with a user name and password in it, but someone may have
/// written one: neither the refusal nor `config list` prints the password.
#[test]
fn a_password_in_an_org_url_is_never_shown() {
    let env = TestEnv::new();
    env.write_config(
        "[profiles.p]\norg_url = \"https://admin:hunter2@acme.okta.com\"\ntoken_env = \"T\"\n",
    );
    for format in ["table", "json"] {
        let out = run(env.cmd().args(["config", "list", "-o", format]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!stdout(&out).contains("hunter2"), "{}", stdout(&out));
        assert!(
            stdout(&out).contains("https://***@acme.okta.com"),
            "{}",
            stdout(&out)
        );
    }
    let refused = run(env.cmd().env("T", TOKEN).args([
        "--profile",
        "p",
        "keys",
        "list",
        "--auth-server",
        SERVER,
    ]));
    assert_eq!(refused.status.code(), Some(3));
    assert_eq!(
        stderr(&refused),
        "error: the org URL `https://***@acme.okta.com` carries a user name or password; \
         credentials belong in the profile, not the URL (from profile `p`)\n"
    );
    let flag = run(env.cmd().env("T", TOKEN).args([
        "--org-url",
        "https://admin:hunter2@acme.okta.com",
        "config",
        "init",
        "--profile",
        "q",
        "--token-env",
        "T",
    ]));
    assert_eq!(flag.status.code(), Some(3));
    assert!(!stderr(&flag).contains("hunter2"), "{}", stderr(&flag));
}
