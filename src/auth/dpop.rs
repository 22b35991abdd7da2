//! DPoP (RFC 9449) over HTTP: the proofs are the key-material crate's
//! ([`keymaterial::dpop`]); here are the nonces servers demand (`use_dpop_nonce` +
//! `DPoP-Nonce`), read from responses. [`Nonces`] remembers the latest one per server and
//! role so the next proof carries it.

use std::collections::HashMap;
use std::sync::Mutex;

use reqwest::header::HeaderMap;
use serde_json::Value;
use url::Url;

use keymaterial::dpop::NONCE_HEADER;

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
    use reqwest::header::HeaderValue;

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
