//! Okta's resource-server-credentials keys endpoints as typed calls; the authorization
//! servers with their policies (`servers`) and a custom server's own OAuth endpoints
//! (`oauth`) beside them.
//!
//! A [`Key`] keeps Okta's JSON object exactly as received (every field, unknown ones and
//! `_links` included) and reads the fields the tool needs through accessors, so `-o json`
//! can never drop what Okta sent.

use reqwest::Method;
use serde_json::{Map, Value};

pub(crate) mod oauth;
pub(crate) mod servers;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Request, Retries, Sent};

/// One key as Okta returned it.
#[derive(Debug, Clone, PartialEq)]
pub struct Key(Map<String, Value>);

impl Key {
    pub(crate) fn from_value(value: Value) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Key(map)),
            other => Err(Error::network(
                format!(
                    "Okta returned {} where a key object was expected",
                    kind_of(&other)
                ),
                None,
            )),
        }
    }

    fn text(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(Value::as_str)
    }

    pub(crate) fn id(&self) -> &str {
        self.text("id").unwrap_or("")
    }
    pub(crate) fn kid(&self) -> Option<&str> {
        self.text("kid")
    }
    pub(crate) fn status(&self) -> &str {
        self.text("status").unwrap_or("")
    }
    pub(crate) fn is_active(&self) -> bool {
        self.status() == "ACTIVE"
    }
    pub(crate) fn kty(&self) -> Option<&str> {
        self.text("kty")
    }
    pub(crate) fn use_(&self) -> Option<&str> {
        self.text("use")
    }
    pub(crate) fn e(&self) -> Option<&str> {
        self.text("e")
    }
    pub(crate) fn n(&self) -> Option<&str> {
        self.text("n")
    }
    pub(crate) fn created(&self) -> Option<&str> {
        self.text("created")
    }
    pub(crate) fn last_updated(&self) -> Option<&str> {
        self.text("lastUpdated")
    }

    /// RFC 7638 thumbprint, when the key has RSA members.
    pub(crate) fn thumbprint(&self) -> Option<String> {
        match (self.kty(), self.e(), self.n()) {
            (Some("RSA"), Some(e), Some(n)) => Some(keymaterial::jwk::thumbprint(e, n)),
            _ => None,
        }
    }

    /// The object exactly as Okta sent it.
    pub(crate) fn raw(&self) -> &Map<String, Value> {
        &self.0
    }
}

pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The requests, built in one place so `--dry-run` shows exactly what would be sent.
pub(crate) mod requests {
    use super::*;

    fn keys_path<'a>(auth_server: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
        let mut path = vec![
            "api",
            "v1",
            "authorizationServers",
            auth_server,
            "resourceservercredentials",
            "keys",
        ];
        path.extend_from_slice(rest);
        path
    }

    pub(crate) fn list(auth_server: &str) -> Request {
        Request::new(Method::GET, &keys_path(auth_server, &[]))
    }

    pub(crate) fn get(auth_server: &str, key_id: &str) -> Request {
        Request::new(Method::GET, &keys_path(auth_server, &[key_id]))
    }

    /// Not idempotent: a retried add could create the key twice.
    pub(crate) fn add(auth_server: &str, body: Value) -> Request {
        Request::new(Method::POST, &keys_path(auth_server, &[])).with_body(body)
    }

    /// Lifecycle POSTs are idempotent in effect: activating twice leaves one state.
    pub(crate) fn activate(auth_server: &str, key_id: &str) -> Request {
        Request::new(
            Method::POST,
            &keys_path(auth_server, &[key_id, "lifecycle", "activate"]),
        )
        .idempotent(true)
    }

    pub(crate) fn deactivate(auth_server: &str, key_id: &str) -> Request {
        Request::new(
            Method::POST,
            &keys_path(auth_server, &[key_id, "lifecycle", "deactivate"]),
        )
        .idempotent(true)
    }

    pub(crate) fn delete(auth_server: &str, key_id: &str) -> Request {
        Request::new(Method::DELETE, &keys_path(auth_server, &[key_id]))
    }
}

/// List the server's keys. Okta does not page this list (at most 5 keys), but a
/// `Link: <…>; rel="next"` header is followed if one ever appears, as on every Okta list;
/// a link back to a page already read is an error (exit 8), not the end of the list.
pub(crate) async fn list_keys(client: &Client, auth_server: &str) -> Result<Vec<Key>> {
    let of = format!("of {auth_server}");
    list_pages(client, requests::list(auth_server), "the key list", &of)
        .await?
        .into_iter()
        .map(Key::from_value)
        .collect()
}

/// Pages of one list read at most (Okta pages servers 200 at a time: 20,000 of them).
const MAX_LIST_PAGES: usize = 100;

