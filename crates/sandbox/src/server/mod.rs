//! The HTTP side: an axum router for the six key endpoints (and, from `authorization_servers`,
//! the authorization servers and their own OAuth endpoints), wrapped in a per-request layer
//! that does what every Okta response shares (request id, rate limit, token check) and
//! the test knobs, served by hyper so a request can be answered by closing the connection.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, OriginalUri, Path, State as AxumState};
use axum::http::header::{AUTHORIZATION, HOST};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Request, Response, StatusCode};
use axum::routing::{get, post};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower::ServiceExt;

mod authorization_servers;

use crate::error::{Error, OnError, Result};
use crate::errors::OktaError;
use crate::faults::{Faults, Verdict};
use crate::knobs::{FailWith, Knobs, RateWindow};
use crate::model::{Key, State};
use crate::response::{error_response, json_response};
use crate::store::Store;
use crate::{ids, rules, seed};
use keymaterial::secret::Secret;

const KEYS: &str = "/api/v1/authorizationServers/{server}/resourceservercredentials/keys";

/// Everything the handlers share.
pub(crate) struct App {
    pub(crate) store: Store,
    /// Servers a missing state file is seeded with.
    pub(crate) seed_servers: Vec<String>,
    /// The seeded rule's lifetime for a state seeded while serving.
    pub(crate) token_lifetime: Option<u32>,
    pub(crate) token: Secret,
    pub(crate) knobs: Knobs,
    pub(crate) local_addr: SocketAddr,
    requests: AtomicU64,
    window: Mutex<RateWindow>,
    /// Serialises this process's transactions before they queue on the file lock.
    txn: tokio::sync::Mutex<()>,
    /// The OAuth 2.0 token endpoint and the checks of the tokens it issues.
    pub(crate) oauth: crate::oauth::Issuer,
    /// The authorization servers' own token endpoints: their clients, the JWE `enc`.
    pub(crate) custom_as: crate::custom_as::CustomAs,
    on_error: OnError,
    /// The tests' fault hook, when they armed one.
    faults: Option<Faults>,
}

impl App {
    pub(crate) fn new(
        store: Store,
        seed_servers: Vec<String>,
        token: Secret,
        knobs: Knobs,
        local_addr: SocketAddr,
    ) -> Self {
        App {
            store,
            seed_servers,
            token_lifetime: None,
            token,
            knobs,
            local_addr,
            requests: AtomicU64::new(0),
            window: Mutex::new(RateWindow::default()),
            txn: tokio::sync::Mutex::new(()),
            oauth: crate::oauth::Issuer::new(Default::default()),
            custom_as: Default::default(),
            on_error: OnError::default(),
            faults: None,
        }
    }

    /// Serve the authorization servers' token endpoints so, and seed a state made while
    /// serving with this rule lifetime.
    pub(crate) fn with_custom_as(
        mut self,
        custom_as: crate::custom_as::CustomAs,
        token_lifetime: Option<u32>,
    ) -> Self {
        self.custom_as = custom_as;
        self.token_lifetime = token_lifetime;
        self
    }

    /// Log every request there and let it fail chosen ones.
    pub(crate) fn with_faults(mut self, faults: Option<Faults>) -> Self {
        self.faults = faults;
        self
    }

    /// Report the failures answered with 500 there.
    pub(crate) fn with_on_error(mut self, on_error: OnError) -> Self {
        self.on_error = on_error;
        self
    }

    /// Serve these service apps (and DPoP rules) at the token endpoint.
    pub(crate) fn with_oauth(mut self, oauth: crate::oauth::Issuer) -> Self {
        self.oauth = oauth;
        self
    }

