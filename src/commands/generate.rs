//! `oktakeys keys generate`: an RSA key pair, the private half to a 0600 file (PKCS#8 PEM,
//! encrypted with `--encrypt`, or a private JWK) or to a command's stdin, the public JWK to
//! stdout. No profile, no network.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use keymaterial::private_out;

use crate::cli::{GenerateArgs, GlobalArgs, Kdf, PrivateKeyFormat};
use crate::error::{Error, Result};
use crate::files;
use crate::output::Printer;
use crate::passphrase::{Purpose, passphrase};
use crate::shell;
use keymaterial::jwk::PublicKey;
use keymaterial::secret::Secret;

pub(crate) async fn run(global: &GlobalArgs, args: &GenerateArgs) -> Result<()> {
    let printer = Printer::new(global);
    if args.encrypt && args.private_key_format == PrivateKeyFormat::Jwk {
        return Err(Error::Usage(
            "--encrypt writes an encrypted PKCS#8 PEM; it cannot be used with \
             --private-key-format jwk"
                .into(),
        ));
    }
    let bits = args.bits.bits();
    if let Some(path) = &args.private_key_out {
        check_target(path, args.force)?;
    }
    // Asked before the (slow) generation, so a mistake costs nothing.
    let passphrase = args
        .encrypt
        .then(|| passphrase(Purpose::Encrypt))
        .transpose()?;
    let (pem, public) = generate(bits).await?;
    let (secret, form) = match (args.private_key_format, &passphrase) {
        (PrivateKeyFormat::Jwk, _) => (private_out::private_jwk(&pem, &args.kid)?, "private JWK"),
        (PrivateKeyFormat::Pem, Some(pass)) => (
            private_out::encrypt_pkcs8_pem(&pem, pass, kdf(args.kdf))?,
            "encrypted PKCS#8 PEM",
        ),
        (PrivateKeyFormat::Pem, None) => (pem, "PKCS#8 PEM"),
    };
    match (&args.private_key_out, &args.private_key_command) {
        (Some(path), _) => {
            write_private_key(path, &secret, args.force)?;
            printer.note(format!(
                "Wrote the {bits}-bit private key to {} ({form}, mode 0600). Keep it secret: \
                 it decrypts the access tokens encrypted with kid `{}`.",
                path.display(),
                args.kid
            ));
        }
        (None, Some(command)) => match hand_off(command, &secret, &[]).await {
            Ok(()) => printer.note(format!(
                "Handed the {bits}-bit private key ({form}) to --private-key-command; \
                     nothing was written to disk. It decrypts the access tokens encrypted \
                     with kid `{}`.",
                args.kid
            )),
            Err(why) => {
                return Err(Error::config_hint(
                    format!(
                        "--private-key-command {why}: the private key was not stored, and \
                             no public key is printed"
                    ),
                    "fix the command (it must read the key on its stdin to the end and \
                         exit 0), then run again",
                ));
            }
        },
        (None, None) => {
            return Err(Error::Usage(
                "pass --private-key-out FILE or --private-key-command CMD".into(),
            ));
        }
    }
    drop(secret);
    // Compact when piped (`| oktakeys keys add --jwk -`), pretty on a terminal.
    printer.json(&public_jwk(&public, &args.kid))
}

/// A new RSA key pair, made on a blocking thread: the seconds it can take stay
/// interruptible (Ctrl-C is 130, SIGTERM 143, each with a message) and within `--timeout`.
pub(crate) async fn generate(bits: usize) -> Result<(Secret, PublicKey)> {
    let _doing = crate::deadline::doing(format!("generating the {bits}-bit RSA key"));
    tokio::task::spawn_blocking(move || keymaterial::generate::generate(bits))
        .await
        .map_err(|e| Error::Internal(format!("key generation failed: {e}")))?
        .map_err(Error::from)
}