/// Every item of a list (`what`: "the key list", `of`: "of aus…"), following `Link: <…>;
/// rel="next"` pages, never building the URL. A list that links back to a page already
/// read, or goes on for ever, is an error: returning what was read would pass a partial
/// list as the truth.
pub(crate) async fn list_pages(
    client: &Client,
    first: Request,
    what: &str,
    of: &str,
) -> Result<Vec<Value>> {
    let mut request = first;
    let mut items = Vec::new();
    let mut fetched: Vec<url::Url> = Vec::new();
    loop {
        fetched.push(request.url(client.base()));
        let resp = client.send(&request).await?;
        match resp.json(what)? {
            Value::Array(page) => items.extend(page),
            other => {
                return Err(Error::network(
                    format!(
                        "Okta returned {} where {what} was expected",
                        kind_of(&other)
                    ),
                    None,
                ));
            }
        }
        let Some(next) = next_link(&resp.headers, client.base()) else {
            break;
        };
        let url = next.url(client.base());
        if fetched.contains(&url) || fetched.len() >= MAX_LIST_PAGES {
            let why = if fetched.contains(&url) {
                format!("links back to a page already read ({url})")
            } else {
                format!("goes on for more than {MAX_LIST_PAGES} pages")
            };
            return Err(Error::network(
                format!("{what} {of} {why}, so it cannot be read whole"),
                Some(
                    "this is not how Okta pages lists: check the org URL and any proxy in between \
                     (-vv shows the Link headers)"
                        .into(),
                ),
            ));
        }
        request = next;
    }
    Ok(items)
}

/// The request for a `rel="next"` link (RFC 8288), when it points below the org URL on
/// the same origin: the token is never sent anywhere else.
fn next_link(headers: &reqwest::header::HeaderMap, base: &url::Url) -> Option<Request> {
    let links = headers
        .get_all(reqwest::header::LINK)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    let target = links.into_iter().find_map(|link| {
        let (target, params) = link.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim().replace(' ', "") == "rel=\"next\"")
            .then(|| target.trim().trim_start_matches('<').trim_end_matches('>'))
    })?;
    let url = base.join(target).ok()?;
    if url.origin() != base.origin() {
        return None;
    }
    // The path after the org URL's own path (which may have a prefix of its own).
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let base_path: Vec<String> = base
        .path_segments()?
        .filter(|s| !s.is_empty())
        .map(decode)
        .collect();
    let path: Vec<String> = url.path_segments()?.map(decode).collect();
    let rest = path.strip_prefix(base_path.as_slice())?;
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    let mut request = Request::new(Method::GET, &rest);
    request.query = url.query_pairs().into_owned().collect();
    Some(request)
}

pub(crate) async fn send_for_key(client: &Client, request: &Request, what: &str) -> Result<Key> {
    let resp = client.send(request).await?;
    Key::from_value(resp.json(what)?)
}

pub(crate) async fn get_key(client: &Client, auth_server: &str, key_id: &str) -> Result<Key> {
    send_for_key(client, &requests::get(auth_server, key_id), "the key").await
}

/// A key that `add_key` put on the server.
#[derive(Debug)]
pub(crate) struct Added {
    pub(crate) key: Key,
    /// An attempt failed after it may have reached Okta, and the key was then found on
    /// the server: that attempt added it (nothing was added twice).
    pub(crate) recovered: bool,
}

/// Add a key. A POST is not idempotent: when an attempt fails in a way that may have
/// reached Okta (a dropped connection, a timeout, a 5xx), list the keys first; and when a
/// resend after a 429 is refused (Okta applied the add yet answered 429, so the resend
/// is a "duplicate kid"), too. A key with
/// the same `kid` and the same modulus means the attempt was applied: that is success.
/// Only when the key is surely absent is the POST sent again (within `--max-retries`
/// and `--timeout`).
pub(crate) async fn add_key(client: &Client, auth_server: &str, body: Value) -> Result<Added> {
    let request = requests::add(auth_server, body);
    let kid = request
        .body
        .as_ref()
        .and_then(|b| b.get("kid"))
        .and_then(Value::as_str);
    let n = request
        .body
        .as_ref()
        .and_then(|b| b.get("n"))
        .and_then(Value::as_str);
    let mut retries = Retries::default();
    let find = async |failure: &Error| -> Result<Option<Key>> {
        tracing::info!("the add may have reached Okta ({failure}); listing the keys to find out");
        let keys = list_keys(client, auth_server)
            .await
            .map_err(|e| unknown_outcome(failure, &e, auth_server))?;
        Ok(keys
            .into_iter()
            .find(|k| k.kid().is_some() && k.kid() == kid && same_modulus(k.n(), n)))
    };
    loop {
        let failure = match client.send_tracked(&request, &mut retries).await {
            Ok(Sent::Done(resp)) => {
                return Ok(Added {
                    key: Key::from_value(resp.json("the new key")?)?,
                    recovered: false,
                });
            }
            Ok(Sent::Unsure(failure)) => failure,
            // A resend refused ("duplicate kid") after an attempt that may have been
            // applied (answered 429 although Okta stored the key): the key may be there.
            Err(refused @ Error::Api(_)) if retries.earlier_attempt_may_have_applied() => {
                return match find(&refused).await? {
                    Some(key) => Ok(Added {
                        key,
                        recovered: true,
                    }),
                    None => Err(refused),
                };
            }
            Err(e) => return Err(e),
        };
        if let Some(key) = find(&failure).await? {
            return Ok(Added {
                key,
                recovered: true,
            });
        }
        client.pause_before_resend(&mut retries, failure).await?;
    }
}

