//! The first run, in a fresh HOME: errors that name `oktakeys config init`, a `config
//! show` that lists what is unset, a `config init` that keeps the answers when its check
//! fails, and `config use` / `config delete`.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::json;

#[test]
fn without_a_config_errors_name_config_init() {
    let env = TestEnv::new();
    let no_org = env.run(&["servers", "list"]);
    assert_eq!(no_org.code(), Some(3), "{no_org}");
    assert_eq!(
        no_org.stderr,
        "error: no Okta org URL configured\n  \
         hint: create a profile with `oktakeys config init`, or pass --org-url (or set OKTA_ORG_URL); \
         `--profile sandbox` tries a local sandbox\n"
    );
    let no_token = run(env
        .cmd()
        .env("OKTA_ORG_URL", "https://acme.okta.com")
        .args(["keys", "list", "--auth-server", SERVER]));
    assert_eq!(no_token.code(), Some(3), "{no_token}");
    assert!(
        no_token
            .stderr
            .contains("hint: create a profile with `oktakeys config init`, or set OKTA_API_TOKEN"),
        "{no_token}"
    );
    // A config file named by --config that is not there yet: the hint repeats it, quoted.
    let named = env.path("my config.toml");
    let out = run(env
        .cmd()
        .arg("--config")
        .arg(&named)
        .args(["servers", "list"]));
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        out.stderr.contains(&format!(
            "create it with `oktakeys --config '{}' config init`",
            named.display()
        )),
        "{out}"
    );
    // With profiles in the file but none chosen, the hint names them instead.
    env.write_config("[profiles.prod]\norg_url = \"https://acme.okta.com\"\n");
    let out = env.run(&["servers", "list"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        out.stderr
            .contains("hint: choose a profile with --profile (prod), or pass --org-url"),
        "{out}"
    );
}

#[test]
fn config_show_without_a_config_lists_what_is_unset_and_succeeds() {
    let env = TestEnv::new();
    let out = env.run(&["config", "show"]);
    assert_eq!(out.code(), Some(0), "{out}");
    // HOME's length moves the columns: compare with the padding collapsed.
    let home = env.home.path().display().to_string();
    let shown: Vec<String> = out
        .to_string()
        .replace(&home, "$HOME")
        .lines()
        .map(|l| {
            l.split("  ")
                .filter(|c| !c.is_empty())
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect();
    insta::assert_snapshot!(shown.join("\n"));

    // With the environment's token, only the org URL is missing.
    let out = run(env
        .cmd()
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["config", "show", "-o", "json"]));
    assert_eq!(out.code(), Some(0), "{out}");
    let shown = out.json();
    assert_eq!(shown["org_url"], json!({"value": null, "source": null}));
    assert_eq!(
        shown["credentials"]["source"],
        json!({"kind": "env", "var": "OKTA_API_TOKEN"})
    );
}

/// `config init` on a terminal (through `script`), with `answers` typed.
fn init_on_a_terminal(env: &TestEnv, answers: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let mut out = run(env
        .program("script")
        .env("PROD_T", TOKEN)
        .env("TERM", "dumb")
        .args([
            "-qec",
            &format!("{} config init", bin.display()),
            "/dev/null",
        ])
        .write_stdin(answers));
    out.stdout = out.stdout.replace("\r\n", "\n");
    out
}

#[test]
fn config_init_keeps_the_answers_when_its_check_fails() {
    let okta = MockServer::start();
    let mut refused = okta.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(401)
            .json_body(okta_error("E0000011", "Invalid token provided", &[]));
    });
    let env = TestEnv::new();
    let answers =
        |save: &str| format!("prod\n{}\n\n1\nPROD_T\n{SERVER}\n{save}\n", okta.base_url());

    // Declined: nothing written; the answers come back as one command.
    let declined = init_on_a_terminal(&env, &answers("n"));
    assert_eq!(declined.code(), Some(4), "{declined}");
    assert!(
        declined
            .stdout
            .contains("Save profile `prod` anyway, unchecked? (y/N)")
    );
    assert!(!env.config_path().exists(), "{declined}");
    let command = declined
        .stdout
        .lines()
        .skip_while(|l| !l.contains("Not writing profile `prod`"))
        .nth(1)
        .unwrap_or_else(|| panic!("no command printed:\n{declined}"))
        .trim()
        .to_string();
    assert_eq!(
        command,
        format!(
            "oktakeys config init --profile prod --org-url {} --auth ssws --token-env PROD_T \
             --auth-server {SERVER} --default --force",
            okta.base_url()
        )
    );

    // The command runs as printed, once the check can pass.
    refused.delete();
    let keys = okta.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(json!([]));
    });
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let rerun = run(env
        .program("sh")
        .env("PROD_T", TOKEN)
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.parent().unwrap().display(),
                std::env::var("PATH").unwrap()
            ),
        )
        .args(["-c", &command]));
    assert_eq!(rerun.code(), Some(0), "{rerun}");
    keys.assert();
    let written = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(written.contains("[profiles.prod]") && written.contains("token_env = \"PROD_T\""));
}

