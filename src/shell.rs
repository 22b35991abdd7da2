//! Commands the user gives oktakeys to run (`--activate-when`, `--on-retire`,
//! `--private-key-command`): through `sh -c`, with extra environment variables and,
//! optionally, bytes on stdin. Their stdout goes to oktakeys' stderr, so that oktakeys'
//! stdout stays data (`-o json`); their stderr is passed through.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

/// How a command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ended {
    Success,
    /// Why not, for messages: `exited with status 3`, `was killed by signal 9`,
    /// `ran longer than 10s`, `could not be started: …`.
    Failed(String),
}

/// Run `command` with `sh -c`. `limit` bounds how long it may run (it is killed then).
pub(crate) async fn run(
    command: &str,
    env: &[(&str, &str)],
    stdin: Option<&[u8]>,
    limit: Option<Duration>,
) -> Ended {
    let mut cmd = tokio::process::Command::new("sh");
    cmd.arg("-c")
        .arg(command)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::from(std::io::stderr()))
        .kill_on_drop(true);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Ended::Failed(format!("could not be started: {e}")),
    };
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A command that exits without reading all of its input fails on its own exit
        // status; a broken pipe here says nothing more.
        let _ = pipe.write_all(bytes).await;
        drop(pipe);
    }
    let waited = match limit {
        Some(limit) => match tokio::time::timeout(limit, child.wait()).await {
            Ok(status) => status,
            Err(_) => {
                let _ = child.kill().await;
                return Ended::Failed(format!(
                    "ran longer than {}",
                    crate::time::format_duration(limit)
                ));
            }
        },
        None => child.wait().await,
    };
    match waited {
        Ok(status) if status.success() => Ended::Success,
        Ok(status) => Ended::Failed(match status.code() {
            Some(code) => format!("exited with status {code}"),
            None => signal_of(&status),
        }),
        Err(e) => Ended::Failed(format!("could not be waited for: {e}")),
    }
}

fn signal_of(status: &std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("was killed by signal {sig}");
        }
    }
    format!("ended with {status}")
}
