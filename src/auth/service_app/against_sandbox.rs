//! The sandbox's OAuth 2.0 side, driven by oktakeys' own service-app client
//! (`auth::service_app`) and by hand-made assertions and proofs: the token endpoint's
//! checks (signature, iss/sub, aud, exp, replayed jti, scopes), DPoP with nonce
//! challenges at the token endpoint and at the API, and scope enforcement on the keys.
//! (A unit test: it drives the crate's own client, which is not public.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use keymaterial::dpop::DpopKey;
use keymaterial::jws::{self, ASSERTION_TYPE};
use keymaterial::keys::SigningKey;
use keymaterial::secret::Secret;
use oktakeys_sandbox::oauth::{OAuthOptions, Registration};
use oktakeys_sandbox::{self as sandbox, Options, RunningSandbox};
use reqwest::Method;

use super::{AccessToken, Scope, ServiceApp, TokenType};
use crate::config::{HttpSettings, PrivateKeySource, ServiceAppSettings};
use crate::http::{Progress, Transport};
use serde_json::{Map, Value, json};
use url::Url;

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

fn keys_path(server: &str) -> String {
    format!("/api/v1/authorizationServers/{server}/resourceservercredentials/keys")
}

const RSA_KEY: &str = "tests/fixtures/service-app-rsa.pkcs1.pem";
const RSA_PUB: &str = "tests/fixtures/service-app-rsa.pub.pem";
const EC_KEY: &str = "tests/fixtures/service-app-ec.pkcs8.pem";
const EC_PUB: &str = "tests/fixtures/service-app-ec.pub.pem";
const CLIENT: &str = "0oaSANDBOXci";

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

struct Env {
    dir: tempfile::TempDir,
    sandbox: RunningSandbox,
}

impl Env {
    /// A sandbox with the RSA app (`scopes` granted) and, with `require_dpop`, DPoP demanded.
    async fn start(scopes: Option<&str>, require_dpop: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut options = Options::new(dir.path().join("sandbox.json"));
        options.token = Secret::new("00sandboxTESTtoken");
        let arg = match scopes {
            Some(s) => format!("{CLIENT}={}:{s}", fixture(RSA_PUB).display()),
            None => format!("{CLIENT}={}", fixture(RSA_PUB).display()),
        };
        options.oauth = OAuthOptions {
            apps: vec![Registration::parse_arg(&arg).unwrap()],
            require_dpop,
        };
        let sandbox = sandbox::start(options).await.unwrap();
        Env { dir, sandbox }
    }

    fn org(&self) -> Url {
        Url::parse(&self.sandbox.base_url).unwrap()
    }

    fn token_url(&self) -> String {
        format!("{}/oauth2/v1/token", self.sandbox.base_url)
    }

