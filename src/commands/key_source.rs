//! Reading the public key a command sends (`keys add`, `keys rotate`): `--jwk FILE` or
//! `--pem FILE`, where `-` is stdin. Any failure is a key-file error (exit 3).

use std::path::Path;

use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::passphrase::{Purpose, passphrase};
use keymaterial::jwk::{self, PublicKey};

use crate::files::{self, MAX_LOCAL_FILE_BYTES};

/// Where a key comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum KeySource<'a> {
    /// A public JWK, or a JWKS (the key picked by kid).
    Jwk(&'a Path),
    /// A PEM public key, certificate or private key (only the public part is kept).
    Pem(&'a Path),
}

impl<'a> KeySource<'a> {
    /// The source the flags name (`--jwk` before `--pem`), if any.
    pub(crate) fn from_flags(jwk: Option<&'a Path>, pem: Option<&'a Path>) -> Option<Self> {
        jwk.map(KeySource::Jwk).or(pem.map(KeySource::Pem))
    }

    fn path(self) -> &'a Path {
        match self {
            KeySource::Jwk(path) | KeySource::Pem(path) => path,
        }
    }

    /// The source in messages: the file's name, or `stdin` for `-`.
    pub(crate) fn name(self) -> String {
        if self.is_stdin() {
            "stdin".to_string()
        } else {
            self.path().display().to_string()
        }
    }

    fn is_stdin(self) -> bool {
        self.path() == Path::new("-")
    }
}

/// Read the key. `kid` picks the key of a JWKS and is checked against a JWK's own.
pub(crate) async fn load_key(source: KeySource<'_>, kid: Option<&str>) -> Result<PublicKey> {
    match source {
        KeySource::Jwk(_) => Ok(jwk::from_jwk_bytes(
            &read_key_file(source).await?,
            kid,
            &source.name(),
        )?),
        KeySource::Pem(_) => {
            // May hold a private key: wiped when dropped; only n and e are kept.
            let bytes = Zeroizing::new(read_key_file(source).await?);
            let name = source.name();
            // An encrypted private key: the passphrase from its one source.
            let passphrase = keymaterial::private_out::is_encrypted_pem(&bytes)
                .then(|| passphrase(Purpose::Read(&name)))
                .transpose()?;
            Ok(keymaterial::pem::from_pem_bytes_with(
                &bytes,
                &name,
                passphrase.as_ref(),
            )?)
        }
    }
}

/// The file's bytes (through the one reader of local files; stdin as it would read a
/// file): small, UTF-8, and not blank.
async fn read_key_file(source: KeySource<'_>) -> Result<Vec<u8>> {
    let name = source.name();
    let failed = |why: files::ReadFailure| Error::KeyFile(why.message(&name));
    let bytes = if source.is_stdin() {
        let (read, _) = super::stdin::read("the key", MAX_LOCAL_FILE_BYTES + 1, false)
            .await
            .map_err(|e| Error::KeyFile(format!("cannot read the key from stdin: {e}")))?;
        let mut bytes = read.to_vec();
        if bytes.len() as u64 > MAX_LOCAL_FILE_BYTES {
            return Err(failed(files::ReadFailure::TooLarge));
        }
        files::decode_text(&mut bytes).map_err(failed)?;
        bytes
    } else {
        files::read_local(source.path()).map_err(failed)?
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::KeyFile(format!("{name}: is empty")));
    }
    Ok(bytes)
}
