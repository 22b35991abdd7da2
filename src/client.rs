//! The HTTP layer: one reqwest client per process, the base URL, authentication,
//! retries that respect Okta's rate limits, timeouts, error decoding, request ids, and
//! redacted logging. No request is built anywhere else.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use url::Url;

use crate::auth::{AuthRetries, Authenticator};
use crate::config::HttpSettings;
use crate::error::{ApiError, Error, Result};

/// Responses larger than this are refused: Okta's answers here are a few KiB.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// The longest single wait for a rate-limit window to reset.
pub const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// First backoff step after a 5xx or a dropped connection; doubles each retry.
const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_CAP: Duration = Duration::from_secs(20);

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

/// One API request, described before it is sent (so `--dry-run` can print it).
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// Path segments after the org URL; each is percent-encoded on its own.
    pub segments: Vec<String>,
    pub body: Option<Value>,
    /// Safe to resend after a 5xx or a dropped connection (the effect is the same).
    pub idempotent: bool,
}

impl Request {
    pub fn new(method: Method, segments: &[&str]) -> Self {
        let idempotent = method != Method::POST;
        Request {
            method,
            segments: segments.iter().map(|s| s.to_string()).collect(),
            body: None,
            idempotent,
        }
    }

    pub fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
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
        url
    }
}

/// A successful response.
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
            Error::network(
                format!(
                    "Okta's answer to {what} is not valid JSON ({e}){}",
                    request_id_suffix(self.request_id.as_deref())
                ),
                Some("a proxy may have rewritten the response; retry, or run with -vvv to see the body".into()),
            )
        })
    }
}

pub struct Client {
    http: reqwest::Client,
    base: Url,
    auth: Authenticator,
    max_retries: u32,
    request_timeout: Duration,
    deadline: Instant,
    timeout: Duration,
    /// Tell the person on stderr when waiting on a rate limit.
    announce_waits: bool,
    /// Set when a response said the rate-limit window is used up: wait before the next call.
    pause_until: std::sync::Mutex<Option<SystemTime>>,
}

