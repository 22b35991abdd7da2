//! A profile of the config file and the keys that name its credentials.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::AuthMode;
use keymaterial::secret::Secret;

/// The profile name that starts a local sandbox when no profile of that name is configured.
pub const SANDBOX_PROFILE: &str = "sandbox";

/// The built-in `sandbox` profile: the sandbox's `default` server is its authorization
/// server, as for a configured profile's `auth_server` (flags and environment beat it).
pub(crate) fn sandbox_profile() -> Profile {
    Profile {
        auth_server: Some(oktakeys_sandbox::DEFAULT_AUTH_SERVER.to_string()),
        ..Profile::default()
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub org_url: Option<String>,
    pub auth_server: Option<String>,
    pub auth: Option<AuthMode>,
    pub token: Option<Secret>,
    pub token_env: Option<String>,
    pub token_command: Option<String>,
    pub timeout: Option<u64>,
    pub request_timeout: Option<u64>,
    pub connect_timeout: Option<u64>,
    pub max_retries: Option<u32>,
    pub max_api_capacity: Option<u8>,
    pub ca_cert: Option<PathBuf>,
    // OAuth 2.0 service app (auth = "private_key").
    pub client_id: Option<String>,
    pub private_key_file: Option<PathBuf>,
    pub private_key_env: Option<String>,
    pub private_key_command: Option<String>,
    pub key_id: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub dpop: Option<bool>,
    /// The resource server's key ring (`keys ring`, `--ring`): a file; `{server}` is the
    /// server's id.
    pub ring: Option<PathBuf>,
    /// The ring in a secret store instead: the command printing it (`--ring-read-command`).
    pub ring_read_command: Option<String>,
    /// The command storing the ring given on its stdin (`--ring-write-command`).
    pub ring_write_command: Option<String>,
}

/// The names of a profile's credential keys (the fields of [`Profile`] above), for the
/// code that writes, lists or describes them.
pub(crate) mod credential_key {
    pub(crate) const TOKEN: &str = "token";
    pub(crate) const TOKEN_ENV: &str = "token_env";
    pub(crate) const TOKEN_COMMAND: &str = "token_command";
    pub(crate) const CLIENT_ID: &str = "client_id";
    pub(crate) const PRIVATE_KEY_FILE: &str = "private_key_file";
    pub(crate) const PRIVATE_KEY_ENV: &str = "private_key_env";
    pub(crate) const PRIVATE_KEY_COMMAND: &str = "private_key_command";
    pub(crate) const KEY_ID: &str = "key_id";
}

/// The keys of a token source (`auth = "ssws"` or `"bearer"`), in the order they are used.
pub(crate) const TOKEN_KEYS: [&str; 3] = [
    credential_key::TOKEN,
    credential_key::TOKEN_ENV,
    credential_key::TOKEN_COMMAND,
];

/// The keys of a service app (`auth = "private_key"`), in the order they are shown.
pub(crate) const SERVICE_APP_KEYS: [&str; 5] = [
    credential_key::CLIENT_ID,
    credential_key::PRIVATE_KEY_FILE,
    credential_key::PRIVATE_KEY_ENV,
    credential_key::PRIVATE_KEY_COMMAND,
    credential_key::KEY_ID,
];

/// `~/…` in a configured path means the home directory.
pub fn expand_home(path: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) if path.starts_with("~/") || path == Path::new("~") => {
            dirs::home_dir().map_or_else(|| path.to_path_buf(), |home| home.join(rest))
        }
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_is_expanded_only_at_the_start() {
        let home = dirs::home_dir().unwrap();
        assert_eq!(expand_home(Path::new("~/a.pem")), home.join("a.pem"));
        assert_eq!(
            expand_home(Path::new("/x/~/a.pem")),
            Path::new("/x/~/a.pem")
        );
        assert_eq!(
            expand_home(Path::new("~bob/a.pem")),
            Path::new("~bob/a.pem")
        );
    }

    /// Every credential key names a field of `Profile` (the file refuses unknown keys).
    #[test]
    fn credential_keys_are_profile_keys() {
        for key in TOKEN_KEYS.iter().chain(&SERVICE_APP_KEYS) {
            let parsed: std::result::Result<Profile, _> = toml::from_str(&format!("{key} = \"x\""));
            assert!(parsed.is_ok(), "{key}: {parsed:?}");
        }
    }
}
