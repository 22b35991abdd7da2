//! Issue 20.2 and 20.9: every hint, next step and resume command runs as printed (the run's
//! `--profile`/`--config` carried, every argument quoted), and a refused token's hint
//! names where the token came from. Each hint is taken from the output and run by `sh`,
//! with the same environment.

use std::path::Path;

use crate::common::sandbox::{MODULI, ServedEnv};
use crate::common::*;
use serde_json::{Value, json};

/// The line of `text` holding an `oktakeys …` command after `marker`: the command, up to
/// a closing backtick when it is quoted in prose.
pub fn hint_after(text: &str, marker: &str) -> String {
    let (_, rest) = text
        .split_once(marker)
        .unwrap_or_else(|| panic!("no {marker:?} in:\n{text}"));
    let start = rest
        .find("oktakeys ")
        .unwrap_or_else(|| panic!("no command after {marker:?} in:\n{text}"));
    let line = rest[start..].lines().next().unwrap();
    line.split('`').next().unwrap().trim_end().to_string()
}

/// Run `hint` as printed, by `sh`, in `home` with `envs` and the built binary first on PATH.
pub fn run_hint(home: &Path, hint: &str, envs: &[(&str, &str)]) -> Run {
    let bin = Path::new(env!("CARGO_BIN_EXE_oktakeys")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = isolated(std::process::Command::new("sh"), home);
    cmd.env("PATH", path)
        .envs(envs.iter().copied())
        .args(["-c", hint])
        .stdin(std::process::Stdio::null());
    Run::from_output(cmd.output().unwrap())
}

fn jwk_file(home: &Path, name: &str, kid: &str, i: usize) -> String {
    let path = home.join(name);
    let jwk = json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[i], "kid": kid});
    std::fs::write(&path, jwk.to_string()).unwrap();
    path.display().to_string()
}

