//! The client assertion (`private_key_jwt`, RFC 7523): a JWT signed with the app's key,
//! new for every token request attempt.

use serde_json::{Map, json};

use super::ServiceApp;
use crate::error::Result;
use keymaterial::jws;
use keymaterial::keys::ParsedKey;
use keymaterial::secret::Secret;

// The constant lives with the JWS code the sandbox shares.
/// Lifetime of a client assertion (Okta allows up to an hour; shorter is safer).
const ASSERTION_LIFETIME_SECS: i64 = 300;

impl ServiceApp {
    /// A fresh client assertion: `iss` = `sub` = client id, `aud` = the token URL,
    /// `iat` now, `exp` in 5 minutes, a random `jti`; header `kid` when known.
    pub(super) fn assertion(&self, key: &ParsedKey) -> Result<Secret> {
        let now = jws::now_secs();
        let mut header = Map::new();
        header.insert("typ".into(), json!("JWT"));
        if let Some(kid) = self.key_id.as_ref().or(key.kid.as_ref()) {
            header.insert("kid".into(), json!(kid));
        }
        let claims = json!({
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": self.token_url.as_str(),
            "iat": now,
            "exp": now + ASSERTION_LIFETIME_SECS,
            "jti": jws::random_id()?,
        });
        Ok(jws::sign(&key.key, header, &claims))
    }
}
