//! The passphrase of an encrypted private key, from one source wherever a private key is
//! read or written: `OKTAKEYS_KEY_PASSPHRASE`, else a question on the terminal (no echo).
//! Never from a flag (it would show in `ps` and shell history).

use std::io::IsTerminal;

use crate::env;
use crate::error::{Error, Result};
use keymaterial::secret::Secret;

/// Why a passphrase is needed, for the question and the error.
pub(crate) enum Purpose<'a> {
    /// Reading `what` (an encrypted key).
    Read(&'a str),
    /// Encrypting a new key (asked twice).
    Encrypt,
    /// Encrypting a new key ring file (`--encrypt-ring`; asked twice).
    EncryptRing,
}

/// The passphrase, or a configuration error (exit 3) naming the variable.
pub(crate) fn passphrase(purpose: Purpose<'_>) -> Result<Secret> {
    if let Some(value) = std::env::var_os(env::KEY_PASSPHRASE).filter(|v| !v.is_empty()) {
        return value
            .into_string()
            .map(Secret::new)
            .map_err(|_| Error::config(format!("{} is not valid UTF-8", env::KEY_PASSPHRASE)));
    }
    let (question, what) = match &purpose {
        Purpose::Read(what) => (
            format!("Passphrase for {what}: "),
            format!("{what} is encrypted"),
        ),
        Purpose::Encrypt => (
            "Passphrase for the new private key: ".to_string(),
            "--encrypt needs a passphrase".to_string(),
        ),
        Purpose::EncryptRing => (
            "Passphrase for the key ring: ".to_string(),
            "--encrypt-ring needs a passphrase".to_string(),
        ),
    };
    let ci = std::env::var_os(env::CI).is_some_and(|v| !v.is_empty());
    // The question goes to the terminal itself (rpassword opens /dev/tty), so a key read
    // from stdin can still be opened.
    if ci || !std::io::stderr().is_terminal() {
        return Err(Error::config_hint(
            format!("{what}, and there is no terminal to ask for its passphrase on"),
            format!("set {} to the passphrase", env::KEY_PASSPHRASE),
        ));
    }
    let read = |q: &str| {
        rpassword::prompt_password(q)
            .map(Secret::new)
            .map_err(|e| Error::Aborted(format!("cannot read the passphrase: {e}")))
    };
    let first = read(&question)?;
    if first.is_empty() {
        return Err(Error::Aborted("no passphrase given".into()));
    }
    if matches!(purpose, Purpose::Encrypt | Purpose::EncryptRing) && read("Again: ")? != first {
        return Err(Error::Aborted("the two passphrases differ".into()));
    }
    Ok(first)
}
