//! Reading keys: PEM in every accepted form, certificates, JWK/JWKS, and the malformed
//! inputs people actually have. Every fixture is made here, from keys generated in the test.

use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use der::asn1::{Any, BitString};
use der::{EncodePem, pem::LineEnding};
use keymaterial::Error;
use keymaterial::generate::{GENERATE_BITS, generate};
use keymaterial::jwk::{self, PublicKey};
use keymaterial::pem::from_pem_bytes;
use pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use pkcs8::{DecodePrivateKey, EncodePublicKey, ObjectIdentifier};
use rsa::traits::PublicKeyParts;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::builder::{Builder, CertificateBuilder, profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Validity;

/// One 2048-bit key for the whole file (key generation is the slow part).
fn key() -> &'static (rsa::PrivateKey, String) {
    static KEY: OnceLock<(rsa::PrivateKey, String)> = OnceLock::new();
    KEY.get_or_init(|| {
        let (pem, _) = generate(2048).unwrap();
        let private = rsa::PrivateKey::from_pkcs8_pem(pem.expose()).unwrap();
        (private, pem.expose().to_string())
    })
}

fn b64(bytes: &[u8]) -> String {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    URL_SAFE_NO_PAD.encode(&bytes[first..])
}

fn expected() -> PublicKey {
    let public = key().0.to_public_key();
    PublicKey {
        kid: None,
        n: b64(&public.n().to_be_bytes()),
        e: b64(&public.e().to_be_bytes()),
    }
}

fn spki_pem() -> String {
    key()
        .0
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap()
}

fn certificate_pem(private: &rsa::PrivateKey, cn: &str) -> String {
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(private.clone());
    let subject = Name::from_str(&format!("CN={cn},O=oktakeys tests,C=US")).unwrap();
    let profile = profile::cabf::Root::new(false, subject).unwrap();
    let spki = SubjectPublicKeyInfoOwned::from_key(&private.to_public_key()).unwrap();
    let builder = CertificateBuilder::new(
        profile,
        SerialNumber::from(42u32),
        Validity::from_now(Duration::from_secs(3600)).unwrap(),
        spki,
    )
    .unwrap();
    let cert = builder
        .build::<_, rsa::pkcs1v15::Signature>(&signer)
        .unwrap();
    cert.to_pem(LineEnding::LF).unwrap()
}

fn parse(pem: &str) -> Result<PublicKey, String> {
    from_pem_bytes(pem.as_bytes(), "key.pem").map_err(|e| match e {
        Error::KeyFile(msg) => msg,
        other => panic!("expected Error::KeyFile, got {other:?}"),
    })
}

fn parse_err(pem: &str) -> String {
    let err = from_pem_bytes(pem.as_bytes(), "key.pem").unwrap_err();
    assert_eq!(
        oktakeys::Error::from(err.clone()).exit_code(),
        3,
        "a bad key file exits 3: {err:?}"
    );
    match err {
        Error::KeyFile(msg) => msg,
        other => panic!("expected Error::KeyFile, got {other:?}"),
    }
}

// ---- every accepted form gives the same public key ----------------------------------

#[test]
fn spki_public_key() {
    assert_eq!(parse(&spki_pem()), Ok(expected()));
}

#[test]
fn pkcs1_public_key() {
    let pem = key()
        .0
        .to_public_key()
        .to_pkcs1_pem(LineEnding::LF)
        .unwrap();
    assert!(pem.starts_with("-----BEGIN RSA PUBLIC KEY-----"));
    assert_eq!(parse(&pem), Ok(expected()));
}

#[test]
fn pkcs8_private_key_keeps_only_the_public_part() {
    let pem = &key().1;
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    let public = parse(pem).unwrap();
    assert_eq!(public, expected());
    // Nothing private can leak through the result: it holds n and e only.
    assert_eq!(
        public
            .request_body("k")
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["kid", "kty", "use", "e", "n", "status"]
    );
}

