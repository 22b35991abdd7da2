//! End to end: `oktakeys keys …` as an OAuth 2.0 service app (private_key_jwt, DPoP)
//! against a spawned `oktakeys sandbox serve --service-app …`, configured the way a CI job
//! would: Okta's SDK environment variables or a profile, a cleared environment and a
//! temporary HOME (so the token cache starts empty).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::sandbox::*;
use serde_json::Value;

const SSWS: &str = TOKEN;
const CLIENT: &str = "0oaE2Eci";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The end-to-end setup with a service app registered.
struct E2e(ServedEnv);

impl std::ops::Deref for E2e {
    type Target = ServedEnv;
    fn deref(&self) -> &ServedEnv {
        &self.0
    }
}

impl E2e {
    /// A sandbox with the RSA service app (`scopes`, default read and manage).
    fn start(scopes: Option<&str>, extra: &[&str]) -> Self {
        let app = match scopes {
            Some(s) => format!(
                "{CLIENT}={}:{s}",
                fixture("service-app-rsa.pub.pem").display()
            ),
            None => format!("{CLIENT}={}", fixture("service-app-rsa.pub.pem").display()),
        };
        let mut args = vec!["--service-app", app.as_str()];
        args.extend_from_slice(extra);
        E2e(ServedEnv::start(&args))
    }

    /// A private key file with `mode`, as the user would keep it.
    fn key_file(&self, fixture_name: &str, mode: u32) -> PathBuf {
        let path = self.home.path().join(format!("{mode:o}-{fixture_name}"));
        std::fs::copy(fixture(fixture_name), &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        #[cfg(not(unix))]
        let _ = mode;
        path
    }

    /// `oktakeys` as the service app, through Okta's SDK environment variables.
    fn app_cmd(&self, key: &Path) -> Command {
        let mut cmd = oktakeys(self.home.path());
        cmd.env("OKTA_CLIENT_ORGURL", &self.served.base)
            .env("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
            .env("OKTA_CLIENT_CLIENTID", CLIENT)
            .env("OKTA_CLIENT_PRIVATEKEY", key)
            .env("OKTAKEYS_AUTH_SERVER", "default")
            .stdin(Stdio::null());
        cmd
    }

    fn run_app(&self, key: &Path, args: &[&str]) -> Run {
        checked(self.app_cmd(key).args(args).run())
    }
}

/// Whatever happened, no credential reached either stream: no JWT (assertion, proof), no
/// access token, no private key.
fn checked(out: Run) -> Run {
    for text in [&out.stdout, &out.stderr] {
        for secret in ["eyJ", "sbx.", "PRIVATE KEY", SSWS] {
            assert!(!text.contains(secret), "`{secret}` leaked:\n{text}");
        }
    }
    out
}

fn stderr(out: &Run) -> String {
    out.stderr.clone()
}

/// Lines of `-v` output about the token endpoint, e.g. `POST …/oauth2/v1/token → 400`.
fn token_requests(out: &Run) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.contains("/oauth2/v1/token →"))
        .map(str::to_string)
        .collect()
}

fn api_requests(out: &Run) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.contains("/api/v1/") && l.contains(" → "))
        .map(str::to_string)
        .collect()
}

#[test]
fn ssws_and_the_service_app_see_the_same_keys() {
    let e = E2e::start(None, &[]);
    let by_token = oktakeys(e.home.path())
        .env("OKTA_ORG_URL", &e.served.base)
        .env("OKTA_API_TOKEN", SSWS)
        .args(["keys", "list", "--auth-server", "default", "-o", "json"])
        .run();
    assert_eq!(by_token.status.code(), Some(0), "{}", stderr(&by_token));
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let by_app = e.run_app(&key, &["keys", "list", "-o", "json", "-v"]);
    assert_eq!(by_app.status.code(), Some(0), "{}", stderr(&by_app));
    let a: Value = serde_json::from_str(&by_token.stdout).unwrap();
    let b: Value = serde_json::from_str(&by_app.stdout).unwrap();
    assert_eq!(a, b);
    assert_eq!(token_requests(&by_app).len(), 1, "{}", stderr(&by_app));
    assert!(
        stderr(&by_app).contains("got a Bearer access token for okta.authorizationServers.read")
    );
}

