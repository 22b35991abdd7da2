//! Signing keys for JWTs: the service app's private key (RS256 or ES256) and the
//! ephemeral DPoP key (ES256), the public keys that verify them (the sandbox, tests), and
//! the resource server's RSA key that decrypts access tokens ([`DecryptionKey`]).
//!
//! Accepted private key formats: PKCS#8 PEM (`BEGIN PRIVATE KEY`, RSA or EC P-256),
//! PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), SEC1 PEM (`BEGIN EC PRIVATE KEY`, the EC
//! counterpart of PKCS#1), and a private JWK (`{"kty":"RSA",…,"d":…}` or
//! `{"kty":"EC","crv":"P-256",…,"d":…}`), as Okta's admin console downloads it.
//! All parsing and signing is RustCrypto's; base64 is the `base64` crate's.

mod decryption;
mod private;

pub use decryption::DecryptionKey;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use p256::ecdsa::signature::{Signer, Verifier};
use pkcs8::der::pem;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::error::{Error, Result};
use crate::secret::Secret;
use private::Purpose;
use private::bad_key;
pub(crate) use private::{Problem, from_der_with as private_from_der_with};

/// JWS algorithms this tool signs and verifies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    Rs256,
    Es256,
}

impl Alg {
    pub fn as_str(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Es256 => "ES256",
        }
    }
}

/// A private key that signs JWTs. Its `Debug` never shows key material.
pub enum SigningKey {
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
    Ec(p256::ecdsa::SigningKey),
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({}, [REDACTED])", self.alg().as_str())
    }
}

impl SigningKey {
    /// A fresh P-256 key from the OS random source (the DPoP key).
    pub(crate) fn generate_p256() -> Result<Self> {
        use p256::elliptic_curve::Generate;
        let key = p256::ecdsa::SigningKey::try_generate_from_rng(&mut getrandom::SysRng)
            .map_err(|e| Error::Internal(format!("cannot generate a P-256 key: {e}")))?;
        Ok(SigningKey::Ec(key))
    }

    /// Parse a private key: PEM (PKCS#8, PKCS#1, SEC1) or a private JWK. `what` names the
    /// source in messages ("the private key file ci.pem"); the text itself never appears.
    pub fn parse(text: &Secret, what: &str) -> Result<ParsedKey> {
        private::parse(text, what, Purpose::Signing, None)
    }

    /// [`SigningKey::parse`], opening an encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`)
    /// with `passphrase`; the caller gets the passphrase (this crate does no I/O).
    pub fn parse_with_passphrase(
        text: &Secret,
        what: &str,
        passphrase: Option<&Secret>,
    ) -> Result<ParsedKey> {
        private::parse(text, what, Purpose::Signing, passphrase)
    }

    pub fn alg(&self) -> Alg {
        match self {
            SigningKey::Rsa(_) => Alg::Rs256,
            SigningKey::Ec(_) => Alg::Es256,
        }
    }

    /// Sign the JWS signing input. ES256 signatures are the raw 64-byte `r || s` that
    /// JWS requires (RFC 7518 §3.4), not DER.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            SigningKey::Rsa(key) => {
                let sig: rsa::pkcs1v15::Signature = key.sign(message);
                rsa::signature::SignatureEncoding::to_vec(&sig)
            }
            SigningKey::Ec(key) => {
                let sig: p256::ecdsa::Signature = key.sign(message);
                sig.to_bytes().to_vec()
            }
        }
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        match self {
            SigningKey::Rsa(key) => {
                let private: &rsa::PrivateKey = key.as_ref().as_ref();
                let public = private.to_public_key();
                VerifyingKey::Rsa(Box::new(rsa::pkcs1v15::VerifyingKey::new(public)))
            }
            SigningKey::Ec(key) => VerifyingKey::Ec(*key.verifying_key()),
        }
    }

    /// An EC key as a private JWK, for the token cache to keep a DPoP key with the token
    /// bound to it. `None` for RSA keys (never persisted).
    pub fn to_private_ec_jwk(&self) -> Option<Secret> {
        let SigningKey::Ec(key) = self else {
            return None;
        };
        let mut jwk = self.public_jwk();
        let d = zeroize::Zeroizing::new(URL_SAFE_NO_PAD.encode(key.to_bytes()));
        jwk["d"] = Value::String(d.to_string());
        let text = Secret::new(jwk.to_string());
        if let Some(Value::String(d)) = jwk.get_mut("d") {
            zeroize::Zeroize::zeroize(d);
        }
        Some(text)
    }

    /// The public half as a JWK (no `kid`, no private members).
    pub fn public_jwk(&self) -> Value {
        self.verifying_key().to_jwk()
    }
}

