//! The HTTP layer: one reqwest client per process, the base URL, authentication,
//! retries that respect Okta's rate limits, timeouts, error decoding, request ids, and
//! redacted logging. No request is built anywhere else.
//!
//! Two levels, so that authentication can itself send requests without a cycle:
//! - [`Transport`] sends a [`Request`] to a URL: TLS and `--ca-cert`, proxies, redirects
//!   not followed, the body cap, timeouts and the command's deadline, the retry policy
//!   below, User-Agent, and the `-v`/`-vv`/`-vvv` log with credentials redacted. It knows
//!   nothing of authentication: each attempt's credentials come from the caller through
//!   [`Attempts`], made fresh for that attempt.
//! - [`Client`] is a transport, the org URL and an [`Authenticator`]: the management API
//!   path. Its [`Attempts`] asks the authenticator for headers, and hands it the
//!   transport, so a service app's token request (`auth::service_app`) goes through the
//!   same transport, with its own [`Attempts`]: a new client assertion and DPoP proof
//!   each attempt, and the token endpoint's OAuth errors decoded there.
//!
//! Retry policy, in one place:
//! - 429: wait until `X-Rate-Limit-Reset` (Okta's clock, read from its `Date`; the local
//!   clock without `Date`; jittered backoff without the reset), at most
//!   [`MAX_RATE_LIMIT_WAIT`] per wait, and resend with `X-Okta-Retry-For` and
//!   `X-Okta-Retry-Count`. A 429 was not applied, so every request may be resent.
//! - A connection that could not be opened: the request never left, so every request may
//!   be resent after a jittered backoff.
//! - 500/502/503/504, a dropped connection, a request timeout: the request may have been
//!   applied. Idempotent requests are resent; for the others [`Client::send_tracked`]
//!   answers [`Sent::Unsure`] and the caller finds out what happened (see
//!   `api::add_key`).
//! - Nothing waits past the command's deadline (`--timeout`): a wait that would end after
//!   it is not started, and every attempt is cut at the deadline.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::time::Instant;
use url::Url;

use crate::auth::{AuthRetries, Authenticator};
use crate::config::{HttpSettings, is_loopback};
use crate::error::{ApiError, Error, Result};
use crate::secret::Secret;

/// Responses larger than this are refused: Okta's answers here are a few KiB.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// The longest single wait for a rate-limit window to reset.
pub const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// Added at random to a rate-limit wait, so jobs sharing an org do not all resend in the
/// same instant the window opens.
const RATE_LIMIT_JITTER: Duration = Duration::from_millis(400);
/// First backoff step after a 5xx or a dropped connection; doubles each retry.
const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_CAP: Duration = Duration::from_secs(20);
/// Bodies shown at `-vvv` are cut here.
const MAX_LOGGED_BODY: usize = 64 * 1024;

const REQUEST_ID: &str = "x-okta-request-id";
const RATE_LIMIT_REMAINING: &str = "x-rate-limit-remaining";
const RATE_LIMIT_RESET: &str = "x-rate-limit-reset";
const RETRY_FOR: &str = "x-okta-retry-for";
const RETRY_COUNT: &str = "x-okta-retry-count";

/// Header names whose values never reach a log.
const SENSITIVE_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "dpop",
    "cookie",
    "set-cookie",
];

/// JSON members and form fields whose values never reach a log (`-vvv` shows bodies).
const SENSITIVE_FIELDS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "client_assertion",
    "token",
    "d",
    "p",
    "q",
    "dp",
    "dq",
    "qi",
];

/// One API request, described before it is sent (so `--dry-run` can print it).
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// Path segments after the org URL; each is percent-encoded on its own.
    pub segments: Vec<String>,
    /// Query parameters (the `after=` cursor of a next page), encoded by `url()`.
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    /// An `application/x-www-form-urlencoded` body (when there is no JSON body); each
    /// attempt's [`Credentials::form`] fields follow these.
    pub form: Option<Vec<(String, String)>>,
    /// Safe to resend after a 5xx or a dropped connection (the effect is the same).
    pub idempotent: bool,
    /// Waits for, and counts towards, the management API's rate-limit window (see
    /// [`Transport`]). Okta counts the token endpoint apart.
    pub paced: bool,
}

impl Request {
    pub fn new(method: Method, segments: &[&str]) -> Self {
        let idempotent = method != Method::POST;
        Request {
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            query: Vec::new(),
            body: None,
            form: None,
            idempotent,
            paced: true,
        }
    }

    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// A form body of fields that are no secret (they are logged at `-vvv`).
    pub fn with_form(mut self, fields: &[(&str, &str)]) -> Self {
        self.form = Some(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        self
    }

    pub fn paced(mut self, paced: bool) -> Self {
        self.paced = paced;
        self
    }

    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// The full URL: every segment percent-encoded, so an id can never climb out of
    /// the path (`../x` becomes `..%2Fx`).
    pub fn url(&self, base: &Url) -> Url {
        let mut url = base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(self.segments.iter());
        }
        if !self.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&self.query);
        }
        url
    }
}

/// The credentials of one attempt, made for it alone: headers (`Authorization`, `DPoP`),
/// and form fields (a client assertion). Header values should be marked sensitive; form
/// fields here are never logged.
#[derive(Debug, Default)]
pub struct Credentials {
    pub headers: HeaderMap,
    pub form: Vec<(String, Secret)>,
}

/// What the caller of one logical request adds to each attempt, and makes of the answers.
pub(crate) trait Attempts {
    /// The credentials for the next attempt (a DPoP proof or a client assertion is good
    /// for one request only). An error here ends the call, unsent.
    fn credentials(
        &mut self,
        request: &Request,
        url: &Url,
    ) -> impl std::future::Future<Output = Result<Credentials>>;

