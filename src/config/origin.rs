//! Precedence: where each setting's value came from, and the one rule that picks it.

use crate::cli::GlobalArgs;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A command-line flag, e.g. `--org-url`.
    Flag(&'static str),
    /// An environment variable, by name.
    Env(String),
    /// A key of the named profile in the config file.
    Profile(String),
    /// `default_profile` in the config file.
    DefaultProfile,
    /// The built-in `sandbox` profile.
    Sandbox,
    /// The built-in default.
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Flag(flag) => write!(f, "flag {flag}"),
            Origin::Env(var) => write!(f, "environment variable {var}"),
            Origin::Profile(name) => write!(f, "profile `{name}`"),
            Origin::DefaultProfile => f.write_str("default_profile in the config file"),
            Origin::Sandbox => f.write_str("the built-in sandbox profile"),
            Origin::Default => f.write_str("built-in default"),
        }
    }
}

/// The origin of each resolved setting; `None` where the setting has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origins {
    pub config_path: Origin,
    pub profile: Option<Origin>,
    pub org_url: Option<Origin>,
    pub auth_mode: Option<Origin>,
    pub credentials: Option<Origin>,
    pub auth_server: Option<Origin>,
    pub timeout: Origin,
    pub request_timeout: Origin,
    pub connect_timeout: Origin,
    pub max_retries: Origin,
    pub max_api_capacity: Origin,
    pub ca_cert: Option<Origin>,
}

/// The one place precedence is decided: the first candidate that has a value wins,
/// and brings its origin along. Callers list candidates highest first.
pub(super) fn first<T>(
    candidates: impl IntoIterator<Item = (Option<T>, Origin)>,
) -> Option<(T, Origin)> {
    candidates
        .into_iter()
        .find_map(|(value, origin)| value.map(|v| (v, origin)))
}

/// The origin of a clap arg that may also come from its environment variable (`env = …`).
pub(super) fn arg_origin(global: &GlobalArgs, id: &str, flag: &'static str) -> Origin {
    match global.env_origins.var(id) {
        Some(var) => Origin::Env(var.to_string()),
        None => Origin::Flag(flag),
    }
}