/// A parsed private key and the `kid` its JWK carried, if any.
#[derive(Debug)]
pub struct ParsedKey {
    pub key: SigningKey,
    pub kid: Option<String>,
}

/// A public key that verifies JWT signatures.
#[derive(Clone)]
pub enum VerifyingKey {
    Rsa(Box<rsa::pkcs1v15::VerifyingKey<Sha256>>),
    Ec(p256::ecdsa::VerifyingKey),
}

impl std::fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "VerifyingKey({})", self.alg().as_str())
    }
}

impl VerifyingKey {
    pub fn alg(&self) -> Alg {
        match self {
            VerifyingKey::Rsa(_) => Alg::Rs256,
            VerifyingKey::Ec(_) => Alg::Es256,
        }
    }

    /// Read a public key from PEM: SPKI (`BEGIN PUBLIC KEY`, RSA or P-256), PKCS#1
    /// (`BEGIN RSA PUBLIC KEY`), or the public half of any private key [`SigningKey::parse`]
    /// reads; or from a public (or private) JWK.
    pub fn parse(text: &str, what: &str) -> Result<Self> {
        let trimmed = text.trim_start();
        if trimmed.starts_with('{') {
            let jwk: Value = serde_json::from_str(trimmed)
                .map_err(|e| bad_key(what, &format!("is not valid JSON ({e})")))?;
            return Self::from_jwk(&jwk).map_err(|why| bad_key(what, &why));
        }
        let label = pem::decode_label(trimmed.as_bytes())
            .map_err(|_| bad_key(what, "is neither PEM nor a JWK"))?;
        match label {
            "PUBLIC KEY" => {
                if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_pem(trimmed) {
                    return Ok(VerifyingKey::Ec(key));
                }
                rsa::PublicKey::from_public_key_pem(trimmed)
                    .map(|k| VerifyingKey::Rsa(Box::new(rsa::pkcs1v15::VerifyingKey::new(k))))
                    .map_err(|_| bad_key(what, "is not an RSA or EC P-256 public key"))
            }
            "RSA PUBLIC KEY" => {
                use rsa::pkcs1::DecodeRsaPublicKey;
                rsa::PublicKey::from_pkcs1_pem(trimmed)
                    .map(|k| VerifyingKey::Rsa(Box::new(rsa::pkcs1v15::VerifyingKey::new(k))))
                    .map_err(|e| bad_key(what, &format!("is not a valid PKCS#1 public key ({e})")))
            }
            _ => private::parse_pem(trimmed, what, Purpose::Signing).map(|k| k.verifying_key()),
        }
    }

    /// A public key from a JWK's members (`kty` RSA with `n`/`e`, or EC P-256 with `x`/`y`).
    /// The error is a reason, for the caller to put in context.
    pub fn from_jwk(jwk: &Value) -> std::result::Result<Self, String> {
        let member = |name: &str| -> std::result::Result<Vec<u8>, String> {
            let text = jwk
                .get(name)
                .and_then(Value::as_str)
                .ok_or_else(|| format!("has no `{name}` member"))?;
            URL_SAFE_NO_PAD
                .decode(text)
                .map_err(|_| format!("has a `{name}` member that is not base64url"))
        };
        match jwk.get("kty").and_then(Value::as_str) {
            Some("RSA") => {
                let n = rsa::BoxedUint::from_be_slice_vartime(&member("n")?);
                let e = rsa::BoxedUint::from_be_slice_vartime(&member("e")?);
                let key = rsa::PublicKey::new(n, e)
                    .map_err(|e| format!("is not a usable RSA public key ({e})"))?;
                Ok(VerifyingKey::Rsa(Box::new(
                    rsa::pkcs1v15::VerifyingKey::new(key),
                )))
            }
            Some("EC") => {
                if jwk.get("crv").and_then(Value::as_str) != Some("P-256") {
                    return Err("is an EC key on a curve other than P-256".into());
                }
                let (x, y) = (member("x")?, member("y")?);
                if x.len() != 32 || y.len() != 32 {
                    return Err("has P-256 coordinates of the wrong length".into());
                }
                let mut point = Vec::with_capacity(65);
                point.push(0x04);
                point.extend_from_slice(&x);
                point.extend_from_slice(&y);
                p256::ecdsa::VerifyingKey::from_sec1_bytes(&point)
                    .map(VerifyingKey::Ec)
                    .map_err(|_| "has a point that is not on the P-256 curve".into())
            }
            Some(other) => Err(format!(
                "has kty `{other}`; only RSA and EC P-256 are supported"
            )),
            None => Err("has no `kty` member".into()),
        }
    }

