//! Issue 11, through the binary: a rotation a resource server survives. Key roles, stage
//! then activate, the gate, the private key handed to a command, retirement after the
//! last token, the key limit learned from Okta, scheduling, rollback, and two jobs at once.
//! Against a spawned `oktakeys sandbox serve`, and httpmock where the times must be exact
//! (policies and rules with chosen lifetimes, keys with chosen timestamps).

use std::process::Stdio;

use crate::common::sandbox::{MODULI, Served, serve};
use crate::common::{Run, TOKEN, TestEnv, modulus, stderr, stdout};
use httpmock::prelude::*;
use serde_json::{Value, json};

// ---- a spawned sandbox ----------------------------------------------------------------

struct Sandbox {
    env: TestEnv,
    served: Served,
}

impl Sandbox {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Self {
        let env = TestEnv::new();
        let state = env.path("sandbox.json");
        // The seed key, ACTIVE since long ago: keys made by the test are surely younger
        // (Okta's timestamps have whole seconds).
        let seed = json!({"version": 1, "authorizationServers": {"default": {"keys": [{
            "id": "apkSEEDseedSEEDseed0", "kid": "seed", "kty": "RSA", "use": "enc",
            "e": "AQAB", "n": MODULI[0], "status": "ACTIVE",
            "created": "2026-01-01T00:00:00.000Z", "lastUpdated": "2026-01-01T00:00:00.000Z"
        }]}}});
        std::fs::write(&state, seed.to_string()).unwrap();
        let mut all = vec!["--state", state.to_str().unwrap()];
        all.extend_from_slice(args);
        let mut vars = vec![("OKTAKEYS_SANDBOX_TOKEN", TOKEN)];
        vars.extend_from_slice(envs);
        let served = serve(env.home.path(), &all, &vars);
        Sandbox { env, served }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.env.cmd_with_org(&self.served.base);
        cmd.args(["--max-retries", "0"]);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        crate::common::run(self.cmd().args(args))
    }

    fn keys(&self) -> Vec<Value> {
        let out = self.run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_str(&out.stdout).unwrap()
    }

    /// A public JWK file with `kid` and shipped modulus `i`.
    fn jwk(&self, kid: &str, i: usize) -> String {
        let path = self.env.path(&format!("{kid}.json"));
        let jwk = json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[i], "kid": kid});
        std::fs::write(&path, jwk.to_string()).unwrap();
        path.display().to_string()
    }
}

