//! Issue 17 item 2: no command acts on an org the user did not name. A profile named with
//! `--profile` beats `OKTA_ORG_URL`/`OKTA_API_TOKEN`/`OKTA_CLIENT_*` for what it defines;
//! an environment naming another org is refused (exit 3) unless `--org-from` says which;
//! confirmations name the org; `config show` states the rule.

use crate::common::*;
use httpmock::prelude::*;

/// A profile `prod` at `org`, its token from `PROD_TOKEN`.
fn prod_profile(env: &TestEnv, org: &str) {
    env.write_config(&format!(
        "[profiles.prod]\norg_url = \"{org}\"\ntoken_env = \"PROD_TOKEN\"\n"
    ));
}

#[test]
fn profile_wins_over_an_environment_naming_another_org() {
    let prod = MockServer::start();
    let stray = MockServer::start();
    let env = TestEnv::new();
    prod_profile(&env, &prod.base_url());
    let delete = [
        "keys",
        "delete",
        "--auth-server",
        SERVER,
        "apk1",
        "--dry-run",
    ];
    let with_env = |extra: &[&str]| {
        env.cmd()
            .env("OKTA_ORG_URL", stray.base_url())
            .env("OKTA_API_TOKEN", "00strayTokenNotProds")
            .env("PROD_TOKEN", TOKEN)
            .args(["-p", "prod"])
            .args(extra)
            .args(delete)
            .run()
    };

    // The repro: refused, naming both orgs; nothing sent anywhere.
    let out = with_env(&[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        out.stderr.contains(&prod.base_url())
            && out.stderr.contains(&stray.base_url())
            && out.stderr.contains("--org-from"),
        "{out}"
    );
    assert!(out.stdout.is_empty(), "{out}");

    // Told which: the dry run shows the request going there.
    let out = with_env(&["--org-from", "profile"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.contains(&prod.base_url()), "{out}");
    assert!(!out.stdout.contains(&stray.base_url()), "{out}");
    let out = with_env(&["--org-from", "env"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.contains(&stray.base_url()), "{out}");

    // OKTAKEYS_PROFILE names a profile too.
    let out = env
        .cmd()
        .env("OKTA_ORG_URL", stray.base_url())
        .env("OKTAKEYS_PROFILE", "prod")
        .args(delete)
        .run();
    assert_eq!(out.code(), Some(3), "{out}");
}

#[test]
fn profile_token_wins_over_the_environment_token_for_its_org() {
    let prod = MockServer::start();
    let listed = prod.mock(|when, then| {
        when.method(GET)
            .path(keys_path(""))
            .header("authorization", format!("SSWS {TOKEN}"));
        then.status(200).json_body(serde_json::json!([]));
    });
    let env = TestEnv::new();
    prod_profile(&env, &prod.base_url());
    // The same org in the environment (spelled with a slash): no conflict, and the
    // profile's token source beats OKTA_API_TOKEN.
    let out = env
        .cmd()
        .env("OKTA_ORG_URL", format!("{}/", prod.base_url()))
        .env("OKTA_API_TOKEN", "00envTokenNotProds")
        .env("PROD_TOKEN", TOKEN)
        .args(["-p", "prod", "keys", "list", "--auth-server", SERVER])
        .run();
    assert_eq!(out.code(), Some(0), "{out}");
    listed.assert_calls(1);
}

#[test]
fn profile_confirmation_names_the_org_and_the_server() {
    let prod = MockServer::start();
    let env = TestEnv::new();
    prod_profile(&env, &prod.base_url());
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let out = run(env
        .program("script")
        .env("PROD_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .args([
            "-qec",
            &format!(
                "{} -p prod keys delete --auth-server {SERVER} apk1",
                bin.display()
            ),
            "/dev/null",
        ])
        .write_stdin("n\n"));
    assert_eq!(out.code(), Some(9), "{out}");
    assert!(
        out.stdout.contains(&format!(
            "On org {}: Delete key apk1 from authorization server {SERVER}? [y/N]",
            prod.base_url()
        )),
        "{out}"
    );
}

#[test]
fn profile_rule_is_stated_by_config_show() {
    let env = TestEnv::new();
    prod_profile(&env, "https://acme.okta.com");
    let out = env.run(&["-p", "prod", "config", "show"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        out.stderr
            .contains("then a profile named with --profile (or OKTAKEYS_PROFILE) for the settings it defines, then the environment"),
        "{out}"
    );
    assert!(out.stderr.contains("--org-from"), "{out}");
}
