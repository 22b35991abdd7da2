//! The choice of the profile a command uses: `--profile`/`OKTAKEYS_PROFILE`, the file's
//! `default_profile`, or the built-in `sandbox`.

use std::path::Path;

use super::file::ConfigFile;
use super::origin::{Origin, arg_origin, first};
use super::profile::{Profile, SANDBOX_PROFILE};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};

/// The profile a command uses: named by `--profile`/`OKTAKEYS_PROFILE` or the file's
/// `default_profile`, or none (then every value comes from flags and environment).
pub(super) struct ChosenProfile {
    pub(super) name: Option<String>,
    /// Where the name came from.
    pub(super) origin: Option<Origin>,
    pub(super) profile: Profile,
    /// The built-in `sandbox` profile (the file defines none of that name).
    pub(super) is_sandbox: bool,
}

impl ChosenProfile {
    pub(super) fn choose(
        global: &GlobalArgs,
        file: &ConfigFile,
        path: Option<&Path>,
    ) -> Result<Self> {
        let chosen = first([
            (
                global.profile.clone(),
                arg_origin(global, "profile", "--profile"),
            ),
            (file.default_profile.clone(), Origin::DefaultProfile),
        ]);
        let Some((name, origin)) = chosen else {
            return Ok(ChosenProfile {
                name: None,
                origin: None,
                profile: Profile::default(),
                is_sandbox: false,
            });
        };
        let (profile, is_sandbox) = match file.profiles.get(&name) {
            Some(p) => (p.clone(), false),
            None if name == SANDBOX_PROFILE => (Profile::default(), true),
            None => return Err(unknown_profile(&name, file, path)),
        };
        Ok(ChosenProfile {
            name: Some(name),
            origin: Some(origin),
            profile,
            is_sandbox,
        })
    }

    /// Where a value taken from the profile comes from.
    pub(super) fn value_origin(&self) -> Origin {
        match (&self.name, self.is_sandbox) {
            (Some(_), true) => Origin::Sandbox,
            (Some(name), false) => Origin::Profile(name.clone()),
            (None, _) => Origin::Default,
        }
    }
}

fn unknown_profile(name: &str, file: &ConfigFile, path: Option<&Path>) -> Error {
    let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
    let where_ = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the config file".into());
    let hint = if known.is_empty() {
        format!(
            "{where_} defines no profiles: create one with `oktakeys config init --profile {name}`, \
             or try `--profile sandbox` for a local sandbox"
        )
    } else {
        format!("profiles in {where_}: {}", known.join(", "))
    };
    Error::config_hint(format!("no profile named `{name}`"), hint)
}
