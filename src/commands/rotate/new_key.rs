//! The key a rotation puts in: read from `--jwk`/`--pem`, or `--generate`d (or taken from
//! the file an earlier `--generate` run wrote, or handed to `--private-key-command`).

use std::path::Path;

use crate::cli::RotateArgs;
use crate::commands::generate::{generate_to_file, hand_off, holds_more_than_remains};
use crate::commands::key_source::{KeySource, load_key};
use crate::error::{Error, Result};
use crate::output::Printer;
use crate::ring::Store;
use crate::rotate::NewKey;
use keymaterial::jwk::PublicKey;
use keymaterial::keys::DecryptionKey;

use super::handed_off::{HandedOff, Rotation};
use super::ring::{PrivateHalf, held_key};

/// Where a key handed to `--private-key-command` is noted until its rotation is done.
pub(super) struct HandOff<'a> {
    pub(super) store: Option<&'a HandedOff>,
    pub(super) rotation: Rotation<'a>,
    /// The servers named (none with `--all-auth-servers`: every ACTIVE one).
    pub(super) servers: Vec<String>,
}

/// The key material, and whether this run made it (generated and stored it now).
pub(super) struct Material {
    pub(super) key: PublicKey,
    pub(super) new_key: NewKey,
    pub(super) fresh: bool,
    /// With a ring: the new key's private half, for it.
    pub(super) half: Option<PrivateHalf>,
}

/// The public key to send, what the planner knows of it, and, with a ring, the private
/// half that goes into it. A generated private key is stored (file or command) before
/// anything is sent. `rings`: with a ring, the stores of the servers known now (where a
/// resumed `--generate --kid KID` finds the key it put in).
pub(super) async fn key_material(
    args: &RotateArgs,
    printer: &Printer,
    hand_off: &HandOff<'_>,
    rings: Option<&[Store]>,
) -> Result<Material> {
    let kid = args.kid.as_deref();
    let source = KeySource::from_flags(args.source.jwk.as_deref(), args.source.pem.as_deref());
    let file = args.source.jwk.as_deref().or(args.source.pem.as_deref());
    let mut fresh = false;
    let mut half = None;
    let key = match (source, file) {
        (Some(source), Some(file)) => {
            let key = load_key(source, kid).await?;
            if rings.is_some() {
                half = Some(PrivateHalf::from_file(file, &key)?);
            }
            key
        }
        _ if args.private_key_command.is_some() => {
            if rings.is_some() {
                return Err(Error::Usage(
                    "--generate with a ring puts the private key into the ring: drop \
                     --private-key-command (or the ring)"
                        .into(),
                ));
            }
            if let Some(key) = handed_off_before(hand_off, printer) {
                key
            } else if args.dry_run {
                let what = "it would be handed to --private-key-command".to_string();
                return Ok(not_generated_yet(&what, kid, printer));
            } else {
                let command = args.private_key_command.as_deref().unwrap_or_default();
                let key = stored_by_command(command, args.bits.bits(), printer).await?;
                note_handed_off(hand_off, &key, printer);
                fresh = true;
                key
            }
        }
        _ => match (args.private_key_out.as_deref(), rings) {
            (Some(path), _) => {
                fresh = !path.exists();
                match generated_key(path, args, printer, &hand_off.servers).await? {
                    Some(key) => {
                        if rings.is_some() {
                            half = Some(PrivateHalf::from_file(path, &key)?);
                        }
                        key
                    }
                    None => {
                        let what = format!("{} would be written", path.display());
                        return Ok(not_generated_yet(&what, kid, printer));
                    }
                }
            }
            (None, Some(rings)) => match for_the_ring(args, printer, rings).await? {
                Some((made, now)) => {
                    fresh = now;
                    let key = made.public()?;
                    half = Some(made);
                    key
                }
                None => {
                    let what = "its private half would go into the ring".to_string();
                    return Ok(not_generated_yet(&what, kid, printer));
                }
            },
            (None, None) => {
                return Err(Error::Usage(
                    "--generate needs somewhere to keep the private key: a ring (--ring PATH, \
                     or --ring-read-command and --ring-write-command), --private-key-out FILE \
                     or --private-key-command CMD"
                        .into(),
                ));
            }
        },
    };
    let new_key = NewKey {
        kid: key.effective_kid(kid),
        thumbprint: Some(key.thumbprint()),
    };
    Ok(Material {
        key,
        new_key,
        fresh: fresh && !args.dry_run,
        half,
    })
}

/// `--generate` into a ring: the key a ring already holds under `--kid` (a resumed run),
/// or a new one (kept in memory until it is in the ring; `true`: made now). `None` with
/// `--dry-run`.
async fn for_the_ring(
    args: &RotateArgs,
    printer: &Printer,
    rings: &[Store],
) -> Result<Option<(PrivateHalf, bool)>> {
    if let Some(kid) = args.kid.as_deref()
        && let Some((half, where_)) = held_key(rings, kid).await?
    {
        printer.note(format!(
            "Using the key of kid {} already in {where_} (an earlier run put it there); for a \
             new key, give another --kid.",
            crate::escape::escape(kid)
        ));
        return Ok(Some((half, false)));
    }
    if args.dry_run {
        return Ok(None);
    }
    let bits = args.bits.bits();
    let (secret, _) = crate::commands::generate::generate(bits).await?;
    let key = DecryptionKey::parse(&secret, "the generated key")?;
    drop(secret);
    printer.note(format!(
        "Generated a new {bits}-bit key: its private half goes into the ring, and is read \
         back, before anything is sent to Okta; it is written nowhere else."
    ));
    Ok(Some((PrivateHalf::new(&key)?, true)))
}

