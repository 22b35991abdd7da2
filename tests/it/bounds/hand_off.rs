//! Item 5: a private key handed to `--private-key-command` counts only when the command
//! read all of it and exited 0; otherwise nothing is sent to Okta.

use super::*;

/// Item 5: a command that exits 0 without reading the key (`echo stored-ok`), or reading
/// only part of it, stops the rotation before the add (exit 3), saying Okta is unchanged.
#[test]
fn item5_a_command_that_did_not_read_the_whole_key_stops_before_the_add() {
    let s = ServedEnv::start(&[]);
    let before = s.run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    assert_eq!(before.code(), Some(0), "{before}");
    for command in ["echo stored-ok", "head -c 100 >/dev/null"] {
        let out = s.run(&[
            "keys",
            "rotate",
            "--auth-server",
            "default",
            "--generate",
            "--bits",
            "2048",
            "--kid",
            "handed",
            "--private-key-command",
            command,
        ]);
        assert_eq!(out.code(), Some(3), "{command}: {out}");
        let err = stderr(&out);
        assert!(
            err.contains(
                "error: --private-key-command exited 0 without reading the whole private key \
                 from its stdin, so it cannot have stored it; the new key was not stored, so \
                 nothing was sent to Okta: the server's keys are unchanged"
            ),
            "{command}: {err}"
        );
        assert!(err.contains("--activate-when"), "{err}");
        assert!(!err.contains("Handed the new"), "{err}");
        let after = s.run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
        assert_eq!(after.stdout, before.stdout, "{command}: Okta changed");
    }
    // Reading it all and exiting 0 is a hand-off.
    let out = s.run(&[
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--generate",
        "--bits",
        "2048",
        "--kid",
        "handed",
        "--token-lifetime",
        "1h",
        "--private-key-command",
        "cat > stored.pem",
    ]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("Handed the new 2048-bit private key"),
        "{out}"
    );
}

/// Item 5: `keys generate` prints no public key for a key the command did not read.
#[test]
fn item5_keys_generate_prints_no_public_key_for_an_unread_key() {
    let env = TestEnv::new();
    let out = run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k1",
        "--bits",
        "2048",
        "--private-key-command",
        "echo stored-ok",
    ]));
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(out.stdout.is_empty(), "{out}");
    assert!(
        stderr(&out).contains("without reading the whole private key from its stdin"),
        "{out}"
    );
}

/// Item 5: `keys rotate --help` says that a gate is how to prove the resource server
/// holds the key.
#[test]
fn item5_rotate_help_says_a_gate_proves_the_resource_server_holds_the_key() {
    let out = run(TestEnv::new().cmd().args(["keys", "rotate", "--help"]));
    assert_eq!(out.code(), Some(0));
    let help = stdout(&out).replace('\n', " ");
    assert!(
        help.contains("the hand-off counts only when the command read the whole key and exited 0"),
        "{help}"
    );
    assert!(
        help.contains("a gate (--activate-when) that checks it can decrypt is how to prove that before activation"),
        "{help}"
    );
}
