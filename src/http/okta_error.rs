//! Okta's error bodies decoded into [`ApiError`]: the management API's `errorCode` /
//! `errorSummary` / `errorCauses`, RFC 6749/6750-style `error` bodies, and anything else
//! (a proxy's HTML page) kept as a short snippet.

use reqwest::StatusCode;
use serde_json::Value;
use url::Url;

use super::{Request, Response, Retries, header_str};
use crate::error::{ApiError, Error};

/// Decode Okta's error body into the command's error; `gave_up` says why it was not
/// retried when it could have been.
pub(super) fn api_error(
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
pub(super) fn snippet(body: &[u8]) -> Option<String> {
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

pub(super) fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

pub(crate) fn request_id_suffix(id: Option<&str>) -> String {
    id.map(|id| format!(" (request id {id})"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_become_a_short_snippet() {
        let html = format!("<html>\n <body>{}</body></html>", "x".repeat(500));
        let s = snippet(html.as_bytes()).unwrap();
        assert!(s.starts_with("<html> <body>xxx"));
        assert_eq!(s.chars().count(), 161);
        assert_eq!(snippet(b"  \n "), None);
    }
}
