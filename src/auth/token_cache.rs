//! Access tokens kept between runs, so a CI job that runs several commands asks Okta's
//! token endpoint once per hour rather than once per command.
//!
//! One file per (org, client, scopes) under `dirs::cache_dir()/oktakeys/tokens/`, named
//! by a SHA-256 of that key; the directory is 0700 and every file 0600, written atomically.
//! A file that is readable by others, unreadable, or within [`DISK_MARGIN_SECS`] of its
//! expiry is ignored and removed. Nothing here is ever fatal: a cache that cannot be read
//! or written only costs a token request.
//!
//! DPoP-bound tokens: a DPoP token is useless without the key it is bound to, so the entry
//! keeps that (ephemeral, per-token) P-256 key beside the token, as a private JWK in the
//! same 0600 file, and both go when the token expires. Whoever can read the file can use
//! the token for the rest of its life, exactly as with a Bearer token; that same person can
//! read the service app's own private key, which is worth far more. `--no-token-cache`
//! (or `OKTAKEYS_NO_TOKEN_CACHE`) turns the cache off.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use keymaterial::secret::Secret;

/// A cached token is not used when it expires within this many seconds.
pub(crate) const DISK_MARGIN_SECS: i64 = 300;
const FORMAT_VERSION: u64 = 1;

/// What identifies a token: the org's token endpoint, the client and the scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CacheKey {
    pub(crate) token_url: String,
    pub(crate) client_id: String,
    pub(crate) scopes: String,
}

impl CacheKey {
    fn file_name(&self) -> String {
        let mut h = Sha256::new();
        for part in [&self.token_url, &self.client_id, &self.scopes] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let digest = h.finalize();
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{hex}.json")
    }
}

/// One cached token.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) access_token: Secret,
    /// `Bearer` or `DPoP`, as Okta said.
    pub(crate) token_type: String,
    /// Unix seconds.
    pub(crate) expires_at: i64,
    /// The scopes Okta granted.
    pub(crate) scope: String,
    /// For a DPoP token: the private JWK of the key it is bound to.
    pub(crate) dpop_key: Option<Secret>,
}

/// The cache directory.
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
}

impl DiskCache {
    /// `dirs::cache_dir()/oktakeys/tokens`, when the platform has a cache dir.
    pub(crate) fn default_location() -> Option<Self> {
        dirs::cache_dir().map(|d| Self::at(d.join("oktakeys").join("tokens")))
    }

    pub(crate) fn at(dir: PathBuf) -> Self {
        DiskCache { dir }
    }

