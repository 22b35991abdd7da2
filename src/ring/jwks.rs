//! The ring's contents: a standard private JWKS (RFC 7517 `{"keys":[…]}`), each key an RSA
//! private JWK with `kid`, `use: "enc"` and `alg`, as panva/jose, jwx, Nimbus and
//! Microsoft.IdentityModel load it. Nothing else is written, so nothing a loader chokes on;
//! members of a key this version does not know are kept as they were.

use serde_json::Value;

use crate::error::{Error, Result};
use keymaterial::keys::DecryptionKey;
use keymaterial::secret::Secret;

/// The `alg` of a key oktakeys puts in a ring when Okta's key names none: Okta's default
/// access-token encryption.
pub(crate) const DEFAULT_ALG: &str = "RSA-OAEP-256";

/// One private key of the ring.
pub(crate) struct RingKey {
    kid: String,
    alg: Option<String>,
    key: DecryptionKey,
    /// The JWK as stored (a private key: never printed).
    jwk: Secret,
}

impl RingKey {
    /// A key to put in the ring, as a private JWK with `kid`, `use: enc` and `alg`.
    pub(crate) fn new(kid: &str, alg: &str, key: DecryptionKey) -> Result<Self> {
        let jwk = key.to_private_jwk(kid, Some(alg))?;
        Ok(RingKey {
            kid: kid.to_string(),
            alg: Some(alg.to_string()),
            key,
            jwk: Secret::new(jwk.expose().trim_end()),
        })
    }

    pub(crate) fn kid(&self) -> &str {
        &self.kid
    }

    pub(crate) fn alg(&self) -> Option<&str> {
        self.alg.as_deref()
    }

    /// RFC 7638 thumbprint of the public half.
    pub(crate) fn thumbprint(&self) -> String {
        self.key.thumbprint()
    }

    /// The private key, to open a token encrypted to this kid.
    pub(crate) fn key(&self) -> &DecryptionKey {
        &self.key
    }

    /// The private key as a PKCS#8 PEM (for `keys ring export --pem-dir`).
    pub(crate) fn pem(&self) -> Result<Secret> {
        Ok(self.key.to_pkcs8_pem()?)
    }
}

/// A ring: the private keys, in the order they were added.
#[derive(Default)]
pub(crate) struct Ring {
    keys: Vec<RingKey>,
}

impl Ring {
    /// Read a private JWKS. `what` names it in messages ("the ring file ring.json"); no
    /// message ever holds key material. A key without a kid, a public key, a key for
    /// signing (`use: sig`) or two keys of one kid make the ring unusable (exit 3).
    pub(crate) fn parse(text: &str, what: &str) -> Result<Ring> {
        let bad = |why: String| Error::KeyFile(format!("{what}: {why}"));
        let value: Value = serde_json::from_str(text)
            .map_err(|e| bad(format!("not a JWKS (JSON {{\"keys\":[…]}}): {e}")))?;
        let Some(members) = value.get("keys").and_then(Value::as_array) else {
            return Err(bad("not a JWKS: no \"keys\" array".into()));
        };
        let mut ring = Ring::default();
        for (i, member) in members.iter().enumerate() {
            let kid = match member.get("kid").and_then(Value::as_str) {
                Some(kid) if !kid.is_empty() => kid.to_string(),
                _ => return Err(bad(format!("key {} has no kid", i + 1))),
            };
            let shown = crate::escape::escape(&kid);
            if let Some(u) = member.get("use").and_then(Value::as_str)
                && u != "enc"
            {
                return Err(bad(format!(
                    "key {shown} has `use` {:?}, not \"enc\"",
                    crate::escape::escape(u)
                )));
            }
            if ring.get(&kid).is_some() {
                return Err(bad(format!("two keys have the kid {shown}")));
            }
            let jwk = Secret::new(member.to_string());
            let key = DecryptionKey::parse(&jwk, &format!("key {shown} of {what}"))?;
            ring.keys.push(RingKey {
                alg: member
                    .get("alg")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                kid,
                key,
                jwk,
            });
        }
        Ok(ring)
    }

    /// The JWKS text: `{"keys":[…]}`, one key a line.
    pub(crate) fn to_text(&self) -> Secret {
        let mut text = String::from("{\"keys\":[");
        for (i, key) in self.keys.iter().enumerate() {
            text.push_str(if i == 0 { "\n  " } else { ",\n  " });
            text.push_str(key.jwk.expose());
        }
        text.push_str(if self.keys.is_empty() {
            "]}\n"
        } else {
            "\n]}\n"
        });
        let secret = Secret::new(text.as_str());
        zeroize::Zeroize::zeroize(&mut text);
        secret
    }

    pub(crate) fn keys(&self) -> &[RingKey] {
        &self.keys
    }

