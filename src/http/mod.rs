//! The transport: one reqwest client per process, and every request sent through it.
//! No request is built anywhere else. It knows nothing of authentication: each attempt's
//! credentials come from the caller through [`Attempts`], made fresh for that attempt, so
//! the management API (`client`) and a service app's token request (`auth`) share it.
//!
//! [`Transport`] sends a [`Request`] to a URL: TLS and `--ca-cert`, proxies, redirects not
//! followed, the body cap and timeouts (`attempt`), the command's deadline (`deadline`),
//! the retry policy below (`retry`, `rate_limit`), how waits are shown (`progress`),
//! User-Agent, the `-v`/`-vv`/`-vvv` log with credentials redacted (`log`), and Okta's
//! error bodies decoded (`okta_error`). Requests without the management API's credentials
//! (a custom server's token and keys endpoints) use [`OpenAttempts`] (`open`).
//!
//! Retry policy, in one place:
//! - 429: wait until `X-Rate-Limit-Reset` (Okta's clock, read from its `Date`; the local
//!   clock without `Date`; jittered backoff without the reset), at most
//!   [`MAX_RATE_LIMIT_WAIT`] per wait, and resend with `X-Okta-Retry-For` and
//!   `X-Okta-Retry-Count`. A 429 was not applied, so every request may be resent.
//! - A connection that could not be opened: the request never left, so every request may
//!   be resent after a jittered backoff.
//! - 500/502/503/504, a dropped connection, a request timeout: the request may have been
//!   applied. Idempotent requests are resent; for the others [`Transport::send_tracked`]
//!   answers [`Sent::Unsure`] and the caller finds out what happened (see
//!   `api::add_key`).
//! - Nothing waits past the command's deadline (`--timeout`): a wait that would end after
//!   it is not started, and every attempt is cut at the deadline.

mod attempt;
mod backoff;
mod deadline;
mod failure;
mod limiter;
mod log;
mod okta_error;
mod open;
mod progress;
mod rate_limit;
mod request;
mod retry;

use std::sync::Mutex;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;
use tokio::time::Instant;
use url::Url;

use crate::config::{HttpSettings, is_loopback};
use crate::error::{Error, Result};

pub(crate) use okta_error::request_id_suffix;
pub(crate) use open::{OpenAttempts, OpenAuth};
pub use progress::Progress;
pub(crate) use request::Credentials;
pub use request::Request;
pub(crate) use retry::Retries;

use deadline::Deadline;
use okta_error::{api_error, snippet};

/// Sends requests; see the module docs. One per command's client; a service app's token
/// requests go through the transport of the client that needs the token.
pub struct Transport {
    http: reqwest::Client,
    max_retries: u32,
    request_timeout: Duration,
    connect_timeout: Duration,
    deadline: Deadline,
    progress: Progress,
    /// `--max-api-capacity`: the percent of each rate-limit window this process may use.
    max_api_capacity: u8,
    /// Set when a response said the rate-limit window is used up: wait before the next
    /// paced request.
    pause_until: Mutex<Option<Instant>>,
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

/// A response as received (any status).
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) request_id: Option<String>,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// The body as JSON; an unreadable 2xx body is an error naming the request id.
    pub(crate) fn json(&self, what: &str) -> Result<Value> {
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

/// The outcome of [`Transport::send_tracked`].
#[derive(Debug)]
pub(crate) enum Sent {
    /// A 2xx answer.
    Done(Response),
    /// A request that is not idempotent failed in a way that may or may not have
    /// reached Okta (a dropped connection, a timeout, a 5xx). The caller must find out
    /// before resending; the error describes the failure.
    Unsure(Error),
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
            deadline: Deadline::after(settings.timeout),
            progress,
            max_api_capacity: settings.max_api_capacity,
            pause_until: Mutex::new(None),
        })
    }

    /// Run `f` (a confirmation prompt) without counting the time it takes against
    /// `--timeout`: a person thinking is not the network being slow.
    pub(crate) async fn off_the_clock<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        self.deadline.off_the_clock(f).await
    }
}

/// Read a PEM bundle of CA certificates to trust besides the platform's.
fn read_ca_file(path: &std::path::Path, origin: &str) -> Result<Vec<reqwest::Certificate>> {
    let pem = crate::files::read_local(path).map_err(|why| {
        Error::config_hint(
            why.message(&format!("the CA certificate {} ({origin})", path.display())),
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

pub(crate) fn user_agent() -> String {
    format!(
        "oktakeys/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    )
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

#[cfg(test)]
pub(crate) mod tests {
    use reqwest::header::{HeaderMap, HeaderValue};

    pub(crate) fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }
}
