//! The commands a rotation runs: the gate before the activation (`--activate-when`) and
//! the hook after each deletion (`--on-retire`).

use std::path::PathBuf;
use std::time::Duration;

use super::key_view::KeyView;
use crate::env;
use crate::error::{Error, Result};
use crate::shell::{self, Command};
use crate::time::format_duration;

/// The rotation's commands, as the flags give them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hooks {
    pub(crate) activate_when: Option<String>,
    pub(crate) gate_interval: Duration,
    pub(crate) gate_timeout: Duration,
    pub(crate) on_retire: Option<String>,
    /// The new private key's file, when oktakeys holds it in one (`--private-key-out`).
    pub(crate) private_key_file: Option<PathBuf>,
}

impl Hooks {
    /// Run the gate until it exits 0, every `gate_interval`, for at most `gate_timeout`.
    /// A gate that never opens is exit 12 (the caller adds the resume command).
    pub(crate) async fn gate(
        &self,
        server: &str,
        kid: &str,
        key_id: &str,
        progress: &dyn Fn(String),
    ) -> Result<()> {
        let Some(command) = &self.activate_when else {
            return Ok(());
        };
        let file = self
            .private_key_file
            .as_ref()
            .map(|p| p.display().to_string());
        let mut vars = vec![
            (env::HOOK_AUTH_SERVER, server),
            (env::HOOK_NEW_KID, kid),
            (env::HOOK_NEW_KEY_ID, key_id),
        ];
        if let Some(file) = &file {
            vars.push((env::HOOK_PRIVATE_KEY_FILE, file));
        }
        let name = format!("--activate-when `{command}`");
        let start = tokio::time::Instant::now();
        let deadline = start + self.gate_timeout;
        let mut tries = 0u32;
        // On a terminal, after a second: `default: waiting for --activate-when (try 2), 12 s`.
        let live =
            crate::progress::start(Some(format!("{server}: waiting for --activate-when")), None);
        loop {
            tries += 1;
            live.detail(format!("try {tries}"));
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let gate = Command {
                env: &vars,
                // Killed with all it started when --gate-timeout runs out.
                limit: Some(left.max(Duration::from_secs(1))),
                ..Command::new(&name, command)
            };
            let why = match shell::run(&gate).await {
                Ok(_) => {
                    progress(format!(
                        "the gate opened (--activate-when exited 0, try {tries})"
                    ));
                    return Ok(());
                }
                Err(why) => why,
            };
            let next = tokio::time::Instant::now() + self.gate_interval;
            if next >= deadline {
                return Err(Error::GateClosed {
                    message: format!(
                        "the gate did not open: --activate-when {why} (try {tries}) and \
                         --gate-timeout {} has passed; key {key_id} (kid {kid}) stays INACTIVE \
                         and the old key stays ACTIVE",
                        format_duration(self.gate_timeout)
                    ),
                    hint: None,
                });
            }
            progress(format!(
                "the gate is closed (--activate-when {why}); trying again in {}",
                format_duration(self.gate_interval)
            ));
            tokio::time::sleep_until(next).await;
        }
    }

    /// After a key was deleted: `--on-retire`, so the job can destroy its private key.
    pub(crate) async fn retired(&self, server: &str, key: &KeyView) -> Result<()> {
        let Some(command) = &self.on_retire else {
            return Ok(());
        };
        let kid = key.kid.clone().unwrap_or_default();
        let vars = [
            (env::HOOK_AUTH_SERVER, server),
            (env::HOOK_RETIRED_KID, kid.as_str()),
            (env::HOOK_RETIRED_KEY_ID, key.id.as_str()),
        ];
        let name = format!(
            "--on-retire `{command}` for the deleted key {}",
            key.describe()
        );
        let hook = Command {
            env: &vars,
            ..Command::new(&name, command)
        };
        match shell::run(&hook).await {
            Ok(_) => Ok(()),
            Err(why) => Err(Error::Internal(format!(
                "key {} was deleted, but --on-retire {why}; destroy its private key yourself",
                key.describe()
            ))),
        }
    }
}