#[test]
fn dpop_nonce_challenges_at_the_token_endpoint_and_the_api_are_answered() {
    let e = E2e::start(None, &["--require-dpop"]);
    let key = e.key_file("service-app-rsa.pkcs1.pem", 0o600);
    let out = e.run_app(
        &key,
        &["keys", "list", "-o", "id", "-vvv", "--no-token-cache"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout.as_str().lines().count(), 1);
    // No proof → 400 invalid_dpop_proof; no nonce → 400 use_dpop_nonce; → 200.
    let tokens = token_requests(&out);
    assert_eq!(tokens.len(), 3, "{}", stderr(&out));
    assert!(
        tokens[0].contains("→ 400") && tokens[1].contains("→ 400") && tokens[2].contains("→ 200")
    );
    // The API's own nonce: 401, then 200.
    let api = api_requests(&out);
    assert_eq!(api.len(), 2, "{}", stderr(&out));
    assert!(
        api[0].contains("→ 401") && api[1].contains("→ 200"),
        "{api:?}"
    );
    // -vvv shows the headers and bodies, credentials redacted.
    let err = stderr(&out);
    assert!(err.contains("authorization: [REDACTED]"), "{err}");
    assert!(err.contains("dpop: [REDACTED]"), "{err}");
    assert!(err.contains("client_assertion=[REDACTED]"), "{err}");
}

#[test]
fn a_token_is_kept_between_runs_unless_told_not_to() {
    let e = E2e::start(None, &["--require-dpop"]);
    let key = e.key_file("service-app-ec.pkcs8.pem", 0o600);
    // The EC key is not the registered one: refused. Then with the right one.
    let wrong = e.run_app(&key, &["keys", "list"]);
    assert_eq!(wrong.status.code(), Some(4), "{}", stderr(&wrong));
    assert!(stderr(&wrong).contains("invalid_client: The client_assertion signature is invalid."));
    assert!(stderr(&wrong).contains("hint: check the client id (0oaE2Eci)"));

    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let first = e.run_app(&key, &["keys", "list", "-v"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(token_requests(&first).len(), 3);
    // The cache file is private.
    let dir = e.home.path().join(".cache/oktakeys/tokens");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The next run (a new process, a new DPoP key… but the one kept with the token)
    // asks the token endpoint nothing.
    let second = e.run_app(&key, &["keys", "list", "-v"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(token_requests(&second).len(), 0, "{}", stderr(&second));
    assert!(stderr(&second).contains("using the cached access token"));
    // --no-token-cache: a token request again.
    let third = e.run_app(&key, &["keys", "list", "-v", "--no-token-cache"]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    assert_eq!(token_requests(&third).len(), 3);
    // The same through the environment (1/true/yes), and 0/empty leave the cache on.
    for (value, expected) in [("1", 3), ("true", 3), ("0", 0), ("", 0)] {
        let out = checked(
            e.app_cmd(&key)
                .env("OKTAKEYS_NO_TOKEN_CACHE", value)
                .args(["keys", "list", "-v"])
                .run(),
        );
        assert_eq!(out.status.code(), Some(0), "{value:?}: {}", stderr(&out));
        assert_eq!(
            token_requests(&out).len(),
            expected,
            "{value:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_kept_token_the_server_no_longer_knows_is_replaced_once() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("sandbox.json");
    let app = format!("{CLIENT}={}", fixture("service-app-rsa.pub.pem").display());
    let key = home.path().join("key.pem");
    std::fs::copy(fixture("service-app-rsa.pkcs8.pem"), &key).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let run = |base: &str| {
        checked(
            oktakeys(home.path())
                .env("OKTA_CLIENT_ORGURL", base)
                .env("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
                .env("OKTA_CLIENT_CLIENTID", CLIENT)
                .env("OKTA_CLIENT_PRIVATEKEY", &key)
                .args(["keys", "list", "--auth-server", "default", "-v"])
                .run(),
        )
    };
    // A sandbox issues a token, which is kept; the sandbox restarts (forgetting its
    // tokens) on another port... the cache key includes the org URL, so use one address.
    let first_server = serve(
        home.path(),
        &["--state", state.to_str().unwrap(), "--service-app", &app],
        &[("OKTAKEYS_SANDBOX_TOKEN", SSWS)],
    );
    let base = first_server.base.clone();
    let out = run(&base);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    drop(first_server);
    let addr = base.trim_start_matches("http://").to_string();
    let mut second_server = None;
    for _ in 0..50 {
        let attempt = oktakeys(home.path())
            .args([
                "sandbox",
                "serve",
                "--addr",
                &addr,
                "--state",
                state.to_str().unwrap(),
                "--service-app",
                &app,
            ])
            .env("OKTAKEYS_SANDBOX_TOKEN", SSWS)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut attempt = attempt;
        let mut line = String::new();
        let stdout = attempt.stdout.take().unwrap();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
        if line.trim() == base {
            second_server = Some(attempt);
            break;
        }
        let _ = attempt.kill();
        let _ = attempt.wait();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let Some(mut server) = second_server else {
        panic!("could not restart the sandbox on {addr}");
    };
    let out = run(&base);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The kept token: 401; discarded; one token request; the call again: 200.
    let api = api_requests(&out);
    assert_eq!(api.len(), 2, "{}", stderr(&out));
    assert!(
        api[0].contains("→ 401") && api[1].contains("→ 200"),
        "{api:?}"
    );
    assert_eq!(token_requests(&out).len(), 1);
    assert!(stderr(&out).contains("Okta refused the kept access token; getting a new one"));
}

#[test]
fn missing_scope_is_exit_4_naming_the_scope_to_grant() {
    let e = E2e::start(Some("okta.authorizationServers.read"), &[]);
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let list = e.run_app(&key, &["keys", "list"]);
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    let out = e.run_app(&key, &["keys", "deactivate", "apk0000000000000000"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "invalid_scope: The following scopes are not allowed: okta.authorizationServers.manage"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: grant the app the scope okta.authorizationServers.manage in the Admin Console"
        ),
        "{err}"
    );

    // A profile that asks for read only gets a token, and the API's 403 for the change.
    let config = e.home.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.ci]\norg_url = \"{}\"\nauth = \"private_key\"\nclient_id = \"{CLIENT}\"\n\
             private_key_file = \"{}\"\nscopes = [\"okta.authorizationServers.read\"]\nauth_server = \"default\"\n",
            e.served.base,
            key.display()
        ),
    )
    .unwrap();
    let out = checked(
        oktakeys(e.home.path())
            .args([
                "--config",
                config.to_str().unwrap(),
                "-p",
                "ci",
                "-o",
                "json",
            ])
            .args(["keys", "deactivate", "apk0000000000000000"])
            .run(),
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["status"], 403);
    assert_eq!(err["error"]["errorCode"], "E0000006");
}

#[test]
fn a_private_key_readable_by_others_is_refused_with_exit_3() {
    let e = E2e::start(None, &[]);
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o644);
    let out = e.run_app(&key, &["keys", "list", "-v"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("is readable by others (mode 644); refusing to use it"),
        "{err}"
    );
    assert!(err.contains("chmod 600"), "{err}");
    assert!(token_requests(&out).is_empty());
}

#[test]
fn token_endpoint_refusals_are_json_on_request() {
    let e = E2e::start(None, &[]);
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let out = checked(
        e.app_cmd(&key)
            .env("OKTA_CLIENT_CLIENTID", "0oaUNKNOWN")
            .args(["keys", "list", "-o", "json"])
            .run(),
    );
    assert_eq!(out.status.code(), Some(4));
    let err: Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(err["error"]["exit_code"], 4);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid_client: Invalid value for 'client_id' parameter.")
    );
}

#[test]
fn a_rotation_uses_one_manage_token_for_all_its_requests() {
    let e = E2e::start(None, &["--require-dpop"]);
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let jwk = e.home.path().join("new.jwk");
    std::fs::write(
        &jwk,
        serde_json::json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[3], "kid": "rotated-1"})
            .to_string(),
    )
    .unwrap();
    let out = e.run_app(
        &key,
        &[
            "keys",
            "rotate",
            "--jwk",
            jwk.to_str().unwrap(),
            "--delete-old",
            "--ignore-token-lifetime",
            "--yes",
            "-v",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let api = api_requests(&out);
    assert!(api.len() >= 4, "list, add, activate, delete: {api:?}");
    // One token (three requests to get it: DPoP learnt, nonce), for manage, for all.
    let tokens = token_requests(&out);
    assert_eq!(tokens.len(), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("got a DPoP access token for okta.authorizationServers.manage"));
    // The API's nonce challenge is answered once; later proofs carry the nonce.
    assert_eq!(
        api.iter().filter(|l| l.contains("→ 401")).count(),
        1,
        "{api:?}"
    );

    let after = e.run_app(&key, &["keys", "list", "-o", "json"]);
    let keys: Value = serde_json::from_str(&after.stdout).unwrap();
    let keys = keys.as_array().unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["kid"], "rotated-1");
    assert_eq!(keys[0]["status"], "ACTIVE");
}

#[test]
fn config_init_checks_a_service_app_profile_before_writing_it() {
    let e = E2e::start(None, &[]);
    let key = e.key_file("service-app-ec.jwk.json", 0o600);
    let config = e.home.path().join("config.toml");
    let init = |base: &str, client: &str| {
        checked(
            oktakeys(e.home.path())
                .args(["--config", config.to_str().unwrap(), "--no-input", "-v"])
                .args(["config", "init", "--profile", "svc", "--org-url", base])
                .args(["--auth", "private_key", "--client-id", client])
                .args([
                    "--private-key-file",
                    key.to_str().unwrap(),
                    "--auth-server",
                    "default",
                ])
                .stdin(Stdio::null())
                .run(),
        )
    };
    // The JWK is the EC test key, registered for no client: refused, nothing written.
    let out = init(&e.served.base, CLIENT);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("invalid_client"), "{}", stderr(&out));
    assert!(!config.exists());

    // Register the EC key's JWK (its kid comes along) for another client: accepted.
    let e2 = {
        let state = e.home.path().join("sandbox2.json");
        let app = format!("0oaEC={}", fixture("service-app-ec.jwk.json").display());
        serve(
            e.home.path(),
            &["--state", state.to_str().unwrap(), "--service-app", &app],
            &[("OKTAKEYS_SANDBOX_TOKEN", SSWS)],
        )
    };
    let out = init(&e2.base, "0oaEC");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(token_requests(&out).len(), 1, "{}", stderr(&out));
    let list = checked(
        oktakeys(e.home.path())
            .args([
                "--config",
                config.to_str().unwrap(),
                "-p",
                "svc",
                "keys",
                "list",
                "-o",
                "id",
            ])
            .run(),
    );
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    assert_eq!(list.stdout.as_str().lines().count(), 1);
}

#[test]
fn the_token_request_is_logged_like_any_request_with_its_secrets_redacted() {
    let e = E2e::start(None, &[]);
    let key = e.key_file("service-app-rsa.pkcs8.pem", 0o600);
    let token_url = format!("{}/oauth2/v1/token", e.served.base);
    // `checked` (in run_app) fails the test if the assertion, a proof, the access token
    // or the key shows on either stream.
    let out = e.run_app(
        &key,
        &["keys", "list", "-o", "id", "-vvv", "--no-token-cache"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // -vv: the request line and its headers, as for an API request.
    for expected in [
        format!("> POST {token_url}\n"),
        "> accept: application/json\n".to_string(),
        "> user-agent: oktakeys/".to_string(),
        "> content-type: application/x-www-form-urlencoded\n".to_string(),
        "< x-okta-request-id: ".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    // -vvv: the form body, the assertion redacted; the answer, the access token redacted.
    assert!(
        err.contains(
            "> grant_type=client_credentials&scope=okta.authorizationServers.read\
             &client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer\
             &client_assertion=[REDACTED]\n"
        ),
        "{err}"
    );
    assert!(err.contains("\"access_token\":\"[REDACTED]\""), "{err}");

    // -vv: headers, no bodies.
    let out = e.run_app(
        &key,
        &["keys", "list", "-o", "id", "-vv", "--no-token-cache"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("> POST {token_url}\n")), "{err}");
    assert!(!err.contains("> grant_type="), "{err}");
    assert!(!err.contains("access_token"), "{err}");
}