#[test]
fn pkcs1_private_key() {
    let pem = key().0.to_pkcs1_pem(LineEnding::LF).unwrap();
    assert!(pem.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    assert_eq!(parse(&pem), Ok(expected()));
}

#[test]
fn self_signed_certificate_and_chain() {
    let cert = certificate_pem(&key().0, "leaf");
    assert!(cert.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(parse(&cert), Ok(expected()));
    // A chain (leaf first, as in fullchain.pem): the leaf's key.
    let other = rsa::PrivateKey::new(&mut getrandom::SysRng, 2048).unwrap();
    let chain = format!("{cert}{}", certificate_pem(&other, "issuer"));
    assert_eq!(parse(&chain), Ok(expected()));
}

#[test]
fn surrounding_text_and_crlf_are_tolerated() {
    let with_text = format!(
        "Bag Attributes\n    friendlyName: enc\nsubject=/CN=x\n{}\ntrailing notes\n",
        spki_pem()
    );
    assert_eq!(parse(&with_text), Ok(expected()));
    let crlf = spki_pem().replace('\n', "\r\n");
    assert_eq!(parse(&crlf), Ok(expected()));
}

#[test]
fn pem_key_and_jwk_agree_on_the_thumbprint() {
    let public = parse(&spki_pem()).unwrap();
    let jwk = serde_json::json!({"kty": "RSA", "e": public.e, "n": public.n});
    let from_jwk = jwk::from_jwk_bytes(jwk.to_string().as_bytes(), None, "key.json").unwrap();
    assert_eq!(from_jwk.thumbprint(), public.thumbprint());
    assert_eq!(public.effective_kid(None), public.thumbprint());
}

#[test]
fn jwks_picks_the_key_by_kid() {
    let public = expected();
    let jwks = serde_json::json!({"keys": [
        {"kty": "RSA", "kid": "one", "use": "enc", "e": public.e, "n": public.n},
        {"kty": "RSA", "kid": "two", "use": "enc", "e": "AQAB", "n": public.n},
    ]});
    let bytes = jwks.to_string();
    let two = jwk::from_jwk_bytes(bytes.as_bytes(), Some("two"), "jwks.json").unwrap();
    assert_eq!((two.kid.as_deref(), two.e.as_str()), (Some("two"), "AQAB"));
    let err = jwk::from_jwk_bytes(bytes.as_bytes(), None, "jwks.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "jwks.json: the JWKS holds 2 keys; choose one with --kid (one, two)"
    );
}

// ---- malformed inputs: exit 3, and a message that says what is wrong --------------

#[test]
fn truncated_pem() {
    let pem = spki_pem();
    let cut = &pem[..pem.len() / 2];
    assert_eq!(
        parse_err(cut),
        "key.pem: truncated PEM: `-----BEGIN PUBLIC KEY-----` has no `-----END PUBLIC KEY-----` \
         line; the file was cut short (copy it again in full)"
    );
}

#[test]
fn pem_with_a_line_missing() {
    let pem = spki_pem();
    let mut lines: Vec<&str> = pem.lines().collect();
    lines.remove(3);
    let msg = parse_err(&lines.join("\n"));
    assert!(
        msg.starts_with("key.pem: the `PUBLIC KEY` PEM block does not hold an SPKI public key (")
            && msg.ends_with("); the file is truncated or damaged"),
        "{msg}"
    );
}

#[test]
fn pem_with_damaged_base64() {
    let pem = spki_pem().replacen("MIIB", "MI!B", 1);
    assert_eq!(
        parse_err(&pem),
        "key.pem: the `PUBLIC KEY` PEM block is damaged (PEM Base64 error: invalid Base64 \
         encoding); its base64 lines may have been cut, wrapped or edited (copy the file again \
         in full)"
    );
}

#[test]
fn mismatched_end_line() {
    let pem = spki_pem().replace("END PUBLIC KEY", "END RSA PUBLIC KEY");
    assert_eq!(
        parse_err(&pem),
        "key.pem: the PEM block begins `-----BEGIN PUBLIC KEY-----` but ends \
         `-----END RSA PUBLIC KEY-----`; the file is damaged"
    );
}

#[test]
fn wrong_label_for_the_contents() {
    let pem = spki_pem().replace("PUBLIC KEY", "RSA PUBLIC KEY");
    assert_eq!(
        parse_err(&pem),
        "key.pem: the PEM block is labelled `RSA PUBLIC KEY` but holds what is labelled \
         `PUBLIC KEY`; correct the BEGIN and END lines to `PUBLIC KEY`"
    );
}

#[test]
fn labels_that_are_not_keys() {
    let csr =
        pem_rfc7468::encode_string("CERTIFICATE REQUEST", LineEnding::LF, &[0x30, 0]).unwrap();
    assert!(parse_err(&csr).contains("this is a certificate signing request, not a key"));
    let crl = pem_rfc7468::encode_string("X509 CRL", LineEnding::LF, &[0x30, 0]).unwrap();
    assert_eq!(
        parse_err(&crl),
        "key.pem: holds a `X509 CRL` PEM block, which is not a key oktakeys can read; expected \
         PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, PRIVATE KEY or RSA PRIVATE KEY"
    );
}

#[test]
fn encrypted_private_keys() {
    // PKCS#8 encrypted (`openssl pkey -aes256`); the contents do not matter, the label does.
    let pkcs8 =
        pem_rfc7468::encode_string("ENCRYPTED PRIVATE KEY", LineEnding::LF, &[0x30, 0]).unwrap();
    let msg = parse_err(&pkcs8);
    assert_eq!(
        msg,
        "key.pem: the private key is encrypted (protected by a passphrase), and oktakeys never \
         asks for passphrases. Write its public key with `openssl pkey -in key.pem -pubout -out \
         public.pem` (openssl asks for the passphrase) and use that file; or decrypt it with \
         `openssl pkey -in key.pem -out decrypted.pem` and keep the result private"
    );
    // Legacy OpenSSL encryption: headers inside an RSA PRIVATE KEY block.
    let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\
                  DEK-Info: AES-256-CBC,B89D083A21D4CAD0EC940CBF42499E25\n\n\
                  MIIEpAIBAAKCAQEAwq3lG2ud\n-----END RSA PRIVATE KEY-----\n";
    assert_eq!(parse_err(legacy), msg);
}

#[test]
fn ec_keys_are_refused_by_name() {
    let p256 = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
    let spki = SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("1.2.840.10045.2.1"),
            parameters: Some(Any::from(&p256)),
        },
        subject_public_key: BitString::from_bytes(&[4; 65]).unwrap(),
    };
    let pem = spki.to_pem(LineEnding::LF).unwrap();
    assert_eq!(
        parse_err(&pem),
        "key.pem: this is an EC P-256 (elliptic curve) key; Okta accepts only RSA keys \
         (2048 bits or more) here"
    );
    // `openssl ecparam -genkey` output: parameters, then a SEC1 key.
    let sec1 = format!(
        "{}{}",
        pem_rfc7468::encode_string("EC PARAMETERS", LineEnding::LF, &[6, 0]).unwrap(),
        pem_rfc7468::encode_string("EC PRIVATE KEY", LineEnding::LF, &[0x30, 0]).unwrap()
    );
    assert_eq!(
        parse_err(&sec1),
        "key.pem: this is an EC (elliptic curve) key; Okta accepts only RSA keys (2048 bits or \
         more) here"
    );
    let ed25519 = SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("1.3.101.112"),
            parameters: None,
        },
        subject_public_key: BitString::from_bytes(&[7; 32]).unwrap(),
    };
    let msg = parse_err(&ed25519.to_pem(LineEnding::LF).unwrap());
    assert!(msg.contains("this is an Ed25519 key"), "{msg}");
}

