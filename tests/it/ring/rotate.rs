//! `keys rotate --ring`: the new key's private half is in the ring (read back) before Okta
//! gets its public half; a key Okta deleted leaves the ring; no request is added; a run
//! killed anywhere leaves a ring holding every key still needed, and its printed resume
//! command completes it.

use super::*;
use crate::common::{TOKEN, oktakeys, stderr};

const ADD: &str = "POST /api/v1/authorizationServers/ausRing/resourceservercredentials/keys";

/// `cur` (fixture a) ACTIVE for ten days, `old` (d) deactivated ten days ago: retirable
/// with tokens living 1h. The ring holds both private halves.
fn seeded(r: &RingEnv, ring_args: &[&str]) {
    r.sandbox.server_keys(
        "ausRing",
        vec![
            okta_key("d", "old", "INACTIVE", &at(-30 * 86_400), &at(-10 * 86_400)),
            okta_key("a", "cur", "ACTIVE", &at(-20 * 86_400), &at(-10 * 86_400)),
        ],
    );
    if ring_args.is_empty() {
        r.sandbox.clear_log();
        return;
    }
    let (a, d) = (r.key_file("a"), r.key_file("d"));
    let mut args = vec!["keys", "ring", "import", "--auth-server", "ausRing"];
    args.extend_from_slice(ring_args);
    args.extend([a.as_str(), d.as_str()]);
    let out = r.run(&args);
    assert_eq!(out.code(), Some(0), "{out}");
    r.sandbox.clear_log();
}

const ROTATE: [&str; 9] = [
    "keys",
    "rotate",
    "--auth-server",
    "ausRing",
    "--generate",
    "--delete-old",
    "--token-lifetime",
    "1h",
    "--yes",
];

fn kids_of(text: &str) -> Vec<String> {
    let jwks: Value = serde_json::from_str(text).unwrap();
    let mut kids: Vec<String> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect();
    kids.sort();
    kids
}

