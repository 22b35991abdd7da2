//! Dynamic completion through the binary: the committed bash script run by bash, and the
//! zsh and fish protocols (`COMPLETE=SHELL oktakeys -- WORDS…`, what their scripts call):
//! profiles from the config, servers and key ids from the org (cached for a minute), nothing
//! when the org does not answer in time, subcommands before flags.

use std::path::Path;
use std::time::{Duration, Instant};

use httpmock::prelude::*;
use serde_json::json;

use crate::common::sandbox::ServedEnv;
use crate::common::*;

/// PATH with the built binary first, as an installed `oktakeys` would be found.
fn path_with_binary() -> std::ffi::OsString {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_oktakeys")).parent().unwrap();
    std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap()
}

/// What bash offers for the last of `words` (`""` for a `<TAB>` after a space), through
/// the committed `completions/oktakeys.bash` and the binary it calls, in `home`.
pub fn bash_complete_with(home: &Path, words: &[&str], envs: &[(&str, &str)]) -> Vec<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/oktakeys.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let prev = if cword > 0 { words[cword - 1] } else { "" };
    let probe = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; COMP_TYPE=9; \
         _clap_complete_oktakeys oktakeys '{}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words[cword],
    );
    let out = isolated(std::process::Command::new("bash"), home)
        .env("PATH", path_with_binary())
        .envs(envs.iter().copied())
        .args(["--norc", "-c", &probe])
        .run();
    assert!(out.status.success(), "{out}");
    assert!(
        out.stderr.is_empty(),
        "a completion prints nothing on stderr: {out}"
    );
    out.stdout
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn bash_complete(env: &TestEnv, words: &[&str]) -> Vec<String> {
    bash_complete_with(env.home.path(), words, &[])
}

/// The binary asked as zsh's or fish's script asks it; the values offered, without help.
fn protocol(env: &TestEnv, shell: &str, words: &[&str]) -> Vec<String> {
    let mut cmd = env.cmd();
    cmd.env("COMPLETE", shell).arg("--").args(words);
    if shell == "zsh" {
        cmd.env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("_CLAP_IFS", "\n");
    }
    let out = cmd.run();
    assert_eq!(out.code(), Some(0), "{out}");
    out.stdout
        .lines()
        .map(|l| l.split(['\t', ':']).next().unwrap_or("").to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn keys_offers_its_subcommands_before_its_flags() {
    let env = TestEnv::new();
    let offered = bash_complete(&env, &["oktakeys", "keys", ""]);
    let last_command = offered.iter().rposition(|w| !w.starts_with('-')).unwrap();
    let first_flag = offered.iter().position(|w| w.starts_with('-')).unwrap();
    assert!(last_command < first_flag, "{offered:?}");
    for word in ["list", "get", "rotate", "audit"] {
        assert!(
            offered[..first_flag].contains(&word.to_string()),
            "{offered:?}"
        );
    }
}

#[test]
fn profile_offers_the_config_s_profiles_not_file_names() {
    let env = TestEnv::new();
    env.write_config(
        "[profiles.prod]\norg_url = \"https://acme.okta.com\"\n\
         [profiles.ci]\norg_url = \"https://acme.okta.com\"\n",
    );
    std::fs::write(
        env.path("prod-notes.txt"),
        "a file in the working directory",
    )
    .unwrap();
    let mut offered = bash_complete(&env, &["oktakeys", "--profile", ""]);
    offered.sort();
    assert_eq!(offered, ["ci", "prod", "sandbox"]);
    assert_eq!(
        bash_complete(&env, &["oktakeys", "keys", "list", "-p", "pr"]),
        ["prod"]
    );
    for shell in ["zsh", "fish"] {
        let mut offered = protocol(&env, shell, &["oktakeys", "--profile", ""]);
        offered.sort();
        assert_eq!(offered, ["ci", "prod", "sandbox"], "{shell}");
    }
}

fn server(id: &str, name: &str) -> serde_json::Value {
    json!({"id": id, "name": name, "status": "ACTIVE", "audiences": ["api://x"]})
}

#[test]
fn auth_server_offers_the_org_s_ids_and_names_asking_once_a_minute() {
    let org = MockServer::start();
    let list = org.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers")
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(json!([
            server("ausPay1", "payments"),
            server("default", "default")
        ]));
    });
    let env = TestEnv::new();
    let envs = [
        ("OKTA_ORG_URL", org.base_url()),
        ("OKTA_API_TOKEN", TOKEN.to_string()),
    ];
    let envs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let offered = bash_complete_with(
        env.home.path(),
        &["oktakeys", "keys", "list", "--auth-server", ""],
        &envs,
    );
    assert_eq!(offered, ["ausPay1", "default", "payments"]);
    let offered = bash_complete_with(env.home.path(), &["oktakeys", "servers", "get", "p"], &envs);
    assert_eq!(offered, ["payments"]);
    assert_eq!(list.calls(), 1, "the second answer came from the cache");
    let cache = env.path(".cache/oktakeys/completion");
    let files: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
    assert_eq!(files.len(), 1, "{cache:?}");
}

