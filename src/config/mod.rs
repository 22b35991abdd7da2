//! Configuration: the TOML file, profiles, the environment, and their precedence.
//!
//! Everything is resolved once, before any HTTP, into one [`Settings`]:
//! flags > environment > profile > built-in defaults, except that a profile named with
//! `--profile` beats the environment for the settings it defines (`profile_first`). Credentials are resolved to a
//! *source* here (which variable, which command); reading the secret happens in `auth`,
//! only when a request is about to be sent.
//!
//! One file per concern: `file` reads and parses the config file, `profile` is a profile,
//! `chosen` the choice of one, `profile_first` the named profile's settings over the
//! environment's, `environment` the lookup of variables, `org_url` the org URL's
//! checks, `credentials` where a secret comes from, `origin` the precedence rule, and
//! `settings` puts them together.

mod chosen;
mod credentials;
mod environment;
mod file;
mod org_url;
mod origin;
mod profile;
mod profile_first;
mod settings;

pub(crate) use chosen::unknown_profile;
pub use credentials::{Credentials, PrivateKeySource, ServiceAppSettings, TokenSource};
pub use environment::{Environment, ProcessEnv};
pub(crate) use file::read_text;
pub use file::{ConfigFile, config_path, config_path_origin, load_file, parse_file};
pub use org_url::{is_loopback, parse_org_url, redact_userinfo};
pub use origin::Origin;
pub use profile::{Profile, SANDBOX_PROFILE, expand_home};
pub(crate) use profile::{SERVICE_APP_KEYS, TOKEN_KEYS, credential_key, sandbox_profile};
pub(crate) use settings::no_org_url;
pub use settings::{DEFAULT_TIMEOUT_SECS, HttpSettings, Settings, Target};