    /// After each answer: resend at once for authentication's sake (a DPoP nonce
    /// challenge, a refused kept token)? Not counted as a retry.
    fn resend_at_once(&mut self, url: &Url, response: &Response) -> bool;

    /// The error for a final answer that is neither 2xx nor retried.
    fn refusal(
        &mut self,
        request: &Request,
        url: &Url,
        response: Response,
        retries: &Retries,
    ) -> Error {
        api_error(request, url, &response, retries, None)
    }
}

/// The management API's [`Attempts`]: headers from the authenticator, which may first
/// fetch a token through the same transport.
struct ApiAttempts<'a> {
    transport: &'a Transport,
    auth: &'a Authenticator,
    auth_retries: AuthRetries,
}

impl Attempts for ApiAttempts<'_> {
    async fn credentials(&mut self, request: &Request, url: &Url) -> Result<Credentials> {
        let headers = self
            .auth
            .headers(self.transport, &request.method, url)
            .await?;
        Ok(Credentials {
            headers,
            form: Vec::new(),
        })
    }

    fn resend_at_once(&mut self, url: &Url, resp: &Response) -> bool {
        self.auth.after_response(
            url,
            resp.status.as_u16(),
            &resp.headers,
            &resp.body,
            &mut self.auth_retries,
        )
    }
}

/// A response as received (any status).
#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub request_id: Option<String>,
    pub body: Vec<u8>,
}

impl Response {
    /// The body as JSON; an unreadable 2xx body is an error naming the request id.
    pub fn json(&self, what: &str) -> Result<Value> {
        serde_json::from_slice(&self.body).map_err(|e| {
            let content_type = header_str(&self.headers, "content-type")
                .map(|t| format!(", content type {t}"))
                .unwrap_or_default();
            let start = snippet(&self.body)
                .map(|s| format!("; it starts: {s}"))
                .unwrap_or_else(|| "; it is empty".into());
            Error::network(
                format!(
                    "Okta's answer to {what} is not valid JSON ({e}{content_type}){}{start}",
                    request_id_suffix(self.request_id.as_deref())
                ),
                Some(
                    "a proxy may have answered instead of Okta; check the org URL and HTTPS_PROXY, \
                     or run with -vvv to see the whole exchange"
                        .into(),
                ),
            )
        })
    }
}

/// The outcome of [`Client::send_tracked`].
#[derive(Debug)]
pub enum Sent {
    /// A 2xx answer.
    Done(Response),
    /// A request that is not idempotent failed in a way that may or may not have
    /// reached Okta (a dropped connection, a timeout, a 5xx). The caller must find out
    /// before resending; the error describes the failure.
    Unsure(Error),
}

/// The retry count of one logical call, carried across [`Client::send_tracked`] calls
/// so a caller that resends (after checking) keeps counting.
#[derive(Debug, Default)]
pub struct Retries {
    /// Retries made so far (0 on the first attempt).
    attempt: u32,
    /// The request id of the last refused attempt, for `X-Okta-Retry-For`.
    retry_for: Option<String>,
    /// Some earlier attempt failed after the request may have reached Okta.
    maybe_applied: bool,
}

impl Retries {
    /// Did an earlier attempt fail in a way that may have applied the request? (A DELETE
    /// resent after a dropped connection that then gets 404 deleted the key the first time.)
    pub fn earlier_attempt_may_have_applied(&self) -> bool {
        self.maybe_applied
    }

    pub fn attempts(&self) -> u32 {
        self.attempt + 1
    }
}

/// How waits (rate limits, backoff) are told to the person, on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// A live line on the terminal, counted down in place and cleared afterwards.
    Live,
    /// A plain log line, shown at `-v`.
    Log,
    /// Nothing (`-q`).
    Silent,
}

impl Progress {
    /// Live on a terminal, a log line otherwise, nothing with `--quiet`.
    pub fn detect(quiet: bool) -> Self {
        if quiet {
            Progress::Silent
        } else if std::io::stderr().is_terminal() {
            Progress::Live
        } else {
            Progress::Log
        }
    }
}

/// Why one attempt produced no usable answer.
#[derive(Debug)]
enum Failure {
    /// The connection could not be opened: the request surely never left.
    NotSent(Error),
    /// The request may have reached Okta (dropped connection, timeout).
    Unsure(Error),
    /// Out of time for the whole command; the request may have reached Okta.
    Deadline(Error),
    /// Retrying cannot help (an untrusted certificate, an oversized body).
    Fatal(Error),
}

impl Failure {
    fn error(&self) -> &Error {
        match self {
            Failure::NotSent(e) | Failure::Unsure(e) | Failure::Deadline(e) | Failure::Fatal(e) => {
                e
            }
        }
    }

    fn into_error(self) -> Error {
        match self {
            Failure::NotSent(e) | Failure::Unsure(e) | Failure::Deadline(e) | Failure::Fatal(e) => {
                e
            }
        }
    }
}

/// Sends requests; see the module docs. One per command's client; a service app's token
/// requests go through the transport of the client that needs the token.
pub struct Transport {
    http: reqwest::Client,
    max_retries: u32,
    request_timeout: Duration,
    connect_timeout: Duration,
    /// When the whole command must be over (`--timeout`); moved later by the time spent
    /// waiting for the person (see [`Transport::off_the_clock`]).
    deadline: Mutex<Instant>,
    timeout: Duration,
    progress: Progress,
    /// Set when a response said the rate-limit window is used up: wait before the next
    /// paced request.
    pause_until: Mutex<Option<Instant>>,
}

/// The management API: a [`Transport`], the org URL, and the authentication it adds.
pub struct Client {
    transport: Transport,
    base: Url,
    auth: Authenticator,
}