    pub(crate) fn get(&self, kid: &str) -> Option<&RingKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    /// Put `key` in. `false` when the ring holds it already (same kid, same key). A
    /// different key under the same kid is refused: a ring picks keys by kid.
    pub(crate) fn insert(&mut self, key: RingKey) -> Result<bool> {
        match self.get(&key.kid) {
            Some(held) if held.thumbprint() == key.thumbprint() => Ok(false),
            Some(_) => Err(Error::Refused {
                message: format!(
                    "the ring already holds a different key with kid {}",
                    crate::escape::escape(&key.kid)
                ),
                hint: Some("a ring picks keys by kid: give the new key another kid (--kid)".into()),
            }),
            None => {
                self.keys.push(key);
                Ok(true)
            }
        }
    }

    /// Take the key of `kid` out; `false` when there is none.
    pub(crate) fn remove(&mut self, kid: &str) -> bool {
        let before = self.keys.len();
        self.keys.retain(|k| k.kid != kid);
        self.keys.len() != before
    }

    /// `kid=thumbprint` of every key, to compare a ring with what was written.
    pub(crate) fn fingerprint(&self) -> Vec<(String, String)> {
        self.keys
            .iter()
            .map(|k| (k.kid.clone(), k.thumbprint()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PKCS8: &str = include_str!("../../tests/fixtures/service-app-rsa.pkcs8.pem");

    fn key() -> DecryptionKey {
        DecryptionKey::parse(&Secret::new(PKCS8), "fixture").unwrap()
    }

    #[test]
    fn a_ring_round_trips_as_a_standard_private_jwks() {
        let mut ring = Ring::default();
        assert!(
            ring.insert(RingKey::new("k1", DEFAULT_ALG, key()).unwrap())
                .unwrap()
        );
        assert!(
            !ring
                .insert(RingKey::new("k1", DEFAULT_ALG, key()).unwrap())
                .unwrap()
        );
        let text = ring.to_text();
        let value: Value = serde_json::from_str(text.expose()).unwrap();
        let jwk = &value["keys"][0];
        assert_eq!(
            (
                jwk["kty"].as_str(),
                jwk["use"].as_str(),
                jwk["alg"].as_str()
            ),
            (Some("RSA"), Some("enc"), Some("RSA-OAEP-256"))
        );
        for member in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
            assert!(jwk[member].is_string(), "{member}");
        }
        let again = Ring::parse(text.expose(), "the ring").unwrap();
        assert_eq!(again.fingerprint(), ring.fingerprint());
        assert!(ring.remove("k1"));
        assert_eq!(ring.to_text().expose(), "{\"keys\":[]}\n");
    }

    #[test]
    fn unusable_rings_are_refused_without_key_material_in_the_message() {
        let jwk: Value =
            serde_json::from_str(key().to_private_jwk("k1", None).unwrap().expose()).unwrap();
        let d = jwk["d"].as_str().unwrap().to_string();
        let mut no_kid = jwk.clone();
        no_kid.as_object_mut().unwrap().remove("kid");
        let mut sig = jwk.clone();
        sig["use"] = "sig".into();
        let mut public = jwk.clone();
        public.as_object_mut().unwrap().remove("d");
        for (ring, why) in [
            (serde_json::json!({"keys": [no_kid]}), "has no kid"),
            (serde_json::json!({"keys": [sig]}), "not \"enc\""),
            (
                serde_json::json!({"keys": [jwk, jwk]}),
                "two keys have the kid k1",
            ),
            (serde_json::json!({"keys": [public]}), "key k1 of the ring"),
            (serde_json::json!([]), "no \"keys\" array"),
        ] {
            let err = Ring::parse(&ring.to_string(), "the ring").err().unwrap();
            let text = err.to_string();
            assert!(text.contains(why), "{text}");
            assert!(!text.contains(&d), "{text}");
            assert_eq!(err.exit_code(), 3);
        }
    }

    #[test]
    fn another_key_under_a_held_kid_is_refused() {
        let mut ring = Ring::default();
        ring.insert(RingKey::new("k1", DEFAULT_ALG, key()).unwrap())
            .unwrap();
        let other = DecryptionKey::parse(
            &Secret::new(include_str!(
                "../../tests/fixtures/service-app-rsa.pkcs1.pem"
            )),
            "x",
        )
        .unwrap();
        // The fixtures are one key in two formats: make another one.
        let (pem, _) = keymaterial::generate::generate(2048).unwrap();
        let other2 = DecryptionKey::parse(&pem, "generated").unwrap();
        assert!(
            !ring
                .insert(RingKey::new("k1", DEFAULT_ALG, other).unwrap())
                .unwrap()
        );
        let err = ring
            .insert(RingKey::new("k1", DEFAULT_ALG, other2).unwrap())
            .unwrap_err();
        assert_eq!(err.exit_code(), 6);
    }
}