    /// The public JWK: `{"kty":"RSA","n","e"}` or `{"kty":"EC","crv":"P-256","x","y"}`.
    pub fn to_jwk(&self) -> Value {
        match self {
            VerifyingKey::Rsa(key) => {
                let public: &rsa::PublicKey = key.as_ref().as_ref();
                json!({
                    "kty": "RSA",
                    "e": URL_SAFE_NO_PAD.encode(public.e_bytes()),
                    "n": URL_SAFE_NO_PAD.encode(public.n_bytes()),
                })
            }
            VerifyingKey::Ec(key) => {
                let point = key.to_sec1_point(false);
                let (x, y) = (point.x(), point.y());
                json!({
                    "kty": "EC",
                    "crv": "P-256",
                    "x": x.map(|x| URL_SAFE_NO_PAD.encode(x)).unwrap_or_default(),
                    "y": y.map(|y| URL_SAFE_NO_PAD.encode(y)).unwrap_or_default(),
                })
            }
        }
    }

    /// RFC 7638 SHA-256 thumbprint of the public JWK, base64url (DPoP's `jkt`).
    pub fn thumbprint(&self) -> String {
        let jwk = self.to_jwk();
        let member = |name: &str| jwk[name].as_str().unwrap_or_default().to_string();
        match self {
            VerifyingKey::Rsa(_) => crate::jwk::thumbprint(&member("e"), &member("n")),
            VerifyingKey::Ec(_) => crate::jwk::rfc7638(&[
                ("crv", "P-256"),
                ("kty", "EC"),
                ("x", &member("x")),
                ("y", &member("y")),
            ]),
        }
    }

