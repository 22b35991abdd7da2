//! Stage, then activate; the gate; the private key handed to a command or encrypted.

use super::*;
use crate::common::{TestEnv, stderr, stdout};
use httpmock::prelude::*;

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
        "error: --private-key-command exited with status 4; the new key was not stored, so \
         nothing was sent to Okta: the server's keys are unchanged\n  hint: fix the command so \
         it reads the PEM on its stdin to the end and exits 0 only once the key is stored, then \
         run the same command again; add --activate-when to prove the resource server holds \
         the key before it is activated\n"
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
        // And by `keys rotate --pem` and `keys match --private-key` (the resource
        // server's key), against the sandbox.
        let sandbox = Sandbox::start(&[]);
        let pem_path = env.path(file).display().to_string();
        let with_pass = |args: &[&str]| {
            let mut cmd = sandbox.cmd();
            cmd.env("OKTAKEYS_KEY_PASSPHRASE", "correct horse");
            crate::common::run(cmd.args(args))
        };
        let out = with_pass(&[
            "keys",
            "rotate",
            "--auth-server",
            "default",
            "--pem",
            &pem_path,
            "--kid",
            "enc",
            "--token-lifetime",
            "1h",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let out = with_pass(&[
            "keys",
            "match",
            "--auth-server",
            "default",
            "--private-key",
            &pem_path,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let out = sandbox.run(&[
            "keys",
            "match",
            "--auth-server",
            "default",
            "--private-key",
            &pem_path,
        ]);
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(stderr(&out).contains("is encrypted, and there is no terminal"));

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