impl Client {
    pub fn new(
        settings: &HttpSettings,
        base: Url,
        auth: Authenticator,
        announce_waits: bool,
    ) -> Result<Self> {
        // rustls needs a process-wide crypto provider; ring keeps the binary small.
        // An Err means one is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .tls_backend_rustls()
            .user_agent(user_agent())
            .connect_timeout(settings.connect_timeout)
            // Never follow redirects: a redirect could carry the token to another host.
            .redirect(reqwest::redirect::Policy::none());
        if let Some(path) = &settings.ca_cert {
            let pem = std::fs::read(path).map_err(|e| {
                Error::config(format!(
                    "cannot read the CA certificate {}: {e}",
                    path.display()
                ))
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
                Error::config(format!("{} is not a PEM certificate: {e}", path.display()))
            })?;
            builder = builder.tls_certs_merge(certs);
        }
        let http = builder
            .build()
            .map_err(|e| Error::Internal(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Client {
            http,
            base,
            auth,
            max_retries: settings.max_retries,
            request_timeout: settings.request_timeout,
            deadline: Instant::now() + settings.timeout,
            timeout: settings.timeout,
            announce_waits,
            pause_until: std::sync::Mutex::new(None),
        })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// Send a request, retrying what is safe to retry; any non-2xx answer is an error.
    pub async fn send(&self, request: &Request) -> Result<Response> {
        let url = request.url(&self.base);
        let mut attempt: u32 = 0;
        let mut retry_for: Option<String> = None;
        let mut auth_retries = AuthRetries::default();
        loop {
            self.wait_for_rate_limit_window().await?;
            let outcome = self
                .send_once(request, &url, attempt, retry_for.as_deref())
                .await;
            // A DPoP nonce challenge or a kept OAuth token refused: resend at once (a 401
            // was not applied), without counting a retry.
            if let Ok(resp) = &outcome
                && self.auth.after_response(
                    &url,
                    resp.status.as_u16(),
                    &resp.headers,
                    &resp.body,
                    &mut auth_retries,
                )
            {
                continue;
            }
            let wait = match &outcome {
                Ok(resp) if resp.status.is_success() => {
                    self.note_rate_limit(&resp.headers);
                    None
                }
                Ok(resp) if resp.status == StatusCode::TOO_MANY_REQUESTS => {
                    Some(rate_limit_wait(&resp.headers, SystemTime::now(), attempt))
                }
                Ok(resp) if is_transient(resp.status) && request.idempotent => {
                    Some(backoff(attempt))
                }
                Err(SendError::Transport(_)) if request.idempotent => Some(backoff(attempt)),
                _ => None,
            };
            let Some(wait) = wait.filter(|w| attempt < self.max_retries && self.time_left_for(*w))
            else {
                return finish(request, &url, outcome, attempt);
            };
            if let Ok(resp) = &outcome {
                retry_for = resp.request_id.clone();
            }
            attempt += 1;
            self.announce_retry(&outcome, wait, attempt);
            tokio::time::sleep(wait).await;
        }
    }

    async fn wait_for_rate_limit_window(&self) -> Result<()> {
        let until = self.pause_until.lock().ok().and_then(|mut p| p.take());
        if let Some(until) = until
            && let Ok(wait) = until.duration_since(SystemTime::now())
        {
            let wait = wait.min(MAX_RATE_LIMIT_WAIT);
            if !self.time_left_for(wait) {
                return Err(Error::network(
                    format!(
                        "Okta's rate-limit window is used up and resets in {} s, after --timeout ({} s)",
                        wait.as_secs(),
                        self.timeout.as_secs()
                    ),
                    Some("raise --timeout, or run again after the window resets".into()),
                ));
            }
            tracing::info!(
                "rate-limit window used up; pausing {} ms until it resets",
                wait.as_millis()
            );
            tokio::time::sleep(wait).await;
        }
        Ok(())
    }

    fn note_rate_limit(&self, headers: &HeaderMap) {
        if header_u64(headers, RATE_LIMIT_REMAINING) == Some(0)
            && let Some(reset) = header_u64(headers, RATE_LIMIT_RESET)
            && let Ok(mut pause) = self.pause_until.lock()
        {
            // The reset is on Okta's clock; shift it onto ours with the Date header.
            let skew = server_clock_skew(headers, SystemTime::now());
            *pause = Some(UNIX_EPOCH + Duration::from_secs(reset + 1) - skew);
        }
    }

    fn time_left_for(&self, wait: Duration) -> bool {
        Instant::now() + wait < self.deadline
    }

    fn announce_retry(
        &self,
        outcome: &std::result::Result<Response, SendError>,
        wait: Duration,
        attempt: u32,
    ) {
        let why = match outcome {
            Ok(resp) if resp.status == StatusCode::TOO_MANY_REQUESTS => {
                "rate limited by Okta".to_string()
            }
            Ok(resp) => format!("Okta answered {}", resp.status),
            Err(e) => e.to_string(),
        };
        let line = format!(
            "{why}; retrying in {} (attempt {attempt}/{})",
            human_wait(wait),
            self.max_retries
        );
        tracing::info!("{line}");
        if self.announce_waits {
            eprintln!("{line}");
        }
    }

    async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        attempt: u32,
        retry_for: Option<&str>,
    ) -> std::result::Result<Response, SendError> {
        let mut headers = self
            .auth
            .headers(&self.http, &request.method, url)
            .await
            .map_err(SendError::Fatal)?;
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if attempt > 0 {
            if let Some(id) = retry_for.and_then(|id| HeaderValue::from_str(id).ok()) {
                headers.insert(HeaderName::from_static(RETRY_FOR), id);
            }
            headers.insert(
                HeaderName::from_static(RETRY_COUNT),
                HeaderValue::from(attempt),
            );
        }
        let mut builder = self
            .http
            .request(request.method.clone(), url.clone())
            .timeout(
                self.request_timeout
                    .min(self.deadline.saturating_duration_since(Instant::now())),
            );
        if let Some(body) = &request.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            builder = builder.body(body.to_string());
        }
        let builder = builder.headers(headers);
        let started = Instant::now();
        if tracing::enabled!(tracing::Level::DEBUG)
            && let Some(built) = builder.try_clone().and_then(|b| b.build().ok())
        {
            tracing::debug!(
                "> {} {}\n{}",
                request.method,
                url,
                format_headers(built.headers(), "> ")
            );
            if let Some(body) = &request.body {
                tracing::trace!("> {body}");
            }
        }
        let mut response = builder
            .send()
            .await
            .map_err(|e| self.transport_error(e, url))?;
        let status = response.status();
        let headers = response.headers().clone();
        let request_id = header_str(&headers, REQUEST_ID);
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_error(e, url))?
        {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(SendError::Fatal(Error::network(
                    format!(
                        "Okta's response to {} {url} is larger than {} MiB; refusing to read it{}",
                        request.method,
                        MAX_BODY_BYTES / 1024 / 1024,
                        request_id_suffix(request_id.as_deref())
                    ),
                    None,
                )));
            }
            body.extend_from_slice(&chunk);
        }
        tracing::info!(
            "{} {url} → {} in {} ms (request id {}, rate limit remaining {})",
            request.method,
            status.as_u16(),
            started.elapsed().as_millis(),
            request_id.as_deref().unwrap_or("-"),
            header_str(&headers, RATE_LIMIT_REMAINING)
                .as_deref()
                .unwrap_or("-"),
        );
        tracing::debug!("< {}\n{}", status, format_headers(&headers, "< "));
        tracing::trace!("< {}", String::from_utf8_lossy(&body));
        Ok(Response {
            status,
            headers,
            request_id,
            body,
        })
    }

    fn transport_error(&self, e: reqwest::Error, url: &Url) -> SendError {
        let host = url.host_str().unwrap_or("the server").to_string();
        let detail = error_chain(&e);
        let err = if e.is_timeout() {
            Error::network(
                format!("request to {host} timed out ({detail})"),
                Some(format!(
                    "raise --request-timeout (now {} s) or --timeout (now {} s)",
                    self.request_timeout.as_secs(),
                    self.timeout.as_secs()
                )),
            )
        } else if e.is_connect() {
            Error::network(
                format!("cannot connect to {host}: {detail}"),
                Some("check the org URL, your network, and HTTPS_PROXY/NO_PROXY; raise --connect-timeout on slow links".into()),
            )
        } else {
            Error::network(format!("the connection to {host} failed: {detail}"), None)
        };
        SendError::Transport(err)
    }
}

