//! One request, described before it is sent (so `--dry-run` can print it), and the
//! credentials each attempt adds to it.

use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::Value;
use url::Url;

use keymaterial::secret::Secret;

/// One API request, described before it is sent (so `--dry-run` can print it).
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) method: Method,
    /// Path segments after the org URL; each is percent-encoded on its own.
    pub(crate) segments: Vec<String>,
    /// Query parameters (the `after=` cursor of a next page), encoded by `url()`.
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Option<Value>,
    /// An `application/x-www-form-urlencoded` body (when there is no JSON body); each
    /// attempt's [`Credentials::form`] fields follow these.
    pub(crate) form: Option<Vec<(String, String)>>,
    /// Safe to resend after a 5xx or a dropped connection (the effect is the same).
    pub(crate) idempotent: bool,
    /// Waits for, and counts towards, the management API's rate-limit window (see
    /// [`super::Transport`]). Okta counts the token endpoint apart.
    pub(crate) paced: bool,
}

impl Request {
    pub(crate) fn new(method: Method, segments: &[&str]) -> Self {
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

    pub(crate) fn with_body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// A form body of fields that are no secret (they are logged at `-vvv`).
    pub(crate) fn with_form(mut self, fields: &[(&str, &str)]) -> Self {
        self.form = Some(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        self
    }

    pub(crate) fn paced(mut self, paced: bool) -> Self {
        self.paced = paced;
        self
    }

    pub(crate) fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// The full URL: every segment percent-encoded, so an id can never climb out of
    /// the path (`../x` becomes `..%2Fx`).
    pub(crate) fn url(&self, base: &Url) -> Url {
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
pub(crate) struct Credentials {
    pub(crate) headers: HeaderMap,
    pub(crate) form: Vec<(String, Secret)>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
