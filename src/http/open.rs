//! Requests that carry no management API credentials: a custom authorization server's own
//! endpoints, `GET /oauth2/{id}/v1/keys` (no authentication) and `POST /oauth2/{id}/v1/token`
//! (the OAuth client's id and secret as HTTP Basic, `client_secret_basic`, RFC 6749 §2.3.1).
//! They go through the transport like any request: retries, the deadline, the redacted log
//! (the `Authorization` header is marked sensitive, so `-vv` shows `[REDACTED]`).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use url::Url;

use super::{Attempts, Credentials, Request, Response};
use crate::error::{Error, Result};
use keymaterial::secret::Secret;

/// How a request without management API credentials authenticates.
#[derive(Debug, Clone, Copy)]
pub(crate) enum OpenAuth<'a> {
    /// Nothing (a JWKS, discovery metadata).
    None,
    /// `client_secret_basic`.
    Basic {
        client_id: &'a str,
        secret: &'a Secret,
    },
}

/// The [`Attempts`] of such a request: the same headers on every attempt, nothing resent
/// for authentication's sake, refusals decoded as for any request.
pub(crate) struct OpenAttempts<'a>(pub(crate) OpenAuth<'a>);

impl Attempts for OpenAttempts<'_> {
    async fn credentials(&mut self, _request: &Request, _url: &Url) -> Result<Credentials> {
        let mut headers = HeaderMap::new();
        if let OpenAuth::Basic { client_id, secret } = self.0 {
            headers.insert(AUTHORIZATION, basic(client_id, secret)?);
        }
        Ok(Credentials {
            headers,
            form: Vec::new(),
        })
    }

    fn resend_at_once(&mut self, _url: &Url, _response: &Response) -> bool {
        false
    }
}

/// `Basic base64(urlencode(id) ":" urlencode(secret))`, as RFC 6749 §2.3.1 asks, marked
/// sensitive so no log shows it.
fn basic(client_id: &str, secret: &Secret) -> Result<HeaderValue> {
    let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let pair =
        zeroize::Zeroizing::new(format!("{}:{}", encode(client_id), encode(secret.expose())));
    let value = zeroize::Zeroizing::new(format!("Basic {}", STANDARD.encode(pair.as_bytes())));
    let mut header = HeaderValue::from_str(&value)
        .map_err(|_| Error::Internal("the client credentials make no valid header".into()))?;
    header.set_sensitive(true);
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_credentials_are_form_encoded_then_base64_and_sensitive() {
        let header = basic("0oa client", &Secret::new("s3:cr+t")).unwrap();
        assert!(header.is_sensitive());
        let encoded = header.to_str().unwrap().strip_prefix("Basic ").unwrap();
        let decoded = String::from_utf8(STANDARD.decode(encoded).unwrap()).unwrap();
        assert_eq!(decoded, "0oa+client:s3%3Acr%2Bt");
    }
}
