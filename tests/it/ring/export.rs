//! `keys ring export`: the private JWKS on stdout (never on a terminal by accident), PEM
//! files named by kid, an encrypted ring opened; no request sent.

use super::*;
use crate::common::{RunExt, stderr};

/// A ring file in HOME holding fixture keys under the given kids (written as a resource
/// server's JWKS would be, not through oktakeys).
fn ring_file(r: &RingEnv, keys: &[(&str, &str)]) {
    let members: Vec<Value> = keys
        .iter()
        .map(|(name, kid)| {
            let key = DecryptionKey::parse(&Secret::new(fixture(name)), name).unwrap();
            serde_json::from_str(
                key.to_private_jwk(kid, Some("RSA-OAEP-256"))
                    .unwrap()
                    .expose(),
            )
            .unwrap()
        })
        .collect();
    std::fs::write(r.ring_path(), json!({ "keys": members }).to_string()).unwrap();
    set_mode(&r.ring_path(), 0o600);
}

fn thumbprint(name: &str) -> String {
    DecryptionKey::parse(&Secret::new(fixture(name)), name)
        .unwrap()
        .thumbprint()
}

#[test]
fn piped_the_private_jwks_goes_to_stdout_without_any_request() {
    let r = RingEnv::start();
    r.usual();
    ring_file(&r, &[("a", "cur"), ("b", "next")]);
    let out = r.ring("export", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(r.sandbox.log().is_empty(), "{:?}", r.sandbox.log());
    let jwks = out.json();
    let keys = jwks["keys"].as_array().unwrap();
    let kids: Vec<&str> = keys.iter().map(|k| k["kid"].as_str().unwrap()).collect();
    assert_eq!(kids, ["cur", "next"]);
    for (key, name) in keys.iter().zip(["a", "b"]) {
        // The private half, loadable as is.
        let back = DecryptionKey::parse(&Secret::new(key.to_string()), "exported").unwrap();
        assert_eq!(back.thumbprint(), thumbprint(name));
        assert_eq!(key["use"], "enc");
    }
    assert!(
        stderr(&out).contains("Exported 2 private key(s) from the ring file"),
        "{out}"
    );
    // Offline: no org, no credentials, `{server}` from --auth-server as given.
    std::fs::create_dir(r.env.path("rings")).unwrap();
    std::fs::rename(r.ring_path(), r.env.path("rings/ausRing.json")).unwrap();
    let out = r.env.run(&[
        "keys",
        "ring",
        "export",
        "--auth-server",
        "ausRing",
        "--ring",
        "rings/{server}.json",
    ]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(out.json()["keys"].as_array().unwrap().len(), 2);
    // `{server}` with no server named: a usage error.
    let out = r
        .env
        .run(&["keys", "ring", "export", "--ring", "rings/{server}.json"]);
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(stderr(&out).contains("--auth-server"), "{out}");
}

#[test]
fn on_a_terminal_the_private_keys_are_refused_unless_revealed() {
    let r = RingEnv::start();
    ring_file(&r, &[("a", "cur")]);
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let on_terminal = |extra: &str| {
        r.env
            .program("script")
            .env("TERM", "dumb")
            .args([
                "-qec",
                &format!(
                    "{} keys ring export --ring ring.json {extra}",
                    bin.display()
                ),
                "/dev/null",
            ])
            .run()
    };
    let out = on_terminal("");
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(
        out.stdout
            .contains("not printing the private keys of the ring file ring.json on a terminal"),
        "{out}"
    );
    assert!(out.stdout.contains("--reveal"), "{out}");
    assert_no_private_member(&out.stdout);
    let out = on_terminal("--reveal");
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(out.stdout.contains("\"kid\":\"cur\""), "{out}");
    assert!(out.stdout.contains("\"d\":"), "{out}");
}

#[test]
fn pem_dir_writes_one_0600_pem_per_kid_with_safe_names() {
    let r = RingEnv::start();
    ring_file(&r, &[("a", "cur"), ("c", "../escape me"), ("d", ".hidden")]);
    let out = r.ring("export", &["--pem-dir", "keys/enc", "-o", "id"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(
        out.stdout, "keys/enc/cur.pem\nkeys/enc/_._escape_me.pem\nkeys/enc/_hidden.pem\n",
        "{out}"
    );
    assert!(
        stderr(&out).contains("Wrote 3 PEM file(s) from the ring file"),
        "{out}"
    );
    assert_eq!(mode(&r.env.path("keys/enc")), 0o700);
    for (file, name) in [
        ("cur.pem", "a"),
        ("_._escape_me.pem", "c"),
        ("_hidden.pem", "d"),
    ] {
        let path = r.env.path("keys/enc").join(file);
        assert_eq!(mode(&path), 0o600, "{file}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("-----BEGIN PRIVATE KEY-----"), "{file}");
        let key = DecryptionKey::parse(&Secret::new(text), file).unwrap();
        assert_eq!(key.thumbprint(), thumbprint(name), "{file}");
    }
    // Nothing escaped the directory, no temporary file is left.
    let names: Vec<String> = std::fs::read_dir(r.env.path("keys/enc"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!r.env.path("keys/escape me.pem").exists());
    assert_no_private_member(&format!("{out}"));

    // Two kids that become one file name: refused, nothing written.
    ring_file(&r, &[("a", "x/y"), ("b", "x_y")]);
    let out = r.ring("export", &["--pem-dir", "other"]);
    assert_eq!(out.code(), Some(6), "{out}");
    assert!(
        stderr(&out).contains("kid x/y and kid x_y both become the file name"),
        "{out}"
    );
    assert!(!r.env.path("other").exists());
}

#[test]
fn an_encrypted_ring_is_exported_in_the_clear_with_its_passphrase() {
    let r = RingEnv::start();
    r.usual();
    let pass = ("OKTAKEYS_KEY_PASSPHRASE", "export passphrase");
    let a = r.key_file("a");
    let out = crate::common::run(r.cmd().env(pass.0, pass.1).args([
        "keys",
        "ring",
        "import",
        "--auth-server",
        "ausRing",
        "--ring",
        "ring.json",
        "--encrypt-ring",
        &a,
    ]));
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(keymaterial::jwe::pbes2::is_pbes2(
        std::fs::read_to_string(r.ring_path()).unwrap().trim()
    ));
    let out = r.ring("export", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("OKTAKEYS_KEY_PASSPHRASE"), "{out}");
    assert!(out.stdout.is_empty(), "{out}");
    let out = crate::common::run(r.cmd().env(pass.0, pass.1).args([
        "keys",
        "ring",
        "export",
        "--ring",
        "ring.json",
        "--pem-dir",
        "pems",
    ]));
    assert_eq!(out.code(), Some(0), "{out}");
    let pem = std::fs::read_to_string(r.env.path("pems/cur.pem")).unwrap();
    let key = DecryptionKey::parse(&Secret::new(pem), "cur.pem").unwrap();
    assert_eq!(key.thumbprint(), thumbprint("a"));
}
