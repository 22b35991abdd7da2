//! `oktakeys keys ring export`: the ring's private keys in the clear, for a resource server
//! that wants them elsewhere. Reads the ring only (no request): the JWKS on stdout, never
//! on a terminal unless `--reveal`; or one PEM file per kid in a directory, each written
//! as the ring is (a temporary file beside it, then a rename; mode 0600).

use std::path::{Path, PathBuf};

use serde_json::json;

use super::required_location;
use crate::cli::{GlobalArgs, OutputFormat, RingExportArgs};
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::escape::escape;
use crate::output::Printer;
use crate::ring::{Location, Ring, Store};

pub(super) async fn run(
    global: &GlobalArgs,
    flag: Option<&str>,
    args: &RingExportArgs,
) -> Result<()> {
    let printer = Printer::new(global);
    // Local only: the profile's ring and server count, its org and credentials do not.
    let settings = Settings::resolve_to_show(global, flag, &ProcessEnv)?;
    let configured = required_location(&args.ring, &settings)?;
    let store = Store::new(
        for_server(&configured, settings.auth_server.as_deref())?,
        false,
    );
    let where_ = store.location().describe();
    let reveal = args.reveal;
    // Refused before the ring is read (and its passphrase asked for).
    if args.pem_dir.is_none() && printer.stdout_is_terminal() && !reveal {
        return Err(Error::Usage(format!(
            "not printing the private keys of {where_} on a terminal: redirect stdout to a \
             file or a pipe (`> ring.json`), write PEM files with --pem-dir DIR, or pass \
             --reveal to show them here"
        )));
    }
    let loaded = store.read().await?;
    if loaded.empty_store {
        printer.note(format!("{where_} does not exist yet: the ring is empty."));
    }
    match &args.pem_dir {
        None => {
            printer.data(loaded.ring.to_text().expose())?;
            printer.note(format!(
                "Exported {} private key(s) from {where_} (a private JWKS: keep it secret).",
                loaded.ring.keys().len()
            ));
            Ok(())
        }
        Some(dir) => pem_files(&printer, &loaded.ring, dir, &where_),
    }
}

/// The ring's location for the one server: `{server}` needs `--auth-server` (an id).
fn for_server(configured: &Location, server: Option<&str>) -> Result<Location> {
    match server {
        Some(id) => Ok(configured.for_server(id)),
        // A location that names no server is the same for every one.
        None if !configured.names_server() => Ok(configured.clone()),
        None => Err(Error::Usage(format!(
            "which authorization server? {} holds `{{server}}`: pass --auth-server ID (or set \
             auth_server in the profile, or OKTAKEYS_AUTH_SERVER)",
            configured.describe()
        ))),
    }
}

/// One PEM file per key, `DIR/KID.pem`; all file names are decided (and checked distinct)
/// before the first is written.
fn pem_files(printer: &Printer, ring: &Ring, dir: &Path, where_: &str) -> Result<()> {
    let mut planned: Vec<(&str, PathBuf)> = Vec::new();
    for key in ring.keys() {
        let path = dir.join(format!("{}.pem", file_stem(key.kid())));
        if let Some((other, _)) = planned.iter().find(|(_, p)| *p == path) {
            return Err(Error::Refused {
                message: format!(
                    "kid {} and kid {} both become the file name {}; nothing was written",
                    escape(other),
                    escape(key.kid()),
                    path.display()
                ),
                hint: Some("export the JWKS instead (without --pem-dir)".into()),
            });
        }
        planned.push((key.kid(), path));
    }
    if !dir.is_dir() {
        crate::files::create_private_dir(dir).map_err(|e| {
            Error::config(format!(
                "cannot create the directory {}: {e}",
                dir.display()
            ))
        })?;
    }
    for (key, (_, path)) in ring.keys().iter().zip(&planned) {
        let pem = key.pem()?;
        crate::files::replace_private(path, pem.expose().as_bytes()).map_err(|e| {
            Error::config_hint(
                format!("cannot write {}: {}", path.display(), e.source),
                "the directory must be writable; each file is replaced whole (a temporary \
                 file beside it, then a rename)",
            )
        })?;
    }
    printer.note(format!(
        "Wrote {} PEM file(s) from {where_} to {} (PKCS#8, mode 0600){}",
        planned.len(),
        dir.display(),
        match planned.is_empty() {
            true => ".".to_string(),
            false => format!(
                ": {}.",
                planned
                    .iter()
                    .map(|(kid, path)| format!(
                        "kid {} in {}",
                        escape(kid),
                        path.file_name().unwrap_or_default().to_string_lossy()
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    ));
    match printer.format {
        OutputFormat::Json => printer.json(&json!(
            planned
                .iter()
                .map(|(kid, path)| json!({"kid": kid, "file": path.display().to_string()}))
                .collect::<Vec<_>>()
        )),
        OutputFormat::Id => printer.data(
            &planned
                .iter()
                .map(|(_, path)| format!("{}\n", path.display()))
                .collect::<String>(),
        ),
        OutputFormat::Table => Ok(()),
    }
}

/// A kid made safe as a file name: every character but `A-Z a-z 0-9 . _ -` becomes `_`,
/// and so does a leading `.` (no hidden files, no `..`); at most 200 characters.
pub(crate) fn file_stem(kid: &str) -> String {
    let mut stem: String = kid
        .chars()
        .take(200)
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
            _ => '_',
        })
        .collect();
    if stem.starts_with('.') || stem.is_empty() {
        stem.replace_range(..stem.len().min(1), "_");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kids_become_safe_file_names() {
        assert_eq!(
            file_stem("F6VnTI5iXF6WrXfNCTCKe7cb_GBIBIv0N4XCLfEO83U"),
            "F6VnTI5iXF6WrXfNCTCKe7cb_GBIBIv0N4XCLfEO83U"
        );
        assert_eq!(file_stem("2026-11.enc"), "2026-11.enc");
        assert_eq!(file_stem("../etc/passwd"), "_._etc_passwd");
        assert_eq!(file_stem(".."), "_.");
        assert_eq!(file_stem(""), "_");
        assert_eq!(file_stem("a b/c\u{1b}é"), "a_b_c__");
        assert_eq!(file_stem(&"k".repeat(300)).len(), 200);
    }
}
