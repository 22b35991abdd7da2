//! The `-v`/`-vv`/`-vvv` log of each exchange, with credentials redacted: header values
//! marked sensitive or named in [`SENSITIVE_HEADERS`], and JSON members and form fields
//! named in [`SENSITIVE_FIELDS`].
//!
//! Everything goes through `tracing`, whose subscriber (set up by `commands`) ignores a
//! closed stderr, so logging can never end a command.

use std::time::Duration;

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::Value;
use url::Url;

use super::failure::Failure;
use super::okta_error::status_text;
use super::rate_limit::RATE_LIMIT_REMAINING;
use super::{Response, header_str};
use keymaterial::secret::Secret;

/// Bodies shown at `-vvv` are cut here.
const MAX_LOGGED_BODY: usize = 64 * 1024;

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

/// `-vv` the request line and headers, `-vvv` the body as [`form_body`] or
/// [`loggable_body`] made it.
pub(super) fn log_request(method: &Method, url: &Url, headers: &HeaderMap, body: Option<&str>) {
    tracing::debug!("> {method} {url}\n{}", format_headers(headers, "> "));
    if let Some(logged) = body {
        tracing::trace!("> {logged}");
    }
}

/// `-v` one line per attempt (status, time, request id, rate limit left); `-vv` the
/// answer's headers, `-vvv` its body.
pub(super) fn log_outcome(
    method: &Method,
    url: &Url,
    outcome: &Result<Response, Failure>,
    elapsed: Duration,
) {
    let elapsed = elapsed.as_millis();
    match outcome {
        Ok(resp) => {
            tracing::info!(
                "{method} {url} → {} in {elapsed} ms (request id {}, rate limit remaining {})",
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
        }
        Err(failure) => tracing::info!(
            "{method} {url} → no answer after {elapsed} ms: {}",
            failure.error()
        ),
    }
}

/// An `application/x-www-form-urlencoded` body: the request's fields, then the attempt's
/// secret ones; and the same for the `-vvv` log, secret values (and any field named as
/// sensitive) shown as `[REDACTED]`.
pub(super) fn form_body(
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
pub(crate) fn format_headers(headers: &HeaderMap, prefix: &str) -> String {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if value.is_sensitive() || SENSITIVE_HEADERS.contains(&name.as_str()) {
                Secret::REDACTED.to_string()
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
pub(crate) fn loggable_body(body: &[u8]) -> String {
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
                        format!("{k}={}", Secret::REDACTED)
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
                    *v = Value::String(Secret::REDACTED.into());
                } else {
                    redact_json(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_json),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::tests::headers;

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
}