impl Client {
    pub fn new(
        settings: &HttpSettings,
        base: Url,
        auth: Authenticator,
        progress: Progress,
    ) -> Result<Self> {
        Ok(Client {
            transport: Transport::new(settings, &base, progress)?,
            base,
            auth,
        })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// See [`Transport::off_the_clock`].
    pub async fn off_the_clock<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        self.transport.off_the_clock(f).await
    }

    /// Send a request, retrying what is safe to retry; any non-2xx answer is an error.
    pub async fn send(&self, request: &Request) -> Result<Response> {
        match self.send_tracked(request, &mut Retries::default()).await? {
            Sent::Done(resp) => Ok(resp),
            Sent::Unsure(err) => Err(err),
        }
    }

    /// Send a request with the retry policy of the module docs. A request that is not
    /// idempotent and may have reached Okta comes back as [`Sent::Unsure`] instead of
    /// being resent; `retries` keeps the count for a caller that resends.
    pub async fn send_tracked(&self, request: &Request, retries: &mut Retries) -> Result<Sent> {
        let url = request.url(&self.base);
        let mut attempts = ApiAttempts {
            transport: &self.transport,
            auth: &self.auth,
            auth_retries: AuthRetries::default(),
        };
        self.transport
            .send_tracked(request, &url, retries, &mut attempts)
            .await
    }

    /// See [`Transport::pause_before_resend`].
    pub async fn pause_before_resend(&self, retries: &mut Retries, last: Error) -> Result<()> {
        self.transport.pause_before_resend(retries, last).await
    }
}

