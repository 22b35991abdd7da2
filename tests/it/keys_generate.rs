//! `oktakeys keys generate`, run as a user would: the file it writes, what it prints,
//! and what it refuses.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::RunExt as _;
use assert_cmd::Command;
use keymaterial::jwk;
use serde_json::Value;

/// The binary with a cleared environment and a temporary HOME, run in `dir`.
fn oktakeys(dir: &Path) -> Command {
    Command::from_std(crate::common::oktakeys(dir))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Lines of the private key's base64 body: none may appear anywhere else.
fn private_lines(pem: &str) -> Vec<String> {
    pem.lines()
        .filter(|l| !l.starts_with("-----"))
        .map(str::to_string)
        .collect()
}

#[test]
fn writes_a_0600_pkcs8_key_and_prints_the_public_jwk() {
    let dir = tempfile::tempdir().unwrap();
    let out = oktakeys(dir.path())
        .args(["keys", "generate", "--kid", "enc-2026-11", "--bits", "2048"])
        .args(["--private-key-out", "enc.pem"])
        .run();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let path = dir.path().join("enc.pem");
    assert_eq!(mode(&path), 0o600);

    let pem = fs::read_to_string(&path).unwrap();
    assert!(
        pem.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "PKCS#8 PEM"
    );
    assert!(pem.ends_with("-----END PRIVATE KEY-----\n"));

    // stdout: exactly the public JWK, one line of JSON when piped.
    let stdout = out.stdout.clone();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let jwk_value: Value = serde_json::from_str(&stdout).unwrap();
    let members: Vec<&String> = jwk_value.as_object().unwrap().keys().collect();
    assert_eq!(members, ["kty", "use", "kid", "e", "n"]);
    assert_eq!(jwk_value["kty"], "RSA");
    assert_eq!(jwk_value["use"], "enc");
    assert_eq!(jwk_value["kid"], "enc-2026-11");
    assert_eq!(jwk_value["e"], "AQAB");

    // It is the public half of the key in the file, and `keys add --jwk -` accepts it.
    let from_file = keymaterial::pem::from_pem_bytes(pem.as_bytes(), "enc.pem").unwrap();
    let from_stdout = jwk::from_jwk_bytes(stdout.as_bytes(), None, "stdin").unwrap();
    assert_eq!(from_stdout.n, from_file.n);
    assert_eq!(from_stdout.e, from_file.e);
    assert_eq!(from_stdout.kid.as_deref(), Some("enc-2026-11"));

    // The private key appears on neither stream.
    let stderr = out.stderr.clone();
    assert!(!stdout.contains("PRIVATE") && !stderr.contains("PRIVATE KEY-----"));
    for line in private_lines(&pem) {
        assert!(!stdout.contains(&line) && !stderr.contains(&line));
    }
    assert_eq!(
        stderr,
        "Wrote the 2048-bit private key to enc.pem (PKCS#8 PEM, mode 0600). Keep it secret: it \
         decrypts the access tokens encrypted with kid `enc-2026-11`.\n"
    );
}

#[test]
fn mode_is_0600_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let script = format!(
        "umask 000; exec '{}' keys generate --kid k --bits 2048 --private-key-out open.pem -q",
        bin.display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .current_dir(dir.path())
        .env_clear()
        .env("HOME", dir.path())
        .run();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(mode(&dir.path().join("open.pem")), 0o600);
    assert!(out.stderr.is_empty(), "--quiet prints nothing on stderr");
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enc.pem");
    fs::write(&path, "the key in use\n").unwrap();
    let out = oktakeys(dir.path())
        .args(["keys", "generate", "--kid", "k", "--bits", "2048"])
        .args(["--private-key-out", "enc.pem"])
        .run();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        out.stdout.is_empty(),
        "no JWK for a key that was not written"
    );
    assert_eq!(
        out.stderr.clone(),
        "error: --private-key-out enc.pem: the file exists; it may be a key still in use. Choose \
         another file, or pass --force to replace it\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "the key in use\n");
}

#[test]
fn force_replaces_atomically_with_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enc.pem");
    fs::write(&path, "old key\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = oktakeys(dir.path())
        .args([
            "keys", "generate", "--kid", "k", "--bits", "2048", "--force",
        ])
        .args(["--private-key-out", "enc.pem"])
        .run();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(mode(&path), 0o600);
    let pem = fs::read_to_string(&path).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    // No temporary file left behind.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["enc.pem"]);
}

#[test]
fn never_writes_the_private_key_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = oktakeys(dir.path())
        .args(["keys", "generate", "--kid", "k", "--private-key-out", "-"])
        .run();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        out.stderr.clone(),
        "error: --private-key-out -: the private key is never written to stdout; give a file path\n"
    );
}