    /// Check a signature over the JWS signing input.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        match self {
            VerifyingKey::Rsa(key) => rsa::pkcs1v15::Signature::try_from(signature)
                .is_ok_and(|sig| key.verify(message, &sig).is_ok()),
            VerifyingKey::Ec(key) => p256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|sig| key.verify(message, &sig).is_ok()),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Test keys, made once with `openssl genpkey` for these tests only.
    pub const RSA_PKCS8: &str =
        include_str!("../../../../tests/fixtures/service-app-rsa.pkcs8.pem");
    pub const RSA_PKCS1: &str =
        include_str!("../../../../tests/fixtures/service-app-rsa.pkcs1.pem");
    pub const RSA_PUBLIC: &str = include_str!("../../../../tests/fixtures/service-app-rsa.pub.pem");
    pub const EC_PKCS8: &str = include_str!("../../../../tests/fixtures/service-app-ec.pkcs8.pem");
    pub const EC_SEC1: &str = include_str!("../../../../tests/fixtures/service-app-ec.sec1.pem");
    pub const EC_PUBLIC: &str = include_str!("../../../../tests/fixtures/service-app-ec.pub.pem");
    pub const EC_P384: &str = include_str!("../../../../tests/fixtures/other-ec-p384.pem");
    pub const ED25519: &str = include_str!("../../../../tests/fixtures/other-ed25519.pem");

    fn parse(text: &str) -> Result<ParsedKey> {
        SigningKey::parse(&Secret::new(text), "the key")
    }

    fn round_trip(key: &SigningKey, public: &VerifyingKey) {
        let sig = key.sign(b"header.payload");
        assert!(public.verify(b"header.payload", &sig));
        assert!(!public.verify(b"header.payloaX", &sig));
    }

    #[test]
    fn pem_formats_sign_and_verify_against_the_public_pem() {
        let rsa_public = VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap();
        let ec_public = VerifyingKey::parse(EC_PUBLIC, "pub").unwrap();
        for (text, alg, public) in [
            (RSA_PKCS8, Alg::Rs256, &rsa_public),
            (RSA_PKCS1, Alg::Rs256, &rsa_public),
            (EC_PKCS8, Alg::Es256, &ec_public),
            (EC_SEC1, Alg::Es256, &ec_public),
        ] {
            let parsed = parse(text).unwrap();
            assert_eq!(parsed.key.alg(), alg);
            assert_eq!(parsed.kid, None);
            round_trip(&parsed.key, public);
        }
        // ES256 signatures are raw r||s, 64 bytes.
        assert_eq!(parse(EC_PKCS8).unwrap().key.sign(b"x").len(), 64);
        assert_eq!(parse(RSA_PKCS8).unwrap().key.sign(b"x").len(), 256);
    }

    /// An outside implementation agrees: OpenSSL verifies our RS256 signature with the
    /// public PEM (skipped where no `openssl` binary is installed).
    #[test]
    fn openssl_verifies_our_rs256_signatures() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let key = parse(RSA_PKCS1).unwrap().key;
        let (input, sig, public) = (
            dir.path().join("in"),
            dir.path().join("sig"),
            dir.path().join("pub"),
        );
        std::fs::write(&input, b"eyJhbGciOiJSUzI1NiJ9.e30").unwrap();
        std::fs::write(&sig, key.sign(b"eyJhbGciOiJSUzI1NiJ9.e30")).unwrap();
        std::fs::write(&public, RSA_PUBLIC).unwrap();
        let verify = |data: &std::path::Path| {
            std::process::Command::new("openssl")
                .args(["dgst", "-sha256", "-verify"])
                .arg(&public)
                .arg("-signature")
                .arg(&sig)
                .arg(data)
                .output()
        };
        let Ok(out) = verify(&input) else { return };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        std::fs::write(&input, b"eyJhbGciOiJSUzI1NiJ9.e31").unwrap();
        assert!(!verify(&input).unwrap().status.success());
    }

    #[test]
    fn private_jwks_round_trip_through_their_public_jwk() {
        for pem_text in [RSA_PKCS8, EC_PKCS8] {
            let key = parse(pem_text).unwrap().key;
            let public = key.public_jwk();
            let verifier = VerifyingKey::from_jwk(&public).unwrap();
            round_trip(&key, &verifier);
            assert_eq!(verifier.thumbprint(), key.verifying_key().thumbprint());
        }
        let ec_jwk = include_str!("../../../../tests/fixtures/service-app-ec.jwk.json");
        let parsed = parse(ec_jwk).unwrap();
        assert_eq!(parsed.kid.as_deref(), Some("ec-test-key"));
        round_trip(&parsed.key, &VerifyingKey::parse(EC_PUBLIC, "pub").unwrap());
        let rsa_jwk = include_str!("../../../../tests/fixtures/service-app-rsa.jwk.json");
        let parsed = parse(rsa_jwk).unwrap();
        assert_eq!(parsed.kid.as_deref(), Some("rsa-test-key"));
        round_trip(
            &parsed.key,
            &VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap(),
        );
    }

    #[test]
    fn unusable_keys_are_key_file_errors_that_never_echo_the_key() {
        let mut mismatched: Value = serde_json::from_str(include_str!(
            "../../../../tests/fixtures/service-app-ec.jwk.json"
        ))
        .unwrap();
        mismatched["x"] = json!(URL_SAFE_NO_PAD.encode([7u8; 32]));
        let cases: Vec<(String, &str)> = vec![
            (RSA_PUBLIC.into(), "holds a public key or certificate"),
            (EC_P384.into(), "curve other than P-256"),
            (ED25519.into(), "neither an RSA nor an EC P-256 private key"),
            (
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"
                    .into(),
                "encrypted with a passphrase",
            ),
            (RSA_PKCS8.replace("MII", "MIX"), "is damaged"),
            ("hello".into(), "neither a PEM private key"),
            (r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#.into(), "is a public JWK"),
            (r#"{"kty":"OKP","d":"AA"}"#.into(), "kty `OKP`"),
            (r#"{"kty":"EC","crv":"P-384","d":"AA"}"#.into(), "other than P-256"),
            (mismatched.to_string(), "do not match its `d`"),
            ("{not json".into(), "is not a valid JWK"),
        ];
        for (text, expected) in cases {
            let err = parse(&text).unwrap_err();
            assert!(matches!(err, Error::KeyFile(_)), "{expected}");
            let msg = err.to_string();
            assert!(msg.starts_with("the key "), "{msg}");
            assert!(msg.contains(expected), "{expected}: {msg}");
            assert!(!msg.contains("MII"), "{msg}");
        }
    }

    #[test]
    fn ec_keys_survive_the_private_jwk_round_trip() {
        let key = SigningKey::generate_p256().unwrap();
        let jwk = key.to_private_ec_jwk().unwrap();
        let again = parse(jwk.expose()).unwrap().key;
        assert_eq!(again.public_jwk(), key.public_jwk());
        round_trip(&again, &key.verifying_key());
        assert!(parse(RSA_PKCS8).unwrap().key.to_private_ec_jwk().is_none());
    }

    #[test]
    fn ec_thumbprints_are_rfc_7638_over_crv_kty_x_y() {
        use sha2::Digest;
        let key = parse(EC_PKCS8).unwrap().key.verifying_key();
        let jwk = key.to_jwk();
        let canonical = format!(
            r#"{{"crv":"P-256","kty":"EC","x":"{}","y":"{}"}}"#,
            jwk["x"].as_str().unwrap(),
            jwk["y"].as_str().unwrap()
        );
        assert_eq!(
            key.thumbprint(),
            URL_SAFE_NO_PAD.encode(Sha256::digest(canonical))
        );
    }

    #[test]
    fn generated_p256_keys_differ_and_debug_hides_them() {
        let a = SigningKey::generate_p256().unwrap();
        let b = SigningKey::generate_p256().unwrap();
        assert_ne!(a.public_jwk(), b.public_jwk());
        assert_eq!(format!("{a:?}"), "SigningKey(ES256, [REDACTED])");
        round_trip(&a, &a.verifying_key());
    }
}
