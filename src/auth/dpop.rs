//! DPoP (RFC 9449): proof-of-possession JWTs bound to a key of our own.
//!
//! One ephemeral P-256 key per process (or per cached token, see `service_app`): every
//! request (the token request and each API call) carries a fresh proof signed with it,
//! naming the method and URL, and on API calls the hash of the access token (`ath`).
//! Servers may demand a nonce (`use_dpop_nonce` + `DPoP-Nonce`); [`Nonces`] remembers the
//! latest one per server and role so the next proof carries it.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::header::HeaderMap;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use url::Url;

use super::jws;
use super::keys::SigningKey;
use crate::error::Result;
use crate::secret::Secret;

pub const DPOP_HEADER: &str = "dpop";
pub const NONCE_HEADER: &str = "dpop-nonce";
pub const PROOF_TYP: &str = "dpop+jwt";

/// The DPoP key and the proofs it signs.
#[derive(Debug)]
pub struct DpopKey {
    key: SigningKey,
    jwk: Value,
}

impl DpopKey {
    /// A fresh ES256 key from the OS random source.
    pub fn generate() -> Result<Self> {
        Ok(Self::from_key(SigningKey::generate_p256()?))
    }

    pub fn from_key(key: SigningKey) -> Self {
        let jwk = key.public_jwk();
        DpopKey { key, jwk }
    }

    pub fn key(&self) -> &SigningKey {
        &self.key
    }

    /// The public JWK that goes in every proof's header.
    pub fn public_jwk(&self) -> &Value {
        &self.jwk
    }

    /// RFC 7638 thumbprint of the public key (what a DPoP-bound token's `cnf.jkt` holds).
    pub fn thumbprint(&self) -> String {
        self.key.verifying_key().thumbprint()
    }

    /// A proof for one request: `htm` the method, `htu` the URL without query and
    /// fragment, a fresh `jti`, `iat` now, `nonce` when the server gave one, and `ath`
    /// when an access token goes with the request.
    pub fn proof(
        &self,
        method: &str,
        url: &Url,
        nonce: Option<&str>,
        access_token: Option<&Secret>,
    ) -> Result<Secret> {
        let mut header = Map::new();
        header.insert("typ".into(), json!(PROOF_TYP));
        header.insert("jwk".into(), self.jwk.clone());
        let mut claims = json!({
            "jti": jws::random_id()?,
            "htm": method,
            "htu": htu(url),
            "iat": jws::now_secs(),
        });
        if let Some(nonce) = nonce {
            claims["nonce"] = json!(nonce);
        }
        if let Some(token) = access_token {
            claims["ath"] = json!(ath(token));
        }
        Ok(jws::sign(&self.key, header, &claims))
    }
}

/// `htu`: the request URL without query and fragment (RFC 9449 §4.2).
pub fn htu(url: &Url) -> String {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    url.to_string()
}

/// `ath`: base64url of the SHA-256 of the access token's ASCII bytes.
pub fn ath(access_token: &Secret) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(access_token.expose().as_bytes()))
}

/// The `DPoP-Nonce` a response carries, if any.
pub fn nonce_from(headers: &HeaderMap) -> Option<String> {
    headers
        .get(NONCE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// A resource server's nonce challenge: `401` with
/// `WWW-Authenticate: DPoP error="use_dpop_nonce", …` (RFC 9449 §9).
pub fn is_resource_nonce_challenge(status: u16, headers: &HeaderMap) -> bool {
    status == 401
        && headers
            .get_all(reqwest::header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| {
                let v = v.trim_start();
                v.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("dpop "))
                    && auth_param(v, "error").as_deref() == Some("use_dpop_nonce")
            })
}

/// A nonce challenge in an OAuth error body (`{"error":"use_dpop_nonce",…}`), which is
/// how Okta's APIs answer too (Okta's SDKs look there).
pub fn is_nonce_error_body(status: u16, body: &[u8]) -> bool {
    (status == 400 || status == 401)
        && serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| {
                v.get("error")
                    .and_then(Value::as_str)
                    .map(|e| e == "use_dpop_nonce")
            })
            .unwrap_or(false)
}

/// One auth-param's value from a challenge (`error="use_dpop_nonce"` or unquoted).
fn auth_param(challenge: &str, name: &str) -> Option<String> {
    let mut rest = challenge;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0
            || rest[..pos]
                .chars()
                .next_back()
                .is_some_and(|c| c == ' ' || c == ',');
        let after = rest[pos + name.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            return Some(match value.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next().unwrap_or("").to_string(),
                None => value.split([',', ' ']).next().unwrap_or("").to_string(),
            });
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// Which server a nonce belongs to: the token endpoint and the API keep their own, even
/// on one host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NonceRole {
    TokenEndpoint,
    Resource,
}

/// The latest nonce per origin and role.
#[derive(Debug, Default)]
pub struct Nonces(Mutex<HashMap<(String, NonceRole), String>>);

