//! `oktakeys config init|list|show|path`: profiles a person can create, see and trust.
//!
//! Secrets never reach the output: a stored token shows as `****`, a token source by its
//! name (`token_env=OKTA_PROD_TOKEN`), and `token_command` is never run to show anything.
//!
//! One file per concern: `path`, `list` and `show` are the read-only commands; `profiles`
//! is `use` and `delete` (the default profile, a profile gone); `init`
//! runs `config init` in order: `plan` decides what to write (from flags, else from
//! `prompt`), `file` edits the TOML, `verify` checks the credentials, `file` writes.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::cli::{ConfigArgs, ConfigCommand, GlobalArgs};
use crate::config::{self, Origin};
use crate::error::{Error, Result};
use crate::output::Printer;

mod file;
mod init;
mod list;
mod path;
mod plan;
mod profiles;
mod prompt;
mod show;
mod verify;

pub(crate) use show::{describe_service_app, describe_source};

/// How a stored token is shown.
pub const MASK: &str = "****";

pub async fn run(global: &GlobalArgs, args: ConfigArgs) -> Result<()> {
    let printer = Printer::new(global);
    match args.command {
        ConfigCommand::Path => path::run(global, &printer),
        ConfigCommand::List => list::run(global, &printer),
        ConfigCommand::Show(a) => show::run(global, &printer, &a),
        ConfigCommand::Init(a) => init::run(global, &printer, &a).await,
        ConfigCommand::Use(a) => profiles::use_profile(global, &printer, &a.name),
        ConfigCommand::Delete(a) => profiles::delete(global, &printer, &a).await,
    }
}

/// The config file in use, or a config error when the platform has none.
fn file_path(global: &GlobalArgs) -> Result<PathBuf> {
    config::config_path(global.config.as_deref()).ok_or_else(|| {
        Error::config_hint(
            "this platform has no config directory",
            "pass --config PATH or set OKTAKEYS_CONFIG",
        )
    })
}

pub(crate) fn origin_text(origin: &Origin, file: Option<&Path>) -> String {
    let file = file.map(|f| f.display().to_string()).unwrap_or_default();
    match origin {
        Origin::Flag(flag) => format!("flag {flag}"),
        Origin::Env(var) => format!("env {var}"),
        Origin::Profile(name) => format!("profile {name} in {file}"),
        Origin::DefaultProfile => format!("default_profile in {file}"),
        Origin::Sandbox => "built-in sandbox profile".into(),
        Origin::Default => "default".into(),
    }
}

fn origin_json(origin: &Origin, file: Option<&Path>) -> Value {
    let file = file.map(|f| f.display().to_string());
    match origin {
        Origin::Flag(flag) => json!({"kind": "flag", "flag": flag}),
        Origin::Env(var) => json!({"kind": "env", "var": var}),
        Origin::Profile(name) => json!({"kind": "profile", "profile": name, "file": file}),
        Origin::DefaultProfile => json!({"kind": "default_profile", "file": file}),
        Origin::Sandbox => json!({"kind": "sandbox"}),
        Origin::Default => json!({"kind": "default"}),
    }
}