#[test]
fn key_ids_come_from_the_server_on_the_line() {
    let sandbox = ServedEnv::start(&["--auth-server", "ausOther"]);
    let ids = sandbox.run(&["keys", "list", "--auth-server", "ausOther", "-o", "id"]);
    let key = ids.stdout.trim();
    assert!(key.starts_with("apk"), "{ids}");
    let envs = [
        ("OKTA_ORG_URL", sandbox.served.base.as_str()),
        ("OKTA_API_TOKEN", TOKEN),
    ];
    let offered = bash_complete_with(
        sandbox.home.path(),
        &["oktakeys", "keys", "get", "--auth-server", "ausOther", ""],
        &envs,
    );
    // The key ids first; the flags after them.
    assert_eq!(
        offered.first().map(String::as_str),
        Some(key),
        "{offered:?}"
    );
    assert!(
        offered[1..].iter().all(|w| w.starts_with('-')),
        "{offered:?}"
    );
    let offered = bash_complete_with(
        sandbox.home.path(),
        &[
            "oktakeys",
            "keys",
            "activate",
            "--auth-server",
            "ausOther",
            "zzz",
        ],
        &envs,
    );
    assert!(offered.is_empty(), "{offered:?}");
}

#[test]
fn the_sandbox_profile_completes_its_own_keys() {
    let env = TestEnv::new();
    let ids = env.run(&[
        "-p",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
        "-o",
        "id",
    ]);
    let key = ids.stdout.trim().to_string();
    // `sandbox` is also a subcommand's name: the value of -p is not taken for it.
    let offered = bash_complete(
        &env,
        &[
            "oktakeys",
            "-p",
            "sandbox",
            "keys",
            "get",
            "--auth-server",
            "default",
            "",
        ],
    );
    assert_eq!(offered.first(), Some(&key), "{offered:?}");
    let offered = protocol(
        &env,
        "fish",
        &[
            "oktakeys",
            "-p",
            "sandbox",
            "keys",
            "delete",
            "--auth-server",
            "default",
            "apk",
        ],
    );
    assert_eq!(offered, [key]);
}

#[test]
fn an_org_that_does_not_answer_gets_nothing_within_the_second() {
    // Accepts connections (the kernel's backlog) and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", silent.local_addr().unwrap());
    let env = TestEnv::new();
    let started = Instant::now();
    let offered = bash_complete_with(
        env.home.path(),
        &["oktakeys", "keys", "list", "--auth-server", ""],
        &[("OKTA_ORG_URL", &url), ("OKTA_API_TOKEN", TOKEN)],
    );
    // The budget is 0.9 s; the bound leaves room for starting bash and the binary on a
    // loaded machine. Without the budget this would wait for the 30 s request timeout.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(offered.is_empty(), "{offered:?}");
    assert!(
        !env.path(".cache/oktakeys/completion").exists(),
        "a failure is not cached"
    );
}

/// What the README installs (the files of `completions/`) is what the binary registers
/// itself (`COMPLETE=SHELL oktakeys`, as `source <(COMPLETE=zsh oktakeys)` runs it).
#[test]
fn the_committed_scripts_are_the_binary_s_own_registration() {
    let env = TestEnv::new();
    for (shell, file) in [
        ("bash", "oktakeys.bash"),
        ("zsh", "_oktakeys"),
        ("fish", "oktakeys.fish"),
        ("powershell", "_oktakeys.ps1"),
        ("elvish", "oktakeys.elv"),
    ] {
        let out = env.cmd().env("COMPLETE", shell).run();
        assert_eq!(out.code(), Some(0), "{out}");
        let committed = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("completions")
                .join(file),
        )
        .unwrap();
        assert_eq!(out.stdout, committed, "{shell}");
        assert!(out.stdout.contains("COMPLETE"), "{shell}: {}", out.stdout);
    }
}

/// fish itself, through the committed `completions/oktakeys.fish` (`complete -C` asks what
/// `<TAB>` would offer); `.ci/run` installs fish.
#[test]
fn fish_completes_profiles_and_key_ids_through_the_committed_script() {
    let env = TestEnv::new();
    env.write_config("[profiles.prod]\norg_url = \"https://acme.okta.com\"\n");
    let ids = env.run(&[
        "-p",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
        "-o",
        "id",
    ]);
    let key = ids.stdout.trim().to_string();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/oktakeys.fish");
    let fish = |line: &str| {
        let out = isolated(std::process::Command::new("fish"), env.home.path())
            .env("PATH", path_with_binary())
            .args(["--no-config", "-c"])
            .arg(format!(
                "source '{}'; complete -C '{line}'",
                script.display()
            ))
            .run();
        assert_eq!(
            out.code(),
            Some(0),
            "fish runs (install it: apt-get install fish): {out}"
        );
        out.stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    let mut profiles = fish("oktakeys --profile ");
    profiles.sort();
    assert_eq!(profiles, ["prod", "sandbox"]);
    let keys = fish("oktakeys -p sandbox keys get --auth-server default ");
    assert_eq!(keys.first(), Some(&key), "{keys:?}");
    let commands = fish("oktakeys keys ");
    let first_flag = commands.iter().position(|w| w.starts_with('-')).unwrap();
    assert!(
        commands[..first_flag].contains(&"rotate".to_string()),
        "{commands:?}"
    );
    assert!(
        commands[first_flag..].iter().all(|w| w.starts_with('-')),
        "{commands:?}"
    );
}
