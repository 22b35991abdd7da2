//! The token request: `POST {org}/oauth2/v1/token` through the transport, each attempt
//! with a new client assertion and, with DPoP, a new proof carrying the latest nonce;
//! Okta's DPoP demands and nonce challenges answered by resending; the answer read into
//! an [`AccessToken`].

use std::sync::Arc;
use std::sync::atomic::Ordering;

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName};
use serde_json::Value;
use url::Url;

use super::token_error::OAuthError;
use super::{AccessToken, MAX_NONCE_RETRIES, ServiceApp, TokenType, sensitive};
use crate::auth::dpop::NonceRole;
use crate::error::{Error, Result};
use crate::http::{
    Attempts, Credentials, Request, Response, Retries, Sent, Transport, request_id_suffix,
};
use keymaterial::dpop::{self, DpopKey};
use keymaterial::jws::{self, ASSERTION_TYPE};
use keymaterial::keys::ParsedKey;
use keymaterial::secret::Secret;

/// Longer than any access token Okta issues (at most a day); a longer `expires_in` is
/// read as this.
const MAX_TOKEN_LIFETIME_SECS: i64 = 24 * 3600;

/// The token endpoint's path under the org URL.
const TOKEN_SEGMENTS: [&str; 3] = ["oauth2", "v1", "token"];

impl ServiceApp {
    /// Ask the token endpoint through `transport` (its timeouts, retry policy and log),
    /// answering DPoP demands and nonce challenges (see [`TokenCall`]).
    pub(super) async fn request_token(
        &self,
        transport: &Transport,
        scopes: &str,
    ) -> Result<AccessToken> {
        // A key that cannot be read or is readable by others: nothing is sent.
        let key = self.signing_key().await?;
        let request = token_request(scopes);
        let mut call = TokenCall {
            app: self,
            key,
            scopes,
            dpop_key: None,
            nonce_retries: 0,
            switched_to_dpop: false,
        };
        let sent = transport
            .send_tracked(
                &request,
                &self.token_url,
                &mut Retries::default(),
                &mut call,
            )
            .await?;
        match sent {
            Sent::Done(resp) => self.accept_token(resp, scopes, call.dpop_key),
            // Not for an idempotent request; kept for completeness.
            Sent::Unsure(err) => Err(err),
        }
    }

    fn accept_token(
        &self,
        mut reply: Response,
        scopes: &str,
        dpop_key: Option<Arc<DpopKey>>,
    ) -> Result<AccessToken> {
        // Holds the access token: wiped when dropped.
        let raw = zeroize::Zeroizing::new(std::mem::take(&mut reply.body));
        let request_id = reply.request_id;
        let unreadable = |why: &str| {
            Error::network(
                format!(
                    "Okta's token endpoint answered {} but {why}{}",
                    reply.status.as_u16(),
                    request_id_suffix(request_id.as_deref())
                ),
                Some("a proxy may have rewritten the response; retry, or run with -v".into()),
            )
        };
        let mut body: Value =
            serde_json::from_slice(&raw).map_err(|_| unreadable("not with JSON"))?;
        let token = match body.get_mut("access_token") {
            Some(Value::String(t)) if !t.is_empty() => Secret::new(std::mem::take(t)),
            _ => return Err(unreadable("without an access_token")),
        };
        let token_type = match body.get("token_type").and_then(Value::as_str) {
            Some(t) if t.eq_ignore_ascii_case("bearer") => TokenType::Bearer,
            Some(t) if t.eq_ignore_ascii_case("dpop") && dpop_key.is_some() => TokenType::Dpop,
            Some(t) => return Err(unreadable(&format!("with an unexpected token_type `{t}`"))),
            None => return Err(unreadable("without a token_type")),
        };
        // From the network: bounded, so the arithmetic on it cannot overflow.
        let expires_in = body
            .get("expires_in")
            .and_then(Value::as_i64)
            .unwrap_or(3600)
            .clamp(0, MAX_TOKEN_LIFETIME_SECS);
        let scope = body
            .get("scope")
            .and_then(Value::as_str)
            .unwrap_or(scopes)
            .to_string();
        tracing::info!(
            "got a {} access token for {scope}, valid {expires_in} s",
            token_type.scheme()
        );
        Ok(AccessToken {
            token,
            token_type,
            expires_at: jws::now_secs() + expires_in,
            scope,
            dpop: if token_type == TokenType::Dpop {
                dpop_key
            } else {
                None
            },
            fresh: true,
            cache_scopes: scopes.to_string(),
        })
    }
}