fn status_of(keys: &Value, kid: &str) -> String {
    keys.as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid)
        .map(|k| k["status"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no key {kid} in {keys}"))
}

#[test]
fn the_activate_hint_after_keys_add_runs_as_printed_with_the_sandbox_profile() {
    let env = TestEnv::new();
    let jwk = jwk_file(env.home.path(), "new key.json", "2026-11", 3);
    let added = env.run(&[
        "--profile",
        "sandbox",
        "keys",
        "add",
        "--auth-server",
        "default",
        "--jwk",
        &jwk,
    ]);
    assert_eq!(added.code(), Some(0), "{added}");
    let hint = hint_after(&added.stderr, "Make it the active key with:");
    assert!(
        hint.starts_with("oktakeys --profile sandbox keys activate --auth-server default apk"),
        "{hint}"
    );
    let ran = run_hint(env.home.path(), &hint, &[]);
    assert_eq!(ran.code(), Some(0), "{hint}\n{ran}");
    let keys = env
        .run(&[
            "-p",
            "sandbox",
            "keys",
            "list",
            "--auth-server",
            "default",
            "-o",
            "json",
        ])
        .json();
    assert_eq!(status_of(&keys, "2026-11"), "ACTIVE");
}

/// A config file away from the default place, its path with a space, whose default
/// profile reads the token from `LAB_TOKEN`.
fn lab_config(served: &ServedEnv) -> String {
    let dir = served.home.path().join("my conf");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lab.toml");
    std::fs::write(
        &path,
        format!(
            "default_profile = \"lab\"\n[profiles.lab]\norg_url = \"{}\"\n\
             token_env = \"LAB_TOKEN\"\nauth_server = \"default\"\n",
            served.served.base
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path.display().to_string()
}

#[test]
fn the_activate_hint_after_keys_add_carries_config_quoted_and_runs_as_printed() {
    let served = ServedEnv::start(&[]);
    let home = served.home.path();
    let config = lab_config(&served);
    let jwk = jwk_file(home, "k.json", "lab-1", 4);
    let envs = [("LAB_TOKEN", TOKEN)];
    let added = oktakeys(home)
        .envs(envs)
        .args(["--config", &config, "keys", "add", "--jwk", &jwk])
        .run();
    assert_eq!(added.code(), Some(0), "{added}");
    let hint = hint_after(&added.stderr, "Make it the active key with:");
    assert!(
        hint.starts_with(&format!("oktakeys --config '{config}' keys activate")),
        "{hint}"
    );
    let ran = run_hint(home, &hint, &envs);
    assert_eq!(ran.code(), Some(0), "{hint}\n{ran}");
    let keys = oktakeys(home)
        .envs(envs)
        .args(["--config", &config, "keys", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(status_of(&keys, "lab-1"), "ACTIVE");
}

#[test]
fn an_error_hint_names_the_server_of_the_request_and_runs_as_printed() {
    let env = TestEnv::new();
    let got = env.run(&[
        "-p",
        "sandbox",
        "keys",
        "get",
        "--auth-server",
        "default",
        "apkNOSUCHKEYxxxxxxxx",
    ]);
    assert_eq!(got.code(), Some(5), "{got}");
    let keys = hint_after(&got.stderr, "check the key id (`");
    assert_eq!(
        keys,
        "oktakeys --profile sandbox keys list --auth-server default"
    );
    let none = env.run(&["-p", "sandbox", "servers", "get", "no such server"]);
    assert_eq!(none.code(), Some(5), "{none}");
    let servers = hint_after(&none.stderr, "\"no such server\": `");
    assert_eq!(servers, "oktakeys --profile sandbox servers list");
    for hint in [servers, keys] {
        let ran = run_hint(env.home.path(), &hint, &[]);
        assert_eq!(ran.code(), Some(0), "{hint}\n{ran}");
    }
}

// ---- 20.9: a refused token names where it came from -------------------------------------

#[test]
fn a_refused_token_from_the_environment_names_the_variable() {
    let served = ServedEnv::start(&[]);
    let out = served
        .cmd_with_token("00WRONGtokenXXXXXXXXXXXXXXX")
        .args(["keys", "list", "--auth-server", "default"])
        .run();
    assert_eq!(out.code(), Some(4), "{out}");
    assert!(
        out.stderr
            .contains("Okta refused the API token in the environment variable OKTA_API_TOKEN"),
        "{out}"
    );
}

#[test]
fn a_refused_token_from_a_profile_names_its_token_env_or_token_command() {
    let served = ServedEnv::start(&[]);
    let home = served.home.path();
    let config = lab_config(&served);
    let out = oktakeys(home)
        .env("LAB_TOKEN", "00WRONGtokenXXXXXXXXXXXXXXX")
        .args(["--config", &config, "keys", "list"])
        .run();
    assert_eq!(out.code(), Some(4), "{out}");
    assert!(
        out.stderr.contains(
            "Okta refused the API token in the environment variable LAB_TOKEN \
             (profile `lab`'s token_env)"
        ),
        "{out}"
    );

    let text = std::fs::read_to_string(&config).unwrap().replace(
        "token_env = \"LAB_TOKEN\"",
        "token_command = \"echo 00WRONGtoken\"",
    );
    std::fs::write(&config, text).unwrap();
    let out = oktakeys(home)
        .args(["--config", &config, "keys", "list"])
        .run();
    assert_eq!(out.code(), Some(4), "{out}");
    assert!(
        out.stderr
            .contains("Okta refused the API token printed by profile `lab`'s token_command"),
        "{out}"
    );
}

#[test]
fn a_hint_carries_org_url_and_runs_as_printed() {
    let served = ServedEnv::start(&[]);
    let home = served.home.path();
    let jwk = jwk_file(home, "k.json", "by-url", 2);
    let envs = [("OKTA_API_TOKEN", TOKEN)];
    let base = served.served.base.clone();
    let added = oktakeys(home)
        .envs(envs)
        .args([
            "--org-url",
            &base,
            "keys",
            "add",
            "--auth-server",
            "default",
        ])
        .args(["--jwk", &jwk])
        .run();
    assert_eq!(added.code(), Some(0), "{added}");
    let hint = hint_after(&added.stderr, "Make it the active key with:");
    assert!(
        hint.starts_with(&format!("oktakeys --org-url {base} keys activate")),
        "{hint}"
    );
    let ran = run_hint(home, &hint, &envs);
    assert_eq!(ran.code(), Some(0), "{hint}\n{ran}");
}

/// The rotation planner does not know the server's id; its refusal's hint names it all the
/// same (a kid-less INACTIVE key blocks the add: delete it), and runs as printed (with
/// `--yes`: a deletion asks first, and the test has no terminal).
#[test]
fn a_rotation_refusal_hint_names_the_server_and_runs_as_printed() {
    let okta = crate::common::sandbox::FaultySandbox::start();
    okta.server_keys(
        "ausK",
        vec![
            json!({
                "id": "apkNOKID", "kty": "RSA", "use": "enc", "e": "AQAB",
                "n": MODULI[2], "status": "INACTIVE",
                "created": "2020-01-01T00:00:00.000Z", "lastUpdated": "2020-01-01T00:00:00.000Z",
            }),
            json!({
                "id": "apkCUR", "kid": "cur", "kty": "RSA", "use": "enc", "e": "AQAB",
                "n": MODULI[4], "status": "ACTIVE",
                "created": "2020-02-01T00:00:00.000Z", "lastUpdated": "2020-02-01T00:00:00.000Z",
            }),
        ],
    );
    let env = TestEnv::new();
    let jwk = jwk_file(env.home.path(), "new.json", "new", 3);
    let envs = [
        ("OKTA_ORG_URL", okta.base.as_str()),
        ("OKTA_API_TOKEN", TOKEN),
    ];
    let out = env
        .cmd()
        .envs(envs)
        .args(["keys", "rotate", "--auth-server", "ausK", "--jwk", &jwk])
        .run();
    assert_eq!(out.code(), Some(6), "{out}");
    let hint = hint_after(&out.stderr, "delete it with `");
    assert_eq!(hint, "oktakeys keys delete --auth-server ausK apkNOKID");
    let ran = run_hint(env.home.path(), &format!("{hint} --yes"), &envs);
    assert_eq!(ran.code(), Some(0), "{hint}\n{ran}");
    assert_eq!(okta.keys("ausK").len(), 1);
}
