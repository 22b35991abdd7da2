//! Reading the resource server's private key (`--private-key FILE`) for `token decrypt`,
//! `keys verify` and `keys match`, or its key ring (`--ring`: the key picked by the
//! token's kid, `PrivateKeys`): refused when group or others may read it (as ssh
//! refuses such a key), parsed by key material's one private-key reader. Nothing of it is
//! ever printed; every failure is exit 3 and happens before anything is sent.

use std::path::Path;

use keymaterial::keys::DecryptionKey;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::escape::escape;
use crate::ring::{Ring, Store};
use keymaterial::secret::Secret;

pub(crate) fn read_decryption_key(path: &Path) -> Result<DecryptionKey> {
    let what = format!("the private key file {}", path.display());
    let meta = std::fs::metadata(path).map_err(|e| {
        Error::config_hint(
            format!("cannot read {what}: {e}"),
            "check the path given to --private-key",
        )
    })?;
    if let Some(mode) = crate::files::loose_mode(&meta) {
        return Err(Error::config_hint(
            format!("{what} is readable by others (mode {mode:o}); refusing to use it"),
            format!("run `chmod 600 {}`", path.display()),
        ));
    }
    let bytes = Zeroizing::new(
        crate::files::read_local(path).map_err(|why| Error::KeyFile(why.message(&what)))?,
    );
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::KeyFile(format!("{what} is not text (PEM or JWK expected)")))?;
    // An encrypted PEM: the passphrase from its one source (asked only then).
    let passphrase = keymaterial::private_out::is_encrypted_pem(text.as_bytes())
        .then(|| crate::passphrase::passphrase(crate::passphrase::Purpose::Read(&what)))
        .transpose()?;
    Ok(DecryptionKey::parse_with_passphrase(
        &Secret::new(text),
        &what,
        passphrase.as_ref(),
    )?)
}

/// The private key that opens a token: one file (`--private-key`), or the resource
/// server's key ring (`--ring`), where the token's JWE header `kid` picks the key, as a
/// resource server loading the ring does.
pub(crate) enum PrivateKeys {
    File {
        key: Box<DecryptionKey>,
        label: String,
    },
    Ring {
        ring: Ring,
        where_: String,
    },
}

impl PrivateKeys {
    /// `--private-key FILE`, read and checked (exit 3 on any problem).
    pub(crate) fn file(path: &Path) -> Result<Self> {
        Ok(PrivateKeys::File {
            key: Box::new(read_decryption_key(path)?),
            label: path.display().to_string(),
        })
    }

    /// The ring in `store` (an encrypted one opened with its passphrase).
    pub(crate) async fn ring(store: &Store) -> Result<Self> {
        let loaded = store.read().await?;
        Ok(PrivateKeys::Ring {
            ring: loaded.ring,
            where_: store.location().describe(),
        })
    }

    /// What holds the keys, for messages: the file, or the ring.
    pub(crate) fn label(&self) -> &str {
        match self {
            PrivateKeys::File { label, .. } => label,
            PrivateKeys::Ring { where_, .. } => where_,
        }
    }

    /// The key for a token whose JWE header has `kid`, and its label for messages. From a
    /// ring: exit 10 naming the kid when the ring holds no key of it (or the token names
    /// none), since a resource server loading the ring fails on that token too.
    pub(crate) fn for_kid(&self, kid: Option<&str>) -> Result<(&DecryptionKey, String)> {
        let (ring, where_) = match self {
            PrivateKeys::File { key, label } => return Ok((key, label.clone())),
            PrivateKeys::Ring { ring, where_ } => (ring, where_),
        };
        let Some(kid) = kid else {
            return Err(Error::verification(
                format!("the token's JWE header has no kid, so no key of {where_} can be picked"),
                "Okta names the key in every encrypted access token; pass the private key \
                 itself with --private-key FILE",
            ));
        };
        match ring.get(kid) {
            Some(held) => Ok((held.key(), format!("{where_} (kid {})", escape(kid)))),
            None => {
                let held: Vec<String> = ring
                    .keys()
                    .iter()
                    .map(|k| escape(k.kid()).into_owned())
                    .collect();
                Err(Error::verification(
                    format!(
                        "{where_} holds no key of kid {}, the token's kid ({})",
                        escape(kid),
                        match held.is_empty() {
                            true => "the ring is empty".to_string(),
                            false => format!("it holds kid {}", held.join(", kid ")),
                        }
                    ),
                    format!(
                        "a resource server loading this ring cannot decrypt the token either; \
                         `{}` names the keys it lacks, and `{}` adds one",
                        crate::hint::command([
                            "keys",
                            "ring",
                            "check",
                            "--auth-server",
                            "ID",
                            "--ring",
                            "PATH"
                        ]),
                        crate::hint::command([
                            "keys",
                            "ring",
                            "import",
                            "--auth-server",
                            "ID",
                            "--ring",
                            "PATH",
                            "KEY.pem"
                        ]),
                    ),
                ))
            }
        }
    }
}