/// `{org}/oauth2/v1/token`, keeping any base path and port.
pub(crate) fn token_url(org_url: &Url) -> Url {
    Request::new(Method::POST, &TOKEN_SEGMENTS).url(org_url)
}

/// The token request, without its credentials (each attempt signs its own; see
/// [`TokenCall`]). A token request changes nothing at Okta, so it is resent after a 5xx
/// or a dropped connection like a read; Okta counts its rate limit apart from the API's.
fn token_request(scopes: &str) -> Request {
    Request::new(Method::POST, &TOKEN_SEGMENTS)
        .with_form(&[
            ("grant_type", "client_credentials"),
            ("scope", scopes),
            ("client_assertion_type", ASSERTION_TYPE),
        ])
        .idempotent(true)
        .paced(false)
}

/// One token request's part in its attempts through the transport: each attempt gets a
/// new client assertion and, with DPoP, a new proof carrying the latest nonce; Okta's
/// `invalid_dpop_proof` (the app requires DPoP: once) and `use_dpop_nonce` + `DPoP-Nonce`
/// (at most [`MAX_NONCE_RETRIES`] times) are answered by resending at once; any other
/// refusal is decoded as an OAuth error (RFC 6749 §5.2) with a next step.
struct TokenCall<'a> {
    app: &'a ServiceApp,
    key: Arc<ParsedKey>,
    scopes: &'a str,
    /// The DPoP key of the last attempt, if it sent a proof.
    dpop_key: Option<Arc<DpopKey>>,
    nonce_retries: u32,
    switched_to_dpop: bool,
}