/// `(kid, status)` of each key.
fn summary(keys: &[Value]) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| {
            (
                k["kid"].as_str().unwrap_or("").to_string(),
                k["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn seed_kid(s: &Sandbox) -> String {
    s.keys()[0]["kid"].as_str().unwrap().to_string()
}

fn rotate<'a>(jwk: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["keys", "rotate", "--auth-server", "default", "--jwk", jwk];
    args.extend_from_slice(rest);
    args
}

// ---- roles, stage, then activate --------------------------------------------------------

#[test]
fn stage_adds_the_key_inactive_once_and_a_later_run_activates_it_without_adding() {
    let s = Sandbox::start(&[]);
    let seed = seed_kid(&s);
    let jwk = s.jwk("next-1", 1);
    let out = s.run(&rotate(&jwk, &["--stage", "--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("staged key apk"), "{}", stderr(&out));
    assert_eq!(
        summary(&s.keys()),
        pairs(&[(&seed, "ACTIVE"), ("next-1", "INACTIVE")])
    );
    let staged_id = s.keys()[1]["id"].as_str().unwrap().to_string();
    // `keys list` names the roles.
    let out = s.run(&["keys", "list", "--auth-server", "default"]);
    let table = stdout(&out);
    assert!(table.starts_with("ID  "), "{table}");
    let roles: Vec<&str> = table
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(3).unwrap())
        .collect();
    assert_eq!(roles, ["current", "next"], "{table}");

    // The same key again: nothing added.
    let out = s.run(&rotate(&jwk, &["--stage", "--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to add: key ") && stdout(&out).contains("unchanged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(s.keys().len(), 2);

    // Another rotation with --delete-old never deletes a next key: stage a second key,
    // then rotate to the first one.
    let other = s.jwk("next-2", 2);
    let out = s.run(&rotate(&other, &["--stage", "--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = s.run(&rotate(
        &jwk,
        &[
            "--delete-old",
            "--ignore-token-lifetime",
            "--yes",
            "-o",
            "json",
        ],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report[0]["added"], Value::Null, "activated without adding");
    assert_eq!(report[0]["activated"], staged_id.as_str());
    assert_eq!(report[0]["new_key"], staged_id.as_str());
    // The seed (previous) is deleted, the other staged key (next) is kept.
    assert_eq!(
        summary(&s.keys()),
        pairs(&[("next-1", "ACTIVE"), ("next-2", "INACTIVE")])
    );
    assert!(
        stderr(&out).contains(": a next key, never deleted by a retention"),
        "{}",
        stderr(&out)
    );
}

// ---- the gate -------------------------------------------------------------------------

#[test]
fn the_gate_runs_after_the_add_and_before_the_activation_with_its_environment() {
    let s = Sandbox::start(&[]);
    let seed = seed_kid(&s);
    // The gate records its environment, and the new key's status as Okta has it then.
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let gate = format!(
        "env | grep '^OKTAKEYS_' | sort > gate.env; \
         {} --max-retries 0 keys get --auth-server default \"$OKTAKEYS_NEW_KEY_ID\" -o json > at-gate.json",
        bin.display()
    );
    let out = s.run(&[
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--generate",
        "--private-key-out",
        "enc.pem",
        "--bits",
        "2048",
        "--kid",
        "enc-2026",
        "--token-lifetime",
        "1h",
        "--activate-when",
        &gate,
        "-o",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let new_id = report[0]["added"].as_str().unwrap().to_string();
    let gate_env = std::fs::read_to_string(s.env.path("gate.env")).unwrap();
    assert_eq!(
        gate_env,
        format!(
            "OKTAKEYS_AUTH_SERVER=default\nOKTAKEYS_NEW_KEY_ID={new_id}\nOKTAKEYS_NEW_KID=enc-2026\n\
             OKTAKEYS_PRIVATE_KEY_FILE=enc.pem\n"
        )
    );
    let at_gate: Value =
        serde_json::from_slice(&std::fs::read(s.env.path("at-gate.json")).unwrap()).unwrap();
    assert_eq!(at_gate["status"], "INACTIVE", "not yet active at the gate");
    assert!(
        stderr(&out).contains("default: the gate opened (--activate-when exited 0, try 1)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        summary(&s.keys()),
        pairs(&[(&seed, "INACTIVE"), ("enc-2026", "ACTIVE")])
    );
}

#[test]
fn a_gate_that_never_opens_exits_12_and_leaves_the_old_key_active() {
    let s = Sandbox::start(&[]);
    let seed = seed_kid(&s);
    let jwk = s.jwk("gated", 1);
    let out = s.run(&rotate(
        &jwk,
        &[
            "--token-lifetime",
            "1h",
            "--activate-when",
            "exit 3",
            "--gate-interval",
            "1s",
            "--gate-timeout",
            "2s",
        ],
    ));
    assert_eq!(out.status.code(), Some(12), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the gate is closed (--activate-when exited with status 3); trying again in 1s"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "the gate did not open: --activate-when exited with status 3 (try 2) and \
             --gate-timeout 2s has passed; key apk"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "Re-run to complete the rotation (nothing is done twice):\n  oktakeys keys rotate \
             --auth-server default --jwk {jwk} --activate-when 'exit 3' --gate-interval 1s \
             --gate-timeout 2s --token-lifetime 1h\n"
        )),
        "{err}"
    );
    assert_eq!(
        summary(&s.keys()),
        pairs(&[(&seed, "ACTIVE"), ("gated", "INACTIVE")])
    );
}

#[test]
fn a_gate_that_opens_on_the_second_try_activates() {
    let s = Sandbox::start(&[]);
    let jwk = s.jwk("second-try", 1);
    let out = s.run(&rotate(
        &jwk,
        &[
            "--token-lifetime",
            "1h",
            "--activate-when",
            "test -e opened || { touch opened; exit 1; }",
            "--gate-interval",
            "1s",
        ],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the gate is closed (--activate-when exited with status 1); trying again in 1s"
        ),
        "{err}"
    );
    assert!(
        err.contains("the gate opened (--activate-when exited 0, try 2)"),
        "{err}"
    );
    assert_eq!(s.keys()[1]["status"], "ACTIVE");
}

// ---- the private key to a command -----------------------------------------------------

#[test]
fn a_failing_private_key_command_sends_nothing_and_writes_nothing() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let before: Vec<_> = std::fs::read_dir(env.home.path()).unwrap().collect();
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        "aus1",
        "--generate",
        "--bits",
        "2048",
        "--private-key-command",
        "cat > /dev/null; exit 4",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: --private-key-command exited with status 4: the new private key was not \
         stored, so nothing was sent to Okta\n  hint: fix the command (it reads the PEM on its \
         stdin), then run again\n"
    );
    any.assert_calls(0);
    let after: Vec<_> = std::fs::read_dir(env.home.path()).unwrap().collect();
    assert_eq!(before.len(), after.len(), "nothing written to disk");
}

#[test]
fn the_private_key_command_gets_the_pem_first_then_the_key_is_added() {
    let s = Sandbox::start(&[]);
    // The command stores the key, and records whether Okta holds the new key yet.
    let out = s.run(&[
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--generate",
        "--bits",
        "2048",
        "--kid",
        "stored",
        "--token-lifetime",
        "1h",
        "--private-key-command",
        "cat > store.pem",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pem = std::fs::read_to_string(s.env.path("store.pem")).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{pem}");
    let public = keymaterial::pem::from_pem_bytes(pem.as_bytes(), "store.pem").unwrap();
    let keys = s.keys();
    assert_eq!(keys[1]["kid"], "stored");
    assert_eq!(keys[1]["n"], public.n.as_str());
    assert_eq!(keys[1]["status"], "ACTIVE");
    for line in pem.lines().filter(|l| !l.starts_with("-----")) {
        assert!(!stderr(&out).contains(line) && !stdout(&out).contains(line));
    }
    assert!(stderr(&out).contains("nothing was written to disk"));
}

#[test]
fn generate_hands_the_key_to_a_command_or_writes_a_jwk_or_an_encrypted_pem() {
    let env = TestEnv::new();
    // To a command: the PEM on its stdin, the public JWK on stdout.
    let out = crate::common::run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k1",
        "--bits",
        "2048",
        "--private-key-command",
        "cat > from-stdin.pem",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pem = std::fs::read_to_string(env.path("from-stdin.pem")).unwrap();
    let public: Value = serde_json::from_str(&out.stdout).unwrap();
    let from_pem = keymaterial::pem::from_pem_bytes(pem.as_bytes(), "k").unwrap();
    assert_eq!(public["n"], from_pem.n.as_str());
    // A failing command: exit 3, no public key printed.
    let out = crate::common::run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k2",
        "--bits",
        "2048",
        "--private-key-command",
        "exit 1",
    ]));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stdout(&out), "");

    // A private JWK, mode 0600.
    let out = crate::common::run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k3",
        "--bits",
        "2048",
        "--private-key-format",
        "jwk",
        "--private-key-out",
        "k3.jwk",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let private: Value =
        serde_json::from_slice(&std::fs::read(env.path("k3.jwk")).unwrap()).unwrap();
    let public: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(private["kid"], "k3");
    assert_eq!(private["n"], public["n"]);
    assert!(private["d"].as_str().is_some_and(|d| d.len() > 300));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(env.path("k3.jwk"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // --encrypt with jwk is a usage error.
    let out = crate::common::run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k4",
        "--private-key-format",
        "jwk",
        "--encrypt",
        "--private-key-out",
        "k4.jwk",
    ]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_encrypted_pem_is_written_and_read_with_the_same_passphrase_source() {
    let server = MockServer::start();
    let env = TestEnv::new();
    for (kdf, file) in [("scrypt", "s.pem"), ("pbkdf2", "p.pem")] {
        let out = crate::common::run(
            env.cmd()
                .env("OKTAKEYS_KEY_PASSPHRASE", "correct horse")
                .args([
                    "keys",
                    "generate",
                    "--kid",
                    "enc",
                    "--bits",
                    "2048",
                    "--encrypt",
                    "--kdf",
                    kdf,
                    "--private-key-out",
                    file,
                ]),
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let public: Value = serde_json::from_str(&out.stdout).unwrap();
        let text = std::fs::read_to_string(env.path(file)).unwrap();
        assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assert!(stderr(&out).contains("(encrypted PKCS#8 PEM, mode 0600)"));

        // Read back wherever a private key is read: here `keys add --pem`.
        let add = |pass: Option<&str>| {
            let mut cmd = env.cmd_with_org(&server.base_url());
            if let Some(pass) = pass {
                cmd.env("OKTAKEYS_KEY_PASSPHRASE", pass);
            }
            crate::common::run(cmd.args([
                "keys",
                "add",
                "--auth-server",
                "aus1",
                "--pem",
                file,
                "--dry-run",
            ]))
        };
        let out = add(Some("correct horse"));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("\"n\": \"{}\"", public["n"].as_str().unwrap())),
            "{}",
            stdout(&out)
        );
        let out = add(Some("wrong"));
        assert_eq!(out.status.code(), Some(3));
        assert!(
            stderr(&out).contains("the passphrase is wrong"),
            "{}",
            stderr(&out)
        );
        let out = add(None);
        assert_eq!(out.status.code(), Some(3));
        assert_eq!(
            stderr(&out),
            format!(
                "error: {file} is encrypted, and there is no terminal to ask for its passphrase \
                 on\n  hint: set OKTAKEYS_KEY_PASSPHRASE to the passphrase\n"
            )
        );
    }
}

// ---- retirement after the last token --------------------------------------------------

const AS: &str = "aus1retire";

fn mock_key(id: &str, status: &str, created: &str, updated: &str, seed: u8) -> Value {
    json!({
        "id": id, "kid": format!("kid-{id}"), "kty": "RSA", "use": "enc", "e": "AQAB",
        "n": modulus(2048, seed), "status": status, "created": created, "lastUpdated": updated,
        "_links": {}
    })
}

/// A server: the current key; `apkP` deactivated far in the future (its window is open
/// whatever the lifetime); `apkQ` deactivated 2020-03-01; `apkN` staged (next).
fn retirement_server(server: &MockServer, rule_minutes: &[(&str, &str, u64)]) {
    let keys = json!([
        mock_key(
            "apkA",
            "ACTIVE",
            "2020-01-01T00:00:00.000Z",
            "2020-06-01T00:00:00.000Z",
            1
        ),
        mock_key(
            "apkP",
            "INACTIVE",
            "2020-01-01T00:00:00.000Z",
            "2999-01-01T00:00:00.000Z",
            2
        ),
        mock_key(
            "apkQ",
            "INACTIVE",
            "2019-01-01T00:00:00.000Z",
            "2020-03-01T00:00:00.000Z",
            3
        ),
        mock_key(
            "apkN",
            "INACTIVE",
            "2999-02-01T00:00:00.000Z",
            "2999-02-01T00:00:00.000Z",
            4
        ),
    ]);
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{AS}/resourceservercredentials/keys"
        ));
        then.status(200).json_body(keys);
    });
    // Policies: each (policy status, rule status, minutes) is one policy with one rule,
    // plus an ACTIVE rule without a token action.
    let policies: Vec<Value> = rule_minutes
        .iter()
        .enumerate()
        .map(|(i, (status, _, _))| json!({"id": format!("00p{i}"), "status": status}))
        .collect();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/api/v1/authorizationServers/{AS}/policies"));
        then.status(200).json_body(Value::Array(policies));
    });
    for (i, (_, rule_status, minutes)) in rule_minutes.iter().enumerate() {
        let rules = json!([
            {"id": "0pr1", "status": rule_status,
             "actions": {"token": {"accessTokenLifetimeMinutes": minutes}}},
            {"id": "0pr2", "status": "ACTIVE", "actions": {}}
        ]);
        server.mock(|when, then| {
            when.method(GET).path(format!(
                "/api/v1/authorizationServers/{AS}/policies/00p{i}/rules"
            ));
            then.status(200).json_body(rules);
        });
    }
}

