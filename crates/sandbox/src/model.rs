//! The sandbox's state: authorization servers (their objects, keys, signing keys, policies
//! and rules), as stored in the state file.
//!
//! Format version 2. Version 1 files (keys only) are read and migrated: each server gets
//! its seeded object and policy, and the file is rewritten as version 2 on the next change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version of the state file's format.
pub(crate) const STATE_VERSION: u32 = 2;
/// The older versions this sandbox still reads (and migrates).
pub(crate) const MIGRATED_VERSIONS: [u32; 1] = [1];

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
    /// The server object as Okta holds it, less what each answer computes (`id`, `issuer`,
    /// `_links`, the read-only members of `credentials.signing`). Fields a PUT sent that
    /// the sandbox does not know are kept here too. Empty only in a migrated version 1 file.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub(crate) object: Map<String, Value>,
    /// The key that signs the server's access tokens, made on first use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) signing: Option<Signing>,
    /// Access policies, each with its rules (`rules`), in priority order as stored.
    #[serde(default)]
    pub(crate) policies: Vec<Policy>,
}

/// A server's token-signing key (RS256): the private half as PKCS#8 PEM, the public half
/// served at `/oauth2/{id}/v1/keys`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(crate) struct Signing {
    pub(crate) kid: String,
    pub(crate) n: String,
    pub(crate) e: String,
    pub(crate) private_key_pem: String,
    pub(crate) last_rotated: String,
    pub(crate) next_rotation: String,
}

impl std::fmt::Debug for Signing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signing")
            .field("kid", &self.kid)
            .field("private_key_pem", &"[REDACTED]")
            .finish_non_exhaustive()
    }
}

/// A policy as Okta returns it less `_links`, with its rules (each less `_links`).
/// Both are free JSON, so a test can write any policy into the state file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Policy {
    #[serde(flatten)]
    pub(crate) object: Map<String, Value>,
    #[serde(default)]
    pub(crate) rules: Vec<Map<String, Value>>,
}

impl AuthServer {
    /// The access-token encryption algorithm, when encryption is on.
    pub(crate) fn encryption_alg(&self) -> Option<&str> {
        self.object
            .get("accessTokenEncryptedResponseAlgorithm")
            .and_then(Value::as_str)
    }

    /// The URL keys are fetched from instead of saved ones, when set.
    pub(crate) fn jwks_uri(&self) -> Option<&str> {
        self.object
            .get("jwks_uri")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
    }

    pub(crate) fn active_key(&self) -> Option<&Key> {
        self.keys.iter().find(|k| k.status == Status::Active)
    }
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
