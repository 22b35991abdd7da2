//! DPoP (RFC 9449): proof-of-possession JWTs bound to a key of our own.
//!
//! One ephemeral P-256 key per process (or per cached token, see `service_app`): every
//! request (the token request and each API call) carries a fresh proof signed with it,
//! naming the method and URL, and on API calls the hash of the access token (`ath`).
//! Servers may demand a nonce (`use_dpop_nonce` + `DPoP-Nonce`); the proof carries the
//! one it is given (keeping them per server is the HTTP client's business).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use url::Url;

use crate::error::Result;
use crate::jws;
use crate::keys::SigningKey;
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
pub(crate) fn htu(url: &Url) -> String {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    url.to_string()
}

/// `ath`: base64url of the SHA-256 of the access token's ASCII bytes.
pub fn ath(access_token: &Secret) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(access_token.expose().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jws::Decoded;
    use crate::keys::VerifyingKey;

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
}