fn retirable_at(env: &TestEnv, server: &MockServer, extra: &[&str]) -> Vec<(String, Value)> {
    let out = crate::common::run(
        env.cmd_with_org(&server.base_url())
            .args([
                "keys",
                "list",
                "--auth-server",
                AS,
                "--retirement",
                "-o",
                "json",
            ])
            .args(extra),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    keys.iter()
        .map(|k| {
            (
                k["id"].as_str().unwrap().to_string(),
                k["_oktakeys"].clone(),
            )
        })
        .collect()
}

#[test]
fn retirement_windows_come_from_the_longest_lifetime_of_active_rules() {
    let env = TestEnv::new();
    // Longest ACTIVE rule of an ACTIVE policy: 120 minutes (the 1440 ones do not count).
    let server = MockServer::start();
    retirement_server(
        &server,
        &[
            ("ACTIVE", "ACTIVE", 60),
            ("ACTIVE", "INACTIVE", 1440),
            ("INACTIVE", "ACTIVE", 1440),
            ("ACTIVE", "ACTIVE", 120),
        ],
    );
    let expected = |p: &str, q: &str| {
        vec![
            (
                "apkA".to_string(),
                json!({"role": "current", "retirableAt": null}),
            ),
            (
                "apkP".to_string(),
                json!({"role": "previous", "retirableAt": p}),
            ),
            (
                "apkQ".to_string(),
                json!({"role": "previous", "retirableAt": q}),
            ),
            (
                "apkN".to_string(),
                json!({"role": "next", "retirableAt": null}),
            ),
        ]
    };
    assert_eq!(
        retirable_at(&env, &server, &[]),
        expected("2999-01-01T02:00:00.000Z", "2020-03-01T02:00:00.000Z")
    );
    // Another server's rules: 15 minutes.
    let short = MockServer::start();
    retirement_server(&short, &[("ACTIVE", "ACTIVE", 15)]);
    assert_eq!(
        retirable_at(&env, &short, &[]),
        expected("2999-01-01T00:15:00.000Z", "2020-03-01T00:15:00.000Z")
    );
    // --token-lifetime overrides the rules.
    assert_eq!(
        retirable_at(&env, &short, &["--token-lifetime", "1h30m"]),
        expected("2999-01-01T01:30:00.000Z", "2020-03-01T01:30:00.000Z")
    );
    // Plain -o json is exactly what Okta sent.
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "-o",
        "json",
    ]));
    assert!(!stdout(&out).contains("_oktakeys"));
    // The table gains a RETIRABLE column.
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "--retirement",
    ]));
    let table = stdout(&out);
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .ends_with("LAST UPDATED          RETIRABLE"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .nth(2)
            .unwrap()
            .ends_with("2999-01-01 02:00:00Z"),
        "{table}"
    );

    // The rotation keeps apkP (window open) and the next key, deletes apkQ, and names when
    // each kept key becomes retirable.
    let jwk = env.path("new.json");
    std::fs::write(
        &jwk,
        json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 9), "kid": "new"})
            .to_string(),
    )
    .unwrap();
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        AS,
        "--jwk",
        jwk.to_str().unwrap(),
        "--delete-old",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("  3. delete INACTIVE key apkQ (kid kid-apkQ)\n"),
        "{err}"
    );
    assert!(!err.contains("delete INACTIVE key apkP"), "{err}");
    assert!(
        err.contains("  keep apkP (kid kid-apkP): retirable at 2999-01-01T02:00:00.000Z\n"),
        "{err}"
    );
    assert!(
        err.contains("  keep apkA (kid kid-apkA): retirable at "),
        "{err}"
    );
    assert!(
        err.contains("  keep apkN (kid kid-apkN): a next key, never deleted by a retention\n"),
        "{err}"
    );
}