/// Hand a private key to `--private-key-command` on its stdin. Trusted only when the
/// command read all of it and exited 0: one that ignores its input (`echo stored-ok`)
/// cannot have stored the key. `Err` says why not, after the flag's name.
pub(crate) async fn hand_off(
    command: &str,
    key: &Secret,
    env: &[(&str, &str)],
) -> std::result::Result<(), String> {
    let name = format!("--private-key-command `{command}`");
    let cmd = shell::Command {
        stdin: Some(key.expose().as_bytes()),
        env,
        ..shell::Command::new(&name, command)
    };
    match shell::run(&cmd).await {
        Ok(done) if done.read_all_input => Ok(()),
        Ok(_) => Err(
            "exited 0 without reading the whole private key from its stdin, \
                      so it cannot have stored it"
                .into(),
        ),
        Err(why) => Err(why.to_string()),
    }
}

fn kdf(kdf: Kdf) -> private_out::Kdf {
    match kdf {
        Kdf::Scrypt => private_out::Kdf::Scrypt,
        Kdf::Pbkdf2 => private_out::Kdf::Pbkdf2,
    }
}

/// Generate a key pair and write the private key to `path` (see [`write_private_key`]).
/// Checks the path before the (slow) generation, so a mistake costs nothing.
pub(crate) async fn generate_to_file(
    path: &Path,
    bits: usize,
    force: bool,
) -> Result<(Secret, PublicKey)> {
    check_target(path, force)?;
    let (secret, public) = generate(bits).await?;
    write_private_key(path, &secret, force)?;
    Ok((secret, public))
}

/// The public JWK `keys generate` prints: `{kty, use, kid, e, n}`.
fn public_jwk(key: &PublicKey, kid: &str) -> Value {
    json!({
        "kty": "RSA",
        "use": "enc",
        "kid": kid,
        "e": key.e,
        "n": key.n,
    })
}

fn check_target(path: &Path, force: bool) -> Result<()> {
    if path.as_os_str() == "-" {
        return Err(Error::Usage(
            "--private-key-out -: the private key is never written to stdout; give a file path"
                .into(),
        ));
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::KeyFile(format!(
            "--private-key-out {}: is a directory; give a file path",
            path.display()
        ))),
        Ok(_) if !force => Err(exists(path)),
        _ => {
            let parent = parent_dir(path);
            if parent.is_dir() {
                Ok(())
            } else {
                Err(Error::KeyFile(format!(
                    "--private-key-out {}: the directory {} does not exist",
                    path.display(),
                    parent.display()
                )))
            }
        }
    }
}

fn exists(path: &Path) -> Error {
    if !holds_more_than_remains(path) {
        return Error::config_hint(
            format!(
                "--private-key-out {}: the file exists but holds no complete key (empty or cut \
                 short: a run may have died while writing it)",
                path.display()
            ),
            "if no public key was used from that run, remove the file and run again, or pass \
             --force to replace it",
        );
    }
    Error::KeyFile(format!(
        "--private-key-out {}: the file exists; it may be a key still in use. \
         Choose another file, or pass --force to replace it",
        path.display()
    ))
}

/// Does `path` hold something other than the remains of a run that died while writing
/// it (nothing, or a PEM or JWK cut short)? Unreadable or anything else counts as yes:
/// such a file is left alone as a key that may be in use.
pub(crate) fn holds_more_than_remains(path: &Path) -> bool {
    let Ok(bytes) = crate::files::read_local(path) else {
        return true;
    };
    let bytes = zeroize::Zeroizing::new(bytes);
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim();
    let cut_pem = text.starts_with("-----BEGIN") && !text.contains("-----END");
    let cut_jwk =
        text.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err();
    !(text.is_empty() || cut_pem || cut_jwk)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write the private key: to a new 0600 file beside the target, then given the target's
/// name, so the target is at every moment absent (or the old key) or the complete new one,
/// whenever the process dies. Without `force` an existing file is never touched.
fn write_private_key(path: &Path, key: &Secret, force: bool) -> Result<()> {
    let io_err = |what: &str, p: &Path, e: std::io::Error| {
        Error::KeyFile(format!(
            "--private-key-out {}: cannot {what}: {e}",
            p.display()
        ))
    };
    let written = match force {
        true => files::replace_private(path, key.expose().as_bytes()),
        false => files::create_private_complete(path, key.expose().as_bytes()),
    };
    written.map_err(|e| match e.temporary {
        Some(tmp) => io_err("create a temporary file", &tmp, e.source),
        None if e.source.kind() == std::io::ErrorKind::AlreadyExists => exists(path),
        None => io_err("write the file", path, e.source),
    })
}
