//! One attempt: the request on the wire (headers, body, the `-vv` log), cut at the
//! request timeout or the command's deadline, its answer read within [`MAX_BODY_BYTES`],
//! and a failure classified by whether the request may have reached the server.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use tokio::time::Instant;
use url::Url;

use super::deadline::Limit;
use super::failure::Failure;
use super::log::{form_body, log_outcome, log_request, loggable_body};
use super::okta_error::request_id_suffix;
use super::{Credentials, Request, Response, Retries, Transport, header_str, user_agent};
use crate::error::Error;

/// Responses larger than this are refused: Okta's answers here are a few KiB.
const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

const REQUEST_ID: &str = "x-okta-request-id";

/// A body ready to send, and what `-vvv` shows of it.
struct Body {
    wire: zeroize::Zeroizing<String>,
    logged: String,
}

impl Transport {
    /// One attempt within the time left (the request timeout, or less when the command's
    /// deadline comes first), logged.
    pub(super) async fn send_once(
        &self,
        request: &Request,
        url: &Url,
        retries: &Retries,
        credentials: Credentials,
    ) -> std::result::Result<Response, Failure> {
        // Within --max-api-capacity of Okta's window, counting what is in flight.
        let permit = if request.paced {
            Some(self.within_capacity(url).await.map_err(Failure::Fatal)?)
        } else {
            None
        };
        let started = Instant::now();
        let left = self.deadline.at().saturating_duration_since(started);
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
        log_outcome(&request.method, url, &result, started.elapsed());
        if let Some(permit) = permit {
            permit.done(result.as_ref().ok().map(|resp| &resp.headers));
        }
        if let Ok(resp) = &result
            && request.paced
            && resp.status != StatusCode::TOO_MANY_REQUESTS
        {
            self.note_rate_limit(&resp.headers);
        }
        result
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
        add_common_headers(&mut headers, retries);
        let body = encode_body(request, &secret_fields, &mut headers);
        drop(secret_fields);
        log_request(
            &request.method,
            url,
            &headers,
            body.as_ref().map(|b| b.logged.as_str()),
        );
        let mut builder = self
            .http
            .request(request.method.clone(), url.clone())
            .headers(headers);
        if let Some(body) = body {
            builder = builder.body(body.wire.as_bytes().to_vec());
        }
        let response = builder
            .send()
            .await
            .map_err(|e| self.transport_failure(e, host))?;
        self.read_response(request, url, host, response).await
    }

    /// The whole answer, refused past [`MAX_BODY_BYTES`].
    async fn read_response(
        &self,
        request: &Request,
        url: &Url,
        host: &str,
        mut response: reqwest::Response,
    ) -> std::result::Result<Response, Failure> {
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
}

/// `Accept`, `User-Agent`, and on a resend the retry headers.
fn add_common_headers(headers: &mut HeaderMap, retries: &Retries) {
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    // Also set by the client; set here too so `-vv` shows it.
    if let Ok(agent) = HeaderValue::from_str(&user_agent()) {
        headers.insert(USER_AGENT, agent);
    }
    retries.add_headers(headers);
}

/// The body (JSON, or a form followed by the attempt's secret fields) and its
/// `Content-Type`.
fn encode_body(
    request: &Request,
    secret_fields: &[(String, keymaterial::secret::Secret)],
    headers: &mut HeaderMap,
) -> Option<Body> {
    match (&request.body, &request.form) {
        (Some(json), _) => {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            let text = json.to_string();
            let logged = loggable_body(text.as_bytes());
            Some(Body {
                wire: zeroize::Zeroizing::new(text),
                logged,
            })
        }
        (None, Some(fields)) => {
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            let (wire, logged) = form_body(fields, secret_fields);
            Some(Body { wire, logged })
        }
        (None, None) => None,
    }
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
