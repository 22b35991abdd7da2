//! The choice of the profile a command uses: `--profile`/`OKTAKEYS_PROFILE`, the file's
//! `default_profile`, or the built-in `sandbox`.

use std::path::Path;

use super::file::ConfigFile;
use super::origin::{Origin, arg_origin, first};
use super::profile::{Profile, SANDBOX_PROFILE, sandbox_profile};
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
    /// The profiles the config file defines (none when there is no file), for hints.
    in_file: Vec<String>,
    /// `oktakeys config init`, with the run's `--config` when it named one.
    init_command: String,
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
        let in_file: Vec<String> = file.profiles.keys().cloned().collect();
        let init_command = init_command(global, path);
        let Some((name, origin)) = chosen else {
            return Ok(ChosenProfile {
                name: None,
                origin: None,
                profile: Profile::default(),
                is_sandbox: false,
                in_file,
                init_command,
            });
        };
        let (profile, is_sandbox) = match file.profiles.get(&name) {
            Some(p) => (p.clone(), false),
            None if name == SANDBOX_PROFILE => (sandbox_profile(), true),
            None => return Err(unknown_profile(global, &name, file, path)),
        };
        Ok(ChosenProfile {
            name: Some(name),
            origin: Some(origin),
            profile,
            is_sandbox,
            in_file,
            init_command,
        })
    }

    /// The hint when no profile is chosen and `what` is missing: the file's profiles when
    /// it has some, else `oktakeys config init` (the first run), and the built-in sandbox.
    pub(super) fn no_profile_hint(&self, what: &str) -> String {
        if self.in_file.is_empty() {
            format!(
                "create a profile with `{}`, or {what}; `--profile sandbox` tries a local sandbox",
                self.init_command
            )
        } else {
            format!(
                "choose a profile with --profile ({}), or {what}",
                self.in_file.join(", ")
            )
        }
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

/// `oktakeys config init` as it runs for this config file: with `--config PATH` when the
/// path came from the flag (`OKTAKEYS_CONFIG` stays in the environment by itself).
fn init_command(global: &GlobalArgs, path: Option<&Path>) -> String {
    let from_flag = global.config.is_some()
        && matches!(arg_origin(global, "config", "--config"), Origin::Flag(_));
    match path.filter(|_| from_flag) {
        Some(path) => crate::hint::command_setting(
            &["--config", "--profile", "--org-url", "--org-from"],
            ["--config", &path.display().to_string(), "config", "init"],
        ),
        None => crate::hint::command_setting(
            &["--config", "--profile", "--org-url", "--org-from"],
            ["config", "init"],
        ),
    }
}

/// No profile `name` in the file: exit 3, naming the file's profiles, or how to create one.
pub(crate) fn unknown_profile(
    global: &GlobalArgs,
    name: &str,
    file: &ConfigFile,
    path: Option<&Path>,
) -> Error {
    let init = init_command(global, path);
    let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
    let where_ = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the config file".into());
    let hint = if known.is_empty() {
        format!(
            "{where_} defines no profiles: create one with `{init} --profile {}`, \
             or try `--profile sandbox` for a local sandbox",
            crate::escape::shell_quote(name)
        )
    } else {
        format!("profiles in {where_}: {}", known.join(", "))
    };
    Error::config_hint(format!("no profile named `{name}`"), hint)
}
