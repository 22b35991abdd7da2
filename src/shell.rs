//! Commands the user gives oktakeys to run (`token_command`, `--private-key-command`,
//! `--activate-when`, `--on-retire`, a key store's commands): through `sh -c`, every one
//! the same way:
//! - in a process group of its own, killed as a group (SIGKILL) when it runs past its
//!   limit, when the run is dropped (the whole command's `--timeout`, Ctrl-C, SIGTERM:
//!   `lib::run` drops the command's future), and after it exits (whatever it left
//!   behind), so nothing it started outlives oktakeys;
//! - its captured stdout read up to [`MAX_OUTPUT`] (beyond: killed, [`Failure::TooMuchOutput`]);
//! - bytes for its stdin, with whether it read them all ([`Finished::read_all_input`]).
//!
//! While one runs, the whole command's deadline (`crate::deadline`) names it, so a
//! timeout's report says what was still running.

use std::fmt;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use zeroize::Zeroizing;

/// The most a captured stdout may hold (a token, a private key, a key store's answer).
pub(crate) const MAX_OUTPUT: usize = 1024 * 1024;

/// Where the command's stdout goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stdout {
    /// Read by oktakeys (at most [`MAX_OUTPUT`]), returned in [`Finished::stdout`].
    Capture,
    /// To oktakeys' stderr, so that oktakeys' stdout stays data (`-o json`).
    ToStderr,
}

/// One command to run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Command<'a> {
    /// How messages name it, e.g. "--activate-when `./probe.sh`".
    pub(crate) name: &'a str,
    /// The shell text (`sh -c`).
    pub(crate) script: &'a str,
    /// Extra environment variables.
    pub(crate) env: &'a [(&'a str, &'a str)],
    /// Bytes written to its stdin, then closed; `None`: stdin is /dev/null.
    pub(crate) stdin: Option<&'a [u8]>,
    pub(crate) stdout: Stdout,
    /// Its own limit (the gate's `--gate-timeout`), besides the whole command's deadline.
    pub(crate) limit: Option<Duration>,
}

impl<'a> Command<'a> {
    /// `script`, named `name` in messages: no environment, no stdin, stdout to stderr,
    /// no limit of its own.
    pub(crate) fn new(name: &'a str, script: &'a str) -> Self {
        Command {
            name,
            script,
            env: &[],
            stdin: None,
            stdout: Stdout::ToStderr,
            limit: None,
        }
    }
}

/// A command that exited 0.
#[derive(Debug)]
pub(crate) struct Finished {
    /// What it printed, with [`Stdout::Capture`] (empty otherwise); wiped when dropped.
    pub(crate) stdout: Zeroizing<Vec<u8>>,
    /// Given stdin bytes: did it read every one of them? (Always true without.)
    pub(crate) read_all_input: bool,
}

/// Why a command did not exit 0. `Display` reads after its name: "`x` exited with
/// status 3".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    NotStarted(String),
    Exited(i32),
    Signalled(i32),
    /// Ran longer than its own limit (and was killed).
    TimedOut(Duration),
    /// Printed more than [`MAX_OUTPUT`] on a captured stdout (and was killed).
    TooMuchOutput,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NotStarted(e) => write!(f, "could not be started: {e}"),
            Failure::Exited(code) => write!(f, "exited with status {code}"),
            Failure::Signalled(sig) => write!(f, "was killed by signal {sig}"),
            Failure::TimedOut(limit) => write!(
                f,
                "ran longer than {} and was stopped",
                crate::time::format_duration(*limit)
            ),
            Failure::TooMuchOutput => write!(
                f,
                "printed more than {} MiB and was stopped",
                MAX_OUTPUT / (1024 * 1024)
            ),
        }
    }
}

