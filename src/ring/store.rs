//! Where a ring lives, and reading and writing it there.
//!
//! - A file: written whole, atomically (a temporary file in the same directory, then a
//!   rename), mode 0600, so a resource server re-reading it never sees a partial ring. A
//!   read-modify-write holds the lock beside it (`FILE.lock`), so two runs do not lose each
//!   other's keys. Encrypted at rest on request (`--encrypt-ring`): the JWKS wrapped in a
//!   PBES2 JWE (`PBES2-HS512+A256KW`, `A256GCM`) with `OKTAKEYS_KEY_PASSPHRASE`; a file
//!   that is encrypted stays so.
//!
//! - A secret store, through two commands (`--ring-read-command`, `--ring-write-command`):
//!   the read command prints the ring (nothing at all: an empty ring), the write command
//!   takes the whole new ring on its stdin and must read it to the end and exit 0 once it
//!   is stored. Both run through `crate::shell` (own process group, the command's
//!   `--timeout`, stdout capped at 1 MiB); key material goes only through the pipes,
//!   never in argv or the environment. No lock: the store's own writes are atomic
//!   (`kubectl apply`, `vault kv put`), and every write is read back and compared.
//!
//! `{server}` in a path or command is the authorization server's id (shell-quoted in a
//! command).

use std::path::{Path, PathBuf};

use super::jwks::Ring;
use crate::error::{Error, Result};
use crate::hint;
use crate::passphrase::{Purpose, passphrase};
use crate::shell::{self, Command, Stdout};
use keymaterial::jwe::pbes2;
use keymaterial::secret::Secret;

/// Where a ring lives, as configured (with `{server}` unexpanded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    File(PathBuf),
    /// A secret store: `read` prints the ring, `write` takes it on stdin (`sh -c`).
    Command {
        read: String,
        write: String,
    },
}

impl Location {
    /// The location for one server: `{server}` replaced by its id.
    pub(crate) fn for_server(&self, server: &str) -> Location {
        let expand = |s: &str| s.replace("{server}", server);
        let quoted = crate::escape::shell_quote(server);
        let in_command = |s: &str| s.replace("{server}", &quoted);
        match self {
            Location::File(path) => Location::File(PathBuf::from(expand(&path.to_string_lossy()))),
            Location::Command { read, write } => Location::Command {
                read: in_command(read),
                write: in_command(write),
            },
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
            Location::Command { read, .. } => format!("the ring read by `{read}`"),
        }
    }

    /// The flags that name this location again, for hints: `--ring PATH`, or
    /// `--ring-read-command CMD --ring-write-command CMD` (shell-quoted).
    pub(crate) fn flags(&self) -> Vec<String> {
        match self {
            Location::File(path) => hint::option("--ring", &path.display().to_string()),
            Location::Command { read, write } => [
                hint::option("--ring-read-command", read),
                hint::option("--ring-write-command", write),
            ]
            .concat(),
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
            Location::Command { read, .. } => read_command(read, &self.location).await,
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
                let bytes = self.encoded(&loaded)?;
                write_file(path, &bytes, &self.location)?;
                let back = read_file(path)?;
                check_written(&self.location, &loaded.ring, &back.ring)?;
                Ok(back.ring)
            }
            Location::Command { read, write } => {
                let mut loaded = read_command(read, &self.location).await?;
                if !change(&mut loaded.ring)? {
                    return Ok(loaded.ring);
                }
                let bytes = self.encoded(&loaded)?;
                write_command(write, &bytes, &self.location).await?;
                let back = read_command(read, &self.location).await?;
                check_written(&self.location, &loaded.ring, &back.ring)?;
                Ok(back.ring)
            }
        }
    }

    /// The bytes to store: the JWKS, or a PBES2 JWE of it when the ring was encrypted
    /// (or `--encrypt-ring` asks).
    fn encoded(&self, loaded: &Loaded) -> Result<Secret> {
        let what = self.location.describe();
        let text = loaded.ring.to_text();
        let pass = match (&loaded.passphrase, self.encrypt) {
            (Some(pass), _) => Some(pass.clone()),
            (None, true) => Some(passphrase(Purpose::EncryptRing)?),
            (None, false) => None,
        };
        Ok(match pass {
            Some(pass) => {
                let token = pbes2::encrypt(text.expose().as_bytes(), &pass, "jwk-set+json")
                    .map_err(|e| Error::Internal(format!("cannot encrypt {what}: {e}")))?;
                Secret::new(format!("{token}\n"))
            }
            None => text,
        })
    }
}

fn write_file(path: &Path, bytes: &Secret, location: &Location) -> Result<()> {
    let what = location.describe();
    crate::files::replace_private(path, bytes.expose().as_bytes()).map_err(|e| {
        Error::config_hint(
            format!("cannot write {what}: {}", e.source),
            "the directory must exist and be writable; the ring is replaced whole \
             (a temporary file beside it, then a rename)",
        )
    })
}

/// The ring as `--ring-read-command` prints it (nothing: an empty ring).
async fn read_command(script: &str, location: &Location) -> Result<Loaded> {
    let name = format!("--ring-read-command `{script}`");
    let cmd = Command {
        stdout: Stdout::Capture,
        ..Command::new(&name, script)
    };
    let done = shell::run(&cmd).await.map_err(|why| {
        Error::config_hint(
            format!("cannot read the key ring: {name} {why}"),
            "the read command must print the ring (a JWKS, or nothing while the store is \
             empty) and exit 0; run it yourself to see why it fails",
        )
    })?;
    let what = location.describe();
    let text = std::str::from_utf8(&done.stdout)
        .map_err(|_| Error::KeyFile(format!("{what}: the read command printed no UTF-8 text")))?;
    let text = Secret::new(text);
    let pass = pbes2::is_pbes2(text.expose().trim())
        .then(|| passphrase(Purpose::Read(&what)))
        .transpose()?;
    loaded(text, &what, pass)
}

/// Hand the whole ring to `--ring-write-command` on its stdin. It must read all of it and
/// exit 0.
async fn write_command(script: &str, bytes: &Secret, location: &Location) -> Result<()> {
    let name = format!("--ring-write-command `{script}`");
    let cmd = Command {
        stdin: Some(bytes.expose().as_bytes()),
        ..Command::new(&name, script)
    };
    let fail = |why: String| {
        Error::config_hint(
            format!(
                "cannot write {}: {name} {why}; the ring may not hold the new keys",
                location.describe()
            ),
            "the write command must read the whole ring (a JWKS) on its stdin and exit 0 \
             once it is stored",
        )
    };
    match shell::run(&cmd).await {
        Ok(done) if done.read_all_input => Ok(()),
        Ok(_) => Err(fail("did not read all of the ring on its stdin".into())),
        Err(why) => Err(fail(why.to_string())),
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
        let store = Location::Command {
            read: "vault kv get -field=ring secret/{server}".into(),
            write: "vault kv put secret/{server} ring=-".into(),
        };
        assert_eq!(
            store.for_server("aus1"),
            Location::Command {
                read: "vault kv get -field=ring secret/aus1".into(),
                write: "vault kv put secret/aus1 ring=-".into(),
            }
        );
        // A server id is never shell text.
        let Location::Command { read, .. } = store.for_server("a b;x") else {
            panic!("command")
        };
        assert_eq!(read, "vault kv get -field=ring secret/'a b;x'");
    }
}