impl Attempts for TokenCall<'_> {
    async fn credentials(&mut self, _request: &Request, url: &Url) -> Result<Credentials> {
        let app = self.app;
        self.dpop_key = if app.use_dpop.load(Ordering::Relaxed) {
            Some(app.process_dpop_key()?)
        } else {
            None
        };
        let mut headers = HeaderMap::new();
        if let Some(key) = &self.dpop_key {
            let nonce = app.nonces.get(url, NonceRole::TokenEndpoint);
            let proof = key.proof("POST", url, nonce.as_deref(), None)?;
            headers.insert(
                HeaderName::from_static(dpop::DPOP_HEADER),
                sensitive(proof.expose())?,
            );
        }
        let assertion = app.assertion(&self.key)?;
        app.token_requests.fetch_add(1, Ordering::Relaxed);
        Ok(Credentials {
            headers,
            form: vec![("client_assertion".into(), assertion)],
        })
    }

    fn resend_at_once(&mut self, url: &Url, reply: &Response) -> bool {
        let app = self.app;
        let got_nonce = app
            .nonces
            .note(url, NonceRole::TokenEndpoint, &reply.headers);
        if reply.status.is_success() {
            return false;
        }
        let error = OAuthError::from_body(&reply.body);
        match error.error.as_deref() {
            Some("use_dpop_nonce") if got_nonce && self.nonce_retries < MAX_NONCE_RETRIES => {
                self.nonce_retries += 1;
                app.use_dpop.store(true, Ordering::Relaxed);
                tracing::info!("Okta asked for a DPoP nonce; retrying the token request with it");
                true
            }
            Some("invalid_dpop_proof") if self.dpop_key.is_none() && !self.switched_to_dpop => {
                self.switched_to_dpop = true;
                app.use_dpop.store(true, Ordering::Relaxed);
                tracing::info!(
                    "the service app requires DPoP; retrying the token request with a DPoP proof"
                );
                true
            }
            _ => false,
        }
    }

    fn refusal(
        &mut self,
        _request: &Request,
        _url: &Url,
        reply: Response,
        _retries: &Retries,
    ) -> Error {
        let error = OAuthError::from_body(&reply.body);
        self.app
            .token_error(&reply, &error, self.scopes, self.dpop_key.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::service_app::test_fixtures::*;

    #[tokio::test]
    async fn rsa_assertion_has_the_exact_form_and_claims_and_the_token_is_reused() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.method(httpmock::Method::POST)
                    .path(TOKEN_PATH)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("accept", "application/json")
                    .header_missing("dpop")
                    .form_urlencoded_tuple("scope", Scope::READ)
                    .is_true(record);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.key_id = Some("kidRSA".into());
        let app = fx.app(&server, s).with_disk_cache(None);
        let http = http();
        let token = app.token(&http, Scope::Read).await.unwrap();
        assert_eq!(token.token.expose(), ACCESS_TOKEN);
        assert_eq!(token.token_type, TokenType::Bearer);
        assert!(token.fresh && token.dpop.is_none());
        // A second call in the same process: no second request.
        let again = app.token(&http, Scope::Read).await.unwrap();
        assert!(!again.fresh);
        mock.assert_calls_async(1).await;
        assert_eq!(app.token_requests(), 1);

        let seen = seen.lock().unwrap();
        let token_url = format!("{}{TOKEN_PATH}", server.base_url());
        let jwt = check_assertion(
            &form(&seen[0]),
            &VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap(),
            &token_url,
        );
        assert_eq!(jwt.header["alg"], "RS256");
        assert_eq!(jwt.header["kid"], "kidRSA");

        let url = Url::parse("https://acme.okta.com/api/v1/x").unwrap();
        let headers = app.api_headers(&again, &Method::GET, &url).unwrap();
        assert_eq!(
            headers[AUTHORIZATION],
            format!("Bearer {ACCESS_TOKEN}").as_str()
        );
        assert!(headers[AUTHORIZATION].is_sensitive());
        assert!(headers.get("dpop").is_none());
        // Nothing of the credentials in Debug output.
        let debug = format!("{app:?} {again:?}");
        assert!(
            !debug.contains(ACCESS_TOKEN) && !debug.contains("MII"),
            "{debug}"
        );
    }

    #[tokio::test]
    async fn ec_jwk_from_the_environment_signs_es256_with_its_own_kid_and_profile_scopes() {
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.method(httpmock::Method::POST)
                    .path(TOKEN_PATH)
                    .form_urlencoded_tuple(
                        "scope",
                        "okta.authorizationServers.manage okta.apps.read",
                    )
                    .is_true(record);
                then.status(200).json_body(token_body(
                    "Bearer",
                    "okta.authorizationServers.manage okta.apps.read",
                ));
            })
            .await;
        let mut s = settings(PrivateKeySource::Env(env::SDK_PRIVATE_KEY.into()));
        s.scopes = Some(vec![Scope::MANAGE.into(), "okta.apps.read".into()]);
        s.org_url = Url::parse(&server.base_url()).unwrap();
        let environment: BTreeMap<&str, &str> =
            [(env::SDK_PRIVATE_KEY, EC_JWK)].into_iter().collect();
        let app = ServiceApp::new(&s, &environment)
            .unwrap()
            .with_disk_cache(None);
        app.token(&http(), Scope::Read).await.unwrap();
        mock.assert_calls_async(1).await;
        let seen = seen.lock().unwrap();
        let jwt = check_assertion(
            &form(&seen[0]),
            &VerifyingKey::parse(EC_PUBLIC, "pub").unwrap(),
            &format!("{}{TOKEN_PATH}", server.base_url()),
        );
        assert_eq!(jwt.header["alg"], "ES256");
        assert_eq!(jwt.header["kid"], "ec-test-key");
    }

    #[tokio::test]
    async fn dpop_is_learnt_from_okta_and_the_nonce_challenge_is_answered() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        // 1. No proof: the app requires DPoP.
        let no_proof = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).header_missing("dpop");
                then.status(400).json_body(json!({
                    "error": "invalid_dpop_proof",
                    "error_description": "The DPoP proof JWT header is missing."
                }));
            })
            .await;
        // 2. A proof without a nonce: Okta hands one out.
        let challenge = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .header_exists("dpop")
                    .is_true(|req| proof_nonce(req).is_none());
                then.status(400)
                    .header("DPoP-Nonce", "nonce-1")
                    .json_body(json!({
                        "error": "use_dpop_nonce",
                        "error_description": "Authorization server requires nonce in DPoP proof."
                    }));
            })
            .await;
        // 3. A proof with the nonce: a DPoP-bound token.
        let granted = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .is_true(|req| proof_nonce(req).as_deref() == Some("nonce-1"))
                    .is_true(record);
                then.status(200).json_body(token_body("DPoP", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let token = app.token(&http(), Scope::Read).await.unwrap();
        no_proof.assert_calls_async(1).await;
        challenge.assert_calls_async(1).await;
        granted.assert_calls_async(1).await;
        assert_eq!(token.token_type, TokenType::Dpop);
        let key = token.dpop.clone().unwrap();

        let req = seen.lock().unwrap()[0].clone();
        let token_url = format!("{}{TOKEN_PATH}", server.base_url());
        check_assertion(
            &form(&req),
            &VerifyingKey::parse(RSA_PUBLIC, "pub").unwrap(),
            &token_url,
        );
        let p = proof(&req).unwrap();
        assert_eq!(p.header["typ"], "dpop+jwt");
        assert_eq!(&p.header["jwk"], key.public_jwk());
        p.verify(&VerifyingKey::from_jwk(&p.header["jwk"]).unwrap())
            .unwrap();
        assert_eq!(p.claim_str("htm"), Some("POST"));
        assert_eq!(p.claim_str("htu"), Some(token_url.as_str()));
        assert!(
            p.claims.get("ath").is_none(),
            "no ath at the token endpoint"
        );

        // API calls: Authorization: DPoP, a proof with ath, the query left out of htu, and
        // the resource server's own nonce once it gave one.
        let url =
            Url::parse("https://acme.okta.com/api/v1/authorizationServers/aus1/x?limit=2").unwrap();
        let headers = app.api_headers(&token, &Method::DELETE, &url).unwrap();
        assert_eq!(
            headers[AUTHORIZATION],
            format!("DPoP {ACCESS_TOKEN}").as_str()
        );
        let api_proof = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(api_proof.claim_str("htm"), Some("DELETE"));
        assert_eq!(
            api_proof.claim_str("htu"),
            Some("https://acme.okta.com/api/v1/authorizationServers/aus1/x")
        );
        assert_eq!(
            api_proof.claim_str("ath"),
            Some(dpop::ath(&token.token).as_str())
        );
        assert_eq!(api_proof.claims.get("nonce"), None);
        assert!(headers["dpop"].is_sensitive());

        let mut challenge_headers = HeaderMap::new();
        challenge_headers.insert(
            "www-authenticate",
            HeaderValue::from_static(r#"DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#),
        );
        challenge_headers.insert("dpop-nonce", HeaderValue::from_static("api-nonce"));
        assert!(app.note_api_response(&url, 401, &challenge_headers, b"{}"));
        // Okta's SDKs read the challenge from the body: so do we.
        let mut nonce_only = HeaderMap::new();
        nonce_only.insert("dpop-nonce", HeaderValue::from_static("api-nonce"));
        let body = br#"{"error":"use_dpop_nonce","error_description":"Resource server requires nonce in DPoP proof"}"#;
        assert!(app.note_api_response(&url, 401, &nonce_only, body));
        assert!(!app.note_api_response(&url, 401, &nonce_only, b"{}"));
        assert!(!app.note_api_response(&url, 401, &HeaderMap::new(), body));
        let headers = app.api_headers(&token, &Method::DELETE, &url).unwrap();
        let api_proof = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(api_proof.claim_str("nonce"), Some("api-nonce"));
        assert_ne!(api_proof.claim_str("nonce"), Some("nonce-1"));
    }

    #[tokio::test]
    async fn each_retry_has_a_fresh_assertion_and_nonce_retries_are_bounded() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(record);
                then.status(400)
                    .header("DPoP-Nonce", "always-new")
                    .json_body(json!({"error": "use_dpop_nonce", "error_description": "Authorization server requires nonce in DPoP proof."}));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.dpop = true;
        let app = fx.app(&server, s).with_disk_cache(None);
        let err = app.token(&http(), Scope::Read).await.unwrap_err();
        mock.assert_calls_async(1 + MAX_NONCE_RETRIES as usize)
            .await;
        assert_eq!(err.exit_code(), 4);
        assert!(err.to_string().contains("use_dpop_nonce"), "{err}");
        assert!(err.hint().unwrap().contains("new DPoP nonce"));
        let seen = seen.lock().unwrap();
        let jtis: std::collections::BTreeSet<String> = seen
            .iter()
            .map(|r| {
                Decoded::parse(&form(r)["client_assertion"])
                    .unwrap()
                    .claim_str("jti")
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(jtis.len(), seen.len(), "a jti was reused");
        // dpop = true: the first request already had a proof.
        assert!(seen.iter().all(|r| proof(r).is_some()));
        assert_eq!(proof_nonce(&seen[0]), None);
        assert_eq!(proof_nonce(&seen[1]).as_deref(), Some("always-new"));
    }

    #[tokio::test]
    async fn a_5xx_or_a_429_at_the_token_endpoint_is_asked_again_with_a_new_assertion() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let (seen, record) = recorder();
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let first_two = count.clone();
        let (refused, record_refused) = recorder();
        let failing = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .is_true(move |_| first_two.fetch_add(1, Ordering::SeqCst) < 2)
                    .is_true(record_refused);
                then.status(503).body("busy");
            })
            .await;
        let ok = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(record);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let started = Instant::now();
        let token = app.token(&http(), Scope::Read).await.unwrap();
        assert_eq!(token.token.expose(), ACCESS_TOKEN);
        failing.assert_calls_async(2).await;
        ok.assert_calls_async(1).await;
        assert_eq!(app.token_requests(), 3);
        // The transport's backoff (the one retry policy): at least 0.25 s, then 0.5 s.
        assert!(
            started.elapsed() >= Duration::from_millis(750),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(seen.lock().unwrap().len(), 1);
        // The transport resends with new credentials each attempt: three assertions.
        let jti = |req: &HttpMockRequest| {
            Decoded::parse(&form(req)["client_assertion"])
                .unwrap()
                .claim_str("jti")
                .unwrap()
                .to_string()
        };
        let jtis: std::collections::BTreeSet<String> = refused
            .lock()
            .unwrap()
            .iter()
            .chain(seen.lock().unwrap().iter())
            .map(jti)
            .collect();
        assert_eq!(jtis.len(), 3, "a jti was reused");
    }

    /// New with the shared transport: the command's deadline (`--timeout`) bounds the
    /// token request too, not only each attempt's `--request-timeout`.

    #[tokio::test]
    async fn the_command_timeout_bounds_the_token_request() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(200)
                    .delay(Duration::from_secs(10))
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let transport = transport_with(HttpSettings {
            timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(5),
            max_retries: 4,
            max_api_capacity: 100,
            ca_cert: None,
            ssl_cert_file: None,
        });
        let started = Instant::now();
        let err = app.token(&transport, Scope::Read).await.unwrap_err();
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(err.exit_code(), 8);
        assert!(
            err.to_string()
                .contains("the command ran out of time (--timeout 1 s)"),
            "{err}"
        );
        assert!(
            err.hint().unwrap().starts_with("raise --timeout"),
            "{:?}",
            err.hint()
        );
    }

    #[tokio::test]
    async fn an_absurd_expires_in_is_bounded_not_an_overflow() {
        let fx = Fixture::new();
        let key = fx.key_file(RSA_PKCS1, 0o600);
        for (expires_in, lifetime) in [(i64::MIN, 0), (i64::MAX, MAX_TOKEN_LIFETIME_SECS)] {
            let server = MockServer::start_async().await;
            server
                .mock_async(|when, then| {
                    when.path(TOKEN_PATH);
                    then.status(200).json_body(json!({
                        "token_type": "Bearer", "expires_in": expires_in,
                        "access_token": ACCESS_TOKEN, "scope": Scope::READ
                    }));
                })
                .await;
            let app = fx.app(&server, settings(PrivateKeySource::File(key.clone())));
            let http = http();
            let token = app.token(&http, Scope::Read).await.unwrap();
            let left = token.expires_at - jws::now_secs();
            assert!(
                (lifetime - 2..=lifetime).contains(&left),
                "{expires_in}: {left}"
            );
            // Asked again: the expiry checks on it do not overflow either.
            app.token(&http, Scope::Read).await.unwrap();
        }
    }
}
