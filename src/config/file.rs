//! The config file: where it is, reading it, and parsing it (a token never shown).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::origin::{Origin, arg_origin};
use super::profile::Profile;
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};

/// The config file as written on disk.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// The config file path: `--config`/`OKTAKEYS_CONFIG` (clap merges both), else the
/// platform config dir. `None` only when the platform has no config dir.
pub fn config_path(flag: Option<&Path>) -> Option<PathBuf> {
    match flag {
        Some(p) => Some(p.to_path_buf()),
        None => dirs::config_dir().map(|d| d.join("oktakeys").join("config.toml")),
    }
}

/// Where [`config_path`]'s answer comes from.
pub fn config_path_origin(global: &GlobalArgs) -> Origin {
    match &global.config {
        Some(_) => arg_origin(global, "config", "--config"),
        None => Origin::Default,
    }
}

/// Read and parse the config file. A missing file is `Ok(None)` unless it was named
/// explicitly (then it is an error: the user asked for that file).
pub fn load_file(path: &Path, explicit: bool) -> Result<Option<ConfigFile>> {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(Some(why)) if why.is_missing() && !explicit => return Ok(None),
        Err(why) => {
            return Err(Error::config_hint(
                match why {
                    Some(why) => why.message(&format!("the config file {}", path.display())),
                    None => format!("the config file {} is not UTF-8 text", path.display()),
                },
                format!(
                    "check --config / OKTAKEYS_CONFIG, or create it with `{}`",
                    crate::hint::command_setting(
                        &["--config", "--profile", "--org-url", "--org-from"],
                        ["--config", &path.display().to_string(), "config", "init"]
                    )
                ),
            ));
        }
    };
    let file = parse_file(&text, path)?;
    if file.profiles.values().any(|p| p.token.is_some()) {
        check_private(path)?;
    }
    Ok(Some(file))
}

/// The config file's text, through the one reader of local files; `Err(None)`: not UTF-8.
pub(crate) fn read_text(
    path: &Path,
) -> std::result::Result<String, Option<crate::files::ReadFailure>> {
    let bytes = crate::files::read_local(path).map_err(Some)?;
    String::from_utf8(bytes).map_err(|_| None)
}

/// Parse config text. toml's Display quotes the offending line, which could be a token:
/// the error has only the message and the line number.
pub fn parse_file(text: &str, path: &Path) -> Result<ConfigFile> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .and_then(|span| text.get(..span.start))
            .map(|before| format!(" (line {})", before.matches('\n').count() + 1))
            .unwrap_or_default();
        Error::config(format!(
            "the config file {} is not valid{line}: {}",
            path.display(),
            e.message().trim_end()
        ))
    })
}

/// A config file that holds a token must not be readable by group or others (as ssh
/// refuses a private key with loose permissions).
fn check_private(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::config(format!("cannot stat {}: {e}", path.display())))?;
    if let Some(mode) = crate::files::loose_mode(&meta) {
        return Err(Error::config_hint(
            format!(
                "the config file {} holds a token but is readable by others (mode {mode:o}); refusing to use it",
                path.display(),
            ),
            format!(
                "run `chmod 600 {}`, or move the token out of the file (token_env, token_command)",
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_in_the_file_are_rejected() {
        let err = toml::from_str::<ConfigFile>("[profiles.p]\norg_ulr = \"x\"\n").unwrap_err();
        assert!(err.message().contains("org_ulr"), "{}", err.message());
    }

    #[cfg(unix)]
    #[test]
    fn a_token_in_a_readable_file_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[profiles.p]\norg_url = \"https://a.okta.com\"\ntoken = \"00secret\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_file(&path, true).unwrap_err();
        assert!(err.hint().unwrap().contains("chmod 600"));
        assert!(!format!("{err} {:?}", err.hint()).contains("00secret"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(load_file(&path, true).unwrap().is_some());
    }
}
