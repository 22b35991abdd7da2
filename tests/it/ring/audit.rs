//! `keys audit --ring` (a ring out of step is an error finding, exit 11; a prunable key a
//! warning) and `oktakeys doctor` with a ring configured (one ring line per server).

use super::*;
use crate::common::stderr;

fn import(r: &RingEnv, names: &[&str]) {
    let files: Vec<String> = names.iter().map(|n| r.key_file(n)).collect();
    let out = r.ring(
        "import",
        &files.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(out.code(), Some(0), "{out}");
}

fn audit(r: &RingEnv, extra: &[&str]) -> Run {
    let ring = r.ring_path().display().to_string();
    let mut args = vec![
        "keys",
        "audit",
        "--auth-server",
        "ausRing",
        "--token-lifetime",
        "30m",
        "--ring",
        &ring,
        "-o",
        "json",
    ];
    args.extend_from_slice(extra);
    r.run(&args)
}

/// The `(code, severity)` of each ring finding of the one server audited.
fn ring_findings(out: &Run) -> Vec<(String, String, String)> {
    out.json()["servers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("ring-"))
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn audit_fails_on_a_ring_out_of_step_and_warns_of_prunable_keys() {
    let r = RingEnv::start();
    r.usual();
    // Tokens live 30 minutes: `cur` and `next` are needed, `prev` and `old` retirable.
    import(&r, &["a"]);
    let out = audit(&r, &[]);
    assert_eq!(out.code(), Some(11), "{out}");
    let found = ring_findings(&out);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("ring-out-of-step", "error")
    );
    assert!(
        found[0]
            .2
            .contains("lacks kid next (next, key apknext): a resource server loading it"),
        "{found:?}"
    );
    assert!(
        found[0]
            .2
            .contains("keys ring import --auth-server ausRing --ring"),
        "{found:?}"
    );
    // Without a ring, the same server passes: the finding is the ring's.
    let out = r.run(&[
        "keys",
        "audit",
        "--auth-server",
        "ausRing",
        "--token-lifetime",
        "30m",
    ]);
    assert_eq!(out.code(), Some(0), "{out}");

    // In step; a key Okta no longer needs is a warning (exit 11 only with --strict).
    import(&r, &["b", "d"]);
    let out = audit(&r, &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    let found = ring_findings(&out);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.0.as_str(), f.1.as_str()))
            .collect::<Vec<_>>(),
        [("ring-prunable", "warning")],
        "{found:?}"
    );
    assert!(found[0].2.contains("still holds kid old"), "{found:?}");
    assert_eq!(audit(&r, &["--strict"]).code(), Some(11));
    assert_no_private_member(&format!("{out}"));

    // A ring that cannot be read: that server's failure (exit 3), reported.
    set_mode(&r.ring_path(), 0o644);
    let out = audit(&r, &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("chmod 600"), "{out}");
}

#[test]
fn doctor_shows_each_server_s_ring_status() {
    let r = RingEnv::start();
    r.usual();
    import(&r, &["a", "b"]);
    let ring = r.ring_path().display().to_string();
    let doctor = |ring: &str| {
        crate::common::run(
            r.cmd()
                .env("OKTAKEYS_RING", ring)
                .args(["doctor", "-o", "json"]),
        )
    };
    // Tokens live 24h for doctor: `prev` (deactivated an hour ago) is still needed.
    let out = doctor(&ring);
    assert_eq!(out.code(), Some(0), "warnings only: {out}");
    let rings: Vec<(String, String)> = out.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["check"] == "ring")
        .map(|c| {
            (
                c["status"].as_str().unwrap().to_string(),
                c["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let ours: Vec<&(String, String)> = rings
        .iter()
        .filter(|(_, d)| d.starts_with("ausRing: "))
        .collect();
    assert_eq!(ours.len(), 1, "{rings:?}");
    assert_eq!(ours[0].0, "warn", "{rings:?}");
    assert!(
        ours[0].1.contains("lacks kid prev (previous)")
            && ours[0]
                .1
                .contains("keys ring check --auth-server ausRing --ring"),
        "{rings:?}"
    );
    import(&r, &["c"]);
    let out = doctor(&ring);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.contains("ausRing: the ring file"), "{out}");
    let line = out.json()["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "ring" && c["detail"].as_str().unwrap().starts_with("ausRing"))
        .cloned()
        .unwrap();
    assert_eq!(line["status"], "ok", "{line}");
    assert!(
        line["detail"]
            .as_str()
            .unwrap()
            .contains("holds all 3 key(s) whose tokens may be alive"),
        "{line}"
    );
    // No ring configured: no ring line.
    let out = crate::common::run(r.cmd().args(["doctor", "-o", "json"]));
    assert!(
        !out.json()["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["check"] == "ring"),
        "{out}"
    );
}