#[test]
fn config_init_saves_anyway_when_asked_to() {
    let okta = MockServer::start();
    okta.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(401)
            .json_body(okta_error("E0000011", "Invalid token provided", &[]));
    });
    let env = TestEnv::new();
    let out = init_on_a_terminal(
        &env,
        &format!("prod\n{}\n\n1\nPROD_T\n{SERVER}\ny\n", okta.base_url()),
    );
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        out.stdout.contains("error: "),
        "the failed check is shown:\n{out}"
    );
    assert!(
        out.stdout
            .contains("Its check failed: `oktakeys --profile prod doctor` looks again."),
        "{out}"
    );
    let written = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(written.contains("[profiles.prod]"), "{written}");
    assert!(
        written.contains(&format!("auth_server = \"{SERVER}\"")),
        "{written}"
    );
}

#[test]
fn config_use_sets_the_default_profile() {
    let env = TestEnv::new();
    let out = env.run(&["config", "use", "prod"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(out.stderr.contains("no profile named `prod`"), "{out}");
    assert!(
        out.stderr.contains("`oktakeys config init --profile prod`"),
        "{out}"
    );
    assert!(!env.config_path().exists());

    env.write_config(
        "# my profiles\n\n[profiles.prod]\norg_url = \"https://acme.okta.com\"\n\n\
         [profiles.dev]\norg_url = \"https://dev.okta.com\"\n",
    );
    let out = env.run(&["config", "use", "dev"]);
    assert_eq!(out.code(), Some(0), "{out}");
    let listed = env.run(&["config", "list", "-o", "json"]).json();
    let defaults: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["default"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(defaults, ["dev"]);
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(text.starts_with("# my profiles\n"), "{text}");
    // The built-in sandbox may be the default.
    assert_eq!(env.run(&["config", "use", "sandbox"]).code(), Some(0));
    let shown = env.run(&["config", "show", "-o", "json"]).json();
    assert_eq!(shown["profile"]["value"], "sandbox");
    let out = env.run(&["config", "use", "nope"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        out.stderr.contains("profiles in ") && out.stderr.contains("dev, prod"),
        "{out}"
    );
}

#[test]
fn config_delete_asks_removes_the_profile_and_the_default_naming_it() {
    let env = TestEnv::new();
    env.write_config(
        "# my profiles\ndefault_profile = \"prod\"\n\n[profiles.prod]\n\
         org_url = \"https://acme.okta.com\"\ntoken = \"00inline\"\n\n\
         [profiles.dev]\norg_url = \"https://dev.okta.com\"\n",
    );
    // No terminal to ask on: refused, nothing changed.
    let out = env.run(&["config", "delete", "prod"]);
    assert_eq!(out.code(), Some(9), "{out}");
    assert!(out.stderr.contains("--yes"), "{out}");
    assert!(
        std::fs::read_to_string(env.config_path())
            .unwrap()
            .contains("[profiles.prod]")
    );

    let out = env.run(&["config", "delete", "prod", "--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stderr.contains("It was the default profile"), "{out}");
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert_eq!(
        text,
        "# my profiles\n\n[profiles.dev]\norg_url = \"https://dev.okta.com\"\n"
    );
    let out = env.run(&["config", "delete", "prod", "--yes"]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        out.stderr.contains("profiles in ") && out.stderr.contains(": dev"),
        "{out}"
    );
}
