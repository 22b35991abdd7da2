//! The token endpoint's refusals (OAuth errors, RFC 6749 §5.2) as errors with a next
//! step: which setting or Admin Console page to check.

use serde_json::Value;

use super::{Scope, ServiceApp};
use crate::error::Error;
use crate::http::{Response, request_id_suffix};

/// An OAuth error response (RFC 6749 §5.2).
#[derive(Debug, Default)]
pub(super) struct OAuthError {
    pub(super) error: Option<String>,
    pub(super) description: Option<String>,
}

impl OAuthError {
    pub(super) fn from_body(body: &[u8]) -> Self {
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return OAuthError::default();
        };
        let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
        OAuthError {
            error: text("error").or_else(|| text("errorCode")),
            description: text("error_description").or_else(|| text("errorSummary")),
        }
    }
}

impl ServiceApp {
    /// The token endpoint's refusal as an error with a next step. (A 429 or a 5xx that
    /// outlasted the retries is the transport's error, as for any request.)
    pub(super) fn token_error(
        &self,
        reply: &Response,
        error: &OAuthError,
        scopes: &str,
        sent_dpop: bool,
    ) -> Error {
        let code = error.error.as_deref().unwrap_or("(no OAuth error code)");
        let mut message = format!(
            "Okta's token endpoint refused the service app {} ({} {code}",
            self.client_id,
            reply.status.as_u16()
        );
        if let Some(description) = &error.description {
            message.push_str(": ");
            message.push_str(description);
        }
        message.push(')');
        message.push_str(&request_id_suffix(reply.request_id.as_deref()));
        let where_ = match &self.profile {
            Some(p) => format!("profile `{p}`"),
            None => "the profile".into(),
        };
        let hint = match code {
            "invalid_client" => Some(format!(
                "check the client id ({}) and that the app's public key in Okta (Applications → the app → \
                 General → Public keys) matches this private key{}; the app's client authentication must be \
                 \"Public key / Private key\", and this machine's clock must be right",
                self.client_id,
                if self.key_id.is_some() {
                    ", and key_id (OKTA_CLIENT_PRIVATEKEYID) names it"
                } else {
                    "; if the app has several keys, set key_id in the profile (or OKTA_CLIENT_PRIVATEKEYID) to this key's kid"
                }
            )),
            "invalid_scope" => Some(format!(
                "grant the app the scope {} in the Admin Console (Applications → the app → Okta API Scopes → \
                 Grant): list/get need {}, changes need {}{}",
                scopes.replace(' ', " and "),
                Scope::READ,
                Scope::MANAGE,
                if self.scopes.is_some() {
                    format!(", or change scopes in {where_} (OKTA_CLIENT_SCOPES)")
                } else {
                    String::new()
                }
            )),
            "unauthorized_client" => Some(
                "allow the Client Credentials grant for the app (Applications → the app → General → \
                 Grant type), and check that it is an API Services app"
                    .into(),
            ),
            "invalid_dpop_proof" if sent_dpop => Some(format!(
                "Okta refused the DPoP proof; check this machine's clock{}",
                if self.profile_dpop {
                    format!(", or, if the app does not require DPoP, remove `dpop = true` from {where_}")
                } else {
                    String::new()
                }
            )),
            "use_dpop_nonce" => Some(
                "Okta asked for a new DPoP nonce on every attempt; try again in a moment".into(),
            ),
            _ => None,
        };
        Error::Auth { message, hint }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::service_app::test_fixtures::*;

    async fn refusal(status: u16, body: &str, s: ServiceAppSettings) -> Error {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let body = body.to_string();
        server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(status)
                    .header("content-type", "application/json")
                    .header("x-okta-request-id", "reqTOKEN123")
                    .body(body);
            })
            .await;
        let mut s = s;
        s.private_key = Some(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        let app = fx.app(&server, s).with_disk_cache(None);
        app.token(&http(), Scope::Manage).await.unwrap_err()
    }

    #[tokio::test]
    async fn token_endpoint_errors_are_exit_4_with_the_description_and_a_next_step() {
        let base = settings(PrivateKeySource::Command(String::new()));
        let err = refusal(
            401,
            r#"{"error":"invalid_client","error_description":"The client_assertion signature is invalid."}"#,
            base.clone(),
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert_eq!(
            err.to_string(),
            "Okta's token endpoint refused the service app 0oaCLIENT (401 invalid_client: The client_assertion \
             signature is invalid.) (request id reqTOKEN123)"
        );
        let hint = err.hint().unwrap();
        assert!(
            hint.contains("Public keys") && hint.contains("key_id"),
            "{hint}"
        );

        let err = refusal(
            400,
            r#"{"error":"invalid_scope","error_description":"The following scopes are not allowed: okta.authorizationServers.manage"}"#,
            base.clone(),
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.to_string()
                .contains("not allowed: okta.authorizationServers.manage")
        );
        assert!(
            err.hint().unwrap().starts_with(
                "grant the app the scope okta.authorizationServers.manage in the Admin Console"
            ),
            "{:?}",
            err.hint()
        );

        let err = refusal(
            400,
            r#"{"error":"unauthorized_client","error_description":"The client is not authorized to use the provided grant type."}"#,
            base.clone(),
        )
        .await;
        assert!(err.hint().unwrap().contains("Client Credentials"));

        let mut with_dpop = base.clone();
        with_dpop.dpop = true;
        let err = refusal(
            400,
            r#"{"error":"invalid_dpop_proof","error_description":"The DPoP proof JWT is not allowed."}"#,
            with_dpop,
        )
        .await;
        assert_eq!(err.exit_code(), 4);
        assert!(
            err.hint()
                .unwrap()
                .contains("remove `dpop = true` from profile `ci`")
        );

        let err = refusal(400, "<html>proxy</html>", base.clone()).await;
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("(no OAuth error code)"), "{err}");

        assert_eq!(refusal(503, "{}", base.clone()).await.exit_code(), 8);
        assert_eq!(refusal(429, "{}", base).await.exit_code(), 7);
    }
}