    /// One transaction on the state file, off the async threads.
    pub(crate) async fn transact<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut State) -> T + Send + 'static,
    ) -> Result<T> {
        let _guard = self.txn.lock().await;
        let store = self.store.clone();
        let servers = self.seed_servers.clone();
        let lifetime = self.token_lifetime;
        tokio::task::spawn_blocking(move || {
            let now = ids::timestamp(SystemTime::now());
            let seed = || {
                let mut state = seed::seeded_state(&servers, &now);
                if let Some(minutes) = lifetime {
                    seed::apply_token_lifetime(&mut state, minutes);
                }
                state
            };
            store.transact(seed, f)
        })
        .await
        .map_err(|e| Error::Internal(format!("the sandbox state task failed: {e}")))?
    }

    pub(crate) fn base_url(&self, headers: &HeaderMap) -> String {
        let host = headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_graphic()));
        match host {
            Some(host) => format!("http://{host}"),
            None => format!("http://{}", self.local_addr),
        }
    }
}

/// The router of every endpoint.
pub(crate) fn router(app: Arc<App>) -> Router {
    authorization_servers::routes(Router::new())
        .route(KEYS, get(list_keys).post(add_key))
        .route(&format!("{KEYS}/{{key}}"), get(get_key).delete(delete_key))
        .route(
            &format!("{KEYS}/{{key}}/lifecycle/activate"),
            post(activate_key),
        )
        .route(
            &format!("{KEYS}/{{key}}/lifecycle/deactivate"),
            post(deactivate_key),
        )
        .fallback(|OriginalUri(uri): OriginalUri| async move {
            error_response(&OktaError::path_not_found(uri.path()))
        })
        .method_not_allowed_fallback(|| async { error_response(&OktaError::method_not_allowed()) })
        .with_state(app)
}

/// The ids in the path; a path that does not decode (bad percent-encoding, not UTF-8)
/// is an unknown resource to Okta, so 404 E0000007 rather than axum's plain-text 400.
pub(crate) struct Ids<T>(pub(crate) T);

impl<S, T> FromRequestParts<S> for Ids<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned + Send,
{
    type Rejection = Response<Body>;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> std::result::Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(ids)) => Ok(Ids(ids)),
            Err(_) => Err(error_response(&OktaError::path_not_found(parts.uri.path()))),
        }
    }
}

/// Turn a transaction's outcome into the response.
pub(crate) fn respond<T>(
    app: &App,
    outcome: Result<std::result::Result<T, OktaError>>,
    ok: impl FnOnce(T) -> Response<Body>,
) -> Response<Body> {
    match outcome {
        Ok(Ok(value)) => ok(value),
        Ok(Err(okta)) => error_response(&okta),
        Err(e) => {
            app.on_error.report(&e);
            error_response(&OktaError::internal())
        }
    }
}

pub(crate) fn now() -> String {
    ids::timestamp(SystemTime::now())
}

async fn list_keys(
    AxumState(app): AxumState<Arc<App>>,
    Ids(server): Ids<String>,
    headers: HeaderMap,
) -> Response<Body> {
    let base = app.base_url(&headers);
    let s = server.clone();
    let outcome = app.transact(move |state| rules::list(state, &s)).await;
    respond(&app, outcome, |keys| {
        let keys: Vec<Value> = keys.iter().map(|k| k.to_json(&base, &server)).collect();
        json_response(StatusCode::OK, &Value::Array(keys))
    })
}

/// Apply one rule to the state and answer with the key it returns, its `_links` built
/// from the address this request came to.
async fn answer_with_key(
    app: &App,
    headers: &HeaderMap,
    server: String,
    status: StatusCode,
    rule: impl FnOnce(&mut State, &str) -> std::result::Result<Key, OktaError> + Send + 'static,
) -> Response<Body> {
    let base = app.base_url(headers);
    let s = server.clone();
    let outcome = app.transact(move |state| rule(state, &s)).await;
    respond(app, outcome, |key| {
        json_response(status, &key.to_json(&base, &server))
    })
}

