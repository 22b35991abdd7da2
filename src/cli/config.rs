//! `oktakeys config init|list|show|path`: their arguments and help.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum, ValueHint};

use crate::env;
use crate::ids::parse_path_id;

#[derive(Debug, Args)]
#[command(after_help = "\
Profiles live in the config file (`oktakeys config path` prints where). Settings are taken
from, highest first: flags, environment variables, the profile, built-in defaults.

Examples:
  oktakeys config init --profile prod
  oktakeys config list
  oktakeys config show --profile prod
  $EDITOR \"$(oktakeys config path)\"")]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or update a profile: asks on a terminal, takes flags in scripts
    #[command(after_help = "\
On a terminal, asks for what the flags do not give: the org URL, the auth mode and where
the token comes from (an environment variable or a command, such as a password manager,
before storing the token in the file; a token is never echoed). Without a terminal (or
with --no-input) every value comes from flags: --profile, --org-url and one credential
source. No flag takes a secret: --token-stdin reads the token from stdin.

The file is written with mode 0600 (its directory, when created, 0700); other profiles and
comments are kept. Before writing, one read-only request checks the credentials: the key
list of --auth-server, or else the list of authorization servers. --no-verify skips it.

Examples:
  oktakeys config init --profile prod
  oktakeys config init --profile prod --org-url https://acme.okta.com \\
      --token-env OKTA_PROD_TOKEN --auth-server aus1a2b3c4d5e6f7g8h9 --default
  oktakeys config init --profile dev --org-url https://dev-123.oktapreview.com \\
      --token-command 'pass show okta/dev'
  pass show okta/ci | oktakeys config init --profile ci --org-url https://acme.okta.com \\
      --token-stdin
  oktakeys config init --profile svc --org-url https://acme.okta.com --auth private_key \\
      --client-id 0oa1b2c3d4 --private-key-file svc.pem --no-verify")]
    Init(InitArgs),

    /// List the profiles in the config file, the default marked, credentials masked
    #[command(after_help = "\
The CREDENTIALS column names the source (token_env=VAR, token_command=CMD, token=****,
private_key_file=FILE), never a secret. The built-in `sandbox` profile is listed when the
file does not define one.

Examples:
  oktakeys config list
  oktakeys config list -o json | jq -r '.[] | select(.default) | .name'
  oktakeys config list -o id")]
    List,

    /// Show the settings a command would use, and where each comes from
    #[command(after_help = "\
Each setting is shown with its source: a flag, an environment variable (named), the profile
in the config file, or the built-in default. Secrets are masked; token_command is not run.

Examples:
  oktakeys config show
  oktakeys config show --profile prod
  OKTA_ORG_URL=https://other.okta.com oktakeys config show -o json | jq .org_url")]
    Show(ShowArgs),

    /// Print the path of the config file in use (it may not exist yet)
    #[command(after_help = "\
The path comes from --config, else OKTAKEYS_CONFIG, else ~/.config/oktakeys/config.toml
(the platform's config directory).

Examples:
  oktakeys config path
  $EDITOR \"$(oktakeys config path)\"")]
    Path,

    /// Make a profile the default one (`default_profile` in the config file)
    #[command(after_help = "\
Commands without --profile (and without OKTAKEYS_PROFILE) use the default profile. The
built-in `sandbox` profile may be the default too. Other keys and comments are kept.

Examples:
  oktakeys config use prod
  oktakeys config use sandbox")]
    Use(UseArgs),

    /// Delete a profile from the config file (asks first; --yes in scripts)
    #[command(after_help = "\
Its whole table goes, a stored token with it. When it was the default profile,
`default_profile` goes too: choose another with `oktakeys config use NAME`. Other profiles
and comments are kept.

Examples:
  oktakeys config delete old-dev
  oktakeys config delete ci --yes")]
    Delete(DeleteProfileArgs),
}

#[derive(Debug, Args)]
pub struct UseArgs {
    /// The profile to make the default
    #[arg(value_name = "NAME")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct DeleteProfileArgs {
    /// The profile to delete
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Delete without asking
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// How oktakeys authenticates to Okta: `config init --auth`, a profile's `auth` key, and
/// (in the Okta SDKs' spelling) `OKTA_CLIENT_AUTHORIZATIONMODE`. The one place its names
/// are written: clap and serde take the same ones (a test checks), [`AuthMode::name`]
/// gives them, [`AuthMode::sdk_name`] the SDKs'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthMode {
    /// `Authorization: SSWS <API token>` (an Okta API token)
    Ssws,
    /// `Authorization: Bearer <access token>`
    Bearer,
    /// An OAuth 2.0 service app: client_credentials with private_key_jwt
    #[value(name = "private_key")]
    PrivateKey,
}