/// The kid of the one ACTIVE key, and Okta's kids (sorted).
fn okta(r: &RingEnv) -> (String, Vec<String>) {
    let keys = r.sandbox.keys("ausRing");
    let active = keys.iter().find(|k| k.2 == "ACTIVE").unwrap().1.clone();
    let mut kids: Vec<String> = keys.into_iter().map(|k| k.1).collect();
    kids.sort();
    (active, kids)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn rotate_with_a_ring_keeps_exactly_next_current_and_previous_and_adds_no_request() {
    // The same rotation without a ring: the requests to compare with.
    let plain = RingEnv::start();
    seeded(&plain, &[]);
    plain.sandbox.name_next_keys(&["apknew"]);
    let out_file = plain.env.path("new.pem").display().to_string();
    let mut args = ROTATE.to_vec();
    args.extend(["--private-key-out", &out_file]);
    let out = plain.run(&args);
    assert_eq!(out.code(), Some(0), "{out}");
    let without_ring = plain.sandbox.log();
    // --generate needs somewhere to keep the private key: a ring, a file or a command.
    plain.sandbox.clear_log();
    let out = plain.run(&ROTATE);
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(stderr(&out).contains("a ring (--ring PATH"), "{out}");
    assert!(plain.sandbox.log().is_empty(), "{:?}", plain.sandbox.log());

    let r = RingEnv::start();
    let ring = r.ring_path().display().to_string();
    seeded(&r, &["--ring", &ring]);
    r.sandbox.name_next_keys(&["apknew"]);
    let mut args = ROTATE.to_vec();
    args.extend(["--ring", &ring]);
    let out = r.run(&args);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(r.sandbox.log(), without_ring, "a ring adds no request");
    let (active, kids) = okta(&r);
    assert_eq!(kids, sorted(vec!["cur".into(), active.clone()]), "{out}");
    // Exactly current (the new key) and previous (cur, within its retirement); old,
    // deleted in Okta, left the ring.
    let text = std::fs::read_to_string(r.ring_path()).unwrap();
    assert_eq!(kids_of(&text), kids);
    assert_eq!(mode(&r.ring_path()), 0o600);
    let err = stderr(&out);
    let put = err
        .find(&format!(
            "put the new key's private half (kid {active}) into the ring file"
        ))
        .unwrap_or_else(|| panic!("{out}"));
    let added = err.find("added key").unwrap();
    assert!(put < added, "the ring is written before the add:\n{out}");
    assert!(err.contains("took kid old out of the ring file"), "{out}");
    assert_no_private_member(&format!("{out}"));
    // The ring holds every key whose tokens may be alive.
    let out = r.ring("check", &["--token-lifetime", "1h"]);
    assert_eq!(out.code(), Some(0), "{out}");
    // Nothing is written anywhere else: no PEM file beside it.
    assert!(!r.env.path("new.pem").exists());

    // A private key file given with --pem goes into the ring under its kid.
    let c = r.key_file("c");
    let mut args: Vec<&str> = ROTATE.to_vec();
    args.retain(|a| *a != "--generate");
    args.extend(["--pem", &c, "--kid", "third", "--ring", &ring]);
    let out = r.run(&args);
    assert_eq!(out.code(), Some(0), "{out}");
    let text = std::fs::read_to_string(r.ring_path()).unwrap();
    assert_eq!(
        kids_of(&text),
        sorted(vec!["cur".into(), active, "third".into()])
    );
    // A public key cannot go into a ring.
    let public = r.env.path("pub.json");
    let (n, e) = public_half("b");
    std::fs::write(&public, json!({"kty": "RSA", "n": n, "e": e}).to_string()).unwrap();
    set_mode(&public, 0o600);
    let mut args: Vec<&str> = ROTATE.to_vec();
    args.retain(|a| *a != "--generate");
    let public = public.display().to_string();
    args.extend(["--jwk", &public, "--kid", "fourth", "--ring", &ring]);
    r.sandbox.clear_log();
    let out = r.run(&args);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(r.sandbox.log().is_empty(), "{:?}", r.sandbox.log());
}

#[test]
fn rotate_keeps_a_ring_in_a_command_store() {
    let r = RingEnv::start();
    let store = super::store_command::store_script(&r);
    let (read, write) = (
        format!("{store} get {{server}}"),
        format!("{store} put {{server}}"),
    );
    let flags = [
        "--ring-read-command",
        read.as_str(),
        "--ring-write-command",
        write.as_str(),
    ];
    seeded(&r, &flags);
    let mut args = ROTATE.to_vec();
    args.extend(flags);
    let out = r.run(&args);
    assert_eq!(out.code(), Some(0), "{out}");
    let (active, kids) = okta(&r);
    let text = std::fs::read_to_string(r.env.path("store/ausRing.json")).unwrap();
    assert_eq!(kids_of(&text), kids);
    assert!(kids.contains(&active) && kids.contains(&"cur".to_string()));
    // The key went to the store through its stdin only.
    let log = std::fs::read_to_string(r.env.path("store/argv.log")).unwrap();
    assert_no_private_member(&format!("{out}{log}"));
    assert!(!log.contains("\"d\""), "{log}");
}

#[test]
fn a_rotation_killed_anywhere_leaves_a_superset_ring_and_its_resume_command_completes_it() {
    let delete_old =
        "DELETE /api/v1/authorizationServers/ausRing/resourceservercredentials/keys/apkold";
    for (step, after) in [
        (ADD, false),
        (ADD, true),
        ("/lifecycle/activate", false),
        ("/lifecycle/activate", true),
        (delete_old, true),
    ] {
        killed_then_resumed(step, after, &[]);
    }
}

/// A generated kid is a base64url thumbprint and begins with `-` once in 64 rotations: the
/// resume command must still run as printed (`--kid=-…`, not `--kid -…`, which is a flag).
#[test]
fn a_resume_command_runs_as_printed_when_the_kid_begins_with_a_dash() {
    let (kid, resume) = killed_then_resumed("/lifecycle/activate", false, &["--kid=-dash"]);
    assert_eq!(kid, "-dash");
    assert!(resume.contains(" --kid=-dash "), "{resume}");
}

/// Kills `keys rotate --ring` (plus `extra`) while `step` is in flight (or just after it),
/// checks the ring holds every key needed, runs the printed resume command as printed and
/// checks it completes the rotation with one key added in all. Returns the new key's kid
/// and the resume command.
fn killed_then_resumed(step: &str, after: bool, extra: &[&str]) -> (String, String) {
    let r = RingEnv::start();
    let ring = r.ring_path().display().to_string();
    seeded(&r, &["--ring", &ring]);
    r.sandbox.hang(step, after);
    let err_file = r.env.path("stderr.txt");
    let mut args = ROTATE.to_vec();
    args.extend(["--ring", &ring, "--max-retries", "0"]);
    args.extend(extra);
    let mut child = oktakeys(r.env.home.path())
        .env("OKTA_ORG_URL", &r.sandbox.base)
        .env("OKTA_API_TOKEN", TOKEN)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .spawn()
        .unwrap();
    r.sandbox.wait_for_hang();
    child.kill().unwrap(); // SIGKILL: no chance to print anything more
    child.wait().unwrap();
    let printed = std::fs::read_to_string(&err_file).unwrap();
    let resume = printed
        .lines()
        .skip_while(|l| !l.contains("this command resumes it"))
        .nth(1)
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| panic!("{step}: no resume command:\n{printed}"));
    let kid = resume
        .split_once("--kid")
        .map(|(_, rest)| rest[1..].split_whitespace().next().unwrap().to_string())
        .unwrap_or_else(|| panic!("{resume}"));
    // Killed: the ring holds the new key and every key Okta may still encrypt with.
    let held = kids_of(&std::fs::read_to_string(r.ring_path()).unwrap());
    for needed in ["cur", kid.as_str()] {
        assert!(held.iter().any(|k| k == needed), "{step} {after}: {held:?}");
    }
    // The printed command, run as printed, completes the rotation.
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_oktakeys"));
    let out = crate::common::Run::from_output(
        crate::common::isolated(std::process::Command::new("sh"), r.env.home.path())
            .env("OKTA_ORG_URL", &r.sandbox.base)
            .env("OKTA_API_TOKEN", TOKEN)
            .env("OKTAKEYS_MAX_RETRIES", "0")
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
            )
            .args(["-c", &resume])
            .output()
            .unwrap(),
    );
    assert_eq!(out.code(), Some(0), "{step} {after}: {resume}\n{out}");
    let (active, kids) = okta(&r);
    assert_eq!(active, kid, "{step} {after}");
    assert_eq!(
        kids,
        sorted(vec!["cur".into(), kid.clone()]),
        "{step} {after}"
    );
    let held = kids_of(&std::fs::read_to_string(r.ring_path()).unwrap());
    assert_eq!(held, kids, "{step} {after}: exactly current and previous");
    // One key added in all: the re-run went on with the key the ring held.
    let adds = r
        .sandbox
        .log()
        .iter()
        .filter(|l| *l == "POST /as/ausRing/keys")
        .count();
    let expected = if step == ADD && !after { 2 } else { 1 };
    assert_eq!(adds, expected, "{step} {after}: {:?}", r.sandbox.log());
    (kid, resume)
}
