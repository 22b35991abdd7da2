//! The tokens of one process: kept in memory for the process, and between runs in the
//! disk cache (`auth::token_cache`), each under the scopes it was asked for; a `manage`
//! token serves reads too.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::{AccessToken, Scope, ServiceApp, TokenType};
use crate::auth::token_cache::{CacheKey, DISK_MARGIN_SECS, Entry};
use crate::error::Result;
use crate::http::Transport;
use keymaterial::dpop::DpopKey;
use keymaterial::jws;
use keymaterial::keys::SigningKey;

/// A token kept in memory is not used when it expires within this many seconds.
const MEMORY_MARGIN_SECS: i64 = 30;

impl ServiceApp {
    /// An access token for `need`: from memory, from the disk cache, or from Okta
    /// through `transport`.
    pub async fn token(&self, transport: &Transport, need: Scope) -> Result<AccessToken> {
        let candidates = self.candidates(need);
        if let Some(token) = self.memory_token(&candidates) {
            return Ok(token);
        }
        let _one_at_a_time = self.fetch_lock.lock().await;
        if let Some(token) = self.memory_token(&candidates) {
            return Ok(token);
        }
        if let Some(token) = self.disk_token(&candidates) {
            self.remember(&token);
            return Ok(token);
        }
        let scopes = self.scopes_for(need);
        let token = self.request_token(transport, &scopes).await?;
        self.remember(&token);
        if let Some(disk) = &self.disk
            && token.expires_at - jws::now_secs() > DISK_MARGIN_SECS
        {
            disk.store(
                &self.cache_key(&scopes),
                &Entry {
                    access_token: token.token.clone(),
                    token_type: token.token_type.scheme().to_string(),
                    expires_at: token.expires_at,
                    scope: token.scope.clone(),
                    dpop_key: token
                        .dpop
                        .as_ref()
                        .and_then(|k| k.key().to_private_ec_jwk()),
                },
            );
        }
        Ok(token)
    }

    /// Forget a token Okta refused (memory and disk), so the next call fetches another.
    pub(crate) fn discard(&self, token: &AccessToken) {
        if let Ok(mut tokens) = self.tokens.lock() {
            tokens.retain(|_, t| t.token != token.token);
        }
        if let Some(disk) = &self.disk {
            disk.remove(&self.cache_key(&token.cache_scopes));
        }
    }

    /// Scope strings whose tokens serve `need`, best first (`manage` serves reads too).
    fn candidates(&self, need: Scope) -> Vec<String> {
        match (&self.scopes, need) {
            (Some(_), _) => vec![self.scopes_for(need)],
            (None, Scope::Read) => vec![Scope::READ.into(), Scope::MANAGE.into()],
            (None, Scope::Manage) => vec![Scope::MANAGE.into()],
        }
    }

    pub(super) fn cache_key(&self, scopes: &str) -> CacheKey {
        CacheKey {
            token_url: self.token_url.to_string(),
            client_id: self.client_id.clone(),
            scopes: scopes.to_string(),
        }
    }

    fn memory_token(&self, candidates: &[String]) -> Option<AccessToken> {
        let tokens = self.tokens.lock().ok()?;
        let now = jws::now_secs();
        candidates.iter().find_map(|scopes| {
            tokens
                .get(scopes)
                .filter(|t| t.expires_at - MEMORY_MARGIN_SECS > now)
                .map(|t| AccessToken {
                    fresh: false,
                    ..t.clone()
                })
        })
    }

    fn disk_token(&self, candidates: &[String]) -> Option<AccessToken> {
        let disk = self.disk.as_ref()?;
        let now = jws::now_secs();
        candidates.iter().find_map(|scopes| {
            let entry = disk.load(&self.cache_key(scopes), now)?;
            let (token_type, dpop) = match entry.token_type.as_str() {
                "Bearer" => (TokenType::Bearer, None),
                "DPoP" => {
                    let jwk = entry.dpop_key.as_ref()?;
                    let key = SigningKey::parse(jwk, "the cached DPoP key").ok()?.key;
                    // The app uses DPoP: the next token request starts with a proof.
                    self.use_dpop.store(true, Ordering::Relaxed);
                    (TokenType::Dpop, Some(Arc::new(DpopKey::from_key(key))))
                }
                _ => return None,
            };
            Some(AccessToken {
                token: entry.access_token,
                token_type,
                expires_at: entry.expires_at,
                scope: entry.scope,
                dpop,
                fresh: false,
                cache_scopes: scopes.clone(),
            })
        })
    }

