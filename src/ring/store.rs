//! Where a ring lives, and reading and writing it there.
//!
//! - A file: written whole, atomically (a temporary file in the same directory, then a
//!   rename), mode 0600, so a resource server re-reading it never sees a partial ring. A
//!   read-modify-write holds the lock beside it (`FILE.lock`), so two runs do not lose each
//!   other's keys. Encrypted at rest on request (`--encrypt-ring`): the JWKS wrapped in a
//!   PBES2 JWE (`PBES2-HS512+A256KW`, `A256GCM`) with `OKTAKEYS_KEY_PASSPHRASE`; a file
//!   that is encrypted stays so.
//!
//! `{server}` in a path or command is the authorization server's id.

use std::path::{Path, PathBuf};

use super::jwks::Ring;
use crate::error::{Error, Result};
use crate::passphrase::{Purpose, passphrase};
use keymaterial::jwe::pbes2;
use keymaterial::secret::Secret;

/// Where a ring lives, as configured (with `{server}` unexpanded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    File(PathBuf),
}

impl Location {
    /// The location for one server: `{server}` replaced by its id.
    pub(crate) fn for_server(&self, server: &str) -> Location {
        let expand = |s: &str| s.replace("{server}", server);
        match self {
            Location::File(path) => Location::File(PathBuf::from(expand(&path.to_string_lossy()))),
        }
    }

    /// Does it differ from one server to another (`{server}` in it)?
    pub(crate) fn names_server(&self) -> bool {
        self.for_server("\u{0}") != *self
    }

    /// For messages: `the ring file PATH` or `the ring read by `CMD``.
    pub(crate) fn describe(&self) -> String {
        match self {
            Location::File(path) => format!("the ring file {}", path.display()),
        }
    }
}

/// A ring as read, and how to write it back the same way.
pub(crate) struct Loaded {
    pub(crate) ring: Ring,
    /// Nothing was there yet (no file, or the read command printed nothing).
    pub(crate) empty_store: bool,
    /// The passphrase of an encrypted file, to write it encrypted again.
    passphrase: Option<Secret>,
}

/// One server's ring store.
pub(crate) struct Store {
    location: Location,
    /// `--encrypt-ring`: write a file encrypted even when it was not.
    encrypt: bool,
}

impl Store {
    /// The store at `location` (already expanded for its server).
    pub(crate) fn new(location: Location, encrypt: bool) -> Self {
        Store { location, encrypt }
    }

    pub(crate) fn location(&self) -> &Location {
        &self.location
    }

    pub(crate) async fn read(&self) -> Result<Loaded> {
        match &self.location {
            Location::File(path) => read_file(path),
        }
    }

    /// Read the ring, let `change` change it, and write it back when `change` says it
    /// changed something; then read it back and check it holds what was written. For a
    /// file, under its lock. The ring as it is afterwards.
    pub(crate) async fn update(
        &self,
        change: impl FnOnce(&mut Ring) -> Result<bool>,
    ) -> Result<Ring> {
        match &self.location {
            Location::File(path) => {
                let _lock = crate::files::lock_beside(path).map_err(|e| {
                    Error::config(format!(
                        "cannot lock {} for writing: {e}",
                        self.location.describe()
                    ))
                })?;
                let mut loaded = read_file(path)?;
                if !change(&mut loaded.ring)? {
                    return Ok(loaded.ring);
                }
                self.write_file(path, &loaded)?;
                let back = read_file(path)?;
                check_written(&self.location, &loaded.ring, &back.ring)?;
                Ok(back.ring)
            }
        }
    }

    fn write_file(&self, path: &Path, loaded: &Loaded) -> Result<()> {
        let what = self.location.describe();
        let text = loaded.ring.to_text();
        let pass = match (&loaded.passphrase, self.encrypt) {
            (Some(pass), _) => Some(pass.clone()),
            (None, true) => Some(passphrase(Purpose::EncryptRing)?),
            (None, false) => None,
        };
        let bytes = match pass {
            Some(pass) => {
                let token = pbes2::encrypt(text.expose().as_bytes(), &pass, "jwk-set+json")
                    .map_err(|e| Error::Internal(format!("cannot encrypt {what}: {e}")))?;
                Secret::new(format!("{token}\n"))
            }
            None => text,
        };
        crate::files::replace_private(path, bytes.expose().as_bytes()).map_err(|e| {
            Error::config_hint(
                format!("cannot write {what}: {}", e.source),
                "the directory must exist and be writable; the ring is replaced whole \
                 (a temporary file beside it, then a rename)",
            )
        })
    }
}

fn read_file(path: &Path) -> Result<Loaded> {
    let what = format!("the ring file {}", path.display());
    match crate::files::read_local(path) {
        Err(why) if why.is_missing() => Ok(Loaded {
            ring: Ring::default(),
            empty_store: true,
            passphrase: None,
        }),
        Err(why) => Err(Error::KeyFile(why.message(&what))),
        Ok(bytes) => {
            crate::files::require_owner_only(path, &what)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::KeyFile(format!("{what} is not UTF-8 text")))?;
            let text = Secret::new(text);
            let pass = pbes2::is_pbes2(text.expose().trim())
                .then(|| passphrase(Purpose::Read(&what)))
                .transpose()?;
            loaded(text, &what, pass)
        }
    }
}

/// The ring in `text` (a JWKS, or a PBES2 JWE of one opened with `pass`).
fn loaded(text: Secret, what: &str, pass: Option<Secret>) -> Result<Loaded> {
    let trimmed = text.expose().trim();
    if trimmed.is_empty() {
        return Ok(Loaded {
            ring: Ring::default(),
            empty_store: true,
            passphrase: pass,
        });
    }
    let ring = match &pass {
        Some(pass) => {
            let plain = pbes2::decrypt(trimmed, pass).map_err(|e| {
                Error::config_hint(
                    format!("cannot open {what}: {e}"),
                    format!(
                        "it is encrypted (PBES2): set {} to its passphrase",
                        crate::env::KEY_PASSPHRASE
                    ),
                )
            })?;
            let plain = std::str::from_utf8(&plain)
                .map_err(|_| Error::KeyFile(format!("{what}: the decrypted ring is not text")))?;
            Ring::parse(plain, what)?
        }
        None => Ring::parse(trimmed, what)?,
    };
    Ok(Loaded {
        ring,
        empty_store: false,
        passphrase: pass,
    })
}

/// The ring read back must hold exactly the keys written.
fn check_written(location: &Location, written: &Ring, back: &Ring) -> Result<()> {
    if written.fingerprint() == back.fingerprint() {
        return Ok(());
    }
    Err(Error::config_hint(
        format!(
            "{} does not hold what was just written to it (read back: {} keys, written: {})",
            location.describe(),
            back.keys().len(),
            written.keys().len()
        ),
        "check the store: another writer, or a write command that does not store its stdin",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_ids_expand_in_paths_and_commands() {
        let file = Location::File("/rings/{server}.json".into());
        assert_eq!(
            file.for_server("aus1"),
            Location::File("/rings/aus1.json".into())
        );
    }
}
