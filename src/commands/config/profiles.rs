//! `oktakeys config use NAME` and `config delete NAME`: the default profile, and a profile
//! removed. The file is edited in place under its lock (comments and other profiles kept)
//! and written atomically with mode 0600.

use std::path::Path;

use toml_edit::{DocumentMut, Item};

use super::file::{lock_config, parse_config, read_document, render, write_private};
use super::file_path;
use crate::cli::{DeleteProfileArgs, GlobalArgs};
use crate::config::{self, ConfigFile, SANDBOX_PROFILE};
use crate::error::{Error, Result};
use crate::output::Printer;

/// `config use NAME`: `default_profile = NAME`, for a profile of the file or the built-in
/// sandbox.
pub(super) fn use_profile(global: &GlobalArgs, printer: &Printer, name: &str) -> Result<()> {
    let path = file_path(global)?;
    let _lock = lock_config(&path)?;
    let current = read_document(&path)?;
    let is_new = current.is_none();
    let (doc, file) = current.unwrap_or_default();
    if !file.profiles.contains_key(name) && name != SANDBOX_PROFILE {
        return Err(unknown(name, &file, &path, global));
    }
    let (header, mut body) = split_header(&doc, &path)?;
    body["default_profile"] = toml_edit::value(name);
    write(&path, &header, &body, is_new)?;
    printer.note(format!(
        "The default profile is now `{name}` (in {}).",
        path.display()
    ));
    Ok(())
}

/// `config delete NAME`: its table goes; so does `default_profile` when it named it.
pub(super) async fn delete(
    global: &GlobalArgs,
    printer: &Printer,
    args: &DeleteProfileArgs,
) -> Result<()> {
    let name = args.name.as_str();
    let path = file_path(global)?;
    let Some((_, file)) = read_document(&path)? else {
        return Err(unknown(name, &ConfigFile::default(), &path, global));
    };
    if !file.profiles.contains_key(name) {
        return Err(unknown(name, &file, &path, global));
    }
    super::super::confirm(
        global,
        args.yes,
        &format!("Delete profile `{name}` from {}?", path.display()),
        &format!("not deleting profile `{name}`"),
    )
    .await?;
    // Asked outside the lock; read again under it, so another run's change is kept.
    let _lock = lock_config(&path)?;
    let Some((doc, file)) = read_document(&path)? else {
        return Err(unknown(name, &ConfigFile::default(), &path, global));
    };
    let (header, mut body) = split_header(&doc, &path)?;
    if let Some(profiles) = body.get_mut("profiles").and_then(Item::as_table_like_mut) {
        profiles.remove(name);
    }
    let was_default = file.default_profile.as_deref() == Some(name);
    if was_default {
        body.remove("default_profile");
    }
    write(&path, &header, &body, false)?;
    printer.note(format!("Deleted profile `{name}` from {}.", path.display()));
    if was_default {
        printer.note(format!(
            "It was the default profile: choose another with `{}`.",
            crate::hint::command_setting(&["--profile"], ["config", "use", "NAME"])
        ));
    }
    Ok(())
}

/// The file's leading comments (and blank lines), apart from the rest: in the document
/// they belong to whatever item comes first, and they stay at the top whatever the edit
/// does to that item.
fn split_header(doc: &DocumentMut, path: &Path) -> Result<(String, DocumentMut)> {
    let text = zeroize::Zeroizing::new(doc.to_string());
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with('#')) {
            break;
        }
        end += line.len();
    }
    let body = text[end..].parse::<DocumentMut>().map_err(|e| {
        Error::config(format!(
            "the config file {} is not valid TOML: {}",
            path.display(),
            e.message().trim_end()
        ))
    })?;
    Ok((text[..end].to_string(), body))
}

/// The header and the edited rest, checked as oktakeys reads them, written.
fn write(path: &Path, header: &str, body: &DocumentMut, is_new: bool) -> Result<()> {
    let text = zeroize::Zeroizing::new(format!("{header}{}", render(body, is_new)));
    parse_config(&text, path)?;
    write_private(path, &text)
}

/// No profile of that name: exit 3, with the file's profiles (or how to make one).
fn unknown(name: &str, file: &ConfigFile, path: &Path, global: &GlobalArgs) -> Error {
    config::unknown_profile(global, name, file, Some(path))
}