    /// oktakeys' service-app client for this sandbox, its key file copied with mode 0600.
    fn app(&self, key: &str, dpop: bool) -> ServiceApp {
        let path = self
            .dir
            .path()
            .join(format!("{}.pem", key.replace('/', "_")));
        std::fs::copy(fixture(key), &path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let settings = ServiceAppSettings {
            org_url: self.org(),
            client_id: Some(CLIENT.into()),
            private_key: Some(PrivateKeySource::File(path)),
            key_id: None,
            scopes: None,
            dpop,
            token_cache: false,
            profile: None,
        };
        let env: BTreeMap<&str, &str> = BTreeMap::new();
        ServiceApp::new(&settings, &env)
            .unwrap()
            .with_disk_cache(None)
    }

    /// The HTTP transport a command's client would send the token requests through.
    fn transport(&self) -> Transport {
        let settings = HttpSettings {
            timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(10),
            max_retries: 0,
            ca_cert: None,
            ssl_cert_file: None,
        };
        Transport::new(&settings, &self.org(), Progress::Silent).unwrap()
    }

    fn keys_url(&self) -> Url {
        Url::parse(&format!(
            "{}{}",
            self.sandbox.base_url,
            keys_path("default")
        ))
        .unwrap()
    }

    /// One API call with `token`, answering the API's nonce challenges (at most two), as
    /// the client does. Returns the status, the body and how many requests it took.
    async fn call(
        &self,
        app: &ServiceApp,
        token: &AccessToken,
        method: Method,
        url: &Url,
        body: Option<Value>,
    ) -> (u16, Value, u32) {
        let http = client();
        let mut sent = 0;
        loop {
            let headers = app.api_headers(token, &method, url).unwrap();
            let mut req = http.request(method.clone(), url.clone()).headers(headers);
            if let Some(b) = &body {
                req = req.json(b);
            }
            let resp = req.send().await.unwrap();
            sent += 1;
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            let text = resp.text().await.unwrap();
            if app.note_api_response(url, status, &headers, text.as_bytes()) && sent <= 2 {
                continue;
            }
            let value = serde_json::from_str(&text).unwrap_or(Value::Null);
            return (status, value, sent);
        }
    }

    /// POST a hand-made token request.
    async fn post_token(&self, assertion: &str, scope: &str, dpop: Option<&str>) -> (u16, Value) {
        let mut req = client().post(self.token_url()).form(&[
            ("grant_type", "client_credentials"),
            ("scope", scope),
            ("client_assertion_type", ASSERTION_TYPE),
            ("client_assertion", assertion),
        ]);
        if let Some(p) = dpop {
            req = req.header("DPoP", p);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// An assertion signed with `key`, with `claims` merged over correct ones.
    fn assertion(&self, key: &str, claims: Value) -> Secret {
        let text = Secret::new(std::fs::read_to_string(fixture(key)).unwrap());
        let key = SigningKey::parse(&text, "test key").unwrap().key;
        let now = jws::now_secs();
        let mut base = json!({
            "iss": CLIENT, "sub": CLIENT, "aud": self.token_url(),
            "iat": now, "exp": now + 300, "jti": jws::random_id().unwrap(),
        });
        if let (Some(b), Value::Object(over)) = (base.as_object_mut(), claims) {
            b.extend(over);
        }
        jws::sign(&key, Map::new(), &base)
    }
}

#[tokio::test]
async fn bearer_tokens_carry_the_granted_scopes_to_the_key_endpoints() {
    let env = Env::start(None, false).await;
    let app = env.app(RSA_KEY, false);
    let http = env.transport();

    let read = app.token(&http, Scope::Read).await.unwrap();
    assert_eq!(read.token_type, TokenType::Bearer);
    assert_eq!(read.scope, Scope::READ);
    let (status, list, _) = env
        .call(&app, &read, Method::GET, &env.keys_url(), None)
        .await;
    assert_eq!(status, 200);
    let key_id = list[0]["id"].as_str().unwrap().to_string();

    // A read token may not change anything: 403 E0000006.
    let deactivate =
        Url::parse(&format!("{}/{key_id}/lifecycle/deactivate", env.keys_url())).unwrap();
    let (status, body, _) = env.call(&app, &read, Method::POST, &deactivate, None).await;
    assert_eq!(status, 403);
    assert_eq!(body["errorCode"], "E0000006");
    assert_eq!(
        body["errorSummary"],
        "You do not have permission to perform the requested action"
    );

    // A manage token may; several calls, one token request each scope.
    let manage = app.token(&http, Scope::Manage).await.unwrap();
    let get = Url::parse(&format!("{}/{key_id}", env.keys_url())).unwrap();
    for _ in 0..3 {
        let (status, _, _) = env.call(&app, &manage, Method::GET, &get, None).await;
        assert_eq!(status, 200);
        let again = app.token(&http, Scope::Manage).await.unwrap();
        assert!(!again.fresh);
    }
    assert_eq!(app.token_requests(), 2);

    // Unknown and forged tokens are 401 E0000011.
    let mut forged = manage.clone();
    forged.token = Secret::new("sbx.forged");
    let (status, body, _) = env.call(&app, &forged, Method::GET, &get, None).await;
    assert_eq!(
        (status, body["errorCode"].as_str()),
        (401, Some("E0000011"))
    );
}

#[tokio::test]
async fn required_dpop_is_learnt_and_both_nonce_challenges_are_answered() {
    let env = Env::start(None, true).await;
    let app = env.app(RSA_KEY, false);
    let http = env.transport();
    let token = app.token(&http, Scope::Manage).await.unwrap();
    // No proof → invalid_dpop_proof; proof → use_dpop_nonce; proof with the nonce → token.
    assert_eq!(app.token_requests(), 3);
    assert_eq!(token.token_type, TokenType::Dpop);

    // The API asks for its own nonce once; then proofs carry it.
    let (status, list, sent) = env
        .call(&app, &token, Method::GET, &env.keys_url(), None)
        .await;
    assert_eq!((status, sent), (200, 2));
    let key_id = list[0]["id"].as_str().unwrap();
    let get = Url::parse(&format!("{}/{key_id}", env.keys_url())).unwrap();
    let (status, _, sent) = env.call(&app, &token, Method::GET, &get, None).await;
    assert_eq!((status, sent), (200, 1));
    assert_eq!(app.token_requests(), 3);

    // The DPoP token is no Bearer token.
    let mut as_bearer = token.clone();
    as_bearer.token_type = TokenType::Bearer;
    let (status, _, _) = env.call(&app, &as_bearer, Method::GET, &get, None).await;
    assert_eq!(status, 401);

    // A proof from another key does not match the token's binding.
    let mut other_key = token.clone();
    other_key.dpop = Some(std::sync::Arc::new(DpopKey::generate().unwrap()));
    let (status, _, _) = env.call(&app, &other_key, Method::GET, &get, None).await;
    assert_eq!(status, 401);

    // A replayed proof is refused.
    let headers = app.api_headers(&token, &Method::GET, &get).unwrap();
    let http = client();
    let first = http
        .get(get.clone())
        .headers(headers.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(first.status().as_u16(), 200);
    let replay = http.get(get.clone()).headers(headers).send().await.unwrap();
    assert_eq!(replay.status().as_u16(), 401);
    let challenge = replay.headers()["www-authenticate"].to_str().unwrap();
    assert!(
        challenge.contains("invalid_dpop_proof") && challenge.contains("already been used"),
        "{challenge}"
    );
}

#[tokio::test]
async fn dpop_profile_setting_sends_proofs_from_the_start() {
    let env = Env::start(None, true).await;
    let app = env.app(RSA_KEY, true);
    let token = app.token(&env.transport(), Scope::Read).await.unwrap();
    // Proof → nonce challenge → token: no round trip spent learning DPoP.
    assert_eq!(app.token_requests(), 2);
    assert_eq!(token.token_type, TokenType::Dpop);
}

#[tokio::test]
async fn a_wrong_key_is_invalid_client_exit_4() {
    let env = Env::start(None, false).await;
    let app = env.app(EC_KEY, false);
    let err = app.token(&env.transport(), Scope::Read).await.unwrap_err();
    assert_eq!(err.exit_code(), 4);
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "Okta's token endpoint refused the service app {CLIENT} (401 invalid_client: The client_assertion signature is invalid.) (request id "
        )),
        "{message}"
    );
}

#[tokio::test]
async fn a_scope_the_app_was_not_granted_is_invalid_scope_with_the_grant_to_make() {
    let env = Env::start(Some("okta.authorizationServers.read"), false).await;
    let app = env.app(RSA_KEY, false);
    let http = env.transport();
    assert!(app.token(&http, Scope::Read).await.is_ok());
    let err = app.token(&http, Scope::Manage).await.unwrap_err();
    assert_eq!(err.exit_code(), 4);
    assert!(
        err.to_string().contains(
            "invalid_scope: The following scopes are not allowed: okta.authorizationServers.manage"
        ),
        "{err}"
    );
    assert!(err.hint().unwrap().starts_with(
        "grant the app the scope okta.authorizationServers.manage in the Admin Console"
    ));
}

#[tokio::test]
async fn the_token_endpoint_checks_every_claim_and_consumes_each_jti() {
    let env = Env::start(None, false).await;
    let now = jws::now_secs();
    let cases = [
        (
            json!({"exp": now - 1}),
            "The client_assertion token is expired.",
        ),
        (
            json!({"exp": now + 7200}),
            "The client_assertion token has an expiration too far into the future.",
        ),
        (
            json!({"aud": "https://elsewhere.okta.com/oauth2/v1/token"}),
            "The audience [aud] claim for client_assertion must be the endpoint invoking the client_assertion.",
        ),
        (
            json!({"sub": "0oaOTHER"}),
            "The client_assertion token must have the same 'iss' and 'sub' claims.",
        ),
        (
            json!({"iss": "0oaUNKNOWN", "sub": "0oaUNKNOWN"}),
            "Invalid value for 'client_id' parameter.",
        ),
        (
            json!({"jti": ""}),
            "The client_assertion token must have a 'jti' claim.",
        ),
    ];
    for (claims, expected) in cases {
        let assertion = env.assertion(RSA_KEY, claims.clone());
        let (status, body) = env.post_token(assertion.expose(), Scope::READ, None).await;
        assert_eq!(status, 401, "{claims}");
        assert_eq!(body["error"], "invalid_client", "{claims}");
        assert_eq!(body["error_description"], expected, "{claims}");
    }
    // Signed by another key.
    let forged = env.assertion(EC_KEY, json!({}));
    let (status, body) = env.post_token(forged.expose(), Scope::READ, None).await;
    assert_eq!(status, 401);
    assert_eq!(
        body["error_description"],
        "The client_assertion signature is invalid."
    );

    // A good assertion works once; its replay is refused.
    let good = env.assertion(RSA_KEY, json!({}));
    let (status, body) = env.post_token(good.expose(), Scope::READ, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], Scope::READ);
    assert_eq!(body["expires_in"], 3600);
    let (status, body) = env.post_token(good.expose(), Scope::READ, None).await;
    assert_eq!(status, 401);
    assert_eq!(
        body["error_description"],
        "The client_assertion token has already been used."
    );