#[test]
fn missing_directory_and_bad_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let out = oktakeys(dir.path())
        .args([
            "keys",
            "generate",
            "--kid",
            "k",
            "--private-key-out",
            "no/such/dir/k.pem",
        ])
        .run();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        out.stderr.clone(),
        "error: --private-key-out no/such/dir/k.pem: the directory no/such/dir does not exist\n"
    );
    for bits in ["1024", "2047", "8192"] {
        oktakeys(dir.path())
            .args([
                "keys",
                "generate",
                "--kid",
                "k",
                "--private-key-out",
                "k.pem",
                "--bits",
                bits,
            ])
            .assert()
            .code(2);
    }
    oktakeys(dir.path())
        .args([
            "keys",
            "generate",
            "--kid",
            " ",
            "--private-key-out",
            "k.pem",
        ])
        .assert()
        .code(2);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn needs_no_profile_or_network() {
    // No config, no org URL, no token: generate still works.
    let dir = tempfile::tempdir().unwrap();
    oktakeys(dir.path())
        .args([
            "--profile",
            "nonexistent",
            "keys",
            "generate",
            "--kid",
            "k",
            "--bits",
            "2048",
        ])
        .args(["--private-key-out", "k.pem"])
        .assert()
        .code(0);
    // The work was done all the same: the key file, and its public JWK on stdout.
    assert_eq!(mode(&dir.path().join("k.pem")), 0o600);
    let out = oktakeys(dir.path())
        .args([
            "--profile",
            "nonexistent",
            "keys",
            "generate",
            "--kid",
            "k2",
        ])
        .args(["--bits", "2048", "--private-key-out", "k2.pem"])
        .run();
    assert_eq!(out.status.code(), Some(0));
    let jwk: Value = serde_json::from_str(&out.stdout).expect("a JWK on stdout");
    assert_eq!(jwk["kid"], "k2");
    assert_eq!(jwk["kty"], "RSA");
    assert!(jwk.get("d").is_none());
}

#[test]
fn generate_pipes_into_add_and_add_pem_sends_only_the_public_part() {
    let env = crate::common::TestEnv::new();
    let generated = crate::common::run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "piped",
        "--bits",
        "2048",
        "--private-key-out",
        "enc.pem",
    ]));
    assert_eq!(generated.status.code(), Some(0));
    let jwk: Value = serde_json::from_str(&generated.stdout).unwrap();

    // `keys generate … | keys add --jwk -`: the request carries the generated key.
    let added = crate::common::run(
        env.cmd_with_org("https://acme.okta.com")
            .args([
                "keys",
                "add",
                "--auth-server",
                crate::common::SERVER,
                "--jwk",
                "-",
            ])
            .args(["--dry-run", "-o", "json"])
            .write_stdin(generated.stdout.clone()),
    );
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        crate::common::stderr(&added)
    );
    let request: Value = serde_json::from_str(&added.stdout).unwrap();
    let expected_body = serde_json::json!({
        "kid": "piped", "kty": "RSA", "use": "enc", "e": "AQAB", "n": jwk["n"], "status": "INACTIVE"
    });
    assert_eq!(request["method"], "POST");
    assert_eq!(request["body"], expected_body);

    // `keys add --pem` with the private key file: the same public key, nothing private.
    let from_pem = crate::common::run(
        env.cmd_with_org("https://acme.okta.com")
            .args([
                "keys",
                "add",
                "--auth-server",
                crate::common::SERVER,
                "--pem",
                "enc.pem",
            ])
            .args(["--kid", "piped", "--dry-run", "-o", "json"]),
    );
    assert_eq!(
        from_pem.status.code(),
        Some(0),
        "{}",
        crate::common::stderr(&from_pem)
    );
    let request: Value = serde_json::from_str(&from_pem.stdout).unwrap();
    assert_eq!(request["body"], expected_body);
    let pem = fs::read_to_string(env.path("enc.pem")).unwrap();
    for line in private_lines(&pem) {
        assert!(!crate::common::stdout(&from_pem).contains(&line));
        assert!(!crate::common::stderr(&from_pem).contains(&line));
    }

    // Without --kid, the kid is the RFC 7638 thumbprint.
    let no_kid = crate::common::run(
        env.cmd_with_org("https://acme.okta.com")
            .args([
                "keys",
                "add",
                "--auth-server",
                crate::common::SERVER,
                "--pem",
                "-",
            ])
            .args(["--dry-run", "-o", "json"])
            .write_stdin(pem.clone()),
    );
    let request: Value = serde_json::from_str(&no_kid.stdout).unwrap();
    let thumbprint = jwk::thumbprint("AQAB", jwk["n"].as_str().unwrap());
    assert_eq!(request["body"]["kid"], thumbprint.as_str());
}

#[test]
fn add_pem_refuses_bad_files_with_exit_3_and_sends_nothing() {
    let env = crate::common::TestEnv::new();
    fs::write(
        env.path("ec.pem"),
        "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n",
    )
    .unwrap();
    let out = crate::common::run(env.cmd_with_org("http://127.0.0.1:9").args([
        "keys",
        "add",
        "--auth-server",
        crate::common::SERVER,
        "--pem",
        "ec.pem",
    ]));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        crate::common::stderr(&out),
        "error: ec.pem: this is an EC (elliptic curve) key; Okta accepts only RSA keys (2048 bits or more) here\n"
    );
}
