//! Keys handed to `--private-key-command` whose rotation has not finished yet: the public
//! half, which org and servers it is for, and the command it went to. A run of the same
//! rotation (same org, command and `--kid`) takes the key up again instead of generating
//! and storing another: so the command printed to resume an interrupted run (the same
//! command) completes it without storing or adding anything twice.
//!
//! One JSON file, mode 0600, in the user's data directory (`…/oktakeys/handed-off.json`);
//! it holds no secret. A server leaves its entry once the key is ACTIVE there; the entry
//! goes when no server is left.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::files;
use crate::time::Timestamp;
use keymaterial::jwk::PublicKey;

/// Which rotation a key was handed off for.
pub(super) struct Rotation<'a> {
    /// The org, as the settings name it (its URL, or the sandbox profile).
    pub(super) org: &'a str,
    pub(super) command: &'a str,
    /// `--kid`, when given.
    pub(super) kid: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    org: String,
    command: String,
    kid: Option<String>,
    /// The servers still to finish; `["*"]`: every ACTIVE server (`--all-auth-servers`),
    /// until they are known.
    servers: Vec<String>,
    n: String,
    e: String,
    handed_off_at: String,
}

const EVERY_SERVER: &str = "*";

impl Entry {
    fn is_for(&self, r: &Rotation<'_>) -> bool {
        self.org == r.org && self.command == r.command && self.kid.as_deref() == r.kid
    }
}

/// The file of handed-off keys.
pub(super) struct HandedOff {
    path: PathBuf,
}

impl HandedOff {
    /// `…/oktakeys/handed-off.json` in the user's data directory, if the platform has one.
    pub(super) fn default_location() -> Option<Self> {
        dirs::data_local_dir().map(|d| HandedOff {
            path: d.join("oktakeys").join("handed-off.json"),
        })
    }

    pub(super) fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The key an unfinished run of `rotation` handed off, for any of `servers` (any
    /// server when empty: `--all-auth-servers`), and when.
    pub(super) fn find(
        &self,
        rotation: &Rotation<'_>,
        servers: &[String],
    ) -> Option<(PublicKey, String)> {
        self.read().into_iter().find_map(|entry| {
            let any = servers.is_empty()
                || entry
                    .servers
                    .iter()
                    .any(|s| s == EVERY_SERVER || servers.contains(s));
            (entry.is_for(rotation) && any).then(|| {
                (
                    PublicKey {
                        kid: None,
                        n: entry.n.clone(),
                        e: entry.e.clone(),
                    },
                    entry.handed_off_at.clone(),
                )
            })
        })
    }

    /// Note a key just handed off for `servers` (empty: every ACTIVE server). Best effort:
    /// a failure to write is reported, and the rotation goes on.
    pub(super) fn record(
        &self,
        rotation: &Rotation<'_>,
        servers: &[String],
        key: &PublicKey,
    ) -> Result<(), String> {
        let servers = if servers.is_empty() {
            vec![EVERY_SERVER.to_string()]
        } else {
            servers.to_vec()
        };
        self.change(|entries| {
            entries.retain(|e| !e.is_for(rotation));
            entries.push(Entry {
                org: rotation.org.into(),
                command: rotation.command.into(),
                kid: rotation.kid.map(str::to_string),
                servers,
                n: key.n.clone(),
                e: key.e.clone(),
                handed_off_at: Timestamp::now().to_string(),
            });
        })
    }

    /// `--all-auth-servers`: the servers are known now.
    pub(super) fn name_servers(
        &self,
        rotation: &Rotation<'_>,
        servers: &[String],
    ) -> Result<(), String> {
        self.change(|entries| {
            for entry in entries.iter_mut().filter(|e| e.is_for(rotation)) {
                if entry.servers.iter().any(|s| s == EVERY_SERVER) {
                    entry.servers = servers.to_vec();
                }
            }
        })
    }

    /// The key is ACTIVE on `server`: it is done there; the entry goes with its last server.
    pub(super) fn done(&self, rotation: &Rotation<'_>, server: &str) -> Result<(), String> {
        self.change(|entries| {
            for entry in entries.iter_mut().filter(|e| e.is_for(rotation)) {
                entry.servers.retain(|s| s != server);
            }
            entries.retain(|e| !e.servers.is_empty());
        })
    }

    /// The entries; none when the file is missing, unreadable, not the owner's alone, or
    /// not ours.
    fn read(&self) -> Vec<Entry> {
        if files::require_owner_only(&self.path, "").is_err() {
            return Vec::new();
        }
        files::read_local(&self.path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn change(&self, edit: impl FnOnce(&mut Vec<Entry>)) -> Result<(), String> {
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", self.path.display());
        if let Some(dir) = self.path.parent() {
            files::create_private_dir(dir).map_err(|e| fail(&e))?;
        }
        let _lock = files::lock_beside(&self.path).map_err(|e| fail(&e))?;
        let mut entries = self.read();
        let before = entries.clone();
        edit(&mut entries);
        if entries == before {
            return Ok(());
        }
        let text = serde_json::to_vec_pretty(&entries).map_err(|e| fail(&e))?;
        files::replace_private(&self.path, &text).map_err(|e| fail(&e.source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_for_its_rotation_until_every_server_is_done() {
        let dir = tempfile::tempdir().unwrap();
        let file = HandedOff {
            path: dir.path().join("sub").join("handed-off.json"),
        };
        let rotation = Rotation {
            org: "https://acme.okta.com/",
            command: "vault write",
            kid: None,
        };
        let key = PublicKey {
            kid: None,
            n: "n1".into(),
            e: "AQAB".into(),
        };
        let servers = ["a".to_string(), "b".to_string()];
        file.record(&rotation, &servers, &key).unwrap();
        assert_eq!(file.find(&rotation, &["b".into()]).unwrap().0, key);
        let other = Rotation {
            kid: Some("k"),
            ..rotation
        };
        assert!(file.find(&other, &["b".into()]).is_none());
        assert!(file.find(&rotation, &["c".into()]).is_none());
        file.done(&rotation, "a").unwrap();
        assert!(file.find(&rotation, &["a".into()]).is_none());
        assert!(file.find(&rotation, &["b".into()]).is_some());
        file.done(&rotation, "b").unwrap();
        assert!(file.find(&rotation, &[]).is_none());
    }
}