impl Transport {
    /// `base` is where the requests go: on loopback (the sandbox, tests) no proxy is
    /// used, and plain HTTP loads no trust store.
    pub fn new(settings: &HttpSettings, base: &Url, progress: Progress) -> Result<Self> {
        // rustls needs a process-wide crypto provider; ring keeps the binary small.
        // An Err means one is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .tls_backend_rustls()
            .user_agent(user_agent())
            .connect_timeout(settings.connect_timeout)
            // Never follow redirects: a redirect could carry the token to another host.
            .redirect(reqwest::redirect::Policy::none());
        if is_loopback(base) {
            // The sandbox and tests: a proxy elsewhere cannot reach this machine's
            // loopback, and no TLS is needed, so skip loading the system's trust store.
            builder = builder.no_proxy();
            if base.scheme() == "http" {
                builder = builder.tls_certs_only([]);
            }
        }
        for (path, origin) in settings
            .ca_cert
            .iter()
            .map(|p| (p, "--ca-cert"))
            .chain(settings.ssl_cert_file.iter().map(|p| (p, "SSL_CERT_FILE")))
        {
            builder = builder.tls_certs_merge(read_ca_file(path, origin)?);
        }
        let http = builder
            .build()
            .map_err(|e| Error::Internal(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Transport {
            http,
            max_retries: settings.max_retries,
            request_timeout: settings.request_timeout,
            connect_timeout: settings.connect_timeout,
            deadline: Mutex::new(deadline_after(settings.timeout)),
            timeout: settings.timeout,
            progress,
            pause_until: Mutex::new(None),
        })
    }

    fn deadline(&self) -> Instant {
        match self.deadline.lock() {
            Ok(deadline) => *deadline,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    /// Run `f` (a confirmation prompt) without counting the time it takes against
    /// `--timeout`: a person thinking is not the network being slow.
    pub async fn off_the_clock<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        let started = Instant::now();
        let out = f.await;
        if let Ok(mut deadline) = self.deadline.lock()
            && let Some(later) = deadline.checked_add(started.elapsed())
        {
            *deadline = later;
        }
        out
    }

    /// Send `request` to `url` with the retry policy of the module docs, each attempt
    /// with fresh credentials from `attempts`. A request that is not idempotent and may
    /// have reached Okta comes back as [`Sent::Unsure`] instead of being resent;
    /// `retries` keeps the count for a caller that resends.
    pub(crate) async fn send_tracked(
        &self,
        request: &Request,
        url: &Url,
        retries: &mut Retries,
        attempts: &mut impl Attempts,
    ) -> Result<Sent> {
        loop {
            if request.paced {
                self.wait_for_rate_limit_window().await?;
            }
            let credentials = attempts.credentials(request, url).await?;
            let outcome = self.send_once(request, url, retries, credentials).await;
            // A DPoP nonce challenge, or a kept OAuth token that Okta refused: resend at
            // once (a 401 was not applied), without counting a retry.
            if let Ok(resp) = &outcome
                && attempts.resend_at_once(url, resp)
            {
                continue;
            }
            let (wait, why) = match outcome {
                Ok(resp) if resp.status.is_success() => return Ok(Sent::Done(resp)),
                Ok(resp) if resp.status == StatusCode::TOO_MANY_REQUESTS => {
                    let wait = rate_limit_wait(&resp.headers, SystemTime::now(), retries.attempt)
                        + RATE_LIMIT_JITTER.mul_f64(fastrand::f64());
                    let wait = wait.min(MAX_RATE_LIMIT_WAIT);
                    match self.may_retry(retries, wait) {
                        Ok(()) => {
                            retries.retry_for = resp.request_id.clone();
                            (wait, "rate limited by Okta".to_string())
                        }
                        Err(why_not) => {
                            return Err(api_error(request, url, &resp, retries, why_not.note()));
                        }
                    }
                }
                Ok(resp) if is_transient(resp.status) && !request.idempotent => {
                    retries.maybe_applied = true;
                    retries.retry_for = resp.request_id.clone();
                    return Ok(Sent::Unsure(api_error(request, url, &resp, retries, None)));
                }
                Ok(resp) if is_transient(resp.status) => {
                    let wait = retry_after(&resp.headers, SystemTime::now())
                        .map_or(backoff(retries.attempt), |after| {
                            after.max(backoff(retries.attempt))
                        })
                        .min(MAX_RATE_LIMIT_WAIT);
                    match self.may_retry(retries, wait) {
                        Ok(()) => {
                            retries.maybe_applied = true;
                            retries.retry_for = resp.request_id.clone();
                            (wait, format!("Okta answered {}", status_text(resp.status)))
                        }
                        Err(why_not) => {
                            return Err(api_error(request, url, &resp, retries, why_not.note()));
                        }
                    }
                }
                Ok(resp) => return Err(attempts.refusal(request, url, resp, retries)),
                Err(Failure::Fatal(e)) => return Err(e),
                Err(Failure::Deadline(e)) if !request.idempotent => {
                    retries.maybe_applied = true;
                    return Ok(Sent::Unsure(e));
                }
                Err(Failure::Deadline(e)) => return Err(e),
                Err(Failure::Unsure(e)) if !request.idempotent => {
                    retries.maybe_applied = true;
                    return Ok(Sent::Unsure(e));
                }
                Err(failure) => {
                    let wait = backoff(retries.attempt);
                    match self.may_retry(retries, wait) {
                        Ok(()) => {
                            if matches!(failure, Failure::Unsure(_)) {
                                retries.maybe_applied = true;
                            }
                            (wait, failure.error().to_string())
                        }
                        Err(why_not) => {
                            return Err(with_attempts(failure.into_error(), retries, why_not));
                        }
                    }
                }
            };
            retries.attempt += 1;
            self.announce_and_wait(wait, |left| {
                format!(
                    "{why}; retrying in {} (attempt {}/{})",
                    human_wait(left),
                    retries.attempt,
                    self.max_retries
                )
            })
            .await;
        }
    }

    /// Before resending a request that is not idempotent, once the caller has made sure
    /// the last attempt was not applied: wait a backoff, or give up with `last` when out of
    /// retries or time.
    pub async fn pause_before_resend(&self, retries: &mut Retries, last: Error) -> Result<()> {
        let wait = backoff(retries.attempt);
        if let Err(why_not) = self.may_retry(retries, wait) {
            return Err(with_attempts(last, retries, why_not));
        }
        retries.attempt += 1;
        self.announce_and_wait(wait, |left| {
            format!(
                "{last}; not applied, resending in {} (attempt {}/{})",
                human_wait(left),
                retries.attempt,
                self.max_retries
            )
        })
        .await;
        Ok(())
    }

    /// May we retry after waiting `wait`? Why not, if not.
    fn may_retry(&self, retries: &Retries, wait: Duration) -> std::result::Result<(), Stop> {
        if retries.attempt >= self.max_retries {
            return Err(Stop::Retries);
        }
        if Instant::now() + wait >= self.deadline() {
            return Err(Stop::Deadline(format!(
                "not retried: the next attempt, in {}, would come after --timeout ({} s) runs out",
                human_wait(wait),
                self.timeout.as_secs()
            )));
        }
        Ok(())
    }

    async fn wait_for_rate_limit_window(&self) -> Result<()> {
        let until = self.pause_until.lock().ok().and_then(|mut p| p.take());
        let Some(until) = until else { return Ok(()) };
        let wait = until.saturating_duration_since(Instant::now());
        if wait.is_zero() {
            return Ok(());
        }
        if Instant::now() + wait >= self.deadline() {
            return Err(Error::network(
                format!(
                    "Okta's rate-limit window is used up and resets in {}, after --timeout ({} s) runs out",
                    human_wait(wait),
                    self.timeout.as_secs()
                ),
                Some(timeout_hint(Limit::Command, self.timeout)),
            ));
        }
        self.announce_and_wait(wait, |left| {
            format!(
                "Okta's rate limit is used up; continuing in {}",
                human_wait(left)
            )
        })
        .await;
        Ok(())
    }

    /// Remember when Okta says the window is used up, so the next request waits for the
    /// reset instead of provoking a 429.
    fn note_rate_limit(&self, headers: &HeaderMap) {
        if header_u64(headers, RATE_LIMIT_REMAINING) == Some(0)
            && header_u64(headers, RATE_LIMIT_RESET).is_some()
            && let Ok(mut pause) = self.pause_until.lock()
        {
            let wait = rate_limit_wait(headers, SystemTime::now(), 0);
            *pause = Some(Instant::now() + wait);
        }
    }

    /// Wait, telling the person: a live countdown on a terminal, a log line at `-v`
    /// otherwise, nothing with `-q`.
    async fn announce_and_wait(&self, wait: Duration, line: impl Fn(Duration) -> String) {
        match self.progress {
            Progress::Silent => tokio::time::sleep(wait).await,
            Progress::Log => {
                tracing::info!("{}", line(wait));
                tokio::time::sleep(wait).await;
            }
            Progress::Live => {
                let mut live = LiveLine::default();
                // The fraction first, then whole seconds counted down on the second.
                let whole = wait.as_secs();
                let fraction = wait - Duration::from_secs(whole);
                if !fraction.is_zero() {
                    live.show(&line(wait));
                    tokio::time::sleep(fraction).await;
                }
                for left in (1..=whole).rev() {
                    live.show(&line(Duration::from_secs(left)));
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        retries: &Retries,
        credentials: Credentials,
    ) -> std::result::Result<Response, Failure> {
        let started = Instant::now();
        let left = self.deadline().saturating_duration_since(started);
        let (limit, which) = if left < self.request_timeout {
            (left, Limit::Command)
        } else {
            (self.request_timeout, Limit::Request)
        };
        let host = url.host_str().unwrap_or("the server").to_string();
        if limit.is_zero() {
            return Err(Failure::Deadline(self.timeout_error(Limit::Command, &host)));
        }
        let exchange = self.exchange(request, url, retries, &host, credentials);
        let result = match tokio::time::timeout(limit, exchange).await {
            Ok(result) => result,
            Err(_) => Err(match which {
                Limit::Command => Failure::Deadline(self.timeout_error(Limit::Command, &host)),
                _ => Failure::Unsure(self.timeout_error(Limit::Request, &host)),
            }),
        };
        let elapsed = started.elapsed().as_millis();
        match &result {
            Ok(resp) => {
                tracing::info!(
                    "{} {url} → {} in {elapsed} ms (request id {}, rate limit remaining {})",
                    request.method,
                    status_text(resp.status),
                    resp.request_id.as_deref().unwrap_or("-"),
                    header_str(&resp.headers, RATE_LIMIT_REMAINING)
                        .as_deref()
                        .unwrap_or("-"),
                );
                tracing::debug!(
                    "< {}\n{}",
                    status_text(resp.status),
                    format_headers(&resp.headers, "< ")
                );
                tracing::trace!("< {}", loggable_body(&resp.body));
                if request.paced && resp.status != StatusCode::TOO_MANY_REQUESTS {
                    self.note_rate_limit(&resp.headers);
                }
            }
            Err(failure) => tracing::info!(
                "{} {url} → no answer after {elapsed} ms: {}",
                request.method,
                failure.error()
            ),
        }
        result
    }

    /// A timeout, naming the setting to raise.
    fn timeout_error(&self, which: Limit, host: &str) -> Error {
        let (limit, what) = match which {
            Limit::Connect => (
                self.connect_timeout,
                format!(
                    "cannot connect to {host} within {} s (--connect-timeout)",
                    self.connect_timeout.as_secs()
                ),
            ),
            Limit::Request => (
                self.request_timeout,
                format!(
                    "no complete answer from {host} within {} s (--request-timeout)",
                    self.request_timeout.as_secs()
                ),
            ),
            Limit::Command => (
                self.timeout,
                format!(
                    "gave up waiting for {host}: the command ran out of time (--timeout {} s)",
                    self.timeout.as_secs()
                ),
            ),
        };
        Error::network(what, Some(timeout_hint(which, limit)))
    }

    /// Classify a reqwest error: could the request have reached the server?
    fn transport_failure(&self, e: reqwest::Error, host: &str) -> Failure {
        if let Some(tls) = tls_error(&e) {
            return Failure::Fatal(Error::network(
                format!("the TLS connection to {host} failed: {tls}"),
                Some(
                    "if a corporate proxy inspects TLS, trust its CA with --ca-cert FILE (or SSL_CERT_FILE); \
                     otherwise check the org URL"
                        .into(),
                ),
            ));
        }
        if e.is_connect() {
            if e.is_timeout() {
                return Failure::NotSent(self.timeout_error(Limit::Connect, host));
            }
            return Failure::NotSent(Error::network(
                format!("cannot connect to {host}: {}", error_chain(&e)),
                Some("check the org URL, your network, and HTTPS_PROXY/NO_PROXY".into()),
            ));
        }
        Failure::Unsure(Error::network(
            format!("the connection to {host} failed: {}", error_chain(&e)),
            Some(
                "the network or a proxy dropped the connection; try again (raise --max-retries to retry longer)"
                    .into(),
            ),
        ))
    }

    /// Send one request and read its whole body (bounded by [`MAX_BODY_BYTES`]).
    async fn exchange(
        &self,
        request: &Request,
        url: &Url,
        retries: &Retries,
        host: &str,
        credentials: Credentials,
    ) -> std::result::Result<Response, Failure> {
        let Credentials {
            mut headers,
            form: secret_fields,
        } = credentials;
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        // Also set by the client; set here too so `-vv` shows it.
        if let Ok(agent) = HeaderValue::from_str(&user_agent()) {
            headers.insert(USER_AGENT, agent);
        }
        if retries.attempt > 0 {
            if let Some(id) = retries
                .retry_for
                .as_deref()
                .and_then(|id| HeaderValue::from_str(id).ok())
            {
                headers.insert(HeaderName::from_static(RETRY_FOR), id);
            }
            headers.insert(
                HeaderName::from_static(RETRY_COUNT),
                HeaderValue::from(retries.attempt),
            );
        }
        // The body, and what `-vvv` shows of it.
        let body: Option<(zeroize::Zeroizing<String>, String)> =
            match (&request.body, &request.form) {
                (Some(json), _) => {
                    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    let text = json.to_string();
                    let logged = loggable_body(text.as_bytes());
                    Some((zeroize::Zeroizing::new(text), logged))
                }
                (None, Some(fields)) => {
                    headers.insert(
                        CONTENT_TYPE,
                        HeaderValue::from_static("application/x-www-form-urlencoded"),
                    );
                    Some(form_body(fields, &secret_fields))
                }
                (None, None) => None,
            };
        drop(secret_fields);
        tracing::debug!(
            "> {} {url}\n{}",
            request.method,
            format_headers(&headers, "> ")
        );
        if let Some((_, logged)) = &body {
            tracing::trace!("> {logged}");
        }
        let mut builder = self
            .http
            .request(request.method.clone(), url.clone())
            .headers(headers);
        if let Some((body, _)) = body {
            builder = builder.body(body.as_bytes().to_vec());
        }
        let mut response = builder
            .send()
            .await
            .map_err(|e| self.transport_failure(e, host))?;
        let status = response.status();
        let headers = response.headers().clone();
        let request_id = header_str(&headers, REQUEST_ID);
        let too_large = || {
            Failure::Fatal(Error::network(
                format!(
                    "the answer to {} {url} is larger than {} MiB; refusing to read it{}",
                    request.method,
                    MAX_BODY_BYTES / 1024 / 1024,
                    request_id_suffix(request_id.as_deref())
                ),
                Some("Okta's answers here are a few KiB: a proxy or a wrong org URL is the likely cause; check the org URL and HTTPS_PROXY".into()),
            ))
        };
        if response
            .content_length()
            .is_some_and(|n| n > MAX_BODY_BYTES as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_failure(e, host))?
        {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Response {
            status,
            headers,
            request_id,
            body,
        })
    }
}

/// When a command given `timeout` must be over. `--timeout` is any whole number of
/// seconds; one too large for the clock (someone's "no limit") means a century.
fn deadline_after(timeout: Duration) -> Instant {
    const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    let now = Instant::now();
    now.checked_add(timeout.min(FOREVER))
        .unwrap_or(now + FOREVER)
}

/// Why a failed request is not retried.
#[derive(Debug)]
enum Stop {
    /// `--max-retries` used up.
    Retries,
    /// The wait would pass the command's deadline; says so.
    Deadline(String),
}

impl Stop {
    fn note(self) -> Option<String> {
        match self {
            Stop::Retries => None,
            Stop::Deadline(note) => Some(note),
        }
    }
}

/// Which limit a timeout hit.
#[derive(Debug, Clone, Copy)]
enum Limit {
    Connect,
    Request,
    Command,
}

fn timeout_hint(which: Limit, now: Duration) -> String {
    let (flag, key, env) = match which {
        Limit::Connect => (
            "--connect-timeout",
            "connect_timeout",
            "OKTAKEYS_CONNECT_TIMEOUT",
        ),
        Limit::Request => (
            "--request-timeout",
            "request_timeout",
            "OKTAKEYS_REQUEST_TIMEOUT",
        ),
        Limit::Command => ("--timeout", "timeout", "OKTAKEYS_TIMEOUT"),
    };
    let extra = match which {
        Limit::Connect => "; check the org URL, your network, and HTTPS_PROXY/NO_PROXY",
        _ => "",
    };
    format!(
        "raise {flag} (now {} s; profile key `{key}`, environment {env}){extra}",
        now.as_secs()
    )
}

/// The rustls error somewhere in the chain, if the failure was TLS's. An `io::Error`
/// hides what it wraps from `source()`, so descend into it with `get_ref()`.
fn tls_error(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut node: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = node {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls.to_string());
        }
        node = match err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => err.source(),
        };
    }
    None
}

/// Read a PEM bundle of CA certificates to trust besides the platform's.
fn read_ca_file(path: &std::path::Path, origin: &str) -> Result<Vec<reqwest::Certificate>> {
    let pem = std::fs::read(path).map_err(|e| {
        Error::config_hint(
            format!(
                "cannot read the CA certificate {} ({origin}): {e}",
                path.display()
            ),
            format!("check the path given by {origin}"),
        )
    })?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
        Error::config(format!(
            "{} ({origin}) is not a PEM certificate bundle: {e}",
            path.display()
        ))
    })?;
    if certs.is_empty() {
        return Err(Error::config(format!(
            "{} ({origin}) holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            path.display()
        )));
    }
    Ok(certs)
}

