//! End to end: `oktakeys keys rotate` against the sandbox, as a CI job runs it: a spawned
//! `oktakeys sandbox serve` (with a failure injected between add and activate) and the
//! built-in `sandbox` profile.

use std::process::Stdio;

use crate::common::sandbox::*;
use serde_json::Value;

/// The end-to-end setup; every run without retries, so an injected failure stops it.
struct E2e(ServedEnv);

impl std::ops::Deref for E2e {
    type Target = ServedEnv;
    fn deref(&self) -> &ServedEnv {
        &self.0
    }
}

impl E2e {
    fn start(args: &[&str]) -> Self {
        E2e(ServedEnv::start(args))
    }

    fn run(&self, args: &[&str]) -> Run {
        self.cmd_with_token(TOKEN)
            .args(["--max-retries", "0"])
            .args(args)
            .run()
    }

    fn keys(&self, server: &str) -> Vec<Value> {
        let out = self.run(&["keys", "list", "--auth-server", server, "-o", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    }
}

/// `(kid, status)` of each key, in the server's order.
fn summary(keys: &[Value]) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| {
            (
                k["kid"].as_str().unwrap_or("").to_string(),
                k["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn failure_between_add_and_activate_then_a_rerun_completes() {
    // Request 1 lists, 2 lists again, 3 adds, 4 lists again, 5 activates: the fifth
    // request fails with a 500.
    let e = E2e::start(&["--fail-requests", "5"]);
    let jwk = e.jwk_file("new.json", "2026-11-enc", 5);
    let rotate = [
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--jwk",
        &jwk,
        "--delete-old",
        "--ignore-token-lifetime",
        "--yes",
    ];

    let failed = e.run(&rotate);
    assert_eq!(failed.status.code(), Some(8), "{}", failed.stderr.clone());
    let stderr = failed.stderr.clone();
    assert!(stderr.contains("default now holds:"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "Re-run to complete the rotation (nothing is done twice):\n  oktakeys keys rotate \
             --auth-server default --jwk {jwk} --delete-old --ignore-token-lifetime --yes\n"
        )),
        "{stderr}"
    );
    // The old key is still the active one: the server kept working.
    let keys = e.keys("default");
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0]["status"], "ACTIVE");
    assert_eq!(
        (keys[1]["kid"].as_str(), keys[1]["status"].as_str()),
        (Some("2026-11-enc"), Some("INACTIVE"))
    );
    let new_id = keys[1]["id"].as_str().unwrap().to_string();

    let resumed = e.run(&rotate);
    assert_eq!(resumed.status.code(), Some(0), "{}", resumed.stderr.clone());
    assert!(resumed.stderr.clone().contains(&format!(
        "  1. use key {new_id} (kid 2026-11-enc), already added INACTIVE\n"
    )));
    let keys = e.keys("default");
    assert_eq!(summary(&keys), pairs(&[("2026-11-enc", "ACTIVE")]));
    assert_eq!(
        keys[0]["id"],
        new_id.as_str(),
        "the key added by the first run"
    );
    assert_eq!(keys[0]["n"], MODULI[5]);

    // A third run has nothing to do.
    let again = e.run(
        &["-o", "json"]
            .iter()
            .chain(rotate.iter())
            .copied()
            .collect::<Vec<_>>(),
    );
    assert_eq!(again.status.code(), Some(0), "{}", again.stderr.clone());
    let report: Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(report[0]["result"], "unchanged");
    assert_eq!(report[0]["active_key"], new_id.as_str());
}

#[test]
fn several_servers_a_full_one_and_the_report() {
    let e = E2e::start(&["--auth-server", "ausA", "--auth-server", "ausB"]);
    // Fill ausB to Okta's maximum of 5 keys, each activated in turn: four previous keys
    // (keys never activated would be next keys, which no retention deletes).
    for i in 0..4 {
        let jwk = e.jwk_file(&format!("fill{i}.json"), &format!("fill-{i}"), i + 1);
        let out = e.run(&[
            "keys",
            "add",
            "--auth-server",
            "ausB",
            "--jwk",
            &jwk,
            "-o",
            "id",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", out.stderr.clone());
        let id = out.stdout.trim().to_string();
        let out = e.run(&["keys", "activate", "--auth-server", "ausB", &id]);
        assert_eq!(out.status.code(), Some(0), "{}", out.stderr.clone());
    }
    let jwk = e.jwk_file("new.json", "2026-11-enc", 6);
    let base = [
        "keys",
        "rotate",
        "--auth-server",
        "ausA",
        "--auth-server",
        "ausB",
        "--jwk",
        &jwk,
        "--ignore-token-lifetime",
    ];

    // Without deletion, ausB is refused (exit 6: Okta refuses the add for its key limit)
    // and left alone; ausA is rotated.
    let out = e.run(&[&base[..], &["-o", "json"]].concat());
    assert_eq!(out.status.code(), Some(6), "{}", out.stderr.clone());
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report[0]["auth_server"], "ausA");
    assert_eq!(report[0]["result"], "rotated");
    assert_eq!(report[0]["deactivated"].as_array().unwrap().len(), 1);
    assert_eq!(report[1]["result"], "refused");
    assert_eq!(report[1]["error"]["exit_code"], 6);
    assert_eq!(e.keys("ausB").len(), 5);
    assert_eq!(e.keys("ausA")[1]["status"], "ACTIVE");

    // With --keep 1 the oldest previous key makes room when Okta refuses the add, the
    // other old keys go after the activation, the previous active key stays.
    let out = e.run(&[&base[..], &["--keep", "1", "--yes", "-o", "json"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr.clone());
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report[0]["result"], "unchanged");
    assert_eq!(report[1]["result"], "rotated");
    assert_eq!(report[1]["deleted"].as_array().unwrap().len(), 4);
    assert_eq!(report[1]["kept"].as_array().unwrap().len(), 1);
    let keys = e.keys("ausB");
    assert_eq!(keys.len(), 2);
    assert_eq!(
        summary(&keys)
            .into_iter()
            .filter(|(_, s)| s == "ACTIVE")
            .collect::<Vec<_>>(),
        pairs(&[("2026-11-enc", "ACTIVE")])
    );
    let ausa = e.keys("ausA");
    assert_eq!(
        summary(&ausa)
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>(),
        ["INACTIVE", "ACTIVE"],
        "--keep 1 keeps ausA's previous key"
    );
}

#[test]
fn generate_on_the_built_in_sandbox_profile() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        oktakeys(home.path())
            .current_dir(home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .args(["--profile", "sandbox"])
            .args(args)
            .stdin(Stdio::null())
            .run()
    };
    let out = run(&[
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--generate",
        "--private-key-out",
        "enc-1.pem",
        "--bits",
        "2048",
        "--kid",
        "enc-1",
        "--delete-old",
        "--ignore-token-lifetime",
        "--yes",
        "-o",
        "id",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr.clone());
    let active_id = out.stdout.clone().trim().to_string();

    let listed = run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    let keys: Vec<Value> = serde_json::from_str(&listed.stdout).unwrap();
    assert_eq!(summary(&keys), pairs(&[("enc-1", "ACTIVE")]));
    assert_eq!(keys[0]["id"], active_id.as_str());
    // What Okta holds is the public half of the key in the file, and the file is private.
    let pem = std::fs::read(home.path().join("enc-1.pem")).unwrap();
    let public = keymaterial::pem::from_pem_bytes(&pem, "enc-1.pem").unwrap();
    assert_eq!(keys[0]["n"], public.n.as_str());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(home.path().join("enc-1.pem"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Ctrl-C in the middle of a rotation: exit 130 with where the server stands and the
/// command that finishes the job; running that command completes the rotation.
#[test]
fn ctrl_c_mid_rotation_says_how_to_resume_and_the_resume_completes() {
    // Each request takes 400 ms, so the rotation is surely under way after the first.
    let e2e = E2e::start(&["--latency", "400"]);
    let jwk = e2e.jwk_file("new.json", "2026-12", 3);
    let args = [
        "keys",
        "rotate",
        "--auth-server",
        "default",
        "--jwk",
        &jwk,
        "--delete-old",
        "--ignore-token-lifetime",
        "--yes",
    ];
    for json_output in [false, true] {
        let child = oktakeys(e2e.home.path())
            .current_dir(e2e.home.path())
            .env("OKTA_ORG_URL", &e2e.served.base)
            .env("OKTA_API_TOKEN", TOKEN)
            .args(args)
            .args(if json_output {
                &["-o", "json"][..]
            } else {
                &[][..]
            })
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(600));
        let sent = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let out = Run::from_output(child.wait_with_output().unwrap());
        let err = out.stderr.clone();
        assert_eq!(out.status.code(), Some(130), "{err}");
        let resume = format!(
            "oktakeys keys rotate --auth-server default --jwk {jwk} --delete-old --ignore-token-lifetime --yes"
        );
        if json_output {
            let last = err.lines().last().unwrap_or_default();
            let reported: Value = serde_json::from_str(last).expect("the error is one JSON line");
            assert_eq!(reported["error"]["exit_code"], 130);
            assert!(
                reported["error"]["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("interrupted while rotating default")
            );
            assert!(
                reported["error"]["hint"]
                    .as_str()
                    .unwrap()
                    .ends_with(&resume),
                "{err}"
            );
        } else {
            assert!(
                err.contains(
                    "error: interrupted while rotating default: Okta may hold the new key"
                ),
                "{err}"
            );
            assert!(
                err.contains(&format!(
                    "  hint: re-run to complete the rotation (nothing is done twice): {resume}"
                )),
                "{err}"
            );
        }
    }
    // The resume command completes the rotation without duplicating anything.
    let done = e2e.run(&args);
    // On a failure, what the sandbox itself said (it once could not be reached here).
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}\nsandbox serve's stderr:\n{}",
        done.stderr,
        std::fs::read_to_string(&e2e.served.stderr_path).unwrap_or_default()
    );
    assert_eq!(
        summary(&e2e.keys("default")),
        pairs(&[("2026-12", "ACTIVE")])
    );
}