/// Why one attempt produced no response.
enum SendError {
    /// The network failed; the request may or may not have reached Okta.
    Transport(Error),
    /// Retrying cannot help.
    Fatal(Error),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Transport(e) | SendError::Fatal(e) => write!(f, "{e}"),
        }
    }
}

/// Turn the last attempt's outcome into the command's result.
fn finish(
    request: &Request,
    url: &Url,
    outcome: std::result::Result<Response, SendError>,
    retries: u32,
) -> Result<Response> {
    match outcome {
        Ok(resp) if resp.status.is_success() => Ok(resp),
        Ok(resp) => Err(Error::Api(Box::new(decode_error(
            request, url, &resp, retries,
        )))),
        Err(SendError::Transport(e) | SendError::Fatal(e)) => Err(e),
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

/// How long to wait after a 429: until `X-Rate-Limit-Reset` (epoch seconds on Okta's
/// clock, compared with Okta's `Date`, plus one second as the SDKs do); without the reset
/// header, backoff. Capped at [`MAX_RATE_LIMIT_WAIT`].
pub fn rate_limit_wait(headers: &HeaderMap, now: SystemTime, attempt: u32) -> Duration {
    let wait = match header_u64(headers, RATE_LIMIT_RESET) {
        Some(reset) => {
            let server_now = header_str(headers, "date")
                .and_then(|d| httpdate::parse_http_date(&d).ok())
                .unwrap_or(now);
            let reset = UNIX_EPOCH + Duration::from_secs(reset);
            reset.duration_since(server_now).unwrap_or(Duration::ZERO) + Duration::from_secs(1)
        }
        None => backoff(attempt),
    };
    wait.min(MAX_RATE_LIMIT_WAIT)
}

/// How far Okta's clock (its `Date` header) is ahead of ours.
fn server_clock_skew(headers: &HeaderMap, now: SystemTime) -> Duration {
    header_str(headers, "date")
        .and_then(|d| httpdate::parse_http_date(&d).ok())
        .and_then(|server| server.duration_since(now).ok())
        .unwrap_or(Duration::ZERO)
}

/// Exponential backoff with full jitter: a random wait in [base·2ⁿ/2, base·2ⁿ].
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

fn request_id_suffix(id: Option<&str>) -> String {
    id.map(|id| format!(" (request id {id})"))
        .unwrap_or_default()
}

/// Headers for a log, one per line, with credentials replaced by `[REDACTED]`.
pub fn format_headers(headers: &HeaderMap, prefix: &str) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if SENSITIVE_HEADERS.contains(&name.as_str()) {
                crate::secret::Secret::REDACTED.to_string()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            format!("{prefix}{name}: {shown}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// reqwest's own message plus its causes ("error sending request" alone says little).
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
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
        // A reset in the past still waits the SDKs' one second.
        let h = headers(&[(RATE_LIMIT_RESET, "1600000000")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(1));
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