/// Decode Okta's error body into the command's error; `gave_up` says why it was not
/// retried when it could have been.
fn api_error(
    request: &Request,
    url: &Url,
    resp: &Response,
    retries: &Retries,
    gave_up: Option<String>,
) -> Error {
    let mut err = decode_error(request, url, resp, retries.attempt);
    err.gave_up = gave_up;
    Error::Api(Box::new(err))
}

/// A transport error that is not retried: say how many attempts were made, and why no
/// more when it was the deadline.
fn with_attempts(err: Error, retries: &Retries, stop: Stop) -> Error {
    let (message, hint) = match err {
        Error::Network { message, hint } => (message, hint),
        Error::Api(mut api) => {
            api.gave_up = stop.note();
            return Error::Api(api);
        }
        other => return other,
    };
    let mut notes = Vec::new();
    if retries.attempt > 0 {
        notes.push(format!("after {} attempts", retries.attempt + 1));
    }
    notes.extend(stop.note());
    if notes.is_empty() {
        return Error::Network { message, hint };
    }
    Error::Network {
        message: format!("{message} ({})", notes.join("; ")),
        hint,
    }
}

/// Decode Okta's error body; a body that is not Okta's JSON (an HTML page from a proxy)
/// is kept as a short snippet instead.
fn decode_error(request: &Request, url: &Url, resp: &Response, retries: u32) -> ApiError {
    let mut err = ApiError {
        method: request.method.to_string(),
        url: url.to_string(),
        status: resp.status.as_u16(),
        request_id: resp.request_id.clone(),
        attempts: retries + 1,
        ..Default::default()
    };
    let body: Option<serde_json::Map<String, Value>> = serde_json::from_slice(&resp.body).ok();
    match body {
        Some(obj) if obj.contains_key("errorCode") || obj.contains_key("errorSummary") => {
            let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
            err.error_code = text("errorCode");
            err.error_summary = text("errorSummary");
            err.error_causes = obj
                .get("errorCauses")
                .and_then(Value::as_array)
                .map(|causes| {
                    causes
                        .iter()
                        .filter_map(|c| c.get("errorSummary").and_then(Value::as_str))
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            if err.request_id.is_none() {
                err.request_id = text("errorId");
            }
        }
        // RFC 6749/6750-style bodies (`error`, `error_description`), as an OAuth-protected
        // resource may answer a refused access token.
        Some(obj) if obj.get("error").is_some_and(Value::is_string) => {
            let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
            err.error_code = text("error");
            err.error_summary = text("error_description");
        }
        _ if resp.status.is_redirection() => {
            let to = header_str(&resp.headers, "location").unwrap_or_else(|| "nowhere".into());
            err.body_snippet = Some(format!("redirect to {to} (not followed)"));
        }
        _ => err.body_snippet = snippet(&resp.body),
    }
    err
}

/// The start of a body, on one line, for error messages.
fn snippet(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let flat: Vec<&str> = text.split_whitespace().collect();
    if flat.is_empty() {
        return None;
    }
    let flat = flat.join(" ");
    const MAX: usize = 160;
    Some(match flat.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    })
}

/// How long to wait after a 429, or before the next request when the window is used
/// up: until `X-Rate-Limit-Reset` (epoch seconds on Okta's clock, compared with Okta's
/// `Date`, or with the local clock without it), plus one second as the SDKs do; without
/// the reset header, `Retry-After`, else backoff. Capped at [`MAX_RATE_LIMIT_WAIT`].
pub fn rate_limit_wait(headers: &HeaderMap, now: SystemTime, attempt: u32) -> Duration {
    let wait = match header_u64(headers, RATE_LIMIT_RESET) {
        Some(reset) => {
            let server_now = header_str(headers, "date")
                .and_then(|d| httpdate::parse_http_date(&d).ok())
                .unwrap_or(now);
            // A reset past what the clock can hold (a broken header) waits the longest.
            match UNIX_EPOCH.checked_add(Duration::from_secs(reset)) {
                Some(reset) => {
                    reset.duration_since(server_now).unwrap_or(Duration::ZERO)
                        + Duration::from_secs(1)
                }
                None => MAX_RATE_LIMIT_WAIT,
            }
        }
        None => retry_after(headers, now).unwrap_or_else(|| backoff(attempt)),
    };
    wait.min(MAX_RATE_LIMIT_WAIT)
}

/// `Retry-After` (seconds, or an HTTP date), which proxies and gateways send with 429
/// and 503 where Okta sends `X-Rate-Limit-Reset`.
fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = header_str(headers, "retry-after")?;
    match value.parse::<u64>() {
        Ok(secs) => Some(Duration::from_secs(secs)),
        Err(_) => httpdate::parse_http_date(&value)
            .ok()
            .map(|at| at.duration_since(now).unwrap_or(Duration::ZERO)),
    }
}

