//! Authenticating one API request: a token for the command's need (or the method's),
//! `Authorization: Bearer|DPoP …`, a DPoP proof with `ath` and the API's own nonce; and
//! after the answer, whether a nonce challenge or a refused kept token asks for a resend.

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName};
use url::Url;

use super::{AccessToken, AuthRetries, MAX_NONCE_RETRIES, Scope, ServiceApp, TokenType, sensitive};
use crate::auth::dpop::{self, NonceRole};
use crate::error::Result;
use crate::http::Transport;
use keymaterial::dpop::DPOP_HEADER;

impl ServiceApp {
    /// The headers for one API request: a token for the command's need (or the method's,
    /// when more), then `Authorization` and, for DPoP, a proof.
    pub(crate) async fn request_headers(
        &self,
        transport: &Transport,
        method: &Method,
        url: &Url,
    ) -> Result<HeaderMap> {
        let declared = self.need.lock().map(|n| *n).unwrap_or(Scope::Read);
        let need = declared.max(Scope::for_method(method));
        let token = self.token(transport, need).await?;
        let headers = self.api_headers(&token, method, url)?;
        if let Ok(mut last) = self.last_token.lock() {
            *last = Some(token);
        }
        Ok(headers)
    }

    /// After an API response: remember its DPoP nonce; on a 401, say whether to resend —
    /// a nonce challenge (at most [`MAX_NONCE_RETRIES`] times), or a kept token that Okta
    /// no longer takes (discarded; once). A token fetched for this very request that is
    /// refused is not fetched again: that would not help.
    pub(crate) fn after_response(
        &self,
        url: &Url,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        retries: &mut AuthRetries,
    ) -> bool {
        let challenge = self.note_api_response(url, status, headers, body);
        if challenge && retries.nonce < MAX_NONCE_RETRIES {
            retries.nonce += 1;
            tracing::info!("the API asked for a DPoP nonce; resending with it");
            return true;
        }
        if status != 401 {
            return false;
        }
        let last = self.last_token.lock().ok().and_then(|mut l| l.take());
        match last {
            Some(token) if !retries.renewed && !token.fresh => {
                self.discard(&token);
                retries.renewed = true;
                tracing::info!("Okta refused the kept access token; getting a new one");
                true
            }
            _ => false,
        }
    }

    /// The headers that authenticate one API request with `token`: `Authorization`, and
    /// for a DPoP token a proof for this method and URL with `ath` (and the API's nonce).
    pub fn api_headers(
        &self,
        token: &AccessToken,
        method: &Method,
        url: &Url,
    ) -> Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            sensitive(&format!(
                "{} {}",
                token.token_type.scheme(),
                token.token.expose()
            ))?,
        );
        if let (TokenType::Dpop, Some(key)) = (token.token_type, &token.dpop) {
            let nonce = self.nonces.get(url, NonceRole::Resource);
            let proof = key.proof(method.as_str(), url, nonce.as_deref(), Some(&token.token))?;
            headers.insert(
                HeaderName::from_static(DPOP_HEADER),
                sensitive(proof.expose())?,
            );
        }
        Ok(headers)
    }

    /// Look at an API response: remember a DPoP nonce it carries, and say whether it is a
    /// nonce challenge to answer by resending (with a new proof, same token): a
    /// `DPoP-Nonce` with `WWW-Authenticate: DPoP error="use_dpop_nonce"` (RFC 9449 §9) or
    /// with an OAuth error body saying `use_dpop_nonce`.
    pub fn note_api_response(
        &self,
        url: &Url,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
    ) -> bool {
        let had_nonce = self.nonces.note(url, NonceRole::Resource, headers);
        had_nonce
            && (dpop::is_resource_nonce_challenge(status, headers)
                || dpop::is_nonce_error_body(status, body))
    }
}