#[test]
fn unreadable_rules_are_said_and_24h_is_assumed() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "/api/v1/authorizationServers/{AS}/resourceservercredentials/keys"
        ));
        then.status(200).json_body(json!([mock_key(
            "apkQ",
            "INACTIVE",
            "2019-01-01T00:00:00.000Z",
            "2020-03-01T00:00:00.000Z",
            3
        )]));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/api/v1/authorizationServers/{AS}/policies"));
        then.status(403).json_body(crate::common::okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
            &[],
        ));
    });
    let env = TestEnv::new();
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "list",
        "--auth-server",
        AS,
        "--retirement",
        "-o",
        "json",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "{AS}: cannot read the access-token lifetime from the policies' rules (Okta refused permission"
        )),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("assuming 24h, Okta's maximum (set it with --token-lifetime)"));
    let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        keys[0]["_oktakeys"]["retirableAt"],
        "2020-03-02T00:00:00.000Z"
    );
}

#[test]
fn ignore_token_lifetime_deletes_every_previous_key_and_reads_no_rules() {
    let server = MockServer::start();
    retirement_server(&server, &[("ACTIVE", "ACTIVE", 120)]);
    let env = TestEnv::new();
    let jwk = env.path("new.json");
    std::fs::write(
        &jwk,
        json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": modulus(2048, 9), "kid": "new"})
            .to_string(),
    )
    .unwrap();
    let policies = server.mock(|when, then| {
        when.path_includes("/policies");
        then.status(500);
    });
    let out = crate::common::run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        AS,
        "--jwk",
        jwk.to_str().unwrap(),
        "--delete-old",
        "--ignore-token-lifetime",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for deleted in ["apkA", "apkP", "apkQ"] {
        assert!(
            err.contains(&format!("delete INACTIVE key {deleted} ")),
            "{err}"
        );
    }
    assert!(
        err.contains("  keep apkN (kid kid-apkN): a next key"),
        "{err}"
    );
    policies.assert_calls(0);
}