/// Exponential backoff with jitter: a random wait in [base·2ⁿ/2, base·2ⁿ], capped.
pub fn backoff(attempt: u32) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(2u32.saturating_pow(attempt.min(16)))
        .min(BACKOFF_CAP);
    let half = ceiling / 2;
    half + half.mul_f64(fastrand::f64())
}

fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

fn header_str(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    header_str(headers, name).and_then(|s| s.parse().ok())
}

fn human_wait(d: Duration) -> String {
    if d >= Duration::from_secs(1) {
        format!("{} s", d.as_secs_f64().round() as u64)
    } else {
        format!("{} ms", d.as_millis())
    }
}

pub(crate) fn request_id_suffix(id: Option<&str>) -> String {
    id.map(|id| format!(" (request id {id})"))
        .unwrap_or_default()
}

/// A line on a terminal that is rewritten in place and erased when dropped (also on
/// Ctrl-C, which drops the waiting future). Plain `\r` and spaces: works on any terminal.
#[derive(Default)]
struct LiveLine {
    width: usize,
}

impl LiveLine {
    fn show(&mut self, text: &str) {
        let len = text.chars().count();
        let pad = self.width.saturating_sub(len);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{text}{}", " ".repeat(pad));
        let _ = err.flush();
        self.width = self.width.max(len);
    }
}

