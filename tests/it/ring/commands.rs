//! `keys ring check|list|prune|import` and the file store.

use super::*;
use crate::common::stderr;

fn import_all(r: &RingEnv, names: &[&str]) -> Run {
    let files: Vec<String> = names.iter().map(|n| r.key_file(n)).collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    r.ring("import", &args)
}

#[test]
fn import_adopts_keys_under_okta_kids_into_a_0600_standard_jwks() {
    let r = RingEnv::start();
    r.usual();
    let out = import_all(&r, &["a", "b", "c"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("Imported kid cur, kid next, kid prev into the ring file"),
        "{out}"
    );
    assert_eq!(r.ring_kids(), ["cur", "next", "prev"]);
    assert_eq!(mode(&r.ring_path()), 0o600);
    let jwks: Value =
        serde_json::from_str(&std::fs::read_to_string(r.ring_path()).unwrap()).unwrap();
    for key in jwks["keys"].as_array().unwrap() {
        assert_eq!(
            (
                key["kty"].as_str(),
                key["use"].as_str(),
                key["alg"].as_str()
            ),
            (Some("RSA"), Some("enc"), Some("RSA-OAEP-256"))
        );
        for member in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
            assert!(key[member].is_string(), "{member}");
        }
    }
    assert_no_private_member(&format!("{out}"));
    // Again: nothing to write.
    let out = import_all(&r, &["a"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(stderr(&out).contains("holds these keys already"), "{out}");
    // No temporary file is left beside the ring.
    let left: Vec<String> = std::fs::read_dir(r.env.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("ring.json") && n != "ring.json" && n != "ring.json.lock")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn import_refuses_a_key_okta_does_not_hold_and_writes_nothing() {
    let r = RingEnv::start();
    r.sandbox.server_keys(
        "ausRing",
        vec![okta_key("a", "cur", "ACTIVE", &at(-86_400), &at(-86_400))],
    );
    let out = import_all(&r, &["a", "b"]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert!(
        stderr(&out).contains("is the private half of none of the 1 keys"),
        "{out}"
    );
    assert!(!r.ring_path().exists());
    // A key file others may read is refused before anything is sent.
    let loose = r.key_file("a");
    set_mode(std::path::Path::new(&loose), 0o644);
    r.sandbox.clear_log();
    let out = r.ring("import", &[&loose]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(r.sandbox.log().is_empty(), "{:?}", r.sandbox.log());
}

#[test]
fn check_passes_with_every_needed_key_after_one_list_request() {
    let r = RingEnv::start();
    r.usual();
    assert_eq!(import_all(&r, &["a", "b", "c"]).code(), Some(0));
    r.sandbox.clear_log();
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    // Performance: one list request, then local work.
    assert_eq!(r.sandbox.log(), ["GET /as/ausRing/keys"]);
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let summary: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0], r[1], *r.last().unwrap()))
        .collect();
    assert_eq!(
        summary,
        [
            ("prev", "previous", "yes"),
            ("cur", "current", "yes"),
            ("next", "next", "yes")
        ],
        "{out}"
    );
    assert!(
        stderr(&out).contains("holds the private half of every key"),
        "{out}"
    );
    assert_no_private_member(&format!("{out}"));
}

#[test]
fn check_fails_naming_kid_and_role_of_missing_and_mismatched_keys() {
    let r = RingEnv::start();
    r.usual();
    assert_eq!(import_all(&r, &["a"]).code(), Some(0));
    let out = r.ring("check", &["-o", "json"]);
    assert_eq!(out.code(), Some(10), "{out}");
    let report = out.json();
    assert_eq!(report["ok"], false);
    assert_eq!(report["authServer"], "ausRing");
    let held: Vec<(String, String, String)> = report["needed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let s = |m: &str| n[m].as_str().unwrap().to_string();
            (s("kid"), s("role"), s("inRing"))
        })
        .collect();
    assert_eq!(
        held,
        [
            ("prev".into(), "previous".into(), "missing".into()),
            ("cur".into(), "current".into(), "yes".into()),
            ("next".into(), "next".into(), "missing".into()),
        ]
    );
    let err = stderr(&out);
    assert!(
        err.contains("\"exit_code\":10")
            && err.contains("kid prev (previous, key apkprev): missing")
            && err.contains("kid next (next, key apknext): missing"),
        "{err}"
    );

    // A ring key under Okta's kid that is another key is a mismatch.
    std::fs::remove_file(r.ring_path()).unwrap();
    r.sandbox.server_keys(
        "ausRing",
        vec![okta_key("a", "cur", "ACTIVE", &at(-86_400), &at(-86_400))],
    );
    assert_eq!(import_all(&r, &["a"]).code(), Some(0));
    r.sandbox.server_keys(
        "ausRing",
        vec![okta_key("b", "cur", "ACTIVE", &at(-86_400), &at(-86_400))],
    );
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert!(
        stderr(&out)
            .contains("kid cur (current, key apkcur): the ring's key of that kid is another key"),
        "{out}"
    );
    assert!(out.stdout.contains("mismatch"), "{out}");
}

#[test]
fn check_of_a_missing_ring_says_it_is_empty_and_fails() {
    let r = RingEnv::start();
    r.usual();
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert!(
        stderr(&out).contains("does not exist yet: the ring is empty"),
        "{out}"
    );
    assert!(stderr(&out).contains("lacks 3 key(s)"), "{out}");
}

#[test]
fn prune_removes_only_what_check_calls_prunable() {
    let r = RingEnv::start();
    r.usual();
    assert_eq!(import_all(&r, &["a", "b", "c", "d"]).code(), Some(0));
    // With tokens living 24h (the default), only `old` is retirable.
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains(
            "warning: ring key old is no longer needed (Okta's key apkold is retirable since"
        ),
        "{out}"
    );
    // With tokens living 30 minutes, `prev` (deactivated an hour ago) is retirable too.
    let out = r.ring("prune", &["--token-lifetime", "30m", "--dry-run"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("Would remove from the ring file"),
        "{out}"
    );
    assert!(stderr(&out).contains("kid prev, kid old"), "{out}");
    assert_eq!(
        r.ring_kids(),
        ["cur", "next", "prev", "old"],
        "dry run changed nothing"
    );
    // No terminal, no --yes: refused before anything is read or sent.
    r.sandbox.clear_log();
    let out = r.ring("prune", &["--token-lifetime", "30m"]);
    assert_eq!(out.code(), Some(9), "{out}");
    assert!(r.sandbox.log().is_empty());
    let out = r.ring("prune", &["--token-lifetime", "30m", "--yes", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.json(), json!({"removed": ["prev", "old"]}));
    assert_eq!(r.ring_kids(), ["cur", "next"]);
    assert_eq!(mode(&r.ring_path()), 0o600);
    // A key Okta no longer holds at all is prunable too; check still passes.
    r.sandbox.server_keys(
        "ausRing",
        vec![okta_key("a", "cur", "ACTIVE", &at(-86_400), &at(-86_400))],
    );
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("ring key next is no longer needed (Okta holds no key of this kid)"),
        "{out}"
    );
    let out = r.ring("prune", &["--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(r.ring_kids(), ["cur"]);
}

#[test]
fn list_shows_kid_role_and_retirement_never_private_members() {
    let r = RingEnv::start();
    r.usual();
    assert_eq!(import_all(&r, &["a", "c", "d"]).code(), Some(0));
    let out = r.ring("list", &["-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    let rows = out.json();
    let summary: Vec<(String, String, bool)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["kid"].as_str().unwrap().into(),
                k["role"].as_str().unwrap().into(),
                k["sameKey"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("cur".into(), "current".into(), true),
            ("prev".into(), "previous".into(), true),
            ("old".into(), "previous".into(), true),
        ]
    );
    assert!(rows[0]["retirableAt"].is_null());
    assert!(rows[1]["retirableAt"].is_string());
    let out = r.ring("list", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.starts_with("KID "), "{out}");
    assert_no_private_member(&format!("{out}"));
    let out = r.ring("list", &["-o", "id"]);
    assert_eq!(out.stdout, "cur\nprev\nold\n");
}

#[test]
fn an_encrypted_ring_is_a_pbes2_jwe_read_back_with_the_passphrase_and_stays_encrypted() {
    let r = RingEnv::start();
    r.usual();
    let files: Vec<String> = ["a", "b", "c", "d"].iter().map(|n| r.key_file(n)).collect();
    let ring = r.ring_path().display().to_string();
    let pass = ("OKTAKEYS_KEY_PASSPHRASE", "ring passphrase 1");
    let out = crate::common::run(r.cmd().env(pass.0, pass.1).args([
        "keys",
        "ring",
        "import",
        "--auth-server",
        "ausRing",
        "--ring",
        &ring,
        "--encrypt-ring",
        &files[0],
        &files[1],
        &files[2],
        &files[3],
    ]));
    assert_eq!(out.code(), Some(0), "{out}");
    let text = std::fs::read_to_string(r.ring_path()).unwrap();
    let header = keymaterial::jwe::parse_header(text.trim()).unwrap();
    assert_eq!(header["alg"], "PBES2-HS512+A256KW");
    assert_eq!(header["enc"], "A256GCM");
    assert_eq!(mode(&r.ring_path()), 0o600);
    assert_no_private_member(&text);
    // Without the passphrase: exit 3 naming the variable.
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("OKTAKEYS_KEY_PASSPHRASE"), "{out}");
    // A wrong one: exit 3 too.
    let out = crate::common::run(r.cmd().env(pass.0, "wrong").args([
        "keys",
        "ring",
        "check",
        "--auth-server",
        "ausRing",
        "--ring",
        &ring,
    ]));
    assert_eq!(out.code(), Some(3), "{out}");
    let out = crate::common::run(r.cmd().env(pass.0, pass.1).args([
        "keys",
        "ring",
        "prune",
        "--auth-server",
        "ausRing",
        "--ring",
        &ring,
        "--yes",
    ]));
    assert_eq!(out.code(), Some(0), "{out}");
    let text = std::fs::read_to_string(r.ring_path()).unwrap();
    let plain = keymaterial::jwe::pbes2::decrypt(text.trim(), &Secret::new(pass.1)).unwrap();
    let jwks: Value = serde_json::from_slice(&plain).unwrap();
    let kids: Vec<&str> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids, ["cur", "next", "prev"], "pruned and still encrypted");
}

#[test]
fn rings_per_server_and_bad_rings() {
    let r = RingEnv::start();
    r.usual();
    std::fs::create_dir(r.env.path("rings")).unwrap();
    let a = r.key_file("a");
    let out = r.run(&[
        "keys",
        "ring",
        "import",
        "--auth-server",
        "ausRing",
        "--ring",
        "rings/{server}.json",
        &a,
    ]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(r.env.path("rings/ausRing.json").exists());
    // The environment variable names the ring too.
    let out = crate::common::run(r.cmd().env("OKTAKEYS_RING", "rings/{server}.json").args([
        "keys",
        "ring",
        "list",
        "--auth-server",
        "ausRing",
        "-o",
        "id",
    ]));
    assert_eq!(out.stdout, "cur\n", "{out}");
    // No ring named: a usage error.
    let out = r.run(&["keys", "ring", "check", "--auth-server", "ausRing"]);
    assert_eq!(out.code(), Some(2), "{out}");
    // Not a JWKS, or readable by others: exit 3.
    std::fs::write(r.ring_path(), "{\"keys\":[{\"kty\":\"RSA\"}]}").unwrap();
    set_mode(&r.ring_path(), 0o600);
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("key 1 has no kid"), "{out}");
    set_mode(&r.ring_path(), 0o644);
    let out = r.ring("check", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("chmod 600"), "{out}");
}