#[test]
fn on_retire_runs_once_per_deleted_key_with_its_ids() {
    let s = Sandbox::start(&[]);
    let seed = s.keys()[0].clone();
    let jwk = s.jwk("after", 1);
    let out = s.run(&rotate(
        &jwk,
        &[
            "--delete-old",
            "--ignore-token-lifetime",
            "--yes",
            "--on-retire",
            "echo \"$OKTAKEYS_RETIRED_KID $OKTAKEYS_RETIRED_KEY_ID\" >> retired.txt",
        ],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(s.env.path("retired.txt")).unwrap(),
        format!(
            "{} {}\n",
            seed["kid"].as_str().unwrap(),
            seed["id"].as_str().unwrap()
        )
    );
    assert_eq!(summary(&s.keys()), pairs(&[("after", "ACTIVE")]));
}

#[test]
fn a_just_deactivated_key_is_kept_by_delete_old_until_its_tokens_expire() {
    let s = Sandbox::start(&[]);
    let seed = seed_kid(&s);
    let jwk = s.jwk("fresh", 1);
    let out = s.run(&rotate(
        &jwk,
        &["--delete-old", "--token-lifetime", "1h", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(": retirable at "), "{}", stderr(&out));
    assert_eq!(
        summary(&s.keys()),
        pairs(&[(&seed, "INACTIVE"), ("fresh", "ACTIVE")])
    );
}

// ---- the key limit as Okta says it -----------------------------------------------------

#[test]
fn the_key_limit_is_learned_from_oktas_refusal_at_two_keys() {
    let s = Sandbox::start(&["--max-keys", "2"]);
    let seed = s.keys()[0].clone();
    let first = s.jwk("first", 1);
    let out = s.run(&rotate(&first, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Full: the seed stopped being active just now, so it is not retirable: exit 6.
    let second = s.jwk("second", 2);
    let out = s.run(&rotate(
        &second,
        &["--delete-old", "--token-lifetime", "1h", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: default: Okta refused to add the new key (\"You can't create a new key. You \
             have reached the maximum number of keys allowed (5). To add another key, you must \
             first delete an existing one.\"), and no INACTIVE key is retirable yet: {} (kid {}) \
             becomes retirable at ",
            seed["id"].as_str().unwrap(),
            seed["kid"].as_str().unwrap()
        )),
        "{err}"
    );
    assert!(
        err.contains("pass --ignore-token-lifetime to delete it now"),
        "{err}"
    );
    assert_eq!(s.keys().len(), 2);

    // --ignore-token-lifetime goes ahead: the seed makes room, then the add.
    let out = s.run(&rotate(
        &second,
        &["--keep", "1", "--ignore-token-lifetime", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "default: deleted INACTIVE key {} (kid {}) to make room: Okta refused the add for \
             its key limit\n",
            seed["id"].as_str().unwrap(),
            seed["kid"].as_str().unwrap()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        summary(&s.keys()),
        pairs(&[("first", "INACTIVE"), ("second", "ACTIVE")])
    );
}

#[test]
fn the_key_limit_is_learned_from_oktas_refusal_at_three_keys() {
    let s = Sandbox::start_with(&[], &[("OKTAKEYS_SANDBOX_MAX_KEYS", "3")]);
    let seed = seed_kid(&s);
    for (kid, i) in [("one", 1), ("two", 2)] {
        let jwk = s.jwk(kid, i);
        let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(s.keys().len(), 3, "three keys fit: no limit assumed");
    // A zero lifetime: every previous key is retirable; the oldest makes room.
    let three = s.jwk("three", 3);
    let out = s.run(&rotate(
        &three,
        &["--keep", "1", "--token-lifetime", "0s", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("to make room"), "{}", stderr(&out));
    let keys = s.keys();
    assert_eq!(
        summary(&keys),
        pairs(&[("two", "INACTIVE"), ("three", "ACTIVE")])
    );
    assert!(!summary(&keys).iter().any(|(k, _)| *k == seed));
}

// ---- scheduling -----------------------------------------------------------------------

#[test]
fn if_older_than_changes_nothing_while_the_active_key_is_young() {
    let s = Sandbox::start(&[]);
    // The seed is months old: due, so rotated.
    let young = s.jwk("young", 2);
    let out = s.run(&rotate(
        &young,
        &["--if-older-than", "90d", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(s.keys()[1]["status"], "ACTIVE");
    // The ACTIVE key is seconds old now: not due, nothing changes.
    let before = summary(&s.keys());
    let jwk = s.jwk("scheduled", 1);
    let out = s.run(&rotate(
        &jwk,
        &["--if-older-than", "90d", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("default: not due: the ACTIVE key has been active since "),
        "{err}"
    );
    assert!(
        err.contains("less than --if-older-than 90d; rotation is due at "),
        "{err}"
    );
    assert!(stdout(&out).contains("not due"), "{}", stdout(&out));
    assert_eq!(summary(&s.keys()), before);
    // Due: the rotation happens.
    let out = s.run(&rotate(
        &jwk,
        &["--if-older-than", "0s", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(s.keys()[2]["status"], "ACTIVE");
}

#[test]
fn detailed_exitcode_is_11_when_something_would_change_and_0_when_not() {
    let s = Sandbox::start(&[]);
    let jwk = s.jwk("pending", 1);
    let check = ["--dry-run", "--detailed-exitcode", "--token-lifetime", "1h"];
    let out = s.run(&rotate(&jwk, &check));
    assert_eq!(out.status.code(), Some(11), "{}", stderr(&out));
    assert_eq!(s.keys().len(), 1, "a dry run changes nothing");
    let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = s.run(&rotate(&jwk, &check));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without --dry-run it is a usage error; so is a bad duration.
    let out = s.run(&rotate(&jwk, &["--detailed-exitcode"]));
    assert_eq!(out.status.code(), Some(2));
    let out = s.run(&rotate(&jwk, &["--if-older-than", "90 days"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`90 days` is not a duration; write a number and a unit, e.g. 30s, 10m, 4h, 90d or 1h30m"),
        "{}",
        stderr(&out)
    );
}

// ---- rollback -------------------------------------------------------------------------

#[test]
fn rollback_reactivates_the_key_active_before_and_refuses_when_it_is_gone() {
    let s = Sandbox::start(&[]);
    let seed = s.keys()[0].clone();
    let seed_id = seed["id"].as_str().unwrap().to_string();
    let seed_kid = seed["kid"].as_str().unwrap().to_string();
    let jwk = s.jwk("new-1", 1);
    let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A staged key is never the one rolled back to.
    let staged = s.jwk("staged", 2);
    let out = s.run(&rotate(&staged, &["--stage", "--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = s.run(&["keys", "rollback", "--auth-server", "default", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "POST {}/api/v1/authorizationServers/default/resourceservercredentials/keys/{seed_id}/lifecycle/activate\n",
            s.served.base
        )
    );
    assert!(stderr(&out).starts_with(&format!(
        "Roll back default to key {seed_id} (kid {seed_kid}), ACTIVE until "
    )));
    assert_eq!(s.keys()[1]["status"], "ACTIVE", "a dry run changes nothing");

    let out = s.run(&["keys", "rollback", "--auth-server", "default"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        summary(&s.keys()),
        pairs(&[
            (&seed_kid, "ACTIVE"),
            ("new-1", "INACTIVE"),
            ("staged", "INACTIVE")
        ])
    );

    // Rotate on, deleting the old keys: nothing once active is left to roll back to.
    let out = s.run(&rotate(
        &staged,
        &["--delete-old", "--ignore-token-lifetime", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = s.run(&["keys", "rollback", "--auth-server", "default"]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        stderr(&out),
        "error: no key to roll back to on default: no INACTIVE key there was ever ACTIVE, so \
         the key that was ACTIVE before has been deleted. Nothing was changed\n  hint: rotate to \
         a new key instead (`oktakeys keys rotate`); `oktakeys keys list` shows each key's role\n"
    );
    assert_eq!(summary(&s.keys()), pairs(&[("staged", "ACTIVE")]));
}

// ---- two jobs at once -----------------------------------------------------------------

#[test]
fn two_rotations_started_together_end_with_one_active_key_and_delete_neither_key() {
    for round in 0..20 {
        let s = Sandbox::start(&["--latency", "30"]);
        let jobs: Vec<(String, std::process::Child)> = [("job-a", 1), ("job-b", 2)]
            .iter()
            .map(|(kid, i)| {
                let jwk = s.jwk(kid, *i);
                let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("oktakeys"))
                    .env_clear()
                    .env("HOME", s.env.home.path())
                    .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                    .env("OKTA_ORG_URL", &s.served.base)
                    .env("OKTA_API_TOKEN", TOKEN)
                    .current_dir(s.env.home.path())
                    .args(["--max-retries", "0"])
                    .args(rotate(
                        &jwk,
                        &[
                            "--delete-old",
                            "--ignore-token-lifetime",
                            "--yes",
                            "-o",
                            "json",
                        ],
                    ))
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                (kid.to_string(), child)
            })
            .collect();
        let mut added = Vec::new();
        for (kid, child) in jobs {
            let out = Run::from_output(child.wait_with_output().unwrap());
            let code = out.status.code();
            assert!(
                code == Some(0) || code == Some(13),
                "round {round}, {kid}: exit {code:?}: {}",
                out.stderr
            );
            let report: Value = serde_json::from_str(&out.stdout).unwrap();
            if let Some(id) = report[0]["added"].as_str() {
                added.push((kid.clone(), id.to_string()));
            }
            if code == Some(13) {
                assert_eq!(report[0]["error"]["exit_code"], 13);
                let err = &out.stderr;
                assert!(
                    !err.contains("error:"),
                    "-o json: the error is in the report: {err}"
                );
                let message = report[0]["error"]["message"].as_str().unwrap_or_default();
                assert!(
                    message.starts_with("another change is in progress on default: "),
                    "{report}"
                );
            }
        }
        let keys = s.keys();
        let active: Vec<&Value> = keys.iter().filter(|k| k["status"] == "ACTIVE").collect();
        assert_eq!(active.len(), 1, "round {round}: {keys:?}");
        let active_kid = active[0]["kid"].as_str().unwrap();
        assert!(
            ["job-a", "job-b"].contains(&active_kid),
            "round {round}: the active key {active_kid} was made by one of them"
        );
        for (kid, id) in &added {
            assert!(
                keys.iter().any(|k| k["id"] == id.as_str()),
                "round {round}: {kid}'s key {id} was deleted: {keys:?}"
            );
        }
        assert!(!added.is_empty(), "round {round}");
    }
}

/// A change under the run (the ACTIVE key is another one by the time of the activation)
/// stops it with exit 13, naming what changed and the resume command.
#[test]
fn a_changed_server_stops_the_run_with_13_and_the_resume_command() {
    let s = Sandbox::start(&[]);
    let jwk = s.jwk("mine", 1);
    let other = s.jwk("theirs", 2);
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    // The gate plays the other job: it rotates the server to another key.
    let gate = format!(
        "{} --max-retries 0 keys rotate --auth-server default --jwk {other} --token-lifetime 1h > /dev/null 2>&1",
        bin.display()
    );
    let out = s.run(&rotate(
        &jwk,
        &["--token-lifetime", "1h", "--activate-when", &gate],
    ));
    assert_eq!(out.status.code(), Some(13), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("error: default: another change is in progress on default: the ACTIVE key is now key apk"),
        "{err}"
    );
    assert!(
        err.contains("as planned; nothing more was changed"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "Re-run to complete the rotation (nothing is done twice):\n  oktakeys keys rotate --auth-server default --jwk {jwk} --activate-when"
        )),
        "{err}"
    );
    let keys = s.keys();
    let active: Vec<(String, String)> = summary(&keys)
        .into_iter()
        .filter(|(_, st)| st == "ACTIVE")
        .collect();
    assert_eq!(active, pairs(&[("theirs", "ACTIVE")]));
    assert!(summary(&keys).contains(&("mine".to_string(), "INACTIVE".to_string())));
}

// ---- real lifetimes: the sandbox's policies and rules ------------------------------------

/// Seconds since the epoch of Okta's `2026-12-01T16:32:01.000Z` (for the test's own check
/// of the arithmetic).
fn epoch_secs(ts: &str) -> i64 {
    let num = |r: std::ops::Range<usize>| ts[r].parse::<i64>().unwrap();
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * m + 2) / 5 + d - 1;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + num(11..13) * 3600 + num(14..16) * 60 + num(17..19)
}

/// A sandbox seeded as `sandbox serve ARGS` seeds it (policies and rules included), its
/// keys then aged to 2026-01-01 so that the keys the test makes are surely younger.
fn aged_sandbox(args: &[&str]) -> Sandbox {
    let env = TestEnv::new();
    let state = env.path("sandbox.json");
    let mut all = vec!["--state", state.to_str().unwrap()];
    all.extend_from_slice(args);
    let vars = [("OKTAKEYS_SANDBOX_TOKEN", TOKEN)];
    drop(serve(env.home.path(), &all, &vars));
    let mut saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    for key in saved["authorizationServers"]["default"]["keys"]
        .as_array_mut()
        .unwrap()
    {
        key["created"] = json!("2026-01-01T00:00:00.000Z");
        key["lastUpdated"] = json!("2026-01-01T00:00:00.000Z");
    }
    std::fs::write(&state, saved.to_string()).unwrap();
    let served = serve(env.home.path(), &all, &vars);
    Sandbox { env, served }
}

#[test]
fn retirement_windows_from_the_sandboxs_rules_with_different_lifetimes() {
    for minutes in [30i64, 90] {
        let s = aged_sandbox(&["--token-lifetime", &minutes.to_string()]);
        let seed = s.keys()[0]["id"].as_str().unwrap().to_string();
        let jwk = s.jwk("real", 1);
        // No --token-lifetime: the rules are read.
        let out = s.run(&rotate(&jwk, &["--delete-old", "--yes"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!stderr(&out).contains("assuming 24h"), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("keep {seed} (kid ")),
            "the just-deactivated key is kept: {}",
            stderr(&out)
        );
        let out = s.run(&[
            "keys",
            "list",
            "--auth-server",
            "default",
            "--retirement",
            "-o",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let keys: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
        let old = keys.iter().find(|k| k["id"] == seed.as_str()).unwrap();
        assert_eq!(old["_oktakeys"]["role"], "previous");
        let stopped = epoch_secs(old["lastUpdated"].as_str().unwrap());
        let retirable = epoch_secs(old["_oktakeys"]["retirableAt"].as_str().unwrap());
        assert_eq!(retirable - stopped, minutes * 60, "{old}");
        // Not retirable yet: a second --delete-old keeps it too.
        let out = s.run(&rotate(&jwk, &["--delete-old", "--yes", "-o", "json"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(out.json()[0]["deleted"], json!([]));
        assert_eq!(s.keys().len(), 2);
    }
}