async fn add_key(
    AxumState(app): AxumState<Arc<App>>,
    Ids(server): Ids<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response<Body> {
    let max_keys = app.knobs.max_keys;
    let armed = app.faults.as_ref().and_then(Faults::take_key_id);
    let new_id = armed.unwrap_or_else(ids::key_id);
    answer_with_key(
        &app,
        &headers,
        server,
        StatusCode::CREATED,
        move |state, s| rules::add(state, s, &body, &now(), new_id, max_keys),
    )
    .await
}

async fn get_key(
    AxumState(app): AxumState<Arc<App>>,
    Ids((server, key)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Response<Body> {
    answer_with_key(&app, &headers, server, StatusCode::OK, move |state, s| {
        rules::get(state, s, &key)
    })
    .await
}

async fn delete_key(
    AxumState(app): AxumState<Arc<App>>,
    Ids((server, key)): Ids<(String, String)>,
) -> Response<Body> {
    let outcome = app
        .transact(move |state| rules::delete(state, &server, &key))
        .await;
    respond(&app, outcome, |()| {
        let mut resp = Response::new(Body::empty());
        *resp.status_mut() = StatusCode::NO_CONTENT;
        resp
    })
}

async fn activate_key(
    AxumState(app): AxumState<Arc<App>>,
    Ids((server, key)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Response<Body> {
    answer_with_key(&app, &headers, server, StatusCode::OK, move |state, s| {
        rules::activate(state, s, &key, &now())
    })
    .await
}

async fn deactivate_key(
    AxumState(app): AxumState<Arc<App>>,
    Ids((server, key)): Ids<(String, String)>,
    headers: HeaderMap,
) -> Response<Body> {
    answer_with_key(&app, &headers, server, StatusCode::OK, move |state, s| {
        rules::deactivate(state, s, &key, &now())
    })
    .await
}

/// The token check: `SSWS <token>` or `Bearer <token>`, compared in constant time.
/// The space after the scheme is optional: Okta's Python SDK 3.x sends `SSWS<token>`
/// (its generated client joins scheme and token without one), and Okta accepts it.
fn authorized(headers: &HeaderMap, token: &Secret) -> bool {
    let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let value = value.trim();
    let strip = |scheme: &str| {
        value
            .get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &value[scheme.len()..])
    };
    let Some(presented) = strip("SSWS").or_else(|| strip("Bearer")) else {
        return false;
    };
    let (a, b) = (presented.trim().as_bytes(), token.expose().as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The sandbox's API token (`SSWS`/`Bearer`), or an access token the token endpoint
/// issued with the scope this request needs (`Bearer`, or `DPoP` with a valid proof).
/// `None`: allowed; else the refusal to send.
fn refuse_access(app: &App, req: &Request<Body>) -> Option<Response<Body>> {
    if authorized(req.headers(), &app.token) {
        return None;
    }
    if !app.oauth.has_apps() {
        return Some(error_response(&OktaError::invalid_token()));
    }
    let url = format!("{}{}", app.base_url(req.headers()), req.uri().path());
    app.oauth.refuse_api(req.method(), &url, req.headers())
}

/// `POST /oauth2/v1/token` (any other method: 405, as Okta).
async fn token_endpoint(app: &App, req: Request<Body>) -> Response<Body> {
    if req.method() != axum::http::Method::POST {
        return error_response(&OktaError::method_not_allowed());
    }
    let base = app.base_url(req.headers());
    let headers = req.headers().clone();
    match axum::body::to_bytes(req.into_body(), 64 * 1024).await {
        Ok(body) => app.oauth.token_endpoint(&base, &headers, &body),
        Err(_) => error_response(&OktaError::malformed()),
    }
}

/// A request the failure knob answers by closing the connection.
#[derive(Debug)]
pub(crate) struct DroppedConnection;

impl std::fmt::Display for DroppedConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by the sandbox's failure knob")
    }
}

impl std::error::Error for DroppedConnection {}

/// Everything before and after the router: count the request, wait the added latency,
/// apply the rate limit, the failure knob and the token check; stamp the shared headers.
async fn handle(
    app: Arc<App>,
    router: Router,
    req: Request<Incoming>,
) -> std::result::Result<Response<Body>, DroppedConnection> {
    let number = app.requests.fetch_add(1, Ordering::SeqCst) + 1;
    if !app.knobs.latency.is_zero() {
        tokio::time::sleep(app.knobs.latency).await;
    }
    let rate = app
        .window
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .take(
            ids::epoch_secs(SystemTime::now()),
            app.knobs.rate_limit,
            app.knobs.rate_limit_window.as_secs().max(1),
        );

    let req = req.map(Body::new);
    let (req, verdict) = match &app.faults {
        Some(faults) => consult(faults, req).await,
        None => (req, Verdict::Serve),
    };
    if let (Verdict::Hang { after: false }, Some(faults)) = (&verdict, &app.faults) {
        faults.hanging();
        std::future::pending::<()>().await;
    }
    let mut resp = if app.knobs.fail_requests.contains(&number) {
        match app.knobs.fail_with {
            FailWith::Drop => return Err(DroppedConnection),
            FailWith::Status500 => error_response(&OktaError::internal()),
            FailWith::Status503 => error_response(&OktaError::unavailable()),
        }
    } else if !rate.allowed {
        error_response(&OktaError::rate_limited())
    } else if let Verdict::Fail(injected) = &verdict {
        error_response(injected)
    } else if req.uri().path() == crate::oauth::TOKEN_PATH {
        token_endpoint(&app, req).await
    } else if authorization_servers::is_custom_as_path(req.uri().path()) {
        // A server's own OAuth endpoints take no API token, as at Okta.
        match router.oneshot(req).await {
            Ok(resp) => resp,
            Err(never) => match never {},
        }
    } else if let Some(refusal) = refuse_access(&app, &req) {
        refusal
    } else {
        match router.oneshot(req).await {
            Ok(resp) => resp,
            Err(never) => match never {},
        }
    };
    if let Verdict::LoseAnswer(injected) = &verdict {
        resp = error_response(injected);
    }
    if let (Verdict::Hang { after: true }, Some(faults)) = (&verdict, &app.faults) {
        faults.hanging();
        std::future::pending::<()>().await;
    }

    let headers = resp.headers_mut();
    let mut put = |name: &'static str, value: String| {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    };
    put("x-okta-request-id", ids::request_id());
    put("x-rate-limit-limit", rate.limit.to_string());
    put("x-rate-limit-remaining", rate.remaining.to_string());
    put("x-rate-limit-reset", rate.reset.to_string());
    Ok(resp)
}

/// Read the body (so the hook can log it), ask the hook, and put the request back together.
async fn consult(faults: &Faults, req: Request<Body>) -> (Request<Body>, Verdict) {
    let (parts, body) = req.into_parts();
    // A body too large to buffer is logged as empty; the router then sees it empty too,
    // which a test sending such a body would notice.
    let body = axum::body::to_bytes(body, 1024 * 1024)
        .await
        .unwrap_or_default();
    let verdict = faults.on_request(parts.method.as_str(), parts.uri.path(), &body);
    (Request::from_parts(parts, Body::from(body)), verdict)
}

/// Accept connections until `shutdown` fires (or its sender is dropped), then let
/// in-flight requests finish (at most 5 seconds).
pub(crate) async fn serve(
    listener: TcpListener,
    app: Arc<App>,
    mut shutdown: oneshot::Receiver<()>,
) {
    let router = router(app.clone());
    let graceful = GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: wait, then go on.
                        tracing::warn!("sandbox: accept failed: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let app = app.clone();
                let router = router.clone();
                let service = hyper::service::service_fn(move |req| {
                    handle(app.clone(), router.clone(), req)
                });
                let conn = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::debug!("sandbox: connection ended: {e}");
                    }
                });
            }
            _ = &mut shutdown => break,
        }
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(Duration::from_secs(5)) => {}
    }
}