    fn remember(&self, token: &AccessToken) {
        if let Ok(mut tokens) = self.tokens.lock() {
            tokens.insert(token.cache_scopes.clone(), token.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::auth::service_app::test_fixtures::*;

    #[tokio::test]
    async fn a_manage_token_serves_reads_and_a_read_token_does_not_serve_writes() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let read = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .form_urlencoded_tuple("scope", Scope::READ);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::READ));
            })
            .await;
        let manage = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH)
                    .form_urlencoded_tuple("scope", Scope::MANAGE);
                then.status(200)
                    .json_body(token_body("Bearer", Scope::MANAGE));
            })
            .await;
        let app = fx.rsa_app_without_disk_cache(&server);
        let http = http();
        app.token(&http, Scope::Manage).await.unwrap();
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Manage).await.unwrap();
        manage.assert_calls_async(1).await;
        read.assert_calls_async(0).await;

        let app = fx.rsa_app_without_disk_cache(&server);
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Manage).await.unwrap();
        read.assert_calls_async(1).await;
        manage.assert_calls_async(2).await;
        assert_eq!(Scope::for_method(&Method::GET), Scope::Read);
        assert_eq!(Scope::for_method(&Method::DELETE), Scope::Manage);
    }

    #[tokio::test]
    async fn tokens_are_kept_between_runs_with_their_dpop_key_and_discarded_when_refused() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH).is_true(|req| proof(req).is_some());
                then.status(200)
                    .json_body(token_body("DPoP", Scope::MANAGE));
            })
            .await;
        let mut s = settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600)));
        s.dpop = true;
        let http = http();
        let first = fx.app(&server, s.clone());
        let token = first.token(&http, Scope::Manage).await.unwrap();
        let thumbprint = token.dpop.as_ref().unwrap().thumbprint();
        let files: Vec<_> = std::fs::read_dir(fx.cache_dir()).unwrap().collect();
        assert_eq!(files.len(), 1);
        let path = files[0].as_ref().unwrap().path();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        // "Another process": same cache, new app, no token request, same DPoP key. Its
        // profile does not say dpop: the cached DPoP token tells it.
        let second = fx.app(
            &server,
            ServiceAppSettings {
                dpop: false,
                ..s.clone()
            },
        );
        let cached = second.token(&http, Scope::Read).await.unwrap();
        mock.assert_calls_async(1).await;
        assert!(!cached.fresh);
        assert_eq!(cached.token.expose(), ACCESS_TOKEN);
        assert_eq!(cached.dpop.as_ref().unwrap().thumbprint(), thumbprint);
        let url = Url::parse("https://acme.okta.com/api/v1/x").unwrap();
        let headers = second.api_headers(&cached, &Method::GET, &url).unwrap();
        let p = Decoded::parse(headers["dpop"].to_str().unwrap()).unwrap();
        assert_eq!(
            VerifyingKey::from_jwk(&p.header["jwk"])
                .unwrap()
                .thumbprint(),
            thumbprint
        );

        // Okta refused it (401): discard, and the next call asks again, with a proof from
        // the start (the mock answers only requests with one).
        second.discard(&cached);
        assert!(!path.exists());
        let renewed = second.token(&http, Scope::Read).await.unwrap();
        assert!(renewed.fresh);
        mock.assert_calls_async(2).await;

        // --no-token-cache: nothing read, nothing written.
        let mut no_cache = s;
        no_cache.token_cache = false;
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        let app = ServiceApp::new(&no_cache, &env).unwrap();
        assert!(app.disk.is_none());
    }

    #[tokio::test]
    async fn short_lived_tokens_are_neither_reused_near_expiry_nor_written_to_disk() {
        let fx = Fixture::new();
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.path(TOKEN_PATH);
                then.status(200).json_body(json!({
                    "token_type": "Bearer", "expires_in": 20, "access_token": ACCESS_TOKEN, "scope": Scope::READ
                }));
            })
            .await;
        let app = fx.app(
            &server,
            settings(PrivateKeySource::File(fx.key_file(RSA_PKCS1, 0o600))),
        );
        let http = http();
        app.token(&http, Scope::Read).await.unwrap();
        app.token(&http, Scope::Read).await.unwrap();
        mock.assert_calls_async(2).await;
        assert!(!fx.cache_dir().exists());
    }
}
