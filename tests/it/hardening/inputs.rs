//! Issue 12, items 9–11: key validation gaps, file encodings, FIFOs and other non-files.

use super::*;

// ---------------------------------------------------------- 9. key validation gaps

/// Item 9: two different keys under one kid, and exponents and moduli no JOSE library
/// writes, are refused (exit 3) naming what is wrong; nothing is sent.
#[test]
fn item09_ambiguous_kids_and_malformed_numbers_are_refused() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let env = TestEnv::new();
    let n = modulus(2048, 5);
    let n_bytes = URL_SAFE_NO_PAD.decode(&n).unwrap();
    let padded_n = URL_SAFE_NO_PAD.encode([&[0u8][..], &n_bytes].concat());
    let long_e = URL_SAFE_NO_PAD.encode([&[1u8][..], &n_bytes, &[1u8]].concat());
    let rsa = |e: &str, n: &str| json!({"kty": "RSA", "kid": "k", "e": e, "n": n});
    let cases = [
        (
            json!({"keys": [good_jwk("dup", 1), good_jwk("dup", 2)]}),
            "the JWKS holds different keys under the kid `dup`",
        ),
        (
            rsa("AQ", &n),
            "`e` is 1, which leaves the tokens unencrypted",
        ),
        (rsa("AAEAAQ", &n), "`e` has leading zero bytes"),
        (rsa("AQAA", &n), "`e` is even"),
        (rsa(&long_e, &n), "as long as the modulus or longer"),
        (
            rsa("AQAB", &padded_n),
            "`n` has leading zero bytes; RFC 7518 §6.3.1",
        ),
    ];
    for (jwk, expected) in cases {
        let file = jwk_file(&env, "case.json", jwk.clone());
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            &file,
            "--kid",
            "dup",
        ]));
        assert_eq!(out.status.code(), Some(3), "{jwk}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(expected),
            "{expected}: {}",
            stderr(&out)
        );
    }
    // The same key twice under one kid is no ambiguity.
    let same = jwk_file(
        &env,
        "same.json",
        json!({"keys": [good_jwk("dup", 1), good_jwk("dup", 1)]}),
    );
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--jwk",
        &same,
        "--kid",
        "dup",
        "--dry-run",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A PEM key gets the same exponent checks.
    let der = pkcs1_public_der(&n_bytes, &[1]);
    let pem =
        pem_rfc7468::encode_string("RSA PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der).unwrap();
    std::fs::write(env.path("e1.pem"), pem).unwrap();
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "add",
        "--auth-server",
        SERVER,
        "--pem",
        "e1.pem",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the RSA public exponent is 1"),
        "{}",
        stderr(&out)
    );
    any.assert_calls(0);
}

/// A PKCS#1 `RSAPublicKey` with the given modulus and exponent.
fn pkcs1_public_der(n: &[u8], e: &[u8]) -> Vec<u8> {
    use der::Encode;
    let key = pkcs1::RsaPublicKey {
        modulus: der::asn1::UintRef::new(n).unwrap(),
        public_exponent: der::asn1::UintRef::new(e).unwrap(),
    };
    key.to_der().unwrap()
}

// ---------------------------------------------------------- 10. file encodings

/// Item 10: a UTF-8 BOM is accepted (key and config files); UTF-16 is named; `--jwk`
/// given PEM points to `--pem`.
#[test]
fn item10_boms_utf16_and_pem_given_to_jwk() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([]));
    });
    let env = TestEnv::new();
    let bom = env.path("bom.json");
    std::fs::write(
        &bom,
        [
            &b"\xEF\xBB\xBF"[..],
            good_jwk("bom", 2).to_string().as_bytes(),
        ]
        .concat(),
    )
    .unwrap();
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "add", "--auth-server", SERVER, "--dry-run", "--jwk"])
        .arg(&bom));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("\"kid\": \"bom\""),
        "{}",
        stdout(&out)
    );

    for (bytes, name) in [
        (
            vec![0xFF, 0xFE, b'{', 0],
            "UTF-16 (little-endian, UTF-16LE)",
        ),
        (vec![0xFE, 0xFF, 0, b'{'], "UTF-16 (big-endian, UTF-16BE)"),
    ] {
        std::fs::write(env.path("utf16.json"), bytes).unwrap();
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "add",
            "--auth-server",
            SERVER,
            "--jwk",
            "utf16.json",
        ]));
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("iconv -f UTF-16 -t UTF-8"),
            "{}",
            stderr(&out)
        );
    }

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = run(env
        .cmd_with_org(&server.base_url())
        .args(["keys", "add", "--auth-server", SERVER, "--jwk"])
        .arg(fixtures.join("service-app-rsa.pub.pem")));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("this is PEM, not JSON: pass a PEM key or certificate with --pem instead")
    );

    // A config file an editor saved with a BOM.
    env.write_config(&format!(
        "\u{feff}[profiles.p]\norg_url = \"{}\"\ntoken = \"{TOKEN}\"\n",
        server.base_url()
    ));
    let out = run(env.cmd().args(["--profile", "p"]).args(LIST));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    list.assert_calls(1);
}

// ----------------------------------------------------- 11. FIFOs and other non-files

/// Item 11: a FIFO named as a key, config or CA file is refused at once (exit 3), not
/// read for ever past `--timeout`.
#[test]
fn item11_a_fifo_is_refused_not_waited_on() {
    let env = TestEnv::new();
    let fifo = env.path("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let dir = env.path("a-dir");
    std::fs::create_dir(&dir).unwrap();
    let org = "http://127.0.0.1:9";
    for (args, name) in [
        (vec!["keys", "add", "--auth-server", SERVER, "--jwk"], &fifo),
        (vec!["keys", "add", "--auth-server", SERVER, "--pem"], &fifo),
        (vec!["keys", "add", "--auth-server", SERVER, "--pem"], &dir),
        (vec!["--config"], &fifo),
        (vec!["--ca-cert"], &fifo),
    ] {
        let mut cmd = env.cmd_with_org(org);
        cmd.args(&args).arg(name).timeout(Duration::from_secs(30));
        if args[0] != "keys" {
            cmd.args(LIST);
        }
        let out = run(&mut cmd);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
        let kind = if name == &dir {
            "a directory"
        } else {
            "a FIFO (named pipe)"
        };
        assert!(
            stderr(&out).contains(&format!("is {kind}, not a regular file")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}
