//! Two jobs at once: re-read before every change, exit 13, never delete an unseen key.

use super::*;
use std::process::Stdio;

use crate::common::{Run, TOKEN, stderr};

// ---- two jobs at once -----------------------------------------------------------------

/// Each job deletes the old INACTIVE key it saw, and neither deletes the other's key: not
/// one it never saw, nor one it saw ACTIVE seconds ago (its tokens live for the hour).
/// (With `--ignore-token-lifetime`, a job that starts after the other's activation deletes
/// that key, as asked: this test keeps the retirement rule.)
#[test]
fn two_rotations_started_together_end_with_one_active_key_and_delete_neither_key() {
    for round in 0..20 {
        let old = json!({
            "id": "apkOLDoldOLDoldOLDo1", "kid": "old", "kty": "RSA", "use": "enc",
            "e": "AQAB", "n": MODULI[3], "status": "INACTIVE",
            "created": "2025-12-01T00:00:00.000Z", "lastUpdated": "2026-01-01T00:00:00.000Z"
        });
        let s = Sandbox::start_holding(vec![old], &["--latency", "30"], &[]);
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
                            "--token-lifetime",
                            "1h",
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
        // At least one job ran to its end, deleting the old key both saw.
        assert!(
            !keys.iter().any(|k| k["kid"] == "old"),
            "round {round}: {keys:?}"
        );
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