/// The key an unfinished run of this rotation handed to the same command: taken up
/// again, neither generated nor stored twice.
fn handed_off_before(hand_off: &HandOff<'_>, printer: &Printer) -> Option<PublicKey> {
    let store = hand_off.store?;
    let (key, at) = store.find(&hand_off.rotation, &hand_off.servers)?;
    printer.note(format!(
        "Using the key handed to --private-key-command at {at} by a run of this rotation \
         that did not finish (thumbprint {}): nothing is generated or stored again. (Noted \
         in {} until the key is ACTIVE; remove it there to generate a new key instead.)",
        key.thumbprint(),
        store.path().display()
    ));
    Some(key)
}

/// Note the key just handed off, so that running the same command again takes it up.
fn note_handed_off(hand_off: &HandOff<'_>, key: &PublicKey, printer: &Printer) {
    let noted = match hand_off.store {
        Some(store) => store.record(&hand_off.rotation, &hand_off.servers, key),
        None => Err("this platform has no data directory".into()),
    };
    if let Err(why) = noted {
        printer.failure(format!(
            "warning: cannot note the key handed off ({why}): if this run stops before the \
             rotation completes, running it again generates and stores another key"
        ));
    }
}

/// `--generate`: the key in an existing file (a re-run), or a new one written now, before
/// anything is sent. `None` with `--dry-run` when there is no file yet.
async fn generated_key(
    path: &Path,
    args: &RotateArgs,
    printer: &Printer,
    servers: &[String],
) -> Result<Option<PublicKey>> {
    if path.exists() {
        let key = existing_private_key(path, servers)?;
        printer.note(format!(
            "Using the private key already in {} (an earlier run wrote it; its public key has \
             the thumbprint {}{}); for a new key, give --private-key-out a new file.",
            path.display(),
            key.thumbprint(),
            args.kid
                .as_deref()
                .map(|kid| format!(" and goes in as kid {kid}"))
                .unwrap_or_default()
        ));
        return Ok(Some(key));
    }
    if args.dry_run {
        return Ok(None);
    }
    let bits = args.bits.bits();
    let (secret, key) = generate_to_file(path, bits, false).await?;
    drop(secret);
    printer.note(format!(
        "Wrote the new {bits}-bit private key to {} (PKCS#8 PEM, mode 0600).",
        path.display()
    ));
    Ok(Some(key))
}

/// `--generate --private-key-command`: a new key, piped to the command as PKCS#8 PEM;
/// nothing on disk. The command must succeed before anything is sent (exit 3 if not).
async fn stored_by_command(command: &str, bits: usize, printer: &Printer) -> Result<PublicKey> {
    let (secret, key) = crate::commands::generate::generate(bits).await?;
    let handed = hand_off(command, &secret, &[]).await;
    drop(secret);
    match handed {
        Ok(()) => {
            printer.note(format!(
                "Handed the new {bits}-bit private key (PKCS#8 PEM) to --private-key-command; \
                 nothing was written to disk."
            ));
            Ok(key)
        }
        Err(why) => Err(Error::config_hint(
            format!(
                "--private-key-command {why}; the new key was not stored, so nothing was sent \
                 to Okta: the server's keys are unchanged"
            ),
            "fix the command so it reads the PEM on its stdin to the end and exits 0 only \
             once the key is stored, then run the same command again; add --activate-when \
             to prove the resource server holds the key before it is activated",
        )),
    }
}

/// The key of a `--private-key-out` file an earlier run wrote: it must hold a private key
/// (a public key or a certificate there would put in a key nobody can decrypt with), and
/// only its owner may read it, as for the config file. Nothing is sent otherwise (exit 3).
fn existing_private_key(path: &Path, servers: &[String]) -> Result<PublicKey> {
    let name = path.display().to_string();
    crate::files::require_owner_only(path, &format!("the private key file {name}"))?;
    if !holds_more_than_remains(path) {
        return Err(Error::config_hint(
            format!(
                "--private-key-out {name} exists but holds no complete private key (empty or \
                 cut short: a run may have died while writing it)"
            ),
            format!(
                "if no key was added from it (`{}` shows its kid), remove the file and run \
                 the same command again; otherwise give --private-key-out a new file",
                crate::hint::command([
                    "keys",
                    "list",
                    "--auth-server",
                    servers.first().map_or("ID", String::as_str)
                ])
            ),
        ));
    }
    let bytes = zeroize::Zeroizing::new(
        crate::files::read_local(path).map_err(|why| Error::KeyFile(why.message(&name)))?,
    );
    Ok(keymaterial::pem::from_private_pem_bytes(&bytes, &name)?)
}

/// `--dry-run --generate`: the key does not exist yet, and nothing is stored. The plan
/// names it by the kid it will have.
fn not_generated_yet(store: &str, kid: Option<&str>, printer: &Printer) -> Material {
    let kid = kid.map_or_else(|| "(the new key's thumbprint)".to_string(), str::to_string);
    printer.note(format!("(dry run: no key generated; {store})"));
    let placeholder = PublicKey {
        kid: None,
        n: String::new(),
        e: String::new(),
    };
    Material {
        key: placeholder,
        new_key: NewKey {
            kid,
            thumbprint: None,
        },
        fresh: false,
        half: None,
    }
}