impl Drop for LiveLine {
    fn drop(&mut self) {
        if self.width > 0 {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(self.width));
            let _ = err.flush();
        }
    }
}

/// An `application/x-www-form-urlencoded` body: the request's fields, then the attempt's
/// secret ones; and the same for the `-vvv` log, secret values (and any field named as
/// sensitive) shown as `[REDACTED]`.
fn form_body(
    fields: &[(String, String)],
    secrets: &[(String, Secret)],
) -> (zeroize::Zeroizing<String>, String) {
    let mut wire = url::form_urlencoded::Serializer::new(String::new());
    let mut logged = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        wire.append_pair(name, value);
        if !SENSITIVE_FIELDS.contains(&name.as_str()) {
            logged.append_pair(name, value);
        }
    }
    for (name, value) in secrets {
        wire.append_pair(name, value.expose());
    }
    let mut logged = logged.finish();
    for name in fields
        .iter()
        .map(|(name, _)| name)
        .filter(|name| SENSITIVE_FIELDS.contains(&name.as_str()))
        .chain(secrets.iter().map(|(name, _)| name))
    {
        let name: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
        if !logged.is_empty() {
            logged.push('&');
        }
        logged.push_str(&format!("{name}={}", Secret::REDACTED));
    }
    (zeroize::Zeroizing::new(wire.finish()), logged)
}

/// Headers for a log, one per line, with credentials replaced by `[REDACTED]`.
pub fn format_headers(headers: &HeaderMap, prefix: &str) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if value.is_sensitive() || SENSITIVE_HEADERS.contains(&name.as_str()) {
                crate::secret::Secret::REDACTED.to_string()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            format!("{prefix}{name}: {shown}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A body for the `-vvv` log: JSON with secret members redacted (token responses,
/// private JWK members), form bodies likewise, anything else as lossy text; cut at
/// [`MAX_LOGGED_BODY`].
pub fn loggable_body(body: &[u8]) -> String {
    let text = if let Ok(mut json) = serde_json::from_slice::<Value>(body) {
        redact_json(&mut json);
        json.to_string()
    } else {
        let text = String::from_utf8_lossy(body);
        if !text.is_empty()
            && !text.contains(char::is_whitespace)
            && text.contains('=')
            && !text.starts_with('<')
        {
            // application/x-www-form-urlencoded
            text.split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if SENSITIVE_FIELDS.contains(&k) => {
                        format!("{k}={}", crate::secret::Secret::REDACTED)
                    }
                    _ => pair.to_string(),
                })
                .collect::<Vec<_>>()
                .join("&")
        } else {
            text.into_owned()
        }
    };
    match text.char_indices().nth(MAX_LOGGED_BODY) {
        Some((cut, _)) => format!("{}… ({} bytes in all)", &text[..cut], body.len()),
        None => text,
    }
}

