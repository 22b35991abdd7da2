//! `keys rotate` with a key ring (`--ring`, or a secret store's commands): the new key's
//! private half goes into each server's ring, and is read back, before anything is sent
//! to Okta; once Okta has deleted a key, its private half leaves the ring. So a run
//! interrupted anywhere leaves a ring holding at least every key whose tokens may arrive,
//! and the same command run again completes it. The ring costs no request to Okta: what
//! Okta holds afterwards is known from the plan and what the run did.

use crate::commands::private_key::read_decryption_key;
use crate::error::{Error, Result};
use crate::escape::escape;
use crate::ring::{DEFAULT_ALG, RingKey, Store};
use crate::rotate::{Outcome, Plan};
use keymaterial::jwk::PublicKey;
use keymaterial::keys::DecryptionKey;
use keymaterial::secret::Secret;

/// The new key's private half, as the rings get it.
pub(crate) struct PrivateHalf {
    /// PKCS#8 PEM (parsed again for each server's ring; never printed).
    pem: Secret,
    thumbprint: String,
}

impl PrivateHalf {
    pub(crate) fn new(key: &DecryptionKey) -> Result<Self> {
        Ok(PrivateHalf {
            pem: key.to_pkcs8_pem()?,
            thumbprint: key.thumbprint(),
        })
    }

    /// The private key of a key file (`--pem`/`--jwk`, or `--private-key-out`): with a
    /// ring, it must be a private key, and the one whose public half is sent.
    pub(super) fn from_file(path: &std::path::Path, public: &PublicKey) -> Result<Self> {
        if path == std::path::Path::new("-") {
            return Err(Error::Usage(
                "with a ring, the new key must be a private key file (not `-`): its private \
                 half goes into the ring"
                    .into(),
            ));
        }
        let key = read_decryption_key(path).map_err(|e| {
            Error::config_hint(
                format!("{e}"),
                "with a ring, --pem/--jwk must be the new private key (PEM or private JWK): \
                 its private half goes into the ring, its public half to Okta",
            )
        })?;
        let half = Self::new(&key)?;
        if half.thumbprint != public.thumbprint() {
            return Err(Error::Internal(format!(
                "{}: the private key read for the ring is not the key sent",
                path.display()
            )));
        }
        Ok(half)
    }

    /// The public key to send to Okta.
    pub(super) fn public(&self) -> Result<PublicKey> {
        let key = self.key()?;
        let jwk = key.public_jwk();
        let member = |m: &str| jwk[m].as_str().unwrap_or_default().to_string();
        Ok(PublicKey {
            kid: None,
            n: member("n"),
            e: member("e"),
        })
    }

    fn key(&self) -> Result<DecryptionKey> {
        Ok(DecryptionKey::parse(&self.pem, "the new private key")?)
    }
}

/// `--generate` again with `--kid KID` (a resumed run): the key of that kid in the first
/// of `stores` that holds one, so the run goes on with the key the ring already holds.
pub(super) async fn held_key(stores: &[Store], kid: &str) -> Result<Option<(PrivateHalf, String)>> {
    for store in stores {
        let loaded = store.read().await?;
        if let Some(held) = loaded.ring.get(kid) {
            return Ok(Some((
                PrivateHalf::new(held.key())?,
                store.location().describe(),
            )));
        }
    }
    Ok(None)
}

/// Put the new key's private half into the server's ring, under `kid`, and read it back.
/// Before anything is sent to Okta for this server.
pub(crate) async fn put_new_key(store: &Store, kid: &str, half: &PrivateHalf) -> Result<bool> {
    let mut added = false;
    let back = store
        .update(|ring| {
            added = ring.insert(RingKey::new(kid, DEFAULT_ALG, half.key()?)?)?;
            Ok(added)
        })
        .await?;
    match back.get(kid) {
        Some(held) if held.thumbprint() == half.thumbprint => Ok(added),
        _ => Err(Error::config_hint(
            format!(
                "{} does not hold the new key (kid {}) after writing it; nothing was sent to Okta",
                store.location().describe(),
                escape(kid)
            ),
            "check the store: another writer, or a write command that does not store its stdin",
        )),
    }
}

/// After the run on one server: take out of its ring the keys Okta deleted, and (when
/// the run succeeded) every other key whose kid Okta no longer holds, such as one an
/// interrupted run deleted in Okta but had not yet taken out. Never the new key. The kids
/// taken out.
pub(crate) async fn after_run(
    store: &Store,
    plan: &Plan,
    outcome: &Outcome,
    new_kid: &str,
) -> Result<Vec<String>> {
    let deleted: Vec<&str> = plan
        .seen
        .iter()
        .filter(|k| outcome.deleted.contains(&k.id))
        .filter_map(|k| k.kid.as_deref())
        .collect();
    let held_by_okta: Vec<&str> = plan
        .seen
        .iter()
        .filter(|k| !outcome.deleted.contains(&k.id))
        .filter_map(|k| k.kid.as_deref())
        .collect();
    let succeeded = outcome.error.is_none();
    let mut removed = Vec::new();
    store
        .update(|ring| {
            let gone: Vec<String> = ring
                .keys()
                .iter()
                .map(|k| k.kid().to_string())
                .filter(|kid| kid != new_kid)
                .filter(|kid| {
                    deleted.contains(&kid.as_str())
                        || (succeeded && !held_by_okta.contains(&kid.as_str()))
                })
                .collect();
            for kid in gone {
                if ring.remove(&kid) {
                    removed.push(kid);
                }
            }
            Ok(!removed.is_empty())
        })
        .await?;
    Ok(removed)
}
