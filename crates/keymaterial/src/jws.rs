//! JWS compact serialization (RFC 7515) for the JWTs this tool makes and checks: the
//! client assertion, DPoP proofs, and (in the sandbox) their verification.
//!
//! Only the framing lives here: `base64url(header) . base64url(claims) . base64url(sig)`;
//! the signatures are RustCrypto's (see [`crate::keys`]).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::keys::{SigningKey, VerifyingKey};
use crate::secret::Secret;

/// `client_assertion_type` of a JWT client assertion (RFC 7523 §2.2), as the service app
/// sends it and the sandbox's token endpoint expects it.
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// Sign `claims` with `key`. `header` gets `alg` from the key; pass `typ`, `kid`, `jwk`.
/// The result is a credential, so it comes back as a [`Secret`].
pub fn sign(key: &SigningKey, mut header: Map<String, Value>, claims: &Value) -> Secret {
    header.insert("alg".into(), Value::from(key.alg().as_str()));
    let mut input = String::with_capacity(512);
    URL_SAFE_NO_PAD.encode_string(Value::Object(header).to_string(), &mut input);
    input.push('.');
    URL_SAFE_NO_PAD.encode_string(claims.to_string(), &mut input);
    let signature = key.sign(input.as_bytes());
    input.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut input);
    Secret::new(input)
}

/// A JWS split and decoded, signature not yet checked.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
    signing_input: String,
    signature: Vec<u8>,
}

impl Decoded {
    /// Split and decode a compact JWS. The error is a reason (`"is not a JWT"`), never
    /// the token.
    pub fn parse(token: &str) -> std::result::Result<Self, String> {
        let mut parts = token.split('.');
        let (Some(h), Some(c), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("is not a compact JWT (three dot-separated parts)".into());
        };
        let json = |part: &str, what: &str| -> std::result::Result<Map<String, Value>, String> {
            let bytes = URL_SAFE_NO_PAD
                .decode(part)
                .map_err(|_| format!("has a {what} that is not base64url"))?;
            match serde_json::from_slice(&bytes) {
                Ok(Value::Object(map)) => Ok(map),
                _ => Err(format!("has a {what} that is not a JSON object")),
            }
        };
        let header = json(h, "header")?;
        let claims = json(c, "payload")?;
        let signature = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| "has a signature that is not base64url".to_string())?;
        Ok(Decoded {
            header,
            claims,
            signing_input: format!("{h}.{c}"),
            signature,
        })
    }

    pub fn alg(&self) -> Option<&str> {
        self.header.get("alg").and_then(Value::as_str)
    }

    /// Check the signature with `key`; the header's `alg` must be the key's (no `none`,
    /// no algorithm confusion).
    pub fn verify(&self, key: &VerifyingKey) -> std::result::Result<(), String> {
        if self.alg() != Some(key.alg().as_str()) {
            return Err(format!(
                "is signed with alg {} but the key is {}",
                self.alg().unwrap_or("(none)"),
                key.alg().as_str()
            ));
        }
        if key.verify(self.signing_input.as_bytes(), &self.signature) {
            Ok(())
        } else {
            Err("has a signature that does not verify".into())
        }
    }

    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Value::as_str)
    }

    pub fn claim_i64(&self, name: &str) -> Option<i64> {
        self.claims.get(name).and_then(Value::as_i64)
    }
}

/// A random identifier for `jti`: 128 bits from the OS, base64url.
pub fn random_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Internal(format!("the OS random source failed: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::tests::{EC_PKCS8, RSA_PKCS8};
    use serde_json::json;

    fn key(pem: &str) -> SigningKey {
        SigningKey::parse(&Secret::new(pem), "k").unwrap().key
    }

    #[test]
    fn signed_tokens_decode_and_verify_and_tampering_is_caught() {
        for pem in [RSA_PKCS8, EC_PKCS8] {
            let k = key(pem);
            let mut header = Map::new();
            header.insert("kid".into(), json!("k1"));
            let token = sign(&k, header, &json!({"sub": "me", "n": 5}));
            let decoded = Decoded::parse(token.expose()).unwrap();
            assert_eq!(decoded.alg(), Some(k.alg().as_str()));
            assert_eq!(decoded.header["kid"], "k1");
            assert_eq!(decoded.claim_str("sub"), Some("me"));
            assert_eq!(decoded.claim_i64("n"), Some(5));
            decoded.verify(&k.verifying_key()).unwrap();

            // Another key of the same type fails; so does a changed payload.
            let other = SigningKey::generate_p256().unwrap();
            if k.alg() == other.alg() {
                assert!(decoded.verify(&other.verifying_key()).is_err());
            } else {
                assert!(
                    decoded
                        .verify(&other.verifying_key())
                        .unwrap_err()
                        .contains("alg")
                );
            }
            let parts: Vec<&str> = token.expose().split('.').collect();
            let forged_claims = URL_SAFE_NO_PAD.encode(json!({"sub": "admin"}).to_string());
            let forged = format!("{}.{forged_claims}.{}", parts[0], parts[2]);
            assert!(
                Decoded::parse(&forged)
                    .unwrap()
                    .verify(&k.verifying_key())
                    .is_err()
            );
        }
    }

    #[test]
    fn alg_none_is_refused() {
        let k = key(EC_PKCS8);
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#);
        let claims = URL_SAFE_NO_PAD.encode("{}");
        let decoded = Decoded::parse(&format!("{header}.{claims}.")).unwrap();
        assert!(decoded.verify(&k.verifying_key()).is_err());
    }

    #[test]
    fn malformed_tokens_have_reasons() {
        assert!(Decoded::parse("a.b").unwrap_err().contains("three"));
        assert!(Decoded::parse("a.b.c.d").unwrap_err().contains("three"));
        assert!(Decoded::parse("!!.e30.").unwrap_err().contains("header"));
        let not_object = URL_SAFE_NO_PAD.encode("[1]");
        assert!(
            Decoded::parse(&format!("e30.{not_object}."))
                .unwrap_err()
                .contains("payload")
        );
    }

    #[test]
    fn random_ids_are_unique() {
        let a = random_id().unwrap();
        assert_eq!(a.len(), 22);
        assert_ne!(a, random_id().unwrap());
    }
}