    // No scope at all.
    let (status, body) = env
        .post_token(env.assertion(RSA_KEY, json!({})).expose(), "", None)
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_scope"))
    );
}

#[tokio::test]
async fn the_token_endpoint_refuses_bad_dpop_proofs() {
    let env = Env::start(None, true).await;
    let key = DpopKey::generate().unwrap();
    let token_url = Url::parse(&env.token_url()).unwrap();
    // A proof for another URL.
    let elsewhere = Url::parse("http://127.0.0.1:1/oauth2/v1/token").unwrap();
    let proof = key.proof("POST", &elsewhere, None, None).unwrap();
    let (status, body) = env
        .post_token(
            env.assertion(RSA_KEY, json!({})).expose(),
            Scope::READ,
            Some(proof.expose()),
        )
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_dpop_proof"))
    );
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("'htu'")
    );
    // Missing proof.
    let (status, body) = env
        .post_token(
            env.assertion(RSA_KEY, json!({})).expose(),
            Scope::READ,
            None,
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error_description"],
        "The DPoP proof JWT header is missing."
    );
    // A good proof without the nonce: the challenge, with a nonce header.
    let proof = key.proof("POST", &token_url, None, None).unwrap();
    let resp = client()
        .post(env.token_url())
        .header("DPoP", proof.expose())
        .form(&[
            ("grant_type", "client_credentials"),
            ("scope", Scope::READ),
            ("client_assertion_type", ASSERTION_TYPE),
            (
                "client_assertion",
                env.assertion(RSA_KEY, json!({})).expose(),
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    let nonce = resp.headers()["dpop-nonce"].to_str().unwrap().to_string();
    assert!(!nonce.is_empty());
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "use_dpop_nonce");
    // With the nonce: a DPoP token.
    let proof = key.proof("POST", &token_url, Some(&nonce), None).unwrap();
    let (status, body) = env
        .post_token(
            env.assertion(RSA_KEY, json!({})).expose(),
            Scope::READ,
            Some(proof.expose()),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "DPoP");
}

#[tokio::test]
async fn registrations_parse_scopes_and_report_bad_files() {
    let reg = Registration::parse_arg(&format!(
        "0oaX={}:okta.authorizationServers.read",
        fixture(EC_PUB).display()
    ))
    .unwrap();
    assert_eq!(reg.client_id, "0oaX");
    assert_eq!(reg.scopes, ["okta.authorizationServers.read"]);
    let reg = Registration::parse_arg(&format!("0oaX={}", fixture(EC_PUB).display())).unwrap();
    assert_eq!(reg.scopes, [Scope::READ, Scope::MANAGE]);
    let jwk = Registration::parse_arg(&format!(
        "0oaX={}",
        fixture("tests/fixtures/service-app-ec.jwk.json").display()
    ))
    .unwrap();
    assert_eq!(jwk.kid.as_deref(), Some("ec-test-key"));
    assert!(
        Registration::parse_arg("0oaX")
            .unwrap_err()
            .contains("CLIENT_ID=PUBLIC_KEY_FILE")
    );
    assert!(
        Registration::parse_arg("0oaX=/nonexistent/key.pem")
            .unwrap_err()
            .contains("cannot read the public key file /nonexistent/key.pem")
    );
}