/// The error when an add may have been applied and the check failed too.
fn unknown_outcome(failure: &Error, check: &Error, auth_server: &str) -> Error {
    Error::network(
        format!(
            "{failure}; the key may or may not have been added, and listing the keys to find out failed too: {check}"
        ),
        Some(format!(
            "run `{}` before adding again: a key with this kid there means it was added",
            crate::hint::command(["keys", "list", "--auth-server", auth_server])
        )),
    )
}

/// The same RSA modulus, however each side spelled it (padding, leading zero bytes).
fn same_modulus(a: Option<&str>, b: Option<&str>) -> bool {
    use base64::Engine;
    let decode = |s: &str| {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s.trim_end_matches('='))
            .ok()?;
        let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        Some(bytes[first..].to_vec())
    };
    match (a.and_then(decode), b.and_then(decode)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

pub(crate) async fn activate_key(client: &Client, auth_server: &str, key_id: &str) -> Result<Key> {
    send_for_key(
        client,
        &requests::activate(auth_server, key_id),
        "the activated key",
    )
    .await
}

/// Delete a key. A DELETE resent after an attempt that may have reached Okta, and then
/// answered 404, found the key already gone: the earlier attempt deleted it.
pub(crate) async fn delete_key(client: &Client, auth_server: &str, key_id: &str) -> Result<()> {
    let mut retries = Retries::default();
    match client
        .send_tracked(&requests::delete(auth_server, key_id), &mut retries)
        .await
    {
        Ok(Sent::Done(_)) => Ok(()),
        Ok(Sent::Unsure(e)) => Err(e),
        Err(Error::Api(e)) if e.status == 404 && retries.earlier_attempt_may_have_applied() => {
            tracing::info!(
                "key {key_id} is gone after a retry: the earlier attempt, whose answer was lost, deleted it"
            );
            Ok(())
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moduli_compare_by_value() {
        assert!(same_modulus(Some("AQAB"), Some("AQAB")));
        assert!(
            same_modulus(Some("AAEAAQ"), Some("AQAB")),
            "leading zero byte"
        );
        assert!(same_modulus(Some("AQAB"), Some("AQAB=")), "padding");
        assert!(!same_modulus(Some("AQAB"), Some("AQAC")));
        assert!(!same_modulus(None, Some("AQAB")));
        assert!(!same_modulus(Some("!!"), Some("!!")));
    }

    fn links(value: &str) -> reqwest::header::HeaderMap {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(reqwest::header::LINK, value.parse().unwrap());
        h
    }

    #[test]
    fn an_okta_style_next_link_keeps_its_cursor() {
        let base = url::Url::parse("https://acme.okta.com").unwrap();
        let h = links(
            "<https://acme.okta.com/api/v1/x/keys?limit=2>; rel=\"self\", \
             <https://acme.okta.com/api/v1/x/keys?after=apk2&limit=2>; rel=\"next\"",
        );
        let next = next_link(&h, &base).expect("a next page");
        assert_eq!(
            next.url(&base).as_str(),
            "https://acme.okta.com/api/v1/x/keys?after=apk2&limit=2"
        );
    }

    #[test]
    fn a_next_link_elsewhere_is_not_followed() {
        let base = url::Url::parse("https://acme.okta.com/okta/").unwrap();
        for elsewhere in [
            "<https://evil.example/api/v1/keys>; rel=\"next\"",
            "<http://acme.okta.com/okta/api/v1/keys>; rel=\"next\"",
            "<https://acme.okta.com/other/api/v1/keys>; rel=\"next\"",
        ] {
            assert!(next_link(&links(elsewhere), &base).is_none(), "{elsewhere}");
        }
        // Below the org URL's own path prefix it is followed, with the prefix kept once.
        let h = links("<not a link>, </okta/api/v1/keys?after=a>; rel=\"next\"");
        let next = next_link(&h, &base).expect("a next page");
        assert_eq!(
            next.url(&base).as_str(),
            "https://acme.okta.com/okta/api/v1/keys?after=a"
        );
        assert!(next_link(&links("</okta/x>; rel=\"prev\""), &base).is_none());
    }
}
