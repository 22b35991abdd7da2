//! What the planner knows of a key on the server.

use std::fmt;

/// A key's status as Okta reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyStatus {
    Active,
    Inactive,
    /// A status this version does not know: such a key is never touched.
    Other(String),
}

impl KeyStatus {
    pub(crate) fn parse(s: Option<&str>) -> Self {
        match s {
            Some("ACTIVE") => KeyStatus::Active,
            Some("INACTIVE") => KeyStatus::Inactive,
            Some(other) => KeyStatus::Other(other.to_string()),
            None => KeyStatus::Other(String::new()),
        }
    }
}

impl fmt::Display for KeyStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyStatus::Active => f.write_str("ACTIVE"),
            KeyStatus::Inactive => f.write_str("INACTIVE"),
            KeyStatus::Other(s) if s.is_empty() => f.write_str("(no status)"),
            KeyStatus::Other(s) => f.write_str(s),
        }
    }
}

/// What the planner needs to know of a key on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyView {
    /// Okta's key id (`apk…`).
    pub(crate) id: String,
    pub(crate) kid: Option<String>,
    pub(crate) status: KeyStatus,
    /// Okta's `created` timestamp (`2023-02-21T20:08:24.000Z`: sorts as text).
    pub(crate) created: Option<String>,
    /// Okta's `lastUpdated`: for an INACTIVE key once active, when it stopped being so.
    pub(crate) last_updated: Option<String>,
    /// RFC 7638 thumbprint of the key material, when Okta sent `e` and `n`.
    pub(crate) thumbprint: Option<String>,
}

impl KeyView {
    /// The planner's view of a key as Okta returned it.
    pub(crate) fn from_api(key: &crate::api::Key) -> Self {
        KeyView {
            id: key.id().to_string(),
            kid: key.kid().map(str::to_string),
            status: KeyStatus::parse(Some(key.status()).filter(|s| !s.is_empty())),
            created: key.created().map(str::to_string),
            last_updated: key.last_updated().map(str::to_string),
            thumbprint: key.thumbprint(),
        }
    }

    /// `apk… (kid …)`, for messages.
    pub(crate) fn describe(&self) -> String {
        match &self.kid {
            Some(kid) => format!("{} (kid {kid})", self.id),
            None => format!("{} (no kid)", self.id),
        }
    }
}

/// The planner's views of the keys Okta listed. Requests go to keys by their ids: an id
/// that cannot be a path segment (`..` would reach another endpoint) stops the command
/// before anything is sent.
pub(crate) fn views_of_listed(keys: &[crate::api::Key]) -> crate::error::Result<Vec<KeyView>> {
    if let Some(bad) = keys
        .iter()
        .find(|k| crate::ids::parse_path_id(k.id()).is_err())
    {
        return Err(crate::error::Error::network(
            format!(
                "Okta listed a key whose id `{}` cannot go in a URL path; nothing was changed",
                bad.id().escape_debug()
            ),
            None,
        ));
    }
    Ok(keys.iter().map(KeyView::from_api).collect())
}

/// `apk… (kid …), apk… (kid …)`, for messages.
pub(crate) fn describe_all(keys: &[KeyView]) -> String {
    keys.iter()
        .map(KeyView::describe)
        .collect::<Vec<_>>()
        .join(", ")
}
