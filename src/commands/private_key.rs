//! Reading the resource server's private key (`--private-key FILE`) for `token decrypt`,
//! `keys verify` and `keys match`: refused when group or others may read it (as ssh
//! refuses such a key), parsed by key material's one private-key reader. Nothing of it is
//! ever printed; every failure is exit 3 and happens before anything is sent.

use std::path::Path;

use keymaterial::keys::DecryptionKey;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
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