/// Run `cmd` to its end (see the module's comment).
pub(crate) async fn run(cmd: &Command<'_>) -> Result<Finished, Failure> {
    let _doing = crate::deadline::doing(format!("running {}", cmd.name));
    let mut command = tokio::process::Command::new("sh");
    command
        .arg("-c")
        .arg(cmd.script)
        .envs(cmd.env.iter().copied())
        .stdout(match cmd.stdout {
            Stdout::Capture => Stdio::piped(),
            Stdout::ToStderr => Stdio::from(std::io::stderr()),
        })
        .kill_on_drop(true);
    #[cfg(unix)]
    command.process_group(0);
    let input = match cmd.stdin {
        Some(bytes) => {
            let (reader, writer) =
                std::io::pipe().map_err(|e| Failure::NotStarted(format!("no pipe: {e}")))?;
            let ours = reader
                .try_clone()
                .map_err(|e| Failure::NotStarted(format!("no pipe: {e}")))?;
            command.stdin(reader);
            Some((ours, writer, bytes))
        }
        None => {
            command.stdin(Stdio::null());
            None
        }
    };
    let mut child = command
        .spawn()
        .map_err(|e| Failure::NotStarted(e.to_string()))?;
    // It holds the child's end of the stdin pipe: ours must be the only copy left.
    drop(command);
    // Dropped on every way out of here: kills what is left of the group.
    let group = Group(child.id());
    // The input is written beside the wait, without blocking: a command that never reads
    // it must not hold us up. Our own copy of the pipe's read end tells, once the command
    // has ended, whether it left any of the input unread.
    let (probe, writing) = match input {
        Some((probe, writer, bytes)) => (Some(probe), Some(write_input(writer, bytes))),
        None => (None, None),
    };
    let stdout = child.stdout.take();
    let ran = async {
        let reading = async {
            let read = read_capped(stdout).await;
            if read.is_err() {
                kill_group(group.0);
            }
            read
        };
        let waiting = async {
            let wait = child.wait();
            tokio::pin!(wait);
            let mut wrote = None;
            let mut writing = std::pin::pin!(async move {
                match writing {
                    Some(w) => w.await,
                    None => std::future::pending().await,
                }
            });
            let status = loop {
                tokio::select! {
                    w = &mut writing, if wrote.is_none() => wrote = Some(w),
                    status = &mut wait => break status,
                }
            };
            // Whatever it left behind goes too, so a captured stdout ends.
            kill_group(group.0);
            // A command that read its input to the end saw it closed, which happens only
            // once all of it was written: an unfinished write means input left unread.
            (status, wrote == Some(true))
        };
        tokio::join!(reading, waiting)
    };
    let (read, (status, wrote_all)) = match cmd.limit {
        Some(limit) => tokio::time::timeout(limit, ran)
            .await
            .map_err(|_| Failure::TimedOut(limit))?,
        None => ran.await,
    };
    let status = status.map_err(|e| Failure::NotStarted(format!("cannot wait for it: {e}")))?;
    let stdout = read?;
    if !status.success() {
        return Err(exit_failure(&status));
    }
    let read_all_input = match &probe {
        Some(probe) => wrote_all && bytes_in_pipe(probe) == Some(0),
        None => true,
    };
    Ok(Finished {
        stdout,
        read_all_input,
    })
}

/// Write `bytes` to the command's stdin and close it; whether all of them went in.
async fn write_input(writer: std::io::PipeWriter, bytes: &[u8]) -> bool {
    use tokio::io::AsyncWriteExt;
    let Ok(mut pipe) = tokio::net::unix::pipe::Sender::from_owned_fd(writer.into()) else {
        return false;
    };
    pipe.write_all(bytes).await.is_ok()
    // Dropped here: the command sees the end of its input.
}

/// Read a captured stdout to its end, at most [`MAX_OUTPUT`] bytes.
async fn read_capped(
    stdout: Option<tokio::process::ChildStdout>,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let mut out = Zeroizing::new(Vec::new());
    let Some(stdout) = stdout else {
        return Ok(out);
    };
    let mut limited = stdout.take(MAX_OUTPUT as u64 + 1);
    let mut chunk = Zeroizing::new(vec![0u8; 16 * 1024]);
    loop {
        match limited.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => {
                // Grown by hand so no copy of the secret is left behind by a realloc.
                if out.len() + n > out.capacity() {
                    let mut bigger = Zeroizing::new(Vec::with_capacity((out.len() + n) * 2));
                    bigger.extend_from_slice(&out);
                    out = bigger;
                }
                out.extend_from_slice(&chunk[..n]);
            }
            Err(_) => break,
        }
        if out.len() > MAX_OUTPUT {
            return Err(Failure::TooMuchOutput);
        }
    }
    Ok(out)
}

