//! The resource server's RSA private key, which opens the access tokens Okta encrypts to
//! the authorization server's ACTIVE key (see [`crate::jwe`]). Read by the one private-key
//! reader, so it takes the same formats: PKCS#8 or PKCS#1 PEM, or a private JWK.

use serde_json::Value;

use super::private::{Purpose, bad_key, parse};
use super::{SigningKey, VerifyingKey};
use crate::error::Result;
use crate::secret::Secret;

/// An RSA private key for JWE decryption. Its `Debug` never shows key material.
pub struct DecryptionKey {
    key: rsa::PrivateKey,
    public: VerifyingKey,
}

impl std::fmt::Debug for DecryptionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DecryptionKey(RSA, [REDACTED])")
    }
}

impl DecryptionKey {
    /// Parse an RSA private key: PEM (PKCS#8, PKCS#1) or a private JWK. `what` names the
    /// source in messages ("the private key file enc.pem"); the text never appears. An EC
    /// key is refused: Okta encrypts access tokens to RSA keys only.
    pub fn parse(text: &Secret, what: &str) -> Result<Self> {
        Self::parse_with_passphrase(text, what, None)
    }

    /// [`DecryptionKey::parse`], opening an encrypted PKCS#8 PEM with `passphrase` (the
    /// caller gets it: this crate does no I/O).
    pub fn parse_with_passphrase(
        text: &Secret,
        what: &str,
        passphrase: Option<&Secret>,
    ) -> Result<Self> {
        match parse(text, what, Purpose::Decrypting, passphrase)?.key {
            SigningKey::Rsa(signing) => {
                let key: &rsa::PrivateKey = signing.as_ref().as_ref();
                Ok(DecryptionKey {
                    key: key.clone(),
                    public: SigningKey::Rsa(signing).verifying_key(),
                })
            }
            SigningKey::Ec(_) => Err(bad_key(
                what,
                "is an EC key; access tokens are encrypted to RSA keys (RSA-OAEP)",
            )),
        }
    }

    /// The key for [`crate::jwe::decrypt`].
    pub fn private_key(&self) -> &rsa::PrivateKey {
        &self.key
    }

    /// The public half as a JWK: `{"kty":"RSA","e","n"}` (no private member).
    pub fn public_jwk(&self) -> Value {
        self.public.to_jwk()
    }

    /// RFC 7638 SHA-256 thumbprint of the public half.
    pub fn thumbprint(&self) -> String {
        self.public.thumbprint()
    }

    /// The key as an unencrypted PKCS#8 PEM (`PRIVATE KEY`), for files that want PEM.
    pub fn to_pkcs8_pem(&self) -> Result<Secret> {
        use rsa::pkcs8::EncodePrivateKey;
        let pem = self
            .key
            .to_pkcs8_pem(pkcs8::LineEnding::LF)
            .map_err(|e| crate::Error::Internal(format!("cannot encode the private key: {e}")))?;
        Ok(Secret::new(pem.as_str()))
    }

    /// The key as a private JWK (RFC 7518 §6.3) with `kid`, `use: enc` and `alg`.
    pub fn to_private_jwk(&self, kid: &str, alg: Option<&str>) -> Result<Secret> {
        crate::private_out::private_jwk(&self.to_pkcs8_pem()?, kid, alg)
    }

    /// Whether `n` and `e` (base64url, as a JWK or Okta's key object spells them) are
    /// this key's public half, compared by value (leading zero bytes and padding aside).
    pub fn has_public_half(&self, n: &str, e: &str) -> bool {
        let jwk = self.public_jwk();
        let ours = |name: &str| jwk.get(name).and_then(Value::as_str).and_then(magnitude);
        match (ours("n"), ours("e"), magnitude(n), magnitude(e)) {
            (Some(n0), Some(e0), Some(n1), Some(e1)) => n0 == n1 && e0 == e1,
            _ => false,
        }
    }
}

/// A base64url big-endian integer's bytes without leading zeros; `None` if not base64url.
fn magnitude(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()?;
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    Some(bytes[first..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::tests::{EC_PKCS8, RSA_PKCS1, RSA_PKCS8, RSA_PUBLIC};

    fn parse(text: &str) -> Result<DecryptionKey> {
        DecryptionKey::parse(&Secret::new(text), "the key")
    }

    #[test]
    fn rsa_keys_in_every_format_give_the_same_public_half() {
        let jwk = include_str!("../../../../tests/fixtures/service-app-rsa.jwk.json");
        let public = VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap().to_jwk();
        for text in [RSA_PKCS8, RSA_PKCS1, jwk] {
            let key = parse(text).unwrap();
            assert_eq!(key.public_jwk(), public);
            let (n, e) = (public["n"].as_str().unwrap(), public["e"].as_str().unwrap());
            assert!(key.has_public_half(n, e));
            assert!(
                key.has_public_half(&format!("AAAA{n}"), "AAEAAQ"),
                "leading zeros"
            );
            assert!(!key.has_public_half(n, "AQAC"));
            assert!(!key.has_public_half("!!", e));
            assert_eq!(format!("{key:?}"), "DecryptionKey(RSA, [REDACTED])");
        }
    }

    #[test]
    fn the_key_round_trips_through_pkcs8_and_a_private_jwk() {
        let key = parse(RSA_PKCS1).unwrap();
        let pem = key.to_pkcs8_pem().unwrap();
        assert!(pem.expose().starts_with("-----BEGIN PRIVATE KEY-----"));
        let jwk = key.to_private_jwk("k1", Some("RSA-OAEP-256")).unwrap();
        let value: Value = serde_json::from_str(jwk.expose()).unwrap();
        assert_eq!(
            (value["kid"].as_str(), value["alg"].as_str()),
            (Some("k1"), Some("RSA-OAEP-256"))
        );
        for again in [pem, jwk] {
            assert_eq!(
                parse(again.expose()).unwrap().public_jwk(),
                key.public_jwk()
            );
        }
    }

    #[test]
    fn ec_and_public_keys_are_refused_in_words_for_decryption() {
        let ec = parse(EC_PKCS8).unwrap_err().to_string();
        assert!(
            ec.contains("is an EC key; access tokens are encrypted to RSA keys"),
            "{ec}"
        );
        let public = parse(RSA_PUBLIC).unwrap_err().to_string();
        assert!(
            public.contains("decrypting tokens needs the private key"),
            "{public}"
        );
        let jwk = parse(r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#)
            .unwrap_err()
            .to_string();
        assert!(jwk.contains("is a public JWK; decrypting tokens"), "{jwk}");
    }

    #[test]
    fn a_token_encrypted_to_the_public_half_decrypts() {
        let key = parse(RSA_PKCS8).unwrap();
        let public = key.private_key().to_public_key();
        let token = crate::jwe::encrypt(
            b"payload",
            &public,
            crate::jwe::KeyAlg::RsaOaep256,
            crate::jwe::ContentEnc::A256Gcm,
            serde_json::Map::new(),
        )
        .unwrap();
        let opened = crate::jwe::decrypt(&token, key.private_key()).unwrap();
        assert_eq!(opened.plaintext.as_slice(), b"payload");
    }
}