impl AuthMode {
    pub const ALL: [AuthMode; 3] = [AuthMode::Ssws, AuthMode::Bearer, AuthMode::PrivateKey];

    /// As `--auth` and the config file's `auth` spell it.
    pub fn name(self) -> &'static str {
        match self {
            AuthMode::Ssws => "ssws",
            AuthMode::Bearer => "bearer",
            AuthMode::PrivateKey => "private_key",
        }
    }

    /// As the Okta SDKs spell it, in `OKTA_CLIENT_AUTHORIZATIONMODE`.
    pub fn sdk_name(self) -> &'static str {
        match self {
            AuthMode::Ssws => "SSWS",
            AuthMode::Bearer => "Bearer",
            AuthMode::PrivateKey => "PrivateKey",
        }
    }

    /// A mode by its own name, exactly (`ssws`, `bearer`, `private_key`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// A mode by the SDKs' name or its own, ignoring case and surrounding blanks.
    pub fn from_sdk_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL.into_iter().find(|m| {
            m.sdk_name().eq_ignore_ascii_case(name) || m.name().eq_ignore_ascii_case(name)
        })
    }

    /// `SSWS, Bearer or PrivateKey`, for messages.
    pub fn sdk_names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|m| m.sdk_name()).collect();
        match names.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

#[derive(Debug, Clone, Args)]
#[group(id = "token_source", multiple = false)]
pub struct TokenSourceArgs {
    /// Read the token from this environment variable when a command runs (its name, not the token)
    #[arg(long, value_name = "VAR", group = "token_source")]
    pub token_env: Option<String>,

    /// Run this command and use its trimmed stdout as the token (e.g. a password manager)
    #[arg(long, value_name = "CMD", group = "token_source", value_hint = ValueHint::CommandString)]
    pub token_command: Option<String>,

    /// Read the token from stdin now and store it in the config file (mode 0600)
    #[arg(long, group = "token_source")]
    pub token_stdin: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    #[command(flatten)]
    pub token: TokenSourceArgs,

    /// How to authenticate [default: ssws]
    #[arg(long, value_enum, value_name = "MODE")]
    pub auth: Option<AuthMode>,

    /// The service app's client id (with --auth private_key)
    #[arg(long, value_name = "ID", conflicts_with = "token_source")]
    pub client_id: Option<String>,

    /// The service app's private key file, PEM or JWK, mode 0600 (with --auth private_key)
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "token_source",
        value_hint = ValueHint::FilePath
    )]
    pub private_key_file: Option<PathBuf>,

    /// The kid of the service app's key, if Okta holds more than one (with --auth private_key)
    #[arg(long, value_name = "KID", conflicts_with = "token_source")]
    pub key_id: Option<String>,

    /// Default authorization server for `keys` commands with this profile
    #[arg(long, value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,

    /// Make this the default profile (the first profile in a file becomes the default anyway)
    #[arg(long)]
    pub default: bool,

    /// Write the profile without checking the credentials against Okta
    #[arg(long)]
    pub no_verify: bool,

    /// Replace the profile's org URL and credentials if it exists, without asking
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Authorization server id, as `keys --auth-server` would take it
    #[arg(long, env = env::AUTH_SERVER, value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap, serde and `name()` agree on every mode's name, and the SDKs' names parse.
    #[test]
    fn auth_mode_names_agree() {
        for mode in AuthMode::ALL {
            assert_eq!(AuthMode::from_str(mode.name(), false), Ok(mode));
            let parsed: AuthMode =
                serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<
                    serde::de::value::Error,
                >::new(mode.name()))
                .unwrap();
            assert_eq!(parsed, mode);
            assert_eq!(AuthMode::from_name(mode.name()), Some(mode));
            assert_eq!(AuthMode::from_sdk_name(mode.sdk_name()), Some(mode));
            assert_eq!(
                AuthMode::from_sdk_name(&mode.sdk_name().to_lowercase()),
                Some(mode)
            );
        }
        assert_eq!(
            AuthMode::from_sdk_name(" privatekey "),
            Some(AuthMode::PrivateKey)
        );
        assert_eq!(
            AuthMode::from_sdk_name("private_key"),
            Some(AuthMode::PrivateKey)
        );
        assert_eq!(AuthMode::from_sdk_name("oauth"), None);
        assert_eq!(AuthMode::sdk_names(), "SSWS, Bearer or PrivateKey");
    }
}