fn redact_json(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if SENSITIVE_FIELDS.contains(&k.as_str()) && !v.is_null() {
                    *v = Value::String(crate::secret::Secret::REDACTED.into());
                } else {
                    redact_json(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

/// The causes of a reqwest error, without the wrappers that repeat the URL or say
/// nothing ("error sending request for url (…)", "client error (Connect)").
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source = Some(e);
    while let Some(s) = source {
        let text = s.to_string();
        let noise = text.starts_with("error sending request for url")
            || text.starts_with("client error (")
            || text.starts_with("error decoding response body")
            || text.starts_with("request or response body error");
        if !noise && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    if parts.is_empty() {
        return e.to_string();
    }
    parts.join(": ")
}

pub fn user_agent() -> String {
    format!(
        "oktakeys/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[tokio::test(flavor = "current_thread")]
    async fn time_waiting_for_the_person_does_not_count_against_the_timeout() {
        let settings = HttpSettings {
            timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(1),
            max_retries: 0,
            ca_cert: None,
            ssl_cert_file: None,
        };
        let client = Client::new(
            &settings,
            Url::parse("http://127.0.0.1:9").unwrap(),
            Authenticator::ssws(crate::secret::Secret::new("t")),
            Progress::Silent,
        )
        .unwrap();
        let before = client.transport.deadline();
        let answer = client
            .off_the_clock(async {
                tokio::time::sleep(Duration::from_millis(300)).await;
                "y"
            })
            .await;
        assert_eq!(answer, "y");
        assert!(client.transport.deadline() >= before + Duration::from_millis(300));
    }

    #[test]
    fn ids_cannot_climb_out_of_the_path() {
        let base = Url::parse("https://acme.okta.com").unwrap();
        let req = Request::new(Method::GET, &["api", "v1", "keys", "../../users/me"]);
        assert_eq!(
            req.url(&base).as_str(),
            "https://acme.okta.com/api/v1/keys/..%2F..%2Fusers%2Fme"
        );
        let odd = Request::new(Method::GET, &["keys", "a?b#c d%"]);
        assert_eq!(
            odd.url(&base).as_str(),
            "https://acme.okta.com/keys/a%3Fb%23c%20d%25"
        );
    }

    #[test]
    fn base_path_and_port_are_kept() {
        let base = Url::parse("http://127.0.0.1:8787/okta/").unwrap();
        let req = Request::new(Method::GET, &["api", "v1"]);
        assert_eq!(req.url(&base).as_str(), "http://127.0.0.1:8787/okta/api/v1");
    }

    #[test]
    fn rate_limit_wait_uses_the_server_clock() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        // Okta's clock is 100 s ahead of ours; the window resets 10 s after Okta's now.
        let date = httpdate::fmt_http_date(now + Duration::from_secs(100));
        let h = headers(&[("date", &date), (RATE_LIMIT_RESET, "1700000110")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(11));
        // Without Date, the local clock.
        let h = headers(&[(RATE_LIMIT_RESET, "1700000005")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(6));
        // A reset far away is capped.
        let h = headers(&[(RATE_LIMIT_RESET, "1800000000")]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        // Without the reset header, a gateway's Retry-After, in seconds or as a date.
        let h = headers(&[("retry-after", "7")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(7));
        let at = httpdate::fmt_http_date(now + Duration::from_secs(9));
        let h = headers(&[("retry-after", &at)]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(9));
        // A reset in the past still waits the SDKs' one second.
        let h = headers(&[(RATE_LIMIT_RESET, "1600000000")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(1));
        // A reset beyond what the clock can hold is a long wait, not a panic.
        let h = headers(&[(RATE_LIMIT_RESET, &u64::MAX.to_string())]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        // Values at the ends of i64 (the token endpoint's tests had these): within
        // bounds, not an overflow.
        let h = headers(&[(RATE_LIMIT_RESET, &i64::MAX.to_string())]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        let h = headers(&[(RATE_LIMIT_RESET, &i64::MIN.to_string())]);
        assert!(rate_limit_wait(&h, now, 0) <= BACKOFF_BASE);
    }

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        for attempt in 0..6 {
            let ceiling = BACKOFF_BASE * 2u32.pow(attempt);
            let ceiling = ceiling.min(BACKOFF_CAP);
            let d = backoff(attempt);
            assert!(d >= ceiling / 2 && d <= ceiling, "attempt {attempt}: {d:?}");
        }
        assert!(backoff(40) <= BACKOFF_CAP);
    }

    #[test]
    fn logged_headers_hide_credentials() {
        let h = headers(&[
            ("authorization", "SSWS 00secret"),
            ("dpop", "eyJproof"),
            ("accept", "application/json"),
        ]);
        let logged = format_headers(&h, "> ");
        assert!(!logged.contains("00secret") && !logged.contains("eyJproof"));
        assert!(logged.contains("> authorization: [REDACTED]"));
        assert!(logged.contains("> accept: application/json"));
    }

    #[test]
    fn html_bodies_become_a_short_snippet() {
        let html = format!("<html>\n <body>{}</body></html>", "x".repeat(500));
        let s = snippet(html.as_bytes()).unwrap();
        assert!(s.starts_with("<html> <body>xxx"));
        assert_eq!(s.chars().count(), 161);
        assert_eq!(snippet(b"  \n "), None);
    }
}
