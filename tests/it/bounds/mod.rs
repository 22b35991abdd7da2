//! Issue 17 items 4–6, through the binary: the user's commands (`token_command`,
//! `--private-key-command`, `--activate-when`, `--on-retire`) and `--jq` end within
//! `--timeout` with everything they started, their output read is capped; a private key
//! is trusted to a command only when it read all of it; and the smaller items. Every test
//! names its item.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::sandbox::ServedEnv;
use crate::common::*;

mod commands;
mod details;
mod hand_off;

/// A config whose profile `p` points at `org_url` and gets its token from `token_command`.
fn token_command_profile(env: &TestEnv, org_url: &str, token_command: &str) {
    let quoted = serde_json::to_string(token_command).unwrap();
    env.write_config(&format!(
        "[profiles.p]\norg_url = \"{org_url}\"\ntoken_command = {quoted}\n"
    ));
}

/// A shell snippet that starts `sleep 30` in the background, writes its pid to `file` and
/// waits for it: a command with a child of its own.
fn sleeper(file: &Path) -> String {
    format!("sleep 30 & echo $! > '{}'; wait", file.display())
}

/// The process whose pid `file` holds has ended (or is a zombie nobody reaped yet).
fn ended(file: &Path) -> bool {
    let pid = std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        .trim()
        .to_string();
    for _ in 0..100 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let alive = stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| !rest.trim_start().starts_with('Z'));
        if !alive {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Wait until `file` exists (a command started), at most 20 s.
fn wait_for(file: &Path) {
    for _ in 0..1000 {
        if std::fs::read_to_string(file).is_ok_and(|t| t.ends_with('\n')) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} never appeared", file.display());
}

fn terminate(child: &Child) {
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
}

fn spawned(cmd: &mut Command) -> Child {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}