fn exit_failure(status: &std::process::ExitStatus) -> Failure {
    if let Some(code) = status.code() {
        return Failure::Exited(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Failure::Signalled(sig);
        }
    }
    Failure::NotStarted(format!("ended with {status}"))
}

/// The command's process group (its id is the command's pid), killed when dropped.
struct Group(Option<u32>);

impl Drop for Group {
    fn drop(&mut self) {
        kill_group(self.0);
    }
}

/// SIGKILL to every process of the group. Harmless when none is left.
pub(crate) fn kill_group(pgid: Option<u32>) {
    #[cfg(unix)]
    if let Some(pgid) = pgid.and_then(|p| i32::try_from(p).ok())
        && pgid > 1
    {
        // SAFETY: kill(2) takes plain integers; a negative pid names a process group.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pgid;
}

/// How many bytes wait in the pipe that `probe` is a read end of (`None`: unknown).
fn bytes_in_pipe(probe: &std::io::PipeReader) -> Option<usize> {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let mut n: libc::c_int = 0;
        // SAFETY: FIONREAD writes one c_int through the pointer, which is valid.
        let rc = unsafe { libc::ioctl(probe.as_raw_fd(), libc::FIONREAD, &mut n) };
        (rc == 0).then(|| usize::try_from(n).unwrap_or(0))
    }
    #[cfg(not(unix))]
    {
        let _ = probe;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture<'a>(script: &'a str, stdin: Option<&'a [u8]>) -> Command<'a> {
        Command {
            stdout: Stdout::Capture,
            stdin,
            ..Command::new("test", script)
        }
    }

    #[tokio::test]
    async fn captures_stdout_and_reports_exits() {
        let done = run(&capture("printf 'tok\\n'", None)).await.unwrap();
        assert_eq!(&done.stdout[..], b"tok\n");
        assert_eq!(
            run(&capture("exit 3", None)).await.unwrap_err(),
            Failure::Exited(3)
        );
        assert_eq!(
            run(&capture("kill -9 $$", None)).await.unwrap_err(),
            Failure::Signalled(9)
        );
    }

    #[tokio::test]
    async fn output_beyond_the_cap_stops_the_command() {
        let err = run(&capture("yes", None)).await.unwrap_err();
        assert_eq!(err, Failure::TooMuchOutput);
        assert!(err.to_string().contains("more than 1 MiB"), "{err}");
    }

    #[tokio::test]
    async fn tells_whether_the_input_was_read() {
        let key = b"-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n";
        let read = run(&capture("cat >/dev/null", Some(key))).await.unwrap();
        assert!(read.read_all_input);
        let ignored = run(&capture("echo stored-ok", Some(key))).await.unwrap();
        assert!(!ignored.read_all_input);
        let half = run(&capture("head -c 5 >/dev/null", Some(key)))
            .await
            .unwrap();
        assert!(!half.read_all_input);
        // More than a pipe holds, never read: the writer gives up, nothing hangs.
        let big = vec![b'x'; 1 << 20];
        let ignored = run(&capture("true", Some(&big))).await.unwrap();
        assert!(!ignored.read_all_input);
    }

    #[tokio::test]
    async fn a_limit_kills_the_whole_group() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 30 & echo $! > {}; wait", pid_file.display());
        let cmd = Command {
            limit: Some(Duration::from_millis(500)),
            ..capture(&script, None)
        };
        let err = run(&cmd).await.unwrap_err();
        assert_eq!(err, Failure::TimedOut(Duration::from_millis(500)));
        let pid: i32 = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(gone(pid).await, "the backgrounded sleep {pid} still runs");
    }

    /// The process has ended (it may stay a zombie of its reparented parent briefly).
    async fn gone(pid: i32) -> bool {
        for _ in 0..50 {
            let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let running = state
                .rsplit(')')
                .next()
                .is_some_and(|rest| !rest.trim_start().starts_with('Z'));
            if !running {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        false
    }
}