    pub(crate) fn path(&self, key: &CacheKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The cached token for `key`, if there is one that is still good at `now`.
    pub(crate) fn load(&self, key: &CacheKey, now: i64) -> Option<Entry> {
        let path = self.path(key);
        if !is_private(&path) {
            // Missing (the usual case), or loosened by someone: never use it.
            if path.exists() {
                tracing::info!(
                    "ignoring the token cache file {}: readable by others",
                    path.display()
                );
                self.remove(key);
            }
            return None;
        }
        let text = Zeroizing::new(std::fs::read_to_string(&path).ok()?);
        let entry = parse_entry(&text, key);
        match entry {
            Some(entry) if entry.expires_at.saturating_sub(DISK_MARGIN_SECS) > now => {
                tracing::info!("using the cached access token (from {})", path.display());
                Some(entry)
            }
            _ => {
                self.remove(key);
                None
            }
        }
    }

    /// Keep `entry` for `key`. Failures are logged (`-v`) and otherwise ignored.
    pub(crate) fn store(&self, key: &CacheKey, entry: &Entry) {
        if let Err(e) = self.try_store(key, entry) {
            tracing::info!(
                "cannot write the token cache in {}: {e}",
                self.dir.display()
            );
        }
    }

    fn try_store(&self, key: &CacheKey, entry: &Entry) -> std::io::Result<()> {
        crate::files::create_private_dir(&self.dir)?;
        let mut doc = json!({
            "version": FORMAT_VERSION,
            "token_url": key.token_url,
            "client_id": key.client_id,
            "scopes": key.scopes,
            "token_type": entry.token_type,
            "expires_at": entry.expires_at,
            "scope": entry.scope,
            "access_token": entry.access_token.expose(),
        });
        if let Some(dpop) = &entry.dpop_key {
            doc["dpop_key"] = Value::String(dpop.expose().to_string());
        }
        let text = Zeroizing::new(doc.to_string());
        wipe(&mut doc);
        crate::files::replace_private(&self.path(key), text.as_bytes()).map_err(|e| e.source)
    }

    /// Forget the token for `key` (Okta refused it, or it expired).
    pub(crate) fn remove(&self, key: &CacheKey) {
        let _ = std::fs::remove_file(self.path(key));
    }
}

fn parse_entry(text: &str, key: &CacheKey) -> Option<Entry> {
    let mut doc: Value = serde_json::from_str(text).ok()?;
    let text_of =
        |doc: &Value, name: &str| doc.get(name).and_then(Value::as_str).map(str::to_string);
    // The file name is a hash: check the key itself too.
    let same_key = doc.get("version").and_then(Value::as_u64) == Some(FORMAT_VERSION)
        && text_of(&doc, "token_url").as_deref() == Some(key.token_url.as_str())
        && text_of(&doc, "client_id").as_deref() == Some(key.client_id.as_str())
        && text_of(&doc, "scopes").as_deref() == Some(key.scopes.as_str());
    let entry = if same_key {
        Some(Entry {
            access_token: Secret::new(text_of(&doc, "access_token")?),
            token_type: text_of(&doc, "token_type")?,
            expires_at: doc.get("expires_at").and_then(Value::as_i64)?,
            scope: text_of(&doc, "scope").unwrap_or_default(),
            dpop_key: text_of(&doc, "dpop_key").map(Secret::new),
        })
    } else {
        None
    };
    wipe(&mut doc);
    entry
}

/// Overwrite the strings of a JSON document that held secrets before it is dropped.
fn wipe(value: &mut Value) {
    match value {
        Value::String(s) => zeroize::Zeroize::zeroize(s),
        Value::Object(map) => map.values_mut().for_each(wipe),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        _ => {}
    }
}

/// A regular file (not a symlink) that only its owner may read.
fn is_private(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.is_file() && crate::files::loose_mode(&m).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(scopes: &str) -> CacheKey {
        CacheKey {
            token_url: "https://acme.okta.com/oauth2/v1/token".into(),
            client_id: "0oa1".into(),
            scopes: scopes.into(),
        }
    }

    fn entry(expires_at: i64) -> Entry {
        Entry {
            access_token: Secret::new("eyJcached"),
            token_type: "DPoP".into(),
            expires_at,
            scope: "okta.authorizationServers.read".into(),
            dpop_key: Some(Secret::new(r#"{"kty":"EC","d":"x"}"#)),
        }
    }

    #[test]
    fn entries_round_trip_privately_and_expire_with_a_margin() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache::at(dir.path().join("tokens"));
        let k = key("okta.authorizationServers.read");
        assert!(cache.load(&k, 1000).is_none());
        cache.store(&k, &entry(2000));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&cache.path(&k)), 0o600);
            assert_eq!(mode(&cache.dir), 0o700);
        }
        let got = cache.load(&k, 1000).unwrap();
        assert_eq!(got.access_token.expose(), "eyJcached");
        assert_eq!(got.token_type, "DPoP");
        assert_eq!(got.expires_at, 2000);
        assert_eq!(got.dpop_key.unwrap().expose(), r#"{"kty":"EC","d":"x"}"#);
        // Other scopes, other file.
        assert!(
            cache
                .load(&key("okta.authorizationServers.manage"), 1000)
                .is_none()
        );
        // Five minutes before expiry it is dropped, and the file goes.
        assert!(cache.load(&k, 2000 - DISK_MARGIN_SECS).is_none());
        assert!(!cache.path(&k).exists());
        // No temporary files left behind.
        assert_eq!(std::fs::read_dir(&cache.dir).unwrap().count(), 0);
        // An expiry at the end of i64 (an edited file) is expired, not an overflow.
        cache.store(&k, &entry(i64::MIN));
        assert!(cache.load(&k, 1000).is_none());
        assert!(!cache.path(&k).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_loosened_or_foreign_file_is_ignored_and_removed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache::at(dir.path().to_path_buf());
        let k = key("s");
        cache.store(&k, &entry(9_999_999_999));
        let path = cache.path(&k);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(cache.load(&k, 0).is_none());
        assert!(!path.exists());
        // A file whose contents name another key (a hash collision, a copied file).
        cache.store(&key("other"), &entry(9_999_999_999));
        std::fs::rename(cache.path(&key("other")), &path).unwrap();
        assert!(cache.load(&k, 0).is_none());
        // Garbage.
        std::fs::write(&path, "not json").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(cache.load(&k, 0).is_none());
    }

    #[test]
    fn an_unwritable_cache_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        let cache = DiskCache::at(blocker.join("tokens"));
        cache.store(&key("s"), &entry(5000));
        assert!(cache.load(&key("s"), 0).is_none());
    }
}
