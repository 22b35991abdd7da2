//! `apply`: converges in the safe order through the rotation engine (add, gate, activate),
//! then encryption, verify and the retirement; idempotent (a second apply does nothing,
//! `plan --detailed-exitcode` then exits 0); confirmation; a server changed under the run
//! is exit 13 and the others go on; kill -9 at every step, then a converging re-run.

use super::*;
use crate::common::stderr;
use oktakeys_sandbox::{BUILTIN_CLIENT_ID, BUILTIN_CLIENT_SECRET};

/// payments-eu: its key from 2020 (a rotation is due), encryption off, and a previous key
/// long retired beyond max_inactive; payments-us: encrypted, nothing to do.
fn org() -> Org {
    let org = Org::start(&["payments-eu", "payments-us"], &["payments-us"]);
    org.age("payments-eu");
    org.okta.edit(|state| {
        let keys = state["authorizationServers"]["payments-eu"]["keys"]
            .as_array_mut()
            .unwrap();
        let mut old = keys[0].clone();
        old["id"] = "apkOld".into();
        old["kid"] = "kid-old".into();
        old["n"] = crate::common::modulus(2048, 77).into();
        old["status"] = "INACTIVE".into();
        old["created"] = "2019-01-01T00:00:00.000Z".into();
        old["lastUpdated"] = "2019-06-01T00:00:00.000Z".into();
        keys.insert(0, old);
    });
    org.policy(&format!(
        "[defaults]
encryption = \"RSA-OAEP-256\"
rotate_after = \"90d\"
max_inactive = 1
private_key_command = \"umask 077; mkdir -p keys; cat > keys/$OKTAKEYS_AUTH_SERVER-$OKTAKEYS_NEW_KID.pem\"

[defaults.verify]
client_id = \"{BUILTIN_CLIENT_ID}\"
scope = [\"api:read\"]
secret_env = \"APP_SECRET\"

[[servers]]
name_globs = [\"payments-*\"]
"
    ));
    org
}

impl Org {
    fn apply(&self, extra: &[&str]) -> Run {
        let mut cmd = self.cmd();
        cmd.env("APP_SECRET", BUILTIN_CLIENT_SECRET)
            .args(["apply", "--yes", "-o", "json"])
            .args(extra);
        crate::common::run(&mut cmd)
    }

    /// `(id, kid, status)` of payments-eu's keys.
    fn eu(&self) -> Vec<(String, String, String)> {
        self.okta.keys("payments-eu")
    }

    fn encryption(&self, server: &str) -> Value {
        let out = self.run(&["servers", "get", server, "-o", "json"]);
        out.json()["accessTokenEncryptedResponseAlgorithm"].clone()
    }

    /// Converged: one new ACTIVE key whose private key was stored, the key it replaced
    /// kept INACTIVE, the old previous key deleted, encryption on; nothing left to do.
    fn assert_converged(&self, seed: &str) {
        let keys = self.eu();
        let active: Vec<_> = keys.iter().filter(|k| k.2 == "ACTIVE").collect();
        assert_eq!(active.len(), 1, "{keys:?}");
        assert_ne!(active[0].0, seed, "{keys:?}");
        let stored = self
            .env
            .path(&format!("keys/payments-eu-{}.pem", active[0].1));
        assert!(
            stored.exists(),
            "no private key for the ACTIVE kid: {keys:?}"
        );
        assert_eq!(
            keys.iter()
                .map(|k| (k.0.as_str(), k.2.as_str()))
                .filter(|k| k.1 == "INACTIVE")
                .collect::<Vec<_>>(),
            [(seed, "INACTIVE")],
            "{keys:?}"
        );
        assert_eq!(self.encryption("payments-eu"), "RSA-OAEP-256");
        let out = self.run(&["plan", "--detailed-exitcode"]);
        assert_eq!(out.status.code(), Some(0), "{out}");
    }
}

#[test]
fn apply_converges_in_the_safe_order_and_a_second_apply_does_nothing() {
    let org = org();
    let seed = org.eu().iter().find(|k| k.2 == "ACTIVE").unwrap().0.clone();
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let report = out.json();
    assert_eq!(report[0]["id"], "payments-eu");
    assert_eq!(report[0]["result"], "applied");
    let done: Vec<&str> = report[0]["done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(done.len(), 5, "{done:?}");
    assert!(
        done[0].starts_with("added apk") && done[1].starts_with("activated apk"),
        "{done:?}"
    );
    assert_eq!(
        done[2..],
        ["encryption RSA-OAEP-256", "verified", "deleted apkOld"]
    );
    assert_eq!(report[1]["result"], "unchanged");
    assert!(
        stderr(&out).contains("the new private key opens it"),
        "{out}"
    );
    // The safe order, as Okta saw it: add, activate, encryption, the token, then delete.
    let changes: Vec<String> = org
        .okta
        .log()
        .into_iter()
        .filter(|l| !l.starts_with("GET "))
        .map(|l| {
            l.split('/').take(3).collect::<Vec<_>>().join("/")
                + if l.contains("activate") {
                    " activate"
                } else {
                    ""
                }
        })
        .collect();
    assert_eq!(
        changes,
        [
            "POST /as/payments-eu",
            "POST /as/payments-eu activate",
            "PUT /as/payments-eu",
            "POST /oauth2/payments-eu",
            "DELETE /as/payments-eu",
        ],
        "{:?}",
        org.okta.log()
    );
    org.assert_converged(&seed);

    // Idempotent: nothing sent but reads.
    org.okta.clear_log();
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    assert_eq!(out.json()[0]["result"], "unchanged");
    assert!(
        org.okta.log().iter().all(|l| l.starts_with("GET ")),
        "{:?}",
        org.okta.log()
    );
}

#[test]
fn apply_asks_and_without_a_terminal_or_yes_changes_nothing() {
    let org = org();
    let before = org.eu();
    let out = org.run(&["apply"]);
    assert_eq!(out.status.code(), Some(9), "{out}");
    assert!(stderr(&out).contains("Plan at "), "{out}");
    assert!(
        stderr(&out).contains("not applying: confirmation needed"),
        "{out}"
    );
    assert!(stderr(&out).contains("--yes"), "{out}");
    assert_eq!(org.eu(), before);
}

#[test]
fn a_server_changed_under_the_run_is_exit_13_and_the_others_go_on() {
    let org = org();
    // payments-us needs encryption changed too, so both servers have work.
    let bin = env!("CARGO_BIN_EXE_oktakeys");
    let policy = std::fs::read_to_string(org.env.path("oktakeys.toml")).unwrap();
    org.policy(&format!(
        "{policy}\n[[servers]]\nnames = [\"payments-us\"]\nencryption = \"RSA-OAEP-512\"\n\n\
         [[servers]]\nnames = [\"payments-eu\"]\n\
         activate_when = \"{bin} --max-retries 0 keys activate --auth-server payments-eu apkOld >/dev/null 2>&1; true\"\n"
    ));
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(13), "{out}");
    let report = out.json();
    assert_eq!(report[0]["result"], "failed");
    assert_eq!(report[0]["error"]["exit_code"], 13);
    assert!(
        report[0]["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("another change is in progress on payments-eu")
            || stderr(&out).contains("another change is in progress on payments-eu"),
        "{out}"
    );
    assert_eq!(report[1]["result"], "applied", "{report}");
    assert!(
        stderr(&out).contains("then run apply again (it plans from what Okta holds; nothing is done twice):\n  oktakeys apply --yes --file oktakeys.toml\n"),
        "{out}"
    );
    assert_eq!(org.encryption("payments-us"), "RSA-OAEP-512");
    // Nothing after the change: payments-eu's encryption is still off, apkOld not deleted.
    assert_eq!(org.encryption("payments-eu"), Value::Null);
    assert!(org.eu().iter().any(|k| k.0 == "apkOld"));
}

/// kill -9 while each change is in flight (before Okta carries it out, or after, with its
/// answer lost), then `apply` again: it converges, and no key is added twice.
#[test]
fn killed_at_every_step_the_next_apply_converges_with_nothing_done_twice() {
    for (step, after) in [
        (
            "POST /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys",
            false,
        ),
        (
            "POST /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys",
            true,
        ),
        ("/lifecycle/activate", false),
        ("/lifecycle/activate", true),
        ("PUT /api/v1/authorizationServers/payments-eu", true),
        ("/oauth2/payments-eu/v1/token", true),
        (
            "DELETE /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys/apkOld",
            false,
        ),
        (
            "DELETE /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys/apkOld",
            true,
        ),
    ] {
        let org = org();
        let seed = org.eu().iter().find(|k| k.2 == "ACTIVE").unwrap().0.clone();
        org.apply_killed_at(step, after, &[("APP_SECRET", BUILTIN_CLIENT_SECRET)]);

        let out = org.apply(&[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{step} (after: {after}):\n{out}"
        );
        org.assert_converged(&seed);
        // One key added in all: the re-run took up a key the killed run had added.
        let adds = org
            .okta
            .log()
            .iter()
            .filter(|l| l.starts_with("POST /as/payments-eu/keys") && !l.contains("lifecycle"))
            .count();
        let expected = if step.starts_with("POST") && !after {
            2
        } else {
            1
        };
        assert_eq!(
            adds,
            expected,
            "{step} (after: {after}): {:?}",
            org.okta.log()
        );
        assert_eq!(org.eu().len(), 2, "{step}: {:?}", org.eu());
    }
}

/// Scale: an apply that rotates a server makes no more requests for it than `keys rotate`
/// does for another (each: the keys, the policies and rules, then a look before each
/// change and after the activation).
#[test]
fn a_rotating_apply_makes_no_more_requests_per_server_than_keys_rotate() {
    let org = Org::start(&["aus1", "aus2"], &[]);
    org.policy(
        "[defaults]\nrotate_after = \"0s\"\nkey_bits = 2048\nprivate_key_command = \"cat > /dev/null\"\n\
         [[servers]]\nids = [\"aus1\"]\n",
    );
    let out = org.run(&["apply", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let of = |server: &str| {
        org.okta
            .log()
            .into_iter()
            .filter(|l| {
                l.contains(&format!("/as/{server}/")) || l.ends_with(&format!("/as/{server}"))
            })
            .collect::<Vec<_>>()
    };
    let applied = of("aus1");
    let jwk = org.env.path("new.json");
    let out = org.run(&[
        "keys",
        "generate",
        "--bits",
        "2048",
        "--kid",
        "n",
        "--private-key-out",
        "n.pem",
    ]);
    std::fs::write(&jwk, &out.stdout).unwrap();
    let out = org.run(&[
        "keys",
        "rotate",
        "--auth-server",
        "aus2",
        "--jwk",
        jwk.to_str().unwrap(),
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let rotated = of("aus2");
    assert_eq!(applied.len(), 8, "{applied:?}");
    assert_eq!(
        applied
            .iter()
            .map(|l| l.replace("aus1", "S"))
            .filter(|l| !l.contains("lifecycle") && !l.contains("/rules"))
            .collect::<Vec<_>>(),
        rotated
            .iter()
            .map(|l| l.replace("aus2", "S"))
            .filter(|l| !l.contains("lifecycle") && !l.contains("/rules"))
            .collect::<Vec<_>>(),
    );
    assert_eq!(applied.len(), rotated.len(), "{applied:?}\n{rotated:?}");
}

/// The gate: closed, the new key stays INACTIVE (exit 12); once it opens, the next apply
/// activates that very key (no second add) and converges.
#[test]
fn a_closed_gate_stops_before_the_activation_and_the_next_apply_takes_up_the_staged_key() {
    let org = org();
    let seed = org.eu().iter().find(|k| k.2 == "ACTIVE").unwrap().0.clone();
    let policy = std::fs::read_to_string(org.env.path("oktakeys.toml")).unwrap();
    org.policy(&policy.replace(
        "[defaults.verify]",
        "activate_when = \"test -e gate-open\"\ngate_interval = \"1s\"\ngate_timeout = \"1s\"\n\n[defaults.verify]",
    ));
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(12), "{out}");
    let keys = org.eu();
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(
        keys.iter().any(|k| k.0 == seed && k.2 == "ACTIVE"),
        "{keys:?}"
    );
    std::fs::write(org.env.path("gate-open"), "").unwrap();
    let plan = org.plan_json(0);
    assert!(
        Org::actions(&plan)[0][0].starts_with("activate apk"),
        "{plan}"
    );
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    org.assert_converged(&seed);
    let adds = org
        .okta
        .log()
        .iter()
        .filter(|l| l.starts_with("POST /as/payments-eu/keys") && !l.contains("lifecycle"))
        .count();
    assert_eq!(adds, 1);
}

/// Verify comes before the retirement: when it cannot run, nothing is deleted.
#[test]
fn a_failed_verify_stops_before_anything_is_retired() {
    let org = org();
    let mut cmd = org.cmd();
    cmd.args(["apply", "--yes", "-o", "json"]); // APP_SECRET not set
    let out = crate::common::run(&mut cmd);
    assert_eq!(out.status.code(), Some(3), "{out}");
    assert_eq!(out.json()[0]["error"]["exit_code"], 3);
    assert!(
        stderr(&out)
            .contains("verify: no client secret: the environment variable APP_SECRET is not set"),
        "{out}"
    );
    // Rotated and encrypted, but apkOld is still there.
    assert!(org.eu().iter().any(|k| k.0 == "apkOld"), "{:?}", org.eu());
    assert_eq!(org.encryption("payments-eu"), "RSA-OAEP-256");
    let out = org.apply(&[]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    assert!(!org.eu().iter().any(|k| k.0 == "apkOld"));
}