impl Nonces {
    pub fn get(&self, url: &Url, role: NonceRole) -> Option<String> {
        let map = self.0.lock().ok()?;
        map.get(&(url.origin().ascii_serialization(), role))
            .cloned()
    }

    /// Remember the nonce a response carries (servers may send a new one on any answer).
    /// Returns whether there was one.
    pub fn note(&self, url: &Url, role: NonceRole, headers: &HeaderMap) -> bool {
        let Some(nonce) = nonce_from(headers) else {
            return false;
        };
        if let Ok(mut map) = self.0.lock() {
            map.insert((url.origin().ascii_serialization(), role), nonce);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jws::Decoded;
    use crate::auth::keys::VerifyingKey;
    use reqwest::header::HeaderValue;

    #[test]
    fn proofs_carry_the_rfc_9449_claims_and_verify_with_their_own_jwk() {
        let key = DpopKey::generate().unwrap();
        let url = Url::parse("https://acme.okta.com:8443/api/v1/x?limit=5#frag").unwrap();
        let token = Secret::new("eyJaccess.token.value");
        let proof = key
            .proof("POST", &url, Some("n-123"), Some(&token))
            .unwrap();
        let decoded = Decoded::parse(proof.expose()).unwrap();
        assert_eq!(decoded.header["typ"], "dpop+jwt");
        assert_eq!(decoded.header["alg"], "ES256");
        assert_eq!(&decoded.header["jwk"], key.public_jwk());
        assert!(
            decoded.header["jwk"].get("d").is_none(),
            "private member in the proof"
        );
        assert!(decoded.header.get("kid").is_none());
        decoded
            .verify(&VerifyingKey::from_jwk(&decoded.header["jwk"]).unwrap())
            .unwrap();
        assert_eq!(decoded.claim_str("htm"), Some("POST"));
        assert_eq!(
            decoded.claim_str("htu"),
            Some("https://acme.okta.com:8443/api/v1/x")
        );
        assert_eq!(decoded.claim_str("nonce"), Some("n-123"));
        // ath = base64url(SHA-256("eyJaccess.token.value")), computed independently.
        let expected = URL_SAFE_NO_PAD.encode(Sha256::digest(b"eyJaccess.token.value"));
        assert_eq!(decoded.claim_str("ath"), Some(expected.as_str()));
        assert!((decoded.claim_i64("iat").unwrap() - jws::now_secs()).abs() <= 2);
        assert_eq!(decoded.claim_str("jti").map(str::len), Some(22));

        let bare = key.proof("GET", &url, None, None).unwrap();
        let bare = Decoded::parse(bare.expose()).unwrap();
        assert!(bare.claims.get("nonce").is_none() && bare.claims.get("ath").is_none());
        assert_ne!(bare.claim_str("jti"), decoded.claim_str("jti"));
        assert_eq!(key.thumbprint().len(), 43);
    }

    #[test]
    fn resource_nonce_challenges_are_recognised() {
        let h = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert("www-authenticate", HeaderValue::from_str(v).unwrap());
            h
        };
        let yes = [
            r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#,
            r#"dpop algs="ES256", error="use_dpop_nonce""#,
            "DPoP error=use_dpop_nonce",
        ];
        for v in yes {
            assert!(is_resource_nonce_challenge(401, &h(v)), "{v}");
        }
        let no = [
            r#"DPoP error="invalid_token""#,
            r#"Bearer error="use_dpop_nonce""#,
            r#"DPoP xerror="use_dpop_nonce""#,
        ];
        for v in no {
            assert!(!is_resource_nonce_challenge(401, &h(v)), "{v}");
        }
        assert!(!is_resource_nonce_challenge(
            400,
            &h(r#"DPoP error="use_dpop_nonce""#)
        ));
        let body = br#"{"error":"use_dpop_nonce","error_description":"Resource server requires nonce in DPoP proof"}"#;
        assert!(is_nonce_error_body(401, body) && is_nonce_error_body(400, body));
        assert!(!is_nonce_error_body(403, body));
        assert!(!is_nonce_error_body(401, br#"{"errorCode":"E0000011"}"#));
        assert!(!is_nonce_error_body(401, b"<html>"));
    }

    #[test]
    fn nonces_are_kept_per_origin_and_role() {
        let nonces = Nonces::default();
        let a = Url::parse("https://a.okta.com/oauth2/v1/token").unwrap();
        let a_api = Url::parse("https://a.okta.com/api/v1/x").unwrap();
        let b = Url::parse("https://b.okta.com/oauth2/v1/token").unwrap();
        let mut h = HeaderMap::new();
        assert!(!nonces.note(&a, NonceRole::TokenEndpoint, &h));
        h.insert("DPoP-Nonce", HeaderValue::from_static("n1"));
        assert!(nonces.note(&a, NonceRole::TokenEndpoint, &h));
        assert_eq!(
            nonces.get(&a_api, NonceRole::TokenEndpoint).as_deref(),
            Some("n1")
        );
        assert_eq!(nonces.get(&a_api, NonceRole::Resource), None);
        assert_eq!(nonces.get(&b, NonceRole::TokenEndpoint), None);
    }
}