#[test]
fn keys_under_2048_bits_are_refused() {
    let small = rsa::PrivateKey::new(&mut getrandom::SysRng, 1024).unwrap();
    let expected = "key.pem: the RSA key is 1024 bits; Okta requires at least 2048. Create a new \
                    key, e.g. `oktakeys keys generate --kid KID --private-key-out FILE`";
    let spki = small
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    assert_eq!(parse_err(&spki), expected);
    let private = small.to_pkcs1_pem(LineEnding::LF).unwrap();
    assert_eq!(parse_err(&private), expected);
    let cert = certificate_pem(&small, "small");
    assert_eq!(parse_err(&cert), expected);
}

#[test]
fn private_jwk_is_refused() {
    let public = expected();
    let jwk = serde_json::json!({"kty": "RSA", "e": public.e, "n": public.n, "d": "AAAA"});
    let err = jwk::from_jwk_bytes(jwk.to_string().as_bytes(), None, "key.json").unwrap_err();
    assert_eq!(oktakeys::Error::from(err.clone()).exit_code(), 3);
    assert_eq!(
        err.to_string(),
        "key.json: `d` is present: this is a private key. Only the public key may be uploaded; \
         remove the private members (d, p, q, dp, dq, qi)"
    );
}

#[test]
fn not_pem_at_all() {
    assert_eq!(
        parse_err(""),
        "key.pem: is empty; expected a PEM key or certificate"
    );
    assert_eq!(
        parse_err("{\"kty\":\"RSA\"}"),
        "key.pem: this is JSON, not PEM: pass a JWK or JWKS with --jwk instead"
    );
    assert!(parse_err("ssh-rsa AAAAB3NzaC1yc2E user@host").contains("OpenSSH public key"));
    let der = key().0.to_public_key().to_public_key_der().unwrap();
    let err = from_pem_bytes(der.as_bytes(), "key.der").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("key.der: this looks like binary DER"),
        "{err}"
    );
}

#[test]
fn generate_offers_three_sizes_only() {
    assert_eq!(GENERATE_BITS, [2048, 3072, 4096]);
    assert!(generate(1024).is_err());
    let (pem, public) = generate(2048).unwrap();
    assert_eq!(format!("{pem:?}"), "[REDACTED]");
    assert_eq!(
        jwk::modulus_bits(&URL_SAFE_NO_PAD.decode(&public.n).unwrap()),
        2048
    );
    assert_eq!(public.e, "AQAB");
    assert_eq!(parse(pem.expose()), Ok(public));
}
