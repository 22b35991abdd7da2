//! What the service app's tests share: a key file with a chosen mode, a disk cache in a
//! temporary directory, the app against an `httpmock` server, the transport its token
//! requests go through, and readers of what the mock saw (the form, the DPoP proof).

pub(super) use super::*;
pub(super) use keymaterial::jws::{self, ASSERTION_TYPE, Decoded};
pub(super) use keymaterial::keys::VerifyingKey;

/// The test keys of `tests/fixtures`.
pub(super) const RSA_PKCS1: &str =
    include_str!("../../../tests/fixtures/service-app-rsa.pkcs1.pem");
pub(super) const RSA_PUBLIC: &str = include_str!("../../../tests/fixtures/service-app-rsa.pub.pem");
pub(super) const EC_PUBLIC: &str = include_str!("../../../tests/fixtures/service-app-ec.pub.pem");
pub(super) use crate::config::{HttpSettings, PrivateKeySource};
pub(super) use crate::http::Transport;
pub(super) use httpmock::HttpMockRequest;
pub(super) use httpmock::MockServer;
pub(super) use reqwest::header::AUTHORIZATION;
pub(super) use serde_json::{Value, json};
pub(super) use std::collections::BTreeMap;
pub(super) use std::path::PathBuf;
pub(super) use std::time::{Duration, Instant};

pub(super) const EC_JWK: &str = include_str!("../../../tests/fixtures/service-app-ec.jwk.json");
pub(super) const TOKEN_PATH: &str = "/oauth2/v1/token";
pub(super) const ACCESS_TOKEN: &str = "eyJ.ACCESS-token-never-logged.sig";

pub(super) struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    pub(super) fn new() -> Self {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Write a key file with `mode`.
    pub(super) fn key_file(&self, text: &str, mode: u32) -> PathBuf {
        let path = self.dir.path().join(format!("key-{mode:o}.pem"));
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        #[cfg(not(unix))]
        let _ = mode;
        path
    }

    pub(super) fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    pub(super) fn cache(&self) -> DiskCache {
        DiskCache::at(self.cache_dir())
    }

    pub(super) fn app(&self, server: &MockServer, settings: ServiceAppSettings) -> ServiceApp {
        let settings = ServiceAppSettings {
            org_url: Url::parse(&server.base_url()).unwrap(),
            ..settings
        };
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        ServiceApp::new(&settings, &env)
            .unwrap()
            .with_disk_cache(Some(self.cache()))
    }

    /// The usual app under test: an RSA key in a 0600 file, no cache on disk.
    pub(super) fn rsa_app_without_disk_cache(&self, server: &MockServer) -> ServiceApp {
        let key = PrivateKeySource::File(self.key_file(RSA_PKCS1, 0o600));
        self.app(server, settings(key)).with_disk_cache(None)
    }
}

pub(super) fn settings(key: PrivateKeySource) -> ServiceAppSettings {
    ServiceAppSettings {
        org_url: Url::parse("https://acme.okta.com").unwrap(),
        client_id: Some("0oaCLIENT".into()),
        private_key: Some(key),
        key_id: None,
        scopes: None,
        dpop: false,
        token_cache: true,
        profile: Some("ci".into()),
    }
}

/// The transport token requests go through, as a command's client has it (at most
/// two retries, to keep the tests short).
pub(super) fn http() -> Transport {
    transport_with(HttpSettings {
        timeout: Duration::from_secs(60),
        request_timeout: Duration::from_secs(5),
        connect_timeout: Duration::from_secs(5),
        max_retries: 2,
        ca_cert: None,
        ssl_cert_file: None,
    })
}

pub(super) fn transport_with(settings: HttpSettings) -> Transport {
    let loopback = Url::parse("http://127.0.0.1").unwrap();
    Transport::new(&settings, &loopback, crate::http::Progress::Silent).unwrap()
}

pub(super) fn form(req: &HttpMockRequest) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(req.body_ref())
        .into_owned()
        .collect()
}

pub(super) fn proof(req: &HttpMockRequest) -> Option<Decoded> {
    let headers = req.headers();
    let value = headers.get("dpop")?.to_str().ok()?;
    Decoded::parse(value).ok()
}

pub(super) fn proof_nonce(req: &HttpMockRequest) -> Option<String> {
    proof(req).and_then(|p| p.claim_str("nonce").map(str::to_string))
}

/// Record each request a mock sees (its matcher runs once per request).
pub(super) fn recorder() -> (
    Arc<Mutex<Vec<HttpMockRequest>>>,
    impl Fn(&HttpMockRequest) -> bool + Send + Sync + 'static,
) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    (seen, move |req: &HttpMockRequest| {
        sink.lock().unwrap().push(req.clone());
        true
    })
}

pub(super) fn token_body(token_type: &str, scope: &str) -> Value {
    json!({"token_type": token_type, "expires_in": 3600, "access_token": ACCESS_TOKEN, "scope": scope})
}

/// Decode and check an assertion as Okta would: signature with the registered public
/// key, and every claim.
pub(super) fn check_assertion(
    form: &BTreeMap<String, String>,
    public: &VerifyingKey,
    token_url: &str,
) -> Decoded {
    assert_eq!(form["grant_type"], "client_credentials");
    assert_eq!(form["client_assertion_type"], ASSERTION_TYPE);
    assert_eq!(form.len(), 4, "{:?}", form.keys());
    let jwt = Decoded::parse(&form["client_assertion"]).unwrap();
    jwt.verify(public).unwrap();
    assert_eq!(jwt.claim_str("iss"), Some("0oaCLIENT"));
    assert_eq!(jwt.claim_str("sub"), Some("0oaCLIENT"));
    assert_eq!(jwt.claim_str("aud"), Some(token_url));
    let (iat, exp) = (jwt.claim_i64("iat").unwrap(), jwt.claim_i64("exp").unwrap());
    assert!((iat - jws::now_secs()).abs() <= 5);
    assert!(exp > iat && exp - iat <= 300, "exp - iat = {}", exp - iat);
    assert_eq!(jwt.claim_str("jti").map(str::len), Some(22));
    jwt
}
