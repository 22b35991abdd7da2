//! The sandbox's state: authorization servers and their keys, as stored in the state file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version of the state file's format.
pub(crate) const STATE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct State {
    pub(crate) version: u32,
    #[serde(rename = "authorizationServers")]
    pub(crate) servers: BTreeMap<String, AuthServer>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AuthServer {
    /// In the order they were added: list returns them so.
    pub(crate) keys: Vec<Key>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub(crate) enum Status {
    Active,
    Inactive,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Active => "ACTIVE",
            Status::Inactive => "INACTIVE",
        }
    }
}

/// A resource server key as Okta holds it (`OAuth2ResourceServerJsonWebKey` less `_links`,
/// which depend on the URL the request came to).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Key {
    pub(crate) id: String,
    pub(crate) kid: Option<String>,
    pub(crate) kty: String,
    #[serde(rename = "use")]
    pub(crate) use_: String,
    pub(crate) e: String,
    pub(crate) n: String,
    pub(crate) status: Status,
    pub(crate) created: String,
    #[serde(rename = "lastUpdated")]
    pub(crate) last_updated: String,
}

impl State {
    pub(crate) fn empty() -> Self {
        State {
            version: STATE_VERSION,
            servers: BTreeMap::new(),
        }
    }
}

impl Key {
    /// The key as Okta returns it, `_links` built from `base_url` (scheme and host the
    /// request came to) and the server id; links name the key by its `id`, never its kid.
    pub(crate) fn to_json(&self, base_url: &str, server_id: &str) -> Value {
        let mut obj = Map::new();
        obj.insert("id".into(), Value::String(self.id.clone()));
        obj.insert(
            "kid".into(),
            self.kid.clone().map(Value::String).unwrap_or(Value::Null),
        );
        obj.insert("kty".into(), Value::String(self.kty.clone()));
        obj.insert("use".into(), Value::String(self.use_.clone()));
        obj.insert("e".into(), Value::String(self.e.clone()));
        obj.insert("n".into(), Value::String(self.n.clone()));
        obj.insert("status".into(), Value::String(self.status.as_str().into()));
        obj.insert("created".into(), Value::String(self.created.clone()));
        obj.insert(
            "lastUpdated".into(),
            Value::String(self.last_updated.clone()),
        );
        obj.insert("_links".into(), self.links(base_url, server_id));
        Value::Object(obj)
    }

    fn links(&self, base_url: &str, server_id: &str) -> Value {
        let this = format!(
            "{}/api/v1/authorizationServers/{}/resourceservercredentials/keys/{}",
            base_url.trim_end_matches('/'),
            path_segment(server_id),
            path_segment(&self.id)
        );
        let link = |href: String, method: &str| serde_json::json!({ "href": href, "hints": { "allow": [method] } });
        let mut links = Map::new();
        links.insert("self".into(), link(this.clone(), "GET"));
        match self.status {
            Status::Active => {
                links.insert(
                    "deactivate".into(),
                    link(format!("{this}/lifecycle/deactivate"), "POST"),
                );
            }
            Status::Inactive => {
                links.insert(
                    "activate".into(),
                    link(format!("{this}/lifecycle/activate"), "POST"),
                );
                links.insert("delete".into(), link(this, "DELETE"));
            }
        }
        Value::Object(links)
    }
}

/// Percent-encode one URL path segment.
pub(crate) fn path_segment(s: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}
